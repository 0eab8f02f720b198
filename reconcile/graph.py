"""Claim-to-claim relations and the networkx graph of articles, sources, claims and events.

Relations are only computed inside one event and kind: different events are never compared.
Inside a group, claims with the same interval and originator are compared once, through a
representative, so a wire story reprinted a thousand times costs one comparison, not a million.
"""

from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from importlib import resources
from itertools import combinations
from pathlib import Path

import networkx as nx

from reconcile.extract.kinds import running
from reconcile.model import Article, Claim, Event, Relation
from reconcile.roles import OUTLET

RELATION_TYPES = (
    "agrees",
    "compatible",
    "contradicts",
    "updated",
    "attribution_dropped",
    "subset",
)


def interval_relation(a: Claim, b: Claim) -> str:
    """Return 'agrees' (same interval), 'compatible' (overlap) or 'contradicts' (disjoint)."""
    (alo, ahi), (blo, bhi) = a.interval, b.interval
    if (alo, ahi) == (blo, bhi):
        return "agrees"
    if alo <= bhi and blo <= ahi:
        return "compatible"
    return "contradicts"


# Words for everyone counted; a subject without a narrower group word counts all victims.
GENERIC_SUBJECTS = frozenset(
    [
        "people",
        "persons",
        "person",
        "dead",
        "deaths",
        "death",
        "killed",
        "lives",
        "life",
        "bodies",
        "body",
        "casualties",
        "victims",
        "injured",
        "wounded",
        "injuries",
        "hurt",
        "missing",
        "displaced",
        "homeless",
        "total",
        "toll",
        "others",
        "individuals",
        "residents",
    ]
)
GROUP_WORDS = re.compile(
    r"\b(?P<g>civilians?|children|child|kids|minors|women|men|girls|boys|students?|pupils?|"
    r"schoolchildren|schoolgirls|soldiers?|troops|officers?|policem[ae]n|police|fighters?|"
    r"militants?|insurgents?|rebels?|gunmen|gunman|attackers?|members?|workers?|staff|"
    r"journalists?|doctors?|medics?|refugees|migrants|prisoners|detainees|suspects|"
    r"[A-Z][a-z]+(?:is|ans|ians|ese|ns))\b"
)


# Words for one group, said differently: "militants" and "members (of the militia)" are the
# same people; so are "soldiers" and "troops".
GROUP_SYNONYMS = {
    "child": "children", "children": "children", "kid": "children", "minor": "children",
    "schoolchildren": "children", "fighter": "fighters", "militant": "fighters",
    "insurgent": "fighters", "rebel": "fighters", "gunman": "fighters", "gunmen": "fighters",
    "attacker": "fighters", "member": "fighters", "jihadist": "fighters", "soldier": "soldiers",
    "troop": "soldiers", "officer": "police", "policeman": "police", "policemen": "police",
    "pupil": "students", "student": "students", "schoolgirl": "students",
}  # fmt: skip


# The groups named by a word of GROUP_WORDS (not by a people's name such as "Palestinians").
_GROUP_NAMES = frozenset(GROUP_SYNONYMS.values()) | {
    "civilian", "women", "men", "girl", "boy", "staff", "journalist", "doctor", "medic",
    "refugee", "migrant", "prisoner", "detainee", "suspect", "worker", "police",
}  # fmt: skip


def subject_group(claim: Claim) -> str:
    """Return the narrower group a claim counts ("children", "soldiers"), or "" for everyone."""
    return _group_of(claim.subject or "")


# Cached by words: a claim is related to dozens of others, and its wire copies share words.
@lru_cache(maxsize=65536)
def _group_of(subject: str) -> str:
    match = GROUP_WORDS.search(subject)
    if not match:
        return ""
    word = match.group("g").lower()
    word = word[:-1] if word.endswith("s") and word[:-1] in GROUP_SYNONYMS else word
    return GROUP_SYNONYMS.get(word, word.rstrip("s"))


# --- what the words around a figure say -------------------------------------------------------
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
    if nearest:
        found.add(nearest[1])
    # "raised the toll from 30 to 45", "revised from 60 to 52": the first is the old figure,
    # the second the new one, whatever verb stands before them.
    if _FROM_BEFORE.search(sentence, 0, offset) and _TO_AFTER.match(sentence, offset + length):
        found -= _TIME
        found.add("earlier")
    elif _FROM_TO_BEFORE.search(sentence, 0, offset):
        found -= _TIME
        found.add("later")
    return frozenset(found)


_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_TO_AFTER = re.compile(r"\s+to\s+\S", re.I)
_FROM_TO_BEFORE = re.compile(r"\bfrom\s+[\w,.]+(?:\s+\w+)?\s+to\s+$", re.I)


_TIME = frozenset({"later", "earlier", "revision"})


_DIGIT = re.compile(r"\d[\d,.]*")


# An approximate figure is read to its rounding, never wider than this share of it.
MAX_ROUNDING = 0.25


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
    "about N" and a vague amount are floors: N less its rounding, or the vague word's floor,
    open above. "Nearly N" says the count is just under N: N give or take its rounding. Exact
    counts, ranges, "at least" and "up to" keep the interval their words give.
    """
    low, high = claim.interval
    if claim.figure is None:
        return low, high
    if claim.qualifier == "about":
        return claim.figure - rounding(claim.figure), math.inf
    if claim.qualifier == "nearly":
        return claim.figure - rounding(claim.figure), claim.figure + rounding(claim.figure)
    if claim.qualifier == "vague":
        return low, math.inf
    return low, high


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


# Groups that name a side rather than a part of the victims: a count of one side's dead
# ("seven insurgents", "12 Palestinians") is that side's count, not a breakdown of a toll.
_SIDES = frozenset({"fighters", "soldiers", "police"})


def _narrow(group: str) -> str:
    """Return a group word that names part of the victims; "" for a side (a people's name,
    fighters, soldiers, police) or for no group."""
    return "" if group and (group not in _GROUP_NAMES or group in _SIDES) else group


def _side(a: Claim, b: Claim, ga: str, gb: str) -> Claim | None:
    """Return the claim that counts only one side while the other counts everyone."""
    if ga and not gb and not _narrow(ga):
        return a
    if gb and not ga and not _narrow(gb):
        return b
    return None


def narrow_group(claim: Claim) -> str:
    """Return the narrower group a claim counts ("children"), "" for all victims or a people."""
    return _narrow(subject_group(claim))


def relate(
    a: Claim, b: Claim, published: dict[str, str | None], attribution: bool = True
) -> Relation | None:
    """Return how claim a relates to claim b (same event and kind), with the reason in words.

    In order: a headline or unattributed sentence repeating a source (attribution dropped);
    the same figure; two different groups; a projection set against a count; one count
    qualified two ways; two figures placed in time (a correction, a running count moving on,
    a later rival); a part of a total (subset); and otherwise their intervals, read with the
    vagueness of their words.
    """
    cues_a, cues_b = cues_of(a), cues_of(b)
    loose = _overlap(loose_interval(a), loose_interval(b))
    a_outlet, b_outlet = a.source_role == OUTLET, b.source_role == OUTLET
    if attribution and a.article == b.article and a_outlet != b_outlet and loose:
        stated, source = (a, b) if a_outlet else (b, a)
        if stated.zone in ("headline", "standfirst") or stated.sentence != source.sentence:
            return Relation(
                stated.id, source.id, "attribution_dropped",
                f"the outlet states {stated.stated!r} as fact; {source.source} is the source",
            )  # fmt: skip
    ga, gb = subject_group(a), subject_group(b)
    if interval_relation(a, b) == "agrees":
        named = f"; one names {ga or gb}" if ga != gb else ""
        return Relation(a.id, b.id, "agrees", f"the same figure{named}")
    # Two groups are two counts, unless one is a people and the other a part of it ("12
    # Palestinians", "five children"); combatants are never a part of anyone else's dead.
    people_and_part = bool(_narrow(ga)) != bool(_narrow(gb)) and not ({ga, gb} & _SIDES)
    if ga and gb and ga != gb and not people_and_part:
        return Relation(a.id, b.id, "compatible", f"different groups: {ga} and {gb}")
    if ("estimate" in cues_a) != ("estimate" in cues_b):
        estimate = a if "estimate" in cues_a else b
        return Relation(a.id, b.id, "compatible",
                        f"{estimate.stated!r} is an estimate of what may be, not a count")  # fmt: skip
    if a.figure is not None and a.figure == b.figure and ga == gb:
        # "233 killed" beside "more than 233 died": one count, qualified differently.
        return Relation(a.id, b.id, "compatible", "the same figure, qualified differently")
    part = _part(a, b, ga, gb, cues_a, cues_b)
    places = "" if part else _different_places(a, b)
    if places:
        return Relation(a.id, b.id, "compatible", f"counts for different places: {places}")
    side = _side(a, b, ga, gb)
    # A count of one part is not a stage of the total's running count: only words that place
    # it in time do. Combatants' dead are their own count, no stage of anyone's toll.
    moved = {"earlier", "later", "revision", "rejected"} & (cues_a | cues_b)
    combatants = side is not None and subject_group(side) in _SIDES
    timed = (
        _in_time(a, b, cues_a, cues_b, published, loose, same_scope=part is None)
        if (part is None or moved) and not combatants
        else None
    )
    # A contradiction is the last explanation: a revision, or two counts of different scope,
    # explain a difference before a conflict does.
    if timed and (timed.type != "contradicts" or (side is None and part is None)):
        return timed
    if side is not None:
        other = b if side is a else a
        if side.interval[0] <= loose_interval(other)[1]:
            return Relation(
                a.id, b.id, "compatible", f"{side.stated!r} counts only {subject_group(side)}"
            )
        return Relation(a.id, b.id, "contradicts", f"more {subject_group(side)} than all the dead")
    if part is not None:
        total = b if part is a else a
        what = f"only {subject_group(part)}" if subject_group(part) else "one part"
        if loose:
            return Relation(a.id, b.id, "compatible", f"{part.stated!r} counts {what}")
        if part.interval[0] <= loose_interval(total)[1]:
            return Relation(part.id, total.id, "subset", f"{part.stated!r} counts {what}")
        return Relation(a.id, b.id, "contradicts", "a part larger than the total")
    if loose:
        return Relation(a.id, b.id, "compatible", _overlap_reason(a, b))
    return Relation(a.id, b.id, "contradicts", "figures that cannot both hold, reported together")


def _overlap_reason(a: Claim, b: Claim) -> str:
    if interval_relation(a, b) == "compatible":
        return "the ranges overlap"
    vague = next(c for c in (a, b) if c.qualifier in ("about", "nearly", "vague"))
    return f"{vague.stated!r} is approximate and allows the other figure"


@lru_cache(maxsize=65536)
def _place_keys(place: str) -> frozenset[str]:
    from reconcile.places import place_key

    return frozenset(place_key(p) for p in place.split("; ") if p)


def _claim_places(claim: Claim) -> frozenset[str]:
    """Return the keys of all the places a claim is about, its own or its lead's."""
    return _place_keys(claim.place)


def _own_places(claim: Claim) -> frozenset[str]:
    """Return the keys of the places a claim's own sentence names (not those it inherits from
    the lead): only a sentence that says where is a count for that place."""
    return _sentence_places(claim.sentence)


@lru_cache(maxsize=65536)
def _sentence_places(sentence: str) -> frozenset[str]:
    """Return the keys of the places a sentence names, with the ones coordinated after them
    ("in Velmora and Ostrel", "in Velmora, Ostrel and Kessa")."""
    from reconcile.places import find_places, place_key

    keys = set()
    for name, key in find_places(sentence):
        keys.add(key)
        at = sentence.find(name)
        for more in _COORDINATED.finditer(sentence, at + len(name)):
            if more.start() != at + len(name):
                break
            keys.add(place_key(more.group("name")))
            at, name = more.start(), sentence[more.start() : more.end()]
    return frozenset(keys)


_COORDINATED = re.compile(
    r"(?:,\s*|\s+and\s+)(?:the\s+)?(?P<name>[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,2})"
)


def _within(inner: frozenset[str], outer: frozenset[str]) -> bool:
    """Return True when every place of `inner` is one of `outer`'s, and `outer` has more."""
    from reconcile.places import same_place

    return len(inner) < len(outer) and all(any(same_place(i, o) for o in outer) for i in inner)


def _different_places(a: Claim, b: Claim) -> str:
    """Return "X and Y" when one report counts for places that share nothing, else ""."""
    from reconcile.places import same_place

    if a.article != b.article:
        return ""
    pa, pb = _own_places(a), _own_places(b)
    if not pa or not pb or any(same_place(x, y) for x in pa for y in pb):
        return ""
    return " and ".join(sorted({"; ".join(sorted(pa)).title(), "; ".join(sorted(pb)).title()}))


def _part(
    a: Claim, b: Claim, ga: str, gb: str, cues_a: frozenset[str], cues_b: frozenset[str]
) -> Claim | None:
    """Return the claim that counts only part of what the other counts: a narrower group
    ("nine children" against "40 people") or one place, cause or state ("40 bodies recovered",
    "98 taken to hospital").

    A people's name ("12 Palestinians") says who the dead were, not a part of them: against a
    plain toll it is the same count; against a narrower group ("five children") it is the total.
    """
    ga, gb = _narrow(ga), _narrow(gb)
    if bool(ga) != bool(gb):
        return a if ga else b
    if a.article == b.article:
        # "killing more than 4,300 in Velmora and Ostrel ... In Ostrel, 1,444 were killed":
        # within one report, a figure its sentence gives for one of the places is part of the
        # figure another sentence gives for all of them.
        pa, pb = _own_places(a), _own_places(b)
        if pa and _within(pa, pb):
            return a
        if pb and _within(pb, pa):
            return b
    if ("partial" in cues_a) != ("partial" in cues_b):
        return a if "partial" in cues_a else b
    return None


def _in_time(
    a: Claim, b: Claim, cues_a: frozenset[str], cues_b: frozenset[str],
    published: dict[str, str | None], loose: bool, same_scope: bool = True,
) -> Relation | None:  # fmt: skip
    """Return the relation of two different figures that the words or dates put in order.

    A correction replaces the figure it corrects, whoever made it. A later figure of the same
    running count (the same source, a toll that rose, or a missing count that fell as people
    were found) is `updated`, whoever reports it. A later figure that disputes the others, or a
    later lower toll from another source, is a rival: it contradicts where both cannot hold.
    """
    same_source = a.source_norm == b.source_norm and a.source_role != OUTLET
    for marks, new, old in ((cues_a, a, b), (cues_b, b, a)):
        other = cues_b if new is a else cues_a
        if ("revision" in marks and "revision" not in other) or (
            "rejected" in other and "rejected" not in marks
        ):
            return Relation(old.id, new.id, "updated", f"{new.stated!r} corrects the figure")
    if ("dispute" in cues_a) != ("dispute" in cues_b) and not same_source:
        rival = a if "dispute" in cues_a else b
        if not _overlap(loose_interval(a), loose_interval(b)):
            return Relation(
                a.id, b.id, "contradicts", f"{rival.stated!r} is set against the others"
            )
        return None
    order = _order(a, b, cues_a, cues_b, published, by_figure=same_scope)
    if order is None:
        return None
    earlier, later, why = order
    rising = (later.figure or 0) > (earlier.figure or 0)
    if same_source:
        direction = "rose" if rising else "changed"
        return Relation(
            earlier.id, later.id, "updated", f"the same source's figure {direction} {why}"
        )
    if rising and running(a.kind) == "rises":
        return Relation(earlier.id, later.id, "updated", f"the toll rose {why}")
    if running(a.kind) == "falls" and not rising and "remaining" in cues_of(later):
        return Relation(earlier.id, later.id, "updated", f"fewer remain missing {why}")
    if not loose:
        return Relation(a.id, b.id, "contradicts", f"a lower figure {why}, from another source")
    return None


@cache
def _event_date() -> Callable[[str, str | None], str | None]:
    # events imports this module; its date reader is fetched once, when first needed.
    from reconcile.events import event_date

    return event_date


def _own_date(sentence: str, published: str | None) -> str | None:
    """Return the day a sentence's own words date it to, None when it names no day (a sentence
    without a date is not "later" than the lead that names Monday)."""
    day = _event_date()(sentence, published)
    return None if day == published else day


def _order(
    a: Claim, b: Claim, cues_a: frozenset[str], cues_b: frozenset[str],
    published: dict[str, str | None], by_figure: bool = True,
) -> tuple[Claim, Claim, str] | None:  # fmt: skip
    """Return (earlier, later, why) when dates or words put two figures in order, else None.

    `by_figure`: in running-count words, the higher figure of a toll that only grows is the
    later one; not for figures of different scope (a part is no stage of its total)."""
    da, db = published.get(a.article), published.get(b.article)
    if da and db and da != db:
        return (a, b, "on a later day") if da < db else (b, a, "on a later day")
    sa, sb = _own_date(a.sentence, da), _own_date(b.sentence, db)
    if sa and sb and sa != sb:
        return (a, b, "on a later day") if sa < sb else (b, a, "on a later day")
    a_earlier = "earlier" in cues_a and "later" not in cues_a
    b_earlier = "earlier" in cues_b and "later" not in cues_b
    if a_earlier != b_earlier:
        return (a, b, "later the same day") if a_earlier else (b, a, "later the same day")
    a_later, b_later = "later" in cues_a, "later" in cues_b
    if by_figure and (a_later or b_later) and running(a.kind) == "rises" and a.figure != b.figure:
        # In the words of a running count ("has now reached 115", "rose to 133"), a toll that
        # only grows puts the higher figure at the later stage, whichever report said "rose".
        low, high = (a, b) if (a.figure or 0) < (b.figure or 0) else (b, a)
        return low, high, "as the count went on"
    if a_later != b_later:
        return (b, a, "later the same day") if a_later else (a, b, "later the same day")
    if a.article == b.article and a.source_norm == b.source_norm and a.source_role != OUTLET:
        return (a, b, "later in the report") if a.start < b.start else (b, a, "later in the report")
    return None


# Cross-article comparisons per event and kind are bounded: each distinct figure is compared
# with at most this many others, nearest in date first (a toll's story moves by days).
MAX_FIGURE_NEIGHBOURS = 30
MAX_FIGURE_SCAN = 4 * MAX_FIGURE_NEIGHBOURS
# Statements of one event and kind in one article past which only neighbours are paired.
MAX_ARTICLE_STATEMENTS = 60


def build_relations(claims: list[Claim], articles: list[Article]) -> list[Relation]:
    """Return the relations between claims of the same event and kind, and breakdown links.

    Two passes keep this near-linear in the number of claims: inside each article every pair
    of its (few) claims is related, which finds dropped attributions and same-day revisions;
    across articles, claims are first collapsed into distinct figures (interval, source, group,
    day), each figure's first claim stands for the rest ("repeated"), and only figures are
    compared, each with its nearest 30 by date, so a story reprinted a thousand times costs a
    thousand links, not a million.
    """
    published = {a.id: a.published for a in articles}
    relations: list[Relation] = []
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.part_of:
            relations.append(Relation(claim.id, claim.part_of, "subset", "a part of this total"))
        elif claim.event:
            groups[(claim.event, claim.kind)].append(claim)
    for group in groups.values():
        by_id = {c.id: c for c in group}
        by_article: dict[str, list[Claim]] = defaultdict(list)
        for claim in group:
            by_article[claim.article].append(claim)
        found: list[Relation | None] = []
        for article_claims in by_article.values():
            # A statement the article repeats word for word says nothing new: its copies link
            # to the first, which alone is paired, so a page of repeated sentences stays linear.
            said: dict[tuple, Claim] = {}
            for claim in article_claims:
                first = said.setdefault(
                    (claim.sentence, claim.low, claim.high, claim.source_norm), claim
                )
                if first is not claim:
                    relations.append(Relation(first.id, claim.id, "agrees", "repeated"))
            distinct = list(said.values())
            found.extend(relate(a, b, published) for a, b in _article_pairs(distinct))
        relations.extend(_one_source_per_statement(found, by_id, published))
        figures: dict[tuple, Claim] = {}
        # A figure is represented by a body sentence where there is one: it carries the context.
        for claim in sorted(group, key=lambda c: c.zone != "body"):
            key = (claim.low, claim.high, claim.source_norm, subject_group(claim),
                   published.get(claim.article))  # fmt: skip
            first = figures.setdefault(key, claim)
            if first is not claim and first.article != claim.article:
                relations.append(Relation(first.id, claim.id, "agrees", "repeated"))
        order = {c.id: i for i, c in enumerate(group)}
        nodes = sorted(
            figures.values(), key=lambda c: (published.get(c.article) or "", order[c.id])
        )
        for i, a in enumerate(nodes):
            for b in _neighbours(nodes, i):
                if a.article != b.article:
                    relation = relate(a, b, published)
                    if relation and relation.type != "attribution_dropped":
                        relations.append(relation)
    return relations


def _neighbours(nodes: list[Claim], i: int) -> Iterator[Claim]:
    """Yield the figures after nodes[i] (by date) to compare it with: up to the
    MAX_FIGURE_NEIGHBOURS-th other figure value, so many sources repeating one figure do not
    crowd the rival figures out of reach; never more than MAX_FIGURE_SCAN figures."""
    own = nodes[i].interval
    values: set[tuple[float, float]] = set()
    for b in nodes[i + 1 : i + 1 + MAX_FIGURE_SCAN]:
        if b.interval != own:
            values.add(b.interval)
            if len(values) > MAX_FIGURE_NEIGHBOURS:
                return
        yield b


def _article_pairs(claims: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Yield the pairs of one article's statements to relate: every pair in an article of
    ordinary size; in one with more than MAX_ARTICLE_STATEMENTS (a flattened listing, a hostile
    file), each with its next MAX_FIGURE_NEIGHBOURS in text order, so the cost stays linear."""
    if len(claims) <= MAX_ARTICLE_STATEMENTS:
        yield from combinations(claims, 2)
        return
    ordered = sorted(claims, key=lambda c: c.start)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 : i + 1 + MAX_FIGURE_NEIGHBOURS]:
            yield a, b


def _one_source_per_statement(
    found: list[Relation | None], by_id: dict[str, Claim], published: dict[str, str | None]
) -> list:
    """Keep one `attribution_dropped` per outlet statement: the source it repeats most closely.

    A headline's "five" matches the militia's 5 exactly and an official's "at least 3" only
    loosely; it repeats the first. The looser pairs become ordinary interval relations.
    """
    chosen: dict[str, Relation] = {}
    for r in found:
        if (
            r
            and r.type == "attribution_dropped"
            and interval_relation(by_id[r.a], by_id[r.b]) != "agrees"
        ):
            stated, source = by_id[r.a], by_id[r.b]
            rank = (interval_relation(stated, source) != "agrees", source.start)
            best = chosen.get(r.a)
            if best is None or rank < (
                interval_relation(stated, by_id[best.b]) != "agrees",
                by_id[best.b].start,
            ):
                chosen[r.a] = r
    # Statements that repeat some source's figure exactly: their looser pairs all step down.
    repeat_exactly = {
        r.a
        for r in found
        if r
        and r.type == "attribution_dropped"
        and interval_relation(by_id[r.a], by_id[r.b]) == "agrees"
    }
    kept = []
    for r in found:
        if r is None:
            continue
        exact = (
            r.type == "attribution_dropped"
            and interval_relation(by_id[r.a], by_id[r.b]) == "agrees"
        )
        if (
            r.type == "attribution_dropped"
            and not exact
            and (chosen.get(r.a) is not r or r.a in repeat_exactly)
        ):
            r = relate(by_id[r.a], by_id[r.b], published, attribution=False)
        kept.append(r)
    return kept


def build_graph(
    articles: list[Article], claims: list[Claim], events: list[Event], relations: list[Relation]
) -> nx.MultiDiGraph:
    """Return the graph: nodes for articles, sources, claims, events; edges for their links.

    Attributes are plain strings and numbers (an open end is left out), so GraphML and GEXF
    carry them as they are. An outlet's own statements are that outlet's source node. Nodes
    have a `type` (article, source, claim, event); edges a `relation` (attributed_to,
    reported_in, about, or a claim relation with its `note`): GEXF reserves an edge's `type`.
    """
    g = nx.MultiDiGraph()
    outlet_of = {}
    for article in articles:
        outlet_of[article.id] = article.outlet or Path(article.path).stem or article.id
        g.add_node(article.id, type="article", title=article.title, outlet=article.outlet,
                   path=article.path, url=article.url, published=article.published or "")  # fmt: skip
    for event in events:
        g.add_node(event.id, type="event", label=event.label, date=event.date or "")
    for claim in claims:
        if claim.source_role == OUTLET:
            outlet = outlet_of.get(claim.article, claim.article)
            source_node, name = f"source:outlet:{outlet}", f"{outlet} (own report)"
        else:
            source_node, name = f"source:{claim.source_norm}", claim.source
        g.add_node(source_node, type="source", name=name, role=claim.source_role)
        numbers = {k: v for k, v in (("low", claim.low), ("high", claim.high)) if v is not None}
        g.add_node(claim.id, type="claim", kind=claim.kind, stated=claim.stated,
                   qualifier=claim.qualifier, sentence=claim.sentence, article=claim.article,
                   start=claim.start, end=claim.end, event=claim.event, **numbers)  # fmt: skip
        g.add_edge(claim.id, source_node, relation="attributed_to")
        g.add_edge(claim.id, claim.article, relation="reported_in")
        if claim.event:
            g.add_edge(claim.id, claim.event, relation="about")
    for relation in relations:
        g.add_edge(relation.a, relation.b, relation=relation.type, note=relation.note)
    return g
