"""How every ``succession`` command prints a listing: a table that fits the terminal, JSON or CSV.

A :class:`Column` says whether its values may wrap (dates and ids never do) and how much it matters:
when the terminal is too narrow, the least important columns are dropped first, and when even the
essential ones do not fit, each row is printed as a stacked block of ``name: value`` lines. Output that
is not a terminal (a pipe, a file) has one width for every command, :data:`PIPE_WIDTH`, unless
``COLUMNS`` says otherwise.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

__all__ = ["Column", "FormatOption", "Listing", "OutFormat", "PIPE_WIDTH", "console", "emit", "plural"]

PIPE_WIDTH = 160


class OutFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


FormatOption = Annotated[OutFormat, typer.Option("--format", "-f", help="table (for people), json or csv.")]


def plural(n: int, word: str, words: str | None = None) -> str:
    """'1 tenure', '2 tenures', '0 tenures'."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


def console(stderr: bool = False) -> Console:
    """The console every command prints to: the terminal's width, else COLUMNS, else PIPE_WIDTH."""
    probe = Console(stderr=stderr, highlight=False)
    if probe.is_terminal or os.environ.get("COLUMNS", "").isdigit():
        return probe
    return Console(stderr=stderr, highlight=False, width=PIPE_WIDTH)


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    wrap: bool = True  # dates, ids and counts never wrap
    keep: int = 1  # 3: essential, 2: useful, 1: dropped first when narrow
    min_width: int = 8


@dataclass(frozen=True, slots=True)
class Listing:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]

    def records(self) -> list[dict[str, str]]:
        return [dict(zip((c.name for c in self.columns), row)) for row in self.rows]


def _needed(col: Column, rows: Sequence[tuple[str, ...]], i: int) -> int:
    """Width the column needs: its widest value when it must not wrap, else a readable minimum."""
    widest = max([len(col.name), *(len(r[i]) for r in rows)])
    return widest if not col.wrap else min(widest, max(col.min_width, len(col.name)))


def _fit(listing: Listing, width: int) -> list[int] | None:
    """Indices of the columns that fit in ``width`` (dropping the least important first), or None."""
    chosen = list(range(len(listing.columns)))
    while chosen:
        need = sum(_needed(listing.columns[i], listing.rows, i) + 3 for i in chosen) + 1
        if need <= width:
            return chosen
        droppable = [i for i in chosen if listing.columns[i].keep < 3]
        if not droppable:
            return None
        chosen.remove(min(droppable, key=lambda i: (listing.columns[i].keep, -i)))
    return None


def _table(listing: Listing, out: Console) -> None:
    chosen = _fit(listing, out.width)
    if chosen is None:  # too narrow even for the essentials: one block per row
        out.print(Text(listing.title, style="bold"))
        name_w = max(len(c.name) for c in listing.columns)
        for row in listing.rows:
            for col, value in zip(listing.columns, row):
                if value:
                    out.print(Text(f"{col.name:>{name_w}}: {value}"), soft_wrap=True)  # never cut a value
            out.print()
        return
    table = Table(title=Text(listing.title))
    for i in chosen:
        col = listing.columns[i]
        if col.wrap:
            table.add_column(col.name, overflow="fold", min_width=min(col.min_width, _needed(col, listing.rows, i)))
        else:
            table.add_column(col.name, no_wrap=True, min_width=_needed(col, listing.rows, i))
    for row in listing.rows:
        table.add_row(*(Text(row[i]) for i in chosen))  # data is never Rich markup
    out.print(table)
    dropped = [listing.columns[i].name for i in range(len(listing.columns)) if i not in chosen]
    if dropped and listing.rows:
        out.print(Text(f"(narrow terminal: {', '.join(dropped)} not shown; --format csv has every column)",
                       style="dim"))


def emit(listings: Sequence[Listing], fmt: OutFormat, payload: object | None = None) -> None:
    """Print listings as tables, CSV (one block per listing, a blank line between) or JSON (``payload``
    when given, else the listings' rows as objects)."""
    if fmt is OutFormat.json:
        data = payload if payload is not None else (
            listings[0].records() if len(listings) == 1 else {l.title: l.records() for l in listings})
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if fmt is OutFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        for n, listing in enumerate(listings):
            if n:
                sys.stdout.write("\n")
            writer.writerow([c.name for c in listing.columns])
            writer.writerows(listing.rows)
        sys.stdout.flush()
        return
    out = console()
    for listing in listings:
        _table(listing, out)
