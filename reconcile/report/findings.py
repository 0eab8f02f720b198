"""A report's content as plain data: per event, its claims, findings in words, and figures.

Every renderer (terminal, Markdown, HTML, JSON, CSV) draws from `build_report`, so each line in
every format carries the same evidence: claim ids, article, sentence and character span.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from reconcile.ingest import offsets
from reconcile.model import Article, Claim
from reconcile.pipeline import Analysis
from reconcile.report.fit import role_words
from reconcile.roles import OUTLET
from reconcile.rules import superseded

# Findings a fact-checker acts on, most serious first; "agrees" is shown but not alarming.
FINDING_ORDER = ("contradicts", "attribution_dropped", "updated", "compatible", "subset", "agrees")
# The order findings are listed in: live contradictions first, then contradictions with a
# figure since superseded (STALE), after the revisions that superseded it.
STALE = "contradicts (a figure since superseded)"
_TIER_NAMES = ("contradicts", "attribution_dropped", "updated", STALE, "compatible", "subset",
               "agrees")  # fmt: skip
_TIERS = {name: i for i, name in enumerate(_TIER_NAMES)}


def interval_text(low: float | None, high: float | None) -> str:
    """Return an interval in words-and-symbols: "5", "3 or more", "up to 15", "30-40"."""
    lo, hi = _num(low), _num(high)
    if low is None and high is None:
        return "unknown"
    if high is None:
        return f"{lo} or more"
    if low is None or low == 0 and high != 0:
        return f"up to {hi}"
    if low == high:
        return lo
    return f"{lo}-{hi}"


def _num(x: float | None) -> str:
    if x is None:
        return ""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"


def who(claim: Claim, article: Article | None) -> str:
    """Return the speaker in words: the source, or the outlet for its own statements."""
    if claim.source_role == OUTLET:
        outlet = article.outlet if article and article.outlet else "the outlet"
        place = {"headline": "headline", "standfirst": "standfirst"}.get(claim.zone, "")
        return f"{outlet} ({place}, unattributed)" if place else f"{outlet} (unattributed)"
    return claim.source


def says(claim: Claim, article: Article | None) -> str:
    """Return "X says at least three (3 or more)" for a claim."""
    stated = claim.stated.strip()
    shown = interval_text(claim.low, claim.high)
    tail = "" if stated == shown else f" ({shown})"
    return f"{who(claim, article)} says {stated}{tail}"


FINDING_WORDS = {
    "contradicts": "contradicts: {a}; but {b}. These cannot both be right.",
    "compatible": "compatible: {a}; {b}. Consistent, but not the same figure.",
    "agrees": "agrees: {a}; {b}.",
    "updated": "updated: {a}; later, {b}. A revision, not a contradiction.",
    "attribution_dropped": "attribution dropped: {a} as fact; in the body it is the claim of "
    "{source} ({role}).",
    "subset": "subset: {a} is a part of the total where {b}.",
}


@dataclass
class Finding:
    type: str
    kind: str
    text: str
    claims: list[str]
    evidence: list[str]
    # The reviewer's verdict (verdict, reviewer, at, note) on a reviewed store; None while open.
    review: dict[str, Any] | None = None


@dataclass
class EventReport:
    id: str
    label: str
    claims: list[dict[str, Any]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    reconciled: list[dict[str, Any]] = field(default_factory=list)
    # Findings not listed (beyond `max_findings`), counted by type.
    more: Counter = field(default_factory=Counter)


def evidence(claim: Claim, article: Article | None) -> str:
    """Return where a claim's figure stands: `path:start-end`, offsets into the file for text
    files and into the extracted text for HTML and JSON feeds (see ingest/offsets.py)."""
    return offsets.evidence(article, claim.article, claim.start, claim.end)


def build_report(
    analysis: Analysis, include_agrees: bool = True, max_findings: int = 0
) -> list[EventReport]:
    """Return one EventReport per event, in event order, with findings sorted by seriousness.

    With `max_findings` > 0 only that many findings per event are written out, the most
    serious first, and the rest are counted in `more`: a big story has a million claim pairs,
    and wording them all costs more than everything else in a report.
    """
    articles = {a.id: a for a in analysis.articles}
    claims = {c.id: c for c in analysis.claims}
    reports = {e.id: EventReport(e.id, e.label) for e in analysis.events}
    # A contradiction with a figure its own source later revised is history, not a live
    # conflict: listed after the live ones, so triage starts with what still disagrees.
    gone = superseded(analysis.claims, analysis.relations)
    for claim in analysis.claims:
        if claim.event not in reports:
            continue
        article = articles.get(claim.article)
        reports[claim.event].claims.append(
            {
                "id": claim.id,
                "kind": claim.kind,
                "as written": claim.stated,
                "interval": interval_text(claim.low, claim.high),
                "source": who(claim, article),
                "role": role_words(claim.source_role),
                "article": (article.outlet or article.title[:40] or article.path)
                if article
                else "",
                "evidence": evidence(claim, article),
                "sentence": claim.sentence,
                "part_of": claim.part_of,
            }
        )
    # (seriousness, kind, position) per event: the sort key of its findings.
    ranked: dict[str, list[tuple[int, str, int]]] = {e: [] for e in reports}
    # A dropped attribution already shows both figures: the agreement its pair also carries
    # (the relations hold both for the graph and for scoring) is not listed again.
    dropped = {frozenset((r.a, r.b)) for r in analysis.relations if r.type == "attribution_dropped"}
    for position, relation in enumerate(analysis.relations):
        if (
            relation.type in ("agrees", "compatible")
            and frozenset((relation.a, relation.b)) in dropped
        ):
            continue
        a, b = claims.get(relation.a), claims.get(relation.b)
        if a is None or b is None or a.event not in reports:
            continue
        if relation.note == "repeated" or (relation.type == "agrees" and not include_agrees):
            continue
        tier = _TIERS[relation.type]
        if relation.type == "contradicts" and (relation.a in gone or relation.b in gone):
            tier = _TIERS[STALE]
        ranked[a.event].append((tier, a.kind, position))
    for event, keys in ranked.items():
        if max_findings and len(keys) > max_findings:
            shown = heapq.nsmallest(max_findings, keys)
            listed = {k[2] for k in shown}
            reports[event].more = Counter(_TIER_NAMES[k[0]] for k in keys if k[2] not in listed)
        else:
            shown = sorted(keys)
        reports[event].findings = [
            _finding(analysis.relations[k[2]], claims, articles, k[0] == _TIERS[STALE])
            for k in shown
        ]
        if analysis.review is not None:  # a reviewed store: each finding's verdict, or open
            reviewed = analysis.review["findings"]
            for k, finding in zip(shown, reports[event].findings, strict=True):
                relation = analysis.relations[k[2]]
                finding.review = reviewed.get((relation.a, relation.b, relation.type))
    for row in analysis.reconciled:
        if row.event in reports:
            reports[row.event].reconciled.append(
                {
                    "kind": row.kind,
                    "low": row.low,
                    "best": row.best,
                    "high": row.high,
                    "sources": row.originators,
                    "note": row.note,
                    "rule": row.rule,
                    "claims": row.claims,
                    "figures": row.figures,
                }
            )
            if analysis.review is not None:
                figure = analysis.review["figures"].get((row.event, row.kind))
                reports[row.event].reconciled[-1]["review"] = figure
    if analysis.review is not None:
        for report in reports.values():
            for claim in report.claims:
                claim["review"] = analysis.review["claims"].get(claim["id"])
    return [reports[e.id] for e in analysis.events]


def _finding(
    relation: Any, claims: dict[str, Claim], articles: dict[str, Article], stale: bool = False
) -> Finding:
    """Return a relation in words, with the evidence of both claims."""
    a, b = claims[relation.a], claims[relation.b]
    art_a, art_b = articles.get(a.article), articles.get(b.article)
    text = FINDING_WORDS[relation.type].format(
        a=says(a, art_a) if relation.type != "attribution_dropped" else _states(a, art_a),
        b=says(b, art_b),
        source=b.source,
        role=role_words(b.source_role),
    )
    if stale:
        text += " One of the two figures was later superseded."
    return Finding(relation.type, a.kind, text, [a.id, b.id],
                   [evidence(a, art_a), evidence(b, art_b)])  # fmt: skip


def review_text(review: dict[str, Any] | None) -> str:
    """Return a finding's review state in words: "open", or "confirmed by A, 2026-12-06: note"."""
    if review is None:
        return "open"
    note = f": {review['note']}" if review.get("note") else ""
    return f"{review['verdict']} by {review['reviewer']}, {review['at'][:10]}{note}"


def figure_lines(reconciled: dict[str, Any]) -> list[str]:
    """Return "5: 1 independent source (Kataib Hezbollah)" lines, current figures first, then
    the superseded ones as history."""
    lines = []
    for f in reconciled.get("figures", []):
        n = f["originators"]
        who = ", ".join(f["sources"][:3]) + (" ..." if len(f["sources"]) > 3 else "")
        tag = "" if f["current"] else " (superseded)"
        lines.append(
            f"{reconciled['kind']} {interval_text(f['low'], f['high'])}{tag}: "
            f"{n} independent source{'s' if n != 1 else ''} ({who})"
        )
    return lines


def _states(claim: Claim, article: Article | None) -> str:
    where = claim.zone if claim.zone in ("headline", "standfirst") else "unattributed sentence"
    outlet = f"{article.outlet}'s" if article and article.outlet else "the outlet's"
    return f"{outlet} {where} states {claim.stated.strip()!r}"
