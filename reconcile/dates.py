"""Dates as newsrooms write them, read into ISO yyyy-mm-dd strings."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

# The days of the week, Monday first (the index is date.weekday()), and one alternation of them.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_PREFIX = r"(?:(?:published|updated|posted|last updated|date)\s*:?\s*(?:on\s+)?)?"
_TIME = r"(?:[\s,|-]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5}(?:[+-]\d+)?)?)?"

DATE_PATTERNS = [
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?:[T ][\d:.+Z-]*)?", re.I),
    re.compile(
        _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I
    ),
    re.compile(
        _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})", re.I
    ),
    # Numeric dates are read month-first (US), the common form in English-language wire copy.
    re.compile(r"(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})", re.I),
    # With dashes and the year last they are day-first: the form of European and South Asian
    # sites' time stamps ("Updated: 07-02-2026 21:12 IST"); the US writes slashes.
    re.compile(r"\b(?P<day>\d{1,2})-(?P<mnum>\d{1,2})-(?P<year>\d{4})\b", re.I),
]
# A page's own time stamp inside a byline or a furniture line: "By Staff | Updated: 07-02-2026".
_STAMP = re.compile(
    r"\b(?:published|updated|posted|last\s+updated|created)\b\s*(?:on|at)?\s*:?\s*", re.I
)
_FOUR_DIGITS = re.compile(r"\d{4}")
_WHOLE_LINE = [
    re.compile(r"^\s*" + _PREFIX + p.pattern + _TIME + r"\s*$", re.I) for p in DATE_PATTERNS
]


def _build(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    month = MONTHS[parts["month"].lower()] if parts.get("month") else int(parts["mnum"])
    try:
        return date(int(parts["year"]), month, int(parts["day"])).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """Return the ISO date in `text` (the first one found), or None."""
    if not _FOUR_DIGITS.search(text):  # every pattern has a year: most sentences stop here
        return None
    for pattern in DATE_PATTERNS:
        match = pattern.search(text)
        if match and (iso := _build(match)):
            return iso
    return None


# Each opens with a lookahead of its first characters (a month's capital, a digit), so `re`
# skips every other position quickly: these run on every claim's sentence.
_DAY_MONTH = [
    re.compile(
        r"(?=[JFMASOND])" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+\d{4})", re.I
    ),
    # "11 Marines" is no date: the month ends its word.
    re.compile(
        r"(?=\d)\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?!\w)(?!,?\s+\d{4})",
        re.I,
    ),
]


@lru_cache(maxsize=1 << 15)  # wire copies of a sentence are dated from their own days
def _days_and_months(text: str) -> tuple[tuple[int, int], ...]:
    """Return the (month, day) pairs written without a year in text, in the order read."""
    found = []
    for pattern in _DAY_MONTH:
        for match in pattern.finditer(text):
            if not match.group("month")[0].isupper():
                continue  # "may 5 people have died": a verb, not a month
            found.append((MONTHS[match.group("month").lower()], int(match.group("day"))))
    return tuple(found)


def require_date(text: str, what: str = "--published") -> str:
    """Return the ISO date `text` gives ("2023-03-05", "March 5, 2023"); raise ReconcileError
    naming `what` and the expected form when it gives none (or an impossible one)."""
    iso = parse_date(text)
    if iso is None:
        from reconcile.errors import ReconcileError

        raise ReconcileError(f"{what} {text!r}: not a date; expected the form 2023-03-05")
    return iso


def parse_day_month(text: str, published: str) -> str | None:
    """Return the ISO date of a day and month written without a year ("on March 7", "7 Aug."),
    read as the latest such day on or before `published`; None if there is none."""
    pub = date.fromisoformat(published)
    for month, day in _days_and_months(text):
        for year in (pub.year, pub.year - 1):
            try:
                found = date(year, month, day)
            except ValueError:
                break
            if found <= pub:
                return found.isoformat()
    return None


# A dateline of dotted numbers, "29.02.2024" or "02.29.24": read only as a whole line (as a
# figure it could be anything), day first unless only month first makes a date.
_DOTTED_LINE = re.compile(
    r"^\s*" + _PREFIX + r"(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>\d{4}|\d{2})" + _TIME + r"\s*$",
    re.I,
)


def parse_date_line(line: str) -> str | None:
    """Return the ISO date when the whole line is a date (a dateline under a byline), else None."""
    for pattern in _WHOLE_LINE:
        match = pattern.match(line)
        if match and (iso := _build(match)):
            return iso
    dotted = _DOTTED_LINE.match(line)
    if dotted:
        a, b, y = int(dotted["a"]), int(dotted["b"]), int(dotted["y"])
        year = y if y >= 100 else 2000 + y
        for day, month in ((a, b), (b, a)):
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                continue
    return None


def parse_stamp(line: str) -> str | None:
    """Return the ISO date a page's time stamp gives ("... | Updated: 07-02-2026 21:12 IST"),
    the date right after the stamp word; None when the line has no stamp."""
    stamp = _STAMP.search(line)
    if not stamp:
        return None
    rest = line[stamp.end() : stamp.end() + 40]
    for pattern in DATE_PATTERNS:
        match = pattern.match(rest)
        if match and (iso := _build(match)):
            return iso
    return None


def shift(iso: str | None, days: int) -> str | None:
    """Return the ISO date `days` after `iso` (None stays None)."""
    if not iso:
        return None
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def days_between(a: str | None, b: str | None) -> int | None:
    """Return the absolute number of days between two ISO dates, or None if either is unknown."""
    if not a or not b:
        return None
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
