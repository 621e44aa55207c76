"""A polite HTTP client for feeds and article pages (httpx).

Every request: a clear User-Agent, a per-operation timeout and a deadline for the whole body (a server
that trickles bytes is cut off), a size limit (read in chunks, never more than the limit held), at most
``max_redirects`` redirects with loops detected, robots.txt respected (cached per origin; its
``Crawl-delay`` honoured), and one request at a time per host with at least ``host_delay`` seconds
between two requests to the same host.

Failures raise :class:`FetchError`; ``transient`` says whether trying again later may help (time-outs,
connection errors, 5xx, 429) or not (404, robots.txt disallow, too large, redirect loop).
"""
from __future__ import annotations

import logging
import time
import urllib.robotparser
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from .. import __version__

__all__ = ["FetchError", "FetchPolicy", "Fetched", "Fetcher", "USER_AGENT"]

log = logging.getLogger(__name__)

USER_AGENT = f"succession/{__version__} (leadership-change news watcher; respects robots.txt)"
_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    user_agent: str = USER_AGENT
    timeout: float = 10.0  # seconds for connecting and for each read
    deadline: float = 30.0  # seconds for a whole response, body included
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    host_delay: float = 1.0  # seconds between two requests to one host


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    status: int  # 200 or 304
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""

    @property
    def mime(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        value = self.headers.get("content-type", "").partition("charset=")[2].split(";")[0].strip().strip('"')
        return value or None


class FetchError(Exception):
    def __init__(self, url: str, reason: str, *, transient: bool, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.transient, self.status = url, reason, transient, status


class Fetcher:
    """One client for a round; close it (or use ``with``) when done."""

    def __init__(self, policy: FetchPolicy = FetchPolicy(), *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.policy = policy
        self._clock, self._sleep = clock, sleep
        self._client = httpx.Client(headers={"User-Agent": policy.user_agent}, follow_redirects=False,
                                    timeout=httpx.Timeout(policy.timeout), trust_env=False)
        self._last: dict[str, float] = {}  # host -> when its last request ended
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}  # origin -> rules (None: all allowed)
        self._delays: dict[str, float] = {}  # host -> its robots.txt Crawl-delay
        self.seconds = 0.0  # time spent in requests (waits for politeness included)
        self.requests = 0

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, *, headers: Mapping[str, str] | None = None) -> Fetched:
        """GET ``url`` following redirects (each hop checked against robots.txt); 200 or 304, else FetchError."""
        start = self._clock()
        try:
            return self._follow(url, dict(headers or {}))
        finally:
            self.seconds += self._clock() - start

    def _follow(self, url: str, headers: dict[str, str]) -> Fetched:
        seen: list[str] = []
        while True:
            if url in seen:
                raise FetchError(seen[0], f"redirect loop ({' -> '.join([*seen, url])})", transient=False)
            if len(seen) > self.policy.max_redirects:
                raise FetchError(seen[0], f"more than {self.policy.max_redirects} redirects", transient=False)
            seen.append(url)
            if urlsplit(url).scheme not in ("http", "https"):
                raise FetchError(url, "not an http(s) URL", transient=False)
            if not self.allowed(url):
                raise FetchError(url, "disallowed by robots.txt", transient=False)
            status, head, body = self._request(url, headers)
            if status in _REDIRECTS and head.get("location"):
                url = urljoin(url, head["location"])
                continue
            if status in (200, 304):
                return Fetched(url, status, head, body)
            transient = status >= 500 or status in (408, 429)
            raise FetchError(url, f"HTTP {status}", transient=transient, status=status)

    def _request(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        host = urlsplit(url).netloc.lower()
        self._wait_for(host)
        self.requests += 1
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                head = {k.lower(): v for k, v in resp.headers.items()}
                if resp.status_code != 200:
                    return resp.status_code, head, b""
                return 200, head, self._body(url, resp)
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out after {self.policy.timeout:g} s ({type(exc).__name__})",
                             transient=True) from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"connection failed ({type(exc).__name__}: {exc})", transient=True) from exc
        finally:
            self._last[host] = self._clock()

    def _body(self, url: str, resp: httpx.Response) -> bytes:
        limit = self.policy.max_bytes
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(url, f"too large: {int(declared)} bytes (limit {limit})", transient=False)
        deadline = self._clock() + self.policy.deadline
        chunks, size = [], 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(url, f"too large: over {limit} bytes", transient=False)
            if self._clock() > deadline:
                raise FetchError(url, f"too slow: not complete after {self.policy.deadline:g} s", transient=True)
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_for(self, host: str) -> None:
        delay = max(self.policy.host_delay, self._crawl_delay(host))
        last = self._last.get(host)
        if last is not None and (left := last + delay - self._clock()) > 0:
            self._sleep(left)

    def _crawl_delay(self, host: str) -> float:
        return self._delays.get(host, 0.0)

    # -- robots.txt
    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(self.policy.user_agent, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The origin's rules; None (all allowed) when it has no robots.txt (4xx). Unreachable or 5xx:
        everything disallowed for now (RFC 9309), the next round asks again."""
        url = origin + "/robots.txt"
        rules = urllib.robotparser.RobotFileParser(url)
        try:
            status, _head, body = self._request(url, {})
            hops = 0
            while status in _REDIRECTS and hops < self.policy.max_redirects:  # robots.txt may move, within bounds
                hops += 1
                status, _head, body = self._request(urljoin(url, _head.get("location", "/robots.txt")), {})
        except FetchError as exc:
            log.warning("robots.txt of %s unreachable (%s): not fetching from it this round", origin, exc.reason)
            rules.disallow_all = True
            return rules
        if 400 <= status < 500:
            return None
        if status != 200:
            log.warning("robots.txt of %s answered HTTP %d: not fetching from it this round", origin, status)
            rules.disallow_all = True
            return rules
        lines = body.decode("utf-8", errors="replace").splitlines()
        rules.parse(lines)
        self._delays[urlsplit(origin).netloc.lower()] = _crawl_delay(lines, self.policy.user_agent)
        return rules


def _crawl_delay(lines: list[str], user_agent: str) -> float:
    """The Crawl-delay (seconds, fractions allowed, unlike urllib's parser) of the group for us, else for '*'."""
    ours, anyone, agents, in_rules = None, None, [], False
    token = user_agent.split("/")[0].lower()
    for raw in lines:
        key, _, value = raw.split("#", 1)[0].partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "user-agent":
            agents = [] if in_rules else agents
            in_rules = False
            agents.append(value.lower())
        elif key:
            in_rules = True
            if key == "crawl-delay":
                try:
                    delay = max(float(value), 0.0)
                except ValueError:
                    continue
                if token in agents:
                    ours = delay
                elif "*" in agents:
                    anyone = delay
    return min(ours if ours is not None else anyone or 0.0, 60.0)  # a minute at most: a round must end
