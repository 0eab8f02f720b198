"""One picklable Settings object: what a run reads and decides with, carried to every worker.

The word lists and alias tables are module data, compiled once per process. A kind registered
or an alias file loaded in the parent used to live only there: a worker started with `spawn`
(the default on macOS and Windows, and on Linux from Python 3.14), or a Dask worker on another
machine, imported the modules afresh and never saw it. The pipeline now snapshots the settings
in the parent (`Settings.current`) and every worker installs them (`install`) before it
extracts, so the same articles give the same claims whatever runs them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from reconcile.errors import InputError
from reconcile.extract import vocab
from reconcile.extract.vocab import KindWords

VAGUE_READINGS = ("interval", "acled")
RULES = ("range", "acled")


@dataclass(frozen=True)
class Settings:
    """How a run reads figures and reconciles them, and the words and places it knows."""

    vague: str = "interval"  # reading of vague amounts: "interval" or "acled"
    rule: str = "range"  # reconciliation rule: "range" (UCDP) or "acled"
    kinds: tuple[tuple[str, KindWords], ...] = ()  # kinds registered beyond the built-in ones
    place_aliases: tuple[tuple[str, str], ...] = ()  # (alias, canonical) beyond data/places.csv
    _checked: bool = field(default=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.vague not in VAGUE_READINGS:
            raise ValueError(f"vague reading {self.vague!r}: one of {', '.join(VAGUE_READINGS)}")
        if self.rule not in RULES:
            raise ValueError(f"rule {self.rule!r}: one of {', '.join(RULES)}")

    @classmethod
    def current(cls, vague: str = "interval", rule: str = "range") -> Settings:
        """Return the settings of this process: its registered kinds and loaded aliases."""
        from reconcile import places

        return cls(vague, rule, tuple(vocab.REGISTERED.items()), tuple(places.ADDED))

    def with_kind(self, name: str, words: KindWords) -> Settings:
        """Return these settings with one more kind of count."""
        kinds = tuple((n, w) for n, w in self.kinds if n != name) + ((name, words),)
        return Settings(self.vague, self.rule, kinds, self.place_aliases)

    def with_place_file(self, path: str | Path) -> Settings:
        """Return these settings with the aliases of a CSV file (alias, canonical) added.

        The rows are read here, in the parent, so a worker needs no access to the file."""
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                rows = [
                    (row[0].strip(), row[1].strip())
                    for row in csv.reader(handle)
                    if len(row) >= 2 and row[0].strip() and not row[0].startswith("#")
                    and row[0].strip().lower() != "alias"
                ]  # fmt: skip
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(str(path), f"cannot read place aliases ({exc})") from exc
        return Settings(self.vague, self.rule, self.kinds, self.place_aliases + tuple(rows))

    def install(self) -> None:
        """Make this process extract with these settings (idempotent, cheap when repeated)."""
        from reconcile import places
        from reconcile.extract.kinds import reset_grammar

        changed = False
        for name, words in self.kinds:
            if vocab.KINDS.get(name) != words:
                vocab.register_kind(name, words)
                changed = True
        if changed:
            reset_grammar()
        missing = [row for row in self.place_aliases if row not in places.ADDED]
        if missing:
            places.add_alias_rows(missing)
