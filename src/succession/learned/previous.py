"""The organisations the sentence right before a report names: a report whose own sentence names none ("Bar are
in a slump. Coach Foo, who took over in May, has lost his best players") is often about the one just named,
the last one most of all, rather than the one the article names most. Language-neutral: sentences end at a
full stop, a question or exclamation mark or a line break."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..extract.coref import fold
from ..extract.mentions import NameMention, SentenceMentions

__all__ = ["mark_previous_sentence", "previous_sentence_start"]


def previous_sentence_start(text: str, start: int) -> int:
    """Where the sentence before the one starting at ``start`` starts: past the last full stop, question or
    exclamation mark or line break before the one closing it."""
    # the closing mark of the sentence before, past a paragraph's break and a closing quotation mark
    end = len(text[:start].rstrip().rstrip("\"'”’)").rstrip())
    return max(text.rfind(ch, 0, max(0, end - 1)) for ch in ".!?\n") + 1


def mark_previous_sentence(text: str, start: int, names: Iterable[NameMention], sents: Sequence[SentenceMentions],
                           opts: dict[str, dict[str, float]]) -> None:
    """Flag the options (by folded name) that the sentence before the one starting at ``start`` names:
    ``prev_sentence`` on each, ``prev_last`` on the last one, and ``prev_last|none_here`` on it where no option
    is named in the report's own sentence (``in_sentence``)."""
    lo = previous_sentence_start(text, start)
    named = [(n.start, fold(n.text)) for n in names if lo <= n.start < start]
    named += [(o.start, fold(o.text)) for s in sents for o in s.orgs if lo <= o.start < start]
    named = [(at, key) for at, key in named if key in opts]
    if not named:
        return
    none_here = not any(f.get("in_sentence") for f in opts.values())
    for _, key in named:
        opts[key]["prev_sentence"] = 1.0
    last = max(named)[1]
    opts[last]["prev_last"] = 1.0
    if none_here:
        opts[last]["prev_last|none_here"] = 1.0
