"""Reports of one change read against their own article and story, before fusion clusters them.

Fusion (:mod:`succession.timeline.fuse`) trusts each report's modality, date and role. Some reports can be
checked against what the same article or story says elsewhere, and these passes do that on fusion's
mutable report records (anything with ``report``, ``holder``, ``role``, ``org``, ``lo``, ``hi``,
``dated``, ``modality`` and ``story``):

* :func:`drop_titles` -- an "appointment" to the role the same sentence already gives the holder as a
  title ("Finanzvorstand X soll ... übernehmen") is the title, not a change.
* :func:`story_modality` -- versions of one story (translations, rewrites) report one change: a hedge
  (planned, rumoured, denied) that one version keeps is lost in another more often than invented, so the
  most hedged modality wins, and an undated version of a change that a sibling dates takes that date.
* :func:`future_starts` -- an article that announces a holder's start in a role as still to come cannot
  also report it as done before publication (without an end between): that done start is a misreading
  and takes the announcement's modality.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..models import EventType, Modality

__all__ = ["HEDGE_ORDER", "drop_titles", "future_starts", "story_modality"]

# most hedged first: the modality a story keeps when its versions disagree
HEDGE_ORDER = (Modality.NEGATED, Modality.RUMOURED, Modality.PLANNED, Modality.UNCERTAIN, Modality.ASSERTED)

Key = Callable[[str | None], str]


def drop_titles(members: Sequence[Any], facts: Iterable[Any], key: Key,
                canonical: Callable[[str | None], str | None]) -> list[Any]:
    """The members without appointments to a role that a role fact of the same sentence gives as title."""
    titles = set()
    for f in facts:
        span = f.fact.evidence
        titles.add((f.doc.doc_id, span.start, key(canonical(f.fact.holder)), key(f.fact.role),
                    key(canonical(f.fact.org))))
    kept = []
    for m in members:
        ev = m.report.event
        title = (m.report.doc.doc_id, ev.evidence.start, key(m.holder), key(m.role), key(m.org))
        if ev.type == EventType.APPOINTED and m.role and title in titles:
            continue
        kept.append(m)
    return kept


def _hedge(modalities: Iterable[Modality]) -> Modality:
    return min(modalities, key=HEDGE_ORDER.index)


def story_modality(members: Sequence[Any], change_of: Callable[[Any], tuple[str, ...]]) -> None:
    """Versions of one story that report the same change agree on the most hedged modality; undated
    versions take the window of a dated one (they join its cluster)."""
    groups: dict[tuple[str, ...], list[Any]] = defaultdict(list)
    for m in members:
        groups[(m.story, *change_of(m))].append(m)
    for group in groups.values():
        if len(group) < 2:
            continue
        dated = [m for m in group if m.dated]
        for m in group:
            # a dated version only speaks for versions whose window it shares
            peers = [o for o in group if not o.dated or not m.dated or (o.lo <= m.hi and m.lo <= o.hi)]
            m.next_modality = _hedge(o.modality for o in peers)
        for m in group:
            m.modality = m.next_modality
            if not m.dated and dated:
                m.hi = max(m.hi, max(d.hi for d in dated))
                m.lo = min(d.lo for d in dated)
                m.hi = max(m.hi, m.lo)


def future_starts(members: Sequence[Any], key: Key, is_start: Callable[[Any], bool],
                  is_end: Callable[[Any], bool]) -> None:
    """A start reported as done before publication, in an article that announces the same start as still
    to come (and reports no end between), takes the announcement's modality."""
    by_doc: dict[tuple[str, str, str, str], list[Any]] = defaultdict(list)
    for m in members:
        by_doc[(m.report.doc.doc_id, key(m.holder), key(m.role), key(m.org))].append(m)
    for group in by_doc.values():
        if any(is_end(m) for m in group):
            continue
        published = group[0].published
        ahead = [m for m in group if is_start(m) and m.modality in (Modality.PLANNED, Modality.RUMOURED)
                 and (not m.dated or published is None or m.hi >= published)]
        if not ahead:
            continue
        for m in group:
            if is_start(m) and m.modality == Modality.ASSERTED and m.dated and published is not None \
                    and m.hi < published:
                m.modality = _hedge(a.modality for a in ahead)
