"""Who a pronoun or an anaphor stands for: subject pronouns, demonstratives and age nouns ("Dieser",
"der 54-Jährige") resolved to the person they most likely mean, from the people named before them."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..lang import get_language
from .context import DocContext
from .lexicon import lexicon
from .mentions import NameMention, SentenceMentions

__all__: list[str] = []  # helpers of the holder rules (holders.py) and the learned candidates only


@lru_cache(maxsize=16)
def _words_rx(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")(?![\w\-])",
                      re.IGNORECASE)


def _pronouns(ctx: DocContext, sm: SentenceMentions, start: int, end: int) -> list[NameMention]:
    """Subject pronouns as stand-ins for the person they most likely mean (the latest one named before)."""
    names = ctx.language.names
    subj = names.PRONOUNS_SUBJECT
    out = []
    for m in re.finditer(r"(?<![\w])(" + "|".join(subj) + r")(?![\w])", sm.sentence.text, re.IGNORECASE):
        s = sm.sentence.start + m.start()
        if start <= s < end:
            continue
        before = sm.sentence.text[max(0, m.start() - 12):m.start()].split()[-1:]
        if before and before[0].casefold() in names.PRONOUN_NOT_AFTER:
            continue  # "für sie": an object, not the one acting
        gender = ctx.language.names.PRONOUN_GENDER.get(m.group().casefold())
        ref = _by_role(ctx, sm, s, gender) or _salient(ctx, s, gender=gender)
        if ref:
            out.append(NameMention(s, s + len(m.group()), ref[2], "person"))
    return out


def _by_role(ctx: DocContext, sm: SentenceMentions, offset: int, gender: str | None
             ) -> tuple[int, int, str] | None:
    """The one person named shortly before under the role the pronoun's sentence names ("der frühere
    Regierungschef Foo Bar ... Als Regierungschef trat er zurück" is Foo Bar, not the article's protagonist): of two people a
    pronoun could mean, the role says which. Only where no one is named earlier in the sentence and exactly one
    person was so titled."""
    if any(p.start < offset for p in sm.persons):
        return None
    lx = lexicon(ctx.lang)
    roles = {lx.canonical_role(r.group()) for r in lx.role_regex.finditer(sm.sentence.text)} - {None}
    if not roles:
        return None
    # a pronoun does not mean someone its own sentence names ("nach Foos Abgang wurde er selbst zum Präsidenten
    # ernannt" is not Foo, though Foo was president)
    named = {ctx.people.canonical(p.text) for p in sm.persons}
    found: dict[str, tuple[int, int, str]] = {}
    for m in ctx.people.mentions_before(offset):
        if offset - m[1] > 500 or m[0] >= sm.sentence.start:
            continue
        if gender and ctx.people.gender(ctx.people.canonical(m[2])) not in (None, gender):
            continue
        lead = re.split(r"[.!?;:,]\s", ctx.text[max(0, m[0] - 40):m[0]])[-1]
        titled = [lx.canonical_role(r.group()) for r in lx.role_regex.finditer(lead)]
        if titled and titled[-1] in roles and ctx.people.canonical(m[2]) not in named:
            found[ctx.people.canonical(m[2])] = m
    return next(iter(found.values())) if len(found) == 1 else None


def _in_closed_relative(text: str, sentence_start: int, m: tuple[int, int, str], offset: int,
                        relative: re.Pattern[str]) -> bool:
    """Whether mention ``m`` stands in a relative clause (", who ... ,") that closes before ``offset``."""
    comma = text.rfind(",", sentence_start, m[0])
    if comma < 0 or re.search(r"[.!?]\s", text[comma:m[0]]) or "," not in text[m[1]:offset]:
        return False
    return bool(relative.match(text, len(text[:comma + 1]) + len(text[comma + 1:m[0]]) - len(text[comma + 1:m[0]].lstrip())))


def _anaphors(ctx: DocContext, sm: SentenceMentions) -> list[NameMention]:
    """'Dieser trat zurück', 'Der 54-Jährige übernimmt': a demonstrative or an age noun standing for the person
    it most likely means, like a subject pronoun (the language data's ``SUBJECT_ANAPHORS``)."""
    out = []
    for rx, gender in _anaphor_regexes(ctx.lang):
        for m in rx.finditer(sm.sentence.text):
            s = sm.sentence.start + m.start()
            if any(p.start <= s < p.end for p in sm.persons):
                continue
            ref = _latest(ctx, s, gender)
            if ref:
                out.append(NameMention(s, s + len(m.group()), ref[2], "person"))
    return out


def _latest(ctx: DocContext, offset: int, gender: str | None, reach: int = 400) -> tuple[int, int, str] | None:
    """The person named last before ``offset`` (not too far back, of the gender where the text says it): what
    a demonstrative points to ("dieser" is the one just named, not the article's protagonist)."""
    for m in reversed(ctx.people.mentions_before(offset)):
        if offset - m[1] > reach:
            return None
        if gender is None or ctx.people.gender(ctx.people.canonical(m[2])) in (None, gender):
            return m
    return None


@lru_cache(maxsize=None)
def _anaphor_regexes(lang: str) -> tuple[tuple[re.Pattern[str], str | None], ...]:
    return tuple((re.compile(r"(?<![\w\-])" + rx), g) for rx, g in get_language(lang).names.SUBJECT_ANAPHORS)


def _has_subject_pronoun(ctx: DocContext, sm: SentenceMentions) -> bool:
    words = {w.strip(",.").casefold() for w in sm.sentence.text.split()}
    return bool(words & set(ctx.language.names.PRONOUNS_SUBJECT))


def _previous_person(ctx: DocContext, sm: SentenceMentions, start: int, *, require_pronoun: bool = True
                     ) -> NameMention | None:
    """The person a pronoun most likely refers to: the latest one named before, not too far back."""
    words = {w.strip(",.").casefold() for w in sm.sentence.text.split()}
    names = ctx.language.names
    if require_pronoun and not words & (set(names.PRONOUNS_SUBJECT) | set(names.PRONOUNS_POSSESSIVE)):
        return None
    ref = _salient(ctx, start)
    return NameMention(*ref, "person") if ref else None


def _salient(ctx: DocContext, offset: int, gender: str | None = None) -> tuple[int, int, str] | None:
    """Who a pronoun at ``offset`` most likely means: of the people named in the last few hundred
    characters, the one the article names most often (the latest on a tie)."""
    before = [m for m in ctx.people.mentions_before(offset) if offset - m[1] < 500]
    if not ctx.people.mentions_before(offset):
        # nobody named yet (a headline's "Sie übernimmt"): the pronoun points ahead, to the next name
        ahead = [m for m in ctx.people.mentions_near(offset, offset + 300, 0) if m[0] >= offset]
        return ahead[0] if ahead else None
    sentence_start = ctx.text.rfind("\n", 0, offset) + 1
    here = [m for m in before if m[0] >= max(sentence_start, offset - 200) and not re.search(r"[.!?]\s", ctx.text[m[1]:offset])]
    if gender:  # "his former partner, Jane Roe, ... he": not the woman named last
        here = [m for m in here if ctx.people.gender(ctx.people.canonical(m[2])) in (None, gender)]
    # "Foo, who met Bar in May, ... before he was sacked": not a name inside a closed relative clause
    relative = _words_rx(tuple(ctx.language.names.RELATIVE_PRONOUNS))
    here = [m for m in here if not _in_closed_relative(ctx.text, sentence_start, m, offset, relative)]
    if here:
        return here[-1]  # named earlier in the same sentence: "Foo said his ..."
    everyone = ctx.people.mentions_before(len(ctx.text))
    if gender:  # "she" is not the man the honorifics call "Mr"
        fits = lambda m: ctx.people.gender(ctx.people.canonical(m[2])) in (None, gender)  # noqa: E731
        before, everyone = [m for m in before if fits(m)], [m for m in everyone if fits(m)]
        if not everyone:
            return None
    freq = Counter(ctx.people.canonical(m[2]) for m in everyone)
    # the article's protagonist (named first) is who most pronouns mean, however far back
    protagonist = everyone[0]
    freq[ctx.people.canonical(protagonist[2])] += 3
    cands = before if protagonist in before else [protagonist, *before]
    return max(enumerate(cands), key=lambda im: (freq[ctx.people.canonical(im[1][2])], im[0]))[1]
