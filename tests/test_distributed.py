"""Distributed extraction on a real Dask cluster (``succession ingest --workers/--scheduler``).

One LocalCluster of two worker processes serves the whole module. The fictional demo corpus goes in
one article per batch, three ways: through the command line with ``--scheduler`` (undisturbed), through
the library with one worker process killed (SIGKILL) while it holds batches, and in this process
without Dask. All three stores must hold the same documents, events, stories and timeline: the lost
batches were analysed again, none twice. The workers must have loaded each model once, however many
batches they ran. Every wait is bounded (a watchdog ends the process rather than hang CI).
"""
from __future__ import annotations

import faulthandler
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import distributed  # noqa: F401 - in the test extra: missing, the module fails (never skips, in CI too)
import pytest

from succession import api
from succession.distributed import DaskRunner, dask_runner
from succession.lang import SUPPORTED
from succession.store import SQLiteStore
from succession.storing import load_story_index, store_run
from storydata import load_articles

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "demo" / "articles"
COMMAND = str(Path(sys.executable).with_name("succession"))
WATCHDOG_S = 300  # the whole module; far above its ~60 s, but a hang must end


@pytest.fixture(scope="module")
def runner() -> Iterator[DaskRunner]:
    faulthandler.dump_traceback_later(WATCHDOG_S, exit=True)
    try:
        with dask_runner(workers=2, batch_size=1, timeout=180, connect_timeout=60) as r:
            yield r
    finally:
        faulthandler.cancel_dump_traceback_later()


def _ingest(db: Path, runner: DaskRunner | None, on_progress=None) -> None:  # type: ignore[no-untyped-def]
    """What ``succession ingest`` does, through the library."""
    with SQLiteStore(db) as store:
        stories, _ = load_story_index(store)
    run = api.analyse_paths([DEMO], stories=stories, keep_unanalysed=False, runner=runner, on_progress=on_progress)
    with SQLiteStore(db) as store:
        store_run(store, run.analyses, run.rejected, stories)


def _content(db: Path) -> dict[str, object]:
    with SQLiteStore(db) as store:
        tl = store.timeline()
        return {"documents": list(store.analyses()), "events": [r.event for r in store.event_reports()],
                "stories": store.stories(), "tenures": tl.tenures, "fused": tl.events, "conflicts": tl.conflicts,
                "failures": [(f.source, f.reason) for f in store.failures()]}


def test_killed_worker_batches_are_redone_without_duplicates(runner: DaskRunner, tmp_path: Path) -> None:
    n_docs = sum(1 for _ in api.iter_inputs([DEMO]))
    assert n_docs >= 10  # enough one-article batches to kill a worker in the middle

    # undisturbed, through the command line on the running cluster
    calm = tmp_path / "calm.db"
    out = subprocess.run([COMMAND, "ingest", str(DEMO), "--db", str(calm), "--scheduler", runner.address,
                          "--batch-size", "1"], capture_output=True, text=True, timeout=240)
    assert out.returncode == 0, out.stderr
    assert f"{n_docs} added" in out.stderr

    # disturbed: once three articles are back, kill a worker that is busy with batches
    killed: dict[str, object] = {}

    def kill_one(done: int, _total: int, _doc: str) -> None:
        if done < 3 or killed:
            return
        busy = {w: keys for w, keys in runner.client.processing().items() if keys}
        worker = sorted(busy)[0] if busy else sorted(runner.client.processing())[0]
        pid = runner.client.run(os.getpid)[worker]
        killed.update(worker=worker, pid=pid, lost=list(busy.get(worker, ())))
        os.kill(pid, signal.SIGKILL)

    rough = tmp_path / "rough.db"
    _ingest(rough, runner, kill_one)
    assert killed and killed["lost"], "no worker was busy when it was killed"
    pids = {s["pid"] for s in runner.stats().values()}
    assert killed["pid"] not in pids  # it really died (its nanny started a new one)

    local = tmp_path / "local.db"
    _ingest(local, None)

    calm_content, rough_content = _content(calm), _content(rough)
    assert len(calm_content["documents"]) == n_docs  # type: ignore[arg-type]
    assert calm_content["events"], "the demo corpus has leadership changes"
    for key in calm_content:
        assert rough_content[key] == calm_content[key], key
    assert _content(local) == calm_content  # and the same as without Dask


def test_models_load_once_per_worker(runner: DaskRunner) -> None:
    api.analyse_paths([DEMO], link=False, runner=runner)
    stats = runner.stats()
    assert len(stats) == 2
    for s in stats.values():
        assert s["loads"]["ner"] == len(SUPPORTED), s  # once per language, not once per batch
        assert s["loads"]["event_model"] <= len(SUPPORTED), s
        assert s["loads"]["sentence_encoder"] <= 1, s
    assert max(s["batches"] for s in stats.values()) > len(SUPPORTED)  # so loading per batch would show


def test_story_sketches_come_from_the_workers(runner: DaskRunner) -> None:
    from succession.across.stories import StoryIndex

    stories = StoryIndex()
    run = api.analyse_paths([DEMO], stories=stories, keep_unanalysed=False, runner=runner)
    work = stories.work()
    assert len(stories) == len(run.analyses) > 0
    assert work["lent"] == len(stories) and work["sketched"] == 0, work  # the client only compares them


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_scheduler_exits_2_and_keeps_the_store(runner: DaskRunner, tmp_path: Path) -> None:
    db = tmp_path / "kept.db"
    with SQLiteStore(db) as store:  # a store with content (fictional analyses, no models needed)
        store_run(store, list(load_articles().values()), [], None)
    before = _content(db)
    assert before["documents"]
    address = f"tcp://127.0.0.1:{_free_port()}"
    out = subprocess.run([COMMAND, "ingest", str(DEMO / "01_grauwald-ceo-steps-down-en.txt"), "--db", str(db),
                          "--scheduler", address, "--connect-timeout", "1"], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 2, out.stderr
    assert address in out.stderr and "Traceback" not in out.stderr
    assert _content(db) == before

    both = subprocess.run([COMMAND, "ingest", str(DEMO), "--db", str(db), "--workers", "2", "--scheduler", address],
                          capture_output=True, text=True, timeout=120)
    assert both.returncode == 2 and "not both" in both.stderr


class _Future:
    def __init__(self, docs: list, kills: bool) -> None:  # type: ignore[type-arg]
        self.docs, self.kills = docs, kills

    def result(self) -> object:
        from distributed import KilledWorker

        from succession.distributed import BatchResult

        if self.kills:
            raise KilledWorker("task", SimpleNamespace(address="tcp://worker:1"), 3)
        return BatchResult(tuple(api.analyse_batch(self.docs, frozenset())), {})

    def release(self) -> None:
        pass


class _Queue(list):  # type: ignore[type-arg]
    """Stands in for as_completed: futures in the order they were added."""

    def add(self, fut: _Future) -> None:
        self.append(fut)


class _Client:
    """Stands in for a Dask client whose workers die on any batch holding the poisoned article."""

    def __init__(self, poison: str) -> None:
        self.poison, self.submitted = poison, 0

    def submit(self, _fn, docs, *_args, **_kw) -> _Future:  # type: ignore[no-untyped-def]
        self.submitted += 1
        return _Future(docs, any(d.id == self.poison for d in docs))


def test_a_batch_that_kills_workers_is_split_and_only_its_culprit_skipped() -> None:
    from succession.distributed import _Tasks
    from succession.models import Document, Rejected

    docs = [Document(id=f"d{i}", text=f"Ostervald Rail said on Monday that sales rose by {i} percent.\n",
                     source=f"d{i}.txt") for i in range(3)]
    queue = _Queue()
    runner = DaskRunner(_Client("d1"), address="tcp://test:1", batch_size=3)  # type: ignore[arg-type]
    tasks = _Tasks(runner, frozenset(), None, queue)
    tasks.submit(0, docs)
    finished = []
    while queue:
        finished += tasks.take(queue.pop(0))
    assert runner.client.submitted == 4  # the batch, then its three articles alone
    [(index, items)] = finished
    assert index == 0 and [getattr(i, "source", None) for i in items if isinstance(i, Rejected)] == ["d1.txt"]
    assert [i.document.id for i in items if not isinstance(i, Rejected)] == ["d0", "d2"]
    assert "worker died" in items[1].reason  # type: ignore[union-attr]
