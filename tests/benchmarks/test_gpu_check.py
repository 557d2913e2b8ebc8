"""benchmarks/gpu_check.sh: refuses clearly without a GPU, and its --tiny mode runs the whole check (LoRA and
full fine-tuning through the training job, then one served chat request) on this CPU."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHON=sys.executable)
    return subprocess.run(["bash", "benchmarks/gpu_check.sh", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


@pytest.mark.skipif(torch.cuda.is_available(), reason="checks the message of a machine without CUDA")
def test_without_a_gpu_it_exits_with_a_clear_message(tmp_path):
    proc = _run("--root", str(tmp_path / "gc"), timeout=120)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "no CUDA GPU visible" in proc.stderr and "--tiny" in proc.stderr
    assert not (tmp_path / "gc").exists()  # it stopped before doing anything


@pytest.mark.slow
def test_tiny_check_runs_end_to_end_on_cpu(tmp_path):
    root = tmp_path / "gc"
    proc = _run("--tiny", "--steps", "3", "--root", str(root))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    out = proc.stdout
    assert " lora: 3 steps" in out and " full: 3 steps" in out and "serve: models:/" in out
    figures = json.loads((root / "gpu_check.json").read_text())
    assert [m["method"] for m in figures["methods"]] == ["lora", "full"]
    for m in figures["methods"]:
        assert m["steps"] == 3 and m["tokens_per_s"] > m["trainable_tokens_per_s"] > 0
    served = figures["serve"]
    assert served["device"] == ("cuda:0" if torch.cuda.is_available() else "cpu")
    assert served["completion_tokens"] >= 1
