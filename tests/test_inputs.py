"""Saved web pages and JSON Lines feeds, read as an analyst saves them (invented fixtures).

`fixtures/pages/harbour-blast.html` is a news page with the usual furniture around the story:
a script and navigation links with figures in them, a photo caption, a related-stories box and a
footer. Only the story's own sentences may yield claims. `wire-feed.jsonl` holds two articles,
one per line, as a feed export gives them.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIXTURES, assert_traceable
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.ingest import read_articles
from reconcile.pipeline import analyse

PAGES = FIXTURES / "pages"
PAGE = PAGES / "harbour-blast.html"
FEED = PAGES / "wire-feed.jsonl"


def check_json(*paths: Path) -> dict:
    result = CliRunner().invoke(app, ["check", "--format", "json", *map(str, paths)])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_a_page_takes_title_outlet_date_and_url_from_its_metadata() -> None:
    (article,) = check_json(PAGE)["articles"]
    assert article["title"] == "Blast at Port Vessel fuel depot kills nine"
    assert article["outlet"] == "The Coastal Ledger"
    assert article["published"] == "2025-08-14"
    assert article["url"] == "https://coastal-ledger.example/2025/08/14/port-vessel-blast"


def test_only_the_story_yields_claims_not_its_furniture() -> None:
    (article,) = read_articles(PAGE)
    for furniture in ("Storm kills 40", "31 missing", "12,000 homeless", "2 tankers",
                      "kills 6", "20 days", "120 Harbour"):  # fmt: skip
        assert furniture not in article.text
    analysis = analyse([article])
    assert_traceable(article, analysis.claims)
    got = {(c.kind, c.low, c.high, c.source_role) for c in analysis.claims if not c.part_of}
    assert got == {
        ("killed", 9, 9, "outlet"),  # the headline
        ("killed", 9, 9, "official"),  # the regional fire service
        ("wounded", 23, None, "medical"),  # according to the hospital
        ("killed", 0, 14, "other"),  # "as many as 14", an anonymous union representative
    }


def test_the_page_headline_drops_the_fire_services_attribution() -> None:
    data = check_json(PAGE)
    claims = {c["id"]: c for c in data["claims"]}
    dropped = [r for r in data["relations"] if r["type"] == "attribution_dropped"]
    assert len(dropped) == 1
    assert claims[dropped[0]["a"]]["zone"] == "headline"
    assert claims[dropped[0]["b"]]["source"] == "the regional fire service"


def test_a_feed_gives_one_article_per_line_with_its_metadata() -> None:
    data = check_json(FEED)
    assert [(a["outlet"], a["published"]) for a in data["articles"]] == [
        ("Lakeside Monitor", "2025-09-02"),
        ("Meridian Press", "2025-09-03"),
    ]
    assert all("#line " in a["path"] for a in data["articles"])


def test_a_part_that_escaped_is_not_counted_as_missing() -> None:
    # "two of them had escaped" leaves the count: it is neither a claim nor a part of one.
    data = check_json(FEED)
    assert not [c for c in data["claims"] if c["low"] == 2]


def test_the_abduction_is_one_event_and_the_later_lower_count_an_update() -> None:
    data = check_json(FEED)
    (event,) = data["events"]
    assert event["trigger"] == "abduction"  # "Gunmen abduct": the incident, not its actors
    claims = {c["id"]: c for c in data["claims"]}
    updates = [r for r in data["relations"] if r["type"] == "updated"]
    assert updates and all(
        (claims[r["a"]]["low"], claims[r["b"]]["low"]) == (17, 12) for r in updates
    )
    assert not [r for r in data["relations"] if r["type"] == "contradicts"]


def test_a_page_with_no_story_text_exits_2_naming_the_file(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>Live</title></head><body><nav>Home</nav></body></html>")
    result = CliRunner().invoke(app, ["check", str(page)])
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"reconcile: error: {page}: HTML page has no article text (no paragraphs found)"
    )


def test_pages_and_feeds_ingest_into_the_store(tmp_path: Path) -> None:
    db = tmp_path / "pages.db"
    result = CliRunner().invoke(app, ["ingest", str(PAGES), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("3 new article(s), 0 unchanged")
