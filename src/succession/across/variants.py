"""Every spelling of a person the articles use, not only those in sentences about changes.

The extractor reads names where changes or roles are reported; the same people are named elsewhere too
("Lindqvist sagte ...", "Okafor setzt Auszeit fort"). After names are resolved across articles, each
person's surname is looked up in every article's text, and a first name written before it is kept when
it is a spelling of the person's own first name. A surname two people share is left alone.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from rapidfuzz.distance import JaroWinkler

from ..extract.coref import fold
from ..models import Analysis, MentionKind

__all__ = ["sweep_variants"]


def sweep_variants(analyses: Sequence[Analysis], entities: Sequence[Any]) -> tuple[Any, ...]:
    """The corpus entities with the spellings of their names found anywhere in the articles added."""
    owners: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(entities):
        if getattr(e, "kind", None) == MentionKind.PERSON:
            for s in {fold(v.split()[-1]) for v in (e.name, *e.variants) if len(v.split()) >= 2}:
                owners[s].append(i)
    unique = {s: ids[0] for s, ids in owners.items() if len(set(ids)) == 1 and len(s) >= 3}
    if not unique:
        return tuple(entities)
    found: dict[int, set[str]] = defaultdict(set)
    docs: dict[int, set[str]] = defaultdict(set)
    rx = re.compile(r"(?<![\w\-])(?:([A-ZÄÖÜ][\w\-]+)\s+)?([A-ZÄÖÜ][\w\-]+?)(?:s)?(?![\w\-])")
    for a in analyses:
        for m in rx.finditer(a.document.text):
            i = unique.get(fold(m.group(2)))
            if i is None:
                continue
            found[i].add(m.group(2))
            docs[i].add(a.document.id)
            first = m.group(1)
            if first and _same_first(first, entities[i]):
                found[i].add(f"{first} {m.group(2)}")
    out = list(entities)
    for i, spellings in found.items():
        e = out[i]
        variants = tuple(sorted(set(e.variants) | spellings))
        changes: dict[str, Any] = {"variants": variants}
        if hasattr(e, "docs"):
            changes["docs"] = tuple(sorted(set(e.docs) | docs[i]))
        out[i] = replace(e, **changes)
    return tuple(out)


def _same_first(word: str, entity: Any) -> bool:
    """'Pjotr' for a 'Pyotr': a first name written the way another language or a translation
    writes it."""
    w = fold(word)
    firsts = {fold(v.split()[0]) for v in (entity.name, *entity.variants) if len(v.split()) >= 2}
    return any(w == f or JaroWinkler.similarity(w, f) >= 0.88 for f in firsts)
