"""The `reconcile` command: options in, library calls, output out.

Machine output (JSON, CSV) goes to stdout or -o FILE; messages go to stderr. Exit codes: 0 ok,
1 findings requested as failure (--fail-on), 2 usage or input error.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import NoReturn

import typer

from reconcile import help_words
from reconcile.dates import require_date
from reconcile.errors import ReconcileError
from reconcile.executors import Executor
from reconcile.ingest import MAX_ARTICLE_BYTES, expand_paths, read_articles
from reconcile.model import Article
from reconcile.pipeline import Analysis, analyse
from reconcile.report.render import RENDERERS, stream
from reconcile.rules import rule_views
from reconcile.settings import Settings

help_words.install()

app = typer.Typer(no_args_is_help=True)

Format = Enum("Format", {name: name for name in RENDERERS}, type=str)  # type: ignore[misc]


class Rule(str, Enum):
    ucdp = "ucdp"
    range = "range"  # the UCDP-style rule's first name
    acled = "acled"
    ibc = "ibc"
    all = "all"


RULE_HELP = "Reconciliation rule: ucdp (alias range), acled, ibc, or all side by side."


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


class Vague(str, Enum):
    interval = "interval"
    acled = "acled"


def _finding_types() -> tuple[str, ...]:
    from reconcile.relations import RELATION_TYPES

    return RELATION_TYPES


class CsvRows(str, Enum):
    claims = "claims"
    findings = "findings"
    figures = "figures"


def rows_option() -> CsvRows:
    return typer.Option(
        CsvRows.claims, "--rows",
        help="With --format csv: one row per claim, per finding or per reconciled figure "
        "(columns in the README).",
    )  # fmt: skip


def check_rows(fmt: str, rows: CsvRows) -> None:
    """End with a usage error when --rows is given without --format csv."""
    if rows is not CsvRows.claims and fmt != "csv":
        fail(f"--rows {rows.value} needs --format csv")


def report_stream(analysis: Analysis, fmt: str, rows: CsvRows, max_findings: int) -> Iterable[str]:
    """Return the report in pieces: `rows` picks the CSV's rows (claims, findings, figures)."""
    check_rows(fmt, rows)
    if rows is not CsvRows.claims:
        from reconcile.report.csv_rows import stream_csv_rows

        return stream_csv_rows(analysis, rows.value)
    return stream(analysis, fmt, max_findings)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"reconcile {version('reconcile')}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Who claims what, about which event, and where the claims conflict.

    Example: reconcile check fixtures/seed/*.txt

    Keep a store with `reconcile ingest`. Exit codes: 0 ok; 1 a finding named with --fail-on is present; 2 usage or input error.
    """


# Per event, in the table and Markdown: a big story gives thousands of claim pairs.
DEFAULT_MAX_FINDINGS = 30


def max_findings_option() -> int:
    return typer.Option(
        DEFAULT_MAX_FINDINGS,
        "--max-findings",
        min=0,
        help="Findings listed per event in table and md, most serious first (0: all). "
        "JSON and CSV are always whole.",
    )


def max_bytes_option() -> int:
    return typer.Option(
        MAX_ARTICLE_BYTES,
        "--max-bytes",
        min=1,
        help="Largest article file read, in bytes (a JSON Lines feed may be larger).",
    )


def encoding_option() -> str | None:
    return typer.Option(
        None,
        "--encoding",
        help="Read article files in this encoding (default: UTF-8, else the page's declared "
        "charset, else detected).",
    )


class ExecutorName(str, Enum):
    processes = "processes"
    dask = "dask"


def executor_option() -> ExecutorName:
    return typer.Option(
        ExecutorName.processes, "--executor",
        help="Where extraction runs: processes on this machine (--jobs of them), or dask "
        "(a LocalCluster of --jobs workers, or the cluster at --scheduler).",
    )  # fmt: skip


def scheduler_option() -> str | None:
    return typer.Option(
        None, "--scheduler", metavar="ADDRESS",
        help="A running Dask scheduler (tcp://host:8786) to extract on; implies --executor dask.",
    )  # fmt: skip


@contextmanager
def open_executor(
    name: ExecutorName, jobs: int, scheduler: str | None
) -> Iterator[Executor | None]:
    """Yield the executor asked for (None: the pipeline picks processes by --jobs), or end with
    one error line when Dask is asked for and missing or its scheduler cannot be reached."""
    if name is ExecutorName.processes and not scheduler:
        yield None
        return
    from reconcile.executors import make_executor

    try:
        executor = make_executor(name.value, jobs, scheduler)
    except ReconcileError as exc:
        fail(str(exc))
    try:
        yield executor
    finally:
        executor.close()


def skipped(path: str, why: str) -> None:
    """Tell the user a file in a folder was passed over, and why."""
    typer.echo(f"reconcile: skipped {path}: {why}", err=True)


def fail(message: str) -> NoReturn:
    """Print one error line to stderr and exit with code 2."""
    typer.echo(f"reconcile: error: {message}", err=True)
    raise typer.Exit(2)


def write_output(text: str | Iterable[str], output: Path | None) -> None:
    """Write text (or its pieces, as they come) to stdout, or atomically to a file: a failed
    write leaves no partial file."""
    pieces = [text] if isinstance(text, str) else text
    if output is None:
        for piece in pieces:
            sys.stdout.write(piece)
        return
    directory = output.resolve().parent
    if not directory.is_dir():
        fail(f"{output}: folder {directory} does not exist")
    if output.is_dir():
        fail(f"{output}: is a folder; give a file name to write to")
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{output.name}.", suffix=".tmp")
    except OSError as exc:
        fail(f"{output}: cannot write in {directory} ({exc.strerror or exc})")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for piece in pieces:
                handle.write(piece)
        # mkstemp makes the file private (0600); a report gets the usual mode for new files.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, output)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        fail(f"{output}: cannot write ({exc.strerror or exc})")
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    typer.echo(f"wrote {output}", err=True)


def load_articles(
    paths: list[Path],
    outlet: str,
    published: str | None,
    keep_going: bool,
    max_bytes: int = MAX_ARTICLE_BYTES,
    encoding: str | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> tuple[list[Article], int]:
    """Return the readable articles and the number of paths that failed (with --keep-going)."""
    articles: list[Article] = []
    failed = 0
    try:
        if published:
            published = require_date(published)
        paths = expand_paths(paths, on_skip=skipped)
    except ReconcileError as exc:
        fail(str(exc))
    for done, path in enumerate(paths, start=1):
        if progress:
            progress("reading", done, len(paths))
        try:
            articles.extend(
                read_articles(path, outlet, published, max_bytes=max_bytes, encoding=encoding)
            )
        except ReconcileError as exc:
            if not keep_going:
                fail(str(exc))
            typer.echo(f"reconcile: error: {exc} (skipped)", err=True)
            failed += 1
    return articles, failed


@app.command()
def check(
    paths: list[Path] = typer.Argument(
        ..., help="Article files (.txt, .html, .jsonl, .json) or folders of them."
    ),
    fmt: Format = typer.Option("table", "--format", "-f", help="Report format."),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write to FILE, not stdout."
    ),
    outlet: str = typer.Option(
        "", metavar="NAME", help="Outlet name for articles that do not say."
    ),
    published: str | None = typer.Option(
        None, metavar="DATE", help="Publication date (YYYY-MM-DD) to assume."
    ),
    keep_going: bool = typer.Option(False, "--keep-going", help="Skip unreadable files."),
    rule: Rule = typer.Option(Rule.ucdp, help=RULE_HELP),
    vague: Vague = typer.Option(Vague.interval, help="Reading of vague amounts like 'dozens'."),
    places: Path | None = typer.Option(
        None, metavar="CSV", help="Extra place aliases CSV (alias,canonical)."
    ),
    fail_on: list[str] = typer.Option(
        [],
        "--fail-on",
        metavar="TYPE",
        help=f"Exit 1 if a finding of this type is present; repeatable. TYPE is one of: "
        f"{', '.join(_finding_types())}.",
    ),  # fmt: skip
    jobs: int = typer.Option(
        0, "--jobs", "-j", help="Extraction processes (0: one per core for large batches)."
    ),
    executor: ExecutorName = executor_option(),
    scheduler: str | None = scheduler_option(),
    max_findings: int = max_findings_option(),
    max_bytes: int = max_bytes_option(),
    encoding: str | None = encoding_option(),
    rows: CsvRows = rows_option(),
) -> None:
    """Read articles, extract claims, group events and report where sources disagree.

    Example: reconcile check reports/ --fail-on contradicts -f md -o report.md

    Exit codes: 0 ok; 1 a finding named with --fail-on is present; 2 usage or input error
    (with --keep-going: some files were skipped).
    """
    check_rows(fmt.value, rows)
    for kind in fail_on:
        if kind not in _finding_types():
            fail(f"--fail-on {kind}: unknown finding type (one of {', '.join(_finding_types())})")
    wanted = set(fail_on)
    # Figures are reconciled UCDP-style; the rule asked for is a reading of those rows.
    settings = Settings.current(vague=vague.value)
    if places:
        settings = _with_places(settings, places)
    from reconcile.pipeline import extract_all
    from reconcile.progress import progress_bar

    with progress_bar(len(paths)) as progress:
        articles, failed = load_articles(
            paths, outlet, published, keep_going, max_bytes, encoding, progress
        )
        if not articles:
            fail("no readable articles")
        with open_executor(executor, jobs, scheduler) as runner:
            try:
                claims = extract_all(
                    articles,
                    jobs=jobs,
                    settings=settings,
                    progress=lambda done, total: progress("extracting", done, total),
                    executor=runner,
                )
            except ReconcileError as exc:  # a Dask cluster that failed under the run
                fail(str(exc))
        progress("relating", 0, 1)
        analysis = analyse(articles, claims, framed=True, settings=settings)
    analysis.reconciled, analysis.by_rule = rule_views(analysis.reconciled, rule.value)
    write_output(report_stream(analysis, fmt.value, rows, max_findings), output)
    typer.echo(
        f"{len(articles)} article(s), {len(analysis.claims)} claim(s), "
        f"{len(analysis.events)} event(s), "
        f"{sum(r.type == 'contradicts' for r in analysis.relations)} contradiction(s)",
        err=True,
    )
    if failed:
        raise typer.Exit(2)
    if wanted and any(r.type in wanted for r in analysis.relations):
        raise typer.Exit(1)


def _with_places(settings: Settings, path: Path) -> Settings:
    """Return settings with a user's place aliases, installed in this process too (grouping
    across articles runs here; extraction workers install them from the settings)."""
    try:
        settings = settings.with_place_file(path)
    except ReconcileError as exc:
        fail(str(exc))
    settings.install()
    return settings


@app.command("eval")
def evaluate(
    gold: Path = typer.Argument(..., help="Gold claims CSV (article_file, quantity_kind, ...)."),
    paths: list[Path] = typer.Argument(
        ..., help="The articles the gold claims come from (files or folders)."
    ),
    fmt: EvalFormat = typer.Option(EvalFormat.table, "--format", "-f", help="Output format."),
    show: int = typer.Option(15, help="How many misses and extras to list (0: none)."),
    findings: Path | None = typer.Option(
        None, metavar="CSV", help="Expected findings CSV: also score events and relations."
    ),
) -> None:
    """Score extraction against hand-coded gold claims: precision, recall, attribution.

    Example: reconcile eval fixtures/gold/gold.csv fixtures/gold

    Exit codes: 0 scored; 2 bad gold sheet or article.
    """
    from reconcile.evaluate import (
        read_gold,
        render_findings,
        render_scores,
        score,
        score_findings,
    )

    try:
        gold_rows = read_gold(gold)
        articles = [a for p in expand_paths(paths, on_skip=skipped) for a in read_articles(p)]
        scores = score(gold_rows, articles)
        grouping = score_findings(gold_rows, findings, scores, articles)
    except ReconcileError as exc:
        fail(str(exc))
    text = render_scores(scores, fmt.value, show)
    if fmt is not EvalFormat.json:
        text += render_findings(grouping, show)
    write_output(text, None)


def main() -> None:  # pragma: no cover - console entry point
    app()
