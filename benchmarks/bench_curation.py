"""Curation cost as data grows: generate N conversations, ingest, curate; print wall time per stage.

    .venv/bin/python benchmarks/bench_curation.py --sizes 10000 40000 [--method minilm|hashed_tfidf]

Each size runs in its own storage.root under a temp folder, with one shared local SparkSession
(start-up is reported once). Prints a table: size, ingest seconds, per-stage seconds, total, and
conversations/s, so the growth of each stage is visible.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 40_000])
    ap.add_argument("--method", choices=["minilm", "hashed_tfidf"], default="hashed_tfidf",
                    help="diversity representation (minilm is the default in conf; it dominates on CPU)")
    ap.add_argument("--master", default="local[*]")
    args = ap.parse_args()

    from tunehouse.config import load_settings
    from tunehouse.console import print_table
    from tunehouse.curation.pipeline import curate
    from tunehouse.ingest.job import ingest
    from tunehouse.lakehouse.delta import Lakehouse
    from tunehouse.lakehouse.spark import get_spark
    from tunehouse.synthetic.generator import generate_logs

    base = Path(tempfile.mkdtemp(prefix="bench_curation_"))
    t0 = time.time()
    spark = get_spark(load_settings(overrides=[f"storage.root={base / 'spark'}", f"spark.master={args.master}"]))
    print(f"SparkSession start-up: {time.time() - t0:.1f} s")
    rows = []
    stage_names: list[str] = []
    for n in args.sizes:
        root = base / f"n{n}"
        settings = load_settings(overrides=[f"storage.root={root}", f"curate.diversity.method={args.method}"])
        lh = Lakehouse(spark, settings)
        t = time.time()
        generate_logs(root / "raw", conversations=n, seed=7)
        t_gen = time.time() - t
        t = time.time()
        s = ingest(spark, settings, [root / "raw"], lakehouse=lh)
        t_ing = time.time() - t
        t = time.time()
        r = curate(spark, settings, lakehouse=lh, progress=False)
        t_cur = time.time() - t
        stages = {st.stage: st.seconds for st in r.stages}
        stage_names = list(stages)
        rows.append((n, s.ingested, round(t_gen, 1), round(t_ing, 1), *[round(v, 1) for v in stages.values()],
                     round(t_cur, 1), r.kept, round(n / (t_ing + t_cur), 1)))
    print_table("curation cost by size (seconds)",
                ["conversations", "messages", "generate", "ingest", *stage_names, "curate total", "kept",
                 "conv/s (ingest+curate)"], rows)


if __name__ == "__main__":
    main()
