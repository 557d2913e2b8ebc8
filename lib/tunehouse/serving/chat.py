"""`tunehouse chat`: talk to a served endpoint or a registered model from the terminal, before integrating it.

The session keeps the conversation and sends all of it with every turn, as a chat application would.
Lines starting with ``/`` are commands (``/help``). Works with piped input too (no prompts are printed
then), so a scripted conversation is a test: ``printf 'Hi\\n/reset\\n' | tunehouse chat --url ...``.
"""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Callable, Protocol

HELP = """\
commands:
  /system TEXT      set the system message (kept at the top of the conversation); /system off removes it
  /reset            forget the conversation (keeps the system message)
  /history          print the conversation so far
  /set KEY=VALUE    change a request option: max_tokens, temperature, top_p, seed (e.g. /set temperature=0.7)
  /save FILE        append the conversation to FILE as one chat-JSONL line (the training data format)
  /help             this text
  /exit, /quit      leave (end of input too)
anything else is sent as your next message."""

OPTIONS = {"max_tokens": int, "temperature": float, "top_p": float, "seed": int}


class ChatError(Exception):
    """The backend refused or failed a request; the message is the server's reason."""


class Backend(Protocol):
    label: str

    def complete(self, request: dict) -> dict: ...


def server_message(body: bytes) -> str:
    try:
        msg = json.loads(body).get("message") or body.decode(errors="replace")
    except (json.JSONDecodeError, AttributeError):
        msg = body.decode(errors="replace")
    # MLflow prefixes the model's own message with "Failed to predict data '<the whole input>'. \nError: ", and
    # a request the chat signature refuses with "Failed to enforce schema of data '...' with schema '...'. Error: "
    msg = msg.split("\nError: ", 1)[-1]
    if msg.startswith("Failed to enforce schema"):
        msg = msg.rsplit("'. Error: ", 1)[-1]
    return msg.strip()


class EndpointBackend:
    """POST the OpenAI-style request to a scoring server's /invocations (local `tunehouse serve`, or a
    Databricks Model Serving endpoint URL ending in /invocations; DATABRICKS_TOKEN is sent when set)."""

    def __init__(self, url: str, timeout_s: float = 120.0, token: str | None = None):
        url = url.rstrip("/")
        self.url = url if url.endswith("/invocations") else url + "/invocations"
        self.label = self.url
        self.timeout_s = timeout_s
        self.token = token if token is not None else os.environ.get("DATABRICKS_TOKEN")

    def complete(self, request: dict) -> dict:
        headers = {"Content-Type": "application/json"}
        if self.token and not self.url.startswith(("http://127.0.0.1", "http://localhost")):
            headers["Authorization"] = f"Bearer {self.token}"
        req = urllib.request.Request(self.url, data=json.dumps(request).encode(), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout_s) as r:
                return json.loads(r.read())
        except urllib.error.HTTPError as e:
            raise ChatError(f"HTTP {e.code}: {server_message(e.read())}") from None
        except (urllib.error.URLError, OSError) as e:
            raise ChatError(f"cannot reach {self.url}: {getattr(e, 'reason', e)}") from None


class LocalBackend:
    """The registered model loaded in this process with ``mlflow.pyfunc.load_model`` (no server)."""

    def __init__(self, model_uri: str):
        import mlflow.pyfunc

        self.label = model_uri
        self.model = mlflow.pyfunc.load_model(model_uri)

    def complete(self, request: dict) -> dict:
        from mlflow.exceptions import MlflowException

        try:
            return self.model.predict(request)
        except MlflowException as e:
            raise ChatError(server_message(e.message.encode())) from None


@dataclass
class ChatSession:
    backend: Backend
    system: str | None = None
    options: dict = field(default_factory=dict)
    history: list[dict] = field(default_factory=list)   # user/assistant turns (the system message is separate)

    def messages(self) -> list[dict]:
        return ([{"role": "system", "content": self.system}] if self.system else []) + self.history

    def send(self, text: str) -> dict:
        """One user turn -> the completion; the history keeps the turn only when it succeeded."""
        request = {"messages": self.messages() + [{"role": "user", "content": text}], **self.options}
        if "seed" in request:  # not part of the chat schema the model is served with: custom_inputs carries it
            request["custom_inputs"] = {"seed": request.pop("seed")}
        response = self.backend.complete(request)
        reply = response["choices"][0]["message"]["content"]
        self.history += [{"role": "user", "content": text}, {"role": "assistant", "content": reply}]
        return response


def run_chat(session: ChatSession, stdin: IO[str] | None = None, stdout: IO[str] | None = None,
             interactive: bool | None = None) -> int:
    """The read-eval-print loop. Returns the number of failed turns (0 when all went through)."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    interactive = stdin.isatty() if interactive is None else interactive
    failures = 0

    def say(line: str = "") -> None:
        print(line, file=stdout, flush=True)

    if interactive:
        say(f"chatting with {session.backend.label} — /help for commands, /exit to leave")
        if session.system:
            say(f"(system: {session.system})")
    while True:
        if interactive:
            print("you> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            if interactive:
                say()
            return failures
        text = line.rstrip("\n")
        if not text.strip():
            continue
        if text.startswith("/"):
            if run_command(session, text, say):
                return failures
            continue
        if not send_turn(session, text, say):
            failures += 1


def send_turn(session: ChatSession, text: str, say: Callable[[str], None]) -> bool:
    """Send one user message and print the reply with its token count, finish reason and time; False when the
    backend refused it (the error is printed, the conversation unchanged)."""
    t0 = time.perf_counter()
    try:
        r = session.send(text)
    except ChatError as e:
        say(f"error: {e}")
        return False
    seconds = time.perf_counter() - t0
    choice = r["choices"][0]
    say(f"assistant> {choice['message']['content']}")
    usage = r.get("usage") or {}
    note = f"  [{usage.get('completion_tokens', '?')} tokens, {choice.get('finish_reason')}, {seconds:.2f}s]"
    if choice.get("finish_reason") == "length":
        note += f" (cut at max_tokens={session.options.get('max_tokens', '?')}; /set max_tokens=N for more)"
    say(note)
    return True


def run_command(session: ChatSession, text: str, say: Callable[[str], None]) -> bool:
    """One ``/command`` line (see :data:`HELP`); True when it ends the session (/exit, /quit)."""
    cmd, _, arg = text[1:].partition(" ")
    cmd, arg = cmd.lower(), arg.strip()
    if cmd in ("exit", "quit", "q"):
        return True
    if cmd == "help":
        say(HELP)
    elif cmd == "reset":
        session.history.clear()
        say("(conversation reset)")
    elif cmd == "system":
        _set_system(session, arg, say)
    elif cmd == "history":
        for m in session.messages() or []:
            say(f"{m['role']}> {m['content']}")
        if not session.messages():
            say("(empty)")
    elif cmd == "set":
        _set_option(session, arg, say)
    elif cmd == "save":
        _save(session, arg, say)
    else:
        say(f"unknown command /{cmd}; /help lists them")
    return False


def _set_system(session: ChatSession, arg: str, say: Callable[[str], None]) -> None:
    if not arg:
        say(f"(system: {session.system or 'none'})")
    elif arg.lower() in ("off", "none", "-"):
        session.system = None
        say("(system message removed)")
    else:
        session.system = arg
        say("(system message set)")


def _set_option(session: ChatSession, arg: str, say: Callable[[str], None]) -> None:
    key, eq, value = arg.partition("=")
    key = key.strip()
    if not eq or key not in OPTIONS:
        say(f"usage: /set KEY=VALUE with KEY one of {', '.join(OPTIONS)}")
        return
    try:
        session.options[key] = OPTIONS[key](value.strip())
        say(f"({key} = {session.options[key]})")
    except ValueError:
        say(f"{key} must be {OPTIONS[key].__name__}, got {value.strip()!r}")


def _save(session: ChatSession, arg: str, say: Callable[[str], None]) -> None:
    if not arg:
        say("usage: /save FILE")
        return
    path = Path(arg).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        f.write(json.dumps({"messages": session.messages()}, ensure_ascii=False) + "\n")
    say(f"(conversation appended to {path})")
