"""The `reconcile` command: a thin typer app over the library, split by command group.

`app.py` holds the app, the options and messages every command shares, and `check`/`eval`; each
other module registers its commands on that app when imported here: `store` (ingest, settings,
events, claims, conflicts, report), `show` (show, sources), `export` (graph, ClaimReview) and
`review` (fact-check sessions). The modules import `app.py`, never this package or each other's
commands, so the imports run one way.
"""

from reconcile.cli import export, review, show, store  # noqa: E402, F401, I001  (register commands)
from reconcile.cli.app import app, main

__all__ = ["app", "main"]
