"""What each rule detector family adds: the DEV sets scored with all detectors, then with each family off.

    python benchmarks/pii_eval/ablation.py                                   # every family, all sets
    python benchmarks/pii_eval/ablation.py --learned-model /path/to/models/pii/<version>
    python benchmarks/pii_eval/ablation.py --families names,contact --limit 50   # a quick look

Each configuration is one run of the real CLI, ``tunehouse scrub IN OUT`` (as ``score.py`` runs it), over
the DEV texts of every set at once, then scored set by set with ``score.py``'s scorer:

* ``all rules``: the default settings;
* ``- FAMILY``: ``--set pii.disabled_detectors=["FAMILY"]``, one family of ``tunehouse.pii.detectors`` off
  (``tunehouse.pii.settings.DETECTOR_FAMILIES``); the drop in recall is what only that family finds, the
  rise in precision / keep survival what its false replacements cost;
* ``+ learned`` (with ``--learned-model``): ``pii.detector=rules+learned`` with that checkpoint.

DEV split only: there is no option to score the held-out files (``score.py --heldout`` does that, once, at
the end of the PII work).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pii_eval.records import read_jsonl  # noqa: E402
from pii_eval.score import (  # noqa: E402
    DATA_DIR,
    KNOWN_SETS,
    SET_NAMES,
    run_scrubber,
    score_outputs,
)

SPLIT = "dev"  # never the held-out split


def configurations(families: list[str], learned_model: str | None) -> list[tuple[str, list[str]]]:
    """(label, `tunehouse scrub --set` overrides) of every configuration, the baseline first."""
    configs = [("all rules", [])]
    configs += [(f"- {f}", [f"pii.disabled_detectors={json.dumps([f])}"]) for f in families]
    if learned_model:
        configs.append(("+ learned", ["pii.detector=rules+learned", f"pii.model.path={learned_model}"]))
    return configs


def run_configuration(sets: dict[str, list[dict]], overrides: list[str]) -> dict[str, dict]:
    """One scrub of all sets' texts with ``overrides``; the scorer's report per set."""
    texts = [r["text"] for recs in sets.values() for r in recs]
    with tempfile.TemporaryDirectory(prefix="pii_ablation_") as tmp:
        outputs, _ = run_scrubber(texts, overrides, Path(tmp))
    reports, pos = {}, 0
    for name, recs in sets.items():
        reports[name] = score_outputs(recs, outputs[pos:pos + len(recs)])
        pos += len(recs)
    return reports


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def _delta(x: float | None, base: float | None) -> str:
    return "" if x is None or base is None or x is base else f"{100 * (x - base):+.1f}"


def format_tables(results: dict[str, dict[str, dict]], set_names: list[str]) -> str:
    """One markdown table per set: each configuration's figures and their change from ``all rules``."""
    lines = [f"split: {SPLIT}"]
    for name in set_names:
        base = results["all rules"][name]
        lines += ["", f"{name} ({base['records']} records, {base['planted']} planted values)", "",
                  "| configuration | recall | Δ | partial | precision | Δ | keep survival | Δ | replacements "
                  "| false /1k words |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for label, reports in results.items():
            r = reports[name]
            lines.append(
                f"| {label} | {_pct(r['recall'])} | {_delta(r['recall'], base['recall'])} | {_pct(r['partial_rate'])} "
                f"| {_pct(r['precision'])} | {_delta(r['precision'], base['precision'])} "
                f"| {_pct(r['keep_survival'])} | {_delta(r['keep_survival'], base['keep_survival'])} "
                f"| {r['replacements']} | {r['false_per_1k_words']} |")
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    from tunehouse.pii.settings import DETECTOR_FAMILIES

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--families", default=",".join(DETECTOR_FAMILIES),
                    help=f"comma-separated families to switch off in turn (default all: {', '.join(DETECTOR_FAMILIES)})")
    ap.add_argument("--learned-model", default=None, metavar="PATH",
                    help="a `tunehouse pii-model` checkpoint folder: adds rules+learned")
    ap.add_argument("--set", dest="sets", action="append", choices=KNOWN_SETS,
                    help="a set (repeatable; default the three older sets; the fresh, third, fourth, fifth, sixth, seventh and eighth ones only when named)")
    ap.add_argument("--limit", type=int, default=None, help="first N DEV records of each set (a quick look)")
    ap.add_argument("--json", type=Path, help="write every report here")
    args = ap.parse_args(argv)
    args.families = [f for f in args.families.split(",") if f]
    unknown = sorted(set(args.families) - set(DETECTOR_FAMILIES))
    if unknown:
        ap.error(f"unknown families {unknown}; known: {list(DETECTOR_FAMILIES)}")
    args.sets = args.sets or list(SET_NAMES)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sets = {name: read_jsonl(DATA_DIR / f"{name}.{SPLIT}.jsonl")[:args.limit] for name in args.sets}
    results = {}
    for label, overrides in configurations(args.families, args.learned_model):
        print(f"  {label}: tunehouse scrub {' '.join('--set ' + o for o in overrides)}", file=sys.stderr)
        results[label] = run_configuration(sets, overrides)
    print(format_tables(results, args.sets))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"split": SPLIT, "results": results}, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
