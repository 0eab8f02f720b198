"""The count-movement verb lexicon (`data/count_verbs.csv`): how a running count is said to move.

"The death toll rose to 40", "passed 4,000", "nears 300", "the dead numbered 12": each verb is a
row with all its inflections and what it says of the figure after it (`level`: the count is the
figure; `over`: more than it; `near`: nearly it). Taken from verb classes in the literature
(Levin 1993) rather than from the sentences one corpus happens to use, so every inflection of a
verb works, not only the ones someone met.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

READINGS = ("level", "over", "near")
# Inflected forms that stand right before a figure as often as not in another sense ("the top
# 10", "near 40 villages", "a number 4 bus"): they move a toll but do not set a qualifier.
_NOT_QUALIFIERS = frozenset({"top", "near", "number", "total", "hit", "break", "broke", "broken"})


@cache
def lexicon() -> dict[str, tuple[str, ...]]:
    """Return reading -> every form of its verbs ("went up" as two words)."""
    text = resources.files("reconcile").joinpath("data/count_verbs.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    table: dict[str, list[str]] = {name: [] for name in READINGS}
    for row in rows:
        if row["reading"] not in table:
            raise ValueError(f"count_verbs.csv: unknown reading {row['reading']!r}")
        table[row["reading"]].extend(f.replace("_", " ") for f in row["forms"].split())
    return {name: tuple(forms) for name, forms in table.items()}


def all_forms() -> tuple[str, ...]:
    """Return every form of every verb, whatever it says of the figure."""
    table = lexicon()
    return tuple(f for name in READINGS for f in table[name])


def qualifier_forms(reading: str) -> tuple[str, ...]:
    """Return the forms of `reading` that may stand right before a figure as its qualifier."""
    return tuple(f for f in lexicon()[reading] if f not in _NOT_QUALIFIERS)
