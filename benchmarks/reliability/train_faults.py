"""Training faults (issue 13, part 3): real Ray Train jobs on 2 CPU workers meet a SIGKILLed worker, a NaN loss
and an out-of-memory step, and must end as documented (lib/tunehouse/training/faults.py).

* worker kill: a worker process is SIGKILLed mid-epoch (no exception, no Python cleanup; Ray Train only sees
  the process gone). Recovered when Ray Train restarted from the last epoch checkpoint and the job's loss curve
  (every step and every validation) equals the uninterrupted run with the same seed (rtol 1e-5).
* NaN loss: a weight of one worker becomes NaN before a step. Stopped right when every rank stopped at that
  step (no Ray restart, no failed worker), the run ended FAILED with the message and event, only finite
  checkpoints exist, and the run still resumes.
* out of memory: one worker's step raises MemoryError (CPU). Stopped right when the run ended FAILED with the
  levers in its message (not a traceback), the last good checkpoint was kept and can be registered, and the
  restart Ray Train made found the fault report instead of training into the same wall.

The quick sequence (what tests/reliability/test_train_faults.py runs) is one job of three Ray Train fits:
kill at step 8 and out of memory at step 10 (job FAILED) -> `runs register --epoch 1` -> `train --resume` with
a NaN at step 11 (FAILED again) -> `train --resume` to the end, compared with the uninterrupted run. The full
size adds jobs with a kill before the first checkpoint (step 3) and of rank 0 (step 10), each compared too.

    .venv/bin/python benchmarks/bench_reliability.py --only train_faults [--quick]
"""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[2] / "tests"
RTOL = 1e-5


def run(workdir: Path, *, quick: bool = False) -> dict[str, int]:
    """Build the tiny base model and export, start Ray, train the uninterrupted reference, then the faults."""
    from tunehouse import runtime
    from tunehouse.training.cluster import ensure_ray

    runtime.configure_process()
    base_root, data_dir = _base(workdir / "base")
    started = ensure_ray(_settings(workdir / "ray", base_root, data_dir))
    try:
        reference = _train(_settings(workdir / "reference", base_root, data_dir)).history
        seq = fault_sequence(workdir / "sequence", base_root / "models" / "base", data_dir, reference)
        figures = counts(seq)
        if not quick:
            for name, fault in (("kill_before_first_checkpoint", _fault(3, "kill")),
                                ("kill_rank0", _fault(10, "kill", rank=0))):
                ok = kill_recovers(workdir / name, base_root / "models" / "base", data_dir, reference, fault)
                figures["worker_kills"] += 1
                figures["worker_kills_not_recovered"] += 0 if ok else 1
        return figures
    finally:
        if started:
            import ray

            ray.shutdown()


def counts(seq: dict) -> dict[str, int]:
    """The figures of one fault sequence (see :func:`fault_sequence` for what each check means)."""
    kill_ok = seq["kill_pid_gone"] and seq["kill_restarts"] == 1 and not seq["kill_python_event"] \
        and seq["final_status"] == "FINISHED" and seq["curve_matches"]
    nan_ok = (seq["nan_status"] == "FAILED" and "non-finite at step 11" in seq["nan_error"]
              and "learning_rate_multiplier" in seq["nan_error"] and seq["nan_checkpoints"] == [1]
              and seq["nan_restarts"] == 0 and not seq["nan_failed_workers"])
    oom_ok = (seq["oom_status"] == "FAILED" and "out of memory on worker rank 1" in seq["oom_error"]
              and "micro_batch_size" in seq["oom_error"] and "Traceback" not in seq["oom_error"]
              and seq["oom_checkpoints"] == [1] and seq["registered_epoch"] == "1")
    return {"worker_kills": 1, "worker_kills_not_recovered": 0 if kill_ok else 1,
            "nan_stops": 1, "nan_stops_wrong": 0 if nan_ok else 1,
            "oom_stops": 1, "oom_stops_wrong": 0 if oom_ok else 1,
            "non_finite_checkpoints": seq["non_finite_checkpoints"]}


def fault_sequence(root: Path, base_dir: Path, data_dir: Path, reference: dict) -> dict:
    """One job through a kill, an OOM stop, a registration, a NaN stop and two resumes; what was observed.
    ``reference``: the history of the uninterrupted run with the same settings and seed."""
    from tunehouse.errors import UserError
    from tunehouse.training import runs
    from tunehouse.training.job import register_epoch

    settings = _settings(root, base_dir.parents[1], data_dir, max_failures=2)
    kill, oom = _fault(8, "kill"), _fault(10, "oom")
    out: dict = {}
    try:  # the kill is recovered by Ray Train; the OOM then fails the job
        _train(settings, faults=(kill, oom))
        out["oom_error"] = ""
    except UserError as e:
        out["oom_error"] = str(e)
    [job] = runs.list_runs(settings)
    run_id = job["run_id"]
    run_dir = settings.storage.checkpoints.resolve() / f"train-{run_id}"  # the job's Ray Train folder
    events = _events(settings, run_id)
    injected = kill.placed(run_dir).injected()
    out.update(oom_status=job["status"], oom_checkpoints=_epochs(run_dir),
               kill_pid_gone=bool(injected) and _gone(int(injected[0].split()[-1])),
               kill_restarts=_count(events, "resumed from checkpoint at epoch 1, step 6"),
               kill_python_event=_count(events, "worker rank 1 failed"))
    # a worker's failure event (rank 0 meets the teardown after the OOM in a collective: "worker rank 0 failed")
    failed_workers = _count(events, "failed:") - _count(events, "job failed:")
    registered = register_epoch(settings, run_id, 1)  # `tunehouse runs register RUN_ID --epoch 1`
    out["registered_epoch"] = f"{registered.extra['registered_epoch']}" if registered.version else None

    try:  # resumed: a NaN at step 11 stops every worker there
        _train(settings, resume_run_id=run_id, faults=_fault(11, "nan"))
        out["nan_error"] = ""
    except UserError as e:
        out["nan_error"] = str(e)
    events = _events(settings, run_id)
    out.update(nan_status=runs.list_runs(settings)[0]["status"], nan_checkpoints=_epochs(run_dir),
               nan_restarts=_count(events, "resumed from checkpoint") - out["kill_restarts"] - 1,
               nan_failed_workers=_count(events, "failed:") - _count(events, "job failed:") - failed_workers)

    final = _train(settings, resume_run_id=run_id)  # resumed again, with no fault: to the end
    out.update(final_status=runs.list_runs(settings)[0]["status"], final=final,
               curve_matches=same_curve(final.history, reference),
               non_finite_checkpoints=_non_finite_checkpoints(run_dir))
    return out


def kill_recovers(root: Path, base_dir: Path, data_dir: Path, reference: dict, fault) -> bool:
    """A job whose worker is SIGKILLed at one step finishes with the uninterrupted run's loss curve."""
    settings = _settings(root, base_dir.parents[1], data_dir, max_failures=1)
    result = _train(settings, faults=fault)
    injected = fault.placed(settings.storage.checkpoints.resolve() / result.ray_run_name).injected()
    return len(injected) == 1 and _gone(int(injected[0].split()[-1])) and same_curve(result.history, reference)


def same_curve(history: dict, reference: dict) -> bool:
    """Every step's train loss and every epoch's validation loss within RTOL of the reference run's."""
    def close(a: list[float], b: list[float]) -> bool:
        return len(a) == len(b) and all(math.isclose(x, y, rel_tol=RTOL) for x, y in zip(a, b))

    return (close([s["train_loss"] for s in history["steps"]], [s["train_loss"] for s in reference["steps"]])
            and close([e["val_loss"] for e in history["epochs"]], [e["val_loss"] for e in reference["epochs"]]))


# --------------------------------------------------------------------------- helpers
def _fault(at_step: int, kind: str, rank: int | None = None):
    from tunehouse.training.faults import FaultInjection

    return FaultInjection(at_step=at_step, kind=kind, rank=rank)


def _train(settings, **kw):
    from tunehouse.training.job import run_training

    return run_training(settings, **kw)


def _settings(root: Path, base_root: Path, data_dir: Path, **train):
    """The test suite's short CPU run (tests/fixtures/training.py): 2 workers, 2 epochs of 6 steps."""
    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))
    from fixtures.training import train_settings

    return train_settings(root, base_root / "models" / "base", data_dir, **train)


def _base(root: Path) -> tuple[Path, Path]:
    """The test suite's export (48 training examples) and tiny base model, built under ``root``."""
    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))
    from fixtures.train_corpus import write_export
    from fixtures.training import TINY
    from tunehouse.config import Settings
    from tunehouse.training.base_model import build_base_model
    from tunehouse.training.settings import BaseModelSettings

    write_export(root, "v1", n_train=48, n_val=12, seed=0)
    build_base_model(Settings.model_validate({"storage": {"root": str(root)}}), bs=BaseModelSettings(**TINY))
    return root, root / "exports" / "v1"


def _events(settings, run_id: str) -> list[str]:
    from tunehouse.training import runs

    return [e["message"] for e in runs.show_run(settings, run_id)["events"]]


def _count(events: list[str], needle: str) -> int:
    return sum(needle in m for m in events)


def _epochs(run_dir: Path) -> list[int]:
    from tunehouse.training.checkpoint import list_checkpoints

    return [c["epoch"] for c in list_checkpoints(run_dir)]


def _non_finite_checkpoints(run_dir: Path) -> int:
    """Kept checkpoints with a NaN/inf trained tensor or validation loss."""
    import torch
    from tunehouse.training.checkpoint import list_checkpoints, read_trained

    bad = 0
    for c in list_checkpoints(run_dir):
        tensors = read_trained(c["path"]).values()
        bad += not (math.isfinite(c["val_loss"]) and all(bool(torch.isfinite(t).all()) for t in tensors))
    return bad


def _gone(pid: int) -> bool:
    """The killed worker's process no longer exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False
