"""Benchmark of the store: ingest rate, fusion time, and `who`/`timeline` latency on a large synthetic store.

Not a test. Run:  .venv/bin/python bench/bench_store.py [--articles 20000] [--events 5] [--json]

Every figure is given in absolute terms and as a ratio against a simple baseline measured in the same
process on the same data:
- ingest: the same event rows inserted into a bare indexed table (no hashing, FTS, entities or checks);
- who / timeline: a plain indexed SELECT of the raw events for the same organisation (and role).
The synthetic corpus is fictional: "Firm n" and "Person n", 5 changes per article by default.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from succession.timeline import query
from succession.timeline.fuse import name_key
from succession.models import (
    Analysis, DateValue, Document, Entity, Event, EventType, MentionKind, Modality, RoleFact, Span,
)
from succession.store import SQLiteStore

ROLES = ("CEO", "CFO", "CTO", "chair", "board member", "interim CEO", "president")
TYPES = (EventType.APPOINTED, EventType.DEPARTED, EventType.DISMISSED, EventType.RETURNED, EventType.LEAVE)


def synthetic(i: int, n_events: int, n_orgs: int, n_people: int) -> Analysis:
    """Article ``i``: ``n_events`` changes at one firm, one role fact, the people as entities."""
    rng = random.Random(i)
    org = f"Firm {i % n_orgs}"
    day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(30 * 365))
    text, events, people = "", [], []
    for k in range(n_events):
        person = f"Person {rng.randrange(n_people)}"
        etype = rng.choice(TYPES) if k else EventType.APPOINTED
        sentence = f"{org} says {person} {etype.value} as {ROLES[(i + k) % len(ROLES)]} this month."
        span = Span(len(text), len(text) + len(sentence), sentence)
        text += sentence + " "
        date = DateValue.of(day - dt.timedelta(days=rng.randrange(60)))
        events.append(Event(f"d{i}", etype, person, MentionKind.PERSON, ROLES[(i + k) % len(ROLES)], org, date,
                            Modality.ASSERTED, span, confidence=0.7))
        people.append(person)
    fact_sentence = f"{org} CFO {people[0]} commented."
    fact = RoleFact(f"d{i}", people[0], "CFO", org, Span(len(text), len(text) + len(fact_sentence), fact_sentence))
    text += fact_sentence
    doc = Document(f"d{i}", text, f"Synthetic {i}", None, day.isoformat(), "en", f"synthetic/{i}")
    entities = tuple(Entity(p, MentionKind.PERSON, (p.replace("Person", "P."),)) for p in dict.fromkeys(people))
    return Analysis(doc, "en", DateValue.of(day), "given", events=tuple(events), facts=(fact,),
                    entities=entities, story=f"story{i // 2}")


def percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000


def timed(fn, args_list):  # type: ignore[no-untyped-def]
    out = []
    for args in args_list:
        t0 = time.perf_counter()
        fn(*args)
        out.append(time.perf_counter() - t0)
    return out


def bench_ingest(store: SQLiteStore, corpus: list[Analysis]) -> float:
    t0 = time.perf_counter()
    report = store.add_analyses(corpus, batch_size=500)
    assert report.added == len(corpus), report
    return time.perf_counter() - t0


def bench_baseline_ingest(corpus: list[Analysis], path: Path) -> float:
    """The same event rows into one bare indexed table, one transaction per 500 articles."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE ev (doc_id, holder, role, org, date, text, org_key, role_key)")
    conn.execute("CREATE INDEX ev_org ON ev (org_key, role_key)")
    t0 = time.perf_counter()
    for start in range(0, len(corpus), 500):
        conn.execute("BEGIN")
        for a in corpus[start:start + 500]:
            conn.executemany("INSERT INTO ev VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             [(e.doc_id, e.holder, e.role, e.org, str(e.date), e.evidence.text,
                               name_key(e.org), name_key(e.role)) for e in a.events])
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def run(n_articles: int, n_events: int, n_queries: int, db: Path) -> dict[str, float]:
    n_orgs, n_people = max(1, n_articles // 10), max(1, n_articles)
    corpus = [synthetic(i, n_events, n_orgs, n_people) for i in range(n_articles)]
    store = SQLiteStore(db)
    ingest_s = bench_ingest(store, corpus)
    baseline_ingest_s = bench_baseline_ingest(corpus, db.with_name("baseline.db"))
    t0 = time.perf_counter()
    store.ensure_fused()
    fuse_s = time.perf_counter() - t0
    counts = store.counts()

    rng = random.Random(7)
    days = [dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(30 * 365)) for _ in range(n_queries)]
    who_args = [(store, f"Firm {rng.randrange(n_orgs)}", rng.choice(("CEO", "CFO", "chair")), d) for d in days]
    org_args = [(store, f"Firm {rng.randrange(n_orgs)}") for _ in range(n_queries)]
    conn = store._conn

    def base_who(_s, org, role, _d):  # type: ignore[no-untyped-def]
        return conn.execute("SELECT holder, date FROM events WHERE org_key = ? AND role_key = ?",
                            (name_key(org), name_key(role))).fetchall()

    def base_org(_s, org):  # type: ignore[no-untyped-def]
        return conn.execute("SELECT holder, role, date, ev_text FROM events WHERE org_key = ?",
                            (name_key(org),)).fetchall()

    timed(query.who, who_args[:20])  # warm caches
    who_t, who_b = timed(query.who, who_args), timed(base_who, who_args)
    tl_t = timed(lambda s, o: query.timeline(s, org=o), org_args)
    tl_b = timed(base_org, org_args)
    answered = sum(bool(query.who(*args)) for args in who_args) / len(who_args)
    store.close()
    (who50, who95), (whob50, whob95) = percentiles(who_t), percentiles(who_b)
    (tl50, tl95), (tlb50, tlb95) = percentiles(tl_t), percentiles(tl_b)
    return {
        "articles": n_articles, "events": counts["events"], "facts": counts["facts"],
        "ingest_s": ingest_s, "ingest_articles_per_s": n_articles / ingest_s,
        "baseline_ingest_s": baseline_ingest_s, "ingest_ratio": ingest_s / baseline_ingest_s,
        "fuse_s": fuse_s,
        "who_p50_ms": who50, "who_p95_ms": who95, "who_baseline_p50_ms": whob50, "who_baseline_p95_ms": whob95,
        "who_ratio_p95": who95 / whob95, "who_answered": answered,
        "timeline_p50_ms": tl50, "timeline_p95_ms": tl95, "timeline_baseline_p50_ms": tlb50,
        "timeline_baseline_p95_ms": tlb95, "timeline_ratio_p95": tl95 / tlb95,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--events", type=int, default=5, help="changes per article")
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        result = run(args.articles, args.events, args.queries, Path(tmp) / "bench.db")
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    r = result
    print(f"store: {r['articles']:.0f} articles, {r['events']:.0f} events, {r['facts']:.0f} role facts")
    print(f"ingest:   {r['ingest_s']:.1f} s = {r['ingest_articles_per_s']:.0f} articles/s "
          f"(bare-table baseline {r['baseline_ingest_s']:.2f} s; ratio {r['ingest_ratio']:.1f}x)")
    print(f"fusion:   {r['fuse_s']:.1f} s (once after a write; cached in fused_* tables)")
    print(f"who:      p50 {r['who_p50_ms']:.2f} ms, p95 {r['who_p95_ms']:.2f} ms "
          f"(indexed SELECT p50 {r['who_baseline_p50_ms']:.2f}, p95 {r['who_baseline_p95_ms']:.2f}; "
          f"p95 ratio {r['who_ratio_p95']:.1f}x; {r['who_answered']:.0%} of the questions found a holder)")
    print(f"timeline: p50 {r['timeline_p50_ms']:.2f} ms, p95 {r['timeline_p95_ms']:.2f} ms "
          f"(indexed SELECT p50 {r['timeline_baseline_p50_ms']:.2f}, p95 {r['timeline_baseline_p95_ms']:.2f}; "
          f"p95 ratio {r['timeline_ratio_p95']:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
