"""A small pool of store connections shared by the server's request threads.

Connections (SQLite or PostgreSQL) are cheap but not free to open (migrations are checked on each), and
one connection must not be used by two threads at once; the pool hands each request its own and takes it
back. Readers run beside the one writer (SQLite's WAL, PostgreSQL's snapshots).
"""
from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreError
from ..store import SQLStore, describe, open_store

__all__ = ["StorePool"]

log = logging.getLogger(__name__)


class StorePool:
    """Up to ``size`` open stores on one store; ``borrow()`` lends one to the calling thread."""

    def __init__(self, path: str | Path, size: int = 4, *, wait: float = 30.0) -> None:
        self.path = str(path)
        # ':memory:' is a different database on every connection: one connection only
        self.size = 1 if self.path == ":memory:" else max(1, size)
        self._wait = wait
        self._free: queue.LifoQueue[SQLStore] = queue.LifoQueue()
        self._all: list[SQLStore] = []
        self._lock = threading.Lock()

    def _open(self) -> SQLStore | None:
        with self._lock:
            if len(self._all) >= self.size:
                return None
            store = open_store(self.path, check_same_thread=False)
            self._all.append(store)
            return store

    def _take(self) -> SQLStore:
        try:
            return self._free.get_nowait()
        except queue.Empty:
            pass
        store = self._open()
        if store is not None:
            return store
        try:
            return self._free.get(timeout=self._wait)
        except queue.Empty:
            raise StoreError(f"store {describe(self.path)} is busy: no connection free after {self._wait:.0f} s") from None

    @contextmanager
    def borrow(self) -> Iterator[SQLStore]:
        store = self._take()
        try:
            yield store
        finally:
            self._free.put(store)

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()
        while not self._free.empty():
            self._free.get_nowait()
