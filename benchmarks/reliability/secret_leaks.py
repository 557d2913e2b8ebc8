"""Secrets probe (issue 13, part 6): no token, password or connection string is printed, logged or sent to MLflow.

Unique fake secrets are planted where a user or a platform puts them: the environment (``DATABRICKS_TOKEN``,
``HF_TOKEN``, ``DATABRICKS_CLIENT_SECRET``, ``MLFLOW_TRACKING_PASSWORD``) and the configuration (a ``--conf``
file: a tracking URI with a password, a registry URL with a token, a JDBC-style own-data source with a password,
a hub URL with a token as the base model). Then what shows or logs settings runs for real:

* ``tunehouse config --conf FILE`` (a subprocess, its stdout and stderr),
* a training job's driver logging (:func:`tunehouse.training.tracking.log_job_inputs`: params, the resolved
  settings, ``config/train.json``, lineage) and a job event carrying an error message that names the store,
  into a local MLflow store, whose params, tags, metric names, artifact files and SQLite bytes are searched,
* the log output of all of it.

``run`` returns ``secrets_planted``, ``secrets_found_in_logs`` (planted values found anywhere above) and one count
per surface (``found.config_output``, ``found.mlflow``, ``found.logs``).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import yaml


def planted_secrets(tag: str) -> dict[str, str]:
    """name -> a unique fake secret value (``tag`` makes each run's values unique)."""
    return {
        "DATABRICKS_TOKEN": f"dapi{tag}a1",
        "HF_TOKEN": f"hf_{tag}b2",
        "DATABRICKS_CLIENT_SECRET": f"dose{tag}c3",
        "MLFLOW_TRACKING_PASSWORD": f"mlpw{tag}d4",
        "tracking_uri_password": f"pgpw{tag}e5",
        "registry_token": f"regtok{tag}f6",
        "jdbc_password": f"jdbcpw{tag}g7",
        "hub_url_token": f"hubtok{tag}h8",
    }


ENV_NAMES = ("DATABRICKS_TOKEN", "HF_TOKEN", "DATABRICKS_CLIENT_SECRET", "MLFLOW_TRACKING_PASSWORD")


def planted_config(secrets: dict[str, str]) -> dict:
    """A --conf file's content carrying the configuration secrets."""
    return {
        "tracking": {
            "tracking_uri": f"postgresql://mlflow:{secrets['tracking_uri_password']}@db.invalid:5432/mlflow",
            "registry_uri": f"https://registry.invalid/api?access_token={secrets['registry_token']}",
        },
        "curate": {"split": {
            "validation_data": f"jdbc:postgresql://db.invalid/chat;user=ml;password={secrets['jdbc_password']};"}},
        "train": {"base_model": f"https://user:{secrets['hub_url_token']}@hub.invalid/org/model"},
    }


@contextmanager
def planted_env(secrets: dict[str, str]) -> Iterator[dict[str, str]]:
    """The process environment with the environment secrets set (restored afterwards); yields the child env."""
    old = {k: os.environ.get(k) for k in ENV_NAMES}
    os.environ.update({k: secrets[k] for k in ENV_NAMES})
    try:
        yield dict(os.environ)
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def config_output(conf: Path, root: Path, env: dict[str, str]) -> str:
    """stdout + stderr of `tunehouse config` with the planted --conf file."""
    cmd = [sys.executable, "-m", "tunehouse", "config", "--conf", str(conf), "--set", f"storage.root={root}"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"tunehouse config failed: {done.stderr[-2000:]}")
    return done.stdout + done.stderr


def log_to_mlflow(conf: Path, root: Path) -> str:
    """A training job's driver logging with the planted settings, into a local store; returns the run id.

    MLflow itself points at a local SQLite store (the planted tracking URI is unreachable by design): what is
    probed is what the job *logs* of its settings, not where it connects."""
    from tunehouse.config import load_settings
    from tunehouse.model import registry
    from tunehouse.model import tracking as mlflow_store
    from tunehouse.training import tracking

    import mlflow

    local = load_settings(overrides=[f"storage.root={root}"])
    planted = load_settings(conf_files=[conf], overrides=[f"storage.root={root}"])
    exp_id = mlflow_store.setup_mlflow(local)
    lineage = {"data_dir": str(root / "exports" / "v1"), "dataset_version": "v1", "gold_table": "gold.training_examples",
               "gold_table_version": 0, "files": {}, "pii_scrubbed_by": "rules",
               "tracking_uri": planted.tracking.tracking_uri}
    with mlflow.start_run(run_name="secret-probe", experiment_id=exp_id) as run:
        tracking.log_job_inputs(planted, planted.train, resolved={"registry_uri": planted.tracking.registry_uri},
                                lineage=lineage, base={"name": "model", "path": planted.train.base_model},
                                stats={"rows": 1}, audit_text="")
        mlflow_store.append_event(registry.client(), run.info.run_id,
                                  f"job failed: cannot reach {planted.tracking.tracking_uri}")
    logging.getLogger("tunehouse.probe").info("logged run %s", run.info.run_id)
    return run.info.run_id


def found(secrets: dict[str, str], texts: dict[str, list[str]]) -> dict[str, list[str]]:
    """secret name -> the places holding its value."""
    out = {}
    for name, value in secrets.items():
        places = [where for where, strings in texts.items() if any(value in s for s in strings)]
        if places:
            out[name] = places
    return out


def probe(workdir: Path) -> dict:
    """Plant, run the surfaces, search; returns {"secrets", "config_output", "log", "found": surface -> hits}."""
    from tunehouse.config import load_settings

    from reliability.pii_probes import captured_logs, mlflow_texts

    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    secrets = planted_secrets(uuid.uuid4().hex[:10])
    conf = workdir / "planted.yaml"
    conf.write_text(yaml.safe_dump(planted_config(secrets)))
    root = workdir / "th"
    with captured_logs() as buffer, planted_env(secrets) as env:
        printed = config_output(conf, root, env)
        log_to_mlflow(conf, root)
    log_text = buffer.getvalue()
    mlflow = mlflow_texts(load_settings(overrides=[f"storage.root={root}"]))
    return {"secrets": secrets, "config_output": printed, "log": log_text, "mlflow": mlflow,
            "found": {"config_output": found(secrets, {"tunehouse config": [printed]}),
                      "mlflow": found(secrets, mlflow), "logs": found(secrets, {"log": [log_text]})}}


def figures(out: dict) -> dict[str, int]:
    """The counts of a :func:`probe` result: secrets planted, found anywhere, found per surface."""
    anywhere = set().union(*(hits.keys() for hits in out["found"].values()))
    return {"secrets_planted": len(out["secrets"]), "secrets_found_in_logs": len(anywhere),
            **{f"found.{surface}": len(hits) for surface, hits in out["found"].items()}}


def run(workdir: Path, *, quick: bool = False) -> dict[str, int]:
    """The probe (seconds; quick and full are the same run)."""
    from tunehouse import runtime

    runtime.configure_process()  # the CLI's environment: offline hubs, no telemetry
    out = probe(workdir)
    for surface, hits in out["found"].items():
        for name, places in hits.items():
            print(f"  secret {name} found in {surface}: {', '.join(places)}")
    return figures(out)
