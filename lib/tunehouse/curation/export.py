"""After the stages: the gold table, the residual-PII gate, the dataset version and the chat JSONL.

``build_gold`` shapes the ``gold.training_examples`` row; ``residual_pii`` scans the exported
messages with the PII detectors again and ``check_residual_pii`` fails the run when they still find
something. Chat JSONL lines are exactly ``{"messages":[{"role":..,"content":..,"weight":..}]}`` with
weight only on assistant messages (integers 0/1 unless fractional weights are on). Files are written
by Spark tasks into a staging folder and moved into ``<storage.root>/exports/<dataset_version>/``
only when all three splits are complete, so a failed job leaves nothing partial behind.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import pyarrow as pa
from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from tunehouse.contracts.chat import SPLITS
from tunehouse.contracts.exports import MANIFEST, file_sha256, split_file
from tunehouse.curation.settings import ExportSettings
from tunehouse.errors import UserError
from tunehouse.pii.settings import PiiSettings


class ResidualPiiError(UserError):
    pass


@dataclass
class ExportResult:
    dataset_version: str
    folder: Path
    files: dict[str, dict] = field(default_factory=dict)
    created: bool = True


def export_messages(fractional: bool) -> F.Column:
    """The messages array as it must appear in chat JSONL (weight only on assistant messages)."""
    wtype = "double" if fractional else "int"
    return F.transform(
        "messages",
        lambda m: F.struct(
            m["role"].alias("role"), m["content"].alias("content"),
            F.when(m["role"] == "assistant", m["weight"].cast(wtype)).alias("weight")),
    )


def build_gold(df: DataFrame, bronze_version: int, fractional: bool) -> DataFrame:
    """The gold.training_examples row: messages with weights, split, cluster, signals, lineage."""
    df = df.withColumn("bronze_version", F.lit(bronze_version))
    core = ["conversation_id", "split", "messages", "cluster", "csat", "agent_id", "channel", "language",
            "started_at", "ended_at", "content_hash", "pii_counts", "bronze_keys", "bronze_version"]
    extra = [c for c in df.columns if c not in core and not c.startswith("__")]
    return df.select(
        *[c for c in core if c in df.columns and c != "messages"],
        export_messages(fractional).alias("messages"),
        F.size("messages").alias("n_messages"),
        F.size(F.filter("messages", lambda m: m["weight"] > 0)).alias("n_trainable_messages"),
        *extra,
        F.lit(datetime.now(timezone.utc)).alias("curated_at"),
    )


def dataset_fingerprint(df: DataFrame) -> str:
    """Order-independent fingerprint of (conversation_id, split, messages): the dataset version."""
    row_hash = F.sha2(F.to_json(F.struct("conversation_id", "split", "messages")), 256)
    as_int = F.conv(F.substring(row_hash, 1, 12), 16, 10).cast("decimal(38,0)")
    r = df.agg(F.count("*").alias("n"), F.sum(as_int).alias("s")).first()
    return "ds-" + hashlib.sha1(f"{r['n']}:{r['s']}".encode()).hexdigest()[:12]


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


def check_residual_pii(df: DataFrame, pii_settings: PiiSettings, cfg: ExportSettings) -> int:
    """Fail (ResidualPiiError listing where) when the export still holds detectable PII."""
    hits = residual_pii(df, pii_settings)
    if cfg.gate_entities:
        hits = hits.filter(F.col("entity_type").isin(cfg.gate_entities))
    hits = hits.cache()
    n = hits.count()
    if n > cfg.max_residual_entities:
        where = hits.orderBy("conversation_id", "message_index", "start").limit(20).collect()
        lines = [f"{r.conversation_id} message {r.message_index}: {r.entity_type} at {r.start}-{r.end}" for r in where]
        hits.unpersist()
        raise ResidualPiiError(
            f"residual-PII gate failed: {n} detection(s) in the export > curate.export.max_residual_entities="
            f"{cfg.max_residual_entities}; nothing was written. First ones:\n  " + "\n  ".join(lines))
    hits.unpersist()
    return n


def write_jsonl(df: DataFrame, exports_root: Path, dataset_version: str, fractional: bool,
                manifest_extra: dict) -> ExportResult:
    """Write train/validation/test JSONL + manifest.json atomically (staging folder, then rename)."""
    exports_root = Path(exports_root).resolve()
    final = exports_root / dataset_version
    if (final / MANIFEST).exists():  # same content already exported: idempotent
        manifest = json.loads((final / MANIFEST).read_text())
        return ExportResult(dataset_version, final, manifest.get("files", {}), created=False)
    stage = exports_root / f".staging-{uuid.uuid4().hex[:8]}"
    try:
        lines = df.select("split", "conversation_id", F.to_json(F.struct(export_messages(fractional).alias("messages")))
                          .alias("line"))
        # one task per split writes its file; sorted so the bytes (and hashes) are reproducible
        (lines.repartition(len(SPLITS), "split").sortWithinPartitions("split", "conversation_id")
         .select("split", "line").write.partitionBy("split").mode("overwrite").text(str(stage / "spark")))
        files = {}
        for split in SPLITS:
            out = stage / split_file(split)
            rows = 0
            with open(out, "wb") as dst:
                part_dir = stage / "spark" / f"split={split}"
                for part in sorted(part_dir.glob("part-*")) if part_dir.exists() else []:
                    with open(part, "rb") as src:
                        for line in src:
                            dst.write(line)
                            rows += 1
            files[out.name] = {"rows": rows, "sha256": file_sha256(out), "bytes": out.stat().st_size}
        shutil.rmtree(stage / "spark")
        manifest = {"dataset_version": dataset_version, "created_at": datetime.now(timezone.utc).isoformat(),
                    "files": files, **manifest_extra}
        (stage / MANIFEST).write_text(json.dumps(manifest, indent=2, default=str))
        if final.exists():
            shutil.rmtree(final)
        stage.rename(final)
        return ExportResult(dataset_version, final, files)
    finally:
        if stage.exists():
            shutil.rmtree(stage, ignore_errors=True)
