"""The harder reporting patterns, each with the claim a fact-checker codes from it.

One invented sentence (or two) per pattern; each expects the kind, interval, source and role.
"""

from __future__ import annotations

import pytest

from reconcile.model import Claim

OPEN = None


def one(claims: list[Claim], kind: str | None = None) -> Claim:
    found = [c for c in claims if kind is None or c.kind == kind]
    assert len(found) == 1, [(c.kind, c.stated, c.source) for c in claims]
    return found[0]


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
