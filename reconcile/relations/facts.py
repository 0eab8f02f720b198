"""What relating reads of one claim, worked out once per claim instead of once per pair.

A figure of a large event meets dozens of others (its nearest 30 figures by date, every
statement of its own article), and each comparison read the same things of it again: its
interval, how loosely its words bound it, the cue words around it, the group it counts. A
`Facts` record holds them, built once before the pairs are compared; what only some
comparisons need (the places its sentence joins, the day its words give) is read the first
time it is asked for and kept.
"""

from __future__ import annotations

from reconcile.model import Claim
from reconcile.relations.cues import cues_of, loose_interval
from reconcile.relations.scope import joined_places, narrow, sentence_places, subject_group
from reconcile.relations.timing import own_date

# Cue classes that place a figure in time, correct it or reject it.
MOVES = frozenset({"earlier", "later", "revision", "rejected"})
_UNREAD = object()  # a lazily read value not asked for yet (None is a value: "no day")


class Facts:
    """One claim as relating reads it: the claim, its interval and loose interval, its cue
    classes, its group (and the narrower part of the victims it names), the places its own
    sentence names, its article's day."""

    __slots__ = ("claim", "interval", "loose", "cues", "moves", "group", "narrow", "places",
                 "published", "restated", "_joined", "_day")  # fmt: skip

    def __init__(self, claim: Claim, published: dict[str, str | None]) -> None:
        self.claim = claim
        self.interval = claim.interval
        self.loose = loose_interval(claim)
        self.cues = cues_of(claim)
        self.moves = self.cues & MOVES  # words that place the figure in time or retract it
        self.group = subject_group(claim)
        self.narrow = narrow(self.group)
        self.places = sentence_places(claim.sentence)
        self.published = published.get(claim.article)
        # An outlet's own figure that a named source gives in the same report (the headline's
        # "kills 20" over "20 died, the Red Cross said"): set by build_relations.
        self.restated = False
        self._joined: frozenset[str] | None = None
        self._day: object = _UNREAD

    def joined_places(self) -> frozenset[str]:
        """Return the keys of the places the claim's sentence joins ("in Velmora and Ostrel")."""
        if self._joined is None:
            self._joined = joined_places(self.claim.sentence)
        return self._joined

    def own_day(self) -> str | None:
        """Return the day the claim's sentence dates it to, None when it names no other day
        than its article's."""
        if self._day is _UNREAD:
            self._day = own_date(self.claim.sentence, self.published)
        return self._day  # type: ignore[return-value]
