"""Across articles: group them into stories, date undated ones from their story, name entities once.

``link_corpus`` takes the per-document analyses and returns them with

* ``story`` set (``succession.across.stories``),
* ``published`` filled from the earliest dated story sibling where the article gave none (basis
  "story"), after re-running extraction with that date as anchor so relative dates ("on Wednesday")
  resolve against it (the ``reanalyse`` callback),
* persons and organisations in entities, mentions, events and facts renamed to their corpus-wide
  canonical names (``succession.across.resolve``),

plus the entity table with every variant and the evidence for each merge.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..models import Analysis, DateValue, Document, MentionKind
from .resolve import CorpusEntity, Resolution, resolve_entities
from .stories import StoryIndex

__all__ = ["CorpusResult", "Reanalyse", "link_corpus"]

LOGGER = logging.getLogger(__name__)

Reanalyse = Callable[[Document, DateValue], Analysis]
_NAMED = (MentionKind.PERSON, MentionKind.ORG)


@dataclass(frozen=True)
class CorpusResult:
    """The analyses, linked (stories, dates, canonical names), and the corpus entity table."""

    analyses: tuple[Analysis, ...]
    entities: tuple[CorpusEntity, ...]


def link_corpus(analyses: Sequence[Analysis], *, reanalyse: Reanalyse | None = None,
                index: StoryIndex | None = None) -> CorpusResult:
    """Link analyses across articles. Pass ``index`` to continue an existing story index (it is updated
    in place; earlier story ids are kept). The output keeps the input order."""
    index = index if index is not None else StoryIndex()
    index.add_many(sorted(analyses, key=_indexing_order))
    storied = [replace(a, story=index.story_of(a.document.id)) for a in analyses]
    dated = [_date_from_story(a, index, reanalyse) for a in storied]
    resolution = resolve_entities(dated)
    linked = tuple(_canonical(a, resolution) for a in dated)
    return CorpusResult(linked, resolution.entities)


def _indexing_order(a: Analysis) -> tuple[bool, str, str]:
    """Dated articles first, oldest first, then by id: results do not depend on input order. A date
    taken over from the story earlier does not count (so linking linked analyses again is stable)."""
    own = a.published if a.published_basis != "story" else None
    return own is None, str(own or ""), a.document.id


def _date_from_story(a: Analysis, index: StoryIndex, reanalyse: Reanalyse | None) -> Analysis:
    """An undated article takes the earliest publication date among its story siblings."""
    if a.published is not None or a.story is None:
        return a
    dates = [d for d in (index.published_of(doc) for doc in index.members(a.story) if doc != a.document.id) if d]
    if not dates:
        return a
    anchor = min(dates, key=lambda d: (d.first_day, d.value))
    if reanalyse is not None:
        try:
            a = reanalyse(a.document, anchor)
        except Exception as exc:  # one bad article must not stop the corpus; the reason stays on it
            LOGGER.warning("re-analysing %s with anchor %s failed: %s", a.document.id, anchor, exc)
            a = replace(a, warnings=(*a.warnings, f"re-analysis with story date {anchor} failed: {exc}"))
    return replace(a, published=anchor, published_basis="story", story=index.story_of(a.document.id))


def _canonical(a: Analysis, res: Resolution) -> Analysis:
    """The analysis with persons and organisations under their corpus-wide canonical names."""
    doc = a.document.id
    entities = tuple(replace(e, name=res.name_for(doc, e.name, e.kind) or e.name) if e.kind in _NAMED else e
                     for e in a.entities)
    mentions = tuple(replace(m, norm=res.name_for(doc, m.norm, m.kind) or m.norm) if m.kind in _NAMED else m
                     for m in a.mentions)
    events = tuple(replace(e, holder=res.name_for(doc, e.holder, e.holder_kind) or e.holder,
                           org=res.name_for(doc, e.org, MentionKind.ORG)) for e in a.events)
    facts = tuple(replace(f, holder=res.name_for(doc, f.holder, MentionKind.PERSON) or f.holder,
                          org=res.name_for(doc, f.org, MentionKind.ORG)) for f in a.facts)
    return replace(a, entities=entities, mentions=mentions, events=events, facts=facts)
