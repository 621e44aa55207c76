"""The fictional articles of tests/data/stories as an extractor would report them (shared by the story
and corpus tests)."""
from __future__ import annotations

import json
import re
from pathlib import Path

from succession.models import (
    Analysis, DateValue, Document, Entity, Event, EventType, MentionKind, Modality, RoleFact, Span,
)

DATA = Path(__file__).parent / "data" / "stories"


def load_articles() -> dict[str, Analysis]:
    """Article id -> Analysis, entities with their spans in text order."""
    meta = json.loads((DATA / "articles.json").read_text(encoding="utf-8"))
    out = {}
    for art in meta["articles"]:
        text = (DATA / art["file"]).read_text(encoding="utf-8")
        ents = tuple(Entity(name, MentionKind(kind), tuple(variants),
                            tuple(sorted((Span(m.start(), m.end(), m.group(0)) for v in variants
                                          for m in re.finditer(re.escape(v), text)), key=lambda s: s.start)))
                     for name, kind, variants in art["entities"])
        ev = Span(0, 1, text[:1])
        events = tuple(Event(art["id"], EventType(t), h, MentionKind(k), r, o, None, Modality.ASSERTED, ev)
                       for h, k, t, r, o in art["events"])
        facts = tuple(RoleFact(art["id"], h, r, o, ev) for h, r, o in art["facts"])
        pub = DateValue(art["published"]) if art["published"] else None
        out[art["id"]] = Analysis(Document(art["id"], text), art["lang"], pub, "given" if pub else None,
                                  entities=ents, events=events, facts=facts)
    return out
