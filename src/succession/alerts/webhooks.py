"""Webhooks: one signed JSON POST per change and endpoint, retried with back-off, recorded in the store.

The body is the change (:meth:`Change.payload`) as UTF-8 JSON. Headers:

* ``X-Succession-Signature: sha256=<hex>``: HMAC-SHA256 of the raw body with the shared secret
  (``SUCCESSION_WEBHOOK_SECRET``); check it with :func:`verify` or its three lines of equivalent code,
* ``X-Succession-Change``: the change key (the same change is never sent twice; a receiver that must be
  exactly-once across a crash between its answer and our record can de-duplicate on it),
* ``X-Succession-Kind``: the kind of change (``event.new``, ``tenure.ended``, ...).

A 2xx answer delivers the change; anything else (or no answer) is retried after ``backoff``,
``backoff * factor``, ... seconds, up to ``attempts`` tries a round. Still failing, it is recorded as
``failed`` and tried again in the next round; the rest of that endpoint's queue waits for the next round
too, so one dead receiver cannot hold a round for long. Table ``deliveries`` (migration 0004_alerts).
"""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import httpx

from ..sources.fetch import USER_AGENT
from ..sources.state import now_iso
from ..store import SQLiteStore
from .changes import Change, recent

__all__ = ["CHANGE_HEADER", "KIND_HEADER", "SECRET_ENV", "SIGNATURE_HEADER", "DeliveryReport", "RetryPolicy",
           "deliver", "enqueue", "sign", "verify"]

log = logging.getLogger(__name__)

SECRET_ENV = "SUCCESSION_WEBHOOK_SECRET"
SIGNATURE_HEADER = "X-Succession-Signature"
CHANGE_HEADER = "X-Succession-Change"
KIND_HEADER = "X-Succession-Kind"


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, header: str | None) -> bool:
    return header is not None and hmac.compare_digest(sign(secret, body), header)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 4  # tries per change and round
    backoff: float = 1.0  # seconds before the second try
    factor: float = 2.0
    timeout: float = 10.0  # seconds per POST


@dataclass
class DeliveryReport:
    delivered: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (endpoint, change key, last error)


def enqueue(store: SQLiteStore, changes: Iterable[Change], endpoints: Sequence[str]) -> None:
    """Queue changes for endpoints (a change already queued for an endpoint stays as it is)."""
    rows = [(c.key, e, now_iso()) for c in changes for e in endpoints]
    if rows:
        with store.transaction() as conn:
            conn.executemany("INSERT INTO deliveries (change_key, endpoint, status, updated_at) "
                             "VALUES (?, ?, 'pending', ?) ON CONFLICT DO NOTHING", rows)


def deliver(store: SQLiteStore, endpoints: Sequence[str], secret: str, policy: RetryPolicy = RetryPolicy(), *,
            sleep: Callable[[float], None] = time.sleep) -> DeliveryReport:
    """POST every queued change not delivered yet to its endpoint, oldest first."""
    report = DeliveryReport()
    with httpx.Client(timeout=policy.timeout, headers={"User-Agent": USER_AGENT}, trust_env=False,
                      follow_redirects=False) as client:
        for endpoint in endpoints:
            for change in _queued(store, endpoint):
                error = _send(client, endpoint, change, secret, policy, sleep, store)
                if error is None:
                    report.delivered += 1
                    continue
                report.failed.append((endpoint, change.key, error))
                log.warning("webhook %s: change %s not delivered (%s); next round tries again",
                            endpoint, change.key, error)
                break  # the rest of this endpoint's queue waits for the next round
    return report


def _queued(store: SQLiteStore, endpoint: str) -> list[Change]:
    keys = {r[0] for r in store.rows("SELECT change_key FROM deliveries WHERE endpoint = ? AND status != 'delivered'",
                                     (endpoint,))}
    return [c for c in recent(store, limit=None) if c.key in keys] if keys else []


def _send(client: httpx.Client, endpoint: str, change: Change, secret: str, policy: RetryPolicy,
          sleep: Callable[[float], None], store: SQLiteStore) -> str | None:
    """Try to deliver one change; None when delivered, else the last error."""
    body = json.dumps(change.payload(), ensure_ascii=False, sort_keys=True).encode()
    headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(secret, body),
               CHANGE_HEADER: change.key, KIND_HEADER: change.kind}
    error = "not tried"
    for attempt in range(max(1, policy.attempts)):
        if attempt:
            sleep(policy.backoff * policy.factor ** (attempt - 1))
        try:
            resp = client.post(endpoint, content=body, headers=headers)
            error = None if 200 <= resp.status_code < 300 else f"HTTP {resp.status_code}"
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"
        _record(store, endpoint, change.key, error)
        if error is None:
            return None
    return error


def _record(store: SQLiteStore, endpoint: str, key: str, error: str | None) -> None:
    with store.transaction() as conn:
        conn.execute("UPDATE deliveries SET status = ?, attempts = attempts + 1, last_error = ?, updated_at = ? "
                     "WHERE change_key = ? AND endpoint = ?",
                     ("delivered" if error is None else "failed", error, now_iso(), key, endpoint))
