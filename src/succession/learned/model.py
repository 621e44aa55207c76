"""The learned decisions: linear models over named features, stored as JSON in the package and loaded by
name. Applying one is a sum of weights, so running needs no machine-learning library."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["LinearModel", "EventModel", "load_event_model", "RESOURCES"]

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


@dataclass(frozen=True)
class LinearModel:
    weights: dict[str, float]
    bias: float = 0.0

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict:
        kept = {k: round(v, 5) for k, v in sorted(self.weights.items()) if abs(v) > 1e-5}
        return {"bias": self.bias, "weights": kept}

    @classmethod
    def from_json(cls, data: dict) -> "LinearModel":
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data.get("bias", 0.0)))


@dataclass(frozen=True)
class EventModel:
    """Whether a candidate is a reported change (``event``) and which organisation it happened at (``org``)."""

    event: LinearModel
    org: LinearModel
    threshold: float  # for a change the rules also report
    meta: dict
    threshold_new: float = 0.5  # for a change only the model sees
    rule_org: bool = True  # where the rules name an organisation, it stands
    # a change with no post named ("Foo quit", "Foo was dismissed") needs stronger evidence: most are a
    # player retiring, a claim dismissed or a show left
    threshold_bare: float = 0.0
    # a kind of change the training data holds few true examples of (a return, a leave) keeps the lenient
    # threshold of the rules: the model has not learnt when such a report is right, so its low
    # probability says little; the kinds it has learnt take the stricter ``threshold``
    threshold_rare: float | None = None
    rare_types: frozenset[str] = frozenset()

    def threshold_for(self, etype: str) -> float:
        """The threshold for a change the rules report, of one kind of change."""
        if self.threshold_rare is not None and etype in self.rare_types:
            return self.threshold_rare
        return self.threshold

    def threshold_new_for(self, etype: str) -> float:
        """The threshold for a change only the model sees, of one kind of change. A kind it has too few
        true examples of (``rare_types``) is never reported on its word alone: its probability there says
        little ("Foo, founder of Bar, dies" is no founding), and the rules' report of it stands."""
        if self.threshold_rare is not None and etype in self.rare_types:
            return math.inf
        return self.threshold_new

    def to_json(self) -> dict:
        out = {"meta": self.meta, "threshold": self.threshold, "threshold_new": self.threshold_new,
               "rule_org": self.rule_org, "threshold_bare": self.threshold_bare, "event": self.event.to_json(),
               "org": self.org.to_json()}
        if self.threshold_rare is not None:
            out |= {"threshold_rare": self.threshold_rare, "rare_types": sorted(self.rare_types)}
        return out

    @classmethod
    def from_json(cls, data: dict) -> "EventModel":
        return cls(LinearModel.from_json(data["event"]), LinearModel.from_json(data["org"]), float(data["threshold"]),
                   dict(data.get("meta", {})), float(data.get("threshold_new", data["threshold"])),
                   bool(data.get("rule_org", True)), float(data.get("threshold_bare", 0.0)),
                   None if data.get("threshold_rare") is None else float(data["threshold_rare"]),
                   frozenset(data.get("rare_types", ())))


@lru_cache(maxsize=None)
def load_event_model(name: str) -> EventModel | None:
    """A model shipped in the package (``resources/NAME.json``); None when it is not there."""
    path = RESOURCES / f"{name}.json"
    if not path.exists():
        return None
    return EventModel.from_json(json.loads(path.read_text(encoding="utf-8")))
