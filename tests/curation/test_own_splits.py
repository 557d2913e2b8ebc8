"""Your own validation and test data, end to end on real parts: chat JSONL logs -> ingest (Delta) -> curate with
curate.split.validation_data / test_data (local Spark) -> the splits are yours, the logs' copies of your examples
are dropped with their reason -> a short Ray Train run reads those splits -> MLflow says which data it used."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from deltalake import DeltaTable
from tunehouse.contracts.tables import GOLD_EXAMPLES, SILVER_DROPPED

pytestmark = pytest.mark.slow

ITEMS = ["kettle", "lamp", "backpack", "blender", "jacket", "headset", "toaster", "umbrella", "mixer", "scarf",
         "helmet", "teapot"]
PARTS = ["handle", "lid", "zipper", "cable", "strap", "switch", "button", "hinge"]
PROBLEMS = ["cracked", "came loose", "stopped working", "arrived bent", "looks scratched", "makes a noise"]
REMEDIES = ["replacement", "refund", "repair", "exchange", "store credit"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def conversation(rng: random.Random, ending: str = "details") -> list[dict]:
    item, part, problem, remedy, day = (rng.choice(x) for x in (ITEMS, PARTS, PROBLEMS, REMEDIES, DAYS))
    return [
        {"role": "user", "content": f"Hello, the {part} of the {item} I ordered {problem}. Could I get a {remedy}?"},
        {"role": "assistant", "content": f"Of course. I arranged a {remedy} for your {item}; a courier collects it "
                                         f"on {day} and you will receive an email with the {ending}."},
    ]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def own_curated(spark, tmp_path_factory):
    from tunehouse.config import load_settings
    from tunehouse.curation.pipeline import curate
    from tunehouse.ingest.job import ingest
    from tunehouse.lakehouse.delta import Lakehouse

    root = tmp_path_factory.mktemp("own_splits")
    rng = random.Random(3)
    logs = [conversation(rng) for _ in range(30)]
    write_jsonl(root / "raw" / "logs.jsonl", [{"conversation_id": f"log-{i}", "messages": m} for i, m in enumerate(logs)])
    rng_own = random.Random(99)
    val = [{"messages": conversation(rng_own)} for _ in range(4)] + [{"messages": logs[0]}]  # an exact copy of log-0
    val.append({"messages": [{"role": "system", "content": "You are the shop's helpful assistant."},
                             *conversation(rng_own)]})  # brings its own system message
    near_copy = [logs[1][0], {**logs[1][1], "content": logs[1][1]["content"].replace("details.", "information.")}]
    test = [{"messages": conversation(rng_own)} for _ in range(4)] + [{"messages": near_copy}]  # near copy of log-1
    val_file, test_file = write_jsonl(root / "mine" / "validation.jsonl", val), write_jsonl(root / "mine" / "test.jsonl", test)
    settings = load_settings(overrides=[f"storage.root={root}", "curate.diversity.method=hashed_tfidf",
                                        f"curate.split.validation_data={val_file}",
                                        f"curate.split.test_data={test_file}"])
    lh = Lakehouse(spark, settings)
    ingest(spark, settings, [root / "raw"], lakehouse=lh)
    r = curate(spark, settings, lakehouse=lh, progress=False)
    gold = DeltaTable(str(lh.path(GOLD_EXAMPLES))).to_pandas()
    dropped = DeltaTable(str(lh.path(SILVER_DROPPED))).to_pandas()
    return settings, r, gold, dropped, root


def test_the_splits_are_your_data_and_train_is_the_rest(own_curated):
    _, r, gold, dropped, root = own_curated
    assert r.reconciled and r.assembled == 30 + 6 + 5 and r.own_data == {
        "validation": str(root / "mine" / "validation.jsonl"), "test": str(root / "mine" / "test.jsonl")}
    by_split = {s: set(gold.conversation_id[gold.split == s]) for s in ("train", "validation", "test")}
    assert by_split["validation"] == {f"validation_data:{i}" for i in range(1, 7)}
    assert by_split["test"] == {f"test_data:{i}" for i in range(1, 6)}
    assert all(c.startswith("log-") for c in by_split["train"])  # no random validation/test share of the logs
    assert by_split["train"] | set(dropped.conversation_id) >= {f"log-{i}" for i in range(30)}
    assert r.splits == {s: len(ids) for s, ids in by_split.items()}
    manifest = json.loads((r.export_folder / "manifest.json").read_text())
    assert manifest["own_data"] == r.own_data and manifest["files"]["validation.jsonl"]["rows"] == 6
    stages = [s.stage for s in r.stages]
    assert stages[-1] == "cross_split_dedup" and "own_data:scrub" in stages and "own_data:diversity" not in stages


def test_the_logs_copies_of_your_examples_are_dropped_with_their_reason(own_curated):
    _, r, gold, dropped, _ = own_curated
    rows = dropped[dropped.stage == "cross_split_dedup"].set_index("conversation_id")
    assert set(rows.index) == {"log-0", "log-1"}
    assert rows.loc["log-0", "reason"] == "duplicate_of_validation"
    assert rows.loc["log-0", "detail"] == "same content as validation_data:5 (kept)"
    assert rows.loc["log-1", "reason"] == "duplicate_of_test" and "test_data:5" in rows.loc["log-1", "detail"]
    assert r.stages[-1].dropped == {"duplicate_of_validation": 1, "duplicate_of_test": 1}
    assert not {"log-0", "log-1"} & set(gold.conversation_id)


def test_system_messages_come_from_the_data_or_nowhere(own_curated):
    _, r, gold, _, _ = own_curated
    assert r.system_messages == {"data": 1, "none": len(gold) - 1}
    with_system = gold[gold.system_message_source == "data"]
    assert list(with_system.conversation_id) == ["validation_data:6"]
    assert with_system.iloc[0].messages[0]["content"] == "You are the shop's helpful assistant."


def test_evaluation_says_it_replays_your_test_data(spark, own_curated):
    from tunehouse.evaluation.job import split_source

    _, _, gold, _, _ = own_curated
    frame = spark.createDataFrame([(c,) for c in gold.conversation_id[gold.split == "test"]], "conversation_id string")
    assert split_source(frame).startswith("your own data")
    logs = spark.createDataFrame([(c,) for c in gold.conversation_id[gold.split == "train"]], "conversation_id string")
    assert split_source(logs) == "random split of the logs"


def test_training_reads_your_splits_and_mlflow_records_them(own_curated, ray_runtime, base_dir, tmp_path):
    from fixtures.training import train_settings
    from tunehouse.contracts.exports import file_sha256
    from tunehouse.training.job import run_training
    from tunehouse.training.tracking import VALIDATION_TAG

    _, r, _, _, _ = own_curated
    settings = train_settings(tmp_path, base_dir, r.export_folder, n_epochs=1, batch_size=8, register_model=False)
    out = run_training(settings)
    import mlflow
    from mlflow.tracking import MlflowClient

    mlflow.set_tracking_uri(settings.mlflow_tracking_uri())
    run = MlflowClient().get_run(out.run_id)
    p, tags = run.data.params, run.data.tags
    assert p["data.validation.rows"] == "6" and p["data.test.rows"] == "5"
    assert p["data.validation.sha256"] == file_sha256(r.export_folder / "validation.jsonl")
    assert tags["tunehouse.dataset_version"] == r.dataset_version and VALIDATION_TAG not in tags
    assert "data.validation" not in p  # validation ran: nothing says it was skipped
    val_loss = MlflowClient().get_metric_history(out.run_id, "val_loss")
    assert [m.step for m in val_loss][0] == 0 and len(val_loss) == 2  # before training and after the epoch
    assert "val_loss" in out.final_metrics and "validation" not in out.extra
