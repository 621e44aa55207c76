"""What every store is: the :class:`Store` interface the query, export, CLI and HTTP layers use, and the
records it returns. Backends live beside this module (:mod:`.sqlite`, :mod:`.postgres`)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from ..timeline.fuse import Conflict, EventReport, Evidence, FactReport, FusedEvent, Tenure, Timeline
from ..models import Analysis, DateValue, Rejected
from ..quote_store import StoredQuote

__all__ = ["DEFAULT_BATCH", "DocInfo", "Failure", "IngestReport", "SearchHit", "Store"]

DEFAULT_BATCH = 200


@dataclass
class IngestReport:
    """What one ``add_analyses`` call did."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    moved: list[Rejected] = field(default_factory=list)  # replaced articles that came from another source: why

    @property
    def total(self) -> int:
        return self.added + self.replaced + self.unchanged + len(self.rejected)


@dataclass(frozen=True, slots=True)
class Failure:
    id: int
    source: str
    reason: str
    time: str


@dataclass(frozen=True, slots=True)
class DocInfo:
    id: str
    title: str | None
    url: str | None
    lang: str | None
    published: DateValue | None
    story: str | None
    source: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # 'document' | 'event'
    id: str  # document id or stored event id
    doc_id: str
    snippet: str
    score: float


@runtime_checkable
class Store(Protocol):
    """What the layers above need from a store."""

    def add_analyses(self, analyses: Iterable[Analysis], *, batch_size: int = DEFAULT_BATCH) -> IngestReport: ...
    def record_failure(self, source: str, reason: str) -> None: ...
    def failures(self) -> list[Failure]: ...
    def analyses(self) -> Iterator[Analysis]: ...
    def event_reports(self) -> Iterator[EventReport]: ...
    def fact_reports(self) -> Iterator[FactReport]: ...
    def aliases(self) -> dict[str, str]: ...
    def documents_info(self, ids: Iterable[str] | None = None, *, limit: int | None = None,
                       offset: int = 0) -> dict[str, DocInfo]: ...
    def stories(self) -> dict[str, list[str]]: ...
    def timeline(self) -> Timeline: ...
    def resolve(self, name: str) -> str: ...
    def find_tenures(self, *, org_key: str | None = None, family_key: str | None = None,
                     role_key: str | None = None, holder_key: str | None = None,
                     on: dt.date | None = None, limit: int | None = None, offset: int = 0) -> list[Tenure]: ...
    def find_events(self, *, org_key: str | None = None, holder_key: str | None = None,
                    limit: int | None = None, offset: int = 0, latest_first: bool = False) -> list[FusedEvent]: ...
    def find_conflicts(self, *, org_key: str | None = None, holder_key: str | None = None,
                       limit: int | None = None, offset: int = 0) -> list[Conflict]: ...
    def fused_record(self, record_id: str) -> Tenure | FusedEvent | None: ...
    def stored_evidence(self, record_id: str) -> list[Evidence]: ...
    def holders(self) -> list[tuple[str, str, int, int]]: ...
    def find_entities(self, kind: str, *, contains: str = "", limit: int | None = None,
                      offset: int = 0) -> list[tuple[str, str, int, int]]: ...
    def count_entities(self, kind: str, *, contains: str = "") -> int: ...
    def find_stories(self, *, min_documents: int = 1, limit: int | None = None,
                     offset: int = 0) -> list[tuple[str, list[str]]]: ...
    def count_stories(self, *, min_documents: int = 1) -> int: ...
    def graph_nodes(self, *, org_key: str | None = None,
                    holder_key: str | None = None) -> Iterator[tuple[str, str, str]]: ...
    def graph_edges(self, *, org_key: str | None = None, holder_key: str | None = None) -> Iterator[Tenure]: ...
    def explain_name(self, name: str) -> dict[str, list[tuple[str, str, str]]]: ...
    def variants_of(self, name: str) -> list[str]: ...
    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]: ...
    def quotes(self, *, person: str | None = None, org: str | None = None, limit: int = 200,
               offset: int = 0) -> list[StoredQuote]: ...
    def close(self) -> None: ...
