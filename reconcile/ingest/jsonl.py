"""JSON Lines and JSON article feeds: one article per line (or a list), `text` required."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from reconcile.errors import InputError
from reconcile.ingest.text import read_text_article
from reconcile.model import Article

OPTIONAL = ("title", "outlet", "url", "published")


def _article(record: Any, path: str, where: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(path, f"{where}: expected a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(path, f"{where}: missing required field 'text'")
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
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"line {number}: not valid JSON ({exc.msg})") from exc
        yield _article(record, path, f"line {number}")


def read_json(text: str, path: str) -> Iterator[Article]:
    """Yield the articles of a JSON file holding one article object or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records, start=1):
        yield _article(record, path, f"item {index}")
