"""After the stages: the gold table, the residual-PII gate, the dataset version and the chat JSONL.

``build_gold`` shapes the ``gold.training_examples`` row; ``residual_pii`` scans the exported
messages for PII again and ``check_residual_pii`` fails the run when it still finds something. The scan
uses a detector that did not scrub where there is one (``gate_detector``: the learned model when the
rules scrubbed alone; when both scrubbed, the rules re-run and the gate says it is not independent). Chat JSONL lines are exactly ``{"messages":[{"role":..,"content":..,"weight":..}]}`` with
weight only on assistant messages (integers 0/1 unless fractional weights are on). Files are written
by Spark tasks into a staging folder and moved into ``<storage.root>/exports/<dataset_version>/``
only when all three splits are complete, so a failed job leaves nothing partial behind.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

import pyarrow as pa
from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from tunehouse.contracts.chat import SPLITS
from tunehouse.contracts.exports import (
    LATEST_POINTER,
    MANIFEST,
    file_sha256,
    split_file,
)
from tunehouse.contracts.placeholders import PLACEHOLDER_RE
from tunehouse.curation.settings import ExportSettings
from tunehouse.errors import UserError
from tunehouse.pii.entity import Entity
from tunehouse.pii.settings import PiiSettings
from tunehouse.runtime import crash_point

if TYPE_CHECKING:
    from tunehouse.config import Settings
    from tunehouse.pii.learned.detector import LearnedDetector

log = logging.getLogger(__name__)


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


class ResidualCount(int):
    """Detections the residual-PII gate found (an int), with which detector looked (``checked_by``),
    whether it was independent of the scrubber and the counts by entity type (never values)."""

    checked_by: str
    independent: bool
    by_type: dict[str, int]

    def __new__(cls, n: int, checked_by: str, independent: bool, by_type: dict[str, int]) -> "ResidualCount":
        obj = super().__new__(cls, n)
        obj.checked_by, obj.independent, obj.by_type = checked_by, independent, by_type
        return obj


@dataclass(frozen=True)
class GateDetector:
    """What the residual-PII gate scans with: the learned model, the rules, or both."""

    learned: "LearnedDetector | None"
    rules: bool
    label: str

    @property
    def independent(self) -> bool:
        """The learned model checks what the rules alone scrubbed (not when it scrubbed too)."""
        return self.learned is not None and not self.rules


def gate_detector(settings: "Settings | PiiSettings") -> GateDetector:
    """A detector that did not do the scrubbing, where there is one.

    The rules scrubbed alone (pii.detector=rules, or auto without a model) and a learned model is there
    (pii.model.path, or with the full settings the artefact `tunehouse pii-model` trained): the learned
    model alone checks them. The rules and the learned model both scrubbed: no third detector is left; the
    rules re-run over the final export (catching what a later stage or a bug let through; the model is not
    re-run, see below) and the gate says it is not independent. No model at all: the rules check themselves
    (a warning says so)."""
    from tunehouse.pii.scrubber import scrubbing_model

    pii = settings if isinstance(settings, PiiSettings) else settings.pii
    full = settings if not isinstance(settings, PiiSettings) else None
    learned = _gate_model(settings)
    scrubbed_with_model = learned is not None and full is not None and scrubbing_model(full) is not None
    if learned is None:
        log.warning("residual-PII gate is NOT independent: no learned PII model (train one with `tunehouse "
                    "pii-model` or set pii.model.path), so the rules that scrubbed are checking their own output")
        return GateDetector(None, True, "rules (the scrubber's own detectors: not independent)")
    if scrubbed_with_model or pii.detector == "rules+learned":
        # The model reads context, and scrubbing changed it (placeholders next to words): re-run over placeholder
        # text it tags words it left alone the first time ("<PERSON_1>\n— Wanderly Travel"), which would fail clean
        # exports. So only the rules re-run; they are idempotent over their own output.
        return GateDetector(None, True, "rules (both the rules and the learned model scrubbed: not independent)")
    return GateDetector(learned, False, f"learned model ({learned.path}), independent of the rule scrubber")


def _gate_model(settings: "Settings | PiiSettings") -> "LearnedDetector | None":
    """The learned model for the gate, or None when there is none (or its extra is not installed)."""
    from tunehouse.config import Settings
    from tunehouse.pii.scrubber import learned_detector

    if isinstance(settings, PiiSettings):  # without storage.root only an explicit pii.model.path is found
        if not settings.model.path:
            return None
        settings = Settings(pii=settings)
    return learned_detector(settings, required=False)


def _scanner(settings_json: str, gate: GateDetector) -> Callable[[list[str]], list[list[Entity]]]:
    """texts -> the residual entities of each (spans over placeholders are never PII)."""
    from tunehouse.pii.scrubber import get_scrubber

    pii = PiiSettings.model_validate_json(settings_json)
    if gate.rules:
        return get_scrubber(pii, gate.learned).detect_batch
    enabled = frozenset(pii.entities)

    def learned_only(texts: list[str]) -> list[list[Entity]]:
        return [[e for e in ents if e.type in enabled and not _over_placeholder(t, e)]
                for t, ents in zip(texts, gate.learned.detect_batch(texts))]

    return learned_only


def _over_placeholder(text: str, e: Entity) -> bool:
    return "<" in text and any(e.start < m.end() and m.start() < e.end for m in PLACEHOLDER_RE.finditer(text))


RESIDUAL_SCHEMA = pa.schema([("conversation_id", pa.string()), ("message_index", pa.int32()),
                             ("entity_type", pa.string()), ("start", pa.int32()), ("end", pa.int32())])


def residual_pii(df: DataFrame, settings: PiiSettings, gate: GateDetector | None = None) -> DataFrame:
    """Scan already-scrubbed conversations with the gate's detector (default: the rules): one row per
    hit (no values kept, only where: conversation, message index, entity type, offsets). Empty when the
    export is clean. The texts of a whole Arrow batch go through the detector at once."""
    settings_json = settings.model_dump_json()
    gate = gate if gate is not None else GateDetector(None, True, "rules")
    out_schema = "conversation_id string, message_index int, entity_type string, start int, end int"

    def fn(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        scan = _scanner(settings_json, gate)
        for batch in batches:
            where, texts = [], []
            for cid, msgs in zip(batch.column("conversation_id").to_pylist(), batch.column("messages").to_pylist()):
                for i, m in enumerate(msgs or []):
                    if m["role"] != "system" and m["content"]:  # system: the company's own instructions
                        where.append((cid, i))
                        texts.append(m["content"])
            rows: dict[str, list] = {name: [] for name in RESIDUAL_SCHEMA.names}
            for (cid, i), ents in zip(where, scan(texts) if texts else []):
                for e in ents:
                    for name, v in zip(RESIDUAL_SCHEMA.names, (cid, i, e.type, e.start, e.end)):
                        rows[name].append(v)
            yield pa.RecordBatch.from_pydict(rows, schema=RESIDUAL_SCHEMA)

    return df.select("conversation_id", "messages").mapInArrow(fn, out_schema)


def check_residual_pii(df: DataFrame, settings: "Settings | PiiSettings", cfg: ExportSettings) -> ResidualCount:
    """Fail (ResidualPiiError listing counts by type and where) when the export still holds detectable
    PII, as an independent detector sees it where there is one (``gate_detector``). Pass the full
    settings so the default trained model is found; with the ``pii`` section only pii.model.path is."""
    pii = settings if isinstance(settings, PiiSettings) else settings.pii
    gate = gate_detector(settings)
    hits = residual_pii(df, pii, gate)
    if cfg.gate_entities:
        hits = hits.filter(F.col("entity_type").isin(cfg.gate_entities))
    hits = hits.cache()
    try:
        by_type = {r["entity_type"]: r["n"] for r in hits.groupBy("entity_type").agg(F.count("*").alias("n")).collect()}
        n = sum(by_type.values())
        if n > cfg.max_residual_entities:
            where = hits.orderBy("conversation_id", "message_index", "start").limit(20).collect()
            lines = [f"{r.conversation_id} message {r.message_index}: {r.entity_type} at {r.start}-{r.end}"
                     for r in where]
            counts = ", ".join(f"{t} {c}" for t, c in sorted(by_type.items(), key=lambda kv: -kv[1]))
            raise ResidualPiiError(
                f"residual-PII gate failed: {n} detection(s) in the export ({counts}; checked by {gate.label}) > "
                f"curate.export.max_residual_entities={cfg.max_residual_entities}; nothing was written. "
                "First ones:\n  " + "\n  ".join(lines))
    finally:
        hits.unpersist()
    return ResidualCount(n, gate.label, gate.independent, dict(sorted(by_type.items())))


STAGING_PREFIX = ".staging-"


def remove_stale_staging(exports_root: Path) -> int:
    """Delete the staging folders a killed export left behind (call only while no export runs: curate holds the
    lakehouse write locks then). They were never visible under a dataset version's name."""
    root = Path(exports_root)
    stale = [p for p in root.glob(STAGING_PREFIX + "*") if p.is_dir()] if root.is_dir() else []
    for p in stale:
        shutil.rmtree(p, ignore_errors=True)
    return len(stale)


def write_pointer(exports_root: Path, dataset_version: str) -> None:
    """Point ``LATEST`` at a dataset version atomically (temporary file, then rename over the old pointer): a
    reader, or a job killed mid-write, never sees an empty or half-written pointer."""
    root = Path(exports_root)
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f"{STAGING_PREFIX}{LATEST_POINTER}-{uuid.uuid4().hex[:8]}"
    tmp.write_text(dataset_version + "\n")
    os.replace(tmp, root / LATEST_POINTER)


def write_jsonl(df: DataFrame, exports_root: Path, dataset_version: str, fractional: bool,
                manifest_extra: dict) -> ExportResult:
    """Write train/validation/test JSONL + manifest.json atomically (staging folder, then rename)."""
    exports_root = Path(exports_root).resolve()
    final = exports_root / dataset_version
    if (final / MANIFEST).exists():  # same content already exported: idempotent
        manifest = json.loads((final / MANIFEST).read_text())
        return ExportResult(dataset_version, final, manifest.get("files", {}), created=False)
    stage = exports_root / f"{STAGING_PREFIX}{uuid.uuid4().hex[:8]}"
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
            crash_point("export.mid_files")
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
