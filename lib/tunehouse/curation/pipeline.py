"""curate(): bronze -> silver -> gold + chat JSONL, every conversation accounted for.

    STAGES: assemble -> scrub -> exact_dedup -> near_dedup -> quality -> diversity -> weights -> split
    (with your own validation/test data: the same stages over it, but diversity, then cross_split_dedup)
    then:   residual-PII gate -> gold.training_examples + {train,validation,test}.jsonl

The stages are listed in :mod:`tunehouse.curation.stages`; the runner (:mod:`tunehouse.curation.runner`)
runs them in order, caches and counts what each keeps, and collects the conversations each drops
(scrubbed, with stage/reason/detail) into ``silver.dropped``. The summary proves
``assembled = kept + sum(dropped)``. Writing the tables and the export is :mod:`tunehouse.curation.export`
plus the few lines here.

Idempotent: curation is a deterministic function of the bronze snapshot and the settings; the
dataset version is a fingerprint of the result. When it equals the last run's, nothing is
rewritten (same Delta versions, same export folder).
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from tunehouse.config import Settings
from tunehouse.contracts.tables import (
    BRONZE_MESSAGES,
    GOLD_CLUSTERS,
    GOLD_EXAMPLES,
    GOLD_PII_REPORT,
    GOLD_RUNS,
    SILVER_CONVERSATIONS,
    SILVER_DROPPED,
)
from tunehouse.curation.export import (
    ExportResult,
    build_gold,
    check_residual_pii,
    dataset_fingerprint,
    remove_stale_staging,
    write_jsonl,
    write_pointer,
)
from tunehouse.curation.own_data import read_own_data
from tunehouse.curation.runner import DROPPED_COLUMNS, Runner, StageCount
from tunehouse.curation.stages import STAGES
from tunehouse.curation.stages.assemble import SYSTEM_SOURCE
from tunehouse.curation.stages.split import CrossSplitDedup, OwnSplit
from tunehouse.errors import UserError
from tunehouse.pii.scrubber import scrubbing_label, scrubbing_model
from tunehouse.runtime import crash_point

__all__ = ["DROPPED_COLUMNS", "CurationResult", "StageCount", "curate"]

OWN_PREFIX = "own_data:"  # stage names of the pass over your own validation/test data
# Your validation/test data go through every stage but diversity (an evaluation set is not sampled down), and
# their split is the one you gave them.
OWN_STAGES = tuple(s for s in STAGES if s.name not in ("diversity", "split")) + (OwnSplit(),)
# What a curation writes: held for the whole run so two curations never interleave their overwrites
WRITES = [SILVER_CONVERSATIONS, SILVER_DROPPED, GOLD_PII_REPORT, GOLD_CLUSTERS, GOLD_EXAMPLES, GOLD_RUNS]


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
    pii_scrubbed_by: str = "rules"  # "rules" or "rules+learned:<model folder>" (pii.detector, resolved)
    system_messages: dict[str, int] = field(default_factory=dict)  # kept conversations by source: data/config/none
    own_data: dict[str, str] = field(default_factory=dict)  # split -> your file or table (curate.split.*_data)

    @property
    def dropped_total(self) -> int:
        return sum(sum(s.dropped.values()) for s in self.stages)

    @property
    def reconciled(self) -> bool:
        return self.assembled == self.kept + self.dropped_total


def curate(spark: SparkSession, settings: Settings, lakehouse=None, progress: bool = True) -> CurationResult:
    """Run the stages over the current bronze snapshot, gate, write the tables and the export; holds the write
    locks of the tables it writes throughout (a second curation fails naming the table, see lakehouse.locks)."""
    from tunehouse.lakehouse.delta import Lakehouse

    lh = lakehouse or Lakehouse(spark, settings)
    with lh.exclusive(WRITES, job="curate"):
        return _curate(spark, settings, lh, progress)


def _curate(spark: SparkSession, settings: Settings, lh, progress: bool) -> CurationResult:
    from tqdm import tqdm

    t_start = time.time()
    if not lh.exists(BRONZE_MESSAGES):
        raise UserError(f"{BRONZE_MESSAGES} does not exist yet: run `tunehouse ingest PATH` first")
    bronze_version = lh.version(BRONZE_MESSAGES)
    own_sources = settings.curate.split.own_data
    extra_steps = len(OWN_STAGES) + 1 if own_sources else 0
    bar = tqdm(total=len(STAGES) + 2 + extra_steps, desc="curate", unit="stage", disable=not progress)

    def step(name: str) -> None:
        bar.set_postfix_str(name)
        bar.update(1)

    run = Runner(settings, on_stage=step)
    try:
        curated, kept = run.run(STAGES, lh.read(BRONZE_MESSAGES, version=bronze_version))
        if own_sources:
            curated, kept = _add_own_data(spark, lh, run, curated, kept, own_sources)
        gold = run.cache(build_gold(curated, bronze_version, settings.curate.weights.fractional))
        residual = check_residual_pii(gold, settings, settings.curate.export)
        step("pii_gate")
        dataset_version = dataset_fingerprint(gold)
        splits, trimmed, weights = _gold_summary(gold)
        last = _last_run(lh)
        changed = not (last and last["dataset_version"] == dataset_version and last["bronze_version"] == bronze_version)
        gold = gold.withColumn("dataset_version", F.lit(dataset_version))
        gold_version = _write_tables(lh, run, gold, bronze_version) if changed else lh.version(GOLD_EXAMPLES)
        scrubbed_by = scrubbing_label(scrubbing_model(settings))
        export = _export(settings, gold, dataset_version, gold_version, bronze_version, splits,
                         {"scrubbed_by": scrubbed_by, "gate": residual.checked_by, "gate_independent": residual.independent,
                          "residual_entities": int(residual)}, own_sources)
        step("export")
        result = CurationResult(
            dataset_version=dataset_version, bronze_version=bronze_version, assembled=_assembled(run), kept=kept,
            stages=run.counts, splits=splits, export_folder=export.folder, files=export.files,
            residual_pii=residual, pii_entities=_pii_totals(run.tables[SILVER_CONVERSATIONS]), weights=weights,
            changed=changed, seconds=time.time() - t_start, trimmed_messages=trimmed, pii_scrubbed_by=scrubbed_by,
            system_messages=_system_sources(gold), own_data=dict(own_sources))
        if changed:
            _record_run(spark, lh, result)
        return result
    finally:
        bar.close()
        run.release()


def _add_own_data(spark: SparkSession, lh, run: Runner, curated: DataFrame, kept: int,
                  sources: dict[str, str]) -> tuple[DataFrame, int]:
    """Your validation/test data through OWN_STAGES, added to the curated logs; then the logs' copies of any of
    them are dropped (cross_split_dedup), so no validation or test example is also in train."""
    own, n_own = run.run(OWN_STAGES, read_own_data(spark, lh, sources), prefix=OWN_PREFIX)
    both = curated.unionByName(own, allowMissingColumns=True)
    out = run.run_stage(CrossSplitDedup(), both, kept + n_own)
    if run.on_stage is not None:
        run.on_stage(CrossSplitDedup.name)
    return out


def _assembled(run: Runner) -> int:
    """Conversations assembled: from the logs, plus from your own validation/test data when given."""
    return sum(s.kept for s in run.counts if s.stage in ("assemble", OWN_PREFIX + "assemble"))


def _system_sources(gold: DataFrame) -> dict[str, int]:
    """Kept conversations by where their system message came from: data, config or none."""
    if SYSTEM_SOURCE not in gold.columns:
        return {}
    return {r[SYSTEM_SOURCE]: r["count"] for r in gold.groupBy(SYSTEM_SOURCE).count().collect()}


def _pii_totals(scrubbed: DataFrame) -> dict[str, int]:
    """Entities replaced by type, over all conversations (counts only)."""
    return {r["k"]: r["n"] for r in scrubbed.select(F.explode("pii_counts").alias("k", "v"))
            .groupBy("k").agg(F.sum("v").alias("n")).collect()}


def _gold_summary(gold: DataFrame) -> tuple[dict[str, int], int, dict[str, int]]:
    """(conversations per split, trailing messages trimmed, assistant messages per weight)."""
    per_split = gold.groupBy("split").agg(F.count("*").alias("n"),
                                          F.sum("quality.trimmed_messages").alias("trimmed")).collect()
    splits = {r["split"]: r["n"] for r in per_split}
    trimmed = sum(r["trimmed"] or 0 for r in per_split)
    weights = {str(r["w"]): r["count"] for r in gold.select(F.explode("messages").alias("m"))
               .filter("m.role = 'assistant'").groupBy(F.col("m.weight").alias("w")).count().collect()}
    return splits, int(trimmed), weights


def _write_tables(lh, run: Runner, gold: DataFrame, bronze_version: int) -> int:
    """The stages' tables, silver.dropped and gold.training_examples (last); returns the gold version."""
    for table, frame in run.tables.items():
        lh.write(frame, table, mode="overwrite")
        crash_point("curate.between_tables")
    dropped = run.all_dropped()
    if dropped is not None:
        lh.write(dropped.withColumn("bronze_version", F.lit(bronze_version)), SILVER_DROPPED, mode="overwrite")
    version = lh.write(gold, GOLD_EXAMPLES, mode="overwrite")
    crash_point("curate.after_gold")
    return version


def _export(settings: Settings, gold: DataFrame, dataset_version: str, gold_version: int, bronze_version: int,
            splits: dict[str, int], pii: dict, own_sources: dict[str, str]) -> ExportResult:
    """The chat JSONL folder of this dataset version (written once) and the latest-version pointer; the
    manifest records what scrubbed the data and what checked it (``pii``), and which splits are your own data."""
    cfg = settings.curate
    exports_root = cfg.export.exports_dir or settings.storage.exports
    extra = {"gold_table": GOLD_EXAMPLES, "gold_table_version": gold_version, "bronze_table": BRONZE_MESSAGES,
             "bronze_version": bronze_version, "splits": splits, "pii": pii,
             "settings_sha256": hashlib.sha256(cfg.model_dump_json().encode()).hexdigest()}
    if own_sources:
        extra["own_data"] = {split: str(source) for split, source in own_sources.items()}
    remove_stale_staging(exports_root)  # a killed run's; curate holds the write locks, so no export is running
    export = write_jsonl(gold, exports_root, dataset_version, cfg.weights.fractional, extra)
    crash_point("export.before_pointer")
    write_pointer(exports_root, dataset_version)
    return export


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
