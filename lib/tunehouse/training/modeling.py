"""The model being trained: the base (+ LoRA adapters), how it is placed on a worker, its trained tensors, and
the merged model that is logged.

Workers build it with :func:`build_model` in the dtype their own device calls for (:func:`choose_precision`,
:func:`weight_dtype`), shard it with :func:`shard_model` for train.strategy=fsdp (FSDP2, one unit per decoder
layer), and clip its gradients with :func:`clip_gradients` (correct for sharded gradients). Checkpoints hold
only :func:`trainable_state_dict` (the adapters, or every parameter for full fine-tuning); the driver rebuilds
the same model from the final checkpoint and merges the adapters into the base (:func:`merged_model`), which is
what gets served.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import torch

from tunehouse.errors import UserError

if TYPE_CHECKING:
    from tunehouse.training.settings import LoraSettings


# --------------------------------------------------------------------------- precision, decided per worker
def choose_precision(requested: str, device_type: str, bf16_supported: bool) -> str:
    """The precision one worker trains in, from train.precision and *its own* device (a CPU driver cannot
    know what its GPU workers support): auto -> bf16 on a GPU that supports it, else fp32; bf16 on a GPU
    without bf16 is refused; bf16 on CPU is allowed (slow, rarely useful)."""
    if requested == "fp32":
        return "fp32"
    if requested == "auto":
        return "bf16" if device_type == "cuda" and bf16_supported else "fp32"
    if requested == "bf16":
        if device_type == "cuda" and not bf16_supported:
            raise UserError("train.precision=bf16 but this worker's GPU does not support bf16; use auto or fp32")
        return "bf16"
    raise ValueError(f"unknown precision {requested!r}")


def device_precision(requested: str, device: torch.device) -> str:
    """:func:`choose_precision` for this process's device."""
    bf16 = device.type == "cuda" and torch.cuda.is_available() and torch.cuda.is_bf16_supported()
    return choose_precision(requested, device.type, bf16)


def weight_dtype(precision: str, method: str, device_type: str) -> torch.dtype:
    """The dtype the base weights are loaded in: bf16 for a frozen LoRA base on a bf16 GPU (half the memory;
    the adapters stay fp32), fp32 otherwise (full fine-tuning keeps fp32 master weights and computes in bf16
    under autocast / FSDP's mixed precision, since AdamW updates in bf16 lose small steps)."""
    if precision == "bf16" and method == "lora" and device_type == "cuda":
        return torch.bfloat16
    return torch.float32


# --------------------------------------------------------------------------- building
def build_model(base_model: str, method: str, lora: "LoraSettings", *, dtype: torch.dtype = torch.float32,
                gradient_checkpointing: bool = False, load_in_4bit: bool = False, device: torch.device | None = None):
    """Base model (+ LoRA adapters for method=lora), trainable parameters selected.

    ``gradient_checkpointing`` recomputes each decoder layer's activations in backward (less memory, ~30% more
    compute); ``load_in_4bit`` loads the frozen base NF4-quantised on ``device`` (QLoRA: CUDA + bitsandbytes)."""
    from transformers import AutoModelForCausalLM

    kwargs: dict = {"dtype": dtype}
    if load_in_4bit:
        kwargs.update(_four_bit_kwargs(method, device))
    model = AutoModelForCausalLM.from_pretrained(base_model, **kwargs)
    model.config.use_cache = False
    if load_in_4bit:
        from peft import prepare_model_for_kbit_training

        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=gradient_checkpointing,
                                                gradient_checkpointing_kwargs={"use_reentrant": False})
    elif gradient_checkpointing:
        enable = getattr(model, "activation_checkpointing_enable", None)
        if enable is not None:
            enable({"use_reentrant": False})
        else:  # transformers < 5
            model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
        if method == "lora":  # frozen embeddings: checkpointed layers still need an input that requires grad
            model.enable_input_require_grads()
    if method == "lora":
        from peft import LoraConfig, get_peft_model

        targets = list(lora.target_modules)
        model = get_peft_model(
            model,
            LoraConfig(
                r=lora.r,
                lora_alpha=lora.alpha,
                lora_dropout=lora.dropout,
                target_modules="all-linear" if targets == ["all-linear"] else targets,
                task_type="CAUSAL_LM",
                bias="none",
            ),
        )
    return model


def _four_bit_kwargs(method: str, device: torch.device | None) -> dict:
    """from_pretrained arguments of a 4-bit (NF4) base, or a clear error where it cannot run."""
    if method != "lora":
        raise UserError("train.load_in_4bit needs method=lora (a quantised base cannot be fully fine-tuned)")
    if device is None or device.type != "cuda" or not torch.cuda.is_available():
        raise UserError("train.load_in_4bit needs CUDA workers (bitsandbytes quantises on the GPU); "
                        "set it to false on CPU")
    try:
        import bitsandbytes  # noqa: F401
    except ImportError:
        raise UserError("train.load_in_4bit needs bitsandbytes: pip install 'tunehouse[gpu]'") from None
    from transformers import BitsAndBytesConfig

    bf16 = torch.cuda.is_bf16_supported()
    return {"quantization_config": BitsAndBytesConfig(
                load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
                bnb_4bit_compute_dtype=torch.bfloat16 if bf16 else torch.float16),
            "device_map": {"": device.index if device.index is not None else torch.cuda.current_device()}}


def merged_model(base_model: str, method: str, lora: "LoraSettings", trained: dict[str, torch.Tensor]):
    """The model a checkpoint's trained tensors describe, LoRA adapters merged into the base weights (a plain
    Hugging Face model in fp32, ready for ``save_pretrained``; adapters trained on a 4-bit base are merged into
    the full-precision base, as QLoRA does)."""
    model = build_model(base_model, method, lora)
    missing = set(trained) - set(model.state_dict())
    if missing:
        raise UserError(f"checkpoint does not match the model: {sorted(missing)[:3]}")
    model.load_state_dict(trained, strict=False)
    if method == "lora":
        model = model.merge_and_unload()
    model.config.use_cache = True
    return model


# --------------------------------------------------------------------------- FSDP2
def decoder_layers(model) -> list[torch.nn.Module]:
    """The repeated transformer blocks (the model's ``_no_split_modules`` classes, e.g. LlamaDecoderLayer)."""
    hf = model.get_base_model() if hasattr(model, "get_base_model") else model
    names = set(getattr(hf, "_no_split_modules", None) or [])
    layers = [m for m in model.modules() if type(m).__name__ in names]
    if not layers:
        raise UserError(f"cannot find the decoder layers of {type(hf).__name__} to shard (no _no_split_modules)")
    return layers


def shard_model(model, device: torch.device, world_size: int, precision: str):
    """FSDP2: each decoder layer its own unit (only one layer's full weights gathered at a time), then the
    rest (embeddings, norm, head) at the root; parameters become sharded DTensors on ``device``. With bf16 the
    gathered weights compute in bf16 and gradients are reduced in fp32."""
    from torch.distributed.device_mesh import init_device_mesh
    from torch.distributed.fsdp import MixedPrecisionPolicy, fully_shard

    mesh = init_device_mesh(device.type, (world_size,))
    mp = MixedPrecisionPolicy(param_dtype=torch.bfloat16, reduce_dtype=torch.float32) if precision == "bf16" \
        else MixedPrecisionPolicy()
    for layer in decoder_layers(model):
        fully_shard(layer, mesh=mesh, mp_policy=mp)
    fully_shard(model, mesh=mesh, mp_policy=mp)
    return model


def is_fsdp(model) -> bool:
    from torch.distributed.fsdp import FSDPModule

    return isinstance(model, FSDPModule)


def clip_gradients(params: list[torch.nn.Parameter], max_norm: float) -> float:
    """Clip the global gradient norm to ``max_norm``; return the norm before clipping. Correct for FSDP2's
    sharded gradients too: they are DTensors, whose norm reduces over every shard (checked against an
    unsharded run in tests/training/test_fsdp.py)."""
    norm = torch.nn.utils.clip_grad_norm_(params, max_norm)
    full = getattr(norm, "full_tensor", None)  # a DTensor (replicated) under FSDP2
    return float(full() if full is not None else norm)


# --------------------------------------------------------------------------- trained tensors
def trainable_state_dict(model) -> dict[str, torch.Tensor]:
    """The trained tensors only (LoRA adapters, or every parameter for full fine-tuning), on CPU."""
    names = {n for n, p in model.named_parameters() if p.requires_grad}
    return {k: v.detach().cpu().clone() for k, v in model.state_dict().items() if k in names}


def full_trainable_state(model) -> dict[str, torch.Tensor]:
    """FSDP2: the full trained tensors (parameter names unchanged by sharding), on CPU. A collective: every
    rank must call it, in the same order (each sharded tensor is all-gathered)."""
    names = {n for n, p in model.named_parameters() if p.requires_grad}
    out = {}
    for k, v in model.state_dict().items():
        if k in names:
            full = v.full_tensor() if hasattr(v, "full_tensor") else v
            out[k] = full.detach().cpu().clone()
    return out


def unwrap(model):
    """The model inside a DDP wrapper (DDP keeps it as ``.module``)."""
    return model.module if hasattr(model, "module") else model
