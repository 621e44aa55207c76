"""Incremental fusion: after a write only the touched people and organisations are fused again, and the
cache ends exactly as a full fusion of the same articles leaves it, whatever order they arrived in."""
from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from storydata import load_articles
from succession.timeline.fuse import Timeline
from succession.models import Analysis
from succession.store import SQLStore
from test_fuse import ORG, Article, crisis
from test_http_api import corpus as http_corpus


def extra() -> list[Analysis]:
    """Moves between organisations, short names, a variant two people share, a seat filled twice."""
    return [x.build() for x in (
        Article("m1", "2031-05-02", "m").event("appointed", "Ines Darrow", "CEO", "Ostwerk AG", "2031-05-01")
        .entity("Ostwerk AG", "org", "Ostwerk").entity("Ostwerk", "org").entity("Ines Darrow", "person", "Darrow"),
        Article("m2", "2031-09-10", "n").event("appointed", "Ines Darrow", "CFO", "Pellham Rail", "2031-09-09")
        .event("departed", "Ines Darrow", "CEO", "Ostwerk", sentence="Darrow leaves Ostwerk.")
        .entity("Ostwerk", "org").entity("Ostwerk AG", "org").entity("Pellham Rail", "org"),
        Article("m3", "2031-10-01", "o").event("appointed", "Ravi Darrow", "CEO", "Ostwerk AG", "2031-09-30")
        .entity("Ravi Darrow", "person", "Darrow"),
        Article("m4", "2031-10-02", "o", lang="de").fact("Ravi Darrow", "CEO", "Ostwerk AG")
        .event("appointed", "Bo Varga", "CEO", "Pellham Rail", "2031-10-01").entity("Bo Varga", "person", "Varga"),
        Article("m5", "2032-01-15", "p").event("appointed", "Ada Quell", "chair", "Pellham Rail", "2032-01-14")
        .entity("Ada Quell", "person", "A. Quell"),
    )]


def pool() -> list[Analysis]:
    return [*crisis(), *load_articles().values(), *http_corpus(), *extra()]


def changed(a: Analysis) -> Analysis:
    """Another version of an article (same id): its first event moves to another organisation."""
    import dataclasses

    first = dataclasses.replace(a.events[0], org="Quarry Mills")
    return dataclasses.replace(a, events=(first, *a.events[1:]))


def _full(new_store: Callable[[], SQLStore], articles: list[Analysis]) -> Timeline:
    s = new_store()
    s.add_analyses(articles)
    return s.timeline()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_incremental_equals_full_on_random_orders(new_store: Callable[[], SQLStore], seed: int) -> None:
    articles = pool()
    rng = random.Random(seed)
    order = articles[:]
    rng.shuffle(order)
    store = new_store()
    full_runs = []
    real = store._fuse_all

    def spy(version: str) -> bool:
        full_runs.append(version)
        return real(version)

    store._fuse_all = spy  # type: ignore[method-assign]
    i = 0
    while i < len(order):  # batches of 1..3 articles, the cache brought up to date after each
        step = rng.randint(1, 3)
        store.add_analyses(order[i:i + step])
        store.ensure_fused()
        i += step
    victim = order[rng.randrange(len(order))]
    if victim.events:  # a new version of an article, then the old one back
        store.add_analyses([changed(victim)])
        store.ensure_fused()
        store.add_analyses([victim])
    got = store.timeline()
    assert len(full_runs) == 1  # the first fusion only; every later one followed the touched names
    want = _full(new_store, sorted(articles, key=lambda a: a.document.id))
    assert got == want
    assert store.aliases() == {k: v for k, v in store.rows("SELECT variant_key, name FROM fused_aliases")}


def test_only_the_touched_part_is_fused_again(new_store: Callable[[], SQLStore]) -> None:
    store = new_store()
    store.add_analyses(crisis())
    store.ensure_fused()
    before = {t.id: t for t in store.find_tenures(org_key="lumorasystems")}
    store.add_analyses([Article("z", "2033-01-02").event("appointed", "Tove Brink", "CEO", "Norrfjell", "2033-01-01")
                        .build()])
    assert store.ensure_fused() is True
    assert [t.holder for t in store.find_tenures(org_key="norrfjell")] == ["Tove Brink"]
    assert {t.id: t for t in store.find_tenures(org_key="lumorasystems")} == before
    assert store.rows("SELECT count(*) FROM fusion_dirty")[0][0] == 0
    assert ORG == "Lumora Systems"
