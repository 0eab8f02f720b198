"""Generate a synthetic news corpus with planted numeric claims and a gold CSV.

    python bench/make_corpus.py --n 1000 --out bench/out/corpus-1000 [--seed 7]

Writes N invented articles under OUT/articles/ (YAML-style front matter or the saved-web layout:
headline, standfirst, caption, byline, date line, blank line, body), OUT/gold.csv in the format
`reconcile eval` reads, and OUT/manifest.json describing what was generated.

Every place, person, group and outlet is invented. Articles cover events (air strikes, bombings,
village raids, clashes, shelling, floods); each event gets a rising death toll and sources of
several roles (health ministry, hospital doctor, Red Crescent, governor, police, anonymous
officials, army, militia, witnesses, state media) who state different figures, so a corpus holds
agreeing, compatible and contradicting claims. Event sizes follow a Zipf-like law, so a few big
events are covered by many outlets over several days while most get a handful of articles. Some
articles are wire copies: the same body reprinted by another outlet under its own headline.

A gold row is written only for a claim the generator planted, and its `sentence` is the whole
planted sentence, which is checked to occur exactly once in its article. Numbers that are not
claims (years, ages, times, distances, money, percentages, road numbers, populations, captions,
breakdowns such as "including five children") get no gold row. Output is a pure function of
--seed and --n: the same arguments give byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

# Bump when the generator's output changes, so bench/run.py rebuilds stale corpora.
GENERATOR_VERSION = 2

GOLD_HEADER = (
    "incident",
    "article_file",
    "quantity_kind",
    "value_low",
    "value_high",
    "qualifier",
    "subject",
    "attributed_to",
    "sentence",
)

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

# --------------------------------------------------------------------------------------------
# Invented names
# --------------------------------------------------------------------------------------------

LEV_PREFIX = [
    "Qasr",
    "Tel",
    "Kafr",
    "Ain",
    "Deir",
    "Beit",
    "Jebel",
    "Wadi",
    "Khirbet",
    "Ras",
    "Bir",
    "Umm",
    "Jisr",
    "Marj",
    "Tal",
    "Nahr",
    "Sahl",
    "Burj",
]
LEV_ROOT = [
    "Dabil",
    "Marwan",
    "Sulam",
    "Hamra",
    "Sarouf",
    "Nasir",
    "Ghaleb",
    "Rumman",
    "Zeitun",
    "Qadim",
    "Shams",
    "Hawa",
    "Samra",
    "Labwa",
    "Fawar",
    "Mazra",
    "Jubb",
    "Kasra",
    "Hadath",
    "Salim",
    "Tuffah",
    "Hajar",
    "Barid",
    "Sawda",
    "Khadra",
    "Nimr",
    "Asfar",
    "Rihan",
    "Dhahab",
    "Malih",
    "Tayyib",
    "Qamar",
    "Sabil",
    "Ward",
    "Kharab",
    "Sultan",
    "Mansura",
    "Ghazal",
    "Haram",
    "Jadid",
    "Turab",
    "Safsaf",
]
SAHEL_PREFIX = ["", "", "", "Gidan ", "Tungan ", "Dan ", "Unguwan ", "Kofar ", "Rafin "]
SAHEL_SYL = [
    "ka",
    "ru",
    "ma",
    "ba",
    "ko",
    "ri",
    "ta",
    "ga",
    "ndo",
    "zu",
    "wa",
    "bi",
    "sa",
    "mu",
    "da",
    "ki",
    "no",
    "ra",
    "ya",
    "tso",
    "lo",
    "gu",
]
SLAV_PREFIX = ["", "", "Nova ", "Stara ", "Velyka ", "Mala "]
SLAV_STEM = [
    "Hrebl",
    "Rostiv",
    "Zarich",
    "Pokrov",
    "Bilohir",
    "Krasn",
    "Lypov",
    "Sosnov",
    "Dubrov",
    "Kamian",
    "Orikh",
    "Vyshn",
    "Zolot",
    "Topol",
    "Berez",
    "Sokol",
    "Hlyb",
    "Cherv",
    "Dobr",
    "Svitl",
    "Yasin",
    "Kalyn",
]
SLAV_SUFFIX = ["ka", "ivka", "ne", "ets", "ove", "yn", "ytsia", "ohrad", "yshche"]

FIRST_NAMES = [
    ("Ahmed", "m"),
    ("Samir", "m"),
    ("Rania", "f"),
    ("Layla", "f"),
    ("Omar", "m"),
    ("Yusuf", "m"),
    ("Hana", "f"),
    ("Musa", "m"),
    ("Aisha", "f"),
    ("Ibrahim", "m"),
    ("Fatima", "f"),
    ("Karim", "m"),
    ("Nadia", "f"),
    ("Tariq", "m"),
    ("Salma", "f"),
    ("Emeka", "m"),
    ("Ngozi", "f"),
    ("Abdullahi", "m"),
    ("Hauwa", "f"),
    ("Bello", "m"),
    ("Olena", "f"),
    ("Petro", "m"),
    ("Iryna", "f"),
    ("Taras", "m"),
    ("Mykola", "m"),
    ("Miriam", "f"),
    ("Elias", "m"),
    ("Zainab", "f"),
    ("Farah", "f"),
    ("Idris", "m"),
    ("Kofi", "m"),
    ("Amina", "f"),
    ("Yaw", "m"),
    ("Halima", "f"),
    ("Rami", "m"),
]
SURNAMES = [
    "Aoun",
    "Nassar",
    "Haddad",
    "Khalil",
    "Saleh",
    "Mansour",
    "Darwish",
    "Qasim",
    "Garba",
    "Okafor",
    "Danjuma",
    "Abubakar",
    "Kovalenko",
    "Shevchuk",
    "Marchenko",
    "Boyko",
    "Farouk",
    "Hamdan",
    "Obeid",
    "Rahimi",
    "Tesfaye",
    "Osei",
    "Mensah",
    "Yakubu",
    "Lysenko",
    "Halabi",
    "Sabbagh",
    "Issa",
    "Bakr",
    "Suleiman",
]
OCCUPATIONS = [
    "shopkeeper",
    "farmer",
    "teacher",
    "taxi driver",
    "nurse",
    "baker",
    "student",
    "mechanic",
    "fisherman",
    "pharmacist",
]
WIRES = ["Meridian Press", "Continental Wire", "Pan-Regional News Agency"]
OUTLETS = [
    "The Daily Courier",
    "Capital Tribune",
    "Northern Voice",
    "Gulf Evening News",
    "Savanna Post",
    "Al-Sahel News",
    "Horizon Radio",
    "The Morning Herald",
    "Coastal Times",
    "Frontier Observer",
    "The Evening Ledger",
    "Riverside Gazette",
    "Highland Chronicle",
    "Daily Star",
    "Lakeside Monitor",
    "The Citizen Review",
]
SECTIONS = ["World", "Middle East", "Africa", "Europe", "Conflict", "Breaking News"]
GROUP_FORMS = [
    "the {R} Liberation Front",
    "the Free {R} Brigade",
    "the Sons of {R}",
    "the {R} Defence Brigades",
    "the {R} Resistance Movement",
    "the {R} Popular Brigades",
]
NGOS = [
    ("the Red Crescent", "Red Crescent"),
    ("the Red Cross", "Red Cross"),
    ("the UN humanitarian office", "UN"),
    ("the Observatory for Civilian Rights", "Observatory"),
    ("Relief Without Borders, an aid group,", "Aid group"),
]

# --------------------------------------------------------------------------------------------
# Event types: how their incidents are described, which kinds they have, who reports them
# --------------------------------------------------------------------------------------------

ETYPES: dict[str, dict] = {
    "airstrike": {
        "act": [
            "Air strikes hit the town of {P}",
            "Warplanes bombed a residential district of {P}",
            "An air strike destroyed a crowded market in {P}",
            "Aircraft struck the outskirts of {P}",
        ],
        "ev": ["the air strikes", "the strikes", "the bombardment"],
        "evin": ["the air strikes on {P}", "the strikes on {P}", "the bombardment of {P}"],
        "hn": "strikes",
        "heads": [
            "Air strikes on {P} kill {k}",
            "{k^} killed in air strikes on {P}",
            "Air strike on {P} leaves {k} dead",
            "{k^} dead, {w} wounded in strikes on {P}",
            "{P} strikes death toll rises to {k!}",
        ],
        "sources": [
            "health",
            "hospital",
            "ngo",
            "governor",
            "anon",
            "army",
            "militia",
            "witness",
            "media",
            "monitor",
        ],
    },
    "shelling": {
        "act": [
            "Artillery shells slammed into the centre of {P}",
            "Rockets hit a residential area in {P}",
            "Heavy shelling pounded the town of {P}",
        ],
        "ev": ["the shelling", "the bombardment", "the attack"],
        "evin": ["the shelling of {P}", "the rocket attack on {P}"],
        "hn": "shelling",
        "heads": [
            "Shelling of {P} kills {k}",
            "{k^} killed as rockets hit {P}",
            "{P} shelling death toll rises to {k!}",
        ],
        "sources": [
            "health",
            "hospital",
            "ngo",
            "governor",
            "anon",
            "army",
            "militia",
            "witness",
            "monitor",
        ],
    },
    "bombing": {
        "act": [
            "A car bomb exploded near the bus station in {P}",
            "A bomb tore through the main market in {P}",
            "A suicide bomber blew himself up at a checkpoint in {P}",
            "An explosive device hidden in a vegetable cart went off in {P}",
        ],
        "ev": ["the blast", "the bombing", "the explosion"],
        "evin": ["the bombing in {P}", "the blast in {P}", "the explosion in {P}"],
        "hn": "blast",
        "heads": [
            "Car bomb kills {k} in {P}",
            "{k^} killed as bomb tears through {P} market",
            "{P} bombing death toll rises to {k!}",
            "Blast kills {k}, wounds {w} in {P}",
        ],
        "sources": ["health", "hospital", "police", "interior", "anon", "witness", "media"],
    },
    "raid": {
        "act": [
            "Gunmen on motorcycles attacked the village of {P}",
            "Armed men stormed the farming village of {P}",
            "Bandits raided homes in {P}",
        ],
        "ev": ["the attack", "the raid", "the assault"],
        "evin": ["the attack on {P}", "the raid on {P}"],
        "hn": "attack",
        "heads": [
            "Gunmen kill {k} in raid on {P}",
            "{k^} killed, {m} abducted in attack on {P}",
            "{m^} missing after gunmen storm {P}",
        ],
        "sources": ["governor", "police", "ngo", "witness", "health", "lawmaker", "anon"],
    },
    "clashes": {
        "act": [
            "Fighting broke out between government troops and {GS} fighters near {P}",
            "Militants attacked an army post outside {P}",
            "Clashes erupted around {P}",
        ],
        "ev": ["the clashes", "the fighting"],
        "evin": ["the clashes near {P}", "the fighting around {P}"],
        "hn": "clashes",
        "heads": [
            "{k^} killed in clashes near {P}",
            "Fighting near {P} leaves {k} dead",
        ],
        "sources": ["army", "militia", "health", "anon", "ngo", "witness", "governor"],
    },
    "flood": {
        "act": [
            "Flash floods swept through {P}",
            "Torrential rain triggered floods in {P}",
            "A landslide buried homes in the hill village of {P}",
        ],
        "ev": ["the floods", "the flooding", "the disaster"],
        "evin": ["the floods in {P}", "the flooding in {P}"],
        "hn": "floods",
        "heads": [
            "Floods kill {k} in {P}",
            "{m^} missing after floods sweep {P}",
            "{P} floods: {k} dead, {d} displaced",
        ],
        "sources": ["civil_defence", "disaster", "governor", "ngo", "witness", "health"],
    },
}
ETYPE_WEIGHTS = {
    "airstrike": 30,
    "shelling": 12,
    "bombing": 20,
    "raid": 15,
    "clashes": 13,
    "flood": 10,
}

# --------------------------------------------------------------------------------------------
# Sentence templates
#
# {k} killed, {k0} an earlier (lower) toll, {kc} a cumulative toll, {kp} enemies a party says it
# killed, {kf} a party's own fighters lost, {kb} a past incident's toll, {w} wounded, {m} missing,
# {a} arrested, {d} displaced, {s} strikes, {t} targets, {b} a breakdown (no gold row).
# "^" capitalises (sentence start); "!" forbids vague words, ranges and "up to".
# {S} is the source: first mention, or "it"/"he"/"the ministry" right after the same source.
# --------------------------------------------------------------------------------------------

FIG_KIND = {
    "k": "killed",
    "k0": "killed",
    "kc": "killed",
    "kp": "killed",
    "kf": "killed",
    "kb": "killed",
    "w": "wounded",
    "m": "missing",
    "a": "arrested",
    "d": "displaced",
    "s": "strikes",
    "t": "targets",
}
SUBJECTS = {
    "k": "people",
    "k0": "people",
    "kc": "people killed in the province",
    "kp": "enemy fighters",
    "kf": "the group's fighters",
    "kb": "people",
    "w": "people",
    "m": "people",
    "a": "suspects",
    "d": "residents",
    "s": "strikes",
    "t": "targets",
}


@dataclass(frozen=True)
class Tpl:
    text: str
    roles: tuple[str, ...] | None = None  # source roles that may say it; None = any with values
    attr: str = "src"  # "src" (the {S}) or "none" (the outlet's own words)
    etypes: tuple[str, ...] | None = None
    zero: tuple[str, ...] = ()  # kinds stated as zero ("no civilians were hurt")
    subjects: tuple[tuple[str, str], ...] = ()
    weight: int = 3
    relay: bool = False  # "{WIRE} reported, citing {S}, ...": the gold names both


LEAD = [
    Tpl("{ACT} on {DAY}, killing {k} people and wounding {w} others, {S} said."),
    Tpl("{ACT} on {DAY}, killing {k} people and wounding {w}, according to {S}."),
    Tpl("{k^} people were killed and {w} wounded when {act} on {DAY}, {S} said."),
    Tpl("{S^} said {k} people were killed and {w} injured when {act} on {DAY}."),
    Tpl("{k^} people died and {w} were hurt after {act} early on {DAY}, according to {S}."),
    Tpl("{ACT} on {DAY}, killing {k} people, {S} said."),
    Tpl("{ACT} late on {DAY}, leaving {k} people dead and {w} wounded, {S} told {OUT}."),
    Tpl("{ACT} on {DAY}, killing {k} people, including {b} children, {S} said."),
    Tpl("{ACT} on {DAY}, killing {k} people and wounding {w} others.", attr="none"),
    Tpl("{k^} people were killed in {P} on {DAY} when {act}.", attr="none"),
    Tpl(
        "{ACT} on {DAY}, killing {k} people, {S} said, adding that {m} others were missing.",
        etypes=("raid", "flood"),
    ),
    Tpl("{ACT} on {DAY}, abducting {m} people and killing {k}, {S} said.", etypes=("raid",)),
    Tpl(
        "{ACT} on {DAY}, and {S} said {d} people had fled their homes.",
        etypes=("flood", "airstrike", "clashes"),
    ),
]
UPDATE = [
    Tpl("The death toll from {EVIN} rose to {k!} on {RDAY}, {S} said.", weight=4),
    Tpl("{S^} said on {RDAY} that the death toll from {EVIN} had risen to {k!}.", weight=4),
    Tpl("The number of people killed in {EVIN} has climbed to {k!}, according to {S}."),
    Tpl("The toll from {EVIN} has risen to {k!}, {S} said, up from {k0!} a day earlier."),
    Tpl(
        "{S^} put the death toll from {EVIN} at {k!} on {RDAY}, revising an earlier figure "
        "of {k0!}."
    ),
]
BODY = [
    # killed
    Tpl("{S^} said {k} people had been killed in {EV}."),
    Tpl("{k^} people were killed in {EV}, {S} said."),
    Tpl("According to {S}, {k} people died in {EV}."),
    Tpl("{S^} told {OUT} that {k} people had been killed."),
    Tpl('"We have received {k} bodies," {S} said.', roles=("hospital", "health", "civil_defence")),
    Tpl(
        '"{k^} people are dead, and we are still searching the rubble," {S} told {OUT}.',
        roles=("civil_defence", "hospital", "governor", "police"),
    ),
    Tpl("{S^} reported {k} deaths."),
    Tpl(
        "{k^} bodies had been brought to the morgue by nightfall, according to {S}.",
        roles=("hospital", "health", "police", "anon"),
    ),
    Tpl("{S^} put the number of dead at {k!}."),
    Tpl("{k^} people, including {b} children, were killed, {S} said."),
    Tpl("{S^} said {k} people had been killed, among them {b} women."),
    Tpl("{S^} had earlier put the toll at {k0!}.", weight=4),
    Tpl("{EV^} killed {k} people.", attr="none", weight=2),
    Tpl(
        "{EV^} killed {k} people, {S} said, a figure that could not be verified.",
        roles=("anon", "media", "witness", "militia"),
    ),
    Tpl("{S^} said the bodies of {k} people had been recovered."),
    Tpl("{k^} people lost their lives in {EV}, {S} said."),
    Tpl("{EV^} claimed the lives of {k} people, according to {S}."),
    Tpl(
        "{WIRE} reported, citing {S}, that {k} people had died.",
        roles=("hospital", "anon"),
        relay=True,
    ),
    Tpl(
        '{S^} said: "{k^} people are confirmed dead. The number may rise."',
        roles=("health", "civil_defence", "governor", "police"),
    ),
    Tpl(
        '"We counted {k} bodies," {S} said, "and many more are missing."',
        roles=("hospital", "civil_defence", "witness"),
    ),
    Tpl("{S^} gave a toll of {k!} dead."),
    Tpl("{k^} civilians, most of them women and children, were killed, {S} said."),
    Tpl("{S^} said {k} people were confirmed dead."),
    Tpl("Of the {k=} dead, {b} were children, {S} said."),
    Tpl("Among the dead were {b} children, {S} said.", weight=1),
    Tpl("{S^} confirmed {k} deaths and {w} injuries."),
    # wounded
    Tpl("{S^} said {w} people were wounded."),
    Tpl(
        "{S^} said {b} of the wounded were in critical condition.",
        roles=("hospital", "health"),
        weight=1,
    ),
    Tpl(
        "{S^} said {w} people were being treated in hospital, several of them in a serious "
        "condition.",
        roles=("hospital", "health", "civil_defence"),
    ),
    Tpl("{w^} others were injured, {S} said, some of them critically."),
    Tpl("A further {w=} people were wounded, according to {S}."),
    Tpl("{S^} added that {w} people had been injured.", weight=4),
    Tpl(
        '"We have {w} wounded here, and we are running out of blood," {S} said.',
        roles=("hospital",),
    ),
    Tpl("{S^} said the hospital had admitted {w} injured.", roles=("hospital", "health")),
    # missing
    Tpl("{S^} said {m} people were still missing."),
    Tpl("{m^} people remain unaccounted for, according to {S}."),
    Tpl("Gunmen abducted {m} people, most of them women and children, {S} said.", etypes=("raid",)),
    Tpl("{S^} said {m} villagers had been kidnapped.", etypes=("raid",)),
    Tpl(
        "Rescuers were still searching for {m} people reported missing, {S} said.",
        etypes=("flood", "airstrike", "shelling"),
    ),
    # arrested
    Tpl("{S^} said {a} suspects had been arrested."),
    Tpl("{a^} suspects were detained near the scene, according to {S}."),
    Tpl("Security forces have detained {a} people in connection with the attack, {S} said."),
    Tpl("{S^} said police had rounded up {a} men in overnight raids."),
    Tpl("{S^} told reporters that {a} people had been taken into custody."),
    # displaced
    Tpl("{S^} said {d} people had fled their homes."),
    Tpl("{d^} people have been displaced, {S} said."),
    Tpl("{S^} estimated that {d} families had been forced from their homes."),
    Tpl("{d^} residents fled toward {P2}, {S} said."),
    # strikes and targets
    Tpl(
        "{S^} said aircraft carried out {s} strikes on {P} overnight.",
        etypes=("airstrike", "clashes"),
    ),
    Tpl(
        "{S^} said warplanes struck {t} targets, including a weapons depot.", etypes=("airstrike",)
    ),
    Tpl("{s^} missiles hit the town on {DAY}, {S} said.", etypes=("airstrike", "shelling")),
    Tpl(
        "{S^} said the army had hit {t} militant positions around {P}.",
        etypes=("airstrike", "clashes", "shelling"),
        roles=("army", "anon"),
    ),
    Tpl("{S^} counted {s} air strikes on the town in the space of an hour.", etypes=("airstrike",)),
    # parties
    Tpl(
        "{S^} said its forces had killed {kp} militants in the operation.",
        roles=("army",),
        subjects=(("kp", "militants"),),
    ),
    Tpl("{S^} said {kf} of its fighters were killed.", roles=("militia",)),
    Tpl(
        "{S^} said {GS} fighters had killed {kp} soldiers and destroyed {t} army positions.",
        roles=("militia",),
        subjects=(("kp", "soldiers"), ("t", "army positions")),
    ),
    Tpl(
        "In a statement, {S} said it had killed {kp} soldiers.",
        roles=("militia",),
        subjects=(("kp", "soldiers"),),
    ),
    Tpl("{S^} said no civilians were hurt.", roles=("army",), zero=("wounded",)),
    Tpl("{S^} denied that any civilians had been killed.", roles=("army",), zero=("killed",)),
    # witnesses
    Tpl('"I saw {k} bodies in the street," said {S}.', roles=("witness",)),
    Tpl(
        "{S^} said {s} missiles struck the market about a minute apart.",
        roles=("witness",),
        etypes=("airstrike", "shelling"),
    ),
    Tpl("{S^} said {d} families had fled the village by nightfall.", roles=("witness",)),
    Tpl('"There were {k} dead in our street alone," {S} said.', roles=("witness",)),
    # cumulative and background
    Tpl(
        "Since the start of the year, {kc} people have been killed in attacks in {PROV}, "
        "according to {S}.",
        roles=("monitor", "ngo", "health"),
        weight=2,
    ),
    Tpl(
        "{S^} has recorded {kc} civilian deaths in the province so far this year.",
        roles=("monitor", "ngo"),
        weight=2,
    ),
    Tpl(
        "In {PMONTH} {PYEAR}, a similar attack on the town of {PB} killed {kb} people.",
        attr="none",
        weight=2,
        etypes=("airstrike", "shelling", "bombing", "raid", "clashes"),
    ),
    Tpl(
        "In {PMONTH} {PYEAR}, floods in the nearby town of {PB} killed {kb} people.",
        attr="none",
        weight=2,
        etypes=("flood",),
    ),
]
STANDFIRST_CLAIM = [
    Tpl("{w^} people were wounded in {EV}, {S} said."),
    Tpl("{S^} says {d} residents have fled.", etypes=("flood", "airstrike", "clashes")),
    Tpl(
        "Rescuers are searching for {m} people feared buried under rubble.",
        attr="none",
        etypes=("flood", "airstrike", "shelling"),
    ),
    Tpl("{w^} were wounded in {EV}, which hit the town at the busiest time of day.", attr="none"),
]
STANDFIRST_PLAIN = [
    "Residents describe scenes of panic as rescuers search the rubble.",
    "Hospitals in the area are struggling to cope, doctors say.",
    "It is the deadliest incident in {PROV} this year.",
    "Officials warn that the toll is likely to rise.",
]
CAPTIONS = [
    "Rescuers search the rubble in {P} on {DAY}. Photo: {NAME}/{OUT}",
    "Mourners carry the coffins of {N} victims in {P}. Photo: {NAME}",
    "A damaged building in {P}, {MONTH} {MDAY}, {YEAR}. (AFP)",
    "File photo: the main square of {P}. Credit: {NAME}",
]
FILLER = [
    "{P}, a market town of about {POP} people in {PROV}, has changed hands twice since the "
    "conflict began in {YEAR0}.",
    "The {HN} happened at about {TIME}, when the streets were crowded with people heading to work.",
    "{P2} lies {KM} km ({MI} miles) to the {DIR} of {P}, across farmland and olive groves.",
    "{NAME}, {AGE}, who runs a pharmacy near the square, said the noise shattered windows up to "
    "{METRES} metres away.",
    "Aid groups say a litre of diesel now costs more than ${PRICE} in parts of the province.",
    "The local council said it would pay {MONEY} dinars to the family of each person killed.",
    "The road between {P} and {P2} reopened on {RDAY} after being closed for {HRS} hours.",
    "It was the deadliest incident in the province since {PMONTH} {PYEAR}.",
    "The UN Security Council is due to discuss Resolution {RES} next week.",
    "{OUT} could not independently verify the figures.",
    "Schools in the district will stay closed until {FMONTH} {FDAY}, the education office said.",
    "Temperatures dropped to {DEG} degrees overnight, complicating the search.",
    "About {PCT} percent of the town's buildings have been damaged since {YEAR0}, according to "
    "a survey by local engineers.",
    "Traffic on Route {RT}, the main road north, was halted for much of the day.",
    "The hospital, built in {YEARB}, has {BEDS} beds and one working generator.",
    "The army did not respond to a request for comment.",
    "Phone lines in the area were cut for much of {RDAY}.",
    "{P} was home to some {POP2} people before the war.",
    "{GS} has been fighting the government since {YEAR0}.",
    "Residents said the electricity had been off for {DAYS} days.",
    "A curfew was imposed from {CURF} p.m. until 6 a.m.",
    "Mourners gathered for funerals on {RDAY} afternoon.",
    "Prices of bread have doubled since {PMONTH}, shopkeepers said.",
    "The last major attack on the town, in {PYEAR}, prompted a month-long evacuation.",
    "Flights to the regional airport, {KM} km away, were suspended.",
    "{NAME2}, a {AGE}-year-old teacher, said she had not slept since {EV}.",
    "Emergency lines were overwhelmed in the first {HRS} hours, officials said.",
    "The convoy travelled {KM2} kilometres on damaged roads to reach the town.",
    "Some {TRUCKS} trucks carrying food and medicine were waiting at the crossing.",
    "The governor's office said {PCT}% of the province's roads were impassable.",
    "The United Nations called for an independent investigation.",
    "Relatives waited outside the hospital gates late into the night.",
    "Images shared on social media showed plumes of smoke rising over the town.",
    "The government has blamed {GS} for a string of attacks in {PROV}, a charge the group denies.",
    '"We heard a huge bang and then everything went dark," said {NAME}, who lives nearby.',
    "Humanitarian agencies have warned for months that the fighting is cutting off access to "
    "clean water and medicine.",
    "Diplomats said talks on a ceasefire had stalled, with neither side willing to withdraw "
    "from the positions it holds.",
    "Local radio stations broadcast appeals for blood donors throughout the evening, and "
    "volunteers lined up outside the main clinic.",
    "The region has seen a sharp rise in violence since the collapse of a local truce, "
    "according to residents and aid workers.",
    "Neither side has allowed independent observers into the area, making casualty figures "
    "hard to verify.",
    "Rescue teams worked through the night with bulldozers and their bare hands, residents said.",
    "The interior minister was expected to visit the town later in the week.",
    "A {AGE}-year-old boy was among the dead, relatives said.",
    "The government declared three days of national mourning.",
    "The town's only bakery reopened on {RDAY} for the first time in two weeks.",
]

# --------------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------------

QUALIFIERS = [
    ("exact", 52),
    ("at_least", 20),
    ("more_than", 7),
    ("about", 8),
    ("nearly", 4),
    ("at_most", 3),
    ("range", 3),
    ("vague", 3),
]
STRICT = ("exact", "at_least", "more_than", "about", "nearly")
PREFIXES = {
    "at_least": ["at least", "at least", "no fewer than"],
    "more_than": ["more than", "more than", "over"],
    "about": ["about", "around", "some", "an estimated", "roughly"],
    "nearly": ["nearly", "almost", "close to"],
    "at_most": ["up to", "as many as"],
}
# Vague amounts: (word with "of", bare word or None, floor the gold codes, lowest value it fits).
VAGUE = [
    ("a few", "a few", 2, 2, 5),
    ("several", "several", 3, 3, 9),
    ("dozens of", "dozens", 24, 24, 99),
    ("scores of", None, 40, 40, 99),
    ("hundreds of", "hundreds", 200, 200, 999),
    ("thousands of", "thousands", 2000, 2000, 9999),
    ("tens of thousands of", None, 20000, 20000, 99999),
]
# A counted noun after a figure: vague amounts then take "of" ("dozens of people").
_NOUN_NEXT = re.compile(
    r"\s+(?:people|others|civilians|residents|villagers|bodies|families|suspects|men|"
    r"militants|soldiers|strikes|missiles|air|targets|militant|army|deaths|children|women)\b"
)


def number_words(n: int) -> str:
    if n < 20:
        return ONES[n]
    tens, ones = divmod(n, 10)
    return TENS[tens] + (f"-{ONES[ones]}" if ones else "")


@dataclass
class Figure:
    key: str
    qual: str
    value: int
    high: int | None = None  # range end
    prefix: str = ""
    vague: tuple | None = None
    words: bool = False  # spell a sentence-initial number in words

    def coded(self) -> tuple[str, str]:
        """Return (value_low, value_high) as the gold codes them (see reconcile/evaluate.py)."""
        v = self.value
        if self.qual == "exact":
            return str(v), str(v)
        if self.qual in ("at_least", "about", "nearly"):
            return str(v), ""
        if self.qual == "more_than":
            return str(v + 1), ""
        if self.qual == "at_most":
            return "", str(v)
        if self.qual == "range":
            return str(v), str(self.high)
        return str(self.vague[2]), ""  # vague: the reading's floor

    def render(self, initial: bool, nounish: bool) -> str:
        if self.qual == "vague":
            text = self.vague[0] if nounish or not self.vague[1] else self.vague[1]
        elif self.qual == "range":
            text = f"between {_num(self.value)} and {_num(self.high)}"
        else:
            num = (
                number_words(self.value)
                if initial and self.words and self.value < 100 and self.qual == "exact"
                else _num(self.value)
            )
            text = f"{self.prefix} {num}" if self.prefix else num
        return text[0].upper() + text[1:] if initial else text


def _num(n: int) -> str:
    return ONES[n] if n < 10 else f"{n:,}"


def make_figure(rng: random.Random, key: str, value: int, strict: bool, role: str) -> Figure:
    """Return a Figure for a value with a qualifier drawn for the source's role."""
    if value == 0:
        return Figure(key, "exact", 0)
    weights = dict(QUALIFIERS)
    if role == "witness":
        weights.update(vague=25, about=15)
    elif role == "anon":
        weights.update(at_least=30, more_than=15)
    elif role == "none":
        weights.update(at_least=30)
    if strict:
        weights = {q: w for q, w in weights.items() if q in STRICT}
    quals, ws = zip(*weights.items(), strict=True)
    qual = rng.choices(quals, ws)[0]
    if qual == "vague":
        fits = [v for v in VAGUE if v[3] <= value <= v[4]]
        if not fits:
            qual = "exact"
        else:
            return Figure(key, "vague", value, vague=rng.choice(fits))
    if qual == "range":
        if value < 4:
            qual = "exact"
        else:
            return Figure(key, "range", value, value + rng.randint(1, max(2, value // 4)))
    prefix = rng.choice(PREFIXES[qual]) if qual in PREFIXES else ""
    return Figure(key, qual, value, prefix=prefix, words=rng.random() < 0.7)


# --------------------------------------------------------------------------------------------
# The world: places, sources, events
# --------------------------------------------------------------------------------------------


def _key(name: str) -> str:
    s = re.sub(r"\b(?:al|el|as|an|ad|ar)-", "", name.lower())
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


class Names:
    """Unique invented place names, in three regional styles."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def place(self, style: str) -> str:
        for _ in range(1000):
            name = self._draw(style)
            key = _key(name)
            if key not in self.used and len(key) > 3:
                self.used.add(key)
                return name
        # A corpus of 100,000 articles has used up the plain names of a style: a name and the
        # last word of another ("Kafr Dabil Hamra"). Smaller corpora never get here, so their
        # files stay as they were.
        for _ in range(1000):
            name = f"{self._draw(style)} {self._draw(style).split()[-1].split('-')[-1].title()}"
            key = _key(name)
            if key not in self.used:
                self.used.add(key)
                return name
        raise RuntimeError("ran out of place names")

    def _draw(self, style: str) -> str:
        r = self.rng
        if style == "lev":
            root = r.choice(LEV_ROOT)
            return f"{r.choice(LEV_PREFIX)} {'al-' if r.random() < 0.35 else ''}{root}"
        if style == "sahel":
            word = "".join(r.choice(SAHEL_SYL) for _ in range(r.choice((2, 2, 3))))
            if r.random() < 0.15:
                word = "n" + word
            return r.choice(SAHEL_PREFIX) + word.capitalize()
        stem = r.choice(SLAV_STEM)
        return r.choice(SLAV_PREFIX) + stem + r.choice(SLAV_SUFFIX)

    def province(self, style: str) -> tuple[str, str]:
        """Return (province phrase, its bare name)."""
        name = self.place(style).split()[-1].replace("al-", "").capitalize()
        phrase = {
            "lev": f"{name} province",
            "sahel": f"{name} State",
            "slav": f"the {name} region",
        }[style]
        return phrase, name


def person(rng: random.Random) -> tuple[str, str, str]:
    first, gender = rng.choice(FIRST_NAMES)
    return f"{first} {rng.choice(SURNAMES)}", gender, first


@dataclass
class Source:
    role: str
    first: str  # first mention in a sentence ("the provincial health directorate")
    gold: str  # the gold `attributed_to`
    anaphor: str  # a later mention right after the same source ("the ministry", "he")
    headline: str = ""  # the short name a headline attributes to ("Health Ministry")
    second: str = ""  # a later mention elsewhere in the article ("Aoun", "the official")


def make_sources(rng: random.Random, ev: Event) -> dict[str, Source]:
    P, prov_name = ev.place, ev.province_name
    group = ev.group
    out: dict[str, Source] = {}
    for role in ETYPES[ev.etype]["sources"]:
        name, gender, _ = person(rng)
        surname = name.split()[1]
        pron = "he" if gender == "m" else "she"
        if role == "health":
            first, ana, head = rng.choice(
                [
                    ("the Health Ministry", "the ministry", "Health Ministry"),
                    ("the provincial health directorate", "the directorate", "Health directorate"),
                    (f"the {prov_name} health department", "the department", "Health officials"),
                ]
            )
            out[role] = Source(role, first, first, ana, head)
        elif role == "hospital":
            if rng.random() < 0.6:
                first = f"Dr. {name}, director of {P} General Hospital,"
                out[role] = Source(
                    role,
                    first,
                    first.rstrip(","),
                    rng.choice((pron, surname)),
                    second=f"Dr. {surname}",
                )
            else:
                first = f"a doctor at the main hospital in {P}"
                out[role] = Source(role, first, first, "the doctor", second="the doctor")
        elif role == "ngo":
            first, head = rng.choice(NGOS)
            out[role] = Source(role, first, first.rstrip(",").split(",")[0], "it", head)
        elif role == "monitor":
            first = "the Observatory for Civilian Rights"
            out[role] = Source(role, first, first, "the group", "Observatory")
        elif role == "governor":
            first = f"{prov_name} Governor {name}"
            out[role] = Source(
                role, first, first, rng.choice((pron, "the governor")), "Governor", second=surname
            )
        elif role == "police":
            first = rng.choice(["police", "a police spokesman", f"{prov_name} police chief {name}"])
            ana = "police" if first == "police" else rng.choice((pron, "the spokesman"))
            if first == "a police spokesman":
                ana = "the spokesman"
            second = surname if "chief" in first else ana
            out[role] = Source(role, first, first, ana, "Police", second)
        elif role == "interior":
            out[role] = Source(
                role,
                "the Interior Ministry",
                "the Interior Ministry",
                "the ministry",
                "Interior Ministry",
            )
        elif role == "anon":
            first = rng.choice(
                [
                    "a senior security official",
                    "two security sources",
                    "local officials",
                    "a local official who asked not to be named",
                ]
            )
            second = {"two security sources": "the sources", "local officials": "the officials"}
            second_words = second.get(first, "the official")
            ana = "they" if first in second else "the official"
            out[role] = Source(role, first, first, ana, second=second_words)
        elif role == "army":
            if rng.random() < 0.5:
                first = rng.choice(["the army", "the military", "the Defence Ministry"])
                ana = {"the army": "the army", "the military": "the military"}.get(
                    first, "the ministry"
                )
                out[role] = Source(role, first, first, ana, first[4:].capitalize())
            else:
                first = f"Army spokesman Col. {name}"
                out[role] = Source(role, first, first, pron, "Army", second=surname)
        elif role == "militia":
            if rng.random() < 0.5:
                out[role] = Source(role, group, group, "the group", group[4:])
            else:
                first = f"{group[4:]} spokesman {name}"
                out[role] = Source(role, first, first, pron, group[4:], second=surname)
        elif role == "witness":
            occ = rng.choice(OCCUPATIONS)
            if rng.random() < 0.5:
                age = rng.randint(19, 71)
                first = f"{name}, {age}, a {occ} in {P},"
            else:
                first = f"{name}, a {occ} in {P},"
            out[role] = Source(role, first, f"{name}, a {occ} in {P}", pron, second=surname)
        elif role == "media":
            first = rng.choice(["state television", "the state news agency", "local media"])
            out[role] = Source(role, first, first, "it")
        elif role == "lawmaker":
            first = f"State lawmaker {name}"
            if rng.random() < 0.3:
                first += f", who represents {P},"
            out[role] = Source(role, first, first.rstrip(","), pron, second=surname)
        elif role == "civil_defence":
            out[role] = Source(
                role, "the civil defence", "the civil defence", "it", "Civil defence"
            )
        elif role == "disaster":
            first = "the national disaster management agency"
            out[role] = Source(role, first, first, "the agency", "Disaster agency")
    return out


@dataclass
class Event:
    slug: str
    etype: str
    place: str
    place2: str
    place_past: str
    province: str
    province_name: str
    group: str
    start: date
    days: int
    toll: list[int] = field(default_factory=list)
    wounded: list[int] = field(default_factory=list)
    extra: dict[str, int] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    cache: dict = field(default_factory=dict)

    def view(self, rng: random.Random, role: str, d: int) -> dict[str, int]:
        """Return the figures a source of a role states on day d of the event."""
        t, w, x = self.toll[d], self.wounded[d], self.extra
        prev = max(0, d - 1)
        v: dict[str, int] = {}
        if role in ("health", "civil_defence"):
            v.update(k=t, w=w)
            if d > 0 and self.toll[d - 1] < t:
                v["k0"] = self.toll[d - 1]
        elif role == "hospital":
            v.update(k=max(2, round(t * 0.7)), w=max(2, round(w * 0.6)))
        elif role in ("ngo", "monitor"):
            v.update(k=t + x["ngo_extra"], w=w, d=x.get("displaced", 0), kc=x["cumulative"])
            if "missing" in x:
                v["m"] = x["missing"]
        elif role in ("governor", "lawmaker", "disaster"):
            v.update(k=self.toll[prev], w=self.wounded[prev])
            for key in ("missing", "displaced", "arrested"):
                if key in x:
                    v[key[0]] = x[key]
            if role == "lawmaker":
                v["k"] = t + x["ngo_extra"] + 2
        elif role in ("police", "interior"):
            v.update(k=t, w=w)
            if "arrested" in x:
                v["a"] = x["arrested"]
            if "missing" in x:
                v["m"] = x["missing"]
        elif role == "anon":
            v.update(k=t + x["anon_extra"], w=w)
            if "strikes" in x:
                v.update(s=x["strikes"] + 2, t=x["targets"])
        elif role == "army":
            v.update(kp=x["militants"])
            if "strikes" in x:
                v.update(s=x["strikes"], t=x["targets"])
            if "arrested" in x:
                v["a"] = x["arrested"]
        elif role == "militia":
            v.update(kf=x["fighters"], kp=x["soldiers"], k=t * 2 + 3, t=x["targets"] + 3)
        elif role == "witness":
            v["k"] = max(2, t // 2 + rng.randint(0, 3))
            if "displaced" in x:
                v["d"] = max(24, x["displaced"] // 10)
            if "strikes" in x:
                v["s"] = max(2, x["strikes"] // 3)
        elif role == "media":
            v.update(k=self.toll[prev], w=self.wounded[prev])
        if "displaced" not in x:
            v.pop("d", None)
        return v


def heavy_tail(rng: random.Random, low: int, high: int) -> int:
    """Return an integer in [low, high] drawn log-uniformly (small tolls are common)."""
    return min(high, int(math.exp(rng.uniform(math.log(low), math.log(high + 1)))))


def make_events(rng: random.Random, n_articles: int, mean_size: float, alpha: float) -> list:
    """Return events with their article counts (Zipf-like sizes summing to n_articles)."""
    n_events = max(3, round(n_articles / mean_size))
    weights = [1 / (i + 1) ** alpha for i in range(n_events)]
    total = sum(weights)
    sizes = [max(1, int(n_articles * w / total)) for w in weights]
    i = 0
    while sum(sizes) < n_articles:
        sizes[i % n_events] += 1
        i += 1
    while sum(sizes) > n_articles:
        j = max(range(n_events), key=lambda k: sizes[k])
        sizes[j] -= 1
    names = Names(rng)
    styles = ["lev", "sahel", "slav"]
    provinces = {s: [names.province(s) for _ in range(max(2, n_events // 12))] for s in styles}
    groups = {
        s: [
            rng.choice(GROUP_FORMS).format(R=names.place(s).split()[-1].replace("al-", ""))
            for _ in range(max(2, n_events // 20))
        ]
        for s in styles
    }
    events = []
    base = date(2024, 1, 1)
    etypes, eweights = zip(*ETYPE_WEIGHTS.items(), strict=True)
    for size in sizes:
        style = rng.choice(styles)
        etype = rng.choices(etypes, eweights)[0]
        place = names.place(style)
        province, province_name = rng.choice(provinces[style])
        days = min(6, 1 + size // 8)
        ev = Event(
            slug="",
            etype=etype,
            place=place,
            place2=names.place(style),
            place_past=names.place(style),
            province=province,
            province_name=province_name,
            group=rng.choice(groups[style]),
            start=base + timedelta(days=rng.randrange(730)),
            days=days,
        )
        ev.slug = f"{_key(place).replace(' ', '-')}-{etype}-{ev.start.isoformat()}"
        t = heavy_tail(rng, 2, 150)
        w = t + heavy_tail(rng, 2, 300)
        for _ in range(days + 1):
            ev.toll.append(t)
            ev.wounded.append(w)
            t += rng.randint(0, max(1, t // 4))
            w += rng.randint(0, max(1, w // 6))
        x = ev.extra
        x["ngo_extra"] = rng.randint(1, max(2, ev.toll[0] // 3))
        x["anon_extra"] = rng.randint(1, max(2, ev.toll[0] // 2))
        x["cumulative"] = ev.toll[-1] * rng.randint(5, 30) + rng.randint(0, 99)
        x["militants"] = heavy_tail(rng, 5, 120)
        x["fighters"] = rng.randint(2, 15)
        x["soldiers"] = heavy_tail(rng, 5, 80)
        x["targets"] = rng.randint(2, 15)
        if etype in ("airstrike", "shelling", "clashes"):
            x["strikes"] = rng.randint(3, 40)
        if etype in ("airstrike", "clashes", "flood", "raid", "shelling"):
            x["displaced"] = heavy_tail(rng, 30, 40000)
        if etype in ("raid", "flood"):
            x["missing"] = heavy_tail(rng, 2, 300)
        if etype in ("bombing", "raid", "clashes"):
            x["arrested"] = rng.randint(2, 30)
        ev.sources = make_sources(rng, ev)
        events.append((ev, size))
    return events


# --------------------------------------------------------------------------------------------
# Articles
# --------------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{(\w+)(\^)?([!=])?\}")
_SUBJECT_POSITION = re.compile(r"^\s+(?:said|told|added|says|had|has|put|reported|estimated)\b")


@cache
def _figure_keys(text: str) -> tuple[str, ...]:
    return tuple(m.group(1) for m in _PLACEHOLDER.finditer(text) if m.group(1) in FIG_KIND)


@dataclass
class Planted:
    """A rendered sentence and the gold rows it carries."""

    text: str
    rows: list[tuple] = field(
        default_factory=list
    )  # (kind, low, high, qual, subject, who, incident)
    source: str = ""  # role of its source, for anaphora
    anaphoric: bool = False  # refers back to the sentence before ("It added that ...")
    snippet: str = ""  # the gold `sentence` when it is not the whole text (a wire dateline)


@dataclass
class Doc:
    path: str
    text: str
    rows: list[list[str]]
    outlet: str
    published: date
    event: str
    body: list[list[Planted]] = field(default_factory=list)
    wire: bool = False
    copy_of: str = ""
    lead_role: str = ""  # who the lead sentence quotes ("" = the outlet)
    lead_figures: dict = field(default_factory=dict)  # the lead's figures, for headlines


class Writer:
    """Renders templates for one article: context words, sources and the gold they plant."""

    def __init__(self, rng: random.Random, ev: Event, day: int, outlet: str):
        self.rng = rng
        self.ev = ev
        self.day = day
        self.outlet = outlet
        self.pub = ev.start + timedelta(days=day)
        self.views: dict[str, dict[str, int]] = {}
        self.mentioned: set[str] = set()
        # Which templates a source can say depends only on the event, the day and the role.
        self._applicable = ev.cache.setdefault(("applicable", day), {})
        self.candidates = ev.cache.setdefault(("candidates", day), {})
        self._outlet: dict[str, int] | None = None
        spec = ETYPES[ev.etype]
        self.ctx = self._context(spec)

    def _context(self, spec: dict) -> dict[str, str]:
        r, ev = self.rng, self.ev
        act = r.choice(spec["act"]).replace("{P}", ev.place).replace("{GS}", ev.group[4:])
        past = ev.start - timedelta(days=r.randint(60, 700))
        future = self.pub + timedelta(days=r.randint(3, 40))
        name, _, _ = person(r)
        name2 = f"{r.choice([n for n, g in FIRST_NAMES if g == 'f'])} {r.choice(SURNAMES)}"
        return {
            "ACT": act,
            "act": act[0].lower() + act[1:],
            "P": ev.place,
            "P2": ev.place2,
            "PB": ev.place_past,
            "PROV": ev.province,
            "DAY": WEEKDAYS[ev.start.weekday()],
            "RDAY": WEEKDAYS[self.pub.weekday()],
            "EV": r.choice(spec["ev"]),
            "EVIN": r.choice(spec["evin"]).replace("{P}", ev.place),
            "HN": spec["hn"],
            "OUT": self.outlet,
            "WIRE": r.choice([x for x in WIRES if x != self.outlet]),
            "GS": ev.group[4:],
            "NAME": name,
            "NAME2": name2,
            "AGE": str(r.randint(19, 74)),
            "POP": f"{r.randint(8, 180) * 1000:,}",
            "POP2": f"{r.randint(20, 400) * 500:,}",
            "YEAR0": str(r.randint(2011, 2022)),
            "YEARB": str(r.randint(1962, 2015)),
            "YEAR": str(ev.start.year),
            "PMONTH": MONTHS[past.month - 1],
            "PYEAR": str(past.year),
            "FMONTH": MONTHS[future.month - 1],
            "FDAY": str(future.day),
            "MONTH": MONTHS[self.pub.month - 1],
            "MDAY": str(self.pub.day),
            "TIME": f"{r.randint(1, 11)}:{r.choice(['05', '15', '30', '40', '50'])} "
            f"{r.choice(['a.m.', 'p.m.'])}",
            "KM": str(km := r.randint(3, 90)),
            "MI": str(round(km * 0.621)),
            "KM2": str(r.randint(40, 400)),
            "DIR": r.choice(["north", "south", "east", "west"]),
            "METRES": str(r.randint(2, 9) * 50),
            "PRICE": str(r.randint(2, 6)),
            "MONEY": f"{r.randint(1, 9) * 100_000:,}",
            "HRS": str(r.randint(2, 36)),
            "RES": str(r.randint(2100, 2790)),
            "DEG": str(r.randint(-8, 4)),
            "PCT": str(r.randint(10, 70)),
            "RT": str(r.randint(1, 60)),
            "BEDS": str(r.randint(40, 400)),
            "DAYS": str(r.randint(2, 20)),
            "CURF": str(r.randint(6, 10)),
            "N": str(r.randint(3, 30)),
            "TRUCKS": str(r.randint(12, 80)),
        }

    def fill(self, text: str) -> str:
        """Fill context placeholders only (for filler, captions and plain lines)."""
        return re.sub(r"\{(\w+)\}", lambda m: self.ctx[m.group(1)], text)

    def view(self, role: str) -> dict[str, int]:
        if role not in self.views:
            self.views[role] = self.ev.view(self.rng, role, self.day)
        return self.views[role]

    def applicable(self, tpl: Tpl, role: str | None) -> bool:
        """Return True when a source (None: the outlet) has every figure the template needs."""
        key = (id(tpl), role)
        if key not in self._applicable:
            self._applicable[key] = self._check(tpl, role)
        return self._applicable[key]

    def _check(self, tpl: Tpl, role: str | None) -> bool:
        if tpl.etypes and self.ev.etype not in tpl.etypes:
            return False
        if tpl.attr == "none":
            role = None
        elif role is None or (tpl.roles and role not in tpl.roles):
            return False
        keys = _figure_keys(tpl.text)
        view = self.view(role) if role else self._outlet_view()
        if "{b}" in tpl.text and view.get("k", 10) < 4:
            return False  # a breakdown needs a total it can be part of
        return all(k in view for k in keys if k != "kb")

    def _outlet_view(self) -> dict[str, int]:
        """The outlet's own figures: the health or lead source's, as reported."""
        if self._outlet is None:
            self._outlet = self._outlet_figures()
        return self._outlet

    def _outlet_figures(self) -> dict[str, int]:
        for role in ("health", "civil_defence", "police", "governor", "anon", "ngo"):
            if role in self.ev.sources:
                v = dict(self.view(role))
                v.pop("k0", None)
                return v
        return {"k": self.ev.toll[self.day], "w": self.ev.wounded[self.day]}

    def render(
        self, tpl: Tpl, role: str | None, previous: str | None, figures: dict | None = None
    ) -> Planted:
        """Return the template rendered for a source (None for the outlet) with its gold rows."""
        r = self.rng
        src = self.ev.sources[role] if role and tpl.attr == "src" else None
        view = self.view(role) if src else self._outlet_view()
        figures = dict(figures or {})
        rows = []
        refers_back: list[bool] = []
        text = tpl.text
        subjects = dict(tpl.subjects)

        def sub(m: re.Match[str]) -> str:
            key, initial, strict = m.group(1), bool(m.group(2)), m.group(3) or ""
            if key in FIG_KIND:
                if key not in figures:
                    value = r.randint(5, 90) if key == "kb" else view[key]
                    figures[key] = make_figure(r, key, value, strict, role or "none")
                    if strict == "=":
                        figures[key] = Figure(key, "exact", value, words=True)
                fig = figures[key]
                nounish = bool(_NOUN_NEXT.match(text, m.end()))
                subject = subjects.get(key, SUBJECTS[key])
                who = src.gold if src and key != "kb" else "unattributed"
                if tpl.relay:
                    who = f"{self.ctx['WIRE']}, citing {src.gold}"
                rows.append((FIG_KIND[key], *fig.coded(), fig.qual, subject, who, key))
                return fig.render(initial, nounish)
            if key == "b":
                total = figures.get("k")
                high = total.value if total else 10
                return _num(r.randint(2, max(2, min(9, high - 1))))
            if key == "S":
                anaphoric = previous == role and (initial or _SUBJECT_POSITION.match(text, m.end()))
                if anaphoric:
                    words = src.anaphor
                    refers_back.append(True)
                elif role in self.mentioned and src.second:
                    words = src.second
                else:
                    words = src.first
                self.mentioned.add(role)
                if text[m.end() : m.end() + 1] in ".,":
                    words = words.rstrip(",")  # "according to Dr. X, director of Y."
                return words[0].upper() + words[1:] if initial else words
            value = self.ctx[key]
            return value[0].upper() + value[1:] if initial else value

        out = _PLACEHOLDER.sub(sub, text)
        out = out.replace(",,", ",").replace(",.", ".")
        planted = Planted(out, source=role if src else "", anaphoric=bool(refers_back))
        for kind, low, high, qual, subject, who, key in rows:
            incident = f"background-{self.ev.place_past}" if key == "kb" else self.ev.slug
            planted.rows.append((kind, low, high, qual, subject, who, incident))
        for kind in tpl.zero:
            planted.rows.append((kind, "0", "0", "exact", "civilians", src.gold, self.ev.slug))
        return planted


def _pick_template(rng, writer: Writer, pool: list[Tpl], roles: list[str], used: set[int]):
    """Return (index, template, role) for an unused template a source (or the outlet) can say."""
    every = [c for role in (None, *roles) for c in _candidates(writer, pool, role)]
    candidates = [c for c in every if c[0] not in used] if used else every
    if not candidates:
        return None
    return rng.choices(candidates, [c[1].weight for c in candidates])[0]


def _candidates(writer: Writer, pool: list[Tpl], role: str | None) -> list:
    """Return the (index, template, role) a role (None: the outlet) can say, cached per day."""
    key = (id(pool), role)
    found = writer.candidates.get(key)
    if found is None:
        found = [
            (i, tpl, role)
            for i, tpl in enumerate(pool)
            if (tpl.attr == "none") == (role is None) and writer.applicable(tpl, role)
        ]
        writer.candidates[key] = found
    return found


def write_article(rng: random.Random, ev: Event, day: int, outlet: str, wire: bool) -> Doc:
    """Return an article about an event on a day: headline, layout, body and gold rows."""
    w = Writer(rng, ev, day, outlet)
    roles = sorted(ev.sources)
    rng.shuffle(roles)
    chosen = roles[: rng.randint(3, min(6, len(roles)))]
    # Lead: a toll update after day 0 when a source can give one, else the incident.
    lead_roles = [
        r
        for r in (
            "health",
            "civil_defence",
            "police",
            "governor",
            "anon",
            "ngo",
            "interior",
            "disaster",
            "media",
        )
        if r in ev.sources
    ]
    lead_role = rng.choice(lead_roles)
    if lead_role not in chosen:
        chosen.append(lead_role)
    pool = UPDATE if day > 0 and rng.random() < 0.7 else LEAD
    pick = _pick_template(rng, w, pool, [lead_role], set())
    if pick is None:
        pool = LEAD
        pick = _pick_template(rng, w, pool, [lead_role], set())
    if pick is None:
        raise ValueError("no lead template fits")
    _, tpl, role = pick
    lead = w.render(tpl, role, None)
    if pool is UPDATE:
        # An update names the place only in its {EVIN}; add the incident in a second sentence.
        lead_extra = Planted(w.fill("{ACT} on {DAY}."))
        paragraphs = [[lead, lead_extra]]
    else:
        paragraphs = [[lead]]
    lead_figures = {}
    k_row = next((row for row in lead.rows if row[0] == "killed"), None)
    if k_row:
        lead_figures["k"] = _figure_from_row(k_row, rng)

    # Body: claim sentences (inverted pyramid: most claims early), context sentences between
    # them and after them, until the article reaches its target size.
    target = rng.randint(1900, 3600)
    used: set[int] = set()
    claims: list[Planted] = []
    previous = lead.source
    for _ in range(rng.randint(5, 11)):
        # Often continue with the source just quoted (anaphora), else any chosen source.
        prefer = [previous] if previous and rng.random() < 0.4 else chosen
        pick = _pick_template(rng, w, BODY, prefer, used) or _pick_template(
            rng, w, BODY, chosen, used
        )
        if pick is None:
            break
        i, tpl, role = pick
        used.add(i)
        planted = w.render(tpl, role, previous)
        claims.append(planted)
        previous = planted.source
    size = len(lead.text) + sum(len(c.text) + 1 for c in claims) + 150
    order = list(range(len(FILLER)))
    rng.shuffle(order)
    context: list[Planted] = []
    while size < target and order:
        filler = Planted(w.fill(FILLER[order.pop()]))
        context.append(filler)
        size += len(filler.text) + 1
    while claims or context:
        para: list[Planted] = []
        for _ in range(rng.choice((1, 2, 2, 3))):
            # A claim continues its paragraph; context breaks in now and then.
            # An anaphoric claim ("It added ...") must follow its antecedent directly.
            if claims and (claims[0].anaphoric or not context or rng.random() < 0.7):
                if para and not para[-1].rows and not claims[0].anaphoric and rng.random() < 0.5:
                    break
                para.append(claims.pop(0))
            elif context:
                if claims and claims[0].anaphoric:
                    break
                para.append(context.pop(0))
        if para:
            paragraphs.append(para)

    body_paras = paragraphs
    if wire:
        dateline = f"{ev.place.upper()}, {MONTHS[w.pub.month - 1]} {w.pub.day} ({outlet}) - "
        # The gold snippet stays the sentence without its dateline prefix.
        first = Planted(dateline + lead.text, lead.rows, lead.source, snippet=lead.text)
        body_paras[0] = [first, *body_paras[0][1:]]
    doc = Doc("", "", [], outlet, w.pub, ev.slug, body_paras, wire)
    doc.lead_role, doc.lead_figures = role or "", lead_figures
    return finish(rng, w, doc)


def _figure_from_row(row: tuple, rng: random.Random) -> Figure:
    """Rebuild a headline Figure that repeats the lead's killed figure."""
    kind, low, high, qual, *_ = row
    if qual == "exact":
        return Figure("k", "exact", int(low), words=True)
    if qual in ("at_least", "about", "nearly", "more_than"):
        value = int(low) - 1 if qual == "more_than" else int(low)
        return Figure("k", qual, value, prefix=rng.choice(PREFIXES[qual]), words=True)
    return Figure("k", "exact", int(low or high or 2), words=True)


def finish(rng: random.Random, w: Writer, doc: Doc) -> Doc:
    """Give a Doc its headline, layout and text, and collect the gold rows (checked unique)."""
    ev = w.ev
    spec = ETYPES[ev.etype]
    for _ in range(20):
        head = _headline(rng, w, spec, doc)
        if head is not None:
            break
    if head is None:
        # Early in a small story the outlet may know no figure any headline template needs:
        # it then leads with the incident alone (no figure, so no gold row).
        head = Planted(f"{ev.etype.replace('_', ' ').capitalize()} reported in {ev.place}")
    web = rng.random() < 0.5
    planted_lines: list[Planted] = [head]
    lines: list[str] = []
    if web:
        lines.append(head.text)
        if rng.random() < 0.7:
            st = _standfirst(rng, w)
            lines.append(st.text)
            planted_lines.append(st)
        if rng.random() < 0.4:
            lines.append(w.fill(rng.choice(CAPTIONS)))
        if rng.random() < 0.2:
            lines.append(rng.choice(SECTIONS))
        lines.append(f"By {person(rng)[0]}")
        lines.append(_date_line(rng, doc.published))
        header = "\n".join(lines) + "\n\n"
    else:
        slug = re.sub(r"[^a-z0-9]+", "-", head.text.lower()).strip("-")[:60]
        site = re.sub(r"[^a-z0-9]+", "", doc.outlet.lower())
        header = (
            f"---\ntitle: {head.text}\noutlet: {doc.outlet}\npublished: {doc.published}\n"
            f"url: https://{site}.example/news/{doc.published:%Y/%m/%d}/{slug}\n---\n"
        )
    body = "\n\n".join(" ".join(p.text for p in para) for para in doc.body)
    doc.text = header + body + "\n"
    rows: list[list[str]] = []
    for p in planted_lines + [p for para in doc.body for p in para]:
        snippet = p.snippet or p.text
        if p.rows and doc.text.count(snippet) != 1:
            raise ValueError(f"snippet not unique: {snippet!r}")
        for kind, low, high, qual, subject, who, incident in p.rows:
            rows.append([incident, "", kind, low, high, qual, subject, who, snippet])
    doc.rows = rows
    return doc


def _headline(rng: random.Random, w: Writer, spec: dict, doc: Doc) -> Planted | None:
    """Return a headline: the outlet's own words, or attributed ("...: Police", "X says ...").

    An attributed headline names the lead's source and repeats its figure; an unattributed one
    states the lead's figure as fact (the "attribution dropped" pattern).
    """
    text = rng.choice(spec["heads"])
    keys = [m.group(1) for m in _PLACEHOLDER.finditer(text) if m.group(1) in FIG_KIND]
    src = None
    if rng.random() < 0.4:
        lead_src = w.ev.sources.get(doc.lead_role)
        if lead_src is not None and lead_src.headline:
            src = lead_src
        else:
            named = [
                r
                for r in ("health", "ngo", "police", "army", "civil_defence", "governor")
                if r in w.ev.sources and w.ev.sources[r].headline
            ]
            src = w.ev.sources[rng.choice(named)] if named else None
    same_as_lead = src is None or src.role == doc.lead_role
    view = w._outlet_view() if src is None else w.view(src.role)
    figures = {}
    for k in keys:
        if same_as_lead and k in doc.lead_figures:
            figures[k] = doc.lead_figures[k]
        elif k in view:
            figures[k] = make_figure(rng, k, view[k], True, "none")
            figures[k].words = True
        else:
            return None
    planted = w.render(Tpl(text, attr="none"), None, None, figures)
    if src is not None:
        if text.startswith("{k^}") and rng.random() < 0.4:
            planted.text = f"{src.headline} says {planted.text[0].lower()}{planted.text[1:]}"
        elif ":" not in text:
            planted.text = f"{planted.text}{rng.choice([': ', ' - '])}{src.headline}"
        else:
            return None
        planted.rows = [(*row[:5], src.headline, row[6]) for row in planted.rows]
    return planted


def _standfirst(rng: random.Random, w: Writer) -> Planted:
    if rng.random() < 0.5:
        roles = sorted(w.ev.sources)
        pick = _pick_template(rng, w, STANDFIRST_CLAIM, roles, set())
        if pick is not None:
            return w.render(pick[1], pick[2], None)
    return Planted(w.fill(rng.choice(STANDFIRST_PLAIN)))


def _date_line(rng: random.Random, day: date) -> str:
    month = MONTHS[day.month - 1]
    form = rng.randrange(4)
    if form == 0:
        return f"{month} {day.day}, {day.year}"
    if form == 1:
        return f"{day.day} {month} {day.year}"
    if form == 2:
        return f"Published: {day.day} {month} {day.year}, {rng.randint(6, 22)}:{rng.randint(0, 59):02d} GMT"
    return f"Updated: {month} {day.day}, {day.year} at {rng.randint(1, 11)}:{rng.randint(0, 59):02d} a.m."


def reprint(rng: random.Random, original: Doc, ev: Event, outlet: str) -> Doc:
    """Return another outlet's copy of a wire article: same body, its own headline and layout."""
    day = min(ev.days, (original.published - ev.start).days + rng.choice((0, 0, 1)))
    w = Writer(rng, ev, day, outlet)
    doc = Doc(
        "",
        "",
        [],
        outlet,
        w.pub,
        ev.slug,
        original.body,
        False,
        original.path,
        original.lead_role,
        original.lead_figures,
    )
    for _ in range(10):
        copy = finish(rng, w, doc)
        if copy.text != original.text:
            return copy
    raise RuntimeError("could not make a distinct reprint")


# --------------------------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------------------------


def generate(
    n: int,
    out: Path,
    seed: int = 7,
    wire_share: float = 0.15,
    mean_event_size: float = 25.0,
    zipf: float = 0.7,
) -> dict:
    """Write n articles, gold.csv and manifest.json under `out`; return the manifest."""
    rng = random.Random(seed)
    started = time.perf_counter()
    events = make_events(rng, n, mean_event_size, zipf)
    folder = out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    all_rows: list[list[str]] = []
    total_bytes = 0
    count = 0
    sizes = []
    wire_copies = 0
    for ev, size in events:
        docs: list[Doc] = []
        wires: list[Doc] = []
        for _ in range(size):
            if wires and rng.random() < wire_share:
                original = rng.choice(wires)
                outlet = rng.choice([o for o in OUTLETS if o != original.outlet])
                doc = reprint(rng, original, ev, outlet)
                wire_copies += 1
            else:
                day = min(ev.days, int(rng.expovariate(0.6)))
                is_wire = rng.random() < 0.3
                outlet = rng.choice(WIRES if is_wire else OUTLETS)
                for _attempt in range(20):
                    try:
                        doc = write_article(rng, ev, day, outlet, is_wire)
                        break
                    except ValueError:
                        continue
                else:
                    raise RuntimeError("could not write a unique article")
                if is_wire:
                    wires.append(doc)
            count += 1
            site = re.sub(r"[^a-z0-9]+", "-", doc.outlet.lower()).strip("-")
            place = _key(ev.place).replace(" ", "-")
            doc.path = f"articles/{count:05d}-{site}-{doc.published}-{place}.txt"
            data = doc.text.encode("utf-8")
            (out / doc.path).write_bytes(data)
            total_bytes += len(data)
            for row in doc.rows:
                row[1] = doc.path
            all_rows.extend(doc.rows)
            docs.append(doc)
        sizes.append(size)
    with open(out / "gold.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(GOLD_HEADER)
        writer.writerows(all_rows)
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "articles": count,
        "bytes": total_bytes,
        "gold_rows": len(all_rows),
        "events": len(events),
        "largest_events": sorted(sizes, reverse=True)[:5],
        "wire_copies": wire_copies,
        "seconds": round(time.perf_counter() - started, 2),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--wire-share",
        type=float,
        default=0.15,
        help="share of articles that reprint an earlier wire story",
    )
    parser.add_argument(
        "--mean-event-size",
        type=float,
        default=25.0,
        help="articles per event on average (events = n / this)",
    )
    parser.add_argument(
        "--zipf",
        type=float,
        default=0.7,
        help="Zipf exponent of event sizes (higher: a few events dominate)",
    )
    args = parser.parse_args(argv)
    manifest = generate(
        args.n, args.out, args.seed, args.wire_share, args.mean_event_size, args.zipf
    )
    print(json.dumps(manifest), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
