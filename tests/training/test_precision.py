"""Precision is decided on each worker from its own device (a CPU driver must not choose fp32 for GPU workers),
and the weights are loaded in the dtype that precision calls for."""

from __future__ import annotations

import pytest
import torch
from tunehouse.config import Settings
from tunehouse.errors import UserError
from tunehouse.training import cluster, modeling


@pytest.mark.parametrize("requested, device_type, bf16_supported, want", [
    ("auto", "cuda", True, "bf16"),     # A100/H100/H200
    ("auto", "cuda", False, "fp32"),    # V100/T4: no bf16
    ("auto", "cpu", False, "fp32"),
    ("fp32", "cuda", True, "fp32"),
    ("bf16", "cuda", True, "bf16"),
    ("bf16", "cpu", False, "bf16"),     # allowed on CPU (slow), as before
])
def test_choose_precision(requested, device_type, bf16_supported, want):
    assert modeling.choose_precision(requested, device_type, bf16_supported) == want


def test_bf16_on_a_gpu_without_bf16_is_refused():
    with pytest.raises(UserError, match="does not support bf16"):
        modeling.choose_precision("bf16", "cuda", False)


def test_this_cpu_process_resolves_auto_to_fp32():
    assert modeling.device_precision("auto", torch.device("cpu")) == "fp32"


@pytest.mark.parametrize("use_gpu, requested, want", [
    (True, "auto", "auto"),   # left to each GPU worker: the driver may have no GPU at all
    (False, "auto", "fp32"),
    (True, "fp32", "fp32"),
    (True, "bf16", "bf16"),
])
def test_the_driver_does_not_decide_for_gpu_workers(use_gpu, requested, want):
    settings = Settings.model_validate({"train": {"precision": requested}})
    assert cluster.resolve_precision(settings, use_gpu) == want


@pytest.mark.parametrize("precision, method, device_type, want", [
    ("bf16", "lora", "cuda", torch.bfloat16),   # frozen base in bf16 (adapters stay fp32)
    ("bf16", "full", "cuda", torch.float32),    # fp32 master weights, bf16 compute
    ("bf16", "lora", "cpu", torch.float32),
    ("fp32", "lora", "cuda", torch.float32),
])
def test_weight_dtype(precision, method, device_type, want):
    assert modeling.weight_dtype(precision, method, device_type) == want


def test_bf16_lora_base_keeps_fp32_adapters(base_dir):
    """What a bf16 GPU worker builds (here on CPU): the frozen base in bf16, the trained adapters in fp32."""
    from tunehouse.training.settings import LoraSettings

    model = modeling.build_model(str(base_dir), "lora", LoraSettings(r=4), dtype=torch.bfloat16)
    dtypes = {p.requires_grad: p.dtype for p in model.parameters()}
    assert dtypes == {False: torch.bfloat16, True: torch.float32}


def test_load_in_4bit_needs_cuda(base_dir):
    from tunehouse.training.settings import LoraSettings

    with pytest.raises(UserError, match="CUDA"):
        modeling.build_model(str(base_dir), "lora", LoraSettings(), load_in_4bit=True, device=torch.device("cpu"))
    with pytest.raises(UserError, match="method=lora"):
        modeling.build_model(str(base_dir), "full", LoraSettings(), load_in_4bit=True, device=torch.device("cpu"))


@pytest.mark.parametrize("train", [{"method": "full"}, {"strategy": "fsdp"}])
def test_load_in_4bit_is_checked_with_the_settings(train):
    from pydantic import ValidationError
    from tunehouse.training.settings import TrainSettings

    assert TrainSettings(load_in_4bit=True).load_in_4bit  # LoRA + DDP: accepted (runs where CUDA is)
    with pytest.raises(ValidationError, match="load_in_4bit needs method=lora and strategy=ddp"):
        TrainSettings(load_in_4bit=True, **train)
