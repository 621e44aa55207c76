"""What every rule of the change extraction reads: the article's context, a trigger's hit in a sentence,
and the language's cue lists compiled once."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang import LanguageData, get_language
from ..models import DateValue
from .coref import People
from .lexicon import Trigger

__all__ = ["DocContext", "cue_regex"]


_COARSE = {"appointed": "start", "returned": "start2", "departed": "end", "dismissed": "end", "leave": "leave",
           "reassigned": "re", "founded": "founded"}


@dataclass(frozen=True)
class DocContext:
    doc_id: str
    text: str
    lang: str
    anchor: dt.date | None
    people: People
    main_org: str | None
    title_end: int = 0  # end of the headline, when the document starts with one
    # the publication date at the precision known (``anchor`` is its last day): what a change reported as
    # news of the day is dated by when its sentence names no date
    published: DateValue | None = None
    # the language's data, looked up once for the document: every rule reads its cue lists from here. The
    # pipeline passes the document's own (fetched by its "language" component); other callers may omit it.
    language: LanguageData = field(default=None, repr=False, compare=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.language is None:
            object.__setattr__(self, "language", get_language(self.lang))


@dataclass(frozen=True)
class _Hit:
    start: int  # sentence-relative
    end: int
    trigger: Trigger


@lru_cache(maxsize=None)
def cue_regex(lang: str, concern: str, name: str, patterns: bool = False) -> re.Pattern[str]:
    """One compiled expression for a list of language data (whole words; ``patterns``: the trigger
    pattern syntax), built once per language rather than on every sentence."""
    from .lexicon import compile_pattern

    words = getattr(getattr(get_language(lang), concern), name)
    alts = [compile_pattern(w) if patterns else r"(?<![\w])" + re.escape(w) + r"(?![\w])" for w in words]
    return re.compile("|".join(f"(?:{a})" for a in alts) or r"(?!)", re.IGNORECASE)
