"""The one a change replaces and the words that mark it: "replaced Foo", "takes over from Foo", "Foo's
successor", "ersetzt Foo durch Bar". Helpers of the holder rules (holders.py), the change rules (events.py) and
the learned candidates."""
from __future__ import annotations

import re
from functools import lru_cache

from ..models import Event, EventType, MentionKind, Span
from .context import DocContext, _Hit
from .lexicon import Lexicon
from .mentions import NameMention, SentenceMentions
from .modality import clause, modality_of

__all__ = ["follows_on", "inverted_subject"]  # the rest: private helpers of the extraction stages

_COPULA = re.compile(r"(?<![\w])(?:wird|wurde|ist|wäre|soll|is|was|becomes|became|will be|would be)(?![\w])",
                     re.IGNORECASE)


# "successor of (the chairman) Foo": the name right after the preposition, with at most a title between
_OF_DIRECT = re.compile(r"^\s*(?:of|to|von|vom|des|der|from|für|seines|ihres)\s+(?:(?:the|der|den|dem|die)\s+)?(?:[\w\-]+\s+){0,3}$",
                        re.IGNORECASE)


# a dative article, a participle phrase ending in an inflected participle, at most one title word: "dem als
# Chef zur Bar AG abwandernden (Trainer) "
_DATIVE_PHRASE = re.compile(r"^\s*(?:dem|der)\s+(?:[^,.;:!?]+\s+)?[a-zäöüß]+e[nm]\s+(?:[A-ZÄÖÜ][\w\-]*\s+)?$")


def _of_direct(between: str) -> bool:
    """Whether a name after ``between`` is the object of 'of'/'von' (titles may stand between, no verb)."""
    return bool(_OF_DIRECT.match(between)) and not _COPULA.search(between)


# "the resignation of Foo", "der Rücktritt von Foo"; a German genitive may come with a possessive and a title
# ("die Absetzung ihres Bürgermeisters Foo")


def _orphan_predecessor(ctx: DocContext, sm: SentenceMentions, hit: _Hit, lx: Lexicon, start: int, end: int
                        ) -> list[Event]:
    """'Sie übernimmt das Ruder von Foo' with no one to name as 'Sie': Foo still leaves the post."""
    if hit.trigger.pattern not in lx.replacement or hit.trigger.is_nominal(ctx.text[start:end]):
        return []
    left, right = clause(sm.sentence.text, hit.start, hit.end, main=True)
    for p in sm.persons:
        if sm.sentence.start + left <= p.start < sm.sentence.start + right and _after_marker(ctx, p.start):
            name = ctx.people.canonical(p.text)
            modality = modality_of(sm.sentence.text, hit.start, hit.end, lx)
            return [Event(doc_id=ctx.doc_id, type=EventType.DEPARTED, holder=name, holder_kind=MentionKind.PERSON,
                          role=None, org=ctx.main_org, date=None, modality=modality, evidence=sm.sentence,
                          trigger=Span(start, end, ctx.text[start:end]), rule=hit.trigger.pattern + " (replaced)",
                          confidence=0.4)]
    return []


def _without_replaced(ctx: DocContext, persons: list[NameMention], end: int) -> list[NameMention]:
    """'replaced Foo with Bar', 'ersetzt Trainer Foo durch Bar' (active): where a successor follows its link
    word after the trigger, whoever stands between the trigger and it is the one replaced, not a holder."""
    links = ctx.language.triggers.SUCCESSOR_LINKS
    after = [p for p in persons if p.start >= end and _after_words(ctx, p.start, links)]
    if not after:
        return persons
    successor = min(after, key=lambda p: p.start)
    if re.search(r"[,;:()–—]", ctx.text[end:successor.start]):
        return persons
    return [p for p in persons if not end <= p.start < successor.start]


def follows_on(ctx: DocContext, sm: SentenceMentions, hit: _Hit) -> NameMention | None:
    """The one replaced of a "folgen auf" trigger (the language's ``FOLLOWS_ON``): the person right after its
    "auf" ("Foo folgte auf Bar", "Auf Bar folgte Foo"), with at most an article and a title between; None for
    another trigger or where no person stands there ("folgte auf Platz zwei": no change of post)."""
    if hit.trigger.pattern not in ctx.language.triggers.FOLLOWS_ON:
        return None
    matched = sm.sentence.text[hit.start:hit.end]
    first = re.match(r"\S+", matched)
    fronted = hit.trigger.pattern in ctx.language.triggers.REPLACED_IN_GAP
    at = sm.sentence.start + (hit.start + first.end() if fronted and first else hit.end)
    gap = re.compile(ctx.language.triggers.FOLLOWS_ON_GAP, re.IGNORECASE)
    for p in sm.persons:
        m = gap.match(ctx.text, at, p.start)
        if p.start > at and m is not None and m.end() == p.start:
            return p
    return None


def inverted_subject(ctx: DocContext, sm: SentenceMentions, persons: list[NameMention], start: int, gap_end: int
                      ) -> NameMention | None:
    """The subject of a replacement verb with a gap ("löste ... ab", "folgte ... als") where a phrase other than
    the subject stands before the verb ("Im Mai löste Foo den Bar ab", "Danach folgte ihm Foo als Chef"): no
    person of its clause stands before the verb, so the first one inside the gap is the one starting, and only
    those after it may be the one replaced."""
    left, _ = clause(sm.sentence.text, start - sm.sentence.start, start - sm.sentence.start + 1, main=True)
    if any(sm.sentence.start + left <= p.start < start for p in [*sm.persons, *persons]):
        return None
    inside = [p for p in persons if start < p.start < gap_end]
    return min(inside, key=lambda p: p.start) if inside else None


def _replaced_object(gap: str, breaks: tuple[str, ...]) -> bool:
    """Whether a name after a replacement verb, ``gap`` between them, is the verb's object (the one replaced):
    right after it, or behind a title, a possessive or a name it is coordinated with ("replace the firm's
    finance director Foo and marketing chief Bar"), with no clause break and none of ``breaks`` ("with Bar", "by Bar")."""
    words = gap.split()
    if len(words) <= 1:
        return True
    if len(words) > 8 or re.search(r"[,;:()–—\"“”]", gap):
        return False
    return not any(w.casefold() in breaks for w in words)


def _predecessor(ctx: DocContext, sm: SentenceMentions, hit: _Hit, start: int, end: int, holder: str,
                 lx: Lexicon) -> str | None:
    """The one replaced: 'replaced Foo', 'löst Foo ab', 'takes over from Foo', 'successor to/of Foo'."""
    if hit.trigger.pattern not in lx.replacement and not (
            lx.successor_nouns and lx.successor_nouns.fullmatch(ctx.text[start:end])):
        return None
    succ = lx.successor_nouns and lx.successor_nouns.fullmatch(ctx.text[start:end])
    if succ:  # "Foo's successor", "Nachfolger von Foo"
        for p in sm.persons:
            if (0 <= start - p.end <= 4 and ctx.text[p.end:start].strip() in ("'s", "’s")) or (
                    p.start >= end and _of_direct(ctx.text[end:p.start])):
                name = ctx.people.canonical(p.text)
                if name != holder:
                    return name
        return None
    on = follows_on(ctx, sm, hit)
    if on is not None:  # "Foo folgte auf Bar", "Auf Bar folgte Foo": Bar, right after "auf"
        name = ctx.people.canonical(on.text)
        return name if name != holder else None
    left, right = clause(sm.sentence.text, hit.start, hit.end)
    for p in sm.persons:
        if p.start < end - (end - start if hit.trigger.pattern.count("...") else 0) or p.start > sm.sentence.start + right:
            continue
        name = ctx.people.canonical(p.text)
        if name == holder:
            continue
        # "Im Mai löste Foo den Bar ab": after a fronted phrase the holder stands between the verb and the one
        # replaced, so the gap is counted from the holder
        lo = max([end, *(q.end for q in sm.persons if end <= q.start and q.end <= p.start
                         and ctx.people.canonical(q.text) == holder)]) if "..." in hit.trigger.pattern else end
        gap = ctx.text[lo:p.start] if p.start >= end else ""
        inside = start <= p.start < end  # "löst Foo ab": the one replaced sits inside the pattern
        if inside or _after_marker(ctx, p.start) or len(gap.split()) <= 2:
            return name
        if hit.trigger.pattern in ctx.language.triggers.DATIVE_REPLACED and _DATIVE_PHRASE.match(gap):
            return name  # "Foo folgt dem zur Bar AG abwandernden Baz als Chef": Baz, behind a participle phrase
    return None


def _after_marker(ctx: DocContext, at: int) -> bool:
    """A person right after "from"/"von": the predecessor in "takes over from Foo"."""
    return _after_words(ctx, at, ctx.language.names.PREDECESSOR_MARKERS)


def _after_words(ctx: DocContext, at: int, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` (and at most a title word) stands right before offset ``at``."""
    return bool(_words_before(tuple(words)).search(ctx.text[max(0, at - 40):at].casefold()))


@lru_cache(maxsize=256)


def _words_before(words: tuple[str, ...]) -> re.Pattern[str]:
    """One of ``words``, then at most an article or possessive and a title word, at the end of a text."""
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(m) for m in words)
                      + r")\s+(?:(?:den|dem|der|the|seinem|seinen|seiner|ihrem|ihren|ihrer|his|her|its|their)\s+)?"
                      r"(?:[\w\-]+\s+)?$")
