"""Who said it: a speaker model picks the word of the unit that names the speaker (a name, a pronoun,
"die Polizei", "laut X"), or none (then the speaker of the quotation before goes on), and the word is
widened to the name it is part of and resolved to the article's person or organisation."""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..extract.coref import People, fold
from ..models import Entity, MentionKind, Span
from ..extract.lexicon import lexicon
from ..extract.ner import first_names
from .linear import LinearModel
from .marks import marked_spans
from .detect import unit_cue
from .phrases import lemma_is_lower, opening_tokens, speaker_features
from .units import Cues, Token, Unit, lex, plural_pronoun, unit_flags

__all__ = ["Candidate", "Mentions", "Speaker", "candidate_tokens", "candidates", "pick_speaker", "possessor", "resolve"]


@dataclass(frozen=True)
class Speaker:
    name: str
    kind: MentionKind | None
    span: Span


class Mentions:
    """The article's person and organisation mentions, by position, with their entity's name."""

    def __init__(self, text: str, entities: Sequence[Entity], people: People | None, org_refs: tuple[str, ...]
                 ) -> None:
        self.text = text
        self.people = people
        spans = [(m.start, m.end, e.name, e.kind) for e in entities if e.kind in (MentionKind.PERSON, MentionKind.ORG)
                 for m in e.mentions]
        if people is not None:  # full names the cheap pass found anywhere, also outside the model's sentences
            spans += [(a, b, people.canonical(s), MentionKind.PERSON) for a, b, s in people.mentions_before(len(text))
                      if not any(x[0] < b and a < x[1] for x in spans)]
        spans = _without_possessives(text, spans)
        spans += _more_names(text, spans, people)
        self.spans: list[tuple[int, int, str, MentionKind]] = sorted(spans)
        persons = [(sum(1 for x in self.spans if x[2] == n), n) for n in {x[2] for x in self.spans
                                                                          if x[3] is MentionKind.PERSON}]
        self.main_person = max(persons)[1] if persons else None
        self.person_starts = frozenset(a for a, _, _, k in self.spans if k is MentionKind.PERSON)
        self.org_starts = frozenset(a for a, _, _, k in self.spans if k is MentionKind.ORG)
        orgs = [(len(e.mentions), e.name) for e in entities if e.kind is MentionKind.ORG]
        self.main_org = max(orgs)[1] if orgs else None
        self.org_refs = org_refs
        self.surnames = people.surnames() if people else {}
        # quoted stretches: a name in a quotation's own words is not who a pronoun after it means
        # ("Jane Roe knows our company," she said)
        self.quoted = [(m.inner_start, m.inner_end) for m in marked_spans(text) if m.closed]

    def at(self, start: int, end: int) -> tuple[int, int, str, MentionKind] | None:
        return next((m for m in self.spans if m[0] <= start and end <= m[1]), None)

    def inside(self, start: int, end: int) -> tuple[int, int, str, MentionKind] | None:
        return next((m for m in self.spans if start <= m[0] and m[1] <= end), None)

    def org_reference(self, start: int, end: int) -> bool:
        """Whether the words starting or ending here are "the company" (or another word for it)."""
        return bool(self.main_org) and any(self.text[start:start + len(r)].casefold() == r
                                           or self.text[max(0, end - len(r)):end].casefold() == r
                                           for r in self.org_refs)

    def person_name(self, word: str) -> str | None:
        """The full name a lone surname stands for ("Kahls" -> the article's Martin Kahl)."""
        for w in (word, word[:-1] if word.endswith("s") else word):
            if w in self.surnames:
                return self.surnames[w]
        return None

    def last_person_before(self, offset: int, gender: str | None) -> tuple[str, int, int] | None:
        best = None
        for a, b, name, kind in self.spans:
            if b > offset:
                break
            if kind is MentionKind.PERSON and (gender is None or self.people is None
                                               or self.people.gender(name) in (None, gender)) \
                    and not any(qa <= a and b <= qb <= offset for qa, qb in self.quoted):
                best = (name, a, b)
        return best


def _antecedent(carried: Speaker, person: tuple[str, int, int] | None, gender: str | None,
                mentions: Mentions) -> bool:
    """Whether a pronoun points to the speaker of the quotation before rather than to the last person
    named: that speaker was named no earlier than the person, and is not of the other gender."""
    if person is not None and carried.span.start < person[1] and carried.name != person[0]:
        return False
    if carried.kind is MentionKind.PERSON and gender is not None and mentions.people is not None:
        return mentions.people.gender(carried.name) in (None, gender)
    return True


_FULL_NAME = re.compile(r"(?<![\w])(?=([A-ZÄÖÜ][\w’'\-]+)\s+((?:(?:von|van|de|der|zu)\s+)?[A-ZÄÖÜ][\w’'\-]+))")
_WORD = re.compile(r"[A-ZÄÖÜ][\w’'\-]+")


def _without_possessives(text: str, spans: list[tuple[int, int, str, MentionKind]]
                         ) -> list[tuple[int, int, str, MentionKind]]:
    """Without the "names" that are a known person's surname in the genitive and the noun it owns ("Salms
    Rücktritt" when the article names a Henrik Salm): the surname alone is found again as that person."""
    surnames = {n.split()[-1] for _, _, n, k in spans if k is MentionKind.PERSON and " " in n}

    def possessive(a: int, b: int, kind: MentionKind) -> bool:
        words = text[a:b].split()
        if kind is not MentionKind.PERSON or len(words) != 2:
            return False
        w = words[0]
        return w.endswith(("'s", "’s")) and w[:-2] in surnames or w.endswith("s") and w[:-1] in surnames

    return [x for x in spans if not possessive(x[0], x[1], x[3])]


def _more_names(text: str, spans: list[tuple[int, int, str, MentionKind]], people: People | None
                ) -> list[tuple[int, int, str, MentionKind]]:
    """Names the speaker needs that the engine's passes leave out: a known first name and a capitalised
    word after a title ("Vorgänger Martin Kahl"), and surnames alone of the people found ("sagte Kahl")."""
    firsts = first_names()
    out: list[tuple[int, int, str, MentionKind]] = []

    def free(a: int, b: int) -> bool:
        return not any(x[0] < b and a < x[1] for x in spans + out)

    for m in _FULL_NAME.finditer(text):
        if m.group(1) in firsts:
            a, b = m.start(1), m.end(2)
            if free(a, b):
                surface = text[a:b]
                out.append((a, b, people.canonical(surface) if people else surface, MentionKind.PERSON))
    by_surname = {n.split()[-1]: n for _, _, n, k in spans + out if k is MentionKind.PERSON and " " in n}
    for m in _WORD.finditer(text):
        w = m.group()
        name = by_surname.get(w) or (by_surname.get(w[:-1]) if w.endswith("s") else None)
        if name and free(m.start(), m.end()):
            out.append((m.start(), m.end(), name, MentionKind.PERSON))
    return out


def candidate_tokens(u: Unit, c: Cues, quote: Sequence[tuple[int, int]] = (), mentions: Mentions | None = None
                     ) -> list[int]:
    """Tokens of the unit that can name a speaker: capitalised words, pronouns, source adverbs ("demnach"),
    the nouns of "the company" and general speaker nouns ("a spokesman"); not inside quotation marks, unless the marks hold a short name that is
    not the quotation ("laut „Tagesblatt“"). Reported speech names its speaker inside the words taken as the
    quotation ("Laut Polizei ist ..."), so those count."""
    # marks that are the quotation (a part of it lies inside them) close their words; a short name in marks
    # inside an indirect or reported quotation ("Laut „Tagesblatt“ soll er ...") stays a candidate
    closed = [m for m in u.marks if len(text_words(u, m.inner_start, m.inner_end)) > 4
              or any(m.start <= a and b <= m.end for a, b in quote)]
    return [k for k, t in enumerate(u.tokens) if (t.lower in c.pronouns or t.lower in c.source_adverbs
                                                  or t.lower in c.org_heads or t.lower in c.speaker_nouns
                                                  or t.text[:1].isupper() and not _placed_capital(t, c, mentions))
            and not any(m.start <= t.start < m.end for m in closed)]


def _placed_capital(t: Token, c: Cues, mentions: Mentions | None) -> bool:
    """Whether a capitalised word is capitalised only by its place ("Zunächst", "Egal", "Einige"), in a
    language that capitalises nouns: its dictionary form is in lower case and no name of the article
    covers it. Such a word is never a speaker."""
    return (c.capitalises_nouns and lemma_is_lower(t.text, c.lang)
            and (mentions is None or mentions.at(t.start, t.end) is None))


def possessor(u: Unit, k: int, mentions: Mentions) -> bool:
    """Whether token ``k`` is a person's name in the genitive before the noun it belongs to ("Kahls
    Rücktritt", "Finch's exit"): the noun is what the phrase is about, never the name (and the noun is a
    candidate of its own: "Kahls Sprecher sagte")."""
    toks = u.tokens
    if k + 1 >= len(toks) or not toks[k + 1].text[:1].isupper() or toks[k + 1].start in mentions.person_starts:
        return False
    t = toks[k]
    base = t.text[:-2] if t.text.endswith(("'s", "’s")) else t.text[:-1] if t.text.endswith("s") else None
    hit = mentions.at(t.start, t.end) if base else None
    if hit is None or hit[3] is not MentionKind.PERSON or not base:
        return False
    last = hit[2].split()[-1]
    # the name as the article writes it elsewhere, without the ending (a mention may be the genitive itself)
    return last == base or last == t.text and re.search(rf"(?<!\w){re.escape(base)}(?!\w)", mentions.text) is not None


def text_words(u: Unit, start: int, end: int) -> list[str]:
    return [t.text for t in u.tokens if start <= t.start < end]


@dataclass(frozen=True)
class Candidate:
    """A possible speaker of one quotation: a word of its unit or of the unit before, the speaker of
    the quotation before ("carry"), or nobody ("none")."""

    kind: str
    unit: Unit | None
    k: int
    features: tuple[str, ...]


def candidates(text: str, units: Sequence[Unit], i: int, parts: Sequence[tuple[int, int]], cue_token: int | None,
               c: Cues, mentions: Mentions, carry_back: int | None, spoken: frozenset[str] = frozenset()
               ) -> list[Candidate]:
    """The candidates for the speaker of the quotation found in unit ``i`` (``spoken``: the names of the
    article's speakers so far; who has spoken tends to speak again)."""
    u = units[i]
    first = first_names()
    ps, os_ = mentions.person_starts, mentions.org_starts
    out = [Candidate("token", u, k, tuple(speaker_features(text, u, k, parts, cue_token, c, ps, os_, first))
                     + _salience(u, k, mentions, spoken, "") + _titles_person(text, u, k, c, ps))
           for k in candidate_tokens(u, c, parts, mentions) if not possessor(u, k, mentions)]
    for back, prefix in ((1, "pu:"), (2, "pu2:")):  # the units before: "Die Polizei berichtete ... Demnach sei ..."
        if i - back < 0:
            break
        p = units[i - back]
        _, p_cue, _ = unit_cue(text, p, c)
        extra = (prefix + "newpar",) if any(x.paragraph_start for x in units[i - back + 1:i + 1]) else ()
        # the unit before holds no quotation with a speaker ("Der Minister wies das zurück."): what it
        # reports, its subject may say in the quotation's unit
        bare = carry_back is None or carry_back > back
        extra += (prefix + "bare",) if bare else ()
        opening = opening_tokens(text, p, c) if bare else frozenset()
        out += [Candidate("token", p, k, tuple(prefix + f for f in speaker_features(
                    text, p, k, ((p.end, p.end),), p_cue, c, ps, os_, first)) + extra
                    + ((prefix + "bare_opens",) if k in opening else ())
                    + _salience(p, k, mentions, spoken, prefix))
                for k in candidate_tokens(p, c, (), mentions) if not possessor(p, k, mentions)]
    context = ["cue" if cue_token is not None else "nocue", "first:" + (lex(u.tokens[0], c) if u.tokens else ""),
               *unit_flags(text, u, c), *_rivals(out)]
    if carry_back is not None:
        # a new paragraph between the two quotations: the report may have turned to someone else
        newpar = any(x.paragraph_start for x in units[max(0, i - carry_back + 1):i + 1])
        out.append(Candidate("carry", None, -1, ("carry", f"carry_back{min(carry_back, 6)}",
                                                 "carry_newpar" if newpar else "carry_samepar",
                                                 *(f"carry_{x}" for x in context))))
    out.append(Candidate("none", None, -1, ("none", *(f"none_{x}" for x in context))))
    return out


def _titles_person(text: str, u: Unit, k: int, c: Cues, person_starts: frozenset[int]) -> tuple[str, ...]:
    """"said club president Jane Roe", "said Foo CEO Jane Roe": a word before a role word and a person's name
    qualifies her title; the speaker is the person."""
    roles = lexicon(c.lang).role_regex
    end = u.tokens[k].end
    for t in u.tokens[k + 1:k + 5]:
        if t.start in person_starts:
            gap = text[end:t.start].strip()
            rest = _LEADING_NAME.sub("", gap)  # "Foo Albion chairwoman": the rest of the club's name first
            return ("titles_person",) if any(g and roles.fullmatch(g) for g in (gap, rest)) else ()
    return ()


_LEADING_NAME = re.compile(r"^(?:[A-ZÄÖÜ][\w\-]*\s+)+")


def _salience(u: Unit, k: int, mentions: Mentions, spoken: frozenset[str], prefix: str) -> tuple[str, ...]:
    """Whether the name the word belongs to has spoken before in the article, or is its main person."""
    t = u.tokens[k]
    hit = mentions.at(t.start, t.end)
    if hit is None:
        return ()
    flags = (("spoke_before", hit[2] in spoken), ("main_person", hit[2] == mentions.main_person))
    return tuple(prefix + f for f, on in flags if on)


_RIVALS = ("person", "pronoun", "subject_before_cue", "run_after_speech", "after_according", "after_according_np",
           "org_head")


def _rivals(cands: Sequence[Candidate]) -> list[str]:
    """What the unit's own words offer ("has:person", "has:subject_before_cue"): the speaker before goes
    on, or nobody is named, mostly when the unit offers nothing better."""
    own = {f for cand in cands for f in cand.features if not f.startswith("pu")}
    return [f"has:{x}" for x in _RIVALS if x in own]


_NEGLIGIBLE = 1e-3  # a candidate's probability relative to the best one's below which it is not resolved


def pick_speaker(text: str, cands: Sequence[Candidate], c: Cues, model: LinearModel, mentions: Mentions,
                 carried: Speaker | None) -> Speaker | None:
    """The speaker the candidates point to together, named by its likeliest mention.

    Several candidates often stand for one speaker: a name and a pronoun for it, a surname and the full
    name, the speaker carried on and a mention of the same person. The ranker was trained to put its mass
    on all right candidates together, so each candidate's probability goes to the speaker it resolves to
    and the speaker with the most mass wins (a person or organisation of the article by its name; a word
    resolved to none, "der Sprecher", only as itself, since two such words may be two speakers)."""
    scores = [model.score(x.features) for x in cands]
    top = max(scores)
    mass: dict[str, float] = {}
    best: dict[str, tuple[float, Speaker | None]] = {}
    for x, s in zip(cands, scores):
        p = math.exp(s - top)
        if p < _NEGLIGIBLE:  # cannot outweigh the best candidate, nor tip another's mass: left unresolved
            continue
        if x.kind == "token" and x.unit is not None:
            who: Speaker | None = resolve(text, x.unit, x.k, c, mentions, carried)
        else:
            who = carried if x.kind == "carry" else None
        key = "" if who is None else _entity_key(who.name) if who.kind is not None else f"@{who.span.start}"
        mass[key] = mass.get(key, 0.0) + p
        if key not in best or p > best[key][0]:
            best[key] = (p, who)
    return best[max(mass, key=mass.__getitem__)][1]


def _entity_key(name: str) -> str:
    """Whom a resolved speaker names, as the last word of the name without case and accents ("Martin
    Kahl", "Kahl" and "er" resolved to him are one)."""
    words = re.sub(r"\W+", " ", fold(name)).split()
    return words[-1] if words else "?" + name


def _reported_subject(u: Unit, k: int, c: Cues) -> bool:
    """Whether pronoun ``k`` is the subject of a verb in reported speech ("Er werde ...", "... wolle er")
    in a unit with no verb of saying: then it belongs to the statement, not to its attribution."""
    toks = u.tokens
    beside = any(0 <= j < len(toks) and toks[j].lower in c.reported for j in (k - 1, k + 1))
    return beside and not any(x.lower in c.speech for x in toks)


def resolve(text: str, u: Unit, k: int, c: Cues, mentions: Mentions, carried: Speaker | None = None) -> Speaker:
    """Widen token ``k`` to the name it belongs to and say whom it names (``carried``: the speaker of the
    quotation before, the likeliest antecedent of a pronoun)."""
    t = u.tokens[k]
    hit = mentions.at(t.start, t.end)
    if hit is not None:
        a, b, name, kind = hit
        return Speaker(name, kind, Span(a, b, text[a:b]))
    if t.lower in c.pronouns:
        group = plural_pronoun(u, k, c)
        found = None if group else mentions.last_person_before(t.start, c.pronouns[t.lower])
        if carried is not None and _antecedent(carried, found, c.pronouns[t.lower], mentions) \
                and not (group and carried.kind is MentionKind.PERSON) \
                and not (carried.kind is MentionKind.ORG and c.pronouns[t.lower] and not c.grammatical_gender):
            # "Ein Sprecher sagte, ... Er wisse nicht": a report goes on about the one who spoke last
            found = (carried.name, carried.span.start, carried.span.end)
            kind: MentionKind | None = carried.kind
        else:
            kind = MentionKind.PERSON
        if found is None:
            return Speaker(t.text, None, Span(t.start, t.end, t.text))
        name = found[0]
        if _reported_subject(u, k, c):
            # "Er werde im Amt bleiben." after the sentence that named him: the pronoun is a word of the
            # reported statement, and the speaker is the mention it stands for
            return Speaker(name, kind, Span(found[1], found[2], text[found[1]:found[2]]))
        # "Er sagte, ...", "Er hält das für richtig.": the pronoun is the mention of the speaker in the
        # quotation's own sentence, the name is whom it stands for
        return Speaker(name, kind, Span(t.start, t.end, t.text))
    # a run of capitalised words around the token: "Präsidentin Brenner", "The Gazette"
    a = b = k
    toks = u.tokens
    while a > 0 and toks[a - 1].text[:1].isupper() and toks[a - 1].end + 1 >= toks[a].start and a - 1 > 0 \
            and not possessor(u, a - 1, mentions):  # "Kahls Rücktritt" is not Kahl
        a -= 1
    while b + 1 < len(toks) and toks[b + 1].text[:1].isupper() and toks[b].end + 1 >= toks[b + 1].start:
        b += 1
    start, end = toks[a].start, toks[b].end
    surface = text[start:end]
    hit = mentions.inside(start, end)  # "Vorgänger Martin Kahl": the name in the title
    if hit is not None:
        return Speaker(hit[2], hit[3], Span(hit[0], hit[1], text[hit[0]:hit[1]]))
    name = mentions.person_name(toks[b].text)
    if name:
        return Speaker(name, MentionKind.PERSON, Span(start, end, surface))
    if mentions.main_org and mentions.org_reference(start, end):
        return Speaker(mentions.main_org, MentionKind.ORG, Span(start, end, surface))
    return Speaker(surface, None, Span(start, end, surface))
