"""Competitions among the organisation options: a league, a cup or a championship ("Foo Cup", "Bundesliga",
"the Foo Open") employs no coach and no player. A coach's change, or one naming no post, that the rules or
the ranker would place at the competition its sentence or article names is placed at a club instead (or
nowhere); a league's own chief ("Liga-Präsident", "the league's chief executive") is still held there. The
words that make a name a competition are language data (``lang/<code>/orgs.py`` COMPETITION)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import get_language

__all__ = ["SPORT_POSTS", "aliases", "is_competition", "poor_seat"]

# posts of a team, never of the competition it plays in
SPORT_POSTS = frozenset({"coach", "manager", "assistant coach", "sporting director", "performance director"})


@lru_cache(maxsize=None)
def _pattern(lang: str) -> re.Pattern[str] | None:
    rx = get_language(lang).orgs.COMPETITION
    return re.compile(rx, re.IGNORECASE) if rx else None


def is_competition(name: str, lang: str) -> bool:
    """Whether an organisation's name names a competition ("Foo Europe Cup", "Regionalliga")."""
    rx = _pattern(lang)
    return bool(rx is not None and rx.search(name.strip()))


# a short name in brackets right after a name ("die Foo-Liga (FBL)"): the words before it, the short name
_ALIAS = re.compile(r"((?:[\w\-]+\s+){0,3}[\w\-]+)\s*\(([A-ZÄÖÜ][\w\-]{1,9})\)")


@lru_cache(maxsize=256)
def aliases(text: str, lang: str) -> frozenset[str]:
    """Short names an article gives a competition in brackets ("in der Foo-Liga (FBL)", "the Foo League
    (FL)"): competitions too, whatever their letters."""
    out = set()
    for m in _ALIAS.finditer(text):
        words = m.group(1).split()
        if any(is_competition(" ".join(words[i:]), lang) for i in range(len(words))):
            out.add(m.group(2).casefold())
    return frozenset(out)


def poor_seat(name: str, role: str | None, lang: str, text: str = "") -> bool:
    """Whether a change of post ``role`` (None: the report names none) cannot happen at ``name``: a competition
    (or its short name in the article ``text``), for a team's post or an unnamed one."""
    if not (role is None or role in SPORT_POSTS):
        return False
    return is_competition(name, lang) or (bool(text) and name.casefold() in aliases(text, lang))
