"""Listings whose order is not the timeline's, read a page at a time in SQL: the people and organisations
of the timeline (``/entities``), the events most recently reported first (``/events?order=latest``), the
stories, largest first (``/stories``) and the tenure graph (the GraphML export, streamed).

Each statement orders and counts in SQL what the HTTP layer and the export used to read whole and order
in Python, with the same result: ties are broken as Python's sort broke them, strings compare by code
point on both engines (``order``). The statements are shared by SQLite and PostgreSQL.
"""
from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from ..models import MentionKind
from ..timeline.fuse import Tenure, tenure_from_dict
from . import rows as R
from .fusion import FusedStore, chunks, marks

__all__ = ["PAGE", "PagedStore", "page_clause"]

PAGE = 2_000  # rows fetched at a time when a listing is streamed (exports): memory stays flat
_SEP = "\x01"  # below every character of a sort key's parts (succession.timeline.keys.record_orders)

_STORY = "CASE WHEN story IS NULL OR story = '' THEN id ELSE story END"  # a document's story, or the document
_STORIES = f"SELECT {_STORY} AS sid, count(*) AS n FROM documents GROUP BY {_STORY} HAVING count(*) >= ?"

# a person's or organisation's rows, with their tenures (t) and events (e), for the entity listing
_HOLDERS = ("SELECT holder_key, holder, holder_kind, 1 AS t, 0 AS e FROM fused_tenures UNION ALL "
            "SELECT holder_key, holder, holder_kind, 0, 1 FROM fused_events")
_ORG_ROWS = ("SELECT org_key AS k, org AS name, '0' || sort_key AS pos, 1 AS t, 0 AS e FROM fused_tenures "
             "WHERE org <> '' UNION ALL "
             "SELECT org_key, org, '1' || sort_key, 0, 1 FROM fused_events WHERE org <> ''")


def page_clause(limit: int | None, offset: int) -> str:
    """A LIMIT/OFFSET clause (numbers checked here, so they can be written into the statement)."""
    if limit is None and not offset:
        return ""
    return f" LIMIT {int(limit) if limit is not None else 2**62} OFFSET {max(0, int(offset))}"


class PagedStore(FusedStore):
    """The paged listings of :class:`~succession.store.SQLStore` (see the module's docstring)."""

    stream_page = PAGE  # rows fetched at a time by a streamed read

    # -- streaming
    def _stream(self, sql: str, args: Sequence[object] = ()) -> Iterator[tuple]:  # type: ignore[type-arg]
        """The rows of one query, fetched ``stream_page`` at a time inside one read snapshot (PostgreSQL reads them
        through a server-side cursor, so neither side holds the whole result)."""
        with self._snapshot() as conn:
            cur = conn.execute(sql, args)
            while rows := cur.fetchmany(self.stream_page):
                yield from rows

    # -- /entities
    def find_entities(self, kind: str, *, contains: str = "", limit: int | None = None,
                      offset: int = 0) -> list[tuple[str, str, int, int]]:
        """(name, kind, tenures, events) of the people (``kind`` "person") or organisations ("org") of the
        timeline, the most tenures first, then the most events, then by name key and name; ``contains``: only
        those whose name key contains it (a name key: letters and digits). A person is named by the greatest
        spelling of their key, an organisation by its most frequent one (the first met in timeline order,
        tenures before events, on a tie)."""
        self.ensure_fused()
        sql, args = self._entities_sql(kind, contains)
        sql = (f"SELECT name, kind, t, e FROM ({sql}) AS found "  # PostgreSQL orders by expressions of input columns only
               f"ORDER BY t DESC, e DESC, {self.order('k')}, {self.order('name')}{page_clause(limit, offset)}")
        return [(r[0], r[1], int(r[2]), int(r[3])) for r in self._conn.execute(sql, args)]

    def count_entities(self, kind: str, *, contains: str = "") -> int:
        """How many :meth:`find_entities` finds without a limit."""
        self.ensure_fused()
        sql, args = self._entities_sql(kind, contains)
        return int(self._conn.execute(f"SELECT count(*) FROM ({sql}) AS found", args).fetchone()[0])

    def _entities_sql(self, kind: str, contains: str) -> tuple[str, list[object]]:
        """The entity listing as one statement with columns name, kind, t, e, k (unordered)."""
        like = f"%{contains}%" if contains else None  # name keys hold letters and digits only: no wildcards
        if kind == MentionKind.ORG.value:
            spellings = (f"SELECT k, name, count(*) AS n, min({self.order('pos')}) AS first_pos "
                         f"FROM ({_ORG_ROWS}) AS s GROUP BY k, name")
            ranked = (f"SELECT k, name, ROW_NUMBER() OVER (PARTITION BY k ORDER BY n DESC, "
                      f"{self.order('first_pos')}) AS pick FROM ({spellings}) AS sp")
            totals = f"SELECT k, sum(t) AS t, sum(e) AS e FROM ({_ORG_ROWS}) AS s GROUP BY k"
            sql = (f"SELECT b.name AS name, '{MentionKind.ORG.value}' AS kind, c.t AS t, c.e AS e, b.k AS k "
                   f"FROM ({ranked}) AS b JOIN ({totals}) AS c ON c.k = b.k WHERE b.pick = 1"
                   + (" AND b.k LIKE ?" if like else ""))
            return sql, [like] if like else []
        sql = ("SELECT max(holder) AS name, max(holder_kind) AS kind, sum(t) AS t, sum(e) AS e, holder_key AS k "
               f"FROM ({_HOLDERS}) AS h" + (" WHERE holder_key LIKE ?" if like else "")
               + " GROUP BY holder_key HAVING max(holder_kind) = ?")
        return sql, ([like] if like else []) + [kind]

    # -- /stories
    def find_stories(self, *, min_documents: int = 1, limit: int | None = None,
                     offset: int = 0) -> list[tuple[str, list[str]]]:
        """(story id, its document ids in id order) of the stories of at least ``min_documents`` articles,
        the largest first, then by id (a document without a story is its own story, named by its id)."""
        with self._snapshot() as conn:
            page = [r[0] for r in conn.execute(
                f"SELECT sid FROM ({_STORIES}) AS s ORDER BY n DESC, {self.order('sid')}{page_clause(limit, offset)}",
                (min_documents,))]
            docs: dict[str, list[str]] = {sid: [] for sid in page}
            for part in chunks(page):
                for doc_id, sid in conn.execute(
                        f"SELECT id, {_STORY} FROM documents WHERE {_STORY} IN ({marks(len(part))}) "
                        f"ORDER BY {self.order('id')}", part):
                    docs[sid].append(doc_id)
        return list(docs.items())

    def count_stories(self, *, min_documents: int = 1) -> int:
        """How many stories :meth:`find_stories` finds without a limit."""
        return int(self._conn.execute(f"SELECT count(*) FROM ({_STORIES}) AS s", (min_documents,)).fetchone()[0])

    # -- the tenure graph (GraphML)
    def graph_nodes(self, *, org_key: str | None = None,
                    holder_key: str | None = None) -> Iterator[tuple[str, str, str]]:
        """(node, label, kind) of the graph of tenures (holder -> organisation), each node once, in the order
        they are first met walking the tenures in timeline order (holder before organisation); the label and
        kind are those of the last meeting. A node is "person:" or "org:" and the name key (the name when it
        has none). Streamed, ``PAGE`` rows at a time."""
        self.ensure_fused()
        nodes, args = self._graph_nodes_sql(org_key, holder_key)
        sql = (f"WITH n AS ({nodes}), g AS (SELECT node, min({self.order('pos')}) AS first_pos, "
               f"max({self.order('pos')}) AS last_pos FROM n GROUP BY node) "
               f"SELECT g.node, n.label, n.kind FROM g JOIN n ON n.node = g.node AND {self.order('n.pos')} = g.last_pos "
               f"ORDER BY {self.order('g.first_pos')}")
        return self._stream(sql, args)

    def graph_edges(self, *, org_key: str | None = None, holder_key: str | None = None) -> Iterator[Tenure]:
        """The tenures in the order a directed multigraph built from them in timeline order lists its
        edges: by holder node (in :meth:`graph_nodes` order), then by organisation (in the order first met
        with that holder), then in timeline order. Streamed, ``PAGE`` rows at a time."""
        self.ensure_fused()
        nodes, args = self._graph_nodes_sql(org_key, holder_key)
        where, filter_args = self._graph_filter(org_key, holder_key)
        sql = (f"WITH n AS ({nodes}), g AS (SELECT node, min({self.order('pos')}) AS first_pos FROM n GROUP BY node), "
               f"t AS (SELECT {_U} AS u, {_V} AS v, sort_key, payload FROM fused_tenures{where}), "
               f"p AS (SELECT u, v, min({self.order('sort_key')}) AS first_pos FROM t GROUP BY u, v) "
               "SELECT t.payload FROM t JOIN g ON g.node = t.u JOIN p ON p.u = t.u AND p.v = t.v "
               f"ORDER BY {self.order('g.first_pos')}, {self.order('p.first_pos')}, {self.order('t.sort_key')}")
        return (tenure_from_dict(json.loads(r[0])) for r in self._stream(sql, args + filter_args))

    def _graph_filter(self, org_key: str | None, holder_key: str | None) -> tuple[str, list[object]]:
        where, args = R.conditions(org_key=org_key, holder_key=holder_key)
        return (" WHERE " + " AND ".join(where) if where else ""), args

    def _graph_nodes_sql(self, org_key: str | None, holder_key: str | None) -> tuple[str, list[object]]:
        """Every meeting of a node: (node, pos, label, kind); ``pos`` orders the meetings (a tenure's sort key
        is unique, and its holder is met before its organisation)."""
        where, args = self._graph_filter(org_key, holder_key)
        sql = (f"SELECT {_U} AS node, sort_key || ? || '0' AS pos, holder AS label, holder_kind AS kind "
               f"FROM fused_tenures{where} UNION ALL "
               f"SELECT {_V}, sort_key || ? || '1', org, '{MentionKind.ORG.value}' FROM fused_tenures{where}")
        return sql, [_SEP, *args, _SEP, *args]


# the graph's node of a tenure's holder and of its organisation (succession.timeline.graphml._node)
_U = (f"CASE WHEN holder_kind = '{MentionKind.ORG.value}' THEN 'org:' ELSE 'person:' END || "
      "CASE WHEN holder_key = '' THEN holder ELSE holder_key END")
_V = "'org:' || CASE WHEN org_key = '' THEN org ELSE org_key END"
