"""Queries over a store (who, where, people, search, sources, timeline) and their CLI commands."""
from __future__ import annotations

import datetime as dt
import json
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import succession
from succession.timeline import query
from succession.models import Rejected
from succession.store import SQLiteStore, SQLStore
from test_fuse import ORG, Article, crisis

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def store(new_store: Callable[[], SQLStore]) -> SQLStore:
    s = new_store()
    extra = (Article("e", "2031-04-02", "s4")
             .event("appointed", "Zoë Brandt", "CFO", "Ostwerk AG", "2031-04-01", sentence="Ostwerk names Zoë Brandt CFO.")
             .entity("Zoë Brandt", "person", "Z. Brandt", "Brandt")
             .entity("Ostwerk AG", "org", "Ostwerk"))
    s.add_analyses([*crisis(), extra.build()])
    return s


# ------------------------------------------------------------------------------------------ library

@pytest.mark.parametrize(("day", "expect"), [
    ("2031-03-10", ["Ada Quell"]), ("2031-03-25", ["Bo Varga"]), ("2031-04-15", ["Ada Quell"]),
    ("2040-01-01", ["Ada Quell"]),
])
def test_who_ceo_across_the_crisis(store: SQLStore, day: str, expect: list[str]) -> None:
    assert query.who(store, ORG, "CEO", day) == expect


def test_who_matches_names_and_roles_loosely(store: SQLStore) -> None:
    assert query.who(store, "LUMORA  systems", "ceo", dt.date(2031, 3, 25)) == ["Bo Varga"]
    assert query.who(store, ORG, "interim CEO", "2031-03-25") == ["Bo Varga"]
    assert query.who(store, ORG, "interim CEO", "2031-04-15") == []
    assert query.who(store, "Ostwerk", "cfo", "2031-05-01") == ["Zoë Brandt"]  # through an org variant
    assert query.who(store, "Nowhere Inc", "CEO", "2031-05-01") == []


def test_who_other_seats(store: SQLStore) -> None:
    assert query.who(store, ORG, "chair", "2031-04-01") == ["Eli Strand"]
    assert query.who(store, ORG, "chair", "2031-03-01") == ["Dara Pohl"]
    assert query.who(store, ORG, "president", "2032-08-06") == ["Dara Pohl"]  # on leave, still holds it
    assert query.who(store, ORG, "CTO", "2031-03-30") == ["Cem Ilić"]


def test_who_finds_a_title_as_written_by_a_role_word_of_either_language(new_store: Callable[[], SQLStore]) -> None:
    # a public office's role is the title its sentence writes ("Bürgermeisterin"); a query asks by role word
    s = new_store()
    town = "Gemeinde Talbrück"
    s.add_analyses([
        Article("t1", "2031-02-02", "t1").event("appointed", "Anna Kessler", "Bürgermeisterin", town, "2031-02-01",
                                                 sentence="Anna Kessler ist neue Bürgermeisterin.")
        .entity("Anna Kessler", "person").entity(town, "org").build(),
        Article("t2", "2033-05-02", "t2").event("appointed", "Olaf Brenner", "Bürgermeister", town, "2033-05-01",
                                                 sentence="Olaf Brenner folgt als Bürgermeister.")
        .entity("Olaf Brenner", "person").entity(town, "org").build(),
    ])
    for role in ("Bürgermeister", "Bürgermeisterin", "mayor"):
        assert query.who(s, town, role, "2032-01-01") == ["Anna Kessler"], role
        assert "Olaf Brenner" in query.who(s, town, role, "2034-01-01"), role


def test_where_follows_moves_and_variants(store: SQLStore) -> None:
    assert query.where(store, "Ada Quell", "2031-03-21") == ["Vantor"]
    assert query.where(store, "ada QUELL", "2031-04-15") == [ORG]
    assert query.where(store, "Quell", "2031-04-15") == [ORG]  # a known variant
    assert query.where(store, "Finn Oakes", "2032-12-01") == ["Corvid"]
    assert query.where(store, "zoe brandt", "2031-05-01") == ["Ostwerk AG"]  # accents ignored
    assert query.where(store, "Z. Brandt", "2031-05-01") == ["Ostwerk AG"]
    assert query.where(store, "Nobody", "2031-05-01") == []


def test_parse_day_wants_a_day() -> None:
    assert query.parse_day("2031-03-05") == dt.date(2031, 3, 5)
    assert query.parse_day(dt.datetime(2031, 3, 5, 10)) == dt.date(2031, 3, 5)
    for bad in ("2031-03", "yesterday", ""):
        with pytest.raises(ValueError):
            query.parse_day(bad)


def test_timeline_filters(store: SQLStore) -> None:
    tl = query.timeline(store, org="ostwerk")
    assert [t.holder for t in tl.tenures] == ["Zoë Brandt"] and len(tl.events) == 1
    mine = query.timeline(store, person="Quell")
    assert {t.org for t in mine.tenures} == {ORG, "Vantor"}
    assert all(e.holder == "Ada Quell" for e in mine.events)
    assert len(query.timeline(store).tenures) == len(store.timeline().tenures)


def test_people_lists_variants(store: SQLStore) -> None:
    found = {p.name: p for p in query.people(store)}
    assert set(found) == {"Ada Quell", "Bo Varga", "Cem Ilić", "Dara Pohl", "Eli Strand", "Finn Oakes", "Zoë Brandt"}
    assert set(found["Zoë Brandt"].variants) == {"Z. Brandt", "Brandt"}


def test_search(store: SQLStore) -> None:
    assert {h.doc_id for h in query.search(store, "zoe")} == {"e"}
    assert query.search(store, "no such words here") == []


def test_sources_point_into_the_articles(store: SQLStore) -> None:
    tenure = next(t for t in store.timeline().tenures if t.role == "interim CEO")
    refs = query.sources(store, tenure.id)
    assert [r.doc_id for r in refs] == ["a"]
    text = store.analysis("a").document.text  # type: ignore[union-attr]
    assert all(text[r.start:r.end] == r.text for r in refs)
    assert refs[0].published is not None and refs[0].title == "News a"
    event = next(e for e in store.timeline().events if e.holder == "Bo Varga")
    assert query.sources(store, event.id)[0].text == "Bo Varga was named interim chief."
    stored = event.reports[0]
    assert query.sources(store, stored)[0].text == "Bo Varga was named interim chief."
    assert query.sources(store, "t-nothing") == []


def test_same_story(store: SQLStore) -> None:
    assert query.same_story(store, ["b", "c"]) and not query.same_story(store, ["a", "b"])
    assert query.same_story(store, ["b.txt", "c"])  # by the file it was read from
    with pytest.raises(KeyError):
        query.same_story(store, ["missing"])


def test_who_is_fast_enough_on_a_small_store(store: SQLStore) -> None:
    import time
    query.who(store, ORG, "CEO", "2031-03-25")  # fuse once
    t0 = time.perf_counter()
    for _ in range(50):
        query.who(store, ORG, "CEO", "2031-03-25")
    assert (time.perf_counter() - t0) / 50 < 0.02


# ------------------------------------------------------------------------------------------------ CLI

@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[typer.Typer, Path]:
    """A Typer app with the timeline commands, and a stand-in for succession.api (no NLP)."""
    from succession.cli.queries import register

    app = typer.Typer()
    register(app)
    articles = crisis()

    def analyse_paths(paths, *, on_progress=None, stories=None, **_options):  # type: ignore[no-untyped-def]
        rejected = [Rejected(str(p), "not an article") for p in paths if str(p).endswith(".bin")]
        return types.SimpleNamespace(analyses=articles, rejected=rejected)

    fake = types.ModuleType("succession.api")
    fake.analyse_paths = analyse_paths  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "succession.api", fake)
    monkeypatch.setattr(succession, "api", fake, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SUCCESSION_DB", raising=False)
    return app, tmp_path


def test_cli_ingest_then_ask(cli: tuple[typer.Typer, Path]) -> None:
    app, tmp = cli
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", "articles/"])
    assert result.exit_code == 0, result.output
    assert (tmp / "succession.db").exists()  # the default store in the current folder
    result = runner.invoke(app, ["who", "--org", ORG, "--role", "CEO", "--on", "2031-03-25", "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["holders"] == ["Bo Varga"]
    result = runner.invoke(app, ["where", "--person", "quell", "--on", "2031-03-21", "--json"])
    assert json.loads(result.stdout)["orgs"] == ["Vantor"]
    result = runner.invoke(app, ["timeline", "--org", ORG, "--format", "csv"])
    assert result.exit_code == 0 and "Bo Varga" in result.stdout and "filled by Ada Quell" in result.stdout
    result = runner.invoke(app, ["timeline", "--person", "Dara Pohl", "--json"])
    assert {t["role"] for t in json.loads(result.stdout)["tenures"]} == {"chair", "president"}
    assert "Finn Oakes" in runner.invoke(app, ["people"]).stdout
    assert "[fired]" in runner.invoke(app, ["search", "fired"]).stdout  # snippets are not Rich markup


def test_cli_ingest_reports_skipped_inputs(cli: tuple[typer.Typer, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    app, tmp = cli
    monkeypatch.setenv("SUCCESSION_DB", str(tmp / "env.db"))
    result = CliRunner().invoke(app, ["ingest", "a.txt", "junk.bin"])
    assert result.exit_code == 1
    assert (tmp / "env.db").exists()
    failures = SQLiteStore(tmp / "env.db").failures()
    assert [f.source for f in failures] == ["junk.bin"]


def test_cli_usage_errors(cli: tuple[typer.Typer, Path]) -> None:
    app, tmp = cli
    runner = CliRunner()
    assert runner.invoke(app, ["who", "--org", ORG, "--role", "CEO", "--on", "2031-03-25"]).exit_code == 2  # no store
    runner.invoke(app, ["ingest", "x"])
    assert runner.invoke(app, ["who", "--org", ORG, "--role", "CEO", "--on", "March"]).exit_code == 2
    assert runner.invoke(app, ["who", "--org", ORG]).exit_code == 2
    assert runner.invoke(app, ["export", "--format", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["sources", "t-unknown"]).exit_code == 1


def test_cli_sources_and_export(cli: tuple[typer.Typer, Path]) -> None:
    app, tmp = cli
    runner = CliRunner()
    runner.invoke(app, ["ingest", "x"])
    tl = json.loads(runner.invoke(app, ["timeline", "--json"]).stdout)
    tenure = next(t for t in tl["tenures"] if t["role"] == "interim CEO")
    refs = json.loads(runner.invoke(app, ["sources", tenure["id"], "--json"]).stdout)
    assert refs[0]["doc_id"] == "a" and refs[0]["text"] == "Bo Varga was named interim chief."
    result = runner.invoke(app, ["export", "--format", "csv", "--output", str(tmp / "t.csv")])
    assert result.exit_code == 0
    assert (tmp / "t.csv").read_text().count("\n") == len(tl["tenures"]) + 1
    result = runner.invoke(app, ["export", "-f", "quickstatements"])
    assert result.stdout == "" and "no Wikidata id" in result.stderr  # never a quoted name for an item
    ids = tmp / "ids.csv"
    ids.write_text(f"name,qid\n{ORG},Q4242\nBo Varga,Q17\nAda Quell,Q18\nEli Park,not-an-id\n", encoding="utf-8")
    result = runner.invoke(app, ["export", "-f", "quickstatements", "--ids", str(ids)])
    assert result.stdout.count("Q4242\tP169\t") == 3 and '"' not in result.stdout.split("\tS")[0]
    assert "ids.csv line 5" in result.stderr and "no Wikidata id for" in result.stderr


# ------------------------------------------------------------------------------- real seeds (gold)

def _pipeline_or_skip():  # type: ignore[no-untyped-def]
    if not (SHARED / "seeds").is_dir() or not (SHARED / "gold" / "seeds-queries.jsonl").is_file():
        pytest.skip(f"shared data not found at {SHARED} (seeds and gold/seeds-queries.jsonl)")
    try:
        from succession.api import analyse_paths
    except ImportError as exc:
        pytest.skip(f"extraction pipeline not available: {exc}")
    return analyse_paths


@pytest.fixture(scope="module")
def seeds_store() -> SQLiteStore:
    analyse_paths = _pipeline_or_skip()
    run = analyse_paths([SHARED / "seeds"])
    store = SQLiteStore(":memory:")
    store.add_analyses(run.analyses)
    yield store
    store.close()


def _gold_queries() -> list[dict[str, object]]:
    path = SHARED / "gold" / "seeds-queries.jsonl"
    if not path.is_file():
        return [{"ask": "missing"}]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("gold", _gold_queries(), ids=lambda g: str(g.get("ask")))
def test_seed_questions(seeds_store: SQLiteStore, gold: dict[str, object]) -> None:
    ask = gold["ask"]
    if ask == "who":
        got: object = query.who(seeds_store, str(gold["org"]), str(gold["role"]), str(gold["on"]))
    elif ask == "where":
        got = query.where(seeds_store, str(gold["person"]), str(gold["on"]))
    elif ask == "same_story":
        got = query.same_story(seeds_store, list(gold["docs"]))  # type: ignore[arg-type]
    else:
        pytest.skip(f"unknown question kind {ask!r}")
    assert got == gold["expect"], gold.get("why")
