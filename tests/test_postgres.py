"""A desk's shared store on a real PostgreSQL server: several processes at once.

The store tests (test_store*.py, test_review.py, test_lean_store.py) run on both backends; these
are what only a shared server has: writers in separate processes queueing on the store's write
lock, an ingest and reviewers at the same time, and the driver missing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from postgres_server import Server, plain_connection, plain_rows

from reconcile.backends.postgres import WRITE_LOCK

ROOT = Path(__file__).resolve().parents[1]
CORPUS_FILES = sorted(str(p) for p in (ROOT / "fixtures" / "corpus").glob("*.txt"))
RECONCILE = [sys.executable, "-c", "from reconcile.cli import app; app()"]


@pytest.fixture
def url(postgres_server: Server) -> str:
    if postgres_server.why_not:
        pytest.skip(f"PostgreSQL tests skipped: {postgres_server.why_not}")
    return postgres_server.create_database()


def reconcile(*args: str) -> subprocess.Popen:
    return subprocess.Popen([*RECONCILE, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip


def finished(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=300)
    return process.returncode, out, err


def waiting_writers(url: str) -> int:
    """Return how many sessions wait for the store's write lock."""
    key = WRITE_LOCK
    sql = ("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
           f"AND ((classid::bigint << 32) | objid::bigint) = {key}")  # fmt: skip
    return plain_rows(url, sql)[0][0]


class WriteLockHeld:
    """Hold the store's write lock (as a long ingest would) until the block ends, after the
    given number of other writers queue behind it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.connection = plain_connection(url)

    def __enter__(self) -> WriteLockHeld:
        self.connection.execute("BEGIN")
        self.connection.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        return self

    def wait_for(self, writers: int, processes: list[subprocess.Popen]) -> None:
        while waiting_writers(self.url) < writers:
            for process in processes:
                assert process.poll() is None, finished(process)
            subprocess.run(["sleep", "0.05"], check=True)

    def __exit__(self, *exc: object) -> None:
        self.connection.execute("COMMIT")
        self.connection.close()


def pairs(url_or_path: str) -> list[tuple]:
    done = subprocess.run([*RECONCILE, "report", "--db", url_or_path, "--format", "json"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    found = json.loads(done.stdout)
    return sorted((r["a"], r["b"], r["type"]) for r in found["relations"])


def test_two_ingests_at_once_one_waits_and_both_land(url: str, tmp_path: Path) -> None:
    assert subprocess.run([*RECONCILE, "ingest", CORPUS_FILES[0], "--db", url],
                          capture_output=True, check=False).returncode == 0  # fmt: skip
    with WriteLockHeld(url) as lock:
        first = reconcile("ingest", *CORPUS_FILES[1:5], "--db", url)
        second = reconcile("ingest", *CORPUS_FILES[5:], "--db", url)
        lock.wait_for(2, [first, second])  # both read and extracted; both wait to write
    for process in (first, second):
        code, _, err = finished(process)
        assert code == 0, err
    counts = plain_rows(
        url, "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM claims)"
    )
    at_once = tmp_path / "once.db"
    subprocess.run([*RECONCILE, "ingest", *CORPUS_FILES, "--db", str(at_once)], check=True,
                   capture_output=True)  # fmt: skip
    assert counts == plain_rows(at_once, "SELECT (SELECT COUNT(*) FROM articles), "
                                         "(SELECT COUNT(*) FROM claims)")  # fmt: skip
    assert counts[0][0] == 9
    assert pairs(url) == pairs(str(at_once))  # the same store as one ingest of everything


def test_an_ingest_while_two_reviewers_decide_loses_no_verdict(url: str) -> None:
    subprocess.run([*RECONCILE, "ingest", *CORPUS_FILES[:6], "--db", url], check=True,
                   capture_output=True)  # fmt: skip
    status = subprocess.run([*RECONCILE, "review", "status", "--db", url, "--format", "json"],
                            capture_output=True, text=True, check=True)  # fmt: skip
    findings = [i["id"] for i in json.loads(status.stdout)["items"] if i["type"] == "finding"]
    mine, theirs = findings[0:4:2], findings[1:4:2]
    with WriteLockHeld(url) as lock:
        ingest = reconcile("ingest", *CORPUS_FILES[6:], "--db", url)
        lock.wait_for(1, [ingest])  # the ingest is about to write: reviewers decide meanwhile
        reviewers = [
            reconcile("review", "decide", item, "--verdict", "confirmed", "--reviewer", name,
                      "--db", url)
            for name, items in (("A. Analyst", mine), ("B. Editor", theirs)) for item in items
        ]  # fmt: skip
        lock.wait_for(1 + len(reviewers), [ingest, *reviewers])
    for process in [ingest, *reviewers]:
        code, _, err = finished(process)
        assert code == 0, err
    logged = plain_rows(url, "SELECT reviewer, item FROM review_log ORDER BY id")
    assert sorted(logged) == sorted([("A. Analyst", i) for i in mine]
                                    + [("B. Editor", i) for i in theirs])  # fmt: skip
    assert plain_rows(url, "SELECT COUNT(*) FROM articles") == [(9,)]
    status = subprocess.run([*RECONCILE, "review", "status", "--db", url, "--format", "json"],
                            capture_output=True, text=True, check=True)  # fmt: skip
    decided = {i["id"] for i in json.loads(status.stdout)["items"] if i["state"] == "decided"}
    assert decided == set(mine) | set(theirs)  # every verdict still attached after regrouping


def test_without_the_driver_a_url_is_one_error_line() -> None:
    script = ("import sys; sys.modules['psycopg'] = None; sys.argv[0] = 'reconcile'; "
              "from reconcile.cli import app; app()")  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-c", script, "events", "--db", "postgresql://desk@db.example/news"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "reconcile: error: postgresql://desk@db.example/news: a PostgreSQL store needs the "
        "psycopg driver: pip install 'reconcile[postgres]' (psycopg 3)"
    ]


def test_store_copy_moves_a_store_into_the_desks_database_and_back(
    url: str, tmp_path: Path
) -> None:
    analyst = str(tmp_path / "analyst.db")
    run = [*RECONCILE]
    subprocess.run([*run, "ingest", *CORPUS_FILES, "--db", analyst], check=True,
                   capture_output=True)  # fmt: skip
    subprocess.run([*run, "events", "merge", "E1", "E2", "--db", analyst], check=True,
                   capture_output=True)  # fmt: skip
    killed = [
        f"{r['event']}:killed"
        for r in json.loads(
            subprocess.run(
                [*run, "report", "--db", analyst, "--format", "json"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout  # fmt: skip
        )["reconciled"]
        if r["kind"] == "killed"
    ]
    subprocess.run([*run, "review", "decide", killed[0], "--verdict", "accepted",
                    "--reviewer", "A. Analyst", "--db", analyst], check=True,
                   capture_output=True)  # fmt: skip
    into = subprocess.run([*run, "store", "copy", analyst, url], capture_output=True, text=True,
                          check=False)  # fmt: skip
    assert into.returncode == 0, into.stderr
    import reconcile

    with reconcile.open(analyst, readonly=True) as source:
        counts = source.counts()
    copied = f"copied {counts['articles']} article(s), {counts['claims']} claim(s)"
    assert copied in into.stderr and "1 verdict(s)" in into.stderr

    def report(db: str) -> str:
        return subprocess.run([*run, "report", "--db", db, "--format", "json"], check=True,
                              capture_output=True, text=True).stdout  # fmt: skip

    assert report(url) == report(analyst)  # the merge and the verdict came along
    # The desk works on: a second reviewer's verdict and a new session get fresh ids.
    subprocess.run([*run, "review", "decide", killed[1], "--verdict", "accepted",
                    "--reviewer", "B. Editor", "--db", url], check=True,
                   capture_output=True)  # fmt: skip
    again = subprocess.run([*run, "store", "copy", analyst, url], capture_output=True, text=True,
                           check=False)  # fmt: skip
    assert again.returncode == 2 and "already holds a store" in again.stderr
    back = str(tmp_path / "back.db")
    out = subprocess.run([*run, "store", "copy", url, back], capture_output=True, text=True,
                         check=False)  # fmt: skip
    assert out.returncode == 0, out.stderr
    log = "SELECT id, reviewer, item, new FROM review_log ORDER BY id"
    assert plain_rows(back, log) == plain_rows(url, log) == [
        (1, "A. Analyst", killed[0], "accepted"), (2, "B. Editor", killed[1], "accepted"),
    ]  # fmt: skip
    assert report(back) == report(url)
    corrections = "SELECT id, action, payload FROM corrections ORDER BY id"
    assert plain_rows(back, corrections) == plain_rows(analyst, corrections)


def test_a_database_with_other_programs_tables_is_refused(url: str) -> None:
    from postgres_server import plain_execute

    plain_execute(url, "CREATE TABLE invoices (id INTEGER)")
    done = subprocess.run([*RECONCILE, "ingest", CORPUS_FILES[0], "--db", url],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 2
    assert "is a PostgreSQL database, but not a reconcile store" in done.stderr
    assert plain_rows(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'") == [
        ("invoices",)
    ]


def test_messages_never_show_the_password() -> None:
    from reconcile.backends.postgres import shown

    assert shown("postgresql://desk:s3cret@db.example:5432/news") == (
        "postgresql://desk@db.example:5432/news"
    )
    done = subprocess.run(
        [*RECONCILE, "events", "--db", "postgresql://desk:s3cret@127.0.0.1:1/news"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "s3cret" not in done.stderr
    assert done.stderr.startswith("reconcile: error: postgresql://desk@127.0.0.1:1/news: ")
