"""The library entry points: read inputs, analyse every document, link them across articles."""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from .extract.clean import repeated_lines
from .sources.files import DEFAULT_MAX_BYTES, iter_inputs
from .lang import SUPPORTED
from .models import Analysis, DateValue, Document, Rejected
from .extract.pipeline import analyse, analyse_many
from .sanitize import printable

if TYPE_CHECKING:
    from .across.stories import StoryConfig

__all__ = ["BatchRunner", "CorpusRun", "analyse_batch", "analyse_documents", "analyse_paths", "extract"]

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]  # (done, total, current document id)


@dataclass
class CorpusRun:
    """The result of one run over a set of inputs."""

    analyses: list[Analysis] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    entities: tuple = ()  # cross-document entities (succession.across.corpus.CorpusEntity), when linked


_BATCH = 64  # documents analysed together (the named-entity model runs once per batch)


class BatchRunner(Protocol):
    """Runs the per-article stages of batches elsewhere, e.g. on Dask workers
    (succession.distributed.DaskRunner); story grouping and name resolution stay in this process."""

    batch_size: int

    def run(self, batches: Sequence[Sequence[Document]], repeated: frozenset[str],
            config: StoryConfig | None) -> Iterator[tuple[int, Sequence[Analysis | Rejected]]]:
        """(batch index, ``analyse_batch`` of it) as batches finish, in any order; a batch may come twice
        (redone after a lost worker). ``config``: the story index's, to compute the articles' sketches with."""
        ...

    def story_sketches(self) -> Mapping[str, object]:
        """The story sketches computed during ``run``, by document id (``StoryIndex.lend``)."""
        ...


def analyse_documents(docs: Sequence[Document], *, on_progress: Progress | None = None, link: bool = True,
                      stories=None, keep_unanalysed: bool = True,  # type: ignore[no-untyped-def]
                      runner: BatchRunner | None = None) -> CorpusRun:
    """Analyse documents, then (``link``) group them into stories and resolve names across them.
    ``stories``: a succession.across.stories.StoryIndex to continue (new articles join its stories; it is
    updated in place). A document whose analysis fails is rejected with the reason, the others go on.
    ``keep_unanalysed=False``: a document in a language succession does not read is rejected too,
    instead of being returned with a warning and nothing found. ``runner``: analyse the batches there
    (the result is the same as here)."""
    repeated = repeated_lines([d.text for d in docs]) if len(docs) >= 3 else frozenset()
    size = runner.batch_size if runner is not None else _BATCH
    batches = [docs[start:start + size] for start in range(0, len(docs), size)]
    if runner is None:
        finished: Iterable[tuple[int, Sequence[Analysis | Rejected]]] = (
            (i, analyse_batch(b, repeated)) for i, b in enumerate(batches))
    else:
        finished = runner.run(batches, repeated, _story_config(stories) if link else None)
    results: dict[int, Sequence[Analysis | Rejected]] = {}
    done = 0
    for i, items in finished:
        if i in results:  # a batch redone after its worker was lost counts once
            continue
        results[i] = items
        for item in items:
            done += 1
            if on_progress:
                on_progress(done, len(docs), item.source if isinstance(item, Rejected) else item.document.id)
    run = CorpusRun()
    for i in range(len(batches)):  # the input order, whatever order the batches finished in
        if i not in results:
            raise RuntimeError(f"batch {i} of {len(batches)} was never analysed")
        for item in results[i]:
            if isinstance(item, Rejected):
                run.rejected.append(item)
            elif not keep_unanalysed and item.lang not in SUPPORTED:
                run.rejected.append(Rejected(item.document.source or item.document.id,
                                             "; ".join(item.warnings) or "not analysed"))
            else:
                run.analyses.append(item)
    if link and run.analyses:
        if runner is None:
            _link(run, repeated, stories)
        else:
            _link_with(runner, run, repeated, stories)
    return run


def _story_config(stories) -> StoryConfig:  # type: ignore[no-untyped-def]
    from .across.stories import StoryConfig

    return stories.config if stories is not None else StoryConfig()


def _link_with(runner: BatchRunner, run: CorpusRun, repeated: frozenset[str], stories=None) -> None:  # type: ignore[no-untyped-def]
    """Link with the story index lent the sketches the runner's workers computed (for this run only)."""
    from .across.stories import StoryIndex

    stories = stories if stories is not None else StoryIndex()
    stories.lend(runner.story_sketches())
    try:
        _link(run, repeated, stories)
    finally:
        stories.lend({})


def analyse_batch(docs: Sequence[Document], repeated: frozenset[str]) -> list[Analysis | Rejected]:
    """Analyses of a batch; if the batch fails, each document alone, so one bad article costs only itself."""
    try:
        return list(analyse_many(docs, repeated=repeated, batch=_BATCH))
    except Exception:  # noqa: BLE001 - retried one by one below, where the failing article is named
        log.debug("batch analysis failed; analysing its %d documents one by one", len(docs), exc_info=True)
    out: list[Analysis | Rejected] = []
    for doc in docs:
        try:
            out.append(analyse(doc, repeated=repeated))
        except Exception as exc:  # noqa: BLE001 - reported as this input's reason; the run goes on
            log.warning("analysing %s failed", printable(doc.id), exc_info=True)
            out.append(Rejected(doc.source or printable(doc.id),
                                f"analysis failed ({type(exc).__name__}: {printable(str(exc))[:200]})"))
    return out


def _link(run: CorpusRun, repeated: frozenset[str], stories=None) -> None:  # type: ignore[no-untyped-def]
    try:
        from .across.corpus import link_corpus
    except ImportError:  # the cross-article layer is optional for single documents
        log.debug("cross-article linking not available")
        return

    def reanalyse(doc: Document, anchor: DateValue) -> Analysis:
        return analyse(doc, repeated=repeated, anchor=anchor)

    result = link_corpus(run.analyses, reanalyse=reanalyse, index=stories)
    analyses = list(result.analyses)
    if any(a.published is None for a in analyses):
        from .across.anchoring import anchor_from_events

        redated = anchor_from_events(analyses, lambda doc, anchor: analyse(doc, repeated=repeated, anchor=anchor,
                                                                            anchor_basis="events"))
        if redated != analyses:  # names and stories again, for the re-analysed articles
            result = link_corpus(redated, reanalyse=reanalyse, index=stories)
            analyses = list(result.analyses)
    run.analyses = analyses
    from .across.variants import sweep_variants

    run.entities = sweep_variants(analyses, result.entities)


def analyse_paths(paths: Iterable[str | os.PathLike[str]], *, on_progress: Progress | None = None,
                  on_rejected: Callable[[Rejected], None] | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                  link: bool = True, stories=None, keep_unanalysed: bool = True,  # type: ignore[no-untyped-def]
                  runner: BatchRunner | None = None) -> CorpusRun:
    """Read files and folders (.txt, .html, .jsonl) and analyse every article in them (``runner``: on a
    cluster, see ``analyse_documents``)."""
    docs, rejected = [], []
    seen: set[str] = set()
    for item in iter_inputs(paths, max_bytes=max_bytes):
        if isinstance(item, Rejected):
            rejected.append(item)
            if on_rejected:
                on_rejected(item)
        elif item.id in seen:
            r = Rejected(item.source, f"duplicate document id {item.id!r}; kept the first")
            rejected.append(r)
            if on_rejected:
                on_rejected(r)
        else:
            seen.add(item.id)
            docs.append(item)
    run = analyse_documents(docs, on_progress=on_progress, link=link, stories=stories,
                            keep_unanalysed=keep_unanalysed, runner=runner)
    if on_rejected:
        for r in run.rejected:
            on_rejected(r)
    run.rejected = rejected + run.rejected
    return run


def extract(paths: Iterable[str | os.PathLike[str]], **kwargs) -> CorpusRun:  # type: ignore[no-untyped-def]
    """Alias of :func:`analyse_paths`: ``succession.extract(["articles/"]).analyses``."""
    return analyse_paths(paths, **kwargs)
