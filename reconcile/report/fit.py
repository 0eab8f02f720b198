"""Tables and lines that fit a 100-column terminal: long cells wrap, paths lose the folder they
all share (named once above the table), and internal keys read as words."""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

from tabulate import tabulate

TABLE_WIDTH = 100
_GAP = 2  # tabulate's "simple" format puts two spaces between columns
_MIN_COLUMN = 8

# Where a cell may break: after a space, underscore or slash, or after a hyphen unless only
# digits follow (the end of an evidence span, "12-18", stays whole).
_BREAKS = re.compile(r"(?<=[\s_/])|(?<=-)(?!\d+$)")

ROLE_WORDS = {"ngo": "NGO", "anonymous_official": "anonymous official"}


def role_words(role: str) -> str:
    """Return a source role as a reader says it: "anonymous_official" -> "anonymous official"."""
    return ROLE_WORDS.get(role, role.replace("_", " "))


def note_words(note: str) -> str:
    """Return a reconciled figure's note with role keys in parentheses as words."""
    return re.sub(r", (ngo|anonymous_official)\)", lambda m: f", {role_words(m.group(1))})", note)


def _width(cell: Any) -> int:
    return max((len(line) for line in str(cell).split("\n")), default=0)


def fit_table(
    rows: Sequence[Sequence[Any]],
    headers: Sequence[str],
    width: int = TABLE_WIDTH,
    floors: dict[str, int] | None = None,
) -> str:
    """Return a "simple" table no wider than `width`: the widest text columns wrap first, none
    below its floor (`floors` by header, else 8 characters)."""
    if not rows:
        return tabulate([], headers=list(headers), tablefmt="simple")
    count = len(headers)
    # tabulate pads a header by two characters, so a column is never narrower than that.
    natural = [max([_width(headers[i]) + 2] + [_width(r[i]) for r in rows]) for i in range(count)]
    numeric = [all(isinstance(r[i], (int, float)) or r[i] is None for r in rows)
               for i in range(count)]  # fmt: skip
    wanted = floors or {}
    floor = [
        natural[i] if numeric[i]
        else min(natural[i], max(wanted.get(headers[i], _MIN_COLUMN), _width(headers[i]) + 2))
        for i in range(count)
    ]  # fmt: skip
    widths = list(natural)
    while sum(widths) + _GAP * (count - 1) > width:
        shrinkable = [i for i in range(count) if widths[i] > floor[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
    body = [
        [cell if numeric[i] or widths[i] >= natural[i] else _wrap_cell(cell, widths[i])
         for i, cell in enumerate(r)]
        for r in rows
    ]  # fmt: skip
    return tabulate(body, headers=list(headers), tablefmt="simple", disable_numparse=False)


def _wrap_cell(cell: Any, width: int) -> str:
    """Return a cell's text wrapped to `width`, breaking after spaces, hyphens, underscores or
    slashes (a file name breaks between its parts), and inside a part only when it is longer
    than the column."""
    lines: list[str] = []
    for part in str(cell).split("\n"):
        line = ""
        for token in _BREAKS.split(part):
            while len(token) > width:  # a part longer than the column: cut it
                room = width - len(line)
                lines.append(line + token[:room])
                token, line = token[room:], ""
            if len((line + token).rstrip()) > width:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line += token
        lines.append(line.rstrip())
    return "\n".join(lines)


def wrap(text: str, indent: str = "", hang: str = "", width: int = TABLE_WIDTH) -> list[str]:
    """Return a line wrapped to `width`: `indent` before the first line, `hang` before the rest.
    Paths and evidence are never broken inside."""
    return textwrap.wrap(
        text, width=width, initial_indent=indent, subsequent_indent=hang,
        break_long_words=False, break_on_hyphens=False,
    ) or [indent.rstrip()]  # fmt: skip


def shared_folder(paths: Iterable[str]) -> str:
    """Return the folder all these article paths share ("" if none), to name once."""
    folders = {os.path.dirname(p.partition("#")[0]) for p in paths if p}
    if not folders:
        return ""
    try:
        common = os.path.commonpath(list(folders))
    except ValueError:  # absolute and relative paths mixed
        return ""
    return "" if common in ("", ".", os.sep) else common


def shorten(evidence: str, folder: str) -> str:
    """Return evidence with the shared folder taken off the front."""
    if folder and evidence.startswith(folder + os.sep):
        return evidence[len(folder) + 1 :]
    return evidence
