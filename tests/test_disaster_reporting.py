"""Disaster and crime reporting words, beyond the conflict reporting the grammar started from:
death by a cause, the adjectives of a running count, bodies found, "claimed N lives", and a
source that told the press in common words. All sentences are invented."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("body", "kind", "low"),
    [
        ("At least 151 people were crushed to death in the narrow alley.", "killed", 151),
        ("Nine migrants drowned when their boat capsized off Testport.", "killed", 9),
        ("Three men were stabbed to death outside the station.", "killed", 3),
        ("The number of confirmed deaths rose to 93, the disaster agency said.", "killed", 93),
        ("The number of reported injured is 412, the ministry said.", "wounded", 412),
        ("Rescuers said they had found 12 bodies in the rubble.", "killed", 12),
        # Headline words: no article, no auxiliary.
        ("35 dead bodies recovered from the fairground.", "killed", 35),
        ("Bodies of 18 people found in forest.", "killed", 18),
        ("Ferry sinking claims lives of 61 people.", "killed", 61),
        # A dropped "at" still bounds the figure from below.
        ("Least 44 killed in building blaze.", "killed", 44),
        # "another dozen" is a dozen.
        ("Another dozen people were killed in the next valley.", "killed", 12),
        # Levin's murder verbs (42.1) are killing verbs.
        ("On Monday, six people were murdered in an explosion in Testport.", "killed", 6),
        ("Gunmen slaughtered 12 villagers overnight.", "killed", 12),
    ],
)
def test_death_by_a_cause_and_the_words_of_a_running_count_are_counts(
    claims_in, body: str, kind: str, low: int
) -> None:
    assert [(c.kind, c.low) for c in claims_in(body)] == [(kind, low)]


def test_released_people_found_alive_are_still_not_a_harm_count(claims_in) -> None:
    assert claims_in("Police found 20 pupils abducted last week.") == []


@pytest.mark.parametrize(
    "body",
    [
        "The blaze has claimed 36 lives.",
        "The blaze claimed lives of 36 people.",
        # A hazard that raised the toll did not count it.
        "The rains raised the death toll to 36.",
    ],
)
def test_a_fire_that_claimed_lives_is_not_a_source(claims_in, body: str) -> None:
    (claim,) = claims_in(body)
    assert (claim.kind, claim.low, claim.source) == ("killed", 36, "unattributed")


def test_least_is_a_floor_and_bodies_of_a_missing_count_stay_missing(claims_in) -> None:
    (least,) = claims_in("Officials saying least 26 people are dead after the quake.")
    assert (least.low, least.high, least.qualifier) == (26, None, "at_least")
    # "five bodies of 39 (who were missing)": the 39 are the missing, not the dead.
    claims = claims_in("Rescuers found five bodies of 39 migrants who were missing.")
    assert {(c.kind, c.low) for c in claims} == {("killed", 5), ("missing", 39)}


@pytest.mark.parametrize(
    ("body", "source", "cue"),
    [
        ("More than 150 people died, emergency officials told local media.",
         "emergency officials", "told local media"),
        ("Two people were killed, the mayor told reporters on Friday.", "the mayor",
         "told reporters"),
        ("Five were wounded, a police officer told state television.", "a police officer",
         "told state television"),
    ],
)  # fmt: skip
def test_a_source_that_told_the_press_in_common_words_is_the_source(
    claims_in, body: str, source: str, cue: str
) -> None:
    (claim,) = claims_in(body)
    assert (claim.source, claim.cue) == (source, cue)


@pytest.mark.parametrize(
    ("body", "kind", "low"),
    [
        # IDMC counts evacuations and people in shelters as displacement.
        ("More than 11,000 residents were evacuated from the valley.", "displaced", 11_001),
        ("Authorities said 3,000 people had sought refuge in shelters.", "displaced", 3_000),
        ("The health department said 62 people remain in hospital.", "wounded", 62),
    ],
)
def test_evacuations_and_hospital_stays_are_counted_as_disaster_databases_count_them(
    claims_in, body: str, kind: str, low: int
) -> None:
    assert [(c.kind, c.low) for c in claims_in(body)] == [(kind, low)]


def test_buildings_a_fire_destroyed_are_not_targets_but_depots_a_strike_hit_are() -> None:
    from conftest import make_article_from

    from reconcile.pipeline import extract_framed

    fire = make_article_from(
        "A wildfire swept through Testville on Tuesday. The fire destroyed 2,200 buildings "
        "and 4,500 people needed shelter, the Red Cross said."
    )
    strike = make_article_from(
        "An air strike hit Testville on Tuesday. The strikes destroyed two fuel depots, the "
        "army said."
    )
    assert [(c.kind, c.low) for c in extract_framed(fire)] == [("displaced", 4_500)]
    assert ("targets", 2) in [(c.kind, c.low) for c in extract_framed(strike)]


@pytest.mark.parametrize(
    ("body", "qualifier", "low", "high"),
    [
        ("The death toll has gone up to 288, a railway official said.", "exact", 288, 288),
        ("The toll had topped 30,000, the ministry said.", "more_than", 30_001, None),
        ("The number of dead has exceeded 500, officials said.", "more_than", 501, None),
        ("Up to 15 people were killed, police said.", "at_most", 0, 15),
    ],
)
def test_a_toll_that_went_up_to_or_topped_a_figure_is_read_as_it_moved(
    claims_in, body: str, qualifier: str, low: int, high: int | None
) -> None:
    (claim,) = claims_in(body)
    assert (claim.kind, claim.qualifier, claim.low, claim.high) == ("killed", qualifier, low, high)


def test_a_toll_from_the_war_is_a_series_not_the_incident() -> None:
    from conftest import make_article_from

    from reconcile.pipeline import analyse

    article = make_article_from(
        "Troops opened fire on a crowd in Testville on Thursday, killing 12 people, medics "
        "said. The incident adds to a death toll from the war that the ministry said had "
        "topped 30,000."
    )
    analysis = analyse([article])
    events = {c.stated: c.event for c in analysis.claims}
    assert events["topped 30,000"] != events["12"]


@pytest.mark.parametrize(
    ("body", "kinds"),
    [
        ("The gunmen opened fire, killing and wounding hundreds.", {"killed", "wounded"}),
        ("The stampede led to dozens of deaths and injuries.", {"killed", "wounded"}),
        ("Dozens of dead and injured were taken away.", {"killed", "wounded"}),
    ],
)
def test_one_figure_two_kinds(claims_in, body: str, kinds: set[str]) -> None:
    claims = claims_in(body)
    assert {c.kind for c in claims} == kinds
    assert len({c.stated for c in claims}) == 1


def test_two_figures_each_with_its_own_kind_are_not_shared(claims_in) -> None:
    claims = claims_in("The attack killed 12 and wounded 40.")
    assert [(c.kind, c.low) for c in claims] == [("killed", 12), ("wounded", 40)]


@pytest.mark.parametrize(
    "body",
    [
        "The court ruled that all four men will be held in pre-trial detention.",
        "Two suspects were remanded in custody on Monday.",
        "A judge said three men would be held in custody.",
    ],
)
def test_the_words_of_courts_for_detention_count_arrests(claims_in, body: str) -> None:
    assert [c.kind for c in claims_in(body)] == ["arrested"]


@pytest.mark.parametrize(
    ("body", "kind", "low"),
    [
        ("The number of people unaccounted for has fallen to 388.", "missing", 388),
        ("The number of people who died rose to 99, officials said.", "killed", 99),
        ("The number of injuries stands at 1,100.", "wounded", 1_100),
    ],
)
def test_the_number_of_people_in_a_state_is_a_toll_of_that_kind(
    claims_in, body: str, kind: str, low: int
) -> None:
    assert [(c.kind, c.low) for c in claims_in(body)] == [(kind, low)]


@pytest.mark.parametrize(
    ("body", "kind", "low"),
    [
        ("The bodies of 12 people were recovered from the river.", "killed", 12),
        ("Thirty people were rushed to hospital after the collapse.", "wounded", 30),
        ("Thirty people were admitted to hospitals in Testville.", "wounded", 30),
        ("Thirty people were treated in hospital for smoke inhalation.", "wounded", 30),
        ("Thirty people suffered burns in the blaze.", "wounded", 30),
        ("Thirty people have yet to be found.", "missing", 30),
        ("Thirty people could not be located on Sunday.", "missing", 30),
        ("The whereabouts of 30 people remain unknown.", "missing", 30),
        ("Three thousand people took shelter in schools.", "displaced", 3000),
        ("Three thousand people were ordered to evacuate.", "displaced", 3000),
    ],
)
def test_the_common_words_of_hospital_search_and_shelter_say_the_kind(
    claims_in, body: str, kind: str, low: int
) -> None:
    assert [(c.kind, c.low) for c in claims_in(body)] == [(kind, low)]


def test_a_list_of_casualties_with_no_total_before_it_is_a_set_of_counts(claims_in) -> None:
    claims = claims_in("Casualties included 1,651 dead and 11,119 injured.")
    assert [(c.kind, c.low, c.part_of) for c in claims] == [
        ("killed", 1651, ""),
        ("wounded", 11119, ""),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A counted thing that is never a person takes no harm word later in its clause.
        ("The fire has destroyed more than 2,200 structures and killed at least 96.",
         [("killed", 96)]),
        ("The blaze left 4,500 homes destroyed and 2,000 people homeless.",
         [("displaced", 2000)]),
        # A blocker that is part of the predicate does not stop it.
        ("Three people were found dead in their car.", [("killed", 3)]),
        ("Thirty people were in critical condition.", [("wounded", 30)]),
        ("Police said 20 pupils were found.", []),
        # A participle after "of" is the figure's adjective, not a cue.
        ("The number of confirmed deaths has climbed to 106.", [("killed", 106)]),
    ],
)  # fmt: skip
def test_things_that_are_not_people_and_predicates_that_hold_a_blocker(
    claims_in, body, expected
) -> None:
    claims = claims_in(body)
    assert [(c.kind, c.low) for c in claims] == expected
    assert all(c.source == "unattributed" for c in claims if "Police" not in body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("About 1,000 people remained unaccounted for.", [("missing", 850)]),
        ("Twelve pupils escaped and 3 remained missing.", [("missing", 3)]),
        ("Twelve people remained in the area after the blast.", []),
    ],
)
def test_a_blocker_right_before_its_predicate_does_not_stop_it(claims_in, body, expected) -> None:
    assert [(c.kind, c.low) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # People are counted whole: a decimal is a measure.
        ("The quake, which measured 7.8, killed more than 7,800 people.",
         [("killed", 7801, "unattributed")]),
        ("The disaster left 1.5 million people homeless.",
         [("displaced", 1500000, "unattributed")]),
        # A passive states a figure; no one in it speaks.
        ("Nearly 8,000 people have been confirmed dead across the region.",
         [("killed", 6800, "unattributed")]),
        ("Forty deaths were confirmed by officials.", [("killed", 40, "officials")]),
        # A count of things joined by "and" does not take the kind before it.
        ("At least 13,000 people were injured and 6,000 buildings collapsed.",
         [("wounded", 13000, "unattributed")]),
    ],
)  # fmt: skip
def test_measures_passives_and_counted_things(claims_in, body, expected) -> None:
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == expected


# --- states that persist, singular counts, and the hospital -----------------------------------


@pytest.mark.parametrize(
    ("body", "kind", "low"),
    [
        # A verb before the kind word makes it a predicate, and "remained" says the state goes on.
        ("Sixty-three people remained missing due to the floods.", "missing", 63),
        ("As many as 176 people remained listed as missing on Tuesday.", "missing", 0),
        # A singular counted noun after "one".
        ("Eighteen people were rescued and one death was confirmed.", "killed", 1),
        ("Police made one arrest on Sunday.", "arrested", 1),
        ("Rescuers found one body in the river.", "killed", 1),
        # The hospital, with or without its article, and the injured among the rescued.
        ("Thirty-one people were taken to the hospital.", "wounded", 31),
        ("Another 31 were rescued and taken to a hospital.", "wounded", 31),
        ("At least 32 residents survived with injuries.", "wounded", 32),
    ],
)
def test_persisting_states_singular_counts_and_the_hospital(
    claims_in, body: str, kind: str, low: int | None
) -> None:
    assert [(c.kind, c.low) for c in claims_in(body)] == [(kind, low)]


@pytest.mark.parametrize(
    "body",
    [
        "A court sentenced 12 men to death in March.",
        "The court handed down 15 death sentences.",
        "Forty people remained at the stadium overnight.",
        "Twelve were freed and returned home.",
    ],
)
def test_a_sentence_a_place_or_a_return_is_no_harm_count(claims_in, body: str) -> None:
    assert claims_in(body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Feared dead is a toll in the words of the report (how coders of ten real-reporting
        # sets read it); presumed drowned, no body found, is missing.
        ("Forty migrants feared dead as boat capsizes off Testport.", [("killed", 40)]),
        ("Some 38 people are presumed to have drowned.", [("missing", 32)]),
        ("Twelve sailors are feared drowned.", [("missing", 12)]),
        # The people counted before "the number of ... killed" and a count that "remained at".
        ("The number of Testland soldiers killed remained at 13.", [("killed", 13)]),
        ("The total number of service members injured is now 18.", [("wounded", 18)]),
        # A headline's present tense.
        ("Ferry toll rises after 78 die off Testport.", [("killed", 78)]),
        # The figure before a verb of harm with an object counts who did it.
        ("Two suicide bombers killed at least 60 people.", [("killed", 60)]),
        # (Explosions are counted, as attacks: never as the killed.)
        ("Two explosions caused by the attack killed 73 people.", [("attacks", 2), ("killed", 73)]),
        ("Three soldiers killed the two attackers.", []),
        # "one of the deadliest" is one among a superlative's set, not a count.
        ("The general, one of the most senior officers, was killed in 2020.", []),
    ],
)
def test_feared_dead_running_counts_and_agents(claims_in, body: str, expected) -> None:
    assert [(c.kind, c.low) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Two kinds sharing a vague figure in a headline's comma list.
        ("Dozens dead, injured in border fire at Testport.", [("killed", 24), ("wounded", 24)]),
        ("Twelve dead, police said.", [("killed", 12)]),
        # "the injury of N", and those searched for are missing.
        ("The crush led to the injury of more than 100 people.", [("wounded", 101)]),
        ("The coast guard searched for 39 people on Tuesday.", [("missing", 39)]),
        ("Police searched for 3 hours.", []),
        # "crossed the 400 mark" is more than 400.
        ("The toll has crossed the 400 mark, the agency said.", [("killed", 401)]),
        # A dash then a step: "94 – 20 more than ..." is 94, not a range.
        ("The toll had reached 94 – 20 more than on Sunday.", [("killed", 94)]),
        # A scraped page that lost the space after a stop.
        ("The toll rose to 375 on Monday.Fifty-six people were missing.",
         [("killed", 375), ("missing", 56)]),
    ],
)  # fmt: skip
def test_shared_kinds_searches_marks_steps_and_lost_spaces(claims_in, body, expected) -> None:
    assert [(c.kind, c.low) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A step of a running toll is no count of its own.
        ("One more supporter died on Tuesday.", []),
        ("Two more bodies were discovered after the mudslide.", []),
        # "more" after another kind's count is a count of its own kind.
        (
            "At least 100 people were killed and hundreds more were wounded.",
            [("killed", 100), ("wounded", 200)],
        ),
    ],
)
def test_a_step_of_a_running_toll_is_no_count(claims_in, body: str, expected) -> None:
    assert [(c.kind, c.low) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Authorities said there were 228 people whose whereabouts were unknown.",
         [("missing", 228, "exact")]),
        ("Well over 100 people were injured.", [("wounded", 101, "more_than")]),
        # A headline's "toll up to 71" is "rose to 71", no ceiling; "up to 30" still is one.
        ("Missing soars to 1,011; death toll up to 71.",
         [("missing", 1011, "exact"), ("killed", 71, "exact")]),
        ("Up to 30 people were injured.", [("wounded", 0, "at_most")]),
    ],
)  # fmt: skip
def test_whereabouts_well_over_and_a_toll_up_to(claims_in, body, expected) -> None:
    assert [(c.kind, c.low, c.qualifier) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "low", "qualifier"),
    [
        ("The death toll is estimated to be 2,000, a senior official said.", 1700, "about"),
        ("The toll was estimated at 300.", 255, "about"),
    ],
)
def test_an_estimated_toll_is_approximate(claims_in, body: str, low: int, qualifier: str) -> None:
    (claim,) = claims_in(body)
    assert (claim.low, claim.qualifier) == (low, qualifier)


def test_a_count_of_households_is_no_count_of_people(claims_in) -> None:
    assert claims_in("People displaced: 16,000 households") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A forecast bound in the words of a count verb, and a bare "tally".
        ("The mayor said the tally could climb to 20,000.", [("killed", 0, 20000, "at_most")]),
        ("The vote tally reached 20,000.", []),
    ],
)
def test_a_tally_that_could_climb_is_a_forecast_bound(claims_in, body, expected) -> None:
    assert [(c.kind, c.low, c.high, c.qualifier) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    "body",
    [
        "The official said the bodies of 153 victims were buried on Monday.",
        "At least 20 of the slain police officers were later buried after prayers.",
        "Trucks arrived with 1,000 body bags.",
    ],
)
def test_burials_and_body_bags_are_no_toll(claims_in, body: str) -> None:
    assert claims_in(body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Authorities initially reported 15 dead, but later corrected the count to 14.",
         [("killed", 15), ("killed", 14)]),
        ("The definitive death toll has been announced as 301 by the government.",
         [("killed", 301)]),
        ("Gunman shoots dead at least 16 in Testport.", [("killed", 16)]),
        ("The toll in the accident has touched 44, police said.", [("killed", 44)]),
        # "as" alone stays no connector of a toll: these are the wounded.
        ("The toll rose as 12 people were injured.", [("wounded", 12)]),
    ],
)  # fmt: skip
def test_corrected_counts_announced_tolls_and_toll_verbs(claims_in, body, expected) -> None:
    assert [(c.kind, c.low) for c in claims_in(body)] == expected


def test_a_headline_list_without_commas_gives_each_figure_its_kind() -> None:
    from conftest import make_article_from

    from reconcile.extract.claims import extract_claims

    article = make_article_from("Rescuers searched on.", title="384 dead 540 injured 29 missing")
    assert [(c.kind, c.low) for c in extract_claims(article)] == [
        ("killed", 384),
        ("wounded", 540),
        ("missing", 29),
    ]


def test_a_toll_that_could_be_in_the_thousands_is_vague(claims_in) -> None:
    claims = claims_in("The death toll from the floods could be in the thousands, officials said.")
    assert [(c.kind, c.low, c.qualifier) for c in claims] == [("killed", 2000, "vague")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The burial clause past the next figure still makes a burial ("Ten dead from two
        # families were laid to rest").
        ("Ten dead from two families were laid to rest on Friday.", []),
        # "Die Welt" is a newspaper; "78 Die In ..." a title-case headline's verb.
        ('"There were blue faces," one partygoer told the Die Welt daily.', []),
        ("Rescuers said 78 Die In Ferry Sinking.", [("killed", 78)]),
    ],
)
def test_burials_past_the_next_figure_and_die_welt(claims_in, body, expected) -> None:
    assert [(c.kind, c.low) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Injuries "sustained" or "suffered" with what qualifies them are still injuries.
        ("Among the dead was a boy, while three passengers sustained serious injuries.",
         [("wounded", 3, 3)]),
        ("Twelve workers suffered life-threatening burns in the blast.", [("wounded", 12, 12)]),
        # An event that "did not cause injuries" is a count of zero; "without causing any
        # deaths" too.
        ("A second slide on Thursday prompted an evacuation but did not cause injuries.",
         [("wounded", 0, 0)]),
        ("The aftershock damaged roofs without causing any deaths.", [("killed", 0, 0)]),
        # "sustained no injuries" is a zero, not a count of the one who sustained them.
        ("The two drivers sustained no injuries.", [("wounded", 0, 0)]),
    ],
)  # fmt: skip
def test_injuries_with_their_adjectives_and_harm_an_event_did_not_cause(claims_in, body, expected):
    assert [(c.kind, c.low, c.high) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The fire left 40 people charred to death.", [("killed", 40, 40)]),
        ("The ministry reported the death of 32 citizens, injury of 66 others in the crash.",
         [("killed", 32, 32), ("wounded", 66, 66)]),
        ("Doctors at the city hospital said they were treating 70 people.", [("wounded", 70, 70)]),
        ("More than 60 migrants are still receiving medical attention.",
         [("wounded", 61, None)]),
        # The total before an aside between dashes keeps its kind past the aside's figures.
        ("The governor said that 105 other people – 83 men and 22 women – were injured.",
         [("wounded", 105, 105), ("wounded", 83, 83), ("wounded", 22, 22)]),
    ],
)  # fmt: skip
def test_deaths_by_burning_injury_of_treatment_and_totals_before_an_aside(
    claims_in, body, expected
):
    assert [(c.kind, c.low, c.high) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Two counted nouns joined by "and" share the predicate after the second.
        ("Twelve soldiers and three civilians were killed in the attack.",
         [("killed", 12), ("killed", 3)]),
        ("The police confirmed that 18 children and three adults are dead.",
         [("killed", 18), ("killed", 3)]),
        # "deceased" as a state, and the dead who arrive at hospital.
        ("The toll increased, with 29 people reported as deceased.", [("killed", 29)]),
        ("Two patients arrived at the hospital dead.", [("killed", 2)]),
        # People no one can reach or account for are missing.
        ("Police said 1442 people had been reported uncontactable.", [("missing", 1442)]),
        ("In all, 5,000 people were registered as being out of touch with family.",
         [("missing", 5000)]),
        ("Officials have not been able to account for 41 people.", [("missing", 41)]),
        # Care given and a hospital's discharges count the injured.
        ("The hospital is providing care for two patients.", [("wounded", 2)]),
        # No reports of deaths is a count of zero (the devset's convention for negated counts).
        ("Fortunately, there have been no reports of any fatalities.", [("killed", 0)]),
        # A bare "discharged" is a part of the treated already counted: no count of its own.
        ("In all, 30 people were hospitalised, and several had been discharged.",
         [("wounded", 30)]),
    ],
)  # fmt: skip
def test_coordinated_counts_states_of_the_dead_missing_and_cared_for(
    claims_in, body, expected
) -> None:
    assert [(c.kind, c.low) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A role noun names who they were; the verb after it says what befell them.
        ("The army reported that 26 hostages killed during the ambush were soldiers.",
         [("killed", 26)]),
        ("In all, 18 victims are undergoing treatment at the district hospital.",
         [("wounded", 18)]),
        # Hostages rescued are no longer held: no count of the missing.
        ("The spokesman said 33 attackers were neutralized, and 354 hostages were rescued.",
         [("killed", 33)]),
        # A role noun with no verb after it keeps its own kind.
        ("The bodies of 40 victims were recovered from the church.", [("killed", 40)]),
        # The treated, the taken ill and those on admission count the injured.
        ("A total of 82 others are undergoing treatment in three hospitals.", [("wounded", 82)]),
        ("At least 11 people died and 70 took ill after eating the food.",
         [("killed", 11), ("wounded", 70)]),
        ("The governor said 52 survivors are on admission at the medical centre.",
         [("wounded", 52)]),
        ("Officials said 13 were killed while 250 others suffered varying degrees of injury.",
         [("killed", 13), ("wounded", 250)]),
        # Evacuated to a hospital, however it is named, is a casualty, not a displacement.
        ("Six people were evacuated to Bwera General Hospital.", [("wounded", 6)]),
        ("Six families were evacuated from the riverbank.", [("displaced", 6)]),
        # Military euphemisms for killing and a bare "abduction of".
        ("The operation has led to the elimination of 27 militants.", [("killed", 27)]),
        ("The police command has confirmed the abduction of 317 schoolgirls.",
         [("missing", 317)]),
        # A part with a verb of another kind than its total is a count of its own.
        ("The governor said 80 worshippers were victims of the attack, including 22 people who died.",
         [("killed", 22)]),
    ],
)  # fmt: skip
def test_role_nouns_treatment_euphemisms_and_hospital_evacuations(claims_in, body, expected):
    assert [(c.kind, c.low) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Displacement in the words of humanitarian reporting.
        ("In all, 5,000 people were relocated to safer areas.", [("displaced", 5000)]),
        ("In all, 2,000 families have been rendered homeless by the floods.",
         [("displaced", 2000)]),
        ("In all, 3,400 people are sheltering in schools.", [("displaced", 3400)]),
        ("In all, 1,200 people are staying in relief camps.", [("displaced", 1200)]),
        ("Authorities completed the evacuation of 12,000 residents.", [("displaced", 12000)]),
        # A toll named by its people and a relative clause: "the number of students who have
        # been confirmed killed ... has increased from 25 to 37".
        ("The number of students who have been confirmed killed has increased from 25 to 37.",
         [("killed", 25), ("killed", 37)]),
        # The missing of floods and searches.
        ("Twelve people were swept away by the floodwaters.", [("missing", 12)]),
        ("Rescuers are still looking for 15 people.", [("missing", 15)]),
        ("The wave washed away 30 boats.", []),
        # The injured treated where they fell, or in a stated condition.
        ("Twelve people were treated at the scene.", [("wounded", 12)]),
        ("Six firefighters were treated for smoke inhalation.", [("wounded", 6)]),
        ("Eight people escaped with minor injuries.", [("wounded", 8)]),
        # Deaths in other words: the victims between a verb of killing and "to death".
        ("Gunmen burned 40 students to death in their dormitory.", [("killed", 40)]),
        ("The mob burned 30 houses to the ground.", []),
        ("Two men were fatally shot near the market.", [("killed", 2)]),
        ("Three workers were electrocuted.", [("killed", 3)]),
        # Arrests in South Asian and wire English.
        ("Police nabbed 5 suspects on Friday.", [("arrested", 5)]),
        # A part after its total, behind a fronted source: only the total is a count.
        ("According to officials, of the 28 injured, six are undergoing treatment.",
         [("wounded", 28)]),
        # An age in brackets after a name is no count.
        ("The child, Ayman (10), passed away today.", []),
    ],
)  # fmt: skip
def test_the_lexicon_of_displacement_searches_treatment_and_arrests(claims_in, body, expected):
    assert [(c.kind, c.low) for c in claims_in(body) if not c.part_of] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The dead among people held are a count of their own, not a part of the held.
        ("Troops rounded up several hundred men and shot dead about 300 of them.",
         [("arrested", 300), ("killed", 255)]),
        ("Gunmen abducted 40 passengers on Monday, and two of the hostages were killed on Tuesday.",
         [("missing", 40), ("killed", 2)]),
        # The dead among the injured are not (the devset's convention: they left the count).
        ("Officials said 80 people were hurt. Four of the injured died in hospital.",
         [("wounded", 80)]),
    ],
)  # fmt: skip
def test_the_dead_among_the_held_are_their_own_count(claims_in, body, expected) -> None:
    assert [(c.kind, c.low) for c in claims_in(body) if not c.part_of] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A bare count noun that moves or stands at a figure is the count the report gives.
        ("Police said 30 people were killed. The number rose from 35 to 48 on Monday.",
         [("killed", 30, 30), ("killed", 35, 35), ("killed", 48, 48)]),
        ("Officials said 12 people were injured.\n\nThe figure later rose to 19.",
         [("wounded", 12, 12), ("wounded", 19, 19)]),
        # ... or the count the words since then spoke of.
        ("Officials said 40 people were missing.\n\nMore bodies were found. The number rose to 25.",
         [("missing", 40, 40), ("killed", 25, 25)]),
        # A bound said not to be passed is the opposite bound.
        ("Doctors put the toll at 108.\n\nThe minister said: \"The number did not exceed 46.\"",
         [("killed", 108, 108), ("killed", 0, 46)]),
        ("The toll has not topped 100, officials said.", [("killed", 0, 100)]),
        # "the number may range from 70 to 130" is no count verb: the figures stay unread.
        ("Police said 20 people died. The number of passengers may range from 70 to 130.",
         [("killed", 20, 20)]),
        # A time before the figure is no label ("Week 3"); a quotation mark is no gap.
        ("Rights groups said last week 131 civilians were killed.", [("killed", 131, 131)]),
        ("Week 3 saw heavy fighting.", []),
        ('The army said it had killed "203 fighters" in the raid.', [("killed", 203, 203)]),
    ],
)  # fmt: skip
def test_the_count_named_again_negated_bounds_times_and_quoted_figures(claims_in, body, expected):
    got = [(c.kind, c.low, c.high) for c in claims_in(body) if not c.part_of]
    assert got == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "all" between a verb or noun of killing and its figure.
        ("The plane crashed on Friday, killing all 61 aboard.", [("killed", 61)]),
        ("The crash claimed the lives of all 61 on board.", [("killed", 61)]),
        ("The crash resulted in the deaths of all 62 people aboard.", [("killed", 62)]),
        ("Divers resumed the search for the remaining two crew members.", [("missing", 2)]),
        # The people a craft carried, when the sentence says none survived.
        ("A plane with 61 people aboard crashed on Friday, killing everyone on board.",
         [("killed", 61)]),
        ("A plane carrying 72 passengers crashed into a river; there were no survivors.",
         [("killed", 72)]),
        ("The ferry with 120 people aboard capsized, and 80 were rescued.", []),
        # No harm to the people around: a count of zero.
        ("No local residents were injured, although one home was damaged.", [("wounded", 0)]),
        ("No one on the ground was injured.", [("wounded", 0)]),
    ],
)  # fmt: skip
def test_the_words_of_air_and_sea_disasters(claims_in, body, expected) -> None:
    assert [(c.kind, c.low) for c in claims_in(body) if not c.part_of] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A part taken from a group: the finite verb says what befell the part...
        ("Twelve of the 40 passengers were killed.", [("killed", 12, False)]),
        # ... while a group its own words define is the count, and the part a breakdown.
        ("Only 16 of the 19 people crushed to death have been identified.",
         [("killed", 19, False)]),
        ("Officials said 30 people were killed, and 12 of the 40 injured are critical.",
         [("killed", 30, False), ("wounded", 40, False)]),
        # A breakdown set off by commas after the figure does not stand between it and its verb.
        ("At least 265 people, including 241 of the 242 on board the flight, were killed.",
         [("killed", 265, False), ("killed", 241, True)]),
        ("Searches continue for 2 crew after the crash.", [("missing", 2, False)]),
    ],
)  # fmt: skip
def test_a_part_of_a_group_and_a_breakdown_between_commas(claims_in, body, expected) -> None:
    assert [(c.kind, c.low, bool(c.part_of)) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Where a toll stands is no ceiling, nor a forecast's ceiling a count.
        ("The death toll in the area is now up to 25 people, the county said.",
         [("killed", 25, 25)]),
        ("The death toll could rise up to 40, the county said.", [("killed", 0, 40)]),
        # Places counted after a figure are no people.
        ("At least 31 people died. At least 25 others across 11 US states have been reported "
         "dead.", [("killed", 31, None), ("killed", 25, None)]),
        # A new total brought by deaths the sentence names.
        ("The new deaths bring the total reported so far by several countries to 577.",
         [("killed", 577, 577)]),
        # A kind said once for a list of places, the last joined by "and".
        ("At least 92 people were killed in Bihar, and 24 in Uttar Pradesh, officials said.",
         [("killed", 92, None), ("killed", 24, 24)]),
    ],
)  # fmt: skip
def test_where_a_toll_stands_places_counted_and_a_kind_said_once(claims_in, body, expected):
    assert [(c.kind, c.low, c.high) for c in claims_in(body) if not c.part_of] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A death named by its rank is the toll it brings.
        ("A ninth person has died after the crowd surge at the festival.", [("killed", 9)]),
        ("The mayor confirmed the news of the 10th victim to die from the injuries.",
         [("killed", 10)]),
        ("Rescue workers pulled a 10th fatal victim from the rubble.", [("killed", 10)]),
        ("Student becomes ninth person to die after crowd surge", [("killed", 9)]),
        # A rank that names a person, a time or a floor is no toll.
        ("The third victim was a teacher from the town.", []),
        ("It was the second time the bridge had failed.", []),
        ("The 5th floor collapsed.", []),
    ],
)  # fmt: skip
def test_a_death_named_by_its_rank_is_the_toll_it_brings(claims_in, body, expected) -> None:
    got = [(c.kind, c.low) for c in claims_in(body)]
    assert got == expected
    for claim in claims_in(body):  # the figure's span is the rank's words
        assert claim.stated.lower() in ("ninth", "10th")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "ranged from X to Y" is a range, "rose from X to Y" two figures.
        ("Figures given by officials for the number of people missing ranged from 231 to 1,700.",
         [("missing", 231, 1700, "officials")]),
        ("The toll rose from 20 to 31.",
         [("killed", 20, 20, "unattributed"), ("killed", 31, 31, "unattributed")]),
        # The toll named after its figure; the lives a disaster took; those looked for.
        ("Authorities on Wednesday raised to 131 the death toll in the quake.",
         [("killed", 131, 131, "Authorities")]),
        ("The earthquake has taken the lives of 18 people in the province.",
         [("killed", 18, 18, "unattributed")]),
        ("Officials said 2,000 people listed are being looked for.",
         [("missing", 2000, 2000, "Officials")]),
        # Where the counted people were does not count against the predicate's reach.
        ("Eleven people in the city of Haidong in neighbouring Qinghai Province were also "
         "killed.", [("killed", 11, 11, "unattributed")]),
    ],
)  # fmt: skip
def test_ranges_revisions_and_the_reach_of_a_predicate(claims_in, body, expected) -> None:
    assert [(c.kind, c.low, c.high, c.source) for c in claims_in(body)] == expected


def test_raising_fears_is_no_revision_of_a_figure(claims_in) -> None:
    body = (
        "Some 1,700 people are still missing, an official said Tuesday, raising fears that a "
        "death toll currently put at 480 could rise."
    )
    (toll,) = [c for c in claims_in(body) if c.kind == "killed"]
    assert toll.cue != "raising"
    assert [c.cue for c in claims_in("The ministry raised the toll to 40.")] == ["raised"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "of whom": a part of the figure before it, or a count of its own when that figure
        # names none or the part's own verb names another kind.
        ("There were 285 workers underground, of whom 43 people were hurt.",
         [("wounded", 43, False)]),
        ("Officials said 40 people were injured, of whom 12 are in critical condition.",
         [("wounded", 40, False), ("wounded", 12, True)]),
        ("Police said 90 people were taken to hospital, of whom 30 died.",
         [("wounded", 90, False), ("killed", 30, False)]),
        # A negated predicate counts no one.
        ("Officials said 26 people were not evacuated.", []),
        ("Officials said 26 people have not been found.", [("missing", 26, False)]),
        # The words of treatment sought.
        ("In all, 49 victims turned to hospitals, and 20 people sought medical treatment.",
         [("wounded", 49, False), ("wounded", 20, False)]),
        ("Of the miners, 18 needed medical assistance.", [("wounded", 18, False)]),
        ("The Red Cross said 100,000 people would require assistance.", []),
    ],
)  # fmt: skip
def test_of_whom_negated_predicates_and_treatment_sought(claims_in, body, expected) -> None:
    assert [(c.kind, c.low, bool(c.part_of)) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # People burned, said with how badly, are wounded; things burned, or the dead burned
        # beyond recognition, are not.
        ("Four other soldiers were seriously burned fighting the fires.", [("wounded", 4)]),
        ("About 200 buildings were burned in the old town.", []),
        ("Five bodies were burned beyond recognition.", [("killed", 5)]),
    ],
)  # fmt: skip
def test_the_badly_burned_are_wounded(claims_in, body, expected) -> None:
    assert [(c.kind, c.low) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "figures"),
    [
        # "it" is the count just given, when a count verb moves it...
        ("The death toll rose to 40 on Monday. Two days later, it rose to 56.",
         [("killed", 40), ("killed", 56)]),
        ("The toll stood at 40 on Monday. By Wednesday it had climbed to 56.",
         [("killed", 40), ("killed", 56)]),
        # ...not when any verb does.
        ("The quake killed 40 people. It was 5 in the morning.", [("killed", 40)]),
    ],
)  # fmt: skip
def test_it_that_a_count_verb_moves_is_the_count_just_given(claims_in, body, figures) -> None:
    assert [(c.kind, c.low) for c in claims_in(body)] == figures


@pytest.mark.parametrize(
    ("body", "kind", "low"),
    [
        # ", but survived" is no new clause of its own: the shot who survived are wounded.
        ("Two police officers were also shot, but survived.", "wounded", 2),
        ("Seven others had burns, the ministry said.", "wounded", 7),
        # A zero with a place between its people and its verb.
        ("No residents in the area had been reported missing.", "missing", 0),
    ],
)
def test_the_wounded_who_survived_and_a_zero_with_a_place(claims_in, body, kind, low) -> None:
    assert [(c.kind, c.low) for c in claims_in(body)] == [(kind, low)]


@pytest.mark.parametrize(
    ("body", "kind", "low"),
    [
        # A time after the participle: it is the noun, not an adjective before one.
        ("The protests left 361 injured over the past two weeks.", "wounded", 361),
        ("The protests left 361 people injured over the weekend.", "wounded", 361),
        ("Clashes left 40 dead amid the curfew.", "killed", 40),
    ],
)
def test_a_count_with_a_time_after_its_participle(claims_in, body, kind, low) -> None:
    assert [(c.kind, c.low) for c in claims_in(body)] == [(kind, low)]


def test_soldiers_who_killed_attackers_are_still_not_a_toll(claims_in) -> None:
    # "over 20 attackers" is the object the soldiers killed: they are not the dead.
    assert [c.low for c in claims_in("Three soldiers killed over 20 attackers.")] == [21]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A state after a comma that follows a count of the wounded is a part of it...
        ("Health officials reported 82 people hospitalized, 19 in critical condition.",
         [("wounded", 82, False), ("wounded", 19, True)]),
        # ...not after a count of the dead: the critically injured are a count of their own.
        ("The blast killed 9 people, 19 critically injured.",
         [("killed", 9, False), ("wounded", 19, False)]),
    ],
)  # fmt: skip
def test_a_state_after_a_count_of_the_wounded_is_its_part(claims_in, body, expected) -> None:
    assert [(c.kind, c.low, bool(c.part_of)) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "kind", "low"),
    [
        # Residents evacuated, or seeking shelter, are the displaced...
        ("Officials have evacuated around 650,000 people from the coast.", "displaced", 552_500),
        ("Shelters were full, with 73,500 people seeking shelter.", "displaced", 73_500),
        ("More than five lakh people have been evacuated to safety.", "displaced", 500_001),
        # ...and a toll that "had been" a figure is still that toll.
        ("The official death toll had been 255 before the coast was reached.", "killed", 255),
    ],
)
def test_evacuated_residents_and_a_toll_that_had_been(
    claims_in, body: str, kind: str, low: int
) -> None:
    assert [(c.kind, c.low) for c in claims_in(body)] == [(kind, low)]


def test_pupils_evacuated_from_a_school_are_not_displaced(claims_in) -> None:
    # A rescue moves people from a scene, not from their homes.
    assert claims_in("Rescuers evacuated 20 pupils from the burning school.") == []
