"""The web page as an analyst uses it, in headless Chromium on the fictional demo corpus: evidence that
scrolls to its sentence and steps through every source, a URL for every view (back button included),
a chart that pans and zooms and marks the day asked about, tables that filter, sort, page and download,
and a "latest changes" view. Screenshots go to pytest's tmp folder."""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from test_web_browser import _serve, _store_from, browser, page  # noqa: F401  (fixtures)

ORG = "Grauwald Feinmechanik"


@pytest.fixture(scope="module")
def demo_db(demo_run: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _store_from(list(demo_run.analyses), tmp_path_factory.mktemp("webviews") / "demo.db")


def _domain(pg: Any) -> tuple[str, str]:
    box = pg.locator(".chart-scroll")
    return box.get_attribute("data-lo"), box.get_attribute("data-hi")


def _until(pg: Any, check: Any, timeout_ms: int = 5000) -> bool:
    """Whether ``check()`` holds within the timeout: the chart redraws on the next animation frame after
    an input event, which a busy machine may take a while to reach."""
    for _ in range(timeout_ms // 50):
        if check():
            return True
        pg.wait_for_timeout(50)
    return bool(check())


def _span_days(pg: Any) -> int:
    import datetime as dt
    lo, hi = (dt.date.fromisoformat(v) for v in _domain(pg))
    return (hi - lo).days


def test_evidence_url_steps_and_scroll(page: Any, demo_db: Path, tmp_path: Path) -> None:  # noqa: F811
    with _serve(demo_db) as base, httpx.Client(base_url=base) as api:
        tenures = api.get("/tenures", params={"org": ORG, "limit": 500}).json()["items"]
        multi = max(tenures, key=lambda t: (len(t["sources"]), t["id"]))
        assert len(multi["sources"]) > 1
        page.goto(f"{base}/#/org/{quote(ORG, safe='')}")
        page.locator(f'.bar[data-tenure-id="{multi["id"]}"]').click()
        page.locator("#evidence mark.hl-selected").first.wait_for(state="visible")
        assert page.url.endswith("/sel/" + multi["id"])
        # the highlighted sentence is scrolled into the article's view
        page.wait_for_function("""() => { const m = document.querySelector('#evidence mark.hl-selected');
            const s = document.querySelector('#evidence .article-scroll'); if (!m || !s) return false;
            const a = m.getBoundingClientRect(), b = s.getBoundingClientRect();
            return a.top >= b.top - 1 && a.top <= b.bottom && a.bottom <= window.innerHeight; }""")
        first = page.locator("#evidence .source.active .sentence").text_content()
        page.click("#evidence .evidence-next")
        page.wait_for_function("() => document.querySelector('#evidence .evidence-position').textContent.startsWith('2 of')")
        assert page.locator("#evidence .source.active .sentence").text_content() != first
        page.click("#evidence .evidence-prev")
        page.wait_for_function("() => document.querySelector('#evidence .evidence-position').textContent.startsWith('1 of')")
        page.screenshot(path=str(tmp_path / "evidence.png"))
        page.go_back()  # closes the evidence, stays on the organisation
        page.wait_for_function("() => document.getElementById('evidence').hidden")
        assert "/sel/" not in page.url and page.locator("h1").inner_text() == ORG
        page.go_forward()
        page.locator("#evidence mark.hl-selected").first.wait_for(state="visible")
        # a shared URL opens the same record
        page.goto(f"{base}/#/")
        page.goto(f"{base}/#/org/{quote(ORG, safe='')}/sel/{multi['id']}")
        page.locator("#evidence mark.hl-selected").first.wait_for(state="visible")
        assert multi["holder"] in page.locator("#evidence h2").inner_text()
        page.click("#evidence h2 a[href^='#/person/']")  # the holder's name leads to their career
        page.locator("svg.chart .bar").first.wait_for()
        assert page.locator("h1").inner_text() == multi["holder"]
    assert not page.errors and not page.dialogs


def test_chart_pans_zooms_and_marks_the_day(page: Any, demo_db: Path, tmp_path: Path) -> None:  # noqa: F811
    with _serve(demo_db) as base:
        page.goto(f"{base}/#/org/{quote(ORG, safe='')}")
        page.locator("svg.chart .bar").first.wait_for()
        wide = _span_days(page)
        box = page.locator(".chart-scroll").bounding_box()
        page.mouse.move(box["x"] + box["width"] * 0.8, box["y"] + 12)
        page.keyboard.down("Control")
        page.mouse.wheel(0, -200)
        page.keyboard.up("Control")
        assert _until(page, lambda: _span_days(page) < wide)  # zoomed around the cursor
        before = _domain(page)
        page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + 10)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + 10, steps=4)
        page.mouse.up()
        assert _until(page, lambda: _domain(page)[0] > before[0])  # dragged left: later dates come into view
        page.locator(".chart-scroll").focus()
        span = _span_days(page)
        page.keyboard.press("+")
        assert _until(page, lambda: _span_days(page) < span)
        page.keyboard.press("0")
        assert _until(page, lambda: _span_days(page) == wide)
        for _ in range(2):  # a machine busy enough may deliver the double click as two single ones
            page.locator(".bar").first.dblclick()
            if _until(page, lambda: _span_days(page) < wide):
                break
        assert _span_days(page) < wide  # zoomed to one tenure
        page.fill(".who-form input[name=role]", "Vorstandschef")
        page.fill(".who-form input[name=on]", "2025-06-01")
        page.click(".who-form button[type=submit]")
        page.wait_for_function("() => document.querySelector('.who-answer').textContent.includes('Ilse Randegger')")
        assert page.locator("svg.chart .asked-day").count() == 1
        page.screenshot(path=str(tmp_path / "chart.png"))
    assert not page.errors


def test_tables_filter_sort_page_download_and_latest(page: Any, demo_db: Path, tmp_path: Path) -> None:  # noqa: F811
    with _serve(demo_db) as base, httpx.Client(base_url=base) as api:
        total_orgs = api.get("/entities", params={"kind": "org"}).json()["total"]
        page.goto(f"{base}/#/")
        page.locator(".entities li").first.wait_for()
        assert f"of {total_orgs}" in page.locator(".paged-list .table-info").first.inner_text()  # nothing hidden
        page.goto(f"{base}/#/latest")
        page.locator("table.data tbody tr").first.wait_for()
        reported = [c for c in page.locator("table.data tbody tr td:last-child").all_inner_texts() if c]
        assert reported == sorted(reported, reverse=True)
        events = api.get("/events", params={"limit": 500}).json()["total"]
        assert f"of {events}" in page.locator("table.data").locator("xpath=..").locator(".table-info").inner_text()
        page.goto(f"{base}/#/org/{quote(ORG, safe='')}")
        wrap = page.locator(".table-wrap").first
        wrap.locator("tbody tr").first.wait_for()
        rows = wrap.locator("tbody tr").count()
        wrap.locator(".table-filter").fill("Randegger")
        assert 0 < wrap.locator("tbody tr").count() < rows
        header = wrap.locator("th").first
        header.click()
        assert header.get_attribute("aria-sort") == "ascending"
        with page.expect_download() as info:
            wrap.locator("button.csv").click()
        text = Path(info.value.path()).read_text(encoding="utf-8")
        assert text.startswith("holder,role,from,until") and "Randegger" in text
        page.screenshot(path=str(tmp_path / "tables.png"))
    assert not page.errors
