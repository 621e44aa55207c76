"""The web application: the JSON API of :mod:`succession.web.routes` plus the browsing page, in one app.

``create_app(settings)`` builds a new FastAPI app each call; everything it needs (settings, connection
pool, write lock) lives on ``app.state``, nothing in module globals. The page (``/``) and the API docs
(``/docs``) are served from files in the package, so both work with no network.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import StoreError
from .changes import add_change_routes
from .guards import HostAllowList, SecurityHeaders
from .limits import BodyLimit
from .pool import StorePool
from .routes import ROUTES
from .settings import Settings

__all__ = ["STATIC", "create_app"]

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"

# The page builds its DOM from data with textContent only; the policy is a second line of defence.
PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
               "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

DESCRIPTION = """Who held which role where and when, fused from news articles, each answer with the
sentences that support it. Reads are open; `POST /articles` needs `Authorization: Bearer <SUCCESSION_TOKEN>`.
Listings page with `limit` and `offset`. Errors are JSON: `{"detail": ...}`."""


def _offline_docs_assets() -> Path | None:
    """Swagger UI files shipped by the fastapi-offline package, when it is installed."""
    try:
        import fastapi_offline
    except ImportError:
        log.info("fastapi-offline is not installed: /docs loads Swagger UI from its CDN")
        return None
    folder = Path(fastapi_offline.__file__).resolve().parent / "static"
    return folder if (folder / "swagger-ui-bundle.js").is_file() else None


def _add_docs(app: FastAPI) -> None:
    assets = _offline_docs_assets()
    if assets is None:
        app.add_api_route("/docs", lambda: get_swagger_ui_html(openapi_url="/openapi.json", title=app.title),
                          include_in_schema=False, response_class=HTMLResponse)
        return
    app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")

    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{app.title} API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/docs-assets/favicon.png")

    app.add_api_route("/docs", docs, include_in_schema=False, response_class=HTMLResponse)


def _add_page(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html",
                            headers={"Content-Security-Policy": PAGE_POLICY, "X-Content-Type-Options": "nosniff",
                                     "Referrer-Policy": "no-referrer", "Cache-Control": "no-cache"})

    app.add_api_route("/", page, include_in_schema=False, response_class=FileResponse)


async def _store_error(_request: Request, exc: Exception) -> JSONResponse:
    log.warning("store error: %s", exc)
    return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "5"})


def create_app(settings: Settings) -> FastAPI:
    """A new app serving the store at ``settings.db``: the API, its docs at /docs and the page at /."""
    pool = StorePool(settings.db, settings.pool_size)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        with pool.borrow() as store:  # open (and migrate) the store and fuse it before the first request
            store.ensure_fused()
        yield
        pool.close()

    app = FastAPI(title="succession", version=__version__, description=DESCRIPTION, docs_url=None,
                  redoc_url=None, lifespan=lifespan)
    app.state.settings = settings
    app.state.pool = pool
    app.state.write_lock = threading.Lock()
    for spec in ROUTES:
        app.add_api_route(spec.path, spec.endpoint, methods=[spec.method], response_model=spec.model,
                          tags=[spec.tag], summary=(spec.endpoint.__doc__ or "").split("\n")[0].rstrip("."),
                          openapi_extra=spec.extra, responses=spec.responses)
    add_change_routes(app)
    app.add_exception_handler(StoreError, _store_error)
    _add_docs(app)
    _add_page(app)
    app.add_middleware(BodyLimit, max_body=settings.max_body)
    app.add_middleware(HostAllowList, allowed=settings.allowed_hosts)
    app.add_middleware(SecurityHeaders)  # added last: the outermost, so every answer carries the headers
    return app
