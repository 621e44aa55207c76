"""One ingest at a time per store, across processes: an advisory lock on a file beside the store.

SQLite's write lock covers one transaction; an ingest is longer (read the story index, analyse, store,
save the index), and two ingests interleaved that way lose each other's stories. Holding this lock for
the whole ingest makes concurrent ingests run one after the other, exactly as if started in turn.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import StoreError

__all__ = ["ingest_lock", "lock_path"]


def lock_path(db: Path) -> Path:
    """The lock file of a store: ``<store>-lock``, beside SQLite's ``-wal`` and ``-shm`` files."""
    return db.with_name(db.name + "-lock")


@contextmanager
def ingest_lock(db: Path, *, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the store's ingest lock (waiting for another process that holds it; ``on_wait`` is told
    once). Where ``fcntl`` is missing (Windows) there is no lock, only SQLite's."""
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
