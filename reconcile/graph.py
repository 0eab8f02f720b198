"""The claim graph: articles, sources, claims and events as nodes, their links and the
claim-to-claim relations (reconcile.relations) as typed edges, in one networkx MultiDiGraph.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from reconcile.model import Article, Claim, Event, Relation
from reconcile.roles import OUTLET


def build_graph(
    articles: list[Article], claims: list[Claim], events: list[Event], relations: list[Relation]
) -> nx.MultiDiGraph:
    """Return the graph: nodes for articles, sources, claims, events; edges for their links.

    Attributes are plain strings and numbers (an open end is left out), so GraphML and GEXF
    carry them as they are. An outlet's own statements are that outlet's source node. Nodes
    have a `type` (article, source, claim, event); edges a `relation` (attributed_to,
    reported_in, about, or a claim relation with its `note`): GEXF reserves an edge's `type`.
    """
    g = nx.MultiDiGraph()
    outlet_of = {}
    for article in articles:
        outlet_of[article.id] = article.outlet or Path(article.path).stem or article.id
        g.add_node(article.id, type="article", title=article.title, outlet=article.outlet,
                   path=article.path, url=article.url, published=article.published or "")  # fmt: skip
    for event in events:
        g.add_node(event.id, type="event", label=event.label, date=event.date or "")
    for claim in claims:
        if claim.source_role == OUTLET:
            outlet = outlet_of.get(claim.article, claim.article)
            source_node, name = f"source:outlet:{outlet}", f"{outlet} (own report)"
        else:
            source_node, name = f"source:{claim.source_norm}", claim.source
        g.add_node(source_node, type="source", name=name, role=claim.source_role)
        numbers = {k: v for k, v in (("low", claim.low), ("high", claim.high)) if v is not None}
        g.add_node(claim.id, type="claim", kind=claim.kind, stated=claim.stated,
                   qualifier=claim.qualifier, sentence=claim.sentence, article=claim.article,
                   start=claim.start, end=claim.end, event=claim.event, **numbers)  # fmt: skip
        g.add_edge(claim.id, source_node, relation="attributed_to")
        g.add_edge(claim.id, claim.article, relation="reported_in")
        if claim.event:
            g.add_edge(claim.id, claim.event, relation="about")
    for relation in relations:
        g.add_edge(relation.a, relation.b, relation=relation.type, note=relation.note)
    return g
