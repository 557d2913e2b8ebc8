"""The rows of ``gold.eval_predictions``: every sampled prompt answered by every model on Spark.

Prompts x models are spread over Spark partitions and scored by :mod:`tunehouse.evaluation.scoring`
(``mapInPandas``); each row then gets who answered (model role, label, registered name and version, URI),
which run scored it, the house-style scores of reply and reference (the curation markers), and which table
version and split the prompt came from. The rows are appended to the predictions table and read back from
it, so every metric is computed from what was stored.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from tunehouse.evaluation.metrics import house_style
from tunehouse.evaluation.settings import EvaluateSettings
from tunehouse.model import registry as mref

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

    from tunehouse.config import Settings
    from tunehouse.lakehouse.delta import Lakehouse


def score_on_spark(spark: "SparkSession", settings: "Settings", es: EvaluateSettings, prompts: "DataFrame",
                   refs: dict[str, mref.ModelRef], n_prompts: int) -> "DataFrame":
    """prompts x models, spread over partitions (rows of one model kept together), scored by scoring.py."""
    from pyspark.sql import functions as F

    from tunehouse.evaluation.scoring import OUTPUT_SCHEMA, score_batches

    models = spark.createDataFrame([(role, str(r.hf_dir), i) for i, (role, r) in enumerate(refs.items())],
                                   "model_role string, hf_dir string, model_index int")
    n = es.partitions or spark.sparkContext.defaultParallelism
    # job g = (model, prompt) in model-major order; partition = g * n // jobs: equal shares, contiguous per model
    # (each Python worker mostly loads one model); range partitioning keeps those contiguous blocks apart
    total = len(refs) * n_prompts
    jobs = (prompts.crossJoin(F.broadcast(models))
            .withColumn("part", F.floor((F.col("model_index") * n_prompts + F.col("prompt_rank")) * n / total))
            .repartitionByRange(n, "part")
            .drop("part", "model_index", "prompt_rank"))
    cfg = {"max_new_tokens": es.max_new_tokens, "temperature": es.temperature, "seed": es.seed,
           "torch_threads": es.torch_threads, "device": es.device, "pii": settings.pii.model_dump_json()}
    return jobs.mapInPandas(score_batches(json.dumps(cfg)), OUTPUT_SCHEMA)


def with_lineage(scored: "DataFrame", settings: "Settings", es: EvaluateSettings, refs: dict[str, mref.ModelRef],
                 run_id: str, table_version) -> "DataFrame":
    """Add who/what/when columns and the house-style scores (Spark regexes, as in curation)."""
    from pyspark.sql import functions as F

    from tunehouse.curation.signals.style import style_score

    markers, _ = house_style(settings, es)
    info = {role: (r.label, r.name, r.version, r.uri or r.source) for role, r in refs.items()}

    def pick(i: int):
        expr = F.lit(None).cast("string")
        for role, vals in info.items():
            expr = F.when(F.col("model_role") == role, F.lit(vals[i])).otherwise(expr)
        return expr

    return scored.select(
        F.lit(run_id).alias("eval_run_id"),
        F.lit(datetime.now(timezone.utc)).alias("evaluated_at"),
        "model_role",
        pick(0).alias("model_label"), pick(1).alias("model_name"), pick(2).alias("model_version"),
        pick(3).alias("model_uri"),
        *[c for c in scored.columns if c != "model_role"],
        F.when(F.col("reply").isNotNull(), style_score(F.col("reply"), markers)).alias("style_score"),
        style_score(F.col("reference"), markers).alias("reference_style_score"),
        F.lit(es.table).alias("source_table"),
        F.lit(table_version).cast("long").alias("source_table_version"),
        F.lit(es.split).alias("source_split"),
    )


def score_and_store(lh: "Lakehouse", settings: "Settings", es: EvaluateSettings, prompts: "DataFrame",
                    n_prompts: int, refs: dict[str, mref.ModelRef], run_id: str,
                    table_version: int | None) -> tuple["DataFrame", int]:
    """Score, append to ``es.predictions_table``; return this run's stored rows (cached) and the new version."""
    from pyspark.sql import functions as F

    scored = score_on_spark(lh.spark, settings, es, prompts, refs, n_prompts)
    version = lh.write(with_lineage(scored, settings, es, refs, run_id, table_version), es.predictions_table,
                       mode="append")
    stored = lh.read(es.predictions_table).filter(F.col("eval_run_id") == run_id).cache()
    return stored, version
