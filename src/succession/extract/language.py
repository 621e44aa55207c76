"""Language identification: a fast stop-word vote for the languages succession reads, and lingua
(restricted, loaded once on demand) to name anything else."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import SUPPORTED, get_language

__all__ = ["detect_language"]

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_OTHER = ("FRENCH", "SPANISH", "ITALIAN", "DUTCH", "PORTUGUESE", "POLISH", "RUSSIAN", "CHINESE", "JAPANESE",
          "TURKISH", "SWEDISH", "DANISH")


@lru_cache(maxsize=None)
def _stop_words() -> dict[str, frozenset[str]]:
    return {code: frozenset(get_language(code).names.STOP_WORDS) for code in SUPPORTED}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ('en', 'de', or another code when lingua names one), or None."""
    words = [w.casefold() for w in _WORD.findall(text[:5000])]
    if not words:
        return None
    scores = {code: sum(w in sw for w in words) / len(words) for code, sw in _stop_words().items()}
    best = max(scores, key=scores.get)
    second = max((v for k, v in scores.items() if k != best), default=0.0)
    if scores[best] >= 0.12 and scores[best] >= 2 * second:
        return best
    return _lingua(text[:3000])


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from lingua import Language, LanguageDetectorBuilder

    langs = [Language.ENGLISH, Language.GERMAN] + [getattr(Language, n) for n in _OTHER]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def _lingua(text: str) -> str | None:
    lang = _detector().detect_language_of(text)
    return lang.iso_code_639_1.name.lower() if lang is not None else None
