"""Request size limit: bodies over ``max_body`` bytes get 413, whether announced or streamed."""
from __future__ import annotations

import json
from typing import Any, Awaitable, Callable, MutableMapping

from starlette.exceptions import HTTPException

__all__ = ["BodyLimit"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DRAIN_FACTOR = 2  # a body up to twice the limit is read and dropped, so the client can read the 413


def _too_large(limit: int) -> str:
    return f"request body too large: the limit is {limit:,} bytes"


async def _drain(receive: Receive, budget: int) -> None:
    """Read and drop the rest of a body, up to ``budget`` bytes. A client that is still sending when the
    server closes gets a connection reset instead of the answer; a bounded drain avoids that for bodies
    a little over the limit without reading an unbounded one."""
    while budget > 0:
        message = await receive()
        budget -= len(message.get("body", b""))
        if message["type"] != "http.request" or not message.get("more_body", False):
            return


class BodyLimit:
    """ASGI middleware. A ``Content-Length`` over the limit is answered 413 without passing the request on;
    a chunked body is counted as it arrives, and reading past the limit fails with an HTTP 413 error
    (an ``HTTPException``, so FastAPI's body parsing passes it on instead of calling it a bad body)."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = self._declared(scope)
        drain_budget = self.max_body * DRAIN_FACTOR
        if length is not None and length > self.max_body:
            if length <= drain_budget:
                await _drain(receive, drain_budget)
            await _send_413(send, self.max_body)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                if message.get("more_body", False):
                    await _drain(receive, drain_budget - seen)
                raise HTTPException(413, _too_large(self.max_body))
            return message

        await self.app(scope, counted, send)

    @staticmethod
    def _declared(scope: Scope) -> int | None:
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    return int(value)
                except ValueError:
                    return None
        return None


async def _send_413(send: Send, limit: int) -> None:
    body = json.dumps({"detail": _too_large(limit)}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
