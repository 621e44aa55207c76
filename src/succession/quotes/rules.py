"""Rule weights for languages without a learned quotation model: the same features as the learned
models (succession.quotes.units), weighed by hand. A unit with a speech verb, an "according to" or
mostly quotation marks is a quotation; the speaker is the name or pronoun next to the cue."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .linear import LinearModel

if TYPE_CHECKING:
    from . import QuoteModels

__all__ = ["RULE_MODELS"]


def _binary(yes: dict[str, float], no: dict[str, float]) -> LinearModel:
    keys = set(yes) | set(no)
    return LinearModel(("no", "yes"), {k: (no.get(k, 0.0), yes.get(k, 0.0)) for k in keys})


def _units() -> LinearModel:
    b = {"speech": 2.2, "according": 1.8, "marksmost": 3.5, "marks<.7": 1.6, "that": 0.6, "reported": 0.3,
         "ends_colon": -1.0}
    i = {"p:marksmost": 0.0}
    o = {"bias": 1.6, "question": 1.0, "marks<.3": 0.5}
    keys = set(b) | set(i) | set(o)
    return LinearModel(("B", "I", "O"), {k: (b.get(k, 0.0), i.get(k, -5.0 if k == "bias" else 0.0), o.get(k, 0.0))
                                         for k in keys | {"bias"}})


def _fragments() -> LinearModel:
    return _binary({"nw4-8": 1.3, "nw9+": 2.2, "ends_punct": 1.0, "after_colon": 1.5, "comma_after": 0.8,
                    "speech": 1.0, "first_person": 1.0, "upper": 0.3},
                   {"bias": 1.5, "nw1": 1.5, "nw2-3": 0.6})


def _speakers() -> LinearModel:
    """A score per candidate speaker: the best of a unit's words, the words before, the speaker before
    ("carry") and nobody ("none") wins."""
    w = {"person": 3.0, "pronoun": 2.4, "org": 1.6, "cap": 0.6, "first_name": 1.0, "dcue:+1": 1.6,
         "dcue:-1": 1.2, "dcue:+2": 1.0, "dcue:-2": 0.9, "dcue:+3": 0.5, "dcue:-3": 0.5, "dcue:>8": -1.0,
         "after_according": 2.5, "after_according_np": 2.6, "speaker_noun": 1.2, "spoke_before": 0.6,
         "after_speech": 1.2, "before_speech": 1.2, "is_cue": -6.0, "in_pp": -1.0, "passive_agent": 3.0,
         "in_quote": -0.8, "nocue": -1.5, "pu:person": 0.8, "pu:pronoun": 0.4, "pu:cap": 0.2,
         "org_head": 2.5, "titles_person": -3.0, "carry": 2.0, "carry_back1": 1.0, "none": 1.5}
    return LinearModel(("score",), {k: (v,) for k, v in w.items()})


def _models() -> "QuoteModels":
    from . import QuoteModels

    return QuoteModels(_units(), _fragments(), _speakers(), fragment_threshold=0.5, quote_threshold=0.5,
                       carry=3)


class _Lazy:
    """The rule models, built on first use (QuoteModels is defined in the package that imports this)."""

    _value: "QuoteModels | None" = None

    def get(self) -> "QuoteModels":
        if self._value is None:
            self._value = _models()
        return self._value


RULE_MODELS = _Lazy()
