"""The JSON Lines records ``succession extract`` prints (the format ../shared/tools/score.py reads)."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from .models import Analysis, Event
from .quote_store import quote_record

__all__ = ["records", "event_record", "document_record"]


def document_record(a: Analysis) -> dict[str, Any]:
    return {"kind": "document", "doc": a.document.id, "lang": a.lang,
            "published": a.published.value if a.published else None, "published_basis": a.published_basis,
            "story": a.story, "title": a.document.title}


def event_record(e: Event) -> dict[str, Any]:
    return {"kind": "event", "doc": e.doc_id, "holder": e.holder, "holder_kind": e.holder_kind.value,
            "type": e.type.value, "role": e.role, "org": e.org, "date": e.date.value if e.date else None,
            "date_text": e.date_text, "modality": e.modality.value, "confidence": round(e.confidence, 2),
            "evidence": {"start": e.evidence.start, "end": e.evidence.end, "text": e.evidence.text},
            "trigger": e.trigger.text if e.trigger else None, "rule": e.rule}


def _entity_record(name: str, kind: str, variants: Sequence[str]) -> dict[str, Any]:
    return {"kind": "entity", "name": name, "entity_type": kind, "variants": sorted(set(variants) | {name})}


def records(analyses: Sequence[Analysis], corpus_entities: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
    """Documents, then entities (cross-document ones when the run linked them), then events, then quotations."""
    for a in analyses:
        yield document_record(a)
    if corpus_entities:
        for ce in corpus_entities:
            kind = getattr(ce, "kind", "person")
            yield _entity_record(ce.name, getattr(kind, "value", kind), list(getattr(ce, "variants", ())))
    else:
        merged: dict[tuple[str, str], set[str]] = {}
        for a in analyses:
            for ent in a.entities:
                merged.setdefault((ent.name, ent.kind.value), set()).update(ent.variants)
        for (name, kind), variants in sorted(merged.items()):
            yield _entity_record(name, kind, sorted(variants))
    for a in analyses:
        for e in a.events:
            yield event_record(e)
    for a in analyses:
        for q in a.quotes:
            yield quote_record(q)
