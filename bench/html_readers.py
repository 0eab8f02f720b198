"""Time the HTML reader against trafilatura on the same saved pages (the README's library choice).

    python bench/html_readers.py [--n 500] [--corpus bench/out/corpus-1000] [--layout divs]

Each synthetic article becomes a news page in the shape of fixtures/pages/harbour-blast.html
(metadata tags, a script, navigation, a caption, a related box, a footer; every piece of
furniture carries a number). Both readers run over all pages in one process; the script prints
pages/s, MB/s and how many pages leaked furniture text or lost a body paragraph. trafilatura is
not a dependency of reconcile: install it beside it (`pip install trafilatura lxml_html_clean`)
to run this; without it only reconcile's reader is timed.

`--layout divs` builds the pages without paragraph tags, as some sites do: each paragraph is a
<div> (every other one with a link inside it, as stories link their sources), and between them
sit "Read also" and "Most read" boxes of links whose headlines carry numbers. It measures the
reader's block splitting and its link-density rule for such boxes.
"""

from __future__ import annotations

import argparse
import html
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FURNITURE = ("Storm kills 40 in the north", "Ferry sinking: 31 missing", "Refinery fire kills 6",
             "2 tankers exploded", "120 Harbour Road", "Bus crash leaves 17 hurt",
             "Flood displaces 3,000")  # fmt: skip
READ_ALSO = (
    '<div class="box"><div>Read also</div><div><a href="/x">Bus crash leaves 17 hurt</a></div>'
    '<div><a href="/y">Ferry sinking: 31 missing</a></div></div>'
)
MOST_READ = (
    '<div class="popular"><span>Most read</span><div><span>1</span><a href="/z">Flood '
    'displaces 3,000</a></div><div><span>2</span><a href="/w">Storm kills 40 in the north</a>'
    "</div></div>"
)


def div_paragraphs(paras: list[str]) -> str:
    """Return the paragraphs as <div>s, one with a link in every other, boxes between them."""
    out = []
    for i, p in enumerate(paras):
        words = html.escape(p).split(" ")
        if i % 2 and len(words) > 6:  # link three words in the middle, as a story links a source
            words[3] = f'<a href="/s{i}">{words[3]}'
            words[5] = f"{words[5]}</a>"
        out.append(f'<div class="text">{" ".join(words)}</div>')
        if i == 1:
            out.append(READ_ALSO)
        if i == 3:
            out.append(MOST_READ)
    return "\n".join(out)


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | {outlet}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{published}T08:00:00+00:00">
<script>var teaser = "Storm kills 40 in the north";</script></head>
<body><header><nav><a href="/">Home</a><a href="/w">Ferry sinking: 31 missing</a></nav></header>
<main><article><h1>{title}</h1>
<figure><img src="a.jpg"><figcaption>Smoke after 2 tankers exploded. Photo: Wire</figcaption></figure>
{paragraphs}
<aside class="related"><ul><li>Refinery fire kills 6</li></ul></aside></article></main>
<footer>120 Harbour Road</footer></body></html>"""


def pages(corpus: Path, n: int, layout: str = "paragraphs") -> list[tuple[str, list[str]]]:
    """Return (page html, body paragraphs) for the first n articles of a bench corpus."""
    sys.path.insert(0, str(HERE.parent))
    from reconcile.ingest import read_articles

    out = []
    for path in sorted((corpus / "articles").glob("*.txt"))[:n]:
        (article,) = read_articles(path)
        body = next(s for s in article.sections if s.zone == "body")
        paras = [p.strip() for p in article.text[body.start : body.end].split("\n\n") if p.strip()]
        page = PAGE.format(
            title=html.escape(article.title),
            outlet=html.escape(article.outlet or "The Ledger"),
            published=article.published or "2025-01-01",
            paragraphs=div_paragraphs(paras)
            if layout == "divs"
            else "\n".join(f"<p>{html.escape(p)}</p>" for p in paras),
        )
        out.append((page, paras))
    return out


def measure(name: str, read, items: list[tuple[str, list[str]]]) -> None:  # noqa: ANN001
    start = time.perf_counter()
    texts = [read(page) for page, _ in items]
    seconds = time.perf_counter() - start
    mb = sum(len(page.encode()) for page, _ in items) / 1e6
    leaked = sum(any(f in (t or "") for f in FURNITURE) for t in texts)
    lost = sum(
        any(p[:60] not in (t or "") for p in paras)
        for t, (_, paras) in zip(texts, items, strict=True)
    )
    print(f"{name:<34} {len(items) / seconds:9.0f} pages/s {mb / seconds:7.2f} MB/s   "
          f"pages leaking furniture {leaked:4}   pages losing a paragraph {lost:4}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--corpus", type=Path, default=HERE / "out" / "corpus-1000")
    parser.add_argument("--layout", choices=("paragraphs", "divs"), default="paragraphs")
    args = parser.parse_args()
    if not (args.corpus / "articles").is_dir():
        import make_corpus

        make_corpus.generate(1000, args.corpus, seed=7)
    items = pages(args.corpus, args.n, args.layout)
    from reconcile.ingest.html import read_html_article

    measure(
        "reconcile (selectolax/Lexbor)", lambda p: read_html_article(p, "page.html").text, items
    )
    try:
        import trafilatura
    except ImportError:
        print("trafilatura is not installed here: pip install trafilatura lxml_html_clean")
        return 0
    measure(
        f"trafilatura {trafilatura.__version__} extract",
        lambda p: trafilatura.extract(p, include_comments=False, with_metadata=True),
        items,
    )
    measure(
        f"trafilatura {trafilatura.__version__} fast",
        lambda p: trafilatura.extract(p, include_comments=False, fast=True),
        items,
    )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    raise SystemExit(main())
