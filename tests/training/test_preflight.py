"""Pre-flight data report: format checks with line numbers, exact statistics, truncation with a real tokenizer."""

from __future__ import annotations

import json

import pytest
from tunehouse.cli import build_parser
from tunehouse.training.preflight import (
    default_report_path,
    print_report,
    save_report,
    validate_file,
)


def _write(path, lines):
    with open(path, "wb") as f:
        for line in lines:
            if isinstance(line, bytes):
                f.write(line + b"\n")
            elif isinstance(line, str):
                f.write(line.encode() + b"\n")
            else:
                f.write(json.dumps(line).encode() + b"\n")
    return path


def U(c):
    return {"role": "user", "content": c}


def A(c, **kw):
    return {"role": "assistant", "content": c, **kw}


GOOD = {"messages": [U("hi"), A("hello")]}

# (line content, expected error code or None, expected warning code or None)
CASES = [
    (GOOD, None, None),                                                                          # 1
    ("this is not json", "invalid_json", None),                                                  # 2
    ([1, 2], "data_type", None),                                                                 # 3
    ({"foo": 1}, "missing_messages_list", "unknown_top_level_key"),                              # 4
    ({"messages": "hi"}, "messages_not_list", None),                                             # 5
    ({"messages": []}, "empty_messages", None),                                                  # 6
    ({"messages": ["hi", A("x")]}, "message_not_object", None),                                  # 7
    ({"messages": [{"role": "user"}, A("x")]}, "message_missing_key", None),                     # 8
    ({"messages": [{**U("a"), "extra": 1}, A("x")]}, "message_unrecognized_key", None),          # 9
    ({"messages": [U("a"), {"role": "tool", "content": "r"}, A("x")]}, "unrecognized_role", None),  # 10
    ({"messages": [U("a"), A(5)]}, "content_not_string", None),                                  # 11
    ({"messages": [U("only a question")]}, "example_missing_assistant_message", None),           # 12
    ({"messages": [{**U("a"), "weight": 1}, A("x")]}, "weight_on_non_assistant", None),          # 13
    ({"messages": [U("a"), A("x", weight=2)]}, "invalid_weight", None),                          # 14
    ({"messages": [U("a"), A("x", weight=0.5)]}, "fractional_weight", None),                     # 15
    (b'{"messages": [{"role": "user", "content": "caf\xe9"}]}', "invalid_utf8", None),           # 16
    ("", None, "blank_line"),                                                                    # 17
    ({"messages": [U("a"), A("x")], "meta": {}}, None, "unknown_top_level_key"),                 # 18
    ({"messages": [U("a"), A("x", weight=0)]}, None, "no_trainable_assistant_message"),          # 19
    ({"messages": [U("a"), A("  ")]}, None, "empty_content"),                                    # 20
    ({"messages": [U("a"), U("b"), A("x")]}, None, "consecutive_same_role"),                     # 21
    ({"messages": [U("a"), {"role": "system", "content": "s"}, A("x")]}, None, "system_not_first"),  # 22
    ({"messages": [U("a"), A("x", weight=True)]}, "invalid_weight", None),                       # 23
]


def test_each_error_kind_with_line_and_code(tmp_path):
    f = _write(tmp_path / "bad.jsonl", [c for c, _, _ in CASES])
    rep = validate_file(f)
    assert not rep.ok

    expected_errors = [(i, e) for i, (_, e, _) in enumerate(CASES, 1) if e]
    assert [(e["line"], e["code"]) for e in rep.errors] == expected_errors
    assert rep.error_counts == {"invalid_weight": 2, **{e: 1 for _, e in expected_errors if e != "invalid_weight"}}
    for e in rep.errors:
        assert e["message"]

    expected_warnings = {(i, w) for i, (_, _, w) in enumerate(CASES, 1) if w}
    got = {(w["line"], w["code"]) for w in rep.warnings}
    assert expected_warnings <= got
    # the only other warning is file-level: fewer than 10 valid examples
    assert got - expected_warnings == {(None, "few_examples")}

    s = rep.stats
    assert s["lines"] == len(CASES)
    assert s["blank_lines"] == 1
    assert s["examples"] == len(CASES) - 1
    assert s["valid_examples"] == 6  # lines 1, 18-22
    assert s["invalid_examples"] == len(expected_errors)


def test_tool_calling_is_explained(tmp_path):
    f = _write(tmp_path / "t.jsonl", [{"messages": [U("a"), A("x", tool_calls=[])]}])
    rep = validate_file(f)
    assert rep.error_counts == {"message_unrecognized_key": 1}
    assert "tool calling" in rep.errors[0]["message"]


def test_errors_listed_are_capped_but_counted(tmp_path):
    f = _write(tmp_path / "bad.jsonl", ["nope"] * 7 + [GOOD])
    rep = validate_file(f, max_errors_listed=3)
    assert rep.error_counts == {"invalid_json": 7}
    assert [e["line"] for e in rep.errors] == [1, 2, 3]


def test_empty_file_is_an_error(tmp_path):
    f = tmp_path / "empty.jsonl"
    f.write_text("\n")
    rep = validate_file(f)
    assert rep.error_counts == {"no_examples": 1}


CLEAN = [
    # approximate tokens: message = 3 header + content + 1 end; word piece = ceil(len/4)
    # system "Be brief." = Be 1 + brief 2 + . 1 = 4 -> 8; user "Hi" -> 5; assistant "Hello there" 4 -> 8 (5 trainable)
    {"messages": [{"role": "system", "content": "Be brief."}, U("Hi"), A("Hello there", weight=1)]},
    # user 3 -> 7; assistant w0 "ok" 1 -> 5; user "and?" 2 -> 6; assistant (no weight = 1) "yes" 1 -> 5 (2 trainable)
    {"messages": [U("abcdefghi"), A("ok", weight=0), U("and?"), A("yes")]},
    # user 1 -> 5; assistant 4 -> 8 (5 trainable)
    {"messages": [U("x"), A("a b c d", weight=1)]},
]


def test_clean_file_exact_stats(tmp_path):
    f = _write(tmp_path / "train.jsonl", CLEAN)
    rep = validate_file(f, max_seq_length=20)
    assert rep.ok and rep.errors == [] and rep.error_counts == {}
    s = rep.stats
    assert s["approximate"] is True and "approximate" in s["token_counting"]
    assert (s["examples"], s["valid_examples"], s["invalid_examples"]) == (3, 3, 0)
    assert s["messages"] == 9
    assert s["assistant_messages"] == 4 and s["trainable_assistant_messages"] == 3
    assert s["tokens"] == 21 + 23 + 13
    assert s["trainable_tokens"] == 5 + 2 + 5
    assert s["trainable_fraction"] == pytest.approx(12 / 57)
    assert s["role_counts"] == {"system": 1, "user": 4, "assistant": 4}
    assert s["weight_counts"] == {"0": 1, "1": 2, "missing (=1)": 1}
    # 21 > 20 and 23 > 20; left truncation cuts headers only
    assert s["examples_over_max_seq_length"] == 2
    assert s["tokens_lost_to_truncation"] == 1 + 3
    assert s["trainable_tokens_lost_to_truncation"] == 0
    assert s["tokens_after_truncation"] == 20 + 20 + 13
    assert s["trainable_tokens_after_truncation"] == 12
    d = s["distributions"]
    assert d["messages_per_example"] == pytest.approx({"min": 2, "p5": 2.1, "p50": 3, "p95": 3.9, "max": 4, "mean": 3})
    assert d["tokens_per_example"] == pytest.approx({"min": 13, "p5": 13.8, "p50": 21, "p95": 22.8, "max": 23, "mean": 19})
    assert d["trainable_tokens_per_example"] == pytest.approx({"min": 2, "p5": 2.3, "p50": 5, "p95": 5, "max": 5, "mean": 4})
    assert rep.warning_counts == {"exceeds_max_seq_length": 2, "few_examples": 1}
    assert [w["line"] for w in rep.warnings if w["code"] == "exceeds_max_seq_length"] == [1, 2]

    # the default length truncates nothing
    s2 = validate_file(f).stats
    assert s2["examples_over_max_seq_length"] == 0 and s2["tokens_lost_to_truncation"] == 0


def test_percentiles_match_numpy(tmp_path):
    np = pytest.importorskip("numpy")
    rows = [{"messages": [U("q")] + [A("w " * (i % 7))] * (1 + i % 5)} for i in range(37)]
    rep = validate_file(_write(tmp_path / "p.jsonl", rows))
    n_msgs = [len(r["messages"]) for r in rows]
    d = rep.stats["distributions"]["messages_per_example"]
    for p in (5, 50, 95):
        assert d[f"p{p}"] == pytest.approx(np.percentile(n_msgs, p))
    assert d["mean"] == pytest.approx(np.mean(n_msgs))


def test_fractional_weights_flag(tmp_path):
    rows = [{"messages": [U("a"), A("b c", weight=0.5), U("d"), A("e", weight=1)]},
            {"messages": [U("a"), A("b", weight=0.25)]}]
    f = _write(tmp_path / "frac.jsonl", rows)
    off = validate_file(f)
    assert not off.ok and off.error_counts == {"fractional_weight": 2}
    assert [e["line"] for e in off.errors] == [1, 2]
    on = validate_file(f, allow_fractional_weights=True)
    assert on.ok
    assert on.stats["weight_counts"] == {"1": 1, "fractional (0,1)": 2}
    assert on.stats["trainable_assistant_messages"] == 3
    # out of range stays an error with the flag
    g = _write(tmp_path / "frac2.jsonl", [{"messages": [U("a"), A("b", weight=1.5)]},
                                           {"messages": [U("a"), A("b", weight=-0.1)]}])
    assert validate_file(g, allow_fractional_weights=True).error_counts == {"invalid_weight": 2}


# --------------------------------------------------------------------------- real tokenizer
CHATML = (
    "{%- for message in messages %}"
    "{{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}"
)
WORDS = "system user assistant be nice hi there hello friend how are you fine".split()


@pytest.fixture(scope="module")
def tiny_tokenizer_dirs(tmp_path_factory):
    """A word-level tokenizer (one token per word, one per special token), with and without a chat template."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    specials = ["<unk>", "<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    vocab = {t: i for i, t in enumerate(specials + WORDS)}
    tok = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    out = {}
    for name, template in (("chat", CHATML), ("plain", None)):
        hf = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="<unk>", eos_token="<|endoftext|>",
                                     additional_special_tokens=["<|im_start|>", "<|im_end|>"])
        if template:
            hf.chat_template = template
        d = tmp_path_factory.mktemp(f"tok_{name}")
        hf.save_pretrained(d)
        out[name] = d
    return out


CONV = {"messages": [{"role": "system", "content": "be nice"}, U("hi there"), A("hello friend", weight=1)]}
# rendered: [<|im_start|> system be nice <|im_end|>] [<|im_start|> user hi there <|im_end|>]
#           [<|im_start|> assistant hello friend <|im_end|>]  = 15 tokens; trainable: hello friend <|im_end|> = 3


def test_tokenizer_chat_template_counts_and_truncation(tmp_path, tiny_tokenizer_dirs):
    from transformers import AutoTokenizer

    f = _write(tmp_path / "t.jsonl", [CONV, {"messages": [U("how are you"), A("fine", weight=0), U("hi"),
                                                         A("fine")]}])
    tok = AutoTokenizer.from_pretrained(tiny_tokenizer_dirs["chat"])
    ids = tok.apply_chat_template(CONV["messages"], tokenize=True, return_dict=False)
    assert len(ids) == 15  # the report counts exactly what apply_chat_template gives

    rep = validate_file(f, tokenizer=tiny_tokenizer_dirs["chat"], max_seq_length=100)
    s = rep.stats
    assert rep.ok and s["approximate"] is False and "chat template" in s["token_counting"]
    # second: [im_start user how are you im_end] 6, [im_start assistant fine im_end] 4 (w0), 4, 4 (trainable 2)
    assert s["tokens"] == 15 + 18
    assert s["trainable_tokens"] == 3 + 2
    assert s["examples_over_max_seq_length"] == 0

    # left truncation at 12 cuts the first 3 tokens of CONV (im_start system be) and 6 of the second
    rep = validate_file(f, tokenizer=tok, max_seq_length=12)
    s = rep.stats
    assert s["examples_over_max_seq_length"] == 2
    assert s["tokens_lost_to_truncation"] == 3 + 6
    assert s["trainable_tokens_lost_to_truncation"] == 0
    # at 2 only "friend <|im_end|>" survives of CONV, and the first token of a sequence cannot be predicted
    rep = validate_file(f, tokenizer=tok, max_seq_length=2)
    s = rep.stats
    assert s["tokens_lost_to_truncation"] == 13 + 16
    assert s["trainable_tokens_lost_to_truncation"] == 2 + 1
    assert s["trainable_tokens_after_truncation"] == 1 + 1
    # right truncation at 13 keeps CONV up to "hello": 2 trainable lost
    rep = validate_file(f, tokenizer=tok, max_seq_length=13, truncation_side="right")
    s = rep.stats
    assert s["tokens_lost_to_truncation"] == 2 + 5
    assert s["trainable_tokens_lost_to_truncation"] == 2 + 2
    assert s["examples_no_trainable_after_truncation"] == 1
    assert rep.warning_counts["no_trainable_after_truncation"] == 1
    assert [w["line"] for w in rep.warnings if w["code"] == "no_trainable_after_truncation"] == [2]


def test_tokenizer_without_template_is_refused_like_training(tmp_path, tiny_tokenizer_dirs):
    from tunehouse.errors import UserError

    f = _write(tmp_path / "t.jsonl", [CONV])
    with pytest.raises(UserError, match="no chat_template"):
        validate_file(f, tokenizer=tiny_tokenizer_dirs["plain"])


def test_examples_training_cannot_mask_are_errors(tmp_path, tiny_tokenizer_dirs):
    """A template that is not prefix-stable (it ends with the message count): training refuses such data, so
    the report gives each example with a trainable reply a mask_error instead of a guessed count."""
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(tiny_tokenizer_dirs["chat"])
    tok.chat_template = CHATML + "{{- messages | length }}"
    f = _write(tmp_path / "t.jsonl", [CONV, {"messages": [U("hi"), A("fine", weight=0)]}])
    rep = validate_file(f, tokenizer=tok)
    assert rep.error_counts == {"mask_error": 1}
    assert rep.errors[0]["line"] == 1 and "prefix-stable" in rep.errors[0]["message"]
    assert rep.stats["valid_examples"] == 1 and rep.stats["trainable_tokens"] == 0


def test_report_counts_what_training_trains(tmp_path, tokenizer):
    """One mask: validate-data --tokenizer counts exactly the trainable tokens the trainer's tokenisation
    keeps, before and after truncation (the tiny base's tokenizer, the training corpus)."""
    from fixtures.train_corpus import make_conversations
    from tunehouse.training.data import read_chat_jsonl
    from tunehouse.training.tokenize import tokenize_conversations

    f = _write(tmp_path / "train.jsonl", make_conversations(30, seed=3))
    for max_len in (512, 40):
        s = validate_file(f, tokenizer=tokenizer, max_seq_length=max_len).stats
        _, trained = tokenize_conversations(tokenizer, read_chat_jsonl(f), max_seq_length=max_len)
        assert s["trainable_tokens_after_truncation"] == trained.trainable_tokens > 0
        assert s["trainable_tokens"] == trained.trainable_tokens + trained.trainable_tokens_lost
        assert s["examples_over_max_seq_length"] == trained.truncated
        assert s["examples_no_trainable_after_truncation"] <= trained.dropped_no_trainable
    assert trained.truncated > 0  # the second length really truncates


def test_bad_tokenizer_path_is_a_user_error(tmp_path):
    from tunehouse.errors import UserError

    f = _write(tmp_path / "t.jsonl", [GOOD])
    with pytest.raises(UserError, match="cannot load tokenizer"):
        validate_file(f, tokenizer=tmp_path / "nope")
    with pytest.raises(UserError, match="not found"):
        validate_file(tmp_path / "missing.jsonl")


# --------------------------------------------------------------------------- output + CLI
def test_json_and_printing(tmp_path, capsys):
    f = _write(tmp_path / "train.jsonl", CLEAN + ["broken"])
    rep = validate_file(f)
    out = save_report(rep, default_report_path(f))
    assert out == tmp_path / "train.report.json"
    d = json.loads(out.read_text())
    assert d["ok"] is False and d["error_counts"] == {"invalid_json": 1}
    assert d["errors"] == [{"line": 4, "code": "invalid_json", "message": rep.errors[0]["message"]}]
    assert d["stats"]["tokens"] == 57
    print_report(rep)
    text = capsys.readouterr().out
    assert "invalid_json" in text and "tokens_per_example" in text


def test_cli_subcommand(tmp_path, settings, capsys):
    parser = build_parser()

    good = _write(tmp_path / "good.jsonl", CLEAN)
    args = parser.parse_args(["validate-data", str(good), "--max-seq-length", "20"])
    assert args.func(args, settings) == 0
    rep = json.loads((tmp_path / "good.report.json").read_text())
    assert rep["ok"] and rep["stats"]["examples_over_max_seq_length"] == 2

    bad = _write(tmp_path / "bad.jsonl", CLEAN + [{"messages": [U("a"), A("b", weight=0.5)]}])
    args = parser.parse_args(["validate-data", str(bad), "--json", str(tmp_path / "r" / "out.json")])
    assert args.func(args, settings) == 1
    assert json.loads((tmp_path / "r" / "out.json").read_text())["error_counts"] == {"fractional_weight": 1}
    args = parser.parse_args(["validate-data", str(bad), "--fractional-weights"])
    assert args.func(args, settings) == 0
    capsys.readouterr()
