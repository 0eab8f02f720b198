"""The store commands: ingest, events (merge, split), claims, conflicts, report."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from postgres_server import dump
from typer.testing import CliRunner

from reconcile.cli import app

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fixtures" / "corpus"
CORPUS_FILES = sorted(str(p) for p in CORPUS.glob("*.txt"))

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):  # noqa: ANN201 - typer's Result
    return runner.invoke(app, [str(a) for a in args], env=env)


def error_line(result) -> str:  # noqa: ANN001
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("reconcile: error: ")
    return lines[0]


def test_ingest_prints_one_summary_line(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    result = run("ingest", *CORPUS_FILES, "--db", path)
    assert result.exit_code == 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("9 new article(s), 0 unchanged")
    again = run("ingest", *CORPUS_FILES, "--db", path)
    assert again.exit_code == 0
    assert "nothing new: 9 article(s) unchanged" in again.stderr


def test_db_from_environment(tmp_path: Path) -> None:
    path = tmp_path / "env.db"
    result = run("ingest", CORPUS_FILES[0], env={"RECONCILE_DB": str(path)})
    assert result.exit_code == 0, result.output
    assert path.exists()
    listed = run("events", "-f", "json", env={"RECONCILE_DB": str(path)})
    assert listed.exit_code == 0 and json.loads(listed.stdout)


def test_bad_json_line_exits_2_and_leaves_the_store(db: Path, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Blast kills 3 in Testville, police said."}\n{not json\n')
    before = dump(db)
    result = run("ingest", CORPUS_FILES[0], feed, "--db", db)
    assert result.exit_code == 2
    line = error_line(result)
    assert "feed.jsonl" in line and "line 2" in line
    assert dump(db) == before


def test_bad_input_into_a_new_store_creates_no_file(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("{broken\n")
    path = tmp_path / "fresh.db"
    result = run("ingest", feed, "--db", path)
    assert result.exit_code == 2 and "line 1" in error_line(result)
    assert not path.exists()


def test_claim_sheet_missing_column_exits_2(db: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "coded.csv"
    sheet.write_text("article,kind,low,high,sentence\nx.txt,killed,3,3,three died\n")
    before = dump(db)
    result = run("ingest", sheet, "--db", db)
    assert result.exit_code == 2
    line = error_line(result)
    assert "coded.csv" in line and "missing required column(s): source" in line
    assert dump(db) == before


def test_claim_sheet_is_ingested(db: Path, tmp_path: Path) -> None:
    name = Path(CORPUS_FILES[0]).name
    sheet = tmp_path / "coded.csv"
    sheet.write_text(
        "article,kind,low,high,source,sentence,coder\n"
        f"{name},killed,4,6,a local doctor,invented sentence,mk\n"
    )
    result = run("ingest", sheet, "--db", db)
    assert result.exit_code == 0, result.output
    assert "1 claim(s) added (1 from claim sheets)" in result.stderr
    claims = json.loads(run("claims", "--db", db, "-f", "json").stdout)
    human = [c for c in claims if c["origin"] == "human"]
    assert len(human) == 1
    assert human[0]["extra"] == {"coder": "mk"} and human[0]["source_role"] == "medical"


def test_not_sqlite_db_exits_2(tmp_path: Path) -> None:
    bogus = tmp_path / "x.db"
    bogus.write_text("hello\n")
    for args in (["ingest", CORPUS_FILES[0]], ["events"], ["claims"], ["report"]):
        result = run(*args, "--db", bogus)
        assert result.exit_code == 2
        assert "x.db" in error_line(result)
    assert bogus.read_text() == "hello\n"


def test_reading_a_missing_store_exits_2(tmp_path: Path) -> None:
    result = run("events", "--db", tmp_path / "none.db")
    assert result.exit_code == 2 and "no such store" in error_line(result)
    assert not (tmp_path / "none.db").exists()


def test_events_listing(db: Path) -> None:
    table = run("events", "--db", db)
    assert table.exit_code == 0
    header = table.stdout.splitlines()[0].split()
    assert header == ["id", "date", "place", "label", "claims", "sources"]
    rows = json.loads(run("events", "--db", db, "--format", "json").stdout)
    assert rows[0]["id"].startswith("E") and sum(r["claims"] for r in rows) > 0


def test_merge_and_split_from_the_command_line(db: Path) -> None:
    events = json.loads(run("events", "--db", db, "-f", "json").stdout)
    biggest = sorted(events, key=lambda r: -r["claims"])
    a, b = biggest[0]["id"], biggest[1]["id"]
    merged = run("events", "merge", a, b, "--db", db)
    assert merged.exit_code == 0, merged.output
    assert f"merged {a}, {b} into" in merged.stderr
    after = json.loads(run("events", "--db", db, "-f", "json").stdout)
    assert len(after) == len(events) - 1
    target = a if a in {e["id"] for e in after} else b
    claims = json.loads(run("claims", "--db", db, "--event", target, "-f", "json").stdout)
    assert len(claims) == biggest[0]["claims"] + biggest[1]["claims"]
    ids = [c["id"] for c in claims[:2]]
    # --db given before the subcommand works as well.
    split = run("events", "--db", db, "split", target, "--claims", ",".join(ids))
    assert split.exit_code == 0, split.output
    new = split.stderr.split(" into ")[-1].strip()
    moved = json.loads(run("claims", "--db", db, "--event", new, "-f", "json").stdout)
    assert sorted(c["id"] for c in moved) == sorted(ids)
    again = run("ingest", *CORPUS_FILES, "--db", db)  # nothing new; corrections still hold
    assert again.exit_code == 0
    moved = json.loads(run("claims", "--db", db, "--event", new, "-f", "json").stdout)
    assert sorted(c["id"] for c in moved) == sorted(ids)


def test_merge_unknown_event_exits_2(db: Path) -> None:
    result = run("events", "merge", "E1", "E999", "--db", db)
    assert result.exit_code == 2 and "E999" in error_line(result)


def test_claims_formats(db: Path) -> None:
    as_csv = run("claims", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    as_json = json.loads(run("claims", "--db", db, "--format", "json").stdout)
    assert len(rows) == len(as_json) > 0
    contract = ["id", "article", "kind", "low", "high", "qualifier", "subject", "source",
                "source_role", "cue", "sentence", "start", "end", "event"]  # fmt: skip
    assert list(rows[0])[: len(contract)] == contract
    assert all(isinstance(c["start"], int) for c in as_json)
    table = run("claims", "--db", db, "--event", "E1")
    assert table.exit_code == 0 and "evidence" in table.stdout.splitlines()[0]
    unknown = run("claims", "--db", db, "--event", "E999")
    assert unknown.exit_code == 2


def test_conflicts_lists_only_conflicts_with_evidence(db: Path) -> None:
    result = run("conflicts", "--db", db, "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows and {r["type"] for r in rows} <= {"contradicts", "attribution_dropped"}
    assert all(":" in r["a_evidence"] and ":" in r["b_evidence"] for r in rows)
    assert run("conflicts", "--db", db).exit_code == 0


@pytest.mark.parametrize("fmt", ["table", "md", "json", "csv"])
def test_report_formats(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    result = run("report", "--db", db, "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    text = out.read_text()
    if fmt == "json":
        data = json.loads(text)
        assert set(data) == {"articles", "claims", "events", "relations", "reconciled"}
        assert len(data["articles"]) == 9
    elif fmt == "md":
        assert text.startswith("# Discrepancy report")
    assert f"wrote {out}" in result.stderr


def test_a_folder_ingests_its_articles_and_not_its_sheets_or_notes(tmp_path: Path) -> None:
    # fixtures/corpus holds gold.csv, findings.csv and a README.md beside its nine articles:
    # a folder contributes its articles only, so the result is the same as naming them.
    by_folder, by_name = tmp_path / "folder.db", tmp_path / "names.db"
    assert run("ingest", CORPUS, "--db", by_folder).exit_code == 0
    assert run("ingest", *CORPUS_FILES, "--db", by_name).exit_code == 0
    query = "SELECT id, kind, low, high, source FROM claims ORDER BY id"
    with sqlite3.connect(by_folder) as a, sqlite3.connect(by_name) as b:
        assert a.execute(query).fetchall() == b.execute(query).fetchall()
        assert a.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 9


def test_a_folder_with_no_articles_exits_2_and_creates_no_store(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("no articles here\n")
    path = tmp_path / "new.db"
    result = run("ingest", empty, "--db", path)
    assert result.exit_code == 2
    assert "folder holds no article files" in error_line(result)
    assert not path.exists()


def test_store_copy_into_a_new_file_keeps_everything(db: str, tmp_path: Path) -> None:
    before = len(json.loads(run("events", "--db", db, "-f", "json").stdout))
    assert run("events", "merge", "E1", "E2", "--db", db).exit_code == 0
    figure = next(
        f"{r['event']}:killed"
        for r in json.loads(run("report", "--db", db, "-f", "json").stdout)["reconciled"]
        if r["kind"] == "killed"
    )
    assert run("review", "decide", figure, "--verdict", "accepted", "--reviewer",
               "A. Analyst", "--db", db).exit_code == 0  # fmt: skip
    copy = tmp_path / "copy.db"
    result = run("store", "copy", db, copy)
    assert result.exit_code == 0, result.output
    import reconcile

    with reconcile.open(db, readonly=True) as source:
        counts = source.counts()
    assert result.stderr.startswith(
        f"copied {counts['articles']} article(s), {counts['claims']} claim(s), "
        f"{counts['events']} event(s), 1 verdict(s)"
    )
    assert (counts["articles"], counts["events"]) == (9, before - 1)
    for command in (["report", "-f", "json"], ["review", "log", "-f", "json"], ["settings"]):
        assert run(*command, "--db", copy).stdout == run(*command, "--db", db).stdout, command
    again = run("store", "copy", db, copy)
    assert again.exit_code == 2 and "already holds a store" in again.stderr
    missing = run("store", "copy", tmp_path / "missing.db", tmp_path / "new.db")
    assert missing.exit_code == 2 and "no such store" in missing.stderr
    assert not (tmp_path / "new.db").exists()  # nothing half-written
