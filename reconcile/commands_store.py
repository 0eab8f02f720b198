"""Commands over the persistent SQLite store (ingest, events, claims, conflicts, report).

Importing this module registers the commands on `reconcile.cli.app`. Every command takes
`--db FILE` (default: $RECONCILE_DB, else ./reconcile.db). Tables, JSON and CSV go to stdout or
`-o FILE`; progress, summaries and errors go to stderr. A bad input file or store ends the
command with one `reconcile: error: ...` line and exit code 2, and leaves the store as it was.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from tabulate import tabulate

from reconcile.cli import RULE_HELP, Format, Rule, app, fail, max_findings_option, write_output
from reconcile.errors import ReconcileError
from reconcile.ingest import expand_paths
from reconcile.store import CLAIM_COLUMNS, Store, default_db_path

DB_HELP = "Store file (default: $RECONCILE_DB, else ./reconcile.db)."
CONFLICT_TYPES = ("contradicts", "attribution_dropped")


class ListFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _db_option() -> Any:
    return typer.Option(None, "--db", help=DB_HELP, show_default=False)


@contextmanager
def _store(db: Path | None, create: bool = False) -> Iterator[Store]:
    """Open the store, turning any store problem into one error line and exit code 2."""
    path = db or default_db_path()
    try:
        store = Store(path, create=create)
    except ReconcileError as exc:
        fail(str(exc))
    try:
        yield store
    except ReconcileError as exc:
        fail(str(exc))
    except sqlite3.Error as exc:
        fail(f"{path}: {exc}")
    finally:
        store.close()


def _emit(rows: list[dict[str, Any]], columns: list[str], fmt: ListFormat, output: Path | None,
          table_rows: list[list[Any]] | None = None, headers: list[str] | None = None,
          empty: str = "nothing stored") -> None:  # fmt: skip
    """Write rows as a table, CSV or JSON (a list of objects)."""
    if fmt is ListFormat.json:
        text = json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    elif fmt is ListFormat.csv:
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n",
                                extrasaction="ignore")  # fmt: skip
        writer.writeheader()
        writer.writerows(
            {k: json.dumps(v) if isinstance(v, (dict, list)) else v for k, v in r.items()}
            for r in rows
        )
        text = buffer.getvalue()
    else:
        if not rows:
            typer.echo(empty, err=True)
            return
        body = table_rows if table_rows is not None else [[r[c] for c in columns] for r in rows]
        heads = headers or columns
        widths = [None if h == "evidence" else 60 for h in heads]  # paths stay whole
        text = tabulate(body, headers=heads, tablefmt="simple", maxcolwidths=widths) + "\n"
    write_output(text, output)


# --- ingest ------------------------------------------------------------------------------------


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(
        ...,
        help="Articles (.txt, .html, .jsonl, .json), folders of them, and claim sheets "
        "(.csv, .json).",
    ),
    db: Path | None = _db_option(),
    jobs: int = typer.Option(
        0, "--jobs", "-j", help="Extraction processes (0: one per core for large batches)."
    ),
) -> None:
    """Add articles and hand-coded claim sheets to the store, then regroup all events."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    try:
        paths = expand_paths(paths)
    except ReconcileError as exc:
        fail(str(exc))
    path = db or default_db_path()
    created = not path.exists()
    console = Console(stderr=True)
    bar = Progress(
        TextColumn("{task.description:<11}"), BarColumn(), TextColumn("{task.fields[count]}"),
        TimeElapsedColumn(), console=console, transient=True, disable=not console.is_terminal,
    )  # fmt: skip
    task = bar.add_task("reading", total=len(paths), count="")

    def progress(stage: str, done: int, total: int) -> None:
        # Reading and extracting count files and articles; the regrouping steps after them
        # (grouping, relating, reconciling, writing) have no count: the bar pulses.
        counted = total > 1
        bar.update(task, description=stage, completed=done, total=total if counted else None,
                   count=f"{done}/{total}" if counted else "")  # fmt: skip

    summary = None
    try:
        with _store(path, create=True) as store, bar:
            summary = store.ingest(paths, progress=progress, jobs=jobs)
    finally:
        if summary is None and created:
            _remove_store(path)  # a store this command created for input that failed
    typer.echo(summary.line(), err=True)


def _remove_store(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# --- events ------------------------------------------------------------------------------------

events_app = typer.Typer(
    help="List events; `events merge` and `events split` correct the grouping.",
)
app.add_typer(events_app, name="events")


@events_app.callback(invoke_without_command=True)
def events(
    ctx: typer.Context,
    db: Path | None = _db_option(),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to FILE, not stdout."),
) -> None:
    """List the events: id, date, place, label, number of claims and of sources."""
    ctx.obj = db
    if ctx.invoked_subcommand is not None:
        return
    with _store(db) as store:
        frame = store.events()
    rows = [_plain(r) for r in frame.to_dict("records")]
    columns = ["id", "date", "place", "label", "claims", "sources"]
    _emit(rows, columns + ["trigger", "scope"], fmt, output,
          table_rows=[[r[c] for c in columns] for r in rows], headers=columns,
          empty="no events: ingest some articles first")  # fmt: skip


@events_app.command("merge")
def events_merge(
    ctx: typer.Context,
    event_ids: list[str] = typer.Argument(..., help="Two or more event ids, e.g. E1 E4."),
    db: Path | None = _db_option(),
) -> None:
    """Merge events: their claims are one event from now on, also after later ingests."""
    with _store(db or ctx.obj) as store:
        merged = store.merge(event_ids)
        left = store.counts()["events"]
    typer.echo(f"merged {', '.join(event_ids)} into {merged}; {left} event(s)", err=True)


@events_app.command("split")
def events_split(
    ctx: typer.Context,
    event_id: str = typer.Argument(..., help="The event to split, e.g. E3."),
    claims: str = typer.Option(..., "--claims", help="Comma-separated claim ids to split off."),
    db: Path | None = _db_option(),
) -> None:
    """Split claims off an event into an event of their own, also after later ingests."""
    ids = [c.strip() for c in claims.split(",") if c.strip()]
    with _store(db or ctx.obj) as store:
        new = store.split(event_id, ids)
    typer.echo(f"split {len(ids)} claim(s) off {event_id} into {new}", err=True)


# --- claims, conflicts, report -----------------------------------------------------------------


@app.command("claims")
def claims_command(
    db: Path | None = _db_option(),
    event: str | None = typer.Option(None, "--event", "-e", help="Only this event's claims."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to FILE, not stdout."),
) -> None:
    """List stored claims: figure, source, role, event and where in which article."""
    with _store(db) as store:
        if event and not store.rows("SELECT 1 FROM events WHERE id = ?", (event,)):
            fail(f"no event {event} in {store.path} (see `reconcile events`)")
        frame = store.claims(event)
        paths = {r["id"]: r["path"] for r in store.rows("SELECT id, path FROM articles")}
    rows = [_plain(r) for r in frame.to_dict("records")]
    for row in rows:
        row["extra"] = json.loads(row["extra"] or "{}")
    headers = ["id", "event", "kind", "stated", "source", "role", "origin", "evidence"]
    table = [
        [r["id"], r["event"], r["kind"], r["stated"], r["source"], r["source_role"], r["origin"],
         f"{paths.get(r['article'], r['article'])}:{r['start']}-{r['end']}"]
        for r in rows
    ]  # fmt: skip
    _emit(rows, list(CLAIM_COLUMNS) + ["extra"], fmt, output, table_rows=table,
          headers=headers, empty="no claims stored")  # fmt: skip


@app.command()
def conflicts(
    db: Path | None = _db_option(),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to FILE, not stdout."),
) -> None:
    """List contradictions and dropped attributions, each with the evidence for both claims."""
    from reconcile.report.findings import build_report

    with _store(db) as store:
        analysis = store.analysis()
    claims = {c.id: c for c in analysis.claims}
    rows = []
    for report in build_report(analysis, include_agrees=False):
        for finding in report.findings:
            if finding.type not in CONFLICT_TYPES:
                continue
            a, b = (claims[i] for i in finding.claims)
            rows.append({
                "event": report.id, "kind": finding.kind, "type": finding.type,
                "finding": finding.text, "a": a.id, "b": b.id,
                "a_evidence": finding.evidence[0], "b_evidence": finding.evidence[1],
                "a_sentence": a.sentence, "b_sentence": b.sentence,
            })  # fmt: skip
    columns = (
        list(rows[0])
        if rows
        else [
            "event",
            "kind",
            "type",
            "finding",
            "a",
            "b",
            "a_evidence",
            "b_evidence",
            "a_sentence",
            "b_sentence",
        ]
    )
    headers = ["event", "type", "finding", "evidence"]
    table = [[r["event"], r["type"], r["finding"], f"{r['a_evidence']}\n{r['b_evidence']}"]
             for r in rows]  # fmt: skip
    _emit(rows, columns, fmt, output, table_rows=table, headers=headers,
          empty="no contradictions or dropped attributions")  # fmt: skip


@app.command()
def report(
    db: Path | None = _db_option(),
    fmt: Format = typer.Option("table", "--format", "-f", help="Report format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to FILE, not stdout."),
    max_findings: int = max_findings_option(),
    only_open: bool = typer.Option(
        False, "--only-open", help="Only what is left to review (see `reconcile review`)."
    ),
    rule: Rule = typer.Option(Rule.ucdp, help=RULE_HELP),
) -> None:
    """Report the stored events: claims, findings in words, and reconciled figures."""
    from reconcile.report.render import stream
    from reconcile.review.shape import reviewed_analysis
    from reconcile.rules import rule_views

    with _store(db) as store:
        # The reviewers' verdicts shape every report of a store (reconcile/review/shape.py).
        analysis = reviewed_analysis(store, only_open)
    analysis.reconciled, analysis.by_rule = rule_views(analysis.reconciled, rule.value)
    write_output(stream(analysis, fmt.value, max_findings), output)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """Return a DataFrame record with NaN as None and whole floats as ints, for JSON and CSV."""
    out = {}
    for key, value in row.items():
        if isinstance(value, float):
            value = None if value != value else int(value) if value.is_integer() else value
        elif hasattr(value, "item"):  # numpy scalars
            value = value.item()
        out[key] = value
    return out
