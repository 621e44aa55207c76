"""Rounds over feeds: what ``succession watch`` does.

One round, for each feed that is due: a conditional GET (ETag, Last-Modified; 304 ends it), the entries
(feedparser), then the linked pages not handled before, fetched politely (:mod:`.fetch`), read with
trafilatura (the feed's date where the page gives none), analysed and stored in batches as ``ingest``
does (stories, names and the timeline updated). After each batch the article URLs are recorded in the
store, and the feed's validators only once all its entries are handled, so a round killed halfway
resumes where it stopped with nothing fetched or ingested twice.

Errors stay with their feed or article: a dead feed is counted (``consecutive_errors``) and tried again
later with a growing back-off, and never stops the others; a page that cannot be had for good (404,
robots.txt, not HTML, too large, no article text, a copy of an article already read) is recorded as
skipped with the reason; one that may come back (time-out, 5xx) is tried again next round.
"""
from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from ..timeline.fuse import content_hash
from .files import decode, document_from_html
from ..models import Document, Rejected
from ..store import SQLiteStore
from . import state
from .feeds import FeedEntry, FeedError, parse_feed
from .fetch import FetchError, Fetcher, FetchPolicy
from .warc import HTML_TYPES

__all__ = ["FeedReport", "RoundReport", "WatchConfig", "Watcher", "is_due"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WatchConfig:
    every: float = 900.0  # seconds between two rounds (and the base of a failing feed's back-off)
    batch: int = 10  # articles analysed together (boilerplate shared by 3+ of them is recognised)
    policy: FetchPolicy = FetchPolicy()


@dataclass
class FeedReport:
    url: str
    status: str = "ok"  # ok | not modified | error | waiting (backing off after errors)
    entries: int = 0
    new: int = 0
    ingested: int = 0
    skipped: list[Rejected] = field(default_factory=list)
    retry_later: int = 0  # pages that failed for now (time-out, 5xx): tried again next round
    error: str | None = None
    warning: str | None = None


@dataclass
class RoundReport:
    feeds: list[FeedReport] = field(default_factory=list)
    seconds: float = 0.0
    fetch_seconds: float = 0.0
    analysis_seconds: float = 0.0  # page extraction, the pipeline, storing, fusion, change detection
    announced: object = None  # what the ``announce`` hook returned (succession.alerts.AnnounceReport)

    @property
    def ingested(self) -> int:
        return sum(f.ingested for f in self.feeds)

    @property
    def failing(self) -> list[FeedReport]:
        return [f for f in self.feeds if f.status == "error"]

    def summary(self) -> str:
        skipped = sum(len(f.skipped) for f in self.feeds)
        later = sum(f.retry_later for f in self.feeds)
        return (f"{len(self.feeds)} feeds ({len(self.failing)} failing), {self.ingested} articles ingested, "
                f"{skipped} skipped, {later} to retry; {self.seconds:.1f} s "
                f"(fetching {self.fetch_seconds:.1f} s, analysis {self.analysis_seconds:.1f} s)")


def is_due(feed: state.FeedState, now: dt.datetime, *, once: bool) -> bool:
    """A new feed is due; a failing one when its back-off is over; a healthy one when its time came
    (``once``: always, as cron decides when rounds run)."""
    if not feed.next_due or feed.next_due <= state.now_iso(now):
        return True
    return once and feed.consecutive_errors == 0


ArticleHook = Callable[[str, str], None]  # (article URL, outcome) after each batch is stored


class Watcher:
    """Runs rounds over feeds into one store."""

    def __init__(self, store: SQLiteStore, config: WatchConfig = WatchConfig(), *,
                 announce: Callable[[SQLiteStore], object] | None = None,
                 on_article: ArticleHook | None = None, on_feed: Callable[[FeedReport], None] | None = None) -> None:
        self.store, self.config = store, config
        self.announce, self.on_article, self.on_feed = announce, on_article, on_feed
        self._stories = None  # the store's story index, loaded once a round

    def run_round(self, feeds: Sequence[str], *, once: bool = True, now: dt.datetime | None = None) -> RoundReport:
        start = time.monotonic()
        now = now or dt.datetime.now(dt.timezone.utc)
        state.register_feeds(self.store, feeds)
        report = RoundReport()
        self._stories = None
        with Fetcher(self.config.policy) as fetcher:
            for feed in state.feed_states(self.store, feeds):
                if not is_due(feed, now, once=once):
                    result = FeedReport(feed.url, status="waiting")
                else:
                    result = self._feed(fetcher, feed, now, report)
                report.feeds.append(result)
                if self.on_feed:
                    self.on_feed(result)
            report.fetch_seconds = fetcher.seconds
        tick = time.monotonic()
        self.store.ensure_fused()
        if self.announce is not None:
            report.announced = self.announce(self.store)
        report.analysis_seconds += time.monotonic() - tick
        report.seconds = time.monotonic() - start
        return report

    # -- one feed
    def _feed(self, fetcher: Fetcher, feed: state.FeedState, now: dt.datetime, rnd: RoundReport) -> FeedReport:
        result = FeedReport(feed.url)
        try:
            self._read_feed(fetcher, feed, now, result, rnd)
        except (FetchError, FeedError) as exc:
            self._failed(feed.url, exc.reason if isinstance(exc, FetchError) else str(exc), now, result)
        except Exception as exc:  # a bug or an odd feed must not stop the other feeds; it is logged in full
            log.exception("feed %s failed", feed.url)
            self._failed(feed.url, f"{type(exc).__name__}: {exc}", now, result)
        return result

    def _failed(self, url: str, reason: str, now: dt.datetime, result: FeedReport) -> None:
        errors = state.record_error(self.store, url, reason, every=self.config.every, now=now)
        log.warning("feed %s: %s (%d in a row)", url, reason, errors)
        result.status, result.error = "error", reason

    def _read_feed(self, fetcher: Fetcher, feed: state.FeedState, now: dt.datetime, result: FeedReport,
                   rnd: RoundReport) -> None:
        headers = {k: v for k, v in (("If-None-Match", feed.etag), ("If-Modified-Since", feed.last_modified)) if v}
        fetched = fetcher.get(feed.url, headers=headers)
        due = state.now_iso(now + dt.timedelta(seconds=self.config.every))
        if fetched.status == 304:
            state.record_ok(self.store, feed.url, status="not modified", next_due=due)
            result.status = "not modified"
            return
        parsed = parse_feed(fetched.body, fetched.url, fetched.headers.get("content-type"))
        result.entries, result.warning = len(parsed.entries), parsed.warning
        done = state.seen(self.store, (e.url for e in parsed.entries))
        new = [e for e in parsed.entries if e.url not in done]
        result.new = len(new)
        for i in range(0, len(new), max(1, self.config.batch)):
            self._batch(fetcher, feed.url, new[i:i + max(1, self.config.batch)], result, rnd)
        state.record_ok(self.store, feed.url, status="ok", next_due=due, title=parsed.title,
                        etag=fetched.headers.get("etag"), last_modified=fetched.headers.get("last-modified"),
                        entries=len(parsed.entries), articles=result.ingested)

    # -- a batch of articles
    def _batch(self, fetcher: Fetcher, feed: str, entries: list[FeedEntry], result: FeedReport,
               rnd: RoundReport) -> None:
        tick, fetching = time.monotonic(), fetcher.seconds
        docs: list[Document] = []
        marks: list[tuple[str, str | None, str | None, str, str | None]] = []
        hashes: dict[str, str] = {}
        for entry in entries:
            item = self._page(fetcher, entry)
            if item is None:
                result.retry_later += 1
                continue
            if isinstance(item, Document):
                digest = content_hash(item.text)
                copy_of = hashes.get(digest) or state.seen_hash(self.store, digest)
                if copy_of is None:
                    hashes[digest] = entry.url
                    docs.append(item)
                    marks.append((entry.url, item.id, digest, "ingested", None))
                    continue
                item = Rejected(entry.url, f"a copy of {copy_of}, already read")
            result.skipped.append(item)
            marks.append((entry.url, None, None, "skipped", item.reason))
        stored = self._ingest(docs, result) if docs else set()
        marks = [m if m[3] != "ingested" or m[1] in stored else (m[0], None, None, "skipped", "not stored")
                 for m in marks]
        state.mark_seen(self.store, feed, marks)
        result.ingested += len(stored)
        # analysis: everything but waiting for the network (page extraction, the pipeline, storing)
        rnd.analysis_seconds += time.monotonic() - tick - (fetcher.seconds - fetching)
        if self.on_article:
            for url, _doc, _hash, outcome, _reason in marks:
                self.on_article(url, outcome)

    def _page(self, fetcher: Fetcher, entry: FeedEntry) -> Document | Rejected | None:
        """The article behind a feed entry; Rejected when it cannot be had for good, None for now."""
        try:
            page = fetcher.get(entry.url)
        except FetchError as exc:
            if exc.transient:
                log.info("article %s: %s; trying again next round", entry.url, exc.reason)
                return None
            return Rejected(entry.url, exc.reason)
        if page.mime not in HTML_TYPES:
            return Rejected(entry.url, f"not HTML ({page.mime or 'no content type'})")
        html = decode(page.body, entry.url) if (page.charset or "utf-8").lower() in ("utf-8", "utf8") else \
            page.body.decode(page.charset or "utf-8", errors="replace")
        if isinstance(html, Rejected):
            return html
        doc = document_from_html(html, doc_id=entry.url, source=entry.url, url=page.url)
        if isinstance(doc, Document) and doc.published is None and entry.published:
            doc = replace(doc, published=entry.published)
        return doc

    def _ingest(self, docs: list[Document], result: FeedReport) -> set[str]:
        """Analyse and store documents as ``ingest`` does; the ids stored."""
        from ..api import analyse_documents  # the NLP pipeline is heavy: loaded on the first article
        from ..across.stories import StoryIndex

        if self._stories is None:
            saved = self.store.story_state()
            try:
                self._stories = StoryIndex.from_state(saved) if saved else StoryIndex()
            except ValueError:  # an index from another version: start afresh rather than fail
                self._stories = StoryIndex()
        try:
            run = analyse_documents(docs, stories=self._stories)
        except Exception as exc:  # an article that breaks the analysis is reported, never retried forever
            log.exception("analysis of %d articles failed", len(docs))
            for d in docs:
                self.store.record_failure(d.source, f"analysis failed: {type(exc).__name__}: {exc}")
                result.skipped.append(Rejected(d.source, f"analysis failed: {exc}"))
            return set()
        report = self.store.add_analyses(run.analyses)
        self.store.save_story_state(self._stories.to_state())
        result.skipped.extend(report.rejected)
        bad = {r.source for r in report.rejected}
        return {a.document.id for a in run.analyses if a.document.source not in bad}
