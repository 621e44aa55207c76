"""Text between quotation marks, in every style German and English typography uses.

„…“ „…” »…« «…» “…” ‚…‘ ‘…’ "…" '…'. Double marks first; single marks only outside a double-marked
span (inside one they are a quote within the quote and belong to it). A double mark opened and not closed
before the end of a paragraph counts up to the paragraph's end when that end closes a sentence: English
prints a quotation running over paragraphs without the closing mark (such a paragraph opens with the mark, or
the mark follows a colon).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MarkedSpan", "marked_spans", "OPENERS", "CLOSERS"]

# (opening, closing) marks; the opening mark of one style may be the closing mark of another (“)
_DOUBLE = (("„", "“”"), ("»", "«"), ("«", "»"), ("“", "”"), ('"', '"'))
_SINGLE = (("‚", "‘’"), ("‘", "’"), ("'", "'"))
OPENERS = frozenset(o for o, _ in _DOUBLE + _SINGLE)
CLOSERS = frozenset(c for _, cs in _DOUBLE + _SINGLE for c in cs)
_MAX = 3000


def _pattern(opening: str, closing: str, single: bool) -> re.Pattern[str]:
    o, c = re.escape(opening), "".join(re.escape(x) for x in closing)
    banned = re.escape(opening) + c
    if single:  # an apostrophe ("don't", "Peters'") must not open or close
        return re.compile(rf"(?<![\w]){o}(?=\w)([^{banned}\n]{{1,{_MAX}}}?)[{c}](?!\w)")
    # ASCII " opens after a space or bracket only, so that a closing " is not read as an opening one
    before = r"(?:(?<=^)|(?<=[\s(\[/—–-]))" if opening == '"' else ""
    return re.compile(rf"{before}{o}([^{banned}\n]{{1,{_MAX}}}?)(?:[{c}]|(?=\n|$))", re.MULTILINE)


_PATTERNS = [(_pattern(o, c, False), False) for o, c in _DOUBLE] + [(_pattern(o, c, True), True) for o, c in _SINGLE]


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    start: int  # the opening mark
    end: int  # after the closing mark (or the paragraph's end when none closes it)
    inner_start: int
    inner_end: int
    closed: bool


def marked_spans(text: str) -> list[MarkedSpan]:
    """Quoted stretches of ``text``, in text order, none overlapping another."""
    taken: list[MarkedSpan] = []
    for pattern, single in _PATTERNS:
        for m in pattern.finditer(text):
            end = m.end()
            closed = end > m.end(1)
            inner = m.group(1).rstrip().rstrip(",;")  # "„Ja“, sagte sie" and "'Yes,' she said": no comma
            if not inner.strip():
                continue
            if not closed and (not inner.endswith((".", "!", "?", "…", ":"))
                               or text[:m.start()].rstrip(" \t")[-1:] not in ("", "\n", ":")):
                continue  # an unmatched mark inside a paragraph, not a quotation running over paragraphs
            span = MarkedSpan(m.start(), end, m.start(1), m.start(1) + len(inner), closed)
            if any(s.start < span.end and span.start < s.end for s in taken):
                continue
            taken.append(span)
    return sorted(taken, key=lambda s: s.start)
