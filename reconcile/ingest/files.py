"""Reading input files safely: size, emptiness, binary content and encoding, checked up front."""

from __future__ import annotations

import os
from pathlib import Path

from reconcile.errors import InputError

# A news article is tens of kilobytes; a text file past this is almost surely not one article,
# and reading it whole would only waste memory before failing later.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024


def read_text_file(
    path: str | os.PathLike[str], max_bytes: int = MAX_ARTICLE_BYTES, keep_line_ends: bool = False
) -> str:
    """Return the file's text as str, or raise InputError naming the file and the problem.

    Line ends become LF unless `keep_line_ends` (evidence offsets point into the file as stored).
    """
    name = str(path)
    p = Path(path)
    if not p.exists():
        raise InputError(name, "no such file")
    if p.is_dir():
        raise InputError(name, "is a directory, not a file")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(
                name, f"file is too large ({size / 1e6:.1f} MB; limit {max_bytes / 1e6:.0f} MB)"
            )
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from exc
    return decode_text(data, name, keep_line_ends)


def decode_text(data: bytes, name: str, keep_line_ends: bool = False) -> str:
    """Return bytes decoded as UTF-8 text, or raise InputError for empty, binary or other data."""
    if not data.strip():
        raise InputError(name, "file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(name, "looks like a binary file, not text (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            name,
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it, e.g. iconv -f latin1 -t utf-8",
        ) from exc
    if keep_line_ends:
        return text
    # Normalise line endings once so character offsets mean the same thing everywhere.
    return text.replace("\r\n", "\n").replace("\r", "\n")
