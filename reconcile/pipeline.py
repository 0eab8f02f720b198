"""The whole path from articles to a report's data: extract, group, relate, reconcile.

`check(articles)` is what `reconcile check` runs; it keeps nothing between runs. Each step is a
function of the step before, so the store and the report can call the same steps.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from reconcile.events import counted_in_its_incident, frame_article, group_events
from reconcile.executors import Executor, gc_paused, make_executor
from reconcile.extract.claims import extract_claims
from reconcile.extract.sentences import split_sentences
from reconcile.ingest.offsets import evidence
from reconcile.model import MAX_FIGURE, Article, Claim, Event, Reconciled, Relation
from reconcile.relations import build_relations
from reconcile.rules import reconcile
from reconcile.settings import Settings

# Below this many articles a process pool costs more to start than it saves.
PARALLEL_MIN_ARTICLES = 200
CHUNK_ARTICLES = 100


def extract_framed(article: Article, vague: str = "interval") -> list[Claim]:
    """Return an article's claims with their trigger, place and scope set.

    Both steps are pure functions of the one article, so they run together in the worker that
    extracts it, and grouping (across articles) only joins what they found.
    """
    # One split of the article serves both: the extractor reads it by section.
    sentences = split_sentences(article.text)
    claims = [c for c in extract_claims(article, vague, sentences) if countable(c)]
    frame_article(article, claims, sentences)
    return [c for c in claims if counted_in_its_incident(c)]


def countable(claim: Claim) -> bool:
    """Return True when the claim's figures are finite and no larger than MAX_FIGURE (a safety
    net behind the number reader: no claim the store or JSON cannot hold gets through)."""
    return all(
        bound is None or abs(bound) <= MAX_FIGURE  # False for inf and nan too
        for bound in (claim.low, claim.high, claim.figure)
    )


def _extract_chunk(args: tuple[list[Article], Settings]) -> list[Claim]:
    articles, settings = args
    # A worker may be a fresh interpreter (spawn, Dask): it learns the run's kinds and aliases.
    settings.install()
    with gc_paused():
        return [c for a in articles for c in extract_framed(a, vague=settings.vague)]


def extract_all(
    articles: Iterable[Article],
    jobs: int = 0,
    vague: str = "interval",
    progress: Callable[[int, int], None] | None = None,
    settings: Settings | None = None,
    start_method: str | None = None,
    executor: Executor | None = None,
) -> list[Claim]:
    """Return the claims of all articles, in article order, extracted by `executor` (default:
    `jobs` processes).

    Extraction is a pure function of each article and the settings, so chunks go to the
    executor with the settings beside them. `jobs` 0 means one process per core once there are
    enough articles to pay for the pool. `start_method` ("fork", "spawn", "forkserver") picks
    how pool workers start; the results are the same with each, and with Dask. `articles` may
    be a stream (a generator reading files): it is read only as workers take its chunks.
    """
    total = len(articles) if isinstance(articles, Sized) else 0
    if jobs <= 0:
        jobs = parallel_jobs(total)
    own = executor is None
    executor = executor or make_executor("processes", jobs, start_method=start_method)
    try:
        claims: list[Claim] = []
        for _chunk, found in extract_chunks(
            articles, executor, settings or Settings.current(vague=vague), progress, total
        ):
            claims.extend(found)
    finally:
        if own:
            executor.close()
    return claims


def parallel_jobs(articles: int) -> int:
    """Return the processes worth starting for this many articles: one per core once there
    are enough to pay for a pool, else one."""
    return (os.cpu_count() or 1) if articles >= PARALLEL_MIN_ARTICLES else 1


def extract_chunks(
    articles: Iterable[Article],
    executor: Executor,
    settings: Settings,
    progress: Callable[[int, int], None] | None = None,
    total: int = 0,
) -> Iterator[tuple[list[Article], list[Claim]]]:
    """Yield (chunk of articles, their framed claims) in article order, reading `articles` only
    as the executor takes chunks, so a stream larger than memory can be extracted.

    A surname is unified with a full name from another article only within an event, when
    relations are built (`build_relations`).
    `progress(done, total)` counts articles (total 0 when the stream's length is unknown).
    """
    chunks = _chunked(articles, CHUNK_ARTICLES)
    sent: deque[list[Article]] = deque()

    def work() -> Iterator[tuple[list[Article], Settings]]:
        for chunk in chunks:
            sent.append(chunk)
            yield chunk, settings

    done = 0
    for found in executor.map(_extract_chunk, work()):
        chunk = sent.popleft()
        done += len(chunk)
        if progress:
            progress(done, max(total, done))
        yield chunk, found


def _chunked(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


# A claim's fields in the JSON contract: the spine's, then those added later (only ever added).
CLAIM_KEYS = (
    "id", "article", "kind", "low", "high", "qualifier", "subject", "source", "source_role",
    "cue", "sentence", "start", "end", "event",
    "stated", "figure", "source_norm", "zone", "hedge", "part_of", "origin",
)  # fmt: skip
# A claim's row in JSON and CSV: its fields, then where its figure stands (`path:start-end`,
# offsets into the file for text files, into the extracted text otherwise).
CLAIM_ROW_KEYS = CLAIM_KEYS + ("evidence",)


@dataclass
class Analysis:
    """Everything a report shows: articles, claims, events, relations and reconciled figures."""

    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    reconciled: list[Reconciled] = field(default_factory=list)
    # Set by `reconcile.review.shape` for a reviewed store: {"findings": {(a, b, type): review},
    # "claims": {id: review}, "figures": {(event, kind): review}}; None when nothing is reviewed
    # (then the JSON carries no `review` fields at all).
    review: dict[str, dict[Any, Any]] | None = None
    # Each reconciliation rule's rows by name (ucdp, acled, ibc) when asked for side by side
    # (`--rule all`, `reconcile.rules.rule_views`); None otherwise.
    by_rule: dict[str, list[Reconciled]] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract: articles, claims, events, relations, reconciled."""
        return {name: list(rows) for name, rows in self.sections()}

    def sections(self) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
        """Yield the JSON contract's lists as (name, rows made one at a time), in order, so a
        writer can stream a corpus's million relations without holding them all as dicts."""
        yield "articles", (a.to_row() for a in self.articles)
        by_id = {a.id: a for a in self.articles}
        if self.review is not None:
            yield from self._reviewed_sections(self.review, by_id)
            return
        yield "claims", (self._claim_row(c, by_id) for c in self.claims)
        yield "events", (
            {"id": e.id, "label": e.label, "claims": e.claims, "place": e.place,
             "date": e.date, "trigger": e.trigger, "scope": e.scope}
            for e in self.events
        )  # fmt: skip
        yield "relations", (r.to_row() for r in self.relations)
        yield "reconciled", (r.to_row() for r in self.reconciled)

    @staticmethod
    def _claim_row(claim: Claim, articles: dict[str, Article]) -> dict[str, Any]:
        """Return a claim's contract fields and its evidence (`path:start-end` in the file)."""
        row = {k: getattr(claim, k) for k in CLAIM_KEYS}
        row["evidence"] = evidence(articles.get(claim.article), claim.article, claim.start,
                                   claim.end)  # fmt: skip
        return row

    def _reviewed_sections(
        self, review: dict[str, dict[Any, Any]], articles: dict[str, Article]
    ) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
        """Yield claims, events, relations and reconciled rows, each with its `review` (null
        while open)."""
        claims, findings, figures = review["claims"], review["findings"], review["figures"]
        yield (
            "claims",
            ({**self._claim_row(c, articles), "review": claims.get(c.id)} for c in self.claims),
        )
        yield "events", (
            {"id": e.id, "label": e.label, "claims": e.claims, "place": e.place,
             "date": e.date, "trigger": e.trigger, "scope": e.scope}
            for e in self.events
        )  # fmt: skip
        yield (
            "relations",
            ({**r.to_row(), "review": findings.get((r.a, r.b, r.type))} for r in self.relations),
        )
        yield (
            "reconciled",
            ({**r.to_row(), "review": figures.get((r.event, r.kind))} for r in self.reconciled),
        )


def analyse(
    articles: list[Article],
    claims: list[Claim] | None = None,
    rule: str = "range",
    vague: str = "interval",
    jobs: int = 0,
    framed: bool = False,
    settings: Settings | None = None,
) -> Analysis:
    """Return the analysis of articles (extracting their claims unless `claims` is given).

    `framed` says given claims already carry their trigger, place and scope (as extracted and
    stored claims do). The store runs the same steps itself, so that it can keep its event ids
    and corrections and relate only the groups an ingest changed.
    """
    settings = settings or Settings.current(vague=vague, rule=rule)
    if claims is None:
        claims = extract_all(articles, jobs=jobs, settings=settings)
        framed = True
    events = group_events(articles, claims, framed=framed)
    relations = build_relations(claims, articles)
    reconciled = reconcile(claims, relations, articles, rule=settings.rule)
    return Analysis(articles, claims, events, relations, reconciled)
