"""Serving under load (issue 13, part 4): valid and malformed requests on the real endpoint, side by side.

The real scoring server of `tunehouse serve` (``tunehouse.serving.server.start_server``: MLflow's app behind
``tunehouse.serving.asgi``'s guard) on a loopback port gets a shuffled
mix of valid chat requests and malformed ones (:func:`malformed_cases`: invalid JSON, wrong content types,
missing/empty messages, unknown roles, non-string content, huge bodies, absurd max_tokens/temperature, wrong
field types, unknown fields, deep nesting, invalid UTF-8, truncated bodies, slow and vanishing clients) at
several concurrency levels. Properties counted:

- ``responses_5xx``: any 5xx answer (and any 5xx line the server logged, e.g. for a client that left),
  those MLflow's app alone gives included (``upstream_5xx``: their breakdown, 0 behind the guard);
- ``malformed_not_4xx``: a malformed request not answered 4xx with its reason in the body;
- ``rss_growth_mb``: the server's resident memory after the last level minus before the first (after a
  warm-up pass of every case), with the figure of every level beside it;
- ``content_in_logs``: requests whose unique marker string shows up in the server's stdout/stderr log
  (the server must not log message content, on the 200 and on the 4xx paths);
- latency: p50/p95 of the valid requests, and at concurrency 1 the same request answered by the endpoint
  and by the same model called in-process (``mlflow.pyfunc.load_model(uri).predict``), alternated.

The request builder (:func:`chat_request`, :func:`malformed_cases`) and the HTTP client (:class:`Client`,
:func:`endpoint_caller`) are the ones ``benchmarks/bench_serving.py`` uses. Long because the catalogue of
malformed requests, the client that sends them and the judge of their answers are read together: a case's
expected reason only makes sense beside how it is sent and judged.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import re
import socket
import statistics
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
MODEL_NAME = "tunehouse-chat"
SYSTEM = "You are the support assistant of Wanderly Travel. Be brief and friendly."
USER_TURNS = ["Hi, my flight to Lisbon was cancelled. Can I get a refund?", "Where is my booking confirmation?",
              "Can I change the date of my hotel stay?", "My card was charged twice for order <ORDER_1>."]


# --------------------------------------------------------------------------- requests
def chat_request(i: int = 0, *, max_tokens: int = 16, marker: str = "") -> dict:
    """A valid chat request (system + user turn ``i``); ``marker`` goes into the user message."""
    user = USER_TURNS[i % len(USER_TURNS)] + (f" {marker}" if marker else "")
    return {"messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}],
            "max_tokens": max_tokens}


@dataclass(frozen=True)
class Case:
    """One request to send. ``reason``: text the 4xx body must contain (None: a valid request, 200).

    ``transport``: how the bytes go out -- "http" (a normal request on a keep-alive connection), "slow"
    (the body dribbled out in pieces), "truncated" (Content-Length promises more than is sent, then the
    client closes), "vanish" (the whole request, then the client closes without reading the answer)."""

    name: str
    body: bytes
    content_type: str | None = "application/json"
    reason: str | None = None
    transport: str = "http"
    method: str = "POST"
    path: str = "/invocations"
    upstream: str = ""  # a defect of MLflow's scoring server (a 500 before the model runs) that our guard answers

    @property
    def malformed(self) -> bool:
        return self.reason is not None


def _json(obj) -> bytes:
    return json.dumps(obj).encode()


def _msg(content="Hi", role="user") -> list[dict]:
    return [{"role": role, "content": content}]


def malformed_cases(marker: str, *, huge_mb: float = 1.0) -> list[Case]:
    """Every kind of malformed request, each with the reason its 4xx must give (checked in the message
    without the input MLflow echoes, :func:`reason_of`). ``marker`` is in the message content of each one
    that has content, so the log check covers the error paths too."""
    ok = _msg(f"Hello {marker}")
    huge = f"{marker} " + "x" * int(huge_mb * 1e6)
    return [
        # not JSON / not the JSON we take
        Case("invalid_json", f'{{"messages": [{{"role": "user", "content": "{marker}"'.encode(),
             reason="valid JSON"),
        Case("invalid_utf8", b'{"messages": [{"role": "user", "content": "\xff\xfe' + marker.encode() + b'"}]}',
             reason="valid JSON"),
        Case("empty_body", b"", reason="valid JSON"),
        Case("top_level_list", _json([ok]), reason="Received a list"),
        Case("top_level_string", _json(marker), reason="dictionary"),
        Case("deep_nesting", b'{"messages": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", reason="nests deeper than",
             upstream="MLflow's _decode_json_input catches JSONDecodeError, not json's RecursionError"),
        Case("deep_unclosed", b'{"messages": ' + b"[" * 100_000, reason="nests deeper than",
             upstream="json's parser recurses before it finds the missing brackets"),
        # wrong content type
        Case("text_plain", _json({"messages": ok}), content_type="text/plain", reason="Unsupported content type"),
        Case("no_content_type", _json({"messages": ok}), content_type=None, reason="Unsupported content type",
             upstream="MLflow's invocations() calls content_type.split() on the missing header (None)"),
        Case("latin1_charset", _json({"messages": ok}), content_type="application/json; charset=latin-1",
             reason="UTF-8"),
        Case("csv_garbage", f"a,b\n1,{marker}\n".encode(), content_type="text/csv", reason="takes JSON"),
        # messages missing, empty or wrong
        Case("no_messages", _json({"max_tokens": 4, "user": marker}), reason="input fields"),
        Case("empty_messages", _json({"messages": []}), reason="non-empty"),
        Case("messages_string", _json({"messages": marker}), reason="list"),
        Case("messages_object", _json({"messages": ok[0]}), reason="list"),
        Case("message_not_object", _json({"messages": [marker]}), reason="dictionary"),
        Case("unknown_role", _json({"messages": _msg(marker, role="bot")}), reason="role must be one of"),
        Case("role_missing", _json({"messages": [{"content": marker}]}), reason="role"),
        Case("content_missing", _json({"messages": [{"role": "user"}]}), reason="content must be a string"),
        Case("content_number", _json({"messages": _msg(5)}), reason="string"),
        Case("content_list", _json({"messages": _msg([marker])}), reason="string"),
        Case("content_null", _json({"messages": _msg(None)}), reason="content must be a string"),
        Case("last_is_assistant", _json({"messages": ok + _msg("y", role="assistant")}), reason="last message"),
        Case("unknown_message_key", _json({"messages": [{"role": "user", "content": marker, "weight": 1}]}),
             reason="weight"),
        Case("huge_body", _json({"messages": _msg(huge), "max_tokens": 4}), reason="context"),
        # options out of range or of the wrong type
        Case("max_tokens_negative", _json({"messages": ok, "max_tokens": -5}), reason="max_tokens"),
        Case("max_tokens_zero", _json({"messages": ok, "max_tokens": 0}), reason="max_tokens"),
        Case("max_tokens_absurd", _json({"messages": ok, "max_tokens": 10**12}), reason="max_tokens"),
        Case("max_tokens_huge_int", _json({"messages": ok, "max_tokens": 10**40}), reason="max_tokens"),
        Case("max_tokens_string", _json({"messages": ok, "max_tokens": "ten"}), reason="max_tokens"),
        Case("max_tokens_float", _json({"messages": ok, "max_tokens": 2.5}), reason="max_tokens"),
        Case("temperature_negative", _json({"messages": ok, "temperature": -1}), reason="temperature"),
        Case("temperature_absurd", _json({"messages": ok, "temperature": 1e300}), reason="temperature"),
        Case("temperature_nan", b'{"messages": ' + _json(ok) + b', "temperature": NaN}', reason="temperature"),
        Case("temperature_infinity", b'{"messages": ' + _json(ok) + b', "temperature": Infinity}',
             reason="temperature"),
        Case("temperature_string", _json({"messages": ok, "temperature": "hot"}), reason="temperature"),
        Case("top_p_zero", _json({"messages": ok, "top_p": 0}), reason="top_p"),
        Case("n_absurd", _json({"messages": ok, "n": 10**6}), reason="n must be"),
        Case("stop_number", _json({"messages": ok, "stop": 7}), reason="Expected data to be list"),  # MLflow's
        # schema check answers before the model runs, without naming the field (here and for custom_inputs)
        Case("stop_too_many", _json({"messages": ok, "stop": list("abcdefg")}), reason="stop"),
        Case("stream_true", _json({"messages": ok, "stream": True}), reason="stream"),
        Case("custom_inputs_string", _json({"messages": ok, "custom_inputs": marker}),
             reason="Expected data to be a dict"),
        Case("seed_string", _json({"messages": ok, "custom_inputs": {"seed": "abc"}}), reason="seed"),
        # wrong method / path
        Case("get_invocations", b"", content_type=None, method="GET", reason="Method Not Allowed"),
        Case("unknown_path", _json({"messages": ok}), path="/v1/chat/completions", reason="Not Found"),
        # the client misbehaves on the wire
        Case("truncated_body", _json({"messages": ok, "max_tokens": 4}), transport="truncated", reason=""),
        Case("client_vanishes", _json(chat_request(1, max_tokens=4, marker=marker)), transport="vanish",
             reason=""),
    ]


def valid_cases(marker: str, max_tokens: int) -> list[Case]:
    """Valid requests, including a slowly sent one (must still be answered 200)."""
    cases = [Case(f"valid_{i}", _json(chat_request(i, max_tokens=max_tokens, marker=marker if i == 0 else "")))
             for i in range(len(USER_TURNS))]
    cases.append(Case("valid_sampled", _json({**chat_request(2, max_tokens=max_tokens), "temperature": 0.7,
                                              "custom_inputs": {"seed": 3}})))
    # a top-level key outside the chat schema: MLflow drops it before the model runs and logs its name (not
    # its value); OpenAI would refuse it, MLflow's scoring server cannot be told to
    cases.append(Case("valid_unknown_field_ignored", _json({**chat_request(1, max_tokens=max_tokens),
                                                            "frobnicate": marker})))
    cases.append(Case("valid_slow_client", _json(chat_request(3, max_tokens=max_tokens, marker=marker)),
                      transport="slow"))
    return cases


# --------------------------------------------------------------------------- the client
@dataclass
class Answer:
    status: int | None  # None: no answer expected or none came (truncated / vanished client)
    body: bytes
    seconds: float


class Client:
    """One keep-alive HTTP/1.1 connection to the server (reopened after a failure), plus raw-socket sends
    for the transports ``http.client`` cannot do (slow, truncated, vanishing clients)."""

    def __init__(self, host: str, port: int, timeout_s: float = 120.0):
        self.host, self.port, self.timeout_s = host, port, timeout_s
        self.conn: http.client.HTTPConnection | None = None

    def post_json(self, obj: dict) -> dict:
        """A valid request's parsed reply (raises on anything but 200)."""
        a = self.send(Case("request", _json(obj)))
        if a.status != 200:
            raise RuntimeError(f"HTTP {a.status}: {a.body[:300]!r}")
        return json.loads(a.body)

    def send(self, case: Case) -> Answer:
        t0 = time.perf_counter()
        if case.transport == "http":
            status, body = self._http(case)
        else:
            status, body = self._raw(case)
        return Answer(status, body, time.perf_counter() - t0)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def _http(self, case: Case) -> tuple[int, bytes]:
        headers = {"Content-Type": case.content_type} if case.content_type else {}
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout_s)
            try:
                self.conn.request(case.method, case.path, body=case.body or None, headers=headers)
                resp = self.conn.getresponse()
                return resp.status, resp.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()  # the server closed an idle keep-alive connection: once more on a new one
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def _raw(self, case: Case) -> tuple[int | None, bytes]:
        head = (f"{case.method} {case.path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                f"Content-Type: {case.content_type}\r\nContent-Length: {len(case.body)}\r\n"
                "Connection: close\r\n\r\n").encode()
        with socket.create_connection((self.host, self.port), timeout=self.timeout_s) as s:
            if case.transport == "truncated":
                s.sendall(head + case.body[: len(case.body) // 2])
                return None, b""
            if case.transport == "vanish":
                s.sendall(head + case.body)
                return None, b""
            s.sendall(head)
            for k in range(0, len(case.body), max(1, len(case.body) // 8)):  # "slow": 8 pieces, 20 ms apart
                time.sleep(0.02)
                s.sendall(case.body[k:k + max(1, len(case.body) // 8)])
            resp = http.client.HTTPResponse(s)
            resp.begin()
            return resp.status, resp.read()


def endpoint_caller(host: str, port: int, request: dict) -> Callable[[dict], dict]:
    """call(state) -> the reply to ``request``; ``state`` keeps the thread's keep-alive :class:`Client`."""

    def call(state: dict) -> dict:
        client = state.get("client") or state.setdefault("client", Client(host, port))
        return client.post_json(request)
    return call


def in_process_caller(model, request: dict) -> Callable[[dict], dict]:
    """call(state) -> the same model's reply, through ``PyFuncModel.predict`` (what the server calls)."""

    def call(state: dict) -> dict:
        return model.predict(dict(request))
    return call


# --------------------------------------------------------------------------- measuring
def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def spread(n: int, concurrency: int, work: Callable[[int, dict], None]) -> float:
    """``work(i, state)`` for i in range(n) on ``concurrency`` threads (``state``: one dict per thread);
    returns the wall seconds."""
    counter = iter(range(n))
    lock = threading.Lock()

    def worker():
        state: dict = {}
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                break
            work(i, state)
        if state.get("client"):
            state["client"].close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0


def latency_level(call: Callable[[dict], dict], concurrency: int, n: int) -> dict:
    """n calls spread over ``concurrency`` threads; per-call p50/p95 latency and overall throughput."""
    latencies: list[float] = []
    tokens: list[int] = []

    def work(i: int, state: dict) -> None:
        t0 = time.perf_counter()
        r = call(state)
        latencies.append(time.perf_counter() - t0)
        tokens.append(r["usage"]["completion_tokens"])

    wall = spread(n, concurrency, work)
    return {"concurrency": concurrency, "requests": n, "p50_ms": percentile(latencies, 0.5) * 1000,
            "p95_ms": percentile(latencies, 0.95) * 1000, "rps": n / wall,
            "mean_completion_tokens": statistics.mean(tokens)}


def server_rss_mb(pid: int) -> float:
    """Resident memory of the server's whole process group (uvicorn, and its workers when there are several)."""
    total_kb = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                pgid = int(f.read().rsplit(")", 1)[1].split()[2])
            if pgid != pid:
                continue
            with open(f"/proc/{entry}/status") as f:
                total_kb += next(int(ln.split()[1]) for ln in f if ln.startswith("VmRSS:"))
        except (OSError, StopIteration, ValueError, IndexError):
            continue  # a process that ended meanwhile
    return total_kb / 1024


@dataclass
class LevelResult:
    concurrency: int
    sent: int = 0
    malformed: int = 0
    statuses: dict = field(default_factory=dict)
    responses_5xx: list = field(default_factory=list)
    upstream_5xx: list = field(default_factory=list)
    malformed_not_4xx: list = field(default_factory=list)
    valid_not_200: list = field(default_factory=list)
    valid_latencies: list = field(default_factory=list)
    rss_before_mb: float = 0.0
    rss_after_mb: float = 0.0
    seconds: float = 0.0


def reason_of(body: bytes) -> str:
    """The reason of a 4xx body without the request MLflow echoes in front of it (so a field name in the
    echoed input does not pass for the reason), as `tunehouse chat` shows it."""
    from tunehouse.serving.chat import server_message

    return server_message(body)


def judge(case: Case, answer: Answer, result: LevelResult) -> None:
    """Count one answer against the properties (called under the level's lock)."""
    result.sent += 1
    result.malformed += case.malformed
    result.statuses[answer.status] = result.statuses.get(answer.status, 0) + 1
    if answer.status is not None and answer.status >= 500:
        # every 5xx counts; upstream_5xx is the breakdown of those MLflow's app alone would have given
        result.responses_5xx.append((case.name, answer.status, answer.body[:300]))
        if case.upstream:
            result.upstream_5xx.append((case.name, answer.status, answer.body[:300]))
    if case.transport in ("truncated", "vanish"):
        return  # nothing comes back to a client that left; the server log is checked for 5xx instead
    if case.malformed:
        text = reason_of(answer.body)
        if not (answer.status and 400 <= answer.status < 500 and case.reason in text):
            result.malformed_not_4xx.append((case.name, answer.status, text[:300]))
    elif answer.status != 200:
        result.valid_not_200.append((case.name, answer.status, answer.body[:300]))
    else:
        result.valid_latencies.append(answer.seconds)


def load_level(host: str, port: int, pid: int, cases: list[Case], concurrency: int) -> LevelResult:
    """Send ``cases`` (in this order) over ``concurrency`` client threads and judge every answer."""
    result = LevelResult(concurrency, rss_before_mb=server_rss_mb(pid))
    lock = threading.Lock()

    def work(i: int, state: dict) -> None:
        client = state.get("client") or state.setdefault("client", Client(host, port))
        try:
            answer = client.send(cases[i])
        except (OSError, http.client.HTTPException) as e:  # the connection broke: no answer at all
            client.close()
            answer = Answer(None, f"{type(e).__name__}: {e}".encode(), 0.0)
            if cases[i].transport not in ("truncated", "vanish"):
                answer = Answer(-1, answer.body, 0.0)
        with lock:
            judge(cases[i], answer, result)

    result.seconds = spread(len(cases), concurrency, work)
    time.sleep(0.5)  # let the server finish requests whose clients left before measuring its memory
    result.rss_after_mb = server_rss_mb(pid)
    return result


def schedule(marker: str, n: int, *, max_tokens: int, huge_mb: float, malformed_share: float,
             seed: int = 0) -> list[Case]:
    """n requests: every malformed case at least once, then valid and malformed drawn at random."""
    bad, good = malformed_cases(marker, huge_mb=huge_mb), valid_cases(marker, max_tokens)
    huge = [c for c in bad if c.name == "huge_body"]
    rest = [c for c in bad if c.name != "huge_body"]
    rng = random.Random(seed)
    out = list(bad) + list(good)
    while len(out) < n:
        if rng.random() < malformed_share:
            out.append(rng.choice(rest) if rng.random() > 0.02 else huge[0])
        else:
            out.append(rng.choice(good))
    rng.shuffle(out)
    return out[:max(n, len(bad) + len(good))]


def read_log(path: Path | None, start: int = 0) -> str:
    """The server's log from byte ``start`` on (a session-wide server's log holds earlier tests' lines too)."""
    if not path or not Path(path).is_file():
        return ""
    with open(path, "rb") as f:
        f.seek(start)
        return f.read().decode(errors="replace")


def log_5xx_lines(log_text: str) -> list[str]:
    """The server's access-log lines of a 5xx answer (uvicorn: ``"POST /invocations HTTP/1.1" 500 ...``)."""
    return [ln for ln in log_text.splitlines() if re.search(r'HTTP/1\.[01]" 5\d\d ', ln)]


# --------------------------------------------------------------------------- the model and the server
DEMO_SIZE = dict(warmup_steps=0, overwrite=True)  # the base model defaults: the demo's size (hidden 128, 4 layers)
TINY_SIZE = dict(vocab_size=400, hidden_size=32, num_layers=2, num_heads=2, num_kv_heads=1, intermediate_size=64,
                 max_position_embeddings=256, warmup_steps=0, threads=1, overwrite=True)


def build_model(root: Path, *, size: dict | None = None, alias: str = "bench") -> str:
    """An untrained base (demo-sized by default; untrained, so every reply is exactly max_tokens long),
    packaged and registered like a fine-tuned version under storage root ``root``; returns its URI."""
    if str(ROOT / "tests") not in sys.path:
        sys.path.insert(0, str(ROOT / "tests"))  # the test fixtures build and register the model
    from fixtures.serving import (
        MODEL,
        as_chat_model,
        register_version,
        serving_settings,
    )
    from fixtures.train_corpus import write_export
    from tunehouse.training.base_model import build_base_model
    from tunehouse.training.settings import BaseModelSettings

    write_export(root, "v1", n_train=200, n_val=10, seed=0)
    settings = serving_settings(root)
    build_base_model(settings, bs=BaseModelSettings(**(size or DEMO_SIZE)))
    hf = as_chat_model(root / "models" / "base", root / "models" / alias / "hf_model")
    register_version(settings, hf, root / "models" / "base", alias=alias)
    return f"models:/{MODEL}@{alias}"


def tracking_uri(root: Path) -> str:
    if str(ROOT / "tests") not in sys.path:
        sys.path.insert(0, str(ROOT / "tests"))
    from fixtures.serving import serving_settings

    return serving_settings(root).mlflow_tracking_uri()


# --------------------------------------------------------------------------- the probe
def compare_latency(model, host: str, port: int, request: dict, *, n: int, rounds: int) -> dict:
    """The same request, concurrency 1: in-process ``predict`` and the endpoint, interleaved call by call on
    one thread (load from other processes, and torch threads still spinning after a call, hit both alike).

    Where the endpoint's extra time goes: ``endpoint_refused_p50_ms`` is a request the model refuses at
    validation (HTTP + JSON + MLflow's parsing and schema check, no generation), ``ping_p50_ms`` HTTP alone."""
    callers = {"in_process": in_process_caller(model, request), "endpoint": endpoint_caller(host, port, request)}
    refused = Case("refused", _json({"messages": _msg("Hi", role="bot")}), reason="role")
    ping = Case("ping", b"", content_type=None, method="GET", path="/ping")
    times: dict[str, list[float]] = {k: [] for k in (*callers, "endpoint_refused", "ping")}
    state: dict = {}
    client = Client(host, port)
    for call in callers.values():
        call(state)  # warm-up
    for i in range(n * rounds):
        for mode in (list(callers) if i % 2 == 0 else list(reversed(callers))):
            t0 = time.perf_counter()
            callers[mode](state)
            times[mode].append(time.perf_counter() - t0)
        times["endpoint_refused"].append(client.send(refused).seconds)
        times["ping"].append(client.send(ping).seconds)
    client.close()
    state["client"].close()
    out = {f"{mode}_{name}_ms": round(percentile(ts, q) * 1000, 2)
           for mode, ts in times.items() for name, q in (("p50", 0.5), ("p95", 0.95))}
    out["endpoint_over_in_process_p50"] = round(out["endpoint_p50_ms"] / out["in_process_p50_ms"], 2)
    return out


def probe(server, model, *, levels: tuple[int, ...], per_level: int, max_tokens: int, huge_mb: float,
          latency_n: int, latency_rounds: int, malformed_share: float = 0.5, torch_threads: int | None = None) -> dict:
    """The load on a running server (``ServerProcess``) and the figures of the module docstring.

    ``model``: the same model loaded in-process (``mlflow.pyfunc.load_model``) for the latency comparison;
    None skips it; ``torch_threads``: torch threads of that in-process side (give the server's
    serve.torch_threads: on an oversubscribed box torch's default of one thread per core made the in-process
    call 6x slower than the same call in the server). The server's log (``server.log_path``) is read for 5xx lines and the marker."""
    marker = f"TH-MARKER-{uuid.uuid4().hex[:12]}"
    host, port, pid = "127.0.0.1", server.port, server.process.pid
    log_start = server.log_path.stat().st_size if server.log_path and server.log_path.is_file() else 0
    warm = malformed_cases(marker, huge_mb=huge_mb) + valid_cases(marker, max_tokens)
    results = [load_level(host, port, pid, warm, 1)]  # every case once first: allocator caches, lazy imports
    for i, c in enumerate(levels):
        cases = schedule(marker, per_level, max_tokens=max_tokens, huge_mb=huge_mb,
                         malformed_share=malformed_share, seed=i)
        results.append(load_level(host, port, pid, cases, c))
    alive = server.alive()
    latency = {}
    if model is not None and alive:
        import torch

        default_threads = torch.get_num_threads()
        torch.set_num_threads(torch_threads or default_threads)
        try:
            latency = compare_latency(model, host, port, chat_request(0, max_tokens=max_tokens), n=latency_n,
                                      rounds=latency_rounds)
        finally:
            torch.set_num_threads(default_threads)
    log_text = read_log(server.log_path, log_start)
    return summarize(results, log_text=log_text, marker=marker, alive=alive, latency=latency)


def summarize(results: list[LevelResult], *, log_text: str, marker: str, alive: bool, latency: dict) -> dict:
    lat = [x for r in results for x in r.valid_latencies]
    answered_5xx = sum(len(r.responses_5xx) for r in results)
    upstream_5xx = sum(len(r.upstream_5xx) for r in results)
    figures = {
        "requests_sent": sum(r.sent for r in results),
        # a 5xx the server logged but no client saw (its client had left) counts too
        "responses_5xx": max(answered_5xx, len(log_5xx_lines(log_text))),
        "malformed_sent": sum(r.malformed for r in results),
        "malformed_not_4xx": sum(len(r.malformed_not_4xx) for r in results),
        "valid_not_200": sum(len(r.valid_not_200) for r in results),
        "upstream_5xx": upstream_5xx,  # included in responses_5xx
        "log_tracebacks": log_text.count("Exception in ASGI application"),
        "content_in_logs": log_text.count(marker),
        "server_alive": int(alive),
        # from after the warm-up pass (results[0]) to after the last level
        "rss_growth_mb": round(results[-1].rss_after_mb - results[1].rss_before_mb, 1),
        "valid_p50_ms": round(percentile(lat, 0.5) * 1000, 1),
        "valid_p95_ms": round(percentile(lat, 0.95) * 1000, 1),
        **latency,
    }
    figures["levels"] = [{"concurrency": r.concurrency, "warm_up": k == 0, "sent": r.sent, "malformed": r.malformed,
                          "seconds": round(r.seconds, 1), "rss_before_mb": round(r.rss_before_mb, 1),
                          "rss_after_mb": round(r.rss_after_mb, 1),
                          "valid_p50_ms": round(percentile([x * 1000 for x in r.valid_latencies], 0.5), 1),
                          "valid_p95_ms": round(percentile([x * 1000 for x in r.valid_latencies], 0.95), 1),
                          "failures": (r.responses_5xx + r.malformed_not_4xx + r.valid_not_200)[:5]}
                         for k, r in enumerate(results)]
    figures["upstream_5xx_cases"] = sorted({name for r in results for name, *_ in r.upstream_5xx})
    return figures


def run(workdir: Path, *, quick: bool = False) -> dict:
    """Build and register an untrained model under ``workdir``, serve it, load it, stop it; the figures.

    quick: the tiny model, 150 requests at concurrency 1 and 8; full: the demo-sized model, 800 requests at
    each of concurrency 1, 4, 8, 16 (3,200), with 8 MB bodies among the malformed ones. Replies are 4 tokens
    (the load is about robustness; bench_serving.py measures longer replies)."""
    import logging

    import mlflow.pyfunc
    from tunehouse.serving.server import start_server

    logging.getLogger("mlflow").setLevel(logging.WARNING)
    workdir = Path(workdir)
    uri = build_model(workdir, size=TINY_SIZE if quick else DEMO_SIZE)
    mlflow.set_tracking_uri(tracking_uri(workdir))
    model = mlflow.pyfunc.load_model(uri)
    # one torch thread per request on both sides (serve.torch_threads=1): 2 cores shared with other work
    server = start_server(uri, tracking_uri=tracking_uri(workdir), port=0, log_path=workdir / "server.log",
                          torch_threads=1)
    try:
        return probe(server, model, levels=(1, 8) if quick else (1, 4, 8, 16), per_level=150 if quick else 800,
                     max_tokens=4, huge_mb=1 if quick else 8, latency_n=10 if quick else 32,
                     latency_rounds=3, torch_threads=1)
    finally:
        server.stop()
