"""Figures as reporters write them, and the interval the words allow.

The README's reading: "five" is 5..5; "at least 3" is 3..open; "more than 20" is 21..open
(counts are whole); "up to 15" is 0..15; "about N" is N +/- 15%; "nearly N" is 85% of N..N;
"between 30 and 40" and "30-40" are 30..40; "12 or more" is 12..open; vague amounts
("dozens") read from a table, either as our interval or as ACLED's single floor figure.
"""

from __future__ import annotations

import math

import pytest
from conftest import one, spell
from hypothesis import given
from hypothesis import strategies as st

from reconcile.extract.numbers import (
    APPROX_SPREAD,
    MAX_COUNT,
    VAGUE_READINGS,
    Quantity,
    find_quantities,
    parse_number,
)


def only_figure(text: str, vague: str = "interval") -> Quantity:
    """Return the one figure in a phrase (failing if there are none or several)."""
    found = list(find_quantities(text, vague))
    assert len(found) == 1, f"expected one figure in {text!r}, found {found}"
    return found[0]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("five", 5),
        ("Twelve", 12),
        ("twenty-five", 25),
        ("ninety nine", 99),
        ("1,400", 1400),
        ("1400", 1400),
        ("45,000", 45_000),
        ("1,250,000", 1_250_000),
        ("a dozen", 12),
        ("one dozen", 12),
        ("a hundred", 100),
        ("a hundred and fifty", 150),
        ("one hundred and five", 105),
        ("two thousand five hundred", 2500),
        ("a thousand", 1000),
        ("1.5 million", 1_500_000),
        ("3 thousand", 3000),
    ],
)
def test_number_words_and_digits_are_read_as_numbers(words: str, value: int) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize("words", ["people", "dozens", "several", "", "five-ish"])
def test_words_that_are_not_a_number_give_none(words: str) -> None:
    assert parse_number(words) is None


@pytest.mark.parametrize(
    ("phrase", "stated", "low", "high", "qualifier"),
    [
        ("five people were killed", "five", 5, 5, "exact"),
        ("a dozen people were killed", "a dozen", 12, 12, "exact"),
        ("a hundred and fifty were wounded", "a hundred and fifty", 150, 150, "exact"),
        ("1,400 people were displaced", "1,400", 1400, 1400, "exact"),
        ("at least 3 were killed", "at least 3", 3, None, "at_least"),
        ("at least three were killed", "at least three", 3, None, "at_least"),
        ("no fewer than 7 were killed", "no fewer than 7", 7, None, "at_least"),
        ("more than 20 were killed", "more than 20", 21, None, "more_than"),
        ("more than a dozen were hurt", "more than a dozen", 13, None, "more_than"),
        ("over 1,000 people fled", "over 1,000", 1001, None, "more_than"),
        ("up to 15 people were wounded", "up to 15", 0, 15, "at_most"),
        ("as many as 12 were hurt", "as many as 12", 0, 12, "at_most"),
        # "no more than" must not be read as "more than".
        ("no more than 7 were hurt", "no more than 7", 0, 7, "at_most"),
        ("fewer than 10 were hurt", "fewer than 10", 0, 9, "less_than"),
        ("about 40 people were killed", "about 40", 34, 46, "about"),
        ("around 2,000 people fled", "around 2,000", 1700, 2300, "about"),
        ("nearly 45,000 people fled", "nearly 45,000", 38_250, 45_000, "nearly"),
        ("between 30 and 40 people are missing", "between 30 and 40", 30, 40, "range"),
        ("30-40 people are missing", "30-40", 30, 40, "range"),
        ("30 to 40 people are missing", "30 to 40", 30, 40, "range"),
        ("12 or more were killed", "12 or more", 12, None, "at_least"),
        ("12+ were killed", "12+", 12, None, "at_least"),
    ],
)
def test_qualifier_words_bound_the_figure(
    phrase: str, stated: str, low: float, high: float | None, qualifier: str
) -> None:
    q = only_figure(phrase)
    assert (q.text, q.low, q.high, q.qualifier) == (stated, low, high, qualifier)


def test_about_is_fifteen_percent_either_side_and_nearly_only_below() -> None:
    about, nearly = only_figure("about 100 died"), only_figure("nearly 100 died")
    assert APPROX_SPREAD == 0.15
    assert (about.low, about.figure, about.high) == (85, 100, 115)
    assert (nearly.low, nearly.figure, nearly.high) == (85, 100, 100)


def test_dozens_reads_as_24_to_99_or_as_acleds_floor_of_12() -> None:
    ours = only_figure("dozens were wounded", vague="interval")
    acled = only_figure("dozens were wounded", vague="acled")
    assert (ours.low, ours.high, ours.qualifier) == (24, 99, "vague")
    assert (acled.low, acled.high, acled.qualifier) == (12, None, "vague")
    assert ours.text == acled.text == "dozens"


def test_at_least_dozens_keeps_the_floor_and_opens_the_top() -> None:
    q = only_figure("at least dozens were wounded")
    assert (q.low, q.high) == (24, None)


@pytest.mark.parametrize("reading", sorted(VAGUE_READINGS))
@pytest.mark.parametrize("phrase", sorted(VAGUE_READINGS["interval"]))
def test_every_vague_amount_reads_from_its_table(reading: str, phrase: str) -> None:
    q = only_figure(f"police said {phrase} civilians were hurt", vague=reading)
    assert q.text.lower() == phrase
    assert (q.low, q.high) == VAGUE_READINGS[reading][phrase]
    assert q.figure == q.low
    if reading == "acled":
        assert q.high is None  # ACLED codes one conservative floor, never a ceiling


def test_money_and_labels_are_not_read_as_figures_by_the_number_reader() -> None:
    assert list(find_quantities("a reward of $50,000")) == []


# --- properties -----------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=MAX_COUNT))
def test_digits_read_back_as_the_same_number(n: int) -> None:
    assert parse_number(str(n)) == n


@given(st.integers(min_value=0, max_value=MAX_COUNT))
def test_thousands_separators_read_back_as_the_same_number(n: int) -> None:
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=MAX_COUNT + 1, max_value=10**80))
def test_digits_beyond_any_count_are_no_number(n: int) -> None:
    assert parse_number(str(n)) is None
    assert parse_number(f"{n:,}") is None


@given(st.integers(min_value=1, max_value=999_999), st.booleans(), st.booleans())
def test_numbers_in_words_read_back_as_the_same_number(n: int, hyphen: bool, use_and: bool):
    assert parse_number(spell(n, hyphen, use_and)) == n


@given(st.integers(min_value=1, max_value=10**7))
def test_a_figure_in_a_sentence_keeps_its_value_and_qualifier(n: int) -> None:
    exact = only_figure(f"Police said {n:,} people were killed.")
    at_least = only_figure(f"Police said at least {n:,} people were killed.")
    more_than = only_figure(f"Police said more than {n:,} people were killed.")
    about = only_figure(f"Police said about {n:,} people were killed.")
    assert (exact.low, exact.high) == (n, n)
    assert (at_least.low, at_least.high) == (n, None)
    assert (more_than.low, more_than.high) == (n + 1, None)
    assert about.low <= n <= about.high
    assert about.low == math.floor(n * (1 - APPROX_SPREAD))


@pytest.mark.parametrize(
    ("body", "low"),
    [
        # A thin or no-break space between groups of three is SI style's thousands mark...
        ("The quake killed 2\u00a0379 people.", 2379),
        ("The quake killed 2\u2009379 people.", 2379),
        # ...and a point between them much of Europe's, in translated copy.
        ("At least 1.541 people died in Velmora.", 1541),
        ("A total of 5.434 people were injured.", 5434),
        # A scale after the point keeps it a decimal.
        ("The toll rose to 1.5 million.", 1_500_000),
    ],
)
def test_thousands_marks_other_than_commas(claims_in, body: str, low: int) -> None:
    assert [c.low for c in claims_in(body)] == [low]


def test_the_minutes_of_a_time_are_not_a_count(claims_in) -> None:
    claims = claims_in("At 04:17 local time, the quake killed hundreds.")
    assert [(c.stated, c.low) for c in claims] == [("hundreds", 200)]


def test_bare_scores_is_a_vague_amount_like_dozens(claims_in) -> None:
    claims = claims_in("The floods left 12 dead and scores injured in the valley.")
    assert [(c.kind, c.low, c.qualifier) for c in claims] == [
        ("killed", 12, "exact"),
        ("wounded", 40, "vague"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Fans invaded the pitch after their team lost 2-3 to Testfield on Saturday.",
        "Testfield won 3-1, and the crowd surged toward the gates.",
    ],
)
def test_a_match_score_is_no_count(claims_in, body: str) -> None:
    assert claims_in(body) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The monitors say that 90 people, mostly children under 16, lost their lives.",
        "Most of the 90 dead were children under the age of 10, officials said.",
        "The storm killed 90 people, among them pupils aged under 12.",
    ],
)
def test_a_limit_of_age_is_no_count(claims_in, sentence: str) -> None:
    # "children under 16" describes the dead; read as a count it would be "fewer than 16".
    assert [(c.kind, c.low, c.high) for c in claims_in(sentence)] == [("killed", 90, 90)]


@pytest.mark.parametrize(
    "sentence",
    [
        "So far 64 people—30 women and 34 men—were confirmed dead.",
        "At least 64 people – 30 women and 34 men – were killed, police said.",
    ],
)
def test_an_aside_between_dashes_breaks_the_figure_before_it_down(claims_in, sentence) -> None:
    # The whole is the count; the aside's figures are its parts, not rival counts.
    claims = claims_in(sentence)
    assert [(c.kind, c.low, bool(c.part_of)) for c in claims] == [
        ("killed", 64, False),
        ("killed", 30, True),
        ("killed", 34, True),
    ]


@pytest.mark.parametrize(
    "sentence",
    ["Two guards were rescued with minor injuries.", "Two miners were pulled out with burns."],
)
def test_rescued_with_injuries_is_wounded(claims_in, sentence) -> None:
    assert [(c.kind, c.low) for c in claims_in(sentence)] == [("wounded", 2)]


@pytest.mark.parametrize(
    ("sentence", "kind", "low"),
    [
        ("Around 250 people are yet to be traced from the two villages.", "missing", 212),
        ("The total number of bodies found in the river is 75, officials said.", "killed", 75),
        ("Rescuers found more bodies, raising the number of confirmed and presumed dead to 23.",
         "killed", 23),
    ],
)  # fmt: skip
def test_more_ways_to_name_the_missing_and_the_dead(claims_in, sentence, kind, low) -> None:
    assert [(c.kind, c.low) for c in claims_in(sentence)] == [(kind, low)]


def test_explosions_and_blasts_are_counted_as_attacks(claims_in) -> None:
    claims = claims_in(
        "Two explosions ripped through the crowd at the shrine, killing 40 people, police said."
    )
    assert [(c.kind, c.low) for c in claims] == [("attacks", 2), ("killed", 40)]
    # What a witness heard is no count of attacks.
    assert claims_in('"We heard three blasts, one after the other," a dock worker said.') == []


@pytest.mark.parametrize(
    ("sentence", "kind", "low"),
    [
        # A wire dateline's double hyphen before the qualifier keeps "at least".
        ("Velm, Testa Pref., Jan. 3 (Testwire)--At least 73 people have been confirmed dead.",
         "killed", 73),
        ("More than 5,000 people were forced to evacuate the valley.", "displaced", 5001),
        ("About 2,800 were still at evacuation shelters as of Tuesday.", "displaced", 2380),
    ],
)  # fmt: skip
def test_datelines_and_evacuations(claims_in, sentence, kind, low) -> None:
    (claim,) = claims_in(sentence)
    assert (claim.kind, claim.low) == (kind, low)
    assert claim.qualifier != "exact"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A headline's list without commas: "killed many injured" is two counts' words.
        ("Velm building fire 40 workers killed many injured", [("killed", 40)]),
        ("Dozens of people have been killed and injured in the fire.",
         [("killed", 24), ("wounded", 24)]),
        ('The spokesman, Colonel Ana Lind, said in a statement to state television, "82 victims '
         'and 110 injured in the fire."', [("killed", 82), ("wounded", 110)]),
        ("The remains of the 45 workers who succumbed to the fire were flown home.",
         [("killed", 45)]),
        ("Of the injured, 33 are in various hospitals.", [("wounded", 33)]),
        ("+80 killed and +100 injured in the hospital fire, the ministry said.",
         [("killed", 80), ("wounded", 100)]),
        ("The number of injured is currently estimated to be 109.", [("wounded", 92)]),
        # A part of a total the text does not give.
        ("More than 20 orphans among victims of the school attack.", []),
        # "A further" count is a count.
        ("Rescuers found 30 bodies on Monday. A further 109 people were hurt.",
         [("killed", 30), ("wounded", 109)]),
    ],
)  # fmt: skip
def test_lists_victims_steps_and_parts(claims_in, sentence, expected) -> None:
    assert [(c.kind, c.low) for c in claims_in(sentence) if not c.part_of] == expected


def test_a_quotation_opening_after_the_cue_is_the_speakers(claims_in) -> None:
    (claim, _) = claims_in(
        'The spokesman, Colonel Ana Lind, said in a statement to state television, "82 victims '
        'and 110 injured in the fire."'
    )
    assert claim.source == "Colonel Ana Lind"


def test_an_aside_between_spaced_hyphens_after_a_word_number(claims_in) -> None:
    claims = claims_in(
        "The gunman was charged, with three others - two men and a woman - detained by police."
    )
    assert [(c.kind, c.low, bool(c.part_of)) for c in claims] == [
        ("arrested", 3, False),
        ("arrested", 2, True),
    ]
    # A measure in brackets after a measure is no part of anything.
    sentence = "It stayed above 10 degrees Celsius (50°F) as 30 people died."
    assert [(c.kind, c.low) for c in claims_in(sentence)] == [("killed", 30)]


@pytest.mark.parametrize(
    ("sentence", "qualifier", "low", "high"),
    [
        # A forecast past a figure is more than it; one up to a figure, at most it.
        ("The death toll could top 10,000.", "more_than", 10001, None),
        ("The number of missing could go higher than 600.", "more_than", 601, None),
        ("The number of missing could be as high as 600.", "at_most", 0, 600),
        # "may" in lower case is the modal, not the month: the figure stands.
        ("The death toll may exceed 10,000.", "more_than", 10001, None),
    ],
)
def test_forecasts_beyond_and_up_to_a_figure(claims_in, sentence, qualifier, low, high) -> None:
    claim = one(claims_in(sentence))
    assert (claim.qualifier, claim.low, claim.high) == (qualifier, low, high)
