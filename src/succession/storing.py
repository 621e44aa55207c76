"""One ingest into a store, shared by ``succession ingest`` and ``POST /articles``: continue the store's
story index, analyse, store the analyses and the rejected inputs, save the index, refresh the timeline.

The caller holds the store's ingest lock (:func:`succession.locking.ingest_lock`) from
:func:`load_story_index` to :func:`store_run`, so concurrent ingests, from the command line or over
HTTP, run one after the other and every article joins the one story index.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .errors import StoreError
from .models import Analysis, Rejected
from .store import IngestReport, SQLStore

if TYPE_CHECKING:
    from .across.stories import StoryIndex

__all__ = ["load_story_index", "store_run"]


def load_story_index(store: SQLStore) -> tuple[StoryIndex, str | None]:
    """The store's story index, or a new one when there is none yet, or it is from another version or
    unreadable (then with a note saying so)."""
    from .across.stories import StoryIndex  # numpy and datasketch: only when ingesting

    try:
        state = store.story_state()
        return (StoryIndex.from_state(state) if state else StoryIndex()), None
    except (StoreError, ValueError) as exc:
        return StoryIndex(), f"{exc}: new articles start their own stories"


def store_run(store: SQLStore, analyses: Sequence[Analysis], rejected: Sequence[Rejected],
              stories: StoryIndex | None) -> IngestReport:
    """Store analysed articles and the inputs rejected on the way, save the story index they joined,
    and fuse the timeline again."""
    report = store.add_analyses(analyses)
    if stories is not None:
        store.save_story_state(stories.to_state())
    store.record_failures(list(rejected))
    store.ensure_fused()
    return report
