"""The lean store: relations derived on demand give the answers `check` and the old store gave."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from postgres_server import plain_rows
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.errors import ReconcileError
from reconcile.relations import build_relations, relate
from reconcile.store import MIGRATIONS, Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fixtures" / "corpus"
CORPUS_FILES = sorted(str(p) for p in CORPUS.glob("*.txt"))
V5_STORE = ROOT / "fixtures" / "stores" / "v5-corpus.sql"

runner = CliRunner()


def run(*args: object) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def findings(report: str) -> dict[str, list]:
    """Return the JSON report's relations and reconciled figures, as reports show them (a
    store's rows carry a `review` field, null while nothing is reviewed; `check` has none)."""
    data = json.loads(report)
    for name in ("relations", "reconciled"):
        for row in data[name]:
            assert row.pop("review", None) is None
    return {"relations": data["relations"], "reconciled": data["reconciled"]}


def test_ingest_and_report_give_the_findings_of_check(db: Path) -> None:
    checked = findings(run("check", *CORPUS_FILES, "--format", "json"))
    assert checked["relations"] and any(r["type"] == "contradicts" for r in checked["relations"])
    assert findings(run("report", "--db", db, "--format", "json")) == checked
    rows = ("--format", "csv", "--rows", "findings")
    assert run("report", "--db", db, *rows) == run("check", *CORPUS_FILES, *rows)


def test_the_store_keeps_no_pairs(db: Path) -> None:
    if db.startswith("postgresql://"):
        rows = plain_rows(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    else:
        rows = plain_rows(db, "SELECT name FROM sqlite_master")
    tables = {r[0] for r in rows}
    assert "relations" not in tables and {"claims", "reconciled", "events"} <= tables


def test_two_ingests_in_turn_give_the_findings_of_one(db: Path, tmp_path: Path) -> None:
    # Relations are derived from the claims, so a store built a day at a time reports the
    # same pairs (in the store's order of articles) as one built at once.
    stepwise = tmp_path / "stepwise.db"
    run("ingest", *CORPUS_FILES[:5], "--db", stepwise)
    run("ingest", *CORPUS_FILES[5:], "--db", stepwise)
    once = findings(run("report", "--db", db, "--format", "json"))
    turns = findings(run("report", "--db", stepwise, "--format", "json"))

    def pairs(found: dict[str, list]) -> list[tuple]:
        return sorted((r["a"], r["b"], r["type"], r["note"]) for r in found["relations"])

    assert pairs(turns) == pairs(once)


def test_a_version_5_store_is_brought_forward_and_answers_from_its_claims(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as connection:
        connection.executescript(V5_STORE.read_text(encoding="utf-8"))
        connection.execute("PRAGMA user_version = 5")
        stored = [
            {"a": a, "b": b, "type": t, "note": n}
            for a, b, t, n in connection.execute(
                "SELECT a, b, type, note FROM relations ORDER BY id"
            )
        ]
        figures = connection.execute("SELECT * FROM reconciled ORDER BY rowid").fetchall()
    assert len(stored) > 100
    with Store(path) as store:
        assert store.schema_version == len(MIGRATIONS) == 8
        # The stored relations were made by the code of their day; the migrated store derives
        # them from its claims (in the events they were filed under) with today's code.
        analysis = store.analysis()
        fresh = build_relations(list(analysis.claims), analysis.articles)
        assert [r.to_row() for r in analysis.relations] == [r.to_row() for r in fresh]
        assert {(r["a"], r["b"]) for r in stored} & {(r.a, r.b) for r in analysis.relations}
        kept = store.connection.execute("SELECT * FROM reconciled ORDER BY rowid").fetchall()
        assert [tuple(row) for row in kept] == figures
        tables = {r["name"] for r in store.rows("SELECT name FROM sqlite_master")}
    assert "relations" not in tables
    with sqlite3.connect(path) as connection:  # vacuumed once: no free pages left, new page size
        assert connection.execute("PRAGMA page_size").fetchone()[0] == 16384
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA freelist_count").fetchone()[0] == 0
    reported = findings(run("report", "--db", path, "--format", "json"))["relations"]
    assert reported == [r.to_row() for r in fresh]


def test_how_two_claims_relate_is_answered_from_the_store(db: Path) -> None:
    with Store(db) as store:
        analysis = store.analysis()
        shown = next(r for r in analysis.relations if r.type == "contradicts")
        assert store.relation(shown.a, shown.b) == shown
        assert store.relation(shown.b, shown.a) == shown  # either way round
        by_id = {c.id: c for c in analysis.claims}
        listed = {frozenset((r.a, r.b)) for r in analysis.relations}
        event = by_id[shown.a].event
        group = [c for c in analysis.claims if c.event == event and c.kind == by_id[shown.a].kind]
        unlisted = [
            (x, y) for x in group for y in group
            if x.id < y.id and frozenset((x.id, y.id)) not in listed and not x.part_of
            and not y.part_of
        ]  # fmt: skip
        published = {a.id: a.published for a in analysis.articles}
        for x, y in unlisted[:5]:  # no stored or derived pair: the comparison made directly
            assert store.relation(x.id, y.id) == relate(x, y, published)
        other = next(c for c in analysis.claims if c.event and c.event != event)
        assert store.relation(shown.a, other.id) is None  # different events are never related
        with pytest.raises(ReconcileError, match="no claim nope"):
            store.relation(shown.a, "nope")
