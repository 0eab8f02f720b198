"""Where a store lives: a SQLite file or a PostgreSQL database, behind one small interface.

The store's logic (reconcile/store.py, reconcile/review/ledger.py) is written once against a
DB-API connection that takes `?` placeholders and gives rows readable by index and by column
name (what `sqlite3` gives). What differs per database sits in one module each:

- `sqlite.py`: opening the file (header and folder checks, WAL, page size), PRAGMA
  user_version, `BEGIN IMMEDIATE` for writes, deferred foreign keys, VACUUM after migration 6.
- `postgres.py`: psycopg 3, a thin connection that turns `?` into `%s` and the migrations'
  SQLite DDL into PostgreSQL's, a `_migrations` table for the schema version, and one
  transaction-scoped advisory lock that every write takes (the single writer SQLite has).

A target is a file path, or a `postgresql://` URL (libpq's form: user, host, port, dbname).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol

URL_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: str | os.PathLike[str]) -> bool:
    """Return whether a store target names a PostgreSQL database (a postgresql:// URL)."""
    return str(target).startswith(URL_SCHEMES)


class Backend(Protocol):
    """What the store asks of the database it lives in."""

    kind: str  # "sqlite" or "postgres"
    name: str  # for messages: the file path, or the URL without its password
    connection: Any  # DB-API: execute(sql with ?), executemany, rows by index and by name

    def transaction(self) -> Any: ...  # a context manager: one write transaction
    def schema_version(self) -> int: ...
    def record_version(self, number: int) -> None: ...
    def table_names(self) -> set[str]: ...
    def defer_foreign_keys(self) -> None: ...
    def after_migrations(self, applied: list[str], old_version: int) -> None: ...
    def after_copy(self) -> None: ...  # identity keys past the largest id copied
    def close(self) -> None: ...


def database_errors() -> tuple[type[BaseException], ...]:
    """Return the driver exceptions a store command turns into one error line."""
    errors: tuple[type[BaseException], ...] = (sqlite3.Error,)
    try:
        import psycopg
    except ImportError:
        return errors
    return errors + (psycopg.Error,)


@contextmanager
def transaction(db: Any) -> Iterator[None]:
    """Run the block in one write transaction on a store connection of either kind."""
    if isinstance(db, sqlite3.Connection):
        from reconcile.backends.sqlite import write_transaction
    else:
        write_transaction = type(db).write_transaction
    with write_transaction(db):
        yield


def open_backend(target: str | os.PathLike[str], create: bool, readonly: bool) -> Backend:
    """Return the open backend for a store target; raise ReconcileError if it cannot open."""
    if is_postgres(target):
        from reconcile.backends.postgres import PostgresBackend

        return PostgresBackend(str(target), create, readonly)
    from reconcile.backends.sqlite import SqliteBackend

    return SqliteBackend(target, create, readonly)
