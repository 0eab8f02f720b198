"""Number words as the public number-parsing suites and reporters write them.

The cases (bench/number_cases.py) are the English cardinal cases of text2num, number-parser and
word2number that fit counts in news, set in invented sentences, and our own: "two hundred
thousand" is 200,000, "half a million" 500,000, "1.2M" 1,200,000; ordinals, the pronoun "one",
measures and figures beyond any plausible count (above 10^10) are no figure at all.
`python bench/number_reading.py` prints the same table's score for reconcile and the libraries.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest
from conftest import front_matter, make_article_from, spell
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.extract.numbers import MAX_COUNT, find_quantities, parse_number

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from number_cases import PHRASES, SENTENCES  # noqa: E402

# Cases the reader gets wrong on purpose, with the reason (none now: "another one" is read as
# the pronoun it is; "Another one died in hospital" is a step of a toll, not a count of it).
KNOWN_WRONG: dict[str, str] = {}


def _case_id(case: tuple[str, str, object]) -> str:
    suite, text, _ = case
    return f"{suite}:{text[:50]}"


@pytest.mark.parametrize("case", SENTENCES, ids=[_case_id(c) for c in SENTENCES])
def test_each_suite_sentence_reads_the_expected_figures(case) -> None:
    _suite, sentence, expected = case
    if sentence in KNOWN_WRONG:
        pytest.xfail(KNOWN_WRONG[sentence])
    assert [q.figure for q in find_quantities(sentence)] == list(expected)


@pytest.mark.parametrize("case", PHRASES, ids=[_case_id(c) for c in PHRASES])
def test_each_suite_phrase_is_one_number_or_none(case) -> None:
    _suite, words, value = case
    assert parse_number(words) == value


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Between two and three thousand people fled.", 2_000, 3_000),
        ("Officials said 2 to 3 million people were displaced.", 2_000_000, 3_000_000),
        ("Between 50 and a hundred people fled.", 50, 100),
        ("Several hundred people were detained.", 300, 999),
        ("The war has killed tens of thousands.", 20_000, 99_999),
        ("Tens of millions of people need aid.", 20_000_000, 99_999_999),
        ("A few hundred thousand people fled.", 200_000, 599_999),
        ("A few thousand protesters gathered.", 2_000, 5_999),
        ("Nearly half a million people fled.", 425_000, 500_000),
    ],
)
def test_a_scale_written_once_applies_to_the_whole_amount(sentence, low, high) -> None:
    (q,) = find_quantities(sentence)
    assert (q.low, q.high) == (low, high)


# --- hostile figures (issue 11): no overflow, no infinity, no smaller number read out of them ---

HOSTILE = {
    "a power of ten": "10^40",
    "sixty digits": "1" * 60,
    "a float overflow": "1e400",
    "thousands of digits": "9" * 5_000,
    "a trillion in words": "seven trillion",
    "separators past ten billion": "1,000,000,000,000",
}


@pytest.mark.parametrize("figure", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_figure_beyond_any_count_is_no_claim(figure: str) -> None:
    assert list(find_quantities(f"Police said {figure} people were killed in the blast.")) == []
    assert parse_number(figure) is None


@pytest.mark.parametrize("figure", HOSTILE.values(), ids=HOSTILE.keys())
def test_check_json_stays_strict_json_with_no_claim_for_an_absurd_figure(
    figure: str, tmp_path: Path
) -> None:
    body = f"Police said {figure} people were killed in the blast in Testville on Monday."
    (tmp_path / "a.txt").write_text(front_matter(body))
    result = CliRunner().invoke(app, ["check", str(tmp_path / "a.txt"), "--format", "json"])
    assert result.exit_code == 0, result.output

    def refuse(constant: str) -> None:
        raise AssertionError(f"not JSON: {constant}")

    data = json.loads(result.stdout, parse_constant=refuse)
    assert [c for c in data["claims"] if c["kind"] == "killed"] == []


def test_the_largest_count_is_still_read() -> None:
    (q,) = find_quantities(f"Officials said {MAX_COUNT:,} people were affected.")
    assert q.figure == MAX_COUNT


def test_a_long_digit_string_or_word_chain_is_read_in_one_pass() -> None:
    # Quadratic work on these would not finish (10^12 steps); linear work takes well under a
    # second. bench/number_reading.py --hostile measures the times.
    assert list(find_quantities("9" * 2_000_000 + " people")) == []
    # A chain is cut after a real number's eight scales, and each cut piece that is not one
    # number ("one thousand one thousand") is refused whole: at most a piece's tail is read.
    chain = " ".join(["one thousand"] * 100_000)
    assert all(q.figure <= 1_000 for q in find_quantities(chain))
    assert len(list(find_quantities("1, " * 300_000))) == 300_000


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("The ministry cut the toll from 60 to 52.", [60, 52]),
        ("The toll rose from 30 to 45 on Monday.", [30, 45]),
        ("It climbed from about 60 to 70.", [60, 70]),
    ],
)
def test_from_one_figure_to_another_is_a_change_not_a_range(sentence, figures) -> None:
    assert [q.figure for q in find_quantities(sentence)] == figures
    assert all(q.qualifier != "range" for q in find_quantities(sentence))


@pytest.mark.parametrize(
    ("body", "old", "new"),
    [
        ("The health ministry raised the death toll from 30 to 45 on Monday.", 30, 45),
        ("The ministry revised the number of dead from 60 to 52, a spokesman said.", 60, 52),
    ],
)
def test_a_revised_toll_is_claimed_at_its_new_figure(body: str, old: int, new: int) -> None:
    # "from 30 to 45" is a change, not a range: the new figure is the claim, and the old one,
    # where it is kept as a claim, is the earlier figure the new one updates.
    from reconcile.pipeline import analyse

    article = make_article_from(f"A car bomb exploded in Testville on Monday. {body}")
    analysis = analyse([article])
    killed = {c.id: c for c in analysis.claims if c.kind == "killed"}
    assert {(c.low, c.high) for c in killed.values()} <= {(old, old), (new, new)}
    assert (new, new) in {(c.low, c.high) for c in killed.values()}
    updates = {
        (killed[r.a].low, killed[r.b].low) for r in analysis.relations if r.type == "updated"
    }
    assert len(killed) == 1 or (old, new) in updates
    (figure,) = [r for r in analysis.reconciled if r.kind == "killed"]
    assert figure.best == new


def test_a_range_with_to_is_still_a_range() -> None:
    (q,) = find_quantities("Police said 30 to 40 people were killed.")
    assert (q.low, q.high, q.qualifier) == (30, 40, "range")


# --- properties -----------------------------------------------------------------------------


@given(st.integers(min_value=1, max_value=MAX_COUNT), st.booleans(), st.booleans())
def test_numbers_in_words_up_to_ten_billion_read_back(n: int, hyphen: bool, use_and: bool) -> None:
    words = spell(n, hyphen, use_and)
    assert parse_number(words) == n
    assert [
        q.figure for q in find_quantities(f"Officials said {words} people were displaced.")
    ] == [n]


@given(st.text(alphabet="0123456789 ,.^eE-+/kmMbnillionthousandtrwy", max_size=80))
def test_no_text_gives_a_figure_beyond_any_count(text: str) -> None:
    for q in find_quantities(text):
        for value in (q.low, q.high, q.figure):
            assert value is None or (math.isfinite(value) and 0 <= value <= MAX_COUNT), q


@pytest.mark.parametrize(
    ("body", "kind", "low", "high"),
    [
        ("Half a million people were displaced by the floods, the UN said.", "displaced", 500_000, 500_000),
        ("The war has killed tens of thousands, officials said.", "killed", 20_000, 99_999),
        ("The toll rose to two hundred thousand, officials said.", "killed", 200_000, 200_000),
        ("One thousand two hundred people were wounded, the ministry said.", "wounded", 1_200, 1_200),
        ("Officials said 1.2M people had fled their homes.", "displaced", 1_200_000, 1_200_000),
        ("Two dozen people were wounded in the blast, police said.", "wounded", 24, 24),
    ],
)  # fmt: skip
def test_a_claim_keeps_the_order_of_magnitude_of_its_words(claims_in, body, kind, low, high):
    (claim,) = claims_in(body)
    assert (claim.kind, claim.low, claim.high) == (kind, low, high)


def test_half_a_dozen_is_a_round_word_for_six_or_more(claims_in) -> None:
    (claim,) = claims_in("Half a dozen people were killed in the crush.")
    assert (claim.low, claim.high, claim.qualifier) == (6, 9, "vague")
