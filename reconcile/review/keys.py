"""Stable ids for review items, derived from claim ids (content hashes), never from row ids.

A finding is its two claim ids (in either order) and its type; a claim is its own id; a
reconciled figure is its event and kind ("E1:killed"), and event ids are kept across
regrouping by the store. Re-ingesting articles or merging events gives the same ids.
"""

from __future__ import annotations

from reconcile.model import content_id

ITEM_TYPES = ("finding", "claim", "figure")


def finding_id(a: str, b: str, relation_type: str) -> str:
    """Return the id of the finding `relation_type` between claims a and b ("f" + 10 hex)."""
    first, second = sorted((a, b))
    return content_id("f", first, second, relation_type, length=10)


def figure_id(event: str, kind: str) -> str:
    """Return the id of an event's reconciled figure for one kind: "E1:killed"."""
    return f"{event}:{kind}"
