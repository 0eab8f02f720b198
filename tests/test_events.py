"""Events across articles: when a later report looks back at an incident, it is the same event.

All articles are invented. The grouping rule (README, Events): incidents join when their trigger
classes agree, they share a place key and their dates are within 3 days; a date is read from the
sentence ("on Tuesday", "on March 7") or, for a vague look back ("earlier this month", "two weeks
ago"), is the span of days those words allow.
"""

from __future__ import annotations

import pytest
from conftest import front_matter

from reconcile.dates import parse_day_month
from reconcile.events import event_date, event_span
from reconcile.ingest.text import read_text_article
from reconcile.pipeline import analyse

FIRST = (
    "A car bomb exploded at the main market in Velmora on Tuesday, killing 14 people, police "
    "said. Doctors at the city hospital said 40 people were wounded."
)


def _article(body: str, title: str, published: str, path: str):
    text = front_matter(body, title=title, outlet="The Test Courier", published=published)
    return read_text_article(text, path=path)


def _killed_events(*articles) -> set[str]:
    return {c.event for c in analyse(list(articles)).claims if c.kind == "killed"}


@pytest.mark.parametrize(
    "look_back",
    [
        "the market bombing in Velmora earlier this month",
        "the market bombing in Velmora two weeks ago",
        "the market bombing in Velmora on March 4",
    ],
)
def test_a_report_weeks_later_that_looks_back_joins_the_incident(look_back: str) -> None:
    first = _article(FIRST, "Car bomb kills 14 in Velmora", "2025-03-05", "first.txt")
    later = _article(
        f"The death toll from {look_back} has risen to 19, the health ministry said.",
        "Velmora toll rises to 19",
        "2025-03-21",
        "later.txt",
    )
    assert len(_killed_events(first, later)) == 1


def test_a_later_incident_at_the_same_place_without_a_look_back_is_its_own_event() -> None:
    first = _article(FIRST, "Car bomb kills 14 in Velmora", "2025-03-05", "first.txt")
    later = _article(
        "A car bomb exploded near the bus station in Velmora on Thursday, killing six people, "
        "police said.",
        "Second car bomb in Velmora kills six",
        "2025-03-21",
        "later.txt",
    )
    assert len(_killed_events(first, later)) == 2


def test_a_look_back_to_last_month_does_not_join_this_months_incident() -> None:
    first = _article(FIRST, "Car bomb kills 14 in Velmora", "2025-03-05", "first.txt")
    later = _article(
        "The death toll from the market bombing in Velmora last month has risen to 19, the "
        "health ministry said.",
        "Velmora toll rises to 19",
        "2025-05-20",
        "later.txt",
    )
    assert len(_killed_events(first, later)) == 2


def test_spans_of_vague_look_backs() -> None:
    assert event_span("the blast earlier this month", "2020-08-29") == ("2020-08-01", "2020-08-29")
    assert event_span("the raid last month", "2024-03-10") == ("2024-02-01", "2024-02-29")
    assert event_span("the raid two weeks ago", "2025-03-21") == ("2025-03-04", "2025-03-10")
    assert event_span("the raid last week", "2025-03-21") == ("2025-03-08", "2025-03-18")
    assert event_span("a raid that killed five", "2025-03-21") is None


def test_a_day_and_month_without_a_year_is_the_latest_such_day_before_publication() -> None:
    assert parse_day_month("raided the school on March 7", "2024-03-25") == "2024-03-07"
    assert parse_day_month("killed on Dec. 30", "2025-01-02") == "2024-12-30"
    assert parse_day_month("29 people may 5 days later", "2024-06-01") is None  # "may": a verb
    assert parse_day_month("on March 7, 2019", "2024-03-25") is None  # has a year: parse_date
    assert event_date("gunmen raided the school on March 7", "2024-03-25") == "2024-03-07"
