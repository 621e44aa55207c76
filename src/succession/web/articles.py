"""Articles sent to ``POST /articles``: JSON records or uploaded files become Documents, then analyses.

Parsing is pure (bytes in, ``Document``s and ``Rejected``s out) and reuses the readers of
:mod:`succession.sources.files`, so an upload is read exactly as ``succession ingest`` reads the same file.
"""
from __future__ import annotations

import json
import logging
import re
import tempfile
import threading
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from ..sources.files import SUFFIXES, document_from_record, iter_inputs
from ..locking import ingest_lock
from ..models import Document, Rejected
from ..sanitize import printable
from ..store import IngestReport
from ..storing import load_story_index, store_run
from .pool import StorePool
from .schemas import ArticleIn

__all__ = ["BadArticles", "Parsed", "ingest", "parse_json", "parse_upload"]

log = logging.getLogger(__name__)

_ONE_OR_MANY: TypeAdapter[ArticleIn | list[ArticleIn]] = TypeAdapter(ArticleIn | list[ArticleIn])
_UNSAFE = re.compile(r"[^\w.\-]+")


class BadArticles(ValueError):
    """The request holds no usable article; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, detail: object) -> None:
        super().__init__(str(detail))
        self.status = status
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Parsed:
    documents: tuple[Document, ...]
    rejected: tuple[Rejected, ...]


def parse_json(body: bytes, *, max_articles: int) -> Parsed:
    """One JSON article object, or a list of them."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadArticles(400, f"body is not valid JSON: {exc}") from None
    except RecursionError:
        raise BadArticles(400, "body is not usable JSON: nested too deeply") from None
    except ValueError as exc:  # an integer of thousands of digits
        raise BadArticles(400, f"body is not usable JSON: {str(exc).split(';')[0]}") from None
    try:
        items = _ONE_OR_MANY.validate_python(data)
    except ValidationError as exc:
        raise BadArticles(422, json.loads(exc.json(include_url=False, include_input=False))) from None
    items = items if isinstance(items, list) else [items]
    if not items:
        raise BadArticles(422, "no article in the list")
    if len(items) > max_articles:
        raise BadArticles(422, f"too many articles in one request: {len(items)} (at most {max_articles})")
    found = [document_from_record(a.model_dump(), f"api:{printable(a.id)}") for a in items]
    return _unique(found)


def _safe_name(filename: str | None) -> str:
    """The file's base name with nothing but letters, digits, '.', '-' and '_' (it becomes a path and an id)."""
    base = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", base).strip("._")[:200]
    return name or "upload.txt"


def parse_upload(filename: str | None, data: bytes, *, max_bytes: int) -> Parsed:
    """An uploaded .txt, .html/.htm or .jsonl file, read by the same readers as files on disk."""
    name = _safe_name(filename)
    if Path(name).suffix.lower() not in SUFFIXES:
        raise BadArticles(415, f"unsupported file type {name!r}: send one of {', '.join(SUFFIXES)}")
    with tempfile.TemporaryDirectory(prefix="succession-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        found = [_relabel(item, str(path), f"upload:{name}") for item in iter_inputs([path], max_bytes=max_bytes)]
    return _unique(found)


def _relabel(item: Document | Rejected, path: str, label: str) -> Document | Rejected:
    """Name the upload instead of the temporary file it was read from."""
    return replace(item, source=item.source.replace(path, label))


def _unique(found: Sequence[Document | Rejected]) -> Parsed:
    docs: list[Document] = []
    rejected: list[Rejected] = []
    for item in found:
        if isinstance(item, Rejected):
            rejected.append(item)
        elif any(d.id == item.id for d in docs):
            rejected.append(Rejected(item.source, f"duplicate document id {item.id!r}; kept the first"))
        else:
            docs.append(item)
    if not docs:
        raise BadArticles(422, [{"source": r.source, "reason": r.reason} for r in rejected] or "no article")
    return Parsed(tuple(docs), tuple(rejected))


def ingest(parsed: Parsed, pool: StorePool, lock: threading.Lock) -> IngestReport:
    """Analyse the articles, store them with the inputs rejected on the way, and refresh the timeline.

    One write at a time (``lock``): the pipeline is not shared between threads, and SQLite has one writer.
    The store's ingest lock is held too, so a ``succession ingest`` running at the same time waits (or
    is waited for) and the articles join the store's one story index. A store connection is borrowed
    only to read the index and to store, so reads go on while the articles are analysed."""
    from ..api import analyse_documents  # the NLP pipeline is heavy: loaded on the first write only

    guard = nullcontext() if pool.path == ":memory:" else ingest_lock(pool.path)
    with lock, guard:
        with pool.borrow() as store:
            stories, note = load_story_index(store)
        if note:
            log.warning("%s", note)
        run = analyse_documents(list(parsed.documents), keep_unanalysed=False, stories=stories)
        with pool.borrow() as store:
            report = store_run(store, run.analyses, (*parsed.rejected, *run.rejected), stories)
        report.rejected[:0] = run.rejected  # not analysable (language, failure): said, never half-stored
    log.info("stored %d articles sent over HTTP (%d rejected)", report.added + report.replaced,
             len(parsed.rejected) + len(report.rejected))
    return report
