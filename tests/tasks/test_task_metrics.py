"""Evaluation's task metrics from stored predictions and the replayed gold table (Spark, small frames)."""

from __future__ import annotations

import pytest

PREDS = "model_role string, prompt_id string, conversation_id string, reply string, reference string, error string"


def test_task_metrics_per_role_and_task_only_for_prepared_conversations(spark):
    from tunehouse.evaluation.metrics import task_metrics

    preds = spark.createDataFrame([
        ("base", "c1:2", "c1", "positive", "positive", None),
        ("base", "c2:2", "c2", "positive", "negative", None),
        ("candidate", "c1:2", "c1", "Positive.", "positive", None),
        ("candidate", "c2:2", "c2", None, "negative", "too long for the context"),  # failed: an empty reply
        ("base", "c3:2", "c3", "Hello! How can I help?", "Hi there", None),           # a chat log: no task
        ("candidate", "c4:2", "c4", "Wo ist der Bahnhof?", "Wo ist der Bahnhof?", None),
    ], PREDS)
    gold = spark.createDataFrame([("c1", "task:text_classification"), ("c2", "task:text_classification"),
                                  ("c3", "web"), ("c4", "task:translation")], "conversation_id string, channel string")
    values, examples = task_metrics(preds, gold)
    assert values["base"]["text_classification.accuracy"] == pytest.approx(0.5)
    assert values["candidate"]["text_classification.accuracy"] == pytest.approx(0.5)
    assert values["candidate"]["text_classification.examples"] == 2
    assert values["candidate"]["translation.chrf"] == pytest.approx(100.0) and "translation.bleu" not in values["base"]
    assert {e["prompt_id"] for e in examples} == {"c1:2", "c2:2", "c4:2"}
    failed = next(e for e in examples if e["model_role"] == "candidate" and e["prompt_id"] == "c2:2")
    assert failed["reply"] == "" and failed["accuracy"] == 0.0
    assert task_metrics(preds, gold.drop("channel")) == ({}, [])
