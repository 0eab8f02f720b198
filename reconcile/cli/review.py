"""`reconcile review`: the interactive session, `status`, `decide` and `log`.

Importing this module registers the group on `reconcile.cli.app`. Exit codes as everywhere:
0 recorded, 2 an unknown item or verdict (one error line), and 1 when a verdict is refused
because another reviewer decided the item (the line names who and when).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from tabulate import tabulate

from reconcile.cli.app import app, fail, write_output
from reconcile.cli.store import ListFormat, _db_option, _store
from reconcile.review.ledger import ReviewConflict, decide, log_entries
from reconcile.review.status import find_item, review_status
from reconcile.review.verdicts import VERDICTS

review_app = typer.Typer(
    help="Fact-check review. Without a command: an interactive session (--reviewer NAME) that "
    "walks the open findings, claims and figures, most serious first, records a verdict on each "
    "and resumes where the last one stopped (keys on screen; s skip, b back, q quit). "
    "Verdicts: " + ", ".join(f"{v.name} ({v.applies_to})" for v in VERDICTS) + ".\n\n"
    'Example: reconcile review --db strikes.db --reviewer "A. Analyst" --event E3\n\n'
    "Exit codes: 0 ok; 1 a verdict refused (another reviewer's); 2 no such store, event or item."
)
app.add_typer(review_app, name="review")


@review_app.callback(invoke_without_command=True)
def review(
    ctx: typer.Context,
    db: str | None = _db_option(),
    reviewer: str | None = typer.Option(None, "--reviewer", "-r", help="Your name."),
    event: str | None = typer.Option(None, "--event", "-e", help="Only this event's items."),
) -> None:
    """Walk the open items, most serious first, recording a verdict on each; resumes where the
    last session stopped. Keys: one per verdict (on screen), s skip, b back, q quit.

    Example: reconcile review --db strikes.db --reviewer "A. Analyst" --event E3

    Exit codes: 0 session ended; 2 no such store or event.
    """
    from reconcile.review.session import ReviewSession, standard_terminal

    ctx.obj = db
    if ctx.invoked_subcommand is not None:
        return
    if not reviewer or not reviewer.strip():
        fail("a review session needs --reviewer NAME")
    with _store(db) as store:
        ReviewSession(store, reviewer.strip(), standard_terminal(), event).run()


@review_app.command("status")
def status(
    ctx: typer.Context,
    db: str | None = _db_option(),
    event: str | None = typer.Option(None, "--event", "-e", help="Only this event's items."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or json."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to FILE, not stdout."),
    show: int = typer.Option(10, help="Open items listed in the table (0: none)."),
) -> None:
    """Open and decided items by event, type and reviewer; verdicts whose item is gone.

    Example: reconcile review status --db strikes.db --event E3

    Exit codes: 0 ok; 2 no such store.
    """
    with _store(db or ctx.obj) as store:
        if event and not store.rows("SELECT 1 FROM events WHERE id = ?", (event,)):
            fail(f"no event {event} in {store.path} (see `reconcile events`)")
        result = review_status(store, event)
    if fmt is ListFormat.json:
        write_output(json.dumps(result, indent=2, ensure_ascii=False) + "\n", output)
    elif fmt is ListFormat.csv:
        fail("review status: --format table or json")
    else:
        write_output(_status_table(result, show), output)


def _status_table(result: dict[str, Any], show: int) -> str:
    counts = result["counts"]
    out = [f"{counts['items']} item(s): {counts['decided']} decided, {counts['open']} open", ""]
    rows = [
        [event, kind, n["open"], n["decided"]]
        for event in counts["by_event"]
        for kind, n in _by_event_type(result["items"], event).items()
    ]
    out.append(tabulate(rows, headers=["event", "type", "open", "decided"], tablefmt="simple"))
    if counts["by_reviewer"]:
        out += ["", tabulate(sorted(counts["by_reviewer"].items()),
                             headers=["reviewer", "decided"], tablefmt="simple")]  # fmt: skip
    open_items = [i for i in result["items"] if i["state"] == "open"][:show]
    if open_items:
        out += ["", "Next open items (most serious first):"]
        out += [f"  {i['id']:<15} {i['event']:<5} {i['finding'] or i['type']:<20} {i['kind']}"
                for i in open_items]  # fmt: skip
    if result["sessions"]:
        last = result["sessions"][-1]
        ended = f"ended {last['ended_at']}" if last["ended_at"] else "did not end (killed?)"
        out += ["", f"{len(result['sessions'])} session(s); the last: {last['reviewer']}, "
                    f"started {last['started_at']}, {ended}, {last['decided']} decided"]  # fmt: skip
    if result["detached"]:
        out += ["", "Verdicts whose item is gone:"]
        out += [f"  {d['id']} {d['verdict']} by {d['reviewer']} ({d['at'][:10]}): {d['reason']}"
                for d in result["detached"]]  # fmt: skip
    return "\n".join(out) + "\n"


def _by_event_type(items: list[dict[str, Any]], event: str) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {}
    for item in items:
        if item["event"] == event:
            row = table.setdefault(item["type"], {"open": 0, "decided": 0})
            row[item["state"]] += 1
    return table


@review_app.command("decide")
def decide_command(
    ctx: typer.Context,
    item_id: str = typer.Argument(..., help="The item's id (see `reconcile review status`)."),
    verdict: str = typer.Option(..., "--verdict", "-v", help="The verdict (see --help above)."),
    reviewer: str = typer.Option(..., "--reviewer", "-r", help="Your name."),
    note: str = typer.Option("", "--note", "-n", help="Why, in a few words."),
    db: str | None = _db_option(),
    replace: bool = typer.Option(
        False, "--replace", help="Replace another reviewer's verdict (logged)."
    ),
    source: str | None = typer.Option(None, help="wrong-source: the right source."),
    kind: str | None = typer.Option(None, help="wrong-figure: the right kind."),
    low: float | None = typer.Option(None, help="wrong-figure, set-figure: the low end."),
    best: float | None = typer.Option(None, help="set-figure: the best figure."),
    high: float | None = typer.Option(None, help="wrong-figure, set-figure: the high end."),
    split: str | None = typer.Option(
        None, help="different-events: the claim that is about another event (default: 2nd)."
    ),
) -> None:
    """Record a verdict on one item (exit 1 if another reviewer decided it: --replace).

    Example: reconcile review decide fef39f66ac8 --verdict confirmed --reviewer "A. Analyst"

    Exit codes: 0 recorded; 1 another reviewer decided it; 2 no such store, item or verdict.
    """
    value = {"source": source, "kind": kind, "low": _n(low), "best": _n(best),
             "high": _n(high), "split": split}  # fmt: skip
    with _store(db or ctx.obj) as store:
        item = find_item(store, item_id)
        if item is None:
            fail(f"no review item {item_id!r} in {store.path} (see `reconcile review status`)")
        try:
            made = decide(store, item, verdict, reviewer.strip(), note, value, replace=replace)
        except ReviewConflict as exc:
            typer.echo(f"reconcile: refused: {exc}", err=True)
            raise typer.Exit(1) from None
    typer.echo(f"recorded: {made.item} {made.verdict} by {made.reviewer} "
               f"(version {made.version})", err=True)  # fmt: skip


def _n(value: float | None) -> float | int | None:
    return int(value) if value is not None and value.is_integer() else value


@review_app.command("log")
def log(
    ctx: typer.Context,
    db: str | None = _db_option(),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or json."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to FILE, not stdout."),
) -> None:
    """The audit trail: every verdict given, oldest first (who, when, item, old, new, note).

    Example: reconcile review log --db strikes.db --format json

    Exit codes: 0 ok; 2 no such store.
    """
    with _store(db or ctx.obj) as store:
        entries = log_entries(store.connection)
    if fmt is ListFormat.json:
        write_output(json.dumps(entries, indent=2, ensure_ascii=False) + "\n", output)
        return
    if fmt is ListFormat.csv:
        fail("review log: --format table or json")
    if not entries:
        typer.echo("no verdicts yet", err=True)
        return
    rows = [[e["at"], e["reviewer"], e["item"], e["old"] or "", e["new"], e["note"]]
            for e in entries]  # fmt: skip
    headers = ["at", "reviewer", "item", "old", "new", "note"]
    write_output(tabulate(rows, headers=headers, tablefmt="simple",
                          maxcolwidths=[None] * 5 + [40]) + "\n", output)  # fmt: skip
