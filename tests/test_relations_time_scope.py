"""Relations that know time, scope and vagueness: what a fact-checker calls a contradiction.

Each case is two invented reports of one bombing in the invented town of Ostravel. The analyst
relies on `contradicts` meaning "these figures cannot both hold for the same count at the same
time"; a rising toll, a rounded figure, an estimate or a count of one part is something else,
and the relation says which, in words.
"""

from __future__ import annotations

import pytest

from reconcile.ingest.text import read_text_article
from reconcile.model import Article
from reconcile.pipeline import Analysis, analyse
from reconcile.relations import loose_interval, rounding

LEAD = "A car bomb exploded at the market in Ostravel on Monday."


def article(body: str, outlet: str, published: str = "2025-03-10") -> Article:
    text = (
        f"---\ntitle: Car bomb in Ostravel market\noutlet: {outlet}\npublished: {published}\n"
        f"---\n{LEAD} {body}\n"
    )
    return read_text_article(text, path=f"{outlet.lower().replace(' ', '-')}.txt")


def relation(analysis: Analysis, first: str, second: str) -> tuple[str, str]:
    """Return (type, note) of the relation between the claims stated `first` and `second`."""
    stated = {c.id: c.stated for c in analysis.claims}
    for r in analysis.relations:
        if {stated[r.a], stated[r.b]} == {first, second}:
            return r.type, r.note
    raise AssertionError(f"no relation between {first!r} and {second!r}: {analysis.relations}")


def pair(body_a: str, body_b: str, day_a: str = "2025-03-10", day_b: str = "2025-03-10"):
    return analyse([article(body_a, "North Post", day_a), article(body_b, "South Wire", day_b)])


@pytest.mark.parametrize(
    ("body_a", "body_b", "first", "second", "expected"),
    [
        # A rounded figure is a floor: the count can be above it, not far below it.
        ("About 30 people were killed, police said.", "The Red Cross said 39 people were killed.",
         "About 30", "39", "compatible"),
        ("About 900 people were injured, police said.", "Doctors said 803 people were injured.",
         "About 900", "803", "contradicts"),
        ("Nearly 100 people were injured, police said.", "Doctors said more than 100 people were injured.",
         "Nearly 100", "more than 100", "compatible"),
        ("Close to 80 people were killed, police said.", "Doctors said more than 100 people were killed.",
         "Close to 80", "more than 100", "contradicts"),
        # "Nearly N" of a count still rising: a little above N is the same count, rounded.
        ("Nearly 180 passengers are missing, police said.", "Rescuers said 192 people are missing.",
         "Nearly 180", "192", "compatible"),
        # A vague amount is its floor, open above: "dozens of deaths" is true of 112.
        ("The blast caused dozens of deaths, police said.", "Doctors said 112 people were killed.",
         "dozens of", "112", "compatible"),
        ("The blast caused dozens of deaths, police said.", "Doctors said 10 people were killed.",
         "dozens of", "10", "contradicts"),
        # ... used loosely, a quarter below its floor: "hundreds" of wounded and 182 agree.
        ("The blast wounded hundreds of people, police said.",
         "Doctors said 182 people were injured.", "hundreds of", "182", "compatible"),
        ("The blast wounded hundreds of people, police said.",
         "Doctors said 120 people were injured.", "hundreds of", "120", "contradicts"),
    ],
)  # fmt: skip
def test_rounded_and_vague_figures_are_compared_with_their_vagueness(
    body_a: str, body_b: str, first: str, second: str, expected: str
) -> None:
    kind, note = relation(pair(body_a, body_b), first, second)
    assert kind == expected
    assert note, "every relation says why"


def test_rounding_follows_the_last_significant_place() -> None:
    assert rounding(900) == 50
    assert rounding(30) == 5
    assert rounding(37) == 0.5
    assert rounding(100) == 25  # never wider than a quarter of the figure


def test_an_exact_count_keeps_its_interval_when_compared() -> None:
    analysis = pair("Police said 12 people were killed.", "Doctors said 15 people were killed.")
    for claim in analysis.claims:
        assert loose_interval(claim) == claim.interval


def test_an_estimate_of_what_may_be_is_not_a_rival_count() -> None:
    analysis = pair(
        "The governor said the toll could reach 5,000.",
        "Officials said 3,200 people were killed.",
    )
    kind, note = relation(analysis, "could reach 5,000", "3,200")
    assert kind == "compatible"
    assert "estimate" in note


def test_a_running_toll_reported_by_two_outlets_the_same_day_is_an_update() -> None:
    analysis = pair(
        "The death toll has now reached 115, the ministry said.",
        "The death toll rose to 133, officials said.",
    )
    stated = {c.id: c.stated for c in analysis.claims}
    updates = [(stated[r.a], stated[r.b]) for r in analysis.relations if r.type == "updated"]
    assert ("115", "133") in updates
    assert not [r for r in analysis.relations if r.type == "contradicts"]


def test_a_higher_toll_on_a_later_day_updates_an_earlier_one_whoever_reports_it() -> None:
    analysis = pair(
        "Police said 20 people were killed.",
        "The Red Cross said 26 people were killed.",
        day_b="2025-03-11",
    )
    assert relation(analysis, "20", "26")[0] == "updated"
    (killed,) = [r for r in analysis.reconciled if r.kind == "killed"]
    assert killed.best == 26


def test_a_correction_replaces_the_figure_it_corrects_even_downwards() -> None:
    analysis = pair(
        "Police said 288 people were killed.",
        "The railway board said the death toll had been revised to 275.",
    )
    stated = {c.id: c.stated for c in analysis.claims}
    updates = [(stated[r.a], stated[r.b]) for r in analysis.relations if r.type == "updated"]
    assert ("288", "275") in updates


def test_a_figure_that_disputes_the_others_is_a_rival_not_a_revision() -> None:
    analysis = pair(
        "The school said 287 students were kidnapped.",
        "The governor said only 137 students were abducted.",
        day_b="2025-03-12",
    )
    kind, note = relation(analysis, "287", "137")
    assert kind == "contradicts"
    assert "set against" in note
    (missing,) = [r for r in analysis.reconciled if r.kind == "missing"]
    # The disputed later figure does not supersede the school's: both stand, the range spans them.
    assert (missing.low, missing.high) == (137, 287)


def test_a_missing_count_that_falls_as_people_are_found_is_an_update() -> None:
    analysis = pair(
        "Police said 60 people were missing.",
        "Seven people are still missing, police said.",
        day_b="2025-03-12",
    )
    assert relation(analysis, "60", "Seven")[0] == "updated"


def test_one_sources_two_figures_in_two_reports_of_a_day_are_stages_of_its_count() -> None:
    analysis = pair(
        "Interior Minister Lena Paik said 40 miners were confirmed dead.",
        "Interior Minister Lena Paik said 41 miners were confirmed dead.",
    )
    assert relation(analysis, "40", "41") == (
        "updated", "the same source's figure rose as the source's count went on")  # fmt: skip
    # A jump too large for a count that went on is no stage of it.
    jump = pair(
        "Interior Minister Lena Paik said 40 miners were confirmed dead.",
        "Interior Minister Lena Paik said 60 miners were confirmed dead.",
    )
    assert relation(jump, "40", "60")[0] == "contradicts"
    # Two sources' figures the same day stay rivals.
    rivals = pair("The minister said 40 miners died.", "The union said 47 miners died.")
    assert relation(rivals, "40", "47")[0] == "contradicts"


def test_two_reports_of_a_missing_count_that_rose_are_stages_not_rivals() -> None:
    analysis = pair(
        "The number of people still missing has risen to 101, police said.",
        "The number of people still missing rose to 103, officials said.",
    )
    assert relation(analysis, "101", "103") == (
        "updated", "both say the count rose: the higher is the later stage")  # fmt: skip
    # Without words of movement the two reports' figures stay rivals.
    rivals = pair("Police said 101 people are missing.", "Officials said 103 people are missing.")
    assert relation(rivals, "101", "103")[0] == "contradicts"


@pytest.mark.parametrize(
    ("body_b", "part", "expected"),
    [
        ("Doctors said 10 bodies were taken to the central hospital.", "10", "subset"),
        ("Rescuers said around 40 bodies were recovered.", "around 40", "subset"),
    ],
)
def test_a_count_of_one_place_or_state_is_part_of_the_total(
    body_b: str, part: str, expected: str
) -> None:
    analysis = pair("Police said 288 people were killed.", body_b)
    kind, note = relation(analysis, "288", part)
    assert kind == expected
    assert "part" in note


def test_the_time_word_nearest_the_figure_says_its_stage() -> None:
    analysis = analyse(
        [
            article(
                "Officials said at least 39 people were killed, which raised an earlier "
                "estimate of 30 dead.",
                "North Post",
            )
        ]
    )
    stated = {c.id: c.stated for c in analysis.claims}
    updates = [(stated[r.a], stated[r.b]) for r in analysis.relations if r.type == "updated"]
    assert ("30", "at least 39") in updates


def test_counts_for_different_places_in_one_report_are_parts_not_rivals() -> None:
    analysis = analyse(
        [
            article(
                "The earthquake killed more than 4,300 people in Velmora and Ostrel, officials "
                "said. In Velmora, the disaster agency said 2,921 people had died. In Ostrel, "
                "1,444 were killed, according to the health ministry.",
                "North Post",
            )
        ]
    )
    assert relation(analysis, "2,921", "1,444")[0] == "compatible"
    assert "different places" in relation(analysis, "2,921", "1,444")[1]
    assert relation(analysis, "2,921", "more than 4,300")[0] == "subset"
    assert not [r for r in analysis.relations if r.type == "contradicts"]
    (killed,) = [r for r in analysis.reconciled if r.kind == "killed"]
    assert killed.best == 4_301
    assert "one part set aside" in killed.note


def test_a_sentence_without_a_date_is_not_later_than_the_lead_that_names_a_day() -> None:
    # The lead dates the attack to Monday; an undated later sentence of the same report gives
    # a rival figure, not a revision made on publication day.
    analysis = analyse(
        [
            article(
                "Police said 12 people were killed on Monday. Witnesses said 30 people were "
                "killed.",
                "North Post",
                published="2025-03-13",
            )
        ]
    )
    assert relation(analysis, "12", "30")[0] == "contradicts"


def test_live_contradictions_are_listed_before_those_with_a_superseded_figure() -> None:
    from reconcile.report.findings import STALE, build_report

    analysis = analyse(
        [
            article("The ministry said 12 people were killed.", "North Post", "2025-03-10"),
            article("Witnesses said 30 people were killed.", "South Wire", "2025-03-10"),
            article(
                "The ministry said the death toll had risen to 19.", "East Times", "2025-03-11"
            ),
        ]
    )
    (report,) = build_report(analysis)
    contradictions = [f for f in report.findings if f.type == "contradicts"]
    live = [f for f in contradictions if "superseded" not in f.text]
    stale = [f for f in contradictions if "superseded" in f.text]
    assert live and stale
    order = [f.text for f in report.findings]
    assert max(order.index(f.text) for f in live) < min(order.index(f.text) for f in stale)
    # Capped, the stale ones are counted under their own name, not as live contradictions.
    (capped,) = build_report(analysis, max_findings=len(live))
    assert capped.more[STALE] == len(stale)


def test_a_count_of_one_side_is_not_a_rival_of_the_whole_toll() -> None:
    analysis = pair(
        "Health officials said 11 people were killed in the strike.",
        "The army said the strike killed seven insurgents.",
    )
    kind, note = relation(analysis, "11", "seven")
    assert kind == "compatible"
    assert "only fighters" in note


def test_a_part_larger_than_the_running_toll_contradicts_it_whatever_the_words() -> None:
    # Reported the same day, 18 civilians cannot be part of a toll of 16: a count of a part is
    # no stage of the total's running count, so "has risen to" does not order the two.
    analysis = pair(
        "The death toll has risen to 16, the health directorate said.",
        "The observatory said 18 civilians were killed.",
    )
    kind, note = relation(analysis, "16", "18")
    assert kind == "contradicts"
    assert "part larger" in note


def test_fighters_and_civilians_are_two_counts_not_a_part_and_its_total() -> None:
    analysis = pair(
        "The army said the strike killed seven insurgents.",
        "The observatory said 18 civilians were killed in the strike.",
    )
    kind, note = relation(analysis, "seven", "18")
    assert kind == "compatible"
    assert "different groups" in note


def test_the_armys_count_of_insurgents_is_not_superseded_by_a_later_toll() -> None:
    analysis = pair(
        "The army said the strike killed seven insurgents.",
        "Health officials said 16 people were killed in the strike.",
        day_b="2025-03-11",
    )
    kind, _ = relation(analysis, "seven", "16")
    assert kind == "compatible"


def test_a_figure_repeated_in_its_own_article_is_linked_to_the_other_reports_at_each_mention():
    # The fact-checker may cite either mention of North Post's 40: both agree with South Wire's.
    analysis = pair(
        "Police said 40 people were killed. Later in the day police said again that 40 people "
        "were killed and that the search was over.",
        "Forty people were killed, police said.",
        day_b="2025-03-11",
    )
    south = {c.id for c in analysis.claims if c.stated == "Forty"}
    linked = {
        (r.a, r.b) for r in analysis.relations if r.type == "agrees" and r.note == "the same figure"
    }
    north_mentions = [c for c in analysis.claims if c.low == 40 and c.stated == "40"]
    assert len(north_mentions) == 2 and len(south) == 1
    for claim in north_mentions:
        assert any(claim.id in pair_ids and south & set(pair_ids) for pair_ids in linked)


def test_a_contradiction_is_listed_once_per_pair_of_figures_not_per_mention():
    analysis = pair(
        "Police said 40 people were killed. Police said again that 40 people were killed.",
        "Rebels said 90 people were killed.",
    )
    assert sum(r.type == "contradicts" for r in analysis.relations) == 1


def _quake(body: str, outlet: str, published: str) -> Article:
    text = (
        f"---\ntitle: Earthquake hits Ostravel and Kessa\noutlet: {outlet}\npublished: {published}"
        f"\n---\nA powerful earthquake struck Ostravel and Kessa on Monday. {body}\n"
    )
    return read_text_article(text, path=f"{outlet.lower().replace(' ', '-')}.txt")


def test_a_places_toll_is_part_of_the_toll_another_report_gives_for_places_it_joins():
    analysis = analyse([
        _quake("The combined death toll in Ostravel and Kessa rose to 7,826.", "North Post",
               "2025-03-10"),
        _quake("In Kessa, 5,894 people were killed, the vice president said.", "South Wire",
               "2025-03-11"),
    ])  # fmt: skip
    assert relation(analysis, "5,894", "7,826")[0] == "subset"


def test_a_chain_of_nested_places_named_in_full_is_not_a_set_of_parts():
    # "at the market in Ostravel's Kessa district" names one place three ways, not three places.
    analysis = analyse([
        _quake("The toll at the Dorn market in Ostravel's Kessa district rose to 90.",
               "North Post", "2025-03-10"),
        _quake("In Kessa, 60 people were killed, officials said.", "South Wire", "2025-03-11"),
    ])  # fmt: skip
    assert relation(analysis, "90", "60")[0] != "subset"


@pytest.mark.parametrize(("first", "second"), [("1,000", "385"), ("385", "1,100")])
def test_a_missing_count_on_a_later_day_updates_the_list_whoever_gives_it(first, second):
    analysis = pair(
        f"Police said {first} people were missing.",
        f"The governor said {second} people were missing.",
        day_b="2025-03-12",
    )
    kind, note = relation(analysis, first, second)
    assert kind == "updated" and "missing count" in note


def test_one_reports_floor_and_its_count_are_compatible_not_a_stage_of_the_toll():
    analysis = analyse([article(
        "The attack killed more than 100 people. The toll has now reached 112.",
        "North Post",
    )])  # fmt: skip
    assert relation(analysis, "more than 100", "112")[0] == "compatible"


def test_a_report_that_states_two_counts_itself_gives_the_smaller_as_a_part():
    analysis = analyse([article(
        "Police detained 11 suspects. Two suspects were detained near the market.", "North Post"
    )])  # fmt: skip
    kind, note = relation(analysis, "Two", "11")
    assert kind == "subset" and "same report" in note


def test_two_sources_in_one_report_still_contradict():
    analysis = analyse([article(
        "The Red Cross said 40 people were killed. The minister said 12 people were killed.",
        "North Post",
    )])  # fmt: skip
    assert relation(analysis, "40", "12")[0] == "contradicts"


def test_a_vague_missing_count_and_a_later_figure_it_allows_stay_compatible():
    analysis = pair(
        "Gunmen abducted dozens of villagers, residents said.",
        "Police said 60 villagers had been abducted.",
        day_b="2025-03-12",
    )
    assert relation(analysis, "dozens of", "60")[0] == "compatible"


def test_a_time_word_opening_the_sentence_dates_every_figure_in_it():
    analysis = analyse(
        [
            article(
                "Earlier, local channels reported 143 and 150 deaths. The investigative "
                "committee said the toll later rose to 133.",
                "North Post",
            )
        ]
    )
    # The channels' figures came first; the committee's lower figure is no later stage of
    # theirs, so each of them stays set against it...
    assert relation(analysis, "150", "133")[0] == "contradicts"
    # ...and the channels' own two figures, in one sentence, are rivals, not stages.
    assert relation(analysis, "143", "150")[0] == "contradicts"


@pytest.mark.parametrize(
    "part",
    [
        "Doctors said 19 people were in critical condition.",
        "Doctors said there were dozens of serious injuries.",
        "Doctors said 19 people were critically injured.",
    ],
)
def test_a_count_of_the_gravely_wounded_is_part_of_the_wounded(part: str):
    analysis = pair("Police said 82 people were injured.", part)
    stated = next(c.stated for c in analysis.claims if c.low < 82)
    assert relation(analysis, "82", stated)[0] == "subset"


def test_the_whole_a_part_is_taken_from_is_no_part():
    analysis = pair(
        "The minister said at least 120 of the 5,000 people hurt were in a critical condition.",
        "Doctors said more than 6,000 people were injured.",
        day_b="2025-03-12",
    )
    assert relation(analysis, "5,000", "more than 6,000")[0] == "updated"


def test_two_outlets_floors_of_a_growing_toll_are_two_stages_of_it():
    analysis = pair(
        "Officials said more than 30 people were killed.",
        "The Red Cross said at least 39 people were killed.",
    )
    assert relation(analysis, "more than 30", "at least 39")[0] == "updated"
    # Within one report, a floor and a count it allows stay compatible.
    one = analyse(
        [article("Police said more than 30 people were killed. Doctors said 39 had died.", "Post")]
    )
    assert relation(one, "more than 30", "39")[0] == "compatible"


def test_each_outlets_copy_of_a_wire_figure_is_linked_to_the_later_count():
    wire = "The health ministry said 40 people were killed."
    analysis = analyse(
        [
            article(wire, "North Post", "2025-03-10"),
            article(wire, "South Wire", "2025-03-10"),
            article("The health ministry said 52 people were killed.", "East Times", "2025-03-12"),
        ]
    )
    by_id = {c.id: c for c in analysis.claims}
    forty = {c.id for c in analysis.claims if c.low == 40}
    later = {c.id for c in analysis.claims if c.low == 52}
    updated = {(r.a, r.b) for r in analysis.relations if r.type == "updated"}
    # Either outlet's copy is what a fact-checker may cite: both are linked to the later 52.
    assert {(a, b) for a in forty for b in later} <= updated, [
        (by_id[a].stated, by_id[b].stated) for a, b in updated
    ]


def test_those_still_missing_beside_a_larger_search_count_are_no_rival() -> None:
    # The same day, no word of time: 38 still missing after a search for 39 (one was found).
    analysis = pair(
        "The coast guard searched for 39 people reported missing.",
        "Thirty-eight people are still missing, the coast guard said.",
    )
    kind, note = relation(analysis, "39", "Thirty-eight")
    assert kind == "compatible"
    assert "still missing" in note


def test_those_still_in_hospital_are_a_part_of_the_wounded() -> None:
    analysis = pair(
        "More than 200 injured people were brought to the hospital, police said.",
        "Doctors said 53 injured were currently being treated.",
    )
    assert relation(analysis, "More than 200", "53")[0] == "compatible"


def test_the_bodies_one_hospital_received_are_a_part_of_the_toll() -> None:
    analysis = pair(
        "The chief secretary put the death toll at 116.",
        "Doctors at the district hospital said they had received 27 bodies.",
    )
    assert relation(analysis, "116", "27")[0] == "subset"


def test_a_places_count_above_another_reports_toll_says_the_toll_has_grown() -> None:
    # Forensic laboratories' 74 bodies in one report, a toll of 73 in another: the toll moved
    # on; in one report the two set side by side would be a conflict.
    analysis = pair(
        "The health department said the death toll was 73.",
        "Forensic laboratories had received 74 bodies, the pathology service said.",
    )
    kind, note = relation(analysis, "73", "74")
    assert kind == "updated"
    assert "grown" in note


def test_updating_those_numbers_supersedes_them_even_downwards() -> None:
    analysis = pair(
        "Authorities said earlier that more than 15 people were killed.",
        "Police later updated those numbers to 14 dead.",
    )
    assert relation(analysis, "more than 15", "14")[0] == "updated"


def test_counts_of_one_cause_or_place_of_death_are_parts_of_the_toll() -> None:
    analysis = analyse(
        [
            article(
                "The fire has claimed at least 43 lives, officials say. The interior minister said "
                "that three people died from smoke inhalation and 18 people travelling in four cars "
                "died on the road.",
                "North Post",
            )
        ]
    )
    assert relation(analysis, "at least 43", "three")[0] == "subset"
    assert relation(analysis, "at least 43", "18")[0] == "subset"


@pytest.mark.parametrize(
    ("body_a", "body_b", "first", "second", "expected"),
    [
        # One paper's own lower toll and a named source's higher one the same day: the toll
        # rose between the desks' reports.
        ("Twelve people were killed in the blast.", "Doctors said 15 people were killed.",
         "Twelve", "15", "updated"),
        # So is an unnamed official's lower figure.
        ("An official who asked not to be named said 12 people were killed.",
         "Doctors said 15 people were killed.", "12", "15", "updated"),
        # A named source's count is not overtaken by a higher one no one is named for.
        ("Doctors said 12 people were killed.", "Fifteen people were killed in the blast.",
         "12", "Fifteen", "contradicts"),
        # Two named authorities the same day are rivals.
        ("Police said 12 people were killed.", "Doctors said 15 people were killed.",
         "12", "15", "contradicts"),
        # A side in the conflict makes a claim, not a stage of anyone's count.
        ("Twelve people were killed in the blast.",
         "The Ostravel Liberation Front said 15 of its fighters were killed.",
         "Twelve", "15", "contradicts"),
    ],
)  # fmt: skip
def test_an_unsourced_lower_toll_of_the_day_is_an_earlier_stage_not_a_rival(
    body_a: str, body_b: str, first: str, second: str, expected: str
) -> None:
    kind, note = relation(pair(body_a, body_b), first, second)
    assert kind == expected, note
    if expected == "updated":
        assert "same day" in note


def test_a_headline_restating_its_reports_source_is_that_sources_figure() -> None:
    # North Post's headline "kills 12" is the police's 12, named in its body: against the
    # doctors' 15 it is the police's rival figure, not an unsourced earlier stage.
    text = (
        "---\ntitle: Ostravel market bomb kills 12\noutlet: North Post\npublished: 2025-03-10\n"
        f"---\n{LEAD} Police said 12 people were killed.\n"
    )
    north = read_text_article(text, path="north-post.txt")
    analysis = analyse([north, article("Doctors said 15 people were killed.", "South Wire")])
    by_id = {c.id: c for c in analysis.claims}
    between = {
        r.type
        for r in analysis.relations
        if {by_id[r.a].article, by_id[r.b].article} == {north.id, analysis.claims[-1].article}
        and {by_id[r.a].low, by_id[r.b].low} == {12, 15}
    }
    assert between == {"contradicts"}


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # A minister and the ministry speak with one voice: its count moved.
        ("Velmora's Health Minister Dara Olin said 22 people were killed.",
         "Later the Health Ministry said 32 people were killed.", "updated"),
        ("The Ministry of Health and Population said 165 people were injured.",
         "A health ministry spokesperson said 185 people were injured.", "updated"),
        # Two countries' ministries are two voices.
        ("Velmoran Health Minister Dara Olin said 22 people were killed.",
         "The Ostrelian Health Ministry said 32 people were killed.", "contradicts"),
    ],
)  # fmt: skip
def test_a_ministry_and_its_minister_are_one_source(first, second, expected) -> None:
    analysis = analyse([article(f"{first} {second}", "North Post")])
    figures = sorted({c.low for c in analysis.claims if c.low and c.low > 20})
    kind, note = relation(analysis, *[str(f) for f in figures])
    assert kind == expected, note


def test_a_participle_going_on_with_a_corrected_toll_is_a_revision() -> None:
    # "a corrected death toll ..., putting the death toll at 125": the 174 reported before is
    # corrected, not contradicted.
    analysis = pair(
        "At least 174 people were killed, police said.",
        "The governor announced a corrected death toll from the crush that followed the match, "
        "putting the death toll at 125.",
        day_b="2025-03-11",
    )
    kind, note = relation(analysis, "At least 174", "125")
    assert kind == "updated"
    assert "corrects" in note


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        # Missing people are found: what still remains a week on is a fallen count, even when
        # the earlier figure counted a narrower group ("workers").
        ("Rescuers said eight people were still missing.", "updated"),
        # Without words that it is what remains, a lower figure a week on is a rival.
        ("Rescuers said eight people were missing.", "contradicts"),
    ],
)
def test_an_earlier_part_above_what_later_remains_missing(later: str, expected: str) -> None:
    analysis = pair(
        "Officials said 27 workers were unaccounted for.", later, "2025-03-10", "2025-03-17"
    )
    kind, _note = relation(analysis, "27", "eight")
    assert kind == expected


@pytest.mark.parametrize(
    ("body_a", "body_b", "first", "second", "expected"),
    [
        # A count by its place that may be the whole toll, told another way, is compatible...
        ("Dozens of people were killed, police said.",
         "Doctors said nearly 40 bodies were brought to the city morgue.",
         "Dozens of", "nearly 40", "compatible"),
        # ...one well below the total is a part of it.
        ("Officials said 288 people were killed.",
         "Doctors said 40 bodies were brought to the city morgue.",
         "40", "288", "subset"),
    ],
)  # fmt: skip
def test_a_part_that_may_be_the_whole_is_compatible(body_a, body_b, first, second, expected):
    kind, _note = relation(pair(body_a, body_b), first, second)
    assert kind == expected


@pytest.mark.parametrize(
    ("body", "first", "second", "expected"),
    [
        # A report's own toll above a figure it gives a named source: the source's count is an
        # earlier stage of the toll the report sums up...
        ("At least 49 people were killed. Police said 10 people had died.", "At least 49", "10",
         "updated"),
        # ...the report's own figure below its source's is no stage of it...
        ("Ten people were killed. Police said 49 people had died.", "Ten", "49",
         "contradicts"),
    ],
)  # fmt: skip
def test_a_reports_own_toll_above_its_sources_count(body, first, second, expected):
    kind, _note = relation(analyse([article(body, "North Post")]), first, second)
    assert kind == expected


def test_a_figure_revising_down_an_earlier_toll_is_its_correction() -> None:
    # "killed 84 ..., revising down an earlier toll": the newer figure, whoever gave the old.
    analysis = pair(
        "Officials said 103 people were killed.",
        "Authorities said the bombing killed 84 people, revising down an earlier toll.",
        "2025-03-10",
        "2025-03-11",
    )
    assert relation(analysis, "103", "84")[0] == "updated"


@pytest.mark.parametrize("verb", ["soared to", "surged to"])
def test_more_words_of_a_running_count_that_moved_on(verb: str) -> None:
    # Running-count verbs beyond "rose": the higher figure is the later stage of the toll.
    analysis = pair("Police said 250 people were killed.", f"The death toll has {verb} 300.")
    assert relation(analysis, "250", "300")[0] == "updated"
