"""Persistent store of analyses and the fused timeline.

:class:`Store` is the interface the query, export, CLI and HTTP layers use. Two engines implement it with
the same schema (:mod:`succession.migrations`) and the same statements (:class:`SQLStore`):

- :class:`SQLiteStore`: one file (WAL, FTS5), the embedded default;
- :class:`PostgresStore`: a PostgreSQL database (psycopg 3), for several processes and analysts at once.

:func:`open_store` picks one from what it is given: a ``postgresql://`` URL or a path. Reads that take more
than one statement run in one read transaction, so a commit in between can never pair rows of two versions
of the store. The fused timeline is cached in ``fused_*`` tables and brought up to date, for the names a
write touched only, by the next read that needs it (:mod:`.fusion`).
"""
from __future__ import annotations

import sqlite3  # noqa: F401  (tests reach sqlite3 through this package, as through the module it was)
from pathlib import Path

from .base import DEFAULT_BATCH, DocInfo, Failure, IngestReport, SearchHit, Store
from .postgres import PostgresStore, is_postgres_url
from .reads import SQLStore
from .sqlite import SQLiteStore

__all__ = ["DEFAULT_BATCH", "DocInfo", "Failure", "IngestReport", "PostgresStore", "SQLStore", "SQLiteStore",
           "SearchHit", "Store", "describe", "is_postgres_url", "open_store", "store_exists"]


def open_store(target: str | Path = ":memory:", **options: float | bool) -> SQLStore:
    """The store at ``target``: a ``postgresql://`` URL, else a SQLite file (or ':memory:')."""
    if is_postgres_url(target):
        return PostgresStore(str(target), **options)  # type: ignore[arg-type]
    return SQLiteStore(target, **options)  # type: ignore[arg-type]


def store_exists(target: str | Path) -> bool:
    """Whether there is a store to query at ``target`` (a database server is asked when opened)."""
    return is_postgres_url(target) or str(target) == ":memory:" or Path(target).exists()


def describe(target: str | Path) -> str:
    """``target`` as messages show it (a URL without its password)."""
    from .postgres import _shown

    return _shown(str(target)) if is_postgres_url(target) else str(target)
