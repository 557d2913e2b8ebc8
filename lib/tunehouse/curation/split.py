"""Stage 8: deterministic train/validation/test split by a hash of the conversation id.

A conversation never crosses splits, re-runs give the same split, and adding data never moves an
existing conversation to another split.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


class SplitSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    train: float = Field(0.8, ge=0, le=1, description="Share of conversations in train.")
    validation: float = Field(0.1, ge=0, le=1, description="Share in validation (per-epoch validation loss).")
    test: float = Field(0.1, ge=0, le=1, description="Share in test (batch evaluation, never trained on).")
    seed: int = Field(17, description="Salt of the hash: change it to draw a different split.")

    @model_validator(mode="after")
    def _sums_to_one(self):
        total = self.train + self.validation + self.test
        if abs(total - 1.0) > 1e-6:
            raise ValueError(f"train + validation + test must be 1.0, got {total:.3f}")
        return self


def assign_split(df: DataFrame, cfg: SplitSettings) -> DataFrame:
    u = F.pmod(F.xxhash64(F.lit(cfg.seed), F.col("conversation_id")), F.lit(1_000_000)) / F.lit(1_000_000.0)
    return df.withColumn(
        "split",
        F.when(u < cfg.train, "train").when(u < cfg.train + cfg.validation, "validation").otherwise("test"),
    )
