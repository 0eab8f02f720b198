"""How two figures about one event relate: agrees, compatible, contradicts, and the rest.

Two figures agree when they allow exactly the same interval, are compatible when their
intervals overlap, and contradict when no number satisfies both ("at least 6" and "exactly 5").
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.extract.numbers import find_quantities
from reconcile.ingest.text import read_text_article
from reconcile.model import Article, Claim
from reconcile.pipeline import analyse
from reconcile.relations import build_relations, interval_relation, relate


def claim(
    low: float | None,
    high: float | None,
    *,
    id: str = "c1",
    article: str = "a1",
    source: str = "Police",
    role: str = "official",
    qualifier: str = "exact",
    event: str = "E1",
    kind: str = "killed",
    zone: str = "body",
    sentence: str = "",
    start: int = 0,
) -> Claim:
    """Return a claim with the given interval (None = open end) and plain defaults."""
    figure = low if low is not None else high
    return Claim(
        id=id, article=article, kind=kind, low=low, high=high, qualifier=qualifier,
        figure=figure, stated=str(figure), subject="people", source=source,
        source_norm=source.lower(), source_role=role, cue="said", sentence=sentence,
        start=start, end=start + 1, zone=zone, event=event,
    )  # fmt: skip


def said(words: str, **kw) -> Claim:
    """Return a claim whose interval is what `words` allow ("at least three" -> 3..open)."""
    (q,) = find_quantities(words)
    return claim(q.low, q.high, qualifier=q.qualifier, **kw)


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("five", "at least three", "compatible"),
        ("at least six", "exactly 5", "contradicts"),
        ("471", "100-300", "contradicts"),
        ("five", "5", "agrees"),
        ("at least 22", "at least 22", "agrees"),
        ("at least 22", "17", "contradicts"),
        ("at least 22", "at least 20", "compatible"),
        ("up to 15", "nine", "compatible"),
        ("between 30 and 40", "about 30", "compatible"),
        ("more than 300", "300", "contradicts"),
        ("dozens", "40", "compatible"),
        ("hundreds", "about 600", "compatible"),
        ("eight", "at least 10", "contradicts"),
    ],
)
def test_interval_relation_on_hand_cases(a: str, b: str, relation: str) -> None:
    assert interval_relation(said(a, id="a"), said(b, id="b")) == relation
    assert interval_relation(said(b, id="b"), said(a, id="a")) == relation


def test_an_open_lower_end_is_not_the_same_as_zero() -> None:
    # "up to 15" read as 0..15 agrees with itself, but an interval open below does not
    # agree with one that starts at 0: they are different statements.
    assert interval_relation(claim(0, 15), claim(0, 15)) == "agrees"
    assert interval_relation(claim(None, 15), claim(0, 15)) == "compatible"


# --- properties -----------------------------------------------------------------------------

_bound = st.one_of(st.none(), st.integers(min_value=0, max_value=60))


@st.composite
def intervals(draw) -> tuple[int | None, int | None]:
    low, high = draw(_bound), draw(_bound)
    if low is not None and high is not None and low > high:
        low, high = high, low
    return low, high


def _as_real(low: int | None, high: int | None) -> tuple[float, float]:
    return (float("-inf") if low is None else low, float("inf") if high is None else high)


@given(intervals(), intervals())
def test_relations_are_symmetric(x, y) -> None:
    a, b = claim(*x, id="a"), claim(*y, id="b")
    assert interval_relation(a, b) == interval_relation(b, a)


@given(intervals(), intervals())
def test_agrees_exactly_when_the_intervals_are_equal(x, y) -> None:
    relation = interval_relation(claim(*x, id="a"), claim(*y, id="b"))
    assert (relation == "agrees") == (x == y)


@given(intervals(), intervals())
def test_contradicts_exactly_when_no_number_satisfies_both(x, y) -> None:
    (alo, ahi), (blo, bhi) = _as_real(*x), _as_real(*y)
    disjoint = ahi < blo or bhi < alo
    relation = interval_relation(claim(*x, id="a"), claim(*y, id="b"))
    assert (relation == "contradicts") == disjoint
    assert relation in ("agrees", "compatible", "contradicts")


@given(intervals(), st.integers(min_value=0, max_value=60))
def test_an_exact_figure_inside_a_range_is_never_a_contradiction(x, n) -> None:
    low, high = _as_real(*x)
    relation = interval_relation(claim(*x, id="a"), claim(n, n, id="b"))
    if low <= n <= high:
        assert relation in ("agrees", "compatible")
    else:
        assert relation == "contradicts"


# --- findings between claims ----------------------------------------------------------------


def test_a_headline_that_repeats_a_sources_figure_drops_the_attribution() -> None:
    headline = claim(5, 5, id="h", source="unattributed", role="outlet", zone="headline")
    militia = claim(5, 5, id="m", source="Kataib Hezbollah", role="party", start=500)
    found = relate(headline, militia, {"a1": "2023-11-22"})
    assert (found.type, found.a, found.b) == ("attribution_dropped", "h", "m")
    assert "Kataib Hezbollah is the source" in found.note


def test_a_later_higher_figure_from_the_same_source_is_an_update() -> None:
    sunday = claim(15, 15, id="sun", article="a1", source="Health Ministry", role="medical")
    monday = claim(19, 19, id="mon", article="a2", source="Health Ministry", role="medical")
    found = relate(monday, sunday, {"a1": "2025-03-16", "a2": "2025-03-17"})
    assert (found.type, found.a, found.b) == ("updated", "sun", "mon")
    assert "rose" in found.note


def test_two_sources_disagreeing_on_the_same_day_contradict() -> None:
    police = claim(8, 8, id="p", article="a1", source="police")
    hospital = claim(
        10, None, id="h", article="a2", source="a hospital source", qualifier="at_least"
    )
    found = relate(police, hospital, {"a1": "2025-03-15", "a2": "2025-03-15"})
    assert found.type == "contradicts"


def test_claims_about_different_events_are_never_compared() -> None:
    here = claim(6, 6, id="here", event="E1")
    there = claim(40, 40, id="there", event="E2")
    assert build_relations([here, there], [Article(id="a1", path="", text="")]) == []


def test_a_breakdown_is_a_subset_of_its_total() -> None:
    total = claim(12, 12, id="total")
    children = claim(5, 5, id="kids")
    children.part_of = "total"
    relations = build_relations([total, children], [Article(id="a1", path="", text="")])
    assert [(r.a, r.b, r.type) for r in relations] == [("kids", "total", "subset")]


# --- reconciled figures ---------------------------------------------------------------------


def _front(body: str, title: str, published: str) -> str:
    return f"---\ntitle: {title}\noutlet: The Test Courier\npublished: {published}\n---\n{body}\n"


def test_two_outlets_with_different_tolls_for_one_bombing_contradict() -> None:
    a = read_text_article(
        _front(
            "Eight people were killed when a bomb exploded in the market in Ostravel on "
            "Monday, police said.",
            "Bomb kills eight in Ostravel market",
            "2025-03-10",
        ),
        path="a.txt",
    )
    b = read_text_article(
        _front(
            "Twenty people were killed when a bomb exploded in the market in Ostravel on "
            "Monday, the Red Cross said.",
            "Ostravel market bomb kills 20",
            "2025-03-10",
        ),
        path="b.txt",
    )
    analysis = analyse([a, b])
    by_id = {c.id: c for c in analysis.claims}
    assert len({c.event for c in analysis.claims}) == 1, "one bombing, one event"
    contradictions = [
        {by_id[r.a].source, by_id[r.b].source}
        for r in analysis.relations
        if r.type == "contradicts"
    ]
    assert {"police", "the Red Cross"} in contradictions
    (killed,) = [r for r in analysis.reconciled if r.kind == "killed"]
    assert (killed.low, killed.high, killed.originators) == (8, 20, 2)


def test_a_toll_that_rose_within_one_article_keeps_the_latest_figure() -> None:
    article = read_text_article(
        _front(
            "The death toll from the bombing in Testville rose to 19 on Monday, the Health "
            "Ministry said. The ministry had put the toll at 15 on Sunday.",
            "Testville bombing toll rises to 19",
            "2025-03-17",
        ),
        path="toll.txt",
    )
    analysis = analyse([article])
    by_id = {c.id: c for c in analysis.claims}
    updates = [r for r in analysis.relations if r.type == "updated"]
    assert updates
    assert all((by_id[u.a].low, by_id[u.b].low) == (15, 19) for u in updates)
    (killed,) = analysis.reconciled
    assert killed.best == 19


def test_the_best_figure_lies_between_low_and_high() -> None:
    article = read_text_article(
        _front(
            "More than 300 civilians have been killed in Testville province since January, "
            "the Red Cross said.",
            "Red Cross report on Testville",
            "2025-03-17",
        ),
        path="toll.txt",
    )
    (killed,) = analyse([article]).reconciled
    assert killed.low <= killed.best
    assert killed.high is None or killed.best <= killed.high


def test_single_source_note_names_the_source_a_headline_repeats() -> None:
    article = read_text_article(
        _front(
            "Twelve people were killed when a bomb exploded in the market in Testville on "
            "Monday, police said.",
            "Bomb kills 12 in Testville market",
            "2025-03-17",
        ),
        path="single.txt",
    )
    (killed,) = analyse([article]).reconciled
    assert killed.originators == 1
    assert "single source (police, official)" in killed.note


def test_a_year_in_passing_does_not_split_an_incident() -> None:
    article = read_text_article(
        _front(
            "The militia said 14 of its fighters were killed in the strike on Testville, its "
            "heaviest loss since it took up arms in 2019.\n\nThe army said its strike on "
            "Testville killed 40 militants.",
            "Strike on Testville kills militia fighters",
            "2025-03-17",
        ),
        path="year.txt",
    )
    analysis = analyse([article])
    assert len({c.event for c in analysis.claims}) == 1
    assert [r.type for r in analysis.relations] == ["contradicts"]


def _party_headline_article():
    """A headline that states as fact the toll a party gives for its own members."""
    return read_text_article(
        _front(
            "The Testville Brigade said five of its members were killed in the strike on "
            "Testville.",
            "Strike kills five militants in Testville",
            "2025-03-17",
        ),
        path="party.txt",
    )


def test_a_headline_repeating_a_partys_own_count_drops_the_attribution() -> None:
    article = _party_headline_article()
    analysis = analyse([article])
    assert [r.type for r in analysis.relations] == ["attribution_dropped", "agrees"]
    (killed,) = analysis.reconciled
    assert killed.originators == 1
    assert "party to the conflict" in killed.note


_STATED = st.sampled_from(
    ["five", "12", "at least 10", "more than 20", "up to 15", "about 30", "nearly 50",
     "between 8 and 14", "dozens", "several", "one"]
)  # fmt: skip


@given(st.lists(st.tuples(_STATED, st.sampled_from(["Police", "Red Cross", "The army"])),
                min_size=1, max_size=6))  # fmt: skip
def test_the_reconciled_range_always_holds_its_best_figure(stated) -> None:
    from reconcile.rules import reconcile

    claims = [
        said(words, id=f"c{i}", article=f"a{i}", source=source, start=i)
        for i, (words, source) in enumerate(stated)
    ]
    (row,) = reconcile(claims, build_relations(claims, []), [])
    assert row.best is None or row.low <= row.best
    assert row.best is None or row.high is None or row.best <= row.high


def test_a_dropped_attribution_also_says_how_its_figures_compare_but_is_listed_once() -> None:
    from reconcile.report.findings import build_report

    article = _party_headline_article()
    analysis = analyse([article])
    pairs = {(r.type, frozenset((r.a, r.b))) for r in analysis.relations}
    assert {kind for kind, _ in pairs} == {"attribution_dropped", "agrees"}
    assert len({pair for _, pair in pairs}) == 1  # one pair carries both
    (event,) = build_report(analysis)
    assert [f.type for f in event.findings] == ["attribution_dropped"]
