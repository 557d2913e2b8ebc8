"""The scrubber benchmark and the ablation run end to end on a few messages and print their tables.

Seconds: each runs ``tunehouse scrub`` as a subprocess a few times (no Presidio, no learned model).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "lib"), TUNEHOUSE_CMD=f"{sys.executable} -m tunehouse")
    proc = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def test_bench_scrubber_prints_throughput_and_quality_of_each_mode():
    out = _run("benchmarks/bench_scrubber.py", "--n", "50", "--repeat", "1", "--no-presidio")
    assert "50 messages per run (pii_eval DEV texts" in out
    rows = {name: line[len(name):] for line in out.splitlines()
            for name in ("tunehouse (default)", "tunehouse --fast", "presidio") if line.startswith(name)}
    assert set(rows) == {"tunehouse (default)", "tunehouse --fast"}
    assert rows["tunehouse --fast"].startswith(" [rules] ")  # the detector the command said it used
    rows = {name: re.sub(r"^ \[[^\]]*\]", "", row).split() for name, row in rows.items()}
    for cells in rows.values():
        wall_rate, cpu_rate = (float(c.replace(",", "")) for c in cells[:2])
        assert wall_rate > 0 and cpu_rate > 0
        recall, precision, keep = (float(c.rstrip("%")) for c in cells[-3:])
        assert 50 < recall <= 100 and 50 < precision <= 100 and 50 < keep <= 100


def test_ablation_prints_one_row_per_configuration_and_set():
    out = _run("benchmarks/pii_eval/ablation.py", "--families", "names,contact", "--limit", "20")
    assert out.startswith("split: dev")
    for name in ("other_generator", "real_text", "false_positive"):
        assert f"{name} (20 records" in out
    baseline = re.findall(r"^\| all rules \| (\d+\.\d)%", out, flags=re.M)
    names_off = re.findall(r"^\| - names \| (\d+\.\d)%", out, flags=re.M)
    assert len(baseline) == len(names_off) == 3 and "- contact" in out
    # person names are most of the planted values of real_text: switching them off must cost recall there
    assert float(names_off[1]) < float(baseline[1])
