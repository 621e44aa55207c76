"""The fusion cache: the fused timeline kept in ``fused_*`` tables, brought up to date after writes.

Fusion (:func:`succession.timeline.fuse.fuse`) never relates two names that no report links: tenures, events and
conflicts of a person depend only on the reports of the people and organisations connected to them
through reports (a person's moves, an organisation's seats). So after a write only the *components* of
that graph which hold a name key the write touched (``fusion_dirty``) are fused again, and their rows
replace the old ones; the rest of the cache stands. Name variants are kept up to date the same way: the
spellings of a touched key are voted again, and organisations' short names where their full names moved.
The result is the one a full rebuild gives (``tests/test_incremental_fusion.py`` checks it on random
orders of the same articles); a full rebuild runs when the rules changed (``FUSION_REVISION``) or the
cache was never built.

Rows carry ``sort_key`` (:func:`succession.timeline.fuse.record_orders`), so a reader gets them in the order a full
fusion gives, whichever fusion wrote them.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence

from ..errors import StoreError
from ..timeline.fuse import (
    FUSION_REVISION, DocMeta, EventReport, FactReport, Timeline, build_aliases, conflict_to_dict, event_to_dict,
    fuse, name_key, recency_key, record_orders, role_family, short_name, short_name_proposals, tenure_to_dict,
    with_short_names,
)
from ..models import DateValue, Entity, MentionKind
from . import rows as R
from .core import Connection, StoreCore

__all__ = ["FusedStore"]

log = logging.getLogger(__name__)

CHUNK = 5_000  # keys per IN (...) list: far below every engine's limit on parameters
FULL_ABOVE = 20_000  # touched keys beyond which one full fusion is cheaper than following the graph


def chunks(keys: Iterable[str]) -> Iterable[list[str]]:
    items = sorted(set(keys))
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def marks(n: int) -> str:
    return ", ".join("?" * n)


class FusedStore(StoreCore):
    """Keeps the ``fused_*`` tables in step with the reports."""

    # -- inputs of fusion
    def _doc_metas(self, ids: Iterable[str] | None = None) -> dict[str, DocMeta]:
        sql = "SELECT id, published, story FROM documents"
        found = (self._conn.execute(sql).fetchall() if ids is None else
                 [r for part in chunks(ids) for r in self._conn.execute(f"{sql} WHERE id IN ({marks(len(part))})", part)])
        return {r[0]: DocMeta(r[0], DateValue(r[1]) if r[1] else None, r[2]) for r in found}

    def _reports(self, holder_keys: Iterable[str] | None = None) -> tuple[list[EventReport], list[FactReport]]:
        """Event and fact reports (of the given raw holder keys, or all), in document order."""
        found: dict[str, list[tuple]] = {}  # type: ignore[type-arg]
        for table, cols in (("events", R.EVENT_COLS), ("facts", R.FACT_COLS)):
            sql = f"SELECT id, seq, {cols} FROM {table}"
            if holder_keys is None:
                found[table] = self._conn.execute(f"{sql} ORDER BY doc_id, seq").fetchall()
            else:
                found[table] = sorted((r for part in chunks(holder_keys) for r in self._conn.execute(
                    f"{sql} WHERE holder_key IN ({marks(len(part))})", part)), key=lambda r: (r[2], r[1]))
        metas = self._doc_metas(None if holder_keys is None else {r[2] for rows in found.values() for r in rows})
        events = [EventReport(r[0], R.event_from_row(r[2:]), metas[r[2]]) for r in found["events"]]
        facts = [FactReport(r[0], R.fact_from_row(r[2:]), metas[r[2]]) for r in found["facts"]]
        return events, facts

    def _entity_docs(self, where: str = "", args: Sequence[object] = ()) -> dict[str, list[Entity]]:
        """Document id -> its entities with their variants (of the documents ``where`` picks)."""
        rows = self._conn.execute(
            "SELECT e.id, e.doc_id, e.name, e.kind, v.variant FROM entities e "
            f"LEFT JOIN entity_variants v ON v.entity_id = e.id {where} ORDER BY e.doc_id, e.seq, v.seq",
            args).fetchall()
        names: dict[int, tuple[str, str, str, list[str]]] = {}
        for eid, doc_id, name, kind, variant in rows:
            entry = names.setdefault(eid, (doc_id, name, kind, []))
            if variant is not None:
                entry[3].append(variant)
        docs: dict[str, list[Entity]] = {}
        for doc_id, name, kind, variants in names.values():
            docs.setdefault(doc_id, []).append(Entity(name, MentionKind(kind), tuple(variants)))
        return docs

    # -- the cache
    def ensure_fused(self) -> bool:
        """Bring the fusion cache up to date; True when it changed."""
        if self._conn.in_transaction:
            return False  # inside a read snapshot: read the cache as that snapshot has it
        row = self._conn.execute("SELECT (SELECT value FROM meta WHERE key = 'data_version'), "
                                 "(SELECT value FROM meta WHERE key = 'fused_version')").fetchone()
        version, fused = row[0] or "0", row[1]  # one round trip: every read asks this first
        if fused == f"{version}/{FUSION_REVISION}":
            return False
        try:
            if fused and fused.endswith(f"/{FUSION_REVISION}"):
                done = self._fuse_touched()
                if done is not None:
                    return done
            return self._fuse_all(version)
        except StoreError as exc:  # a read-only store: answer from the cache it has
            log.warning("fusion not saved: %s", exc)
            return False

    def _fuse_all(self, version: str) -> bool:
        with self._snapshot():  # the inputs of fusion and their version from one snapshot
            version = self._meta("data_version") or "0"
            events, facts = self._reports()
            docs = self._entity_docs()
        base = build_aliases(e for ents in docs.values() for e in ents)
        final = with_short_names(base, docs.values())
        timeline = fuse(events, facts, aliases=final)
        with self._write() as conn:
            now = conn.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
            if (now[0] if now else "0") != version:
                return False  # a write slipped in between; the next read fuses again
            for table in ("fused_tenures", "fused_events", "fused_conflicts", "fused_aliases", "fusion_dirty"):
                conn.execute(f"DELETE FROM {table}")
            conn.executemany("INSERT INTO fused_aliases (variant_key, name, name_key, base) VALUES (?, ?, ?, ?)",
                             [(k, v, name_key(v), base.get(k)) for k, v in final.items()])
            _insert_timeline(conn, timeline)
            self._set_meta(conn, "fused_version", f"{version}/{FUSION_REVISION}")
        self._grown()
        log.info("fused %d tenures, %d events, %d conflicts", len(timeline.tenures), len(timeline.events),
                 len(timeline.conflicts))
        return True

    def _fuse_touched(self) -> bool | None:
        """Fuse again the components of the touched keys, in one write transaction; None: do it all."""
        with self._write() as conn:
            touched = {r[0] for r in conn.execute("SELECT key FROM fusion_dirty").fetchall()}
            if len(touched) > FULL_ABOVE:
                return None
            starts = self._update_aliases(conn, touched)
            component, raw = self._component(conn, starts)
            events, facts = self._reports(raw)
            names = {name_key(x) for r in events for x in (r.event.holder, r.event.org)}
            names |= {name_key(x) for r in facts for x in (r.fact.holder, r.fact.org)}
            aliases = {k: v for part in chunks(names) for k, v in conn.execute(
                f"SELECT variant_key, name FROM fused_aliases WHERE variant_key IN ({marks(len(part))})", part)}
            timeline = fuse(events, facts, aliases=aliases)
            written = _replace_part(conn, component, timeline)
            conn.execute("DELETE FROM fusion_dirty")
            version = conn.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
            self._set_meta(conn, "fused_version", f"{version[0] if version else '0'}/{FUSION_REVISION}")
        log.info("fused %d names again: %d tenures, %d events, %d rows written", len(component),
                 len(timeline.tenures), len(timeline.events), written)
        return True

    def _aliases_of(self, conn: Connection, keys: Iterable[str]) -> dict[str, tuple[str, str | None]]:
        """Stored variant key -> (canonical name, voted name or None) for ``keys``."""
        return {r[0]: (r[1], r[2]) for part in chunks(keys) for r in conn.execute(
            f"SELECT variant_key, name, base FROM fused_aliases WHERE variant_key IN ({marks(len(part))})", part)}

    def _update_aliases(self, conn: Connection, touched: set[str]) -> set[str]:
        """Vote the touched keys' spellings again (and the short names that hang on them); store the new
        aliases and return the canonical keys, old and new, whose components must be fused again."""
        voters: dict[str, list[Entity]] = {}
        for part in chunks(touched):
            m = marks(len(part))
            voters.update(self._entity_docs(
                f"WHERE e.id IN (SELECT id FROM entities WHERE name_key IN ({m}) UNION "
                f"SELECT entity_id FROM entity_variants WHERE variant_key IN ({m}))", part + part))
        votes = build_aliases(e for ents in voters.values() for e in ents)
        base = {k: votes[k] for k in touched if k in votes}
        old = self._aliases_of(conn, touched)
        moved = {k for k in touched if base.get(k) != (old[k][1] if k in old else None)}
        # short names: those of the touched organisations, and those beside a full name whose spelling moved
        shorts = set(touched)
        for part in chunks(moved):
            shorts |= {r[0] for r in conn.execute(
                "SELECT name_key FROM entities WHERE kind = ? AND doc_id IN (SELECT doc_id FROM entities "
                f"WHERE kind = ? AND name_key IN ({marks(len(part))}))",
                [MentionKind.ORG.value, MentionKind.ORG.value, *part])}
        docs: dict[str, list[Entity]] = {}
        for part in chunks(shorts):
            docs.update(self._entity_docs(
                f"WHERE e.kind = ? AND e.doc_id IN (SELECT doc_id FROM entities WHERE kind = ? AND name_key IN "
                f"({marks(len(part))}))", [MentionKind.ORG.value, MentionKind.ORG.value, *part]))
        fulls = {name_key(e.name) for ents in docs.values() for e in ents}
        stored = self._aliases_of(conn, (shorts | fulls) - touched) | old
        voted = {k: v[1] for k, v in stored.items() if v[1] is not None and k not in touched} | base
        proposals = short_name_proposals(voted, docs.values())
        starts: set[str] = set()
        rows = []
        for key in sorted(shorts | touched):
            final = short_name(key, voted.get(key), proposals.get(key, set()))
            before = stored[key][0] if key in stored else None
            if key in touched or final != before:
                starts |= {name_key(before) if before else key, name_key(final) if final else key, key}
                rows.append((key, final))
        for part in chunks(k for k, _ in rows):
            conn.execute(f"DELETE FROM fused_aliases WHERE variant_key IN ({marks(len(part))})", part)
        conn.executemany("INSERT INTO fused_aliases (variant_key, name, name_key, base) VALUES (?, ?, ?, ?)",
                         [(k, v, name_key(v), voted.get(k)) for k, v in rows if v])
        return {k for k in starts if k}

    def _component(self, conn: Connection, starts: set[str]) -> tuple[set[str], set[str]]:
        """The canonical keys linked to ``starts`` through reports, and every raw key that maps to them."""
        component, raw = set(starts), set()
        frontier = set(starts)
        while frontier:
            keys = set(frontier)
            for part in chunks(frontier):
                keys |= {r[0] for r in conn.execute(
                    f"SELECT variant_key FROM fused_aliases WHERE name_key IN ({marks(len(part))})", part)}
            keys -= raw
            raw |= keys
            linked: set[str] = set()
            for part in chunks(keys):
                m = marks(len(part))
                for table in ("events", "facts"):
                    for h, o in conn.execute(f"SELECT holder_key, org_key FROM {table} WHERE holder_key IN ({m}) "
                                             f"UNION SELECT holder_key, org_key FROM {table} WHERE org_key IN ({m})",
                                             part + part):
                        linked |= {h, o}
            linked.discard("")
            canonical = {k: v[0] for k, v in self._aliases_of(conn, linked).items()}
            frontier = {name_key(canonical[k]) if k in canonical else k for k in linked} - component
            component |= frontier
        return component, raw


_TENURE_COLS = ("id, holder, holder_key, holder_kind, role, role_key, family_key, org, org_key, start_earliest, "
                "start_latest, end_earliest, end_latest, status, payload, sort_key")
_EVENT_COLS = "id, seq, holder, holder_key, holder_kind, org, org_key, recency, status, payload, sort_key"


def _tenure_rows(timeline: Timeline) -> list[tuple[object, ...]]:
    return [(t.id, t.holder, name_key(t.holder), t.holder_kind.value, t.role, name_key(t.role), role_family(t.role),
             t.org, name_key(t.org), t.start_earliest.isoformat(), t.start_latest.isoformat(),
             t.end_earliest.isoformat(), t.end_latest.isoformat(), t.status,
             json.dumps(tenure_to_dict(t, raw=True), ensure_ascii=False), record_orders(t=t)) for t in timeline.tenures]


def _event_rows(timeline: Timeline) -> list[tuple[object, ...]]:
    return [(e.id, 0, e.holder, name_key(e.holder), e.holder_kind.value, e.org or "", name_key(e.org), recency_key(e),
             e.status, json.dumps(event_to_dict(e, raw=True), ensure_ascii=False), record_orders(e=e))
            for e in timeline.events]


def _insert_timeline(conn: Connection, timeline: Timeline) -> None:
    conn.executemany(f"INSERT INTO fused_tenures ({_TENURE_COLS}) VALUES ({marks(16)})", _tenure_rows(timeline))
    conn.executemany(f"INSERT INTO fused_events ({_EVENT_COLS}) VALUES ({marks(_EVENT_COLS.count(',') + 1)})",
                     _event_rows(timeline))
    _insert_conflicts(conn, timeline)


def _insert_conflicts(conn: Connection, timeline: Timeline) -> None:
    conn.executemany(
        "INSERT INTO fused_conflicts (kind, holder_key, org_key, payload, sort_key) VALUES (?, ?, ?, ?, ?)",
        [(c.kind, name_key(c.holder), name_key(c.org), json.dumps(conflict_to_dict(c), ensure_ascii=False),
          record_orders(c=c)) for c in timeline.conflicts])


def _replace_part(conn: Connection, component: set[str], timeline: Timeline) -> int:
    """Put the fused records of ``component`` in place of the old ones, writing only the rows that changed
    (records keep their ids from one fusion to the next); returns how many rows were written."""
    written = 0
    for table, cols, rows in (("fused_tenures", _TENURE_COLS, _tenure_rows(timeline)),
                              ("fused_events", _EVENT_COLS, _event_rows(timeline))):
        old = {r[0]: (r[1], r[2]) for part in chunks(component) for r in conn.execute(
            f"SELECT id, payload, sort_key FROM {table} WHERE holder_key IN ({marks(len(part))})", part)}
        fresh = [r for r in rows if old.get(str(r[0])) != (r[-2], r[-1])]
        ids = {r[0] for r in rows}
        gone = [i for i in old if i not in ids] + [str(r[0]) for r in fresh if r[0] in old]
        for part in chunks(gone):
            conn.execute(f"DELETE FROM {table} WHERE id IN ({marks(len(part))})", part)
        conn.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks(cols.count(',') + 1)})", fresh)
        written += len(fresh) + len(gone)
    for part in chunks(component):  # two statements: each IN list then has its index
        conn.execute(f"DELETE FROM fused_conflicts WHERE holder_key IN ({marks(len(part))})", part)
        conn.execute(f"DELETE FROM fused_conflicts WHERE org_key IN ({marks(len(part))})", part)
    _insert_conflicts(conn, timeline)
    return written
