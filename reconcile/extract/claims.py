"""From an article to its claims: a pure function of the article, the same on every run.

For each sentence in a zone that can carry claims (headline, standfirst, body; never captions,
bylines or datelines) it finds figures, keeps those that count a known kind, and attributes each
to the cue that governs it, to the speaker carried over from the sentence before, or to the
outlet itself.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from reconcile.extract import count_verbs, vocab
from reconcile.extract.attribution import (
    DOCUMENT_NOUNS,
    SOURCE_NOUN,
    Cue,
    Speakers,
    blank_dateline,
    find_cues,
    governing_cue,
    is_person,
    plausible_source,
    singular_noun,
    source_before,
)
from reconcile.extract.kinds import (
    KindHit,
    _alt,
    detect_kind,
    find_zero_claims,
    grammar,
    is_not_a_count,
    kind_of_verb,
    kind_of_word,
    running,
    subject_words,
)
from reconcile.extract.numbers import QUANTITY_RE, Quantity, quantity_from_match
from reconcile.extract.patterns import alternation, phrase_key
from reconcile.extract.sentences import Sentence, sentences_within, split_sentences
from reconcile.extract.sources import source_key, unify_sources
from reconcile.model import Article, Claim, content_id
from reconcile.places import is_country
from reconcile.roles import OUTLET, UNATTRIBUTED, normalize_source, role_of

# A link line ("Also read | Floods leave three dead") is another story's headline: coded like
# any headline (as fact-checkers code titles), its figures are that story's (events).
CLAIM_ZONES = ("headline", "standfirst", "body", "link")
HEADLINE_ZONES = ("headline", "standfirst", "link")

_HEDGE_RE = re.compile(r"\b(?:" + _alt(vocab.HEDGES) + r")\b", re.I)
_BREAKDOWN_BEFORE = re.compile(r"\b(?:" + _alt(vocab.BREAKDOWN_BEFORE) + r"),?\s+$", re.I)
_BREAKDOWN_AFTER = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,3}?(?:" + _alt(vocab.BREAKDOWN_AFTER) + r")\b", re.I
)
_CONTINUATION = re.compile(r"^[\"“]?\s*(?:" + _alt(vocab.CONTINUATIONS) + r")\b", re.I)
# Headlines attribute with punctuation: "Blast kills 12: Red Cross", "12 dead - police".
# A source in lower case is taken when its words say it is one ("- fire officials").
# Not after "|": "... at least 78 dead | Greece" ends with the page's section or site name.
_HEADLINE_SOURCE = re.compile(r"(?:[:]|\s[-–—])\s*(?P<src>[A-Za-zÀ-ÖØ-öø-ſ][^\d:|–—-]{1,60}?)\s*$")
_HEADLINE_SAYS = re.compile(
    # Title case too: "'We Have 93 Dead,' Says Governor".
    r"(?:,\s*|\s)(?i:says|say|claims|according\s+to)\s+(?P<src>[A-Za-zÀ-ÖØ-öø-ſ][^\d,]{1,60}?)\s*$"
    r"|^(?P<src2>[A-ZÀ-ÖØ-ÞĀ-ſ][^\d,:]{1,60}?)\s*(?i:says|say|claims):?\s",
)
_POSSESSIVE_SUBJECT = re.compile(r"^(?:its|their|his|her)\s+(?P<rest>.+)$", re.I)


@dataclass
class _Attribution:
    source: str
    cue: str
    # Said of a sentence that announces figures without giving them ("The committee has revised
    # its figures."): the figures that follow, in the next paragraph too, are its figures.
    announces: bool = False
    # Said of a speaker whose quotation opens after their cue and is not closed in that
    # sentence ('X said: "We drove ... I saw ...'): the sentences it runs over are theirs.
    quoting: bool = False


_ANNOUNCES = re.compile(
    r"\b(?:figures?|toll|tally|count|updates?|data|statistics|numbers|details|breakdown)\b", re.I
)


def extract_claims(
    article: Article, vague: str = "interval", sentences: list[Sentence] | None = None
) -> list[Claim]:
    """Return the claims an article makes, in text order, each traced to its sentence and span.

    `sentences`, the article's whole text split (`split_sentences(article.text)`), saves
    splitting it again by section where a section's own split is the same.
    """
    text = article.text
    speakers = Speakers()
    claims: list[Claim] = []
    previous: _Attribution | None = None
    previous_paragraph_end = -1
    previous_sentence_start = -1
    earlier_sentence_start = -1  # the sentence before the previous one
    quoted: list[Claim] = []  # the outlet's claims inside a quotation still open
    in_quote = False  # a quotation opened in an earlier sentence and not yet closed
    previous_zone = ""
    for section in article.sections:
        if section.zone not in CLAIM_ZONES:
            continue
        if section.zone != previous_zone:
            # A standfirst's speaker ("Officials warn that the toll is likely to rise") does not
            # speak the body's lead: an account goes on within one part of the page.
            previous, previous_zone = None, section.zone
        # One pass of the figure grammar over the section, bucketed by sentence below: far
        # cheaper than searching sentence by sentence.
        matches = list(QUANTITY_RE.finditer(text, section.start, section.end))
        address = (
            _spaced_address(text[section.start : section.end])
            if section.zone == "headline"
            else None
        )
        within: list[Sentence] | None = None
        if address is not None:
            # A headline taken from the page address ("https://x.test/news/velmora-quake-toll-
            # rises-to-1500") is read as its last part with spaces for its hyphens, the rest
            # blanked: the same length, so every span still points at the address.
            spaced = text[: section.start] + address + text[section.end :]
            matches = list(QUANTITY_RE.finditer(spaced, section.start, section.end))
            within = [Sentence(section.start, section.end, address)]
        elif sentences is not None:
            within = sentences_within(sentences, text, section.start, section.end)
        if within is None:
            within = split_sentences(text, section.start, section.end)
        cursor = 0
        for sentence in within:
            while cursor < len(matches) and matches[cursor].start() < sentence.start:
                cursor += 1
            mine = []
            while cursor < len(matches) and matches[cursor].end() <= sentence.end:
                mine.append(matches[cursor])
                cursor += 1
            # A blank line between sentences starts a new paragraph: carry-over stops there.
            # A paragraph that opens with a quotation and names no speaker continues the last
            # one (newsroom convention for statements quoted over several paragraphs).
            new_paragraph = "\n\n" in text[previous_paragraph_end : sentence.start]
            if previous and new_paragraph and sentence.text[:1] not in '"“':
                # "The number of injured has meanwhile risen to 799": a paragraph that opens
                # on the next count of the same report goes on with it.
                keep = previous.announces or _OPENS_ON_THE_COUNT.match(sentence.text)
                previous = previous if keep else None
            attribution, found = _sentence_claims(
                article, sentence, section.zone, speakers, previous, vague, claims, mine
            )
            if not new_paragraph and _closes_on_its_speaker(
                sentence.text, found, claims, previous_sentence_start
            ):
                # "The toll in the valley has reached 37. Hundreds more are injured, said the
                # district officer.": the speaker named at the paragraph's next count closes
                # both.
                for claim in _claims_of_sentence(claims, previous_sentence_start):
                    _give_to(claim, found[0].source, f"{found[0].cue} (next sentence)")
            if address is not None:
                for claim in found:
                    claim.sentence = text[claim.sentence_start : claim.sentence_end]
            tweet = _TWEET_SIGNATURE.search(sentence.text) if "(@" in sentence.text else None
            if tweet:
                # An embedded post signed "— Name (@handle) July 2, 2024": its words are the
                # poster's, from the start of its line.
                line_start = text.rfind("\n", 0, sentence.start) + 1
                if _SIGNATURE_LINE.match(text, line_start, sentence.start + tweet.end()):
                    # The signature on a line of its own signs the post's text above it.
                    line_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
                poster = " ".join(tweet["name"].split())
                for claim in [*claims, *found]:
                    if claim.sentence_start >= line_start and claim.source_role == OUTLET:
                        _give_to(claim, poster, "posted")
            opening = (
                _OPENS_ON_BACK_REF.match(sentence.text)
                or _FIGURES_FROM_OPENER.match(sentence.text)
                or _UPDATING_OPENER.match(sentence.text)
            )
            if (
                (not found and not new_paragraph or opening)
                and (
                    not found
                    or opening
                    and all(c.start >= sentence.start + opening.end() for c in found)
                )
                and (back := _points_back(sentence.text, speakers))
            ):
                # "Dozens died. Pavlo K., head of the region, announced this on Telegram."; a
                # paragraph that opens on "The ministry released the updated death toll" gives
                # the source of the lead before it, whatever figures of its own follow.
                # "... rose to 46. The toll is likely to rise. The minister confirmed this":
                # past a sentence with no figure, to the one before it in the paragraph.
                target = previous_sentence_start
                if not any(c.sentence_start == target for c in claims) and claims:
                    last = claims[-1]
                    if (
                        last.sentence_start == earlier_sentence_start
                        and "\n\n" not in text[last.sentence_end : sentence.start]
                    ):
                        target = earlier_sentence_start
                _attribute_back(claims, target, *back)
            if new_paragraph or "\n" in text[previous_paragraph_end : sentence.start]:
                quoted, in_quote = [], False
            elif in_quote and (closing := _closing_cue(sentence.text)):
                # '"We have 93 dead. We will find more," Chief Rob Tanner said.': the quotation
                # runs over two sentences or more and its speaker is named after it closes.
                for claim in quoted:
                    _give_to(claim, speakers.resolve(closing.source), closing.verb)
                quoted, in_quote = [], False
            if _opens_quotation(sentence.text):
                quoted, in_quote = [c for c in found if _unspoken(c)], True
            elif in_quote and _inside_quotation(sentence.text):
                quoted += [c for c in found if _unspoken(c)]
            elif not _inside_quotation(sentence.text):
                quoted, in_quote = [], False
            claims.extend(found)
            previous = attribution
            previous_paragraph_end = sentence.end
            earlier_sentence_start = previous_sentence_start
            previous_sentence_start = sentence.start
    _credit_source_line(text, claims)
    unify_sources(claims)
    _stamp_entries(text, claims)
    return claims


# A news item's credit line: "Source: Kharkiv Oblast Police" on a line of its own.
_SOURCE_LINE = re.compile(r"^[ \t]*Sources?[ \t]*:[ \t]*(?P<src>[^\n:]{2,80}?)[ \t.]*$", re.M)


def _credit_source_line(text: str, claims: list[Claim]) -> None:
    """Give the body's unattributed figures to the source its credit line names: the item is
    that source's account (the layout of "Source: Kharkiv Oblast Police", "Details: ...").
    A news agency credited so is the wire the outlet ran, as a dateline's "(AP)" is."""
    if "ource" not in text:
        return
    line = _SOURCE_LINE.search(text)
    if not line or not plausible_source(line["src"]) or line["src"].lower().startswith("link"):
        return
    if any(ch.isdigit() for ch in line["src"]):
        return  # "Source: More than 1,300 pilgrims die in heat": a linked story's title
    source = " ".join(line["src"].split())
    if role_of(source) == "media":
        return  # "Source: Qatar News Agency": a wire credit, the outlet's copy, like "(AP)"
    for claim in claims:
        if claim.source_role == OUTLET and claim.zone not in HEADLINE_ZONES:
            _give_to(claim, source, "Source:")


# A live blog's entry time stamp, on a line of its own or opening it: "2120 GMT", "16:20 GMT -",
# "10:32 a.m. ET |", "09.15 UTC:".
_ENTRY_STAMP = re.compile(
    r"^[ \t]*(?:(?P<h>\d{1,2})[:.](?P<m>\d{2})|(?P<h4>[0-2]\d)(?P<m4>[0-5]\d)(?=\s*(?:GMT|UTC)))"
    r"\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|[A-Z]{1,2}T|local\s+time))?"
    r"(?:\s*\([^)\n]{1,20}\))?[ \t]*(?:$|[-–—|:])",
    re.M | re.I,
)


def _stamp_entries(text: str, claims: list[Claim]) -> None:
    """Give each claim of a live blog the time of the entry it stands under ("21:20").

    A text with two or more entry stamps is a live report whose entries are read apart in
    time; a figure under a later stamp is a later stage of the count (relations/timing.py).
    """
    if not claims or not _ENTRY_STAMP.search(text):
        return
    stamps = []
    for m in _ENTRY_STAMP.finditer(text):
        hour = int(m["h"] or m["h4"])
        minute = int(m["m"] or m["m4"])
        ampm = (m["ampm"] or "").lower()[:1]
        hour = hour % 12 + (12 if ampm == "p" else 0) if ampm else hour
        if hour < 24 and minute < 60:
            stamps.append((m.start(), f"{hour:02d}:{minute:02d}"))
    if len({time for _, time in stamps}) < 2:
        return  # one stamp is a page's time, not a live report's entries
    starts = [start for start, _ in stamps]
    for claim in claims:
        i = bisect_right(starts, claim.start) - 1
        claim.posted = stamps[i][1] if i >= 0 else ""


def _unspoken(claim: Claim) -> bool:
    """Return True when no cue of its own sentence gives the claim its source: the outlet's,
    or carried over from the sentence before (a quotation's closing speaker then takes it)."""
    return claim.source_role == OUTLET or claim.cue.endswith("(previous sentence)")


def _opens_quotation(s: str) -> bool:
    """Return True when a sentence opens a quotation it does not close ('"We have 93 dead.')."""
    return s.count('"') % 2 == 1 and s.lstrip()[:1] == '"' or s.count("“") > s.count("”")


def _inside_quotation(s: str) -> bool:
    """Return True when a sentence goes on inside a quotation ('We will find more.')."""
    return '"' not in s and "“" not in s and "”" not in s


def _closing_cue(s: str) -> Cue | None:
    """Return the cue right after the quotation a sentence closes: 'more," Tanner said.'"""
    close = max(s.find('"'), s.find("”"))
    if close < 0 or s.count('"') % 2 == 0 and "”" not in s:
        return None
    # Read with the quotation's opening mark restored, as the cue grammar expects a pair.
    whole = '"' + s
    # Right after the mark, or after a long title that runs on with no stop ('," Chief of the
    # Public Relations Division of the National Police ... said').
    return next(
        (
            c
            for c in find_cues(whole)
            if close + 1 <= c.start
            and (
                not re.search(r"[.,;:!?\"“”]", whole[close + 2 : c.start])
                # '"...," in the two villages, a UN statement said': a phrase set off between.
                or _ASIDE_BEFORE_CUE.fullmatch(whole, close + 2, c.start)
            )
        ),
        None,
    )


_ASIDE_BEFORE_CUE = re.compile(
    r"\s*,?\s*(?:in|at|on|from|during|after|near)\b[^.;:!?\"“”,]{1,60},\s*(?:(?:a|an|the)\s+)?",
    re.I,
)


# A new total a sentence brings a count to, and the step that brought it there.
_BRINGING = (
    r"\b(?:bringing|raising|taking|pushing|lifting|putting|brings?|brought)\s+"
    r"(?:(?:the|its|their)\s+)?"
    r"(?:(?:overall|total|death|official)\s+)?(?:toll|total|number|count|tally|figure)?\s*"
    # "bring the total reported so far by several countries to 577"
    r"(?:(?:of|reported|recorded|confirmed)\s+[\w\s]{1,40}?\s+)?to\b"
)
_NEW_TOTAL = re.compile(
    # "bringing the toll to 116", and a count verb's "rose to 29 ... after two more died"
    r"\b(?:"
    + alternation(list(count_verbs.all_forms()))
    + r")\s+(?:\w+\s+){0,2}?to\s+\d|"
    + _BRINGING,
    re.I,
)
_NEW_TOTAL_BEFORE = re.compile("(?:" + _BRINGING + r")\s*$", re.I)
_MORE_STEP = re.compile(r"\s+more\b", re.I)
_STEP_AFTER = re.compile(r"\s+(?:more|additional|further|new|other)\b", re.I)
_STEP_BEFORE = re.compile(r"\b(?:another|an\s+additional|a\s+further|a\s+new)\s+$", re.I)


def _is_step(s: str, q: Quantity) -> bool:
    """Return True when a figure is a step of a count ("two more", "another 12")."""
    return bool(
        _STEP_AFTER.match(s, q.end) or _STEP_BEFORE.search(s[max(0, q.start - 20) : q.start])
    )


# Two figures that share the noun after the second: "143 and 150 deaths" ("two or three" is
# one uncertain figure, not two).
# "143 and 150 deaths", and with a noun of its own: "19 students and 2 adults were killed",
# "3 Adults and 18 Children Dead" (a figure with no kind of its own up to the next figure).
_SHARES_THE_NEXT = re.compile(
    r"\s+(?P<noun>(?:(?:[A-Za-z][\w'’-]*\s+){0,2}?"
    # The noun is a plural of people, not a verb ("Twelve pupils escaped and 3 remained
    # missing" gives the 12 no kind).
    r"(?:[A-Za-z][\w'’-]*(?<![eE][dD])(?<!ing)[sS]|(?:child|police|crew|staff|kid)\w*|"
    r"\w*(?:people|men|women|personnel|folk))\s+)?)and\s+",
    re.I,
)
# Kinds of people held, whose dead are a count of their own, not a part of the held.
_HELD_KINDS = frozenset({"arrested", "missing"})
# A total that a sentence opens on, to break it down: "Of the 275, ..."
_OF_THE_TOTAL = re.compile(r"^\W*of\s+(?:the|those|these)\s+$", re.I)


def _kind_of_the_next(
    s: str, quantities: list[Quantity], breakdown: list[bool], i: int
) -> KindHit | None:
    """Return the kind a figure takes from the one after it: "143 and 150 deaths" share a
    noun; "Of the 275, ... 88 bodies" is the total of what follows."""
    if i + 1 >= len(quantities):
        return None
    q, following = quantities[i], quantities[i + 1]
    shares = _SHARES_THE_NEXT.fullmatch(s, q.end, following.start)
    if not (shares or _OF_THE_TOTAL.match(s[: q.start])):
        return None
    limit = next(
        (quantities[j].start for j in range(i + 2, len(quantities)) if not breakdown[j]), None
    )
    shared = detect_kind(s, following.start, following.end, limit)
    if shared is None:
        return None
    own = shares["noun"].strip() if shares else ""
    return KindHit(shared.kind, "shared", own or shared.subject, q.end)


# A page address: scheme and host, a path, and a last part of words and figures joined by
# hyphens (the slug).
_ADDRESS = re.compile(
    r"(?P<lead>\s*(?:https?://)?(?:[\w.-]+/)*)"
    r"(?P<slug>[a-zA-Z0-9]+(?:-(?!\d{5,}(?:[./]|\s*$))[a-zA-Z0-9]+){3,})"
    r"(?P<tail>(?:-\d{5,})?(?:\.s?html?|\.php|\.aspx?)?/?\s*)"
)


def _spaced_address(headline: str) -> str | None:
    """Return a headline that is a page address as words of the same length (its last part,
    hyphens as spaces, a trailing article number and the rest blanked), or None."""
    match = _ADDRESS.fullmatch(headline)
    if match is None:
        return None
    return (
        " " * len(match.group("lead"))
        + match.group("slug").replace("-", " ")
        + " " * len(match.group("tail"))
    )


# A sentence that attributes what the one before it said: "X announced this on Telegram",
# "This was confirmed by the ministry", "The figures were released by X". Only with a word that
# points back at the previous sentence's figures ("this", "that", "the figures", "the toll"):
# "X said that ..." introduces new words.
_BACK_REF = (
    # A bare demonstrative ends its clause ("announced this on Telegram", "said that."): "said
    # that most fatalities ..." opens a clause and points back at nothing.
    r"(?:(?:this|that|these|those)(?=\s*[.,;:!?\"”]|\s+(?:on|in|at|to|late|early|later|earlier|"
    r"during|after|before|via|through|when|while|and|is|was|were|are|has|have|had|"
    r"information)\b|\s*$)|"
    r"the\s+(?:(?:latest|new|official|same|updated|revised|provisional)\s+)?(?:death\s+)?(?:figures?|toll|"
    r"numbers?|tally|data|count|information|statistics|announcement|update)"
    # "The number of deaths so far was confirmed by X": the count just given, by its name;
    # "announced the rising number of victims".
    r"|the\s+(?:(?:rising|new|latest|updated|revised|higher|final)\s+)?number\s+of\s+"
    r"(?:deaths|dead|casualties|fatalities|injured|injuries|victims|missing)(?:\s+so\s+far)?"
    # "X confirmed the matter": what was just told.
    r"|the\s+matter"
    # "The fire and deaths were confirmed by X", "The deaths were confirmed by X"
    r"|the\s+(?:[a-z]+\s+and\s+(?:the\s+)?)?(?:deaths|casualties|fatalities))"
    r"(?!\s+(?:morning|afternoon|evening|night|week|weekend|month|year)\b)"
)
_IS_BACK_REF = re.compile(_BACK_REF, re.I)
_BACK_VERBS = (
    r"announced|reported|confirmed|stated|released|given|provided|issued|published|compiled|"
    r"updated|posted"
)
# A sentence that opens on who gave the figures just stated: "The Defence Ministry released the
# updated death toll late Tuesday, while ..."
# Verbs whose object can be the figures just given ("disclosed the latest count", "shared
# this"): giving, publishing and making known, not judging ("warned", "denied").
_GAVE_OUT = (
    r"released|announced|gave|issued|published|confirmed|updated|disclosed|revealed|shared|"
    r"communicated|relayed|circulated|provided|reported"
)
_OPENS_ON_BACK_REF = re.compile(
    # "Citing hospital sources, the army's press wing disclosed the latest count": what the
    # giver rests on may open the sentence.
    r"(?:(?:citing|quoting)\s[^,;.\d]{2,60},\s*)?"
    r"[^,;.\d]{2,80}?\b(?:" + _GAVE_OUT + r")\s+the\s+"
    r"(?:(?:latest|new|updated|revised|official|rising|higher|final)\s+)?(?:death\s+)?"
    r"(?:toll|figures?|count|numbers?(?:\s+of\s+(?:deaths|dead|victims|casualties|injured|"
    r"missing))?)\b",
    re.I,
)
_THIS_ACTIVE = re.compile(
    r"\b(?P<verb>"
    + _GAVE_OUT
    + r"|said|stated|wrote|posted|made|delivered|told\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w.]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w.]*)?)"
    r"\s+" + _BACK_REF + r"\b"
    # "The UN said the death toll could change": a forecast about the toll, not its figure.
    r"(?!\s+(?:could|may|might|would|will|was\s+(?:expected|likely)|is\s+(?:expected|likely)|"
    r"(?:is|was)\s+set)\b)",
    re.I,
)
# "This was announced by X", "The figures were released by X", "That is according to X",
# "The figures come from X".
_THIS_PASSIVE = re.compile(
    r"^(?i:" + _BACK_REF + r")\s+(?:information\s+)?(?:"
    r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?P<verb>" + _BACK_VERBS + r"|said)"
    r"\s+by|(?:is|are|was|were|comes?|came)\s+(?P<verb2>according\s+to|from))\s+"
    r"(?P<src>[^,;.:!?()]{2,100}?)(?=\s*(?:[,;.:!?()]|\s+(?:on|in|at|late|early)\b|$))"
)


_DETERMINER = re.compile(r"(?:the|a|an)\s", re.I)
# The agent a statement is "by", a few words after it: "the official statement at a press
# conference by X".
_BY_WHOM = re.compile(r"[^.;:!?]{0,60}?\bby\s+(?P<who>[^,;.:!?()]{2,100}?)\s*(?:[,;.:!?()]|$)")
# A toll word right before "up to": a headline's "death toll up to 71" (rose to 71).
# "death toll up to 71", "the death toll in the area is now up to 25": where the toll stands.
_TOLL_UP_TO = re.compile(
    r"\b(?:toll|tally|count|total)\b(?:[^,.;]{0,40}?\s(?:is|was|stands|stood)(?:\s+now)?|\s+now)?"
    r"\s+$",
    re.I,
)
# The signature of an embedded social-media post: "— Piyush Rai (@Benarasiyaa) July 2, 2024".
_TWEET_SIGNATURE = re.compile(
    r"[—–-]\s*(?P<name>[A-ZÀ-ÖØ-ÞĀ-ſ][^()@\n—–]{1,60}?)\s*\(@\w{1,30}\)"
    r"(?:\s*[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})?\s*$"
)
# A line that holds only a post's link and signature ("pic.twitter.com/x — Name (@h) date").
_SIGNATURE_LINE = re.compile(r"\s*(?:pic\.twitter\.com/\S+\s*)?[—–-]\s*[^\n]*\(@\w{1,30}\)[^\n]*$")
# A quotation that says its figures were the ones just given: '"These are the numbers that have
# been brought to the hospital so far," the director told reporters.'
_THESE_ARE = re.compile(
    r"^[\"“]?\s*(?:these|those|this|that)\s+(?:are|is|was|were)\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:numbers?|figures?|toll|count|tally)\b",
    re.I,
)


def _points_back(s: str, speakers: Speakers) -> tuple[str, str] | None:
    """Return (source, cue) when the sentence attributes the previous sentence's words."""
    passive = _THIS_PASSIVE.match(s)
    # After "by", a noun phrase is the agent: "by the regional health department".
    if passive and (
        plausible_source(passive.group("src")) or _DETERMINER.match(passive.group("src"))
    ):
        src = passive.group("src").strip()
        # "This is from the official statement at a press conference by X": X's statement.
        by = _BY_WHOM.match(s, passive.end("src"))
        if by and plausible_source(by["who"].split(",")[0]):
            src = by["who"].strip()
        return speakers.resolve(src), (passive.group("verb") or passive.group("verb2"))
    if _UPDATING_OPENER.match(s):
        # "Updating the toll, police spokesman X said ...": the toll before is X's update.
        cue = next((c for c in find_cues(s) if plausible_source(c.source)), None)
        if cue is not None:
            return speakers.resolve(cue.source), cue.verb
    opener = _FIGURES_FROM_OPENER.match(s)
    if opener and plausible_source(opener["src"]):
        # "The updated figures from the Office of Civil Protection follow ...": the figures
        # the sentence before gave are the office's.
        return speakers.resolve(opener["src"].strip()), "figures from"
    if _THESE_ARE.match(s):
        cue = next((c for c in find_cues(s) if plausible_source(c.source)), None)
        if cue is not None:
            return speakers.resolve(cue.source), cue.verb
    active = _THIS_ACTIVE.search(s)
    if active is None:
        return None
    cue = next(
        (
            c
            for c in find_cues(s)
            if c.start <= active.start() < c.end + 1
            # "X confirmed the matter": the words pointed back at are no speaker.
            and not _IS_BACK_REF.fullmatch(c.source)
        ),
        None,
    )
    if cue is None:
        # "Lea Ana, head of the cluster, made the announcement": no verb of saying, but the
        # subject before the verb gave the figures.
        source = source_before(s, active.start())
        name = source.split(",")[0]  # "Lea Ana, head of ...": the name before its title
        if not plausible_source(name) or not re.match(r"[A-ZÀ-ÖØ-ÞĀ-ſ]", source):
            return None
        return speakers.resolve(source), active.group("verb")
    if not plausible_source(cue.source):
        return None
    return speakers.resolve(cue.source), cue.verb


def _source_fields(source: str) -> tuple[str, str]:
    """Return (source key, role) for a source's words; the outlet's own when unattributed."""
    return source_key(source), role_of(source) if source != UNATTRIBUTED else OUTLET


def _give_to(claim: Claim, source: str, cue: str) -> None:
    """Give a claim to a source found after it was made: its words, cue, key and role."""
    claim.source, claim.cue = source, cue
    claim.source_norm, claim.source_role = _source_fields(source)


_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſ][a-zà-ÿ]+\s+[A-ZÀ-ÖØ-ÞĀ-ſ][a-zà-ÿ]+")
# "an official said": a speaker not yet named, whom the next sentence may name.
_UNNAMED = re.compile(
    r"^(?:an?|one)\s+(?:[\w-]+\s+){0,3}?(?:official|spokes\w+|source|officer)$", re.I
)


def _attribute_back(claims: list[Claim], sentence_start: int, source: str, cue: str) -> None:
    """Give the outlet's claims of the sentence at `sentence_start` to `source`, and those of
    an unnamed speaker ("an official said") when `source` names a person."""
    names = is_person(source) and bool(_NAME.search(source))
    for claim in claims:
        unnamed = names and _UNNAMED.match(claim.source)
        if claim.sentence_start == sentence_start and (claim.source_role == OUTLET or unnamed):
            _give_to(claim, source, cue)


def _sentence_claims(
    article: Article,
    sentence: Sentence,
    zone: str,
    speakers: Speakers,
    previous: _Attribution | None,
    vague: str,
    earlier: list[Claim],
    matches: list[re.Match[str]],
) -> tuple[_Attribution | None, list[Claim]]:
    """Return (attribution to carry to the next sentence, claims of this sentence)."""
    s = sentence.text
    cues = find_cues(s, with_cue_words=True)
    if not cues:
        # "The army gave a very different account. It said ...": the subject of a sentence
        # without a cue is still who "it" will mean next.
        subject = _SUBJECT.match(s)
        if subject and role_of(subject.group(1)) not in ("other", OUTLET):
            speakers.mention(subject.group(1))
        elif (bare := _BARE_PLURAL_SUBJECT.match(s)) and SOURCE_NOUN.fullmatch(bare["head"]):
            # "Officers spoke to families. So far they have confirmed 41 missing": "they".
            speakers.mention(bare.group(1))
        elif (named := _NAMED_SUBJECT.match(s)) and is_person(named.group(1)):
            # "Governor Lena Paik spoke to reporters. 'We lost 40,' she said": she is Paik.
            # With its apposition, which says the person's role ("Choi, a fire chief, spoke").
            appositive = named.group("apposition")
            speakers.mention(f"{named.group(1)}, {appositive}" if appositive else named.group(1))
    for cue in cues:
        cue.source = speakers.resolve(cue.source)
        if singular_noun(cue.verb) in DOCUMENT_NOUNS:
            speakers.issued(cue.verb, cue.source)
    headline_source = (
        _headline_source(s)
        if zone in HEADLINE_ZONES
        else _line_source(s, opens_the_body=lambda: _opens_the_body(article, sentence))
    )
    if headline_source and not cues:
        # "U.S. officials: 11 killed" then "They said another 12 were wounded."
        speakers.mention(headline_source)

    ordinals = _ordinal_tolls(s) if _may_rank_a_death(s) else []
    if not matches and not ordinals and not ZERO_HINT.search(s):
        if cues:
            last = max(cues, key=lambda c: c.start)
            # "The Testville Herald reported:" opens what follows, as a figure word does.
            # So does a cue whose own words name the figures ("officials gave an update").
            announces = bool(
                _ANNOUNCES.search(s, last.end) or _ANNOUNCES.search(last.verb)
            ) or s.rstrip().endswith(":")
            return _Attribution(
                last.source, last.verb, announces, _quote_left_open(s, last.end)
            ), []
        if previous and previous.quoting and _closes_quotation(s):
            return _Attribution(previous.source, previous.cue), []
        # A sentence with no figure and no cue does not end the speaker's account: "The ministry
        # issued a statement. It is published in full. 'Thirty-one died ...'"
        return previous, []
    quantities = []
    for m in matches:
        q = quantity_from_match(m, vague)
        if q is not None:
            q.start -= sentence.start
            q.end -= sentence.start
            if (
                q.qualifier == "at_most"
                and _TOLL_UP_TO.search(s, 0, q.start)
                and (q.text.lower().startswith("up to"))
            ):
                # "death toll up to 71" (a headline's "rose to"): the toll is 71, no ceiling.
                q.qualifier, q.low, q.high = "exact", q.figure, q.figure
            quantities.append(q)
    quantities = [
        q
        for q in quantities
        if not is_not_a_count(s, q.start, q.end, q.figure)
        # "no one was killed" is a zero claim (below), not a claim of one.
        and not (q.figure == 1 and re.search(r"\b(?:no|not)\s*$", s[: q.start], re.I))
    ]
    step_kind = ""  # the kind of a step a sentence brings to a new total
    if len(quantities) > 1 and _NEW_TOTAL.search(s):
        # "one more man died, bringing the toll to 116": the step is no count of its own.
        steps = [q for q in quantities if _is_step(s, q)]
        step_hit = detect_kind(s, steps[0].start, steps[0].end) if steps else None
        step_kind = step_hit.kind if step_hit else ""
        quantities = [q for q in quantities if q not in steps]
    breakdown = [_is_breakdown(s, q) for q in quantities]
    claims: list[Claim] = []
    withdrawn = ""  # the kind of a figure the outlet withdrew in this sentence
    carried = _carry_over(s, cues, previous)

    # "46, not 108, killed": the figure set aside does not stand between 46 and its kind.
    set_aside = [bool(_NOT_BEFORE.search(s, 0, q.start)) for q in quantities]
    groups: set[int] = set()  # figures that only name the group a part is taken from
    for i, q in enumerate(quantities):
        if i in groups:
            continue
        plain = _without_aside(s, q)
        limit = next(
            (
                quantities[j].start
                for j in range(i + 1, len(quantities))
                # a figure of the aside blanked out ("105 others - 83 men and 22 women -
                # were injured") does not stand between 105 and its kind either
                if (not breakdown[j] or _OF_WHOM.search(s, q.end, quantities[j].start))
                and not set_aside[j]
                and plain[quantities[j].start] != " "
            ),
            None,
        )
        hit = detect_kind(plain, q.start, q.end, limit)
        if hit is None and (group := _part_of_a_group(plain, quantities, i)):
            # "Twelve of the 40 passengers were killed": the verb says what befell the twelve;
            # the 40 only name the group they were part of.
            hit = group
            groups.add(i + 1)
        if claims and _BRACKETED_COUNT.search(s, max(0, q.start - 40), q.start):
            # "240 were feared missing (official tally 191)": the same count, another source's.
            hit = KindHit(claims[-1].kind, "bracketed count", claims[-1].subject, q.end)
        if hit is None:
            hit = _kind_of_the_next(s, quantities, breakdown, i)
        if hit is None and _TOLL_AFTER_FIGURE.match(s, q.end):
            # "Authorities raised to 131 the death toll": the toll named after its figure.
            hit = KindHit("killed", "toll", "", q.end)
        if hit is None and _all_aboard_killed(s, q):
            # "A plane with 61 people aboard crashed, killing all on board": all were killed.
            hit = KindHit("killed", "all aboard", subject_words(s[q.end :]), q.end)
        if hit is None and (claims or earlier) and _FIGURE_PRONOUN.search(s[: q.start]):
            # "... documented 30 deaths, while police put it at 21": "it" is the figure before.
            last = (claims or earlier)[-1]
            hit = KindHit(last.kind, "pronoun", last.subject, q.end)
        if hit is None and claims and _EARLIER_FIGURE.search(s, max(0, q.start - 60), q.start):
            # "Some 1,300 remain missing, down from 2,000": the same count, said earlier.
            last = claims[-1]
            hit = KindHit(last.kind, "earlier figure", last.subject, q.end)
        if hit is None and (claims or step_kind) and _NEW_TOTAL_BEFORE.search(s, 0, q.start):
            # "Twelve others were injured, bringing the total to 40": the total of that count.
            kind = claims[-1].kind if claims else step_kind
            hit = KindHit(kind, "new total", claims[-1].subject if claims else "", q.end)
        if (
            hit is None
            and (bringing := _NEW_TOTAL_BEFORE.search(s, 0, q.start))
            and (kind := _kind_named_since(s, 0, bringing.start()))
        ):
            # "The new deaths bring the total ... to 577": the kind its subject names.
            hit = KindHit(kind, "new total", "", q.end)
        if hit is None and claims and not breakdown[i]:
            hit = _coordinated(s, claims[-1], sentence.start, q)
        if (
            hit is None
            and (claims or earlier)
            and (
                _THE_COUNT_AGAIN.search(s, 0, q.start)
                or _TOTAL_AFTER.match(s, q.end)
                or _THE_COUNT_MOVED.search(s, max(0, q.start - 90), q.start)
                or _IT_MOVED.search(s, max(0, q.start - 60), q.start)
            )
        ):
            # "The new total of 1,644", "The previous figure had been 2,189": the count just
            # given, at another stage; or the one the words since then spoke of ("More bodies
            # were found. The number rose to 245").
            last = (claims or earlier)[-1]
            kind = _kind_named_since(article.text, last.end, sentence.start + q.start)
            hit = KindHit(kind or last.kind, "the count again", last.subject, q.end)
        if (
            hit is None
            and claims
            and _ELLIPSIS_AFTER.match(s, q.end)
            and re.search(r"(?:,|\band)\s*$", s[: q.start])
        ):
            # "37 dead in Kessa, 5 in Tarn": the kind said once for a list of places.
            hit = KindHit(claims[-1].kind, "ellipsis", claims[-1].subject, q.end)
        if breakdown[i]:
            if _left_the_count(s, q):
                continue  # "two of them had escaped": no longer abducted, not a part of a count
            # A part takes the kind its words name ("of the dead") or else its total's.
            named = _breakdown_kind(s, q)
            if (
                named
                and named != "killed"
                and hit
                and hit.how == "predicate"
                and hit.kind == "killed"
                and not re.search(r"[,;]|\band\b", s[q.end : hit.end])
            ):
                continue  # "Four of the injured died": they left the count they were part of
            parent = _parent(claims, earlier, named)
            if i and _OF_WHOM.search(s, quantities[i - 1].end, q.start):
                # "285 workers underground, of whom 43 were hurt": a part of the figure right
                # before it; when that names no count, the part is a count of its own.
                before = sentence.start + quantities[i - 1].start
                parent = next((c for c in claims if c.start == before), None)
                if (
                    hit is not None
                    and hit.how == "predicate"
                    and (parent is None or parent.kind != hit.kind)
                ):
                    # ... and so is one its own verb gives another kind ("90 taken to hospital,
                    # of whom 30 died").
                    parent, named = None, hit.kind
            if parent is None and named is None and hit is None:
                continue
            # "Funerals for 11 of the dead" with no total of the dead given: a count of its own;
            # so is "casualties included 1,651 dead" (its own words name the kind).
            kind = parent.kind if parent else named or hit.kind
            subject = hit.subject if hit and hit.how in ("noun", "predicate") else ""
            subject = subject_words(s[q.end :]) or subject
            if (
                parent is not None
                and parent.kind in _HELD_KINDS
                and hit is not None
                and hit.kind == "killed"
                and hit.how in ("verb", "predicate")
            ):
                # "rounded up several hundred men and shot dead about 300 of them", "two of
                # the hostages were killed": the dead among the held are a count of their own.
                parent, kind = None, "killed"
        elif hit is None:
            # "An earlier version said 15 people were killed; the correct figure is 25."
            if not (withdrawn and _CORRECTED.search(s[max(0, q.start - 40) : q.start])):
                continue
            parent, kind, subject = None, withdrawn, ""
        else:
            parent = None
            kind, subject = hit.kind, hit.subject
            if re.search(r"\bamong\b", s[q.end : hit.end], re.I):
                continue  # "More than 20 orphans among victims": a part, its total not given
            if (
                _MORE_STEP.match(s, q.end)
                and running(kind) == "rises"
                and not any(c.kind != kind for c in claims)
            ):
                # "One more supporter died on Tuesday", "Two more bodies found": a step of a
                # running toll, no count of its own ("killed 100 and hundreds more were
                # wounded" counts another kind, and stays).
                continue
        source, cue_words = _attribute(q.start, cues, carried, headline_source)
        if hit is None and not breakdown[i]:
            source, cue_words = UNATTRIBUTED, ""  # the correction is the outlet's own statement
        elif RETRACTED.search(source):
            withdrawn = kind  # the figure that corrects it counts the same thing
            continue  # "An earlier version of this article said 15": withdrawn by the outlet
        claims.append(
            _make_claim(article, sentence, zone, q, kind, subject, source, cue_words, parent)
        )
        # "dozens of dead and injured", "12 deaths and 40 injuries" aside, "killing and
        # wounding hundreds": one figure, two kinds.
        other = _second_kind(s, q, hit, kind) if hit else None
        if other:
            claims.append(
                _make_claim(article, sentence, zone, q, other, subject, source, cue_words, None)
            )

    for start, end, figure, subject in ordinals:
        # "A ninth person has died", "the 10th victim to die": the toll that death brings.
        if any(c.start - sentence.start <= start < c.end - sentence.start for c in claims):
            continue
        q = Quantity(start, end, s[start:end], figure, figure, figure, "exact")
        source, cue_words = _attribute(start, cues, carried, headline_source)
        claims.append(
            _make_claim(article, sentence, zone, q, "killed", subject, source, cue_words, None)
        )
    for start, end, kind, hedge, zero_subject in find_zero_claims(s):
        if any(
            c.kind == kind and c.start - sentence.start <= start < c.end - sentence.start
            for c in claims
        ):
            continue
        q = Quantity(start, end, s[start:end], 0, 0, 0, "exact")
        source, cue_words = _attribute(start, cues, carried, headline_source)
        claim = _make_claim(article, sentence, zone, q, kind, zero_subject, source, cue_words, None)
        claim.hedge = hedge or claim.hedge
        claims.append(claim)
    claims.sort(key=lambda c: c.start)

    if cues:
        last = max(cues, key=lambda c: c.start)
        return _Attribution(last.source, last.verb, False, _quote_left_open(s, last.end)), claims
    if carried:
        if carried.quoting and _closes_quotation(s):
            return _Attribution(carried.source, carried.cue), claims
        return carried, claims
    if all(c.part_of for c in claims):
        # "Of those, 97 were women": a sentence that only breaks a count down (or has no claim)
        # does not end the speaker's account.
        return previous, claims
    if (
        previous
        and not previous.quoting
        and _goes_on_with_other_counts(s, claims, earlier, previous)
    ):
        for claim in claims:
            if claim.source_role == OUTLET:
                _give_to(claim, previous.source, f"{previous.cue} (previous sentence)")
        return previous, claims
    return None, claims


# How many words a bare sentence that goes on with other kinds of count may have (measured on
# the real-reporting sets: 14 gained on three sets and lost on none; 20 and 30 lost on some).
_OTHER_COUNTS_FOLLOW_UP = 14
_CASUALTY_KINDS = frozenset({"killed", "wounded", "missing", "displaced"})
_TURNS_AWAY = re.compile(
    r"^\W*(?:meanwhile|however|but|separately|elsewhere|in\s+another|also|earlier|later|"
    r"in\s+addition|besides|previously|last\s+\w+|in\s+\d{4})\b",
    re.I,
)


# A cue that closes its sentence, after every figure: "..., said district officer Lena Paik."
_TRAILING_CUE = re.compile(
    r",[\"”’]?\s+(?:(?:said|says|told\s+[\w ]{2,30}?|added)\s+[^,;:\d]{3,80}"
    r"(?:,\s*[^,;:\d]{3,80})?|[^,;:\d]{3,80}?\s+(?:said|says|added|told\s+[\w ]{2,30}?))"
    r"[.!]?[\"”’]?\s*$"
)


def _closes_on_its_speaker(
    s: str, found: list[Claim], claims: list[Claim], previous_start: int
) -> bool:
    """Return True when a sentence's trailing speaker also speaks the bare count just before it:
    other kinds of count, the figures before the cue, one speaker."""
    if not found or any(c.source_role == OUTLET for c in found):
        return False
    if len({c.source for c in found}) != 1 or not _TRAILING_CUE.search(s):
        return False
    before = _claims_of_sentence(claims, previous_start)
    if not before or any(c.source_role != OUTLET for c in before):
        return False
    if (
        any(c.cue for c in before)
        or _TRAILING_CUE.search(before[0].sentence)
        or find_cues(before[0].sentence, with_cue_words=True)
    ):
        return False  # the sentence before named its own speaker ("..., state television said")
    if any(c.zone != found[0].zone or c.zone in HEADLINE_ZONES for c in before):
        return False  # a headline is the outlet's, whoever the standfirst under it quotes
    # Other kinds of count, or a breakdown of the one before ("Nine of the dead were on board,
    # he added"): whoever broke the count down gave it.
    return not {c.kind for c in before} & {c.kind for c in found} or all(c.part_of for c in found)


def _claims_of_sentence(claims: list[Claim], sentence_start: int) -> list[Claim]:
    """Return the claims of the sentence that starts at `sentence_start`, read from the end of
    the article's claims so far (they are in text order): not a scan of them all each time."""
    found = []
    for claim in reversed(claims):
        if claim.sentence_start < sentence_start:
            break
        if claim.sentence_start == sentence_start:
            found.append(claim)
    return found[::-1]


_SUBORDINATE_OPENER = re.compile(r"^\W*(?:before|as|when|after|while|since|with)\b", re.I)


def _goes_on_with_other_counts(
    s: str, claims: list[Claim], earlier: list[Claim], previous: _Attribution
) -> bool:
    """Return True when a bare sentence goes on with counts of other kinds than the speaker's
    sentence before it gave ("X said 100 died. More than 820 were injured and 82 are missing.")."""
    if not claims or _TURNS_AWAY.match(s):
        return False
    if len(s.split()) > _OTHER_COUNTS_FOLLOW_UP:
        # A longer one whose first clause is short and holds the count: "Eleven were injured
        # and hospitalized, while 58 others got out unharmed" goes on as "Eleven were injured"
        # does (not "As the fighting grew, ... 200 hostages": a clause of its own time first).
        first = re.split(r"[,;]\s", s, maxsplit=1)[0]
        if (
            len(first.split()) > _OTHER_COUNTS_FOLLOW_UP
            or claims[0].start - claims[0].sentence_start >= len(first)
            or _SUBORDINATE_OPENER.match(s)
        ):
            return False
    if any(c.kind not in _CASUALTY_KINDS for c in claims):
        return False
    subject = _SUBJECT.match(s)
    if subject and role_of(subject.group(1)) not in ("other", OUTLET):
        return False  # "Police have rounded up 126": the sentence's own actor
    last_start = earlier[-1].sentence_start if earlier else -1
    before = [c for c in earlier if c.sentence_start == last_start and c.source == previous.source]
    if not before or before[-1].sentence_end > claims[0].sentence_start:
        return False
    gap = claims[0].sentence_start - before[-1].sentence_end
    if gap > 3:
        return False
    said = {c.kind for c in before}
    return all(c.kind not in said for c in claims)


# Another count of the figure before, in brackets: "(official tally 191", "(police figure: 12".
_BRACKETED_COUNT = re.compile(
    r"\((?:[\w'’-]+\s+){0,2}(?:tally|toll|count|figure|number|estimate)s?:?\s*$", re.I
)
# The count named again before its figure: "The new total of 1,644", "the previous figure
# had been 2,189".
_THE_COUNT_AGAIN = re.compile(
    r"\b(?:new|latest|updated|revised|previous|earlier|initial|final|overall)\s+"
    r"(?:(?:official|death)\s+)?"
    r"(?:total|figure|toll|count|tally|number)\s+(?:of|had\s+been|was|is|stood\s+at|at)\s+$",
    re.I,
)
_NOT_BEFORE = re.compile(r"(?:,|\band)\s*not\s+$", re.I)
# A count named by a bare count noun that moves or stands at a figure, with no word of what it
# counts: "The number rose from 105 to 148", "the figure did not exceed 46". It is the count the
# report has been giving (a noun with "of" says its own kind and is read by the kind grammar).
_THE_COUNT_MOVED = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?:(?:new|latest|updated|revised|official|overall|final|"
    r"confirmed|known)\s+){0,2}(?:number|figure|total|count|tally)\s+"
    r"(?:(?:has|have|had|now|later|then|since|also|further|again|already)\s+){0,2}"
    r"(?:"
    + alternation(list(count_verbs.all_forms()))
    + r"|is|was|stood|stands|remained|remains|did\s+not|does\s+not|has\s+not|had\s+not)"
    r"(?:\s+(?:to|at|from))?\s+(?:[\d,.]+\s+to\s+)?$",
    re.I,
)
# "it" as the subject of a count verb, once a count has been given: "The toll rose to 40 on
# Monday. Two days later, it rose to 56." (Only the verbs of a count: "it was 5" is anything.)
_IT_MOVED = re.compile(
    r"(?:^\W*(?:(?:by|on|until)\s+\w+\s+)?|[,;]\s*|\b(?:and|but|then)\s+)it\s+"
    r"(?:(?:has|had|have|now|later|then|since|also|further|again|already)\s+){0,2}"
    r"(?:" + alternation(list(count_verbs.all_forms())) + r")(?:\s+(?:to|at))?\s+$",
    re.I,
)
_TOTAL_AFTER = re.compile(r"\s+(?:total|figure|toll|tally)\b", re.I)  # "the 1,002 total"
# A place after a figure with no kind word of its own: "(37 dead in Kessa,) 5 in Tarn".
_ELLIPSIS_AFTER = re.compile(
    r"\s+(?:in|at)\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]*){0,2}"
    r"(?:\s*[,;.]|\s*$|\s+(?:and|while)\b)"
)
# A figure verb whose object is a pronoun standing for a figure named before: "put it at 21".
_FIGURE_PRONOUN = re.compile(
    r"\b(?:put|puts|putting|raised|raises|raising|revised|revises|revising|lowered|lowers|"
    r"lowering|cut|cuts|cutting|updated|updates|updating|gave|gives|giving|estimated|estimates|"
    r"corrected|corrects|correcting|adjusted|adjusts|amended|changed|increased|decreased)\s+"
    r"(?:it|that|this|the\s+(?:figure|number|count|tally|total))\s+(?:down\s+|up\s+)?"
    r"(?:at|to|as)\s+$",
    re.I,
)
# The figure a count moved from: "up from 154 a day earlier", "down from an earlier 2,000".
_EARLIER_FIGURE = re.compile(
    r"\b(?:up|down|rising|falling|risen|fallen|increased|decreased|revised)\s+from\s+"
    r"(?:(?:an?|the)\s+)?(?:(?:earlier|previous|initial|prior)\s+)?"
    r"(?:(?:figure|toll|count|estimate|tally)\s+(?:of\s+)?)?$",
    re.I,
)
RETRACTED = re.compile(r"\b(?:earlier|previous|original) version of this\b", re.I)
_CORRECTED = re.compile(
    r"\b(?:correct|accurate|right|actual)\s+(?:figure|number|toll|count|total)\s+(?:is|was)\s*$",
    re.I,
)
_ORDINAL_WORDS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20,
}  # fmt: skip
# A death named by its rank: "a ninth person has died", "the 10th victim to die", "a 10th fatal
# victim", "the third death": the toll it brings, the rank as the count. ("The first victim"
# names one person, no toll.)
_ORDINAL_TOLL = re.compile(
    r"\b(?:a|the|its|their|becomes|became|become)\s+(?P<ord>(?:[2-9]|[1-9]\d{1,3})(?:st|nd|rd|th)|"
    + "|".join(_ORDINAL_WORDS)
    + r")\s+(?P<fatal>(?:fatal|confirmed|known|reported)\s+)?"
    r"(?P<noun>deaths?|fatality|victim|person|body|casualty)\b(?P<rest>[^.;,]{0,30})",
    re.I,
)
_DIED_AFTER = re.compile(
    r"^\s+(?:to\s+(?:die|be\s+killed|have\s+died|succumb)|(?:has|had|have)\s+(?:now\s+)?"
    r"(?:died|been\s+(?:killed|confirmed\s+dead|found\s+dead))|died|dies|killed|succumbed|"
    r"(?:was|is)\s+(?:confirmed\s+dead|killed|found\s+dead|recovered))\b",
    re.I,
)


def _may_rank_a_death(s: str) -> bool:
    """Return True when a sentence holds a word a ranked death needs (plain substring tests:
    the rank pattern itself costs a scan at every "the")."""
    return any(w in s for w in _RANKED_NOUNS)


# Without their first letter, so "Death" in a headline is found as "death" is.
_RANKED_NOUNS = ("eath", "atalit", "ictim", "erson", "ody", "asualt")


def _ordinal_tolls(s: str) -> list[tuple[int, int, int, str]]:
    """Return (start, end, figure, subject) of each death named by its rank in a sentence."""
    found = []
    for m in _ORDINAL_TOLL.finditer(s):
        if m["noun"].lower() in ("person", "victim", "casualty"):
            # A person is a death only as "a fatal/confirmed victim" or "the ninth person to
            # die": "the third victim was a teacher" names a person, no toll.
            fatal = m["fatal"].split()[0].lower() if m["fatal"] else ""
            if not (fatal in ("fatal", "confirmed") or not fatal and _DIED_AFTER.match(m["rest"])):
                continue
        rank = m["ord"].lower()
        figure = _ORDINAL_WORDS.get(rank) or int(re.sub(r"\D", "", rank))
        found.append((m.start("ord"), m.end("ord"), figure, m["noun"]))
    return found


ZERO_HINT = re.compile(r"\b(?:no|none|nobody|not|denied|zero|without)\b|n['’]t\b", re.I)
_SUBJECT = re.compile(
    r"((?:The|A|An)\s+(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]*\s+){0,4}(?:[a-z]+\s+)?(?:[a-z]+|[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]*)"
    # "A staff member of the Guma local council, who requested anonymity, described ..."
    r"(?:\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}[\w'’-]+)?)(?:\s*,[^,.;:\"“”]{1,60},)?"
    r"\s+(?:has|had|have|was|were|is|are|gave|issued|denied|insisted|[a-z]+ed)\b"
)
# A bare plural subject that names a kind of source: "Rescue officers spoke", "Police said".
_BARE_PLURAL_SUBJECT = re.compile(
    r"^((?:[A-Z][\w-]*\s+)?(?P<head>[A-Za-z]+s|[Pp]olice))\s+(?:have|had|were|spoke|met|went|came|"
    r"toured|visited|arrived|gave|held|took|made|spent|sent|found|brought|began|[a-z]+ed)\b"
)
# A person named as a sentence's subject, with a title and an apposition if any: "Governor
# Lena Paik spoke", "Lena Paik, the governor, visited".
_NAMED_SUBJECT = re.compile(
    # A title in lower case may stand among the capitals: "Police spokeswoman Dora Klee".
    r"((?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w.'’-]*\s+|(?:spokes(?:man|woman|person)|chief|minister|governor|mayor|"
    r"commander|director|secretary|president|head|official|officer)\s+){1,5}"
    r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+)(?:,\s+(?P<apposition>[^,]{3,60}),)?"
    r"\s+(?:has|had|was|is|spoke|met|went|came|toured|visited|arrived|addressed|gave|held|"
    r"took|made|led|spent|sent|left|kept|found|saw|stood|sat|flew|drove|brought|began|did|does|"
    r"would|could|will|can|[a-z]+ed)\b"
)
# "dead and injured", "dead, injured" (a headline's comma), "killed or wounded".
_AND_KIND = re.compile(r"(?:\s+and|\s+or|\s*,)\s+(?P<word>[a-z]+)\b", re.I)
_PREDICATE_AND = re.compile(
    r"\b(?:killed|dead|wounded|injured|hurt)\s+(?:and|or)\s+"
    r"(?P<word>killed|dead|wounded|injured|hurt|missing)\b",
    re.I,
)
_VERB_AND = re.compile(r"\b(?P<word>[a-z]+)\s+and\s+[a-z]+\s+$", re.I)


def _second_kind(s: str, q: Quantity, hit: KindHit, kind: str) -> str | None:
    """Return the other kind a figure counts when two kind words share it: "dozens of dead
    and injured", "hundreds of deaths and injuries", "killing and wounding hundreds"."""
    both = _AND_KIND.match(s, hit.end)
    # "killed 12 and wounded 40": the second word has a figure of its own.
    rest = both.end() + len(s[both.end() :]) - len(s[both.end() :].lstrip()) if both else 0
    own_figure = both and QUANTITY_RE.match(s, rest)
    if both and not own_figure and (other := kind_of_word(both.group("word"))) and other != kind:
        return other
    if hit.how == "predicate":
        # "Dozens of people have been killed and injured": both predicates say its kinds.
        pair = _PREDICATE_AND.search(s, q.end, q.end + 60)
        if pair and not re.search(r"\d", s[q.end : pair.start()]):
            other = kind_of_word(pair.group("word"))
            if other and other != kind:
                return other
    if hit.how == "verb":
        before = _VERB_AND.search(s, 0, q.start)
        if before and (other := kind_of_verb(before.group("word"))) and other != kind:
            return other
    return None


_TOLL_AFTER_FIGURE = re.compile(
    r"\s+the\s+(?:(?:official|overall|new|latest)\s+)?(?:death\s+)?toll\b", re.I
)
# The people a craft carried: "61 people aboard", "carrying 61 passengers".
_ABOARD_AFTER = re.compile(
    r"\s+(?:(?:people|passengers|persons|souls|occupants|crew(?:\s+members)?)\s+"
    r"(?:and\s+(?:\d+\s+)?crew(?:\s+members)?\s+)?)?(?:aboard|on\s*board)\b",
    re.I,
)
_CARRYING_BEFORE = re.compile(r"\b(?:carrying|with)\s+$", re.I)
_PEOPLE_AFTER = re.compile(r"\s+(?:people|passengers|persons|souls|occupants)\b", re.I)
# ... and the sentence saying none of them survived.
_ALL_KILLED = re.compile(
    r"\b(?:killing|killed|kills|kill)\s+(?:all|everyone|everybody)\b|"
    r"\b(?:all|everyone|everybody)\s+(?:on\s*board|aboard)\s+(?:(?:were|was|are|is|have|has)\s+)?"
    r"(?:been\s+)?(?:killed|died|dead|perished)\b|\bno\s+survivors\b|\bnone\s+survived\b",
    re.I,
)


def _all_aboard_killed(s: str, q: Quantity) -> bool:
    """Return True when a figure counts the people a craft carried and its sentence says none
    of them survived ("A plane with 61 people aboard crashed, killing all on board")."""
    aboard = _ABOARD_AFTER.match(s, q.end) or (
        _CARRYING_BEFORE.search(s, max(0, q.start - 12), q.start) and _PEOPLE_AFTER.match(s, q.end)
    )
    return bool(aboard and _ALL_KILLED.search(s, q.end))


# "285 workers underground, of whom 43 were hurt": the verb after "of whom" is the part's, and
# says nothing of the group.
_OF_WHOM = re.compile(r",\s*(?:of|among)\s+(?:whom|which|them)\b[^,;]*$", re.I)
_OF_THE_GROUP = re.compile(r"\s+of\s+(?:the|those|these|all)\s+", re.I)


def _part_of_a_group(s: str, quantities: list[Quantity], i: int) -> KindHit | None:
    """Return the kind of a figure taken from a group named by the next one, when the verb after
    the group says what befell the part ("Twelve of the 40 passengers were killed"). A group
    named by a kind word ("12 of the 40 injured") is a count itself, and the part a breakdown."""
    if i + 1 >= len(quantities) or not _OF_THE_GROUP.fullmatch(
        s, quantities[i].end, quantities[i + 1].start
    ):
        return None
    group = quantities[i + 1]
    limit = quantities[i + 2].start if i + 2 < len(quantities) else None
    told = detect_kind(s, group.start, group.end, limit)
    if told is None or told.how != "predicate":
        return None
    finite = _FINITE.search(s, group.end, group.end + 80)
    if not finite or re.search(r"\b\w+(?:ed|ing)\b", s[group.end : finite.start()]):
        return None  # "16 of the 19 people crushed to death": the group is the count
    return KindHit(told.kind, "part of a group", told.subject, told.end)


# A finite verb: the predicate is the sentence's, of the part ("Twelve of the 40 passengers were
# killed"), not a participle that defines the group ("the 26 hostages killed").
_FINITE = re.compile(r"\b(?:were|was|are|is|have|has|had|been|died|perished|drowned)\b", re.I)


def _kind_named_since(text: str, start: int, end: int) -> str | None:
    """Return the kind of the last kind word in `text[start:end]` (at most 600 characters back)."""
    for word in reversed(re.findall(r"[a-z]+", text[max(start, end - 600) : end], re.I)):
        if kind := kind_of_word(word):
            return kind
    return None


def _coordinated(s: str, previous: Claim, offset: int, q: Quantity) -> KindHit | None:
    """Return the kind a figure shares with the one before it: "killed 12 X and one Y"."""
    between = s[previous.end - offset : q.start]
    if previous.part_of or not re.fullmatch(r"[^,.;:]{0,40}\band\s+", between):
        return None
    if grammar().thing_after.match(s, q.end):
        return None  # "13,000 were injured and 6,000 buildings collapsed": a count of things
    return KindHit(previous.kind, "coordinated", subject_words(s[q.end :]), q.end)


# A sentence that opens on a figure of "others" or "more" goes on with the same account:
# "Officials said 40 were killed. Twelve others were missing."
_MORE_OF_THEM = re.compile(
    r"^\W*(?:(?:some|about|around|nearly|almost|roughly|at\s+least|more\s+than|over)\s+)?"
    r"(?:[\d,.]+|[A-Za-z]+(?:-[a-z]+)?)\s+(?:others|more)\b",
    re.I,
)


_QUOTE_MARK = re.compile(r'["“”]')


def _quote_left_open(s: str, after: int) -> bool:
    """Return True when a quotation opens after position `after` and the sentence does not close it."""
    tail = s[after:]
    return tail.count("“") > tail.count("”") or (
        tail.count('"') % 2 == 1 and tail.lstrip(" ,:")[:1] == '"'
    )


def _closes_quotation(s: str) -> bool:
    """Return True when a sentence inside a quotation closes it ('... have died."')."""
    return s.count("”") > s.count("“") or (s.count('"') % 2 == 1 and s[:1] != '"')


def _carry_over(s: str, cues: list[Cue], previous: _Attribution | None) -> _Attribution | None:
    """Return the previous sentence's speaker when this sentence continues their account."""
    if cues or previous is None:
        return None
    opens_quote = s[:1] in '"“'
    if previous.quoting and (opens_quote or not _QUOTE_MARK.search(s) or _closes_quotation(s)):
        # Inside a quotation the speaker opened ('X said: "We drove ... 44 have died."'),
        # whatever its sentences' length; a paragraph that reopens it goes on with it.
        return previous
    if (
        opens_quote
        or _CONTINUATION.match(s)
        or _MORE_OF_THEM.match(s)
        # Not "it": "It is the deadliest quake since 1999" is the event's, not the speaker's.
        or re.match(r"[\"“]?\s*(?:he|she|they)\s", s, re.I)
    ):
        return previous
    if previous.announces or _OPENS_ON_THE_COUNT.match(s):
        # "The new total of 1,644 is a sharp rise ...": the count just reported, again.
        return previous
    if (
        _ALSO.search(s)
        and len(s.split()) <= 2 * _SHORT_FOLLOW_UP
        # a speaker, not "Video shared on social media showed flames"
        and (role_of(previous.source) not in ("other", OUTLET) or is_person(previous.source))
    ):
        # "So far, at least 16 people have also been confirmed dead": "also" adds to the
        # account just given.
        return previous
    if len(s.split()) <= _SHORT_FOLLOW_UP:
        # "Officials said the search would go on. Eight people were injured.": a short bare
        # statement in the same paragraph goes on with the account just given.
        return previous
    return None


_UPDATING_OPENER = re.compile(
    r"^\W*(?:updating|announcing|releasing|confirming|revising|giving)\s+the\s+"
    r"(?:(?:latest|new|updated|official)\s+)?(?:death\s+)?(?:toll|figures?|numbers?|count|tally)\b",
    re.I,
)
_FIGURES_FROM_OPENER = re.compile(
    r"^\W*(?:the|these)\s+(?:(?:latest|new|updated|revised|official|provisional)\s+)?"
    r"(?:figures|numbers|data|statistics|tallies|counts)\s+(?:from|by)\s+"
    r"(?P<src>[^,;:.]{3,80}?)\s+(?:follow|come|came|show|showed|were|are|mark|put|bring|raise)",
    re.I,
)
_OPENS_ON_THE_COUNT = re.compile(
    r"^\W*the\s+(?:(?:new|latest|updated|revised|previous|earlier)\s+"
    r"(?:total|figure|toll|count|tally|number)s?\b"
    # "The number of injured increased to 3,408": the next count of the same report.
    r"|number\s+of\s+(?:the\s+)?(?:injured|wounded|dead|missing|displaced|deaths|injuries)\s+"
    # "The number of injured has meanwhile risen to 799"
    r"(?:(?:has|had)\s+)?(?:(?:meanwhile|also|now|since|further)\s+)?"
    r"(?:rose|risen|increased|climbed|grew|grown|reached|stood|stands|is|was|has|had))",
    re.I,
)
_ALSO = re.compile(
    r"\b(?:have|has|had|were|was|are|is)\s+also\b|\balso\s+(?:been|were|died)\b", re.I
)
# How many words a bare follow-up sentence may have and still continue the speaker's account.
_SHORT_FOLLOW_UP = 6


def _attribute(
    position: int, cues: list[Cue], carried: _Attribution | None, headline_source: str
) -> tuple[str, str]:
    cue = governing_cue(cues, position)
    if cue:
        return cue.source, cue.verb
    if headline_source:
        return headline_source, "headline attribution"
    if carried:
        return carried.source, f"{carried.cue} (previous sentence)"
    return UNATTRIBUTED, ""


# A live-blog entry title or bullet that opens with its source: "Witness: two missiles hit".
_LINE_SOURCE = re.compile(r"^(?:[-*•]\s*)?(?P<src>[A-ZÀ-ÖØ-ÞĀ-ſ][\w.'’ -]{1,40}?):\s+\S")
_NOT_LINE_SOURCES = re.compile(
    r"^(?:update|updated|breaking|correction|clarification|editor'?s note|live|watch|analysis|"
    r"opinion|explainer|note|photo|video|read more|related|q|a|question|answer|background|"
    r"context|timeline|what we know|key points?|summary|source|sources|via|credit|\d)",
    re.I,
)


def _opens_the_body(article: Article, sentence: Sentence) -> bool:
    """Return True when the sentence is the first of the article's body (where a dateline is)."""
    body = next((sec for sec in article.sections if sec.zone == "body"), None)
    if body is None or sentence.start - body.start > 200:
        return False  # a dateline's gap is a few line ends, never a paragraph
    return not article.text[body.start : sentence.start].strip()


def _line_source(s: str, opens_the_body: Callable[[], bool] = lambda: False) -> str:
    s = blank_dateline(s).lstrip()  # "16:20 GMT — UNICEF: thousands of children homeless"
    match = _LINE_SOURCE.match(s)
    if not match or len(s) > 160 or _NOT_LINE_SOURCES.match(match.group("src")):
        return ""
    src = match.group("src").strip()
    if phrase_key(src) in grammar().heading_kinds:
        return ""  # "Dead: 154": a field's heading says the kind, not who counted
    if (
        role_of(src) == "other"
        and not SOURCE_NOUN.search(src)
        and (" " not in src or opens_the_body())
    ):
        # "Thiruvananthapuram: The death toll ...", and at the body's start "Sao Paulo: On
        # Friday, ...": a dateline names a place, no one
        return ""
    return src if plausible_source(src) and len(src.split()) <= 5 else ""


# "Blast at market: 40 killed, security sources": a source noun phrase closing the headline.
_HEADLINE_TAIL = re.compile(r",\s*(?P<src>[A-Za-zÀ-ÖØ-öø-ſ][^\d,:|–—]{1,40}?)\s*$")
# A verb of saying after a headline's source: "..., officials tell AP".
_TAIL_VERB = re.compile(
    r"\s+(?:say|says|said|tell|tells|told|confirm|confirms|claim|claims|report|reports)\b.*$",
    re.I,
)
# A noun phrase whose head (its last word before a preposition) names a source: "security
# sources", "officials in the province"; not "rescue teams search for survivors".
_HEADED_BY_A_SOURCE = re.compile(
    r"^(?:[\w'’.-]+\s+){0,3}?(?:" + alternation(vocab.SOURCE_NOUNS["speaker"]) + r")"
    r"(?:\s+(?:of|in|at|from|for|on|near)\s[^,]*?)?"
    r"(?:" + _TAIL_VERB.pattern + ")?$",
    re.I,
)
# "Health ministry: toll rises to 116": a source before the colon; "Blast at market:" is a topic.
_HEADLINE_HEAD = re.compile(r"^(?P<src>[A-ZÀ-ÖØ-ÞĀ-ſ][^\d:|]{1,50}?):\s")


def _headline_source(s: str) -> str:
    for pattern in (_HEADLINE_TAIL, _HEADLINE_HEAD):
        match = pattern.search(s)
        # "... in Velmora, Ostrel - officials": the dash, not the comma, sets the source off.
        src = re.split(r"\s[-–—]\s", match.group("src"))[-1].strip() if match else ""
        if pattern is _HEADLINE_TAIL:
            if src[:1].islower() and not _HEADED_BY_A_SOURCE.match(src):
                continue  # "Toll rises to 33, rescue teams search for survivors": a clause
            src = _TAIL_VERB.split(src, maxsplit=1)[0]  # "..., officials tell AP": officials
        if src and plausible_source(src) and role_of(src) not in ("other", OUTLET):
            return src
        if src and pattern is _HEADLINE_HEAD and is_country(src):
            return src  # "Russia: 11 suspects detained": a country speaks for its government
    for pattern in (_HEADLINE_SAYS, _HEADLINE_SOURCE):
        match = pattern.search(s)
        if match:
            src = (match.group("src") or match.groupdict().get("src2") or "").strip()
            if src[:1].islower() and role_of(src) in ("other", OUTLET):
                continue  # "... - live", "..., says report": no source named
            if (
                pattern is _HEADLINE_SOURCE
                and ":" not in match.group(0)
                and role_of(src) == "media"
            ):
                continue  # "... shakes Afghanistan - SUCH TV": the page's site, not a source
            if plausible_source(src) and len(src.split()) <= 6:
                return src
    return ""


def _is_breakdown(s: str, q: Quantity) -> bool:
    """Return True when a figure is a part given with a total ("including five children", "Of
    the 131 people injured, 48 were still in hospital")."""
    return bool(
        _BREAKDOWN_BEFORE.search(s[max(0, q.start - 25) : q.start])
        or _BREAKDOWN_AFTER.match(s[q.end : q.end + 40])
        or _STATE_PART.match(s, q.end)
        and _AFTER_A_FIGURE.search(s[max(0, q.start - 60) : q.start])
        or _OF_THE_WHOLE_BEFORE.match(s[: q.start])
        or ("—" in s or "–" in s or " - " in s or "(" in s)
        and any(a.start() < q.start < a.end() for a in _ASIDE_AFTER_A_FIGURE.finditer(s))
    )


def _without_aside(s: str, q: Quantity) -> str:
    """Return the sentence with the aside that breaks the figure at q down blanked out (the
    same length): "three others - two men and a woman - detained" reads "three others ...
    detained"."""
    if "—" not in s and "–" not in s and "-" not in s and "(" not in s and ", includ" not in s:
        return s
    for aside in _ASIDE_AFTER_A_FIGURE.finditer(s):
        # The figure's digits open the match; a qualifier may stand before them ("At least").
        if q.start <= aside.start() < q.end <= aside.start("aside"):
            return (
                s[: aside.start("aside")]
                + " " * (aside.end() - aside.start("aside"))
                + s[aside.end() :]
            )
    return s


# A state set after a comma that follows a count of the wounded: "82 people hospitalized, 19
# in critical condition" (the 19 are of the 82; not after "9 died,").
_STATE_PART = re.compile(
    r"\s+(?:people\s+|patients\s+)?(?:(?:are|were|remain|remained)\s+)?"
    r"(?:in\s+(?:a\s+)?(?:critical|serious|stable|grave|severe)\s+conditions?|seriously|critically|"
    r"severely|gravely)\b",
    re.I,
)
_AFTER_A_FIGURE = re.compile(
    r"\d[\d,.]*\s+(?:[a-z]+\s+){0,2}(?:injured|wounded|hurt|hospitali[sz]ed|admitted|treated|"
    r"injuries)(?:\s+[a-z]+){0,3},\s*$",
    re.I,
)


# An aside set off by dashes or brackets right after a figure, which breaks it down: "85
# people—46 women and 39 men—were confirmed dead", "12 people (five of them children)".
_ASIDE_AFTER_A_FIGURE = re.compile(
    r"(?:\b\d[\d,.]*|\b(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|"
    r"hundreds|thousands))(?:\s+[a-z]+){1,2}\s*"
    r"(?P<aside>—[^—.;]{3,80}—|[–—-]\s[^–—.;]{3,80}\s[–—-]\s|\([^()]{3,80}\)"
    # "At least 265 people, including 241 of the 242 on board a flight, were killed"
    r"|,\s+including\s[^,.;]{3,100},(?=\s+(?:were|was|have|has|had|are|is)\b))"
)


# A sentence that opens on the whole its figure is taken from: "Of the 131 people injured, 48".
_OF_THE_WHOLE_BEFORE = re.compile(
    # After a fronted source too: "According to officials, of the 28 injured, six ..."
    r"^\W*(?:according\s+to\s+[^,]{1,60},\s*)?"
    r"of\s+(?:the|those|these)\s+[^,]{1,60},[^,]{0,60}(?:,\s*)?$",
    re.I,
)


def _left_the_count(s: str, q: Quantity) -> bool:
    """Return True when a part's own clause says it left the count ("two of them escaped",
    "five of the hostages were freed"): the blockers that stop a kind predicate."""
    clause = re.split(r"[,;.:]", s[q.end : q.end + 60], maxsplit=1)[0]
    return bool(grammar().blockers.search(clause))


def _parent(current: list[Claim], earlier: list[Claim], kind: str | None) -> Claim | None:
    """Return the total a breakdown belongs to: the last whole figure (of its kind, when the
    breakdown names one) in this sentence or the few before it."""
    for claim in reversed(current + earlier[-4:] if kind else current or earlier[-3:]):
        if not claim.part_of and (kind is None or claim.kind == kind):
            return claim
    return None


def _breakdown_kind(s: str, q: Quantity) -> str | None:
    """Return the kind a breakdown's own words name ("the dead included", "11 of the dead")."""
    # Up to the end of the part's clause: "19 foreigners were among the dead" names its kind
    # five words on.
    after = re.split(r"[,;.:]", s[q.end : q.end + 60], maxsplit=1)[0]
    window = s[max(0, q.start - 30) : q.end] + after
    g = grammar()
    match = g.breakdown.search(window)
    if not match:
        return None
    return g.breakdown_kinds.get(phrase_key(match.group("w")))


def _make_claim(
    article: Article,
    sentence: Sentence,
    zone: str,
    q: Quantity,
    kind: str,
    subject: str,
    source: str,
    cue: str,
    parent: Claim | None,
) -> Claim:
    start = sentence.start + q.start
    end = sentence.start + q.end
    source_norm, role = _source_fields(source)
    possessive = _POSSESSIVE_SUBJECT.match(subject)
    if possessive and source != UNATTRIBUTED:
        subject = f"{possessive.group('rest')} of {normalize_source(source).title()}"
    hedge = _HEDGE_RE.search(sentence.text)
    return Claim(
        id=content_id("c", article.id, start, end, kind),
        article=article.id,
        kind=kind,
        low=q.low,
        high=q.high,
        qualifier=q.qualifier,
        figure=q.figure,
        stated=q.text,
        subject=subject,
        source=source,
        source_norm=source_norm,
        source_role=role,
        cue=cue,
        sentence=sentence.text,
        start=start,
        end=end,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        zone=zone,
        hedge=hedge.group(0).lower() if hedge else "",
        part_of=parent.id if parent else "",
    )
