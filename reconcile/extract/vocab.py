"""Word lists the extraction grammar is built from: kinds of counts, reporting verbs, blockers.

These are data, not logic: to teach `reconcile` a new kind or a new way of saying "killed",
add words here (or call `register_kind`). Every list is plain lower-case words or phrases;
the grammar in `kinds.py` and `attribution.py` compiles them once at import.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from importlib import resources


@dataclass
class KindWords:
    """How text says that a figure counts one kind of thing.

    nouns: the counted noun itself says the kind ("27 injuries", "five deaths", "3 dead").
    predicates: a word after the counted noun ("five members were killed").
    verbs: a verb right before the figure ("killing at least 12", "kidnap 287 students").
    needs_action: the noun counts the kind only with an action word in the sentence
    ("two rockets hit", "struck two operations centres"), not on its own ("two centres opened").
    toll_words: what follows "the number of" or "the number still" ("the number of dead").
    zero_words: what follows "no" or "denied that anyone was" ("no deaths", "no one was hurt").
    participles: the kind's adjective forms ("98 injured people", "the 12 dead").
    breakdown_words: what follows "the" in a breakdown ("the dead included five children").
    running: how a running count of the kind moves: "rises" (a later, higher figure updates an
    earlier one), "falls" (a later, lower count of those still in that state updates it: the
    missing), or "" (neither).
    families: the incident families the kind is counted in ("violence", "disaster"); empty
    for all (a fire's destroyed buildings are not targets).
    """

    nouns: list[str] = field(default_factory=list)
    predicates: list[str] = field(default_factory=list)
    verbs: list[str] = field(default_factory=list)
    needs_action: list[str] = field(default_factory=list)
    toll_words: list[str] = field(default_factory=list)
    zero_words: list[str] = field(default_factory=list)
    participles: list[str] = field(default_factory=list)
    breakdown_words: list[str] = field(default_factory=list)
    running: str = ""
    families: list[str] = field(default_factory=list)


def _load_kinds() -> dict[str, KindWords]:
    """Return the built-in kinds from data/kinds.json: the one place a kind's words live."""
    text = resources.files("reconcile").joinpath("data/kinds.json").read_text("utf-8")
    return {
        name: KindWords(**fields)
        for name, fields in json.loads(text).items()
        if not name.startswith("_")
    }


KINDS: dict[str, KindWords] = _load_kinds()

# How attribution uses a noun that names a source (data/source_nouns.csv says what each means).
SOURCE_LISTS = ("speaker", "anaphor", "person", "institution")


def _load_source_nouns() -> dict[str, list[str]]:
    """Return each list's words from data/source_nouns.csv, phrases with their spaces."""
    text = resources.files("reconcile").joinpath("data/source_nouns.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    nouns: dict[str, list[str]] = {name: [] for name in SOURCE_LISTS}
    for row in rows:
        for name in row["lists"].split():
            if name not in nouns:
                raise ValueError(f"source_nouns.csv: unknown list {name!r} for {row['word']!r}")
            nouns[name].append(row["word"].replace("_", " "))
    return nouns


SOURCE_NOUNS: dict[str, list[str]] = _load_source_nouns()

# Words that make "rockets", "centres" and the like into strikes or targets.
ACTION_WORDS = [
    "hit",
    "hits",
    "struck",
    "strike",
    "strikes",
    "destroyed",
    "destroying",
    "targeted",
    "targeting",
    "bombed",
    "bombing",
    "shelled",
    "landed",
    "slammed",
    "attack",
    "attacked",
    "razed",
    "flattened",
    "pounded",
]

# A counted noun followed by one of these is not a harm count ("25 pupils came back",
# "4,000 people had been at the station"): stop looking for a kind word past it.
BLOCKERS = [
    "freed",
    "released",
    "rescued",
    "returned",
    "came back",
    "come back",
    "escaped",
    "walked back",
    "were found",
    "survived",
    "recovered",
    "attended",
    "gathered",
    "marched",
    "protested",
    "lived",
    "live",
    "had been at",
    "were at",
    "were in",
    "work",
    "worked",
    "deployed",
    "mobilized",
    "mobilised",
    "sent",
    "arrived",
    "voted",
    "visited",
    "treated",
    "discharged",
    "were present",
    "remained",
    "stayed",
    "fired",
    "launched",
    "intercepted",
    "shot down",
    "were reunited",
    "reunited",
    "were found alive",
]

# Nouns that, right after a figure, mean it is not a count of people or events.
NON_COUNT_NOUNS = [
    # Counted things that are never people: a harm word later in the clause is about someone
    # else ("destroyed 2,200 structures and killed at least 96"). ("buildings", "schools" are
    # targets of strikes: the kinds registry has them.)
    "structures",
    # A count of households is not a count of people ("16,000 households displaced").
    "households",
    # Remains counted as pieces are no count of the dead ("221 bodies and 166 body parts").
    "body parts",
    "remains",
    "homes",
    "houses",
    "properties",
    "businesses",
    "apartments",
    "animals",
    "livestock",
    "cattle",
    "villages",
    "towns",
    "cities",
    "provinces",
    "districts",
    "countries",
    "states",
    "counties",
    "regions",
    "neighbourhoods",
    "neighborhoods",
    "percent",
    "per cent",
    "%",
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "hours",
    "hour",
    "minutes",
    "minute",
    "seconds",
    "decades",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "mile",
    "metres",
    "meters",
    "feet",
    "kg",
    "kilograms",
    "tonnes",
    "tons",
    "hectares",
    "dollars",
    "euros",
    "pounds",
    "dinars",
    "shekels",
    "naira",
    "rupees",
    "cars",
    "vehicles",
    "trucks",
    "tanks",
    "planes",
    "aircraft",
    "jets",
    "helicopters",
    "ships",
    "boats",
    "votes",
    "seats",
    "pages",
    "times",
    "a.m",
    "p.m",
    "am",
    "pm",
    "o'clock",
    "gmt",
    "utc",
    "bn",
    "billion",
    "degrees",
    "square",
    "acres",
    "storeys",
    "floors",
    "items",
    "tons of",
    "litres",
    "liters",
]

# A figure right after one of these labels is a name or code, not a count ("Route 6").
NUMBER_LABELS = [
    "route",
    "highway",
    "road",
    "resolution",
    "article",
    "flight",
    "gate",
    "platform",
    "block",
    "building",
    "no.",
    "number",
    "page",
    "chapter",
    "section",
    "sector",
    "unit",
    "brigade",
    "division",
    "battalion",
    "station",
    "channel",
    "district",
    "region",
    "ward",
    "precinct",
    "terminal",
    "pier",
    "exit",
    "tower",
    "zone",
    "phase",
    "level",
    "code",
    "room",
    "apartment",
    "street",
    "camp",
    "village",
    "area",
    "grade",
    "class",
    "covid-",
    "covid",
    "f-",
    "su-",
    "mig-",
    "ch-",
    "model",
    "version",
    "paragraph",
    "item",
    "line",
    "week",
    "day",
    "year",
    "aged",
    "age",
    "ages",
    "hour",
    "minute",
    "under-",
]

# Reporting verbs and nouns (the cues) are data: reconcile/data/reporting_verbs.csv.

# Sentence openers that continue the previous sentence's attributed account.
CONTINUATIONS = [
    "a further",
    "another",
    "in addition",
    "also",
    "additionally",
    "of those",
    "of them",
    "among them",
    "he added",
    "she added",
    "it added",
    "they added",
    "that",
    "this",
]

# Words for a time span that make a count cumulative rather than one incident's.
CUMULATIVE_SCOPE = [
    r"since (?:the start of |the beginning of )?(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|"
    r"dec|\d{4}|the war|the conflict|the start|last|early|mid|late)",
    r"so far this (?:year|month|week)",
    r"this year",
    r"in the past \w+ (?:years|months|weeks|days)",
    r"over the past \w+ (?:years|months|weeks|days)",
    r"over the (?:last|past) (?:year|month|week|decade)",
    r"in recent (?:weeks|months|years|days)",
    # "dozens of recent attacks": a series. Not "recent reports", nor "the recent floods" (the
    # incident itself).
    r"\brecent(?=\s+(?:attacks|strikes|raids|clashes|bombings|shootings|incidents|violence|"
    r"fighting|weeks|months|years)\b)",
    r"to date",
    r"since it began",
    r"since then",
    r"in total since",
]

HEDGES = [
    "reportedly",
    "allegedly",
    "unconfirmed",
    "unverified",
    "could not be verified",
    "could not be independently verified",
    "feared",
    "believed to",
    "may have",
    "might have",
    "could be",
    "may be",
    "might be",
    "possibly",
    "is thought to",
    "are thought to",
    "rumou?red",
    "claimed",
    "denied",
]

# Incident words by class (events read them as triggers, attribution as a topic, never a
# source: "Blast at market: 40 killed"); classes in one family describe the same kind of incident.
INCIDENT_WORDS: dict[str, list[str]] = {
    "strike": ["air strike", "air strikes", "airstrike", "airstrikes", "strike", "strikes",
               "drone strike", "bombardment", "shelling", "missile", "missiles",
               "rocket", "rockets", "raid", "raids", "operation", "offensive", "incursion",
               # Setting fire is an attack, not a fire: "hit four posts and set fire to a depot".
               "set fire", "set fire to", "set ablaze", "torched",
               "attack", "attacks", "assault", "ambush", "clashes", "fighting", "battle"],
    "explosion": ["explosion", "explosions", "blast", "blasts", "detonation", "explosives",
                  "bombing", "bombings", "car bomb", "car bombing", "suicide bombing", "bomb"],
    "abduction": ["abduction", "abductions", "kidnapping", "kidnappings", "abducted",
                  "kidnapped", "hostage", "hostages", "abductors", "kidnappers", "abduct",
                  "abducts", "kidnap", "kidnaps"],
    "shooting": ["shooting", "shootings", "gunfire", "gunmen", "gunman", "opened fire",
                 "open fire", "opens fire", "fire on", "fired on", "fires on", "fired at",
                 "live rounds", "live fire", "shot"],
    "ramming": ["ramming", "car-ramming", "car ramming", "rammed", "rams", "stabbing", "stabbed",
                "stabs"],
    # Natural and technological disasters, in the words of disaster databases (EM-DAT's types).
    "disaster": ["earthquake", "earthquakes", "quake", "quakes", "tremor", "aftershock",
                 "aftershocks", "tsunami", "flood", "floods", "flooding", "flash flood", "fire",
                 "fires", "wildfire", "wildfires", "blaze", "inferno", "storm", "cyclone",
                 "hurricane", "typhoon", "tornado", "landslide", "landslides", "mudslide",
                 "avalanche", "eruption", "drought", "heatwave", "collapse", "crash",
                 "derailment", "derailed", "collision", "shipwreck", "sinking", "capsized",
                 "stampede", "crush", "crowd crush"],
}  # fmt: skip
# Nouns that name people by the role an incident gave them, not by their state: what befell
# them is said by the verb after ("26 hostages killed", "18 victims undergoing treatment").
ROLE_NOUNS = frozenset({
    "victim", "victims", "hostage", "hostages", "captive", "captives", "abductee", "abductees",
    "casualties",
})  # fmt: skip
# The incident words that name people, who can speak: "the gunmen said", "hostages told".
ACTOR_WORDS = frozenset({"gunmen", "gunman", "hostage", "hostages", "abductors", "kidnappers"})


# Words that, placed before a figure, make it a part of a total given with it.
BREAKDOWN_BEFORE = [
    "including",
    "included",
    "include",
    "includes",
    "among them",
    "among whom",
    "of whom",
    "of them",
    "among",
]
BREAKDOWN_AFTER = [
    "among them",
    "among the dead",
    "among the victims",
    "among the injured",
    "among the wounded",
    "among those killed",
    "among those",
    "among the missing",
    "among the abducted",
    "were among",
    "are among",
    "of them",
    "of the dead",
    "of the injured",
    "of the wounded",
    "of the victims",
]


# Kinds added at run time, beyond the built-in ones: `Settings.current()` carries them to
# worker processes.
REGISTERED: dict[str, KindWords] = {}
# Bumped by every registration: the compiled grammar is kept per version of the kinds.
KINDS_VERSION = 0


def register_kind(name: str, words: KindWords) -> None:
    """Add or replace a kind of count in this process (and in the workers a pipeline started
    after this call); the grammar is recompiled on the next extraction."""
    global KINDS_VERSION
    KINDS[name] = words
    REGISTERED[name] = words
    KINDS_VERSION += 1  # the grammar (extract/kinds.py) compiles again for a new version
