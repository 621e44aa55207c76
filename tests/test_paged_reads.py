"""Paged reads: ``/entities``, ``/events?order=latest`` and the GraphML export read pages from the store
(ordered and counted in SQL) and give exactly what reading every record and ordering it in Python gave."""
from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Iterator, Sequence

import pytest

from conftest import store_target
from succession.models import Analysis, MentionKind
from succession.store import SQLStore, open_store
from succession.timeline.export import export, to_graphml
from succession.timeline.fuse import FusedEvent, Timeline, name_key
from succession.timeline.query import match_name
from succession.web import reads
from test_fuse import Article
from test_incremental_fusion import pool

# fictional people and organisations; an organisation's spellings share one name key
_PEOPLE = ("Ilka Marwede", "Tamsin Oyelaran", "Bertil Vosskamp", "Renske Abernathy", "Odile Farquhar",
           "Jonas Pettersby", "Wendeline Quast")
_ORGS = (("Varnholt Maschinen", "VARNHOLT Maschinen", "Varnholt-Maschinen"), ("Quenby Freight", "Quenby freight"),
         ("Halvard Kliniken",), ("Brisco Textil AG", "Brisco Textil-AG"), ("Ostmeer Reederei", "Ostmeer reederei"))
_ROLES = ("CEO", "CFO", "chair", "board member", "Vorstandschef", None)


def generated(seed: int, n: int = 60) -> list[Analysis]:
    """Random appointments and departures: spellings that tie, events without an organisation,
    organisations holding seats, undated reports."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        published = None if rng.random() < 0.15 else f"20{rng.randint(30, 33)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        story = rng.choice((None, None, f"s-{seed}-{rng.randint(1, 5)}"))  # stories of one to many articles
        art = Article(f"g{seed}-{i}", published, story, lang=rng.choice(("en", "de")))
        for _ in range(rng.randint(1, 3)):
            org = rng.choice(rng.choice(_ORGS)) if rng.random() > 0.1 else None
            date = rng.choice((None, f"20{rng.randint(28, 33)}", f"20{rng.randint(28, 33)}-{rng.randint(1, 12):02d}"))
            if rng.random() < 0.1:  # an organisation takes a seat at another
                art.event("appointed", rng.choice(rng.choice(_ORGS)), "auditor", org, date, kind="org")
            else:
                art.event(rng.choice(("appointed", "departed")), rng.choice(_PEOPLE), rng.choice(_ROLES), org, date)
        if rng.random() < 0.3:
            art.fact(rng.choice(_PEOPLE), rng.choice(("CEO", "CFO")), rng.choice(rng.choice(_ORGS)))
        out.append(art.build())
    return out


@pytest.fixture(scope="module")
def store(backend: str) -> Iterator[SQLStore]:
    s = open_store(store_target(backend))
    s.add_analyses([*pool(), *generated(1), *generated(2)])
    yield s
    s.close()


# what the HTTP layer computed before the listings were paged in SQL (every record read, ordered in Python)

def entities_whole(store: SQLStore, kind: str, q: str | None) -> list[tuple[str, str, int, int]]:
    if kind == MentionKind.ORG.value:
        names: dict[str, Counter[str]] = {}
        counts: Counter[tuple[str, int]] = Counter()
        for i, records in enumerate((store.find_tenures(), store.find_events())):
            for r in records:
                if r.org:
                    names.setdefault(name_key(r.org), Counter())[r.org] += 1
                    counts[(name_key(r.org), i)] += 1
        found = [(spellings.most_common(1)[0][0], kind, counts[(key, 0)], counts[(key, 1)])
                 for key, spellings in names.items()]
    else:
        found = [h for h in store.holders() if h[1] == kind]
    want = name_key(q)
    if want:
        found = [h for h in found if want in name_key(h[0])]
    return sorted(found, key=lambda h: (-h[2], -h[3], name_key(h[0]), h[0]))


def latest_whole(events: Sequence[FusedEvent]) -> list[FusedEvent]:
    def key(e: FusedEvent) -> tuple[dt.date, dt.date, str]:
        return (e.last_reported or dt.date.min, e.latest if e.latest != dt.date.max else e.earliest, e.id)
    return sorted(events, key=key, reverse=True)


PAGES = ((None, 0), (5, 0), (5, 5), (7, 3), (1000, 2))


@pytest.mark.parametrize("kind", ["person", "org"])
@pytest.mark.parametrize("q", [None, "", "a", "Varnholt", "quenby fr", "zzz"])
def test_entities_pages_equal_the_whole_listing(store: SQLStore, kind: str, q: str | None) -> None:
    whole = entities_whole(store, kind, q)
    assert len(whole) > 3 or q in ("Varnholt", "quenby fr", "zzz")
    for limit, offset in PAGES:
        found, total = reads.entities(store, kind, q, limit=limit, offset=offset)
        assert total == len(whole)
        assert found == whole[offset:offset + limit if limit is not None else None]


def test_organisation_spelling_ties_go_to_the_first_met(new_store) -> None:  # type: ignore[no-untyped-def]
    s = new_store()
    s.add_analyses([Article("t1", "2031-01-02").event("appointed", "Ilka Marwede", "CEO", "Quenby freight", "2031-01")
                    .build(),
                    Article("t2", "2031-03-02").event("appointed", "Odile Farquhar", "CFO", "Quenby Freight", "2031-03")
                    .build()])
    assert s.find_entities("org") == entities_whole(s, "org", None) == [("Quenby freight", "org", 2, 2)]


@pytest.mark.parametrize("filters", [{}, {"org": "Varnholt Maschinen"}, {"person": "Ilka Marwede"},
                                     {"status": "asserted"}])
def test_latest_events_pages_equal_the_whole_listing(store: SQLStore, filters: dict[str, str]) -> None:
    everything, total = reads.events(store, **filters)  # type: ignore[arg-type]
    whole = latest_whole(everything)
    assert total == len(whole) > 0
    for limit, offset in PAGES:
        found, counted = reads.events(store, **filters, latest_first=True, limit=limit, offset=offset)  # type: ignore[arg-type]
        assert counted == total
        assert found == whole[offset:offset + limit if limit is not None else None]


@pytest.mark.parametrize("min_documents", [1, 2, 4])
def test_stories_pages_equal_the_whole_listing(store: SQLStore, min_documents: int) -> None:
    found = [(sid, docs) for sid, docs in store.stories().items() if len(docs) >= min_documents]
    whole = sorted(found, key=lambda s: (-len(s[1]), s[0]))  # what /stories read and ordered before
    assert len(whole) > 3
    for limit, offset in PAGES:
        page, total = reads.stories(store, min_documents=min_documents, limit=limit, offset=offset)
        assert total == len(whole)
        assert page == whole[offset:offset + limit if limit is not None else None]


def test_listings_do_not_read_every_record(store: SQLStore, monkeypatch: pytest.MonkeyPatch) -> None:
    find_events = store.find_events

    def paged_only(**kwargs: object) -> list[FusedEvent]:
        if kwargs.get("limit") is None:
            raise AssertionError("a listing read every record")
        return find_events(**kwargs)  # type: ignore[arg-type]

    def whole(*args: object, **kwargs: object) -> list[object]:
        raise AssertionError("a listing read every record")

    monkeypatch.setattr(store, "find_events", paged_only)
    for name in ("find_tenures", "holders", "timeline", "stories"):
        monkeypatch.setattr(store, name, whole)
    assert len(reads.events(store, latest_first=True, limit=3)[0]) == 3
    assert len(reads.entities(store, "org", None, limit=3)[0]) == 3
    assert len(reads.entities(store, "person", None, limit=3)[0]) == 3
    assert len(reads.stories(store, limit=3)[0]) == 3


@pytest.mark.parametrize("page", [2_000, 3])
@pytest.mark.parametrize("filters", [{}, {"org": "Quenby Freight"}, {"person": "Bertil Vosskamp"}])
def test_graphml_streams_the_graph_networkx_builds(store: SQLStore, monkeypatch: pytest.MonkeyPatch,
                                                  filters: dict[str, str], page: int) -> None:
    monkeypatch.setattr(store, "stream_page", page)
    keys = {"org_key": match_name(store, filters["org"], "org") if "org" in filters else None,
            "holder_key": match_name(store, filters["person"], "person") if "person" in filters else None}
    tenures = store.find_tenures(**keys)
    assert tenures
    built = to_graphml(Timeline(tuple(tenures), (), ()))  # the graph built whole in networkx, as before
    assert export(store, "graphml", **filters) == built  # type: ignore[arg-type]
    holders = {t.holder for t in tenures}
    assert len(list(store.graph_edges(**keys))) == len(tenures) and len(list(store.graph_nodes(**keys))) >= len(holders)


def test_graphml_of_an_empty_store(new_store) -> None:  # type: ignore[no-untyped-def]
    s = new_store()
    assert export(s, "graphml") == to_graphml(Timeline((), (), ()))


def test_a_store_of_the_previous_version_is_upgraded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Migration 0007 adds the columns the listings order by; the next read fuses once and fills them."""
    import sqlite3

    from succession import migrations

    path = tmp_path / "old.db"
    old = migrations.MIGRATIONS[:-1]
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply(conn, old)  # the schema as the previous version left it
    conn.close()
    s = open_store(path)  # applies 0007
    s.add_analyses(generated(3, 30))
    whole = entities_whole(s, "org", None)
    s.close()
    conn = sqlite3.connect(path, isolation_level=None)  # as if fused by the previous version: columns empty
    conn.execute("UPDATE fused_events SET org = '', recency = ''")
    conn.execute("DELETE FROM _migrations WHERE name = '0007_paged_reads'")
    conn.execute("DROP INDEX fused_events_recency")
    conn.execute("ALTER TABLE fused_events DROP COLUMN org")
    conn.execute("ALTER TABLE fused_events DROP COLUMN recency")
    conn.close()
    s = open_store(path)
    try:
        assert s.find_entities("org") == whole
        assert s.find_events(latest_first=True) == latest_whole(s.find_events())
    finally:
        s.close()
