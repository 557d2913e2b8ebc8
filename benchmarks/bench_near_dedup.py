"""Near-duplicate removal (curation stage 4): precision/recall on planted near copies, and wall time.

    .venv/bin/python benchmarks/bench_near_dedup.py                 # 10,000 generated conversations
    .venv/bin/python benchmarks/bench_near_dedup.py -n 2000 --shingle char
    .venv/bin/python benchmarks/bench_near_dedup.py --bands 20 --rows 10

Data: ``tunehouse.synthetic.generator.generate_logs`` writes N synthetic support chats and ``truth.json``,
whose ``near_duplicates`` lists each planted original with its near copies (a word swapped,
punctuation, a sentence added, a typo; ~5% of conversations). The raw rows are assembled here
into the conversation frame directly (parse, map senders to roles, order by seq) so the figure is
about this stage alone; exact copies and renamed copies (``exact_copy``/``scrub_copy``, which
stages 2-3 remove) are left out, as they would be in the pipeline.

Figures:
* pair precision / recall: pairs in the same predicted cluster (a kept copy and the
  conversations dropped for it) against the planted pairs;
* the real Jaccard of every planted pair, the theoretical S-curve P(candidate | s) = 1-(1-s^r)^b
  at the chosen banding, and the recall expected from it;
* a sample of the predicted pairs that were not planted, with their verified Jaccard (template
  conversations that really are >= threshold alike count against precision here);
* wall time of the stage (all its Spark jobs, plus materialising kept and dropped) on local[2],
  per phase (NearDedupStats.seconds), and the CPU seconds the process tree spent meanwhile (on a
  shared machine the steadier figure).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import re
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from tunehouse.config import load_settings  # noqa: E402
from tunehouse.curation.settings import NearDedupSettings  # noqa: E402
from tunehouse.curation.stages.near_dedup import (  # noqa: E402
    near_dedup_with_stats,
    with_shingle_hashes,
)

ROLES = {"customer": "user", "agent": "assistant", "bot": "assistant", "system": "system"}
DETAIL = re.compile(r"^jaccard (?P<j>[0-9.]+) with (?P<nb>\S+?)(?: \(kept\)|, cluster of \d+ kept (?P<rep>\S+))$")


def read_rows(files: list[Path]):
    """Well-formed message rows of the raw export (malformed rows are ingestion's business)."""
    for f in files:
        if f.suffix == ".jsonl":
            with open(f, encoding="utf-8", errors="surrogateescape") as fh:
                for line in fh:
                    try:
                        yield json.loads(line)
                    except ValueError:
                        continue
        else:
            with open(f, encoding="utf-8", errors="surrogateescape", newline="") as fh:
                yield from csv.DictReader(fh)


def assemble(files: list[Path], skip: set[str]) -> list[dict]:
    msgs: dict[str, dict[int, tuple]] = defaultdict(dict)
    meta: dict[str, dict] = {}
    for r in read_rows(files):
        cid, sender = r.get("conv_id"), ROLES.get(str(r.get("sender") or "").lower())
        if not cid or cid in skip or sender is None:
            continue
        try:
            seq = int(r["seq"])
            at = datetime.fromisoformat(str(r["sent_at"]).replace("Z", "+00:00"))
        except (KeyError, TypeError, ValueError):
            continue
        msgs[cid][seq] = (sender, r.get("text") or "", at)
        csat = r.get("csat")
        m = meta.setdefault(cid, {"csat": int(csat) if csat not in (None, "") else None, "ended_at": at})
        m["ended_at"] = max(m["ended_at"], at)
    return [{"conversation_id": cid, "messages": [{"role": s, "content": t} for _, (s, t, _) in sorted(ms.items())],
             **meta[cid]} for cid, ms in msgs.items()]


def tree_cpu_seconds() -> float:
    """CPU seconds of this process and all its descendants (the Spark JVM and its Python workers),
    including children already reaped. Steadier than wall time on a shared machine. Linux only."""
    try:
        parent, cpu = {}, {}
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    fields = open(f"/proc/{d}/stat").read().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                parent[int(d)] = int(fields[1])
                cpu[int(d)] = sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
        tree, todo = set(), [os.getpid()]
        while todo:
            p = todo.pop()
            tree.add(p)
            todo += [c for c, pp in parent.items() if pp == p and c not in tree]
        return sum(cpu.get(p, 0) for p in tree) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return float("nan")


def s_curve_table(cfg: NearDedupSettings) -> str:
    pts = (0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
    return ("  s     " + " ".join(f"{s:>6.2f}" for s in pts) + "\n  P(s)  "
            + " ".join(f"{cfg.candidate_probability(s):>6.4f}" for s in pts))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", "--conversations", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7, help="generator seed")
    ap.add_argument("--shingle", choices=["word", "char"], default="word")
    ap.add_argument("--shingle-size", type=int, default=None)
    ap.add_argument("--bands", type=int, default=NearDedupSettings().num_bands)
    ap.add_argument("--rows", type=int, default=NearDedupSettings().rows_per_band)
    ap.add_argument("--threshold", type=float, default=NearDedupSettings().threshold)
    ap.add_argument("--workdir", default=None, help="keep generated data and Spark state here (default: a temp dir)")
    a = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    cfg = NearDedupSettings(shingle=a.shingle, shingle_size=a.shingle_size, num_bands=a.bands,
                            rows_per_band=a.rows, threshold=a.threshold)

    work = Path(a.workdir or tempfile.mkdtemp(prefix="bench_near_dedup_"))
    from tunehouse.synthetic.generator import generate_logs

    t = time.perf_counter()
    gen = generate_logs(work / "raw", conversations=a.conversations, seed=a.seed)
    truth = json.loads(gen.truth_file.read_text(encoding="utf-8"))
    kinds = {c["conv_id"]: c["kind"] for c in truth["conversations"]}
    skip = {cid for cid, k in kinds.items() if k in ("exact_copy", "scrub_copy")}
    rows = assemble(gen.files, skip)
    print(f"generated {gen.conversations} conversations (seed {a.seed}) in {time.perf_counter() - t:.1f}s; "
          f"{len(skip)} exact/renamed copies left out (stage 3), {len(rows)} conversations in the frame")

    from tunehouse.lakehouse.spark import get_spark

    settings = load_settings(overrides=[f"storage.root={work / 'state'}", "spark.master=local[2]",
                                        "spark.shuffle_partitions=4"])
    spark = get_spark(settings)
    from tunehouse.curation.frame import make_conversations

    df = make_conversations(spark, rows).repartition(4).cache()
    df.count()

    load0 = os.getloadavg()[0]
    cpu0, t = tree_cpu_seconds(), time.perf_counter()
    kept, dropped, stats = near_dedup_with_stats(df, cfg)
    n_kept, drops = kept.count(), dropped.select("conversation_id", "detail").collect()
    wall, cpu = time.perf_counter() - t, tree_cpu_seconds() - cpu0
    assert n_kept + len(drops) == len(rows), "kept + dropped != input"

    # Predicted clusters: each kept representative with the conversations dropped for it.
    present = {r["conversation_id"] for r in rows}
    clusters: dict[str, set[str]] = defaultdict(set)
    for d in drops:
        m = DETAIL.match(d["detail"])
        rep = m["rep"] or m["nb"]
        clusters[rep] |= {rep, d["conversation_id"]}
    pred = {tuple(sorted(p)) for c in clusters.values() for p in combinations(c, 2)}
    groups = [[c for c in g if c in present] for g in truth["near_duplicates"]]
    true = {tuple(sorted(p)) for g in groups for p in combinations(g, 2)}
    hit = pred & true
    precision = len(hit) / len(pred) if pred else 1.0
    recall = len(hit) / len(true) if true else 1.0

    # Real Jaccard of the planted pairs and of the unplanted predicted pairs (a small join).
    sh = with_shingle_hashes(df.select("conversation_id", "messages"), cfg.roles, cfg.shingle,
                             cfg.effective_shingle_size).select("conversation_id", "sh")
    wanted = sorted(true | (pred - true))
    pairs = spark.createDataFrame(wanted, "a string, b string")
    from pyspark.sql import functions as F

    inter = F.size(F.array_intersect("sa", "sb"))
    jac = {(r["a"], r["b"]): r["j"] for r in (
        pairs.join(sh.select(F.col("conversation_id").alias("a"), F.col("sh").alias("sa")), "a")
        .join(sh.select(F.col("conversation_id").alias("b"), F.col("sh").alias("sb")), "b")
        .select("a", "b", F.when(F.size("sa") + F.size("sb") > 0, inter / (F.size("sa") + F.size("sb") - inter))
                .otherwise(0.0).alias("j")).collect())}
    true_j = sorted(jac.get(p, 0.0) for p in true)
    above = [p for p in true if jac.get(p, 0.0) >= cfg.threshold]
    expected = sum(cfg.candidate_probability(jac[p]) for p in above) / len(true) if true else 1.0
    missed = sorted(true - pred)

    print(f"\nsettings: {cfg.shingle} {cfg.effective_shingle_size}-grams, {cfg.num_bands} bands x {cfg.rows_per_band} "
          f"rows = {cfg.num_hashes} minhashes, threshold {cfg.threshold}")
    print("theoretical S-curve, P(candidate | Jaccard s):")
    print(s_curve_table(cfg))
    print(f"\nstage stats: {stats.as_dict()}")
    print(f"wall time: {wall:.1f}s for {len(rows)} conversations on local[2] (1-min load average at start "
          f"{load0:.1f} on {os.cpu_count()} cores); CPU time of driver + JVM + Python workers: {cpu:.1f}s")
    print(f"\nplanted near-duplicate pairs: {len(true)}  (groups {len(groups)})")
    q = lambda f: true_j[min(len(true_j) - 1, int(f * len(true_j)))] if true_j else float("nan")  # noqa: E731
    print(f"  real Jaccard of planted pairs: min {q(0):.3f}  p5 {q(0.05):.3f}  p25 {q(0.25):.3f}  "
          f"median {q(0.5):.3f}  max {q(1):.3f}")
    print(f"  at or above threshold: {len(above)} ({len(above) / max(1, len(true)):.1%}) = best recall any "
          f"verifier at this threshold can reach; S-curve expects recall {expected:.4f}")
    print(f"predicted pairs: {len(pred)}  correct: {len(hit)}")
    print(f"PAIR PRECISION {precision:.4f}   PAIR RECALL {recall:.4f}")
    lsh_missed = [p for p in missed if jac.get(p, 0.0) >= cfg.threshold]
    print(f"  missed planted pairs: {len(missed)} ({len(lsh_missed)} of them >= threshold, i.e. lost by LSH or "
          f"the bucket guard; the rest are below the threshold after the edit)")
    for p in missed[:5]:
        print(f"    {p[0]} ~ {p[1]}: jaccard {jac.get(p, 0.0):.3f}")
    fp = sorted(pred - true)
    if fp:
        print(f"  predicted pairs not planted: {len(fp)}; their real Jaccard: min "
              f"{min(jac.get(p, 0.0) for p in fp):.3f}. Kinds: "
              f"{dict(sorted(_kind_counts(fp, kinds).items()))}")
        for p in fp[:5]:
            print(f"    {p[0]} ({kinds.get(p[0])}) ~ {p[1]} ({kinds.get(p[1])}): jaccard {jac.get(p, 0.0):.3f}")
    spark.stop()


def _kind_counts(pairs, kinds) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for a, b in pairs:
        out["+".join(sorted((kinds.get(a, "?"), kinds.get(b, "?"))))] += 1
    return out


if __name__ == "__main__":
    main()
