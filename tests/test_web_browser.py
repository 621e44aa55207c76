"""The browsing page in real headless Chromium (Debian's ``chromium``, driven by Playwright for Python).

- On a store of ../shared/seeds: open the organisation with the most tenures, click the bar of the CEO
  with the most supporting articles, and see the supporting sentence highlighted in the article.
- Markup in articles, names, titles and links (``<script>``, ``onerror=``, ``javascript:``) is shown as
  text: no dialog opens, no element is created from it.
- On the fictional demo corpus: the screenshot for docs/web.md (written to docs/screenshot.png only when
  ``SUCCESSION_UPDATE_SCREENSHOT=1``).

Without Chromium or Playwright the tests skip, except in CI (``CI=true``), where they fail.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from conftest import REPO, in_ci, require_shared
from succession.models import Analysis, DateValue, Document, Event, EventType, MentionKind, Modality, Span
from succession.store import SQLiteStore
from succession.web import Settings, create_app, serve_in_thread

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOKEN = "browser-test-token"
SCREENSHOT_ENV = "SUCCESSION_UPDATE_SCREENSHOT"


def _unavailable(reason: str) -> None:
    if in_ci():
        pytest.fail(f"{reason}; CI must install it (apt-get install -y chromium; pip install playwright)",
                    pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium under Playwright (never Playwright's own browser download)."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is not installed (apt-get install -y chromium chromium-driver)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install playwright; no `playwright install` needed)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    """A page that records dialogs (and dismisses them) and script errors."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.dialogs, pg.errors = [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.set_default_timeout(15_000)
    yield pg
    context.close()


def _serve(db: Path, token: str | None = None) -> Any:
    return serve_in_thread(create_app(Settings(db, token=token)))


def _store_from(analyses: list[Analysis], path: Path) -> Path:
    with SQLiteStore(path) as store:
        store.add_analyses(analyses)
        store.ensure_fused()
    return path


def _click_and_read_evidence(pg: Any, base: str, org: str, tenure: dict[str, Any]) -> str:
    """Open the organisation's page, click the tenure's bar; the highlighted text in the evidence panel."""
    pg.goto(f"{base}/#/org/{quote(org, safe='')}")
    bar = pg.locator(f'.bar[data-tenure-id="{tenure["id"]}"]')
    assert (bar.get_attribute("data-holder"), bar.get_attribute("data-seat")) == (tenure["holder"], tenure["seat"])
    bar.click()
    mark = pg.locator("#evidence mark.hl-selected")
    mark.first.wait_for(state="visible")
    assert pg.locator("#evidence").is_visible()
    return "".join(mark.all_text_contents())


# ------------------------------------------------------------------------------------------- seeds

@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = require_shared("seeds")
    from succession.api import analyse_paths

    run = analyse_paths([seeds])
    return _store_from(list(run.analyses), tmp_path_factory.mktemp("seeds") / "seeds.db")


def test_click_a_ceo_bar_shows_the_supporting_sentence(page: Any, seeds_db: Path, tmp_path: Path) -> None:
    with _serve(seeds_db) as base, httpx.Client(base_url=base) as api:
        org = api.get("/entities", params={"kind": "org", "limit": 1}).json()["items"][0]["name"]
        ceos = [t for t in api.get("/tenures", params={"org": org, "role": "CEO", "limit": 500}).json()["items"]
                if t["sources"]]
        assert ceos, f"no CEO tenure with sources at {org}"
        tenure = max(ceos, key=lambda t: (len({s["doc_id"] for s in t["sources"]}), t["id"]))
        highlighted = _click_and_read_evidence(page, base, org, tenure)
        first = api.get(f"/sources/{tenure['id']}").json()[0]
        article = api.get(f"/documents/{first['doc_id']}").json()["text"]
        page.screenshot(path=str(tmp_path / "seeds-org.png"))
    assert highlighted and highlighted in first["text"]  # part of the supporting sentence ...
    assert article[first["start"]:first["end"]] == first["text"] and highlighted in article  # ... of that article
    assert page.locator("#evidence .source.active .sentence").text_content() == first["text"]
    assert not page.dialogs and not page.errors


def test_the_views_render_without_errors(page: Any, seeds_db: Path) -> None:
    with _serve(seeds_db) as base, httpx.Client(base_url=base) as api:
        person = api.get("/entities", params={"kind": "person", "limit": 1}).json()["items"][0]["name"]
        story = api.get("/stories", params={"limit": 1}).json()["items"][0]
        page.goto(f"{base}/#/")
        page.locator(".entities li").first.wait_for()
        page.goto(f"{base}/#/person/{quote(person, safe='')}")
        page.locator("svg.chart .bar").first.wait_for()
        page.goto(f"{base}/#/story/{quote(story['id'], safe='')}")
        page.locator(".version").first.wait_for()
        assert page.locator(".version").count() == len(story["documents"])
        page.fill("#search-input", person.split()[-1])
        page.press("#search-input", "Enter")
        page.locator(".hits li, .entities li").first.wait_for()
    assert not page.dialogs and not page.errors


def test_a_persons_quote_opens_its_article_with_the_sentence_highlighted(page: Any, seeds_db: Path) -> None:
    with _serve(seeds_db) as base, httpx.Client(base_url=base) as api:
        speakers = [q["speaker"] for q in api.get("/quotes", params={"limit": 500}).json()["items"] if q["speaker"]]
        person = max(set(speakers), key=lambda n: (speakers.count(n), n))
        first = api.get("/quotes", params={"person": person, "limit": 1}).json()["items"][0]
        page.goto(f"{base}/#/person/{quote(person, safe='')}")
        row = page.locator("table.data tr.clickable", has_text=first["quote"]["text"][:40]).first
        row.click()
        mark = page.locator("main mark.hl-selected")
        mark.first.wait_for(state="visible")
        highlighted = "".join(mark.all_text_contents())
    assert first["quote"]["text"] in highlighted  # the quotation, inside the sentence it stands in
    assert page.url.endswith(f"/{first['sentence']['start']}/{first['sentence']['end']}")
    assert not page.dialogs and not page.errors


# ------------------------------------------------------------------------------------- escaping

NASTY = '<img src=x onerror="window.__pwned=1;alert(1)">'


def _nasty_analysis() -> Analysis:
    """A stored record whose every field carries markup (as a hostile feed could)."""
    text = (f"<script>window.__pwned=2;alert(2)</script> Dunmere Gazette\n\n"
            f"Dunmere Ferries appointed {NASTY} as chief executive on 3 May 2032.")
    sentence = text.split("\n\n")[1]
    start = text.index(sentence)
    org = "Dunmere <b onmouseover=alert(3)>Ferries</b>"
    event = Event("nasty-1", EventType.APPOINTED, NASTY, MentionKind.PERSON, "CEO <script>alert(4)</script>", org,
                  DateValue("2032-05-03"), Modality.ASSERTED, Span(start, start + len(sentence), sentence))
    doc = Document("nasty-1", text, "<script>alert(5)</script>Dunmere title", "javascript:alert(6)", "2032-05-04", "en",
                   "fixture/nasty.txt")
    return Analysis(doc, "en", DateValue("2032-05-04"), "given", events=(event,), story="s-nasty")


def _assert_nothing_ran(pg: Any) -> None:
    assert pg.evaluate("window.__pwned") is None
    assert pg.evaluate("document.images.length") == 0
    assert pg.locator("main script, #evidence script, main b, #evidence b").count() == 0
    assert not pg.dialogs and not pg.errors


def test_markup_in_data_is_shown_as_text(page: Any, tmp_path: Path) -> None:
    db = _store_from([_nasty_analysis()], tmp_path / "nasty.db")
    with _serve(db, TOKEN) as base, httpx.Client(base_url=base, timeout=120) as api:
        posted = {"id": "posted-1", "title": "<script>window.__pwned=3</script>Posted",
                  "text": "<script>alert('x')</script>\n\nTorvald Lind joined Dunmere Ferries as chief executive. "
                          f"{NASTY} <b>bold?</b>"}
        assert api.post("/articles", json=posted, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        page.goto(f"{base}/#/doc/posted-1")
        page.locator(".article-text").wait_for()
        shown = page.locator(".article-text").inner_text()
        assert "<script>alert('x')</script>" in shown and NASTY in shown and "<b>bold?</b>" in shown
        assert "<script>window.__pwned=3</script>Posted" in page.locator("h1").inner_text()
        _assert_nothing_ran(page)

        org = _nasty_analysis().events[0].org
        tenure = api.get("/tenures", params={"org": org}).json()["items"][0]
        highlighted = _click_and_read_evidence(page, base, org, tenure)
        assert NASTY in highlighted and page.locator("h1").inner_text() == org
        assert page.locator("#evidence a[href^='javascript']").count() == 0  # the javascript: URL is no link
        page.goto(f"{base}/#/doc/nasty-1")
        page.locator(".article-text").wait_for()
        assert "<script>window.__pwned=2;alert(2)</script>" in page.locator(".article-text").inner_text()
        assert page.locator("a[href^='javascript']").count() == 0
        _assert_nothing_ran(page)


# --------------------------------------------------------------------------------- demo screenshot

def test_demo_screenshot(page: Any, demo_run: Any, tmp_path: Path) -> None:
    """The organisation of the fictional demo corpus with the most markers, a CEO bar clicked."""
    db = _store_from(list(demo_run.analyses), tmp_path / "demo.db")
    with _serve(db) as base, httpx.Client(base_url=base) as api:
        orgs = [o["name"] for o in api.get("/entities", params={"kind": "org", "limit": 20}).json()["items"]]

        def score(org: str) -> tuple[int, int]:
            markers = api.get("/events", params={"org": org, "status": "marker"}).json()["total"]
            ceos = api.get("/tenures", params={"org": org, "role": "CEO"}).json()["total"]
            return (min(ceos, 2) + min(markers, 3), markers)

        org = max(orgs, key=score)
        ceos = [t for t in api.get("/tenures", params={"org": org, "role": "CEO"}).json()["items"] if t["sources"]]
        assert ceos
        _click_and_read_evidence(page, base, org, max(ceos, key=lambda t: (len(t["sources"]), t["id"])))
        shot = tmp_path / "screenshot.png"
        page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000 and not page.errors
    if os.environ.get(SCREENSHOT_ENV) == "1":
        shutil.copyfile(shot, REPO / "docs" / "screenshot.png")
