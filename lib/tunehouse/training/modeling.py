"""The model being trained: the base (+ LoRA adapters), its trained tensors, and the merged model that is logged.

Workers build it with :func:`build_model`; checkpoints hold only :func:`trainable_state_dict` (the adapters,
or every parameter for full fine-tuning); the driver rebuilds the same model from the final checkpoint and
merges the adapters into the base (:func:`merged_model`), which is what gets served.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import torch

from tunehouse.errors import UserError

if TYPE_CHECKING:
    from tunehouse.training.settings import LoraSettings


def build_model(base_model: str, method: str, lora: "LoraSettings"):
    """Base model (+ LoRA adapters for method=lora), trainable parameters selected."""
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(base_model, dtype=torch.float32)
    model.config.use_cache = False
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


def merged_model(base_model: str, method: str, lora: "LoraSettings", trained: dict[str, torch.Tensor]):
    """The model a checkpoint's trained tensors describe, LoRA adapters merged into the base weights (a plain
    Hugging Face model, ready for ``save_pretrained``)."""
    model = build_model(base_model, method, lora)
    missing = set(trained) - set(model.state_dict())
    if missing:
        raise UserError(f"checkpoint does not match the model: {sorted(missing)[:3]}")
    model.load_state_dict(trained, strict=False)
    if method == "lora":
        model = model.merge_and_unload()
    model.config.use_cache = True
    return model


def trainable_state_dict(model) -> dict[str, torch.Tensor]:
    """The trained tensors only (LoRA adapters, or every parameter for full fine-tuning), on CPU."""
    names = {n for n, p in model.named_parameters() if p.requires_grad}
    return {k: v.detach().cpu().clone() for k, v in model.state_dict().items() if k in names}


def is_fsdp(model) -> bool:
    return type(model).__name__ == "FullyShardedDataParallel"


def full_trainable_state(model) -> dict[str, torch.Tensor]:
    """FSDP: gather the full trained tensors to rank 0 (clean parameter names, CPU). A collective: every rank
    must call it."""
    from torch.distributed.fsdp import FullStateDictConfig, StateDictType
    from torch.distributed.fsdp import FullyShardedDataParallel as FSDP

    prefix = "_fsdp_wrapped_module."
    names = {n.replace(prefix, "") for n, p in model.named_parameters() if p.requires_grad}
    with FSDP.state_dict_type(model, StateDictType.FULL_STATE_DICT,
                              FullStateDictConfig(offload_to_cpu=True, rank0_only=True)):
        sd = model.state_dict()
    return {k.replace(prefix, ""): v.detach().cpu().clone() for k, v in sd.items() if k.replace(prefix, "") in names}


def unwrap(model):
    """The model inside a DDP wrapper (DDP keeps it as ``.module``)."""
    return model.module if hasattr(model, "module") else model
