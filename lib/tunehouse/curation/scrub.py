"""Stage 2: PII scrubbing of every message, in one vectorised pass per Arrow batch.

The scrubber (:mod:`tunehouse.pii.scrubber`) is built once per Python worker and applied to whole
conversations so placeholders are consistent within a conversation (<PERSON_1> stays the same
person). Adds ``pii_counts`` (map type -> count) used by ``gold.pii_report``; no PII value leaves
the UDF.
"""

from __future__ import annotations

from typing import Iterator

import pyarrow as pa
from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql.types import IntegerType, MapType, StringType, StructField, StructType

from tunehouse.pii.settings import PiiSettings


def _scrub_batches(settings_json: str):
    def fn(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from tunehouse.pii.scrubber import get_scrubber

        scrubber = get_scrubber(PiiSettings.model_validate_json(settings_json))
        for batch in batches:
            messages = batch.column("messages").to_pylist()
            out_msgs, out_counts = [], []
            for msgs in messages:
                scrubbed, counts = scrubber.scrub_messages(msgs or [])
                out_msgs.append([{"role": m["role"], "content": m["content"], "weight": m.get("weight")}
                                 for m in scrubbed])
                out_counts.append(list(counts.items()))
            cols = {name: batch.column(name) for name in batch.schema.names}
            cols["messages"] = pa.array(out_msgs, type=batch.schema.field("messages").type)
            cols["pii_counts"] = pa.array(out_counts, type=pa.map_(pa.string(), pa.int32()))
            yield pa.RecordBatch.from_pydict(cols)

    return fn


def scrub_conversations(df: DataFrame, settings: PiiSettings) -> DataFrame:
    """Replace PII in every message by typed placeholders; add ``pii_counts``."""
    schema = StructType(df.schema.fields + [StructField("pii_counts", MapType(StringType(), IntegerType()))])
    return df.mapInArrow(_scrub_batches(settings.model_dump_json()), schema)


def pii_report(scrubbed: DataFrame) -> DataFrame:
    """Per-conversation entity counts by type (no values): the gold.pii_report table."""
    return scrubbed.select(
        "conversation_id",
        F.col("pii_counts").alias("entity_counts"),
        F.aggregate(F.map_values("pii_counts"), F.lit(0), lambda acc, x: acc + x).alias("entities_total"),
        F.size("messages").alias("messages"),
    )


def residual_pii(df: DataFrame, settings: PiiSettings) -> DataFrame:
    """Scan already-scrubbed conversations with the detectors: one row per hit (no values kept,
    only where: conversation, message index, entity type, offsets). Empty when the export is clean."""
    settings_json = settings.model_dump_json()
    out_schema = "conversation_id string, message_index int, entity_type string, start int, end int"

    def fn(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from tunehouse.pii.scrubber import get_scrubber

        scrubber = get_scrubber(PiiSettings.model_validate_json(settings_json))
        for batch in batches:
            ids = batch.column("conversation_id").to_pylist()
            rows = {"conversation_id": [], "message_index": [], "entity_type": [], "start": [], "end": []}
            for cid, msgs in zip(ids, batch.column("messages").to_pylist()):
                for i, m in enumerate(msgs or []):
                    if m["role"] == "system":
                        continue  # the company's own instructions, not customer data
                    for e in scrubber.detect(m["content"] or ""):
                        rows["conversation_id"].append(cid)
                        rows["message_index"].append(i)
                        rows["entity_type"].append(e.type)
                        rows["start"].append(e.start)
                        rows["end"].append(e.end)
            yield pa.RecordBatch.from_pydict(rows, schema=pa.schema([
                ("conversation_id", pa.string()), ("message_index", pa.int32()), ("entity_type", pa.string()),
                ("start", pa.int32()), ("end", pa.int32())]))

    return df.select("conversation_id", "messages").mapInArrow(fn, out_schema)
