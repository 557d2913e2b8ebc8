"""Each task end to end: prepare (sample file, column mapping) -> ingest -> curate (conf/tasks.yaml) -> a few
fine-tuning steps of the tiny base -> evaluate, with the task's metrics in MLflow beside the base model's.

Slow (Spark, generation): one parametrised test sharing the session's tiny base model and Spark. Training is the
trainer's own step function in this process (``fixtures.serving.quick_finetune``, as the evaluation tests do),
registered like `tunehouse train` registers a version; the Ray job itself is tested in tests/training.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures.serving import quick_finetune, register_version
from fixtures.task_samples import CASES, SAMPLES

REPO = Path(__file__).resolve().parents[2]
# task -> the metrics it must log (0-1, except BLEU/chrF 0-100)
TASK_METRICS = {
    "text_classification": ["accuracy", "macro_f1"],
    "token_classification": ["entity_f1", "entity_precision", "entity_recall"],
    "question_answering": ["exact_match", "f1"],
    "summarization": ["rouge1", "rouge2", "rougeL"],
    "translation": ["bleu", "chrf"],
}


def task_settings(root: Path):
    from tunehouse.config import load_settings

    return load_settings(conf_files=[REPO / "conf" / "tasks.yaml"], overrides=[
        f"storage.root={root}", "spark.master=local[2]", "spark.shuffle_partitions=2",
        # a third of the rows in test so every task has enough replayed examples
        "curate.split.train=0.6", "curate.split.validation=0.1", "curate.split.test=0.3",
        "evaluate.max_examples=12", "evaluate.max_new_tokens=40", "evaluate.examples_to_show=2",
        "evaluate.score_champion=false", "evaluate.eval_prompts=[]"])


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_task_prepare_curate_train_evaluate(name, spark, base_dir, tmp_path):
    import mlflow
    from mlflow.tracking import MlflowClient
    from tunehouse.curation.pipeline import curate
    from tunehouse.evaluation.job import run_evaluation
    from tunehouse.tasks.prepare import load_into_bronze, parse_mapping, prepare_rows
    from tunehouse.tasks.reader import open_source
    from tunehouse.tasks.registry import get_task

    settings = task_settings(tmp_path / "th")
    file, pairs, read, prepared, _ = CASES[name]
    task = get_task(name)
    summary = prepare_rows(task, open_source(str(SAMPLES / file)), parse_mapping(pairs, task),
                           getattr(settings.tasks, name), tmp_path / "prepared")
    ingested = load_into_bronze(spark, settings, summary)
    # 3 messages a conversation; rows repeated in the file share an id, so ingest counts them as duplicates
    assert summary.reconciled and ingested.reconciled and ingested.read == 3 * prepared and ingested.quarantined == 0
    quarantine = spark.read.format("delta").load(str(settings.storage.lakehouse / "bronze" / "quarantine"))
    assert quarantine.count() == read - prepared

    cur = curate(spark, settings, progress=False)
    assert cur.reconciled and cur.splits.get("test", 0) >= 4, cur.splits
    gold = spark.read.format("delta").load(str(settings.storage.lakehouse / "gold" / "training_examples"))
    assert {r["channel"] for r in gold.select("channel").distinct().collect()} == {task.channel}

    tuned = quick_finetune(base_dir, tmp_path / "tuned", cur.export_folder / "train.jsonl", steps=80)
    register_version(settings, tuned, base_dir)
    result = run_evaluation(settings, spark=spark)

    logged = MlflowClient().get_run(result.run_id).data.metrics
    for metric in TASK_METRICS[name]:
        key = f"{name}.{metric}"
        for role in ("base", "candidate"):
            assert key in result.metrics[role] and logged[f"{role}/{key}"] == pytest.approx(result.metrics[role][key])
        assert logged[f"delta_vs_base/{key}"] == pytest.approx(
            result.metrics["candidate"][key] - result.metrics["base"][key])
    assert result.metrics["candidate"][f"{name}.examples"] == result.prompts
    examples = mlflow.load_table("eval/task_examples.json", run_ids=[result.run_id])
    assert sorted(examples["model_role"].value_counts().items()) == [("base", result.prompts),
                                                                     ("candidate", result.prompts)]
    print(examples[examples["model_role"] == "candidate"][["reference", "reply"]].head(3).to_string())
    figures = {role: {m: round(result.metrics[role][f"{name}.{m}"], 4) for m in TASK_METRICS[name]}
               for role in ("base", "candidate")}
    print(f"\nTASK METRICS {name} ({result.prompts} test examples): {json.dumps(figures)}")


@pytest.mark.slow
def test_a_task_through_the_ray_training_job(ray_runtime, spark, base_dir, tmp_path):
    """The same path with `tunehouse train`'s own job in the middle (Ray Train workers, MLflow run, registration
    with alias @candidate) instead of in-process steps: prepare -> ingest -> curate -> run_training -> evaluate."""
    from mlflow.tracking import MlflowClient
    from tunehouse.curation.pipeline import curate
    from tunehouse.evaluation.job import run_evaluation
    from tunehouse.tasks.prepare import load_into_bronze, parse_mapping, prepare_rows
    from tunehouse.tasks.reader import open_source
    from tunehouse.tasks.registry import get_task
    from tunehouse.training.job import run_training

    name = "text_classification"
    settings = task_settings(tmp_path / "th")
    file, pairs, _, _, _ = CASES[name]
    task = get_task(name)
    summary = prepare_rows(task, open_source(str(SAMPLES / file)), parse_mapping(pairs, task),
                           getattr(settings.tasks, name), tmp_path / "prepared")
    assert load_into_bronze(spark, settings, summary).reconciled
    cur = curate(spark, settings, progress=False)
    assert cur.reconciled

    train = settings.train.model_copy(update={"base_model": str(base_dir), "train_data": cur.export_folder,
                                              "n_epochs": 2, "batch_size": 4, "num_workers": 1,
                                              "max_seq_length": 128})
    out = run_training(settings.model_copy(update={"train": train}))
    assert out.version and out.alias == "candidate"
    result = run_evaluation(settings, spark=spark)

    logged = MlflowClient().get_run(result.run_id).data.metrics
    for metric in TASK_METRICS[name]:
        for role in ("base", "candidate"):
            assert f"{role}/{name}.{metric}" in logged
    assert result.metrics["candidate"][f"{name}.examples"] == result.prompts > 0
