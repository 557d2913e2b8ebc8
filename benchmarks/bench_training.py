"""Training throughput: our Ray Train loop vs a single-process Hugging Face Trainer, same model and data.

    .venv/bin/python benchmarks/bench_training.py [--root .tunehouse] [--data DIR] [--steps 30] [--workers 2]

Both train the same base (LoRA, same r/alpha/targets, same learning rate) on the same tokenised examples
with the same labels (assistant replies of weight > 0 only) and the same global batch. Reported:
trainable tokens/s (tokens that carry loss) and all tokens/s over the timed optimizer steps (the first
step of each is excluded as warm-up), end-to-end wall time, and the fraction of padding tokens in the
batches each one builds (ours: micro-batches padded to their longest sequence, optionally packed).
The two use the same cores differently: our loop runs num_workers processes with 1 thread each (DDP
over gloo); the HF Trainer runs one process, measured with 1 thread and with torch threads = cores
(on a busy machine multi-threaded OpenMP regions suffer badly from oversubscription).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

for k, v in {"RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled", "MLFLOW_ENABLE_TELEMETRY": "false",
             "MLFLOW_DISABLE_TELEMETRY": "true", "DO_NOT_TRACK": "1", "HF_HUB_OFFLINE": "1",
             "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}.items():
    os.environ.setdefault(k, v)


def settings_for(args):
    from tunehouse.config import load_settings

    overrides = [f"storage.root={args.root}", f"train.num_workers={args.workers}", f"train.batch_size={args.batch_size}",
                 f"train.max_steps={args.steps}", "train.n_epochs=100", "train.register_model=false",
                 "train.max_eval_examples=16", f"train.log_every_steps={max(1, args.steps // 3)}",
                 "tracking.experiment=bench-training", f"train.packing={str(args.packing).lower()}"]
    if args.data:
        overrides.append(f"train.train_data={args.data}")
    return load_settings(overrides=overrides)


def ensure_base(settings) -> str:
    from tunehouse.training.base_model import build_base_model, default_base_path

    path = default_base_path(settings)
    if not (path / "config.json").is_file():
        print(f"no base model at {path}: building one (no warm-up; throughput does not depend on the weights)")
        bs = settings.base_model.model_copy(update={"warmup_steps": 0})
        build_base_model(settings, bs=bs)
    return str(path)


def plan_padding(examples, ts, workers: int) -> float:
    """Padding share of the micro-batches our loop actually builds in epoch 1 (shuffled, per rank)."""
    from tunehouse.training.batching import step_plan

    pad = total = 0
    for step in step_plan(len(examples), epoch=0, seed=ts.seed, world_size=workers,
                          micro_batch_size=ts.micro_batch_size, accumulation=ts.gradient_accumulation_steps):
        for rank in step:
            for idx in rank:
                lens = [len(examples[i]) for i in idx]
                total += max(lens) * len(lens)
                pad += sum(max(lens) - n for n in lens)
    return pad / total if total else 0.0


def bench_ray(settings) -> dict:
    from tunehouse.training.job import run_training

    t0 = time.time()
    r = run_training(settings)
    steps = r.history["steps"][1:]
    secs = sum(s["trainable_tokens"] / s["trainable_tokens_per_s"] for s in steps)
    return {"trainable_tok_s": sum(s["trainable_tokens"] for s in steps) / secs, "seconds_timed": secs,
            "steps": len(steps), "wall_s": time.time() - t0, "ray_fit_s": r.extra.get("time_ray_fit_s"),
            "run_id": r.run_id}


def bench_hf(settings, examples, steps: int, threads: int) -> dict:
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import (
        AutoModelForCausalLM,
        Trainer,
        TrainerCallback,
        TrainingArguments,
    )
    from tunehouse.training.base_model import model_name, resolve_base_model
    from tunehouse.training.batching import IGNORE_INDEX

    torch.set_num_threads(threads)
    ts = settings.train
    base = resolve_base_model(settings)
    torch.manual_seed(ts.seed)
    model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32)
    model = get_peft_model(model, LoraConfig(r=ts.lora.r, lora_alpha=ts.lora.alpha, lora_dropout=ts.lora.dropout,
                                             target_modules=ts.lora.target_modules, task_type="CAUSAL_LM"))
    rows = [{"input_ids": e.input_ids,
             "labels": [t if w > 0 else IGNORE_INDEX for t, w in zip(e.input_ids, e.weights)]} for e in examples]
    pad_id = None

    def collate(batch):
        n = max(len(b["input_ids"]) for b in batch)
        ids = torch.full((len(batch), n), pad_id, dtype=torch.long)
        labels = torch.full((len(batch), n), IGNORE_INDEX, dtype=torch.long)
        att = torch.zeros((len(batch), n), dtype=torch.long)
        for i, b in enumerate(batch):
            k = len(b["input_ids"])
            ids[i, :k] = torch.tensor(b["input_ids"])
            labels[i, :k] = torch.tensor(b["labels"])
            att[i, :k] = 1
        return {"input_ids": ids, "labels": labels, "attention_mask": att}

    from tunehouse.training.base_model import load_tokenizer

    pad_id = load_tokenizer(base).pad_token_id
    trainable = {"n": 0, "all": 0, "t": 0.0, "timed": 0}

    class Timer(TrainerCallback):
        def on_step_begin(self, args, state, control, **kw):
            self.t = time.perf_counter()

        def on_step_end(self, args, state, control, **kw):
            if state.global_step > 1:  # skip the first (warm-up) step
                trainable["t"] += time.perf_counter() - self.t
                trainable["timed"] += 1

    # count the tokens the Trainer will see: replay its sampler order is overkill; use the mean per example
    per_ex_trainable = sum(sum(1 for w in e.weights if w > 0) for e in examples) / len(examples)
    per_ex_all = sum(len(e) for e in examples) / len(examples)
    with tempfile.TemporaryDirectory() as out:
        args = TrainingArguments(output_dir=out, per_device_train_batch_size=ts.batch_size, max_steps=steps,
                                 learning_rate=ts.learning_rate(model_name(base)), lr_scheduler_type="cosine",
                                 warmup_steps=int(round(ts.warmup_ratio * steps)), weight_decay=ts.weight_decay,
                                 logging_steps=10**6,
                                 save_strategy="no", report_to=[], use_cpu=True, dataloader_num_workers=0,
                                 seed=ts.seed, disable_tqdm=True, remove_unused_columns=False)
        trainer = Trainer(model=model, args=args, train_dataset=rows, data_collator=collate, callbacks=[Timer()])
        t0 = time.time()
        trainer.train()
        wall = time.time() - t0
    n_ex = trainable["timed"] * ts.batch_size
    return {"trainable_tok_s": n_ex * per_ex_trainable / trainable["t"], "all_tok_s": n_ex * per_ex_all / trainable["t"],
            "seconds_timed": trainable["t"], "steps": trainable["timed"], "wall_s": wall}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", default=".tunehouse", help="storage.root with exports/ and models/base (default .tunehouse)")
    ap.add_argument("--data", default=None, help="export folder with train.jsonl (default: latest under ROOT/exports)")
    ap.add_argument("--steps", type=int, default=30, help="optimizer steps per trainer (default 30)")
    ap.add_argument("--workers", type=int, default=2, help="Ray workers (default 2)")
    ap.add_argument("--batch-size", type=int, default=8, help="global batch size (default 8)")
    ap.add_argument("--packing", action="store_true", help="pack conversations in our loop too")
    ap.add_argument("--skip-ray", action="store_true")
    ap.add_argument("--skip-hf", action="store_true")
    args = ap.parse_args(argv)

    import logging

    logging.basicConfig(level=logging.WARNING)
    from tunehouse import runtime
    from tunehouse.training.base_model import load_tokenizer
    from tunehouse.training.batching import pack_examples, padding_fraction
    from tunehouse.training.data import prepare_data

    runtime.quiet_libraries()
    settings = settings_for(args)
    base = ensure_base(settings)
    tok = load_tokenizer(base)
    data = prepare_data(settings, tok)
    unpacked = prepare_data(settings.model_copy(update={"train": settings.train.model_copy(update={"packing": False})}),
                            tok).train
    ts = settings.train
    print(f"data: {data.data_dir} — {len(unpacked)} training conversations, "
          f"{data.stats['train_trainable_tokens']} trainable of {data.stats['train_tokens']} tokens "
          f"({data.stats['train_trainable_fraction']:.1%}); max_seq_length {ts.max_seq_length}; global batch "
          f"{ts.batch_size}; {args.steps} steps; cores {os.cpu_count()}")
    results = {}
    if not args.skip_ray:
        results["ray"] = bench_ray(settings)
        all_per_trainable = data.stats["train_tokens"] / data.stats["train_trainable_tokens"]
        results["ray"]["all_tok_s"] = results["ray"]["trainable_tok_s"] * all_per_trainable
        print(f"ray loop: {results['ray']['trainable_tok_s']:.0f} trainable tok/s", flush=True)
    if not args.skip_hf:
        for threads in sorted({1, os.cpu_count() or 1}):
            results[f"hf{threads}"] = bench_hf(settings, unpacked, args.steps, threads=threads)
            print(f"HF Trainer, {threads} thread(s): {results[f'hf{threads}']['trainable_tok_s']:.0f} trainable tok/s",
                  flush=True)

    print()
    print(f"{'trainer':<44} {'trainable tok/s':>16} {'all tok/s':>10} {'timed steps':>12} {'wall s':>8}")
    def label(k):
        if k == "ray":
            return f"tunehouse Ray loop ({args.workers} workers x 1 thread, DDP/gloo)"
        return f"HF Trainer (1 process x {k[2:]} thread{'s' if k[2:] != '1' else ''})"

    for k, r in results.items():
        print(f"{label(k):<44} {r['trainable_tok_s']:>16.0f} {r['all_tok_s']:>10.0f} {r['steps']:>12} "
              f"{r['wall_s']:>8.1f}")
    if "ray" in results:
        for k in results:
            if k.startswith("hf"):
                print(f"ratio ours / {label(k)}, trainable tokens/s: "
                      f"{results['ray']['trainable_tok_s'] / results[k]['trainable_tok_s']:.2f}")
    print()
    print("padding fraction (share of batch tokens that are padding):")
    micro = ts.micro_batch_size
    print(f"  our micro-batches ({micro} sequences, padded to the longest): "
          f"{plan_padding(unpacked, ts, args.workers):.1%} (epoch 1's shuffled plan)")
    print(f"  HF Trainer batches ({ts.batch_size} sequences, padded to the longest): "
          f"{padding_fraction(unpacked, ts.batch_size):.1%}")
    packed = pack_examples(unpacked, ts.max_seq_length)
    print(f"  ours with train.packing=true ({len(unpacked)} conversations -> {len(packed)} sequences): "
          f"{padding_fraction(packed, micro):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
