"""Training without validation data skips validation and says so; it never validates on training examples."""

from __future__ import annotations

import pytest
from fixtures.train_corpus import write_export
from fixtures.training import train_settings


@pytest.mark.parametrize("validation_file", ["missing", "empty"])
def test_no_validation_data_means_no_validation_not_training_examples(tokenizer, base_dir, tmp_path, validation_file):
    from tunehouse.training.data import NO_VALIDATION, prepare_data

    data_dir = write_export(tmp_path, "v1", n_train=24, n_val=8, seed=4)
    if validation_file == "missing":
        (data_dir / "validation.jsonl").unlink()
    else:
        (data_dir / "validation.jsonl").write_text("", encoding="utf-8")
    prepared = prepare_data(train_settings(tmp_path, base_dir, data_dir), tokenizer)
    assert prepared.validation == [] and len(prepared.train) > 0
    assert prepared.no_validation.startswith(NO_VALIDATION) and validation_file in prepared.no_validation
    assert not any(k.startswith("validation_") for k in prepared.stats)


def test_validation_data_is_read_when_there_is_some(tokenizer, base_dir, tmp_path):
    from tunehouse.training.data import prepare_data

    data_dir = write_export(tmp_path, "v1", n_train=24, n_val=8, seed=4)
    prepared = prepare_data(train_settings(tmp_path, base_dir, data_dir), tokenizer)
    assert prepared.no_validation is None and 0 < len(prepared.validation) <= 8
    assert prepared.stats["validation_conversations"] == 8  # read from validation.jsonl


@pytest.mark.slow
def test_a_ray_run_without_validation_says_so_in_mlflow(ray_runtime, base_dir, tmp_path):
    import mlflow
    from mlflow.tracking import MlflowClient
    from tunehouse.training.job import run_training
    from tunehouse.training.tracking import VALIDATION_TAG

    data_dir = write_export(tmp_path, "v1", n_train=16, n_val=4, seed=6)
    (data_dir / "validation.jsonl").unlink()
    settings = train_settings(tmp_path, base_dir, data_dir, n_epochs=1, batch_size=8, register_model=False)
    out = run_training(settings)

    mlflow.set_tracking_uri(settings.mlflow_tracking_uri())
    client = MlflowClient()
    run = client.get_run(out.run_id)
    assert run.data.tags[VALIDATION_TAG].startswith("skipped: no validation data: validation skipped")
    assert run.data.params["data.validation"] == "none: validation skipped"
    assert client.get_metric_history(out.run_id, "val_loss") == []  # no NaN loss, no 0.0 accuracy logged
    assert client.get_metric_history(out.run_id, "val_token_accuracy") == []
    assert len(client.get_metric_history(out.run_id, "train_loss")) >= 1  # it trained
    assert not any(k.startswith("val_") for k in out.final_metrics) and "train_loss" in out.final_metrics
    assert out.extra["validation"].startswith("no validation data: validation skipped")
