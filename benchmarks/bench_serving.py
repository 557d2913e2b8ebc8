"""Serving latency and throughput: the MLflow endpoint (`tunehouse serve`) vs the same model called in-process.

    .venv/bin/python benchmarks/bench_serving.py                       # a demo-sized model built on the fly
    .venv/bin/python benchmarks/bench_serving.py --root .tunehouse     # the registered model of a local run
    .venv/bin/python benchmarks/bench_serving.py --requests 32 --rounds 3 --max-tokens 16 --concurrency 1 4 8
    .venv/bin/python benchmarks/bench_serving.py --concurrency 1 4 8 16 --load 800   # + load figures

Both sides answer the same short chat request (system + user message, greedy, ``max_tokens`` new tokens):

- in-process: ``mlflow.pyfunc.load_model(uri).predict(request)`` from N threads, which is what the scoring
  server does inside (it runs ``predict`` in a thread pool);
- endpoint: MLflow's scoring server (behind ``tunehouse.serving.asgi``'s guard) started by ``tunehouse.serving.server.start_server`` on a free loopback
  port, POST /invocations from N client threads, one keep-alive connection each.

For each concurrency level: p50/p95 latency of one request and requests/s over the whole level. The
difference is the cost of HTTP + JSON + MLflow's input parsing. Without --root, a Llama-style model of the
demo's size (hidden 128, 4 layers, 2k vocabulary; untrained, so every reply is exactly max_tokens long)
is built and registered under a temporary storage root. Loopback only; bounded request counts.

``--load N`` then sends N valid and malformed requests per concurrency level to the same server and prints
what ``benchmarks/reliability/serving_load.py`` counts (5xx, malformed requests not answered 4xx with the
reason, message content in the server log, server RSS per level, p50/p95 of the valid requests under load).
The request, the HTTP client and the latency loop are that module's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the test fixtures package builds the model this benchmark serves
sys.path.insert(0, str(ROOT / "benchmarks"))

from reliability import (
    serving_load as load,  # noqa: E402  the request builder, the client, the load probe
)
from tunehouse import runtime  # noqa: E402

runtime.configure_process()

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=None, help="storage.root with a registered model (default: build one)")
    ap.add_argument("--model", default=None, help="model URI (default: @champion, else @candidate, of --root)")
    ap.add_argument("--requests", type=int, default=32, help="requests per level and round (default 32)")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds; figures are medians (default 3)")
    ap.add_argument("--max-tokens", type=int, default=16, help="new tokens per reply (default 16)")
    ap.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 8])
    ap.add_argument("--torch-threads", type=int, default=None,
                    help="torch threads per request on both sides (serve.torch_threads); default torch's own")
    ap.add_argument("--workers", type=int, default=1, help="server worker processes (serve.workers, default 1)")
    ap.add_argument("--load", type=int, default=0, metavar="N",
                    help="then N valid + malformed requests per concurrency level on the same server "
                         "(benchmarks/reliability/serving_load.py) and its figures (default 0: none)")
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = ap.parse_args()
    request = load.chat_request(0, max_tokens=args.max_tokens)

    import logging

    logging.getLogger("mlflow").setLevel(logging.WARNING)
    import mlflow.pyfunc
    from tunehouse.serving.server import start_server

    tmp = None
    if args.root is None:
        tmp = tempfile.TemporaryDirectory(prefix="bench_serving_")
        root = Path(tmp.name)
        print("building a demo-sized model ...", flush=True)
        uri = load.build_model(root)
    else:
        root = args.root.resolve()
        uri = args.model
    from fixtures.serving import serving_settings
    from tunehouse.model import tracking as mlflow_store
    from tunehouse.model.registry import resolve_serving_uri

    settings = serving_settings(root)
    mlflow_store.setup_mlflow(settings)
    if uri is None:
        uri, _ = resolve_serving_uri(settings, None, type("S", (), {"fallback_alias": "candidate"})())
    print(f"model: {uri}; {args.requests} requests per level, max_tokens={args.max_tokens}, "
          f"{os.cpu_count()} CPUs, torch threads {args.torch_threads or 'default'}, {args.workers} server worker(s)",
          flush=True)

    if args.torch_threads:
        import torch

        torch.set_num_threads(args.torch_threads)
    model = mlflow.pyfunc.load_model(uri)
    t0 = time.time()
    server = start_server(uri, tracking_uri=settings.mlflow_tracking_uri(), port=0,
                          log_path=root / "serve" / "bench.log", torch_threads=args.torch_threads,
                          workers=args.workers)
    startup = time.time() - t0
    callers = {"in-process": load.in_process_caller(model, request),
               "endpoint": load.endpoint_caller("127.0.0.1", server.port, request)}
    rounds: list[dict] = []
    try:
        for call in callers.values():
            call({})  # warm-up
        # alternate the two modes level by level, round after round: load from other processes on a shared
        # machine then hits both alike; each figure below is the median over the rounds
        for k in range(args.rounds):
            for c in args.concurrency:
                modes = list(callers) if k % 2 == 0 else list(reversed(callers))
                for mode in modes:
                    rounds.append({"mode": mode, "round": k, **load.latency_level(callers[mode], c, args.requests)})
                    print(_row(rounds[-1]), flush=True)
        figures = (load.probe(server, None, levels=tuple(args.concurrency), per_level=args.load,
                              max_tokens=args.max_tokens, huge_mb=8, latency_n=0, latency_rounds=0)
                   if args.load else None)
    finally:
        server.stop()

    results = []
    for mode in callers:
        for c in args.concurrency:
            rs = [r for r in rounds if r["mode"] == mode and r["concurrency"] == c]
            results.append({"mode": mode, "concurrency": c, "requests": sum(r["requests"] for r in rs),
                            **{k: statistics.median(r[k] for r in rs) for k in ("p50_ms", "p95_ms", "rps")}})
    print(f"\nserver start to first /ping: {startup:.1f}s; medians over {args.rounds} rounds of {args.requests} requests")
    print(f"\n{'concurrency':>11} | {'in-process p50/p95 ms':>22} | {'endpoint p50/p95 ms':>20} | "
          f"{'in-process req/s':>16} | {'endpoint req/s':>14} | {'p50 overhead':>12}")
    for c in args.concurrency:
        a = next(r for r in results if r["mode"] == "in-process" and r["concurrency"] == c)
        b = next(r for r in results if r["mode"] == "endpoint" and r["concurrency"] == c)
        print(f"{c:>11} | {a['p50_ms']:>10.1f} / {a['p95_ms']:<9.1f} | {b['p50_ms']:>8.1f} / {b['p95_ms']:<9.1f} | "
              f"{a['rps']:>16.2f} | {b['rps']:>14.2f} | {b['p50_ms'] - a['p50_ms']:>+9.1f} ms")
    if figures:
        print_load(figures)
    if args.json:
        args.json.write_text(json.dumps({"model": uri, "startup_s": startup, "results": results, "rounds": rounds,
                                         "load": figures}, indent=2, default=str))
    if tmp:
        tmp.cleanup()
    return 0


def print_load(f: dict) -> None:
    print(f"\nload: {f['requests_sent']} requests ({f['malformed_sent']} malformed) -> 5xx {f['responses_5xx']}, "
          f"malformed not 4xx-with-reason {f['malformed_not_4xx']}, valid not 200 {f['valid_not_200']}, "
          f"message content in the server log {f['content_in_logs']}x, server RSS growth {f['rss_growth_mb']} MB; "
          f"MLflow's own 500s (before the model): {f['upstream_5xx']} {f['upstream_5xx_cases']}")
    print(f"{'level':>11} | {'sent':>5} | {'malformed':>9} | {'seconds':>7} | {'valid p50/p95 ms':>17} | "
          f"{'server RSS MB before -> after':>29}")
    for lv in f["levels"]:
        label = "warm-up" if lv["warm_up"] else f"c={lv['concurrency']}"
        print(f"{label:>11} | {lv['sent']:>5} | {lv['malformed']:>9} | {lv['seconds']:>7} | "
              f"{lv['valid_p50_ms']:>7} / {lv['valid_p95_ms']:<7} | {lv['rss_before_mb']:>12} -> {lv['rss_after_mb']:<12}")


def _row(r: dict) -> str:
    return (f"  {r['mode']:<10} c={r['concurrency']:<2} p50 {r['p50_ms']:7.1f} ms  p95 {r['p95_ms']:7.1f} ms  "
            f"{r['rps']:6.2f} req/s  ({r['mean_completion_tokens']:.1f} tokens/reply)")


if __name__ == "__main__":
    sys.exit(main())
