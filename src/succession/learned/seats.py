"""Where a public post is held: the government bodies an article names ("Home Office", "Treasury",
"Bundesregierung", "Innenministerium"), found by the language's patterns over the whole text, and whether a
body's own words name the post ("Home Office" for a home secretary, "Innenministerium" for an
Innenministerin). The policy (``../shared/gold/README.md``): a minister's organisation is the government or
its department as the article names it."""
from __future__ import annotations

import re
from functools import lru_cache

from ..extract.coref import fold
from ..extract.mentions import NameMention
from ..lang import get_language

__all__ = ["GOV", "MINISTERIAL_ROLES", "government_bodies", "body_fits_role"]

GOV = "GOV"  # the kind of a government body among an article's names (beside the model's ORG and LOC)
# canonical roles held in a government body where the article names one (else in the state)
MINISTERIAL_ROLES = frozenset({"minister", "chancellor", "deputy prime minister"})


@lru_cache(maxsize=None)
def _bodies(lang: str) -> re.Pattern[str]:
    alts = get_language(lang).orgs.GOVERNMENT_BODIES
    return re.compile(r"(?<![\w\-])(?:" + "|".join(f"(?:{a})" for a in alts) + r")(?![\w\-])")


def government_bodies(text: str, lang: str) -> list[NameMention]:
    """Every government body the text names, in order."""
    return [NameMention(m.start(), m.end(), m.group(0), GOV) for m in _bodies(lang).finditer(text)]


def body_fits_role(body: str, role_text: str, lang: str) -> bool:
    """Whether a body's distinctive words open a word of the role as written: "Home Office" and "home
    secretary", "Innenministerium" and "Innenministerin", "Treasury" and "Chief Secretary to the Treasury"."""
    generic = get_language(lang).orgs.GOVERNMENT_GENERIC_WORDS
    role_words = fold(role_text).replace("-", " ").split()
    for w in fold(body).replace("-", " ").split():
        for g in generic:  # "innenministerium" -> "innen", "bundesregierung" -> ""
            if w != g and w.endswith(g) and g not in ("of", "for", "the", "and", "für", "des", "der", "und"):
                w = w[: -len(g)]
        for g in generic:
            if w.startswith(g) and len(w) > len(g) + 3:
                w = w[len(g):]
        if len(w) >= 4 and w not in generic and any(r.startswith(w) or (len(r) > len(w) and w in r) for r in role_words):
            return True
    return False
