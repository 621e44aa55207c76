"""The server's settings: one frozen value, built once (defaults -> environment -> flags) and passed in."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_MAX_BODY", "HOSTS_ENV", "LOCAL_HOSTS", "Settings", "TOKEN_ENV"]

TOKEN_ENV = "SUCCESSION_TOKEN"
HOSTS_ENV = "SUCCESSION_ALLOWED_HOSTS"
DEFAULT_MAX_BODY = 5_000_000  # bytes: one article, as `succession ingest` allows
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything :func:`succession.web.create_app` needs.

    ``token``: the bearer token that writes (``POST /articles``) must carry; ``None`` refuses every write.
    ``max_body``: the largest request body in bytes (larger ones get 413). ``max_articles``: articles in
    one JSON request. ``pool_size``: SQLite connections shared by the request threads.
    ``allowed_hosts``: the names the ``Host`` header may carry (``"*"``: any), so a page on another site
    cannot reach a local server through DNS rebinding. ``request_timeout``: seconds a client has to send
    a whole request (headers and body). ``max_connections``: connections served at once (more get 503).
    """

    db: Path | str  # a SQLite file or a postgresql:// URL
    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    max_articles: int = 100
    pool_size: int = 4
    allowed_hosts: tuple[str, ...] = LOCAL_HOSTS
    request_timeout: float = 20.0
    max_connections: int = 100

    def __post_init__(self) -> None:
        if self.max_body < 1 or self.max_articles < 1 or self.pool_size < 1:
            raise ValueError("max_body, max_articles and pool_size must be positive")
        if self.request_timeout <= 0 or self.max_connections < 1 or not self.allowed_hosts:
            raise ValueError("request_timeout, max_connections and allowed_hosts must be positive / not empty")
        if self.token is not None and not self.token.strip():
            raise ValueError(f"an empty {TOKEN_ENV} would let anyone write; unset it to refuse writes")

    @classmethod
    def from_env(cls, db: str | os.PathLike[str], environ: Mapping[str, str] | None = None,
                 **overrides: object) -> Settings:
        """Settings for ``db`` with the token from ``SUCCESSION_TOKEN`` (an empty value counts as unset) and
        extra host names from ``SUCCESSION_ALLOWED_HOSTS`` (comma-separated)."""
        env = os.environ if environ is None else environ
        token = env.get(TOKEN_ENV, "").strip() or None
        hosts = tuple(h.strip().lower() for h in env.get(HOSTS_ENV, "").split(",") if h.strip())
        if hosts and "allowed_hosts" not in overrides:
            overrides["allowed_hosts"] = tuple(dict.fromkeys((*LOCAL_HOSTS, *hosts)))
        return cls(db if isinstance(db, str) and "://" in db else Path(db), token=token, **overrides)  # type: ignore[arg-type]
