"""The HTML report: one self-contained file (inline CSS and SVG, no script, no fetch).

Rendered by Jinja2 with autoescaping on: article text, outlet and source names are untrusted,
and every one of them reaches the page as text. The page is written in pieces, the head and
index first, then one event at a time, so a large corpus streams to its file.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from reconcile.model import Claim
from reconcile.pipeline import Analysis
from reconcile.relations import echoed_pairs, is_echo
from reconcile.report import sidebyside
from reconcile.report.charts import interval_chart, toll_chart
from reconcile.report.disputes import disputes
from reconcile.report.findings import FINDING_ORDER, build_report, review_text
from reconcile.report.summary import event_summary
from reconcile.rules import SIDE_BY_SIDE

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> Environment:
    """Return the Jinja2 environment: autoescaping for every template, strict undefined."""
    from jinja2 import StrictUndefined

    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def marked(claim: Claim) -> tuple[str, str, str]:
    """Return a claim's sentence as (before, figure, after), to highlight its figure."""
    sentence = claim.sentence
    at = claim.start - claim.sentence_start
    if sentence[at : at + len(claim.stated)] != claim.stated:
        at = sentence.find(claim.stated)
    if at < 0:
        return sentence, "", ""
    end = at + len(claim.stated)
    return sentence[:at], sentence[at:end], sentence[end:]


def _event_facts(analysis: Analysis) -> dict[str, dict[str, Any]]:
    """Return, per event, finding counts by type, reviewed count, the claims and
    contradicting pairs, relation types per kind and dropped attributions per kind."""
    claims = {c.id: c for c in analysis.claims}
    facts: dict[str, dict[str, Any]] = defaultdict(
        lambda: {
            "types": Counter(),
            "reviewed": 0,
            "claims": [],
            "contradicting": set(),
            "kinds": defaultdict(set),
            "stated": {},
        }  # fmt: skip
    )
    for claim in analysis.claims:
        if claim.event:
            facts[claim.event]["claims"].append(claim)
    reviewed = analysis.review["findings"] if analysis.review is not None else {}
    echoed = echoed_pairs(analysis.relations)
    for r in analysis.relations:
        a = claims.get(r.a)
        if a is None or not a.event or r.note == "repeated" or is_echo(r, echoed):
            continue
        fact = facts[a.event]
        fact["types"][r.type] += 1
        fact["kinds"][a.kind].add(r.type)
        if (r.a, r.b, r.type) in reviewed:
            fact["reviewed"] += 1
        if r.type == "contradicts":
            fact["contradicting"].add((r.a, r.b))
        elif r.type == "attribution_dropped" and a.kind not in fact["stated"]:
            where = a.zone if a.zone in ("headline", "standfirst") else "outlet"
            fact["stated"][a.kind] = f"the {where} states {a.stated.strip()!r} as fact"
    return facts


def iter_html(analysis: Analysis, max_findings: int = 0) -> Iterator[str]:
    """Yield the HTML report: head and index of events, then one section per event."""
    env = environment()
    page = env.get_template("report.html.j2").module
    reports = build_report(analysis, max_findings=max_findings)
    facts = _event_facts(analysis)
    fights = disputes(analysis)
    rules = sidebyside.by_event(analysis)
    articles = {a.id: a for a in analysis.articles}
    index = []
    for report in reports:
        fact = facts[report.id]
        findings = sum(fact["types"][t] for t in FINDING_ORDER if t != "agrees")
        index.append({
            "id": report.id, "label": report.label, "claims": len(report.claims),
            "findings": findings, "contradictions": fact["types"]["contradicts"],
            "reviewed": fact["reviewed"], "open": max(0, findings - fact["reviewed"]),
        })  # fmt: skip
    yield str(page.head(
        articles=len(analysis.articles), claims=len(analysis.claims), events=index,
        reviewed=analysis.review is not None, rule_titles=[sidebyside.RULE_TITLES[r]
                                                            for r in SIDE_BY_SIDE],
    ))  # fmt: skip
    for report, entry in zip(reports, index, strict=True):
        fact = facts[report.id]
        by_kind: dict[str, list[Claim]] = defaultdict(list)
        for claim in fact["claims"]:
            if not claim.part_of:
                by_kind[claim.kind].append(claim)
        figures = {r["kind"]: r for r in report.reconciled}
        charts = [interval_chart(kind, members, articles, fact["contradicting"], figures.get(kind))
                  for kind, members in by_kind.items()]  # fmt: skip
        tolls = [
            t for kind, members in by_kind.items() if (t := toll_chart(kind, members, articles))
        ]
        claims = {c.id: c for c in fact["claims"]}
        for row in report.claims:
            row["marked"] = marked(claims[row["id"]])
            row["review_text"] = review_text(row.get("review")) if "review" in row else ""
        kinds = rules.get(report.id, {})
        yield str(page.event(
            report=report, entry=entry,
            summary=event_summary(report.reconciled, fact["kinds"], fact["stated"]),
            charts=charts, tolls=tolls, disputes=fights.get(report.id, []),
            reviewed=analysis.review is not None, review_text=review_text,
            rules=[(kind, [(r, sidebyside.cell(r, rows[r]), sidebyside.how(r, rows[r]))
                           for r in SIDE_BY_SIDE if r in rows]) for kind, rows in kinds.items()],
            rule_titles=[sidebyside.RULE_TITLES[r] for r in SIDE_BY_SIDE],
            more=", ".join(f"{n:,} {t.replace('_', ' ')}" for t, n in report.more.most_common()),
        ))  # fmt: skip
    yield str(page.tail(empty=not reports))
