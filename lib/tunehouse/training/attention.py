"""Attention that keeps packed conversations apart without a mask: causal attention segment by segment.

A padding-free micro-batch (``train.packing``, see batching.collate) is one row holding several
conversations back to back, with ``cu_seq_lens`` marking where each starts. Hugging Face's flash-attention
kernels take those boundaries directly (varlen attention). Its SDPA path instead notices the restarting
position ids and builds a dense block-diagonal mask over the whole row: correct, but attention then costs
(sum of lengths)^2 instead of sum(length^2), and on CPU that made a packed row slower than the padded
batch it replaced. :func:`segment_attention` is the varlen idea with plain SDPA: one causal
``scaled_dot_product_attention`` per conversation (which also lets SDPA pick its causal fast path), the
outputs concatenated back. Any batch without ``cu_seq_lens`` goes to SDPA unchanged.

:func:`use_segment_attention` switches a model that runs SDPA or eager attention to it (flash-attention
models keep their own varlen kernels); :func:`varlen_kwargs` is what a packed batch passes to the model.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

IMPLEMENTATION = "tunehouse_segments"  # the name registered with transformers' attention interfaces
_REPLACES = ("sdpa", "eager")  # implementations that would otherwise build a dense block-diagonal mask


def segment_attention(module, query: torch.Tensor, key: torch.Tensor, value: torch.Tensor, attention_mask,
                      dropout: float = 0.0, scaling: float | None = None, cu_seq_lens_q: torch.Tensor | None = None,
                      **kwargs):
    """transformers' attention-function signature: (batch, heads, seq, dim) in, (batch, seq, heads, dim) out."""
    from transformers.integrations.sdpa_attention import sdpa_attention_forward

    if cu_seq_lens_q is None or query.shape[0] != 1 or query.shape[2] != key.shape[2]:
        return sdpa_attention_forward(module, query, key, value, attention_mask, dropout=dropout, scaling=scaling,
                                      cu_seq_lens_q=cu_seq_lens_q, **kwargs)
    bounds = cu_seq_lens_q.tolist()
    gqa = key.shape[1] != query.shape[1]  # grouped-query attention: fewer key/value heads
    parts = [
        F.scaled_dot_product_attention(query[:, :, s:e], key[:, :, s:e], value[:, :, s:e], dropout_p=dropout,
                                       scale=scaling, is_causal=True, enable_gqa=gqa)
        for s, e in zip(bounds[:-1], bounds[1:])
    ]
    return torch.cat(parts, dim=2).transpose(1, 2).contiguous(), None


def _register() -> None:
    from transformers import AttentionInterface
    from transformers.masking_utils import AttentionMaskInterface, sdpa_mask

    AttentionInterface.register(IMPLEMENTATION, segment_attention)
    # the mask a batch without cu_seq_lens needs (padding, restarting positions) is SDPA's
    AttentionMaskInterface.register(IMPLEMENTATION, sdpa_mask)


def use_segment_attention(model) -> None:
    """Make every SDPA/eager attention in ``model`` (a PEFT or DDP wrapper included) run segment by segment
    on packed batches. Idempotent; flash-attention models are left alone (they are varlen already)."""
    _register()
    for m in model.modules():
        cfg = getattr(m, "config", None)
        if getattr(cfg, "_attn_implementation", None) in _REPLACES:
            cfg._attn_implementation = IMPLEMENTATION


def varlen_kwargs(cu_seq_lens: torch.Tensor) -> dict:
    """The keyword arguments transformers' varlen (flash) attention and :func:`segment_attention` read."""
    longest = int((cu_seq_lens[1:] - cu_seq_lens[:-1]).max())
    return {"cu_seq_lens_q": cu_seq_lens, "cu_seq_lens_k": cu_seq_lens, "max_length_q": longest,
            "max_length_k": longest}
