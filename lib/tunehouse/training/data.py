"""The data a training job reads: chat JSONL of an export, validated, with its lineage, prepared for the workers.

``prepare_data`` is the driver's first step: find the export (train.train_data or the latest), check its
files against manifest.json, read and validate train.jsonl / validation.jsonl, tokenise them with the
loss mask (:mod:`tunehouse.training.tokenize`), audit every batch (packed when train.packing), and write
the mask audit shown in MLflow.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tunehouse.contracts import chat, exports
from tunehouse.contracts.chat import SPLITS
from tunehouse.errors import UserError
from tunehouse.training import batching
from tunehouse.training import tokenize as tk

if TYPE_CHECKING:
    from tunehouse.config import Settings

log = logging.getLogger(__name__)

# Rules of the chat format the trainer trains around rather than refusing the file (the pre-flight report
# still flags them): an extra key on a message is dropped, a weight on a system/user message is ignored.
# Fractional weights are accepted here; train.fractional_weights decides whether they scale the loss.
_TOLERATED = ("message_unrecognized_key", "weight_on_non_assistant")


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
    """Check one ``{"messages": [...]}`` row against :mod:`tunehouse.contracts.chat`; return its messages as
    role + content, with ``weight`` filled in (missing = 1) for assistants."""
    problem = chat.line_error(row)
    if problem:
        raise UserError(f"{where}: {problem[1]}")
    for j, m in enumerate(row["messages"]):
        fatal = [msg for code, msg in chat.message_errors(m, j, allow_fractional_weights=True)
                 if code not in _TOLERATED]
        if fatal:
            raise UserError(f"{where}: {fatal[0]}")
    return [{"role": m["role"], "content": m["content"]}
            | ({"weight": chat.message_weight(m)} if m["role"] == "assistant" else {})
            for m in row["messages"]]


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
            files[p.name] = {"rows": count_rows(p), "sha256": exports.file_sha256(p), "path": str(p.resolve())}
    mismatches = []
    for name, info in (manifest.get("files") or {}).items():
        if name in files and info.get("sha256") and info["sha256"] != files[name]["sha256"]:
            mismatches.append(name)
    return {
        "data_dir": str(data_dir.resolve()),
        "dataset_version": manifest.get("dataset_version", data_dir.name),
        "gold_table": manifest.get("gold_table"),
        "gold_table_version": manifest.get("gold_table_version"),
        "pii_scrubbed_by": (manifest.get("pii") or {}).get("scrubbed_by"),  # rules, or rules+learned:<model>
        "files": files,
        "manifest_present": bool(manifest),
        "manifest_mismatches": mismatches,
    }


# --------------------------------------------------------------------------- preparing a job's data
@dataclass
class PreparedData:
    data_dir: Path
    lineage: dict
    train: list[tk.Example]
    validation: list[tk.Example]
    stats: dict
    audit_text: str
    no_validation: str | None = None  # why validation is skipped (NO_VALIDATION and the cause); None: it runs


def prepare_data(settings: "Settings", tokenizer) -> PreparedData:
    """Read, tokenise and audit the train/validation JSONL of the configured (or latest) export."""
    ts = settings.train
    data_dir = Path(ts.train_data) if ts.train_data else latest_export(settings.storage.exports)
    if not (data_dir / "train.jsonl").is_file():
        raise UserError(f"no train.jsonl in {data_dir}")
    lineage = data_lineage(data_dir)
    if lineage["manifest_mismatches"]:
        raise UserError(f"{data_dir}: files changed since manifest.json was written: {lineage['manifest_mismatches']}")
    train, train_stats = _sequences(settings, tokenizer, data_dir / "train.jsonl")
    if not train:
        raise UserError(f"{data_dir / 'train.jsonl'}: no conversation has a trainable assistant reply (weight > 0)")
    validation, val_stats, no_validation = _validation(settings, tokenizer, data_dir)
    batching.audit_all(train, tokenizer.pad_token_id, ts.micro_batch_size, packed=ts.packing)
    stats = {f"train_{k}": v for k, v in train_stats.as_dict().items()}
    if val_stats:
        stats.update({f"validation_{k}": v for k, v in val_stats.as_dict().items()})
    stats["padding_fraction"] = batching.padding_fraction(train, ts.micro_batch_size, packed=ts.packing)
    audit_text = audit_report(tokenizer, train, train_stats, ts.audit_examples)
    return PreparedData(data_dir, lineage, train, validation, stats, audit_text, no_validation)


NO_VALIDATION = "no validation data: validation skipped"


def _validation(settings: "Settings", tokenizer, data_dir: Path) -> tuple[list[tk.Example], Any, str | None]:
    """The validation sequences of validation.jsonl, their statistics, and why there are none (else None).

    Without validation data the job validates nothing: it never falls back to training examples, whose loss
    says nothing about generalisation."""
    val_file = data_dir / exports.split_file("validation")
    if not val_file.is_file() or count_rows(val_file) == 0:
        reason = f"{NO_VALIDATION} ({val_file.name} is {'empty' if val_file.is_file() else 'missing'})"
        log.warning("%s in %s", reason, data_dir)
        return [], None, reason
    validation, val_stats = _sequences(settings, tokenizer, val_file)
    if settings.train.max_eval_examples:
        validation = validation[: settings.train.max_eval_examples]
    if not validation:
        reason = f"{NO_VALIDATION} (no conversation of {val_file.name} has a trainable assistant reply)"
        log.warning("%s in %s", reason, data_dir)
        return [], val_stats, reason
    return validation, val_stats, None


def _sequences(settings: "Settings", tokenizer, path: Path) -> tuple[list[tk.Example], tk.TokenizeStats]:
    """One split's training sequences (one per conversation; train.packing packs micro-batches when they are
    collated) and their tokenisation statistics."""
    ts = settings.train
    examples, stats = tk.tokenize_conversations(tokenizer, read_chat_jsonl(path), max_seq_length=ts.max_seq_length,
                                                truncation_side=ts.truncation_side,
                                                fractional_weights=ts.fractional_weights)
    stats.sequences = len(examples)
    return examples, stats


def audit_report(tokenizer, examples: list[tk.Example], stats: tk.TokenizeStats, n: int) -> str:
    """The mask audit logged to MLflow: the counts, and the first ``n`` sequences with their trained spans marked."""
    lines = [
        "Mask audit: trained spans are wrapped in [[ ]] (with w=<weight> when the weight is not 1);",
        "everything outside them has label -100 (no loss).",
        f"conversations={stats.conversations} kept={stats.kept} dropped_no_trainable={stats.dropped_no_trainable} "
        f"truncated={stats.truncated} trainable_tokens={stats.trainable_tokens}/{stats.tokens} "
        f"({stats.as_dict()['trainable_fraction']:.1%}) trainable_tokens_lost_to_truncation={stats.trainable_tokens_lost}",
        "",
    ]
    for i, ex in enumerate(examples[:n]):
        lines += [f"===== example {i} ({len(ex)} tokens, {ex.n_trainable} trainable) =====",
                  tk.render_mask(tokenizer, ex), ""]
    return "\n".join(lines)
