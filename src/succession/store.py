"""Persistent store of analyses and the fused timeline.

:class:`Store` is the interface the query, export and CLI layers use; :class:`SQLiteStore` implements
it on one SQLite file (WAL, FTS5, versioned migrations from :mod:`succession.migrations`), so a
PostgreSQL implementation can follow behind the same interface.

Writes: ``add_analyses`` takes articles in batches, one ``BEGIN IMMEDIATE`` transaction per batch, so a
killed ingest leaves whole articles only and re-running it completes the work. Each article is upserted
by its document id: the same content (``analysis_hash``) changes nothing, new content replaces all of its
rows. A bad article is recorded in ``failures`` and skipped; it never aborts the batch. One writer at a
time: SQLite's write lock, waited for up to ``busy_timeout`` seconds. An article that replaces one read
from another source (another file, another upload) is announced in ``IngestReport.moved``.

Reads that take more than one statement run in one read transaction (``_snapshot``), so a commit in
between can never pair rows of two versions of the store (WAL gives each reader its snapshot).

Fusion results are cached in ``fused_*`` tables, tagged with the ``data_version`` they were computed
from; every write moves ``data_version`` on, and the next read that needs fusion recomputes it.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from . import migrations
from .errors import StoreError
from .quote_store import StoredQuote, insert_quotes, quotes_of, search_quotes
from .timeline.fuse import (
    Conflict, DocMeta, EventReport, Evidence, FactReport, FusedEvent, Tenure, Timeline,
    build_aliases, conflict_from_dict, content_hash, conflict_to_dict, event_from_dict, event_to_dict, fuse, name_key,
    FUSION_REVISION, role_family, stable_id, tenure_from_dict, tenure_to_dict, with_short_names,
)
from .models import (
    Analysis, DateValue, Document, Entity, Event, EventType, Mention, MentionKind, Modality, Rejected,
    RoleFact, Span,
)

__all__ = ["DocInfo", "Failure", "IngestReport", "SQLiteStore", "SearchHit", "Store", "open_store"]

log = logging.getLogger(__name__)

DEFAULT_BATCH = 200


# ----------------------------------------------------------------------------------------- records

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
    def documents_info(self, ids: Iterable[str] | None = None) -> dict[str, DocInfo]: ...
    def stories(self) -> dict[str, list[str]]: ...
    def timeline(self) -> Timeline: ...
    def resolve(self, name: str) -> str: ...
    def find_tenures(self, *, org_key: str | None = None, family_key: str | None = None,
                     role_key: str | None = None, holder_key: str | None = None,
                     on: dt.date | None = None) -> list[Tenure]: ...
    def find_events(self, *, org_key: str | None = None, holder_key: str | None = None) -> list[FusedEvent]: ...
    def find_conflicts(self, *, org_key: str | None = None, holder_key: str | None = None) -> list[Conflict]: ...
    def fused_record(self, record_id: str) -> Tenure | FusedEvent | None: ...
    def stored_evidence(self, record_id: str) -> list[Evidence]: ...
    def holders(self) -> list[tuple[str, str, int, int]]: ...
    def explain_name(self, name: str) -> dict[str, list[tuple[str, str, str]]]: ...
    def variants_of(self, name: str) -> list[str]: ...
    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]: ...
    def quotes(self, *, person: str | None = None, org: str | None = None, limit: int = 200,
               offset: int = 0) -> list[StoredQuote]: ...
    def close(self) -> None: ...


def open_store(path: str | Path = ":memory:") -> SQLiteStore:
    """The default store for a path (or ':memory:')."""
    return SQLiteStore(path)


# -------------------------------------------------------------------------------- serialisation

def _main_org(a: Analysis) -> str | None:
    """The organisation an article names most: its quotations are found under it."""
    orgs = [(len(e.mentions), e.name) for e in a.entities if e.kind is MentionKind.ORG]
    return max(orgs)[1] if orgs else None


def _analysis_hash(a: Analysis) -> str:
    return content_hash(a)


def _content_hash(doc: Document) -> str:
    return content_hash([doc.text, doc.title, doc.url, doc.published, doc.lang])


def _span_out(s: Span | None) -> list[object] | None:
    return None if s is None else [s.start, s.end, s.text]


def _span_in(v: Sequence[object] | None) -> Span | None:
    return None if v is None else Span(int(v[0]), int(v[1]), str(v[2]))  # type: ignore[call-overload]


def _extra(a: Analysis) -> str:
    mentions = [[m.start, m.end, m.text, m.kind.value, m.norm, m.entity] for m in a.mentions]
    return json.dumps({"boilerplate": [_span_out(s) for s in a.boilerplate], "mentions": mentions,
                       "warnings": list(a.warnings)}, ensure_ascii=False)


def _problem(a: object) -> str | None:
    """Why an analysis cannot be stored, or None."""
    if not isinstance(a, Analysis) or not isinstance(a.document, Document):
        return f"not an Analysis: {type(a).__name__}"
    doc = a.document
    if not isinstance(doc.id, str) or not doc.id.strip():
        return "document has no id"
    if not isinstance(doc.text, str):
        return f"document {doc.id!r} has no text"
    n = len(doc.text)
    spans = [("event", i, e.evidence) for i, e in enumerate(a.events)]
    spans += [("role fact", i, f.evidence) for i, f in enumerate(a.facts)]
    for what, i, span in spans:
        if span.end > n:
            return f"document {doc.id!r}: {what} {i} evidence {span.start}:{span.end} is outside the text ({n} chars)"
    return None


def _source_of(a: object) -> str:
    """Where a (possibly malformed) analysis came from, for the failures table."""
    doc = getattr(a, "document", None)
    return str(getattr(doc, "source", "") or getattr(doc, "id", "") or type(a).__name__)


def _origin(source: str) -> str:
    """The file (or upload) a source names, without the line of a JSON Lines record."""
    head, sep, tail = source.rpartition(":")
    return head if sep and tail.isdigit() else source


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


# ------------------------------------------------------------------------------------------ store

class SQLiteStore:
    """The store on one SQLite file; ``":memory:"`` for tests."""

    def __init__(self, path: str | Path = ":memory:", *, busy_timeout: float = 30.0,
                 check_same_thread: bool = True) -> None:
        self.path = str(path)
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=busy_timeout,
                                         check_same_thread=check_same_thread)
            self._conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL survives a killed process
            migrations.apply(self._conn)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc

    # -- plumbing
    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """One consistent view for several reads (nested use joins the outer transaction)."""
        if self._conn.in_transaction:
            yield self._conn
            return
        self._conn.execute("BEGIN")
        try:
            yield self._conn
        finally:
            if self._conn.in_transaction:
                self._conn.execute("COMMIT")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; the write lock is taken at once (one writer)."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"store {self.path} is busy or read-only: {exc}") from exc
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):  # read-only, disk full, I/O error: the store's fault
                raise StoreError(f"cannot write to store {self.path}: {exc}") from exc
            raise

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction for the layers that keep their own tables (watch state, alerts)."""
        with self._write() as conn:
            yield conn

    def rows(self, sql: str, args: Sequence[object] = ()) -> list[tuple]:  # type: ignore[type-arg]
        """Rows of a read query, for the layers that keep their own tables."""
        return self._conn.execute(sql, args).fetchall()

    def story_state(self) -> dict | None:
        """The saved story index (succession.across.stories.StoryIndex.to_state()), so that stories grow across
        ingests with stable ids; None before the first."""
        raw = self._meta("story_index")
        if not raw:
            return None
        try:
            state = json.loads(raw)
        except (ValueError, RecursionError) as exc:
            raise StoreError(f"the story index in {self.path} is unreadable ({str(exc)[:100]})") from None
        if not isinstance(state, dict):
            raise StoreError(f"the story index in {self.path} is unreadable (not a JSON object)")
        return state

    def save_story_state(self, state: dict) -> None:
        with self._write() as conn:
            self._set_meta(conn, "story_index", json.dumps(state, separators=(",", ":")))

    def _meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @staticmethod
    def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    @staticmethod
    def _touch(conn: sqlite3.Connection) -> None:
        """Move data_version on: the fusion cache is stale from here."""
        conn.execute("INSERT INTO meta (key, value) VALUES ('data_version', '1') "
                     "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")

    def integrity_check(self) -> str:
        return str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])

    def counts(self) -> dict[str, int]:
        tables = ("documents", "events", "facts", "entities", "stories", "failures")
        return {t: self._conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    # -- writes
    def add_analyses(self, analyses: Iterable[Analysis], *, batch_size: int = DEFAULT_BATCH) -> IngestReport:
        """Upsert analyses, ``batch_size`` per transaction; bad ones go to ``failures``."""
        report = IngestReport()
        batch: list[Analysis] = []
        for a in analyses:
            batch.append(a)
            if len(batch) >= max(1, batch_size):
                self._add_batch(batch, report)
                batch = []
        if batch:
            self._add_batch(batch, report)
        return report

    def _add_batch(self, batch: list[Analysis], report: IngestReport) -> None:
        with self._write() as conn:
            changed = False
            for a in batch:
                outcome = self._upsert_one(conn, a, report)
                changed = changed or outcome in ("added", "replaced")
                if outcome != "rejected":
                    setattr(report, outcome, getattr(report, outcome) + 1)
            if changed:
                self._touch(conn)

    def _upsert_one(self, conn: sqlite3.Connection, a: Analysis, report: IngestReport) -> str:
        problem = _problem(a)
        if problem is not None:
            self._failure(conn, _source_of(a), problem, report)
            return "rejected"
        digest = _analysis_hash(a)
        row = conn.execute("SELECT analysis_hash, source FROM documents WHERE id = ?", (a.document.id,)).fetchone()
        if row and row[0] == digest:
            return "unchanged"
        if row and _origin(row[1]) != _origin(a.document.source):
            report.moved.append(Rejected(a.document.source, f"replaces document {a.document.id!r} stored from {row[1]}"))
        conn.execute("SAVEPOINT article")
        try:
            if row:
                self._delete_document(conn, a.document.id)
            self._insert(conn, a, digest)
        except (sqlite3.Error, ValueError, TypeError, AttributeError) as exc:
            conn.execute("ROLLBACK TO article")
            conn.execute("RELEASE article")
            self._failure(conn, a.document.source or a.document.id, f"cannot store: {exc}", report)
            return "rejected"
        conn.execute("RELEASE article")
        return "replaced" if row else "added"

    def _failure(self, conn: sqlite3.Connection, source: str, reason: str, report: IngestReport) -> None:
        log.warning("rejected %s: %s", source, reason)
        conn.execute("INSERT INTO failures (source, reason, time) VALUES (?, ?, ?)", (source, reason, _now()))
        report.rejected.append(Rejected(source, reason))

    @staticmethod
    def _delete_document(conn: sqlite3.Connection, doc_id: str) -> None:
        # children first, explicitly: the FTS triggers must see each deleted event row
        conn.execute("DELETE FROM entity_variants WHERE entity_id IN (SELECT id FROM entities WHERE doc_id = ?)",
                     (doc_id,))
        for table in ("entities", "events", "facts", "quotes", "documents"):
            conn.execute(f"DELETE FROM {table} WHERE {'id' if table == 'documents' else 'doc_id'} = ?", (doc_id,))

    def _insert(self, conn: sqlite3.Connection, a: Analysis, digest: str) -> None:
        doc = a.document
        if a.story:
            conn.execute("INSERT OR IGNORE INTO stories (id) VALUES (?)", (a.story,))
        conn.execute(
            "INSERT INTO documents (id, content_hash, analysis_hash, text, title, url, lang, published, "
            "published_basis, story, source, given_published, given_lang, extra, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, _content_hash(doc), digest, doc.text, doc.title, doc.url, a.lang,
             a.published.value if a.published else None, a.published_basis, a.story, doc.source,
             doc.published, doc.lang, _extra(a), _now()))
        conn.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_event_row(doc.id, digest, i, e) for i, e in enumerate(a.events)])
        conn.executemany("INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         [_fact_row(doc.id, digest, i, f) for i, f in enumerate(a.facts)])
        insert_quotes(conn, doc.id, digest, a.quotes, _main_org(a))
        for i, ent in enumerate(a.entities):
            cur = conn.execute("INSERT INTO entities (doc_id, seq, name, kind, name_key, mentions) "
                               "VALUES (?, ?, ?, ?, ?, ?)",
                               (doc.id, i, ent.name, ent.kind.value, name_key(ent.name),
                                json.dumps([_span_out(s) for s in ent.mentions], ensure_ascii=False)))
            conn.executemany("INSERT INTO entity_variants VALUES (?, ?, ?, ?)",
                             [(cur.lastrowid, j, v, name_key(v)) for j, v in enumerate(ent.variants)])

    def record_failure(self, source: str, reason: str) -> None:
        """Record an input that was rejected before it became an analysis."""
        self.record_failures([Rejected(source, reason)])

    def record_failures(self, rejected: Sequence[Rejected]) -> None:
        """Record many rejected inputs in one transaction."""
        if not rejected:
            return
        with self._write() as conn:
            now = _now()
            conn.executemany("INSERT INTO failures (source, reason, time) VALUES (?, ?, ?)",
                             [(str(r.source), str(r.reason), now) for r in rejected])

    def failures(self) -> list[Failure]:
        return [Failure(*r) for r in self._conn.execute("SELECT id, source, reason, time FROM failures ORDER BY id")]

    # -- reads: stored analyses
    def analyses(self) -> Iterator[Analysis]:
        """Every stored analysis, rebuilt, in document id order."""
        ids = [r[0] for r in self._conn.execute("SELECT id FROM documents ORDER BY id")]
        for doc_id in ids:
            a = self.analysis(doc_id)
            if a is not None:
                yield a

    def analysis(self, doc_id: str) -> Analysis | None:
        with self._snapshot():
            return self._analysis(doc_id)

    def _analysis(self, doc_id: str) -> Analysis | None:
        row = self._conn.execute(
            "SELECT id, text, title, url, given_published, given_lang, source, lang, published, "
            "published_basis, story, extra FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        doc = Document(row[0], row[1], row[2], row[3], row[4], row[5], row[6])
        extra = json.loads(row[11])
        mentions = tuple(Mention(doc_id, m[0], m[1], m[2], MentionKind(m[3]), m[4], m[5]) for m in extra["mentions"])
        events = tuple(_event_from_row(r) for r in self._conn.execute(
            f"SELECT {_EVENT_COLS} FROM events WHERE doc_id = ? ORDER BY seq", (doc_id,)))
        facts = tuple(_fact_from_row(r) for r in self._conn.execute(
            f"SELECT {_FACT_COLS} FROM facts WHERE doc_id = ? ORDER BY seq", (doc_id,)))
        return Analysis(doc, row[7], DateValue(row[8]) if row[8] else None, row[9],
                        boilerplate=tuple(_span_in(s) for s in extra["boilerplate"]),  # type: ignore[misc]
                        mentions=mentions, entities=self._entities(doc_id), events=events, facts=facts,
                        quotes=quotes_of(self._conn, doc_id), story=row[10], warnings=tuple(extra["warnings"]))

    def quotes(self, *, person: str | None = None, org: str | None = None, limit: int = 200,
               offset: int = 0) -> list[StoredQuote]:
        """Stored quotations by a speaker and/or of an organisation (its own or said in its articles)."""
        if person or org:
            self.ensure_fused()  # the aliases that say which spellings are one person
        return search_quotes(self._conn, person=person, org=org, limit=limit, offset=offset)

    def _entities(self, doc_id: str) -> tuple[Entity, ...]:
        out = []
        for eid, name, kind, spans in self._conn.execute(
                "SELECT id, name, kind, mentions FROM entities WHERE doc_id = ? ORDER BY seq", (doc_id,)):
            variants = tuple(r[0] for r in self._conn.execute(
                "SELECT variant FROM entity_variants WHERE entity_id = ? ORDER BY seq", (eid,)))
            out.append(Entity(name, MentionKind(kind), variants, tuple(_span_in(s) for s in json.loads(spans))))  # type: ignore[misc]
        return tuple(out)

    def _doc_metas(self) -> dict[str, DocMeta]:
        return {r[0]: DocMeta(r[0], DateValue(r[1]) if r[1] else None, r[2])
                for r in self._conn.execute("SELECT id, published, story FROM documents")}

    def event_reports(self) -> Iterator[EventReport]:
        with self._snapshot():
            metas = self._doc_metas()
            rows = self._conn.execute(f"SELECT id, {_EVENT_COLS} FROM events ORDER BY doc_id, seq").fetchall()
        return iter([EventReport(row[0], _event_from_row(row[1:]), metas[row[1]]) for row in rows])

    def fact_reports(self) -> Iterator[FactReport]:
        with self._snapshot():
            metas = self._doc_metas()
            rows = self._conn.execute(f"SELECT id, {_FACT_COLS} FROM facts ORDER BY doc_id, seq").fetchall()
        return iter([FactReport(row[0], _fact_from_row(row[1:]), metas[row[1]]) for row in rows])

    def aliases(self) -> dict[str, str]:
        """Variant key -> canonical name, from the entities of every stored article."""
        names: dict[int, tuple[str, str, list[str]]] = {}
        docs: dict[str, list[int]] = {}
        with self._snapshot():
            for eid, name, kind, doc_id in self._conn.execute("SELECT id, name, kind, doc_id FROM entities"):
                names[eid] = (name, kind, [])
                docs.setdefault(doc_id, []).append(eid)
            for eid, variant in self._conn.execute(
                    "SELECT entity_id, variant FROM entity_variants ORDER BY entity_id, seq"):
                names[eid][2].append(variant)
        entities = {eid: Entity(n, MentionKind(k), tuple(v)) for eid, (n, k, v) in names.items()}
        return with_short_names(build_aliases(entities.values()),
                                ([entities[e] for e in ids] for ids in docs.values()))

    def documents_info(self, ids: Iterable[str] | None = None) -> dict[str, DocInfo]:
        sql = "SELECT id, title, url, lang, published, story, source FROM documents"
        with self._snapshot():
            rows = self._conn.execute(sql).fetchall() if ids is None else [
                r for i in dict.fromkeys(ids) for r in self._conn.execute(sql + " WHERE id = ?", (i,))]
        return {r[0]: DocInfo(r[0], r[1], r[2], r[3], DateValue(r[4]) if r[4] else None, r[5], r[6]) for r in rows}

    def stories(self) -> dict[str, list[str]]:
        """Story id -> its document ids (a document without a story is its own story)."""
        out: dict[str, list[str]] = {}
        for doc_id, story in self._conn.execute("SELECT id, story FROM documents ORDER BY id"):
            out.setdefault(story or doc_id, []).append(doc_id)
        return out

    # -- fusion cache
    def ensure_fused(self) -> bool:
        """Recompute the fusion cache if the data moved on since; True when it did."""
        if self._conn.in_transaction:
            return False  # inside a read snapshot: read the cache as that snapshot has it
        with self._snapshot():  # the inputs of fusion and their version from one snapshot
            version = self._meta("data_version") or "0"
            if self._meta("fused_version") == f"{version}/{FUSION_REVISION}":  # new fusion rules: fuse again
                return False
            events, facts, aliases = self.event_reports(), self.fact_reports(), self.aliases()
        timeline = fuse(events, facts, aliases=aliases)
        try:
            with self._write() as conn:
                now = self._conn.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
                if (now[0] if now else "0") != version:
                    return False  # a write slipped in between; the next read fuses again
                _write_fusion(conn, timeline, aliases)
                self._set_meta(conn, "fused_version", f"{version}/{FUSION_REVISION}")
        except StoreError as exc:  # a read-only store: answer from the cache it has
            log.warning("fusion not saved: %s", exc)
            return False
        log.info("fused %d tenures, %d events, %d conflicts", len(timeline.tenures), len(timeline.events),
                 len(timeline.conflicts))
        return True

    def timeline(self) -> Timeline:
        self.ensure_fused()
        with self._snapshot():
            return Timeline(tuple(self.find_tenures()), tuple(self.find_events()), tuple(self.find_conflicts()))

    def resolve(self, name: str) -> str:
        """The key of a name's canonical form, through known variants; the name's own key otherwise."""
        self.ensure_fused()
        key = name_key(name)
        row = self._conn.execute("SELECT name_key FROM fused_aliases WHERE variant_key = ?", (key,)).fetchone()
        return row[0] if row else key

    def explain_name(self, name: str) -> dict[str, list[tuple[str, str, str]]]:
        """Canonical name -> (spelling, document, why it is this name) for a name typed in any spelling."""
        aliases = self.aliases()
        key = name_key(name)
        canonical = {aliases.get(key, name)} if key in aliases else set()
        if not canonical:  # part of a name: every canonical name containing it
            canonical = {v for k, v in aliases.items() if key and key in name_key(v)}
        out: dict[str, list[tuple[str, str, str]]] = {}
        for target in sorted(canonical):
            rows = []
            for doc_id, ent, variant in self._conn.execute(
                    "SELECT e.doc_id, e.name, v.variant FROM entities e JOIN entity_variants v ON v.entity_id = e.id "
                    "ORDER BY e.doc_id, v.seq"):
                if aliases.get(name_key(variant)) != target and aliases.get(name_key(ent)) != target:
                    continue
                if name_key(variant) == name_key(target):
                    why = "the canonical spelling"
                elif name_key(ent) == name_key(target) and aliases.get(name_key(variant)) == target:
                    why = f"named {ent!r} in the same article (coreference)"
                elif aliases.get(name_key(variant)) == target:
                    why = f"a spelling only {target!r} uses across the articles"
                else:
                    why = f"the article's {ent!r}, joined to {target!r} by its other spellings"
                rows.append((variant, doc_id, why))
            if rows:
                out[target] = list(dict.fromkeys(rows))
        return out

    def variants_of(self, name: str) -> list[str]:
        self.ensure_fused()
        key = name_key(name)
        rows = self._conn.execute(
            "SELECT DISTINCT v.variant FROM entities e JOIN entity_variants v ON v.entity_id = e.id "
            "WHERE e.name_key = ? ORDER BY v.variant", (key,))
        return [r[0] for r in rows if r[0] != name]

    def find_tenures(self, *, org_key: str | None = None, family_key: str | None = None,
                     role_key: str | None = None, holder_key: str | None = None,
                     on: dt.date | None = None) -> list[Tenure]:
        """Tenures matching every given key; with ``on``, those possibly held that day."""
        self.ensure_fused()
        where, args = _conditions(org_key=org_key, family_key=family_key, role_key=role_key, holder_key=holder_key)
        if on is not None:
            where.append("start_earliest <= ? AND end_latest >= ?")
            args += [on.isoformat(), on.isoformat()]
        sql = "SELECT payload FROM fused_tenures" + (" WHERE " + " AND ".join(where) if where else "")
        return [tenure_from_dict(json.loads(r[0])) for r in self._conn.execute(sql + " ORDER BY rowid", args)]

    def find_events(self, *, org_key: str | None = None, holder_key: str | None = None) -> list[FusedEvent]:
        self.ensure_fused()
        where, args = _conditions(org_key=org_key, holder_key=holder_key)
        sql = "SELECT payload FROM fused_events" + (" WHERE " + " AND ".join(where) if where else "")
        return [event_from_dict(json.loads(r[0])) for r in self._conn.execute(sql + " ORDER BY seq", args)]

    def find_conflicts(self, *, org_key: str | None = None, holder_key: str | None = None) -> list[Conflict]:
        self.ensure_fused()
        where, args = _conditions(org_key=org_key, holder_key=holder_key)
        sql = "SELECT payload FROM fused_conflicts" + (" WHERE " + " AND ".join(where) if where else "")
        return [conflict_from_dict(json.loads(r[0])) for r in self._conn.execute(sql + " ORDER BY id", args)]

    def fused_record(self, record_id: str) -> Tenure | FusedEvent | None:
        self.ensure_fused()
        row = self._conn.execute("SELECT payload FROM fused_tenures WHERE id = ?", (record_id,)).fetchone()
        if row:
            return tenure_from_dict(json.loads(row[0]))
        row = self._conn.execute("SELECT payload FROM fused_events WHERE id = ?", (record_id,)).fetchone()
        return event_from_dict(json.loads(row[0])) if row else None

    def stored_evidence(self, record_id: str) -> list[Evidence]:
        """The evidence of one stored event or role fact, by its id."""
        for table in ("events", "facts"):
            row = self._conn.execute(f"SELECT doc_id, ev_start, ev_end, ev_text FROM {table} WHERE id = ?",
                                     (record_id,)).fetchone()
            if row:
                return [Evidence(*row)]
        return []

    def holders(self) -> list[tuple[str, str, int, int]]:
        """(holder, kind, tenures, events) for every holder in the fused timeline."""
        self.ensure_fused()
        rows = self._conn.execute(
            "SELECT holder_key, max(holder), max(holder_kind), sum(t), sum(e) FROM ("
            " SELECT holder_key, holder, holder_kind, 1 AS t, 0 AS e FROM fused_tenures UNION ALL"
            " SELECT holder_key, holder, holder_kind, 0, 1 FROM fused_events) GROUP BY holder_key ORDER BY 2")
        return [(r[1], r[2], r[3], r[4]) for r in rows]

    # -- full text
    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]:
        """Articles and event evidence matching every word of ``text`` (accent-insensitive)."""
        query = _fts_query(text)
        if not query:
            return []
        docs = self._conn.execute(
            "SELECT d.id, snippet(documents_fts, 1, '[', ']', '…', 12), bm25(documents_fts) FROM documents_fts "
            "JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ? "
            "ORDER BY bm25(documents_fts) LIMIT ?", (query, limit)).fetchall()
        events = self._conn.execute(
            "SELECT e.id, e.doc_id, e.ev_text, bm25(evidence_fts) FROM evidence_fts "
            "JOIN events e ON e.rowid = evidence_fts.rowid WHERE evidence_fts MATCH ? "
            "ORDER BY bm25(evidence_fts) LIMIT ?", (query, limit)).fetchall()
        hits = [SearchHit("document", r[0], r[0], r[1], -r[2]) for r in docs]
        hits += [SearchHit("event", r[0], r[1], r[2], -r[3]) for r in events]
        return sorted(hits, key=lambda h: (-h.score, h.kind, h.id))[:limit]


# ---------------------------------------------------------------------------------------- rows

_EVENT_COLS = ("doc_id, type, holder, holder_kind, role, org, date, modality, ev_start, ev_end, ev_text, "
               "trig_start, trig_end, trig_text, rule, confidence, date_text")
_FACT_COLS = "doc_id, holder, role, org, ev_start, ev_end, ev_text, current, as_of"


def _event_row(doc_id: str, digest: str, seq: int, e: Event) -> tuple[object, ...]:
    trig = e.trigger
    return (stable_id("ev-", digest, seq), doc_id, seq, e.type.value, e.holder, e.holder_kind.value, e.role,
            e.org, e.date.value if e.date else None, e.modality.value, e.evidence.start, e.evidence.end,
            e.evidence.text, trig.start if trig else None, trig.end if trig else None, trig.text if trig else None,
            e.rule, float(e.confidence), e.date_text, name_key(e.holder), name_key(e.role), name_key(e.org))


def _event_from_row(r: Sequence[object]) -> Event:
    trig = Span(int(r[11]), int(r[12]), str(r[13])) if r[11] is not None else None  # type: ignore[call-overload]
    return Event(str(r[0]), EventType(r[1]), str(r[2]), MentionKind(r[3]), r[4], r[5],  # type: ignore[arg-type]
                 DateValue(str(r[6])) if r[6] else None, Modality(r[7]),
                 Span(int(r[8]), int(r[9]), str(r[10])), trig, str(r[14]), float(r[15]), r[16])  # type: ignore[call-overload, arg-type]


def _fact_row(doc_id: str, digest: str, seq: int, f: RoleFact) -> tuple[object, ...]:
    return (stable_id("fa-", digest, seq), doc_id, seq, f.holder, f.role, f.org, f.evidence.start,
            f.evidence.end, f.evidence.text, int(f.current), f.as_of.value if f.as_of else None,
            name_key(f.holder), name_key(f.role), name_key(f.org))


def _fact_from_row(r: Sequence[object]) -> RoleFact:
    return RoleFact(str(r[0]), str(r[1]), str(r[2]), r[3], Span(int(r[4]), int(r[5]), str(r[6])),  # type: ignore[arg-type, call-overload]
                    bool(r[7]), DateValue(str(r[8])) if r[8] else None)


def _conditions(**keys: str | None) -> tuple[list[str], list[object]]:
    where = [f"{column} = ?" for column, value in keys.items() if value is not None]
    return where, [value for value in keys.values() if value is not None]


def _fts_query(text: str) -> str:
    """Every word as a quoted FTS5 string, so user input is never FTS syntax."""
    words = [w for w in "".join(ch if ch.isalnum() else " " for ch in str(text)).split() if w]
    return " ".join(f'"{w}"' for w in words)


def _write_fusion(conn: sqlite3.Connection, timeline: Timeline, aliases: dict[str, str]) -> None:
    for table in ("fused_tenures", "fused_events", "fused_conflicts", "fused_aliases"):
        conn.execute(f"DELETE FROM {table}")
    conn.executemany(
        "INSERT INTO fused_tenures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(t.id, t.holder, name_key(t.holder), t.holder_kind.value, t.role, name_key(t.role), role_family(t.role),
          t.org, name_key(t.org), t.start_earliest.isoformat(), t.start_latest.isoformat(),
          t.end_earliest.isoformat(), t.end_latest.isoformat(), t.status,
          json.dumps(tenure_to_dict(t, raw=True), ensure_ascii=False)) for t in timeline.tenures])
    conn.executemany(
        "INSERT INTO fused_events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(e.id, i, e.holder, name_key(e.holder), e.holder_kind.value, name_key(e.org), e.status,
          json.dumps(event_to_dict(e, raw=True), ensure_ascii=False)) for i, e in enumerate(timeline.events)])
    conn.executemany(
        "INSERT INTO fused_conflicts (kind, holder_key, org_key, payload) VALUES (?, ?, ?, ?)",
        [(c.kind, name_key(c.holder), name_key(c.org), json.dumps(conflict_to_dict(c), ensure_ascii=False))
         for c in timeline.conflicts])
    conn.executemany("INSERT INTO fused_aliases VALUES (?, ?, ?)",
                     [(k, v, name_key(v)) for k, v in aliases.items()])

