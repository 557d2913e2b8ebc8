"""End to end: generated logs -> ingest -> curate -> gold table + JSONL, every conversation accounted for."""

import json

import pytest
from deltalake import DeltaTable
from tunehouse.contracts.tables import GOLD_EXAMPLES, SILVER_DROPPED
from tunehouse.curation.pipeline import curate
from tunehouse.curation.stages import STAGES
from tunehouse.ingest.job import ingest
from tunehouse.synthetic.generator import generate_logs
from tunehouse.training.preflight import validate_file


@pytest.fixture(scope="module")
def curated(spark, tmp_path_factory):
    from tunehouse.config import load_settings
    from tunehouse.lakehouse.delta import Lakehouse

    root = tmp_path_factory.mktemp("e2e")
    settings = load_settings(overrides=[f"storage.root={root}", "curate.diversity.method=hashed_tfidf",
                                        "curate.diversity.max_cluster_fraction=0.3"])
    lh = Lakehouse(spark, settings)
    gen = generate_logs(root / "raw", conversations=150, seed=5)
    ingest(spark, settings, [root / "raw"], lakehouse=lh)
    first = curate(spark, settings, lakehouse=lh, progress=False)
    return settings, lh, first, gen


def test_every_conversation_accounted_for(curated):
    settings, lh, r, _ = curated
    assert r.reconciled and r.assembled == r.kept + r.dropped_total
    assert [s.stage for s in r.stages] == [s.name for s in STAGES]  # one count per stage, in order
    assert r.stages[0].kept == r.assembled and r.stages[-1].kept == r.kept
    assert all(b.rows_in == a.kept for a, b in zip(r.stages, r.stages[1:]))
    dropped = DeltaTable(str(lh.path(SILVER_DROPPED))).to_pandas()
    gold = DeltaTable(str(lh.path(GOLD_EXAMPLES))).to_pandas()
    assert len(dropped) == r.dropped_total and len(gold) == r.kept
    assert set(dropped.stage) <= {"exact_dedup", "near_dedup", "quality", "diversity", "weights"}
    assert dropped.reason.notna().all() and not set(dropped.conversation_id) & set(gold.conversation_id)


def test_exports_are_valid_chat_jsonl_with_weights_only_on_assistant(curated):
    _, _, r, _ = curated
    total = 0
    for split in ("train", "validation", "test"):
        path = r.export_folder / f"{split}.jsonl"
        report = validate_file(path)
        assert report.ok, report.errors[:3]
        for line in path.read_text().splitlines():
            obj = json.loads(line)
            assert list(obj) == ["messages"]
            for m in obj["messages"]:
                assert set(m) == ({"role", "content", "weight"} if m["role"] == "assistant" else {"role", "content"})
                if m["role"] == "assistant":
                    assert m["weight"] in (0, 1) and isinstance(m["weight"], int)
            total += 1
    assert total == r.kept
    manifest = json.loads((r.export_folder / "manifest.json").read_text())
    assert manifest["dataset_version"] == r.dataset_version and manifest["files"]["train.jsonl"]["rows"] == r.splits.get("train", 0)
    # what scrubbed and what checked: no learned model trained under this storage root, so pii.detector=auto ran the rules
    assert r.pii_scrubbed_by == manifest["pii"]["scrubbed_by"] == "rules"
    assert manifest["pii"]["gate_independent"] is False and "not independent" in manifest["pii"]["gate"]
    from tunehouse.training.data import data_lineage

    assert data_lineage(r.export_folder)["pii_scrubbed_by"] == "rules"  # what training logs to MLflow


def test_planted_pii_does_not_reach_the_export(curated):
    _, _, r, gen = curated
    truth = json.loads(gen.truth_file.read_text())
    values = {p["value"] for p in truth["pii"] if len(p["value"]) >= 6 and p["type"] in
              ("EMAIL", "CREDIT_CARD", "IBAN", "SSN", "PHONE", "IP_ADDRESS")}
    text = "".join((r.export_folder / f"{s}.jsonl").read_text() for s in ("train", "validation", "test"))
    leaked = [v for v in values if v in text]
    assert values and leaked == []
    assert r.residual_pii == 0


def test_rerun_without_new_data_changes_nothing(spark, curated):
    settings, lh, first, _ = curated
    v_gold = lh.version(GOLD_EXAMPLES)
    again = curate(spark, settings, lakehouse=lh, progress=False)
    assert again.dataset_version == first.dataset_version and not again.changed
    assert lh.version(GOLD_EXAMPLES) == v_gold
    assert again.files == first.files
