"""Source roles: what kind of source said a figure, and a normalized key for who it is.

Roles follow the casualty-recording practice in the README: a party to the conflict reports
claims, not confirmations; anonymous officials are weaker than named ones; the outlet's own
unattributed statements are a role of their own. The rules are an ordered table: the first
pattern that matches the source's words decides. Add a row to teach a new source type.
"""

from __future__ import annotations

import re

from unidecode import unidecode

ROLES = (
    "party",
    "official",
    "anonymous_official",
    "witness",
    "medical",
    "ngo",
    "media",
    "outlet",
    "other",
)
OUTLET = "outlet"
UNATTRIBUTED = "unattributed"

# Indefinite or bare-plural officials and sources are anonymous, whatever institution they name.
_ANONYMOUS = re.compile(
    r"^(?:(?:a|an|one|two|three|several|some|other|senior|local|unnamed|anonymous)\s+)"
    r"(?:[\w'’.-]+\s+){0,5}?(?:officials?|sources?|spokes(?:man|woman|person)|"
    r"diplomats?|officers?|commanders?|aides?|insiders?)\b"
    r"|^(?:[\w'’.-]+\s+){0,3}?(?:officials|sources)$"
    r"|^(?:officials|sources|security\s+sources|authorities)$",
    re.I,
)


def _acronyms(*names: str) -> str:
    """Return an alternation that matches these acronyms in capitals only: in lower case they
    are words or names ("who", "Dr. Sana Yousef", "Ngo Van Long"), not the WHO or SANA."""
    return "(?-i:" + "|".join(re.escape(n).replace(r"\.", r"\.?") for n in names) + ")"


ROLE_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "media",
        re.compile(
            r"\b(?:reuters|agence france-presse|associated press|al jazeera|"
            r"al arabiya|state (?:media|tv|television|news agency)|news agency|newspaper|"
            r"television|broadcaster|journalists?|reporters?|correspondents?|xinhua|"
            r"anadolu|ria novosti|interfax|the new york times|the guardian|"
            r"the washington post|local media|media reports?|"
            + _acronyms("AFP", "AP", "CNN", "BBC", "TASS", "IRNA", "SANA", "WAFA")
            + r")\b",
            re.I,
        ),
    ),
    ("anonymous_official", _ANONYMOUS),
    (
        "medical",
        re.compile(
            r"\b(?:hospitals?|health\s+minist(?:ry|er)|ministry\s+of\s+health|medics?|"
            r"paramedics?|doctors?|physicians?|nurses?|ambulance|medical|health\s+officials?|"
            r"health\s+authorit(?:y|ies)|morgue|coroner|civil defen[cs]e|"
            r"health\s+(?:department|directorate|services?|office|bureau)|(?-i:MOH|MoH))\b",
            re.I,
        ),
    ),
    (
        "ngo",
        re.compile(
            r"\b(?:red\s+cross|red\s+crescent|united\s+nations|unicef|ocha|unhcr|unrwa|"
            r"world\s+health\s+organi[sz]ation|amnesty|human\s+rights\s+watch|"
            r"m[ée]decins\s+sans\s+fronti[èe]res|doctors\s+without\s+borders|charity|"
            r"(?:aid|humanitarian|relief)\s+(?:groups?|agenc(?:y|ies)|workers?|organi[sz]ations?)|"
            # Groups that count but do not fight: "a rescue group", "the monitoring group".
            r"(?:rescue|monitoring|volunteer|advocacy|civil\s+society|community|medical|"
            r"victims['’]?|residents['’]?)\s+groups?|"
            r"observatory|(?:human\s+)?rights\s+(?:groups?|monitors?|organi[sz]ations?|defenders?)|"
            r"non-?governmental\s+organi[sz]ations?|monitors?|"
            r"save\s+the\s+children|oxfam|airwars|acled|activists?|"
            + _acronyms("U.N.", "WHO", "MSF", "NGOs", "NGO", "IOM", "WFP", "ICRC")
            + r")\b",
            re.I,
        ),
    ),
    (
        "witness",
        re.compile(
            r"\b(?:witness(?:es)?|eyewitness(?:es)?|residents?|survivors?|villagers?|"
            r"neighbou?rs?|locals|relatives?|teachers?|parents?|a\s+man|a\s+woman|"
            r"passers?-by|shopkeepers?|farmers?|students?)\b",
            re.I,
        ),
    ),
    (
        "party",
        re.compile(
            r"\b(?:militias?|armed\s+groups?|group|hezbollah|hamas|islamic\s+jihad|rebels?|"
            r"insurgents?|fighters?|army|military|armed\s+forces|(?-i:IDF)|defen[cs]e\s+forces|"
            r"defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|pentagon|taliban|brigades?|"
            r"movement|faction|islamic\s+state|(?-i:ISIS|ISIL)|daesh|houthis?|ansar\s+allah|"
            r"al-shabaab|al\s+shabaab|boko\s+haram|wagner|kataib|hashd|popular\s+mobili[sz]ation|"
            r"forces|navy|air\s+force|militants?|paramilitar(?:y|ies)|jihadists?|"
            r"central\s+command|centcom|(?<!police\s)command)\b",
            re.I,
        ),
    ),
    (
        "official",
        re.compile(
            r"\b(?:minist(?:er|ry)|government|president|prime\s+minister|governor|mayor|"
            r"police|spokes(?:man|woman|person)|officials?|authorit(?:y|ies)|department|"
            r"white\s+house|state\s+department|washington|kremlin|commissioner|council|"
            r"agency|office|directorate|administration|emergency\s+services?|rescuers?|fire\s+service|"
            r"prosecutors?|court|embassy|ambassador|diplomats?|consul(?:ate)?|chief|head|director|"
            r"secretary|senator|"
            r"lawmakers?|(?-i:MPs?)|parliament|railways?|services?|governorate|municipality|"
            r"county|sheriff)\b"
            # The titles' abbreviations in wire style: "Gov. Lena Paik", "Sen.", "Rep.", "Supt."
            r"|\b(?-i:Gov|Sen|Rep|Supt|Insp|Cmdr|Comm?r)\.",
            re.I,
        ),
    ),
]


def role_of(source: str) -> str:
    """Return the role ('party', 'official', 'anonymous_official', ...) of a source's words."""
    if not source or source.lower() == UNATTRIBUTED:
        return OUTLET
    for role, pattern in ROLE_RULES:
        if pattern.search(source):
            return role
    return "other"


_DETERMINER = re.compile(r"^(?:the|a|an|one|some)\s+", re.I)
_POSSESSOR = re.compile(
    r"^[A-ZÀ-ÖØ-ÞĀ-ſ][\w.-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w.-]*)?['’]s\s+(?=[A-ZÀ-ÖØ-ÞĀ-ſ])"
)
_GENERIC_TAIL = re.compile(
    r"\s+(?:militia|paramilitary group|armed group|group|movement|organi[sz]ation|faction)$", re.I
)


def normalize_source(source: str) -> str:
    """Return a key for who a source is: "Iraq's Kataib Hezbollah militia" -> "kataib hezbollah"."""
    if not source or source.lower() == UNATTRIBUTED:
        return UNATTRIBUTED
    s = source.strip().strip("\"'“”‘’,.")
    s = _DETERMINER.sub("", s)
    s = _POSSESSOR.sub("", s)
    if _CAPITAL.search(s.rsplit(" ", 1)[0] if " " in s else ""):
        s = _GENERIC_TAIL.sub("", s)
    s = unidecode(s).lower()
    s = _PUNCTUATION.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſ]")
_PUNCTUATION = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"\s+")


def is_party(role: str) -> bool:
    """Return True for a side in the conflict, whose figures are claims, not confirmation."""
    return role == "party"
