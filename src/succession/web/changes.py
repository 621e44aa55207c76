"""``GET /changes.atom``: the changes of the timeline as an Atom feed, optionally of one organisation.

Serving it also announces: changes that arrived through ``POST /articles`` or an ``ingest`` since the
last look are detected and recorded first (:func:`succession.alerts.changes.detect`)."""
from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import Response

from ..alerts.atom import ATOM_TYPE, atom_feed
from ..alerts.changes import detect, recent

__all__ = ["changes_atom"]

MAX_ENTRIES = 200


def changes_atom(request: Request, org: Annotated[str | None, Query(
        min_length=1, max_length=200, description="Only this organisation (any known variant).")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_ENTRIES, description="Newest entries returned.")] = 50
        ) -> Response:
    """Changes of the timeline (new events, tenures started or ended, rumours confirmed or denied) as Atom."""
    app = request.app
    with app.state.pool.borrow() as store:
        with app.state.write_lock:  # recording new changes writes; one writer at a time
            detect(store)
        org_key = store.resolve(org) if org else None
        changes = recent(store, org_key=org_key, limit=limit)
    title = "succession: leadership changes" + (f" at {org}" if org else "")
    feed_id = "urn:succession:changes" + (f":{org_key}" if org_key else "")
    body = atom_feed(changes, self_url=str(request.url), title=title, feed_id=feed_id)
    return Response(body, media_type=ATOM_TYPE, headers={"Cache-Control": "no-cache"})
