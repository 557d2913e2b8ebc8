"""FSDP2 (``fully_shard`` per decoder layer) on CPU/gloo: two sharded workers train exactly what one unsharded
process trains from the same seed and data — losses, gradient norms before clipping, and the clipped updates.

Clipping is active in every step (max_grad_norm far below the norms seen), so a wrong norm over sharded
gradients (each rank clipping by its own shard's norm, as the plain clip would do on local shards) would move
the weights differently and fail the weight comparison. LoRA dropout is 0 so no per-rank random stream differs.
"""

from __future__ import annotations

import dataclasses
import os
import socket

import pytest
import torch
import torch.multiprocessing as mp
from fixtures.train_corpus import make_conversations
from tunehouse.training import modeling
from tunehouse.training.data import validate_conversation
from tunehouse.training.recipe import Hyperparameters, train_in_process
from tunehouse.training.settings import TrainSettings
from tunehouse.training.tokenize import tokenize_conversations

MAX_GRAD_NORM = 0.05  # below every step's gradient norm: each update is clipped


@pytest.fixture(scope="module")
def examples(tokenizer):
    convs = [validate_conversation(r) for r in make_conversations(16, seed=5)]
    ex, _ = tokenize_conversations(tokenizer, convs, max_seq_length=64)
    return ex


def hyperparameters(method: str, *, num_workers: int, accumulation: int, max_steps: int = 3) -> Hyperparameters:
    """The same global batch (8) either on 2 workers x 1 micro-batch or 1 process x 2 micro-batches (step_plan
    puts the same examples in the same micro-batches either way)."""
    ts = TrainSettings.model_validate({
        "method": method, "batch_size": 8, "num_workers": num_workers, "gradient_accumulation_steps": accumulation,
        "n_epochs": 2, "max_steps": max_steps, "seed": 3, "learning_rate_multiplier": 1.0, "warmup_ratio": 0.0,
        "lr_scheduler": "constant", "max_grad_norm": MAX_GRAD_NORM,
        "lora": {"r": 4, "alpha": 8, "dropout": 0.0, "target_modules": ["q_proj", "v_proj", "down_proj"]}})
    return Hyperparameters.from_settings(ts, learning_rate=ts.learning_rate("tunehouse-tiny-base"), precision="auto")


def reference_run(base_dir, examples, pad_token_id: int, method: str):
    torch.set_num_threads(1)
    model, rows = train_in_process(str(base_dir), hyperparameters(method, num_workers=1, accumulation=2),
                                   examples, pad_token_id=pad_token_id)
    return modeling.trainable_state_dict(model), rows


def assert_same_training(sharded_rows, sharded_state, ref_rows, ref_state):
    assert len(sharded_rows) == len(ref_rows) == 3
    for got, want in zip(sharded_rows, ref_rows):
        assert got["grad_norm"] > MAX_GRAD_NORM  # clipping was active
        assert got["train_loss"] == pytest.approx(want["train_loss"], rel=1e-5)
        assert got["grad_norm"] == pytest.approx(want["grad_norm"], rel=1e-4)
    assert set(sharded_state) == set(ref_state) and ref_state
    for name, want in ref_state.items():
        # Adam divides each update by the gradient's own scale, so float-level differences in summation order
        # (two shards vs one process) reach ~5e-5 in the weights after 3 full fine-tuning steps at the tiny
        # base's LR 0.1 (measured after padded rows started continuing their position ids); a wrong clip is
        # caught by the grad_norm check above, a wrong update would be off by the order of the LR
        torch.testing.assert_close(sharded_state[name], want, rtol=1e-4, atol=2e-4, msg=name)


# --------------------------------------------------------------------------- plain torch processes (fast)
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sharded_worker(rank: int, world: int, port: int, base_dir: str, examples, pad_token_id: int, method: str,
                    out_dir: str) -> None:
    """One gloo process: the worker's own model setup (modeling.shard_model) and Recipe steps."""
    import torch.distributed as dist
    from tunehouse.training import checkpoint as ckpt
    from tunehouse.training.recipe import (
        Recipe,
        run_epochs,
        seed_everything,
        worker_model,
    )

    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port))
    dist.init_process_group("gloo", rank=rank, world_size=world)
    try:
        torch.set_num_threads(1)
        hp = hyperparameters(method, num_workers=world, accumulation=1)
        hp = dataclasses.replace(hp, precision=modeling.device_precision(hp.precision, torch.device("cpu")))
        seed_everything(hp.seed)
        model = modeling.shard_model(worker_model(base_dir, hp), torch.device("cpu"), world, hp.precision)
        assert modeling.is_fsdp(model)
        recipe = Recipe(model, hp, pad_token_id=pad_token_id, n_train=len(examples), rank=rank, world=world)
        assert all(hasattr(p, "full_tensor") for p in recipe.params)  # the trained parameters are sharded DTensors
        rows: list[dict] = []
        run_epochs(recipe, examples, ckpt.Position(), after_step=rows.append)
        state = modeling.full_trainable_state(model)  # a collective
        if rank == 0:
            torch.save({"rows": rows, "state": state}, os.path.join(out_dir, "rank0.pt"))
    finally:
        dist.destroy_process_group()


@pytest.mark.parametrize("method", ["lora", "full"])
def test_fsdp2_on_two_gloo_processes_trains_what_one_process_trains(base_dir, tokenizer, examples, tmp_path,
                                                                     method):
    mp.start_processes(_sharded_worker, nprocs=2, start_method="spawn", join=True,
                       args=(2, _free_port(), str(base_dir), examples, tokenizer.pad_token_id, method, str(tmp_path)))
    got = torch.load(tmp_path / "rank0.pt", weights_only=False)
    ref_state, ref_rows = reference_run(base_dir, examples, tokenizer.pad_token_id, method)
    assert_same_training(got["rows"], got["state"], ref_rows, ref_state)


def test_decoder_layers_are_the_fsdp_units(base_dir):
    """Each Llama decoder layer is found (its own FSDP unit), for a plain and a LoRA-wrapped model."""
    hp = hyperparameters("lora", num_workers=1, accumulation=2)
    for method in ("full", "lora"):
        model = modeling.build_model(str(base_dir), method, hp.lora)
        layers = modeling.decoder_layers(model)
        assert [type(m).__name__ for m in layers] == ["LlamaDecoderLayer"] * model.config.num_hidden_layers


# --------------------------------------------------------------------------- the real Ray Train worker loop
@pytest.mark.slow
def test_fsdp_strategy_on_ray_gloo_workers_matches_one_process(ray_runtime, base_dir, tokenizer, examples,
                                                                tmp_path):
    """train_loop_per_worker with strategy=fsdp on 2 Ray Train CPU workers (gloo): the checkpoint it reports
    (gathered from the shards) and its loss history equal the unsharded in-process run — with a worker killed
    in step 3, so Ray Train restarts both from the epoch-1 checkpoint (each rank's sharded optimizer state)."""
    import functools

    import ray
    from ray.train import FailureConfig, RunConfig, ScalingConfig
    from ray.train.torch import TorchConfig, TorchTrainer
    from tunehouse import runtime
    from tunehouse.training import checkpoint
    from tunehouse.training.recipe import (
        FaultInjection,
        WorkerConfig,
        WorkerData,
        train_loop_per_worker,
    )

    cfg = WorkerConfig(base_model=str(base_dir), hp=hyperparameters("full", num_workers=2, accumulation=1),
                       pad_token_id=tokenizer.pad_token_id, strategy="fsdp", torch_threads=1, log_every_steps=1,
                       mlflow_tracking_uri="", mlflow_run_id=None, env=runtime.worker_env(),
                       faults=FaultInjection(at_step=3, times=1, marker=str(tmp_path / "injected_failure")))
    data = WorkerData(train_ref=ray.put(examples), val_ref=ray.put(examples[:4]))
    result = TorchTrainer(functools.partial(train_loop_per_worker, cfg, data),
                          torch_config=TorchConfig(backend="gloo"),
                          scaling_config=ScalingConfig(num_workers=2, use_gpu=False),
                          run_config=RunConfig(name="fsdp-gloo", storage_path=str(tmp_path),
                                               failure_config=FailureConfig(max_failures=1))).fit()
    state, history = checkpoint.read_final(result.checkpoint)
    assert len(cfg.faults.injected()) == 1  # the failure happened, and was recovered from
    assert [e["message"] for e in history["events"]] == ["resumed from checkpoint at epoch 1, step 2"]
    ref_state, ref_rows = reference_run(base_dir, examples, tokenizer.pad_token_id, "full")
    assert_same_training(history["steps"], state, ref_rows, ref_state)
