"""The served model over real HTTP: the scoring server of `tunehouse serve` on a free port, valid and bad requests, parity."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request

import pytest

CONVERSATION = [
    {"role": "system", "content": "You are the support assistant of Tunehouse Shop. Be brief and friendly."},
    {"role": "user", "content": "Hi, my order <ORDER_1> has not arrived yet."},
    {"role": "assistant", "content": "pls wait", "weight": 0},
    {"role": "user", "content": "It has been two weeks."},
    {"role": "assistant", "content": "Thanks for reaching out, <PERSON_1>! I checked order <ORDER_1>: it ships "
                                     "tomorrow and you will get a tracking link at <EMAIL_1>.", "weight": 1},
]


def post(url: str, body, content_type: str = "application/json", timeout: float = 60.0) -> tuple[int, dict | str]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    req = urllib.request.Request(f"{url}/invocations", data=data, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        raw = e.read().decode(errors="replace")
        try:
            return e.code, json.loads(raw)
        except json.JSONDecodeError:
            return e.code, raw


def plain(messages: list[dict]) -> list[dict]:
    return [{"role": m["role"], "content": m["content"]} for m in messages]


def test_valid_chat_and_training_keys_refused_by_the_schema(server):
    status, r = post(server.url, {"messages": plain(CONVERSATION[:4]), "max_tokens": 8})
    assert status == 200, r
    assert r["object"] == "chat.completion" and r["model"] == "tunehouse-chat"
    choice = r["choices"][0]
    assert choice["message"]["role"] == "assistant" and isinstance(choice["message"]["content"], str)
    assert choice["finish_reason"] in ("stop", "length")
    u = r["usage"]
    assert 1 <= u["completion_tokens"] <= 8 and u["total_tokens"] == u["prompt_tokens"] + u["completion_tokens"]
    # no temperature: greedy, the same request gets the same reply
    status, r2 = post(server.url, {"messages": plain(CONVERSATION[:4]), "max_tokens": 8})
    assert status == 200 and r2["choices"][0]["message"] == choice["message"] and r2["usage"] == u
    # the model is served with MLflow's chat signature (as on Databricks): the training-only `weight` key is
    # not part of it, so a training row sent as-is is refused, naming the key
    status, r3 = post(server.url, {"messages": CONVERSATION[:4], "max_tokens": 8})
    assert status == 400 and "weight" in r3["message"]


LONG = "word " * 2000


@pytest.mark.parametrize("body, reason", [
    ({"max_tokens": 5}, "input fields"),                                    # no messages at all
    ({"messages": []}, "non-empty"),
    ({"messages": "hello"}, "list"),
    ({"messages": {"role": "user", "content": "x"}}, "list"),
    ({"messages": ["hi"]}, "Expected data to be dictionary"),             # refused by the chat signature
    ({"messages": [{"role": "bot", "content": "x"}]}, "role must be one of"),
    ({"messages": [{"role": "user"}]}, "content must be a string"),
    ({"messages": [{"role": "user", "content": 5}]}, "Expected type string"),  # refused by the chat signature
    ({"messages": [{"role": "user", "content": "x"}, {"role": "assistant", "content": "y"}]}, "last message"),
    ({"messages": [{"role": "user", "content": "x"}], "max_tokens": 0}, "max_tokens"),
    ({"messages": [{"role": "user", "content": "x"}], "max_tokens": 10**9}, "max_tokens"),
    ({"messages": [{"role": "user", "content": "x"}], "max_tokens": "ten"}, "max_tokens"),
    ({"messages": [{"role": "user", "content": "x"}], "temperature": 7}, "temperature"),
    ({"messages": [{"role": "user", "content": "x"}], "top_p": 0}, "top_p"),
    ({"messages": [{"role": "user", "content": "x"}], "n": 1000}, "n must be"),
    ({"messages": [{"role": "user", "content": "x"}], "stop": ["a", "b", "c", "d", "e"]}, "stop"),
    ({"messages": [{"role": "user", "content": "x"}], "stream": True}, "streaming"),
    ({"messages": [{"role": "user", "content": LONG}]}, "context"),          # over-long input
    ({"messages": [{"role": "user", "content": "x"}], "temperature": float("nan")}, "temperature"),  # NaN literal
    ({"messages": [{"role": "user", "content": "x"}], "top_p": float("inf")}, "top_p"),
    ({"messages": [{"role": "user", "content": "x" * 2_000_000}]}, "characters"),  # refused before tokenizing
])
def test_bad_requests_get_4xx_with_reason(server, body, reason):
    status, r = post(server.url, body)
    assert 400 <= status < 500, (status, r)
    assert reason in (r["message"] if isinstance(r, dict) else r)


def test_malformed_bodies_get_4xx(server):
    assert post(server.url, b"not json")[0] == 400
    assert post(server.url, b"[1, 2]")[0] == 400
    assert post(server.url, {"messages": [{"role": "user", "content": "x"}]}, content_type="text/plain")[0] == 415


def test_server_survives_bad_input_and_serves_concurrently(server):
    post(server.url, {"messages": [{"role": "user", "content": LONG * 5}]})
    results = []

    def one(i):
        results.append(post(server.url, {"messages": [{"role": "user", "content": f"Hello {i}"}], "max_tokens": 4}))

    threads = [threading.Thread(target=one, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [s for s, _ in results] == [200] * 4
    assert server.alive()


def test_openai_client(server):
    import openai
    from tunehouse.serving.server import openai_client

    client = openai_client(server.url)
    r = client.chat.completions.create(model="tunehouse-chat", max_tokens=6,
                                       messages=[{"role": "user", "content": "Where is order <ORDER_1>?"}])
    assert r.object == "chat.completion" and r.usage.completion_tokens >= 1
    assert isinstance(r.choices[0].message.content, str)
    with pytest.raises(openai.BadRequestError, match="role must be one of"):
        client.chat.completions.create(model="tunehouse-chat", messages=[{"role": "bot", "content": "x"}])


def test_served_prompt_tokens_equal_training_render(server, serving_root):
    """Template parity: the served prompt is exactly the token prefix training put before the reply."""
    from tunehouse.model.chat import ChatModel
    from tunehouse.model.registry import hf_folder
    from tunehouse.training import tokenize as td

    import mlflow

    prompt = plain(CONVERSATION[:-1])
    status, r = post(server.url, {"messages": prompt, "max_tokens": 1})
    assert status == 200, r

    # what training sees: the conversation tokenised with the loss mask; the reply starts at the first weighted token
    local = mlflow.artifacts.download_artifacts("models:/tunehouse-chat@candidate",
                                                dst_path=str(serving_root / "parity"))
    served = ChatModel.from_path(hf_folder(local))  # the registered artifacts, as served
    tok = served.tokenizer
    ex = td.tokenize_conversation(tok, [dict(m) for m in CONVERSATION], max_seq_length=10_000)
    reply_start = next(i for i, w in enumerate(ex.weights) if w > 0)
    assert r["usage"]["prompt_tokens"] == reply_start
    assert served.render_prompt(prompt) == ex.input_ids[:reply_start]
    # and the trained reply ends with a token the server stops on
    last_trained = max(i for i, w in enumerate(ex.weights) if w > 0)
    assert ex.input_ids[last_trained] in served.stop_token_ids
