"""Place names: find them in a sentence and reduce spelling variants to one key.

"Jurf al Sakhar", "Jurf al-Sakhar" and "Jurf as-Sakhar" share a key by rule (case, accents,
hyphens and the Arabic article are dropped); names that differ more ("Jurf al-Nasr", the town's
official name) are joined through the alias table `data/places.csv`, which users can extend with
`--places FILE` (two columns: alias, canonical).
"""

from __future__ import annotations

import csv
import re
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz
from unidecode import unidecode

from reconcile.dates import MONTHS

_ARTICLE = re.compile(r"\b(?:al|el|as|ash|ad|an|ar|at|az|the)[\s-]+", re.I)
_PARTICLE = r"(?:al|el|as|ash|ad|an|ar|at|az|ul|bin|ibn|de|del|la|le|du|van|von)"
# Words that describe a place before its name: "in the besieged Gaza Strip", "in northern Gaza".
_PLACE_ADJECTIVES = (
    r"(?:(?:north|south)(?:-?(?:east|west))?ern|eastern|western|central|occupied|besieged|"
    r"blockaded|embattled|war-torn|coastal|restive|remote|rural|southeastern|northeastern|"
    r"southwestern|northwestern|flooded|devastated|historic|neighbou?ring|nearby|adjoining|"
    r"(?:hard|hardest|worst|quake|flood|storm)-hit)"
)
# "in Ostrel", "near Jurf al Sakhar", "south of Velmora": a capitalised name after a preposition
# (or after the verb of what struck it).
PLACE_RE = re.compile(
    # The first letters of the words below, so `re` skips other positions quickly.
    r"(?=[iIaAnNoOfFsSeEwWcCtTvVpPrRdDhHjJbB])"
    r"(?:\b(?i:in|at|near|outside|inside|around|across|from|into|on|off)"
    # What a disaster or an attack struck is a place: "the quake that hit Velmora".
    r"|\b(?i:struck|hit|hits|rocked|rocks|jolted|jolts|shook|shakes|devastated|devastates|"
    r"ravaged|ravages|battered|batters|flattened|(?:swept|sweeps|tore|tears|ripped|rips)"
    r"\s+through)|(?i:south|north|east|"
    r"west|outskirts|city|town|village|province|region|district|stronghold|suburbs?|heart|"
    r"centre|center|coast|island|shores?|waters)\s+of)[ \t]+(?:the[ \t]+)?(?:"
    + _PLACE_ADJECTIVES
    + r"[ \t]+)?"
    r"(?P<place>[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'-]+(?:(?:[ \t]+|-)(?:" + _PARTICLE + r"(?:[ \t]+|-))?"
    # A title-case headline's next preposition ends the name: "Raid In Kelbara".
    r"(?!(?:In|At|On|And|For|To|After|As|With|From|By|Near|Of|The|Amid|Over|Into)\b)"
    r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'-]+){0,3})"
)
# A named building or site after "of" ("the children's ward of St. Mark's General Hospital",
# "the roof of Dorvana Central Station"): the word for the kind of site must end the name.
FACILITY_WORDS = (
    "Hospital", "Clinic", "School", "College", "University", "Station", "Market", "Mosque",
    "Church", "Cathedral", "Temple", "Camp", "Port", "Airport", "Base", "Bridge", "Square",
    "Hall", "Mall", "Stadium", "Prison", "Centre", "Center", "Hotel", "Factory", "Mine",
)  # fmt: skip
FACILITY_RE = re.compile(
    r"\bof[ \t]+(?:the[ \t]+)?(?P<place>(?:St\.?[ \t]+)?[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'-]+(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'-]+){0,3}?"
    r"[ \t]+(?:" + "|".join(FACILITY_WORDS) + r"))\b"
)
# Capitalised words after a preposition that are not places.
NOT_PLACES = {
    *(m.title() for m in MONTHS),
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "Hezbollah", "Hamas", "Israel's", "Reuters", "AFP", "AP", "Twitter", "X", "Facebook",
    "Telegram", "Ramadan", "Christmas", "Eid", "President", "Prime", "Minister", "Ministry",
    "Health", "Defence", "Defense", "Interior", "Army", "Police", "Red", "United", "The",
    "Palestinian", "Israeli", "Iraqi", "Syrian", "Ukrainian", "Russian", "American", "US",
    "UN", "Islamic", "Popular", "Government", "State", "Council", "Gen", "Brig", "Col",
}  # fmt: skip
# Capitalised words a text's furniture and reporting use that are not places: section labels,
# units of a hospital, currencies ("Rs 15 crore").
NOT_PLACES |= {
    "Summary", "Update", "Updates", "Live", "Photo", "Photos", "Video", "Videos", "Related",
    "Breaking", "Opinion", "Analysis", "Advertisement", "Getty", "Image", "Images", "Credit",
    "Read", "Watch", "Listen", "Share", "Subscribe", "Home", "Section", "Editor", "Editorial",
    "Comments", "Timeline", "Background", "Context", "Explainer", "ICU", "Intensive", "Emergency",
    "Casualty", "Trauma", "Rs", "INR", "USD", "EUR", "GBP", "Tk", "Dh", "Ksh", "Naira", "Rupees",
    "Dollars", "Euros", "Pounds", "Israelis", "Iraqis", "Pakistanis", "Somalis", "Yemenis",
    "Saudis", "Kuwaitis", "Bangladeshis", "Afghans", "Nepalis", "Halloween", "Easter",
    "Thanksgiving", "Diwali", "Hanukkah", "Passover", "Lent", "New Year", "Independence",
    # Title-case idioms after a preposition: "At Least 39 Killed", "In Pictures", "At Dawn".
    "Least", "Most", "Large", "Once", "First", "Last", "Night", "Dawn", "Noon", "Midnight",
    "Risk", "Odds", "Fault", "Stake", "Pictures", "Depth", "Focus", "Brief", "Full", "Numbers",
    "Total", "Addition", "Response", "Reaction", "Memory", "Honour", "Honor", "Talks", "Hospital",
    "Custody", "Critical", "Serious", "Stable", "Hand", "Time", "Times", "Power", "Office",
    "Charge", "Control", "Place", "Front", "Danger", "Mourning", "Shock", "Tears", "Pain",
}  # fmt: skip
# Acronyms that are places; any other all-capital short word ("GRP", "ICU", "NDRF") is not.
PLACE_ACRONYMS = {"UK", "UAE", "USA", "DRC", "CAR", "KSA", "NYC", "DC"}
# Last words of names of organisations, vehicles and named events, which follow "in" and "at"
# as places do ("in Harbour Television", "in the Northern Star Express", "at the Internal
# Security Forces"), as named-entity gazetteers list them.
NOT_PLACE_HEADS = {
    "forces", "force", "television", "tv", "radio", "express", "agency", "ministry",
    "service", "services", "committee", "council", "office", "police", "army", "party", "front",
    "corps", "company", "news", "times", "post", "network", "channel", "commission", "authority",
    "department", "court", "bureau", "organisation", "organization", "union", "association",
    "society", "foundation", "institute", "bank", "airlines", "railways", "summit", "conference",
    "festival", "cup", "league", "games", "championship", "brigade", "brigades",
    "battalion", "movement", "group", "fund", "programme", "program", "mission", "guard",
    # A state of things in a title-case headline: "19 Injured in Drought Conditions".
    "conditions", "weather", "heatwave", "heat", "chaos", "crisis", "custody", "day", "eve",
}  # fmt: skip
# Words for what happened, which a title-case headline runs on after the place ("In Velmora
# Station Attack", "Velmora Train Accident"): dropped from the end of the name.
EVENT_HEADS = {
    "attack", "attacks", "accident", "crash", "disaster", "tragedy", "massacre", "blast",
    "explosion", "bombing", "collision", "raid", "strike", "strikes", "fire", "shooting",
    "stampede", "crush", "flood", "floods", "quake", "earthquake", "siege", "clashes", "toll",
    "death", "deaths", "dead", "killed", "kills", "victims",
}  # fmt: skip
_DEMONYM_PLURAL = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][a-z]+(?:ians|ans|ese)$")
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
# A capitalised word followed by one of these is an adjective ("US strikes", "Iraqi forces").
_ATTRIBUTIVE = re.compile(
    r"\s+(?:strikes?|attacks?|forces|officials?|troops|militias?|army|military|government|"
    r"president|soldiers|fighters|support|operations?|authorities|war|police|citizens?|side|"
    r"bases?|embassy|spokes\w+|jets?|aircraft|drones?|media|sources?|statement|officers?|"
    r"ministry|minister|health|defence|defense|military|security|interior|members?|group|"
    # "in the North African nation", "on Algerian radio": a people's adjective, not a place.
    r"nation|country|state\s+media|radio|television|tv|news|people|coast\s+guard)\b"
)


# Letters transliterations swap ("Qashvar" / "Kashvar", "Kharkiv" / "Karkiv", "Wadi" / "Vadi").
_PHONETIC_MAP = {"kh": "k", "gh": "g", "q": "k", "ck": "k", "c": "k", "ph": "f", "w": "v",
                 "dh": "d", "th": "t"}  # fmt: skip
_PHONETIC = re.compile("|".join(sorted(_PHONETIC_MAP, key=len, reverse=True)))


@lru_cache(maxsize=65536)
def place_skeleton(key: str) -> str:
    """Return a spelling-tolerant form of a place key: each word's first letter and consonants.

    Transliterated names vary mostly in vowels, doubled letters and a few letters that stand for
    one sound ("Tal Hamra", "Tel al-Hamra", "Tell Hamra"; "Dar Salem", "Dar al-Salam"; "Nkora",
    "N'Kora"; "Qashvar", "Kashvar"), so these share a skeleton.
    """
    words = []
    for word in key.replace("'", "").split():
        if word in _GENERIC_PLACE_WORDS:
            continue
        word = _PHONETIC.sub(lambda m: _PHONETIC_MAP[m.group(0)], word)
        skeleton = word[0] + re.sub(r"[aeiouy]", "", word[1:])
        words.append(re.sub(r"(.)\1+", r"\1", skeleton))
    return " ".join(words) or key


# Words that say what kind of place a name is, not which: "St Mark's General Hospital", "the
# St Mark" and "Mark hospital" are one place.
_GENERIC_PLACE_WORDS = {
    "state", "province", "city", "town", "village", "district", "region", "governorate",
    "county", "municipality", "camp", "refugee", "oblast", "raion", "st", "saint", "general",
    "hospital", "clinic", "school", "college", "university", "station", "railway", "train",
    "market", "mosque", "church", "cathedral", "temple", "port", "harbour", "harbor", "airport",
    "base", "square", "street", "road", "bridge", "hall", "centre", "center", "mall", "stadium",
    "prison", "neighbourhood", "neighborhood", "quarter", "area", "of", "and",
}  # fmt: skip
FUZZY_PLACE_SCORE = 85  # rapidfuzz ratio (0-100) at which two place cores are one spelling


@lru_cache(maxsize=65536)
def place_core(key: str) -> str:
    """Return a place key without the words for kinds of place ("st mark general hospital" ->
    "mark"), or the key itself when nothing else is left."""
    words = [w for w in key.split() if w not in _GENERIC_PLACE_WORDS]
    return " ".join(words) or key


def same_place(a: str, b: str) -> bool:
    """Return True when two place keys name one place: equal skeletons, one core's words
    inside the other's ("mark" / "st mark general hospital"), or cores that differ by a
    letter or two of transliteration ("velmorsk" / "velmorhsk")."""
    if a == b or place_skeleton(a) == place_skeleton(b):
        return True
    ca, cb = place_core(a), place_core(b)
    wa, wb = set(ca.split()), set(cb.split())
    if wa <= wb or wb <= wa:
        return True
    return min(len(ca), len(cb)) >= 5 and fuzz.ratio(ca, cb) >= FUZZY_PLACE_SCORE


@lru_cache(maxsize=65536)
def place_key(name: str) -> str:
    """Return the key shared by spellings of one place ("Jurf al-Sakhar" -> "jurf sakhar")."""
    s = unidecode(name).lower().replace("’", "'")
    s = re.sub(r"'s\b", "", s)  # "St Mark's hospital" -> "st mark hospital"
    s = re.sub(r"(?<=\w)'(?=\w)", "", s)  # N'Kora -> nkora
    s = _ARTICLE.sub(" ", s)
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    return aliases().get(s, s)


@cache
def aliases() -> dict[str, str]:
    """Return the alias table: key of an alias -> key of its canonical name."""
    table: dict[str, str] = {}
    text = resources.files("reconcile").joinpath("data/places.csv").read_text("utf-8")
    _load(text.splitlines(), table)
    return table


@cache
def countries() -> frozenset[str]:
    """Return the country names news writes (data/countries.csv), lower case."""
    text = resources.files("reconcile").joinpath("data/countries.csv").read_text("utf-8")
    rows = [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]
    return frozenset(row.lower() for row in rows[1:])


def is_country(name: str) -> bool:
    """Return True when a name is a country's ("Russia", "South Korea", "the Philippines")."""
    return name.strip().lower() in countries()


# Aliases added at run time (alias, canonical): `Settings.current()` carries them to workers.
ADDED: list[tuple[str, str]] = []


def add_aliases(path: str | Path) -> None:
    """Add the rows of a user's alias CSV (alias, canonical) to the table."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = [(r[0], r[1]) for r in csv.reader(handle) if len(r) >= 2]
    add_alias_rows(rows)


def add_alias_rows(rows: list[tuple[str, str]]) -> None:
    """Add (alias, canonical) rows to the table of this process."""
    _load_rows(rows, aliases())
    ADDED.extend(rows)
    place_key.cache_clear()  # keys worked out before the new aliases are stale
    find_place_chains.cache_clear()


def _load(lines: list[str], table: dict[str, str]) -> None:
    _load_rows([(row[0], row[1]) for row in csv.reader(lines) if len(row) >= 2], table)


def _load_rows(rows: list[tuple[str, str]], table: dict[str, str]) -> None:
    for alias, canonical in rows:
        if alias.strip() and not alias.startswith("#") and alias.strip().lower() != "alias":
            table[_raw_key(alias)] = _raw_key(canonical)


def _raw_key(name: str) -> str:
    s = unidecode(name).lower()
    s = _ARTICLE.sub(" ", s)
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def find_places(sentence: str) -> list[tuple[str, str]]:
    """Return (name as written, key) for the places a sentence locates things in."""
    return [place for chain in find_place_chains(sentence) for place in chain]


def joined_place_keys(sentence: str) -> frozenset[str]:
    """Return the keys of the places a sentence joins with "and" or commas ("in Velmora and
    Ostrel"): the places a combined figure is given for. Empty when it joins none."""
    return frozenset(
        key for chain in find_place_chains(sentence) if len(chain) > 1 for _, key in chain
    )


# Read once per sentence text: framing reads every sentence of an article, and wire copies and
# a story's updates repeat whole sentences. Cleared with place_key when aliases are added.
@lru_cache(maxsize=1 << 15)
def find_place_chains(sentence: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    """Return the places of a sentence as chains: each found place with those joined to it."""
    found: list[tuple[tuple[str, str], ...]] = []
    for match in PLACE_RE.finditer(sentence):
        name = match.group("place").rstrip("’'")
        name = re.sub(r"['’]s$", "", name)
        words = name.split()
        while len(words) > 1 and words[-1].lower() in EVENT_HEADS:
            words.pop()
        if words[-1].lower() in EVENT_HEADS:
            continue
        name = " ".join(words)
        first = name.split()[0].split("-")[0]
        if first in NOT_PLACES or name in NOT_PLACES or not _may_be_place(name):
            continue
        if _ATTRIBUTIVE.match(sentence, match.end("place")):
            continue
        region = _REGION_AFTER.match(sentence, match.end("place"))
        if region and not is_region(name):
            name = f"{name} {region.group('word')}"  # the region word shows what it is
        found.append(((name, place_key(name)), *_joined_after(sentence, match.end("place"))))
    if " of " in sentence:
        for match in FACILITY_RE.finditer(sentence):
            name = match.group("place")
            if name.split()[0] not in NOT_PLACES and _may_be_place(name):
                found.append(((name, place_key(name)),))
    return tuple(found)


# Places joined to a found one: "in Velmora and Ostrel", "in Velmora, Ostrel and Kessa".
_JOINED = re.compile(
    r"(?:,[ \t]*|[ \t]+and[ \t]+)(?:the[ \t]+)?(?P<name>[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'-]+(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'-]+){0,2})"
)


def _joined_after(sentence: str, end: int) -> list[tuple[str, str]]:
    """Return the places coordinated right after a place that ends at `end`."""
    joined = []
    # One anchored match at a time: a scan for the next match would read the rest of the
    # sentence for every place, quadratic in a long one.
    while match := _JOINED.match(sentence, end):
        name = match.group("name").rstrip("’'")
        first = name.split()[0]
        if first in NOT_PLACES or name in NOT_PLACES or name.split()[-1].lower() in EVENT_HEADS:
            break
        if not _may_be_place(name):
            break
        if _ATTRIBUTIVE.match(sentence, match.end("name")):
            break
        joined.append((name, place_key(name)))
        end = match.end()
    return joined


# Words after a name that make it a region ("in the Hasab province", "the Berezan region"):
# a region two reports share does not make their incidents, at two towns in it, one.
# Only the large units: a district or county is often where an incident happened.
REGION_WORDS = {
    "region", "province", "state", "oblast", "governorate", "prefecture", "territory",
}  # fmt: skip
_REGION_AFTER = re.compile(r"[ \t]+(?P<word>" + "|".join(sorted(REGION_WORDS)) + r")\b")


def is_region(name: str) -> bool:
    """Return True when a place name as written ends in a word for a region ("Borno State")."""
    return name.rsplit(None, 1)[-1].lower() in REGION_WORDS


def _may_be_place(name: str) -> bool:
    """Return False for names that are not places by their form: an acronym ("ICU", "GRP"), a
    plural people ("Palestinians", "Iraqis"), or an organisation's, vehicle's or event's name
    ("Harbour Television", "Northern Star Express", "Velmora Train Accident")."""
    words = name.replace("-", " ").split()
    if all(_ACRONYM.match(w) for w in words) and name not in PLACE_ACRONYMS:
        return False
    if len(words) == 1 and _DEMONYM_PLURAL.match(name) and len(name) > 5:
        return False
    return words[-1].lower() not in NOT_PLACE_HEADS
