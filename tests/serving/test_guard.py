"""The guard in front of MLflow's scoring app (tunehouse.serving.asgi): the two requests MLflow 3.17 alone
answers with a 500 get a 4xx with the reason; everything else passes through to MLflow untouched."""

from __future__ import annotations

import asyncio
import http.client
import json
import socket
import urllib.request

from tunehouse.serving.asgi import MAX_JSON_DEPTH, guard, nested_deeper_than, refusal

DEEP = b'{"messages": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
OK = json.dumps({"messages": [{"role": "user", "content": "Hi"}], "max_tokens": 2}).encode()


def test_depth_scan():
    assert nested_deeper_than(DEEP, MAX_JSON_DEPTH)
    assert nested_deeper_than(b'{"messages": ' + b"[" * 100_000, MAX_JSON_DEPTH)  # unclosed: as deep for json
    assert not nested_deeper_than(b"[" * 64 + b"]" * 64, 64) and nested_deeper_than(b"[" * 65 + b"]" * 65, 64)
    assert not nested_deeper_than(b"[]" * 100_000, 64)  # many brackets, shallow
    # brackets inside strings (escaped quotes too) are text, not nesting
    text = json.dumps({"messages": [{"role": "user", "content": '\\"[[[' * 1000}]}).encode()
    assert not nested_deeper_than(text, 64)
    assert json.loads(text)  # the fixture is valid JSON


def test_refusal_reasons():
    assert refusal(None, OK)[0] == 415 and "missing" in refusal(None, OK)[1]
    assert refusal("text/csv", OK)[0] == 415 and "'text/csv'" in refusal("text/csv", OK)[1]
    assert refusal("Application/JSON; charset=utf-8", OK) is None  # MLflow checks the charset itself
    assert refusal("application/json", DEEP)[0] == 400


def _call(method, path, body=b"", headers=(), chunks=None):
    """Drive an ASGI app with one request; returns (what the app saw, what it sent)."""
    seen, sent = {}, []
    pending = list(chunks if chunks is not None else [{"type": "http.request", "body": body, "more_body": False}])

    async def inner(scope, receive, send):
        seen["body"] = (await receive())["body"]
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"inner"})

    async def receive():
        return pending.pop(0) if pending else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": method, "path": path, "headers": list(headers)}
    asyncio.run(guard(inner)(scope, receive, send))
    return seen, sent


def test_guard_passes_through_and_refuses():
    seen, sent = _call("POST", "/invocations", OK, [(b"content-type", b"application/json")])
    assert seen["body"] == OK and sent[-1]["body"] == b"inner"
    # the body in pieces reaches MLflow whole
    parts = [{"type": "http.request", "body": OK[:5], "more_body": True},
             {"type": "http.request", "body": OK[5:], "more_body": False}]
    seen, _ = _call("POST", "/invocations", headers=[(b"content-type", b"application/json")], chunks=parts)
    assert seen["body"] == OK
    seen, sent = _call("POST", "/invocations", OK)
    assert not seen and sent[0]["status"] == 415 and "Content-Type" in json.loads(sent[1]["body"])["message"]
    seen, sent = _call("GET", "/ping")
    assert "body" in seen and sent[0]["status"] == 200  # not /invocations: untouched
    # a client that left mid-body: nothing reaches MLflow, nothing is answered
    seen, sent = _call("POST", "/invocations", headers=[(b"content-type", b"application/json")],
                       chunks=[{"type": "http.request", "body": OK[:5], "more_body": True}])
    assert not seen and not sent


def _raw(server, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", server.port), timeout=60) as s:
        s.sendall(request)
        out = b""
        while chunk := s.recv(65536):
            out += chunk
        return out


def test_on_the_real_server(server):
    # no Content-Type at all (urllib and requests always add one, so a raw request)
    answer = _raw(server, b"POST /invocations HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: "
                  + str(len(OK)).encode() + b"\r\n\r\n" + OK)
    assert answer.startswith(b"HTTP/1.1 415") and b"Unsupported content type (missing)" in answer
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    conn.request("POST", "/invocations", body=DEEP, headers={"Content-Type": "application/json"})
    r = conn.getresponse()
    assert r.status == 400 and "nests deeper than" in json.loads(r.read())["message"]
    conn.request("POST", "/invocations", body=OK, headers={"Content-Type": "application/json"})
    r = conn.getresponse()
    assert r.status == 200 and json.loads(r.read())["object"] == "chat.completion"
    conn.close()
    with urllib.request.urlopen(f"{server.url}/version", timeout=10) as r:
        import mlflow

        assert r.read().decode() == mlflow.__version__
    assert server.command[1:3] == ["-m", "tunehouse.serving.asgi"]
