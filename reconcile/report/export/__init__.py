"""Exports: the store's content in other tools' formats, registered in one place.

Each exporter takes what the store holds (its analysis and its review verdicts) and options,
and yields text pieces that `reconcile export NAME -o FILE` writes as they come:

- `graph`: the claim graph (`reconcile.graph.build_graph`) as GraphML, GEXF or node-link JSON;
- `claimreview`: schema.org ClaimReview JSON-LD for each reviewed finding and claim.

A new export is a function and a line in `EXPORTERS`, as report formats are in
`reconcile.report.render.RENDERERS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from reconcile.pipeline import Analysis
from reconcile.report.export.claimreview import claimreview_lines
from reconcile.report.export.graph import GRAPH_FORMATS, graph_lines


@dataclass(frozen=True)
class Exporter:
    name: str
    help: str
    # (analysis, current verdicts by item id, options) -> text pieces
    write: Callable[[Analysis, dict[str, Any], dict[str, Any]], Iterable[str]]


EXPORTERS: dict[str, Exporter] = {
    "graph": Exporter(
        "graph",
        f"the claim graph as {', '.join(GRAPH_FORMATS)} (networkx, Gephi)",
        lambda analysis, decided, options: graph_lines(analysis, options["format"]),
    ),
    "claimreview": Exporter(
        "claimreview",
        "schema.org ClaimReview JSON-LD for each reviewed finding and claim",
        lambda analysis, decided, options: claimreview_lines(
            analysis, decided, options["org"], options.get("url", "")
        ),
    ),
}


def export(name: str, analysis: Analysis, decided: dict[str, Any], **options: Any) -> Iterable[str]:
    """Return the pieces of a registered export."""
    return EXPORTERS[name].write(analysis, decided, options)
