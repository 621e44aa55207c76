"""Names in a list of people. A name the named-entity model called an organisation that the sentence lists
beside a person's full name ("Trainer Foo Bar, die Spieler Baz Qux und Quux Corge haben ... verlassen", Baz Qux
read as an organisation) is a person's, never where a change happened: only a name shaped like a person's (two
or three capitalised words, no organisation word, no digit) that the article names nowhere else, so a club or a
firm named beside a person ("Foo Racing und Jane Roe trennen sich") and repeated elsewhere stays an
organisation. And the names a plural noun of people that is no post opens ("die Spieler Baz Qux und Quux
Corge") hold no post, whatever the sentence says they did."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Protocol

from ..lang import get_language

__all__ = ["after_plural_noun", "listed_with_person"]


class _Named(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


@lru_cache(maxsize=None)
def _join(lang: str) -> re.Pattern[str]:
    """What stands between two items of a list: a comma or a joining word ("und", "sowie", "and")."""
    words = "|".join(re.escape(w) for w in get_language(lang).names.LIST_JOINS)
    return re.compile(r"\s*(?:,\s*(?:(?:" + words + r")\s+)?|\s(?:" + words + r")\s+)")


def _name_shaped(name: str) -> bool:
    from .ner import _org_words  # the organisation words of every language

    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha()
                                        for w in words) \
        and not any(w.casefold().rstrip(".") in _org_words() for w in words)


def listed_with_person(text: str, start: int, end: int, persons: Sequence[_Named], lang: str) -> bool:
    """Whether the name at ``start``..``end`` stands in a list right beside a person's full name of
    ``persons`` and is a person's name itself (see the module's note)."""
    name = text[start:end]
    if not _name_shaped(name):
        return False
    last = name.split()[-1]
    if len(re.findall(r"(?<![\w\-])" + re.escape(last) + r"(?![\w\-])", text)) > 1:
        return False  # named again elsewhere: an organisation may well be listed beside a person
    join = _join(lang)
    for p in persons:
        if len(p.text.split()) < 2 or (p.start < end and start < p.end):
            continue
        if p.start >= end and join.fullmatch(text[end:p.start]):
            return True
        if p.end <= start and join.fullmatch(text[p.end:start]):
            return True
    return False


# between two items of a list of people ("Foo und Bar", "Foo, Bar")
_ITEM_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:und|sowie|and)\s+)?")


def after_plural_noun(text: str, start: int, persons: Sequence[_Named], lang: str,
                      is_post: Callable[[str], object]) -> bool:
    """Whether the name at ``start`` stands in a list of names that a plural noun of people opens ("die
    Legionäre Foo und Bar", "die Spieler Foo, Bar und Baz"), a noun that is no post (``is_post`` false): the
    names are players, not holders of a post, whatever the sentence says they did."""
    rx = _list_noun(lang)
    if rx is None:
        return False
    ordered = sorted(persons, key=lambda p: p.start)
    at = next((i for i, p in enumerate(ordered) if p.start == start), None)
    if at is None:
        return False
    # back to the list's first name
    while at > 0 and ordered[at - 1].end <= ordered[at].start \
            and _ITEM_GAP.fullmatch(text[ordered[at - 1].end:ordered[at].start]):
        at -= 1
    first = ordered[at].start
    m = rx.search(text, max(0, first - 60), first)
    return m is not None and not is_post(m.group(1))


@lru_cache(maxsize=None)
def _list_noun(lang: str) -> re.Pattern[str] | None:
    pattern = get_language(lang).names.LIST_NOUN_BEFORE
    return re.compile(pattern) if pattern else None
