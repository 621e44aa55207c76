"""The part of a SQL store that does not depend on the engine: transactions, metadata and writes.

Backends (:mod:`.sqlite`, :mod:`.postgres`) give a connection whose ``execute(sql, args)`` takes ``?``
placeholders and say how a write and a read transaction begin; everything else, every statement
included, is shared.

Writes: ``add_analyses`` takes articles in batches, one transaction per batch, so a killed ingest leaves
whole articles only and re-running it completes the work. Each article is upserted by its document id:
the same content (``analysis_hash``) changes nothing, new content replaces all of its rows. A bad article
is recorded in ``failures`` and skipped; it never aborts the batch. One writer at a time (SQLite's write
lock, a PostgreSQL advisory lock), waited for up to ``busy_timeout`` seconds. An article that replaces one
read from another source (another file, another upload) is announced in ``IngestReport.moved``.

Every write that changes articles moves ``meta.data_version`` on and records the name keys it touched in
``fusion_dirty``, so the fusion cache (:mod:`.fusion`) is brought up to date for those names only.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from ..errors import StoreError
from ..timeline.fuse import name_key
from ..models import Analysis, Rejected
from ..quote_store import insert_quotes
from . import rows as R
from .base import DEFAULT_BATCH, Failure, IngestReport

GROWN = 5_000  # articles written by one call after which the planner's statistics are refreshed
__all__ = ["Connection", "StoreCore"]

log = logging.getLogger(__name__)


class Connection(Protocol):
    """What the shared code needs of a connection (``sqlite3.Connection`` is one as it is)."""

    @property
    def in_transaction(self) -> bool: ...
    def execute(self, sql: str, args: Sequence[object] = ...) -> Any: ...
    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> Any: ...
    def close(self) -> None: ...


class StoreCore:
    """Transactions, metadata and writes; subclasses set ``_conn`` and the engine's hooks below."""

    path: str
    _conn: Connection
    _errors: tuple[type[BaseException], ...] = ()  # the engine's database errors: an article is rejected

    # -- engine hooks
    def _begin_write(self) -> None:
        """Begin a write transaction, the one writer of the store once it returns."""
        raise NotImplementedError

    def _begin_read(self) -> None:
        """Begin a read transaction that sees one snapshot of the store."""
        raise NotImplementedError

    def _write_failed(self, exc: BaseException) -> StoreError | None:
        """The store's fault (read-only, disk full, gone) as a StoreError; None for anything else."""
        return None

    def _grown(self) -> None:
        """Many rows were just written (a full fusion, a large ingest): refresh the planner's statistics."""

    def order(self, column: str) -> str:
        """``column`` in an ORDER BY, compared by code point in every engine."""
        return column

    # -- plumbing
    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> StoreCore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _snapshot(self) -> Iterator[Connection]:
        """One consistent view for several reads (nested use joins the outer transaction)."""
        if self._conn.in_transaction:
            yield self._conn
            return
        self._begin_read()
        try:
            yield self._conn
        finally:
            if self._conn.in_transaction:
                self._conn.execute("COMMIT")

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction; the write lock is taken at once (one writer)."""
        self._begin_write()
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            fault = self._write_failed(exc)
            if fault is not None:
                raise fault from exc
            raise

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction for the layers that keep their own tables (watch state, alerts)."""
        with self._write() as conn:
            yield conn

    def rows(self, sql: str, args: Sequence[object] = ()) -> list[tuple]:  # type: ignore[type-arg]
        """Rows of a read query, for the layers that keep their own tables."""
        return [tuple(r) for r in self._conn.execute(sql, args).fetchall()]

    def story_state(self) -> dict | None:  # type: ignore[type-arg]
        """The saved story index (succession.across.stories.StoryIndex.to_state()), so that stories grow across
        ingests with stable ids; None before the first."""
        raw = self._meta("story_index")
        if not raw:
            return None
        try:
            state = json.loads(raw)
        except (ValueError, RecursionError) as exc:
            raise StoreError(f"the story index in {self.path} is unreadable ({str(exc)[:100]})") from None
        if not isinstance(state, dict):
            raise StoreError(f"the story index in {self.path} is unreadable (not a JSON object)")
        return state

    def save_story_state(self, state: dict) -> None:  # type: ignore[type-arg]
        with self._write() as conn:
            self._set_meta(conn, "story_index", json.dumps(state, separators=(",", ":")))

    def _meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @staticmethod
    def _set_meta(conn: Connection, key: str, value: str) -> None:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    @staticmethod
    def _touch(conn: Connection) -> None:
        """Move data_version on: the fusion cache is stale from here."""
        conn.execute("INSERT INTO meta (key, value) VALUES ('data_version', '1') "
                     "ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)")

    def counts(self) -> dict[str, int]:
        tables = ("documents", "events", "facts", "entities", "stories", "failures")
        return {t: int(self._conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}

    # -- writes
    def add_analyses(self, analyses: Iterable[Analysis], *, batch_size: int = DEFAULT_BATCH) -> IngestReport:
        """Upsert analyses, ``batch_size`` per transaction; bad ones go to ``failures``."""
        report = IngestReport()
        batch: list[Analysis] = []
        for a in analyses:
            batch.append(a)
            if len(batch) >= max(1, batch_size):
                self._add_batch(batch, report)
                batch = []
        if batch:
            self._add_batch(batch, report)
        if report.added + report.replaced >= GROWN:
            self._grown()
        return report

    def _add_batch(self, batch: list[Analysis], report: IngestReport) -> None:
        with self._write() as conn:
            dirty: set[str] = set()
            before = report.added + report.replaced
            if not self._add_fast(conn, batch, report, dirty):  # one article at a time, a savepoint each
                for a in batch:
                    outcome = self._upsert_one(conn, a, report, dirty)
                    if outcome != "rejected":
                        setattr(report, outcome, getattr(report, outcome) + 1)
            if report.added + report.replaced > before:
                self._touch(conn)
            if dirty:
                conn.executemany("INSERT INTO fusion_dirty (key) VALUES (?) ON CONFLICT DO NOTHING",
                                 [(k,) for k in sorted(dirty)])

    def _add_fast(self, conn: Connection, batch: list[Analysis], report: IngestReport, dirty: set[str]) -> bool:
        """The whole batch in a few statements (a round trip costs more than a row, above all to a database
        server); False, with nothing written, when an article cannot go this way (a duplicate id in the
        batch, a row the database refuses): then each goes on its own."""
        ids = [a.document.id for a in batch if R.problem(a) is None]
        if len(set(ids)) != len(ids):
            return False
        stored = {r[0]: (r[1], r[2]) for part in _parts(ids) for r in conn.execute(
            f"SELECT id, analysis_hash, source FROM documents WHERE id IN ({', '.join('?' * len(part))})", part)}
        todo: list[tuple[Analysis, str, bool]] = []
        rejected: list[tuple[str, str]] = []
        for a in batch:
            problem = R.problem(a)
            if problem is not None:
                rejected.append((R.source_of(a), problem))
                continue
            digest = R.analysis_hash(a)
            row = stored.get(a.document.id)
            if not (row and row[0] == digest):
                todo.append((a, digest, row is not None))
        conn.execute("SAVEPOINT batch")
        try:
            for a, _, replaced in todo:
                if replaced:
                    dirty |= self._keys_of(conn, a.document.id)
                    self._delete_document(conn, a.document.id)
            self._insert_many(conn, [(a, digest) for a, digest, _ in todo])
        except (*self._errors, ValueError, TypeError, AttributeError):
            conn.execute("ROLLBACK TO SAVEPOINT batch")
            conn.execute("RELEASE SAVEPOINT batch")
            dirty.clear()
            return False
        conn.execute("RELEASE SAVEPOINT batch")
        for source, problem in rejected:
            self._failure(conn, source, problem, report)
        for a, _, replaced in todo:
            row = stored.get(a.document.id)
            if row and R.origin(row[1]) != R.origin(a.document.source):
                report.moved.append(Rejected(a.document.source,
                                             f"replaces document {a.document.id!r} stored from {row[1]}"))
            dirty |= _keys_of_analysis(a)
        report.replaced += sum(1 for *_, replaced in todo if replaced)
        report.added += sum(1 for *_, replaced in todo if not replaced)
        report.unchanged += len(batch) - len(rejected) - len(todo)
        return True

    def _upsert_one(self, conn: Connection, a: Analysis, report: IngestReport, dirty: set[str]) -> str:
        problem = R.problem(a)
        if problem is not None:
            self._failure(conn, R.source_of(a), problem, report)
            return "rejected"
        digest = R.analysis_hash(a)
        row = conn.execute("SELECT analysis_hash, source FROM documents WHERE id = ?", (a.document.id,)).fetchone()
        if row and row[0] == digest:
            return "unchanged"
        if row and R.origin(row[1]) != R.origin(a.document.source):
            report.moved.append(Rejected(a.document.source, f"replaces document {a.document.id!r} stored from {row[1]}"))
        conn.execute("SAVEPOINT article")
        try:
            if row:
                dirty |= self._keys_of(conn, a.document.id)
                self._delete_document(conn, a.document.id)
            self._insert(conn, a, digest)
        except (*self._errors, ValueError, TypeError, AttributeError) as exc:
            conn.execute("ROLLBACK TO SAVEPOINT article")
            conn.execute("RELEASE SAVEPOINT article")
            self._failure(conn, a.document.source or a.document.id, f"cannot store: {exc}", report)
            return "rejected"
        conn.execute("RELEASE SAVEPOINT article")
        dirty |= _keys_of_analysis(a)
        return "replaced" if row else "added"

    def _failure(self, conn: Connection, source: str, reason: str, report: IngestReport) -> None:
        log.warning("rejected %s: %s", source, reason)
        conn.execute("INSERT INTO failures (source, reason, time) VALUES (?, ?, ?)", (source, reason, R.now()))
        report.rejected.append(Rejected(source, reason))

    @staticmethod
    def _keys_of(conn: Connection, doc_id: str) -> set[str]:
        """The name keys a stored document's rows carry: fusion must look at them again when it goes."""
        found = conn.execute(
            "SELECT holder_key, org_key FROM events WHERE doc_id = ? UNION "
            "SELECT holder_key, org_key FROM facts WHERE doc_id = ? UNION "
            "SELECT e.name_key, v.variant_key FROM entities e LEFT JOIN entity_variants v ON v.entity_id = e.id "
            "WHERE e.doc_id = ?", (doc_id, doc_id, doc_id)).fetchall()
        return {k for r in found for k in r if k}

    @staticmethod
    def _delete_document(conn: Connection, doc_id: str) -> None:
        # children first, explicitly: SQLite's full-text triggers must see each deleted event row
        conn.execute("DELETE FROM entity_variants WHERE entity_id IN (SELECT id FROM entities WHERE doc_id = ?)",
                     (doc_id,))
        for table in ("entities", "events", "facts", "quotes", "documents"):
            conn.execute(f"DELETE FROM {table} WHERE {'id' if table == 'documents' else 'doc_id'} = ?", (doc_id,))

    def _insert(self, conn: Connection, a: Analysis, digest: str) -> None:
        self._insert_many(conn, [(a, digest)])

    def _insert_many(self, conn: Connection, items: Sequence[tuple[Analysis, str]]) -> None:
        """Every row of the given analyses, one statement per table (entity ids are given here: the
        writer holds the store's write lock)."""
        if not items:
            return
        conn.executemany("INSERT INTO stories (id) VALUES (?) ON CONFLICT DO NOTHING",
                         [(s,) for s in sorted({a.story for a, _ in items if a.story})])
        conn.executemany(
            "INSERT INTO documents (id, content_hash, analysis_hash, text, title, url, lang, published, "
            "published_basis, story, source, given_published, given_lang, extra, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(a.document.id, R.document_hash(a.document), digest, a.document.text, a.document.title,
              a.document.url, a.lang, a.published.value if a.published else None, a.published_basis, a.story,
              a.document.source, a.document.published, a.document.lang, R.extra(a), R.now()) for a, digest in items])
        conn.executemany(
            f"INSERT INTO events (id, doc_id, seq, {R.EVENT_COLS.removeprefix('doc_id, ')}, holder_key, role_key, org_key) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [R.event_row(a.document.id, digest, i, e) for a, digest in items for i, e in enumerate(a.events)])
        conn.executemany(
            f"INSERT INTO facts (id, doc_id, seq, {R.FACT_COLS.removeprefix('doc_id, ')}, holder_key, role_key, org_key) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [R.fact_row(a.document.id, digest, i, f) for a, digest in items for i, f in enumerate(a.facts)])
        insert_quotes(conn, [(a.document.id, digest, a.quotes, R.main_org(a)) for a, digest in items])
        next_id = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM entities").fetchone()[0])
        entities, variants = [], []
        for a, _ in items:
            for i, ent in enumerate(a.entities):
                entities.append((next_id, a.document.id, i, ent.name, ent.kind.value, name_key(ent.name),
                                 json.dumps([R.span_out(s) for s in ent.mentions], ensure_ascii=False)))
                variants += [(next_id, j, v, name_key(v)) for j, v in enumerate(ent.variants)]
                next_id += 1
        conn.executemany("INSERT INTO entities (id, doc_id, seq, name, kind, name_key, mentions) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)", entities)
        conn.executemany("INSERT INTO entity_variants (entity_id, seq, variant, variant_key) VALUES (?, ?, ?, ?)",
                         variants)

    def record_failure(self, source: str, reason: str) -> None:
        """Record an input that was rejected before it became an analysis."""
        self.record_failures([Rejected(source, reason)])

    def record_failures(self, rejected: Sequence[Rejected]) -> None:
        """Record many rejected inputs in one transaction."""
        if not rejected:
            return
        with self._write() as conn:
            now = R.now()
            conn.executemany("INSERT INTO failures (source, reason, time) VALUES (?, ?, ?)",
                             [(str(r.source), str(r.reason), now) for r in rejected])

    def failures(self) -> list[Failure]:
        return [Failure(*r) for r in self._conn.execute("SELECT id, source, reason, time FROM failures ORDER BY id")]


def _parts(ids: Sequence[str], size: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(ids), size):
        yield list(ids[i:i + size])


def _keys_of_analysis(a: Analysis) -> set[str]:
    keys = {name_key(x) for e in a.events for x in (e.holder, e.org)}
    keys |= {name_key(x) for f in a.facts for x in (f.holder, f.org)}
    keys |= {name_key(x) for ent in a.entities for x in (ent.name, *ent.variants)}
    return {k for k in keys if k}

