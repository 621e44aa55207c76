"""The store on one SQLite file (WAL, FTS5 full text); ``":memory:"`` for tests."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from .. import migrations
from ..errors import StoreError
from . import rows as R
from .base import SearchHit
from .reads import SQLStore

__all__ = ["SQLiteStore"]


class SQLiteStore(SQLStore):
    """The embedded default: one file, one writer at a time (SQLite's lock), readers beside it (WAL)."""

    _errors = (sqlite3.Error,)

    def __init__(self, path: str | Path = ":memory:", *, busy_timeout: float = 30.0,
                 check_same_thread: bool = True) -> None:
        self.path = str(path)
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=busy_timeout,
                                         check_same_thread=check_same_thread)
            self._conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL survives a killed process
            migrations.apply(self._conn)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc

    def __enter__(self) -> SQLiteStore:
        return self

    def _begin_write(self) -> None:
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"store {self.path} is busy or read-only: {exc}") from exc

    def _begin_read(self) -> None:
        self._conn.execute("BEGIN")  # WAL: the first read fixes this transaction's snapshot

    def _write_failed(self, exc: BaseException) -> StoreError | None:
        if isinstance(exc, sqlite3.OperationalError):  # read-only, disk full, I/O error: the store's fault
            return StoreError(f"cannot write to store {self.path}: {exc}")
        return None

    def integrity_check(self) -> str:
        return str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])

    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]:
        """Articles and event evidence matching every word of ``text`` (accent-insensitive, FTS5)."""
        query = " ".join(f'"{w}"' for w in R.fts_words(text))  # quoted: user input is never FTS syntax
        if not query:
            return []
        docs = self._conn.execute(
            "SELECT d.id, snippet(documents_fts, 1, '[', ']', '…', 12), bm25(documents_fts) FROM documents_fts "
            "JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ? "
            "ORDER BY bm25(documents_fts) LIMIT ?", (query, limit)).fetchall()
        events = self._conn.execute(
            "SELECT e.id, e.doc_id, e.ev_text, bm25(evidence_fts) FROM evidence_fts "
            "JOIN events e ON e.rowid = evidence_fts.rowid WHERE evidence_fts MATCH ? "
            "ORDER BY bm25(evidence_fts) LIMIT ?", (query, limit)).fetchall()
        hits = [SearchHit("document", r[0], r[0], r[1], -r[2]) for r in docs]
        hits += [SearchHit("event", r[0], r[1], r[2], -r[3]) for r in events]
        return sorted(hits, key=lambda h: (-h.score, h.kind, h.id))[:limit]
