"""Lines inside an article body that are not reporting: links to other stories and picture
captions carry no claims; a link line is another story's headline, its figures that story's; and
every claim still points into the file. Articles are invented."""

from __future__ import annotations

import pytest
from conftest import assert_traceable

from reconcile.extract.claims import extract_claims
from reconcile.ingest.text import read_text_article
from reconcile.pipeline import analyse

HEAD = "Flood toll rises to 40 in Ostrel\nTest Wire\nMarch 3, 2026\n\n"


def _claims(body: str):
    article = read_text_article(HEAD + body, path="invented.txt")
    claims = extract_claims(article)
    assert_traceable(article, claims)
    return [(c.kind, c.low, c.zone) for c in claims]


@pytest.mark.parametrize(
    "line",
    [
        "Photo: Rescuers carry one of the 40 victims. (AP Photo/J. Doe)",
        "Residents wade through water after 40 died in the flood [TESTPRESS]",
    ],
)
def test_a_caption_line_in_the_body_yields_no_claim(line: str) -> None:
    body = f"At least 40 people were killed, officials said.\n\n{line}\n\nThe rain stopped on Friday.\n"
    assert _claims(body) == [
        ("killed", 40, "headline"),
        ("killed", 40, "body"),
    ]


@pytest.mark.parametrize(
    ("line", "low"),
    [
        ("Also Read | Storm kills 12 in Velmora", 12),
        ("RELATED: Landslide leaves 7 dead in Testville", 7),
        ("Related News: Fire kills 3 in Ostrel market", 3),
        ("Read more: Quake kills 9 in 2024", 9),
    ],
)
def test_a_link_line_is_another_storys_headline_in_an_event_of_its_own(line, low) -> None:
    body = f"At least 40 people were killed, officials said.\n\n{line}\n\nThe rain stopped on Friday.\n"
    assert _claims(body) == [
        ("killed", 40, "headline"),
        ("killed", 40, "body"),
        ("killed", low, "link"),
    ]
    analysis = analyse([read_text_article(HEAD + body, path="invented.txt")])
    event = {c.zone: c.event for c in analysis.claims}
    assert event["link"] != event["body"]  # another story, never this article's incident


def test_a_dateline_credit_is_not_a_caption() -> None:
    body = "TESTPORT (AP) -- At least 40 people were killed, officials said Saturday.\n"
    assert ("killed", 40, "body") in _claims(body)


def test_a_bracketed_word_that_is_not_a_credit_leaves_the_line_as_reporting() -> None:
    body = "[Updated] At least 40 people were killed, officials said.\n"
    assert ("killed", 40, "body") in _claims(body)
