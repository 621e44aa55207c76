"""Stories grow across ingests: articles added later join the stories already in the store, whose ids stay
put (demo corpus: one fictional report in English, German and a damaged translation)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from succession.cli import app

from conftest import DEMO_ARTICLES


def _stories(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT id, story FROM documents"))


def test_later_versions_join_the_story_of_the_first(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(DEMO_ARTICLES / "01_grauwald-ceo-steps-down-en.txt"),
                                str(DEMO_ARTICLES / "06_fenwick-rovers-manager-sacked.txt"), "--db", str(db), "-q"])
    assert first.exit_code == 0, first.output
    before = _stories(db)
    second = runner.invoke(app, ["ingest", str(DEMO_ARTICLES / "02_grauwald-vorstandschef-de.txt"),
                                 str(DEMO_ARTICLES / "03_grauwald-ceo-mt-en.txt"), "--db", str(db), "-q"])
    assert second.exit_code == 0, second.output
    after = _stories(db)
    original = after["01_grauwald-ceo-steps-down-en.txt"]
    assert original == before["01_grauwald-ceo-steps-down-en.txt"]  # the id did not move
    assert after["02_grauwald-vorstandschef-de.txt"] == original
    assert after["03_grauwald-ceo-mt-en.txt"] == original
    assert after["06_fenwick-rovers-manager-sacked.txt"] != original
