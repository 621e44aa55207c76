"""Shared fixtures: where the repository, the demo corpus and ../shared are, and one demo run per session.

../shared (real articles, gold answers, the scorer) is not part of the repository. Tests that read it
skip with a clear reason when it is absent, except in CI (``CI=true``), where its absence is a failure:
CI always has it beside the clone, so a skip there would hide a broken set-up.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from succession.api import CorpusRun
    from succession.store import SQLStore

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "demo"
DEMO_ARTICLES = DEMO / "articles"
DEMO_GOLD = DEMO / "gold.jsonl"
SHARED = REPO.parent / "shared"


def events_by_article(articles: dict[str, tuple[str, str]], published: str = "2025-03-14") -> dict[str, list]:
    """The events of fictional articles (id -> (language, text)), analysed one by one (no story linking)."""
    from succession.api import analyse_documents
    from succession.models import Document

    docs = [Document(id=k, text=text, lang=lang, published=published) for k, (lang, text) in articles.items()]
    return {a.document.id: list(a.events) for a in analyse_documents(docs, link=False).analyses}


def rule_changes(text: str, lang: str = "de") -> set[tuple[str, str]]:
    """(holder, kind of change) of every change the rules report in one fictional article."""
    from succession.extract.pipeline import annotate, prepare
    from succession.models import Document

    annotated = annotate(prepare(Document(id="t", text=text, lang=lang, published="2025-03-14")))
    return {(e.holder, e.type.value) for e in annotated.rule_events}


def candidate_changes(text: str, lang: str = "de") -> set[tuple[str, str]]:
    """(holder, kind of change) of every candidate the learned decisions see in one fictional article."""
    from succession.extract.pipeline import annotate, candidates_for, prepare
    from succession.models import Document

    annotated = annotate(prepare(Document(id="t", text=text, lang=lang, published="2025-03-14")))
    return {(c.holder, c.etype.value) for c in candidates_for(annotated)}


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


# ------------------------------------------------------------------------------ store backends

PG_ENV = "SUCCESSION_TEST_PG"  # a PostgreSQL URL the tests may create schemas in (scripts/test.sh sets it)
BACKENDS = ("sqlite", "postgres")
_schemas: list[str] = []


def require_postgres() -> str:
    """The test cluster's URL; skip without one (fail instead in CI, which starts one: scripts/pg.sh)."""
    url = os.environ.get(PG_ENV, "").strip()
    if not url:
        reason = f"{PG_ENV} is not set (scripts/test.sh starts a throwaway PostgreSQL and sets it)"
        if in_ci():
            pytest.fail(f"{reason}; CI must run the PostgreSQL half of the suite", pytrace=False)
        pytest.skip(reason)
    return url


def store_target(backend: str, path: Path | None = None) -> str:
    """Where a new, empty store of ``backend`` lives: a SQLite file (``path``, else ':memory:') or a new
    schema of the test cluster (dropped when the session ends)."""
    if backend == "sqlite":
        return str(path) if path is not None else ":memory:"
    import uuid

    import psycopg

    url = require_postgres()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
        conn.execute(f"CREATE SCHEMA {schema}")
    _schemas.append(schema)
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture(scope="session", autouse=True)
def _drop_test_schemas() -> Iterator[None]:
    yield
    if _schemas:
        import psycopg

        with psycopg.connect(os.environ[PG_ENV], autocommit=True) as conn:
            for schema in _schemas:
                conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Each store, query, export and HTTP test runs once per backend (module scope: one store a module)."""
    if request.param == "postgres":
        require_postgres()
    return str(request.param)


@pytest.fixture
def new_store(backend: str) -> Iterator[Callable[[], SQLStore]]:
    """Opens new, empty stores of the test's backend (closed afterwards)."""
    from succession.store import open_store

    opened: list[SQLStore] = []

    def make() -> SQLStore:
        opened.append(open_store(store_target(backend)))
        return opened[-1]

    yield make
    for s in opened:
        s.close()
