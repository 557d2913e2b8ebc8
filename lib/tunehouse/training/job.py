"""The driver of one fine-tuning job (``tunehouse train``), top to bottom:

    prepare data (tokenise + mask audit) -> open the MLflow run, log inputs -> start Ray, TorchTrainer.fit()
    with the recipe on every worker -> merge LoRA into the base -> log the chat model, register it, set the
    alias -> close the run

The workers' side is recipe.py (configured by the :class:`~tunehouse.training.recipe.WorkerConfig` built
here); data.py prepares the sequences; tracking.py logs to MLflow; cluster.py talks to Ray.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tunehouse import runtime
from tunehouse.errors import UserError
from tunehouse.model import registry
from tunehouse.model import tracking as mlflow_store
from tunehouse.training import base_model as bm
from tunehouse.training import cluster, tracking
from tunehouse.training import tokenize as tk
from tunehouse.training.data import PreparedData, prepare_data

if TYPE_CHECKING:
    from tunehouse.config import Settings
    from tunehouse.training.recipe import FaultInjection, WorkerConfig

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


def run_training(settings: "Settings", *, resume_run_id: str | None = None,
                 faults: "FaultInjection | None" = None) -> TrainResult:
    """Run one fine-tuning job end to end and return where its model went. ``resume_run_id`` continues a failed
    job from its latest checkpoint, with the settings it started with; ``faults`` is for tests."""
    t_start = time.time()
    runtime.quiet_libraries()
    prior = None
    if resume_run_id:  # the stored settings of the job come from its MLflow run
        mlflow_store.setup_mlflow(settings)
        prior = _resumable_run(registry.client(), resume_run_id)
        settings = settings.model_copy(update={"train": type(settings.train).model_validate(prior["train"])})
    if settings.train.strategy == "fsdp" and settings.train.use_gpu is False:
        raise UserError("train.strategy=fsdp needs GPUs (use_gpu true/auto); on CPU use ddp")
    job = _prepare(settings)
    exp_id = mlflow_store.setup_mlflow(settings)  # only now that base model and data are known good
    job.client = registry.client()

    started_ray = cluster.ensure_ray(settings)
    try:
        use_gpu = cluster.resolve_use_gpu(settings)
        if settings.train.strategy == "fsdp" and not use_gpu:
            raise UserError("train.strategy=fsdp needs GPUs; the Ray cluster has none (use strategy=ddp on CPU)")
        precision = cluster.resolve_precision(settings, use_gpu)
        out = _tracked_run(job, prior, resume_run_id, exp_id, use_gpu, precision, faults, t_start)
        out.experiment_id = exp_id
        out.seconds = time.time() - t_start
        return out
    finally:
        if started_ray:
            import ray

            ray.shutdown()


def _prepare(settings: "Settings") -> _Job:
    """Resolve and load the base model's tokenizer, the learning rate, and the prepared data."""
    ts = settings.train
    base = bm.resolve_base_model(settings)
    tokenizer = bm.load_tokenizer(base)
    stop_ids = tk.stop_token_ids(tokenizer)
    name = bm.model_name(base)
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
    return _Job(settings, base, base_info, tokenizer, lr, data)


def _local_or_hub(base: str) -> str:
    return str(Path(base).resolve()) if Path(base).exists() else base


def _tracked_run(job: _Job, prior: dict | None, resume_run_id: str | None, exp_id: str, use_gpu: bool,
                 precision: str, faults: "FaultInjection | None", t_start: float) -> TrainResult:
    """Inside the job's MLflow run: log the inputs (a new job), fit on Ray, log and register the model. A failure
    is recorded as an event and the run ends FAILED (resumable with ``train --resume``)."""
    import mlflow

    if prior:
        run_ctx = mlflow.start_run(run_id=resume_run_id)
    else:
        run_ctx = mlflow.start_run(run_name=time.strftime("train-%Y%m%d-%H%M%S"), experiment_id=exp_id)
    with run_ctx as run:
        job.run_id = run.info.run_id
        job.ray_run_name = prior["ray_run_name"] if prior else f"train-{job.run_id}"
        try:
            if prior:
                mlflow_store.append_event(job.client, job.run_id,
                                          "job resumed: Ray Train restores the latest checkpoint")
            else:
                _log_new_job(job, use_gpu, precision)
            t_fit = time.time()
            result = _fit(job, _worker_config(job, precision, faults), use_gpu)
            t_finish = time.time()
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
                     "tunehouse.dataset_version": str(data.lineage["dataset_version"])})
    mlflow_store.append_event(job.client, job.run_id, "job created")
    resolved = {"learning_rate": job.learning_rate, "base_learning_rate": ts.base_learning_rate(job.base_info["name"]),
                "use_gpu": use_gpu, "precision": precision, "world_size": ts.num_workers,
                "micro_batch_size": ts.micro_batch_size, "global_batch_size": ts.batch_size,
                "backend": "nccl" if use_gpu else "gloo"}
    tracking.log_job_inputs(job.settings, ts, resolved=resolved, lineage=data.lineage, base=job.base_info,
                            stats=data.stats, audit_text=data.audit_text)
    if data.no_validation:
        tracking.log_no_validation(job.client, job.run_id, data.no_validation)
    mlflow_store.append_event(
        job.client, job.run_id,
        f"data prepared and mask audit passed: {len(data.train)} training sequences, "
        f"{data.stats['train_trainable_tokens']} trainable tokens "
        f"({data.stats['train_trainable_fraction']:.1%}), {len(data.validation)} validation")


def _worker_config(job: _Job, precision: str, faults: "FaultInjection | None") -> "WorkerConfig":
    from tunehouse.training.recipe import Hyperparameters, WorkerConfig

    ts = job.settings.train
    if faults is not None:  # counted across restarts in a file next to the run's checkpoints
        faults = dataclasses.replace(faults, marker=str(_checkpoint_root(job.settings) / job.ray_run_name
                                                        / "injected_failure"))
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
            checkpoint_config=CheckpointConfig(num_to_keep=ts.keep_checkpoints),
        ),
    )
    try:
        return trainer.fit()
    except Exception as e:  # ray.train.TrainingFailedError and friends
        first = str(e).strip().splitlines()
        raise UserError(
            f"training failed (after up to {ts.max_failures} recoveries): {first[-1][:400] if first else e!r}; "
            f"Ray worker logs are under {job.settings.storage.ray.resolve()}"
        ) from e


def _log_model(job: _Job, result) -> TrainResult:
    """Merge the final checkpoint into the base, log metrics, history, loss curve and the chat model; register it."""
    import mlflow

    from tunehouse.training import checkpoint

    settings, ts = job.settings, job.settings.train
    if result.checkpoint is None:
        raise UserError("training produced no checkpoint")
    work = tracking.new_tmp_dir(settings.storage.checkpoints / job.ray_run_name, "final-")
    try:
        trained, history = checkpoint.read_final(result.checkpoint)
        merged = _save_merged(job, trained, work / "hf_model")
        final = _without_missing_validation(final_metrics(history), job.data)
        mlflow.log_metrics({f"final_{k}": v for k, v in final.items()})
        mlflow.log_dict(history, "training/history.json")
        mlflow.log_artifact(str(tracking.loss_curve_png(history, work / "loss_curve.png")), "plots")
        mlflow_store.append_event(job.client, job.run_id, "logging the merged model")
        reg = tracking.log_chat_model(
            merged,
            registered_name=settings.tracking.registered_model if ts.register_model else None,
            alias=ts.register_alias if ts.register_model else None,
            run_id=job.run_id,
            extra_tags={"base_model": job.base_info["name"], "base_checksum": job.base_info["checksum"][:16],
                        "dataset_version": job.data.lineage["dataset_version"], "method": ts.method},
        )
        if reg["version"]:
            mlflow.set_tags({"tunehouse.registered_model": reg["registered_name"],
                             "tunehouse.registered_version": reg["version"]})
            mlflow_store.append_event(job.client, job.run_id, f"registered {reg['registered_name']} version "
                                                              f"{reg['version']} with alias @{reg['alias']}")
        return TrainResult(run_id=job.run_id, experiment_id="", model_uri=reg["model_uri"],
                           registered_name=reg["registered_name"], version=reg["version"], alias=reg["alias"],
                           final_metrics=final, history=history, seconds=0.0, ray_run_name=job.ray_run_name,
                           checkpoint_dir=str(result.checkpoint.path),
                           extra={"validation": job.data.no_validation} if job.data.no_validation else {})
    finally:
        shutil.rmtree(work, ignore_errors=True)


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
                "max_seq_length": ts.max_seq_length}
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
    return {"ray_run_name": run.data.tags["tunehouse.ray_run_name"], "train": train}
