"""Stories: which articles report the same news, from the words they share.

What news clustering systems do: each article becomes a TF-IDF vector of its title, lead and
the start of its body (the title and lead weigh more: they say what the story is), and two
articles published within a few days of each other are one story when the cosine of their
vectors is high. Candidates come from an inverted index over each article's few most telling
words, bucketed by day and capped per bucket, so an article is compared with a bounded number of
others: the work grows with the number of articles, never with its square.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from unidecode import unidecode

# Words every news report uses, whatever its story: they say nothing about which story it is.
_STOPWORDS = """
    a about above after again against all almost also although am among an and another any are
    around as at be because been before being below between both but by can could did do does
    doing down during each early earlier either even ever every few for from further had has
    have having he her here hers him his how however i if in into is it its itself just last
    late later least less like many may might more most much must my near nearly next no nor
    not now of off on once one only or other our out over own per said same say says saying
    she should since so some still such than that the their them then there these they this
    those though through to told too two under until up upon very via was we were what when
    where which while who whom whose why will with within without would year years yet you
    your day days week weeks month months today yesterday monday tuesday wednesday thursday
    friday saturday sunday january february march april june july august september october
    november december according reported reports report statement added news agency people
    including new spokesman spokeswoman official officials
"""
STOPWORDS = frozenset(_STOPWORDS.split())
_TOKEN = re.compile(r"[a-z][a-z'-]+[a-z]")
_POSSESSIVE = re.compile(r"'s\b")
_STEMMER = snowballstemmer.stemmer("english")

TITLE_WEIGHT = 3
LEAD_WEIGHT = 2
BODY_CHARS = 2000  # the start of the body: where a report says what happened
VECTOR_TERMS = 40  # an article's vector keeps its heaviest terms
# ... and is filed in the index under the heaviest of those: twenty, as two reports of one story
# often share none of their ten heaviest (each outlet's own names and angle) but many below.
SIGNATURE_TERMS = 20
MIN_SHARED = 1  # signature terms two articles must share before their cosine is worked out
BUCKET_SIZE = 6  # articles kept per (term, day) bucket
_ANY_DAY = -1  # the bucket of dated articles that undated ones look up


@dataclass
class StoryText:
    """An article's words for story matching, and the days it is filed under and looks at."""

    title: str
    lead: str
    body: str
    days: Sequence[int | None]  # days the article's incident happened (or may have)
    window: Sequence[int | None]  # days whose articles it may join


def tokens(text: str) -> list[str]:
    """Return the content words of text: lower case, ASCII, stop words and possessives dropped."""
    words = _TOKEN.findall(_POSSESSIVE.sub("", unidecode(text).lower()))
    return [t for t in map(_term, words) if t]


@lru_cache(maxsize=1 << 17)
def _term(word: str) -> str:
    """Return a word's Snowball (Porter 2) stem, '' for a stop word: "killed", "killing" and
    "kills" are one term, "protesters" and "protest" another."""
    if word in STOPWORDS or len(word) < 3:
        return ""
    return _STEMMER.stemWord(word)


def _counts(doc: StoryText) -> Counter[str]:
    return _weighted_counts(doc.title, doc.lead, doc.body)


@lru_cache(maxsize=1 << 14)  # a regrouping meets the same articles again: count words once
def _weighted_counts(title: str, lead: str, body: str) -> Counter[str]:
    return Counter(tokens(title) * TITLE_WEIGHT + tokens(lead) * LEAD_WEIGHT + tokens(body))


def vectors(docs: Sequence[StoryText]) -> list[dict[str, float]]:
    """Return each document's unit TF-IDF vector over its heaviest terms.

    The inverse document frequency is the corpus's own (smoothed as scikit-learn does), so
    words a whole corpus shares weigh little and a story's own names weigh most.
    """
    counts = [_counts(d) for d in docs]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(docs)
    idf = {t: math.log((1 + n) / (1 + k)) + 1 for t, k in df.items()}
    out = []
    for c in counts:
        weights = {t: (1 + math.log(k)) * idf[t] for t, k in c.items()}
        top = sorted(weights.items(), key=lambda kv: -kv[1])[:VECTOR_TERMS]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        out.append({t: w / norm for t, w in top})
    return out


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Return the cosine of two unit vectors."""
    if len(b) < len(a):
        a, b = b, a
    # Only shared terms add anything (the weights are positive); in a's order, as before.
    return sum((w * b[t] for t, w in a.items() if t in b), 0.0)


def similar_pairs(
    docs: Sequence[StoryText],
    threshold: float,
    joined: Callable[[int, int], bool] | None = None,
) -> Iterator[tuple[int, int, float]]:
    """Yield (i, j, cosine) for documents i > j whose cosine reaches threshold and whose days
    meet (one's days fall in the other's window).

    Each document is filed under its `SIGNATURE_TERMS` heaviest terms and each day of its
    window, and looks up the buckets of its own days (an incident has one day, so the lookup
    is short; filing is capped); a bucket
    keeps its first `BUCKET_SIZE` documents, so a term a thousand articles share costs no more
    than a rare one, and the articles of one big story still meet through their earliest
    reports. `joined(i, j)` says two documents are already in one story (the caller's
    union-find): their cosine is not worked out again.
    """
    vecs = vectors(docs)
    index: dict[tuple[str, int | None], list[int]] = defaultdict(list)
    for i, (doc, vec) in enumerate(zip(docs, vecs, strict=True)):
        signature = list(vec)[:SIGNATURE_TERMS]
        dated = any(d is not None for d in doc.days)
        # An undated article meets the first articles of any date that share its words; a
        # dated one meets the undated ones: words alone decide for them.
        lookup = [*doc.days, None] if dated else [None, _ANY_DAY]
        hits: Counter[int] = Counter()
        for term in signature:
            seen: set[int] = set()
            for day in lookup:
                for j in index.get((term, day), ()):
                    if j not in seen:
                        seen.add(j)
                        hits[j] += 1
        for j, shared in hits.items():
            if shared >= MIN_SHARED and not (joined and joined(i, j)):
                score = cosine(vec, vecs[j])
                if score >= threshold:
                    yield i, j, score
        for term in signature:
            for day in [*doc.window, _ANY_DAY] if dated else [None]:
                bucket = index[(term, day)]
                if len(bucket) < BUCKET_SIZE:
                    bucket.append(i)
