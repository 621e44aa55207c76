"""The ``succession`` command: a thin shell over the library (succession.api)."""
from __future__ import annotations

import json
import logging
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import click
import typer
from rich.console import Console
from typer.core import TyperGroup
from rich.markup import escape

from .. import __version__
from ..api import CorpusRun, analyse_paths
from ..sources.files import DEFAULT_MAX_BYTES
from ..errors import StoreError
from ..models import Rejected
from .output import Column, Listing, OutFormat, emit, plural
from ..records import records
from ..sanitize import printable

__all__ = ["app", "main"]

class _VerboseAnywhere(TyperGroup):
    """Accepts -v/-vv/--verbose after the subcommand too ('succession who ... -v'): moved to the front."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if "--" in args:
            head, tail = args[:args.index("--")], args[args.index("--"):]
        else:
            head, tail = args, []
        loud = [a for a in head if a in ("--verbose",) or (a.startswith("-v") and set(a[1:]) == {"v"})]
        rest = [a for a in head if a not in loud]
        return super().parse_args(ctx, loud + rest + tail)


app = typer.Typer(name="succession", no_args_is_help=True, add_completion=True, rich_markup_mode="rich",
                  cls=_VerboseAnywhere,
                  help="Grounded leadership changes (who was appointed, left, returned...) from English and "
                       "German news, each tied to the sentence that says so.")
err = Console(stderr=True, soft_wrap=True)  # soft wrap: one message stays one line, for grep and tools

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class Format(str, Enum):
    jsonl = "jsonl"
    table = "table"
    json = "json"
    csv = "csv"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"succession {__version__}")
        raise typer.Exit()


@app.callback()
def _root(verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More log output (-vv: debug).")] = 0,
          version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def run_with_progress(inputs: list[Path], *, quiet: bool, max_bytes: int) -> CorpusRun:
    """Analyse inputs, with a progress bar on a terminal and one line per skipped input."""
    def on_rejected(r: Rejected) -> None:
        if not quiet:
            err.print(f"[yellow]skipped[/] {escape(printable(r.source))}: {escape(printable(r.reason))}",
                      highlight=False)

    if quiet or not err.is_terminal:
        return analyse_paths(inputs, on_rejected=on_rejected, max_bytes=max_bytes)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task("analyse", total=None)

        def on_progress(done: int, total: int, _doc: str) -> None:
            bar.update(task, completed=done, total=total)

        return analyse_paths(inputs, on_progress=on_progress, on_rejected=on_rejected, max_bytes=max_bytes)


@app.command()
def extract(
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders: .txt, .html/.htm, .jsonl (folders recursively).")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="jsonl: records for tools (score.py); table: for people; json: one array; csv: one row per event.")] = Format.jsonl,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no per-input warnings.")] = False,
    max_bytes: Annotated[int, typer.Option(min=1, help="Largest article read, in bytes.")] = DEFAULT_MAX_BYTES,
) -> None:
    """Print every leadership change in the inputs, with its evidence.

    JSON Lines on stdout (document, entity and event records); progress and warnings on stderr.
    Exit code 0 when every input was read, 1 when some were skipped, 2 on usage errors.

    Example: succession extract demo/articles --format table
    """
    run = run_with_progress(inputs, quiet=quiet, max_bytes=max_bytes)
    if fmt is Format.table:
        _print_table(run)
    elif fmt is Format.json:
        typer.echo(json.dumps(list(records(run.analyses, run.entities)), ensure_ascii=False, indent=2))
    elif fmt is Format.csv:
        emit([_event_listing(run)], OutFormat.csv)
    else:
        out = sys.stdout
        for rec in records(run.analyses, run.entities):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for a in run.analyses:
        for w in a.warnings:
            if not quiet:
                err.print(f"[yellow]note[/] {escape(printable(a.document.source))}: {escape(printable(w))}",
                          highlight=False)
    if not quiet:
        n_ev = sum(len(a.events) for a in run.analyses)
        err.print(f"{plural(len(run.analyses), 'document')}, {plural(n_ev, 'event')}, "
                  f"{plural(len(run.rejected), 'input')} skipped", highlight=False)
    raise typer.Exit(EXIT_SKIPPED if run.rejected else EXIT_OK)


def _event_listing(run: CorpusRun) -> Listing:
    cols = (Column("document", keep=2, min_width=12), Column("date", wrap=False, keep=3),
            Column("holder", keep=3, min_width=12), Column("change", wrap=False, keep=3), Column("role", keep=3),
            Column("organisation", keep=2, min_width=12), Column("modality", wrap=False, keep=2),
            Column("evidence", keep=1, min_width=30))
    rows = []
    for a in run.analyses:
        for e in a.events:
            ev = " ".join(e.evidence.text.split())
            ev = ev if len(ev) <= 160 else ev[:157] + "..."
            rows.append((e.doc_id, e.date.value if e.date else "", e.holder, e.type.value, e.role or "", e.org or "",
                         e.modality.value, ev))
    return Listing(f"Leadership changes ({plural(len(rows), 'event')})", cols, tuple(rows))


def _print_table(run: CorpusRun) -> None:
    emit([_event_listing(run)], OutFormat.table)


def _register_optional() -> None:
    """Commands of the other layers (timeline, store, server), where installed."""
    for module in ("queries", "corpus", "serve", "watch"):
        try:
            mod = __import__(f"succession.cli.{module}", fromlist=["register"])
        except ImportError as e:
            if getattr(e, "name", "") != f"succession.cli.{module}":
                raise
            continue
        mod.register(app)


_register_optional()


def main() -> None:
    """The console entry point: errors become one line on stderr and an exit code, never a traceback
    (0 ok, 1 inputs skipped, 2 usage or store error, 3 internal error; -vv logs the traceback)."""
    try:
        app()
    except StoreError as exc:
        err.print(f"[red]{escape(printable(str(exc)))}[/]", highlight=False)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        err.print("interrupted", highlight=False)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a message, not a traceback
        logging.getLogger(__name__).debug("internal error", exc_info=True)
        err.print(f"[red]internal error[/] ({type(exc).__name__}: {escape(printable(str(exc))[:300])}); "
                  "please report it (run with -vv for the details)", highlight=False)
        sys.exit(EXIT_INTERNAL)
