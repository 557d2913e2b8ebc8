"""The loss training optimises and validation (and evaluation's reference loss) reports.

The loss of one optimizer step is  sum(weight_t * CE_t) / sum(weight_t)  over every token of the *global*
batch (all micro-batches of all workers). Each worker therefore scales its micro-batch loss sums by
world_size / global_weight_sum before ``backward``: DDP averages gradients over workers, and the sum of
all pieces is exactly the one-big-batch loss. With 0/1 weights this is the usual token mean.
"""

from __future__ import annotations

import contextlib
from typing import Callable, ContextManager

import torch
import torch.nn.functional as F

from tunehouse.training import attention
from tunehouse.training.batching import IGNORE_INDEX


def weighted_loss_sums(model, batch: dict) -> dict[str, torch.Tensor]:
    """Forward one collated batch; return sum(w*CE), sum(w), correct argmax predictions and trainable count.

    A packed (padding-free) batch switches the model to segment-wise attention first (attention.py), so its
    examples never attend to each other; the sums are then exactly those of the examples batched separately."""
    extra = {}
    if batch.get("cu_seq_lens") is not None:
        attention.use_segment_attention(model)
        extra = attention.varlen_kwargs(batch["cu_seq_lens"])
    out = model(input_ids=batch["input_ids"], position_ids=batch["position_ids"], use_cache=False, **extra)
    logits = out.logits[:, :-1, :].float()
    labels = batch["labels"][:, 1:]
    weights = batch["weights"][:, 1:].to(logits.device)
    ce = F.cross_entropy(
        logits.reshape(-1, logits.size(-1)), labels.reshape(-1), ignore_index=IGNORE_INDEX, reduction="none"
    ).view_as(weights)
    mask = labels != IGNORE_INDEX
    correct = ((logits.argmax(-1) == labels) & mask).sum()
    return {"loss_sum": (ce * weights).sum(), "weight_sum": weights.sum(), "correct": correct, "count": mask.sum()}


def autocast(precision: str, device_type: str = "cpu") -> Callable[[], ContextManager]:
    """What each forward pass runs under: bf16 autocast for precision=bf16, nothing for fp32."""
    if precision == "bf16":
        return lambda: torch.autocast(device_type=device_type, dtype=torch.bfloat16)
    return contextlib.nullcontext


def accumulate_gradients(model, micro_batches: list[dict], global_weight_sum: float, world_size: int,
                         forward_context: Callable[[], ContextManager] = contextlib.nullcontext) -> float:
    """Backward every micro-batch of one optimizer step with the global normalisation; return sum(w*CE) here.

    Gradient sync (DDP) happens only on the last micro-batch."""
    total = 0.0
    no_sync = getattr(model, "no_sync", None)
    for k, batch in enumerate(micro_batches):
        last = k == len(micro_batches) - 1
        ctx = no_sync() if (no_sync is not None and not last) else contextlib.nullcontext()
        with ctx, forward_context():
            sums = weighted_loss_sums(model, batch)
            (sums["loss_sum"] * (world_size / global_weight_sum)).backward()
        total += float(sums["loss_sum"].detach())
    return total
