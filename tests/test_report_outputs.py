"""The reports an analyst publishes: HTML, Markdown, rules side by side, the claim graph and
ClaimReview, each made by the command an analyst runs and read back by the tool that opens it.

The HTML is checked here as markup (parsed with selectolax); tests/test_report_browser.py loads
it in headless Chromium.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from conftest import ARTICLES, FIXTURES, SEED, front_matter
from markdown_it import MarkdownIt
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.ingest import read_articles
from reconcile.pipeline import analyse
from reconcile.report.html import iter_html

CORPUS = FIXTURES / "corpus"
runner = CliRunner()


def run(*args: str | Path) -> object:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result


def write_hostile(folder: Path) -> tuple[Path, Path]:
    """Return an invented article and claim sheet with markup in the article text, the outlet
    name, the title and a source name."""
    article = folder / "bad.txt"
    article.write_text(
        front_matter(
            'The Health Ministry said 12 people were killed <script>alert("body")</script> in '
            "the blast at the market in Testville on Monday.\n\n"
            "Police said eight people were killed and 20 wounded in the blast at the market in "
            "Testville.",
            title='<script>alert("title")</script> Blast hits market',
            outlet='Courier "onerror=alert(1) <b>x</b>',
        )
    )
    sheet = folder / "sheet.csv"
    sheet.write_text(
        "article,kind,low,high,source,sentence\n"
        'bad.txt,killed,30,30,"<img src=x onerror=alert(1)> Brigade",'
        '"The <img src=x onerror=alert(1)> Brigade said 30 were killed."\n'
    )
    return article, sheet


def hostile_report(tmp_path: Path) -> Path:
    """Return an HTML report (from the store) of the hostile article and sheet."""
    article, sheet = write_hostile(tmp_path)
    db = tmp_path / "h.db"
    run("ingest", article, sheet, "--db", db)
    out = tmp_path / "hostile.html"
    run("report", "--db", db, "--format", "html", "-o", out)
    return out


def no_injected_elements(tree: HTMLParser) -> None:
    """Fail if the page holds any element or attribute an article could have injected."""
    assert tree.css("script") == [] and tree.css("img") == [] and tree.css("b") == []
    for node in tree.css("*"):
        assert not any(name.startswith("on") for name in node.attributes), node.html[:80]


def test_html_escapes_article_text_outlet_and_source(tmp_path: Path) -> None:
    html = hostile_report(tmp_path).read_text()
    tree = HTMLParser(html)
    no_injected_elements(tree)
    text = tree.body.text()
    assert '<script>alert("body")</script>' in text  # the sentence, as text
    assert 'Courier "onerror=alert(1) <b>x</b>' in text  # the outlet
    assert "<img src=x onerror=alert(1)> Brigade" in text  # the source
    # nothing to fetch, and a policy that would refuse it anyway
    assert tree.css("link") == [] and tree.css("iframe") == [] and tree.css("object") == []
    assert all(a.attributes["href"].startswith("#") for a in tree.css("a"))
    policy = tree.css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"]
    assert policy.startswith("default-src 'none'")
    # ... and as text inside the SVG chart too (a label, not an element)
    labels = " ".join(t.text() for t in tree.css("svg.interval-chart text"))
    assert "<img src=x onerror=alert(1)> Brigade" in labels


def test_html_check_report_has_index_summary_figures_charts_claims_and_findings(
    tmp_path: Path,
) -> None:
    out = tmp_path / "r.html"
    run("check", "--outlet", "TRT World", SEED, "--format", "html", "-o", out)
    tree = HTMLParser(out.read_text())
    assert [a.text() for a in tree.css("nav#index a")] == ["E1", "E2"]
    e1 = tree.css_first("section#E1")
    summary = e1.css_first("p.summary").text()
    assert summary.startswith(
        "Sources differ on the killed: 3 or more per An Iraqi military official; "
        "5 per Iraq's Kataib Hezbollah militia; the headline states 'five' as fact."
    )
    figures = {r.css("td")[0].text(): [td.text() for td in r.css("td")[1:4]]
               for r in e1.css("table.figures tbody tr")}  # fmt: skip
    assert figures["killed"] == ["3", "5", "5"]
    killed = next(s for s in e1.css("svg.interval-chart") if "killed" in s.attributes["aria-label"])
    # "at least three" is a bar with an arrow for its open end; the two fives are dots
    assert len(killed.css("polygon")) == 1 and len(killed.css("circle")) == 2
    marks = [m.text() for m in e1.css("table.claims mark")]
    assert marks == ["five", "two", "five", "two", "at least three", "seven"]
    findings = e1.css("ul.findings li")
    assert "attribution dropped" in findings[0].text()
    # each finding links to the rows of the claims it concerns
    for link in findings[0].css("a"):
        assert e1.css_first(f"tr#c-{link.text()}") is not None


def test_html_marks_contradictions_shows_the_toll_over_days_and_who_disagrees(
    tmp_path: Path,
) -> None:
    out = tmp_path / "r.html"
    run("check", CORPUS, "--format", "html", "-o", out)
    tree = HTMLParser(out.read_text())
    # the hospital strike, whose outlets disagree over days
    e1 = next(s for s in tree.css("section.event") if "Tel al-Hamra" in s.css_first("h2").text())
    assert len(e1.css("svg.interval-chart g.contradicting")) >= 2
    toll = e1.css("svg.toll-chart")
    assert toll and all(s.css("polyline") for s in toll)
    # the contradiction subgraph's components name the sources on each side
    disputes = [li.text() for li in e1.css("ul.disputes li")]
    assert disputes and "≠" in disputes[0]
    # a single-day event draws no toll chart
    one_day = [s for s in tree.css("section.event") if not s.css("svg.toll-chart")]
    assert one_day


def test_html_streams_one_piece_per_event() -> None:
    articles = [a for p in sorted(ARTICLES.glob("*.txt")) for a in read_articles(p)]
    analysis = analyse(articles)
    pieces = list(iter_html(analysis, max_findings=30))
    assert len(pieces) == len(analysis.events) + 2
    assert "<section" not in pieces[0] and 'id="index"' in pieces[0]
    assert all(p.lstrip().startswith('<section class="event"') for p in pieces[1:-1])
    assert pieces[-1].rstrip().endswith("</html>")


def test_markdown_renders_its_tables_with_a_markdown_library() -> None:
    result = run("check", CORPUS, "--format", "md", "--rule", "all")
    html = MarkdownIt("commonmark").enable("table").render(result.stdout)
    tree = HTMLParser(html)
    tables = tree.css("table")
    events = len(tree.css("h2"))
    # per event: claims, reconciled figures, rules side by side
    expected = len(json.loads(run("check", CORPUS, "--format", "json").stdout)["events"])
    assert events == expected and len(tables) == 3 * events
    heads = [[th.text() for th in t.css("thead th")] for t in tables[:3]]
    assert heads[0][:3] == ["kind", "as written", "interval"]
    assert heads[1][:4] == ["kind", "low", "best", "high"]
    assert heads[2] == ["kind", "UCDP low / best / high", "ACLED figure", "IBC min-max"]
    assert all(len(t.css("tbody tr")) > 0 for t in tables)


def test_rules_side_by_side_and_each_rule_alone() -> None:
    data = json.loads(run("check", SEED, "--format", "json", "--rule", "all").stdout)
    rows = {rule: {r["kind"]: r for r in rows} for rule, rows in data["by_rule"].items()}
    ucdp, acled, ibc = rows["ucdp"]["killed"], rows["acled"]["killed"], rows["ibc"]["killed"]
    assert (ucdp["low"], ucdp["best"], ucdp["high"]) == (3, 5, 5)
    assert (acled["low"], acled["best"], acled["high"]) == (3, 3, 3)
    assert (ibc["low"], ibc["best"], ibc["high"], ibc["originators"]) == (3, None, 5, 2)
    assert rows["ibc"]["wounded"]["note"].startswith("single source")
    assert data["reconciled"] == data["by_rule"]["ucdp"]
    # `range` stays the UCDP-style rule's name
    ranged = json.loads(run("check", SEED, "--format", "json", "--rule", "range").stdout)
    assert ranged["reconciled"] == data["reconciled"] and "by_rule" not in ranged
    alone = json.loads(run("check", SEED, "--format", "json", "--rule", "ibc").stdout)
    assert alone["reconciled"] == data["by_rule"]["ibc"]
    table = run("check", SEED, "--rule", "all").stdout
    assert "Rules side by side:" in table
    assert "killed, acled: the most conservative figure" in table


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_graph_export_loads_back_in_networkx(tmp_path: Path, fmt: str) -> None:
    db = tmp_path / "s.db"
    run("ingest", CORPUS, "--db", db)
    out = tmp_path / f"graph.{fmt}"
    run("export", "graph", "--db", db, "--format", fmt, "-o", out)
    data = json.loads(run("check", CORPUS, "--format", "json").stdout)
    if fmt == "graphml":
        graph = nx.read_graphml(out)
    elif fmt == "gexf":
        graph = nx.read_gexf(out)
    else:
        graph = nx.node_link_graph(json.loads(out.read_text()), edges="links")
    types = nx.get_node_attributes(graph, "type")
    assert sum(t == "claim" for t in types.values()) == len(data["claims"])
    assert sum(t == "event" for t in types.values()) == len(data["events"])
    edge_types = [d["relation"] for _, _, d in graph.edges(data=True)]
    assert edge_types.count("contradicts") == sum(
        r["type"] == "contradicts" for r in data["relations"]
    )
    claim = next(c for c in data["claims"] if c["low"] is not None)
    node = graph.nodes[claim["id"]]
    assert float(node["low"]) == claim["low"] and node["sentence"] == claim["sentence"]
    assert int(node["start"]) == claim["start"]
    for _, attrs in graph.nodes(data=True):
        assert all(isinstance(v, (str, int, float)) for v in attrs.values()), attrs


# schema.org property names, by type (schema.org/ClaimReview, /Claim, /Rating, /NewsArticle,
# /Organization and the Thing and CreativeWork properties they inherit).
SCHEMA = {
    "ClaimReview": {"claimReviewed", "itemReviewed", "reviewRating", "author", "datePublished",
                    "identifier", "url", "reviewBody"},
    "Claim": {"author", "appearance", "firstAppearance", "datePublished", "text"},
    "Rating": {"alternateName", "ratingExplanation", "ratingValue", "bestRating", "worstRating"},
    "NewsArticle": {"headline", "url", "datePublished", "publisher", "author"},
    "CreativeWork": {"headline", "url", "datePublished", "publisher", "author"},
    "Organization": {"name", "url"},
    "Person": {"name", "url"},
}  # fmt: skip


def check_schema(node: object) -> None:
    if isinstance(node, list):
        for item in node:
            check_schema(item)
    elif isinstance(node, dict):
        kind = node["@type"]
        assert set(node) - {"@type"} <= SCHEMA[kind], (kind, set(node) - SCHEMA[kind])
        for value in node.values():
            check_schema(value)


def test_claimreview_export_from_review_verdicts(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    run("ingest", CORPUS, "--db", db)
    out = tmp_path / "reviews.jsonld"
    empty = run("export", "claimreview", "--org", "Desk", "--db", db, "-o", out)
    assert json.loads(out.read_text())["@graph"] == []
    assert "no reviewed findings or claims yet" in empty.stderr
    status = json.loads(run("review", "status", "--db", db, "--format", "json").stdout)
    finding = next(i for i in status["items"] if i["type"] == "finding")
    claim = next(i for i in status["items"] if i["type"] == "claim")
    run("review", "decide", finding["id"], "--verdict", "confirmed", "--note", "both checked",
        "--reviewer", "A. Analyst", "--db", db)  # fmt: skip
    run("review", "decide", claim["id"], "--verdict", "wrong-source", "--source", "Dr. Example",
        "--reviewer", "A. Analyst", "--db", db)  # fmt: skip
    run("export", "claimreview", "--org", "Desk", "--db", db, "-o", out)
    document = json.loads(out.read_text())
    assert document["@context"] == "https://schema.org"
    reviews = document["@graph"]
    check_schema(reviews)
    assert [r["identifier"] for r in reviews] == [finding["id"], claim["id"]]
    assert all(r["author"] == {"@type": "Organization", "name": "Desk"} for r in reviews)
    assert reviews[0]["reviewRating"] == {
        "@type": "Rating", "alternateName": "Finding confirmed",
        "ratingExplanation": "both checked",
    }  # fmt: skip
    assert reviews[0]["claimReviewed"].startswith(f"{finding['kind']}: {finding['finding']}")
    assert reviews[1]["reviewRating"]["alternateName"] == "Wrong source: Dr. Example"
    assert reviews[0]["itemReviewed"]["@type"] == "Claim"
    assert reviews[0]["itemReviewed"]["appearance"][0]["headline"]


def test_export_without_a_store_is_one_error_line_and_no_file(tmp_path: Path) -> None:
    out = tmp_path / "claims.graphml"
    result = runner.invoke(app, ["export", "graph", "--db", str(tmp_path / "none.db"),
                                 "-o", str(out)])  # fmt: skip
    assert result.exit_code == 2 and not out.exists()
    assert result.stderr.strip().splitlines() == [
        f"reconcile: error: {tmp_path / 'none.db'}: no such store (create it with "
        "`reconcile ingest`)"
    ]
    missing_org = runner.invoke(app, ["export", "claimreview", "--db", str(tmp_path / "x.db")])
    assert missing_org.exit_code == 2 and "--org" in missing_org.stderr
