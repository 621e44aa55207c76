"""What the quotation models look at: units (sentences, joined where a quotation runs over a sentence
end), their tokens and cue words, and the features of a unit and of a would-be speaker token.

Features are strings; the models weigh them (succession.quotes.linear). The same functions serve the
training script and the engine, so the two cannot drift apart."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lang import SUPPORTED, get_language
from ..models import Span
from .marks import MarkedSpan

__all__ = ["Cues", "Token", "Unit", "bucket", "build_units", "cues", "first_person_share", "tokens", "lex", "plural_pronoun",
           "unit_features", "unit_flags"]

_WORD = re.compile(r"\w+(?:[-’']\w+)*")
# every language's words at once, as the quotation models were trained: a first person in a quoted
# sentence marks a statement whatever language the word is from
_FIRST_PERSON = frozenset(w for code in SUPPORTED for w in get_language(code).quotes.FIRST_PERSON)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str


@dataclass(frozen=True)
class Cues:
    """A language's quotation cue lists, as sets and patterns."""

    speech: frozenset[str]
    reported: frozenset[str]
    complementisers: frozenset[str]
    pronouns: dict[str, str | None]
    according_before: re.Pattern[str]
    according_after: frozenset[str]
    trailing: frozenset[str]
    source_adverbs: frozenset[str]
    prepositions: frozenset[str]
    org_heads: frozenset[str]  # the last words of ORG_REFERENCES ("company")
    general: frozenset[str]  # capitalised words the models may see as themselves (general language)
    org_references: tuple[str, ...]
    question_labels: frozenset[str]
    answer_labels: frozenset[str]
    model: str | None
    time_words: frozenset[str] = frozenset()  # weekdays and months: capitalised, never a speaker
    lang: str = ""
    speaker_nouns: frozenset[str] = frozenset()  # "spokesman", "Sprecher": candidates even in lower case
    capitalises_nouns: bool = False  # German: a capital marks a noun or a name, or the sentence's first word
    adverbial_heads: frozenset[str] = frozenset()  # "als", "as": a phrase after it is no subject ("Als Grund nannte")
    agent_prepositions: frozenset[str] = frozenset()  # "von", "by": in a passive sentence, the speaker follows
    passive_auxiliaries: frozenset[str] = frozenset()  # "wurde", "was": the sentence may be passive
    plural_pronouns: frozenset[str] = frozenset()  # "they": a group, never a person named before
    ambiguous_plural: frozenset[str] = frozenset()  # "sie": a group beside a plural verb ("Sie forderten")
    plural_verb: re.Pattern[str] | None = None
    source_endings: tuple[str, ...] = ()  # "Polizeiangaben": a compound naming a source ends so
    grammatical_gender: bool = False  # "er" may stand for "der Konzern"; "he" never stands for a company
    clause_openers: frozenset[str] = frozenset()  # ", dass ...": with no verb of saying, the statement starts here
    infinitive_clause: re.Pattern[str] | None = None  # ", die Radwege zu räumen": likewise, after the first comma


def _phrases(words: Sequence[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=None)
def cues(lang: str) -> Cues:
    q = get_language(lang).quotes
    names = get_language(lang).names
    dates = get_language(lang).dates

    def words(ws: Sequence[str]) -> frozenset[str]:  # as tokens carry them: casefolded ("heißt" -> "heisst")
        return frozenset(w.casefold() for w in ws)

    refs = tuple(r.casefold() for r in q.ORG_REFERENCES)
    return Cues(words(q.SPEECH_VERBS), words(q.REPORTED_FORMS), words(q.COMPLEMENTISERS),
                {w.casefold(): g for w, g in q.SPEAKER_PRONOUNS.items()},
                _phrases(sorted(set(q.ACCORDING_BEFORE) | {w.casefold() for w in q.ACCORDING_BEFORE})),
                words(q.ACCORDING_AFTER), words(q.TRAILING_SOURCE), words(q.SOURCE_ADVERBS), words(q.PREPOSITIONS),
                frozenset(r.split()[-1] for r in refs),
                words((*q.SPEECH_VERBS, *q.REPORTED_FORMS, *q.COMPLEMENTISERS, *q.SPEAKER_PRONOUNS, *q.ACCORDING_AFTER,
                       *q.SOURCE_ADVERBS, *q.PREPOSITIONS, *q.ADVERBIAL_HEADS, *q.SPEAKER_NOUNS, *(r.split()[-1] for r in refs),
                       *(w for p in q.ACCORDING_BEFORE for w in p.split()), *names.STOP_WORDS, *names.NOT_NAMES)),
                refs, words(q.QUESTION_LABELS), words(q.ANSWER_LABELS), q.QUOTE_MODEL,
                words((*dates.WEEKDAYS, *dates.MONTHS)), lang, words(q.SPEAKER_NOUNS),
                bool(names.CAPITALISES_NOUNS), words(q.ADVERBIAL_HEADS), words(q.AGENT_PREPOSITIONS),
                words(q.PASSIVE_AUXILIARIES), words(q.PLURAL_PRONOUNS), words(q.AMBIGUOUS_PLURAL),
                re.compile(q.PLURAL_VERB) if q.PLURAL_VERB else None, tuple(sorted(words(q.SOURCE_NOUN_ENDINGS))),
                bool(q.GRAMMATICAL_GENDER), words(q.REPORTED_CLAUSE_OPENERS),
                re.compile(q.INFINITIVE_CLAUSE) if q.INFINITIVE_CLAUSE else None)


def plural_pronoun(u: "Unit", k: int, c: Cues) -> bool:
    """Whether pronoun ``k`` stands for a group: "they", or "sie" beside a plural verb ("Sie forderten")."""
    t = u.tokens[k]
    if t.lower in c.plural_pronouns:
        return True
    if c.plural_verb is None or t.lower not in c.ambiguous_plural:
        return False
    near = [u.tokens[j].lower for j in (k - 1, k + 1) if 0 <= j < len(u.tokens)]
    return any(c.plural_verb.fullmatch(w) for w in near)


def lex(t: Token, c: Cues) -> str:
    """A word as the models see it: itself when written in lower case or a general word of the language
    data; any other capitalised word (a name, mostly) only as "<cap>"."""
    return t.lower if not t.text[:1].isupper() or t.lower in c.general else "<cap>"


def tokens(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(), m.group().casefold()) for m in _WORD.finditer(text, start, end)]


@dataclass(frozen=True)
class Unit:
    """One or more sentences read together, with the quotation marks inside them."""

    start: int
    end: int
    marks: tuple[MarkedSpan, ...]
    paragraph_start: bool
    paragraph_end: bool
    tokens: tuple[Token, ...]

    def marked_share(self) -> float:
        inside = sum(min(m.end, self.end) - max(m.start, self.start) for m in self.marks)
        return inside / max(1, self.end - self.start)


def build_units(text: str, sentences: Sequence[Span], marks: Sequence[MarkedSpan]) -> list[Unit]:
    """Sentences in order, a sentence joined to the one before when a quotation mark span crosses
    their boundary ("„Erstens. Zweitens“, sagte sie.")."""
    groups: list[list[int]] = []
    for s in sentences:
        if groups and any(m.start < groups[-1][1] < m.end and m.end > s.start for m in marks
                          if m.start < s.start):
            groups[-1][1] = s.end
        else:
            groups.append([s.start, s.end])
    out = []
    for a, b in groups:
        inside = tuple(m for m in marks if m.start < b and a < m.end)
        out.append(Unit(a, b, inside, a == 0 or "\n" in text[max(0, a - 2):a] or text[:a].strip() == "",
                        b >= len(text) or "\n" in text[b:b + 2], tuple(tokens(text, a, b))))
    return out


def bucket(n: int, edges: Sequence[int]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def unit_flags(text: str, u: Unit, c: Cues) -> list[str]:
    cached = u.__dict__.get("_flags")
    if cached is not None:  # a unit's flags serve it, its neighbours and its speakers: computed once
        return cached
    flags = _flags(text, u, c)
    object.__setattr__(u, "_flags", flags)
    return flags


def _flags(text: str, u: Unit, c: Cues) -> list[str]:
    words = [t.lower for t in u.tokens]
    flags = []
    if any(w in c.speech for w in words):
        flags.append("speech")
    if any(w in c.reported for w in words):
        flags.append("reported")
        flags.append("reported_n" + bucket(sum(w in c.reported for w in words), (1, 2)))
    if any(w in c.complementisers for w in words):
        flags.append("that")
    if c.according_before.search(text, u.start, u.end) or any(w in c.according_after for w in words):
        flags.append("according")
    if any(w in _FIRST_PERSON for w in words):
        flags.append("first_person")
    share = u.marked_share()
    flags.append("marks" + ("0" if not u.marks else "<.3" if share < .3 else "<.7" if share < .7 else "most"))
    body = text[u.start:u.end]
    if body[:1] in "„»«“\"‚‘'":
        flags.append("opens_with_mark")
    if body.rstrip()[-1:] == ":":
        flags.append("ends_colon")
    if ":" in body:
        flags.append("colon")
    if body.rstrip()[-1:] == "?":
        flags.append("question")
    return flags


def unit_features(text: str, units: Sequence[Unit], i: int, c: Cues) -> list[str]:
    """What decides whether unit ``i`` is (part of) a quotation, and whether it goes on from unit i-1."""
    u = units[i]
    feats = ["bias", "len" + bucket(len(u.tokens), (4, 8, 15, 25, 40, 60))]
    own = unit_flags(text, u, c)
    feats += own
    feats += [f"w:{lex(t, c)}" for t in u.tokens if len(t.lower) <= 20 and not t.lower.isdigit()]
    if u.tokens:
        feats.append(f"first:{lex(u.tokens[0], c)}")
    if u.paragraph_start:
        feats.append("par_start")
    for name, j in (("p", i - 1), ("n", i + 1)):
        if 0 <= j < len(units):
            feats += [f"{name}:{f}" for f in unit_flags(text, units[j], c)]
            if name == "p" and not u.paragraph_start:
                feats.append("p:same_par")
                feats += [f"x:{f}" for f in own if f in ("reported", "speech", "first_person")]
        else:
            feats.append(f"{name}:none")
    return feats


def first_person_share(text: str, start: int, end: int) -> bool:
    return any(t.lower in _FIRST_PERSON for t in tokens(text, start, end))
