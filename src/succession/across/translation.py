"""Which articles of a multilingual story may be machine translations of another."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..models import Analysis

__all__ = ["translation_flags"]


def translation_flags(analyses: Sequence[Analysis]) -> dict[str, bool]:
    """Which articles may be machine translations: a deliberately simple, documented signal.

    Only stories with articles in more than one language say anything. There the earliest dated
    article(s) (dated from their own text or metadata, not from the story) are taken for the original
    and every other member for a possible translation (a back-translation can be in the original's
    language). With no dated member, members outside the story's majority language are flagged
    (nobody when no language has a strict majority).
    """
    by_story: dict[str, list[Analysis]] = defaultdict(list)
    for a in analyses:
        if a.story:
            by_story[a.story].append(a)
    flags = {a.document.id: False for a in analyses}
    for members in by_story.values():
        if len({a.lang for a in members if a.lang}) < 2:
            continue
        # dates taken over from the story itself say nothing about who was first
        dated = {a.document.id: a.published.first_day for a in members
                 if a.published and a.published_basis != "story"}
        if dated:
            first = min(dated.values())
            flags.update({a.document.id: dated.get(a.document.id) != first for a in members})
            continue
        majority = _majority_language(members)
        if majority is not None:
            flags.update({a.document.id: a.lang != majority for a in members})
    return flags


def _majority_language(members: Sequence[Analysis]) -> str | None:
    counts = sorted(((sum(a.lang == lg for a in members), lg) for lg in {a.lang for a in members if a.lang}),
                    reverse=True)
    return counts[0][1] if len(counts) == 1 or counts[0][0] > counts[1][0] else None
