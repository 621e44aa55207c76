"""The HTTP API's request and response bodies (pydantic models), and conversions from library records.

Dates are ISO strings at the precision the sources give ('2023', '2023-11', '2023-11-17'); window
bounds (``*_earliest``/``*_latest``) are days, ``null`` when unbounded.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ..timeline.fuse import Conflict, FusedEvent, Tenure, conflict_to_dict, event_to_dict, role_family, tenure_to_dict
from ..models import Analysis, Event, Quote, RoleFact, Span
from ..timeline.query import SourceRef
from ..store import DocInfo, SearchHit

__all__ = [
    "ArticleIn", "ConflictOut", "DocEventOut", "DocumentInfoOut", "DocumentOut", "EntityOut", "EventOut",
    "EvidenceOut", "FactOut", "HealthOut", "IngestOut", "Page", "QuoteOut", "RejectedOut", "SearchHitOut", "SourceOut",
    "SpanOut", "StoryOut", "StoryVersionsOut", "TenureOut", "TimelineOut", "WhereOut", "WhoOut",
    "document_info_out", "document_out", "event_out", "quote_out", "source_out", "tenure_out",
]

T = TypeVar("T")
MAX_TEXT = 5_000_000


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="Items in the whole listing (``offset`` + ``limit`` pages through it).")
    limit: int
    offset: int


class EvidenceOut(BaseModel):
    doc_id: str
    start: int = Field(description="Character offset of the sentence in the document's text.")
    end: int
    text: str


class SourceOut(EvidenceOut):
    title: str | None
    url: str | None
    published: str | None


class TenureOut(BaseModel):
    id: str
    holder: str
    holder_kind: str
    role: str | None = Field(description="null: employed, role not named.")
    seat: str = Field(description="The seat the role occupies (interim and acting roles share their base role's).")
    org: str
    start: str | None
    end: str | None
    start_inferred: bool
    start_reason: str
    end_inferred: bool
    end_reason: str
    start_earliest: str | None
    start_latest: str | None
    end_earliest: str | None
    end_latest: str | None
    status: str = Field(description="current | ended | on leave (current: no end reported, see last_seen)")
    leaves: list[list[str | None]]
    events: list[str]
    sources: list[EvidenceOut]
    last_seen: str | None = Field(None, description="The latest article reporting the role held, YYYY-MM-DD.")


class EventOut(BaseModel):
    id: str
    type: str
    holder: str
    holder_kind: str
    role: str | None
    seat: str
    org: str | None
    date: str | None
    earliest: str | None
    latest: str | None
    modality: str = Field(description="asserted | planned | rumoured | negated | uncertain")
    status: str = Field(description="asserted | marker | superseded | retracted")
    superseded_by: str | None
    confidence: float
    stories: list[str]
    reports: list[str]
    first_reported: str | None
    last_reported: str | None
    sources: list[EvidenceOut]


class ConflictOut(BaseModel):
    kind: str
    description: str
    holder: str | None
    org: str | None
    sources: list[EvidenceOut]


class TimelineOut(BaseModel):
    tenures: list[TenureOut]
    events: list[EventOut]
    conflicts: list[ConflictOut]
    total_tenures: int
    total_events: int
    total_conflicts: int
    limit: int
    offset: int


class WhoOut(BaseModel):
    holders: list[str]
    tenures: list[TenureOut]
    why: str | None = Field(None, description="When nobody is found: why, with the nearest known names.")


class WhereOut(BaseModel):
    orgs: list[str]
    tenures: list[TenureOut]


class DocumentInfoOut(BaseModel):
    id: str
    title: str | None
    url: str | None
    lang: str | None
    published: str | None
    story: str | None
    source: str


class SpanOut(BaseModel):
    start: int
    end: int
    text: str


class DocEventOut(BaseModel):
    type: str
    holder: str
    holder_kind: str
    role: str | None
    org: str | None
    date: str | None
    modality: str
    evidence: SpanOut
    trigger: SpanOut | None
    rule: str
    confidence: float
    date_text: str | None


class FactOut(BaseModel):
    holder: str
    role: str
    org: str | None
    evidence: SpanOut
    current: bool
    as_of: str | None


class DocEntityOut(BaseModel):
    name: str
    kind: str
    variants: list[str]


class DocumentOut(DocumentInfoOut):
    text: str = Field(description="The text all offsets refer to. Plain text: never render it as markup.")
    published_basis: str | None
    events: list[DocEventOut]
    facts: list[FactOut]
    entities: list[DocEntityOut]
    quotes: list[QuoteOut] = []
    warnings: list[str]


class QuoteOut(BaseModel):
    id: str | None = None
    doc_id: str
    type: str = Field(description="direct, indirect (reported speech) or reported (laut X, according to X)")
    speaker: str | None
    speaker_kind: str | None
    speaker_span: SpanOut | None = Field(description="The words naming the speaker here (may be a pronoun).")
    quote: SpanOut
    cue: SpanOut | None
    sentence: SpanOut | None = Field(description="The sentence(s) to highlight the quotation in.")
    confidence: float


class StoryOut(BaseModel):
    id: str
    documents: list[DocumentInfoOut]


class StoryVersionsOut(BaseModel):
    id: str
    documents: list[DocumentOut]
    total: int = Field(description="Documents in the story (at most ``limit`` are returned).")


class EntityOut(BaseModel):
    name: str
    kind: Literal["person", "org"]
    variants: list[str]
    tenures: int
    events: int


class SearchHitOut(BaseModel):
    kind: str = Field(description="document | event")
    id: str
    doc_id: str
    snippet: str = Field(description="Matching words are between [ and ].")
    score: float


class ArticleIn(BaseModel):
    """One article to ingest (the fields of a JSON Lines input record)."""

    model_config = ConfigDict(extra="ignore")
    id: str = Field(min_length=1, max_length=300, pattern=r"\S")
    text: str = Field(min_length=1, max_length=MAX_TEXT, pattern=r"\S")
    title: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=100)
    url: str | None = Field(default=None, max_length=4000)
    lang: str | None = Field(default=None, max_length=35)


class RejectedOut(BaseModel):
    source: str
    reason: str


class IngestOut(BaseModel):
    added: int
    replaced: int
    unchanged: int
    documents: list[str] = Field(description="Ids of the articles read from the request.")
    rejected: list[RejectedOut]
    moved: list[RejectedOut] = Field(default_factory=list, description=(
        "Stored articles replaced by one read from another source (another file or upload): said, not silent."))


class HealthOut(BaseModel):
    status: str
    documents: int
    events: int
    writable: bool = Field(description="Whether writes are enabled (a token is set).")


# ------------------------------------------------------------------------------------ conversions

def tenure_out(t: Tenure) -> dict[str, object]:
    return {**tenure_to_dict(t), "seat": role_family(t.role)}


def event_out(e: FusedEvent) -> dict[str, object]:
    return {**event_to_dict(e), "seat": role_family(e.role)}


def conflict_out(c: Conflict) -> dict[str, object]:
    return conflict_to_dict(c)


def source_out(r: SourceRef) -> dict[str, object]:
    return {"doc_id": r.doc_id, "start": r.start, "end": r.end, "text": r.text, "title": r.title, "url": r.url,
            "published": r.published.value if r.published else None}


def document_info_out(d: DocInfo) -> dict[str, object]:
    return {"id": d.id, "title": d.title, "url": d.url, "lang": d.lang,
            "published": d.published.value if d.published else None, "story": d.story, "source": d.source}


def _span(s: Span | None) -> dict[str, object] | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def _doc_event(e: Event) -> dict[str, object]:
    return {"type": e.type.value, "holder": e.holder, "holder_kind": e.holder_kind.value, "role": e.role,
            "org": e.org, "date": e.date.value if e.date else None, "modality": e.modality.value,
            "evidence": _span(e.evidence), "trigger": _span(e.trigger), "rule": e.rule,
            "confidence": e.confidence, "date_text": e.date_text}


def _fact(f: RoleFact) -> dict[str, object]:
    return {"holder": f.holder, "role": f.role, "org": f.org, "evidence": _span(f.evidence), "current": f.current,
            "as_of": f.as_of.value if f.as_of else None}


def document_out(a: Analysis, info: Mapping[str, DocInfo]) -> dict[str, object]:
    """A stored analysis with its document's metadata (``info``: the store's view of it, story included)."""
    doc = a.document
    base = info.get(doc.id)
    head = document_info_out(base) if base else {
        "id": doc.id, "title": doc.title, "url": doc.url, "lang": a.lang,
        "published": a.published.value if a.published else None, "story": a.story, "source": doc.source}
    return {**head, "text": doc.text, "published_basis": a.published_basis,
            "events": [_doc_event(e) for e in a.events], "facts": [_fact(f) for f in a.facts],
            "entities": [{"name": n.name, "kind": n.kind.value, "variants": list(n.variants)} for n in a.entities],
            "quotes": [quote_out(q) for q in a.quotes], "warnings": list(a.warnings)}


def quote_out(q: Quote, quote_id: str | None = None) -> dict[str, object]:
    return {"id": quote_id, "doc_id": q.doc_id, "type": q.type.value, "speaker": q.speaker,
            "speaker_kind": q.speaker_kind.value if q.speaker_kind else None, "speaker_span": _span(q.speaker_span),
            "quote": _span(q.text), "cue": _span(q.cue), "sentence": _span(q.sentence), "confidence": q.confidence}


def search_hit_out(h: SearchHit) -> dict[str, object]:
    return {"kind": h.kind, "id": h.id, "doc_id": h.doc_id, "snippet": h.snippet, "score": h.score}


def page(items: Sequence[T], limit: int, offset: int) -> dict[str, object]:
    return {"items": list(items[offset:offset + limit]), "total": len(items), "limit": limit, "offset": offset}
