"""Benchmark of the store at scale, on SQLite and on PostgreSQL: ingest rate and peak memory, incremental
fusion after a small write, and `/who` latency over HTTP.

Not a test. Run:  .venv/bin/python bench/bench_scale.py [--articles 100000] [--pg URL] [--json]

Each backend runs in a child process of its own (its peak RSS is its own; a child that takes longer than
``--timeout`` seconds is killed, so the run always ends). Without ``--pg`` a throwaway PostgreSQL cluster is
started on loopback with scripts/pg.sh and stopped at the end. Per backend:

- ingest: ``--articles`` synthetic fictional articles ("Firm n", "Person n-k"; one change each, so the
  store holds as many events as articles), 500 per transaction, streamed (never all in memory);
  articles/s and peak RSS (``ru_maxrss``);
- fusion: the first, full fusion of the store; then ``--add`` new articles and the incremental fusion
  that follows (ratio: incremental against full, same process, same store);
- `/who`: ``--queries`` requests to a server on loopback (the HTTP API in a thread), p50/p95 in ms,
  with the in-process ``query.who`` as the baseline.

The synthetic people mostly stay at their firm (each change names one of five people of it; one in
``--move-every`` changes is a person from another firm), so the graph of who worked where breaks into
many small parts, as news does. A store where everybody is linked to everybody fuses everything again.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ROLES = ("CEO", "CFO", "CTO", "chair", "board member", "interim CEO", "president")


def synthetic(i: int, n_orgs: int, move_every: int):  # type: ignore[no-untyped-def]
    """Article ``i``: one change at firm ``i % n_orgs`` (of its own people, mostly), one role fact."""
    from succession.models import (
        Analysis, DateValue, Document, Entity, Event, EventType, MentionKind, Modality, RoleFact, Span,
    )

    rng = random.Random(i)
    firm = i % n_orgs
    org = f"Firm {firm}"
    home = rng.randrange(n_orgs) if rng.randrange(move_every) == 0 else firm
    person = f"Person {home}-{rng.randrange(5)}"
    etype = rng.choice((EventType.APPOINTED, EventType.DEPARTED, EventType.DISMISSED, EventType.RETURNED))
    role = ROLES[rng.randrange(len(ROLES))]
    day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(30 * 365))
    sentence = f"{org} says {person} {etype.value} as {role} this month."
    fact_sentence = f"{org} CFO Person {firm}-0 commented."
    text = sentence + " " + fact_sentence
    event = Event(f"d{i}", etype, person, MentionKind.PERSON, role, org, DateValue.of(day), Modality.ASSERTED,
                  Span(0, len(sentence), sentence), confidence=0.7)
    fact = RoleFact(f"d{i}", f"Person {firm}-0", "CFO", org,
                    Span(len(sentence) + 1, len(text), fact_sentence))
    entities = (Entity(person, MentionKind.PERSON, (person.replace("Person", "P."),)),
                Entity(org, MentionKind.ORG, ()))
    return Analysis(Document(f"d{i}", text, f"Synthetic {i}", None, day.isoformat(), "en", f"synthetic/{i}"),
                    "en", DateValue.of(day), "given", events=(event,), facts=(fact,), entities=entities,
                    story=f"story{i}")


def corpus(start: int, stop: int, n_orgs: int, move_every: int) -> Iterator[object]:
    return (synthetic(i, n_orgs, move_every) for i in range(start, stop))


def percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000


def child(target: str, n: int, add: int, queries: int, move_every: int) -> dict[str, float]:
    """One backend's figures (run in its own process)."""
    import httpx

    from succession.timeline import query
    from succession.store import open_store
    from succession.web import Settings, create_app, serve_in_thread

    n_orgs = max(1, n // 10)
    store = open_store(target)
    t0 = time.perf_counter()
    report = store.add_analyses(corpus(0, n, n_orgs, move_every), batch_size=500)
    ingest_s = time.perf_counter() - t0
    assert report.added == n, report
    rss_ingest = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    store.ensure_fused()
    full_s, full_cpu = time.perf_counter() - t0, time.process_time() - c0
    events = store.counts()["events"]
    store.add_analyses(corpus(n, n + add, n_orgs, move_every))
    t0, c0 = time.perf_counter(), time.process_time()
    store.ensure_fused()
    incremental_s, incremental_cpu = time.perf_counter() - t0, time.process_time() - c0

    rng = random.Random(7)
    asks = [(f"Firm {rng.randrange(n_orgs)}", rng.choice(("CEO", "CFO", "chair")),
             (dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(30 * 365))).isoformat()) for _ in range(queries)]
    lib = []
    for org, role, day in asks:
        t = time.perf_counter()
        query.who(store, org, role, day)
        lib.append(time.perf_counter() - t)
    store.close()
    http = []
    with serve_in_thread(create_app(Settings(target, pool_size=2))) as url, httpx.Client(base_url=url) as client:
        for org, role, day in asks[:20]:  # warm the pool
            client.get("/who", params={"org": org, "role": role, "on": day})
        for org, role, day in asks:
            t = time.perf_counter()
            r = client.get("/who", params={"org": org, "role": role, "on": day})
            http.append(time.perf_counter() - t)
            assert r.status_code == 200, r.text
    (w50, w95), (l50, l95) = percentiles(http), percentiles(lib)
    return {"articles": n, "events": events, "ingest_s": ingest_s, "articles_per_s": n / ingest_s,
            "peak_rss_mb_ingest": rss_ingest, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "fuse_full_s": full_s, "fuse_full_cpu_s": full_cpu, "added": add, "fuse_incremental_s": incremental_s,
            "fuse_incremental_cpu_s": incremental_cpu,
            "incremental_ratio": incremental_s / full_s, "who_http_p50_ms": w50, "who_http_p95_ms": w95,
            "who_lib_p50_ms": l50, "who_lib_p95_ms": l95, "who_http_ratio_p95": w95 / l95}


def run_child(backend: str, target: str, args: argparse.Namespace) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--child", target, "--articles", str(args.articles), "--add", str(args.add),
           "--queries", str(args.queries), "--move-every", str(args.move_every)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return {"backend": backend, "error": f"stopped after {args.timeout:.0f} s"}
    if done.returncode != 0:
        return {"backend": backend, "error": done.stderr.strip().splitlines()[-1:] or ["failed"]}
    return {"backend": backend, **json.loads(done.stdout.strip().splitlines()[-1])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--add", type=int, default=100, help="articles added after the first fusion")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--move-every", type=int, default=50, help="one change in N names a person of another firm")
    parser.add_argument("--pg", help="a PostgreSQL URL to use (default: a throwaway cluster from scripts/pg.sh)")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per backend before it is stopped")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.articles, args.add, args.queries, args.move_every)))
        return 0
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        pgdir = Path(tmp) / "pg"
        url = args.pg
        try:
            for backend in args.backends.split(","):
                if backend == "sqlite":
                    results.append(run_child(backend, str(Path(tmp) / "scale.db"), args))
                    continue
                if url is None:
                    os.chmod(tmp, 0o755)  # the cluster may run as another user (root starts it as postgres)
                    url = subprocess.run([str(REPO / "scripts" / "pg.sh"), "start", str(pgdir)], check=True,
                                         capture_output=True, text=True, timeout=300).stdout.strip()
                results.append(run_child(backend, url, args))
        finally:
            if args.pg is None and pgdir.exists():
                subprocess.run([str(REPO / "scripts" / "pg.sh"), "stop", str(pgdir)], timeout=120)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for r in results:
        if "error" in r:
            print(f"{r['backend']}: {r['error']}")
            continue
        print(f"{r['backend']}: {r['articles']:,} articles ({r['events']:,} events) in {r['ingest_s']:.0f} s = "
              f"{r['articles_per_s']:.0f} articles/s, peak RSS {r['peak_rss_mb_ingest']:.0f} MB "
              f"({r['peak_rss_mb']:.0f} MB with fusion and the server)")
        print(f"  fusion: full {r['fuse_full_s']:.1f} s; after {r['added']} more articles "
              f"{r['fuse_incremental_s']:.2f} s, {r['fuse_incremental_cpu_s']:.2f} s of this process's CPU "
              f"(ratio to full {r['incremental_ratio']:.3f})")
        print(f"  /who: p50 {r['who_http_p50_ms']:.1f} ms, p95 {r['who_http_p95_ms']:.1f} ms over HTTP "
              f"(query.who in process p95 {r['who_lib_p95_ms']:.1f} ms; ratio {r['who_http_ratio_p95']:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
