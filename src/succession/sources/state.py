"""What ``watch`` remembers between rounds, in the store: each feed's validators and health, and every
article URL met with what became of it, so a restart resumes where it stopped and nothing is fetched or
ingested twice (tables ``feeds`` and ``seen_articles``, migration 0003_watch_state)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..store import SQLiteStore

__all__ = ["FeedState", "SeenArticle", "backoff", "feed_states", "mark_seen", "now_iso", "record_error",
           "record_ok", "register_feeds", "seen", "seen_hash"]


@dataclass(frozen=True, slots=True)
class FeedState:
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    last_fetch: str | None
    last_status: str | None  # ok | not modified | error
    last_error: str | None
    consecutive_errors: int
    next_due: str  # ISO time, '' = now
    entries: int
    articles: int

    @property
    def health(self) -> str:
        if self.last_fetch is None:
            return "new"
        if self.consecutive_errors == 0:
            return "ok"
        return "failing" if self.consecutive_errors < 5 else "dead"


@dataclass(frozen=True, slots=True)
class SeenArticle:
    url: str
    feed: str
    doc_id: str | None
    outcome: str  # ingested | skipped
    reason: str | None


_COLS = ("url, title, etag, last_modified, last_fetch, last_status, last_error, consecutive_errors, next_due, "
         "entries, articles")


def now_iso(when: dt.datetime | None = None) -> str:
    return (when or dt.datetime.now(dt.timezone.utc)).isoformat(timespec="seconds")


def backoff(errors: int, every: float, *, cap: float = 86_400.0) -> float:
    """Seconds until a failing feed is tried again: the round interval, doubled per consecutive error."""
    return min(every * 2 ** max(errors - 1, 0), max(cap, every))


def register_feeds(store: SQLiteStore, urls: Iterable[str]) -> None:
    with store.transaction() as conn:
        conn.executemany("INSERT INTO feeds (url, added_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                         [(u, now_iso()) for u in urls])


def feed_states(store: SQLiteStore, urls: Iterable[str] | None = None) -> list[FeedState]:
    rows = store.rows(f"SELECT {_COLS} FROM feeds ORDER BY added_at, url")
    states = [FeedState(*r) for r in rows]
    if urls is None:
        return states
    by_url = {s.url: s for s in states}
    return [by_url[u] for u in urls if u in by_url]


def record_ok(store: SQLiteStore, url: str, *, status: str, next_due: str, title: str | None = None,
              etag: str | None = None, last_modified: str | None = None, entries: int = 0, articles: int = 0
              ) -> None:
    """A successful fetch; validators are kept from before when the server sent none (304)."""
    with store.transaction() as conn:
        conn.execute(
            "UPDATE feeds SET title = coalesce(?, title), etag = coalesce(?, etag), "
            "last_modified = coalesce(?, last_modified), last_fetch = ?, last_status = ?, last_error = NULL, "
            "consecutive_errors = 0, next_due = ?, entries = CASE WHEN ? = 'ok' THEN ? ELSE entries END, "
            "articles = articles + ? WHERE url = ?",
            (title, etag, last_modified, now_iso(), status, next_due, status, entries, articles, url))


def record_error(store: SQLiteStore, url: str, error: str, *, every: float, now: dt.datetime) -> int:
    """A failed fetch: errors counted, the next try pushed back; returns the consecutive error count."""
    with store.transaction() as conn:
        row = conn.execute("SELECT consecutive_errors FROM feeds WHERE url = ?", (url,)).fetchone()
        errors = (row[0] if row else 0) + 1
        due = now + dt.timedelta(seconds=backoff(errors, every))
        conn.execute("UPDATE feeds SET last_fetch = ?, last_status = 'error', last_error = ?, "
                     "consecutive_errors = ?, next_due = ? WHERE url = ?",
                     (now_iso(now), error, errors, now_iso(due), url))
    return errors


def seen(store: SQLiteStore, urls: Iterable[str]) -> set[str]:
    """Which of these article URLs were handled before (ingested or skipped for good)."""
    wanted = list(dict.fromkeys(urls))
    found: set[str] = set()
    for i in range(0, len(wanted), 500):
        part = wanted[i:i + 500]
        marks = ",".join("?" * len(part))
        found.update(r[0] for r in store.rows(f"SELECT url FROM seen_articles WHERE url IN ({marks})", part))
    return found


def seen_hash(store: SQLiteStore, content_hash: str) -> str | None:
    """The URL of an article already ingested with this content, if any."""
    rows = store.rows("SELECT url FROM seen_articles WHERE content_hash = ? AND outcome = 'ingested' LIMIT 1",
                      (content_hash,))
    return rows[0][0] if rows else None


def mark_seen(store: SQLiteStore, feed: str, items: Iterable[tuple[str, str | None, str | None, str, str | None]]
              ) -> None:
    """Record (url, doc_id, content_hash, outcome, reason) for articles of one feed."""
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO seen_articles (url, feed, doc_id, content_hash, outcome, reason, seen_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET feed = excluded.feed, "
            "doc_id = excluded.doc_id, content_hash = excluded.content_hash, outcome = excluded.outcome, "
            "reason = excluded.reason, seen_at = excluded.seen_at", [(u, feed, d, h, o, r, now_iso()) for u, d, h, o, r in items])
