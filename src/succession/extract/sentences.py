"""Sentence splitting that keeps offsets: paragraphs first, then full stops that end a sentence
(not abbreviations, initials or, in languages that write them so, ordinals like "3. März"); a run of
more than ``MAX_SENTENCE_CHARS`` without a stop is cut at a space."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import get_language
from ..models import Span

__all__ = ["MAX_SENTENCE_CHARS", "paragraphs", "split_sentences"]

# a text without full stops would be one "sentence" the size of the article, and the named-entity model
# needs memory in proportion to what it reads at once
MAX_SENTENCE_CHARS = 2000

_CANDIDATE = re.compile(r"[.!?…]+[\"'”“»«’)\]]*(?=\s+[\"'„“»«‘(\[]?[A-ZÄÖÜ0-9])")
_PARAGRAPH = re.compile(r"\n")


@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> tuple[frozenset[str], bool]:
    names = get_language(lang).names
    return frozenset(names.ABBREVIATIONS), bool(names.ORDINAL_DOT)


def split_sentences(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` as spans into ``text`` (white space trimmed, empty ones dropped)."""
    end = len(text) if end is None else end
    abbrevs, ordinal_dot = _abbreviations(lang)
    out: list[Span] = []
    pos = start
    for line_match in _PARAGRAPH.finditer(text, start, end):
        _split_line(text, pos, line_match.start(), abbrevs, ordinal_dot, out)
        pos = line_match.end()
    _split_line(text, pos, end, abbrevs, ordinal_dot, out)
    return out


def paragraphs(text: str) -> list[Span]:
    """The lines of ``text`` that hold anything, white space trimmed."""
    out: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        _emit(text, pos, pos + len(line), out)
        pos += len(line) + 1
    return out


def _split_line(text: str, start: int, end: int, abbrevs: frozenset[str], ordinal_dot: bool, out: list[Span]) -> None:
    pos = start
    for m in _CANDIDATE.finditer(text, start, end):
        if m.group().startswith(".") and _not_a_stop(text, m.start(), abbrevs, ordinal_dot):
            continue
        _emit(text, pos, m.end(), out)
        pos = m.end()
    _emit(text, pos, end, out)


def _not_a_stop(text: str, dot: int, abbrevs: frozenset[str], ordinal_dot: bool) -> bool:
    i = dot
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in "(\"'„“":
        i -= 1
    word = text[i:dot]
    if not word:
        return False
    if word.casefold() in abbrevs or (len(word) == 1 and word.isalpha() and word.isupper()):
        return True  # "Mr.", "z.B.", an initial "J."
    return ordinal_dot and word.isdigit() and len(word) <= 2


def _emit(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:  # no real sentence is this long: cut at a space
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        _emit(text, start, cut, out)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Span(start, end, text[start:end]))
