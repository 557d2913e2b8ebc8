"""`tunehouse chat` driven by a script on stdin, against the real server and against an in-process model."""

from __future__ import annotations

import io
import json
import re

from tunehouse.serving.chat import ChatSession, EndpointBackend, run_chat


class Recording:
    """Forwards to a backend and keeps every request, to check what the chat actually sent."""

    def __init__(self, inner):
        self.inner, self.label, self.requests = inner, inner.label, []

    def complete(self, request):
        self.requests.append(json.loads(json.dumps(request)))
        return self.inner.complete(request)


def test_scripted_session_against_the_server(server, tmp_path):
    backend = Recording(EndpointBackend(server.url))
    session = ChatSession(backend, options={"max_tokens": 4})
    script = "\n".join([
        "Hello", "/system Be brief.", "/set max_tokens=3", "Where is order <ORDER_1>?",
        "/set max_tokens=100000", "This one is refused", "/set max_tokens=ten", "/history",
        f"/save {tmp_path / 'chat.jsonl'}", "/reset", "/history", "/bogus", "/exit", "never sent",
    ]) + "\n"
    out = io.StringIO()
    failures = run_chat(session, stdin=io.StringIO(script), stdout=out, interactive=False)
    text = out.getvalue()

    assert failures == 1
    assert len(re.findall(r"^  \[\d+ tokens, (stop|length), ", text, flags=re.M)) == 2  # two replies went through
    assert "error: HTTP 400: max_tokens must be an integer in [1, 256], got 100000" in text
    assert "max_tokens must be int" in text and "unknown command /bogus" in text
    # every turn sends the whole conversation; the system message leads once set
    first, second, refused = backend.requests
    assert [m["content"] for m in first["messages"]] == ["Hello"] and first["max_tokens"] == 4
    assert [m["role"] for m in second["messages"]] == ["system", "user", "assistant", "user"]
    assert second["messages"][0]["content"] == "Be brief." and second["max_tokens"] == 3
    assert refused["max_tokens"] == 100000
    # the refused turn is not kept; /save wrote the conversation as a training-format line
    saved = json.loads((tmp_path / "chat.jsonl").read_text())
    assert [m["role"] for m in saved["messages"]] == ["system", "user", "assistant", "user", "assistant"]
    assert text.rstrip().endswith("unknown command /bogus; /help lists them")
    assert "never sent" not in json.dumps(backend.requests)
    after_reset = text.split("(conversation reset)")[1]
    assert "system> Be brief." in after_reset and "user>" not in after_reset


def test_cli_chat_with_an_in_process_model(serving_root, monkeypatch, capsys):
    from tunehouse.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("Hi, where is my order?\n/history\n"))
    rc = main(["chat", "--model", "models:/tunehouse-chat@candidate", "--max-tokens", "3",
               "--set", f"storage.root={serving_root}"])
    out = capsys.readouterr().out
    assert rc == 0
    assert out.count("assistant> ") == 2 and "user> Hi, where is my order?" in out


def test_serve_dry_run_and_bad_model(serving_root, capsys):
    from tunehouse.cli import main

    root = ["--set", f"storage.root={serving_root}"]
    assert main(["serve", "--dry-run", "--port", "5999", *root]) == 0
    out = capsys.readouterr().out
    assert "-m tunehouse.serving.asgi models:/tunehouse-chat@" in out and "--port 5999" in out
    assert "curl -s http://127.0.0.1:5999/invocations" in out and "openai.OpenAI(base_url=" in out

    assert main(["serve", "--dry-run", "--model", "models:/tunehouse-chat/99", *root]) == 2
    err = capsys.readouterr().err
    assert "tunehouse serve: error: cannot resolve models:/tunehouse-chat/99" in err and "version 99" in err


def test_seed_is_sent_in_custom_inputs_and_decides_sampling(server):
    """The chat signature has no `seed`; the session sends it as custom_inputs, and the served model uses it."""
    backend = Recording(EndpointBackend(server.url))
    session = ChatSession(backend, options={"max_tokens": 6, "temperature": 1.5, "seed": 11})
    script = "Hello\n/reset\nHello\n/set seed=12\n/reset\nHello\n"
    out = io.StringIO()
    assert run_chat(session, stdin=io.StringIO(script), stdout=out, interactive=False) == 0
    first, second, third = backend.requests
    assert "seed" not in first and first["custom_inputs"] == {"seed": 11} and third["custom_inputs"] == {"seed": 12}
    replies = re.findall(r"^assistant> (.*)$", out.getvalue(), flags=re.M)
    assert len(replies) == 3 and replies[0] == replies[1]  # same seed, same sampled reply
