"""Boilerplate removal: link spam, comment forms, promo lines.

Lines are blanked in place (replaced by spaces), so every offset into the cleaned text is an offset into
the original. Two signals, both general: per-language line patterns, and lines that recur across
otherwise different documents of one run.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from ..lang import SUPPORTED, get_language
from ..models import Span

__all__ = ["boilerplate_spans", "blank", "repeated_lines"]

_MIN_REPEAT_DOCS = 3


@lru_cache(maxsize=None)
def _patterns() -> re.Pattern[str]:
    # every language's patterns apply: pages mix languages (an English promo line in a German article)
    alts = [p for code in SUPPORTED for p in get_language(code).boilerplate.LINE_PATTERNS]
    return re.compile("(?:" + "|".join(alts) + r")\s*$", re.IGNORECASE)


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line.casefold()).strip()


def boilerplate_spans(text: str, *, repeated: frozenset[str] = frozenset()) -> tuple[Span, ...]:
    """The boilerplate lines of a text, as spans (the line without its newline)."""
    pat = _patterns()
    spans = []
    for start, end, line in _lines(text):
        stripped = line.strip().replace("\xa0", " ")
        if not stripped:
            continue
        if pat.match(stripped) or (repeated and _key(stripped) in repeated):
            spans.append(Span(start, end, line))
    return tuple(spans)


def blank(text: str, spans: Sequence[Span]) -> str:
    """The text with the spans replaced by spaces (newlines kept), so offsets stay valid."""
    if not spans:
        return text
    chars = list(text)
    for s in spans:
        for i in range(s.start, min(s.end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def repeated_lines(texts: Sequence[str]) -> frozenset[str]:
    """Lines (3+ words) that recur in at least three documents which otherwise share little.

    Copies of one article share all their lines, so a line only counts as boilerplate when the documents
    it appears in are mostly different from each other.
    """
    line_sets = [{_key(l) for _, _, l in _lines(t) if len(l.split()) >= 3} for t in texts]
    counts = Counter(k for s in line_sets for k in s)
    out = set()
    for key, n in counts.items():
        if n < _MIN_REPEAT_DOCS or not key:
            continue
        holders = [s for s in line_sets if key in s]
        similar = sum(1 for i, a in enumerate(holders) for b in holders[i + 1:]
                      if len(a & b) / max(1, min(len(a), len(b))) > 0.5)
        pairs = len(holders) * (len(holders) - 1) // 2
        if similar <= pairs // 2:
            out.add(key)
    return frozenset(out)
