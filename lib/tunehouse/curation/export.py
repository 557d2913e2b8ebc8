"""Stage 9: the residual-PII gate, the gold table and the chat JSONL files.

Chat JSONL lines are exactly ``{"messages":[{"role":..,"content":..,"weight":..}]}`` with weight only
on assistant messages (integers 0/1 unless fractional weights are on). Files are written by Spark
tasks into a staging folder and moved into ``<storage.root>/exports/<dataset_version>/`` only when
all three splits are complete, so a failed job leaves nothing partial behind.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from tunehouse.contracts.chat import SPLITS
from tunehouse.contracts.exports import MANIFEST, file_sha256, split_file
from tunehouse.curation.settings import ExportSettings
from tunehouse.errors import UserError


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


def dataset_fingerprint(df: DataFrame) -> str:
    """Order-independent fingerprint of (conversation_id, split, messages): the dataset version."""
    row_hash = F.sha2(F.to_json(F.struct("conversation_id", "split", "messages")), 256)
    as_int = F.conv(F.substring(row_hash, 1, 12), 16, 10).cast("decimal(38,0)")
    r = df.agg(F.count("*").alias("n"), F.sum(as_int).alias("s")).first()
    return "ds-" + hashlib.sha1(f"{r['n']}:{r['s']}".encode()).hexdigest()[:12]


def check_residual_pii(df: DataFrame, pii_settings, cfg: ExportSettings) -> int:
    """Fail (ResidualPiiError listing where) when the export still holds detectable PII."""
    from tunehouse.curation.scrub import residual_pii

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
