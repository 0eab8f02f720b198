"""Commands that look closely: `show` (one claim or article in full) and `sources` (who says
what across the store). Importing this module registers them on `reconcile.cli.app`."""

from __future__ import annotations

import os
import re
from enum import Enum
from pathlib import Path

import typer

from reconcile.cli.app import app, fail, write_output
from reconcile.cli.store import ListFormat, _db_option, _emit, _store
from reconcile.errors import ReconcileError
from reconcile.ingest import offsets
from reconcile.model import Article, Claim
from reconcile.report import safe
from reconcile.report.card import MARK_CLOSE, MARK_OPEN, claim_card, render_card

SPAN = re.compile(r"(?P<path>.+):(?P<start>\d+)-(?P<end>\d+)")


class CardFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def show(
    target: str = typer.Argument(
        ...,
        metavar="CLAIM|PATH:START-END|PATH|ARTICLE",
        help="A claim id (from the store), evidence as a report prints it, an article file, "
        "or a stored article id.",
    ),
    db: str | None = _db_option(),
    fmt: CardFormat = typer.Option(CardFormat.text, "--format", "-f", help="Output format."),
) -> None:
    """Show one claim in full: sentence, article, outlet, date, source and reading.

    The figure is marked in its sentence between double square brackets.

    Examples:
      reconcile show c71dccd59670a --db strikes.db
      reconcile show fixtures/seed/trt-world-2023-11-22-us-strikes-iraq.txt:584-588

    Evidence (`path:start-end`) indexes the file's characters for text files and the
    extracted text for HTML and JSON feeds; `reconcile show PATH` prints that text. Without
    --db (and without $RECONCILE_DB) an existing file is read afresh, nothing stored.
    Exit codes: 0 shown; 2 no such claim, article, file or span.
    """
    span = SPAN.fullmatch(target)
    use_store = db is not None or bool(os.environ.get("RECONCILE_DB"))
    file_part = (span.group("path") if span else target).partition("#")[0]
    if not use_store and Path(file_part).is_file():
        _show_from_file(target, span, fmt)
        return
    with _store(db, readonly=True) as store:
        if span:
            articles = store.articles_at(span.group("path"))
            if not articles:
                fail(f"no article from {span.group('path')} in {store.path}")
            claims = store.article_claims(articles[0].id)
            card = _card_at(articles[0], claims, span, store.event)
        elif (claim := store.claim(target)) is not None:
            article = store.article(claim.article)
            card = claim_card(claim, article, store.event(claim.event) if claim.event else None)
        elif (article := store.article(target)) is not None:
            _print_article(article, fmt)
            return
        else:
            fail(f"no claim or article {target} in {store.path} (see `reconcile claims`)")
    _print_card(card, fmt)


def _show_from_file(target: str, span: re.Match[str] | None, fmt: CardFormat) -> None:
    from reconcile.ingest import read_articles
    from reconcile.pipeline import analyse

    path = span.group("path") if span else target
    file_part, _, part = path.partition("#")
    try:
        articles = read_articles(file_part)
    except ReconcileError as exc:
        fail(str(exc))
    if part:
        articles = [a for a in articles if a.path == path]
        if not articles:
            fail(f"{file_part}: no article at {part!r}")
    elif len(articles) > 1 and span:
        fail(f"{file_part}: holds {len(articles)} articles; name one, e.g. {articles[0].path}")
    if not span:
        if fmt is CardFormat.json:  # a file's articles as a list, however many it holds
            rows = [_article_row(a) for a in articles]
            write_output(safe.dumps(rows, indent=2) + "\n", None)
            return
        for article in articles:
            _print_article(article, fmt)
        return
    analysis = analyse(articles)
    events = {e.id: e for e in analysis.events}
    card = _card_at(articles[0], analysis.claims, span, events.get)
    _print_card(card, fmt)


def _card_at(article: Article, claims: list[Claim], span: re.Match[str], event_of) -> dict:
    """Return the card of the claim at a `path:start-end` span, or end with an error line."""
    start, end = int(span.group("start")), int(span.group("end"))
    where = offsets.to_text(article, start, end)
    if where is None or where[1] > len(article.text) or where[0] >= where[1]:
        fail(f"{span.group(0)}: not a span of the article text ({len(article.text)} characters)")
    lo, hi = where
    mine = [c for c in claims if c.article == article.id]
    found = next((c for c in mine if (c.start, c.end) == (lo, hi)), None)
    found = found or next((c for c in mine if c.start < hi and lo < c.end), None)
    if found is None:
        shown = article.text[max(0, lo - 60) : lo] + MARK_OPEN + article.text[lo:hi]
        shown += MARK_CLOSE + article.text[hi : hi + 60]
        fail(f"{span.group(0)}: no claim there; the text reads: {' '.join(shown.split())}")
    return claim_card(found, article, event_of(found.event) if found.event else None)


def _print_card(card: dict, fmt: CardFormat) -> None:
    if fmt is CardFormat.json:
        write_output(safe.dumps(card, indent=2) + "\n", None)
    else:
        write_output(render_card(card), None)


def _article_row(article: Article) -> dict:
    """Return an article's contract fields with its byline and text (the text offsets index)."""
    return article.to_row() | {"byline": article.byline, "text": article.text}


def _print_article(article: Article, fmt: CardFormat) -> None:
    """Print an article's text as its evidence offsets index it, with its metadata."""
    if fmt is CardFormat.json:
        write_output(safe.dumps(_article_row(article), indent=2) + "\n", None)
        return
    which = offsets.offsets_index(article)
    head = [
        f"article    {article.id}  {article.path}",
        f"title      {article.title or 'not given'}",
        f"outlet     {article.outlet or 'not given'}",
        f"published  {article.published or 'not given'}",
        f"offsets    evidence offsets index the {which}"
        + ("" if which == offsets.FILE else " below (character 0 is its first character)"),
        "",
    ]
    write_output("\n".join(head) + "\n" + article.text.rstrip("\n") + "\n", None)


# --- sources -----------------------------------------------------------------------------------


@app.command()
def sources(
    db: str | None = _db_option(),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write to FILE, not stdout."
    ),
) -> None:
    """List each source: its names, role, outlets, claims and contradictions.

    One row per source key, most claims first; `contradicts` counts the findings in which
    its figure contradicts another source's.

    Example: reconcile sources --db strikes.db -f csv

    Exit codes: 0 ok; 2 no such store.
    """
    from reconcile.report.sources import SOURCE_COLUMNS, source_rows

    with _store(db, readonly=True) as store:
        rows = source_rows(store.analysis())
    table = [
        [r["source"], _first(r["names"]), r["role"], _first(r["outlets"]), r["claims"],
         r["contradicts"]]
        for r in rows
    ]  # fmt: skip
    _emit(rows, list(SOURCE_COLUMNS), fmt, output, table_rows=table,
          headers=["source", "names", "role", "outlets", "claims", "contradicts"],
          empty="no sources: ingest some articles first")  # fmt: skip


def _first(items: list[str], shown: int = 2) -> str:
    """Return the first few items joined, and how many more there are."""
    more = f" (+{len(items) - shown} more)" if len(items) > shown else ""
    return "; ".join(items[:shown]) + more
