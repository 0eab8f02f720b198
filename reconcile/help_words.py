"""Option types in `--help` as words (FILE, DATE, NUMBER, the choices) rather than Python type
names (`<list[str]>`, `<bool>`), which recent typer versions print.

Recent typer asks each parameter for `display_type`/`display_type_rich`; where those exist they
are wrapped so that a metavar, when given, is shown, and otherwise the type name is put in
words. Older typer versions print the metavar themselves and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from typer import core

_WORDS = {
    "str": "TEXT", "int": "NUMBER", "float": "NUMBER", "int range": "NUMBER",
    "float range": "NUMBER", "path": "PATH", "Path": "PATH", "file": "FILE", "dir": "FOLDER",
    "directory": "FOLDER", "datetime": "DATE",
}  # fmt: skip


def type_words(label: str | None, metavar: str | None, is_flag: bool) -> str | None:
    """Return a parameter's type in words: its metavar, its choices, or TEXT, NUMBER, PATH."""
    if is_flag:
        return None
    if metavar:
        return metavar
    if not label:
        return label
    inner = label.strip("<>")
    listed = re.fullmatch(r"list\[(.*)\]", inner)
    word = listed.group(1) if listed else inner
    word = _WORDS.get(word, word)
    return f"{word} ..." if listed else word


def _wrap(original: Callable[..., Any]) -> Callable[..., Any]:
    def display(self: Any, ctx: Any) -> str | None:
        metavar = self.metavar if isinstance(self, core.TyperOption) else None
        return type_words(original(self, ctx), metavar, bool(getattr(self, "is_flag", False)))

    display.__wrapped__ = original  # type: ignore[attr-defined]
    return display


def install() -> None:
    """Make typer's help print types in words (once)."""
    for cls in (core.TyperOption, core.TyperArgument):
        for name in ("display_type", "display_type_rich"):
            method = getattr(cls, name, None)
            if method is not None and not hasattr(method, "__wrapped__"):
                setattr(cls, name, _wrap(method))
