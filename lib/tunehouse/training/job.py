"""The driver of one fine-tuning job (``tunehouse train``), top to bottom:

    prepare data (tokenise + mask audit) -> open the MLflow run, log inputs -> start Ray, TorchTrainer.fit()
    with the recipe on every worker -> merge LoRA into the base -> log the chat model, register it, set the
    alias -> close the run

The workers' side is recipe.py (configured by the :class:`~tunehouse.training.recipe.WorkerConfig` built
here); data.py prepares the sequences; tracking.py logs to MLflow; cluster.py talks to Ray.
"""

from __future__ import annotations

import functools
import json
import logging
import math
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tunehouse import runtime
from tunehouse.errors import UserError
from tunehouse.model import registry
from tunehouse.model import tracking as mlflow_store
from tunehouse.training import (
    auto_hparams,
    checkpoint,
    cluster,
    continuation,
    control,
    templates,
    tracking,
)
from tunehouse.training import base_model as bm
from tunehouse.training import tokenize as tk
from tunehouse.training.data import (
    PreparedData,
    count_rows,
    latest_export,
    prepare_data,
)
from tunehouse.training.faults import clear_report, raise_if_reported

if TYPE_CHECKING:
    from tunehouse.config import Settings
    from tunehouse.training.faults import FaultInjection
    from tunehouse.training.recipe import WorkerConfig

    Faults = FaultInjection | tuple[FaultInjection, ...] | None

log = logging.getLogger(__name__)


@dataclass
class TrainResult:
    run_id: str
    experiment_id: str
    model_uri: str | None
    registered_name: str | None
    version: str | None
    alias: str | None
    final_metrics: dict
    history: dict
    seconds: float
    ray_run_name: str
    checkpoint_dir: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class _Job:
    """What the driver knows once base model and data are ready, and where the job records itself."""

    settings: "Settings"
    base: str  # hub id, or the local folder as given
    base_info: dict  # name, resolved path, checksum, template hash, stop tokens (logged and tagged)
    tokenizer: Any
    learning_rate: float
    data: PreparedData
    client: Any = None
    run_id: str = ""
    ray_run_name: str = ""
    requested: Any = None  # train settings as given ("auto" kept): the job's params and config/train.json
    auto: "auto_hparams.Resolved | None" = None
    parent: dict = field(default_factory=dict)  # lineage: the registered version or checkpoint continued from

    @property
    def run_dir(self) -> Path:
        """The job's Ray Train folder: its epoch checkpoints and the cancel marker."""
        return _checkpoint_root(self.settings) / self.ray_run_name


def run_training(settings: "Settings", *, resume_run_id: str | None = None,
                 faults: "Faults" = None) -> TrainResult:
    """Run one fine-tuning job end to end and return where its model went. ``resume_run_id`` continues a failed
    job from its latest checkpoint, with the settings it started with; ``faults`` is for tests (faults.py)."""
    t_start = time.time()
    runtime.quiet_libraries()
    prior = None
    if resume_run_id:  # the stored settings of the job come from its MLflow run
        mlflow_store.setup_mlflow(settings)
        prior = _resumable_run(registry.client(), resume_run_id)
        settings = settings.model_copy(update={"train": type(settings.train).model_validate(prior["train"])})
    job = _prepare(settings, base_name=prior["base_name"] if prior else None)
    exp_id = mlflow_store.setup_mlflow(settings)  # only now that base model and data are known good
    job.client = registry.client()

    started_ray = cluster.ensure_ray(settings)
    try:
        use_gpu = cluster.resolve_use_gpu(settings)
        precision = cluster.resolve_precision(settings, use_gpu)
        out = _tracked_run(job, prior, resume_run_id, exp_id, use_gpu, precision, faults, t_start)
        out.experiment_id = exp_id
        out.seconds = time.time() - t_start
        return out
    finally:
        if started_ray:
            import ray

            ray.shutdown()


def _prepare(settings: "Settings", base_name: str | None = None) -> _Job:
    """Resolve the model to start from (a base, a registered version, a checkpoint), the auto hyperparameters,
    load the tokenizer, the learning rate, and the prepared data. ``base_name``: the base model name a resumed
    job recorded (its learning rate follows it)."""
    requested = settings.train
    start, parent = continuation.resolve_start(settings)
    if start:
        settings = settings.model_copy(update={"train": requested.model_copy(update={"base_model": start})})
    settings, auto = _resolve_auto(settings)
    ts = settings.train
    base = bm.resolve_base_model(settings)
    tokenizer = templates.apply_configured_template(bm.load_tokenizer(base), ts.chat_template)
    stop_ids = tk.stop_token_ids(tokenizer)
    name = base_name or parent.get("base_model_name") or bm.model_name(base)
    try:
        lr = ts.learning_rate(name)
    except ValueError as e:
        raise UserError(str(e)) from None
    log.info("preparing data ...")
    data = prepare_data(settings, tokenizer)
    log.info("data: %d training sequences (%d trainable tokens), %d validation; %s", len(data.train),
             data.stats["train_trainable_tokens"], len(data.validation), data.data_dir)
    base_info = {"name": name, "path": _local_or_hub(base), "checksum": bm.checksum_dir(base),
                 "chat_template_sha256": bm.chat_template_hash(tokenizer), "stop_token_ids": stop_ids,
                 "stop_tokens": tokenizer.convert_ids_to_tokens(stop_ids)}
    return _Job(settings, base, base_info, tokenizer, lr, data, requested=requested, auto=auto, parent=parent)


def _resolve_auto(settings: "Settings") -> tuple["Settings", auto_hparams.Resolved]:
    """Settings with batch_size / n_epochs / learning_rate_multiplier "auto" replaced by their values for this
    training set (auto_hparams.py), and what they resolved to."""
    ts = settings.train
    data_dir = Path(ts.train_data) if ts.train_data else latest_export(settings.storage.exports)
    n_examples = count_rows(data_dir / "train.jsonl") if (data_dir / "train.jsonl").is_file() else 0
    r = auto_hparams.resolve(n_examples, batch_size=ts.batch_size, n_epochs=ts.n_epochs,
                             learning_rate_multiplier=ts.learning_rate_multiplier,
                             per_step=ts.num_workers * ts.gradient_accumulation_steps)
    if r.auto:
        log.info("auto hyperparameters for %d training examples: %s", n_examples,
                 ", ".join(f"{k}={getattr(r, k)}" for k in r.auto))
    concrete = ts.model_copy(update={"batch_size": r.batch_size, "n_epochs": r.n_epochs,
                                     "learning_rate_multiplier": r.learning_rate_multiplier})
    return settings.model_copy(update={"train": concrete}), r


def _local_or_hub(base: str) -> str:
    return str(Path(base).resolve()) if Path(base).exists() else base


def _tracked_run(job: _Job, prior: dict | None, resume_run_id: str | None, exp_id: str, use_gpu: bool,
                 precision: str, faults: "Faults", t_start: float) -> TrainResult:
    """Inside the job's MLflow run: log the inputs (a new job), fit on Ray, log and register the model. A failure
    is recorded as an event and the run ends FAILED (resumable with ``train --resume``)."""
    import mlflow

    if prior:
        run_ctx = mlflow.start_run(run_id=resume_run_id)
    else:
        prefix = job.settings.train.suffix or "train"
        run_ctx = mlflow.start_run(run_name=time.strftime(f"{prefix}-%Y%m%d-%H%M%S"), experiment_id=exp_id)
    with run_ctx as run:
        job.run_id = run.info.run_id
        job.ray_run_name = prior["ray_run_name"] if prior else f"train-{job.run_id}"
        try:
            if prior:
                control.cancel_marker(job.run_dir).unlink(missing_ok=True)  # a resumed job is wanted again
                clear_report(job.run_dir)
                mlflow_store.append_event(job.client, job.run_id,
                                          "job resumed: Ray Train restores the latest checkpoint")
            else:
                _log_new_job(job, use_gpu, precision)
            t_fit = time.time()
            result = _fit(job, _worker_config(job, precision, faults), use_gpu)
            t_finish = time.time()
            raise_if_reported(job.run_dir)  # a NaN loss stopped the workers: the run ends FAILED with its message
            if control.cancel_marker(job.run_dir).exists():
                return _cancelled(job, result)
            mlflow_store.append_event(job.client, job.run_id, f"training finished ({t_finish - t_fit:.0f}s in Ray Train)")
            out = _log_model(job, result)
            timings = {"time_prepare_s": t_fit - t_start, "time_ray_fit_s": t_finish - t_fit,
                       "time_log_model_s": time.time() - t_finish}
            mlflow.log_metrics(timings)
            out.extra.update(timings)
            return out
        except BaseException as e:
            msg = str(e).splitlines()[0][:500] if str(e) else type(e).__name__
            mlflow_store.append_event(job.client, job.run_id, f"job failed: {msg}")
            mlflow.end_run(status="FAILED")
            raise


def _log_new_job(job: _Job, use_gpu: bool, precision: str) -> None:
    """Tags, params, lineage and the mask audit of a new job (a resumed one has them already)."""
    import mlflow

    ts, data = job.settings.train, job.data
    mlflow.set_tags({mlflow_store.JOB_TAG: "train", "tunehouse.ray_run_name": job.ray_run_name,
                     "tunehouse.base_model": job.base_info["name"], "tunehouse.method": ts.method,
                     "tunehouse.dataset_version": str(data.lineage["dataset_version"]),
                     **({"tunehouse.suffix": ts.suffix} if ts.suffix else {}),
                     **continuation.lineage_tags(job.parent)})
    mlflow_store.append_event(job.client, job.run_id, "job created")
    resolved = {"learning_rate": job.learning_rate, "base_learning_rate": ts.base_learning_rate(job.base_info["name"]),
                "use_gpu": use_gpu, "precision": precision, "world_size": ts.num_workers,
                "micro_batch_size": ts.micro_batch_size, "global_batch_size": ts.batch_size,
                "backend": "nccl" if use_gpu else "gloo", **job.auto.as_params()}
    if job.parent:
        mlflow.log_params({f"parent.{k}": str(v) for k, v in job.parent.items()})
        mlflow_store.append_event(job.client, job.run_id, f"continuing from {_parent_label(job.parent)}")
    if job.auto.auto:
        mlflow_store.append_event(job.client, job.run_id, "auto hyperparameters resolved for "
                                  f"{data.lineage['files']['train.jsonl']['rows']} training examples: "
                                  + ", ".join(f"{k}={getattr(job.auto, k)}" for k in job.auto.auto))
    tracking.log_job_inputs(job.settings, job.requested, resolved=resolved, lineage=data.lineage, base=job.base_info,
                            stats=data.stats, audit_text=data.audit_text)
    if data.no_validation:
        tracking.log_no_validation(job.client, job.run_id, data.no_validation)
    mlflow_store.append_event(
        job.client, job.run_id,
        f"data prepared and mask audit passed: {len(data.train)} training sequences, "
        f"{data.stats['train_trainable_tokens']} trainable tokens "
        f"({data.stats['train_trainable_fraction']:.1%}), {len(data.validation)} validation")


def _worker_config(job: _Job, precision: str, faults: "Faults") -> "WorkerConfig":
    from tunehouse.training.recipe import Hyperparameters, WorkerConfig

    ts = job.settings.train
    # injected faults are counted across restarts in files next to the run's checkpoints
    faults = tuple(f.placed(job.run_dir) for f in (faults if isinstance(faults, tuple) else (faults,)) if f)
    return WorkerConfig(
        base_model=_local_or_hub(job.base),
        hp=Hyperparameters.from_settings(ts, learning_rate=job.learning_rate, precision=precision),
        pad_token_id=job.tokenizer.pad_token_id,
        strategy=ts.strategy,
        torch_threads=ts.torch_threads,
        log_every_steps=ts.log_every_steps,
        mlflow_tracking_uri=job.settings.mlflow_tracking_uri(),
        mlflow_run_id=job.run_id,
        env=runtime.worker_env(),
        faults=faults,
        control=control.job_control(job.run_dir, ts.early_stopping_patience),
        run_dir=str(job.run_dir),
    )


def _checkpoint_root(settings: "Settings") -> Path:
    root = settings.storage.checkpoints.resolve()
    root.mkdir(parents=True, exist_ok=True)
    return root


def _fit(job: _Job, cfg: "WorkerConfig", use_gpu: bool):
    """Ray Train: the recipe on train.num_workers workers, one checkpoint per epoch, restarts on failure."""
    import ray
    from ray.train import CheckpointConfig, FailureConfig, RunConfig, ScalingConfig
    from ray.train.torch import TorchConfig, TorchTrainer

    from tunehouse.training.recipe import WorkerData, train_loop_per_worker

    ts = job.settings.train
    data = WorkerData(train_ref=ray.put(job.data.train), val_ref=ray.put(job.data.validation))
    trainer = TorchTrainer(
        functools.partial(train_loop_per_worker, cfg, data),
        torch_config=TorchConfig(backend="nccl" if use_gpu else "gloo"),
        scaling_config=ScalingConfig(num_workers=ts.num_workers, use_gpu=use_gpu,
                                     resources_per_worker={"CPU": ts.cpus_per_worker}),
        run_config=RunConfig(
            name=job.ray_run_name,
            storage_path=str(_checkpoint_root(job.settings)),
            failure_config=FailureConfig(max_failures=ts.max_failures),
            # the N best epochs by validation loss stay (Ray always keeps the latest too: restarts resume from it);
            # without validation data there is no loss to rank by (NaN): the N latest stay
            checkpoint_config=CheckpointConfig(
                num_to_keep=ts.keep_checkpoints, checkpoint_score_order="min",
                checkpoint_score_attribute=None if job.data.no_validation else "val_loss"),
        ),
    )
    try:
        return trainer.fit()
    except Exception as e:  # ray.train.TrainingFailedError and friends
        raise_if_reported(job.run_dir, cause=e)  # out of memory: the worker's message, not Ray's traceback
        first = str(e).strip().splitlines()
        raise UserError(
            f"training failed (after up to {ts.max_failures} recoveries): {first[-1][:400] if first else e!r}; "
            f"Ray worker logs are under {job.settings.storage.ray.resolve()}"
        ) from e


def _log_model(job: _Job, result) -> TrainResult:
    """Log the job's metrics, history, loss curve and kept checkpoints; merge the chosen epoch checkpoint
    (train.register_checkpoint: best by validation loss, or last) into the base and log + register it."""
    import mlflow

    ts = job.settings.train
    if result.checkpoint is None:
        raise UserError("training produced no checkpoint")
    work = tracking.new_tmp_dir(job.run_dir, "final-")
    try:
        _, history = checkpoint.read_final(result.checkpoint)
        kept = checkpoint.list_checkpoints(job.run_dir)
        chosen = checkpoint.pick(kept, ts.register_checkpoint) or {"path": str(result.checkpoint.path),
                                                                   **history["epochs"][-1]}
        final = _without_missing_validation(final_metrics(history), job.data)
        stopped = control.early_stop(history["epochs"], ts.early_stopping_patience)
        registered = {"registered_epoch": chosen["epoch"], "early_stopped": float(stopped is not None)}
        if math.isfinite(chosen.get("val_loss", math.nan)):  # no validation data: no validation loss to log
            registered["registered_val_loss"] = chosen["val_loss"]
        mlflow.log_metrics({**{f"final_{k}": v for k, v in final.items()}, **registered})
        mlflow.log_dict(history, "training/history.json")
        mlflow.log_dict({"kept": kept, "registered_epoch": chosen["epoch"], "rule": ts.register_checkpoint},
                        "training/checkpoints.json")
        mlflow.log_artifact(str(tracking.loss_curve_png(history, work / "loss_curve.png")), "plots")
        out = register_checkpoint(job, chosen, work)
        out.final_metrics, out.history = final, history
        out.checkpoint_dir = str(result.checkpoint.path)
        if job.data.no_validation:
            out.extra["validation"] = job.data.no_validation
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def register_checkpoint(job: _Job, chosen: dict, work: Path, rule: str | None = None) -> TrainResult:
    """Merge one epoch checkpoint into the base, log it as the chat model of the job's (active) run and register
    it: alias train.register_alias, alias @SUFFIX with train.suffix, version tags for the epoch and lineage."""
    import mlflow

    settings, ts = job.settings, job.settings.train
    merged = _save_merged(job, checkpoint.read_trained(chosen["path"]), work / "hf_model")
    mlflow_store.append_event(job.client, job.run_id, f"logging the merged model of epoch {chosen['epoch']} "
                              f"(val_loss {chosen['val_loss']:.4f}, rule: {rule or ts.register_checkpoint})")
    name = settings.tracking.registered_model if ts.register_model else None
    tags = {"base_model": job.base_info["name"], "base_checksum": job.base_info["checksum"][:16],
            "dataset_version": job.data.lineage["dataset_version"], "method": ts.method,
            "epoch": chosen["epoch"], "val_loss": f"{chosen['val_loss']:.6f}",
            **({"suffix": ts.suffix} if ts.suffix else {}),
            **{k.removeprefix("tunehouse."): v for k, v in continuation.lineage_tags(job.parent).items()}}
    reg = tracking.log_chat_model(merged, registered_name=name, alias=ts.register_alias if name else None,
                                  run_id=job.run_id, extra_tags=tags)
    if reg["version"]:
        aliases = [reg["alias"]]
        if ts.suffix:
            job.client.set_registered_model_alias(reg["registered_name"], ts.suffix, reg["version"])
            aliases.append(ts.suffix)
        mlflow.set_tags({"tunehouse.registered_model": reg["registered_name"],
                         "tunehouse.registered_version": reg["version"],
                         "tunehouse.registered_epoch": str(chosen["epoch"])})
        mlflow_store.append_event(job.client, job.run_id, f"registered {reg['registered_name']} version "
                                  f"{reg['version']} (epoch {chosen['epoch']}) with alias "
                                  + ", ".join(f"@{a}" for a in aliases))
    return TrainResult(run_id=job.run_id, experiment_id="", model_uri=reg["model_uri"],
                       registered_name=reg["registered_name"], version=reg["version"], alias=reg["alias"],
                       final_metrics={}, history={}, seconds=0.0, ray_run_name=job.ray_run_name,
                       extra={"registered_epoch": chosen["epoch"], "registered_val_loss": chosen["val_loss"]})


def register_epoch(settings: "Settings", run_id: str, which: str | int) -> TrainResult:
    """`tunehouse runs register RUN_ID --epoch K`: register a kept epoch checkpoint of an earlier job (``which``:
    an epoch, best or last) as a new version, logged under that job's run, with the settings it trained with."""
    import types

    import mlflow

    parent, chosen = continuation.find_checkpoint(settings, run_id, which)
    run, p = parent["run"], parent["run"].data.params
    train = type(settings.train).model_validate({**parent["train"], "base_model": parent["base_path"],
                                                 "from_checkpoint": None})
    tokenizer = bm.load_tokenizer(parent["base_path"])
    base_info = {"name": p.get("base_model.name"), "checksum": p.get("base_model.checksum", ""),
                 "stop_token_ids": tk.stop_token_ids(tokenizer)}
    job = _Job(settings.model_copy(update={"train": train}), parent["base_path"], base_info, tokenizer, 0.0,
               types.SimpleNamespace(lineage={"dataset_version": parent["dataset_version"]}),
               client=registry.client(), run_id=run_id, ray_run_name=run.data.tags["tunehouse.ray_run_name"])
    job.parent = continuation.parent_from_tags(run.data.tags)
    work = tracking.new_tmp_dir(job.run_dir, "register-")
    try:
        with mlflow.start_run(run_id=run_id):
            out = register_checkpoint(job, chosen, work, rule=f"chosen: {which}")
            mlflow.end_run(status=run.info.status)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out


def _save_merged(job: _Job, trained: dict, out: Path) -> Path:
    """The merged model + tokenizer as a Hugging Face folder, with the chat config the served model reads."""
    from tunehouse.model import chat as chat_model
    from tunehouse.training.modeling import merged_model

    ts = job.settings.train
    model = merged_model(job.base, ts.method, ts.lora, trained)
    model.save_pretrained(out)
    job.tokenizer.save_pretrained(out)
    stop_ids = job.base_info["stop_token_ids"]
    chat_cfg = {"model_name": f"{job.settings.tracking.registered_model}", "base_model": job.base_info["name"],
                "chat_template_sha256": bm.chat_template_hash(job.tokenizer), "stop_token_ids": stop_ids,
                "stop_tokens": job.tokenizer.convert_ids_to_tokens(stop_ids), "run_id": job.run_id,
                "max_seq_length": ts.max_seq_length,
                # how training rendered a system message, so the served model renders requests the same way
                "system_message": templates.system_handling(job.tokenizer)}
    (out / chat_model.CHAT_CONFIG_FILE).write_text(json.dumps(chat_cfg, indent=2), encoding="utf-8")
    return out


def _without_missing_validation(final: dict[str, float], data: PreparedData) -> dict[str, float]:
    """The final metrics, without validation ones when there was no validation data (the summary then says
    ``no validation data: validation skipped`` instead of a NaN loss)."""
    if not data.no_validation:
        return final
    log.warning("%s", data.no_validation)
    return {k: v for k, v in final.items() if not k.startswith("val_")}


def final_metrics(history: dict) -> dict[str, float]:
    """The job's summary: mean train loss of the last 5 steps, mean throughput, validation before and after."""
    out = {}
    steps = history.get("steps") or []
    if steps:
        tail = steps[-max(1, min(5, len(steps))):]
        out["train_loss"] = sum(r["train_loss"] for r in tail) / len(tail)
        out["steps"] = float(steps[-1]["step"])
        tps = [r["trainable_tokens_per_s"] for r in steps[1:]] or [steps[0]["trainable_tokens_per_s"]]
        out["trainable_tokens_per_s"] = sum(tps) / len(tps)
    if history.get("epochs"):
        if history["epochs"][0]["epoch"] == 0:
            out["val_loss_before"] = history["epochs"][0]["val_loss"]
            out["val_token_accuracy_before"] = history["epochs"][0]["val_token_accuracy"]
        out["val_loss"] = history["epochs"][-1]["val_loss"]
        out["val_token_accuracy"] = history["epochs"][-1]["val_token_accuracy"]
    return out


def _resumable_run(client, run_id: str) -> dict:
    """The Ray run name and train settings of a failed job, with the data folder and base model it resolved."""
    from tunehouse.training.runs import training_run

    run = training_run(client, run_id, not_found=f"no MLflow run {run_id!r} to resume")
    if run.info.status == "FINISHED":
        raise UserError(f"run {run_id} already finished; start a new job instead")
    path = client.download_artifacts(run_id, "config/train.json")
    train = json.loads(Path(path).read_text())
    # pin what "latest" resolved to when the job started, so a resumed job sees the same data and base
    p = run.data.params
    if p.get("data.dir"):
        train["train_data"] = p["data.dir"]
    if p.get("base_model.path"):
        train["base_model"] = p["base_model.path"]
        train["from_checkpoint"] = None  # base_model.path is the folder it resolved to
    return {"ray_run_name": run.data.tags["tunehouse.ray_run_name"], "train": train,
            "base_name": p.get("base_model.name")}


def _parent_label(parent: dict) -> str:
    if parent.get("kind") == "registered_model":
        return f"registered model {parent['model']} version {parent['version']} ({parent['uri']})"
    return f"run {parent['run_id']} epoch {parent['epoch']} (val_loss {parent['val_loss']:.4f})"


def _cancelled(job: _Job, result) -> TrainResult:
    """The workers stopped on a cancel request: no model is registered, the run ends KILLED."""
    import mlflow

    history = {}
    if result.checkpoint is not None:  # an epoch finished before the cancel
        _, history = checkpoint.read_final(result.checkpoint)
    steps = len(job.client.get_metric_history(job.run_id, "train_loss"))  # rank 0 logs every step
    mlflow_store.append_event(job.client, job.run_id, f"job cancelled after {steps} optimizer steps "
                              "(`tunehouse runs cancel`); nothing registered")
    mlflow.set_tag("tunehouse.cancelled", "true")
    mlflow.end_run(status="KILLED")
    return TrainResult(run_id=job.run_id, experiment_id="", model_uri=None, registered_name=None, version=None,
                       alias=None, final_metrics=final_metrics(history) if history else {}, history=history,
                       seconds=0.0, ray_run_name=job.ray_run_name, extra={"cancelled": True, "steps": steps})
