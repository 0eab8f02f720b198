"""One split of an article serves the extractor (by layout section) and the framing (whole)."""

from __future__ import annotations

from reconcile.extract.claims import extract_claims
from reconcile.extract.sentences import sentences_within, split_sentences
from reconcile.ingest.text import read_text_article

PAGE = (
    "Floods kill 12 in Dorvana. Dozens missing\n"
    "Photo: Rescuers at the river (AP Photo/J. Doe)\n"
    "By Ana Ruiz\n"
    "\n"
    "At least 12 people died in Dorvana, officials said. Dr. Lena Paik said 40 were hurt.\n"
    "Related: Storm hits the coast\n"
    "The U.S. embassy said 3 of its staff were missing.\n"
)


def _spans(sentences):
    return [(s.start, s.end, s.text) for s in sentences]


def test_each_layout_section_reads_the_sentences_it_would_split_alone() -> None:
    article = read_text_article(PAGE)
    whole = split_sentences(article.text)
    assert len(article.sections) >= 4  # headline, caption, byline, body runs, a link line
    for section in article.sections:
        within = sentences_within(whole, article.text, section.start, section.end)
        assert within is not None
        assert _spans(within) == _spans(split_sentences(article.text, section.start, section.end))


def test_a_stretch_that_does_not_begin_at_a_line_break_is_split_on_its_own() -> None:
    text = "Officials said 12 died. Medics said 40 were hurt.\n"
    middle = text.index("Medics") - 3  # inside the line, before the second sentence
    assert sentences_within(split_sentences(text), text, middle, len(text)) is None


def test_claims_are_the_same_with_the_whole_split_given() -> None:
    article = read_text_article(PAGE)
    given = extract_claims(article, sentences=split_sentences(article.text))
    assert [c.to_row() for c in given] == [c.to_row() for c in extract_claims(article)]
    assert [c.figure for c in given] == [12, 24, 12, 40, 3]  # "dozens" reads 24


def test_a_hard_wrapped_line_does_not_end_its_sentence() -> None:
    from reconcile.extract.sentences import split_sentences

    text = "The President said six people had died and 214\npeople had been injured.\nNext line."
    assert [s.text for s in split_sentences(text)] == [
        "The President said six people had died and 214\npeople had been injured.",
        "Next line.",
    ]


def test_a_wrapped_sentence_keeps_both_figures_and_the_speaker(claims_in) -> None:
    claims = claims_in(
        "The President announced that six people had died and 214\npeople were hurt."
    )
    assert [(c.kind, c.low, c.source) for c in claims] == [
        ("killed", 6, "The President"),
        ("wounded", 214, "The President"),
    ]
