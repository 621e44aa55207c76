"""The store on PostgreSQL (psycopg 3): several analysts and processes share one database.

The schema and every statement are the SQLite store's (:mod:`.core`, :mod:`.reads`, :mod:`.fusion`,
:mod:`succession.migrations`); this module adds the connection, transactions and full-text search:

- ``?`` placeholders become psycopg's ``%s`` (:class:`PgConnection`), so statements are shared as written;
- a write transaction takes a transaction-level advisory lock first, so writers take turns as in SQLite
  (one article batch per transaction, readers never wait);
- a read snapshot is a ``REPEATABLE READ`` transaction;
- search uses PostgreSQL's text search with the German and English configurations (accents folded).

``postgresql://user@host:port/db?options=-csearch_path%3Dname`` picks a schema; each schema is a store.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from .. import migrations
from ..errors import StoreError
from . import rows as R
from .base import SearchHit
from .reads import SQLStore

__all__ = ["PostgresStore", "PgConnection", "WRITE_LOCK", "is_postgres_url"]

WRITE_LOCK = 0x5C5C0002  # advisory lock key of the one writer (migrations: 0x5C5C0001, ingests: 0x5C5C0003)
_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(_SCHEMES)


@lru_cache(maxsize=512)
def _pg(sql: str, with_args: bool) -> str:
    """A statement with ``?`` placeholders as psycopg takes it (``%`` is literal only without arguments)."""
    return sql.replace("%", "%%").replace("?", "%s") if with_args else sql


class PgConnection:
    """A psycopg connection (autocommit; transactions are begun and ended by statements, as in SQLite)
    that takes the SQLite store's statements."""

    def __init__(self, conn: Any) -> None:
        self.raw = conn

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return bool(self.raw.info.transaction_status != TransactionStatus.IDLE)

    def execute(self, sql: str, args: Sequence[object] = ()) -> Any:
        cur = self.raw.cursor()
        cur.execute(_pg(sql, bool(args)), tuple(args) if args else None)
        return cur

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> Any:
        cur = self.raw.cursor()
        batch = [tuple(r) for r in rows]
        if batch:
            cur.executemany(_pg(sql, True), batch)
        return cur

    def close(self) -> None:
        self.raw.close()


class PostgresStore(SQLStore):
    """The store in a PostgreSQL database (or one schema of it)."""

    def __init__(self, url: str, *, busy_timeout: float = 30.0, check_same_thread: bool = True) -> None:
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - psycopg is the 'postgres' extra
            raise StoreError("PostgreSQL stores need psycopg: pip install 'succession[postgres]'") from exc
        self.path = url
        self._errors = (psycopg.Error,)
        self._busy = busy_timeout
        try:
            raw = psycopg.connect(url, autocommit=True, connect_timeout=max(1, int(busy_timeout)))
        except psycopg.Error as exc:
            raise StoreError(f"cannot open store {_shown(url)}: {_why(exc)}") from None
        self._conn = PgConnection(raw)
        try:
            # waits end with an error instead of hanging an ingest or a request forever
            self._conn.execute(f"SET lock_timeout = '{int(busy_timeout * 1000)}ms'")
            migrations.apply_postgres(self._conn)
        except psycopg.Error as exc:
            raw.close()
            raise StoreError(f"cannot open store {_shown(url)}: {_why(exc)}") from None

    def __enter__(self) -> PostgresStore:
        return self

    def _begin_write(self) -> None:
        import psycopg

        try:
            self._conn.execute("BEGIN")
            self._conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
        except psycopg.Error as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise StoreError(f"store {_shown(self.path)} is busy or read-only: {_why(exc)}") from exc

    def _begin_read(self) -> None:
        self._conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")

    def _write_failed(self, exc: BaseException) -> StoreError | None:
        import psycopg

        if isinstance(exc, (psycopg.OperationalError, psycopg.errors.ReadOnlySqlTransaction,
                            psycopg.errors.InsufficientPrivilege)):
            return StoreError(f"cannot write to store {_shown(self.path)}: {_why(exc)}")
        return None

    def _grown(self) -> None:
        # a table filled in one go still has the statistics of an empty one until autovacuum gets to it:
        # the planner would scan it whole for every lookup (seconds per incremental fusion at 100,000 events)
        self._conn.execute("ANALYZE documents, events, facts, entities, entity_variants, fused_tenures, "
                           "fused_events, fused_conflicts, fused_aliases")

    def _stream(self, sql: str, args: Sequence[object] = ()) -> Iterator[tuple]:  # type: ignore[type-arg]
        # a server-side cursor in the read snapshot's transaction: the rows cross a page at a time, and
        # neither psycopg nor libpq holds the whole result (a client-side cursor would)
        with self._snapshot():
            with self._conn.raw.cursor(name=f"succession_{uuid.uuid4().hex[:12]}") as cur:
                cur.execute(_pg(sql, bool(args)), tuple(args) if args else None)
                while rows := cur.fetchmany(self.stream_page):
                    yield from rows

    def order(self, column: str) -> str:
        return f'{column} COLLATE "C"'  # code point order, as SQLite and Python compare, whatever the locale

    def integrity_check(self) -> str:
        self._conn.execute("SELECT 1").fetchone()
        return "ok"

    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]:
        """Articles and event evidence matching every word of ``text``, stemmed in German or English
        (accent-insensitive); the words go in as plain text, never as query syntax."""
        words = " ".join(R.fts_words(text))
        if not words:
            return []
        query = ("WITH w AS (SELECT plainto_tsquery('succession_de', ?) AS de, plainto_tsquery('succession_en', ?) AS en,"
                 " plainto_tsquery('succession_de', ?) || plainto_tsquery('succession_en', ?) AS q) ")
        docs = self._conn.execute(
            f"{query}SELECT d.id, ts_headline(CASE WHEN d.lang = 'de' THEN 'succession_de' ELSE 'succession_en' END"
            "::regconfig, left(d.text, 100000), w.q, 'StartSel=[, StopSel=], MaxWords=12, MinWords=4, "
            "ShortWord=2'), ts_rank(d.fts, w.q) AS score "
            "FROM documents d, w WHERE d.fts @@ w.q ORDER BY score DESC, d.id LIMIT ?",
            (words,) * 4 + (limit,)).fetchall()
        events = self._conn.execute(
            f"{query}SELECT e.id, e.doc_id, e.ev_text, greatest(ts_rank(e.fts_de, w.de), ts_rank(e.fts_en, w.en)) "
            "AS score FROM events e, w WHERE e.fts_de @@ w.de OR e.fts_en @@ w.en ORDER BY score DESC, e.id LIMIT ?",
            (words,) * 4 + (limit,)).fetchall()
        hits = [SearchHit("document", r[0], r[0], r[1], float(r[2])) for r in docs]
        hits += [SearchHit("event", r[0], r[1], r[2], float(r[3])) for r in events]
        return sorted(hits, key=lambda h: (-h.score, h.kind, h.id))[:limit]


def _why(exc: BaseException) -> str:
    """psycopg's message on one line (it spans several), shortened."""
    return " ".join(str(exc).split())[:300]


def _shown(url: str) -> str:
    """A store URL without its password, for messages."""
    head, sep, tail = url.partition("://")
    if "@" in tail:
        cred, at, rest = tail.rpartition("@")
        tail = cred.split(":", 1)[0] + at + rest
    return head + sep + tail
