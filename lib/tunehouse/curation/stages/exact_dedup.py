"""Stage 3: exact duplicates, on a normalised hash of the scrubbed conversation.

Hashing after scrubbing makes the same conversation with different customers collapse (both read
"Hi, I'm <PERSON_1>"). The normalisation ignores case, whitespace and punctuation runs, and keeps
roles, so "user: hi" and "assistant: hi" differ. The best copy (frame.best_copy_order(): highest
rating, most recent) is kept; the others are dropped naming it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F
from pyspark.sql.window import Window

from tunehouse.curation.frame import best_copy_order, split_by_reason
from tunehouse.curation.settings import ExactDedupSettings
from tunehouse.curation.stages.base import StageResult

if TYPE_CHECKING:
    from tunehouse.config import Settings


def content_hash(ignore_system: bool = True) -> Column:
    msgs = F.filter("messages", lambda m: m["role"] != "system") if ignore_system else F.col("messages")
    parts = F.transform(msgs, lambda m: F.concat_ws(
        ":", m["role"],
        F.trim(F.regexp_replace(F.lower(m["content"]), r"[\s\p{Punct}]+", " "))))
    return F.sha2(F.array_join(parts, "\u241e"), 256)


def exact_dedup(df: DataFrame, cfg: ExactDedupSettings) -> tuple[DataFrame, DataFrame]:
    hashed = df.withColumn("content_hash", content_hash(cfg.ignore_system))
    if not cfg.enabled:
        return hashed, hashed.limit(0).withColumn("reason", F.lit(None).cast("string")).withColumn(
            "detail", F.lit(None).cast("string"))
    w = Window.partitionBy("content_hash").orderBy(*best_copy_order())
    ranked = hashed.withColumn("__rank", F.row_number().over(w)).withColumn(
        "__best", F.first("conversation_id").over(w.rowsBetween(Window.unboundedPreceding, Window.currentRow)))
    kept, dropped = split_by_reason(
        ranked,
        F.when(F.col("__rank") > 1, F.lit("exact_duplicate")),
        F.concat(F.lit("same content as "), F.col("__best"), F.lit(" (kept)")),
    )
    return kept.drop("__rank", "__best"), dropped.drop("__rank", "__best")


class ExactDedup:
    name = "exact_dedup"

    def run(self, df: DataFrame, settings: Settings) -> StageResult:
        return StageResult(*exact_dedup(df, settings.curate.exact_dedup))
