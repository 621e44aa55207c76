"""One ingest at a time per store, across processes: an advisory lock on a file beside a SQLite store, a
PostgreSQL advisory lock (``pg_advisory_lock``, held by a connection of its own) for a PostgreSQL store.

The store's write lock covers one transaction; an ingest is longer (read the story index, analyse, store,
save the index), and two ingests interleaved that way lose each other's stories. Holding this lock for
the whole ingest makes concurrent ingests run one after the other, exactly as if started in turn. The
PostgreSQL lock goes with its connection, so a killed ingest never leaves it held.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import StoreError

__all__ = ["INGEST_LOCK", "ingest_lock", "lock_path"]


def lock_path(db: Path) -> Path:
    """The lock file of a store: ``<store>-lock``, beside SQLite's ``-wal`` and ``-shm`` files."""
    return db.with_name(db.name + "-lock")


INGEST_LOCK = 0x5C5C0003  # the PostgreSQL advisory lock key of an ingest (see succession.store.postgres)


@contextmanager
def ingest_lock(db: str | Path, *, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the store's ingest lock (waiting for another process that holds it; ``on_wait`` is told
    once). Where ``fcntl`` is missing (Windows) there is no lock for SQLite, only SQLite's own."""
    if isinstance(db, str) and db.startswith(("postgresql://", "postgres://")):
        with _pg_lock(db, on_wait):
            yield
        return
    db = Path(db)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    path = lock_path(db)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"cannot lock store {db} for writing ({path}: {exc.strerror or exc})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


@contextmanager
def _pg_lock(url: str, on_wait: Callable[[], None] | None) -> Iterator[None]:
    try:
        import psycopg
    except ImportError as exc:
        raise StoreError("PostgreSQL stores need psycopg: pip install 'succession[postgres]'") from exc

    from .store import describe

    try:
        conn = psycopg.connect(url, autocommit=True)
    except psycopg.Error as exc:
        raise StoreError(f"cannot lock store {describe(url)} for writing: {' '.join(str(exc).split())[:300]}") from None
    try:
        got = conn.execute("SELECT pg_try_advisory_lock(%s)", (INGEST_LOCK,)).fetchone()
        if not (got and got[0]):
            if on_wait is not None:
                on_wait()
            conn.execute("SELECT pg_advisory_lock(%s)", (INGEST_LOCK,))
        yield
    finally:
        conn.close()  # closing releases the lock
