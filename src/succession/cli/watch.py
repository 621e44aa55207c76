"""``succession watch`` and ``succession feeds``: follow news feeds into a store and announce changes
(thin shells over succession.sources and succession.alerts)."""
from __future__ import annotations

import datetime as dt
import logging
import os
import re
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from .output import Column, FormatOption, Listing, OutFormat, emit, plural
from .queries import DEFAULT_DB, DbOption, JsonOption, _open

__all__ = ["feeds", "parse_every", "register", "watch"]

log = logging.getLogger(__name__)

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """Seconds in '90', '30s', '15m', '2h', '1d'."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    if not m or float(m.group(1)) <= 0:
        raise typer.BadParameter(f"{text!r} is not a duration like 30s, 15m, 2h or 1d", param_hint="--every")
    return float(m.group(1)) * _UNITS[m.group(2) or "s"]


def watch(
    sources: Annotated[list[str], typer.Argument(help="Feed URLs (RSS or Atom), OPML files, or files with one feed URL a line.")],
    db: DbOption = Path(DEFAULT_DB),
    every: Annotated[str, typer.Option("--every", help="Time between rounds: 30s, 15m, 2h, 1d.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="One round, then exit (for cron).")] = False,
    webhook: Annotated[Optional[list[str]], typer.Option(
        "--webhook", help="POST each change here (repeatable); signed with SUCCESSION_WEBHOOK_SECRET.")] = None,
    timeout: Annotated[float, typer.Option(min=0.05, help="Seconds to wait for a server (per connect or read).")] = 10.0,
    delay: Annotated[float, typer.Option(min=0.0, help="Seconds between two requests to one host.")] = 1.0,
    max_bytes: Annotated[int, typer.Option(min=1, help="Largest page or feed read, in bytes.")] = 5_000_000,
    batch: Annotated[int, typer.Option(min=1, help="Articles analysed together.")] = 10,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no per-article warnings.")] = False,
) -> None:
    """Follow feeds: fetch new articles, add them to the store, announce changes of the timeline.

    Each round fetches every due feed (conditional GET), then the new articles it links (robots.txt
    respected, one request at a time per host), analyses them as `ingest` does and records what it did
    in the store, so a restart resumes where it stopped. Changes (a new event, a tenure started or
    ended, a rumour confirmed or denied) go to each --webhook once, as JSON signed with HMAC-SHA256 in
    the X-Succession-Signature header; `succession serve` also shows them at /changes.atom.

    Example: SUCCESSION_WEBHOOK_SECRET=s3cret succession watch feeds.opml --db news.db --once --webhook http://127.0.0.1:9000/hook

    Exit codes (with --once): 0 all feeds read, 1 some feed or delivery failed, 2 usage error.
    """
    from ..alerts import Announcer
    from ..alerts.webhooks import SECRET_ENV, RetryPolicy
    from ..sources.feeds import read_sources
    from ..sources.fetch import FetchPolicy
    from ..sources.watch import WatchConfig, Watcher

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    seconds = parse_every(every)
    urls, rejected = read_sources(sources)
    for r in rejected:
        err.print(f"[yellow]skipped[/] {escape(r.source)}: {escape(r.reason)}")
    if not urls:
        err.print("[red]no feeds to watch[/]")
        raise typer.Exit(EXIT_USAGE)
    endpoints = list(dict.fromkeys(webhook or []))
    secret = os.environ.get(SECRET_ENV, "")
    if endpoints and not secret:
        err.print(f"[red]{SECRET_ENV} is not set[/]: webhooks are signed with it; set it to a shared secret")
        raise typer.Exit(EXIT_USAGE)
    config = WatchConfig(every=seconds, batch=batch, policy=FetchPolicy(
        timeout=timeout, deadline=max(timeout * 3, timeout + 1), max_bytes=max_bytes, host_delay=delay))
    announcer = Announcer(endpoints, secret, RetryPolicy(timeout=timeout))
    with _open(db, create=True) as store:
        watcher = Watcher(store, config, announce=announcer)
        try:
            while True:
                report = _round(watcher, urls, once=once, err=err, quiet=quiet)
                if once:
                    failed = report.failing or (report.announced and report.announced.deliveries.failed)
                    raise typer.Exit(EXIT_SOME_FAILED if failed or rejected else EXIT_OK)
                time.sleep(_until_next(store, urls, seconds))
        except KeyboardInterrupt:  # what was done is in the store; the next start resumes from there
            err.print("stopped; the next `succession watch` resumes where this one stopped")
            raise typer.Exit(EXIT_OK) from None


def _round(watcher, urls: list[str], *, once: bool, err: Console, quiet: bool):  # type: ignore[no-untyped-def]
    """One round with a progress bar on a terminal, one log line after it either way."""
    if quiet or not err.is_terminal:
        report = watcher.run_round(urls, once=once)
    else:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err,
                      transient=True) as bar:
            task = bar.add_task("feeds", total=len(urls))
            watcher.on_feed = lambda f: bar.update(task, advance=1, description=f"feeds ({f.ingested} new)")
            watcher.on_article = lambda url, _outcome: bar.update(task, description=f"read {url[-50:]}")
            report = watcher.run_round(urls, once=once)
    if not quiet:
        for f in report.feeds:
            if f.error:
                err.print(f"[yellow]feed failed[/] {escape(f.url)}: {escape(f.error)}")
            for r in f.skipped:
                err.print(f"[yellow]skipped[/] {escape(r.source)}: {escape(r.reason)}")
    announced = report.announced
    changes = len(announced.changes) if announced else 0
    failed = len(announced.deliveries.failed) if announced else 0
    stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    err.print(f"{stamp} round: {escape(report.summary())}; {changes} changes, {failed} deliveries failed")
    return report


def _until_next(store, urls: list[str], every: float) -> float:  # type: ignore[no-untyped-def]
    from ..sources.state import feed_states

    now = dt.datetime.now(dt.timezone.utc)
    dues = [dt.datetime.fromisoformat(s.next_due) for s in feed_states(store, urls) if s.next_due]
    soonest = min(dues, default=now + dt.timedelta(seconds=every))
    return min(max((soonest - now).total_seconds(), 1.0), every)


def feeds(fmt: FormatOption = OutFormat.table, db: DbOption = Path(DEFAULT_DB), as_json: JsonOption = False) -> None:
    """List the followed feeds and their health (last fetch, errors, next due time).

    Example: succession feeds --db news.db --format json
    """
    from ..sources.state import feed_states

    with _open(db) as store:
        states = feed_states(store)
    payload = [{"url": s.url, "title": s.title, "health": s.health, "last_fetch": s.last_fetch,
                "last_status": s.last_status, "last_error": s.last_error, "consecutive_errors": s.consecutive_errors,
                "next_due": s.next_due or None, "entries": s.entries, "articles": s.articles} for s in states]
    cols = (Column("feed", keep=3, min_width=20), Column("health", wrap=False, keep=3),
            Column("last fetch", wrap=False, keep=2), Column("status", wrap=False, keep=1),
            Column("errors", wrap=False, keep=2), Column("next due", wrap=False, keep=1),
            Column("entries", wrap=False, keep=1), Column("articles", wrap=False, keep=2),
            Column("last error", keep=1, min_width=12))
    rows = tuple((s.url, s.health, s.last_fetch or "", str(s.last_status or ""), str(s.consecutive_errors),
                  s.next_due or "", str(s.entries), str(s.articles), s.last_error or "") for s in states)
    emit([Listing(plural(len(states), "feed"), cols, rows)], OutFormat.json if as_json else fmt, payload)


def register(app: typer.Typer) -> None:
    app.command("watch")(watch)
    app.command("feeds")(feeds)
