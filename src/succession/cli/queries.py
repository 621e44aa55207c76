"""Timeline commands: ingest into a store, then ask it (thin shells over store, query and export).

``register(app)`` adds them to the main ``succession`` app. The store is ``--db PATH``, else the
``SUCCESSION_DB`` environment variable, else ``succession.db`` in the current folder. Exit codes:
0 everything read, 1 something skipped (or an id not found), 2 usage error or a store that cannot be
used (missing for a query, not a store, read-only, unwritable output file).
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from ..timeline import query
from ..errors import ClusterError, InputError, StoreError
from ..timeline.export import FORMATS, missing_ids, read_ids, to_json, write_export
from ..timeline.fuse import MAX_DAY, MIN_DAY, FusedEvent, Tenure, Timeline, tenure_to_dict
from ..locking import ingest_lock
from ..models import Analysis, DateValue, Rejected
from .output import Column, FormatOption, Listing, OutFormat, emit, plural
from ..sanitize import printable
from ..store import SQLStore, open_store, store_exists
from ..storing import load_story_index, store_run

__all__ = ["register", "ingest", "timeline", "who", "where", "people", "search", "sources", "export"]

log = logging.getLogger(__name__)

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2
DEFAULT_DB = "succession.db"

DbOption = Annotated[str, typer.Option("--db", envvar="SUCCESSION_DB",
                                       help="The store: a SQLite file or a postgresql:// URL.")]
JsonOption = Annotated[bool, typer.Option("--json", hidden=True, help="Same as --format json.")]


def _err() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)  # one message, one line


def _open(db: str | Path, *, create: bool = False) -> SQLStore:
    """Open the store; a missing store for a query is a usage error."""
    if not create and not store_exists(db):
        _err().print(f"[red]no store at {escape(str(db))}[/]: run `succession ingest … --db PATH` first")
        raise typer.Exit(EXIT_USAGE)
    try:
        return open_store(db)
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


TENURE_COLUMNS = (Column("holder", keep=3, min_width=12), Column("role", keep=3), Column("organisation", keep=2),
                  Column("from", wrap=False, keep=3), Column("until", keep=3, min_width=12),
                  Column("notes", keep=1, min_width=16), Column("docs", wrap=False), Column("id", wrap=False, keep=2))
EVENT_COLUMNS = (Column("date", wrap=False, keep=3), Column("change", wrap=False, keep=3),
                 Column("holder", keep=3, min_width=12), Column("role", keep=3), Column("organisation", keep=2),
                 Column("modality", wrap=False, keep=2), Column("status", keep=1), Column("stories", wrap=False),
                 Column("id", wrap=False, keep=2))


def _tenure_row(t: Tenure) -> tuple[str, ...]:
    notes = "; ".join(n for n in (t.start_reason, *(f"leave {s or '?'}…{e or ''}" for s, e in t.leaves)) if n)
    until = query.until_text(t) + (f" ({t.end_reason})" if t.end_reason else "")
    return (t.holder, t.role or "(employed)", t.org, _when(t.start, t.start_earliest, t.start_latest,
            t.start_inferred), until, notes, str(len({s.doc_id for s in t.sources})), t.id)


def _tenure_listing(tenures: list[Tenure] | tuple[Tenure, ...], title: str) -> Listing:
    return Listing(title, TENURE_COLUMNS, tuple(_tenure_row(t) for t in tenures))


def _event_listing(events: tuple[FusedEvent, ...]) -> Listing:
    rows = []
    for e in events:
        status = e.status + (f" by {e.superseded_by}" if e.superseded_by else "")
        rows.append((_when(e.date, e.earliest, e.latest, False), e.type.value, e.holder, e.role or "",
                     e.org or "", e.modality.value, status, str(len(e.stories)), e.id))
    return Listing(plural(len(events), "event"), EVENT_COLUMNS, tuple(rows))


def _timeline_listings(tl: Timeline) -> list[Listing]:
    out = [_tenure_listing(tl.tenures, plural(len(tl.tenures), "tenure") + " (* inferred)"),
           _event_listing(tl.events)]
    if tl.conflicts:
        out.append(Listing(plural(len(tl.conflicts), "conflict"),
                           (Column("kind", wrap=False, keep=3), Column("description", keep=3, min_width=30),
                            Column("documents", keep=1)),
                           tuple((c.kind, c.description, ", ".join(sorted({s.doc_id for s in c.sources})))
                                 for c in tl.conflicts)))
    return out


# ---------------------------------------------------------------------------------------- commands

def _analyse(inputs: list[Path], quiet: bool, stories=None, runner=None) -> tuple[list[Analysis], list[Rejected]]:  # type: ignore[no-untyped-def]
    """Run the extractor (succession.api.analyse_paths) with a progress line on a terminal; ``stories``:
    the store's story index, which new articles join; ``runner``: analyse on a Dask cluster. Articles in
    a language succession does not read come back rejected: nothing half-analysed is stored."""
    from .. import api  # the NLP pipeline is heavy: imported only when ingesting

    err = _err()
    if runner is not None:
        from .cluster import analyse_on_cluster

        return analyse_on_cluster(inputs, runner, stories=stories, quiet=quiet, console=err)

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
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders: .txt, .html, .jsonl, .warc, .warc.gz.")],
    db: DbOption = Path(DEFAULT_DB),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no per-input warnings.")] = False,
    fmt: Annotated[Optional[OutFormat], typer.Option("--format", "-f", help="Also print the counts on stdout: "
                                                                           "table, json or csv.")] = None,
    workers: Annotated[Optional[int], typer.Option(
        "--workers", min=1, rich_help_panel="Cluster (Dask)",
        help="Analyse on a local Dask cluster of N worker processes (one thread each), started for this run; "
             "about one per core.")] = None,
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", metavar="ADDRESS", rich_help_panel="Cluster (Dask)",
        help="Analyse on the running Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786); its workers "
             "need this version of succession installed. Stories and the store stay on this machine.")] = None,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, rich_help_panel="Cluster (Dask)",
        help="Articles per task on the cluster (with --workers or --scheduler).")] = 64,
    connect_timeout: Annotated[float, typer.Option(
        "--connect-timeout", min=0.1, rich_help_panel="Cluster (Dask)",
        help="Seconds to wait for the scheduler (--scheduler) and for its first worker.")] = 10.0,
) -> None:
    """Analyse articles and add them to the store (re-ingesting unchanged articles changes nothing).

    Ids: a file named directly is its file name, a file in a folder its path inside that folder, a JSON
    Lines record its ``id``. One ``skipped PATH[:LINE]: reason`` line per input not stored; an article
    replacing one stored from another file is announced (``replaced``). Concurrent ingests into one
    store run one after the other. Exit code 0 when everything was stored, 1 when something was skipped,
    2 when the store cannot be used.

    With --workers N or --scheduler ADDRESS the articles are analysed on a Dask cluster, in batches; story
    grouping and writing the store stay in this process, and a batch lost with a worker is analysed again.

    Example: succession ingest demo/articles --db demo.db
    """
    if workers is not None and scheduler is not None:
        raise typer.BadParameter("give --workers (a local cluster) or --scheduler (a running one), not both",
                                 param_hint="--workers / --scheduler")

    def waiting() -> None:
        if not quiet:
            _err().print(f"waiting for another ingest into {escape(printable(str(db)))} to finish")

    try:
        # the cluster first: an unreachable scheduler is reported before the store is touched
        with _cluster(workers, scheduler, batch_size, connect_timeout, quiet) as runner, ingest_lock(db, on_wait=waiting):
            with _open(db, create=True) as store:  # stories grow across ingests: the index lives in the store
                stories, note = load_story_index(store)
            if note:
                _err().print(f"[yellow]note[/] {escape(printable(note))}")
            try:
                analyses, rejected = _analyse(inputs, quiet, stories, runner)
            except InputError as exc:
                _err().print(f"[red]{escape(printable(str(exc)))}[/]")
                raise typer.Exit(EXIT_USAGE) from exc
            with _open(db, create=True) as store:
                report = store_run(store, analyses, rejected, stories)
    except ClusterError as exc:
        _err().print(f"[red]{escape(printable(str(exc)))}[/]")
        raise typer.Exit(EXIT_USAGE) from exc
    except StoreError as exc:
        _err().print(f"[red]{escape(printable(str(exc)))}[/]")
        raise typer.Exit(EXIT_USAGE) from exc
    skipped = rejected + report.rejected
    if not quiet:
        _say("skipped", skipped)
        _say("replaced", report.moved)
        _err().print(f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged, "
                     f"{len(skipped)} skipped → {escape(printable(str(db)))}")
    if fmt is not None:
        counts = {"added": report.added, "replaced": report.replaced, "unchanged": report.unchanged,
                  "skipped": len(skipped), "store": str(db)}
        emit([Listing("Ingested", tuple(Column(k, wrap=False, keep=3) for k in counts),
                      (tuple(str(v) for v in counts.values()),))], fmt, counts)
    raise typer.Exit(EXIT_SKIPPED if skipped else EXIT_OK)


def _cluster(workers: int | None, scheduler: str | None, batch_size: int, connect_timeout: float, quiet: bool
             ) -> AbstractContextManager:  # type: ignore[type-arg]
    """The Dask runner the options ask for (started or joined here), or none."""
    if workers is None and scheduler is None:
        return nullcontext(None)
    from .cluster import cluster_runner

    return cluster_runner(workers=workers, scheduler=scheduler, batch_size=batch_size,
                          connect_timeout=connect_timeout, quiet=quiet, console=_err())


def _asked(found: list, why: str) -> None:  # type: ignore[type-arg]
    if not found:
        _err().print(Text(why, style="yellow"))


def timeline(
    org: Annotated[Optional[str], typer.Option("--org", help="Only this organisation.")] = None,
    person: Annotated[Optional[str], typer.Option("--person", help="Only this person.")] = None,
    fmt: FormatOption = OutFormat.table,
    as_json: JsonOption = False,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Tenures, events and conflicts (inferred dates marked *).

    Example: succession timeline --org "Grauwald Feinmechanik" --db demo.db
    """
    with _open(db) as store:
        tl = query.timeline(store, org=org, person=person)
        if not tl.tenures and not tl.events and (org or person):
            _asked([], query.why_none(store, org=org, person=person))
    fmt = OutFormat.json if as_json else fmt
    if fmt is OutFormat.json:
        typer.echo(to_json(tl), nl=False)
    else:
        emit(_timeline_listings(tl), fmt)


def who(
    org: Annotated[str, typer.Option("--org", help="Organisation (any spelling or variant the articles use).")],
    role: Annotated[str, typer.Option("--role", help="Role in English or German, e.g. CEO or Vorstandschef "
                                                     "(also finds interim CEOs).")],
    on: Annotated[str, typer.Option("--on", help="Day, YYYY-MM-DD.")],
    fmt: FormatOption = OutFormat.table,
    as_json: JsonOption = False,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Who held a role at an organisation on a day.

    Example: succession who --org "Grauwald Feinmechanik" --role CEO --on 2025-06-01 --db demo.db
    """
    day = _day(on)
    with _open(db) as store:
        found = query.who_tenures(store, org, role, day)
        why = "" if found else query.why_none(store, org=org, role=role, on=day)
    _asked(found, why)
    payload = {"holders": list(dict.fromkeys(t.holder for t in found)),
               "tenures": [tenure_to_dict(t) for t in found]}
    emit([_tenure_listing(found, f"{query.canonical_role(role)} of {org} on {day}")],
         OutFormat.json if as_json else fmt, payload)


def where(
    person: Annotated[str, typer.Option("--person", help="Person (any spelling the articles use).")],
    on: Annotated[str, typer.Option("--on", help="Day, YYYY-MM-DD.")],
    fmt: FormatOption = OutFormat.table,
    as_json: JsonOption = False,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Where a person held a role or worked on a day.

    Example: succession where --person "Ilse Randegger" --on 2025-06-01 --db demo.db
    """
    day = _day(on)
    with _open(db) as store:
        found = query.where_tenures(store, person, day)
        why = "" if found else query.why_none(store, person=person, on=day)
    _asked(found, why)
    payload = {"orgs": list(dict.fromkeys(t.org for t in found)), "tenures": [tenure_to_dict(t) for t in found]}
    emit([_tenure_listing(found, f"{person} on {day}")], OutFormat.json if as_json else fmt, payload)


def people(fmt: FormatOption = OutFormat.table, as_json: JsonOption = False,
           db: DbOption = Path(DEFAULT_DB)) -> None:
    """Everyone in the timeline, with name variants.

    Example: succession people --db demo.db --format csv
    """
    with _open(db) as store:
        found = query.people(store)
    payload = [{"name": p.name, "variants": list(p.variants), "tenures": p.tenures, "events": p.events}
               for p in found]
    cols = (Column("name", keep=3, min_width=14), Column("variants", keep=1, min_width=16),
            Column("tenures", wrap=False, keep=2), Column("events", wrap=False, keep=2))
    rows = tuple((p.name, ", ".join(p.variants), str(p.tenures), str(p.events)) for p in found)
    emit([Listing(plural(len(found), "person", "people"), cols, rows)], OutFormat.json if as_json else fmt, payload)


def search(
    text: Annotated[str, typer.Argument(help="Words to find (all of them, accents ignored).")],
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most hits shown.")] = 20,
    fmt: FormatOption = OutFormat.table,
    as_json: JsonOption = False,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Full-text search over articles and event evidence.

    Example: succession search Randegger --db demo.db
    """
    with _open(db) as store:
        hits = query.search(store, text, limit=limit)
    payload = [{"kind": h.kind, "id": h.id, "doc_id": h.doc_id, "snippet": h.snippet, "score": h.score}
               for h in hits]
    cols = (Column("kind", wrap=False, keep=2), Column("document", keep=2), Column("text", keep=3, min_width=30),
            Column("id", wrap=False, keep=1))
    rows = tuple((h.kind, h.doc_id, h.snippet, h.id) for h in hits)
    emit([Listing(f"Search: {text} ({plural(len(hits), 'hit')})", cols, rows)],
         OutFormat.json if as_json else fmt, payload)


def sources(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="A tenure (t-…), event (e-…, ev-…) or fact (fa-…) id.")],
    fmt: FormatOption = OutFormat.table,
    as_json: JsonOption = False,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """The sentences that support a tenure or event, with document and offsets.

    Example: succession sources t-8c3179948bd95d7a --db demo.db  (ids are in the last column of `timeline`)
    """
    with _open(db) as store:
        refs = query.sources(store, record_id)
    if not refs:
        _err().print(f"[yellow]no tenure, event or fact with id {escape(repr(record_id))}[/]")
        raise typer.Exit(EXIT_SKIPPED)
    payload = [{"doc_id": r.doc_id, "start": r.start, "end": r.end, "text": r.text, "title": r.title,
                "url": r.url, "published": r.published.value if r.published else None} for r in refs]
    cols = (Column("document", keep=2), Column("offsets", wrap=False, keep=2),
            Column("sentence", keep=3, min_width=30), Column("published", wrap=False, keep=2),
            Column("url", keep=1))
    rows = tuple((r.doc_id, f"{r.start}:{r.end}", r.text, r.published.value if r.published else "", r.url or "")
                 for r in refs)
    emit([Listing(f"Sources of {record_id}", cols, rows)], OutFormat.json if as_json else fmt, payload)


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")] = "json",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default stdout).")] = None,
    org: Annotated[Optional[str], typer.Option("--org", help="Only this organisation.")] = None,
    person: Annotated[Optional[str], typer.Option("--person", help="Only this person.")] = None,
    ids: Annotated[Optional[Path], typer.Option("--ids", help="Wikidata ids for quickstatements: a CSV (name,QID "
                                                              "per line) or JSON object (name -> QID).")] = None,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Export the timeline as JSON, CSV (one row per tenure), GraphML or Wikidata QuickStatements.

    QuickStatements need a Wikidata id for every person and organisation: give them with --ids; tenures
    whose holder or organisation has none are left out, with a warning naming them.

    Example: succession export --format quickstatements --ids wikidata_ids.csv --db demo.db
    """
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    qids: dict[str, str] = {}
    if ids is not None:
        try:
            qids, problems = read_ids(ids)
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            raise typer.BadParameter(f"cannot read {ids}: {exc}", param_hint="--ids") from exc
        for problem in problems:
            _err().print(Text(f"skipped {problem}", style="yellow"))
    with _open(db) as store:
        # the store is read a page at a time and written as it is read; a file appears whole or not at all
        if output is None:
            write_export(store, fmt, sys.stdout, org=org, person=person, qids=qids)
            sys.stdout.flush()
        else:
            part = output.with_name(output.name + ".part")
            try:
                with part.open("w", encoding="utf-8") as out:
                    write_export(store, fmt, out, org=org, person=person, qids=qids)
                os.replace(part, output)
            except OSError as exc:
                part.unlink(missing_ok=True)
                _err().print(f"[red]cannot write {escape(printable(str(output)))}[/]: "
                             f"{escape(exc.strerror or str(exc))}")
                raise typer.Exit(EXIT_USAGE) from None
        tl = query.timeline(store, org=org, person=person) if fmt == "quickstatements" else None
    if tl is not None:
        missing = missing_ids(tl, qids)
        if missing:
            names = ", ".join(sorted(missing)[:8]) + (" …" if len(missing) > 8 else "")
            _err().print(Text(f"no Wikidata id for {plural(len(missing), 'name')} ({names}): their tenures are "
                              f"left out; add them to {ids or 'a file given with --ids'}", style="yellow"))


def register(app: typer.Typer) -> None:
    """Add the timeline commands to the main app."""
    for fn in (ingest, timeline, who, where, people, search, sources, export):
        app.command(fn.__name__)(fn)

