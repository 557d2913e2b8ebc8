"""Stage 8: deterministic train/validation/test split by a hash of the conversation id.

A conversation never crosses splits, re-runs give the same split, and adding data never moves an
existing conversation to another split.

With your own validation or test data (``curate.split.validation_data`` / ``test_data``) that data is the
split (:class:`OwnSplit`), the random split's share of it goes to train, and :class:`CrossSplitDedup` drops
every conversation of the logs that duplicates one of yours (exactly, or near when near_dedup is on), so none
of your validation or test examples is also trained on. The dropped ones are in silver.dropped with reason
``duplicate_of_validation`` / ``duplicate_of_test`` and the copy they duplicate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql.window import Window

from tunehouse.curation.own_data import own_split_of
from tunehouse.curation.settings import SplitSettings
from tunehouse.curation.stages.base import StageResult
from tunehouse.curation.stages.near_dedup import near_dedup

if TYPE_CHECKING:
    from tunehouse.config import Settings
    from tunehouse.curation.settings import NearDedupSettings

_FAVOURED_CSAT = 1_000_000  # ranks your own conversation first among near-duplicates (frame.best_copy_order)


def random_shares(cfg: SplitSettings) -> tuple[float, float]:
    """Upper bounds of train and validation on the hash's [0, 1) scale. A split you give data for has no
    random share: it goes to train."""
    if not cfg.own_data:
        return cfg.train, cfg.train + cfg.validation
    validation_bound = 1.0 if cfg.test_data else 1.0 - cfg.test  # exact bounds: no float remainder left over
    train_bound = validation_bound if cfg.validation_data else validation_bound - cfg.validation
    return train_bound, validation_bound


def assign_split(df: DataFrame, cfg: SplitSettings) -> DataFrame:
    u = F.pmod(F.xxhash64(F.lit(cfg.seed), F.col("conversation_id")), F.lit(1_000_000)) / F.lit(1_000_000.0)
    train, validation = random_shares(cfg)
    return df.withColumn(
        "split",
        F.when(u < train, "train").when(u < validation, "validation").otherwise("test"),
    )


class Split:
    name = "split"

    def run(self, df: DataFrame, settings: Settings) -> StageResult:
        return StageResult(assign_split(df, settings.curate.split))


class OwnSplit:
    """Your own validation/test conversations: the split their id names (see curation.own_data)."""

    name = "split"

    def run(self, df: DataFrame, settings: Settings) -> StageResult:
        return StageResult(df.withColumn("split", own_split_of(F.col("conversation_id"))))


def cross_split_duplicates(df: DataFrame, near: "NearDedupSettings") -> DataFrame:
    """(conversation_id, reason, detail) of the logs' conversations that duplicate one of your own.

    Exact: the same content_hash (the exact_dedup stage's). Near (when near_dedup is on): near_dedup over
    everything with your own conversations ranked first, so a cluster that holds one of them keeps it and drops
    the logs' copies. The logs were deduplicated among themselves already, so every copy it drops from them is in
    a cluster with one of yours; your own conversations are never dropped here."""
    own = df.filter(own_split_of(F.col("conversation_id")).isNotNull())
    logs = df.filter(own_split_of(F.col("conversation_id")).isNull())
    first_own = Window.partitionBy("content_hash").orderBy("own_id")
    own_hashes = (own.select("content_hash", F.col("conversation_id").alias("own_id"))
                  .withColumn("k", F.row_number().over(first_own)).filter("k = 1").drop("k"))
    exact = logs.join(own_hashes, "content_hash").select(
        "conversation_id", F.concat(F.lit("duplicate_of_"), own_split_of(F.col("own_id"))).alias("reason"),
        F.concat(F.lit("same content as "), F.col("own_id"), F.lit(" (kept)")).alias("detail"))
    if not near.enabled:
        return exact
    favoured = df.withColumn("csat", F.when(own_split_of(F.col("conversation_id")).isNotNull(),
                                            F.lit(_FAVOURED_CSAT)).otherwise(F.col("csat")))
    _, near_dropped = near_dedup(favoured, near)
    kept_split = F.regexp_extract("detail", r"(validation|test)_data:[^\s,]*(?: \(kept\))?$", 1)
    near_rows = (near_dropped.filter(own_split_of(F.col("conversation_id")).isNull())
                 .select("conversation_id",
                         F.concat(F.lit("duplicate_of_"), F.when(kept_split != "", kept_split)
                                  .otherwise("own_data")).alias("reason"),
                         F.concat(F.lit("near-duplicate: "), F.col("detail")).alias("detail"))
                 .join(exact.select("conversation_id"), "conversation_id", "left_anti"))
    return exact.unionByName(near_rows)


class CrossSplitDedup:
    """After the split: drop the logs' conversations that duplicate your own validation/test conversations."""

    name = "cross_split_dedup"

    def run(self, df: DataFrame, settings: Settings) -> StageResult:
        dups = cross_split_duplicates(df, settings.curate.near_dedup).localCheckpoint()
        kept = df.join(dups.select("conversation_id"), "conversation_id", "left_anti")
        dropped = df.join(dups, "conversation_id")
        return StageResult(kept, dropped)
