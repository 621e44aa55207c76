"""Feeds and lists of feeds: what ``succession watch`` is given, and what a feed says (feedparser).

A SOURCE is a feed URL (http/https), an OPML file (every ``outline`` with an ``xmlUrl``), or a text
file with one feed URL a line (blank lines and ``#`` comments ignored). Anything else is reported with
the file (and line) and left out.
"""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..models import Rejected

__all__ = ["FeedEntry", "FeedError", "ParsedFeed", "is_url", "parse_feed", "read_sources"]


@dataclass(frozen=True, slots=True)
class FeedEntry:
    url: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD, from the feed, for pages that give no date


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    entries: tuple[FeedEntry, ...]
    warning: str | None = None  # the feed was malformed but still gave entries


class FeedError(Exception):
    """The response is not a feed."""


def is_url(text: str) -> bool:
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Entries (article links) of an RSS or Atom feed, in feed order, each link once."""
    import feedparser  # only watching needs it

    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(body, response_headers=headers)
    problem = parsed.get("bozo_exception")
    if not parsed.get("version") and not parsed.entries:
        reason = f"{type(problem).__name__}: {problem}" if problem else "no RSS or Atom document"
        raise FeedError(f"not a feed ({reason})")
    entries, seen = [], set()
    for entry in parsed.entries:
        link = _link(entry, url)
        if link is None or link in seen:
            continue
        seen.add(link)
        entries.append(FeedEntry(link, (entry.get("title") or "").strip() or None, _day(entry)))
    warning = f"malformed feed, read what could be read ({problem})" if parsed.get("bozo") and problem else None
    return ParsedFeed((parsed.feed.get("title") or "").strip() or None, tuple(entries), warning)


def _link(entry, base: str) -> str | None:  # type: ignore[no-untyped-def]
    href = entry.get("link") or next((l.get("href") for l in entry.get("links", ()) if l.get("href")), None)
    if not href:
        return None
    link = urljoin(base, href.strip())
    return link if is_url(link) else None


def _day(entry) -> str | None:  # type: ignore[no-untyped-def]
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    try:
        return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat()
    except ValueError:
        return None


def read_sources(sources: Iterable[str]) -> tuple[list[str], list[Rejected]]:
    """Feed URLs from URLs, OPML files and URL list files, each once, in the order given."""
    urls: dict[str, None] = {}
    rejected: list[Rejected] = []
    for source in sources:
        if is_url(source):
            urls[source] = None
            continue
        path = Path(source)
        if not path.is_file():
            rejected.append(Rejected(source, "neither a feed URL (http/https) nor a readable file"))
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            rejected.append(Rejected(source, f"cannot read: {exc}"))
            continue
        found = _opml(source, text, rejected) if text.lstrip().startswith("<") else _lines(source, text, rejected)
        urls.update(dict.fromkeys(found))
    return list(urls), rejected


def _opml(source: str, text: str, rejected: list[Rejected]) -> list[str]:
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        rejected.append(Rejected(f"{source}:{exc.position[0]}", f"not valid OPML ({exc})"))
        return []
    found = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url and is_url(url):
            found.append(url)
        elif url:
            rejected.append(Rejected(source, f"feed {url!r} is not an http(s) URL"))
    if not found:
        rejected.append(Rejected(source, "OPML file lists no feeds (outline xmlUrl)"))
    return found


def _lines(source: str, text: str, rejected: list[Rejected]) -> list[str]:
    found = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if not line:
            continue
        if is_url(line):
            found.append(line)
        else:
            rejected.append(Rejected(f"{source}:{n}", f"not a feed URL: {line[:80]!r}"))
    return found
