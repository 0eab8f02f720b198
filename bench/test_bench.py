"""Tests for the benchmark tools: corpus generation, gold coding, and the measuring harness.

Run with `pytest bench`. Nothing here depends on timing: figures are checked for shape and
consistency, never for speed.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402
import run  # noqa: E402

from reconcile.ingest import read_articles  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    make_corpus.generate(60, out, seed=3)
    return out


def _gold(folder: Path) -> list[dict[str, str]]:
    with open(folder / "gold.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_generates_n_articles_and_gold_in_eval_format(corpus: Path) -> None:
    files = sorted((corpus / "articles").glob("*.txt"))
    assert len(files) == 60
    rows = _gold(corpus)
    assert rows and list(rows[0]) == list(make_corpus.GOLD_HEADER)
    for row in rows:
        assert (corpus / row["article_file"]).is_file()


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    make_corpus.generate(25, tmp_path / "a", seed=11)
    make_corpus.generate(25, tmp_path / "b", seed=11)
    make_corpus.generate(25, tmp_path / "c", seed=12)
    a = (tmp_path / "a" / "gold.csv").read_bytes()
    assert a == (tmp_path / "b" / "gold.csv").read_bytes()
    assert a != (tmp_path / "c" / "gold.csv").read_bytes()
    for path in (tmp_path / "a" / "articles").glob("*.txt"):
        assert path.read_bytes() == (tmp_path / "b" / "articles" / path.name).read_bytes()


def test_every_snippet_is_a_unique_substring_of_its_article(corpus: Path) -> None:
    texts = {}
    for row in _gold(corpus):
        path = row["article_file"]
        if path not in texts:
            texts[path] = read_articles(corpus / path)[0].text
        assert texts[path].count(row["sentence"]) == 1, row


def test_values_follow_the_coding_conventions(corpus: Path) -> None:
    for row in _gold(corpus):
        q, low, high = row["qualifier"], row["value_low"], row["value_high"]
        if q == "exact":
            assert low == high and low != ""
        elif q in ("at_least", "more_than", "about", "nearly", "vague"):
            assert low != "" and high == ""
        elif q == "at_most":
            assert low == "" and high != ""
        elif q == "range":
            assert int(low) < int(high)
        else:
            pytest.fail(f"unknown qualifier {q}")


@pytest.mark.parametrize(
    ("qual", "value", "high", "coded"),
    [
        ("exact", 12, None, ("12", "12")),
        ("at_least", 12, None, ("12", "")),
        ("more_than", 20, None, ("21", "")),
        ("at_most", 15, None, ("", "15")),
        ("about", 30, None, ("30", "")),
        ("range", 20, 25, ("20", "25")),
    ],
)
def test_figure_coding(qual: str, value: int, high: int | None, coded: tuple) -> None:
    assert make_corpus.Figure("k", qual, value, high).coded() == coded


def test_vague_figures_code_their_floor() -> None:
    dozens = next(v for v in make_corpus.VAGUE if v[0] == "dozens of")
    assert make_corpus.Figure("w", "vague", 40, vague=dozens).coded() == ("24", "")


def test_corpus_has_wire_copies_several_events_and_non_claim_numbers(tmp_path: Path) -> None:
    meta = make_corpus.generate(200, tmp_path, seed=5)
    assert meta["events"] >= 3 and meta["wire_copies"] > 0
    text = "\n".join(p.read_text("utf-8") for p in (tmp_path / "articles").glob("*.txt"))
    for pattern in ("-year-old", " km (", " a.m.", "since 20", "Photo:", "according to"):
        assert pattern in text


def test_measure_reports_every_stage_and_quality(corpus: Path) -> None:
    result = run.measure(corpus, jobs=1, budget=0)
    assert [s for s in run.STAGES if result["stages"][s]["status"] == "ok"] == list(run.STAGES)
    assert result["articles"] == 60 and result["claims"] > 0
    assert result["relations"] is not None and result["report_mb"] > 0
    q = result["quality"]
    assert q["gold"] == len(_gold(corpus))
    assert 0 < q["precision"] <= 1 and 0 < q["recall"] <= 1
    text = run.tables([result, result])
    assert "Throughput" in text and "Scaling exponent" in text


def test_an_ingest_reports_its_steps_and_cpu_seconds(corpus: Path, tmp_path: Path) -> None:
    # `reconcile ingest` run through the CLI, as measure_store runs it, says how long each of
    # Store.ingest's steps took and what CPU all its processes used.
    steps: dict = {}
    db = tmp_path / "steps.db"
    seconds, peak, said = run._run_cli(
        ["ingest", str(corpus / "articles"), "--db", str(db), "--jobs", "2"], steps
    )
    assert "new article(s)" in said and "bench-steps" not in said
    assert {"extracting", "grouping", "relating", "writing"} <= set(steps["steps"])
    assert set(steps["steps"]) <= set(run.INGEST_STEPS) | {"done"}
    assert 0 < sum(steps["steps"].values()) < seconds and steps["cpu_s"] > 0 and peak > 0


def test_a_stage_over_budget_is_reported_and_later_stages_skipped() -> None:
    stages = run.Stages(budget=0.05)

    def forever() -> None:
        while True:
            pass

    assert stages.run("relations", forever) is None
    assert stages.results["relations"]["status"] == "timeout"
    assert stages.run("reconcile", lambda: 1) is None
    assert stages.results["reconcile"]["status"] == "skipped"
    assert stages.run("score", lambda: 2, needs_ok=False) == 2


def test_gold_over_the_size_cap_is_read_in_parts(corpus: Path) -> None:
    from reconcile.errors import InputError
    from reconcile.evaluate import read_gold

    whole = corpus / "gold.csv"

    def capped(path: Path) -> list:
        if Path(path) == whole:
            raise InputError(str(path), "file is too large (24.3 MB; limit 21 MB)")
        return read_gold(path)

    rows, how = run.load_gold(whole, capped, rows_per_part=50)
    assert "parts" in how
    assert [r.sentence for r in rows] == [r.sentence for r in read_gold(whole)]


def test_place_names_do_not_run_out_for_a_corpus_of_100000() -> None:
    """A 100,000-article corpus needs 4,000 places; one style's plain names end near 800."""
    import random

    names = make_corpus.Names(random.Random(1))
    drawn = [names.place("lev") for _ in range(1000)]
    assert len({make_corpus._key(n) for n in drawn}) == 1000
    assert any(len(n.split()) >= 3 for n in drawn[900:])  # the compound names past the plain ones
