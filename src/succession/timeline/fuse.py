"""Fusion: many articles' reports become one timeline of fused events, tenures and conflicts.

Input is every stored event and role fact with its document's publication date and story; output is a
:class:`Timeline`. The function is pure (no store, no I/O), so it is tested on hand-built records. The
records are in ``types.py``, name and date keys in ``keys.py``, the tenure walk (rules 5 to 7) in
``tenures.py``; this module clusters the reports into fused events and settles their modality.

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
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from functools import lru_cache

from ..across import reconcile
from ..models import Analysis, DateValue, Entity, Modality
from .keys import (_CHANGE, _TYPE_PRIORITY, _canonical, _Change, _days, _short_id, _sort_day, _window, build_aliases,
                   is_interim, recency_key, record_orders, role_family, short_name, short_name_proposals, with_short_names)
from .types import (ASSERTED, CURRENT, DEFAULT_RULES, ENDED, MARKER, MAX_DAY, MIN_DAY, ON_LEAVE, RETRACTED,
                      SUPERSEDED, Conflict, DocMeta, EventReport, Evidence, FactReport, FusedEvent, FusionRules, Leave,
                      Tenure, Timeline, conflict_from_dict, conflict_to_dict, event_from_dict, event_to_dict, name_key,
                      tenure_from_dict, tenure_to_dict)
from .tenures import _build, _freeze_all, _moves, _single_holder

__all__ = [
    "ASSERTED", "CURRENT", "ENDED", "MARKER", "ON_LEAVE", "RETRACTED", "SUPERSEDED", "FUSION_REVISION", "Conflict",
    "DocMeta", "EventReport", "Evidence", "FactReport", "FusedEvent", "FusionRules",
    "Leave", "MAX_DAY", "MIN_DAY", "Tenure", "Timeline", "build_aliases", "conflict_from_dict",
    "conflict_to_dict", "event_from_dict", "event_to_dict", "fuse", "fuse_analyses", "is_interim",
    "content_hash", "name_key", "plain", "recency_key", "record_orders", "reports_of", "role_family", "short_name",
    "short_name_proposals", "stable_id", "tenure_from_dict", "tenure_to_dict", "with_short_names",
]

log = logging.getLogger(__name__)

# moves on whenever the rules change what fusion makes of the same reports: stores fuse their data again
FUSION_REVISION = "3"  # 3: a variant's most frequent spelling wins ties by the spelling, not by article order



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


