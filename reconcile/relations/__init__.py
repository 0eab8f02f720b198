"""Claim-to-claim relations: agrees, compatible, contradicts, updated, attribution dropped, subset,
each with its reason in words.

Relations are only computed inside one event and kind: different events are never compared.
Inside a group, claims with the same interval and originator are compared once, through a
representative, so a wire story reprinted a thousand times costs one comparison, not a million.
The words around a figure are read in `cues`, what it counts in `scope`, its place in time in
`timing`; `relate` weighs them for one pair, `build_relations` chooses the pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations

from reconcile.extract.kinds import running
from reconcile.extract.sources import unify_across
from reconcile.model import Article, Claim, Relation
from reconcile.relations.cues import cues_of, loose_interval, overlap, rounding
from reconcile.relations.facts import Facts
from reconcile.relations.scope import (
    SIDES,
    different_places,
    narrow_group,
    part_of_total,
    side_of,
    subject_group,
)
from reconcile.relations.timing import in_time
from reconcile.roles import OUTLET

__all__ = [
    "RELATION_TYPES", "build_relations", "cues_of", "interval_relation", "loose_interval",
    "narrow_group", "relate", "rounding", "subject_group",
]  # fmt: skip

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


def relate(
    a: Claim, b: Claim, published: dict[str, str | None], attribution: bool = True
) -> Relation | None:
    """Return how claim a relates to claim b (same event and kind), with the reason in words.

    In order: a headline or unattributed sentence repeating a source (attribution dropped);
    the same figure; two different groups; a projection set against a count; one count
    qualified two ways; two figures placed in time (a correction, a running count moving on,
    a later rival); a part of a total (subset); and otherwise their intervals, read with the
    vagueness of their words.
    """
    return _relate(Facts(a, published), Facts(b, published), attribution)


def _relate(fa: Facts, fb: Facts, attribution: bool = True) -> Relation | None:
    """Return `relate` of the two claims whose facts are given."""
    a, b = fa.claim, fb.claim
    cues_a, cues_b = fa.cues, fb.cues
    loose = overlap(fa.loose, fb.loose)
    same_report = a.article == b.article
    a_outlet = a.source_role == OUTLET
    # A link line's figure is another story's headline, not this report dropping a source.
    # (A live blog's summary or entry title restating another entry's sourced figure does drop
    # its source: entries' times do not part them here.)
    linked = a.zone == "link" or b.zone == "link"
    if (
        attribution
        and same_report
        and a_outlet != (b.source_role == OUTLET)
        and loose
        and not linked
    ):
        stated, source = (a, b) if a_outlet else (b, a)
        if stated.zone in ("headline", "standfirst") or stated.sentence != source.sentence:
            return Relation(
                stated.id, source.id, "attribution_dropped",
                f"the outlet states {stated.stated!r} as fact; {source.source} is the source",
            )  # fmt: skip
    ga, gb = fa.group, fb.group
    if fa.interval == fb.interval:  # interval_relation's "agrees"
        named = f"; one names {ga or gb}" if ga != gb else ""
        return Relation(a.id, b.id, "agrees", f"the same figure{named}")
    # Two groups are two counts, unless one is a people and the other a part of it ("12
    # Palestinians", "five children"); combatants are never a part of anyone else's dead.
    if ga and gb and ga != gb:
        people_and_part = bool(fa.narrow) != bool(fb.narrow) and not ({ga, gb} & SIDES)
        if not people_and_part:
            return Relation(a.id, b.id, "compatible", f"different groups: {ga} and {gb}")
    if ("estimate" in cues_a) != ("estimate" in cues_b):
        estimate = a if "estimate" in cues_a else b
        return Relation(a.id, b.id, "compatible",
                        f"{estimate.stated!r} is an estimate of what may be, not a count")  # fmt: skip
    if a.figure is not None and a.figure == b.figure and ga == gb:
        # "233 killed" beside "more than 233 died": one count, qualified differently.
        return Relation(a.id, b.id, "compatible", "the same figure, qualified differently")
    part = part_of_total(fa, fb)
    places = "" if part else different_places(fa, fb)
    if places:
        return Relation(a.id, b.id, "compatible", f"counts for different places: {places}")
    side = side_of(a, b, ga, gb)
    # A count of one part is not a stage of the total's running count: only words that place
    # it in time do. Combatants' dead are their own count, no stage of anyone's toll.
    moved = fa.moves or fb.moves
    combatants = side is not None and (ga if side is a else gb) in SIDES
    if (
        same_report
        and loose
        and not {"earlier", "revision", "rejected"} & (cues_a | cues_b)
        and {a.qualifier, b.qualifier} & _FLOORS
        and part is None
        and side is None
    ):
        # One report's floor and its count ("killed more than 100" ... "112 were killed"):
        # consistent, not a stage of the toll; the report gives both at once.
        return Relation(a.id, b.id, "compatible", _overlap_reason(fa, fb))
    parts = "partial" in cues_a and "partial" in cues_b
    timed = (
        in_time(fa, fb, loose, same_scope=part is None)
        if (part is None or moved) and not combatants
        else None
    )
    if timed and timed.type == "contradicts" and parts:
        # "More than 200 brought to the hospital" and "53 still being treated": two counts
        # of parts (a place, a state), no rival tolls.
        return Relation(a.id, b.id, "compatible", "two counts of parts (a place or a state each)")
    # A contradiction is the last explanation: a revision, or two counts of different scope,
    # explain a difference before a conflict does.
    if timed and (timed.type != "contradicts" or (side is None and part is None)):
        return timed
    if side is not None:
        fside, fother = (fa, fb) if side is a else (fb, fa)
        if fside.interval[0] <= fother.loose[1]:
            return Relation(a.id, b.id, "compatible", f"{side.stated!r} counts only {fside.group}")
        return Relation(a.id, b.id, "contradicts", f"more {fside.group} than all the dead")
    if part is not None:
        fpart, ftotal = (fa, fb) if part is a else (fb, fa)
        what = f"only {fpart.group}" if fpart.group else "one part"
        if fpart.interval[0] <= ftotal.loose[1] and not _may_be_the_whole(fpart, ftotal):
            return Relation(part.id, ftotal.claim.id, "subset", f"{part.stated!r} counts {what}")
        if loose:
            return Relation(a.id, b.id, "compatible", f"{part.stated!r} counts {what}")
        if (
            not same_report
            and not fpart.narrow
            and running(part.kind) == "rises"
            and not {"revision", "rejected", "earlier"} & (fa.moves | fb.moves)
        ):
            # "98 injured taken to hospital" in one report, "87 wounded" in another: a place's or
            # a state's count above the whole toll says the toll has grown since (in one report
            # the two are set side by side, and a narrower group of people, "18 civilians"
            # against 16 dead, still cannot be).
            return Relation(
                ftotal.claim.id, part.id, "updated",
                f"{part.stated!r} counts more than the total: the toll has grown since",
            )  # fmt: skip
        if (
            not same_report
            and running(part.kind) == "falls"
            and "remaining" in ftotal.cues
            and (fpart.published or "") < (ftotal.published or "")
            and not {"revision", "rejected", "earlier"} & (fa.moves | fb.moves)
        ):
            # "27 workers unaccounted for" one day, "eight still missing" a week on: the missing
            # are found, so an earlier part above what later remains says the count has fallen.
            return Relation(
                part.id, ftotal.claim.id, "updated",
                f"{ftotal.claim.stated!r} later counts fewer: the count has fallen since",
            )  # fmt: skip
        return Relation(a.id, b.id, "contradicts", "a part larger than the total")
    if loose:
        return Relation(a.id, b.id, "compatible", _overlap_reason(fa, fb))
    if parts:
        return Relation(a.id, b.id, "compatible", "two counts of parts (a place or a state each)")
    remaining = _fewer_remaining(fa, fb)
    if remaining is not None:
        return Relation(a.id, b.id, "compatible",
                        f"{remaining.stated!r} counts those still missing: others were found")  # fmt: skip
    if a.article == b.article and a.source_norm == b.source_norm and not moved:
        # A report does not contradict itself without saying so: of two counts it states
        # itself, with no word of time or dispute, the smaller is a part of the larger ("11
        # suspects were detained ... two suspects had been detained").
        small, large = (a, b) if (a.figure or 0) < (b.figure or 0) else (b, a)
        return Relation(
            small.id, large.id, "subset", f"{small.stated!r} counts one part, in the same report"
        )
    return Relation(a.id, b.id, "contradicts", "figures that cannot both hold, reported together")


def _may_be_the_whole(fpart: Facts, ftotal: Facts) -> bool:
    """Return True when a part of the toll by its place or state ("brought to the morgue") is
    the same count as the total, told another way: about the same figure ("more than 190" and
    192), or the part's figure within the total's vague amount ("dozens" and 38). Then they are
    compatible, not a part and its whole. A narrower group ("children") is always a part."""
    if fpart.narrow:
        return False
    a, b = fpart.claim, ftotal.claim
    if b.qualifier == "vague":
        # "Dozens were killed" and "nearly 40 bodies at the morgue" (but "dozens of serious
        # injuries" among 82 wounded is a part: the vague amount is the part's own).
        return a.figure is not None and ftotal.interval[0] <= a.figure <= ftotal.interval[1]
    if a.qualifier == "vague":
        return False
    return (
        a.figure is not None
        and b.figure is not None
        and abs(a.figure - b.figure) <= 0.05 * max(a.figure, b.figure)
    )


def _fewer_remaining(fa: Facts, fb: Facts) -> Claim | None:
    """Return the lower of two missing counts when only it counts those *still* missing ("38
    still missing" beside "a search for 39"): the rest were found, no rival count."""
    a, b = fa.claim, fb.claim
    if running(a.kind) != "falls" or ("remaining" in fa.cues) == ("remaining" in fb.cues):
        return None
    lower, flower = (a, fa) if (a.figure or 0) < (b.figure or 0) else (b, fb)
    return lower if "remaining" in flower.cues else None


# Qualifiers that set a floor or round a figure: with a count in the same report, consistent.
_FLOORS = frozenset({"at_least", "more_than", "about", "vague"})


def _overlap_reason(fa: Facts, fb: Facts) -> str:
    if fa.interval != fb.interval and overlap(fa.interval, fb.interval):  # "compatible"
        return "the ranges overlap"
    vague = next(c for c in (fa.claim, fb.claim) if c.qualifier in ("about", "nearly", "vague"))
    return f"{vague.stated!r} is approximate and allows the other figure"


# Cross-article comparisons per event and kind are bounded: each distinct figure is compared
# with at most this many others, nearest in date first (a toll's story moves by days).
MAX_FIGURE_NEIGHBOURS = 30
MAX_FIGURE_SCAN = 4 * MAX_FIGURE_NEIGHBOURS
# Statements of one event and kind in one article past which only neighbours are paired.
MAX_ARTICLE_STATEMENTS = 60


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
    by_event: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_event[claim.event].append(claim)
    for members in by_event.values():
        # "Olin" in one article is "Petra Olin" of another about the same event: within an
        # event, so the answer is the event's whoever else a batch or a corpus happens to hold.
        unify_across(members)
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.part_of:
            relations.append(Relation(claim.id, claim.part_of, "subset", "a part of this total"))
        elif claim.event:
            groups[(claim.event, claim.kind)].append(claim)
    # Each claim's facts are read once, the first time it is paired (by object: the claims
    # are all held until the end).
    facts: dict[int, Facts] = {}

    def read(claim: Claim) -> Facts:
        found = facts.get(id(claim))
        if found is None:
            found = facts[id(claim)] = Facts(claim, published)
        return found

    for group in groups.values():
        by_id = {c.id: c for c in group}
        named = {(c.article, c.low, c.high) for c in group if c.source_role != OUTLET}
        for claim in group:
            if claim.source_role == OUTLET and (claim.article, claim.low, claim.high) in named:
                read(claim).restated = True
        by_article: dict[str, list[Claim]] = defaultdict(list)
        for claim in group:
            by_article[claim.article].append(claim)
        found: list[Relation | None] = []
        for article_claims in by_article.values():
            # A statement the article repeats word for word says nothing new: its copies link
            # to the first, which alone is paired, so a page of repeated sentences stays linear.
            said: dict[tuple, Claim] = {}
            for claim in article_claims:
                first = said.setdefault(
                    (claim.sentence, claim.low, claim.high, claim.source_norm), claim
                )
                if first is not claim:
                    relations.append(Relation(first.id, claim.id, "agrees", "repeated"))
            distinct = list(said.values())
            found.extend(_relate(read(a), read(b)) for a, b in _article_pairs(distinct))
        kept = _one_source_per_statement(found, by_id, published)
        relations.extend(kept)
        relations.extend(_figures_of_dropped(kept, by_id, published))
        figures: dict[tuple, Claim] = {}
        # The same figure again in its representative's own article (a lead and a later
        # paragraph) or in another outlet's copy the same day: it takes the representative's
        # agreements and updates too, so each mention is linked to the other reports (at most
        # MAX_TWINS of them: linear).
        twins: dict[str, list[Claim]] = defaultdict(list)
        # A figure is represented by a body sentence where there is one: it carries the context.
        for claim in sorted(group, key=lambda c: c.zone != "body"):
            key = (claim.low, claim.high, claim.source_norm, subject_group(claim),
                   published.get(claim.article))  # fmt: skip
            first = figures.setdefault(key, claim)
            if first is not claim and first.article != claim.article:
                relations.append(Relation(first.id, claim.id, "agrees", "repeated"))
            if first is not claim and claim.zone == "body" and len(twins[first.id]) < MAX_TWINS:
                # A copy in another outlet (one wire story carried twice) is linked too: the
                # reports a fact-checker cites may be either outlet's.
                twins[first.id].append(claim)
        order = {c.id: i for i, c in enumerate(group)}
        nodes = [
            read(c)
            for c in sorted(
                figures.values(), key=lambda c: (published.get(c.article) or "", order[c.id])
            )
        ]
        for i, fa in enumerate(nodes):
            for fb in _neighbours(nodes, i):
                if fa.claim.article != fb.claim.article:
                    relation = _relate(fa, fb)
                    if relation and relation.type != "attribution_dropped":
                        relations.append(relation)
                        # Most figures have no twins: no generator for them.
                        if relation.type in _TWINNED and (
                            twins.get(relation.a) or twins.get(relation.b)
                        ):
                            relations.extend(_for_twins(relation, twins))
    return relations


# Same-article repeats of a figure that take its cross-article links (see build_relations).
MAX_TWINS = 3
# The relations a figure's twins take too (see _for_twins).
_TWINNED = ("agrees", "updated")


def _for_twins(relation: Relation, twins: dict[str, list[Claim]]) -> Iterator[Relation]:
    """Yield the relation again for the repeats of either end (its own article's, or another
    outlet's copy of the same day).

    Only agreements and updates, which hold between figures, link every mention (what the
    graph and review follow); a contradiction is shown once per pair of figures (one pair is
    what a person triages), and a subset or a compatible scope belongs to its own sentence.
    """
    if relation.type not in _TWINNED:
        return  # a part or a compatible scope is its sentence's, not every mention's
    ends_a = [relation.a, *(t.id for t in twins.get(relation.a, ()))]
    ends_b = [relation.b, *(t.id for t in twins.get(relation.b, ()))]
    for a in ends_a:
        for b in ends_b:
            if (a, b) != (relation.a, relation.b):
                yield Relation(a, b, relation.type, relation.note)


def _neighbours(nodes: list[Facts], i: int) -> Iterator[Facts]:
    """Yield the figures after nodes[i] (by date) to compare it with: up to the
    MAX_FIGURE_NEIGHBOURS-th other figure value, so many sources repeating one figure do not
    crowd the rival figures out of reach; never more than MAX_FIGURE_SCAN figures."""
    own = nodes[i].interval
    values: set[tuple[float, float]] = set()
    for b in nodes[i + 1 : i + 1 + MAX_FIGURE_SCAN]:
        if b.interval != own:
            values.add(b.interval)
            if len(values) > MAX_FIGURE_NEIGHBOURS:
                return
        yield b


def _article_pairs(claims: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Yield the pairs of one article's statements to relate: every pair in an article of
    ordinary size; in one with more than MAX_ARTICLE_STATEMENTS (a flattened listing, a hostile
    file), each with its next MAX_FIGURE_NEIGHBOURS in text order, so the cost stays linear."""
    if len(claims) <= MAX_ARTICLE_STATEMENTS:
        yield from combinations(claims, 2)
        return
    ordered = sorted(claims, key=lambda c: c.start)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 : i + 1 + MAX_FIGURE_NEIGHBOURS]:
            yield a, b


def echoed_pairs(relations: list[Relation]) -> set[frozenset[str]]:
    """Return the claim pairs that carry a dropped attribution: their agreement or
    compatibility (which the relations also hold, see `_figures_of_dropped`) is no finding of
    its own, the dropped attribution already shows both figures."""
    return {frozenset((r.a, r.b)) for r in relations if r.type == "attribution_dropped"}


def is_echo(relation: Relation, echoed: set[frozenset[str]]) -> bool:
    """Return True for the agreement or compatibility of a pair with a dropped attribution."""
    return (
        relation.type in ("agrees", "compatible") and frozenset((relation.a, relation.b)) in echoed
    )


def _figures_of_dropped(
    kept: list[Relation], by_id: dict[str, Claim], published: dict[str, str | None]
) -> Iterator[Relation]:
    """Yield, beside each dropped attribution, how its two figures compare when they agree or
    are compatible: a headline's "115" and the committee's 115 agree on the figure as well as
    losing its source ("at least 137" and 137 are compatible). A pair may carry both."""
    for r in kept:
        if r.type == "attribution_dropped":
            figures = relate(by_id[r.a], by_id[r.b], published, attribution=False)
            if figures is not None and figures.type in ("agrees", "compatible"):
                yield figures


def _one_source_per_statement(
    found: list[Relation | None], by_id: dict[str, Claim], published: dict[str, str | None]
) -> list:
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
            r = relate(by_id[r.a], by_id[r.b], published, attribution=False)
        kept.append(r)
    return kept
