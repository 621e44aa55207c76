"""What the watch layer adds to the server: the changes of the timeline (``GET /changes.atom`` for feed
readers, ``GET /changes`` for the page) and the followed feeds with their health (``GET /feeds``).

Serving changes also announces: changes that arrived through ``POST /articles`` or an ``ingest`` since
the last look are detected and recorded first (:func:`succession.alerts.changes.detect`)."""
from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from ..alerts.atom import ATOM_TYPE, atom_feed
from ..alerts.changes import Change, detect, recent
from ..sources.state import feed_states

__all__ = ["ChangeOut", "ChangesOut", "FeedOut", "add_change_routes"]

MAX_ENTRIES = 200
OrgQ = Annotated[str | None, Query(min_length=1, max_length=200, description="Only this organisation (any known variant).")]
LimitQ = Annotated[int, Query(ge=1, le=MAX_ENTRIES, description="Newest changes returned.")]


class ChangeOut(BaseModel):
    seq: int = Field(description="Order of detection; ask ``after`` the last one you saw.")
    key: str
    change: str = Field(description="event.new | rumour.confirmed | rumour.denied | tenure.started | tenure.ended")
    summary: str
    person: str
    organisation: str | None
    role: str | None
    date: str | None
    evidence: str
    article_url: str | None
    document: str
    detected_at: str


class ChangesOut(BaseModel):
    items: list[ChangeOut]
    last_seq: int = Field(description="The newest change in the store (0 when there is none).")


class FeedOut(BaseModel):
    url: str
    title: str | None
    health: str = Field(description="new | ok | failing | dead")
    last_fetch: str | None
    last_status: str | None
    last_error: str | None
    consecutive_errors: int
    next_due: str | None
    entries: int
    articles: int


def _changes(request: Request, org: str | None, limit: int, after: int = 0) -> tuple[list[Change], int, str | None]:
    app = request.app
    with app.state.pool.borrow() as store:
        with app.state.write_lock:  # recording new changes writes; one writer at a time
            detect(store)
        org_key = store.resolve(org) if org else None
        last = int(store.rows("SELECT coalesce(max(seq), 0) FROM changes")[0][0])
        return recent(store, org_key=org_key, limit=limit, after=after), last, org_key


def changes_atom(request: Request, org: OrgQ = None, limit: LimitQ = 50) -> Response:
    """Changes of the timeline (new events, tenures started or ended, rumours confirmed or denied) as Atom."""
    changes, _last, org_key = _changes(request, org, limit)
    title = "succession: leadership changes" + (f" at {org}" if org else "")
    feed_id = "urn:succession:changes" + (f":{org_key}" if org_key else "")
    body = atom_feed(changes, self_url=str(request.url), title=title, feed_id=feed_id)
    return Response(body, media_type=ATOM_TYPE, headers={"Cache-Control": "no-cache"})


def list_changes(request: Request, org: OrgQ = None, limit: LimitQ = 50,
                 after: Annotated[int, Query(ge=0, le=2**62, description="Only changes after this seq.")] = 0
                 ) -> ChangesOut:
    """Changes of the timeline, newest first."""
    changes, last, _key = _changes(request, org, limit, after)
    items = [ChangeOut(seq=c.seq, key=c.key, change=c.kind, summary=c.summary, person=c.person,
                       organisation=c.organisation, role=c.role, date=c.date, evidence=c.evidence,
                       article_url=c.article_url, document=c.document, detected_at=c.detected_at)
             for c in reversed(changes)]
    return ChangesOut(items=items, last_seq=last)


def list_feeds(request: Request) -> list[FeedOut]:
    """The feeds followed with ``succession watch`` and their health."""
    with request.app.state.pool.borrow() as store:
        states = feed_states(store)
    return [FeedOut(url=s.url, title=s.title, health=s.health, last_fetch=s.last_fetch, last_status=s.last_status,
                    last_error=s.last_error, consecutive_errors=s.consecutive_errors, next_due=s.next_due or None,
                    entries=s.entries, articles=s.articles) for s in states]


def add_change_routes(app: FastAPI) -> None:
    app.add_api_route("/changes.atom", changes_atom, methods=["GET"], tags=["changes"], response_class=Response,
                      summary="Changes of the timeline as an Atom feed",
                      responses={200: {"content": {"application/atom+xml": {}}, "description": "An Atom feed"}})
    app.add_api_route("/changes", list_changes, methods=["GET"], tags=["changes"], response_model=ChangesOut,
                      summary="Changes of the timeline, newest first")
    app.add_api_route("/feeds", list_feeds, methods=["GET"], tags=["changes"], response_model=list[FeedOut],
                      summary="Followed feeds and their health")
