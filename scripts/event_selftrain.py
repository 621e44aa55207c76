"""Self-training for the learned event decisions (``scripts/train_events.py --unlabelled``).

Unannotated articles give candidates with no answer. The model trained on the annotated articles labels
the ones it is very sure of (probability at least ``hi``: a change; at most ``lo``: none), and the event
model is trained again on both, the pseudo-labelled ones with weight ``weight``. Most of what this adds
are clear negatives (a trigger in another sense, a person merely named), which the few annotated articles
show too rarely.

Only features the annotated articles already carry are kept on a pseudo-labelled candidate: nothing of
the unannotated texts (no word they alone show) enters the model, and its size does not change.
An unannotated article that repeats an annotated one (same title, or same opening) is left out, so that a
scored fold's article never comes back through the unannotated set.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from succession.learned import LinearModel
from succession.models import Document

__all__ = ["SelfTraining", "article_keys", "load_unlabelled", "pseudo_examples"]


@dataclass(frozen=True)
class SelfTraining:
    """How sure the model must be of an unannotated candidate, and how much such a candidate weighs."""

    hi: float = 0.9
    lo: float = 0.05
    weight: float = 1.0


def _title(text: str, title: str | None) -> str:
    return re.sub(r"\s+", " ", (title or text.strip().split("\n", 1)[0])).strip().casefold()


def _opening(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()[:300]


def article_keys(docs: Iterable[Document]) -> set[str]:
    """What identifies an article across collections: its title and its opening."""
    keys: set[str] = set()
    for d in docs:
        keys |= {"t:" + _title(d.text, d.title), "o:" + _opening(d.text)}
    return keys


def load_unlabelled(path: Path, exclude: set[str]) -> list[Document]:
    """The articles of a JSON Lines file (id, text, optional title, published, lang) that repeat no article
    whose keys are in ``exclude``."""
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            d = Document(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published"),
                         lang=r.get("lang"), source=str(path))
            if not article_keys([d]) & exclude:
                docs.append(d)
    return docs


def pseudo_examples(model: LinearModel, unlabelled: Sequence[dict], known: set[str], cfg: SelfTraining
                    ) -> tuple[list[dict[str, float]], list[int]]:
    """The unannotated candidates the model is sure of, with its verdict as their label, restricted to the
    features in ``known``."""
    xs, ys = [], []
    for art in unlabelled:
        for c in art["cands"]:
            p = model.probability(c.features)
            if p >= cfg.hi:
                y = 1
            elif p <= cfg.lo:
                y = 0
            else:
                continue
            xs.append({k: v for k, v in c.features.items() if k in known})
            ys.append(y)
    return xs, ys
