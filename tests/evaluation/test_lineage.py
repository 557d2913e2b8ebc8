"""Evaluation replays the gold version the candidate was trained on, not whatever curation wrote since."""

from __future__ import annotations

import json
import shutil

import pytest
from fixtures.serving import MODEL, serving_settings, write_gold
from tunehouse.evaluation.settings import EvaluateSettings

GOLD = "gold.training_examples"


@pytest.fixture
def restore_serving_store(serving_root):
    """This test points MLflow at its own store; the module-scoped serving fixtures expect theirs back."""
    yield
    from tunehouse.model import tracking as mlflow_store

    mlflow_store.setup_mlflow(serving_settings(serving_root))


def register_with_lineage(settings, serving_root, export):
    """A training run that records its data lineage as `tunehouse train` does, and the fine-tuned model."""
    import mlflow
    from tunehouse.model import tracking as mlflow_store
    from tunehouse.training import tracking
    from tunehouse.training.data import data_lineage

    mlflow_store.setup_mlflow(settings)
    with mlflow.start_run(run_name="train-with-lineage") as run:
        mlflow.set_tag(mlflow_store.JOB_TAG, "train")
        tracking.log_job_inputs(settings, settings.train, resolved={}, lineage=data_lineage(export),
                                base={"path": str(serving_root / "models" / "base"), "name": "tunehouse-tiny-base"},
                                stats={}, audit_text="")
        tracking.log_chat_model(serving_root / "models" / "tuned" / "hf_model", registered_name=MODEL,
                                alias="candidate", run_id=run.info.run_id)
    return run.info.run_id


def test_evaluation_reads_the_gold_version_the_candidate_was_trained_on(spark, serving_root, tmp_path,
                                                                        restore_serving_store):
    from mlflow.tracking import MlflowClient
    from pyspark.sql import functions as F
    from tunehouse.evaluation.job import run_evaluation
    from tunehouse.lakehouse.delta import Lakehouse

    root = tmp_path / "th"
    es = EvaluateSettings(max_examples=3, max_new_tokens=4, examples_to_show=1, eval_prompts=["Hi"])
    settings = serving_settings(root, evaluate=es.model_dump())
    lh = Lakehouse(spark, settings)

    # curated v1: gold written, exported with its table version in the manifest (as curation does)
    trained_on = write_gold(spark, settings, serving_root / "exports" / "v1")
    export = root / "exports" / "v1"
    shutil.copytree(serving_root / "exports" / "v1", export)
    manifest = json.loads((export / "manifest.json").read_text())
    (export / "manifest.json").write_text(json.dumps({**manifest, "gold_table": GOLD,
                                                      "gold_table_version": trained_on}))
    train_run = register_with_lineage(settings, serving_root, export)

    # curated again after training: other conversations in every split
    later = lh.read(GOLD).withColumn("conversation_id", F.concat(F.lit("later-"), "conversation_id"))
    latest = lh.write(spark.createDataFrame(later.collect(), later.schema), GOLD, mode="overwrite")
    assert latest > trained_on

    r = run_evaluation(settings, spark=spark)

    assert r.models["candidate"].run_id == train_run
    assert (r.source.version, r.source.latest_version, r.source.note) == (trained_on, latest, None)
    preds = lh.read("gold.eval_predictions").filter(F.col("eval_run_id") == r.run_id).collect()
    assert len(preds) == 2 * 3
    assert {p["source_table_version"] for p in preds} == {trained_on}
    assert all(p["conversation_id"].startswith("test-") for p in preds)
    run = MlflowClient().get_run(r.run_id)
    assert run.data.params["data.table_version"] == str(trained_on)
    assert run.data.params["data.table_version_from"] == "candidate's training run"
    assert run.data.params["data.latest_table_version"] == str(latest)
    assert "tunehouse.data_version_note" not in run.data.tags
