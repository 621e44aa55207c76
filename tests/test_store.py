"""The stores: migrations, idempotent upserts, replacement, junk, full text, fusion cache (the tests taking
the ``store`` fixture run on SQLite and on PostgreSQL)."""
from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from succession import migrations
from succession.errors import StoreError
from succession.timeline.fuse import fuse_analyses
from succession.models import Analysis, DateValue, Document, Mention, MentionKind, Span
from succession.store import SQLiteStore, SQLStore, Store
from test_fuse import ORG, Article, crisis


@pytest.fixture
def store(new_store: Callable[[], SQLStore]) -> SQLStore:
    return new_store()


def with_mentions(a: Analysis) -> Analysis:
    """The same analysis with boilerplate, mentions and warnings, to check the round trip."""
    m = Mention(a.document.id, 0, 3, a.document.text[:3], MentionKind.PERSON, "Someone", 0)
    return dataclasses.replace(a, boilerplate=(Span(0, 1, a.document.text[:1]),), mentions=(m,), warnings=("w",))


def test_migrations_are_named_ordered_and_recorded(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    assert migrations.applied(conn) == [m.name for m in migrations.MIGRATIONS]
    assert migrations.pending(conn) == []
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    SQLiteStore(path).close()  # reopening applies nothing twice
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM _migrations").fetchone()[0] == len(migrations.MIGRATIONS)


def test_duplicate_migration_names_are_refused() -> None:
    m = migrations.Migration("x", ("CREATE TABLE t (a)",))
    with pytest.raises(ValueError):
        migrations.apply(sqlite3.connect(":memory:", isolation_level=None), (m, m))


def test_failed_migration_leaves_nothing_behind() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    bad = migrations.Migration("bad", ("CREATE TABLE t (a)", "CREATE TABLE t (a)"))
    with pytest.raises(sqlite3.OperationalError):
        migrations.apply(conn, (bad,))
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 't'").fetchone()[0] == 0
    assert migrations.applied(conn) == []


def test_store_implements_the_interface(store: SQLStore) -> None:
    assert isinstance(store, Store)


def test_round_trip(store: SQLStore) -> None:
    docs = [with_mentions(a) for a in crisis()]
    report = store.add_analyses(docs)
    assert (report.added, report.replaced, report.unchanged, report.rejected) == (4, 0, 0, [])
    assert list(store.analyses()) == sorted(docs, key=lambda a: a.document.id)
    assert store.stories() == {"s1": ["a"], "s2": ["b", "c"], "s3": ["d"]}


def test_reingest_changes_nothing(store: SQLStore) -> None:
    store.add_analyses(crisis())
    before = (store.counts(), store._meta("data_version"), [r.id for r in store.event_reports()])
    report = store.add_analyses(crisis(), batch_size=1)
    assert (report.added, report.replaced, report.unchanged) == (0, 0, 4)
    assert (store.counts(), store._meta("data_version"), [r.id for r in store.event_reports()]) == before


def test_changed_article_replaces_its_rows(store: SQLStore) -> None:
    store.add_analyses(crisis())
    new = (Article("a", "2031-03-21", "s1")
           .event("appointed", "Hana Ruiz", "CFO", ORG, "2031-03-20", sentence="Hana Ruiz becomes finance chief.")
           .build())
    report = store.add_analyses([new])
    assert report.replaced == 1
    assert store.analysis("a") == new
    assert [r.event.holder for r in store.event_reports() if r.doc.doc_id == "a"] == ["Hana Ruiz"]
    assert store.search("Varga") == []  # old text and evidence left the index
    assert {h.doc_id for h in store.search("finance chief")} == {"a"}
    if isinstance(store, SQLiteStore):  # FTS5's own check of its external-content index
        conn = store._conn
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        conn.execute("INSERT INTO evidence_fts(evidence_fts) VALUES ('integrity-check')")


def test_junk_is_recorded_and_does_not_stop_the_batch(store: SQLStore) -> None:
    good = crisis()[0]
    no_id = dataclasses.replace(good, document=dataclasses.replace(good.document, id=" "))
    bad_span = dataclasses.replace(good, document=dataclasses.replace(good.document, id="z", text="short"))
    report = store.add_analyses([no_id, "not an analysis", bad_span, good])  # type: ignore[list-item]
    assert report.added == 1 and len(report.rejected) == 3
    reasons = [f.reason for f in store.failures()]
    assert any("no id" in r for r in reasons) and any("not an Analysis" in r for r in reasons)
    assert any("outside the text" in r for r in reasons)
    assert store.counts()["documents"] == 1


def test_record_failure(store: SQLStore) -> None:
    store.record_failure("feed.jsonl:3", "not JSON")
    (f,) = store.failures()
    assert (f.source, f.reason) == ("feed.jsonl:3", "not JSON") and f.time


def test_search_is_accent_insensitive_and_safe(store: SQLStore) -> None:
    store.add_analyses(crisis())
    hits = store.search("cem ilic")
    assert hits and hits[0].doc_id == "a"
    assert {h.kind for h in store.search("fired")} >= {"event"}
    assert store.search('" OR NEAR(') == [] or True  # FTS syntax in user input never raises
    assert store.search("") == []


def test_fusion_cache_matches_fusion_and_follows_writes(store: SQLStore) -> None:
    store.add_analyses(crisis())
    assert store.timeline() == fuse_analyses(crisis())
    assert store.ensure_fused() is False  # cached
    extra = Article("e", "2031-04-02", "s4").event("appointed", "Hana Ruiz", "CFO", ORG, "2031-04-01").build()
    store.add_analyses([extra])
    assert store.ensure_fused() is True
    assert any(t.holder == "Hana Ruiz" for t in store.timeline().tenures)


def test_one_writer_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    first = SQLiteStore(path)
    second = SQLiteStore(path, busy_timeout=0.05)
    first._conn.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError):
            second.add_analyses(crisis())
    finally:
        first._conn.execute("ROLLBACK")
    assert second.add_analyses(crisis()).added == 4
    first.close()
    second.close()


def test_unopenable_path_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        SQLiteStore(tmp_path / "missing-dir" / "s.db")


def test_published_and_story_are_kept(store: SQLStore) -> None:
    store.add_analyses(crisis())
    info = store.documents_info(["b"])["b"]
    assert info.published == DateValue("2031-03-30") and info.story == "s2" and info.source == "b.txt"
    assert isinstance(store.analysis("b").document, Document)  # type: ignore[union-attr]


def test_library_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    from succession.timeline import export, query

    s = SQLiteStore(":memory:")
    s.add_analyses([*crisis(), "junk"])  # type: ignore[list-item]
    query.who(s, ORG, "CEO", "2031-03-25")
    for fmt in export.FORMATS:
        export.export(s, fmt)
    out, _ = capfd.readouterr()
    assert out == ""


def test_open_store_picks_the_engine_by_target(tmp_path: Path) -> None:
    from succession.store import PostgresStore, open_store

    with open_store(tmp_path / "s.db") as s:
        assert isinstance(s, SQLiteStore)
    with pytest.raises(StoreError, match="cannot open store postgresql://nobody@127.0.0.1:1/x") as caught:
        open_store("postgresql://nobody:secret@127.0.0.1:1/x", busy_timeout=2)
    assert "secret" not in str(caught.value) and "\n" not in str(caught.value)  # one line, no password
    assert issubclass(PostgresStore, SQLStore)


def test_pages_are_slices_of_the_whole(store: SQLStore) -> None:
    store.add_analyses(crisis())
    tenures, events = store.find_tenures(), store.find_events()
    assert store.count_tenures() == len(tenures) and store.count_events() == len(events) >= 3
    assert [t.id for t in store.find_tenures(limit=2, offset=1)] == [t.id for t in tenures[1:3]]
    assert [e.id for e in store.find_events(limit=2, offset=2)] == [e.id for e in events[2:4]]
    asserted = store.find_events(status="asserted")
    assert asserted and all(e.status == "asserted" for e in asserted) and store.count_events(status="asserted") == len(asserted)
    assert list(store.documents_info(limit=2, offset=1)) == sorted(store.documents_info())[1:3]
    assert store.document_count() == 4 and store.story("s2") == ["b", "c"]
