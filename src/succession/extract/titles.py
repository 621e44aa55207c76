"""The role a change reports: the canonical English role where the vocabulary has one that keeps the post's
meaning (CEO, chair, coach, ...), otherwise the title as the article writes it.

Inside extraction a role is always canonical (features, seats, one-holder posts read it). The canonical
classes of public office ("minister", "head of state", "mayor") lose what the title says: which
ministry ("Foo Secretary", "Finanzminister"), which level of state ("Bundespräsident"), which body. So the
last pass gives such a change the title written in its own sentence, in its base form ("des
Finanzministers" -> "Finanzminister"), and keeps the canonical role where the sentence shows none.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..lang import SUPPORTED
from ..models import Event, EventType, Span
from .lexicon import Lexicon, lexicon
from .rolewords import NAME_TRIM, RoleMention, role_mentions

__all__ = ["CANONICAL_ROLES", "post_class", "written_title", "written_titles"]

# canonical roles that say all a title says (the gold policy's vocabulary of business and sport posts):
# these stay canonical; every other canonical role is a class of posts and gives way to the written title
CANONICAL_ROLES = frozenset({
    "CEO", "interim CEO", "CFO", "CTO", "COO", "CPO", "CMO", "chief scientist", "president", "vice president",
    "chair", "vice chair", "board member", "board observer", "co-founder", "founder", "safety lead", "editor",
    "coach", "assistant coach", "manager", "performance director", "sporting director", "co-head",
    "head of production",
})


def written_titles(events: list[Event], lang: str) -> list[Event]:
    """Each change whose canonical role is a class of posts, with the title its sentence writes instead."""
    lx = lexicon(lang)
    out = []
    for e in events:
        title = written_title(e, lx) if e.role and e.role not in CANONICAL_ROLES else None
        out.append(replace(e, role=title) if title else e)
    return out


def written_title(e: Event, lx: Lexicon) -> str | None:
    """The title in the change's sentence that has the change's canonical role, nearest its trigger."""
    sent: Span = e.evidence
    mentions = [r for r in role_mentions(sent, lx) if r.role == e.role]
    if not mentions:
        return None
    at = e.trigger.start if e.trigger is not None else sent.start
    if e.type in (EventType.APPOINTED, EventType.RETURNED):
        # "Foo, the former deputy minister, became ...": a title held before is not the post taken
        mentions = [r for r in mentions if not r.former]
    titles = [(r, _with_modifier(sent, r, _with_portfolio(sent, r, _base_form(r, lx), lx), lx)) for r in mentions]
    # "übernimmt das Sozialressort": a portfolio, not the title of its holder
    titles = [(r, t) for r, t in titles if not _not_title(t, lx)]
    if not titles:
        return None
    return min(titles, key=lambda rt: (rt[0].former, abs(rt[0].start - at)))[1]


def _not_title(title: str, lx: Lexicon) -> bool:
    folded = title.casefold()
    return any(folded == w or (lx.compound_suffixes and folded.endswith(w)) for w in lx.language.roles.NOT_TITLES)


def _base_form(r: RoleMention, lx: Lexicon) -> str:
    """The title without the organisation joined to it ("Foo-Parteichef" -> "Parteichef") and without a case
    ending ("Finanzministers", "ministers'"); a feminine form stays as written ("Finanzministerin")."""
    text = r.text
    if r.org and text.startswith(r.org):
        text = text[len(r.org):].lstrip(" -")
    text = " ".join(text.split())
    folded = text.casefold()
    for ending in lx.language.roles.CASE_ENDINGS:  # longest first
        if folded.endswith(ending) and _ends_in_role(folded[:-len(ending)], lx):
            text = text[:-len(ending)]
            break
    return text if lx.language.roles.TITLE_CASE_AS_WRITTEN else text.casefold()


_WORD_BEFORE = re.compile(r"(?<![\w\-])([a-z]+)\s+$")


def _with_portfolio(sent: Span, r: RoleMention, title: str, lx: Lexicon) -> str:
    """'minister' with the lower-case word before it that names its portfolio ("fisheries minister")."""
    roles = lx.language.roles
    if r.org or title.casefold() not in roles.PORTFOLIO_TITLES:
        return title
    m = _WORD_BEFORE.search(sent.text[max(0, r.start - sent.start - 30):r.start - sent.start])
    if m is None or m.group(1) in roles.NOT_PORTFOLIOS or lx.canonical_role(m.group(1)) \
            or lx.former.fullmatch(m.group(1)):
        return title
    return f"{m.group(1)} {title}"


def _with_modifier(sent: Span, r: RoleMention, title: str, lx: Lexicon) -> str:
    """The title with an interim word written right before it ("acting mayor", "kommissarischer Dekan"):
    an interim holder's post is not the post itself."""
    before = sent.text[max(0, r.start - sent.start - 30):r.start - sent.start].split()
    if r.org or not before:
        return title
    word = before[-1].strip(NAME_TRIM)
    if word and any(word.casefold().startswith(k) for k in lx.role_modifiers) \
            and not title.casefold().startswith(word.casefold()):
        return f"{word if lx.language.roles.TITLE_CASE_AS_WRITTEN else word.casefold()} {title}"
    return title


def _ends_in_role(word: str, lx: Lexicon) -> bool:
    """Whether ``word`` is a role word, ends in one ("home secretary"), or (where the language writes closed
    compounds) is a compound ending in one ("finanzminister")."""
    if word in lx.roles or (word.split() and word.split()[-1] in lx.roles):
        return True
    return lx.compound_suffixes and any(word[i:] in lx.roles for i in range(1, len(word) - 3))


@lru_cache(maxsize=1 << 12)
def post_class(title: str) -> str | None:
    """The canonical class of posts a written title belongs to ("Finanzministerin" -> "minister", "home
    secretary" -> "minister", "housing minister" -> "minister"): what the timeline keys a seat by and a query
    asks for, so that a title as written and a role word typed in either language meet. None for a role
    that stays canonical (CEO, coach, ...) and for a word no language's role vocabulary knows."""
    words = title.split()
    for text in (title, words[-1]) if len(words) > 1 else (title,):
        for code in SUPPORTED:
            lx = lexicon(code)
            role = lx.canonical_role(text) or lx.compound_role(text)
            if role:
                return None if role in CANONICAL_ROLES else role
    return None
