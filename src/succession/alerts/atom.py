"""An Atom feed (RFC 4287) of timeline changes, for feed readers (``GET /changes.atom``)."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from .. import __version__
from ..sources.state import now_iso
from .changes import Change

__all__ = ["ATOM_TYPE", "atom_feed"]

ATOM_TYPE = "application/atom+xml; charset=utf-8"
_NS = "http://www.w3.org/2005/Atom"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{_NS}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def atom_feed(changes: Sequence[Change], *, self_url: str, title: str = "succession: leadership changes",
              feed_id: str = "urn:succession:changes") -> bytes:
    """The changes, newest first, as an Atom document."""
    ET.register_namespace("", _NS)
    feed = ET.Element(f"{{{_NS}}}feed")
    _sub(feed, "id", feed_id)
    _sub(feed, "title", title)
    _sub(feed, "updated", max((c.detected_at for c in changes), default=now_iso()))
    _sub(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    _sub(feed, "generator", "succession", version=__version__)
    author = _sub(feed, "author")
    _sub(author, "name", "succession")
    for c in sorted(changes, key=lambda c: c.seq, reverse=True):
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"urn:succession:change:{c.key}")
        _sub(entry, "title", f"{c.kind}: {c.summary}")
        _sub(entry, "updated", c.detected_at)
        _sub(entry, "category", term=c.kind)
        if c.article_url and c.article_url.startswith(("http://", "https://")):
            _sub(entry, "link", rel="alternate", href=c.article_url)
        lines = [c.summary, f"Evidence: \u201c{c.evidence}\u201d", f"Source: {c.article_url or c.document}"]
        if c.date:
            lines.insert(1, f"Date: {c.date}")
        _sub(entry, "content", "\n".join(lines), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
