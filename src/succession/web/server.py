"""Running the app with uvicorn: in the foreground (``succession serve``) or in a thread (tests, benchmarks).

Limits against slow or greedy clients: a whole request (headers and body) must arrive within
``Settings.request_timeout`` seconds or the connection is closed; at most ``Settings.max_connections``
connections are served at once (uvicorn answers 503 beyond); idle keep-alive connections close after 5 s.
"""
from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["bind", "serve", "serve_in_thread"]

log = logging.getLogger(__name__)

KEEP_ALIVE = 5.0


class _TimedH11(H11Protocol):
    """h11 with a deadline per request: headers and body must be in within ``request_timeout`` seconds
    of the connection (or of the previous response). A request that has arrived may take as long as its
    handler needs; uvicorn has no such deadline of its own, so half-sent requests would stay open."""

    request_timeout = 20.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None

    def _arm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline = self.loop.call_later(self.request_timeout, self._expire)

    def _expire(self) -> None:
        self._deadline = None
        waiting = self.cycle is None or self.cycle.response_complete or self.cycle.more_body
        if waiting and not self.transport.is_closing():
            log.info("closing a connection that did not send its request within %.0f s", self.request_timeout)
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
        super().connection_lost(exc)


def _protocol(request_timeout: float) -> type[H11Protocol]:
    return type("TimedH11", (_TimedH11,), {"request_timeout": float(request_timeout)})


def _config(app: FastAPI, host: str, port: int, log_level: str) -> uvicorn.Config:
    settings = getattr(app.state, "settings", None)
    timeout = getattr(settings, "request_timeout", _TimedH11.request_timeout)
    # one worker, no reload; h11 limits header sizes
    return uvicorn.Config(app, host=host, port=port, log_level=log_level, access_log=False, lifespan="on",
                          timeout_keep_alive=KEEP_ALIVE, http=_protocol(timeout),
                          limit_concurrency=getattr(settings, "max_connections", None))


class _Server(uvicorn.Server):
    """A uvicorn server that says when it has started (the socket bound, the app's lifespan done)."""

    def __init__(self, config: uvicorn.Config, on_started: Callable[[], None] | None = None) -> None:
        super().__init__(config)
        self._on_started = on_started

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started and self._on_started is not None:
            self._on_started()


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port`` (OSError when the address is taken or not ours)."""
    # IPPROTO_TCP named: asyncio turns Nagle off (TCP_NODELAY) only on sockets that say they are TCP; with
    # Nagle on, a response written as headers then body waited for the client's delayed ACK (~40 ms a request)
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def serve(app: FastAPI, *, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info",
          sock: socket.socket | None = None, on_started: Callable[[], None] | None = None) -> None:
    """Serve until interrupted; ``on_started`` is called once requests are accepted."""
    server = _Server(_config(app, host, port, log_level), on_started)
    server.run(sockets=[sock] if sock is not None else None)


@contextmanager
def serve_in_thread(app: FastAPI, *, host: str = "127.0.0.1", port: int = 0, log_level: str = "warning",
                    timeout: float = 30.0) -> Iterator[str]:
    """Serve in a background thread on ``host`` (a free port unless ``port`` is given); yields the base URL
    once the server accepts requests, and stops it on exit."""
    sock = bind(host, port)  # bound here, so the port is ours before the thread starts
    server = _Server(_config(app, host, port, log_level))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="succession-http", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError(f"the server did not start on {host}:{sock.getsockname()[1]}")
        time.sleep(0.02)
    try:
        bracketed = f"[{host}]" if ":" in host else host
        yield f"http://{bracketed}:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()
