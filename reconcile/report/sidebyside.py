"""Reconciliation rules side by side (`--rule all`): per event and kind, each rule's figure.

UCDP-style low/best/high, ACLED's single conservative figure and IBC's minimum-maximum stand in
adjacent columns, each with one line on how it was reached and the claims it rests on.
"""

from __future__ import annotations

from collections import defaultdict

from reconcile.model import Reconciled
from reconcile.pipeline import Analysis
from reconcile.report.findings import interval_text
from reconcile.rules import SIDE_BY_SIDE

RULE_TITLES = {"ucdp": "UCDP low / best / high", "acled": "ACLED figure", "ibc": "IBC min-max"}
# Claim ids named on a rule's line; the JSON and the claims table have them all.
CLAIMS_NAMED = 4


def by_event(analysis: Analysis) -> dict[str, dict[str, dict[str, Reconciled]]]:
    """Return event -> kind -> rule -> row, or {} when the rules were not asked side by side."""
    table: dict[str, dict[str, dict[str, Reconciled]]] = defaultdict(lambda: defaultdict(dict))
    for rule, rows in (analysis.by_rule or {}).items():
        for row in rows:
            table[row.event][row.kind][rule] = row
    return table


def _n(x: float | None) -> str:
    return "open" if x is None else interval_text(x, x)


def cell(rule: str, row: Reconciled) -> str:
    """Return one rule's figure in a cell: "3 / 5 / 5", "3", "3-7 (2 originators)"."""
    if rule == "ucdp":
        return f"{_n(row.low)} / {_n(row.best)} / {_n(row.high)}"
    if rule == "acled":
        return _n(row.best)
    single = "single source" if row.originators == 1 else f"{row.originators} originators"
    span = _n(row.low) if row.low == row.high else f"{_n(row.low)}-{_n(row.high)}"
    return f"{span} ({single})"


def how(rule: str, row: Reconciled) -> str:
    """Return how a rule reached its figure and which claims it rests on."""
    ids = row.claims[:CLAIMS_NAMED]
    more = f" and {len(row.claims) - len(ids)} more" if len(row.claims) > len(ids) else ""
    return f"{row.rule.removeprefix(f'{rule}: ')}; rests on {', '.join(ids)}{more}"


def rule_line(rule: str, row: Reconciled) -> str:
    """Return a rule's figure for one kind in one line: how it was reached, on which claims."""
    return f"{row.kind}, {rule}: {how(rule, row)}"


def table_rows(kinds: dict[str, dict[str, Reconciled]]) -> list[list[str]]:
    """Return one row per kind: the kind, then each rule's cell."""
    return [
        [kind] + [cell(rule, rows[rule]) if rule in rows else "" for rule in SIDE_BY_SIDE]
        for kind, rows in kinds.items()
    ]


def headers() -> list[str]:
    return ["kind"] + [RULE_TITLES[r] for r in SIDE_BY_SIDE]


def lines(kinds: dict[str, dict[str, Reconciled]]) -> list[str]:
    """Return every rule's line for every kind."""
    return [rule_line(r, rows[r]) for rows in kinds.values() for r in SIDE_BY_SIDE if r in rows]
