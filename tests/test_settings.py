"""Settings travel with the work: a kind or a place alias known in the parent is known in every
worker, however the worker was started."""

from __future__ import annotations

import pytest

from reconcile.extract.vocab import KINDS, REGISTERED, KindWords
from reconcile.ingest.text import read_text_article
from reconcile.pipeline import extract_all
from reconcile.settings import Settings

QUARANTINED = KindWords(nouns=["quarantined"], predicates=["quarantined"], verbs=["quarantine"])


def _articles(n: int) -> list:
    text = (
        "---\ntitle: Flood in Testville\noutlet: The Test Courier\npublished: 2025-04-07\n---\n"
        "Officials said 40 residents were quarantined in Lower Testville on Monday. "
        "Twelve people were killed in the flood in Lower Testville. {i}\n"
    )
    return [read_text_article(text.format(i=i), path=f"a{i}.txt") for i in range(n)]


@pytest.mark.parametrize("start_method", ["spawn", "fork"])
def test_a_kind_given_in_the_settings_is_found_by_workers_started_any_way(
    start_method: str,
) -> None:
    settings = Settings().with_kind("quarantined", QUARANTINED)
    claims = extract_all(_articles(4), jobs=2, settings=settings, start_method=start_method)
    kinds = [c.kind for c in claims]
    assert kinds.count("quarantined") == 4
    assert kinds.count("killed") == 4


def test_a_kind_registered_in_the_parent_reaches_spawned_workers(monkeypatch) -> None:
    from reconcile.extract.vocab import register_kind

    monkeypatch.setitem(KINDS, "quarantined", QUARANTINED)  # undone after the test
    monkeypatch.setitem(REGISTERED, "quarantined", QUARANTINED)
    register_kind("quarantined", QUARANTINED)
    claims = extract_all(_articles(2), jobs=2, start_method="spawn")
    assert [c.kind for c in claims].count("quarantined") == 2


def test_place_aliases_from_a_file_reach_spawned_workers(tmp_path) -> None:
    text = (
        "---\ntitle: Flood\noutlet: The Test Courier\npublished: 2025-04-07\n---\n"
        "Twelve people were killed in the flood in Lower Testville and in Testville-on-Sea.\n"
    )
    articles = [read_text_article(text, path="flood.txt")]
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,canonical\nLower Testville,Testville-on-Sea\n", encoding="utf-8")
    # Fresh workers either way: only the settings can tell them the two names are one place.
    plain = extract_all(articles, jobs=2, settings=Settings(), start_method="spawn")
    aliased = extract_all(
        articles, jobs=2, settings=Settings().with_place_file(aliases), start_method="spawn"
    )
    assert [len(c.place.split("; ")) for c in plain] == [2]
    assert [len(c.place.split("; ")) for c in aliased] == [1]


def test_unknown_readings_are_refused() -> None:
    with pytest.raises(ValueError, match="vague reading"):
        Settings(vague="loose")
    with pytest.raises(ValueError, match="rule"):
        Settings(rule="median")
