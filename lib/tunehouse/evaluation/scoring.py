"""Executor side of `tunehouse evaluate`: score replayed prompts with a chat model, one pandas batch at a time.

Each input row is one replayed turn for one model: ``messages`` holds the conversation up to and
including the logged reply (the last message, the reference); ``hf_dir`` the model folder. For each row:

- generate a reply to ``messages[:-1]`` with :class:`ChatModel` (the class that is served), timing it;
- teacher-force the reference: the turn is tokenised by the training code itself
  (:func:`tunehouse.training.tokenize.tokenize_conversation`, only this reply weighted) and scored with the
  training loss (:func:`tunehouse.training.loss.weighted_loss_sums`), so reference perplexity and token
  accuracy mean exactly what validation loss meant during training;
- ROUGE-L and sentence BLEU against the reference; PII detectors on the reply and on the reference.

Models are loaded once per Python worker (Spark reuses workers) and kept in a small cache.
"""

from __future__ import annotations

import json
import time
from collections import OrderedDict
from typing import Any, Iterator

OUTPUT_SCHEMA = (
    "model_role string, prompt_id string, conversation_id string, turn_index int, prompt_messages int, "
    "last_user_message string, reference string, reply string, finish_reason string, prompt_tokens int, "
    "completion_tokens int, latency_ms double, ref_tokens int, ref_nll double, ref_correct int, "
    "rouge_l double, bleu double, pii_entities int, pii_types array<string>, reference_pii_entities int, "
    "error string"
)

_MODELS: "OrderedDict[str, Any]" = OrderedDict()
_MAX_MODELS = 2


def load_chat_model(hf_dir: str, threads: int | None = None, device: str | None = None):
    """ChatModel for a folder on ``device`` (None: auto, a GPU when there is one), cached per process (the two
    most recently used)."""
    if hf_dir in _MODELS:
        _MODELS.move_to_end(hf_dir)
        return _MODELS[hf_dir]
    import torch

    from tunehouse.model.chat import ChatModel

    if threads:
        torch.set_num_threads(threads)
    model = ChatModel.from_path(hf_dir, device=device)
    _MODELS[hf_dir] = model
    while len(_MODELS) > _MAX_MODELS:
        _MODELS.popitem(last=False)
    return model


def plain(x: Any) -> Any:
    """Arrow/numpy/pandas values -> plain Python lists and dicts."""
    import numpy as np

    if isinstance(x, np.ndarray):
        return [plain(v) for v in x.tolist()]
    if isinstance(x, np.generic):
        return x.item()
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    return x


def reference_loss(chat_model, messages: list[dict]) -> tuple[int, float, int]:
    """(tokens, summed NLL, correctly predicted tokens) of the last message given the ones before it,
    masked exactly as in training (the reply's tokens and its end-of-turn token)."""
    import torch

    from tunehouse.training import tokenize as td
    from tunehouse.training.batching import collate
    from tunehouse.training.loss import weighted_loss_sums

    tok = chat_model.tokenizer
    turn = [{"role": m["role"], "content": m["content"], **({"weight": 0.0} if m["role"] == "assistant" else {})}
            for m in messages[:-1]]
    turn.append({"role": "assistant", "content": messages[-1]["content"], "weight": 1.0})
    ex = td.tokenize_conversation(tok, turn, max_seq_length=chat_model.max_context, truncation_side="left",
                                  stop_ids=td.stop_token_ids(tok))
    if ex is None:
        return 0, 0.0, 0
    pad = tok.pad_token_id if tok.pad_token_id is not None else chat_model.stop_token_ids[0]
    with torch.no_grad():
        batch = {k: v.to(chat_model.model.device) if torch.is_tensor(v) else v for k, v in collate([ex], pad).items()}
        sums = weighted_loss_sums(chat_model.model, batch)
    return int(sums["count"]), float(sums["loss_sum"]), int(sums["correct"])


def score_row(chat_model, messages: list[dict], cfg: dict, scrubber) -> dict:
    from tunehouse.evaluation.metrics import rouge_l, sentence_bleu
    from tunehouse.model.chat import ChatRequestError

    prompt, reference = messages[:-1], messages[-1]["content"]
    out: dict[str, Any] = {"reference_pii_entities": len(scrubber.detect(reference or ""))}
    request = {"messages": prompt, "max_tokens": cfg["max_new_tokens"], "temperature": cfg["temperature"]}
    if cfg["temperature"] > 0:
        request["seed"] = cfg["seed"]
    t0 = time.perf_counter()
    try:
        response = chat_model.chat(request)
    except ChatRequestError as e:
        out["error"] = str(e.message if hasattr(e, "message") else e)[:500]
        return out
    out["latency_ms"] = (time.perf_counter() - t0) * 1000.0
    choice = response["choices"][0]
    reply = choice["message"]["content"]
    entities = scrubber.detect(reply)
    out.update(
        reply=reply,
        finish_reason=choice["finish_reason"],
        prompt_tokens=response["usage"]["prompt_tokens"],
        completion_tokens=response["usage"]["completion_tokens"],
        rouge_l=rouge_l(reply, reference),
        bleu=sentence_bleu(reply, reference),
        pii_entities=len(entities),
        pii_types=sorted({e.type for e in entities}),
    )
    out["ref_tokens"], out["ref_nll"], out["ref_correct"] = reference_loss(chat_model, messages)
    return out


def score_batches(config_json: str):
    """The function given to ``DataFrame.mapInPandas``."""
    cfg = json.loads(config_json)

    def fn(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:  # noqa: F821
        import pandas as pd

        from tunehouse.pii.scrubber import get_scrubber
        from tunehouse.pii.settings import PiiSettings

        scrubber = get_scrubber(PiiSettings.model_validate_json(cfg["pii"]))
        columns = [c.split(" ", 1)[0] for c in OUTPUT_SCHEMA.split(", ")]
        for batch in batches:
            rows = []
            for r in batch.itertuples(index=False):
                messages = [{"role": m["role"], "content": m["content"] or ""} for m in plain(r.messages)]
                last_user = next((m["content"] for m in reversed(messages[:-1]) if m["role"] == "user"), None)
                row = {"model_role": r.model_role, "prompt_id": r.prompt_id, "conversation_id": r.conversation_id,
                       "turn_index": int(r.turn_index), "prompt_messages": len(messages) - 1,
                       "last_user_message": last_user, "reference": messages[-1]["content"]}
                try:
                    model = load_chat_model(r.hf_dir, cfg["torch_threads"], cfg.get("device"))
                    row.update(score_row(model, messages, cfg, scrubber))
                except Exception as e:  # noqa: BLE001 - one bad row must not fail the job; it is counted
                    row["error"] = f"{type(e).__name__}: {str(e)[:400]}"
                rows.append(row)
            # object columns holding None for missing values: pandas would turn an all-missing string column
            # into float NaN, and ints with gaps into floats, which Arrow then refuses to convert
            yield pd.DataFrame([[row.get(c) for c in columns] for row in rows], columns=columns, dtype=object)

    return fn
