"""One pre-flight truth: `validate-data --tokenizer --show-mask` prints training's own mask, honours
train.chat_template, and the report at the end of `curate` counts with the configured tokenizer and
train.max_seq_length (approximately only when there is no tokenizer, and it says why)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from fixtures.chat_families import FAMILIES, save_family
from fixtures.train_corpus import make_conversations, write_export
from tunehouse.cli import build_parser
from tunehouse.commands.curate import finish_with_validation
from tunehouse.config import Settings
from tunehouse.training.data import read_chat_jsonl
from tunehouse.training.tokenize import tokenize_conversations

SORRY = {"messages": [{"role": "user", "content": "Hi, order <ORDER_1> is late."},
                      {"role": "assistant", "content": "Sorry about that, it ships tomorrow.", "weight": 1}]}


@pytest.fixture(scope="module")
def llama_dir(tmp_path_factory):
    return save_family(FAMILIES["llama3"], tmp_path_factory.mktemp("llama3"), model=False)


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_show_mask_prints_trained_tokens(tmp_path, llama_dir, settings, capsys):
    f = _write(tmp_path / "t.jsonl", [SORRY] * 4)
    args = build_parser().parse_args(["validate-data", str(f), "--tokenizer", str(llama_dir), "--show-mask", "2"])
    assert args.func(args, settings) == 0
    out = capsys.readouterr().out
    assert out.count("[[Sorry about that, it ships tomorrow.<|eot_id|>]]") == 2
    assert "<|start_header_id|>assistant<|end_header_id|>\n\n[[Sorry" in out  # the header is not trained
    assert "prefix rendering" in out  # how the mask was found is in the report
    saved = json.loads((tmp_path / "t.report.json").read_text())
    assert [m["line"] for m in saved["mask_examples"]] == [1, 2]


def test_show_mask_needs_a_tokenizer(tmp_path, settings):
    from tunehouse.errors import UserError

    f = _write(tmp_path / "t.jsonl", [SORRY])
    args = build_parser().parse_args(["validate-data", str(f), "--show-mask"])
    with pytest.raises(UserError, match="needs a tokenizer"):
        args.func(args, settings)


def test_validate_data_uses_train_chat_template(tmp_path, capsys):
    base = save_family(FAMILIES["qwen2.5"], tmp_path / "qwen_base", chat_template=None, model=False)
    f = _write(tmp_path / "t.jsonl", [SORRY])
    parser = build_parser()
    args = parser.parse_args(["validate-data", str(f), "--tokenizer", str(base), "--show-mask"])
    with_chatml = Settings.model_validate({"storage": {"root": str(tmp_path / "r")},
                                           "train": {"chat_template": "chatml"}})
    assert args.func(args, with_chatml) == 0
    out = capsys.readouterr().out
    assert "[[Sorry about that, it ships tomorrow.<|im_end|>]]" in out and "train.chat_template=chatml" in out
    assert "{% generation %} markers" in out  # chatml carries them


def _curated(tmp_path, n=30):
    """An export like `curate` writes, and the result object finish_with_validation reads."""
    folder = write_export(tmp_path, "v1", n_train=n, n_val=4, seed=3)
    return SimpleNamespace(export_folder=folder, reconciled=True)


def test_curate_report_counts_with_the_configured_tokenizer(tmp_path, tokenizer, base_dir, capsys):
    """With train.base_model set, curate's report is exactly what training will train on at train.max_seq_length
    (the default 256, not a fixed 2048), including what truncation loses."""
    result = _curated(tmp_path)
    settings = Settings.model_validate({"storage": {"root": str(tmp_path / "r")},
                                        "train": {"base_model": str(base_dir), "max_seq_length": 40}})
    assert finish_with_validation(result, settings) == 0
    out = capsys.readouterr().out
    assert "examples over max_seq_length 40" in out and "(approx.)" not in out
    report = json.loads((result.export_folder / "train.report.json").read_text())
    s = report["stats"]
    assert s["approximate"] is False and s["max_seq_length"] == 40
    _, trained = tokenize_conversations(tokenizer, read_chat_jsonl(result.export_folder / "train.jsonl"),
                                        max_seq_length=40)
    assert trained.truncated > 0
    assert s["trainable_tokens_after_truncation"] == trained.trainable_tokens
    assert s["trainable_tokens_lost_to_truncation"] == trained.trainable_tokens_lost


def test_curate_report_without_a_tokenizer_says_it_is_approximate(tmp_path, capsys):
    result = _curated(tmp_path, n=12)
    settings = Settings.model_validate({"storage": {"root": str(tmp_path / "r")}})
    assert finish_with_validation(result, settings) == 0
    out = capsys.readouterr().out
    assert "(approx.)" in out and "approximate because" in out and "tiny base is not built yet" in out
    assert f"examples over max_seq_length {settings.train.max_seq_length}" in out  # training's length, not 2048
    s = json.loads((result.export_folder / "train.report.json").read_text())["stats"]
    assert s["approximate"] is True and s["max_seq_length"] == 256


def test_an_empty_held_out_split_is_a_note_and_an_empty_train_split_fails(tmp_path, capsys):
    """Found by the crash probe's full run: 40 conversations left the test split empty and curate exited 1 after
    writing everything. An empty validation/test split is said, not failed; an empty train split still fails."""
    result = _curated(tmp_path, n=12)
    settings = Settings.model_validate({"storage": {"root": str(tmp_path / "r")}})
    (result.export_folder / "test.jsonl").write_text("")
    assert finish_with_validation(result, settings) == 0
    assert "no test examples (the split is empty" in capsys.readouterr().out
    (result.export_folder / "train.jsonl").write_text("")
    assert finish_with_validation(result, settings) == 1
    assert "train.jsonl: 1 format error(s)" in capsys.readouterr().out


def test_curate_report_with_an_unusable_tokenizer_says_why(tmp_path, capsys):
    base = save_family(FAMILIES["qwen2.5"], tmp_path / "plain", chat_template=None, model=False)
    (base / "config.json").write_text("{}")
    result = _curated(tmp_path, n=12)
    settings = Settings.model_validate({"storage": {"root": str(tmp_path / "r")}, "train": {"base_model": str(base)}})
    assert finish_with_validation(result, settings) == 0
    out = capsys.readouterr().out
    reason = json.loads((result.export_folder / "train.report.json").read_text())["stats"]["approximate_reason"]
    assert "(approx.)" in out and "approximate because" in out
    assert "no chat_template" in reason and "train.chat_template" in reason


def test_make_conversations_are_valid_for_the_report():  # guards the fixture the curate tests rely on
    assert all(r["messages"][-1]["role"] == "assistant" for r in make_conversations(5, seed=1))
