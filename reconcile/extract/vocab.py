"""Word lists the extraction grammar is built from: kinds of counts, reporting verbs, blockers.

These are data, not logic: to teach `reconcile` a new kind or a new way of saying "killed",
add words here (or call `register_kind`). Every list is plain lower-case words or phrases;
the grammar in `kinds.py` and `attribution.py` compiles them once at import.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class KindWords:
    """How text says that a figure counts one kind of thing.

    nouns: the counted noun itself says the kind ("27 injuries", "five deaths", "3 dead").
    predicates: a word after the counted noun ("five members were killed").
    verbs: a verb right before the figure ("killing at least 12", "kidnap 287 students").
    needs_action: the noun counts the kind only with an action word in the sentence
    ("two rockets hit", "struck two operations centres"), not on its own ("two centres opened").
    """

    nouns: list[str] = field(default_factory=list)
    predicates: list[str] = field(default_factory=list)
    verbs: list[str] = field(default_factory=list)
    needs_action: list[str] = field(default_factory=list)


KINDS: dict[str, KindWords] = {
    "killed": KindWords(
        nouns=["dead", "deaths", "fatalities", "bodies", "lives", "killed", "people dead",
               "corpses", "victims killed"],
        predicates=["killed", "dead", "died", "perished", "lost their lives", "lost his life",
                    "lost her life", "slain", "shot dead", "killed outright", "massacred",
                    "executed", "confirmed dead", "were killed"],
        verbs=["kill", "kills", "killed", "killing", "claimed the lives of", "left dead",
               "massacred", "executed", "shot dead"],
    ),
    "wounded": KindWords(
        nouns=["injuries", "wounded", "injured", "hurt"],
        predicates=["wounded", "injured", "hurt", "maimed", "hospitali[sz]ed with injuries"],
        verbs=["wound", "wounds", "wounded", "wounding", "injure", "injures", "injured",
               "injuring", "maimed"],
    ),
    "missing": KindWords(
        nouns=["missing", "hostages", "abductees", "captives", "kidnapped", "abducted"],
        predicates=["missing", "abducted", "kidnapped", "taken hostage", "held hostage",
                    "unaccounted for", "whisked away", "carried off", "seized", "taken captive",
                    "still held", "being held"],
        verbs=["abduct", "abducts", "abducted", "abducting", "kidnap", "kidnaps", "kidnapped",
               "kidnapping", "carried off", "seized", "took", "taking"],
    ),
    "arrested": KindWords(
        nouns=["arrests", "detainees", "in custody", "arrested", "detained"],
        predicates=["arrested", "detained", "apprehended", "in custody", "taken into custody",
                    "rounded up", "jailed"],
        verbs=["arrest", "arrests", "arrested", "arresting", "detain", "detains", "detained",
               "detaining", "apprehend", "apprehended", "apprehending", "rounded up"],
    ),
    "displaced": KindWords(
        nouns=["displaced", "homeless", "refugees", "internally displaced"],
        predicates=["displaced", "homeless", "fled", "lost their homes", "driven from their homes",
                    "forced from their homes", "forced to flee", "uprooted", "evacuated from their homes"],
        verbs=["displace", "displaces", "displaced", "displacing", "drove", "driven", "uprooted"],
    ),
    "strikes": KindWords(
        nouns=["strikes", "air strikes", "airstrikes", "air raids", "raids", "drone strikes",
               "missile strikes", "bombardments", "sorties", "series of strikes", "strike",
               "airstrike", "air strike", "raid", "shelling attacks"],
        predicates=[],
        verbs=["carried out", "launched", "conducted"],
        needs_action=["rockets", "missiles", "drones", "shells", "bombs", "rocket", "missile",
                      "drone", "shell", "bomb"],
    ),
    "attacks": KindWords(
        nouns=["attacks", "assaults", "ambushes", "bombings", "attack", "assault", "ambush",
               "bombing", "incidents of violence"],
    ),
    "targets": KindWords(
        needs_action=["targets", "sites", "facilities", "centres", "centers", "depots", "positions",
                      "bases", "nodes", "buildings", "warehouses", "command posts", "launchers",
                      "tunnels", "compounds", "installations", "headquarters", "facility",
                      "site", "centre", "center", "depot", "position", "base", "node", "target",
                      "compound", "installation", "launcher", "tunnel", "warehouse", "building"],
    ),
}

# Words that make "rockets", "centres" and the like into strikes or targets.
ACTION_WORDS = [
    "hit", "hits", "struck", "strike", "strikes", "destroyed", "destroying", "targeted",
    "targeting", "bombed", "bombing", "shelled", "landed", "slammed", "attack", "attacked",
    "damaged", "razed", "flattened", "pounded",
]

# A counted noun followed by one of these is not a harm count ("25 pupils came back",
# "4,000 people had been at the station"): stop looking for a kind word past it.
BLOCKERS = [
    "freed", "released", "rescued", "returned", "came back", "come back", "escaped", "were found",
    "survived", "recovered", "attended", "gathered", "marched", "protested", "lived", "live",
    "had been at", "were at", "were in", "work", "worked", "deployed", "mobilized", "mobilised",
    "sent", "arrived", "voted", "visited", "treated", "discharged", "were present",
    "remained", "stayed", "fired", "launched", "intercepted", "shot down", "were hospitalised",
]

# Nouns that, right after a figure, mean it is not a count of people or events.
NON_COUNT_NOUNS = [
    "percent", "per cent", "%", "years", "year", "months", "month", "weeks", "week", "days",
    "day", "hours", "hour", "minutes", "minute", "seconds", "decades", "km", "kilometres",
    "kilometers", "miles", "mile", "metres", "meters", "feet", "kg", "kilograms", "tonnes",
    "tons", "hectares", "dollars", "euros", "pounds", "dinars", "shekels", "naira", "rupees",
    "cars", "vehicles", "trucks", "tanks", "planes", "aircraft", "jets", "helicopters", "ships",
    "boats", "troops", "mourners", "protesters", "journalists", "votes", "seats", "pages",
    "times", "a.m", "p.m", "am", "pm", "o'clock", "gmt", "utc", "bn", "billion", "degrees",
    "square", "acres", "storeys", "floors", "items", "tons of", "litres", "liters",
]

# A figure right after one of these labels is a name or code, not a count ("Route 6").
NUMBER_LABELS = [
    "route", "highway", "road", "resolution", "article", "flight", "gate", "platform", "block",
    "building", "no.", "number", "page", "chapter", "section", "sector", "unit", "brigade",
    "division", "battalion", "station", "channel", "district", "zone", "phase", "level",
    "code", "room", "apartment", "street", "camp", "village", "area", "grade", "class", "covid-",
    "covid", "f-", "su-", "mig-", "ch-", "model", "version", "paragraph", "item", "line",
    "week", "day", "year", "aged", "age", "ages", "hour", "minute", "under-",
]

# Reporting verbs (the cue), as they follow a source: "X said", "X told Reuters".
SPEECH_VERBS = [
    "said", "says", "say", "told", "tells", "reported", "reports", "confirmed", "confirms",
    "claimed", "claims", "announced", "announces", "stated", "states", "added", "adds",
    "estimated", "estimates", "wrote", "writes", "tweeted", "posted", "noted", "notes",
    "warned", "insisted", "acknowledged", "revealed", "disclosed", "explained", "declared",
    "recorded", "registered", "counted", "documented", "put the number", "put the toll",
    "put the death toll", "raised", "revised", "updated", "quoted", "cited", "denied",
    "alleged", "indicated", "informed", "briefed", "testified", "recounted", "described",
    "according to",
]
# Multi-word cues where the source follows: "according to X", "citing X", "said X".
SOURCE_AFTER_CUES = ["according to", "citing", "quoting", "per"]

# Sentence openers that continue the previous sentence's attributed account.
CONTINUATIONS = [
    "a further", "another", "in addition", "also", "additionally", "of those", "of them",
    "among them", "he added", "she added", "it added", "they added", "that", "this",
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
    r"\brecent\b",
    r"to date",
    r"since it began",
    r"since then",
    r"in total since",
]

HEDGES = [
    "reportedly", "allegedly", "unconfirmed", "unverified", "could not be verified",
    "could not be independently verified", "feared", "believed to", "may have", "might have",
    "possibly", "is thought to", "are thought to", "rumou?red", "claimed", "denied",
]

# Words that, placed before a figure, make it a part of a total given with it.
BREAKDOWN_BEFORE = ["including", "among them", "among whom", "of whom", "of them", "among"]
BREAKDOWN_AFTER = [
    "among them", "among the dead", "among the victims", "among the injured", "among the wounded",
    "among those killed", "among those", "among the missing", "among the abducted",
    "were among", "are among", "of them", "of the dead", "of the injured", "of the wounded",
    "of the victims",
]


def register_kind(name: str, words: KindWords) -> None:
    """Add or replace a kind of count; call before the first extraction (lists compile then)."""
    KINDS[name] = words
