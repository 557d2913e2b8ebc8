"""Job status and controls: training runs as hosted fine-tuning services show them (list; one job's inputs,
resolved hyperparameters, kept checkpoints and timestamped events), and cancelling a running job."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from tunehouse.config.secrets import redact_text
from tunehouse.errors import UserError
from tunehouse.model import registry
from tunehouse.model import tracking as mlflow_store
from tunehouse.training import control

if TYPE_CHECKING:
    from tunehouse.config import Settings

KEY_PARAMS = ("method", "n_epochs", "batch_size", "learning_rate_multiplier", "resolved.learning_rate",
              "resolved.n_epochs", "resolved.batch_size", "resolved.learning_rate_multiplier", "suffix",
              "base_model.name", "data.dataset_version")
AUTO_KEYS = ("batch_size", "n_epochs", "learning_rate_multiplier")
KEY_METRICS = ("final_train_loss", "final_val_loss", "final_val_token_accuracy", "final_trainable_tokens_per_s")


def list_runs(settings: "Settings", limit: int = 20) -> list[dict]:
    """Training runs of the configured experiment, newest first, with key params and final metrics."""
    client = registry.client(settings)
    exp = client.get_experiment_by_name(settings.tracking.experiment)
    if exp is None:
        return []
    runs = client.search_runs([exp.experiment_id], filter_string=f"tags.`{mlflow_store.JOB_TAG}` = 'train'",
                              order_by=["attributes.start_time DESC"], max_results=limit)
    return [summarise(r) for r in runs]


def summarise(run) -> dict:
    info, data = run.info, run.data
    last_metrics = {}
    for k in ("train_loss", "val_loss", "epoch"):
        if k in data.metrics:
            last_metrics[k] = data.metrics[k]
    return {
        "run_id": info.run_id,
        "name": info.run_name,
        "status": info.status,
        "start": _ts(info.start_time),
        "end": _ts(info.end_time),
        "duration_s": round((info.end_time - info.start_time) / 1000, 1) if info.end_time and info.start_time else None,
        "params": {k: data.params[k] for k in KEY_PARAMS if k in data.params},
        "metrics": {k: data.metrics[k] for k in KEY_METRICS if k in data.metrics} or last_metrics,
        "registered": (f"{data.tags['tunehouse.registered_model']} v{data.tags['tunehouse.registered_version']}"
                       if "tunehouse.registered_version" in data.tags else None),
    }


def training_run(client, run_id: str, not_found: str):
    """The MLflow run of a training job; a UserError (``not_found`` when there is no such run) otherwise."""
    from mlflow.exceptions import MlflowException

    try:
        run = client.get_run(run_id)
    except MlflowException:
        raise UserError(not_found) from None
    if run.data.tags.get(mlflow_store.JOB_TAG) != "train":
        raise UserError(f"run {run_id} is not a tunehouse training run")
    return run


def show_run(settings: "Settings", run_id: str) -> dict:
    """One training job: status, every input parameter, metrics, events (oldest first)."""
    run = training_run(registry.client(settings), run_id,
                       not_found=f"no MLflow run {run_id!r} in {redact_text(settings.mlflow_tracking_uri())}")
    out = summarise(run)
    out["params"] = dict(sorted(run.data.params.items()))
    out["metrics"] = dict(sorted(run.data.metrics.items()))
    out["events"] = mlflow_store.read_events(run)
    out["tags"] = {k: v for k, v in run.data.tags.items()
                   if k.startswith("tunehouse.") and not k.startswith(mlflow_store.EVENT_PREFIX)}
    out["artifact_uri"] = run.info.artifact_uri
    out["hyperparameters"] = {k: {"requested": run.data.params.get(k), "resolved": run.data.params.get(f"resolved.{k}")}
                              for k in AUTO_KEYS if k in run.data.params}
    out["checkpoints"] = kept_checkpoints(settings, run)
    return out


def run_dir(settings: "Settings", run) -> Path | None:
    """The job's Ray Train folder (its checkpoints and cancel marker)."""
    name = run.data.tags.get("tunehouse.ray_run_name")
    return Path(settings.storage.checkpoints).resolve() / name if name else None


def kept_checkpoints(settings: "Settings", run) -> list[dict]:
    """The job's epoch checkpoints still on disk with their validation metrics; the registered one marked."""
    from tunehouse.training import checkpoint  # torch: only when there is a run to show

    folder = run_dir(settings, run)
    kept = checkpoint.list_checkpoints(folder) if folder and folder.is_dir() else []
    registered = run.data.tags.get("tunehouse.registered_epoch")
    best = checkpoint.pick(kept, "best")
    for c in kept:
        c["registered"] = str(c["epoch"]) == registered
        c["best"] = c is best
    return kept


def cancel_run(settings: "Settings", run_id: str) -> str:
    """Ask a running training job to stop (control.py: the workers see the marker after their next step); the
    driver then ends the run KILLED. Returns the marker's path."""
    client = registry.client(settings)
    run = training_run(client, run_id, not_found=f"no MLflow run {run_id!r} in {redact_text(settings.mlflow_tracking_uri())}")
    if run.info.status != "RUNNING":
        raise UserError(f"run {run_id} is {run.info.status}, not running: nothing to cancel")
    marker = control.request_cancel(run_dir(settings, run))
    mlflow_store.append_event(client, run_id, "cancel requested (`tunehouse runs cancel`)", source="cli")
    return str(marker)


def _ts(ms: int | None) -> str | None:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ms / 1000)) if ms else None


def format_runs_table(rows: list[dict]) -> str:
    if not rows:
        return "no training runs yet (run `tunehouse train`)"
    head = ["RUN ID", "STATUS", "START", "END", "METHOD", "EPOCHS", "LR", "TRAIN LOSS", "VAL LOSS", "VAL ACC", "MODEL"]
    table = [head]
    for r in rows:
        p, m = r["params"], r["metrics"]
        table.append([
            r["run_id"][:12], r["status"], r["start"] or "-", (r["end"] or "-")[-8:], p.get("method", "-"),
            p.get("resolved.n_epochs", p.get("n_epochs", "-")), _num(p.get("resolved.learning_rate")),
            _num(m.get("final_train_loss", m.get("train_loss"))), _num(m.get("final_val_loss", m.get("val_loss"))),
            _num(m.get("final_val_token_accuracy")), r["registered"] or "-",
        ])
    widths = [max(len(str(row[i])) for row in table) for i in range(len(head))]
    return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip() for row in table)


def format_run(d: dict) -> str:
    lines = [f"run {d['run_id']} ({d['name']})", f"  status:   {d['status']}", f"  started:  {d['start']}",
             f"  ended:    {d['end'] or '-'}" + (f"  ({d['duration_s']}s)" if d["duration_s"] else ""),
             f"  model:    {d['registered'] or '-'}", f"  artifacts: {d['artifact_uri']}"]
    lines += _hyperparameter_lines(d.get("hyperparameters") or {}) + _checkpoint_lines(d.get("checkpoints") or [])
    lines += ["", "parameters:"]
    lines += [f"  {k} = {v}" for k, v in d["params"].items()]
    lines += ["", "metrics (latest):"] + [f"  {k} = {_num(v)}" for k, v in d["metrics"].items()]
    lines += ["", "events:"]
    lines += [f"  {time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(e['time']))} [{e['source']}] {e['message']}"
              for e in d["events"]] or ["  (none)"]
    return "\n".join(lines)


def _hyperparameter_lines(hp: dict) -> list[str]:
    if not hp:
        return []
    out = ["", "hyperparameters (requested -> resolved):"]
    for k, v in hp.items():
        resolved = v["resolved"] if v["resolved"] is not None else v["requested"]
        out.append(f"  {k} = {v['requested']}" + (f" -> {resolved}" if v["requested"] == "auto" else ""))
    return out


def _checkpoint_lines(kept: list[dict]) -> list[str]:
    out = ["", "checkpoints kept (register one: `tunehouse runs register RUN_ID --epoch K`):"]
    if not kept:
        return out + ["  (none on disk)"]
    for c in kept:
        marks = [m for m, on in (("best", c.get("best")), ("registered", c.get("registered"))) if on]
        out.append(f"  epoch {c['epoch']}  step {c['step']}  val_loss {_num(c['val_loss'])}  val_token_accuracy "
                   f"{_num(c.get('val_token_accuracy'))}" + (f"  [{', '.join(marks)}]" if marks else ""))
    return out


def _num(v) -> str:
    if v is None:
        return "-"
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v)
    if f != 0 and (abs(f) < 1e-3 or abs(f) >= 1e5):
        return f"{f:.3g}"
    return f"{f:.4g}"
