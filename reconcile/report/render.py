"""Renderers: the same report data as a terminal table, Markdown, JSON or CSV text."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator

from tabulate import tabulate

from reconcile.pipeline import CLAIM_KEYS, Analysis
from reconcile.report import sidebyside
from reconcile.report.findings import (
    EventReport,
    build_report,
    figure_lines,
    interval_text,
    review_text,
)
from reconcile.report.html import iter_html

CLAIM_COLUMNS = ("kind", "as written", "interval", "source", "role", "article", "evidence")
REVIEW_COLUMNS = ("review_verdict", "review_reviewer", "review_at", "review_note")
FIGURE_COLUMNS = ("kind", "low", "best", "high", "sources", "note")


def _figures(report: EventReport) -> list[list[str]]:
    return [
        [r["kind"], _n(r["low"]), _n(r["best"]), _n(r["high"]) or "open", r["sources"], r["note"]]
        for r in report.reconciled
    ]


def _n(x: float | None) -> str:
    return "" if x is None else interval_text(x, x)


def _claim_rows(report: EventReport) -> list[list[str]]:
    return [
        [c[k] + (" (part)" if k == "kind" and c["part_of"] else "") for k in CLAIM_COLUMNS]
        for c in report.claims
    ]


def _rest(report: EventReport) -> str:
    """Return the line that counts the findings not listed, or "" when all are.

    A big story gives thousands of claim pairs; a reader needs the worst ones and the figures
    table, and the JSON keeps every relation for whoever needs them all.
    """
    if not report.more:
        return ""
    kinds = ", ".join(f"{n:,} {t.replace('_', ' ')}" for t, n in report.more.most_common())
    return (
        f"... and {sum(report.more.values()):,} more ({kinds}): --max-findings 0 lists them "
        "all, --format json has every relation"
    )


def _reviewed(report: EventReport) -> list[str]:
    """Return the lines naming the claims a reviewer decided on (none on an unreviewed store)."""
    lines = [
        f"  - {c['id']} ({c['kind']} {c['as written']!r}, {c['source']}): {review_text(c['review'])}"
        for c in report.claims
        if c.get("review")
    ]
    return ["", "Reviewed claims:", *lines] if lines else []


def _rules_side_by_side(kinds: dict, fmt: str) -> list[str]:
    """Return the rules-side-by-side table and lines (`--rule all`), or [] without it."""
    if not kinds:
        return []
    bullet = "- " if fmt == "github" else "  "
    table = tabulate(sidebyside.table_rows(kinds), headers=sidebyside.headers(), tablefmt=fmt)
    return ["", "Rules side by side:", "", table, "",
            *(bullet + line for line in sidebyside.lines(kinds))]  # fmt: skip


def render_table(analysis: Analysis, max_findings: int = 0) -> str:
    """Return the terminal report: per event, claims, findings in words, reconciled figures.

    `max_findings` > 0 lists at most that many findings per event, the most serious first.
    """
    out = []
    rules = sidebyside.by_event(analysis)
    for report in build_report(analysis, max_findings=max_findings):
        out.append(f"{report.id}  {report.label}")
        out.append("=" * min(100, len(out[-1])))
        out.append(tabulate(_claim_rows(report), headers=CLAIM_COLUMNS, tablefmt="simple"))
        out.extend(_reviewed(report))
        if report.findings:
            out.append("")
            out.append("Findings:")
            rest = _rest(report)
            for f in report.findings:
                out.append(f"  - [{f.kind}] {f.text}")
                out.append(f"      evidence: {', '.join(f.evidence)}")
                if analysis.review is not None:
                    out.append(f"      review: {review_text(f.review)}")
            if rest:
                out.append(f"  {rest}")
        out.append("")
        out.append("Reconciled:")
        out.append(tabulate(_figures(report), headers=FIGURE_COLUMNS, tablefmt="simple"))
        out.extend(f"  {r['kind']}: {r['rule']}" for r in report.reconciled if r.get("review"))
        out.append("Figures and who backs them:")
        out.extend(f"  - {line}" for r in report.reconciled for line in figure_lines(r))
        out.extend(_rules_side_by_side(rules.get(report.id, {}), "simple"))
        out.append("")
    if not analysis.events:
        out.append("No claims found.")
    return "\n".join(out) + "\n"


def render_markdown(analysis: Analysis, max_findings: int = 0) -> str:
    """Return the report as Markdown, with a section per event (`max_findings` as the table)."""
    out = ["# Discrepancy report", ""]
    articles = analysis.articles
    out.append(f"{len(articles)} article(s), {len(analysis.claims)} claim(s), "
               f"{len(analysis.events)} event(s).")  # fmt: skip
    out.append("")
    rules = sidebyside.by_event(analysis)
    for report in build_report(analysis, max_findings=max_findings):
        out.append(f"## {report.id}: {report.label}")
        out.append("")
        out.append(tabulate(_claim_rows(report), headers=CLAIM_COLUMNS, tablefmt="github"))
        out.append("")
        if report.findings:
            out.append("**Findings**")
            out.append("")
            rest = _rest(report)
            for f in report.findings:
                reviewed = f" *review: {review_text(f.review)}*" if analysis.review else ""
                out.append(
                    f"- **{f.kind}**: {f.text} <sub>({'; '.join(f.evidence)})</sub>{reviewed}"
                )
            if rest:
                out.append(f"- {rest}")
            out.append("")
        out.append("**Reconciled**")
        out.append("")
        out.append(tabulate(_figures(report), headers=FIGURE_COLUMNS, tablefmt="github"))
        out.append("")
        for r in report.reconciled:
            out.append(f"- {r['kind']}: {r['rule']}")
        out.append("")
        out.append("**Figures and who backs them**")
        out.append("")
        out.extend(f"- {line}" for r in report.reconciled for line in figure_lines(r))
        side = _rules_side_by_side(rules.get(report.id, {}), "github")
        if side:
            out.extend(["", "**Rules side by side**", *side[2:]])
        out.append("")
    return "\n".join(out)


def iter_json(analysis: Analysis) -> Iterator[str]:
    """Yield the JSON contract (see the README) as one object, in pieces: one row per line
    inside each list, so a large corpus streams to its file instead of being built whole."""
    yield "{"
    for number, (name, rows) in enumerate(analysis.sections()):
        yield ("," if number else "") + f"\n{json.dumps(name)}: ["
        for index, row in enumerate(rows):
            yield ("," if index else "") + "\n  " + json.dumps(row, ensure_ascii=False)
        yield "\n]"
    if analysis.by_rule:  # `--rule all`: each rule's rows, by rule name
        yield ',\n"by_rule": ' + json.dumps(
            {name: [r.to_row() for r in rows] for name, rows in analysis.by_rule.items()},
            ensure_ascii=False,
        )
    yield "\n}\n"


def iter_csv(analysis: Analysis) -> Iterator[str]:
    """Yield the claims as CSV rows, one per claim, with their event and evidence."""
    if not analysis.claims:
        return
    buffer = io.StringIO()
    reviewed = analysis.review is not None  # a reviewed store: each claim's verdict columns
    fields = list(CLAIM_KEYS) + (list(REVIEW_COLUMNS) if reviewed else [])
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in dict(analysis.sections())["claims"]:
        if reviewed:
            review = row.pop("review") or {}
            row.update(
                {f"review_{k}": review.get(k, "") for k in ("verdict", "reviewer", "at", "note")}
            )
        writer.writerow(row)
        if buffer.tell() > 1 << 16:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def render_json(analysis: Analysis, max_findings: int = 0) -> str:
    """Return the JSON contract as one string: every relation."""
    return "".join(iter_json(analysis))


def render_html(analysis: Analysis, max_findings: int = 0) -> str:
    """Return the self-contained HTML report as one string (reconcile/report/html.py)."""
    return "".join(iter_html(analysis, max_findings))


def render_csv(analysis: Analysis, max_findings: int = 0) -> str:
    """Return the claims CSV as one string."""
    return "".join(iter_csv(analysis))


# Each renderer takes the analysis and `max_findings` (ignored by JSON and CSV, which are whole).
RENDERERS: dict[str, Callable[[Analysis, int], str]] = {
    "table": render_table,
    "md": render_markdown,
    "json": render_json,
    "csv": render_csv,
    "html": render_html,
}


def render(analysis: Analysis, fmt: str, max_findings: int = 0) -> str:
    """Return the analysis rendered in a registered format (`max_findings` 0: list all)."""
    return RENDERERS[fmt](analysis, max_findings)


def stream(analysis: Analysis, fmt: str, max_findings: int = 0) -> Iterable[str]:
    """Return the rendering in pieces: JSON and CSV row by row, HTML event by event, the
    rest as one string."""
    if fmt == "json":
        return iter_json(analysis)
    if fmt == "csv":
        return iter_csv(analysis)
    if fmt == "html":
        return iter_html(analysis, max_findings)
    return [render(analysis, fmt, max_findings)]
