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
from functools import lru_cache

from .fuse import (
    ENDED, MAX_DAY, MIN_DAY, ON_LEAVE, Evidence, FusedEvent, Tenure, Timeline, is_interim, name_key, role_family,
)
from ..models import DateValue, MentionKind, Precision
from ..store import SearchHit, Store

__all__ = [
    "Person", "SourceRef", "canonical_role", "known_names", "match_name", "nearest_names", "parse_day", "people",
    "same_story", "search", "sources", "timeline", "until_text", "why_none", "where", "where_tenures", "who", "who_tenures",
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


def until_text(t: Tenure) -> str:
    """The end of a tenure for people; an unreported end is not "now" but "no end reported (last seen D)"."""
    if t.status == ENDED:
        if t.end is not None:
            return f"{t.end}{'*' if t.end_inferred else ''}"
        lo = t.end_earliest.isoformat() if t.end_earliest != MIN_DAY else ""
        hi = t.end_latest.isoformat() if t.end_latest != MAX_DAY else ""
        return (lo if lo == hi else f"{lo}…{hi}") if lo and hi else (f"≥ {lo}" if lo else f"≤ {hi}" if hi else "?")
    seen = f" (last seen {t.last_seen.isoformat()})" if t.last_seen else ""
    return ("on leave, " if t.status == ON_LEAVE else "") + "no end reported" + seen


def timeline(store: Store, org: str | None = None, person: str | None = None) -> Timeline:
    """Tenures, events and conflicts, optionally about one organisation and/or one person."""
    if org is None and person is None:
        return store.timeline()
    org_key = match_name(store, org, MentionKind.ORG.value) if org else None
    holder_key = match_name(store, person, MentionKind.PERSON.value) if person else None
    return Timeline(tuple(store.find_tenures(org_key=org_key, holder_key=holder_key)),
                    tuple(store.find_events(org_key=org_key, holder_key=holder_key)),
                    tuple(store.find_conflicts(org_key=org_key, holder_key=holder_key)))


def _best(tenures: list[Tenure], day: dt.date) -> list[Tenure]:
    """The definite tenures on ``day``, else the possible ones."""
    definite = [t for t in tenures if t.holds_on(day) == "definite"]
    starting = {role_family(t.role) for t in definite if t.start_earliest == day}
    # on a handover day the seat is the successor's: the predecessor's end was inferred from that start
    definite = [t for t in definite if not (t.status == ENDED and t.end_inferred and t.end_latest == day
                                            and role_family(t.role) in starting)]
    return definite or [t for t in tenures if t.holds_on(day)]


def who_tenures(store: Store, org: str, role: str, on: dt.date | str) -> list[Tenure]:
    """The tenures of whoever held ``role`` (a role word in any supported language) at ``org`` on a day."""
    day = parse_day(on)
    role = canonical_role(role)

    def ask(org_key: str) -> list[Tenure]:
        if is_interim(role):
            return store.find_tenures(org_key=org_key, role_key=name_key(role), on=day)
        return store.find_tenures(org_key=org_key, family_key=role_family(role), on=day)

    key = store.resolve(org)
    found = ask(key) or _retry(store, org, MentionKind.ORG.value, key, ask)
    return sorted(_best(found, day), key=lambda t: (name_key(t.holder), t.id))


def _retry(store: Store, name: str, kind: str, key: str, ask):  # type: ignore[no-untyped-def]
    """Ask again under the name the typed one stands for, when that is another key."""
    other = match_name(store, name, kind)
    return ask(other) if other != key else []


def who(store: Store, org: str, role: str, on: dt.date | str) -> list[str]:
    """Who held ``role`` at ``org`` on a day (canonical names, sorted)."""
    return list(dict.fromkeys(t.holder for t in who_tenures(store, org, role, on)))


def where_tenures(store: Store, person: str, on: dt.date | str) -> list[Tenure]:
    day = parse_day(on)
    key = store.resolve(person)

    def ask(holder_key: str) -> list[Tenure]:
        return store.find_tenures(holder_key=holder_key, on=day)

    found = ask(key) or _retry(store, person, MentionKind.PERSON.value, key, ask)
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


# ------------------------------------------------------------------------ names as users type them

# word endings an inflected name may carry beyond its dictionary form ("Vereinigten" for "Vereinigte")
_ENDINGS = ("en", "em", "er", "es", "e", "n", "s")


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _stem_key(name: str) -> str:
    return " ".join(_stem(name_key(w)) for w in name.split())


def known_names(store: Store, kind: str) -> list[str]:
    """The people ('person') or organisations ('org') of the fused timeline."""
    if kind == MentionKind.PERSON.value:
        return [name for name, k, _, _ in store.holders() if k == kind]
    names = {t.org for t in store.find_tenures()} | {e.org for e in store.find_events() if e.org}
    return sorted(names)


def _exists(store: Store, key: str, kind: str) -> bool:
    if kind == MentionKind.ORG.value:
        return bool(store.find_tenures(org_key=key) or store.find_events(org_key=key))
    return bool(store.find_tenures(holder_key=key) or store.find_events(holder_key=key))


def match_name(store: Store, name: str, kind: str) -> str:
    """The key a typed name stands for: a known spelling or variant, else the one known name with the same
    words up to their endings ('Vereinigte Musterbank' for 'Vereinigten Musterbank'), else its own key."""
    key = store.resolve(name)
    if _exists(store, key, kind):
        return key
    wanted = _stem_key(name)
    fits = {name_key(n) for n in known_names(store, kind) if _stem_key(n) == wanted}
    if not fits:  # a typed name that leaves out a word the stored one has ("Musterbank AG" / "Musterbank")
        fits = {name_key(n) for n in known_names(store, kind)
                if wanted and (_stem_key(n).startswith(wanted + " ") or wanted.startswith(_stem_key(n) + " "))}
    return fits.pop() if len(fits) == 1 else key


def nearest_names(store: Store, name: str, kind: str, limit: int = 3) -> list[str]:
    """The known names closest to a typed one (fuzzy, case- and accent-insensitive)."""
    from rapidfuzz import fuzz, process, utils

    names = known_names(store, kind)
    found = process.extract(name, names, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit,
                            score_cutoff=50)
    return [n for n, _, _ in found]


@lru_cache(maxsize=1)
def _role_words() -> dict[str, str]:
    """Role word (any supported language) -> canonical English role, read from lang/<code>/roles.py."""
    from ..lang import SUPPORTED, get_language

    words: dict[str, str] = {}
    for code in SUPPORTED:
        for word, role in get_language(code).roles.ROLES.items():
            words.setdefault(name_key(word), role)
    for role in list(words.values()):
        words[name_key(role)] = role  # canonical names stand for themselves
    return words


def canonical_role(role: str) -> str:
    """The canonical English role of a role word in either language ('Vorstandschef' -> 'CEO');
    unknown words stay as typed."""
    return _role_words().get(name_key(role), role.strip())


def why_none(store: Store, *, org: str | None = None, role: str | None = None, person: str | None = None,
             on: dt.date | None = None) -> str:
    """Why a question found nothing, with the nearest known names when a name is unknown."""
    for name, kind in ((org, MentionKind.ORG.value), (person, MentionKind.PERSON.value)):
        if name and not _exists(store, match_name(store, name, kind), kind):
            near = nearest_names(store, name, kind)
            what = "organisation" if kind == MentionKind.ORG.value else "person"
            return f"no {what} called {name!r} in the store" + (f"; nearest: {', '.join(near)}" if near else "")
    if org and role:
        key = match_name(store, org, MentionKind.ORG.value)
        family = role_family(canonical_role(role))
        seat = [t for t in store.find_tenures(org_key=key) if role_family(t.role) == family]
        if not seat:
            roles = sorted({t.role for t in store.find_tenures(org_key=key) if t.role})
            return f"no {canonical_role(role)} of {org} reported" + (f"; roles reported there: {', '.join(roles)}"
                                                                      if roles else "")
        spans = ", ".join(f"{t.holder} ({t.start or '?'} to {until_text(t)})" for t in seat[:5])
        return f"no {canonical_role(role)} of {org} reported on {on}; reported: {spans}"
    return f"nothing reported{f' on {on}' if on else ''}"
