"""Numbers as reporters write them, in digits or English words, and their value.

`NUMBER` is the grammar (a regular expression built from the word lists below) and `parse_number`
gives the value of what it matches: "two hundred thousand" is 200,000, "one thousand two hundred"
1,200, "half a million" 500,000, "1.2M" 1,200,000. A misread order of magnitude is the worst error
the tool can make, so scales are read as one chain and refused whole when they are not one
number ("thousand million"). A figure above MAX_COUNT, or written with more digits than any count
has, is no number at all: no overflow, no infinity, and no smaller number read out of its tail
("seven trillion" is not 7).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from reconcile.extract.patterns import alternation

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
    # South Asian English counts in lakhs (100,000) and crores (10 million): "five lakh people".
    "thousand": 10**3, "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7,
    "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "quadrillion": 10**15, "quintillion": 10**18, "sextillion": 10**21, "septillion": 10**24,
}  # fmt: skip
ABBREVIATED_SCALES = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "bln": 10**9}
FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25}

# The largest figure read as a count: more than the people on Earth. Above it a "figure" is a
# hoax, a typo or an identifier ("10^40 people", a 60-digit string), never a claim to reconcile.
MAX_COUNT = 10**10
_MAX_DIGITS = len(str(MAX_COUNT))

# --- the grammar of a written number ------------------------------------------------------------
# small: 1-99 ("seven", "twenty-five", "ninety nine"); group: 1-999 ("a hundred and fifty",
# "nineteen hundred seventy-three"); a number: groups under strictly falling scales ("two million
# three thousand and nineteen"). The chain is matched whole, so the parser can refuse it whole,
# and never longer than a real number's eight scales, so a hostile chain is cut into short matches.
_SMALL = (
    r"(?:" + alternation(list(TENS)) + r"(?:(?:-|\s+)" + alternation(list(UNITS)[:9]) + r")?|"
    + alternation(list(UNITS)) + r")"
)  # fmt: skip
# A scale word may be joined with a hyphen, as some outlets write it ("two-hundred people").
_HUNDREDS = r"(?:\s+|-)hundred(?:\s+(?:and\s+)?" + _SMALL + r")?"
_GROUP = r"(?:(?:" + alternation(list(UNITS)) + r")" + _HUNDREDS + r"|" + _SMALL + r")"
# The first group may be "a" ("a hundred", "a thousand", "a million").
_LEAD = r"(?:(?:a|" + alternation(list(UNITS)) + r")" + _HUNDREDS + r"|" + _SMALL + r"|a)"
_SCALE = alternation(list(SCALES))
_SCALED = (
    r"(?:" + _LEAD + r"(?:\s+|-)" + _SCALE + r"(?:\s+(?:and\s+)?" + _GROUP + r"(?:\s+|-)" + _SCALE + r"){0,7}"
    r"(?:\s+(?:and\s+)?" + _GROUP + r")?)"
)  # fmt: skip
_FRACTION_SCALE = r"(?:million|billion|thousand|dozen)"
_FRACTION = (
    # Not "half a dozen": a round word for about six, read with the vague amounts (numbers.py).
    r"(?:(?:a\s+|one\s+)?half(?:\s+|-)an?(?:\s+|-)(?!dozen)|(?:a|one)\s+half\s+"
    r"|(?:a\s+|one\s+)?quarter\s+(?:of\s+)?an?\s+|a\s+quarter\s+|three(?:\s+|-)quarters\s+of\s+an?\s+"
    r"|(?:a|" + _SMALL + r")\s+and\s+a\s+half\s+)" + _FRACTION_SCALE
    + r"|(?:a|" + _SMALL + r")\s+" + _FRACTION_SCALE + r"\s+and\s+a\s+half"
)  # fmt: skip
# "another dozen" (people were killed in the next province) is a dozen more.
_DOZEN = r"(?:(?:a|another|" + _SMALL + r")\s+dozen)"
# A whole-word lookahead first: the branches below are tried only where a number word starts
# (measured 3 times faster on news text than letting each branch fail on its own).
_WORD_START = r"(?=" + alternation([*UNITS, *TENS, "a", "another", "half", "quarter"]) + r"\b)"
WORD_NUMBER = (
    _WORD_START + r"(?:" + _FRACTION + r"|" + _DOZEN + r"|" + _SCALED + r"|"
    + _LEAD.removesuffix(r"|a)") + r"))"
)  # fmt: skip
# Digits: "1,400", "1400", "2.5", then a scale: "1.5 million", "45 mln", "2bn", "1.2M", "10k".
# "m" and "k" stick to the digits and never stand before a measure ("3.5m high" is metres).
_MEASURE = r"(?:high|tall|long|wide|deep|away|above|below|underground|in\s+(?:height|length|width|depth|diameter))"
_DIGITS = (
    # Groups of three set off by commas, or by the no-break and thin spaces of SI style.
    r"(?:\d{1,3}(?:[,\u00a0\u2009\u202f]\d{3})+|\d+)(?:\.\d+)?(?![.,]\d)"
    r"(?:\s+" + _SCALE + r"|\s?(?:mln|mn|bln|bn)|(?:m|k)(?!-\w|\s+" + _MEASURE + r"\b))?"
)  # fmt: skip
NUMBER = r"(?:" + _DIGITS + r"|" + WORD_NUMBER + r")"
_WORD_NUMBER_RE = re.compile(WORD_NUMBER, re.I)
_DIGITS_RE = re.compile(_DIGITS, re.I)


def count_value(value: Decimal | float | int) -> float | None:
    """Return a value as an int when whole, a float otherwise; None above MAX_COUNT."""
    if not math.isfinite(value) or value > MAX_COUNT:
        return None
    return int(value) if value == int(value) else float(value)


_SPACE_GROUPED = re.compile(r"(?<=\d)[\u00a0\u2009\u202f](?=\d{3}(?!\d))")
_GROUP_MARKS = re.compile(r"[,\u00a0\u2009\u202f]")
_POINT_GROUPED = re.compile(r"[1-9]\d{0,2}\.\d{3}")


def _digit_value(s: str) -> float | None:
    """Return the value of digits with an optional scale ("1,400", "1.5 million", "2bn")."""
    m = re.fullmatch(r"([\d,\u00a0\u2009\u202f]+(?:\.\d+)?)\s*([a-z]*)", s)
    if m is None:
        return None
    digits, scale_word = _GROUP_MARKS.sub("", m.group(1)), m.group(2)
    if not scale_word and _POINT_GROUPED.fullmatch(digits):
        # "1.541 people": a point between groups of three is the thousands mark of much of
        # Europe (and of translated copy); a count of people is never three decimals deep.
        digits = digits.replace(".", "")
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
    return count_value(Decimal(digits) * scale)


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
            return None if whole is None else count_value(Decimal(str(whole + 0.5)) * scale)
        part = next(FRACTIONS[t] for t in tokens if t in FRACTIONS)
        if tokens[0] == "three":
            part = 0.75
        return count_value(Decimal(str(part)) * scale)
    if tokens[-1] == "dozen":
        lead = tokens[:-1]
        whole = 1 if lead in (["a"], ["another"]) else _words_value(" ".join(lead))
        return None if whole is None else count_value(whole * 12)
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
    return count_value(total + group)


_SPACES = re.compile(r"\s+")


def parse_number(words: str) -> float | None:
    """Return the value of a number written in digits or English words, or None.

    None too for a figure beyond any plausible count (above MAX_COUNT) and for words that are
    not one well-formed number ("sixty fifteen", "million million").
    """
    if words.isascii() and words.isdigit() and len(words) <= _MAX_DIGITS:
        return count_value(int(words))  # the common case, "12", without the grammar
    words = _SPACE_GROUPED.sub("", words)  # "2\u00a0379": a thin or no-break thousands mark
    s = _SPACES.sub(" ", words.strip().lower().replace("\u00a0", " "))
    if not s:
        return None
    if s[0].isdigit():
        return _digit_value(s) if _DIGITS_RE.fullmatch(s) else None
    if not _WORD_NUMBER_RE.fullmatch(s):
        return None
    return _words_value(s)
