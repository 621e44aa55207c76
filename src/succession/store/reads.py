"""Reads every SQL store shares: stored analyses, reports, names, and the fused timeline in pages."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator

from ..timeline.fuse import (
    Conflict, EventReport, Evidence, FactReport, FusedEvent, Tenure, Timeline, conflict_from_dict, event_from_dict,
    build_aliases, name_key, tenure_from_dict, with_short_names,
)
from ..models import Analysis, DateValue, Document, Entity, Mention, MentionKind
from ..quote_store import StoredQuote, quotes_of, search_quotes
from . import rows as R
from .base import DocInfo, SearchHit
from .fusion import chunks, marks
from .paged import PAGE, PagedStore, page_clause

__all__ = ["SQLStore"]



class SQLStore(PagedStore):
    """A store on a SQL engine; :class:`~succession.store.SQLiteStore` and
    :class:`~succession.store.PostgresStore` add the connection and full-text search."""

    # -- stored analyses
    def analyses(self) -> Iterator[Analysis]:
        """Every stored analysis, rebuilt, in document id order (read a page of ids at a time)."""
        last = ""
        while True:
            ids = [r[0] for r in self._conn.execute(
                f"SELECT id FROM documents WHERE id > ? ORDER BY {self.order('id')} LIMIT ?", (last, PAGE))]
            for doc_id in ids:
                a = self.analysis(doc_id)
                if a is not None:
                    yield a
            if len(ids) < PAGE:
                return
            last = ids[-1]

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
        events = tuple(R.event_from_row(r) for r in self._conn.execute(
            f"SELECT {R.EVENT_COLS} FROM events WHERE doc_id = ? ORDER BY seq", (doc_id,)))
        facts = tuple(R.fact_from_row(r) for r in self._conn.execute(
            f"SELECT {R.FACT_COLS} FROM facts WHERE doc_id = ? ORDER BY seq", (doc_id,)))
        return Analysis(doc, row[7], DateValue(row[8]) if row[8] else None, row[9],
                        boilerplate=tuple(R.span_in(s) for s in extra["boilerplate"]),  # type: ignore[misc]
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
                "SELECT id, name, kind, mentions FROM entities WHERE doc_id = ? ORDER BY seq", (doc_id,)).fetchall():
            variants = tuple(r[0] for r in self._conn.execute(
                "SELECT variant FROM entity_variants WHERE entity_id = ? ORDER BY seq", (eid,)))
            out.append(Entity(name, MentionKind(kind), variants, tuple(R.span_in(s) for s in json.loads(spans))))  # type: ignore[misc]
        return tuple(out)

    def event_reports(self) -> Iterator[EventReport]:
        with self._snapshot():
            return iter(self._reports()[0])

    def fact_reports(self) -> Iterator[FactReport]:
        with self._snapshot():
            return iter(self._reports()[1])

    def aliases(self) -> dict[str, str]:
        """Variant key -> canonical name, from the entities of every stored article."""
        with self._snapshot():
            docs = self._entity_docs()
        return with_short_names(build_aliases(e for ents in docs.values() for e in ents), docs.values())

    def documents_info(self, ids: Iterable[str] | None = None, *, limit: int | None = None,
                       offset: int = 0) -> dict[str, DocInfo]:
        """Metadata of the given documents, or of a page of all of them in id order."""
        sql = "SELECT id, title, url, lang, published, story, source FROM documents"
        with self._snapshot():
            if ids is None:
                rows = self._conn.execute(f"{sql} ORDER BY {self.order('id')}{page_clause(limit, offset)}").fetchall()
            else:
                rows = [r for part in chunks(ids) for r in self._conn.execute(
                    f"{sql} WHERE id IN ({marks(len(part))})", part)]
                rows.sort(key=lambda r: r[0])
        return {r[0]: DocInfo(r[0], r[1], r[2], r[3], DateValue(r[4]) if r[4] else None, r[5], r[6]) for r in rows}

    def document_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def stories(self) -> dict[str, list[str]]:
        """Story id -> its document ids (a document without a story is its own story)."""
        out: dict[str, list[str]] = {}
        for doc_id, story in self._conn.execute(f"SELECT id, story FROM documents ORDER BY {self.order('id')}"):
            out.setdefault(story or doc_id, []).append(doc_id)
        return out

    def story(self, story_id: str) -> list[str]:
        """The document ids of one story (a document without a story is its own)."""
        return [r[0] for r in self._conn.execute(
            f"SELECT id FROM documents WHERE story = ? OR (story IS NULL AND id = ?) ORDER BY {self.order('id')}",
            (story_id, story_id))]

    # -- the fused timeline
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
        spellings = self._conn.execute(
            "SELECT e.doc_id, e.name, v.variant FROM entities e JOIN entity_variants v ON v.entity_id = e.id "
            "ORDER BY e.doc_id, e.seq, v.seq").fetchall() if canonical else []
        for target in sorted(canonical):
            found = []
            for doc_id, ent, variant in spellings:
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
                found.append((variant, doc_id, why))
            if found:
                out[target] = list(dict.fromkeys(found))
        return out

    def variants_of(self, name: str) -> list[str]:
        self.ensure_fused()
        rows = self._conn.execute(
            "SELECT v.variant FROM entities e JOIN entity_variants v ON v.entity_id = e.id "
            f"WHERE e.name_key = ? GROUP BY v.variant ORDER BY {self.order('v.variant')}", (name_key(name),))
        return [r[0] for r in rows if r[0] != name]

    def find_tenures(self, *, org_key: str | None = None, family_key: str | None = None,
                     role_key: str | None = None, holder_key: str | None = None,
                     on: dt.date | None = None, limit: int | None = None, offset: int = 0) -> list[Tenure]:
        """Tenures matching every given key (in timeline order, a page of them with ``limit``); with ``on``,
        those possibly held that day."""
        self.ensure_fused()
        where, args = _tenure_filter(org_key, family_key, role_key, holder_key, on)
        return [tenure_from_dict(json.loads(p)) for p in self._payloads("fused_tenures", where, args, limit, offset)]

    def count_tenures(self, *, org_key: str | None = None, family_key: str | None = None,
                      role_key: str | None = None, holder_key: str | None = None, on: dt.date | None = None) -> int:
        """How many tenures :meth:`find_tenures` finds without a limit."""
        self.ensure_fused()
        return self._count("fused_tenures", *_tenure_filter(org_key, family_key, role_key, holder_key, on))

    def find_events(self, *, org_key: str | None = None, holder_key: str | None = None, status: str | None = None,
                    limit: int | None = None, offset: int = 0, latest_first: bool = False) -> list[FusedEvent]:
        """Fused events matching every given key, in timeline order (``latest_first``: the most recently
        reported first, then the latest change; :func:`succession.timeline.fuse.recency_key`)."""
        self.ensure_fused()
        where, args = R.conditions(org_key=org_key, holder_key=holder_key, status=status)
        order = f"{self.order('recency')} DESC" if latest_first else None
        return [event_from_dict(json.loads(p))
                for p in self._payloads("fused_events", where, args, limit, offset, order)]

    def count_events(self, *, org_key: str | None = None, holder_key: str | None = None,
                     status: str | None = None) -> int:
        self.ensure_fused()
        return self._count("fused_events", *R.conditions(org_key=org_key, holder_key=holder_key, status=status))

    def count_conflicts(self, *, org_key: str | None = None, holder_key: str | None = None) -> int:
        self.ensure_fused()
        return self._count("fused_conflicts", *R.conditions(org_key=org_key, holder_key=holder_key))

    def _count(self, table: str, where: list[str], args: list[object]) -> int:
        sql = f"SELECT count(*) FROM {table}" + (" WHERE " + " AND ".join(where) if where else "")
        return int(self._conn.execute(sql, args).fetchone()[0])

    def find_conflicts(self, *, org_key: str | None = None, holder_key: str | None = None,
                       limit: int | None = None, offset: int = 0) -> list[Conflict]:
        self.ensure_fused()
        where, args = R.conditions(org_key=org_key, holder_key=holder_key)
        return [conflict_from_dict(json.loads(p))
                for p in self._payloads("fused_conflicts", where, args, limit, offset)]

    def _payloads(self, table: str, where: list[str], args: list[object], limit: int | None,
                  offset: int, order: str | None = None) -> list[str]:
        sql = f"SELECT payload FROM {table}" + (" WHERE " + " AND ".join(where) if where else "")
        sql += f" ORDER BY {order or self.order('sort_key') + ', ' + self.order('payload')}{page_clause(limit, offset)}"
        return [r[0] for r in self._conn.execute(sql, args)]

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
            " SELECT holder_key, holder, holder_kind, 0, 1 FROM fused_events) AS h "
            f"GROUP BY holder_key ORDER BY {self.order('max(holder)')}")
        return [(r[1], r[2], int(r[3]), int(r[4])) for r in rows]

    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]:
        raise NotImplementedError


def _tenure_filter(org_key: str | None, family_key: str | None, role_key: str | None, holder_key: str | None,
                   on: dt.date | None) -> tuple[list[str], list[object]]:
    where, args = R.conditions(org_key=org_key, family_key=family_key, role_key=role_key, holder_key=holder_key)
    if on is not None:
        where.append("start_earliest <= ? AND end_latest >= ?")
        args += [on.isoformat(), on.isoformat()]
    return where, args
