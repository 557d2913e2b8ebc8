"""Training throughput side by side: our Ray Train loop vs TRL's SFTTrainer vs Hugging Face's Trainer.

    .venv/bin/python benchmarks/bench_training.py [--root .tunehouse] [--data DIR] [--steps 30] [--threads 2]

Every arm trains the same tiny base (LoRA with the same r/alpha/dropout/targets, the same learning rate,
schedule, clipping and seed) on the same tokenised conversations with the same labels (assistant replies of
weight > 0 only: the mask of tokenize.py, given to TRL as a pre-tokenised ``labels`` column, so TRL's loss is
assistant-only too) and the same global batch of conversations, for the same number of optimizer steps:

* ours, ``tunehouse train`` end to end (run_training) with train.packing=true, on 1 worker and on
  ``--threads`` workers of 1 torch thread each (DDP over gloo); Ray is started once, before both, and
  reused (what train.ray_address does for a standing cluster); with ``--unpacked`` also without packing;
* TRL's SFTTrainer with packing (best-fit decreasing to max_seq_length, padding-free) in one process with
  1 and with ``--threads`` torch threads;
* Hugging Face's Trainer (padded batches with an attention mask), 1 and ``--threads`` threads.

Reported per arm: trainable tokens/s (tokens that carry loss) over the timed optimizer steps (the first
step is warm-up and left out), the share of batch tokens that are padding, the final train loss (mean of the
last 5 steps' losses), and wall time: ours end to end (data, MLflow run, Ray Train, merging and logging the
model), theirs from loading the model to the end of ``train()``. Our start-up is broken down (Ray start,
preparation, Ray Train fit minus its steps, model logging). Ratios are against TRL at equal total threads.
On a loaded machine run it as one invocation and read the ratios, with ``uptime`` beside them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

for k, v in {"RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled", "MLFLOW_ENABLE_TELEMETRY": "false",
             "MLFLOW_DISABLE_TELEMETRY": "true", "DO_NOT_TRACK": "1", "HF_HUB_OFFLINE": "1",
             "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false", "HF_DATASETS_OFFLINE": "1"}.items():
    os.environ.setdefault(k, v)

LAST = 5  # steps averaged into the final loss


def settings_for(args, workers: int = 1, packing: bool = True):
    from tunehouse.config import load_settings

    overrides = [f"storage.root={args.root}", f"train.num_workers={workers}", f"train.batch_size={args.batch_size}",
                 f"train.max_steps={args.steps}", "train.n_epochs=100", "train.register_model=false",
                 "train.max_eval_examples=16", f"train.log_every_steps={max(1, args.steps // 3)}",
                 "tracking.experiment=bench-training", f"train.packing={str(packing).lower()}",
                 f"train.max_seq_length={args.max_seq_length}"]
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
    """Padding share of the padded micro-batches our loop builds in epoch 1 (shuffled, per rank)."""
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


def final_loss(losses: list[float]) -> float:
    tail = losses[-LAST:]
    return sum(tail) / len(tail) if tail else float("nan")


# --------------------------------------------------------------------------- our loop
def start_ray(settings) -> float:
    """Start the local Ray runtime the Ray arms share (run_training then reuses it); return its start time."""
    from tunehouse.training import cluster

    t0 = time.time()
    cluster.ensure_ray(settings)
    return time.time() - t0


def bench_ray(settings, examples) -> dict:
    """One `tunehouse train` job in this process, on the running Ray."""
    from tunehouse.training.job import run_training

    ts = settings.train
    t0 = time.time()
    r = run_training(settings)
    wall = time.time() - t0
    steps = r.history["steps"][1:]
    secs = sum(s["trainable_tokens"] / s["trainable_tokens_per_s"] for s in steps)
    return {**fit_phases(r.run_id), "trainable_tok_s": sum(s["trainable_tokens"] for s in steps) / secs,
            "steps": len(steps), "padding": 0.0 if ts.packing else plan_padding(examples, ts, ts.num_workers),
            "final_loss": final_loss([s["train_loss"] for s in r.history["steps"]]), "wall_s": wall,
            "prepare_s": r.extra.get("time_prepare_s"), "log_model_s": r.extra.get("time_log_model_s")}


def _empty_loop() -> None:
    pass


def _import_loop() -> None:
    import time as _time

    t0 = _time.time()
    import tunehouse.training.recipe  # noqa: F401  what unpickling our loop imports: torch, transformers, peft
    import tunehouse.training.tracking  # noqa: F401  imported by every worker (MLflow)
    from tunehouse.training.modeling import build_model  # noqa: F401

    print(f"[probe] imports {_time.time() - t0:.1f} s")


def probe_ray_train(settings, workers: int) -> dict:
    """Ray Train's own start-up floor on the running Ray: fit() of a loop that does nothing, and of one that only
    imports what ours imports (no model, no data, no MLflow run)."""
    from ray.train import RunConfig, ScalingConfig
    from ray.train.torch import TorchConfig, TorchTrainer

    out = {}
    for name, loop in (("empty", _empty_loop), ("imports", _import_loop)):
        with tempfile.TemporaryDirectory() as storage:
            trainer = TorchTrainer(loop, torch_config=TorchConfig(backend="gloo"),
                                   scaling_config=ScalingConfig(num_workers=workers, resources_per_worker={"CPU": 1}),
                                   run_config=RunConfig(name=f"probe-{name}", storage_path=storage))
            t0 = time.time()
            trainer.fit()
            out[f"probe_{name}_s"] = time.time() - t0
    return out


def fit_phases(run_id: str) -> dict:
    """Where a job's Ray Train time went, from the timestamps of its MLflow events and metrics: workers up (Ray
    Train's controller and worker group, imports, model + LoRA, DDP), the base model's validation, the optimizer
    steps, and the end (last validation, checkpoint, Ray Train teardown)."""
    import mlflow
    from tunehouse.model.tracking import read_events

    client = mlflow.MlflowClient()
    events = read_events(client.get_run(run_id))
    fit_start = next(e["time"] for e in events if e["message"].startswith("data prepared"))
    workers_up = next(e["time"] for e in events if e["message"].startswith("training started on"))
    fit_end = next(e["time"] for e in events if e["message"].startswith("training finished"))
    base_validated = min(m.timestamp for m in client.get_metric_history(run_id, "val_loss")) / 1000
    last_step = max(m.timestamp for m in client.get_metric_history(run_id, "train_loss")) / 1000
    return {"phase_workers_up_s": workers_up - fit_start, "phase_base_validation_s": base_validated - workers_up,
            "phase_steps_s": last_step - base_validated, "phase_end_s": fit_end - last_step}


# --------------------------------------------------------------------------- HF Trainer and TRL's SFTTrainer
class Meter:
    """Per-step time and tokens of a Trainer, counted from the batches its compute_loss sees."""

    def __init__(self):
        self.cur = [0, 0, 0]  # trainable, real, batch tokens of the step under way
        self.timed = [0, 0, 0]
        self.seconds, self.steps, self.losses = 0.0, 0, []

    def batch(self, inputs: dict) -> None:
        from tunehouse.training.batching import IGNORE_INDEX

        ids = inputs["input_ids"]
        real = int(inputs["attention_mask"].sum()) if "attention_mask" in inputs else ids.numel()
        self.cur = [self.cur[0] + int((inputs["labels"] != IGNORE_INDEX).sum()), self.cur[1] + real,
                    self.cur[2] + ids.numel()]

    def result(self, wall: float) -> dict:
        trainable, real, total = self.timed
        return {"trainable_tok_s": trainable / self.seconds if self.seconds else float("nan"), "steps": self.steps,
                "padding": 1 - real / total if total else 0.0, "final_loss": final_loss(self.losses), "wall_s": wall}


def metered(trainer_cls, meter: Meter):
    """``trainer_cls`` counting every training batch's tokens into ``meter``."""

    class Metered(trainer_cls):
        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            if model.training:
                meter.batch(inputs)
            return super().compute_loss(model, inputs, return_outputs=return_outputs,
                                        num_items_in_batch=num_items_in_batch)

    return Metered


def meter_callback(meter: Meter):
    from transformers import TrainerCallback

    class Timer(TrainerCallback):
        def on_step_begin(self, args, state, control, **kw):
            self.t, meter.cur = time.perf_counter(), [0, 0, 0]

        def on_step_end(self, args, state, control, **kw):
            if state.global_step > 1:  # the first step is warm-up
                meter.seconds += time.perf_counter() - self.t
                meter.steps += 1
                meter.timed = [a + b for a, b in zip(meter.timed, meter.cur)]

        def on_log(self, args, state, control, logs=None, **kw):
            if logs and "loss" in logs:
                meter.losses.append(float(logs["loss"]))

    return Timer()


def quiet_train(trainer) -> None:
    """train() without the printed dict of every logged step (the meter has the losses)."""
    from transformers import PrinterCallback

    trainer.remove_callback(PrinterCallback)
    trainer.train()


def _lora(ts):
    from peft import LoraConfig

    return LoraConfig(r=ts.lora.r, lora_alpha=ts.lora.alpha, lora_dropout=ts.lora.dropout,
                      target_modules=list(ts.lora.target_modules), task_type="CAUSAL_LM", bias="none")


def _common_args(settings, base: str, steps: int, out: str) -> dict:
    """The TrainingArguments both single-process trainers share, matched to train.*."""
    from tunehouse.training.base_model import model_name

    ts = settings.train
    return dict(output_dir=out, per_device_train_batch_size=ts.batch_size, max_steps=steps,
                learning_rate=ts.learning_rate(model_name(base)), lr_scheduler_type=ts.lr_scheduler,
                warmup_steps=int(round(ts.warmup_ratio * steps)), weight_decay=ts.weight_decay,
                max_grad_norm=ts.max_grad_norm or 0.0, logging_steps=1, save_strategy="no", report_to=[],
                use_cpu=True, dataloader_num_workers=0, seed=ts.seed, disable_tqdm=True, bf16=False)


def _rows(examples) -> list[dict]:
    from tunehouse.training.batching import IGNORE_INDEX

    return [{"input_ids": e.input_ids,
             "labels": [t if w > 0 else IGNORE_INDEX for t, w in zip(e.input_ids, e.weights)]} for e in examples]


def bench_hf(settings, examples, steps: int, threads: int) -> dict:
    """Hugging Face's Trainer: padded batches of ``batch_size`` conversations with an attention mask."""
    import torch
    from peft import get_peft_model
    from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
    from tunehouse.training.base_model import load_tokenizer, resolve_base_model
    from tunehouse.training.batching import IGNORE_INDEX

    torch.set_num_threads(threads)
    base = resolve_base_model(settings)
    pad_id = load_tokenizer(base).pad_token_id

    def collate(batch):
        n = max(len(b["input_ids"]) for b in batch)
        ids = torch.full((len(batch), n), pad_id, dtype=torch.long)
        labels = torch.full((len(batch), n), IGNORE_INDEX, dtype=torch.long)
        att = torch.zeros((len(batch), n), dtype=torch.long)
        for i, b in enumerate(batch):
            k = len(b["input_ids"])
            ids[i, :k], labels[i, :k], att[i, :k] = torch.tensor(b["input_ids"]), torch.tensor(b["labels"]), 1
        return {"input_ids": ids, "labels": labels, "attention_mask": att}

    meter = Meter()
    t0 = time.time()
    torch.manual_seed(settings.train.seed)
    model = get_peft_model(AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32), _lora(settings.train))
    with tempfile.TemporaryDirectory() as out:
        args = TrainingArguments(**_common_args(settings, base, steps, out), remove_unused_columns=False)
        trainer = metered(Trainer, meter)(model=model, args=args, train_dataset=_rows(examples), data_collator=collate,
                                          callbacks=[meter_callback(meter)])
        quiet_train(trainer)
    return meter.result(time.time() - t0)


def bench_trl(settings, examples, steps: int, threads: int) -> dict:
    """TRL's SFTTrainer: our labels (assistant-only) as a pre-tokenised dataset, packed best-fit-decreasing to
    max_seq_length and padding-free (each batch flattened into one row with restarting position ids)."""
    import torch
    from datasets import Dataset
    from transformers import AutoModelForCausalLM
    from trl import SFTConfig, SFTTrainer
    from tunehouse.training.base_model import load_tokenizer, resolve_base_model

    torch.set_num_threads(threads)
    ts = settings.train
    base = resolve_base_model(settings)
    meter = Meter()
    t0 = time.time()
    torch.manual_seed(ts.seed)
    model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32)
    with tempfile.TemporaryDirectory() as out:
        args = SFTConfig(**_common_args(settings, base, steps, out), packing=True, packing_strategy="bfd",
                         padding_free=True, max_length=ts.max_seq_length)
        trainer = metered(SFTTrainer, meter)(model=model, args=args, train_dataset=Dataset.from_list(_rows(examples)),
                                             processing_class=load_tokenizer(base), peft_config=_lora(ts),
                                             callbacks=[meter_callback(meter)])
        quiet_train(trainer)
    return meter.result(time.time() - t0)


# --------------------------------------------------------------------------- the table
def run_arms(args, examples) -> tuple[dict, float]:
    """Every arm in one invocation, equal-thread arms next to each other in time (load drifts)."""
    results: dict[str, dict] = {}
    arms = set(args.arms.split(","))
    ray_start = start_ray(settings_for(args, args.threads)) if "ours" in arms else float("nan")
    try:
        for threads in sorted({1, args.threads}):
            if "ours" in arms:
                results[f"ours {threads}w"] = bench_ray(settings_for(args, threads), examples)
                try:
                    results[f"ours {threads}w"].update(probe_ray_train(settings_for(args, threads), threads))
                except Exception as e:  # the probe is a side measurement: report, keep the arms going
                    print(f"  Ray Train probe failed: {type(e).__name__}: {e}", flush=True)
            if "ours" in arms and args.unpacked:
                results[f"ours {threads}w unpacked"] = bench_ray(settings_for(args, threads, packing=False), examples)
            settings = settings_for(args)
            if "trl" in arms:
                results[f"trl {threads}t"] = bench_trl(settings, examples, args.steps, threads)
            if "hf" in arms:
                results[f"hf {threads}t"] = bench_hf(settings, examples, args.steps, threads)
            print(f"  done with {threads} thread(s): " + ", ".join(
                f"{k} {r['trainable_tok_s']:.0f}" for k, r in results.items() if k.split()[1][:-1] == str(threads))
                + " trainable tok/s", flush=True)
    finally:
        if "ours" in arms:
            import ray

            ray.shutdown()
    return results, ray_start


def label(key: str) -> str:
    who, n = key.split()[:2]
    unit = "worker" if n.endswith("w") else "thread"
    count = int(n[:-1])
    plural = "s" if count > 1 else ""
    if who == "ours":
        packing = "padded" if key.endswith("unpacked") else "packed"
        return f"tunehouse Ray loop, {count} {unit}{plural} x 1 thread, {packing}"
    if who == "trl":
        return f"TRL SFTTrainer, packed padding-free, {count} {unit}{plural}"
    return f"HF Trainer, padded, {count} {unit}{plural}"


def print_table(results: dict, ray_start: float) -> None:
    print()
    print(f"{'trainer':<52} {'trainable tok/s':>15} {'vs TRL':>7} {'padding':>8} {'final loss':>10} {'wall s':>7}")
    for k, r in results.items():
        threads = k.split()[1][:-1]
        trl = results.get(f"trl {threads}t")
        ratio = f"{r['trainable_tok_s'] / trl['trainable_tok_s']:.2f}" if trl else "-"
        print(f"{label(k):<52} {r['trainable_tok_s']:>15.0f} {ratio:>7} {r['padding']:>8.1%} "
              f"{r['final_loss']:>10.4f} {r['wall_s']:>7.1f}")
    if not any(k.startswith("ours") for k in results):
        return
    print()
    print(f"our start-up: Ray started once in {ray_start:.1f} s (reused by every Ray arm); per job:")
    for k, r in results.items():
        if k.startswith("ours"):
            print(f"  {label(k)}: prepare + MLflow {r['prepare_s']:.1f} s; Ray Train: workers up "
                  f"{r['phase_workers_up_s']:.1f} s, base validation {r['phase_base_validation_s']:.1f} s, steps "
                  f"{r['phase_steps_s']:.1f} s, validation + checkpoint + teardown {r['phase_end_s']:.1f} s; "
                  f"logging the model {r['log_model_s']:.1f} s")
            if "probe_empty_s" in r:
                print(f"    Ray Train floor on the same workers: fit() of an empty loop {r['probe_empty_s']:.1f} s, "
                      f"of a loop importing what ours imports {r['probe_imports_s']:.1f} s")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", default=".tunehouse", help="storage.root with exports/ and models/base (default .tunehouse)")
    ap.add_argument("--data", default=None, help="export folder with train.jsonl (default: latest under ROOT/exports)")
    ap.add_argument("--steps", type=int, default=30, help="optimizer steps per arm (default 30)")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                    help="total threads of the multi-thread arms: Ray workers, torch threads (default: cores)")
    ap.add_argument("--batch-size", type=int, default=8, help="global batch size in conversations (default 8)")
    ap.add_argument("--max-seq-length", type=int, default=256,
                    help="train.max_seq_length, also TRL's max_length (default 256: most demo conversations are cut "
                    "to exactly that, leaving ~5%% padding; 1024 cuts none, ~25%% padding)")
    ap.add_argument("--unpacked", action="store_true", help="also run our loop without packing")
    ap.add_argument("--arms", default="ours,trl,hf", help="comma-separated arms to run: ours, trl, hf (default all)")
    args = ap.parse_args(argv)

    import logging

    logging.basicConfig(level=logging.WARNING)
    from tunehouse import runtime
    from tunehouse.training.base_model import load_tokenizer
    from tunehouse.training.data import prepare_data

    runtime.quiet_libraries()
    settings = settings_for(args)
    data = prepare_data(settings, load_tokenizer(ensure_base(settings)))
    print(f"{subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")
    print(f"data: {data.data_dir} — {len(data.train)} training conversations, "
          f"{data.stats['train_trainable_tokens']} trainable of {data.stats['train_tokens']} tokens "
          f"({data.stats['train_trainable_fraction']:.1%}); max_seq_length {settings.train.max_seq_length}; "
          f"global batch {args.batch_size}; {args.steps} steps; {os.cpu_count()} cores", flush=True)
    results, ray_start = run_arms(args, data.train)
    print_table(results, ray_start)
    print(f"{subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
