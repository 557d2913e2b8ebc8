"""Reliability figures: try to break each property and print what survived (issue 13).

    .venv/bin/python benchmarks/bench_reliability.py                  # every part, full size
    .venv/bin/python benchmarks/bench_reliability.py --quick          # the sizes the test suite runs
    .venv/bin/python benchmarks/bench_reliability.py --only fuzz crash --json /tmp/reliability.json

Each part is a probe module in ``benchmarks/reliability`` (see its ``__init__``): malformed-input fuzzing of
ingest/prepare/validate-data/scrub, SIGKILLs during the Spark jobs' writes, Ray worker kills during training,
a load of valid and malformed requests on the real endpoint, PII planted where a stage could miss it, and
secrets planted where they could be logged. Every "failed" figure must be 0; the exit status is 1 otherwise.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from reliability import PARTS  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="the test suite's sizes (faster, fewer cases)")
    parser.add_argument("--only", nargs="+", choices=sorted(PARTS), help="run only these parts")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--workdir", type=Path, help="keep the probes' files here (default: a temporary dir)")
    args = parser.parse_args(argv)

    figures: dict[str, dict] = {}
    failed = False
    with tempfile.TemporaryDirectory(prefix="reliability-") as tmp:
        base = args.workdir or Path(tmp)
        for name in args.only or list(PARTS):
            tried_key, failed_key = PARTS[name]
            probe = importlib.import_module(f"reliability.{name}")
            workdir = base / name
            workdir.mkdir(parents=True, exist_ok=True)
            print(f"[{name}] running ...", flush=True)
            t0 = time.perf_counter()
            result = probe.run(workdir, quick=args.quick)
            result["seconds"] = round(time.perf_counter() - t0, 1)
            figures[name] = result
            failed |= result[failed_key] != 0
            extra = ", ".join(f"{k} {v}" for k, v in result.items() if k not in (tried_key, failed_key))
            print(f"[{name}] {tried_key} {result[tried_key]} / {failed_key} {result[failed_key]}"
                  f"{' (' + extra + ')' if extra else ''}", flush=True)

    print("\npart           tried                      failed (must be 0)")
    for name, result in figures.items():
        tried_key, failed_key = PARTS[name]
        print(f"{name:<14} {tried_key} {result[tried_key]:<8} {failed_key} {result[failed_key]}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
