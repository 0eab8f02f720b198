"""What is reviewed, most serious first: findings, the claims they rest on, reconciled figures.

Findings are the relations a fact-checker acts on (agreements and repeated copies are not
items). Each claim a finding rests on is an item of its own, as is each event's reconciled
figure per kind. Order: contradictions, dropped attributions, revisions, compatible figures,
breakdowns; within a level the findings, then the claims they rest on; the figures last.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reconcile.model import Claim
from reconcile.pipeline import Analysis
from reconcile.relations import echoed_pairs, is_echo
from reconcile.review.keys import figure_id, finding_id

# Finding types reviewed, most serious first ("agrees" is no discrepancy).
SERIOUSNESS = ("contradicts", "attribution_dropped", "updated", "compatible", "subset")
# What each finding type means, in words; the screen shows the relation's own reason (its note,
# which says why these two figures were called this) and falls back to these.
REASONS = {
    "contradicts": "the figures cannot both hold for the same count at the same time",
    "attribution_dropped": "the outlet states as fact a figure its article attributes to a source",
    "updated": "one figure replaces the other: a correction or a later stage of the count",
    "compatible": "the figures can both hold but are not the same figure",
    "subset": "one figure counts a part of what the other counts",
}
_TYPE_ORDER = {"finding": 0, "claim": 1, "figure": 2}
_FIGURE_TIER = len(SERIOUSNESS) + 1


@dataclass
class Item:
    """One thing a reviewer decides about, with the claims it concerns."""

    id: str
    type: str  # finding, claim or figure
    event: str
    kind: str
    claims: list[str] = field(default_factory=list)
    relation: str = ""  # a finding's type
    note: str = ""  # the machine's note: the relation's, or the figure's
    tier: int = 0  # seriousness: 0 is a contradiction

    @property
    def label(self) -> str:
        """Return what the item is in words: "contradiction", "claim", "reconciled figure"."""
        if self.type == "finding":
            return self.relation.replace("_", " ")
        return "reconciled figure" if self.type == "figure" else "claim"


def review_items(
    analysis: Analysis, kept_claims: set[str] | frozenset[str] = frozenset()
) -> list[Item]:
    """Return every review item of the analysis, most serious first.

    `kept_claims` are claims that are items whatever their findings (those with a verdict), so
    a verdict stays attached to a claim whose findings a regrouping removed.
    """
    claims = {c.id: c for c in analysis.claims}
    events = {e.id: index for index, e in enumerate(analysis.events)}
    found: dict[str, tuple[tuple, Item]] = {}
    claim_tier: dict[str, tuple[int, int]] = {}
    echoed = echoed_pairs(analysis.relations)
    for position, relation in enumerate(analysis.relations):
        if relation.type not in SERIOUSNESS or relation.note == "repeated":
            continue
        if is_echo(relation, echoed):
            continue  # the dropped attribution of the same pair is the item
        a, b = claims.get(relation.a), claims.get(relation.b)
        if a is None or b is None or a.event not in events:
            continue
        item_id = finding_id(a.id, b.id, relation.type)
        tier = SERIOUSNESS.index(relation.type)
        item = Item(item_id, "finding", a.event, a.kind, [a.id, b.id], relation.type,
                    relation.note, tier)  # fmt: skip
        found.setdefault(item_id, (_key(item, events, position), item))
        for claim in (a, b):
            claim_tier[claim.id] = min(claim_tier.get(claim.id, (tier, position)), (tier, position))
    for claim_id in kept_claims:
        if claim_id in claims and claim_id not in claim_tier:
            claim_tier[claim_id] = (len(SERIOUSNESS), 0)
    for claim_id, (tier, position) in claim_tier.items():
        claim = claims[claim_id]
        if claim.event not in events:
            continue
        item = Item(claim.id, "claim", claim.event, claim.kind, [claim.id], tier=tier)
        found[claim.id] = (_key(item, events, position), item)
    for position, row in enumerate(analysis.reconciled):
        if row.event not in events:
            continue
        item = Item(figure_id(row.event, row.kind), "figure", row.event, row.kind,
                    list(row.claims), note=row.note, tier=_FIGURE_TIER)  # fmt: skip
        found[item.id] = (_key(item, events, position), item)
    return [item for _, item in sorted(found.values(), key=lambda pair: pair[0])]


def _key(item: Item, events: dict[str, int], position: int) -> tuple:
    return (item.tier, _TYPE_ORDER[item.type], events[item.event], item.kind, position, item.id)


def claim_reading(claim: Claim) -> str:
    """Return the machine's reading of a claim in words: kind, bounds, source and how."""
    bounds = claim.qualifier.replace("_", " ") if claim.qualifier else "exact"
    source = claim.source or "the outlet"
    how = f" (cue: {claim.cue!r})" if claim.cue else ""
    hedge = f"; hedged: {claim.hedge}" if claim.hedge else ""
    part = f"; a part of claim {claim.part_of}" if claim.part_of else ""
    return f"{claim.kind}, {bounds}, from {source} ({claim.source_role}){how}{hedge}{part}"
