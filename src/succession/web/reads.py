"""Read-side questions the HTTP API asks of a store, beyond :mod:`succession.timeline.query` (listings and filters).

Every function takes the store and plain arguments and returns library records or plain data; the route
handlers only page and serialise them.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from ..timeline import query
from ..timeline.fuse import FusedEvent, Tenure, is_interim, name_key, role_family
from ..models import MentionKind
from ..store import SQLStore

__all__ = ["entities", "events", "latest_first", "stories", "story_documents", "tenures", "with_variants"]


def tenure_keys(store: SQLStore, *, org: str | None = None, person: str | None = None,
                role: str | None = None) -> dict[str, str | None]:
    """The store's keys for tenures at an organisation / of a person / in a role (its seat, unless the role
    is interim)."""
    family = role_key = None
    if role is not None:
        role = query.canonical_role(role)  # a role word in either language
        role_key, family = (name_key(role), None) if is_interim(role) else (None, role_family(role))
    return {"org_key": query.match_name(store, org, "org") if org else None,
            "holder_key": query.match_name(store, person, "person") if person else None,
            "family_key": family, "role_key": role_key}


def tenures(store: SQLStore, *, org: str | None = None, person: str | None = None, role: str | None = None,
            on: dt.date | None = None, limit: int | None = None, offset: int = 0) -> tuple[list[Tenure], int]:
    """A page of the tenures at an organisation / of a person / in a role / on a day, and how many there are."""
    keys = tenure_keys(store, org=org, person=person, role=role)
    return (store.find_tenures(**keys, on=on, limit=limit, offset=offset),
            store.count_tenures(**keys, on=on))


def events(store: SQLStore, *, org: str | None = None, person: str | None = None, status: str | None = None,
           limit: int | None = None, offset: int = 0) -> tuple[list[FusedEvent], int]:
    """A page of the fused events (in time order) and how many there are."""
    keys = {"org_key": query.match_name(store, org, "org") if org else None,
            "holder_key": query.match_name(store, person, "person") if person else None, "status": status}
    return store.find_events(**keys, limit=limit, offset=offset), store.count_events(**keys)


def latest_first(events: Sequence[FusedEvent]) -> list[FusedEvent]:
    """The most recently reported changes first (then the latest change), for a "latest changes" view."""
    def key(e: FusedEvent) -> tuple[dt.date, dt.date, str]:
        return (e.last_reported or dt.date.min, e.latest if e.latest != dt.date.max else e.earliest, e.id)
    return sorted(events, key=key, reverse=True)


def entities(store: SQLStore, kind: str, q: str | None = None) -> list[tuple[str, str, int, int]]:
    """(name, kind, tenures, events) of the people or organisations in the timeline, most tenures first;
    ``q`` keeps the names whose key contains its key (case- and accent-insensitive)."""
    if kind == MentionKind.ORG.value:
        found = _organisations(store)
    else:
        found = [h for h in store.holders() if h[1] == kind]
    want = name_key(q)
    if want:
        found = [h for h in found if want in name_key(h[0])]
    return sorted(found, key=lambda h: (-h[2], -h[3], name_key(h[0]), h[0]))


def _organisations(store: SQLStore) -> list[tuple[str, str, int, int]]:
    """Organisations with their tenures and events, by key (the most frequent spelling names them)."""
    names: dict[str, Counter[str]] = {}
    counts: Counter[tuple[str, int]] = Counter()
    for i, records in enumerate((store.find_tenures(), store.find_events())):
        for r in records:
            if r.org:
                names.setdefault(name_key(r.org), Counter())[r.org] += 1
                counts[(name_key(r.org), i)] += 1
    return [(spellings.most_common(1)[0][0], MentionKind.ORG.value, counts[(key, 0)], counts[(key, 1)])
            for key, spellings in names.items()]


def with_variants(store: SQLStore, found: Sequence[tuple[str, str, int, int]]) -> list[dict[str, object]]:
    """Entity records with their name variants (asked per entity: call it on one page, not a whole listing)."""
    return [{"name": n, "kind": k, "variants": store.variants_of(n), "tenures": t, "events": e}
            for n, k, t, e in found]


def stories(store: SQLStore, *, min_documents: int = 1) -> list[tuple[str, list[str]]]:
    """(story id, document ids), the largest stories first."""
    found = [(sid, docs) for sid, docs in store.stories().items() if len(docs) >= min_documents]
    return sorted(found, key=lambda s: (-len(s[1]), s[0]))


def story_documents(store: SQLStore, story_id: str) -> list[str]:
    """The documents of one story, oldest first (by publication date, then id); empty when unknown."""
    docs = store.story(story_id)
    info = store.documents_info(docs)
    return sorted(docs, key=lambda d: (info[d].published.value if d in info and info[d].published else "~", d))
