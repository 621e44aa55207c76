"""Reading inputs: plain text, HTML and JSON Lines files or folders, into ``Document``s.

Junk never aborts a run: each unusable input (binary, not UTF-8, empty, too large, malformed or hostile
JSON, HTML without an article, unreadable, a FIFO, a symbolic-link loop) becomes one ``Rejected`` naming
the input (and line), and reading goes on. Names in a ``Rejected`` are escaped (``sanitize.printable``).

Document ids: a file named directly is its file name (``report.txt``); a file found in a folder is its
path relative to that folder, with ``/`` (``y2024/report.txt``; a file at the top of the folder is
again its name); a JSON Lines record is its ``id`` field.
"""
from __future__ import annotations

import json
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from ..models import Document, Rejected
from ..sanitize import clean_text, first_surrogate, has_controls, printable

__all__ = ["SUFFIXES", "DEFAULT_MAX_BYTES", "MAX_ID_CHARS", "MAX_TITLE_CHARS", "iter_inputs", "read_file",
           "document_from_html", "document_from_record", "decode", "guess_title"]

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz")
DEFAULT_MAX_BYTES = 5_000_000  # one article; a JSON Lines file may be larger (checked per line)
MAX_JSONL_BYTES = 2_000_000_000
MAX_ID_CHARS = 500
MAX_TITLE_CHARS = 300
_MAX_META_CHARS = {"url": 2000, "published": 100, "lang": 35}  # longer values are not metadata: dropped
_RECORD_FIELDS = ("id", "text", "title", "published", "url", "lang")


def iter_inputs(paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES
                ) -> Iterator[Document | Rejected]:
    """Every document in the given files and folders (folders recursively, in sorted order)."""
    for raw in paths:
        path = Path(raw)
        try:
            is_dir, is_file, exists = path.is_dir(), path.is_file(), path.exists()
        except OSError as e:  # a name too long, a symbolic-link loop
            yield Rejected(printable(str(path)), f"cannot read: {e.strerror or e}")
            continue
        if is_dir:
            for item in _walk(path):
                if isinstance(item, Rejected):
                    yield item
                else:
                    rel = item.relative_to(path).as_posix()
                    yield from _read_supported(item, rel, max_bytes=max_bytes)
        elif is_file:
            yield from _read_supported(path, path.name, max_bytes=max_bytes)
        elif exists:
            yield Rejected(printable(str(path)), "not a regular file or folder")
        elif path.is_symlink():
            yield Rejected(printable(str(path)), "broken symbolic link")
        else:
            yield Rejected(printable(str(path)), "no such file or folder")


def _walk(root: Path) -> Iterator[Path | Rejected]:
    """Files under a folder, sorted by path; hidden files and folders (.git, .cache) left out. Symbolic
    links are followed, each folder read once (a link back up is a loop, reported, not followed);
    unreadable folders, FIFOs and broken links are reported."""
    found: list[tuple[tuple[str, ...], Path | Rejected]] = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
            if (st.st_dev, st.st_ino) in seen:
                found.append((_key(root, folder), Rejected(printable(str(folder)),
                              "folder already read (a symbolic-link loop or a second link to it); not read again")))
                continue
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as e:
            found.append((_key(root, folder), Rejected(printable(str(folder)), f"cannot read folder: {e.strerror or e}")))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError as e:
                found.append((_key(root, path), Rejected(printable(str(path)), f"cannot read: {e.strerror or e}")))
                continue
            if is_dir:
                stack.append(path)
            elif is_file:
                found.append((_key(root, path), path))
            elif entry.is_symlink():
                found.append((_key(root, path), Rejected(printable(str(path)), _link_problem(path))))
            else:
                found.append((_key(root, path), Rejected(printable(str(path)), "not a regular file or folder")))
    found.sort(key=lambda kv: kv[0])
    return iter([item for _, item in found])


def _key(root: Path, path: Path) -> tuple[str, ...]:
    return path.relative_to(root).parts


def _link_problem(path: Path) -> str:
    try:
        path.stat()
    except OSError as e:
        return f"broken symbolic link ({e.strerror or e})"
    return "symbolic link to something that is not a regular file or folder"


def _read_supported(path: Path, doc_id: str, *, max_bytes: int) -> Iterator[Document | Rejected]:
    from .warc import is_warc, read_warc

    name = str(path)
    if has_controls(name):
        why = "is not valid UTF-8" if first_surrogate(name) is not None else "holds control characters"
        yield Rejected(printable(name), f"the file name {why}; rename the file")
    elif is_warc(path):  # a crawl archive holds many articles: read record by record
        yield from read_warc(path, max_bytes=max_bytes)
    elif path.suffix.lower() in SUFFIXES:
        yield from read_file(path, max_bytes=max_bytes, doc_id=doc_id)
    else:
        yield Rejected(name, f"not a supported input type (only {', '.join(SUFFIXES)})")


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, doc_id: str | None = None
              ) -> Iterator[Document | Rejected]:
    """The documents in one file (one, or one per JSON Lines record). ``doc_id``: the id of a .txt or .html
    document (default: the file name)."""
    suffix = path.suffix.lower()
    limit = MAX_JSONL_BYTES if suffix == ".jsonl" else max_bytes
    source = printable(str(path))
    handle = _open_regular(path)
    if isinstance(handle, str):
        yield Rejected(source, handle)
        return
    with handle:
        size = os.fstat(handle.fileno()).st_size
        if size == 0:
            yield Rejected(source, "empty file")
            return
        if size > limit:
            yield Rejected(source, f"too large: {size / 1e6:.1f} MB (limit {limit / 1e6:.1f} MB per article)")
            return
        if suffix == ".jsonl":
            yield from _read_jsonl(handle, source, max_bytes=max_bytes)
            return
        try:
            data = handle.read(limit + 1)
        except OSError as e:
            yield Rejected(source, f"cannot read: {e.strerror or e}")
            return
    text = decode(data, source)
    doc_id = path.name if doc_id is None else doc_id
    if isinstance(text, Rejected):
        yield text
    elif suffix in (".html", ".htm"):
        yield _document_from_html(doc_id, source, text)
    else:
        yield _document_from_txt(doc_id, source, text)


def _open_regular(path: Path) -> BinaryIO | str:
    """The file opened for reading, or why not. Never blocks on a FIFO: opened non-blocking, then checked."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        return f"cannot read: {e.strerror or e}"
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            return "not a regular file"
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except OSError as e:
        os.close(fd)
        return f"cannot read: {e.strerror or e}"


def decode(data: bytes, source: str) -> str | Rejected:
    """UTF-8 text from bytes, cleaned (``sanitize.clean_text``), or a Rejected saying why not (binary,
    UTF-16, not UTF-8, nothing but white space)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return Rejected(source, "UTF-16 text; re-encode it as UTF-8")
    head = data[:8192]
    if b"\x00" in head or _control_ratio(head) > 0.05:
        return Rejected(source, "binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return Rejected(source, f"not valid UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r}); re-encode it as UTF-8")
    text, _ = clean_text(text)
    if not text.strip():
        return Rejected(source, "empty: no text")
    return text


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    bad = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(data)


@lru_cache(maxsize=1)
def _caption() -> re.Pattern[str]:
    from ..lang import SUPPORTED, get_language

    markers = [m for code in SUPPORTED for m in get_language(code).boilerplate.CAPTION_MARKERS]
    return re.compile("|".join(f"(?:{m})" for m in markers), re.IGNORECASE)


def guess_title(text: str) -> str | None:
    """A short first line followed by a blank line (or a short line with no final stop) is the title; an
    image caption ("X (left) with Y (right)") is not."""
    first, _, rest = text[:1000].partition("\n")
    if not rest or len(first) > 200 or _caption().search(first.strip()):
        return None
    if rest.startswith("\n") or (len(first) < 120 and not first.rstrip().endswith((".", ":", "!", "?"))):
        return first.strip() or None
    return None


def _short_title(title: str | None) -> str | None:
    """A title on one line, at most ``MAX_TITLE_CHARS`` long (a longer one is cut at a word)."""
    if not title:
        return None
    title = " ".join(title.split())
    if len(title) > MAX_TITLE_CHARS:
        title = title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0].rstrip() + "…"
    return title or None


def _document_from_txt(doc_id: str, source: str, text: str) -> Document:
    return Document(id=doc_id, text=text, title=guess_title(text), source=source)


def _document_from_html(doc_id: str, source: str, html: str) -> Document | Rejected:
    return document_from_html(html, doc_id=doc_id, source=source)


def document_from_html(html: str, *, doc_id: str, source: str, url: str | None = None) -> Document | Rejected:
    """The article in a web page (main text, title, date, language via trafilatura), or why there is none.
    ``url``: where the page was fetched, used when the page does not name its own."""
    import trafilatura  # imported here: 0.5 s, and only HTML needs it
    from trafilatura.settings import set_date_params

    if not log.isEnabledFor(logging.DEBUG):  # its warnings on broken pages would come on top of our one line
        logging.getLogger("trafilatura").setLevel(logging.ERROR)

    # the date only from what the page states (meta tags, <time>, JSON-LD, its URL): no search of the
    # text, which takes "© 2024" in a footer or "since 2001" in the body for a publication date
    dates = {**set_date_params(False), "extensive_search": False}
    try:
        res = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          favor_precision=True, date_extraction_params=dates)
    except (Exception, RecursionError) as e:  # trafilatura raises assorted errors on broken markup
        return Rejected(source, f"HTML could not be parsed ({type(e).__name__}: {printable(str(e))[:200]})")
    meta = res.as_dict() if hasattr(res, "as_dict") else (res or {})
    body, _ = clean_text((meta.get("text") or "").strip())
    if not body.strip():
        return Rejected(source, "HTML has no article text")
    title = _short_title(clean_text(meta.get("title") or "")[0])
    text = f"{title}\n\n{body}\n" if title else body + "\n"
    return Document(id=doc_id, text=text, title=title, url=_meta(meta.get("url"), "url") or url,
                    published=_meta(meta.get("date"), "published"), lang=_meta(meta.get("language"), "lang"),
                    source=source)


def _meta(value: object, name: str) -> str | None:
    """A metadata string, or None when absent, too long to be what it claims, or not clean text."""
    if value in (None, "") or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    if not text or len(text) > _MAX_META_CHARS[name] or has_controls(text):
        return None
    return text


def _read_jsonl(handle: BinaryIO, source: str, *, max_bytes: int) -> Iterator[Document | Rejected]:
    try:
        for n, raw in enumerate(_bounded_lines(handle, max_bytes), 1):
            where = f"{source}:{n}"
            if raw is None:
                yield Rejected(where, f"line too large (limit {max_bytes / 1e6:.1f} MB per article)")
                continue
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError as e:
                yield Rejected(where, f"not valid UTF-8 (byte {e.start}: {raw[e.start:e.start + 1]!r}); "
                                      "re-encode it as UTF-8")
                continue
            yield _record_from_line(line, where)
    except OSError as e:
        yield Rejected(source, f"cannot read further: {e.strerror or e}")


def _record_from_line(line: str, where: str) -> Document | Rejected:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        return Rejected(where, f"not valid JSON ({e.msg} at column {e.colno})")
    except RecursionError:
        return Rejected(where, "not usable JSON: nested too deeply")
    except ValueError as e:  # an integer of thousands of digits
        return Rejected(where, f"not usable JSON: {printable(str(e)).split(';')[0]}")
    return document_from_record(rec, where)


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
    if doc_id is None or isinstance(doc_id, (dict, list, bool, float)) or str(doc_id).strip() == "":
        return Rejected(source, "no 'id' field (a string or an integer)")
    doc_id = str(doc_id)
    for name in _RECORD_FIELDS:
        value = rec.get(name)
        if isinstance(value, str) and (pos := first_surrogate(value)) is not None:
            return Rejected(source, f"field {name!r} holds a lone surrogate ({printable(value[pos])}) at "
                                    f"character {pos}: not text")
    if len(doc_id) > MAX_ID_CHARS:
        return Rejected(source, f"'id' is {len(doc_id):,} characters long (at most {MAX_ID_CHARS})")
    if has_controls(doc_id):
        return Rejected(source, f"'id' holds control characters ({printable(doc_id)[:80]})")
    text, _ = clean_text(text)
    if not text.strip():
        return Rejected(source, "no 'text' field with article text")
    title = rec.get("title")
    title = _short_title(clean_text(str(title))[0]) if title not in (None, "") and not isinstance(
        title, (dict, list)) else None
    return Document(id=doc_id, text=text, source=source, title=title or guess_title(text),
                    url=_meta(rec.get("url"), "url"), published=_meta(rec.get("published"), "published"),
                    lang=_meta(rec.get("lang"), "lang"))
