"""The HTTP API's route handlers: parse and check parameters, ask the library, page and serialise.

Handlers are plain functions; :data:`ROUTES` lists them and :func:`succession.web.create_app` registers
them, so importing this module registers nothing. The store comes from the app's connection pool
(``request.app.state.pool``) through the :func:`borrow_store` dependency.
"""
from __future__ import annotations

import datetime as dt
import hmac
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..timeline import query
from ..timeline.fuse import FusedEvent, Tenure
from ..sources.files import SUFFIXES
from ..store import SQLStore
from . import reads
from .articles import BadArticles, Parsed, ingest, parse_json, parse_upload
from .schemas import (
    ArticleIn, DocumentInfoOut, DocumentOut, EntityOut, EventOut, HealthOut, IngestOut, Page, QuoteOut,
    SearchHitOut, SourceOut, StoryOut, StoryVersionsOut, TenureOut, TimelineOut, WhereOut, WhoOut, conflict_out,
    document_info_out, document_out, event_out, page, quote_out, search_hit_out, source_out, tenure_out,
)
from .settings import TOKEN_ENV, Settings

__all__ = ["MAX_PAGE", "ROUTES", "RouteSpec", "borrow_store"]

MAX_PAGE = 500  # the largest page a listing returns
MAX_OFFSET = 10_000_000
MAX_VERSIONS = 50  # documents of one story returned side by side


def borrow_store(request: Request) -> Iterator[SQLStore]:
    """A store connection for the length of one request."""
    with request.app.state.pool.borrow() as store:
        yield store


StoreDep = Annotated[SQLStore, Depends(borrow_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size (at most {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
OrgQ = Annotated[str | None, Query(min_length=1, max_length=200, description="Organisation (any known variant).")]
PersonQ = Annotated[str | None, Query(min_length=1, max_length=200, description="Person (any known variant).")]
DayQ = Annotated[str, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="A day, YYYY-MM-DD.")]
IdPath = Annotated[str, Path(min_length=1, max_length=500)]


def _day(value: str) -> dt.date:
    try:
        return query.parse_day(value)
    except ValueError as exc:
        raise HTTPException(422, f"not a valid day: {exc}") from None


def _not_found(what: str, ident: str) -> HTTPException:
    return HTTPException(404, f"no {what} with id {ident!r}")


# ------------------------------------------------------------------------------------------ reads

def health(request: Request, store: StoreDep) -> dict[str, object]:
    """Whether the server and its store answer, with the store's size."""
    counts = store.counts()
    return {"status": "ok", "documents": counts["documents"], "events": counts["events"],
            "writable": request.app.state.settings.token is not None}


def list_documents(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
                   story: Annotated[str | None, Query(min_length=1, max_length=300)] = None) -> dict[str, object]:
    """Stored articles (metadata only), by id; optionally those of one story."""
    if story is not None:
        docs = sorted(store.documents_info(store.story(story)).values(), key=lambda d: d.id)
        return page([document_info_out(d) for d in docs], limit, offset)
    found = store.documents_info(limit=limit, offset=offset)  # one page read from the store
    return {"items": [document_info_out(d) for d in found.values()], "total": store.document_count(),
            "limit": limit, "offset": offset}


def get_document(doc_id: IdPath, store: StoreDep) -> dict[str, object]:
    """One article: its text (what every offset refers to), events, role facts and entities."""
    analysis = store.analysis(doc_id)
    if analysis is None:
        raise _not_found("document", doc_id)
    return document_out(analysis, store.documents_info([doc_id]))


def get_document_by_query(id: Annotated[str, Query(min_length=1, max_length=500)], store: StoreDep) -> dict[str, object]:  # noqa: A002
    """One article by ``?id=``: works for every id, also ``..`` or ``a/../b``, which a URL path cannot carry."""
    return get_document(id, store)


def list_stories(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
                 min_documents: Annotated[int, Query(ge=1, le=1000)] = 1) -> dict[str, object]:
    """Stories (articles about the same news), the largest first."""
    chunk, total = reads.stories(store, min_documents=min_documents, limit=limit, offset=offset)
    info = store.documents_info(d for _, docs in chunk for d in docs)
    items = [{"id": sid, "documents": [document_info_out(info[d]) for d in docs if d in info]} for sid, docs in chunk]
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def get_story(story_id: IdPath, store: StoreDep,
              limit: Annotated[int, Query(ge=1, le=MAX_VERSIONS)] = 10) -> dict[str, object]:
    """The versions of one story side by side: its articles in full, oldest first."""
    docs = reads.story_documents(store, story_id)
    if not docs:
        raise _not_found("story", story_id)
    info = store.documents_info(docs[:limit])
    analyses = [a for a in (store.analysis(d) for d in docs[:limit]) if a is not None]
    return {"id": story_id, "documents": [document_out(a, info) for a in analyses], "total": len(docs)}


def get_story_by_query(id: Annotated[str, Query(min_length=1, max_length=500)], store: StoreDep,  # noqa: A002
                       limit: Annotated[int, Query(ge=1, le=MAX_VERSIONS)] = 10) -> dict[str, object]:
    """The versions of one story by ``?id=`` (any id, as for ``/document``)."""
    return get_story(id, store, limit)


def list_entities(store: StoreDep, kind: Literal["person", "org"] = "person",
                  q: Annotated[str | None, Query(max_length=200, description="Part of the name.")] = None,
                  limit: Limit = 50, offset: Offset = 0) -> dict[str, object]:
    """People or organisations in the timeline, with name variants; the most tenures first."""
    found, total = reads.entities(store, kind, q, limit=limit, offset=offset)
    return {"items": reads.with_variants(store, found), "total": total, "limit": limit, "offset": offset}


def list_events(store: StoreDep, org: OrgQ = None, person: PersonQ = None,
                status: Literal["asserted", "marker", "superseded", "retracted"] | None = None,
                order: Annotated[Literal["time", "latest"], Query(
                    description="time: when the change happened; latest: the most recently reported first.")] = "time",
                limit: Limit = 50, offset: Offset = 0) -> dict[str, object]:
    """Fused events (changes of position as reported by one or more articles), in time order or latest first."""
    found, total = reads.events(store, org=org, person=person, status=status, latest_first=order == "latest",
                                limit=limit, offset=offset)
    return {"items": [event_out(e) for e in found], "total": total, "limit": limit, "offset": offset}


def get_event(event_id: IdPath, store: StoreDep) -> dict[str, object]:
    """One fused event."""
    record = store.fused_record(event_id)
    if not isinstance(record, FusedEvent):
        raise _not_found("event", event_id)
    return event_out(record)


def list_tenures(store: StoreDep, org: OrgQ = None, person: PersonQ = None,
                 role: Annotated[str | None, Query(min_length=1, max_length=200,
                                                   description="Role; CEO also finds interim CEOs.")] = None,
                 on: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$",
                                                 description="Possibly held on this day (YYYY-MM-DD).")] = None,
                 limit: Limit = 50, offset: Offset = 0) -> dict[str, object]:
    """Tenures: who held which role where, from when to when (either end may be unknown or inferred)."""
    found, total = reads.tenures(store, org=org, person=person, role=role, on=_day(on) if on is not None else None,
                                 limit=limit, offset=offset)
    return {"items": [tenure_out(t) for t in found], "total": total, "limit": limit, "offset": offset}


def get_tenure(tenure_id: IdPath, store: StoreDep) -> dict[str, object]:
    """One tenure."""
    record = store.fused_record(tenure_id)
    if not isinstance(record, Tenure):
        raise _not_found("tenure", tenure_id)
    return tenure_out(record)


def get_sources(record_id: IdPath, store: StoreDep) -> list[dict[str, object]]:
    """The sentences supporting a tenure (t-…), fused event (e-…), stored event (ev-…) or fact (fa-…)."""
    refs = query.sources(store, record_id)
    if not refs:
        raise _not_found("tenure, event or fact", record_id)
    return [source_out(r) for r in refs]


def get_timeline(store: StoreDep, org: OrgQ = None, person: PersonQ = None, limit: Limit = MAX_PAGE,
                 offset: Offset = 0) -> dict[str, object]:
    """Tenures, events and conflicts, about an organisation and/or a person (each list paged alike)."""
    keys = {"org_key": query.match_name(store, org, "org") if org else None,
            "holder_key": query.match_name(store, person, "person") if person else None}
    return {"tenures": [tenure_out(t) for t in store.find_tenures(**keys, limit=limit, offset=offset)],
            "events": [event_out(e) for e in store.find_events(**keys, limit=limit, offset=offset)],
            "conflicts": [conflict_out(c) for c in store.find_conflicts(**keys, limit=limit, offset=offset)],
            "total_tenures": store.count_tenures(**keys), "total_events": store.count_events(**keys),
            "total_conflicts": store.count_conflicts(**keys), "limit": limit, "offset": offset}


def who(store: StoreDep, org: Annotated[str, Query(min_length=1, max_length=200)],
        role: Annotated[str, Query(min_length=1, max_length=200, description="e.g. CEO (finds interim CEOs too).")],
        on: DayQ) -> dict[str, object]:
    """Who held a role at an organisation on a day (definite holders, else possible ones)."""
    day = _day(on)
    found = query.who_tenures(store, org, role, day)
    return {"holders": list(dict.fromkeys(t.holder for t in found)), "tenures": [tenure_out(t) for t in found],
            "why": None if found else query.why_none(store, org=org, role=role, on=day)}


def where(store: StoreDep, person: Annotated[str, Query(min_length=1, max_length=200)], on: DayQ) -> dict[str, object]:
    """Where a person held a role or worked on a day."""
    found = query.where_tenures(store, person, _day(on))
    return {"orgs": list(dict.fromkeys(t.org for t in found)), "tenures": [tenure_out(t) for t in found]}


def list_quotes(store: StoreDep, person: PersonQ = None, org: OrgQ = None, limit: Limit = 50,
                offset: Offset = 0) -> dict[str, object]:
    """Who said what: quotations by a person (any known spelling) and/or by or about an organisation, each
    with its speaker, type, cue and the sentence to highlight in its article (/documents/{doc_id}).

    ``total`` only counts up to one past this page: more than ``offset + limit`` means a next page."""
    found = store.quotes(person=person, org=org, limit=limit + 1, offset=offset)
    return {"items": [quote_out(s.quote, s.id) for s in found[:limit]], "total": offset + len(found),
            "limit": limit, "offset": offset}


def search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find.")],
           limit: Limit = 20, offset: Offset = 0) -> dict[str, object]:
    """Full-text search over article text and event evidence (every word must match; accents ignored).

    Hits are ranked, so ``total`` only counts up to one past this page: more than ``offset + limit`` means
    there is a next page."""
    hits = query.search(store, q, limit=offset + limit + 1)
    return {"items": [search_hit_out(h) for h in hits[offset:offset + limit]], "total": len(hits),
            "limit": limit, "offset": offset}


# ----------------------------------------------------------------------------------------- writes

_bearer = HTTPBearer(auto_error=False, description=f"The token in the server's {TOKEN_ENV} environment variable.")


def require_token(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Writes need ``Authorization: Bearer <SUCCESSION_TOKEN>``; with no token set, writes are off."""
    settings: Settings = request.app.state.settings
    if settings.token is None:
        raise HTTPException(403, f"writes are disabled: start the server with {TOKEN_ENV} set")
    if credentials is None:
        raise HTTPException(401, "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(credentials.credentials.encode(), settings.token.encode()):
        raise HTTPException(403, "wrong bearer token")


async def _parsed(request: Request, settings: Settings) -> Parsed:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        return parse_json(await request.body(), max_articles=settings.max_articles)
    if kind == "multipart/form-data":
        form = await request.form(max_files=1, max_fields=5, max_part_size=settings.max_body)
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise BadArticles(422, "the form has no file: send it in the field 'file'")
        data = await upload.read()
        return await run_in_threadpool(parse_upload, upload.filename, data, max_bytes=settings.max_body)
    raise BadArticles(415, "send application/json (an article or a list) or multipart/form-data (field 'file')")


async def post_articles(request: Request, _auth: Annotated[None, Depends(require_token)]) -> dict[str, object]:
    """Analyse articles and add them to the store (needs the bearer token).

    Send one JSON article (``id``, ``text`` and optional ``title``, ``published``, ``url``, ``lang``), a
    JSON list of them, or a file upload (multipart field ``file``: .txt, .html/.htm or .jsonl). An
    article with the same id replaces the stored one; an unchanged article changes nothing."""
    settings: Settings = request.app.state.settings
    try:
        parsed = await _parsed(request, settings)
    except BadArticles as exc:
        raise HTTPException(exc.status, exc.detail) from None
    report = await run_in_threadpool(ingest, parsed, request.app.state.pool, request.app.state.write_lock)
    rejected = [*parsed.rejected, *report.rejected]
    return {"added": report.added, "replaced": report.replaced, "unchanged": report.unchanged,
            "documents": [d.id for d in parsed.documents],
            "rejected": [{"source": r.source, "reason": r.reason} for r in rejected],
            "moved": [{"source": r.source, "reason": r.reason} for r in report.moved]}


_ARTICLES_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"anyOf": [
        ArticleIn.model_json_schema(), {"type": "array", "items": ArticleIn.model_json_schema(), "minItems": 1}]}},
    "multipart/form-data": {"schema": {
        "type": "object", "required": ["file"],
        "properties": {"file": {"type": "string", "format": "binary",
                                "description": f"One of {', '.join(SUFFIXES)}"}}}},
}}}

_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Malformed body"}, 401: {"description": "No bearer token"},
    403: {"description": "Wrong token, or writes disabled"}, 413: {"description": "Body too large"},
    415: {"description": "Unsupported content or file type"}, 422: {"description": "No usable article"},
}


# ------------------------------------------------------------------------------------------ table

@dataclass(frozen=True, slots=True)
class RouteSpec:
    method: str
    path: str
    endpoint: Callable[..., Any]
    model: Any
    tag: str
    extra: dict[str, Any] | None = None
    responses: dict[int | str, dict[str, Any]] | None = None


_404: dict[int | str, dict[str, Any]] = {404: {"description": "Not found"}}

ROUTES: tuple[RouteSpec, ...] = (
    RouteSpec("GET", "/health", health, HealthOut, "meta"),
    RouteSpec("GET", "/documents", list_documents, Page[DocumentInfoOut], "documents"),
    RouteSpec("GET", "/documents/{doc_id:path}", get_document, DocumentOut, "documents", responses=_404),
    RouteSpec("GET", "/document", get_document_by_query, DocumentOut, "documents", responses=_404),
    RouteSpec("GET", "/stories", list_stories, Page[StoryOut], "documents"),
    RouteSpec("GET", "/story", get_story_by_query, StoryVersionsOut, "documents", responses=_404),
    RouteSpec("GET", "/stories/{story_id:path}", get_story, StoryVersionsOut, "documents", responses=_404),
    RouteSpec("GET", "/entities", list_entities, Page[EntityOut], "timeline"),
    RouteSpec("GET", "/events", list_events, Page[EventOut], "timeline"),
    RouteSpec("GET", "/events/{event_id:path}", get_event, EventOut, "timeline", responses=_404),
    RouteSpec("GET", "/tenures", list_tenures, Page[TenureOut], "timeline"),
    RouteSpec("GET", "/tenures/{tenure_id:path}", get_tenure, TenureOut, "timeline", responses=_404),
    RouteSpec("GET", "/sources/{record_id:path}", get_sources, list[SourceOut], "timeline", responses=_404),
    RouteSpec("GET", "/timeline", get_timeline, TimelineOut, "timeline"),
    RouteSpec("GET", "/who", who, WhoOut, "questions"),
    RouteSpec("GET", "/where", where, WhereOut, "questions"),
    RouteSpec("GET", "/search", search, Page[SearchHitOut], "questions"),
    RouteSpec("GET", "/quotes", list_quotes, Page[QuoteOut], "questions"),
    RouteSpec("POST", "/articles", post_articles, IngestOut, "write", extra=_ARTICLES_BODY, responses=_WRITE_ERRORS),
)

