"""Grouping claims into events: one incident at one place and time, or a cumulative series.

Within an article, every claim starts in the article's main incident, read from the headline and
the first paragraph (its trigger word, like "strikes" or "explosion", and its places). A claim
leaves it when its own sentence (or the paragraph before it) places it somewhere the lead never
mentions, when the text turns to other news elsewhere ("Meanwhile ... in Ustamir"), or when it
counts over a span of time ("since October", "the war has killed"): a series is not an incident.
Across articles, two signals join incidents within `DATE_WINDOW_DAYS`: a story (the articles'
words are alike, `stories.py`, and their places agree fuzzily or one names none), or a shared
place key with agreeing trigger classes. Candidates come from indexes, so the work grows with the
number of articles and incidents, not with their square.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from reconcile.dates import (
    MONTHS,
    WEEKDAY,
    WEEKDAYS,
    days_between,
    parse_date,
    parse_day_month,
    shift,
)
from reconcile.extract import vocab
from reconcile.extract.kinds import _alt
from reconcile.extract.sentences import Sentence, split_sentences
from reconcile.model import Article, Claim, Event
from reconcile.places import (
    find_places,
    is_region,
    place_key,
    place_skeleton,
    same_place,
)
from reconcile.stories import StoryText, similar_pairs

DATE_WINDOW_DAYS = 3
# An incident date a sentence gives (a date, a weekday, "yesterday") lies within this many days
# of its article's; only a vague look-back ("two months ago", `event_span`) reaches further.
NEAR_PUBLISHED_DAYS = 31

# Event trigger words by class (the lexicon lives in vocab, beside the other word lists).
TRIGGERS = vocab.INCIDENT_WORDS
_TRIGGER_RE = re.compile(
    r"\b(?P<t>" + _alt([w for ws in TRIGGERS.values() for w in ws]) + r")\b", re.I
)
_TRIGGER_CLASS = {w.lower(): cls for cls, ws in TRIGGERS.items() for w in ws}
_SCOPE_RE = re.compile(r"(?:" + "|".join(vocab.CUMULATIVE_SCOPE) + r")", re.I)
# Words that open another incident; said once, they hold for the rest of the paragraph.
# Incidents that happen once, and the words that name any incident ("yet another hooch
# incident"). Not a hazard's own recurrence: "Another eruption Monday halted the search" goes on
# with the same disaster.
_INCIDENT_NOUN = (
    r"(?:attack|incident|strike|air\s*strike|drone\s+(?:attack|strike)|bombing|blast|explosion|"
    r"raid|assault|shooting|ambush|massacre|tragedy|accident|mishap|case|fire|blaze|crash|"
    r"collision|derailment|sinking|capsizing|stampede|crush|poisoning|collapse|abduction|"
    r"kidnapping|hijacking)"
)
_SEPARATE_RE = re.compile(
    r"\b(?:in\s+a\s+separate|a\s+separate\s+"
    + _INCIDENT_NOUN
    # "yet another hooch incident", "another deadly attack"
    + r"|(?:in\s+)?(?:yet\s+)?another\s+(?:[a-z-]+\s+){0,2}?"
    + _INCIDENT_NOUN
    + r"|elsewhere|(?:in\s+)?an?\s+(?:earlier|previous|prior|similar)\s+"
    + _INCIDENT_NOUN
    # "a second attack took place at a mosque in Kessa": another attack, not the first's second
    # blast ("a first and then a second explosion during the ceremony" is one bombing).
    + r"|\ba\s+(?:second|third|fourth)\s+(?:[a-z-]+\s+)?"
    r"(?:attack|bombing|shooting|ambush|assault|raid|massacre)" + r")\b",
    re.I,
)
# Words that turn to other news ("Meanwhile the army kept up its offensive in Ostrel"): another
# incident when the sentence names a place of its own that the lead does not.
_SHIFT_RE = re.compile(
    r"^\W*(?:meanwhile|separately|elsewhere|in\s+other\s+(?:news|developments))\b"
    r"|\b(?:also|separately)\s+(?:struck|hit|attacked|raided|bombed|shelled|killed)\b",
    re.I,
)
# A toll of a whole war or campaign, not of one incident: "the war has killed", "the violence
# has so far taken 30,000 lives", "the conflict has left".
_WIDE = r"(?:war|conflict|violence|fighting|insurgency|campaign|crisis|offensive)"
_WIDE_SCOPE_RE = re.compile(
    r"\b(?:the|this)\s+" + _WIDE + r"\s+"
    r"(?:has|have|had)\s+(?:so\s+far\s+|now\s+|already\s+)?"
    r"(?:killed|claimed|taken|left|cost|displaced|uprooted|driven)\b"
    # the noun forms: "a death toll from the war", "the war's toll", "since the war began"
    r"|\btoll\s+(?:from|of|in)\s+(?:the|this)\s+(?:\w+\s+)?" + _WIDE + r"\b"
    r"|\b" + _WIDE + r"['’]s\s+(?:overall\s+|total\s+)?(?:death\s+)?toll\b"
    r"|\bsince\s+the\s+(?:\w+\s+)?" + _WIDE + r"\s+(?:began|started|broke\s+out|erupted)\b"
    # A war told by its toll: "a large-scale offensive that killed more than 36,700", "the
    # conflict has persisted, claiming over 40,000 lives".
    r"|\b" + _WIDE + r"\s+(?:that|which)\s+(?:has\s+|have\s+|had\s+)?(?:so\s+far\s+)?"
    r"(?:killed|claimed)\b"
    r"|\b(?:the|this)\s+"
    + _WIDE
    + r"\s+(?:has|have|had)\s+\w+\s*,\s+(?:claiming|costing|killing)\b"
    # A group's toll over years: "The rebels have killed thousands of civilians".
    r"|\b(?:has|have)\s+(?:so\s+far\s+|now\s+|already\s+)?(?:killed|displaced|abducted)\s+"
    r"(?:tens\s+of\s+|hundreds\s+of\s+)?thousands\b",
    re.I,
)
# A sentence that opens on a span of time frames every figure of its main clause: "Since
# 2014, when gunmen seized 200 girls in one town, more than 1,400 students have been taken."
_FRAME_RE = re.compile(r"^\W*(?:" + "|".join(vocab.CUMULATIVE_SCOPE) + r")\b[^,]*,", re.I)
_SUBORDINATE_RE = re.compile(r"^\W*(?:when|where|after|as|which|who)\b", re.I)
# Words that date a figure's own clause to another time.
_DISTINCT_RE = re.compile(
    r"\b(?:last\s+(?:week|month|year)|earlier\s+this\s+(?:month|year))\b"
    # "It came barely 24 hours after insurgents abducted 200 ...": what it came after is
    # another incident.
    r"|\b(?:came|comes|coming|come|follows|followed|happened|occurred)\s+(?:just\s+|barely\s+|only\s+|"
    r"less\s+than\s+|more\s+than\s+)?(?:\w+\s+){0,2}?(?:(?:hours?|days?|weeks?|months?)\s+)?"
    r"after\b"
    r"|"
    + _SEPARATE_RE.pattern
    # A second quake is a quake of its own (in its clause only: the next sentence may be back
    # with the first): "another magnitude-6.1 earthquake hit the region and left 16 dead".
    + r"|\banother\s+(?:(?:strong|powerful|major|deadly|magnitude[\s-]?[\d.]+)\s+){0,2}"
    r"(?:earth)?quake\b",
    re.I,
)
_RELATIVE_DAY = re.compile(
    r"\b(?:(?:on|late|early|last)\s+)?(?P<wd>" + WEEKDAY + r")\b"
    r"|\b(?P<rel>yesterday|overnight|last\s+night|today|this\s+morning|tonight)\b",
    re.I,
)


@dataclass
class Frame:
    """What a claim is about: trigger class, place keys, date, and a cumulative scope if any."""

    trigger: str = ""
    places: dict[str, str] = field(default_factory=dict)  # key -> name as written
    date: str | None = None
    scope: str = ""


# Words that name who acted, not what happened: "Gunmen abduct 17" is an abduction. They decide
# the class only when the text names no incident.
ACTOR_TRIGGERS = frozenset({"gunmen", "gunman"})


@lru_cache(maxsize=1 << 15)  # framing asks for every sentence; wire copies repeat them
def trigger_class(text: str) -> str:
    """Return the class of the first event trigger word in text ('' if none), preferring a
    word for the incident over one for its actors."""
    first = ""
    for match in _TRIGGER_RE.finditer(text):
        # Phrases match across any whitespace; a line break inside one reads as a space.
        word = " ".join(match.group("t").lower().split())
        if word not in ACTOR_TRIGGERS:
            return _TRIGGER_CLASS[word]
        first = first or _TRIGGER_CLASS[word]
    return first


@lru_cache(maxsize=1 << 17)  # grouping and relating ask again for the same sentences
def event_date(sentence: str, published: str | None) -> str | None:
    """Return the incident date a sentence implies, from its weekday or relative words."""
    explicit = parse_date(sentence)
    if explicit and published and (days_between(explicit, published) or 0) <= NEAR_PUBLISHED_DAYS:
        return explicit
    if not published:
        return explicit
    # "raided the school on March 7": a day of the month, in the weeks before publication.
    yearless = parse_day_month(sentence, published)
    if yearless and (days_between(yearless, published) or 0) <= NEAR_PUBLISHED_DAYS:
        return yearless
    match = _RELATIVE_DAY.search(sentence)
    if not match:
        return published
    if match.group("wd"):
        from datetime import date

        pub = date.fromisoformat(published)
        target = WEEKDAYS.index(match.group("wd").lower())
        back = (pub.weekday() - target) % 7
        return shift(published, -back)
    if match.group("rel").lower() in ("yesterday", "overnight", "last night"):
        return shift(published, -1) if match.group("rel").lower() == "yesterday" else published
    return published


# Vague references back in time: "the blast earlier this month", "the raid two weeks ago".
_PAST_SPAN = re.compile(
    r"\b(?P<month>(?:earlier\s+)?this\s+month)\b|\b(?P<lastweek>last\s+week)\b"
    r"|\b(?P<lastmonth>last\s+month)\b|\b(?:(?:over|about|some|nearly|almost|more\s+than)\s+)?"
    r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    # "two weeks ago", and "more than two weeks after the fire" / "since the quake"
    # ... and a headline's "six months after military drone attack" (no article, lower case)
    r"(?P<unit>days?|weeks?|months?)\s+(?:ago\b|(?:after|since)\s+(?:the\b|(?-i:(?=[a-z]))))",
    re.I,
)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip


def may_look_back(sentence: str) -> bool:
    """Return False when a sentence has none of the words a vague look-back needs."""
    low = sentence.lower()
    return "ago" in low or "month" in low or "week" in low


@lru_cache(maxsize=1 << 17)
def event_span(sentence: str, published: str | None) -> tuple[str, str] | None:
    """Return the (first, last) ISO days a vague past reference allows ("earlier this month",
    "last week", "two weeks ago"), or None: an article looking back at an incident may come
    weeks after it, and must still join it."""
    if published is None or not may_look_back(sentence):
        return None  # every form below has one of these words: most sentences stop here
    match = _PAST_SPAN.search(sentence)
    if match is None:
        return None
    from datetime import date, timedelta

    pub = date.fromisoformat(published)
    if match.group("month"):
        first, last = pub.replace(day=1), pub
    elif match.group("lastweek"):
        first, last = pub - timedelta(days=13), pub - timedelta(days=3)
    elif match.group("lastmonth"):
        last = pub.replace(day=1) - timedelta(days=1)
        first = last.replace(day=1)
    else:
        n = _SMALL.get(match.group("n").lower()) or int(match.group("n"))
        unit = _UNIT_DAYS[match.group("unit").lower().rstrip("s")]
        back, slack = n * unit, max(1, n * unit // 4)
        first, last = pub - timedelta(days=back + slack), pub - timedelta(days=max(0, back - slack))
    return first.isoformat(), last.isoformat()


# A sentence about another incident than the article's ("a similar attack on March 3").
_OTHER_INCIDENT = re.compile(
    r"\b(?:another|previous|prior|earlier|similar|separate|last\s+year['’]?s?|anniversary|since|"
    r"retaliation|response|revenge|ahead\s+of|"
    r"(?:a|an)\s+(?:\w+\s+){0,2}?(?:attack|strike|raid|bombing|blast|explosion|quake|earthquake|"
    r"fire|flood|crash|collapse|stampede|shooting)s?\s+(?:on|in)\s+(?:[A-Z]\w+\s+)?\d)\b",
    re.I,
)
# "in an August attack", "the attack in August": a month told without a day.
_TOLD_MONTH = re.compile(
    r"\b(?:in|an?|the|last|this\s+past)\s+(?P<m>(?-i:[A-Z])[a-z]+)\b(?!\s+\d)", re.I
)
# How many of an article's first sentences are read for the incident's date: a follow-up
# says when it happened near its top.
TOLD_SENTENCES = 12


def told_span(sentences: _Sentences, trigger: str, published: str | None) -> str:
    """Return "first/last" (ISO days) the article tells its incident happened on, when that is
    before its publication window ("The attack occurred on August 24", "a missile hit a cafe
    in the village last week", a headline's "six months after military drone attack"), or "".
    The first of the article's opening sentences with the incident's trigger word that dates
    it decides, unless a weekday or "yesterday" among them (not one that dates a statement,
    "said on Thursday") makes the incident this week's news. A follow-up published weeks later
    thus still joins its incident."""
    if not published or not trigger:
        return ""
    from datetime import date, timedelta

    pub = date.fromisoformat(published)
    opening = [
        (i, s)
        for i, s in enumerate(sentences.sentences[:TOLD_SENTENCES])
        if not (sentences.turns[i] or sentences.past[i] or _OTHER_INCIDENT.search(s.text))
    ]
    if any(_recent(s.text, published) for _, s in opening):
        return ""  # "on Saturday", "yesterday": the incident is this week's news
    for i, s in opening:
        if sentences.triggers[i] != trigger:
            continue
        found = parse_date(s.text) or parse_day_month(s.text, published)
        if found:
            day = date.fromisoformat(found)
            if timedelta(days=DATE_WINDOW_DAYS) < pub - day <= timedelta(days=MAX_TOLD_DAYS):
                return f"{found}/{found}"
            continue
        span = event_span(s.text, published)
        if span:
            return f"{span[0]}/{span[1]}"
        for m in _TOLD_MONTH.finditer(s.text):
            month = MONTHS.get(m["m"].lower())
            if month and month != pub.month:
                year = pub.year if month < pub.month else pub.year - 1
                first = date(year, month, 1)
                last = (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
                return f"{first.isoformat()}/{last.isoformat()}"
    return ""


def _recent(sentence: str, published: str) -> bool:
    """Return True when a sentence dates something within the days before publication: a
    weekday or "yesterday" that does not date a statement. (A date written out is not read:
    a photo's caption or a dateline dates the page, not the incident.)"""
    return any(
        not _SAID_ON.search(sentence, 0, m.start()) for m in _RELATIVE_DAY.finditer(sentence)
    )


# A day that dates a statement, not the incident: "the minister said on Thursday".
_SAID_ON = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|reported|confirmed|added|stated|wrote)\s*$", re.I
)


def _told_pair(told: str) -> tuple[str, str] | None:
    if not told:
        return None
    first, _, last = told.partition("/")
    return first, last or first


# A follow-up this long after its incident is a look back, not news of it.
MAX_TOLD_DAYS = 400


class _Sentences:
    """An article's sentences with their places and trigger class, each worked out once."""

    def __init__(self, article: Article, sentences: list[Sentence] | None = None) -> None:
        self.text = article.text
        self.sentences = split_sentences(article.text) if sentences is None else sentences
        self.starts = [s.start for s in self.sentences]
        prepositional = [find_places(s.text) for s in self.sentences]
        # Places named with a preposition anywhere ("in Tell Hamra") are also recognised where
        # the text names them bare ("Tell Hamra buries its dead").
        self.known = {name: key for found in prepositional for name, key in found}
        self.places = [
            _with_known(found, s.text, self.known)
            for found, s in zip(prepositional, self.sentences, strict=True)
        ]
        self.triggers = [trigger_class(s.text) for s in self.sentences]

    def index(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def last_before(self, index: int, floor: int) -> tuple[dict[str, str], str]:
        """Return the places and trigger of the nearest earlier sentences at or after `floor`."""
        places: dict[str, str] = {}
        trigger = ""
        for i in range(index - 1, -1, -1):
            if self.sentences[i].start < floor:
                break
            places = places or self.places[i]
            trigger = trigger or self.triggers[i]
            if places and trigger:
                break
        return places, trigger

    def mark_turns(self, lead_places: dict[str, str], published: str | None = None) -> None:
        """Note the sentences that open another incident: "in a separate attack", a turn to
        other news ("Meanwhile ...") at a place the lead does not name, or a story of an
        earlier year ("In 1969, ...", "Soleimani was killed on January 3, 2020"), which the
        rest of its paragraph goes on telling."""
        self.turns = []
        self.past = []  # a story of an earlier year: it goes on to the end of its line
        for s, places in zip(self.sentences, self.places, strict=True):
            separate, shift = _turn_words(s.text)
            self.turns.append(
                separate
                or (
                    shift
                    and bool(places)
                    and not any(same_place(k, m) for k in places for m in lead_places)
                )
            )
            past = _tells_a_past_year(s.text, published)
            if not past and self.past and "year" in s.text and _THAT_YEAR.search(s.text):
                # "The last storm this severe struck in 1977. That year, 23 people died."
                before = self.sentences[len(self.past) - 1].text
                past = self.past[-1] or _past_year(_without_comparison(before), published)
            self.past.append(past)

    def separate_before(self, index: int, floor: int) -> bool:
        line = self.text.rfind("\n", 0, self.sentences[index].start)
        for i in range(index - 1, -1, -1):
            if self.sentences[i].start < floor:
                return False
            if self.turns[i] or self.past[i] and self.sentences[i].start > line:
                return True
        return False


# A year named by the sentence before: "That year, 23 people died."
_THAT_YEAR = re.compile(r"\b(?:that|the\s+same)\s+year\b(?!['’])", re.I)


@lru_cache(maxsize=1 << 15)  # read once per sentence text: wire copies repeat sentences
def _turn_words(sentence: str) -> tuple[bool, bool]:
    """Return whether a sentence opens another incident ("in a separate attack") and whether
    it turns to other news ("Meanwhile ...")."""
    return bool(_SEPARATE_RE.search(sentence)), bool(_SHIFT_RE.search(sentence))


def _with_known(found: list[tuple[str, str]], text: str, known: dict[str, str]) -> dict[str, str]:
    """Return key -> name for the places found in text, plus the known names it mentions bare."""
    places = {key: name for name, key in found}
    for name, key in known.items():
        if key not in places and name in text:
            places[key] = name
    return places


# A clause told of an earlier year: "(Soleimani,) who was killed in a 2020 US strike in
# Baghdad", "in 2014 in Soma": its places are that year's incident's, not the lead's.
_PAST_YEAR_CLAUSE = re.compile(r"\b(?:in\s+(?:a|an|the)\s+|in\s+)(?P<year>(?:19|20)\d\d)\b[^,.;:]*")


def _without_past_years(text: str, published: str | None) -> str:
    """Return text with the clauses told of an earlier year than `published` blanked."""
    if not published or not _YEAR.search(text):
        return text
    return _PAST_YEAR_CLAUSE.sub(
        lambda m: " " * len(m.group()) if m["year"] < published[:4] else m.group(), text
    )


def _places_in(text: str, known: dict[str, str]) -> dict[str, str]:
    return _with_known(find_places(text), text, known)


def frame_article(
    article: Article, claims: list[Claim], sentences: list[Sentence] | None = None
) -> None:
    """Set each claim's trigger, place and scope from its sentence, paragraph and the lead.

    A sentence's own trigger word and places win; a sentence without them takes those of the
    paragraph so far, then those of the lead. `sentences` is the article's whole text split,
    when the caller has it (`split_sentences(article.text)`).
    """
    lead_end = _lead_end(article)
    lead = article.text[:lead_end]
    sentences = _Sentences(article, sentences)
    main = Frame(
        # With no trigger word in the lead, the article's first one names its incident.
        trigger=trigger_class(article.title)
        or trigger_class(lead)
        or next((t for t in sentences.triggers if t), ""),
        places=_places_in(_without_past_years(lead, article.published), sentences.known),
        date=article.published,
    )
    sentences.mark_turns(main.places, article.published)
    told = told_span(sentences, main.trigger, article.published)
    for claim in sorted(claims, key=lambda c: c.start):
        # The paragraph so far: "In a separate incident, a bomb exploded near Halwan. Up to 15
        # people were wounded" places the second sentence's figure at Halwan.
        floor = max(
            article.text.rfind("\n\n", 0, claim.start), lead_end if claim.start >= lead_end else 0
        )
        i = sentences.index(claim.sentence_start)
        own = sentences.places[i] if sentences.starts[i] == claim.sentence_start else None
        if own is None:  # a claim sheet's sentence need not match the splitter's
            own = _places_in(claim.sentence, sentences.known)
        earlier_places, earlier_trigger = sentences.last_before(i, floor)
        clause = _clause(claim)
        scope = _SCOPE_RE.search(clause) or _WIDE_SCOPE_RE.search(claim.sentence)
        if scope and _HELD_SINCE.search(clause):
            # "had put the toll at 43 since Aug. 20": how long a figure held, not a count over
            # a span of time.
            scope = None
        frame = _FRAME_RE.match(claim.sentence)
        if scope is None and frame and not _SUBORDINATE_RE.match(clause):
            scope = _SCOPE_RE.search(frame.group(0))
        places = own or earlier_places
        trigger = trigger_class(clause) or trigger_class(claim.sentence) or earlier_trigger
        claim.trigger = trigger or main.trigger
        claim.place = "; ".join((places or main.places).values())
        claim.scope = scope.group(0) if scope else ""
        context = _clause_context(claim)
        own_turn = (
            sentences.turns[i] or sentences.past[i]
            if sentences.starts[i] == claim.sentence_start
            else False
        )
        if (
            claim.zone == "link"
            or _turns_after_the_main(claim, claims)
            or claim.start >= lead_end
            and (
                own_turn
                or _DISTINCT_RE.search(context)
                or _past_year(_without_comparison(context), article.published)
                or _when_of_a_past_day(claim, article.published, told)
                or sentences.separate_before(i, floor)
            )
            # "..., in 2014 ... in the city of Soma, where 301 people died": a "where" clause
            # is of the time its sentence named before it, wherever it stands.
            or _where_of_a_past_time(claim, article.published)
        ):
            claim.scope = claim.scope or "separate"
        claim.told = "" if claim.scope else told


def _apart_from_the_main(main: _Group, groups: list[_Group]) -> None:
    """Keep an incident told in passing to the places its article's main incident does not
    name, where it names one of its own: "Hours after the blast in Kessa, a second attack at a
    mosque in Dorvana" is at Dorvana; Kessa is the first blast's, named to say when (and would
    join the other incident to every report of the first)."""
    main_keys = _with_possessors(main.names)
    for group in groups:
        if "#separate" not in group.key[1]:
            continue
        apart = {
            k: v for k, v in group.names.items() if not any(same_place(k, m) for m in main_keys)
        }
        if apart and len(apart) < len(group.names):
            group.names = apart
            group.places = {place_skeleton(k) for k in apart}


def _with_possessors(places: dict[str, str]) -> list[str]:
    """Return place keys with their possessors' ("Kessa's Velmora" is in Kessa too)."""
    keys = list(places)
    for name in places.values():
        if possessor := _POSSESSOR.match(name):
            keys.append(place_key(possessor.group(1)))
    return keys


def _turns_after_the_main(claim: Claim, claims: list[Claim]) -> bool:
    """Return True when the claim's own sentence told a figure of its incident, then turned to
    another ("... confirmed 38 deaths, Velmora has been jolted by yet another hooch incident,
    ..., where five people died"): in the lead too, the figure after the turn is another's."""
    if not _turn_words(claim.sentence)[0]:
        return False  # most sentences name no other incident (read once per sentence, cached)
    pos = claim.start - claim.sentence_start
    turn = _SEPARATE_RE.search(claim.sentence, 0, pos)
    if turn is None:
        return False
    cut = claim.sentence_start + turn.start()
    return any(
        c.sentence_start == claim.sentence_start and c.start < cut for c in claims if c is not claim
    )


_CLAUSE_MARK = re.compile(r"[,;:]")
_WHERE_CLAUSE = re.compile(r",\s*(?:where|when|in\s+which)\s+[^,;]*$", re.I)


def _where_of_a_past_time(claim: Claim, published: str | None) -> bool:
    """Return True when the claim stands in a "where"/"when" clause whose sentence named an
    earlier year before it ("the worst was in 2014 at Soma, where 301 people died")."""
    before = claim.sentence[: claim.start - claim.sentence_start]
    where = _WHERE_CLAUSE.search(before)
    # Comparisons stay: "the worst was in 2014 at Soma, where 301 died" tells the past one.
    return bool(where) and _past_year(before[: where.start()], published)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


_POSSESSOR = re.compile(r"^([A-ZÀ-ÖØ-ÞĀ-ſ][\w-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w-]*)?)['’]s\s+\S")


# A comparison with the past ("the deadliest in Russia since the Beslan siege in 2004,") set
# off before a figure's own clause does not date it; a clause about the past ("since 1999,
# when a quake killed 17,000") does.
_COMPARISON = re.compile(
    # From a clause's start only: tried at every position, "[^,;]*" would rescan each clause.
    r"(?:^|(?<=[,;]))[^,;]*\b(?:since|deadliest|worst|biggest|largest|bloodiest)\b[^,;]*[,;]"
    r"(?!\s*(?:when|where|in\s+which)\b)",
    re.I,
)


def _without_comparison(context: str) -> str:
    return _COMPARISON.sub(" ", context)


def _clause_context(claim: Claim) -> str:
    """Return the claim's clause and the one before it: where "in a separate attack" or a
    background date ("since October 2024, when a raid killed 31") would stand."""
    s = claim.sentence
    pos = claim.start - claim.sentence_start
    cuts = [m.end() for m in _CLAUSE_MARK.finditer(s[:pos])]
    left = cuts[-2] if len(cuts) >= 2 else 0
    # From the figure's end: "138,000" holds a comma of its own.
    end = max(pos, claim.end - claim.sentence_start)
    right = min([i for i in (s.find(",", end), s.find(";", end)) if i >= 0] or [len(s)])
    return s[left:right]


# "since October 7, when militants stormed the border, killing 1,200": the day a "when"
# clause tells, set off after it.
_DAY_THEN_WHEN = re.compile(r"(?P<day>[^,;.]{3,40}?)\s*,\s*when\b[^;]*$", re.I)


def _day_then_when(claim: Claim, published: str) -> str | None:
    """Return the day a "when" clause the claim stands in tells, when it is long before
    publication ("since October 7, when militants stormed the border, killing 1,200")."""
    if "when" not in claim.sentence:
        return None
    before = claim.sentence[: claim.start - claim.sentence_start]
    match = _DAY_THEN_WHEN.search(before)
    if not match:
        return None
    day = parse_date(match["day"]) or parse_day_month(match["day"], published)
    if day is None or (days_between(day, published) or 0) <= NEAR_PUBLISHED_DAYS:
        return None
    return day


def _when_of_a_past_day(claim: Claim, published: str | None, told: str) -> bool:
    """Return True when a claim's clause tells what happened on a day long before publication
    (and not the day the article tells its own incident happened on)."""
    day = _day_then_when(claim, published) if published else None
    if day is None:
        return False
    span = _told_pair(told)
    return not (span and span[0] <= day <= span[1])


_HELD_SINCE = re.compile(
    r"\b(?:at|to)\s+(?:about\s+|around\s+)?[\d,]+\s+(?:\w+\s+){0,2}?since\b", re.I
)


def _past_year(text: str, published: str | None) -> bool:
    """Return True when text dates something before the article's year ("in 2019") or to a
    whole earlier month ("In September 2024, a similar attack ...")."""
    if not published:
        return False
    if _past_month(text, published):
        return True
    years = [int(y) for y in _YEAR.findall(text)]
    if not years:
        return False
    if any(y < int(published[:4]) for y in years):
        return True
    this_month = int(published[:4]) * 12 + int(published[5:7])
    return any(
        MONTHS[m.group("month").lower()] + int(m.group("year")) * 12 < this_month
        for m in _MONTH_YEAR.finditer(text)
    )


# A month named bare, as the time of what a clause tells: "The last major attack was in
# February", "Earlier in July, the group killed dozens" (a day or a year after it is read
# elsewhere).
_BARE_MONTH = re.compile(
    r"\b(?P<earlier>earlier\s+)?(?:in|since|during)\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?P<month>(?-i:[A-Z])[a-z]+)\b(?!\.?\s+\d)",
    re.I,
)


def _past_month(text: str, published: str) -> bool:
    """Return True when text dates what it tells to a month at least two months before the
    article's ("in February" in a July report), or to "earlier in" the article's own month."""
    return _earlier_month(text, published) is not None


def _earlier_month(text: str, published: str) -> int | None:
    """Return the month `_past_month` finds in text (1-12), or None."""
    if "in " not in text and "In " not in text:
        return None  # most clauses name no month: skip the pattern
    this_month = int(published[5:7])
    for m in _BARE_MONTH.finditer(text):
        month = MONTHS.get(m["month"].lower())
        if month is None or month > this_month:
            continue
        if month <= this_month - 2 or m["earlier"] and month == this_month:
            return month
    return None


def _past_month_span(claim: Claim, published: str | None) -> tuple[str, str] | None:
    """Return the first and last days of the earlier month a claim's clause dates it to ("In
    August, four miners were killed" in an October report), or None."""
    month = _earlier_month(_clause_context(claim), published) if published else None
    if month is None:
        return None
    year = published[:4]
    last = calendar.monthrange(int(year), month)[1]
    return f"{year}-{month:02d}-01", f"{year}-{month:02d}-{last:02d}"


def _tells_a_past_year(sentence: str, published: str | None) -> bool:
    """Return True when a sentence opens on an earlier year ("In 1969, ...") or dates what it
    tells to a full day of one ("... was killed on January 3, 2020"): background history."""
    if not published or not _YEAR.search(sentence):
        return False  # most sentences name no year: skip the month-name patterns
    year = int(published[:4])
    opener = _YEAR_OPENER.match(sentence)
    if opener and int(opener.group("year")) < year:
        return True
    return any(int(m.group("year")) < year for m in _FULL_DATE.finditer(sentence))


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR_OPENER = re.compile(
    r"^\W*(?:in|by|back\s+in)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:" + _MONTH_NAMES + r")\.?\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
_FULL_DATE = re.compile(
    r"\b(?:" + _MONTH_NAMES + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s+(?P<year>(?:19|20)\d\d)\b", re.I
)


# A whole month: "in September 2024" (a day before the month makes it a date, read elsewhere).
_MONTH_YEAR = re.compile(
    r"(?<!\d\s)\b(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?,?\s+"
    r"(?P<year>(?:19|20)\d\d)\b",
    re.I,
)


def _lead_end(article: Article) -> int:
    """Return the offset where the lead (headline, standfirst and first paragraph) ends."""
    body = next((s for s in article.sections if s.zone == "body"), None)
    start = body.start if body else 0
    text = article.text
    while start < len(text) and text[start] == "\n":
        start += 1
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    # A text with one paragraph a line (no blank lines between them) ends its lead at the
    # first line break after a full sentence; a hard-wrapped paragraph breaks mid-sentence.
    line_end = text.find("\n", start, end)
    while line_end > 0:
        if text[:line_end].rstrip()[-1:] in ".!?\"”’'":
            end = line_end
            break
        # A label line ("SUMMARY") or a hard wrap: the lead goes on to the next line break.
        line_end = text.find("\n", line_end + 1, end)
    if end - start > LONG_LEAD:
        # A page flattened into one paragraph: the lead is its opening sentences, not the
        # whole story ("..., including Nepal's 2015 quake, which killed nearly 9,000" further
        # on is background, as in any later paragraph).
        stop = _SENTENCE_END.search(text, start + LONG_LEAD // 2, end)
        if stop:
            return stop.start() + 1
    return end


# Past this many characters a first paragraph is a page flattened into one, not a lead.
LONG_LEAD = 600
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“]?[A-ZÀ-ÖØ-Þ])")


def _clause(claim: Claim) -> str:
    """Return the clause around a claim's figure: between the nearest ; or , boundaries."""
    s = claim.sentence
    pos = claim.start - claim.sentence_start
    left = max(s.rfind(";", 0, pos), s.rfind(",", 0, pos), -1) + 1
    end = max(pos, claim.end - claim.sentence_start)  # past the figure's own commas
    right_candidates = [i for i in (s.find(";", end), s.find(",", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(s)
    return s[left:right]


@dataclass
class _Group:
    key: tuple[str, str]  # (scope or "", trigger class)
    article: str
    places: set[str]
    date: str | None
    claims: list[Claim]
    names: dict[str, str]
    span: tuple[str, str] | None = None  # days a vague past reference allows
    past: str = ""  # the year of an earlier incident told in passing ("in 1979, killed 60")


def group_events(articles: list[Article], claims: list[Claim], framed: bool = False) -> list[Event]:
    """Return events for the claims (setting claim.event), joining incidents across articles.

    Within an article, claims whose trigger classes agree are one incident (places there are
    often nested: "Jurf al Sakhar, south of Baghdad, in Iraq"); a different trigger ("a
    car-ramming in Tel Aviv" in a story on a raid), a cumulative count or a sentence marked as
    another incident ("in a separate attack") is its own event.

    `framed` says the claims already carry their trigger, place and scope (`frame_article` ran
    with extraction, in its worker, or the store kept them), so only the grouping runs here.
    """
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article].append(claim)
    article_by_id = {a.id: a for a in articles}
    groups: list[_Group] = []
    stories: list[tuple[int, StoryText]] = []  # (main incident's group, its article's words)
    for article_id, article_claims in by_article.items():
        article = article_by_id[article_id]
        if not framed:
            frame_article(article, article_claims)
        local: dict[tuple[str, str], _Group] = {}
        for claim in article_claims:
            date = event_date(claim.sentence, article.published)
            if claim.scope == "separate":
                # Another incident named in passing: its own event, joined across articles by
                # place like any incident, never with this article's main one.
                # Two incidents told in passing in two paragraphs ("Another drone attack on
                # ...", "In an earlier attack, ...") are two, even where neither names a place.
                paragraph = article.text.rfind("\n\n", 0, claim.start)
                # Past incidents named by their years ("since 1999, when ...", "In 2011,
                # another quake ...") are as many as the years.
                year = _YEAR.search(_clause_context(claim))
                when = year.group(0) if year else ""
                key = ("", f"{claim.trigger}#separate:{claim.place}@{paragraph}{when}")
            elif claim.scope:
                key = ("series:" + series_key(claim.kind, claim.scope), claim.trigger)
            else:
                key = ("", claim.trigger)
            group = local.get(key)
            month = (
                _past_month_span(claim, article.published) if claim.scope == "separate" else None
            )
            if month:
                # "In August, four miners were killed": no day, the days of August (an event
                # with no date of its own, listed after the dated ones).
                date = None
            if group is None:
                group = _Group(key, article.id, set(), date, [], {})
                if claim.scope == "separate":
                    # "Its deadliest eruption, in 1979, killed 60": an incident of that year,
                    # which another outlet's "in April 1979, when 60 died" joins (below, by
                    # year), never this week's.
                    group.past = _year_told(claim, article.published)
                local[key] = group
            group.claims.append(claim)
            for name in filter(None, claim.place.split("; ")):
                group.names.setdefault(place_key(name), name)
                group.places.add(place_skeleton(place_key(name)))
                if possessor := _POSSESSOR.match(name):
                    # "Peshawar's Police Lines" and "Peshawar's Red Zone" are both in Peshawar.
                    group.names.setdefault(place_key(possessor.group(1)), possessor.group(1))
                    group.places.add(place_skeleton(place_key(possessor.group(1))))
            if date and (group.date is None or date < group.date):
                group.date = date
            group.span = _widest(group.span, month or event_span(claim.sentence, article.published))
            group.span = _widest(group.span, _told_pair(claim.told))
        joined = _join_in_article(list(local.values()))
        main = _main_incident(joined)
        if main is not None:
            _apart_from_the_main(main, joined)
            stories.append((len(groups) + joined.index(main), _story_text(article, main)))
        groups.extend(joined)
    merged = _merge_across_articles(groups, stories)
    return _events_from(merged)


def _main_incident(groups: list[_Group]) -> _Group | None:
    """Return the incident an article is about: the one its first incident claim belongs to."""
    incidents = [g for g in groups if not g.key[0] and "#separate" not in g.key[1]]
    return min(incidents, key=lambda g: min(c.start for c in g.claims), default=None)


def _story_text(article: Article, group: _Group) -> StoryText:
    """Return an article's words and the days its main incident is filed under and looks at."""
    lead_end = _lead_end(article)
    lead = article.text[:lead_end]
    own, window = _days(group)
    if window and None not in window:
        # A story is reported for days after its incident (an investigation's toll, a funeral,
        # the count moving on): alike words reach further than a place and a day; an area
        # hazard's story, a quake's toll still reported a week on, further still.
        hazard = _area_hazards(article.title, lead)
        reach = (HAZARD_WINDOW_DAYS if hazard else STORY_WINDOW_DAYS) - DATE_WINDOW_DAYS
        window = sorted({*window, *range(min(window) - reach, max(window) + reach + 1)})
    return StoryText(
        article.title,
        lead,
        article.text[lead_end : lead_end + BODY_CHARS],
        own,
        window,
    )


def _join_in_article(groups: list[_Group]) -> list[_Group]:
    """Return an article's incident groups with those at one place joined.

    One incident is told with several trigger words ("gunmen raided the village, abducting
    dozens"); only a different place ("a car-ramming in Kessa" in a story on Ostrel) keeps
    two trigger classes apart. Series and incidents marked separate stay as they are.
    """
    incidents = [g for g in groups if not g.key[0] and "#separate" not in g.key[1]]
    others = [g for g in groups if g not in incidents]
    joined: list[_Group] = []
    for group in sorted(incidents, key=lambda g: -len(g.claims)):
        target = next(
            (j for j in joined if not j.places or not group.places or j.places & group.places),
            None,
        )
        if target is None:
            joined.append(group)
            continue
        target.claims.extend(group.claims)
        target.places |= group.places
        for k, v in group.names.items():
            target.names.setdefault(k, v)
        if group.date and (target.date is None or group.date < target.date):
            target.date = group.date
        target.span = _widest(target.span, group.span)
    return joined + others


def _widest(a: tuple[str, str] | None, b: tuple[str, str] | None) -> tuple[str, str] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def _keys(place: str) -> list[str]:
    from reconcile.places import place_key

    return [place_key(p) for p in place.split("; ") if p]


# A whole war's or campaign's toll is one running count however an outlet words it ("a
# death toll from the war", "the violence has so far taken", "since the conflict began").
_WHOLE = re.compile(r"\b" + _WIDE + r"\b|\bsince\s+the\s+start\b", re.I)


def _scope_key(scope: str) -> str:
    if _WHOLE.search(scope):
        return "whole conflict"
    return re.sub(r"\W+", " ", scope.lower()).strip()


def _days(group: _Group) -> tuple[list[int | None], list[int | None]]:
    """Return the days a group is filed under and the days it looks at for its incident.

    An incident is filed under its day and looks at the days within `DATE_WINDOW_DAYS`; a
    vague past reference ("the explosion earlier this month") adds each day it allows (at most
    MAX_SPAN_DAYS), so a look-back meets the reports of that day; a named storm looks
    `STORM_WINDOW_DAYS` further either way. A series matches whatever its
    date; an undated incident mentioned in passing is not matched by place alone.
    """
    scope = group.key[0]
    day = _day_number(group.date)
    if scope:
        return [None], [None]
    own: list[int | None] = [day]
    reach = STORM_WINDOW_DAYS if any(names_a_storm(n) for n in group.names.values()) else 0
    window: list[int | None] = (
        [None]
        if day is None
        else list(range(day - DATE_WINDOW_DAYS - reach, day + DATE_WINDOW_DAYS + reach + 1))
    )
    if day is None and "#separate" in group.key[1]:
        window = []
    if group.span:
        lo, hi = _day_number(group.span[0]) or 0, _day_number(group.span[1]) or 0
        hi = min(hi, lo + MAX_SPAN_DAYS)
        own += list(range(lo, hi + 1))
        window = sorted(
            {*window, *range(lo - DATE_WINDOW_DAYS, hi + DATE_WINDOW_DAYS + 1)},
            key=lambda d: -1 if d is None else d,
        )
    return own, window


def _merge_across_articles(
    groups: list[_Group], stories: list[tuple[int, StoryText]] = ()
) -> list[list[_Group]]:
    """Return clusters of groups that describe one incident (union-find over two indexes).

    Two signals join incidents of different articles. A place: candidates come from an index
    keyed by (scope, place skeleton, day, trigger family), each holding a few cluster
    representatives. A story: the articles' main incidents join when their words are alike
    (`stories.similar_pairs`, within the date window) and their places agree (fuzzily: "St
    Mark's General Hospital" and "Mark hospital") or one of them names none; words outweigh
    the trigger class ("stampede" / "shooting"). Both indexes bound the candidates each group
    meets, so the work is linear in the number of groups.
    """
    parent = list(range(len(groups)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[tuple, list[int]] = defaultdict(list)
    for i, group in enumerate(groups):
        scope = group.key[0]
        family = _family(group.key[1])
        own_days, days = _days(group)
        families = {family} if family else set(TRIGGER_FAMILY.values()) | {"violence", ""}
        # A region ("the Hasab province") is not where an incident happened: two reports that
        # share only a region are not matched by it.
        towns = {place_skeleton(k) for k, name in group.names.items() if not is_region(name)}
        for place in towns:
            for d in days:
                for fam in families | {""}:
                    for j in index.get((scope, place, d, fam), ()):
                        other = groups[j]
                        if (
                            other.article != group.article
                            and find(i) != find(j)
                            and _places_agree(group, other)
                            and not _years_differ(group, other)
                        ):
                            parent[find(i)] = find(j)
            for own in own_days:
                bucket = index[(scope, place, own, family)]
                roots = {find(j) for j in bucket}
                # A few representatives per bucket, from different clusters and articles.
                if (
                    find(i) not in roots
                    and len(bucket) < MAX_REPRESENTATIVES
                    or len(bucket) < MAX_REPRESENTATIVES
                    and all(groups[j].article != group.article for j in bucket)
                ):
                    bucket.append(i)
    # Earlier incidents told in passing join by their year and trigger family, where their
    # places agree or one names none ("in 1979, killed 60" and "in April 1979, when 60 died").
    past_index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, group in enumerate(groups):
        if not group.past:
            continue
        bucket = past_index[(group.past, _family(group.key[1]))]
        for j in bucket:
            other = groups[j]
            if (
                other.article != group.article
                and find(i) != find(j)
                and _places_agree(group, other)
            ):
                parent[find(i)] = find(j)
        if len(bucket) < MAX_REPRESENTATIVES:
            bucket.append(i)
    if stories:
        texts = [text for _, text in stories]

        def joined(a: int, b: int) -> bool:
            return find(stories[a][0]) == find(stories[b][0])

        # An article with no date or no place is matched on words alone: it joins the one
        # story it is most like, never two (it would be the link between stories that are not
        # one: a flood report naming no town between the floods at two towns).
        loose = {
            k
            for k, (g, text) in enumerate(stories)
            if all(d is None for d in text.days) or not groups[g].names
        }
        best: dict[int, tuple[float, int]] = {}
        hazards = [_area_hazards(text.title, text.lead) for text in texts]
        for a, b, score in similar_pairs(texts, STORY_SIMILARITY, joined):
            i, j = stories[a][0], stories[b][0]
            if find(i) == find(j):
                continue
            if not _places_agree(groups[i], groups[j]) and not (hazards[a] & hazards[b]):
                # Two towns are two incidents, unless both reports are of one area hazard.
                continue
            if a in loose or b in loose:
                for one, other in ((a, b), (b, a)):
                    if one in loose and score > best.get(one, (0.0, -1))[0]:
                        best[one] = (score, other)
                continue
            parent[find(i)] = find(j)
        for one, (_score, other) in best.items():
            i, j = stories[one][0], stories[other][0]
            if find(i) != find(j):
                parent[find(i)] = find(j)
        _join_follow_ups(groups, stories, find, parent)
    clusters: dict[int, list[_Group]] = defaultdict(list)
    for i, group in enumerate(groups):
        clusters[find(i)].append(group)
    return list(clusters.values())


def _join_follow_ups(
    groups: list[_Group],
    stories: list[tuple[int, StoryText]],
    find: Callable[[int], int],
    parent: list[int],
) -> None:
    """Join a story's follow-ups: reports weeks after the incident, outside its story window.

    A report weeks on (an inquiry's toll, the funerals, the count revised) is dated by its
    publication. Topic tracking lets similarity decide over a longer time only with a higher
    threshold: words much alike (`FOLLOW_UP_SIMILARITY`) and a town both name (not a region)
    join it within `FOLLOW_UP_DAYS`. A second incident at the same town within the month,
    told in words as alike, is joined too: the price of the rule, measured and taken.
    """
    # Each report at its incident's own day (not the days a look-back allows: "last month"
    # reaches a month, and a month more from there is too far), filed by week: a month's reach
    # is a few weeks to look up, not sixty days (the exact days are checked below).
    far = [
        (day, g, replace(text, days=[day // 7], window=_reach(day // 7, FOLLOW_UP_DAYS // 7 + 1)))
        for g, text in stories
        if (day := _day_number(groups[g].date)) is not None and _towns(groups[g])
    ]
    if len(far) < 2:
        return

    def joined(a: int, b: int) -> bool:
        return find(far[a][1]) == find(far[b][1])

    texts = [text for _, _, text in far]
    for a, b, _score in similar_pairs(texts, FOLLOW_UP_SIMILARITY, joined):
        (day_a, i, _), (day_b, j, _) = far[a], far[b]
        later = groups[i] if day_a >= day_b else groups[j]
        if (
            abs(day_a - day_b) <= FOLLOW_UP_DAYS
            and find(i) != find(j)
            and _towns_agree(groups[i], groups[j])
            and not _years_differ(groups[i], groups[j])
            and not _tells_a_new_day(later)
        ):
            parent[find(i)] = find(j)


# A day a report's own incident happened on ("exploded on Thursday", "killed yesterday"); not
# "today", which dates a follow-up's report as much as any incident (cf. _RELATIVE_DAY).
_DAY_TOLD = re.compile(r"\b(?:" + WEEKDAY + r"|yesterday|overnight|last\s+night)\b", re.I)
# A running toll's words: a follow-up's day is the toll's ("the toll stood at 63 on Thursday").
_TOLL_TOLD = re.compile(
    r"\b(?:toll|tally|number\s+of|ris(?:en|e|es)|rose|climb(?:ed|s)?|reached|succumb\w*|"
    r"stands|stood)\b",
    re.I,
)


def _tells_a_new_day(group: _Group) -> bool:
    """Return True when the group's first claim dates what happened to a day and speaks of no
    toll ("a car bomb exploded near the station on Thursday, killing six"): weeks after
    another incident at the same town, a new one."""
    first = min(group.claims, key=lambda c: c.start)
    return bool(_DAY_TOLD.search(first.sentence)) and not _TOLL_TOLD.search(first.sentence)


def _reach(day: int, reach: int) -> list[int | None]:
    return list(range(day - reach, day + reach + 1))


def _towns(group: _Group) -> list[str]:
    """Return the place keys of a group that are not regions (towns, sites, streets)."""
    return [k for k, name in group.names.items() if not is_region(name)]


def _towns_agree(a: _Group, b: _Group) -> bool:
    return any(same_place(x, y) for x in _towns(a) for y in _towns(b))


# Hazards that strike a whole area: one wildfire, flood or quake burns, drowns or shakes many
# towns, and two reports of it name different ones ("Andong" and "North Gyeongsang"); so do
# protests and riots.
_AREA_HAZARD = re.compile(
    r"\b(?P<h>wildfire|bushfire|forest\s+fire|flood|flash\s+flood|earthquake|quake|storm|cyclone|"
    r"typhoon|hurricane|tornado|drought|heatwave|heat\s+wave|landslide|mudslide|tsunami|eruption|"
    r"avalanche|blizzard|monsoon|snowstorm|"
    # Unrest spreads the same way, over a city's districts and a country's towns for days.
    r"protest|riot|unrest|clash(?=es)|demonstration|uprising)(?:s|es)?\b",
    re.I,
)


@lru_cache(maxsize=1 << 14)  # asked twice per article: for its story's window and its joins
def _area_hazards(title: str, lead: str) -> frozenset[str]:
    """Return the area hazards a story's title and lead name ("wildfire", "flood")."""
    words = f"{title} {lead}"
    return frozenset(re.sub(r"\s+", " ", m["h"].lower()) for m in _AREA_HAZARD.finditer(words))


def _year_told(claim: Claim, published: str | None) -> str:
    """Return the earlier year a claim's own clause dates it to ("in 1979, killed 60"), or ""
    (a comparison such as "the deadliest since 1999," dates nothing)."""
    if not published:
        return ""
    years = _YEAR.findall(_without_comparison(_clause_context(claim)))
    earlier = [y for y in years if y < published[:4]]
    if not years and (day := _day_then_when(claim, published)) and day[:4] < published[:4]:
        return day[:4]  # "since October 7, when ..." told in the next year: that year's
    return earlier[0] if earlier and len(set(years)) == 1 else ""


def _years_differ(a: _Group, b: _Group) -> bool:
    """Return True when one group is an earlier year's incident and the other is not of it."""
    if not (a.past or b.past):
        return False
    year_a, year_b = a.past or (a.date or "")[:4], b.past or (b.date or "")[:4]
    return bool(year_a and year_b) and year_a != year_b


def _places_agree(a: _Group, b: _Group) -> bool:
    """Return True when either group names no place or some place of one is one of the other's.

    When both name a place that is not a region, those decide: two towns of one province are
    two incidents, whatever province they share.
    """
    if not a.names or not b.names:
        return True
    towns_a, towns_b = _towns(a), _towns(b)
    if towns_a and towns_b:
        return any(same_place(x, y) for x in towns_a for y in towns_b)
    return any(same_place(x, y) for x in a.names for y in b.names)


# Cosine of two articles' words at which their main incidents are one story (see stories.py).
STORY_SIMILARITY = 0.15
# A follow-up weeks on (see _join_follow_ups): the days it may be from its story's incident, and
# the cosine it must reach. Different incidents of one kind (two quakes, two train crashes)
# share words up to about 0.17; one story's reports weeks apart, 0.20 to 0.40.
FOLLOW_UP_DAYS = 31
FOLLOW_UP_SIMILARITY = 0.20
BODY_CHARS = 2000
MAX_REPRESENTATIVES = 4
MAX_SPAN_DAYS = 45


# A named storm ("Typhoon Yagi", "Cyclone Mocha") is one incident over the days it lasts and
# its floods after: reports up to this many days apart (beyond the usual window) that name
# it at one place are one event. Its name is as sure a key as a place and a day together.
STORM_WINDOW_DAYS = 14
# Days either side an area hazard's story (a wildfire, flood or quake named in the title or
# lead) looks for reports alike in words, in all: its toll is still reported a week on (a
# named storm's reports reach further, STORM_WINDOW_DAYS).
HAZARD_WINDOW_DAYS = 7
# ... and any other story's, for reports alike in words (a place and a day reach only
# DATE_WINDOW_DAYS).
STORY_WINDOW_DAYS = 5
_STORM = re.compile(
    r"\b(?:(?:super\s+)?typhoon|cyclone|hurricane|(?:tropical\s+)?storm|tropical\s+depression)"
    r"\s+(?-i:[A-Z][a-z]+)\b",
    re.I,
)


def names_a_storm(place: str) -> bool:
    """Return True when a place name as read is a storm's name ("Typhoon Yagi")."""
    return bool(_STORM.search(place))


def claim_reach(
    sentence: str, published: str | None, told: str = "", place: str = ""
) -> tuple[int, int] | None:
    """Return the first and last day (ordinals) the group of an incident claim (its sentence) can be filed under or
    look at; None when the claim has no date (an undated group meets any date's by words).

    A group's day is its earliest claim's and it reaches half the longest join either side (a
    follow-up's `FOLLOW_UP_DAYS`), or `DATE_WINDOW_DAYS` and a storm's `STORM_WINDOW_DAYS` if
    longer; a vague look-back adds its span (at most `MAX_SPAN_DAYS`). Two incident groups
    can only join when some of their claims' reaches overlap, which bounds what a new article
    can change in a stored grouping. Computed without filling `event_date`'s cache, so going
    over a whole store keeps memory flat.
    """
    day = _day_number(event_date.__wrapped__(sentence, published))
    span = _widest(event_span.__wrapped__(sentence, published), _told_pair(told))
    if span is not None:
        lo = _day_number(span[0]) or 0
        hi = min(_day_number(span[1]) or 0, lo + MAX_SPAN_DAYS)
        day_lo, day_hi = (lo, hi) if day is None else (min(day, lo), max(day, hi))
    elif day is None:
        return None
    else:
        day_lo = day_hi = day
    storm = STORM_WINDOW_DAYS if names_a_storm(place) else 0
    # Two groups meet when their reaches overlap, so each reaches half the farthest join: a
    # story's follow-up weeks on (`FOLLOW_UP_DAYS`), which covers the story windows too.
    reach = max(DATE_WINDOW_DAYS + storm, FOLLOW_UP_DAYS // 2 + 1)
    return day_lo - reach, day_hi + reach


def is_series(scope: str) -> bool:
    """Return True for a claim scope of a cumulative series: grouped by scope and place, not day."""
    return bool(scope) and scope != "separate"


def series_key(kind: str, scope: str) -> str:
    """Return the key a series claim's group is joined under across articles."""
    return kind + ":" + _scope_key(scope)


@lru_cache(maxsize=1 << 12)
def place_skeletons(place: str) -> frozenset[str]:
    """Return the place skeletons a claim's places ("A; B") are matched under across articles."""
    return frozenset(place_skeleton(place_key(name)) for name in filter(None, place.split("; ")))


def _family(trigger: str) -> str:
    base = trigger.split("#")[0]
    return TRIGGER_FAMILY.get(base, "violence") if base else ""


def counted_in_its_incident(claim: Claim) -> bool:
    """Return False for a claim whose kind is not counted in its incident's family (targets,
    strikes and attacks in a disaster: "the fire destroyed 2,200 buildings")."""
    from reconcile.extract import vocab

    words = vocab.KINDS.get(claim.kind)
    family = _family(claim.trigger)
    return not (words and words.families and family and family not in words.families)


def _day_number(iso: str | None) -> int | None:
    if not iso:
        return None
    from datetime import date

    return date.fromisoformat(iso).toordinal()


# Across articles, outlets describe one incident with different words ("gunmen attacked",
# "abducted", "raid"): only natural disasters are kept apart from violence.
TRIGGER_FAMILY = {"disaster": "disaster"}


def _compatible_trigger(a: str, b: str) -> bool:
    a, b = a.split("#")[0], b.split("#")[0]
    return not a or not b or TRIGGER_FAMILY.get(a, "violence") == TRIGGER_FAMILY.get(b, "violence")


def _events_from(clusters: list[list[_Group]]) -> list[Event]:
    """Return Events numbered E1.. by date and first appearance, and set claim.event."""

    def sort_key(cluster: list[_Group]) -> tuple[str, int]:
        dates = [g.date for g in cluster if g.date]
        return (min(dates) if dates else "9999", 0 if not cluster[0].key[0] else 1)

    events = []
    for number, cluster in enumerate(sorted(clusters, key=sort_key), start=1):
        event_id = f"E{number}"
        claims = [c for g in cluster for c in g.claims]
        for claim in claims:
            claim.event = event_id
        names: dict[str, str] = {}
        for g in cluster:
            for k, v in g.names.items():
                names.setdefault(k, v)
        dates = sorted(g.date for g in cluster if g.date)
        trigger = next((g.key[1].split("#")[0] for g in cluster if g.key[1]), "")
        scope = next((c.scope for c in claims if c.scope and c.scope != "separate"), "")
        events.append(
            Event(
                id=event_id,
                label=event_label(trigger, list(names.values()), dates[0] if dates else None, scope,
                             claims),
                claims=[c.id for c in claims],
                trigger=trigger,
                place="; ".join(names.values()),
                date=dates[0] if dates else None,
                scope=scope,
            )
        )  # fmt: skip
    return events


def event_label(
    trigger: str, places: list[str], date: str | None, scope: str, claims: list[Claim]
) -> str:
    """Return an event's label: "strike in Jurf al Sakhar, 2023-11-21" or a series' scope."""
    if scope:
        kinds = sorted({c.kind for c in claims})
        return f"{'/'.join(kinds)} {scope} (cumulative)"
    what = trigger or "incident"
    where = f" in {', '.join(places[:2])}" if places else ""
    when = f", {date}" if date else ""
    return f"{what}{where}{when}"
