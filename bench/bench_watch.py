"""Benchmark of ``watch``: one round over local feeds, articles per second and where the time goes.

Not a test. Run:  .venv/bin/python bench/bench_watch.py [--feeds 20] [--articles 50] [--batch 10] [--json]

A news site on 127.0.0.1 (the tests' server, tests/httpsite.py) publishes ``--feeds`` RSS feeds of
``--articles`` fictional articles each (generated names: "Velmar Holding", "Mira Stenvik", ...; one to
three leadership changes per article, English and German). One ``Watcher.run_round`` reads them all into
a fresh store (politeness delay 0: one host stands for many). Reported:

- articles/s for the whole round (fetching, extraction, analysis, storing, fusion, change detection);
- the share of time in fetching (feeds and pages over HTTP) versus analysis (trafilatura, the pipeline,
  stories, the store, fusion, alerts);
- baseline: the same documents analysed and stored without HTTP or feeds (``analyse_documents`` plus
  ``add_analyses`` in the same batches), so the cost of watching is visible.

Bounded: the server lives for the run only; the round has a fixed amount of work.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from httpsite import Site, page, rss  # noqa: E402  (the tests' loopback server)

from succession.alerts import Announcer  # noqa: E402
from succession.sources.files import document_from_html  # noqa: E402
from succession.sources.fetch import FetchPolicy  # noqa: E402
from succession.sources.watch import WatchConfig, Watcher  # noqa: E402
from succession.store import SQLiteStore  # noqa: E402

RESULTS = REPO / "bench" / "results"
FIRST = ["Mira", "Jonas", "Hedda", "Tobias", "Ilka", "Arvid", "Nele", "Corin", "Sanne", "Falk"]
SYLLABLES = ["vel", "mar", "sten", "rik", "quor", "dal", "bren", "tov", "lin", "gaard", "hol", "wen"]
ROLES_EN = ["chief executive officer", "chief financial officer", "chief technology officer", "chairman"]
ROLES_DE = ["Vorstandschef", "Finanzvorstand", "Technikvorstand", "Aufsichtsratschef"]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {''.join(rng.sample(SYLLABLES, 2)).capitalize()}"


def _org(rng: random.Random) -> str:
    return f"{''.join(rng.sample(SYLLABLES, 2)).capitalize()} {rng.choice(['Holding', 'Werke', 'Group', 'AG'])}"


def article(i: int) -> tuple[str, list[str]]:
    """A fictional short news article: a title and paragraphs."""
    rng = random.Random(i)
    org, new, old = _org(rng), _name(rng), _name(rng)
    if i % 3 == 2:
        role = rng.choice(ROLES_DE)
        return (f"{org}: {new} wird {role}", [
            f"Die {org} hat {new} zum {role} ernannt, teilte das Unternehmen am Montag mit.",
            f"{new} folgt auf {old}, der das Unternehmen Ende des Monats verlässt.",
            "Der Aufsichtsrat dankte für die langjährige Arbeit."])
    role = rng.choice(ROLES_EN)
    return (f"{org} names {new} {role}", [
        f"{org} said on Tuesday it had appointed {new} as {role}, effective immediately.",
        f"{new} succeeds {old}, who stepped down after six years in the post.",
        "Shares in the company rose slightly in early trading."])


def run(n_feeds: int, n_articles: int, batch: int) -> dict[str, object]:
    tmp = Path(tempfile.mkdtemp(prefix="bench-watch-"))
    config = WatchConfig(every=900, batch=batch, policy=FetchPolicy(timeout=10, deadline=30, host_delay=0.0))
    with Site() as site:
        feeds, pages = [], []
        for f in range(n_feeds):
            entries = []
            for a in range(n_articles):
                title, paras = article(f * n_articles + a)
                html = page(title, paras)
                url = site.add(f"/f{f}/a{a}.html", html)
                entries.append((url, title, "2031-04-01"))
                pages.append((url, html))
            feeds.append(site.add(f"/f{f}/feed.xml", rss(f"Feed {f}", entries), ctype="application/rss+xml"))
        with SQLiteStore(tmp / "watch.db") as store:
            _warm(store)
            t0 = time.perf_counter()
            report = Watcher(store, config, announce=Announcer()).run_round(feeds)
            wall = time.perf_counter() - t0
            changes = len(report.announced.changes)
            requests = sum(site.hits.values())
    base_wall = _baseline(tmp / "base.db", pages, batch)
    n = report.ingested
    return {"feeds": n_feeds, "articles_per_feed": n_articles, "batch": batch, "ingested": n,
            "requests": requests, "changes": changes, "wall_s": round(wall, 2),
            "articles_per_s": round(n / wall, 1) if wall else None,
            "fetch_s": round(report.fetch_seconds, 2), "analysis_s": round(report.analysis_seconds, 2),
            "fetch_share": round(report.fetch_seconds / wall, 3), "analysis_share": round(report.analysis_seconds / wall, 3),
            "baseline_wall_s": round(base_wall, 2), "baseline_articles_per_s": round(len(pages) / base_wall, 1),
            "overhead_ratio": round(wall / base_wall, 2)}


def _warm(store: SQLiteStore) -> None:
    """Load the language models before timing (both runs then start warm)."""
    from succession.api import analyse_documents
    from succession.models import Document

    analyse_documents([Document("warm-en", "Velmar Holding appointed Mira Stenvik as chairman."),
                       Document("warm-de", "Die Velmar AG hat Jonas Tovlin zum Finanzvorstand ernannt.")])


def _baseline(db: Path, pages: list[tuple[str, str]], batch: int) -> float:
    """The same pages, read from memory and analysed as watch does: no HTTP, no feeds, no state."""
    from succession.api import analyse_documents
    from succession.across.stories import StoryIndex

    t0 = time.perf_counter()
    docs = [document_from_html(html, doc_id=url, source=url, url=url) for url, html in pages]
    stories = StoryIndex()
    with SQLiteStore(db) as store:
        for i in range(0, len(docs), batch):
            run = analyse_documents(docs[i:i + batch], stories=stories)  # type: ignore[arg-type]
            store.add_analyses(run.analyses)
        store.ensure_fused()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feeds", type=int, default=20)
    ap.add_argument("--articles", type=int, default=50, help="articles per feed")
    ap.add_argument("--batch", type=int, default=10)
    ap.add_argument("--json", action="store_true", help="print the JSON only")
    args = ap.parse_args()
    result = run(args.feeds, args.articles, args.batch)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "watch.json").write_text(json.dumps(result, indent=2) + "\n")
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"round over {result['feeds']} feeds x {result['articles_per_feed']} articles: {result['ingested']} ingested, "
          f"{result['requests']} HTTP requests, {result['changes']} changes")
    print(f"  {result['wall_s']} s, {result['articles_per_s']} articles/s; fetching {result['fetch_share']:.0%}, "
          f"analysis {result['analysis_share']:.0%}")
    print(f"  baseline (same pages, no HTTP, no feeds): {result['baseline_wall_s']} s, "
          f"{result['baseline_articles_per_s']} articles/s; watch/baseline = {result['overhead_ratio']}")


if __name__ == "__main__":
    main()
