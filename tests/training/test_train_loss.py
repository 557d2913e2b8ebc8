"""The masked, weighted loss against an independent computation; normalisation across accumulation/workers."""

from __future__ import annotations

import copy

import pytest
import torch
from fixtures.train_corpus import make_conversations
from tunehouse.training.batching import collate
from tunehouse.training.data import validate_conversation
from tunehouse.training.loss import accumulate_gradients, weighted_loss_sums
from tunehouse.training.tokenize import tokenize_conversations


@pytest.fixture(scope="module")
def model(base_dir):
    from transformers import AutoModelForCausalLM

    torch.manual_seed(0)
    return AutoModelForCausalLM.from_pretrained(base_dir, dtype=torch.float32).eval()


@pytest.fixture(scope="module")
def examples(tokenizer):
    convs = [validate_conversation(r) for r in make_conversations(16, seed=5, fractional=True)]
    ex, _ = tokenize_conversations(tokenizer, convs, max_seq_length=96, fractional_weights=True)
    assert len(ex) >= 8
    return ex[:8]


def independent_loss(model, examples) -> float:
    """Token by token, one sequence at a time, no padding: sum(w * -log p(token)) / sum(w)."""
    num = den = 0.0
    for ex in examples:
        ids = torch.tensor([ex.input_ids])
        with torch.no_grad():
            logp = torch.log_softmax(model(input_ids=ids).logits[0].double(), -1)
        for t in range(1, len(ex.input_ids)):
            w = ex.weights[t]
            if w > 0:
                num += w * -logp[t - 1, ex.input_ids[t]].item()
                den += w
    return num / den


def test_masked_loss_equals_independent_computation(model, examples, tokenizer):
    batch = collate(examples, tokenizer.pad_token_id)
    with torch.no_grad():
        s = weighted_loss_sums(model, batch)
    ours = float(s["loss_sum"] / s["weight_sum"])
    assert ours == pytest.approx(independent_loss(model, examples), rel=1e-5)
    assert float(s["weight_sum"]) == pytest.approx(sum(e.weight_sum for e in examples), rel=1e-6)
    assert int(s["count"]) == sum(e.n_trainable for e in examples)


def _grads(m):
    return {n: p.grad.detach().clone() for n, p in m.named_parameters() if p.grad is not None}


def test_fractional_normalisation_across_accumulation_and_workers(model, examples, tokenizer):
    """One big batch == 4 accumulated micro-batches == 2 workers x 2 micro-batches (DDP averages grads)."""
    pad = tokenizer.pad_token_id
    total_w = sum(e.weight_sum for e in examples)
    assert any(0 < w < 1 for e in examples for w in e.weights)  # really fractional

    big = copy.deepcopy(model).train()
    accumulate_gradients(big, [collate(examples, pad)], total_w, world_size=1)
    g_big = _grads(big)

    acc = copy.deepcopy(model).train()
    accumulate_gradients(acc, [collate(examples[i:i + 2], pad) for i in range(0, 8, 2)], total_w, world_size=1)
    g_acc = _grads(acc)

    # two "workers": each sees half the batch in 2 micro-batches; DDP then averages their gradients
    ranks = []
    for r in range(2):
        w = copy.deepcopy(model).train()
        mine = examples[r * 4:(r + 1) * 4]
        accumulate_gradients(w, [collate(mine[:2], pad), collate(mine[2:], pad)], total_w, world_size=2)
        ranks.append(_grads(w))
    g_ddp = {n: (ranks[0][n] + ranks[1][n]) / 2 for n in g_big}

    for n in g_big:
        torch.testing.assert_close(g_acc[n], g_big[n], rtol=1e-4, atol=1e-6)
        torch.testing.assert_close(g_ddp[n], g_big[n], rtol=1e-4, atol=1e-6)

    # and the naive per-micro-batch mean would NOT match (the bug this guards against)
    naive = copy.deepcopy(model).train()
    for i in range(0, 8, 2):
        b = collate(examples[i:i + 2], pad)
        s = weighted_loss_sums(naive, b)
        (s["loss_sum"] / s["weight_sum"] / 4).backward()
    g_naive = _grads(naive)
    assert any(not torch.allclose(g_naive[n], g_big[n], rtol=1e-3, atol=1e-6) for n in g_big)
