"""Output any reader accepts: strict JSON in valid UTF-8, and CSV cells a spreadsheet won't run.

JSON has no Infinity or NaN (Python's `json` writes them unless told not to), so a non-finite
number is written as null. A string holding a lone surrogate (a file name that is not UTF-8,
decoded by Python with `surrogateescape`) cannot be written as UTF-8; such a row is written with
`\\u` escapes instead, which every JSON reader accepts. A CSV cell that starts with `=`, `+`, `-`,
`@`, a tab or a carriage return is read as a formula by spreadsheets (CSV injection); it gets a
leading `'`, as OWASP recommends. Numbers are not text and stay as they are.
"""

from __future__ import annotations

import json
import math
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def finite(value: Any) -> Any:
    """Return the value with every non-finite float (inf, -inf, nan) replaced by None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def dumps(value: Any, **options: Any) -> str:
    """Return strict JSON text for value (non-finite numbers as null), encodable as UTF-8."""
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False, **options)
    except ValueError:  # Infinity or NaN somewhere: rare, so only then walk the value
        text = json.dumps(finite(value), ensure_ascii=False, allow_nan=False, **options)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: escape it, as JSON allows
        return json.dumps(finite(value), ensure_ascii=True, allow_nan=False, **options)
    return text


def csv_cell(value: Any) -> Any:
    """Return a CSV cell's value, with text that a spreadsheet would run as a formula quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """Return a row with every text cell made safe for spreadsheets (see `csv_cell`)."""
    return {key: csv_cell(value) for key, value in row.items()}


def wrap_cells(rows: list[list[Any]], widths: list[int | None]) -> list[list[Any]]:
    """Return table rows with each text cell wrapped to its column's width (None: as it is).

    tabulate's own `maxcolwidths` re-parses a wrapped cell as a number and fails on a figure
    written with separators ("12,000"), so tables wrap their cells here instead.
    """
    import textwrap

    def wrap(cell: Any, width: int | None) -> Any:
        if width is None or not isinstance(cell, str) or len(cell) <= width:
            return cell
        return "\n".join(
            "\n".join(textwrap.wrap(line, width)) for line in cell.splitlines() if line.strip()
        )

    return [[wrap(cell, width) for cell, width in zip(row, widths, strict=False)] for row in rows]
