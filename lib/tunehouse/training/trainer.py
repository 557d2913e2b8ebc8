"""Orchestration of one fine-tuning job (the driver side).

    prepare data (tokenise + mask audit) -> open the MLflow run, log inputs -> Ray TorchTrainer.fit()
    -> merge LoRA into the base -> log the chat model, register it, set the alias -> close the run

The per-worker loop is in loop.py; MLflow helpers in tracking.py.
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tunehouse import runtime
from tunehouse.errors import UserError
from tunehouse.model import registry
from tunehouse.model import tracking as mlflow_store
from tunehouse.training import base_model as bm
from tunehouse.training import data as td
from tunehouse.training import tracking

if TYPE_CHECKING:
    from tunehouse.config import Settings

log = logging.getLogger(__name__)


@dataclass
class PreparedData:
    data_dir: Path
    lineage: dict
    train: list
    validation: list
    stats: dict
    audit_text: str


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


# --------------------------------------------------------------------------- data
def prepare_data(settings: "Settings", tokenizer) -> PreparedData:
    """Read, tokenise and audit the train/validation JSONL of the configured (or latest) export."""
    ts = settings.train
    data_dir = Path(ts.train_data) if ts.train_data else td.latest_export(settings.storage.exports)
    if not (data_dir / "train.jsonl").is_file():
        raise UserError(f"no train.jsonl in {data_dir}")
    lineage = td.data_lineage(data_dir)
    if lineage["manifest_mismatches"]:
        raise UserError(f"{data_dir}: files changed since manifest.json was written: {lineage['manifest_mismatches']}")
    kw = dict(max_seq_length=ts.max_seq_length, truncation_side=ts.truncation_side,
              fractional_weights=ts.fractional_weights, packing=ts.packing)
    train, train_stats = td.tokenize_conversations(tokenizer, td.read_chat_jsonl(data_dir / "train.jsonl"), **kw)
    if not train:
        raise UserError(f"{data_dir / 'train.jsonl'}: no conversation has a trainable assistant reply (weight > 0)")
    val_file = data_dir / "validation.jsonl"
    if val_file.is_file():
        validation, val_stats = td.tokenize_conversations(tokenizer, td.read_chat_jsonl(val_file), **kw)
    else:
        log.warning("no validation.jsonl in %s: validating on the first training examples", data_dir)
        validation, val_stats = train[: max(1, len(train) // 10)], None
    if ts.max_eval_examples:
        validation = validation[: ts.max_eval_examples]
    if not validation:
        raise UserError(f"{val_file}: no validation conversation has a trainable assistant reply")
    audit_all(train, tokenizer.pad_token_id, ts.micro_batch_size)
    stats = {f"train_{k}": v for k, v in train_stats.as_dict().items()}
    if val_stats:
        stats.update({f"validation_{k}": v for k, v in val_stats.as_dict().items()})
    stats["padding_fraction"] = padding_fraction(train, ts.micro_batch_size)
    audit_text = audit_report(tokenizer, train, train_stats, ts.audit_examples)
    return PreparedData(data_dir, lineage, train, validation, stats, audit_text)


def audit_all(examples: list, pad_token_id: int, micro_batch_size: int) -> None:
    """Collate every example, alone and in consecutive micro-batches, and run the mask audit on each."""
    for i, ex in enumerate(examples):
        td.audit_batch(td.collate([ex], pad_token_id), where=f"training example {i}")
    for i in range(0, len(examples), micro_batch_size):
        td.audit_batch(td.collate(examples[i:i + micro_batch_size], pad_token_id), where=f"examples {i}..")


def padding_fraction(examples: list, micro_batch_size: int) -> float:
    """Share of padding tokens when examples are batched in order, micro_batch_size at a time."""
    pad = total = 0
    for i in range(0, len(examples), micro_batch_size):
        chunk = examples[i:i + micro_batch_size]
        n = max(len(e) for e in chunk)
        total += n * len(chunk)
        pad += sum(n - len(e) for e in chunk)
    return pad / total if total else 0.0


def audit_report(tokenizer, examples: list, stats, n: int) -> str:
    lines = [
        "Mask audit: trained spans are wrapped in [[ ]] (with w=<weight> when the weight is not 1);",
        "everything outside them has label -100 (no loss).",
        f"conversations={stats.conversations} kept={stats.kept} dropped_no_trainable={stats.dropped_no_trainable} "
        f"truncated={stats.truncated} trainable_tokens={stats.trainable_tokens}/{stats.tokens} "
        f"({stats.as_dict()['trainable_fraction']:.1%}) trainable_tokens_lost_to_truncation={stats.trainable_tokens_lost}",
        "",
    ]
    for i, ex in enumerate(examples[:n]):
        lines += [f"===== example {i} ({len(ex)} tokens, {ex.n_trainable} trainable) =====",
                  td.render_mask(tokenizer, ex), ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- Ray
def ensure_ray(settings: "Settings") -> bool:
    """Connect to / start Ray; return True when this call started it (and should shut it down)."""
    import ray

    if ray.is_initialized():
        return False
    ts = settings.train
    if ts.ray_address:
        ray.init(address=ts.ray_address, log_to_driver=True)
        return True
    temp = ray_temp_dir(settings)
    need = math.ceil(ts.num_workers * ts.cpus_per_worker)
    # The dashboard process serves the state API that Ray Train V2's placement-group cleaner polls; without
    # it that actor logs a warning every second. Bound to localhost on a free port (no clash with other runs).
    ray.init(num_cpus=max(need, os.cpu_count() or 1), _temp_dir=str(temp), include_dashboard=True,
             dashboard_host="127.0.0.1", dashboard_port=_free_port(), log_to_driver=True,
             logging_level=logging.WARNING)
    return True


def ray_temp_dir(settings: "Settings", max_len: int = 40) -> str:
    """storage.root/ray, reached through a short /tmp symlink when its path is long: Ray puts Unix sockets
    under it (session_<timestamp>/sockets/dash_MetricsHead...) and AF_UNIX paths are capped at 107 bytes."""
    import hashlib
    import tempfile

    real = settings.storage.ray.resolve()
    real.mkdir(parents=True, exist_ok=True)
    if len(str(real)) <= max_len:
        return str(real)
    link = Path(tempfile.gettempdir()) / f"tunehouse-ray-{hashlib.sha1(str(real).encode()).hexdigest()[:10]}"
    if link.is_symlink() and os.readlink(link) != str(real):
        link.unlink()
    if not link.exists():
        link.symlink_to(real, target_is_directory=True)
    return str(link)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def resolve_use_gpu(settings: "Settings") -> bool:
    import ray

    want = settings.train.use_gpu
    gpus = ray.cluster_resources().get("GPU", 0)
    if want == "auto":
        return gpus >= 1
    if want and gpus < 1:
        raise UserError("train.use_gpu is true but the Ray cluster has no GPU")
    return bool(want)


def resolve_precision(settings: "Settings", use_gpu: bool) -> str:
    p = settings.train.precision
    if p == "auto":
        if not use_gpu:
            return "fp32"
        import torch

        return "bf16" if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else "fp32"
    if p == "bf16" and not use_gpu:
        log.warning("bf16 on CPU is slow and rarely helps; consider precision=fp32")
    return p


# --------------------------------------------------------------------------- the job
def run_training(settings: "Settings", *, resume_run_id: str | None = None, hooks: dict | None = None) -> TrainResult:
    """Run one fine-tuning job end to end and return where its model went. ``hooks`` is for tests
    (``{"fail_at_step": 3, "fail_times": 1}`` makes the last worker fail at that step, that many times)."""
    import mlflow
    t_start = time.time()
    hooks = hooks or {}
    runtime.quiet_libraries()
    prior = exp_id = client = None
    if resume_run_id:  # the stored settings of the job come from its MLflow run
        exp_id = mlflow_store.setup_mlflow(settings)
        client = registry.client()
        prior = _resumable_run(client, resume_run_id)
        settings = settings.model_copy(update={"train": type(settings.train).model_validate(prior["train"])})
    ts = settings.train
    if ts.strategy == "fsdp" and ts.use_gpu is False:
        raise UserError("train.strategy=fsdp needs GPUs (use_gpu true/auto); on CPU use ddp")

    base = bm.resolve_base_model(settings)
    tokenizer = bm.load_tokenizer(base)
    stop_ids = td.stop_token_ids(tokenizer)
    name = bm.model_name(base)
    try:
        lr = ts.learning_rate(name)
    except ValueError as e:
        raise UserError(str(e)) from None
    log.info("preparing data ...")
    data = prepare_data(settings, tokenizer)
    log.info("data: %d training sequences (%d trainable tokens), %d validation; %s", len(data.train),
             data.stats["train_trainable_tokens"], len(data.validation), data.data_dir)
    if client is None:  # only now that base model and data are known good
        exp_id = mlflow_store.setup_mlflow(settings)
        client = registry.client()

    started_ray = ensure_ray(settings)
    try:
        import ray

        use_gpu = resolve_use_gpu(settings)
        if ts.strategy == "fsdp" and not use_gpu:
            raise UserError("train.strategy=fsdp needs GPUs; the Ray cluster has none (use strategy=ddp on CPU)")
        precision = resolve_precision(settings, use_gpu)
        base_info = {"name": name, "path": str(Path(base).resolve()) if Path(base).exists() else base,
                     "checksum": bm.checksum_dir(base), "chat_template_sha256": bm.chat_template_hash(tokenizer),
                     "stop_token_ids": stop_ids, "stop_tokens": tokenizer.convert_ids_to_tokens(stop_ids)}
        resolved = {"learning_rate": lr, "base_learning_rate": ts.base_learning_rate(name), "use_gpu": use_gpu,
                    "precision": precision, "world_size": ts.num_workers, "micro_batch_size": ts.micro_batch_size,
                    "global_batch_size": ts.batch_size, "backend": "nccl" if use_gpu else "gloo"}

        if prior:
            run_ctx = mlflow.start_run(run_id=resume_run_id)
        else:
            run_ctx = mlflow.start_run(run_name=time.strftime("train-%Y%m%d-%H%M%S"), experiment_id=exp_id)
        with run_ctx as run:
            run_id = run.info.run_id
            ray_run_name = prior["ray_run_name"] if prior else f"train-{run_id}"
            try:
                if prior:
                    mlflow_store.append_event(client, run_id, "job resumed: Ray Train restores the latest checkpoint")
                else:
                    mlflow.set_tags({mlflow_store.JOB_TAG: "train", "tunehouse.ray_run_name": ray_run_name,
                                     "tunehouse.base_model": name, "tunehouse.method": ts.method,
                                     "tunehouse.dataset_version": str(data.lineage["dataset_version"])})
                    mlflow_store.append_event(client, run_id, "job created")
                    tracking.log_job_inputs(settings, ts, resolved=resolved, lineage=data.lineage, base=base_info,
                                            stats=data.stats, audit_text=data.audit_text)
                    mlflow_store.append_event(
                        client, run_id,
                        f"data prepared and mask audit passed: {len(data.train)} training sequences, "
                        f"{data.stats['train_trainable_tokens']} trainable tokens "
                        f"({data.stats['train_trainable_fraction']:.1%}), {len(data.validation)} validation")
                t_fit = time.time()
                result = _fit(settings, data, base, lr, use_gpu, precision, tokenizer.pad_token_id, run_id,
                              ray_run_name, hooks)
                t_finish = time.time()
                mlflow_store.append_event(client, run_id, f"training finished ({t_finish - t_fit:.0f}s in Ray Train)")
                out = _finish(settings, client, run_id, result, base, tokenizer, stop_ids, base_info, data,
                              ray_run_name)
                timings = {"time_prepare_s": t_fit - t_start, "time_ray_fit_s": t_finish - t_fit,
                           "time_log_model_s": time.time() - t_finish}
                mlflow.log_metrics(timings)
                out.extra.update(timings)
            except BaseException as e:
                msg = str(e).splitlines()[0][:500] if str(e) else type(e).__name__
                mlflow_store.append_event(client, run_id, f"job failed: {msg}")
                mlflow.end_run(status="FAILED")
                raise
        out.experiment_id = exp_id
        out.seconds = time.time() - t_start
        return out
    finally:
        if started_ray:
            ray.shutdown()


def _fit(settings, data: PreparedData, base: str, lr: float, use_gpu: bool, precision: str, pad_id: int,
         run_id: str, ray_run_name: str, hooks: dict):
    import ray
    from ray.train import CheckpointConfig, FailureConfig, RunConfig, ScalingConfig
    from ray.train.torch import TorchConfig, TorchTrainer

    from tunehouse.training.loop import train_loop_per_worker

    ts = settings.train
    storage = settings.storage.checkpoints.resolve()
    storage.mkdir(parents=True, exist_ok=True)
    cfg = {
        "base_model": str(Path(base).resolve()) if Path(base).exists() else base,
        "method": ts.method,
        "lora": ts.lora.model_dump(),
        "learning_rate": lr,
        "lr_scheduler": ts.lr_scheduler,
        "warmup_ratio": ts.warmup_ratio,
        "weight_decay": ts.weight_decay,
        "max_grad_norm": ts.max_grad_norm,
        "n_epochs": ts.n_epochs,
        "max_steps": ts.max_steps,
        "seed": ts.seed,
        "micro_batch_size": ts.micro_batch_size,
        "gradient_accumulation_steps": ts.gradient_accumulation_steps,
        "precision": precision,
        "strategy": ts.strategy,
        "torch_threads": ts.torch_threads,
        "log_every_steps": ts.log_every_steps,
        "pad_token_id": pad_id,
        "train_ref": ray.put(data.train),
        "val_ref": ray.put(data.validation),
        "mlflow_tracking_uri": settings.mlflow_tracking_uri(),
        "mlflow_run_id": run_id,
        "env": runtime.worker_env(),
        "fail_at_step": hooks.get("fail_at_step"),
        "fail_times": hooks.get("fail_times", 1),
        "fail_marker": str(storage / ray_run_name / "injected_failure") if hooks.get("fail_at_step") else None,
    }
    trainer = TorchTrainer(
        train_loop_per_worker,
        train_loop_config=cfg,
        torch_config=TorchConfig(backend="nccl" if use_gpu else "gloo"),
        scaling_config=ScalingConfig(num_workers=ts.num_workers, use_gpu=use_gpu,
                                     resources_per_worker={"CPU": ts.cpus_per_worker}),
        run_config=RunConfig(
            name=ray_run_name,
            storage_path=str(storage),
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
            f"Ray worker logs are under {settings.storage.ray.resolve()}"
        ) from e


def _finish(settings, client, run_id, result, base, tokenizer, stop_ids, base_info, data, ray_run_name) -> TrainResult:
    """Read the final checkpoint, merge, log metrics/plot/model, register, alias."""
    import mlflow
    import torch

    from tunehouse.model import chat as chat_model
    from tunehouse.training.loop import HISTORY_FILE, STATE_FILE, build_model

    ts = settings.train
    if result.checkpoint is None:
        raise UserError("training produced no checkpoint")
    work = tracking.new_tmp_dir(settings.storage.checkpoints / ray_run_name, "final-")
    try:
        with result.checkpoint.as_directory() as d:
            state = torch.load(Path(d) / STATE_FILE, map_location="cpu", weights_only=False)
            history = json.loads((Path(d) / HISTORY_FILE).read_text())
        cfg = {"base_model": base, "method": ts.method, "lora": ts.lora.model_dump()}
        model = build_model(cfg)
        missing = set(state["model"]) - set(model.state_dict())
        if missing:
            raise UserError(f"checkpoint does not match the model: {sorted(missing)[:3]}")
        model.load_state_dict(state["model"], strict=False)
        if ts.method == "lora":
            model = model.merge_and_unload()
        model.config.use_cache = True
        gen_stop = td.generation_stop_ids(tokenizer)
        merged = work / "hf_model"
        model.save_pretrained(merged)
        tokenizer.save_pretrained(merged)
        chat_cfg = {"model_name": f"{settings.tracking.registered_model}", "base_model": base_info["name"],
                    "chat_template_sha256": bm.chat_template_hash(tokenizer), "stop_token_ids": stop_ids,
                    "stop_tokens": tokenizer.convert_ids_to_tokens(stop_ids), "run_id": run_id,
                    "max_seq_length": ts.max_seq_length}
        (merged / chat_model.CHAT_CONFIG_FILE).write_text(json.dumps(chat_cfg, indent=2), encoding="utf-8")

        final = _final_metrics(history)
        mlflow.log_metrics({f"final_{k}": v for k, v in final.items()})
        mlflow.log_dict(history, "training/history.json")
        mlflow.log_artifact(str(tracking.loss_curve_png(history, work / "loss_curve.png")), "plots")
        mlflow_store.append_event(client, run_id, "logging the merged model")
        reg = tracking.log_chat_model(
            merged,
            registered_name=settings.tracking.registered_model if ts.register_model else None,
            alias=ts.register_alias if ts.register_model else None,
            run_id=run_id,
            extra_tags={"base_model": base_info["name"], "base_checksum": base_info["checksum"][:16],
                        "dataset_version": data.lineage["dataset_version"], "method": ts.method},
            with_signature=tracking.registry_needs_signature(settings),
        )
        if reg["version"]:
            mlflow.set_tags({"tunehouse.registered_model": reg["registered_name"],
                             "tunehouse.registered_version": reg["version"]})
            mlflow_store.append_event(client, run_id, f"registered {reg['registered_name']} version {reg['version']} "
                                                  f"with alias @{reg['alias']}")
        return TrainResult(run_id=run_id, experiment_id="", model_uri=reg["model_uri"],
                           registered_name=reg["registered_name"], version=reg["version"], alias=reg["alias"],
                           final_metrics=final, history=history, seconds=0.0, ray_run_name=ray_run_name,
                           checkpoint_dir=str(result.checkpoint.path))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _final_metrics(history: dict) -> dict[str, float]:
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
    from mlflow.exceptions import MlflowException

    try:
        run = client.get_run(run_id)
    except MlflowException:
        raise UserError(f"no MLflow run {run_id!r} to resume") from None
    if run.data.tags.get(mlflow_store.JOB_TAG) != "train":
        raise UserError(f"run {run_id} is not a tunehouse training run")
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
