"""The curation runner: bronze -> silver -> gold + chat JSONL, every conversation accounted for.

    assemble -> scrub PII -> exact dedup -> near dedup -> quality -> diversity -> weights -> split
             -> residual-PII gate -> gold.training_examples + {train,validation,test}.jsonl

Each filter stage returns (kept, dropped); the runner caches ``kept``, counts both, and collects the
dropped conversations (scrubbed, with stage/reason/detail) into ``silver.dropped``. The summary
proves ``assembled = kept + sum(dropped)``.

Idempotent: curation is a deterministic function of the bronze snapshot and the settings; the
dataset version is a fingerprint of the result. When it equals the last run's, nothing is
rewritten (same Delta versions, same export folder).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from tunehouse.config import Settings
from tunehouse.contracts.exports import LATEST_POINTER
from tunehouse.contracts.tables import (
    BRONZE_MESSAGES,
    GOLD_CLUSTERS,
    GOLD_EXAMPLES,
    GOLD_PII_REPORT,
    GOLD_RUNS,
    SILVER_CONVERSATIONS,
    SILVER_DROPPED,
)
from tunehouse.curation.assemble import assemble_conversations
from tunehouse.curation.diversity import diversity_sample
from tunehouse.curation.exact_dedup import exact_dedup
from tunehouse.curation.export import (
    check_residual_pii,
    dataset_fingerprint,
    export_messages,
    write_jsonl,
)
from tunehouse.curation.near_dedup import near_dedup
from tunehouse.curation.quality import quality_filter
from tunehouse.curation.scrub import pii_report, scrub_conversations
from tunehouse.curation.settings import CurateSettings
from tunehouse.curation.split import assign_split
from tunehouse.curation.weights import assign_weights
from tunehouse.errors import UserError

log = logging.getLogger(__name__)



@dataclass
class StageCount:
    stage: str
    rows_in: int
    kept: int
    dropped: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass
class CurationResult:
    dataset_version: str
    bronze_version: int
    assembled: int
    kept: int
    stages: list[StageCount]
    splits: dict[str, int]
    export_folder: Path
    files: dict
    residual_pii: int
    pii_entities: dict[str, int]
    weights: dict[str, int]
    changed: bool
    seconds: float
    trimmed_messages: int = 0  # trailing messages cut from kept conversations (quality.trimmed_messages)

    @property
    def dropped_total(self) -> int:
        return sum(sum(s.dropped.values()) for s in self.stages)

    @property
    def reconciled(self) -> bool:
        return self.assembled == self.kept + self.dropped_total


DROPPED_COLUMNS = ["conversation_id", "stage", "reason", "detail", "csat", "agent_id", "messages", "bronze_keys"]


def _dropped_rows(dropped: DataFrame, stage: str) -> DataFrame:
    return dropped.select("conversation_id", F.lit(stage).alias("stage"), "reason", "detail", "csat", "agent_id",
                          F.col("messages"), "bronze_keys")


def _counts_by_reason(dropped: DataFrame) -> dict[str, int]:
    return {r["reason"]: r["count"] for r in dropped.groupBy("reason").count().collect()}


class _Runner:
    def __init__(self) -> None:
        self.stages: list[StageCount] = []
        self.dropped: list[DataFrame] = []
        self.cached: list[DataFrame] = []

    def filter_stage(self, name: str, n_in: int, run_stage) -> tuple[DataFrame, int, tuple]:
        """Run one filter stage (a callable returning (kept, dropped, *extras)), cache and count its output.
        Returns (kept, kept count, extras)."""
        t0 = time.time()
        result = run_stage()
        kept, dropped = result[0], result[1]
        kept = kept.cache()
        dropped = _dropped_rows(dropped, name).cache()
        n_kept = kept.count()
        reasons = _counts_by_reason(dropped)
        self.cached += [kept, dropped]
        self.dropped.append(dropped)
        self.stages.append(StageCount(name, n_in, n_kept, reasons, time.time() - t0))
        if n_in != n_kept + sum(reasons.values()):
            raise RuntimeError(f"stage {name} lost rows: {n_in} in, {n_kept} kept, {sum(reasons.values())} dropped")
        log.info("%-12s in=%d kept=%d dropped=%s", name, n_in, n_kept, reasons)
        return kept, n_kept, tuple(result[2:])

    def release(self) -> None:
        for df in self.cached:
            df.unpersist()
        if self.cached:  # stages may cache their own intermediates (quality signals, near-dup edges)
            self.cached[0].sparkSession.catalog.clearCache()


def curate(spark: SparkSession, settings: Settings, lakehouse=None, progress: bool = True) -> CurationResult:
    from tqdm import tqdm

    from tunehouse.lakehouse.delta import Lakehouse

    t_start = time.time()
    cfg: CurateSettings = settings.curate
    lh = lakehouse or Lakehouse(spark, settings)
    if not lh.exists(BRONZE_MESSAGES):
        raise UserError(f"{BRONZE_MESSAGES} does not exist yet: run `tunehouse ingest PATH` first")
    bronze_version = lh.version(BRONZE_MESSAGES)
    bronze = lh.read(BRONZE_MESSAGES, version=bronze_version)
    run = _Runner()
    bar = tqdm(total=9, desc="curate", unit="stage", disable=not progress)

    def step(name: str):
        bar.set_postfix_str(name)
        bar.update(1)

    try:
        t0 = time.time()
        conv = assemble_conversations(bronze, cfg.assemble)
        scrubbed = scrub_conversations(conv, settings.pii).withColumn("bronze_version", F.lit(bronze_version)).cache()
        run.cached.append(scrubbed)
        assembled = scrubbed.count()
        run.stages.append(StageCount("assemble+scrub", assembled, assembled, {}, time.time() - t0))
        step("scrub")
        pii_totals = {r["k"]: r["n"] for r in scrubbed.select(F.explode("pii_counts").alias("k", "v"))
                      .groupBy("k").agg(F.sum("v").alias("n")).collect()}

        df, n, _ = run.filter_stage("exact_dedup", assembled, lambda: exact_dedup(scrubbed, cfg.exact_dedup))
        step("exact_dedup")
        df, n, _ = run.filter_stage("near_dedup", n, lambda: near_dedup(df, cfg.near_dedup))
        step("near_dedup")
        df, n, _ = run.filter_stage("quality", n, lambda: quality_filter(df, cfg.quality))
        step("quality")
        df, n, (clusters,) = run.filter_stage("diversity", n, lambda: diversity_sample(df, cfg.diversity))
        clusters = clusters.cache()
        run.cached.append(clusters)
        step("diversity")
        df, n, _ = run.filter_stage("weights", n, lambda: assign_weights(df, cfg.weights, cfg.quality.error_reply_patterns))
        step("weights")
        gold = build_gold(assign_split(df, cfg.split), bronze_version, cfg.weights.fractional).cache()
        run.cached.append(gold)
        step("split")

        residual = check_residual_pii(gold, settings.pii, cfg.export)
        step("pii_gate")
        dataset_version = dataset_fingerprint(gold)
        per_split = gold.groupBy("split").agg(F.count("*").alias("n"),
                                              F.sum("quality.trimmed_messages").alias("trimmed")).collect()
        splits = {r["split"]: r["n"] for r in per_split}
        trimmed = sum(r["trimmed"] or 0 for r in per_split)
        weights = {str(r["w"]): r["count"] for r in gold.select(F.explode("messages").alias("m"))
                   .filter("m.role = 'assistant'").groupBy(F.col("m.weight").alias("w")).count().collect()}
        last = _last_run(lh)
        changed = not (last and last["dataset_version"] == dataset_version and last["bronze_version"] == bronze_version)
        exports_root = cfg.export.exports_dir or settings.storage.exports
        gold = gold.withColumn("dataset_version", F.lit(dataset_version))
        if changed:
            lh.write(scrubbed.drop("bronze_version"), SILVER_CONVERSATIONS, mode="overwrite")
            dropped_all = run.dropped[0]
            for d in run.dropped[1:]:
                dropped_all = dropped_all.unionByName(d)
            lh.write(dropped_all.withColumn("bronze_version", F.lit(bronze_version)), SILVER_DROPPED, mode="overwrite")
            lh.write(pii_report(scrubbed), GOLD_PII_REPORT, mode="overwrite")
            lh.write(clusters, GOLD_CLUSTERS, mode="overwrite")
            gold_version = lh.write(gold, GOLD_EXAMPLES, mode="overwrite")
        else:
            gold_version = lh.version(GOLD_EXAMPLES)
        export = write_jsonl(
            gold, exports_root, dataset_version, cfg.weights.fractional,
            {"gold_table": GOLD_EXAMPLES, "gold_table_version": gold_version, "bronze_table": BRONZE_MESSAGES,
             "bronze_version": bronze_version, "splits": splits,
             "settings_sha256": hashlib.sha256(cfg.model_dump_json().encode()).hexdigest()})
        Path(exports_root).mkdir(parents=True, exist_ok=True)
        (Path(exports_root) / LATEST_POINTER).write_text(dataset_version + "\n")
        step("export")
        result = CurationResult(
            dataset_version=dataset_version, bronze_version=bronze_version, assembled=assembled, kept=n,
            stages=run.stages, splits=splits, export_folder=export.folder, files=export.files,
            residual_pii=residual, pii_entities=pii_totals, weights=weights, changed=changed,
            seconds=time.time() - t_start, trimmed_messages=int(trimmed))
        if changed:
            _record_run(spark, lh, result)
        return result
    finally:
        bar.close()
        run.release()


def build_gold(df: DataFrame, bronze_version: int, fractional: bool) -> DataFrame:
    """The gold.training_examples row: messages with weights, split, cluster, signals, lineage."""
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


def _last_run(lh) -> dict | None:
    if not lh.exists(GOLD_RUNS):
        return None
    row = lh.read(GOLD_RUNS).orderBy(F.col("finished_at").desc()).first()
    return row.asDict() if row else None


def _record_run(spark: SparkSession, lh, r: CurationResult) -> None:
    rows = [(r.dataset_version, r.bronze_version, s.stage, s.rows_in, s.kept, json.dumps(s.dropped),
             float(s.seconds), datetime.now(timezone.utc)) for s in r.stages]
    df = spark.createDataFrame(rows, "dataset_version string, bronze_version long, stage string, rows_in long, "
                                     "kept long, dropped_by_reason string, seconds double, finished_at timestamp")
    lh.write(df, GOLD_RUNS, mode="append")
