"""Cheap name passes that mend what the named-entity model misses: a given name it does not know
("auch Heidemarie Foo-Bar" tagged "Foo-Bar") and name particles joined by a hyphen ("al-Foo")."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import get_language
from ..models import Span
from .lexicon import Lexicon
from .ner import _org_words, first_names

__all__ = ["given_names_before", "joined_particle_names", "may_be_given_name", "no_name", "particle", "person_noun",
           "role_compound"]

_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "le", "la", "al", "bin", "ter", "zu", "el"})
_WORD_BEFORE = re.compile(r"([A-ZÄÖÜ][^\W\d_]+(?:-[A-ZÄÖÜ][^\W\d_]+)?)[ \t]+$")
_BEFORE_THAT = re.compile(r"(\S+)[ \t]+$")
_ADJECTIVE = re.compile(r"(?:ig|lich|isch|ere|neu|alt|igst|bar|sam)e[rnms]?$")  # "langjähriger", "früheren"
# articles and determiners before a noun (German and English; a given name stands without one)
_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
                       "the", "a", "an", "this", "that", "his", "her", "its", "their", "our"})

Name = tuple[int, int, str]  # start, end (offsets into the text), the name


def particle(word: str) -> bool:
    """'van', "d'Artagnan", 'al-Foo', 'el-Bar': a lower-case name particle, alone or joined to the name."""
    head = re.split(r"['’\-]", word, maxsplit=1)[0]
    return head in _PARTICLES


def role_compound(word: str, lx: Lexicon) -> bool:
    """'Foo-CEO', 'Foo-Chef': a word naming a role at an organisation, not a name."""
    parts = word.split("-")
    return len(parts) > 1 and bool(lx.canonical_role(parts[-1]) or parts[-1].casefold() in lx.role_heads)


@lru_cache(maxsize=None)
def _person_noun_regex(lang: str) -> re.Pattern[str]:
    suffixes = get_language(lang).names.PERSON_NOUN_SUFFIXES
    return re.compile(r"(?:" + "|".join(re.escape(x) for x in suffixes) + r")$" if suffixes else r"(?!)")


def person_noun(word: str, lang: str) -> bool:
    """'Machthaber', 'Diktator', 'Physiker': the ending of a noun for a person, not of a given name (the
    given names that end so, "Peter", "Günter", are in the list of known ones)."""
    return bool(_person_noun_regex(lang).search(word.casefold()))


def no_name(w: str, text: str, not_names: frozenset[str], lx: Lexicon) -> bool:
    """A word that is a function word, a title or role, an organisation word, a noun for a person, or that
    the text also writes in lower case: no part of a person's name."""
    return (w in not_names or person_noun(w, lx.lang) or bool(lx.canonical_role(w)) or role_compound(w, lx)
            or bool(lx.compound_role(w)) or bool(lx.org_noun_regex and lx.org_noun_regex.match(w + " X"))
            or w.casefold() in _org_words()
            or re.search(r"(?<![\w\-])" + re.escape(w.casefold()) + r"(?![\w\-])", text) is not None)


def given_names_before(text: str, sent: Span, p: Name, not_names: frozenset[str], lx: Lexicon) -> Name:
    """'auch Heidemarie Foo-Bar', 'Regierungschef Sigmundur Foo Bar': the model often leaves out a given name
    it does not know. A capitalised word right before a person's name whose first word is no known given
    name joins it, unless the word is no name (``no_name``), has an article or an inflected adjective before
    it ("der Schiit Foo", "langjähriger Staatsrechtler Foo"), or opens the sentence (where every word is
    capitalised)."""
    start, end, name = p
    words = name.split()
    if words[0] in first_names() or len(words) >= 4:
        return p
    m = _WORD_BEFORE.search(text, max(sent.start, start - 40), start)
    if m is None or m.start(1) == sent.start:
        return p
    w = m.group(1)
    if w in first_names() or no_name(w, text, not_names, lx):
        return p
    before = _BEFORE_THAT.search(text, max(sent.start, m.start(1) - 30), m.start(1))
    if before is not None:
        prev = before.group(1)
        if prev[:1].isupper() and not (lx.canonical_role(prev) or role_compound(prev, lx) or lx.compound_role(prev)):
            return p  # "Foo Bar Baz": a longer capitalised run is more likely a noun phrase or an organisation
        if prev[:1].islower() and (prev.casefold() in _ARTICLES or _ADJECTIVE.search(prev)):
            return p  # "der Schiit Foo", "langjähriger Staatsrechtler Foo": a noun with its article
    return m.start(1), end, text[m.start(1):end]



_GIVEN_SHAPE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}")  # no hyphen, no apostrophe, no capital inside


def may_be_given_name(text: str, start: int, end: int, not_names: frozenset[str], lx: Lexicon) -> bool:
    """Whether ``text[start:end]``, right before a surname, may be a given name no list knows ("Mal was Neues:
    Jane Foo hat ..."): shaped like one, no name by ``no_name``, with no article or inflected adjective and no
    other capitalised word but a title before it ("den Rücktritt Foos", "Foo Bar Baz")."""
    w = text[start:end]
    if not _GIVEN_SHAPE.fullmatch(w) or no_name(w, text, not_names, lx):
        return False
    before = _BEFORE_THAT.search(text, max(0, start - 30), start)
    if before is None:
        return True
    prev = before.group(1)
    if not prev[-1:].isalnum():
        return True  # "Mal was Neues: Jane Foo": punctuation ends what stood before
    if prev[:1].isupper() and not (lx.canonical_role(prev) or role_compound(prev, lx) or lx.compound_role(prev)):
        return False
    return not (prev[:1].islower() and (prev.casefold() in _ARTICLES or _ADJECTIVE.search(prev)))


@lru_cache(maxsize=None)
def _joined_regex(lang: str) -> re.Pattern[str] | None:
    parts = get_language(lang).names.JOINED_NAME_PARTICLES
    if not parts:
        return None
    alts = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
    family = r"(?:" + alts + r")[\-\s][A-ZÄÖÜ][^\W\d_]+(?:-[A-ZÄÖÜ][^\W\d_]+)?"
    return re.compile(r"(?<![\w\-])([A-ZÄÖÜ][a-zäöüß]{2,})\s+(" + family + r"(?:\s+" + family + r")*)(?![\w\-])")


def joined_particle_names(text: str, sent: Span, have: list[Name], not_names: frozenset[str], lx: Lexicon
                          ) -> list[Name]:
    """'der Schiit Foo al-Bar', 'Foo bin Bar': a word, then a family name opened by a particle such names are
    joined with (the language's ``JOINED_NAME_PARTICLES``), is a person's name. A transliterated given name is
    in no list and the model often misses the whole name; the word before the particle must be no name by
    ``no_name`` (a role, a noun for a person, an organisation word), and no mention may already cover it."""
    rx = _joined_regex(lx.lang)
    if rx is None:
        return []
    out: list[Name] = []
    for m in rx.finditer(sent.text):
        first = m.group(1)
        if m.start(1) == 0 or no_name(first, text, not_names, lx):
            continue  # the sentence's first word is capitalised anyway ("Auch al-Foo")
        s, e = sent.start + m.start(1), sent.start + m.end(2)
        if any(a < e and s < b for a, b, _ in have + out):
            continue
        out.append((s, e, text[s:e]))
    return out
