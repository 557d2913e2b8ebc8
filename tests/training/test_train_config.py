"""Configuration validation, base-model loading errors, the tiny base's tokenizer/template."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from tunehouse.config import ConfigError, load_settings
from tunehouse.errors import UserError
from tunehouse.training.settings import BaseModelSettings, TrainSettings


@pytest.mark.parametrize("override, match", [
    ("train.batch_size=7", "multiple of num_workers"),
    ("train.learning_rate_multiplier=0", "greater than 0"),
    ("train.n_epochs=0", "greater than or equal to 1"),
    ("train.method=qlora", "lora"),
    ("train.lora.r=0", "train.lora.r"),
    ("train.lora.dropout=1.5", "train.lora.dropout"),
    ("train.truncation_side=middle", "left"),
    ("train.strategy=zero3", "ddp"),
    ("train.epochs=3", "unknown key 'train.epochs'"),
    ("base_model.hidden_size=130", "divisible by num_heads"),
])
def test_bad_values_name_the_key(override, match, tmp_path):
    with pytest.raises(ConfigError, match=match):
        load_settings(overrides=[f"storage.root={tmp_path}", override])


def test_learning_rate_is_multiplier_times_base():
    t = TrainSettings(learning_rate_multiplier=0.1, base_learning_rates={"org/*": 1e-3, "*": 2e-3})
    assert t.learning_rate("org/model") == pytest.approx(1e-4)
    assert t.learning_rate("other") == pytest.approx(2e-4)
    with pytest.raises(ValueError, match="no base learning rate"):
        TrainSettings(base_learning_rates={"org/*": 1e-3}).learning_rate("x")
    with pytest.raises(ValidationError, match="base learning rates"):
        TrainSettings(base_learning_rates={"*": 3.0})


def test_assignment_is_validated():
    t = TrainSettings()
    with pytest.raises(ValidationError):
        t.num_workers = 3  # batch_size 8 is not a multiple of 3
    assert BaseModelSettings().warmup_steps > 0


def test_unreachable_base_model_is_a_user_error(tmp_path):
    from tunehouse.training.base_model import (
        load_model,
        load_tokenizer,
        resolve_base_model,
    )

    with pytest.raises(UserError, match="neither a local folder nor reachable"):
        load_tokenizer("no-such-org/no-such-model")
    with pytest.raises(UserError, match="neither a local folder nor reachable"):
        load_model("no-such-org/no-such-model")
    s = load_settings(overrides=[f"storage.root={tmp_path}"])
    with pytest.raises(UserError, match="tunehouse base-model"):
        resolve_base_model(s)


def test_tiny_base_is_a_regular_checkpoint(base_dir, tokenizer):
    from transformers import AutoModelForCausalLM
    from tunehouse.training.base_model import CHAT_TEMPLATE, model_name
    from tunehouse.training.tokenize import generation_stop_ids, stop_token_ids

    model = AutoModelForCausalLM.from_pretrained(base_dir)
    assert model.config.model_type == "llama"
    assert tokenizer.chat_template == CHAT_TEMPLATE and "{% generation %}" in CHAT_TEMPLATE
    assert model_name(str(base_dir)) == "tunehouse-tiny-base"
    assert tokenizer.convert_ids_to_tokens(stop_token_ids(tokenizer)) == ["<|im_end|>"]
    assert "<|im_start|>" in tokenizer.convert_ids_to_tokens(generation_stop_ids(tokenizer))
    for ph in ("<PERSON_1>", "<EMAIL_1>", "<ORDER_1>"):
        assert tokenizer.tokenize(f"x{ph}y")[1] == ph
    assert tokenizer.decode(tokenizer("Hi <EMAIL_1>!")["input_ids"]) == "Hi <EMAIL_1>!"


def test_base_model_refuses_to_overwrite(base_root):
    from tunehouse.config import Settings
    from tunehouse.training.base_model import build_base_model

    with pytest.raises(UserError, match="already exists"):
        build_base_model(Settings.model_validate({"storage": {"root": str(base_root)}}))


def test_typed_placeholders_are_single_tokens_in_the_tiny_base():
    """pii.placeholder_style=typed writes <PERSON>, not <PERSON_1>: both styles become one token each."""
    from tunehouse.training.base_model import (
        build_tokenizer,
        find_placeholders,
        render_chatml,
    )

    texts = [render_chatml([{"role": "user", "content": f"I am <PERSON>, mail me at <EMAIL_ADDRESS> ({i})"},
                            {"role": "assistant", "content": "Sure <PERSON>, order <ORDER_2> is on its way."}])
             for i in range(20)]
    placeholders = find_placeholders(texts)
    assert placeholders == ["<EMAIL_ADDRESS>", "<ORDER_2>", "<PERSON>"]
    tok = build_tokenizer(texts, vocab_size=400, placeholders=placeholders)
    for ph in placeholders:
        assert tok.tokenize(f"x{ph}y")[1] == ph
