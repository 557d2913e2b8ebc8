"""Chat JSONL -> token ids + per-token loss weights (the label mask), batching, and data lineage.

The rule: loss falls only on the tokens of assistant messages whose ``weight`` > 0, including the
end-of-turn token that closes them; everything else (system, user, weight-0 replies, role headers,
padding) gets weight 0, i.e. label -100.

Spans are found by rendering the chat template prefix by prefix, never by searching for the reply
text: for assistant message *i* the span starts where ``render(messages[:i], add_generation_prompt=True)``
ends and stops where ``render(messages[:i+1])`` ends, cut after the last stop token inside it (so a
template's trailing newline after ``<|im_end|>`` is not trained). Characters map to tokens through
the fast tokenizer's offsets, so the result does not depend on how BPE merges around boundaries.
Every span is then checked independently: decoding its tokens must give back the message content
followed by a stop token.
"""

from __future__ import annotations

import bisect
import json
import math
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from tunehouse.contracts import exports
from tunehouse.contracts.chat import SPLITS
from tunehouse.contracts.exports import file_sha256
from tunehouse.errors import UserError

ROLES = ("system", "user", "assistant")
IGNORE_INDEX = -100


# --------------------------------------------------------------------------- reading + validation
def read_chat_jsonl(path: str | Path, limit: int | None = None) -> list[list[dict]]:
    """Read a chat JSONL file into a list of conversations (each a validated list of messages)."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"training data file not found: {path}")
    conversations = []
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise UserError(f"{path}:{lineno}: not valid JSON ({e.msg})") from None
            conversations.append(validate_conversation(row, where=f"{path}:{lineno}"))
            if limit is not None and len(conversations) >= limit:
                break
    return conversations


def validate_conversation(row: Any, where: str = "conversation") -> list[dict]:
    """Check one ``{"messages": [...]}`` row; return its messages with ``weight`` filled in for assistants."""
    if not isinstance(row, dict) or not isinstance(row.get("messages"), list) or not row["messages"]:
        raise UserError(f"{where}: expected an object with a non-empty 'messages' list")
    messages = []
    for j, m in enumerate(row["messages"]):
        if not isinstance(m, dict):
            raise UserError(f"{where}: message {j} is not an object")
        role, content = m.get("role"), m.get("content")
        if role not in ROLES:
            raise UserError(f"{where}: message {j} has role {role!r}; allowed: {', '.join(ROLES)}")
        if not isinstance(content, str):
            raise UserError(f"{where}: message {j} content must be a string")
        msg = {"role": role, "content": content}
        if role == "assistant":
            w = m.get("weight", 1)
            if isinstance(w, bool) or not isinstance(w, (int, float)) or not (0 <= w <= 1) or math.isnan(w):
                raise UserError(f"{where}: message {j} weight must be a number in [0, 1], got {w!r}")
            msg["weight"] = float(w)
        messages.append(msg)
    return messages


# --------------------------------------------------------------------------- tokenisation
@dataclass
class Example:
    """One training sequence: ids, the loss weight of each token (0 = masked), positions (reset per packed part)."""

    input_ids: list[int]
    weights: list[float]
    position_ids: list[int]
    n_trainable: int  # tokens with weight > 0, from the message spans (the audit's expectation)
    weight_sum: float  # sum of the token weights, from the message spans
    sources: list[int] = field(default_factory=list)  # conversation indices packed into this sequence

    def __len__(self) -> int:
        return len(self.input_ids)


@dataclass
class TokenizeStats:
    conversations: int = 0
    kept: int = 0
    dropped_no_trainable: int = 0  # nothing left to learn (all weight 0, or truncated away)
    truncated: int = 0
    tokens: int = 0
    trainable_tokens: int = 0
    trainable_tokens_lost: int = 0  # lost to truncation (incl. a first token that cannot be predicted)
    weighted_messages: int = 0
    span_check_failures: int = 0
    sequences: int = 0  # after packing

    def as_dict(self) -> dict:
        d = dict(self.__dict__)
        d["trainable_fraction"] = self.trainable_tokens / self.tokens if self.tokens else 0.0
        return d


def stop_token_ids(tokenizer) -> list[int]:
    """End-of-turn / end-of-sequence ids that terminate a reply (eos, plus <|im_end|>/<|eot_id|> when present)."""
    ids = []
    eos = tokenizer.eos_token_id
    if isinstance(eos, int):
        ids.append(eos)
    for tok in ("<|im_end|>", "<|eot_id|>", "<|end|>", "<end_of_turn>"):
        tid = tokenizer.convert_tokens_to_ids(tok) if tok in tokenizer.get_vocab() else None
        if isinstance(tid, int) and tid not in ids:
            ids.append(tid)
    if not ids:
        raise UserError("the tokenizer has no eos / end-of-turn token; set eos_token in its tokenizer_config.json")
    return ids


def generation_stop_ids(tokenizer) -> list[int]:
    """Ids that end generation: the end-of-turn ids, plus the start-of-turn token (a model that opens a new
    turn instead of closing its own has finished its reply)."""
    ids = stop_token_ids(tokenizer)
    for tok in ("<|im_start|>", "<|start_header_id|>", "<start_of_turn>"):
        if tok in tokenizer.get_vocab():
            tid = tokenizer.convert_tokens_to_ids(tok)
            if tid not in ids:
                ids.append(tid)
    return ids


def _render(tokenizer, messages: list[dict], add_generation_prompt: bool = False) -> str:
    return tokenizer.apply_chat_template(
        [{"role": m["role"], "content": m["content"]} for m in messages],
        tokenize=False,
        add_generation_prompt=add_generation_prompt,
    )


def _common_prefix_len(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def assistant_char_spans(tokenizer, messages: list[dict]) -> tuple[str, list[tuple[int, int, int]]]:
    """Render the conversation; return it and (message index, char start, char end) of each assistant message
    with weight > 0."""
    if not getattr(tokenizer, "chat_template", None):
        raise UserError("the tokenizer has no chat_template; use a chat/instruct model or set one")
    full = _render(tokenizer, messages)
    spans = []
    for i, m in enumerate(messages):
        if m["role"] != "assistant" or m.get("weight", 1.0) <= 0:
            continue
        through = _render(tokenizer, messages[: i + 1])
        if i > 0:
            before = _render(tokenizer, messages[:i], add_generation_prompt=True)
        else:
            # nothing before it to render (a bot greeting opens the conversation): the reply starts where the
            # rendering of the same message with empty content stops agreeing with it
            empty = _render(tokenizer, [{"role": "assistant", "content": ""}])
            before = through[: _common_prefix_len(empty, through)]
        if not (full.startswith(before) and full.startswith(through) and len(before) <= len(through)):
            raise UserError(
                "the chat template is not prefix-stable (rendering a conversation prefix does not give a prefix of "
                "the full rendering), so reply spans cannot be derived safely; use a template that is"
            )
        spans.append((i, len(before), len(through)))
    return full, spans


def tokenize_conversation(
    tokenizer,
    messages: list[dict],
    *,
    max_seq_length: int,
    truncation_side: str = "left",
    fractional_weights: bool = False,
    stop_ids: Sequence[int] | None = None,
    stats: TokenizeStats | None = None,
    source: int = 0,
) -> Example | None:
    """Tokenise one validated conversation into an :class:`Example` (None when nothing is left to train)."""
    stats = stats if stats is not None else TokenizeStats()
    stop_ids = set(stop_ids if stop_ids is not None else stop_token_ids(tokenizer))
    stats.conversations += 1
    text, spans = assistant_char_spans(tokenizer, messages)
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    ids: list[int] = list(enc["input_ids"])
    starts = [s for s, _ in enc["offset_mapping"]]
    weights = [0.0] * len(ids)

    for msg_index, c0, c1 in spans:
        w = messages[msg_index].get("weight", 1.0)
        if w <= 0:
            continue
        if not fractional_weights:
            w = 1.0
        tok = list(range(bisect.bisect_left(starts, c0), bisect.bisect_left(starts, c1)))
        # cut after the last stop token of the span (template text after end-of-turn is not trained)
        last_stop = max((k for k, t in enumerate(tok) if ids[t] in stop_ids), default=None)
        if last_stop is None:
            stats.span_check_failures += 1
            continue
        tok = tok[: last_stop + 1]
        stats.weighted_messages += 1
        body = tokenizer.decode([ids[t] for t in tok[:-1]], skip_special_tokens=False)
        if body.strip() != messages[msg_index]["content"].strip():
            stats.span_check_failures += 1
        for t in tok:
            weights[t] = w

    trainable_before = sum(1 for w in weights if w > 0)
    if len(ids) > max_seq_length:
        stats.truncated += 1
        if truncation_side == "left":
            ids, weights = ids[-max_seq_length:], weights[-max_seq_length:]
        else:
            ids, weights = ids[:max_seq_length], weights[:max_seq_length]
    if weights:
        weights[0] = 0.0  # the first token of a sequence has no context to be predicted from
    n_trainable = sum(1 for w in weights if w > 0)
    stats.trainable_tokens_lost += trainable_before - n_trainable
    if n_trainable == 0:
        stats.dropped_no_trainable += 1
        return None
    stats.kept += 1
    stats.tokens += len(ids)
    stats.trainable_tokens += n_trainable
    return Example(
        input_ids=ids,
        weights=weights,
        position_ids=list(range(len(ids))),
        n_trainable=n_trainable,
        weight_sum=float(sum(weights)),
        sources=[source],
    )


def tokenize_conversations(
    tokenizer,
    conversations: Iterable[list[dict]],
    *,
    max_seq_length: int,
    truncation_side: str = "left",
    fractional_weights: bool = False,
    packing: bool = False,
) -> tuple[list[Example], TokenizeStats]:
    """Tokenise many conversations (optionally packed); raise UserError if any span check failed."""
    stats = TokenizeStats()
    stop_ids = stop_token_ids(tokenizer)
    examples = []
    for i, messages in enumerate(conversations):
        ex = tokenize_conversation(
            tokenizer,
            messages,
            max_seq_length=max_seq_length,
            truncation_side=truncation_side,
            fractional_weights=fractional_weights,
            stop_ids=stop_ids,
            stats=stats,
            source=i,
        )
        if ex is not None:
            examples.append(ex)
    if stats.span_check_failures:
        raise UserError(
            f"mask audit: {stats.span_check_failures} of {stats.weighted_messages} weighted assistant replies did not "
            "decode back to their content followed by an end-of-turn token; the chat template and tokenizer "
            "disagree about where replies are, so training would learn the wrong tokens"
        )
    if packing:
        examples = pack_examples(examples, max_seq_length)
    stats.sequences = len(examples)
    return examples, stats


def pack_examples(examples: list[Example], max_seq_length: int) -> list[Example]:
    """Greedy packing in order: concatenate examples up to max_seq_length; positions restart per part,
    which (with no attention mask) keeps attention within each conversation."""
    packed: list[Example] = []
    cur: Example | None = None
    for ex in examples:
        if cur is not None and len(cur) + len(ex) <= max_seq_length:
            cur.input_ids += ex.input_ids
            cur.weights += ex.weights
            cur.position_ids += ex.position_ids
            cur.n_trainable += ex.n_trainable
            cur.weight_sum += ex.weight_sum
            cur.sources += ex.sources
        else:
            cur = Example(list(ex.input_ids), list(ex.weights), list(ex.position_ids), ex.n_trainable,
                          ex.weight_sum, list(ex.sources))
            packed.append(cur)
    return packed


# --------------------------------------------------------------------------- batching
def collate(examples: Sequence[Example], pad_token_id: int):
    """Right-pad to the longest sequence. No attention mask is needed: attention is causal, so real tokens never
    see the padding after them, and restarting position ids separate packed conversations."""
    import torch

    n = max(len(e) for e in examples)
    ids = torch.full((len(examples), n), pad_token_id, dtype=torch.long)
    pos = torch.zeros((len(examples), n), dtype=torch.long)
    w = torch.zeros((len(examples), n), dtype=torch.float32)
    for b, e in enumerate(examples):
        k = len(e)
        ids[b, :k] = torch.tensor(e.input_ids)
        pos[b, :k] = torch.tensor(e.position_ids)
        pos[b, k:] = torch.arange(n - k)  # padding forms its own trailing "sequence"
        w[b, :k] = torch.tensor(e.weights)
    labels = torch.where(w > 0, ids, torch.full_like(ids, IGNORE_INDEX))
    return {
        "input_ids": ids,
        "position_ids": pos,
        "labels": labels,
        "weights": w,
        "n_trainable": sum(e.n_trainable for e in examples),
        "weight_sum": sum(e.weight_sum for e in examples),
        "n_tokens": sum(len(e) for e in examples),
    }


def audit_batch(batch: dict, where: str = "batch") -> None:
    """The mask audit: the trainable tokens in the collated tensors must be exactly what the message weights imply."""
    got = int((batch["labels"] != IGNORE_INDEX).sum())
    got_w = float(batch["weights"].sum())
    if got != batch["n_trainable"] or abs(got_w - batch["weight_sum"]) > 1e-3 * max(1.0, got_w):
        raise UserError(
            f"mask audit failed in {where}: {got} trainable tokens (weight sum {got_w:.3f}) in the batch, but the "
            f"assistant message weights imply {batch['n_trainable']} (weight sum {batch['weight_sum']:.3f})"
        )


def step_plan(
    n_examples: int, *, epoch: int, seed: int, world_size: int, micro_batch_size: int, accumulation: int
) -> list[list[list[list[int]]]]:
    """Example indices for every optimizer step of an epoch: plan[step][rank][micro] -> indices.

    A seeded permutation per epoch (so a resumed run sees the same order), split into global batches of
    world_size * accumulation * micro_batch_size; the last batch wraps around to stay full."""
    rng = random.Random(seed * 1_000_003 + epoch)
    order = list(range(n_examples))
    rng.shuffle(order)
    per_step = world_size * accumulation * micro_batch_size
    n_steps = max(1, math.ceil(n_examples / per_step))
    plan = []
    for s in range(n_steps):
        idx = [order[(s * per_step + k) % n_examples] for k in range(per_step)]
        plan.append(
            [
                [idx[(a * world_size + r) * micro_batch_size:(a * world_size + r + 1) * micro_batch_size]
                 for a in range(accumulation)]
                for r in range(world_size)
            ]
        )
    return plan


def eval_shard(n_examples: int, rank: int, world_size: int) -> list[int]:
    return list(range(rank, n_examples, world_size))


# --------------------------------------------------------------------------- locating data + lineage
def latest_export(exports_dir: Path) -> Path:
    """The export folder of the last `tunehouse curate` under storage.root/exports."""
    found = exports.latest_export(exports_dir)
    if found is None:
        raise UserError(
            f"no training data: no <version>/train.jsonl under {exports_dir}; run `tunehouse curate` first "
            "or set train.train_data"
        )
    return found


def count_rows(path: Path) -> int:
    with Path(path).open("rb") as f:
        return sum(1 for line in f if line.strip())


def data_lineage(data_dir: Path) -> dict:
    """Dataset version, gold table version, and sha256 + row count of each split (computed, checked against
    manifest.json when present)."""
    data_dir = Path(data_dir)
    manifest = {}
    mpath = data_dir / exports.MANIFEST
    if mpath.is_file():
        try:
            manifest = json.loads(mpath.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            manifest = {}
    files = {}
    for split in SPLITS:
        p = data_dir / exports.split_file(split)
        if p.is_file():
            files[p.name] = {"rows": count_rows(p), "sha256": file_sha256(p), "path": str(p.resolve())}
    mismatches = []
    for name, info in (manifest.get("files") or {}).items():
        if name in files and info.get("sha256") and info["sha256"] != files[name]["sha256"]:
            mismatches.append(name)
    return {
        "data_dir": str(data_dir.resolve()),
        "dataset_version": manifest.get("dataset_version", data_dir.name),
        "gold_table": manifest.get("gold_table"),
        "gold_table_version": manifest.get("gold_table_version"),
        "files": files,
        "manifest_present": bool(manifest),
        "manifest_mismatches": mismatches,
    }


def render_mask(tokenizer, example: Example, marker: tuple[str, str] = ("[[", "]]")) -> str:
    """Human-readable rendering of an example: trained spans wrapped in [[...]] (with their weight if not 1)."""
    out, run, run_w = [], [], None

    def flush():
        if not run:
            return
        text = tokenizer.decode(run, skip_special_tokens=False)
        if run_w and run_w > 0:
            tag = "" if abs(run_w - 1.0) < 1e-9 else f"w={run_w:g}|"
            out.append(f"{marker[0]}{tag}{text}{marker[1]}")
        else:
            out.append(text)

    for tid, w in zip(example.input_ids, example.weights):
        if run and w != run_w:
            flush()
            run = []
        run.append(tid)
        run_w = w
    flush()
    return "".join(out)
