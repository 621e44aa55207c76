"""Whose change a trigger reports: the holder on the trigger's side, successors and the ones replaced,
pronouns and the person an article is about (resolved in anaphora.py), coordinated names."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import get_language
from ..models import MentionKind
from .anaphora import _anaphors, _has_subject_pronoun, _previous_person, _pronouns, _words_rx
from .context import DocContext, _Hit, cue_regex
from .lexicon import lexicon
from .mentions import NameMention, SentenceMentions
from .modality import clause
from .namepass import may_be_given_name
from .replaced import (_COPULA, _after_marker, _after_words, _of_direct, _replaced_object, follows_on,
                       inverted_subject, _without_replaced)
from .ner import first_names
from .notholders import nobodys_change, not_holders

__all__ = ["named_after_role"]  # the rest: helpers of the change rules (events.py) and the learned candidates


# one lower-case word right before a title taken out of a gap (\x00), unless it is a coordinator itself
_TITLE_MODIFIER = re.compile(r"(?<![\w\-])(?!(?:and|und|sowie|or|oder)\s)[a-zäöüß][\w\-]*\s+\x00")
_COORD = re.compile(r"^\s*(?:,|and|und|&|sowie|as well as)\s*(?:,\s*)?(?:(?:mr|mrs|ms|dr|herr|frau)\.?\s+)?$",
                    re.IGNORECASE)


_BOARD_ROLES = ("board member", "board observer")


def not_a_person(name: str, lang: str) -> bool:
    """A name no person bears: a possessive inside it ("Foo's Budget", "Foo's BBC": a thing of Foo's) or
    a contest's word at its end ("Foo League", "Foo Cup")."""
    words = name.split()
    if not words or _POSSESSIVE.search(name):
        return True
    if len(words) == 1 and _CAPITALS_THEN_LOWER.fullmatch(words[0]):
        return True  # "FOObar": an acronym run into a word is a company's name, no person's
    lx = lexicon(lang)
    if len(words) > 1 and lx.compound_role(words[-1]):
        return True  # "Ostlands Regierungschef": a country's title, no name
    names = lx.language.names
    if any(w in names.NAME_BREAKS and words[i - 1].casefold() not in names.NAME_BREAK_PARTICLES
           for i, w in enumerate(words) if i > 0):
        return True  # "Foo Bar der Opposition": a name run into the next noun, no name a person bears
    if any(words[i - 1].casefold() in names.NAME_BREAK_PARTICLES and w.isupper() and len(w) > 1
           for i, w in enumerate(words) if i > 0):
        return True  # "Foo Bar von FOO": a particle before an acronym joins a body's name, not a family name
    rx = lx.event_words
    return bool(rx and rx.fullmatch(words[-1].casefold()))


_POSSESSIVE = re.compile(r"['’]s(?:\s|$)")
_CAPITALS_THEN_LOWER = re.compile(r"[A-Z]{2,}[a-z][\w\-]*")


def _plausible_person(ctx: DocContext, name: str, sm: SentenceMentions) -> bool:
    """A one-word name needs support: a full name it belongs to, a first name, or a title or honorific
    before it somewhere (the models call many organisations and nouns persons)."""
    if len(name.split()) > 1:
        return True
    if name in ctx.people.surnames() or name in first_names():
        return True
    if re.search(r"(?<![\w\-])" + re.escape(name) + r"\s+\(\d{2}\)", ctx.text):
        return True  # "Foo (40)": an age given
    names = ctx.language.names
    lx = lexicon(ctx.lang)
    not_names = frozenset(names.NOT_NAMES)
    for m in re.finditer(r"(\S+)\s+" + re.escape(name) + r"(?![\w])", ctx.text):
        prev = m.group(1).strip(".,").casefold()
        if prev in names.HONORIFICS or lx.canonical_role(prev) or lx.compound_role(m.group(1)) or (
                "-" in prev and lx.canonical_role(prev.split("-")[-1])):
            return True
    # a given name no list knows before it (or before its form without the genitive "s") elsewhere: the full
    # name stands only in a sentence no model read ("Mal was Neues: Jane Foo hat ...")
    forms = [name, name[:-1]] if names.GENITIVE_S and name.endswith("s") and len(name) > 4 else [name]
    for form in forms:
        for m in re.finditer(r"(\S+)\s+" + re.escape(form) + r"(?![\w])", ctx.text):
            if may_be_given_name(ctx.text, m.start(1), m.end(1), not_names, lx):
                return True
    return False


def _org_noun_after(ctx: DocContext, end: int) -> bool:
    """'left the firm', 'verließ das Unternehmen': an organisation named by a common noun."""
    lx = lexicon(ctx.lang)
    after = ctx.text[end:end + 40]
    m = re.match(r"\s+(?:the|its|his|her|der|die|das|den|dem)\s+(\w+)", after, re.IGNORECASE)
    return bool(m and ctx.main_org and lx.org_noun_regex and lx.org_noun_regex.match(m.group(1) + " X"))


def _org_near(sm: SentenceMentions, start: int, end: int) -> bool:
    return any(abs(o.start - end) < 80 or abs(start - o.end) < 80 for o in sm.orgs)


def _holders(ctx: DocContext, sm: SentenceMentions, hit: _Hit, start: int, end: int
             ) -> list[tuple[str, MentionKind, int]]:
    if nobodys_change(ctx, hit, sm.sentence.text, sm.sentence.start, start, end):
        return []  # "a bid to take over", "seit ihrer Gründung", "ein Ausscheiden Fooslands": nobody's change made
    persons = [p for p in sm.persons if not (p.start < end and start < p.end)] + _pronouns(ctx, sm, start, end)
    # "Dieser trat zurück", "Der 54-Jährige übernimmt": the one named just before, like a pronoun
    persons += [a for a in _anaphors(ctx, sm) if not start <= a.start < end]
    # the speaker, another main clause's subject, a name cut from a compound or beyond a missed sentence end
    persons = not_holders(ctx, persons, start, end)
    if hit.trigger.side == "obj":  # "appointed by Foo", "durch Foo berufen": the one acting
        names = ctx.language.names
        # in a passive clause also "von Foo" inside it ("der von seinem Parteichef Foo abgesetzt wurde"; not
        # "die Entscheidung von Foo, die gewählt wurde")
        lo = _passive_clause(ctx, sm, start, end)
        persons = [p for p in persons if not _after_words(ctx, p.start, names.AGENT_MARKERS)
                   and not _titled_agent(ctx, p.start) and not (
            lo is not None and lo <= p.start < start and _after_words(ctx, p.start, names.PASSIVE_AGENT_MARKERS))]
    # "Foo appointed a new clerk": Foo acts, the one appointed is unnamed; "der Verein wurde 1990 gegründet": only
    # the agent of a passive founding ("by Foo") founded it. Nobody named elsewhere stands in for them.
    if unnamed_object(ctx, hit, start, end):
        # only the object itself may name the one acted on, not another clause after it ("sacked the striker
        # after it emerged that he ...")
        opener = _words_rx(tuple(ctx.language.triggers.CLAUSE_OPENERS) or ("\x00",))
        persons = [p for p in persons if p.start >= end and not opener.search(ctx.text[end:p.start])]
        if not persons:
            return []
    trig = ctx.language.triggers
    if hit.trigger.side == "subj" and trig.CLAUSE_OPENERS:
        # "resigned in May when Foo sold the firm": Foo is the subject of another clause
        opener = _words_rx(tuple(trig.CLAUSE_OPENERS))
        # "Auf Bar, der während ... starb, folgte Foo": the verb closes the match, the one starting follows it
        verb_end = sm.sentence.start + hit.end if hit.trigger.pattern in trig.REPLACED_IN_GAP else end
        persons = [p for p in persons if p.start < end or not opener.search(ctx.text[max(end, verb_end):p.start])]
    if hit.trigger.side == "subj" and _VP_COORD.search(ctx.text, sm.sentence.start, start):
        # "He lost the vote to Foo, and resigned": the sentence's subject, not the name
        # nearest the coordinated verb
        first = [p for p in persons if p.start < start and len(ctx.text[sm.sentence.start:p.start].split()) <= 4]
        persons = first[:1] or persons
    if hit.trigger.side == "subj" and unnamed_subject(ctx, sm, start):
        return []  # "the club the two have left": an unnamed group left it
    asked = _request_object(ctx, sm, start)
    if asked is not None:  # "asked the two to resign": only the one asked may be the holder
        persons = [p for p in persons if asked[0] <= p.start < asked[1]]
        if not persons:
            return []
    if hit.trigger.type == "founded" and _passive_clause(ctx, sm, start, end) is not None:
        persons = [p for p in persons if _after_words(ctx, p.start, ctx.language.names.PASSIVE_AGENT_MARKERS)]
        if not persons:
            return []
    lx = lexicon(ctx.lang)
    if not hit.trigger.is_nominal(ctx.text[start:end]):
        if hit.trigger.side == "subj":
            # "Mr Foo's return", a verb's form used as a noun: its possessor is the one it is about
            owner = [p for p in persons if p.end <= start and ctx.text[p.end:start].strip() in ("'s", "’s")]
            if owner:
                return [(ctx.people.canonical(owner[-1].text), MentionKind.PERSON, owner[-1].start)]
        persons = [p for p in persons if not _genitive(ctx, p)]
    if hit.trigger.pattern in lx.replacement and not hit.trigger.is_nominal(ctx.text[start:end]):
        persons = [p for p in persons if not _after_marker(ctx, p.start)]
    elif hit.trigger.type in ("appointed", "returned", "moved"):
        # "the successor to Foo", "in place of Foo": Foo is not the one starting
        markers = tuple(m for m in ctx.language.names.PREDECESSOR_MARKERS if " " in m)
        persons = [p for p in persons if not _after_words(ctx, p.start, markers)]
    if lx.successor_nouns and lx.successor_nouns.fullmatch(ctx.text[start:end]):
        return _successor_holders(ctx, sm, persons, start, end)
    if hit.trigger.pattern in lx.replacement:  # "succeeded Foo", "löst Foo ab": Foo is the one replaced
        follows = ctx.language.triggers.OBJECT_FOLLOWS_VERB
        breaks = ctx.language.triggers.OBJECT_BREAKS
        persons = _without_replaced(ctx, persons, end)
        gap_end = sm.sentence.start + hit.end
        # "Auf Bar folgte Foo": the gap holds the one replaced, the one starting follows the verb
        subject = inverted_subject(ctx, sm, persons, start, gap_end) if "..." in hit.trigger.pattern \
            and hit.trigger.pattern not in trig.REPLACED_IN_GAP else None
        on = follows_on(ctx, sm, hit)
        persons = [p for p in persons if on is None or p.start != on.start]  # "folgte auf Bar": Bar was replaced
        persons = [p for p in persons if p is subject or (
            not (follows and p.start >= end and _replaced_object(ctx.text[end:p.start], breaks))
            and not (start <= p.start < gap_end and "..." in hit.trigger.pattern))]
    if hit.trigger.is_nominal(ctx.text[start:end]):
        return _nominal_holders(ctx, sm, persons, start, end)
    left, right = clause(sm.sentence.text, start - sm.sentence.start, end - sm.sentence.start, main=True)
    in_clause = [p for p in persons if sm.sentence.start + left <= p.start < sm.sentence.start + right]
    if not in_clause:  # the clause names no person: an organisation taking a seat, or someone named before
        org = _org_holder(sm, start, hit, sm.sentence.start + left)
        if org:
            return [(org.text, MentionKind.ORG, org.start)]
    persons = in_clause or persons
    if not persons:
        org = _org_holder(sm, start, hit)
        if org:
            return [(org.text, MentionKind.ORG, org.start)]
        # someone named before stands in only for a subject pronoun or a definite post ("Der Bürgermeister
        # hat sein Amt abgegeben"); a possessive alone ("mit ihren Stimmen wird kein Landrat gewählt") names
        # nobody who acts
        if not (_has_subject_pronoun(ctx, sm) or any(_DEFINITE.search(ctx.text, max(0, r.start - 25), r.start)
                                                       for r in sm.roles)):
            return []
        prev = _previous_person(ctx, sm, start)
        return [(ctx.people.canonical(prev.text), MentionKind.PERSON, prev.start)] if prev else []
    penalty = ctx.language.triggers.WRONG_SIDE_PENALTY
    if hit.trigger.pattern in lexicon(ctx.lang).adjective_triggers:
        persons = _adjective_holders(ctx, sm, persons, start, end)
        if not persons:
            return []
    companions = _companions(ctx, persons) if hit.trigger.type == "founded" else []
    main = [p for p in persons if p not in companions] or persons
    best = min(main, key=lambda p: _distance(p, start, end, hit.trigger.side, ctx.text, penalty))
    if companions:
        return [(ctx.people.canonical(p.text), MentionKind.PERSON, p.start) for p in [best, *companions]
                if p is best or p.start != best.start]
    group = _coordinated(ctx.text, [p for p in persons if ctx.text[p.start:p.end] == p.text], best, ctx.lang) \
        if ctx.text[best.start:best.end] == best.text else [best]
    return [(ctx.people.canonical(p.text), MentionKind.PERSON, p.start) for p in group]


def unnamed_object(ctx: DocContext, hit: _Hit, start: int, end: int) -> bool:
    """An active verb whose object follows it unnamed ("Foo appointed a new clerk", "to fire someone", "she hired
    an agency"): whoever stands before the verb acts on someone else. The language's ``UNNAMED_OBJECTS`` are
    the words such an object starts with (none where the object does not follow the verb)."""
    words = ctx.language.triggers.UNNAMED_OBJECTS
    if not words or hit.trigger.side != "obj" or hit.trigger.is_nominal(ctx.text[start:end]):
        return False
    if _PASSIVE.search(ctx.text[max(0, start - 20):start]):
        return False
    m = _NEXT_WORD.match(ctx.text, end)
    return bool(m) and m.group(1).casefold() in words


_NEXT_WORD = re.compile(r"[^\S\n]+([\w'’]+)")


# a verb coordinated with the sentence's first verb, with no subject of its own: ", and resigned"
_VP_COORD = re.compile(r",\s+(?:and|but|und|aber)\s+(?:(?:then|later|finally|eventually|dann|später|schließlich)\s+)?$",
                       re.IGNORECASE)


def unnamed_subject(ctx: DocContext, sm: SentenceMentions, start: int) -> bool:
    """Whether an unnamed plural subject stands right before a trigger ("the two have left", "they resigned";
    the language's ``UNNAMED_SUBJECTS``), with at most two auxiliaries between."""
    words = ctx.language.triggers.UNNAMED_SUBJECTS
    if not words:
        return False
    aux = r"\s+(?:(?:have|had|has|will|would|were|are|did|also|all|both|then|just)\s+){0,2}$"
    before = ctx.text[max(sm.sentence.start, start - 60):start]
    if re.search(_words_rx(tuple(words)).pattern + aux, before, re.IGNORECASE) is not None:
        return True
    # a plural role word as the subject ("and added that ministers have resigned"): unnamed holders
    m = re.search(r"(?<![\w\-'’])([a-z][a-z\-]*s)" + aux, before)
    return m is not None and bool(lexicon(ctx.lang).role_regex.fullmatch(m.group(1)))


def _request_object(ctx: DocContext, sm: SentenceMentions, start: int) -> tuple[int, int] | None:
    """Where the one asked stands when a trigger is the infinitive after a verb of asking ("asked the two to
    resign", "asked Foo to resign"): the span between that verb and "to"; else None."""
    verbs = ctx.language.triggers.REQUEST_VERBS
    if not verbs:
        return None
    lo = max(sm.sentence.start, start - 80)
    m = None
    for m in re.finditer(_words_rx(tuple(verbs)).pattern + r"\s+([^.;:!?]{1,50}?)\s+to\s+$", ctx.text[lo:start],
                         re.IGNORECASE):
        pass
    return (lo + m.start(1), lo + m.end(1)) if m else None


def _passive_clause(ctx: DocContext, sm: SentenceMentions, start: int, end: int) -> int | None:
    """Where the trigger's clause starts when it is in the passive (an auxiliary before the trigger in the
    clause, or right after a verb-final participle: "abgesetzt wurde", "entlassen worden ist"); else None."""
    left, _ = clause(sm.sentence.text, start - sm.sentence.start, end - sm.sentence.start)
    lo = sm.sentence.start + left
    aux = cue_regex(ctx.lang, "triggers", "CLAUSE_PASSIVE_AUXILIARIES")
    after = _SPACES.match(ctx.text, end)
    passive = _PASSIVE.search(ctx.text[max(lo, start - 20):start]) or aux.search(ctx.text[lo:start]) \
        or (after is not None and aux.match(ctx.text, after.end()))
    return lo if passive else None


_SPACES = re.compile(r"\s+")

_PASSIVE = re.compile(r"\b(?:was|were|been|being|be|is|are|wurde|wurden|worden|ist)(?:\s+\w+ly)?\s*$")


_OF = re.compile(r"^(?:\s+(?:and|or|und|oder)\s+\w+)?\s*(?:of|to|von|vom|des|der|from|für|seines|ihres)\b",
                 re.IGNORECASE)


def _successor_holders(ctx: DocContext, sm: SentenceMentions, persons: list[NameMention], start: int, end: int
                       ) -> list[tuple[str, MentionKind, int]]:
    """'Foo's successor will be Bar', 'Nachfolger von Foo wird Bar', 'Bar wird Nachfolger von Foo': the
    successor is the person in the clause who is not the one succeeded."""
    text = ctx.text
    left, right = clause(sm.sentence.text, start - sm.sentence.start, end - sm.sentence.start)
    inside = [p for p in persons if sm.sentence.start + left <= p.start < sm.sentence.start + right]
    succeeded = {p.start for p in inside if (0 <= start - p.end <= 4 and (text[p.end:start].strip() in ("'s", "’s")
                                                                         or _genitive(ctx, p)))
                 or (p.start >= end and _of_direct(text[end:p.start]))}
    others = [p for p in inside if p.start not in succeeded and not _genitive(ctx, p)]
    prev_word = text[max(0, start - 20):start].split()[-1:]
    names = ctx.language.names
    if prev_word and prev_word[0].casefold() in names.PRONOUNS_POSSESSIVE + names.FIRST_PERSON_POSSESSIVES:
        # "his successor", "meinem Nachfolger": the possessor is the one succeeded; a successor must be named,
        # by a copula or in apposition right after the noun ("sein Nachfolger Foo Bar hat ...")
        others = [p for p in others if _COPULA.search(text[min(p.end, end):max(p.start, start)])
                  or (p.start >= end and text[end:p.start].strip() in ("", ","))]
    if not others:
        return []
    best = min(others, key=lambda p: abs(p.start - start))
    return [(ctx.people.canonical(best.text), MentionKind.PERSON, best.start)]


def _nominal_holders(ctx: DocContext, sm: SentenceMentions, persons: list[NameMention], start: int, end: int
                     ) -> list[tuple[str, MentionKind, int]]:
    """'Foo's resignation', 'his resignation', 'the appointment of Foo': who a noun trigger is about."""
    text = ctx.text
    before = [p for p in persons if 0 <= start - p.end <= 4 and text[p.end:start].strip() in ("'s", "’s", "'", "")]
    after = [p for p in persons if 0 <= p.start - end <= 70]
    of = bool(after) and bool(_OF.match(text[end:after[0].start]) or _genitive_after(ctx, end, after[0])) \
        and not re.search(r"[.;:]", text[end:after[0].start])
    if before and not (of and hit_side(ctx, start, end) == "obj"):
        # "Foo's resignation"; but "Foo's appointment of Bar": the one acted on follows
        return [(ctx.people.canonical(before[-1].text), MentionKind.PERSON, before[-1].start)]
    if of:
        group = _coordinated(text, persons, after[0], ctx.lang)
        return [(ctx.people.canonical(p.text), MentionKind.PERSON, p.start) for p in group]
    if owned_by_other(ctx, start, end):
        return []  # "the councillor's resignation", "der Austritt des Vereins": the noun's own holder is unnamed
    # "Foo nimmt Auszeit", "Foo kündigt seinen Wechsel an": the subject of a light verb just before the noun
    subj = [p for p in persons if p.end <= start and len(text[p.end:start].split()) <= 3
            and not re.search(r"[,;:.]", text[p.end:start])]
    if subj:
        return [(ctx.people.canonical(subj[-1].text), MentionKind.PERSON, subj[-1].start)]
    names = ctx.language.names
    prev_word = text[max(0, start - 20):start].split()[-1:]
    if prev_word and prev_word[0].casefold() in names.PRONOUNS_POSSESSIVE:
        prev = _previous_person(ctx, sm, start, require_pronoun=False)
        if prev:
            return [(ctx.people.canonical(prev.text), MentionKind.PERSON, prev.start)]
    return []


def hit_side(ctx: DocContext, start: int, end: int) -> str:
    """The side of the noun trigger matched at ``start:end`` ("obj" for "appointment", "dismissal")."""
    text = ctx.text[start:end]
    return next((t.side for t in lexicon(ctx.lang).triggers if t.is_nominal(text) and t.regex.fullmatch(text)), "subj")


# "the councillor's resignation", "the firm's exit" (an English possessive of a common noun, not an age: "the
# 54-year-old's"); "der Austritt des Vereins" (a German genitive of a noun)
_COMMON_POSSESSOR = re.compile(r"(?<![\w\-])(?:the|a|an|this|that|its|their)\s+(?:[a-z][\w\-]*\s+)?([\w\-]+)['’]s?\s*$")
_GENITIVE_NOUN = re.compile(r"\s+(?:des|der)\s+([A-ZÄÖÜ][\w\-]*)")


def owned_by_other(ctx: DocContext, start: int, end: int) -> bool:
    """Whether a noun trigger names its own holder by a common noun that is neither a person nor a role
    ("the councillor's resignation", "der Austritt des Vereins"): then no person named elsewhere is that holder."""
    lx = lexicon(ctx.lang)
    m = _COMMON_POSSESSOR.search(ctx.text, max(0, start - 40), start)
    if m and ctx.text[m.end(1):m.end(1) + 1] in "'’" and "year-old" not in m.group(1) \
            and not ctx.people.mentions_near(m.start(1), m.end(1), 0):
        return True
    if not ctx.language.names.GENITIVE_S:
        return False
    m = _GENITIVE_NOUN.match(ctx.text, end)
    if m is None:
        return False
    # the genitive phrase: up to four words ("des Fooer Bürgermeisters Jane Roe"); a role or a person in it is
    # the holder the sentence names
    words = list(re.finditer(r"[\w\-]+", ctx.text[m.start(1):m.start(1) + 60]))[:4]
    for w in words:
        word = w.group()
        if lx.canonical_role(word) or lx.compound_role(word) or (
                lx.generic_role_regex and lx.generic_role_regex.fullmatch(word)):
            return False
    return not ctx.people.mentions_near(m.start(1), m.start(1) + (words[-1].end() if words else 0), 0)


def _genitive_after(ctx: DocContext, end: int, p: NameMention) -> bool:
    """'der Rücktritt Foos': a name in the genitive right after the noun is whose change it is."""
    return bool(ctx.language.names.GENITIVE_S) and not ctx.text[end:p.start].strip() \
        and p.text.endswith("s") and len(p.text) > 4


def _distance(p: NameMention, start: int, end: int, side: str, text: str, penalty: dict[str, float]) -> float:
    if p.end <= start:
        gap, after = len(text[p.end:start].split()) + 1, False
    else:
        gap, after = len(text[end:p.start].split()) + 1, True
    passive = bool(_PASSIVE.search(text[max(0, start - 20):start]))
    prefer_after = (side == "obj") != passive
    if side != "any" and after != prefer_after:
        gap = gap * penalty[side] + 0.5  # a tie goes to the usual side
    return gap


def _titled_agent(ctx: DocContext, at: int) -> bool:
    """A person behind an agent marker and a title of several words ("sacked by club boss Foo"; "durch den
    Landeshauptmann von Bar Foo" is not one): 'by' and up to four words before ``at``, each a
    capitalised word or a role word, none ending a clause."""
    lx = lexicon(ctx.lang)
    markers = "|".join(re.escape(m) for m in ctx.language.names.AGENT_MARKERS)
    m = re.search(r"(?<![\w])(?:" + markers + r")\s+(?:(?:the|der|den|dem|die)\s+)?((?:[\w\-'’]+\s+){1,4})$",
                  ctx.text[max(0, at - 60):at], re.IGNORECASE)
    if m is None:
        return False
    words = m.group(1).split()
    return all(w[:1].isupper() or lx.role_regex.fullmatch(re.sub(r"['’]s?$", "", w)) for w in words)


def _genitive(ctx: DocContext, p: NameMention) -> bool:
    """'Magaths Vorgänger', "Foo's deputy": a name in the genitive owns something; it does not act."""
    if ctx.text[p.end:p.end + 2] in ("'s", "’s"):
        return True
    if not p.text.endswith("s") or len(p.text) < 4:
        return False
    base = p.text[:-1]
    known = base in ctx.people.surnames() or ctx.people.canonical(base) != base
    return known and ctx.text[p.end:p.end + 1] == " " and ctx.text[p.end + 1:p.end + 2].isupper()




def _next_words(text: str, end: int, start: int) -> int:
    """How many words stand between offset ``end`` and a later ``start`` (a large number if not later)."""
    return len(text[end:start].split()) if start >= end else 99


def named_after_role(ctx: DocContext, sm: SentenceMentions, persons: list[NameMention], end: int
                      ) -> list[NameMention]:
    """'der bisherige Premier Foo': the one named right after the role word that follows an adjective trigger
    ending at ``end`` (none where no role follows it)."""
    role = next((r for r in sm.roles if _next_words(ctx.text, end, r.start) <= 1), None)
    if role is None:
        return []
    return [p for p in persons if 0 <= p.start - role.end <= 20
            and not re.search(r"[.;:]", ctx.text[role.end:p.start])][:1]


def _adjective_holders(ctx: DocContext, sm: SentenceMentions, persons: list[NameMention], start: int, end: int
                       ) -> list[NameMention]:
    """'der neue Trainer Foo', 'Foo wird der neue Chef', 'the new CEO, Foo': a 'new' post names its holder
    right after the role, or as the subject of a copula before it ('der bisherige Premier Foo': only after it)."""
    role = next((r for r in sm.roles if _next_words(ctx.text, end, r.start) <= 1), None)
    if role is None:
        return []
    after = named_after_role(ctx, sm, persons, end)
    if after or " ".join(ctx.text[start:end].split()).casefold() in ctx.language.triggers.NAMED_AFTER_ROLE:
        return after
    # "Foo, Favorit für den Posten des neuen Chefs": the head of an apposition the post belongs to
    appos = [p for p in persons if p.end <= start and ctx.text[p.end:p.end + 2].startswith(",")
             and not re.search(r"[.;:]", ctx.text[p.end:start]) and len(ctx.text[p.end:start].split()) <= 8]
    if appos:
        return appos[-1:]
    # "stellte Foo als neuen Trainer vor", "presented Foo as its new coach": the one named before 'als'/'as'
    named = [p for p in persons if p.end <= start and _AS_NEW.fullmatch(ctx.text[p.end:start])]
    if named:
        return named[-1:]
    return [p for p in persons if p.end <= start and _COPULA.search(ctx.text[p.end:start])
            and not re.search(r"[.;:,]", ctx.text[p.end:start])]


_AS_NEW = re.compile(r"\s+(?:als|as)\s+(?:(?:der|die|den|dem|ihren|seinen|ihre|seine|its|their|the|her|his)\s+)?",
                     re.IGNORECASE)


def _companions(ctx: DocContext, persons: list[NameMention]) -> list[NameMention]:
    """'founded it together with Foo', 'gemeinsam mit Foo gegründet': the companions share the founding."""
    words = ctx.language.names.COMPANION_WORDS
    return [p for p in persons if _after_words(ctx, p.start, words)]  # "with (engineer) Foo"


def _coordinated(text: str, persons: list[NameMention], best: NameMention, lang: str | None = None
                 ) -> list[NameMention]:
    """'A, B und C': every person in an enumeration with the chosen holder shares the event."""
    ordered = sorted(persons, key=lambda p: p.start)
    i = ordered.index(best)
    lo = hi = i
    goes_on = _list_goes_on(lang)

    def joined(gap: str) -> bool:
        gap = _untitled(gap, lang)
        return bool(_COORD.match(gap) or (goes_on is not None and goes_on.match(gap)))

    while lo > 0 and joined(text[ordered[lo - 1].end:ordered[lo].start]):
        lo -= 1
    while hi < len(ordered) - 1 and joined(text[ordered[hi].end:ordered[hi + 1].start]):
        hi += 1
    return ordered[lo:hi + 1]


@lru_cache(maxsize=None)
def _list_goes_on(lang: str | None) -> re.Pattern[str] | None:
    """The language's gap that goes on with a list of people ("Foo, die Spieler Bar und Baz"), if any."""
    rx = get_language(lang).names.LIST_GOES_ON if lang else ""
    return re.compile(rx, re.IGNORECASE) if rx else None


def _untitled(gap: str, lang: str | None) -> str:
    """The text between two names without the second one's title ('and production chief')."""
    if not lang:
        return gap
    lx = lexicon(lang)
    gap = lx.compound_role_regex.sub(" \x00 ", gap)
    gap = lx.role_regex.sub(" \x00 ", gap)
    # a lower-case modifier of the title goes with it ("commercial director", "non-executive director")
    return _TITLE_MODIFIER.sub(" ", gap).replace("\x00", " ")


def _org_holder(sm: SentenceMentions, start: int, hit: _Hit, left: int = 0) -> NameMention | None:
    """An organisation taking a board seat: 'Foo plans to take a board seat'."""
    if not any(r.role in _BOARD_ROLES for r in sm.roles):
        return None
    before = [o for o in sm.orgs if left <= o.start and o.end <= start]
    return before[0] if before else None


_DEFINITE = re.compile(r"(?<![\w])(?:the|der|die|das|den|dem|des)\s+(?:[\w\-]+\s+)?$", re.IGNORECASE)


