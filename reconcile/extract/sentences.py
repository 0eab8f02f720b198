"""Sentence boundaries with character offsets, aware of newsroom abbreviations and layout lines."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

# A period after these does not end a sentence ("Brig. Gen. Daniel Hagari", "Oct. 17", "U.S.").
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "brig",
        "col",
        "lt",
        "sgt",
        "capt",
        "maj",
        "cpl",
        "pvt",
        "adm",
        "cmdr",
        "st",
        "sen",
        "rep",
        "gov",
        "pres",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "nos",
        "vs",
        "etc",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "approx",
        "est",
        "fig",
        "mt",
        "ft",
        "u.s",
        "u.n",
        "u.k",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    ]
)
# Past this a "sentence" is text without stops (a page flattened to one line, a list): it is cut
# at the last space before the limit, so the work per figure, which reads its sentence, and the
# sentence each claim carries stay bounded, and an article's cost stays linear in its length.
# News sentences are far shorter (a 100-word sentence is about 600 characters).
MAX_SENTENCE_CHARS = 2000
_BOUNDARY = re.compile(
    r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-ZÀ-ÖØ-ÞĀ-ſ0-9])|\n+"
    # A scraped page that lost the space after a stop: "said on Monday.Fifty-six were missing".
    r"|[.!?](?<=[a-z]{2}[.!?])(?=[A-Z][a-z])"
)
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]*[\"'”’)\]]*$")


# A line broken mid-sentence (plain text wrapped at 80 columns): it ends on a word, a figure, a
# comma or a hyphen, and the next line goes on in lower case ("died and 214\npeople had been").
_WRAPPED = re.compile(r"[\w,;-]\n[a-z]")
# ... or the line ends on a word no sentence ends on, or a comma, whatever the next line opens
# with ("a direct hit with an\nIskander (missile)", "the village of Hroza,\nKlymenko said").
_ENDS_MIDWAY = re.compile(
    r"(?:\b(?:the|a|an|of|to|in|on|at|with|by|for|from|and|or|but|as|that|which|who|whose|"
    r"into|near|than|its|their|his|her|said|told)|,)$",
    re.I,
)


@dataclass(slots=True)
class Sentence:
    """A sentence's text and its [start, end) offsets in the article text."""

    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    match = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    # Single letters are initials ("John F. Kennedy") unless a number follows in the same token.
    # So are two or three of them run together ("M.R. Bhardwaj", "J.R.R. Tolkien").
    return (
        word in ABBREVIATIONS
        or (len(word) == 1 and word.isalpha())
        or bool(_INITIALS.fullmatch(word))
    )


_INITIALS = re.compile(r"[a-z](?:\.[a-z]){1,2}")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Return the sentences of text[start:end], stripped, with offsets into `text`."""
    end = len(text) if end is None else end
    sentences: list[Sentence] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if match.group(0)[0] != "\n" and _is_abbreviation(text, match.start()):
            continue
        if match.group(0) == "\n" and (
            _WRAPPED.match(text, max(start, match.start() - 1))
            or _ENDS_MIDWAY.search(text, max(start, match.start() - 8), match.start())
            and text[match.end() : match.end() + 1].strip()
        ):
            continue  # a hard-wrapped line: the sentence goes on after the break
        _append(sentences, text, cursor, match.end())
        cursor = match.end()
    _append(sentences, text, cursor, end)
    return sentences


def sentences_within(
    sentences: list[Sentence], text: str, start: int, end: int
) -> list[Sentence] | None:
    """Return the sentences of a whole-text split (`split_sentences(text)`) that lie in
    text[start:end], when they are exactly what splitting that stretch alone gives; else None.

    They are when the stretch begins and ends at line breaks that end sentences (every line
    break does but a hard wrap), so no sentence of the whole text crosses the stretch's edges,
    and inside it the same boundaries are found. The extractor (by layout section) and the framing of its claims
    (the whole article) then split the article once.
    """
    opens = start == 0 or text[start - 1] == "\n" or text[start : start + 1] == "\n"
    closes = end == len(text) or text[end : end + 1] == "\n" or text[end - 1 : end] == "\n"
    if not (opens and closes):
        return None
    first = bisect_left(sentences, start, key=lambda s: s.start)
    last = bisect_left(sentences, end, lo=first, key=lambda s: s.start)
    # A hard-wrapped sentence may cross the stretch's edge: then the stretch is split alone.
    if first > 0 and sentences[first - 1].end > start:
        return None
    if last > first and sentences[last - 1].end > end:
        return None
    return sentences[first:last]


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    while len(stripped) > MAX_SENTENCE_CHARS:
        cut = stripped.rfind(" ", MAX_SENTENCE_CHARS // 2, MAX_SENTENCE_CHARS)
        cut = MAX_SENTENCE_CHARS if cut < 0 else cut
        piece = stripped[:cut].rstrip()
        sentences.append(Sentence(s, s + len(piece), piece))
        rest = stripped[cut:]
        s += cut + len(rest) - len(rest.lstrip())
        stripped = rest.lstrip()
    if stripped:
        sentences.append(Sentence(s, s + len(stripped), stripped))
