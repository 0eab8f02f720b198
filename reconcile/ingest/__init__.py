"""Readers: turn files into Articles, choosing the reader by file extension."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from reconcile.errors import InputError
from reconcile.ingest.files import (
    MAX_ARTICLE_BYTES,
    MAX_FEED_BYTES,
    printable_path,
    read_text_file,
)
from reconcile.ingest.html import read_html_article
from reconcile.ingest.jsonl import read_json, read_jsonl
from reconcile.ingest.offsets import file_map, normalise_line_ends
from reconcile.ingest.text import read_text_article
from reconcile.model import Article

# What a folder given on the command line contributes: article files only. Claim sheets (.csv)
# and notes (.md, a README beside a corpus) are read only when named, so a folder of reports
# with its gold sheet and notes beside it reads as its reports.
FOLDER_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".ndjson", ".json")


def _text(text: str, path: str) -> Iterator[Article]:
    yield read_text_article(text, path)


def _html(text: str, path: str) -> Iterator[Article]:
    yield read_html_article(text, path)


READERS: dict[str, Callable[[str, str], Iterator[Article]]] = {
    ".txt": _text,
    ".text": _text,
    ".md": _text,
    ".html": _html,
    ".htm": _html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
}


def expand_paths(
    paths: Iterable[str | Path], on_skip: Callable[[str, str], None] | None = None
) -> list[str]:
    """Return the paths with each folder replaced by its article files (recursively, sorted).

    Hidden files and folders are skipped, and so is a .json file in a folder that holds no
    article (a manifest, a claim sheet): `on_skip(path, why)` is told of each. A folder with no
    article file is an error naming it; files named directly are passed through unchecked
    (their reader reports what is wrong with them).
    """
    expanded: list[str] = []
    for path in map(Path, paths):
        if not path.is_dir():
            expanded.append(str(path))
            continue
        found = sorted(
            str(f)
            for f in path.rglob("*")
            if f.suffix.lower() in FOLDER_SUFFIXES
            and not any(part.startswith(".") for part in f.relative_to(path).parts)
            and f.is_file()
        )
        kept = []
        for name in found:
            why = not_an_article(name)
            if why and on_skip:
                on_skip(printable_path(name), why)
            elif not why:
                kept.append(name)
        if not kept:
            raise InputError(
                str(path), f"folder holds no article files ({', '.join(FOLDER_SUFFIXES)})"
            )
        expanded.extend(kept)
    return expanded


def not_an_article(path: str) -> str:
    """Return why a .json file found in a folder is not an article feed ("" if it may be one).

    Only files that parse as JSON are judged: a broken one is left to its reader's error.
    """
    if not path.lower().endswith(".json"):
        return ""
    try:
        if Path(path).stat().st_size > MAX_FEED_BYTES:
            return ""
        data = json.loads(Path(path).read_bytes())
    except (OSError, ValueError, RecursionError):
        return ""
    records = data if isinstance(data, list) else [data]
    if any(isinstance(r, dict) and "text" in r for r in records):
        return ""
    if any(isinstance(r, dict) and "kind" in r for r in records):
        return "a claim sheet, not an article (name it to read it)"
    return "JSON without articles (no object with a 'text' field)"


def read_articles(
    path: str | Path,
    outlet: str = "",
    published: str | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
    encoding: str | None = None,
) -> list[Article]:
    """Return the articles in one file; raise InputError naming the file and the problem.

    `max_bytes` limits an article file (a feed may hold many articles: it has MAX_FEED_BYTES);
    `encoding` forces the file's encoding (default: UTF-8, else declared, else detected).
    """
    suffix = Path(path).suffix.lower()
    reader = READERS.get(suffix, _text)
    limit = MAX_FEED_BYTES if suffix in (".jsonl", ".ndjson", ".json") else max_bytes
    # Paths go into reports and JSON: a file name that is not UTF-8 is kept with escapes.
    name = printable_path(path)
    if reader is _text:
        # The file's own characters are kept to map evidence offsets back into it.
        raw = read_text_file(path, limit, encoding, keep_line_ends=True)
        articles = list(reader(normalise_line_ends(raw), name))
        for article in articles:
            article.file_map = file_map(raw, article.text)
    else:
        text = read_text_file(path, limit, encoding)
        articles = list(reader(text, name))
    if not articles:
        raise InputError(name, "holds no articles")
    for article in articles:
        if outlet:
            article.outlet = outlet
        if published:
            from reconcile.dates import require_date

            article.published = require_date(published)
    return articles
