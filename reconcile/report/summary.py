"""An event's figures in one plain-words paragraph, for the top of its report section.

"Sources disagree on the killed: 5 per Kataib Hezbollah; 3 or more per an Iraqi military
official; the headline states 'five' as fact."
"""

from __future__ import annotations

from typing import Any

from reconcile.report.findings import interval_text

# Figures named per kind; the figures table lists them all.
FIGURES_NAMED = 3
SOURCES_NAMED = 2


def _names(sources: list[str]) -> str:
    shown = sources[:SOURCES_NAMED]
    more = len(sources) - len(shown)
    return ", ".join(shown) + (f" and {more} other{'s' if more > 1 else ''}" if more else "")


def kind_clause(row: dict[str, Any], types: set[str], stated_as_fact: str = "") -> str:
    """Return one kind's clause: who gives which figure, and whether they disagree.

    `row` is a reconciled row of the report data (with its `figures`), `types` the relation
    types among the kind's claims, `stated_as_fact` the words of an outlet statement that drops
    its source's attribution ("the headline states 'five' as fact").
    """
    kind = row["kind"]
    figures = row.get("figures", [])
    current = [f for f in figures if f["current"]] or figures
    said = [f"{interval_text(f['low'], f['high'])} per {_names(f['sources'])}"
            for f in current[:FIGURES_NAMED]]  # fmt: skip
    if len(current) > FIGURES_NAMED:
        more = len(current) - FIGURES_NAMED
        said.append(f"{more} more figure{'s' if more > 1 else ''}")
    if len(current) > 1:
        verb = "Sources disagree on" if "contradicts" in types else "Sources differ on"
        clause = f"{verb} the {kind}: {'; '.join(said)}"
    elif said:
        single = ", a single source" if row.get("sources") == 1 else ""
        clause = f"{kind.capitalize()}: {said[0]}{single}"
    else:
        clause = f"{kind.capitalize()}: no figure"
    earlier = [interval_text(f["low"], f["high"]) for f in figures if not f["current"]]
    if earlier:
        clause += f"; earlier figures, since revised: {', '.join(earlier[:FIGURES_NAMED])}"
    if stated_as_fact:
        clause += f"; {stated_as_fact}"
    return clause


def event_summary(
    reconciled: list[dict[str, Any]], types: dict[str, set[str]], stated: dict[str, str]
) -> str:
    """Return the event's summary: one clause per kind, as sentences."""
    clauses = [kind_clause(r, types.get(r["kind"], set()), stated.get(r["kind"], ""))
               for r in reconciled]  # fmt: skip
    return ". ".join(clauses) + "." if clauses else "No figures."
