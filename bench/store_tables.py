"""Write every table of a SQLite store to OUT/<table>.csv, rows sorted, time stamps left out.

Two stores built from the same articles by two versions of the code hold the same rows when
`diff -r` of their folders prints nothing: the identity check of a speed change.

    python bench/store_tables.py before.db /tmp/before && python bench/store_tables.py after.db /tmp/after
    diff -r /tmp/before /tmp/after && echo identical
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
from pathlib import Path


def dump(db: Path, out: Path) -> dict[str, int]:
    """Write each table's rows (values as `repr`, sorted) to out/<table>.csv; return the counts.

    Columns ending in `_at` (when a row was written) are left out: they differ between any two
    runs.
    """
    out.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    counts = {}
    tables = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    for (name,) in tables.fetchall():
        cursor = connection.execute(f'SELECT * FROM "{name}"')
        columns = [d[0] for d in cursor.description]
        keep = [i for i, column in enumerate(columns) if not column.endswith("_at")]
        rows = sorted(tuple("" if r[i] is None else repr(r[i]) for i in keep) for r in cursor)
        with open(out / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([columns[i] for i in keep])
            writer.writerows(rows)
        counts[name] = len(rows)
    connection.close()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    for name, count in dump(args.db, args.out).items():
        print(f"{name}\t{count}")


if __name__ == "__main__":
    main()
