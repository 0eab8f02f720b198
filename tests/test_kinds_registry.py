"""One place to add a kind: every part of the tool that knows kinds reads them from the registry
(data/kinds.json, extended with register_kind or Settings.with_kind), so a kind added there is
found as a noun, a predicate, a toll, a zero count and a breakdown, accepted in claim sheets and
related as the running count it is."""

from __future__ import annotations

import pytest
from conftest import make_article_from

from reconcile.extract import vocab
from reconcile.extract.claims import extract_claims
from reconcile.extract.kinds import reset_grammar
from reconcile.extract.vocab import KindWords
from reconcile.pipeline import analyse

RESCUED = KindWords(
    nouns=["survivors pulled out"],
    predicates=["pulled alive", "rescued alive"],
    toll_words=["survivors", "rescued"],
    zero_words=["survivors"],
    participles=["rescued"],
    breakdown_words=["rescued"],
    running="rises",
)


@pytest.fixture
def rescued(monkeypatch):
    monkeypatch.setitem(vocab.KINDS, "rescued", RESCUED)
    monkeypatch.setitem(vocab.REGISTERED, "rescued", RESCUED)
    reset_grammar()
    yield
    monkeypatch.undo()
    reset_grammar()


def _claims(body: str):
    return [(c.kind, c.low) for c in extract_claims(make_article_from(body)) if c.zone == "body"]


def test_a_registered_kind_is_read_in_every_construction(rescued) -> None:
    assert _claims("Rescuers said 14 people were pulled alive from the rubble.") == [
        ("rescued", 14)
    ]
    assert _claims("The number of survivors rose to 40, the agency said.") == [("rescued", 40)]
    assert _claims("There were no survivors, the agency said.") == [("rescued", 0)]


def test_a_registered_kind_is_accepted_in_claim_sheets(rescued, tmp_path) -> None:
    from typer.testing import CliRunner

    from reconcile.cli import app

    article = tmp_path / "quake.txt"
    article.write_text(
        "---\ntitle: Quake in Testville\npublished: 2025-02-06\n---\n"
        "Rescuers said fourteen people were pulled alive from the rubble.\n",
        encoding="utf-8",
    )
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "article,kind,low,high,source,sentence\n"
        "quake.txt,rescued,14,14,Rescuers,fourteen people were pulled alive\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.db"
    result = CliRunner().invoke(app, ["ingest", str(article), str(sheet), "--db", str(db)])
    assert result.exit_code == 0, result.output
    typo = tmp_path / "typo.csv"
    typo.write_text(sheet.read_text("utf-8").replace("rescued", "rescud"), encoding="utf-8")
    refused = CliRunner().invoke(app, ["ingest", str(typo), "--db", str(db)])
    assert refused.exit_code == 2
    assert "unknown kind 'rescud'" in refused.output and "rescued" in refused.output


def test_a_registered_running_count_is_updated_by_a_later_higher_figure(rescued) -> None:
    first = make_article_from(
        "An earthquake struck Testville on Monday. Rescuers said 14 people were pulled alive "
        "from the rubble.",
        published="2025-02-06",
    )
    later = make_article_from(
        "An earthquake struck Testville on Monday. The agency said 40 people were pulled alive "
        "from the rubble.",
        published="2025-02-07",
    )
    analysis = analyse([first, later])
    by_id = {c.id: c for c in analysis.claims}
    updates = [(by_id[r.a].low, by_id[r.b].low) for r in analysis.relations if r.type == "updated"]
    assert (14, 40) in updates
