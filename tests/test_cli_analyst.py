"""The analyst's command line (issue 12): evidence that points into the file on disk, a store
as capable as `check`, tables that fit 100 columns, CSV for findings and figures, help that
teaches, and labels that survive corrections. Every article here is invented."""

from __future__ import annotations

import csv
import io
import json
import re
from importlib.metadata import version
from pathlib import Path

import pytest
from conftest import ARTICLES, ROOT, SEED
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.extract.numbers import VAGUE_READINGS
from reconcile.report.csv_rows import FIGURE_CSV_COLUMNS, FINDING_CSV_COLUMNS

CORPUS = ROOT / "fixtures" / "corpus"
CORPUS_FILES = sorted(str(p) for p in CORPUS.glob("*.txt"))
runner = CliRunner()

BODY = (
    "At least five people were killed in an air strike on the village of Varnel on Sunday, "
    "the regional health office said.\n\n"
    "The army said three soldiers were wounded, and local medics said dozens of residents "
    "fled.\n"
)
TITLE = "Five killed in Varnel strike"


def run(*args: str | Path, env: dict[str, str] | None = None):  # noqa: ANN201 - typer's Result
    return runner.invoke(app, [str(a) for a in args], env=env)


def error_line(result) -> str:  # noqa: ANN001
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("reconcile: error: ")
    return lines[0]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.db"
    result = run("ingest", *CORPUS_FILES, "--db", path)
    assert result.exit_code == 0, result.output
    return path


# --- part 1: evidence that points into the file on disk -----------------------------------------


def _inputs(folder: Path) -> dict[str, Path]:
    """The same invented article saved five ways."""
    front = f'---\ntitle: "{TITLE}"\noutlet: The Varnel Courier\npublished: 2025-03-02\n---\n\n'
    files = {
        "front matter": (folder / "front.txt", (front + BODY).encode()),
        "CRLF and BOM": (
            folder / "crlf.txt",
            b"\xef\xbb\xbf" + (front + BODY).replace("\n", "\r\n").encode(),
        ),
        "layout, CRLF": (
            folder / "layout.txt",
            f"{TITLE}\r\nBy A. Writer\r\n\r\n{BODY}".replace("\n", "\r\n")
            .replace("\r\r\n", "\r\n")
            .encode(),
        ),
        "HTML": (
            folder / "page.html",
            (
                f"<html><head><title>{TITLE}</title></head><body><nav>Home | World</nav>"
                f"<article><h1>{TITLE}</h1>"
                + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
                + "</article></body></html>"
            ).encode(),
        ),
        "JSON Lines": (
            folder / "feed.jsonl",
            (
                json.dumps({"title": TITLE, "outlet": "Wire", "text": BODY}) + "\n"
                + json.dumps({"text": "Police said 12 people were arrested in Varnel."}) + "\n"
            ).encode(),
        ),
    }  # fmt: skip
    for path, data in files.values():
        path.write_bytes(data)
    return {name: path for name, (path, _) in files.items()}


def _span(evidence: str) -> tuple[str, int, int]:
    path, _, span = evidence.rpartition(":")
    start, end = span.split("-")
    return path, int(start), int(end)


@pytest.mark.parametrize("saved_as", ["front matter", "CRLF and BOM", "layout, CRLF", "HTML",
                                      "JSON Lines"])  # fmt: skip
def test_every_claims_evidence_indexes_the_text_it_says(tmp_path: Path, saved_as: str) -> None:
    path = _inputs(tmp_path)[saved_as]
    result = run("check", path, "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    offsets = {a["id"]: a["offsets"] for a in data["articles"]}
    assert len(data["claims"]) >= 3
    for claim in data["claims"]:
        where, start, end = _span(claim["evidence"])
        if offsets[claim["article"]] == "file":
            # The file as stored: line ends as they are, the byte-order mark not a character.
            text = open(where, encoding="utf-8-sig", newline="").read()  # noqa: SIM115
        else:
            shown = run("show", where, "-f", "json")
            assert shown.exit_code == 0, shown.output
            text = next(a["text"] for a in json.loads(shown.stdout) if a["path"] == where)
        assert text[start:end] == claim["stated"], (saved_as, claim["evidence"])
    expected = "extracted text" if saved_as in ("HTML", "JSON Lines") else "file"
    assert set(offsets.values()) == {expected}


def test_crlf_and_bom_file_points_past_the_front_matter(tmp_path: Path) -> None:
    path = _inputs(tmp_path)["CRLF and BOM"]
    data = json.loads(run("check", path, "-f", "json").stdout)
    headline = next(c for c in data["claims"] if c["zone"] == "headline")
    _, start, end = _span(headline["evidence"])
    raw = path.read_bytes().decode("utf-8-sig")
    # The headline's figure is found where the title line of the front matter stands.
    assert raw[start:end] == "Five"
    assert raw.rfind("\n", 0, start) == raw.index('title: "') - 1


def test_show_a_span_without_a_store(tmp_path: Path) -> None:
    path = _inputs(tmp_path)["CRLF and BOM"]
    raw = path.read_bytes().decode("utf-8-sig")
    start = raw.index("At least five")
    result = run("show", f"{path}:{start}-{start + len('At least five')}")
    assert result.exit_code == 0, result.output
    lines = dict(line.split(None, 1) for line in result.stdout.splitlines())
    assert lines["sentence"].startswith("[[At least five]] people were killed")
    assert lines["outlet"] == "The Varnel Courier"
    assert lines["published"] == "2025-03-02"
    assert lines["article"] == TITLE
    assert lines["reading"] == "killed: 'At least five' read as 5 or more (at least)"
    assert lines["source"].startswith("the regional health office, medical")
    assert lines["evidence"].endswith("(characters of the file)")


def test_show_a_span_with_no_claim_says_what_is_there(tmp_path: Path) -> None:
    path = _inputs(tmp_path)["front matter"]
    start = path.read_text().index("village")
    result = run("show", f"{path}:{start}-{start + 7}")
    assert result.exit_code == 2
    assert "no claim there; the text reads: " in error_line(result)
    assert "[[village]]" in result.stderr


def test_show_a_stored_claim_by_id_and_by_evidence(db: Path) -> None:
    claims = json.loads(run("claims", "--db", db, "-f", "json").stdout)
    vague = next(c for c in claims if c["qualifier"] == "vague")
    by_id = run("show", vague["id"], "--db", db)
    assert by_id.exit_code == 0, by_id.output
    assert f"[[{vague['stated']}]]" in by_id.stdout
    assert f"event      {vague['event']}  " in by_id.stdout
    by_evidence = run("show", vague["evidence"], "--db", db)
    assert by_evidence.stdout == by_id.stdout
    card = json.loads(run("show", vague["id"], "--db", db, "-f", "json").stdout)
    path, start, end = _span(card["evidence"])
    assert Path(path).read_text(encoding="utf-8")[start:end] == vague["stated"]


def test_show_an_unknown_claim_is_one_error_line(db: Path) -> None:
    result = run("show", "cnotaclaim", "--db", db)
    assert result.exit_code == 2
    assert "no claim or article cnotaclaim" in error_line(result)


def test_the_table_says_what_the_offsets_index(tmp_path: Path) -> None:
    files = _inputs(tmp_path)
    out = " ".join(run("check", files["front matter"], files["HTML"]).stdout.split())
    assert "Evidence path:start-end indexes each text file's characters, and for HTML and JSON " \
           "feeds the extracted text (`reconcile show PATH` prints it)" in out  # fmt: skip


# --- part 2: the store as capable as check -------------------------------------------------------


def test_ingest_takes_outlet_published_and_keep_going(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Police said 12 people were arrested in Varnel on Monday.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    path = tmp_path / "s.db"
    result = run("ingest", plain, empty, "--db", path, "--keep-going", "--outlet", "Varnel FM",
                 "--published", "2025-04-01")  # fmt: skip
    assert result.exit_code == 2
    assert f"reconcile: error: {empty}: file is empty (skipped)" in result.stderr
    assert "1 new article(s)" in result.stderr
    claim = json.loads(run("claims", "--db", path, "-f", "json").stdout)[0]
    card = run("show", claim["id"], "--db", path).stdout
    assert "outlet     Varnel FM" in card and "published  2025-04-01" in card


def test_ingest_without_keep_going_stops_at_a_bad_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("ingest", *CORPUS_FILES[:2], empty, "--db", tmp_path / "s.db")
    assert result.exit_code == 2
    assert not (tmp_path / "s.db").exists()


def test_settings_are_set_at_creation_changeable_and_recorded(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    assert run("ingest", *CORPUS_FILES, "--db", path, "--vague", "acled").exit_code == 0

    def dozens() -> dict:
        claims = json.loads(run("claims", "--db", path, "-f", "json").stdout)
        return next(c for c in claims if c["stated"].startswith("dozens"))

    assert (dozens()["low"], dozens()["high"]) == VAGUE_READINGS["acled"]["dozens of"]
    refused = run("ingest", *CORPUS_FILES, "--db", path, "--vague", "interval")
    assert refused.exit_code == 2
    assert "change it with `reconcile settings --vague interval`" in error_line(refused)

    changed = run("settings", "--db", path, "--vague", "interval", "--rule", "acled")
    assert changed.exit_code == 0, changed.output
    assert (dozens()["low"], dozens()["high"]) == VAGUE_READINGS["interval"]["dozens of"]
    figures = json.loads(run("report", "--db", path, "-f", "json").stdout)["reconciled"]
    assert all(f["rule"].startswith("acled:") and f["low"] == f["best"] for f in figures)
    shown = json.loads(run("settings", "--db", path, "-f", "json").stdout)
    assert {s["name"]: s["value"] for s in shown} == {
        "rule": "acled", "vague": "interval", "places": "none added"
    }  # fmt: skip
    assert all(s["set_at"] != "default" for s in shown if s["name"] != "places")


def test_unknown_setting_value_is_rejected(db: Path) -> None:
    assert run("settings", "--db", db, "--rule", "median").exit_code == 2


def test_ingest_places_are_kept_for_later_regrouping(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,canonical\nVarnel Heights,Varnel\n")
    path = tmp_path / "s.db"
    result = run("ingest", *CORPUS_FILES[:3], "--db", path, "--places", aliases)
    assert result.exit_code == 0, result.output
    shown = {r["name"]: r["value"] for r in
             json.loads(run("settings", "--db", path, "-f", "json").stdout)}  # fmt: skip
    assert shown["places"] == "1 alias row(s)"


def test_report_filters_narrow_every_format(db: Path) -> None:
    whole = json.loads(run("report", "--db", db, "-f", "json").stdout)
    first = whole["events"][0]["id"]
    one = json.loads(run("report", "--db", db, "-f", "json", "--event", first).stdout)
    assert [e["id"] for e in one["events"]] == [first]
    assert {c["event"] for c in one["claims"]} == {first}
    killed = json.loads(run("report", "--db", db, "-f", "json", "--kind", "killed").stdout)
    assert {c["kind"] for c in killed["claims"]} == {"killed"}
    assert {r["kind"] for r in killed["reconciled"]} == {"killed"}
    typed = json.loads(run("report", "--db", db, "-f", "json", "--type", "contradicts").stdout)
    assert typed["relations"] and {r["type"] for r in typed["relations"]} == {"contradicts"}
    source = json.loads(run("report", "--db", db, "-f", "json", "--source", "Observatory").stdout)
    names = {c["id"]: c["source"] for c in source["claims"]}
    assert source["relations"]
    assert all("Observatory" in names[r["a"]] + names[r["b"]] for r in source["relations"])


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [("--event", "E99", "--event E99: no such event"),
     ("--kind", "kiled", "--kind kiled: no claims of that kind (kinds here: "),
     ("--type", "disagrees", "--type disagrees: unknown finding type"),
     ("--source", "nobody at all", "--source nobody at all: no claims of such a source")],
)  # fmt: skip
def test_report_filter_typos_are_one_error_line(db: Path, option, value, message) -> None:  # noqa: ANN001
    result = run("report", "--db", db, option, value)
    assert result.exit_code == 2
    assert message in error_line(result)


def test_conflicts_filters(db: Path) -> None:
    rows = json.loads(run("conflicts", "--db", db, "-f", "json", "--type", "contradicts").stdout)
    assert rows and {r["type"] for r in rows} == {"contradicts"}
    by_kind = json.loads(run("conflicts", "--db", db, "-f", "json", "--kind", "missing").stdout)
    assert {r["kind"] for r in by_kind} <= {"missing"}
    wrong = run("conflicts", "--db", db, "--type", "agrees")
    assert wrong.exit_code == 2
    assert "conflicts lists contradicts and attribution_dropped" in error_line(wrong)


def test_sources_lists_names_role_outlets_claims_and_contradictions(db: Path) -> None:
    rows = json.loads(run("sources", "--db", db, "-f", "json").stdout)
    claims = json.loads(run("claims", "--db", db, "-f", "json").stdout)
    assert sum(r["claims"] for r in rows) == len(claims)
    observatory = next(r for r in rows if r["source"] == "observatory for civilian rights")
    assert observatory["names"] == ["The Observatory for Civilian Rights"]
    assert observatory["role"] == "NGO"
    assert observatory["contradicts"] >= 1
    conflicts = json.loads(run("conflicts", "--db", db, "-f", "json", "--type", "contradicts",
                               "--source", "observatory for civilian rights").stdout)  # fmt: skip
    assert observatory["contradicts"] == len(conflicts)
    table = run("sources", "--db", db).stdout
    assert table.splitlines()[0].split() == ["source", "names", "role", "outlets", "claims",
                                             "contradicts"]  # fmt: skip


# --- part 3: tables a person can read --------------------------------------------------------------

INTERNAL_KEYS = ("anonymous_official", "attribution_dropped", "at_least", "more_than", "up_to")


def test_tables_fit_100_columns_and_use_words(db: Path, tmp_path: Path) -> None:
    outputs = {
        "check": run("check", CORPUS, SEED, ARTICLES),
        "report": run("report", "--db", db),
        "claims": run("claims", "--db", db),
        "events": run("events", "--db", db),
        "conflicts": run("conflicts", "--db", db),
        "sources": run("sources", "--db", db),
    }
    for name, result in outputs.items():
        assert result.exit_code == 0, (name, result.output)
        wide = [line for line in result.stdout.splitlines() if len(line) > 100]
        assert wide == [], name
        for key in INTERNAL_KEYS:
            assert key not in result.stdout, (name, key)


def test_check_table_shows_the_interval_beside_the_figure_and_the_rule(tmp_path: Path) -> None:
    path = _inputs(tmp_path)["front matter"]
    out = run("check", path).stdout
    header = next(line for line in out.splitlines() if line.startswith("kind"))
    assert header.split()[:4] == ["kind", "as", "written", "interval"]
    row = next(line for line in out.splitlines() if "At least five" in line)
    assert re.search(r"At least five\s+5 or more", row)
    assert "How each was reached:" in out
    flat = " ".join(out.split())
    assert "- killed: low: smallest lower bound; best: figure inside" in flat


# --- part 4: reports for machines ------------------------------------------------------------------


def test_csv_of_findings_and_of_figures(tmp_path: Path) -> None:
    data = json.loads(run("check", CORPUS, "-f", "json").stdout)
    findings = run("check", CORPUS, "-f", "csv", "--rows", "findings")
    assert findings.exit_code == 0, findings.output
    rows = list(csv.DictReader(io.StringIO(findings.stdout)))
    assert tuple(rows[0]) == FINDING_CSV_COLUMNS
    # Every relation is a row, but for copies ("repeated") and for how the figures of a pair
    # with a dropped attribution compare (the pair is listed once, as the dropped attribution).
    dropped = {
        frozenset((r["a"], r["b"])) for r in data["relations"] if r["type"] == "attribution_dropped"
    }
    shown = [
        r
        for r in data["relations"]
        if r["note"] != "repeated"
        and not (r["type"] in ("agrees", "compatible") and frozenset((r["a"], r["b"])) in dropped)
    ]
    assert len(rows) == len(shown)
    figures = list(csv.DictReader(io.StringIO(
        run("check", CORPUS, "-f", "csv", "--rows", "figures").stdout)))  # fmt: skip
    assert tuple(figures[0]) == FIGURE_CSV_COLUMNS
    assert [(r["event"], r["kind"]) for r in figures] == [
        (r["event"], r["kind"]) for r in data["reconciled"]
    ]
    assert run("check", CORPUS, "--rows", "findings").exit_code == 2


def test_readme_defines_every_json_and_csv_field() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_cells = re.findall(r"^\| (`[^|]+) \|", readme, flags=re.M)
    defined = {name for cell in first_cells for name in re.findall(r"`([a-z_]+)`", cell)}
    data = json.loads(run("check", SEED, "-f", "json").stdout)
    used = {key for rows in data.values() for row in rows for key in row}
    used |= {key for row in data["reconciled"] for f in row["figures"] for key in f}
    assert used - defined == set()
    assert set(FINDING_CSV_COLUMNS) | set(FIGURE_CSV_COLUMNS) <= defined


# --- part 5: help that teaches ---------------------------------------------------------------------

COMMANDS = [["check"], ["eval"], ["ingest"], ["settings"], ["events"], ["events", "merge"],
            ["events", "split"], ["claims"], ["conflicts"], ["report"], ["show"], ["sources"],
            ["review"], ["review", "status"], ["review", "decide"], ["review", "log"],
            ["store", "copy"]]  # fmt: skip


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"reconcile {version('reconcile')}\n"


def test_completion_is_offered_and_completes_choices() -> None:
    assert "--install-completion" in run("--help").stdout
    script = runner.invoke(app, ["--show-completion", "bash"], prog_name="reconcile")
    assert script.exit_code == 0 and "_reconcile_completion" in script.stdout
    # What bash asks when the user presses Tab after `reconcile check --rule `.
    asked = runner.invoke(app, [], prog_name="reconcile", env={
        "_RECONCILE_COMPLETE": "complete_bash", "COMP_WORDS": "reconcile check --rule ",
        "COMP_CWORD": "3"})  # fmt: skip
    assert asked.stdout.split() == ["ucdp", "range", "acled", "ibc", "all"]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_each_command_help_has_an_example_exit_codes_and_types_in_words(command) -> None:  # noqa: ANN001
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Example" in text and "Exit codes:" in text
    assert not re.search(r"<(?:list\[|str|bool|int|path|Path)", text), result.stdout


def test_choices_are_listed_and_typos_rejected() -> None:
    help_text = runner.invoke(app, ["check", "--help"]).stdout
    flat = re.sub(r"[│\s]+", " ", help_text)  # the help's box, wrapped at any width
    assert "agrees, compatible, contradicts, updated, attribution_dropped, subset" in flat
    assert "table|json" in runner.invoke(app, ["eval", "--help"]).stdout
    assert run("check", SEED, "--fail-on", "contradict").exit_code == 2
    assert run("eval", "gold.csv", SEED, "--format", "xml").exit_code == 2
    assert run("check", SEED, "--format", "yaml").exit_code == 2


def test_check_on_many_files_keeps_stderr_to_the_summary_outside_a_terminal(
    tmp_path: Path,
) -> None:
    for number in range(25):
        (tmp_path / f"a{number:02}.txt").write_text(
            f"Police said {number + 2} people were arrested in Varnel on day {number}.\n"
        )
    result = run("check", tmp_path)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "25 article(s), 25 claim(s), " + result.stderr.split("claim(s), ")[1].strip()
    ]


def test_the_progress_bar_waits_for_a_large_input() -> None:
    from reconcile.progress import is_large

    assert not is_large(1, "reading", 1)
    assert is_large(1, "reading", 20)  # a folder of 20 files
    assert not is_large(1, "extracting", 99)
    assert is_large(1, "extracting", 100)  # a feed of 100 articles
    assert is_large(25, "relating", 1)


# --- part 6: labels that stay meaningful after corrections ------------------------------------------


def test_merged_and_split_events_keep_labels_from_their_claims(db: Path) -> None:
    events = json.loads(run("events", "--db", db, "-f", "json").stdout)
    incident = max(events, key=lambda e: e["claims"])
    series = next(e for e in events if e["label"].endswith("(cumulative)"))
    merged = run("events", "merge", incident["id"], series["id"], "--db", db)
    assert merged.exit_code == 0, merged.output
    after = {e["id"]: e for e in json.loads(run("events", "--db", db, "-f", "json").stdout)}
    assert after[incident["id"]]["label"] == incident["label"]
    assert "(cumulative)" not in after[incident["id"]]["label"]

    claims = json.loads(run("claims", "--db", db, "-f", "json", "--event", incident["id"]).stdout)
    moved = [c["id"] for c in claims if c["kind"] == "wounded"][:2]
    split = run("events", "split", incident["id"], "--claims", ",".join(moved), "--db", db)
    assert split.exit_code == 0, split.output
    new_id = split.stderr.split(" into ")[1].strip()
    final = {e["id"]: e for e in json.loads(run("events", "--db", db, "-f", "json").stdout)}
    assert final[incident["id"]]["label"] == incident["label"]
    assert final[new_id]["label"] != incident["label"]
    assert "(cumulative)" not in final[new_id]["label"]
