"""``succession serve``: the HTTP API and browsing page over a store (a thin shell over succession.web)."""
from __future__ import annotations

import logging
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import StoreError
from ..sanitize import printable

__all__ = ["register", "serve"]

log = logging.getLogger(__name__)

DEFAULT_DB = "succession.db"
EXIT_USAGE = 2
_ANY_ADDRESS = ("0.0.0.0", "::", "")


def serve(
    db: Annotated[str, typer.Option("--db", envvar="SUCCESSION_DB",
                                   help="The store: a SQLite file or a postgresql:// URL.")] = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    create: Annotated[bool, typer.Option("--create", help="Start with an empty store if --db does not exist.")] = False,
    allow_host: Annotated[Optional[list[str]], typer.Option(
        "--allow-host", help="A host name clients may use besides localhost and --host (repeatable; also "
                             "SUCCESSION_ALLOWED_HOSTS, comma-separated; '*' allows any).")] = None,
) -> None:
    """Serve the JSON API (docs at /docs) and the browsing page (at /) over a store.

    Reads are open. Writes (POST /articles) need the token in SUCCESSION_TOKEN; unset, writes are refused.
    Only requests addressed to localhost, --host or an --allow-host name are answered (against DNS
    rebinding). Exit code 2 when the store is missing (without --create), not a store, or the address is
    taken.

    Example: SUCCESSION_TOKEN=secret succession serve --db demo.db --port 8000
    """
    from ..store import describe, open_store, store_exists
    from ..web import Settings, create_app  # FastAPI and uvicorn are loaded only for this command
    from ..web.server import bind
    from ..web.server import serve as run

    err = Console(stderr=True, highlight=False, soft_wrap=True)  # one message, one line
    shown = escape(printable(describe(db)))
    if not store_exists(db) and not create:
        err.print(f"[red]no store at {shown}[/]: give the right --db, or --create to start an empty one")
        raise typer.Exit(EXIT_USAGE)
    try:
        open_store(db).close()  # opened (and migrated) once here: a file that is not a store fails now
    except StoreError as exc:
        err.print(f"[red]{escape(printable(str(exc)))}[/]")
        raise typer.Exit(EXIT_USAGE) from exc
    settings = Settings.from_env(db)
    hosts = [*settings.allowed_hosts, *(allow_host or [])]
    if host not in _ANY_ADDRESS:
        hosts.append(host)
    elif not allow_host:
        err.print("[yellow]listening on every address[/]: only localhost is answered unless you name the "
                  "host names clients use with --allow-host")
    from dataclasses import replace

    settings = replace(settings, allowed_hosts=tuple(dict.fromkeys(h.lower() for h in hosts)))
    if settings.token is None:
        err.print("[yellow]SUCCESSION_TOKEN is not set[/]: writes (POST /articles) are refused")
    try:
        app = create_app(settings)
        sock = bind(host, port)
    except StoreError as exc:
        err.print(f"[red]{escape(printable(str(exc)))}[/]")
        raise typer.Exit(EXIT_USAGE) from exc
    except OSError as exc:
        err.print(f"[red]cannot listen on {escape(host)}:{port}[/]: {escape(exc.strerror or str(exc))}")
        raise typer.Exit(EXIT_USAGE) from exc
    bound = sock.getsockname()[1]
    bracketed = f"[{host}]" if ":" in host else host

    def started() -> None:
        err.print(f"serving {shown} on http://{escape(bracketed)}:{bound}/ (API docs at /docs)")

    run(app, host=host, port=bound, sock=sock, on_started=started)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the main app."""
    app.command("serve")(serve)
