"""How a name in a trigger's sentence is tied to the trigger, in the language's words: the linker before it
("Wechsel zu Foo", "hired from Foo", "sacked by Foo"), the gap between them ("quit the government", "left Foo for
Bar"), an auxiliary making it the one acting ("Foo hat ... entlassen"), and a place named by its adjective's stem
("Fooburg|er"). Read by ``options.org_options`` to flag each organisation option."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import get_language

__all__ = ["PREP_BEFORE", "adjective_stem", "agent_gap", "agent_linkers", "anaphor", "anaphor_before", "aux_after",
           "leaves_for", "linker_before", "move_linkers", "object_gap", "origin_linkers"]

PREP_BEFORE = re.compile(r"(\w+)\W*$")
_TWO_BEFORE = re.compile(r"(\w+)\s+(\w+)\W*$")


@lru_cache(maxsize=None)
def move_linkers(lang: str, start: bool) -> frozenset[str]:
    data = get_language(lang).orgs
    return frozenset(data.MOVE_LINKERS if start else data.END_LINKERS)


@lru_cache(maxsize=None)
def origin_linkers(lang: str) -> frozenset[str]:
    return frozenset(get_language(lang).orgs.ORIGIN_LINKERS)


@lru_cache(maxsize=None)
def _destination(lang: str) -> re.Pattern[str] | None:
    """A linker of where an end leaves for, with an article and a head noun between it and the name ("for",
    "for the club")."""
    data = get_language(lang).orgs
    linkers = data.DESTINATION_LINKERS
    if not linkers:
        return None
    heads = "|".join(re.escape(h) for h in data.ORG_HEAD_NOUNS)
    arts = "|".join(re.escape(a) for a in data.OBJECT_ARTICLES)
    return re.compile(r"(?<![\w\-])(?:" + "|".join(linkers) + r")\s+(?:(?:" + arts + r")\s+)?(?:(?:" + heads
                      + r")\s+)?$", re.IGNORECASE)


def leaves_for(gap: str, lang: str) -> bool:
    """Whether what stands between an end's trigger and a name says the name is where the one leaving goes
    ("left Foo for Bar", "quit the club for Bar")."""
    rx = _destination(lang)
    return rx is not None and rx.search(gap) is not None


@lru_cache(maxsize=None)
def agent_linkers(lang: str) -> frozenset[str]:
    return frozenset(get_language(lang).orgs.AGENT_LINKERS)


def agent_gap(gap: str) -> bool:
    """Whether an agent's linker is still in the trigger's clause: no comma, dash or full stop between."""
    return not any(ch in gap for ch in ",;:.–—\"") and " - " not in gap


@lru_cache(maxsize=None)
def anaphor(lang: str) -> re.Pattern[str] | None:
    rx = get_language(lang).orgs.ORG_ANAPHORS
    return re.compile(rx) if rx else None


@lru_cache(maxsize=None)
def anaphor_before(lang: str) -> re.Pattern[str] | None:
    rx = get_language(lang).orgs.ORG_ANAPHORS_BEFORE
    return re.compile(rx) if rx else None


def adjective_stem(text: str, end: int, lang: str) -> bool:
    """Whether a place found ending at ``end`` is the stem of its adjective ("Fooburg|er Bürgermeister")."""
    ending = get_language(lang).orgs.PLACE_ADJECTIVE_ENDING
    return bool(ending) and text[end:end + len(ending)] == ending and text[end + len(ending):end + len(ending) + 1].isspace()


@lru_cache(maxsize=None)
def _agent_aux(lang: str) -> frozenset[str]:
    return frozenset(get_language(lang).orgs.AGENT_AUXILIARIES)


_NEXT_WORD = re.compile(r"\s+(\w+)")


def aux_after(text: str, at: int, lang: str) -> bool:
    """Whether the word at ``at`` is an auxiliary that makes the name before it the one acting ("Foo hat")."""
    m = _NEXT_WORD.match(text, at)
    return m is not None and m.group(1).casefold() in _agent_aux(lang)


@lru_cache(maxsize=None)
def _object_articles(lang: str) -> frozenset[str]:
    return frozenset(get_language(lang).orgs.OBJECT_ARTICLES)


def linker_before(text: str, lo: int, at: int, lang: str) -> str | None:
    """The word before a name, past one article ("moving to the ministry", "Wechsel in die Regierung",
    "bei der Foo"): the preposition linking it to a trigger."""
    m = _TWO_BEFORE.search(text[lo:at])
    if m and m.group(2).casefold() in _object_articles(lang):
        return m.group(1).casefold()
    m = PREP_BEFORE.search(text[lo:at])
    return m.group(1).casefold() if m else None


def object_gap(gap: str, lang: str) -> bool:
    """Whether what stands between a trigger and a name makes the name the trigger's object: nothing, or
    an article ("quit the government", "verließ die Regierung")."""
    words = gap.split()
    if gap[:1] not in ("", " ") or len(words) > 1:
        return False
    return not words or words[0].casefold() in _object_articles(lang)
