"""Where a span of the article text stands in the file as stored.

The reader turns a text file into the article text: the byte-order mark is dropped, CRLF line
ends become LF, and a front-matter block is replaced by its title (the headline) and a blank
line. Claims keep offsets into that article text (extraction, sentences and zones need one
text), and a report's evidence `path:start-end` is mapped back to the file's own characters, so
`open(path, encoding="utf-8-sig", newline="").read()[start:end]` is the figure as written.

The map is a list of breakpoints `[text_offset, file_offset]`, sorted: from each breakpoint to
the next, text and file advance together. An empty list means the two are the same; `None`
means the article has no file text to point into (HTML and JSON feeds: the offsets index the
extracted text, which the store keeps and `reconcile show` prints).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reconcile.model import Article

FileMap = list[list[int]]

FILE = "file"  # evidence indexes the file's characters
TEXT = "extracted text"  # evidence indexes the article text the reader built

_TITLE_LINE = re.compile(r"^title[ \t]*:", re.I | re.M)


def normalise_line_ends(raw: str) -> str:
    """Return text with CRLF and lone CR line ends as LF (the article text's line ends)."""
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def file_map(raw: str, text: str) -> FileMap | None:
    """Return the breakpoints from `text` (the article text) into `raw` (the file's decoded
    characters, line ends as stored), or None when the text is not found in the file."""
    normal = normalise_line_ends(raw)
    # normal -> raw: every CRLF before a point shifts it by one.
    crlf = [m.start() for m in re.finditer("\r\n", raw)]
    to_raw = [[0, 0]] + [[p - i, p + 1] for i, p in enumerate(crlf)]  # at the LF's position
    # text -> normal: the same text, or a front-matter title followed by the body.
    if text == normal:
        segments = [[0, 0]]
    else:
        segments = _front_matter_segments(normal, text)
        if segments is None:
            return None
    # Compose: the breakpoints of both maps, expressed as text offsets.
    points = {t for t, _ in segments}
    for index, (t, n) in enumerate(segments):
        t_end = segments[index + 1][0] if index + 1 < len(segments) else len(text)
        for n_break, _ in to_raw:
            if n <= n_break < n + (t_end - t):
                points.add(t + n_break - n)
    breakpoints: FileMap = []
    for t in sorted(points):
        f = _apply(to_raw, _apply(segments, t))
        if not breakpoints or f - t != breakpoints[-1][1] - breakpoints[-1][0]:
            breakpoints.append([t, f])
    return [] if breakpoints == [[0, 0]] else breakpoints


def _front_matter_segments(normal: str, text: str) -> FileMap | None:
    """Return text -> file breakpoints for an article read from front matter, or None."""
    segments: FileMap = []
    body_from = 0
    block_end = normal.find("\n---", 4) if normal.startswith("---\n") else -1
    match = _TITLE_LINE.search(normal, 4, block_end) if block_end > 0 else None
    if match:
        line_end = normal.find("\n", match.end())
        title = normal[match.end() : line_end].strip().strip("\"'")
        where = normal.find(title, match.end(), line_end) if title else -1
        if where >= 0 and text.startswith(title + "\n\n"):
            segments.append([0, where])
            body_from = len(title) + 2
    body = text[body_from:]
    if not normal.endswith(body):
        return None
    segments.append([body_from, len(normal) - len(body)])
    return segments


def _apply(breakpoints: FileMap, offset: int) -> int:
    index = bisect_right(breakpoints, [offset, float("inf")]) - 1
    t, f = breakpoints[max(index, 0)]
    return f + offset - t


def to_file(article: Article, start: int, end: int) -> tuple[int, int]:
    """Return a span of the article text as offsets into the file (unchanged without a map)."""
    mapping = article.file_map
    if not mapping or end <= start:
        return start, end
    return _apply(mapping, start), _apply(mapping, end - 1) + 1


def to_text(article: Article, start: int, end: int) -> tuple[int, int] | None:
    """Return a span of the file as offsets into the article text, or None if the span is not
    in the article text (front matter other than the title)."""
    mapping = article.file_map
    if not mapping or end <= start:
        return start, end
    for index, (t, f) in enumerate(mapping):
        t_end = mapping[index + 1][0] if index + 1 < len(mapping) else len(article.text)
        if f <= start < f + (t_end - t):
            text_start = t + start - f
            text_end = text_start + (end - start)
            # The span may run over a CRLF (one character fewer in the text).
            while text_end > text_start and to_file(article, text_start, text_end)[1] > end:
                text_end -= 1
            return text_start, text_end
    return None


def offsets_index(article: Article | None) -> str:
    """Return which text an article's evidence offsets index: "file" or "extracted text"."""
    return FILE if article is not None and article.file_map is not None else TEXT


def evidence(article: Article | None, article_id: str, start: int, end: int) -> str:
    """Return `path:start-end`, the offsets into the file for text files (see module doc)."""
    if article is None:
        return f"{article_id}:{start}-{end}"
    start, end = to_file(article, start, end)
    return f"{article.path or article.id}:{start}-{end}"
