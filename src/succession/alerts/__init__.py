"""Telling people when the record changes: change detection over the fused timeline
(:mod:`.changes`), signed webhooks with retries (:mod:`.webhooks`) and an Atom feed (:mod:`.atom`)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..store import SQLiteStore
from .changes import Change, detect
from .webhooks import DeliveryReport, RetryPolicy, deliver, enqueue

__all__ = ["AnnounceReport", "Announcer"]


@dataclass
class AnnounceReport:
    changes: list[Change] = field(default_factory=list)
    deliveries: DeliveryReport = field(default_factory=DeliveryReport)


@dataclass(frozen=True)
class Announcer:
    """After a round: record the new changes, queue them for the webhooks and deliver what is queued."""

    endpoints: Sequence[str] = ()
    secret: str = ""
    retry: RetryPolicy = RetryPolicy()

    def __call__(self, store: SQLiteStore) -> AnnounceReport:
        fresh = detect(store)
        report = AnnounceReport(fresh)
        if self.endpoints:
            enqueue(store, fresh, self.endpoints)
            report.deliveries = deliver(store, self.endpoints, self.secret, self.retry)
        return report
