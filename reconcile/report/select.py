"""Narrowing a report: only some events, kinds, finding types or sources."""

from __future__ import annotations

from dataclasses import dataclass, field

from reconcile.errors import ReconcileError
from reconcile.model import Claim
from reconcile.pipeline import Analysis
from reconcile.relations import RELATION_TYPES
from reconcile.roles import OUTLET


@dataclass
class Selection:
    """What to keep; an empty list keeps everything."""

    events: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.events or self.kinds or self.types or self.sources)


def _matches_source(claim: Claim, outlet: str, wanted: list[str]) -> bool:
    """Return True if any wanted words occur in the claim's source key or name (any case); an
    outlet's own statements match its outlet name."""
    names = [claim.source_norm.lower(), claim.source.lower()]
    if claim.source_role == OUTLET:
        names.append(outlet.lower())
    return any(w.lower() in name for w in wanted for name in names if name)


def select(analysis: Analysis, selection: Selection) -> Analysis:
    """Return the analysis narrowed to the selection, or raise ReconcileError naming a value
    that matches nothing.

    `events` and `kinds` keep those claims, with their findings and reconciled figures.
    `types` keeps findings of those types. `sources` keeps the findings one of whose claims is
    that source's, and lists its claims and those of the other side of the kept findings.
    """
    if not selection:
        return analysis
    for kind in selection.types:
        if kind not in RELATION_TYPES:
            raise ReconcileError(
                f"--type {kind}: unknown finding type (one of {', '.join(RELATION_TYPES)})"
            )
    known_events = {e.id for e in analysis.events}
    for event in selection.events:
        if event not in known_events:
            raise ReconcileError(f"--event {event}: no such event (see `reconcile events`)")
    known_kinds = sorted({c.kind for c in analysis.claims})
    for kind in selection.kinds:
        if kind not in known_kinds:
            raise ReconcileError(
                f"--kind {kind}: no claims of that kind (kinds here: {', '.join(known_kinds)})"
            )
    claims = [
        c for c in analysis.claims
        if (not selection.events or c.event in selection.events)
        and (not selection.kinds or c.kind in selection.kinds)
    ]  # fmt: skip
    outlets = {a.id: a.outlet for a in analysis.articles}
    by_id = {c.id: c for c in claims}
    relations = [
        r for r in analysis.relations
        if r.a in by_id and r.b in by_id and (not selection.types or r.type in selection.types)
    ]  # fmt: skip
    if selection.sources:
        theirs = {
            c.id
            for c in claims
            if _matches_source(c, outlets.get(c.article, ""), selection.sources)
        }
        if not theirs:
            raise ReconcileError(
                f"--source {', '.join(selection.sources)}: no claims of such a source "
                "(see `reconcile sources`)"
            )
        relations = [r for r in relations if r.a in theirs or r.b in theirs]
        shown = theirs | {r.a for r in relations} | {r.b for r in relations}
        claims = [c for c in claims if c.id in shown]
    groups = {(c.event, c.kind) for c in claims}
    events = [e for e in analysis.events if any(c.event == e.id for c in claims)]
    figures = [r for r in analysis.reconciled if (r.event, r.kind) in groups]
    used = {c.article for c in claims}
    articles = [a for a in analysis.articles if a.id in used]
    return Analysis(articles, claims, events, relations, figures, review=analysis.review)
