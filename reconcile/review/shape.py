"""Verdicts applied to a report's data: review state beside findings, figures after review.

- every finding, claim and figure carries its review (verdict, reviewer, date, note) or None;
- claims marked as extraction errors leave the reconciled figures; claims with a corrected
  source, kind or figure enter them with the correction (their groups are related and
  reconciled again, by the same rule, and the rule says so);
- a reviewer's low/best/high replaces the machine's, with the machine's kept beside it;
- `only_open` keeps the findings still open and the events with anything open.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from reconcile.extract.sources import source_key
from reconcile.model import Claim, Reconciled
from reconcile.pipeline import Analysis
from reconcile.relations import build_relations
from reconcile.review.items import review_items
from reconcile.review.keys import figure_id, finding_id
from reconcile.review.ledger import Decision, decisions
from reconcile.roles import role_of
from reconcile.rules import reconcile

if TYPE_CHECKING:
    from reconcile.store import Store


def reviewed_analysis(store: Store, only_open: bool = False) -> Analysis:
    """Return the store's analysis with its verdicts applied (what `reconcile report` shows)."""
    return shaped(store.analysis(), decisions(store.connection), only_open)


def corrected_claim(claim: Claim, decision: Decision) -> Claim:
    """Return a copy of the claim with the reviewer's correction (source, kind or figure)."""
    value = decision.value
    if decision.verdict == "wrong-source":
        source = value["source"]
        # Keyed as extraction keys a source ("Dr. Yousef Barakat" is "yousef barakat"), so the
        # corrected claim and the source's own claims count as one source.
        return replace(claim, source=source, source_norm=source_key(source),
                       source_role=role_of(source))  # fmt: skip
    low, high = value.get("low", claim.low), value.get("high", claim.high)
    changed = replace(claim, kind=value.get("kind", claim.kind), low=low, high=high)
    if "low" in value or "high" in value:
        changed.qualifier = "exact" if low == high else "range"
        changed.figure = low if low is not None else high
    return changed


def shaped(analysis: Analysis, decided: dict[str, Decision], only_open: bool = False) -> Analysis:
    """Return the analysis as the reviewers left it (see the module docstring)."""
    claims = {c.id: c for c in analysis.claims}
    review: dict[str, dict[Any, Any]] = {"findings": {}, "claims": {}, "figures": {}}
    any_finding = any(d.type == "finding" for d in decided.values())
    for relation in analysis.relations if any_finding else ():
        decision = decided.get(finding_id(relation.a, relation.b, relation.type))
        if decision is not None and decision.type == "finding":
            review["findings"][(relation.a, relation.b, relation.type)] = decision.to_review()
    for claim_id, decision in decided.items():
        if decision.type == "claim" and claim_id in claims:
            review["claims"][claim_id] = decision.to_review()
    figures = _refigured(analysis, claims, decided)
    figures = [_reviewed_figure(row, decided.get(figure_id(row.event, row.kind)), review)
               for row in figures]  # fmt: skip
    shaped_analysis = Analysis(analysis.articles, analysis.claims, analysis.events,
                               analysis.relations, figures)  # fmt: skip
    shaped_analysis.review = review
    if only_open:
        return _open_only(shaped_analysis, decided)
    return shaped_analysis


def _refigured(
    analysis: Analysis, claims: dict[str, Claim], decided: dict[str, Decision]
) -> list[Reconciled]:
    """Return the reconciled figures with the claim verdicts applied to the groups they touch."""
    dropped, corrected = set(), {}
    for claim_id, decision in decided.items():
        if claim_id not in claims or decision.type != "claim":
            continue
        if decision.verdict == "extraction-error":
            dropped.add(claim_id)
        elif decision.verdict in ("wrong-source", "wrong-figure"):
            corrected[claim_id] = corrected_claim(claims[claim_id], decision)
    if not dropped and not corrected:
        return list(analysis.reconciled)
    touched = {(claims[c].event, claims[c].kind) for c in dropped | set(corrected)}
    touched |= {(c.event, c.kind) for c in corrected.values()}
    members = [corrected.get(c.id, c) for c in analysis.claims if c.id not in dropped]
    members = [c for c in members if (c.event, c.kind) in touched]
    relations = build_relations(members, analysis.articles)
    fresh = {(r.event, r.kind): r for r in reconcile(members, relations, analysis.articles)}
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for claim_id in dropped:
        counts[(claims[claim_id].event, claims[claim_id].kind)][0] += 1
    for claim in corrected.values():
        counts[(claim.event, claim.kind)][1] += 1
    rows, done = [], set()
    for row in analysis.reconciled:
        key = (row.event, row.kind)
        if key not in touched:
            rows.append(row)
        elif key in fresh:
            rows.append(_after_review(fresh[key], counts[key]))
            done.add(key)
    rows.extend(_after_review(r, counts[k]) for k, r in fresh.items() if k not in done)
    return rows


def _after_review(row: Reconciled, counts: list[int]) -> Reconciled:
    dropped, corrected = counts
    parts = []
    if dropped:
        parts.append(f"{dropped} claim(s) left out as extraction errors")
    if corrected:
        parts.append(f"{corrected} claim(s) taken with the reviewer's correction")
    if parts:
        row.rule = f"{row.rule}; after review: {', '.join(parts)}"
    return row


def _reviewed_figure(
    row: Reconciled, decision: Decision | None, review: dict[str, dict[Any, Any]]
) -> Reconciled:
    if decision is None:
        return row
    entry = decision.to_review()
    entry["machine"] = {"low": row.low, "best": row.best, "high": row.high, "rule": row.rule}
    review["figures"][(row.event, row.kind)] = entry
    who = f"{decision.reviewer}, {decision.decided_at[:10]}"
    if decision.verdict == "set-figure":
        value = decision.value
        machine = "/".join("open" if x is None else f"{x:g}" for x in (row.low, row.best, row.high))
        rule = (f"set by reviewer ({who}){': ' + decision.note if decision.note else ''}; "
                f"the machine's low/best/high was {machine} ({row.rule})")  # fmt: skip
        return replace(row, low=value["low"], best=value["best"], high=value.get("high"),
                       rule=rule)  # fmt: skip
    note = "; ".join(filter(None, [row.note, f"accepted by {who}"]))
    return replace(row, note=note)


def _open_only(analysis: Analysis, decided: dict[str, Decision]) -> Analysis:
    """Return the analysis cut to what is left to review: open findings, events with an open
    item (finding, claim or figure) and their claims and figures."""
    kept_claims = {i for i, d in decided.items() if d.type == "claim"}
    open_items = [i for i in review_items(analysis, kept_claims) if i.id not in decided]
    open_ids = {i.id for i in open_items}
    events = {i.event for i in open_items}
    relations = [r for r in analysis.relations if finding_id(r.a, r.b, r.type) in open_ids]
    result = Analysis(
        analysis.articles,
        [c for c in analysis.claims if c.event in events],
        [e for e in analysis.events if e.id in events],
        relations,
        [r for r in analysis.reconciled if r.event in events],
    )
    result.review = analysis.review
    return result
