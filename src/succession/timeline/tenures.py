"""Tenures from fused events and role facts, walked in time order per holder and organisation; seats
with a single holder, moves between organisations (rules 5 to 7 of ``fuse.py``)."""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ..models import DateValue, EventType, MentionKind, Modality
from .keys import _CHANGE, _canonical, _Change, _iso, _short_id, _sort_day, is_interim, role_family
from .types import (ASSERTED, CURRENT, ENDED, MARKER, MAX_DAY, MIN_DAY, ON_LEAVE, Conflict, Evidence, FactReport,
                      FusedEvent, FusionRules, Leave, Tenure, name_key)

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


