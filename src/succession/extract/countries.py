"""The countries a language names, from CLDR (read through Babel: general knowledge of the language, as month
names are, kept by CLDR rather than written here) and the language's own variants. Read by the seats of
public offices (``learned/seats.py``) and by the trigger guard for trips abroad (``extract/triggers.py``)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import get_language
from .coref import fold

__all__ = ["country_names"]

# CLDR's groupings and private-use regions, which are no country
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "XK"})


def _cldr_countries(lang: str) -> dict[str, str]:
    """Region code -> CLDR's name of the country in ``lang`` (read through Babel: general knowledge of the
    language, as month names are, kept by CLDR rather than written here)."""
    from babel import Locale

    names = Locale(lang).territories
    return {k: v for k, v in names.items() if len(k) == 2 and k.isalpha() and k not in _NOT_COUNTRIES}


@lru_cache(maxsize=None)
def country_names(lang: str) -> tuple[dict[str, str], re.Pattern[str], dict[str, str]]:
    """Form -> country (CLDR names and the language's variants), one expression finding them, and the
    one-word countries by their folded name (for adjectives)."""
    names = _cldr_countries(lang)
    forms = {n: n for n in names.values()}
    forms.update({form: names[code] for form, code in get_language(lang).orgs.COUNTRY_VARIANTS.items()})
    alts = sorted(forms, key=len, reverse=True)
    endings = get_language(lang).orgs.COUNTRY_ENDINGS
    endings = "(?:" + "|".join(re.escape(e) for e in endings) + ")?" if endings else ""
    pattern = re.compile(r"(?<![\w\-])(" + "|".join(re.escape(a) for a in alts) + r")" + endings + r"(?![\w\-])")
    single = {fold(n): n for n in names.values() if " " not in n and "-" not in n}
    return forms, pattern, single
