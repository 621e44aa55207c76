"""``succession explain``: which spellings were merged into one person or organisation, and why."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .output import plural

__all__ = ["explain", "register"]


def explain(
    name: Annotated[str, typer.Argument(help="A person or organisation, in any spelling the articles use.")],
    inputs: Annotated[Optional[list[Path]], typer.Argument(
        help="Articles to read (files or folders); without them, the store given by --db is asked.")] = None,
    db: Annotated[str, typer.Option("--db", envvar="SUCCESSION_DB",
                                   help="The store: a SQLite file or a postgresql:// URL.")] = "succession.db",
) -> None:
    """Show which spellings were merged into one person or organisation, and why.

    Example: succession explain "Randegger" --db demo.db   (or: succession explain Randegger demo/articles)
    """
    console = Console(highlight=False)
    if not inputs:
        _explain_store(console, name, db)
        return
    from ..api import analyse_paths
    from ..extract.coref import fold

    run = analyse_paths(inputs)
    wanted = fold(name)
    found = [e for e in run.entities if wanted == fold(e.name) or wanted in {fold(v) for v in e.variants}]
    if not found:
        found = [e for e in run.entities if wanted in fold(e.name)]
    if not found:
        console.print(f"no entity called {escape(name)!r} in {len(run.analyses)} articles")
        raise typer.Exit(1)
    for e in found:
        _print_entity(console, e)


def _explain_store(console: Console, name: str, db: str) -> None:
    """The spellings the store's articles use for a name, and which rule joins each to the canonical one."""
    from ..timeline import query
    from ..store import open_store, store_exists

    if not store_exists(db):
        Console(stderr=True).print(f"[red]no store at {escape(str(db))}[/]: give articles, or run "
                                   "`succession ingest … --db PATH` first")
        raise typer.Exit(2)
    with open_store(db) as store:
        found = store.explain_name(name)
        if not found:
            kind_names = query.nearest_names(store, name, "person") + query.nearest_names(store, name, "org")
            hint = f"; nearest: {', '.join(kind_names)}" if kind_names else ""
            console.print(f"no person or organisation called {escape(name)!r} in {escape(str(db))}{escape(hint)}")
            raise typer.Exit(1)
    for canonical, rows in found.items():
        docs = sorted({doc for _, doc, _ in rows})
        console.print(f"[bold]{escape(canonical)}[/] — {plural(len(docs), 'article')}")
        table = Table(title="spellings")
        for col in ("spelling", "article", "why"):
            table.add_column(col, overflow="fold", no_wrap=col == "article")
        for spelling, doc, why in rows:
            table.add_row(Text(spelling), Text(doc), Text(why))
        console.print(table)


def _print_entity(console: Console, e) -> None:  # type: ignore[no-untyped-def]
    kind = getattr(e.kind, "value", e.kind)
    console.print(f"[bold]{escape(e.name)}[/] ({kind}) — {len(e.docs)} articles, {len(e.stories)} stories")
    console.print("spellings: " + ", ".join(escape(v) for v in e.variants))
    if e.support:
        console.print("support for the canonical spelling: "
                      + ", ".join(f"{escape(v)} {s:.2f}" for v, s in e.support))
    if e.evidence:
        table = Table(title="merges", show_lines=False)
        for col in ("kept", "merged", "score", "why", "articles"):
            table.add_column(col, overflow="fold")
        for m in e.evidence:
            table.add_row(escape(m.kept), escape(m.merged), f"{m.score:.2f}", escape("; ".join(m.reasons)),
                          escape(", ".join(m.docs)))
        console.print(table)
    console.print()


def register(app: typer.Typer) -> None:
    app.command("explain")(explain)
