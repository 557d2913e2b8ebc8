"""train.gradient_checkpointing recomputes activations in backward: the same step as without it (loss, gradient
norm, updated weights), for LoRA (frozen embeddings: the inputs must require grad) and full fine-tuning."""

from __future__ import annotations

import pytest
import torch
from fixtures.train_corpus import make_conversations
from tunehouse.training import modeling
from tunehouse.training.data import validate_conversation
from tunehouse.training.recipe import Hyperparameters, train_in_process
from tunehouse.training.settings import TrainSettings
from tunehouse.training.tokenize import tokenize_conversations


@pytest.fixture(scope="module")
def examples(tokenizer):
    convs = [validate_conversation(r) for r in make_conversations(8, seed=9)]
    ex, _ = tokenize_conversations(tokenizer, convs, max_seq_length=64)
    return ex


def _one_step(base_dir, examples, pad_token_id, method: str, checkpointing: bool):
    ts = TrainSettings.model_validate({"method": method, "batch_size": 4, "num_workers": 1, "max_steps": 1,
                                       "seed": 1, "gradient_checkpointing": checkpointing, "warmup_ratio": 0.0,
                                       "learning_rate_multiplier": 0.2, "lora": {"r": 4, "dropout": 0.1}})
    hp = Hyperparameters.from_settings(ts, learning_rate=ts.learning_rate("tunehouse-tiny-base"), precision="fp32")
    assert hp.gradient_checkpointing is checkpointing
    torch.set_num_threads(1)
    model, rows = train_in_process(str(base_dir), hp, examples, pad_token_id=pad_token_id)
    base = model.get_base_model() if hasattr(model, "get_base_model") else model
    on = getattr(base, "is_activation_checkpointing", None)  # transformers >= 5.x; older: is_gradient_checkpointing
    assert (on if on is not None else base.is_gradient_checkpointing) is checkpointing
    return rows[0], modeling.trainable_state_dict(model)


@pytest.mark.parametrize("method", ["lora", "full"])
def test_checkpointing_gives_the_same_first_step(base_dir, tokenizer, examples, method):
    off_row, off_state = _one_step(base_dir, examples, tokenizer.pad_token_id, method, False)
    on_row, on_state = _one_step(base_dir, examples, tokenizer.pad_token_id, method, True)
    assert on_row["train_loss"] == pytest.approx(off_row["train_loss"], rel=1e-6)
    assert on_row["grad_norm"] == pytest.approx(off_row["grad_norm"], rel=1e-5) and on_row["grad_norm"] > 0
    for name, want in off_state.items():
        torch.testing.assert_close(on_state[name], want, rtol=1e-5, atol=1e-7, msg=name)
