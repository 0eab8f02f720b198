"""Who says a figure: reporting cues ("X said", "according to X", "..., said X") and their reach.

`find_cues(sentence)` returns each cue with its source's words and the stretch of the sentence
it governs. `Speakers` remembers who has spoken so far in an article, so "the group said", "it
added" and "he said" resolve to the source named earlier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from reconcile.dates import WEEKDAY
from reconcile.extract import reporting, vocab
from reconcile.extract.patterns import alternation
from reconcile.roles import UNATTRIBUTED, role_of

# Titles written short before a name: their period ends no name ("Dr. Samir Aoun").
_TITLE_ABBREVIATIONS = (
    "Dr", "Mr", "Mrs", "Ms", "Gen", "Lt", "Col", "St", "Sen", "Gov", "Rep", "Capt", "Maj", "Prof",
    "Sgt", "Cpl", "Adm", "Brig", "Lt.-Col", "No", "Supt", "Insp", "Det", "Cmdr",
)  # fmt: skip
_NOT_AN_ABBREVIATION = "".join(rf"(?<!\b{a})" for a in _TITLE_ABBREVIATIONS)
_ABBREVIATION_PERIOD = (
    "(?:" + "|".join(rf"(?<=\b{a})" for a in _TITLE_ABBREVIATIONS) + r")\.(?=\s+[A-ZÀ-ÖØ-ÞĀ-ſ])"
)
SPEECH_RE = re.compile(r"\b(?P<verb>" + reporting.verb_alternation() + r")\b", re.I)
AFTER_RE = re.compile(
    r"\b(?P<verb>" + reporting.after_alternation() + r")\s+"
    # "according to Public Safety Lt. Karl Brenner": a title's abbreviation goes on to the name.
    r"(?P<src>(?:[^,;.:!?()\"“”]|" + _ABBREVIATION_PERIOD + r"){2,120}?)"
    r"(?=\s*(?:[,;:!?()\"“”]|" + _NOT_AN_ABBREVIATION + r"\.(?:\s|$)|\s+(?:that|who|which|"
    # "the toll according to the minister is 132": the clause's verb ends the source.
    r"as|on|in\s+a|after|when|while|and\s+(?:said|added)|is|are|was|were|stood|stands|has|had|"
    # "Figures given by officials for the number of people missing ranged from 231": the
    # figure noun and the verb after the source end it too.
    r"have|(?-i:for\s+the\s+(?:number|toll|figure|count|tally)|ranged|ranges|range|showed|shows|"
    r"show|indicated|indicates|indicate|rose|rises|reached|reaches|reach))\b|$))",
    re.I,
)
# "..., said the spokesman" / '," said Ahmed' - the source follows the verb.
INVERTED_RE = re.compile(
    # Title case too: "Toll Rises to 68, Confirms Home Minister Harsh Sanghavi".
    r"(?:,|[\"”’])\s*[\"”’]?\s*(?P<verb>(?i:said|says|added|adds|(?<=[\"”’]\s)told|(?<=[\"”’])told|wrote|stated|noted|"
    r"explained|confirmed|reported|reports|notes|writes|states|confirms|explains))\s+(?P<src>(?:the|a|an)\s+[^,;.!?\"“”]{2,80}?|"
    # Wire style puts a lower-case title before the name: "said fire chief Anna Lind".
    r"(?:(?!(?:on|in|at|to|by|of|for|from|with|after|before|during|when|while|that|this|it|its|"
    r"there|they|he|she|we|last|early|late|earlier|later|and|but|so|then|also|again)\b)"
    r"[a-z][\w'’-]*\s+){0,3}[A-ZÀ-ÖØ-ÞĀ-ſ]"
    r"(?:[^,;.!?\"“”]|\.(?=\s+[A-ZÀ-ÖØ-ÞĀ-ſ])){1,80}?"  # "Dr. Samir Aoun": an abbreviation's period
    # A bare noun phrase of a source noun in lower case: ", says media reports", ", said
    # local residents".
    r"|(?:[a-z][\w'’-]*\s+){0,2}(?:"
    + alternation(
        [
            w
            for w in vocab.SOURCE_NOUNS["speaker"]
            if w not in ("he", "she", "it", "they", "we", "i")
        ]
    )
    + r"))"
    # A period ends the name unless it ends a title's abbreviation ("said Dr. Samir Aoun").
    r"(?=\s*(?:[,;!?\"“”]|"
    + _NOT_AN_ABBREVIATION
    + r"\.|$|\s+(?:on|in|at|after|adding|who|told)\b))",
)
# Reporting nouns: "figures from the ministry", "data compiled by X", "X's latest tally shows".
_NOUN = (
    r"(?:(?:latest|own|official|preliminary|provisional|new|updated|daily|final)\s+)?(?P<noun>"
    + (reporting.noun_alternation() + r")")
)
NOUN_AFTER_RE = re.compile(
    r"\b" + _NOUN + r"\s+(?:(?:compiled|released|published|provided|issued|gathered|collected|"
    r"offered|given|established|announced|updated|shared)\s+"
    # "The latest count established Monday by the junta": a day between participle and agent.
    r"(?:(?:on\s+|late\s+|early\s+)?(?:[A-Z][a-z]+day|today|yesterday)\s+)?)?"
    # The source ends before the figure the noun holds: "a tally released by the ministry of 15
    # dead".
    r"(?:from|by)\s+(?P<src>[^,;.:!?()\"“”]{2,100}?)(?=\s+of\s+(?:\w+\s+){0,2}?\d"
    r"|\s*(?:[,;:!?()\"“”]|\.(?:\s|$)|\s+(?:that|"
    r"which|show|showed|shows|put|puts|say|says|said|indicate[sd]?|suggest(?:s|ed)?|as|on|in|"
    r"for|had|have|has|were|was|follow|follows|followed|come|comes|came|bring|brings|brought|"
    r"mark|marks|marked|raise|raises|raised|confirm|confirms|confirmed)\b|$))",
    re.I,
)
# A source phrase that is a body's document: "the centre's latest bulletin".
_POSSESSED_DOCUMENT = re.compile(r"(?P<src>.+?)['’]s?\s+" + _NOUN + r"$", re.I)
# A body named as its document's modifier: "an AP tally", "a Reuters count".
_NAMED_DOCUMENT = re.compile(
    r"^(?i:an?|the)\s+(?:(?i:latest|own|new|official)\s+)?(?P<src>(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w.&-]*\s+){0,3}?"
    r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w.&-]*)\s+(?i:" + reporting.noun_alternation() + r")$"
)


# A named body's document whose content follows: "a Supporter Arema report that ...".
_DOCUMENT_THAT = re.compile(
    r"\b(?i:an?|the)\s+(?P<src>(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w.&-]*\s+){0,3}?[A-ZÀ-ÖØ-ÞĀ-ſ][\w.&-]*)\s+"
    r"(?P<noun>(?i:report|claim|statement|estimate|tally|count|assessment))\s+that\b"
)


# A document and its issuer after "according to": "the latest release by the fire service".
_DOCUMENT_OF = re.compile(
    r"(?:(?:a|an|the)\s+)?(?:(?:latest|new|updated|official|daily|final|first)\s+)?"
    r"(?:(?:news|press)\s+)?(?:release|announcement|briefing|communiqu[eé])s?\s+(?:from|by|of)\s+"
    r"(?P<src>.+)$",
    re.I,
)


# A figure's document and who gave it: "a new mounting toll given by police".
_DOCUMENT_BY = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?(?i:" + reporting.noun_alternation() + r")\s+"
    r"(?:given|established|released|issued|provided|published|announced|compiled|updated|"
    r"offered|shared)\s+(?:(?:on\s+)?[A-Z][a-z]+day\s+)?by\s+(?P<src>.+)$",
    re.I,
)


def document_owner(src: str) -> str:
    """Return who keeps a document named as a source ("the county's latest count", "an AP
    tally", "the latest release by the fire service", "a new toll given by police" -> "the
    county", "AP", "the fire service", "police"), or the words themselves."""
    document = (
        _POSSESSED_DOCUMENT.match(src)
        or _NAMED_DOCUMENT.match(src)
        or _DOCUMENT_OF.match(src)
        or _DOCUMENT_BY.match(src)
    )
    return document["src"] if document and plausible_source(document["src"]) else src


# A source phrase led by a reporting noun: "(Latest) figures from X", "a report by X".
_NOUN_LED = re.compile(
    r"(?:(?:a|an|the)\s+)?" + _NOUN + r"\s+(?:(?:compiled|released|published|provided|issued)\s+)?"
    r"(?:from|by)\s+(?P<src>.+)$",
    re.I,
)
POSSESSIVE_NOUN_RE = re.compile(
    # "the Davao de Oro provincial government's tally": after "the", words of either case.
    r"(?P<src>(?:(?i:the)\s+(?:(?!(?:the|said|says|and|or|in|at|on|that|which|who)\b)[\w.&-]+\s+)"
    r"{0,5}?[a-z]+)|(?:the\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w.&-]*\s+){0,5}?(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w.&-]*|[a-z]+))"
    r"['’]s?\s+" + _NOUN + r"\b",
)
# "It was reported that ...", "it is estimated that": a report with no one named.
IMPERSONAL_RE = re.compile(
    r"(?=[iIaA])\b(?:it|as)\s+(?:was|is|has\s+been|had\s+been)\s+(?P<verb>reported|estimated|said|"
    r"believed|feared|claimed|alleged|understood)\b",
    re.I,
)
# The count the authorities keep, named as such: "the official tally", "official figures".
_OFFICIAL_FIGURE = re.compile(
    r"\b(?P<src>official\s+(?:death\s+)?(?:figures?|tally|tallies|toll|count|numbers?|estimates?|"
    r"records|data))\b",
    re.I,
)
# "..., it has been revealed", "It emerged that ...": the outlet tells it, naming no one (so no
# earlier speaker's account goes on through it).
_OUTLET_REVEALS = re.compile(
    r"\bit\s+(?:(?:has|had)\s+been|was|is|can\s+(?:now\s+)?be)\s+(?:revealed|learn[et]d?)\b"
    r"|\bit\s+(?:has\s+|had\s+)?emerged\b",
    re.I,
)

# Whether a sentence may hold a cue at all (most do not: find_cues is then skipped). A reporting
# noun counts only with its source beside it ("figures from X", "X's figures"): "toll" and
# "number" alone stand in most sentences that hold a figure.
ANY_CUE_RE = re.compile(
    r"\b(?:" + reporting.verb_alternation() + "|" + reporting.after_alternation() + r")\b"
    r"|\b(?:" + reporting.noun_alternation() + r")\s+(?:\w+\s+){0,2}(?:from|by)\b"
    r"|['’]s?\s+(?:\w+\s+)?(?:" + reporting.noun_alternation() + r")\b"
    # The impersonal, reveal and official-figure cues read below, each one pattern.
    r"|" + IMPERSONAL_RE.pattern + "|" + _OUTLET_REVEALS.pattern + "|" + _OFFICIAL_FIGURE.pattern,
    re.I,
)

# What a figure rests on, not who gives it: "(estimates) based on reports from hospitals".
_EVIDENCE_BEFORE = re.compile(
    r"\b(?:based|drawn|built|relying|relied|drawing)\s+(?:on|upon|from)\s+(?:\w+\s+){0,2}$", re.I
)
# "with one hospital reporting": the noun phrase of an absolute participle phrase.
_WITH_PARTICIPLE = re.compile(r"\bwith\s+(?P<src>(?:[\w'’.-]+\s+){0,6}?[\w'’.-]+)\s+$", re.I)
_DETERMINED = re.compile(r"(?:the|a|an|one|another)\s", re.I)
# A figure is no source: "Death toll (revised to 275)", "The number (rose)".
_FIGURE_HEAD = re.compile(
    r"\b(?:toll|tolls|number|numbers|total|totals|count|tally|figure|casualties|deaths)$", re.I
)
# Words that cannot end a noun phrase naming a source: determiners, and the adjectives news
# copy puts before a figure ("Initial (reports)", "Unofficial", "The").
_NOT_A_HEAD = re.compile(
    r"(?i:^(?:the|a|an|this|that|these|those|its|their|his|her|some|many|several|most|both|all|"
    r"each|other|such|further|additional|initial|unofficial|preliminary|provisional|"
    r"latest|earlier|later|final|revised|updated|new|previous|first|early|independent|"
    r"separate|conflicting|differing|local|no|"
    # A preposition ends no noun phrase: "Tragic Event in Burkina Faso Results in (Estimated 600)".
    r"in|on|at|of|for|from|with|by|into|about|after|over|under)$)"
    # A past-tense verb ends a clause, not a noun phrase: "Police received (reports of)".
    r"|^[a-z]{2,}(?<!need)(?<!seed)(?<!speed)(?<!feed)(?<!bleed)(?<!breed)ed$",
)
# A dateline opening a sentence is no part of it: "KARACHI:", "(MENAFN)", "Kolkata, Jun 3 (PTI)",
# "OSTREL, Testland (AP) -"; and a live blog's time stamp: "2120 GMT -", "10:32 a.m. ET -".
_DATELINE = re.compile(
    r"^\s*(?:\([A-ZÀ-ÖØ-ÞĀ-ſ][\w.]{1,15}\)\s+"
    r"|(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{4}(?=\s*(?:GMT|UTC)))"
    r"(?:\s*(?:GMT|UTC|[A-Z]{1,2}T|local\s+time))?(?:\s*\([^)]{1,20}\))?\s*(?:[-–—|:]{1,2})\s+"
    r"|[A-ZÀ-ÖØ-ÞĀ-ſ][A-ZÀ-ÖØ-ÞĀ-ſ .'’-]{2,30}(?:,\s*[A-ZÀ-ÖØ-ÞĀ-ſ][\w .'’-]{1,30})?(?:\s*\([A-ZÀ-ÖØ-ÞĀ-ſ][\w.]{1,15}\))?\s*(?::|[-–—]{1,2})\s+"
    # "Kolkata, Jun 3 (PTI)", "WASHINGTON, Aug. 16 (UPI) --", "Aug. 16 (UPI) --"
    r"|(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w.'’-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w.'’-]+)?,\s+)?[A-ZÀ-ÖØ-ÞĀ-ſ][a-z]{2,8}\.?\s+\d{1,2}"
    r"\s+\([A-ZÀ-ÖØ-ÞĀ-ſ][\w.]{1,15}\)\s*(?:[-–—]{1,2}\s*)?)"
)
# "Alexander B., director of the Service, or FSB, told": the alias is no boundary.
_ALIAS = re.compile(r",\s+or\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w.&-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w.&-]*)?\s*,?\s*$")


def blank_dateline(sentence: str) -> str:
    """Return the sentence with an opening dateline blanked out (offsets kept)."""
    dateline = _DATELINE.match(sentence)
    return " " * dateline.end() + sentence[dateline.end() :] if dateline else sentence


# Words between a source and its verb that are not part of the source ("X also said").
_ADVERBS = re.compile(
    r"(?:\s+(?:also|later|earlier|previously|separately|further|then|again|had|has|have|"
    r"would|on\s+\w+day|in\s+a\s+statement|in\s+a\s+post|on\s+\w+|initially|first|"
    # "drastically increased": an adverb in -ly (in lower case: not "Italy"; not a noun).
    r"subsequently|now|had\s+earlier|has\s+since|"
    r"(?-i:[a-z]{3,}ly)(?<!family)(?<!assembly)(?<!\bally)(?<!tally)(?<!rally)(?<!anomaly)(?<!supply)(?<!reply)(?<!monthly)"
    r"(?<!weekly)(?<!daily)))+\s*$",
    re.I,
)
# "Police, however, said": a parenthetical right between a subject and its verb.
_PARENTHETICAL = re.compile(
    r",\s*(?:however|meanwhile|though|too|also|in\s+turn|for\s+(?:its|their|his|her)\s+part|"
    r"in\s+a\s+statement|on\s+\w+day)\s*,\s*$",
    re.I,
)
_LEAD_FILLER = re.compile(
    r"^(?:(?:on|late|early|earlier|later)\s+(?:on\s+)?(?:\w+day|\w+\s+\d+|today|tonight|"
    r"yesterday|(?:the\s+(?:same\s+)?)?(?:morning|afternoon|evening|night|day|week|month)|"
    r"this\s+\w+|last\s+\w+|in\s+the\s+\w+)\s*,?\s*"
    r"|(?:meanwhile|separately|however|but|and|also|earlier|later|in\s+a\s+statement|"
    r"overnight|yesterday|today|so\s+far|thus\s+far|to\s+date|by\s+then|until\s+now|"
    r"as\s+of\s+now|(?:at|by)\s+(?:noon|midday|midnight|nightfall|dawn)|"
    # "Last night the ambulance service confirmed ..."
    r"last\s+(?:night|\w+day|week|weekend|month|year)|this\s+(?:morning|afternoon|evening|week))"
    r"\s*,?\s*)+",
    re.I,
)
# A source's words: names, titles, institutions; must hold a capital or a source noun.
SOURCE_NOUN = re.compile(r"\b(?:" + alternation(vocab.SOURCE_NOUNS["speaker"]) + r")\b", re.I)
PRONOUNS = {"he", "she", "it", "they", "we", "i"}
_BOUNDARY_WORDS = re.compile(
    r"\b(?:that|which|who|whom|and|but|while|because|after|before|as|when|where|if|though|"
    r"although|since|than|so)\s+$",
    re.I,
)


@dataclass(slots=True)
class Cue:
    """A reporting cue in a sentence, its source's words, and the span [scope_start, scope_end)."""

    verb: str
    source: str
    start: int  # the cue's span (source and verb together), sentence-relative
    end: int
    scope_start: int
    scope_end: int
    priority: int  # lower wins when two cues govern one figure


# A proper name ending a stretch of text: "The Observatory for Civilian Rights", "Pavlo
# Olin", with the small words names carry ("for", "of", "al").
_NAME_AT_END = re.compile(
    r"(?:^\s*|[,;:\"“”(]\s*|\b(?:and|but|while|whereas)\s+)((?:[Tt]he\s+)?[A-ZÀ-ÖØ-ÞĀ-ſ][\w.'’-]*"
    r"(?:\s+(?:(?:for|of|the|and|de|al|el)\s+)*"
    # A surname's particle joined by a hyphen: "Marie el-Drese", "Ahmed al-Masri".
    r"(?:(?:al|el|ad|ar|as|ash|at|az|bin|ibn|abu|van|von|de|da|di|du|le|la)-)?"
    r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w.'’-]*){0,6})\s*$"
)
_TIME_LEAD = re.compile(
    r"(?:On|In|At|Earlier|Later|Meanwhile|But|And|However|Separately|Also|Then|Since|After|"
    r"Before|As|When|While|According|Overnight|Yesterday|Today|Last|This)\b"
)


# What opens an apposition after a name: a determiner ("Sani Abdullahi, a teacher at the
# school, said"), a title of an office ("Pavlo K., head of the regional administration, said")
# or a relative pronoun ("The Observatory, which documents casualties, said").
_APPOSITIVE = re.compile(
    # A possessive opens one too: "AFAD, Velmora's disaster agency, said".
    r"\s*(?:(?P<det>the|a|an|one\s+of|(?-i:[A-ZÀ-ÖØ-ÞĀ-ſ][\w.-]*)['’]s(?=\s)|"
    # "deputy head of", "information and culture director of": lower-case words before a title.
    r"(?:(?-i:(?!of\b)[a-z]+)\s+){0,4}?"
    r"(?:head|chief|director|governor|mayor|commander|leader|chair(?:man|woman)?|secretary|"
    r"spokes(?:man|woman|person)|president|minister)\s+of|"
    # An office held for or under someone: "special assistant to the health minister",
    # "adviser to the president", "deputy for operations".
    r"(?:(?-i:(?!of\b)[a-z]+)\s+){0,3}?(?:assistant|advis[eo]r|aide|deputy|secretary|"
    r"counsell?or|envoy|attach[eé])\s+(?:to|for)\s)|which|who|whose|(?:also\s+)?known\s+as|"
    r"called|based\s+in)\b",
    re.I,
)
# A common noun phrase before an apposition: "the ministry, which runs the hospitals, said".
_NOUN_PHRASE_AT_END = re.compile(
    r"(?:^\s*|[,;:\"“(]\s*|\b(?:and|but|while|whereas)\s+)((?:[Tt]he|[Aa]n?)\s+(?:[\w'’-]+\s+){0,3}"
    r"[\w'’-]+)\s*$"
)


# "the same source", "the same official": whoever spoke last.
# A modal between a speaker and the verb of saying: "he can only (confirm)". Not a negation:
# "X did not disclose (the four deaths)" attributes nothing.
_MODAL_TAIL = re.compile(
    r"\s+(?:can|could|may|might|must|should|would|will)(?:\s+(?:only|also|now|still|just))?$",
    re.I,
)
# A speaker who went somewhere to speak: "X took to social media to", "X went on television to".
_TOOK_TO = re.compile(
    r"^(?P<src>.+?)\s+(?:took|went|turned|appeared|came|spoke)\s+(?:to|on|before)\s+"
    r"(?:[\w'’.-]+\s+){0,3}?to$",
    re.I,
)
_SAME_SOURCE = re.compile(r"the\s+same\s+(?:source|official|spokes\w+|ministry|agency)s?$", re.I)
_TOKEN = re.compile(r"\S+")
_DAY_WORD = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun|to|yester)day|tonight|morning|afternoon|evening|"
    r"night|week|weekend",
    re.I,
)
_INNER_ACRONYM = re.compile(r"\([A-ZÀ-ÖØ-ÞĀ-ſ][A-ZÀ-ÖØ-ÞĀ-ſ0-9.&-]{1,14}\)(?=\s+[\w’'])")


# An aside between a speaker and its verb: a participle's phrase ("speaking on condition of
# anonymity", "located in West Velmora"), a place, a superlative about it ("the most affected by
# the quake").
_ASIDE_WORDS = (
    r"[a-z]+ing|at|in|on|near|from|with|after|during|among|\d{1,3}|"
    r"(?:located|situated|headquartered|stationed|based)\s+(?:in|at|on|near)|"
    r"the\s+(?:most|worst|hardest|least)|"
    # "reporting from Velmora, a port city in the north(, said)": a place's own apposition.
    r"an?\s+(?:[\w-]+\s+){0,2}?(?:city|town|village|port|province|region|district|country|"
    r"state|capital|area|island|hub)\s+(?:in|of|on|near|with|that|where)"
)
_PARTICIPLE_OPENER = re.compile(r"\s*(?:" + _ASIDE_WORDS + r")\b")
_ASIDE_OPENER = re.compile(r"\s*(?:" + _ASIDE_WORDS + r"|where|which|whose|who)\b")


_CUT_FUNCTION_WORDS = frozenset({"for", "of", "the", "at", "in", "on", "to", "from", "with", "by"})


# An apposition set off by dashes or brackets, or an age after a name, read as the commas
# news copy uses most ("Dara Olin – the head of the council – said", "Dara Olin (the region's
# spokesman) said", "Dara Olin, 45, a resident of Velmora, said"); the same length, so spans
# hold.
_DASHED_APPOSITION = re.compile(
    r"(?<=[A-Za-zÀ-ÿ])(?P<a> [–—] )(?P<x>(?:the|a|an)\s[^–—,]{2,80}?)(?P<b> [–—] ?)$"
)
_BRACKETED_APPOSITION = re.compile(
    r"(?<=[A-Za-zÀ-ÿ])(?P<a> \()(?P<x>(?:the|a|an)\s[^()]{2,80}?)(?P<b>\) ?)$"
)
_AGE_AFTER_NAME = re.compile(r"(?<=[A-Za-zÀ-ÿ], )\d{1,3}, (?=(?:the|a|an)\s)")


def _as_commas(before: str) -> str:
    """Return the words before a verb with dashes, brackets or an age around an apposition
    read as the commas news copy uses most (see _DASHED_APPOSITION)."""
    for pattern, mark in ((_DASHED_APPOSITION, "–—"), (_BRACKETED_APPOSITION, ")")):
        if any(ch in before for ch in mark):
            before = pattern.sub(
                lambda m: "," + " " * (len(m["a"]) - 1) + m["x"] + "," + " " * (len(m["b"]) - 1),
                before,
            )
    if ", " in before:
        before = _AGE_AFTER_NAME.sub(lambda m: " " * len(m.group()), before)
    return before


def _left_source(sentence: str, verb_start: int) -> tuple[str, int]:
    """Return (source words, start) of the noun phrase that ends right before a verb."""
    before = _as_commas(sentence[:verb_start])
    paren = _PARENTHETICAL.search(before)
    if paren:
        # Only a short noun phrase standing alone before it: "..., however, reports said"
        # is a new clause whose subject follows the parenthetical.
        head = before[: paren.start()]
        cut = max(head.rfind(ch) for ch in ',;:("“”') + 1
        subject = head[cut:].strip()
        if subject and len(subject.split()) <= 6 and plausible_source(subject):
            return subject, cut + len(head[cut:]) - len(head[cut:].lstrip())
    before = _ADVERBS.sub("", before)
    before = _ALIAS.sub(" ", before)
    # "the Ministry of Health (MoH) confirmed": the bracketed acronym is not the boundary.
    # So is one before an apposition's closing comma: "the Living Forces (LF), estimated".
    before = re.sub(r"\s*\([A-ZÀ-ÖØ-ÞĀ-ſ][\w.]{0,10}\)\s*(,?)\s*$", r"\1 ", before)
    # "the Management of the Dead (DILG-MDM) cluster": nor is one inside the phrase (blanked,
    # so offsets still hold).
    before = _INNER_ACRONYM.sub(lambda m: " " * len(m.group()), before)
    # "Petra Olin, governor of Velmora Oblast, said": the apposition's comma is not either.
    before = before.rstrip(" ,") + " " if re.search(r",\s*$", before) else before
    end = len(before.rstrip())
    # Walk back to the nearest clause boundary.
    cut = max(
        before.rfind(","), before.rfind(";"), before.rfind(":"), before.rfind("("),
        before.rfind('"'), before.rfind("“"), before.rfind("”"),
    )  # fmt: skip
    # "A senior official, speaking on condition of anonymity, said": skip the participle phrase.
    # "X, governor of Y, in southern Iran, where Z is the capital, announced": a place's
    # relative clause too, when a comma closes it ("..., where police said" is the clause
    # that holds the speaker).
    aside = (
        _ASIDE_OPENER
        if re.search(r",\s*(?:(?:had|has|have|also|later|earlier)\s+)*$", sentence[:verb_start])
        else _PARTICIPLE_OPENER
    )
    while cut > 0 and aside.match(before[cut + 1 : end]):
        end = len(before[:cut].rstrip())
        cut = max(before.rfind(ch, 0, end) for ch in ',;:("“”')
    start = cut + 1
    chunk = before[start:end]
    if _SAME_SOURCE.match(chunk.strip()):
        return chunk.strip(), start + len(chunk) - len(chunk.lstrip())
    # "The Monitor, an independent group that tracks violence, said": the name before the
    # apposition is the speaker, however long the apposition is.
    appositive = _APPOSITIVE.match(chunk)
    if cut >= 0 and before[cut] == "," and appositive:
        name = _NAME_AT_END.search(before[:cut])
        if (not name or _TIME_LEAD.match(name.group(1))) and not appositive.group("det"):
            # A common noun takes a relative clause ("the ministry, which runs the hospitals,
            # said"); before "the office said" a clause ends ("The toll rose to 114, the
            # office said"), so a determiner opens the speaker, not an apposition.
            common = _NOUN_PHRASE_AT_END.search(before[:cut])
            if common and plausible_source(common.group(1)):
                name = common
        if name and not _TIME_LEAD.match(name.group(1)):
            if re.match(r"\s*(?:also\s+)?known\s+as\b", chunk, re.I):
                # "The civil defence, known as the White Helmets, said": both names.
                return f"{name.group(1)}, {chunk.strip()}", name.start(1)
            if not appositive.group("det"):
                # "The Observatory, which documents casualties, said": the name alone.
                return name.group(1), name.start(1)
            # The apposition's own noun phrase, without what modifies it ("the U.N. agency (in
            # charge of aid)", "a teacher (at the school)"); "of" stays ("head of the region").
            head = re.split(
                r"\s(?:who|that|which|whose|in\s+charge|responsible|tasked|in|at|on|for|with|from|"
                r"near|since)\s",
                chunk.strip(),
            )[0]
            return f"{name.group(1)}, {' '.join(head.split())}", name.start(1)
    # "A nurse who asked not to be named because ... said": the speaker is before "who".
    relative = re.search(r"\s(?:who|whom)\s", chunk)
    if relative:
        head = chunk[: relative.start()].strip()
        lead = _LEAD_FILLER.match(head)
        head = head[lead.end() :] if lead else head
        if head and len(head.split()) <= 6 and plausible_source(head):
            return head, start + chunk.index(head)
    boundaries = list(
        re.finditer(
            # Not an acronym in capitals: "The WHO warned" names the organisation.
            r"\b(?!(?-i:[A-Z]{2,})\b)(?:that|which|who|whom|and|but|while|because|after|before|when|"
            # "Toll rises to 22 as police publish list": "as" opens the clause of the cue.
            r"where|if|than|so(?!\s+far\b)|whereas|as(?!\s+(?:well|of|part|such|far|much|many|long)\b))\b",
            chunk,
            re.I,
        )
    )
    boundary = boundaries[-1] if boundaries else None
    if boundary and not re.match(r"and\b", boundary.group(0), re.I):
        start += boundary.end()
    elif boundary:
        # "police and rescuers said" keeps both; "... 30 dead and said" is a new predicate.
        tail = chunk[boundary.end() :].strip()
        head = chunk[: boundary.start()].strip().split()
        # "a search and rescue official": a determiner opens a compound modifier, one phrase.
        compound = (
            len(head) == 2
            and head[0].lower() in ("a", "an", "the")
            and not SOURCE_NOUN.search(head[1])
            and len(tail.split()) >= 2
            and SOURCE_NOUN.search(tail)
        )
        if compound:
            pass
        elif (
            not tail
            or not head
            or head[-1][:1].islower()
            and not SOURCE_NOUN.search(head[-1])
            # "The toll rose to 40 on Monday and local officials said": a figure or a day
            # before "and" ends a clause of its own, not the first of two speakers.
            or _DIGIT.search(" ".join(head))
            or _DAY_WORD.fullmatch(head[-1])
        ):
            start += boundary.end()
    words = before[start:end].strip()
    if words[:1] in "’”" and words[1:].strip().lower() in PRONOUNS:
        # A closing quotation mark before a pronoun (",’ he said") is no part of the speaker.
        words = words[1:].strip()
    lead = _LEAD_FILLER.match(words)
    if lead:
        words = words[lead.end() :]
    words_list = words.split()
    if len(words_list) > 10:
        words_list = words_list[-10:]
        # Cut inside a long title ("The spokesperson for the National Agency for Disaster
        # Management (BNPB) Sutopo Purwo Nugroho"): begin at the next capitalised word.
        trimmed = words_list
        while len(trimmed) > 2 and trimmed[0].lower() in _CUT_FUNCTION_WORDS:
            trimmed = trimmed[1:]
        if all(w[:1].isupper() or w in ("for", "of", "and", "the") for w in trimmed):
            words_list = trimmed  # a name and title in capitals, no clause
    # Where the first of the words stands (spaces inside the stretch may be more than one: a
    # blanked acronym, a line break).
    tokens = [m.start() for m in _TOKEN.finditer(before, start, end)] if words_list else []
    if len(words_list) > 1 and words_list[-1].lower() in PRONOUNS and words_list[-2][:1].isupper():
        words_list, tokens = words_list[:-1], tokens[:-1]  # "Jaishankar he wrote": the name
    words = " ".join(words_list)
    src_start = tokens[-len(words_list)] if len(tokens) >= len(words_list) > 0 else end - len(words)
    if modal := _MODAL_TAIL.search(words):
        words = words[: modal.start()]  # "he can only (confirm two deaths)": he
    if (platform := _TOOK_TO.match(words)) and plausible_source(platform["src"]):
        words = platform["src"]  # "Mayor X took to social media to (confirm)": the mayor
    # Apposition: "Sani Abdullahi, a teacher at the school, said" names the person first
    # ("..., Youssoufia and Tinghir, the same source added" names no one).
    if (
        cut >= 0
        and before[cut] == ","
        and re.match(r"(?:the|a|an|one)\b", words, re.I)
        and not _SAME_SOURCE.match(words)
    ):
        name = _NAME_AT_END.search(before[:cut])
        if name and not _TIME_LEAD.match(name.group(1)):
            src_start = name.start(1)
            words = f"{name.group(1)}, {words}"
    return words, src_start


def source_before(sentence: str, position: int) -> str:
    """Return the noun phrase that ends right before `position` (a verb), as a source's words."""
    return _left_source(sentence, position)[0]


def _sentence_subject(sentence: str) -> tuple[str, int]:
    """Return the sentence's opening noun phrase (up to its first comma or verb) and offset 0."""
    head = re.match(r"[^,;:]{2,80}?(?=,|\s+(?:[a-z]+ed|said|says|has|had|was|is)\b)", sentence)
    words = head.group(0).strip() if head else ""
    lead = _LEAD_FILLER.match(words)
    return (words[lead.end() :] if lead else words), 0


_NOT_A_SOURCE = re.compile(
    r"^(?:no|not|none|near|in|at|on|by|from|after|during|with|without|to|for|of|when|if|"
    r"because|while|although|though|since|until|once|as|before|"
    # A question asks; it reports no one's words: "What do you even say about 19 ...".
    r"what|why|how|where)\b"
    r"|\b(?:was|were|is|are|been|be|being|said|says|told|had|has|have|would|will|could|did)\b"
    # ("Rio Grande do Sul" is a name: "do" is a verb only before its subject or "not".)
    r"|\b(?:do|does)\s+(?:you|we|i|they|not)\b",
    re.I,
)


def _clause_like(words: str) -> bool:
    """Return True for "the heaviest loss the militia (has acknowledged)": two noun phrases in
    a row make a clause, not a source ("the head of the ministry" is fine)."""
    return bool(_TWO_NOUN_PHRASES.search(words.split(",")[0]))


# After a preposition a second noun phrase is the first's complement ("Police on the Isle of
# Tarrow", "officials with the agency"); after "and" or "or", a second speaker ("Three police
# sources and a Reuters witness").
_TWO_NOUN_PHRASES = re.compile(
    r"^\S+.*?(?<!\bof)(?<!\bfor)(?<!\bat)(?<!\bin)(?<!\bto)(?<!\bfrom)(?<!\bon)(?<!\bwith)"
    r"(?<!\bnear)(?<!\bacross)(?<!\binside)(?<!\bby)(?<!\bunder)(?<!\band)(?<!\bor)"
    r"\s(?:the|a|an)\s",
    re.I,
)
_DIGIT = re.compile(r"\d")
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſ]")
_CAPITALISED_WORD = re.compile(r"\b[A-ZÀ-ÖØ-ÞĀ-ſ]")


_INCIDENT_HEADS = (
    frozenset(w.lower() for ws in vocab.INCIDENT_WORDS.values() for w in ws if " " not in w)
    # Words that name any incident, whatever its family: "Temple tragedy: 15 dead".
    | {"tragedy", "disaster", "incident", "horror", "carnage", "mishap", "accident", "massacre",
       "poisoning", "leak", "outbreak", "hijacking", "siege", "catastrophe", "calamity",
       # Weather and hazards in the plural or as mass nouns: "The rains raised the toll to 42".
       "rain", "rains", "rainfall", "downpour", "downpours", "snow", "snowfall", "snowstorm",
       "blizzard", "storms", "lightning", "winds", "mudslides", "tremors", "cyclones", "typhoons",
       "hurricanes", "tornadoes", "heat", "cold"}
) - vocab.ACTOR_WORDS  # fmt: skip
# The head of a noun phrase is its last word before a preposition: "Blast (at market)".
_BEFORE_PREPOSITION = re.compile(
    r"^(.*?)(?=\s+(?:at|in|on|of|near|from|for|by|with|to|across)\b|$)"
)


def _names_an_incident(words: str) -> bool:
    """Return True when a noun phrase's head is an incident word: it names what happened."""
    head = _BEFORE_PREPOSITION.match(words.split(",")[0].strip()).group(1).split()
    return bool(head) and head[-1].lower().strip(".'’") in _INCIDENT_HEADS


# Nouns of a count, which a place has as well as a body that keeps it ("Velmora's toll").
_COUNT_NOUN = re.compile(r"(?:toll|tally|count|total|figure|number)s?$", re.I)


def _may_keep_a_count(possessor: str) -> bool:
    """Return True when a possessor can keep a count (a body, an office, an outlet, an acronym)
    rather than being the place the count is of."""
    return role_of(possessor) != "other" or bool(re.search(r"\b[A-Z]{2,}\b", possessor))


_TIME_PHRASE = re.compile(r"\b(?:after|before|since|during|ago)\b", re.I)


def _names_a_figure(words: str) -> bool:
    """Return True for "The number of people": a figure's noun heads it, whatever follows "of"."""
    return bool(_FIGURE_HEAD.search(_BEFORE_PREPOSITION.match(words.strip()).group(1)))


# A clause that ends on a figure, before "confirmed" or "reported" used as an adjective.
_ENDS_ON_A_FIGURE = re.compile(
    r"\b(?:at|to|of|is|was|were|are|reached|hit|rose|stands?|stood|now)\s+[\d,.]+\s*$", re.I
)


# "7.6 MILLION", "The 10,000 estimate": a figure opens the phrase, which names no one.
_OPENS_ON_DIGITS = re.compile(r"(?:(?:the|a|an|some|another)\s+)?\d", re.I)


def plausible_source(words: str) -> bool:
    """Return True when words can name a source (a name, title, institution or pronoun)."""
    if not words or len(words.split(",")[0].split()) > 12:
        return False
    if _NOT_A_SOURCE.search(words.split(",")[0]):
        return False  # "No injuries were (reported)", "near the square", "she was not ..."
    if _clause_like(words):
        return False
    head = words.split(",")[0].split()
    first = words.split(",")[0]
    if _ENDS_ON_A_FIGURE.search(first):
        return False  # "The death toll now stands at 247 (confirmed fatalities)": an adjective
    if _names_a_figure(first) or _OPENS_ON_DIGITS.match(first) or _TIME_PHRASE.search(first):
        return False  # "7.6 MILLION (Estimated)", "One day after this disaster": no speaker
    if not head or _NOT_A_HEAD.match(head[-1]) or _FIGURE_HEAD.search(first):
        return False  # "The", "Initial", "Death toll": no noun phrase naming a source
    if _DIGIT.search(words) and not _CAPITAL.search(words):
        return False
    if _names_an_incident(words):
        return False  # "Velmora quake: 380 dead", "Blast at market in Dawra: 40 killed": a topic
    if _NOT_A_SPEAKER.match(first):
        return False  # "Dec. 3 (raised the toll)", "addressing journalists at ...", "between"
    if _OWNERLESS_FIGURES.match(first):
        return False  # "Latest figures (show 46 dead)": no one's figures, the outlet's account
    return bool(_CAPITALISED_WORD.search(words) or SOURCE_NOUN.search(words))


# Figures no one is named for: "Latest figures show", "Previous estimates put", "initial surveys
# had confirmed" (an "according to" names whose they are; reports stay:
# "earlier reports said" is how coders name the press's account).
_OWNERLESS_FIGURES = re.compile(
    r"^(?:(?:the|some|latest|previous|earlier|initial|preliminary|provisional|unnamed|new|"
    r"updated|final|current)\s+)*(?:figures|estimates|statistics|data|numbers|surveys|"
    r"assessments)$",
    re.I,
)
# A date, a participle's clause or a place between two others speaks for no one: "found Friday,
# Dec. 3, raised the number of dead", "while addressing journalists", "a border community between
# X and Y (states)".
_NOT_A_SPEAKER = re.compile(
    r"^(?:(?:on\s+)?(?i:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|(?-i:[a-z]+ing)\s"
    r"|.*\bbetween\s+\S+(?:\s+\S+)?\s+and\s+\S+$)"
)


_MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_WORDS = (
    r"(?:\(\s*)?(?:"
    + _MONTH
    + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}\s+"
    + _MONTH
    + r"(?:\s+\d{4})?|\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?:\s*\))?"
)
# What may follow a cue's verb before its clause ends: "on Monday", "this morning", "late on
# Sunday", "to reporters" ("at least" and "at most" open a figure instead).
_TIME_OR_PLACE_AFTER = (
    r"(?:(?:on|in|to|at|late|early|earlier|later|today|yesterday|last|this|tonight|overnight|"
    # Wire style names the day with no "on": "Josh Green said Saturday."
    r"after|during|while|without|via|by(?=\s+(?:phone|telephone|text|e-?mail|video))|"
    r"over(?=\s+the\s+(?:phone|telephone))|(?i:" + WEEKDAY + r"))\b(?!\s+(?:least|most)\b)"
    # A date's figures are part of it: "said on March 28.", "said on Sunday (Oct 2), in ..."
    r"(?:" + _DATE_WORDS + r"|[^,.;!?\"“\d(])"
    r"{0,70})?"
)
_TRAILING = re.compile(
    # "..., X said citing preliminary data.": what the speaker rests on closes the cue too.
    r"\s*" + _TIME_OR_PLACE_AFTER + r"(?:\s*,?\s*(?:citing|quoting)\s+[^,.;!?\"“]{1,60})?"
    r"\s*(?:[,.;!?]|$)"
)
# Whom a trailing "quoted" or "cited" names: "..., AFP quoted police sources."
_QUOTED_WHOM = re.compile(
    r"\s+(?:(?:the|a|an)\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,5}?(?=\s*[.,;]|\s*$)"
)
_ENDS_AFTER_VERB = re.compile(r"\s*" + _TIME_OR_PLACE_AFTER + r"\s*(?:[.!?\"”]|$)")


# Whom a source told: a name ("told Reuters", "told the BBC") or the press in common words
# ("told local media", "told reporters", "told state television").
_TOLD_WHOM = re.compile(
    # 'told "Testland News Now."', a programme's name in quotation marks
    r"\s+([\"“][^\"“”]{2,60}?[\"”]|(?:the\s+|a\s+|an\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w.&-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w.&-]*){0,3}"
    # "told CNN affiliate KTST", "told Testland's state broadcaster TBS"
    r"(?:['’]s)?(?:\s+(?:state\s+|local\s+|public\s+)?(?:affiliate|station|broadcaster|newspaper|"
    r"channel|network|radio|television|TV)\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w.&-]*)?|(?:[a-z]+\s+){0,2}"
    r"(?:media|reporters|journalists|newsmen|newspersons|pressmen|press|broadcasters?|"
    r"television|radio|newspapers?|agency|"
    r"outlets?|lawmakers|parliament|(?:news\s+|press\s+)?(?:conference|briefing|meeting))"
    # "told broadcaster Metro TV": the common word, then the name.
    r"(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w.&-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w.&-]*){0,3})?)\b)"
)
# Words that open a contrasting clause after a cue's comma: ", X said, while in Y it rose to 12,
# according to Z" gives the second figure to Z, not X.
_CLAUSE_OPENERS = r"(?:while|whereas|but|although|though)"
# A possessive of time is no source: "Monday's toll", "last week's figures".
_WHEN = re.compile(
    r"\b(?:" + WEEKDAY + r"|today|yesterday|tonight|week|month|year|"
    r"weekend|morning|evening|night|january|february|march|april|may|june|july|august|"
    r"september|october|november|december)$",
    re.I,
)
_PASSIVE_BEFORE = re.compile(
    r"\b(?:been|being|be|is|are|was|were)\s+(?:(?:now|also|officially|initially|later)\s+)?$", re.I
)
_QUOTED_AS = re.compile(
    r"\bquoted\s+(?P<src>(?!as\b)[^,;.:!?\"“”]{2,80}?)\s+as\s+(?:saying|telling\s+\w+)\b", re.I
)
# "Officials were quoted (by the agency) as saying 55 died": the subject before is the speaker.
_QUOTED_PASSIVE = re.compile(
    r"\s(?:was|were|is|are|has\s+been|have\s+been)\s+(?:also\s+)?quoted\s+"
    r"(?:by\s+[^,;.:!?\"“”]{2,40}?\s+)?as\s+(?:saying|telling\s+\w+)\b",
    re.I,
)
# A finite verb right after a cue word makes the word a noun: "fears grew", "reports were".
_VERB_AFTER = re.compile(
    r"\s+(?:grew|grow|grows|growing|rose|rise|rises|mounted|mount|mounts|were|was|are|is|put|"
    r"puts|show|shows|showed|said|say|suggest|suggested|indicate|indicated|"
    r"have|has|had|emerged|spread|persist(?:ed|s)?)\b",
    re.I,
)
# A verb of reporting or of changing a count, for a subject a participle phrase goes on from.
_SUBJECT_REPORTS = re.compile(
    r"\b(?:" + reporting.verb_alternation() + r"|updated|revised|raised|lowered|released|"
    r"published|issued|gave|posted|announced|confirmed)\b",
    re.I,
)
# ("Reports said" is read by "said" itself.)
_REPORTING_AFTER_NOUN = frozenset({
    "put", "puts", "show", "shows", "showed", "suggest", "suggested", "indicate", "indicated",
})  # fmt: skip
# "The number of people confirmed dead", "reported missing": the participle states a condition.
_STATE_AFTER = re.compile(
    r"\s+(?:dead|killed|injured|wounded|missing|hurt|drowned|trapped|displaced|homeless)\b", re.I
)
# A count named with its figure and its keeper: "an earlier toll of 210 from the media office".
_COUNT_OF_N_FROM = re.compile(
    r"\b(?:toll|figure|count|tally|estimate|total)s?\s+of\s+(?:about\s+|around\s+|some\s+|"
    r"at\s+least\s+)?\d[\d,.]*\s+(?:(?:dead|deaths|killed|people|injured|wounded)\s+)?"
    # "a count of 24 dead communicated to AFP by a village chief": whom it went to, then who.
    r"(?:(?:given|issued|released|reported|communicated|provided|supplied|compiled|confirmed|"
    r"announced|relayed)\s+(?:to\s+[^,;:()\"“”]{1,30}?\s+)?)?(?:from|by)\s+(?P<src>[^,;:()\"“”]{2,60}?)"
    r"(?=\s*(?:[,;:()\"“”]|\.(?:\s|$)|\s(?:which|that|who|on|in|at|and|but|after|before)\b|$))",
    re.I,
)
# A participle of saying right before a count's noun modifies it ("the confirmed death toll").
_COUNT_AFTER = re.compile(
    r"\s+(?:(?:death|casualty|fatality|injury)\s+)?(?:toll|tally|count|total)s?\b", re.I
)
# A verb of saying whose object is a deed of its subject's ("concluded their search",
# "announced his resignation") reports nothing; "announced their figures" does.
_DEED_AFTER = re.compile(
    r"\s+(?:their|his|her|its|our)\s+(?:search|operations?|work|mission|visit|investigation|"
    r"inquiry|probe|meeting|trip|tour|resignation|retirement|campaign|withdrawal|efforts?|talks)\b",
    re.I,
)
# Words that make a plural "-s" form right after them a noun: "Recent reports", "to reports".
_NOUN_LEAD_BEFORE = re.compile(
    r"(?:\bto|(?P<adj>\b(?:recent|initial|early|earlier|unconfirmed|local|media|official|"
    r"preliminary|latest|conflicting|further|news|press|new|multiple|several|many|some|other|"
    r"these|those|such|unofficial|separate)))\s+$",
    re.I,
)
# A noun's verb after what the noun is from: "reports from the region indicate".
_NOUN_THEN_VERB = re.compile(
    r"(?:\s+(?:from|in|by|on|out\s+of)\s+[^,.;:!?\"“”]{1,50}?)?\s+(?P<verb>put|puts|show|shows|"
    r"showed|suggest|suggested|indicate|indicated)\b",
    re.I,
)
_POSSESSOR_BEFORE = re.compile(r"(?:['’]s?|\b(?:his|her|its|their|our|my|your))\s+$", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:an|the|of)\s+$", re.I)
_EVER_BEFORE = re.compile(r"\bever\s+$", re.I)
# "said citing preliminary data": what a speaker rests on, with no one else named.
_BARE_DATA = re.compile(
    r"(?:(?:the|preliminary|initial|official|available|latest|unofficial|local|early)\s+)*"
    r"(?:data|figures|information|estimates|records|statistics|findings|updates?|"
    r"bulletins?|tally|tallies|counts?)$",
    re.I,
)
_GATHERED = re.compile(
    r"(?:the\s+)?(?:information|data|evidence|details|testimony|testimonies)\s+"
    r"(?:gathered|collected|obtained|received|compiled)\b",
    re.I,
)
# A figure and its noun right before a participle: "56 dead (announced by)".
_FIGURE_JUST_BEFORE = re.compile(r"\d[\d,.]*\s+(?:[a-z]+\s+){0,2}$", re.I)
_FRONTED_ADDITION = re.compile(
    r"^\W*(?:in\s+addition\s+to|besides|apart\s+from|aside\s+from|on\s+top\s+of|along\s+with|"
    r"as\s+well\s+as)\b[^.;:\"“”]*,\s*$",
    re.I,
)
# "The toll has been announced as 301 by the government": the agent after the figure.
_ANNOUNCED_AS_BY = re.compile(
    r"\b(?:been|was|were|is|are)\s+(?:(?:later|earlier|since|subsequently|then|now|again)\s+)?"
    r"(?:announced|given|put|set|confirmed|reported|estimated|"
    r"revised|raised|lowered|updated)\s+(?:as|at|to)\s+[^,;]{1,40}?\s+by\s+"
    r"(?P<src>[^,.;:()]{2,60}?)(?=\s*(?:[,.;:]|$|\s+(?:after|on|in|as|when|while)\b))",
    re.I,
)
# A figure's noun phrase that a relative clause follows: "the nearly 500 deaths that".
_FIGURE_THAT = re.compile(
    r"\d[\d,.]*\s+(?:[a-z]+\s+){0,2}(?:deaths?|dead|people|casualties|fatalities|bodies|victims|"
    r"killed|injured|wounded|missing|toll|figure|count)\s+(?:that|which)\s+$",
    re.I,
)
# "claimed 36 lives", "claimed the lives of 12": the verb of a killing, not of speech.
_CLAIMED_LIVES = re.compile(
    r"\s+(?:(?:the\s+)?lives\s+of\b|(?:[\w,.-]+\s+){1,4}?(?:lives|victims)\b)", re.I
)


def _clause_start(sentence: str, position: int) -> int:
    """Return where the clause holding `position` starts: after the last comma, semicolon,
    colon, dash or opening bracket before it (0 when there is none)."""
    return max(sentence.rfind(ch, 0, position) for ch in ",;:—(") + 1


def find_cues(sentence: str, with_cue_words: bool = False) -> list[Cue]:
    """Return the reporting cues of a sentence, each with the part of the sentence it governs;
    with `with_cue_words`, none unless a reporting word (ANY_CUE_RE) stands in it.

    The cues are the caller's to change (a source resolved to whom "it" means): copies of
    those read once per sentence, as wire copies and a story's updates repeat whole sentences.
    """
    if "”" in sentence or '"' in sentence:
        # 'Minister X on Wednesday "confirmed" six people have died': a verb in scare quotes
        # is still the verb; its marks are blanked (the same length, so spans hold).
        sentence = _SCARE_QUOTED.sub(lambda m: f" {m['verb']} ", sentence)
    cues = [
        Cue(c.verb, c.source, c.start, c.end, c.scope_start, c.scope_end, c.priority)
        for c in _sentence_cues(sentence, with_cue_words)
    ]
    # "The ministry says initial reports indicate that 30 died": the second cue stands inside
    # what the first says; the ministry is the one who speaks.
    return [
        c
        for i, c in enumerate(cues)
        if not (i and _NESTED.fullmatch(sentence, cues[i - 1].end, c.start))
    ]


_NESTED = re.compile(r"\s*(?:that\s+)?")
_SCARE_QUOTED = re.compile(
    r"(?<=\s)[\"“](?P<verb>(?:" + reporting.verb_alternation() + r"))[\"”](?=\s)", re.I
)


@lru_cache(maxsize=1 << 15)
def _sentence_cues(sentence: str, with_cue_words: bool) -> tuple[Cue, ...]:
    if with_cue_words and not ANY_CUE_RE.search(sentence):
        return ()
    cues: list[Cue] = []
    sentence = blank_dateline(sentence)
    n = len(sentence)
    taken: list[tuple[int, int]] = []

    for m in INVERTED_RE.finditer(sentence):
        src = m.group("src").strip()
        if _DIGIT.search(src) or _names_a_figure(src):
            # "X, head of Y, reported a provisional death toll of 38": the verb's object, a
            # figure, follows it; its speaker stands before (read below).
            continue
        # After ", said" a determiner phrase is a speaker ("said the village headman").
        determiner_led = (
            re.match(r"(?:the|a|an)\s", src)
            and not _NOT_A_SOURCE.search(src)
            and not _clause_like(src)
        )
        if not (determiner_led or plausible_source(src)):
            continue
        scope_end = m.start()
        # A quote split around its cue continues after it: '"Five died," he said, "and ..."'
        rest = sentence[m.end() :]
        cont = re.match(r"\s*,\s*[\"“]", rest)
        cues.append(
            Cue(m.group("verb"), src, m.start("verb"), m.end("src"), 0,
                n if cont else scope_end, 1)
        )  # fmt: skip
        taken.append((m.start("verb"), m.end("verb")))

    quoted = _quoted_spans(sentence)
    for m in SPEECH_RE.finditer(sentence):
        if any(a <= m.start() < b for a, b in taken) or any(a < m.start() < b for a, b in quoted):
            continue
        verb_word = m.group("verb").lower()
        if verb_word.startswith(("add", "respond", "react")) and re.match(
            r"\s+to\b", sentence[m.end() :]
        ):
            # "The incident adds to a toll": it increases, it does not speak; "Israel has
            # responded to a rampage ... by vowing": it acts.
            continue
        if (
            verb_word.endswith("s")
            and verb_word != "says"
            and _NOUN_LEAD_BEFORE.search(sentence, max(0, m.start() - 16), m.start())
            # "Jordanian media reports that 13 died": a verb, its clause after it.
            and not re.match(r"\s+(?:that\b|\d)", sentence[m.end() :])
        ):
            # "Recent reports from the region indicate", "according to reports": a noun, which
            # speaks when a verb of reporting follows it and what it is from.
            after = _NOUN_THEN_VERB.match(sentence, m.end())
            if after and after["verb"].lower() in _REPORTING_AFTER_NOUN:
                lead = _NOUN_LEAD_BEFORE.search(sentence, max(0, m.start() - 16), m.start())
                first = lead.start() if lead and lead["adj"] else m.start()
                src = sentence[first : after.start("verb")].strip()
                cues.append(Cue(after["verb"], src, first, after.end(), after.end(), n, 0))
            continue
        if verb_word.endswith("s") and verb_word != "says" and _VERB_AFTER.match(sentence, m.end()):
            # "fears grew that ...", "reports were": a noun, the subject of a verb. When that
            # verb reports ("Unconfirmed reports put the toll at 249"), the noun phrase speaks.
            after = _VERB_AFTER.match(sentence, m.end())
            if after.group(0).strip().lower() in _REPORTING_AFTER_NOUN:
                head, head_start = _left_source(sentence, m.start())
                src = f"{head} {m.group('verb')}" if head else m.group("verb")
                start = head_start if head else m.start()
                cues.append(Cue(after.group(0).strip(), src, start, after.end(), after.end(), n, 0))
            continue
        if m.group("verb").lower().endswith("ed") and _STATE_AFTER.match(sentence, m.end("verb")):
            continue  # "people confirmed dead", "reported missing": a state, not a speaker's act
        if m.group("verb").lower().endswith("ed") and _COUNT_AFTER.match(sentence, m.end("verb")):
            continue  # "The official confirmed death toll": an adjective of the count
        if _DEED_AFTER.match(sentence, m.end("verb")):
            continue  # "Rescuers concluded their search": a deed, not a report of one
        if _CLAIMED_LIVES.match(sentence, m.end("verb")) and m.group("verb").lower().startswith(
            "claim"
        ):
            continue  # "the blaze has claimed 36 lives": it killed them, it said nothing
        if _DETERMINER_BEFORE.search(sentence, max(0, m.start() - 12), m.start()):
            continue  # "an estimated 1.5 million", "the reported 40": an adjective, no speaker
        if _EVER_BEFORE.search(sentence, max(0, m.start() - 8), m.start()):
            continue  # "the strongest storm ever recorded": a superlative's measure, no report
        if _POSSESSOR_BEFORE.search(sentence, max(0, m.start() - 12), m.start()):
            continue  # "Kell's claim that", "their estimates": a noun, its owner's (elsewhere)
        if _PASSIVE_BEFORE.search(sentence, max(0, m.start() - 24), m.start()):
            continue  # "8,000 people have been confirmed dead": a passive states, no one speaks
        verb = m.group("verb")
        absolute = _WITH_PARTICIPLE.search(sentence[: m.start()])
        if verb.lower() in ("saying", "adding") and absolute and plausible_source(absolute["src"]):
            # "..., with officials saying the search for the four missing would resume".
            cues.append(Cue(verb, absolute["src"], absolute.start("src"), m.end(), m.end(), n, 0))
            continue
        if verb.lower() in ("saying", "adding"):
            # ", saying ..." continues the sentence's speaker: the last cue, or the subject.
            earlier = [c for c in cues if c.start < m.start()]
            src, src_start = (
                (earlier[-1].source, earlier[-1].start) if earlier else _sentence_subject(sentence)
            )
            if plausible_source(src):
                cues.append(Cue(verb, src, m.start(), m.end(), m.end(), n, 0))
            continue
        if reporting.is_participle(verb) and not verb.lower().startswith(("citing", "quoting")):
            # "..., with one hospital reporting that 10 died": the absolute phrase's noun phrase.
            absolute = _WITH_PARTICIPLE.search(sentence[: m.start()])
            if absolute and (
                plausible_source(absolute["src"]) or _DETERMINED.match(absolute["src"])
            ):
                src = absolute["src"]
                cues.append(Cue(verb, src, absolute.start("src"), m.end(), m.end(), n, 0))
            elif re.search(r",\s*$", sentence[: m.start()]):
                # "..., putting the toll at 40": the sentence's speaker, as with ", saying".
                # With no cue before it, the subject speaks only if its own verb reports
                # ("The ministry updated its figures, raising"; not "Rescuers found more
                # bodies, raising the number of dead to 23": that is the outlet's sum).
                earlier = [c for c in cues if c.start < m.start()]
                if not earlier and not _SUBJECT_REPORTS.search(sentence, 0, m.start()):
                    continue
                src = earlier[-1].source if earlier else _sentence_subject(sentence)[0]
                if plausible_source(src):
                    cues.append(Cue(verb, src, m.start(), m.end(), m.end(), n, 0))
            continue
        src, src_start = _left_source(sentence, m.start())
        if not src and re.search(r"\band\s+(?:\w+\s+)?$", sentence[: m.start()]):
            # "Governor X, posting online, raised ... and said ...": the subject opens the sentence.
            src, src_start = _sentence_subject(sentence)
            if plausible_source(src):
                cues.append(Cue(verb, src, src_start, m.end(), 0, n, 0))
            continue
        document = (
            _NOUN_LED.match(src) or _POSSESSED_DOCUMENT.match(src) or _NAMED_DOCUMENT.match(src)
        )
        if document and plausible_source(document["src"]):
            # "Figures from the health office show 44", "The centre's latest bulletin put the
            # toll at 40": the office, the centre, whose figures they are.
            src_start += document.start("src")
            src = document["src"]
        after_verb = sentence[m.end() :]
        # ", the mayor said (this morning)." ends the sentence: a determiner phrase before it
        # is the speaker.
        at_end = _ENDS_AFTER_VERB.match(after_verb) and re.search(r",\s*$", sentence[:src_start])
        # A short determiner phrase right before a verb of saying is its speaker wherever it
        # stands ("while the rebels said 40 died", "a neighbour told"): saying takes a person
        # or a body as its subject, so the phrase needs no capital or listed noun.
        determiner = (
            re.match(r"(?:the|a|an)\s", src, re.I)
            and not _clause_like(src)
            and (at_end or _SHORT_SPEAKER.match(src) and not _NOT_A_SOURCE.search(src))
            # "The president dismissed (reports that ...)": a verb ends a clause, not a speaker.
            and not _NOT_A_HEAD.match(src.split()[-1])
            # "The number of people (believed to be missing)": a figure, not a speaker.
            and not _names_a_figure(src)
            # "The rains (raised the toll to 42)": what happened, not who counted.
            and not _names_an_incident(src)
            and not _NOT_A_SPEAKER.match(src)
        )
        if not (plausible_source(src) or determiner):
            continue
        after = after_verb
        if verb.lower() == "told":
            told = _TOLD_WHOM.match(after)
            if told:
                verb = f"told {told.group(1)}"
                after = after[told.end() :]
        elif verb.lower() in ("quoted", "cited") and (whom := _QUOTED_WHOM.match(after)):
            # "..., AFP quoted police sources.": the one who passes the figures on speaks.
            after = after[whom.end() :]
        trailing = bool(_TRAILING.match(after))
        preceded_by_break = re.search(r"[,\"”’]\s*[\"”’]?\s*$", sentence[:src_start])
        if trailing and preceded_by_break:
            # A quote split around its cue continues after it: '"Five died," he said, "and ..."'
            # So does a quotation that opens after the cue's own phrase: 'X, a spokesman,
            # said in a statement to state television, "82 victims ..."'.
            split_quote = re.match(r"\s*,\s*[\"“]", after) or re.match(
                r"\s*" + _TIME_OR_PLACE_AFTER + r"\s*,\s*[\"“]", after, re.I
            )
            # "Of the 275, the secretary said, 88 were identified": a cue set off by commas
            # inside its sentence governs all of it.
            parenthetical = re.match(
                r"\s*" + _TIME_OR_PLACE_AFTER + r"\s*,\s*(?!" + _CLAUSE_OPENERS + r"\b)[^\s\"“]",
                after,
                re.I,
            )
            scope = (0, n if split_quote or parenthetical else src_start)
        elif _FRONTED_ADDITION.match(sentence[:src_start]):
            # "In addition to the 30 dead across the country, the ministry said 650 were
            # injured": the fronted phrase is part of what the speaker says.
            scope = (0, n)
        elif trailing and _FIGURE_THAT.search(sentence, 0, src_start):
            # "far below the 300 deaths that health officials reported": the relative clause's
            # subject gives the figure it hangs on, from the start of that figure's clause.
            that = _FIGURE_THAT.search(sentence, 0, src_start)
            scope = (_clause_start(sentence, that.start()), that.end())
        elif src_start <= 1 or not preceded_by_break:
            # "X said (that) ..." governs what follows; a sentence-initial subject governs all.
            scope = (m.end(), n) if src_start > 1 else (0, n)
        else:
            scope = (m.end(), n)
        cues.append(Cue(verb, src, src_start, m.end(), scope[0], scope[1], 0))

    for m in AFTER_RE.finditer(sentence):
        src = m.group("src").strip()
        inner = NOUN_AFTER_RE.search(src)
        if inner and src[: inner.start()].strip().lower() in ("", "a", "an", "the"):
            continue  # "according to figures from X": the reporting noun's cue names X
        # What follows "according to" is a source unless it is plainly not a name or noun
        # ("reported killed by the storm" names what killed them).
        if not src or _NOT_A_SOURCE.search(src) or len(src.split()) > 12 or _names_an_incident(src):
            continue
        if _GATHERED.match(src) or _BARE_DATA.match(src):
            continue  # "according to information gathered at the hospital": evidence, no one
        src = document_owner(src)  # "per the county's latest count": the county's
        # "According to X, ..." at the start governs the sentence; at the end, what precedes.
        scope, priority = (0, n), 2
        if m.group("verb").lower().endswith(" by") and _FIGURE_JUST_BEFORE.search(
            sentence, 0, m.start()
        ):
            # "disputed the figure of 56 dead announced Monday by the government": the agent
            # of the figure's own participle, whoever the sentence's subject is.
            scope, priority = (_clause_start(sentence, m.start()), m.start()), 0
        cues.append(
            Cue(m.group("verb"), src, m.start(), m.end("src"), scope[0], scope[1], priority)
        )

    # The rarer cues' regexes run only where their fixed words stand (most sentences: nowhere).
    has_agent = " from " in sentence or " by " in sentence
    for m in NOUN_AFTER_RE.finditer(sentence) if has_agent else ():
        if m.group("noun").lower().startswith("toll"):
            continue  # "the death toll from the earthquake": its cause, not who counted it
        if _EVIDENCE_BEFORE.search(sentence, 0, m.start()):
            continue  # "The group's estimates are based on reports from hospitals": evidence
        src = m.group("src").strip()
        if plausible_source(src) or _DETERMINED.match(src):
            cues.append(Cue(m.group("noun"), src, m.start(), m.end("src"), 0, n, 2))
    possessive = "'" in sentence or "’" in sentence
    for m in POSSESSIVE_NOUN_RE.finditer(sentence) if possessive else ():
        src = m.group("src").strip()
        lead = _LEAD_FILLER.match(src)
        src = src[lead.end() :] if lead else src
        if src and plausible_source(src) and not _FIGURE_HEAD.search(src) and not _WHEN.search(src):
            if _COUNT_NOUN.match(m.group("noun")) and not _may_keep_a_count(src):
                continue  # "Velmora's toll reached 912": the toll in a place, not its claim
            cues.append(Cue(m.group("noun"), src, m.start(), m.end(), 0, n, 2))
    # "Police denied a Supporter Arema report that the toll exceeded 125": the report's words.
    for m in _DOCUMENT_THAT.finditer(sentence) if " that " in sentence else ():
        if plausible_source(m["src"]):
            cues.append(Cue(m["noun"], m["src"], m.start("src"), m.end(), m.end(), n, 0))
    # "The agency quoted Governor X as saying 40 died": the words are X's.
    for m in _QUOTED_AS.finditer(sentence) if "quoted" in sentence else ():
        src = m.group("src").strip()
        if plausible_source(src):
            cues.append(Cue("quoted as saying", src, m.start(), m.end(), m.end(), n, 0))
            taken.append((m.start(), m.end()))
    for m in _QUOTED_PASSIVE.finditer(sentence) if "quoted" in sentence else ():
        src, src_start = _left_source(sentence, m.start())
        if src and plausible_source(src) and not any(a <= m.start() < b for a, b in taken):
            cues.append(Cue("quoted as saying", src, src_start, m.end(), m.end(), n, 0))
            taken.append((src_start, m.end()))
    for m in _OFFICIAL_FIGURE.finditer(sentence) if "fficial" in sentence else ():
        if re.search(r"(?:\b(?:its|their|his|her|our)|['’]s?)\s+$", sentence[: m.start()]):
            continue  # "the committee revised its official figures": the owner is named
        # "(official tally 167)", "The official figure for the missing is 98": the
        # authorities' count, as the text names it. In brackets it governs only what they hold.
        if sentence[max(0, m.start() - 2) : m.start()].strip() == "(":
            close = sentence.find(")", m.end())
            cues.append(Cue(m["src"], m["src"], m.start(), m.end(), m.end(), close, 0))
        else:
            stop = re.search(r"[,;()]", sentence[m.end() :])
            end = m.end() + stop.start() if stop else n
            cues.append(Cue(m["src"], m["src"], m.start(), m.end(), m.end(), end, 1))
    for m in _ANNOUNCED_AS_BY.finditer(sentence) if " by " in sentence else ():
        if plausible_source(m["src"]) or _DETERMINED.match(m["src"]):
            cues.append(
                Cue(
                    "announced as ... by",
                    m["src"].strip(),
                    m.start(),
                    m.end(),
                    _clause_start(sentence, m.start()),
                    m.end(),
                    0,
                )
            )
    for m in _COUNT_OF_N_FROM.finditer(sentence) if " of " in sentence else ():
        if plausible_source(m["src"]):
            # "updating an earlier toll of 210 from the government media office": that
            # count is the office's, whoever gives the sentence's other figures.
            cues.append(Cue("toll of ... from", m["src"].strip(), m.start(), m.end(), m.start(),
                            m.end(), 0))  # fmt: skip
    for m in _OUTLET_REVEALS.finditer(sentence):
        if re.fullmatch(r"[\s\w]{0,30}[.!?]?[\"”]?\s*", sentence[m.end() :]):
            cues.append(Cue(m.group(0), UNATTRIBUTED, m.start(), m.end(), 0, m.start(), 1))
        else:
            cues.append(Cue(m.group(0), UNATTRIBUTED, m.start(), m.end(), m.end(), n, 1))
    for m in IMPERSONAL_RE.finditer(sentence):
        judged = m.group("verb").lower() in ("estimated", "believed", "feared")
        src = "unnamed estimates" if judged else "unnamed reports"
        cues.append(Cue(m.group("verb"), src, m.start(), m.end(), m.end(), n, 1))

    cues.sort(key=lambda c: c.start)
    _keep_to_clauses(cues, sentence)
    # A forward cue reaches only until the next cue's source begins.
    for i, cue in enumerate(cues):
        if cue.scope_end == n and cue.scope_start >= cue.end - 1:
            for later in cues[i + 1 :]:
                if sentence[max(0, later.start - 1) : later.start] == "(":
                    continue  # "(official tally 167)" governs its brackets only
                if later.priority == 0 and later.start > cue.end:
                    cue.scope_end = later.start
                    break
    return tuple(cues)


# Where a sentence's coordinated clauses meet: "..., while ...", "...; ...", "..., and 40 ...".
_CLAUSE_BREAK = re.compile(
    r"(?:,\s*|\s+)(?=(?:while|whereas|but|although|though)\s)|;\s*"
    r"|,\s+(?=and\s+(?!(?:said|says|told|added)\b))",
    re.I,
)
_SHORT_SPEAKER = re.compile(r"(?:the|a|an)\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*$", re.I)


def _keep_to_clauses(cues: list[Cue], sentence: str) -> None:
    """Keep each cue to its own coordinated clause where another clause has a cue of its own.

    "Police said 12 were killed, while the rebels said 40 died": each figure is its clause's.
    "Twelve died, the mayor said, and 40 were hurt, according to the hospital": the hospital's
    cue closes the second clause, so it reaches back only to that clause's start, and the
    mayor's stops where that clause begins. A clause with no cue stays with the sentence's.
    """
    # A bracketed count ("(official tally 191)") governs only its brackets, not a clause.
    cues = [c for c in cues if sentence[max(0, c.start - 1) : c.start] != "("]
    if len(cues) < 2:
        return
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence)]
    if not breaks:
        return

    def clause_start(position: int) -> int:
        return max((b for b in breaks if b <= position), default=0)

    starts = {id(c): clause_start(c.start) for c in cues}
    for cue in cues:
        own = starts[id(cue)]
        if cue.priority == 2 and cue.scope_start == 0 and own > 0:
            cue.scope_start = own  # "..., and 40 were hurt, according to the hospital"
        later = [starts[id(c)] for c in cues if starts[id(c)] > own]
        if later and cue.scope_end > min(later) > cue.scope_start:
            cue.scope_end = min(later)


_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
# Not a mark right after a comma or a stop with a space after it: that one closes a quotation
# opened in a sentence before ('... died so far," Olin said').
_UNCLOSED_QUOTE = re.compile(r"(?<![,.!?])[\"“][^\"“”]*$|(?<=[,.!?])“[^\"“”]*$")
_POSSESSIVE = re.compile(r"^(?P<p>her|his|its|their)\s+\w+", re.I)


def _quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Return the [start, end) spans inside quotation marks ('"We counted 31," said X')."""
    spans = [(m.start(), m.end()) for m in _QUOTED.finditer(sentence)]
    # An opening quote with no closing one in the sentence runs to its end.
    unclosed = _UNCLOSED_QUOTE.search(sentence)
    if unclosed and sentence.count('"') % 2 == 1 or (unclosed and "“" in unclosed.group(0)):
        # ... unless a closing cue ends the sentence, the closing mark lost by the page:
        # '"We have confirmed 137 dead, most of them burned, police official X told AFP.'
        closing = _LOST_CLOSING.search(sentence, unclosed.start())
        spans.append((unclosed.start(), closing.start() if closing else len(sentence)))
    return spans


_LOST_CLOSING = re.compile(
    r",\s+(?:[\w.'’-]+\s+){1,8}?(?:said|says|told\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?|added)"
    r"(?:\s+(?:on\s+)?\w+day)?\s*[.!?]?\s*$"
)


def governing_cue(cues: list[Cue], position: int) -> Cue | None:
    """Return the cue that governs a figure at `position` (sentence-relative), if any."""
    covering = [c for c in cues if c.scope_start <= position < c.scope_end]
    if not covering:
        return None
    # Prefer the tightest scope: the cue whose reach is shortest is the one closest in syntax.
    return min(covering, key=lambda c: (c.priority, c.scope_end - c.scope_start))


# "the ministry", "this group": a body or person named before (data/source_nouns.csv).
_ANAPHOR = re.compile(
    r"^(?:the|this|that)\s+(?P<head>" + alternation(vocab.SOURCE_NOUNS["anaphor"]) + r")$", re.I
)
_PERSON = re.compile(
    r"\b(?:" + alternation(vocab.SOURCE_NOUNS["person"]) + r")\b|"
    # A name, in its capitals (not "the Railways"), or initials and a surname ("M.R. Vale").
    r"(?-i:\b[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿ]+\s+[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿ]+\b)"
    r"|(?-i:\b(?:[A-Z]\.){1,3}\s?[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿ]+\b)",
    re.I,
)
_INSTITUTION_HEAD = re.compile(
    r"\b(?:" + alternation(vocab.SOURCE_NOUNS["institution"]) + r")$", re.I
)


def is_person(words: str) -> bool:
    """Return True when words name a person (a title, or a name in its capitals), not an
    institution whose name is capitalised ("Testville Police")."""
    # The head is before "of": "A staff member of the local council" is a person, "the
    # Ministry of Health" a body.
    head = re.split(r"\s+of\s+", words.strip(), maxsplit=1)[0]
    return bool(_PERSON.search(words)) and not _INSTITUTION_HEAD.search(head)


# Bare plurals that name a kind of source, not one: "officials said" after "Ukrainian officials".
_BARE_HEADS = frozenset({
    "officials", "authorities", "sources", "witnesses", "residents", "rescuers", "doctors",
    "medics", "activists", "police", "investigators", "prosecutors",
})  # fmt: skip


def _with_article(body: str) -> str:
    """Return a body's name as it reads after "of": "the health ministry", "UNICEF"."""
    if re.match(r"(?:the|a|an)\s", body, re.I):
        return body[:1].lower() + body[1:]
    return body if body[:1].isupper() else "the " + body


# Heads of people who speak for a body: "the official", "the spokeswoman".
_SPOKESPEOPLE = {"official", "spokesman", "spokeswoman", "spokesperson"}
_GENERIC_HEADS = {
    "group", "organisation", "organization", "movement", "faction", "official", "spokesman",
    "spokeswoman", "spokesperson", "agency", "source", "statement", "charity", "militia",
    "directorate", "service", "authority",
}  # fmt: skip


# Heads that point back to a non-state body, and the words of the state's own voices.
_ORGANISATION_HEADS = frozenset({
    "group", "organisation", "organization", "charity", "movement", "collective", "coalition",
    "alliance", "union", "association", "ngo",
})  # fmt: skip
_STATE = re.compile(
    r"\b(?:government|ministry|minister|army|military|police|authorit(?:y|ies)|officials?|"
    r"president|governor|mayor|state|junta|administration)\b",
    re.I,
)


_BODY_WORD = re.compile(
    r"\b(?:" + alternation(vocab.SOURCE_NOUNS["institution"]) + r"|organi[sz]ation|group|"
    r"council|committee|network|observatory|collective|coalition|alliance|union|brigade|"
    r"battalion|front|party|movement)(?:s|es)?\b",
    re.I,
)


def _names_a_body(words: str) -> bool:
    """Return True when words name a body: "the Collective of Human Rights Organizations"."""
    if words.lower() in PRONOUNS or _ANAPHOR.match(words):
        return False
    return bool(_BODY_WORD.search(words)) or not is_person(words)


def singular_noun(noun: str) -> str:
    noun = noun.lower().split()[-1]
    return noun[:-3] + "y" if noun.endswith("ies") else noun.rstrip("s")


# The reporting nouns that name a document a later "the report said" can point back to.
DOCUMENT_NOUNS = frozenset(
    [
        "report",
        "statement",
        "tally",
        "count",
        "estimate",
        "figure",
        "data",
        "statistic",
        "record",
        "number",
    ]
)


@dataclass
class Speakers:
    """Sources named so far in an article, newest last, for resolving "he", "it", "the group"."""

    named: list[str] = field(default_factory=list)
    # Who issued each kind of document named so far: "a report by X" -> {"report": X}.
    documents: dict[str, str] = field(default_factory=dict)

    def issued(self, noun: str, source: str) -> None:
        """Remember that `source` issued a document ("a report by X"), for "the report said"."""
        self.documents[singular_noun(noun)] = source

    def mention(self, words: str) -> None:
        """Remember a source named without a cue ("The army gave a different account.")."""
        if words.strip().lower() not in PRONOUNS and not _ANAPHOR.match(words.strip()):
            self.named.append(words)
        elif _ANAPHOR.match(words.strip()):
            head = _ANAPHOR.match(words.strip()).group("head").lower()
            if head not in _GENERIC_HEADS:
                self.named.append(words)

    def resolve(self, words: str) -> str:
        """Return the earlier source that `words` refers back to, or `words` when it names one."""
        key = words.strip().lower()
        if key in (UNATTRIBUTED, "unnamed estimates", "unnamed reports") or _OFFICIAL_FIGURE.match(
            key
        ):
            return words  # no one named: no one for "it" or "the statement" to point back to
        if _SAME_SOURCE.match(key) and self.named:
            return self.named[-1]  # "..., the same source added": who spoke last
        if key in PRONOUNS:
            want_person = key in ("he", "she")
            for earlier in reversed(self.named):
                if not want_person or is_person(earlier.split(",")[0]):
                    return earlier
            return self.named[-1] if self.named and not want_person else words
        possessive = _POSSESSIVE.match(words.strip())
        if possessive:
            # "Her teams said": the teams of the person named before.
            return self.resolve({"her": "she", "his": "he"}.get(possessive["p"].lower(), "it"))
        anaphor = _ANAPHOR.match(words.strip())
        if anaphor and singular_noun(anaphor.group("head")) in self.documents:
            return self.documents[
                singular_noun(anaphor.group("head"))
            ]  # "the report" -> its author
        if anaphor and singular_noun(anaphor.group("head")) in DOCUMENT_NOUNS:
            # "the statement said" with no one named as issuing a statement: the statement is
            # the source as given, not whichever body was named last.
            return words
        if anaphor:
            head = anaphor.group("head").lower().rstrip("s")
            if head in _ORGANISATION_HEADS:
                # "the group", "the organisation": the last body named that is not the state
                # ("While the government confirmed 56, the Union asserts 135. The group's ...").
                for earlier in reversed(self.named):
                    if _names_a_body(earlier) and not _STATE.search(earlier):
                        return earlier
            for earlier in reversed(self.named):
                # A word of its own: "the government" is not in "non-governmental".
                if re.search(r"\b" + re.escape(head) + r"(?:s|es)?\b", earlier, re.I):
                    self.named.append(earlier)
                    return earlier
            from reconcile.roles import role_of

            # Only generic heads ("the group", "the official") point back by role; "the army" or
            # "the ministry" is an institution of its own, introduced by that phrase.
            generic = head in _GENERIC_HEADS
            wanted = role_of(words)
            for earlier in reversed(self.named) if generic else ():
                if role_of(earlier) == wanted:
                    return earlier
            if generic and not _PERSON.search(words):
                # "the agency" after "the World Food Programme": the last organisation named.
                for earlier in reversed(self.named):
                    if not _PERSON.search(earlier) and earlier.lower() not in PRONOUNS:
                        return earlier
            if anaphor.group("head").lower() in _SPOKESPEOPLE and self.named:
                # "Health ministry confirms ... 'The number of dead is 154,' the official told
                # AFP": with no person named before, the body named before is whom they speak for.
                body = self.named[-1]
                if not _PERSON.search(body) and role_of(body) not in ("other", "media"):
                    return f"an official of {_with_article(body)}"
            # Nothing earlier: "The ministry said" introduces the ministry for "it" to follow.
            self.named.append(words)
            return words
        bare = key if key in _BARE_HEADS else ""
        if bare:
            # "Ukrainian officials said ... officials said": a bare plural repeats the nearest
            # earlier source with the same head (head-match coreference).
            for earlier in reversed(self.named):
                if earlier.lower().endswith(" " + bare) and len(earlier.split()) <= 5:
                    self.named.append(earlier)  # who spoke last, for a "they" that follows
                    return earlier
        self.named.append(words)
        return words
