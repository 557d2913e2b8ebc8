"""The training recipe: what every Ray Train worker runs, and the same optimizer steps in-process.

Read top to bottom:

* :class:`WorkerConfig` — what the driver (job.py) hands every worker: typed and frozen; the test-only
  :class:`~tunehouse.training.faults.FaultInjection` rides in its own field, apart from the
  :class:`Hyperparameters`.
* :func:`train_loop_per_worker` — set up (threads, seeds, precision from this worker's device, model + LoRA,
  restore a checkpoint, DDP or FSDP2) -> validate the base once -> epochs; after each epoch: validate,
  checkpoint + report to Ray Train.
* :class:`Recipe` — one worker's model, optimizer and LR schedule, and the two things done with them:
  :meth:`Recipe.step` (one optimizer step over this worker's micro-batches, loss normalised over the global
  batch, see loss.py) and :meth:`Recipe.validate`.
* :func:`run_epochs` — the loop over each epoch's step plan, shared by the workers and by
  :func:`train_in_process` (tests and fixtures train with exactly the job's step function).
"""

from __future__ import annotations

import dataclasses
import logging
import math
import random
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

import torch

from tunehouse import runtime
from tunehouse.training import checkpoint as ckpt
from tunehouse.training import faults, modeling
from tunehouse.training.batching import audit_batch, collate, eval_shard, step_plan
from tunehouse.training.control import JobControl
from tunehouse.training.faults import (  # noqa: F401 (tests import it here)
    FaultInjection,
    NonFiniteLoss,
    TrainingFault,
)
from tunehouse.training.loss import accumulate_gradients, autocast, weighted_loss_sums

if TYPE_CHECKING:
    from tunehouse.training.settings import LoraSettings, TrainSettings
    from tunehouse.training.tokenize import Example
    from tunehouse.training.tracking import WorkerTracker

_log = logging.getLogger("tunehouse.train")


# --------------------------------------------------------------------------- configuration
@dataclass(frozen=True)
class Hyperparameters:
    """What shapes the optimisation, resolved from train.* by the driver (learning rate included). ``precision``
    is what the driver asks for (auto/fp32/bf16); each worker resolves it from its own device
    (:func:`~tunehouse.training.modeling.device_precision`) before it builds its :class:`Recipe`."""

    method: str
    lora: LoraSettings
    learning_rate: float
    lr_scheduler: str
    warmup_ratio: float
    weight_decay: float
    max_grad_norm: float | None
    n_epochs: int
    max_steps: int | None
    seed: int
    micro_batch_size: int
    gradient_accumulation_steps: int
    precision: str
    gradient_checkpointing: bool = False
    load_in_4bit: bool = False
    packing: bool = False  # padding-free micro-batches (batching.collate)

    @classmethod
    def from_settings(cls, ts: "TrainSettings", *, learning_rate: float, precision: str) -> "Hyperparameters":
        return cls(method=ts.method, lora=ts.lora.model_copy(deep=True), learning_rate=learning_rate,
                   lr_scheduler=ts.lr_scheduler, warmup_ratio=ts.warmup_ratio, weight_decay=ts.weight_decay,
                   max_grad_norm=ts.max_grad_norm, n_epochs=ts.n_epochs, max_steps=ts.max_steps, seed=ts.seed,
                   micro_batch_size=ts.micro_batch_size, gradient_accumulation_steps=ts.gradient_accumulation_steps,
                   precision=precision, gradient_checkpointing=ts.gradient_checkpointing,
                   load_in_4bit=ts.load_in_4bit, packing=ts.packing)


@dataclass(frozen=True)
class WorkerConfig:
    """Everything a worker needs besides the data; built by the driver and pickled to every worker."""

    base_model: str  # a local folder (resolved by the driver) or a hub id
    hp: Hyperparameters
    pad_token_id: int
    strategy: str  # ddp | fsdp
    torch_threads: int
    log_every_steps: int
    mlflow_tracking_uri: str
    mlflow_run_id: str | None
    env: dict[str, str]  # the driver's environment for libraries (runtime.worker_env)
    faults: FaultInjection | tuple[FaultInjection, ...] | None = None  # tests only (faults.py)
    control: JobControl | None = None  # cancel marker and early stopping (control.py)
    run_dir: str | None = None  # the job's Ray Train folder: a restart's fallback checkpoint (checkpoint.py)

    def injected_faults(self) -> tuple[FaultInjection, ...]:
        return self.faults if isinstance(self.faults, tuple) else tuple(f for f in (self.faults,) if f)


@dataclass(frozen=True)
class WorkerData:
    """The prepared sequences in Ray's object store (put once by the driver, read by every worker)."""

    train_ref: Any
    val_ref: Any


# --------------------------------------------------------------------------- the worker
def train_loop_per_worker(cfg: WorkerConfig, data: WorkerData) -> None:
    """Run on every Ray Train worker (bound to its arguments with functools.partial by the driver)."""
    import ray
    import ray.train
    import ray.train.torch

    _setup_process(cfg)
    control = cfg.control or JobControl()
    if faults.read_report(control.fault_report):  # a restart after a fatal fault: stop instead of meeting it again
        return
    ctx = ray.train.get_context()
    rank, world = ctx.get_world_rank(), ctx.get_world_size()
    device = ray.train.torch.get_device()

    hp = dataclasses.replace(cfg.hp, precision=modeling.device_precision(cfg.hp.precision, device))
    model, restored = _worker_model(cfg, hp, rank, world, device)
    train, val = ray.get(data.train_ref), ray.get(data.val_ref)
    recipe = Recipe(model, hp, pad_token_id=cfg.pad_token_id, n_train=len(train), rank=rank, world=world,
                    device=device)
    start, history = ckpt.Position(), ckpt.new_history()
    if restored is not None:
        recipe.load_state(restored.optimizer, restored.scheduler)
        start, history = restored.position, restored.history

    def new_tracker() -> "WorkerTracker":
        # imported here: it pulls in MLflow (~3 s of CPU), which only rank 0 (and a failing worker) needs
        from tunehouse.training.tracking import WorkerTracker

        return WorkerTracker(cfg.log_every_steps, cfg.mlflow_tracking_uri, cfg.mlflow_run_id)

    tracker = new_tracker() if rank == 0 else None
    if tracker:
        tracker.event(history["events"][-1]["message"] if restored is not None else
                      f"training started on {world} workers ({device.type}, {hp.precision}, {cfg.strategy}): "
                      f"{recipe.total_steps} steps, "
                      f"{recipe.steps_per_epoch} per epoch")
    if not history["epochs"]:  # baseline: validation of the base model before any update
        base_row = {"epoch": 0, "step": 0, **recipe.validate(val)}
        history["epochs"].append(base_row)
        if tracker:
            tracker.epoch(base_row, checkpoint=False)

    where = {"step": start.global_step + 1, "epoch": start.epoch}  # the step running now (fault messages)

    def before_step(step: int, epoch: int) -> None:
        where.update(step=step, epoch=epoch)
        for fault in cfg.injected_faults():
            fault.before_step(step, rank, world, recipe.model, device.type)

    def after_step(row: dict) -> None:
        history["steps"].append(row)
        if tracker:
            tracker.step(row, recipe.total_steps)
        for fault in cfg.injected_faults():
            fault.after_step(row["step"], rank, world)

    def after_epoch(epoch: int, resume_at: ckpt.Position) -> None:
        val_metrics = recipe.validate(val)
        recipe.check_finite(history["steps"][-1]["train_loss"], val_metrics["val_loss"] if val else 0.0)
        epoch_row = {"epoch": epoch + 1, "step": resume_at.global_step, **val_metrics}
        history["epochs"].append(epoch_row)
        if tracker:
            tracker.epoch(epoch_row)
        ckpt.save_and_report(recipe.model, recipe.optimizer, recipe.scheduler, history, rank=rank, world=world,
                             position=resume_at,
                             metrics={"epoch": epoch + 1, "step": resume_at.global_step,
                                      "train_loss": history["steps"][-1]["train_loss"], **val_metrics})

    should_stop = _stop_check(control, history, recipe, tracker)
    try:
        run_epochs(recipe, train, start, before_step=before_step, after_step=after_step, after_epoch=after_epoch,
                   should_stop=should_stop)
    except NonFiniteLoss as e:  # every rank raised it at the same step: report once, and all return
        _report_non_finite(e, control, where, recipe, tracker)
    except Exception as e:
        _report_failure(e, control, where, recipe, new_tracker())
        raise
    if tracker:
        tracker.flush()


def _report_non_finite(e: NonFiniteLoss, control: JobControl, where: dict, recipe: "Recipe", tracker) -> None:
    """Rank 0 writes the fault report and the event; the workers then return normally, so Ray Train does not
    restart them into the same divergence, and no checkpoint of the diverged epoch is written."""
    if recipe.rank != 0:
        return
    message = faults.non_finite_message(e, step=where["step"], epoch=where["epoch"], hp=recipe.hp)
    faults.write_report(control.fault_report, "nan", message, **where)
    if tracker:
        tracker.event(message[:1000])
        tracker.flush()


def _report_failure(e: BaseException, control: JobControl, where: dict, recipe: "Recipe", tracker) -> None:
    """A worker's failure as an event; out of memory also as the fault report, with what to try, and re-raised
    as a TrainingFault carrying that message (not the allocator's traceback)."""
    if not faults.is_out_of_memory(e):
        tracker.event(f"worker rank {recipe.rank} failed: {type(e).__name__}: {e}"[:1000])
        return
    message = faults.out_of_memory_message(e, step=where["step"], epoch=where["epoch"], rank=recipe.rank,
                                           hp=recipe.hp, device=recipe.device.type)
    faults.write_report(control.fault_report, "oom", message, rank=recipe.rank, **where)
    tracker.event(message[:1000])
    raise TrainingFault(message) from e


def _worker_model(cfg: WorkerConfig, hp: Hyperparameters, rank: int, world: int,
                  device: torch.device) -> tuple[Any, ckpt.Restored | None]:
    """This worker's model: built in the dtype its device calls for, the checkpoint Ray Train handed over (if
    any) restored into it, then replicated (DDP) or sharded per decoder layer (FSDP2) on ``device``."""
    import ray.train
    import ray.train.torch

    # same initialisation (LoRA matrices) on every rank; per-rank streams for dropout afterwards
    seed_everything(hp.seed)
    model = worker_model(cfg.base_model, hp, device)
    seed_everything(hp.seed + 1000 * rank)
    handed = ray.train.get_checkpoint()
    lost = None if handed else ckpt.persisted_after_lost_report(cfg.run_dir, world)
    restored = ckpt.restore(handed or lost, model, rank, found_on_storage=lost is not None)  # before DDP/FSDP wrap
    if cfg.strategy == "fsdp":
        return modeling.shard_model(model, device, world, hp.precision), restored
    # a 4-bit base is already on its GPU (bitsandbytes models refuse .to())
    return ray.train.torch.prepare_model(model, move_to_device=not hp.load_in_4bit,
                                         parallel_strategy="ddp"), restored


def worker_model(base_model: str, hp: Hyperparameters, device: torch.device | None = None):
    """:func:`~tunehouse.training.modeling.build_model` as ``hp`` asks, weights in the dtype of ``hp.precision``
    on ``device`` (CPU when None)."""
    device_type = device.type if device is not None else "cpu"
    return modeling.build_model(base_model, hp.method, hp.lora,
                                dtype=modeling.weight_dtype(hp.precision, hp.method, device_type),
                                gradient_checkpointing=hp.gradient_checkpointing, load_in_4bit=hp.load_in_4bit,
                                device=device)

def _stop_check(control: JobControl, history: dict, recipe: "Recipe", tracker) -> Callable[[bool], bool]:
    """``should_stop(epoch_end)`` for run_epochs: a cancel request (rank 0 reads the marker, one all-reduce so every
    rank stops at the same step), or, at an epoch's end, early stopping on the validation losses."""
    from tunehouse.training.control import early_stop

    def should_stop(epoch_end: bool) -> bool:
        (flag,) = _all_reduce([1.0 if recipe.rank == 0 and control.cancel_requested() else 0.0], recipe.device)
        if flag > 0:
            if tracker:
                tracker.event(f"cancel requested: stopping after step {history['steps'][-1]['step']}")
            return True
        stop = early_stop(history["epochs"], control.early_stopping_patience) if epoch_end else None
        if stop and tracker:
            tracker.event(f"early stopping after epoch {stop['epoch']}: validation loss has not improved on "
                          f"{stop['best_val_loss']:.4f} (epoch {stop['best_epoch']}) for "
                          f"{stop['epoch'] - stop['best_epoch']} epoch(s)")
        return stop is not None

    return should_stop


def _setup_process(cfg: WorkerConfig) -> None:
    runtime.apply_worker_env(cfg.env)
    runtime.quiet_libraries()
    if not _log.handlers:
        h = logging.StreamHandler()
        h.setFormatter(logging.Formatter("[train] %(message)s"))
        _log.addHandler(h)
    _log.setLevel(logging.INFO)
    _log.propagate = False
    torch.set_num_threads(cfg.torch_threads)


def seed_everything(seed: int) -> None:
    random.seed(seed)
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)


# --------------------------------------------------------------------------- one worker's training state
class Recipe:
    """One worker's model, AdamW optimizer and LR schedule; :meth:`step` and :meth:`validate`.

    ``rank``/``world``/``device`` place it among the workers; the defaults (0, 1, CPU) are a single process."""

    def __init__(self, model, hp: Hyperparameters, *, pad_token_id: int, n_train: int, rank: int = 0,
                 world: int = 1, device: torch.device | None = None):
        self.model, self.hp, self.pad_token_id, self.n_train = model, hp, pad_token_id, n_train
        self.rank, self.world, self.device = rank, world, device or torch.device("cpu")
        self.params = [p for p in model.parameters() if p.requires_grad]
        decay = [p for p in self.params if p.ndim >= 2]
        no_decay = [p for p in self.params if p.ndim < 2]
        self.optimizer = torch.optim.AdamW(
            [{"params": decay, "weight_decay": hp.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
            lr=hp.learning_rate,
        )
        self.steps_per_epoch = len(self.plan(0))
        self.total_steps = self.steps_per_epoch * hp.n_epochs
        if hp.max_steps:
            self.total_steps = min(self.total_steps, hp.max_steps)
        warmup = int(round(hp.warmup_ratio * self.total_steps))
        self.scheduler = torch.optim.lr_scheduler.LambdaLR(self.optimizer,
                                                           lr_lambda(hp.lr_scheduler, warmup, self.total_steps))
        self.forward_context = autocast(hp.precision, self.device.type)

    def load_state(self, optimizer: dict, scheduler: dict) -> None:
        self.optimizer.load_state_dict(optimizer)
        self.scheduler.load_state_dict(scheduler)

    def plan(self, epoch: int) -> list[list[list[list[int]]]]:
        """Every worker's micro-batches (example indices) for each optimizer step of the epoch."""
        hp = self.hp
        return step_plan(self.n_train, epoch=epoch, seed=hp.seed, world_size=self.world,
                         micro_batch_size=hp.micro_batch_size, accumulation=hp.gradient_accumulation_steps)

    def micro_batches(self, examples: list["Example"], planned_step: list, where: str) -> list[dict]:
        """This worker's micro-batches of one planned step: collated, mask-audited, on the device."""
        batches = [collate([examples[i] for i in idx], self.pad_token_id, packed=self.hp.packing)
                   for idx in planned_step[self.rank]]
        for a, b in enumerate(batches):
            audit_batch(b, where=f"{where} rank {self.rank} micro-batch {a}")
        return [self._to_device(b) for b in batches]

    def step(self, micro_batches: list[dict]) -> dict:
        """One optimizer step: gradients of the global-batch loss, clipping, AdamW, LR schedule.
        Returns the global batch's train_loss, the lr used, its trainable tokens and the gradient norm."""
        local_w = sum(b["weight_sum"] for b in micro_batches)
        local_n = sum(b["n_trainable"] for b in micro_batches)
        global_w, global_n = _all_reduce([local_w, local_n], self.device)
        loss_sum = accumulate_gradients(self.model, micro_batches, global_w, self.world, self.forward_context)
        grad_norm = None
        if self.hp.max_grad_norm:
            grad_norm = modeling.clip_gradients(self.params, self.hp.max_grad_norm)
        # one all-reduce: the global loss and whether any rank's gradient norm is NaN/inf, so every rank stops at
        # the same step (NonFiniteLoss), before the optimizer writes NaN into the weights
        global_loss_sum, bad_norm = _all_reduce(
            [loss_sum, 0.0 if grad_norm is None or math.isfinite(grad_norm) else 1.0], self.device)
        if not math.isfinite(global_loss_sum) or bad_norm:
            self.optimizer.zero_grad(set_to_none=True)
            raise NonFiniteLoss(global_loss_sum / global_w, grad_norm)
        lr = self.scheduler.get_last_lr()[0]
        self.optimizer.step()
        self.scheduler.step()
        self.optimizer.zero_grad(set_to_none=True)
        return {"train_loss": global_loss_sum / global_w, "lr": lr, "trainable_tokens": int(global_n),
                "grad_norm": grad_norm}

    @torch.no_grad()
    def check_finite(self, train_loss: float, val_loss: float) -> None:
        """Before an epoch checkpoint: raise NonFiniteLoss on every rank when the validation loss or any rank's
        trainable weights are NaN/inf (one all-reduce), so no diverged checkpoint is ever written."""
        local = sum(0.0 if torch.isfinite(getattr(p, "to_local", lambda: p)()).all() else 1.0 for p in self.params)
        (bad,) = _all_reduce([local], self.device)
        if bad or not math.isfinite(val_loss):
            raise NonFiniteLoss(train_loss if math.isfinite(val_loss) else val_loss, None)

    @torch.no_grad()
    def validate(self, val: list["Example"]) -> dict[str, float]:
        """Validation loss (weighted like training) and token accuracy over trainable tokens, summed over workers."""
        self.model.eval()
        idx = eval_shard(len(val), self.rank, self.world)
        sums = [0.0, 0.0, 0.0, 0.0]
        bs = max(1, self.hp.micro_batch_size)
        for i in range(0, len(idx), bs):
            batch = self._to_device(collate([val[j] for j in idx[i:i + bs]], self.pad_token_id,
                                            packed=self.hp.packing))
            with self.forward_context():
                r = weighted_loss_sums(self.model, batch)
            sums = [a + float(r[k]) for a, k in zip(sums, ("loss_sum", "weight_sum", "correct", "count"))]
        loss_sum, w, correct, count = _all_reduce(sums, self.device)
        self.model.train()
        return {"val_loss": loss_sum / w if w else float("nan"),
                "val_token_accuracy": correct / count if count else 0.0}

    def _to_device(self, batch: dict) -> dict:
        return {k: (v.to(self.device) if torch.is_tensor(v) else v) for k, v in batch.items()}


def lr_lambda(kind: str, warmup_steps: int, total_steps: int) -> Callable[[int], float]:
    """The LR multiplier per step: linear warm-up, then constant, linear or cosine decay to 0."""
    def f(step: int) -> float:
        if step < warmup_steps:
            return (step + 1) / warmup_steps
        if kind == "constant":
            return 1.0
        progress = min(1.0, (step - warmup_steps) / max(1, total_steps - warmup_steps))
        if kind == "linear":
            return max(0.0, 1.0 - progress)
        return 0.5 * (1.0 + math.cos(math.pi * progress))

    return f


def _all_reduce(values: list[float], device) -> list[float]:
    """Sum over workers (a no-op in a single process)."""
    t = torch.tensor(values, dtype=torch.float64, device=device)
    if torch.distributed.is_available() and torch.distributed.is_initialized():
        torch.distributed.all_reduce(t)
    return t.tolist()


# --------------------------------------------------------------------------- the loop
def run_epochs(recipe: Recipe, train: list["Example"], start: ckpt.Position, *,
               before_step: Callable[[int, int], None] | None = None,
               after_step: Callable[[dict], None] | None = None,
               after_epoch: Callable[[int, ckpt.Position], None] | None = None,
               should_stop: Callable[[bool], bool] | None = None) -> None:
    """Optimizer steps from ``start`` along each epoch's step plan, until n_epochs or max_steps.

    ``before_step(step, epoch)`` runs before each step (its 1-based number, the 0-based epoch); ``after_step(row)``
    gets each step's metrics; ``after_epoch(epoch, resume_at)`` runs when an epoch ends
    (or the run stops inside one), with the position a restart should continue from. ``should_stop(epoch_end)``
    is asked after every step (False) and after every epoch (True); True ends the loop there (cancel, early
    stopping)."""
    global_step = start.global_step
    for epoch in range(start.epoch, recipe.hp.n_epochs):
        if global_step >= recipe.total_steps:
            break
        plan = recipe.plan(epoch)
        recipe.model.train()
        for s in range(start.step_in_epoch if epoch == start.epoch else 0, len(plan)):
            if before_step:
                before_step(global_step + 1, epoch)
            t0 = time.perf_counter()
            stats = recipe.step(recipe.micro_batches(train, plan[s], where=f"epoch {epoch} step {s}"))
            global_step += 1
            seconds = time.perf_counter() - t0
            row = {"step": global_step, "epoch": epoch, "train_loss": stats["train_loss"], "lr": stats["lr"],
                   "trainable_tokens": stats["trainable_tokens"],
                   "trainable_tokens_per_s": stats["trainable_tokens"] / seconds, "grad_norm": stats["grad_norm"]}
            if recipe.device.type == "cuda":  # this worker's high-water mark (benchmarks/gpu_check.py reports it)
                row["gpu_peak_memory_gib"] = torch.cuda.max_memory_allocated(recipe.device) / 2**30
            if after_step:
                after_step(row)
            if global_step >= recipe.total_steps:
                break
            if should_stop and should_stop(False):
                return
        step_next = s + 1 if s + 1 < len(plan) else 0
        if after_epoch:
            after_epoch(epoch, ckpt.Position(epoch if step_next else epoch + 1, step_next, global_step))
        if should_stop and should_stop(True):
            return


def train_in_process(base_model: str, hp: Hyperparameters, train: list["Example"], *, pad_token_id: int):
    """The job's training steps in this process (one worker, CPU, no validation or checkpoints), seeded like
    rank 0 of a Ray run. Returns the trained model and its step rows."""
    hp = dataclasses.replace(hp, precision=modeling.device_precision(hp.precision, torch.device("cpu")))
    seed_everything(hp.seed)
    model = worker_model(base_model, hp)
    seed_everything(hp.seed)
    recipe = Recipe(model, hp, pad_token_id=pad_token_id, n_train=len(train))
    rows: list[dict] = []
    run_epochs(recipe, train, ckpt.Position(), after_step=rows.append)
    model.eval()
    return model, rows
