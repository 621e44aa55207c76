"""A linear model over string features: multinomial logistic regression, trained here with plain numpy
(full-batch gradient descent with Adam, L2 penalty, fixed iterations: deterministic) and stored as JSON,
so nothing beyond the standard library is needed to use it."""
from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["LinearModel", "train", "train_ranker"]


@dataclass(frozen=True)
class LinearModel:
    labels: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]  # feature -> one weight per label

    def __post_init__(self) -> None:
        if len(self.labels) == 1:  # a ranker: one score, summed from a flat table (the hot path)
            object.__setattr__(self, "_single", {f: w[0] for f, w in self.weights.items()})

    def score(self, features: Sequence[str]) -> float:
        """The one score of a ranker."""
        table: dict[str, float] = self.__dict__["_single"]
        return sum(table.get(f, 0.0) for f in features)

    def scores(self, features: Sequence[str]) -> list[float]:
        out = [0.0] * len(self.labels)
        for f in features:
            w = self.weights.get(f)
            if w is not None:
                for i, x in enumerate(w):
                    out[i] += x
        return out

    def probabilities(self, features: Sequence[str]) -> dict[str, float]:
        s = self.scores(features)
        top = max(s)
        e = [math.exp(x - top) for x in s]
        z = sum(e)
        return {label: x / z for label, x in zip(self.labels, e)}

    def to_json(self) -> dict:
        return {"labels": list(self.labels), "weights": {f: [round(x, 4) for x in w] for f, w in self.weights.items()}}

    @classmethod
    def from_json(cls, data: dict) -> "LinearModel":
        return cls(tuple(data["labels"]), {f: tuple(w) for f, w in data["weights"].items()})

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True), encoding="utf-8")


def _design(samples: Sequence[Sequence[str]], min_count: int):  # type: ignore[no-untyped-def]
    """The kept features (seen in at least ``min_count`` samples) and the sparse sample × feature matrix
    as (row, column) index arrays."""
    import numpy as np

    counts = Counter(f for s in samples for f in set(s))
    index = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    pairs = [(r, index[f]) for r, s in enumerate(samples) for f in set(s) if f in index]
    rows, cols = (np.array(x) for x in zip(*pairs)) if pairs else (np.zeros(0, int), np.zeros(0, int))
    return index, rows, cols


class _Adam:
    def __init__(self, shape: tuple[int, ...], rate: float) -> None:
        import numpy as np

        self.m, self.v, self.rate, self.step = np.zeros(shape), np.zeros(shape), rate, 0

    def update(self, w, grad):  # type: ignore[no-untyped-def]
        import numpy as np

        self.step += 1
        self.m = 0.9 * self.m + 0.1 * grad
        self.v = 0.999 * self.v + 0.001 * grad * grad
        return w - self.rate * (self.m / (1 - 0.9 ** self.step)) / (np.sqrt(self.v / (1 - 0.999 ** self.step)) + 1e-8)


def train(samples: Sequence[Sequence[str]], labels: Sequence[str], *, min_count: int = 2, l2: float = 1e-4,
          iterations: int = 300, rate: float = 0.05, prune: float = 1e-3) -> LinearModel:
    """Fit on ``samples`` (feature lists) and their ``labels``; features seen fewer than ``min_count``
    times are dropped, and weights smaller than ``prune`` are not stored."""
    import numpy as np

    index, rows_a, cols_a = _design(samples, min_count)
    names = tuple(sorted(set(labels)))
    y = np.array([names.index(label) for label in labels])
    n, d, k = len(samples), len(index), len(names)
    w = np.zeros((d, k))
    adam = _Adam(w.shape, rate)
    onehot = np.eye(k)[y]
    for _ in range(iterations):
        logits = np.zeros((n, k))
        np.add.at(logits, rows_a, w[cols_a])
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        resid = (p - onehot) / n
        grad = np.zeros_like(w)
        np.add.at(grad, cols_a, resid[rows_a])
        w = adam.update(w, grad + l2 * w)
    kept = {f: tuple(float(x) for x in w[i]) for f, i in index.items() if np.abs(w[i]).max() >= prune}
    return LinearModel(names, kept)


def train_ranker(groups: Sequence[Sequence[Sequence[str]]], targets: Sequence[Sequence[float]], *,
                 min_count: int = 2, l2: float = 1e-4, iterations: int = 300, rate: float = 0.05,
                 prune: float = 1e-3, any_target: bool = False) -> LinearModel:
    """Fit one score per candidate so that, within each group, the softmax over the candidates puts its
    mass on the targets (a distribution over the group's candidates). With ``any_target`` the loss is
    -log of the mass on all targets together: when several candidates are equally right (every word of a
    long annotated speaker), the model may prefer any of them instead of spreading its mass evenly."""
    import numpy as np

    flat = [c for g in groups for c in g]
    index, rows_a, cols_a = _design(flat, min_count)
    sizes = np.array([len(g) for g in groups])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    group_of = np.repeat(np.arange(len(groups)), sizes)
    y = np.array([t for g in targets for t in g], dtype=float)
    w = np.zeros(len(index))
    adam = _Adam(w.shape, rate)
    for _ in range(iterations):
        s = np.zeros(len(flat))
        np.add.at(s, rows_a, w[cols_a])
        top = np.maximum.reduceat(s, starts)
        e = np.exp(s - top[group_of])
        p = e / np.add.reduceat(e, starts)[group_of]
        if any_target:  # the target distribution: the model's own, renormalised over the right candidates
            hit = p * (y > 0)
            resid = (p - hit / np.add.reduceat(hit, starts)[group_of]) / len(groups)
        else:
            resid = (p - y) / len(groups)
        grad = np.zeros(len(index))
        np.add.at(grad, cols_a, resid[rows_a])
        w = adam.update(w, grad + l2 * w)
    return LinearModel(("score",), {f: (float(w[i]),) for f, i in index.items() if abs(w[i]) >= prune})
