"""CSV for machines: one row per claim (the JSON contract's claim fields, in render.py), per
finding, or per reconciled figure, each with a fixed, documented column list (README)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from reconcile.pipeline import Analysis
from reconcile.report import safe
from reconcile.report.findings import build_report, interval_text
from reconcile.report.fit import note_words

FINDING_CSV_COLUMNS = (
    "event", "event_label", "type", "kind", "finding", "a", "b", "a_stated", "b_stated",
    "a_source", "b_source", "a_evidence", "b_evidence",
)  # fmt: skip
FIGURE_CSV_COLUMNS = (
    "event", "event_label", "kind", "low", "best", "high", "interval", "originators", "rule",
    "note", "claims",
)  # fmt: skip


def finding_rows(analysis: Analysis) -> Iterator[dict[str, Any]]:
    """Yield every finding (agreements too), most serious first within each event."""
    claims = {c.id: c for c in analysis.claims}
    for report in build_report(analysis, include_agrees=True, max_findings=0):
        for finding in report.findings:
            a, b = (claims[i] for i in finding.claims)
            yield {
                "event": report.id, "event_label": report.label, "type": finding.type,
                "kind": finding.kind, "finding": finding.text, "a": a.id, "b": b.id,
                "a_stated": a.stated, "b_stated": b.stated, "a_source": a.source,
                "b_source": b.source, "a_evidence": finding.evidence[0],
                "b_evidence": finding.evidence[1],
            }  # fmt: skip


def figure_rows(analysis: Analysis) -> Iterator[dict[str, Any]]:
    """Yield one row per reconciled figure (event and kind), claim ids joined by spaces."""
    labels = {e.id: e.label for e in analysis.events}
    for r in analysis.reconciled:
        yield {
            "event": r.event, "event_label": labels.get(r.event, ""), "kind": r.kind,
            "low": r.low, "best": r.best, "high": r.high,
            "interval": interval_text(r.low, r.high), "originators": r.originators,
            "rule": r.rule, "note": note_words(r.note), "claims": " ".join(r.claims),
        }  # fmt: skip


def iter_rows_csv(rows: Iterable[dict[str, Any]], columns: Iterable[str]) -> Iterator[str]:
    """Yield CSV text (header first) in pieces of about 64 KB."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(safe.csv_row(row))
        if buffer.tell() > 1 << 16:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


CSV_ROWS = {
    "findings": (finding_rows, FINDING_CSV_COLUMNS),
    "figures": (figure_rows, FIGURE_CSV_COLUMNS),
}


def stream_csv_rows(analysis: Analysis, rows: str) -> Iterator[str]:
    """Return the CSV of findings or figures (`rows`: a key of CSV_ROWS)."""
    make, columns = CSV_ROWS[rows]
    return iter_rows_csv(make(analysis), columns)
