"""Rows of the store's tables and back: the serialisation every backend shares (plain values only, so the
same tuples go into SQLite and PostgreSQL)."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from ..timeline.fuse import content_hash, name_key, stable_id
from ..models import Analysis, DateValue, Document, Event, EventType, MentionKind, Modality, RoleFact, Span

__all__ = ["EVENT_COLS", "FACT_COLS", "analysis_hash", "conditions", "document_hash", "event_from_row",
           "event_row", "extra", "fact_from_row", "fact_row", "fts_words", "main_org", "now", "origin", "problem",
           "source_of", "span_in", "span_out"]

EVENT_COLS = ("doc_id, type, holder, holder_kind, role, org, date, modality, ev_start, ev_end, ev_text, "
              "trig_start, trig_end, trig_text, rule, confidence, date_text")
FACT_COLS = "doc_id, holder, role, org, ev_start, ev_end, ev_text, current, as_of"


def main_org(a: Analysis) -> str | None:
    """The organisation an article names most: its quotations are found under it."""
    orgs = [(len(e.mentions), e.name) for e in a.entities if e.kind is MentionKind.ORG]
    return max(orgs)[1] if orgs else None


def analysis_hash(a: Analysis) -> str:
    return content_hash(a)


def document_hash(doc: Document) -> str:
    return content_hash([doc.text, doc.title, doc.url, doc.published, doc.lang])


def span_out(s: Span | None) -> list[object] | None:
    return None if s is None else [s.start, s.end, s.text]


def span_in(v: Sequence[object] | None) -> Span | None:
    return None if v is None else Span(int(v[0]), int(v[1]), str(v[2]))  # type: ignore[call-overload]


def extra(a: Analysis) -> str:
    mentions = [[m.start, m.end, m.text, m.kind.value, m.norm, m.entity] for m in a.mentions]
    return json.dumps({"boilerplate": [span_out(s) for s in a.boilerplate], "mentions": mentions,
                       "warnings": list(a.warnings)}, ensure_ascii=False)


def problem(a: object) -> str | None:
    """Why an analysis cannot be stored, or None."""
    if not isinstance(a, Analysis) or not isinstance(a.document, Document):
        return f"not an Analysis: {type(a).__name__}"
    doc = a.document
    if not isinstance(doc.id, str) or not doc.id.strip():
        return "document has no id"
    if not isinstance(doc.text, str):
        return f"document {doc.id!r} has no text"
    n = len(doc.text)
    spans = [("event", i, e.evidence) for i, e in enumerate(a.events)]
    spans += [("role fact", i, f.evidence) for i, f in enumerate(a.facts)]
    for what, i, span in spans:
        if span.end > n:
            return f"document {doc.id!r}: {what} {i} evidence {span.start}:{span.end} is outside the text ({n} chars)"
    return None


def source_of(a: object) -> str:
    """Where a (possibly malformed) analysis came from, for the failures table."""
    doc = getattr(a, "document", None)
    return str(getattr(doc, "source", "") or getattr(doc, "id", "") or type(a).__name__)


def origin(source: str) -> str:
    """The file (or upload) a source names, without the line of a JSON Lines record."""
    head, sep, tail = source.rpartition(":")
    return head if sep and tail.isdigit() else source


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def event_row(doc_id: str, digest: str, seq: int, e: Event) -> tuple[object, ...]:
    trig = e.trigger
    return (stable_id("ev-", digest, seq), doc_id, seq, e.type.value, e.holder, e.holder_kind.value, e.role,
            e.org, e.date.value if e.date else None, e.modality.value, e.evidence.start, e.evidence.end,
            e.evidence.text, trig.start if trig else None, trig.end if trig else None, trig.text if trig else None,
            e.rule, float(e.confidence), e.date_text, name_key(e.holder), name_key(e.role), name_key(e.org))


def event_from_row(r: Sequence[object]) -> Event:
    trig = Span(int(r[11]), int(r[12]), str(r[13])) if r[11] is not None else None  # type: ignore[call-overload]
    return Event(str(r[0]), EventType(r[1]), str(r[2]), MentionKind(r[3]), r[4], r[5],  # type: ignore[arg-type]
                 DateValue(str(r[6])) if r[6] else None, Modality(r[7]),
                 Span(int(r[8]), int(r[9]), str(r[10])), trig, str(r[14]), float(r[15]), r[16])  # type: ignore[call-overload, arg-type]


def fact_row(doc_id: str, digest: str, seq: int, f: RoleFact) -> tuple[object, ...]:
    return (stable_id("fa-", digest, seq), doc_id, seq, f.holder, f.role, f.org, f.evidence.start,
            f.evidence.end, f.evidence.text, int(f.current), f.as_of.value if f.as_of else None,
            name_key(f.holder), name_key(f.role), name_key(f.org))


def fact_from_row(r: Sequence[object]) -> RoleFact:
    return RoleFact(str(r[0]), str(r[1]), str(r[2]), r[3], Span(int(r[4]), int(r[5]), str(r[6])),  # type: ignore[arg-type, call-overload]
                    bool(r[7]), DateValue(str(r[8])) if r[8] else None)


def conditions(**keys: str | None) -> tuple[list[str], list[object]]:
    where = [f"{column} = ?" for column, value in keys.items() if value is not None]
    return where, [value for value in keys.values() if value is not None]


def fts_words(text: str) -> list[str]:
    """The words of a search, so user input is never full-text query syntax in either backend."""
    return [w for w in "".join(ch if ch.isalnum() else " " for ch in str(text)).split() if w]
