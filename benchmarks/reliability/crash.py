"""Crash safety and idempotency of the Spark jobs (`tunehouse ingest`, `tunehouse curate`), issue 13 part 2.

Every job here is the real CLI in a subprocess (``python -m tunehouse ...``, its own JVM), killed with SIGKILL:
at a named point of its writes (``TUNEHOUSE_CRASH_AT``, see :func:`tunehouse.runtime.crash_point`) or after a
random delay. After each kill the probe checks what a reader would see (:func:`visible_problems`): every Delta
table opens with ``deltalake`` at every committed version, each table present holds exactly what an
uninterrupted run writes into it (so no version with partial data), every export folder under its final name
is complete and matches its manifest, and ``LATEST`` names a complete folder. Then a re-run must end with the
content hash of an uninterrupted run (:func:`content_hash`). Also: re-running ingest + curate on the same input
changes nothing, and two jobs started at once on the same tables serialise or one fails with a message naming
the table, never leaving duplicates.

The content hash ignores row order, file layout and Delta versions, and the columns that say *when* a run
happened rather than what it holds (``VOLATILE``); ``gold.curation_runs`` is a log of runs, one row per run by
design, and is left out.

Figures: ``crash_points_tried`` (kills that landed), ``crash_points_not_recovered`` (kills after which the state
was not clean or the re-run did not reach the uninterrupted hash; a named point that was never reached counts
here too), ``idempotent_reruns`` / ``idempotent_reruns_changed``, ``concurrent_runs`` / ``concurrent_runs_clean``.
Quick (the test suite): ingest only (one named point, one concurrent pair), ~4 JVM starts; full: ingest and
curate, every named point, two random-delay kills, reruns and a concurrent pair of each job.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VOLATILE = {"ingest_batch_id", "ingested_at", "curated_at"}  # when a run happened, not what it wrote
RUN_LOGS = {"gold.curation_runs"}  # one row per run by design: not part of the content
BRONZE = ("bronze.chat_messages", "bronze.quarantine")
SPLIT_FILES = ("train.jsonl", "validation.jsonl", "test.jsonl")
# (job, named crash point) in the order one lakehouse goes through them; quick runs the first only
CRASH_POINTS = [("ingest", "ingest.after_bronze"), ("curate", "curate.between_tables"),
                ("curate", "curate.after_gold"), ("curate", "export.mid_files"), ("curate", "export.before_pointer")]
SPARK = ["--set", "spark.master=local[2]", "--set", "spark.shuffle_partitions=2"]


# ----------------------------------------------------------------------------- running the CLI
def cli(storage: Path, *args: str, crash_at: str | None = None, kill_after: float | None = None,
        log: Path | None = None) -> tuple[int, str]:
    """Run ``python -m tunehouse ARGS`` under ``storage``; SIGKILL it after ``kill_after`` seconds if still running.
    Returns (exit status, output); -9 means it was killed. The child's process group (its JVM) is killed after."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "lib") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("TUNEHOUSE_CRASH_AT", None)
    if crash_at:
        env["TUNEHOUSE_CRASH_AT"] = crash_at
    log = log or storage.parent / f"{storage.name}-{args[0]}-{time.time_ns()}.log"
    cmd = [sys.executable, "-m", "tunehouse", *args, "--set", f"storage.root={storage}", *SPARK]
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=storage.parent,
                                start_new_session=True)
        try:
            proc.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        finally:
            _kill_group(proc.pid)
    return proc.returncode, log.read_text(errors="replace")


def _kill_group(pgid: int) -> None:
    """The JVM PySpark started belongs to the killed job's process group: end it too (a dead node takes both)."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def cli_pair(storage: Path, *args: str) -> list[tuple[int, str]]:
    """Start the same job twice at once on the same storage; both results."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "lib") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("TUNEHOUSE_CRASH_AT", None)
    cmd = [sys.executable, "-m", "tunehouse", *args, "--set", f"storage.root={storage}", *SPARK]
    logs = [storage.parent / f"{storage.name}-pair{i}-{args[0]}.log" for i in range(2)]
    procs = []
    for log in logs:
        with open(log, "w") as out:
            procs.append(subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=storage.parent,
                                          start_new_session=True))
    for p in procs:
        p.wait()
        _kill_group(p.pid)
    return [(p.returncode, log.read_text(errors="replace")) for p, log in zip(procs, logs)]


# ----------------------------------------------------------------------------- content hashes
def table_hash(path: Path) -> str:
    """Order- and layout-independent hash of a Delta table's rows (``VOLATILE`` columns left out)."""
    from deltalake import DeltaTable

    t = DeltaTable(str(path)).to_pyarrow_table()
    t = t.drop_columns([c for c in t.column_names if c in VOLATILE])
    rows = sorted(hashlib.sha256(json.dumps(r, sort_keys=True, default=str).encode()).hexdigest()
                  for r in t.to_pylist())
    return hashlib.sha256("\n".join([",".join(sorted(t.column_names)), *rows]).encode()).hexdigest()[:16]


def tables(storage: Path) -> dict[str, Path]:
    """schema.table -> folder, for every Delta table under the storage's lakehouse."""
    root = storage / "lakehouse"
    if not root.is_dir():
        return {}
    return {f"{s.name}.{t.name}": t for s in sorted(root.iterdir()) if s.is_dir() and not s.name.startswith("_")
            for t in sorted(s.iterdir()) if (t / "_delta_log").is_dir()}


def content_hash(storage: Path) -> dict[str, str]:
    """Each table's hash, each export folder's split-file hashes, and the LATEST pointer."""
    out = {name: table_hash(path) for name, path in tables(storage).items() if name not in RUN_LOGS}
    exports = storage / "exports"
    for folder in sorted(exports.iterdir()) if exports.is_dir() else []:
        if folder.is_dir() and not folder.name.startswith("."):
            for name in SPLIT_FILES:
                f = folder / name
                out[f"exports/{folder.name}/{name}"] = hashlib.sha256(f.read_bytes()).hexdigest()[:16] \
                    if f.is_file() else "missing"
    if (exports / "LATEST").is_file():
        out["exports/LATEST"] = (exports / "LATEST").read_text()
    return out


def visible_problems(storage: Path, baseline: dict[str, str]) -> list[str]:
    """What a reader could see that it must not, after a kill: an unreadable version, a table whose content is not
    the uninterrupted run's, an incomplete export folder under its final name, a pointer to nothing."""
    from deltalake import DeltaTable

    problems = []
    for name, path in tables(storage).items():
        try:
            dt = DeltaTable(str(path))
            for v in range(dt.version() + 1):
                DeltaTable(str(path), version=v).to_pyarrow_table()  # every committed version's files are there
        except Exception as e:  # noqa: BLE001 - any failure to read is the finding
            problems.append(f"{name}: not readable ({type(e).__name__}: {e})")
            continue
        if name not in RUN_LOGS and table_hash(path) != baseline.get(name):
            problems.append(f"{name}: content differs from an uninterrupted run's (partial or mixed data)")
    exports = storage / "exports"
    for folder in sorted(exports.iterdir()) if exports.is_dir() else []:
        if folder.is_dir() and not folder.name.startswith("."):
            problems += _export_problems(folder)
    pointer = exports / "LATEST"
    if pointer.is_file():
        target = pointer.read_text()
        if not target.endswith("\n") or not (exports / target.strip() / "manifest.json").is_file():
            problems.append(f"exports/LATEST: {target!r} does not name a complete export folder")
    return problems


def _export_problems(folder: Path) -> list[str]:
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        return [f"{folder.name}: export folder without manifest.json under its final name"]
    files = json.loads(manifest.read_text()).get("files", {})
    out = []
    for name in SPLIT_FILES:
        f = folder / name
        if not f.is_file() or hashlib.sha256(f.read_bytes()).hexdigest() != files.get(name, {}).get("sha256"):
            out.append(f"{folder.name}/{name}: missing or not what manifest.json says")
    return out


# ----------------------------------------------------------------------------- the probe
def _uninterrupted(storage: Path, raw: Path, then: tuple[str, ...], timing: dict[str, float]) -> None:
    """ingest (then curate): the reference run; ``timing`` gets each job's seconds when it succeeded."""
    for job in ("ingest", *then):
        t0 = time.monotonic()
        if cli(storage, *([job, str(raw)] if job == "ingest" else [job]))[0] != 0:
            return
        timing[job] = time.monotonic() - t0


def _lakehouse_only(h: dict[str, str], names=BRONZE) -> dict[str, str]:
    return {k: v for k, v in h.items() if k in names}


def _concurrent(storage: Path, job: str, expect: dict[str, str]) -> bool:
    """Two identical jobs at once: both succeed (serialised) or one fails naming a table; the result is clean."""
    results = cli_pair(storage, *([job, str(storage.parent / "raw")] if job == "ingest" else [job]))
    codes = sorted(rc for rc, _ in results)
    failed_clean = all(rc == 0 or (rc == 2 and "is being written by another tunehouse job" in out)
                       for rc, out in results)
    now = content_hash(storage)
    state_ok = all(now.get(k) == v for k, v in expect.items()) and not visible_problems(storage, {**now, **expect})
    return failed_clean and 0 in codes and state_ok


def run(workdir: Path, *, quick: bool = False) -> dict[str, int]:
    """Kill ingest/curate at every named point (quick: ingest's only) and after random delays; re-run; compare.

    Long because it is the script of the whole probe (each step one or two JVM runs), best read top to bottom."""
    workdir = Path(workdir).resolve()
    n = 12 if quick else 40
    raw = workdir / "raw"
    subprocess.run([sys.executable, "-m", "tunehouse", "generate-logs", "-n", str(n), "--seed", "13", "--out", str(raw)],
                   env={**os.environ, "PYTHONPATH": str(ROOT / "lib")}, check=True, capture_output=True)
    fig = {"crash_points_tried": 0, "crash_points_not_recovered": 0, "idempotent_reruns": 0,
           "idempotent_reruns_changed": 0, "concurrent_runs": 0, "concurrent_runs_clean": 0}
    notes: list[str] = []

    # the uninterrupted run (in a thread, beside the first kill: independent, and JVM starts overlap well), and
    # how long its jobs take (random kills land inside that)
    base = workdir / "base"
    timing: dict[str, float] = {}
    uninterrupted = threading.Thread(target=_uninterrupted, args=(base, raw, () if quick else ("curate",), timing))
    uninterrupted.start()

    # named crash points, one lakehouse going through all of them in order; then re-runs to the end
    crashed = workdir / "crashed"
    points = CRASH_POINTS[:1] if quick else CRASH_POINTS
    for i, (job, point) in enumerate(points):
        rc, out = cli(crashed, *([job, str(raw)] if job == "ingest" else [job]), crash_at=point)
        if i == 0:
            uninterrupted.join()
            if set(timing) != {"ingest", *(() if quick else ("curate",))}:
                raise RuntimeError(f"an uninterrupted run failed (see the logs in {workdir})")
            baseline = content_hash(base)
            want = _lakehouse_only(baseline) if quick else baseline
        fig["crash_points_tried"] += 1
        problems = visible_problems(crashed, baseline) if rc == -signal.SIGKILL else [f"{point}: not reached (rc {rc})"]
        if problems:
            fig["crash_points_not_recovered"] += 1
            notes += problems
    chain_ok = cli(crashed, "ingest", str(raw))[0] == 0 and (quick or cli(crashed, "curate")[0] == 0)
    if not chain_ok or _lakehouse_only(content_hash(crashed), want) != want:
        fig["crash_points_not_recovered"] = len(points)  # the re-run is what recovers all of them
        notes.append("re-run after the named crashes did not reach the uninterrupted content")

    # idempotency (full only): the same jobs again on the same input change nothing
    for job in () if quick else (("ingest", str(raw)), ("curate",)):
        rc, _ = cli(base, *job)
        fig["idempotent_reruns"] += 1
        if rc != 0 or content_hash(base) != baseline:
            fig["idempotent_reruns_changed"] += 1
            notes.append(f"rerun of {job[0]} changed the content")

    # random-delay kills (full only): somewhere inside each job, then re-run
    if not quick:
        rnd = random.Random(13)
        rand = workdir / "random"
        for job, secs in timing.items():
            args = [job, str(raw)] if job == "ingest" else [job]
            rc, _ = cli(rand, *args, kill_after=secs * rnd.uniform(0.5, 0.95))
            fig["crash_points_tried"] += 1
            ok = not visible_problems(rand, baseline) and cli(rand, *args)[0] == 0
            if not ok:
                fig["crash_points_not_recovered"] += 1
                notes.append(f"random kill of {job} (rc {rc}) not recovered")
        if content_hash(rand) != baseline:
            fig["crash_points_not_recovered"] += 1
            notes.append("re-run after random kills did not reach the uninterrupted content")

    # two jobs at once on the same tables
    both = workdir / "concurrent"
    for job in ("ingest",) + (() if quick else ("curate",)):
        fig["concurrent_runs"] += 1
        expect = _lakehouse_only(baseline) if job == "ingest" else baseline
        if _concurrent(both, job, expect):
            fig["concurrent_runs_clean"] += 1
        else:
            notes.append(f"concurrent {job}: not clean")
    (workdir / "notes.json").write_text(json.dumps({"figures": fig, "notes": notes, "baseline": baseline}, indent=2))
    return fig
