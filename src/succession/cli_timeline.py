"""Timeline commands: ingest into a store, then ask it (thin shells over store, query and export).

``register(app)`` adds them to the main ``succession`` app. The store is ``--db PATH``, else the
``SUCCESSION_DB`` environment variable, else ``succession.db`` in the current folder. Exit codes:
0 everything read, 1 something skipped (or an id not found), 2 usage error or a store that cannot be
used (missing for a query, not a store, read-only, unwritable output file).
"""
from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from . import query
from .errors import InputError, StoreError
from .export import FORMATS, to_json
from .export import export as export_text
from .fuse import MAX_DAY, MIN_DAY, FusedEvent, Tenure, Timeline, tenure_to_dict
from .locking import ingest_lock
from .models import Analysis, DateValue, Rejected
from .sanitize import printable
from .store import SQLiteStore
from .storing import load_story_index, store_run

__all__ = ["register", "ingest", "timeline", "who", "where", "people", "search", "sources", "export"]

log = logging.getLogger(__name__)

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2
DEFAULT_DB = "succession.db"

DbOption = Annotated[Path, typer.Option("--db", envvar="SUCCESSION_DB", help="The store (SQLite file).")]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON on stdout instead of a table.")]


def _out() -> Console:
    console = Console(highlight=False)
    return console if console.is_terminal else Console(highlight=False, width=200)


def _table(title: str, columns: tuple[str, ...]) -> Table:
    table = Table(title=Text(title))
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def _row(table: Table, *cells: str) -> None:
    table.add_row(*(Text(c) for c in cells))  # data is never Rich markup


def _err() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)  # one message, one line


def _open(db: Path, *, create: bool = False) -> SQLiteStore:
    """Open the store; a missing store for a query is a usage error."""
    if not create and not db.exists():
        _err().print(f"[red]no store at {escape(str(db))}[/]: run `succession ingest … --db PATH` first")
        raise typer.Exit(EXIT_USAGE)
    try:
        return SQLiteStore(db)
    except StoreError as exc:
        _err().print(f"[red]{escape(str(exc))}[/]")
        raise typer.Exit(EXIT_USAGE) from exc


def _day(value: str) -> dt.date:
    try:
        return query.parse_day(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--on") from exc


def _when(value: DateValue | None, earliest: dt.date, latest: dt.date, inferred: bool) -> str:
    """A date for people: '2031-03-29', '2031-03-29*' (inferred), '2031-03-17…2031-03-20', '≤ 2031-03-20'."""
    if value is not None:
        return f"{value}{'*' if inferred else ''}"
    lo = earliest.isoformat() if earliest != MIN_DAY else ""
    hi = latest.isoformat() if latest != MAX_DAY else ""
    if lo and hi:
        return lo if lo == hi else f"{lo}…{hi}"
    return f"≥ {lo}" if lo else (f"≤ {hi}" if hi else "?")


def _tenure_row(t: Tenure) -> list[str]:
    until = "" if t.status != "ended" else _when(t.end, t.end_earliest, t.end_latest, t.end_inferred)
    notes = "; ".join(n for n in (t.end_reason, *(f"leave {s or '?'}…{e or ''}" for s, e in t.leaves)) if n)
    return [t.holder, t.role or "(employed)", t.org, _when(t.start, t.start_earliest, t.start_latest,
            t.start_inferred), until, t.status, notes, str(len({s.doc_id for s in t.sources})), t.id]


def _tenure_table(tenures: list[Tenure] | tuple[Tenure, ...], title: str) -> Table:
    table = _table(title, ("holder", "role", "organisation", "from", "until", "status", "notes", "docs", "id"))
    for t in tenures:
        _row(table, *_tenure_row(t))
    return table


def _event_table(events: tuple[FusedEvent, ...]) -> Table:
    table = _table("Events", ("date", "change", "holder", "role", "organisation", "modality", "status",
                              "stories", "id"))
    for e in events:
        status = e.status + (f" by {e.superseded_by}" if e.superseded_by else "")
        _row(table, _when(e.date, e.earliest, e.latest, False), e.type.value, e.holder, e.role or "",
                      e.org or "", e.modality.value, status, str(len(e.stories)), e.id)
    return table


def _print_timeline(tl: Timeline) -> None:
    out = _out()
    out.print(_tenure_table(tl.tenures, "Tenures (* inferred)"))
    out.print(_event_table(tl.events))
    if tl.conflicts:
        table = _table("Conflicts", ("kind", "description", "documents"))
        for c in tl.conflicts:
            _row(table, c.kind, c.description, ", ".join(sorted({s.doc_id for s in c.sources})))
        out.print(table)


def _echo_json(payload: object) -> None:
    typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))


# ---------------------------------------------------------------------------------------- commands

def _analyse(inputs: list[Path], quiet: bool, stories=None) -> tuple[list[Analysis], list[Rejected]]:  # type: ignore[no-untyped-def]
    """Run the extractor (succession.api.analyse_paths) with a progress line on a terminal; ``stories``:
    the store's story index, which new articles join. Articles in a language succession does not read
    come back rejected: nothing half-analysed is stored."""
    from . import api  # the NLP pipeline is heavy: imported only when ingesting

    err = _err()

    def on_progress(done: int, total: int, doc_id: str) -> None:
        if not quiet and err.is_terminal:
            err.print(f"analysed {done}/{total} {escape(printable(doc_id))}", end="\r")

    run = api.analyse_paths(inputs, on_progress=on_progress, stories=stories, keep_unanalysed=False)
    return list(run.analyses), list(run.rejected)


def _say(kind: str, items: list[Rejected]) -> None:
    err = _err()
    for r in items:
        err.print(f"[yellow]{kind}[/] {escape(printable(r.source))}: {escape(printable(r.reason))}")


def ingest(
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders: .txt, .html, .jsonl.")],
    db: DbOption = Path(DEFAULT_DB),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no per-input warnings.")] = False,
) -> None:
    """Analyse articles and add them to the store (re-ingesting unchanged articles changes nothing).

    Ids: a file named directly is its file name, a file in a folder its path inside that folder, a JSON
    Lines record its ``id``. One ``skipped PATH[:LINE]: reason`` line per input not stored; an article
    replacing one stored from another file is announced (``replaced``). Concurrent ingests into one
    store run one after the other. Exit code 0 when everything was stored, 1 when something was skipped,
    2 when the store cannot be used.

    Example: succession ingest articles/ feed.jsonl --db news.db
    """
    def waiting() -> None:
        if not quiet:
            _err().print(f"waiting for another ingest into {escape(printable(str(db)))} to finish")

    try:
        with ingest_lock(db, on_wait=waiting):
            with _open(db, create=True) as store:  # stories grow across ingests: the index lives in the store
                stories, note = load_story_index(store)
            if note:
                _err().print(f"[yellow]note[/] {escape(printable(note))}")
            try:
                analyses, rejected = _analyse(inputs, quiet, stories)
            except InputError as exc:
                _err().print(f"[red]{escape(printable(str(exc)))}[/]")
                raise typer.Exit(EXIT_USAGE) from exc
            with _open(db, create=True) as store:
                report = store_run(store, analyses, rejected, stories)
    except StoreError as exc:
        _err().print(f"[red]{escape(printable(str(exc)))}[/]")
        raise typer.Exit(EXIT_USAGE) from exc
    skipped = rejected + report.rejected
    if not quiet:
        _say("skipped", skipped)
        _say("replaced", report.moved)
        _err().print(f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged, "
                     f"{len(skipped)} skipped → {escape(printable(str(db)))}")
    raise typer.Exit(EXIT_SKIPPED if skipped else EXIT_OK)


def timeline(
    org: Annotated[Optional[str], typer.Option("--org", help="Only this organisation.")] = None,
    person: Annotated[Optional[str], typer.Option("--person", help="Only this person.")] = None,
    as_json: JsonOption = False,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Tenures, events and conflicts (inferred dates marked *)."""
    with _open(db) as store:
        tl = query.timeline(store, org=org, person=person)
    if as_json:
        typer.echo(to_json(tl), nl=False)
    else:
        _print_timeline(tl)


def who(
    org: Annotated[str, typer.Option("--org", help="Organisation.")],
    role: Annotated[str, typer.Option("--role", help="Role, e.g. CEO (also finds interim CEOs).")],
    on: Annotated[str, typer.Option("--on", help="Day, YYYY-MM-DD.")],
    as_json: JsonOption = False,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Who held a role at an organisation on a day."""
    day = _day(on)
    with _open(db) as store:
        found = query.who_tenures(store, org, role, day)
    if as_json:
        _echo_json({"holders": list(dict.fromkeys(t.holder for t in found)),
                    "tenures": [tenure_to_dict(t) for t in found]})
    else:
        _out().print(_tenure_table(found, f"{role} of {org} on {day}"))


def where(
    person: Annotated[str, typer.Option("--person", help="Person.")],
    on: Annotated[str, typer.Option("--on", help="Day, YYYY-MM-DD.")],
    as_json: JsonOption = False,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Where a person held a role or worked on a day."""
    day = _day(on)
    with _open(db) as store:
        found = query.where_tenures(store, person, day)
    if as_json:
        _echo_json({"orgs": list(dict.fromkeys(t.org for t in found)),
                    "tenures": [tenure_to_dict(t) for t in found]})
    else:
        _out().print(_tenure_table(found, f"{person} on {day}"))


def people(as_json: JsonOption = False, db: DbOption = Path(DEFAULT_DB)) -> None:
    """Everyone in the timeline, with name variants."""
    with _open(db) as store:
        found = query.people(store)
    if as_json:
        _echo_json([{"name": p.name, "variants": list(p.variants), "tenures": p.tenures, "events": p.events}
                    for p in found])
        return
    table = _table("People", ("name", "variants", "tenures", "events"))
    for p in found:
        _row(table, p.name, ", ".join(p.variants), str(p.tenures), str(p.events))
    _out().print(table)


def search(
    text: Annotated[str, typer.Argument(help="Words to find (all of them, accents ignored).")],
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most hits shown.")] = 20,
    as_json: JsonOption = False,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Full-text search over articles and event evidence."""
    with _open(db) as store:
        hits = query.search(store, text, limit=limit)
    if as_json:
        _echo_json([{"kind": h.kind, "id": h.id, "doc_id": h.doc_id, "snippet": h.snippet, "score": h.score}
                    for h in hits])
        return
    table = _table(f"Search: {text}", ("kind", "document", "text", "id"))
    for h in hits:
        _row(table, h.kind, h.doc_id, h.snippet, h.id)
    _out().print(table)


def sources(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="A tenure (t-…), event (e-…, ev-…) or fact (fa-…) id.")],
    as_json: JsonOption = False,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """The sentences that support a tenure or event, with document and offsets."""
    with _open(db) as store:
        refs = query.sources(store, record_id)
    if not refs:
        _err().print(f"[yellow]no tenure, event or fact with id {escape(repr(record_id))}[/]")
        raise typer.Exit(EXIT_SKIPPED)
    if as_json:
        _echo_json([{"doc_id": r.doc_id, "start": r.start, "end": r.end, "text": r.text, "title": r.title,
                     "url": r.url, "published": r.published.value if r.published else None} for r in refs])
        return
    table = _table(f"Sources of {record_id}", ("document", "offsets", "sentence", "published", "url"))
    for r in refs:
        _row(table, r.doc_id, f"{r.start}:{r.end}", r.text, r.published.value if r.published else "", r.url or "")
    _out().print(table)


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")] = "json",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default stdout).")] = None,
    org: Annotated[Optional[str], typer.Option("--org", help="Only this organisation.")] = None,
    person: Annotated[Optional[str], typer.Option("--person", help="Only this person.")] = None,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Export the timeline as JSON, CSV (one row per tenure), GraphML or Wikidata QuickStatements."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    with _open(db) as store:
        text = export_text(store, fmt, org=org, person=person)
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        _err().print(f"[red]cannot write {escape(printable(str(output)))}[/]: {escape(exc.strerror or str(exc))}")
        raise typer.Exit(EXIT_USAGE) from None


def register(app: typer.Typer) -> None:
    """Add the timeline commands to the main app."""
    for fn in (ingest, timeline, who, where, people, search, sources, export):
        app.command(fn.__name__)(fn)

