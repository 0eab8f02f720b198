"""A progress bar on stderr for long commands, shown only in a terminal and only for large
inputs, so pipes, files and tests see nothing of it."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Below these a run takes a second or two: no bar.
LARGE_FILES = 20
LARGE_ARTICLES = 100

Report = Callable[[str, int, int], None]  # (stage, done, total)


def is_large(files: int, stage: str, total: int) -> bool:
    """Return True once a run is long enough for a bar: 20 files, or a stage of 100 articles."""
    read = total if stage == "reading" else 0
    return max(files, read) >= LARGE_FILES or (stage != "reading" and total >= LARGE_ARTICLES)


def rate_text(stage: str, done: int, seconds: float) -> str:
    """Return "1,234 articles/s" (files/s while reading), or "" before a rate can be told."""
    if seconds < 0.5 or not done:
        return ""
    unit = "files" if stage == "reading" else "articles"
    return f"{done / seconds:,.0f} {unit}/s"


@contextmanager
def progress_bar(files: int, force: bool = False) -> Iterator[Report]:
    """Yield a `report(stage, done, total)` that drives a transient bar on stderr.

    The bar appears once the input is large (`files` >= 20, or a stage counting 100 or more
    articles) and stderr is a terminal; `force` shows it regardless of size (ingest).
    """
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    bar = Progress(
        TextColumn("{task.description:<11}"), BarColumn(), TextColumn("{task.fields[count]}"),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=console, transient=True,
        disable=not console.is_terminal,
    )  # fmt: skip
    task = bar.add_task("reading", total=files, count="", rate="")
    started = False
    stage_began: dict[str, float] = {}

    def report(stage: str, done: int, total: int) -> None:
        nonlocal started
        if not started and (force or is_large(files, stage, total)):
            bar.start()
            started = True
        began = stage_began.setdefault(stage, time.perf_counter())
        # Stages with a count (files, articles) fill the bar and show their rate; the others
        # (grouping, relating, writing) pulse.
        counted = total > 1
        bar.update(task, description=stage, completed=done, total=total if counted else None,
                   count=f"{done:,}/{total:,}" if counted else "",
                   rate=rate_text(stage, done, time.perf_counter() - began) if counted else "")  # fmt: skip

    try:
        yield report
    finally:
        if started:
            bar.stop()
