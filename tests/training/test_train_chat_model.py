"""The pyfunc chat model: request validation, dict / list / DataFrame inputs, stored template and stop ids.
The logged model (its chat signature, as served) is tested in tests/model/test_chat_signature.py."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from tunehouse.model.chat import (
    CHAT_CONFIG_FILE,
    ChatModel,
    ChatRequestError,
    validate_request,
)

MSGS = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Where is order <ORDER_1>?"}]


@pytest.fixture(scope="module")
def chat(base_dir, tokenizer, tmp_path_factory):
    from tunehouse.training.base_model import chat_template_hash
    from tunehouse.training.tokenize import generation_stop_ids

    d = tmp_path_factory.mktemp("chat") / "hf_model"
    shutil.copytree(base_dir, d)
    (d / CHAT_CONFIG_FILE).write_text(json.dumps({
        "model_name": "test-chat", "chat_template_sha256": chat_template_hash(tokenizer),
        "stop_token_ids": generation_stop_ids(tokenizer)}))
    return ChatModel.from_path(d)


def test_dict_request_gives_chat_completion(chat):
    r = chat.predict(None, {"messages": MSGS, "max_tokens": 5})
    assert r["object"] == "chat.completion" and r["model"] == "test-chat"
    choice = r["choices"][0]
    assert choice["message"]["role"] == "assistant" and isinstance(choice["message"]["content"], str)
    assert choice["finish_reason"] in ("stop", "length")
    u = r["usage"]
    assert u["prompt_tokens"] == len(chat.render_prompt(MSGS))
    assert 1 <= u["completion_tokens"] <= 5 and u["total_tokens"] == u["prompt_tokens"] + u["completion_tokens"]


def test_greedy_is_deterministic_and_weight_keys_are_ignored(chat):
    with_weight = [dict(m, weight=1) for m in MSGS]
    a = chat.predict(None, {"messages": MSGS, "max_tokens": 6})
    b = chat.predict(None, {"messages": with_weight, "max_tokens": 6})
    assert a["choices"][0]["message"] == b["choices"][0]["message"]


def test_list_and_n(chat):
    out = chat.predict(None, [{"messages": MSGS, "max_tokens": 3},
                              {"messages": MSGS, "max_tokens": 3, "n": 2, "temperature": 0.9, "seed": 1}])
    assert isinstance(out, list) and len(out) == 2 and len(out[1]["choices"]) == 2


def test_dataframe_rows_like_the_signature_makes_them(chat):
    """The chat signature hands predict() a DataFrame: one row -> one completion dict, several -> a list."""
    import numpy as np

    df = pd.DataFrame({"messages": [np.array(MSGS, dtype=object), json.dumps(MSGS)], "max_tokens": [3, 4]})
    out = chat.predict(None, df)
    assert isinstance(out, list) and len(out) == 2 and all(r["object"] == "chat.completion" for r in out)
    assert [r["usage"]["completion_tokens"] <= n for r, n in zip(out, (3, 4))] == [True, True]
    one = chat.predict(None, pd.DataFrame({"messages": [MSGS], "max_tokens": [3]}))
    assert isinstance(one, dict) and one["choices"][0]["message"] == out[0]["choices"][0]["message"]


def test_seed_in_custom_inputs_equals_a_top_level_seed(chat):
    sampled = {"messages": MSGS, "max_tokens": 6, "temperature": 1.5}
    top = chat.predict(None, {**sampled, "seed": 3})
    custom = chat.predict(None, {**sampled, "custom_inputs": {"seed": 3}})
    assert top["choices"][0]["message"] == custom["choices"][0]["message"]


def test_stop_strings_cut_the_text(chat):
    full = chat.predict(None, {"messages": MSGS, "max_tokens": 12})["choices"][0]["message"]["content"]
    if len(full) >= 2:
        cut = chat.predict(None, {"messages": MSGS, "max_tokens": 12, "stop": full[1]})["choices"][0]
        assert full[1] not in cut["message"]["content"] and cut["finish_reason"] == "stop"


@pytest.mark.parametrize("req, match", [
    ({}, "messages"),
    ({"messages": []}, "non-empty"),
    ({"messages": [{"role": "bot", "content": "x"}]}, "role"),
    ({"messages": [{"role": "user", "content": None}]}, "content"),
    ({"messages": [{"role": "user", "content": "x"}, {"role": "assistant", "content": "y"}]}, "last message"),
    ({"messages": MSGS, "max_tokens": 0}, "max_tokens"),
    ({"messages": MSGS, "temperature": 3}, "temperature"),
    ({"messages": MSGS, "top_p": 0}, "top_p"),
    ({"messages": MSGS, "n": 99}, "n must be"),
    ({"messages": MSGS, "stop": ["a", "b", "c", "d", "e"]}, "stop"),
    ("not json", "JSON object"),
])
def test_bad_requests(req, match):
    with pytest.raises(ChatRequestError, match=match):
        validate_request(req)


def test_template_mismatch_is_refused(base_dir, tmp_path):
    d = tmp_path / "m"
    shutil.copytree(base_dir, d)
    (d / CHAT_CONFIG_FILE).write_text(json.dumps({"chat_template_sha256": "0" * 64, "stop_token_ids": [3]}))
    with pytest.raises(Exception, match="chat template"):
        ChatModel.from_path(d)
