"""Name forms for matching across articles: folding, sound keys, spelling similarity, person and
organisation keys. General language only (honorifics, legal forms, role heads from the language data)."""
from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from ..lang import SUPPORTED, get_language

__all__ = ["fold", "name_similarity", "org_display", "org_key", "person_key", "phonetic_key"]

LOGGER = logging.getLogger(__name__)

_POSSESSIVE = re.compile(r"(?:['’]s?|[’'])$")
_LEGAL_FORMS = frozenset({"inc", "corp", "co", "ltd", "llc", "plc", "ag", "se", "gmbh", "sa", "nv", "kg", "kgaa"})


@lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive form: 'Jürgen  Müller' -> 'jurgen muller'."""
    s = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(s.split())


def _collapse(s: str) -> str:
    """Doubled letters once: 'brett' -> 'bret', 'kostadinn' -> 'kostadin'."""
    return re.sub(r"(.)\1+", r"\1", s)


_PHONETIC = (("sch", "s"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("dt", "t"), ("ae", "a"), ("oe", "o"),
             ("ue", "u"), ("c", "k"), ("q", "k"), ("z", "s"), ("x", "ks"), ("w", "v"), ("y", "i"), ("j", "i"))


@lru_cache(maxsize=65536)
def phonetic_key(word: str) -> str:
    """A rough sound key: letters that translation swaps are merged, vowels after the first dropped.

    'Pyotr', 'Pjotr' -> 'ptr'; 'Kolmar', 'Kollmarr' -> 'klmr'; 'Jürgen', 'Juergen' -> 'argn'.
    Deliberately coarse: it only ever adds to spelling similarity, never decides alone.
    """
    s = "".join(c for c in fold(word) if c.isalpha())
    for a, b in _PHONETIC:
        s = s.replace(a, b)
    s = _collapse(s)
    if not s:
        return ""
    head = "a" if s[0] in "aeiou" else s[0]
    tail = "".join(c for c in s[1:] if c not in "aeiouh")
    return _collapse(head + tail)


@lru_cache(maxsize=1 << 18)
def name_similarity(a: str, b: str) -> float:
    """Spelling similarity of two name words in [0, 1], robust to accents, doubling and sound-alike letters."""
    fa, fb = _squash(a), _squash(b)
    if not fa or not fb:
        return 0.0
    if fa == fb:
        return 1.0
    score = fuzz.ratio(fa, fb) / 100.0
    if min(len(fa), len(fb)) >= 3 and phonetic_key(fa) == phonetic_key(fb):
        score = max(score, 0.85)
    return score


@lru_cache(maxsize=1 << 17)
def _squash(s: str) -> str:
    return _collapse(_alnum(s))


@lru_cache(maxsize=1 << 17)
def _alnum(s: str) -> str:
    return "".join(c for c in fold(s) if c.isalnum())


@lru_cache(maxsize=1)
def _name_lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(honorifics, organisation noise words, compound heads) over every supported language."""
    hon: set[str] = set()
    noise: set[str] = set(_LEGAL_FORMS)
    heads: set[str] = set()
    for code in SUPPORTED:
        try:
            lang = get_language(code)
        except (ImportError, KeyError) as exc:  # a language package still being written
            LOGGER.warning("no name data for %s: %s", code, exc)
            continue
        names, roles = lang.names, lang.roles
        hon |= {fold(h).rstrip(".") for h in getattr(names, "HONORIFICS", ())}
        noise |= {fold(n).rstrip(".") for n in getattr(names, "ORG_NOISE", ())}
        heads |= {fold(h) for h in getattr(roles, "ROLE_HEADS", {}) if " " not in h}
        heads |= {fold(h) for h in getattr(roles, "ROLES", {}) if " " not in h and "-" not in h}
    return frozenset(hon), frozenset(noise), frozenset(heads | noise)


def _person_tokens(name: str) -> list[str]:
    honorifics = _name_lexicon()[0]
    words = [_POSSESSIVE.sub("", w) for w in name.replace(",", " ").split()]
    return [w for w in words if w and fold(w).rstrip(".") not in honorifics]


@lru_cache(maxsize=65536)
def person_key(name: str) -> tuple[tuple[str, ...], str]:
    """(given names, surname), folded, doubled letters collapsed: 'Dr. Bennett Halloway' -> (('benet',), 'haloway')."""
    toks = [_collapse(_alnum(t)) for t in _person_tokens(name)]
    toks = [t for t in toks if t]
    if not toks:
        return (), ""
    return tuple(toks[:-1]), toks[-1]


def org_display(name: str) -> str:
    """An organisation's name without compound heads or legal form: 'Veltrano-Vorstand' -> 'Veltrano',
    'Foo Corp.' -> 'Foo' (never emptied)."""
    _, noise, heads = _name_lexicon()
    s = " ".join(name.split())
    while "-" in s:
        stem, tail = s.rsplit("-", 1)
        if not stem or fold(tail) not in heads:
            break
        s = stem
    words = s.split()
    while len(words) > 1 and fold(words[-1]).strip(".,") in noise:
        words.pop()
    return " ".join(words).rstrip(",") or name


@lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    """Matching key of an organisation: display form, folded, leading articles and punctuation dropped."""
    noise = _name_lexicon()[1]
    words = [_POSSESSIVE.sub("", w) for w in fold(org_display(name)).split()]
    while len(words) > 1 and words[0] in noise:
        words.pop(0)
    return "".join(c for c in "".join(words) if c.isalnum())
