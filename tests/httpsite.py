"""Real HTTP servers on 127.0.0.1 for the watch and alert tests: a news site with feeds and pages that
can misbehave on purpose, and a webhook receiver. Each runs in a thread for one ``with`` block and stops
at its end; every connection has a time-out, so nothing is left running."""
from __future__ import annotations

import datetime as dt
import email.utils
import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

__all__ = ["Receiver", "Route", "Site", "atom", "page", "rss"]


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    ctype: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the answer
    trickle: float = 0.0  # seconds between body chunks of 64 bytes (a slow server)
    etag: str | None = None  # answers 304 to a matching If-None-Match
    last_modified: str | None = None  # answers 304 to an equal If-Modified-Since


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class _Base:
    """Start on enter, stop on exit."""

    handler: type[BaseHTTPRequestHandler]

    def __enter__(self):  # type: ignore[no-untyped-def]
        handler = type("Handler", (self.handler,), {"owner": self, "timeout": 5})
        self.server = _Server(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path


class _SiteHandler(BaseHTTPRequestHandler):
    owner: "Site"

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        site = self.owner
        with site.lock:
            site.hits[self.path] += 1
            site.requests.append((self.path, dict(self.headers)))
            route = site.routes.get(self.path)
        if route is None:
            self._answer(404, "text/plain", b"not found")
            return
        if route.delay:
            time.sleep(route.delay)
        validators = {}
        if route.etag:
            validators["ETag"] = route.etag
        if route.last_modified:
            validators["Last-Modified"] = route.last_modified
        if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified):
            self._answer(304, None, b"", validators)
            return
        self._answer(route.status, route.ctype, route.body, {**validators, **route.headers}, route.trickle)

    def _answer(self, status: int, ctype: str | None, body: bytes, headers: dict[str, str] | None = None,
                trickle: float = 0.0) -> None:
        try:
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not trickle:
                self.wfile.write(body)
                return
            for i in range(0, len(body), 64):
                self.wfile.write(body[i:i + 64])
                self.wfile.flush()
                time.sleep(trickle)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a time-out under test)


class Site(_Base):
    """A news site: ``routes`` maps a path to what it answers; ``hits`` counts GETs per path."""

    handler = _SiteHandler

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()

    def add(self, path: str, body: bytes | str = b"", **kw: object) -> str:
        self.routes[path] = Route(body.encode() if isinstance(body, str) else body, **kw)  # type: ignore[arg-type]
        return self.url(path)


class _ReceiverHandler(BaseHTTPRequestHandler):
    owner: "Receiver"

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        rec = self.owner
        with rec.lock:
            status = rec.answers.pop(0) if rec.answers else 200
            rec.posts.append((dict(self.headers), body, status))
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()


class Receiver(_Base):
    """A webhook receiver: answers the statuses in ``answers`` in turn (then 200); keeps every POST."""

    handler = _ReceiverHandler

    def __init__(self, answers: list[int] | None = None) -> None:
        self.answers = list(answers or [])
        self.posts: list[tuple[dict[str, str], bytes, int]] = []
        self.lock = threading.Lock()

    def accepted(self) -> list[dict[str, object]]:
        return [json.loads(body) for _h, body, status in self.posts if status == 200]


def _date(day: str) -> str:
    return email.utils.format_datetime(dt.datetime.fromisoformat(day).replace(hour=9, tzinfo=dt.timezone.utc))


def rss(title: str, items: list[tuple[str, str, str | None]]) -> str:
    """An RSS 2.0 feed of (link, title, day or None)."""
    out = [f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
           f"<link>http://example.invalid/</link><description>test</description>"]
    for link, head, day in items:
        date = f"<pubDate>{_date(day)}</pubDate>" if day else ""
        out.append(f"<item><title>{escape(head)}</title><link>{escape(link)}</link>{date}</item>")
    return "".join(out) + "</channel></rss>"


def atom(title: str, items: list[tuple[str, str, str | None]]) -> str:
    """An Atom feed of (link, title, day or None)."""
    out = [f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
           f"<title>{escape(title)}</title><id>urn:test:{escape(title)}</id><updated>2031-01-01T00:00:00Z</updated>"]
    for link, head, day in items:
        out.append(f'<entry><title>{escape(head)}</title><id>{escape(link)}</id><link href="{escape(link)}"/>'
                   f"<updated>{day or '2031-01-01'}T09:00:00Z</updated></entry>")
    return "".join(out) + "</feed>"


def page(title: str, paragraphs: list[str]) -> str:
    """An article page as a news site would publish it."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{escape(title)}</h1>{body}</article>"
            f"<footer>Fictional test site</footer></body></html>")
