"""Fusion: many articles' reports become one timeline of fused events, tenures and conflicts.

Input is every stored event and role fact with its document's publication date and story; output is a
:class:`Timeline`. The function is pure (no store, no I/O), so it is tested on hand-built records.

Rules, in the order they are applied:

1. **Names.** Holders, roles and organisations compare by :func:`name_key` (case-, accent-, space- and
   punctuation-insensitive) after mapping known variants (the entity variants of all articles) to
   their canonical name.
2. **Dates.** An event's date gives a window (``2023-11`` is 1..30 November). An event without a date
   happened on or before its article's publication day: window ``(-inf, published]``, kept undated
   (precision is never invented). If the same article dates an asserted change of the same holder at
   the same organisation, reported as news (within two months of publication), the undated one is
   background to it and happened before it ("X, who had been fired, returned on Wednesday"). Items are ordered by the start of their window, undated ones
   at their upper bound and before dated items of the same day.
3. **Fused events.** Reports of the same change (same holder, kind of change -- start, end, leave or
   founding --, role and organisation) whose dated windows overlap or lie within
   ``FusionRules.date_tolerance_days`` are one :class:`FusedEvent`; an undated report joins the latest
   such change at or before its bound. Copies within one story count once; independent stories raise
   the confidence (noisy-or over stories). The fused date is the most precise date inside the common
   window; when the reports disagree the date most stories give wins and a ``date`` conflict is listed.
   A report that names no role joins a compatible report of the same change that names one.
4. **Modality.** Only asserted events create or end tenures. Planned, rumoured, uncertain and negated
   reports stay visible as markers. A marker is *superseded* by a later asserted report of the same
   change; a negated report published after every asserted report of the change *retracts* it (the
   later report wins) and a ``retracted`` conflict is listed; same-day or undatable contradictions are
   listed as ``contradiction`` conflicts and the assertion stands.
5. **Tenures** per (holder, organisation), walking items in time order: appointed/returned/reassigned
   open a tenure of their role (or resume one on leave); departed/dismissed end it -- with no role (or a
   title such as co-founder) they end every open tenure at the organisation; a leave pauses a tenure
   (a later return ends the leave); a current role fact is a day on which the role was held; a
   "former" fact ends an open tenure (inferred) by its day. A fact after a reported end does not
   reopen the tenure: it is listed as a ``stale_fact`` conflict. Starts with no role open an
   employment tenure (role ``None``) that a later named role at the same organisation continues.
6. **Single-holder roles** (CEO, chair, president, CFO ...; ``interim``/``acting`` share their base
   role's seat): when another holder takes the seat, an open tenure ends there (inferred, with the
   reason), and an undated start is bounded below by the predecessor's end. An interim holder does
   not end the tenure of a holder on leave, and is itself ended when that holder's leave ends.
   Definite overlaps are ``single_holder`` conflicts.
7. **Moves.** An open employment tenure (no role) ends when the person later starts at another
   organisation, and an open executive tenure ends when the person later joins another organisation
   without a named role (board seats and titles are concurrent and never end this way).

Every tenure has a start and end *window* (earliest/latest possible day; ``MIN_DAY``/``MAX_DAY`` when
unbounded). It was *definitely* held from ``start_latest`` to ``end_earliest`` and *possibly* held from
``start_earliest`` to ``end_latest``; queries prefer definite holders.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import unicodedata
from functools import lru_cache
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from enum import Enum
from typing import NamedTuple

from ..across import reconcile
from ..models import Analysis, DateValue, Entity, Event, EventType, MentionKind, Modality, RoleFact

__all__ = [
    "FUSION_REVISION", "Conflict", "DocMeta", "EventReport", "Evidence", "FactReport", "FusedEvent", "FusionRules",
    "Leave", "MAX_DAY", "MIN_DAY", "Tenure", "Timeline", "build_aliases", "conflict_from_dict",
    "conflict_to_dict", "event_from_dict", "event_to_dict", "fuse", "fuse_analyses", "is_interim",
    "content_hash", "name_key", "plain", "record_orders", "reports_of", "role_family", "short_name",
    "short_name_proposals", "stable_id", "tenure_from_dict", "tenure_to_dict", "with_short_names",
]

log = logging.getLogger(__name__)

# moves on whenever the rules change what fusion makes of the same reports: stores fuse their data again
FUSION_REVISION = "3"  # 3: a variant's most frequent spelling wins ties by the spelling, not by article order

MIN_DAY = dt.date.min
MAX_DAY = dt.date.max

# FusedEvent.status
ASSERTED, MARKER, SUPERSEDED, RETRACTED = "asserted", "marker", "superseded", "retracted"
# Tenure.status
CURRENT, ENDED, ON_LEAVE = "current", "ended", "on leave"


# ----------------------------------------------------------------------------------------- records

class Evidence(NamedTuple):
    """A supporting sentence: characters ``start:end`` of document ``doc_id``."""

    doc_id: str
    start: int
    end: int
    text: str


class Leave(NamedTuple):
    start: DateValue | None
    end: DateValue | None


@dataclass(frozen=True, slots=True)
class DocMeta:
    """What fusion needs to know about the article a report comes from."""

    doc_id: str
    published: DateValue | None = None
    story: str | None = None

    @property
    def story_key(self) -> str:
        return self.story or self.doc_id


class EventReport(NamedTuple):
    id: str
    event: Event
    doc: DocMeta


class FactReport(NamedTuple):
    id: str
    fact: RoleFact
    doc: DocMeta


@dataclass(frozen=True, slots=True)
class FusedEvent:
    """One change of position as reported by one or more articles."""

    id: str
    type: EventType
    holder: str
    holder_kind: MentionKind
    role: str | None
    org: str | None
    date: DateValue | None
    earliest: dt.date  # window of the change (MIN_DAY/MAX_DAY when unbounded)
    latest: dt.date
    modality: Modality
    status: str  # asserted | marker | superseded | retracted
    superseded_by: str | None
    sources: tuple[Evidence, ...]
    reports: tuple[str, ...]  # stored event ids
    stories: tuple[str, ...]
    first_reported: dt.date | None
    last_reported: dt.date | None
    confidence: float


@dataclass(frozen=True, slots=True)
class Tenure:
    """One holder in one role at one organisation, from start to end (either may be unknown)."""

    id: str
    holder: str
    holder_kind: MentionKind
    role: str | None  # None: employed, role not named
    org: str
    start: DateValue | None
    end: DateValue | None
    start_inferred: bool
    start_reason: str
    end_inferred: bool
    end_reason: str
    start_earliest: dt.date
    start_latest: dt.date
    end_earliest: dt.date
    end_latest: dt.date
    sources: tuple[Evidence, ...]
    events: tuple[str, ...]  # fused event ids
    leaves: tuple[Leave, ...]
    status: str  # current | ended | on leave
    last_seen: dt.date | None = None  # the latest article that reports the role held (or its start)

    def holds_on(self, day: dt.date) -> str | None:
        """'definite', 'possible' or None: was the role held on ``day``?"""
        if self.start_latest <= day <= self.end_earliest:
            return "definite"
        if self.start_earliest <= day <= self.end_latest:
            return "possible"
        return None


@dataclass(frozen=True, slots=True)
class Conflict:
    """Something the reports disagree on that fusion could not settle; never dropped silently."""

    kind: str  # date | retracted | contradiction | single_holder | stale_fact
    description: str
    sources: tuple[Evidence, ...]
    holder: str | None = None
    org: str | None = None


@dataclass(frozen=True, slots=True)
class Timeline:
    tenures: tuple[Tenure, ...] = ()
    events: tuple[FusedEvent, ...] = ()
    conflicts: tuple[Conflict, ...] = ()

    def filter(self, *, org: str | None = None, person: str | None = None) -> "Timeline":
        """The part about one organisation and/or person (names compared by key, no variants)."""
        ok = _key_filter(org, person)
        return Timeline(
            tuple(t for t in self.tenures if ok(t.org, t.holder)),
            tuple(e for e in self.events if ok(e.org, e.holder)),
            tuple(c for c in self.conflicts if ok(c.org, c.holder)),
        )


def _key_filter(org: str | None, person: str | None) -> Callable[[str | None, str | None], bool]:
    ok_org, ok_person = name_key(org), name_key(person)

    def ok(o: str | None, h: str | None) -> bool:
        return (not ok_org or name_key(o) == ok_org) and (not ok_person or name_key(h) == ok_person)

    return ok


@dataclass(frozen=True, slots=True)
class FusionRules:
    """Role vocabulary (canonical English role names, as the extractor emits them) and tolerances."""

    single_holder: frozenset[str] = frozenset({
        "ceo", "chair", "president", "cfo", "cto", "coo", "cpo", "cmo", "cio", "ciso", "chro",
        "chiefscientist", "chiefeconomist", "secretarygeneral", "managingpartner", "headcoach",
        "chairofthesupervisoryboard", "chairoftheboard",
    })
    board: frozenset[str] = frozenset({
        "chair", "vicechair", "boardmember", "boardobserver", "director", "advisor", "adviser",
        "trustee", "supervisoryboardmember", "chairofthesupervisoryboard", "chairoftheboard",
    })
    titles: frozenset[str] = frozenset({"founder", "cofounder"})
    interim_words: frozenset[str] = frozenset({"interim", "acting"})
    date_tolerance_days: int = 3


DEFAULT_RULES = FusionRules()


# ------------------------------------------------------------------------------------------- names

def _words(text: str | None) -> list[str]:
    """Case-folded, accent-free words of a name."""
    if not text:
        return []
    flat = "".join(ch for ch in unicodedata.normalize("NFKD", text).casefold()
                   if not unicodedata.combining(ch))
    return "".join(ch if ch.isalnum() else " " for ch in flat).split()


@lru_cache(maxsize=1 << 17)  # pure; fusion asks for the same few thousand names again and again
def name_key(text: str | None) -> str:
    """The comparison key of a name: 'Zoë  Brandt-Ørsted' and 'zoe brandtørsted' are the same."""
    return "".join(_words(text))


@lru_cache(maxsize=1 << 12)
def role_family(role: str | None, rules: FusionRules = DEFAULT_RULES) -> str:
    """The seat a role occupies: 'interim CEO' and 'acting CEO' sit in the 'ceo' seat."""
    words = _words(role)
    while len(words) > 1 and words[0] in rules.interim_words:
        words = words[1:]
    return "".join(words)


def is_interim(role: str | None, rules: FusionRules = DEFAULT_RULES) -> bool:
    words = _words(role)
    return len(words) > 1 and words[0] in rules.interim_words


def build_aliases(entities: Iterable[Entity]) -> dict[str, str]:
    """Variant key -> canonical name, from every article's entities; ambiguous variants are left out."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for ent in entities:
        for variant in (ent.name, *ent.variants):
            if name_key(variant):
                votes[name_key(variant)][ent.name] += 1
    aliases: dict[str, str] = {}
    for key, names in votes.items():
        canonical = {name_key(n) for n in names}
        # ties go to the smallest spelling, so the aliases never depend on the order articles arrived in
        if len(canonical) == 1:  # a variant shared by two different entities ("Miller") means nothing
            aliases[key] = min(names, key=lambda n: (-names[n], n))
        elif key in canonical:
            aliases[key] = min(n for n in names if name_key(n) == key)
    return aliases


def short_name_proposals(aliases: Mapping[str, str], docs: Iterable[Sequence[Entity]]) -> dict[str, set[str]]:
    """Short organisation name key -> the full names the articles that use it name beside it."""
    proposals: dict[str, set[str]] = defaultdict(set)
    for entities in docs:
        orgs = {tuple(_words(e.name)): e.name for e in entities if e.kind == MentionKind.ORG and _words(e.name)}
        for words in orgs:
            longer = [full for full in orgs if len(full) > len(words) and full[:len(words)] == words]
            if len(longer) == 1:
                proposals[name_key(orgs[words])].add(aliases.get(name_key(orgs[longer[0]]), orgs[longer[0]]))
    return proposals


def short_name(key: str, alias: str | None, targets: set[str]) -> str | None:
    """What a short name ``key`` (known as ``alias``) stands for, given the full names proposed for it."""
    if len(targets) == 1 and name_key(alias or "") in ("", key):
        return next(iter(targets))
    return alias


def with_short_names(aliases: Mapping[str, str], docs: Iterable[Sequence[Entity]]) -> dict[str, str]:
    """``aliases`` plus organisations' short names: an organisation an article names by the first words of
    another it names in full ("Grauwald" beside "Grauwald Feinmechanik") is that one, when exactly one
    full name fits in every article that does so and the short name means nothing else."""
    out = dict(aliases)
    for key, targets in short_name_proposals(aliases, docs).items():
        name = short_name(key, aliases.get(key), targets)
        if name is not None:
            out[key] = name
    return out


def record_orders(t: Tenure | None = None, e: FusedEvent | None = None, c: Conflict | None = None) -> str:
    """The order :func:`fuse` gives a tenure, event or conflict, as a string that sorts the same way by code
    point (name keys hold letters and digits only, so a control character separates the parts), for stores that keep
    parts of a timeline and read it back in order."""
    if t is not None:
        parts = [name_key(t.org), min(t.start_latest, t.end_earliest).isoformat(), role_family(t.role),
                 name_key(t.holder), t.id]
    elif e is not None:
        parts = [_sort_day(e.earliest, e.latest).isoformat(), name_key(e.holder), e.id]
    elif c is not None:
        parts = [c.kind, c.description]
    else:
        raise ValueError("record_orders: give a tenure, an event or a conflict")
    return "\x01".join(parts)


# ------------------------------------------------------------------------------------------- dates

class _Change(str, Enum):
    START = "start"
    END = "end"
    LEAVE = "leave"
    FOUNDED = "founded"


_CHANGE = {
    EventType.APPOINTED: _Change.START, EventType.RETURNED: _Change.START,
    EventType.REASSIGNED: _Change.START, EventType.DEPARTED: _Change.END,
    EventType.DISMISSED: _Change.END, EventType.LEAVE: _Change.LEAVE, EventType.FOUNDED: _Change.FOUNDED,
}
# when stories disagree on the kind of change, the more specific wins a tie
_TYPE_PRIORITY = [EventType.RETURNED, EventType.DISMISSED, EventType.REASSIGNED, EventType.APPOINTED,
                  EventType.DEPARTED, EventType.LEAVE, EventType.FOUNDED]


@lru_cache(maxsize=1 << 16)
def _days(value: DateValue) -> tuple[dt.date, dt.date]:
    return value.first_day, value.last_day


def _window(date: DateValue | None, published: DateValue | None) -> tuple[dt.date, dt.date, bool]:
    """(earliest, latest, dated): an undated change happened on or before the publication day."""
    if date is not None:
        return (*_days(date), True)
    return MIN_DAY, _days(published)[1] if published else MAX_DAY, False


def _sort_day(lo: dt.date, hi: dt.date) -> dt.date:
    return lo if lo != MIN_DAY else hi


def _iso(day: dt.date) -> str:
    return "?" if day in (MIN_DAY, MAX_DAY) else day.isoformat()


def _short_id(prefix: str, parts: Iterable[str]) -> str:
    return prefix + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


# --------------------------------------------------------------------------------------- fused events

@dataclass
class _Member:
    """One article's report, with names mapped to their canonical form and its date window."""

    report: EventReport
    holder: str
    role: str | None
    org: str | None
    lo: dt.date
    hi: dt.date
    dated: bool
    modality: Modality = Modality.ASSERTED  # the report's, until reconcile reads it against its story
    next_modality: Modality = Modality.ASSERTED

    @property
    def story(self) -> str:
        return self.report.doc.story_key

    @property
    def published(self) -> dt.date | None:
        return _days(self.report.doc.published)[1] if self.report.doc.published else None


@dataclass
class _Cluster:
    members: list[_Member]
    lo: dt.date
    hi: dt.date


def _canonical(aliases: Mapping[str, str], name: str | None) -> str | None:
    return None if name is None else aliases.get(name_key(name), name)


def _member(report: EventReport, aliases: Mapping[str, str]) -> _Member:
    ev = report.event
    lo, hi, dated = _window(ev.date, report.doc.published)
    return _Member(report, _canonical(aliases, ev.holder) or ev.holder, ev.role,
                   _canonical(aliases, ev.org), lo, hi, dated, ev.modality)


def _group_key(m: _Member) -> tuple[str, ...]:
    ev = m.report.event
    return name_key(m.holder), _CHANGE[ev.type], name_key(m.role), name_key(m.org), m.modality  # str enums


def _plus(day: dt.date, days: int) -> dt.date:
    return MAX_DAY if day >= MAX_DAY - dt.timedelta(days=days) else day + dt.timedelta(days=days)


def _cluster(members: list[_Member], tolerance: int) -> list[_Cluster]:
    """Dated reports merge when their windows touch; undated ones join the latest change before their bound."""
    clusters: list[_Cluster] = []
    for m in sorted((m for m in members if m.dated), key=lambda m: (m.lo, m.hi)):
        if clusters and m.lo <= _plus(clusters[-1].hi, tolerance):
            clusters[-1].members.append(m)
            clusters[-1].hi = max(clusters[-1].hi, m.hi)
        else:
            clusters.append(_Cluster([m], m.lo, m.hi))
    undated: _Cluster | None = None
    for m in sorted((m for m in members if not m.dated), key=lambda m: m.hi):
        before = [c for c in clusters if c.lo <= m.hi]
        if before:
            before[-1].members.append(m)
        elif undated is None:
            undated = _Cluster([m], MIN_DAY, m.hi)
        else:
            undated.members.append(m)
    return clusters + ([undated] if undated else [])


def _pick_date(members: list[_Member]) -> tuple[DateValue | None, dt.date, dt.date, bool]:
    """(date, earliest, latest, disagree): the most precise date inside the common window, else a vote."""
    dated = [m for m in members if m.dated]
    if not dated:
        return None, MIN_DAY, min(m.hi for m in members), False
    dates = [m.report.event.date for m in dated if m.report.event.date is not None]
    if max(m.lo for m in dated) <= min(m.hi for m in dated):
        best = max(dates, key=lambda d: (d.value.count("-"), d.value))
        return best, best.first_day, best.last_day, False
    votes = Counter(value for _, value in {(m.story, d.value) for m in dated for d in [m.report.event.date] if d})
    best = DateValue(min(votes, key=lambda v: (-votes[v], -v.count("-"), v)))
    return best, best.first_day, best.last_day, True


def _vote(pairs: Iterable[tuple[str, object]]) -> object:
    """The value most stories give (one vote per story and value); a tie goes to the first seen."""
    counts: Counter[object] = Counter()
    order: list[object] = []
    for _, value in dict.fromkeys(pairs):
        counts[value] += 1
        if value not in order:
            order.append(value)
    return max(order, key=lambda v: (counts[v], -order.index(v)))


def _confidence(members: Sequence[_Member]) -> float:
    """Noisy-or over independent stories; copies inside one story count once (their best)."""
    best: dict[str, float] = {}
    for m in members:
        best[m.story] = max(best.get(m.story, 0.0), min(max(m.report.event.confidence, 0.0), 1.0))
    miss = 1.0
    for c in best.values():
        miss *= 1.0 - c
    return round(1.0 - miss, 4)


def _fused(cluster: _Cluster, conflicts: list[Conflict]) -> FusedEvent:
    ms = sorted(cluster.members, key=lambda m: (m.report.doc.doc_id, m.report.event.evidence.start))
    types = Counter(t for _, t in {(m.story, m.report.event.type) for m in ms})
    etype = max(_TYPE_PRIORITY, key=lambda t: (types[t], -_TYPE_PRIORITY.index(t)))
    date, lo, hi, disagree = _pick_date(ms)
    pubs = [m.published for m in ms if m.published]
    modality = ms[0].modality
    holder = str(_vote((m.story, m.holder) for m in ms))
    role = _vote((m.story, m.role) for m in ms)
    org = _vote((m.story, m.org) for m in ms)
    sources = tuple(dict.fromkeys(_evidence(m.report) for m in ms))
    event = FusedEvent(
        id=_short_id("e-", sorted(m.report.id for m in ms)), type=etype, holder=holder,
        holder_kind=ms[0].report.event.holder_kind, role=role, org=org,  # type: ignore[arg-type]
        date=date, earliest=lo, latest=hi, modality=modality,
        status=ASSERTED if modality == Modality.ASSERTED else MARKER, superseded_by=None,
        sources=sources, reports=tuple(sorted(m.report.id for m in ms)),
        stories=tuple(sorted({m.story for m in ms})), first_reported=min(pubs, default=None),
        last_reported=max(pubs, default=None), confidence=_confidence(ms))
    if disagree:
        given = sorted({m.report.event.date.value for m in ms if m.report.event.date})
        conflicts.append(Conflict("date", f"{_what(event)}: reports give {', '.join(given)}; kept {date}",
                                  sources, holder, event.org))
    return event


def _what(e: FusedEvent) -> str:
    return f"{e.type.value} of {e.holder} ({e.role or 'no role'}, {e.org or 'no organisation'})"


def _evidence(report: EventReport) -> Evidence:
    span = report.event.evidence
    return Evidence(report.doc.doc_id, span.start, span.end, span.text)


def _background(members: list[_Member]) -> None:
    """Undated changes in an article are background to its dated asserted changes of the same holder at the
    same organisation ("X, who had been fired, returned on Wednesday"): they happened before them."""
    first: dict[tuple[str, str, str], dt.date] = {}
    for m in members:
        # only a change the article reports as news: a career step years before it says nothing of
        # what the article's undated changes followed ("who took the helm in 2019 ... steps down")
        recent = m.published is None or (m.published - m.hi).days <= 60
        if m.dated and recent and m.modality == Modality.ASSERTED:
            key = (m.report.doc.doc_id, name_key(m.holder), name_key(m.org))
            first[key] = min(first.get(key, MAX_DAY), m.lo)
    for m in members:
        day = first.get((m.report.doc.doc_id, name_key(m.holder), name_key(m.org)))
        if not m.dated and day is not None and day > MIN_DAY:
            m.hi = min(m.hi, day - dt.timedelta(days=1))


def _assign_roles(members: list[_Member]) -> None:
    """A report without a role is a vaguer report of the same change that other reports give with a role
    (same holder, organisation, kind of change and modality, compatible window): it takes that role,
    preferring dated reports, then the latest change within its window."""
    with_role: dict[tuple[str, ...], list[_Member]] = defaultdict(list)
    for m in members:
        if m.role is not None:
            with_role[_change_of(m)].append(m)
    for m in members:
        if m.role is None and m.org:
            fits = [c for c in with_role.get(_change_of(m), []) if c.lo <= m.hi and m.lo <= c.hi]
            if fits:
                m.role = max(fits, key=lambda c: (c.dated, c.lo, name_key(c.role))).role


def _change_of(m: _Member) -> tuple[str, ...]:
    ev = m.report.event
    return name_key(m.holder), _CHANGE[ev.type], name_key(m.org), m.modality


def _same_change(m: _Member) -> tuple[str, ...]:
    ev = m.report.event
    return name_key(m.holder), _CHANGE[ev.type], name_key(m.role), name_key(m.org)


def _fuse_events(reports: Iterable[EventReport], aliases: Mapping[str, str], rules: FusionRules,
                 conflicts: list[Conflict], facts: Sequence[FactReport] = ()) -> list[FusedEvent]:
    members = [_member(report, aliases) for report in reports]
    members = reconcile.drop_titles(members, facts, name_key, lambda n: _canonical(aliases, n))
    reconcile.future_starts(members, name_key, lambda m: _CHANGE[m.report.event.type] == _Change.START,
                            lambda m: _CHANGE[m.report.event.type] == _Change.END)
    reconcile.story_modality(members, _same_change)
    _background(members)
    _assign_roles(members)
    groups: dict[tuple[str, ...], list[_Member]] = defaultdict(list)
    for m in members:
        groups[_group_key(m)].append(m)
    return [_fused(cluster, conflicts)
            for key in sorted(groups) for cluster in _cluster(groups[key], rules.date_tolerance_days)]


# ---------------------------------------------------------------------------------------- modality

def _change_key(e: FusedEvent) -> tuple[str, str, str, str]:
    return name_key(e.holder), _CHANGE[e.type], name_key(e.role), name_key(e.org)


def _resolve_markers(events: list[FusedEvent], conflicts: list[Conflict]) -> list[FusedEvent]:
    """Settle markers against assertions of the same change; the later report wins."""
    asserted: dict[tuple[str, ...], list[FusedEvent]] = defaultdict(list)
    for e in events:
        if e.status == ASSERTED:
            asserted[_change_key(e)].append(e)
    changed: dict[str, FusedEvent] = {}
    for marker in (e for e in events if e.status == MARKER):
        same = asserted.get(_change_key(marker), [])
        if same:
            _settle(marker, same, changed, conflicts)
    return [changed.get(e.id, e) for e in events]


def _settle(marker: FusedEvent, same: list[FusedEvent], changed: dict[str, FusedEvent],
            conflicts: list[Conflict]) -> None:
    day = marker.last_reported
    later = [a for a in same if a.last_reported and day and a.last_reported > day]
    if later:
        changed[marker.id] = replace(marker, status=SUPERSEDED, superseded_by=later[0].id)
        return
    if marker.modality != Modality.NEGATED:
        return  # a plan or rumour after the fact may be about a repeat; it stays a marker
    sources = marker.sources + tuple(s for a in same for s in a.sources)
    if day and all(a.last_reported and a.last_reported < day for a in same):
        for a in same:
            changed[a.id] = replace(a, status=RETRACTED, superseded_by=marker.id)
        conflicts.append(Conflict("retracted", f"{_what(marker)} denied on {day}, after it was "
                                  "reported; the later report wins", sources, marker.holder, marker.org))
    else:
        conflicts.append(Conflict("contradiction", f"{_what(marker)} is both reported and denied and "
                                  "the reports cannot be ordered; the assertion stands", sources,
                                  marker.holder, marker.org))


# ----------------------------------------------------------------------------------------- tenures

@dataclass
class _LeaveDraft:
    start: DateValue | None
    start_day: dt.date
    end: DateValue | None = None
    end_day: dt.date | None = None


@dataclass
class _Draft:
    """A tenure while it is being built; frozen into a :class:`Tenure` at the end."""

    holder: str
    holder_kind: MentionKind
    role: str | None
    org: str
    family: str
    start: DateValue | None = None
    start_lo: dt.date = MIN_DAY
    start_hi: dt.date = MAX_DAY
    start_reported: bool = False
    start_notes: list[str] = field(default_factory=list)
    end: DateValue | None = None
    end_lo: dt.date = MIN_DAY
    end_hi: dt.date = MAX_DAY
    ended: bool = False
    end_inferred: bool = False
    end_reason: str = ""
    held: list[dt.date] = field(default_factory=list)  # days on which the role is known to be held
    sources: list[Evidence] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    leaves: list[_LeaveDraft] = field(default_factory=list)
    seen: list[dt.date] = field(default_factory=list)  # publication days of the reports cited

    track: tuple[str, str, str] = ("", "", "")  # (holder, role, organisation) keys, set on creation

    @property
    def on_leave(self) -> bool:
        return bool(self.leaves) and self.leaves[-1].end_day is None

    def on_leave_at(self, day: dt.date) -> bool:
        return any(lv.start_day <= day and (lv.end_day is None or day <= lv.end_day) for lv in self.leaves)

    def first_held(self) -> dt.date:
        days = self.held + ([self.end_lo] if self.ended and self.end_lo != MIN_DAY else [])
        return min(days, default=MAX_DAY)

    def last_held(self) -> dt.date:
        """The last day the role is known to be held; a reported start means held from its latest day on."""
        days = self.held + ([self.start_hi] if self.start_reported and self.start_hi != MAX_DAY else [])
        return max(days, default=MIN_DAY)

    def anchor(self) -> dt.date | None:
        """When the tenure is first known to exist: its reported start, else its first held day."""
        if self.start_reported and self.start_lo != MIN_DAY:
            return self.start_lo
        day = min(self.start_hi, self.first_held())
        return None if day == MAX_DAY else day

    def close(self, end: DateValue | None, lo: dt.date, hi: dt.date, *, inferred: bool, reason: str) -> None:
        self.ended, self.end, self.end_inferred, self.end_reason = True, end, inferred, reason
        self.end_lo = max(lo, self.last_held())
        self.end_hi = max(hi, self.end_lo)
        if self.on_leave:  # ending while on leave ends the leave too
            self.leaves[-1].end, self.leaves[-1].end_day = end, self.end_hi

    def cite(self, event: FusedEvent | None, fact: FactReport | None) -> None:
        if event is not None:
            self.events.append(event.id)
            self.sources.extend(event.sources)
            if event.last_reported:
                self.seen.append(event.last_reported)
        if fact is not None:
            span = fact.fact.evidence
            self.sources.append(Evidence(fact.doc.doc_id, span.start, span.end, span.text))
            when = fact.fact.as_of or fact.doc.published
            if when:
                self.seen.append(when.last_day)


class _Item(NamedTuple):
    day: dt.date
    order: int  # same day: starts, role facts, leaves, then ends
    kind: str  # start | attest | former | leave | end
    lo: dt.date
    hi: dt.date
    role: str | None
    event: FusedEvent | None
    fact: FactReport | None

    @property
    def sort_key(self) -> tuple[dt.date, bool, int, dt.date, str]:
        """Time order; on the same day an undated change ("on or before") comes before dated items."""
        dated = self.event is None or self.event.date is not None
        return self.day, dated, self.order, self.hi, self.event.id if self.event else self.fact.id  # type: ignore[union-attr]


_ORDER = {"start": 0, "attest": 1, "former": 2, "leave": 3, "end": 4}


@dataclass
class _Builder:
    """Builds the tenures of one holder at one organisation, fed its items in time order."""

    holder: str
    holder_kind: MentionKind
    org: str
    rules: FusionRules
    conflicts: list[Conflict]
    drafts: list[_Draft] = field(default_factory=list)
    planned_ends: list[tuple[str, dt.date]] = field(default_factory=list)  # (role family, earliest day)

    def feed(self, item: _Item) -> None:
        handlers = {"start": self.on_start, "end": self.on_end, "leave": self.on_leave,
                    "attest": self.on_attest, "former": self.on_former}
        handlers[item.kind](item)

    # -- helpers
    def open_drafts(self) -> list[_Draft]:
        return [d for d in self.drafts if not d.ended]

    def latest(self, role: str | None) -> _Draft | None:
        same = [d for d in self.drafts if name_key(d.role) == name_key(role)]
        return same[-1] if same else None

    def new(self, role: str | None) -> _Draft:
        d = _Draft(self.holder, self.holder_kind, role, self.org, role_family(role, self.rules),
                   track=(name_key(self.holder), name_key(role), name_key(self.org)))
        prev = self.latest(role)
        if prev is not None and prev.ended:  # a restart comes after the previous end
            d.start_lo = prev.end_lo
        self.drafts.append(d)
        return d

    def targets(self, role: str | None) -> list[_Draft]:
        """The open tenures an end or leave applies to: the role's, or all of them for no role/a title."""
        if self.is_title(role):
            return self.open_drafts() or [self.new(None)]
        d = self.latest(role)
        return [d] if d is not None and not d.ended else [self.new(role)]

    def is_title(self, role: str | None) -> bool:
        return role is None or role_family(role, self.rules) in self.rules.titles

    # -- handlers
    def on_start(self, item: _Item) -> None:
        assert item.event is not None
        if self.is_title(item.role) and (item.role is not None or item.event.type == EventType.FOUNDED):
            return  # a founder title is not a position
        d = self.latest(item.role)
        if item.role is None and self.open_drafts():
            d = self.open_drafts()[-1]  # "joined" while already holding a role: same tenure
        elif d is not None and not d.ended:
            _resume(d, item)
        else:
            d = self.new(item.role)
            _set_start(d, item)
            self.after_start(d, item)
        d.cite(item.event, None)

    def after_start(self, d: _Draft, item: _Item) -> None:
        """A named role continues an employment tenure; a reassignment ends the other executive roles."""
        assert item.event is not None
        for other in self.open_drafts():
            if other is d:
                continue
            if other.role is None and d.role is not None:
                other.close(item.event.date, item.lo, item.hi, inferred=True, reason=f"continues as {d.role}")
            elif item.event.type == EventType.REASSIGNED and other.family not in self.rules.board:
                other.close(item.event.date, item.lo, item.hi, inferred=True, reason=f"reassigned as {d.role}")

    def on_end(self, item: _Item) -> None:
        assert item.event is not None
        title = self.is_title(item.role)
        for d in self.targets(item.role):
            d.close(item.event.date, item.lo, item.hi, inferred=title and d.role is not None,
                    reason="left the organisation" if title and d.role is not None else "")
            d.cite(item.event, None)

    def on_leave(self, item: _Item) -> None:
        assert item.event is not None
        for d in self.targets(item.role):
            if not d.on_leave:
                d.leaves.append(_LeaveDraft(item.event.date, _sort_day(item.lo, item.hi)))
            d.held.append(item.lo if item.lo != MIN_DAY else item.hi)
            d.cite(item.event, None)

    def on_attest(self, item: _Item) -> None:
        if self.is_title(item.role):
            return
        d = self.latest(item.role)
        if d is None:
            d = self.new(item.role)
        elif d.ended and item.hi != MAX_DAY and item.hi > d.end_hi:
            self.stale(d, item)
            return
        if item.hi != MAX_DAY:
            d.held.append(item.hi)
        d.cite(None, item.fact)

    def on_former(self, item: _Item) -> None:
        if self.is_title(item.role):
            return
        d = self.latest(item.role)
        if d is not None and not d.ended and self.outgoing(item):
            d.cite(None, item.fact)  # "outgoing": the announced end is still ahead, the role still held
            return
        reason = f"called former on {_iso(item.hi)}"
        if d is None:
            d = self.new(item.role)
            d.close(None, MIN_DAY, item.hi, inferred=True, reason=reason)
        elif not d.ended:
            d.close(None, d.last_held(), item.hi, inferred=True, reason=reason)
        d.cite(None, item.fact)

    def outgoing(self, item: _Item) -> bool:
        family = role_family(item.role, self.rules)
        return any(day > item.hi for fam, day in self.planned_ends if fam in ("", family))

    def stale(self, d: _Draft, item: _Item) -> None:
        assert item.fact is not None
        span = item.fact.fact.evidence
        ev = Evidence(item.fact.doc.doc_id, span.start, span.end, span.text)
        self.conflicts.append(Conflict(
            "stale_fact", f"{self.holder} called {item.role} of {self.org} on {_iso(item.hi)}, after that "
            f"tenure ended (by {_iso(d.end_hi)}); not reopened", (ev, *d.sources[-1:]), self.holder, self.org))


def _set_start(d: _Draft, item: _Item) -> None:
    assert item.event is not None
    d.start_reported, d.start = True, item.event.date
    d.start_lo, d.start_hi = max(d.start_lo, item.lo), min(d.start_hi, item.hi)
    if item.event.date is None:
        d.start_notes.append(f"not dated in the reports; on or before {_iso(item.hi)}")


def _resume(d: _Draft, item: _Item) -> None:
    """A start for a tenure already open: it ends a leave, or dates a start known only from facts."""
    assert item.event is not None
    if d.on_leave and item.event.type == EventType.RETURNED:
        d.leaves[-1].end, d.leaves[-1].end_day = item.event.date, item.hi
        d.held.append(item.lo if item.lo != MIN_DAY else item.hi)
    elif not d.start_reported and item.lo <= d.first_held():
        _set_start(d, item)


def _items(events: Sequence[FusedEvent], facts: Sequence[FactReport], aliases: Mapping[str, str]
           ) -> dict[tuple[str, str], list[tuple[str, MentionKind, str, _Item]]]:
    """Every asserted event and role fact with an organisation, grouped by (holder, organisation)."""
    kinds = {_Change.START: "start", _Change.FOUNDED: "start", _Change.END: "end", _Change.LEAVE: "leave"}
    groups: dict[tuple[str, str], list[tuple[str, MentionKind, str, _Item]]] = defaultdict(list)
    for e in events:
        if e.status == ASSERTED and e.org:
            kind = kinds[_CHANGE[e.type]]
            item = _Item(_sort_day(e.earliest, e.latest), _ORDER[kind], kind, e.earliest, e.latest, e.role, e, None)
            groups[(name_key(e.holder), name_key(e.org))].append((e.holder, e.holder_kind, e.org, item))
    for f in facts:
        holder, org = _canonical(aliases, f.fact.holder) or f.fact.holder, _canonical(aliases, f.fact.org)
        if not org:
            continue
        when = f.fact.as_of or f.doc.published
        lo, hi = (when.first_day, when.last_day) if when else (MIN_DAY, MAX_DAY)
        kind = "attest" if f.fact.current else "former"
        item = _Item(hi, _ORDER[kind], kind, lo, hi, f.fact.role, None, f)
        groups[(name_key(holder), name_key(org))].append((holder, MentionKind.PERSON, org, item))
    return groups


def _build(events: Sequence[FusedEvent], facts: Sequence[FactReport], aliases: Mapping[str, str],
           rules: FusionRules, conflicts: list[Conflict]) -> list[_Draft]:
    drafts: list[_Draft] = []
    planned: dict[tuple[str, str], list[tuple[str, dt.date]]] = defaultdict(list)
    for e in events:  # announced ends: a holder called "former" before them is only outgoing
        if e.status == MARKER and _CHANGE[e.type] == _Change.END and e.modality == Modality.PLANNED:
            planned[(name_key(e.holder), name_key(e.org))].append((role_family(e.role, rules), e.earliest))
    for key in sorted(groups := _items(events, facts, aliases)):
        rows = sorted(groups[key], key=lambda r: r[3].sort_key)
        with_event = [r for r in rows if r[3].event is not None]
        holder, kind, org, _ = (with_event or rows)[0]
        builder = _Builder(holder, kind, org, rules, conflicts, planned_ends=planned.get(key, []))
        for *_, item in rows:
            builder.feed(item)
        drafts.extend(builder.drafts)
    return drafts


# ------------------------------------------------------------------------------ seats and moves

def _single_holder(drafts: list[_Draft], rules: FusionRules, conflicts: list[Conflict]) -> None:
    seats: dict[tuple[str, str], list[_Draft]] = defaultdict(list)
    for d in drafts:
        if d.family in rules.single_holder and d.anchor() is not None:
            seats[(name_key(d.org), d.family)].append(d)
    for seat in seats.values():
        seat.sort(key=lambda d: (d.anchor(), not d.start_reported, d.track))
        for i, nxt in enumerate(seat):
            _take_seat(nxt, seat[:i], rules, conflicts)
        _end_interims(seat, rules)


def _take_seat(nxt: _Draft, earlier: list[_Draft], rules: FusionRules, conflicts: list[Conflict]) -> None:
    """``nxt`` takes a single-holder seat: open predecessors end, and bound its undated start."""
    day = nxt.anchor()
    assert day is not None
    for prev in (p for p in earlier if p.track != nxt.track):
        if not prev.ended:
            if is_interim(nxt.role, rules) and prev.on_leave_at(day):
                continue  # an interim stands in for a holder on leave
            if prev.last_held() > day:
                _overlap(prev, nxt, conflicts)
            prev.close(nxt.start, nxt.start_lo, day, inferred=True,
                       reason=f"{nxt.role} seat filled by {nxt.holder}")
        elif prev.end_lo > day:
            _overlap(prev, nxt, conflicts)
    ends = [p for p in earlier if p.ended and p.track != nxt.track and MIN_DAY < p.end_lo <= day]
    if ends and nxt.start_lo == MIN_DAY:
        prev = max(ends, key=lambda p: p.end_lo)
        nxt.start_lo = prev.end_lo
        nxt.start_notes.append(f"after {prev.holder} left the seat ({_iso(prev.end_lo)})")


def _overlap(prev: _Draft, nxt: _Draft, conflicts: list[Conflict]) -> None:
    conflicts.append(Conflict(
        "single_holder", f"{prev.holder} ({prev.role}) is reported in the seat until {_iso(prev.last_held())}, "
        f"but {nxt.holder} ({nxt.role}) holds it from {_iso(nxt.anchor() or MAX_DAY)}",
        tuple(prev.sources[-1:] + nxt.sources[:1]), prev.holder, prev.org))


def _end_interims(seat: list[_Draft], rules: FusionRules) -> None:
    """An interim holder who stood in for a holder on leave steps down when that leave ends."""
    for d in seat:
        if d.ended or not is_interim(d.role, rules):
            continue
        anchor = d.anchor() or MIN_DAY
        returns = [(lv.end_day, lv.end, o) for o in seat if o.track != d.track for lv in o.leaves
                   if lv.end_day is not None and lv.end_day >= anchor]
        if returns:
            day, date, other = min(returns, key=lambda r: r[0])
            d.close(date, day, day, inferred=True, reason=f"{other.holder} back from leave")


def _exclusive(d: _Draft, rules: FusionRules) -> bool:
    """Employment and executive roles are held at one organisation at a time; board seats are not."""
    return d.role is None or (d.family not in rules.board and d.family not in rules.titles)


def _moves(drafts: list[_Draft], rules: FusionRules) -> None:
    people: dict[str, list[_Draft]] = defaultdict(list)
    for d in drafts:
        if d.anchor() is not None and _exclusive(d, rules):
            people[name_key(d.holder)].append(d)
    for group in people.values():
        group.sort(key=lambda d: d.anchor())  # type: ignore[arg-type, return-value]
        for d in group:
            if d.ended:
                continue
            later = [n for n in group if name_key(n.org) != name_key(d.org) and (d.role is None or n.role is None)
                     and n.anchor() > d.anchor()]  # type: ignore[operator]
            if later:
                n = later[0]
                d.close(n.start if n.start_reported else None, n.start_lo, n.anchor(),  # type: ignore[arg-type]
                        inferred=True, reason=f"moved to {n.org}")


# ---------------------------------------------------------------------------------------- freezing

def _freeze(d: _Draft, index: int) -> Tenure:
    first = d.first_held()
    start_hi = min(d.start_hi, first)
    start_lo = min(d.start_lo, start_hi)
    notes = list(d.start_notes)
    if not d.start_reported:
        notes.insert(0, "start not reported" + (f"; held by {_iso(first)}" if first != MAX_DAY else ""))
    end_lo, end_hi = (d.end_lo, d.end_hi) if d.ended else (MAX_DAY, MAX_DAY)
    status = ENDED if d.ended else (ON_LEAVE if d.on_leave else CURRENT)
    return Tenure(
        id=_short_id("t-", [*d.track, str(index)]), holder=d.holder, holder_kind=d.holder_kind,
        role=d.role, org=d.org, start=d.start, end=d.end if d.ended else None,
        start_inferred=d.start is None, start_reason="; ".join(notes), end_inferred=d.end_inferred,
        end_reason=d.end_reason, start_earliest=start_lo, start_latest=start_hi,
        end_earliest=end_lo, end_latest=end_hi, sources=tuple(dict.fromkeys(d.sources)),
        events=tuple(dict.fromkeys(d.events)),
        leaves=tuple(Leave(lv.start, lv.end) for lv in d.leaves),
        status=status, last_seen=max(d.seen, default=None))


def _freeze_all(drafts: list[_Draft]) -> list[Tenure]:
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for d in drafts:
        out.append(_freeze(d, seen[d.track]))
        seen[d.track] += 1
    return sorted(out, key=lambda t: (name_key(t.org), min(t.start_latest, t.end_earliest), role_family(t.role),
                                      name_key(t.holder), t.id))


# ------------------------------------------------------------------------------------------ public

def fuse(events: Iterable[EventReport], facts: Iterable[FactReport] = (), *,
         aliases: Mapping[str, str] | None = None, rules: FusionRules = DEFAULT_RULES) -> Timeline:
    """Fuse every report into one timeline (see the module docstring for the rules)."""
    names = dict(aliases or {})
    conflicts: list[Conflict] = []
    facts = list(facts)
    fused = _resolve_markers(_fuse_events(events, names, rules, conflicts, facts), conflicts)
    drafts = _build(fused, facts, names, rules, conflicts)
    _single_holder(drafts, rules, conflicts)
    _moves(drafts, rules)
    fused.sort(key=lambda e: (_sort_day(e.earliest, e.latest), name_key(e.holder), e.id))
    conflicts.sort(key=lambda c: (c.kind, c.description))
    log.debug("fused %d events into %d tenures, %d conflicts", len(fused), len(drafts), len(conflicts))
    return Timeline(tuple(_freeze_all(drafts)), tuple(fused), tuple(conflicts))


@lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def plain(value: object) -> object:
    """Records as nested lists of plain values, for hashing (dataclasses.asdict is far slower)."""
    if value is None or isinstance(value, (str, int, float)):
        return value  # str enums are str
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if is_dataclass(value):
        return [plain(getattr(value, name)) for name in _field_names(type(value))]
    return str(value)


def content_hash(value: object) -> str:
    """SHA-256 of a record's content."""
    return hashlib.sha256(json.dumps(plain(value), ensure_ascii=False).encode()).hexdigest()


def stable_id(prefix: str, analysis_hash: str, seq: int) -> str:
    """The id of a stored event ('ev-') or role fact ('fa-'): its position in an analysis with this content
    hash, so the same content always gives the same ids (a changed article replaces all its rows)."""
    return prefix + hashlib.sha256(f"{analysis_hash}:{prefix}{seq}".encode()).hexdigest()[:20]


def reports_of(analysis: Analysis, analysis_hash: str | None = None) -> tuple[list[EventReport], list[FactReport]]:
    """The reports of one analysis, with the ids the store gives them."""
    digest = analysis_hash or content_hash(analysis)
    doc = DocMeta(analysis.document.id, analysis.published, analysis.story)
    events = [EventReport(stable_id("ev-", digest, i), ev, doc) for i, ev in enumerate(analysis.events)]
    facts = [FactReport(stable_id("fa-", digest, i), f, doc) for i, f in enumerate(analysis.facts)]
    return events, facts


def fuse_analyses(analyses: Iterable[Analysis], *, rules: FusionRules = DEFAULT_RULES) -> Timeline:
    """Fuse analyses held in memory (the store does the same from its tables)."""
    events: list[EventReport] = []
    facts: list[FactReport] = []
    entities: list[Entity] = []
    by_doc: list[tuple[Entity, ...]] = []
    for a in analyses:
        ev, fa = reports_of(a)
        events.extend(ev)
        facts.extend(fa)
        entities.extend(a.entities)
        by_doc.append(a.entities)
    return fuse(events, facts, aliases=with_short_names(build_aliases(entities), by_doc), rules=rules)


# ------------------------------------------------------------------------------------------- codec

def _day_out(day: dt.date, raw: bool) -> str | None:
    return day.isoformat() if raw or day not in (MIN_DAY, MAX_DAY) else None


def _date_out(value: DateValue | None) -> str | None:
    return value.value if value is not None else None


def _date_in(text: str | None) -> DateValue | None:
    return DateValue(text) if text else None


def _evidence_out(sources: Sequence[Evidence]) -> list[dict[str, object]]:
    return [s._asdict() for s in sources]


def _evidence_in(rows: Iterable[Mapping[str, object]]) -> tuple[Evidence, ...]:
    return tuple(Evidence(str(r["doc_id"]), int(r["start"]), int(r["end"]), str(r["text"]))  # type: ignore[call-overload]
                 for r in rows)


def tenure_to_dict(t: Tenure, *, raw: bool = False) -> dict[str, object]:
    """JSON-ready dict; ``raw`` keeps unbounded window ends as 0001-01-01/9999-12-31 instead of null."""
    return {
        "id": t.id, "holder": t.holder, "holder_kind": t.holder_kind.value, "role": t.role, "org": t.org,
        "start": _date_out(t.start), "end": _date_out(t.end),
        "start_inferred": t.start_inferred, "start_reason": t.start_reason,
        "end_inferred": t.end_inferred, "end_reason": t.end_reason,
        "start_earliest": _day_out(t.start_earliest, raw), "start_latest": _day_out(t.start_latest, raw),
        "end_earliest": _day_out(t.end_earliest, raw), "end_latest": _day_out(t.end_latest, raw),
        "status": t.status, "leaves": [[_date_out(s), _date_out(e)] for s, e in t.leaves],
        "events": list(t.events), "sources": _evidence_out(t.sources),
        "last_seen": t.last_seen.isoformat() if t.last_seen else None,
    }


def tenure_from_dict(d: Mapping[str, object]) -> Tenure:
    """Inverse of ``tenure_to_dict(t, raw=True)``."""
    day = dt.date.fromisoformat
    return Tenure(
        id=str(d["id"]), holder=str(d["holder"]), holder_kind=MentionKind(d["holder_kind"]),
        role=d["role"], org=str(d["org"]),  # type: ignore[arg-type]
        start=_date_in(d["start"]), end=_date_in(d["end"]),  # type: ignore[arg-type]
        start_inferred=bool(d["start_inferred"]), start_reason=str(d["start_reason"]),
        end_inferred=bool(d["end_inferred"]), end_reason=str(d["end_reason"]),
        start_earliest=day(d["start_earliest"]), start_latest=day(d["start_latest"]),  # type: ignore[arg-type]
        end_earliest=day(d["end_earliest"]), end_latest=day(d["end_latest"]),  # type: ignore[arg-type]
        status=str(d["status"]), events=tuple(d["events"]),  # type: ignore[arg-type]
        leaves=tuple(Leave(_date_in(s), _date_in(e)) for s, e in d["leaves"]),  # type: ignore[union-attr]
        sources=_evidence_in(d["sources"]),  # type: ignore[arg-type]
        last_seen=day(d["last_seen"]) if d.get("last_seen") else None)  # type: ignore[arg-type]


def event_to_dict(e: FusedEvent, *, raw: bool = False) -> dict[str, object]:
    return {
        "id": e.id, "type": e.type.value, "holder": e.holder, "holder_kind": e.holder_kind.value,
        "role": e.role, "org": e.org, "date": _date_out(e.date),
        "earliest": _day_out(e.earliest, raw), "latest": _day_out(e.latest, raw),
        "modality": e.modality.value, "status": e.status, "superseded_by": e.superseded_by,
        "confidence": e.confidence, "stories": list(e.stories), "reports": list(e.reports),
        "first_reported": e.first_reported.isoformat() if e.first_reported else None,
        "last_reported": e.last_reported.isoformat() if e.last_reported else None,
        "sources": _evidence_out(e.sources),
    }


def event_from_dict(d: Mapping[str, object]) -> FusedEvent:
    """Inverse of ``event_to_dict(e, raw=True)``."""
    day = dt.date.fromisoformat
    return FusedEvent(
        id=str(d["id"]), type=EventType(d["type"]), holder=str(d["holder"]),
        holder_kind=MentionKind(d["holder_kind"]), role=d["role"], org=d["org"],  # type: ignore[arg-type]
        date=_date_in(d["date"]), earliest=day(d["earliest"]), latest=day(d["latest"]),  # type: ignore[arg-type]
        modality=Modality(d["modality"]), status=str(d["status"]),
        superseded_by=d["superseded_by"], confidence=float(d["confidence"]),  # type: ignore[arg-type]
        stories=tuple(d["stories"]), reports=tuple(d["reports"]),  # type: ignore[arg-type]
        first_reported=day(d["first_reported"]) if d["first_reported"] else None,  # type: ignore[arg-type]
        last_reported=day(d["last_reported"]) if d["last_reported"] else None,  # type: ignore[arg-type]
        sources=_evidence_in(d["sources"]))  # type: ignore[arg-type]


def conflict_to_dict(c: Conflict) -> dict[str, object]:
    return {"kind": c.kind, "description": c.description, "holder": c.holder, "org": c.org,
            "sources": _evidence_out(c.sources)}


def conflict_from_dict(d: Mapping[str, object]) -> Conflict:
    return Conflict(str(d["kind"]), str(d["description"]), _evidence_in(d["sources"]),  # type: ignore[arg-type]
                    d["holder"], d["org"])  # type: ignore[arg-type]
