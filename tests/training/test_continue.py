"""Checkpoint picking and continued fine-tuning against real Ray Train (2 CPU workers) and a real MLflow store:

* a 4-epoch job with early stopping keeps its best epochs with their validation metrics and registers the best
  one (by validation loss) under its suffix alias;
* `tunehouse runs register RUN --epoch K` registers another kept epoch;
* `train.base_model: models:/NAME@ALIAS` continues from a registered version, `--from-checkpoint RUN:EPOCH` from
  an epoch checkpoint, each with lineage to its parent.
"""

from __future__ import annotations

import pytest
from fixtures.training import train_settings

pytestmark = pytest.mark.slow

# a constant learning rate high enough (0.1 x 1.0 on the tiny base) that validation loss turns up before epoch 6
OVERFIT = dict(n_epochs=6, learning_rate_multiplier=4.0, lr_scheduler="constant", early_stopping_patience=1, keep_checkpoints=2,
               suffix="first-try")


@pytest.fixture(scope="module")
def run_b(ray_runtime, base_root, base_dir, tmp_path_factory):
    from tunehouse.training.job import run_training

    root = tmp_path_factory.mktemp("run_b")
    settings = train_settings(root, base_dir, base_root / "exports" / "v1", **OVERFIT)
    return settings, run_training(settings)


def _client(settings):
    from tunehouse.model import registry

    return registry.client(settings)


def test_the_best_epoch_is_registered_and_the_best_epochs_are_kept(run_b, capsys):
    from tunehouse import cli
    from tunehouse.training import runs

    settings, r = run_b
    trained = [e for e in r.history["epochs"] if e["epoch"] > 0]
    best = min(trained, key=lambda e: e["val_loss"])
    assert r.extra["registered_epoch"] == best["epoch"]
    assert r.extra["registered_val_loss"] == pytest.approx(best["val_loss"])
    client = _client(settings)
    mv = client.get_model_version_by_alias("tunehouse-chat", "first-try")  # the suffix names the version
    assert str(mv.version) == r.version == str(client.get_model_version_by_alias("tunehouse-chat", "candidate").version)
    assert mv.tags["epoch"] == str(best["epoch"]) and mv.tags["suffix"] == "first-try"
    run = client.get_run(r.run_id)
    assert run.info.run_name.startswith("first-try-")
    assert run.data.metrics["registered_epoch"] == best["epoch"]

    # early stopping (patience 1): stopped one epoch after the best one, before the 6 planned epochs
    # (a constant LR 4x the tuned one on this small export overfits within a few epochs; at 1x the validation
    # loss kept falling through epoch 6 once padded rows continued their position ids, and nothing stopped)
    assert trained[-1]["epoch"] == best["epoch"] + 1 < 6 and run.data.metrics["early_stopped"] == 1.0
    kept = runs.kept_checkpoints(settings, run)
    # keep_checkpoints=2 by validation loss, plus the latest (a restart resumes from it)
    assert 1 <= len(kept) <= 3 and kept[-1]["epoch"] == trained[-1]["epoch"]
    assert best["epoch"] in [c["epoch"] for c in kept]
    by_val = sorted(trained, key=lambda e: e["val_loss"])[:2]
    assert {e["epoch"] for e in by_val} <= {c["epoch"] for c in kept}
    assert [c["epoch"] for c in kept if c["registered"]] == [best["epoch"]]

    assert cli.main(["runs", "show", r.run_id, "--set", f"storage.root={settings.storage.root}"]) == 0
    shown = capsys.readouterr().out
    assert f"epoch {best['epoch']}  step" in shown and "[best, registered]" in shown
    assert f"(epoch {best['epoch']}) with alias @candidate, @first-try" in shown
    assert f"early stopping after epoch {best['epoch'] + 1}: validation loss has not improved" in shown
    print("val losses by epoch:", [(e["epoch"], round(e["val_loss"], 4)) for e in r.history["epochs"]])


def test_runs_register_a_chosen_epoch(run_b, capsys):
    from tunehouse import cli
    from tunehouse.training import runs

    settings, r = run_b
    client = _client(settings)
    kept = runs.kept_checkpoints(settings, client.get_run(r.run_id))
    other = next(c for c in kept if not c["registered"])
    capsys.readouterr()
    assert cli.main(["runs", "register", r.run_id, "--epoch", str(other["epoch"]),
                     "--set", f"storage.root={settings.storage.root}"]) == 0
    out = capsys.readouterr().out
    assert f"from epoch {other['epoch']} of run {r.run_id}" in out
    versions = client.search_model_versions("name = 'tunehouse-chat'")
    newest = max(versions, key=lambda v: int(v.version))
    assert newest.run_id == r.run_id and newest.tags["epoch"] == str(other["epoch"])
    # the chosen epoch becomes the job's model: its aliases (@candidate, @SUFFIX) move to the new version
    for alias in ("candidate", "first-try"):
        assert client.get_model_version_by_alias("tunehouse-chat", alias).version == newest.version
    assert client.get_run(r.run_id).info.status == "FINISHED"  # registering does not reopen the job


def test_continue_from_a_registered_version_and_from_a_checkpoint(run_b, base_root, base_dir):
    import mlflow
    from tunehouse.training.job import run_training

    settings, b = run_b
    client = _client(settings)
    parent = client.get_model_version_by_alias("tunehouse-chat", "first-try")
    short = dict(n_epochs=1, max_steps=2, learning_rate_multiplier=0.5)
    s1 = train_settings(settings.storage.root, base_dir, base_root / "exports" / "v1",
                        base_model="models:/tunehouse-chat@first-try", **short)
    c1 = run_training(s1)
    run = client.get_run(c1.run_id)
    assert run.data.tags["tunehouse.parent_model"] == f"tunehouse-chat v{parent.version}"
    assert run.data.params["parent.version"] == str(parent.version) and run.data.params["parent.kind"] == "registered_model"
    # the learning rate still follows the original base (tiny base 0.1 x 0.5), not the '*' default
    assert float(run.data.params["resolved.learning_rate"]) == pytest.approx(0.05)
    assert run.data.params["base_model.name"] == "tunehouse-tiny-base"
    assert client.get_model_version("tunehouse-chat", c1.version).tags["parent_model_version"] == str(parent.version)

    epoch = int(parent.tags["epoch"])
    s2 = train_settings(settings.storage.root, base_dir, base_root / "exports" / "v1",
                        from_checkpoint=f"{b.run_id}:{epoch}", **short)
    c2 = run_training(s2)
    tags = client.get_run(c2.run_id).data.tags
    assert tags["tunehouse.parent_run_id"] == b.run_id and tags["tunehouse.parent_checkpoint_epoch"] == str(epoch)
    # continuing from the registered epoch and from that same epoch's checkpoint start from the same weights:
    # the same seed and data give the same first loss
    h1 = mlflow.tracking.MlflowClient().get_metric_history(c1.run_id, "train_loss")
    h2 = mlflow.tracking.MlflowClient().get_metric_history(c2.run_id, "train_loss")
    assert h1[0].value == pytest.approx(h2[0].value, rel=1e-4)
