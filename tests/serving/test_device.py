"""Where the served / evaluated chat model runs: a GPU when CUDA is there (bf16 where supported), else the CPU
in fp32; an explicit cuda without a GPU is an error, not a silent CPU fallback."""

from __future__ import annotations

import pytest
import torch
from mlflow.exceptions import MlflowException
from pydantic import ValidationError
from tunehouse.evaluation.settings import EvaluateSettings
from tunehouse.model.chat import DEVICE_ENV, ChatModel, inference_dtype, resolve_device

no_cuda = pytest.mark.skipif(torch.cuda.is_available(), reason="checks the CPU-only behaviour")


@no_cuda
def test_auto_is_the_cpu_without_cuda(monkeypatch):
    monkeypatch.delenv(DEVICE_ENV, raising=False)
    assert resolve_device().type == "cpu" and resolve_device("auto").type == "cpu"
    assert inference_dtype(torch.device("cpu")) == torch.float32


@no_cuda
def test_cuda_without_a_gpu_is_refused(monkeypatch):
    with pytest.raises(MlflowException, match="CUDA is not available"):
        resolve_device("cuda")
    monkeypatch.setenv(DEVICE_ENV, "cuda:0")  # how a served model is told (the server is its own process)
    with pytest.raises(MlflowException, match="CUDA is not available"):
        resolve_device()


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a GPU")
def test_auto_is_the_gpu_with_cuda(monkeypatch):
    monkeypatch.delenv(DEVICE_ENV, raising=False)
    assert resolve_device().type == "cuda"


def test_chat_model_loads_on_the_resolved_device(base_dir):
    chat = ChatModel.from_path(base_dir, device="cpu")
    p = next(chat.model.parameters())
    assert p.device.type == "cpu" and p.dtype == torch.float32
    out = chat.chat({"messages": [{"role": "user", "content": "Hi"}], "max_tokens": 2})
    assert out["usage"]["completion_tokens"] >= 1


def test_evaluate_device_setting():
    assert EvaluateSettings().device == "auto"
    assert EvaluateSettings(device="cuda:1").device == "cuda:1"
    with pytest.raises(ValidationError):
        EvaluateSettings(device="gpu")
