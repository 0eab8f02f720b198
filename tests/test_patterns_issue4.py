"""The harder reporting patterns, each with the claim a fact-checker codes from it.

One invented sentence (or two) per pattern; each expects the kind, interval, source and role.
"""

from __future__ import annotations

import pytest
from conftest import one

OPEN = None


@pytest.mark.parametrize(
    ("body", "kind", "low", "high", "source", "role"),
    [
        # active voice and participles
        ("Air strikes killed eight people in Velmora, the civil defence said.",
         "killed", 8, 8, "the civil defence", "medical"),
        ("Rockets hit the market, killing at least 12 people, police said.",
         "killed", 12, OPEN, "police", "official"),
        ("The blast left three dead, according to the Red Crescent.",
         "killed", 3, 3, "the Red Crescent", "ngo"),
        ("The death toll rose to 40, the Health Ministry said.",
         "killed", 40, 40, "the Health Ministry", "medical"),
        # ranges and approximations
        ("Between 30 and 40 people were wounded, a hospital director said.",
         "wounded", 30, 40, "a hospital director", "medical"),
        ("Police said 30-40 people were arrested.", "arrested", 30, 40, "Police", "official"),
        ("Some 200 families fled, the UN refugee agency said.",
         "displaced", 170, 230, "the UN refugee agency", "ngo"),
        ("Nearly 50 people were injured, witnesses said.", "wounded", 42, 50, "witnesses",
         "witness"),
        ("More than a dozen people were killed, a local official said.",
         "killed", 13, OPEN, "a local official", "anonymous_official"),
        ("Tens of people were detained, activists said.", "arrested", 20, 99, "activists",
         "ngo"),
    ],
)  # fmt: skip
def test_pattern_gives_the_coded_claim(claims_in, body, kind, low, high, source, role) -> None:
    c = one(claims_in(body))
    assert (c.kind, c.low, c.high, c.source, c.source_role) == (kind, low, high, source, role)


def test_bringing_the_toll_to_is_the_new_total(claims_in) -> None:
    claims = claims_in(
        "Two more bodies were found on Monday, bringing the toll to 19, the governor said."
    )
    toll = next(c for c in claims if c.stated == "19")
    assert (toll.kind, toll.low, toll.high, toll.source, toll.source_role) == (
        "killed",
        19,
        19,
        "the governor",
        "official",
    )


def test_the_group_said_resolves_to_the_group_named_before(claims_in) -> None:
    claims = claims_in(
        "The Free Hills Brigade claimed the ambush on Sunday. The group said 11 soldiers were "
        "killed."
    )
    c = one(claims)
    assert (c.kind, c.low, c.source, c.source_role) == (
        "killed",
        11,
        "The Free Hills Brigade",
        "party",
    )


def test_two_of_them_women_is_a_part_of_the_total(claims_in) -> None:
    total, part = claims_in("Police said nine people were killed, two of them women.")
    assert (total.kind, total.low, total.part_of) == ("killed", 9, "")
    assert (part.kind, part.low, part.part_of) == ("killed", 2, total.id)


def test_unconfirmed_reports_keep_their_hedge(claims_in) -> None:
    c = one(claims_in("Unconfirmed reports said 20 people were killed in the village."))
    assert (c.kind, c.low) == ("killed", 20)
    assert "unconfirmed" in c.hedge.lower()


@pytest.mark.parametrize(
    "body",
    [
        "The bomb went off outside 14 Harbour Street, police said.",
        "Police said 14 vehicles were damaged in the blast.",
        'The documentary "40 Days of Fire" was shown in the town, police said.',
    ],
)
def test_street_numbers_vehicles_and_titles_are_not_claims(claims_in, body: str) -> None:
    assert claims_in(body) == []


def test_a_speaker_named_after_the_figures_with_this_takes_them(claims_in) -> None:
    claims = claims_in(
        "Dozens of people died and more than a hundred were hurt. Pavlo Kerenko, head of the "
        "Velmora Regional Administration, announced this on Telegram."
    )
    assert [(c.kind, c.source, c.source_role, c.cue) for c in claims] == [
        ("killed", "Pavlo Kerenko, head of the Velmora Regional Administration", "official",
         "announced"),
        ("wounded", "Pavlo Kerenko, head of the Velmora Regional Administration", "official",
         "announced"),
    ]  # fmt: skip


def test_this_was_confirmed_by_gives_the_previous_figures_their_source(claims_in) -> None:
    c = one(
        claims_in(
            "Twelve people were wounded in the suburbs. This was confirmed by the regional "
            "health department."
        )
    )
    assert (c.kind, c.low, c.source, c.source_role) == (
        "wounded",
        12,
        "the regional health department",
        "medical",
    )


def test_this_morning_is_a_time_not_a_back_reference(claims_in) -> None:
    # "said this morning" ends the cue; the figure is the mayor's, and nothing points back.
    first, second = claims_in(
        "Five people were arrested overnight. Nine others were detained, the mayor said this morning."
    )
    assert (first.source_role, second.source, second.source_role) == (
        "outlet",
        "the mayor",
        "official",
    )


def test_a_new_paragraph_is_not_attributed_back(claims_in) -> None:
    c = one(
        claims_in("Twelve people were wounded.\n\nThe governor said this in a statement later.")
    )
    assert c.source_role == "outlet"


def test_a_correction_withdraws_the_old_figure_and_states_the_new_one(claims_in) -> None:
    c = one(
        claims_in(
            "Correction: An earlier version of this article said 15 people were killed in the "
            "strike; the correct figure is 25."
        )
    )
    assert (c.kind, c.low, c.high, c.source_role) == ("killed", 25, 25, "outlet")
