"""Batched inference: texts -> PERSON / STREET_ADDRESS entities with character offsets.

    >>> det = LearnedDetector.load(path)                 # or get_detector(path): cached per process
    >>> det.detect_batch(["Marisol: thanks!", "I live at Pikk 17."])
    [[Entity('PERSON', 0, 7, 0.98)], [Entity('STREET_ADDRESS', 10, 17, 0.91)]]

Texts are cut into windows of ``max_length`` word pieces (overlapping by ``stride``; a word takes its
prediction from the window where it sits farthest from an edge), the windows sorted by length and run in
batches of ``batch_size`` so little padding is computed. CPU by default, CUDA when asked or available
(``device='auto'``); ``quantize=True`` applies int8 dynamic quantisation to the linear layers on CPU.

For Spark pandas UDFs: a detector pickles to its path and options only; unpickling calls
:func:`get_detector`, which loads each (path, options) once per process and keeps it in a module cache.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tunehouse.pii.learned.model import (
    WordPrediction,
    decode_words,
    first_pieces,
    load_checkpoint,
    tag_of,
    torch_threads,
)
from tunehouse.pii.learned.vetting import default_vetting
from tunehouse.pii.scrubber import Entity

if TYPE_CHECKING:
    from tunehouse.config import Settings

_CACHE: dict[tuple, "LearnedDetector"] = {}
_CACHE_LOCK = threading.Lock()


@dataclass(frozen=True)
class DetectorOptions:
    device: str = "auto"  # "auto" | "cpu" | "cuda"
    threads: int | None = None
    quantize: bool = False
    batch_size: int = 64
    max_length: int = 128
    stride: int = 32
    min_score: float = 0.5
    entities: tuple[str, ...] = ("PERSON", "STREET_ADDRESS")  # types reported; others are dropped
    vet: bool = False  # PERSON spans pass pii/learned/vetting.py (and texts it rules out skip the model)


class LearnedDetector:
    """A loaded token classifier with the batching and decoding around it."""

    def __init__(self, model, tokenizer, path: str, options: DetectorOptions = DetectorOptions()) -> None:
        import torch

        self.path, self.options = str(path), options
        torch.set_num_threads(torch_threads(options.threads))  # process-wide: torch has one intra-op pool
        self.device = _pick_device(options.device)
        model = model.eval().to(self.device)
        if options.quantize and self.device == "cpu":
            model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
        self.model, self.tokenizer = model, tokenizer
        self._tags = [tag_of(model.config.id2label[i]) for i in range(model.config.num_labels)]
        self.max_length = min(options.max_length, getattr(tokenizer, "model_max_length", 512) or 512)
        self._vetting = default_vetting() if options.vet else None

    @classmethod
    def load(cls, path: str, **options: Any) -> "LearnedDetector":
        """Load a checkpoint folder (ours or any token classifier with a fast tokenizer)."""
        model, tokenizer = load_checkpoint(path)
        return cls(model, tokenizer, path, DetectorOptions(**options))

    def __reduce__(self):
        return _from_pickle, (self.path, dict(self.options.__dict__))

    # ------------------------------------------------------------------ inference
    def detect(self, text: str) -> list[Entity]:
        return self.detect_batch([text])[0]

    def detect_batch(self, texts: list[str],
                     covered: Sequence[Sequence[tuple[int, int]]] | None = None) -> list[list[Entity]]:
        """Entities of every text, in the order of ``texts``; offsets index into each text.

        With ``vet`` and PERSON the only type asked for, a text is run through the model only when a span
        the vetting takes could add something (``PersonVetting.worth_running``; ``covered``: per text, the
        spans found already by other detectors); the others get no entities."""
        out: list[list[Entity]] = [[] for _ in texts]
        run = list(range(len(texts)))
        if self._vetting is not None and self.options.entities == ("PERSON",):
            run = [i for i in run if self._vetting.worth_running(texts[i], covered[i] if covered else ())]
        for i, ents in zip(run, self._detect_all([texts[i] for i in run])):
            out[i] = [kept for e in ents if (kept := self._kept(texts[i], e)) is not None]
        return out

    def _kept(self, text: str, e: Entity) -> Entity | None:
        """``e`` as taken (PERSON spans vetted, maybe trimmed), or None."""
        if e.score < self.options.min_score or e.type not in self.options.entities:
            return None
        if self._vetting is None or e.type != "PERSON":
            return e
        return self._vetting.vetted(text, e)

    def _detect_all(self, texts: list[str]) -> list[list[Entity]]:
        """Every decoded span of every text (before ``min_score``, types and vetting)."""
        if not texts:
            return []
        enc = self.tokenizer(list(texts), truncation=True, max_length=self.max_length, stride=self.options.stride,
                             return_overflowing_tokens=True, return_offsets_mapping=True)
        probs = self._window_probabilities(enc["input_ids"])
        best: list[dict[int, tuple[int, WordPrediction]]] = [{} for _ in texts]
        for w, sample in enumerate(enc["overflow_to_sample_mapping"]):
            self._collect_words(enc.word_ids(w), enc["offset_mapping"][w], probs[w], best[sample])
        out = []
        for text, words in zip(texts, best):
            spans = decode_words([wp for _, wp in (words[k] for k in sorted(words))], text)
            out.append([Entity(t, s, e, round(score, 4)) for s, e, t, score in spans])
        return out

    def _collect_words(self, word_ids, offsets, probs, words: dict[int, tuple[int, WordPrediction]]) -> None:
        """Record each word's prediction unless another window saw it farther from its edges."""
        n = len(word_ids)
        last_piece: dict[int, int] = {}
        for i, wid in enumerate(word_ids):
            if wid is not None:
                last_piece[wid] = i
        for i, wid in first_pieces(word_ids):
            centrality = min(i, n - 1 - last_piece[wid])
            if wid in words and words[wid][0] >= centrality:
                continue
            label = int(probs[i].argmax())
            tag, entity = self._tags[label]
            words[wid] = (centrality, WordPrediction(offsets[i][0], offsets[last_piece[wid]][1], tag, entity,
                                                     float(probs[i][label])))

    def _window_probabilities(self, input_ids: list[list[int]]) -> list:
        """Softmax over labels for every window, run in length-sorted batches."""
        import torch

        order = sorted(range(len(input_ids)), key=lambda i: len(input_ids[i]))
        out: list = [None] * len(input_ids)
        pad = self.tokenizer.pad_token_id or 0
        with torch.inference_mode():
            for b in range(0, len(order), self.options.batch_size):
                idx = order[b:b + self.options.batch_size]
                width = len(input_ids[idx[-1]])
                ids = torch.full((len(idx), width), pad, dtype=torch.long)
                mask = torch.zeros((len(idx), width), dtype=torch.long)
                for row, i in enumerate(idx):
                    ids[row, :len(input_ids[i])] = torch.tensor(input_ids[i])
                    mask[row, :len(input_ids[i])] = 1
                logits = self.model(input_ids=ids.to(self.device), attention_mask=mask.to(self.device)).logits
                probs = logits.float().softmax(-1).cpu().numpy()
                for row, i in enumerate(idx):
                    out[i] = probs[row, :len(input_ids[i])]
        return out


def _pick_device(device: str) -> str:
    import torch

    if device == "cuda" or (device == "auto" and torch.cuda.is_available()):
        return "cuda"
    return "cpu"


def get_detector(path: str, **options: Any) -> LearnedDetector:
    """The detector for (path, options), loaded once per process (e.g. once per Spark executor)."""
    opts = DetectorOptions(**options)
    key = (str(path), opts)
    with _CACHE_LOCK:
        if key not in _CACHE:
            _CACHE[key] = LearnedDetector.load(str(path), **opts.__dict__)
        return _CACHE[key]


def _from_pickle(path: str, options: dict[str, Any]) -> LearnedDetector:
    return get_detector(path, **options)


def detector_from_settings(settings: "Settings") -> LearnedDetector:
    """The detector ``pii.model`` configures, from the process cache."""
    from tunehouse.pii.learned.model import resolve_model_path

    ms = settings.pii.model
    return get_detector(resolve_model_path(settings), device=ms.device, threads=ms.threads, quantize=ms.quantize,
                        batch_size=ms.batch_size, max_length=ms.max_length, min_score=ms.min_score,
                        entities=tuple(ms.entities), vet=ms.vet)
