"""Exports: JSON, CSV (one row per tenure), GraphML (loads in networkx), QuickStatements (own checker)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import networkx as nx
import pytest

from succession.timeline.export import (
    CSV_COLUMNS, check_quickstatements, export, qs_time, to_csv, to_graphml, to_json, to_quickstatements,
)
from succession.timeline.fuse import Timeline
from succession.models import DateValue
from succession.store import SQLStore, open_store
from conftest import store_target
from test_fuse import ORG, Article, crisis


@pytest.fixture(scope="module")
def store(backend: str) -> SQLStore:
    s = open_store(store_target(backend))
    linked = (Article("u", "2030-01-05", "s9", url="https://news.example/ostwerk")
              .event("appointed", "Zoë Brandt", "CFO", "Ostwerk AG", "2019", sentence='Zoë "the fox" Brandt became CFO in 2019.')
              .event("appointed", "Ivo Berg", "board member", "Ostwerk AG", "2029-11", sentence="Ivo Berg joined the board."))
    s.add_analyses([*crisis(), linked.build()])
    yield s
    s.close()


@pytest.fixture(scope="module")
def tl(store: SQLStore) -> Timeline:
    return store.timeline()


def test_json_has_tenures_events_conflicts_and_sources(store: SQLStore, tl: Timeline) -> None:
    data = json.loads(export(store, "json"))
    assert len(data["tenures"]) == len(tl.tenures) and len(data["events"]) == len(tl.events)
    assert data["conflicts"] == [] and "documents" in data
    interim = next(t for t in data["tenures"] if t["role"] == "interim CEO")
    assert interim["end"] == "2031-03-29" and interim["end_inferred"] is True
    assert interim["sources"][0]["doc_id"] == "a" and interim["sources"][0]["text"]
    first_ceo = next(t for t in data["tenures"] if t["role"] == "CEO")
    assert first_ceo["start_earliest"] is None  # unbounded windows are null, not a sentinel date
    assert data["documents"]["u"]["url"] == "https://news.example/ostwerk"


def test_json_lists_conflicts(new_store: Callable[[], SQLStore]) -> None:
    x = Article("x", "2030-05-02").event("departed", "Gus Hale", "CFO", ORG, "2030-05-01")
    y = Article("y", "2030-07-01").fact("Gus Hale", "CFO", ORG)
    s = new_store()
    s.add_analyses([x.build(), y.build()])
    (conflict,) = json.loads(export(s, "json"))["conflicts"]
    assert conflict["kind"] == "stale_fact" and {src["doc_id"] for src in conflict["sources"]} == {"x", "y"}


def test_csv_header_and_one_row_per_tenure(tl: Timeline) -> None:
    rows = list(csv.reader(io.StringIO(to_csv(tl))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == len(tl.tenures) + 1
    by_id = {r[0]: dict(zip(CSV_COLUMNS, r)) for r in rows[1:]}
    pres = next(r for r in by_id.values() if r["role"] == "president")
    assert pres["status"] == "on leave" and pres["leaves"].startswith("2032-08-05")
    zoe = next(r for r in by_id.values() if r["holder"] == "Zoë Brandt")
    assert zoe["start"] == "2019" and zoe["start_earliest"] == "2019-01-01" and zoe["start_latest"] == "2019-12-31"


def test_graphml_loads_in_networkx(tl: Timeline) -> None:
    graph = nx.read_graphml(io.StringIO(to_graphml(tl)), force_multigraph=True)
    assert graph.number_of_edges() == len(tl.tenures)
    kinds = nx.get_node_attributes(graph, "kind")
    assert {n for n, k in kinds.items() if k == "org"} == {"org:lumorasystems", "org:vantor", "org:corvid", "org:ostwerkag"}
    edges = [d for _, _, d in graph.edges(data=True) if d["role"] == "interim CEO"]
    assert edges[0]["end"] == "2031-03-29" and edges[0]["end_inferred"] is True
    assert graph.nodes["person:zoebrandt"]["label"] == "Zoë Brandt"


def test_quickstatements_pass_the_checker(store: SQLStore) -> None:
    assert export(store, "quickstatements") == ""  # no ids, no statements: a quoted name is never an item
    qids = {"Lumora Systems": "Q1", "Ada Quell": "Q2", "Dara Pohl": "Q3", "Zoë Brandt": "Q4", "Vantor": "Q5",
            "Ostwerk": "Q6"}
    text = export(store, "quickstatements", qids=qids)
    assert check_quickstatements(text) == []
    lines = text.splitlines()
    assert "Q1\tP169\tQ2\tP580\t+2031-03-29T00:00:00Z/11" in text
    assert any(line.startswith("Q1\tP488\tQ3\tP582\t+2031-03-17T00:00:00Z/11") for line in lines)
    assert any(line.startswith("Q2\tP108\tQ5") for line in lines)
    assert all('"' not in line.split("\t")[0] and '"' not in line.split("\t")[2] for line in lines)


def test_quickstatements_use_known_qids(tl: Timeline) -> None:
    text = to_quickstatements(tl, qids={"Lumora Systems": "Q4242", "ada quell": "Q17"})
    assert "Q4242\tP169\tQ17\tP580\t+2031-03-29T00:00:00Z/11" in text
    assert check_quickstatements(text) == []


@pytest.mark.parametrize(("value", "expect"), [
    ("2023-11-29", "+2023-11-29T00:00:00Z/11"), ("2023-11", "+2023-11-00T00:00:00Z/10"),
    ("2023", "+2023-00-00T00:00:00Z/9"),
])
def test_qs_time_precision(value: str, expect: str) -> None:
    assert qs_time(DateValue(value)) == expect


@pytest.mark.parametrize(("line", "needle"), [
    ('Q1\tP169\t+2023-13-01T00:00:00Z/11', "bad month"),
    ('Q1\tP169', "need item, property and value"),
    ('Q1\tX169\tQ2', "bad property"),
    ('Q1\tP169\tQ2\tS854\t"u"\tP580\t+2023-11-29T00:00:00Z/11', "after a source"),
    ('LAST\tP31\tQ5', "LAST before any CREATE"),
    ('Q1\tP169\t"a "quoted" name"', "bad"),
    ('Q1\tP169\tQ2\tP580', "without a value"),
    ('Q1\tLen\tQ2', "quoted string"),
    ('Q1\tP580\t+2023-11-00T00:00:00Z/11', "bad month/day"),
    ('nothing\tP31\tQ5', "bad item"),
])
def test_checker_finds_errors(line: str, needle: str) -> None:
    errors = check_quickstatements(line + "\n")
    assert errors and needle in errors[0] and errors[0].startswith("line 1:")


def test_checker_accepts_valid_v1() -> None:
    text = ("CREATE\nLAST\tLen\t\"Lumora Systems\"\nLAST\tP31\tQ4830453\nQ42\tP569\t+1952-03-11T00:00:00Z/11\n"
            "Q42\tP1476\ten:\"A title\"\tS854\t\"https://x.example\"\t/* a comment */\nQ1\tP1082\t42\n")
    assert check_quickstatements(text) == []


def test_unknown_format_is_refused(store: SQLStore) -> None:
    with pytest.raises(ValueError):
        export(store, "pdf")


def test_exports_of_an_empty_timeline() -> None:
    empty = Timeline()
    assert json.loads(to_json(empty))["tenures"] == []
    assert to_csv(empty).splitlines() == [",".join(CSV_COLUMNS)]
    assert nx.read_graphml(io.StringIO(to_graphml(empty))).number_of_nodes() == 0
    assert to_quickstatements(empty) == "" and check_quickstatements("") == []
