"""Count verbs as a lexicon (data/count_verbs.csv, Levin's change-of-value and exceed classes):
every inflection of every verb moves a toll, and what the verb says of the figure sets its
interval ("passes 4,000" is more than 4,000, "nears 300" nearly 300). Sentences are invented."""

from __future__ import annotations

import pytest
from conftest import make_article_from

from reconcile.extract import count_verbs
from reconcile.extract.claims import extract_claims

# What follows a level verb before its figure: "rose to 40", "stands at 40", "reached 40".
_LEVEL_WITHOUT_TO = ("reach", "hit", "total", "number", "amount")


def _level_sentences() -> list[str]:
    import csv
    from importlib import resources

    text = resources.files("reconcile").joinpath("data/count_verbs.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    cases = []
    for row in rows:
        if row["reading"] != "level":
            continue
        for form in row["forms"].split():
            words = form.replace("_", " ")
            if row["lemma"] == "stand":
                joint = " at "
            elif row["lemma"] in _LEVEL_WITHOUT_TO or words.endswith(" to"):
                joint = " "
            else:
                joint = " to "
            cases.append(f"The number of injured {words}{joint}40, officials in Ostrel said.")
    return cases


def _claims(body: str) -> list[tuple[str, float | None, float | None, str]]:
    article = make_article_from(body)
    return [
        (c.kind, c.low, c.high, c.qualifier) for c in extract_claims(article) if c.zone == "body"
    ]


@pytest.mark.parametrize("sentence", _level_sentences())
def test_every_form_of_a_level_verb_states_the_count(sentence: str) -> None:
    assert _claims(sentence) == [("wounded", 40, 40, "exact")]


@pytest.mark.parametrize("form", count_verbs.qualifier_forms("over"))
def test_every_form_of_an_exceed_verb_reads_more_than(form: str) -> None:
    assert _claims(f"The death toll {form} 4,000 on Tuesday.") == [
        ("killed", 4001, None, "more_than")
    ]


@pytest.mark.parametrize("form", count_verbs.qualifier_forms("near"))
def test_every_form_of_a_near_verb_reads_nearly(form: str) -> None:
    kind, low, high, qualifier = _claims(f"The death toll {form} 300, the agency said.")[0]
    assert (kind, high, qualifier) == ("killed", 300, "nearly") and low < 300


@pytest.mark.parametrize(
    "sentence",
    [
        "Deaths exceeded 4,000 by Friday.",
        "The dead numbered 4,000, the ministry said.",
        "Fatalities passed 4,000 overnight.",
        "Deaths from the earthquake now total 4,000.",
    ],
)
def test_a_counted_noun_can_be_the_subject_of_a_count_verb(sentence: str) -> None:
    assert [c[0] for c in _claims(sentence)] == ["killed"]


def test_a_rise_by_an_amount_is_not_a_range_and_the_amount_is_no_claim() -> None:
    assert _claims("The confirmed death toll rose by 300 to 4,000.") == [
        ("killed", 4000, 4000, "exact")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Deaths were reported in 12 villages.",
        "The dead were taken to 3 hospitals.",
        "The convoy passed 3 checkpoints before dawn.",
        "Rescuers neared 2 collapsed towers.",
    ],
)
def test_a_count_verb_without_a_counted_subject_makes_no_claim(sentence: str) -> None:
    assert _claims(sentence) == []


@pytest.mark.parametrize("head", ["list", "tally", "count"])
def test_a_list_or_tally_of_a_kind_is_a_running_count(head: str) -> None:
    assert _claims(f"The {head} of the missing was cut to 66.") == [("missing", 66, 66, "exact")]


def test_each_figure_takes_the_toll_phrase_nearest_it() -> None:
    assert _claims("The number of dead stood at 2,921 and the number of injured at 15,834.") == [
        ("killed", 2921, 2921, "exact"),
        ("wounded", 15834, 15834, "exact"),
    ]


def test_a_bare_counted_word_in_another_clause_does_not_take_a_named_toll() -> None:
    assert _claims("The death toll from the quake that injured thousands rose to 5,000.") == [
        ("wounded", 2000, 9999, "vague"),
        ("killed", 5000, 5000, "exact"),
    ]
