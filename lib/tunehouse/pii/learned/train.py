"""Training the learned PII detector: corpus -> cached encoder features -> head (+ top layers) -> artefact.

Cheap on a small CPU by construction: the frozen lower encoder layers run once over the corpus and their
outputs are cached (float16, no padding); the epochs then run only the ``trainable_layers`` top layers and
the linear classifier. The result is saved as an ordinary token-classification checkpoint, so loading it
is the same code as loading any other (:func:`.model.load_checkpoint`).

Evaluation runs the real inference path (:class:`.detector.LearnedDetector`) over the held-out split of the
corpus and reports entity-level precision/recall per label: exact (same start, end and type) and overlap
(a predicted span of the right type touches the gold span).
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tunehouse.pii.learned import sources
from tunehouse.pii.learned.corpus import LABELS, Example, build_corpus, split
from tunehouse.pii.learned.model import (
    IGNORE,
    META_FILE,
    artefact_dir,
    artefact_version,
    corpus_config,
    default_encoder,
    encode_examples,
    new_model,
    read_meta,
    save_checkpoint,
    settings_dict,
    torch_threads,
)

if TYPE_CHECKING:
    from tunehouse.config import Settings


@dataclass
class TrainResult:
    version: str
    path: Path
    reused: bool
    metrics: dict[str, float] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)


def _log(progress: bool, message: str) -> None:
    if progress:
        print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- encoder pieces
def _base(model):
    return model.base_model  # BertModel and friends: .embeddings, .encoder.layer


def _mask(model, hidden, attention_mask):
    from transformers.masking_utils import create_bidirectional_mask

    return create_bidirectional_mask(config=model.config, inputs_embeds=hidden, attention_mask=attention_mask)


def _padded(rows: list, width: int, pad, dtype):
    import torch

    out = torch.full((len(rows), width), pad, dtype=dtype)
    for i, row in enumerate(rows):
        out[i, :len(row)] = torch.as_tensor(row, dtype=dtype)
    return out


def cache_features(model, encoded: list[dict], frozen_layers: int, batch_size: int = 64,
                   progress: bool = True) -> list:
    """Output of the embeddings and the first ``frozen_layers`` layers for every example (float16, unpadded)."""
    import torch
    from tqdm import tqdm

    base = _base(model)
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]["input_ids"]))
    out: list = [None] * len(encoded)
    with torch.inference_mode():
        for b in tqdm(range(0, len(order), batch_size), desc="encoder features", unit="batch",
                      disable=not progress, file=sys.stderr):
            idx = order[b:b + batch_size]
            rows = [encoded[i]["input_ids"] for i in idx]
            width = max(len(r) for r in rows)
            ids = _padded(rows, width, 0, torch.long)
            attn = _padded([[1] * len(r) for r in rows], width, 0, torch.long)
            hidden = base.embeddings(input_ids=ids)
            mask = _mask(model, hidden, attn)
            for layer in base.encoder.layer[:frozen_layers]:
                hidden = layer(hidden, mask)
            for row, i in enumerate(idx):
                out[i] = hidden[row, :len(rows[row])].to(torch.float16).clone()
    return out


def _batches(lengths: list[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of examples of similar length (little padding, still random across epochs)."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    chunk = batch_size * 50
    batches = []
    for c in range(0, len(order), chunk):
        part = sorted(order[c:c + chunk], key=lambda i: lengths[i])
        batches += [part[b:b + batch_size] for b in range(0, len(part), batch_size)]
    rng.shuffle(batches)
    return batches


def fit(model, features: list, encoded: list[dict], ms, progress: bool = True) -> list[float]:
    """Train the top ``ms.trainable_layers`` layers and the classifier on cached features; loss per epoch."""
    import torch
    from tqdm import tqdm

    base = _base(model)
    n_layers = len(base.encoder.layer)
    top = list(base.encoder.layer[n_layers - ms.trainable_layers:]) if ms.trainable_layers else []
    for p in model.parameters():
        p.requires_grad_(False)
    groups = [{"params": list(model.classifier.parameters()), "lr": ms.learning_rate}]
    if top:
        groups.append({"params": [p for layer in top for p in layer.parameters()], "lr": ms.layer_learning_rate})
    for g in groups:
        for p in g["params"]:
            p.requires_grad_(True)
    optimizer = torch.optim.AdamW(groups, weight_decay=0.01)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    rng = random.Random(ms.seed)
    lengths = [len(f) for f in features]
    model.train()
    losses = []
    for epoch in range(ms.epochs):
        total, steps = 0.0, 0
        batches = _batches(lengths, ms.train_batch_size, rng)
        bar = tqdm(batches, desc=f"epoch {epoch + 1}/{ms.epochs}", unit="batch", disable=not progress,
                   file=sys.stderr)
        for idx in bar:
            width = max(lengths[i] for i in idx)
            hidden = torch.zeros((len(idx), width, features[idx[0]].shape[-1]))
            for row, i in enumerate(idx):
                hidden[row, :lengths[i]] = features[i].float()
            attn = _padded([[1] * lengths[i] for i in idx], width, 0, torch.long)
            labels = _padded([encoded[i]["labels"] for i in idx], width, IGNORE, torch.long)
            mask = _mask(model, hidden, attn)
            for layer in top:
                hidden = layer(hidden, mask)
            logits = model.classifier(model.dropout(hidden))
            loss = loss_fn(logits.reshape(-1, logits.shape[-1]), labels.reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total, steps = total + loss.item(), steps + 1
            bar.set_postfix(loss=f"{total / steps:.4f}")
        losses.append(total / max(steps, 1))
    model.eval()
    return losses


# --------------------------------------------------------------------------- evaluation
def evaluate(detector, examples: list[Example]) -> dict[str, float]:
    """Entity-level precision/recall/F1 per label on ``examples`` (exact spans and overlapping spans)."""
    predicted = detector.detect_batch([ex.text for ex in examples])
    metrics: dict[str, float] = {}
    for label in LABELS:
        tp = fp = fn = overlap_hit = 0
        for ex, ents in zip(examples, predicted):
            gold = {(s, e) for s, e, lab in ex.spans if lab == label}
            pred = {(en.start, en.end) for en in ents if en.type == label}
            tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
            overlap_hit += sum(any(ps < ge and gs < pe for ps, pe in pred) for gs, ge in gold)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        metrics.update({f"{label}.precision": p, f"{label}.recall": r,
                        f"{label}.f1": 2 * p * r / (p + r) if p + r else 0.0,
                        f"{label}.overlap_recall": overlap_hit / (tp + fn) if tp + fn else 0.0,
                        f"{label}.support": float(tp + fn)})
    return metrics


# --------------------------------------------------------------------------- the job
def _export_onnx(folder: Path, quantize: bool, progress: bool) -> None:
    """The ONNX graph that scrub processes run on CPU (pii/learned/onnx_runtime.py), exported now so that
    none of them has to import torch to make it; skipped without onnxruntime (made on first use then)."""
    from tunehouse.pii.learned import onnx_runtime

    if onnx_runtime.available():
        t0 = time.perf_counter()
        path = onnx_runtime.export(folder, quantize)
        _log(progress, f"exported {path.name} for onnxruntime in {time.perf_counter() - t0:.1f}s")


def train_pii_model(settings: "Settings", output: Path | None = None, overwrite: bool = False,
                    progress: bool = True) -> TrainResult:
    """Build the corpus, train, evaluate on the held-out split, save; reuse a saved artefact of this version."""
    import torch

    from tunehouse.pii.learned.detector import DetectorOptions, LearnedDetector

    ms = settings.pii.model
    version = artefact_version(ms)
    folder = Path(output) if output else artefact_dir(settings)
    if (folder / META_FILE).is_file() and not overwrite:
        meta = read_meta(folder)
        _log(progress, f"PII model {version} already trained at {folder} (--overwrite to retrain)")
        return TrainResult(version, folder, True, meta.get("metrics", {}), meta.get("params", {}),
                           meta.get("seconds", {}), meta.get("sizes", {}))
    torch.set_num_threads(torch_threads(ms.threads))
    torch.manual_seed(ms.seed)
    seconds: dict[str, float] = {}
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    train_set, heldout = split(build_corpus(corpus_config(ms)), ms.heldout_fraction, ms.seed)
    seconds["corpus"] = time.perf_counter() - t0
    _log(progress, f"corpus: {len(train_set)} training and {len(heldout)} held-out sentences "
                   f"({', '.join(ms.languages)}) in {seconds['corpus']:.1f}s")
    encoder = Path(ms.encoder) if ms.encoder else default_encoder()
    model, tokenizer = new_model(encoder, ms.encoder_layers)
    encoded = encode_examples(tokenizer, train_set, ms.max_length)
    frozen = len(_base(model).encoder.layer) - min(ms.trainable_layers, len(_base(model).encoder.layer))
    t0 = time.perf_counter()
    features = cache_features(model, encoded, frozen, progress=progress)
    seconds["features"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    losses = fit(model, features, encoded, ms, progress=progress)
    seconds["train"] = time.perf_counter() - t0
    del features
    t0 = time.perf_counter()
    detector = LearnedDetector(model, tokenizer, str(folder), DetectorOptions(
        device="cpu", max_length=ms.max_length, batch_size=ms.batch_size, min_score=ms.min_score))
    metrics = {f"heldout.{k}": v for k, v in evaluate(detector, heldout).items()}
    metrics.update({f"train_loss.epoch{i + 1}": v for i, v in enumerate(losses)})
    seconds["evaluate"] = time.perf_counter() - t0
    seconds["cpu_total"] = time.process_time() - cpu0  # wall time on a shared machine says little
    params = {**settings_dict(ms), "encoder": str(encoder), "frozen_layers": frozen, "version": version}
    sizes = {"train_sentences": len(train_set), "heldout_sentences": len(heldout)}
    meta = {"version": version, "labels": list(LABELS), "metrics": metrics, "params": params, "seconds": seconds,
            "sizes": sizes, "sources": sources.manifest(), "corpus": corpus_config(ms).__dict__}
    save_checkpoint(model, tokenizer, folder, meta)
    _log(progress, f"saved PII model {version} to {folder}")
    _export_onnx(folder, ms.quantize, progress)
    return TrainResult(version, folder, False, metrics, params, seconds, sizes)
