"""Malformed-input fuzzing of ``tunehouse ingest``, ``prepare``, ``validate-data`` and ``scrub`` (issue 13, part 1).

The corpus (:mod:`reliability.fuzz_corpus`: hand-made hostile files and seeded random mutations) goes through
each command's reading code, and every record must be accounted for exactly once:

* ingest: the rows of the Spark source's reader (the code the executors run, Arrow batches included) and, in
  :func:`ingest_corpus`, the real job: each record's rows are all good (in bronze.chat_messages: ingested or a
  duplicate of a message already there) or it is one row in bronze.quarantine with a reason;
* prepare: one input row per record (a reject with a reason, or a record), and the command's
  ``read = prepared + quarantined``;
* validate-data: each example line is valid or has an error naming its line;
* scrub: one output line per input line; each non-blank line scrubbed or listed as bad (written ``null``).

A crash is any exception other than a :class:`~tunehouse.errors.UserError` that names the file. A file that
changes while it is read (appended to, truncated) and the peak memory on the 5 MB / deeply nested cases are
measured too.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import traceback
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from tunehouse.errors import UserError

from reliability.fuzz_corpus import GOOD, Case, nasty_corpus, random_corpus

BIG_CASES = ("huge_message", "deeply_nested", "json_deep", "csv_quotes_newlines")  # 5 MB messages, 100k-deep JSON


@dataclass
class Tally:
    """What one command did with the corpus: records checked, records not accounted for, crashes, clean refusals."""

    records: int = 0
    unaccounted: int = 0
    crashes: int = 0
    refused: int = 0
    problems: list[str] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)

    def add(self, other: "Tally") -> "Tally":
        return Tally(self.records + other.records, self.unaccounted + other.unaccounted,
                     self.crashes + other.crashes, self.refused + other.refused, self.problems + other.problems,
                     self.refusals + other.refusals)


def _guard(tally: Tally, case: Case, tool: str, fn) -> None:
    """Run one check; a UserError naming the file is a clean refusal (nothing written: the file is refused as a
    whole), anything else a crash."""
    try:
        fn()
    except UserError as e:
        if case.path.name not in str(e):
            tally.crashes += 1
            tally.problems.append(f"{tool} {case.name}: error without the file name: {e}")
        tally.refused += 1
        tally.refusals.append(f"{tool} {case.name}: {e}"[:300])
    except Exception as e:  # noqa: BLE001 - counting crashes is the point
        tally.crashes += 1
        tally.unaccounted += len(case.records)  # the command failed: none of the file's records is accounted for
        tally.problems.append(f"{tool} {case.name}: CRASH {type(e).__name__}: {e}"[:300] + "\n"
                              + traceback.format_exc(limit=-3))


def _check_each(cases: list[Case], tool: str, check) -> Tally:
    """``check(case)`` -> its accounting problems, for every case, guarded (:func:`_guard`)."""
    t = Tally()
    for case in cases:
        def one(case=case):
            bad = check(case)
            t.unaccounted += len(bad)
            t.problems.extend(f"{tool} {case.name}: {b}" for b in bad[:5])
        t.records += len(case.records)
        _guard(t, case, tool, one)
    return t


def account_rows(expected: list[int], rows: list[tuple[int, bool]]) -> list[str]:
    """Why ``rows`` ((source line, ok) per row) do not account for each expected record exactly once."""
    by_line: dict[int, list[bool]] = defaultdict(list)
    for line, ok in rows:
        by_line[line].append(ok)
    problems = [f"record at line {n}: no row" for n in expected if n not in by_line]
    problems += [f"line {n}: rows but no record starts there" for n in by_line if n not in set(expected)]
    for n, oks in by_line.items():
        if not all(oks) and len(oks) != 1:
            problems.append(f"record at line {n}: {len(oks)} rows, not all good, not one reject")
    return problems


# ----------------------------------------------------------------------------- ingest (reader layer)
def ingest_reader_rows(path: Path) -> list[dict]:
    """The raw rows of one file exactly as the ingest job's executors produce them (Arrow batches included)."""
    from tunehouse.ingest.readers import detect_format
    from tunehouse.ingest.settings import IngestSettings
    from tunehouse.ingest.source import RawChatLogSource, plan_partitions

    cfg = IngestSettings()
    plan = [c.__dict__ for c in plan_partitions([(path, detect_format(path, cfg.format))])]
    reader = RawChatLogSource({"plan": json.dumps(plan), "ingest": cfg.model_dump_json()}).reader(None)
    return [row for chunk in reader.partitions() for batch in reader.read(chunk) for row in batch.to_pylist()]


def check_ingest_readers(cases: list[Case]) -> Tally:
    def check(case: Case) -> list[str]:
        rows = ingest_reader_rows(case.path)
        return account_rows(case.records, [(r["source_line"], r["ok"]) for r in rows]) + [
            f"line {r['source_line']}: reject without a reason" for r in rows
            if not r["ok"] and not (r["reason_code"] and r["reason"])]

    return _check_each(cases, "ingest", check)


# ----------------------------------------------------------------------------- prepare
def check_prepare(cases: list[Case], out_dir: Path) -> Tally:
    """The task reader accounts for every record; the command (text_classification, Sentence = content,
    Label = role) reconciles read = prepared + quarantined."""
    from tunehouse.tasks.prepare import prepare_rows
    from tunehouse.tasks.reader import open_source
    from tunehouse.tasks.registry import get_task
    from tunehouse.tasks.settings import TasksSettings

    task = get_task("text_classification")
    prompt = TasksSettings().text_classification
    def check(case: Case) -> list[str]:
        rows = list(open_source(str(case.path)).rows())
        bad = account_rows(case.records, [(r.line, r.record is not None) for r in rows])
        bad += [f"line {r.line}: neither a record nor a reject" for r in rows if (r.record is None) == (r.reject is None)]
        summary = prepare_rows(task, open_source(str(case.path)), {"Sentence": "content", "Label": "role"},
                               prompt, out_dir)
        if not summary.reconciled or summary.read != len(rows):
            bad.append(f"read {summary.read} != prepared {summary.prepared} + quarantined {summary.quarantined}")
        return bad

    return _check_each(cases, "prepare", check)


# ----------------------------------------------------------------------------- validate-data and scrub (JSONL)
def check_validate(cases: list[Case]) -> Tally:
    from tunehouse.training.preflight import validate_file

    def check(case: Case) -> list[str]:
        report = validate_file(case.path, max_errors_listed=10**9)
        s = report.stats
        error_lines = {e["line"] for e in report.errors if e["line"] is not None}
        bad = []
        if s["valid_examples"] + len(error_lines) != s["examples"]:
            bad.append(f"{s['examples']} examples != {s['valid_examples']} valid + {len(error_lines)} with errors")
        # validate-data (like the trainer) takes a line of Unicode whitespace ("\x1c", "\x85") as blank, where
        # ingest reads it as a record: every line must still be an example or a blank line, and no more examples
        if s["examples"] + s["blank_lines"] != s["lines"] or s["examples"] > len(case.records):
            bad.append(f"{s['lines']} lines != {s['examples']} examples + {s['blank_lines']} blank "
                       f"({len(case.records)} records written)")
        return bad

    return _check_each([c for c in cases if c.jsonl], "validate-data", check)


def scrub_accounting(in_path: Path, out_path: Path, summary: dict) -> list[str]:
    """Line for line: as many output lines as input lines, each blank, scrubbed or ``null`` for a bad line."""
    n_in = summary["lines"]
    out = out_path.read_bytes().split(b"\n")[:-1]
    bad = [] if len(out) == n_in else [f"{len(out)} output lines for {n_in} input lines"]
    bad_lines = {b["line"] for b in summary["bad_lines"]}
    blank = sum(1 for line in out if not line.strip())
    if summary["scrubbed"] + len(bad_lines) + blank != n_in:
        bad.append(f"{n_in} lines != {summary['scrubbed']} scrubbed + {len(bad_lines)} bad + {blank} blank")
    bad += [f"line {n}: bad but not written null" for n in sorted(bad_lines) if n > len(out) or out[n - 1] != b"null"]
    return bad


def check_scrub(cases: list[Case], out_dir: Path) -> Tally:
    from tunehouse.pii.jsonl import scrub_jsonl

    out_dir.mkdir(parents=True, exist_ok=True)

    def check(case: Case) -> list[str]:
        out = out_dir / case.path.name
        summary = scrub_jsonl(case.path, out)
        bad = scrub_accounting(case.path, out, summary)
        n_lines = case.path.read_bytes().count(b"\n")
        if summary["lines"] != n_lines:
            bad.append(f"{summary['lines']} lines read, the file has {n_lines}")
        return bad

    return _check_each([c for c in cases if c.jsonl], "scrub", check)


# ----------------------------------------------------------------------------- files that change while read
def check_changing_files(folder: Path, lines: int = 2000) -> Tally:
    """Ingest plans a file, then it grows or is cut mid-line before the read; scrub and validate-data read a
    file another thread keeps appending to. No crash; every record of what was read is accounted for."""
    folder.mkdir(parents=True, exist_ok=True)
    t = Tally()
    body = (GOOD + "\n").encode() * lines
    for mode in ("append", "truncate"):
        path = folder / f"changing_{mode}.jsonl"
        path.write_bytes(body)
        case = Case(f"changing_{mode}", path, list(range(1, lines + 1)))

        def one(path=path, mode=mode, case=case):
            from tunehouse.ingest.settings import IngestSettings
            from tunehouse.ingest.source import RawChatLogSource, plan_partitions

            cfg = IngestSettings()
            plan = [c.__dict__ for c in plan_partitions([(path, "jsonl")])]
            if mode == "append":
                with path.open("ab") as f:
                    f.write(body[: len(body) // 3])
            else:  # cut in the middle of a line: that line must come back as a reject, the rest as before
                with path.open("r+b") as f:
                    f.truncate(len(body) // 2 + 7)
                case.records = list(range(1, path.read_bytes().count(b"\n") + 2))
            reader = RawChatLogSource({"plan": json.dumps(plan), "ingest": cfg.model_dump_json()}).reader(None)
            rows = [r for c in reader.partitions() for b in reader.read(c) for r in b.to_pylist()]
            bad = account_rows(case.records, [(r["source_line"], r["ok"]) for r in rows])
            t.unaccounted += len(bad)
            t.problems += [f"ingest {case.name}: {b}" for b in bad[:5]]
        t.records += len(case.records)
        _guard(t, case, "ingest", one)
    t = t.add(_check_growing_file(folder, body))
    return t


def _check_growing_file(folder: Path, body: bytes) -> Tally:
    from tunehouse.pii.jsonl import scrub_jsonl
    from tunehouse.training.preflight import validate_file

    t = Tally()
    path = folder / "growing.jsonl"
    path.write_bytes(body)
    case = Case("growing", path, [])
    stop = threading.Event()

    def writer(appends: int = 2000):  # bounded: a reader that reads to EOF must reach it
        with path.open("ab", buffering=0) as f:
            for _ in range(appends):
                if stop.is_set():
                    return
                f.write(b'{"messages": [{"role": "user", "content": "more"}, {"role": "assis')
                f.write(b'tant", "content": "text"}]}\n')

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        def one():
            summary = scrub_jsonl(path, folder / "growing.out")
            report = validate_file(path, max_errors_listed=10**9)
            bad = scrub_accounting(path, folder / "growing.out", summary)
            lines = {e["line"] for e in report.errors if e["line"] is not None}
            if report.stats["valid_examples"] + len(lines) != report.stats["examples"]:
                bad.append("validate-data: examples not accounted for")
            t.records += summary["lines"] + report.stats["examples"]
            t.unaccounted += len(bad)
            t.problems += [f"growing file: {b}" for b in bad[:5]]
        _guard(t, case, "scrub/validate-data", one)
    finally:
        stop.set()
        thread.join()
    return t


# ----------------------------------------------------------------------------- memory
def peak_rss_mb(paths: list[Path]) -> tuple[int, int]:
    """(peak resident memory, its growth over the resident memory after the imports), MB, of a fresh process
    that runs every command's reader on ``paths``."""
    code = ("import sys, json; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
            "import reliability.fuzz as f; f._warm(); "
            "base = f._current_rss_kb(); "
            "f._read_all([Path(p) for p in sys.argv[2:]]); "
            "peak = f._peak_rss_kb(); print(json.dumps([peak // 1024, (peak - base) // 1024]))")
    out = subprocess.run([sys.executable, "-c", code, str(Path(__file__).resolve().parents[1]), *map(str, paths)],
                         capture_output=True, text=True, timeout=600, check=True)
    peak, growth = json.loads(out.stdout.strip().splitlines()[-1])
    return peak, growth


def _peak_rss_kb() -> int:
    """This process's resident high-water mark (VmHWM). Not ``getrusage().ru_maxrss``: Linux carries the parent's
    high-water mark over fork and exec into it, so a child of a big pytest process reported the parent's ~1.9 GB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _current_rss_kb() -> int:
    """Resident memory now (not the peak: the imports' peak would hide the reading's growth)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _warm() -> None:
    """Import everything the readers use, so the measured growth is the reading itself."""
    import pyarrow  # noqa: F401
    import tunehouse.ingest.source  # noqa: F401
    import tunehouse.pii.jsonl  # noqa: F401
    import tunehouse.tasks.reader  # noqa: F401
    import tunehouse.training.preflight  # noqa: F401
    from tunehouse.pii.scrubber import get_scrubber

    get_scrubber(None)


def _read_all(paths: list[Path]) -> None:
    from tunehouse.pii.jsonl import scrub_jsonl
    from tunehouse.tasks.reader import open_source
    from tunehouse.training.preflight import validate_file

    for p in paths:
        ingest_reader_rows(p)
        try:
            list(open_source(str(p)).rows())
        except UserError:  # prepare refuses an unreadable .json array as a whole
            pass
        validate_file(p)
        scrub_jsonl(p, str(p) + ".scrubbed")


# ----------------------------------------------------------------------------- the real ingest job
def ingest_corpus(spark, settings, folder: Path, cases: list[Case]) -> Tally:
    """``tunehouse ingest`` of the whole corpus folder in one job; then each record is found: all its rows good
    (in bronze.chat_messages, or a duplicate of a message there) or one row in bronze.quarantine."""
    from pyspark.sql import functions as F
    from tunehouse.contracts.tables import BRONZE_MESSAGES, BRONZE_QUARANTINE
    from tunehouse.ingest.job import ingest
    from tunehouse.lakehouse.delta import Lakehouse

    t = Tally(records=sum(len(c.records) for c in cases))
    lh = Lakehouse(spark, settings)
    try:
        summary = ingest(spark, settings, [folder], lakehouse=lh)
    except Exception as e:  # noqa: BLE001 - a failed job is the crash being counted
        t.crashes, t.unaccounted = 1, t.records
        t.problems.append(f"ingest job: CRASH {type(e).__name__}: {str(e)[:500]}")
        return t
    if not summary.reconciled:
        t.problems.append(f"ingest job: read {summary.read} != {summary.ingested} + {summary.duplicates_skipped} "
                          f"+ {summary.quarantined}")
        t.unaccounted += abs(summary.read - summary.ingested - summary.duplicates_skipped - summary.quarantined)
    by_path = {str(c.path.resolve()): c for c in cases}
    quarantined = {(r.source_file, r.source_line) for r in lh.read(BRONZE_QUARANTINE)
                   .filter(F.col("source_file").isin(list(by_path))).select("source_file", "source_line").collect()}
    bronze = lh.read(BRONZE_MESSAGES).select("source_file", "source_line", "conversation_id", "message_index").collect()
    stored_lines = {(r.source_file, r.source_line) for r in bronze}
    stored_keys = {(r.conversation_id, r.message_index) for r in bronze}
    rows: dict[str, list] = defaultdict(list)
    for path in by_path:  # the rows the job's executors read (the same reader, run here: no second Spark job)
        for r in ingest_reader_rows(Path(path)):
            rows[path].append(r)
            where = (path, r["source_line"])
            found = (where in stored_lines or (r["conversation_id"], r["message_index"]) in stored_keys
                     if r["ok"] else where in quarantined)
            if not found:  # e.g. a message without an index whose derived index collides with an explicit one
                t.unaccounted += 1
                t.problems.append(f"ingest job {Path(path).name}:{r['source_line']}: "
                                  f"{'good row not in bronze' if r['ok'] else 'reject not in the quarantine'}"
                                  f" (message_index {r['message_index']})")
    for path, case in by_path.items():
        bad = account_rows(case.records, [(r["source_line"], r["ok"]) for r in rows[path]])
        t.unaccounted += len(bad)
        t.problems += [f"ingest job {case.name}: {b}" for b in bad[:5]]
    return t


# ----------------------------------------------------------------------------- entry point
def python_checks(workdir: Path, cases: list[Case]) -> dict[str, Tally]:
    """Every check that needs no Spark session, by command."""
    return {
        "ingest": check_ingest_readers(cases),
        "prepare": check_prepare(cases, workdir / "prepared"),
        "validate-data": check_validate(cases),
        "scrub": check_scrub(cases, workdir / "scrubbed"),
        "changing": check_changing_files(workdir / "changing"),
    }


def build_corpus(workdir: Path, *, quick: bool) -> list[Case]:
    files, lines = (2, 150) if quick else (6, 1500)
    return nasty_corpus(workdir / "corpus") + random_corpus(workdir / "corpus", seed=13, files=files,
                                                            lines_per_file=lines)


def run(workdir: Path, *, quick: bool = False) -> dict[str, int]:
    """The corpus through every command's reader, the real ingest job on it, and the peak memory."""
    from tunehouse.config import load_settings
    from tunehouse.lakehouse.spark import get_spark

    cases = build_corpus(workdir, quick=quick)
    tallies = python_checks(workdir, cases)
    settings = load_settings(overrides=[f"storage.root={workdir / 'lake'}", "spark.master=local[2]",
                                        "spark.shuffle_partitions=4"])
    tallies["ingest job"] = ingest_corpus(get_spark(settings), settings, workdir / "corpus", cases)
    peak, growth = peak_rss_mb([c.path for c in cases if c.name in BIG_CASES])
    total = Tally()
    for t in tallies.values():
        total = total.add(t)
    for p in total.problems[:20]:
        print("  " + p.splitlines()[0], file=sys.stderr)
    return {
        "records_fuzzed": total.records,
        "records_unaccounted": total.unaccounted,
        "crashes": total.crashes,
        "clean_refusals": total.refused,
        "cases": len(cases),
        "peak_rss_mb": peak,
        "peak_rss_growth_mb": growth,
        **{f"records_{k.replace(' ', '_').replace('-', '_')}": t.records for k, t in tallies.items()},
    }
