"""reconcile: who claims what, about which event, and where the claims conflict.

The Python API over a store (see `reconcile.store`)::

    import reconcile

    with reconcile.open("reconcile.db") as store:
        store.ingest(["article.txt", "coded-claims.csv"])
        store.claims()      # pandas DataFrames: claims, events, relations, articles, reconciled
        store.analysis()    # a reconcile.pipeline.Analysis, for reconcile.report.render
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reconcile.store import Store

__all__ = ["open"]


def open(  # noqa: A001
    db: str | os.PathLike[str] | None = None, create: bool = False, readonly: bool = False
) -> Store:
    """Return the Store in file `db`, or in the PostgreSQL database a `postgresql://` URL
    names (default: $RECONCILE_DB or ./reconcile.db).

    A missing file raises reconcile.errors.ReconcileError, as the CLI's read commands do (a
    typo in the name must not give an empty store), unless `create` is True. `readonly` opens
    the file read-only: it may then be a file you cannot write. A file that is not a reconcile
    store raises ReconcileError.
    """
    from reconcile.store import Store

    return Store(db, create=create, readonly=readonly)
