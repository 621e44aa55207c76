"""Nodes of cross-article resolution: one per document-local person or organisation, with its context.

A node carries what ``succession.across.resolve`` needs to decide a merge without going back to the
article: the name and its variants as written, the folded given names and surname (for organisations the
``org_key``), whether the article may be a machine translation, and the organisations, roles and other
persons the article ties to it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..models import Analysis, Entity, MentionKind
from .names import fold, org_key, person_key

__all__ = ["Node", "build_nodes"]

_PERSON, _ORG = MentionKind.PERSON, MentionKind.ORG


@dataclass(frozen=True, slots=True)
class Node:
    """One document-local person or organisation, with the context that lets it merge with others."""


    doc_id: str
    story: str | None
    kind: MentionKind
    name: str
    variants: tuple[str, ...]
    given: tuple[str, ...]
    surname: str  # persons: collapsed folded surname; organisations: org_key
    translated: bool
    linked_orgs: frozenset[str]  # org keys tied to this person by an event or role fact
    roles: frozenset[str]
    doc_orgs: frozenset[str]
    peers: frozenset[str]  # surnames of the other persons in the article


def build_nodes(analyses: Sequence[Analysis], flags: Mapping[str, bool]) -> list[Node]:
    nodes: list[Node] = []
    for a in analyses:
        named = _named_things(a)
        doc_orgs = frozenset(org_key(n) for n, k, _ in named if k == _ORG) - {""}
        persons = {n: person_key(n)[1] for n, k, _ in named if k == _PERSON}
        links = _role_links(a)
        for name, kind, variants in named:
            given, sur = person_key(name) if kind == _PERSON else ((), org_key(name))
            if not sur:
                continue
            orgs, roles = links.get(fold(name), (set(), set()))
            for v in variants:
                o, r = links.get(fold(v), (set(), set()))
                orgs, roles = orgs | o, roles | r
            peers = frozenset(s for n, s in persons.items() if n != name and s and s != sur)
            nodes.append(Node(a.document.id, a.story, kind, name, variants, given, sur,
                               flags.get(a.document.id, False), frozenset(orgs), frozenset(roles),
                               doc_orgs - {sur}, peers))
    return nodes


def _named_things(a: Analysis) -> list[tuple[str, MentionKind, tuple[str, ...]]]:
    """The article's persons and organisations: its entities plus names only events and facts give."""
    out: list[tuple[str, MentionKind, tuple[str, ...]]] = []
    seen: set[str] = set()
    for e in a.entities:
        if e.kind in (_PERSON, _ORG) and e.name.strip():
            variants = tuple(sorted({e.name, *(v for v in e.variants if v.strip())}))
            out.append((_as_written(e), e.kind, variants))
            seen |= {fold(v) for v in variants}
    extra = [(ev.holder, ev.holder_kind) for ev in a.events] + [(f.holder, _PERSON) for f in a.facts]
    extra += [(x.org, _ORG) for x in (*a.events, *a.facts) if x.org]
    for name, kind in extra:
        if name and name.strip() and kind in (_PERSON, _ORG) and fold(name) not in seen:
            out.append((name, kind, (name,)))
            seen.add(fold(name))
    return out


def _as_written(e: Entity) -> str:
    """The entity's name as this article spells it: its name, unless that is not among the variants
    written and a full variant is (the name was set by an earlier linking run), so that linking
    linked analyses again gives the same merges, with the same evidence."""
    written = [v for v in e.variants if v.strip()]
    if not written or fold(e.name) in {fold(v) for v in written}:
        return e.name
    full = [v for v in written if len(v.split()) >= 2 or e.kind == _ORG]
    return max(full, key=lambda v: (len(v.split()), len(v), v)) if full else e.name


def _role_links(a: Analysis) -> dict[str, tuple[set[str], set[str]]]:
    """Folded holder name -> (organisation keys, roles) stated for it by events and role facts."""
    links: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for x in (*a.events, *a.facts):
        orgs, roles = links[fold(x.holder)]
        if x.org and org_key(x.org):
            orgs.add(org_key(x.org))
        if x.role:
            roles.add(x.role)
    return dict(links)
