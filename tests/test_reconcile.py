"""Reconciled figures: who backs each figure, counted by originator, and the toll's history."""

from __future__ import annotations

from conftest import front_matter

from reconcile.ingest.text import read_text_article
from reconcile.pipeline import analyse

WIRE = (
    "A car bomb exploded at the main bus station in Testville on Monday morning. Twelve people "
    "were killed and dozens wounded in the blast near the ticket hall."
)


def _article(body: str, title: str, outlet: str, published: str, path: str):
    text = front_matter(body, title=title, outlet=outlet, published=published)
    return read_text_article(text, path=path)


def test_a_wire_story_reprinted_by_two_outlets_is_one_originator() -> None:
    # Two outlets print the same agency copy, unattributed: one originator, not two.
    a = _article(WIRE, "Car bomb in Testville", "Daily One", "2025-04-07", "one.txt")
    b = _article(WIRE.replace("main bus", "central bus"), "Testville bombing", "Daily Two",
                 "2025-04-07", "two.txt")  # fmt: skip
    # The doctors' lower figure is a rival, not an earlier stage: a named source's count is not
    # overtaken by a higher one no one is named for.
    c = _article(
        "Doctors at Testville General Hospital said ten people were killed in the car bomb at "
        "the bus station in Testville on Monday.",
        "Hospital puts Testville toll at 10",
        "Daily Three",
        "2025-04-07",
        "three.txt",
    )
    analysis = analyse([a, b, c])
    assert len({cl.event for cl in analysis.claims if cl.kind == "killed"}) == 1
    (killed,) = [r for r in analysis.reconciled if r.kind == "killed"]
    by_figure = {f["low"]: f for f in killed.figures}
    assert by_figure[12]["originators"] == 1  # the wire copy, printed twice
    assert len(by_figure[12]["claims"]) >= 2
    assert by_figure[10]["originators"] == 1
    assert killed.originators == 2


def test_the_report_lists_superseded_figures_as_history() -> None:
    first = _article(
        "The Health Ministry said eight people were killed in the strike on Testville.",
        "Strike on Testville kills eight",
        "Daily One",
        "2025-04-07",
        "one.txt",
    )
    later = _article(
        "The Health Ministry said the death toll from the strike on Testville rose to 19.",
        "Testville toll rises to 19",
        "Daily One",
        "2025-04-08",
        "two.txt",
    )
    analysis = analyse([first, later])
    (killed,) = [r for r in analysis.reconciled if r.kind == "killed"]
    assert killed.best == 19
    current = {f["low"]: f["current"] for f in killed.figures}
    assert current == {19: True, 8: False}
    assert "superseded" in killed.note


def test_a_shared_wire_story_does_not_merge_two_outlets_on_other_incidents() -> None:
    # Daily One and Daily Two print the same agency copy about Testville: one originator there.
    # About a flood in Lowmarsh a week later each reports on its own, unattributed, the same
    # figure: two independent originators.
    a = _article(WIRE, "Car bomb in Testville", "Daily One", "2025-04-07", "one.txt")
    b = _article(WIRE, "Testville bombing", "Daily Two", "2025-04-07", "two.txt")
    flood_a = _article(
        "Floods swept through the village of Lowmarsh on Sunday. Six people drowned when the "
        "river burst its banks overnight.",
        "Lowmarsh floods kill six",
        "Daily One",
        "2025-04-14",
        "three.txt",
    )
    flood_b = _article(
        "Rescue teams in Lowmarsh recovered the bodies of six people after the flood on Sunday, "
        "the last of them near the old mill.",
        "Six dead in Lowmarsh flood",
        "Daily Two",
        "2025-04-14",
        "four.txt",
    )
    analysis = analyse([a, b, flood_a, flood_b])
    by_event = {r.event: r for r in analysis.reconciled if r.kind == "killed"}
    assert len(by_event) == 2
    originators = sorted(r.originators for r in by_event.values())
    assert originators == [1, 2]  # the wire story once; the flood twice


# --- what a counting project would sign --------------------------------------------------------


def test_a_count_of_one_group_is_never_the_reconciled_figure_for_everyone() -> None:
    one = _article(
        "Floods in Testville have displaced 300,000 people, the government said.",
        "Testville floods displace 300,000", "Daily One", "2025-04-07", "one.txt",
    )  # fmt: skip
    two = _article(
        "UNICEF said the floods in Testville had displaced 80,000 children.",
        "80,000 children displaced in Testville floods", "Daily Two", "2025-04-07", "two.txt",
    )  # fmt: skip
    analysis = analyse([one, two])
    (displaced,) = [r for r in analysis.reconciled if r.kind == "displaced"]
    assert (displaced.low, displaced.best) == (300_000, 300_000)
    assert "one part set aside" in displaced.note


def test_a_denial_set_against_reports_of_harm_is_named_not_averaged_in() -> None:
    one = _article(
        "Witnesses said 14 people were killed when troops opened fire on protesters in "
        "Testville on Monday. The army denied that anyone was killed.",
        "14 killed in Testville protest", "Daily One", "2025-04-07", "one.txt",
    )  # fmt: skip
    analysis = analyse([one])
    (killed,) = [r for r in analysis.reconciled if r.kind == "killed"]
    assert killed.low == 14
    assert "denies any" in killed.note


def test_the_best_figure_comes_from_a_named_source_when_there_is_one() -> None:
    analysis = analyse(
        [
            _article(WIRE, "Car bomb in Testville", "Daily One", "2025-04-07", "one.txt"),
            _article(
                "Doctors at Testville General Hospital said ten people were killed in the car "
                "bomb at the bus station in Testville on Monday.",
                "Testville car bomb", "Daily Three", "2025-04-07", "three.txt",
            ),
        ]
    )  # fmt: skip
    (killed,) = [r for r in analysis.reconciled if r.kind == "killed"]
    # The outlet's own 12 and the doctors' 10 are rivals: the range spans both, the best is
    # the named source's.
    assert (killed.low, killed.best, killed.high) == (10, 10, 12)


def test_an_outlets_lower_figure_of_the_day_is_an_earlier_stage_of_a_named_count() -> None:
    # The same day, one paper's own 12 and the doctors' 15: the toll rose between the desks'
    # reports, so the 12 is history and the current count is the doctors'.
    analysis = analyse(
        [
            _article(WIRE, "Car bomb in Testville", "Daily One", "2025-04-07", "one.txt"),
            _article(
                "Doctors at Testville General Hospital said 15 people were killed in the car "
                "bomb at the bus station in Testville on Monday.",
                "Testville car bomb", "Daily Three", "2025-04-07", "three.txt",
            ),
        ]
    )  # fmt: skip
    by_id = {c.id: c for c in analysis.claims}
    (stage,) = [
        r for r in analysis.relations
        if r.type == "updated" and {by_id[r.a].low, by_id[r.b].low} == {12, 15}
    ]  # fmt: skip
    assert (by_id[stage.a].low, by_id[stage.b].low) == (12, 15)
    assert "same day" in stage.note
    (killed,) = [r for r in analysis.reconciled if r.kind == "killed"]
    assert (killed.low, killed.best, killed.high) == (15, 15, 15)
