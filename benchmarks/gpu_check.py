"""GPU check: LoRA and full fine-tuning of a ~0.5B-parameter Llama-style model, then one chat request, on the
GPUs of this machine, all through tunehouse's own code paths.

    bash benchmarks/gpu_check.sh [--steps 300] [--seq-len 1024] [--micro-batch-size 8] [--peak-tflops 989]

1. writes a synthetic chat export under --root (long conversations, cut to --seq-len, so sequences are full);
2. builds a randomly initialised Llama-style base with ``build_base_model`` (``tunehouse base-model``: BPE
   tokenizer trained on the export; 1536 wide, 20 layers, GQA 12/4 heads, ~0.5B parameters; no warm-up);
3. runs ``run_training`` (the ``tunehouse train`` job: Ray Train with one worker per visible GPU, MLflow
   tracking, the model merged, logged and registered) with method=lora, then method=full, --steps each;
4. prints per method: tokens/s (every token of the step's sequences, padding excluded; the first step is
   left out as warm-up), MFU = 6 * parameters * tokens/s / (GPUs * --peak-tflops), peak GPU memory of
   worker 0 (torch.cuda.max_memory_allocated), and the loss of the first and last steps;
5. loads the registered full model the way the scoring server does (MLflow pyfunc; the device is auto, so
   the GPU) and answers one chat request, printing where it ran and how long it took.

MFU uses the 6N FLOPs/token convention for both methods; LoRA skips the frozen weights' gradients (~4N), so its
figure overstates the real utilisation by about 1.5x. Attention FLOPs are not counted (as in the convention).

Without CUDA it exits with status 2 and says why; ``--tiny`` runs a tiny model for a few steps on whatever is
there (the CPU included) to check the script itself (tests/benchmarks/test_gpu_check.py does).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

for k, v in {"RAY_USAGE_STATS_ENABLED": "0", "MLFLOW_ENABLE_TELEMETRY": "false", "MLFLOW_DISABLE_TELEMETRY": "true",
             "DO_NOT_TRACK": "1", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
             "TOKENIZERS_PARALLELISM": "false"}.items():
    os.environ.setdefault(k, v)

NO_GPU_EXIT = 2
# ~0.5B parameters with the check's ~8k-token vocabulary (the decoder layers hold nearly all of them)
SIZES = {
    "0.5b": dict(vocab_size=8192, hidden_size=1536, num_layers=20, num_heads=12, num_kv_heads=4,
                 intermediate_size=4096, max_position_embeddings=2048),
    "tiny": dict(vocab_size=400, hidden_size=64, num_layers=2, num_heads=2, num_kv_heads=1, intermediate_size=128,
                 max_position_embeddings=256),
}
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vi", "so", "pe", "da", "gu", "hi", "zo", "be", "fa", "yu",
             "tor", "lin", "mar", "sen", "qua", "dor", "bel", "tis"]


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", default="/tmp/tunehouse-gpu-check", help="storage.root of the check's data, models, "
                    "MLflow store and checkpoints (default /tmp/tunehouse-gpu-check; replaced on each run)")
    ap.add_argument("--steps", type=int, default=300, help="optimizer steps per method (default 300)")
    ap.add_argument("--seq-len", type=int, default=1024, help="tokens per training sequence (default 1024)")
    ap.add_argument("--micro-batch-size", type=int, default=8, help="sequences per GPU per step (default 8)")
    ap.add_argument("--peak-tflops", type=float, default=989.0, help="dense bf16 peak of one GPU in TFLOP/s for "
                    "MFU (default 989: H100/H200 SXM; A100 312, L40S 362)")
    ap.add_argument("--methods", default="lora,full", help="comma-separated, in order (default lora,full)")
    ap.add_argument("--strategy", choices=["ddp", "fsdp"], default="ddp", help="train.strategy (default ddp)")
    ap.add_argument("--gradient-checkpointing", action="store_true", help="train.gradient_checkpointing=true")
    ap.add_argument("--tiny", action="store_true", help="a tiny model for a few steps on any device (a smoke "
                    "test of this script; its figures mean nothing)")
    args = ap.parse_args(argv)
    if args.tiny:
        args.steps, args.seq_len, args.micro_batch_size = min(args.steps, 4), min(args.seq_len, 128), 2
    return args


def visible_gpus(tiny: bool) -> int:
    """CUDA GPUs torch sees; without one, exit with a clear message (unless --tiny, which runs on the CPU)."""
    import torch

    n = torch.cuda.device_count() if torch.cuda.is_available() else 0
    if n == 0 and not tiny:
        build = "a CPU-only build" if torch.version.cuda is None else f"built for CUDA {torch.version.cuda}"
        print(f"gpu_check: no CUDA GPU visible (torch {torch.__version__}, {build}); this check needs one. "
              "Run it on a GPU machine (with a CUDA build of torch), or pass --tiny to smoke-test the script "
              "on this CPU.", file=sys.stderr)
        sys.exit(NO_GPU_EXIT)
    return n


# --------------------------------------------------------------------------- data and base model
def write_export(root: Path, n_train: int, n_val: int, words_per_reply: int, seed: int = 0) -> Path:
    """A chat export (train/validation JSONL) of synthetic conversations: two long assistant replies each."""
    rng = random.Random(seed)
    vocab = [a + b + c for a in SYLLABLES for b in SYLLABLES for c in ("", *SYLLABLES[:6])]

    def text(n: int) -> str:
        return " ".join(rng.choice(vocab) for _ in range(n)) + "."

    def conversation() -> dict:
        return {"messages": [
            {"role": "system", "content": "You are the support assistant of a shop. Be helpful."},
            {"role": "user", "content": text(rng.randint(10, 30))},
            {"role": "assistant", "content": text(words_per_reply), "weight": 1},
            {"role": "user", "content": text(rng.randint(5, 15))},
            {"role": "assistant", "content": text(words_per_reply), "weight": 1}]}

    out = root / "exports" / "gpu-check"
    out.mkdir(parents=True, exist_ok=True)
    for name, n in (("train", n_train), ("validation", n_val)):
        (out / f"{name}.jsonl").write_text("".join(json.dumps(conversation()) + "\n" for _ in range(n)),
                                           encoding="utf-8")
    return out


def build_base(root: Path, export: Path, size: str) -> tuple[str, int]:
    """The randomly initialised base (tokenizer trained on the export) and its parameter count."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM
    from tunehouse.config import Settings
    from tunehouse.training.base_model import build_base_model
    from tunehouse.training.settings import BaseModelSettings

    bs = BaseModelSettings(name=f"gpu-check-{size}", warmup_steps=0, overwrite=True, threads=os.cpu_count() or 1,
                           train_data=export, **SIZES[size])
    settings = Settings.model_validate({"storage": {"root": str(root)}})
    path = settings.storage.models / "base"
    build_base_model(settings, bs=bs, output=path)
    with torch.device("meta"):
        n_params = sum(p.numel() for p in AutoModelForCausalLM.from_config(AutoConfig.from_pretrained(path))
                       .parameters())
    return str(path), n_params


def job_settings(args, root: Path, base: str, export: Path, method: str, n_gpus: int):
    from tunehouse.config import Settings

    workers = max(1, n_gpus)
    train = {"base_model": base, "train_data": str(export), "method": method, "num_workers": workers,
             "use_gpu": n_gpus > 0, "strategy": args.strategy, "batch_size": args.micro_batch_size * workers,
             "max_steps": args.steps, "n_epochs": 100, "max_seq_length": args.seq_len, "warmup_ratio": 0.05,
             "learning_rate_multiplier": 1.0 if method == "lora" else 0.1, "log_every_steps": max(1, args.steps // 5),
             "max_eval_examples": 16, "keep_checkpoints": 1, "register_alias": f"gpu-check-{method}",
             "gradient_checkpointing": args.gradient_checkpointing, "max_failures": 0,
             "lora": {"r": 16, "alpha": 32, "dropout": 0.05}}
    return Settings.model_validate({"storage": {"root": str(root)}, "train": train,
                                    "tracking": {"experiment": "gpu-check"}})


# --------------------------------------------------------------------------- measuring
def tokens_per_step(settings, n_steps: int) -> list[int]:
    """Tokens (padding excluded) in each optimizer step's global batch, replaying the job's step plan over the
    sequences it prepared."""
    from tunehouse.training.base_model import load_tokenizer
    from tunehouse.training.batching import step_plan
    from tunehouse.training.data import prepare_data

    ts = settings.train
    train = prepare_data(settings, load_tokenizer(ts.base_model)).train
    out: list[int] = []
    epoch = 0
    while len(out) < n_steps:
        for step in step_plan(len(train), epoch=epoch, seed=ts.seed, world_size=ts.num_workers,
                              micro_batch_size=ts.micro_batch_size, accumulation=ts.gradient_accumulation_steps):
            out.append(sum(len(train[i]) for rank in step for micro in rank for i in micro))
        epoch += 1
    return out[:n_steps]


def summarise(method: str, result, step_tokens: list[int], n_params: int, n_gpus: int, peak_tflops: float) -> dict:
    """tokens/s over the timed steps (all but the first), MFU, peak memory and the loss at both ends."""
    steps = result.history["steps"]
    timed = steps[1:] or steps
    seconds = sum(r["trainable_tokens"] / r["trainable_tokens_per_s"] for r in timed)
    tokens = sum(step_tokens[r["step"] - 1] for r in timed)
    tok_s = tokens / seconds
    peak = max((r.get("gpu_peak_memory_gib", 0.0) for r in steps), default=0.0)
    return {"method": method, "steps": len(steps), "tokens_per_s": tok_s,
            "trainable_tokens_per_s": sum(r["trainable_tokens"] for r in timed) / seconds,
            "mfu": 6 * n_params * tok_s / (max(1, n_gpus) * peak_tflops * 1e12) if n_gpus else None,
            "peak_memory_gib": peak if n_gpus else None, "first_loss": steps[0]["train_loss"],
            "last_loss": steps[-1]["train_loss"], "job_seconds": result.seconds,
            "fit_seconds": result.extra.get("time_ray_fit_s"), "model_uri": result.model_uri}


def print_row(s: dict) -> None:
    mfu = f"{s['mfu']:.1%}" if s["mfu"] is not None else "n/a (CPU)"
    mem = f"{s['peak_memory_gib']:.1f} GiB" if s["peak_memory_gib"] is not None else "n/a (CPU)"
    print(f"{s['method']:>5}: {s['steps']} steps, {s['tokens_per_s']:,.0f} tokens/s "
          f"({s['trainable_tokens_per_s']:,.0f} trainable), MFU {mfu}, peak memory {mem}, "
          f"loss {s['first_loss']:.3f} -> {s['last_loss']:.3f}, fit {s['fit_seconds']:.0f}s of "
          f"{s['job_seconds']:.0f}s job", flush=True)


def serve_one(model_uri: str) -> dict:
    """The registered model loaded as the scoring server loads it, one chat request answered."""
    import mlflow.pyfunc

    t0 = time.perf_counter()
    model = mlflow.pyfunc.load_model(model_uri)
    loaded = time.perf_counter() - t0
    inner = model.unwrap_python_model().model
    t0 = time.perf_counter()
    out = model.predict({"messages": [{"role": "user", "content": "Where is my order?"}], "max_tokens": 32})
    return {"device": str(inner.device), "dtype": str(inner.dtype).replace("torch.", ""), "load_s": loaded,
            "latency_s": time.perf_counter() - t0, "completion_tokens": out["usage"]["completion_tokens"],
            "reply": out["choices"][0]["message"]["content"][:80]}


# --------------------------------------------------------------------------- the check
def main(argv=None) -> int:
    args = parse_args(argv)
    n_gpus = visible_gpus(args.tiny)
    import shutil

    import torch
    from tunehouse import runtime
    from tunehouse.training import cluster
    from tunehouse.training.job import run_training

    runtime.configure_process()
    runtime.quiet_libraries()
    root = Path(args.root).resolve()
    shutil.rmtree(root, ignore_errors=True)
    size = "tiny" if args.tiny else "0.5b"
    workers = max(1, n_gpus)
    gpu_names = sorted({torch.cuda.get_device_name(i) for i in range(n_gpus)})
    print(f"gpu_check: {n_gpus} GPU(s) {', '.join(gpu_names) or '(none: CPU, --tiny)'}; torch {torch.__version__}; "
          f"{size} model; {args.steps} steps x {args.micro_batch_size * workers} sequences x {args.seq_len} tokens; "
          f"strategy {args.strategy}; peak {args.peak_tflops:g} TFLOP/s per GPU", flush=True)
    t0 = time.time()
    export = write_export(root, n_train=args.steps * args.micro_batch_size * workers, n_val=16,
                          words_per_reply=max(20, args.seq_len // 2))
    base, n_params = build_base(root, export, size)
    print(f"base: {n_params / 1e6:.1f}M parameters, randomly initialised, at {base} ({time.time() - t0:.0f}s)",
          flush=True)
    methods = [m.strip() for m in args.methods.split(",") if m.strip()]
    summaries = []
    started = cluster.ensure_ray(job_settings(args, root, base, export, methods[0], n_gpus))  # one Ray for all jobs
    try:
        for method in methods:
            settings = job_settings(args, root, base, export, method, n_gpus)
            step_tokens = tokens_per_step(settings, args.steps)
            result = run_training(settings)
            summaries.append(summarise(method, result, step_tokens, n_params, n_gpus, args.peak_tflops))
            print_row(summaries[-1])
    finally:
        if started:
            import ray

            ray.shutdown()
    served = serve_one(summaries[-1]["model_uri"])
    print(f"serve: {summaries[-1]['model_uri']} on {served['device']} ({served['dtype']}): "
          f"{served['completion_tokens']} tokens in {served['latency_s'] * 1000:.0f} ms (loaded in "
          f"{served['load_s']:.1f}s): {served['reply']!r}")
    (root / "gpu_check.json").write_text(json.dumps({"gpus": gpu_names, "n_params": n_params, "args": vars(args),
                                                     "methods": summaries, "serve": served}, indent=2))
    print(f"gpu_check: done in {time.time() - t0:.0f}s; figures in {root / 'gpu_check.json'}")
    if n_gpus and not served["device"].startswith("cuda"):
        print("gpu_check: the served model is not on the GPU", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
