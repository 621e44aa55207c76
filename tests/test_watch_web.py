"""The page's Changes view: the followed feeds with their health, and the changes that arrived since the
last visit marked new (in Chromium, as tests/test_web_browser.py runs it). Fictional records."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import httpx

from succession.alerts.changes import detect
from succession.models import Analysis, DateValue, Document, Event, EventType, MentionKind, Modality, Span
from succession.sources import state
from succession.store import SQLiteStore
from test_web_browser import _serve, browser, page  # noqa: F401  (the browser fixtures)


def _appointment(doc_id: str, person: str, org: str, day: str) -> Analysis:
    text = f"{org} appointed {person} as chief executive on {day}."
    event = Event(doc_id, EventType.APPOINTED, person, MentionKind.PERSON, "CEO", org, DateValue(day),
                  Modality.ASSERTED, Span(0, len(text), text))
    doc = Document(doc_id, text, None, f"http://127.0.0.1:9/{doc_id}", day, "en", doc_id)
    return Analysis(doc, "en", DateValue(day), "given", events=(event,), story=f"s-{doc_id}")


def test_changes_view_marks_what_is_new_and_shows_feed_health(page: Any, tmp_path: Path) -> None:  # noqa: F811
    db = tmp_path / "changes.db"
    with SQLiteStore(db) as store:
        store.add_analyses([_appointment("a1", "Mira Stenvik", "Velmar Holding", "2031-05-02")])
        detect(store)
        state.register_feeds(store, ["http://127.0.0.1:9/good.xml", "http://127.0.0.1:9/dead.xml"])
        state.record_ok(store, "http://127.0.0.1:9/good.xml", status="ok", next_due="2031-05-02T10:00:00+00:00",
                        title="Velmar wire", entries=1, articles=1)
        state.record_error(store, "http://127.0.0.1:9/dead.xml", "HTTP 404", every=900,
                           now=dt.datetime.now(dt.timezone.utc))
    with _serve(db) as base:
        page.goto(f"{base}/#/changes")
        page.locator(".changes .change").first.wait_for()
        first = page.locator(".changes .change.new").count()
        assert first == page.locator(".changes .change").count() >= 1  # a first visit: everything is new
        rows = page.locator("table.data tbody tr").all_text_contents()
        assert any("Velmar wire" in r and "ok" in r for r in rows)
        assert any("dead.xml" in r and "failing" in r and "HTTP 404" in r for r in rows)
        page.reload()
        page.locator(".changes .change").first.wait_for()
        assert page.locator(".changes .change.new").count() == 0  # seen
        with SQLiteStore(db) as store:  # something happens while the reader is away
            store.add_analyses([_appointment("a2", "Jonas Tovlin", "Brandtal Werke", "2031-06-01")])
        with httpx.Client(base_url=base) as api:
            assert api.get("/changes", params={"after": 0}).json()["last_seq"] > first
        page.goto(f"{base}/#/")
        page.goto(f"{base}/#/changes")
        page.locator(".changes .change.new").first.wait_for()
        fresh = page.locator(".changes .change.new").all_text_contents()
        assert fresh and all("Jonas Tovlin" in t for t in fresh)
        assert "new since your last visit" in page.locator("main").text_content()
    assert not page.dialogs and not page.errors


def test_a_view_still_loading_when_the_reader_moves_on_does_not_replace_the_next(page: Any, tmp_path: Path
                                                                                 ) -> None:  # noqa: F811
    """The overview's listings are held back until the changes view is shown; when they come back late,
    the overview must not be drawn over the view the reader is on."""
    db = tmp_path / "race.db"
    with SQLiteStore(db) as store:
        store.add_analyses([_appointment("r1", "Mira Stenvik", "Velmar Holding", "2031-05-02")])
        detect(store)
    held: list[Any] = []
    with _serve(db) as base:
        page.goto(f"{base}/#/changes")
        page.locator(".changes .change").first.wait_for()
        page.route("**/entities*", lambda route: held.append(route))  # the overview's requests wait here
        page.goto(f"{base}/#/")
        for _ in range(100):  # until the overview has asked (the handlers run while playwright waits)
            if held:
                break
            page.wait_for_timeout(50)
        page.goto(f"{base}/#/changes")
        page.locator(".changes .change").first.wait_for()
        assert held, "the overview asked for its listings"
        for route in held:
            route.continue_()
        page.wait_for_timeout(500)  # time for the late overview to (wrongly) draw itself
        assert page.locator(".changes .change").count() >= 1
        assert page.locator("h1").first.text_content() == "Changes"
