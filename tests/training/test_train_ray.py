"""Real Ray Train runs (2 CPU workers) with a real MLflow SQLite store: registration, lineage, resume, seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from fixtures.training import train_settings
from tunehouse.errors import UserError

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run_a(uninterrupted_run):
    return uninterrupted_run


def _client(settings):
    import mlflow
    from mlflow.tracking import MlflowClient

    mlflow.set_tracking_uri(settings.mlflow_tracking_uri())
    return MlflowClient()


def test_two_worker_run_registers_a_changed_model(run_a, base_dir, base_root):
    import mlflow
    from transformers import AutoModelForCausalLM

    settings, r = run_a
    client = _client(settings)
    assert (r.registered_name, r.version, r.alias) == ("tunehouse-chat", "1", "candidate")
    mv = client.get_model_version_by_alias("tunehouse-chat", "candidate")
    assert mv.run_id == r.run_id

    # 2 epochs of 48 examples at batch 8 -> 12 steps, all logged; validation before training and per epoch
    assert len(r.history["steps"]) == 12 and [e["epoch"] for e in r.history["epochs"]] == [0, 1, 2]
    assert len(client.get_metric_history(r.run_id, "train_loss")) == 12
    assert [m.step for m in client.get_metric_history(r.run_id, "val_loss")] == [0, 6, 12]

    run = client.get_run(r.run_id)
    p = run.data.params
    assert p["batch_size"] == "8" and p["n_epochs"] == "2" and p["resolved.world_size"] == "2"
    assert p["resolved.backend"] == "gloo" and p["resolved.precision"] == "fp32" and "lib.torch" in p
    assert p["data.gold_table_version"] == "3" and p["data.train.rows"] == "48"
    from tunehouse.contracts.exports import file_sha256

    assert p["data.train.sha256"] == file_sha256(base_root / "exports" / "v1" / "train.jsonl")
    assert p["base_model.name"] == "tunehouse-tiny-base" and len(p["base_model.checksum"]) == 64
    assert json.loads(p["base_model.stop_tokens"]) == ["<|im_end|>"]
    digests = {d.dataset.name: d.dataset.digest for d in run.inputs.dataset_inputs}
    assert digests["v1/train.jsonl"] == p["data.train.sha256"][:16]
    arts = {a.path for a in client.list_artifacts(r.run_id)} | {
        a.path for d in ("plots", "mask_audit", "config") for a in client.list_artifacts(r.run_id, d)}
    assert {"plots/loss_curve.png", "mask_audit/examples.txt", "mask_audit/summary.json", "lineage.json",
            "config/resolved.yaml"} <= arts
    audit = Path(client.download_artifacts(r.run_id, "mask_audit/examples.txt")).read_text()
    assert "[[" in audit and "<|im_end|>]]" in audit

    # the registered model answers chat requests, and its weights moved away from the base
    model = mlflow.pyfunc.load_model("models:/tunehouse-chat@candidate")
    out = model.predict({"messages": [{"role": "user", "content": "Hi, my order <ORDER_1> has not arrived yet."}],
                         "max_tokens": 4})
    assert out["object"] == "chat.completion" and out["usage"]["completion_tokens"] >= 1
    tuned = model.unwrap_python_model().model.state_dict()
    base = AutoModelForCausalLM.from_pretrained(base_dir).state_dict()
    changed = [k for k in base if "q_proj" in k and not torch.equal(base[k], tuned[k])]
    assert changed, "LoRA training did not change the merged attention weights"
    assert all(torch.equal(base[k], tuned[k]) for k in base if "mlp" in k)  # not targeted by LoRA


def test_runs_command_lists_and_shows_the_job(run_a, capsys):
    from tunehouse import cli

    settings, r = run_a
    assert cli.main(["runs", "--set", f"storage.root={settings.storage.root}"]) == 0
    listing = capsys.readouterr().out
    assert r.run_id[:12] in listing and "FINISHED" in listing and "tunehouse-chat v1" in listing
    assert cli.main(["runs", "show", r.run_id[:8], "--set", f"storage.root={settings.storage.root}"]) == 0
    shown = capsys.readouterr().out
    for needle in ("learning_rate_multiplier = 0.5", "training started on 2 workers", "epoch 2 finished",
                   "registered tunehouse-chat version 1"):
        assert needle in shown


def test_failures_resume_from_checkpoints_with_the_same_loss_curve(run_a, base_root, base_dir, tmp_path):
    """A worker dies in epoch 2 (twice): Ray Train restarts it from the epoch-1 checkpoint (max_failures=1),
    the second death fails the job, and `train --resume` continues it from that checkpoint (model, optimizer,
    scheduler, data position, RNG). With the same seed its loss curve equals the uninterrupted run's."""
    from tunehouse.training import runs
    from tunehouse.training.job import run_training
    from tunehouse.training.recipe import FaultInjection

    _, a = run_a
    settings = train_settings(tmp_path, base_dir, base_root / "exports" / "v1", max_failures=1)
    with pytest.raises(UserError, match="injected failure"):
        run_training(settings, faults=FaultInjection(at_step=8, times=2))
    [failed] = runs.list_runs(settings)
    assert failed["status"] == "FAILED"

    b = run_training(settings, resume_run_id=failed["run_id"])
    assert b.run_id == failed["run_id"] and b.version == "1"
    torch.testing.assert_close([s["train_loss"] for s in b.history["steps"]],
                               [s["train_loss"] for s in a.history["steps"]], rtol=1e-5, atol=0)
    torch.testing.assert_close([e["val_loss"] for e in b.history["epochs"]],
                               [e["val_loss"] for e in a.history["epochs"]], rtol=1e-5, atol=0)
    events = [e["message"] for e in runs.show_run(settings, b.run_id)["events"]]
    assert sum("resumed from checkpoint at epoch 1, step 6" in m for m in events) == 2  # Ray retry + --resume
    assert any("job failed" in m for m in events) and any("worker rank 1 failed" in m for m in events)
