"""Evidence for a candidate that its neighbourhood of words does not show: what the headline says of the same
kind of change and the same person.

A headline ("Foo quits Bar", "Bürgermeisterin tritt zurück") states the article's news; a change of the kind it
names, reported in the body, is the news far more often than a change of another kind or a background
career step. These are features for the learned event model (``candidates.py`` adds them to each person's
candidate); the rules' verdicts are not changed by them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..extract import events as rules
from ..extract.context import DocContext
from ..extract.coref import fold
from ..extract.lexicon import lexicon

__all__ = ["extra_features", "headline_kinds"]

COARSE = {"appointed": "start", "returned": "start", "moved": "start", "departed": "end", "dismissed": "end",
          "leave": "leave", "reassigned": "re", "founded": "founded"}
_HEADLINE_MAX = 160  # characters: a longer first paragraph is the body, not a headline
_LEAD_MAX = 400  # where a dateline may start the body after a teaser
# "... Teaser. Bartown – The council ...", "... Teaser. Foo/Bar – ...": a place and a dash start the body
_DATELINE = re.compile(r"[.!?\"“”»«] ([A-ZÄÖÜ][\w\-]+(?: ?/ ?[A-ZÄÖÜ][\w\-]+)*(?: [A-ZÄÖÜ][\w\-]+)?) [–—-] ?"
                       r"(?=[A-ZÄÖÜ\"„])")


def extra_features(ctx: DocContext, holder: str, hit, t0: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """The features this module adds to one person's candidate of trigger ``hit`` at ``t0`` (see the module's
    docstring): ``headline_kind`` where the headline names a change of the trigger's kind (the candidate
    standing in the body), ``headline_holder_kind`` where it also names the person's surname."""
    if not ctx.language.triggers.HEADLINE_EVIDENCE:
        return {}  # a language whose data does not ask for it (German: no gain measured, and a refit's extra)
    head = _headline(ctx)
    if t0 < head or COARSE.get(hit.trigger.type, hit.trigger.type) not in headline_kinds(ctx.lang, ctx.text[:head]):
        return {}
    f = {"headline_kind": 1.0}
    surname = fold(holder).split()[-1:]
    if surname and surname[0] in fold(ctx.text[:head]).split():
        f["headline_holder_kind"] = 1.0
    return f


def _headline(ctx: DocContext) -> int:
    """The end of the headline: the document's title, else a short first line standing apart from the body
    (a blank line after it, no full stop at its end), else a teaser run into a body that starts at its
    dateline; 0 where there is none."""
    if ctx.title_end > 0:
        return ctx.title_end
    first = ctx.text.find("\n\n")
    if 0 < first <= _HEADLINE_MAX and not ctx.text[:first].rstrip().endswith(".") and "\n" not in ctx.text[:first]:
        return first
    m = _DATELINE.search(ctx.text, 0, _LEAD_MAX)
    return m.start(1) if m else 0


@lru_cache(maxsize=512)
def headline_kinds(lang: str, title: str) -> frozenset[str]:
    """The kinds of change the headline's triggers name (coarse: start, end, leave, re, founded)."""
    if not title.strip():
        return frozenset()
    return frozenset(COARSE.get(h.trigger.type, h.trigger.type) for h in rules.trigger_hits(title, lexicon(lang)))
