"""Reading inputs: plain text, HTML and JSON Lines files or folders, into ``Document``s.

Junk never aborts a run: each unreadable input (binary, invalid UTF-8, empty, too large, malformed JSON,
HTML without an article) becomes a ``Rejected`` naming the input (and line), and reading goes on.
"""
from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from .models import Document, Rejected

__all__ = ["SUFFIXES", "DEFAULT_MAX_BYTES", "iter_inputs", "read_file", "document_from_html", "document_from_record",
           "guess_title"]

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz")
DEFAULT_MAX_BYTES = 5_000_000  # one article; a JSON Lines file may be larger (checked per line)
MAX_JSONL_BYTES = 2_000_000_000


def iter_inputs(paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES
                ) -> Iterator[Document | Rejected]:
    """Every document in the given files and folders (folders recursively, in sorted order)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for f in _folder_files(path):
                yield from _read_supported(f, max_bytes=max_bytes)
        elif path.is_file():
            yield from _read_supported(path, max_bytes=max_bytes)
        elif path.exists():
            yield Rejected(str(path), "not a regular file or folder")
        else:
            yield Rejected(str(path), "no such file or folder")


def _folder_files(folder: Path) -> list[Path]:
    """Files under a folder, sorted; hidden files and everything in hidden folders (.git, .cache) left out."""
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def _read_supported(path: Path, *, max_bytes: int) -> Iterator[Document | Rejected]:
    from .sources.warc import is_warc, read_warc  # a crawl archive holds many articles: read record by record

    if is_warc(path):
        yield from read_warc(path, max_bytes=max_bytes)
    elif path.suffix.lower() in SUFFIXES:
        yield from read_file(path, max_bytes=max_bytes)
    else:
        yield Rejected(str(path), f"not a supported input type (only {', '.join(SUFFIXES)})")


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Rejected]:
    suffix = path.suffix.lower()
    limit = MAX_JSONL_BYTES if suffix == ".jsonl" else max_bytes
    try:
        size = path.stat().st_size
    except OSError as e:
        yield Rejected(str(path), f"cannot read: {e.strerror}")
        return
    if size == 0:
        yield Rejected(str(path), "empty file")
        return
    if size > limit:
        yield Rejected(str(path), f"too large: {size / 1e6:.1f} MB (limit {limit / 1e6:.1f} MB per article)")
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path, max_bytes=max_bytes)
        return
    text = _read_text(path)
    if isinstance(text, Rejected):
        yield text
    elif suffix in (".html", ".htm"):
        yield _document_from_html(path, text)
    else:
        yield _document_from_txt(path, text)


def _read_text(path: Path) -> str | Rejected:
    try:
        data = path.read_bytes()
    except OSError as e:
        return Rejected(str(path), f"cannot read: {e.strerror}")
    return decode(data, str(path))


def decode(data: bytes, source: str) -> str | Rejected:
    """UTF-8 text from bytes, or a Rejected saying why not (binary, not UTF-8, nothing but white space)."""
    head = data[:8192]
    if b"\x00" in head or _control_ratio(head) > 0.05:
        return Rejected(source, "binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return Rejected(source, f"not valid UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r}); re-encode it as UTF-8")
    if not text.strip():
        return Rejected(source, "empty: no text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    bad = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(data)


@lru_cache(maxsize=1)
def _caption() -> re.Pattern[str]:
    from .lang import SUPPORTED, get_language

    markers = [m for code in SUPPORTED for m in get_language(code).boilerplate.CAPTION_MARKERS]
    return re.compile("|".join(f"(?:{m})" for m in markers), re.IGNORECASE)


def guess_title(text: str) -> str | None:
    """A short first line followed by a blank line (or a short line with no final stop) is the title; an
    image caption ("X (left) with Y (right)") is not."""
    first, _, rest = text.partition("\n")
    if not rest or len(first) > 200 or _caption().search(first.strip()):
        return None
    if rest.startswith("\n") or (len(first) < 120 and not first.rstrip().endswith((".", ":", "!", "?"))):
        return first.strip() or None
    return None


def _document_from_txt(path: Path, text: str) -> Document:
    return Document(id=path.name, text=text, title=guess_title(text), source=str(path))


def _document_from_html(path: Path, html: str) -> Document | Rejected:
    return document_from_html(html, doc_id=path.name, source=str(path))


def document_from_html(html: str, *, doc_id: str, source: str, url: str | None = None) -> Document | Rejected:
    """The article in a web page (main text, title, date, language via trafilatura), or why there is none.
    ``url``: where the page was fetched, used when the page does not name its own."""
    import trafilatura  # imported here: 0.5 s, and only HTML needs it

    try:
        res = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          favor_precision=True)
    except Exception as e:  # trafilatura raises assorted errors on broken markup; the reason goes to the user
        return Rejected(source, f"HTML could not be parsed ({type(e).__name__}: {e})")
    meta = res.as_dict() if hasattr(res, "as_dict") else (res or {})
    body = (meta.get("text") or "").strip()
    if not body:
        return Rejected(source, "HTML has no article text")
    title = (meta.get("title") or "").strip() or None
    text = f"{title}\n\n{body}\n" if title else body + "\n"
    return Document(id=doc_id, text=text, title=title, url=meta.get("url") or url or None,
                    published=meta.get("date") or None, lang=meta.get("language") or None, source=source)


def _read_jsonl(path: Path, *, max_bytes: int) -> Iterator[Document | Rejected]:
    try:
        handle = path.open("rb")
    except OSError as e:
        yield Rejected(str(path), f"cannot read: {e.strerror}")
        return
    with handle:
        for n, raw in enumerate(_bounded_lines(handle, max_bytes), 1):
            where = f"{path}:{n}"
            if raw is None:
                yield Rejected(where, f"line too large (limit {max_bytes / 1e6:.1f} MB per article)")
                continue
            if not raw.strip():
                continue
            line = decode(raw, where)
            if isinstance(line, Rejected):
                yield line
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                yield Rejected(where, f"not valid JSON ({e.msg} at column {e.colno})")
                continue
            yield document_from_record(rec, where)


def _bounded_lines(handle: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Lines of a binary file, None for one longer than ``max_bytes``; never holds more than that in memory."""
    max_bytes = max(max_bytes, 0)  # readline(0) would read nothing and end the file silently
    while raw := handle.readline(max_bytes + 1):
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # skip the rest of the over-long line in 1 MB steps
            yield None
        else:
            yield raw


def document_from_record(rec: object, source: str) -> Document | Rejected:
    """A Document from a JSON object with ``id``, ``text`` and optional ``title``, ``published``, ``url``, ``lang``."""
    if not isinstance(rec, dict):
        return Rejected(source, "not a JSON object")
    text, doc_id = rec.get("text"), rec.get("id")
    if not isinstance(text, str) or not text.strip():
        return Rejected(source, "no 'text' field with article text")
    if doc_id is None or isinstance(doc_id, (dict, list)) or str(doc_id).strip() == "":
        return Rejected(source, "no 'id' field")
    opt = {k: (str(rec[k]) if rec.get(k) not in (None, "") else None) for k in ("title", "published", "url", "lang")}
    text = text.replace("\r\n", "\n")
    opt["title"] = opt["title"] or guess_title(text)
    return Document(id=str(doc_id), text=text, source=source, **opt)
