"""Distributed extraction on Dask: the per-article stages run on workers, everything else stays here.

``dask_runner(workers=N)`` starts a ``LocalCluster`` (N worker processes, one thread each: the models
are not thread-parallel, and more threads than cores only slow a busy machine down);
``dask_runner(scheduler="tcp://host:8786")`` joins a running cluster. The runner it yields is a
``succession.api.BatchRunner``: ``analyse_documents(docs, runner=...)`` sends batches of documents to the
workers and takes back each batch's analyses plus each article's story sketch (its sentence vectors,
MinHash, names and figures: the part of story grouping that needs one article only). Story grouping
itself (comparing the sketches), name resolution and storing stay in the client, so the store is written
from one place only.

A worker that dies loses its batches; the scheduler runs them again elsewhere and a batch that comes
back twice counts once (and the store's content hashes would keep a second copy out anyway). A batch
that kills workers again and again is split, and a single article that does is rejected with the reason.
The models load once per worker process (``ModelsPlugin``: at its start, then cached for the life of
the process), never per batch; ``worker_stats`` reports the counts.
"""
from __future__ import annotations

import logging
import os
import resource
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import ClusterError, SuccessionError
from .models import Analysis, Document, Rejected

try:  # the plugin's base class; without Dask the module still imports, and dask_runner says what is missing
    from distributed import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover - Dask is in the test extra
    _PluginBase = object  # type: ignore[assignment,misc]

if TYPE_CHECKING:
    from distributed import Client

    from .across.stories import StoryConfig

__all__ = ["BatchResult", "ClusterError", "DaskRunner", "LOCAL_CONFIG", "ModelsPlugin", "analyse_remote",
           "dask_runner", "warm_up", "worker_stats"]

log = logging.getLogger(__name__)

# Dask's own periodic work, made rarer for a LocalCluster (whose scheduler and nannies run in this process):
# idle, a cluster of two workers used 1.4 CPU-s per 30 s here and 0.95 in each worker by default (a stack
# sample every 10 ms for the dashboard's profile, the event loops' 20 ms ticks, a nanny's memory check every
# 100 ms, system metrics every 500 ms, work stealing every second) against 0.2 and 0.1 with these. On two cores
# that is CPU taken from the workers. Tasks here are independent and queued by the scheduler (a worker gets
# one when it has a free thread), so there is nothing to steal; memory is still checked every second.
LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing": False,
}
DEFAULT_BATCH = 64  # articles per task: the named-entity model runs once per batch, so not much smaller
_ENCODER_THREADS = 1  # one thread per worker process; more would fight the other workers for the cores
_STATS = {"batches": 0, "articles": 0, "warm_ups": 0, "encoders": 0}  # this process's, when it is a worker
_encoder: Any = None


@dataclass(frozen=True)
class BatchResult:
    """What a worker sends back for a batch: the analyses (or rejections), in the batch's order, and the
    story sketch of each analysed article by document id (``succession.across.stories.StoryIndex.lend``)."""

    items: tuple[Analysis | Rejected, ...]
    sketches: dict[str, Any]


# ---------------------------------------------------------------------------------- on the workers

def _worker_encoder() -> Any:
    """The process's sentence encoder (one per worker process, for its whole life)."""
    global _encoder
    if _encoder is None:
        from .across.stories import UseEncoder

        _encoder = UseEncoder(threads=_ENCODER_THREADS)
        _STATS["encoders"] += 1
    return _encoder


def warm_up() -> None:
    """Load every model the analysis uses, for every language: done once when a worker starts, so the
    first batches do not pay for it and the counters show one load per model and process."""
    from .lang import SUPPORTED, get_language
    from .extract.language import detect_language
    from .learned import load_event_model
    from .learned.syntax import load_parser
    from .extract.ner import load_ner
    from .quotes import load_models

    for lang in SUPPORTED:
        load_ner(lang)
        load_event_model(get_language(lang).names.EVENT_MODEL)
        load_parser(lang)
        load_models(lang)
    detect_language("warm up")
    try:
        _worker_encoder().encode(["warm up"])
    except SuccessionError as exc:  # no encoder installed: story grouping goes on without vectors
        log.warning("sentence encoder not available on this worker: %s", exc)
    _STATS["warm_ups"] += 1


def worker_stats() -> dict[str, Any]:
    """This process's counters: batches and articles analysed, warm-ups, how often each model was
    actually loaded (the loaders' cache misses: once per language, however many batches ran), peak RSS."""
    from .learned import load_event_model
    from .learned.syntax import load_parser
    from .extract.ner import load_ner
    from .quotes import load_models

    loads = {"ner": load_ner.cache_info().misses, "event_model": load_event_model.cache_info().misses,
             "parser": load_parser.cache_info().misses, "quote_models": load_models.cache_info().misses,
             "sentence_encoder": _STATS["encoders"]}
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    return {"pid": os.getpid(), **_STATS, "loads": loads, "peak_rss_mb": round(peak_mb, 1)}


def _version() -> str:
    from . import __version__

    return __version__


def analyse_remote(docs: Sequence[Document], repeated: frozenset[str], config: StoryConfig | None) -> BatchResult:
    """The task a worker runs: ``succession.api.analyse_batch`` and (``config``) the articles' story sketches."""
    from .api import analyse_batch

    items = tuple(analyse_batch(docs, repeated))
    sketches = _sketches(items, config) if config is not None else {}
    _STATS["batches"] += 1
    _STATS["articles"] += len(docs)
    return BatchResult(items, sketches)


def _sketches(items: Sequence[Analysis | Rejected], config: StoryConfig) -> dict[str, Any]:
    """Each analysed article's story sketch, as the client's story index would compute it (the chunks are
    cut by the index's own, private, helpers); none without a sentence encoder (the client then sketches)."""
    from .across.sketches import _article_text, _chunks, _sketches

    analyses = [a for a in items if isinstance(a, Analysis)]
    chunks = sorted({c for a in analyses for c in _chunks(*_article_text(a), config)})
    try:
        rows = _worker_encoder().encode(chunks) if chunks else np.zeros((0, 0), dtype=np.float32)
    except SuccessionError:
        return {}
    # the vectors of the batch's distinct chunks, encoded together, make each article's mean vector
    vectors = _Vectors(dict(zip(chunks, np.asarray(rows, dtype=np.float32))))
    return {sk.doc_id: sk for sk in _sketches(analyses, vectors, config)}


class _Vectors:
    """An encoder serving vectors computed already (every text asked for must be among them)."""

    def __init__(self, vectors: dict[str, np.ndarray]) -> None:
        self._vectors = vectors

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        from .across.stories import DIM

        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.stack([self._vectors[t] for t in texts])


class ModelsPlugin(_PluginBase):  # type: ignore[misc,valid-type]
    """Loads the models when a worker starts (and when a restarted worker joins again)."""

    name = "succession-models"

    def setup(self, worker: Any) -> None:
        warm_up()


# ------------------------------------------------------------------------------------ in the client

class _Tasks:
    """The batches of one run on the cluster: submitted, taken back, split when one kills workers."""

    def __init__(self, runner: DaskRunner, repeated: frozenset[str], config: StoryConfig | None, done: Any) -> None:
        self.runner, self.repeated, self.config, self.done = runner, repeated, config, done
        self.token = uuid.uuid4().hex[:12]  # task keys unique per run: a re-run never reuses old results
        self.pending: dict[Any, tuple[int, int | None, Sequence[Document]]] = {}  # future -> batch, piece, docs
        self.pieces: dict[int, list[Sequence[Analysis | Rejected] | None]] = {}  # batches split up

    def submit(self, i: int, docs: Sequence[Document], piece: int | None = None) -> None:
        key = f"succession-{self.token}-{i}" + ("" if piece is None else f".{piece}")
        fut = self.runner.client.submit(analyse_remote, list(docs), self.repeated, self.config, key=key, pure=False)
        self.pending[fut] = (i, piece, docs)
        self.done.add(fut)

    def take(self, fut: Any) -> list[tuple[int, Sequence[Analysis | Rejected]]]:
        """The batches a finished future completes (none while a split batch still has pieces out)."""
        from distributed import KilledWorker

        i, piece, docs = self.pending.pop(fut)
        try:
            result: BatchResult = fut.result()
            items: Sequence[Analysis | Rejected] = result.items
            self.runner._sketches.update(result.sketches)
        except KilledWorker as exc:
            if piece is None and len(docs) > 1:  # find the article that kills workers: one by one
                log.warning("a batch of %d articles killed Dask workers; analysing them one by one", len(docs))
                self.pieces[i] = [None] * len(docs)
                for k, doc in enumerate(docs):
                    self.submit(i, [doc], k)
                return []
            # the scheduler gave up after distributed.scheduler.allowed-failures (3) dead workers
            log.warning("a Dask worker died analysing %s, several times: %s", docs[0].id, exc)
            items = [Rejected(d.source or d.id, "a Dask worker died analysing it, several times (see the "
                                                "workers' logs: out of memory?)") for d in docs]
        except Exception as exc:  # noqa: BLE001 - anything else is the cluster's, not an article's, fault
            name = type(exc).__name__
            why = ("the connection to it was lost" if "Cancelled" in name else f"{name}: {str(exc)[:300]}")
            raise ClusterError(f"the Dask cluster at {self.runner.address} could not analyse a batch ({why}); "
                               "nothing was stored") from exc
        finally:
            fut.release()
        if piece is None:
            return [(i, items)]
        self.pieces[i][piece] = items
        if any(p is None for p in self.pieces[i]):
            return []
        return [(i, [item for p in self.pieces.pop(i) for item in p or ()])]


class DaskRunner:
    """Runs batches on a Dask cluster (a ``succession.api.BatchRunner``); get one from ``dask_runner``."""

    def __init__(self, client: Client, *, address: str, batch_size: int = DEFAULT_BATCH,
                 timeout: float | None = None) -> None:
        self.client = client
        self.address = address
        self.batch_size = batch_size
        self.timeout = timeout  # seconds for a whole run; None: no limit
        self._sketches: dict[str, Any] = {}

    def workers(self) -> int:
        try:
            return len(self.client.scheduler_info(n_workers=-1)["workers"])
        except OSError as exc:
            raise ClusterError(f"lost the Dask scheduler at {self.address} ({str(exc)[:200]})") from exc

    def run(self, batches: Sequence[Sequence[Document]], repeated: frozenset[str],
            config: StoryConfig | None) -> Iterator[tuple[int, Sequence[Analysis | Rejected]]]:
        from distributed import as_completed

        self._sketches = {}
        todo = list(enumerate(batches))[::-1]
        tasks = _Tasks(self, repeated, config, as_completed(loop=self.client.loop, timeout=self.timeout))
        try:
            threads = sum(self.client.nthreads().values()) or 1
            limit = max(4, 2 * threads + 2)  # enough queued to keep every thread busy, not the whole corpus
            while todo and len(tasks.pending) < limit:
                tasks.submit(*todo.pop())
            for fut in tasks.done:
                for i, items in tasks.take(fut):
                    yield i, items
                while todo and len(tasks.pending) < limit:
                    tasks.submit(*todo.pop())
        except TimeoutError as exc:
            raise ClusterError(f"the Dask cluster at {self.address} did not finish the analysis within "
                               f"{self.timeout:g} s; nothing was stored") from exc
        except OSError as exc:  # Dask's CommClosedError is one: the scheduler went away
            raise ClusterError(f"lost the Dask scheduler at {self.address} ({str(exc)[:200]}); "
                               "nothing was stored") from exc
        finally:
            if tasks.pending:  # stopped early (an error, a caller that stopped reading): free the workers
                try:
                    self.client.cancel(list(tasks.pending))
                except (RuntimeError, OSError):  # the client was closed already: nothing left to free
                    pass

    def story_sketches(self) -> dict[str, Any]:
        """The story sketches the workers computed during the last ``run``, by document id."""
        return self._sketches

    def stats(self) -> dict[str, dict[str, Any]]:
        """Each worker's counters (``worker_stats``), by worker address."""
        return self.client.run(worker_stats)


@contextmanager
def dask_runner(*, workers: int | None = None, scheduler: str | None = None, batch_size: int = DEFAULT_BATCH,
                timeout: float | None = None, connect_timeout: float = 30.0) -> Iterator[DaskRunner]:
    """A runner on a new ``LocalCluster`` of ``workers`` processes, or on the cluster whose scheduler is at
    ``scheduler``; the local cluster is shut down afterwards, a remote one is left running. Raises
    ``ClusterError`` (naming the address) when Dask is missing, the scheduler cannot be reached, it has no
    workers, or its workers cannot run this version of succession."""
    if (workers is None) == (scheduler is None):
        raise ValueError("give either workers or scheduler")
    if workers is not None and workers < 1:
        raise ValueError("workers must be at least 1")
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    try:
        import dask
        from distributed import Client, LocalCluster  # noqa: F401 - the ImportError says Dask is missing
    except ImportError as exc:
        raise ClusterError("distributed extraction needs Dask: pip install 'succession[cluster]'") from exc
    if not log.isEnabledFor(logging.INFO):
        # a restarted worker or a lost scheduler is reported as one ClusterError line (or handled), not as
        # Dask's own log tracebacks; -v shows those
        for name in ("distributed", "distributed.nanny", "distributed.scheduler", "distributed.client"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    address = scheduler or f"a local cluster of {workers} worker{'s' if workers != 1 else ''}"
    with dask.config.set(LOCAL_CONFIG if scheduler is None else {}):
        yield from _runner(workers, scheduler, address, batch_size, timeout, connect_timeout)


def _runner(workers: int | None, scheduler: str | None, address: str, batch_size: int, timeout: float | None,
            connect_timeout: float) -> Iterator[DaskRunner]:
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler is not None:
            client = Client(scheduler, timeout=connect_timeout, set_as_default=False)
        else:
            # processes, one thread each: the models hold the GIL; 127.0.0.1 only, no dashboard
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster, set_as_default=False)
            address = cluster.scheduler_address
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {str(exc)[:300]}") from exc
    try:
        _check_workers(client, address, connect_timeout)
        yield DaskRunner(client, address=address, batch_size=batch_size, timeout=timeout)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _check_workers(client: Client, address: str, timeout: float) -> None:
    """At least one worker, each running this version of succession, with its models loaded."""
    from . import __version__

    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError as exc:
        raise ClusterError(f"the Dask scheduler at {address} has no workers (waited {timeout:g} s); "
                           "start some with: dask worker " + address) from exc
    except OSError as exc:
        raise ClusterError(f"lost the Dask scheduler at {address} ({str(exc)[:200]})") from exc
    try:
        versions = client.run(_version)
    except Exception as exc:  # noqa: BLE001 - an import error on a worker comes back as whatever it was
        raise ClusterError(f"the Dask workers at {address} cannot run succession ({type(exc).__name__}: "
                           f"{str(exc)[:200]}); install it on every worker") from exc
    wrong = sorted(w for w, v in versions.items() if v != __version__)
    if wrong:
        raise ClusterError(f"Dask workers at {address} run another version of succession than {__version__} "
                           f"({', '.join(wrong[:3])}); install the same version everywhere")
    try:
        client.register_plugin(ModelsPlugin(), name=ModelsPlugin.name)
    except Exception as exc:  # noqa: BLE001 - as above
        raise ClusterError(f"the Dask workers at {address} cannot load succession's models "
                           f"({type(exc).__name__}: {str(exc)[:200]})") from exc
