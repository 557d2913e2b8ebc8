"""Padding-free packing (train.packing): no cross-example attention, the same loss, the same normalisation."""

from __future__ import annotations

import copy

import pytest
import torch
from fixtures.train_corpus import make_conversations
from tunehouse.errors import UserError
from tunehouse.training import attention
from tunehouse.training.batching import IGNORE_INDEX, audit_batch, collate
from tunehouse.training.data import validate_conversation
from tunehouse.training.loss import accumulate_gradients, weighted_loss_sums
from tunehouse.training.recipe import Hyperparameters, train_in_process
from tunehouse.training.settings import TrainSettings
from tunehouse.training.tokenize import tokenize_conversations


@pytest.fixture(scope="module")
def examples(tokenizer):
    """Eight conversations of different lengths (a padded batch of them would be a fifth padding or more), some
    replies with fractional weights."""
    convs = [validate_conversation(r) for r in make_conversations(20, seed=9, fractional=True)]
    ex = tokenize_conversations(tokenizer, convs, max_seq_length=128, fractional_weights=True)[0][:8]
    lengths = [len(e) for e in ex]
    assert len(ex) == 8 and sum(max(lengths) - n for n in lengths) > 0.2 * 8 * max(lengths)
    return ex


def _base(base_dir):
    from transformers import AutoModelForCausalLM

    return AutoModelForCausalLM.from_pretrained(base_dir, dtype=torch.float32).eval()


def _alone(model, examples) -> dict[str, float]:
    """Each example forwarded by itself (batch of one, no padding, no packing), the sums added up."""
    sums = {"loss_sum": 0.0, "weight_sum": 0.0, "count": 0.0}
    for e in examples:
        with torch.no_grad():
            s = weighted_loss_sums(model, collate([e], 0))
        for k in sums:
            sums[k] += float(s[k])
    return sums


def test_packed_row_has_no_padding_and_marks_each_example(examples, tokenizer):
    b = collate(examples, tokenizer.pad_token_id, packed=True)
    assert b["input_ids"].shape == (1, sum(len(e) for e in examples))  # not one padding token
    assert b["cu_seq_lens"].tolist() == [0, *torch.tensor([len(e) for e in examples]).cumsum(0).tolist()]
    starts = b["cu_seq_lens"][:-1].long()
    assert (b["position_ids"][0, starts] == 0).all() and (b["labels"][0, starts] == IGNORE_INDEX).all()
    audit_batch(b)  # the mask audit holds on the packed row
    assert collate(examples, tokenizer.pad_token_id)["cu_seq_lens"] is None


def test_packed_row_refuses_a_trainable_first_token(examples):
    bad = copy.deepcopy(examples[1])
    bad.weights[0] = 1.0  # it would be "predicted" from the previous example's last token
    with pytest.raises(UserError, match="trainable first token"):
        collate([examples[0], bad], 0, packed=True)


@pytest.mark.parametrize("implementation", ["segments", "transformers-sdpa"])
def test_packed_loss_is_the_sum_of_the_examples_alone(base_dir, examples, implementation):
    """The property that proves there is no cross-example attention: the loss sums of one packed row equal those
    of each example forwarded alone. Both with our segment attention and with transformers' own SDPA path
    (the block-diagonal mask it builds from restarting position ids)."""
    model = _base(base_dir)
    want = _alone(model, examples)
    packed = collate(examples, 0, packed=True)
    if implementation == "transformers-sdpa":
        packed = {**packed, "cu_seq_lens": None}  # same row, no boundaries passed: transformers' own mask
    with torch.no_grad():
        got = weighted_loss_sums(model, packed)
    assert model.config._attn_implementation == ("sdpa" if implementation == "transformers-sdpa"
                                                 else attention.IMPLEMENTATION)
    assert float(got["loss_sum"]) == pytest.approx(want["loss_sum"], rel=1e-6)
    assert float(got["weight_sum"]) == pytest.approx(want["weight_sum"], rel=1e-6)
    assert int(got["count"]) == want["count"]
    # and token by token: each example's logits in the row are its logits alone
    kw = attention.varlen_kwargs(packed["cu_seq_lens"]) if packed["cu_seq_lens"] is not None else {}
    with torch.no_grad():
        row = model(input_ids=packed["input_ids"], position_ids=packed["position_ids"], use_cache=False, **kw).logits
        for e, s in zip(examples, collate(examples, 0, packed=True)["cu_seq_lens"].tolist()):
            alone = model(input_ids=torch.tensor([e.input_ids]), use_cache=False).logits
            torch.testing.assert_close(row[:, s:s + len(e)], alone, rtol=1e-4, atol=1e-5)


def test_no_token_of_one_example_reaches_another(base_dir, examples):
    """Changing every token of the first example changes none of the logits of the others in the packed row."""
    model = _base(base_dir)
    attention.use_segment_attention(model)
    b = collate(examples[:3], 0, packed=True)
    kw = attention.varlen_kwargs(b["cu_seq_lens"])
    first = int(b["cu_seq_lens"][1])
    changed = b["input_ids"].clone()
    changed[0, :first] = (changed[0, :first] + 7) % model.config.vocab_size
    with torch.no_grad():
        a = model(input_ids=b["input_ids"], position_ids=b["position_ids"], use_cache=False, **kw).logits
        c = model(input_ids=changed, position_ids=b["position_ids"], use_cache=False, **kw).logits
    assert (a[0, :first] - c[0, :first]).abs().max() > 1e-3  # the change is real
    torch.testing.assert_close(a[0, first:], c[0, first:], rtol=0, atol=0)


def _grads(m):
    return {n: p.grad.detach().clone() for n, p in m.named_parameters() if p.grad is not None}


def test_packed_micro_batches_keep_the_global_normalisation(base_dir, examples, tokenizer):
    """With fractional weights, one big padded batch == 4 accumulated packed micro-batches == 2 workers x 2 packed
    micro-batches (DDP averages gradients): packing leaves the per-step normalisation as it was."""
    pad = tokenizer.pad_token_id
    model = _base(base_dir)
    total_w = sum(e.weight_sum for e in examples)
    assert any(0 < w < 1 for e in examples for w in e.weights)

    big = copy.deepcopy(model).train()
    accumulate_gradients(big, [collate(examples, pad)], total_w, world_size=1)
    g_big = _grads(big)

    acc = copy.deepcopy(model).train()
    accumulate_gradients(acc, [collate(examples[i:i + 2], pad, packed=True) for i in range(0, 8, 2)], total_w,
                         world_size=1)
    g_acc = _grads(acc)

    ranks = []
    for r in range(2):
        w = copy.deepcopy(model).train()
        mine = examples[r * 4:(r + 1) * 4]
        accumulate_gradients(w, [collate(mine[:2], pad, packed=True), collate(mine[2:], pad, packed=True)], total_w,
                             world_size=2)
        ranks.append(_grads(w))
    g_ddp = {n: (ranks[0][n] + ranks[1][n]) / 2 for n in g_big}
    assert g_big
    for n in g_big:
        torch.testing.assert_close(g_acc[n], g_big[n], rtol=1e-4, atol=1e-6)
        torch.testing.assert_close(g_ddp[n], g_big[n], rtol=1e-4, atol=1e-6)


def test_packing_trains_the_same_loss_curve(base_dir, tokenizer, examples):
    """The job's own step function, with and without train.packing (no dropout, so only the batching differs):
    the same losses step for step."""
    torch.set_num_threads(1)

    def rows(packing: bool):
        ts = TrainSettings.model_validate({"batch_size": 4, "num_workers": 1, "gradient_accumulation_steps": 2,
                                           "max_steps": 3, "seed": 3, "packing": packing,
                                           "lora": {"r": 4, "alpha": 8, "dropout": 0.0}})
        hp = Hyperparameters.from_settings(ts, learning_rate=ts.learning_rate("tunehouse-tiny-base"), precision="fp32")
        return train_in_process(str(base_dir), hp, examples, pad_token_id=tokenizer.pad_token_id)[1]

    plain, packed = rows(False), rows(True)
    assert len(plain) == len(packed) == 3
    torch.testing.assert_close(torch.tensor([r["train_loss"] for r in packed], dtype=torch.float64),
                               torch.tensor([r["train_loss"] for r in plain], dtype=torch.float64), rtol=1e-5, atol=1e-6)
    assert plain[-1]["train_loss"] != plain[0]["train_loss"]  # it did train
