"""Bagging for the learned event decisions (``scripts/train_events.py --bags``).

A few hundred annotated articles give the event model its examples; one article's candidates more or less
moved the cross-validated F1 by about 0.01, so a decision learnt from them leaned on a handful of
articles. Bagging trains the logistic regression on ``bags`` resamples of the training ARTICLES (an
article's candidates go in or out together: they share its wording) and averages the models' weights.
A linear model's averaged weights are one linear model again (its score is the mean of the members'
log-odds), so what ships keeps its format, size and speed.

Resampling is by sample weight (an article drawn twice weighs twice), so every member sees the same
feature columns. Each article's draw comes from a generator seeded by the member and the article's id
alone (a Poisson bootstrap: drawn k times with probability e^-1/k!), so training is deterministic, and
adding or removing one article changes no other article's draws: otherwise the resamples themselves
would move with every change to the training data. Examples with no article (group None: the
pseudo-labelled candidates of self-training) keep their weight in every member.
"""
from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from succession.learned import LinearModel

__all__ = ["Bagging", "article_draws", "fit_bagged"]


@dataclass(frozen=True)
class Bagging:
    """How many resampled models are averaged and how they are drawn."""

    bags: int = 0  # 0 or 1: one model on all examples, as before
    seed: int = 0
    # 1.0: the bootstrap (an article drawn 0, 1, 2, ... times); below 1: each article is in a member
    # with this probability, weighing 1/fraction there (subsampling, the same expected total weight)
    fraction: float = 1.0


def _draw(rng: random.Random, fraction: float) -> float:
    if fraction < 1.0:
        return 1.0 / fraction if rng.random() < fraction else 0.0
    k, p, u = 0, math.exp(-1.0), rng.random()  # Poisson(1) by inversion
    cdf = p
    while u > cdf:
        k += 1
        p /= k
        cdf += p
    return float(k)


def article_draws(groups: Sequence[str | None], cfg: Bagging) -> list[dict[str, float]]:
    """Per member, how many times each article (a group of ``groups`` other than None) is drawn: the
    weight its examples carry in that member."""
    order = list(dict.fromkeys(g for g in groups if g is not None))
    return [{g: _draw(random.Random(f"{cfg.seed}:{b}:{g}"), cfg.fraction) for g in order}
            for b in range(max(cfg.bags, 1))]


def fit_bagged(x: list[dict], y: list[int], c: float, weights: list[float] | None, groups: Sequence[str | None],
               cfg: Bagging, intercept: bool = True) -> LinearModel:
    """A logistic regression (L-BFGS, L2 with inverse strength ``c``) whose weights are the mean of
    ``cfg.bags`` members, each trained on a resample of the articles; one plain fit when ``cfg.bags`` < 2."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if len(set(y)) < 2:
        return LinearModel({}, 0.0)
    vec = DictVectorizer()
    matrix = vec.fit_transform(x)
    base = list(weights) if weights is not None else [1.0] * len(y)
    draws = article_draws(groups, cfg) if cfg.bags > 1 else [None]
    coef = [0.0] * len(vec.feature_names_)
    bias, members = 0.0, 0
    for counts in draws:
        w = base if counts is None else [bw * (1.0 if g is None else counts.get(g, 0.0)) for bw, g in zip(base, groups)]
        kept = [i for i, v in enumerate(w) if v > 0]
        if len({y[i] for i in kept}) < 2:  # a resample with one class only teaches nothing
            continue
        m = LogisticRegression(C=c, solver="lbfgs", max_iter=2000, fit_intercept=intercept)
        m.fit(matrix[kept], [y[i] for i in kept], sample_weight=[w[i] for i in kept])
        coef = [a + float(b) for a, b in zip(coef, m.coef_[0])]
        bias += float(m.intercept_[0]) if intercept else 0.0
        members += 1
    if not members:
        return LinearModel({}, 0.0)
    return LinearModel({k: v / members for k, v in zip(vec.feature_names_, coef)}, bias / members)
