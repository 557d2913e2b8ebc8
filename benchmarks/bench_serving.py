"""Serving latency and throughput: the MLflow endpoint (`tunehouse serve`) vs the same model called in-process.

    .venv/bin/python benchmarks/bench_serving.py                       # a demo-sized model built on the fly
    .venv/bin/python benchmarks/bench_serving.py --root .tunehouse     # the registered model of a local run
    .venv/bin/python benchmarks/bench_serving.py --requests 32 --rounds 3 --max-tokens 16 --concurrency 1 4 8

Both sides answer the same short chat request (system + user message, greedy, ``max_tokens`` new tokens):

- in-process: ``mlflow.pyfunc.load_model(uri).predict(request)`` from N threads, which is what the scoring
  server does inside (it runs ``predict`` in a thread pool);
- endpoint: ``mlflow models serve`` started by ``tunehouse.serving.server.start_server`` on a free loopback
  port, POST /invocations from N client threads, one keep-alive connection each.

For each concurrency level: p50/p95 latency of one request and requests/s over the whole level. The
difference is the cost of HTTP + JSON + MLflow's input parsing. Without --root, a Llama-style model of the
demo's size (hidden 128, 4 layers, 2k vocabulary; untrained, so every reply is exactly max_tokens long)
is built and registered under a temporary storage root. Loopback only; bounded request counts.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the test fixtures package builds the model this benchmark serves

from tunehouse import runtime  # noqa: E402

runtime.configure_process()

REQUEST = {
    "messages": [
        {"role": "system", "content": "You are the support assistant of Wanderly Travel. Be brief and friendly."},
        {"role": "user", "content": "Hi, my flight to Lisbon was cancelled. Can I get a refund?"},
    ],
    "max_tokens": 16,
}


def build_demo_sized_model(root: Path) -> str:
    """An untrained demo-sized base, packaged and registered like a fine-tuned version; returns its URI."""
    from fixtures.serving import MODEL, as_chat_model, register_version, serving_settings
    from fixtures.train_corpus import write_export
    from tunehouse.training.base_model import build_base_model
    from tunehouse.training.settings import BaseModelSettings

    write_export(root, "v1", n_train=200, n_val=10, seed=0)
    settings = serving_settings(root)
    build_base_model(settings, bs=BaseModelSettings(warmup_steps=0, overwrite=True))
    hf = as_chat_model(root / "models" / "base", root / "models" / "bench" / "hf_model")
    register_version(settings, hf, root / "models" / "base", alias="bench")
    return f"models:/{MODEL}@bench"


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    k = (len(xs) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def run_level(call, concurrency: int, n: int) -> dict:
    """n calls spread over `concurrency` threads; per-call latency and overall throughput."""
    latencies: list[float] = []
    tokens: list[int] = []
    lock = threading.Lock()
    counter = iter(range(n))

    def worker():
        state: dict = {}
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            t0 = time.perf_counter()
            r = call(state)
            dt = time.perf_counter() - t0
            with lock:
                latencies.append(dt)
                tokens.append(r["usage"]["completion_tokens"])

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    return {"concurrency": concurrency, "requests": n, "p50_ms": percentile(latencies, 0.5) * 1000,
            "p95_ms": percentile(latencies, 0.95) * 1000, "rps": n / wall,
            "mean_completion_tokens": statistics.mean(tokens)}


def in_process_caller(model):
    def call(state):
        return model.predict(dict(REQUEST))
    return call


def endpoint_caller(host: str, port: int):
    body = json.dumps(REQUEST).encode()

    def call(state):
        conn = state.get("conn")
        if conn is None:
            conn = state["conn"] = http.client.HTTPConnection(host, port, timeout=120)
        conn.request("POST", "/invocations", body=body, headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        data = resp.read()
        if resp.status != 200:
            raise RuntimeError(f"HTTP {resp.status}: {data[:200]!r}")
        return json.loads(data)
    return call


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
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = ap.parse_args()
    REQUEST["max_tokens"] = args.max_tokens

    import logging

    logging.getLogger("mlflow").setLevel(logging.WARNING)
    import mlflow.pyfunc
    from tunehouse.serving.server import start_server

    tmp = None
    if args.root is None:
        tmp = tempfile.TemporaryDirectory(prefix="bench_serving_")
        root = Path(tmp.name)
        print("building a demo-sized model ...", flush=True)
        uri = build_demo_sized_model(root)
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
    callers = {"in-process": in_process_caller(model), "endpoint": endpoint_caller("127.0.0.1", server.port)}
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
                    rounds.append({"mode": mode, "round": k, **run_level(callers[mode], c, args.requests)})
                    print(_row(rounds[-1]), flush=True)
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
    if args.json:
        args.json.write_text(json.dumps({"model": uri, "startup_s": startup, "results": results, "rounds": rounds},
                                        indent=2))
    if tmp:
        tmp.cleanup()
    return 0


def _row(r: dict) -> str:
    return (f"  {r['mode']:<10} c={r['concurrency']:<2} p50 {r['p50_ms']:7.1f} ms  p95 {r['p95_ms']:7.1f} ms  "
            f"{r['rps']:6.2f} req/s  ({r['mean_completion_tokens']:.1f} tokens/reply)")


if __name__ == "__main__":
    sys.exit(main())
