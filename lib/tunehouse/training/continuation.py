"""Where a job starts from when it continues earlier work, and the lineage it records.

* ``train.base_model: models:/NAME@ALIAS`` (or ``models:/NAME/VERSION``): the registered version is resolved
  through the MLflow registry and its Hugging Face folder materialised locally (registry.materialize, cached
  per version); the job trains a fresh LoRA on top of it and records the parent version.
* ``train.from_checkpoint: RUN_ID:EPOCH`` (or ``RUN_ID`` alone: its best epoch): that epoch checkpoint of an
  earlier job, its trained tensors merged into that job's base, saved once next to the job's checkpoints.

Either way the learning rate keeps following the *original* base model's name (base_learning_rates): a model
continued from the tiny base is still the tiny base to the optimiser.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from tunehouse.config.secrets import redact_text
from tunehouse.errors import UserError
from tunehouse.model import registry
from tunehouse.training import checkpoint

if TYPE_CHECKING:
    from tunehouse.config import Settings

log = logging.getLogger(__name__)


def resolve_start(settings: "Settings") -> tuple[str | None, dict]:
    """The local folder a job trains from when it continues a registered version or a checkpoint (None: the
    ordinary train.base_model), and the parent's lineage (params ``parent.*``, tags, version tags)."""
    ts = settings.train
    registered = ts.base_model and registry.split_models_uri(ts.base_model)
    if ts.from_checkpoint and registered:
        raise UserError("set either train.from_checkpoint or a models:/ train.base_model, not both")
    if ts.from_checkpoint:
        return from_checkpoint(settings, ts.from_checkpoint)
    if registered:
        return from_registered(settings, ts.base_model)
    if ts.base_model and ts.base_model.startswith("models:/"):
        raise UserError(f"train.base_model {ts.base_model!r}: use models:/NAME@ALIAS or models:/NAME/VERSION")
    return None, {}


def from_registered(settings: "Settings", uri: str) -> tuple[str, dict]:
    registry.client(settings)  # point mlflow at the configured tracking and registry stores
    ref = registry.resolve_registered(uri, "parent")
    hf_dir = registry.materialize(settings, ref)
    chat_cfg = registry.chat_config_of(hf_dir)
    lineage = {"kind": "registered_model", "uri": uri, "model": ref.name, "version": ref.version,
               "run_id": ref.run_id, "base_model_name": chat_cfg.get("base_model")}
    log.info("continuing fine-tuning from %s (%s)", ref.label, hf_dir)
    return str(hf_dir), lineage


def parse_checkpoint_ref(ref: str) -> tuple[str, str | int]:
    """'RUN_ID:EPOCH' -> (RUN_ID, EPOCH); 'RUN_ID' or 'RUN_ID:best' -> (RUN_ID, 'best'); 'RUN_ID:last' likewise."""
    run_id, _, which = ref.strip().partition(":")
    if not run_id:
        raise UserError(f"checkpoint reference {ref!r}: expected RUN_ID:EPOCH")
    which = which or "best"
    if which in ("best", "last"):
        return run_id, which
    if not which.isdigit() or int(which) < 1:
        raise UserError(f"checkpoint reference {ref!r}: EPOCH must be a number >= 1, 'best' or 'last'")
    return run_id, int(which)


def parent_job(settings: "Settings", run_id: str) -> dict:
    """What a finished (or stopped) training job recorded: its train settings, base folder and name, Ray folder."""
    from tunehouse.training.runs import training_run

    client = registry.client(settings)
    run = training_run(client, run_id, not_found=f"no MLflow run {run_id!r} in {redact_text(settings.mlflow_tracking_uri())}")
    train = json.loads(Path(client.download_artifacts(run_id, "config/train.json")).read_text())
    p = run.data.params
    return {"run": run, "train": train, "base_path": p.get("base_model.path"), "base_name": p.get("base_model.name"),
            "dataset_version": p.get("data.dataset_version"),
            "run_dir": settings.storage.checkpoints.resolve() / run.data.tags["tunehouse.ray_run_name"]}


def find_checkpoint(settings: "Settings", run_id: str, which: str | int) -> tuple[dict, dict]:
    """(the parent job, the chosen checkpoint's entry from checkpoint.list_checkpoints)."""
    parent = parent_job(settings, run_id)
    kept = checkpoint.list_checkpoints(parent["run_dir"])
    chosen = checkpoint.pick(kept, which)
    if chosen is None:
        have = ", ".join(str(c["epoch"]) for c in kept) or "none"
        raise UserError(f"run {run_id} has no checkpoint for epoch {which} under {parent['run_dir']} "
                        f"(epochs kept: {have}; train.keep_checkpoints decides how many stay)")
    return parent, chosen


def from_checkpoint(settings: "Settings", ref: str) -> tuple[str, dict]:
    from tunehouse.training.base_model import load_tokenizer
    from tunehouse.training.modeling import merged_model
    from tunehouse.training.settings import LoraSettings

    run_id, which = parse_checkpoint_ref(ref)
    parent, chosen = find_checkpoint(settings, run_id, which)
    out = parent["run_dir"] / f"merged-epoch-{chosen['epoch']}"
    if not (out / "config.json").is_file():
        t = parent["train"]
        model = merged_model(parent["base_path"], t["method"], LoraSettings.model_validate(t["lora"]),
                             checkpoint.read_trained(chosen["path"]))
        tmp = out.with_name(out.name + ".partial")
        model.save_pretrained(tmp)
        load_tokenizer(parent["base_path"]).save_pretrained(tmp)
        tmp.rename(out)
    lineage = {"kind": "checkpoint", "run_id": run_id, "epoch": chosen["epoch"], "val_loss": chosen["val_loss"],
               "base_model_name": parent["base_name"]}
    log.info("continuing fine-tuning from run %s epoch %s (%s)", run_id, chosen["epoch"], out)
    return str(out), lineage


def lineage_tags(parent: dict) -> dict[str, str]:
    """Run tags (and registered-version tags) naming what a job continued from."""
    if parent.get("kind") == "registered_model":
        return {"tunehouse.parent_model": f"{parent['model']} v{parent['version']}",
                "tunehouse.parent_model_version": str(parent["version"]),
                "tunehouse.parent_run_id": str(parent.get("run_id"))}
    if parent.get("kind") == "checkpoint":
        return {"tunehouse.parent_run_id": parent["run_id"], "tunehouse.parent_checkpoint_epoch": str(parent["epoch"])}
    return {}


def parent_from_tags(tags: dict) -> dict:
    """The lineage a job recorded in its run tags (:func:`lineage_tags`), read back."""
    if "tunehouse.parent_model_version" in tags:
        model, _, version = tags["tunehouse.parent_model"].rpartition(" v")
        return {"kind": "registered_model", "model": model, "version": version,
                "run_id": tags.get("tunehouse.parent_run_id")}
    if "tunehouse.parent_checkpoint_epoch" in tags:
        return {"kind": "checkpoint", "run_id": tags["tunehouse.parent_run_id"],
                "epoch": tags["tunehouse.parent_checkpoint_epoch"]}
    return {}
