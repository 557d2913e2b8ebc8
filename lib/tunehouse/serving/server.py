"""`tunehouse serve`: MLflow's own scoring server on a registry alias, behind a small guard.

The child process is ``python -m tunehouse.serving.asgi MODEL_URI ...`` (:func:`serve_command`): it does
what ``mlflow models serve --env-manager local`` does (download the model, set MLflow's serving
environment, exec uvicorn) but serves MLflow's FastAPI scoring app wrapped in
:func:`tunehouse.serving.asgi.guard`, which answers the two bad requests MLflow 3.17 would answer with a
500 (no or non-JSON ``Content-Type``: 415; JSON nested deeper than 64 levels: 400) and passes everything
else through untouched. On Databricks Model Serving the platform's own server runs the model (nothing
of this module is used there). The model is the registered pyfunc (``tunehouse.model.chat.ChatModel``), which checks at load
that its tokenizer's chat template is the one recorded at training time and generates until the stored
stop ids. ``POST /invocations`` takes an OpenAI chat-completions body (MLflow's "unified LLM input":
``messages``, ``max_tokens``, ``temperature``...) and returns the ``chat.completion`` object unwrapped.
Bad requests come back as HTTP 400 (415 for the content type) with the reason in ``message``. The server's log (``log_path``) holds
uvicorn's access lines (client address, method, path, status) and MLflow's warnings, never message
content: nothing logs request bodies, and there is no setting that would
(``tests/reliability/test_serving_load.py`` checks the 200 and 4xx paths with a marker string).

The only difference from OpenAI's API is the path (``/invocations`` instead of ``/v1/chat/completions``);
:func:`openai_client` maps it in the official ``openai`` client (see :func:`query_examples`).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tunehouse.errors import UserError


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def port_in_use(host: str, port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1" if host in ("0.0.0.0", "") else host, port)) == 0


def serve_command(model_uri: str, host: str, port: int, workers: int = 1, timeout_s: int = 120) -> list[str]:
    """The exact server command line (run with this interpreter, so the same environment): MLflow's
    scoring app behind tunehouse's guard, see :mod:`tunehouse.serving.asgi`."""
    return [sys.executable, "-m", "tunehouse.serving.asgi", model_uri, "--host", host, "--port", str(port),
            "--workers", str(workers), "--timeout", str(timeout_s)]


def server_env(tracking_uri: str, registry_uri: str | None = None, torch_threads: int | None = None) -> dict[str, str]:
    """The child's environment: ours, plus the registry to resolve models:/ URIs, plus this venv's bin on
    PATH (for any tool the model's code runs by name), plus torch's thread count when given."""
    env = dict(os.environ)
    if torch_threads:
        env["OMP_NUM_THREADS"] = env["MKL_NUM_THREADS"] = str(torch_threads)
    env["MLFLOW_TRACKING_URI"] = tracking_uri
    if registry_uri:
        env["MLFLOW_REGISTRY_URI"] = registry_uri
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    for k, v in {"MLFLOW_ENABLE_TELEMETRY": "false", "MLFLOW_DISABLE_TELEMETRY": "true", "DO_NOT_TRACK": "1",
                 "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false",
                 "HF_HUB_DISABLE_PROGRESS_BARS": "1", "MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR": "false"}.items():
        env.setdefault(k, v)
    return env


@dataclass
class ServerProcess:
    """A running model server (its own process group, so stop() ends uvicorn's workers too)."""

    model_uri: str
    host: str
    port: int
    process: subprocess.Popen
    log_path: Path | None = None
    command: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        return f"http://{host}:{self.port}"

    @property
    def invocations_url(self) -> str:
        return f"{self.url}/invocations"

    def alive(self) -> bool:
        return self.process.poll() is None

    def log_tail(self, n: int = 30) -> str:
        if not self.log_path or not self.log_path.is_file():
            return ""
        lines = [ln for ln in self.log_path.read_text(errors="replace").splitlines() if "Downloading artifacts" not in ln]
        return "\n".join(lines[-n:])

    def wait_ready(self, timeout_s: float) -> None:
        deadline = time.time() + timeout_s
        while time.time() < deadline:
            if not self.alive():
                raise UserError(f"the model server exited with code {self.process.returncode} before answering:\n"
                                f"{self.log_tail()}")
            if ping(self.url):
                return
            time.sleep(0.5)
        self.stop()
        raise UserError(f"the model server did not answer /ping within {timeout_s:.0f}s:\n{self.log_tail()}")

    def stop(self, timeout_s: float = 15.0) -> None:
        if not self.alive():
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            self.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)

    def __enter__(self) -> "ServerProcess":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def ping(url: str, timeout_s: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/ping", timeout=timeout_s) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError):
        return False


def start_server(model_uri: str, *, tracking_uri: str, registry_uri: str | None = None, host: str = "127.0.0.1",
                 port: int = 0, workers: int = 1, timeout_s: int = 120, log_path: Path | None = None,
                 startup_timeout_s: float = 300.0, wait: bool = True, torch_threads: int | None = None) -> ServerProcess:
    """Start the model server (:func:`serve_command`) for ``model_uri`` (port 0: a free one); wait until /ping answers."""
    if port == 0:
        port = free_port(host if host not in ("0.0.0.0", "") else "127.0.0.1")
    elif port_in_use(host, port):
        raise UserError(f"port {port} is already in use; pass --port (0 picks a free one)")
    cmd = serve_command(model_uri, host, port, workers, timeout_s)
    if log_path:
        Path(log_path).parent.mkdir(parents=True, exist_ok=True)
    out = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115 - the child writes it
    try:
        proc = subprocess.Popen(cmd, env=server_env(tracking_uri, registry_uri, torch_threads), stdout=out,
                                stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    finally:
        if log_path:
            out.close()
    server = ServerProcess(model_uri, host, port, proc, Path(log_path) if log_path else None, cmd)
    if wait:
        server.wait_ready(startup_timeout_s)
    return server


# --------------------------------------------------------------------------- clients
def openai_client(base_url: str, api_key: str = "unused", **kwargs):
    """The official ``openai`` client for a served tunehouse model.

    The scoring server accepts and returns OpenAI's chat-completions JSON at ``/invocations``; this
    client sends ``client.chat.completions.create(...)`` there (a request hook rewrites the path).
    """
    # openai>=3 is built on ``httpx2`` (its own dependency), not ``httpx``: the custom client must be one.
    import httpx2
    import openai

    def to_invocations(request: httpx2.Request) -> None:
        if request.url.path.endswith("/chat/completions"):
            request.url = request.url.copy_with(path=request.url.path[: -len("/chat/completions")] + "/invocations")

    http_client = httpx2.Client(event_hooks={"request": [to_invocations]}, timeout=kwargs.pop("timeout", 120.0))
    return openai.OpenAI(base_url=base_url.rstrip("/"), api_key=api_key, http_client=http_client, **kwargs)


def query_examples(url: str, model_label: str = "tunehouse-chat") -> str:
    """Ready-to-paste ways to query a server at ``url`` (printed by `tunehouse serve`, shown in the README)."""
    body = {"messages": [{"role": "user", "content": "Hi, my flight was cancelled. Can I get a refund?"}],
            "max_tokens": 64}
    return f"""\
curl:
  curl -s {url}/invocations -H 'Content-Type: application/json' \\
    -d '{json.dumps(body)}'

Python (plain HTTP):
  import requests
  r = requests.post("{url}/invocations", json={{"messages": [{{"role": "user", "content": "Hi!"}}], "max_tokens": 64}})
  r.raise_for_status(); print(r.json()["choices"][0]["message"]["content"])

Python (official openai client; the server speaks OpenAI's chat JSON at /invocations):
  import httpx2, openai  # openai>=3 runs on httpx2
  def to_invocations(request):  # OpenAI's path -> MLflow's path; body and response are unchanged
      request.url = request.url.copy_with(path="/invocations")
  client = openai.OpenAI(base_url="{url}", api_key="unused",
                         http_client=httpx2.Client(event_hooks={{"request": [to_invocations]}}))
  reply = client.chat.completions.create(model="{model_label}", max_tokens=64,
                                         messages=[{{"role": "user", "content": "Hi!"}}])
  print(reply.choices[0].message.content)
  # or: from tunehouse.serving.server import openai_client; client = openai_client("{url}")

Interactive:
  tunehouse chat --url {url}
"""
