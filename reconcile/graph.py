"""Claim-to-claim relations and the networkx graph of articles, sources, claims and events.

Relations are only computed inside one event and kind: different events are never compared.
Inside a group, claims with the same interval and originator are compared once, through a
representative, so a wire story reprinted a thousand times costs one comparison, not a million.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import networkx as nx

from reconcile.model import Article, Claim, Event, Relation
from reconcile.roles import OUTLET

RELATION_TYPES = (
    "agrees",
    "compatible",
    "contradicts",
    "updated",
    "attribution_dropped",
    "subset",
)


def interval_relation(a: Claim, b: Claim) -> str:
    """Return 'agrees' (same interval), 'compatible' (overlap) or 'contradicts' (disjoint)."""
    (alo, ahi), (blo, bhi) = a.interval, b.interval
    if (alo, ahi) == (blo, bhi):
        return "agrees"
    if alo <= bhi and blo <= ahi:
        return "compatible"
    return "contradicts"


# Words for everyone counted; a subject without a narrower group word counts all victims.
GENERIC_SUBJECTS = frozenset(
    [
        "people",
        "persons",
        "person",
        "dead",
        "deaths",
        "death",
        "killed",
        "lives",
        "life",
        "bodies",
        "body",
        "casualties",
        "victims",
        "injured",
        "wounded",
        "injuries",
        "hurt",
        "missing",
        "displaced",
        "homeless",
        "total",
        "toll",
        "others",
        "individuals",
        "residents",
    ]
)
GROUP_WORDS = re.compile(
    r"\b(?P<g>civilians?|children|child|kids|minors|women|men|girls|boys|students?|pupils?|"
    r"schoolchildren|schoolgirls|soldiers?|troops|officers?|policem[ae]n|police|fighters?|"
    r"militants?|insurgents?|rebels?|gunmen|gunman|attackers?|members?|workers?|staff|"
    r"journalists?|doctors?|medics?|refugees|migrants|prisoners|detainees|suspects|"
    r"[A-Z][a-z]+(?:is|ans|ians|ese|ns))\b"
)


# Words for one group, said differently: "militants" and "members (of the militia)" are the
# same people; so are "soldiers" and "troops".
GROUP_SYNONYMS = {
    "child": "children", "children": "children", "kid": "children", "minor": "children",
    "schoolchildren": "children", "fighter": "fighters", "militant": "fighters",
    "insurgent": "fighters", "rebel": "fighters", "gunman": "fighters", "gunmen": "fighters",
    "attacker": "fighters", "member": "fighters", "jihadist": "fighters", "soldier": "soldiers",
    "troop": "soldiers", "officer": "police", "policeman": "police", "policemen": "police",
    "pupil": "students", "student": "students", "schoolgirl": "students",
}  # fmt: skip


def subject_group(claim: Claim) -> str:
    """Return the narrower group a claim counts ("children", "soldiers"), or "" for everyone."""
    return _group_of(claim.subject or "")


# Cached by words: a claim is related to dozens of others, and its wire copies share words.
@lru_cache(maxsize=65536)
def _group_of(subject: str) -> str:
    match = GROUP_WORDS.search(subject)
    if not match:
        return ""
    word = match.group("g").lower()
    word = word[:-1] if word.endswith("s") and word[:-1] in GROUP_SYNONYMS else word
    return GROUP_SYNONYMS.get(word, word.rstrip("s"))


def relate(a: Claim, b: Claim, published: dict[str, str | None]) -> Relation | None:
    """Return how claim a relates to claim b (same event and kind), or None for no finding."""
    base = interval_relation(a, b)
    a_outlet, b_outlet = a.source_role == OUTLET, b.source_role == OUTLET
    if a.article == b.article and a_outlet != b_outlet and base != "contradicts":
        stated, source = (a, b) if a_outlet else (b, a)
        if stated.zone in ("headline", "standfirst") or stated.sentence != source.sentence:
            return Relation(
                stated.id, source.id, "attribution_dropped",
                f"the outlet states {stated.stated!r} as fact; {source.source} is the source",
            )  # fmt: skip
    ga, gb = subject_group(a), subject_group(b)
    da, db = published.get(a.article), published.get(b.article)
    if ga != gb and not (da and db and da != db and not (ga and gb)):
        # Different scopes: a part ("nine children") within a total is a subset; two different
        # groups ("12 Palestinians", "one Israeli soldier") are not rival counts.
        if ga and gb:
            return Relation(a.id, b.id, "compatible", f"different groups: {ga} and {gb}")
        part, total = (a, b) if ga else (b, a)
        if base == "agrees":
            return Relation(a.id, b.id, "agrees", f"the same figure; one names {ga or gb}")
        if part.interval[0] <= total.interval[1]:
            return Relation(part.id, total.id, "subset", f"{subject_group(part)} within the total")
        return Relation(a.id, b.id, "contradicts", "a part larger than the total")
    if base == "agrees":
        return Relation(a.id, b.id, "agrees")
    if da and db and da != db:
        # Tolls move over days. A later, higher figure (or, for the missing, a lower one as
        # people are found), or any later figure from the same source, revises the earlier one;
        # a later lower toll from another source still contradicts it.
        earlier, later = (a, b) if da < db else (b, a)
        same = a.source_norm == b.source_norm and not a_outlet
        vague = "vague" in (a.qualifier, b.qualifier)
        rising = (later.figure or 0) > (earlier.figure or 0)
        if same or (rising and not vague) or (a.kind == "missing" and base == "contradicts"):
            direction = "rose" if rising else "changed"
            return Relation(earlier.id, later.id, "updated", f"the figure {direction} later")
        if base == "contradicts" and not rising:
            return Relation(a.id, b.id, "contradicts", "a lower figure later, from another source")
    progression = _progression(a, b) or _by_sentence_date(a, b, da)
    if progression:
        return progression
    same_source = a.source_norm == b.source_norm and not a_outlet
    if same_source and a.article == b.article:
        if a.figure == b.figure:
            # A headline's "100" beside the body's "more than 100": the qualifier was dropped.
            return Relation(a.id, b.id, "compatible", "the same figure, qualified differently")
        if base == "contradicts":
            earlier, later = (a, b) if a.start < b.start else (b, a)
            return Relation(earlier.id, later.id, "updated", "the same source revises its figure")
    return Relation(a.id, b.id, base)


# Words that place a figure earlier or later in a running count on the same day.
_EARLIER = re.compile(
    r"\b(?:earlier|previous|initial(?:ly)?|first|had\s+stood\s+at|had\s+put|had\s+given|"
    r"had\s+reported|up\s+from|was\s+previously|before\s+rising)\b",
    re.I,
)
_LATER = re.compile(
    r"\b(?:rose|risen|rising|climbed|climbs|rises|raised|increased|jumped|reached|now|"
    r"latest|updated|revised|has\s+taken|to\s+date)\b",
    re.I,
)


def _progression(a: Claim, b: Claim) -> Relation | None:
    """Return an `updated` relation when the words mark one figure as earlier in a running count."""
    a_earlier, a_later = _marks_of(a)
    b_earlier, b_later = _marks_of(b)
    if a_earlier and not b_earlier or b_later and not a_later:
        return Relation(a.id, b.id, "updated", "the running count moved on")
    if b_earlier and not a_earlier or a_later and not b_later:
        return Relation(b.id, a.id, "updated", "the running count moved on")
    return None


def _marks_of(claim: Claim) -> tuple[bool, bool]:
    """Return whether the words mark a figure as earlier, and as later, in a running count."""
    return _count_marks(claim.sentence, claim.start - claim.sentence_start, len(claim.stated))


# Cached by sentence and place: a claim meets dozens of others, and the sentence string is
# the claim's own object, so its hash is computed once.
@lru_cache(maxsize=1 << 17)
def _count_marks(sentence: str, offset: int, length: int) -> tuple[bool, bool]:
    # The words just before the figure (where "rose to" or "earlier" stand) and just after.
    near = sentence[max(0, offset - 60) : offset + length + 15]
    later = bool(_LATER.search(near))
    return bool(_EARLIER.search(near)) and not later, later


def _by_sentence_date(a: Claim, b: Claim, published: str | None) -> Relation | None:
    """Return `updated` when one article dates two figures to different days ("15 on Sunday",
    "rose to 19 on Monday"): the earlier day's figure is superseded."""
    from reconcile.events import event_date

    if a.article != b.article or a.source_norm != b.source_norm:
        return None
    date_a, date_b = event_date(a.sentence, published), event_date(b.sentence, published)
    if not date_a or not date_b or date_a == date_b:
        return None
    earlier, later = (a, b) if date_a < date_b else (b, a)
    return Relation(earlier.id, later.id, "updated", "a later day's figure from the same source")


# Cross-article comparisons per event and kind are bounded: each distinct figure is compared
# with at most this many others, nearest in date first (a toll's story moves by days).
MAX_FIGURE_NEIGHBOURS = 30


def build_relations(claims: list[Claim], articles: list[Article]) -> list[Relation]:
    """Return the relations between claims of the same event and kind, and breakdown links.

    Two passes keep this near-linear in the number of claims: inside each article every pair
    of its (few) claims is related, which finds dropped attributions and same-day revisions;
    across articles, claims are first collapsed into distinct figures (interval, source, group,
    day), each figure's first claim stands for the rest ("repeated"), and only figures are
    compared, each with its nearest 30 by date, so a story reprinted a thousand times costs a
    thousand links, not a million.
    """
    published = {a.id: a.published for a in articles}
    relations: list[Relation] = []
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.part_of:
            relations.append(Relation(claim.id, claim.part_of, "subset", "a part of this total"))
        elif claim.event:
            groups[(claim.event, claim.kind)].append(claim)
    for group in groups.values():
        by_id = {c.id: c for c in group}
        by_article: dict[str, list[Claim]] = defaultdict(list)
        for claim in group:
            by_article[claim.article].append(claim)
        found: list[Relation | None] = []
        for article_claims in by_article.values():
            found.extend(relate(a, b, published) for a, b in combinations(article_claims, 2))
        relations.extend(_one_source_per_statement(found, by_id))
        figures: dict[tuple, Claim] = {}
        # A figure is represented by a body sentence where there is one: it carries the context.
        for claim in sorted(group, key=lambda c: c.zone != "body"):
            key = (claim.low, claim.high, claim.source_norm, subject_group(claim),
                   published.get(claim.article))  # fmt: skip
            first = figures.setdefault(key, claim)
            if first is not claim and first.article != claim.article:
                relations.append(Relation(first.id, claim.id, "agrees", "repeated"))
        order = {c.id: i for i, c in enumerate(group)}
        nodes = sorted(
            figures.values(), key=lambda c: (published.get(c.article) or "", order[c.id])
        )
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 : i + 1 + MAX_FIGURE_NEIGHBOURS]:
                if a.article != b.article:
                    relation = relate(a, b, published)
                    if relation and relation.type != "attribution_dropped":
                        relations.append(relation)
    return relations


def _one_source_per_statement(found: list[Relation | None], by_id: dict[str, Claim]) -> list:
    """Keep one `attribution_dropped` per outlet statement: the source it repeats most closely.

    A headline's "five" matches the militia's 5 exactly and an official's "at least 3" only
    loosely; it repeats the first. The looser pairs become ordinary interval relations.
    """
    chosen: dict[str, Relation] = {}
    for r in found:
        if (
            r
            and r.type == "attribution_dropped"
            and interval_relation(by_id[r.a], by_id[r.b]) != "agrees"
        ):
            stated, source = by_id[r.a], by_id[r.b]
            rank = (interval_relation(stated, source) != "agrees", source.start)
            best = chosen.get(r.a)
            if best is None or rank < (
                interval_relation(stated, by_id[best.b]) != "agrees",
                by_id[best.b].start,
            ):
                chosen[r.a] = r
    # Statements that repeat some source's figure exactly: their looser pairs all step down.
    repeat_exactly = {
        r.a
        for r in found
        if r
        and r.type == "attribution_dropped"
        and interval_relation(by_id[r.a], by_id[r.b]) == "agrees"
    }
    kept = []
    for r in found:
        if r is None:
            continue
        exact = (
            r.type == "attribution_dropped"
            and interval_relation(by_id[r.a], by_id[r.b]) == "agrees"
        )
        if (
            r.type == "attribution_dropped"
            and not exact
            and (chosen.get(r.a) is not r or r.a in repeat_exactly)
        ):
            r = Relation(r.a, r.b, interval_relation(by_id[r.a], by_id[r.b]))
        kept.append(r)
    return kept


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
