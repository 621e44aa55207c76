"""`succession explain`: the spellings merged into one entity, from the demo corpus (fictional)."""
from __future__ import annotations

from typer.testing import CliRunner

from succession.cli import app

from conftest import DEMO_ARTICLES


def test_explain_lists_the_damaged_spelling_with_the_original() -> None:
    result = CliRunner().invoke(app, ["explain", "Ilse Randegger", str(DEMO_ARTICLES)])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "Ilse Randegger" in out
    assert "Elsa Randegger" in out  # the machine translation's spelling, merged by similarity and context


def test_explain_unknown_name_exits_1() -> None:
    result = CliRunner().invoke(app, ["explain", "Nobody Anywhere", str(DEMO_ARTICLES)])
    assert result.exit_code == 1
    assert "no entity" in result.output
