"""Articles from WARC crawl archives (``.warc``, ``.warc.gz``, e.g. Common Crawl News), read with warcio.

Only HTTP ``response`` records carrying HTML become documents (id: the record's target URI). Other
record types (requests, metadata, warcinfo) are not articles and pass silently; a response that is not
HTML, too large, truncated or unreadable is reported as a ``Rejected`` naming the file and the record's
byte offset (``crawl.warc.gz@1234``), and reading goes on with the next record where the file allows.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from .files import decode, document_from_html
from ..models import Document, Rejected

__all__ = ["WARC_SUFFIXES", "is_warc", "read_warc"]

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, *, max_bytes: int) -> Iterator[Document | Rejected]:
    """Every HTML response in a WARC file, as a Document, or a Rejected naming the record's offset."""
    from warcio.archiveiterator import ArchiveIterator  # only WARC input needs it

    try:
        handle = path.open("rb")
        size = path.stat().st_size
    except OSError as e:
        yield Rejected(str(path), f"cannot read: {e.strerror}")
        return
    with handle:
        records = ArchiveIterator(handle)
        end = 0  # where the last whole record ended: anything after it is a broken record
        try:
            for record in records:
                item = _record(path, record, records, max_bytes)
                end = records.get_record_offset() + records.get_record_length()
                if item is not None:
                    yield item
            if records.get_record_length():  # warcio fills in the length of the last record on the way out
                end = max(end, records.get_record_offset() + records.get_record_length())
        except Exception as e:  # warcio raises assorted errors on damaged archives; report where, then stop
            yield Rejected(f"{path}@{end}", f"unreadable WARC record ({type(e).__name__}: {e}); rest of the file skipped")
            return
        if end < size and _has_data(handle, end):
            yield Rejected(f"{path}@{end}", f"truncated WARC record ({size - end} bytes left over); skipped")


def _record(path: Path, record, records, max_bytes: int) -> Document | Rejected | None:  # type: ignore[no-untyped-def]
    if record.rec_type != "response":
        return None
    body = record.content_stream().read(max_bytes + 1)
    where = f"{path}@{records.get_record_offset()}"
    if record.http_headers is None:  # e.g. a file that is no archive at all, read as ARC lines
        return Rejected(where, "not an HTTP response record (is this a WARC file?)")
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if len(body) > max_bytes:
        return Rejected(where, f"{uri}: too large (limit {max_bytes / 1e6:.1f} MB per article)")
    if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than the record's Content-Length says
        return Rejected(where, f"{uri}: truncated WARC record; skipped")
    mime = ctype.split(";")[0].strip()
    if mime not in HTML_TYPES:
        return Rejected(where, f"{uri}: not HTML ({mime or 'no content type'})")
    html = _text(body, ctype, where)
    if isinstance(html, Rejected):
        return html
    return document_from_html(html, doc_id=uri or where, source=where, url=uri or None)


def _text(body: bytes, ctype: str, where: str) -> str | Rejected:
    charset = ctype.partition("charset=")[2].split(";")[0].strip().strip('"') or "utf-8"
    if charset.replace("-", "").lower() in ("utf8", ""):
        return decode(body, where)
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return decode(body, where)


def _has_data(handle, offset: int) -> bool:  # type: ignore[no-untyped-def]
    """Anything but white space from ``offset`` on (some writers pad the end of a file)."""
    handle.seek(offset)
    while chunk := handle.read(1 << 16):
        if chunk.strip():
            return True
    return False
