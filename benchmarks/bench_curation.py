"""Curation cost as data grows, in local mode and on a Spark standalone cluster: time per stage and scaling ratio.

    .venv/bin/python benchmarks/bench_curation.py --sizes 10000 40000 100000 --modes local standalone

For each size the logs are generated once (seed 7) and reused by every mode. Each mode gets one SparkSession
(start-up reported once) and first curates a small warm-up size that is not reported, so the first reported
size does not pay JVM/JIT and Python-worker warm-up. "standalone" starts a real cluster from pyspark's own
launch scripts (a master and --workers workers of one core each, separate JVM processes) and runs the same
code with spark.master=spark://...; the driver stays in this process, as with `spark-submit --deploy-mode client`.

Prints per mode: size, ingest seconds, seconds per curate stage, curate total, conversations/s; then the
scaling ratio time(b)/time(a) of consecutive sizes next to the data ratio b/a (linear growth gives equal
numbers), and which stage took the largest share of the largest size. The PII detector is whatever
`pii.detector` resolves to (the rules, unless --set points at a trained model); diversity is hashed TF-IDF
unless --method says otherwise. Load on the machine is printed with the results: on a shared 2-core box the
absolute seconds move with it, the ratios much less.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 40_000, 100_000],
                    help="numbers of generated conversations, ascending (default: 10000 40000 100000)")
    ap.add_argument("--modes", nargs="+", choices=["local", "standalone"], default=["local", "standalone"])
    ap.add_argument("--method", choices=["minilm", "hashed_tfidf"], default="hashed_tfidf",
                    help="diversity representation (minilm is the default in conf; it dominates on CPU)")
    ap.add_argument("--workers", type=int, default=2, help="standalone workers, one core each (default 2)")
    ap.add_argument("--worker-memory", default="3g", help="memory of each standalone worker (default 3g)")
    ap.add_argument("--warmup", type=int, default=1000, help="conversations curated first and not reported (0: none)")
    ap.add_argument("--work-dir", type=Path, default=None, help="where data and tables go (default: a new temp dir)")
    ap.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                    help="extra settings for every run, e.g. --set spark.shuffle_partitions=16")
    args = ap.parse_args()

    base = args.work_dir or Path(tempfile.mkdtemp(prefix="bench_curation_"))
    print(f"work dir: {base}")
    raw = generate(base, sorted({*args.sizes, *([args.warmup] if args.warmup else [])}))
    results: dict[str, list[dict]] = {}
    for mode in args.modes:
        with cluster(mode, base, args.workers, args.worker_memory) as master:
            results[mode] = run_mode(mode, master, base, raw, args)
        report(mode, results[mode])
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (2-core machine: {os.cpu_count()} CPUs)")


def generate(base: Path, sizes: list[int]) -> dict[int, Path]:
    from tunehouse.synthetic.generator import generate_logs

    raw = {}
    for n in sizes:
        raw[n] = base / f"raw_{n}"
        if not (raw[n] / "truth").exists():
            t = time.time()
            generate_logs(raw[n], conversations=n, seed=7)
            print(f"generated {n} conversations in {time.time() - t:.1f} s")
    return raw


def run_mode(mode: str, master: str, base: Path, raw: dict[int, Path], args) -> list[dict]:
    from tunehouse.config import load_settings
    from tunehouse.lakehouse.spark import get_spark

    common = [f"spark.master={master}", f"curate.diversity.method={args.method}", *args.overrides]
    t0 = time.time()
    spark = get_spark(load_settings(overrides=[f"storage.root={base / mode / 'spark'}", *common]))
    print(f"[{mode}] SparkSession start-up: {time.time() - t0:.1f} s (master {master})")
    if args.warmup:
        one_size(spark, base / mode / "warmup", raw[args.warmup], common)
    rows = []
    for n in args.sizes:
        row = one_size(spark, base / mode / f"n{n}", raw[n], common)
        print(f"[{mode}] {n} conversations: ingest {row['ingest']:.1f} s, curate {row['curate']:.1f} s")
        rows.append({"size": n, **row})
    spark.stop()
    return rows


def one_size(spark, root: Path, raw: Path, common: list[str]) -> dict:
    from tunehouse.config import load_settings
    from tunehouse.curation.pipeline import curate
    from tunehouse.ingest.job import ingest
    from tunehouse.lakehouse.delta import Lakehouse

    settings = load_settings(overrides=[f"storage.root={root}", *common])
    lh = Lakehouse(spark, settings)
    t = time.time()
    ingested = ingest(spark, settings, [raw], lakehouse=lh)
    t_ingest = time.time() - t
    t = time.time()
    result = curate(spark, settings, lakehouse=lh, progress=False)
    t_curate = time.time() - t
    return {"messages": ingested.ingested, "ingest": t_ingest, "curate": t_curate, "kept": result.kept,
            "stages": {s.stage: s.seconds for s in result.stages}}


def report(mode: str, rows: list[dict]) -> None:
    from tunehouse.console import print_table

    stage_names = list(rows[0]["stages"])
    print_table(f"curation cost by size, {mode} (seconds)",
                ["conversations", "messages", "ingest", *stage_names, "gate+write+export", "curate total", "kept",
                 "conv/s (ingest+curate)"],
                [(r["size"], r["messages"], round(r["ingest"], 1), *[round(r["stages"][s], 1) for s in stage_names],
                  round(r["curate"] - sum(r["stages"].values()), 1), round(r["curate"], 1), r["kept"],
                  round(r["size"] / (r["ingest"] + r["curate"]), 1))
                 for r in rows])
    ratios = [(f"{a['size']} -> {b['size']}", round(b["size"] / a["size"], 2),
               round((b["ingest"] + b["curate"]) / (a["ingest"] + a["curate"]), 2), round(b["curate"] / a["curate"], 2))
              for a, b in zip(rows, rows[1:])]
    if ratios:
        print_table(f"scaling, {mode}", ["sizes", "data ratio", "time ratio (ingest+curate)", "time ratio (curate)"],
                    ratios)
    last = rows[-1]
    parts = {**last["stages"], "gate+write+export": last["curate"] - sum(last["stages"].values())}
    top = max(parts, key=parts.get)
    print(f"[{mode}] largest part at {last['size']}: {top} ({parts[top]:.1f} s of {last['curate']:.1f} s curate)")


@contextlib.contextmanager
def cluster(mode: str, base: Path, workers: int, worker_memory: str):
    """local[*], or a standalone master with `workers` one-core workers started from pyspark's spark-class."""
    if mode == "local":
        yield "local[*]"
        return
    import pyspark

    logs = base / "standalone"
    logs.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "SPARK_HOME": os.path.dirname(pyspark.__file__), "SPARK_LOCAL_IP": "127.0.0.1",
           "SPARK_LOG_DIR": str(logs)}
    spark_class = f"{env['SPARK_HOME']}/bin/spark-class"
    port = free_port()
    url = f"spark://127.0.0.1:{port}"
    procs: list[subprocess.Popen] = []
    try:
        procs.append(daemon([spark_class, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                             "--port", str(port), "--webui-port", "0"], logs / "master.log", env))
        wait_for(logs / "master.log", "I have been elected leader", procs[-1])
        for i in range(workers):
            procs.append(daemon([spark_class, "org.apache.spark.deploy.worker.Worker", url, "--host", "127.0.0.1",
                                 "--cores", "1", "--memory", worker_memory, "--webui-port", "0",
                                 "--work-dir", str(logs / f"work-{i}")], logs / f"worker-{i}.log", env))
            wait_for(logs / f"worker-{i}.log", "Successfully registered with master", procs[-1])
        yield url
    finally:
        for proc in reversed(procs):  # workers before their master
            proc.terminate()
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()


def daemon(cmd: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(cmd, stdout=log.open("w"), stderr=subprocess.STDOUT, env=env)


def wait_for(log: Path, text: str, proc: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in log.read_text(errors="replace"):
            return
        if proc.poll() is not None:
            raise SystemExit(f"{log} exited:\n{log.read_text()[-2000:]}")
        time.sleep(1)
    raise SystemExit(f"{log}: no {text!r} after {timeout}s")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


if __name__ == "__main__":
    main()
