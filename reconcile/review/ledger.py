"""Verdicts, sessions and the append-only audit log, in the store's review tables.

Each verdict is written when it is given, in its own write transaction (SQLite's
`BEGIN IMMEDIATE`, or the PostgreSQL store's advisory write lock: reconcile/backends/), so a
session killed half-way loses nothing already answered. The current verdict of an item carries
a version; deciding an item that someone else decided since you loaded it is refused with who
and when (an optimistic check: nothing is locked while a reviewer reads). Every verdict given,
including each change, is appended to `review_log`, which triggers keep append-only.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from reconcile.backends import transaction
from reconcile.errors import ReconcileError
from reconcile.review.items import Item
from reconcile.review.verdicts import BY_NAME, Verdict, verdicts_for

if TYPE_CHECKING:
    from reconcile.store import Store


class ReviewConflict(Exception):
    """Another reviewer decided the item since it was loaded (the CLI exits 1)."""


@dataclass
class Decision:
    """The current verdict on one item."""

    item: str
    type: str
    verdict: str
    reviewer: str
    decided_at: str
    version: int
    note: str = ""
    value: dict[str, Any] = field(default_factory=dict)
    claims: list[str] = field(default_factory=list)
    session: int | None = None

    def to_review(self) -> dict[str, Any]:
        """Return the `review` field the reports carry for a decided item."""
        return {"verdict": self.verdict, "reviewer": self.reviewer, "at": self.decided_at,
                "note": self.note, "value": self.value}  # fmt: skip


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _transaction(db: Any) -> Any:
    """One write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: the store's write lock)."""
    return transaction(db)


def _decision(row: sqlite3.Row) -> Decision:
    return Decision(row["item"], row["type"], row["verdict"], row["reviewer"], row["decided_at"],
                    row["version"], row["note"], json.loads(row["value"]),
                    json.loads(row["claims"]), row["session"])  # fmt: skip


def current(db: sqlite3.Connection, item_id: str) -> Decision | None:
    """Return the current verdict on an item, or None while it is open."""
    row = db.execute("SELECT * FROM review_verdicts WHERE item = ?", (item_id,)).fetchone()
    return _decision(row) if row else None


def decisions(db: sqlite3.Connection) -> dict[str, Decision]:
    """Return every current verdict by item id."""
    return {r["item"]: _decision(r) for r in db.execute("SELECT * FROM review_verdicts")}


def log_entries(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Return the audit log, oldest first: at, reviewer, item, type, old, new, note, value."""
    return [
        {"at": r["at"], "reviewer": r["reviewer"], "item": r["item"], "type": r["type"],
         "old": r["old"], "new": r["new"], "note": r["note"], "value": json.loads(r["value"]),
         "session": r["session"]}
        for r in db.execute("SELECT * FROM review_log ORDER BY id")
    ]  # fmt: skip


def sessions(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Return the review sessions, oldest first."""
    return [dict(r) for r in db.execute("SELECT * FROM review_sessions ORDER BY id")]


def start_session(db: sqlite3.Connection, reviewer: str, event: str | None) -> int:
    """Record a session's start; return its id."""
    with _transaction(db):
        (session,) = db.execute(
            "INSERT INTO review_sessions (reviewer, event, started_at) VALUES (?, ?, ?) "
            "RETURNING id",
            (reviewer, event, now()),
        ).fetchone()
    return int(session)


def end_session(db: sqlite3.Connection, session: int) -> None:
    with _transaction(db):
        db.execute("UPDATE review_sessions SET ended_at = ? WHERE id = ?", (now(), session))


def verdict_for(item: Item, name: str) -> Verdict:
    """Return the verdict called `name` for this item; raise ReconcileError naming the choices."""
    choices = ", ".join(v.name for v in verdicts_for(item.type))
    spec = BY_NAME.get(name)
    if spec is None:
        raise ReconcileError(f"unknown verdict {name!r} (for a {item.type}: {choices})")
    if spec.applies_to != item.type:
        raise ReconcileError(f"{name!r} is a verdict on a {spec.applies_to}; {item.id} is a "
                             f"{item.type} ({choices})")  # fmt: skip
    return spec


def check_value(spec: Verdict, item: Item, value: dict[str, Any]) -> dict[str, Any]:
    """Return the value a verdict needs, checked; raise ReconcileError saying what is missing."""
    value = {k: v for k, v in value.items() if v is not None and v != ""}
    if spec.name == "wrong-source" and not str(value.get("source", "")).strip():
        raise ReconcileError("wrong-source needs the right source (--source NAME)")
    if spec.name == "wrong-figure":
        if not {"kind", "low", "high"} & set(value):
            raise ReconcileError(
                "wrong-figure needs the right kind or figure (--kind, --low, --high)"
            )
        _ordered(value.get("low"), value.get("high"))
    if spec.name == "set-figure":
        if "best" not in value:
            raise ReconcileError("set-figure needs at least the best figure (--best N)")
        value.setdefault("low", value["best"])
        _ordered(value["low"], value["best"], value.get("high"))
    if spec.name == "different-events":
        value.setdefault("split", item.claims[-1])
        if value["split"] not in item.claims:
            raise ReconcileError(f"--split {value['split']}: not a claim of {item.id} "
                                 f"({', '.join(item.claims)})")  # fmt: skip
    return {k: v for k, v in value.items() if k in spec.needs}


def _ordered(*numbers: float | None) -> None:
    given = [n for n in numbers if n is not None]
    if given != sorted(given):
        raise ReconcileError(f"figures must not decrease (low <= best <= high): {given}")


def decide(
    store: Store,
    item: Item,
    verdict: str,
    reviewer: str,
    note: str = "",
    value: dict[str, Any] | None = None,
    seen_version: int | None = None,
    replace: bool = False,
    session: int | None = None,
) -> Decision:
    """Record a verdict on an item and log it; return the new current verdict.

    `seen_version` is the version the reviewer was shown (0: open). Without it, an item
    decided by another reviewer is refused unless `replace`; with it, any change since is
    refused unless `replace`. Raises ReconcileError for an unknown verdict or a missing value,
    ReviewConflict for a refused change.
    """
    if not reviewer.strip():
        raise ReconcileError("a verdict needs a reviewer's name (--reviewer NAME)")
    spec = verdict_for(item, verdict)
    value = check_value(spec, item, dict(value or {}))
    db = store.connection
    with _transaction(db):
        old = current(db, item.id)
        if old is not None and not replace:
            if seen_version is not None and old.version != seen_version:
                raise ReviewConflict(
                    f"{item.id} was decided by {old.reviewer} at {old.decided_at} "
                    f"({old.verdict}) since you loaded it; not changed"
                )
            if seen_version is None and old.reviewer != reviewer:
                raise ReviewConflict(
                    f"{item.id} is already decided by {old.reviewer} at {old.decided_at} "
                    f"({old.verdict}); --replace to replace it"
                )
        if spec.effect == "split":
            _split(store, [value["split"]] if item.type == "finding" else [item.id], item)
        decision = Decision(item.id, item.type, spec.name, reviewer, now(),
                            (old.version if old else 0) + 1, note, value, list(item.claims),
                            session)  # fmt: skip
        db.execute(
            "INSERT INTO review_verdicts (item, type, verdict, note, value, claims, reviewer, "
            "decided_at, version, session) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (item) DO UPDATE SET type = excluded.type, verdict = excluded.verdict, "
            "note = excluded.note, value = excluded.value, claims = excluded.claims, "
            "reviewer = excluded.reviewer, decided_at = excluded.decided_at, "
            "version = excluded.version, session = excluded.session",
            (item.id, item.type, spec.name, note, json.dumps(value), json.dumps(item.claims),
             reviewer, decision.decided_at, decision.version, session),
        )  # fmt: skip
        db.execute(
            "INSERT INTO review_log (at, reviewer, item, type, old, new, note, value, session) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (decision.decided_at, reviewer, item.id, item.type, old.verdict if old else None,
             spec.name, note, json.dumps(value), session),
        )  # fmt: skip
        if session is not None:
            db.execute("UPDATE review_sessions SET decided = decided + 1 WHERE id = ?", (session,))
    return decision


def _split(store: Store, claim_ids: list[str], item: Item) -> None:
    """Split claims off their event through the store's corrections, inside the open
    transaction, so the split is re-applied after every regrouping. A claim already apart
    from the item's other claims is not split again."""
    db = store.connection
    event = db.execute("SELECT event FROM claims WHERE id = ?", (claim_ids[0],)).fetchone()
    if event is None or event[0] is None:
        raise ReconcileError(f"claim {claim_ids[0]} is not in the store any more")
    members = {r[0] for r in db.execute("SELECT id FROM claims WHERE event = ?", (event[0],))}
    others = [c for c in item.claims if c not in claim_ids]
    if others and not members & set(others):
        return  # already in another event than the rest of the finding
    if members <= set(claim_ids):
        if item.type == "claim":
            return  # the claim is alone in its event already
        raise ReconcileError(f"{', '.join(claim_ids)} is all of {event[0]}: nothing to split off")
    db.execute(
        "INSERT INTO corrections (action, payload, created_at) VALUES ('split', ?, ?)",
        (json.dumps({"claims": claim_ids, "event": event[0], "review": item.id}), now()),
    )
    # The store's own regrouping (as `events split` runs it), in this transaction.
    store._recompute()
