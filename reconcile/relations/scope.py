"""What a figure counts: a group ("nine children"), a side ("seven insurgents"), a place ("In
Ostrel, 1,444"), or one place, cause or state ("40 bodies recovered"): scope decides whether two
figures are rivals, a part and its total, or two different counts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from reconcile.model import Claim
from reconcile.places import find_places, joined_place_keys, place_key, same_place

if TYPE_CHECKING:
    from reconcile.relations.facts import Facts

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


# Groups that name a side rather than a part of the victims: a count of one side's dead
# ("seven insurgents", "12 Palestinians") is that side's count, not a breakdown of a toll.
SIDES = frozenset({"fighters", "soldiers", "police"})


def narrow(group: str) -> str:
    """Return a group word that names part of the victims; "" for a side (a people's name,
    fighters, soldiers, police) or for no group."""
    return "" if group and (group not in _GROUP_NAMES or group in SIDES) else group


def side_of(a: Claim, b: Claim, ga: str, gb: str) -> Claim | None:
    """Return the claim that counts only one side while the other counts everyone."""
    if ga and not gb and not narrow(ga):
        return a
    if gb and not ga and not narrow(gb):
        return b
    return None


def narrow_group(claim: Claim) -> str:
    """Return the narrower group a claim counts ("children"), "" for all victims or a people."""
    return narrow(subject_group(claim))


@lru_cache(maxsize=65536)
def _place_keys(place: str) -> frozenset[str]:
    return frozenset(place_key(p) for p in place.split("; ") if p)


def _claim_places(claim: Claim) -> frozenset[str]:
    """Return the keys of all the places a claim is about, its own or its lead's."""
    return _place_keys(claim.place)


@lru_cache(maxsize=65536)
def sentence_places(sentence: str) -> frozenset[str]:
    """Return the keys of the places a sentence names, with the ones coordinated after them
    ("in Velmora and Ostrel", "in Velmora, Ostrel and Kessa").

    A claim counts for its own sentence's places, not those it inherits from the lead: only a
    sentence that says where is a count for that place."""
    return frozenset(key for _, key in find_places(sentence))


@lru_cache(maxsize=65536)
def joined_places(sentence: str) -> frozenset[str]:
    """Return the keys of the places a sentence joins ("in Velmora and Ostrel")."""
    return joined_place_keys(sentence)


def _within(inner: frozenset[str], outer: frozenset[str]) -> bool:
    """Return True when every place of `inner` is one of `outer`'s, and `outer` has more."""
    return len(inner) < len(outer) and all(any(same_place(i, o) for o in outer) for i in inner)


def different_places(fa: Facts, fb: Facts) -> str:
    """Return "X and Y" when one report counts for places that share nothing, else ""."""
    if fa.claim.article != fb.claim.article:
        return ""
    pa, pb = fa.places, fb.places
    if not pa or not pb or any(same_place(x, y) for x in pa for y in pb):
        return ""
    return " and ".join(sorted({"; ".join(sorted(pa)).title(), "; ".join(sorted(pb)).title()}))


def part_of_total(fa: Facts, fb: Facts) -> Claim | None:
    """Return the claim that counts only part of what the other counts: a narrower group
    ("nine children" against "40 people") or one place, cause or state ("40 bodies recovered",
    "98 taken to hospital").

    A people's name ("12 Palestinians") says who the dead were, not a part of them: against a
    plain toll it is the same count; against a narrower group ("five children") it is the total.
    """
    a, b = fa.claim, fb.claim
    ga, gb = fa.narrow, fb.narrow
    if bool(ga) != bool(gb):
        return a if ga else b
    # "killing more than 4,300 in Velmora and Ostrel ... In Ostrel, 1,444 were killed": a
    # figure its sentence gives for one of the places is part of the figure another sentence
    # gives for all of them. Across reports only against places the total's sentence joins
    # ("in Velmora and Ostrel"), not a chain of nested places ("at Bahanaga Bazar in Odisha's
    # Balasore district"), which one report names in full and another in part.
    pa, pb = fa.places, fb.places
    same_report = a.article == b.article
    if pa and _within(pa, pb if same_report else fb.joined_places()):
        return a
    if pb and _within(pb, pa if same_report else fa.joined_places()):
        return b
    if ("partial" in fa.cues) != ("partial" in fb.cues):
        return a if "partial" in fa.cues else b
    return None
