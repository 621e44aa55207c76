"""Who is who inside one article: surnames, "Mr X"/"Herr X", first names and slightly damaged spellings
resolve to the fullest form of the name the article gives."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz.distance import JaroWinkler

from ..models import Entity, MentionKind, Span
from functools import lru_cache

from .ner import RuleNer, first_names

__all__ = ["People", "companies_named_like_people", "first_names_folded", "fold"]

_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "le", "la", "al", "bin", "ter", "zu"})


def fold(name: str) -> str:
    """Case- and accent-insensitive form of a name."""
    s = unicodedata.normalize("NFKD", name)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


class People:
    """The persons of one document: every surface form maps to one canonical full name."""

    def __init__(self, text: str, mentions: Iterable[tuple[int, int, str]]) -> None:
        ms = list(mentions)
        # full names anywhere in the text (cheap pattern pass), so "Mr Lindqvist" finds "Harald Lindqvist"
        for spans in RuleNer()([text]):
            ms += [(s.start, s.end, text[s.start:s.end]) for s in spans]
        self._mentions = sorted(set(ms))
        self._genders: dict[str, str | None] = {}
        fulls = Counter(s for _, _, s in self._mentions if len(s.split()) >= 2)
        for name in list(fulls):  # "Foo Barts" beside "Foo Bart" is a German genitive, not another person
            if name.endswith("s") and name[:-1] in fulls:
                fulls[name[:-1]] += fulls.pop(name)
        self._by_surname: dict[str, list[str]] = defaultdict(list)
        firsts = _first_folded()
        first_seen = {s: a for a, _, s in reversed(self._mentions)}
        ranked = sorted(fulls.items(), key=lambda kv: (fold(kv[0].split()[0]) not in firsts, -len(kv[0].split()),
                                                       -kv[1], first_seen.get(kv[0], 0), kv[0]))
        for full, _ in ranked:
            key = fold(full.split()[-1])
            if full not in self._by_surname[key]:
                self._by_surname[key].append(full)
        self._first = defaultdict(set)
        for full in fulls:
            self._first[fold(full.split()[0])].add(full)

    def gender(self, name: str) -> str | None:
        """'m' or 'f' where the text gives the person an honorific that says so (Mr, Ms, Herr, Frau)."""
        return self._genders.get(name)

    def learn_genders(self, text: str, honorifics: dict[str, str]) -> None:
        if not honorifics:
            return
        alt = "|".join(re.escape(h) for h in sorted(honorifics, key=len, reverse=True))
        for m in re.finditer(r"(?<![\w])(" + alt + r")\.?\s+([A-ZÄÖÜ][\w\-]+)", text, re.IGNORECASE):
            name = self.canonical(m.group(2))
            g = honorifics[m.group(1).casefold()]
            self._genders[name] = g if self._genders.get(name, g) == g else None

    def add_mentions(self, mentions: Iterable[tuple[int, int, str]]) -> None:
        """More mentions of people already known (e.g. surnames found after the full name was learnt)."""
        self._mentions = sorted(set(self._mentions) | set(mentions))

    def mentions_near(self, start: int, end: int, reach: int = 4) -> list[tuple[int, int, str]]:
        """Person mentions within ``reach`` characters of ``start:end``."""
        return [m for m in self._mentions if m[0] <= end + reach and m[1] >= start - reach]

    def mentions_before(self, offset: int) -> list[tuple[int, int, str]]:
        """Person mentions ending at or before ``offset``, in text order."""
        return [m for m in self._mentions if m[1] <= offset]

    def surnames(self) -> dict[str, str]:
        """Surname (as written) -> full name, for every surname that names exactly one person here."""
        out = {}
        for _key, fulls in self._by_surname.items():
            if len(fulls) == 1 or len({fold(f.split()[0]) for f in fulls}) == 1:
                last = fulls[0].split()[-1]
                if len(last) >= 3:
                    out[last] = fulls[0]
        return out

    def first_names(self) -> dict[str, str]:
        """First name (as written) -> full name, for first names that belong to one person here."""
        out = {}
        for key, fulls in self._first.items():
            if len(fulls) == 1:
                full = next(iter(fulls))
                out[full.split()[0]] = full
        return out

    def canonical(self, surface: str) -> str:
        if surface.endswith("s") and any(surface[:-1] in v for v in self._by_surname.values()):
            surface = surface[:-1]
        words = surface.split()
        while len(words) > 1 and words[0].casefold() in _PARTICLES:
            words = words[1:]  # "Van Tassel" is a surname, not a first name
        surface = " ".join(words)
        if not words:
            return surface
        key = fold(words[-1])
        if key not in self._by_surname and key.endswith("s") and key[:-1] in self._by_surname:
            key = key[:-1]  # German genitive: "Muellers"
        cands = self._by_surname.get(key) or self._hyphen_split(words[-1]) or self._fuzzy_surname(key)
        if len(words) >= 2:
            # a full name: keep it unless a longer form with the same first name exists
            for c in cands:
                if fold(c.split()[0]) == fold(words[0]) and len(c) > len(surface):
                    return c
            firsts = _first_folded()
            if cands and fold(words[0]) not in firsts:
                # "Bezüglich Muellers", "Foo-CEO Jane Roe": a word before a known name is not a first name
                better = [c for c in cands if fold(c.split()[0]) in firsts]
                if better or len(cands) == 1:
                    return (better or cands)[0]
            for c in cands:  # "Tom"/"Thomas": spelled close enough, same surname; the first ranked wins
                if c == surface or _same_first_name(fold(c.split()[0]), fold(words[0])):
                    return c
            return surface
        if cands:
            return cands[0]
        firsts = self._first.get(key, set())
        if len(firsts) == 1:
            return next(iter(firsts))
        return surface

    def _hyphen_split(self, surname: str) -> list[str]:
        """The full names a double surname joined by a hyphen ("Mr Foo-Bar") names where the article writes it
        with a space once ("Baz Foo Bar"): the full names ending in its parts, in order."""
        parts = [p for p in surname.split("-") if p]
        if len(parts) < 2:
            return []
        tail = " " + fold(" ".join(parts))
        return [c for c in self._by_surname.get(fold(parts[-1]), []) if (" " + fold(c)).endswith(tail)
                and len(c.split()) > len(parts)]

    def _fuzzy_surname(self, key: str) -> list[str]:
        if len(key) < 5:
            return []
        best = [(JaroWinkler.similarity(key, k), k) for k in self._by_surname]
        best = [b for b in best if b[0] >= 0.93]
        return self._by_surname[max(best)[1]] if best else []

    def entities(self, doc_mentions: Iterable[tuple[int, int, str]]) -> tuple[Entity, ...]:
        groups: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for m in doc_mentions:
            groups[self.canonical(m[2])].append(m)
        return tuple(Entity(name=name, kind=MentionKind.PERSON,
                            variants=tuple(sorted({s for _, _, s in ms})),
                            mentions=tuple(Span(a, b, s) for a, b, s in sorted(ms)))
                     for name, ms in sorted(groups.items()))


def _same_first_name(a: str, b: str) -> bool:
    """'dave'/'david', 'jurgen'/'juergen': one person's first name written two ways."""
    if a == b:
        return True
    if len(a) >= 3 and len(b) >= 3 and a[:3] == b[:3] and abs(len(a) - len(b)) <= 2:
        return True
    return JaroWinkler.similarity(a, b) >= 0.85


@lru_cache(maxsize=1)
def _first_folded() -> frozenset[str]:
    return frozenset(fold(n) for n in first_names())


def first_names_folded() -> frozenset[str]:
    """The known given names, folded: a name starting with none may be a company's."""
    return _first_folded()


def companies_named_like_people(persons: tuple[Entity, ...], orgs: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """Persons and organisations, where a "person" with no known first name that is named inside an
    organisation's name ("Foo Bar" inside "Foo Bar AG", tagged a person in a headline) is that organisation:
    its mentions join the organisation's, so that no later "she" or "he" can point to it."""
    firsts = _first_folded()
    merged = {o.name: o for o in orgs}
    keep = []
    for e in persons:
        words = e.name.split()
        host = None if not words or fold(words[0]) in firsts else next(
            (o for o in orgs for m in e.mentions for n in o.mentions if n.start <= m.start and m.end <= n.end), None)
        if host is None:
            keep.append(e)
            continue
        o = merged[host.name]
        outside = [m for m in e.mentions if not any(n.start <= m.start and m.end <= n.end for n in o.mentions)]
        merged[host.name] = Entity(name=o.name, kind=o.kind, variants=tuple(sorted({*o.variants, *e.variants})),
                                   mentions=tuple(sorted({*o.mentions, *outside}, key=lambda x: (x.start, x.end))))
    return tuple(keep) + tuple(merged[o.name] for o in orgs)
