"""Dating an article from what it reports: an undated article that says "im November letzten Jahres"
about a change other articles date to 2023-11 was written in 2024.

Only the year is inferred (published at year precision, basis "events"), and only when the change it
rests on is the same change (same person, kind of change and organisation) in a dated article.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Sequence

from ..extract.coref import fold
from ..extract.dates import find_time_expressions
from ..models import Analysis, DateValue, Document, Event

__all__ = ["anchor_from_events"]

log = logging.getLogger(__name__)

_COARSE = {"appointed": "start", "returned": "start", "departed": "end", "dismissed": "end", "leave": "leave",
           "reassigned": "reassigned", "founded": "founded"}

Reanalyse = Callable[[Document, DateValue], Analysis]


def _key(e: Event) -> tuple[str, str, str]:
    return fold(e.holder), _COARSE[e.type.value], fold(e.org or "")


def anchor_from_events(analyses: Sequence[Analysis], reanalyse: Reanalyse) -> list[Analysis]:
    """Undated analyses whose relative dates match dated reports of the same changes, re-analysed with
    the publication year those dates imply."""
    known: dict[tuple[str, str, str], list[DateValue]] = {}
    for a in analyses:
        for e in a.events:
            if e.date is not None and a.published is not None:
                known.setdefault(_key(e), []).append(e.date)
    out = []
    for a in analyses:
        year = _implied_year(a, known) if a.published is None and a.lang else None
        if year is None:
            out.append(a)
            continue
        log.info("dating %s to %s from the changes it reports", a.document.id, year)
        out.append(reanalyse(a.document, DateValue(str(year))))
    return out


def _implied_year(a: Analysis, known: dict[tuple[str, str, str], list[DateValue]]) -> int | None:
    votes: Counter[int] = Counter()
    for e in a.events:
        if not e.date_text or _key(e) not in known:
            continue
        for other in known[_key(e)]:
            for year in (other.first_day.year, other.first_day.year + 1, other.first_day.year + 2):
                value = _resolve(e.date_text, a.lang or "", dt.date(year, 12, 31))
                if value is not None and value.first_day <= other.first_day <= value.last_day:
                    votes[year] += 1
                    break
    if not votes:
        return None
    best = max(votes.values())
    return min(y for y, n in votes.items() if n == best)  # the earliest year that fits


def _resolve(text: str, lang: str, anchor: dt.date) -> DateValue | None:
    found = [x for x in find_time_expressions(text, lang, anchor, tense="past") if x.value is not None]
    return found[0].value if found else None
