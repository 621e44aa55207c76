"""Who said it: a speaker model picks the word of the unit that names the speaker (a name, a pronoun,
"die Polizei", "laut X"), or none (then the speaker of the quotation before goes on), and the word is
widened to the name it is part of and resolved to the article's person or organisation."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..coref import People, fold
from ..models import Entity, MentionKind, Span
from ..ner import first_names
from .linear import LinearModel
from .units import Cues, Unit, speaker_features

__all__ = ["Mentions", "Speaker", "candidate_tokens", "pick_speaker"]


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
        self.spans: list[tuple[int, int, str, MentionKind]] = sorted(
            (m.start, m.end, e.name, e.kind) for e in entities if e.kind in (MentionKind.PERSON, MentionKind.ORG)
            for m in e.mentions)
        self.person_starts = frozenset(a for a, _, _, k in self.spans if k is MentionKind.PERSON)
        self.org_starts = frozenset(a for a, _, _, k in self.spans if k is MentionKind.ORG)
        orgs = [(len(e.mentions), e.name) for e in entities if e.kind is MentionKind.ORG]
        self.main_org = max(orgs)[1] if orgs else None
        self.org_refs = org_refs
        self.surnames = people.surnames() if people else {}

    def at(self, start: int, end: int) -> tuple[int, int, str, MentionKind] | None:
        return next((m for m in self.spans if m[0] <= start and end <= m[1]), None)

    def person_name(self, word: str) -> str | None:
        """The full name a lone surname stands for ("Schulmans" -> the article's Jane Schulman)."""
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
                                               or self.people.gender(name) in (None, gender)):
                best = (name, a, b)
        return best


def candidate_tokens(u: Unit, c: Cues) -> list[int]:
    """Tokens of the unit outside quotation marks that can name a speaker: capitalised words, pronouns
    and the source adverbs ("demnach"). Reported speech names its speaker inside the words taken as the
    quotation ("Laut Polizei ist ..."), so those count too."""
    return [k for k, t in enumerate(u.tokens) if (t.text[:1].isupper() or t.lower in c.pronouns
                                                  or t.lower in c.source_adverbs)
            and not any(m.start <= t.start < m.end for m in u.marks)]


def pick_speaker(text: str, u: Unit, quote_parts: Sequence[tuple[int, int]], cue_token: int | None, c: Cues,
                 model: LinearModel, threshold: float, mentions: Mentions) -> tuple[Speaker | None, float]:
    """The speaker the unit names for its quotation, if the model is sure enough."""
    first = first_names()
    best, best_p = None, 0.0
    for k in candidate_tokens(u, c):
        feats = speaker_features(u, k, quote_parts, cue_token, c, mentions.person_starts, mentions.org_starts,
                                 first)
        p = model.probabilities(feats).get("yes", 0.0)
        if p > best_p:
            best, best_p = k, p
    if best is None or best_p < threshold:
        return None, best_p
    return resolve(text, u, best, c, mentions), best_p


def resolve(text: str, u: Unit, k: int, c: Cues, mentions: Mentions) -> Speaker:
    """Widen token ``k`` to the name it belongs to and say whom it names."""
    t = u.tokens[k]
    hit = mentions.at(t.start, t.end)
    if hit is not None:
        a, b, name, kind = hit
        return Speaker(name, kind, Span(a, b, text[a:b]))
    if t.lower in c.pronouns:
        found = mentions.last_person_before(t.start, c.pronouns[t.lower])
        name = found[0] if found else t.text
        return Speaker(name, MentionKind.PERSON if found else None, Span(t.start, t.end, t.text))
    # a run of capitalised words around the token: "Präsident Kennedy", "The Information"
    a = b = k
    toks = u.tokens
    while a > 0 and toks[a - 1].text[:1].isupper() and toks[a - 1].end + 1 >= toks[a].start and a - 1 > 0:
        a -= 1
    while b + 1 < len(toks) and toks[b + 1].text[:1].isupper() and toks[b].end + 1 >= toks[b + 1].start:
        b += 1
    start, end = toks[a].start, toks[b].end
    surface = text[start:end]
    name = mentions.person_name(toks[b].text)
    if name:
        return Speaker(name, MentionKind.PERSON, Span(start, end, surface))
    if mentions.main_org and any(text[max(u.start, end - len(r)):end].casefold() == r for r in c.org_references):
        return Speaker(mentions.main_org, MentionKind.ORG, Span(start, end, surface))
    return Speaker(surface, None, Span(start, end, surface))
