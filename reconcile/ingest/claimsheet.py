"""Hand-coded claim sheets: claims a person typed in, as CSV or as a JSON list of objects.

A sheet uses the claim columns of the JSON contract: `id` (optional), `article`, `kind`, `low`,
`high`, `qualifier`, `subject`, `source`, `source_role`, `cue`, `sentence`, `start`, `end`.
Required are `article`, `kind`, `low`, `high`, `source` and `sentence`; `low` or `high` may be
left empty for an open end, but not both. `article` names an article in the store or in the same
ingest, by its id or its path (the path as ingested, relative to the sheet, or a unique file
name). Other columns are kept as they are, in the claim's `extra` JSON. Every claim from a sheet
has origin "human"; without an `id` it gets one from its content, so re-ingesting the same sheet
adds nothing.

Reading is in two steps so that nothing touches the store before every file has been read:
`read_claim_sheet` parses and checks the columns; `sheet_claims` turns rows into Claims once the
articles they point at are known.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from reconcile.errors import InputError
from reconcile.extract import vocab
from reconcile.ingest.files import MAX_FEED_BYTES, read_text_file
from reconcile.ingest.jsonl import check_text
from reconcile.model import MAX_FIGURE, Article, Claim, content_id
from reconcile.roles import ROLES, normalize_source, role_of

REQUIRED = ("article", "kind", "low", "high", "source", "sentence")
OPTIONAL = ("id", "qualifier", "subject", "source_role", "cue", "start", "end")
# Claim fields a sheet may also give; anything else goes to `extra`. `event` is not taken as
# given (the store groups claims itself), so a sheet's event column is kept in `extra`.
_CLAIM_FIELDS = {f.name for f in fields(Claim)} - {"event", "origin", "article"}
KNOWN = set(REQUIRED) | set(OPTIONAL) | _CLAIM_FIELDS
QUALIFIERS = (
    "exact", "range", "at_least", "more_than", "at_most", "less_than", "about", "nearly", "vague",
)  # fmt: skip


@dataclass
class SheetRow:
    """One row of a sheet: where it is ("line 3", "item 2") and its values as read."""

    where: str
    values: dict[str, Any]


@dataclass
class ClaimSheet:
    path: str
    rows: list[SheetRow] = field(default_factory=list)


def read_claim_sheet(path: str | Path) -> ClaimSheet:
    """Return a CSV or JSON claim sheet's rows; raise InputError for bad files or columns."""
    name = str(path)
    text = read_text_file(name, MAX_FEED_BYTES)
    if Path(name).suffix.lower() == ".json":
        sheet = parse_json_sheet(text, name)
        if sheet is None:
            raise InputError(name, "not a claim sheet (expected a list of objects with 'kind')")
        return sheet
    return parse_csv_sheet(text, name)


def parse_csv_sheet(text: str, path: str) -> ClaimSheet:
    """Return the rows of a CSV claim sheet, checking the header and each row's field count."""
    reader = csv.reader(io.StringIO(text), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise InputError(path, f"line {reader.line_num}: malformed CSV ({exc})") from exc
    except StopIteration:
        raise InputError(path, "file is empty") from None
    _check_columns(header, path, "header")
    duplicated = sorted({h for h in header if header.count(h) > 1 and h})
    if duplicated:
        raise InputError(path, f"header: column(s) given twice: {', '.join(duplicated)}")
    sheet = ClaimSheet(path)
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(path, f"line {reader.line_num}: malformed CSV ({exc})") from exc
        if not any(cell.strip() for cell in record):
            continue
        where = f"line {reader.line_num}"
        if len(record) != len(header):
            raise InputError(
                path, f"{where}: {len(record)} field(s), but the header has {len(header)}"
            )
        sheet.rows.append(SheetRow(where, dict(zip(header, record, strict=True))))
    return sheet


def parse_json_sheet(text: str, path: str) -> ClaimSheet | None:
    """Return a JSON claim sheet's rows, or None when the JSON is not a claim sheet.

    A claim sheet is a list of objects (or one object) with a "kind" field; anything else,
    including JSON that does not parse, is left to the article readers, which say what is wrong.
    """
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None
    records = data if isinstance(data, list) else [data]
    if not records or not any(isinstance(r, dict) and "kind" in r for r in records):
        return None
    sheet = ClaimSheet(path)
    for number, record in enumerate(records, start=1):
        where = f"item {number}"
        if not isinstance(record, dict):
            raise InputError(path, f"{where}: expected a JSON object")
        _check_columns(list(record), path, where)
        sheet.rows.append(SheetRow(where, record))
    return sheet


def _check_columns(columns: list[str], path: str, where: str) -> None:
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise InputError(path, f"{where}: missing required column(s): {', '.join(missing)}")


@dataclass
class SheetClaim:
    """A claim from a sheet and the sheet's columns that are not claim fields."""

    claim: Claim
    extra: dict[str, Any]


ArticleFinder = Callable[[str, str], "Article | None"]


def sheet_claims(sheet: ClaimSheet, article_for: ArticleFinder) -> list[SheetClaim]:
    """Return the sheet's rows as claims; `article_for(ref, sheet_path)` finds the article."""
    found: dict[str, SheetClaim] = {}
    for row in sheet.rows:
        item = _claim(row, sheet.path, article_for)
        first = found.setdefault(item.claim.id, item)
        if first is not item and first.claim.to_row() != item.claim.to_row():
            raise InputError(
                sheet.path, f"{row.where}: id {item.claim.id!r} is used for another claim too"
            )
    return list(found.values())


def _claim(row: SheetRow, path: str, article_for: ArticleFinder) -> SheetClaim:
    v = {k: _as_text(val) for k, val in row.values.items()}

    def bad(problem: str) -> InputError:
        return InputError(path, f"{row.where}: {problem}")

    for key, value in v.items():
        check_text(key, path, f"{row.where}, a column name")
        check_text(value, path, f"{row.where}, column {key!r}")

    for column in ("article", "kind", "sentence"):
        if not v.get(column):
            raise bad(f"empty {column}")
    if v["kind"] not in vocab.KINDS:
        raise bad(f"unknown kind {v['kind']!r} (one of {', '.join(vocab.KINDS)})")
    article = article_for(v["article"], path)
    if article is None:
        raise bad(f"article {v['article']!r} is neither in the store nor in this ingest")
    low, high = _number(v.get("low", ""), "low", bad), _number(v.get("high", ""), "high", bad)
    if low is None and high is None:
        raise bad("low and high are both empty (give at least one bound)")
    if low is not None and high is not None and low > high:
        raise bad(f"low ({low}) is greater than high ({high})")
    qualifier = v.get("qualifier") or _qualifier(low, high)
    if qualifier not in QUALIFIERS:
        raise bad(f"unknown qualifier {qualifier!r} (one of {', '.join(QUALIFIERS)})")
    source = v["source"]
    role = v.get("source_role") or role_of(source)
    if role not in ROLES:
        raise bad(f"unknown source_role {role!r} (one of {', '.join(ROLES)})")
    sentence = v["sentence"]
    start = _integer(v.get("start", ""), "start", bad)
    end = _integer(v.get("end", ""), "end", bad)
    found = article.text.find(sentence)
    if start is not None and found >= 0:  # the occurrence that holds the given offset
        near = article.text.rfind(sentence, 0, start + 1)
        found = near if near >= 0 and start <= near + len(sentence) else found
    if found >= 0:
        sentence_start, sentence_end = found, found + len(sentence)
    else:
        sentence_start, sentence_end = start or 0, end or 0
    if start is None:
        start = sentence_start
    if end is None:
        end = sentence_end if start == sentence_start else start
    if not 0 <= start <= end <= len(article.text):
        raise bad(f"start/end {start}-{end} lie outside the article's text")
    located = found >= 0 or v.get("start", "") != ""
    figure = _number(v["figure"], "figure", bad) if v.get("figure") else _figure(low, high)
    claim_id = v.get("id") or content_id("h", article.id, sentence, v["kind"], low, high)
    extra = {k: val for k, val in row.values.items() if k not in KNOWN and k}
    claim = Claim(
        id=claim_id, article=article.id, kind=v["kind"], low=low, high=high,
        qualifier=qualifier, figure=figure, stated=v.get("stated") or _stated(low, high),
        subject=v.get("subject", ""), source=source, source_norm=normalize_source(source),
        source_role=role, cue=v.get("cue", ""), sentence=sentence, start=start, end=end,
        sentence_start=sentence_start, sentence_end=sentence_end,
        zone=v.get("zone") or (article.zone_at(start) if located else "body"),
        hedge=v.get("hedge", ""), part_of=v.get("part_of", ""), origin="human",
    )  # fmt: skip
    return SheetClaim(claim, extra)


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


def _number(value: str, column: str, bad: Callable[[str], InputError]) -> float | None:
    text = value.replace(",", "").replace("_", "").strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise bad(f"{column} {value!r} is not a number") from None
    if not abs(number) <= MAX_FIGURE:  # also inf and nan
        raise bad(
            f"{column} {value!r} is beyond any count (the largest figure is {MAX_FIGURE:.0e})"
        )
    return int(number) if number.is_integer() else number


def _integer(value: str, column: str, bad: Callable[[str], InputError]) -> int | None:
    if not value.strip():
        return None
    try:
        return int(value)
    except ValueError:
        raise bad(f"{column} {value!r} is not a whole number") from None


def _qualifier(low: float | None, high: float | None) -> str:
    if low is None:
        return "at_most"
    if high is None:
        return "at_least"
    return "exact" if low == high else "range"


def _figure(low: float | None, high: float | None) -> float | None:
    return low if low is not None else high


def _stated(low: float | None, high: float | None) -> str:
    """Return the coded interval in words: "11", "3 or more", "up to 15", "30-40"."""
    if high is None:
        return f"{low} or more"
    if low is None:
        return f"up to {high}"
    return f"{low}" if low == high else f"{low}-{high}"
