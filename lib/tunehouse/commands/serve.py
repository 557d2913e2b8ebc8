"""Subcommands: serve, chat. Thin: parse, call, print."""

from __future__ import annotations

import argparse
import signal
import sys

from tunehouse import runtime
from tunehouse.errors import UserError
from tunehouse.model import tracking as mlflow_store


def register(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "serve", parents=[common],
        help="serve the registered chat model over HTTP with MLflow's scoring server and print how to query it",
        description="Start MLflow's scoring server (its FastAPI app under uvicorn, in this environment, as "
        "`mlflow models serve --env-manager local` would, behind a guard that refuses bad content types and "
        "pathologically nested JSON) on "
        "a registered model alias, default models:/<tracking.registered_model>@<tracking.champion_alias> (falling "
        "back to serve.fallback_alias when nothing was promoted yet). POST /invocations takes an OpenAI chat "
        "request (messages, max_tokens, temperature, top_p, stop, n) and returns a chat.completion; bad requests "
        "get HTTP 400 (415 without a JSON Content-Type) with the reason. Prints curl / Python / openai-client "
        "examples, then serves until Ctrl-C.",
    )
    p.add_argument("--model", default=None, help="model URI (models:/NAME@ALIAS, models:/NAME/VERSION, runs:/...)")
    p.add_argument("--host", default=None, help="interface to bind (default serve.host, 127.0.0.1)")
    p.add_argument("--port", type=int, default=None, help="port (default serve.port; 0 picks a free one)")
    p.add_argument("--workers", type=int, default=None, help="uvicorn workers (default serve.workers)")
    p.add_argument("--dry-run", action="store_true", help="print the command and examples without starting")
    p.set_defaults(func=run_serve)

    p = sub.add_parser(
        "chat", parents=[common],
        help="interactive terminal chat with a served endpoint (--url) or a registered model (--model)",
        description="Chat from the terminal before integrating the model: the conversation is kept and sent with "
        "every turn. Commands: /system TEXT, /reset, /history, /set KEY=VALUE, /save FILE, /exit. Without --url "
        "or --model: the local server of `tunehouse serve` when it answers, else the registered champion loaded "
        "in-process. Reads piped input too (one message per line).",
    )
    g = p.add_mutually_exclusive_group()
    g.add_argument("--url", default=None, help="endpoint base URL or .../invocations URL")
    g.add_argument("--model", default=None, help="model URI loaded in this process (no server)")
    p.add_argument("--system", default=None, help="system message (default serve.chat.system_prompt)")
    p.add_argument("--max-tokens", type=int, default=None, help="longest reply (default serve.chat.max_tokens)")
    p.add_argument("--temperature", type=float, default=None, help="sampling temperature (default 0: greedy)")
    p.set_defaults(func=run_chat_command)


# ----------------------------------------------------------------------------- serve
def run_serve(args, settings) -> int:
    from tunehouse.model import registry as mref
    from tunehouse.serving.server import query_examples, serve_command, start_server

    ss = settings.serve
    host = args.host or ss.host
    port = ss.port if args.port is None else args.port
    workers = args.workers or ss.workers
    mlflow_store.setup_mlflow(settings)
    uri, note = mref.resolve_serving_uri(settings, args.model or ss.model)
    ref = mref.resolve_registered(uri, "served")
    if note:
        print(f"note: {note}")
    label = f"{uri}" + (f" (version {ref.version})" if ref.version and f"/{ref.version}" not in uri else "")
    if args.dry_run:
        print(" ".join(serve_command(uri, host, port, workers, ss.request_timeout_s)))
        print(query_examples(f"http://{'127.0.0.1' if host == '0.0.0.0' else host}:{port}", ref.name or "model"))
        return 0
    log_path = settings.storage.root / "serve" / f"serve-{port or 'auto'}.log"
    print(f"starting the model server for {label} (MLflow's scoring server; log: {log_path}) ...", flush=True)
    server = start_server(uri, tracking_uri=settings.mlflow_tracking_uri(), registry_uri=settings.tracking.registry_uri,
                          host=host, port=port, workers=workers, timeout_s=ss.request_timeout_s, log_path=log_path,
                          startup_timeout_s=ss.startup_timeout_s, torch_threads=ss.torch_threads)
    print(f"serving {label} at {server.url} (pid {server.process.pid})\n")
    print(query_examples(server.url, ref.name or "model"))
    print("Ctrl-C stops the server.", flush=True)

    def _interrupt(signum, frame):  # SIGTERM/SIGHUP (a supervisor, a closed terminal): stop the server too
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGHUP, _interrupt)
    try:
        rc = server.process.wait()
    except KeyboardInterrupt:
        print("stopping ...", file=sys.stderr)
        server.stop()
        return 0
    raise UserError(f"the model server exited with code {rc}:\n{server.log_tail()}")


# ----------------------------------------------------------------------------- chat
def run_chat_command(args, settings) -> int:
    from tunehouse.model import registry as mref
    from tunehouse.serving.chat import ChatSession, EndpointBackend, run_chat
    from tunehouse.serving.server import ping

    ss = settings.serve
    cs = ss.chat
    if args.url:
        backend = EndpointBackend(args.url, timeout_s=cs.request_timeout_s)
    elif args.model:
        backend = _local_backend(settings, args.model)
    else:
        local = f"http://{'127.0.0.1' if ss.host == '0.0.0.0' else ss.host}:{ss.port}"
        if ss.port and ping(local, timeout_s=1.0):
            backend = EndpointBackend(local, timeout_s=cs.request_timeout_s)
        else:
            mlflow_store.setup_mlflow(settings)
            uri, note = mref.resolve_serving_uri(settings, ss.model)
            if note:
                print(f"note: {note}", file=sys.stderr)
            backend = _local_backend(settings, uri)
    options = {"max_tokens": args.max_tokens or cs.max_tokens,
               "temperature": cs.temperature if args.temperature is None else args.temperature}
    if options["temperature"] > 0:
        options["top_p"] = cs.top_p
    session = ChatSession(backend, system=args.system if args.system is not None else cs.system_prompt,
                          options=options)
    failures = run_chat(session)
    return 1 if failures and not sys.stdin.isatty() else 0


def _local_backend(settings, uri: str):
    from tunehouse.serving.chat import LocalBackend

    runtime.quiet_libraries()
    mlflow_store.setup_mlflow(settings)
    print(f"loading {uri} in this process ...", file=sys.stderr, flush=True)
    try:
        return LocalBackend(uri)
    except Exception as e:  # noqa: BLE001 - registry / load errors as one line
        raise UserError(f"cannot load {uri}: {str(e).splitlines()[0][:300]}") from None
