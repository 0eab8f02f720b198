"""Commands over the persistent store (ingest, events, claims, conflicts, report, store copy).

Importing this module registers the commands on `reconcile.cli.app`. Every command takes
`--db FILE` or `--db postgresql://...` (default: $RECONCILE_DB, else ./reconcile.db). Tables, JSON and CSV go to stdout or
`-o FILE`; progress, summaries and errors go to stderr. A bad input file or store ends the
command with one `reconcile: error: ...` line and exit code 2, and leaves the store as it was.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from reconcile.backends import database_errors, is_postgres
from reconcile.cli.app import (
    RULE_HELP,
    CsvRows,
    ExecutorName,
    Format,
    Rule,
    Vague,
    app,
    check_rows,
    encoding_option,
    executor_option,
    fail,
    max_bytes_option,
    max_findings_option,
    open_executor,
    report_stream,
    rows_option,
    scheduler_option,
    skipped,
    write_output,
)
from reconcile.dates import require_date
from reconcile.errors import ReconcileError
from reconcile.ingest import expand_paths
from reconcile.ingest.offsets import evidence as evidence_text
from reconcile.report import safe
from reconcile.report.findings import interval_text
from reconcile.report.fit import fit_table, role_words, shared_folder, shorten
from reconcile.store import CLAIM_COLUMNS, Store, default_db

DB_HELP = (
    "Store file, or a desk's PostgreSQL database as postgresql://user@host/dbname "
    "(default: $RECONCILE_DB, else ./reconcile.db)."
)
CONFLICT_TYPES = ("contradicts", "attribution_dropped")


class ListFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _db_option() -> Any:
    return typer.Option(None, "--db", metavar="FILE|URL", help=DB_HELP, show_default=False)


@contextmanager
def _store(
    db: str | os.PathLike[str] | None, create: bool = False, readonly: bool = False
) -> Iterator[Store]:
    """Open the store, turning any store problem into one error line and exit code 2."""
    path = db or default_db()
    try:
        store = Store(path, create=create, readonly=readonly)
    except ReconcileError as exc:
        fail(str(exc))
    try:
        yield store
    except ReconcileError as exc:
        fail(str(exc))
    except database_errors() as exc:
        fail(f"{store.path}: {str(exc).strip().splitlines()[0] if str(exc).strip() else exc}")
    finally:
        store.close()


def _emit(rows: list[dict[str, Any]], columns: list[str], fmt: ListFormat, output: Path | None,
          table_rows: list[list[Any]] | None = None, headers: list[str] | None = None,
          empty: str = "nothing stored", folder: str = "",
          floors: dict[str, int] | None = None) -> None:  # fmt: skip
    """Write rows as a table (100 columns wide; `folder`, the one all evidence paths share,
    named above it), CSV or JSON (a list of objects)."""
    if fmt is ListFormat.json:
        text = safe.dumps(rows, indent=2) + "\n"
    elif fmt is ListFormat.csv:
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n",
                                extrasaction="ignore")  # fmt: skip
        writer.writeheader()
        writer.writerows(
            safe.csv_row(
                {k: json.dumps(v) if isinstance(v, (dict, list)) else v for k, v in r.items()}
            )
            for r in rows
        )
        text = buffer.getvalue()
    else:
        if not rows:
            typer.echo(empty, err=True)
            return
        body = table_rows if table_rows is not None else [[r[c] for c in columns] for r in rows]
        heads = headers or columns
        text = fit_table(body, heads, floors=floors or {"evidence": 30}) + "\n"
        if folder:
            text += f"(paths are under {folder}{os.sep})\n"
    write_output(text, output)


# --- ingest ------------------------------------------------------------------------------------


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(
        ...,
        help="Articles (.txt, .html, .jsonl, .json), folders of them, and claim sheets "
        "(.csv, .json).",
    ),
    db: str | None = _db_option(),
    outlet: str = typer.Option("", help="Outlet name for articles that do not say."),
    published: str | None = typer.Option(
        None, metavar="DATE", help="Publication date (YYYY-MM-DD) for articles that do not say."
    ),
    keep_going: bool = typer.Option(
        False, "--keep-going", help="Skip unreadable files (named on stderr; exit 2 at the end)."
    ),
    rule: Rule | None = typer.Option(
        None,
        help="Reconciliation rule, recorded in a new store [default: range].",
        show_default=False,
    ),
    vague: Vague | None = typer.Option(
        None,
        help="Reading of vague amounts, recorded in a new store [default: interval].",
        show_default=False,
    ),
    places: Path | None = typer.Option(
        None, metavar="CSV", help="Extra place aliases (alias,canonical), kept in the store."
    ),
    jobs: int = typer.Option(
        0,
        "--jobs",
        "-j",
        help="Processes that extract, then relate the changed events (0: one per core for "
        "large batches).",
    ),
    executor: ExecutorName = executor_option(),
    scheduler: str | None = scheduler_option(),
    max_bytes: int = max_bytes_option(),
    encoding: str | None = encoding_option(),
) -> None:
    """Add articles and hand-coded claim sheets to the store, then regroup all events.

    Example: reconcile ingest reports/ --db strikes.db --outlet "Daily Star"

    A store takes its rule and vague reading when it is created; `reconcile settings` changes
    them later. Exit codes: 0 ok; 2 bad input (the store is left as it was) or, with
    --keep-going, some files skipped.
    """  # fmt: skip
    from reconcile.progress import progress_bar

    try:
        paths = expand_paths(paths, on_skip=skipped)
        if published:
            published = require_date(published)
    except ReconcileError as exc:
        fail(str(exc))
    settings = {"rule": rule.value if rule else None, "vague": vague.value if vague else None}
    if places:
        settings["places"] = _read_places(places)
    path = db or default_db()
    created = not is_postgres(path) and not Path(path).exists()
    summary = None
    try:
        with (
            _store(path, create=True) as store,
            open_executor(executor, jobs, scheduler) as runner,
            # Reading and extracting count files and articles (with their rates); the
            # regrouping steps after them (grouping, relating, writing) pulse.
            progress_bar(len(paths), force=True) as progress,
        ):
            summary = store.ingest(
                paths, progress=progress, jobs=jobs, outlet=outlet, published=published,
                keep_going=keep_going, settings=settings, max_bytes=max_bytes, encoding=encoding,
                executor=runner,
            )  # fmt: skip
    finally:
        if summary is None and created:
            _remove_store(path)  # a store this command created for input that failed
    for problem in summary.skipped:
        typer.echo(f"reconcile: error: {problem} (skipped)", err=True)
    typer.echo(summary.line(), err=True)
    if summary.skipped:
        raise typer.Exit(2)


def _read_places(path: Path) -> str:
    """Return an alias CSV's text, or end with one error line."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{path}: cannot read place aliases ({exc})")


@app.command("settings")
def settings_command(
    db: str | None = _db_option(),
    rule: Rule | None = typer.Option(None, help="Change the reconciliation rule."),
    vague: Vague | None = typer.Option(None, help="Change the reading of vague amounts."),
    places: Path | None = typer.Option(
        None, metavar="CSV", help="Add place aliases (alias,canonical) and regroup."
    ),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """Show or change the store's rule, vague reading and place aliases.

    With no option, lists the settings in force and when each was set; with one, records
    the change and brings the store in line.

    Example: reconcile settings --db strikes.db --rule acled

    A new vague reading re-reads every vague amount ("dozens") already stored; any change
    regroups, relates and reconciles everything again. Exit codes: 0 ok; 2 bad store or value.
    """
    text = _read_places(places) if places else None
    with _store(db) as store:
        before = store.settings()
        changed = store.change_settings(
            rule=rule.value if rule else None, vague=vague.value if vague else None,
            places=text,
        )  # fmt: skip
        current = store.settings()
        history = store.settings_history()
    for name in changed:
        was, now = before[name], current[name]
        if name == "places":
            was, now = f"{len(was.splitlines())} alias row(s)", f"{len(now.splitlines())}"
        typer.echo(f"{name}: {was} -> {now}; store regrouped and reconciled again", err=True)
    rows = [
        {"name": name, "value": _setting_text(name, value),
         "set_at": next((h["set_at"] for h in reversed(history) if h["name"] == name),
                        "default")}
        for name, value in current.items()
    ]  # fmt: skip
    _emit(rows, ["name", "value", "set_at"], fmt, None,
          headers=["setting", "value", "set at"])  # fmt: skip


def _setting_text(name: str, value: str) -> str:
    if name == "places":
        rows = [line for line in value.splitlines() if line.strip()
                and not line.lower().startswith(("alias,", "#"))]  # fmt: skip
        return f"{len(rows)} alias row(s)" if rows else "none added"
    return value


def _remove_store(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# --- events ------------------------------------------------------------------------------------

events_app = typer.Typer(
    help="List events; `events merge` and `events split` correct the grouping.\n\n"
    "Example: reconcile events --db strikes.db\n\nExit codes: 0 ok; 2 no such store.",
)
app.add_typer(events_app, name="events")


@events_app.callback(invoke_without_command=True)
def events(
    ctx: typer.Context,
    db: str | None = _db_option(),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write to FILE, not stdout."
    ),
) -> None:
    """List the events: id, date, place, label, number of claims and of sources.

    Example: reconcile events --db strikes.db

    Exit codes: 0 ok; 2 no such store.
    """
    ctx.obj = db
    if ctx.invoked_subcommand is not None:
        return
    with _store(db, readonly=True) as store:
        frame = store.events()
    rows = [_plain(r) for r in frame.to_dict("records")]
    columns = ["id", "date", "place", "label", "claims", "sources"]
    _emit(rows, columns + ["trigger", "scope"], fmt, output,
          table_rows=[[r[c] for c in columns] for r in rows], headers=columns,
          empty="no events: ingest some articles first")  # fmt: skip


@events_app.command("merge")
def events_merge(
    ctx: typer.Context,
    event_ids: list[str] = typer.Argument(
        ..., metavar="EVENTS", help="Two or more event ids, e.g. E1 E4."
    ),
    db: str | None = _db_option(),
) -> None:
    """Merge events: their claims are one event from now on, also after later ingests.

    Example: reconcile events merge E3 E5 --db strikes.db

    Exit codes: 0 merged; 2 no such store or event.
    """
    with _store(db or ctx.obj) as store:
        merged = store.merge(event_ids)
        left = store.counts()["events"]
    typer.echo(f"merged {', '.join(event_ids)} into {merged}; {left} event(s)", err=True)


@events_app.command("split")
def events_split(
    ctx: typer.Context,
    event_id: str = typer.Argument(..., metavar="EVENT", help="The event to split, e.g. E3."),
    claims: str = typer.Option(
        ..., "--claims", metavar="IDS", help="Comma-separated claim ids to split off."
    ),
    db: str | None = _db_option(),
) -> None:
    """Split claims off an event into an event of their own, also after later ingests.

    Example: reconcile events split E1 --claims c71dccd59670a,c9af24f9dc8c8 --db strikes.db

    Exit codes: 0 split; 2 no such store or event, or a claim not in the event.
    """
    ids = [c.strip() for c in claims.split(",") if c.strip()]
    with _store(db or ctx.obj) as store:
        new = store.split(event_id, ids)
    typer.echo(f"split {len(ids)} claim(s) off {event_id} into {new}", err=True)


# --- claims, conflicts, report -----------------------------------------------------------------


@app.command("claims")
def claims_command(
    db: str | None = _db_option(),
    event: str | None = typer.Option(
        None, "--event", "-e", metavar="ID", help="Only this event's claims."
    ),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write to FILE, not stdout."
    ),
) -> None:
    """List stored claims: figure as written and its interval, source, event, evidence.

    Example: reconcile claims --db strikes.db --event E1 -f csv

    `reconcile show CLAIM_ID` shows one in full. Exit codes: 0 ok; 2 no such store or event.
    """
    with _store(db, readonly=True) as store:
        if event and not store.rows("SELECT 1 FROM events WHERE id = ?", (event,)):
            fail(f"no event {event} in {store.path} (see `reconcile events`)")
        frame = store.claims(event)
        articles = {a.id: a for a in store.analysis_articles()}
    rows = [_plain(r) for r in frame.to_dict("records")]
    for row in rows:
        row["extra"] = json.loads(row["extra"] or "{}")
    folder = shared_folder(a.path for a in articles.values())
    for row in rows:
        article = articles.get(row["article"])
        row["evidence"] = evidence_text(article, row["article"], row["start"], row["end"])
    headers = ["id", "event", "kind", "stated", "interval", "source", "evidence"]
    table = [
        [r["id"], r["event"], r["kind"], r["stated"], interval_text(r["low"], r["high"]),
         f"{r['source']} ({role_words(r['source_role'])})", shorten(r["evidence"], folder)]
        for r in rows
    ]  # fmt: skip
    _emit(rows, list(CLAIM_COLUMNS) + ["extra", "evidence"], fmt, output, table_rows=table,
          headers=headers, empty="no claims stored", folder=folder,
          floors={"id": 13, "evidence": 24})  # fmt: skip


def _event_filter() -> Any:
    return typer.Option(
        [], "--event", "-e", metavar="ID", help="Only this event (repeatable), e.g. E1."
    )


def _kind_filter() -> Any:
    return typer.Option([], "--kind", "-k", metavar="KIND",
                        help="Only claims of this kind (repeatable), e.g. killed.")  # fmt: skip


def _type_filter() -> Any:
    from reconcile.relations import RELATION_TYPES

    return typer.Option(
        [], "--type", "-t", metavar="TYPE",
        help=f"Only findings of this type (repeatable): {', '.join(RELATION_TYPES)}.",
    )  # fmt: skip


def _source_filter() -> Any:
    return typer.Option(
        [], "--source", "-s", metavar="WORDS",
        help="Only findings involving a source whose key or name holds these words "
        "(any case; repeatable; see `reconcile sources`).",
    )  # fmt: skip


def _selected(store: Store, events: list[str], kinds: list[str], types: list[str],
              sources: list[str], only_open: bool = False) -> Any:  # fmt: skip
    """Return the stored analysis, shaped by the reviewers' verdicts and narrowed by the
    filters (a ReconcileError names a bad one)."""
    from reconcile.report.select import Selection, select
    from reconcile.review.shape import reviewed_analysis

    analysis = reviewed_analysis(store, only_open)
    return select(analysis, Selection(events, kinds, types, sources))


@app.command()
def conflicts(
    db: str | None = _db_option(),
    event: list[str] = _event_filter(),
    kind: list[str] = _kind_filter(),
    type_: list[str] = _type_filter(),
    source: list[str] = _source_filter(),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write to FILE, not stdout."
    ),
) -> None:
    """List contradictions and dropped attributions, each with the evidence for both claims.

    Example: reconcile conflicts --db strikes.db --event E1 --source "health directorate"

    --type narrows to one of the two (contradicts, attribution_dropped). Exit codes: 0 ok
    (also when there is nothing to list); 2 no such store, event, kind or source.
    """
    from reconcile.report.findings import build_report

    for name in type_:
        if name not in CONFLICT_TYPES:
            fail(f"--type {name}: conflicts lists {' and '.join(CONFLICT_TYPES)} "
                 "(`reconcile report --type` takes every type)")  # fmt: skip
    with _store(db, readonly=True) as store:
        analysis = _selected(store, event, kind, type_ or list(CONFLICT_TYPES), source)
    claims = {c.id: c for c in analysis.claims}
    folder = shared_folder(a.path for a in analysis.articles)
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
    columns = ["event", "kind", "type", "finding", "a", "b", "a_evidence", "b_evidence",
               "a_sentence", "b_sentence"]  # fmt: skip
    headers = ["event", "type", "finding", "evidence"]
    table = [[r["event"], r["type"].replace("_", " "), r["finding"],
              f"{shorten(r['a_evidence'], folder)}\n{shorten(r['b_evidence'], folder)}"]
             for r in rows]  # fmt: skip
    _emit(rows, columns, fmt, output, table_rows=table, headers=headers,
          empty="no contradictions or dropped attributions", folder=folder)  # fmt: skip


@app.command()
def report(
    db: str | None = _db_option(),
    event: list[str] = _event_filter(),
    kind: list[str] = _kind_filter(),
    type_: list[str] = _type_filter(),
    source: list[str] = _source_filter(),
    fmt: Format = typer.Option("table", "--format", "-f", help="Report format."),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write to FILE, not stdout."
    ),
    max_findings: int = max_findings_option(),
    rows: CsvRows = rows_option(),
    only_open: bool = typer.Option(
        False, "--only-open", help="Only what is left to review (see `reconcile review`)."
    ),
    rule: Rule | None = typer.Option(
        None, help=RULE_HELP + " Default: the store's rule (`reconcile settings`)."
    ),
) -> None:
    """Report the stored events: claims, findings in words, and reconciled figures.

    Example: reconcile report --db strikes.db --event E1 --kind killed -f md -o e1.md

    The filters narrow every format, JSON and CSV included. Exit codes: 0 ok; 2 no such
    store, event, kind or source, or an unknown type.
    """
    check_rows(fmt.value, rows)
    with _store(db, readonly=True) as store:
        # The reviewers' verdicts shape every report of a store (reconcile/review/shape.py).
        analysis = _selected(store, event, kind, type_, source, only_open)
        chosen = rule.value if rule else store.settings()["rule"]
    from reconcile.rules import rule_views

    analysis.reconciled, analysis.by_rule = rule_views(analysis.reconciled, chosen)
    write_output(report_stream(analysis, fmt.value, rows, max_findings), output)


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


# --- store copy --------------------------------------------------------------------------------

store_app = typer.Typer(
    help="Whole-store operations: `store copy` moves a store between a file and a database.\n\n"
    "Example: reconcile store copy strikes.db postgresql://desk@db.example/news",
)
app.add_typer(store_app, name="store")


@store_app.command("copy")
def store_copy(
    source: str = typer.Argument(..., metavar="SRC", help="Store file or postgresql:// URL."),
    destination: str = typer.Argument(
        ..., metavar="DST", help="New store file, or an empty PostgreSQL database's URL."
    ),
) -> None:
    """Copy a whole store (articles, claims, events, settings, corrections, verdicts and the
    review log) from SRC to DST, between SQLite and PostgreSQL either way.

    Example: reconcile store copy strikes.db postgresql://desk@db.example/news

    DST must hold no store data yet; the copy is one transaction, so it lands whole or not at
    all. Exit codes: 0 copied; 2 no such store, or DST not empty.
    """
    from reconcile.backends.copy import copy_store

    created = not is_postgres(destination) and not Path(destination).exists()
    copied = None
    try:
        with _store(source, readonly=True) as src, _store(destination, create=True) as dst:
            copied = copy_store(src, dst)
    finally:
        if copied is None and created:
            _remove_store(Path(destination))
    typer.echo(
        f"copied {copied['articles']} article(s), {copied['claims']} claim(s), "
        f"{copied['events']} event(s), {copied['review_verdicts']} verdict(s) and "
        f"{copied['review_log']} log entr{'y' if copied['review_log'] == 1 else 'ies'} "
        f"to {dst.path}",
        err=True,
    )
