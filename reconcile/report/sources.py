"""Who says what: one row per source, with the names it goes by, its role, the outlets that
quote it, its claims, and how often its figures contradict another source's."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from typing import Any

from reconcile.pipeline import Analysis
from reconcile.report.fit import role_words
from reconcile.roles import OUTLET, UNATTRIBUTED

SOURCE_COLUMNS = ("source", "names", "role", "outlets", "claims", "compared", "contradicts")


def source_key(claim_source_norm: str, role: str, outlet: str) -> str:
    """Return a source's key; an outlet's own unattributed statements are keyed by the outlet."""
    if role == OUTLET or claim_source_norm == UNATTRIBUTED:
        return f"{UNATTRIBUTED} ({outlet or 'outlet not given'})"
    return claim_source_norm


def source_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """Return one row per source, most claims first: source (key), names, role (in words),
    outlets, claims, compared (relations with another source's claims) and contradicts."""
    # An article that names no outlet is known by its file name.
    outlets = {a.id: a.outlet or os.path.basename(a.path.partition("#")[0]) or a.id
               for a in analysis.articles}  # fmt: skip
    key_of: dict[str, str] = {}
    names: dict[str, Counter] = defaultdict(Counter)
    roles: dict[str, Counter] = defaultdict(Counter)
    quoted_by: dict[str, Counter] = defaultdict(Counter)
    for claim in analysis.claims:
        outlet = outlets.get(claim.article, "")
        key = source_key(claim.source_norm, claim.source_role, outlet)
        key_of[claim.id] = key
        names[key][outlet if claim.source_role == OUTLET else claim.source] += 1
        roles[key][claim.source_role] += 1
        quoted_by[key][outlet] += 1
    compared: Counter = Counter()
    contradicts: Counter = Counter()
    for relation in analysis.relations:
        a, b = key_of.get(relation.a), key_of.get(relation.b)
        if a is None or b is None or a == b or relation.note == "repeated":
            continue
        for key in (a, b):
            compared[key] += 1
            contradicts[key] += relation.type == "contradicts"
    rows = [
        {
            "source": key,
            "names": [n for n, _ in names[key].most_common()],
            "role": role_words(roles[key].most_common(1)[0][0]),
            "outlets": [o for o, _ in quoted_by[key].most_common() if o],
            "claims": sum(roles[key].values()),
            "compared": compared[key],
            "contradicts": contradicts[key],
        }
        for key in names
    ]
    rows.sort(key=lambda r: (-r["claims"], -r["contradicts"], r["source"]))
    return rows
