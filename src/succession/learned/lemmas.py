"""Triggers found by lemma: inflected forms ("entlassenen") and separable verbs split across the clause
("trat am Montag zurück"), from the language data's ``LEMMA_TRIGGERS`` and ``SEPARABLE_PARTICLES``.

``tokens_of`` gives a sentence's words with their lemmas; the pipeline's ``tokens`` component computes them
once per candidate sentence and carries them on the document, and ``lemma_hits`` reads them from there."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..extract.events import _blocked, _Hit
from ..lang import get_language
from ..extract.lexicon import Trigger, lexicon

__all__ = ["Token", "lemma_hits", "tokens_of"]

_TOKEN = re.compile(r"[^\W\d_][\w\-]*")
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)\"“”»«]|$|\s(?:und|oder|and|or)\s)")
_ENDINGS = ("en", "er", "es", "em", "e")


@dataclass(frozen=True)
class Token:
    """A word of a sentence with its lemma (offsets relative to the sentence, as trigger hits are)."""

    start: int
    end: int
    text: str
    lemma: str  # simplemma's, case-folded


def tokens_of(sentence: str, lang: str) -> tuple[Token, ...]:
    """The words of ``sentence`` (letters first: no numbers, no punctuation) with their lemmas."""
    return tuple(Token(m.start(), m.end(), m.group(), _lemma(m.group(), lang)) for m in _TOKEN.finditer(sentence))


@lru_cache(maxsize=1 << 16)
def _lemma(word: str, lang: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang=lang).casefold()


@lru_cache(maxsize=None)
def _trigger(lang: str, lemma: str) -> Trigger | None:
    entry = get_language(lang).triggers.LEMMA_TRIGGERS.get(lemma)
    if entry is None:
        return None
    etype, side, needs_role = entry
    return Trigger("lemma:" + lemma, re.compile(re.escape(lemma)), etype, side, needs_role)


def _forms(word: str, lemma: str, lang: str, initial: bool = False) -> list[str]:
    low = word.casefold()
    if not initial and word[:1].isupper() and lemma != low and get_language(lang).names.CAPITALISES_NOUNS:
        # a capitalised word inside a sentence that the lemmatiser reads as another word is a noun ("aus
        # Gründen" -> "Grund"): its lower-case spelling ("gründen") is a verb it is not
        return [lemma]
    out = [lemma, low]
    out += [low[: -len(e)] for e in _ENDINGS if low.endswith(e) and len(low) > len(e) + 3]
    return out


def lemma_hits(sentence: str, lang: str, covered: list[tuple[int, int]],
               tokens: Sequence[Token] | None = None) -> list[_Hit]:
    """Trigger hits by lemma that no pattern hit of the sentence (``covered``) already holds (``tokens``: the
    sentence's ``tokens_of`` where the caller carries them)."""
    data = get_language(lang).triggers
    if not data.LEMMA_TRIGGERS:
        return []
    particles = data.SEPARABLE_PARTICLES
    toks = tokens if tokens is not None else tokens_of(sentence, lang)
    out = []
    for i, m in enumerate(toks):
        if any(a < m.end and m.start < b for a, b in covered):
            continue
        forms = _forms(m.text, m.lemma, lang, initial=i == 0)
        trig = next((t for t in (_trigger(lang, f) for f in forms) if t is not None), None)
        if trig is None and particles:
            for p in toks[i + 1:i + 14]:
                if p.text.casefold() in particles and _CLAUSE_END.match(sentence, p.end):
                    trig = next((t for t in (_trigger(lang, p.text.casefold() + f) for f in forms)
                                 if t is not None), None)
                    if trig is not None:
                        break
        if trig is not None and not _blocked(sentence, m.start, m.end, lexicon(lang), trig.pattern):
            out.append(_Hit(m.start, m.end, trig))
    return out
