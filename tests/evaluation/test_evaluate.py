"""Batch evaluation on Spark with both models, predictions in Delta, the MLflow report, promotion and refusal."""

from __future__ import annotations

import pytest
from fixtures.serving import (
    MODEL,
    as_chat_model,
    register_version,
    serving_settings,
    write_gold,
)
from tunehouse.evaluation.settings import EvaluateSettings, GateSettings

CONV = "array<struct<role:string,content:string,weight:int>>"


def test_prompts_replay_each_weight_one_turn(spark):
    from tunehouse.evaluation.prompts import build_prompts, sample_prompts

    rows = [
        ("c1", "test", [("system", "S", None), ("user", "U1", None), ("assistant", "A1", 1), ("user", "U2", None),
                        ("assistant", "A2", 0), ("user", "U3", None), ("assistant", "A3", 1)]),
        ("c2", "test", [("assistant", "Hello! How can I help?", 1), ("user", "U", None), ("assistant", "A", 1),
                        ("assistant", "and one more thing", 1)]),
        ("c3", "train", [("user", "U", None), ("assistant", "A", 1)]),
    ]
    df = spark.createDataFrame(rows, f"conversation_id string, split string, messages {CONV}")
    es = EvaluateSettings()
    got = {r["prompt_id"]: r for r in build_prompts(df, es).collect()}
    # weight-0 turns, the opening greeting (no prompt) and other splits are not replayed
    assert sorted(got) == ["c1:2", "c1:6", "c2:2", "c2:3"]
    assert [m["content"] for m in got["c1:6"]["messages"]] == ["S", "U1", "A1", "U2", "A2", "U3", "A3"]
    assert got["c2:3"]["after_assistant"] and not got["c2:2"]["after_assistant"]
    sampled = sample_prompts(build_prompts(df, es), es.model_copy(update={"max_examples": 2})).collect()
    assert len(sampled) == 2 and "c2:3" not in {r["prompt_id"] for r in sampled}


@pytest.fixture(scope="module")
def gold(spark, serving_root):
    return write_gold(spark, serving_settings(serving_root), serving_root / "exports" / "v1")


def eval_settings_for(root, **evaluate):
    es = EvaluateSettings(max_examples=6, max_new_tokens=8, examples_to_show=2,
                          eval_prompts=["Where is my order?", "Hola"], **evaluate)
    return serving_settings(root, evaluate=es.model_dump())


def test_evaluate_both_models_then_promote(spark, serving_root, gold):
    from mlflow.tracking import MlflowClient
    from tunehouse.evaluation.job import run_evaluation
    from tunehouse.evaluation.report import load_evaluation
    from tunehouse.lakehouse.delta import Lakehouse

    # the mechanism under test is the gate + alias; stop/PII guards are exercised in test_gate.py
    gate = GateSettings(min_stop_rate=0.0, max_guard_regression={"pii_leak_rate": 0.0}, max_pii_leak_rate=1.0)
    settings = eval_settings_for(serving_root, gate=gate)
    r = run_evaluation(settings, promote=True, spark=spark)

    assert r.prompts == 6 and set(r.models) == {"candidate", "base"}
    # the fixture's training run records no data lineage: the latest gold version, and the run says so
    assert r.source.chosen_by == "latest" and r.source.version == gold
    assert "recorded no version of gold.training_examples" in r.source.note
    tags = MlflowClient().get_run(r.run_id).data.tags
    assert tags["tunehouse.data_version_note"] == r.source.note
    assert any(k.startswith("tunehouse.event.") and v == r.source.note for k, v in tags.items())
    preds = Lakehouse(spark, settings).read("gold.eval_predictions").filter(f"eval_run_id = '{r.run_id}'").collect()
    assert len(preds) == 12 and {p["model_role"] for p in preds} == {"candidate", "base"}
    for p in preds:
        assert p["error"] is None and isinstance(p["reply"], str) and p["latency_ms"] > 0
        assert p["ref_tokens"] > 0 and p["prompt_id"].startswith("test-") and p["source_split"] == "test"
    assert {p["model_version"] for p in preds if p["model_role"] == "candidate"} == {"1"}

    cand, base = r.metrics["candidate"], r.metrics["base"]
    for k in ("ref_perplexity", "ref_token_accuracy", "rouge_l", "bleu", "stop_rate", "style_score",
              "pii_leak_rate", "reply_chars", "latency_ms_p50"):
        assert k in cand and k in base
    # fine-tuned on replies like the test references: they become far more likely than under the base
    assert cand["ref_perplexity"] < base["ref_perplexity"]
    assert r.metrics["reference"]["style_score"] > 0

    artifacts = {a.path for a in MlflowClient().list_artifacts(r.run_id, "eval")}
    assert {"eval/side_by_side.json", "eval/side_by_side.md", "eval/examples.md", "eval/side_by_side.png",
            "eval/eval_prompts.json", "eval/gate.json"} <= artifacts
    report = load_evaluation(settings)  # the latest evaluation, as the notebook reads it
    assert report["run"].info.run_id == r.run_id and report["gate"]["promote"]
    assert list(report["eval_prompts"].columns) == ["prompt", "tunehouse-tiny-base (base)", "tunehouse-chat v1"]
    table = report["side_by_side"].set_index("metric")
    assert table.loc["ref_perplexity (primary)", "candidate"] == pytest.approx(cand["ref_perplexity"])
    assert "### Example 1" in report["examples_markdown"] and report["plot_path"].endswith(".png")

    assert r.decision.promote and r.decision.comparators == ["base"]
    assert "@champion -> tunehouse-chat version 1" in r.promotion
    assert str(MlflowClient().get_model_version_by_alias(MODEL, "champion").version) == "1"


def test_evaluate_cli_refuses_a_worse_version(spark, serving_root, gold, capsys):
    """v2 = the base weights registered as a new version: worse than champion v1, so the alias stays."""
    from mlflow.tracking import MlflowClient
    from tunehouse.cli import main

    settings = serving_settings(serving_root)
    client = MlflowClient()
    # the previous test promotes v1; set it here too so this test also runs alone
    client.set_registered_model_alias(MODEL, "champion", "1")
    v2 = as_chat_model(serving_root / "models" / "base", serving_root / "models" / "v2" / "hf_model")
    register_version(settings, v2, serving_root / "models" / "base")

    rc = main(["evaluate", "--promote", "--max-examples", "4", "--max-new-tokens", "6",
               "--set", f"storage.root={serving_root}", "--set", "spark.master=local[2]"])
    out = capsys.readouterr().out
    assert rc == 0
    assert "REFUSED vs champion" in out and "ref_perplexity" in out and "@champion left where it was" in out
    # the verdict names each check with its threshold and result, and what got worse (issue 12 item 6)
    assert "primary: ref_perplexity" in out and "needs strictly better): FAILED" in out
    assert "absolute guards: pii_leak_rate" in out and "worse than champion: " in out and "every check" not in out
    assert str(client.get_model_version_by_alias(MODEL, "champion").version) == "1"
    assert client.get_model_version(MODEL, "2").tags["tunehouse.gate"] == "refused"
