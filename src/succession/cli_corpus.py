"""``succession explain``: which spellings were merged into one person or organisation, and why."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

__all__ = ["explain", "register"]


def explain(
    name: Annotated[str, typer.Argument(help="A person or organisation, in any spelling the articles use.")],
    inputs: Annotated[list[Path], typer.Argument(help="The articles to read (files or folders).")],
) -> None:
    """Show which spellings were merged into one entity across the articles, and why."""
    from .api import analyse_paths
    from .coref import fold

    run = analyse_paths(inputs)
    wanted = fold(name)
    found = [e for e in run.entities if wanted == fold(e.name) or wanted in {fold(v) for v in e.variants}]
    if not found:
        found = [e for e in run.entities if wanted in fold(e.name)]
    console = Console()
    if not found:
        console.print(f"no entity called {escape(name)!r} in {len(run.analyses)} articles")
        raise typer.Exit(1)
    for e in found:
        _print_entity(console, e)


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
