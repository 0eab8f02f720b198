"""Claims from article text: what is counted, how many, who says so, and where it is written.

Each test reads a small invented article the way `reconcile check` does and looks at the claims
an analyst would see. Every claim must trace back to the text: `article.text[start:end]` is
the figure as written, and `article.text[sentence_start:sentence_end]` its sentence.
"""

from __future__ import annotations

import pytest
from conftest import assert_traceable, front_matter, make_article_from, one
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.extract.claims import extract_claims
from reconcile.ingest.text import read_text_article
from reconcile.model import Claim


def summary(c: Claim) -> tuple:
    return (c.kind, c.low, c.high, c.qualifier, c.source, c.source_role)


# --- attribution patterns -------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "The Health Ministry said five people were killed in the blast.",
        "The Health Ministry said that five people were killed in the blast.",
        "The Health Ministry said on Monday that five people were killed in the blast.",
    ],
)
def test_source_said_that_figure(claims_in, body: str) -> None:
    c = one(claims_in(body))
    assert summary(c) == ("killed", 5, 5, "exact", "The Health Ministry", "medical")
    assert c.stated == "five"
    assert c.cue == "said"


def test_figure_comma_source_said(claims_in) -> None:
    c = one(claims_in("Five people were killed in the blast, the Health Ministry said."))
    assert summary(c) == ("killed", 5, 5, "exact", "the Health Ministry", "medical")


def test_figure_comma_said_source(claims_in) -> None:
    c = one(claims_in("Five people were killed in the blast, said Ahmed Saleh."))
    assert (c.kind, c.low, c.source) == ("killed", 5, "Ahmed Saleh")


def test_figure_according_to_source(claims_in) -> None:
    c = one(claims_in("Five people were killed in the blast, according to the Red Cross."))
    assert summary(c) == ("killed", 5, 5, "exact", "the Red Cross", "ngo")
    assert c.cue == "according to"


def test_according_to_source_comma_figure(claims_in) -> None:
    c = one(claims_in("According to the Red Cross, at least five people were killed."))
    assert summary(c) == ("killed", 5, None, "at_least", "the Red Cross", "ngo")


def test_source_told_an_agency(claims_in) -> None:
    c = one(claims_in("A police officer told Reuters that 12 people were wounded in the blast."))
    assert summary(c) == ("wounded", 12, 12, "exact", "A police officer", "anonymous_official")
    assert c.cue == "told Reuters"


def test_a_split_quote_belongs_to_its_speaker_on_both_sides(claims_in) -> None:
    claims = claims_in('"Five were killed," the spokesman said, "and dozens wounded."')
    killed, wounded = one(claims, "killed"), one(claims, "wounded")
    assert summary(killed) == ("killed", 5, 5, "exact", "the spokesman", "official")
    assert summary(wounded) == ("wounded", 24, 99, "vague", "the spokesman", "official")
    assert wounded.stated == "dozens"


def test_agency_citing_a_source_is_the_agencys_claim(claims_in) -> None:
    c = one(
        claims_in(
            "The Associated Press, citing a camp administrator, reported that at least 20 "
            "people had been killed."
        )
    )
    assert (c.kind, c.low, c.high) == ("killed", 20, None)
    assert c.source.startswith("The Associated Press")
    assert c.source_role == "media"


# --- carry-over to the next sentence --------------------------------------------------------


def test_it_added_refers_back_to_the_named_institution(claims_in) -> None:
    c = one(
        claims_in(
            "The Health Ministry said in a statement that the market had been hit. "
            "It added that 12 were wounded."
        )
    )
    assert summary(c) == ("wounded", 12, 12, "exact", "The Health Ministry", "medical")


def test_it_added_refers_back_to_the_ministry(claims_in) -> None:
    c = one(claims_in("The ministry said in a statement. It added that 12 were wounded."))
    assert (c.kind, c.low, c.source) == ("wounded", 12, "The ministry")
    assert c.source_role == "official"


def test_he_said_refers_back_to_the_named_spokesman(claims_in) -> None:
    c = one(
        claims_in(
            "Police spokesman Karim Haddad said the market was crowded. "
            "He said 12 people were wounded."
        )
    )
    assert (c.kind, c.low, c.source, c.source_role) == (
        "wounded", 12, "Police spokesman Karim Haddad", "official",
    )  # fmt: skip


def test_a_continuing_sentence_keeps_the_speaker_but_a_new_paragraph_does_not(claims_in):
    same = claims_in("The Health Ministry said five people were killed. Another 12 were wounded.")
    assert one(same, "wounded").source == "The Health Ministry"
    assert "previous sentence" in one(same, "wounded").cue
    apart = claims_in(
        "The Health Ministry said five people were killed.\n\nAnother 12 were wounded."
    )
    assert one(apart, "wounded").source_role == "outlet"


def test_an_unattributed_figure_is_the_outlets_own(claims_in) -> None:
    c = one(claims_in("Police detained 14 people after the blast."))
    assert summary(c) == ("arrested", 14, 14, "exact", "unattributed", "outlet")
    assert c.cue == ""


# --- layout zones ---------------------------------------------------------------------------

SAVED_PAGE = """Market bombing kills 12 in Testville
At least 30 people were wounded in the blast, the worst in the town this year.
Rescuers carry 3 bodies and 20 wounded people from the market in Testville on March 3, 2025. Photo: Reuters
By Jane Doe
March 4, 2025

Twelve people were killed when a bomb exploded in the Testville market on Monday, police said.
"""


def test_saved_page_layout_zones() -> None:
    article = read_text_article(SAVED_PAGE, path="page.txt", outlet="The Test Courier")
    zones = [s.zone for s in article.sections]
    assert zones == ["headline", "standfirst", "caption", "byline", "dateline", "body"]
    assert article.title == "Market bombing kills 12 in Testville"
    assert (article.byline, article.published) == ("Jane Doe", "2025-03-04")


def test_headline_and_standfirst_figures_are_the_outlets_and_captions_give_none() -> None:
    article = read_text_article(SAVED_PAGE, path="page.txt", outlet="The Test Courier")
    claims = extract_claims(article)
    assert_traceable(article, claims)
    assert [(c.zone, c.kind, c.low, c.high, c.source_role) for c in claims] == [
        ("headline", "killed", 12, 12, "outlet"),
        ("standfirst", "wounded", 30, None, "outlet"),
        ("body", "killed", 12, 12, "official"),
    ]
    caption = next(s for s in article.sections if s.zone == "caption")
    assert not [c for c in claims if caption.start <= c.start < caption.end]


def test_front_matter_title_is_the_headline(make_article) -> None:
    article = make_article(
        "Police said two people were hurt.", title="Blast kills four in Testville"
    )
    claims = extract_claims(article)
    assert_traceable(article, claims)
    headline = one(claims, "killed")
    assert (headline.zone, headline.low, headline.source_role) == ("headline", 4, "outlet")
    assert one(claims, "wounded").source == "Police"


# --- what is not a claim ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "A 12-year-old boy was among those hurt in the blast.",
        "The militia was formed in 2014 to fight the insurgents.",
        "The attacks began on Oct. 17 and have not stopped.",
        "The attacks began on 17 October and have not stopped.",
        "The blast went off at 3 p.m. near the market.",
        "The blast went off at 11:40 near the market.",
        "Ahmed Saleh, 23, was at the market when it was hit.",
        "The council said it would pay 500,000 dinars to each family.",
        "Most of the victims were taken to hospital on Route 6.",
        "Turnout was 45 percent in the last election.",
    ],
)
def test_years_dates_ages_times_money_and_labels_are_not_claims(claims_in, body: str) -> None:
    assert claims_in(body) == []


def test_only_the_count_is_a_claim_in_a_sentence_full_of_numbers(claims_in) -> None:
    c = one(
        claims_in(
            "Three people, among them a 12-year-old, were killed at 3 p.m. on Oct. 17 in the "
            "blast, the worst since 2014, police said."
        )
    )
    assert (c.kind, c.stated, c.low, c.source) == ("killed", "Three", 3, "police")


# --- zero claims and breakdowns --------------------------------------------------------------


def test_no_civilians_were_hurt_is_a_claim_of_zero(claims_in) -> None:
    c = one(claims_in("The army said no civilians were hurt in the operation."))
    assert summary(c) == ("wounded", 0, 0, "exact", "The army", "party")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("No one was killed in the blast, police said.", ("killed", "police", "official")),
        ("Police said no one was killed.", ("killed", "Police", "official")),
        (
            "Nobody was hurt in the second blast, the mayor said.",
            ("wounded", "the mayor", "official"),
        ),
    ],
)
def test_no_one_and_nobody_are_claims_of_zero_not_of_one(claims_in, body, expected) -> None:
    c = one(claims_in(body))
    assert (c.low, c.high, c.qualifier) == (0, 0, "exact")
    assert (c.kind, c.source, c.source_role) == expected


def test_zero_and_a_bound_in_one_sentence(claims_in) -> None:
    claims = claims_in(
        "Up to 15 people were wounded but no one was killed, a police officer at the scene said."
    )
    assert [(c.kind, c.low, c.high) for c in claims] == [("wounded", 0, 15), ("killed", 0, 0)]
    assert {c.source for c in claims} == {"a police officer at the scene"}


def test_a_denial_is_a_zero_claim_with_a_hedge(claims_in) -> None:
    c = one(claims_in("The army denied that anyone was killed in the raid."))
    assert (c.kind, c.low, c.high, c.hedge) == ("killed", 0, 0, "denied")


@pytest.mark.parametrize(
    "body",
    [
        "Police said 12 people were killed, including five children.",
        "Twelve people were killed, including five children, police said.",
    ],
)
def test_a_breakdown_points_at_its_total(claims_in, body: str) -> None:
    total, part = claims_in(body)
    assert (total.kind, total.low, total.part_of) == ("killed", 12, "")
    assert (part.kind, part.low, part.stated) == ("killed", 5, "five")
    assert part.part_of == total.id
    assert part.source == total.source


# --- kinds, vague readings, hedges ----------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "kind", "low", "high"),
    [
        ("Gunmen abducted 30 students from a school, police said.", "missing", 30, 30),
        ("The army said it had arrested 14 suspects.", "arrested", 14, 14),
        ("About 2,000 people fled their homes, the UN said.", "displaced", 1700, 2300),
        ("The US carried out two series of strikes, officials said.", "strikes", 2, 2),
        ("The army said its jets struck two weapons depots.", "targets", 2, 2),
        ("The UN said it recorded 112 attacks on schools.", "attacks", 112, 112),
        ("The explosion killed 1,400 people, officials said.", "killed", 1400, 1400),
        ("A car bomb killed twenty-five people, police said.", "killed", 25, 25),
    ],
)
def test_what_a_figure_counts(claims_in, body: str, kind: str, low: int, high: int) -> None:
    c = one(claims_in(body))
    assert (c.kind, c.low, c.high) == (kind, low, high)


def test_killed_and_wounded_in_one_clause_are_two_kinds(claims_in) -> None:
    claims = claims_in("A strike killed 17 people and wounded 40 on Tuesday, the governor said.")
    assert [(c.kind, c.low) for c in claims] == [("killed", 17), ("wounded", 40)]
    assert {c.source for c in claims} == {"the governor"}


def test_dozens_reading_follows_the_vague_option(claims_in) -> None:
    body = "Police said dozens of people were wounded."
    ours = one(claims_in(body))
    assert (ours.low, ours.high, ours.qualifier) == (24, 99, "vague")
    acled = one(claims_in(body, vague="acled"))
    assert (acled.low, acled.high, acled.qualifier) == (12, None, "vague")


def test_reportedly_is_kept_as_a_hedge(claims_in) -> None:
    c = one(claims_in("Five people were reportedly killed in the blast."))
    assert (c.kind, c.low, c.hedge, c.source_role) == ("killed", 5, "reportedly", "outlet")


def test_reading_the_same_article_twice_gives_the_same_claims_and_ids() -> None:
    text = front_matter(
        "Twelve people were killed, including five children, police said. Another 30 were "
        "wounded. According to the Red Cross, at least 15 people died."
    )
    first = [c.to_row() for c in extract_claims(read_text_article(text, path="a.txt"))]
    again = [c.to_row() for c in extract_claims(read_text_article(text, path="a.txt"))]
    assert len(first) == 4
    assert first == again


# --- known misreadings ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "kind", "source"),
    [
        (
            "Five people were killed, according to the provincial health directorate.",
            "killed",
            "the provincial health directorate",
        ),
        (
            "A drone strike killed six people, the local council said.",
            "killed",
            "the local council",
        ),
        (
            "Dozens of residents fled the town, a local council member said.",
            "displaced",
            "a local council member",
        ),
    ],
)
def test_lower_case_institutions_are_sources(claims_in, body: str, kind: str, source: str):
    c = one(claims_in(body))
    assert (c.kind, c.source) == (kind, source)
    assert c.source_role != "outlet"


def test_speaker_with_an_age_in_apposition(claims_in) -> None:
    c = one(claims_in("Ahmed Saleh, 23, said three people were killed."))
    assert c.source == "Ahmed Saleh"


def test_quoted_we_counted_belongs_to_the_named_speaker(claims_in) -> None:
    c = one(
        claims_in(
            '"We counted 31 bodies by the morning," said Dr. Samir Aoun, director of the hospital.'
        )
    )
    assert (c.kind, c.low) == ("killed", 31)
    assert c.source.startswith("Dr. Samir Aoun")


def test_acknowledged_in_a_relative_clause_is_not_a_source(claims_in) -> None:
    claims = claims_in(
        "The Free Hills Brigade said 14 of its fighters were killed, the heaviest loss the "
        "militia has acknowledged. The army said its forces killed 40 militants."
    )
    assert {c.low: c.source for c in claims} == {14: "The Free Hills Brigade", 40: "The army"}


def test_speaker_with_a_place_phrase_in_commas(claims_in) -> None:
    c = one(
        claims_in(
            "Farmers in the village of Ain Sarouf, at the foot of the hills, said that several "
            "civilians were wounded."
        )
    )
    assert (c.kind, c.low, c.high) == ("wounded", 3, 9)
    assert c.source.startswith("Farmers in the village of Ain Sarouf")
    assert c.source_role == "witness"


def test_the_dead_included_is_a_breakdown_of_the_killed(claims_in) -> None:
    claims = claims_in(
        "Health director Hala Mourad said 17 people were killed. She said the dead included at "
        "least six women and that most of the wounded had burns."
    )
    assert [(c.kind, c.low) for c in claims] == [("killed", 17), ("killed", 6)]
    assert claims[1].part_of == claims[0].id


def test_a_breakdown_of_the_dead_is_not_part_of_a_wounded_total(claims_in) -> None:
    claims = claims_in(
        "The Health Ministry said 57 people had been treated for wounds. Funerals for 11 of the "
        "dead were held on Sunday."
    )
    wounded, dead = one(claims, "wounded"), one(claims, "killed")
    assert (wounded.low, dead.low) == (57, 11)
    assert dead.part_of != wounded.id


# --- property ---------------------------------------------------------------------------------

_SOURCES = {
    "police": "official",
    "the Red Cross": "ngo",
    "the Health Ministry": "medical",
    "witnesses": "witness",
}


@settings(max_examples=60)
@given(
    st.integers(min_value=2, max_value=250_000),
    st.sampled_from(sorted(_SOURCES)),
    st.sampled_from(["killed", "wounded"]),
)
def test_any_figure_any_source_traces_to_its_words(n: int, source: str, verb: str) -> None:
    article = make_article_from(f"At least {n:,} people were {verb} in the blast, {source} said.")
    claims = extract_claims(article)
    assert_traceable(article, claims)
    c = one([c for c in claims if c.zone == "body"])
    assert (c.kind, c.low, c.high, c.qualifier) == (verb, n, None, "at_least")
    assert (c.source, c.source_role) == (source, _SOURCES[source])
    assert c.stated == f"At least {n:,}"
