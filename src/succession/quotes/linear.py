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


def train(samples: Sequence[Sequence[str]], labels: Sequence[str], *, min_count: int = 2, l2: float = 1e-4,
          iterations: int = 300, rate: float = 0.05, prune: float = 1e-3) -> LinearModel:
    """Fit on ``samples`` (feature lists) and their ``labels``; features seen fewer than ``min_count``
    times are dropped, and weights smaller than ``prune`` are not stored."""
    import numpy as np

    counts = Counter(f for s in samples for f in set(s))
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    names = tuple(sorted(set(labels)))
    y = np.array([names.index(label) for label in labels])
    rows, cols = [], []
    for r, s in enumerate(samples):
        for f in set(s):
            if f in index:
                rows.append(r)
                cols.append(index[f])
    rows_a, cols_a = np.array(rows), np.array(cols)
    n, d, k = len(samples), len(vocab), len(names)
    w = np.zeros((d, k))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    onehot = np.eye(k)[y]
    for step in range(1, iterations + 1):
        logits = np.zeros((n, k))
        np.add.at(logits, rows_a, w[cols_a])
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        resid = (p - onehot) / n
        grad = np.zeros_like(w)
        np.add.at(grad, cols_a, resid[rows_a])
        grad += l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    kept = {f: tuple(float(x) for x in w[i]) for f, i in index.items() if np.abs(w[i]).max() >= prune}
    return LinearModel(names, kept)


def train_ranker(groups: Sequence[Sequence[Sequence[str]]], targets: Sequence[Sequence[float]], *,
                 min_count: int = 2, l2: float = 1e-4, iterations: int = 300, rate: float = 0.05,
                 prune: float = 1e-3) -> LinearModel:
    """Fit one score per candidate so that, within each group, the softmax over the candidates puts its
    mass on the targets (a distribution over the group's candidates)."""
    import numpy as np

    flat = [c for g in groups for c in g]
    counts = Counter(f for s in flat for f in set(s))
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    rows, cols = [], []
    for r, s in enumerate(flat):
        for f in set(s):
            if f in index:
                rows.append(r)
                cols.append(index[f])
    rows_a, cols_a = np.array(rows), np.array(cols)
    sizes = np.array([len(g) for g in groups])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    group_of = np.repeat(np.arange(len(groups)), sizes)
    y = np.array([t for g in targets for t in g], dtype=float)
    n, d = len(flat), len(vocab)
    w = np.zeros(d)
    m = np.zeros(d)
    v = np.zeros(d)
    for step in range(1, iterations + 1):
        s = np.zeros(n)
        np.add.at(s, rows_a, w[cols_a])
        top = np.maximum.reduceat(s, starts)
        e = np.exp(s - top[group_of])
        p = e / np.add.reduceat(e, starts)[group_of]
        resid = (p - y) / len(groups)
        grad = np.zeros(d)
        np.add.at(grad, cols_a, resid[rows_a])
        grad += l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return LinearModel(("score",), {f: (float(w[i]),) for f, i in index.items() if abs(w[i]) >= prune})
