"""``succession serve``: the HTTP API and browsing page over a store (a thin shell over succession.web)."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from .errors import StoreError

__all__ = ["register", "serve"]

log = logging.getLogger(__name__)

DEFAULT_DB = "succession.db"
EXIT_USAGE = 2


def serve(
    db: Annotated[Path, typer.Option("--db", envvar="SUCCESSION_DB", help="The store (SQLite file).")] = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the JSON API (docs at /docs) and the browsing page (at /) over a store.

    Reads are open. Writes (POST /articles) need the token in SUCCESSION_TOKEN; unset, writes are refused.

    Example: SUCCESSION_TOKEN=secret succession serve --db demo.db --port 8000
    """
    from .web import Settings, create_app  # FastAPI and uvicorn are loaded only for this command
    from .web.server import serve as run

    err = Console(stderr=True, highlight=False)
    if not db.exists():
        err.print(f"[yellow]no store at {escape(str(db))}[/]: starting with an empty one")
    settings = Settings.from_env(db)
    if settings.token is None:
        err.print("[yellow]SUCCESSION_TOKEN is not set[/]: writes (POST /articles) are refused")
    try:
        app = create_app(settings)
    except StoreError as exc:
        err.print(f"[red]{escape(str(exc))}[/]")
        raise typer.Exit(EXIT_USAGE) from exc
    err.print(f"serving {escape(str(db))} on http://{escape(host)}:{port}/ (API docs at /docs)")
    run(app, host=host, port=port)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the main app."""
    app.command("serve")(serve)
