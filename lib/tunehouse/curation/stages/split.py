"""Stage 8: deterministic train/validation/test split by a hash of the conversation id.

A conversation never crosses splits, re-runs give the same split, and adding data never moves an
existing conversation to another split.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from tunehouse.curation.settings import SplitSettings
from tunehouse.curation.stages.base import StageResult

if TYPE_CHECKING:
    from tunehouse.config import Settings


def assign_split(df: DataFrame, cfg: SplitSettings) -> DataFrame:
    u = F.pmod(F.xxhash64(F.lit(cfg.seed), F.col("conversation_id")), F.lit(1_000_000)) / F.lit(1_000_000.0)
    return df.withColumn(
        "split",
        F.when(u < cfg.train, "train").when(u < cfg.train + cfg.validation, "validation").otherwise("test"),
    )


class Split:
    name = "split"

    def run(self, df: DataFrame, settings: Settings) -> StageResult:
        return StageResult(assign_split(df, settings.curate.split))
