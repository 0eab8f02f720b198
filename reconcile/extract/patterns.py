"""Word lists compiled into fast regular expressions.

Python's `re` tries every branch of an alternation at every position, so a list of a hundred
words costs a hundred attempts per character. Built as a trie ("str(?:ike(?:s)?|uck)"), each
position tries only the branches that start with its character: 3-4 times faster on news
text (measured on the bench corpus), with the same matches, longest first. A lookahead of the
first letters in front lets `re` skip the positions where no word starts.
"""

from __future__ import annotations

import re

# Characters that mark a word-list entry as a regex fragment ("hospitali[sz]ed", "neighbou?r").
_FRAGMENT = re.compile(r"[\[\]?]")


_GAP = r"(?:\s+|-)"
_GAPS = re.compile(r"(?:\s+|-)")


def phrase_key(words: str) -> str:
    """Return the key a lexicon phrase is looked up by: lower case, one space for each gap
    (whitespace or hyphen), as `alternation` matches them."""
    return _GAPS.sub(" ", words.lower())


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """Return a regex matching any of the phrases, longest first. A space matches any
    whitespace or a hyphen: a phrase used as a modifier is hyphenated ("unaccounted-for people").

    It opens with a lookahead for the phrases' first letters: `re` then skips, in C, every
    position where no phrase can start (measured 1.5 times faster on news text).
    """
    plain = sorted({w.lower() for w in words if not _FRAGMENT.search(w)})
    fragments = sorted({w for w in words if _FRAGMENT.search(w)}, key=len, reverse=True)
    parts = []
    if plain:
        parts.append(_trie_regex(_trie(plain)))
    parts.extend(w.replace(" ", _GAP) for w in fragments)
    return starts_with(plain + fragments) + "(?:" + "|".join(parts) + ")"


def starts_with(words: list[str] | tuple[str, ...], extra: str = "") -> str:
    """Return a lookahead for the first characters of the words (either case) and `extra`,
    a character-class body such as `0-9`; "" when a word starts with regex syntax."""
    firsts = {w[0] for w in words if w}
    if not firsts or any(not c.isalnum() for c in firsts):
        return ""
    chars = sorted({c for f in firsts for c in (f.lower(), f.upper())})
    return "(?=[" + extra + re.escape("".join(chars)) + "])"


def _trie(words: list[str]) -> dict:
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _trie_regex(node: dict) -> str:
    ends_here = "" in node
    branches = []
    for char in sorted(k for k in node if k):
        piece = _GAP if char == " " else re.escape(char)
        branches.append(piece + _trie_regex(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Optional and greedy: the longer word wins where a shorter one ends ("strike", "strikes").
    return f"(?:{body})?" if ends_here else body
