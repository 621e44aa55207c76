"""Which sentences could matter: those with a trigger or a role word. Triggers are looked up by the words a
sentence has (an index per lexicon), so each sentence is searched only with the expressions that can match."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..models import Span
from .countries import country_names
from .lexicon import Lexicon, Trigger, lexicon

__all__ = ["candidates", "is_candidate", "other_sense", "possible_triggers"]


def is_candidate(sentence: str, lx: Lexicon) -> bool:
    if not lx.maybe_candidate(sentence):
        return False
    # the role words first (one cheap expression), then only the triggers whose words the sentence has:
    # the alternation of every trigger was most of the time spent choosing sentences
    return bool(lx.role_regex.search(sentence)) or any(t.regex.search(sentence)
                                                         for t in possible_triggers(sentence, lx))


def other_sense(sentence: str, start: int, end: int, pattern: str, lx: Lexicon) -> bool:
    """Whether the object of a trigger (``pattern`` matched at ``start:end``) shows another sense: a place
    ("returned home", "left the meeting", "moves to a big city", "die Häuser nicht verlassen", "Rückkehr
    nach Foostadt"), or a contest or sport a player leaves ("retired from athletics", "im Doppel
    ausgeschieden"). People leave and reach places, and players leave contests, far more often than posts;
    a post left is named by its role or organisation."""
    for sense in lx.object_senses:
        if pattern not in sense.triggers:
            continue
        # the expressions bound the words they read; the window only bounds the search ("den Rücktritt des
        # Obmanns Foo Bar von Baz verlangt", "Verantwortung für die Sache ... zu übernehmen" run past 40)
        if sense.after.match(sentence, end, min(len(sentence), end + _WINDOW)):
            return True
        if sense.before is not None and sense.before.search(sentence[max(0, start - _WINDOW):start]):
            return True
    if pattern in lx.language.triggers.MOTION_TRIGGERS and _country_object(sentence, start, end, lx):
        return True  # "darf Foostan nicht verlassen", "aus Foostan zurückgekehrt": a trip, not a post
    if "..." in pattern and _gap_sense(sentence[start:end], pattern, lx):
        return True  # "wird die Sitzung leiten": the thing in the gap is led, no post
    particles = lx.language.triggers.SEPARABLE_PARTICLES
    if "..." in pattern and pattern.split()[-1] in particles and _OBJECT_AFTER.match(sentence, end) \
            and pattern not in lx.language.triggers.FOLLOWS_ON:  # "folgte auf Bar": a preposition by design
        return True  # "gab es Anfragen, die ab Montag ...": a preposition with its object, not the verb's particle
    trig = lx.language.triggers
    if pattern in trig.PARTICLE_VERBS:
        rest = _CLAUSE_END.split(sentence[end:], maxsplit=1)[0].split()
        if len(rest) > 1 and rest[-1].casefold() in trig.OTHER_VERB_PARTICLES:
            return True  # "holt Foo eine alte Affäre ein": "einholen", another verb
    return False


_WINDOW = 80


def _country_object(sentence: str, start: int, end: int, lx: Lexicon) -> bool:
    """Whether a moving trigger's object is a country (the language's ``COUNTRY_OBJECT_WORDS`` > 0): right
    after it ("verließ Foostan"), or before a verb-final one within that many words of its clause, with only
    prepositional phrases between ("darf Foostan laut einem Urteil nicht verlassen", "aus dem Foostan
    zurückgekehrt"). A person leaves or reaches a country on a trip, a ban or an exile; a post at a country is
    named by its role ("als Premier abgetreten"). A country in the genitive ("Foostans Regierung verlassen") or
    before another noun is not the object."""
    trig = lx.language.triggers
    reach = trig.COUNTRY_OBJECT_WORDS
    if not reach:
        return False
    rx = country_names(lx.lang)[1]
    preps = frozenset(trig.COUNTRY_OBJECT_PREPOSITIONS)
    m = _AFTER_OBJECT.match(sentence, end)
    if m is not None:
        c = rx.match(sentence, m.end())
        if c is not None and c.group(0) == c.group(1) and not _NOUN_NEXT.match(sentence, c.end()):
            return True
    clause = _CLAUSE_END.split(sentence[max(0, start - _WINDOW):start])[-1]
    words = clause.split()[-reach:]
    if not words:
        return False
    window = " ".join(words)
    for c in rx.finditer(window):
        if c.group(0) != c.group(1) or _NOUN_NEXT.match(window, c.end()):
            continue
        governed = [w.casefold() for w in window[:c.start()].split()[-2:] if w.casefold() in preps]
        if governed and governed[-1] not in trig.COUNTRY_OBJECT_MARKERS:
            continue  # "die Bank in Foostan verlassen": the country only places the object
        between = window[c.end():].split()
        # every noun between the country and the trigger sits in a prepositional phrase ("laut einem Urteil")
        if all(not w[:1].isupper() or any(p.casefold() in preps for p in between[max(0, i - 2):i])
               for i, w in enumerate(between)):
            return True
    return False


_AFTER_OBJECT = re.compile(r"[\s,]*(?:(?:nach|aus|from)\s+)?(?:(?:dem|den|die|das|der|the)\s+)?")
_NOUN_NEXT = re.compile(r"(?:-|\s+[A-ZÄÖÜ])")
_CLAUSE_END = re.compile(r"[,.;:!?–—\"“”»«()]")


def _gap_sense(matched: str, pattern: str, lx: Lexicon) -> bool:
    """Whether a word inside a gapped trigger's match shows another sense (the language's ``GAP_SENSES``):
    German puts the object of a verb-final trigger between its two parts ("wird ... leiten")."""
    senses = lx.language.triggers.GAP_SENSES
    if not senses:
        return False
    words = set(_LETTERS.findall(matched.casefold()))
    return any(pattern in pats and not words.isdisjoint(block) for pats, block in senses)


# a separable verb's particle closes its clause; one followed by a name, a number or an article is a preposition
_OBJECT_AFTER = re.compile(r"\s+(?:[A-ZÄÖÜ0-9]|(?:der|die|das|den|dem|des|ein|eine|einem|einen|einer|eines)(?![\w]))")


def possible_triggers(sentence: str, lx: Lexicon) -> tuple[Trigger, ...]:
    """The triggers that can match in ``sentence``, in the lexicon's order: those whose longest literal
    word (or word start, for ``word*`` and hyphenated words) is among the sentence's words. Any other
    trigger's expression cannot match, so searching only these finds the same matches."""
    return _possible(_trigger_index(lx.triggers), sentence)


@lru_cache(maxsize=4096)  # choosing sentences (a batch ahead), the rules and the learned candidates ask again
def _possible(index: _TriggerIndex, sentence: str) -> tuple[Trigger, ...]:
    words = set(_LETTERS.findall(sentence.casefold()))
    chosen = set(index.always)
    for w in words.intersection(index.by_word):
        chosen.update(index.by_word[w])
    for n, table in index.by_prefix:
        for start in {w[:n] for w in words}.intersection(table):
            chosen.update(table[start])
    return tuple(index.triggers[i] for i in sorted(chosen))


_LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)  # the lexicon's quick filter splits words the same way


@dataclass(frozen=True, eq=False)  # hashed by identity: one per lexicon
class _TriggerIndex:
    triggers: tuple[Trigger, ...]  # the lexicon's, kept so that the id this index is filed under stays theirs
    always: tuple[int, ...]  # triggers with no letters to look for
    by_word: dict[str, tuple[int, ...]]  # whole word -> triggers that need it
    by_prefix: tuple[tuple[int, dict[str, tuple[int, ...]]], ...]  # (length, word start -> triggers)


_INDEXES: dict[int, _TriggerIndex] = {}  # by id of a lexicon's triggers (one per language in practice)


def _trigger_index(triggers: tuple[Trigger, ...]) -> _TriggerIndex:
    index = _INDEXES.get(id(triggers))
    if index is not None and index.triggers is triggers:
        return index
    always: list[int] = []
    by_word: dict[str, list[int]] = {}
    by_prefix: dict[int, dict[str, list[int]]] = {}
    for i, trig in enumerate(triggers):
        # literal words only: not a gap, not a placeholder such as the copula triggers' "<role>"
        toks = [t for t in trig.pattern.split() if t != "..." and not t.startswith("<")]
        tok = max(toks, key=lambda t: len(t.rstrip("*")), default="")
        parts = _LETTERS.findall(tok.casefold())
        if not parts:
            always.append(i)
        elif tok.endswith("*") or len(parts) > 1:  # "ernannt*", "co-chef": the sentence has a word starting so
            key = max(parts, key=len)
            by_prefix.setdefault(len(key), {}).setdefault(key, []).append(i)
        else:
            by_word.setdefault(parts[0], []).append(i)
    index = _INDEXES[id(triggers)] = _TriggerIndex(
        triggers, tuple(always), {w: tuple(v) for w, v in by_word.items()},
        tuple((n, {k: tuple(v) for k, v in t.items()}) for n, t in sorted(by_prefix.items())))
    return index


def candidates(sentences: Sequence[Span], lang: str) -> list[Span]:
    """The sentences that could report a change or state a role (a trigger or role word in them)."""
    lx = lexicon(lang)
    return [s for s in sentences if is_candidate(s.text, lx)]
