"""Who said what: quotations (direct, indirect, reported, interview answers, quoted posts) with their
speakers resolved to the article's people and organisations.

    quotes = find_quotes(doc_id, text, lang, sentences, entities, people)

Per-language cue words live in succession.lang.<code>.quotes; a language with a learned model names it
there (``QUOTE_MODEL``, a JSON file in succession/resources, made by scripts/train_quotes.py); the others
use the rule weights of succession.quotes.rules over the same features."""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..extract.coref import People
from ..models import Entity, Quote, QuoteType, Span
from .blocks import find_blocks
from .detect import Found, find_in_units
from .linear import LinearModel
from .marks import marked_spans
from .rules import RULE_MODELS
from .speakers import Mentions, Speaker, candidates, pick_speaker
from .units import build_units, cues

__all__ = ["QuoteModels", "find_quotes", "load_models"]

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


@dataclass(frozen=True)
class QuoteModels:
    unit: LinearModel
    fragment: LinearModel
    speaker: LinearModel
    fragment_threshold: float = 0.5
    quote_threshold: float = 0.5  # a unit is (part of) a quotation when the unit model gives it this much
    carry: int = 8  # a quotation with no speaker of its own takes the one before, this many units back at most

    def to_json(self) -> dict:
        return {"unit": self.unit.to_json(), "fragment": self.fragment.to_json(), "speaker": self.speaker.to_json(),
                "fragment_threshold": self.fragment_threshold, "quote_threshold": self.quote_threshold,
                "carry": self.carry}

    @classmethod
    def from_json(cls, data: dict) -> "QuoteModels":
        return cls(LinearModel.from_json(data["unit"]), LinearModel.from_json(data["fragment"]),
                   LinearModel.from_json(data["speaker"]), data["fragment_threshold"], data["quote_threshold"],
                   data["carry"])


@lru_cache(maxsize=None)
def load_models(lang: str) -> QuoteModels:
    """The language's learned models by name, else the rule weights."""
    name = cues(lang).model
    if name:
        path = RESOURCES / name
        if not path.exists():
            raise FileNotFoundError(f"quotation model {name} for {lang!r} is missing at {path} "
                                    "(scripts/train_quotes.py makes it)")
        return QuoteModels.from_json(json.loads(path.read_text(encoding="utf-8")))
    return RULE_MODELS.get()


def find_quotes(doc_id: str, text: str, lang: str, sentences: Sequence[Span], entities: Sequence[Entity] = (),
                people: People | None = None, models: QuoteModels | None = None) -> tuple[Quote, ...]:
    """Every quotation of an article with its speaker, in text order."""
    c = cues(lang)
    models = models or load_models(lang)
    mentions = Mentions(text, entities, people, c.org_references)
    blocks = find_blocks(text, c, mentions)
    units = build_units(text, sentences, marked_spans(text))
    found = find_in_units(text, units, c, models.unit, models.fragment, models.fragment_threshold,
                          [(b.paragraph.start, b.paragraph.end) for b in blocks], models.quote_threshold)
    out = [_quote(doc_id, text, b.quote, b.type, b.speaker, b.cue, b.paragraph, (), 0.8) for b in blocks]
    last: Speaker | None = None
    last_unit = -10
    spoken = {b.speaker.name for b in blocks if b.speaker is not None}
    for f in found:
        u = units[f.unit]
        back = f.unit - last_unit if last is not None and f.unit - last_unit <= models.carry else None
        cands = candidates(text, units, f.unit, f.parts, f.cue_token, c, mentions, back, frozenset(spoken))
        # the speaker before goes on, and is a pronoun's antecedent, only within ``carry`` units (as in training)
        speaker = pick_speaker(text, cands, c, models.speaker, mentions, last if back is not None else None)
        if speaker is not None:
            last, last_unit = speaker, f.unit
            spoken.add(speaker.name)
        out.append(_from_found(doc_id, text, f, speaker, u.start, u.end))
    return tuple(sorted(out, key=lambda q: (q.text.start, q.text.end)))


def _from_found(doc_id: str, text: str, f: Found, speaker: Speaker | None, u_start: int, u_end: int) -> Quote:
    parts = tuple(Span(a, b, text[a:b]) for a, b in f.parts) if len(f.parts) > 1 else ()
    cue = Span(f.cue[0], f.cue[1], text[f.cue[0]:f.cue[1]]) if f.cue else None
    end = max(u_end, f.end)
    return _quote(doc_id, text, Span(f.start, f.end, text[f.start:f.end]), f.type, speaker, cue,
                  Span(u_start, end, text[u_start:end]), parts, f.score)


def _quote(doc_id: str, text: str, span: Span, qtype: QuoteType, speaker: Speaker | None, cue: Span | None,
           sentence: Span, parts: tuple[Span, ...], score: float) -> Quote:
    return Quote(doc_id=doc_id, text=span, type=qtype, speaker=speaker.name if speaker else None,
                 speaker_kind=speaker.kind if speaker else None, speaker_span=speaker.span if speaker else None,
                 cue=cue, sentence=sentence, parts=parts, confidence=round(score, 3))
