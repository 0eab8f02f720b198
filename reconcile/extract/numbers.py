"""Figures in text: number words, digits, vague amounts, and the qualifier that bounds them.

`find_quantities(text)` yields every candidate figure with its interval; what is counted and who
says so are decided elsewhere. Intervals are closed, with None for an open end. The numbers
themselves are read by `number_words`; here is what surrounds them: qualifiers, ranges, vague
amounts, and the contexts where number words are not a count (ordinals, the pronoun "one").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from reconcile.extract import count_verbs
from reconcile.extract.number_words import (
    ABBREVIATED_SCALES,
    MAX_COUNT,
    NUMBER,
    SCALES,
    TENS,
    UNITS,
    count_value,
    parse_number,
)
from reconcile.extract.patterns import alternation, starts_with

# The reader's public names, with the ones re-exported from number_words for existing callers.
__all__ = [
    "APPROX_SPREAD", "MAX_COUNT", "NUMBER", "QUALIFIER_PREFIXES", "QUANTITY_RE", "VAGUE_READINGS",
    "ZERO_RE", "Quantity", "find_quantities", "interval_for", "parse_number", "qualifier_of",
    "quantity_from_match",
]  # fmt: skip

# Ordinals are ranks, not counts ("the twenty-first", "one hundredth", "two hundred and first").
ORDINAL_UNITS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth",
)  # fmt: skip
# Words before "one" that make it a pronoun ("the one who", "no one", "every one of them").
# Not "that": "said that one more man had died" is a count far more often than "that one" a pronoun.
PRONOUN_ONE_BEFORE = ("the", "this", "no", "any", "every", "each", "which", "no other", "another")
# "one of the deadliest", "one of the most powerful": one among a superlative's set, no count.
PRONOUN_ONE_AFTER = ("another", "by one", r"of\s+the\s+(?:most|least|\w+est)\b")

# Vague amounts as intervals. "interval" is our reading of the words (documented in the README);
# "acled" is ACLED's conservative coding, where the amount becomes one floor figure.
VAGUE_READINGS: dict[str, dict[str, tuple[float | None, float | None]]] = {
    "interval": {
        "a few": (2, 5),
        "a handful of": (2, 5),
        # "half a dozen" is a round word for about six, as fact-checkers code it: six or more.
        "half a dozen": (6, 9),
        "several": (3, 9),
        "tens of thousands of": (20_000, 99_999),
        "hundreds of thousands of": (200_000, 999_999),
        "tens of": (20, 99),
        "dozens of": (24, 99),
        "dozens": (24, 99),
        "scores of": (40, 99),
        "scores": (40, 99),
        "hundreds of": (200, 999),
        "hundreds": (200, 999),
        "thousands of": (2_000, 9_999),
        "thousands": (2_000, 9_999),
        "millions of": (2_000_000, 9_999_999),
        "millions": (2_000_000, 9_999_999),
    },
    "acled": {
        "a few": (2, None),
        "a handful of": (2, None),
        "half a dozen": (6, None),
        "several": (3, None),
        "tens of thousands of": (10_000, None),
        "hundreds of thousands of": (100_000, None),
        "tens of": (10, None),
        "dozens of": (12, None),
        "dozens": (12, None),
        "scores of": (20, None),
        "scores": (20, None),
        "hundreds of": (100, None),
        "hundreds": (100, None),
        "thousands of": (1_000, None),
        "thousands": (1_000, None),
        "millions of": (1_000_000, None),
        "millions": (1_000_000, None),
    },
}
# A vague amount times a scale. "a few" and "several" take one in the singular ("several
# hundred" is 300-900, "a few hundred thousand" 200,000-500,000); "tens of", "dozens of",
# "scores of", "hundreds of" take one in the plural ("tens of millions" is 20-99 million, as
# "tens of thousands of" is 20,000-99,999 in the table above). Never the bare amount: "tens of"
# read alone in "killed tens of thousands" would be a thousandfold misreading.
VAGUE_SCALES = {
    "dozen": 12, "hundred": 100, "thousand": 1_000, "hundred thousand": 100_000,
    "million": 1_000_000, "thousands": 1_000, "millions": 1_000_000,
}  # fmt: skip

_MODALS = ("could", "may", "might", "would", "will", "is expected to", "is likely to")
_BEYOND = ("top", "go higher than", "go above", "go beyond", "rise above", "climb above", "go over")
# Qualifier words before a figure, by the interval they give. Order matters inside the regex:
# longer phrases first so "no more than" is not read as "more than".
QUALIFIER_PREFIXES: dict[str, tuple[str, ...]] = {
    "at_most": (
        "no more than", "not more than", "up to", "as many as", "at most", "a maximum of",
        "at the most", "could reach", "may reach", "might reach", "could rise to",
        "could climb to", "may climb to", "might climb to", "may rise to", "might rise to",
        "could go up to", "could hit", "may hit", "as high as", "could be as high as",
    ),
    "at_least": (
        "at least", "no fewer than", "no less than", "not less than", "a minimum of",
        "at a minimum", "a total of at least",
        # A dropped "at" ("Least 44 killed in blaze", "officials saying least 26 are dead"):
        # "least" has no other sense before a count.
        "least",
    ),
    "more_than": (
        "more than", "over", "upwards of", "in excess of", "above", "past", "beyond",
        "well over", "well above", "far more than", "well in excess of", "well past",
        "just over", "just above", "slightly more than", "slightly over", "a little over",
        "a little more than",
        # A toll that "topped 30,000" or "passes 4,000" is more than it: every form of the
        # lexicon's `over` verbs (data/count_verbs.csv).
        *count_verbs.qualifier_forms("over"),
        # A forecast past a figure: "could top 10,000", "could go higher than 600" ("top" alone
        # is too often "the top 10").
        *(f"{modal} {verb}" for modal in _MODALS for verb in _BEYOND),
    ),
    "less_than": (
        "fewer than", "less than", "under", "below", "well below", "well under", "far below",
        "far fewer than", "well short of",
    ),
    "nearly": ("nearly", "almost", "close to", "just under", *count_verbs.qualifier_forms("near")),
    "about": (
        "about", "around", "some", "approximately", "roughly", "an estimated", "estimated",
        "estimated to be", "estimated at", "is estimated at",
        "circa", "approx.", "an approximate",
    ),
}  # fmt: skip

# "about N" is read as N +/- 15%; "nearly N" as [85% of N, N]. Wide enough that rounding
# ("about 30" vs 31) is compatible, narrow enough that 80 vs more than 100 is a contradiction.
APPROX_SPREAD = 0.15

_VAGUE = alternation(list(VAGUE_READINGS["interval"]))
_QUALIFIER = alternation([p for ps in QUALIFIER_PREFIXES.values() for p in ps])

# Where a figure can start: a digit, or the first letter of a qualifier, number or vague word.
_FIGURE_START = starts_with(
    [p for ps in QUALIFIER_PREFIXES.values() for p in ps]
    + [*UNITS, *TENS, "a", "one", "half", "quarter", "between", *VAGUE_READINGS["interval"]],
    extra="0-9+",
)
# Not next to a currency sign, a decimal point, a hyphen, a power or a slash: "$50", "F-16",
# "10^40", "24/7" are not counts. "from 60 to 52" is a change, two figures, not a range: "to"
# joins a range only where the figure does not follow "from" (`nofrom`, an empty group, is set
# everywhere else; tried after a positive lookbehind it costs 5% of the scan, as an optional
# group around a negative lookbehind a third).
QUANTITY_RE = re.compile(
    # Not after a hyphen that joins it to a word ("COVID-19", "2-3"), but after a wire
    # dateline's double hyphen ("(Jiji Press)--At least 73").
    # After a stop only where it ends a word with no space after it ("Monday.Fifty-six"),
    # never in a decimal ("3.5") or an abbreviation ("U.S.").
    _FIGURE_START + r"(?<![\w$€£¥₹,^*/])(?<!\w-)(?<![^-]-(?=\d))(?<![^a-z]\.)(?:(?<!range\sfrom\s)(?<!ranged\sfrom\s)(?<!ranges\sfrom\s)(?<!ranging\sfrom\s)(?<=from\s)|(?<=by\s)|(?P<nofrom>))(?:(?P<qual>" + _QUALIFIER + r")"
    # "has crossed the 400 mark": the measure's article between the verb and its figure.
    r"(?:\s+the(?=\s+[\d,.]+\s+(?:mark|milestone|threshold|barrier)\b))?\s+)?"
    r"(?:between\s+(?P<r1>" + NUMBER + r")\s+and\s+(?P<r2>" + NUMBER + r")"
    # "+80 killed" (a South Asian headline's "80+").
    r"|(?P<lplus>\+(?=\d))?(?P<f1>" + NUMBER + r")(?:\s*(?:-|–|(?(nofrom)to|(?!)))\s*(?P<f2>" + NUMBER + r")"
    # "94 – 20 more than on Sunday": a step after a dash, no range.
    r"(?!\s+(?:more|others?|additional|further|fewer|less)\b))?"
    r"(?P<plus>\s+or\s+more|-plus|\+)?"
    r"|(?P<vague>" + _VAGUE + r")(?:(?:(?<=few)|(?<=several))\s+(?P<vscale>hundred\s+thousand|dozen|"
    r"hundred|thousand|million)|(?<=of)\s+(?P<vplural>thousands|millions)(?:\s+of)?)?)"
    r"(?![\w%^*/])",
    re.I,
)  # fmt: skip
ZERO_RE = re.compile(r"\b(?P<zero>no\s+one|nobody|no|none|not\s+a\s+single|zero)\b", re.I)

_ORDINAL_AFTER = re.compile(
    r"-(?:" + "|".join(ORDINAL_UNITS) + r")\b"
    r"|\s+(?:and\s+)?(?:\w+(?:ieth|teenth)|hundredth|thousandth|millionth|billionth)\b",
    re.I,
)
_UNIT_ORDINAL_AFTER = re.compile(r"\s+(?:and\s+)?(?:" + "|".join(ORDINAL_UNITS) + r")\b", re.I)
# After a scale or a tens word, a unit ordinal finishes a longer ordinal ("two hundred and
# first", "forty second"); after a unit it is a word of its own ("three first responders").
_ENDS_WITH_UNIT_ORDINAL_HOST = re.compile(r"(?:hundred|" + "|".join([*SCALES, *TENS]) + r")$", re.I)
_COMPOUND_AFTER = re.compile(r"-[a-z]", re.I)  # "a one-off", "a five-storey block"
_PRONOUN_BEFORE = re.compile(r"\b(?:" + "|".join(PRONOUN_ONE_BEFORE) + r")\s+$", re.I)
_PRONOUN_AFTER = re.compile(r"\s+(?:" + "|".join(PRONOUN_ONE_AFTER) + r")\b", re.I)
_TRAILING_SCALE = re.compile(
    r"(?:hundred|dozen|" + "|".join(SCALES) + r"|" + "|".join(ABBREVIATED_SCALES) + r")$", re.I
)


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


_SPACES = re.compile(r"\s+")


def qualifier_of(prefix: str | None) -> str:
    """Return the qualifier name for a prefix phrase ("at least" -> "at_least")."""
    if not prefix:
        return "exact"
    key = _SPACES.sub(" ", prefix.lower())
    for name, phrases in QUALIFIER_PREFIXES.items():
        if key in phrases:
            return name
    return "exact"


def _not_a_count(match: re.Match[str], words: str) -> bool:
    """Return True when number words are a rank, a pronoun or part of a compound modifier."""
    if words[:1].isdigit():
        return False
    text, start, end = match.string, match.start(), match.end()
    after = text[end : end + 30]
    if _ORDINAL_AFTER.match(after) or _COMPOUND_AFTER.match(after):
        return True  # "twenty-first", "one hundredth", "a one-off", "a five-storey block"
    if _ENDS_WITH_UNIT_ORDINAL_HOST.search(words) and _UNIT_ORDINAL_AFTER.match(after):
        return True  # "the two hundred and first day", "the forty second day"
    if words.lower() == "one" and match.group("qual") is None:
        before = text[max(0, start - 12) : start]
        return bool(_PRONOUN_BEFORE.search(before) or _PRONOUN_AFTER.match(after))
    return False


def _with_shared_scale(first: str, a: float, b: float, second: str) -> float:
    """Return the low end of a range whose scale is written once: "two to three million"."""
    scale = _TRAILING_SCALE.search(second.strip())
    if scale is None or _TRAILING_SCALE.search(first.strip()):
        return a
    word = scale.group(0).lower()
    factor = {"hundred": 100, "dozen": 12, **SCALES, **ABBREVIATED_SCALES}[word]
    scaled = Decimal(str(a)) * factor
    return scaled if scaled <= b else a


def quantity_from_match(match: re.Match[str], vague: str = "interval") -> Quantity | None:
    """Return the Quantity a QUANTITY_RE match describes, or None if it is not a figure."""
    qualifier = qualifier_of(match.group("qual"))
    if match.group("vague"):
        key = _SPACES.sub(" ", match.group("vague").lower())
        low, high = VAGUE_READINGS[vague][key]
        if scale := match.group("vscale") or match.group("vplural"):
            factor = VAGUE_SCALES[_SPACES.sub(" ", scale.lower())]
            low = low * factor if low is not None else None
            # The top of the amount's last unit: "tens of thousands" reaches 99,999, not 99,000.
            high = (high + 1) * factor - 1 if high is not None else None
        if qualifier in ("at_least", "more_than"):
            high = None
        return Quantity(match.start(), match.end(), match.group(0), low, high, low, "vague")
    first = match.group("r1") or match.group("f1")
    second = match.group("r2") or match.group("f2")
    a = parse_number(first) if first else None
    if a is None or _not_a_count(match, second or first):
        return None
    if second:
        b = parse_number(second)
        if b is None:
            return None
        a = count_value(_with_shared_scale(first, a, b, second))
        if a is None or b <= a:
            return None
        return Quantity(match.start(), match.end(), match.group(0), a, b, a, "range")
    if match.group("plus") or match.group("lplus"):
        qualifier = "at_least"
    start = match.start()
    moved = qualifier == "at_most" and _MOVED_UP_TO.search(match.string, max(0, start - 40), start)
    if moved and not _MODAL.search(match.string, max(0, moved.start() - 20), moved.start()):
        # "the toll has gone up to 288": the toll moved to 288; "up to" is no upper bound.
        qualifier, start = "exact", match.start("f1")
    if qualifier in _NEGATED and _NOT_BEFORE.search(match.string, max(0, start - 12), start):
        qualifier = _NEGATED[qualifier]  # "the toll did not exceed 46": at most 46
    low, high = interval_for(qualifier, a)
    return Quantity(start, match.end(), match.string[start : match.end()], low, high, a, qualifier)


# A bound said not to be passed is the opposite bound: "did not exceed 46", "never went above 9".
_NEGATED = {"more_than": "at_most", "less_than": "at_least"}
_NOT_BEFORE = re.compile(r"(?:\bnot|\bnever|n't)\s+$", re.I)
# "could rise up to 40" is still a ceiling: a projection.
_MODAL = re.compile(r"\b(?:could|may|might|would|will|expected\s+to|likely\s+to)\s+$", re.I)
# A verb of movement before "up to": the figure is where a count went, not its ceiling.
# Every level verb of the count-verb lexicon ("edged up to 40": "edged"), and verbs that move a
# figure by hand ("revised up to").
_MOVED_UP_TO = re.compile(
    r"\b(?:"
    + alternation(
        sorted({f.removesuffix(" up") for f in count_verbs.lexicon()["level"]} | {"go", "gone"})
    )
    + r"|moved|revised|raised|pushed|brought\s+(?:it|the\s+\w+))\s+$",
    re.I,
)


def find_quantities(text: str, vague: str = "interval") -> Iterator[Quantity]:
    """Yield every figure in `text` with its interval, before any is judged a claim."""
    for match in QUANTITY_RE.finditer(text):
        quantity = quantity_from_match(match, vague)
        if quantity is not None:
            yield quantity
