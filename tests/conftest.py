"""Shared fixtures: where the repository, the demo corpus and ../shared are, and one demo run per session.

../shared (real articles, gold answers, the scorer) is not part of the repository. Tests that read it
skip with a clear reason when it is absent, except in CI (``CI=true``), where its absence is a failure:
CI always has it beside the clone, so a skip there would hide a broken set-up.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from succession.api import CorpusRun

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "demo"
DEMO_ARTICLES = DEMO / "articles"
DEMO_GOLD = DEMO / "gold.jsonl"
SHARED = REPO.parent / "shared"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def require_shared(*parts: str) -> Path:
    """The path ``../shared/<parts>``; skip the test when it is absent (fail instead in CI)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        reason = f"{path} is not present (../shared holds the real articles, gold answers and scorer)"
        if in_ci():
            pytest.fail(f"{reason}; CI must run with ../shared beside the clone", pytrace=False)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared itself (skip without it; fail in CI)."""
    return require_shared()


@pytest.fixture(scope="session")
def demo_run() -> CorpusRun:
    """The library run over the demo corpus, once per session (the language models load once)."""
    from succession.api import analyse_paths  # imported here: a conftest import error would break every test

    return analyse_paths([DEMO_ARTICLES])
