"""Word lists compiled as tries match exactly what the plain alternation matched.

`reconcile.extract.patterns.alternation` turns a word list into a trie-shaped regex for speed;
a user relies on it finding the same phrase, longest first, that a plain "a|b|c" list would.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reconcile.extract.patterns import alternation


def _plain(words: list[str]) -> str:
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_words = st.lists(
    st.text(alphabet="abs ", min_size=1, max_size=6).filter(lambda w: w.strip() == w),
    min_size=1,
    max_size=8,
)


@given(words=_words, text=st.text(alphabet="abs \n", max_size=30))
def test_trie_finds_the_same_longest_phrases_as_a_plain_alternation(words, text):
    bounded = r"\b(?:{})\b"
    trie = re.compile(bounded.format(alternation(words)))
    plain = re.compile(bounded.format(_plain(words)))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_longer_word_wins_where_a_shorter_one_ends():
    pattern = re.compile(r"\b(?:" + alternation(["strike", "strikes", "struck"]) + r")\b")
    assert [m.group(0) for m in pattern.finditer("strikes struck a strike")] == [
        "strikes",
        "struck",
        "strike",
    ]


def test_fragments_keep_their_regex_meaning():
    pattern = re.compile(r"\b(?:" + alternation(["hospitali[sz]ed", "neighbou?rs"]) + r")\b")
    assert pattern.search("were hospitalized")
    assert pattern.search("their neighbors said")
