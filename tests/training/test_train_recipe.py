"""The recipe in-process: a pinned loss curve (regression test), and the merged model equals the adapter model."""

from __future__ import annotations

import pytest
import torch
from fixtures.train_corpus import make_conversations
from tunehouse.training.batching import collate
from tunehouse.training.data import validate_conversation
from tunehouse.training.modeling import merged_model, trainable_state_dict
from tunehouse.training.recipe import Hyperparameters, train_in_process
from tunehouse.training.settings import TrainSettings
from tunehouse.training.tokenize import tokenize_conversations

# Recorded with the tiny base of fixtures.training, torch 2.13 on CPU. A change to tokenisation, masking,
# batching, the loss, the optimizer or the LR schedule moves them: update them only for an intended change.
PINNED_LOSSES = [3.634783568792371, 3.3444667734634534, 3.5719985369880254, 3.654521682929918, 3.566380767219257,
                 3.498516273090072]


@pytest.fixture(scope="module")
def examples(tokenizer):
    convs = [validate_conversation(r) for r in make_conversations(24, seed=11, fractional=True)]
    ex, _ = tokenize_conversations(tokenizer, convs, max_seq_length=96, fractional_weights=True)
    return ex


def _hyperparameters(**train) -> Hyperparameters:
    cfg = {"batch_size": 8, "num_workers": 1, "gradient_accumulation_steps": 2, "n_epochs": 2, "seed": 7,
           "learning_rate_multiplier": 0.5, "warmup_ratio": 0.2, "lora": {"r": 4, "alpha": 8, "dropout": 0.1}}
    ts = TrainSettings.model_validate({**cfg, **train})
    return Hyperparameters.from_settings(ts, learning_rate=ts.learning_rate("tunehouse-tiny-base"), precision="fp32")


def test_pinned_loss_curve(base_dir, tokenizer, examples):
    """torchtune-style: six LoRA steps of the job's own step function (21 sequences, 3 steps per epoch, so the
    second epoch's reshuffle and the wrapped last batch are in it; fixed seed, 1 thread) give the recorded
    losses."""
    torch.set_num_threads(1)
    hp = _hyperparameters(max_steps=6)
    _, rows = train_in_process(str(base_dir), hp, examples, pad_token_id=tokenizer.pad_token_id)
    assert len(examples) == 21 and [r["epoch"] for r in rows] == [0, 0, 0, 1, 1, 1]
    losses = [r["train_loss"] for r in rows]
    torch.testing.assert_close(torch.tensor(losses, dtype=torch.float64),
                               torch.tensor(PINNED_LOSSES, dtype=torch.float64), rtol=1e-4, atol=1e-5)


def test_merged_lora_model_equals_the_adapter_model(base_dir, tokenizer, examples):
    """What is served (LoRA merged into the base weights, as the job logs it) computes what was trained
    (the base with its adapters)."""
    from peft import PeftModel

    torch.set_num_threads(1)
    hp = _hyperparameters(max_steps=3, learning_rate_multiplier=2.0)
    adapted, _ = train_in_process(str(base_dir), hp, examples, pad_token_id=tokenizer.pad_token_id)
    assert isinstance(adapted, PeftModel)
    merged = merged_model(str(base_dir), "lora", hp.lora, trainable_state_dict(adapted))
    assert not isinstance(merged, PeftModel) and merged.config.use_cache

    batch = collate(examples[:4], tokenizer.pad_token_id)
    base = merged_model(str(base_dir), "full", hp.lora, {})  # the base weights alone
    for m in (merged, adapted, base):
        m.eval()
    with torch.no_grad():
        # no cache, as in training: transformers then keeps restarted position ids (padding, packing) apart
        inputs = {"input_ids": batch["input_ids"], "position_ids": batch["position_ids"], "use_cache": False}
        got, want, before = merged(**inputs).logits, adapted(**inputs).logits, base(**inputs).logits
    torch.testing.assert_close(got, want, rtol=1e-4, atol=1e-4)
    assert (want - before).abs().max() > 1e-2  # the adapters really changed the model
