"""The SQLite backend: a store in one file.

The file is opened in WAL mode (readers never block the writer; a killed writer leaves the last
committed state) with foreign keys on. Writes take `BEGIN IMMEDIATE`, so two writers queue (30 s
timeout) instead of failing half-way. The schema version is also kept in PRAGMA user_version.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reconcile.errors import ReconcileError

SQLITE_HEADER = b"SQLite format 3\x00"
# A new store's page size. An article's row (2-4 KB of text) fits SQLite's default 4 KB page
# one to a page, a quarter of it empty; 16 KB pages hold five and waste a few percent, which
# takes a tenth off a store (measured on bench's 10,000 articles: README, "The store").
PAGE_SIZE = 16384


@contextmanager
def write_transaction(db: sqlite3.Connection) -> Iterator[None]:
    """Run the block in one write transaction: all of it is committed, or none of it."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.in_transaction:  # SQLite may have rolled back already (disk full)
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


class SqliteBackend:
    """A store file, opened (created if allowed) and configured."""

    kind = "sqlite"

    def __init__(self, target: str | os.PathLike[str], create: bool, readonly: bool) -> None:
        self.path = Path(target)
        self.name = name = str(self.path)
        if self.path.is_dir():
            raise ReconcileError(f"{name}: is a folder, not a store file")
        fresh = not self.path.exists() or self.path.stat().st_size == 0
        if self.path.exists():
            _check_header(self.path)
        elif not create:
            raise ReconcileError(f"{name}: no such store (create it with `reconcile ingest`)")
        elif not self.path.resolve().parent.is_dir():
            raise ReconcileError(f"{name}: folder {self.path.resolve().parent} does not exist")
        try:
            self.connection = _connect(self.path, readonly)
        except sqlite3.Error as exc:
            raise ReconcileError(f"{name}: cannot open ({exc})") from exc
        try:
            self.connection.row_factory = sqlite3.Row
            self.connection.execute("PRAGMA foreign_keys = ON")
            if not readonly:  # both write to the file
                if fresh:  # only before the first table, and before WAL mode
                    self.connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")
                self.connection.execute("PRAGMA journal_mode = WAL")
        except sqlite3.DatabaseError as exc:
            self.connection.close()
            raise ReconcileError(f"{name}: not a usable SQLite database ({exc})") from exc

    def transaction(self) -> contextmanager:
        return write_transaction(self.connection)

    def schema_version(self) -> int:
        return int(self.connection.execute("PRAGMA user_version").fetchone()[0])

    def record_version(self, number: int) -> None:
        self.connection.execute(f"PRAGMA user_version = {int(number)}")

    def table_names(self) -> set[str]:
        rows = self.connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        return {r[0] for r in rows} - {"sqlite_sequence"}

    def defer_foreign_keys(self) -> None:
        self.connection.execute("PRAGMA defer_foreign_keys = ON")

    def after_migrations(self, applied: list[str], old_version: int) -> None:
        if "m006_lean" in applied and old_version > 0:
            self._vacuum()

    def after_copy(self) -> None:
        """Nothing to do: AUTOINCREMENT follows the largest id inserted."""

    def _vacuum(self) -> None:
        """Give back the space of dropped tables, in the new store's page size, if no other
        connection has the store open (else later writes reuse the free pages in the file)."""
        db = self.connection
        try:
            db.execute("PRAGMA journal_mode = DELETE")  # the page size is fixed in WAL
            db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            db.execute("VACUUM")
        except sqlite3.OperationalError:
            pass  # busy: another process has the store open
        finally:
            db.execute("PRAGMA journal_mode = WAL")

    def close(self) -> None:
        self.connection.close()


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    """Return a connection to the store file; read-only ones never write to it (or beside it,
    unless a writer left its WAL files), so a file the user cannot write can still be read."""
    if not readonly:
        return sqlite3.connect(str(path), isolation_level=None, timeout=30)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30)
    try:
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A WAL store in a folder we may not write, with no -shm file left beside it, cannot be
        # opened read-only (sqlite.org/wal.html, "Read-Only Databases"); as an immutable file
        # it can (a writer elsewhere, if any, goes unseen until the next command).
        db.close()
        db = sqlite3.connect(f"{uri}&immutable=1", uri=True, isolation_level=None, timeout=30)
    return db


def _check_header(path: Path) -> None:
    """Raise ReconcileError unless the file is empty or starts with the SQLite header."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ReconcileError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if head and head != SQLITE_HEADER:
        raise ReconcileError(f"{path}: not a SQLite database, so not a reconcile store")
