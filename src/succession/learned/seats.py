"""Where a public post is held: the government bodies an article names ("Ministry of Fisheries",
"Bundesregierung", "Küstenschutzministerium"), found by the language's patterns over the whole text, whether
a body's own words name the post ("Ministry of Fisheries" for a fisheries minister, "Küstenschutzministerium"
for a Küstenschutzministerin), and the countries it names (the seat of a national office). The policy (``../shared/gold/README.md``): a minister's organisation is the government or
its department as the article names it."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from ..extract.coref import fold
from ..extract.countries import country_names
from ..extract.mentions import NameMention, SentenceMentions
from ..extract.ner import first_names
from ..lang import get_language

__all__ = ["BODY", "ENVOY_ROLES", "GOV", "public_bodies", "HEAD_OF_GOVERNMENT_ROLES", "MINISTERIAL_ROLES", "NATIONAL_ROLES", "STATE_OR_BODY_ROLES", "government_bodies", "body_fits_role", "countries_named", "country_before", "country_names", "country_key", "government_led", "titled_countries", "REGIONAL_ROLES", "region_before", "regions_named"]

GOV = "GOV"  # the kind of a government body among an article's names (beside the model's ORG and LOC)
# the kind of a public body named by a common noun ("the government", "Landtag", "Regierung"): the policy's
# organisation of a minister or an assembly's office where the article names no department; its kinds
# ("BODY:government") come from the language data
BODY = "BODY"
# canonical roles held in a government body where the article names one (else in the state)
MINISTERIAL_ROLES = frozenset({"minister", "chancellor", "deputy prime minister"})
# canonical roles held in a country (a head of state's, a prime minister's) where no body is named
NATIONAL_ROLES = frozenset({"prime minister", "deputy prime minister", "head of state", "chancellor", "minister"})
# canonical roles of a head of government: held in the government the article names ("the Fooish government
# is trying ...", the policy's "government as the article names it") before the country
HEAD_OF_GOVERNMENT_ROLES = frozenset({"prime minister", "chancellor"})
# canonical roles held in a country unless the sentence names the organisation (a president may be a
# company's or a club's: "Foo, president of Bar")
STATE_OR_BODY_ROLES = frozenset({"president"})
# canonical roles of a state's envoy: held for the state sending them, the country the article names most (its
# own news), not the one they are sent to ("Barland's high commissioner to Fooland")
ENVOY_ROLES = frozenset({"ambassador"})
# canonical roles held in a region below the state ("Landeshauptmann"): the region the article names, not
# its capital city (the place named most where it names no region)
REGIONAL_ROLES = frozenset({"governor"})


@lru_cache(maxsize=None)
def _bodies(lang: str) -> re.Pattern[str]:
    alts = get_language(lang).orgs.GOVERNMENT_BODIES
    return re.compile(r"(?<![\w\-])(?:" + "|".join(f"(?:{a})" for a in alts) + r")(?![\w\-])")


def government_bodies(text: str, lang: str) -> list[NameMention]:
    """Every government body the text names, in order."""
    return [NameMention(m.start(), m.end(), m.group(0), GOV) for m in _bodies(lang).finditer(text)]


@lru_cache(maxsize=None)
def _public_nouns(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((BODY + ":" + kind, re.compile(r"(?<![\w\-])(?:" + "|".join(nouns) + r")(?![\w\-])"))
                 for kind, nouns in get_language(lang).orgs.PUBLIC_BODY_NOUNS.items())


def public_bodies(text: str, lang: str) -> list[NameMention]:
    """Every public body the text names by a common noun ("the government", "der Landtag"), in order, of
    the kind "BODY:government", "BODY:assembly", "BODY:church": an option for where a public post is held,
    which the gold writes as the text does ("government", "niederfooländischer Landtag")."""
    found = [NameMention(m.start(), m.end(), m.group(0), kind)
             for kind, rx in _public_nouns(lang) for m in rx.finditer(text)]
    return sorted(found, key=lambda n: n.start)


def body_fits_role(body: str, role_text: str, lang: str) -> bool:
    """Whether a body's distinctive words open a word of the role as written: "Ministry of Fisheries" and
    "fisheries minister", "Küstenschutzministerium" and "Küstenschutzministerin"."""
    generic = get_language(lang).orgs.GOVERNMENT_GENERIC_WORDS
    role_words = fold(role_text).replace("-", " ").split()
    for w in fold(body).replace("-", " ").split():
        for g in generic:  # "küstenschutzministerium" -> "küstenschutz", "bundesregierung" -> ""
            if w != g and w.endswith(g) and g not in ("of", "for", "the", "and", "für", "des", "der", "und"):
                w = w[: -len(g)]
        for g in generic:
            if w.startswith(g) and len(w) > len(g) + 3:
                w = w[len(g):]
        if len(w) >= 4 and w not in generic and any(r.startswith(w) or (len(r) > len(w) and w in r) for r in role_words):
            return True
    return False


@lru_cache(maxsize=None)
def _adjective(lang: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w\-])(?:" + get_language(lang).orgs.COUNTRY_ADJECTIVE + r")(?![\w\-])")


def _country_of_adjective(word: str, lang: str, single: dict[str, str]) -> str | None:
    low = fold(word)
    for suffix in get_language(lang).orgs.COUNTRY_ADJECTIVE_SUFFIXES:
        if not low.endswith(suffix):
            continue
        stem = low[: -len(suffix)]
        if len(stem) < 4:
            continue
        hits = sorted((n for n in single if n.startswith(stem)), key=len)
        if hits:
            return single[hits[0]]
    return None


_WORD_BEFORE = re.compile(r"([A-ZÄÖÜ][\w\-]*) $")
_CAPITALISED = re.compile(r"(?<![\w\-])[A-ZÄÖÜ][a-zäöüß]{5,}(?![\w\-])")


@lru_cache(maxsize=None)
def _place_preposition(lang: str) -> re.Pattern[str]:
    """A preposition of place (and an article) right before a word: "nach Kiribeti", "to Kiribeti"."""
    preps = "|".join(get_language(lang).orgs.PLACE_PREPOSITIONS)
    return re.compile(r"(?<![\w\-])(?:" + preps + r")\s+$", re.IGNORECASE)


def _variant_of(word: str, single: dict[str, str]) -> str | None:
    """The one-word country a word spells with one letter changed inside it ("Kiribeti" for CLDR's
    "Kiribati"): transliterations differ so; an ending that differs makes another word (a people, an
    adjective: "Spanier" is no "Spanien"), so the first letter and the last two must agree. Only after a
    preposition of place and never a first name: one letter also turns many names and nouns into a
    country's."""
    low = fold(word)
    for name, country in single.items():
        if len(name) != len(low) or name[0] != low[0] or name[-2:] != low[-2:]:
            continue
        if sum(a != b for a, b in zip(name, low)) == 1:
            return country
    return None


def countries_named(text: str, lang: str) -> Counter[str]:
    """How often the text names each country, by noun or adjective ("Kiribati", "kiribatische"), under
    the form it writes most ("UK" rather than "United Kingdom" when it says "UK")."""
    forms, pattern, single = country_names(lang)
    counts: Counter[str] = Counter()
    written: dict[str, Counter[str]] = {}
    data = get_language(lang)
    nouns: set[int] = set()
    not_names = set(data.names.NOT_NAMES) if data.orgs.COUNTRY_AFTER_CAPITAL_IS_PART else None
    for m in pattern.finditer(text):
        nouns.add(m.start())
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start()) if not_names is not None else None
        if before and before.group(1) not in not_names:
            continue  # part of a longer name ("Upper Tuvalu")
        country = forms[m.group(1)]
        counts[country] += 1
        written.setdefault(country, Counter())[m.group(1)] += 1
    firsts = first_names()
    for m in _CAPITALISED.finditer(text):
        if m.start() in nouns or m.group(0) in forms or m.group(0) in firsts \
                or not _place_preposition(lang).search(text, max(0, m.start() - 16), m.start()):
            continue
        country = _variant_of(m.group(0), single)
        if country is not None:  # a country spelt unlike CLDR's name for it
            counts[country] += 1
            written.setdefault(country, Counter())[m.group(0)] += 1
            nouns.add(m.start())
    for m in _adjective(lang).finditer(text):
        if m.start() in nouns:
            continue  # "Kiribati" is the noun, not an adjective in "-i"
        country = _country_of_adjective(m.group(0), lang, single)
        if country is not None:
            counts[country] += 1
    return Counter({(written[c].most_common(1)[0][0] if c in written else c): n for c, n in counts.items()})


_LAST_WORD = re.compile(r"([\w\-]+)\s+$")


def country_before(text: str, at: int, lang: str) -> str | None:
    """The country the word right before ``at`` names, by its adjective or its name ("der fooländische
    Kanzler", "Foolands Kanzler", "the Fooish chancellor"), as CLDR names it; None for any other word."""
    m = _LAST_WORD.search(text, max(0, at - 40), at)
    if m is None:
        return None
    forms, pattern, single = country_names(lang)
    word = m.group(1)
    if pattern.fullmatch(word):
        return forms[pattern.fullmatch(word).group(1)]
    if _adjective(lang).fullmatch(word):
        return _country_of_adjective(word, lang, single)
    return None


def country_key(name: str, lang: str) -> str:
    """One key for a country however the article writes it ("UK", "United Kingdom"): CLDR's name, folded."""
    forms = country_names(lang)[0]
    return fold(forms.get(name, name))


def titled_countries(text: str, lang: str, sents: Sequence[SentenceMentions],
                     canonical: Callable[[str], str]) -> frozenset[tuple[str, str, str]]:
    """(post, country, person) for every person the article names right after a national title whose
    country the word before it names, not as a former holder ("der fooländische Kanzler Foo", "Barlands
    Kanzlerin Bar"): that country's post is that person's, so another holder of the same post named in the
    article holds it elsewhere (two chancellors meeting: each is his own country's)."""
    out: set[tuple[str, str, str]] = set()
    for sm in sents:
        for r in sm.roles:
            if r.former or (r.role not in NATIONAL_ROLES and r.role not in STATE_OR_BODY_ROLES
                            and r.role not in ENVOY_ROLES):
                continue
            country = country_before(text, r.start, lang)
            if country is None:
                continue
            for p in sm.persons:
                if 0 <= p.start - r.end <= 3:
                    out.add((r.role, country, fold(canonical(p.text))))
    return frozenset(out)


@lru_cache(maxsize=None)
def _government_under(lang: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w\-])" + get_language(lang).orgs.GOVERNMENT_UNDER)


def government_led(text: str, sm: SentenceMentions, holder: str, canonical: Callable[[str], str],
                   lang: str) -> str | None:
    """The canonical post of the holder where the sentence names a government as led by them ("die neue
    Landesregierung unter Foo-Chef X", "the new government under X"): its head, whatever title the name
    bears (a party's chief heading a regional government holds the region's office)."""
    rx = _government_under(lang)
    heads = get_language(lang).orgs.GOVERNMENT_HEADS
    for p in sm.persons:
        if fold(canonical(p.text)) != fold(holder):
            continue
        m = rx.search(text, max(sm.sentence.start, p.start - 60), p.start)
        if m is not None:
            return heads.get(fold(m.group(1)))
    return None


@lru_cache(maxsize=None)
def _region_adjective(lang: str) -> re.Pattern[str] | None:
    """A place's adjective right before a region's body or office ("der neue fooländische Landtag", "Fooburger
    Landesregierung"); none where the language has no such nouns."""
    data = get_language(lang).orgs
    words = data.REGION_BODY_WORDS
    if not words:
        return None
    return re.compile(r"(?<![\w\-])(" + data.REGION_ADJECTIVE + r")\s+(?:" + "|".join(words) + r")(?![\w\-])")


def _region_noun(adjective: str, lang: str, places: dict[str, str]) -> str | None:
    """The region an adjective names: a place the article names whose name its stem opens ("Fooland" for
    "fooländische"), else the stem itself where it ends as regions' names do ("-land", "-mark": the umlaut
    of the adjective undone, "fooländisch" -> "Fooland"). None for a country's adjective: a national body."""
    data = get_language(lang).orgs
    low = fold(adjective)
    stem = next((low[: -len(s)] for s in data.REGION_ADJECTIVE_SUFFIXES if low.endswith(s)), None)
    if stem is None or len(stem) < 4:
        return None
    forms, _, single = country_names(lang)
    if _country_of_adjective(adjective, lang, single) is not None:
        return None
    named = sorted((k for k in places if k.startswith(stem) and k not in single and places[k] not in forms), key=len)
    if named:
        return places[named[0]]
    for ending, noun_ending in data.REGION_NOUN_COMPLETIONS.items():
        if stem.endswith(ending):
            # an adjective whose stem is the noun cut short ("foosächsisch" -> "Foosachsen"): the noun's ending put back
            written = adjective[: len(stem) - len(ending)] + noun_ending
            noun = "-".join(part[:1].upper() + part[1:] for part in written.split("-"))
            return None if noun in forms else noun
    for ending in data.REGION_NOUN_ENDINGS:
        if stem.endswith(ending):
            # the adjective as written, its ending spelt as the noun's ("-märk-" -> "-mark"), every part capitalised
            written = adjective[: len(stem) - len(ending)] + ending
            noun = "-".join(part[:1].upper() + part[1:] for part in written.split("-"))
            return None if noun in forms else noun
    return None


def regions_named(text: str, lang: str, places: Iterable[str] = ()) -> Counter[str]:
    """The regions below a state the text names by an adjective before a region's body or office ("im
    fooländischen Landtag", "der Fooburger Landesregierung"), with how often the text names each (adjective
    so used or noun): the seat of a region's office where no place data names regions (CLDR names none
    below a country). ``places``: the place names the text holds (the noun an adjective's stem opens)."""
    rx = _region_adjective(lang)
    counts: Counter[str] = Counter()
    if rx is None:
        return counts
    known = {fold(p): p for p in places}
    for m in rx.finditer(text):
        noun = _region_noun(m.group(1), lang, known)
        if noun is not None:
            counts[noun] += 1
    for noun in list(counts):
        counts[noun] += len(re.findall(r"(?<![\w\-])" + re.escape(noun) + r"(?![\w\-])", text))
    return counts


def region_before(text: str, at: int, lang: str, places: Iterable[str] = ()) -> str | None:
    """The region below a state the word right before ``at`` names by its adjective ("der fooländische
    Kultusminister", "der Fooburger Landesrat"): where a regional government's post is held, not the capital
    city the article names more often nor the holder's party. None for a country's adjective (a national
    post: ``country_before``) and for any other word."""
    rx = _region_adjective(lang)
    if rx is None:
        return None
    m = _LAST_WORD.search(text, max(0, at - 40), at)
    if m is None or not re.fullmatch(get_language(lang).orgs.REGION_ADJECTIVE, m.group(1)):
        return None
    return _region_noun(m.group(1), lang, {fold(p): p for p in places})
