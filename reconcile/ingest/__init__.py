"""Readers: turn files into Articles, choosing the reader by file extension."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from reconcile.errors import InputError
from reconcile.ingest.files import read_text_file
from reconcile.ingest.html import read_html_article
from reconcile.ingest.jsonl import read_json, read_jsonl
from reconcile.ingest.offsets import file_map, normalise_line_ends
from reconcile.ingest.text import read_text_article
from reconcile.model import Article

MAX_FEED_BYTES = 2 * 1024 * 1024 * 1024  # a JSON Lines feed may hold many articles
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


def expand_paths(paths: Iterable[str | Path]) -> list[str]:
    """Return the paths with each folder replaced by its article files (recursively, sorted).

    Hidden files and folders are skipped. A folder with no article file is an error naming it;
    files are passed through unchecked (their reader reports what is wrong with them).
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
        if not found:
            raise InputError(
                str(path), f"folder holds no article files ({', '.join(FOLDER_SUFFIXES)})"
            )
        expanded.extend(found)
    return expanded


def read_articles(
    path: str | Path, outlet: str = "", published: str | None = None
) -> list[Article]:
    """Return the articles in one file; raise InputError naming the file and the problem."""
    name = str(path)
    suffix = Path(name).suffix.lower()
    reader = READERS.get(suffix, _text)
    limit = MAX_FEED_BYTES if suffix in (".jsonl", ".ndjson", ".json") else None
    if reader is _text:
        # The file's own characters are kept to map evidence offsets back into it.
        raw = read_text_file(name, keep_line_ends=True)
        articles = list(reader(normalise_line_ends(raw), name))
        for article in articles:
            article.file_map = file_map(raw, article.text)
    else:
        text = read_text_file(name, limit) if limit else read_text_file(name)
        articles = list(reader(text, name))
    if not articles:
        raise InputError(name, "holds no articles")
    for article in articles:
        if outlet:
            article.outlet = outlet
        if published:
            from reconcile.dates import parse_date

            article.published = parse_date(published) or published
    return articles
