"""`tunehouse runs cancel` against a real Ray Train job (2 CPU workers) and a real MLflow store: the job is
cancelled mid-way, ends KILLED, registers nothing. The job runs with every hyperparameter on auto, so it also
shows what they resolve to for the 48-example test export (logged params and `runs show`)."""

from __future__ import annotations

import threading
import time

import pytest
from fixtures.training import train_settings
from tunehouse.errors import UserError

pytestmark = pytest.mark.slow


def _cancel_when_training(settings, after_steps: int, out: dict) -> None:
    """Wait for the job's run to log ``after_steps`` step metrics, then `tunehouse runs cancel` it."""
    from tunehouse import cli
    from tunehouse.model import registry

    client = registry.client(tracking_uri=settings.mlflow_tracking_uri())
    deadline = time.time() + 300
    while time.time() < deadline:
        exp = client.get_experiment_by_name(settings.tracking.experiment)
        runs = client.search_runs([exp.experiment_id]) if exp else []
        if runs and len(client.get_metric_history(runs[0].info.run_id, "train_loss")) >= after_steps:
            out["run_id"] = runs[0].info.run_id
            out["rc"] = cli.main(["runs", "cancel", out["run_id"][:10], "--set", f"storage.root={settings.storage.root}"])
            return
        time.sleep(0.5)


def test_a_running_job_is_cancelled_midway_and_auto_hyperparameters_are_resolved(ray_runtime, base_root, base_dir,
                                                                                  tmp_path, capsys):
    from tunehouse import cli
    from tunehouse.model import registry
    from tunehouse.training.job import run_training

    settings = train_settings(tmp_path, base_dir, base_root / "exports" / "v1", batch_size="auto", n_epochs="auto",
                              learning_rate_multiplier="auto", log_every_steps=1)
    seen: dict = {}
    canceller = threading.Thread(target=_cancel_when_training, args=(settings, 3, seen), daemon=True)
    canceller.start()
    r = run_training(settings)
    canceller.join(timeout=60)

    # 48 examples on 2 workers: batch 2 (0.2% -> 1, rounded up to the workers), 3 epochs, multiplier 0.05
    # -> 63 planned steps (41 sequences after the export's checks, 21 steps per epoch); the cancel is sent once 3
    # steps are logged and the workers stop at their next step (step 8 in one run: polling and logging lag)
    assert seen.get("rc") == 0 and seen["run_id"] == r.run_id
    assert r.extra.get("cancelled") is True and r.version is None
    client = registry.client(tracking_uri=settings.mlflow_tracking_uri())
    run = client.get_run(r.run_id)
    assert run.info.status == "KILLED" and run.data.tags["tunehouse.cancelled"] == "true"
    steps = len(client.get_metric_history(r.run_id, "train_loss"))
    assert 3 <= steps < 63 and r.extra["steps"] == steps, steps
    p = run.data.params
    assert (p["batch_size"], p["n_epochs"], p["learning_rate_multiplier"]) == ("auto", "auto", "auto")
    assert (p["resolved.batch_size"], p["resolved.n_epochs"], p["resolved.learning_rate_multiplier"]) == \
        ("2", "3", "0.05")
    assert float(p["resolved.learning_rate"]) == pytest.approx(0.1 * 0.05)  # the tiny base's 0.1 x multiplier
    assert p["resolved.micro_batch_size"] == "1"
    assert not client.search_model_versions("name = 'tunehouse-chat'")

    capsys.readouterr()
    assert cli.main(["runs", "show", r.run_id, "--set", f"storage.root={settings.storage.root}"]) == 0
    shown = capsys.readouterr().out
    for needle in ("status:   KILLED", "batch_size = auto -> 2", "n_epochs = auto -> 3", "63 steps, 21 per epoch",
                   "learning_rate_multiplier = auto -> 0.05", "auto hyperparameters resolved for 48 training examples",
                   "[cli] cancel requested", "[worker] cancel requested: stopping after step",
                   f"job cancelled after {steps} optimizer steps"):
        assert needle in shown, needle

    with pytest.raises(UserError, match="not running"):  # a finished (here: killed) job cannot be cancelled
        from tunehouse.training.runs import cancel_run

        cancel_run(settings, r.run_id)
