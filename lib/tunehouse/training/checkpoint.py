"""What a training checkpoint holds, and how workers write and restore it (Ray Train hands it back on a restart).

One checkpoint per epoch, reported to Ray Train with that epoch's metrics:

    train_state.pt        rank 0: trained tensors, optimizer (DDP) and scheduler state, the position to resume at
    history.json          rank 0: every step and epoch row so far (the loss curve survives restarts)
    rng_rank<R>.pt        each rank: torch + Python RNG state (dropout continues the same stream)
    optimizer_rank<R>.pt  FSDP only: each rank's optimizer shard
    epoch.json            rank 0: the epoch it ends and its validation metrics (to list and pick checkpoints
                          without loading tensors: `tunehouse runs show`, register_checkpoint=best, --from-checkpoint)

Ray Train keeps them under ``<storage.checkpoints>/<ray run name>/checkpoint_*``; :func:`list_checkpoints` reads
that folder back.
"""

from __future__ import annotations

import json
import math
import random
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import torch

from tunehouse.training import modeling

STATE_FILE = "train_state.pt"
HISTORY_FILE = "history.json"
META_FILE = "epoch.json"


@dataclass(frozen=True)
class Position:
    """Where training stands: the next epoch and step within it to run, and optimizer steps done so far."""

    epoch: int = 0
    step_in_epoch: int = 0
    global_step: int = 0


@dataclass
class Restored:
    """A checkpoint read back by a worker (the trained tensors are already in its model)."""

    position: Position
    history: dict
    optimizer: dict
    scheduler: dict


def new_history() -> dict:
    return {"steps": [], "epochs": [], "events": []}


def persisted_after_lost_report(run_dir: str | Path | None, world: int):
    """The latest complete checkpoint on storage, for a restart to which Ray Train handed none (None if there is
    none). Why: every rank writes its part to storage inside ``ray.train.report``, but the controller registers
    the checkpoint only when it next polls the workers; a worker killed in between (seen on a loaded 2-core
    machine: killed two steps after the epoch's report) loses the registration, and the restart began the job
    from scratch, repeating the epoch and keeping it twice. Complete: the epoch file, the training state and
    every rank's RNG state are there (a rank killed during its own report leaves the checkpoint incomplete)."""
    import ray.train

    if run_dir is None:
        return None
    complete = [c for c in list_checkpoints(Path(run_dir))
                if all((Path(c["path"]) / f"rng_rank{r}.pt").is_file() for r in range(world))]
    return ray.train.Checkpoint.from_directory(complete[-1]["path"]) if complete else None


def restore(checkpoint, model, rank: int, *, found_on_storage: bool = False) -> Restored | None:
    """Load a checkpoint Ray Train handed over (None: a fresh start) into the plain model, before DDP/FSDP wraps
    it; restore this rank's RNG streams. Returns the position, history and optimizer/scheduler states.
    ``found_on_storage``: the checkpoint came from :func:`persisted_after_lost_report` (said in the event)."""
    if checkpoint is None:
        return None
    with checkpoint.as_directory() as d:
        state = torch.load(Path(d) / STATE_FILE, map_location="cpu", weights_only=False)
        model.load_state_dict(state["model"], strict=False)
        history = json.loads((Path(d) / HISTORY_FILE).read_text())
        optim_file = Path(d) / f"optimizer_rank{rank}.pt"  # FSDP: each rank's optimizer shard
        if optim_file.exists():
            state["optimizer"] = torch.load(optim_file, map_location="cpu", weights_only=False)
        rng_file = Path(d) / f"rng_rank{rank}.pt"
        if rng_file.exists():
            rng = torch.load(rng_file, weights_only=False)
            torch.set_rng_state(rng["torch"])
            random.setstate(rng["python"])
    position = Position(state["epoch"], state["step_in_epoch"], state["global_step"])
    history["events"].append({"time": time.time(), "event": "resumed",
                              "message": f"resumed from checkpoint at epoch {position.epoch}, "
                                         f"step {position.global_step}"
                                         + (" (found on storage: the worker failed before Ray Train registered "
                                            "it)" if found_on_storage else "")})
    return Restored(position, history, state["optimizer"], state["scheduler"])


def save_and_report(model, optimizer, scheduler, history: dict, *, rank: int, world: int, position: Position,
                    metrics: dict) -> None:
    """Write this rank's part of the checkpoint and report it to Ray Train with the epoch's metrics."""
    import ray.train

    fsdp = modeling.is_fsdp(model)
    model_state = modeling.full_trainable_state(model) if fsdp else None  # a collective: every rank takes part
    with tempfile.TemporaryDirectory() as d:
        torch.save({"torch": torch.get_rng_state(), "python": random.getstate()}, Path(d) / f"rng_rank{rank}.pt")
        if fsdp:
            torch.save(optimizer.state_dict(), Path(d) / f"optimizer_rank{rank}.pt")
        if rank == 0:
            torch.save(
                {
                    "model": model_state if fsdp else modeling.trainable_state_dict(modeling.unwrap(model)),
                    "optimizer": None if fsdp else optimizer.state_dict(),
                    "scheduler": scheduler.state_dict(),
                    "epoch": position.epoch,
                    "step_in_epoch": position.step_in_epoch,
                    "global_step": position.global_step,
                    "world_size": world,
                },
                Path(d) / STATE_FILE,
            )
            (Path(d) / HISTORY_FILE).write_text(json.dumps(history))
            (Path(d) / META_FILE).write_text(json.dumps(metrics))
        ray.train.report(metrics, checkpoint=ray.train.Checkpoint.from_directory(d))


def read_final(checkpoint) -> tuple[dict[str, torch.Tensor], dict]:
    """The driver's view of the last checkpoint: the trained tensors and the history."""
    with checkpoint.as_directory() as d:
        state = torch.load(Path(d) / STATE_FILE, map_location="cpu", weights_only=False)
        history = json.loads((Path(d) / HISTORY_FILE).read_text())
    return state["model"], history


# --------------------------------------------------------------------------- the driver and the CLI: listing, picking
def list_checkpoints(run_dir: Path) -> list[dict]:
    """The epoch checkpoints Ray Train kept for one job (its folder under storage.checkpoints), oldest epoch first:
    each the metrics it was reported with (epoch, step, train_loss, val_loss, val_token_accuracy) and its path."""
    out = []
    for meta in sorted(Path(run_dir).glob(f"checkpoint_*/{META_FILE}")):
        if (meta.parent / STATE_FILE).is_file():
            out.append({**json.loads(meta.read_text()), "path": str(meta.parent)})
    return sorted(out, key=lambda c: (c["epoch"], c["step"]))


def pick(checkpoints: list[dict], which: str | int) -> dict | None:
    """``best``: the lowest validation loss (the earlier epoch on a tie; the latest when no epoch has one, e.g.
    a job without validation data); ``last``: the latest; an int: that epoch. None when there is no such
    checkpoint."""
    if not checkpoints:
        return None
    validated = [c for c in checkpoints if math.isfinite(c.get("val_loss", math.nan))]
    if which == "last" or (which == "best" and not validated):
        return checkpoints[-1]
    if which == "best":
        return min(validated, key=lambda c: (c["val_loss"], c["epoch"]))
    return next((c for c in checkpoints if c["epoch"] == int(which)), None)


def read_trained(path: str | Path) -> dict[str, torch.Tensor]:
    """The trained tensors (LoRA adapters, or every weight for method=full) of a checkpoint folder."""
    return torch.load(Path(path) / STATE_FILE, map_location="cpu", weights_only=False)["model"]


def read_history(path: str | Path) -> dict:
    return json.loads((Path(path) / HISTORY_FILE).read_text())
