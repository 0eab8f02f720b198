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


LOOK_BACK = "The death toll from the market bombing in Velmora {when} has risen to 19, the health ministry said."


@pytest.mark.parametrize(
    ("later_body", "published", "events"),
    [
        # A report weeks later that looks back at the bombing joins it...
        (LOOK_BACK.format(when="earlier this month"), "2025-03-21", 1),
        (LOOK_BACK.format(when="two weeks ago"), "2025-03-21", 1),
        (LOOK_BACK.format(when="on March 4"), "2025-03-21", 1),
        # ...a new bombing at the same place without a look back is its own event...
        ("A car bomb exploded near the bus station in Velmora on Thursday, killing six people, "
         "police said.", "2025-03-21", 2),
        # ...and so is a look back to a month that is not the bombing's.
        (LOOK_BACK.format(when="last month"), "2025-05-20", 2),
    ],
)  # fmt: skip
def test_a_later_report_joins_the_incident_it_looks_back_at(
    later_body: str, published: str, events: int
) -> None:
    first = _article(FIRST, "Car bomb kills 14 in Velmora", "2025-03-05", "first.txt")
    later = _article(later_body, "Velmora bombing", published, "later.txt")
    assert len(_killed_events(first, later)) == events


FOLLOW_UP = (
    "Up to 60 people were killed in a car bomb attack on the main market in Velmora, according "
    "to a new government report. {when}"
)


@pytest.mark.parametrize(
    ("when", "published", "events"),
    [
        # A follow-up weeks later that tells when its incident happened, in any of its opening
        # sentences, joins the reports of that day...
        ("The bombing occurred on March 4 as traders opened their stalls.", "2025-04-18", 1),
        ("The bombing took place in March, as traders opened their stalls.", "2025-04-18", 1),
        ("The bombing happened six weeks ago, as traders opened their stalls.", "2025-04-18", 1),
        # ...a date it gives for another incident does not...
        ("The bombing came weeks after a similar attack there on March 4.", "2025-04-18", 2),
        # ...and a report that dates its own news this week is this week's incident.
        ("The bombing occurred on Tuesday, six weeks after a raid in March.", "2025-04-18", 2),
    ],
)  # fmt: skip
def test_a_follow_up_joins_the_incident_on_the_day_it_tells(when, published, events) -> None:
    first = _article(FIRST, "Car bomb kills 14 in Velmora", "2025-03-05", "first.txt")
    later = _article(FOLLOW_UP.format(when=when), "Velmora bombing", published, "later.txt")
    assert len(_killed_events(first, later)) == events


def test_spans_of_vague_look_backs() -> None:
    assert event_span("the blast earlier this month", "2020-08-29") == ("2020-08-01", "2020-08-29")
    assert event_span("the raid last month", "2024-03-10") == ("2024-02-01", "2024-02-29")
    assert event_span("the raid two weeks ago", "2025-03-21") == ("2025-03-04", "2025-03-10")
    assert event_span("the raid last week", "2025-03-21") == ("2025-03-08", "2025-03-18")
    assert event_span("a raid that killed five", "2025-03-21") is None
    # A headline's "six months after military drone attack": no article before the noun.
    assert event_span("Life six months after drone attack", "2024-06-03") is not None
    assert parse_day_month("U.S. officials: 11 Marines killed", "2021-08-26") is None


def test_a_day_and_month_without_a_year_is_the_latest_such_day_before_publication() -> None:
    assert parse_day_month("raided the school on March 7", "2024-03-25") == "2024-03-07"
    assert parse_day_month("killed on Dec. 30", "2025-01-02") == "2024-12-30"
    assert parse_day_month("29 people may 5 days later", "2024-06-01") is None  # "may": a verb
    assert parse_day_month("on March 7, 2019", "2024-03-25") is None  # has a year: parse_date
    assert event_date("gunmen raided the school on March 7", "2024-03-25") == "2024-03-07"


def test_a_whole_wars_toll_worded_two_ways_by_two_outlets_is_one_running_count() -> None:
    first = _article(
        "A strike hit a school in Ostrel on Monday, killing 12 people. The attack adds to a "
        "death toll from the war that the ministry said had topped 30,000.",
        "Strike on school in Ostrel", "2025-03-10", "a.txt",
    )  # fmt: skip
    second = _article(
        "A strike hit a school in Ostrel on Monday, killing 12 people. The violence has so far "
        "taken over 30,320 lives in Ostrel.",
        "Ostrel school strike", "2025-03-11", "b.txt",
    )  # fmt: skip
    claims = analyse([first, second]).claims
    wide = {c.event for c in claims if (c.low or 0) > 30000}
    incident = {c.event for c in claims if c.low == 12}
    assert len(wide) == 1 and len(incident) == 1 and wide != incident


def test_places_joined_by_and_are_all_the_figures_places() -> None:
    from reconcile.places import find_places

    found = [key for _, key in find_places("Strikes in Ostrel, Kessa and Dorn Valley killed 40.")]
    assert found == ["ostrel", "kessa", "dorn valley"]


# One paragraph a line, with no blank lines between them, as many saved pages are written.
PAST_QUAKES = (
    "A powerful earthquake struck Velmora on Monday, killing at least 2,300 people, the disaster "
    "agency said.\n"
    "It is the deadliest earthquake in the country since 1999, when a quake killed more than "
    "17,000 people in the north.\n"
    "In 2011, another quake killed 600 people in the east.\n"
    "More than 14,000 people were injured, the agency said.\n"
)


def test_past_incidents_named_by_their_years_are_each_their_own_event() -> None:
    article = _article(PAST_QUAKES, "Velmora quake kills 2,300", "2026-02-06", "quake.txt")
    analysis = analyse([article])
    event_of = {c.low: c.event for c in analysis.claims}
    assert len({event_of[2300], event_of[17001], event_of[600]}) == 3
    assert event_of[14001] == event_of[2300]
    # Figures of three different quakes are not set against each other.
    assert not [r for r in analysis.relations if r.type == "contradicts"]


def test_a_sentence_opening_on_it_does_not_carry_the_speaker_over() -> None:
    article = _article(PAST_QUAKES, "Velmora quake kills 2,300", "2026-02-06", "quake.txt")
    (past,) = [c for c in analyse([article]).claims if c.low == 17001]
    assert past.source == "unattributed"


def test_what_an_incident_came_after_is_another_incident() -> None:
    body = (
        "Gunmen abducted 120 pupils from a school in Kelbara on Thursday, police said.\n\n"
        "It came barely 24 hours after insurgents in Dorvana State abducted 200 internally "
        "displaced women."
    )
    article = _article(body, "Gunmen abduct 120 pupils in Kelbara", "2026-03-08", "school.txt")
    claims = {c.low: c for c in analyse([article]).claims}
    # Abducted women, not displaced people: the verb before the figure says the kind.
    assert (claims[120].kind, claims[200].kind) == ("missing", "missing")
    assert claims[120].event != claims[200].event


def test_a_report_weeks_after_the_incident_joins_it() -> None:
    first = _article(
        "A wildfire swept through Kellin on Sunday, killing at least six people, police said.",
        "Wildfire kills six in Kellin",
        "2026-08-03",
        "first.txt",
    )
    later = _article(
        "Nearly 150 people are still missing more than two weeks after the Kellin fire, police "
        "said. The coroner said 43 people had died.",
        "Kellin fire: 150 still missing",
        "2026-08-20",
        "later.txt",
    )
    assert len(_killed_events(first, later)) == 1


def test_how_long_a_figure_held_is_no_count_over_a_span() -> None:
    article = _article(
        "The coroner's office had put the toll at 43 since Aug. 20.",
        "Kellin fire toll",
        "2026-09-14",
        "held.txt",
    )
    (claim,) = analyse([article]).claims
    assert claim.scope == ""


def test_setting_fire_is_an_attack_not_a_fire() -> None:
    from reconcile.events import trigger_class

    assert (
        trigger_class("Its fighters hit four army posts and set fire to a fuel depot.") == "strike"
    )
    assert trigger_class("A fire swept through the market.") == "disaster"


def test_two_quarters_of_one_city_named_by_its_possessive_are_one_incident() -> None:
    # "Velmora's Police Lines" and "Velmora's Red Zone" are both in Velmora: one report,
    # one incident, even worded with two trigger words.
    article = _article(
        "The death toll from the suicide attack on a mosque in Velmora's Police Lines area "
        "rose to 100 on Tuesday, officials said.\n\nOn Monday, 59 people were killed after an "
        "explosion ripped through a mosque in Velmora's Red Zone area.",
        "Mosque toll rises",
        "2025-03-11",
        "a.txt",
    )
    assert len(_killed_events(article)) == 1


def test_a_background_paragraph_dated_to_an_earlier_year_is_another_incident() -> None:
    # The paragraph that opens on a full date of an earlier year goes on telling that story.
    article = _article(
        "Twin blasts in Velmora killed 84 people on Wednesday, officials said.\n\n"
        "- The general was killed on January 3, 2020, in a drone strike near Ostrel airport. "
        "He had been blamed for an attack on three bases in Kessa, where three people died.",
        "Blasts kill 84",
        "2025-01-04",
        "a.txt",
    )
    assert len(_killed_events(article)) == 2


def test_a_comparison_with_the_past_does_not_date_the_figure_after_it() -> None:
    article = _article(
        "Gunmen attacked a concert hall in Velmora on Friday, officials said.\n\n"
        "Friday's attack, the deadliest in Testland since the school siege in 2004, has now "
        "left 137 people dead.",
        "Concert hall attack",
        "2025-03-25",
        "a.txt",
    )
    analysis = analyse([article])
    (claim,) = [c for c in analysis.claims if c.kind == "killed"]
    assert claim.scope != "separate"


def test_an_earlier_years_incident_joins_its_own_year_across_outlets_never_this_weeks() -> None:
    # Two outlets on this week's eruption recall the same 1979 eruption, one by year, one by
    # month and year; neither figure is a count of this week's dead.
    first = _article(
        "Eleven climbers were killed in an eruption of Mount Velm on Sunday, officials said.\n\n"
        "Rescuers searched the slopes on Monday.\n\n"
        "The volcano's deadliest known eruption, in 1979, killed 60 people.",
        "Eruption kills 11 climbers",
        "2026-12-04",
        "a.txt",
    )
    second = _article(
        "Thirteen climbers have died in the eruption of Mount Velm, rescuers said on Monday.\n\n"
        "Ash fell on nearby villages.\n\n"
        "Its most deadly eruption was in April 1979, when 60 people died, the agency said.",
        "Eruption toll rises to 13",
        "2026-12-05",
        "b.txt",
    )
    analysis = analyse([first, second])
    event_of = {(c.article, c.low): c.event for c in analysis.claims if c.kind == "killed"}
    past = {event for (article, low), event in event_of.items() if low == 60}
    now = {event for (article, low), event in event_of.items() if low != 60}
    assert len(past) == 1 and len(now) == 1 and past != now
    assert not [r for r in analysis.relations if r.type == "contradicts"]


def test_a_page_flattened_into_one_paragraph_has_a_lead_of_its_opening_sentences() -> None:
    # No blank line anywhere: the lead is not the whole story, so the quakes of earlier years
    # recalled at its end are other incidents.
    filler = " ".join(
        f"Rescue teams searched collapsed homes in village {n} through the night." for n in range(8)
    )
    article = _article(
        "SUMMARY\nA powerful earthquake struck Velmora on Tuesday, killing at least 53 people, "
        f"state media said. {filler} The disaster follows other quakes in the region, including "
        "Tessa's 2015 quake, which killed nearly 9,000, and Karn's 2008 tragedy, which claimed "
        "70,000 lives.",
        "Quake kills 53 in Velmora",
        "2025-01-07",
        "a.txt",
    )
    event_of = {c.low: c.event for c in analyse([article]).claims}
    assert len({event_of[53], event_of[7650], event_of[70000]}) == 3


@pytest.mark.parametrize(
    ("body", "kept_apart"),
    [
        # A war told by its toll is a series, not the incident...
        ("In response, Testland launched a large-scale offensive that killed more than 36,700 "
         "people, according to the ministry.", True),
        ("The conflict has persisted, claiming over 40,000 lives.", True),
        # ...and so is what a "when" clause tells of a day months before.
        ("It was the largest rescue since October 7, when gunmen stormed the border, killing "
         "about 1,200 people.", True),
        # A day within the month stays this incident's.
        ("Counting those who died of their wounds since March 18, when troops stormed the "
         "compound, killing 60 people, the raid was the deadliest this year.", False),
    ],
)  # fmt: skip
def test_a_war_by_its_toll_and_a_day_months_before_are_not_the_incident(body, kept_apart) -> None:
    article = _article(
        "Troops freed four hostages in Velmora on Saturday, officials said. Medics said 55 people "
        "were killed in the raid.\n\n" + body,
        "Raid in Velmora",
        "2025-03-20",
        "a.txt",
    )
    claims = analyse([article]).claims
    (raid,) = [c for c in claims if c.low == 55]
    (other,) = [c for c in claims if c.low != 55 and c.kind == "killed"]
    assert (other.event != raid.event) is kept_apart


def test_a_day_of_last_year_told_in_passing_joins_no_report_of_this_week() -> None:
    # Dated by its "when" clause to last year, the border attack joins neither this week's
    # raid in this report nor the raid's report from another outlet.
    first = _article(
        "Troops freed four hostages in Velmora on Saturday. Medics said 55 people were killed.",
        "Raid in Velmora",
        "2025-03-16",
        "first.txt",
    )
    later = _article(
        "Medics in Velmora said 60 people were killed in Saturday's raid.\n\nIt was the largest "
        "rescue since October 7, when gunmen stormed the border at Velmora, killing about 1,200 "
        "people.",
        "Raid toll rises",
        "2025-03-17",
        "later.txt",
    )
    claims = analyse([first, later]).claims
    (border,) = [c for c in claims if c.figure == 1200]
    assert {c.event for c in claims if c.low in (55, 60)} == {c.event for c in claims} - {
        border.event
    }


@pytest.mark.parametrize(
    ("storm", "later_place", "events"),
    [
        ("Typhoon Kessa", "Velmora", 1),
        # Unnamed, the storm's report ten days on is a follow-up where it names the same town...
        ("the storm", "Velmora", 1),
        # ...but not at another town ten days on.
        ("the storm", "Dorvana", 2),
    ],
)
def test_reports_of_a_named_storm_ten_days_apart_are_one_event(
    storm: str, later_place: str, events: int
) -> None:
    # A storm lasts days and its floods longer: its name keeps its reports together.
    first = _article(
        f"{storm} killed 14 people in Velmora on Tuesday, officials said.",
        "Storm kills 14",
        "2025-09-03",
        "first.txt",
    )
    later = _article(
        f"The toll from {storm} in {later_place} has risen to 233, officials said on Friday.",
        "Storm toll rises to 233",
        "2025-09-13",
        "later.txt",
    )
    assert len(_killed_events(first, later)) == events


@pytest.mark.parametrize(
    ("turn", "separate"),
    [
        # "yet another <kind of> incident" opens another incident, whatever its kind...
        ("Vale district has been jolted by yet another hooch incident, where five people died.",
         True),
        ("The tragedy comes barely ten days after gunmen abducted 27 students in Ostrel.", True),
        # ...but a hazard's own recurrence goes on with the same disaster.
        ("Another eruption on Monday halted the search; rescuers recovered 5 bodies.", False),
        # A second earthquake is a quake of its own, its magnitude named or not.
        ("Another magnitude-6.1 earthquake hit the region and left 16 people dead.", True),
        ("Another strong quake struck on Tuesday, killing four people.", True),
        # A year the sentence before named: "That year" tells that year's incident.
        ("The number dead is now higher than in the great flood of 1977, he said. "
         "That year, 23 people died.", True),
        ("It rained for three days. That year, 23 people died.", False),
    ],
)  # fmt: skip
def test_another_incident_of_any_kind_is_kept_apart(turn, separate) -> None:
    article = _article(
        "At least 40 people died after drinking spurious liquor in Velmora, officials said.\n\n"
        + turn,
        "Liquor deaths",
        "2025-03-25",
        "a.txt",
    )
    later = [c for c in analyse([article]).claims if c.sentence in turn]
    assert later and all((c.scope == "separate") is separate for c in later)


@pytest.mark.parametrize(
    ("background", "apart"),
    [
        # A month at least two months before the report dates another incident...
        ("The last major attack by the rebels was in February, leaving 23 dead.", True),
        # ...and so does "earlier in" the report's own month...
        ("Earlier in July, the group was responsible for killing 24 people in Vale.", True),
        ("In February, the rebels killed 23 villagers at Mambo.", True),
        # ...but the report's own month is this incident's.
        ("The attack in July left 23 dead, officials said.", False),
        # A group's toll in the thousands is a campaign's, not this attack's.
        ("The rebels have killed thousands of civilians in the region.", True),
    ],
)  # fmt: skip
def test_a_past_month_or_a_campaigns_thousands_are_not_this_attack(background, apart) -> None:
    article = _article(
        "Gunmen killed 43 worshippers in a church in Komvale on Sunday, officials said.\n\n"
        + background,
        "Church attack",
        "2025-07-28",
        "a.txt",
    )
    claims = analyse([article]).claims
    later = [c for c in claims if c.sentence.startswith(background[:20])]
    assert later and all(bool(c.scope) is apart for c in later)


@pytest.mark.parametrize(
    ("background", "apart"),
    [
        # A figure with a thousands separator is read with the whole of its clause: its own
        # comma does not cut the year off.
        ("Cyclone Orrin killed over 138,000 people in the delta in 2008, a disaster then.", True),
        ("A cyclone killed over 138 people in the delta in 2008, a disaster then.", True),
        # "recent" names a series only with a plural of incidents or a span of time.
        ("Recent reports from Testland say 1,400 people have died in the storm.", False),
        ("At least 1,696 people died in recent floods, the agency said.", False),
        ("Dozens of recent attacks have killed 1,200 people in the region.", True),
    ],
)  # fmt: skip
def test_the_clause_of_a_figure_runs_past_its_own_commas(background, apart) -> None:
    article = _article(
        "A cyclone killed 145 people in Testland on Sunday, officials said.\n\n" + background,
        "Cyclone",
        "2023-05-19",
        "a.txt",
    )
    claims = analyse([article]).claims
    later = [c for c in claims if c.sentence.startswith(background[:20])]
    assert later and all(bool(c.scope) is apart for c in later)


def test_an_earlier_months_incident_told_in_passing_is_not_another_reports_main_one() -> None:
    first = _article(
        "At least 16 miners were killed in a fire at the Kostel mine in Karvel Region on "
        "Saturday, officials said.\n\n"
        "In August, four miners were killed after a fire erupted at the same mine.",
        "Mine fire kills 16",
        "2023-10-29",
        "a.txt",
    )
    second = _article(
        "At least 42 miners have been killed in a fire at the Kostel mine in Karvel Region, "
        "the company said on Sunday.",
        "Mine fire toll rises to 42",
        "2023-10-29",
        "b.txt",
    )
    claims = analyse([first, second]).claims
    by_figure = {c.low: c.event for c in claims if c.kind == "killed"}
    assert by_figure[16] == by_figure[42]
    assert by_figure[4] != by_figure[16]


def test_a_where_clause_is_of_the_earlier_year_its_sentence_named() -> None:
    article = _article(
        "An explosion killed 41 miners at a coal mine in Amstel on Friday, officials said.\n\n"
        "This is not the first time: the worst disaster in 2014 was inside a coal mine in the "
        "city of Soren, in the west, where 301 people died in a fire.",
        "Mine blast kills 41",
        "2022-10-15",
        "a.txt",
    )
    claims = {c.low: c for c in analyse([article]).claims if c.kind == "killed"}
    assert claims[301].scope == "separate" and claims[301].event != claims[41].event


def test_a_lead_that_turns_to_another_incident_keeps_the_figure_after_the_turn_apart() -> None:
    # The lead tells its own toll, then "yet another hooch incident" elsewhere: the five are
    # another incident's, the 38 this one's.
    article = _article(
        "Even as the toll in the Ostrel hooch tragedy continues to rise, with the district "
        "administration confirming 38 deaths so far, Velmora has been jolted by yet another "
        "hooch incident, this time in Kessa district, where five people have died after "
        "consuming illicit liquor, police said on Friday.",
        "Toxic liquor kills 38",
        "2025-03-25",
        "a.txt",
    )
    claims = {c.low: c for c in analyse([article]).claims if c.kind == "killed"}
    assert claims[5].event != claims[38].event
    assert claims[5].scope == "separate" and claims[38].scope != "separate"
