"""The `reconcile` command: options in, library calls, output out.

Machine output (JSON, CSV) goes to stdout or -o FILE; messages go to stderr. Exit codes: 0 ok,
1 findings requested as failure (--fail-on), 2 usage or input error.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from enum import Enum
from pathlib import Path

import typer

from reconcile.errors import ReconcileError
from reconcile.ingest import expand_paths, read_articles
from reconcile.model import Article
from reconcile.pipeline import analyse
from reconcile.report.render import RENDERERS, stream
from reconcile.rules import rule_views

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Who claims what, about which event, and where the claims conflict.",
)

Format = Enum("Format", {name: name for name in RENDERERS}, type=str)  # type: ignore[misc]


class Rule(str, Enum):
    ucdp = "ucdp"
    range = "range"  # the UCDP-style rule's first name
    acled = "acled"
    ibc = "ibc"
    all = "all"


RULE_HELP = "Reconciliation rule: ucdp (alias range), acled, ibc, or all side by side."


class Vague(str, Enum):
    interval = "interval"
    acled = "acled"


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


def fail(message: str) -> None:
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
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{output.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for piece in pieces:
                handle.write(piece)
        # mkstemp makes the file private (0600); a report gets the usual mode for new files.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    typer.echo(f"wrote {output}", err=True)


def load_articles(
    paths: list[Path], outlet: str, published: str | None, keep_going: bool
) -> tuple[list[Article], int]:
    """Return the readable articles and the number of paths that failed (with --keep-going)."""
    articles: list[Article] = []
    failed = 0
    try:
        paths = expand_paths(paths)
    except ReconcileError as exc:
        fail(str(exc))
    for path in paths:
        try:
            articles.extend(read_articles(path, outlet=outlet, published=published))
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
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to FILE, not stdout."),
    outlet: str = typer.Option("", help="Outlet name for articles that do not say."),
    published: str | None = typer.Option(None, help="Publication date (YYYY-MM-DD) to assume."),
    keep_going: bool = typer.Option(False, "--keep-going", help="Skip unreadable files."),
    rule: Rule = typer.Option(Rule.ucdp, help=RULE_HELP),
    vague: Vague = typer.Option(Vague.interval, help="Reading of vague amounts like 'dozens'."),
    places: Path | None = typer.Option(None, help="Extra place aliases CSV (alias,canonical)."),
    fail_on: list[str] = typer.Option(
        [], "--fail-on", help="Exit 1 if a finding of this type is present (e.g. contradicts)."
    ),
    jobs: int = typer.Option(
        0, "--jobs", "-j", help="Extraction processes (0: one per core for large batches)."
    ),
    max_findings: int = max_findings_option(),
) -> None:
    """Read articles, extract claims, group events and report where sources disagree."""
    from reconcile.graph import RELATION_TYPES

    for kind in fail_on:
        if kind not in RELATION_TYPES:
            fail(f"--fail-on {kind}: unknown finding type (one of {', '.join(RELATION_TYPES)})")
    if places:
        _load_places(places)
    articles, failed = load_articles(paths, outlet, published, keep_going)
    if not articles:
        fail("no readable articles")
    analysis = analyse(articles, rule="range", vague=vague.value, jobs=jobs)
    analysis.reconciled, analysis.by_rule = rule_views(analysis.reconciled, rule.value)
    write_output(stream(analysis, fmt.value, max_findings), output)
    typer.echo(
        f"{len(articles)} article(s), {len(analysis.claims)} claim(s), "
        f"{len(analysis.events)} event(s), "
        f"{sum(r.type == 'contradicts' for r in analysis.relations)} contradiction(s)",
        err=True,
    )
    if failed:
        raise typer.Exit(2)
    if fail_on and any(r.type in fail_on for r in analysis.relations):
        raise typer.Exit(1)


def _load_places(path: Path) -> None:
    from reconcile.places import add_aliases

    try:
        add_aliases(path)
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{path}: cannot read place aliases ({exc})")


@app.command("eval")
def evaluate(
    gold: Path = typer.Argument(..., help="Gold claims CSV (article_file, quantity_kind, ...)."),
    paths: list[Path] = typer.Argument(
        ..., help="The articles the gold claims come from (files or folders)."
    ),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json"),
    show: int = typer.Option(15, help="How many misses and extras to list (0: none)."),
    findings: Path | None = typer.Option(
        None, help="Expected findings CSV: also score events and relations against it."
    ),
) -> None:
    """Score extraction against hand-coded gold claims: precision, recall, attribution."""
    from reconcile.evaluate import (
        read_gold,
        render_findings,
        render_scores,
        score,
        score_findings,
    )

    try:
        gold_rows = read_gold(gold)
        articles = [a for p in expand_paths(paths) for a in read_articles(p)]
        scores = score(gold_rows, articles)
        grouping = score_findings(gold_rows, findings, scores, articles)
    except ReconcileError as exc:
        fail(str(exc))
    text = render_scores(scores, fmt, show)
    if fmt != "json":
        text += render_findings(grouping, show)
    write_output(text, None)


def main() -> None:  # pragma: no cover - console entry point
    app()


# Commands over the persistent store live in their own module; importing it registers them.
from reconcile import commands_store  # noqa: E402, F401

# `reconcile export` (graph, ClaimReview): importing it registers it.
from reconcile.commands_export import export_app  # noqa: E402, F401

# The fact-check review group (`reconcile review ...`): importing it registers it.
from reconcile.review import cli as review_cli  # noqa: E402, F401
