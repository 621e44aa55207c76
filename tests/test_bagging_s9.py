"""Session 9, the learned decisions' stability tooling: other cross-validation splits
(``scripts/train_events.py --fold-seed``) and bagging by article (``--bags``, ``scripts/event_bagging.py``),
on fictional examples written for these tests."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]


def _module(name: str) -> ModuleType:
    sys.path.insert(0, str(REPO / "scripts"))
    return importlib.import_module(name)


def _examples() -> tuple[list[dict], list[int], list[str | None]]:
    """Eight fictional articles, two candidates each: "Foo resigned as chief of Bar" (a change) and
    "Foo met the chief of Baz" (none), with a cue feature that varies a little between articles."""
    x, y, groups = [], [], []
    for i in range(8):
        x += [{"bias": 1.0, "cue_resign": 1.0, "role_named": 1.0 if i % 2 else 0.0},
              {"bias": 1.0, "cue_meet": 1.0, "role_named": 1.0 if i % 3 else 0.0}]
        y += [1, 0]
        groups += [f"art{i}", f"art{i}"]
    return x, y, groups


def test_the_usual_split_is_unchanged_and_other_seeds_split_otherwise() -> None:
    train_events = _module("train_events")
    ids = [f"doc-{i:03d}" for i in range(200)]
    assert [train_events.fold_of(d, 5) for d in ids] == [sum(d.encode()) % 5 for d in ids]
    other = [train_events.fold_of(d, 5, seed=1) for d in ids]
    assert other == [train_events.fold_of(d, 5, seed=1) for d in ids]  # deterministic
    assert other != [train_events.fold_of(d, 5) for d in ids]
    assert other != [train_events.fold_of(d, 5, seed=2) for d in ids]
    assert all(25 <= other.count(k) <= 55 for k in range(5))  # every fold holds a fair share


def test_draws_are_deterministic_and_one_article_moves_no_others() -> None:
    bagging = _module("event_bagging")
    cfg = bagging.Bagging(bags=6, seed=3)
    groups = [f"art{i}" for i in range(30)]
    draws = bagging.article_draws(groups + [None], cfg)
    assert draws == bagging.article_draws(groups, cfg)  # no article (a pseudo-labelled example): not drawn
    assert len(draws) == 6 and all(set(d) == set(groups) for d in draws)
    assert all(v == int(v) >= 0 for d in draws for v in d.values())  # the bootstrap draws whole articles
    assert len({tuple(sorted(d.items())) for d in draws}) == 6  # members differ
    without = bagging.article_draws(groups[1:], cfg)
    assert [{k: v for k, v in d.items() if k != "art0"} for d in draws] == without
    sub = bagging.article_draws(groups, bagging.Bagging(bags=4, seed=3, fraction=0.5))
    assert all(v in (0.0, 2.0) for d in sub for v in d.values())


def test_bagged_model_averages_members_and_one_bag_is_the_plain_fit() -> None:
    train_events, bagging = _module("train_events"), _module("event_bagging")
    x, y, groups = _examples()
    plain = train_events.fit(x, y, 0.5)
    single = bagging.fit_bagged(x, y, 0.5, None, groups, bagging.Bagging())
    assert single.weights == pytest.approx(plain.weights) and single.bias == pytest.approx(plain.bias)
    cfg = bagging.Bagging(bags=5, seed=1)
    bagged = bagging.fit_bagged(x, y, 0.5, None, groups, cfg)
    assert bagged == bagging.fit_bagged(x, y, 0.5, None, groups, cfg)  # deterministic
    assert bagged.weights != pytest.approx(plain.weights)
    assert bagged.weights["cue_resign"] > 0 > bagged.weights["cue_meet"]
    resign = {"bias": 1.0, "cue_resign": 1.0, "role_named": 1.0}
    assert bagged.probability(resign) > 0.5 > bagged.probability({"bias": 1.0, "cue_meet": 1.0})
