"""Where a review stands: every item with its state, counts, and verdicts whose item is gone."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from reconcile.review.items import Item, review_items
from reconcile.review.ledger import Decision, decisions, sessions

if TYPE_CHECKING:
    from reconcile.store import Store


def current_items(store: Store) -> tuple[list[Item], dict[str, Decision]]:
    """Return the store's review items, most serious first, and the current verdicts."""
    decided = decisions(store.connection)
    kept = {i for i, d in decided.items() if d.type == "claim"}
    return review_items(store.analysis(), kept), decided


def find_item(store: Store, item_id: str) -> Item | None:
    """Return the review item with this id; any stored claim of an event is one (a reviewer may
    judge a claim no finding rests on, such as a single source's)."""
    items, _ = current_items(store)
    found = next((i for i in items if i.id == item_id), None)
    if found is None:
        rows = store.rows("SELECT event, kind FROM claims WHERE id = ?", (item_id,))
        if rows and rows[0]["event"]:
            found = Item(item_id, "claim", rows[0]["event"], rows[0]["kind"], [item_id])
    return found


def review_status(store: Store, event: str | None = None) -> dict[str, Any]:
    """Return {"items": [...], "counts": {...}, "detached": [...], "sessions": [...]}."""
    items, decided = current_items(store)
    rows = []
    by_event: dict[str, Counter] = defaultdict(Counter)
    by_type: dict[str, Counter] = defaultdict(Counter)
    by_reviewer: Counter = Counter()
    for item in items:
        if event and item.event != event:
            continue
        decision = decided.get(item.id)
        state = "decided" if decision else "open"
        rows.append({"id": item.id, "type": item.type, "event": item.event, "kind": item.kind,
                     "finding": item.relation or None, "state": state,
                     "verdict": decision.verdict if decision else None,
                     "reviewer": decision.reviewer if decision else None,
                     "at": decision.decided_at if decision else None,
                     "claims": item.claims})  # fmt: skip
        by_event[item.event][state] += 1
        by_type[item.type][state] += 1
        if decision:
            by_reviewer[decision.reviewer] += 1
    present = {i.id for i in items}
    counts = {
        "items": len(rows),
        "open": sum(r["state"] == "open" for r in rows),
        "decided": sum(r["state"] == "decided" for r in rows),
        "by_event": {e: dict(c) for e, c in by_event.items()},
        "by_type": {t: dict(c) for t, c in by_type.items()},
        "by_reviewer": dict(by_reviewer),
    }
    detached = [] if event else _detached(store, decided, present)
    return {"items": rows, "counts": counts, "detached": detached,
            "sessions": sessions(store.connection)}  # fmt: skip


def _detached(
    store: Store, decided: dict[str, Decision], present: set[str]
) -> list[dict[str, Any]]:
    """Return the verdicts whose item is no longer made, each with the reason in words."""
    gone = [d for i, d in decided.items() if i not in present]
    if not gone:
        return []
    events = {r["id"]: r["event"] for r in store.rows("SELECT id, event FROM claims")}
    out = []
    for decision in gone:
        missing = [c for c in decision.claims if c not in events]
        if missing:
            reason = f"claim(s) {', '.join(missing)} no longer in the store"
        elif decision.verdict == "different-events":
            apart = sorted({events[c] or "no event" for c in decision.claims})
            reason = f"applied: the claims are now in {', '.join(apart)}"
        else:
            now_in = sorted({events[c] or "no event" for c in decision.claims})
            reason = f"the machine no longer makes this item (claims now in {', '.join(now_in)})"
        out.append({"id": decision.item, "type": decision.type, "verdict": decision.verdict,
                    "reviewer": decision.reviewer, "at": decision.decided_at,
                    "claims": decision.claims, "reason": reason})  # fmt: skip
    return out
