"""Score the PII scrubber on the evaluation sets through its real CLI, ``tunehouse scrub IN OUT``.

    python benchmarks/pii_eval/score.py                          # every set, dev split
    python benchmarks/pii_eval/score.py --set real_text --json /tmp/report.json
    python benchmarks/pii_eval/score.py --set 'pii.entities=["EMAIL","PHONE"]'   # ablation: other types off
    python benchmarks/pii_eval/score.py --heldout                # ONCE, at the end of the PII work

``--set`` takes a set name (``other_generator``, ``real_text``, ``false_positive``, ``fresh_generator``,
``fresh_real``, ``third_generator``, ``third_real``, ``fourth_generator``, ``fourth_real``, ``fifth_generator``,
``fifth_real``, ``sixth_generator``, ``sixth_real``, ``seventh_generator``, ``seventh_real``, ``eighth_generator``;
repeatable; default the first three: the fresh, third, fourth, fifth, sixth, seventh and eighth sets are scored
only when named)
or, when the value has an ``=``, a configuration override passed to ``tunehouse scrub --set`` unchanged.
Each set is written to a temporary ``{"text": ...}`` JSONL file, scrubbed by a subprocess and read back
line for line; ``alignment`` maps each output onto its input and ``metrics`` defines what is counted
(recall: no letter or digit of a planted value left at its place; keep survival; replacement precision and
false replacements per 1,000 words).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pii_eval.alignment import align  # noqa: E402
from pii_eval.metrics import aggregate, score_record  # noqa: E402
from pii_eval.records import read_jsonl  # noqa: E402

DATA_DIR = Path(__file__).resolve().parent / "data"
SET_NAMES = ("other_generator", "real_text", "false_positive")  # the default (also of ablation, bench_scrubber)
# the fresh sets (fresh_build.py) are scored only when named: their held-out split judges the final scrubber
# once, and a plain `--heldout` run must not spend it
FRESH_SETS = ("fresh_generator", "fresh_real")
# the third sets (third_build.py): the same rule, their held-out split is for one judging run
THIRD_SETS = ("third_generator", "third_real")
# the fourth sets (fourth_build.py): the same rule, never tuned on; dev and held-out each scored once
FOURTH_SETS = ("fourth_generator", "fourth_real")
# the fifth sets (fifth_build.py): the same rule; scored once by the lead, before any tuning
FIFTH_SETS = ("fifth_generator", "fifth_real")
# the sixth sets (sixth_build.py): the same rule; scored once by the lead, before any tuning
SIXTH_SETS = ("sixth_generator", "sixth_real")
# the seventh sets (seventh_build.py): the same rule; scored once by the lead, before any tuning
SEVENTH_SETS = ("seventh_generator", "seventh_real")
# the eighth set (eighth_build.py): the same rule; scored once by the lead, before any tuning
EIGHTH_SETS = ("eighth_generator",)
KNOWN_SETS = (SET_NAMES + FRESH_SETS + THIRD_SETS + FOURTH_SETS + FIFTH_SETS + SIXTH_SETS + SEVENTH_SETS
              + EIGHTH_SETS)


def score_outputs(records: list[dict], outputs: list[str]) -> dict:
    """Set-level figures for records and the scrubbed text of each (same order)."""
    if len(records) != len(outputs):
        raise ValueError(f"{len(records)} records but {len(outputs)} scrubbed lines")
    return aggregate([(rec, score_record(rec, align(rec["text"], out))) for rec, out in zip(records, outputs)])


def tunehouse_command() -> list[str]:
    """``$TUNEHOUSE_CMD`` if set, else ``tunehouse`` on PATH, else ``python -m tunehouse`` (``tunehouse.cli``
    has no ``__main__`` block: ``-m tunehouse.cli`` would do nothing)."""
    if os.environ.get("TUNEHOUSE_CMD"):
        return shlex.split(os.environ["TUNEHOUSE_CMD"])
    exe = shutil.which("tunehouse")
    return [exe] if exe else [sys.executable, "-m", "tunehouse"]


def run_scrubber(texts: list[str], overrides: list[str], workdir: Path) -> tuple[list[str], list[str]]:
    """Scrub ``texts`` with the CLI; returns (scrubbed texts, the command line that ran)."""
    src, dst = workdir / "in.jsonl", workdir / "out.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for text in texts:
            fh.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    cmd = tunehouse_command() + ["scrub", str(src), str(dst)]
    for override in overrides:
        cmd += ["--set", override]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"scrubber failed ({proc.returncode}): {shlex.join(cmd)}\n{proc.stdout}\n{proc.stderr}")
    return [json.loads(line)["text"] for line in dst.read_text(encoding="utf-8").splitlines() if line.strip()], cmd


def score_set(name: str, split: str, overrides: list[str], data_dir: Path = DATA_DIR) -> dict:
    records = read_jsonl(data_dir / f"{name}.{split}.jsonl")
    with tempfile.TemporaryDirectory(prefix=f"pii_eval_{name}_") as tmp:
        t0 = time.perf_counter()
        outputs, cmd = run_scrubber([r["text"] for r in records], overrides, Path(tmp))
        seconds = time.perf_counter() - t0
    report = score_outputs(records, outputs)
    report["scrub_seconds"] = round(seconds, 2)
    report["command"] = shlex.join(cmd[:-2 * len(overrides) - 2] + ["IN.jsonl", "OUT.jsonl"]
                                   + cmd[len(cmd) - 2 * len(overrides):])
    return report


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def format_report(reports: dict[str, dict], split: str) -> str:
    lines = [f"split: {split}", "",
             "| set | records | planted | recall | partial | typed | keep survival | place survival | replacements "
             "| precision | false /1k words |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, r in reports.items():
        lines.append(f"| {name} | {r['records']} | {r['planted']} | {_pct(r['recall'])} | {_pct(r['partial_rate'])} "
                     f"| {_pct(r['typed_recall'])} | {_pct(r['keep_survival'])} ({r['keep_occurrences']}) "
                     f"| {_pct(r.get('place_survival'))} ({r.get('place_occurrences', 0)}) "
                     f"| {r['replacements']} | {_pct(r['precision'])} | {r['false_per_1k_words']} |")
    for name, r in reports.items():
        lines += ["", f"{name}: recall by type", "", "| type | planted | removed | partial | recall |",
                  "|---|---:|---:|---:|---:|"]
        lines += [f"| {t} | {c['planted']} | {c['removed']} | {c['partial']} | {_pct(c['recall'])} |"
                  for t, c in r["by_type"].items()]
        if r["top_false_replacements"]:
            top = ", ".join(f"{v} ({n})" for v, n in r["top_false_replacements"][:12])
            lines += ["", f"{name}: most frequent false replacements: {top}"]
        if r["inexact_alignments"]:
            lines += ["", f"{name}: {r['inexact_alignments']} outputs aligned by diff (not placeholder-shaped)"]
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", dest="sets", action="append", default=[], metavar="NAME|KEY=VALUE",
                    help="a set to score (repeatable; default: " + ", ".join(SET_NAMES) + "; the sets "
                         + ", ".join(KNOWN_SETS[len(SET_NAMES):]) + " only when named) or a `tunehouse scrub --set` "
                         "override")
    ap.add_argument("--split", choices=("dev", "heldout"), default="dev")
    ap.add_argument("--heldout", action="store_true", help="same as --split heldout: once, at the end")
    ap.add_argument("--json", type=Path, help="write the full report here")
    ap.add_argument("--data", type=Path, default=DATA_DIR, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.overrides = [s for s in args.sets if "=" in s]
    args.names = [s for s in args.sets if "=" not in s] or list(SET_NAMES)
    unknown = sorted(set(args.names) - set(KNOWN_SETS))
    if unknown:
        ap.error(f"unknown set(s) {unknown}; known: {list(KNOWN_SETS)}")
    if args.heldout:
        args.split = "heldout"
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    reports = {name: score_set(name, args.split, args.overrides, args.data) for name in args.names}
    print(format_report(reports, args.split))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {"split": args.split, "overrides": args.overrides, "sets": reports}
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
