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

from unidecode import unidecode

from reconcile.dates import MONTHS

_ARTICLE = re.compile(r"\b(?:al|el|as|ash|ad|an|ar|at|az|the)[\s-]+", re.I)
_PARTICLE = r"(?:al|el|as|ash|ad|an|ar|at|az|ul|bin|ibn|de|del|la|le|du|van|von)"
# "in Jenin", "near Jurf al Sakhar", "south of Baghdad": a capitalised name after a preposition.
PLACE_RE = re.compile(
    # The first letters of the words below, so `re` skips other positions quickly.
    r"(?=[iIaAnNoOfFsSeEwWcCtTvVpPrRdDhH])"
    r"(?:\b(?i:in|at|near|outside|around|across|from|into|on)|(?i:south|north|east|west|outskirts|"
    r"city|town|village|province|region|district|stronghold|suburbs?|heart|centre|center)"
    r"\s+of)[ \t]+(?:the[ \t]+)?"
    r"(?P<place>[A-Z][\w’'-]+(?:(?:[ \t]+|-)(?:" + _PARTICLE + r"(?:[ \t]+|-))?[A-Z][\w’'-]+){0,3})"
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
# A capitalised word followed by one of these is an adjective ("US strikes", "Iraqi forces").
_ATTRIBUTIVE = re.compile(
    r"\s+(?:strikes?|attacks?|forces|officials?|troops|militias?|army|military|government|"
    r"president|soldiers|fighters|support|operations?|authorities|war|police|citizens?|side|"
    r"bases?|embassy|spokes\w+|jets?|aircraft|drones?|media|sources?|statement|officers?|"
    r"ministry|minister|health|defence|defense|military|security|interior|members?|group)\b"
)


@lru_cache(maxsize=65536)
def place_skeleton(key: str) -> str:
    """Return a spelling-tolerant form of a place key: each word's first letter and consonants.

    Transliterated names vary mostly in vowels and doubled letters ("Tal Hamra", "Tel al-Hamra",
    "Tell Hamra"; "Dar Salem", "Dar al-Salam"; "Nkora", "N'Kora"), so these share a skeleton.
    """
    words = []
    for word in key.replace("'", "").split():
        if word in _GENERIC_PLACE_WORDS:
            continue
        skeleton = word[0] + re.sub(r"[aeiouy]", "", word[1:])
        words.append(re.sub(r"(.)\1+", r"\1", skeleton))
    return " ".join(words) or key


_GENERIC_PLACE_WORDS = {
    "state", "province", "city", "town", "village", "district", "region", "governorate",
    "county", "municipality", "camp", "refugee", "oblast", "raion",
}  # fmt: skip


@lru_cache(maxsize=65536)
def place_key(name: str) -> str:
    """Return the key shared by spellings of one place ("Jurf al-Sakhar" -> "jurf sakhar")."""
    s = unidecode(name).lower().replace("’", "'")
    s = re.sub(r"'s$", "", s)
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
    found = []
    for match in PLACE_RE.finditer(sentence):
        name = match.group("place").rstrip("’'")
        name = re.sub(r"['’]s$", "", name)
        first = name.split()[0].split("-")[0]
        if first in NOT_PLACES or name in NOT_PLACES:
            continue
        if _ATTRIBUTIVE.match(sentence, match.end("place")):
            continue
        found.append((name, place_key(name)))
    return found
