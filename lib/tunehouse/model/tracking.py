"""The MLflow store every job shares: where runs go, the job tag, and job events as run tags.

Training, evaluation and the CLI record into the same experiment; these helpers are the one place that
points MLflow at the configured store and reads/writes the events `tunehouse runs show` prints.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tunehouse.config.secrets import redact, redact_text

if TYPE_CHECKING:
    from tunehouse.config import Settings


EVENT_PREFIX = "tunehouse.event."


_PARAM_KEY = re.compile(r"[A-Za-z0-9_\-. :/]+")


JOB_TAG = "tunehouse.job"


# --------------------------------------------------------------------------- setup
def setup_mlflow(settings: "Settings"):
    """Point MLflow at the configured store; create the experiment (artifacts under storage.root locally)."""
    import mlflow

    uri = settings.mlflow_tracking_uri()
    if uri.startswith("sqlite:///"):
        Path(uri[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    mlflow.set_tracking_uri(uri)
    if settings.tracking.registry_uri:
        mlflow.set_registry_uri(settings.tracking.registry_uri)
    name = settings.tracking.experiment
    exp = mlflow.get_experiment_by_name(name)
    if exp is None:
        artifact_location = settings.mlflow_artifact_root() if not settings.tracking.tracking_uri else None
        exp_id = mlflow.create_experiment(name, artifact_location=artifact_location)
    else:
        exp_id = exp.experiment_id
    mlflow.set_experiment(experiment_id=exp_id)
    return exp_id


def append_event(client, run_id: str, message: str, source: str = "driver") -> None:
    ms = int(time.time() * 1000)
    client.set_tag(run_id, f"{EVENT_PREFIX}{ms:013d}.{source}", redact_text(message)[:4900])


def read_events(run) -> list[dict]:
    events = []
    for k, v in run.data.tags.items():
        if k.startswith(EVENT_PREFIX):
            ms, _, source = k[len(EVENT_PREFIX):].partition(".")
            events.append({"time": int(ms) / 1000, "source": source, "message": v})
    return sorted(events, key=lambda e: (e["time"], e["source"]))


def flat_params(prefix: str, obj: Any) -> dict[str, str]:
    """Nested dict -> {'a.b': 'value'} (lists as JSON), secrets redacted (these become MLflow params)."""
    obj = redact(obj, prefix.rsplit(".", 1)[-1] or None)
    out = {}
    if isinstance(obj, dict) and not all(_PARAM_KEY.fullmatch(str(k)) for k in obj):
        out[prefix] = json.dumps(obj)  # e.g. glob patterns as keys: keep the mapping whole
    elif isinstance(obj, dict):
        for k, v in obj.items():
            out.update(flat_params(f"{prefix}.{k}" if prefix else str(k), v))
    else:
        out[prefix] = json.dumps(obj) if isinstance(obj, (list, tuple)) else str(obj)
    return out
