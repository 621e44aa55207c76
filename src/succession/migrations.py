"""Versioned schema migrations for the SQLite store: named, ordered, transactional, recorded.

Each migration is a name and a tuple of SQL statements. :func:`apply` runs the pending ones in order,
each inside its own ``BEGIN IMMEDIATE`` transaction together with the row that records it in
``_migrations``, so an interrupted upgrade leaves the schema at the previous version and the next open
finishes it. Statements are kept separate (no ``executescript``, which would commit on its own).
"""
from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass

__all__ = ["MIGRATIONS", "Migration", "applied", "apply", "pending"]

log = logging.getLogger(__name__)

_FTS = "tokenize = 'unicode61 remove_diacritics 2'"


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    statements: tuple[str, ...]


_INITIAL = Migration("0001_initial", (
    """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE stories (id TEXT PRIMARY KEY)""",
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,      -- the article itself (text and metadata)
        analysis_hash TEXT NOT NULL,     -- everything stored for it; equal means nothing to do
        text TEXT NOT NULL,
        title TEXT, url TEXT, lang TEXT,
        published TEXT, published_basis TEXT,
        story TEXT REFERENCES stories(id),
        source TEXT NOT NULL DEFAULT '',
        given_published TEXT, given_lang TEXT,
        extra TEXT NOT NULL DEFAULT '{}', -- JSON: boilerplate, mentions, warnings
        ingested_at TEXT NOT NULL)""",
    """CREATE INDEX documents_story ON documents(story)""",
    """CREATE TABLE events (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL, holder TEXT NOT NULL, holder_kind TEXT NOT NULL,
        role TEXT, org TEXT, date TEXT, modality TEXT NOT NULL,
        ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL, ev_text TEXT NOT NULL,
        trig_start INTEGER, trig_end INTEGER, trig_text TEXT,
        rule TEXT NOT NULL DEFAULT '', confidence REAL NOT NULL, date_text TEXT,
        holder_key TEXT NOT NULL, role_key TEXT NOT NULL, org_key TEXT NOT NULL)""",
    """CREATE INDEX events_doc ON events(doc_id, seq)""",
    """CREATE INDEX events_org_role ON events(org_key, role_key)""",
    """CREATE INDEX events_holder ON events(holder_key)""",
    """CREATE TABLE facts (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        holder TEXT NOT NULL, role TEXT NOT NULL, org TEXT,
        ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL, ev_text TEXT NOT NULL,
        current INTEGER NOT NULL, as_of TEXT,
        holder_key TEXT NOT NULL, role_key TEXT NOT NULL, org_key TEXT NOT NULL)""",
    """CREATE INDEX facts_doc ON facts(doc_id, seq)""",
    """CREATE INDEX facts_org_role ON facts(org_key, role_key)""",
    """CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        name TEXT NOT NULL, kind TEXT NOT NULL, name_key TEXT NOT NULL,
        mentions TEXT NOT NULL DEFAULT '[]')""",
    """CREATE INDEX entities_doc ON entities(doc_id, seq)""",
    """CREATE TABLE entity_variants (
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        variant TEXT NOT NULL, variant_key TEXT NOT NULL,
        PRIMARY KEY (entity_id, seq))""",
    """CREATE INDEX entity_variants_key ON entity_variants(variant_key)""",
    """CREATE TABLE failures (
        id INTEGER PRIMARY KEY, source TEXT NOT NULL, reason TEXT NOT NULL, time TEXT NOT NULL)""",
    # full text: external-content tables kept in step by triggers, so text is stored once
    f"""CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents',
        content_rowid='rowid', {_FTS})""",
    """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END""",
    """CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text); END""",
    f"""CREATE VIRTUAL TABLE evidence_fts USING fts5(ev_text, content='events', content_rowid='rowid', {_FTS})""",
    """CREATE TRIGGER evidence_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO evidence_fts(rowid, ev_text) VALUES (new.rowid, new.ev_text); END""",
    """CREATE TRIGGER evidence_fts_delete AFTER DELETE ON events BEGIN
        INSERT INTO evidence_fts(evidence_fts, rowid, ev_text) VALUES ('delete', old.rowid, old.ev_text); END""",
))

_FUSION_CACHE = Migration("0002_fusion_cache", (
    # results of succession.timeline.fuse over the whole store, rebuilt when meta.data_version moves on
    """CREATE TABLE fused_tenures (
        id TEXT PRIMARY KEY,
        holder TEXT NOT NULL, holder_key TEXT NOT NULL, holder_kind TEXT NOT NULL,
        role TEXT, role_key TEXT NOT NULL, family_key TEXT NOT NULL,
        org TEXT NOT NULL, org_key TEXT NOT NULL,
        start_earliest TEXT NOT NULL, start_latest TEXT NOT NULL,
        end_earliest TEXT NOT NULL, end_latest TEXT NOT NULL,
        status TEXT NOT NULL, payload TEXT NOT NULL)""",
    """CREATE INDEX fused_tenures_seat ON fused_tenures(org_key, family_key, start_earliest)""",
    """CREATE INDEX fused_tenures_holder ON fused_tenures(holder_key, start_earliest)""",
    """CREATE TABLE fused_events (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL,
        holder TEXT NOT NULL, holder_key TEXT NOT NULL, holder_kind TEXT NOT NULL, org_key TEXT NOT NULL,
        status TEXT NOT NULL, payload TEXT NOT NULL)""",
    """CREATE INDEX fused_events_org ON fused_events(org_key, seq)""",
    """CREATE INDEX fused_events_holder ON fused_events(holder_key, seq)""",
    """CREATE TABLE fused_conflicts (
        id INTEGER PRIMARY KEY, kind TEXT NOT NULL, holder_key TEXT NOT NULL, org_key TEXT NOT NULL,
        payload TEXT NOT NULL)""",
    """CREATE INDEX fused_conflicts_org ON fused_conflicts(org_key)""",
    """CREATE INDEX fused_conflicts_holder ON fused_conflicts(holder_key)""",
    """CREATE TABLE fused_aliases (
        variant_key TEXT PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL)""",
))

_WATCH_STATE = Migration("0003_watch_state", (
    # succession.sources.watch: one row per followed feed, its validators and health
    """CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        title TEXT,
        etag TEXT, last_modified TEXT,      -- validators for the next conditional GET
        last_fetch TEXT, last_status TEXT, last_error TEXT,
        consecutive_errors INTEGER NOT NULL DEFAULT 0,
        next_due TEXT NOT NULL DEFAULT '',  -- ISO time; '' = due now
        entries INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0,
        added_at TEXT NOT NULL)""",
    # every article URL met in a feed and what became of it: nothing is fetched or ingested twice
    """CREATE TABLE seen_articles (
        url TEXT PRIMARY KEY,
        feed TEXT NOT NULL,
        doc_id TEXT, content_hash TEXT,
        outcome TEXT NOT NULL,              -- ingested | skipped
        reason TEXT, seen_at TEXT NOT NULL)""",
    """CREATE INDEX seen_articles_feed ON seen_articles(feed)""",
    """CREATE INDEX seen_articles_hash ON seen_articles(content_hash)""",
))

_ALERTS = Migration("0004_alerts", (
    # succession.alerts: one row per change of the fused timeline, keyed so it is announced once
    """CREATE TABLE changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        change_key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL, org_key TEXT NOT NULL, holder_key TEXT NOT NULL,
        payload TEXT NOT NULL, detected_at TEXT NOT NULL)""",
    """CREATE INDEX changes_org ON changes(org_key, seq)""",
    """CREATE TABLE deliveries (
        change_key TEXT NOT NULL REFERENCES changes(change_key),
        endpoint TEXT NOT NULL,
        status TEXT NOT NULL,               -- pending | delivered | failed
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT, updated_at TEXT NOT NULL,
        PRIMARY KEY (change_key, endpoint))""",
    """CREATE INDEX deliveries_status ON deliveries(endpoint, status)""",
))


_QUOTES = Migration("0005_quotes", (
    # who said what (succession.quotes), one row per quotation, with the speaker and organisation keys
    """CREATE TABLE quotes (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL, speaker TEXT, speaker_kind TEXT,
        sp_start INTEGER, sp_end INTEGER, sp_text TEXT,
        q_start INTEGER NOT NULL, q_end INTEGER NOT NULL, q_text TEXT NOT NULL,
        cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
        s_start INTEGER, s_end INTEGER, s_text TEXT,
        confidence REAL NOT NULL,
        speaker_key TEXT NOT NULL, org_key TEXT NOT NULL)""",
    """CREATE INDEX quotes_doc ON quotes(doc_id, seq)""",
    """CREATE INDEX quotes_speaker ON quotes(speaker_key)""",
    """CREATE INDEX quotes_org ON quotes(org_key)""",
))

MIGRATIONS: tuple[Migration, ...] = (_INITIAL, _FUSION_CACHE, _WATCH_STATE, _ALERTS, _QUOTES)


def _ensure_ledger(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations recorded in the database, in the order they were applied."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'").fetchone()
    if not exists:
        return []
    return [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]


def pending(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[Migration]:
    """The migrations not applied yet (reads only)."""
    done = set(applied(conn))
    return [m for m in migrations if m.name not in done]


def apply(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply pending migrations in order, one transaction each; return the names applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so the transactions are ours.
    """
    names = [m.name for m in migrations]
    if len(set(names)) != len(names):
        raise ValueError(f"duplicate migration names in {names}")
    done: list[str] = []
    for migration in pending(conn, migrations):
        conn.execute("BEGIN IMMEDIATE")
        try:
            _ensure_ledger(conn)
            if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (migration.name,)).fetchone():
                conn.execute("ROLLBACK")  # another process applied it while we waited for the lock
                continue
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                         (migration.name, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        log.info("applied migration %s", migration.name)
        done.append(migration.name)
    unknown = set(applied(conn)) - set(names)
    if unknown:
        log.warning("database has migrations this version does not know: %s", ", ".join(sorted(unknown)))
    return done
