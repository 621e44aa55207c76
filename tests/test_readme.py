"""The README's commands run as written on the demo corpus and give the answers it promises (after '# →'),
and the demo's answers are right: one CEO a day, none missing, no change asserted beside its denial."""
from __future__ import annotations

import datetime as dt
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from succession.timeline import query
from succession.cli import app
from succession.timeline.fuse import ASSERTED, RETRACTED
from succession.store import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
COMMAND = re.compile(r"^(?:\w+=\S+ )*\.venv/bin/succession (?P<args>.+?)(?:\s+#\s*(?P<note>.*))?$")


def readme_commands() -> list[tuple[list[str], str | None]]:
    """Every `.venv/bin/succession …` line of the README's bash blocks, with its promised answer; but `serve`
    (a server) and `watch`/`feeds`, whose example feeds are on the network (tests/test_watch*.py run them
    against a news site on loopback)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    out = []
    for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            m = COMMAND.match(line.strip())
            if m and not m["args"].startswith(("serve", "watch", "feeds")):
                note = m["note"] or ""
                out.append((shlex.split(m["args"]), note.split("→", 1)[1].strip() if "→" in note else None))
    return out


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("readme") / "demo.db"
    result = CliRunner().invoke(app, ["ingest", str(ROOT / "demo" / "articles"), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


def test_the_readme_has_the_commands() -> None:
    names = {args[0] for args, _ in readme_commands()}
    assert {"extract", "ingest", "timeline", "who", "where", "people", "search", "export", "explain"} <= names


@pytest.mark.parametrize(("args", "answer"), readme_commands(), ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_readme_command_runs_and_answers(args: list[str], answer: str | None, demo_db: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    args = [str(demo_db) if a == "demo.db" else a for a in args]
    if args[0] == "ingest":
        args.append("-q")
    result = CliRunner(env={"COLUMNS": "250"}).invoke(app, args)
    assert result.exit_code == 0, result.output
    if answer:
        assert answer in result.stdout, result.stdout[-2000:]


def _seat_holders(store: SQLiteStore, org: str, day: dt.date) -> list[str]:
    return query.who(store, org, "CEO", day)


@pytest.mark.parametrize("org", ["Grauwald Feinmechanik", "Felsquell Energie"])
def test_one_ceo_every_day(demo_db: Path, org: str) -> None:
    """From the first to the last article of each story, exactly one CEO (interim ones included) a day."""
    first, last = {"Grauwald Feinmechanik": ("2025-03-13", "2025-07-31"),
                   "Felsquell Energie": ("2025-05-06", "2025-06-30")}[org]
    with SQLiteStore(demo_db) as store:
        day = dt.date.fromisoformat(first)
        while day <= dt.date.fromisoformat(last):
            assert len(_seat_holders(store, org, day)) == 1, (day, _seat_holders(store, org, day))
            day += dt.timedelta(days=1)


def test_no_change_stands_beside_its_denial(demo_db: Path) -> None:
    with SQLiteStore(demo_db) as store:
        events = store.timeline().events
    denied = {(e.holder, e.org, e.type) for e in events if e.modality.value == "negated"}
    assert denied
    assert not [e for e in events if e.status == ASSERTED and (e.holder, e.org, e.type) in denied]
    assert all(e.status != RETRACTED for e in events)  # nothing in the demo is denied after it was reported
