"""``succession ingest --workers N / --scheduler ADDRESS``: the Dask cluster and its progress bar (a thin
shell over succession.distributed)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from ..models import Analysis, Rejected
from ..sanitize import printable

__all__ = ["analyse_on_cluster", "cluster_runner"]


@contextmanager
def cluster_runner(*, workers: int | None, scheduler: str | None, batch_size: int, connect_timeout: float,
                   quiet: bool, console: Console) -> Iterator[object]:
    """Start a local cluster of ``workers`` processes or join the one at ``scheduler``, for one ingest."""
    from ..distributed import dask_runner

    if not quiet:
        where = f"the Dask scheduler at {scheduler}" if scheduler else \
            f"a local Dask cluster of {workers} worker{'s' if workers != 1 else ''}"
        console.print(f"connecting to {escape(printable(where))}" if scheduler else f"starting {where}")
    with dask_runner(workers=workers, scheduler=scheduler, batch_size=batch_size,
                     connect_timeout=connect_timeout) as runner:
        if not quiet:
            n = runner.workers()
            console.print(f"analysing on {n} worker{'s' if n != 1 else ''} ({escape(printable(runner.address))})")
        yield runner


def analyse_on_cluster(inputs: list[Path], runner: object, *, stories: object, quiet: bool, console: Console
                       ) -> tuple[list[Analysis], list[Rejected]]:
    """Analyse on the cluster, with a progress bar (on a terminal) that advances as batches come back."""
    from .. import api

    if quiet or not console.is_terminal:
        run = api.analyse_paths(inputs, stories=stories, keep_unanalysed=False, runner=runner)  # type: ignore[arg-type]
        return list(run.analyses), list(run.rejected)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("analyse", total=None)

        def on_progress(done: int, total: int, _doc: str) -> None:
            bar.update(task, completed=done, total=total)

        run = api.analyse_paths(inputs, on_progress=on_progress, stories=stories, keep_unanalysed=False,
                                runner=runner)  # type: ignore[arg-type]
    return list(run.analyses), list(run.rejected)
