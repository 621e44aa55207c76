"""End to end: a local news site publishes the demo articles one by one in its feed; ``watch --once``
after each picks them up, and the timeline and the alerts (POSTed to a webhook receiver) are the ones
``ingest`` of the same pages, one by one in the same order, gives (the same changes, detected as
``serve`` does)."""
from __future__ import annotations

import html
import json
from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from conftest import DEMO_ARTICLES
from httpsite import Receiver, Site, page, rss
from succession.alerts.changes import detect, recent
from succession.cli import app
from succession.timeline.fuse import Timeline
from succession.sources.files import guess_title
from succession.store import SQLiteStore

SECRET = "e2e-secret-91c0"


def _pages() -> list[tuple[str, str, str | None]]:
    """(name, HTML, feed date) for every demo article, in file order (JSON Lines records last)."""
    out = []
    for path in sorted(DEMO_ARTICLES.iterdir()):
        if path.suffix == ".html":
            out.append((path.name, path.read_text(encoding="utf-8"), None))
        elif path.suffix == ".txt":
            text = path.read_text(encoding="utf-8")
            title = guess_title(text) or path.stem
            body = text.partition("\n")[2] if guess_title(text) else text
            out.append((path.stem + ".html", page(title, [p for p in body.split("\n\n") if p.strip()]), None))
    for line in (DEMO_ARTICLES / "feed.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        day = rec["published"][:10]
        doc = page(rec["title"], [p for p in rec["text"].split("\n\n")[1:] if p.strip()])
        doc = doc.replace("<head>", f'<head><meta property="article:published_time" content="{html.escape(rec["published"])}">')
        out.append((f"{rec['id']}.html", doc, day))
    return out


def _timeline(tl: Timeline) -> tuple[Counter, Counter]:
    """The timeline without article ids: events and tenures as what they say."""
    events = Counter((e.type.value, e.holder, e.role, e.org, str(e.date), e.modality.value, e.status)
                     for e in tl.events)
    tenures = Counter((t.holder, t.role, t.org, str(t.start), str(t.end), t.status) for t in tl.tenures)
    return events, tenures


def _change(c: dict) -> tuple:
    return c["change"], c["person"], c["organisation"], c["role"], c["event_type"], c["date"], c["evidence"]


def test_watch_matches_ingest_of_the_same_pages(tmp_path: Path) -> None:
    pages = _pages()
    assert len(pages) == 12
    runner = CliRunner()
    watched, ingested = tmp_path / "watched.db", tmp_path / "ingested.db"
    folder = tmp_path / "pages"
    folder.mkdir()
    ingest_changes: list[dict] = []
    with Site() as site, Receiver() as hook:
        feed = site.url("/feed.xml")
        entries = []
        for name, doc, day in pages:
            # the site publishes one more article; watch picks it up
            site.add(f"/news/{name}", doc)
            entries.insert(0, (site.url(f"/news/{name}"), name, day))
            site.add("/feed.xml", rss("Demo wire", entries), ctype="application/rss+xml")
            result = runner.invoke(app, ["watch", feed, "--db", str(watched), "--once", "--batch", "1", "--delay", "0",
                                         "--webhook", hook.url("/hook"), "-q"], env={"SUCCESSION_WEBHOOK_SECRET": SECRET})
            assert result.exit_code == 0, result.output
            # the same page, saved as a file and ingested
            (folder / name).write_text(doc, encoding="utf-8")
            result = runner.invoke(app, ["ingest", str(folder / name), "--db", str(ingested), "-q"])
            assert result.exit_code == 0, result.output
            with SQLiteStore(ingested) as store:
                ingest_changes += [c.payload() for c in detect(store)]
        assert all(site.hits[f"/news/{name}"] == 1 for name, _d, _day in pages)  # each page fetched once
    with SQLiteStore(watched) as w, SQLiteStore(ingested) as i:
        assert w.counts()["documents"] == i.counts()["documents"] == 12
        assert _timeline(w.timeline()) == _timeline(i.timeline())
        assert len(recent(w, limit=None)) == len(ingest_changes)
    alerts = hook.accepted()
    assert len(alerts) == len({a["key"] for a in alerts})  # one POST per change
    assert Counter(map(_change, alerts)) == Counter(map(_change, ingest_changes))
    assert {a["change"] for a in alerts} >= {"event.new", "tenure.started", "tenure.ended"}
    assert all(a["article_url"].startswith(site.base + "/news/") for a in alerts)
