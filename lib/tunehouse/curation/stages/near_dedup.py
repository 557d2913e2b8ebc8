"""Stage 4: near-duplicate removal with banded MinHash LSH, verified by real Jaccard, in Spark.

Pipeline (all distributed; nothing but counts reaches the driver):

1. **Text**: the contents of the configured roles (default user + assistant; the system message is
   the same company instruction in every conversation and would make everything look alike),
   normalised in the JVM: lower case, apostrophes removed (``don't`` -> ``dont``), every other
   character that is not a letter, digit, mark or ``_`` becomes a space, whitespace collapsed.
   PII placeholders are ordinary tokens (``<PERSON_1>`` -> ``person_1``).
2. **Shingles**: word n-grams (default, n=3) or character n-grams (n=5), each hashed to 64 bits
   with Spark's ``xxhash64``; the distinct hashes are the conversation's *shingle set*.
   Conversations with fewer tokens (characters) than the shingle size have an empty set: they
   are never compared and always kept.
3. **Signature**: ``num_bands * rows_per_band`` minhashes per conversation, computed by a
   vectorised pandas UDF (numpy). Hash family: Dietzfelbinger's multiply-add-shift,
   ``h(x) = ((a*x + b) mod 2**64) >> 32`` on the low 32 bits of the shingle hash with random
   64-bit ``a, b`` drawn from ``seed``. It is strongly universal (2-independent) and exact in
   uint64 wrap-around arithmetic (a ``(a*x+b) mod 2**61-1`` family needs 122-bit products that
   numpy lacks, so it would cost ~4x the passes for no measurable gain; a unit test checks the
   estimator is unbiased against true Jaccard).
4. **Banding** (AND within a band, OR across bands; Spark MLlib's ``MinHashLSH`` only has the OR
   part): band ``k`` of a signature is hashed with ``xxhash64`` and conversations are exploded to
   ``(band, band_hash)`` buckets. Buckets with more than ``max_bucket_size`` members (boilerplate)
   are skipped with a warning, so a bucket never costs more than ``max_bucket_size**2 / 2`` pairs.
   A self-join inside each bucket gives the candidate pairs ``(a, b)`` with ``a < b``.
5. **Verification**: each candidate pair's *real* Jaccard on the shingle sets,
   ``|A n B| / (|A| + |B| - |A n B|)`` via ``array_intersect``; pairs below ``threshold`` are
   discarded, so LSH decides only *which* pairs are checked, never which are merged.
6. **Connected components** of the verified pairs by min-label propagation with pointer jumping
   (each round: a node takes the smallest label among itself and its neighbours, then the label
   of its label), checkpointed each round, until nothing changes (at most ``max_iterations``).
   Near-duplicate chains (A~B, B~C, A!~C) become one component.
7. **Representative**: per component the best copy by ``frame.best_copy_order()`` (csat desc nulls
   last, ended_at desc nulls last, conversation_id asc; the exact-dedup stage uses the same order).
   The others are dropped with ``reason="near_duplicate"`` and a ``detail`` such as
   ``"jaccard 0.91 with WT-2024-001234 (kept)"`` (direct similarity to the kept copy) or
   ``"jaccard 0.86 with WT-2024-001240, cluster of 3 kept WT-2024-001234"`` (reached through a
   chain; the similarity is to its most similar neighbour).

Choice of banding (defaults: 25 bands x 8 rows = 200 minhashes). A pair with Jaccard ``s``
becomes a candidate with probability ``P(s) = 1 - (1 - s**8)**25``:

    s     0.30    0.40    0.50    0.60    0.70    0.75    0.80    0.85    0.90    0.95
    P(s)  0.0016  0.0163  0.0932  0.3452  0.7734  0.9284  0.9899  0.9996  1.0000  1.0000

so pairs at the 0.8 threshold are caught 99% of the time (above 0.85 essentially always) and
pairs at 0.5 only 9% of the time (those cost a verification, never a wrong merge); the S-curve's
midpoint is ``(1/25)**(1/8) = 0.67``. Alternatives: 20x10 misses 10% at 0.8; 32x8 catches 99.7%
at 0.8 but 12% at 0.5; 50x10 (500 hashes) gives 99.7% / 4.8% at 2.5x the signature cost.

Word 3-grams by default: one changed word changes 3 shingles, so a 100-word conversation with a
word swapped keeps Jaccard ~0.94 while two different conversations on the same topic share few
3-grams (names, dates, places, booking details and phrasing differ). Char 5-grams are more
forgiving of typos and languages without spaces, at ~5x the shingles.

Measured (``benchmarks/bench_near_dedup.py``, 10,000 generated conversations, seed 7, 500 planted
near-copy pairs, exact/renamed copies left to stage 3): word 3-grams, pair precision 1.000 and
recall 0.978 (the 11 missed pairs have a real Jaccard of 0.67-0.80 after the edit: short chats,
so no verifier at 0.8 could merge them; LSH lost none of the 489 pairs at or above 0.8). Char
5-grams: recall 0.996 but precision 0.949 (23 pairs of distinct template-like conversations are
>= 0.8 alike at character level) and ~5x the signature work.

``near_dedup`` runs about a dozen small Spark jobs while called and checkpoints its intermediate
frames (``localCheckpoint``: not fault tolerant on a cluster that loses an executor); the kept and
dropped frames it returns re-read `df`, so cache `df` if it is expensive. ``conversation_id``
must be unique (assembly guarantees it).
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from pyspark.sql import Column, DataFrame, Window
from pyspark.sql import functions as F

from tunehouse.curation.frame import best_copy_order, split_by_reason
from tunehouse.curation.settings import NearDedupSettings
from tunehouse.curation.stages.base import StageResult

if TYPE_CHECKING:
    from tunehouse.config import Settings

log = logging.getLogger(__name__)

REASON = "near_duplicate"


@dataclass
class NearDedupStats:
    conversations: int = 0          # input rows
    too_short: int = 0              # no shingle (fewer tokens than shingle_size): kept, never compared
    skipped_buckets: int = 0        # LSH buckets over max_bucket_size
    largest_bucket: int = 0         # size of the largest skipped bucket (0 if none)
    candidate_pairs: int = 0        # distinct pairs sharing at least one band
    verified_pairs: int = 0         # candidates with real Jaccard >= threshold (graph edges)
    components: int = 0             # connected components of the verified pairs (clusters of >= 2)
    clustered: int = 0              # conversations in those components
    dropped: int = 0                # clustered - components
    iterations: int = 0             # connected-components rounds
    converged: bool = True
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per phase (its Spark jobs)

    def as_dict(self) -> dict:
        return asdict(self)


# --------------------------------------------------------------------------- text and shingles
def normalized_text(roles: list[str]) -> Column:
    """The compared text: contents of `roles` joined, lower-cased, punctuation stripped, spaces collapsed."""
    msgs = F.filter("messages", lambda m: m["role"].isin(*roles))
    text = F.lower(F.coalesce(F.array_join(F.transform(msgs, lambda m: m["content"]), "\n"), F.lit("")))
    text = F.regexp_replace(text, r"['\u2019\u02bc`]", "")
    text = F.regexp_replace(text, r"[^\p{L}\p{N}\p{M}_]+", " ")
    return F.trim(text)


def with_shingle_hashes(df: DataFrame, roles: list[str], unit: str, n: int, out: str = "sh") -> DataFrame:
    """Add `out`: the distinct 64-bit hashes (xxhash64) of the word or character n-grams of the
    normalised text; an empty array when the text has fewer than `n` units.

    The text and its tokens are projected once, then referenced (Spark does not collapse a
    non-cheap expression into several uses), so the regexes run once per conversation.
    """
    empty = F.array().cast("array<bigint>")
    t = df.withColumn("__t", normalized_text(roles))
    if unit == "word":
        t = t.withColumn("__tok", F.when(F.length("__t") > 0, F.split("__t", " ")).otherwise(F.array().cast("array<string>")))
        t = t.withColumn("__n", F.size("__tok"))
        grams = F.transform(F.sequence(F.lit(1), F.col("__n") - n + 1),
                            lambda i: F.xxhash64(F.array_join(F.slice("__tok", i, n), " ")))
    else:
        t = t.withColumn("__n", F.length("__t"))
        grams = F.transform(F.sequence(F.lit(1), F.col("__n") - n + 1), lambda i: F.xxhash64(F.substring("__t", i, n)))
    # sequence(1, 0) would count down, so guard: too few units -> empty set.
    t = t.withColumn(out, F.when(F.col("__n") >= n, F.array_distinct(grams)).otherwise(empty))
    return t.drop("__t", "__tok", "__n")


# --------------------------------------------------------------------------- minhash (numpy)
def minhash_coefficients(num_hashes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 2**64, size=num_hashes, dtype=np.uint64, endpoint=False) | np.uint64(1)
    b = rng.integers(0, 2**64, size=num_hashes, dtype=np.uint64, endpoint=False)
    return a, b


_CHUNK_CELLS = 1_000_000  # shingles x hashes evaluated per numpy step (8 MB of uint64: stays in cache)


def minhash_signatures(sets: list, a: np.ndarray, b: np.ndarray) -> list:
    """Minhash signature (int64 values < 2**32) of each int64 array in `sets`; None for empty/null."""
    out: list = [None] * len(sets)
    mask = np.uint64(0xFFFFFFFF)
    shift = np.uint64(32)
    h = len(a)
    idx = [i for i, s in enumerate(sets) if s is not None and len(s) > 0]
    max_shingles = max(1, _CHUNK_CELLS // h)
    start = 0
    while start < len(idx):
        end, total = start, 0
        while end < len(idx) and (end == start or total + len(sets[idx[end]]) <= max_shingles):
            total += len(sets[idx[end]])
            end += 1
        rows = idx[start:end]
        arrays = [np.asarray(sets[i], dtype=np.int64) for i in rows]
        lens = np.fromiter((len(x) for x in arrays), dtype=np.int64, count=len(arrays))
        x = np.concatenate(arrays).view(np.uint64) & mask
        vals = np.multiply(x[:, None], a[None, :])                        # (shingles, hashes), wraps mod 2**64
        vals += b[None, :]
        offsets = np.concatenate(([0], np.cumsum(lens)[:-1]))
        # >> 32 is monotone, so it commutes with min: shift the (rows, hashes) result, not every value
        mins = (np.minimum.reduceat(vals, offsets, axis=0) >> shift).view(np.int64)
        for j, i in enumerate(rows):
            out[i] = mins[j]
        start = end
    return out


def _signature_udf(num_hashes: int, seed: int):
    a, b = minhash_coefficients(num_hashes, seed)

    @F.pandas_udf("array<bigint>")
    def signature(sets: pd.Series) -> pd.Series:
        return pd.Series(minhash_signatures(list(sets), a, b), index=sets.index, dtype=object)

    return signature


# --------------------------------------------------------------------------- the stage
def near_dedup(df: DataFrame, cfg: NearDedupSettings) -> tuple[DataFrame, DataFrame]:
    """Drop near-duplicate conversations, keeping the best copy of each cluster. Returns (kept, dropped).

    ``dropped`` has the input columns plus ``reason`` ("near_duplicate") and ``detail``. Runs Spark
    jobs while called (components need rounds); the returned frames read the input `df` again, so
    cache it upstream if it is expensive. Statistics are logged; use :func:`near_dedup_with_stats`
    to get them.
    """
    kept, dropped, _ = near_dedup_with_stats(df, cfg)
    return kept, dropped


def near_dedup_with_stats(df: DataFrame, cfg: NearDedupSettings) -> tuple[DataFrame, DataFrame, NearDedupStats]:
    """:func:`near_dedup` and its statistics: steps 2-7 of the module docstring, one helper each."""
    stats = NearDedupStats()
    if not cfg.enabled:
        kept, dropped = split_by_reason(df, F.lit(None).cast("string"))
        return kept, dropped, stats

    clock = _Clock(stats)
    sigs = _signatures(df, cfg, stats)
    clock("signatures")
    buckets = _buckets(sigs, cfg)
    clock("buckets")
    scored = _verified_candidates(sigs, buckets, cfg, stats)
    clock("candidates_verified")

    if stats.verified_pairs == 0:
        kept, dropped = split_by_reason(df, F.lit(None).cast("string"))
        _log(stats)
        return kept, dropped, stats

    edges = scored.filter(F.col("jaccard") >= cfg.threshold)
    both = (edges.select(F.col("a").alias("u"), F.col("b").alias("v"), "jaccard")
            .unionByName(edges.select(F.col("b").alias("u"), F.col("a").alias("v"), "jaccard"))
            .localCheckpoint())
    labels = _components(both, cfg.max_iterations, stats)
    clock("components")
    drops = _drop_details(sigs, both, labels, stats)
    clock("representatives")
    _log(stats)

    cols = df.columns
    tagged = df.join(F.broadcast(drops) if stats.dropped <= 100_000 else drops, "conversation_id", "left")
    tagged = tagged.select(*cols, "__nd_detail")
    kept, dropped = split_by_reason(tagged, F.when(F.col("__nd_detail").isNotNull(), F.lit(REASON)),
                                    F.col("__nd_detail"))
    return kept.drop("__nd_detail"), dropped.drop("__nd_detail"), stats


def _signatures(df: DataFrame, cfg: NearDedupSettings, stats: NearDedupStats) -> DataFrame:
    """(conversation_id, csat, ended_at, sh, sig), checkpointed; sig is null for too-short texts."""
    signature = _signature_udf(cfg.num_hashes, cfg.seed)
    sigs = (with_shingle_hashes(df.select("conversation_id", "csat", "ended_at", "messages"), cfg.roles, cfg.shingle,
                                cfg.effective_shingle_size)
            .drop("messages")
            .withColumn("sig", F.when(F.size("sh") > 0, signature("sh")))
            .localCheckpoint())
    row = sigs.agg(F.count(F.lit(1)).alias("n"), F.sum(F.when(F.col("sig").isNull(), 1).otherwise(0)).alias("short")
                   ).first()
    stats.conversations, stats.too_short = int(row["n"]), int(row["short"] or 0)
    return sigs


def _buckets(sigs: DataFrame, cfg: NearDedupSettings) -> DataFrame:
    """(band, bucket, members, ids): the LSH buckets with two or more members, ids sorted."""
    r = cfg.rows_per_band
    band_keys = F.transform(F.sequence(F.lit(0), F.lit(cfg.num_bands - 1)),
                            lambda k: F.xxhash64(F.slice("sig", k * r + 1, r)))
    return (sigs.filter(F.col("sig").isNotNull())
            .select("conversation_id", F.posexplode(band_keys).alias("band", "bucket"))
            .groupBy("band", "bucket")
            .agg(F.count(F.lit(1)).alias("members"), F.array_sort(F.collect_list("conversation_id")).alias("ids"))
            .filter(F.col("members") >= 2)
            .localCheckpoint())


def _verified_candidates(sigs: DataFrame, buckets: DataFrame, cfg: NearDedupSettings,
                         stats: NearDedupStats) -> DataFrame:
    """(a, b, jaccard) for every distinct candidate pair a < b of the buckets not over max_bucket_size."""
    big = buckets.filter(F.col("members") > cfg.max_bucket_size).agg(
        F.count(F.lit(1)).alias("n"), F.max("members").alias("largest")).first()
    stats.skipped_buckets, stats.largest_bucket = int(big["n"]), int(big["largest"] or 0)
    if stats.skipped_buckets:
        log.warning("near_dedup: skipped %d LSH bucket(s) with more than %d members (largest %d): boilerplate "
                    "shared by many conversations; pairs only found through them are not compared",
                    stats.skipped_buckets, cfg.max_bucket_size, stats.largest_bucket)
    # Every pair (ids[i], ids[j]), i < j, of each bucket; ids are sorted so a < b.
    pairs = F.flatten(F.transform("ids", lambda x, i: F.transform(
        F.slice("ids", i + 2, F.col("members")), lambda y: F.struct(x.alias("a"), y.alias("b")))))
    candidates = (buckets.filter(F.col("members") <= cfg.max_bucket_size)
                  .select(F.explode(pairs).alias("p")).select("p.a", "p.b").distinct())

    # Verify by real Jaccard.
    sa = sigs.select(F.col("conversation_id").alias("a"), F.col("sh").alias("sa"))
    sb = sigs.select(F.col("conversation_id").alias("b"), F.col("sh").alias("sb"))
    inter = F.size(F.array_intersect("sa", "sb"))
    scored = (candidates.join(sa, "a").join(sb, "b")
              .select("a", "b", (inter / (F.size("sa") + F.size("sb") - inter)).alias("jaccard"))
              .localCheckpoint())
    counts = scored.agg(F.count(F.lit(1)).alias("c"),
                        F.sum(F.when(F.col("jaccard") >= cfg.threshold, 1).otherwise(0)).alias("v")).first()
    stats.candidate_pairs, stats.verified_pairs = int(counts["c"]), int(counts["v"] or 0)
    return scored


def _drop_details(sigs: DataFrame, both: DataFrame, labels: DataFrame, stats: NearDedupStats) -> DataFrame:
    """(conversation_id, __nd_detail) of every component member that is not its best copy."""
    attrs = sigs.select("conversation_id", "csat", "ended_at")
    members = labels.withColumnRenamed("v", "conversation_id").join(attrs, "conversation_id")
    w = Window.partitionBy("component").orderBy(*best_copy_order())
    members = (members.withColumn("rank", F.row_number().over(w))
               .withColumn("rep", F.first("conversation_id").over(w))
               .withColumn("size", F.count(F.lit(1)).over(Window.partitionBy("component")))
               .select("conversation_id", "component", "rank", "rep", "size")
               .localCheckpoint())
    losers = members.filter(F.col("rank") > 1)
    to_rep = both.select(F.col("u").alias("conversation_id"), F.col("v").alias("rep"), F.col("jaccard").alias("j_rep"))
    nb_w = Window.partitionBy("u").orderBy(F.col("jaccard").desc(), F.col("v").asc())
    best_nb = (both.withColumn("k", F.row_number().over(nb_w)).filter("k = 1")
               .select(F.col("u").alias("conversation_id"), F.col("v").alias("nb"), F.col("jaccard").alias("j_nb")))
    detail = F.when(F.col("j_rep").isNotNull(), F.format_string("jaccard %.2f with %s (kept)", "j_rep", "rep")
                    ).otherwise(F.format_string("jaccard %.2f with %s, cluster of %d kept %s",
                                                "j_nb", "nb", "size", "rep"))
    drops = (losers.join(to_rep, ["conversation_id", "rep"], "left").join(best_nb, "conversation_id", "left")
             .select("conversation_id", detail.alias("__nd_detail"))
             .localCheckpoint())
    c = members.agg(F.count(F.lit(1)).alias("n"), F.sum(F.when(F.col("rank") == 1, 1).otherwise(0)).alias("reps")
                    ).first()
    stats.clustered, stats.components = int(c["n"]), int(c["reps"] or 0)
    stats.dropped = stats.clustered - stats.components
    return drops


def _components(both: DataFrame, max_iterations: int, stats: NearDedupStats) -> DataFrame:
    """(v, component) for every node of the undirected graph `both` (u, v): component = smallest id in it.

    Min-label propagation with pointer jumping; labels only decrease and are always ids of the
    same component, so at the fixpoint each component carries its minimum.
    """
    nbr = both.select("u", "v")
    labels = nbr.select(F.col("u").alias("v")).distinct().withColumn("label", F.col("v"))
    for it in range(1, max_iterations + 1):
        nb_min = (nbr.join(labels.select(F.col("v").alias("u"), F.col("label").alias("lu")), "u")
                  .groupBy("v").agg(F.min("lu").alias("m")))
        step = labels.join(nb_min, "v", "left").select(
            "v", F.col("label").alias("old"), F.least("label", F.coalesce("m", "label")).alias("label"))
        x, y = step.alias("x"), step.alias("y")
        labels = (x.join(y, F.col("x.label") == F.col("y.v"), "left")
                  .select(F.col("x.v").alias("v"), F.col("x.old").alias("old"),
                          F.least(F.col("x.label"), F.coalesce(F.col("y.label"), F.col("x.label"))).alias("label"))
                  .localCheckpoint())
        changed = labels.filter(F.col("old") != F.col("label")).count()
        labels = labels.drop("old")
        stats.iterations = it
        if changed == 0:
            break
    else:
        stats.converged = False
        log.warning("near_dedup: connected components did not converge in %d rounds; some clusters may stay "
                    "split (more conversations kept than necessary). Raise max_iterations.", max_iterations)
    return labels.withColumnRenamed("label", "component")


class _Clock:
    def __init__(self, stats: NearDedupStats):
        self.stats, self.t = stats, time.perf_counter()

    def __call__(self, phase: str) -> None:
        now = time.perf_counter()
        self.stats.seconds[phase] = round(now - self.t, 2)
        self.t = now


def _log(stats: NearDedupStats) -> None:
    log.info("near_dedup: %s", " ".join(f"{k}={v}" for k, v in stats.as_dict().items()))


class NearDedup:
    name = "near_dedup"

    def run(self, df: DataFrame, settings: Settings) -> StageResult:
        return StageResult(*near_dedup(df, settings.curate.near_dedup))
