"""Exports of the fused timeline: JSON, CSV, GraphML and Wikidata QuickStatements (V1).

Each ``to_*`` function takes a :class:`~succession.timeline.fuse.Timeline` (and, where sources need titles or
URLs, the documents' :class:`~succession.store.DocInfo`) and returns text. :func:`write_export` writes
the same text from a store, reading the timeline a page at a time (a store of any size exports in flat
memory; GraphML through :mod:`.graphml`, nodes then edges). :func:`check_quickstatements` is a syntax
checker for what :func:`to_quickstatements` writes (and for QuickStatements V1 in general, within the
subset described there).
"""
from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Callable, TextIO

from .fuse import (
    Conflict, FusedEvent, Tenure, Timeline, conflict_to_dict, event_to_dict, is_interim, name_key, role_family,
    tenure_to_dict,
)
from ..models import DateValue, MentionKind, Precision
from .query import match_name
from .graphml import to_graphml, write_graphml
from ..quote_store import StoredQuote, quote_record
from ..store import DocInfo, Store

__all__ = [
    "CSV_COLUMNS", "FORMATS", "ROLE_PROPERTIES", "check_quickstatements", "export", "missing_ids", "read_ids",
    "to_csv", "to_graphml", "to_json", "to_quickstatements", "write_export",
]

log = logging.getLogger(__name__)

FORMATS = ("json", "csv", "graphml", "quickstatements")
MAX_QUOTES = 100_000  # quotations in one json export

CSV_COLUMNS = (
    "tenure_id", "holder", "holder_kind", "role", "org", "start", "start_inferred", "start_reason",
    "start_earliest", "start_latest", "end", "end_inferred", "end_reason", "end_earliest", "end_latest",
    "status", "leaves", "n_sources", "source_docs",
)


# ------------------------------------------------------------------------------------------- json

def to_json(timeline: Timeline, docs: Mapping[str, DocInfo] | None = None,
            quotes: Sequence[StoredQuote] = ()) -> str:
    """Tenures, events and conflicts with their sources, the quotations of the same people and
    organisations (and the cited documents' metadata)."""
    cited = sorted(set(_cited(timeline)) | {q.quote.doc_id for q in quotes})
    documents = {d: _doc_dict(docs[d]) for d in cited if docs and d in docs}
    payload = {"tenures": [tenure_to_dict(t) for t in timeline.tenures],
               "events": [event_to_dict(e) for e in timeline.events],
               "conflicts": [conflict_to_dict(c) for c in timeline.conflicts],
               "quotes": [quote_record(q.quote, q.id) for q in quotes],
               "documents": documents}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _doc_dict(doc: DocInfo) -> dict[str, object]:
    return {"title": doc.title, "url": doc.url, "lang": doc.lang,
            "published": doc.published.value if doc.published else None, "story": doc.story,
            "source": doc.source}


# -------------------------------------------------------------------------------------------- csv

def to_csv(timeline: Timeline) -> str:
    """One row per tenure, with a header."""
    out = io.StringIO()
    _write_csv(timeline.tenures, out)
    return out.getvalue()


def _write_csv(tenures: Iterable[Tenure], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for t in tenures:
        d = tenure_to_dict(t)
        leaves = "; ".join(f"{s or '?'}..{e or ''}" for s, e in d["leaves"])  # type: ignore[misc, union-attr]
        docs = ";".join(dict.fromkeys(s.doc_id for s in t.sources))
        writer.writerow([t.id, t.holder, t.holder_kind.value, t.role or "", t.org, d["start"] or "",
                         int(t.start_inferred), t.start_reason, d["start_earliest"] or "", d["start_latest"] or "",
                         d["end"] or "", int(t.end_inferred), t.end_reason, d["end_earliest"] or "",
                         d["end_latest"] or "", t.status, leaves, len(t.sources), docs])


# -------------------------------------------------------------------------------- quickstatements

# Wikidata properties stated on the organisation, by role seat; other roles use P1037 (director/manager)
ROLE_PROPERTIES: dict[str, str] = {
    "ceo": "P169",  # chief executive officer
    "chair": "P488",  # chairperson
    "chairoftheboard": "P488",
    "boardmember": "P3320",  # board member
}
_MANAGER = "P1037"  # director / manager
_EMPLOYER = "P108"  # employer (stated on the person)
_START, _END = "P580", "P582"
_REF_URL, _REF_TITLE, _REF_PUBLISHED = "S854", "S1476", "S577"
_PRECISION = {Precision.YEAR: 9, Precision.MONTH: 10, Precision.DAY: 11}


def qs_time(value: DateValue) -> str:
    """QuickStatements time: +2023-11-29T00:00:00Z/11 (9 year, 10 month, 11 day precision)."""
    y, m, d = (value.value.split("-") + ["00", "00"])[:3]
    return f"+{y}-{m}-{d}T00:00:00Z/{_PRECISION[value.precision]}"


def _qs_string(text: str) -> str:
    """A QuickStatements string: V1 has no escapes, so quotes and tabs are replaced."""
    return '"' + " ".join(text.replace('"', "'").split()) + '"'


def _item(name: str, qids: Mapping[str, str]) -> str | None:
    """The item's QID when the mapping knows it; a quoted label is never an item."""
    return qids.get(name_key(name))


def _reference(t: Tenure, docs: Mapping[str, DocInfo]) -> list[str]:
    """One reference: the first cited article with a URL (else with a title), and its publication date."""
    infos = [docs[s.doc_id] for s in t.sources if s.doc_id in docs]
    doc = next((d for d in infos if d.url), None) or next((d for d in infos if d.title), None)
    if doc is None:
        return []
    ref = [_REF_URL, _qs_string(doc.url)] if doc.url else [_REF_TITLE, f"{doc.lang or 'und'}:{_qs_string(doc.title or '')}"]
    if doc.published:
        ref += [_REF_PUBLISHED, qs_time(doc.published)]
    return ref


def _statement(t: Tenure, qids: Mapping[str, str], docs: Mapping[str, DocInfo]) -> str | None:
    """One statement, or None when the holder or organisation has no QID."""
    holder, org = _item(t.holder, qids), _item(t.org, qids)
    if holder is None or org is None:
        return None
    if t.role is None:
        cols = [holder, _EMPLOYER, org]
    else:
        prop = ROLE_PROPERTIES.get(role_family(t.role), _MANAGER)
        cols = [org, prop, holder]
    if t.start is not None:
        cols += [_START, qs_time(t.start)]
    if t.end is not None:
        cols += [_END, qs_time(t.end)]
    cols += _reference(t, docs)
    line = "\t".join(cols)
    notes = [n for n in (t.role if t.role and (is_interim(t.role) or cols[1] == _MANAGER) else "",
                         "end inferred" if t.end_inferred and t.end else "") if n]
    return line + (f"\t/* {'; '.join(notes)} */" if notes else "")


def to_quickstatements(timeline: Timeline, docs: Mapping[str, DocInfo] | None = None, *,
                       qids: Mapping[str, str] | None = None) -> str:
    """Tenures as QuickStatements V1 commands, one per line.

    Executive and board roles are statements on the organisation (P169 CEO, P488 chairperson, P3320 board
    member, P1037 director/manager for other roles, the role named in a trailing comment); employment
    without a role is P108 on the person. Start/end are P580/P582 qualifiers at the date's precision;
    the reference is S854 (URL) or S1476 (title), with S577 (publication date). Items are the QIDs
    ``qids`` (name -> QID) gives; a tenure whose holder or organisation has none is left out
    (:func:`missing_ids` lists them). Only people's tenures are exported.
    """
    out = io.StringIO()
    _write_quickstatements(timeline.tenures, out, docs or {}, qids)
    return out.getvalue()


def _write_quickstatements(tenures: Iterable[Tenure], out: TextIO, docs: Mapping[str, DocInfo],
                           qids: Mapping[str, str] | None) -> None:
    keys = {name_key(k): v for k, v in (qids or {}).items()}
    for t in tenures:
        line = _statement(t, keys, docs) if t.holder_kind == MentionKind.PERSON else None
        if line is not None:
            out.write(line + "\n")


def missing_ids(timeline: Timeline, qids: Mapping[str, str] | None) -> dict[str, int]:
    """Names without a QID in ``qids`` -> how many exported tenures they keep out of QuickStatements."""
    keys = {name_key(k) for k in (qids or {})}
    missing: dict[str, int] = {}
    for t in timeline.tenures:
        if t.holder_kind == MentionKind.PERSON:
            for name in {t.holder, t.org}:
                if name_key(name) not in keys:
                    missing[name] = missing.get(name, 0) + 1
    return missing


def read_ids(path: Path) -> tuple[dict[str, str], list[str]]:
    """A name -> Wikidata QID mapping from a JSON object or a CSV file (name,qid; a header is optional),
    and a message for every entry that is not one (naming the file and line)."""
    text = path.read_text(encoding="utf-8")
    pairs: list[tuple[str, object, str]] = []
    if path.suffix.lower() == ".json":
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError(f"{path}: need a JSON object of name -> QID")
        pairs = [(str(k), v, f"{path}: {k!r}") for k, v in data.items()]
    else:
        for n, row in enumerate(csv.reader(io.StringIO(text)), 1):
            if row and any(c.strip() for c in row):
                pairs.append((row[0].strip(), row[1].strip() if len(row) > 1 else "", f"{path} line {n}"))
    ids, problems = {}, []
    for name, qid, where in pairs:
        if isinstance(qid, str) and _QID.fullmatch(qid.strip()):
            ids[name] = qid.strip()
        elif not where.endswith(" line 1"):  # a first line that is not an id is a header
            problems.append(f"{where}: {qid!r} is not a Wikidata id (Q followed by digits)")
    return ids, problems


_QID = re.compile(r"Q[1-9]\d*")
_PROP = re.compile(r"P[1-9]\d*")
_SOURCE_PROP = re.compile(r"S[1-9]\d*")
_TERM = re.compile(r"[LDA][a-z]{2,3}(-[a-z]+)?")
_STRING = re.compile(r'"[^"\t]*"')
_MONO = re.compile(r'[a-z]{2,3}(-[a-z]+)?:"[^"\t]*"')
_TIME = re.compile(r"[+-](\d{1,16})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z/(\d{1,2})")
_QUANTITY = re.compile(r"[+-]?\d+(\.\d+)?(~\d+(\.\d+)?)?(U[1-9]\d*)?")
_COORD = re.compile(r"@-?\d+(\.\d+)?/-?\d+(\.\d+)?")
_COMMENT = re.compile(r"\s*/\*.*\*/\s*$")


def _time_error(value: str) -> str | None:
    m = _TIME.fullmatch(value)
    if not m:
        return None
    year, month, day, hh, mm, ss, precision = (int(g) for g in m.groups())
    if precision > 14:
        return f"time precision {precision} is not 0-14"
    if (hh, mm, ss) != (0, 0, 0) and precision <= 11:
        return "time of day must be 00:00:00 at day precision or coarser"
    if month > 12 or day > 31 or (precision >= 11 and (month == 0 or day == 0)):
        return f"bad month/day in {value}"
    if precision == 10 and month == 0:
        return f"month precision needs a month in {value}"
    return None


def _value_error(value: str, last_ok: bool) -> str | None:
    """Why ``value`` is not a QuickStatements value, or None."""
    if value == "LAST":
        return None if last_ok else "LAST before any CREATE"
    if _TIME.fullmatch(value):
        return _time_error(value)
    if value.startswith('"') or ':"' in value:
        return None if (_STRING.fullmatch(value) or _MONO.fullmatch(value)) else f"bad string {value!r}"
    if value in ("somevalue", "novalue") or _QID.fullmatch(value) or _QUANTITY.fullmatch(value) \
            or _COORD.fullmatch(value):
        return None
    return f"bad value {value!r}"


def _subject_error(subject: str, last_ok: bool) -> str | None:
    if subject == "LAST":
        return None if last_ok else "LAST before any CREATE"
    if _QID.fullmatch(subject) or (_STRING.fullmatch(subject) and len(subject) > 2):
        return None
    return f"bad item {subject!r} (a QID, LAST, or a quoted label)"


def _pairs_errors(cols: list[str], last_ok: bool) -> list[str]:
    """Qualifier (P) and source (S) pairs after the main value; sources come last."""
    if len(cols) % 2:
        return [f"qualifier or source without a value: {cols[-1]!r}"]
    errors, in_sources = [], False
    for prop, value in zip(cols[::2], cols[1::2]):
        if _SOURCE_PROP.fullmatch(prop):
            in_sources = True
        elif not _PROP.fullmatch(prop):
            errors.append(f"bad qualifier or source property {prop!r}")
        elif in_sources:
            errors.append(f"qualifier {prop} after a source")
        errors += [e for e in [_value_error(value, last_ok)] if e]
    return errors


def _line_errors(line: str, last_ok: bool) -> list[str]:
    cols = _COMMENT.sub("", line).split("\t")
    if cols[0] == "MERGE":
        return [] if len(cols) == 3 and all(_QID.fullmatch(c) for c in cols[1:]) else ["MERGE needs two QIDs"]
    if len(cols) < 3:
        return [f"need item, property and value, got {len(cols)} column(s)"]
    errors = [e for e in [_subject_error(cols[0], last_ok)] if e]
    prop, value = cols[1], cols[2]
    if _TERM.fullmatch(prop):
        if not _STRING.fullmatch(value):
            errors.append(f"{prop} needs a quoted string")
    elif _PROP.fullmatch(prop):
        errors += [e for e in [_value_error(value, last_ok)] if e]
    else:
        errors.append(f"bad property {prop!r}")
    return errors + _pairs_errors(cols[3:], last_ok)


def check_quickstatements(text: str) -> list[str]:
    """Syntax errors in QuickStatements V1 text ('line N: ...'); empty when every line is valid.

    Accepts CREATE, MERGE, and statements ``item<TAB>property<TAB>value`` followed by qualifier pairs
    (``Pnnn<TAB>value``) and then source pairs (``Snnn<TAB>value``), with an optional trailing
    ``/* comment */``. Items are QIDs, LAST (after a CREATE) or quoted labels; values are items, strings,
    monolingual strings (``en:"…"``), times (``+2023-11-29T00:00:00Z/11``), quantities or coordinates.
    """
    errors: list[str] = []
    created = False
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        if line.strip() == "CREATE":
            created = True
            continue
        errors += [f"line {n}: {e}" for e in _line_errors(line, created)]
    return errors


# ---------------------------------------------------------------------------------------- dispatch

PAGE = 1_000  # records read from the store at a time


def export(store: Store, fmt: str, *, org: str | None = None, person: str | None = None,
           qids: Mapping[str, str] | None = None) -> str:
    """The timeline (or the part about an organisation/person) in one of :data:`FORMATS`."""
    out = io.StringIO()
    write_export(store, fmt, out, org=org, person=person, qids=qids)
    return out.getvalue()


def write_export(store: Store, fmt: str, out: TextIO, *, org: str | None = None, person: str | None = None,
                 qids: Mapping[str, str] | None = None) -> None:
    """Write :func:`export`'s text to ``out``, reading the store a page of records at a time."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    keys = {"org_key": match_name(store, org, MentionKind.ORG.value) if org else None,
            "holder_key": match_name(store, person, MentionKind.PERSON.value) if person else None}
    tenures = _pages(store.find_tenures, keys)
    if fmt == "csv":
        _write_csv(tenures, out)
    elif fmt == "graphml":
        write_graphml(store, keys, out)
    elif fmt == "quickstatements":
        for chunk in _batches(tenures):  # the cited documents of one page at a time
            docs = store.documents_info(sorted({s.doc_id for t in chunk for s in t.sources}))
            _write_quickstatements(chunk, out, docs, qids)
    else:
        _write_json(store, keys, out, org, person)


def _pages(find: Callable[..., list[Any]], keys: Mapping[str, str | None]) -> Iterator[Any]:
    offset = 0
    while True:
        found = find(**keys, limit=PAGE, offset=offset)
        yield from found
        if len(found) < PAGE:
            return
        offset += PAGE


def _batches(items: Iterable[Tenure]) -> Iterator[list[Tenure]]:
    batch: list[Tenure] = []
    for item in items:
        batch.append(item)
        if len(batch) >= PAGE:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_json(store: Store, keys: Mapping[str, str | None], out: TextIO, org: str | None,
                person: str | None) -> None:
    """The text :func:`to_json` makes (``json.dumps(..., indent=2)``), one record at a time."""
    cited: set[str] = set()

    def sources_of(record: Tenure | FusedEvent | Conflict) -> Tenure | FusedEvent | Conflict:
        cited.update(s.doc_id for s in record.sources)
        return record

    quotes = store.quotes(person=person, org=org, limit=MAX_QUOTES)
    cited.update(q.quote.doc_id for q in quotes)
    parts: list[tuple[str, Iterable[object]]] = [
        ("tenures", (tenure_to_dict(sources_of(t)) for t in _pages(store.find_tenures, keys))),  # type: ignore[arg-type]
        ("events", (event_to_dict(sources_of(e)) for e in _pages(store.find_events, keys))),  # type: ignore[arg-type]
        ("conflicts", (conflict_to_dict(sources_of(c)) for c in _pages(store.find_conflicts, keys))),  # type: ignore[arg-type]
        ("quotes", (quote_record(q.quote, q.id) for q in quotes)),
    ]
    out.write("{")
    for n, (name, items) in enumerate(parts):
        out.write(("," if n else "") + f'\n  "{name}": [')
        first = True
        for item in items:
            text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
            out.write(("," if not first else "") + "\n    " + text)
            first = False
        out.write("]" if first else "\n  ]")
    docs: dict[str, object] = {}
    for start in range(0, len(cited), PAGE):
        info = store.documents_info(sorted(cited)[start:start + PAGE])
        docs.update((d, _doc_dict(info[d])) for d in sorted(info))
    text = json.dumps(docs, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    out.write(f',\n  "documents": {text}\n}}\n')


def _cited(tl: Timeline) -> list[str]:
    ids = {s.doc_id for t in tl.tenures for s in t.sources} | {s.doc_id for e in tl.events for s in e.sources}
    return sorted(ids | {s.doc_id for c in tl.conflicts for s in c.sources})
