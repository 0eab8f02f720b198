"""What the words around a figure say of it, and how loosely its words bound it.

The cue lexicon is data (data/relation_cues.csv): classes of words that place a figure in time,
mark a rival figure, a projection, a count of one part or of those remaining. `loose_interval`
reads a figure the way fact-checkers code it when setting it against another.
"""

from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from functools import cache, lru_cache
from importlib import resources

from reconcile.model import Claim

# The cue lexicon is data (data/relation_cues.csv): classes of words that place a figure in time
# (a running count's earlier or later stage, a revision), mark a rival figure (a dispute), a
# projection rather than a count, or a count of one part (by place, cause or state).

# How far from the figure each class is looked for: the words that bear on a figure stand
# next to it ("rose to 40", "only 137", "40 bodies recovered").
_WINDOW_BEFORE = {"dispute": 30, "rejected": 12}
_WINDOW = 80
CUE_CLASSES = (
    "later", "earlier", "revision", "rejected", "dispute", "estimate", "partial", "remaining",
)  # fmt: skip


@cache
def _cue_patterns() -> dict[tuple[str, str], re.Pattern[str]]:
    """Return (class, side) -> compiled pattern, from data/relation_cues.csv."""
    text = resources.files("reconcile").joinpath("data/relation_cues.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    phrases: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in rows:
        if row["class"] not in CUE_CLASSES:
            raise ValueError(f"relation_cues.csv: unknown class {row['class']!r}")
        sides = ("before", "after") if row["where"] == "either" else (row["where"],)
        for side in sides:
            # A row's phrase is one alternation, kept whole (its groups may hold "|" too).
            phrases[(row["class"], side)].append(row["phrase"].strip())
    patterns = {}
    for (cls, side), words in phrases.items():
        alternation = "|".join(re.sub(r"\s+", r"\\s+", w) for w in words if w)
        if side == "before":
            # Before the figure the cue must end the window ("rose to 40", "only 137").
            regex = r"\b(?:" + alternation + r")\b(?:\s+(?:to|at|of|by|from|that|about))?[\s,:]*$"
            if cls in ("later", "earlier", "revision", "estimate", "partial", "remaining"):
                regex = r"\b(?:" + alternation + r")\b"
        else:
            regex = r"\b(?:" + alternation + r")\b"
        patterns[(cls, side)] = re.compile(regex, re.I)
    return patterns


def cues_of(claim: Claim) -> frozenset[str]:
    """Return the cue classes whose words stand next to a claim's figure."""
    offset = claim.start - claim.sentence_start
    if not (0 <= offset <= len(claim.sentence)):
        return frozenset()
    return _cues(claim.sentence, offset, len(claim.stated))


# Cached by sentence and place: a claim meets dozens of others, and wire copies share sentences.
@lru_cache(maxsize=1 << 17)
def _cues(sentence: str, offset: int, length: int) -> frozenset[str]:
    before_all = sentence[max(0, offset - _WINDOW) : offset]
    after_all = sentence[offset + length : offset + length + _WINDOW]
    # Another figure's words are not this one's: cut the windows at the nearest other digit.
    digits = list(_DIGIT.finditer(before_all))
    if digits:
        before_all = before_all[digits[-1].end() :]
    # The figure's own qualifier words count as before it ("could reach 5,000").
    before_all += " " + _DIGIT.sub(" ", sentence[offset : offset + length])
    cut = _DIGIT.search(after_all)
    if cut:
        after_all = after_all[: cut.start()]
    found = set()
    nearest: tuple[int, str] | None = None
    for (cls, side), pattern in _cue_patterns().items():
        window = before_all[-_WINDOW_BEFORE.get(cls, _WINDOW) :] if side == "before" else after_all
        matches = list(pattern.finditer(window)) if cls in _TIME else [pattern.search(window)]
        if not matches or matches[-1] is None:
            continue
        if cls in _TIME and side == "before":
            # "raised an earlier estimate of 30": the time word nearest the figure says which
            # stage of the count it is.
            end = len(before_all) - len(window) + matches[-1].end()
            if nearest is None or end > nearest[0]:
                nearest = (end, cls)
            continue
        found.add(cls)
    if "partial" in found and _PARTITIVE_BEFORE.search(sentence, 0, offset):
        # "120 of the 5,000 people hurt were in a critical condition": the figure after "of
        # the" is the whole the part is taken from.
        found.discard("partial")
    if not nearest and (going_on := _PUTTING_BEFORE.search(sentence, 0, offset)):
        # "announced a corrected death toll ..., putting the death toll at 125": the participle
        # goes on with its main clause, whose word of revision is the figure's.
        revision = _cue_patterns().get(("revision", "before"))
        if revision is not None and revision.search(sentence, 0, going_on.start()):
            nearest = (0, "revision")
    if nearest:
        found.add(nearest[1])
    elif opening := _OPENING_TIME.match(sentence):
        # "Earlier, Telegram channels reported 143 and 150 deaths": a time word that opens the
        # sentence dates every figure in it.
        found.add("later" if opening.group("later") else "earlier")
    # "raised the toll from 30 to 45", "revised from 60 to 52": the first is the old figure,
    # the second the new one, whatever verb stands before them.
    if _FROM_BEFORE.search(sentence, 0, offset) and _TO_AFTER.match(sentence, offset + length):
        found -= _TIME
        found.add("earlier")
    elif _FROM_TO_BEFORE.search(sentence, 0, offset):
        found -= _TIME
        found.add("later")
    return frozenset(found)


_PARTITIVE_BEFORE = re.compile(r"\bof\s+(?:the|those|these|all)\s+$", re.I)
_PUTTING_BEFORE = re.compile(
    r",\s*(?:putting|bringing|raising|taking|lowering|revising|setting)\s+(?:the\s+|its\s+)?"
    r"(?:death\s+)?(?:toll|number|figure|total|count)\b[^,.;]{0,40}?\b(?:at|to)\s+$",
    re.I,
)
_OPENING_TIME = re.compile(
    r"^\W*(?:(?P<earlier>earlier|previously|initially|at\s+first|before\s+that)"
    r"|(?P<later>later|subsequently|since\s+then|by\s+(?:the\s+)?(?:evening|night|afternoon)))\b",
    re.I,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_TO_AFTER = re.compile(r"\s+to\s+\S", re.I)
_FROM_TO_BEFORE = re.compile(r"\bfrom\s+[\w,.]+(?:\s+\w+)?\s+to\s+$", re.I)


_TIME = frozenset({"later", "earlier", "revision"})


_DIGIT = re.compile(r"\d[\d,.]*")


# An approximate figure is read to its rounding, never wider than this share of it.
MAX_ROUNDING = 0.25


# How far above its figure a "nearly N" count may be found: a rounding reporters make of a
# count still rising (the numbers' reading of "about" uses the same spread).
NEARLY_SPREAD = 0.15


def rounding(figure: float) -> float:
    """Return how far a round figure may be from the count it rounds: half its last
    significant place ("about 900" is 850-949, "about 30" 25-34, "about 37" 36.5-37.5), at most
    a quarter of the figure."""
    place = 1.0
    if figure >= 1 and figure == int(figure):
        n = int(figure)
        while n % 10 == 0 and n >= 10:
            n //= 10
            place *= 10
    return min(place / 2, figure * MAX_ROUNDING)


def loose_interval(claim: Claim) -> tuple[float, float]:
    """Return the interval a claim allows when set against another figure.

    Reporters round, and understate a toll that is still being counted ("about 30" in the
    morning, 39 at noon; "dozens of deaths" when the count is 112). As fact-checkers code them,
    "about N" and a vague amount are floors: N less its rounding, or three quarters of the
    vague word's floor, open above. "Nearly N" says the count is just under N: N give or take its rounding. Exact
    counts, ranges, "at least" and "up to" keep the interval their words give.
    """
    low, high = claim.interval
    if claim.figure is None:
        return low, high
    if claim.qualifier == "about":
        return claim.figure - rounding(claim.figure), math.inf
    if claim.qualifier == "nearly":
        # "Nearly 180 missing" and 192 a few hours on are one count, rounded and still rising;
        # "close to 80" against "more than 100" is a dispute.
        spread = max(rounding(claim.figure), claim.figure * NEARLY_SPREAD)
        return claim.figure - rounding(claim.figure), claim.figure + spread
    if claim.qualifier == "vague":
        # "Wounding hundreds" and "182 injured" are one account: a vague word is used loosely
        # below its floor, so it allows a quarter less.
        return low * VAGUE_SLACK, math.inf
    return low, high


VAGUE_SLACK = 0.75


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]
