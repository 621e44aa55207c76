"""The CLI as a first user meets it: tables that fit 80 columns, --format everywhere, examples in every
--help, -v after the command, python -m, names typed loosely, honest open ends (fictional stores)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from succession.timeline import query
from succession.cli import app
from succession.cli.output import PIPE_WIDTH, Column, Listing, OutFormat, emit, plural
from succession.store import SQLiteStore
from test_fuse import Article

ORG = "Vereinigte Musterbank"
DB_COMMANDS = ("timeline", "who", "where", "people", "search", "sources", "export")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "bank.db"
    a = (Article("bank-1", "2031-06-02", "s1", lang="de")
         .event("appointed", "Henrike Albrechtsen-Wolkenstein", "CEO", "Vereinigten Musterbank", "2031-06-01",
                sentence="Die Vereinigten Musterbank beruft Henrike Albrechtsen-Wolkenstein zur Vorstandschefin.")
         .fact("Bertold Quaas", "CFO", "Vereinigten Musterbank", sentence="Finanzvorstand Bertold Quaas sagte.")
         .entity("Henrike Albrechtsen-Wolkenstein", "person", "Albrechtsen-Wolkenstein")
         .entity("Vereinigten Musterbank", "org", "Musterbank"))
    b = (Article("bank-2", "2031-09-15", "s2")
         .event("departed", "Henrike Albrechtsen-Wolkenstein", "CEO", ORG, "2031-09-14",
                sentence="Vereinigte Musterbank CEO Henrike Albrechtsen-Wolkenstein quit on Sunday.")
         .entity(ORG, "org"))
    with SQLiteStore(path) as store:
        store.add_analyses([a.build(), b.build()])
    return path


def run(*args: str, columns: int = 80) -> object:
    return CliRunner(env={"COLUMNS": str(columns)}).invoke(app, list(args))


def test_tables_fit_80_columns_and_dates_and_ids_never_wrap(db: Path) -> None:
    for args in (["timeline"], ["who", "--org", ORG, "--role", "CEO", "--on", "2031-07-01"],
                 ["where", "--person", "Bertold Quaas", "--on", "2031-07-01"], ["people"]):
        result = run(*args, "--db", str(db))
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert lines and max(len(line) for line in lines) <= 80, "\n".join(lines)
        full = run(*args, "--db", str(db), "--format", "csv").stdout
        for token in set(re.findall(r"\d{4}-\d{2}-\d{2}", full)):  # every date whole on one line
            assert token in result.stdout, token
        for token in set(re.findall(r"\bt-[0-9a-f]{16}\b", full)):  # ids whole, or not shown at all
            assert token in result.stdout or "t-" not in result.stdout
    timeline = run("timeline", "--db", str(db)).stdout
    assert "2031-06-01" in timeline and "2031-09-14" in timeline


def test_narrow_terminals_drop_then_stack_columns(capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    cols = (Column("holder", keep=3), Column("from", wrap=False, keep=3), Column("id", wrap=False, keep=2),
            Column("notes", keep=1, min_width=30))
    rows = (("Henrike Albrechtsen-Wolkenstein", "2031-06-01", "t-0123456789abcdef", "start reported"),)
    monkeypatch.setenv("COLUMNS", "60")
    emit([Listing("Tenures", cols, rows)], OutFormat.table)
    out = capsys.readouterr().out
    assert "t-0123456789abcdef" in out and "notes not shown" in out
    monkeypatch.setenv("COLUMNS", "20")
    emit([Listing("Tenures", cols, rows)], OutFormat.table)
    out = capsys.readouterr().out
    assert "  from: 2031-06-01" in out and "id: t-0123456789abcdef" in out  # stacked, one line each


def test_piped_output_has_one_width(db: Path, tmp_path: Path) -> None:
    widths = set()
    for args in (["timeline"], ["people"], ["who", "--org", ORG, "--role", "CEO", "--on", "2031-07-01"]):
        env = {k: v for k, v in __import__("os").environ.items() if k != "COLUMNS"}
        done = subprocess.run([sys.executable, "-m", "succession", *args, "--db", str(db)], env=env,
                              capture_output=True, text=True, check=True)
        widths.add(max(len(line) for line in done.stdout.splitlines()))
    assert max(widths) <= PIPE_WIDTH  # no terminal: the same console width for every command


@pytest.mark.parametrize("command", DB_COMMANDS[:-1])
def test_every_listing_has_json_and_csv(db: Path, command: str) -> None:
    args = {"who": ["--org", ORG, "--role", "CEO", "--on", "2031-07-01"],
            "where": ["--person", "Bertold Quaas", "--on", "2031-07-01"], "search": ["Musterbank"],
            "sources": [query.timeline(SQLiteStore(db)).tenures[0].id]}.get(command, [])
    as_json = run(command, *args, "--db", str(db), "--format", "json")
    assert as_json.exit_code == 0, as_json.output
    json.loads(as_json.stdout)
    as_csv = run(command, *args, "--db", str(db), "--format", "csv")
    assert as_csv.exit_code == 0 and "," in as_csv.stdout.splitlines()[0]


def test_every_help_has_an_example() -> None:
    for command in ("extract", "ingest", *DB_COMMANDS, "explain", "serve"):
        result = run(command, "--help", columns=200)
        assert result.exit_code == 0 and re.search(r"Example: .*succession " + command, result.stdout), command


def test_verbose_after_the_command_python_m_and_completion(db: Path) -> None:
    assert run("people", "--db", str(db), "-v").exit_code == 0
    assert run("people", "-vv", "--db", str(db)).exit_code == 0
    done = subprocess.run([sys.executable, "-m", "succession", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "Usage: succession" in done.stdout
    assert "--install-completion" in run("--help", columns=200).stdout


def test_plurals() -> None:
    assert (plural(1, "tenure"), plural(2, "tenure"), plural(0, "person", "people")) == \
        ("1 tenure", "2 tenures", "0 people")


def test_names_as_users_type_them(db: Path) -> None:
    with SQLiteStore(db) as store:
        # nominative for the stored inflected form, the role word in German, an alias
        assert query.who(store, "Vereinigte Musterbank", "Vorstandschef", "2031-07-01") == \
            ["Henrike Albrechtsen-Wolkenstein"]
        assert query.who(store, "Musterbank", "chief executive", "2031-07-01") == ["Henrike Albrechtsen-Wolkenstein"]
        assert query.canonical_role("Finanzvorständin") == "CFO"
        assert "Vereinigten Musterbank" in query.why_none(store, org="Vereinigte Muster Bank AG", role="CEO")
    empty = run("who", "--org", "Vereinigte Muster", "--role", "CFO", "--on", "2031-12-01", "--db", str(db))
    assert empty.exit_code == 0 and "nearest" in empty.stderr or "reported" in empty.stderr


def test_open_ends_are_not_current(db: Path) -> None:
    out = run("where", "--person", "Bertold Quaas", "--on", "2031-07-01", "--db", str(db), "--format", "csv").stdout
    assert "no end reported (last seen 2031-06-02)" in out and "current" not in out
