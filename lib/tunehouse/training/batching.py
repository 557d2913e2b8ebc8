"""Examples -> batches: packing, collation into tensors, the mask audit, and which examples each step sees.

``step_plan`` decides, for every optimizer step of an epoch, which examples each worker's micro-batches
hold (a seeded shuffle per epoch, so a resumed run sees the same order); ``eval_shard`` splits the
validation set over workers. ``collate`` pads and turns the per-token weights into labels (-100 where
the weight is 0); ``audit_batch`` checks the tensors against what the message weights imply.

Packing (``train.packing``) is padding-free: ``collate(..., packed=True)`` concatenates a micro-batch's
examples into one row with no padding at all, positions restarting per example and ``cu_seq_lens``
marking the boundaries, which attention.py uses to attend within each example only. The micro-batches
hold the same examples as without packing, so the loss (normalised over the global batch, see loss.py)
and the loss curve are the same; only the padding goes.
"""

from __future__ import annotations

import math
import random
from typing import Sequence

from tunehouse.errors import UserError
from tunehouse.training.tokenize import Example

IGNORE_INDEX = -100  # the label of a token without loss (PyTorch's cross_entropy ignore_index)


def pack_examples(examples: list[Example], max_seq_length: int) -> list[Example]:
    """Greedy packing in order: concatenate examples up to max_seq_length; positions restart per part (a
    restart is where a packed part begins: attention.py and transformers' mask keep the parts apart)."""
    packed: list[Example] = []
    cur: Example | None = None
    for ex in examples:
        if cur is not None and len(cur) + len(ex) <= max_seq_length:
            cur.input_ids += ex.input_ids
            cur.weights += ex.weights
            cur.position_ids += ex.position_ids
            cur.n_trainable += ex.n_trainable
            cur.weight_sum += ex.weight_sum
            cur.sources += ex.sources
        else:
            cur = Example(list(ex.input_ids), list(ex.weights), list(ex.position_ids), ex.n_trainable,
                          ex.weight_sum, list(ex.sources))
            packed.append(cur)
    return packed


def collate(examples: Sequence[Example], pad_token_id: int, *, packed: bool = False):
    """Right-pad to the longest sequence, or with ``packed`` concatenate everything into one unpadded row.

    Padded: no attention mask is needed, attention is causal so real tokens never see the padding after them;
    the padding continues its row's positions, so a row holding one example needs no mask at all (SDPA's causal
    fast path) and restarting position ids still separate the parts of a row built by pack_examples."""
    import torch

    if packed:
        return _collate_packed(examples)
    n = max(len(e) for e in examples)
    ids = torch.full((len(examples), n), pad_token_id, dtype=torch.long)
    pos = torch.zeros((len(examples), n), dtype=torch.long)
    w = torch.zeros((len(examples), n), dtype=torch.float32)
    for b, e in enumerate(examples):
        k = len(e)
        ids[b, :k] = torch.tensor(e.input_ids)
        pos[b, :k] = torch.tensor(e.position_ids)
        pos[b, k:] = torch.arange(e.position_ids[-1] + 1, e.position_ids[-1] + 1 + n - k)
        w[b, :k] = torch.tensor(e.weights)
    return _batch(ids, pos, w, examples, cu_seq_lens=None)


def _collate_packed(examples: Sequence[Example]):
    """Padding-free: one row [1, sum of lengths]; ``cu_seq_lens`` holds where each part starts, and the end.

    Parts are found from the position ids (every restart at 0), so a row of pack_examples splits into its
    conversations too. A part's first token never carries loss (tokenize gives it weight 0): the prediction of
    it from the previous part's last token is masked like any untrained token."""
    import torch

    row = pack_examples(list(examples), sum(len(e) for e in examples))[0]
    ids = torch.tensor([row.input_ids], dtype=torch.long)
    pos = torch.tensor([row.position_ids], dtype=torch.long)
    w = torch.tensor([row.weights], dtype=torch.float32)
    starts = [i for i, p in enumerate(row.position_ids) if p == 0]
    if starts[:1] != [0] or any(row.weights[i] for i in starts):
        raise UserError("packed example with a trainable first token or positions not starting at 0")
    cu = torch.tensor(starts + [len(row)], dtype=torch.int32)
    return _batch(ids, pos, w, examples, cu_seq_lens=cu)


def _batch(ids, pos, w, examples: Sequence[Example], cu_seq_lens) -> dict:
    import torch

    labels = torch.where(w > 0, ids, torch.full_like(ids, IGNORE_INDEX))
    return {
        "input_ids": ids,
        "position_ids": pos,
        "labels": labels,
        "weights": w,
        "cu_seq_lens": cu_seq_lens,  # None for a padded batch
        "n_trainable": sum(e.n_trainable for e in examples),
        "weight_sum": sum(e.weight_sum for e in examples),
        "n_tokens": sum(len(e) for e in examples),
    }


def audit_batch(batch: dict, where: str = "batch") -> None:
    """The mask audit: the trainable tokens in the collated tensors must be exactly what the message weights imply."""
    got = int((batch["labels"] != IGNORE_INDEX).sum())
    got_w = float(batch["weights"].sum())
    if got != batch["n_trainable"] or abs(got_w - batch["weight_sum"]) > 1e-3 * max(1.0, got_w):
        raise UserError(
            f"mask audit failed in {where}: {got} trainable tokens (weight sum {got_w:.3f}) in the batch, but the "
            f"assistant message weights imply {batch['n_trainable']} (weight sum {batch['weight_sum']:.3f})"
        )


def audit_all(examples: list[Example], pad_token_id: int, micro_batch_size: int, *, packed: bool = False) -> None:
    """Collate every example, alone and in consecutive micro-batches, and run the mask audit on each."""
    for i, ex in enumerate(examples):
        audit_batch(collate([ex], pad_token_id, packed=packed), where=f"training example {i}")
    for i in range(0, len(examples), micro_batch_size):
        audit_batch(collate(examples[i:i + micro_batch_size], pad_token_id, packed=packed), where=f"examples {i}..")


def padding_fraction(examples: list[Example], micro_batch_size: int, *, packed: bool = False) -> float:
    """Share of padding tokens when examples are batched in order, micro_batch_size at a time (none when packed)."""
    if packed:
        return 0.0
    pad = total = 0
    for i in range(0, len(examples), micro_batch_size):
        chunk = examples[i:i + micro_batch_size]
        n = max(len(e) for e in chunk)
        total += n * len(chunk)
        pad += sum(n - len(e) for e in chunk)
    return pad / total if total else 0.0


def step_plan(
    n_examples: int, *, epoch: int, seed: int, world_size: int, micro_batch_size: int, accumulation: int
) -> list[list[list[list[int]]]]:
    """Example indices for every optimizer step of an epoch: plan[step][rank][micro] -> indices.

    A seeded permutation per epoch (so a resumed run sees the same order), split into global batches of
    world_size * accumulation * micro_batch_size; the last batch wraps around to stay full."""
    rng = random.Random(seed * 1_000_003 + epoch)
    order = list(range(n_examples))
    rng.shuffle(order)
    per_step = world_size * accumulation * micro_batch_size
    n_steps = max(1, math.ceil(n_examples / per_step))
    plan = []
    for s in range(n_steps):
        idx = [order[(s * per_step + k) % n_examples] for k in range(per_step)]
        plan.append(
            [
                [idx[(a * world_size + r) * micro_batch_size:(a * world_size + r + 1) * micro_batch_size]
                 for a in range(accumulation)]
                for r in range(world_size)
            ]
        )
    return plan


def eval_shard(n_examples: int, rank: int, world_size: int) -> list[int]:
    """The validation examples one worker scores: every world_size-th, starting at its rank."""
    return list(range(rank, n_examples, world_size))
