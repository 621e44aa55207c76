"""Mentions of people, organisations and roles in the sentences that could matter.

Heavy models run only on candidate sentences (a trigger or role word in them); a cheap pattern pass
over the whole text collects full names so that later surname-only mentions can be resolved.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..lang import LanguageData, get_language
from ..models import Span
from .lexicon import Lexicon, lexicon
from .listed import listed_with_person
from .rolewords import NAME_TRIM as _TRIM, RoleMention, not_names as _not_names, role_mentions
from .namepass import given_names_before, joined_particle_names, no_name, particle, role_compound as _role_compound
from .ner import NamedSpan, RuleNer, first_names, load_ner
from .triggers import candidates

__all__ = ["NameMention", "RoleMention", "SentenceMentions", "add_known_names", "add_known_orgs", "clean_name",
           "find_mentions", "with_number"]

_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "le", "la", "al", "bin", "ter", "zu"})
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")


@dataclass(frozen=True, slots=True)
class NameMention:
    start: int  # offsets into the document text
    end: int
    text: str
    kind: str  # "person" or "org"


@dataclass(frozen=True, slots=True)
class SentenceMentions:
    sentence: Span
    persons: tuple[NameMention, ...]
    orgs: tuple[NameMention, ...]
    roles: tuple[RoleMention, ...]


def find_mentions(text: str, sentences: Sequence[Span], lang: str,
                  named: Sequence[Sequence[NamedSpan]] | None = None, *,
                  cands: Sequence[Span] | None = None, language: LanguageData | None = None
                  ) -> list[SentenceMentions]:
    """Persons, organisations and roles in every candidate sentence, in document order. ``named``: the
    named-entity spans of the candidates (``cands``, else ``candidates(sentences)``) when already computed;
    ``language``: the document's language data, when the caller already holds it."""
    lx = lexicon(lang)
    cands = list(cands) if cands is not None else candidates(sentences, lang)
    texts = [s.text for s in cands]
    found = list(named) if named is not None else (load_ner(lang)(texts) if cands else [])
    # known first name + capitalised surname: a person even where the model missed it
    found = [_union(model, rules) for model, rules in zip(found, RuleNer()(texts))]
    names = (language if language is not None else get_language(lang)).names
    not_names = _not_names(lang)
    out = []
    # words the model calls (part of) a person somewhere in the document, or that follow a first name
    name_words = _name_words(text) | {w for sent, spans in zip(cands, found) for sp in spans if sp.label == "PER"
                                      for w in sent.text[sp.start:sp.end].split()}
    for sent, spans in zip(cands, found):
        roles = role_mentions(sent, lx)
        persons, orgs = [], []
        nationality = [(sent.start + sp.start, sent.start + sp.end) for sp in spans if sp.label == "MISC"]
        roles = tuple(r for r in roles if not (r.org and any(a <= r.start < b for a, b in nationality)))
        for sp in _split_org_person(sent.text, spans):
            end = with_number(text, sent.start + sp.end) if sp.label == "ORG" else sent.start + sp.end
            m = _clean(text, sent.start + sp.start, end, not_names, lx, digits=sp.label == "ORG")
            if m is None:
                continue
            if sp.label == "PER":
                m = _without_trailing_role(m, lx)
            if sp.label == "PER" and _looks_like_person(m[2], lx):
                persons.append(NameMention(*m, "person"))
            elif sp.label in ("ORG", "PER") and not lx.canonical_role(m[2]) and not (
                    lx.event_words and lx.event_words.search(m[2])):
                orgs.append(NameMention(*m, "org"))
        persons = [NameMention(*given_names_before(text, sent, (p.start, p.end, p.text), not_names, lx), "person")
                   for p in persons]
        persons += _honorific_names(text, sent, names.HONORIFICS, persons)
        persons += _titled_names(text, sent, roles, persons, not_names, lx, name_words)
        persons += _aged_names(text, sent, persons + orgs, not_names, lx)
        persons += [NameMention(*n, "person") for n in joined_particle_names(  # "der Schiit Foo al-Bar"
            text, sent, [(m.start, m.end, m.text) for m in persons + orgs], not_names, lx)]
        orgs += [NameMention(r.start, r.start + len(r.org), r.org, "org") for r in roles if r.org]
        persons, orgs = _titled_orgs_are_people(text, sent, roles, persons, orgs, lx)
        persons += _names_before_as_role(text, sent, roles, persons + orgs, lx)
        # "die Spieler Foo Bar und Baz Qux", Foo Bar read as an organisation: a person listed among people
        listed = [o for o in orgs if listed_with_person(text, o.start, o.end, persons, lang)]
        orgs = [o for o in orgs if o not in listed]
        persons += [NameMention(o.start, o.end, o.text, "person") for o in listed]
        pattern_orgs = _pattern_orgs(sent, lx, persons, not_names)
        # a name in an organisation pattern is no person (the model often calls a magazine a person)
        persons = [p for p in persons if not any(o.start <= p.start < o.end for o in pattern_orgs)]
        orgs += pattern_orgs
        out.append(SentenceMentions(sent, tuple(sorted(persons, key=lambda m: m.start)),
                                    tuple(sorted(_dedupe(orgs), key=lambda m: m.start)), roles))
    return _reconcile(out, frozenset(h.casefold() for h in names.HONORIFICS))


def _last_word(name: str) -> str:
    word = name.split()[-1]
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def _reconcile(sents: list[SentenceMentions], titles: frozenset[str] = frozenset()) -> list[SentenceMentions]:
    """One name, one kind per document: a single word tagged an organisation more often than a person
    (or anywhere with an organisation suffix) is an organisation everywhere, and vice versa (``titles``: the
    language's honorifics, in lower case)."""
    votes: dict[str, list[int]] = {}
    for sm in sents:
        for p in sm.persons:
            votes.setdefault(p.text, [0, 0])[0] += 1
        for o in sm.orgs:
            votes.setdefault(o.text, [0, 0])[1] += 1
    surnames = {p.text.split()[-1] for sm in sents for p in sm.persons if len(p.text.split()) >= 2}
    as_org = {t for t, (p, o) in votes.items() if o > p and len(t.split()) == 1 and t not in surnames}
    as_person = {t for t, (p, o) in votes.items() if p > o and len(t.split()) >= 2 and t.split()[0] in first_names()}
    # "Foo Central Bar" the model calls a person less often than it calls "Foo" alone an organisation (and "Foo" a
    # person less often still): the organisation's full name ("the bank, Foo Central Bar"), not a person whose given
    # name is "Foo"; a name with a given name in it or opened by a title stays a person ("Crown Prince Jon", "Lord Foo")
    as_org |= {t for t, (p, _) in votes.items() if len(t.split()) >= 2 and t.split()[0] in as_org
               and votes[t.split()[0]][1] > p and t.split()[0].casefold() not in titles
               and not any(w in first_names() for w in t.split())}
    out = []
    for sm in sents:
        persons = [p for p in sm.persons if p.text not in as_org]
        orgs = [o for o in sm.orgs if o.text not in as_person and (o.text in as_org or not any(
            p.start <= o.start < p.end or o.start <= p.start < o.end for p in sm.persons))
            and _last_word(o.text) not in surnames]  # "Saison Magaths": a person's name ends it
        persons += [NameMention(o.start, o.end, o.text, "person") for o in sm.orgs if o.text in as_person]
        orgs += [NameMention(p.start, p.end, p.text, "org") for p in sm.persons if p.text in as_org]
        out.append(SentenceMentions(sm.sentence, tuple(sorted(persons, key=lambda m: m.start)),
                                    tuple(sorted(orgs, key=lambda m: m.start)), sm.roles))
    return out


_AS_ROLE = re.compile(r"(?:,[^,.;]{0,80},)?\s+(?:as|als|zum|zur)\s+(?:(?:new|interim|acting|neuen|neue[rn]?)\s+)?",
                      re.IGNORECASE)  # an apposition may stand between: "Foo Bar, previously ..., as president"


_NAME_PAIR = re.compile(r"(?<![\w\-])([A-ZÄÖÜ][\w'’\-]+(?:\s+[A-ZÄÖÜ][\w'’\-]+){1,2})")


def _names_before_as_role(text: str, sent: Span, roles: tuple[RoleMention, ...], have: list[NameMention],
                          lx: Lexicon) -> list[NameMention]:
    """'hired Foo Bar as CTO': two or three capitalised words right before "as <role>" name a person,
    even where the model found nothing there."""
    from .ner import _org_words

    out = []
    for m in _NAME_PAIR.finditer(sent.text):
        s, e = sent.start + m.start(1), sent.start + m.end(1)
        as_role = _AS_ROLE.match(text, e)
        if not as_role or as_role.group().startswith(",") or not any(r.start == as_role.end() for r in roles):
            continue
        words = m.group(1).split()
        if lx.language.names.CAPITALISES_NOUNS and words[0] not in first_names():
            continue  # German capitalises nouns: "Seine Aufgaben als CTO" names nobody
        if any(w.casefold() in _org_words() for w in words) or any(a < e and s < b for a, b in
                                                                     ((h.start, h.end) for h in have)):
            continue
        out.append(NameMention(s, e, m.group(1), "person"))
    return out


def _titled_orgs_are_people(text: str, sent: Span, roles: tuple[RoleMention, ...], persons: list[NameMention],
                            orgs: list[NameMention], lx: Lexicon) -> tuple[list[NameMention], list[NameMention]]:
    """'appointed Foo Bar as chief executive', 'CFO Foo Bar': a two- or three-word name the model called an
    organisation is a person when a role is said of it (and no organisation word is in it)."""
    from .ner import _org_words  # the organisation words of every language

    keep, moved = [], []
    for o in orgs:
        words = o.text.split()
        as_role = _AS_ROLE.match(text, o.end)
        titled = as_role and any(r.start == as_role.end() for r in roles)
        titled = titled or any(0 <= o.start - r.end <= 2 for r in roles if not r.org)
        if titled and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) \
                and not any(w.casefold().rstrip(".") in _org_words() for w in words):
            moved.append(NameMention(o.start, o.end, o.text, "person"))
        else:
            keep.append(o)
    return persons + moved, keep


def _pattern_orgs(sent: Span, lx: Lexicon, persons: list[NameMention], not_names: frozenset[str]
                  ) -> list[NameMention]:
    """Organisations the model missed: after an organisation noun ("the airline Foo", "Nachrichtenmagazin
    Foo") or ending in an organisation word ("Foo AG", "Foo-Bank")."""
    out = []
    for rx, capital_head in ((lx.org_noun_regex, False), (lx.org_suffix_regex, True), (lx.apposition_org_regex, False)):
        if rx is None:
            continue
        for m in rx.finditer(sent.text):
            words = m.group(1).split()
            while words and (words[0] in not_names or lx.canonical_role(words[0])):
                words = words[1:]
            if not words or (capital_head and len(words) == 1 and "-" not in words[0]):
                continue  # a bare "Bank" is no name
            name = " ".join(words).rstrip(".,")
            if lx.event_words and lx.event_words.search(name) and not capital_head:
                continue  # "the World Cup final"; but a name ending in "Committee" is an organisation
            s = sent.start + sent.text.find(name, m.start(1))
            if any(p.start < s + len(name) and s < p.end and len(p.text.split()) > 1 and not capital_head
                   for p in persons):
                continue
            out.append(NameMention(s, s + len(name), name, "org"))
    return out


def _union(model: list[NamedSpan], rules: list[NamedSpan]) -> list[NamedSpan]:
    out = list(model)
    for r in rules:
        if not any(m.start < r.end and r.start < m.end for m in model):
            out.append(r)
    return sorted(out, key=lambda s: s.start)


def _split_org_person(sentence: str, spans: list[NamedSpan]) -> list[NamedSpan]:
    """'Foo Group Jane Roe' tagged as one organisation: a known first name starts the person."""
    names = first_names()
    out = []
    for sp in spans:
        if sp.label != "ORG":
            out.append(sp)
            continue
        words = list(re.finditer(r"\S+", sentence[sp.start:sp.end]))
        if 2 <= len(words) <= 4 and words[0].group() in names and all(
                w.group()[:1].isupper() or w.group().split("'")[0] in _PARTICLES for w in words):
            out.append(NamedSpan(sp.start, sp.end, "PER"))
            continue
        cut = next((w for w in words[1:-1] if w.group() in names and w.group()[0].isupper()), None)
        if cut is None:
            out.append(sp)
            continue
        out.append(NamedSpan(sp.start, sp.start + cut.start(), "ORG"))
        out.append(NamedSpan(sp.start + cut.start(), sp.end, "PER"))
    return out


_DATELINE = re.compile(r"^[A-ZÄÖÜ]{2,}(?:[/ ][A-ZÄÖÜ]{2,})*\s*[-–—]\s*")


# a club's year after its name ("FC Foo 04", "SV Bar 09 hat"): two digits, then punctuation or a
# lower-case word (not "12 Punkte", a number of something)
_NAME_NUMBER = re.compile(r"\s\d{2}(?=[\s,.;:)]+(?:[^\W\d_A-ZÄÖÜ]|$)|$)")


def with_number(text: str, end: int) -> int:
    """The end of an organisation name the model ended before its number."""
    m = _NAME_NUMBER.match(text, end)
    return m.end() if m else end


def clean_name(text: str, start: int, end: int, lang: str, *, digits: bool = False) -> tuple[int, int, str] | None:
    """The name a model's span ``text[start:end]`` holds (see ``_clean``), or None when it holds none."""
    return _clean(text, start, end, _not_names(lang), lexicon(lang), digits=digits)


def _clean(text: str, start: int, end: int, not_names: frozenset[str], lx: Lexicon, *, digits: bool = False
           ) -> tuple[int, int, str] | None:
    """The name inside a model's span, without swallowed titles, articles and punctuation (``digits``:
    an organisation may carry a number, "FC Foo 04"; a person's name may not)."""
    dateline = _DATELINE.match(text[start:end])
    if dateline:  # "ESSEN - Foo AG": the dateline is no part of the name
        start += dateline.end()
    s = text[start:end]
    # drop leading function words and role words the model swallowed ("Der Vorstandschef Max Muster")
    words = s.split()
    if len(words) >= 3 and words[1] in first_names() and words[0] not in first_names() \
            and (lx.language.names.CAPITALISES_NOUNS or no_name(words[0].strip(_TRIM), text, not_names, lx)):
        # "Ex-Landesrätin Jane Roe": a title before the name; where nouns are written in lower case, a
        # capitalised word that is no title is a given name of its own ("Orlio Maria Foo")
        start = text.index(words[0], start) + len(words[0])
        words = words[1:]
    while words and (words[0].strip(_TRIM) in not_names or lx.canonical_role(words[0].strip(_TRIM))
                     or words[0][:1].islower() or _role_compound(words[0].strip(_TRIM), lx)):
        start = text.index(words[0], start) + len(words[0])
        words = words[1:]
    s = text[start:end]
    lead = len(s) - len(s.lstrip(_TRIM))
    start += lead
    s = text[start:end].rstrip(_TRIM)
    s = _POSSESSIVE.sub("", s)
    end = start + len(s)
    if len(s) < 2 or not s[0].isupper() or (not digits and any(c.isdigit() for c in s)) or "\n" in s:
        return None
    cut = re.search(r":|\s[-–—]\s", s)
    if cut:  # "Foo AG: Board", "Foo - Bar": a headline's punctuation ends the name
        s = s[:cut.start()].rstrip(_TRIM)
        end = start + len(s)
        if len(s) < 2:
            return None
    return start, end, s


def _without_trailing_role(m: tuple[int, int, str], lx: Lexicon) -> tuple[int, int, str]:
    """'Bis 2004 war Jane Roe Chefin der Luftwaffe': the model's person span swallowed the role after the name,
    as German puts the predicate there; a name ends before a role word."""
    start, end, name = m
    words = list(re.finditer(r"\S+", name))
    while len(words) > 1 and (lx.canonical_role(words[-1].group()) or lx.compound_role(words[-1].group())
                              or _role_compound(words[-1].group(), lx)):
        words.pop()
    cut = words[-1].end() if words else len(name)
    return (start, start + cut, name[:cut]) if cut < len(name) else m


def _looks_like_person(s: str, lx: Lexicon) -> bool:
    words = s.split()
    if len(words) > 4 or lx.role_regex.fullmatch(s):
        return False
    return all(w[:1].isupper() or particle(w) for w in words)




def _short_forms(name: str, text: str) -> set[str]:
    """'Foo Energie AG' is also written 'Foo Energie' and 'Foo': short forms the text itself uses
    (a first word only where it stands alone in the text, capitalised, not opening a sentence)."""
    words = name.split()
    out = set()
    if len(words) >= 2:
        out.add(" ".join(words[:-1]))
        first = words[0]
        if len(first) >= 4 and re.search(r"[^.!?\s]\s+" + re.escape(first) + r"(?![\w\-])(?!\s+" + re.escape(words[1]) + ")",
                                        text):
            out.add(first)
    return {o for o in out if len(o) >= 3}


def add_known_orgs(sents: list[SentenceMentions], text: str = "") -> list[SentenceMentions]:
    """Organisation names found somewhere in the document, found again where the model missed them."""
    people = {p.text for sm in sents for p in sm.persons} | {p.text.split()[-1] for sm in sents for p in sm.persons}
    names = {o.text for sm in sents for o in sm.orgs if len(o.text) >= 3 and o.text not in people}
    names |= {s for n in names for s in _short_forms(n, text)} - people
    if not names:
        return sents
    rx = re.compile(r"(?<![\w\-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                    + r")(?![\w])")
    out = []
    for sm in sents:
        orgs = list(sm.orgs)
        taken = [(m.start, m.end) for m in list(sm.persons) + orgs]
        for m in rx.finditer(sm.sentence.text):
            s, e = sm.sentence.start + m.start(1), sm.sentence.start + m.end(1)
            if not any(a < e and s < b for a, b in taken):
                orgs.append(NameMention(s, e, m.group(1), "org"))
                taken.append((s, e))
        out.append(SentenceMentions(sm.sentence, sm.persons, tuple(sorted(orgs, key=lambda o: o.start)), sm.roles))
    return out


def _honorific_names(text: str, sent: Span, honorifics: Sequence[str], have: list[NameMention]) -> list[NameMention]:
    """'Mr Lindqvist', 'Herr Muster', 'Ms Okafor': the surname after an honorific is a person."""
    alt = "|".join(re.escape(h.rstrip(".")) for h in honorifics)
    out = []
    for m in re.finditer(r"(?<![\w])(?:" + alt + r")\.?\s+([A-ZÄÖÜ][\w\-]+)", sent.text, re.IGNORECASE):
        s = sent.start + m.start(1)
        name = _POSSESSIVE.sub("", m.group(1))
        if not any(p.start <= s < p.end for p in have) and name[0].isupper():
            out.append(NameMention(s, s + len(name), name, "person"))
    return out


# "der"/"den" are name particles only after "van"/"von" ("van der Foo"): alone they are the article of the
# next noun ("dankte Präsident Foo Bar der Opposition")
_TITLED = re.compile(r"\s+([A-ZÄÖÜ][\w'’\-]+(?:\s+(?:[A-ZÄÖÜ][\w'’\-]+|(?:(?:van|von)(?:\s+de[rn])?|de|da|di|ter|zu)(?![\w'’\-]))){0,3})")


def _titled_names(text: str, sent: Span, roles: tuple[RoleMention, ...], have: list[NameMention],
                  not_names: frozenset[str], lx: Lexicon, known_words: frozenset[str] = frozenset()
                  ) -> list[NameMention]:
    """'CEO Lindqvist', 'Präsident Muster', 'Vorstandschef Max Muster': capitalised words right after a role
    title are a name (the model often misses a lone surname)."""
    out = []
    for r in roles:
        m = _TITLED.match(text, r.end, sent.end)
        if not m:
            continue
        words = m.group(1).split()
        # stop at the first word that is no name: a role, an organisation noun, a function word
        keep = []
        for w in words:
            if w in not_names or lx.canonical_role(w) or (lx.org_noun_regex and lx.org_noun_regex.match(w + " X")):
                break
            keep.append(w)
        if not keep or keep[0][:1].islower():
            continue
        if len(keep) == 1 and lx.language.names.CAPITALISES_NOUNS and keep[0] not in known_words:
            continue  # German: "Geschäftsführerin Kooperationen" is a noun, not a surname
        name = _POSSESSIVE.sub("", " ".join(keep))
        s = m.start(1)
        if any(p.start < s + len(name) and s < p.end for p in have):
            continue
        out.append(NameMention(s, s + len(name), name, "person"))
    return out


# "Foo (40)", "Jane Roe (54)": an age in brackets right after capitalised words
_AGED = re.compile(r"(?<![\w\-])([A-ZÄÖÜ][\w'’\-]+(?:\s+[A-ZÄÖÜ][\w'’\-]+){0,2})\s+\(\d{2}\)")


def _aged_names(text: str, sent: Span, have: list[NameMention], not_names: frozenset[str], lx: Lexicon
                ) -> list[NameMention]:
    """'Foo (40) war Außenminister': capitalised words with an age in brackets name a person (a news
    convention the model misses, mostly for a lone surname); titles and roles before the name stay out."""
    from .ner import _org_words

    out = []
    for m in _AGED.finditer(sent.text):
        words = m.group(1).split()
        while words and (words[0] in not_names or lx.canonical_role(words[0]) or lx.compound_role(words[0])
                         or _role_compound(words[0], lx)):
            words = words[1:]
        if not words or any(w.casefold() in _org_words() or w in not_names for w in words):
            continue
        name = " ".join(words)
        s = sent.start + m.end(1) - len(name)
        if any(h.start < s + len(name) and s < h.end for h in have + out):
            continue
        out.append(NameMention(s, s + len(name), name, "person"))
    return out


def _name_words(text: str) -> frozenset[str]:
    """Words that stand as the last word of a first-name + surname pair somewhere in the text."""
    names = first_names()
    return frozenset(m.group(2) for m in re.finditer(r"\b([A-ZÄÖÜ][\w\-]+)\s+([A-ZÄÖÜ][\w\-]+)", text)
                     if m.group(1) in names)


def _dedupe(ms: list[NameMention]) -> list[NameMention]:
    seen, out = set(), []
    for m in sorted(ms, key=lambda m: (m.start, -m.end)):
        if any(m.start < e and s < m.end for s, e in seen):
            continue
        seen.add((m.start, m.end))
        out.append(m)
    return out


def add_known_names(sents: list[SentenceMentions], known: dict[str, str]) -> list[SentenceMentions]:
    """Add mentions of names the document gives elsewhere (a surname alone after the full name).

    ``known`` maps a single word (a surname) to the person's full name; a word already inside a person
    mention is left alone, one inside an organisation mention becomes a person when the document knows
    it as a surname (the model often calls a lone surname an organisation).
    """
    if not known:
        return sents
    known = dict(known)
    known.update({k + "s": v for k, v in known.items() if len(k) > 3})  # German genitive "Muellers"
    rx = re.compile(r"(?<![\w\-])(" + "|".join(re.escape(k) for k in sorted(known, key=len, reverse=True))
                    + r")(?:'s|’s)?(?![\w\-])")
    out = []
    for sm in sents:
        persons = list(sm.persons)
        orgs = list(sm.orgs)
        for m in rx.finditer(sm.sentence.text):
            s, e = sm.sentence.start + m.start(1), sm.sentence.start + m.end(1)
            if any(p.start <= s < p.end for p in persons):
                continue
            orgs = [o for o in orgs if not (o.start <= s < o.end and o.text == m.group(1))]
            persons.append(NameMention(s, e, m.group(1), "person"))
        out.append(SentenceMentions(sm.sentence, tuple(sorted(persons, key=lambda p: p.start)), tuple(orgs), sm.roles))
    return out
