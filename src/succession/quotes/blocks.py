"""Quotations that take whole paragraphs: printed interviews ("Name: answer", "F:"/"A:", answers under
a question), posts embedded with their signature line ("— Jane Roe (@jroe) 1 May 2025") and first-person
paragraphs a line ending in a colon introduces ("Here is her full statement:")."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import MentionKind, QuoteType, Span
from ..extract.sentences import paragraphs
from .speakers import Mentions, Speaker
from .units import Cues, first_person_share, tokens

__all__ = ["Block", "paragraphs", "find_blocks"]

_LABEL = re.compile(r"(?P<label>[A-ZÄÖÜ][\w.’'\-]*(?: [A-ZÄÖÜ][\w.’'\-]*){0,3}):\s+(?=\S)")
_SIGNATURE = re.compile(r"[–—-]\s*(?P<name>[^\n(@]{2,60}?)\s*\(@\s*\w+\)")
_MAX_BLOCK = 8


class Block:
    __slots__ = ("quote", "speaker", "cue", "paragraph")

    def __init__(self, quote: Span, speaker: Speaker | None, cue: Span | None, paragraph: Span) -> None:
        self.quote, self.speaker, self.cue, self.paragraph = quote, speaker, cue, paragraph

    type = QuoteType.DIRECT


def _label_speaker(text: str, par: Span, m: re.Match[str], mentions: Mentions) -> Speaker | None:
    label = m.group("label")
    start = par.start + m.start("label")
    span = Span(start, start + len(label), label)
    hit = mentions.at(span.start, span.end)
    if hit is not None:
        return Speaker(hit[2], hit[3], span)
    name = mentions.person_name(label.split()[-1])
    if name is None and mentions.people is not None and len(label.split()[-1]) >= 4:
        canonical = mentions.people.canonical(label)
        name = canonical if canonical != label and " " in canonical else None
    if name is None and " " not in label and len(label) >= 3:
        # "Feldkamp:" where the article introduced "Ortrun Feldkamp": the full name
        full = re.search(rf"(?<![\w])[A-ZÄÖÜ][\w\-]+ {re.escape(label)}(?![\w])", text)
        name = full.group() if full else None
    return Speaker(name, MentionKind.PERSON, span) if name else None


def _interview(text: str, pars: list[Span], c: Cues, mentions: Mentions) -> Iterator[Block]:
    current: Speaker | None = None
    for par in pars:
        m = _LABEL.match(par.text)
        label = m.group("label").casefold() if m else None
        if label in c.question_labels or (m is None and par.text.rstrip().endswith("?")):
            continue  # the interviewer's question
        body = par.start
        if m is not None:
            speaker = None if label in c.answer_labels else _label_speaker(text, par, m, mentions)
            if speaker is None and label in c.answer_labels and current is None:
                current = _interviewee(text, mentions)  # "A: ...": the person the interview is with
            current = speaker or current
            if speaker is not None or label in c.answer_labels:
                body = par.start + m.end()
        if current is not None:
            yield Block(Span(body, par.end, text[body:par.end]), current, None, par)


def _interviewee(text: str, mentions: Mentions) -> Speaker | None:
    name = mentions.main_person
    first = next((m for m in mentions.spans if m[2] == name), None)
    if name is None or first is None:
        return None
    return Speaker(name, MentionKind.PERSON, Span(first[0], first[1], text[first[0]:first[1]]))


def _signed(text: str, pars: list[Span], mentions: Mentions) -> Iterator[Block]:
    for i, par in enumerate(pars):
        m = _SIGNATURE.match(par.text)
        if m is None:
            continue
        raw = m.group("name").strip()
        start = par.start + m.start("name")
        hit = mentions.at(start, start + len(raw))
        name = hit[2] if hit else (mentions.people.canonical(raw) if mentions.people else raw)
        speaker = Speaker(name, MentionKind.PERSON, Span(start, start + len(raw), raw))
        j = i - 1
        words_seen = False
        # the paragraph right above the signature is the post; the ones above it too while they speak
        # in the first person (a post over several paragraphs)
        while j >= 0 and i - j <= _MAX_BLOCK:
            has_words = bool(tokens(text, pars[j].start, pars[j].end))
            if words_seen and has_words and not first_person_share(text, pars[j].start, pars[j].end):
                break
            if has_words:
                yield Block(pars[j], speaker, None, pars[j])
                words_seen = True
            j -= 1


def _introduced(text: str, pars: list[Span], mentions: Mentions) -> Iterator[Block]:
    for i, par in enumerate(pars[:-1]):
        if not par.text.endswith(":") or first_person_share(text, par.start, par.end):
            continue
        names = [mentions.person_name(t.text) or (mentions.at(t.start, t.end) or (0, 0, None))[2]
                 for t in tokens(text, par.start, par.end)]
        names = [n for n in names if n]
        if not names:
            continue
        speaker = Speaker(names[-1], MentionKind.PERSON, par)
        for nxt in pars[i + 1:i + 1 + _MAX_BLOCK]:
            if not first_person_share(text, nxt.start, nxt.end) or _LABEL.match(nxt.text):
                break
            yield Block(nxt, speaker, None, nxt)


def find_blocks(text: str, c: Cues, mentions: Mentions) -> list[Block]:
    """Paragraph quotations, at most one per paragraph, in text order."""
    pars = paragraphs(text)
    labelled = [p for p in pars if (m := _LABEL.match(p.text)) and m.group("label").casefold() not in c.question_labels
                and (m.group("label").casefold() in c.answer_labels or _label_speaker(text, p, m, mentions))]
    # an interview has turns: one "Name: ..." line alone is a headline ("Foo AG: chief steps down") or a
    # caption, and the paragraphs after it are the article's own words
    asked = any((m := _LABEL.match(p.text)) and m.group("label").casefold() in c.question_labels for p in pars)
    interview = len(labelled) >= 2 or (labelled and asked)
    found: dict[int, Block] = {}
    for source in (_signed(text, pars, mentions), _introduced(text, pars, mentions),
                   _interview(text, pars[pars.index(labelled[0]):], c, mentions) if interview else iter(())):
        for b in source:
            found.setdefault(b.paragraph.start, b)
    return [found[k] for k in sorted(found)]
