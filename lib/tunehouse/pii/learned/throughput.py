"""Throughput and accuracy of a trained detector, float32 against int8 dynamic quantisation, on torch or onnxruntime.

    python -m tunehouse.pii.learned.throughput MODEL_DIR [--n 1000] [--threads 2] [--batch-size 64] [--runtime onnx]

Prints, for float32 and int8 on ``--runtime`` (torch by default): load seconds, messages/s of ``detect_batch``
on ``--n`` short chat messages (in-process, after one warm-up batch), messages/s of the whole process so far
(imports of the runtime and loading included), and entity precision/recall on ``--eval`` messages of a fresh corpus seed (the accuracy cost of
quantising). _T_START is taken when this module is imported, so run it with ``python -m``.
"""

from __future__ import annotations

import argparse
import json
import time

_T_START = time.perf_counter()


def chat_messages(n: int, seed: int = 9001) -> list:
    """``n`` short one-line corpus examples (chat lines and hard negatives) from a seed not used in training."""
    from tunehouse.pii.learned.corpus import CorpusConfig, build_corpus

    out = []
    size = n * 3
    while len(out) < n:
        out = [ex for ex in build_corpus(CorpusConfig(sentences=size, seed=seed))
               if ex.kind in ("support", "casual", "negative", "mixed", "speaker") and "\n" not in ex.text]
        size *= 2
    return out[:n]


def measure(path: str, messages: list, eval_set: list, quantize: bool, threads: int | None, batch_size: int,
            startup_s: float = 0.0, runtime: str = "torch") -> dict:
    """One variant: load, warm up, time detect_batch over ``messages``, evaluate on ``eval_set``.

    The whole-process rate counts what a fresh process pays: ``startup_s`` (interpreter and imports),
    loading, the warm-up batch and the run; the corpus drawn for the measurement is not counted.
    """
    from tunehouse.pii.learned.detector import LearnedDetector
    from tunehouse.pii.learned.train import evaluate

    t0 = time.perf_counter()
    det = LearnedDetector.load(path, device="cpu", quantize=quantize, threads=threads, batch_size=batch_size,
                               runtime=runtime)
    load_s = time.perf_counter() - t0
    texts = [ex.text for ex in messages]
    t0 = time.perf_counter()
    det.detect_batch(texts[:batch_size])  # warm-up: first-call allocations are not throughput
    warm_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    det.detect_batch(texts)
    run_s = time.perf_counter() - t0
    metrics = evaluate(det, eval_set)
    return {"runtime": det.runtime, "quantize": quantize, "load_s": round(load_s, 2), "messages": len(texts),
            "in_process_msgs_per_s": round(len(texts) / run_s, 1),
            "whole_process_msgs_per_s": round(len(texts) / (startup_s + load_s + warm_s + run_s), 1),
            **{k: round(v, 4) for k, v in metrics.items() if not k.endswith("support")}}


def main(argv: list[str] | None = None) -> int:
    from tunehouse import runtime

    runtime.configure_process()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model", help="checkpoint folder")
    ap.add_argument("--n", type=int, default=1000, help="chat messages to time (default 1000)")
    ap.add_argument("--eval", type=int, default=500, help="messages for the accuracy comparison (default 500)")
    ap.add_argument("--threads", type=int, default=None, help="torch threads (default torch's choice)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--only", choices=["float32", "int8"], default=None, help="measure one variant only")
    ap.add_argument("--runtime", choices=["torch", "onnx"], default="torch", help="torch (default) or onnxruntime")
    args = ap.parse_args(argv)
    if args.runtime == "torch":  # imports are part of a fresh process's cost
        import torch  # noqa: F401
        import transformers  # noqa: F401
    else:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    startup_s = time.perf_counter() - _T_START
    messages = chat_messages(args.n)
    eval_set = chat_messages(args.eval, seed=9002)
    variants = [q for q in (False, True) if args.only is None or args.only == ("int8" if q else "float32")]
    for quantize in variants:
        print(json.dumps(measure(args.model, messages, eval_set, quantize, args.threads, args.batch_size,
                                  startup_s, args.runtime)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
