#!/usr/bin/env bash
# LoRA and full fine-tuning of a ~0.5B-parameter Llama-style model through tunehouse's training job on the
# GPUs of this machine, then one chat request served on the GPU; prints tokens/s, MFU and peak memory.
# One command from the repository root once the environment is installed (make install, with a CUDA build of
# torch on a GPU machine):
#     bash benchmarks/gpu_check.sh                # defaults: 300 steps, 1024 tokens, 8 sequences per GPU
#     bash benchmarks/gpu_check.sh --steps 100 --peak-tflops 312   # e.g. an A100
#     bash benchmarks/gpu_check.sh --tiny         # smoke test of the script on any machine (CPU included)
# Without a CUDA GPU it exits with status 2 and says so. Options: benchmarks/gpu_check.py --help.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=python3; fi
fi
export PYTHONPATH="$PWD/lib${PYTHONPATH:+:$PYTHONPATH}"
exec "$PY" benchmarks/gpu_check.py "$@"
