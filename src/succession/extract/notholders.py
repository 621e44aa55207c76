"""People a trigger's sentence names who are not its holder: the one reporting the change ("Foo said Bar was
joining"), the subject of a main clause after a comma (German "..., Foo fürchtet"), a name cut out of a
compound ("Open-World-Shooters Foo"), a name across a sentence end the splitter missed ("übernommen.Foo"),
and changes the clause only wishes, tries or refuses ("a bid to take over"). Read by ``holders._holders``
for the rules; the learned candidates keep every person and read the same cues as features."""
from __future__ import annotations

import re
from functools import lru_cache

from .context import DocContext, _Hit, cue_regex
from .lexicon import lexicon
from .mentions import NameMention
from .modality import clause

__all__ = ["nobodys_change", "not_holders", "wished"]


def not_holders(ctx: DocContext, persons: list[NameMention], start: int, end: int) -> list[NameMention]:
    """``persons`` without those the sentence names in another role than the change's holder."""
    speakers = _speakers(ctx, persons, start, end)
    return [p for p in persons if p.start not in speakers and not _in_compound(ctx.text, p)
            and not _beyond_stop(ctx.text, p, start, end) and not _next_clause(ctx, p, end)]


def wished(ctx: DocContext, sentence: str, start: int) -> bool:
    """'a vain bid to take over', 'wants to retire', 'versuchte, den Vorsitz zu übernehmen': a word
    of wishing, trying or refusing at most ``WISH_GAP`` words before the trigger, in its clause."""
    left, _ = clause(sentence, start, start)
    gap = ctx.language.modality.WISH_GAP
    rx = cue_regex(ctx.lang, "modality", "WISHES")
    return any(len(re.findall(r"[\w'’\-]+", sentence[m.end():start])) <= gap
               for m in rx.finditer(sentence, left, start))


def _speakers(ctx: DocContext, persons: list[NameMention], start: int, end: int) -> set[int]:
    """Where the persons stand who speak the clause holding the trigger: 'Foo said (that) Bar was joining', 'Foo
    sagt, Lesekreise würden gegründet', '..., schloss Foo.' A speaker a subject pronoun names again in the speech
    ('Foo said he would resign') is kept through that pronoun; an infinitive trigger ('Foo said it was time to
    step down') may be the speaker's own change."""
    text = ctx.text
    infinitive = cue_regex(ctx.lang, "modality", "INFINITIVE_MARKERS").pattern
    if re.search(r"(?:" + infinitive + r")\s+$", text[max(0, start - 5):start], re.IGNORECASE):
        return set()
    say = _saying(ctx.lang)
    out: set[int] = set()
    for p in persons:
        if p.end <= start:
            gap = text[p.end:start]
            m = say.match(gap)
            if m and not re.search(r"[.;!?]", gap[m.end():]):
                out.add(p.start)
        elif p.start >= end:
            gap = text[end:p.start]
            if _as_said(ctx.lang).search(gap) and re.match(r"\s+(?:" + cue_regex(ctx.lang, "modality", "SAYING").pattern
                                                           + ")", text[p.end:p.end + 30], re.IGNORECASE):
                out.add(p.start)  # "..., as club chief Foo put it", "wie Foo sagte"
                continue
            if _SAID_BEFORE.search(gap) and cue_regex(ctx.lang, "modality", "SAYING").search(
                    re.split(r"[,\"”“»«]", gap)[-1]):
                out.add(p.start)  # "..., said Foo", "..., schloss Foo"
    return out


# the name right after a comma or a closing quotation mark and a verb of saying (and up to three words of title)
_SAID_BEFORE = re.compile(r"[,\"”“»«]\s*\S+\s+(?:[\w\-]+\s+){0,3}$")


@lru_cache(maxsize=None)
def _saying(lang: str) -> re.Pattern[str]:
    """A verb of saying that follows the name after at most a bracket, an apposition between commas or eight
    words of its own ('vom Institut für Foo'), then opens the speech: a comma, a colon, 'that'/'dass', or
    (English leaves 'that' out) a word that starts the reported clause."""
    words = cue_regex(lang, "modality", "SAYING").pattern
    after = cue_regex(lang, "modality", "SAYING_ADVERBS").pattern
    that = cue_regex(lang, "modality", "SAYING_THAT").pattern
    return re.compile(r"(?:\s*\([^)]{0,60}\))?(?:\s*,[^,.;:]{0,80},)?(?:\s+[\w\-()]+){0,8}?\s+(?:" + words
                      + r")(?:\s+(?:" + after + r"))?(?=\s*[,:]|\s+(?:" + that + r")|\s+[\w])", re.IGNORECASE)


@lru_cache(maxsize=None)
def _as_said(lang: str) -> re.Pattern[str]:
    """'as' or 'wie' and up to three words of title right before a name ("as club chief Foo said")."""
    words = cue_regex(lang, "modality", "SAID_AS").pattern
    return re.compile(r"(?:" + words + r")\s+(?:[\w\-]+\s+){0,3}$", re.IGNORECASE)


def _in_compound(text: str, p: NameMention) -> bool:
    """'Open-World-Shooters Foo': a name starting inside a hyphenated word is a thing's name cut short."""
    return p.start > 1 and text[p.start - 1] == "-" and text[p.start - 2].isalpha()


# a full stop glued to the next sentence's first word ("übernommen.Foo"), not an abbreviation ("U.S.")
_GLUED_STOP = re.compile(r"[a-zäöüß)\d]{2}[.!?][\"„“]?[A-ZÄÖÜ]")


def _beyond_stop(text: str, p: NameMention, start: int, end: int) -> bool:
    lo, hi = (p.end, start) if p.end <= start else (end, p.start + 1)
    return bool(_GLUED_STOP.search(text, max(0, lo - 2), hi))


def _next_clause(ctx: DocContext, p: NameMention, end: int) -> bool:
    """German: 'Die Foo übernimmt den Vorsitz, Premier Jane Roe fürchtet ...': a name after a comma after the
    trigger, followed by a word of its own clause (a verb), is that clause's subject."""
    mod = ctx.language.modality
    if not mod.NEW_CLAUSE_AFTER_COMMA or p.start < end or "," not in ctx.text[end:p.start]:
        return False
    m = _NEXT_WORD.match(ctx.text, p.end)
    return bool(m) and m.group(1)[:1].islower() and m.group(1) not in mod.NAME_CONTINUATIONS


_NEXT_WORD = re.compile(r"[^\S\n]+([\w\-]+)")


def nobodys_change(ctx: DocContext, hit: _Hit, sentence: str, sentence_start: int, start: int, end: int) -> bool:
    """Whether the trigger reports no named person's change made: wished or tried ("a bid to take over"), a
    founding a possessive names as the thing founded ("seit ihrer Gründung"), the change of a thing named in the
    genitive ("ein Ausscheiden Fooslands"), or an unnamed object before a German infinitive ("die Regierung zu
    entlassen")."""
    return wished(ctx, sentence, start - sentence_start) or _founded_thing(ctx, hit, start, end) \
        or _genitive_thing(ctx, start, end) or _object_before_infinitive(ctx, hit, start)


def _founded_thing(ctx: DocContext, hit: _Hit, start: int, end: int) -> bool:
    if hit.trigger.type != "founded" or not ctx.language.modality.POSSESSIVE_IS_FOUNDED \
            or not hit.trigger.is_nominal(ctx.text[start:end]):
        return False
    prev = ctx.text[max(0, start - 20):start].split()[-1:]
    return bool(prev) and prev[0].casefold() in ctx.language.names.PRONOUNS_POSSESSIVE


_GENITIVE_NAME = re.compile(r"\s+([A-ZÄÖÜ][\w\-]{3,}s)(?![\w\-])")


def _genitive_thing(ctx: DocContext, start: int, end: int) -> bool:
    """'schließt ein Ausscheiden Fooslands nicht aus': a verb trigger written as a noun (capitalised inside the
    sentence) followed by a genitive name no person bears is that thing's change."""
    text = ctx.text
    if not ctx.language.names.GENITIVE_S or not text[start:start + 1].isupper():
        return False
    before = text[max(0, start - 30):start].split()[-1:]
    if not before or not before[0][:1].islower():
        return False  # the sentence's first word, or after a name: capitalised anyway
    m = _GENITIVE_NAME.match(text, end)
    if m is None or ctx.people.mentions_near(m.start(1), m.end(1), 0):
        return False
    stem = m.group(1)[:-1]
    return stem not in ctx.people.surnames() and ctx.people.canonical(stem) == stem


_ARTICLE_NOUN_ZU = re.compile(r"(?<![\w\-])(?:der|die|das|den|dem|ein|eine|einen)\s+([A-ZÄÖÜ][\w\-]*)\s+zu\s+$")


def _object_before_infinitive(ctx: DocContext, hit: _Hit, start: int) -> bool:
    """'versprach, die Regierung zu entlassen': in a language whose object precedes the verb, an article and a
    noun that is no post right before "zu" and an acting trigger: the one acted on is that thing or body."""
    if ctx.language.triggers.OBJECT_FOLLOWS_VERB or hit.trigger.side != "obj":
        return False
    m = _ARTICLE_NOUN_ZU.search(ctx.text, max(0, start - 60), start)
    if m is None:
        return False
    lx = lexicon(ctx.lang)
    return not (lx.canonical_role(m.group(1)) or lx.compound_role(m.group(1)))
