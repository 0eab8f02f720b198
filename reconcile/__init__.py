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


def open(db: str | os.PathLike[str] | None = None, create: bool = True) -> Store:  # noqa: A001
    """Return the Store in file `db` (default: $RECONCILE_DB or ./reconcile.db).

    The file is created when missing unless `create` is False; a file that is not a reconcile
    store raises reconcile.errors.ReconcileError.
    """
    from reconcile.store import Store

    return Store(db, create=create)
