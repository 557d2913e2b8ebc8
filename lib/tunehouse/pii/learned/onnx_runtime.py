"""The token classifier as an ONNX graph run by onnxruntime: a scrub process that never imports torch.

Importing torch and transformers and loading the checkpoint was most of the fixed CPU cost of a
``rules+learned`` scrub process (docs/NOTES.md); onnxruntime and the ``tokenizers`` library load the same
model in a fraction of that. The graph is exported from the checkpoint on first use (or by
``tunehouse pii-model`` right after training) and cached beside it::

    <model>/onnx/model-<fp32|int8>-<key>.onnx

``key`` hashes the checkpoint's config and weight files (name, size, mtime), tunehouse's version and the
variant, so a retrained or replaced checkpoint gets a new file. ``int8`` is onnxruntime's dynamic
quantisation of the MatMul weights (the counterpart of torch's ``quantize_dynamic`` on ``nn.Linear``; not
the same arithmetic, so its spans differ from torch int8 on some texts, as torch int8's differ from float32;
float32 ONNX gives torch float32's spans).
Writing goes to a temporary name, then ``os.replace``: Spark executors exporting at once cannot read a
half-written file. Where the folder is not writable (or torch is missing for the export), ``onnx_path``
returns None and the detector stays on torch.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

from tunehouse import __version__

log = logging.getLogger(__name__)

ONNX_DIR = "onnx"
OPSET = 17
_INPUTS = ("input_ids", "attention_mask")
QUANTIZED_OPS = ("MatMul",)


def available() -> bool:
    """Whether onnxruntime can be imported (without importing it)."""
    import importlib.util

    return importlib.util.find_spec("onnxruntime") is not None


def cached_path(model_dir: str | Path, quantize: bool) -> Path:
    """Where the ONNX graph of ``model_dir`` (float32 or int8) lives, whether or not it exists yet."""
    folder = Path(model_dir)
    h = hashlib.sha256(f"{__version__}|{OPSET}|{'int8' if quantize else 'fp32'}|{QUANTIZED_OPS}".encode())
    config = folder / "config.json"
    h.update(config.read_bytes() if config.is_file() else b"")
    for w in sorted(folder.glob("*.safetensors")) + sorted(folder.glob("*.bin")):
        st = w.stat()
        h.update(f"{w.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return folder / ONNX_DIR / f"model-{'int8' if quantize else 'fp32'}-{h.hexdigest()[:12]}.onnx"


def onnx_path(model_dir: str | Path, quantize: bool) -> Path | None:
    """The cached graph, exported now if missing; None where it cannot be (no torch, folder read-only, export
    failed): the caller then runs the checkpoint on torch."""
    path = cached_path(model_dir, quantize)
    if path.is_file():
        return path
    try:
        export(model_dir, quantize)
    except Exception as exc:  # noqa: BLE001 -- any failed export (no torch, read-only folder, an op the exporter
        # lacks in a foreign checkpoint) leaves torch, which loads the same checkpoint, as the runtime
        log.warning("PII model: no ONNX graph for %s (%s); running it with torch", model_dir, exc)
        return None
    return path


def export(model_dir: str | Path, quantize: bool) -> Path:
    """Export the checkpoint to ``cached_path`` (float32; ``quantize``: then int8 dynamic quantisation)."""
    path = cached_path(model_dir, quantize)
    path.parent.mkdir(parents=True, exist_ok=True)
    fp32 = cached_path(model_dir, False)
    if not fp32.is_file():
        _export_fp32(model_dir, fp32)
    if quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        # MatMul only, as torch quantises nn.Linear only (onnxruntime's default also quantises the embedding
        # Gather): measured on the DEV texts, fewer spans differ from torch int8 and 15% less CPU
        quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8, op_types_to_quantize=list(QUANTIZED_OPS))
        os.replace(tmp, path)
    return path


def _export_fp32(model_dir: str | Path, path: Path) -> None:
    """torch.onnx.export (TorchScript exporter: one self-contained file, dynamic batch and length)."""
    import torch

    from tunehouse.pii.learned.model import load_checkpoint

    model, _ = load_checkpoint(model_dir)
    model.config.return_dict = False
    ids = torch.ones((2, 8), dtype=torch.long)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    axes = {"batch": 0, "length": 1}
    with torch.inference_mode():
        torch.onnx.export(model, (ids, torch.ones_like(ids)), str(tmp), input_names=list(_INPUTS),
                          output_names=["logits"], opset_version=OPSET, dynamo=False,
                          dynamic_axes={name: {v: k for k, v in axes.items()} for name in (*_INPUTS, "logits")})
    os.replace(tmp, path)


def _session_options(threads: int, level):
    import onnxruntime as ort

    opts = ort.SessionOptions()
    # one pool of ``threads``, no spinning: on a shared machine spinning threads steal the others' cores
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    opts.graph_optimization_level = level
    return opts


def optimized_path(path: Path) -> Path:
    """Where the graph of ``path`` after onnxruntime's hardware-independent ("extended") rewrites is cached:
    per onnxruntime version, as those rewrites change between versions."""
    import onnxruntime as ort

    return path.with_name(f"{path.stem}.ort{ort.__version__}.opt.onnx")


def _pre_optimized(path: Path) -> Path:
    """``path`` rewritten once by onnxruntime's extended graph optimisations and cached beside it (measured:
    a process then builds its session in ~0.10 s of CPU instead of ~0.16-0.22 s; the same logits), or
    ``path`` itself where the cache cannot be written. Written to a temporary name, then ``os.replace``."""
    import onnxruntime as ort

    opt = optimized_path(path)
    if opt.is_file():
        return opt
    tmp = opt.with_name(f".{opt.name}.{os.getpid()}.tmp")
    try:
        opts = _session_options(1, ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED)
        opts.optimized_model_filepath = str(tmp)
        ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        os.replace(tmp, opt)
    except Exception as exc:  # noqa: BLE001 -- a read-only folder or a failed rewrite: run the exported graph
        log.info("PII model: no pre-optimised ONNX graph beside %s (%s)", path, exc)
        tmp.unlink(missing_ok=True)
        return path
    return opt


class OnnxClassifier:
    """An onnxruntime session over an exported token classifier: ids and mask in, logits out (numpy)."""

    def __init__(self, path: Path, threads: int) -> None:
        import onnxruntime as ort

        self.path = path
        # the remaining (hardware-specific) rewrites run at each start, on the pre-optimised graph
        opts = _session_options(threads, ort.GraphOptimizationLevel.ORT_ENABLE_ALL)
        self.session = ort.InferenceSession(str(_pre_optimized(path)), opts, providers=["CPUExecutionProvider"])

    def logits(self, ids, mask):
        return self.session.run(["logits"], {"input_ids": ids, "attention_mask": mask})[0]


def read_config(model_dir: str | Path) -> dict:
    return json.loads((Path(model_dir) / "config.json").read_text(encoding="utf-8"))
