"""Changes of the fused timeline worth announcing, each under a key so it is announced once.

Kinds: ``event.new`` (a change of position first reported; a rumour or plan counts, its modality says
so), ``rumour.confirmed`` (a rumoured or planned change later asserted), ``rumour.denied`` (a change
denied after it was reported, or a denial of a rumoured one), ``tenure.started`` and ``tenure.ended``.

The key is made of names and the kind of change, never of article ids, dates or counts: a further
article about the same change (a copy, a translation, a follow-up with a more precise date) adds
sources, not a change. :func:`detect` compares the timeline with the ``changes`` table and records
(and returns) what is new.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..timeline.fuse import Evidence, FusedEvent, Tenure, Timeline, name_key, role_family
from ..models import DateValue, EventType, Modality
from ..store import DocInfo, SQLiteStore
from ..sources.state import now_iso

__all__ = ["KINDS", "Change", "changes_of", "detect", "recent"]

KINDS = ("event.new", "rumour.confirmed", "rumour.denied", "tenure.started", "tenure.ended")
_UNSURE = (Modality.RUMOURED, Modality.UNCERTAIN, Modality.PLANNED)
_STARTS = (EventType.APPOINTED, EventType.RETURNED, EventType.FOUNDED)


@dataclass(frozen=True, slots=True)
class Change:
    key: str
    kind: str
    summary: str
    person: str
    organisation: str | None
    role: str | None
    event_type: str | None  # appointed, departed, ... for event changes
    modality: str | None
    date: str | None
    evidence: str
    document: str
    article_url: str | None
    record: str  # fused event or tenure id at detection time
    seq: int = 0  # order of detection (0 before it is stored)
    detected_at: str = ""

    def payload(self) -> dict[str, object]:
        """The JSON body of a webhook POST."""
        return {"change": self.kind, "key": self.key, "summary": self.summary, "person": self.person,
                "organisation": self.organisation, "role": self.role, "event_type": self.event_type,
                "modality": self.modality, "date": self.date, "evidence": self.evidence,
                "article_url": self.article_url, "document": self.document, "record": self.record,
                "detected_at": self.detected_at}


def _key(*parts: str | None) -> str:
    return hashlib.sha256("\x1f".join(p or "" for p in parts).encode()).hexdigest()[:24]


def _base(e: FusedEvent) -> tuple[str, str, str, str]:
    return e.type.value, name_key(e.holder), role_family(e.role), name_key(e.org)


def _event_change(kind: str, e: FusedEvent, src: Evidence, docs: dict[str, DocInfo], summary: str) -> Change:
    info = docs.get(src.doc_id)
    return Change(_key(kind, *_base(e)), kind, summary, e.holder, e.org, e.role, e.type.value, e.modality.value,
                  e.date.value if e.date else None, " ".join(src.text.split()), src.doc_id,
                  (info.url or info.source) if info else None, e.id)


def _what(e: FusedEvent) -> str:
    role = f" as {e.role}" if e.role else ""
    at = f" at {e.org}" if e.org else ""
    return f"{e.holder} {e.type.value}{role}{at}"


def _event_changes(events: tuple[FusedEvent, ...], docs: dict[str, DocInfo]) -> Iterable[Change]:
    by_id = {e.id: e for e in events}
    unsure = {_base(e) for e in events if e.modality in _UNSURE}
    for e in events:
        if not e.sources:
            continue
        if e.modality != Modality.NEGATED:
            note = "" if e.modality == Modality.ASSERTED else f" ({e.modality.value})"
            yield _event_change("event.new", e, e.sources[0], docs, _what(e) + note)
        if e.status == "superseded" and e.modality in _UNSURE and e.superseded_by in by_id:
            later = by_id[e.superseded_by]
            yield _event_change("rumour.confirmed", e, later.sources[0], docs, f"confirmed: {_what(e)}")
        if e.status == "retracted" and e.superseded_by in by_id:
            denial = by_id[e.superseded_by]
            yield _event_change("rumour.denied", e, denial.sources[0], docs, f"denied: {_what(e)}")
        if e.modality == Modality.NEGATED and _base(e) in unsure:
            yield _event_change("rumour.denied", e, e.sources[0], docs, f"denied: {_what(e)}")


def _order(e: FusedEvent) -> tuple[object, ...]:
    """Events of one tenure in time order, independent of article ids."""
    return e.earliest, e.latest, str(e.first_reported), e.type.value, e.sources[0].text


def _tenure_changes(tenures: tuple[Tenure, ...], events: tuple[FusedEvent, ...], docs: dict[str, DocInfo]
                    ) -> Iterable[Change]:
    by_id = {e.id: e for e in events if e.sources}
    nth: dict[tuple[str, str, str], int] = defaultdict(int)
    for t in sorted(tenures, key=lambda t: (t.start_earliest, t.start_latest, t.id)):
        seat = (name_key(t.holder), role_family(t.role), name_key(t.org))
        nth[seat] += 1
        own = sorted((by_id[i] for i in t.events if i in by_id), key=_order)
        starters = [e for e in own if e.type in _STARTS]
        enders = [e for e in own if e.type not in _STARTS]
        role = t.role or "a post"
        common = dict(person=t.holder, organisation=t.org, role=t.role, event_type=None, modality=None, record=t.id)
        if starters:  # begun by a reported change, not just known to have ended (or from "X, chief of Y")
            yield _tenure_change("tenure.started", seat, nth[seat], f"{t.holder} holds {role} at {t.org}",
                                 t.start, starters[0].sources[0], docs, common)
        if t.status == "ended" and (enders or own):
            yield _tenure_change("tenure.ended", seat, nth[seat], f"{t.holder} no longer holds {role} at {t.org}",
                                 t.end, (enders or own)[-1].sources[0], docs, common)


def _tenure_change(kind: str, seat: tuple[str, str, str], n: int, summary: str, date: DateValue | None,
                   src: Evidence, docs: dict[str, DocInfo], common: dict[str, object]) -> Change:
    info = docs.get(src.doc_id)
    return Change(_key(kind, *seat, str(n)), kind, summary, date=date.value if date else None,  # type: ignore[arg-type]
                  evidence=" ".join(src.text.split()), document=src.doc_id,
                  article_url=(info.url or info.source) if info else None, **common)


def changes_of(timeline: Timeline, docs: dict[str, DocInfo]) -> list[Change]:
    """Every announceable change in a timeline, each key once (the first found)."""
    out: dict[str, Change] = {}
    for c in (*_event_changes(timeline.events, docs), *_tenure_changes(timeline.tenures, timeline.events, docs)):
        out.setdefault(c.key, c)
    return list(out.values())


def detect(store: SQLiteStore) -> list[Change]:
    """Record the changes of the store's timeline not announced before; return them in order."""
    timeline = store.timeline()
    doc_ids = {s.doc_id for e in timeline.events for s in e.sources}
    doc_ids |= {s.doc_id for t in timeline.tenures for s in t.sources}
    found = changes_of(timeline, store.documents_info(doc_ids))
    known = {r[0] for r in store.rows("SELECT change_key FROM changes")}
    fresh = [c for c in found if c.key not in known]
    before = store.rows("SELECT coalesce(max(seq), 0) FROM changes")[0][0]
    if fresh:
        stamp = now_iso()
        with store.transaction() as conn:
            conn.executemany(
                "INSERT INTO changes (change_key, kind, org_key, holder_key, payload, detected_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [(c.key, c.kind, name_key(c.organisation), name_key(c.person),
                  json.dumps({**c.payload(), "detected_at": stamp}, ensure_ascii=False), stamp) for c in fresh])
    keys = {c.key for c in fresh}
    return [c for c in recent(store, limit=None, after=before) if c.key in keys]


def recent(store: SQLiteStore, *, org_key: str | None = None, limit: int | None = 100,
           after: int = 0) -> list[Change]:
    """Stored changes, oldest first (the last ``limit``), optionally of one organisation (by key)."""
    where, args = ["seq > ?"], [after]
    if org_key is not None:
        where.append("org_key = ?")
        args.append(org_key)
    sql = f"SELECT seq, payload, detected_at FROM changes WHERE {' AND '.join(where)} ORDER BY seq DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    rows = store.rows(sql, args)
    return [_from_row(*r) for r in reversed(rows)]


def _from_row(seq: int, payload: str, detected_at: str) -> Change:
    d = json.loads(payload)
    return Change(d["key"], d["change"], d["summary"], d["person"], d["organisation"], d["role"], d["event_type"],
                  d["modality"], d["date"], d["evidence"], d["document"], d["article_url"], d["record"], seq,
                  detected_at)
