"""The `reconcile` command as an analyst runs it: reports on stdout, messages on stderr,
exit codes 0 (ok), 1 (a finding named with --fail-on is present) and 2 (bad input or usage).

typer's CliRunner keeps stdout and stderr apart (`result.stdout`, `result.stderr`).
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from conftest import ARTICLES, SEED, front_matter
from typer.testing import CliRunner

from reconcile.cli import app

CONTRACT = {"articles", "claims", "events", "relations", "reconciled"}
CLAIM_KEYS = {
    "id", "article", "kind", "low", "high", "qualifier", "subject", "source", "source_role",
    "cue", "sentence", "start", "end", "event",
}  # fmt: skip


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str | Path):
        return runner.invoke(app, [str(a) for a in args])

    return invoke


def write(path: Path, body: str, title: str, outlet: str, published: str = "2025-03-10") -> Path:
    path.write_text(front_matter(body, title=title, outlet=outlet, published=published))
    return path


@pytest.fixture
def ostravel(tmp_path: Path) -> dict[str, Path]:
    """Three invented reports of one market bombing: police 8, Red Cross 20, Red Cross 5+."""
    return {
        "police": write(
            tmp_path / "outlet-a.txt",
            "Eight people were killed when a bomb exploded in the market in Ostravel on Monday, "
            "police said.",
            "Bomb kills eight in Ostravel market",
            "Outlet A",
        ),
        "red_cross_20": write(
            tmp_path / "outlet-b.txt",
            "Twenty people were killed when a bomb exploded in the market in Ostravel on Monday, "
            "the Red Cross said.",
            "Ostravel market bomb kills 20",
            "Outlet B",
        ),
        "red_cross_5": write(
            tmp_path / "outlet-c.txt",
            "At least five people were killed when a bomb exploded in the market in Ostravel on "
            "Monday, the Red Cross said.",
            "Ostravel market bomb kills at least five",
            "Outlet C",
        ),
    }


# --- reconcile check ------------------------------------------------------------------------


def test_check_prints_the_table_with_events_findings_and_figures(run) -> None:
    result = run("check", "--outlet", "TRT World", SEED)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())  # the table wraps long cells and lines
    assert result.stdout.startswith("E1  strike in Iraq")
    assert "\nE2  attacks recent (cumulative)\n" in result.stdout
    assert "Iraq's Kataib Hezbollah militia" in out
    assert "An Iraqi military official" in out
    assert "Findings:" in out
    assert (
        "attribution dropped: TRT World's headline states 'five' as fact; in the body it is the "
        "claim of Iraq's Kataib Hezbollah militia (party)." in out
    )
    assert "compatible: Iraq's Kataib Hezbollah militia says five (5); An Iraqi military " in out
    assert "Reconciled:" in out
    assert "the only exact figure comes from a party to the conflict" in out
    # Evidence: file and character span, with the folder all paths share named once.
    assert f"{Path(SEED).name}:584-588" in out
    assert f"paths are under {Path(SEED).parent}{os.sep}." in out
    # The one-line summary is a message: stderr, never mixed into the report.
    assert "1 article(s), 7 claim(s), 2 event(s), 0 contradiction(s)" in result.stderr
    assert "article(s)" not in out


def test_check_json_follows_the_contract(run) -> None:
    result = run("check", "--outlet", "TRT World", "--format", "json", SEED)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == CONTRACT
    article_ids = {a["id"] for a in data["articles"]}
    event_ids = {e["id"] for e in data["events"]}
    claim_ids = {c["id"] for c in data["claims"]}
    text = SEED.read_text(encoding="utf-8")
    assert len(data["claims"]) == 7
    for c in data["claims"]:
        assert set(c) >= CLAIM_KEYS
        assert c["article"] in article_ids
        assert c["event"] in event_ids
        assert text[c["start"] : c["end"]] == c["stated"]
        assert c["sentence"] in text
        assert c["low"] is None or isinstance(c["low"], (int, float))
    official = next(c for c in data["claims"] if c["qualifier"] == "at_least")
    assert (official["low"], official["high"]) == (3, None)
    assert '"high": null' in result.stdout
    for e in data["events"]:
        assert set(e["claims"]) <= claim_ids
    for r in data["relations"]:
        assert {r["a"], r["b"]} <= claim_ids
    for r in data["reconciled"]:
        assert r["event"] in event_ids and set(r["claims"]) <= claim_ids


def test_check_json_is_the_same_on_every_run(run) -> None:
    first = run("check", "--format", "json", SEED).stdout
    again = run("check", "--format", "json", SEED).stdout
    assert first == again


def test_check_md_to_a_file(run, tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    result = run("check", "--outlet", "TRT World", "--format", "md", "-o", report, SEED)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"wrote {report}" in result.stderr
    md = report.read_text(encoding="utf-8")
    assert md.startswith("# Discrepancy report")
    assert "## E1: strike in Iraq" in md
    assert "**Findings**" in md and "**Reconciled**" in md
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_check_output_to_a_missing_folder_is_an_error(run, tmp_path: Path) -> None:
    result = run("check", "-f", "md", "-o", tmp_path / "nowhere" / "report.md", SEED)
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_check_csv_has_one_row_per_claim(run) -> None:
    result = run("check", "--format", "csv", SEED)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 7
    assert set(rows[0]) >= CLAIM_KEYS
    assert {r["kind"] for r in rows} == {"killed", "wounded", "strikes", "targets", "attacks"}
    assert any(r["qualifier"] == "at_least" and r["high"] == "" for r in rows)


# --- bad input -------------------------------------------------------------------------------


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nFive people were killed.\n")
    return {
        "empty": (empty, "file is empty"),
        "binary": (binary, "binary"),
        "missing": (tmp_path / "missing.txt", "no such file"),
        "pdf": (pdf, "is a PDF"),
    }


@pytest.mark.parametrize("kind", ["empty", "binary", "missing", "pdf"])
def test_bad_input_exits_2_with_one_line_naming_the_file(run, tmp_path: Path, kind: str) -> None:
    path, problem = _bad_inputs(tmp_path)[kind]
    result = run("check", path)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0]
    assert problem in lines[0]
    assert "Traceback" not in result.output


def test_keep_going_reports_the_good_file_and_names_the_bad_one(run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    result = run("check", "--keep-going", SEED, empty)
    assert result.exit_code == 2
    assert result.stdout.startswith("E1  strike in Iraq")
    assert f"{empty}: file is empty" in result.stderr
    assert "1 article(s)" in result.stderr


def test_without_keep_going_a_bad_file_stops_the_run(run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("check", SEED, empty)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_unknown_fail_on_type_is_a_usage_error(run) -> None:
    result = run("check", "--fail-on", "disagrees", SEED)
    assert result.exit_code == 2
    assert "--fail-on disagrees" in result.stderr


# --- --fail-on -------------------------------------------------------------------------------


def test_fail_on_contradicts_exits_1_when_two_articles_contradict(run, ostravel) -> None:
    result = run(
        "check",
        "--fail-on",
        "contradicts",
        "-f",
        "json",
        ostravel["police"],
        ostravel["red_cross_20"],
    )
    assert result.exit_code == 1, result.stderr
    data = json.loads(result.stdout)
    assert len(data["events"]) == 1
    assert any(r["type"] == "contradicts" for r in data["relations"])
    assert "contradiction(s)" in result.stderr


def test_fail_on_contradicts_exits_0_when_none(run, ostravel) -> None:
    result = run("check", "--fail-on", "contradicts", ostravel["police"], ostravel["red_cross_5"])
    assert result.exit_code == 0, result.stdout
    assert "compatible" in result.stdout
    assert "0 contradiction(s)" in result.stderr


def test_without_fail_on_contradictions_still_exit_0(run, ostravel) -> None:
    result = run("check", ostravel["police"], ostravel["red_cross_20"])
    assert result.exit_code == 0
    assert "contradicts: police says Eight (8); but the Red Cross says Twenty (20)." in (
        result.stdout
    )


def test_rule_acled_gives_one_conservative_figure(run, ostravel) -> None:
    result = run(
        "check", "--rule", "acled", "-f", "json", ostravel["police"], ostravel["red_cross_20"]
    )
    (killed,) = json.loads(result.stdout)["reconciled"]
    assert (killed["low"], killed["best"], killed["high"]) == (8, 8, 8)


# --- reconcile eval --------------------------------------------------------------------------


def test_eval_prints_precision_and_recall(run) -> None:
    paths = sorted(ARTICLES.glob("*.txt"))
    result = run("eval", ARTICLES / "gold.csv", *paths)
    assert result.exit_code == 0, result.stderr
    (summary,) = [ln for ln in result.stdout.splitlines() if ln.startswith("precision ")]
    fields = summary.split()
    values = dict(zip(fields[::2], map(float, fields[1::2]), strict=True))
    assert set(values) == {"precision", "recall", "f1", "attribution"}
    assert values["precision"] >= 0.9 and values["recall"] >= 0.8
    assert "misses (" in result.stdout


def test_eval_json(run) -> None:
    paths = sorted(ARTICLES.glob("*.txt"))
    result = run("eval", "--format", "json", ARTICLES / "gold.csv", *paths)
    data = json.loads(result.stdout)
    assert data["overall"]["gold"] == 57
    assert 0 < data["overall"]["precision"] <= 1


def test_eval_with_a_gold_sheet_missing_columns_exits_2(run, tmp_path: Path) -> None:
    gold = tmp_path / "gold.csv"
    gold.write_text("article_file,quantity_kind\nx.txt,killed\n")
    result = run("eval", gold, SEED)
    assert result.exit_code == 2
    assert "missing column" in result.stderr
    assert str(gold) in result.stderr


def test_parallel_extraction_gives_the_same_report(run, monkeypatch) -> None:
    """`--jobs 2` sends chunks of articles to a process pool; the report must not change."""
    import reconcile.pipeline as pipeline

    monkeypatch.setattr(pipeline, "CHUNK_ARTICLES", 3)  # several chunks from the fixtures
    files = sorted(str(p) for p in ARTICLES.glob("*.txt"))
    serial = run("check", "--jobs", "1", "-f", "json", *files)
    parallel = run("check", "--jobs", "2", "-f", "json", *files)
    assert serial.exit_code == parallel.exit_code == 0
    assert json.loads(serial.stdout) == json.loads(parallel.stdout)
    assert len(json.loads(serial.stdout)["claims"]) > 40


def test_check_reads_a_folder_like_its_files(run) -> None:
    by_folder = run("check", ARTICLES, "--format", "json")
    by_name = run("check", *sorted(ARTICLES.glob("*.txt")), "--format", "json")
    assert by_folder.exit_code == 0, by_folder.stderr
    assert json.loads(by_folder.stdout) == json.loads(by_name.stdout)


def test_a_report_file_gets_the_usual_mode_for_new_files(run, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    assert run("check", SEED, "--format", "md", "-o", out).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_max_findings_lists_the_most_serious_and_counts_the_rest(run, ostravel) -> None:
    paths = list(ostravel.values())
    whole = run("check", *paths, "--max-findings", "0")
    listed = [line for line in whole.stdout.splitlines() if line.startswith("  - [")]
    assert len(listed) >= 2
    capped = run("check", *paths, "--max-findings", "1")
    shown = [line for line in capped.stdout.splitlines() if line.startswith("  - [")]
    assert shown == listed[:1]
    assert "contradicts" in shown[0]  # the most serious finding comes first
    assert f"... and {len(listed) - 1} more" in capped.stdout
    # JSON is always whole.
    data = json.loads(run("check", *paths, "-f", "json", "--max-findings", "1").stdout)
    assert len(data["relations"]) >= len(listed)


def test_streamed_json_is_the_contract_with_one_row_per_line(run) -> None:
    from reconcile.ingest import read_articles
    from reconcile.pipeline import analyse

    result = run("check", SEED, "--format", "json")
    analysis = analyse(read_articles(SEED))
    assert json.loads(result.stdout) == json.loads(json.dumps(analysis.to_dict()))
    rows = [line for line in result.stdout.splitlines() if line.startswith("  {")]
    assert len(rows) == sum(len(list(r)) for _, r in analysis.sections())
