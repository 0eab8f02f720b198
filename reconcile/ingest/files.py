"""Reading input files safely: size, emptiness, binary content and encoding, checked up front.

Text is decoded as, in order: the encoding the user forces (`--encoding`); the one a byte order
mark names; UTF-8 (most files); the charset a web page declares in its <meta> tag; else the one
charset-normalizer detects from the bytes (a Windows-1252 file with smart quotes, Latin-1, ...).
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from reconcile.errors import InputError

# A news article is tens of kilobytes and a saved page with its scripts a few hundred; past this
# a file is almost surely not one article. Reading runs at about 0.2-0.4 MB/s of article text,
# so the limit also bounds the time one file can take (see the README's "Bad input").
# `--max-bytes` changes it.
MAX_ARTICLE_BYTES = 5_000_000
# Files of many records (a JSON Lines feed, a claim sheet, a gold sheet) may be far larger.
MAX_FEED_BYTES = 2 * 1024 * 1024 * 1024

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)  # fmt: skip
# <meta charset="windows-1252"> or <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([\w.:-]{1,40})", re.I)
SNIFF_BYTES = 4096
# The WHATWG Encoding Standard (what browsers do): pages labelled Latin-1 or ASCII are read as
# windows-1252, whose bytes 0x80-0x9f are the smart quotes and dashes such pages hold.
WHATWG_LABELS = {label: "cp1252" for label in (
    "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252",
)}  # fmt: skip


def read_text_file(
    path: str | os.PathLike[str],
    max_bytes: int = MAX_ARTICLE_BYTES,
    encoding: str | None = None,
    keep_line_ends: bool = False,
) -> str:
    """Return the file's text as str, or raise InputError naming the file and the problem.

    Line ends become LF unless `keep_line_ends` (evidence offsets point into the file as stored).
    """
    p = Path(path)
    name = printable_path(path)
    if not p.exists():
        raise InputError(name, "no such file")
    if p.is_dir():
        raise InputError(name, "is a directory, not a file")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(
                name,
                f"file is too large ({size:,} bytes; the limit is {max_bytes:,}: "
                "raise it with --max-bytes)",
            )
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from exc
    html = p.suffix.lower() in (".html", ".htm")
    return decode_text(data, name, encoding=encoding, html=html, keep_line_ends=keep_line_ends)


def printable_path(path: str | os.PathLike[str]) -> str:
    """Return the path as text that can be written as UTF-8: bytes of a file name that are not
    UTF-8 (Python keeps them as lone surrogates) become backslash escapes ("caf\\xe9.txt")."""
    name = str(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def decode_text(
    data: bytes,
    name: str,
    encoding: str | None = None,
    html: bool = False,
    keep_line_ends: bool = False,
) -> str:
    """Return bytes decoded as text, or raise InputError for empty, binary or undecodable data."""
    if not data.strip():
        raise InputError(name, "file is empty")
    if data.lstrip()[:5] == b"%PDF-":
        raise InputError(name, "is a PDF, not text; extract its text first (e.g. pdftotext)")
    text = _decode(data, name, encoding, html)
    if "\x00" in text[:8192]:
        raise InputError(name, "looks like a binary file, not text (contains NUL bytes)")
    if keep_line_ends:
        return text
    # Normalise line endings once so character offsets mean the same thing everywhere.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, name: str, encoding: str | None, html: bool) -> str:
    if encoding:
        return _decode_as(data, name, encoding, "--encoding")
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode_as(data, name, codec, "its byte order mark")
    if b"\x00" in data[:8192]:
        raise InputError(name, "looks like a binary file, not text (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        failure = exc
    declared = _META_CHARSET.search(data[:SNIFF_BYTES]) if html else None
    if declared:
        label = declared.group(1).decode("ascii").lower()
        try:  # a label Python does not know, or bytes it does not fit: detect instead
            return data.decode(WHATWG_LABELS.get(label, label))
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(
            name,
            f"is not UTF-8 text (byte 0x{data[failure.start]:02x} at offset {failure.start}) "
            "and its encoding cannot be detected; name it, e.g. --encoding cp1252",
        )
    return str(best)


def _decode_as(data: bytes, name: str, encoding: str, named_by: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(name, f"unknown encoding {encoding!r} (named by {named_by})") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            name,
            f"is not {encoding} text (byte 0x{data[exc.start]:02x} at offset {exc.start}; "
            f"encoding named by {named_by})",
        ) from None
