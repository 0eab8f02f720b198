"""Who says a figure: the reporting-cue lexicon, source noun phrases, the source one step away,
and one source under several names. Every sentence here is invented."""

from __future__ import annotations

import pytest
from conftest import make_article_from, one

from reconcile.extract import reporting
from reconcile.extract.attribution import SPEECH_RE, find_cues, plausible_source
from reconcile.extract.claims import extract_claims
from reconcile.extract.sources import person_key, source_key
from reconcile.roles import role_of

# --- the lexicon is data ----------------------------------------------------------------------


def test_the_lexicon_holds_every_class_and_cites_its_sources() -> None:
    table = reporting.lexicon()
    assert all(table[name] for name in reporting.CLASSES)
    assert {"said", "estimated", "documented"} <= set(reporting.verb_forms())
    # Nouns and adjectives that share a verb's spelling open no cue: "the report", "Borno State".
    assert not {"report", "state", "count", "lower"} & set(reporting.verb_forms())


def test_source_nouns_are_data_in_one_file() -> None:
    # One registry (data/source_nouns.csv) for the four ways attribution uses a source noun.
    from reconcile.extract import vocab

    assert all(vocab.SOURCE_NOUNS[name] for name in vocab.SOURCE_LISTS)
    assert "coast guard" in vocab.SOURCE_NOUNS["speaker"]
    assert plausible_source("the local coast guard")
    assert not plausible_source("the local weather")


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("The coroner lowered the toll to 52.", "lowered"),
        ("The ministry raised it to 40 on Monday.", "raised"),
        ("Police put the number of dead at 12.", "put the number of dead at"),
        ("He raised the alarm and 12 men went after them.", None),
        ("The report by the state agency named 12 villages.", None),
    ],
)
def test_a_revising_verb_is_a_cue_only_with_a_figure_as_its_object(sentence, verb) -> None:
    found = SPEECH_RE.search(sentence)
    assert (found.group("verb") if found else None) == verb


@pytest.mark.parametrize(
    ("body", "source", "figure"),
    [
        (
            "The regional health office put the toll at 41 on Monday.",
            "The regional health office",
            41,
        ),
        ("The Civil Defence had earlier put it at 26 dead.", "The Civil Defence", 26),
        ("The Monitoring Group documented 19 deaths in the town.", "The Monitoring Group", 19),
        ("Hospital staff counted 33 bodies at the morgue.", "Hospital staff", 33),
        ("The Vale Red Crescent registered 57 wounded people.", "The Vale Red Crescent", 57),
        ("Local officials estimated that 80 were killed.", "Local officials", 80),
        ("The Interior Ministry gave a death toll of 47 on Sunday.", "The Interior Ministry", 47),
        ("The Interior Ministry gave the death toll as 47.", "The Interior Ministry", 47),
        ("Medics at Orsk Hospital recorded 12 dead.", "Medics at Orsk Hospital", 12),
        ("The governor denounced the attack, in which 15 people were killed.", "The governor", 15),
        # The journalists' verbs of putting a figure somewhere.
        ("The authorities had earlier pegged the death toll at 265.", "The authorities", 265),
        ("Local officials placed the death toll at 31 on Monday.", "Local officials", 31),
        ("The coroner set the toll at 19.", "The coroner", 19),
        # Two speakers joined by "and", the second with its own determiner.
        ("Three police sources and a hospital porter put the toll at 40.",
         "Three police sources and a hospital porter", 40),
        ("Police sources and a witness said 40 people died.", "Police sources and a witness", 40),
        # The agent of a revision, after the figure, an adverb before the participle.
        ("The toll was later raised to 16 by the regional governor.", "the regional governor", 16),
    ],
)  # fmt: skip
def test_reporting_verbs_of_the_lexicon_attribute_the_figure(claims_in, body, source, figure):
    claim = claims_in(body)[0]
    assert (claim.source, claim.low) == (source, figure)


@pytest.mark.parametrize(
    "body",
    [
        "The Ostrava coroner cut the death toll to 52 from 60 on Friday.",
        "The Ostrava coroner revised the death toll down to 52 from 60 on Friday.",
        "The Ostrava coroner lowered the toll to 52 from 60 on Friday.",
    ],
)
def test_a_revised_toll_gives_both_figures_to_the_source(claims_in, body) -> None:
    claims = claims_in(body)
    assert [(c.low, c.source) for c in claims] == [
        (52, "The Ostrava coroner"),
        (60, "The Ostrava coroner"),
    ]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("Figures from the Kestrel Health Office show 44 people were killed.", "the Kestrel Health Office"),
        ("Data compiled by the Lindholm Observatory put the number of dead at 44.", "the Lindholm Observatory"),
        ("The Lindholm Observatory's latest tally shows 44 people were killed.", "The Lindholm Observatory"),
        ("According to figures from the Kestrel Health Office, 44 people were killed.", "the Kestrel Health Office"),
        # The source ends before the figure the noun holds.
        ("A tally released by the Kestrel Health Office of 15 dead was later updated.", "the Kestrel Health Office"),
        # A day between the participle and its agent; a document given by its owner.
        ("The latest count established Monday by the junta was 5 dead.", "the junta"),
        ("Nineteen people died, according to a new mounting toll given by police.", "police"),
    ],
)  # fmt: skip
def test_reporting_nouns_name_their_source(claims_in, body, source) -> None:
    assert one(claims_in(body)).source == source


def test_a_report_with_no_one_named_is_an_unnamed_report(claims_in) -> None:
    claim = one(claims_in("It was reported that 40 passengers may have been killed."))
    assert claim.source == "unnamed reports"
    assert claim.source_role != "outlet"


def test_a_participle_with_its_own_subject_is_that_subjects_cue(claims_in) -> None:
    claims = claims_in(
        "Health officials said 70 people were killed, with one clinic reporting that 10 bodies "
        "had been brought in."
    )
    assert [(c.low, c.source) for c in claims] == [(70, "Health officials"), (10, "one clinic")]


# --- source noun phrases have boundaries ----------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        "The", "Initial", "Unofficial", "Death toll", "The number",
        # A preposition ends no noun phrase.
        "Tragic Event in Velmora Results in",
        # Figures no one is named for.
        "Latest figures", "Previous estimates",
    ],
)  # fmt: skip
def test_a_determiner_an_adjective_or_a_figure_is_no_source(words: str) -> None:
    assert not plausible_source(words)


def test_a_speaker_who_took_to_a_platform_to_confirm_still_speaks(claims_in) -> None:
    body = "Mayor Dara Olin took to social media to confirm 10 deaths on Sunday."
    assert [(c.low, c.source) for c in claims_in(body)] == [(10, "Mayor Dara Olin")]


@pytest.mark.parametrize(
    "words", ["An Iraqi military official", "Olin", "Initial reports", "Official figures"]
)
def test_a_noun_phrase_with_a_head_is_a_source(words: str) -> None:
    assert plausible_source(words)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("KESTREL: The provincial police said 12 people were killed.", "The provincial police"),
        ("(WIRENEWS) The Health Ministry said 12 people were killed.", "The Health Ministry"),
        ("Orsk, Jun 3 (WNA) Twelve people were killed, a police officer said.", "a police officer"),
        (
            "KESTREL: Pavel Horak, head of the regional military administration, said 12 died.",
            "Pavel Horak, head of the regional military administration",
        ),
    ],
)
def test_a_dateline_is_no_part_of_the_source(sentence: str, source: str) -> None:
    assert [c.source for c in find_cues(sentence)] == [source]


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor dismissed reports that 40 people had died.",
        "The army rejected claims that 12 civilians were killed.",
    ],
)
def test_a_verb_ends_a_clause_and_is_no_part_of_a_speaker(sentence: str) -> None:
    # "reports" and "claims" are nouns here: the subject and its verb are no speaker of them.
    assert not [c for c in find_cues(sentence) if c.source.split()[-1].endswith("ed")]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # Wire style: a lower-case title before the name after an inverted "said".
        (
            '"We have found nine bodies so far," said fire chief Ana Lindqvist.',
            "fire chief Ana Lindqvist",
        ),
        ("Nine people died, said police spokesman Kofi Mensah.", "police spokesman Kofi Mensah"),
        # "confirmed dead" states a condition; the speaker is the one named after "according to".
        (
            "The number of people confirmed dead rose to 35, according to the regional governor.",
            "the regional governor",
        ),
        ("Nine bodies were found, the agency confirmed.", "the agency"),
    ],
)
def test_the_speaker_of_a_wire_sentence(claims_in, body: str, source: str) -> None:
    assert [c.source for c in claims_in(body)] == [source]


def test_an_alias_after_a_title_is_no_boundary() -> None:
    (cue,) = find_cues(
        "Ivan Petrov, director of the Federal Guard Service, or FGS, told reporters 11 were held."
    )
    assert cue.source == "Ivan Petrov, director of the Federal Guard Service"


def test_an_apposition_keeps_its_own_noun_phrase_without_its_modifiers() -> None:
    (cue,) = find_cues(
        "AIDNET, the relief agency in charge of shelters for families, said 900 were displaced."
    )
    assert cue.source == "AIDNET, the relief agency"


def test_a_relative_clause_after_a_name_is_skipped_not_read_as_the_source() -> None:
    (cue,) = find_cues(
        "Omar Haddad, who heads Kestrel hospital, said the hospital had taken in 10 bodies."
    )
    assert cue.source == "Omar Haddad"


# --- the source one step away -----------------------------------------------------------------


def test_a_cue_set_off_by_commas_governs_its_whole_sentence(claims_in) -> None:
    claims = claims_in(
        "Governor Anna Berg said 12 people were killed in the square. In the market, the "
        "governor said, 31 people were killed."
    )
    assert [c.low for c in claims] == [12, 31]
    assert {c.source for c in claims} == {"Governor Anna Berg"}


def test_the_second_of_two_cues_governs_its_own_figure(claims_in) -> None:
    claims = claims_in(
        "A rights group documented 30 deaths, while earlier police reports put it at 21."
    )
    assert [(c.low, c.source) for c in claims] == [(30, "A rights group"), (21, "police reports")]


def test_the_report_said_points_back_to_the_report_introduced_earlier(claims_in) -> None:
    claims = claims_in(
        "A report by the Lindholm Observatory was published on Tuesday. "
        "At least 18 people were killed in the shelling, the report said."
    )
    # "the report" is the report's author, named where the report was introduced.
    assert one(claims).source == "the Lindholm Observatory"


def test_he_means_a_person_not_an_institution_named_after_them(claims_in) -> None:
    claims = claims_in(
        "Chief Secretary Ravi Menon said the Railways had counted the dead twice. "
        "He added that 78 bodies had been handed over."
    )
    assert one(claims).source == "Chief Secretary Ravi Menon"


def test_a_headline_tail_names_the_source(make_article) -> None:
    from reconcile.extract.claims import extract_claims

    article = make_article(
        "Nothing more was known.", title="Blast at market in Dawra: 40 killed, security sources"
    )
    (claim,) = [c for c in extract_claims(article) if c.zone == "headline"]
    assert claim.source == "security sources"


def test_a_source_before_a_headlines_colon_names_the_source(make_article) -> None:
    from reconcile.extract.claims import extract_claims

    article = make_article(
        "Nothing more was known.", title="Vale health ministry: toll rises to 116"
    )
    (claim,) = [c for c in extract_claims(article) if c.zone == "headline"]
    assert (claim.source, claim.source_role) == ("Vale health ministry", "medical")


def test_a_headline_topic_before_its_colon_is_not_a_source(make_article) -> None:
    from reconcile.extract.claims import extract_claims

    article = make_article("Nothing more was known.", title="Blast at market in Dawra: 40 killed")
    (claim,) = [c for c in extract_claims(article) if c.zone == "headline"]
    assert claim.source_role == "outlet"


# --- one source under several names -------------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        "Pavel Horak",
        "Regional governor Pavel Horak",
        "Pavel Horak, the governor of Vale province",
        "Pavel Horak, head of the regional military administration",
    ],
)
def test_a_persons_key_is_their_name_whatever_their_title(words: str) -> None:
    assert source_key(words) == "pavel horak"
    assert person_key(words) == "pavel horak"


def test_an_institution_keeps_its_own_key() -> None:
    assert person_key("The Vale Health Ministry") == ""
    assert source_key("The Vale Health Ministry") == "vale health ministry"


def test_an_article_that_ties_a_name_to_a_title_gives_both_one_key(claims_in) -> None:
    claims = claims_in(
        "Pavel Horak, the governor of Vale province, said 12 people were killed. "
        "Later the governor said 30 were wounded. Horak added that 4 were missing."
    )
    assert {c.source_norm for c in claims} == {"pavel horak"}
    assert len({c.source for c in claims}) >= 2  # the article's own words are kept


def test_a_short_name_two_fuller_names_could_mean_keeps_its_own_key(claims_in) -> None:
    claims = claims_in(
        "The Vale health ministry said 12 people were killed. The Vale defence ministry said "
        "9 soldiers were wounded. A ministry said 3 were missing."
    )
    keys = {c.low: c.source_norm for c in claims}
    assert keys[12] != keys[9]
    assert keys[3] not in (keys[12], keys[9])


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("A hospital document seen by Reporters Daily on Thursday showed 40 people were killed.",
         "A hospital document seen by Reporters Daily"),
        ("The ministry gave no figure, but local media reported 15 dead.", "local media"),
        ("Police said 12 were killed, but the Lindholm Observatory, a monitoring group, said the "
         "toll was 19.", "the Lindholm Observatory, a monitoring group"),
        ("Twelve people were killed, according to a tally by the Daily Ledger.", "the Daily Ledger"),
    ],
)  # fmt: skip
def test_the_source_noun_phrase_ends_where_the_phrase_does(claims_in, body, source) -> None:
    assert claims_in(body)[-1].source == source


def test_a_surname_alone_is_the_person_another_article_names_in_full() -> None:
    from conftest import make_article_from

    from reconcile.pipeline import analyse

    first = make_article_from("Regional governor Pavel Horak said 12 people were killed.")
    second = make_article_from("Horak said 14 people were killed.", outlet="The Other Post")
    claims = analyse([first, second], jobs=1).claims
    assert len({c.event for c in claims}) == 1
    assert {c.source_norm for c in claims} == {"pavel horak"}


def test_a_surname_two_people_share_stays_apart() -> None:
    from conftest import make_article_from

    from reconcile.pipeline import analyse

    first = make_article_from("Governor Pavel Horak said 12 people were killed.")
    second = make_article_from("Mayor Ilona Horak said 14 people were wounded.", outlet="B")
    third = make_article_from("Horak said 15 people were killed.", outlet="C")
    keys = [c.source_norm for c in analyse([first, second, third], jobs=1).claims]
    assert keys == ["pavel horak", "ilona horak", "horak"]


def test_a_surname_is_unified_only_with_a_full_name_of_the_same_event() -> None:
    # A batch or a corpus holding other stories must not change who "Horak" is: the full name
    # of another event does not name the surname of this one.
    from conftest import make_article_from

    from reconcile.pipeline import analyse

    first = make_article_from(
        "Governor Pavel Horak said 12 people were killed in a flood in Ostrel.",
        title="Flood in Ostrel", published="2025-01-10",
    )  # fmt: skip
    second = make_article_from(
        "Horak said 14 people were wounded in a bombing in Velmora.", outlet="B",
        title="Bombing in Velmora", published="2026-06-02",
    )  # fmt: skip
    claims = analyse([first, second], jobs=1).claims
    assert len({c.event for c in claims}) == 2
    assert [c.source_norm for c in claims] == ["pavel horak", "horak"]


def test_a_bare_plural_repeats_the_nearest_source_with_that_head(claims_in) -> None:
    claims = claims_in(
        "The toll rose to 57 on Sunday, Testland officials said. The toll had stood at 50 on "
        "Friday, officials said."
    )
    assert [(c.low, c.source) for c in claims] == [
        (57, "Testland officials"),
        (50, "Testland officials"),
    ]


def test_a_sentence_that_announces_figures_gives_them_to_the_next_paragraph(claims_in) -> None:
    claims = claims_in(
        "The Testland Investigative Committee has revised its official figures for the attack."
        "\n\nAs the rubble was cleared, the number of victims rose to 133. The search goes on."
    )
    assert [(c.low, c.source) for c in claims] == [(133, "The Testland Investigative Committee")]


def test_a_sentence_with_no_figure_word_does_not_carry_its_source_across_a_paragraph(
    claims_in,
) -> None:
    claims = claims_in(
        "The Testland Investigative Committee opened a case on Friday.\n\nAs the rubble was "
        "cleared, the number of victims rose to 133."
    )
    assert [(c.low, c.source) for c in claims] == [(133, "unattributed")]


def test_a_contrasting_clause_after_a_cue_takes_its_own_source(claims_in) -> None:
    claims = claims_in(
        "In Velmora, the death toll rose to 5,894, Vice President Arlen Dask said, while in "
        "Ostrel it climbed to 1,932, according to the government and rescue workers."
    )
    assert [(c.low, c.source) for c in claims] == [
        (5894, "Vice President Arlen Dask"),
        (1932, "the government and rescue workers"),
    ]


def test_and_after_a_cue_continues_the_same_speakers_account(claims_in) -> None:
    claims = claims_in(
        "Two men pleaded guilty, the court service said, and all four men will be held in "
        "pre-trial detention."
    )
    assert [(c.low, c.source) for c in claims][-1] == (4, "the court service")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Police said 12 people were killed, while the rebels said 40 died.",
         [(12, "Police"), (40, "the rebels")]),
        ("Twelve people died, the mayor said, and 40 were injured, according to the hospital.",
         [(12, "the mayor"), (40, "the hospital")]),
        ("The agency said 2,921 people had died in Velmora, while in Ostrel 1,444 were killed, "
         "according to the government.", [(2921, "The agency"), (1444, "the government")]),
        ("Officials said 20 were killed; witnesses put the toll at 35.",
         [(20, "Officials"), (35, "witnesses")]),
        # A clause with no cue of its own stays with the sentence's speaker.
        ("Police said 12 were killed and 40 wounded, while 3 are missing.",
         [(12, "Police"), (40, "Police"), (3, "Police")]),
        ("According to the ministry, 12 were killed, while 40 were injured.",
         [(12, "the ministry"), (40, "the ministry")]),
    ],
)  # fmt: skip
def test_each_coordinated_clause_with_its_own_cue_is_its_own_speakers(
    claims_in, body, expected
) -> None:
    assert [(c.low, c.source) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("The ministry, which runs the hospitals, said 40 were killed.", "The ministry"),
        (
            "The disaster agency, known as TDMA, said 12 were wounded.",
            "The disaster agency, known as TDMA",
        ),
        ("The monitor, based in Testville, said 9 people died.", "The monitor"),
        ("A neighbour told reporters that 4 people were missing.", "A neighbour"),
    ],
)
def test_a_common_noun_speaker_is_found_past_its_apposition_or_without_a_capital(
    claims_in, body, source
) -> None:
    assert claims_in(body)[-1].source == source


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Özgür Şahin, a rescuer, said 40 people were killed.", [(40, "Özgür Şahin, a rescuer")]),
        ("Forty people were killed, said Łukasz Nowak.", [(40, "Łukasz Nowak")]),
        # A sentence opening with a capital outside ASCII still starts a sentence.
        ("Forty people died. Ümit Kaya said 12 more were missing.",
         [(40, "unattributed"), (12, "Ümit Kaya")]),
    ],
)  # fmt: skip
def test_names_with_capitals_outside_ascii_are_names(claims_in, body, expected) -> None:
    assert [(c.low, c.source) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A verb form after "an"/"the" is an adjective of the figure, not a cue.
        ("The flood left an estimated 1.5 million people homeless.",
         [("displaced", "unattributed")]),
        ("An estimated 40 people died, officials said.", [("killed", "officials")]),
        ("Officials estimated 40 people died.", [("killed", "Officials")]),
        # Releasing or publishing a list or figures is a source's record of them.
        ("The FBI released a list of 388 people who are unaccounted for.",
         [("missing", "The FBI")]),
        ("The ministry published figures showing 40 people died.", [("killed", "The ministry")]),
        # A past-tense verb ends a clause, not a source's noun phrase.
        ("Police received reports of 355 missing people.", [("missing", "unattributed")]),
    ],
)  # fmt: skip
def test_adjectival_participles_releases_and_verbs_at_a_phrase_end(
    claims_in, body, expected
) -> None:
    assert [(c.kind, c.source) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    "body",
    [
        "Ninety-three people had died, Governor Lena Paik said Saturday.",
        "Ninety-three people had died, Gov. Lena Paik said Saturday night.",
        "Ninety-three people had died, Gov. Lena Paik said on Saturday.",
    ],
)
def test_a_cue_closing_the_sentence_with_a_bare_weekday_governs_what_precedes(
    claims_in, body
) -> None:
    # Wire style drops "on" before the day: "X said Saturday."
    assert claims_in(body)[0].source.endswith("Lena Paik")


@pytest.mark.parametrize(
    "body",
    [
        "The death toll from Monday's earthquakes has risen to more than 7,800.",
        "Last week's toll stood at 40.",
        "The toll from the flood rose to 40.",
    ],
)
def test_a_cause_or_a_time_is_not_the_source_of_a_toll(claims_in, body) -> None:
    assert [c.source for c in claims_in(body)] == ["unattributed"]


def test_a_part_takes_the_kind_its_clause_names_though_the_total_before_is_another(
    claims_in,
) -> None:
    claims = claims_in(
        "Kim said 151 people died and 82 were hurt. At least 19 foreigners were among the dead."
    )
    part = claims[-1]
    assert (part.kind, part.low) == ("killed", 19)
    assert part.part_of == claims[0].id


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("The WHO warned the toll could reach 20,000.", "The WHO"),
        ("Forty people were confirmed dead by the health ministry.", "the health ministry"),
        ("Twelve people were reported missing by relatives.", "relatives"),
        # A lowercase relative pronoun is still a boundary.
        ("The official, who spoke on condition of anonymity, said 40 people died.",
         "The official"),
    ],
)  # fmt: skip
def test_acronyms_that_spell_a_pronoun_and_passive_agents_after_a_state(
    claims_in, body, source
) -> None:
    assert claims_in(body)[0].source == source


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A sentence after the figures that says whose they are.
        ("At least 40 people were killed. The figures were released by the health ministry.",
         "the health ministry"),
        ("At least 40 people were killed. That is according to the health ministry.",
         "the health ministry"),
        ("At least 40 people were killed. The governor confirmed the figure on Telegram.",
         "The governor"),
        ("At least 40 people were killed. The figures come from the county.", "the county"),
        ("At least 40 people were killed. The governor said this morning that work went on.",
         "unattributed"),
        # A figure of "others" or "more" goes on with the account before it.
        ("Officials said 30 people were killed. Twelve others were missing.", "Officials"),
        # "she" is the person the sentence before named as its subject.
        ('Governor Lena Paik spoke to reporters on Monday. "We have lost 40 people," she said.',
         "Governor Lena Paik"),
        ("Testville Police arrested a man. He said 40 people were hurt.", "He"),
    ],
)  # fmt: skip
def test_the_source_one_sentence_away(claims_in, body, expected) -> None:
    assert claims_in(body)[-1].source == expected


def test_a_line_that_ends_with_its_cue_and_a_colon_opens_the_next_paragraph(claims_in) -> None:
    claims = claims_in(
        "The Testville Herald reported:\n\nAt least 120 people were killed and 100 injured.\n\n"
        "The fire department said 81 people had been taken to hospital."
    )
    assert [(c.low, c.source) for c in claims] == [
        (120, "The Testville Herald"),
        (100, "The Testville Herald"),
        (81, "The fire department"),
    ]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # "released" in the cue's clause is the statement's, not the people's.
        ("Forty people died, the Interior and Safety Ministry said in a statement released "
         "Sunday.", "the Interior and Safety Ministry"),
        ("Forty people died, Governor Lena Paik told CNN affiliate KTST.", "Governor Lena Paik"),
        ("Forty people died, Paik told Testland's state broadcaster TBS on Monday.", "Paik"),
    ],
)  # fmt: skip
def test_what_trails_a_closing_cue_is_the_cues(claims_in, body, source) -> None:
    assert [(c.low, c.source) for c in claims_in(body)] == [(40, source)]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("The agency quoted Governor Lena Paik as saying 40 people had died.",
         "Governor Lena Paik"),
        ("According to the latest update from the regional crisis centre, 40 people died.",
         "the regional crisis centre"),
        ("The crisis centre's latest bulletin put the toll at 40.", "The crisis centre"),
        ("The ministry's figures show 40 dead.", "The ministry"),
        ("Police released the names of 40 people who are unaccounted for.", "Police"),
    ],
)  # fmt: skip
def test_the_speaker_behind_a_quotation_or_a_document(claims_in, body, source) -> None:
    assert [c.source for c in claims_in(body)] == [source]


def test_a_programme_named_in_quotation_marks_closes_a_told_cue(claims_in) -> None:
    (claim,) = claims_in('Forty people died, Governor Lena Paik told "Testland News Now."')
    assert (claim.source, claim.cue) == ("Governor Lena Paik", 'told "Testland News Now."')


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # A short clause before "the office said" is no name with an apposition.
        ("The toll rose to 114, the governor's office said in a statement.",
         "the governor's office"),
        ("The toll rose to 114, the office said on its website.", "the office"),
        # A possessive opens an apposition after a name.
        ("AFAD, Velmora's disaster agency, said 114 people were killed.",
         "AFAD, Velmora's disaster agency"),
        # The passive of "quoted as saying" keeps its subject as the speaker.
        ("Officials were quoted as saying 114 people had died.", "Officials"),
        ("Mayor Rick Benn was quoted by the agency as saying 114 people died.",
         "Mayor Rick Benn"),
    ],
)  # fmt: skip
def test_a_clause_before_a_closing_cue_an_apposition_and_a_passive_quote(
    claims_in, body: str, source: str
) -> None:
    assert [(c.low, c.source) for c in claims_in(body)] == [(114, source)]


@pytest.mark.parametrize("source", ["Testland Gov. Lena Paik", "Lt. Gov. Sam Orr", "Sen. Ana Ruiz"])
def test_a_title_abbreviated_in_wire_style_is_an_official(source: str) -> None:
    assert role_of(source) == "official"


@pytest.mark.parametrize(
    "body",
    [
        '"We have 93 dead. We are going to find more," Police Chief Rob Tanner said.',
        '"We have 93 dead. It is terrible. We will find more," Police Chief Rob Tanner said.',
        "“We have 93 dead. We will find more,” Police Chief Rob Tanner told reporters.",
    ],
)
def test_a_quotation_over_several_sentences_is_its_closing_speakers(claims_in, body) -> None:
    (claim,) = claims_in(body)
    assert (claim.low, claim.source) == (93, "Police Chief Rob Tanner")


def test_a_quotation_closed_without_a_speaker_gives_its_figures_to_no_one(claims_in) -> None:
    (claim,) = claims_in('"We have 93 dead. We will find more." The search went on.')
    assert claim.source == "unattributed"


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("Kala County Mayor Rick Benn spoke on Monday.\nThe mayor said 80 people were missing.",
         "Kala County Mayor Rick Benn"),
        ("Choi Dal-ho, a district fire chief, gave a briefing.\n"
         "At least 80 people died, the official said.", "Choi Dal-ho, a district fire chief"),
    ],
)  # fmt: skip
def test_a_long_title_or_an_apposition_lets_the_next_sentence_point_back(
    claims_in, body: str, source: str
) -> None:
    assert [(c.low, c.source) for c in claims_in(body)] == [(80, source)]


def test_the_official_after_a_body_and_no_person_speaks_for_that_body() -> None:
    article = make_article_from(
        '"The number of dead is 154," the official told reporters.',
        title="Blast: more than 60 still missing, health ministry confirms",
    )
    body = [c for c in extract_claims(article) if c.zone == "body"]
    assert [(c.low, c.source) for c in body] == [(154, "an official of the health ministry")]


def test_the_official_after_a_named_person_is_that_person(claims_in) -> None:
    claims = claims_in(
        "Governor Lena Paik spoke on Monday.\n"
        '"The number of dead is 154," the official told reporters.'
    )
    assert [c.source for c in claims] == ["Governor Lena Paik"]


@pytest.mark.parametrize(
    "body",
    [
        "Fire officials said 151 people died.\nSome 82 others were injured.",
        "Fire officials said 151 people died.\nOf those, 97 were women.\nSome 82 others were injured.",
        "Fire officials said 151 people died.\nA further 82 people were hurt.",
    ],
)
def test_others_and_a_further_count_go_on_with_the_speakers_account(claims_in, body) -> None:
    wounded = [c for c in claims_in(body) if c.kind == "wounded"]
    assert [c.source for c in wounded] == ["Fire officials"]


@pytest.mark.parametrize("anaphor", ["The directorate", "The service", "The authority"])
def test_a_generic_body_word_points_back_to_the_body_named_before(claims_in, anaphor) -> None:
    claims = claims_in(
        f"A girl was pulled alive from the ruins, Velmoran civil defence said. {anaphor} said "
        "131 people were still missing."
    )
    assert [(c.low, c.source) for c in claims] == [(131, "Velmoran civil defence")]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("At least 40 people have died, according to an AP tally.", "AP"),
        ("A Reuters tally showed 40 people had died.", "Reuters"),
        ("Forty people died, per the county's latest count.", "the county"),
    ],
)
def test_a_document_named_as_source_is_its_keepers(claims_in, body: str, source: str) -> None:
    assert [c.source for c in claims_in(body)] == [source]


# --- the speaker named after the figure, and short follow-ups --------------------------------


def test_an_unnamed_official_is_named_by_the_next_sentence(claims_in) -> None:
    claims = claims_in(
        "The toll in the landslide at Vessa has risen to 28, an official said Saturday. "
        "Mira Olsen, head of the regional Management of the Dead (RMD) cluster, made the "
        "announcement at a briefing. She added that 32 others were injured."
    )
    olsen = "Mira Olsen, head of the regional Management of the Dead cluster"
    assert [(c.low, c.source) for c in claims] == [(28, olsen), (32, olsen)]


def test_a_compound_modifier_with_and_is_one_speaker() -> None:
    (cue,) = find_cues("At least 128 passengers were missing, a search and rescue official said.")
    assert (cue.source, cue.scope_start) == ("a search and rescue official", 0)


def test_a_short_bare_follow_up_goes_on_with_the_account(claims_in) -> None:
    claims = claims_in(
        "Officials said they hoped the number of missing would fall. Eight people were injured."
    )
    assert [(c.low, c.source) for c in claims] == [(8, "Officials")]


def test_a_long_bare_sentence_is_the_outlets_own(claims_in) -> None:
    claims = claims_in(
        "Officials said the search would go on. Crews pulled 12 bodies from the river "
        "before nightfall on Sunday."
    )
    assert [c.source for c in claims] == ["unattributed"]


def test_a_figure_noun_phrase_is_no_speaker() -> None:
    assert find_cues("The number of people believed to be missing is now 30.") == []


@pytest.mark.parametrize(
    ("sentence", "sources"),
    [
        # A finite verb after a cue word makes it a noun.
        ("Crews searched the lake as fears grew that 40 more had drowned.", []),
        # "adds to" increases; it does not speak.
        ("The blast adds to a toll that the ministry said had topped 3,000.", ["the ministry"]),
        # Present-tense inverted cues of news digests, and a period that ends the name.
        ("The toll rose from 90 to 170, reports the BBC. It is now higher.", ["the BBC"]),
        ("Five died, said Dr. Samir Aoun.", ["Dr. Samir Aoun"]),
    ],
)
def test_nouns_that_look_like_cues_and_digest_cues(sentence: str, sources: list[str]) -> None:
    assert [c.source for c in find_cues(sentence)] == sources


def test_a_headline_source_is_who_they_are_in_the_lead(claims_in) -> None:
    from conftest import make_article_from

    article = make_article_from(
        "They said another 12 soldiers were wounded.",
        title="Testland officials: 11 soldiers killed in blast",
    )
    claims = extract_claims(article)
    assert [(c.low, c.source) for c in claims] == [
        (11, "Testland officials"),
        (12, "Testland officials"),
    ]


def test_a_pipe_tail_of_a_headline_is_the_section_not_a_source() -> None:
    from conftest import make_article_from

    article = make_article_from("Rescuers searched on.", title="Ferry sinks, 78 dead | Testland")
    (claim,) = extract_claims(article)
    assert claim.source == "unattributed"


# --- whose words: claims, reports, quotations over sentences, dated cues ---------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The figure of "Y's claim that ..." is Y's, whoever disputes it.
        (
            "Lawyers disputed President Anna Kell's claim that only six people had died.",
            [(6, "President Anna Kell")],
        ),
        # A named body's report whose content follows, denied by another.
        (
            "Police denied a Testville Fans report that the toll had exceeded 125.",
            [(126, "Testville Fans")],
        ),
        # A cue dated after its verb still ends the sentence and governs what came before.
        (
            "At least 39 people were killed in the fire, an official said on March 28.",
            [(39, "an official")],
        ),
        (
            "More than 170 people were killed in the crush, officials said on Sunday (Oct 2), "
            "in one of the worst stadium disasters.",
            [(171, "officials")],
        ),
        # "according to X" ends where the clause's verb begins.
        (
            "The toll according to Home Minister Ravi Das is 132.",
            [(132, "Home Minister Ravi Das")],
        ),
    ],
)
def test_whose_claim_whose_report_and_dated_cues(claims_in, body, expected) -> None:
    assert [(c.low, c.source) for c in claims_in(body)] == expected


def test_a_quotation_over_three_sentences_takes_its_long_titled_closing_speaker(claims_in) -> None:
    claims = claims_in(
        '"The team has identified all the bodies. As of today, the number of people killed is '
        '125. There is no increase," Chief of the Public Relations Division of the National '
        "Police Inspector General Dedi Wiryo said on Tuesday."
    )
    assert [c.low for c in claims] == [125]
    assert claims[0].source.endswith("Inspector General Dedi Wiryo")


def test_a_title_case_headline_names_its_source_after_the_verb() -> None:
    from conftest import make_article_from

    article = make_article_from(
        "Rescuers searched on.", title="Toll Rises to 68, Confirms Home Minister Ravi Das"
    )
    (claim,) = extract_claims(article)
    assert (claim.low, claim.source) == (68, "Home Minister Ravi Das")


def test_a_possessive_body_keeps_its_lower_case_modifiers() -> None:
    cues = find_cues("On Friday the Vessa de Oro provincial government's tally was 15 dead.")
    assert [c.source for c in cues] == ["the Vessa de Oro provincial government"]


def test_a_standfirsts_speaker_does_not_speak_the_body() -> None:
    from reconcile.ingest.text import read_text_article

    text = (
        "Strikes on Vessa kill 100\n"
        "Officials warn that the toll is likely to rise.\n"
        "By A. Writer\n\n"
        "No fewer than 100 people were killed in Vessa on Tuesday when warplanes bombed a "
        "district.\n"
    )
    claims = extract_claims(read_text_article(text, path="s.txt"))
    body = [c for c in claims if c.zone == "body"]
    assert [(c.low, c.source) for c in body] == [(100, "unattributed")]


def test_an_embedded_post_is_its_posters(claims_in) -> None:
    claims = claims_in(
        "At least 27 people died following a stampede at a prayer meeting in Varo. "
        "pic.twitter.com/4NVvVs — Ravi Mehta (@RaviM) July 2, 2024"
    )
    assert [(c.low, c.source) for c in claims] == [(27, "Ravi Mehta")]


def test_a_quotation_saying_these_are_the_numbers_names_their_speaker(claims_in) -> None:
    claims = claims_in(
        "A magnitude 6.3 earthquake killed 14 people and injured 78, an official said. "
        '"These are the numbers that have been brought to the hospital so far," the health '
        "director Omar Talib Sahir told reporters."
    )
    assert {c.source for c in claims} == {"the health director Omar Talib Sahir"}


def test_the_same_source_is_who_spoke_last(claims_in) -> None:
    claims = claims_in(
        "The Interior Ministry said 820 people had died. No new deaths were reported in the "
        "provinces of Azil, Tinghar and Youssa, the same source added."
    )
    assert [(c.low, c.source) for c in claims] == [
        (820, "The Interior Ministry"),
        (0, "The Interior Ministry"),
    ]


def test_a_clause_after_said_that_points_back_at_nothing(claims_in) -> None:
    claims = claims_in(
        "762 people were injured, 205 of them severely. A statement by the ministry said that "
        "most deaths were in the south."
    )
    assert claims[0].source == "unattributed"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A bracketed acronym inside a long title keeps the cue's reach over the whole sentence.
        (
            "The toll now stands at 1,234, National Disaster Agency (NDA) spokesman Suto "
            "Nugraha said at a press conference in Testport.",
            [(1234, "National Disaster Agency spokesman Suto Nugraha")],
        ),
        # A date in figures after the cue.
        (
            "The death toll has risen to 1,200, the authorities said on Tuesday (02/10).",
            [(1200, "the authorities")],
        ),
        # "This is from the statement ... by X": X's statement.
        (
            "The toll has risen to 384 dead. This is from the official statement at a press "
            "conference by agency spokesman Suto Nugraha.",
            [(384, "agency spokesman Suto Nugraha")],
        ),
    ],
)
def test_long_titles_dates_in_figures_and_statements_by(claims_in, body, expected) -> None:
    assert [(c.low, c.source) for c in claims_in(body)] == expected


def test_a_signature_on_its_own_line_signs_the_post_above_it(claims_in) -> None:
    claims = claims_in(
        "Cyclone death toll rises to 608 in three countries.\n"
        "pic.twitter.com/abc — Test News (@testnews) March 21, 2019"
    )
    assert [(c.low, c.source) for c in claims] == [(608, "Test News")]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # "told" after a comma is the speaker's verb, whom they told comes after it.
        (
            "Marie el-Drese, the relief federation's Testland secretary-general, told The "
            "Associated Press news agency another 10,100 people are missing.",
            "Marie el-Drese, the relief federation's Testland secretary-general",
        ),
        # Whom they told: the common word, then the name.
        (
            '"The toll is 125," Emil Dardo, deputy governor of East Vessa, told broadcaster '
            "Metro TV.",
            "Emil Dardo, deputy governor of East Vessa",
        ),
        # Right after a closing quotation mark, "told X" names the speaker (Indian English).
        (
            '"The death toll stands at 135," told Vessa District Collector.',
            "Vessa District Collector",
        ),
        # What killed them is no source.
        ("More than 1,000 people have been reported killed by the storm.", None),
        # A figure or a time phrase heading a clause is no speaker.
        ("7.6 MILLION Estimated People Displaced Due to the Floods", None),
    ],
)
def test_told_whom_what_killed_and_headings(sentence: str, source: str | None) -> None:
    cues = find_cues(sentence)
    assert (cues[0].source if cues else None) == source


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "report" is a verb after its sources and before a figure ("the report said" a noun).
        ("Official sources report at least 62 fatalities.", [(62, "Official sources")]),
        # Whom a source told: a meeting.
        (
            "Deaths had reached 405, Ricardo Jalo, head of the disaster agency, told a news "
            "meeting.",
            [(405, "Ricardo Jalo, head of the disaster agency")],
        ),
        # A stop with no space after a name ("Yap.The") ends the sentence, and its cue.
        (
            "In Bohol alone, 94 deaths were recorded, according to Governor Arthur Yap.The "
            "province still has no power.",
            [(94, "Governor Arthur Yap")],
        ),
        # A clause's own verb of saying is no gap inside "expected ... the number".
        (
            "More deaths are expected as authorities warned the number of missing could rise "
            "from the current figure of 159.",
            [(159, "authorities")],
        ),
    ],
)
def test_report_as_a_verb_meetings_lost_spaces_and_warnings(claims_in, body, expected) -> None:
    assert [(c.low, c.source) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # An adverb in -ly before the verb is no part of the speaker...
        (
            "The disaster agency drastically increased the death toll from 17 to 151.",
            "The disaster agency",
        ),
        # ...a noun in -ly is ("A Testwire tally showed 40 dead" names Testwire's tally).
        ("An ally said 12 people died.", "An ally"),
        # "the toll increased to 131" has no speaker: it is what increased.
        ("The death toll from the wildfires increased to 131 on Tuesday.", None),
    ],
)
def test_adverbs_and_intransitive_increases(sentence: str, source: str | None) -> None:
    cues = find_cues(sentence)
    assert (cues[0].source if cues else None) == source


def test_a_paragraph_opening_on_who_released_the_toll_names_the_leads_source(claims_in) -> None:
    claims = claims_in(
        "At least 20 people have been confirmed dead after a powerful earthquake in Testland."
        "\n\nThe Defence Ministry released the updated death toll late Tuesday, while "
        "government agencies spoke of at least 600 injured, the TKL broadcaster reported."
    )
    assert [(c.kind, c.low, c.source) for c in claims] == [
        ("killed", 20, "The Defence Ministry"),
        ("wounded", 600, "the TKL broadcaster"),
    ]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # A bare plural of a body's noun names a source ("aid agencies", "rights groups").
        ("A storm left 40 people dead and 12 missing, aid agencies said.", "aid agencies"),
        ("The flood killed 18 people, non-governmental organisations said on Tuesday.",
         "non-governmental organisations"),
        # A bracketed acronym before an apposition's closing comma is no boundary.
        ("Meanwhile, the opposition alliance, the Living Forces of Velmora (LFV), estimated "
         "about 100 deaths.", "the Living Forces of Velmora"),
        # "the group" is the last body named that is not the state, not the nearest source of
        # the group's role; what its figures rest on ("based on reports from hospitals") is not
        # who gives them.
        ("While the mayor has confirmed 20 deaths, the Valley Residents Union asserts that 45 "
         "people died. The group's estimates are based on reports from hospitals. Additionally, "
         "over 30 people remain missing.", "the Valley Residents Union"),
        # The outlet's own "it has been revealed" ends the account of the speaker before it.
        ("Commander Ana Lind said the search would go on. It was revealed for the first time "
         "that 70 people are unaccounted for.", "unattributed"),
        ("More than 60 people remain unaccounted for after the fire, it has been revealed.",
         "unattributed"),
        # "So far they": a lead adverbial, then a pronoun for the bare plural subject before.
        ("Officers spoke to families in the town. So far they have confirmed that 41 people are "
         "missing.", "Officers"),
        # A body named again ("Police" for "The Testville police") is who spoke last.
        ("The Testville police said ten bodies were found. Officers said the search went on. "
         "Police added that the heat was intense. So far they have confirmed that 73 people "
         "are missing.", "The Testville police"),
        # Initials run together do not end a sentence ("M.R. Vale"), so "he" finds him.
        ('Earlier magistrate M.R. Vale put the death toll at 32. "At least 30 people have been '
         'injured," he said.', "magistrate M.R. Vale"),
        # A name with letters beyond ASCII is a person's name: "She" is Lena Añora.
        ("Lena Añora, head of the disaster office, made the announcement. She added that 77 "
         "remain missing.", "Lena Añora, head of the disaster office"),
    ],
)  # fmt: skip
def test_bodies_named_in_the_plural_and_who_they_and_the_group_are(claims_in, body, source) -> None:
    assert claims_in(body)[-1].source == source


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # "responded to" is an act, not a statement.
        ("The army responded to a raid by rebels who killed 300 villagers by shelling the hills.",
         "unattributed"),
        # A relative clause's subject gives the figure it hangs on.
        ("The figure is far below the nearly 300 deaths that health officials in the province "
         "originally reported.", "health officials in the province"),
        # A figure's own participle and agent, with a day between, beat the sentence's subject.
        ("The rights groups disputed the official figure of 56 dead announced Monday by the "
         "government.", "the government"),
        ("The Velmora Union said the figure of 56 dead announced Monday by the government was "
         "too low.", "the government"),
        # A witness who saw the bodies.
        ("Reporters at the scene saw dozens of bodies in the courtyard.",
         "Reporters at the scene"),
        # "the government" is a word of its own, not the middle of "non-governmental".
        ("The storm left 135 dead, non-governmental organisations said. The groups disputed "
         "the figure of 56 dead announced by the government.", "the government"),
        # What a count rests on is not who gives it.
        ('"According to information gathered at the hospital, 135 people died," the '
         "statement said.", "the statement"),
    ],
)  # fmt: skip
def test_agents_of_a_figures_own_clause_and_what_is_no_source(claims_in, body, source) -> None:
    assert claims_in(body)[-1].source == source


@pytest.mark.parametrize(
    ("title", "source"),
    [
        # A clause after the headline's comma is no source; a source noun phrase is.
        ("Toll in river flood rises to 33, rescue teams search for survivors", "unattributed"),
        ("At least 33 dead in river flood, law enforcement officials tell Testwire",
         "law enforcement officials"),
        ("Blast at market kills 33, security sources", "security sources"),
    ],
)  # fmt: skip
def test_a_headline_tail_is_a_source_only_when_headed_by_one(title, source) -> None:
    article = make_article_from("The flood came on Monday.", title=title)
    claims = [c for c in extract_claims(article) if c.zone == "headline"]
    assert [c.source for c in claims] == [source]


def test_the_group_is_the_body_named_in_the_plural_before_it(claims_in) -> None:
    # "Brigades" is a body's word in the plural, so the name is no person's.
    claims = claims_in(
        "Militia claims attacks on checkpoints. The Velm Defence Brigades said on Monday that "
        "its fighters had carried out attacks. The group said its fighters had killed 12 soldiers."
    )
    assert one(claims).source == "The Velm Defence Brigades"


def test_an_official_tally_in_brackets_is_its_own_source_for_the_count_before_it(claims_in):
    claims = claims_in(
        "Unconfirmed reports put the death toll of the flood that swept the valley on Tuesday "
        "at 249 (official tally 167), while 240 were feared missing (official tally 191)."
    )
    assert [(c.kind, c.low, c.source) for c in claims] == [
        ("killed", 249, "Unconfirmed reports"),
        ("killed", 167, "official tally"),
        ("missing", 240, "Unconfirmed reports"),
        ("missing", 191, "official tally"),
    ]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("The official figure for the missing people is 98, but locals fear more.",
         "official figure"),
        # Its owner named, the figure is the owner's.
        ("The ministry revised its official figures to 98 dead.", "The ministry"),
        # A title with words before it closes a quotation.
        ('"1,000 dead, 1,500 injured," Omar Vale, information and culture director of Tessa '
         "province told Testwire.",
         "Omar Vale, information and culture director of Tessa province"),
        # A place and a colon open the text: a dateline, not a source.
        ("Velmorapuram: The death toll in the landslides rose with 66 bodies recovered.",
         "unattributed"),
        # A participle phrase after a subject whose verb does not report: the outlet's sum.
        ("Rescuers found more bodies, raising the number of confirmed and presumed dead to 23.",
         "unattributed"),
        ("The ministry updated its figures, raising the number of dead to 23.", "The ministry"),
        # A forecast about the toll does not give the figure before it.
        ("So far, six bodies have been found. The UN said the death toll could change.",
         "unattributed"),
    ],
)  # fmt: skip
def test_official_figures_titles_datelines_and_forecasts(claims_in, body, source) -> None:
    assert claims_in(body)[0].source == source


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # "claim" is a verb after its subject...
        ("Rights groups claim over 90 people died in the fire.", "Rights groups"),
        # ...and a noun after a determiner or possessor, which opens no cue of its own.
        ("The claim that 90 people died in the fire was denied by no one.", "unattributed"),
    ],
)  # fmt: skip
def test_claim_as_a_verb_and_as_a_noun(claims_in, body, source) -> None:
    assert claims_in(body)[0].source == source


def test_confirmed_this_reaches_past_a_sentence_with_no_figure(claims_in) -> None:
    claims = claims_in(
        "The death toll from the fire rose to 46. The toll is likely to rise.\n"
        "Health minister Ana Lind confirmed this while speaking to reporters this morning."
    )
    assert one(claims).source == "Health minister Ana Lind"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The count named again ("The new total of", "the 1,002 total", "The previous figure
        # had been") is the same report's count, at another stage; so is "The number of
        # injured increased to" after it.
        ("The ruling council said the death toll rose to more than 1,600. The new total of "
         "1,644 is a sharp rise over the 1,002 total announced hours earlier. The number of "
         "injured increased to 3,408.",
         [("killed", 1601, "The ruling council"), ("killed", 1644, "The ruling council"),
          ("killed", 1002, "The ruling council"), ("wounded", 3408, "The ruling council")]),
        ("The agency said the toll had grown to 2,207. The previous figure had been 2,189 on "
         "Wednesday.", [("killed", 2207, "The agency"), ("killed", 2189, "The agency")]),
        # "The updated figures from X follow ...": the figures before are X's.
        ("The toll climbed on Sunday, with at least 724 dead and 2,800 injured.\n"
         "The updated figures from the Office of Civil Protection follow a count of 304 dead.",
         [("killed", 724, "the Office of Civil Protection"),
          ("wounded", 2800, "the Office of Civil Protection"),
          ("killed", 304, "the Office of Civil Protection")]),
        # What the speaker rests on ("citing preliminary data") closes the cue; it names no one.
        ("The death toll has reached 36, police chief Omar Vale said citing preliminary data.",
         [("killed", 36, "police chief Omar Vale")]),
    ],
)  # fmt: skip
def test_the_count_named_again_and_figures_from_a_body(claims_in, body, expected) -> None:
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == expected


def test_a_kind_said_once_for_a_headline_list_of_places() -> None:
    article = make_article_from(
        "The quake struck at night.",
        title="Quake in western Velmora: 37 dead in Kessa, 5 in Tarn, hundreds injured",
    )
    headline = [(c.kind, c.low) for c in extract_claims(article) if c.zone == "headline"]
    assert headline == [("killed", 37), ("killed", 5), ("wounded", 200)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A fronted "In addition to ..." is part of what the speaker says.
        ("In addition to the 30 dead across the country, the Defence Ministry said 650 people "
         "had been injured.",
         [("killed", 30, "the Defence Ministry"), ("wounded", 650, "the Defence Ministry")]),
        # "also" adds to the account of the speaker before, over a short sentence between.
        ("Sheriff Ana Lind said at a news conference that 16 people have been reported missing. "
         "He expects the number to grow. So far, at least 16 people have also been confirmed dead.",
         [("missing", 16, "Sheriff Ana Lind"), ("killed", 16, "Sheriff Ana Lind")]),
        # ... of a speaker, not of what a video showed.
        ("Video shared on social media showed flames engulfing the building. Around 50 workers "
         "have also been injured.", [("wounded", 42, "unattributed")]),
        # The agent after a figure announced as such.
        ("The definitive death toll has been announced as 301 by the Turkish government, after "
         "the last body was pulled out.", [("killed", 301, "the Turkish government")]),
    ],
)  # fmt: skip
def test_fronted_additions_also_and_agents_after_the_figure(claims_in, body, expected) -> None:
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "Updating the toll, X said ...": the toll before is X's; "the total detained" is a
        # count of the detained.
        ("The death toll from the attacks has risen to 359.\nUpdating the toll, police "
         "spokesman Ana Lind said 18 suspects were arrested, raising the total detained to 58.",
         [("killed", 359, "police spokesman Ana Lind"),
          ("arrested", 18, "police spokesman Ana Lind"),
          ("arrested", 58, "police spokesman Ana Lind")]),
        # "the latest update" names no one.
        ("According to the latest update, forty-nine people are dead.",
         [("killed", 49, "unattributed")]),
        # A closing cue after a quotation whose closing mark the page lost.
        ('"We have confirmed so far 137 dead, most of them burned beyond recognition, police '
         "official Omar Vale told Testwire.", [("killed", 137, "police official Omar Vale")]),
        # A figure set aside ("46, not 108,") does not stand between 46 and its kind.
        ("The ministry said 46, not 108, were killed in the raid.",
         [("killed", 46, "The ministry"), ("killed", 108, "The ministry")]),
    ],
)  # fmt: skip
def test_updating_the_toll_lost_closing_marks_and_figures_set_aside(claims_in, body, expected):
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "with officials saying" names who says what follows.
        ("No survivors had been found by Sunday, with officials saying the search for the four "
         "missing people would resume.", [("missing", 4, "officials")]),
        # A quotation over two sentences collects a figure carried from the sentence before it
        # for its closing speaker, named after the closing mark.
        ("The government said the toll had reached 358.\n"
         "“So far we have confirmed 512 people died in the explosion ... (Some) 316 others were "
         "also injured,” Omar Vale, the committee’s chairman, told Testwire on Thursday.",
         [("killed", 358, "The government"),
          ("killed", 512, "Omar Vale, the committee’s chairman"),
          ("wounded", 316, "Omar Vale, the committee’s chairman")]),
        ("At an earlier briefing, Bush said staff had taken three men and a woman into custody.",
         [("arrested", 3, "Bush")]),
    ],
)  # fmt: skip
def test_with_officials_saying_quotations_and_custody(claims_in, body, expected) -> None:
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A quotation its speaker opens runs over its sentences, however long, and over a
        # paragraph that reopens it (the newsroom convention): its figures are the speaker's.
        ("Mara Kell, director of the Tarvo relief group, said: “I drove around Lessa yesterday. "
         "On the main road I watched the water carry away the market stalls and two cars.\n\n"
         "“In just one of the villages we serve, 44 people have died and 210 have lost their "
         "homes.”\n\nThe ministry said 900 people were missing.",
         [("killed", 44, "Mara Kell, director of the Tarvo relief group"),
          ("displaced", 210, "Mara Kell, director of the Tarvo relief group"),
          ("missing", 900, "The ministry")]),
        # Once closed, the quotation lends its speaker no longer than any other cue does.
        ("Mara Kell said: “We drove to Lessa. We saw the market.”\n\n"
         "Across the province the floods have killed 61 people since Monday night, in the worst "
         "disaster the region has seen.", [("killed", 61, "unattributed")]),
    ],
)  # fmt: skip
def test_a_quotation_over_paragraphs_is_its_speakers(claims_in, body, expected) -> None:
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "confirmed" before the count's noun is an adjective; the release names the source.
        ("The official confirmed death toll of the Karvel ferry sinking has risen to 31, with 12 "
         "passengers still missing according to the latest release by the Coast Guard.",
         [("killed", 31, "the Coast Guard"), ("missing", 12, "the Coast Guard")]),
        # A figure and a day before "and" end a clause: the speakers are after it.
        ("The toll rose to at least 40 on Monday and local officials said 22 more were still "
         "unaccounted for.", [("killed", 40, "unattributed"), ("missing", 22, "local officials")]),
        # A verb of saying with a deed for its object reports nothing.
        ("Rescuers concluded their search on Sunday after recovering 19 bodies from the rubble.",
         [("killed", 19, "unattributed")]),
        # A doubled subject ("Vale he wrote") is the name.
        ("Taking to X, Vale he wrote that 40 people had died.", [("killed", 40, "Vale")]),
    ],
)  # fmt: skip
def test_adjectives_of_the_count_deeds_and_clause_ends_are_no_speakers(claims_in, body, expected):
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A revising verb of the lexicon: "altered the number ... from 32 to 19".
        ("The health minister on Saturday altered the number of deaths from 32 to at least 19.",
         [("killed", 32, "The health minister"), ("killed", 19, "The health minister")]),
        # A count named with its keeper is the keeper's, whoever gives the sentence's others.
        ("The health ministry said 274 people were killed, updating an earlier toll of 210 from "
         "the government media office.",
         [("killed", 274, "The health ministry"), ("killed", 210, "the government media office")]),
        # A hard-wrapped line that ends on "an" goes on: the quotation's closing cue is found.
        ('"Troops killed 59 people with a direct hit with an\nIskander missile," Vale said.',
         [("killed", 59, "Vale")]),
        # A credit line "Source: X" gives the item's unattributed figures to X...
        ("A total of 51 people were killed in the strike on the village.\n\n"
         "Source: Velmora Oblast Police\n\nDetails: Six people were hospitalised.",
         [("killed", 51, "Velmora Oblast Police"), ("wounded", 6, "Velmora Oblast Police")]),
        # ...but a news agency credited so is the wire the outlet ran.
        ("A total of 51 people were killed in the strike on the village.\n\n"
         "Source: Testland News Agency", [("killed", 51, "unattributed")]),
        # ... and a linked story's title after "Source:" is no one.
        ("A total of 51 people were killed in the heat.\n\n"
         "Source: More than 1,300 pilgrims die in the heat", [("killed", 51, "unattributed"),
                                                            ("killed", 1301, "unattributed")]),
    ],
)  # fmt: skip
def test_revising_verbs_counts_with_keepers_wrapped_lines_and_credit_lines(
    claims_in, body, expected
):
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == expected


def test_a_newspapers_name_is_no_persons() -> None:
    from reconcile.extract.attribution import is_person

    # "He added that: ..." after "Daily Trust reported" is the resident, not the paper.
    assert not is_person("Daily Trust") and not is_person("The Velmora Times")
    assert is_person("Idris Dahar")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A body of the state named in lower case: "civil defense" is an institution.
        ("The toll has climbed to 100, local civil defense said on Wednesday, adding that 128 "
         "people were still missing.",
         [("killed", 100, "local civil defense"), ("missing", 128, "local civil defense")]),
        # An office held "to" someone opens an apposition; the name before it speaks.
        ("“So far, 27 people have died. Among them, 25 are children,” Karim Uddin, special "
         "assistant to the health minister, said.",
         [("killed", 27, "Karim Uddin, special assistant to the health minister")]),
        # A place's relative clause inside the apposition is passed over like a place.
        ("Ahmad Karimi, governor of Zarand, in the north of the country, where Vosh is the "
         "capital, announced that the death toll increased to 40.",
         [("killed", 40, "Ahmad Karimi, governor of Zarand")]),
        # A "where" clause that holds the verb holds its speaker too.
        ("The blast hit the market in the city, where officials said 30 people died.",
         [("killed", 30, "officials")]),
        # A count with the recipient and the agent of its passive: the agent keeps it.
        ("This adds to a count of 24 dead communicated to AFP by a chief of the next village.",
         [("killed", 24, "a chief of the next village")]),
        # A title's abbreviation does not end the name after "according to".
        ("All 21 victims died in one room, according to Public Safety Lt. Karl Brenner.",
         [("killed", 21, "Public Safety Lt. Karl Brenner")]),
    ],
)  # fmt: skip
def test_appositions_offices_agents_and_abbreviated_titles(claims_in, body, expected) -> None:
    # (A part, "Among them, 25 are children", is left out: its own tests are elsewhere.)
    assert [(c.kind, c.low, c.source) for c in claims_in(body) if not c.part_of] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A plural "-s" form after an adjective is a noun; with a verb of showing, it speaks.
        ("Recent reports from the region indicate that the death toll has risen to 87.",
         [("killed", 87, "Recent reports from the region")]),
        # After "according to" it is the source, not a verb.
        ("According to reports, 19 students and 2 adults were killed.",
         [("killed", 19, "reports"), ("killed", 2, "reports")]),
        # A question reports no one's words.
        ("What do you even say about the two teachers killed in the classroom?",
         [("killed", 2, "unattributed")]),
        # "do" inside a name is no verb.
        ("Officials in Rio Grande do Sul state say more than 80,000 have been displaced.",
         [("displaced", 80001, "Officials in Rio Grande do Sul state")]),
    ],
)  # fmt: skip
def test_reports_as_a_noun_questions_and_names_with_do(claims_in, body, expected) -> None:
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == expected


def test_a_paragraph_that_gives_out_the_latest_count_attributes_the_one_before(claims_in):
    body = (
        "The death toll from the bus crash rose to 31 yesterday.\n\n"
        "Citing hospital sources, the army press office disclosed the latest count around 2pm."
    )
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == [
        ("killed", 31, "the army press office")
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "reports that" is a verb, whatever adjective stands before it.
        ("Jordanian media reports that 13 people were killed while 250 others suffered injuries.",
         [("killed", 13, "Jordanian media"), ("wounded", 250, "Jordanian media")]),
    ],
)  # fmt: skip
def test_media_reports_that_and_incident_topics(claims_in, body, expected) -> None:
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == expected


def test_a_headline_topic_naming_a_tragedy_is_no_source(claims_in) -> None:
    claims = extract_claims(
        make_article_from("Officials gave no update.", title="Temple tragedy: 15 dead")
    )
    assert [(c.kind, c.low, c.source) for c in claims] == [("killed", 15, "unattributed")]


def test_a_police_command_is_an_official() -> None:
    assert role_of("The police command") == "official"
    assert role_of("the Central Command") == "party"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The count named again by "the number of deaths", passively confirmed, is the agent's.
        ("At least 29 people died after drinking illicit liquor. The number of deaths so far was "
         "confirmed by District Collector Ravi Menon.",
         [("killed", 29, "District Collector Ravi Menon")]),
        # A trailing "X quoted Y" passes the figures on: X's.
        ("At least 24 tourists were killed when gunmen opened fire, AFP quoted police sources.",
         [("killed", 24, "AFP")]),
        # What the speaker did while saying it, and how they told it, close the cue too.
        ("The 26 dead included two foreigners, a senior official said without giving details.",
         [("killed", 26, "a senior official")]),
        ('"Dozens of children have died," Bittaye told Reuters by phone.',
         [("killed", 24, "Bittaye")]),
        # "told newsmen" names the press as "told reporters" does.
        ('"317 students were kidnapped," Mohammad Shehu, the police spokesperson, told newsmen.',
         [("missing", 317, "Mohammad Shehu, the police spokesperson")]),
        # A parenthetical between the subject and its verb...
        ("Police, however, said more than 30 people have been detained.",
         [("arrested", 31, "Police")]),
        # ...but after a clause it opens a new one, whose subject follows it.
        ("He did not give the number of injuries, however, reports suggested that more than 70 "
         "were wounded.", [("wounded", 71, "reports")]),
        # A verb of saying in scare quotes is still the verb.
        ("Excise Minister Sunil Kumar on Wednesday “confirmed” six people have died.",
         [("killed", 6, "Excise Minister Sunil Kumar")]),
        # "reviewed the figures to 127" revises them (Nigerian and Indian English).
        ("On Wednesday, the state government reviewed the death toll to 127.",
         [("killed", 127, "the state government")]),
    ],
)  # fmt: skip
def test_counts_named_again_passing_on_parentheticals_and_scare_quotes(claims_in, body, expected):
    assert [(c.kind, c.low, c.source) for c in claims_in(body) if not c.part_of] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A short bare sentence that goes on with other kinds of count continues the account.
        ("The storm killed 254 people, the state disaster agency said. More than 820 people have "
         "been injured, and 82 remain missing.",
         [("killed", 254, "the state disaster agency"), ("wounded", 821, "the state disaster agency"),
          ("missing", 82, "the state disaster agency")]),
        # The same kind again is a count of the outlet's own (a later or another figure).
        ("The storm killed 254 people, the agency said. By Friday more than 300 people had died "
         "across the region.",
         [("killed", 254, "the agency"), ("killed", 301, "unattributed")]),
        # A sentence that turns away, or names its own actor, is not the speaker's.
        ("Officials said 28 people died. Meanwhile, 126 people were injured in a separate crash.",
         [("killed", 28, "Officials"), ("wounded", 126, "unattributed")]),
        # A long sentence is the outlet's narrative again.
        ("The storm killed 254 people, the agency said. The storm, which made landfall last "
         "Saturday on the northern coast with winds of 150 km/h, left more than 820 injured.",
         [("killed", 254, "the agency"), ("wounded", 821, "unattributed")]),
    ],
)  # fmt: skip
def test_a_short_follow_up_with_other_counts_goes_on_with_the_speaker(claims_in, body, expected):
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # After ", says" a bare lower-case phrase of a source noun speaks.
        ("Search continues for over 20 girls missing from the camp, says media reports.",
         [("missing", 21, "media reports")]),
        ("At least 12 people drowned in the flash flood, said local residents.",
         [("killed", 12, "local residents")]),
        # "shared on Facebook that": a post's words are its poster's.
        ("The hospital previously shared on Facebook that 13 children were transported there "
         "for treatment.", [("wounded", 13, "The hospital")]),
        # A witness's own count, the dead they saw, four words on.
        ("Vale said: “I saw more than 20 people dead, especially children.”",
         [("killed", 21, "Vale")]),
    ],
)  # fmt: skip
def test_bare_source_phrases_after_says_posts_and_what_a_witness_saw(claims_in, body, expected):
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == expected


def test_a_paragraph_that_opens_on_the_next_count_goes_on_with_the_report(claims_in) -> None:
    body = (
        "The toll now stands at 1,234, agency spokesman Sutopo Vale said at a press conference.\n\n"
        "The number of injured has meanwhile risen to 799, while 99 people are still missing."
    )
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == [
        ("killed", 1234, "agency spokesman Sutopo Vale"),
        ("wounded", 799, "agency spokesman Sutopo Vale"),
        ("missing", 99, "agency spokesman Sutopo Vale"),
    ]
    # Any other paragraph is the outlet's again.
    other = body.replace("The number of injured has meanwhile risen to", "Hospitals treated")
    assert [c.source for c in claims_in(other)][1:] == ["unattributed", "unattributed"]


def test_he_after_a_person_named_with_an_office_of_a_body_is_that_person(claims_in) -> None:
    body = (
        "A staff member of the local council, who requested anonymity, described the scene.\n\n"
        "“This was a plan to wipe out a community,” he said, adding that over 100 corpses had "
        "been recovered."
    )
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == [
        ("killed", 101, "A staff member of the local council")
    ]


def test_a_phrase_set_off_between_a_quotation_and_its_closing_cue(claims_in) -> None:
    body = "“We counted 40 bodies. More are missing,” on Sunday evening, the mayor said."
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == [("killed", 40, "the mayor")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A speaker named at the end of the paragraph's next count speaks the bare one before.
        ("The toll in the valley alone has reached 37. Hundreds of others are feared injured, "
         "said district officer Lena Paik.",
         [("killed", "district officer Lena Paik"), ("wounded", "district officer Lena Paik")]),
        # Not "according to", which scopes its own clause; not a count of the same kind; not
        # across a paragraph.
        ("The toll is above 450. The number of missing could go higher than 600, according to "
         "the deputy minister, Ivo Marr.",
         [("killed", "unattributed"), ("missing", "the deputy minister")]),
        ("The toll has reached 37. Later 40 had died, said district officer Lena Paik.",
         [("killed", "unattributed"), ("killed", "district officer Lena Paik")]),
        ("The toll has reached 37.\n\nHundreds of others are feared injured, said district "
         "officer Lena Paik.",
         [("killed", "unattributed"), ("wounded", "district officer Lena Paik")]),
    ],
)  # fmt: skip
def test_a_trailing_speaker_of_the_next_count_speaks_the_bare_count_before(
    claims_in, body, expected
):
    assert [(c.kind, c.source) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A time before the subject is no part of the source.
        ("Last night the ambulance service confirmed that there had been seven fatalities.",
         [("killed", 7, "the ambulance service")]),
        # "confirmed" after a figure is an adjective, and the clause before it no source.
        ("The death toll now stands at 247 confirmed fatalities.",
         [("killed", 247, "unattributed")]),
        # A place before a colon at the body's start is a dateline; elsewhere a line's source.
        ("Sao Paulo: On Friday, a plane crash resulted in the deaths of all 62 people aboard.",
         [("killed", 62, "unattributed")]),
        ("A bus crashed on Friday.\n\nPolice: 12 people were killed.",
         [("killed", 12, "Police")]),
        # Whoever breaks a count down in a trailing cue gave the count ("X added").
        ("As of 10 am, 16 dead are known. Nine of the dead were on board, Lena Paik added.",
         [("killed", 16, "Lena Paik"), ("killed", 9, "Lena Paik")]),
    ],
)  # fmt: skip
def test_times_adjectives_datelines_and_a_trailing_speaker_of_a_breakdown(
    claims_in, body, expected
):
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == expected


def test_a_source_that_provides_updates_opens_the_figures_that_follow(claims_in) -> None:
    body = (
        "Medical officials have provided updates on the victims. At the state hospital, four "
        "children are receiving treatment, while five deaths have been confirmed."
    )
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == [
        ("wounded", 4, "Medical officials"),
        ("killed", 5, "Medical officials"),
    ]
    # "provided" with no figure noun after it is no cue ("provided shelter").
    other = body.replace("provided updates on", "provided shelter to")
    assert {c.source for c in claims_in(other)} == {"unattributed"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A cue inside what another says: the first speaker speaks.
        ("The health ministry says initial reports indicate that 30 people have been killed.",
         [("killed", 30, "The health ministry")]),
        # A relay keeps its speaker too ("citing" is the source's own source).
        ("The toll rose to 40, Reuters reported, citing a government official.",
         [("killed", 40, "Reuters")]),
        # A long title before a name is cut at a capital, not inside a clause.
        ("The spokesperson for the National Agency for Disaster Management (NADM) Sutopo Purwo Vale "
         "said that another 1,467 people were admitted to hospitals.",
         [("wounded", 1467, "National Agency for Disaster Management Sutopo Purwo Vale")]),
    ],
)  # fmt: skip
def test_nested_cues_relays_and_long_titles(claims_in, body, expected) -> None:
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "The fire and deaths were confirmed by X" points back at the count before.
        ("At least 16 people have died in a fire at the mine. The fire and deaths were "
         "confirmed by the local division of the company.",
         [("killed", 16, "the local division of the company")]),
        # A relative clause set off in an apposition, before "had said", is passed over.
        ("Earlier, Yorgi Arce, mayor of the Angostura municipality, which includes La Paragua, "
         "had said that 25 people died.",
         [("killed", 25, "Yorgi Arce, mayor of the Angostura municipality")]),
        # A longer follow-up whose first clause holds its count goes on with the speaker...
        ("The minister said 40 miners were confirmed dead. Eleven were injured and "
         "hospitalized, while 58 others managed to get out of the mine on their own.",
         [("killed", 40, "The minister"), ("wounded", 11, "The minister")]),
        # ... not one that opens on a clause of its own time.
        ("The minister said 40 miners were confirmed dead. As the fire spread through the "
         "shafts on Sunday, 11 miners were injured by falling rock.",
         [("killed", 40, "The minister"), ("wounded", 11, "unattributed")]),
    ],
)  # fmt: skip
def test_passive_back_references_relative_asides_and_follow_ups(claims_in, body, expected):
    assert [(c.kind, c.low, c.source) for c in claims_in(body)] == expected


def test_a_trailing_speaker_does_not_reach_a_headline_or_a_sentence_with_its_own_speaker(
    claims_in,
) -> None:
    from reconcile.ingest.text import read_text_article

    # A headline line, a standfirst line, a byline: the page layout without front matter.
    article = read_text_article(
        "No fewer than 16 killed in clashes near Velm\n"
        "134 people were wounded in the clashes, the health department said.\n"
        "By Ana Vale\n\nRescue work went on through the night.\n",
        path="a.txt",
    )
    headline = [c for c in extract_claims(article) if c.zone == "headline"]
    assert headline and headline[0].source == "unattributed"
    body = (
        "At least 31 people were killed, state television said. No fewer than 32 missiles hit "
        "the town, the Defence Ministry said."
    )
    assert [(c.kind, c.source) for c in claims_in(body)] == [
        ("killed", "state television"),
        ("strikes", "the Defence Ministry"),
    ]


def test_a_pronoun_after_single_closing_quotes_is_the_speaker_named_before(claims_in) -> None:
    # British quotation marks: "‘We have about 176 dead,’ he said" is the governor's, as with
    # double quotes.
    body = (
        "South Kestrel Governor Theo Olin visited the town on Saturday.\n"
        "‘We have about 176 people dead,’ he said while visiting the area. ‘We also have about "
        "100 people missing,’ he added."
    )
    claims = claims_in(body)
    assert [(c.kind, c.source) for c in claims] == [
        ("killed", "South Kestrel Governor Theo Olin"),
        ("missing", "South Kestrel Governor Theo Olin"),
    ]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # A modal between the speaker and the verb is no part of the speaker...
        ("Police Chief Dara Olin said he can only confirm two deaths.", "Police Chief Dara Olin"),
        # ...and a negated verb attributes nothing.
        ("Olin did not disclose many details about the four deaths.", "unattributed"),
        # A date, a participle's clause and a place between two others speak for no one.
        ("The body of the fireman found Friday, Dec. 3, raised the number of dead to 42.",
         "unattributed"),
        ("Governor Dara Olin confirmed that 59 people were killed in Vale, a border community "
         "between Kessa and Ostrel states.", "Governor Dara Olin"),
    ],
)  # fmt: skip
def test_modals_negations_dates_and_places_are_no_speakers(claims_in, body, source) -> None:
    assert {c.source for c in claims_in(body)} == {source}


def test_a_figures_own_agent_governs_only_that_figure(claims_in) -> None:
    # "an official count of 41 provided by Ostrel" is Ostrel's 41; the 60 is the diplomats'.
    body = (
        "At least 60 Velmorans also died, diplomats said, down from an official count of 41 "
        "provided Tuesday by Ostrel."
    )
    (sixty,) = [c for c in claims_in(body) if c.low == 60]
    assert sixty.source == "diplomats"


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("The death toll rose to 39 on Friday. Kamal Olin, deputy director of the fire "
         "service, confirmed the matter.", "Kamal Olin, deputy director of the fire service"),
        ("The toll climbed on Wednesday to 65 people. The Civil Protection authority announced "
         "the rising number of victims, up from 42 on Tuesday.", "The Civil Protection authority"),
    ],
)  # fmt: skip
def test_a_speaker_who_confirmed_the_matter_gave_the_figure_before(claims_in, body, source) -> None:
    first = claims_in(body)[0]
    assert first.source == source


def test_a_quotation_closed_after_a_comma_ends_where_its_speaker_is_named(claims_in) -> None:
    # The quotation opened a sentence before; its closing mark follows the comma.
    body = (
        '"One more person died in the intensive care unit this morning. A total of 46 people '
        'have died so far," Olin said on Friday.'
    )
    assert [(c.low, c.source) for c in claims_in(body)] == [(46, "Olin")]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # "ever recorded" measures a superlative: the storm reported nothing.
        ("Hurricane Kessa, one of the most powerful storms ever recorded in the Atlantic, has "
         "left at least 19 people dead in Velmora.", "unattributed"),
        # Surveys are no one's until an "according to" says whose they are.
        ("Initial surveys had confirmed six deaths in Dorvana, according to Health Minister "
         "Aran Holt.", "Health Minister Aran Holt"),
        # A phrase that opens on a figure names no speaker (a subheading run into the text).
        ("The 10,000 estimate In Dorvana, administrator Pel Tamo stands by his statement that "
         "as many as 10,000 people may have died.", "unattributed"),
    ],
)  # fmt: skip
def test_superlatives_surveys_and_figures_are_no_speakers(claims_in, body, source) -> None:
    assert {c.source for c in claims_in(body)} == {source}


@pytest.mark.parametrize(
    "body",
    [
        "Authorities in Kessa district, located in West Velmora, said 252 people had died.",
        "Authorities in Kessa district, the most affected by the quake, said 252 people had died.",
        "Shortly before, authorities in Kessa district, located in West Velmora and the most "
        "affected by the quake, had indicated in a graphic that 252 people had died.",
        "Authorities in Kessa district, reporting from Dorvana, a port city in the north, said "
        "252 people had died.",
    ],
)
def test_an_aside_about_where_a_speaker_is_is_no_part_of_it(claims_in, body) -> None:
    assert {c.source.lower() for c in claims_in(body)} == {"authorities in kessa district"}


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # After an apposition's comma, "reported a ... toll of 38" is the speaker's verb and its
        # object, not an inverted cue whose speaker is the toll.
        ("Pel Tamo, head of the local rights group, reported a provisional death toll of 38.",
         "Pel Tamo, head of the local rights group"),
        ("The command's spokesperson, SP Aran Holt, confirmed the arrest of the suspects and the "
         "death of 35 minors in a statement.", "SP Aran Holt"),
    ],
)  # fmt: skip
def test_a_figure_after_the_verb_is_its_object_not_its_speaker(claims_in, body, source) -> None:
    assert {c.source for c in claims_in(body)} == {source}


def test_a_relative_clause_between_a_speaker_and_its_verb_is_an_aside(claims_in) -> None:
    body = (
        "Dara Olin, the lawmaker representing Kessa Constituency, who visited the scene shortly "
        "after the attack, had put the casualty figures at 70 people killed."
    )
    assert {c.source for c in claims_in(body)} == {
        "Dara Olin, the lawmaker representing Kessa Constituency"
    }


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # An apposition set off by dashes or brackets, or an age after the name, is read as the
        # commas it stands for.
        ("Dara Olin – the head of the regional council – said 12 people had died.",
         "Dara Olin, the head of the regional council"),
        ("Dara Olin — the region's governor — said 12 people had died.",
         "Dara Olin, the region's governor"),
        ("Dara Olin (the region's spokesman) said 12 people had died.",
         "Dara Olin, the region's spokesman"),
        ("Dara Olin, 45, a resident of Velmora, said 12 people had died.",
         "Dara Olin, a resident of Velmora"),
    ],
)  # fmt: skip
def test_dashes_brackets_and_an_age_around_an_apposition(claims_in, body, source) -> None:
    assert {c.source for c in claims_in(body)} == {source}
