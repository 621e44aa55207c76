"""Role words in a sentence: "chief executive", "Foo-Chef", "Vorstandschefin", "der frühere Trainer", each
with its canonical English role, the organisation joined to it in the same word, and whether it is a
former post; a governing body acting ("der Vorstand beschloss") is no role."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import get_language
from ..models import Span
from .lexicon import Lexicon
from .ner import first_names

__all__ = ["NAME_TRIM", "RoleMention", "not_names", "not_orgs", "role_mentions"]

NAME_TRIM = " \t\n,;:.!?\"'„“”«»()[]-–—’‘"


@dataclass(frozen=True, slots=True)
class RoleMention:
    start: int
    end: int
    text: str
    role: str  # canonical English role
    org: str | None  # organisation named in the same word ("Foo-Chef", "Foo boss")
    former: bool  # "former CEO", "ehemaliger Chef"



def role_mentions(sent: Span, lx: Lexicon) -> tuple[RoleMention, ...]:
    out: dict[int, RoleMention] = {}
    not_orgs_ = not_orgs(lx.lang)
    for m in lx.compound_role_regex.finditer(sent.text):
        org, head = m.group(1), m.group(2)
        words = org.split()
        while words and (words[0] in not_orgs_ or lx.canonical_role(words[0]) or lx.former.fullmatch(words[0].casefold())):
            words = words[1:]  # "Former Foo boss", "Chief Foo boss": the organisation is what follows
        org = " ".join(words)
        role = lx.canonical_role(head) or lx.role_heads.get(head.casefold())
        if _is_body(sent.text, m.start(2), m.end(2), lx, article_at=m.end(1) - len(org)):
            continue  # "der Foo-Vorstand": the board acting
        if role and org and org not in not_orgs_ and not lx.canonical_role(org) \
                and org.casefold() not in lx.language.roles.ROLE_PREFIXES:
            s = sent.start + m.end(1) - len(org)
            out[s] = RoleMention(s, sent.start + m.end(), sent.text[s - sent.start:m.end()], role, org,
                                 _former(sent, s - sent.start, lx))
    if lx.compound_suffixes:
        for m in re.finditer(r"(?<![\w\-])[A-ZÄÖÜ][a-zäöüß]{7,}(?![\w\-])", sent.text):
            role = None if lx.canonical_role(m.group()) else lx.compound_role(m.group())
            if role:
                s = sent.start + m.start()
                out[s] = RoleMention(s, sent.start + m.end(), m.group(), role, None, _former(sent, m.start(), lx))
    for m in lx.role_regex.finditer(sent.text):
        s = sent.start + m.start()
        if any(r.start <= s < r.end for r in out.values()) or _is_body(sent.text, m.start(), m.end(), lx):
            continue
        role = lx.canonical_role(m.group())
        if role:
            role = _modified(sent.text, m.start(), role, lx)
            org = _hyphen_org(sent.text, m.start(), lx, not_orgs_)
            if org is not None:  # "Foo-Parteichef", "Foo-Generalsekretär": the role at Foo
                s -= len(org) + 1
                out[s] = RoleMention(s, sent.start + m.end(), sent.text[s - sent.start:m.end()], role, org,
                                     _former(sent, s - sent.start, lx))
                continue
            out[s] = RoleMention(s, sent.start + m.end(), m.group(), role, None, _former(sent, m.start(), lx))
    return tuple(sorted(out.values(), key=lambda r: r.start))


_HYPHEN_PREFIX = re.compile(r"(?<![\w\-])([A-ZÄÖÜ][\w.&]*(?:-[A-ZÄÖÜ0-9][\w.&]*)*)-$")


def _hyphen_org(sentence: str, start: int, lx: Lexicon, not_orgs: frozenset[str]) -> str | None:
    """The organisation a role word is joined to by a hyphen ("Foo-Parteichef"), unless the prefix is a
    role, a modifier ("Vize-", "Ex-") or no name."""
    m = _HYPHEN_PREFIX.search(sentence, max(0, start - 40), start)
    if m is None:
        return None
    org = m.group(1)
    if org in not_orgs or lx.canonical_role(org) or lx.former.fullmatch(org.casefold()) \
            or org.casefold() in lx.language.roles.ROLE_PREFIXES:
        return None
    return org


def _is_body(sentence: str, start: int, end: int, lx: Lexicon, article_at: int | None = None) -> bool:
    """'der Vorstand', 'the board', 'der Foo-Vorstand': the governing body acting, not a seat on it
    (``article_at``: where to look for the article, if not right before ``start``)."""
    roles = lx.language.roles
    word = sentence[start:end].casefold()
    if not any(word == b or (word.startswith(b) and len(word) - len(b) <= 3) for b in roles.BODY_WORDS):
        return False  # "Aufsichtsrates" is "Aufsichtsrat" inflected
    at = start if article_at is None else article_at
    while at > 0 and sentence[at - 1] not in " \t\n(\"„“":
        at -= 1  # "des Foo-Aufsichtsrates": the article stands before the whole compound
    before_text = sentence[max(0, at - 40):at].casefold()
    if any(re.search(r"(?<![\w])" + re.escape(v) + r"\s+(?:\S+\s+)?$", before_text) for v in roles.SEAT_VERBS) or any(
            sentence[end:end + 30].casefold().lstrip().startswith(v) for v in roles.SEAT_VERBS_AFTER):
        return False  # "joined the board", "dem Vorstand beitreten": a seat on it
    before = sentence[max(0, at - 15):at].split()
    return bool(before) and before[-1].casefold() in roles.BODY_ARTICLES


@lru_cache(maxsize=None)  # the first names are thousands: built once, not for every sentence
def not_orgs(lang: str) -> frozenset[str]:
    """Words that are no organisation's name: the language's non-names and every first name."""
    return not_names(lang) | first_names()


@lru_cache(maxsize=None)
def not_names(lang: str) -> frozenset[str]:
    return frozenset(get_language(lang).names.NOT_NAMES)


def _modified(sentence: str, at: int, role: str, lx: Lexicon) -> str:
    before = sentence[max(0, at - 25):at].casefold()
    if role == "CEO" and any(re.search(r"(?<![\w])" + re.escape(k), before) for k in lx.role_modifiers):
        return "interim CEO"
    return role


def _former(sent: Span, at: int, lx: Lexicon) -> bool:
    before = sent.text[max(0, at - 30):at]
    last_words = before.split()[-3:]
    return any(lx.former.fullmatch(w.casefold().strip(NAME_TRIM)) or w.casefold().startswith("ex-") for w in last_words)
