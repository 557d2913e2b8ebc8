"""The stage loop: run the stages in order, cache and count what each keeps, collect what each drops.

For every stage the runner caches the kept frame and counts it, tags the dropped conversations
with the stage's name (the ``silver.dropped`` rows, see ``DROPPED_COLUMNS``) and counts them by
reason, and checks ``rows in == kept + dropped``, so no conversation is lost silently. The first
stage turns bronze message rows into conversations: its rows in are the conversations it accounts
for (kept + dropped), not the message rows it read.
Extra tables the stages produce are collected by table name for the caller to write.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from tunehouse.curation.stages.base import Stage

if TYPE_CHECKING:
    from tunehouse.config import Settings

log = logging.getLogger(__name__)

DROPPED_COLUMNS = ["conversation_id", "stage", "reason", "detail", "csat", "agent_id", "messages", "bronze_keys"]


@dataclass
class StageCount:
    stage: str
    rows_in: int
    kept: int
    dropped: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def _dropped_rows(dropped: DataFrame, stage: str) -> DataFrame:
    return dropped.select("conversation_id", F.lit(stage).alias("stage"), "reason", "detail", "csat", "agent_id",
                          F.col("messages"), "bronze_keys")


def _counts_by_reason(dropped: DataFrame) -> dict[str, int]:
    return {r["reason"]: r["count"] for r in dropped.groupBy("reason").count().collect()}


class Runner:
    """Runs stages over one frame; holds the counts, the dropped rows, the extra tables and the caches."""

    def __init__(self, settings: Settings, on_stage: Callable[[str], None] | None = None) -> None:
        self.settings = settings
        self.on_stage = on_stage
        self.counts: list[StageCount] = []
        self.dropped: list[DataFrame] = []
        self.tables: dict[str, DataFrame] = {}
        self.cached: list[DataFrame] = []

    def run(self, stages: Iterable[Stage], df: DataFrame, prefix: str = "") -> tuple[DataFrame, int]:
        """Run every stage on what the previous one kept; returns the last kept frame and its count. ``prefix``
        goes before each stage's name in the counts and dropped rows (a second pass over other data)."""
        n: int | None = None
        for stage in stages:
            df, n = self.run_stage(stage, df, n, name=prefix + stage.name)
            if self.on_stage is not None:
                self.on_stage(prefix + stage.name)
        if n is None:
            raise ValueError("no stages to run")
        return df, n

    def run_stage(self, stage: Stage, df: DataFrame, n_in: int | None,
                  name: str | None = None) -> tuple[DataFrame, int]:
        """Run one stage, cache and count its output. ``n_in`` None: the input is not counted conversations.
        ``name``: what the counts and dropped rows call the stage (default its own name)."""
        t0 = time.time()
        name = name or stage.name
        result = stage.run(df, self.settings)
        kept = self.cache(result.kept)
        reasons: dict[str, int] = {}
        if result.dropped is not None:
            dropped = self.cache(_dropped_rows(result.dropped, name))
            self.dropped.append(dropped)
        n_kept = kept.count()
        if result.dropped is not None:
            reasons = _counts_by_reason(dropped)
        self.add_tables(result.tables)
        rows_in = n_kept + sum(reasons.values()) if n_in is None else n_in
        self.counts.append(StageCount(name, rows_in, n_kept, reasons, time.time() - t0))
        if rows_in != n_kept + sum(reasons.values()):
            raise RuntimeError(f"stage {name} lost rows: {rows_in} in, {n_kept} kept, "
                               f"{sum(reasons.values())} dropped")
        log.info("%-12s in=%d kept=%d dropped=%s", name, rows_in, n_kept, reasons)
        return kept, n_kept

    def add_tables(self, tables: dict[str, DataFrame]) -> None:
        """Collect a stage's extra tables; a table an earlier pass produced already gets these rows added."""
        for table, frame in tables.items():
            earlier = self.tables.get(table)
            self.tables[table] = frame if earlier is None else earlier.unionByName(frame, allowMissingColumns=True)

    def cache(self, df: DataFrame) -> DataFrame:
        """Cache a frame until :meth:`release`."""
        df = df.cache()
        self.cached.append(df)
        return df

    def all_dropped(self) -> DataFrame | None:
        """Every stage's dropped rows in one frame (stage order), or None when no stage can drop."""
        if not self.dropped:
            return None
        out = self.dropped[0]
        for d in self.dropped[1:]:
            out = out.unionByName(d)
        return out

    def release(self) -> None:
        for df in self.cached:
            df.unpersist()
        if self.cached:  # stages may cache their own intermediates (quality signals, near-dup edges)
            self.cached[0].sparkSession.catalog.clearCache()
