"""Shared test helpers: invented articles written in the two layouts `reconcile` reads.

Every article here is invented. `make_article` wraps a body in YAML-style front matter, the way
a user saves an article by hand; `claims_in` extracts the body's claims and checks that each one
traces back to its words. Hypothesis runs without a deadline: no test depends on the clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from postgres_server import Server

from reconcile.extract.claims import extract_claims
from reconcile.ingest.text import read_text_article
from reconcile.model import Article, Claim

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
ARTICLES = FIXTURES / "articles"
SEED = FIXTURES / "seed" / "trt-world-2023-11-22-us-strikes-iraq.txt"

settings.register_profile("reconcile", deadline=None)
settings.load_profile("reconcile")


def front_matter(
    body: str,
    title: str = "Blast hits market in Testville",
    outlet: str = "The Test Courier",
    published: str = "2025-03-10",
) -> str:
    """Return article text with front matter, as a user would save it."""
    return f"---\ntitle: {title}\noutlet: {outlet}\npublished: {published}\n---\n{body}\n"


def make_article_from(body: str, **meta: str) -> Article:
    return read_text_article(front_matter(body, **meta), path="invented.txt")


def one(claims: list[Claim], kind: str | None = None) -> Claim:
    """Return the only claim (of a kind), failing with the claims found otherwise."""
    found = [c for c in claims if kind is None or c.kind == kind]
    assert len(found) == 1, [(c.kind, c.stated, c.source) for c in claims]
    return found[0]


def assert_traceable(article: Article, claims: list[Claim]) -> None:
    """Every figure must point at its own words and its sentence in the article text."""
    for claim in claims:
        assert article.text[claim.start : claim.end] == claim.stated, claim
        assert article.text[claim.sentence_start : claim.sentence_end] == claim.sentence, claim
        assert claim.sentence_start <= claim.start < claim.end <= claim.sentence_end, claim


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """Return a factory: body text (and optional title/outlet/published) -> Article."""
    return make_article_from


@pytest.fixture
def claims_in() -> Callable[..., list[Claim]]:
    """Return a factory: body text -> the claims extracted, each checked to trace to its text."""

    def extract(body: str, vague: str = "interval", **meta: str) -> list[Claim]:
        article = make_article_from(body, **meta)
        claims = extract_claims(article, vague=vague)
        assert_traceable(article, claims)
        # The headline of the default front matter carries no figure: only body claims remain.
        return [c for c in claims if c.zone == "body"]

    return extract


# Numbers in English words, written apart from the code under test (the oracle of the number
# reading tests).
_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(n: int, hyphen: bool = True, use_and: bool = True) -> str:
    """Return n (1..10^10) in English words with scales, written apart from the code under test."""

    def under_thousand(m: int) -> list[str]:
        hundreds, rest = divmod(m, 100)
        words = [_ONES[hundreds], "hundred"] if hundreds else []
        if rest and hundreds and use_and:
            words.append("and")
        if 0 < rest < 20:
            words.append(_ONES[rest])
        elif rest:
            tens, units = divmod(rest, 10)
            if not units:
                words.append(_TENS[tens])
            else:
                words += (
                    [f"{_TENS[tens]}-{_ONES[units]}"] if hyphen else [_TENS[tens], _ONES[units]]
                )
        return words

    words: list[str] = []
    for scale, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"), (1, "")):
        part, n = divmod(n, scale)
        if part:
            words += under_thousand(part) + ([name] if name else [])
    return " ".join(words)


# --- the store's two backends ------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Server]:
    """A throwaway PostgreSQL server for the session (tests/postgres_server.py)."""
    server = Server()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Return where a test's store lives: a new SQLite file, or a new PostgreSQL database
    (skipped, saying why, when no server can run here)."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    server = request.getfixturevalue("postgres_server")
    if server.why_not:
        pytest.skip(f"PostgreSQL tests skipped: {server.why_not}")
    return server.create_database()


CORPUS_FILES = sorted(str(p) for p in (FIXTURES / "corpus").glob("*.txt"))


@pytest.fixture
def db(store_target: str) -> str:
    """A store holding the fixture corpus, ingested through the CLI: a SQLite file, and (a second
    run) a PostgreSQL database. A test module that wants an empty store defines its own `db`."""
    from typer.testing import CliRunner

    from reconcile.cli import app

    result = CliRunner().invoke(app, ["ingest", *CORPUS_FILES, "--db", store_target])
    assert result.exit_code == 0, result.output
    return store_target
