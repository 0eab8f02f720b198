"""Acceptance on the seed: the real TRT World article (22 November 2023) the project began from.

What a fact-checker should see: the headline states "five" killed as fact, but in the body the
five is Kataib Hezbollah's own claim (a party to the conflict); an Iraqi military official says
at least three killed and seven wounded; the two series of strikes and the two targets are the
outlet's; "dozens of recent attacks" counts a series of attacks, not this strike.
"""

from __future__ import annotations

import pytest
from conftest import SEED, assert_traceable

from reconcile.ingest import read_articles
from reconcile.model import Claim
from reconcile.pipeline import Analysis, analyse


@pytest.fixture(scope="module")
def seed() -> Analysis:
    return analyse(read_articles(SEED, outlet="TRT World"))


def claims_of(analysis: Analysis, kind: str, **where: object) -> list[Claim]:
    return [
        c
        for c in analysis.claims
        if c.kind == kind and all(getattr(c, k) == v for k, v in where.items())
    ]


def one(found: list[Claim]) -> Claim:
    assert len(found) == 1, [(c.kind, c.stated, c.source, c.zone) for c in found]
    return found[0]


def test_the_article_reads_as_trt_world_on_22_november_2023(seed: Analysis) -> None:
    (article,) = seed.articles
    assert article.outlet == "TRT World"
    assert article.published == "2023-11-22"
    assert article.title == "Fresh US air strikes kill five pro-Iran militants in Iraq"
    assert article.byline == "Rabiul Islam"


def test_every_seed_claim_traces_to_its_words(seed: Analysis) -> None:
    assert_traceable(seed.articles[0], seed.claims)


def test_headline_five_killed_is_the_outlets_own(seed: Analysis) -> None:
    c = one(claims_of(seed, "killed", zone="headline"))
    assert (c.low, c.high, c.qualifier, c.stated) == (5, 5, "exact", "five")
    assert c.source_role == "outlet"


def test_standfirst_two_targets(seed: Analysis) -> None:
    c = one(claims_of(seed, "targets", zone="standfirst"))
    assert (c.low, c.high, c.source_role) == (2, 2, "outlet")
    assert "operations centres" in c.subject


def test_body_five_killed_is_kataib_hezbollahs_claim(seed: Analysis) -> None:
    c = one(claims_of(seed, "killed", zone="body", qualifier="exact"))
    assert (c.low, c.high) == (5, 5)
    assert "Kataib Hezbollah" in c.source
    assert c.source_role == "party"
    assert c.source_norm == "kataib hezbollah"


def test_two_series_of_strikes_are_the_outlets(seed: Analysis) -> None:
    c = one(claims_of(seed, "strikes"))
    assert (c.low, c.high, c.source_role) == (2, 2, "outlet")


def test_dozens_of_recent_attacks_is_a_series_in_another_event(seed: Analysis) -> None:
    attacks = one(claims_of(seed, "attacks"))
    assert (attacks.low, attacks.qualifier) == (24, "vague")
    assert attacks.stated.lower().startswith("dozens")
    strike_events = {c.event for c in claims_of(seed, "strikes") + claims_of(seed, "killed")}
    assert strike_events and attacks.event not in strike_events


def test_iraqi_military_official_at_least_three_killed_seven_wounded(seed: Analysis) -> None:
    killed = one(claims_of(seed, "killed", qualifier="at_least"))
    wounded = one(claims_of(seed, "wounded"))
    assert (killed.low, killed.high, killed.stated) == (3, None, "at least three")
    assert (wounded.low, wounded.high) == (7, 7)
    for c in (killed, wounded):
        assert c.source == "An Iraqi military official"
        assert c.source_role == "anonymous_official"


def test_no_claim_comes_from_the_caption(seed: Analysis) -> None:
    (article,) = seed.articles
    (caption,) = [s for s in article.sections if s.zone == "caption"]
    assert "May 6, 2021" in article.text[caption.start : caption.end]
    assert not [c for c in seed.claims if caption.start <= c.start < caption.end]


@pytest.mark.parametrize("words", ["in 2014", "on Oct. 17", "May 6, 2021"])
def test_years_and_dates_are_not_claims(seed: Analysis, words: str) -> None:
    text = seed.articles[0].text
    at = text.index(words)
    assert not [c for c in seed.claims if c.start < at + len(words) and at < c.end]


def test_the_seed_has_exactly_these_claims(seed: Analysis) -> None:
    found = sorted((c.zone, c.kind, c.low, c.high, c.source_role) for c in seed.claims)
    assert found == sorted(
        [
            ("headline", "killed", 5, 5, "outlet"),
            ("standfirst", "targets", 2, 2, "outlet"),
            ("body", "killed", 5, 5, "party"),
            ("body", "strikes", 2, 2, "outlet"),
            ("body", "attacks", 24, 99, "outlet"),
            ("body", "killed", 3, None, "anonymous_official"),
            ("body", "wounded", 7, 7, "anonymous_official"),
        ]
    )


# --- the report -------------------------------------------------------------------------------


def _relation(seed: Analysis, type_: str, a: Claim, b: Claim):
    return [r for r in seed.relations if r.type == type_ and {r.a, r.b} == {a.id, b.id}]


def test_kataib_hezbollahs_five_and_the_officials_at_least_three_are_compatible(seed):
    militia = one(claims_of(seed, "killed", zone="body", qualifier="exact"))
    official = one(claims_of(seed, "killed", qualifier="at_least"))
    assert _relation(seed, "compatible", militia, official)
    assert not [r for r in seed.relations if r.type == "contradicts"]


def test_headline_five_drops_kataib_hezbollahs_attribution(seed: Analysis) -> None:
    headline = one(claims_of(seed, "killed", zone="headline"))
    militia = one(claims_of(seed, "killed", zone="body", qualifier="exact"))
    (dropped,) = [r for r in seed.relations if r.type == "attribution_dropped"]
    assert (dropped.a, dropped.b) == (headline.id, militia.id)


def test_reconciled_killed_is_three_to_five_with_the_party_noted(seed: Analysis) -> None:
    militia = one(claims_of(seed, "killed", zone="body", qualifier="exact"))
    (killed,) = [r for r in seed.reconciled if r.kind == "killed"]
    assert (killed.low, killed.high) == (3, 5)
    assert killed.best == 5
    assert killed.event == militia.event
    assert "party to the conflict" in killed.note
    assert "Kataib Hezbollah" in killed.note
    # The headline repeats the militia: two independent sources, not three.
    assert killed.originators == 2


def test_reconciled_wounded_is_single_source(seed: Analysis) -> None:
    (wounded,) = [r for r in seed.reconciled if r.kind == "wounded"]
    assert (wounded.low, wounded.best, wounded.high) == (7, 7, 7)
    assert "single source" in wounded.note
    assert "An Iraqi military official" in wounded.note


def test_vague_acled_reading_gives_one_floor_figure() -> None:
    analysis = analyse(read_articles(SEED, outlet="TRT World"), rule="acled", vague="acled")
    (attacks,) = [r for r in analysis.reconciled if r.kind == "attacks"]
    assert (attacks.low, attacks.best, attacks.high) == (12, 12, 12)
    (killed,) = [r for r in analysis.reconciled if r.kind == "killed"]
    assert (killed.low, killed.best, killed.high) == (3, 3, 3)


def test_the_headline_five_is_backed_by_kataib_hezbollah_by_name(seed: Analysis) -> None:
    # The headline restates the militia's figure: one originator, named as the body names it.
    (killed,) = [r for r in seed.reconciled if r.kind == "killed" and r.event == "E1"]
    five = next(f for f in killed.figures if f["low"] == 5)
    assert five["originators"] == 1
    assert five["sources"] == ["Iraq's Kataib Hezbollah militia"]
