"""Plain typed data: articles, claims, events, relations and reconciled figures.

Every object converts to a flat dict row (for pandas, JSON and SQLite) and back. Nothing here
knows how it was produced; the pipeline modules fill these in.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import asdict, dataclass, field, fields
from operator import attrgetter
from typing import Any

OPEN = None  # an open interval end is None in data and null in JSON
# The largest figure a claim may hold: the number reader decides what a plausible count is;
# past this a figure counts nothing real (and past 2**63 SQLite cannot store it whole).
MAX_FIGURE = 10**15


def content_id(prefix: str, *parts: object, length: int = 12) -> str:
    """Return a short stable id from the given parts (same parts, same id, on any machine)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:length]}"


@dataclass(slots=True)
class Section:
    """A run of article text with a layout role: headline, standfirst, caption, byline, ..."""

    zone: str
    start: int
    end: int


@dataclass(slots=True)
class Article:
    """One news article: its text and what we know of where it came from."""

    id: str
    path: str
    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: str | None = None  # ISO date, yyyy-mm-dd
    byline: str = ""
    sections: list[Section] = field(default_factory=list)
    # Article text offset -> file offset breakpoints (see ingest/offsets.py); None: the text
    # was extracted (HTML, JSON feeds), so evidence offsets index the article text itself.
    file_map: list[list[int]] | None = None

    @classmethod
    def from_text(cls, text: str, path: str = "", **meta: Any) -> Article:
        """Return an Article whose id is derived from its text, so re-reading gives the same id."""
        return cls(id=content_id("a", text), path=path, text=text, **meta)

    def zone_at(self, offset: int) -> str:
        """Return the layout zone ('headline', 'body', ...) that contains a character offset."""
        for section in self.sections:
            if section.start <= offset < section.end:
                return section.zone
        return "body"

    def to_row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "offsets": "file" if self.file_map is not None else "extracted text",
        }


@dataclass(slots=True)
class Claim:
    """A figure someone states: what is counted, how many (an interval), and who says so.

    `low`/`high` are the interval the words allow (None = open); `figure` is the number as
    stated ("at least three" -> 3) and `qualifier` names how the words bound it.
    `start`/`end` are character offsets of the figure's phrase in the article text, and
    `sentence_start`/`sentence_end` those of its sentence, so every number traces to text.
    """

    id: str
    article: str
    kind: str
    low: float | None
    high: float | None
    qualifier: str
    figure: float | None
    stated: str
    subject: str
    source: str
    source_norm: str
    source_role: str
    cue: str
    sentence: str
    start: int
    end: int
    sentence_start: int = 0
    sentence_end: int = 0
    zone: str = "body"
    hedge: str = ""
    part_of: str = ""  # id of the total this figure is a breakdown of ("including five children")
    event: str = ""
    origin: str = "machine"  # "machine" (extracted) or "human" (claim sheet)
    place: str = ""
    trigger: str = ""
    scope: str = ""  # "" for an incident, or the words marking a cumulative count ("since 2014")
    posted: str = ""  # a live blog's entry time ("21:20", 24-hour) the figure stands under, or ""
    # The days ("first/last", ISO) the article tells its incident happened on, when that is
    # well before its publication ("the attack occurred on August 24"), or "".
    told: str = ""

    @property
    def interval(self) -> tuple[float, float]:
        """Return (low, high) with open ends as -inf/+inf, for comparing intervals."""
        low = -math.inf if self.low is None else self.low
        high = math.inf if self.high is None else self.high
        return low, high

    def to_row(self) -> dict[str, Any]:
        # Every field is a plain value, so a shallow dict is the same as `asdict`, which
        # deep-copies field by field and was a tenth of a large ingest.
        return {name: getattr(self, name) for name in _CLAIM_FIELDS}

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Claim:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in row.items() if k in names})

    def __reduce__(self) -> tuple[type[Claim], tuple[Any, ...]]:
        # Pickled as its field values in order, rebuilt by the constructor: half the time and
        # three quarters of the bytes of the default state, and claims cross to and from the
        # worker processes by the hundred thousand (extracted, then related).
        return Claim, _claim_values(self)


_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))
_claim_values = attrgetter(*_CLAIM_FIELDS)


@dataclass(slots=True)
class Event:
    """A real-world incident (or a cumulative series) that claims are about."""

    id: str
    label: str
    claims: list[str] = field(default_factory=list)
    trigger: str = ""
    place: str = ""
    date: str | None = None
    scope: str = ""

    def to_row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Relation:
    """How two claims about the same event and kind relate: agrees, contradicts, ..."""

    a: str
    b: str
    type: str
    note: str = ""

    def to_row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Reconciled:
    """The low/best/high figures for one event and kind, with the rule and the evidence."""

    event: str
    kind: str
    low: float | None
    best: float | None
    high: float | None
    rule: str
    note: str = ""
    claims: list[str] = field(default_factory=list)
    originators: int = 0
    # Each distinct figure: low, high, stated, originators, sources, claims, current.
    figures: list[dict[str, Any]] = field(default_factory=list)

    def to_row(self) -> dict[str, Any]:
        return asdict(self)
