"""The HTML report in a real browser: headless Chromium loads the file, and the test reads the
DOM it rendered and takes a screenshot. Skipped, saying why, where Chromium is not installed.

`RECONCILE_SCREENSHOT=docs/report.png python -m pytest tests/test_report_browser.py` also keeps
the screenshot there: the one the README shows.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from browser import chromium, dump_dom, screenshot
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from test_report_outputs import CORPUS, hostile_report, no_injected_elements, run

pytestmark = pytest.mark.skipif(
    chromium() is None,
    reason="chromium is not installed (Debian: apt-get install -y chromium); "
    "the HTML report is not checked in a browser",
)


def test_chromium_renders_the_escaped_text_and_runs_nothing_injected(tmp_path: Path) -> None:
    tree = HTMLParser(dump_dom(hostile_report(tmp_path)))
    no_injected_elements(tree)
    text = tree.body.text()
    assert '<script>alert("body")</script>' in text
    assert 'Courier "onerror=alert(1) <b>x</b>' in text
    assert "<img src=x onerror=alert(1)> Brigade" in text


def test_chromium_renders_every_event_with_its_charts_and_a_screenshot(tmp_path: Path) -> None:
    db = tmp_path / "strikes.db"
    run("ingest", CORPUS, "--db", db)
    status = json.loads(run("review", "status", "--db", db, "--format", "json").stdout)
    finding = next(i for i in status["items"] if i["type"] == "finding")
    run("review", "decide", finding["id"], "--verdict", "confirmed", "--reviewer", "A. Analyst",
        "--note", "both figures are from Tuesday", "--db", db)  # fmt: skip
    page = tmp_path / "report.html"
    run("report", "--db", db, "--rule", "all", "--format", "html", "-o", page)
    events = json.loads(run("report", "--db", db, "--format", "json").stdout)["events"]
    tree = HTMLParser(dump_dom(page))
    sections = tree.css("section.event")
    assert [s.attributes["id"] for s in sections] == [e["id"] for e in events]
    assert all(s.css("svg.interval-chart") for s in sections)
    assert tree.css("svg.toll-chart")
    assert "confirmed by A. Analyst" in tree.body.text()
    assert tree.css("table.rules")
    png = screenshot(page, tmp_path / "report.png")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 1800)
    if os.environ.get("RECONCILE_SCREENSHOT"):
        shutil.copy(png, os.environ["RECONCILE_SCREENSHOT"])
