"""Benchmark of the HTTP API: requests per second and latency of /who and /timeline on a large store.

Not a test. Run:  .venv/bin/python bench/bench_http.py [--articles 20000] [--events 5] [--db PATH] [--json]

The store is bench_store.py's synthetic corpus of fictional articles ("Firm n", "Person n"; 20,000
articles x 5 changes = 100,000 events by default), built once into ``--db`` (reused when it exists).
The server runs as ``succession serve`` in its own process on loopback; the load generator is this
process, httpx clients in threads, each firing a fixed number of random questions (bounded in count and
in time: it stops by itself). Figures, each at 1 and at ``--threads`` concurrent clients:

- /who?org=&role=&on=   and   /timeline?org=   requests/s, p50/p95/p99 latency (ms), errors;
- baselines: /tenures/ID of an unknown id (the HTTP floor: routing, validation, two indexed lookups, a JSON
  404) over the same server, and the same questions asked of the library in-process (query.who /
  query.timeline), so the cost of HTTP is visible.

Target: p95 <= 50 ms for /who and /timeline at 1 client.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_store import synthetic  # noqa: E402  (the same fictional corpus as the store benchmark)

from succession.timeline import query  # noqa: E402
from succession.store import SQLiteStore  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
MAX_SECONDS = 60.0  # per run: a run stops after this long even if it has requests left


def build(db: Path, n_articles: int, n_events: int) -> dict[str, int]:
    """The synthetic store (reused when ``db`` exists), fused."""
    if not db.exists():
        t0 = time.perf_counter()
        corpus = (synthetic(i, n_events, max(1, n_articles // 10), n_articles) for i in range(n_articles))
        with SQLiteStore(db) as store:
            store.add_analyses(corpus, batch_size=500)
            store.ensure_fused()
        print(f"built {db} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    with SQLiteStore(db) as store:
        store.ensure_fused()
        return store.counts()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "SUCCESSION_TOKEN"}
    cmd = [str(Path(sys.executable).with_name("succession")), "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
        if proc.poll() is not None:
            break
    proc.kill()
    raise SystemExit("the server did not start")


def questions(n: int, n_orgs: int, seed: int) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    rng = random.Random(seed)
    day = lambda: (dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(30 * 365))).isoformat()  # noqa: E731
    who = [{"org": f"Firm {rng.randrange(n_orgs)}", "role": rng.choice(("CEO", "CFO", "chair")), "on": day()}
           for _ in range(n)]
    timeline = [{"org": f"Firm {rng.randrange(n_orgs)}"} for _ in range(n)]
    return who, timeline


def load(base: str, path: str, params: list[dict[str, str]], threads: int) -> dict[str, float]:
    """``params`` split across ``threads`` clients (keep-alive); stops at the end or after MAX_SECONDS."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + MAX_SECONDS

    def worker(chunk: list[dict[str, str]]) -> None:
        mine, bad = [], 0
        with httpx.Client(base_url=base, timeout=30) as client:
            for p in chunk:
                if time.monotonic() > stop_at:
                    break
                t0 = time.perf_counter()
                r = client.get(path, params=p)
                mine.append(time.perf_counter() - t0)
                bad += r.status_code >= 500 or (r.status_code != 200 and path != "/tenures/t-unknown")
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    t0 = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(params[i::threads],)) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return summary(latencies, time.perf_counter() - t0, errors[0])


def summary(latencies: list[float], wall: float, errors: int = 0) -> dict[str, float]:
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {"requests": len(latencies), "rps": len(latencies) / wall, "p50_ms": cuts[49] * 1000,
            "p95_ms": cuts[94] * 1000, "p99_ms": cuts[98] * 1000, "errors": errors}


def in_process(db: Path, fn: Callable[..., object], params: list[dict[str, str]]) -> dict[str, float]:
    with SQLiteStore(db) as store:
        times = []
        t0 = time.perf_counter()
        for p in params:
            s = time.perf_counter()
            fn(store, **p)
            times.append(time.perf_counter() - s)
        return summary(times, time.perf_counter() - t0)


def run(db: Path, n_articles: int, n_events: int, n_requests: int, threads: int) -> dict[str, object]:
    counts = build(db, n_articles, n_events)
    who_q, tl_q = questions(n_requests, max(1, n_articles // 10), seed=11)
    port = free_port()
    server = start_server(db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        load(base, "/who", who_q[:50], 1)  # warm up: page cache, connection pool
        out: dict[str, object] = {"events": counts["events"], "documents": counts["documents"], "threads": threads}
        for name, path, qs in (("who", "/who", who_q), ("timeline", "/timeline", tl_q), ("floor", "/tenures/t-unknown", [{}] * n_requests)):
            out[f"{name}_1"] = load(base, path, qs, 1)
            out[f"{name}_{threads}"] = load(base, path, qs, threads)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
    out["library_who"] = in_process(db, query.who, who_q)
    out["library_timeline"] = in_process(db, query.timeline, tl_q)
    return out


def report(results: dict[str, object]) -> str:
    lines = [f"store: {results['events']:,} events, {results['documents']:,} documents",
             f"{'run':<22}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"]
    for key, value in results.items():
        if isinstance(value, dict):
            lines.append(f"{key:<22}{value['requests']:>9}{value['rps']:>9.0f}{value['p50_ms']:>9.1f}"
                         f"{value['p95_ms']:>9.1f}{value['p99_ms']:>9.1f}{value['errors']:>8}")
    verdict = all(results[f"{k}_1"]["p95_ms"] <= 50 for k in ("who", "timeline"))  # type: ignore[index]
    lines.append(f"target p95 <= 50 ms for /who and /timeline at 1 client: {'met' if verdict else 'NOT met'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--events", type=int, default=5, help="changes per article")
    parser.add_argument("--requests", type=int, default=1000, help="requests per run")
    parser.add_argument("--threads", type=int, default=4, help="concurrent clients in the second run")
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "succession-bench-http.db",
                        help="the store; built when absent, reused when present")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--out", type=Path, default=RESULTS / "http.json")
    args = parser.parse_args(argv)
    results = run(args.db, args.articles, args.events, args.requests, args.threads)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2) if args.json else report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
