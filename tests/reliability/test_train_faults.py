"""Training faults (issue 13, part 3): a SIGKILLed Ray Train worker, a NaN loss and an out-of-memory step.

The slow test runs the probe's fault sequence (benchmarks/reliability/train_faults.py) on real Ray Train jobs
(2 CPU workers) against the session's uninterrupted run; the fast ones check the step's NaN guard and the
out-of-memory message in-process."""

from __future__ import annotations

import math

import pytest
import torch
from fixtures.train_corpus import make_conversations
from reliability import train_faults
from tunehouse.training import faults
from tunehouse.training.data import validate_conversation
from tunehouse.training.recipe import Hyperparameters, Recipe, worker_model
from tunehouse.training.settings import TrainSettings
from tunehouse.training.tokenize import tokenize_conversations


def _hp(**train) -> Hyperparameters:
    ts = TrainSettings.model_validate({"batch_size": 4, "num_workers": 1, "n_epochs": 1, "max_grad_norm": 1.0,
                                       "lora": {"r": 4, "alpha": 8, "dropout": 0.0}, **train})
    return Hyperparameters.from_settings(ts, learning_rate=1e-3, precision="fp32")


def test_a_nan_weight_stops_the_step_before_the_optimizer_moves(base_dir, tokenizer, tmp_path):
    """A NaN in one weight makes the step's loss and gradient norm NaN: Recipe.step raises NonFiniteLoss and
    the optimizer never runs (every other weight as before, no AdamW state), so nothing diverged is saved."""
    convs = [validate_conversation(r) for r in make_conversations(4, seed=3)]
    examples, _ = tokenize_conversations(tokenizer, convs, max_seq_length=64)
    hp = _hp()
    recipe = Recipe(worker_model(str(base_dir), hp), hp, pad_token_id=tokenizer.pad_token_id, n_train=len(examples))
    before = [p.detach().clone() for p in recipe.params]
    fault = faults.FaultInjection(at_step=1, kind="nan").placed(tmp_path)
    fault.before_step(1, 0, 1, recipe.model, "cpu")
    with pytest.raises(faults.NonFiniteLoss) as e:
        recipe.step(recipe.micro_batches(examples, recipe.plan(0)[0], where="test"))
    assert math.isnan(e.value.train_loss) and math.isnan(e.value.grad_norm)
    assert all(torch.equal(a, b) for a, b in zip(before[1:], recipe.params[1:]))
    assert not recipe.optimizer.state and all(p.grad is None for p in recipe.params)
    assert len(fault.injected()) == 1
    message = faults.non_finite_message(e.value, step=11, epoch=1, hp=hp)
    assert "non-finite at step 11 (epoch 2)" in message and "learning_rate_multiplier" in message


def test_a_failed_cpu_allocation_is_out_of_memory_with_the_levers():
    """torch's CPU allocator failing (a RuntimeError, not MemoryError) is recognised, and the message names the
    settings that lower memory instead of the allocator's text alone."""
    with pytest.raises(RuntimeError) as e:
        torch.empty(10**14, dtype=torch.uint8)  # 100 TB: refused at once
    assert faults.is_out_of_memory(e.value) and faults.is_out_of_memory(MemoryError())
    assert not faults.is_out_of_memory(RuntimeError("shape mismatch"))
    message = faults.out_of_memory_message(e.value, step=3, epoch=0, rank=1, hp=_hp(), device="cuda")
    for lever in ("micro_batch_size (now 4", "max_seq_length", "gradient_checkpointing=true", "load_in_4bit=true",
                  "--from-checkpoint", "out of memory on worker rank 1 (cuda) at step 3 (epoch 1)"):
        assert lever in message
    with pytest.raises(ValueError, match="fault kind"):
        faults.FaultInjection(at_step=1, kind="segfault")


@pytest.mark.slow
def test_kill_oom_nan_then_resume_reproduce_the_uninterrupted_run(uninterrupted_run, base_dir, base_root,
                                                                   tmp_path):
    """One job: a worker SIGKILLed at step 8 (Ray Train restarts from epoch 1), out of memory at step 10 (the
    job ends FAILED with the levers; the restart Ray Train makes finds the fault report and stops), epoch 1
    registered from the failed run, resumed into a NaN at step 11 (every rank stops there: FAILED, no restart,
    no NaN checkpoint), resumed again to the end: the loss curve of the uninterrupted run, within 1e-5."""
    _, reference = uninterrupted_run
    seq = train_faults.fault_sequence(tmp_path, base_dir, base_root / "exports" / "v1", reference.history)
    seen = {k: v for k, v in seq.items() if k != "final"}

    assert seq["kill_pid_gone"] and seq["kill_restarts"] == 1 and seq["kill_python_event"] == 0, seen
    assert seq["oom_status"] == "FAILED" and seq["oom_checkpoints"] == [1] and seq["registered_epoch"] == "1", seen
    assert seq["oom_error"].startswith("training stopped: out of memory on worker rank 1 (cpu) at step 10 "
                                       "(epoch 2): MemoryError"), seq["oom_error"]
    assert "micro_batch_size" in seq["oom_error"] and "Traceback" not in seq["oom_error"]
    assert seq["nan_status"] == "FAILED" and seq["nan_checkpoints"] == [1], seq["nan_error"]
    assert "loss became non-finite at step 11 (epoch 2)" in seq["nan_error"]
    assert seq["nan_restarts"] == 0 and seq["nan_failed_workers"] == 0, seen
    assert seq["final_status"] == "FINISHED" and seq["final"].version == "2", seen
    assert seq["non_finite_checkpoints"] == 0, seen
    torch.testing.assert_close([s["train_loss"] for s in seq["final"].history["steps"]],
                               [s["train_loss"] for s in reference.history["steps"]], rtol=1e-5, atol=0)
    torch.testing.assert_close([e["val_loss"] for e in seq["final"].history["epochs"]],
                               [e["val_loss"] for e in reference.history["epochs"]], rtol=1e-5, atol=0)
    figures = train_faults.counts(seq)
    assert figures["worker_kills_not_recovered"] == figures["nan_stops_wrong"] == figures["oom_stops_wrong"] == 0
