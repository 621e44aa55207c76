"""Organisation and place names the named-entity model misses, found by general constructions of the
language rather than lists of names: a name in apposition to a noun that says what kind of organisation it
is ("der Weltfußballverband Foo", "Basketballmeister Foo Bar", "the law firm Foo Bar"), and a place named
only by its adjective ("der Foostädter Bürgermeister" -> "Foostadt" is not guessed: "Fooburger" -> "Fooburg",
the stem the adjective's ending leaves). They are options for where a change happened, nothing more."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from ..extract.coref import fold
from ..extract.lexicon import Lexicon
from ..extract.mentions import NameMention
from ..extract.namepass import role_compound
from ..extract.rolewords import not_names, not_orgs
from ..lang import get_language
from .seats import public_bodies

__all__ = ["acronym_links", "apposed_names", "here_before", "missed_names", "nominalised_adjective", "place_adjectives",
           "place_before", "places_apart"]

_CAP = r"[A-ZÄÖÜ][\w&\-]*"


@lru_cache(maxsize=None)
def _apposition(lang: str) -> re.Pattern[str] | None:
    data = get_language(lang).orgs
    heads = data.ORG_HEAD_NOUNS
    if not heads:
        return None
    head = "|".join(heads)
    # the head closes a word (German compounds: "Weltfußballverband"); the name is one to three
    # capitalised words or numbers after it ("Foo", "Foo Bar", "Foo 04")
    compound = r"[\w\-]*" if data.ORG_HEAD_IN_COMPOUNDS else ""
    return re.compile(r"(?<![\w\-])(" + compound + r"(?i:" + head + r"))\s+(" + _CAP + r"(?:\s+(?:" + _CAP
                      + r"|\d{2,4}))" + r"{0,2})(?![\w\-])")


def apposed_names(text: str, lang: str, taken: Sequence[NameMention], not_names: frozenset[str],
                  is_role: Callable[[str], object]) -> list[NameMention]:
    """Names after a noun saying what kind of organisation they are, where no name found already overlaps
    them; capitalised words the language uses as no names (articles, pronouns) end the name. A post
    ending in such a noun ("Bürgermeister Foo") introduces a person."""
    rx = _apposition(lang)
    if rx is None:
        return []
    spans = [(n.start, n.end) for n in taken]
    data = get_language(lang).orgs
    compounds, heads = data.ORG_HEAD_IN_COMPOUNDS, frozenset(data.ORG_HEAD_NOUNS)
    out = []
    for m in rx.finditer(text):
        if is_role(m.group(1)):
            continue
        words = m.group(2).split()
        keep = []
        for w in words:
            if w in not_names:
                break
            keep.append(w)
        if not keep or not keep[0][:1].isupper() or (len(keep) == 1 and len(keep[0]) < 2):
            continue  # no name, or a letter ("Gruppe A")
        a = m.start(2)
        name = " ".join(keep)
        b = a + len(name) if text[a:a + len(name)] == name else m.end(2)
        if any(s < b and a < e for s, e in spans):
            continue
        if compounds and m.group(1)[:1].isupper() and m.group(1).casefold() in heads:
            a = m.start(1)  # the head alone, capitalised, is part of the name ("Universität Foo", "Partei Foo")
        out.append(NameMention(a, b, text[a:b], "ORG"))
    return out


@lru_cache(maxsize=None)
def _place_adjective(lang: str) -> re.Pattern[str] | None:
    data = get_language(lang).orgs
    if not data.PLACE_ADJECTIVE:
        return None
    return re.compile(r"(?<![\w\-])(" + data.PLACE_ADJECTIVE + r")\s+(?=[A-ZÄÖÜ])")


_ADJECTIVE_ENDINGS = ("e", "er", "en", "es", "em")


@lru_cache(maxsize=1 << 14)
def nominalised_adjective(word: str, lang: str) -> bool:
    """Whether a capitalised word is an adjective or a participle written as a noun ("Verunsicherter", "Neuer",
    "Designierte"), which names no organisation and no place: in a language that capitalises every noun, a
    word with an adjective's ending whose lemma the lemmatiser writes in lower case. A place's adjective
    ("Fooburger") and a name are their own lemma."""
    if not get_language(lang).names.CAPITALISES_NOUNS or " " in word or not word[:1].isupper() \
            or not word.endswith(_ADJECTIVE_ENDINGS):
        return False
    import simplemma

    lemma = simplemma.lemmatize(word, lang=lang)
    return lemma[:1].islower() and lemma != word.casefold()


def place_adjectives(text: str, lang: str, not_places: frozenset[str]) -> list[NameMention]:
    """Places named by their adjective before a noun or a name ("Fooburger Bürgermeister", "Barstädter Partei"
    -> "Fooburg", "Barstädt"): the stem the adjective's ending leaves, as a place."""
    rx = _place_adjective(lang)
    if rx is None:
        return []
    ending = get_language(lang).orgs.PLACE_ADJECTIVE_ENDING
    heads = re.compile(r"(?i:" + "|".join((*get_language(lang).orgs.ORG_HEAD_NOUNS,
                                           *get_language(lang).orgs.NOT_PLACE_ADJECTIVE_ENDINGS)) + r")$")
    # an adjective of a place always stands before a noun or a name: a word of that shape the article also
    # uses on its own ("die Anhänger sind", "im Oktober.") is a noun
    alone = {m.group(1) for m in re.finditer(r"(?<![\w\-])(" + get_language(lang).orgs.PLACE_ADJECTIVE
                                               + r")(?![\w\-])(?!\s+[A-ZÄÖÜ])", text)}
    out = []
    for m in rx.finditer(text):
        word = m.group(1)
        if word in alone or word in not_places or word.casefold() in not_places or heads.search(word) \
                or nominalised_adjective(word, lang):
            continue  # a noun, or a kind of organisation ("Basketballmeister Foo", "Koalitionspartner Foo")
        if len(word) - len(ending) < 4 or re.search(r"(?<![\w\-])" + re.escape(word.casefold()) + r"(?![\w\-])", text):
            continue  # too short to tell, or a word capitalised only opening a sentence ("Unser", "Bester")
        stem = word[: -len(ending)]
        out.append(NameMention(m.start(1), m.start(1) + len(stem), stem, "LOC"))
    return out


def missed_names(text: str, lang: str, found: Sequence[NameMention], taken: Sequence[NameMention],
                 persons: Sequence[NameMention], lx: Lexicon) -> list[NameMention]:
    """The options of an article the named-entity model cannot offer: public bodies named by a common noun
    ("the government", "Landtag"), names in apposition to a kind of organisation ("der Weltfußballverband
    Foo") and places named by their adjective ("Fooburger Bürgermeister"), beside the names ``found`` already
    (the model's and ``taken``, which no apposition overlaps) and the article's ``persons``."""
    out = public_bodies(text, lang)
    person_names = {fold(p.text) for p in persons}
    out += [n for n in apposed_names(text, lang, [*taken, *persons], not_names(lang), lx.canonical_role)
            if fold(n.text) not in person_names]
    person_at = {p.start for p in persons}
    # a place the article names in full is the one the stem opens ("Ostrellinger" -> "Ostrellingen")
    places = sorted({n.text for n in found if n.kind == "LOC"}, key=len)
    for n in place_adjectives(text, lang, not_orgs(lang) | _months(lang)):
        after = _next_word(text, n.end)
        if _role_word(text[n.start:after].strip(), lx) or after in person_at \
                or any(p.start <= n.start < p.end for p in persons):
            continue  # a post ("Außenminister"), a nationality before a name ("der Foolander Bar"), a name
        out.append(NameMention(n.start, n.end, _place_of_stem(n.text, places, lang), n.kind))
    return out


def _place_of_stem(stem: str, places: Sequence[str], lang: str) -> str:
    """The place an adjective's stem names: the place the article names in full that the stem opens
    ("Ostrellinger" -> "Ostrellingen"), or whose name drops a letter in the adjective ("Foontner" -> "Foonten"),
    else the stem itself."""
    full = next((p for p in places if p.startswith(stem)), None)
    if full is not None:
        return full
    for ending, instead in get_language(lang).orgs.PLACE_ADJECTIVE_ELISIONS:
        if stem.endswith(ending) and len(stem) > len(ending) + 2:
            name = stem[: -len(ending)] + instead
            full = next((p for p in places if p == name), None)
            if full is not None:
                return full
    return stem


def _role_word(word: str, lx: Lexicon) -> bool:
    """Whether a word is a post, alone or closing a compound ("Minister", "Außenminister"), not a place's
    adjective."""
    return bool(lx.canonical_role(word)) or role_compound(word, lx) or any(
        lx.canonical_role(word[i:].capitalize()) for i in range(2, len(word) - 4))


_REST_OF_WORD = re.compile(r"\w*\s+")


def _next_word(text: str, at: int) -> int:
    """Where the word after the one ending near ``at`` starts (past the rest of the word and the spaces)."""
    m = _REST_OF_WORD.match(text, at)
    return m.end() if m else at


@lru_cache(maxsize=None)
def _months(lang: str) -> frozenset[str]:
    """The month names of a language, capitalised as German writes them ("Oktober" is no place's adjective)."""
    return frozenset(m.capitalize() for m in get_language(lang).dates.MONTHS)


_ACRONYM = re.compile(r"[A-ZÄÖÜ]{2,6}")


def _initials(name: str) -> str:
    """The initials of a name's capitalised words and hyphenated parts ("Foo Rowing Union" -> "FRU",
    "Bund für Foo-Bar" -> "BFB"); lower-case words ("of", "für") count for nothing."""
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w[:1].isupper())


def acronym_links(names: Iterable[str]) -> list[tuple[str, str]]:
    """The pairs (acronym, long form) among one article's organisation names: an acronym of two to six capitals
    the initials of a name of as many words spell ("Foo Rowing Union" and "FRU"). One organisation under two
    names: counted together, it is named as often as it is."""
    names = list(dict.fromkeys(names))
    longs: dict[str, list[str]] = {}
    for n in names:
        if " " in n.strip():
            longs.setdefault(_initials(n), []).append(n)
    return [(a, long) for a in names if _ACRONYM.fullmatch(a) for long in longs.get(a, ())]

@lru_cache(maxsize=None)
def _here_word(lang: str) -> re.Pattern[str] | None:
    rx = get_language(lang).orgs.PLACE_HERE_WORDS
    return re.compile(r"(?<![\w\-])(?:" + rx + r")\s+$", re.IGNORECASE) if rx else None


def here_before(text: str, lo: int, at: int, lang: str) -> bool:
    """Whether the word right before a post at ``at`` says it is held there ("der dortige Parteichef", "the local
    chairman"); ``lo``: where its sentence starts."""
    rx = _here_word(lang)
    return rx is not None and rx.search(text, max(lo, at - 16), at) is not None


def place_before(names: Sequence[NameMention], at: int) -> str | None:
    """The place an article names last before ``at`` among its ``names`` (a name the model tags as a place, or a
    place named by its adjective)."""
    named = [n for n in names if n.kind == "LOC" and n.end <= at]
    return max(named, key=lambda n: n.start).text if named else None


def places_apart(n: NameMention) -> list[NameMention]:
    """Places a slash joins ("Foostadt/Barheim -" opening a report from two places) are each a place: the town
    of a club the article names by its town is one of them, never the pair."""
    if n.kind != "LOC" or "/" not in n.text:
        return [n]
    out, at = [], n.start
    for part in n.text.split("/"):
        word = part.strip()
        if len(word) < 2 or not word[:1].isupper():
            return [n]
        s = n.start + n.text.index(word, at - n.start)
        out.append(NameMention(s, s + len(word), word, "LOC"))
        at = s + len(word)
    return out
