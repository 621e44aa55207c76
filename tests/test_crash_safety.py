"""A killed ingest leaves a consistent store holding whole articles only, and a re-run completes it.

A child process (this module run as a script: the store alone, no NLP) ingests synthetic articles in
batches and then fuses; the test SIGKILLs it at random moments, checks the store after every kill, and
finally compares a completed re-run with an uninterrupted run.
"""
from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # so the child can import test_fuse

from test_fuse import Article  # noqa: E402

from succession.models import Analysis  # noqa: E402

N_ARTICLES = 2500
BATCH = 40
KILLS = 12
TYPES = ("appointed", "departed", "dismissed", "returned")
ROLES = ("CEO", "CFO", "chair", "board member")


def synthetic(i: int) -> Analysis:
    """Article ``i`` of the synthetic corpus: 1-4 events, one role fact, one entity (fictional names)."""
    a = Article(f"doc{i:05d}", f"20{30 + i % 20}-0{1 + i % 9}-1{i % 10}", f"story{i // 3}")
    for k in range(expected_events(i)):
        a.event(TYPES[k], f"Person {i % 397}", ROLES[(i + k) % 4], f"Firm {i % 113}", f"20{30 + i % 20}-0{1 + k}-0{1 + i % 9}")
    a.fact(f"Person {(i * 7) % 397}", "CTO", f"Firm {i % 113}").entity(f"Person {i % 397}", "person", f"P. {i % 397}")
    return a.build()


def expected_events(i: int) -> int:
    return 1 + i % 4


def child(db: str) -> None:
    """Ingest the whole synthetic corpus, then fuse (what the parent kills).

    Prints a line each time a batch has been committed (when the store asks for the first article of
    the next batch), so the parent can aim its kills into the ingest.
    """
    from succession.store import SQLiteStore

    def articles():  # type: ignore[no-untyped-def]
        for i in range(N_ARTICLES):
            if i and i % BATCH == 0:
                print("committed", i, flush=True)
            yield synthetic(i)

    store = SQLiteStore(db)
    store.add_analyses(articles(), batch_size=BATCH)
    print("fusing", flush=True)
    store.ensure_fused()
    store.close()


def _spawn(db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, __file__, str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _kill_after(proc: subprocess.Popen[bytes], *, articles: int | None, delay: float) -> None:
    """SIGKILL once the child has passed ``articles`` (or at once if None), plus ``delay`` seconds."""
    assert proc.stdout is not None
    while articles is not None:
        line = proc.stdout.readline()
        if not line or not line.startswith(b"committed") or int(line.split()[1]) >= articles:
            break  # there, fusing, or finished
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def _check_whole(db: Path) -> int:
    """The store opens cleanly and every stored article has all its rows; returns the article count."""
    from succession.store import SQLiteStore

    store = SQLiteStore(db)  # applies migrations if a kill came before them
    try:
        assert store.integrity_check() == "ok"
        conn = store._conn
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        events = dict(conn.execute("SELECT doc_id, count(*) FROM events GROUP BY doc_id").fetchall())
        facts = dict(conn.execute("SELECT doc_id, count(*) FROM facts GROUP BY doc_id").fetchall())
        docs = [r[0] for r in conn.execute("SELECT id FROM documents")]
        for doc_id in docs:
            i = int(doc_id[3:])
            assert events.get(doc_id) == expected_events(i), doc_id
            assert facts.get(doc_id) == 1, doc_id
        assert set(events) <= set(docs) and set(facts) <= set(docs)
        return len(docs)
    finally:
        store.close()


def _digest(db: Path) -> str:
    conn = sqlite3.connect(db)
    h = hashlib.sha256()
    for sql in ("SELECT id, analysis_hash, story FROM documents ORDER BY id",
                "SELECT id FROM events ORDER BY id", "SELECT id FROM facts ORDER BY id",
                "SELECT doc_id, seq, name FROM entities ORDER BY doc_id, seq",
                "SELECT e.doc_id, v.variant FROM entity_variants v JOIN entities e ON e.id = v.entity_id ORDER BY 1, 2",
                "SELECT id FROM stories ORDER BY id", "SELECT id, payload FROM fused_tenures ORDER BY id",
                "SELECT id, payload FROM fused_events ORDER BY id", "SELECT count(*) FROM failures"):
        for row in conn.execute(sql):
            h.update(repr(row).encode())
    conn.close()
    return h.hexdigest()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_ingest_leaves_whole_articles_and_resumes(tmp_path: Path) -> None:
    reference = tmp_path / "reference.db"
    t0 = time.perf_counter()
    done = _spawn(reference)
    assert done.wait(timeout=120) == 0, done.stderr.read().decode() if done.stderr else ""
    full = time.perf_counter() - t0

    db = tmp_path / "killed.db"
    rng = random.Random(20311)
    seen: list[int] = []
    for k in range(KILLS):
        proc = _spawn(db)
        if k < KILLS - 2:  # into the ingest, a few batches past what is stored, at a random moment
            # spread over the corpus (a busy machine commits more batches before the kill lands), never at its end
            base = (k + 1) * N_ARTICLES // KILLS + rng.randint(-BATCH, BATCH)
            target = min(max(base, (seen[-1] if seen else 0) + BATCH), N_ARTICLES - 3 * BATCH)
            _kill_after(proc, articles=target, delay=rng.uniform(0.0, 0.03))
        else:  # anywhere, fusion included
            _kill_after(proc, articles=None, delay=rng.uniform(0.1, full))
        seen.append(_check_whole(db))
    print("articles stored after each kill:", seen)
    assert sum(0 < n < N_ARTICLES for n in seen) >= KILLS - 2, f"kills did not land mid-ingest: {seen}"
    assert seen == sorted(seen)  # nothing committed is ever lost

    final = _spawn(db)
    assert final.wait(timeout=120) == 0, final.stderr.read().decode() if final.stderr else ""
    assert _check_whole(db) == N_ARTICLES
    assert _digest(db) == _digest(reference)
    for suffix in ("", "-wal", "-shm"):
        assert not (tmp_path / f"killed.db{suffix}").is_dir()


if __name__ == "__main__":
    child(sys.argv[1])
    os._exit(0)
