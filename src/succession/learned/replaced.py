"""Whether a candidate person is the one a replacement in its sentence replaces ("replaced Foo", "Foo was
replaced by Bar", "löst Foo ab", "takes over from Foo", "Foo wurde durch Bar abgelöst"): such a person
leaves; a start of theirs that the rules do not report is no candidate at all."""
from __future__ import annotations

import re

from ..extract import holders
from ..extract.context import DocContext, _Hit
from ..extract.lexicon import lexicon
from ..extract.mentions import NameMention, SentenceMentions
from ..extract.modality import clause
from ..lang import get_language

__all__ = ["is_replaced"]

# an auxiliary of the passive anywhere before a verb that comes last ("wurde am Montag durch Bar abgelöst")
_AUX = re.compile(r"(?<![\w])(?:wurde|wurden|worden|was|were)(?![\w])", re.IGNORECASE)


def is_replaced(ctx: DocContext, sm: SentenceMentions, hit: _Hit, p: NameMention, start: int, end: int) -> bool:
    """Whether ``p`` is the one replaced by the change ``hit`` (at ``start``-``end``) reports, or the object
    right after any replacement verb of the language ("who replaced Foo", whatever trigger ``hit`` is)."""
    return _replaced_by_hit(ctx, sm, hit, p, start, end) or holders._object_of_replacement(ctx, p.start)


def _replaced_by_hit(ctx: DocContext, sm: SentenceMentions, hit: _Hit, p: NameMention, start: int, end: int
                     ) -> bool:
    lx = lexicon(ctx.lang)
    if hit.trigger.pattern not in lx.replacement or hit.trigger.is_nominal(ctx.text[start:end]):
        return False
    if p.end > start and p.start < end and "..." in hit.trigger.pattern:
        return True  # "löst Foo ab": the one replaced sits inside the pattern
    if p.end > start and holders._after_marker(ctx, p.start):
        return True  # "takes over from Foo", "übernimmt von Foo"
    tr = get_language(ctx.lang).triggers
    left, right = clause(sm.sentence.text, start - sm.sentence.start, end - sm.sentence.start, main=True)
    passive = bool(holders._PASSIVE.search(ctx.text[max(0, start - 20):start])) or (
        not tr.OBJECT_FOLLOWS_VERB and bool(_AUX.search(ctx.text[sm.sentence.start + left:start])))
    if passive and sm.sentence.start + left <= p.start < sm.sentence.start + right:
        # "Foo was replaced by Bar": the subject is the one replaced, the agent ("by Bar") the successor
        return p.end <= start and not holders._after_words(ctx, p.start, tuple(get_language(ctx.lang).names.PASSIVE_AGENT_MARKERS))
    return bool(tr.OBJECT_FOLLOWS_VERB and p.start >= end
                and holders._replaced_object(ctx.text[end:p.start], tr.OBJECT_BREAKS))
