"""Figures in text: number words, digits, vague amounts, and the qualifier that bounds them.

`find_quantities(text)` yields every candidate figure with its interval; what is counted and who
says so are decided elsewhere. Intervals are closed, with None for an open end.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from reconcile.extract.patterns import alternation, starts_with

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}

# Vague amounts as intervals. "interval" is our reading of the words (documented in the README);
# "acled" is ACLED's conservative coding, where the amount becomes one floor figure.
VAGUE_READINGS: dict[str, dict[str, tuple[float | None, float | None]]] = {
    "interval": {
        "a few": (2, 5),
        "a handful of": (2, 5),
        "several": (3, 9),
        "tens of thousands of": (20_000, 99_999),
        "hundreds of thousands of": (200_000, 999_999),
        "tens of": (20, 99),
        "dozens of": (24, 99),
        "dozens": (24, 99),
        "scores of": (40, 99),
        "hundreds of": (200, 999),
        "hundreds": (200, 999),
        "thousands of": (2_000, 9_999),
        "thousands": (2_000, 9_999),
    },
    "acled": {
        "a few": (2, None),
        "a handful of": (2, None),
        "several": (3, None),
        "tens of thousands of": (10_000, None),
        "hundreds of thousands of": (100_000, None),
        "tens of": (10, None),
        "dozens of": (12, None),
        "dozens": (12, None),
        "scores of": (20, None),
        "hundreds of": (100, None),
        "hundreds": (100, None),
        "thousands of": (1_000, None),
        "thousands": (1_000, None),
    },
}

# Qualifier words before a figure, by the interval they give. Order matters inside the regex:
# longer phrases first so "no more than" is not read as "more than".
QUALIFIER_PREFIXES: dict[str, tuple[str, ...]] = {
    "at_most": (
        "no more than", "not more than", "up to", "as many as", "at most", "a maximum of",
        "at the most", "could reach", "may reach", "might reach", "could rise to",
    ),
    "at_least": (
        "at least", "no fewer than", "no less than", "not less than", "a minimum of",
        "at a minimum", "a total of at least",
    ),
    "more_than": ("more than", "over", "upwards of", "in excess of", "exceeding", "above"),
    "less_than": ("fewer than", "less than", "under", "below"),
    "nearly": ("nearly", "almost", "close to", "just under", "nearing"),
    "about": (
        "about", "around", "some", "approximately", "roughly", "an estimated", "estimated",
        "circa", "approx.", "an approximate",
    ),
}  # fmt: skip

# "about N" is read as N +/- 15%; "nearly N" as [85% of N, N]. Wide enough that rounding
# ("about 30" vs 31) is compatible, narrow enough that 80 vs more than 100 is a contradiction.
APPROX_SPREAD = 0.15

_UNIT_WORDS = alternation([k for k in UNITS if UNITS[k] < 10])
_WORD_NUMBER = (
    r"(?:(?:" + alternation(list(TENS)) + r")(?:[\s-](?:" + _UNIT_WORDS + r"))?|"
    + alternation(list(UNITS)) + r")"
)  # fmt: skip
_SCALED_WORD = (
    r"(?:(?:a|one|" + _WORD_NUMBER + r")\s+(?:hundred|thousand)(?:\s+(?:and\s+)?"
    + _WORD_NUMBER + r")?|" + _WORD_NUMBER + r"|a\s+dozen|one\s+dozen|a\s+hundred|a\s+thousand)"
)  # fmt: skip
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:million|thousand))?"
NUMBER = r"(?:" + _DIGITS + r"|" + _SCALED_WORD + r")"
_VAGUE = alternation(list(VAGUE_READINGS["interval"]))
_QUALIFIER = alternation([p for ps in QUALIFIER_PREFIXES.values() for p in ps])

# Where a figure can start: a digit, or the first letter of a qualifier, number or vague word.
_FIGURE_START = starts_with(
    [p for ps in QUALIFIER_PREFIXES.values() for p in ps]
    + [*UNITS, *TENS, "a", "one", "between", *VAGUE_READINGS["interval"]],
    extra="0-9",
)
QUANTITY_RE = re.compile(
    _FIGURE_START + r"(?<![\w$€£.,-])(?:(?P<qual>" + _QUALIFIER + r")\s+)?"
    r"(?:between\s+(?P<r1>" + NUMBER + r")\s+and\s+(?P<r2>" + NUMBER + r")"
    r"|(?P<f1>" + NUMBER + r")(?:\s*(?:-|–|to)\s*(?P<f2>" + NUMBER + r"))?"
    r"(?P<plus>\s+or\s+more|-plus|\+)?"
    r"|(?P<vague>" + _VAGUE + r"))"
    r"(?![\w%])",
    re.I,
)
ZERO_RE = re.compile(r"\b(?P<zero>no\s+one|nobody|no|none|not\s+a\s+single|zero)\b", re.I)


@dataclass(slots=True)
class Quantity:
    """A figure as written: its interval, the stated number and the qualifier."""

    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    figure: float | None
    qualifier: str


def parse_number(words: str) -> float | None:
    """Return the value of a number written in digits or English words, or None."""
    s = words.strip().lower().replace("\u00a0", " ")
    scale = 1
    for word, factor in (("million", 1_000_000), ("thousand", 1_000)):
        if re.fullmatch(r"[\d,.]+\s+" + word, s):
            s, scale = s.rsplit(None, 1)[0], factor
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", s):
        value = float(s.replace(",", "")) * scale
        return int(value) if value.is_integer() else value
    if s in ("a dozen", "one dozen"):
        return 12
    total, current = 0, 0
    for token in re.split(r"[\s-]+", s):
        if token in ("and",):
            continue
        if token in ("a", "one") and current == 0:
            current = 1
        elif token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token in SCALES:
            current = max(current, 1) * SCALES[token]
            if SCALES[token] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


def interval_for(qualifier: str, figure: float) -> tuple[float | None, float | None]:
    """Return the (low, high) interval a qualifier puts around a stated figure."""
    if qualifier == "at_least":
        return figure, None
    if qualifier == "more_than":
        # Counts are whole: more than 20 is at least 21.
        return (math.floor(figure) + 1 if float(figure).is_integer() else math.ceil(figure)), None
    if qualifier == "at_most":
        return 0, figure
    if qualifier == "less_than":
        return 0, math.ceil(figure) - 1
    if qualifier == "about":
        return math.floor(figure * (1 - APPROX_SPREAD)), math.ceil(figure * (1 + APPROX_SPREAD))
    if qualifier == "nearly":
        return math.floor(figure * (1 - APPROX_SPREAD)), figure
    return figure, figure


def qualifier_of(prefix: str | None) -> str:
    """Return the qualifier name for a prefix phrase ("at least" -> "at_least")."""
    if not prefix:
        return "exact"
    key = re.sub(r"\s+", " ", prefix.lower())
    for name, phrases in QUALIFIER_PREFIXES.items():
        if key in phrases:
            return name
    return "exact"


def quantity_from_match(match: re.Match[str], vague: str = "interval") -> Quantity | None:
    """Return the Quantity a QUANTITY_RE match describes, or None if it is not a figure."""
    qualifier = qualifier_of(match.group("qual"))
    if match.group("vague"):
        key = re.sub(r"\s+", " ", match.group("vague").lower())
        low, high = VAGUE_READINGS[vague][key]
        if qualifier in ("at_least", "more_than"):
            high = None
        return Quantity(match.start(), match.end(), match.group(0), low, high, low, "vague")
    first = match.group("r1") or match.group("f1")
    second = match.group("r2") or match.group("f2")
    a = parse_number(first) if first else None
    if a is None:
        return None
    if second:
        b = parse_number(second)
        if b is None or b <= a:
            return None
        return Quantity(match.start(), match.end(), match.group(0), a, b, a, "range")
    if match.group("plus"):
        qualifier = "at_least"
    low, high = interval_for(qualifier, a)
    return Quantity(match.start(), match.end(), match.group(0), low, high, a, qualifier)


def find_quantities(text: str, vague: str = "interval") -> Iterator[Quantity]:
    """Yield every figure in `text` with its interval, before any is judged a claim."""
    for match in QUANTITY_RE.finditer(text):
        quantity = quantity_from_match(match, vague)
        if quantity is not None:
            yield quantity
