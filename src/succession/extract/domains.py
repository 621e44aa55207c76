"""Organisations written as their web address ("foo-bar.org", "bazhilfe.de"): the named-entity model reads a
lower-case dotted word as no name at all, so a charity or a start-up the article names only so is never where
a change happens. The endings that make such a word a name are language data (``lang/<code>/orgs.py``)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import get_language
from ..models import Span

__all__ = ["web_domains"]


@lru_cache(maxsize=None)
def _pattern(lang: str) -> re.Pattern[str] | None:
    endings = tuple(get_language(lang).orgs.WEB_DOMAINS)
    if not endings:
        return None
    # a label of letters, digits and hyphens (one or more, dotted: "foo.bar.org"), the ending; not part of an
    # e-mail address or a longer address ("x@foo.org", "foo.org/bar"), nor a sentence's end run on ("foo.Org")
    # the ending in lower case ("Foo.com"; not "Ende.De" run together)
    return re.compile(r"(?<![\w@/.\-])((?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+(?:"
                      + "|".join(re.escape(e) for e in sorted(endings, key=len, reverse=True))
                      + r"))(?![\w/@]|\.[A-Za-z0-9])")


def web_domains(sentence: Span, lang: str) -> list[tuple[int, int, str]]:
    """The web addresses a sentence names as organisations: (start, end, text), document offsets."""
    rx = _pattern(lang)
    if rx is None:
        return []
    things = tuple(get_language(lang).orgs.WEB_THING_NOUNS)
    out = []
    for m in rx.finditer(sentence.text):
        before = sentence.text[max(0, m.start(1) - 40):m.start(1)].casefold().split()
        if before and any(" ".join(before[-len(t.split()):]) == t for t in things):
            continue  # "die Domain foo2016.at": the address itself, registered or sold
        name = m.group(1)
        if not any(c.isalpha() for c in name.split(".")[0]):
            continue  # "3.de" is no name
        skip = 4 if name.casefold().startswith("www.") else 0  # "www.foo.org" is "foo.org"
        out.append((sentence.start + m.start(1) + skip, sentence.start + m.end(1), name[skip:]))
    return out
