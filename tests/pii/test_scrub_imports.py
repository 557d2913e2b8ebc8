"""`tunehouse scrub` stays a light process: its start-up counts in its throughput (benchmarks/bench_scrubber.py),
so it must not import the data or ML stack (pyspark, pandas, numpy, torch, ...) with the rules detector."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = {"pyspark", "pandas", "numpy", "pyarrow", "torch", "transformers", "mlflow", "ray", "deltalake", "sklearn"}


@pytest.mark.parametrize("flags", [[], ["--fast"]])
def test_scrub_command_imports_no_heavy_library(tmp_path, flags):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"text": "Hi, I'm Anna Kowalski, call me on +44 20 7946 0958."}) + "\n")
    code = ("import json, sys\nfrom tunehouse.cli import main\n"
            f"rc = main(['scrub', {str(src)!r}, {str(dst)!r}] + {flags!r})\n"
            "print(json.dumps([rc, sorted({m.split('.')[0] for m in sys.modules})]))")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "lib"))
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    rc, modules = json.loads(proc.stdout.strip().splitlines()[-1])
    assert rc == 0 and "<PERSON_1>" in dst.read_text()
    assert not HEAVY & set(modules), sorted(HEAVY & set(modules))
    assert {"tunehouse", "phonenumbers"} <= set(modules)  # the check looks at the process that scrubbed
