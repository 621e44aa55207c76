"""When the speaker model says "nobody", a second look: the quotation may still have a speaker the
model ranked just below "none". Three narrow rules, each off by default and switched on per language
model (QuoteModels.fallback) only where cross-validation and dev both gain:

- ``floor``: the best word candidate has at least this share of the model's probability mass;
- ``statement``: the quotation goes on from the quotation just before (the unit before, or the same
  paragraph), whose speaker is known: one statement in several sentences;
- ``subject``: the best word of the quotation's own sentence stands for the speaker of the quotation
  before ("Er ..." after a sentence that named him as the speaker).

A gold quotation that has no speaker and gets one here is an error too; scripts/train_quotes.py
counts those ("spurious")."""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .linear import LinearModel
from .speakers import Candidate, Speaker

__all__ = ["Fallback", "fallback_speaker"]


@dataclass(frozen=True)
class Fallback:
    floor: float | None = None  # least probability of the best word candidate; None: off
    # "unit": the unit right before; "unitpar": that unit, in the same paragraph; "paragraph": the same
    # paragraph; None: off
    statement: str | None = None
    subject: bool = False

    def to_json(self) -> dict:
        return {"floor": self.floor, "statement": self.statement, "subject": self.subject}

    @classmethod
    def from_json(cls, data: dict | None) -> "Fallback":
        data = data or {}
        return cls(data.get("floor"), data.get("statement"), bool(data.get("subject", False)))

    @property
    def active(self) -> bool:
        return self.floor is not None or self.statement is not None or self.subject


def fallback_speaker(cands: Sequence[Candidate], model: LinearModel, rule: Fallback, carried: Speaker | None,
                     resolve: Callable[[Candidate], Speaker]) -> Speaker | None:
    """The speaker of a quotation the model left with nobody, or None (``resolve`` names a word
    candidate's speaker)."""
    if not rule.active:
        return None
    scores = [model.score(x.features) for x in cands]
    words = sorted((s, j) for j, s in enumerate(scores) if cands[j].kind == "token")
    if rule.statement is not None and carried is not None:
        carry = next((x.features for x in cands if x.kind == "carry"), ())
        back1, samepar = "carry_back1" in carry, "carry_samepar" in carry
        if {"unit": back1, "unitpar": back1 and samepar, "paragraph": samepar}.get(rule.statement, False):
            return carried
    if rule.subject and carried is not None:
        own = [(s, j) for s, j in words if not any(f.startswith("pu") for f in cands[j].features[:1])]
        if own:
            who = resolve(cands[own[-1][1]])
            if who.name == carried.name:
                return who
    if rule.floor is not None and words:
        top = max(scores)
        z = sum(math.exp(s - top) for s in scores)
        best, j = words[-1]
        if math.exp(best - top) / z >= rule.floor:
            return resolve(cands[j])
    return None
