"""Figures in text: number words, digits, vague amounts, and the qualifier that bounds them.

`find_quantities(text)` yields every candidate figure with its interval; what is counted and who
says so are decided elsewhere. Intervals are closed, with None for an open end.

A misread order of magnitude is the worst error this reader can make, so number words are read by
one grammar (a regular expression built from the word lists below) whose matches are evaluated by
`parse_number`: "two hundred thousand" is 200,000, "one thousand two hundred" 1,200, "half a
million" 500,000, "1.2M" 1,200,000. A figure above MAX_COUNT, or one written with more digits than
any count has, is no figure at all: no overflow, no infinity, and no smaller number read out of
its tail ("seven trillion" is not 7).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

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
# Scale words, in words and as reporters abbreviate them after digits ("1.2M", "2bn", "45 mln").
# The scales past billion are read only to refuse them: no count reaches a trillion.
SCALES = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "quadrillion": 10**15, "quintillion": 10**18, "sextillion": 10**21, "septillion": 10**24,
}  # fmt: skip
ABBREVIATED_SCALES = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "bln": 10**9}
FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25}

# The largest figure read as a count: more than the people on Earth. Above it a "figure" is a
# hoax, a typo or an identifier ("10^40 people", a 60-digit string), never a claim to reconcile.
MAX_COUNT = 10**10
_MAX_DIGITS = len(str(MAX_COUNT))

# Ordinals are ranks, not counts ("the twenty-first", "one hundredth", "two hundred and first").
ORDINAL_UNITS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth",
)  # fmt: skip
# Words before "one" that make it a pronoun ("the one who", "no one", "every one of them").
PRONOUN_ONE_BEFORE = ("the", "this", "that", "no", "any", "every", "each", "which", "no other")
PRONOUN_ONE_AFTER = ("another", "by one")

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
        "millions of": (2_000_000, 9_999_999),
        "millions": (2_000_000, 9_999_999),
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

# --- the grammar of a written number ------------------------------------------------------------
# small: 1-99 ("seven", "twenty-five", "ninety nine"); group: 1-999 ("a hundred and fifty",
# "nineteen hundred seventy-three"); a number: groups under strictly falling scales ("two million
# three thousand and nineteen"). The chain is matched whole, so the parser can refuse it whole.
_SMALL = (
    r"(?:" + alternation(list(TENS)) + r"(?:(?:-|\s+)" + alternation(list(UNITS)[:9]) + r")?|"
    + alternation(list(UNITS)) + r")"
)  # fmt: skip
_GROUP = (
    r"(?:(?:"
    + alternation(list(UNITS))
    + r")\s+hundred(?:\s+(?:and\s+)?"
    + _SMALL
    + r")?|"
    + _SMALL
    + r")"
)
# The first group may be "a" ("a hundred", "a thousand", "a million").
_LEAD = (
    r"(?:(?:a|"
    + alternation(list(UNITS))
    + r")\s+hundred(?:\s+(?:and\s+)?"
    + _SMALL
    + r")?|"
    + _SMALL
    + r"|a)"
)
_SCALE = alternation(list(SCALES))
_SCALED = (
    r"(?:"
    + _LEAD
    + r"\s+"
    + _SCALE
    + r"(?:\s+(?:and\s+)?"
    + _GROUP
    + r"\s+"
    + _SCALE
    + r")*(?:\s+(?:and\s+)?"
    + _GROUP
    + r")?)"
)
_FRACTION_SCALE = r"(?:million|billion|thousand|dozen)"
_FRACTION = (
    r"(?:(?:a\s+|one\s+)?half(?:\s+|-)an?(?:\s+|-)|(?:a|one)\s+half\s+"
    r"|(?:a\s+|one\s+)?quarter\s+(?:of\s+)?an?\s+|a\s+quarter\s+|three(?:\s+|-)quarters\s+of\s+an?\s+"
    r"|(?:a|" + _SMALL + r")\s+and\s+a\s+half\s+)" + _FRACTION_SCALE
    + r"|(?:a|" + _SMALL + r")\s+" + _FRACTION_SCALE + r"\s+and\s+a\s+half"
)  # fmt: skip
_DOZEN = r"(?:(?:a|" + _SMALL + r")\s+dozen)"
# A whole-word lookahead first: the branches below are tried only where a number word starts
# (measured 3 times faster on news text than letting each branch fail on its own).
_WORD_START = r"(?=" + alternation([*UNITS, *TENS, "a", "half", "quarter"]) + r"\b)"
WORD_NUMBER = (
    _WORD_START + r"(?:" + _FRACTION + r"|" + _DOZEN + r"|" + _SCALED + r"|"
    + _LEAD.removesuffix(r"|a)") + r"))"
)  # fmt: skip
# Digits: "1,400", "1400", "2.5", then a scale: "1.5 million", "45 mln", "2bn", "1.2M", "10k".
# "m" and "k" stick to the digits and never stand before a measure ("3.5m high" is metres).
_MEASURE = r"(?:high|tall|long|wide|deep|away|above|below|underground|in\s+(?:height|length|width|depth|diameter))"
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![.,]\d)"
    r"(?:\s+" + _SCALE + r"|\s?(?:mln|mn|bln|bn)|(?:m|k)(?!-\w|\s+" + _MEASURE + r"\b))?"
)  # fmt: skip
NUMBER = r"(?:" + _DIGITS + r"|" + WORD_NUMBER + r")"
_VAGUE = alternation(list(VAGUE_READINGS["interval"]))
_QUALIFIER = alternation([p for ps in QUALIFIER_PREFIXES.values() for p in ps])

# Where a figure can start: a digit, or the first letter of a qualifier, number or vague word.
_FIGURE_START = starts_with(
    [p for ps in QUALIFIER_PREFIXES.values() for p in ps]
    + [*UNITS, *TENS, "a", "one", "half", "quarter", "between", *VAGUE_READINGS["interval"]],
    extra="0-9",
)
# Not next to a currency sign, a decimal point, a hyphen, a power or a slash: "$50", "F-16",
# "10^40", "24/7" are not counts. "from 60 to 52" is a change, two figures, not a range: "to"
# joins a range only where the figure does not follow "from" (`nofrom` matches empty there).
QUANTITY_RE = re.compile(
    _FIGURE_START + r"(?<![\w$€£¥₹.,^*/-])(?P<nofrom>(?<!from\s))?(?:(?P<qual>" + _QUALIFIER + r")\s+)?"
    r"(?:between\s+(?P<r1>" + NUMBER + r")\s+and\s+(?P<r2>" + NUMBER + r")"
    r"|(?P<f1>" + NUMBER + r")(?:\s*(?:-|–|(?(nofrom)to|(?!)))\s*(?P<f2>" + NUMBER + r"))?"
    r"(?P<plus>\s+or\s+more|-plus|\+)?"
    r"|(?P<vague>" + _VAGUE + r")(?:(?:(?<=few)|(?<=several))\s+(?P<vscale>hundred\s+thousand|dozen|"
    r"hundred|thousand|million)|(?<=of)\s+(?P<vplural>thousands|millions)(?:\s+of)?)?)"
    r"(?![\w%^*/])",
    re.I,
)  # fmt: skip
ZERO_RE = re.compile(r"\b(?P<zero>no\s+one|nobody|no|none|not\s+a\s+single|zero)\b", re.I)

_WORD_NUMBER_RE = re.compile(WORD_NUMBER, re.I)
_DIGITS_RE = re.compile(_DIGITS, re.I)
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


def _plain(value: Decimal | float | int) -> float | None:
    """Return a value as an int when whole, a float otherwise; None above MAX_COUNT."""
    if not math.isfinite(value) or value > MAX_COUNT:
        return None
    return int(value) if value == int(value) else float(value)


def _digit_value(s: str) -> float | None:
    """Return the value of digits with an optional scale ("1,400", "1.5 million", "2bn")."""
    m = re.fullmatch(r"([\d,]+(?:\.\d+)?)\s*([a-z]*)", s)
    if m is None:
        return None
    digits, scale_word = m.group(1).replace(",", ""), m.group(2)
    # Checked before any conversion: a thousand-digit string costs nothing and overflows nothing.
    if len(digits.split(".")[0].lstrip("0")) > _MAX_DIGITS:
        return None
    scale = (
        SCALES.get(scale_word)
        or ABBREVIATED_SCALES.get(scale_word)
        or (1 if not scale_word else None)
    )
    if scale is None:
        return None
    return _plain(Decimal(digits) * scale)


def _words_value(s: str) -> float | None:
    """Return the value of a number in words that the grammar matched whole, or None."""
    tokens = [t for t in re.split(r"[\s-]+", s) if t]
    if tokens[-3:] == ["and", "a", "half"]:  # "a million and a half": move the half before
        tokens = [*tokens[:-4], "and", "a", "half", tokens[-4]]
    if tokens[-1] in ("million", "billion", "thousand", "dozen") and (
        "half" in tokens or "quarter" in tokens or "quarters" in tokens
    ):
        scale = 12 if tokens[-1] == "dozen" else SCALES[tokens[-1]]
        if tokens[-4:-1] == ["and", "a", "half"]:
            whole = 1 if tokens[:-4] in (["a"], ["one"]) else _words_value(" ".join(tokens[:-4]))
            return None if whole is None else _plain(Decimal(str(whole + 0.5)) * scale)
        part = next(FRACTIONS[t] for t in tokens if t in FRACTIONS)
        if tokens[0] == "three":
            part = 0.75
        return _plain(Decimal(str(part)) * scale)
    if tokens[-1] == "dozen":
        lead = tokens[:-1]
        whole = 1 if lead == ["a"] else _words_value(" ".join(lead))
        return None if whole is None else _plain(whole * 12)
    total, group, last_scale = 0, 0, None
    for token in tokens:
        if token == "and":
            continue
        if token == "a":
            group = 1
        elif token in UNITS:
            group += UNITS[token]
        elif token in TENS:
            group += TENS[token]
        elif token == "hundred":
            group = max(group, 1) * 100
        elif token in SCALES:
            scale = SCALES[token]
            if last_scale is not None and scale >= last_scale:
                return None  # "thousand million", "two thousand thousand": not one number
            total, group, last_scale = total + max(group, 1) * scale, 0, scale
        else:
            return None
    return _plain(total + group)


def parse_number(words: str) -> float | None:
    """Return the value of a number written in digits or English words, or None.

    None too for a figure beyond any plausible count (above MAX_COUNT) and for words that are
    not one well-formed number ("sixty fifteen", "million million").
    """
    if words.isascii() and words.isdigit() and len(words) <= _MAX_DIGITS:
        return _plain(int(words))  # the common case, "12", without the grammar
    s = re.sub(r"\s+", " ", words.strip().lower().replace("\u00a0", " "))
    if not s:
        return None
    if s[0].isdigit():
        return _digit_value(s) if _DIGITS_RE.fullmatch(s) else None
    if not _WORD_NUMBER_RE.fullmatch(s):
        return None
    return _words_value(s)


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
        key = re.sub(r"\s+", " ", match.group("vague").lower())
        low, high = VAGUE_READINGS[vague][key]
        if scale := match.group("vscale") or match.group("vplural"):
            factor = VAGUE_SCALES[re.sub(r"\s+", " ", scale.lower())]
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
        a = _plain(_with_shared_scale(first, a, b, second))
        if a is None or b <= a:
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
