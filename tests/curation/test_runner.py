"""The stage loop: STAGES in the documented order, per-stage counts, drops tagged with their stage,
and a stage that loses rows stops the run."""

from __future__ import annotations

import pytest
from pyspark.sql import DataFrame
from tunehouse.curation.runner import DROPPED_COLUMNS, Runner
from tunehouse.curation.stages import STAGES, StageResult
from tunehouse.curation.stages.exact_dedup import ExactDedup
from tunehouse.curation.stages.split import Split


def test_stages_run_in_the_documented_order():
    assert [s.name for s in STAGES] == ["assemble", "scrub", "exact_dedup", "near_dedup", "quality", "diversity",
                                        "weights", "split"]


def _conversations(spark):
    from tunehouse.curation.frame import make_conversations

    chat = [{"role": "user", "content": "Where is my parcel?"}, {"role": "assistant", "content": "It ships today."}]
    other = [{"role": "user", "content": "Can I change my seat?"}, {"role": "assistant", "content": "Yes, done."}]
    return make_conversations(spark, [
        {"conversation_id": "a", "messages": chat, "csat": 5},
        {"conversation_id": "b", "messages": chat, "csat": 2},  # exact copy of a, lower rating
        {"conversation_id": "c", "messages": other},
    ])


def test_runner_counts_each_stage_and_tags_drops(spark, settings):
    run = Runner(settings, on_stage=(seen := []).append)
    try:
        kept, n = run.run([ExactDedup(), Split()], _conversations(spark).cache())
        assert n == 2 and sorted(r.conversation_id for r in kept.collect()) == ["a", "c"]
        assert "split" in kept.columns and seen == ["exact_dedup", "split"]
        assert [(c.stage, c.rows_in, c.kept, c.dropped) for c in run.counts] == [
            ("exact_dedup", 3, 2, {"exact_duplicate": 1}), ("split", 2, 2, {})]
        dropped = run.all_dropped()
        assert dropped.columns == DROPPED_COLUMNS
        row = dropped.collect()[0]
        assert (row.conversation_id, row.stage, row.reason) == ("b", "exact_dedup", "exact_duplicate")
        assert "a" in row.detail
    finally:
        run.release()


class _LosesRows:
    """A stage that keeps one row and reports no drops: what the runner's check exists for."""

    name = "loses_rows"

    def run(self, df: DataFrame, settings) -> StageResult:
        return StageResult(df.limit(1), df.limit(0).selectExpr("*", "'x' AS reason", "'' AS detail"))


def test_a_stage_that_loses_rows_stops_the_run(spark, settings):
    run = Runner(settings)
    try:
        with pytest.raises(RuntimeError, match="stage loses_rows lost rows: 3 in, 1 kept, 0 dropped"):
            run.run([Split(), _LosesRows()], _conversations(spark))
    finally:
        run.release()
