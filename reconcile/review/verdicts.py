"""The verdict vocabulary: what a reviewer may decide about each type of item, with its key.

One registry, so the interactive session, `review decide`, the README and the reports agree.
A verdict may need a value (`needs`): the right source, the right kind or figure, the
reviewer's low/best/high, or which claim belongs to another event. Its `effect` says what it
changes: `split` splits the event through the store's corrections (kept across regrouping),
`drop` takes the claim out of the reconciled figures, `correct` puts it in with the correction,
`figure` replaces the machine's low/best/high with the reviewer's.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    name: str
    applies_to: str  # finding, claim or figure
    key: str  # the key in the interactive session
    label: str
    needs: tuple[str, ...] = ()
    effect: str = ""


VERDICTS: tuple[Verdict, ...] = (
    Verdict("confirmed", "finding", "c", "confirmed: the finding is right"),
    Verdict("not-a-conflict", "finding", "n", "not a real conflict (compatible)"),
    Verdict("same-figure", "finding", "f", "same figure, told two ways"),
    Verdict(
        "different-events",
        "finding",
        "d",
        "different events (splits the event)",
        ("split",),
        "split",
    ),  # fmt: skip
    Verdict("needs-sourcing", "finding", "m", "needs more sourcing"),
    Verdict("correct", "claim", "c", "correct"),
    Verdict(
        "extraction-error", "claim", "x", "extraction error (leaves the figures)", (), "drop"
    ),  # fmt: skip
    Verdict(
        "wrong-source", "claim", "w", "wrong source (type the right one)", ("source",), "correct"
    ),  # fmt: skip
    Verdict(
        "wrong-figure",
        "claim",
        "k",
        "wrong kind or figure (type the right one)",
        ("kind", "low", "high"),
        "correct",
    ),  # fmt: skip
    Verdict("wrong-event", "claim", "e", "about another event (splits it off)", (), "split"),
    Verdict("accepted", "figure", "a", "accepted as reconciled"),
    Verdict(
        "set-figure",
        "figure",
        "v",
        "set low/best/high (type them)",
        ("low", "best", "high"),
        "figure",
    ),  # fmt: skip
)

BY_NAME = {v.name: v for v in VERDICTS}
# Keys every screen shows besides the verdicts.
SKIP, BACK, QUIT = "s", "b", "q"


def verdicts_for(item_type: str) -> list[Verdict]:
    """Return the verdicts for one type of item, in the order the session shows them."""
    return [v for v in VERDICTS if v.applies_to == item_type]


def by_key(item_type: str, key: str) -> Verdict | None:
    """Return the verdict a key stands for on this type of item, or None."""
    return next((v for v in verdicts_for(item_type) if v.key == key), None)


def parse_figure(text: str) -> tuple[float | None, float | None]:
    """Return (low, high) from a figure as a reviewer types it: "12", "10-15", "10+", "up to 15".

    Raises ValueError for anything else.
    """
    words = text.strip().lower().replace(",", "")
    if words.startswith("up to "):
        return 0, _number(words[len("up to ") :])
    if words.startswith("at least "):
        return _number(words[len("at least ") :]), None
    if words.endswith("+"):
        return _number(words[:-1]), None
    if "-" in words.lstrip("-"):
        low, high = words.split("-", 1)
        bounds = _number(low), _number(high)
        if bounds[0] > bounds[1]:
            raise ValueError(f"{text!r}: the low end is above the high end")
        return bounds
    number = _number(words)
    return number, number


def _number(text: str) -> float:
    value = float(text.strip())
    if value < 0 or value != value:
        raise ValueError(f"{text!r} is not a count")
    return int(value) if value.is_integer() else value
