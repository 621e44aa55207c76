"""The HTTP API and browsing page: ``create_app(Settings(db=...))`` gives an ASGI app (FastAPI)."""
from __future__ import annotations

from .app import create_app
from .server import serve_in_thread
from .settings import Settings

__all__ = ["Settings", "create_app", "serve_in_thread"]
