"""Stage 2: PII scrubbing of every message, in one vectorised pass per Arrow batch.

The scrubber (:mod:`tunehouse.pii.scrubber`) is built once per Python worker and applied to whole
conversations so placeholders are consistent within a conversation (<PERSON_1> stays the same
person). With ``pii.detector = "rules+learned"`` (or "auto" and a trained model) the learned model (pickled to its path, loaded once per
worker process) runs beside the rules, once over all the messages of an Arrow batch. Adds ``pii_counts`` (map type -> count) used by ``gold.pii_report``; no PII value leaves
the UDF. The stage's extra tables are the scrubbed conversations (``silver.conversations``) and
their entity counts (``gold.pii_report``); the residual-PII scan of the export is in
:mod:`tunehouse.curation.export`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import pyarrow as pa
from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql.types import IntegerType, MapType, StringType, StructField, StructType

from tunehouse.contracts.tables import GOLD_PII_REPORT, SILVER_CONVERSATIONS
from tunehouse.curation.stages.base import StageResult
from tunehouse.pii.settings import PiiSettings

if TYPE_CHECKING:
    from tunehouse.config import Settings
    from tunehouse.pii.learned.detector import LearnedDetector


def _scrub_batches(settings_json: str, learned: "LearnedDetector | None"):
    def fn(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from tunehouse.pii.scrubber import get_scrubber

        scrubber = get_scrubber(PiiSettings.model_validate_json(settings_json), learned)
        for batch in batches:
            messages = [msgs or [] for msgs in batch.column("messages").to_pylist()]
            out_msgs, out_counts = [], []
            for scrubbed, counts in scrubber.scrub_conversations(messages):
                out_msgs.append([{"role": m["role"], "content": m["content"], "weight": m.get("weight")}
                                 for m in scrubbed])
                out_counts.append(list(counts.items()))
            cols = {name: batch.column(name) for name in batch.schema.names}
            cols["messages"] = pa.array(out_msgs, type=batch.schema.field("messages").type)
            cols["pii_counts"] = pa.array(out_counts, type=pa.map_(pa.string(), pa.int32()))
            yield pa.RecordBatch.from_pydict(cols)

    return fn


def scrub_conversations(df: DataFrame, settings: PiiSettings, learned: "LearnedDetector | None" = None) -> DataFrame:
    """Replace PII in every message by typed placeholders; add ``pii_counts``. ``learned``: the learned
    model to run beside the rules (None: rules only)."""
    schema = StructType(df.schema.fields + [StructField("pii_counts", MapType(StringType(), IntegerType()))])
    return df.mapInArrow(_scrub_batches(settings.model_dump_json(), learned), schema)


def pii_report(scrubbed: DataFrame) -> DataFrame:
    """Per-conversation entity counts by type (no values): the gold.pii_report table."""
    return scrubbed.select(
        "conversation_id",
        F.col("pii_counts").alias("entity_counts"),
        F.aggregate(F.map_values("pii_counts"), F.lit(0), lambda acc, x: acc + x).alias("entities_total"),
        F.size("messages").alias("messages"),
    )


class Scrub:
    name = "scrub"

    def run(self, df: DataFrame, settings: Settings) -> StageResult:
        from tunehouse.pii.scrubber import scrubbing_model

        scrubbed = scrub_conversations(df, settings.pii, scrubbing_model(settings))
        return StageResult(scrubbed, tables={SILVER_CONVERSATIONS: scrubbed, GOLD_PII_REPORT: pii_report(scrubbed)})
