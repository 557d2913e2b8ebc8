"""Faults a training job meets, and how each one ends (issue 13).

* A worker process dies (SIGKILL, OOM killer, lost node): transient. Ray Train restarts the worker group from
  the latest epoch checkpoint, up to train.max_failures times; nothing here is involved.
* The loss (or the gradient norm) becomes non-finite: deterministic (same seed, same data order: a retry
  diverges again). Every rank sees it in the same all-reduced value (:meth:`Recipe.step
  <tunehouse.training.recipe.Recipe.step>`), before the optimizer step, and raises :class:`NonFiniteLoss`;
  the workers write the fault report and return, so Ray Train does not restart them and no checkpoint of
  the diverged state is written.
* Out of memory in a step (``torch.OutOfMemoryError`` on a GPU, ``MemoryError`` or the CPU allocator's
  RuntimeError on CPU): the failing rank writes the fault report and raises (the other ranks may be waiting
  in a collective; only Ray Train's teardown frees them). A restart that finds the report returns at once
  instead of running into the same wall.

The fault report (``FAULT.json`` in the job's Ray Train folder, next to the cancel marker) carries the clear
message; the driver (job.py) raises it as a UserError, so the MLflow run ends FAILED with it as its event,
and `tunehouse train --resume RUN_ID` clears it and continues from the last good checkpoint.

:class:`FaultInjection` is the test hook that causes each of these on purpose.
"""

from __future__ import annotations

import json
import math
import os
import signal
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tunehouse.errors import UserError

FAULT_FILE = "FAULT.json"
KINDS = ("raise", "kill", "nan", "oom")


class NonFiniteLoss(ArithmeticError):
    """The global batch's loss or gradient norm is NaN/inf (the same value on every rank)."""

    def __init__(self, train_loss: float, grad_norm: float | None):
        super().__init__(f"non-finite training loss {train_loss} (gradient norm {grad_norm})")
        self.train_loss, self.grad_norm = train_loss, grad_norm


class TrainingFault(RuntimeError):
    """A fatal fault of one worker, with the message the user reads (Ray Train carries it to the driver)."""


def is_out_of_memory(e: BaseException) -> bool:
    """CUDA's OutOfMemoryError, Python's MemoryError, or torch's CPU allocator failing (a plain RuntimeError)."""
    import torch

    return isinstance(e, (torch.OutOfMemoryError, MemoryError)) or (
        isinstance(e, RuntimeError) and "can't allocate memory" in str(e))


def non_finite_message(e: NonFiniteLoss, *, step: int, epoch: int, hp: Any) -> str:
    """What stopped the job and what to try; ``epoch`` 0-based (as run_epochs counts), printed 1-based."""
    clip = (f"train.max_grad_norm (now {hp.max_grad_norm})" if hp.max_grad_norm else
            "gradient clipping with train.max_grad_norm=1.0")
    return (f"training stopped: the loss became non-finite at step {step} (epoch {epoch + 1}): train_loss "
            f"{e.train_loss}, gradient norm {e.grad_norm}. No checkpoint of this epoch was written; the last good "
            f"epoch checkpoint is kept. Try a lower train.learning_rate_multiplier (the learning rate was "
            f"{hp.learning_rate:g}), {clip}, precision=fp32 instead of bf16, or look at the examples of that step; "
            "start again from the last good epoch with `tunehouse train --from-checkpoint RUN_ID:EPOCH --set ...` "
            "(`tunehouse train --resume RUN_ID` continues with the same settings)")


def out_of_memory_message(e: BaseException, *, step: int, epoch: int, rank: int, hp: Any, device: str) -> str:
    first = (str(e).strip().splitlines() or [type(e).__name__])[0][:200]
    levers = [f"a lower train.micro_batch_size (now {hp.micro_batch_size}; train.gradient_accumulation_steps keeps "
              "the global batch)", "a lower train.max_seq_length"]
    if not hp.gradient_checkpointing:
        levers.append("train.gradient_checkpointing=true")
    if device == "cuda" and not hp.load_in_4bit and hp.method != "full":
        levers.append("train.load_in_4bit=true (QLoRA)")
    return (f"training stopped: out of memory on worker rank {rank} ({device}) at step {step} (epoch {epoch + 1}): "
            f"{type(e).__name__}: {first}. Try " + ", ".join(levers) + ". The last good epoch checkpoint is "
            "kept: `tunehouse train --from-checkpoint RUN_ID:EPOCH --set ...` starts from it with new settings, "
            "`tunehouse train --resume RUN_ID` continues with the same ones")


# --------------------------------------------------------------------------- the fault report
def report_path(run_dir: Path | str) -> Path:
    return Path(run_dir) / FAULT_FILE


def write_report(path: str | None, kind: str, message: str, **where: Any) -> None:
    if not path:
        return
    tmp = Path(f"{path}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"kind": kind, "message": message, **where}), encoding="utf-8")
    tmp.replace(path)  # whole or absent: the driver never reads half a report


def read_report(path: Path | str | None) -> dict | None:
    if not path or not Path(path).is_file():
        return None
    return json.loads(Path(path).read_text(encoding="utf-8"))


def clear_report(run_dir: Path) -> None:
    """A resumed job is wanted again: forget the fault that stopped it."""
    report_path(run_dir).unlink(missing_ok=True)


def raise_if_reported(run_dir: Path, cause: BaseException | None = None) -> None:
    """The driver's side: a fault report ends the job with its message (the run then ends FAILED)."""
    report = read_report(report_path(run_dir))
    if report:
        raise UserError(report["message"]) from cause


# --------------------------------------------------------------------------- the test hook
@dataclass(frozen=True)
class FaultInjection:
    """Test hook: at optimizer step ``at_step`` the worker of rank ``rank`` (None: the last) meets a fault,
    ``times`` times over all restarts (counted in the file ``marker``, which the driver places in the run's
    checkpoint folder; one line per injected fault, with the process id).

    ``kind``: ``raise`` a RuntimeError after the step; ``kill`` the worker process with SIGKILL after the step
    (no Python cleanup, no exception: Ray Train only sees the process gone); ``nan``: a trainable weight of
    that rank becomes NaN before the step (the loss and gradients follow); ``oom``: the step fails with
    ``torch.OutOfMemoryError`` (on a GPU) or ``MemoryError`` (on CPU) before its forward pass."""

    at_step: int
    times: int = 1
    marker: str | None = None
    kind: str = "raise"
    rank: int | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"fault kind {self.kind!r}: one of {', '.join(KINDS)}")

    def placed(self, run_dir: Path) -> "FaultInjection":
        """This fault with its marker file in the job's Ray Train folder."""
        from dataclasses import replace

        return replace(self, marker=str(Path(run_dir) / f"injected_{self.kind}_step{self.at_step}"))

    def injected(self) -> list[str]:
        """The marker's lines: one per fault injected so far (``<kind> step <N> pid <PID>``)."""
        marker = Path(self.marker) if self.marker else None
        return marker.read_text().split("\n")[:-1] if marker and marker.exists() else []

    def _due(self, step: int, rank: int, world: int) -> bool:
        if step != self.at_step or rank != (world - 1 if self.rank is None else self.rank):
            return False
        if len(self.injected()) >= self.times:
            return False
        with open(self.marker, "a") as f:  # recorded before the fault: a killed process writes nothing after
            f.write(f"{self.kind} step {step} pid {os.getpid()}\n")
        return True

    def before_step(self, step: int, rank: int, world: int, model, device_type: str) -> None:
        if self.kind not in ("nan", "oom") or not self._due(step, rank, world):
            return
        if self.kind == "oom":
            import torch

            if device_type == "cuda":
                raise torch.OutOfMemoryError(f"CUDA out of memory (injected at step {step}, test hook)")
            raise MemoryError(f"injected at step {step} (test hook)")
        import torch

        with torch.no_grad():
            next(p for p in model.parameters() if p.requires_grad).fill_(math.nan)

    def after_step(self, step: int, rank: int, world: int) -> None:
        if self.kind not in ("raise", "kill") or not self._due(step, rank, world):
            return
        if self.kind == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        raise RuntimeError(f"injected failure at step {step} (test hook)")
