"""Stopping a job before its last epoch: a cancel request (`tunehouse runs cancel`) and early stopping.

How a cancel reaches the workers: ``tunehouse runs cancel RUN_ID`` writes the file ``CANCEL`` into the job's
Ray Train folder (``<storage.checkpoints>/<ray run name>/``, which every Ray worker and the driver see: a local
folder, or a Unity Catalog volume on Databricks). Rank 0 looks for it after every optimizer step and the
workers agree through one all-reduce (so every rank leaves the loop at the same step; DDP never hangs in a
collective). The workers then return normally (no failure, so Ray Train does not restart them), and the
driver, finding the file, ends the MLflow run KILLED with a "cancelled" event and registers nothing.

Early stopping (train.early_stopping_patience) is decided from the validation losses alone
(:func:`early_stop`), so every rank and the driver reach the same decision without talking.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

CANCEL_FILE = "CANCEL"


@dataclass(frozen=True)
class JobControl:
    """What a worker needs to stop early; built by the driver and pickled with the WorkerConfig."""

    cancel_marker: str | None = None  # the file whose existence asks the job to stop
    early_stopping_patience: int | None = None
    fault_report: str | None = None  # where a worker reports a fatal fault (NaN loss, out of memory): faults.py

    def cancel_requested(self) -> bool:
        return bool(self.cancel_marker) and Path(self.cancel_marker).exists()


def cancel_marker(run_dir: Path) -> Path:
    """The cancel file of the job whose Ray Train folder is ``run_dir``."""
    return Path(run_dir) / CANCEL_FILE


def job_control(run_dir: Path, early_stopping_patience: int | None) -> JobControl:
    """The stop signals of the job whose Ray Train folder is ``run_dir``: its cancel marker and fault report."""
    from tunehouse.training.faults import report_path

    return JobControl(cancel_marker=str(cancel_marker(run_dir)), early_stopping_patience=early_stopping_patience,
                      fault_report=str(report_path(run_dir)))


def request_cancel(run_dir: Path, reason: str = "tunehouse runs cancel") -> Path:
    marker = cancel_marker(run_dir)
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(reason + "\n", encoding="utf-8")
    return marker


def early_stop(epoch_rows: list[dict], patience: int | None) -> dict | None:
    """Whether training should stop after the last of ``epoch_rows`` (history rows with epoch and val_loss; the
    epoch-0 row, the base model before training, is not a candidate): when the best validation loss is
    ``patience`` or more epochs old. Returns {"best_epoch", "best_val_loss", "epoch"} then, else None."""
    if not patience:
        return None
    # an epoch without a validation loss (no validation data: NaN) is never "not improving"
    trained = [r for r in epoch_rows if r["epoch"] > 0 and math.isfinite(r.get("val_loss", math.nan))]
    if not trained:
        return None
    best = min(trained, key=lambda r: (r["val_loss"], r["epoch"]))
    last = trained[-1]
    if last["epoch"] - best["epoch"] >= patience:
        return {"best_epoch": best["epoch"], "best_val_loss": best["val_loss"], "epoch": last["epoch"]}
    return None
