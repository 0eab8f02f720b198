"""Hostile and odd input (issue 11): no traceback, no hang, strict output, the store untouched.

Each test builds its damaged, huge or odd input in a temporary folder (nothing large is kept in
the repository) and checks what a user relies on: one error line naming the file and exit 2, or
the file read as a person would read it. Every article is invented.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import front_matter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import reconcile
from reconcile.cli import app
from reconcile.errors import ReconcileError
from reconcile.events import trigger_class
from reconcile.extract.sentences import MAX_SENTENCE_CHARS, split_sentences
from reconcile.ingest import read_articles
from reconcile.model import MAX_FIGURE
from reconcile.pipeline import analyse
from reconcile.roles import role_of
from reconcile.store import Store

BLAST = "Police said 12 people were killed in a blast in Testville on Monday."


def run(*args: object) -> object:
    return CliRunner().invoke(app, [str(a) for a in args])


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def strict_json(text: str) -> object:
    """Parse JSON as a strict reader does: Infinity and NaN are errors."""

    def refuse(constant: str) -> None:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def one_error_line(result: object, *words: str) -> str:
    """Assert exit 2 with one error line (no traceback) holding the words; return the line."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


# --- table 1: the hostile user ------------------------------------------------------------------


def test_an_absurd_figure_is_no_claim_and_ingest_goes_through(tmp_path: Path) -> None:
    article = write(tmp_path, "absurd.txt", front_matter(
        "Officials said 10^40 people were killed in the blast. A spokesman said "
        + "1" * 60 + " people were injured. Police said 12 people were killed in Testville."
    ))  # fmt: skip
    db = tmp_path / "x.db"
    result = run("ingest", "--db", db, article)
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        highs = [r["m"] for r in store.rows("SELECT MAX(MAX(low), MAX(high)) AS m FROM claims")]
    assert highs[0] is not None and highs[0] <= MAX_FIGURE


def test_a_claim_sheet_figure_beyond_any_count_is_refused_with_its_row(tmp_path: Path) -> None:
    article = write(tmp_path, "a.txt", front_matter(BLAST))
    sheet = write(tmp_path, "sheet.csv", "article,kind,low,high,source,sentence\n"
                  f"a.txt,killed,1e40,1e40,Police,{BLAST}\n")  # fmt: skip
    db = tmp_path / "x.db"
    result = run("ingest", "--db", db, article, sheet)
    one_error_line(result, "sheet.csv", "line 2", "beyond any count")
    assert not db.exists()  # nothing half-written


def test_a_figure_that_overflows_a_float_still_gives_strict_json(tmp_path: Path) -> None:
    article = write(tmp_path, "inf.txt", front_matter(
        "Officials said 1e400 people were killed. Police said " + "9" * 400
        + " people died in Testville. Medics said 12 people were wounded."
    ))  # fmt: skip
    result = run("check", "--format", "json", article)
    assert result.exit_code == 0, result.output
    data = strict_json(result.stdout)
    for claim in data["claims"]:
        for key in ("low", "high", "figure"):
            assert claim[key] is None or abs(claim[key]) <= MAX_FIGURE


def test_the_json_writer_writes_non_finite_numbers_as_null() -> None:
    from reconcile.report.safe import dumps

    text = dumps({"low": math.inf, "rows": [{"high": -math.inf, "best": math.nan}], "n": 3})
    assert strict_json(text) == {"low": None, "rows": [{"high": None, "best": None}], "n": 3}


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_json_nested_100000_deep_is_one_line_naming_the_file(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path, f"deep{suffix}", "[" * 100_000 + "]" * 100_000 + "\n")
    one_error_line(run("check", path), str(path), "nested too deeply")
    one_error_line(run("ingest", "--db", tmp_path / "x.db", path), "nested too deeply")


def test_a_lone_surrogate_in_a_feed_is_refused_with_its_line(tmp_path: Path) -> None:
    good = json.dumps({"text": BLAST, "outlet": "The Test Courier"})
    feed = write(tmp_path, "feed.jsonl", good + '\n{"text": "Police said \\ud800 12 died."}\n')
    one_error_line(run("check", feed), "feed.jsonl", "line 2", "surrogate")


def test_a_phrase_broken_across_lines_reads_as_if_it_had_a_space(tmp_path: Path) -> None:
    assert trigger_class("twelve killed in air\nstrikes") == "strike"
    article = write(tmp_path, "air.txt", "Twelve killed in air\nstrikes\n\n" + BLAST + "\n")
    result = run("check", "--format", "json", article)
    assert result.exit_code == 0, result.output
    assert strict_json(result.stdout)["claims"]


def test_a_file_over_the_size_limit_is_refused_with_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:  # sparse: 20 MB on one line, without writing it
        handle.truncate(20_000_000)
    line = one_error_line(run("check", big), "huge.txt", "too large", "--max-bytes")
    assert "5,000,000" in line  # the documented default
    small = write(tmp_path, "small.txt", front_matter(BLAST))
    one_error_line(run("check", "--max-bytes", 100, small), "too large", "100")


def test_a_long_line_is_cut_into_bounded_sentences_that_keep_their_offsets() -> None:
    text = " ".join(["Police said 12 people were killed"] * 6000)  # 200 KB, no full stop
    sentences = split_sentences(text)
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE_CHARS
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert sum(len(s.text) for s in sentences) >= len(text) - len(sentences)


def test_a_title_of_a_megabyte_in_front_matter_is_read(tmp_path: Path) -> None:
    title = "Blast in Testville " * 55_000  # about 1 MB
    article = write(tmp_path, "title.txt", front_matter(BLAST, title=title))
    result = run("check", "--format", "json", article)
    assert result.exit_code == 0, result.output
    assert any(c["low"] == 12 for c in strict_json(result.stdout)["claims"])


def test_a_file_name_that_is_not_utf8_gives_valid_utf8_json(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    name = folder + b"/caf\xe9-blast.txt"  # Latin-1 bytes: not UTF-8
    with open(name, "wb") as handle:
        handle.write(front_matter(BLAST).encode())
    done = subprocess.run(
        [sys.executable, "-c", "from reconcile.cli import app; app()", "check", "-f", "json", name],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = strict_json(done.stdout.decode("utf-8"))  # raises if not UTF-8
    assert data["articles"][0]["path"].endswith("caf\\xe9-blast.txt")


def test_an_html_page_without_paragraph_tags_reads_its_body_text(tmp_path: Path) -> None:
    page = write(tmp_path, "plain.html", f"<html><body><div>{BLAST}</div>"
                 "<div>The mayor said <b>30</b> people were wounded.</div></body></html>")  # fmt: skip
    (article,) = read_articles(page)
    assert BLAST in article.text
    assert "The mayor said 30 people were wounded." in article.text
    got = {(c.kind, c.low) for c in analyse([article]).claims}
    assert {("killed", 12), ("wounded", 30)} <= got


def test_every_csv_the_tool_writes_neutralises_formula_cells(tmp_path: Path) -> None:
    article = write(tmp_path, "a.txt", front_matter(BLAST))
    sheet = write(tmp_path, "sheet.csv", "article,kind,low,high,source,sentence\n"
                  f'a.txt,killed,12,12,"=HYPERLINK(""http://x"",""y"")",{BLAST}\n'
                  f"a.txt,wounded,3,3,@SUM(A1),{BLAST}\n")  # fmt: skip
    db = tmp_path / "x.db"
    assert run("ingest", "--db", db, article, sheet).exit_code == 0
    for command in (("claims", "--format", "csv"), ("report", "--format", "csv")):
        result = run(*command, "--db", db)
        assert result.exit_code == 0, result.output
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        sources = {r["source"] for r in rows}
        assert {'\'=HYPERLINK("http://x","y")', "'@SUM(A1)", "Police"} <= sources, sources
        for row in rows:
            assert not any(v.startswith(("=", "+", "-", "@")) for v in row.values()), row
            float(row["low"])  # numbers stay numbers


def test_a_negative_number_stays_a_number_in_csv() -> None:
    from reconcile.report.safe import csv_row

    assert csv_row({"low": -3, "source": "-3 said", "kind": "killed"}) == {
        "low": -3, "source": "'-3 said", "kind": "killed"}  # fmt: skip


# --- table 2: the new user ----------------------------------------------------------------------


def test_every_table_command_prints_figures_with_separators(tmp_path: Path) -> None:
    article = write(tmp_path, "a.txt", front_matter(
        "Police said 12,000 people were displaced in Testville. Officials said 1,250,000 "
        "people were displaced."
    ))  # fmt: skip
    db = tmp_path / "x.db"
    assert run("ingest", "--db", db, article).exit_code == 0
    claims = run("claims", "--db", db)
    assert claims.exit_code == 0, claims.output
    assert "12,000" in claims.stdout and "1,250,000" in claims.stdout
    for command in ("events", "conflicts", "report"):
        result = run(command, "--db", db)
        assert result.exit_code == 0, (command, result.output)
    assert run("check", article).exit_code == 0


@pytest.mark.parametrize("value", ["yesterday", "2023-99-99", "2023-02-30"])
def test_a_published_date_that_is_no_date_is_one_line(tmp_path: Path, value: str) -> None:
    article = write(tmp_path, "a.txt", BLAST + "\n")
    one_error_line(run("check", "--published", value, article), value, "2023-03-05")


def test_output_to_a_folder_or_an_unwritable_place_is_one_line(tmp_path: Path) -> None:
    article = write(tmp_path, "a.txt", front_matter(BLAST))
    one_error_line(run("check", "-o", tmp_path, article), str(tmp_path), "is a folder")
    # /proc takes no new files, whoever runs the test (root can write a chmod 555 folder).
    if Path("/proc/self").is_dir():
        one_error_line(run("check", "-o", "/proc/report.json", article), "cannot write")


def test_a_windows_1252_file_is_read_with_its_smart_quotes(tmp_path: Path) -> None:
    body = "\u201cTwelve people were killed,\u201d the mayor\u2019s office said \u2013 police."
    path = tmp_path / "cp1252.txt"
    path.write_bytes(f"Blast in Testville\n\n{body} {BLAST}\n".encode("cp1252"))
    (article,) = read_articles(path)
    assert body in article.text  # no control characters where the quotes were
    forced = read_articles(path, encoding="latin-1")[0]
    assert "\x93" in forced.text  # --encoding is obeyed, even when wrong


def test_an_html_page_is_read_in_the_charset_it_declares(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        b"</head><body><p>\x93Twelve people were killed,\x94 the Caf\xe9 owner said.</p></body>"
        b"</html>"
    )
    (article,) = read_articles(page)
    assert "\u201cTwelve people were killed,\u201d the Caf\u00e9 owner said." in article.text


def test_a_pdf_is_refused_as_a_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n" + BLAST.encode() + b"\n")
    one_error_line(run("check", pdf), "report.txt", "is a PDF")


def test_a_folder_with_a_manifest_reads_its_articles_and_names_the_manifest(
    tmp_path: Path,
) -> None:
    write(tmp_path, "a.txt", front_matter(BLAST))
    write(tmp_path, "manifest.json", json.dumps({"version": 1, "files": ["a.txt"]}))
    result = run("check", "--format", "json", tmp_path)
    assert result.exit_code == 0, result.output
    assert len(strict_json(result.stdout)["articles"]) == 1
    assert f"skipped {tmp_path / 'manifest.json'}" in result.stderr


def test_an_article_of_repeated_sentences_has_linear_relations() -> None:
    sentence = "Police said 12 people were killed in a blast in Testville on Monday. "
    for copies in (100, 400):
        article = read_articles_from_text(sentence * copies)
        analysis = analyse([article])
        assert len(analysis.claims) >= copies
        # Each copy links to the first: not every pair (copies**2 / 2) is related.
        assert len(analysis.relations) <= 2 * len(analysis.claims)


def read_articles_from_text(body: str) -> object:
    from reconcile.ingest.text import read_text_article

    return read_text_article(front_matter(body), path="repeated.txt")


def test_boxes_of_links_on_a_page_of_divs_are_not_article_text(tmp_path: Path) -> None:
    page = write(tmp_path, "divs.html", (
        "<html><body><div class='story'><h1>Blast in Testville</h1>"
        f"<div>{BLAST}</div>"
        "<div class='box'><div>Read also</div><div><a href='/a'>Storm kills 7 in the north</a>"
        "</div><div><a href='/b'>Ferry sinking: 31 missing</a></div></div>"
        "<div>The mayor said 30 people were wounded, <a href='/m'>the city</a> said.</div>"
        "<div class='popular'><span>Most read</span><ul><li><a href='/c'>Refinery fire kills 6"
        "</a></li></ul></div></div></body></html>"
    ))  # fmt: skip
    (article,) = read_articles(page)
    for furniture in ("Storm kills 7", "31 missing", "kills 6"):
        assert furniture not in article.text
    assert "The mayor said 30 people were wounded, the city said." in article.text
    assert {c.low for c in analyse([article]).claims} == {12, 30}


def test_opening_a_missing_store_from_python_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReconcileError, match="no such store"):
        reconcile.open(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()
    with reconcile.open(tmp_path / "new.db", create=True) as store:
        assert store.counts()["claims"] == 0


def test_read_commands_open_the_store_read_only(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    assert run("ingest", "--db", db, write(tmp_path, "a.txt", front_matter(BLAST))).exit_code == 0
    before = db.read_bytes()
    db.chmod(0o444)
    for command in ("events", "claims", "conflicts", "report"):
        result = run(command, "--db", db)
        assert result.exit_code == 0, (command, result.output)
    assert db.read_bytes() == before
    with reconcile.open(db, readonly=True) as store, pytest.raises(sqlite3.OperationalError):
        store.connection.execute("DELETE FROM claims")  # refused: the file is opened read-only
    db.chmod(0o644)


# --- found by reading the code -----------------------------------------------------------------


def test_an_unknown_eval_format_is_a_usage_error(tmp_path: Path) -> None:
    article = write(tmp_path, "a.txt", front_matter(BLAST))
    gold = write(tmp_path, "gold.csv", "article_file,quantity_kind,value_low,value_high\n")
    result = run("eval", "--format", "xml", gold, article)
    assert result.exit_code == 2
    assert "xml" in result.output


def test_a_claim_sheet_kind_that_is_not_known_is_refused_with_the_known_kinds(
    tmp_path: Path,
) -> None:
    article = write(tmp_path, "a.txt", front_matter(BLAST))
    sheet = write(tmp_path, "sheet.csv", "article,kind,low,high,source,sentence\n"
                  f"a.txt,killed,12,12,Police,{BLAST}\na.txt,kiled,12,12,Police,{BLAST}\n")  # fmt: skip
    line = one_error_line(run("ingest", "--db", tmp_path / "x.db", article, sheet),
                          "sheet.csv", "line 3", "'kiled'")  # fmt: skip
    assert "killed, wounded, missing" in line


@pytest.mark.parametrize(
    ("source", "role"),
    [
        ("Dr. Sana Yousef", "other"),  # a name, not the Syrian agency SANA
        ("a resident who fled", "witness"),  # a pronoun, not the WHO
        ("Ngo Van Long, a farmer", "witness"),  # a surname, not an NGO
        ("SANA", "media"),
        ("the WHO", "ngo"),
        ("local NGOs", "ngo"),
        ("the U.N.", "ngo"),
    ],
)
def test_acronyms_decide_a_source_role_only_in_capitals(source: str, role: str) -> None:
    assert role_of(source) == role


# --- the property -------------------------------------------------------------------------------


@settings(max_examples=120, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.lists(
        st.one_of(
            st.text(st.characters(blacklist_categories=("Cs",)), max_size=8),
            st.text(st.sampled_from(list("0123456789.,-e^ \n")), max_size=12),
            st.sampled_from(
                [
                    " killed ",
                    " people ",
                    " said ",
                    "air\nstrikes",
                    "1e400",
                    "---\n",
                    "10^40",
                    "Police said",
                    "<p>",
                    " at least ",
                ]
            ),
        ),
        max_size=40,
    ).map("".join),
    suffix=st.sampled_from([".txt", ".html", ".jsonl", ".json"]),
)
def test_check_json_on_any_text_exits_0_or_2_and_prints_strict_json(
    tmp_path: Path, text: str, suffix: str
) -> None:
    path = tmp_path / f"any{suffix}"
    path.write_text(text, encoding="utf-8")
    result = run("check", "--format", "json", path)
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 0:
        strict_json(result.stdout)
    else:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
