"""What a figure counts: killed, wounded, strikes... read from the words around it.

`detect_kind` looks, in order, for a toll phrase before the figure ("the death toll rose to 40"),
a counted noun right after it ("27 injuries", "two series of strikes"), a verb right before it
("killing at least 12"), and a predicate after its noun ("five of its members were killed").
Figures that are dates, ages, times, money, measures or labels are rejected first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from reconcile.dates import MONTHS
from reconcile.extract import count_verbs, vocab
from reconcile.extract.patterns import alternation, phrase_key

# How many words may sit between a figure and its kind predicate ("three members of Kataib
# Hezbollah had been killed" is six).
MAX_WORDS_TO_PREDICATE = 9


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """Return a fast regex alternation of phrases (see `patterns.alternation`)."""
    return alternation(words)


@dataclass(slots=True)
class KindHit:
    """The kind a figure counts, how it was recognised, and the counted subject's words."""

    kind: str
    how: str
    subject: str
    end: int = 0  # where the words that name the kind end, sentence-relative


@dataclass(frozen=True)
class _Grammar:
    noun_after: list[tuple[str, re.Pattern[str], bool]]
    verb_before: list[tuple[str, re.Pattern[str]]]
    predicate: re.Pattern[str]
    predicate_kinds: dict[str, str]
    toll_before: re.Pattern[str]
    count_verb_lead: re.Pattern[str]
    thing_after: re.Pattern[str]  # a counted thing that is no person ("6,000 buildings")
    action: re.Pattern[str]
    non_count_after: re.Pattern[str]
    label_before: re.Pattern[str]
    date_before: re.Pattern[str]
    date_after: re.Pattern[str]
    blockers: re.Pattern[str]
    subject_stop: re.Pattern[str]
    toll_kinds: dict[str, str]  # a word after "the number of" -> its kind
    participles: frozenset[str]
    zero: re.Pattern[str]
    denial: re.Pattern[str]
    caused_none: re.Pattern[str]
    zero_kinds: dict[str, str]  # a word after "no" / "denied that anyone was" -> its kind
    breakdown: re.Pattern[str]
    breakdown_kinds: dict[str, str]
    heading: re.Pattern[str]  # a kind word as a field's heading: "Dead: 154", "- Injured – 40"
    heading_kinds: dict[str, str]


def grammar() -> _Grammar:
    """Return the compiled grammar of the kinds registered now (built once per version)."""
    return _grammar(vocab.KINDS_VERSION)


@cache
def _grammar(version: int) -> _Grammar:
    """Return the grammar compiled from `vocab` (`version` keys the cache; see grammar())."""
    noun_after = []
    predicate_kinds: dict[str, str] = {}
    verb_before = []
    for kind, words in vocab.KINDS.items():
        for nouns, needs_action in ((words.nouns, False), (words.needs_action, True)):
            if nouns:
                pattern = re.compile(
                    r"^\s*(?:of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?)?"
                    r"(?P<pre>(?:(?!(?:were|was|have|has|had|been|are|is|be|being|in|on|at|by|from|during|"
                    # "63 people remained missing": a verb before the kind word makes it a
                    # predicate, not the counted noun ("63 missing people").
                    r"after|near|across|with|for|and|or|to|remain|remains|remained|stayed|listed|as|"
                    r"feared|presumed|believed)\b)"
                    r"[\w'’-]+\s+){0,2}?)"
                    r"(?P<noun>" + _alt(nouns) + r")\b",
                    re.I,
                )
                noun_after.append((kind, pattern, needs_action))
        if words.verbs:
            verb_before.append(
                (
                    kind,
                    re.compile(
                        r"\b(?:" + _alt(words.verbs) + r")\s+(?:(?:a\s+total\s+of|only|just|"
                        r"another|an\s+additional|a\s+further|some|nearly|"
                        # "killing all 61 aboard", "the search for the remaining two"
                        r"all(?:\s+of)?(?:\s+the)?|the\s+(?:remaining|other|last))\s+)?"
                        # "having killed “203 fighters”": the figure in the army's words
                        r"[\"\u201c]?$",
                        re.I,
                    ),
                )
            )
        for p in words.predicates:
            predicate_kinds[phrase_key(p)] = kind
    predicate = re.compile(r"\b(?P<pred>" + _alt(list(predicate_kinds)) + r")\b", re.I)
    toll_kinds = _word_kinds("toll_words")
    toll = _alt(list(toll_kinds))
    # Every form of a verb that moves or states a running count (data/count_verbs.csv).
    movement = _alt(list(count_verbs.all_forms()))
    toll_before = re.compile(
        r"(?:(?P<toll>death\s+(?:toll|count|tally)|body\s+count|toll|(?<!vote\s)tally(?!\s+of\b))"
        # "the missing list", "the injury count": the counted word before the list noun
        r"|(?P<adj>" + toll + r")\s+(?:list|count|tally|figure|total)"
        r"|(?:number|list|tally|count)\s+of\s+(?:the\s+)?"
        # "the number of confirmed deaths", "the number of reported injured"
        # ... "the number of confirmed and presumed dead"
        r"(?:(?:confirmed|reported|known|recorded|registered|official|total|verified)\s+"
        r"(?:(?:and|or)\s+(?:presumed|suspected|probable|reported|unconfirmed)\s+)?)?"
        # "the number of US service members injured", "the number of people believed to be
        # missing": the counted people's words before the kind word.
        r"(?:(?!(?:and|or|who|which|that)\b)[\w.’'-]+\s+){0,5}?"
        # "the number of students who have been confirmed killed"
        r"(?:(?:who|that)\s+(?:(?:have|has|had)\s+)?(?:been|were|was)\s+"
        r"(?:(?:confirmed|reported|officially|so\s+far)\s+)?)?"
        r"(?P<of>" + toll + r")"
        r"|number\s+(?:of\s+people\s+)?(?:still\s+)?(?P<bare>" + toll + r")"
        # "raising the total detained to 58", "the total injured stands at 300"
        r"|total\s+(?:number\s+(?:of\s+)?)?(?P<total>" + toll + r"))\b"
        # "the number of missing could be around 1,000", "the dead are 12"
        # Not across a contrasting clause with a subject of its own: "released the death toll,
        # while agencies spoke of 600 injured" names no toll for the 600 ("while in Ostrel it
        # climbed to 1,932" goes on with it).
        r"(?:(?:(?!,\s*(?:while|whereas|but)\s+(?!(?:in|at|on|it|its|the\s+toll)\b))[^;!?])"
        r"{0,160}?"
        r"\b(?:to|at|of|is|was|be|been|are|were|from|has|had|have|now|past|beyond|"
        # "the toll has been announced as 301", "the toll could be in the thousands"
        r"(?:announced|given|confirmed|listed|reported|estimated)\s+as|"
        r"(?:be|is|are|was|were)\s+in\s+the|"
        + movement
        # The figure may open a quotation: 'the real toll was "more than 500"'.
        # "the number of injured is currently estimated to be 109": an adverb before it.
        + r")(?:\s+(?:currently|now|still|reportedly|already|officially))?\s*|\s+as\s+|\s*)[\"“]?$"
        # "Deaths from the quake now number 4,000", "the dead numbered 12": a counted noun as
        # the subject of a count verb, the verb within a few words.
        # ... and "The dead are 151", "the injured were 82": the copula right before the figure.
        # ("Among the dead were 61 ..." is a breakdown, no toll.)
        r"|(?<!among the )(?<!among those )\b(?P<subject>"
        + toll
        + r")\b[^;!?,]{0,40}?\b(?:"
        + movement
        + r"|are|were|is|was)"
        r"(?:\s+(?:to|at|past|beyond))?\s*$",
        re.I,
    )
    zero_kinds = _word_kinds("zero_words")
    harm = _alt(list(zero_kinds))
    breakdown_kinds = _word_kinds("breakdown_words")
    # A fact box or a flash update's bullets head each figure with its kind ("Dead: 154").
    heading_kinds = {**_word_kinds("nouns"), **toll_kinds}
    # "may" in lower case is the modal ("the toll may exceed 10,000"), not the month.
    month = "(?:" + _alt([m for m in MONTHS if m != "may"]) + "|(?-i:May))"
    return _Grammar(
        noun_after=noun_after,
        verb_before=verb_before,
        predicate=predicate,
        predicate_kinds=predicate_kinds,
        toll_before=toll_before,
        count_verb_lead=re.compile(r"(?:" + movement + r")\s+", re.I),
        thing_after=re.compile(
            r"\s+(?:"
            + _alt(
                [w for k in vocab.KINDS.values() for w in k.needs_action] + vocab.NON_COUNT_NOUNS
            )
            + r")\b",
            re.I,
        ),
        action=re.compile(r"\b(?:" + _alt(vocab.ACTION_WORDS) + r")\b", re.I),
        non_count_after=re.compile(
            r"^(?:\s*°|\s*-?\s*(?:" + _alt(vocab.NON_COUNT_NOUNS) + r")\b|"
            # "across 11 US states", "in 10 Bihar districts": places, named or not
            r"\s+[A-Z][\w.]*\s+(?:states|counties|provinces|districts|regions|cities|towns|"
            r"municipalities|countries)\b|-(?:year|month|week|day|"
            r"hour|minute)s?-old|-?(?:year|month|week|day|hour|minute|storey|km|mile|metre|"
            r"meter)\b|\s*[:.]\d{2}\b|\s*(?:[ap]\.?m\.?)(?!\w)|%|(?:st|nd|rd|th)\b|"
            r"\s+(?:" + month + r")\b\.?|\s*(?:[A-Z][a-z]+\s+)?(?:Road|Street|St|Avenue|Ave|"
            r"Boulevard|Lane|Square)\b|\s*(?:million|billion|bn|m)\s+(?:dollars|euros|pounds))",
            re.I,
        ),
        label_before=re.compile(
            r"(?:\b(?:" + _alt(vocab.NUMBER_LABELS) + r")|[$€£#№]|\b(?:us|u\.s\.)\$|"
            r"\b(?:usd|eur|gbp|rs|nis))\s*$",
            re.I,
        ),
        date_before=re.compile(r"\b(?:" + month + r")\.?\s*$", re.I),
        date_after=re.compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + month + r")\b", re.I),
        blockers=re.compile(r"\b(?:" + _alt(vocab.BLOCKERS) + r")\b", re.I),
        subject_stop=re.compile(
            r"\b(?:were|was|have|has|had|are|is|be|been|in|on|at|after|during|when|who|which|"
            r"that|from|by|as|since|and|but|while|near|across|inside|following|amid|for|with|"
            r"including|among|according|said|says|would|will|could|may|might|reportedly)\b"
            r"|[,.;:!?()\"“”]",
            re.I,
        ),
        toll_kinds=toll_kinds,
        participles=frozenset(phrase_key(w) for k in vocab.KINDS.values() for w in k.participles),
        zero=re.compile(
            r"\b(?P<neg>no\s+one|nobody|none|no|not\s+a\s+single|not\s+one|without\s+any|zero)\b"
            r"(?:\s+of\s+(?:our|the|its|their|his|her)\s+[\w'-]+)?"
            r"(?:\s+(?:other|further|immediate|reported|serious|civilian|more|new|fresh|local)\b)*"
            # "no reports of any fatalities", "no immediate word of casualties"
            r"(?:\s+(?:reports?|word|signs?|indications?)\s+of(?:\s+any)?"
            r"(?:\s+(?:other|further|serious|civilian|new|fresh)\b)*)?"
            r"(?:\s+(?P<what>" + harm + r"|casualties|person|people|civilians?|one|"
            # "No local residents were injured", "no one on the ground was hurt"
            r"residents|passengers|locals|villagers|students|pupils|workers|soldiers|troops|"
            r"crew(?:\s+members)?|staff|children|pilgrims|tourists|guests|patients|bystanders|"
            r"occupants|worshippers|miners|firefighters|officers)\b)?"
            r"(?:\s+(?:on\s+the\s+ground|on\s+board|aboard|inside|nearby|in\s+the\s+(?:area|"
            # "No residents in the area had been reported missing"
            r"building|vicinity|village|town|city|region|neighbou?rhood)))?"
            r"(?:\s+(?:was|were|had\s+been|has\s+been|have\s+been|is|are|being|remained|remains|"
            # "no one had died", "no one has been killed"
            r"had|has|have))?"
            r"(?:\s+(?:reported|immediately|seriously|badly|still|listed\s+as|believed\s+to\s+be|"
            r"thought\s+to\s+be|confirmed))*"
            r"(?:\s+(?P<pred>" + harm + r"))?",
            re.I,
        ),
        denial=re.compile(
            r"\bdenied\s+(?:that\s+)?(?:anyone|any\s+\w+|there\s+(?:were|had\s+been)\s+any\s+\w+)"
            r"(?:\s+(?:was|were|had\s+been|have\s+been))?\s+(?P<pred>" + harm + r")"
            r"(?:\s+or\s+(?P<pred2>" + harm + r"))?",
            re.I,
        ),
        # "The slide did not cause injuries", "without causing any deaths": the event's harm,
        # negated, is a count of zero.
        caused_none=re.compile(
            r"\b(?:did\s+not|didn['’]t|has\s+not|hasn['’]t|had\s+not|hadn['’]t|without)\s+"
            r"(?:caus(?:e|ed|ing)|result(?:ed|ing)?\s+in|lead(?:ing)?\s+to|leav(?:e|ing))\s+"
            r"(?:any\s+)?(?:(?:immediate|reported|serious|major|further)\s+)?(?P<pred>"
            + harm
            + r")\b",
            re.I,
        ),
        zero_kinds=zero_kinds,
        breakdown=re.compile(
            r"\b(?:the|those)\s+(?P<w>" + _alt(list(breakdown_kinds)) + r")\b", re.I
        ),
        breakdown_kinds=breakdown_kinds,
        heading=re.compile(
            r"(?:^|[-*•·;|(]\s*)(?P<w>" + _alt(list(heading_kinds)) + r")\s*(?::|[-–—=]+)\s*$",
            re.I,
        ),
        heading_kinds=heading_kinds,
    )


def _word_kinds(field_name: str) -> dict[str, str]:
    """Return word -> kind for one of KindWords' word lists (the first kind to list it wins)."""
    table: dict[str, str] = {}
    for kind, words in vocab.KINDS.items():
        for word in getattr(words, field_name):
            table.setdefault(phrase_key(word), kind)
    return table


def running(kind: str) -> str:
    """Return how a running count of `kind` moves: "rises", "falls" or ""."""
    words = vocab.KINDS.get(kind)
    return words.running if words else ""


def reset_grammar() -> None:
    """Forget the compiled grammar, so changes to `vocab` made by hand take effect."""
    _grammar.cache_clear()
    _zero_claims.cache_clear()
    _kind_of_word.cache_clear()


def is_not_a_count(sentence: str, start: int, end: int, figure: float | None) -> bool:
    """Return True when the figure at [start, end) is a date, age, time, measure, label or year."""
    g = grammar()
    if figure is not None and not float(figure).is_integer():
        return True  # people and events are counted whole: "measured 7.8" is a magnitude
    before = sentence[max(0, start - 30) : start]
    after = sentence[end : end + 40]
    if before.endswith(":") and before[-2:-1].isdigit():
        return True  # the minutes of a time: "at 04:17"
    if _AGES_BEFORE.search(before):
        return True  # "two men, aged 19 and 23": the second age too
    if (figure or 0) <= 100 and (
        _AGE_LIMIT.match(sentence, start)
        and _PEOPLE_OF_AN_AGE.search(before)
        or _THE_AGE_OF.search(before)
    ):
        return True  # "135 people, mostly children under 18", "under the age of 5": an age
    if _SCORE_BEFORE.search(before) and re.fullmatch(
        r"\d{1,2}\s*[-–]\s*\d{1,2}", sentence[start:end]
    ):
        return True  # "their team lost 2-3 to Persib": a match score
    if _PERCEIVED_BEFORE.search(before):
        return True  # "We heard three blasts": what a witness perceived, not a count of attacks
    if _SAME_BEFORE.search(before):
        return True  # "remains that belonged to the same two people": a reference, no count
    if _TIMES.match(after) and _ATTACK_CONTEXT.search(before):
        return False  # "attacked 20 times": a count of attacks
    if g.non_count_after.match(after) or (
        g.label_before.search(before) and not _TIME_BEFORE.search(before)
    ):
        return True
    if g.date_before.search(before) or g.date_after.match(after):
        return True
    # "Ahmed Saleh, 23, said" - an age in apposition after a name.
    if _NAME_COMMA_BEFORE.search(before) and _COMMA_AFTER.match(after) and (figure or 0) < 110:
        return True
    if (figure or 0) < 110 and _AGE_IN_BRACKETS.search(before) and after.startswith(")"):
        return True  # "The child, Ayman (10), passed away": an age in brackets after a name
    if _YEAR.fullmatch(sentence[start:end].strip()):
        # A year, unless a counted noun follows it ("2014 people" is a count, "in 2014" is not).
        return not _COUNTED_AFTER_YEAR.match(after)
    return False


# A count of burials: the coders of real reporting leave "153 were buried" and "20 of the slain
# officers were later buried" uncoded (a funeral is no report of the toll).
_BURIED = re.compile(
    r"[^,;.]{0,50}?\b(?:were|was|have\s+been|had\s+been|are|being)\s+(?:later\s+|also\s+)?"
    r"(?:buried|laid\s+to\s+rest|cremated)\b",
    re.I,
)
# Compiled once: is_not_a_count runs for every figure.
_SCORE_BEFORE = re.compile(
    r"\b(?:lost|lose|loses|losing|won|win|wins|winning|beat|beats|drew|draw|defeated|defeat|"
    r"victory|a|the)\s+$",
    re.I,
)
_NAME_COMMA_BEFORE = re.compile(r"[A-Z][a-z]+,\s*$")
_COMMA_AFTER = re.compile(r"\s*,")
# A verb of killing whose victims stand between it and "to death".
_TO_DEATH_VERB = re.compile(
    r"\b(?:burn|beat|stab|hack|club|crush|trample|shoot|stone|starve|bludgeon|batter|lynch|"
    r"torture|choke|strangle)(?:s|ed|t|ing|bed|ped)?\s+$",
    re.I,
)
_TO_DEATH_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?to\s+death\b", re.I)
_AGE_IN_BRACKETS = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+\s*\($")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_COUNTED_AFTER_YEAR = re.compile(r"\s+(?:people|persons|civilians|dead|killed|children)\b")
_OF_THE = re.compile(r"^\s*of\s+(?:the\s+)?")
_ATTACKED_BEFORE = re.compile(r"\b(?:attack(?:ed|s)?|ambushed|assaulted)\b", re.I)
_STRUCK_BEFORE = re.compile(r"\b(?:struck|hit|bombed|shelled|targeted)\b", re.I)


def subject_words(after: str) -> str:
    """Return the counted noun phrase that starts `after` ("of its members were" -> "its members")."""
    g = grammar()
    stop = g.subject_stop.search(after)
    phrase = after[: stop.start()] if stop else after
    phrase = _OF_THE.sub("", phrase)
    words = phrase.split()[:6]
    return " ".join(words).strip(" -'’")


# Titles of German papers and parties that hold "Die" ("the Die Welt daily").
_DIE_NAME = re.compile(r"\s+(?:Welt|Zeit|Presse|Linke|Tageszeitung|Hard|Antwoord)\b")
# A kind word right after its figure and nothing but the end, a stop or another figure after it.
_BARE_KIND_WORD = re.compile(r"\s+[A-Za-z]+\s*(?:$|[,.;:!?]|\d)")
# A figure with its own kind word, the next item of a list: "(40 killed) many injured".
_LISTED_COUNT = (
    r"(?:[\d,.]+|dozens|hundreds|scores|several|many)\s+(?:more\s+|others\s+)?"
    r"(?:injured|wounded|hurt|missing|dead)\b"
)
# A word after a participle that shows it is used as an adjective ("98 injured people").
_NOT_A_NOUN = re.compile(
    r"^\s*(?:and|or|in|on|at|by|after|during|when|while|as|from|to|with|were|was|have|has|had|"
    r"are|is|since|so|but|according|said|says|including|among|[,.;:!?()\"“”-]|$"
    # A time or cause after it: "left 361 injured over the past two weeks", "... amid clashes".
    r"|(?:over|across|throughout|following|amid|amidst|overnight|yesterday|today|last|due|near|"
    r"inside|outside|because)\b"
    # A headline's list without commas: "40 killed many injured", "12 dead 30 hurt".
    r"|" + _LISTED_COUNT + r")",
    re.I,
)
_RETURNED = re.compile(
    r"freed|released|rescued|escaped|returned|came back|come back|walked back|were found", re.I
)
_ATTACK_CONTEXT = re.compile(
    r"\b(?:attack(?:ed|s)?|ambushed|assaulted|struck|hit|bombed|shelled|targeted)\b", re.I
)
_TIMES = re.compile(r"\s+times\b", re.I)
# A limit of age after the people it describes: "children under 18", "those over 65".
_AGE_LIMIT = re.compile(r"(?:under|below|over|above|younger\s+than|older\s+than)\s", re.I)
_PEOPLE_OF_AN_AGE = re.compile(
    r"\b(?:children|child|minors|kids|boys|girls|youths?|teenagers|teens|adolescents|people|"
    r"persons|those|adults|pupils|students|men|women|residents|aged)\s+(?:aged\s+)?$",
    re.I,
)
_THE_AGE_OF = re.compile(r"\b(?:under|below|over|above)\s+the\s+ages?\s+of\s+$", re.I)
_PERCEIVED_BEFORE = re.compile(
    r"\b(?:heard|hear|hears|hearing|felt|feel|feels)\s+(?:\w+\s+)?$", re.I
)
# "last week 131 civilians were killed": a time, not the label of "Week 3".
_TIME_BEFORE = re.compile(
    r"\b(?:last|past|this|next|previous|same|that|each|every)\s+(?:week|day|year|hour|minute)\s*$",
    re.I,
)
_SAME_BEFORE = re.compile(r"\b(?:the|those|these)\s+same\s+$", re.I)
_AGES_BEFORE = re.compile(
    r"\b(?:aged|ages|age)\s+\d{1,3}(?:\s*,\s*\d{1,3})*\s*(?:,|and|or|to|-)\s*$", re.I
)
# "found 12 (more) bodies": what was found is the dead.
_REMAINS_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:bodies|body|corpses|corpse|remains|dead)\b", re.I)
_RELEASED_BEFORE = re.compile(
    # "rescued and one death confirmed": "and" opens another clause, with its own count.
    r"\b(?:released|freed|rescued|returned|evacuated|reunited|repatriated|found)\s+"
    r"(?:(?!and\b)\w+\s+)?$",
    re.I,
)
# "evacuated 650,000 people": residents moved from their homes, the displaced (a rescue's
# "evacuated 20 pupils" from a school, or the injured to a hospital, is no displacement).
_EVACUATED_BEFORE = re.compile(r"\bevacuated\s+(?:(?!and\b)\w+\s+)?$", re.I)
_RESIDENTS_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:people|residents|persons|villagers|families|inhabitants|households)\b"
    r"(?!\s+(?:to|at)\s+(?:a\s+|the\s+)?(?:\w+\s+){0,3}?(?:hospitals?|clinics?))",
    re.I,
)
# "shot down 17 drones": the drones never struck.
_UNSTRUCK_BEFORE = re.compile(
    r"\b(?:shot\s+down|intercepted|downed|launched|fired|destroyed|jammed)\s+(?:\w+\s+)?$", re.I
)
_CLAUSE_END = re.compile(
    r",\s*(?:and|but(?!\s+survived)|while|as|after|although|whereas|so)\b|;|:|\s-\s"
)
_RELATIVE = re.compile(r"\b(?:who|that|which)\s+(?:\w+\s+){0,2}$", re.I)


def detect_kind(sentence: str, start: int, end: int, limit: int | None = None) -> KindHit | None:
    """Return what the figure at sentence[start:end] counts, or None if it counts no known kind.

    `limit` is where the next figure starts: a predicate past it belongs to that figure.
    """
    g = grammar()
    before = sentence[:start]
    after = sentence[end : limit if limit is not None else len(sentence)]

    if _BURIED.match(sentence, end):
        return None  # "the bodies of 153 victims were buried on Monday": a burial, no toll
    times = _TIMES.match(after)
    if times:
        recent = before[-50:]
        if _ATTACKED_BEFORE.search(recent):
            return KindHit("attacks", "times", "attacks", end + times.end())
        if _STRUCK_BEFORE.search(recent):
            return KindHit("strikes", "times", "strikes", end + times.end())
        return None
    if (
        _RELEASED_BEFORE.search(before[-40:])
        and not _REMAINS_AFTER.match(after)
        and not (_EVACUATED_BEFORE.search(before[-40:]) and _RESIDENTS_AFTER.match(after))
    ):
        # "released 20 pupils abducted last week": a release, not an abduction. But "found 12
        # bodies" is a count of the dead.
        return None
    # A figure read with a count verb as its qualifier ("exceeded 4,000") keeps that verb for
    # the toll phrase: "Deaths exceeded 4,000" is a toll whose verb sits inside the figure.
    lead = g.count_verb_lead.match(sentence, start, end)
    window = (before + lead.group() if lead else before)[-200:]
    toll = g.toll_before.search(window)
    # The toll phrase nearest the figure: "the number of dead stood at 2,921 and the number
    # of injured at 15,834" counts the injured. Only a named toll ("the number of", "the toll")
    # is taken as nearer: a bare counted word is too often another clause's ("the toll in the
    # quake that injured thousands rose to 5,000").
    while toll and (nearer := g.toll_before.search(window, toll.start() + 1)):
        if nearer.group("subject"):
            break
        toll = nearer
    if _TO_DEATH_VERB.search(before[-30:]) and _TO_DEATH_AFTER.match(after):
        # "rebels burn 40 students to death", "hacked 12 villagers to death"
        return KindHit("killed", "verb", subject_words(after), end)
    heading = g.heading.search(before[-40:])
    if heading:
        return KindHit(g.heading_kinds[phrase_key(heading.group("w"))], "heading", "people", end)
    if toll and re.search(r"\d", window[toll.start() :]) and _counted_noun_after(g, after):
        # "the toll rises to 116, adding that it would climb because of dozens of serious
        # injuries": the toll has its figure; the noun after this one says what it counts.
        toll = None
    if toll:
        said = (
            toll.group("of")
            or toll.group("bare")
            or toll.group("total")
            or toll.group("adj")
            or toll.group("subject")
            or ""
        )
        word = phrase_key(said)
        kind = g.toll_kinds.get(word, "killed")  # "the death toll" counts the dead
        return KindHit(kind, "toll", subject_words(after) or "people", end)

    participle: KindHit | None = None
    has_action = None
    nouns = []
    for kind, pattern, needs_action in g.noun_after:
        match = pattern.match(after)
        if not match:
            continue
        if needs_action:
            if _UNSTRUCK_BEFORE.search(before[-40:]) and kind == "strikes":
                continue
            if has_action is None:
                has_action = bool(g.action.search(sentence))
            if not has_action:
                continue
        nouns.append((match.start("noun"), kind, match))
    # The nearest kind word wins: "nearly 100 wounded after rockets hit" counts the wounded.
    role: KindHit | None = None
    for _, kind, match in sorted(nouns, key=lambda n: n[0])[:1]:
        subject = (match.group("pre") + match.group("noun")).strip()
        hit = KindHit(kind, "noun", subject, end + match.end())
        if phrase_key(match.group("noun")) in vocab.ROLE_NOUNS:
            # "26 hostages killed", "18 victims undergoing treatment": a verb after the role
            # noun says what befell them; the noun's own kind stands when none does.
            role = hit
            break
        if phrase_key(match.group("noun")) not in g.participles:
            return hit
        object_next = limit is not None and not after[match.end() :].strip()
        if (
            phrase_key(match.group("noun")) in _TRANSITIVE
            and (object_next or _ACTIVE_OBJECT.match(after, match.end()))
            and match.group("pre").strip()
        ):
            return None  # "Three soldiers killed the two attackers": they did it
        if participle is None:
            participle = hit
            if not _NOT_A_NOUN.match(after[match.end() :]):
                # "98 injured people ...": an adjective; the verb after it may say more.
                participle.how = "adjective"

    if participle and participle.how == "noun" and _BARE_KIND_WORD.match(after):
        # "384 dead 540 injured 29 missing": the kind word right after the figure, at a list's
        # end or before the next, is its noun, whatever verb stands before ("injured 29").
        return participle
    for kind, pattern in g.verb_before:
        if pattern.search(before[-60:]):
            return KindHit(kind, "verb", subject_words(after), end)
    if role is not None:
        told = _predicate_kind(g, after, None, limit, end)
        if told is None and _freed(g, after):
            return None  # "354 hostages were rescued": no longer held, no count of the held
        return told if told is not None and told.kind != role.kind else role

    if participle and participle.how == "noun":
        return participle

    return _predicate_kind(g, after, participle, limit, end)


def _clause_window(after: str) -> str:
    """Return the words after a figure that its predicate may stand in: its own clause, the
    first few words of it."""
    clause_end = _CLAUSE_END.search(after)
    scope = after[: clause_end.start()] if clause_end else after
    return " ".join(scope.split()[: MAX_WORDS_TO_PREDICATE + 3 + _place_words(scope)])


# Where the counted people were, named: "(Eleven people) in the city of Haidong in neighbouring
# Qinghai Province (were also killed)". Its words do not count against the predicate's reach.
_PLACE_PP = re.compile(
    r"\b(?:in|at|near|from)\s+(?:the\s+)?(?:(?:city|town|village|province|district|county|"
    r"state|region|area|capital)\s+of\s+)?(?:neighbou?ring\s+|nearby\s+|northern\s+|southern\s+|"
    r"eastern\s+|western\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]*\s+){1,3}(?:(?:Province|province|District|"
    r"district|County|county|State|state|Region|region)\s+)?"
)


_NEGATED_PREDICATE = re.compile(
    r"(?:\b(?:not|never|no\s+longer)|n['’]t)\s+(?:(?:yet|been|be|have|yet\s+been)\s+)?$", re.I
)


def _place_words(text: str) -> int:
    """Return how many words of `text` name where the counted people were (at most 8)."""
    if " in " not in text and " at " not in text and " near " not in text and " from " not in text:
        return 0
    return min(8, sum(len(m.group().split()) for m in _PLACE_PP.finditer(text)))


def _freed(g: _Grammar, after: str) -> bool:
    """Return True when the clause after a figure says its people came back ("were freed")."""
    block = g.blockers.search(_clause_window(after))
    return bool(block and _RETURNED.match(block.group(0)))


def _predicate_kind(
    g: _Grammar, after: str, participle: KindHit | None, limit: int | None, end: int
) -> KindHit | None:
    """Return the kind the verb after a figure says ("were killed"), within its clause."""
    window = _clause_window(after)
    block = g.blockers.search(window)
    weak: KindHit | None = participle
    for match in g.predicate.finditer(window):
        # A blocker before the predicate stops it ("were found alive ... dead"); one that is
        # part of it ("were found dead", "were in custody") or right before it ("remained
        # unaccounted for") does not.
        between = window[block.end() : match.start()] if block else ""
        if block and block.end() <= match.start() and not _STATE_LINK.fullmatch(between):
            return None
        before = window[: match.start()]
        if len(before.split()) - _place_words(before) > MAX_WORDS_TO_PREDICATE:
            break
        if _NEGATED_PREDICATE.search(before):
            return None  # "26 were not evacuated": no count of the evacuated
        if match.group("pred") == "Die" and _DIE_NAME.match(window, match.end()):
            continue  # "the Die Welt daily": a German title, not "78 die" ("78 Die In ...")
        kind = g.predicate_kinds.get(phrase_key(match.group("pred")))
        if kind is None:
            kind = kind_of_word(match.group("pred"))
        if not kind:
            continue
        hit = KindHit(kind, "predicate", subject_words(after), end)
        reduced = not re.search(
            r"\b(?:were|was|been|being|are|is)\s+(?:\w+\s+)?$", window[: match.start()]
        )
        # The next figure right after the verb is its object ("... killed 73 people").
        object_next = limit is not None and after.rstrip().endswith(match.group("pred"))
        active = reduced and phrase_key(match.group("pred")) in _TRANSITIVE
        if active and (object_next or _ACTIVE_OBJECT.match(window, match.end())):
            # "Two explosions ... killed 73 people": the verb has an object, so the figure
            # counts who did it, not whom it befell.
            return None
        if (
            reduced
            and block
            and block.start() > match.start()
            and _RETURNED.match(block.group(0))
            # In the predicate's own clause: "Forty died, the ministry said in a statement
            # released Sunday" released a statement, not the dead.
            and not re.search(r"[,;]", window[match.end() : block.start()])
        ):
            # "Twelve villagers abducted last week escaped": the count is of those who came back.
            return None
        if participle and match.start() < len(participle.subject) + 2:
            continue  # the adjective itself
        if _RELATIVE.search(window[: match.start()]):
            # "130 children who were seized ... were freed": the relative clause describes them.
            weak = weak or hit
            continue
        return hit
    if block:
        return None
    return weak


# Verbs of harm that take their victims as object: "Two bombers killed 60 people".
_TRANSITIVE = frozenset(
    [
        "killed",
        "wounded",
        "injured",
        "hurt",
        "maimed",
        "slain",
        "massacred",
        "executed",
        "abducted",
        "kidnapped",
        "arrested",
        "detained",
        "apprehended",
        "displaced",
        "seized",
    ]
)
# A figure or a determined noun phrase right after a verb of harm is its object.
# Not a figure with its own kind word ("40 Indians killed many injured", a headline's list).
_ACTIVE_OBJECT = re.compile(
    # A qualifier only before a figure: "over the weekend" is a time, not "over 20 people".
    r"\s+(?:(?:at\s+least|more\s+than|over|about|nearly|some|up\s+to)\s+"
    r"(?=\d|dozens|hundreds|scores|several|many))?"
    r"(?!" + _LISTED_COUNT + r")"
    r"(?:\d|(?:the|an?|his|her|their|its|dozens|hundreds|scores|several|many)\s)",
    re.I,
)
# What may stand between a blocker and its predicate when both say one state: "remained
# missing", "remained listed as missing", "remain officially unaccounted for", "were rescued
# and taken to hospital" (the injured among the rescued).
_STATE_LINK = re.compile(
    r"\s*(?:and\s+)?(?:(?:still|officially|listed|registered|reported|classified|formally)\s+)*"
    r"(?:as\s+)?",
    re.I,
)


def _counted_noun_after(g: _Grammar, after: str) -> bool:
    """Return True when a kind's noun follows a figure ("dozens of serious injuries")."""
    return any(not needs and pattern.match(after) for _, pattern, needs in g.noun_after)


def kind_of_verb(word: str) -> str | None:
    """Return the kind a verb right before a figure counts ("wounding" -> wounded), or None."""
    word = word.lower()
    for kind, words in vocab.KINDS.items():
        if word in (v.lower() for v in words.verbs):
            return kind
    return None


def kind_of_word(word: str) -> str | None:
    """Return the kind a predicate's words say ("were killed" -> "killed"), or None."""
    return _kind_of_word(word, vocab.KINDS_VERSION)


# Read once per wording and version of the kinds: trying every fragment of the predicate list
# in turn is costly, and a corpus says "were killed" many thousand times.
@lru_cache(maxsize=1 << 12)
def _kind_of_word(word: str, version: int) -> str | None:
    word = re.sub(r"\s+", " ", word.lower())
    for kind, words in vocab.KINDS.items():
        if word in words.nouns or word in words.predicates:
            return kind
    # A fragment's space stands for any gap, a hyphen too ("suffered life-threatening burns"),
    # as `alternation` compiled it.
    spaced = phrase_key(word)
    for kind, words in vocab.KINDS.items():
        if any(re.fullmatch(p, word) or re.fullmatch(p, spaced) for p in words.predicates):
            return kind
    return None


def find_zero_claims(sentence: str) -> list[tuple[int, int, str, str, str]]:
    """Return (start, end, kind, hedge, subject) for counts of zero: "no one was killed", "denied that..."."""
    return list(_zero_claims(sentence, vocab.KINDS_VERSION))


# Read once per sentence text and version of the kinds (wire copies repeat sentences).
@lru_cache(maxsize=1 << 14)
def _zero_claims(sentence: str, version: int) -> tuple[tuple[int, int, str, str, str], ...]:
    g = _grammar(version)
    found = []
    for match in g.zero.finditer(sentence):
        what = (match.group("what") or "").lower()
        pred = phrase_key(match.group("pred") or "")
        kind = g.zero_kinds.get(pred) or g.zero_kinds.get(what)
        # "no one"/"nobody" need a predicate; "no deaths" names its kind itself.
        if not kind or (
            what in ("one", "person", "people", "civilian", "civilians", "") and not pred
        ):
            continue
        found.append(
            (match.start(), match.end(), kind, "", what if what not in ("one", "") else "")
        )
    for match in g.caused_none.finditer(sentence):
        kind = g.zero_kinds.get(phrase_key(match.group("pred")))
        if kind:
            found.append((match.start(), match.end(), kind, "", ""))
    for match in g.denial.finditer(sentence):
        for group in ("pred", "pred2"):
            if match.group(group):
                kind = g.zero_kinds[phrase_key(match.group(group))]
                found.append((match.start(), match.end(), kind, "denied", ""))
    return tuple(found)
