"""Read-side questions the HTTP API asks of a store, beyond :mod:`succession.timeline.query` (listings and filters).

Every function takes the store and plain arguments and returns library records or plain data; the route
handlers only page and serialise them.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..timeline import query
from ..timeline.fuse import FusedEvent, Tenure, is_interim, name_key, role_family
from ..store import SQLStore

__all__ = ["entities", "events", "stories", "story_documents", "tenures", "with_variants"]


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
           latest_first: bool = False, limit: int | None = None, offset: int = 0) -> tuple[list[FusedEvent], int]:
    """A page of the fused events (in time order, or ``latest_first``: the most recently reported changes
    first, then the latest change) and how many there are."""
    keys = {"org_key": query.match_name(store, org, "org") if org else None,
            "holder_key": query.match_name(store, person, "person") if person else None, "status": status}
    return (store.find_events(**keys, latest_first=latest_first, limit=limit, offset=offset),
            store.count_events(**keys))


def entities(store: SQLStore, kind: str, q: str | None = None, *, limit: int | None = None,
             offset: int = 0) -> tuple[list[tuple[str, str, int, int]], int]:
    """A page of (name, kind, tenures, events) of the people or organisations in the timeline, most tenures
    first, and how many there are; ``q`` keeps the names whose key contains its key (case- and
    accent-insensitive). An organisation is named by its most frequent spelling."""
    want = name_key(q)
    return (store.find_entities(kind, contains=want, limit=limit, offset=offset),
            store.count_entities(kind, contains=want))


def with_variants(store: SQLStore, found: Sequence[tuple[str, str, int, int]]) -> list[dict[str, object]]:
    """Entity records with their name variants (asked per entity: call it on one page, not a whole listing)."""
    return [{"name": n, "kind": k, "variants": store.variants_of(n), "tenures": t, "events": e}
            for n, k, t, e in found]


def stories(store: SQLStore, *, min_documents: int = 1, limit: int | None = None,
            offset: int = 0) -> tuple[list[tuple[str, list[str]]], int]:
    """A page of (story id, document ids), the largest stories first, and how many there are."""
    return (store.find_stories(min_documents=min_documents, limit=limit, offset=offset),
            store.count_stories(min_documents=min_documents))


def story_documents(store: SQLStore, story_id: str) -> list[str]:
    """The documents of one story, oldest first (by publication date, then id); empty when unknown."""
    docs = store.story(story_id)
    info = store.documents_info(docs)
    return sorted(docs, key=lambda d: (info[d].published.value if d in info and info[d].published else "~", d))
