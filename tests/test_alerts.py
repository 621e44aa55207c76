"""Alerts: changes of the timeline announced once each, to a webhook receiver on loopback (signatures
checked, retries after 500, exactly once across a restart) and as an Atom feed that feedparser reads.
Fictional articles, published one by one on a local news site and followed with ``watch``."""
from __future__ import annotations

import hashlib
import hmac
import json
from collections import Counter
from pathlib import Path

import feedparser
import httpx
import pytest

from httpsite import Receiver, Site, page, rss
from succession.alerts import Announcer
from succession.alerts.atom import atom_feed
from succession.alerts.changes import recent
from succession.alerts.webhooks import RetryPolicy
from succession.sources.fetch import FetchPolicy
from succession.sources.watch import WatchConfig, Watcher
from succession.store import SQLiteStore
from succession.web import Settings, create_app, serve_in_thread

SECRET = "test-secret-4e1b"
FAST_RETRY = RetryPolicy(attempts=3, backoff=0.01, factor=2.0, timeout=1.0)
CONFIG = WatchConfig(every=600, batch=1, policy=FetchPolicy(timeout=1.0, deadline=2.0, host_delay=0.0))

STORY = [  # (path, title, paragraphs, day): a rumour, its confirmation, a departure, then copies
    ("/a/talks", "Talks at Quarzwerk",
     ["Quarzwerk Ltd is in talks to appoint Mira Olsen as chief executive officer, people familiar with the "
      "matter said on Monday.", "The company declined to comment."], "2031-03-03"),
    ("/a/named", "Quarzwerk names Olsen chief executive",
     ["Quarzwerk Ltd appointed Mira Olsen as chief executive officer on Thursday.",
      "Olsen succeeds Henrik Dahl, who left the company in January."], "2031-03-06"),
    ("/a/cfo", "Brandt Logistik: Finanzchef geht",
     ["Der Finanzvorstand der Brandt Logistik AG, Jonas Weidemann, verlässt das Unternehmen zum Jahresende.",
      "Ein Nachfolger steht noch nicht fest."], "2031-03-07"),
]
COPY = ("/syndicated/named", *STORY[1][1:])  # the same article under another address
REWRITE = ("/other/olsen", "Olsen to lead Quarzwerk",  # another outlet's version of the same story
           ["Mira Olsen has been appointed chief executive officer of Quarzwerk Ltd, the company said on Thursday.",
            "She succeeds Henrik Dahl, who left the company in January."], "2031-03-06")


def _round(db: Path, site: Site, announcer: Announcer) -> object:
    with SQLiteStore(db) as store:  # a new process each time: only the store carries state over
        return Watcher(store, CONFIG, announce=announcer).run_round([site.url("/feed.xml")]).announced


def _publish(site: Site, items: list[tuple[str, str, list[str], str]], upto: int) -> None:
    entries = []
    for path, title, paras, day in items[:upto]:
        site.add(path, page(title, paras))
        entries.append((site.url(path), title, day))
    site.add("/feed.xml", rss("Wire", entries), ctype="application/rss+xml")


def _signed(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@pytest.fixture(scope="module")
def followed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Receiver, list[object]]:
    """Three articles followed over four rounds (a restart before each), every change POSTed to a receiver
    that fails its first two answers."""
    db = tmp_path_factory.mktemp("alerts") / "alerts.db"
    rounds = []
    with Site() as site, Receiver(answers=[500, 500]) as hook:
        announcer = Announcer([hook.url("/hook")], SECRET, FAST_RETRY)
        items = [*STORY, COPY, REWRITE]
        for upto in (1, 3, 5, 5):  # the rumour; its confirmation and a departure; copies; nothing new
            _publish(site, items, upto)
            rounds.append(_round(db, site, announcer))
    return db, hook, rounds


def test_each_change_posted_once_and_signed(followed: tuple[Path, Receiver, list[object]]) -> None:
    db, hook, rounds = followed
    for headers, body, _status in hook.posts:
        assert headers["X-Succession-Signature"] == _signed(SECRET, body)
        assert headers["Content-Type"] == "application/json"
        assert headers["X-Succession-Change"] == json.loads(body)["key"]
    delivered = hook.accepted()
    keys = Counter(p["key"] for p in delivered)
    assert keys and max(keys.values()) == 1  # exactly one delivered POST per change
    with SQLiteStore(db) as store:
        stored = recent(store, limit=None)
        assert set(keys) == {c.key for c in stored}
        statuses = store.rows("SELECT status, count(*) FROM deliveries GROUP BY status")
        assert store.counts()["documents"] == 4  # the exact copy was not even ingested; the rewrite was
        assert store.rows("SELECT reason FROM seen_articles WHERE url LIKE '%/syndicated/named'")[0][0].startswith(
            "a copy of http")
    assert statuses == [("delivered", len(stored))]
    kinds = Counter(p["change"] for p in delivered)
    assert kinds["rumour.confirmed"] == 1 and kinds["tenure.started"] >= 1 and kinds["tenure.ended"] >= 1
    confirmed = next(p for p in delivered if p["change"] == "rumour.confirmed")
    assert confirmed["person"] == "Mira Olsen" and confirmed["organisation"] == "Quarzwerk"
    assert "appointed Mira Olsen" in confirmed["evidence"] and confirmed["article_url"].endswith("/a/named")
    # the copies of an article and the round with nothing new announced nothing
    assert [len(r.changes) for r in rounds][2:] == [0, 0]
    assert len(rounds[0].changes) >= 1 and rounds[0].changes[0].modality == "rumoured"


def test_retries_after_500(followed: tuple[Path, Receiver, list[object]]) -> None:
    db, hook, rounds = followed
    assert [status for _h, _b, status in hook.posts[:3]] == [500, 500, 200]
    first = json.loads(hook.posts[0][1])["key"]
    assert all(json.loads(b)["key"] == first for _h, b, _s in hook.posts[:3])  # the same change, retried
    with SQLiteStore(db) as store:
        assert store.rows("SELECT attempts, status FROM deliveries WHERE change_key = ?", (first,)) == [
            (3, "delivered")]


def test_a_receiver_down_for_a_round_gets_the_change_next_round(tmp_path: Path) -> None:
    db = tmp_path / "down.db"
    with Site() as site, Receiver(answers=[503] * 3) as hook:
        announcer = Announcer([hook.url("/hook")], SECRET, FAST_RETRY)
        _publish(site, STORY, 1)
        first = _round(db, site, announcer)
        assert first.deliveries.delivered == 0 and len(first.deliveries.failed) == 1
        with SQLiteStore(db) as store:
            assert store.rows("SELECT status, attempts FROM deliveries") [0] == ("failed", 3)
        second = _round(db, site, announcer)
        assert not second.changes and second.deliveries.delivered == len(first.changes)
    assert Counter(p["key"] for p in hook.accepted()) == Counter(c.key for c in first.changes)


def test_atom_feed_of_changes(followed: tuple[Path, Receiver, list[object]]) -> None:
    db, _hook, _rounds = followed
    with serve_in_thread(create_app(Settings(db))) as base, httpx.Client(base_url=base, timeout=30) as client:
        everything = client.get("/changes.atom")
        one_org = client.get("/changes.atom", params={"org": "Brandt Logistik AG"})
        nobody = client.get("/changes.atom", params={"org": "Nobody Ltd"})
    assert everything.status_code == 200 and everything.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(everything.content)
    assert not feed.bozo and feed.version == "atom10"
    with SQLiteStore(db) as store:
        stored = recent(store, limit=None)
    assert len(feed.entries) == len(stored)
    assert {e.id for e in feed.entries} == {f"urn:succession:change:{c.key}" for c in stored}
    assert feed.entries[0].title.startswith(stored[-1].kind)  # newest first
    assert any(e.get("link", "").endswith("/a/named") for e in feed.entries)
    org_feed = feedparser.parse(one_org.content)
    assert not org_feed.bozo and org_feed.entries
    assert all("Brandt Logistik" in e.title for e in org_feed.entries)
    empty = feedparser.parse(nobody.content)
    assert not empty.bozo and empty.entries == [] and empty.feed.title.endswith("Nobody Ltd")


def test_atom_feed_escapes_text() -> None:
    from succession.alerts.changes import Change

    odd = Change("k1", "event.new", "A <b>&</b> \"co\"", "P & Q", "R<S", None, "appointed", "asserted", None,
                 "x < y & z", "doc", "http://127.0.0.1/a?x=1&y=2", "e-1", 1, "2031-01-01T00:00:00+00:00")
    feed = feedparser.parse(atom_feed([odd], self_url="http://127.0.0.1/changes.atom"))
    assert not feed.bozo and feed.entries[0].title == 'event.new: A <b>&</b> "co"'
    assert feed.entries[0].link == "http://127.0.0.1/a?x=1&y=2"
