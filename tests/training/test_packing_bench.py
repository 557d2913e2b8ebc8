"""benchmarks/bench_training.py runs its single-process arms (TRL's SFTTrainer, HF Trainer) and prints the table.

The Ray arms are what `tunehouse train` does, tested in test_train_ray.py; here only the comparison arms and
the table, on the tiny base for 3 steps (seconds)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_bench_training_prints_trl_and_hf_side_by_side(base_root):
    pytest.importorskip("trl", reason="TRL is the benchmark's baseline: pip install -e '.[bench]'")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "lib"))
    proc = subprocess.run([sys.executable, "benchmarks/bench_training.py", "--root", str(base_root), "--data",
                           str(base_root / "exports" / "v1"), "--steps", "3", "--threads", "1", "--arms", "trl,hf"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    rows = {line.split(",")[0]: line.split()[-5:] for line in proc.stdout.splitlines()
            if line.startswith(("TRL SFTTrainer", "HF Trainer"))}
    assert set(rows) == {"TRL SFTTrainer", "HF Trainer"}, proc.stdout
    trl, hf = rows["TRL SFTTrainer"], rows["HF Trainer"]
    assert float(trl[0]) > 0 and float(hf[0]) > 0  # trainable tokens/s
    assert trl[1] == "1.00" and trl[2] == "0.0%"  # TRL is the reference; padding-free: no padding
    assert float(hf[2].rstrip("%")) > 0  # padded batches of conversations of different lengths
    assert 0 < float(trl[3]) < 10 and 0 < float(hf[3]) < 10  # final losses
