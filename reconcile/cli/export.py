"""`reconcile export`: the store in other tools' formats (reconcile/report/export/).

Importing this module registers the group on `reconcile.cli.app`. Output goes to stdout or,
atomically, to `-o FILE`; a summary line goes to stderr.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from reconcile.cli.app import app, write_output
from reconcile.cli.store import _db_option, _store
from reconcile.report.export import EXPORTERS, export

export_app = typer.Typer(help="Export the store: the claim graph, ClaimReview JSON-LD.")
app.add_typer(export_app, name="export")


class GraphFormat(str, Enum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"


@export_app.command("graph", help=f"Write {EXPORTERS['graph'].help}.")
def export_graph(
    db: str | None = _db_option(),
    fmt: GraphFormat = typer.Option(GraphFormat.graphml, "--format", "-f", help="File format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to FILE, not stdout."),
) -> None:
    with _store(db) as store:
        analysis = store.analysis()
    write_output(export("graph", analysis, {}, format=fmt.value), output)
    typer.echo(
        f"graph: {len(analysis.articles)} article(s), {len(analysis.claims)} claim(s), "
        f"{len(analysis.events)} event(s), {len(analysis.relations)} relation(s)",
        err=True,
    )


@export_app.command("claimreview", help=f"Write {EXPORTERS['claimreview'].help}.")
def export_claimreview(
    org: str = typer.Option(..., "--org", help="Your organisation: the reviews' author."),
    url: str = typer.Option("", "--url", help="Your organisation's web address."),
    db: str | None = _db_option(),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to FILE, not stdout."),
) -> None:
    from reconcile.report.export.claimreview import claim_reviews
    from reconcile.review.ledger import decisions

    with _store(db) as store:
        analysis = store.analysis()
        decided = decisions(store.connection)
    count = len(claim_reviews(analysis, decided, org, url))
    write_output(export("claimreview", analysis, decided, org=org, url=url), output)
    if count:
        typer.echo(f"{count} ClaimReview(s) from the reviewers' verdicts", err=True)
    else:
        typer.echo("no reviewed findings or claims yet (see `reconcile review`)", err=True)
