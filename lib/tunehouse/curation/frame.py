"""The conversation frame: one row per conversation, the record type every curation stage shares.

Columns (stages may add more; they never remove these):

    conversation_id  string
    messages         array<struct<role: string, content: string, weight: double>>
                     role in system|user|assistant, in conversation order; weight is null until the
                     weighting stage, then set on assistant messages only (0/1, or [0,1] if fractional)
    csat             int        conversation rating 1-5, null when unknown
    agent_id         string     the agent who wrote most assistant replies (null for bot-only)
    channel          string
    language         string     as given by the source (may be null or wrong; quality detects its own)
    started_at       timestamp
    ended_at         timestamp
    bronze_keys      array<string>  message_key of every bronze row it was built from (lineage)

A filter stage returns ``(kept, dropped)`` where ``dropped`` has the input columns plus ``reason``
(a short snake_case code) and ``detail`` (human-readable, may be null). Use :func:`split_by_reason`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterable

from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F

MESSAGE_TYPE = "struct<role: string, content: string, weight: double>"
CONVERSATION_SCHEMA = (
    f"conversation_id string, messages array<{MESSAGE_TYPE}>, csat int, agent_id string, channel string, "
    "language string, started_at timestamp, ended_at timestamp, bronze_keys array<string>"
)
DROP_COLUMNS = ("reason", "detail")


def split_by_reason(df: DataFrame, reason: Column, detail: Column | None = None) -> tuple[DataFrame, DataFrame]:
    """Split a frame on a column expression that is null for rows to keep and a reason code otherwise.

    The reason is computed once (a temporary column) so kept + dropped == input, exactly.
    """
    tagged = df.withColumn("__reason", reason).withColumn(
        "__detail", detail if detail is not None else F.lit(None).cast("string"))
    kept = tagged.filter(F.col("__reason").isNull()).drop("__reason", "__detail")
    dropped = (tagged.filter(F.col("__reason").isNotNull())
               .withColumnRenamed("__reason", "reason").withColumnRenamed("__detail", "detail"))
    return kept, dropped


def role_contents(role: str) -> Column:
    """Array of the contents of messages with the given role."""
    return F.transform(F.filter("messages", lambda m: m["role"] == role), lambda m: m["content"])


def conversation_text(sep: str = "\n") -> Column:
    """All message contents joined (for hashing, shingling, embedding)."""
    return F.array_join(F.transform("messages", lambda m: m["content"]), sep)


def make_conversations(spark: SparkSession, rows: Iterable[dict]) -> DataFrame:
    """Build a conversation frame from plain dicts (tests, notebooks).

    Each dict needs ``conversation_id`` and ``messages`` (list of {"role","content"[, "weight"]});
    other columns default to null / now.
    """
    now = datetime(2024, 1, 1, tzinfo=timezone.utc)
    out = []
    for r in rows:
        msgs = [(m["role"], m["content"], m.get("weight")) for m in r["messages"]]
        out.append((
            r["conversation_id"], msgs, r.get("csat"), r.get("agent_id"), r.get("channel"), r.get("language"),
            r.get("started_at", now), r.get("ended_at", now),
            r.get("bronze_keys", [f"{r['conversation_id']}:{i}" for i in range(len(msgs))]),
        ))
    return spark.createDataFrame(out, CONVERSATION_SCHEMA)


def best_copy_order() -> list[Column]:
    """The "best copy" among duplicates: highest rating, then most recent, then a stable tie-break.
    Exact and near-duplicate removal both keep the first row in this order."""
    return [
        F.col("csat").desc_nulls_last(),
        F.col("ended_at").desc_nulls_last(),
        F.col("conversation_id").asc(),
    ]
