"""Fact-check review sessions: verdicts that persist, resume, survive regrouping and shape reports.

The store is the bundled invented corpus (fixtures/corpus). Sessions are driven the way a script
drives them: one answer per line on standard input (CliRunner input, or a real process's pipe).
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from postgres_server import plain_execute, plain_rows
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.review.session import _low_best_high
from reconcile.review.verdicts import parse_figure
from reconcile.store import MIGRATIONS, Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS_FILES = sorted(str(p) for p in (ROOT / "fixtures" / "corpus").glob("*.txt"))
RECONCILE = [sys.executable, "-c", "from reconcile.cli import app; app()"]

runner = CliRunner()


def run(*args: str, input: str | None = None):  # noqa: ANN201 - typer's Result
    return runner.invoke(app, [str(a) for a in args], input=input)


def status(db: Path, *extra: str) -> dict:
    result = run("review", "status", "--db", db, "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def items(db: Path, **wanted: str) -> list[dict]:
    return [i for i in status(db)["items"] if all(i[k] == v for k, v in wanted.items())]


def log(db: Path) -> list[dict]:
    result = run("review", "log", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def decide(db: Path, item: str, verdict: str, reviewer: str = "A. Analyst", *extra: str):  # noqa: ANN201
    return run("review", "decide", item, "--verdict", verdict, "--reviewer", reviewer,
               "--db", db, *extra)  # fmt: skip


def error_line(result) -> str:  # noqa: ANN001
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def report_json(db: Path, *extra: str) -> dict:
    result = run("report", "--db", db, "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# The bundled corpus's events, named by their place: event ids follow the events' dates.
BLAST, STRIKE = "Dar al-Salam", "Tel al-Hamra"


def event_about(db: Path, place: str) -> str:
    events = json.loads(run("events", "--db", db, "-f", "json").stdout)
    return next(e["id"] for e in events if place in e["label"])


# --- what is reviewed ---------------------------------------------------------------------------


def test_items_come_most_serious_first_with_stable_ids(db: Path) -> None:
    found = status(db)["items"]
    assert found and all(i["state"] == "open" for i in found)
    assert found[0]["finding"] == "contradicts"
    types = [i["type"] for i in found]
    # The reconciled figures come last, after every finding and claim.
    assert types.index("figure") == len(types) - types[::-1].index("claim")
    assert "agrees" not in {i["finding"] for i in found}
    # Every finding's claims are items too.
    claim_items = {i["id"] for i in found if i["type"] == "claim"}
    assert {c for i in found if i["type"] == "finding" for c in i["claims"]} <= claim_items
    assert [i["id"] for i in status(db)["items"]] == [i["id"] for i in found]


# --- the interactive session ------------------------------------------------------------------


def test_session_decide_skip_back_quit_then_resume(db: Path) -> None:
    order = [i["id"] for i in status(db)["items"]]
    # Confirm item 1 (with a note), skip item 2, "not a conflict" on item 3, back, quit.
    result = run("review", "--db", db, "--reviewer", "A. Analyst",
                 input="c\nsame day, both official\ns\nn\n\nb\nq\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    screens = result.stdout.split("=" * 100)
    assert f"Item 1 of {len(order)}" in screens[1] and order[0] in screens[1]
    assert f"recorded: {order[0]} confirmed" in screens[1]
    assert order[1] in screens[2] and order[2] in screens[3]
    # Back shows item 3 again, with the verdict just given.
    assert order[2] in screens[5] and "not-a-conflict by A. Analyst" in screens[5]
    assert "Session 1: 2 decided, 1 skipped" in result.stdout
    decided = {i["id"]: i for i in status(db)["items"] if i["state"] == "decided"}
    assert set(decided) == {order[0], order[2]}
    assert decided[order[0]]["verdict"] == "confirmed"
    assert log(db)[0]["note"] == "same day, both official"
    # A new session starts at the first open item: the skipped one.
    again = run("review", "--db", db, "--reviewer", "A. Analyst", input="q\n")
    assert again.exit_code == 0
    first = again.stdout.split("=" * 100)[1]
    assert order[1] in first and f"2 decided, {len(order) - 2} open" in again.stdout


def test_session_screen_fits_100_columns_and_shows_the_evidence(db: Path) -> None:
    result = run("review", "--db", db, "--reviewer", "A. Analyst", input="q\n")
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 100
    screen = result.stdout
    for label in ("figure", "interval", "source", "role", "outlet", "date", "where", "sentence"):
        assert any(line.startswith(label) for line in lines), label
    assert "machine" in screen and "reason" in screen and "open left" in screen
    assert "[c] confirmed" in screen and "[s] skip" in screen and "[q] quit" in screen
    # The figure is marked inside its sentence.
    first = status(db)["items"][0]
    claims = run("claims", "--db", db, "--format", "json")
    stated = {c["id"]: c["stated"] for c in json.loads(claims.stdout)}
    assert f"[{stated[first['claims'][0]]}]" in screen


def test_a_finding_shows_the_verdicts_on_its_claims(db: Path) -> None:
    finding = items(db, type="finding")[0]
    assert decide(db, finding["claims"][0], "extraction-error", "A. Analyst").exit_code == 0
    result = run("review", "--db", db, "--reviewer", "B. Editor", input="q\n")
    first = result.stdout.split("=" * 100)[1]
    assert finding["id"] in first
    assert f"claim {finding['claims'][0]}: extraction-error by A. Analyst" in first


def test_session_one_event_only_and_unknown_event(db: Path) -> None:
    blast = event_about(db, BLAST)
    result = run("review", "--db", db, "--reviewer", "A. Analyst", "--event", blast, input="q\n")
    assert result.exit_code == 0
    assert f"{len(status(db, '--event', blast)['items'])} item(s) in {blast}" in result.stdout
    bad = run("review", "--db", db, "--reviewer", "A. Analyst", "--event", "E99", input="q\n")
    assert bad.exit_code == 2 and "no event E99" in error_line(bad)
    nobody = run("review", "--db", db, input="q\n")
    assert nobody.exit_code == 2 and "--reviewer" in error_line(nobody)


def test_session_asks_for_the_values_a_verdict_needs(db: Path) -> None:
    blast = event_about(db, BLAST)
    claim = items(db, type="claim", event=blast)[0]["id"]
    figure = f"{blast}:killed"
    # A claim's wrong source, then a figure's low/best/high, each typed at its prompt.
    order = [i["id"] for i in status(db, "--event", blast)["items"]]
    keys = []
    for item in order:
        if item == claim:
            keys += ["w", "the Interior Ministry", "named in the next paragraph"]
        elif item == figure:
            keys += ["v", "9 12 14", ""]
        else:
            keys.append("s")
    done = run("review", "--db", db, "--reviewer", "A. Analyst", "--event", blast,
               input="\n".join(keys) + "\n")  # fmt: skip
    assert done.exit_code == 0, done.output
    decided = {d["item"]: d for d in log(db)}
    assert decided[claim]["value"] == {"source": "the Interior Ministry"}
    assert decided[figure]["value"] == {"low": 9, "best": 12, "high": 14}


def test_session_different_events_splits_and_carries_on(db: Path) -> None:
    first = status(db)["items"][0]
    result = run(
        "review", "--db", db, "--reviewer", "A. Analyst", input="d\n1\nnot the same strike\nq\n"
    )
    assert result.exit_code == 0, result.output
    assert f"recorded: {first['id']} different-events" in result.stdout
    screens = result.stdout.split("=" * 100)
    assert first["id"] not in screens[2]  # the next screen is the next item
    claims = {
        c["id"]: c["event"] for c in json.loads(run("claims", "--db", db, "-f", "json").stdout)
    }
    assert claims[first["claims"][0]] != claims[first["claims"][1]]
    assert claims[first["claims"][1]] == first["event"]  # the other claim stays in its event
    (gone,) = status(db)["detached"]
    assert gone["id"] == first["id"] and gone["reason"].startswith("applied")


def test_a_killed_session_keeps_every_answer_given(db: Path) -> None:
    order = [i["id"] for i in status(db)["items"]]
    session = subprocess.Popen(
        [*RECONCILE, "review", "--db", str(db), "--reviewer", "A. Analyst"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert session.stdin and session.stdout
    session.stdin.write("c\n\nm\nask the ministry\n")
    session.stdin.flush()
    recorded = 0
    for line in session.stdout:
        recorded += "recorded:" in line
        if recorded == 2:
            break
    session.send_signal(signal.SIGKILL)
    session.wait()
    decided = {i["id"]: i["verdict"] for i in status(db)["items"] if i["state"] == "decided"}
    assert decided == {order[0]: "confirmed", order[1]: "needs-sourcing"}
    ((ended, count),) = plain_rows(db, "SELECT ended_at, decided FROM review_sessions")
    assert ended is None and count == 2  # the session record says it never ended
    assert "did not end" in run("review", "status", "--db", db).stdout


# --- decide, the log, several reviewers ---------------------------------------------------------


def test_decide_records_and_a_changed_verdict_keeps_both_in_the_log(db: Path) -> None:
    item = items(db, type="finding")[0]["id"]
    first = decide(db, item, "confirmed", "A. Analyst", "--note", "checked the ministry")
    assert first.exit_code == 0, first.output
    second = decide(db, item, "needs-sourcing", "A. Analyst", "--note", "hospital disagrees")
    assert second.exit_code == 0
    entries = [e for e in log(db) if e["item"] == item]
    assert [(e["old"], e["new"], e["note"]) for e in entries] == [
        (None, "confirmed", "checked the ministry"),
        ("confirmed", "needs-sourcing", "hospital disagrees"),
    ]
    assert all(e["reviewer"] == "A. Analyst" and e["at"] for e in entries)
    table = run("review", "log", "--db", db)
    assert "hospital disagrees" in table.stdout


def test_unknown_item_or_verdict_is_one_line_exit_2(db: Path) -> None:
    item = items(db, type="finding")[0]["id"]
    unknown_item = decide(db, "fdeadbeef00", "confirmed")
    assert unknown_item.exit_code == 2
    assert "no review item 'fdeadbeef00'" in error_line(unknown_item)
    unknown = decide(db, item, "plausible")
    assert unknown.exit_code == 2 and "unknown verdict 'plausible'" in error_line(unknown)
    wrong_type = decide(db, item, "extraction-error")
    assert wrong_type.exit_code == 2 and "verdict on a claim" in error_line(wrong_type)
    claim = items(db, type="claim")[0]["id"]
    missing = decide(db, claim, "wrong-source")
    assert missing.exit_code == 2 and "--source" in error_line(missing)
    assert log(db) == []


def test_another_reviewers_verdict_is_refused_unless_replaced(db: Path) -> None:
    item = items(db, type="finding")[0]["id"]
    assert decide(db, item, "confirmed", "A. Analyst").exit_code == 0
    refused = decide(db, item, "not-a-conflict", "B. Editor")
    assert refused.exit_code == 1
    line = error_line(refused)
    assert "already decided by A. Analyst at 20" in line and "--replace" in line
    replaced = decide(db, item, "not-a-conflict", "B. Editor", "--replace")
    assert replaced.exit_code == 0
    assert [(e["reviewer"], e["old"], e["new"]) for e in log(db)] == [
        ("A. Analyst", None, "confirmed"),
        ("B. Editor", "confirmed", "not-a-conflict"),
    ]


def test_two_processes_on_one_store_nothing_overwritten_silently(db: Path) -> None:
    first = items(db)[0]["id"]
    session = subprocess.Popen(
        [*RECONCILE, "review", "--db", str(db), "--reviewer", "A. Analyst"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert session.stdin and session.stdout
    shown = []
    for line in session.stdout:  # A's screen of the first item is up
        shown.append(line)
        if line.startswith("[s] skip") or "[q] quit" in line:
            break
    assert any(first in line for line in shown)
    # Meanwhile B, in another process, decides the item A is looking at.
    other = subprocess.run(
        [*RECONCILE, "review", "decide", first, "--verdict", "confirmed",
         "--reviewer", "B. Editor", "--db", str(db)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert other.returncode == 0, other.stderr
    out, _ = session.communicate("n\nlooks compatible\nq\n")
    assert session.returncode == 0
    assert f"refused: {first} was decided by B. Editor at 20" in out
    assert "since you loaded it" in out
    assert [(e["reviewer"], e["new"]) for e in log(db)] == [("B. Editor", "confirmed")]
    assert "confirmed by B. Editor" in out  # the screen shown again carries B's verdict


def test_the_log_is_append_only(db: Path) -> None:
    item = items(db, type="finding")[0]["id"]
    assert decide(db, item, "confirmed").exit_code == 0
    for statement in ("UPDATE review_log SET new = 'x'", "DELETE FROM review_log"):
        with pytest.raises(Exception, match="append-only"):  # sqlite3's or psycopg's error
            plain_execute(db, statement)
    assert len(log(db)) == 1


# --- stable keys --------------------------------------------------------------------------------


def test_reingest_and_merge_keep_every_verdict_attached(tmp_path: Path) -> None:
    path = tmp_path / "grow.db"
    assert run("ingest", *CORPUS_FILES[:-1], "--db", path).exit_code == 0
    finding = items(path, type="finding", event="E3")[0]
    claim = items(path, type="claim", event="E3")[0]
    assert decide(path, finding["id"], "confirmed").exit_code == 0
    assert decide(path, claim["id"], "correct").exit_code == 0
    # A new article joins the story: every event is regrouped, the verdicts stay put.
    assert run("ingest", CORPUS_FILES[-1], "--db", path).exit_code == 0
    after = status(path)
    decided = {i["id"]: i for i in after["items"] if i["state"] == "decided"}
    assert set(decided) == {finding["id"], claim["id"]}
    assert decided[finding["id"]]["claims"] == finding["claims"]
    assert after["detached"] == []
    # Merging two events re-relates them: the same two claims keep their finding's verdict.
    event = decided[finding["id"]]["event"]
    other = next(e for e in ("E1", "E2", "E3", "E4") if e != event)
    assert run("events", "merge", event, other, "--db", path).exit_code == 0
    merged = status(path)
    decided = {i["id"] for i in merged["items"] if i["state"] == "decided"}
    assert decided == {finding["id"], claim["id"]}
    assert merged["detached"] == []


def test_a_claim_no_finding_rests_on_can_be_decided_and_stays_an_item(db: Path) -> None:
    listed = {i["id"] for i in status(db)["items"]}
    claims = json.loads(run("claims", "--db", db, "-f", "json").stdout)
    lone = next(c["id"] for c in claims if c["id"] not in listed and c["event"])
    assert decide(db, lone, "extraction-error", "A. Analyst").exit_code == 0
    assert {i["id"]: i["state"] for i in status(db)["items"]}[lone] == "decided"


def test_a_verdict_whose_claims_vanished_is_reported(db: Path) -> None:
    blast = event_about(db, BLAST)
    assert decide(db, f"{blast}:killed", "accepted").exit_code == 0
    plain_execute(  # as if the figure's claims were gone
        db,
        "UPDATE review_verdicts SET claims = '[\"cgone0000000\"]'",
        f"UPDATE review_verdicts SET item = '{blast}:missing'",
    )
    gone = status(db)["detached"]
    assert len(gone) == 1 and "cgone0000000 no longer in the store" in gone[0]["reason"]
    table = run("review", "status", "--db", db)
    assert "Verdicts whose item is gone" in table.stdout


def test_different_events_splits_the_event_through_the_corrections(db: Path) -> None:
    blast = event_about(db, BLAST)
    finding = items(db, type="finding", event=blast)[0]
    events_before = len(json.loads(run("events", "--db", db, "-f", "json").stdout))
    result = decide(db, finding["id"], "different-events", "A. Analyst",
                    "--split", finding["claims"][0])  # fmt: skip
    assert result.exit_code == 0, result.output
    events = json.loads(run("events", "--db", db, "-f", "json").stdout)
    assert len(events) == events_before + 1
    claims = {
        c["id"]: c["event"] for c in json.loads(run("claims", "--db", db, "-f", "json").stdout)
    }
    assert claims[finding["claims"][0]] != claims[finding["claims"][1]]
    gone = status(db)["detached"]
    assert [d["id"] for d in gone] == [finding["id"]] and gone[0]["reason"].startswith("applied")
    # The split is a correction: a re-ingest keeps it.
    run("ingest", *CORPUS_FILES, "--db", db)
    again = {
        c["id"]: c["event"] for c in json.loads(run("claims", "--db", db, "-f", "json").stdout)
    }
    assert again[finding["claims"][0]] != again[finding["claims"][1]]


def test_a_wrong_event_claim_is_split_off_its_event(db: Path) -> None:
    strike = event_about(db, STRIKE)
    claim = items(db, type="claim", event=strike)[0]["id"]
    assert decide(db, claim, "wrong-event", "A. Analyst").exit_code == 0
    moved = {i["id"]: i for i in status(db)["items"]}[claim]
    assert moved["event"] not in (strike, "") and moved["verdict"] == "wrong-event"
    ((action,),) = plain_rows(db, "SELECT action FROM corrections")
    assert action == "split"


# --- verdicts shape the reports -----------------------------------------------------------------


def test_report_marks_findings_reviewed_or_open_and_only_open_lists_the_rest(db: Path) -> None:
    finding = items(db, type="finding")[0]
    assert (
        decide(db, finding["id"], "confirmed", "A. Analyst", "--note", "both said so").exit_code
        == 0
    )
    data = report_json(db)
    reviews = [r["review"] for r in data["relations"]]
    assert sum(r is not None for r in reviews) == 1
    (reviewed,) = [r for r in data["relations"] if r["review"]]
    assert {reviewed["a"], reviewed["b"]} == set(finding["claims"])
    assert reviewed["review"]["verdict"] == "confirmed"
    assert reviewed["review"]["reviewer"] == "A. Analyst"
    table = run("report", "--db", db, "--max-findings", "0").stdout
    assert "review: confirmed by A. Analyst" in table and "both said so" in table
    assert "review: open" in table
    markdown = run("report", "--db", db, "-f", "md", "--max-findings", "0").stdout
    assert "*review: confirmed by A. Analyst" in markdown and "*review: open*" in markdown
    rest = report_json(db, "--only-open")
    pairs = {frozenset((r["a"], r["b"])) for r in rest["relations"]}
    assert frozenset(finding["claims"]) not in pairs and pairs
    assert all(r["review"] is None for r in rest["relations"])
    assert {r["type"] for r in rest["relations"]} <= {
        "contradicts", "attribution_dropped", "updated", "compatible", "subset"}  # fmt: skip


def test_extraction_error_leaves_the_figure_and_the_rule_says_so(db: Path) -> None:
    blast = event_about(db, BLAST)

    def killed(data: dict) -> dict:
        return next(r for r in data["reconciled"] if r["event"] == blast and r["kind"] == "killed")

    before = killed(report_json(db))
    claims = json.loads(run("claims", "--db", db, "--event", blast, "-f", "json").stdout)
    # The claim with the largest bound (an open "more than" is the largest of all).
    top = max((c for c in claims if c["kind"] == "killed" and c["id"] in before["claims"]),
              key=lambda c: (c["high"] is None, c["high"] or c["low"]))  # fmt: skip
    assert decide(db, top["id"], "extraction-error", "A. Analyst").exit_code == 0
    after = killed(report_json(db))
    assert top["id"] not in after["claims"]
    assert "after review: 1 claim(s) left out as extraction errors" in after["rule"]
    # A corrected figure enters with its correction.
    assert (
        decide(db, top["id"], "wrong-figure", "A. Analyst", "--low", "40", "--high", "40").exit_code
        == 0
    )
    corrected = killed(report_json(db))
    assert corrected["high"] == 40 and top["id"] in corrected["claims"]
    assert "taken with the reviewer's correction" in corrected["rule"]


def test_reviewers_figure_replaces_the_machines_with_the_machines_beside_it(db: Path) -> None:
    blast = event_about(db, BLAST)
    machine = next(
        r for r in report_json(db)["reconciled"] if r["event"] == blast and r["kind"] == "killed"
    )
    result = decide(db, f"{blast}:killed", "set-figure", "A. Analyst", "--low", "9", "--best", "12",
                    "--high", "14", "--note", "hospital count")  # fmt: skip
    assert result.exit_code == 0, result.output
    row = next(
        r for r in report_json(db)["reconciled"] if r["event"] == blast and r["kind"] == "killed"
    )
    assert (row["low"], row["best"], row["high"]) == (9, 12, 14)
    assert row["rule"].startswith("set by reviewer (A. Analyst")
    assert row["review"]["machine"]["best"] == machine["best"]
    table = run("report", "--db", db).stdout
    assert "killed: set by reviewer (A. Analyst" in table
    bad = decide(db, f"{blast}:killed", "set-figure", "A. Analyst", "--low", "20", "--best", "12")
    assert bad.exit_code == 2 and "low <= best <= high" in error_line(bad)


def test_csv_report_carries_each_claims_verdict(db: Path) -> None:
    claim = items(db, type="claim")[0]["id"]
    assert decide(db, claim, "correct", "A. Analyst").exit_code == 0
    text = run("report", "--db", db, "--format", "csv").stdout
    header, *rows = text.splitlines()
    assert header.endswith("review_verdict,review_reviewer,review_at,review_note")
    marked = [r for r in rows if r.startswith(claim)]
    assert len(marked) == 1 and ",correct,A. Analyst," in marked[0]


@pytest.mark.parametrize(
    ("typed", "bounds"),
    [("12", (12, 12)), ("10-15", (10, 15)), ("10+", (10, None)), ("up to 15", (0, 15)),
     ("at least 3", (3, None)), ("1,200", (1200, 1200))],
)  # fmt: skip
def test_a_figure_as_a_reviewer_types_it(typed: str, bounds: tuple) -> None:
    assert parse_figure(typed) == bounds


@pytest.mark.parametrize("typed", ["", "many", "15-10", "-3"])
def test_a_figure_that_is_not_one(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_figure(typed)


def test_low_best_high_as_a_reviewer_types_it() -> None:
    assert _low_best_high("9 12 14") == {"low": 9, "best": 12, "high": 14}
    assert _low_best_high("12") == {"low": 12, "best": 12, "high": 12}
    assert _low_best_high("9, 12, open") == {"low": 9, "best": 12, "high": None}
    with pytest.raises(ValueError):
        _low_best_high("14 12 9")


def test_wrong_source_enters_the_figure_under_the_right_source(db: Path) -> None:
    blast = event_about(db, BLAST)

    def killed(data: dict) -> dict:
        return next(r for r in data["reconciled"] if r["event"] == blast and r["kind"] == "killed")

    row = killed(report_json(db))
    current = next(f for f in row["figures"] if f["current"])
    claim = current["claims"][0]
    result = decide(db, claim, "wrong-source", "A. Analyst", "--source", "Al-Shifa Hospital")
    assert result.exit_code == 0, result.output
    after = killed(report_json(db))
    sources = {s for f in after["figures"] if claim in f["claims"] for s in f["sources"]}
    assert sources == {"Al-Shifa Hospital"}
    assert "taken with the reviewer's correction" in after["rule"]


def test_an_older_store_gains_the_review_tables_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    before = [m.__name__ for m in MIGRATIONS].index("m005_review")
    with sqlite3.connect(path) as connection:  # a store of the schema before m005_review
        for fn in MIGRATIONS[:before]:
            fn(connection)
        connection.execute(f"PRAGMA user_version = {before}")
    with sqlite3.connect(path) as connection:
        assert not connection.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'review_log'"
        ).fetchall()
    with Store(path) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert store.rows("SELECT COUNT(*) AS n FROM review_log") == [{"n": 0}]


def test_a_corrected_source_counts_once_with_the_sources_own_claims(db: Path) -> None:
    blast = event_about(db, BLAST)
    claims = json.loads(run("claims", "--db", db, "--event", blast, "-f", "json").stdout)
    hospital = next(c for c in claims if c["source"] == "hospital" and c["low"] == 12)
    named = next(c for c in claims if "Barakat" in c["source"] and c["low"] == 12)
    result = decide(db, hospital["id"], "wrong-source", "A. Analyst", "--source", named["source"])
    assert result.exit_code == 0, result.output

    def twelve(data: dict) -> dict:
        killed = next(
            r for r in data["reconciled"] if r["event"] == blast and r["kind"] == "killed"
        )
        return next(f for f in killed["figures"] if f["low"] == 12)

    figure = twelve(report_json(db))
    # "Dr. Yousef Barakat" named by the reviewer is the Dr. Barakat the other report quotes.
    assert figure["originators"] == 1
    assert hospital["id"] in figure["claims"] and named["id"] in figure["claims"]
