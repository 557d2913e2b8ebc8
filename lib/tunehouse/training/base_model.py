"""Base models: load any Hugging Face causal LM, or build the offline tiny one (`tunehouse base-model`).

The tiny base is a Llama-style model with a byte-level BPE tokenizer trained with `tokenizers` on the
scrubbed conversations, ChatML special tokens, a Jinja chat template with ``{% generation %}`` markers
and every PII placeholder seen in the corpus as one unsplittable token (either style of
:mod:`tunehouse.contracts.placeholders`: ``<PERSON_1>``, or ``<PERSON>`` with pii.placeholder_style=typed). A short
unweighted warm-up on all turns teaches it the domain; fine-tuning then teaches the house style from
the weight-1 replies. It is saved with ``save_pretrained`` like any checkpoint, so the rest of the
code loads it the same way as a hub model.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import random
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from tunehouse.contracts.placeholders import PLACEHOLDER_RE
from tunehouse.contracts.placeholders import find_placeholders as placeholders_in
from tunehouse.errors import UserError

if TYPE_CHECKING:
    from tunehouse.config import Settings

log = logging.getLogger(__name__)

BASE_INFO_FILE = "tunehouse_base.json"
PAD, EOS, IM_START, IM_END = "<|pad|>", "<|endoftext|>", "<|im_start|>", "<|im_end|>"
SPECIAL_TOKENS = [PAD, EOS, IM_START, IM_END]
MAX_PLACEHOLDER_TOKENS = 512

# ChatML. Assistant content and its end-of-turn token sit inside {% generation %} so that
# apply_chat_template(..., return_assistant_tokens_mask=True) also works (TRL's assistant_only_loss).
CHAT_TEMPLATE = (
    "{%- for message in messages %}"
    "{%- if message['role'] == 'assistant' %}"
    "{{- '<|im_start|>assistant\\n' }}{% generation %}{{- message['content'] + '<|im_end|>' }}{% endgeneration %}"
    "{{- '\\n' }}"
    "{%- else %}"
    "{{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
    "{%- endif %}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}"
)


def render_chatml(messages: list[dict]) -> str:
    """The same text as CHAT_TEMPLATE, in Python (used to train the tokenizer before it exists)."""
    return "".join(f"{IM_START}{m['role']}\n{m['content']}{IM_END}\n" for m in messages)


# --------------------------------------------------------------------------- loading
def default_base_path(settings: "Settings") -> Path:
    return settings.storage.models / "base"


def resolve_base_model(settings: "Settings") -> str:
    """train.base_model, or the local tiny base (with a clear error if it was never built)."""
    if settings.train.base_model:
        return settings.train.base_model
    path = default_base_path(settings)
    if not (path / "config.json").is_file():
        raise UserError(
            f"no base model at {path}: build the offline tiny base with `tunehouse base-model` "
            "(after `tunehouse curate`), or set train.base_model to a hub id or local folder"
        )
    return str(path)


def ensure_base_model(settings: "Settings") -> str:
    """The configured base model; builds the offline tiny base first when the default one is missing
    (for `tunehouse demo`). Returns the hub id or path to load."""
    if settings.train.base_model or (default_base_path(settings) / "config.json").is_file():
        return resolve_base_model(settings)
    build_base_model(settings)
    return resolve_base_model(settings)


def model_name(name_or_path: str) -> str:
    """A short model name: the hub id, or for a local folder its recorded name, else the folder name."""
    p = Path(name_or_path)
    if p.is_dir():
        info = p / BASE_INFO_FILE
        if info.is_file():
            try:
                return json.loads(info.read_text(encoding="utf-8"))["name"]
            except (json.JSONDecodeError, KeyError):
                pass
        return p.resolve().name
    return name_or_path


def load_tokenizer(name_or_path: str):
    from transformers import AutoTokenizer

    try:
        tok = AutoTokenizer.from_pretrained(name_or_path)
    except (OSError, ValueError) as e:
        raise UserError(_not_reachable(name_or_path, e)) from None
    if tok.pad_token_id is None:
        tok.pad_token = tok.eos_token
    return tok


def load_model(name_or_path: str, dtype=None):
    from transformers import AutoModelForCausalLM

    try:
        return AutoModelForCausalLM.from_pretrained(name_or_path, dtype=dtype)
    except (OSError, ValueError) as e:
        raise UserError(_not_reachable(name_or_path, e)) from None


def _not_reachable(name_or_path: str, e: Exception) -> str:
    if Path(name_or_path).exists():
        return f"cannot load base model from {name_or_path}: {str(e).splitlines()[0]}"
    return (
        f"base model {name_or_path!r} is neither a local folder nor reachable on the Hugging Face hub "
        f"({str(e).splitlines()[0][:160]}); with no hub access (HF_HUB_OFFLINE=1) point train.base_model to a "
        "local folder, or build the offline tiny base with `tunehouse base-model`"
    )


def checksum_dir(path: str | Path) -> str:
    """sha256 over a checkpoint folder's files (names and bytes, sorted); for a hub id, of the id itself."""
    p = Path(path)
    h = hashlib.sha256()
    if not p.is_dir():
        h.update(str(path).encode())
        return h.hexdigest()
    for f in sorted(x for x in p.rglob("*") if x.is_file()):
        h.update(str(f.relative_to(p)).encode())
        with f.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()


def chat_template_hash(tokenizer) -> str:
    return hashlib.sha256((tokenizer.chat_template or "").encode()).hexdigest()


# --------------------------------------------------------------------------- building the tiny base
def build_tokenizer(texts: list[str], vocab_size: int, placeholders: list[str]):
    """Byte-level BPE trained on the rendered conversations; ChatML specials; placeholders kept whole."""
    from tokenizers import (
        AddedToken,
        Tokenizer,
        decoders,
        models,
        pre_tokenizers,
        trainers,
    )
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    n_special = len(SPECIAL_TOKENS) + len(placeholders)
    trainer = trainers.BpeTrainer(
        vocab_size=max(vocab_size - len(placeholders), 256 + n_special + 16),
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        min_frequency=2,
        show_progress=False,
    )
    # placeholders are left out of BPE training and added afterwards as whole tokens: added tokens are
    # matched before BPE runs, so a placeholder never merges with the text around it
    tok.train_from_iterator((PLACEHOLDER_RE.sub(" ", t) for t in texts), trainer)
    tok.add_tokens([AddedToken(p, normalized=False, special=False) for p in placeholders])
    hf = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token=None,
        eos_token=IM_END,
        pad_token=PAD,
        unk_token=None,
        additional_special_tokens=[EOS, IM_START],
        model_max_length=1 << 30,
        clean_up_tokenization_spaces=False,
    )
    hf.chat_template = CHAT_TEMPLATE
    return hf


def find_placeholders(texts: list[str], limit: int = MAX_PLACEHOLDER_TOKENS) -> list[str]:
    """The ``limit`` most frequent placeholders of either style in the texts, sorted."""
    counts = Counter(p for t in texts for p in placeholders_in(t))
    return sorted(p for p, _ in counts.most_common(limit))


def build_tiny_model(tokenizer, bs) -> "object":
    import torch
    from transformers import GenerationConfig, LlamaConfig, LlamaForCausalLM

    torch.manual_seed(bs.seed)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=bs.hidden_size,
        intermediate_size=bs.intermediate_size,
        num_hidden_layers=bs.num_layers,
        num_attention_heads=bs.num_heads,
        num_key_value_heads=bs.num_kv_heads,
        max_position_embeddings=bs.max_position_embeddings,
        tie_word_embeddings=True,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        bos_token_id=None,
        use_cache=True,
    )
    model = LlamaForCausalLM(config)
    stops = [tokenizer.convert_tokens_to_ids(IM_END), tokenizer.convert_tokens_to_ids(EOS)]
    model.generation_config = GenerationConfig(
        eos_token_id=stops, pad_token_id=tokenizer.pad_token_id, bos_token_id=None, do_sample=False
    )
    return model


def warm_up(model, tokenizer, texts: list[str], bs, progress=None) -> list[float]:
    """Generic causal-LM warm-up on all tokens of the rendered conversations (no masks, no weights)."""
    import torch

    if bs.warmup_steps == 0 or not texts:
        return []
    ids: list[int] = []
    for t in texts:
        ids.extend(tokenizer(t, add_special_tokens=False)["input_ids"])
        ids.append(tokenizer.convert_tokens_to_ids(EOS))
    L = bs.warmup_seq_length
    n_chunks = max(1, len(ids) // L)
    if len(ids) < L + 1:
        ids = ids * (L // max(1, len(ids)) + 2)
        n_chunks = 1
    data = torch.tensor(ids[: n_chunks * L], dtype=torch.long).view(n_chunks, L)
    torch.set_num_threads(bs.threads)
    g = torch.Generator().manual_seed(bs.seed)
    opt = torch.optim.AdamW(model.parameters(), lr=bs.warmup_learning_rate, weight_decay=0.01)
    warm = max(1, bs.warmup_steps // 10)

    def lr_at(step):
        if step < warm:
            return (step + 1) / warm
        return 0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * (step - warm) / max(1, bs.warmup_steps - warm)))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_at)
    model.train()
    losses = []
    t0 = time.time()
    for step in range(bs.warmup_steps):
        batch = data[torch.randint(0, n_chunks, (bs.warmup_batch_size,), generator=g)]
        loss = model(input_ids=batch, labels=batch, use_cache=False).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad(set_to_none=True)
        losses.append(float(loss.item()))
        if progress is not None:
            progress(step + 1, bs.warmup_steps, losses[-1])
        elif (step + 1) % 50 == 0 or step + 1 == bs.warmup_steps:
            log.info("warm-up step %d/%d loss %.3f (%.1fs)", step + 1, bs.warmup_steps, losses[-1], time.time() - t0)
    model.eval()
    return losses


def build_base_model(
    settings: "Settings",
    *,
    bs=None,
    train_file: Path | None = None,
    output: Path | None = None,
) -> dict:
    """Build tokenizer + tiny Llama + warm-up from the training conversations and save_pretrained it.

    Returns a summary dict (path, sizes, warm-up losses)."""
    from tunehouse.training.data import latest_export, read_chat_jsonl

    bs = bs if bs is not None else _base_settings(settings)
    out = Path(output or bs.output or default_base_path(settings))
    if (out / "config.json").exists() and not bs.overwrite:
        raise UserError(f"a base model already exists at {out}; pass --overwrite (base_model.overwrite=true) to replace it")
    if train_file is None:
        data_dir = Path(bs.train_data) if bs.train_data else latest_export(settings.storage.exports)
        train_file = data_dir / "train.jsonl"
    conversations = read_chat_jsonl(train_file)
    if not conversations:
        raise UserError(f"{train_file} has no conversations to build a tokenizer from")
    texts = [render_chatml(c) for c in conversations]
    rng = random.Random(bs.seed)
    rng.shuffle(texts)
    t0 = time.time()
    placeholders = find_placeholders(texts)
    tokenizer = build_tokenizer(texts, bs.vocab_size, placeholders)
    # the Jinja template and the Python renderer must agree, or the tokenizer learnt a different text
    probe = conversations[0]
    if tokenizer.apply_chat_template(probe, tokenize=False) != render_chatml(probe):
        raise AssertionError("CHAT_TEMPLATE and render_chatml disagree")
    model = build_tiny_model(tokenizer, bs)
    n_params = sum(p.numel() for p in model.parameters())
    log.info("tokenizer: %d tokens (%d placeholders); model: %.2fM parameters", len(tokenizer), len(placeholders),
             n_params / 1e6)
    # The warm-up leaves system messages out: a generic base has never read the company's instructions,
    # and a tiny model warmed up on the same system prompt in every example memorises it and recites it
    # as a reply (seen in the demo's evaluation). The tokenizer above still learns from them.
    warm_texts = [render_chatml([m for m in c if m.get("role") != "system"]) for c in conversations]
    rng.shuffle(warm_texts)
    losses = warm_up(model, tokenizer, warm_texts, bs)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    info = {
        "name": bs.name,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "train_file": str(Path(train_file).resolve()),
        "conversations": len(conversations),
        "vocab_size": len(tokenizer),
        "placeholder_tokens": len(placeholders),
        "parameters": n_params,
        "warmup_steps": len(losses),
        "warmup_loss_first": losses[0] if losses else None,
        "warmup_loss_last": sum(losses[-10:]) / len(losses[-10:]) if losses else None,
        "seconds": round(time.time() - t0, 1),
        "architecture": {k: getattr(bs, k) for k in ("hidden_size", "num_layers", "num_heads", "num_kv_heads",
                                                     "intermediate_size", "max_position_embeddings")},
    }
    (out / BASE_INFO_FILE).write_text(json.dumps(info, indent=2), encoding="utf-8")
    info["path"] = str(out)
    return info


def _base_settings(settings: "Settings"):
    from tunehouse.training.settings import BaseModelSettings

    return getattr(settings, "base_model", None) or BaseModelSettings()
