"""JSON Lines and JSON article feeds: one article per line (or a list), `text` required."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from reconcile.errors import InputError
from reconcile.ingest.text import read_text_article
from reconcile.model import Article

OPTIONAL = ("title", "outlet", "url", "published")


def parse_json(text: str, path: str, where: str = "") -> Any:
    """Return the parsed JSON; raise InputError (naming `where`) if it is not JSON or is nested
    too deeply for the parser (Python's recursion limit: about a thousand levels)."""
    prefix = f"{where}: " if where else ""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = "" if where else f" at line {exc.lineno}"
        raise InputError(path, f"{prefix}not valid JSON ({exc.msg}{at})") from exc
    except RecursionError:
        raise InputError(path, f"{prefix}JSON nested too deeply to read") from None


def check_text(value: str, path: str, where: str) -> str:
    """Return value if it is text that can be written as UTF-8; a lone surrogate (JSON allows
    "\\ud800", Unicode does not) raises InputError naming where it is."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            path,
            f"{where}: holds a lone surrogate (\\u{ord(value[exc.start]):04x} at character "
            f"{exc.start}), which is not a character; fix the line's escapes",
        ) from None
    return value


def _article(record: Any, path: str, where: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(path, f"{where}: expected a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(path, f"{where}: missing required field 'text'")
    for key in ("text", *OPTIONAL):
        if isinstance(record.get(key), str):
            check_text(record[key], path, f"{where}, field '{key}'")
    title = str(record.get("title") or "")
    front = (
        "---\n"
        + "".join(f"{k}: {str(record[k]).strip()}\n" for k in OPTIONAL if record.get(k))
        + "---\n"
    )
    # Reuse the text reader so a feed article and the same article as a file read alike.
    article = read_text_article(front + text if title or len(front) > 8 else text, path=path)
    article.path = f"{path}#{where}"
    return article


def read_jsonl(text: str, path: str) -> Iterator[Article]:
    """Yield the articles of a JSON Lines feed; a bad line raises InputError with its number."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        record = parse_json(line, path, f"line {number}")
        yield _article(record, path, f"line {number}")


def read_json(text: str, path: str) -> Iterator[Article]:
    """Yield the articles of a JSON file holding one article object or a list of them."""
    data = parse_json(text, path)
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records, start=1):
        yield _article(record, path, f"item {index}")
