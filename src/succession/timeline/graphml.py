"""The GraphML export: people and organisations as nodes, tenures as edges (holder -> organisation).

:func:`to_graphml` builds the graph of a :class:`~succession.timeline.fuse.Timeline` in networkx;
:func:`write_graphml` writes the same text for a store's tenures without building it: networkx's own
writer walks a graph that reads its nodes and edges from the store a page at a time, in the order the
built graph would list them (:meth:`succession.store.SQLStore.graph_nodes` and ``graph_edges``).
"""
from __future__ import annotations

import codecs
import io
from collections.abc import Iterable, Iterator, Mapping
from typing import TextIO

import networkx as nx

from ..models import MentionKind
from ..sanitize import xml_safe
from ..store import Store
from .fuse import Tenure, Timeline, name_key, tenure_to_dict

__all__ = ["to_graphml", "write_graphml"]


def _node(kind: MentionKind | str, name: str) -> str:
    prefix = "org" if str(getattr(kind, "value", kind)) == MentionKind.ORG.value else "person"
    return xml_safe(f"{prefix}:{name_key(name) or name}")


def to_graphml(timeline: Timeline) -> str:
    """People and organisations as nodes, tenures as edges (holder -> organisation) with attributes."""
    return _graphml(timeline.tenures)


def _graphml(tenures: Iterable[Tenure]) -> str:
    graph = nx.MultiDiGraph(name=_GRAPH_NAME)
    for t in tenures:
        holder, org = _node(t.holder_kind, t.holder), _node(MentionKind.ORG, t.org)
        # XML cannot carry every character a name or id may hold (a NUL from a broken feed)
        graph.add_node(holder, label=xml_safe(t.holder), kind=t.holder_kind.value)
        graph.add_node(org, label=xml_safe(t.org), kind=MentionKind.ORG.value)
        u, v, key, attrs = _edge(t)
        graph.add_edge(u, v, key=key, **attrs)
    out = io.BytesIO()
    nx.write_graphml(graph, out, encoding="utf-8")
    return out.getvalue().decode("utf-8")


_GRAPH_NAME = "succession timeline"


def _edge(t: Tenure) -> tuple[str, str, str, dict[str, object]]:
    """(holder node, organisation node, edge key, attributes) of a tenure."""
    d = tenure_to_dict(t)
    return (_node(t.holder_kind, t.holder), _node(MentionKind.ORG, t.org), xml_safe(t.id),
            {"id": xml_safe(t.id), "role": xml_safe(t.role or ""), "status": t.status, "start": d["start"] or "",
             "end": d["end"] or "", "start_earliest": d["start_earliest"] or "", "start_latest": d["start_latest"] or "",
             "end_earliest": d["end_earliest"] or "", "end_latest": d["end_latest"] or "",
             "start_inferred": t.start_inferred, "end_inferred": t.end_inferred,
             "start_reason": xml_safe(t.start_reason), "end_reason": xml_safe(t.end_reason),
             "leaves": len(t.leaves), "sources": len(t.sources),
             "source_docs": xml_safe(";".join(dict.fromkeys(s.doc_id for s in t.sources)))})


class _StoredGraph:
    """The tenure graph as networkx's GraphML writer walks it (``nodes``, ``edges``, each walked more than
    once), read from the store a page at a time on every walk instead of built in memory: the writer then
    writes what it writes for the same graph built whole (``_graphml``), byte for byte."""

    def __init__(self, store: Store, keys: Mapping[str, str | None]) -> None:
        self._store, self._keys = store, keys
        self.graph: dict[str, object] = {"name": _GRAPH_NAME}

    def is_directed(self) -> bool:
        return True

    def is_multigraph(self) -> bool:
        return True

    def nodes(self, data: bool = True) -> Iterator[tuple[str, dict[str, object]]]:
        for node, label, kind in self._store.graph_nodes(**self._keys):
            yield xml_safe(node), {"label": xml_safe(label), "kind": kind}

    def edges(self, data: bool = True, keys: bool = True) -> Iterator[tuple[str, str, str, dict[str, object]]]:
        return (_edge(t) for t in self._store.graph_edges(**self._keys))


class _Utf8Out:
    """A binary sink for the XML writer that writes text to ``out`` (a character split across two writes
    is decoded when its last byte comes)."""

    def __init__(self, out: TextIO) -> None:
        self._out, self._decoder = out, codecs.getincrementaldecoder("utf-8")()

    def write(self, data: bytes) -> int:
        self._out.write(self._decoder.decode(data))
        return len(data)


def write_graphml(store: Store, keys: Mapping[str, str | None], out: TextIO) -> None:
    """:func:`to_graphml`'s text for the store's tenures (those of ``keys``), streamed: nodes, then edges."""
    from networkx.readwrite.graphml import GraphMLWriterLxml

    writer = GraphMLWriterLxml(_Utf8Out(out), graph=_StoredGraph(store, keys), encoding="utf-8", prettyprint=True)
    writer.dump()
