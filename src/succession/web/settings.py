"""The server's settings: one frozen value, built once (defaults -> environment -> flags) and passed in."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_MAX_BODY", "Settings", "TOKEN_ENV"]

TOKEN_ENV = "SUCCESSION_TOKEN"
DEFAULT_MAX_BODY = 5_000_000  # bytes: one article, as `succession ingest` allows


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything :func:`succession.web.create_app` needs.

    ``token``: the bearer token that writes (``POST /articles``) must carry; ``None`` refuses every write.
    ``max_body``: the largest request body in bytes (larger ones get 413). ``max_articles``: articles in
    one JSON request. ``pool_size``: SQLite connections shared by the request threads.
    """

    db: Path
    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    max_articles: int = 100
    pool_size: int = 4

    def __post_init__(self) -> None:
        if self.max_body < 1 or self.max_articles < 1 or self.pool_size < 1:
            raise ValueError("max_body, max_articles and pool_size must be positive")
        if self.token is not None and not self.token.strip():
            raise ValueError(f"an empty {TOKEN_ENV} would let anyone write; unset it to refuse writes")

    @classmethod
    def from_env(cls, db: str | os.PathLike[str], environ: Mapping[str, str] | None = None,
                 **overrides: object) -> Settings:
        """Settings for ``db`` with the token from ``SUCCESSION_TOKEN`` (an empty value counts as unset)."""
        env = os.environ if environ is None else environ
        token = env.get(TOKEN_ENV, "").strip() or None
        return cls(Path(db), token=token, **overrides)  # type: ignore[arg-type]
