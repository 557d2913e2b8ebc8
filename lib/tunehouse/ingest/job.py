"""Ingestion: raw chat-log exports (JSONL, JSON, CSV/TSV, Parquet, chat JSONL) -> ``bronze.chat_messages``.

Nothing is lost: every record either lands in ``bronze.chat_messages`` or in ``bronze.quarantine``
with its raw payload, source location and a human-readable reason, and the job prints
``read = ingested + duplicates_skipped + quarantined``.

This module owns the job: which files (:func:`discover_files`), and :func:`ingest`: read them through
the Spark data source (:mod:`.source`, which runs :mod:`.readers` on the executors; a record is one
message or one conversation, :mod:`.shapes`; each message is checked by :mod:`.normalize`), then MERGE
the good rows into bronze on a stable key (conversation_id, message_index), so re-ingesting a file, or
a re-export of the same conversations, adds nothing; the bad ones into the quarantine.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.window import Window

from tunehouse.config import Settings
from tunehouse.contracts.tables import BRONZE_MESSAGES, BRONZE_QUARANTINE
from tunehouse.errors import UserError
from tunehouse.ingest.readers import EXTENSIONS
from tunehouse.ingest.source import read_raw
from tunehouse.runtime import crash_point

__all__ = ["IngestSummary", "discover_files", "ingest"]

MESSAGE_COLUMNS = [
    "message_key", "conversation_id", "message_index", "role", "content", "created_at", "csat", "agent_id",
    "channel", "language", "weight", "source_file", "source_line", "source_format", "ingest_batch_id", "ingested_at",
]
QUARANTINE_COLUMNS = [
    "quarantine_key", "source_file", "source_line", "source_format", "reason_code", "reason", "raw_payload",
    "conversation_id", "ingest_batch_id", "ingested_at",
]


@dataclass
class IngestSummary:
    batch_id: str
    files: int
    read: int = 0
    ingested: int = 0
    duplicates_skipped: int = 0
    quarantined: int = 0
    quarantine_reasons: dict[str, int] = field(default_factory=dict)
    bronze_version: int | None = None
    quarantine_version: int | None = None
    seconds: float = 0.0

    @property
    def reconciled(self) -> bool:
        return self.read == self.ingested + self.duplicates_skipped + self.quarantined


def discover_files(paths: list[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(q for q in p.iterdir() if q.is_file() and q.suffix.lower() in EXTENSIONS
                           and not q.name.startswith((".", "_")))
            if not found:
                raise UserError(f"{p}: no .jsonl/.json/.ndjson/.csv/.tsv/.parquet files in this folder")
            out.extend(found)
        elif p.is_file():
            out.append(p)
        else:
            raise UserError(f"{p}: no such file or folder")
    return out


def fill_message_index(df: DataFrame) -> DataFrame:
    """Messages without an explicit order column get one from (created_at, file, line), numbered after the
    conversation's highest explicit index: numbering them from 0 could give a message the index of another one in
    the same conversation, and the (conversation_id, message_index) key would then drop it as a duplicate."""
    unnumbered = F.col("message_index").isNull()
    w_order = Window.partitionBy("conversation_id", unnumbered).orderBy(
        F.col("created_at").asc_nulls_last(), "source_file", "source_line")
    first_free = F.coalesce(F.max("message_index").over(Window.partitionBy("conversation_id")) + 1, F.lit(0))
    return df.withColumn(
        "message_index",
        F.coalesce(F.col("message_index"), (first_free + F.row_number().over(w_order) - 1).cast("long")),
    )


def with_message_key(df: DataFrame) -> DataFrame:
    return df.withColumn(
        "message_key",
        F.sha2(F.concat_ws("\x1f", F.col("conversation_id"), F.col("message_index").cast("string")), 256),
    )


def with_quarantine_key(df: DataFrame) -> DataFrame:
    return df.withColumn(
        "quarantine_key",
        F.sha2(F.concat_ws("\x1f", "source_file", F.col("source_line").cast("string"), "reason_code",
                           F.coalesce("raw_payload", F.lit(""))), 256),
    )


def ingest(spark: SparkSession, settings: Settings, paths: list[str | Path], lakehouse=None) -> IngestSummary:
    """Read files, MERGE good rows into bronze.chat_messages and bad ones into bronze.quarantine."""
    from tunehouse.lakehouse.delta import Lakehouse

    t0 = time.time()
    lh = lakehouse or Lakehouse(spark, settings)
    files = discover_files(paths)
    summary = IngestSummary(batch_id=uuid.uuid4().hex[:12], files=len(files))
    now = datetime.now(timezone.utc)
    # One ingest at a time per table: the insert-only MERGE is read-then-append (see lakehouse.locks).
    with lh.exclusive([BRONZE_MESSAGES, BRONZE_QUARANTINE], job="ingest"):
        raw = read_raw(spark, files, settings.ingest).cache()
        try:
            stats = raw.groupBy("ok", "reason_code").count().collect()
            summary.read = sum(r["count"] for r in stats)
            summary.quarantine_reasons = {r["reason_code"]: r["count"] for r in stats if not r["ok"]}
            _merge_messages(lh, raw.filter("ok"), summary, now)
            crash_point("ingest.after_bronze")
            _merge_quarantine(lh, raw.filter(~F.col("ok")), summary, now)
        finally:
            raw.unpersist()
    summary.seconds = time.time() - t0
    return summary


def _batch_columns(df: DataFrame, batch_id: str, now: datetime) -> DataFrame:
    return df.withColumn("ingest_batch_id", F.lit(batch_id)).withColumn("ingested_at", F.lit(now))


def _merge_messages(lh, good: DataFrame, summary: IngestSummary, now: datetime) -> None:
    """New messages go in; ones already in bronze (same conversation and index) count as duplicates."""
    good = _batch_columns(with_message_key(fill_message_index(good)), summary.batch_id, now)
    res = lh.merge(good.select(*MESSAGE_COLUMNS), BRONZE_MESSAGES, keys=["message_key"])
    summary.ingested = res.inserted
    summary.duplicates_skipped = res.source_rows - res.inserted
    summary.bronze_version = res.version


def _merge_quarantine(lh, bad: DataFrame, summary: IngestSummary, now: datetime) -> None:
    """Rejected records into bronze.quarantine (created even when empty, so it can always be queried).

    A bad record seen again in a re-ingest is still accounted for as quarantined (it is in the
    quarantine table), just not stored twice."""
    n_bad = sum(summary.quarantine_reasons.values())
    summary.quarantined = n_bad
    if n_bad or not lh.exists(BRONZE_QUARANTINE):
        bad = _batch_columns(with_quarantine_key(bad), summary.batch_id, now)
        qres = lh.merge(bad.select(*QUARANTINE_COLUMNS), BRONZE_QUARANTINE, keys=["quarantine_key"])
        summary.quarantine_version = qres.version
