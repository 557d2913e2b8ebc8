"""The local scoring server: MLflow's own FastAPI scoring app behind a small ASGI guard.

`tunehouse serve` runs ``python -m tunehouse.serving.asgi MODEL_URI ...`` (:func:`main`). It does what
``mlflow models serve --env-manager local`` does (``mlflow.pyfunc.backend.PyFuncBackend.serve`` and
``scoring_server.get_cmd``): download the model's artifacts, put their local path in the environment
variable MLflow's app reads (``__pyfunc_model_path__``) and the request timeout in
``MLFLOW_SCORING_SERVER_REQUEST_TIMEOUT``, then exec uvicorn -- only on ``tunehouse.serving.asgi:app``,
which is ``mlflow.pyfunc.scoring_server.app:app`` wrapped in :func:`guard`, instead of on MLflow's app.

Why the guard: MLflow 3.17's scoring server answers 500 before the model runs for two bad requests --
no ``Content-Type`` header (``invocations()`` calls ``.split()`` on None) and JSON nested thousands deep
(``_decode_json_input`` catches ``JSONDecodeError``, not the ``RecursionError`` of ``json.loads``). A 500
says the server is broken; these are the client's mistakes, so the guard answers them itself:

- ``POST /invocations`` whose content type is missing or not JSON: 415 with the reason (the chat model
  takes only JSON; MLflow would try CSV or Parquet on it);
- a body nested deeper than :data:`MAX_JSON_DEPTH` (a chat request nests 4 levels): 400 with the reason;
- a client that disconnects before its body has arrived: nothing is sent to MLflow (there is no one to
  answer, and Starlette would log a ``ClientDisconnect`` traceback).

Everything else passes through untouched: the body is replayed to MLflow's app as it came, and
``/ping``, ``/health``, ``/version`` and the answers (status, headers, body) are MLflow's own.
On Databricks Model Serving the platform's own server runs the model; nothing here is used there.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys

MODEL_PATH_ENV = "__pyfunc_model_path__"  # mlflow.pyfunc.scoring_server._SERVER_MODEL_PATH
TIMEOUT_ENV = "MLFLOW_SCORING_SERVER_REQUEST_TIMEOUT"

# A protocol bound, not a tunable: {"messages": [{"content": ...}]} nests 3 levels (4 with content parts);
# 64 leaves room for any structured custom_inputs while staying far below json's recursion limit (~1000).
MAX_JSON_DEPTH = 64

_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)  # unrolled: linear, no backtracking
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def nested_deeper_than(body: bytes, limit: int) -> bool:
    """Whether the JSON in ``body`` opens more than ``limit`` arrays/objects at once (brackets inside
    strings do not count; unbalanced input counts too: 100k ``[`` without a ``]`` is as deep for json's
    parser). C-speed: strip strings, keep the brackets, then the running depth is a cumulative sum."""
    if body.count(b"[") + body.count(b"{") <= limit:
        return False  # the common case: fewer openings (even counting those in strings) cannot nest deeper
    brackets = _JSON_STRING.sub(b"", body).translate(None, _NOT_BRACKETS)
    import numpy as np

    codes = np.frombuffer(brackets, dtype=np.uint8)
    steps = np.where((codes == ord("[")) | (codes == ord("{")), 1, -1)
    return int(np.cumsum(steps).max()) > limit


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def refusal(content_type: str | None, body: bytes) -> tuple[int, str] | None:
    """The guard's answer (status, reason) to an /invocations POST, or None to let MLflow answer."""
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    if mime != "application/json":
        shown = f"'{content_type}'" if content_type else "missing"
        return 415, (f"Unsupported content type ({shown}): this chat endpoint takes JSON; "
                     "send the header 'Content-Type: application/json'")
    if nested_deeper_than(body, MAX_JSON_DEPTH):
        return 400, (f"Ensure that input is a valid JSON formatted string: it nests deeper than {MAX_JSON_DEPTH} "
                     "levels (a chat request nests 4)")
    return None


async def _send_json(send, status: int, message: str) -> None:
    body = json.dumps({"error_code": "BAD_REQUEST", "message": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


async def _read_body(receive) -> bytes | None:
    """The whole request body, or None when the client disconnected before sending all of it."""
    chunks = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def guard(inner):
    """``inner`` (an ASGI app) with /invocations POSTs checked first; see the module docstring."""

    async def app(scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"].rstrip("/") != "/invocations":
            return await inner(scope, receive, send)
        body = await _read_body(receive)
        if body is None:
            return  # the client left: no one to answer
        refused = refusal(_header(scope, b"content-type"), body)
        if refused:
            return await _send_json(send, *refused)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect, as the server would

        return await inner(scope, replay, send)

    return app


def __getattr__(name: str):
    """``app``, built on first access (uvicorn's ``tunehouse.serving.asgi:app``), so importing this module
    for :func:`guard` does not load a model."""
    if name == "app":
        from mlflow.pyfunc.scoring_server.app import app as mlflow_app

        globals()["app"] = wrapped = guard(mlflow_app)
        return wrapped
    raise AttributeError(name)


def uvicorn_command(host: str, port: int, workers: int) -> list[str]:
    return [sys.executable, "-m", "uvicorn", "--host", host, "--port", str(port), "--workers", str(workers),
            "tunehouse.serving.asgi:app"]


def main(argv: list[str] | None = None) -> None:
    """Download ``model_uri``'s artifacts, set MLflow's serving environment, exec uvicorn on :data:`app`."""
    p = argparse.ArgumentParser(prog="python -m tunehouse.serving.asgi")
    p.add_argument("model_uri")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=5001)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--timeout", type=int, default=120, help="seconds a request may take (then 504)")
    args = p.parse_args(argv)
    from mlflow.tracking.artifact_utils import _download_artifact_from_uri
    from mlflow.utils.file_utils import path_to_local_file_uri

    local_path = _download_artifact_from_uri(args.model_uri)
    env = dict(os.environ)
    env[MODEL_PATH_ENV] = path_to_local_file_uri(local_path)
    env[TIMEOUT_ENV] = str(args.timeout)
    sys.stdout.flush()
    os.execve(sys.executable, uvicorn_command(args.host, args.port, args.workers), env)


if __name__ == "__main__":
    main()
