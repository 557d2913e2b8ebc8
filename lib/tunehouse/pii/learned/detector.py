"""Batched inference: texts -> PERSON / STREET_ADDRESS entities with character offsets.

    >>> det = LearnedDetector.load(path)                 # or get_detector(path): cached per process
    >>> det.detect_batch(["Marisol: thanks!", "I live at Pikk 17."])
    [[Entity('PERSON', 0, 7, 0.98)], [Entity('STREET_ADDRESS', 10, 17, 0.91)]]

Texts are cut into windows of ``max_length`` word pieces (overlapping by ``stride``; a word takes its
prediction from the window where it sits farthest from an edge), the windows sorted by length and run in
batches of ``batch_size`` so little padding is computed. CPU by default, CUDA when asked or available
(``device='auto'``); ``quantize=True`` applies int8 dynamic quantisation to the linear layers on CPU.

Two runtimes (``runtime``): ``torch`` (the checkpoint through transformers; GPU, and the fallback) and
``onnx`` (the same weights exported to ONNX and run by onnxruntime, :mod:`.onnx_runtime`: a process that
scrubs on CPU never imports torch or transformers, most of the fixed cost of a scrub process). ``auto``
takes onnx where onnxruntime is installed and the model runs on CPU (``device='cpu'``, or ``'auto'`` on a
machine without an NVIDIA device), else torch. Both read word pieces with the ``tokenizers`` library.

For Spark pandas UDFs: a detector pickles to its path and options only; unpickling calls
:func:`get_detector`, which loads each (path, options) once per process and keeps it in a module cache.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tunehouse.pii.learned.model import (
    WordPrediction,
    decode_words,
    first_pieces,
    load_checkpoint,
    tag_of,
    torch_threads,
)
from tunehouse.pii.learned.onnx_runtime import OnnxClassifier, onnx_path, read_config
from tunehouse.pii.learned.onnx_runtime import available as onnx_available
from tunehouse.pii.learned.vetting import NAME_PARTICLES, PersonVetting, default_vetting
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
    lower_case_min_score: float = 0.9  # the mean score a span written all in lower case needs (see settings.py)
    town_name_min_score: float = 0.95  # a first name that is also a small town, alone (see settings.py)
    entities: tuple[str, ...] = ("PERSON", "STREET_ADDRESS")  # types reported; others are dropped
    vet: bool = False  # PERSON spans pass pii/learned/vetting.py (and texts it rules out skip the model)
    runtime: str = "auto"  # "auto" | "torch" | "onnx" (module docstring)


class LearnedDetector:
    """A loaded token classifier with the batching and decoding around it."""

    def __init__(self, model, tokenizer, path: str, options: DetectorOptions = DetectorOptions(),
                 _owned: bool = False) -> None:
        """``model``: a transformers token classifier (torch) or an :class:`.onnx_runtime.OnnxClassifier`;
        ``tokenizer``: a ``tokenizers.Tokenizer`` or a transformers fast tokenizer (its backend is used; a
        copy unless ``_owned``: loaded by ``load`` for this detector alone)."""
        self.path, self.options = str(path), options
        self._onnx = not hasattr(model, "eval")
        if self._onnx:
            self.device = "cpu"
            labels = read_config(path)["id2label"]
            id2label = {int(k): v for k, v in labels.items()}
        else:
            model = self._torch_model(model)
            id2label = model.config.id2label
        self.model = model
        self._tags = [tag_of(id2label[i]) for i in range(len(id2label))]
        self.tokenizer, self.max_length, self._pad = _windowing(tokenizer, path, options, owned=_owned)
        self._vetting = default_vetting(options.town_name_min_score) if options.vet else None

    def _torch_model(self, model):
        import torch

        torch.set_num_threads(torch_threads(self.options.threads))  # process-wide: torch has one intra-op pool
        self.device = _pick_device(self.options.device)
        model = model.eval().to(self.device)
        if self.options.quantize and self.device == "cpu":
            model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
        return model

    @property
    def runtime(self) -> str:
        return "onnx" if self._onnx else "torch"

    @classmethod
    def load(cls, path: str, **options: Any) -> "LearnedDetector":
        """Load a checkpoint folder (ours or any token classifier with a fast tokenizer), on the runtime
        ``options['runtime']`` picks (module docstring)."""
        opts = DetectorOptions(**options)
        if _use_onnx(opts):
            graph = onnx_path(path, opts.quantize)
            if graph is not None:
                from tokenizers import Tokenizer

                tokenizer = Tokenizer.from_file(str(Path(path) / "tokenizer.json"))
                return cls(OnnxClassifier(graph, torch_threads(opts.threads)), tokenizer, path, opts, _owned=True)
        model, tokenizer = load_checkpoint(path)
        return cls(model, tokenizer, path, opts)

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
            run = [i for i in run if _worth_running(self._vetting, texts[i], covered[i] if covered else ())]
        for i, ents in zip(run, self._detect_all([texts[i] for i in run])):
            out[i] = [kept for e in ents for kept in self._kept(texts[i], e)]
        return out

    def _kept(self, text: str, e: Entity) -> list[Entity]:
        """What is taken of ``e``: nothing, ``e``, or (PERSON spans vetted) the parts of it that are names."""
        if e.score < self.options.min_score or e.type not in self.options.entities:
            return []
        if self._vetting is None or e.type != "PERSON":
            return [e]
        return [v for v in self._vetting.vetted(text, e)
                if v.score >= self.options.lower_case_min_score or not text[v.start:v.end].islower()]

    def _detect_all(self, texts: list[str]) -> list[list[Entity]]:
        """Every decoded span of every text (before ``min_score``, types and vetting)."""
        if not texts:
            return []
        windows = self._windows(texts)
        probs = self._window_probabilities([w.ids for _, w in windows])
        best: list[dict[int, tuple[int, WordPrediction]]] = [{} for _ in texts]
        for (sample, w), p in zip(windows, probs):
            self._collect_words(w.word_ids, w.offsets, p, best[sample])
        out = []
        for text, words in zip(texts, best):
            spans = decode_words([wp for _, wp in (words[k] for k in sorted(words))], text)
            out.append([Entity(t, s, e, round(score, 4)) for s, e, t, score in spans])
        return out

    def _windows(self, texts: list[str]) -> list[tuple[int, Any]]:
        """(text index, encoding) of every window of ``max_length`` word pieces, ``stride`` overlapping, in the
        order transformers' ``return_overflowing_tokens`` gives them (each text's first window, then its
        overflow)."""
        out = []
        for sample, enc in enumerate(self.tokenizer.encode_batch(list(texts))):
            out.append((sample, enc))
            out.extend((sample, o) for o in enc.overflowing)
        return out

    def _collect_words(self, word_ids, offsets, probs, words: dict[int, tuple[int, WordPrediction]]) -> None:
        """Record each word's prediction unless another window saw it farther from its edges."""
        n = len(word_ids)
        last_piece: dict[int, int] = {}
        for i, wid in enumerate(word_ids):
            if wid is not None:
                last_piece[wid] = i
        # each piece's label and its probability, for the whole window at once (per piece, numpy's scalar calls
        # were ~0.1 s of a 4,000-message scrub); the max is the probability at the argmax
        labels, scores = probs.argmax(-1).tolist(), probs.max(-1).tolist()
        for i, wid in first_pieces(word_ids):
            centrality = min(i, n - 1 - last_piece[wid])
            if wid in words and words[wid][0] >= centrality:
                continue
            tag, entity = self._tags[labels[i]]
            words[wid] = (centrality, WordPrediction(offsets[i][0], offsets[last_piece[wid]][1], tag, entity,
                                                     scores[i]))

    def _window_probabilities(self, input_ids: list[list[int]]) -> list:
        """Softmax over labels for every window, run in length-sorted batches."""
        import numpy as np

        order = sorted(range(len(input_ids)), key=lambda i: len(input_ids[i]))
        out: list = [None] * len(input_ids)
        for b in range(0, len(order), self.options.batch_size):
            idx = order[b:b + self.options.batch_size]
            width = len(input_ids[idx[-1]])
            ids = np.full((len(idx), width), self._pad, dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                ids[row, :len(input_ids[i])] = input_ids[i]
                mask[row, :len(input_ids[i])] = 1
            probs = _softmax(self.model.logits(ids, mask)) if self._onnx else self._torch_probabilities(ids, mask)
            for row, i in enumerate(idx):
                out[i] = probs[row, :len(input_ids[i])]
        return out

    def _torch_probabilities(self, ids, mask):
        import torch

        with torch.inference_mode():
            logits = self.model(input_ids=torch.from_numpy(ids).to(self.device),
                                attention_mask=torch.from_numpy(mask).to(self.device)).logits
            return logits.float().softmax(-1).cpu().numpy()


# Marks inside a word for the vetting's word pattern ("Villeneuve-Saint-Georges", "O'Halloran") where the
# tokenizer splits it, so that the model may tag a part alone ("Villeneuve").
_JOINERS = str.maketrans({"-": " ", "'": " ", "’": " "})
_BLANKS = re.compile(r"[ \t]+")


def _worth_running(vetting: PersonVetting, text: str, covered: Sequence[tuple[int, int]]) -> bool:
    """``PersonVetting.worth_running``, made sound for two ways a vetted span adds something it does not see
    (found by running the model on every message of a corpus, tests/pii_learned/test_onnx_runtime.py): a part
    of a joined word taken alone ("Villeneuve" of "Villeneuve-Saint-Georges"), and a name particle right beside
    a span the rules found, which a learned span over both leaves outside it ("Iván Maximino| del", "van |Sigg")."""
    if vetting.worth_running(text.translate(_JOINERS), covered):
        return True
    return any(_particle_beside(text, start, end) for start, end in covered)


def _particle_beside(text: str, start: int, end: int) -> bool:
    """A lower-case name particle ("del", "van") separated from ``text[start:end]`` by blanks only."""
    after = _BLANKS.match(text, end)
    if after and (m := _WORD.match(text, after.end())) and m.group() in NAME_PARTICLES:
        return True
    before = text[:start]
    word = before.rstrip(" \t")
    if len(word) == len(before):
        return False
    m = _LAST_WORD.search(word)
    return bool(m) and m.group() in NAME_PARTICLES


_WORD = re.compile(r"[^\W\d_]+")
_LAST_WORD = re.compile(r"[^\W\d_]+$")


def _softmax(logits):
    import numpy as np

    logits = logits.astype(np.float32, copy=False)
    e = np.exp(logits - logits.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def _windowing(tokenizer, path: str, options: DetectorOptions, owned: bool = False) -> tuple[Any, int, int]:
    """(a ``tokenizers.Tokenizer`` cutting texts into windows, the window length, the pad id): a copy of a
    transformers tokenizer's backend or of the tokenizer itself (``owned``: the tokenizer itself, loaded for
    this detector alone: copying it cost ~0.04 s per process), truncation set as ``options`` say."""
    from tokenizers import Tokenizer

    config = {}
    if isinstance(tokenizer, Tokenizer):
        cfg = Path(path) / "tokenizer_config.json"
        config = json.loads(cfg.read_text(encoding="utf-8")) if cfg.is_file() else {}
        model_max, pad_token = config.get("model_max_length", 512), config.get("pad_token")
        backend = tokenizer if owned else Tokenizer.from_str(tokenizer.to_str())
    else:
        model_max, pad_token = getattr(tokenizer, "model_max_length", 512), tokenizer.pad_token
        backend = Tokenizer.from_str(tokenizer.backend_tokenizer.to_str())
    max_length = min(options.max_length, model_max or 512)
    backend.enable_truncation(max_length, stride=options.stride, strategy="longest_first", direction="right")
    backend.no_padding()
    pad = backend.token_to_id(pad_token) if isinstance(pad_token, str) else None
    return backend, max_length, pad or 0


def _use_onnx(options: DetectorOptions) -> bool:
    """Whether ``load`` tries onnxruntime: asked for, or ``auto`` on CPU with onnxruntime installed (the device
    is judged without importing torch: ``auto`` means CPU where the machine has no NVIDIA device node)."""
    if options.runtime != "auto":
        return options.runtime == "onnx"
    on_cpu = options.device == "cpu" or (options.device == "auto" and not os.path.exists("/dev/nvidiactl"))
    return on_cpu and onnx_available()


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
                        runtime=ms.runtime, batch_size=ms.batch_size, max_length=ms.max_length, min_score=ms.min_score,
                        lower_case_min_score=ms.lower_case_min_score, town_name_min_score=ms.town_name_min_score,
                        entities=tuple(ms.entities), vet=ms.vet)
