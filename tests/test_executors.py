"""Extraction on a Dask cluster gives the claims one process gives, byte for byte; a corpus is
read chunk by chunk as workers take it; a missing Dask is one error line."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ARTICLES, FIXTURES
from distributed import LocalCluster
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.executors import IN_FLIGHT_PER_WORKER, Dask, Serial
from reconcile.extract.vocab import KindWords
from reconcile.ingest.text import read_text_article
from reconcile.model import Article
from reconcile.pipeline import extract_all, extract_chunks
from reconcile.settings import Settings

CORPUS = FIXTURES / "corpus"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a real two-worker LocalCluster (one process and one thread each)."""
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


def run(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_check_on_dask_prints_the_same_json_as_one_process(scheduler: str, monkeypatch) -> None:
    import reconcile.pipeline as pipeline

    monkeypatch.setattr(pipeline, "CHUNK_ARTICLES", 2)  # several chunks, on both workers
    one = run("check", "--jobs", "1", "-f", "json", ARTICLES, CORPUS)
    dask = run("check", "--executor", "dask", "--scheduler", scheduler, "-f", "json",
               ARTICLES, CORPUS)  # fmt: skip
    assert one.exit_code == dask.exit_code == 0, dask.stderr
    assert dask.stdout == one.stdout
    assert '"claims"' in one.stdout and one.stdout.count('"sentence"') > 50


def test_ingest_on_dask_stores_the_same_claims(scheduler: str, tmp_path: Path) -> None:
    one, dask = tmp_path / "one.db", tmp_path / "dask.db"
    assert run("ingest", ARTICLES, CORPUS, "--db", one, "--jobs", "1").exit_code == 0
    result = run("ingest", ARTICLES, CORPUS, "--db", dask, "--scheduler", scheduler)
    assert result.exit_code == 0, result.stderr

    def rows(path: Path) -> list[tuple]:
        with sqlite3.connect(path) as db:
            return db.execute("SELECT * FROM claims ORDER BY id").fetchall()

    assert rows(dask) == rows(one)
    assert len(rows(one)) > 50


def _stored(path: Path) -> dict[str, list[tuple]]:
    """Return what a report reads of a store: events, claims and figures, in stored order."""
    with sqlite3.connect(path) as db:
        return {
            table: db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            for table in ("events", "claims", "reconciled")
        }


def test_events_related_on_workers_give_the_figures_of_one_process(
    scheduler: str, tmp_path: Path, monkeypatch
) -> None:
    import reconcile.store as store

    # Every ingest relates on its workers, a few events per chunk, however small the corpus.
    monkeypatch.setattr(store, "PARALLEL_MIN_RELATED", 0)
    monkeypatch.setattr(store, "RELATE_CHUNK_CLAIMS", 20)
    one, pool, dask = tmp_path / "one.db", tmp_path / "pool.db", tmp_path / "dask.db"
    assert run("ingest", ARTICLES, CORPUS, "--db", one, "--jobs", "1").exit_code == 0
    result = run("ingest", ARTICLES, CORPUS, "--db", pool, "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    result = run("ingest", ARTICLES, CORPUS, "--db", dask, "--scheduler", scheduler)
    assert result.exit_code == 0, result.stderr
    assert _stored(pool) == _stored(one)
    assert _stored(dask) == _stored(one)
    assert len(_stored(one)["reconciled"]) > 10


def test_a_kind_registered_in_the_settings_reaches_dask_workers(scheduler: str) -> None:
    quarantined = KindWords(nouns=["quarantined"], predicates=["quarantined"], verbs=[])
    settings = Settings().with_kind("quarantined", quarantined)
    text = (
        "---\ntitle: Flood\noutlet: The Test Courier\npublished: 2025-04-07\n---\n"
        "Officials said 40 residents were quarantined in Lower Testville. {i}\n"
    )
    articles = [read_text_article(text.format(i=i), path=f"a{i}.txt") for i in range(3)]
    executor = Dask(scheduler)
    try:
        on_dask = extract_all(articles, settings=settings, executor=executor)
    finally:
        executor.close()
    here = extract_all(articles, settings=settings, executor=Serial())
    assert [c.kind for c in on_dask] == ["quarantined"] * 3
    assert on_dask == here


def test_a_stream_of_articles_is_read_only_as_workers_take_it(scheduler: str) -> None:
    """Extraction starts before the stream is read to its end: a corpus larger than memory
    passes through in chunks."""
    import reconcile.pipeline as pipeline

    pulled = 0
    text = "---\ntitle: Blast\npublished: 2025-04-07\n---\nTwelve people were killed. {i}\n"

    def stream() -> Iterator[Article]:
        nonlocal pulled
        for i in range(2000):
            pulled += 1
            yield read_text_article(text.format(i=i), path=f"a{i}.txt")

    executor = Dask(scheduler)
    try:
        chunks = extract_chunks(stream(), executor, Settings())
        first_chunk, first_claims = next(chunks)
        window = executor.workers * IN_FLIGHT_PER_WORKER * pipeline.CHUNK_ARTICLES
        assert pulled <= window < 2000
        assert [c.article for c in first_claims] == [a.id for a in first_chunk]
        rest = sum(len(claims) for _, claims in chunks)
    finally:
        executor.close()
    assert len(first_claims) + rest == 2000 and pulled == 2000


def test_dask_missing_is_one_error_line(tmp_path: Path) -> None:
    # A fresh interpreter in which `distributed` cannot be imported, as where it is not installed.
    code = (
        "import sys; sys.modules['distributed'] = None; "
        "from reconcile.cli import app; app(prog_name='reconcile')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "check", str(ARTICLES), "--executor", "dask"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "reconcile: error: --executor dask needs Dask: pip install 'reconcile[dask]' "
        "(or: pip install 'dask[distributed]')"
    ]
    assert result.stdout == ""


def test_extraction_on_dask_drives_a_bar_with_counts_and_rate(
    scheduler: str, monkeypatch, capsys
) -> None:
    """In a terminal, the bar on stderr counts the articles the cluster has extracted and
    shows how many it extracts a second."""
    from reconcile.progress import progress_bar

    monkeypatch.setenv("FORCE_COLOR", "1")  # rich treats stderr as a terminal
    text = "---\ntitle: Blast\npublished: 2025-04-07\n---\nTwelve people were killed. {i}\n"
    articles = [read_text_article(text.format(i=i), path=f"a{i}.txt") for i in range(300)]
    executor = Dask(scheduler)
    try:
        with progress_bar(1, force=True) as report:
            extract_all(
                articles, executor=executor, settings=Settings(),
                progress=lambda done, total: (report("extracting", done, total),
                                              time.sleep(0.3)),
            )  # fmt: skip
    finally:
        executor.close()
    shown = capsys.readouterr().err
    assert "300/300" in shown
    assert re.search(r"\d+ articles/s", shown)


def _shards(folder: Path, count: int) -> list[Path]:
    """Write the fixture articles' bodies as `count` JSON Lines shards (a feed split in parts)."""
    import json

    records = [
        {"title": f"Report {i}", "outlet": "The Test Courier", "published": "2025-03-10",
         "text": path.read_text(encoding="utf-8").split("---\n")[-1]}
        for i, path in enumerate(sorted(ARTICLES.glob("*.txt")))
    ]  # fmt: skip
    shards = []
    for n in range(count):
        shard = folder / f"part-{n:02d}.jsonl"
        shard.write_text("".join(json.dumps(r) + "\n" for r in records[n::count]), "utf-8")
        shards.append(shard)
    return shards


def test_json_lines_shards_ingest_on_dask_as_in_one_process(scheduler: str, tmp_path) -> None:
    feed = tmp_path / "feed"
    feed.mkdir()
    _shards(feed, 3)
    one, dask = tmp_path / "one.db", tmp_path / "dask.db"
    assert run("ingest", feed, "--db", one, "--jobs", "1").exit_code == 0
    result = run("ingest", feed, "--db", dask, "--scheduler", scheduler)
    assert result.exit_code == 0, result.stderr
    assert "8 new article(s)" in result.stderr

    def rows(path: Path) -> list[tuple]:
        with sqlite3.connect(path) as db:
            return db.execute("SELECT * FROM claims ORDER BY id").fetchall()

    assert rows(dask) == rows(one) and len(rows(one)) > 20


def test_a_broken_shard_read_during_extraction_leaves_the_store_as_it_was(
    scheduler: str, tmp_path
) -> None:
    feed = tmp_path / "feed"
    feed.mkdir()
    _shards(feed, 3)
    db = tmp_path / "news.db"
    assert run("ingest", ARTICLES / "two-events.txt", "--db", db).exit_code == 0
    (feed / "part-99.jsonl").write_text('{"title": "Cut off", "text": "Twelve', "utf-8")
    result = run("ingest", feed, "--db", db, "--scheduler", scheduler)
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .startswith(f"reconcile: error: {feed / 'part-99.jsonl'}: line 1")
    )
    with sqlite3.connect(db) as store:
        assert store.execute("SELECT count(*) FROM articles").fetchone() == (1,)


def test_a_scheduler_without_workers_is_one_error_line(monkeypatch) -> None:
    import reconcile.executors as executors

    monkeypatch.setattr(executors, "WAIT_FOR_WORKERS", 1)
    with LocalCluster(n_workers=0, processes=False, dashboard_address=":0") as empty:
        result = run("check", ARTICLES, "--scheduler", empty.scheduler_address)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"reconcile: error: --scheduler {empty.scheduler_address}: no workers joined in 1 s "
        f"(start some with: dask worker {empty.scheduler_address} --nthreads 1)"
    ]
    assert result.stdout == ""


def test_the_cycle_collector_is_paused_for_a_batch_and_restored_after(tmp_path: Path) -> None:
    import gc

    from reconcile.executors import gc_paused
    from reconcile.store import Store

    assert gc.isenabled()
    with pytest.raises(ValueError), gc_paused():
        assert not gc.isenabled()
        raise ValueError("a bad batch")
    assert gc.isenabled()  # restored on the way out of an error too
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()  # a caller that had it off keeps it off
    gc.enable()
    with Store(tmp_path / "s.db") as store:
        store.ingest([p for p in sorted(ARTICLES.iterdir()) if p.suffix == ".txt"], jobs=1)
        assert store.counts()["claims"] > 0
    assert gc.isenabled()  # a library caller gets its collector back after an ingest
