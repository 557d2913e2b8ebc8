"""train.chat_template: a base checkpoint without a chat template gets the configured one (a known name or a
Jinja file) where the training job loads its tokenizer; a checkpoint's own template always wins."""

from __future__ import annotations

import pytest
from fixtures.chat_families import FAMILIES, TEMPLATES, save_family
from fixtures.train_corpus import write_export
from tunehouse.config import Settings
from tunehouse.errors import UserError
from tunehouse.training import templates
from tunehouse.training.job import _prepare


@pytest.fixture(scope="module")
def plain_bases(tmp_path_factory):
    """Qwen-style and Llama-3-style checkpoints whose tokenizers have no chat template (base models)."""
    root = tmp_path_factory.mktemp("plain")
    data = write_export(root, "v1", n_train=6, n_val=2, seed=0)
    return data, {name: save_family(FAMILIES[name], root / name, chat_template=None, model=False)
                  for name in ("qwen2.5", "llama3")}


def settings_for(tmp_path, data, base, chat_template=None):
    train = {"base_model": str(base), "train_data": str(data)}
    if chat_template is not None:
        train["chat_template"] = chat_template
    return Settings.model_validate({"storage": {"root": str(tmp_path)}, "train": train})


def test_no_template_and_none_configured_says_what_to_set(tmp_path, plain_bases):
    data, bases = plain_bases
    with pytest.raises(UserError, match=r"has no chat_template.*set train.chat_template .*chatml"):
        _prepare(settings_for(tmp_path, data, bases["qwen2.5"]))


def test_known_name_chatml(tmp_path, plain_bases):
    data, bases = plain_bases
    job = _prepare(settings_for(tmp_path, data, bases["qwen2.5"], "chatml"))
    assert job.tokenizer.chat_template == templates.KNOWN_TEMPLATES["chatml"][0]
    assert "train.chat_template=chatml" in templates.describe_template(job.tokenizer)
    assert "{% generation %} markers" in templates.describe_template(job.tokenizer)
    assert job.data.stats["train_trainable_tokens"] > 0
    # the template hash the job logs (and the served model checks) is the configured template's
    assert job.base_info["chat_template_sha256"] != templates.hashlib.sha256(b"").hexdigest()


def test_template_file(tmp_path, plain_bases):
    data, bases = plain_bases
    job = _prepare(settings_for(tmp_path, data, bases["llama3"], str(TEMPLATES / "llama3.1-instruct.jinja")))
    assert "<|start_header_id|>" in job.tokenizer.chat_template
    assert job.data.stats["train_trainable_tokens"] > 0


def test_chatml_needs_its_tokens(tmp_path, plain_bases):
    data, bases = plain_bases
    with pytest.raises(UserError, match=r"needs the special tokens \['<\|im_start\|>', '<\|im_end\|>'\]"):
        _prepare(settings_for(tmp_path, data, bases["llama3"], "chatml"))


def test_unknown_name_or_missing_file(tmp_path, plain_bases):
    data, bases = plain_bases
    with pytest.raises(UserError, match="neither a known template"):
        _prepare(settings_for(tmp_path, data, bases["qwen2.5"], "vicuna"))


def test_checkpoint_template_wins(tmp_path):
    base = save_family(FAMILIES["phi3"], tmp_path / "phi3", model=False)
    data = write_export(tmp_path, "v1", n_train=6, n_val=2, seed=0)
    job = _prepare(settings_for(tmp_path, data, base, "chatml"))  # phi3 has no <|im_start|>: not even checked
    assert "<|assistant|>" in job.tokenizer.chat_template
    assert "the tokenizer's own chat_template" in templates.describe_template(job.tokenizer)
