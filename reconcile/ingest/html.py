"""Saved web pages: article text without navigation, scripts or captions, and page metadata.

selectolax with its Lexbor HTML5 backend is used because it parses a typical news page in about
half a millisecond and needs no network or model. trafilatura's extraction is cleverer on messy
pages, but `bench/html_readers.py` measured it 7 times slower on the same pages (2.7 times in its
fast mode), with the same text kept and the same furniture dropped.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from reconcile.dates import parse_date
from reconcile.errors import InputError
from reconcile.model import Article, Section

BOILERPLATE = (
    "script, style, noscript, nav, header, footer, aside, form, figure, figcaption, iframe, "
    "svg, button, .related, .share, .social, .newsletter, .advert, .ad, .comments, .caption"
)
BLOCKS = "h1, h2, h3, h4, p, li, blockquote"
# Elements that break text into paragraphs when a page has none of BLOCKS (a page of <div>s).
BREAKING = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
# A box whose text is mostly link text ("Read also", "Most read", a list of teasers) is
# navigation, not reporting: link density above this removes it, as Readability and boilerpipe
# do (they use 0.5 and 0.33). Story paragraphs that link a source or two stay far below it.
LINK_BOXES = frozenset({"div", "section", "ul", "ol", "table", "p", "li"})
MAX_LINK_DENSITY = 0.5
META_KEYS = {
    "title": ("og:title", "twitter:title", "headline"),
    "outlet": ("og:site_name", "application-name", "publisher"),
    "published": ("article:published_time", "date", "pubdate", "publish-date", "dc.date",
                  "datepublished", "parsely-pub-date", "sailthru.date"),
    "url": ("og:url",),
    "byline": ("author", "article:author", "byl"),
}  # fmt: skip


def _meta(tree: HTMLParser) -> dict[str, str]:
    found: dict[str, str] = {}
    values = {}
    for node in tree.css("meta"):
        key = (node.attributes.get("property") or node.attributes.get("name") or
               node.attributes.get("itemprop") or "").lower()  # fmt: skip
        if key and node.attributes.get("content"):
            values.setdefault(key, node.attributes["content"].strip())
    for field, keys in META_KEYS.items():
        for key in keys:
            if key in values:
                found[field] = values[key]
                break
    return found


def _letters(text: str) -> int:
    return len(re.sub(r"\s+", "", text))


def _drop_link_boxes(root: Node) -> None:
    """Remove the boxes whose text is mostly the text of their links, innermost first.

    One pass from the leaves up counts each element's letters and linked letters (a dropped
    box counts for nothing in its parent), so a page of deeply nested boxes stays linear.
    """
    counts: dict[int, tuple[int, int]] = {}  # element -> (letters, letters inside links)
    dropped: list[Node] = []
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if node.tag == "-text":
            counts[node.mem_id] = (_letters(node.text_content or ""), 0)
            continue
        if not children_done:
            stack.append((node, True))
            stack.extend((child, False) for child in node.iter(include_text=True))
            continue
        letters = linked = 0
        for child in node.iter(include_text=True):
            child_letters, child_linked = counts.pop(child.mem_id, (0, 0))
            letters += child_letters
            linked += child_linked
        if node.tag == "a":
            linked = letters
        if node.tag in LINK_BOXES and letters and linked / letters > MAX_LINK_DENSITY:
            dropped.append(node)
            letters = linked = 0
        counts[node.mem_id] = (letters, linked)
    for node in dropped:  # children before their parents: never a node of a removed subtree
        node.decompose()


def _text_blocks(root: Node) -> list[str]:
    """Return the page's text cut at block elements (for pages with no paragraph tags): the
    text nodes under one block element, up to the next block boundary, read as one block."""
    blocks: list[list[str]] = [[]]
    for node in root.traverse(include_text=True):
        if node.tag == "-text":
            blocks[-1].append(node.text_content or "")
        elif node.tag in BREAKING and blocks[-1]:
            blocks.append([])
    return [" ".join(parts) for parts in blocks if parts]


def read_html_article(html: str, path: str = "") -> Article:
    """Return an Article from a saved web page, or raise InputError if it holds no text."""
    tree = HTMLParser(html)
    meta = _meta(tree)
    if "title" not in meta:
        node = tree.css_first("h1") or tree.css_first("title")
        meta["title"] = node.text(strip=True) if node else ""
    if "published" not in meta:
        node = tree.css_first("time[datetime]")
        if node:
            meta["published"] = node.attributes.get("datetime") or ""
    canonical = tree.css_first("link[rel=canonical]")
    if "url" not in meta and canonical:
        meta["url"] = canonical.attributes.get("href") or ""
    for node in tree.css(BOILERPLATE):
        node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body
    if root is None:
        raise InputError(path, "HTML page has no body text")
    _drop_link_boxes(root)
    paragraphs = []
    title = re.sub(r"\s+", " ", meta.get("title", "")).strip()
    blocks = [
        node.text(separator=" ")
        for node in root.css(BLOCKS)
        if not (node.tag == "li" and node.css_first(BLOCKS) not in (None, node))
    ]
    # A page that keeps most of its text outside paragraph tags (a page of <div>s) is read
    # block by block instead.
    if _letters(" ".join(blocks)) * 2 < _letters(root.text(separator=" ")):
        blocks = _text_blocks(root)
    for block in blocks:
        text = re.sub(r"\s+", " ", block).strip()
        if text and text != title and (not paragraphs or paragraphs[-1] != text):
            paragraphs.append(text)
    if not paragraphs:
        raise InputError(path, "HTML page has no article text (no paragraphs found)")
    body = "\n\n".join(paragraphs)
    text = f"{title}\n\n{body}" if title else body
    sections = [Section("headline", 0, len(title))] if title else []
    sections.append(Section("body", len(title) + 2 if title else 0, len(text)))
    return Article.from_text(
        text,
        path=path,
        title=title,
        outlet=meta.get("outlet", ""),
        url=meta.get("url", ""),
        published=parse_date(meta.get("published", "")),
        byline=meta.get("byline", ""),
        sections=sections,
    )
