"""Quotations in the store (table ``quotes``, migration 0005_quotes; SQLite or PostgreSQL, the connection
takes ``?`` placeholders): rows of analyses, rebuilt quotations, and the lookup by speaker or organisation
behind ``/quotes?person=&org=``."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .timeline.fuse import name_key, stable_id
from .models import MentionKind, Quote, QuoteType, Span

__all__ = ["StoredQuote", "insert_quotes", "quote_record", "quotes_of", "search_quotes"]

Connection = Any  # sqlite3.Connection or succession.store.postgres.PgConnection

_COLS = ("doc_id, type, speaker, speaker_kind, sp_start, sp_end, sp_text, q_start, q_end, q_text, "
         "cue_start, cue_end, cue_text, s_start, s_end, s_text, confidence")


@dataclass(frozen=True, slots=True)
class StoredQuote:
    id: str
    quote: Quote


def _span(a: object, b: object, t: object) -> Span | None:
    return Span(int(a), int(b), str(t)) if a is not None else None  # type: ignore[call-overload]


def _out(s: Span | None) -> tuple[object, object, object]:
    return (s.start, s.end, s.text) if s else (None, None, None)


def insert_quotes(conn: Connection, docs: Sequence[tuple[str, str, Sequence[Quote], str | None]]) -> None:
    """The quotations of several documents: (document id, analysis hash, quotations, main organisation)."""
    conn.executemany(
        "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(stable_id("qu-", digest, i), doc_id, i, q.type.value, q.speaker,
          q.speaker_kind.value if q.speaker_kind else None, *_out(q.speaker_span), *_out(q.text), *_out(q.cue),
          *_out(q.sentence), float(q.confidence), name_key(q.speaker), name_key(main_org))
         for doc_id, digest, quotes, main_org in docs for i, q in enumerate(quotes)])


def _from_row(r: Sequence[object]) -> Quote:
    return Quote(doc_id=str(r[0]), type=QuoteType(r[1]), speaker=r[2],  # type: ignore[arg-type]
                 speaker_kind=MentionKind(r[3]) if r[3] else None, speaker_span=_span(r[4], r[5], r[6]),
                 text=_span(r[7], r[8], r[9]), cue=_span(r[10], r[11], r[12]),  # type: ignore[arg-type]
                 sentence=_span(r[13], r[14], r[15]), confidence=float(r[16]))  # type: ignore[arg-type]


def quotes_of(conn: Connection, doc_id: str) -> tuple[Quote, ...]:
    return tuple(_from_row(r) for r in conn.execute(f"SELECT {_COLS} FROM quotes WHERE doc_id = ? ORDER BY seq",
                                                    (doc_id,)))


def _keys(conn: Connection, name: str) -> list[str]:
    """The keys a name goes by: its own, and every variant the fused timeline merged with it."""
    key = name_key(name)
    row = conn.execute("SELECT name_key FROM fused_aliases WHERE variant_key = ?", (key,)).fetchone()
    canonical = row[0] if row else key
    rows = conn.execute("SELECT variant_key FROM fused_aliases WHERE name_key = ?", (canonical,)).fetchall()
    return sorted({key, canonical, *(r[0] for r in rows)})


def search_quotes(conn: Connection, *, person: str | None = None, org: str | None = None,
                  limit: int = 200, offset: int = 0) -> list[StoredQuote]:
    """Quotations by a speaker (``person``: any known variant of the name) and/or said by or in an article
    about an organisation (``org``), in document order."""
    where: list[str] = []
    args: list[object] = []
    if person:
        keys = _keys(conn, person)
        where.append(f"speaker_key IN ({', '.join('?' * len(keys))})")
        args += keys
    if org:
        keys = _keys(conn, org)
        marks = ", ".join("?" * len(keys))
        where.append(f"(speaker_key IN ({marks}) OR org_key IN ({marks}))")
        args += keys + keys
    sql = f"SELECT id, {_COLS} FROM quotes" + (" WHERE " + " AND ".join(where) if where else "")
    rows = conn.execute(sql + " ORDER BY doc_id, seq LIMIT ? OFFSET ?", (*args, limit, offset))
    return [StoredQuote(str(r[0]), _from_row(r[1:])) for r in rows]


def quote_record(q: Quote, quote_id: str | None = None) -> dict[str, object]:
    """A quotation as `succession extract` prints it (the format ../shared/tools/score_quotes.py reads)."""
    sp = q.speaker_span
    rec: dict[str, object] = {
        "kind": "quote", "doc": q.doc_id, "speaker": q.speaker,
        "speaker_kind": q.speaker_kind.value if q.speaker_kind else None,
        "speaker_start": sp.start if sp else None, "speaker_end": sp.end if sp else None,
        "speaker_text": sp.text if sp else None, "text": q.text.text, "start": q.text.start, "end": q.text.end,
        "type": q.type.value, "cue": q.cue.text if q.cue else None,
        "sentence": {"start": q.sentence.start, "end": q.sentence.end} if q.sentence else None,
        "confidence": round(q.confidence, 2)}
    if quote_id:
        rec["id"] = quote_id
    return rec
