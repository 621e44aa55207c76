"""Questions about the fused timeline, asked of a :class:`~succession.store.Store`.

Names (people, organisations) match case- and accent-insensitively and through known variants (the
entity variants of all stored articles). Roles match by seat: asking for ``CEO`` also finds interim
and acting CEOs; asking for ``interim CEO`` finds only those. On a given day a tenure is *definitely*
held (inside its known bounds) or only *possibly* held (inside its uncertain bounds); ``who`` and
``where`` answer with the definite holders and fall back to the possible ones when there are none.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from .fuse import Evidence, FusedEvent, Tenure, Timeline, is_interim, name_key, role_family
from .models import DateValue, MentionKind, Precision
from .store import SearchHit, Store

__all__ = [
    "Person", "SourceRef", "parse_day", "people", "same_story", "search", "sources", "timeline",
    "where", "where_tenures", "who", "who_tenures",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    variants: tuple[str, ...]
    tenures: int
    events: int


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A supporting sentence with the article it comes from."""

    doc_id: str
    start: int
    end: int
    text: str
    title: str | None
    url: str | None
    published: DateValue | None


def parse_day(value: dt.date | str) -> dt.date:
    """A day from a date or an ISO 'YYYY-MM-DD' string; ValueError for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    parsed = DateValue(str(value).strip())
    if parsed.precision != Precision.DAY:
        raise ValueError(f"need a day (YYYY-MM-DD), got {value!r}")
    return parsed.first_day


def timeline(store: Store, org: str | None = None, person: str | None = None) -> Timeline:
    """Tenures, events and conflicts, optionally about one organisation and/or one person."""
    if org is None and person is None:
        return store.timeline()
    org_key = store.resolve(org) if org else None
    holder_key = store.resolve(person) if person else None
    return Timeline(tuple(store.find_tenures(org_key=org_key, holder_key=holder_key)),
                    tuple(store.find_events(org_key=org_key, holder_key=holder_key)),
                    tuple(store.find_conflicts(org_key=org_key, holder_key=holder_key)))


def _best(tenures: list[Tenure], day: dt.date) -> list[Tenure]:
    """The definite tenures on ``day``, else the possible ones."""
    definite = [t for t in tenures if t.holds_on(day) == "definite"]
    return definite or [t for t in tenures if t.holds_on(day)]


def who_tenures(store: Store, org: str, role: str, on: dt.date | str) -> list[Tenure]:
    """The tenures of whoever held ``role`` at ``org`` on a day."""
    day = parse_day(on)
    org_key = store.resolve(org)
    if is_interim(role):
        found = store.find_tenures(org_key=org_key, role_key=name_key(role), on=day)
    else:
        found = store.find_tenures(org_key=org_key, family_key=role_family(role), on=day)
    return sorted(_best(found, day), key=lambda t: (name_key(t.holder), t.id))


def who(store: Store, org: str, role: str, on: dt.date | str) -> list[str]:
    """Who held ``role`` at ``org`` on a day (canonical names, sorted)."""
    return list(dict.fromkeys(t.holder for t in who_tenures(store, org, role, on)))


def where_tenures(store: Store, person: str, on: dt.date | str) -> list[Tenure]:
    day = parse_day(on)
    found = store.find_tenures(holder_key=store.resolve(person), on=day)
    return sorted(_after_moves(_best(found, day)), key=lambda t: (name_key(t.org), t.id))


def _after_moves(tenures: list[Tenure]) -> list[Tenure]:
    """Of possible tenures, one that ended where an open one began is the past of a move: drop it."""
    if any(t.end is None and t.status != "ended" for t in tenures) and len(tenures) > 1:
        opened = [t for t in tenures if t.status != "ended"]
        return [t for t in tenures if t.status != "ended" or not any(
            o.start_earliest <= t.end_latest and t.org != o.org for o in opened)]
    return tenures


def where(store: Store, person: str, on: dt.date | str) -> list[str]:
    """The organisations where ``person`` held a role or was employed on a day (sorted)."""
    return list(dict.fromkeys(t.org for t in where_tenures(store, person, on)))


def people(store: Store) -> list[Person]:
    """Every person in the fused timeline, with their known name variants."""
    return [Person(name, tuple(store.variants_of(name)), tenures, events)
            for name, kind, tenures, events in store.holders() if kind == MentionKind.PERSON.value]


def search(store: Store, text: str, *, limit: int = 20) -> list[SearchHit]:
    """Full-text search over article text and event evidence."""
    return store.search(text, limit=limit)


def sources(store: Store, record_id: str) -> list[SourceRef]:
    """The sentences supporting a tenure ('t-…'), fused event ('e-…'), stored event ('ev-…') or fact ('fa-…')."""
    record = store.fused_record(record_id)
    evidence: Iterable[Evidence]
    if isinstance(record, (Tenure, FusedEvent)):
        evidence = record.sources
    else:
        evidence = store.stored_evidence(record_id)
    evidence = list(evidence)
    info = store.documents_info(e.doc_id for e in evidence)
    refs = []
    for e in evidence:
        doc = info.get(e.doc_id)
        refs.append(SourceRef(e.doc_id, e.start, e.end, e.text, doc.title if doc else None,
                              doc.url if doc else None, doc.published if doc else None))
    return refs


def same_story(store: Store, doc_ids: Iterable[str]) -> bool:
    """Whether the documents (by id, or by the file name they were read from) share one story."""
    info = store.documents_info()
    by_name = {}
    for doc in info.values():
        by_name[doc.id] = doc
        by_name.setdefault(doc.source.replace("\\", "/").rsplit("/", 1)[-1], doc)
    stories = set()
    for doc_id in doc_ids:
        doc = by_name.get(doc_id)
        if doc is None:
            raise KeyError(f"no stored document {doc_id!r}")
        stories.add(doc.story or doc.id)
    return len(stories) == 1
