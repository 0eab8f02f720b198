"""Renderers: the same report data as a terminal table, Markdown, JSON or CSV text."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator

from tabulate import tabulate

from reconcile.pipeline import CLAIM_ROW_KEYS, Analysis
from reconcile.report import safe, sidebyside
from reconcile.report.findings import (
    EventReport,
    build_report,
    figure_lines,
    interval_text,
    review_text,
)
from reconcile.report.fit import (
    TABLE_WIDTH,
    fit_table,
    note_words,
    shared_folder,
    shorten,
    wrap,
)
from reconcile.report.html import iter_html
from reconcile.roles import OUTLET

CLAIM_COLUMNS = ("kind", "as written", "interval", "source", "role", "article", "evidence")
# The terminal table leaves out the article (the evidence names its file) to fit 100 columns.
TABLE_CLAIM_COLUMNS = ("kind", "as written", "interval", "source (role)", "evidence")
# Evidence wraps last: a path broken over lines is still one to copy.
TABLE_FLOORS = {"evidence": 30, "source (role)": 20, "as written": 12}
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


def evidence_line(analysis: Analysis, folder: str) -> str:
    """Return the sentence that says where evidence `path:start-end` points."""
    mapped = {a.file_map is not None for a in analysis.articles}
    where = {
        frozenset({True}): "each file's characters",
        frozenset({False}): "the text extracted from each page or feed item "
        "(`reconcile show PATH` prints it)",
    }.get(frozenset(mapped), "each text file's characters, and for HTML and JSON feeds the "
          "extracted text (`reconcile show PATH` prints it)")  # fmt: skip
    under = f"; paths are under {folder}{os.sep}" if folder else ""
    return (
        f"Evidence path:start-end indexes {where}{under}. "
        "`reconcile show PATH:START-END` shows the claim there."
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
    """Return the terminal report, 100 columns wide: per event, claims (the interval beside the
    figure as written), findings in words, and reconciled figures with the rule behind each.

    `max_findings` > 0 lists at most that many findings per event, the most serious first.
    """
    folder = shared_folder(a.path for a in analysis.articles)
    out = []
    rules = sidebyside.by_event(analysis)
    for report in build_report(analysis, max_findings=max_findings):
        heading = wrap(f"{report.id}  {report.label}", hang="    ")
        out.extend(heading)
        out.append("=" * min(TABLE_WIDTH, max(len(line) for line in heading)))
        rows = [
            [c["kind"] + (" (part)" if c["part_of"] else ""), c["as written"], c["interval"],
             c["source"] if c["role"] == OUTLET else f"{c['source']} ({c['role']})",
             shorten(c["evidence"], folder)]
            for c in report.claims
        ]  # fmt: skip
        out.append(fit_table(rows, TABLE_CLAIM_COLUMNS, floors=TABLE_FLOORS))
        for line in _reviewed(report):
            out.extend(wrap(line, hang="      "))
        if report.findings:
            out.append("")
            out.append("Findings:")
            for f in report.findings:
                out.extend(wrap(f"[{f.kind}] {f.text}", indent="  - ", hang="    "))
                shown = ", ".join(shorten(e, folder) for e in f.evidence)
                out.extend(wrap(f"evidence: {shown}", indent="      ", hang="        "))
                if analysis.review is not None:
                    out.extend(wrap(f"review: {review_text(f.review)}", indent="      ",
                                    hang="        "))  # fmt: skip
            rest = _rest(report)
            if rest:
                out.extend(wrap(rest, indent="  ", hang="  "))
        out.append("")
        out.append("Reconciled:")
        figures = [row[:-1] + [note_words(row[-1])] for row in _figures(report)]
        out.append(fit_table(figures, FIGURE_COLUMNS))
        out.append("How each was reached:")
        for r in report.reconciled:
            out.extend(wrap(f"{r['kind']}: {r['rule']}", indent="  - ", hang="    "))
        out.append("Figures and who backs them:")
        for r in report.reconciled:
            for line in figure_lines(r):
                out.extend(wrap(line, indent="  - ", hang="    "))
        out.extend(_rules_side_by_side(rules.get(report.id, {}), "simple"))
        out.append("")
    if analysis.events:
        out.extend(wrap(evidence_line(analysis, folder)))
    else:
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
            yield ("," if index else "") + "\n  " + safe.dumps(row)
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
    fields = list(CLAIM_ROW_KEYS) + (list(REVIEW_COLUMNS) if reviewed else [])
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in dict(analysis.sections())["claims"]:
        if reviewed:
            review = row.pop("review") or {}
            row.update(
                {f"review_{k}": review.get(k, "") for k in ("verdict", "reviewer", "at", "note")}
            )
        writer.writerow(safe.csv_row(row))
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
