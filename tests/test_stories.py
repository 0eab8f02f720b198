"""Stories across articles and incidents within one: what an analyst sees in the event column.

All articles are invented. Articles whose words are alike and whose dates are within the window
are one story; places are one signal among several, compared fuzzily; a second incident in one
article (a turn to other news elsewhere, a war-wide toll, a count over years) stays apart.
"""

from __future__ import annotations

import pytest
from conftest import front_matter

from reconcile.ingest.text import read_text_article
from reconcile.pipeline import analyse
from reconcile.places import find_places, place_key, same_place
from reconcile.stories import BUCKET_SIZE, StoryText, similar_pairs


def _article(body: str, title: str, published: str, path: str, outlet: str = "The Courier"):
    text = front_matter(body, title=title, outlet=outlet, published=published)
    return read_text_article(text, path=path)


def _events(*articles, kind: str = "killed") -> dict[str, str]:
    """Return article path -> event of its first claim of the kind."""
    out: dict[str, str] = {}
    by_id = {a.id: a.path for a in articles}
    for claim in analyse(list(articles)).claims:
        if claim.kind == kind:
            out.setdefault(by_id[claim.article], claim.event)
    return out


HOSPITAL_FIRE = (
    "A fire tore through the children's ward of St. Mark's General Hospital in Brenhollow on "
    "Monday night, killing 12 patients, the fire brigade said. Firefighters fought the blaze "
    "for six hours before the ward's roof collapsed."
)


def test_an_article_that_names_no_place_joins_the_story_its_words_tell() -> None:
    named = _article(HOSPITAL_FIRE, "Hospital fire kills 12", "2025-02-11", "a.txt")
    unnamed = _article(
        "Twelve patients died when fire tore through the children's ward of the St Mark "
        "hospital on Monday night, the fire brigade said. The ward's roof collapsed after "
        "firefighters fought the blaze for six hours.",
        "Children's ward fire: 12 patients dead",
        "2025-02-11",
        "b.txt",
        outlet="Evening Post",
    )
    events = _events(named, unnamed)
    assert events["a.txt"] == events["b.txt"]


def test_three_spellings_of_one_hospital_are_one_event() -> None:
    texts = [
        ("St. Mark's General Hospital", "a.txt"),
        ("the St Mark", "b.txt"),
        ("Mark hospital", "c.txt"),
    ]
    articles = [
        _article(
            f"A fire tore through the children's ward at {name} in Brenhollow on Monday night, "
            f"killing {12 + i} patients, the fire brigade said. The roof of the ward collapsed "
            "after firefighters fought the blaze for six hours.",
            "Children's ward fire",
            "2025-02-11",
            path,
            outlet=f"Outlet {i}",
        )
        for i, (name, path) in enumerate(texts)
    ]
    assert len(set(_events(*articles).values())) == 1


def test_alike_words_at_two_different_places_stay_two_events() -> None:
    # Agency copy at two towns the same day: the same template, different places.
    template = (
        "An air strike hit a market in {town} on Tuesday, killing {n} people, the civil defence "
        "said. Rescuers searched the rubble of the market through the night."
    )
    one = _article(template.format(town="Qasr Melin", n=9), "Strike hits market", "2025-04-02",
                   "a.txt")  # fmt: skip
    two = _article(template.format(town="Dorvana", n=7), "Strike hits market", "2025-04-02",
                   "b.txt", outlet="Daily Star")  # fmt: skip
    events = _events(one, two)
    assert events["a.txt"] != events["b.txt"]


def test_the_same_story_a_month_later_without_a_look_back_is_not_joined() -> None:
    first = _article(HOSPITAL_FIRE, "Hospital fire kills 12", "2025-02-11", "a.txt")
    later = _article(HOSPITAL_FIRE.replace("Monday", "Tuesday"), "Hospital fire kills 12",
                     "2025-03-20", "b.txt")  # fmt: skip
    events = _events(first, later)
    assert events["a.txt"] != events["b.txt"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("St. Mark's General Hospital", "St Mark", True),
        ("St. Mark's General Hospital", "Mark hospital", True),
        ("Zarechensk", "Zarichensk", True),  # a transliteration
        ("Qashvar", "Kashvar", True),
        ("Tal Hamra", "Tell Hamra", True),
        ("Brenhollow", "Dorvana", False),
        ("St Mark", "St Luke", False),
    ],
)
def test_fuzzy_place_keys(a: str, b: str, same: bool) -> None:
    assert same_place(place_key(a), place_key(b)) is same


@pytest.mark.parametrize(
    "sentence",
    [
        "Four of the wounded are in ICU, doctors said.",
        "In Summary: 12 people were killed.",
        "The state paid compensation in Rs 10 lakh cheques to 30 families.",
        "He spoke in Harbour Television's studio about the 30 dead.",
        "The blast killed 20 Palestinians in Palestinians' homes.",
        "Three passengers in the Northern Star Express were hurt.",
        # A people's adjective before a noun, and a state of things in a title-case headline.
        "The toll rose to 65 this week in the North Velmoran nation.",
        "Officials said on Velmoran radio that seven people had died.",
        "Wildfires Kill 16, 19 Injured in Drought Conditions",
        "The quake struck in the afternoon in New Year's Day celebrations.",
    ],
)
def test_capitalised_words_that_are_not_places(sentence: str) -> None:
    assert find_places(sentence) == []


def test_places_are_still_found() -> None:
    names = [name for name, _ in find_places("Shelling in Dorvana and near Qasr Melin killed 4.")]
    assert names == ["Dorvana", "Qasr Melin"]


def test_a_turn_to_other_news_elsewhere_is_its_own_incident() -> None:
    article = _article(
        "Gunmen killed 11 villagers in Kelbara on Sunday, the district officer said.\n\n"
        "Residents said the attackers came on motorcycles.\n\n"
        "Meanwhile the army pressed its offensive in Ustamir, where troops have killed 40 "
        "fighters since Friday, a military spokesman said.",
        "Gunmen kill 11 in Kelbara",
        "2025-06-02",
        "a.txt",
    )
    claims = analyse([article]).claims
    villagers = next(c for c in claims if c.low == 11)
    fighters = next(c for c in claims if c.low == 40)
    assert villagers.event != fighters.event


def test_a_war_wide_toll_and_a_count_over_years_are_not_the_incident() -> None:
    article = _article(
        "An air strike on a school in Hadrin killed 23 people on Wednesday, medics said.\n\n"
        "The war has so far killed more than 41,000 people, the health ministry says.\n\n"
        "Since 2019, when gunmen seized 80 pupils in Kelbara, more than 1,300 students have "
        "been abducted in the region.",
        "Strike on school kills 23",
        "2025-06-04",
        "a.txt",
    )
    claims = analyse([article]).claims
    strike = next(c for c in claims if c.low == 23)
    war = next(c for c in claims if 41000 <= c.low <= 41001)
    years = next(c for c in claims if 1300 <= c.low <= 1301)
    assert len({strike.event, war.event, years.event}) == 3
    assert war.scope and years.scope


def test_story_candidates_are_bounded_however_many_articles_share_words() -> None:
    # Six hundred copies of one story on one day: each meets at most a bucket's worth of
    # earlier ones per term, so the pairs grow with the articles, not with their square.
    doc = StoryText("Fire at Brenhollow hospital", HOSPITAL_FIRE, "", [1], [0, 1, 2])
    n = 600
    pairs = list(similar_pairs([doc] * n, 0.1))
    assert len(pairs) <= n * BUCKET_SIZE
    assert {j for _, j, _ in pairs} <= set(range(BUCKET_SIZE))


def test_reports_that_share_many_words_but_not_their_heaviest_still_meet() -> None:
    # Each report's own heaviest words (its outlet's angle, the names it alone gives) differ;
    # what they share is the many words below those. A candidate index keyed on only the
    # top few terms never lets them meet; the cosine over all their words says one story.
    shared = (
        "wildfire ridge canyon evacuation firefighters containment hillside smoke embers "
        "ranch highway residents acres helicopters winds flames drought crews shelter homes"
    )
    one = StoryText("alder birch cedar dogwood elm fir ginkgo hazel ivy juniper", "",
                    shared, [5], [4, 5, 6])  # fmt: skip
    two = StoryText("kestrel lark magpie nuthatch oriole plover quail robin swift tern", "",
                    shared, [5], [4, 5, 6])  # fmt: skip
    third = StoryText(
        "Unrelated council budget vote", "", "budget council vote taxes", [5], [4, 5, 6]
    )
    assert [(i, j) for i, j, _ in similar_pairs([one, two, third], 0.15)] == [(1, 0)]


def test_an_undated_article_joins_the_story_its_words_tell() -> None:
    dated = _article(HOSPITAL_FIRE, "Hospital fire kills 12", "2025-02-11", "a.txt")
    undated = read_text_article(
        "Children's ward fire: 12 patients dead\n\n"
        "Twelve patients died when fire tore through the children's ward of St Mark's General "
        "Hospital in Brenhollow, the fire brigade said. The ward's roof collapsed after "
        "firefighters fought the blaze for six hours.\n",
        path="b.txt",
    )
    assert undated.published is None
    events = _events(dated, undated)
    assert events["a.txt"] == events["b.txt"]


def test_a_place_after_a_describing_word() -> None:
    found = find_places("Jets also struck targets inside the blockaded Qasr Strip overnight.")
    assert [name for name, _ in found] == ["Qasr Strip"]
    assert [n for n, _ in find_places("Floods in northern Dorvana killed 8.")] == ["Dorvana"]
    assert [
        n for n, _ in find_places("Authorities in neighbouring Dorvana reported 20 deaths.")
    ] == ["Dorvana"]
    assert [n for n, _ in find_places("Officials in worst-hit Dorvana said 20 died.")] == [
        "Dorvana"
    ]


@pytest.mark.parametrize("word", ["quake", "blaze", "derailment", "capsized", "crowd crush"])
def test_disaster_words_name_a_disaster(word: str) -> None:
    from reconcile.events import trigger_class

    assert trigger_class(f"The {word} killed 30 people.") == "disaster"


def test_two_towns_of_one_region_are_two_incidents() -> None:
    # Same day, same region, alike agency wording: the towns decide.
    template = (
        "A suicide bomber struck a checkpoint in {town}, a market town in the Berezan region, "
        "on Monday, killing {n} people, police said."
    )
    one = _article(template.format(town="Vyshgor", n=3), "Checkpoint bombing", "2025-04-21",
                   "a.txt")  # fmt: skip
    two = _article(template.format(town="Staromlyn", n=6), "Checkpoint bombing", "2025-04-22",
                   "b.txt", outlet="Daily Star")  # fmt: skip
    events = _events(one, two)
    assert events["a.txt"] != events["b.txt"]


def test_two_reports_of_one_wildfire_at_two_towns_are_one_event() -> None:
    # An area hazard burns many towns: two reports of the same fire name different ones.
    one = _article(
        "A wildfire driven by strong winds swept through Vyshgor in the Berezan region on "
        "Tuesday, killing 16 people and forcing thousands to flee, officials said.",
        "Wildfire kills 16 as thousands flee", "2025-03-25", "a.txt",
    )  # fmt: skip
    two = _article(
        "The wildfire that swept through Staromlyn on Tuesday has killed 18 people, officials "
        "said, as strong winds forced thousands more to flee.",
        "Wildfire toll rises to 18 as thousands flee", "2025-03-26", "b.txt", outlet="Daily Star",
    )  # fmt: skip
    events = _events(one, two)
    assert events["a.txt"] == events["b.txt"]


@pytest.mark.parametrize(
    ("hazard", "later", "same"),
    [
        ("earthquake", "2025-01-12", True),
        # Any story is still reported four days on (a place and a day alone reach three)...
        ("car bomb", "2025-01-10", True),
        # ...and six days on, a toll update in words much alike that names the town is a
        # follow-up, whatever the story (see the follow-up tests below).
        ("car bomb", "2025-01-12", True),
    ],
)
def test_an_area_hazards_story_is_still_reported_a_week_on(
    hazard: str, later: str, same: bool
) -> None:
    # A quake's toll is reported for days; a bombing's report six days on is a new story.
    first = _article(
        f"A powerful {hazard} struck Vyshgor on Monday, killing 48 people and destroying "
        "hundreds of homes, officials said.",
        f"{hazard.capitalize()} kills 48 in Vyshgor", "2025-01-06", "a.txt",
    )  # fmt: skip
    follow_up = _article(
        f"The toll from the {hazard} in Vyshgor has risen to 202, officials said, as crews "
        "searched destroyed homes.",
        f"{hazard.capitalize()} toll rises to 202", later, "b.txt", outlet="Daily Star",
    )  # fmt: skip
    events = _events(first, follow_up)
    assert (events["a.txt"] == events["b.txt"]) is same


def test_protests_in_two_towns_are_one_story_like_a_wildfire() -> None:
    # Unrest spreads over towns for days: reports of one wave of protests name different towns.
    one = _article(
        "Police fired tear gas at protesters in Vyshgor on Tuesday as protests against the "
        "new tax law spread, killing 12 people, rights groups said.",
        "Tax protests: 12 killed as police fire tear gas", "2025-06-24", "a.txt",
    )  # fmt: skip
    two = _article(
        "Protests against the new tax law turned deadly in Staromlyn, where police fired on "
        "protesters, and the toll has risen to 23, rights groups said.",
        "Tax protests toll rises to 23 as police fire on protesters", "2025-06-26", "b.txt",
        outlet="Daily Star",
    )  # fmt: skip
    events = _events(one, two)
    assert events["a.txt"] == events["b.txt"]


def test_a_region_is_read_with_its_word() -> None:
    names = [n for n, _ in find_places("Shelling killed 5 in the Berezan region on Monday.")]
    assert names == ["Berezan region"]


@pytest.mark.parametrize(
    ("headline", "places"),
    [
        ("At Least 39 Killed In Velmora Station Attack", ["Velmora Station"]),
        ("Two Dead At Dawn Raid In Kelbara; 5 In Hospital, 3 In Critical Condition", ["Kelbara"]),
        ("Floods In Dorvana: Toll Rises To 12", ["Dorvana"]),
    ],
)
def test_title_case_headlines_give_their_place_only(headline: str, places: list[str]) -> None:
    assert [name for name, _ in find_places(headline)] == places


def test_another_base_and_an_earlier_attack_are_their_own_incidents() -> None:
    article = _article(
        "A drone attack on the Harlow air base killed 3 soldiers on Sunday, the army said.\n\n"
        "Another drone attack on the Verrin base wounded 5 soldiers, officials said.\n\n"
        "In an earlier attack, 9 soldiers were killed at a checkpoint.",
        "Drone attack kills 3 soldiers at Harlow base",
        "2025-07-14",
        "a.txt",
    )
    claims = analyse([article]).claims
    main = next(c for c in claims if c.low == 3)
    other_base = next(c for c in claims if c.low == 5)
    earlier = next(c for c in claims if c.low == 9)
    assert len({main.event, other_base.event, earlier.event}) == 3


def test_an_undated_article_does_not_join_two_stories_months_apart() -> None:
    january = _article(HOSPITAL_FIRE, "Hospital fire kills 12", "2025-01-14", "a.txt")
    june = _article(HOSPITAL_FIRE.replace("12 patients", "9 patients"), "Hospital fire kills 9",
                    "2025-06-10", "b.txt", outlet="Evening Post")  # fmt: skip
    undated = read_text_article(
        "Children's ward fire\n\n" + HOSPITAL_FIRE.replace("12 patients", "10 patients") + "\n",
        path="c.txt",
    )
    events = _events(january, june, undated)
    assert events["a.txt"] != events["b.txt"]


def test_words_are_stemmed_so_short_reports_meet() -> None:
    from reconcile.stories import tokens

    assert tokens("killed killing kills") == ["kill"] * 3
    assert tokens("protesters protest") == ["protest"] * 2


def test_reports_of_one_protest_crackdown_are_one_event() -> None:
    first = _article(
        "Security forces opened fire on thousands of demonstrators in the centre of Kashvar on "
        "Tuesday, killing at least seven people, a rights group said.",
        "Police fire on protesters in Kashvar, killing 7",
        "2025-09-03",
        "a.txt",
    )
    second = _article(
        "Eleven people have now died after police used live rounds against protesters in "
        "Qashvar on Tuesday, the health ministry said on Wednesday.",
        "Death toll from Qashvar protest crackdown rises to 11",
        "2025-09-04",
        "b.txt",
        outlet="Daily Two",
    )
    undated = read_text_article(
        "Protest crackdown: 9 dead, dozens hurt\n\nNine people were killed and dozens wounded "
        "when security forces fired on demonstrators, a rights group said.\n",
        path="c.txt",
    )
    assert len(set(_events(first, second, undated).values())) == 1


def test_a_place_off_a_coast() -> None:
    found = find_places("A boat capsized off the coast of Lemnos, killing 23.")
    assert [name for name, _ in found] == ["Lemnos"]


def test_a_named_site_after_of_is_a_place() -> None:
    found = find_places("Fire tore through the ward of St. Mark's General Hospital in Brenhollow.")
    assert [name for name, _ in found] == ["Brenhollow", "St. Mark's General Hospital"]
    assert find_places("The Ministry of Health said 5 died.") == []


def test_the_readme_hospital_fire(tmp_path) -> None:
    # The README's example: three spellings of one hospital (one report undated), and an aside
    # on floods elsewhere.
    courier = _article(HOSPITAL_FIRE, "Hospital fire kills 12 children in Brenhollow",
                       "2025-02-11", "a.txt")  # fmt: skip
    post = _article(
        "The number of children killed in Monday's fire at the Mark hospital has risen to 14, "
        "health officials said on Tuesday.\n\nFirefighters fought the blaze for six hours "
        "before the roof of the children's ward collapsed.\n\nMeanwhile floods in Dorvana "
        "killed 5 people, the civil defence said.",
        "Mark hospital fire toll rises to 14",
        "2025-02-12",
        "b.txt",
        outlet="Evening Post",
    )
    undated = read_text_article(
        "Children's ward fire: 13 patients dead\n\nThirteen patients died when fire tore "
        "through the children's ward of the St Mark hospital, the fire brigade said.\n",
        path="c.txt",
    )
    claims = analyse([courier, post, undated]).claims
    fire = {c.event for c in claims if c.low in (12, 13, 14)}
    floods = {c.event for c in claims if c.low == 5}
    assert len(fire) == 1 and len(floods) == 1 and fire != floods


def test_a_similar_attack_in_an_earlier_month_is_not_the_incident() -> None:
    article = _article(
        "Gunmen killed 14 villagers in Kelbara on Tuesday, the district officer said.\n\n"
        "In September 2025, a similar attack on the town of Ustamir killed 60 people.\n\n"
        "In March 2026 the army had promised more patrols; 200 soldiers were sent.",
        "Gunmen kill 14 in Kelbara",
        "2025-11-04",
        "a.txt",
    )
    claims = analyse([article]).claims
    main = next(c for c in claims if c.low == 14)
    past = next(c for c in claims if c.low == 60)
    assert main.event != past.event


TOWER_FIRE = (
    "A fire swept through Harwell Tower, a 20-storey block of flats in Brenhollow, on "
    "Wednesday night, killing 17 residents, the fire brigade said. Survivors described "
    "smoke filling the stairwells of the tower as families fled."
)


def _follow_up(place: str, published: str) -> object:
    return _article(
        f"The death toll from the fire at Harwell Tower in {place} has risen to 71, police "
        "said, as survivors of the tower blaze gathered for the first funerals and the "
        "inquiry into how smoke filled its stairwells began.",
        "Harwell Tower fire: death toll rises to 71 as inquiry opens",
        published,
        "b.txt",
        outlet="Evening Post",
    )


@pytest.mark.parametrize(
    ("published", "same"),
    [
        ("2025-06-29", True),  # two weeks on
        ("2025-07-10", True),  # four weeks on
        ("2025-08-20", False),  # two months on: beyond the follow-up reach
    ],
)
def test_a_follow_up_weeks_later_joins_its_story(published: str, same: bool) -> None:
    # A report weeks on is dated by its publication: words much alike and the place both name
    # join it to the incident, within a month.
    first = _article(TOWER_FIRE, "Tower fire kills 17", "2025-06-12", "a.txt")
    events = _events(first, _follow_up("Brenhollow", published))
    assert (events["a.txt"] == events["b.txt"]) is same


def test_a_follow_up_at_another_town_is_another_incident() -> None:
    # The same words about a tower at another town, two weeks on: another fire.
    first = _article(TOWER_FIRE, "Tower fire kills 17", "2025-06-12", "a.txt")
    later = _article(
        TOWER_FIRE.replace("Harwell Tower", "Selby Court").replace("Brenhollow", "Dorvana"),
        "Tower fire kills 17", "2025-06-26", "b.txt", outlet="Evening Post",
    )  # fmt: skip
    events = _events(first, later)
    assert events["a.txt"] != events["b.txt"]


def test_a_follow_up_that_shares_only_a_region_is_not_joined() -> None:
    # A province is no place to meet weeks apart: a month of its news is somewhere in it.
    first = _article(
        TOWER_FIRE.replace("in Brenhollow", "in Brenhollow, Kessa Province"), "Tower fire kills 17",
        "2025-06-12", "a.txt",
    )  # fmt: skip
    later = _article(
        "The death toll from the fire at the tower block in Kessa Province has risen to 71, police "
        "said, as survivors gathered for the first funerals and the inquiry into how smoke "
        "filled its stairwells began.",
        "Tower block fire: death toll rises to 71 as inquiry opens", "2025-06-29", "b.txt",
        outlet="Evening Post",
    )  # fmt: skip
    events = _events(first, later)
    assert events["a.txt"] != events["b.txt"]


def test_a_second_attack_told_after_the_first_is_its_own_incident_across_reports() -> None:
    # "Hours after the blast in Kessa": Kessa is the first blast's, named to
    # say when; the second attack is at Dorvana, and another report of the first blast that
    # names Kessa must not pull it in.
    first = _article(
        "A suicide bomber blew himself up near a mosque in Velmora, Kessa, on Friday, "
        "killing 34 people, officials said.\n\n"
        "Hours after the blast in Kessa, a second attack took place at a mosque in "
        "Dorvana city and claimed the lives of five people.",
        "Suicide blast kills 34 in Velmora", "2025-09-29", "a.txt",
    )  # fmt: skip
    other = _article(
        "The toll from Friday's suicide bombing at a mosque in Kessa's Velmora district "
        "rose to 52, officials said.",
        "Velmora mosque blast toll rises to 52", "2025-09-29", "b.txt", outlet="Daily Star",
    )  # fmt: skip
    claims = analyse([first, other]).claims
    event = {c.low: c.event for c in claims if c.kind == "killed"}
    assert event[34] == event[52]
    assert event[5] != event[34]


def test_a_lead_clause_of_an_earlier_year_gives_no_place() -> None:
    # "... who was killed in a 2020 strike in Dorvana": Dorvana is that year's incident's, not
    # where today's blasts were; the report joins the other reports of the blasts in Velmora.
    first = _article(
        "Twin blasts killed 103 people at a memorial ceremony in Velmora on Wednesday, "
        "officials said. Crowds had gathered at the general's grave.",
        "Twin blasts kill 103 in Velmora", "2025-01-03", "a.txt",
    )  # fmt: skip
    later = _article(
        "The blasts on Wednesday ripped through a crowd commemorating General Aran Holt, who "
        "was killed in a 2020 strike in Dorvana.\n\n"
        "Authorities said on Thursday the twin blasts at the memorial ceremony killed 84 people, "
        "revising down an earlier toll.",
        "Authorities revise toll from twin blasts to 84", "2025-01-04", "b.txt",
        outlet="Evening Post",
    )  # fmt: skip
    events = _events(first, later)
    assert events["a.txt"] == events["b.txt"]
