"""The fused timeline's typed records (tenures, fused events, conflicts, the reports they are made of)
and their JSON codec."""
from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..models import DateValue, Event, EventType, MentionKind, Modality, RoleFact

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
    # A public office's role is the title as written ("Ministerin", "Minister"): a seat is the same for a
    # woman and a man, so a feminine ending of a title's last word folds to the base form.
    feminine_endings: tuple[tuple[str, str], ...] = (
        ("erin", "er"), ("entin", "ent"), ("antin", "ant"), ("torin", "tor"), ("anin", "an"), ("ofin", "of"),
    )
    date_tolerance_days: int = 3


DEFAULT_RULES = FusionRules()


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
