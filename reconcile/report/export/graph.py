"""The claim graph in the formats graph tools read: GraphML, GEXF, node-link JSON.

`reconcile.graph.build_graph` keeps every attribute a plain string or number, so the files
load back in networkx (`read_graphml`, `read_gexf`, `node_link_graph`) and open in Gephi.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import networkx as nx

from reconcile.graph import build_graph
from reconcile.pipeline import Analysis

GRAPH_FORMATS = ("graphml", "gexf", "json")


def claim_graph(analysis: Analysis) -> nx.MultiDiGraph:
    """Return the analysis's claim graph (repeated wire copies are left as `agrees` edges)."""
    return build_graph(analysis.articles, analysis.claims, analysis.events, analysis.relations)


def graph_lines(analysis: Analysis, fmt: str) -> Iterator[str]:
    """Yield the claim graph in `fmt` (graphml, gexf or json), a line at a time where the
    format allows."""
    graph = claim_graph(analysis)
    if fmt == "graphml":
        for line in nx.generate_graphml(graph, encoding="utf-8"):
            yield line + "\n"
    elif fmt == "gexf":
        for line in nx.generate_gexf(graph, encoding="utf-8"):
            yield line + "\n"
    elif fmt == "json":
        try:  # networkx 3.4 named the edge list's key; older ones always call it "links"
            data = nx.node_link_data(graph, edges="links")
        except TypeError:
            data = nx.node_link_data(graph)
        yield json.dumps(data, ensure_ascii=False) + "\n"
    else:
        raise ValueError(f"unknown graph format {fmt!r} (one of {', '.join(GRAPH_FORMATS)})")
