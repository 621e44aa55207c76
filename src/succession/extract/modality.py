"""How certain a reported change is: asserted, planned, rumoured, uncertain or negated, from cue words
in the clause around the trigger (cues are language data)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import get_language
from .lexicon import Lexicon, compile_pattern
from ..models import Modality

__all__ = ["clause", "modality_of", "negated_by_followup"]

_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:but|while|aber|während|doch|und|and|who|which|der|die|das|warum|weshalb|"
                           r"wieso|weil|why|because|whether|wie|how)\b|\s[–—-]\s")


_MAIN_BREAK = re.compile(r"[;:]|,\s+(?:but|while|aber|während|doch|und|and|sondern)\b|\s[–—]\s")


def clause(sentence: str, start: int, end: int, *, main: bool = False) -> tuple[int, int]:
    """The clause around ``sentence[start:end]``; ``main``: split only between main clauses (an
    apposition or relative clause stays inside)."""
    rx = _MAIN_BREAK if main else _CLAUSE_BREAK
    left = max((m.end() for m in rx.finditer(sentence, 0, start)), default=0)
    right = min((m.start() for m in rx.finditer(sentence, end)), default=len(sentence))
    return left, right


def modality_of(sentence: str, start: int, end: int, lx: Lexicon, *, ignore: tuple[tuple[int, int], ...] = ()
                ) -> Modality:
    """The modality of the change whose trigger is ``sentence[start:end]``; ``ignore``: spans whose words
    are no cues (a role like "non-voting observer")."""
    for a, b in ignore:
        sentence = sentence[:a] + " " * (b - a) + sentence[b:]
    left, right = clause(sentence, start, end)
    # cue words inside the trigger itself ("nicht mehr antreten") say what the change is, not its modality
    after = sentence[end:min(right, end + 40)]
    after = re.split(r"\s(?:und|and|or|oder)\s|,", after, maxsplit=1)[0]  # a coordinated clause has its own cues
    window = sentence[max(left, start - 60):start] + " " + after
    before = sentence[max(left, start - 60):start]
    for name, where in (("negated", window), ("rumoured", sentence[left:right]), ("uncertain", before),
                        ("planned", before)):
        rx = lx.cues[name]
        if rx is not None and rx.search(where):
            return Modality(name)
    own = lx.cues.get("planned_trigger")  # "outgoing", "incoming": the trigger's own word puts the change ahead
    return Modality.PLANNED if own is not None and own.fullmatch(sentence[start:end]) else Modality.ASSERTED



@lru_cache(maxsize=None)
def _followups(lang: str) -> re.Pattern[str]:
    pats = get_language(lang).modality.NEGATING_FOLLOWUPS
    return re.compile("|".join(f"(?:{compile_pattern(p)})" for p in pats), re.IGNORECASE)


def negated_by_followup(next_sentence: str, lang: str) -> bool:
    """True when the sentence after a report says the reported change will not happen."""
    return bool(_followups(lang).search(next_sentence[:80]))
