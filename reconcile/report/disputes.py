"""Which sources disagree with which: the components of the claim graph's contradictions.

The claim graph (`reconcile.graph.build_graph`) is built over the contradictions alone: its
claims' `attributed_to` edges give each side's source, and the sources joined by contradicting
claims fall into components, one per dispute: "the army and the militia", not forty claim pairs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from reconcile.graph import build_graph
from reconcile.pipeline import Analysis


@dataclass
class Dispute:
    """One component of the source disagreement graph within an event."""

    sources: list[str]
    # (source, other source, contradicting claim pairs between them), most pairs first.
    pairs: list[tuple[str, str, int]]


def disputes(analysis: Analysis) -> dict[str, list[Dispute]]:
    """Return event id -> its disputes, the widest first; events without any are left out."""
    contradictions = [r for r in analysis.relations if r.type == "contradicts"]
    if not contradictions:
        return {}
    # The graph of the claims in a contradiction: the rest would add nodes and no component.
    involved = {i for r in contradictions for i in (r.a, r.b)}
    claims = [c for c in analysis.claims if c.id in involved]
    graph = build_graph(analysis.articles, claims, analysis.events, contradictions)
    source_of, event_of = {}, {}
    for claim, target, kind in graph.edges(data="relation"):
        if kind == "attributed_to":
            source_of[claim] = target
        elif kind == "about":
            event_of[claim] = target
    by_event: dict[str, nx.Graph] = defaultdict(nx.Graph)
    for a, b, kind in graph.edges(data="relation"):
        if kind != "contradicts" or a not in source_of or b not in source_of:
            continue
        sa, sb = source_of[a], source_of[b]
        if sa == sb:  # a source against itself: a revision the words did not mark
            continue
        sources = by_event[event_of.get(a, "")]
        weight = sources.get_edge_data(sa, sb, {"weight": 0})["weight"]
        sources.add_edge(sa, sb, weight=weight + 1)
    result: dict[str, list[Dispute]] = {}
    for event, sources in by_event.items():

        def name(node: str) -> str:
            return graph.nodes[node].get("name") or node.split(":", 1)[-1]

        found = []
        for component in nx.connected_components(sources):
            sub = sources.subgraph(component)
            pairs = sorted(
                ((name(a), name(b), w) for a, b, w in sub.edges(data="weight")),
                key=lambda p: (-p[2], p[0], p[1]),
            )
            found.append(Dispute(sorted(name(n) for n in component), pairs))
        result[event] = sorted(found, key=lambda d: (-len(d.sources), d.sources))
    return result
