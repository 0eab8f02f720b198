"""One source under several names: a key for who a source is, the same however it is named.

An article names a source fully once ("Petra Olin, head of the regional military
administration") and then shortly ("Olin", "the governor", "the administration"). Within an
article, a name whose words all lie in one fuller name is that source. A person's key is their
name, with titles and offices dropped ("Velmora governor Petra Olin" and "Petra Olin,
the governor" are both "petra olin"), so two articles that name the same person meet.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reconcile.model import Claim
from reconcile.roles import OUTLET, normalize_source, role_of

# Words that say what office a person holds: a name is what stands after the last of them
# ("Velmora Mayor Petra Olin") or before the apposition ("X, the governor of Y").
_TITLE = re.compile(
    r"\b(?:minister|governor|mayor|president|premier|chancellor|spokes(?:man|woman|person)|"
    r"director|head|chief|commander|secretary|chair(?:man|woman)?|general|colonel|captain|"
    r"lieutenant|sheikh|official|officer|ambassador|envoy|coordinator|prosecutor|inspector|"
    r"superintendent|commissioner|senator|governor-general|dr|mr|mrs|ms|prof)\b\.?",
    re.I,
)
_PERSON_NAME = re.compile(
    r"^[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]+(?:\s+(?:al-|el-|de\s+|van\s+|bin\s+)?[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]+){1,3}$"
)
_STOP = {
    "the", "a", "an", "of", "in", "at", "for", "and", "on", "by", "its", "his", "her", "their",
    "s", "said", "local", "state",
}  # fmt: skip


@lru_cache(maxsize=4096)
def person_key(source: str) -> str:
    """Return the name of the person a source names ("petra olin"), or "" for none."""
    head = source.split(",")[0].strip()
    titles = list(_TITLE.finditer(head))
    if titles:
        head = head[titles[-1].end() :].strip()
    # "The Vale Health Ministry" is capitalised like a name but is an institution.
    person = _PERSON_NAME.match(head) and not head.startswith("The ") and role_of(head) == "other"
    return normalize_source(head) if person else ""


@lru_cache(maxsize=4096)
def source_key(source: str) -> str:
    """Return the key of a source's words: a person's name, else the normalized words."""
    return person_key(source) or normalize_source(source)


def _content(key: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", key) if w not in _STOP)


def unify_sources(claims: list[Claim]) -> None:
    """Give the claims of one article one key per source: a short name takes the key of the
    one fuller name whose words hold all of its words ("the governor" -> "Pavlo K., the
    governor of Y"); a short name two fuller names could mean keeps its own key."""
    named = {c.source for c in claims if c.source_role != OUTLET}
    words = {src: _content(normalize_source(src)) for src in named}
    for claim in claims:
        if claim.source_role == OUTLET:
            continue
        mine = words[claim.source]
        if not mine:
            continue
        fuller = {
            source_key(other)
            for other, theirs in words.items()
            if other != claim.source and mine < theirs
        }
        if len(fuller) == 1:
            claim.source_norm = fuller.pop()
        else:
            claim.source_norm = source_key(claim.source)


_SURNAME = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+")


def unify_across(claims: list[Claim]) -> None:
    """Give a person named by surname alone ("Olin said") the key of the one full name
    ending in it among all the claims ("petra olin"); two full names sharing it keep it."""
    full: dict[str, set[str]] = {}
    for claim in claims:
        key = claim.source_norm
        if " " in key and person_key(claim.source) == key:
            full.setdefault(key.rsplit(" ", 1)[1], set()).add(key)
    for claim in claims:
        names = full.get(claim.source_norm, set())
        if len(names) == 1 and _SURNAME.fullmatch(claim.source.strip()):
            claim.source_norm = next(iter(names))


# An office and the body it belongs to speak with one voice: "Egypt's Health Minister Hala
# Zayed", "the Health Ministry", "the Ministry of Health and Population" and "a health ministry
# spokesperson" all give the ministry's count.
# The ministries that count a domestic toll (a foreign ministry counts its own nationals).
_DOMAINS = (
    r"health|interior|defen[cs]e|home(?:\s+affairs)?|emergenc(?:y|ies)(?:\s+situations)?|"
    r"civil\s+defen[cs]e|disaster\s+management|public\s+health|public\s+security"
)
_MINISTRY = re.compile(
    rf"\b(?P<domain>{_DOMAINS})\s+minist(?:er|ry|ries)\b"
    rf"|\bminist(?:er|ry)\s+(?:of|for)\s+(?:the\s+)?(?P<domain_after>{_DOMAINS})\b",
    re.I,
)
# The first words of the domains, capitalised in a ministry's name: no country.
_DOMAIN_WORDS = frozenset(
    {"the", "health", "interior", "defence", "defense", "home", "emergency", "emergencies",
     "civil", "disaster", "public"}
)  # fmt: skip


@lru_cache(maxsize=4096)
def institution_key(source: str) -> str:
    """Return the ministry a source speaks for ("ministry:health"), or "" when it names none."""
    match = _MINISTRY.search(source)
    if not match:
        return ""
    domain = re.sub(r"\s+", " ", (match["domain"] or match["domain_after"]).lower())
    domain = domain.replace("defense", "defence").replace("public health", "health")
    domain = domain.split()[0] if domain.startswith(("home", "emergenc")) else domain
    return "ministry:" + domain


def same_institution(a: str, b: str) -> bool:
    """Return True when two sources speak for one ministry and name no two countries for it
    ("Egypt's Health Minister" and "the Health Ministry"; not "Turkish" and "Greek")."""
    key = institution_key(a)
    if not key or key != institution_key(b):
        return False
    ca, cb = _country_word(a), _country_word(b)
    return not ca or not cb or ca == cb


_COUNTRY_WORD = re.compile(r"\b([A-Z][a-z]+)(?:['’]s\b|(?=\s+(?:[A-Z][a-z]+\s+)?Minist))")


def _country_word(source: str) -> str:
    """Return the possessor or adjective before a ministry ("Egypt", "Turkish"), or ""."""
    match = _COUNTRY_WORD.search(source)
    word = match.group(1) if match else ""
    return "" if word.lower() in _DOMAIN_WORDS else word
