"""Copying a whole store between backends: an analyst's file into a desk's database, or back.

Every table is copied row for row (ids, verdicts, the audit log, settings and corrections
included), in the order the store reads them, in one write transaction on the destination:
a copy lands whole or not at all. The destination must hold no store data yet.
"""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING

from reconcile.errors import ReconcileError

if TYPE_CHECKING:
    from reconcile.store import Store

# Parents before children (foreign keys), each with the order its rows are read in.
TABLES = (
    ("settings", "id"), ("articles", "rowid"), ("sources", "norm"), ("events", "id"),
    ("claims", "rowid"), ("reconciled", "rowid"), ("corrections", "id"),
    ("review_sessions", "id"), ("review_verdicts", "item"), ("review_log", "id"),
)  # fmt: skip
BATCH = 2000


def _columns(store: Store, table: str) -> list[str]:
    cursor = store.connection.execute(f"SELECT * FROM {table} LIMIT 0")
    return [d[0] for d in cursor.description if d[0] != "rowid"]


def copy_store(source: Store, destination: Store) -> dict[str, int]:
    """Copy every row of `source` into the empty store `destination`; return rows per table.

    Raise ReconcileError when the destination already holds data (nothing is written).
    """
    held = {t: destination.connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t, _ in TABLES}  # fmt: skip
    if any(held.values()):
        busy = ", ".join(f"{n} {t}" for t, n in held.items() if n)
        raise ReconcileError(f"{destination.path}: already holds a store ({busy}); copy into a "
                             "new file or an empty database")  # fmt: skip
    copied: dict[str, int] = {}
    with destination._transaction():
        destination.backend.defer_foreign_keys()
        for table, order in TABLES:
            columns = _columns(source, table)
            quoted = ", ".join('"end"' if c == "end" else c for c in columns)
            rows = iter(source.connection.execute(f"SELECT {quoted} FROM {table} ORDER BY {order}"))
            sql = (f"INSERT INTO {table} ({quoted}) "
                   f"VALUES ({', '.join('?' * len(columns))})")  # fmt: skip
            copied[table] = 0
            while batch := [tuple(r) for r in islice(rows, BATCH)]:
                destination.connection.executemany(sql, batch)
                copied[table] += len(batch)
        destination.backend.after_copy()
    return copied
