"""Job status: training runs as hosted fine-tuning services show them (list, and one job's inputs + events)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from tunehouse.errors import UserError
from tunehouse.model import registry
from tunehouse.model import tracking as mlflow_store

if TYPE_CHECKING:
    from tunehouse.config import Settings

KEY_PARAMS = ("method", "n_epochs", "batch_size", "learning_rate_multiplier", "resolved.learning_rate",
              "base_model.name", "data.dataset_version")
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
                       not_found=f"no MLflow run {run_id!r} in {settings.mlflow_tracking_uri()}")
    out = summarise(run)
    out["params"] = dict(sorted(run.data.params.items()))
    out["metrics"] = dict(sorted(run.data.metrics.items()))
    out["events"] = mlflow_store.read_events(run)
    out["tags"] = {k: v for k, v in run.data.tags.items()
                   if k.startswith("tunehouse.") and not k.startswith(mlflow_store.EVENT_PREFIX)}
    out["artifact_uri"] = run.info.artifact_uri
    return out


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
            p.get("n_epochs", "-"), _num(p.get("resolved.learning_rate")),
            _num(m.get("final_train_loss", m.get("train_loss"))), _num(m.get("final_val_loss", m.get("val_loss"))),
            _num(m.get("final_val_token_accuracy")), r["registered"] or "-",
        ])
    widths = [max(len(str(row[i])) for row in table) for i in range(len(head))]
    return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip() for row in table)


def format_run(d: dict) -> str:
    lines = [f"run {d['run_id']} ({d['name']})", f"  status:   {d['status']}", f"  started:  {d['start']}",
             f"  ended:    {d['end'] or '-'}" + (f"  ({d['duration_s']}s)" if d["duration_s"] else ""),
             f"  model:    {d['registered'] or '-'}", f"  artifacts: {d['artifact_uri']}", "", "parameters:"]
    lines += [f"  {k} = {v}" for k, v in d["params"].items()]
    lines += ["", "metrics (latest):"] + [f"  {k} = {_num(v)}" for k, v in d["metrics"].items()]
    lines += ["", "events:"]
    lines += [f"  {time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(e['time']))} [{e['source']}] {e['message']}"
              for e in d["events"]] or ["  (none)"]
    return "\n".join(lines)


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
