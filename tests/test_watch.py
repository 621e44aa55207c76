"""``watch`` against real HTTP servers on loopback: feeds (RSS, Atom, malformed, empty), conditional GET,
failing servers and pages, robots.txt, a restart mid-round, one dead feed among good ones. Fictional
articles; short time-outs so the whole file runs in seconds."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from httpsite import Site, atom, page, rss
from succession.cli import app
from succession.sources import state
from succession.sources.feeds import read_sources
from succession.sources.fetch import FetchPolicy
from succession.sources.watch import WatchConfig, Watcher
from succession.store import SQLiteStore

FAST = FetchPolicy(timeout=0.3, deadline=0.6, max_bytes=20_000, max_redirects=3, host_delay=0.0)
CONFIG = WatchConfig(every=600, batch=2, policy=FAST)

ARTICLES = {
    "/news/quarzwerk": ("Quarzwerk names new chief executive",
                        ["Quarzwerk Ltd appointed Mira Olsen as chief executive officer on Monday.",
                         "Olsen joins from a rival maker of measuring tools, the company said."]),
    "/news/brandt": ("Brandt Logistik beruft neuen Finanzchef",
                     ["Die Brandt Logistik AG hat Jonas Weidemann zum Finanzvorstand ernannt.",
                      "Weidemann war zuvor bei einem Zulieferer in Bremen tätig, teilte das Unternehmen mit."]),
    "/news/velmora": ("Velmora chairman steps down",
                      ["Velmora Group said on Tuesday that its chairman Piet Aalders has stepped down.",
                       "The board thanked Aalders for eleven years of service."]),
}


def _publish(site: Site, paths: list[str]) -> None:
    for path in paths:
        title, paras = ARTICLES[path]
        site.add(path, page(title, paras))


def _seen(store: SQLiteStore) -> dict[str, tuple[str, str | None]]:
    return {u: (o, r) for u, o, r in store.rows("SELECT url, outcome, reason FROM seen_articles")}


@pytest.fixture()
def store(tmp_path: Path) -> SQLiteStore:
    with SQLiteStore(tmp_path / "watch.db") as s:
        yield s


def test_rss_and_atom_feeds_then_304(store: SQLiteStore) -> None:
    with Site() as site:
        _publish(site, list(ARTICLES))
        rss_url = site.add("/rss.xml", rss("Wire", [(site.url("/news/quarzwerk"), "Quarzwerk", "2031-03-10"),
                                                   (site.url("/news/brandt"), "Brandt", None)]),
                           ctype="application/rss+xml", etag='"v1"')
        atom_url = site.add("/atom.xml", atom("Desk", [(site.url("/news/velmora"), "Velmora", "2031-03-11")]),
                            ctype="application/atom+xml", last_modified="Tue, 11 Mar 2031 09:00:00 GMT")
        first = Watcher(store, CONFIG).run_round([rss_url, atom_url])
        assert [(f.status, f.entries, f.ingested) for f in first.feeds] == [("ok", 2, 2), ("ok", 1, 1)]
        docs = store.documents_info()
        assert set(docs) == {site.url(p) for p in ARTICLES}
        assert docs[site.url("/news/quarzwerk")].published.value == "2031-03-10"  # the feed's date, page has none
        assert {e.holder for e in store.timeline().events} >= {"Mira Olsen", "Jonas Weidemann"}
        # the next round asks with the validators and gets 304: no entries, no page fetched again
        second = Watcher(store, CONFIG).run_round([rss_url, atom_url])
        assert [f.status for f in second.feeds] == ["not modified", "not modified"]
        feed_asks = [h for p, h in site.requests if p in ("/rss.xml", "/atom.xml")][2:]
        assert feed_asks[0].get("If-None-Match") == '"v1"'
        assert feed_asks[1].get("If-Modified-Since") == "Tue, 11 Mar 2031 09:00:00 GMT"
        assert all(site.hits[p] == 1 for p in ARTICLES)
        assert "Mozilla" not in feed_asks[0]["User-Agent"] and feed_asks[0]["User-Agent"].startswith("succession/")
    states = {s.url: s for s in state.feed_states(store)}
    assert states[rss_url].title == "Wire" and states[rss_url].health == "ok"
    assert states[rss_url].last_status == "not modified" and states[rss_url].etag == '"v1"'


def test_bad_feeds_never_stop_the_good_one(store: SQLiteStore) -> None:
    with Site() as site:
        _publish(site, ["/news/quarzwerk"])
        good = site.add("/good.xml", rss("Good", [(site.url("/news/quarzwerk"), "Q", None)]))
        bad = {
            "404": site.url("/missing.xml"),
            "500": site.add("/broken.xml", "oops", status=500, ctype="text/plain"),
            "timeout": site.add("/slow.xml", rss("Slow", []), delay=1.0),
            "malformed": site.add("/junk.xml", "<html><body>no feed here", ctype="text/html"),
            "loop": site.add("/loop-a.xml", status=302, headers={"Location": "/loop-b.xml"}),
        }
        site.add("/loop-b.xml", status=302, headers={"Location": "/loop-a.xml"})
        empty = site.add("/empty.xml", rss("Empty", []))
        report = Watcher(store, CONFIG).run_round([*bad.values(), empty, good])
        by_url = {f.url: f for f in report.feeds}
        assert by_url[good].ingested == 1 and by_url[good].status == "ok"
        assert by_url[empty].status == "ok" and by_url[empty].entries == 0
        errors = {k: by_url[u].error for k, u in bad.items()}
        assert all(by_url[u].status == "error" for u in bad.values())
        assert errors["404"] == "HTTP 404" and errors["500"] == "HTTP 500"
        assert "timed out" in errors["timeout"] and "not a feed" in errors["malformed"]
        assert "redirect loop" in errors["loop"]
        # a failing feed backs off: the next round (even --once) leaves it alone; the good ones are read
        again = Watcher(store, CONFIG).run_round([*bad.values(), good])
        assert {f.url: f.status for f in again.feeds} == {**{u: "waiting" for u in bad.values()}, good: "ok"}
    states = {s.url: s for s in state.feed_states(store)}
    assert states[bad["500"]].consecutive_errors == 1 and states[bad["500"]].health == "failing"
    assert states[bad["500"]].next_due > states[good].last_fetch


def test_pages_that_cannot_be_had(store: SQLiteStore) -> None:
    with Site() as site:
        _publish(site, ["/news/quarzwerk"])
        site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", ctype="text/plain")
        pages = {
            "ok-after-redirect": site.add("/moved", status=301, headers={"Location": "/news/quarzwerk"}),
            "404": site.url("/news/gone"),
            "500": site.add("/news/error", "x", status=500),
            "slow": site.add("/news/slow", page("Slow", ["Too late."]), delay=1.0),
            "trickle": site.add("/news/trickle", page("Trickle", ["Word by word. " * 40]), trickle=0.1),
            "pdf": site.add("/files/report.pdf", b"%PDF-1.4 not an article", ctype="application/pdf"),
            "huge": site.add("/news/huge", page("Huge", ["Long text. " * 5000])),
            "loop": site.add("/news/loop", status=302, headers={"Location": "/news/loop"}),
            "robots": site.add("/private/memo", page("Memo", ["Internal."])),
            "empty": site.add("/news/empty", "<html><body></body></html>"),
        }
        feed = site.add("/feed.xml", rss("Mixed", [(u, k, None) for k, u in pages.items()]))
        report = Watcher(store, CONFIG).run_round([feed])
        result = report.feeds[0]
        assert result.status == "ok" and result.ingested == 1 and result.retry_later == 3  # 500, slow, trickle
        seen = _seen(store)
        assert seen[pages["ok-after-redirect"]][0] == "ingested"
        reasons = {k: (seen.get(u) or ("", ""))[1] or "" for k, u in pages.items()}
        assert reasons["404"] == "HTTP 404" and "not HTML (application/pdf)" in reasons["pdf"]
        assert "too large" in reasons["huge"] and "redirect loop" in reasons["loop"]
        assert "robots.txt" in reasons["robots"] and "no article text" in reasons["empty"]
        assert all(pages[k] not in seen for k in ("500", "slow", "trickle"))  # tried again next round
        assert site.hits["/private/memo"] == 0 and site.hits["/robots.txt"] == 1
        store.rows("SELECT 1")  # the store is still usable
        before = dict(site.hits)
        Watcher(store, CONFIG).run_round([feed])
        fetched_again = {p for p, n in site.hits.items() if n > before.get(p, 0) and p.startswith("/news/")}
        assert fetched_again == {"/news/error", "/news/slow", "/news/trickle"}


class _Crash(BaseException):
    """Stands for the process being killed (not an Exception: nothing may catch it)."""


def test_restart_mid_round_resumes_without_duplicates(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    with Site() as site:
        _publish(site, list(ARTICLES))
        feed = site.add("/feed.xml", rss("Wire", [(site.url(p), p, None) for p in ARTICLES]))
        done: list[str] = []

        def crash_after_first(url: str, outcome: str) -> None:
            done.append(url)
            raise _Crash

        config = WatchConfig(every=600, batch=1, policy=FAST)
        with SQLiteStore(db) as store, pytest.raises(_Crash):
            Watcher(store, config, on_article=crash_after_first).run_round([feed])
        with SQLiteStore(db) as store:
            assert len(store.documents_info()) == 1 and not state.feed_states(store)[0].last_fetch
            report = Watcher(store, config).run_round([feed])
            assert report.feeds[0].ingested == 2
            assert set(store.documents_info()) == {site.url(p) for p in ARTICLES}
            assert store.counts()["documents"] == 3
        assert all(site.hits[p] == 1 for p in ARTICLES)  # no page fetched twice


def test_sources_from_opml_and_lists(tmp_path: Path) -> None:
    opml = tmp_path / "feeds.opml"
    opml.write_text('<opml version="2.0"><body><outline text="A" xmlUrl="http://127.0.0.1:1/a.xml"/>'
                    '<outline text="group"><outline text="B" xmlUrl="https://example.invalid/b.xml"/></outline>'
                    '<outline text="bad" xmlUrl="ftp://x/c"/></body></opml>')
    listing = tmp_path / "feeds.txt"
    listing.write_text("# my feeds\nhttp://127.0.0.1:1/a.xml\n\nnot a url\nhttp://127.0.0.1:1/d.xml\n")
    urls, rejected = read_sources([str(opml), str(listing), "http://127.0.0.1:1/e.xml", str(tmp_path / "none")])
    assert urls == ["http://127.0.0.1:1/a.xml", "https://example.invalid/b.xml", "http://127.0.0.1:1/d.xml",
                    "http://127.0.0.1:1/e.xml"]
    assert [r.source for r in rejected] == [str(opml), f"{listing}:4", str(tmp_path / "none")]


def test_cli_watch_once_and_feeds(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    runner = CliRunner()
    with Site() as site:
        _publish(site, ["/news/brandt"])
        good = site.add("/feed.xml", rss("Wire", [(site.url("/news/brandt"), "Brandt", None)]))
        args = ["watch", good, site.url("/dead.xml"), "--db", str(db), "--once", "--timeout", "0.5", "--delay", "0"]
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output  # one feed failed
        assert "round: 2 feeds (1 failing), 1 articles ingested" in result.output
        assert "HTTP 404" in result.output
        bad_hook = runner.invoke(app, [*args, "--webhook", "http://127.0.0.1:1/hook"],
                                 env={"SUCCESSION_WEBHOOK_SECRET": ""})
        assert bad_hook.exit_code == 2 and "SUCCESSION_WEBHOOK_SECRET" in bad_hook.output
    listed = runner.invoke(app, ["feeds", "--db", str(db), "--json"])
    assert listed.exit_code == 0
    health = {f["url"]: f["health"] for f in __import__("json").loads(listed.stdout)}
    assert health == {good: "ok", site.url("/dead.xml"): "failing"}
    table = runner.invoke(app, ["feeds", "--db", str(db)])
    assert table.exit_code == 0 and "failing" in table.stdout


def test_one_request_at_a_time_per_host_with_a_delay() -> None:
    import time

    from succession.sources.fetch import Fetcher

    with Site() as site:
        site.add("/robots.txt", "User-agent: *\nCrawl-delay: 0.3\nAllow: /\n", ctype="text/plain")
        urls = [site.add(f"/p{i}", page(f"P{i}", ["x"])) for i in range(3)]
        stamps = []
        with Fetcher(FetchPolicy(timeout=1.0, host_delay=0.1)) as fetcher:
            for url in urls:
                fetcher.get(url)
                stamps.append(time.monotonic())
    gaps = [b - a for a, b in zip(stamps, stamps[1:])]
    assert all(g >= 0.29 for g in gaps), gaps  # robots.txt asked for more than our own delay: it wins
    assert site.hits["/robots.txt"] == 1


def test_every_accepts_durations() -> None:
    import typer

    from succession.cli.watch import parse_every

    assert [parse_every(t) for t in ("90", "30s", "15m", "2h", "1d")] == [90, 30, 900, 7200, 86400]
    with pytest.raises(typer.BadParameter):
        parse_every("soon")


def test_killed_process_resumes_without_duplicates(tmp_path: Path) -> None:
    """A real ``succession watch --once`` killed (SIGKILL) while it fetches its third article."""
    import os
    import signal
    import subprocess
    import sys
    import time

    db = tmp_path / "killed.db"
    paths = list(ARTICLES)
    with Site() as site:
        _publish(site, paths)
        site.routes[paths[2]].delay = 1.5  # the third page is slow: the process is killed while waiting for it
        feed = site.add("/feed.xml", rss("Wire", [(site.url(p), p, None) for p in paths]))
        cmd = [sys.executable, "-c", "from succession.cli import main; main()", "watch", feed, "--db", str(db),
               "--once", "--batch", "1", "--delay", "0", "--timeout", "5", "-q"]
        child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            deadline = time.monotonic() + 120
            while site.hits[paths[2]] == 0 and child.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            assert site.hits[paths[2]] == 1, f"the child never reached the third article: {child.poll()}"
        finally:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait(10)
        with SQLiteStore(db) as store:
            assert len(store.documents_info()) == 2
        result = CliRunner().invoke(app, ["watch", feed, "--db", str(db), "--once", "--delay", "0", "-q"])
        assert result.exit_code == 0, result.output
    with SQLiteStore(db) as store:
        assert set(store.documents_info()) == {site.url(p) for p in paths} and store.counts()["documents"] == 3
        assert store.integrity_check() == "ok"
    assert [site.hits[p] for p in paths] == [1, 1, 2]  # only the page in flight was fetched again
