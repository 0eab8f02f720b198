"""The reporting-verb and reporting-noun lexicon (`data/reporting_verbs.csv`) as cue patterns.

The lexicon is data: each row a lemma, its class (speech, estimate, record, revise, after, noun),
its inflections and where the lemma comes from (textacy, the Gender Gap Tracker, PARC 3.0's cue
types). This module reads it once and compiles each class into one fast alternation.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from reconcile.extract.patterns import alternation

CLASSES = ("speech", "estimate", "record", "revise", "after", "noun")
# What "{FIG}" and "*" stand for in a form: "gave the death toll as", "put it at".
# "names" too: a body that "released the names of 388 people" keeps that list.
FIGURE_NOUNS = (
    r"(?:death\s+)?(?:toll|figure|number|count|tally|estimate|update|list|statistic|name)s?"
)
# Up to six words, not a negation ("gave no figure" gives none), nor a clause's own verb of
# saying ("expected as authorities warned the number ...": the authorities warned).
_ANY_WORDS = (
    r"(?:\s+(?!no\b|not\b|as\b|said\b|says\b|told\b|warned\b|added\b|announced\b|reported\b)"
    r"[^\s,.;:!?\"“”]+){0,6}?\s+"
)


# "{OBJ}": a figure noun or "to"/"from" follows the verb ("raised the toll to"), so "raised the
# alarm" is no cue; a lookahead, so the cue's words stay the verb's.
_FIGURE_OBJECT = r"(?=(?:\s+[^\s,.;:!?]+){0,6}?\s+(?:to|from)\b|(?:\s+[^\s,.;:!?]+){0,4}?\s+" + (
    FIGURE_NOUNS + r")"
)


# "{WHEN}": a day between a passive participle and its agent ("announced Monday by X").
_WHEN = r"(?:\s+(?:on\s+|late\s+|early\s+)?(?:[A-Za-z]+day|today|yesterday|earlier|later))?"


def _form_regex(form: str) -> str:
    """Return a form as an alternation entry: plain words stay words, templates become regex."""
    if "*" not in form and "{" not in form:
        return form.replace("_", " ")
    # A template holds "?" once expanded, which `alternation` takes as a regex fragment.
    regex = form.replace("{FIG}", FIGURE_NOUNS).replace("{OBJ}", _FIGURE_OBJECT)
    regex = regex.replace("{WHEN}", _WHEN)
    return regex.replace("_*_", _ANY_WORDS).replace("_", r"\s+")


@cache
def lexicon() -> dict[str, list[str]]:
    """Return the forms of each class of cue, as alternation entries."""
    text = resources.files("reconcile").joinpath("data/reporting_verbs.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    forms: dict[str, list[str]] = {name: [] for name in CLASSES}
    for row in rows:
        if row["class"] not in forms:
            raise ValueError(f"reporting_verbs.csv: unknown class {row['class']!r}")
        forms[row["class"]].extend(_form_regex(f) for f in row["forms"].split())
    return forms


def verb_forms() -> list[str]:
    """Return every verb form whose source stands before it ("X said", "X put the toll at")."""
    table = lexicon()
    return table["speech"] + table["estimate"] + table["record"] + table["revise"]


def verb_alternation() -> str:
    """Return one regex alternation of the verb forms."""
    return alternation(verb_forms())


def after_alternation() -> str:
    """Return the cues whose source follows them ("according to X", "reported by X")."""
    return alternation(lexicon()["after"])


def noun_alternation() -> str:
    """Return the reporting nouns ("figures", "data", "tally")."""
    return alternation(lexicon()["noun"])


def is_participle(verb: str) -> bool:
    """Return True for a cue's -ing form ("reporting", "putting the toll at")."""
    return verb.split()[0].lower().endswith("ing")
