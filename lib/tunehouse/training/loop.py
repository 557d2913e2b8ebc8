"""The per-worker training loop that Ray Train runs (``train_loop_per_worker``), and the loss it optimises.

Read top to bottom: set up (threads, seeds, model, LoRA, DDP, optimizer, schedule) -> resume from the
latest checkpoint if Ray handed one over -> for each epoch: optimizer steps over this worker's share of
the global batches, validation, checkpoint + report.

The loss of one optimizer step is  sum(weight_t * CE_t) / sum(weight_t)  over every token of the *global*
batch (all micro-batches of all workers). Each worker therefore scales its micro-batch loss sums by
world_size / global_weight_sum before ``backward``: DDP averages gradients over workers, and the sum of
all pieces is exactly the one-big-batch loss. With 0/1 weights this is the usual token mean.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F

from tunehouse import runtime
from tunehouse.training.data import (
    IGNORE_INDEX,
    audit_batch,
    collate,
    eval_shard,
    step_plan,
)

_log = logging.getLogger("tunehouse.train")
STATE_FILE = "train_state.pt"
HISTORY_FILE = "history.json"


# --------------------------------------------------------------------------- loss
def weighted_loss_sums(model, batch: dict) -> dict[str, torch.Tensor]:
    """Forward one collated batch; return sum(w*CE), sum(w), correct argmax predictions and trainable count."""
    out = model(input_ids=batch["input_ids"], position_ids=batch["position_ids"], use_cache=False)
    logits = out.logits[:, :-1, :].float()
    labels = batch["labels"][:, 1:]
    weights = batch["weights"][:, 1:].to(logits.device)
    ce = F.cross_entropy(
        logits.reshape(-1, logits.size(-1)), labels.reshape(-1), ignore_index=IGNORE_INDEX, reduction="none"
    ).view_as(weights)
    mask = labels != IGNORE_INDEX
    correct = ((logits.argmax(-1) == labels) & mask).sum()
    return {"loss_sum": (ce * weights).sum(), "weight_sum": weights.sum(), "correct": correct, "count": mask.sum()}


def accumulate_gradients(model, micro_batches: list[dict], global_weight_sum: float, world_size: int) -> float:
    """Backward every micro-batch of one optimizer step with the global normalisation; return sum(w*CE) here.

    Gradient sync (DDP) happens only on the last micro-batch."""
    total = 0.0
    no_sync = getattr(model, "no_sync", None)
    for k, batch in enumerate(micro_batches):
        last = k == len(micro_batches) - 1
        ctx = no_sync() if (no_sync is not None and not last) else contextlib.nullcontext()
        with ctx, _autocast(batch):
            sums = weighted_loss_sums(model, batch)
            (sums["loss_sum"] * (world_size / global_weight_sum)).backward()
        total += float(sums["loss_sum"].detach())
    return total


_AUTOCAST: dict[str, Any] = {"enabled": False, "device_type": "cpu", "dtype": torch.bfloat16}


def _autocast(batch):
    return torch.autocast(**_AUTOCAST) if _AUTOCAST["enabled"] else contextlib.nullcontext()


def lr_lambda(kind: str, warmup_steps: int, total_steps: int):
    def f(step: int) -> float:
        if step < warmup_steps:
            return (step + 1) / warmup_steps
        if kind == "constant":
            return 1.0
        progress = (step - warmup_steps) / max(1, total_steps - warmup_steps)
        progress = min(1.0, progress)
        if kind == "linear":
            return max(0.0, 1.0 - progress)
        return 0.5 * (1.0 + math.cos(math.pi * progress))

    return f


def build_model(cfg: dict):
    """Base model (+ LoRA adapters for method=lora), trainable parameters selected."""
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(cfg["base_model"], dtype=torch.float32)
    model.config.use_cache = False
    if cfg["method"] == "lora":
        from peft import LoraConfig, get_peft_model

        lora = cfg["lora"]
        targets = lora["target_modules"]
        model = get_peft_model(
            model,
            LoraConfig(
                r=lora["r"],
                lora_alpha=lora["alpha"],
                lora_dropout=lora["dropout"],
                target_modules="all-linear" if targets == ["all-linear"] else targets,
                task_type="CAUSAL_LM",
                bias="none",
            ),
        )
    return model


def trainable_state_dict(model) -> dict[str, torch.Tensor]:
    """The trained tensors only (LoRA adapters, or every parameter for full fine-tuning), on CPU."""
    names = {n for n, p in model.named_parameters() if p.requires_grad}
    return {k: v.detach().cpu().clone() for k, v in model.state_dict().items() if k in names}


def _is_fsdp(model) -> bool:
    return type(model).__name__ == "FullyShardedDataParallel"


def _full_trainable_state(model) -> dict[str, torch.Tensor]:
    """FSDP: gather the full trained tensors to rank 0 (clean parameter names, CPU)."""
    from torch.distributed.fsdp import FullStateDictConfig, StateDictType
    from torch.distributed.fsdp import FullyShardedDataParallel as FSDP

    prefix = "_fsdp_wrapped_module."
    names = {n.replace(prefix, "") for n, p in model.named_parameters() if p.requires_grad}
    with FSDP.state_dict_type(model, StateDictType.FULL_STATE_DICT,
                              FullStateDictConfig(offload_to_cpu=True, rank0_only=True)):
        sd = model.state_dict()
    return {k.replace(prefix, ""): v.detach().cpu().clone() for k, v in sd.items() if k.replace(prefix, "") in names}


def _unwrap(model):
    return model.module if hasattr(model, "module") else model


def _all_reduce(values: list[float], device) -> list[float]:
    t = torch.tensor(values, dtype=torch.float64, device=device)
    if torch.distributed.is_available() and torch.distributed.is_initialized():
        torch.distributed.all_reduce(t)
    return t.tolist()


def _setup_progress_log() -> None:
    if not _log.handlers:
        h = logging.StreamHandler()
        h.setFormatter(logging.Formatter("[train] %(message)s"))
        _log.addHandler(h)
    _log.setLevel(logging.INFO)
    _log.propagate = False


def _seed_everything(seed: int) -> None:
    random.seed(seed)
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)


# --------------------------------------------------------------------------- the loop
def train_loop_per_worker(cfg: dict) -> None:
    import ray
    import ray.train
    import ray.train.torch

    runtime.apply_worker_env(cfg.get("env", {}))
    runtime.quiet_libraries()
    _setup_progress_log()
    torch.set_num_threads(cfg["torch_threads"])
    ctx = ray.train.get_context()
    rank, world = ctx.get_world_rank(), ctx.get_world_size()
    device = ray.train.torch.get_device()
    if cfg["precision"] == "bf16":
        _AUTOCAST.update(enabled=True, device_type=device.type, dtype=torch.bfloat16)

    # same initialisation (LoRA matrices) on every rank; per-rank streams for dropout afterwards
    _seed_everything(cfg["seed"])
    model = build_model(cfg)
    _seed_everything(cfg["seed"] + 1000 * rank)

    # ---- resume: the trained tensors go into the plain model before DDP/FSDP wraps it
    epoch0, step0, global_step = 0, 0, 0
    history: dict[str, list] = {"steps": [], "epochs": [], "events": []}
    checkpoint = ray.train.get_checkpoint()
    state = None
    if checkpoint is not None:
        with checkpoint.as_directory() as d:
            state = torch.load(Path(d) / STATE_FILE, map_location="cpu", weights_only=False)
            model.load_state_dict(state["model"], strict=False)
            epoch0, step0, global_step = state["epoch"], state["step_in_epoch"], state["global_step"]
            history = json.loads((Path(d) / HISTORY_FILE).read_text())
            optim_file = Path(d) / f"optimizer_rank{rank}.pt"  # FSDP: each rank's optimizer shard
            if optim_file.exists():
                state["optimizer"] = torch.load(optim_file, map_location="cpu", weights_only=False)
            rng_file = Path(d) / f"rng_rank{rank}.pt"
            if rng_file.exists():
                rng = torch.load(rng_file, weights_only=False)
                torch.set_rng_state(rng["torch"])
                random.setstate(rng["python"])
        history["events"].append({"time": time.time(), "event": "resumed",
                                  "message": f"resumed from checkpoint at epoch {epoch0}, step {global_step}"})

    model = ray.train.torch.prepare_model(
        model,
        parallel_strategy=cfg["strategy"],
        parallel_strategy_kwargs={"use_orig_params": True} if cfg["strategy"] == "fsdp" else None,
    )
    params = [p for p in model.parameters() if p.requires_grad]
    decay = [p for p in params if p.ndim >= 2]
    no_decay = [p for p in params if p.ndim < 2]
    optimizer = torch.optim.AdamW(
        [{"params": decay, "weight_decay": cfg["weight_decay"]}, {"params": no_decay, "weight_decay": 0.0}],
        lr=cfg["learning_rate"],
    )

    train = ray.get(cfg["train_ref"])
    val = ray.get(cfg["val_ref"])
    micro, accum = cfg["micro_batch_size"], cfg["gradient_accumulation_steps"]
    steps_per_epoch = len(step_plan(len(train), epoch=0, seed=cfg["seed"], world_size=world,
                                    micro_batch_size=micro, accumulation=accum))
    total_steps = steps_per_epoch * cfg["n_epochs"]
    if cfg.get("max_steps"):
        total_steps = min(total_steps, cfg["max_steps"])
    warmup = int(round(cfg["warmup_ratio"] * total_steps))
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda(cfg["lr_scheduler"], warmup, total_steps))
    if state is not None:
        optimizer.load_state_dict(state["optimizer"])
        scheduler.load_state_dict(state["scheduler"])

    tracker = _StepTracker(cfg, rank) if rank == 0 else None
    if tracker:
        tracker.event(history["events"][-1]["message"] if checkpoint is not None else
                      f"training started on {world} workers ({device.type}): {total_steps} steps, "
                      f"{steps_per_epoch} per epoch")
    if not history["epochs"]:  # baseline: validation of the base model before any update
        base_row = {"epoch": 0, "step": 0, **evaluate(model, val, cfg, rank, world, device)}
        history["epochs"].append(base_row)
        if tracker:
            tracker.epoch(base_row, checkpoint=False)
    try:
        _epochs(model, optimizer, scheduler, params, train, val, cfg, rank, world, device, history, tracker,
                epoch0=epoch0, step0=step0, global_step=global_step, total_steps=total_steps)
    except Exception as e:
        _StepTracker(cfg, rank).event(f"worker rank {rank} failed: {type(e).__name__}: {e}"[:1000])
        raise
    if tracker:
        tracker.flush()


def _epochs(model, optimizer, scheduler, params, train, val, cfg, rank, world, device, history, tracker, *,
            epoch0: int, step0: int, global_step: int, total_steps: int) -> None:
    """Epochs from the (possibly resumed) position: optimizer steps, validation, checkpoint + report."""
    micro, accum = cfg["micro_batch_size"], cfg["gradient_accumulation_steps"]
    done = global_step >= total_steps
    for epoch in range(epoch0, cfg["n_epochs"]):
        if done:
            break
        plan = step_plan(len(train), epoch=epoch, seed=cfg["seed"], world_size=world,
                         micro_batch_size=micro, accumulation=accum)
        model.train()
        for s in range(step0 if epoch == epoch0 else 0, len(plan)):
            t0 = time.perf_counter()
            batches = [collate([train[i] for i in idx], cfg["pad_token_id"]) for idx in plan[s][rank]]
            for a, b in enumerate(batches):
                audit_batch(b, where=f"epoch {epoch} step {s} rank {rank} micro-batch {a}")
            local_w = sum(b["weight_sum"] for b in batches)
            local_n = sum(b["n_trainable"] for b in batches)
            global_w, global_n = _all_reduce([local_w, local_n], device)
            batches = [{k: (v.to(device) if torch.is_tensor(v) else v) for k, v in b.items()} for b in batches]
            loss_sum = accumulate_gradients(model, batches, global_w, world)
            grad_norm = None
            if cfg["max_grad_norm"]:
                grad_norm = float(torch.nn.utils.clip_grad_norm_(params, cfg["max_grad_norm"]))
            lr = scheduler.get_last_lr()[0]
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            (global_loss_sum,) = _all_reduce([loss_sum], device)
            global_step += 1
            dt = time.perf_counter() - t0
            row = {"step": global_step, "epoch": epoch, "train_loss": global_loss_sum / global_w, "lr": lr,
                   "trainable_tokens": int(global_n), "trainable_tokens_per_s": global_n / dt,
                   "grad_norm": grad_norm}
            history["steps"].append(row)
            if tracker:
                tracker.step(row, total_steps)
            if cfg.get("fail_at_step") == global_step and rank == world - 1:
                _maybe_inject_failure(cfg, global_step)
            if global_step >= total_steps:
                done = True
                break
        step_next = s + 1 if s + 1 < len(plan) else 0
        epoch_next = epoch if step_next else epoch + 1

        val_metrics = evaluate(model, val, cfg, rank, world, device)
        epoch_row = {"epoch": epoch + 1, "step": global_step, **val_metrics}
        history["epochs"].append(epoch_row)
        if tracker:
            tracker.epoch(epoch_row)
        _save_and_report(model, optimizer, scheduler, history, rank, world,
                         epoch=epoch_next, step_in_epoch=step_next, global_step=global_step,
                         metrics={"epoch": epoch + 1, "step": global_step,
                                  "train_loss": history["steps"][-1]["train_loss"], **val_metrics})


def _maybe_inject_failure(cfg: dict, step: int) -> None:
    """Test hook: fail the last worker at a given step, ``fail_times`` times in all (counted in a file)."""
    marker = Path(cfg["fail_marker"])
    failed = int(marker.read_text()) if marker.exists() else 0
    if failed < cfg.get("fail_times", 1):
        marker.write_text(str(failed + 1))
        raise RuntimeError(f"injected failure at step {step} (test hook)")


@torch.no_grad()
def evaluate(model, val: list, cfg: dict, rank: int, world: int, device) -> dict[str, float]:
    """Validation loss (weighted like training) and token accuracy over trainable tokens, summed over workers."""
    model.eval()
    idx = eval_shard(len(val), rank, world)
    sums = [0.0, 0.0, 0.0, 0.0]
    bs = max(1, cfg["micro_batch_size"])
    for i in range(0, len(idx), bs):
        batch = collate([val[j] for j in idx[i:i + bs]], cfg["pad_token_id"])
        batch = {k: (v.to(device) if torch.is_tensor(v) else v) for k, v in batch.items()}
        with _autocast(batch):
            r = weighted_loss_sums(model, batch)
        sums = [a + float(r[k]) for a, k in zip(sums, ("loss_sum", "weight_sum", "correct", "count"))]
    loss_sum, w, correct, count = _all_reduce(sums, device)
    model.train()
    return {"val_loss": loss_sum / w if w else float("nan"), "val_token_accuracy": correct / count if count else 0.0}


def _save_and_report(model, optimizer, scheduler, history, rank, world, *, epoch, step_in_epoch, global_step,
                     metrics) -> None:
    import ray.train

    fsdp = _is_fsdp(model)
    model_state = _full_trainable_state(model) if fsdp else None  # a collective: every rank takes part
    with tempfile.TemporaryDirectory() as d:
        torch.save({"torch": torch.get_rng_state(), "python": random.getstate()}, Path(d) / f"rng_rank{rank}.pt")
        if fsdp:
            torch.save(optimizer.state_dict(), Path(d) / f"optimizer_rank{rank}.pt")
        if rank == 0:
            torch.save(
                {
                    "model": model_state if fsdp else trainable_state_dict(_unwrap(model)),
                    "optimizer": None if fsdp else optimizer.state_dict(),
                    "scheduler": scheduler.state_dict(),
                    "epoch": epoch,
                    "step_in_epoch": step_in_epoch,
                    "global_step": global_step,
                    "world_size": world,
                },
                Path(d) / STATE_FILE,
            )
            (Path(d) / HISTORY_FILE).write_text(json.dumps(history))
        ray.train.report(metrics, checkpoint=ray.train.Checkpoint.from_directory(d))


class _StepTracker:
    """Rank 0's progress: periodic log lines and step/epoch metrics streamed to the job's MLflow run."""

    def __init__(self, cfg: dict, rank: int):
        self.every = cfg["log_every_steps"]
        self.run_id = cfg.get("mlflow_run_id")
        self.buffer: list = []
        self.client = None
        self.t_start = time.time()
        if self.run_id:
            from tunehouse.model import registry

            self.client = registry.client(tracking_uri=cfg["mlflow_tracking_uri"])

    def step(self, row: dict, total: int) -> None:
        from mlflow.entities import Metric

        ts = int(time.time() * 1000)
        for key in ("train_loss", "lr", "trainable_tokens_per_s", "grad_norm"):
            if row.get(key) is not None:
                self.buffer.append(Metric(key, float(row[key]), ts, row["step"]))
        if row["step"] % self.every == 0 or row["step"] == total:
            _log.info("step %d/%d epoch %d loss %.4f lr %.2e %.0f trainable tok/s (%.0fs)", row["step"], total,
                         row["epoch"] + 1, row["train_loss"], row["lr"], row["trainable_tokens_per_s"],
                         time.time() - self.t_start)
            self.flush()

    def epoch(self, row: dict, checkpoint: bool = True) -> None:
        from mlflow.entities import Metric

        ts = int(time.time() * 1000)
        self.buffer += [Metric(k, float(row[k]), ts, row["step"]) for k in ("val_loss", "val_token_accuracy")]
        self.buffer.append(Metric("epoch", float(row["epoch"]), ts, row["step"]))
        if not checkpoint:
            _log.info("before training: val_loss %.4f val_token_accuracy %.3f", row["val_loss"],
                      row["val_token_accuracy"])
            self.flush()
            return
        _log.info("epoch %d done: val_loss %.4f val_token_accuracy %.3f", row["epoch"], row["val_loss"],
                  row["val_token_accuracy"])
        self.flush()
        self.event(f"epoch {row['epoch']} finished at step {row['step']}: val_loss {row['val_loss']:.4f}, "
                   f"val_token_accuracy {row['val_token_accuracy']:.3f}; checkpoint saved")

    def event(self, message: str) -> None:
        if self.client:
            from tunehouse.model.tracking import append_event

            append_event(self.client, self.run_id, message, source="worker")

    def flush(self) -> None:
        if self.client and self.buffer:
            for i in range(0, len(self.buffer), 900):
                self.client.log_batch(self.run_id, metrics=self.buffer[i:i + 900], synchronous=True)
        self.buffer = []
