"""MLflow side of a training job: params, lineage, audit artifacts, worker progress, plots, the chat model.

One MLflow run per training job. Step metrics are streamed by rank 0 of the Ray workers
(:class:`WorkerTracker`); everything else is logged here by the driver. Job events (started, data
prepared, epoch finished, resumed, registered, failed...) are run tags written by
:func:`tunehouse.model.tracking.append_event`, so that several processes can add them without
clobbering each other and ``tunehouse runs show`` can read them live.
"""

from __future__ import annotations

import json
import logging
import math
import platform
import shutil
import tempfile
import time
import warnings
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from tunehouse.config.secrets import redact
from tunehouse.model import registry
from tunehouse.model import tracking as mlflow_store

if TYPE_CHECKING:
    from tunehouse.config import Settings

LIBRARIES = ("torch", "transformers", "tokenizers", "peft", "accelerate", "ray", "mlflow", "numpy", "pandas")
# what the logged chat model needs at serving time (pinned to what trained it)
MODEL_REQUIREMENTS = ("mlflow", "torch", "transformers", "tokenizers", "accelerate", "numpy", "pandas", "safetensors")


def library_versions(names=LIBRARIES) -> dict[str, str]:
    out = {}
    for n in names:
        try:
            out[n] = metadata.version(n)
        except metadata.PackageNotFoundError:
            pass
    out["python"] = platform.python_version()
    return out


def pip_requirements() -> list[str]:
    reqs = []
    for n in MODEL_REQUIREMENTS:
        try:
            v = metadata.version(n)
        except metadata.PackageNotFoundError:
            if n != "mlflow":
                continue
            try:  # Databricks Runtime ML ships mlflow-skinny, not the full mlflow distribution
                n, v = "mlflow-skinny", metadata.version("mlflow-skinny")
            except metadata.PackageNotFoundError:
                continue
        if n == "torch" and "+" in v:
            v = v.split("+")[0]  # local build tag (e.g. +cpu) is not on PyPI
        reqs.append(f"{n}=={v}")
    return reqs


def log_job_inputs(settings: "Settings", train_settings, *, resolved: dict, lineage: dict, base: dict,
                   stats: dict, audit_text: str) -> None:
    """Params (hyperparameters, resolved values, lineage, base model, template), dataset inputs, audit files."""
    from mlflow.data.dataset_source_registry import resolve_dataset_source
    from mlflow.data.meta_dataset import MetaDataset

    import mlflow
    from tunehouse.config import dump_settings

    params = mlflow_store.flat_params("", train_settings.model_dump(mode="json"))
    params.update(mlflow_store.flat_params("resolved", resolved))
    params.update({f"lib.{k}": v for k, v in library_versions().items()})
    params.update({
        "data.dir": lineage["data_dir"],
        "data.dataset_version": str(lineage["dataset_version"]),
        "data.gold_table": str(lineage["gold_table"]),
        "data.gold_table_version": str(lineage["gold_table_version"]),
        "data.pii_scrubbed_by": str(lineage.get("pii_scrubbed_by")),
    })
    for name, f in lineage["files"].items():
        split = name.removesuffix(".jsonl")
        params[f"data.{split}.rows"] = str(f["rows"])
        params[f"data.{split}.sha256"] = f["sha256"]
    params.update(mlflow_store.flat_params("base_model", base))
    mlflow.log_params({k: v[:6000] for k, v in params.items()})
    mlflow.log_metrics({f"data.{k}": float(v) for k, v in stats.items() if isinstance(v, (int, float))})
    for name, f in lineage["files"].items():
        split = name.removesuffix(".jsonl")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "source can be interpreted in multiple ways"
            source = resolve_dataset_source(f["path"])
        ds = MetaDataset(source=source, name=f"{lineage['dataset_version']}/{name}", digest=f["sha256"][:16])
        mlflow.log_input(ds, context={"train": "training", "validation": "validation"}.get(split, split))
    mlflow.log_text(dump_settings(settings), "config/resolved.yaml")
    mlflow.log_text(json.dumps(redact(train_settings.model_dump(mode="json")), indent=2), "config/train.json")
    mlflow.log_dict(redact(lineage), "lineage.json")
    mlflow.log_dict(stats, "mask_audit/summary.json")
    mlflow.log_text(audit_text, "mask_audit/examples.txt")


VALIDATION_TAG = "tunehouse.validation"  # "skipped: <why>" when the job has no validation data


def log_no_validation(client, run_id: str, reason: str) -> None:
    """A job without validation data says so: a tag and a param on the run, and an event in its log."""
    import mlflow

    mlflow.set_tag(VALIDATION_TAG, f"skipped: {reason}")
    mlflow.log_param("data.validation", "none: validation skipped")
    mlflow_store.append_event(client, run_id, reason)


def validated(row: dict) -> bool:
    """Whether an epoch row has validation metrics (the workers' loss over no validation example is NaN)."""
    return row.get("val_loss") is not None and not math.isnan(row["val_loss"])


# --------------------------------------------------------------------------- during training (rank 0 of the workers)
class WorkerTracker:
    """Rank 0's progress: periodic log lines and step/epoch metrics streamed to the job's MLflow run."""

    def __init__(self, log_every_steps: int, tracking_uri: str, run_id: str | None):
        self.every = log_every_steps
        self.run_id = run_id
        self.buffer: list = []
        self.client = registry.client(tracking_uri=tracking_uri) if run_id else None
        self.t_start = time.time()
        self.log = logging.getLogger("tunehouse.train")

    def step(self, row: dict, total: int) -> None:
        from mlflow.entities import Metric

        ts = int(time.time() * 1000)
        for key in ("train_loss", "lr", "trainable_tokens_per_s", "grad_norm"):
            if row.get(key) is not None:
                self.buffer.append(Metric(key, float(row[key]), ts, row["step"]))
        if row["step"] % self.every == 0 or row["step"] == total:
            self.log.info("step %d/%d epoch %d loss %.4f lr %.2e %.0f trainable tok/s (%.0fs)", row["step"], total,
                          row["epoch"] + 1, row["train_loss"], row["lr"], row["trainable_tokens_per_s"],
                          time.time() - self.t_start)
            self.flush()

    def epoch(self, row: dict, checkpoint: bool = True) -> None:
        from mlflow.entities import Metric

        ts = int(time.time() * 1000)
        self.buffer.append(Metric("epoch", float(row["epoch"]), ts, row["step"]))
        if not validated(row):  # no validation data: no val_loss NaN or val_token_accuracy 0 in the run
            self.flush()
            if checkpoint:
                self.event(f"epoch {row['epoch']} finished at step {row['step']}: no validation data, validation "
                           "skipped; checkpoint saved")
            return
        self.buffer += [Metric(k, float(row[k]), ts, row["step"]) for k in ("val_loss", "val_token_accuracy")]
        if not checkpoint:
            self.log.info("before training: val_loss %.4f val_token_accuracy %.3f", row["val_loss"],
                          row["val_token_accuracy"])
            self.flush()
            return
        self.log.info("epoch %d done: val_loss %.4f val_token_accuracy %.3f", row["epoch"], row["val_loss"],
                      row["val_token_accuracy"])
        self.flush()
        self.event(f"epoch {row['epoch']} finished at step {row['step']}: val_loss {row['val_loss']:.4f}, "
                   f"val_token_accuracy {row['val_token_accuracy']:.3f}; checkpoint saved")

    def event(self, message: str) -> None:
        if self.client:
            mlflow_store.append_event(self.client, self.run_id, message, source="worker")

    def flush(self) -> None:
        if self.client and self.buffer:
            for i in range(0, len(self.buffer), 900):
                self.client.log_batch(self.run_id, metrics=self.buffer[i:i + 900], synchronous=True)
        self.buffer = []


# --------------------------------------------------------------------------- after training
def loss_curve_png(history: dict, path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4), dpi=110)
    steps = [r["step"] for r in history["steps"]]
    ax.plot(steps, [r["train_loss"] for r in history["steps"]], label="train loss (per step)", lw=1, alpha=0.8)
    if history["epochs"]:
        ax.plot([r["step"] for r in history["epochs"]], [r["val_loss"] for r in history["epochs"]], "o-",
                label="validation loss (per epoch)", lw=2)
    ax.set_xlabel("optimizer step")
    ax.set_ylabel("weighted token cross-entropy")
    ax.set_title("tunehouse fine-tuning")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def log_chat_model(model_dir: Path, *, registered_name: str | None, alias: str | None, run_id: str,
                   extra_tags: dict | None = None) -> dict:
    """Log a merged HF checkpoint as the pyfunc ChatModel ('model' under the run); register + alias it.

    Always with MLflow's chat signature and the ``llm/v1/chat`` task (:func:`tunehouse.model.chat.chat_signature`):
    Unity Catalog requires a signature, Databricks serving answers OpenAI chat completions for this one, and
    the local server enforces the same schema, so local tests exercise what Databricks gets."""
    import mlflow
    from tunehouse.model import chat as chat_model

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # e.g. "no input example"
        info = mlflow.pyfunc.log_model(
            name="model",
            python_model=str(Path(chat_model.__file__).resolve()),
            artifacts={chat_model.ARTIFACT_KEY: str(model_dir)},
            pip_requirements=pip_requirements(),
            signature=chat_model.chat_signature(),
            registered_model_name=registered_name,
            metadata={"task": chat_model.CHAT_TASK},
        )
    out = {"model_uri": info.model_uri, "registered_name": registered_name, "version": None, "alias": None}
    if registered_name:
        version = str(info.registered_model_version)
        client = registry.client()
        for k, v in (extra_tags or {}).items():
            client.set_model_version_tag(registered_name, version, k, str(v))
        if alias:
            client.set_registered_model_alias(registered_name, alias, version)
        out.update(version=version, alias=alias)
    return out


def copy_tree(src: Path, dst: Path) -> Path:
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    return dst


def new_tmp_dir(base: Path, prefix: str) -> Path:
    base.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=prefix, dir=base))
