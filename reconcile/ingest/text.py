"""Plain-text articles: optional front matter, or the layout of a saved web page.

A saved web article reads, top to bottom: headline, standfirst line(s), photo caption, byline,
date line, a blank line, then the body. Each leading line gets a layout zone so that captions
never yield claims and headline figures are known to be the outlet's own.
"""

from __future__ import annotations

import re

from reconcile.dates import parse_date, parse_date_line, parse_stamp, require_date
from reconcile.model import Article, Section

FRONT_MATTER_KEYS = {"title", "outlet", "url", "published", "date", "byline", "author"}

# Lines under a headline that are picture captions or credits, not reporting.
CAPTION_MARKERS = re.compile(
    r"\bphoto\s*:|\bphoto by\b|\bphotograph:|/\s*(?:reuters|afp|ap|getty|epa|anadolu)\b"
    r"|\((?:afp|ap|reuters|getty images|epa)\)|\bgetty images\b|\bap photo\b|\bfile photo\b"
    r"|^\s*(?:handout|file)\s+(?:picture|photo|image)\b|\bpicture:|\bimage:|\bcredit:",
    re.I,
)
# Lines inside a body that are not reporting: links to other stories ("Also Read | ...",
# "RELATED: ...", "Related News") and picture captions ("Photo: ...", "... (AP Photo/J. Doe)",
# "... [TESTPRESS]"). A link's figures belong to another story, a caption's to a picture.
LINK_LINE = re.compile(
    r"^\s*(?:related(?:\s+(?:news|stories|articles|content|coverage|reading))?|also\s+read|"
    r"read\s+(?:more|also|next)|see\s+also|more\s+on\s+this(?:\s+story)?|recommended(?:\s+stories)?|"
    r"trending|don'?t\s+miss|must\s+read|you\s+may\s+also\s+like)\s*(?:[:|>»\-–—]|$)",
    re.I,
)
BODY_CAPTION = re.compile(
    r"^\s*(?:photo|photos|picture|image|video|caption|file\s+photo)\s*(?:[:|]|by\b)"
    # An agency credit in capitals in brackets, opening or closing the line: "[YONHAP]".
    r"|(?-i:^\s*\[[A-Z][A-Z .'’-]{1,30}\]\s)"
    # Inside the line, only where one of these can start: "(AP Photo", "AP photo/", "Image
    # credit:", "Photo credit:", "[YONHAP]" (the lookahead lets `re` pass other positions fast).
    r"|(?=[(\[aip])(?:\((?:ap|afp|reuters|epa|getty)\s*(?:photo|images?)\b[^)]*\)\s*$"
    r"|\bap\s+photo/|\bimage\s+credit\s*:|\bphoto\s+credit\s*:"
    r"|(?-i:\[[A-Z][A-Z .'’-]{1,30}\]\s*$))",
    re.I,
)
MAX_CAPTION_CHARS = 300
BYLINE = re.compile(r"^\s*(?:by|words by|reporting by)\s+\S", re.I)
# A headline is a line, not a paragraph: longer first lines mean a plain body with no headline.
MAX_HEADLINE_CHARS = 250
MAX_LABEL_WORDS = 4


def read_text_article(
    text: str, path: str = "", outlet: str = "", published: str | None = None
) -> Article:
    """Return an Article from plain text, reading front matter or the saved-web layout."""
    meta, body = split_front_matter(text)
    article = _from_front_matter(meta, body, path) if meta is not None else _from_layout(text, path)
    if outlet:
        article.outlet = outlet
    if published:
        article.published = require_date(published)
    return article


def split_front_matter(text: str) -> tuple[dict[str, str] | None, str]:
    """Return (metadata, body) for text opening with a `---` block of key: value lines."""
    if not text.startswith("---\n"):
        return None, text
    end = text.find("\n---", 4)
    if end < 0:
        return None, text
    meta: dict[str, str] = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip().strip("\"'")
    body_start = text.find("\n", end + 1)
    return meta, text[body_start + 1 :] if body_start >= 0 else ""


def _from_front_matter(meta: dict[str, str], body: str, path: str) -> Article:
    title = meta.get("title", "")
    body = body.lstrip("\n")
    # The title is part of the article text (headlines carry claims), placed first with its
    # own zone so offsets into `text` stay valid for every claim.
    text = f"{title}\n\n{body}" if title else body
    sections = [Section("headline", 0, len(title))] if title else []
    sections += body_sections(text, len(title) + 2 if title else 0, len(text))
    published = meta.get("published") or meta.get("date") or ""
    return Article.from_text(
        text,
        path=path,
        title=title,
        outlet=meta.get("outlet", ""),
        url=meta.get("url", ""),
        published=parse_date(published) or None,
        byline=meta.get("byline") or meta.get("author", ""),
        sections=sections,
    )


def body_sections(text: str, start: int, end: int) -> list[Section]:
    """Return the body [start, end) as sections: link and caption lines get their own zones
    (which carry no claims), the runs between them stay "body"."""
    sections: list[Section] = []
    run_start = pos = start
    while pos < end:
        line_end = text.find("\n", pos, end)
        line_end = end if line_end < 0 else line_end
        line = text[pos:line_end]
        zone = ""
        if LINK_LINE.match(line):
            zone = "link"
        elif len(line) <= MAX_CAPTION_CHARS and BODY_CAPTION.search(line):
            zone = "caption"
        if zone:
            if pos > run_start:
                sections.append(Section("body", run_start, pos))
            sections.append(Section(zone, pos, line_end))
            run_start = line_end
        pos = line_end + 1
    if end > run_start or not sections:
        sections.append(Section("body", run_start, end))
    return sections


def classify_lead_line(line: str) -> str:
    """Return the layout zone of a line in the block under the headline."""
    if CAPTION_MARKERS.search(line):
        return "caption"
    if BYLINE.match(line):
        return "byline"
    if parse_date_line(line):
        return "dateline"
    stripped = line.strip()
    if (
        len(stripped.split()) <= MAX_LABEL_WORDS
        and not re.search(r"[.!?:\d]$", stripped)
        and not re.search(r"\d", stripped)
    ):
        return "label"  # an outlet name or section label ("Fast News")
    return "standfirst"


def _from_layout(text: str, path: str) -> Article:
    sections: list[Section] = []
    title = byline = ""
    published = None
    pos = len(text) - len(text.lstrip("\n"))
    block_end = text.find("\n\n", pos)
    block_end = len(text) if block_end < 0 else block_end
    first_end = text.find("\n", pos)
    first_end = len(text) if first_end < 0 else first_end
    first_line = text[pos:first_end]
    if first_line.strip() and len(first_line) <= MAX_HEADLINE_CHARS:
        title = first_line.strip()
        sections.append(Section("headline", pos, first_end))
        line_start = first_end + 1
        while line_start < block_end:
            line_end = text.find("\n", line_start, block_end)
            line_end = block_end if line_end < 0 else line_end
            line = text[line_start:line_end]
            if line.strip():
                zone = classify_lead_line(line)
                sections.append(Section(zone, line_start, line_end))
                if zone == "byline" and not byline:
                    byline = re.sub(r"^\s*(?:by|words by|reporting by)\s+", "", line, flags=re.I)
                elif zone == "dateline" and not published:
                    published = parse_date_line(line)
                if not published and zone in ("byline", "standfirst", "label"):
                    published = parse_stamp(line)
            line_start = line_end + 1
        body_start = block_end
    else:
        body_start = pos
    sections += body_sections(text, body_start, len(text))
    return Article.from_text(
        text,
        path=path,
        title=title,
        byline=byline.strip(),
        published=published,
        sections=sections,
    )
