"""The persistent store: articles, claims, events and reconciled figures in SQLite or PostgreSQL.

The logic here is written once; what differs per database (opening it, its DDL, locking, the
schema version's record) is in reconcile/backends/ (sqlite.py, postgres.py).

Relations are not stored: they are a function of one (event, kind) group's claims and their
articles' dates, derived when a report, review or export asks (`Store.analysis`,
`Store.relation`), with the same code and in the same order as `reconcile check`. A store of
10,000 articles keeps 110,000 claims, not 1.5 million pairs.

Why the standard library's `sqlite3` and no ORM: the data is a handful of flat tables whose rows
are already the model's `to_row()` dicts, so an ORM would add a dependency and a mapping layer
and save nothing. SQLite ships with Python, keeps the whole store in one file a user can copy,
mail or open with any SQLite tool (or `pandas.read_sql`), and gives real transactions: an ingest
either lands completely or not at all, even if the process is killed half-way.

The file is opened in WAL mode (readers never block the writer; a killed writer leaves the last
committed state) with foreign keys on. The schema is built by `MIGRATIONS`, a numbered list of
small functions; each runs once, in its own transaction, and is recorded in `_migrations` and in
`PRAGMA user_version`, so an old store is brought up to date when it is opened.

Events are regrouped on every ingest, because a new article can join incidents that were apart:
the events the new articles' dates can reach (`Store._nearby_events`), or everything when that
bound does not hold. To keep the ids people write down ("see E3") meaningful, each new
event takes the id of the stored event it shares the most claims with. Corrections (merge,
split) are kept as the claim ids they concern and re-applied after every regrouping.
"""

from __future__ import annotations

import json
import math
import os
import signal
import sqlite3
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timezone
from functools import lru_cache
from itertools import islice
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconcile.backends import database_errors, is_postgres, open_backend
from reconcile.backends.sqlite import PAGE_SIZE, SQLITE_HEADER  # noqa: F401 (kept importable)
from reconcile.errors import InputError, ReconcileError
from reconcile.events import (
    DATE_WINDOW_DAYS,
    NEAR_PUBLISHED_DAYS,
    claim_reach,
    event_date,
    event_label,
    frame_article,
    group_events,
    is_series,
    may_look_back,
    place_skeletons,
    series_key,
)
from reconcile.executors import Executor, gc_paused, make_executor
from reconcile.ingest import MAX_ARTICLE_BYTES, MAX_FEED_BYTES, read_articles
from reconcile.ingest.claimsheet import (
    ClaimSheet,
    SheetClaim,
    parse_json_sheet,
    read_claim_sheet,
    sheet_claims,
)
from reconcile.ingest.files import read_text_file
from reconcile.model import Article, Claim, Event, Reconciled, Relation, Section
from reconcile.pipeline import Analysis, extract_all, parallel_jobs
from reconcile.places import place_key
from reconcile.relations import build_relations, relate
from reconcile.rules import reconcile

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_DB = "reconcile.db"
ENV_DB = "RECONCILE_DB"
# Test hook: with this set to 1, `ingest` kills its own process (SIGKILL, no clean-up) right
# after inserting the first batch of claims, inside the open transaction. The tests use it to
# check that a killed ingest leaves the store as it was. Nothing else reads it.
DIE_HOOK = "RECONCILE_TEST_DIE_AFTER_INSERT"
INSERT_BATCH = 5000
# More new articles than this regroup everything (the bound's query would name too many).
MAX_NEARBY_NEW = 20000

# Claim columns in the order of the JSON contract, then the rest of the Claim fields.
CONTRACT_COLUMNS = (
    "id", "article", "kind", "low", "high", "qualifier", "subject", "source", "source_role",
    "cue", "sentence", "start", "end", "event",
)  # fmt: skip
CLAIM_COLUMNS = CONTRACT_COLUMNS + (
    "stated", "figure", "source_norm", "zone", "hedge", "part_of", "origin", "sentence_start",
    "sentence_end", "place", "trigger", "scope", "posted", "told",
)  # fmt: skip
RECONCILED = "event, kind, low, best, high, rule, note, originators, claims, figures"
ARTICLE_COLUMNS = (
    "id", "path", "title", "outlet", "url", "published", "byline", "sections", "text",
    "ingested_at", "file_map",
)  # fmt: skip

Progress = Callable[[str, int, int], None]  # (stage, done, total)

# The store's settings and their values before any is recorded (`reconcile check`'s defaults).
SETTINGS = {"rule": "range", "vague": "interval", "places": ""}
# The store reconciles UCDP-style ("range") and keeps those rows; the rule setting is the view
# its reports show by default (ACLED's and IBC's readings are derived from the UCDP rows).
SETTING_CHOICES = {"rule": ("range", "ucdp", "acled", "ibc", "all"), "vague": ("interval", "acled")}
SETTING_WORDS = {"rule": "rule", "vague": "vague reading", "places": "place aliases"}


def default_db() -> str:
    """Return the store target: $RECONCILE_DB (a file or a postgresql:// URL), or reconcile.db
    in the current folder."""
    return os.environ.get(ENV_DB) or DEFAULT_DB


def default_db_path() -> Path:
    """Return the store path: $RECONCILE_DB, or reconcile.db in the current folder."""
    return Path(default_db())


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- migrations --------------------------------------------------------------------------------
# Append new migrations at the end; never edit or reorder one that has shipped.

MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = []


def migration(fn: Callable[[sqlite3.Connection], None]) -> Callable[[sqlite3.Connection], None]:
    MIGRATIONS.append(fn)
    return fn


@migration
def m001_tables(db: sqlite3.Connection) -> None:
    statements = [
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',
            outlet TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT '', published TEXT,
            byline TEXT NOT NULL DEFAULT '', sections TEXT NOT NULL DEFAULT '[]',
            text TEXT NOT NULL, ingested_at TEXT NOT NULL)""",
        """CREATE TABLE sources (
            norm TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL)""",
        """CREATE TABLE events (
            id TEXT PRIMARY KEY, label TEXT NOT NULL, trigger TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '', date TEXT, scope TEXT NOT NULL DEFAULT '')""",
        """CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            article TEXT NOT NULL REFERENCES articles(id),
            kind TEXT NOT NULL, low REAL, high REAL, qualifier TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '',
            source_role TEXT NOT NULL DEFAULT '', cue TEXT NOT NULL DEFAULT '',
            sentence TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            event TEXT REFERENCES events(id),
            stated TEXT NOT NULL DEFAULT '', figure REAL,
            source_norm TEXT NOT NULL REFERENCES sources(norm),
            zone TEXT NOT NULL DEFAULT 'body', hedge TEXT NOT NULL DEFAULT '',
            part_of TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL CHECK (origin IN ('machine', 'human')),
            sentence_start INTEGER NOT NULL DEFAULT 0, sentence_end INTEGER NOT NULL DEFAULT 0,
            place TEXT NOT NULL DEFAULT '', trigger TEXT NOT NULL DEFAULT '',
            scope TEXT NOT NULL DEFAULT '', extra TEXT NOT NULL DEFAULT '{}')""",
        """CREATE TABLE relations (
            id INTEGER PRIMARY KEY, a TEXT NOT NULL REFERENCES claims(id),
            b TEXT NOT NULL REFERENCES claims(id), type TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '')""",
        """CREATE TABLE reconciled (
            event TEXT NOT NULL REFERENCES events(id), kind TEXT NOT NULL,
            low REAL, best REAL, high REAL, rule TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '', originators INTEGER NOT NULL DEFAULT 0,
            claims TEXT NOT NULL DEFAULT '[]', PRIMARY KEY (event, kind))""",
        """CREATE TABLE corrections (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
            payload TEXT NOT NULL, created_at TEXT NOT NULL)""",
    ]
    for statement in statements:
        db.execute(statement)


# The relation indexes of schema versions 2-5 (migration 6 drops them with the table).
RELATION_INDEXES = (("relations_a", "a"), ("relations_b", "b"))


@migration
def m002_indexes(db: sqlite3.Connection) -> None:
    db.execute("CREATE INDEX claims_article ON claims(article)")
    db.execute("CREATE INDEX claims_event ON claims(event)")
    db.execute("CREATE INDEX relations_a ON relations(a)")
    db.execute("CREATE INDEX relations_b ON relations(b)")


@migration
def m003_reconciled_figures(db: sqlite3.Connection) -> None:
    # Each distinct figure of an event and kind with its independent originators (JSON).
    db.execute("ALTER TABLE reconciled ADD COLUMN figures TEXT NOT NULL DEFAULT '[]'")


@migration
def m004_settings(db: sqlite3.Connection) -> None:
    # Settings (vague reading, rule, place aliases) as a history: the latest row of a name is
    # in force, and every change stays recorded with its time.
    db.execute(
        """CREATE TABLE settings (
            id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, value TEXT NOT NULL,
            set_at TEXT NOT NULL)"""
    )
    # Article text -> file offsets (JSON breakpoints); NULL: offsets index the article text.
    db.execute("ALTER TABLE articles ADD COLUMN file_map TEXT")


@migration
def m005_review(db: sqlite3.Connection) -> None:
    # Fact-check review (reconcile/review/): sessions; the current verdict per item, with a
    # version for the optimistic check between reviewers; the append-only log of every verdict.
    # Items are keyed by claim ids (content hashes), never by row ids regrouping recreates.
    statements = [
        """CREATE TABLE review_sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT, reviewer TEXT NOT NULL, event TEXT,
            started_at TEXT NOT NULL, ended_at TEXT, decided INTEGER NOT NULL DEFAULT 0)""",
        """CREATE TABLE review_verdicts (
            item TEXT PRIMARY KEY,
            type TEXT NOT NULL CHECK (type IN ('finding', 'claim', 'figure')),
            verdict TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', value TEXT NOT NULL DEFAULT '{}',
            claims TEXT NOT NULL DEFAULT '[]', reviewer TEXT NOT NULL, decided_at TEXT NOT NULL,
            version INTEGER NOT NULL, session INTEGER REFERENCES review_sessions(id))""",
        """CREATE TABLE review_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, reviewer TEXT NOT NULL,
            item TEXT NOT NULL, type TEXT NOT NULL, old TEXT, new TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '', value TEXT NOT NULL DEFAULT '{}', session INTEGER)""",
        """CREATE TRIGGER review_log_append_only_update BEFORE UPDATE ON review_log
            BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END""",
        """CREATE TRIGGER review_log_append_only_delete BEFORE DELETE ON review_log
            BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END""",
    ]
    for statement in statements:
        db.execute(statement)


@migration
def m006_lean(db: sqlite3.Connection) -> None:
    # The lean store (issue 16): relations are no longer stored. They are a function of an
    # (event, kind) group's claims and their articles' dates, derived when a report, review or
    # export asks (`Store.analysis`, `Store.relation`), the same as `reconcile check` derives
    # them. They were nine tenths of a store's rows and two thirds of its bytes; the store is
    # vacuumed once after this migration (`Store._vacuum`) to give the space back.
    for name, _ in RELATION_INDEXES:
        db.execute(f"DROP INDEX IF EXISTS {name}")
    db.execute("DROP TABLE relations")


@migration
def m007_posted(db: sqlite3.Connection) -> None:
    # A live blog's entry time a claim stands under ("21:20"): figures of one live report are
    # ordered by their entries' times (relations/timing.py).
    db.execute("ALTER TABLE claims ADD COLUMN posted TEXT NOT NULL DEFAULT ''")


@migration
def m008_told(db: sqlite3.Connection) -> None:
    # The days an article tells its incident happened on, well before its publication
    # ("the attack occurred on August 24"): a follow-up weeks later joins the incident's
    # reports (events.told_span), and a regrouping must know how far it reaches.
    db.execute("ALTER TABLE claims ADD COLUMN told TEXT NOT NULL DEFAULT ''")


# --- the store ---------------------------------------------------------------------------------


@dataclass
class IngestSummary:
    """What one ingest did."""

    files: int = 0
    new_articles: int = 0
    unchanged_articles: int = 0
    claims_added: int = 0  # machine and human
    human_claims_added: int = 0
    human_claims_unchanged: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # rows per table afterwards
    skipped: list[str] = field(default_factory=list)  # unreadable files (--keep-going)

    @property
    def changed(self) -> bool:
        return bool(self.new_articles or self.claims_added)

    def line(self) -> str:
        """Return the one-line summary the CLI prints."""
        c = self.counts
        held = (
            f"store holds {c.get('articles', 0)} article(s), {c.get('claims', 0)} claim(s), "
            f"{c.get('events', 0)} event(s)"
        )
        if not self.changed:
            return f"nothing new: {self.unchanged_articles} article(s) unchanged; {held}"
        human = f" ({self.human_claims_added} from claim sheets)" if self.human_claims_added else ""
        return (
            f"{self.new_articles} new article(s), {self.unchanged_articles} unchanged, "
            f"{self.claims_added} claim(s) added{human}; {held}"
        )


@dataclass
class _Batch:
    """Everything read from the input files, before the store is touched."""

    articles: list[Article] = field(default_factory=list)
    sheets: list[ClaimSheet] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # the error of each file skipped


class Store:
    """A reconcile store: one SQLite file. Use as a context manager, or call `close()`."""

    TABLES = ("articles", "sources", "claims", "events", "reconciled", "corrections", "settings")

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        create: bool = True,
        readonly: bool = False,
    ) -> None:
        target = path if path is not None else default_db()
        self.readonly = readonly
        # What the last regrouping loaded: ("all" | "nearby", claims); tests and bench read it.
        self.last_regroup: tuple[str, int] = ("", 0)
        create = create and not readonly
        self.backend = open_backend(target, create, readonly)
        # A file's Path, or a database's URL (without its password): what messages name.
        self.path: Path | str = getattr(self.backend, "path", self.backend.name)
        self._db = self.backend.connection
        name = self.backend.name
        try:
            if not readonly:
                self._migrate(create)
            elif self.schema_version != len(MIGRATIONS):
                if self.schema_version == 0 and is_postgres(target):
                    raise ReconcileError(f"{name}: no store in this database (create it with "
                                         "`reconcile ingest` or `reconcile store copy`)")  # fmt: skip
                raise ReconcileError(
                    f"{name}: store schema version {self.schema_version} is not the one this "
                    f"reconcile reads ({len(MIGRATIONS)}); open it once with write access to bring "
                    "it up to date"
                )
        except sqlite3.DatabaseError as exc:
            self.backend.close()
            raise ReconcileError(f"{name}: not a usable SQLite database ({exc})") from exc
        except database_errors() as exc:
            self.backend.close()
            raise ReconcileError(f"{name}: {str(exc).strip().splitlines()[0]}") from exc
        except BaseException:
            self.backend.close()
            raise

    # -- connection and schema ------------------------------------------------------------------

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connection(self) -> Any:
        """The open connection (sqlite3, or psycopg behind the same `?` SQL), for queries the
        methods here do not cover."""
        return self._db

    @property
    def schema_version(self) -> int:
        """Return the number of migrations applied (recorded in `_migrations`; on SQLite also
        in PRAGMA user_version)."""
        return self.backend.schema_version()

    def _migrate(self, create: bool = True) -> None:
        tables = self.backend.table_names()
        version = self.schema_version
        kind = "a PostgreSQL" if self.backend.kind == "postgres" else "a SQLite"
        if version == 0 and tables - {"_migrations"}:
            raise ReconcileError(
                f"{self.path}: is {kind} database, but not a reconcile store "
                f"(it has tables: {', '.join(sorted(tables)[:5])})"
            )
        if version > len(MIGRATIONS):
            raise ReconcileError(
                f"{self.path}: store schema version {version} is newer than this reconcile "
                f"understands ({len(MIGRATIONS)}); upgrade reconcile"
            )
        if version == len(MIGRATIONS):
            return
        if version == 0 and not create:
            raise ReconcileError(f"{self.path}: no store in this database (create it with "
                                 "`reconcile ingest` or `reconcile store copy`)")  # fmt: skip
        with self._transaction():
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS _migrations ("
                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
        applied = []
        for number, fn in enumerate(MIGRATIONS, start=1):
            with self._transaction():
                if number <= self.schema_version:  # read inside: another process may migrate
                    continue
                fn(self._db)
                self._db.execute(
                    "INSERT INTO _migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (number, fn.__name__, _now()),
                )
                self.backend.record_version(number)
                applied.append(fn.__name__)
        self.backend.after_migrations(applied, version)

    def _transaction(self) -> Any:
        """Run the block in one write transaction: all of it is committed, or none of it
        (SQLite: BEGIN IMMEDIATE; PostgreSQL: the store's advisory write lock)."""
        return self.backend.transaction()

    def counts(self) -> dict[str, int]:
        """Return the number of rows in each table."""
        return {t: self._db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in self.TABLES}

    # -- settings -------------------------------------------------------------------------------

    def settings(self) -> dict[str, str]:
        """Return the settings in force: rule, vague (reading) and places (alias CSV rows)."""
        current = dict(SETTINGS)
        for row in self._db.execute("SELECT name, value FROM settings ORDER BY id"):
            current[row[0]] = row[1]
        return current

    def settings_history(self) -> list[dict[str, Any]]:
        """Return every recorded setting, oldest first: name, value, set_at."""
        return self.rows("SELECT name, value, set_at FROM settings ORDER BY id")

    def change_settings(
        self, rule: str | None = None, vague: str | None = None, places: str | None = None
    ) -> list[str]:
        """Record new settings and bring the store in line; return the names that changed.

        A new vague reading re-reads the interval of every extracted vague amount ("dozens");
        any change regroups, relates and reconciles everything again, in one transaction.
        `places` is alias CSV text, added to the aliases already recorded.
        """
        if self.readonly:
            raise ReconcileError(f"{self.path}: opened read-only; cannot change settings")
        current = self.settings()
        wanted = _validated({"rule": rule, "vague": vague})
        if places:
            wanted["places"] = _joined(current["places"], places)
        changed = [k for k, v in wanted.items() if v != current[k]]
        if not changed:
            return []
        with self._transaction():
            for name in changed:
                self._record_setting(name, wanted[name])
            self._load_places()
            if "vague" in changed:
                self._reread_vague(wanted["vague"])
            self._recompute(everything=True)
        return changed

    def _check_settings(self, wanted: dict[str, str]) -> dict[str, str]:
        """Return the settings to record with an ingest: all given ones for a new store; for
        a store with articles, none (raise ReconcileError if a given one differs)."""
        wanted = _validated(wanted)
        places = wanted.pop("places", "")
        if not self._db.execute("SELECT 1 FROM articles LIMIT 1").fetchone():
            current = self.settings()
            record = {k: v for k, v in wanted.items() if v != current[k]}
            if places:
                record["places"] = _joined(current["places"], places)
            return record
        current = self.settings()
        for name, value in wanted.items():
            if value != current[name]:
                raise ReconcileError(
                    f"{self.path}: the store's {SETTING_WORDS[name]} is {current[name]!r}, "
                    f"not {value!r}; "
                    f"change it with `reconcile settings --{name} {value}`"
                )
        if places:
            merged = _joined(current["places"], places)
            if merged != current["places"]:
                return {"places": merged}
        return {}

    def _record_setting(self, name: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO settings (name, value, set_at) VALUES (?, ?, ?)", (name, value, _now())
        )

    def _load_places(self) -> None:
        """Add the store's recorded place aliases to the alias table used for grouping."""
        import csv

        from reconcile.places import ADDED, add_alias_rows

        rows = [
            (row[0].strip(), row[1].strip())
            for row in csv.reader(self.settings()["places"].splitlines())
            if len(row) >= 2 and row[0].strip() and not row[0].startswith("#")
            and row[0].strip().lower() != "alias"
        ]  # fmt: skip
        missing = [row for row in rows if row not in ADDED]
        if missing:
            add_alias_rows(missing)

    def _reread_vague(self, vague: str) -> None:
        """Re-read the interval of every extracted vague amount under another vague reading."""
        from reconcile.extract.numbers import QUANTITY_RE, quantity_from_match

        rows = self._db.execute(
            "SELECT id, stated FROM claims WHERE qualifier = 'vague' AND origin = 'machine'"
        ).fetchall()
        updates = []
        for row in rows:
            match = QUANTITY_RE.match(row["stated"])
            quantity = quantity_from_match(match, vague) if match else None
            if quantity is not None:
                updates.append((quantity.low, quantity.high, quantity.figure, row["id"]))
        self._db.executemany("UPDATE claims SET low = ?, high = ?, figure = ? WHERE id = ?",
                             updates)  # fmt: skip

    # -- ingest ---------------------------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | os.PathLike[str]],
        progress: Progress | None = None,
        jobs: int = 0,
        outlet: str = "",
        published: str | None = None,
        keep_going: bool = False,
        settings: dict[str, str] | None = None,
        max_bytes: int = MAX_ARTICLE_BYTES,
        encoding: str | None = None,
        executor: Executor | None = None,
    ) -> IngestSummary:
        """Add articles and claim sheets, then regroup and relate everything stored.

        Every file is read, and every claim extracted, before the store is written; the writes
        and the regrouping are one transaction, so any error leaves the store as it was.
        `outlet` and `published` fill in articles that do not say; with `keep_going` an
        unreadable file is skipped (and named in the summary) instead of ending the ingest.
        `settings` (rule, vague) are recorded in a new store; an existing store's must agree.
        `max_bytes` and `encoding` are as in `reconcile.ingest.read_articles`; `executor`
        (a Dask cluster, say) runs the extraction instead of `jobs` processes.
        """
        if self.readonly:
            raise ReconcileError(f"{self.path}: opened read-only; cannot ingest")
        report = progress or (lambda stage, done, total: None)
        paths = [str(p) for p in paths]
        wanted = self._check_settings(settings or {})
        self._load_places()
        # One executor extracts and, after grouping, relates the changed events.
        own = executor is None
        runner = executor or make_executor(
            "processes", jobs or parallel_jobs(_expected_articles(paths))
        )
        try:
            with gc_paused():
                return self._ingest(
                    paths, report, wanted, runner,
                    lambda batch: iter_inputs(paths, batch, max_bytes, encoding, outlet,
                                              published, keep_going),
                )  # fmt: skip
        finally:
            if own:
                runner.close()

    def _ingest(
        self,
        paths: list[str],
        report: Progress,
        wanted: dict[str, str],
        executor: Executor,
        inputs: Callable[[_Batch], Iterator[Article]],
    ) -> IngestSummary:
        """Run `ingest` with its executor; `inputs(batch)` yields the files' articles."""
        batch = _Batch()
        summary = IngestSummary(files=len(paths), skipped=batch.skipped)
        stored = {r["id"] for r in self._db.execute("SELECT id FROM articles")}
        new: list[Article] = []

        def unstored() -> Iterator[Article]:
            # Files are read as the extraction takes their articles, so reading overlaps
            # extracting; a bad file still ends the ingest before the store is written.
            for article in inputs(batch):
                if article.id in stored:
                    summary.unchanged_articles += 1
                else:
                    stored.add(article.id)
                    new.append(article)
                    yield article

        machine: list[Claim] = []
        seen: set[str] = set()
        extracted = extract_all(
            unstored(), vague=wanted.get("vague") or self.settings()["vague"],
            progress=lambda done, _: report("extracting", done, max(done, len(new))),
            executor=executor,
        )  # fmt: skip
        for claim in extracted:
            if claim.id not in seen:
                seen.add(claim.id)
                machine.append(claim)
        human = self._sheet_claims(batch.sheets, new)
        if not new and not human:
            summary.counts = self.counts()
            return summary  # nothing to write: the store is not touched at all
        report("storing", 0, 1)
        with self._transaction():
            for name, value in wanted.items():
                self._record_setting(name, value)
            # Checked again inside the transaction: another ingest may have run meanwhile.
            present = {r[0] for r in self._db.execute("SELECT id FROM articles")}
            if any(a.id in present for a in new):
                summary.unchanged_articles += sum(a.id in present for a in new)
                new = [a for a in new if a.id not in present]
                machine = [c for c in machine if c.article not in present]
            fresh = self._fresh(human, machine)
            summary.human_claims_unchanged = len(human) - len(fresh)
            summary.new_articles = len(new)
            summary.human_claims_added = len(fresh)
            summary.claims_added = len(machine) + len(fresh)
            if summary.changed:
                claims = machine + [h.claim for h in fresh]
                extras = {h.claim.id: h.extra for h in fresh if h.extra}  # a sheet's own columns
                added = {a.id for a in new} | {c.article for c in claims}
                on_step = lambda step: report(step, 0, 1)  # noqa: E731
                del batch, extracted, machine, human, fresh
                if not present and added <= {a.id for a in new}:
                    # A new store holds only this batch: it is grouped as it is in memory, as
                    # the store would give it back, and each claim is written once, with its
                    # event (not written, read back, and written again).
                    _as_loaded(claims)
                    self._recompute(on_step, executor=executor, batch=(new, claims, extras))
                else:
                    self._insert(new, claims, extras)
                    # Regrouping loads what it needs from the store: let the batch go first,
                    # so a large ingest does not hold its articles and claims twice.
                    del new, claims, extras
                    self._recompute(on_step, new_articles=added, executor=executor)
        report("done", 1, 1)
        summary.counts = self.counts()
        return summary

    def _fresh(self, human: list[SheetClaim], machine: list[Claim]) -> list[SheetClaim]:
        """Return the sheet claims not stored yet; an id taken by an extracted claim is an error."""
        stored = {r[0]: r[1] for r in self._db.execute("SELECT id, origin FROM claims")}
        stored.update((c.id, "machine") for c in machine)
        fresh = []
        for item in human:
            origin = stored.get(item.claim.id)
            if origin == "machine":
                raise ReconcileError(
                    f"claim id {item.claim.id!r} from a claim sheet is already used by an "
                    "extracted claim; leave the id column empty or choose another id"
                )
            if origin is None:
                fresh.append(item)
        return fresh

    def _sheet_claims(self, sheets: list[ClaimSheet], new: list[Article]) -> list[SheetClaim]:
        if not sheets:
            return []
        finder = _ArticleFinder(self, new)
        found: dict[str, SheetClaim] = {}
        for sheet in sheets:
            for item in sheet_claims(sheet, finder):
                found.setdefault(item.claim.id, item)
        # Framed here as extraction frames its claims: the store keeps every claim framed.
        by_article: dict[str, list[Claim]] = defaultdict(list)
        for item in found.values():
            by_article[item.claim.article].append(item.claim)
        for article_id, claims in by_article.items():
            frame_article(finder(article_id, ""), claims)
        return list(found.values())

    def _insert(
        self,
        articles: list[Article],
        claims: list[Claim],
        extras: dict[str, dict[str, Any]],
        with_events: bool = False,
    ) -> None:
        """Insert the articles, the claims' sources and the claims (with their event ids
        when `with_events`, else none yet); `extras` holds claim sheets' own columns by id."""
        now = _now()
        self._db.executemany(
            f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})",
            [
                (a.id, a.path, a.title, a.outlet, a.url, a.published, a.byline,
                 json.dumps([[s.zone, s.start, s.end] for s in a.sections]), a.text, now,
                 None if a.file_map is None else json.dumps(a.file_map))
                for a in articles
            ],
        )  # fmt: skip
        self._db.executemany(
            "INSERT INTO sources (norm, name, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [(c.source_norm, c.source, c.source_role) for c in claims],
        )
        columns = [c for c in CLAIM_COLUMNS if c != "event" or with_events]
        sql = (
            f"INSERT INTO claims ({', '.join(_q(c) for c in columns)}, extra) "
            f"VALUES ({', '.join('?' * (len(columns) + 1))})"
        )
        values = attrgetter(*columns)
        numeric = [i for i, c in enumerate(columns) if c in _NUMERIC_COLUMNS]
        event = columns.index("event") if with_events else -1

        def row(claim: Claim) -> list[Any]:
            found = list(values(claim))
            for i in numeric:
                found[i] = _storable(found[i])
            if event >= 0:
                found[event] = found[event] or None
            extra = extras.get(claim.id)
            found.append(json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else "{}")
            return found

        rows = map(row, claims)
        # In batches: one executemany per batch keeps memory flat on a large ingest.
        while batch := list(islice(rows, INSERT_BATCH)):
            self._db.executemany(sql, batch)
            if os.environ.get(DIE_HOOK) == "1":  # tests: die with the first batch written
                os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))

    # -- regrouping -----------------------------------------------------------------------------

    def _recompute(
        self,
        on_step: Callable[[str], None] | None = None,
        everything: bool = False,
        new_articles: Collection[str] = (),
        executor: Executor | None = None,
        batch: tuple[list[Article], list[Claim], dict[str, dict[str, Any]]] | None = None,
    ) -> None:
        """Regroup the stored claims; reconcile the (event, kind) groups that changed.

        After an ingest only the events the new articles can reach are regrouped, with them
        (`_nearby_events`); when that bound does not hold, and after a correction or a change
        of settings, everything stored is. The recorded corrections and the stable event ids
        are applied. A group whose claims are exactly those it had keeps its stored figures:
        they depend on nothing else. So a day's ingest into a large store reconciles only the
        stories it touched; when most of the store changed (the first ingest), everything is
        rewritten in bulk. Relations are not stored (they are derived on demand,
        `relations_of`): each changed event's are built, used to reconcile it, and let go, so
        memory holds one event's pairs at a time.

        `batch` (articles, claims, claim sheets' extra columns by claim id) is a first ingest's,
        not yet written: it is all the store will hold, so it is grouped from memory and
        written here.
        """
        step = on_step or (lambda name: None)
        step("loading")
        old_ids = [r[0] for r in self._db.execute("SELECT id FROM events")]
        nearby = None if everything or not new_articles else self._nearby_events(new_articles)
        if batch is not None:
            articles = batch[0]
            claims = _in_loaded_order(batch[0], batch[1])
        elif nearby is None:
            articles = self._load_articles()
            claims = self._load_claims()
        else:
            claims = self._load_claims_of(nearby, new_articles)
            articles = self._load_articles({c.article for c in claims})
        self.last_regroup = ("all" if nearby is None else "nearby", len(claims))
        previous = {c.id: c.event for c in claims if c.event}
        step("grouping")
        events = group_events(articles, claims, framed=True)
        events = self._apply_corrections(events, claims, articles)
        events = _stable_ids(events, claims, previous, old_ids)

        before = _groups(claims, lambda c: previous.get(c.id))
        after = _groups(claims, lambda c: c.event)
        changed = {k for k, ids in after.items() if before.get(k) != ids}
        stale = {k for k, ids in before.items() if after.get(k) != ids}
        touched = set().union(*(after[k] for k in changed), *(before[k] for k in stale))
        bulk = everything or (nearby is None and len(touched) * 2 > len(claims))
        if bulk:
            stale = set(before)
            touched = {c.id for c in claims}
        # The claims to relate: those of changed groups, and any part whose total they hold
        # (its `subset` link goes with the total's group), loaded if regrouping left it out.
        related = [c for c in claims if c.id in touched or c.part_of in touched]
        if nearby is not None:
            related += self._parts_outside(touched, {c.id for c in claims})
        step("relating")

        def write_events() -> None:
            # Runs while the workers relate (it needs the events, not the figures).
            nonlocal previous
            if batch is not None:
                self.backend.defer_foreign_keys()  # the events are written after their claims
                self._insert(*batch, with_events=True)
                previous = {c.id: c.event for c in claims}  # written with their events
            self._write_events(events, claims, previous, nearby)

        figures = reconcile_by_event(related, touched, articles, executor, write_events)
        step("writing")
        self._write_figures(figures, stale, bulk)

    def _nearby_events(self, new_articles: Collection[str]) -> set[str] | None:
        """Return the stored events a regrouping with the new articles can change, or None
        when only regrouping everything is safe.

        Incident groups join only within their date reach (`events.claim_reach`), so the events
        whose claims reach no day the new claims reach are left as they are. Series join by
        scope and place whatever their date: those of the new claims' scopes and places come
        along. Then, to a fixed point, every incident claim of an article already taken (an
        article's main incident is chosen from all of them) and every claim of a correction
        that names one taken. Undated incident claims meet any date by their words (and an
        article's story index is capped by order), so their presence, stored or new, means
        regrouping it all.
        """
        new = sorted(set(new_articles))
        if len(new) > MAX_NEARBY_NEW:
            return None
        stored = self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        if stored <= len(new):  # the first ingest (all stored articles are new): everything
            return None
        columns = "c.article, c.event, c.kind, c.scope, c.place, c.sentence, a.published, c.told"
        spans: list[tuple[int, int]] = []
        series: set[tuple[str, str]] = set()
        taken: set[str] = set()
        for part in _chunks(new):
            cursor = self._db.execute(
                f"SELECT {columns} FROM claims c JOIN articles a ON a.id = c.article "
                f"WHERE c.article IN ({', '.join('?' * len(part))})", part)  # fmt: skip
            cursor.row_factory = None
            for _article, event, kind, scope, place, sentence, published, told in cursor:
                if event:  # a stored article a claim sheet added to: its events go too
                    taken.add(event)
                if is_series(scope):
                    series |= {(series_key(kind, scope), p) for p in place_skeletons(place)}
                elif (days := claim_reach(sentence, published, told, place)) is None:
                    return None
                else:
                    spans.append(days)
        merged = _merged(spans)
        # A stored incident claim takes its event when its reach meets the new claims'. Only a
        # look-back's span reaches far from the article's date (and spans of one group join
        # into one), so a claim without one that is dated far from the new ones is not read.
        near = NEAR_PUBLISHED_DAYS + DATE_WINDOW_DAYS
        looking_back: dict[str, list[int]] = {}
        stored = False
        fresh = set(new)
        cursor = self._db.execute(
            f"SELECT {columns} FROM claims c JOIN articles a ON a.id = c.article"
        )
        cursor.row_factory = None
        for article, event, kind, scope, place, sentence, published, told in cursor:
            if article in fresh:
                continue
            if not event:
                return None  # a stored claim without an event: the store is not grouped yet
            stored = True
            if is_series(scope):
                # A series joins another of its scope that shares a place with it.
                if any((series_key(kind, scope), p) in series for p in place_skeletons(place)):
                    taken.add(event)
                continue
            spanned = bool(told) or may_look_back(sentence)
            if published is not None and not spanned:
                day = _ordinal(published)
                if event in taken or not _overlaps(day - near, day + near, merged):
                    continue
            days = claim_reach(sentence, published, told, place)
            if days is None:
                return None
            if spanned:
                known = looking_back.setdefault(event, [days[0], days[1]])
                known[0], known[1] = min(known[0], days[0]), max(known[1], days[1])
            elif _overlaps(days[0], days[1], merged):
                taken.add(event)
        if not stored:
            return None  # the first ingest: everything is new
        taken |= {e for e, (lo, hi) in looking_back.items() if _overlaps(lo, hi, merged)}
        return self._closed(taken)

    def _closed(self, taken: set[str]) -> set[str]:
        """Return the events taken, with the incident events of their articles and those of
        the corrections that name their claims, to a fixed point."""
        corrections = [
            set(json.loads(r[0])["claims"])
            for r in self._db.execute("SELECT payload FROM corrections")
        ]
        frontier = set(taken)
        while frontier:
            members = []
            for part in _chunks(sorted(frontier)):
                members += self._db.execute(
                    f"SELECT id, article, scope FROM claims WHERE event IN "
                    f"({', '.join('?' * len(part))})", part).fetchall()  # fmt: skip
            ids = {r[0] for r in members}
            articles = sorted({r[1] for r in members if not is_series(r[2])})
            wanted: set[str] = set()
            for part in _chunks(articles):
                wanted |= {r[1] for r in self._db.execute(
                    f"SELECT scope, event FROM claims WHERE article IN ({', '.join('?' * len(part))})",
                    part) if not is_series(r[0]) and r[1]}  # fmt: skip
            named = sorted(set().union(*(c for c in corrections if c & ids)) - ids)
            for part in _chunks(named):
                wanted |= {r[0] for r in self._db.execute(
                    f"SELECT event FROM claims WHERE id IN ({', '.join('?' * len(part))})",
                    part) if r[0]}  # fmt: skip
            frontier = wanted - taken
            taken |= frontier
        return taken

    def _write_events(
        self,
        events: list[Event],
        claims: list[Claim],
        previous: dict[str, str],
        replaced: set[str] | None = None,
    ) -> None:
        """Replace the events (those `replaced` when given, else all) and re-point the claims
        that moved."""
        db = self._db
        # Events are replaced and claims re-pointed; the foreign keys are checked at commit,
        # so only the claims whose event changed are written (on a daily ingest, the new ones).
        # Their trigger, place and scope were set when they were stored and do not change.
        self.backend.defer_foreign_keys()
        if replaced is None:
            db.execute("DELETE FROM events")
        else:
            db.executemany("DELETE FROM events WHERE id = ?", [(e,) for e in sorted(replaced)])
        db.executemany(
            "INSERT INTO events (id, label, trigger, place, date, scope) VALUES (?, ?, ?, ?, ?, ?)",
            [(e.id, e.label, e.trigger, e.place, e.date, e.scope) for e in events],
        )
        db.executemany(
            "UPDATE claims SET event = ? WHERE id = ?",
            [(c.event or None, c.id) for c in claims if (c.event or None) != previous.get(c.id)],
        )

    def _write_figures(
        self, figures: list[Reconciled], stale: set[tuple[str, str]], bulk: bool
    ) -> None:
        """Rewrite the reconciled figures of the groups that changed (all of them when `bulk`)."""
        db = self._db
        self.backend.defer_foreign_keys()
        if bulk:
            db.execute("DELETE FROM reconciled")
        else:
            db.executemany("DELETE FROM reconciled WHERE event = ? AND kind = ?", sorted(stale))
        db.executemany(
            "INSERT INTO reconciled (event, kind, low, best, high, rule, note, originators, claims,"
            " figures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(r.event, r.kind, r.low, r.best, r.high, r.rule, r.note, r.originators,
              json.dumps(r.claims), json.dumps(r.figures)) for r in figures],
        )  # fmt: skip

    def _apply_corrections(
        self, events: list[Event], claims: list[Claim], articles: list[Article]
    ) -> list[Event]:
        """Return the events after re-applying every recorded merge and split, oldest first."""
        rows = self._db.execute(
            "SELECT id, action, payload FROM corrections ORDER BY id"
        ).fetchall()
        if not rows:
            return events
        groups: dict[str, list[str]] = {e.id: list(e.claims) for e in events}
        member = {cid: e.id for e in events for cid in e.claims}
        for row in rows:
            wanted = [c for c in json.loads(row["payload"])["claims"] if c in member]
            if row["action"] == "merge":
                targets = list(dict.fromkeys(member[c] for c in wanted))
                for other in targets[1:]:
                    for cid in groups.pop(other):
                        member[cid] = targets[0]
                        groups[targets[0]].append(cid)
            elif wanted:
                key = f"correction-{row['id']}"
                for cid in wanted:
                    groups[member[cid]].remove(cid)
                    member[cid] = key
                groups[key] = wanted
        original = {e.id: e for e in events}
        by_id = {c.id: c for c in claims}
        published = {a.id: a.published for a in articles}
        heir = _heirs(original, groups)
        result = []
        for key, members in groups.items():
            if not members:
                continue
            event = original.get(key)
            if event is None or set(event.claims) != set(members):
                event = _event_of([by_id[c] for c in members], published, key)
                if key in heir:  # most of its claims were one grouped event: keep its words
                    old = heir[key]
                    event.label, event.trigger, event.place = old.label, old.trigger, old.place
                    event.date, event.scope = old.date, old.scope
            for cid in members:
                by_id[cid].event = key
            result.append(event)
        return result

    # -- corrections ----------------------------------------------------------------------------

    def merge(self, event_ids: list[str]) -> str:
        """Record that the claims of these events belong to one event; return its id."""
        ids = list(dict.fromkeys(event_ids))
        if len(ids) < 2:
            raise ReconcileError("merge needs at least two different events")
        for event_id in ids:
            self._require_event(event_id)
        marks = ", ".join("?" * len(ids))
        members = [r[0] for r in self._db.execute(
            f"SELECT id FROM claims WHERE event IN ({marks}) ORDER BY rowid", ids)]  # fmt: skip
        self._correct("merge", {"claims": members, "events": ids})
        return self._event_of_claim(members[0])

    def split(self, event_id: str, claim_ids: list[str]) -> str:
        """Record that these claims of an event form an event of their own; return its id."""
        self._require_event(event_id)
        wanted = list(dict.fromkeys(c.strip() for c in claim_ids if c.strip()))
        if not wanted:
            raise ReconcileError("split needs at least one claim id (--claims ID,ID)")
        members = {r[0] for r in self._db.execute("SELECT id FROM claims WHERE event = ?",
                                                  (event_id,))}  # fmt: skip
        outside = [c for c in wanted if c not in members]
        if outside:
            raise ReconcileError(
                f"claim(s) {', '.join(outside)} are not in {event_id} "
                f"(see `reconcile claims --event {event_id}`)"
            )
        if set(wanted) == members:
            raise ReconcileError(f"those are all the claims of {event_id}: nothing to split off")
        self._correct("split", {"claims": wanted, "event": event_id})
        return self._event_of_claim(wanted[0])

    def _correct(self, action: str, payload: dict[str, Any]) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT INTO corrections (action, payload, created_at) VALUES (?, ?, ?)",
                (action, json.dumps(payload), _now()),
            )
            self._recompute()

    def _require_event(self, event_id: str) -> None:
        if not self._db.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone():
            raise ReconcileError(f"no event {event_id} in {self.path} (see `reconcile events`)")

    def _event_of_claim(self, claim_id: str) -> str:
        return self._db.execute("SELECT event FROM claims WHERE id = ?", (claim_id,)).fetchone()[0]

    # -- reading --------------------------------------------------------------------------------

    def _load_articles(self, ids: set[str] | None = None) -> list[Article]:
        if ids is None:
            rows = self._db.execute(
                f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles ORDER BY rowid"
            ).fetchall()
            return [_article(r) for r in rows]
        found = []
        for part in _chunks(sorted(ids)):
            found += self._db.execute(
                f"SELECT rowid, {', '.join(ARTICLE_COLUMNS)} FROM articles "
                f"WHERE id IN ({', '.join('?' * len(part))})", part).fetchall()  # fmt: skip
        return [_article(r) for r in sorted(found, key=lambda r: r["rowid"])]

    def _load_claims_of(self, events: set[str], articles: Collection[str]) -> list[Claim]:
        """Return the claims of these events and articles, in `_load_claims`'s order."""
        marks = ", ".join("?" * len(events)) or "NULL"
        new = ", ".join("?" * len(articles)) or "NULL"
        cursor = self._db.execute(
            f"SELECT {', '.join('c.' + _q(c) for c in _CLAIM_FIELDS)} FROM claims c "
            f"JOIN articles a ON a.id = c.article WHERE c.event IN ({marks}) "
            f"OR c.article IN ({new}) ORDER BY a.rowid, c.start, c.rowid",
            [*sorted(events), *sorted(articles)],
        )
        cursor.row_factory = None
        shared: dict[str, str] = {}
        return [_claim(r, shared) for r in cursor]

    def _parts_outside(self, totals: set[str], loaded: set[str]) -> list[Claim]:
        """Return the stored claims not loaded whose total is one of these claims."""
        found: list[Claim] = []
        for part in _chunks(sorted(totals)):
            cursor = self._db.execute(
                f"SELECT {', '.join('c.' + _q(c) for c in _CLAIM_FIELDS)} FROM claims c "
                f"WHERE c.part_of IN ({', '.join('?' * len(part))})", part)  # fmt: skip
            cursor.row_factory = None
            found += [c for c in map(_claim, cursor) if c.id not in loaded]
        return found

    def _load_claims(self, event: str | None = None) -> list[Claim]:
        where = "WHERE c.event = ?" if event else ""
        cursor = self._db.execute(
            f"SELECT {', '.join('c.' + _q(c) for c in _CLAIM_FIELDS)} FROM claims c "
            f"JOIN articles a ON a.id = c.article {where} ORDER BY a.rowid, c.start, c.rowid",
            (event,) if event else (),
        )
        # Plain tuples in the dataclass's field order: a large store loads 100,000 claims here.
        cursor.row_factory = None
        shared: dict[str, str] = {}
        return [_claim(r, shared) for r in cursor]

    def analysis_articles(self) -> list[Article]:
        """Return the stored articles as Article objects, in the order they were stored."""
        return self._load_articles()

    def claim(self, claim_id: str) -> Claim | None:
        """Return one stored claim, or None."""
        cursor = self._db.execute(
            f"SELECT {', '.join('c.' + _q(c) for c in _CLAIM_FIELDS)} FROM claims c WHERE id = ?",
            (claim_id,),
        )
        cursor.row_factory = None
        row = cursor.fetchone()
        return _claim(row) if row else None

    def article(self, article_id: str) -> Article | None:
        """Return one stored article (with its text), or None."""
        row = self._db.execute(
            f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return _article(row) if row else None

    def articles_at(self, path: str) -> list[Article]:
        """Return the stored articles read from this path (as given, or the same file)."""
        rows = self._db.execute(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles").fetchall()
        file, _, part = path.partition("#")
        return [
            _article(r) for r in rows
            if r["path"] == path
            or (r["path"].partition("#")[2] == part and _abs(r["path"].partition("#")[0]) == _abs(file))
        ]  # fmt: skip

    def event(self, event_id: str) -> Event | None:
        """Return one stored event (its claims listed), or None."""
        row = self._db.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        members = [r[0] for r in self._db.execute("SELECT id FROM claims WHERE event = ?",
                                                  (event_id,))]  # fmt: skip
        return Event(row["id"], row["label"], members, row["trigger"], row["place"], row["date"],
                     row["scope"])  # fmt: skip

    def article_claims(self, article_id: str) -> list[Claim]:
        """Return the stored claims of one article, in text order."""
        cursor = self._db.execute(
            f"SELECT {', '.join('c.' + _q(c) for c in _CLAIM_FIELDS)} FROM claims c "
            "WHERE article = ? ORDER BY start, rowid",
            (article_id,),
        )
        cursor.row_factory = None
        return [_claim(r) for r in cursor]

    def rows(self, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:
        """Return the rows of a query as plain dicts."""
        return [dict(r) for r in self._db.execute(sql, params)]

    def analysis(self) -> Analysis:
        """Return the stored articles, claims, events and figures for the reports, with the
        relations derived from the claims (as `reconcile check` derives them)."""
        articles = self._load_articles()
        claims = self._load_claims()
        members: dict[str, list[str]] = defaultdict(list)
        for claim in claims:
            if claim.event:
                members[claim.event].append(claim.id)
        events = [
            Event(r["id"], r["label"], members[r["id"]], r["trigger"], r["place"], r["date"],
                  r["scope"])
            for r in self._db.execute(f"SELECT * FROM events ORDER BY {_event_order()}")
        ]  # fmt: skip
        # Derived, not stored: the relations `reconcile check` computes from the same claims.
        relations = build_relations(claims, articles)
        figures = [
            Reconciled(r["event"], r["kind"], _n(r["low"]), _n(r["best"]), _n(r["high"]),
                       r["rule"], r["note"], json.loads(r["claims"]), r["originators"],
                       json.loads(r["figures"]))
            for r in self._db.execute(f"SELECT {RECONCILED} FROM reconciled ORDER BY rowid")
        ]  # fmt: skip
        return Analysis(articles, claims, events, relations, figures)

    def _frame(self, sql: str, params: tuple | list = ()) -> pd.DataFrame:
        import pandas as pd

        cursor = self._db.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        return pd.DataFrame([tuple(r) for r in cursor.fetchall()], columns=columns)

    def claims(self, event: str | None = None) -> pd.DataFrame:
        """Return the claims (contract columns first), optionally of one event."""
        where = "WHERE c.event = ?" if event else ""
        return self._frame(
            f"SELECT {', '.join('c.' + _q(c) for c in CLAIM_COLUMNS)}, c.extra FROM claims c "
            f"JOIN articles a ON a.id = c.article {where} ORDER BY a.rowid, c.start, c.rowid",
            (event,) if event else (),
        )

    def events(self) -> pd.DataFrame:
        """Return the events with their number of claims and of distinct sources."""
        return self._frame(
            "SELECT e.id, e.date, e.place, e.label, e.trigger, e.scope, "
            "COUNT(c.id) AS claims, COUNT(DISTINCT c.source_norm) AS sources "
            "FROM events e LEFT JOIN claims c ON c.event = e.id "
            f"GROUP BY e.id ORDER BY {_event_order('e')}"
        )

    def relations(self, event: str | None = None) -> pd.DataFrame:
        """Return the relations between claims (optionally of one event), with the event and
        kind they concern, derived from the stored claims as `reconcile check` derives them."""
        import pandas as pd

        claims = self._load_claims(event)
        by_id = {c.id: c for c in claims}
        rows = [
            (r.a, r.b, r.type, r.note, by_id[r.a].event or None, by_id[r.a].kind)
            for r in build_relations(claims, self._dated_articles())
        ]
        return pd.DataFrame(rows, columns=["a", "b", "type", "note", "event", "kind"])

    def relations_of(self, event: str) -> list[Relation]:
        """Return the relations between the claims of one event, derived on demand (the store
        keeps the claims and their groups, not the pairs: see the README's store section)."""
        return build_relations(self._load_claims(event), self._dated_articles())

    def relation(self, a: str, b: str) -> Relation | None:
        """Return how two stored claims relate; None when they are of different events or kinds.

        The relation derived between them (either way round) when their event's pairs hold
        one, as every report shows it; otherwise (two figures that are not neighbours by date
        or one repeats a copy of the other) the same comparison made directly.
        Raise ReconcileError for an id the store does not hold.
        """
        x, y = self.claim(a), self.claim(b)
        for claim_id, claim in ((a, x), (b, y)):
            if claim is None:
                raise ReconcileError(f"no claim {claim_id} in {self.path} (see `reconcile claims`)")
        assert x is not None and y is not None
        if not x.event or x.event != y.event:
            return None
        for relation in self.relations_of(x.event):
            if {relation.a, relation.b} == {a, b}:
                return relation
        if x.kind != y.kind or x.part_of or y.part_of:
            return None
        published = {r[0]: r[1] for r in self._db.execute(
            "SELECT id, published FROM articles WHERE id IN (?, ?)", (x.article, y.article))}  # fmt: skip
        return relate(x, y, published)

    def _dated_articles(self) -> list[Article]:
        """Return the articles with their ids and dates only: all that relating reads."""
        return [
            Article(r[0], "", "", published=r[1])
            for r in self._db.execute("SELECT id, published FROM articles ORDER BY rowid")
        ]

    def articles(self) -> pd.DataFrame:
        """Return the stored articles (with their text)."""
        return self._frame(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles ORDER BY rowid")

    def reconciled(self) -> pd.DataFrame:
        """Return the low/best/high figures per event and kind."""
        return self._frame(f"SELECT {RECONCILED} FROM reconciled ORDER BY rowid")

    def corrections(self) -> pd.DataFrame:
        """Return the recorded merges and splits, oldest first."""
        return self._frame("SELECT * FROM corrections ORDER BY id")


def _validated(settings: dict[str, str | None]) -> dict[str, str]:
    """Return the given (non-None) settings; raise ReconcileError for an unknown value."""
    out = {}
    for name, value in settings.items():
        if value is None:
            continue
        choices = SETTING_CHOICES.get(name)
        if choices and value not in choices:
            raise ReconcileError(f"{name} {value!r}: unknown (one of {', '.join(choices)})")
        out[name] = value
    return out


def _joined(old: str, new: str) -> str:
    """Return alias CSV text with the new rows after the old ones (a row already there once)."""
    lines = old.splitlines()
    lines += [line for line in new.splitlines() if line.strip() and line not in lines]
    return "\n".join(lines) + "\n" if lines else ""


def _event_order(table: str = "") -> str:
    """Return the ORDER BY terms for events: by date (undated last), then id number."""
    p = f"{table}." if table else ""
    return f"{p}date IS NULL, {p}date, CAST(substr({p}id, 2) AS INTEGER), {p}id"


def _storable(value: Any) -> Any:
    """Return a value SQLite can store: a whole number past 64 bits as a float (or None)."""
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        try:
            return float(value)
        except OverflowError:
            return None
    return value


def _q(column: str) -> str:
    return '"end"' if column == "end" else column


def _n(value: Any) -> Any:
    """Return a float that holds a whole number as an int (SQLite REAL gives 11.0 for 11)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _article(row: sqlite3.Row) -> Article:
    sections = [Section(z, s, e) for z, s, e in json.loads(row["sections"])]
    file_map = json.loads(row["file_map"]) if row["file_map"] is not None else None
    return Article(row["id"], row["path"], row["text"], row["title"], row["outlet"], row["url"],
                   row["published"], row["byline"], sections, file_map)  # fmt: skip


# Claim columns that may hold a number (the rest are text).
_NUMERIC_COLUMNS = ("low", "high", "figure", "start", "end", "sentence_start", "sentence_end")


def _as_loaded(claims: list[Claim]) -> None:
    """Set each claim's figures as a store row gives them back (REAL: a whole number as an
    int) and clear its event, so a batch grouped in memory is grouped as if read back."""
    for claim in claims:
        for name in ("low", "high", "figure"):
            value = _storable(getattr(claim, name))
            setattr(claim, name, None if value is None else _n(float(value)))
        claim.event = ""


def _in_loaded_order(articles: list[Article], claims: list[Claim]) -> list[Claim]:
    """Return the claims in `_load_claims`'s order for these articles stored in this order:
    by article, then start, then the order they are written in."""
    position = {a.id: i for i, a in enumerate(articles)}
    return sorted(claims, key=lambda c: (position[c.article], c.start))  # stable: ties keep order


# A claim row selected in the order of Claim's fields; only the REAL columns need converting.
_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))
_NUMERIC = tuple(i for i, name in enumerate(_CLAIM_FIELDS) if name in ("low", "high", "figure"))
_EVENT = _CLAIM_FIELDS.index("event")


# Text fields many claims repeat (an article's id, a source, a sentence with two figures): a
# store's 100,000 claims loaded for regrouping hold one copy of each value, not one per row.
_REPEATED = tuple(
    i for i, name in enumerate(_CLAIM_FIELDS)
    if name not in ("id", "low", "high", "figure", "start", "end", "sentence_start",
                    "sentence_end", "stated")
)  # fmt: skip


def _claim(row: tuple, shared: dict[str, str] | None = None) -> Claim:
    values = list(row)
    for i in _NUMERIC:
        values[i] = _n(values[i])
    values[_EVENT] = values[_EVENT] or ""
    if shared is not None:
        for i in _REPEATED:
            values[i] = shared.setdefault(values[i], values[i])
    return Claim(*values)


def iter_inputs(
    paths: list[str],
    batch: _Batch,
    max_bytes: int = MAX_ARTICLE_BYTES,
    encoding: str | None = None,
    outlet: str = "",
    published: str | None = None,
    keep_going: bool = False,
) -> Iterator[Article]:
    """Yield the articles of the files, one file at a time, into `batch` the claim sheets; raise
    InputError on the first bad file (with `keep_going`, note its error in `batch.skipped`
    and read on).

    .csv files are claim sheets; a .json file is a claim sheet when its objects have a "kind"
    field, otherwise an article feed; everything else goes to `read_articles`. `outlet` and
    `published` fill in articles that do not say.
    """
    for path in paths:
        suffix = Path(path).suffix.lower()
        try:
            if suffix == ".csv":
                batch.sheets.append(read_claim_sheet(path))
            elif suffix == ".json":
                sheet = parse_json_sheet(read_text_file(path, MAX_FEED_BYTES), path)
                if sheet is not None:
                    batch.sheets.append(sheet)
                else:
                    yield from read_articles(path, outlet, published, encoding=encoding)
            else:
                yield from read_articles(path, outlet, published, max_bytes=max_bytes,
                                         encoding=encoding)  # fmt: skip
        except ReconcileError as exc:
            if not keep_going:
                raise
            batch.skipped.append(str(exc))


def _expected_articles(paths: list[str]) -> int:
    """Return about how many articles the files hold, to choose how many processes to start
    before they are read: a file each, a feed's worth (by size) for JSON feeds."""
    feeds = [p for p in paths if Path(p).suffix.lower() in (".jsonl", ".ndjson", ".json")]
    size = sum(os.path.getsize(p) for p in feeds if os.path.isfile(p))
    return len(paths) - len(feeds) + size // 3000


class _ArticleFinder:
    """Finds the article a claim sheet row names: by id, by path, or by a unique file name."""

    def __init__(self, store: Store, new: list[Article]) -> None:
        self._store = store
        self._new = {a.id: a for a in new}
        rows = store.rows("SELECT id, path FROM articles")
        self._paths = [(r["id"], r["path"]) for r in rows] + [(a.id, a.path) for a in new]
        self._ids = {i for i, _ in self._paths}

    def __call__(self, ref: str, sheet_path: str) -> Article | None:
        article_id = self._find(ref, sheet_path)
        if article_id is None:
            return None
        if article_id in self._new:
            return self._new[article_id]
        row = self._store.connection.execute(
            f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return _article(row)

    def _find(self, ref: str, sheet_path: str) -> str | None:
        if ref in self._ids:
            return ref
        exact = {i for i, p in self._paths if p == ref}
        if exact:
            return _one(exact, ref, sheet_path)
        wanted = {_abs(ref), _abs(str(Path(sheet_path).parent / ref))}
        same = {i for i, p in self._paths if _abs(p) in wanted}
        if same:
            return _one(same, ref, sheet_path)
        named = {i for i, p in self._paths if Path(p.split("#")[0]).name == ref}
        return _one(named, ref, sheet_path) if named else None


def _abs(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


def _one(ids: set[str], ref: str, sheet_path: str) -> str:
    if len(ids) > 1:
        raise InputError(sheet_path, f"article {ref!r} matches {len(ids)} stored articles; "
                                     "use the article id")  # fmt: skip
    return next(iter(ids))


def _event_of(claims: list[Claim], published: dict[str, str | None], key: str) -> Event:
    """Return an Event (id `key`) described from its claims, for groups a correction made.

    The label speaks for most of the claims: the commonest trigger and places, and a series'
    scope ("since the start (cumulative)") only when most claims are of that series, so a
    merge that takes in one cumulative figure is still labelled as the incident it is.
    """
    triggers = Counter(c.trigger for c in claims if c.trigger)
    trigger = triggers.most_common(1)[0][0] if triggers else ""
    names: dict[str, str] = {}
    mentions: Counter = Counter()
    for claim in claims:
        for name in filter(None, claim.place.split("; ")):
            names.setdefault(place_key(name), name)
            mentions[place_key(name)] += 1
    places = [names[k] for k, _ in mentions.most_common()]
    dates = sorted(d for c in claims if (d := event_date(c.sentence, published.get(c.article))))
    scopes = Counter(c.scope for c in claims if c.scope)
    scope = scopes.most_common(1)[0][0] if sum(scopes.values()) * 2 > len(claims) else ""
    date = dates[0] if dates else None
    label = event_label(trigger, places, date, scope, [c for c in claims if c.scope == scope])
    return Event(key, label, [c.id for c in claims], trigger, "; ".join(places), date,
                 scope)  # fmt: skip


def _heirs(original: dict[str, Event], groups: dict[str, list[str]]) -> dict[str, Event]:
    """Return group key -> the grouped event whose description it inherits after corrections.

    A grouped event hands its label to the one corrected group that holds most of its claims,
    and only when they are most of that group's claims too: a merge keeps the label of the
    event it mostly is; after a split the larger part keeps it and the part split off is
    described from its own claims.
    """
    owner = {cid: e.id for e in original.values() for cid in e.claims}
    shares = []
    for key, members in groups.items():
        counts = Counter(owner[c] for c in members if c in owner)
        for event_id, count in counts.items():
            if count * 2 > len(members):
                shares.append((-count, key, event_id))
    heirs: dict[str, Event] = {}
    taken: set[str] = set()
    for _, key, event_id in sorted(shares):
        if event_id not in taken and key not in heirs:
            heirs[key] = original[event_id]
            taken.add(event_id)
    return heirs


# Below this many claims to relate, relating stays in this process (a pool costs more).
PARALLEL_MIN_RELATED = 5000
# Events sent to a worker at once: enough claims that pickling them is a small share.
RELATE_CHUNK_CLAIMS = 4000


def reconcile_by_event(
    claims: list[Claim],
    touched: set[str],
    articles: list[Article],
    executor: Executor | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> list[Reconciled]:
    """Return the reconciled rows of the touched claims' groups, relating one event at a time.

    Relations never cross events (a part goes with its total), so each event's are built from
    its own claims, used to reconcile it and let go: memory holds one event's pairs, not the
    store's million. Events are independent, so with an `executor` of several workers they are
    related there, in chunks of events (the largest first, so no worker is left with the
    biggest at the end); the rows are the same, in `reconcile`'s order (event number, kind).
    `meanwhile()` runs once, in this process while the workers relate (else first).
    """
    event_of = {c.id: c.event for c in claims}
    batches: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        batches[event_of.get(claim.part_of) or claim.event].append(claim)
    # Relating reads an article's id, date, outlet and path, never its text.
    by_id = {a.id: Article(a.id, a.path, "", outlet=a.outlet, published=a.published)
             for a in articles}  # fmt: skip
    work = []
    for batch in batches.values():
        theirs = [by_id[i] for i in dict.fromkeys(c.article for c in batch) if i in by_id]
        work.append((batch, [c for c in batch if c.id in touched], theirs))
    del batches
    meanwhile = meanwhile or (lambda: None)
    if executor is None or executor.workers < 2 or len(claims) < PARALLEL_MIN_RELATED:
        meanwhile()
        rows = _reconcile_events((work, None))
    else:
        rows = _reconcile_in(executor, work, meanwhile)
    figures = [row for batch_rows in rows for row in batch_rows]
    figures.sort(key=lambda r: (_number(r.event), r.kind))
    return figures


def _reconcile_in(
    executor: Executor,
    work: list[tuple[list[Claim], list[Claim], list[Article]]],
    meanwhile: Callable[[], None],
) -> list[list[Reconciled]]:
    """Return each batch's reconciled rows (in `work`'s order), related by the executor's
    workers in chunks of events, largest first; run `meanwhile()` once the first chunk is
    back (the chunks after it are in flight, so the workers stay busy)."""
    from reconcile.settings import Settings

    settings = Settings.current()
    order = sorted(range(len(work)), key=lambda i: -len(work[i][0]))
    chunks: list[list[int]] = []
    size = 0
    for i in order:
        if not chunks or size + len(work[i][0]) > RELATE_CHUNK_CLAIMS:
            chunks.append([])
            size = 0
        chunks[-1].append(i)
        size += len(work[i][0])
    rows: list[list[Reconciled]] = [[] for _ in work]
    items = (([work[i] for i in chunk], settings) for chunk in chunks)
    waiting = True
    for chunk, found in zip(chunks, executor.map(_reconcile_events, items), strict=True):
        for i, batch_rows in zip(chunk, found, strict=True):
            rows[i] = batch_rows
        if waiting:
            meanwhile()
            waiting = False
    if waiting:  # nothing was sent
        meanwhile()
    return rows


def _reconcile_events(
    args: tuple[list[tuple[list[Claim], list[Claim], list[Article]]], Any],
) -> list[list[Reconciled]]:
    """Return the reconciled rows of each (event's claims, those counted, their articles)."""
    work, settings = args
    if settings is not None:
        settings.install()  # a worker may be a fresh interpreter: it learns the place aliases
    with gc_paused():
        return [
            reconcile(counted, build_relations(batch, theirs), theirs, rule="range")
            for batch, counted, theirs in work
        ]


def _groups(claims: list[Claim], event_of: Callable[[Claim], str | None]) -> dict:
    """Return (event, kind) -> the frozenset of its claim ids, for claims with an event."""
    members: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in claims:
        event = event_of(claim)
        if event:
            members[(event, claim.kind)].add(claim.id)
    return {key: frozenset(ids) for key, ids in members.items()}


def _stable_ids(
    events: list[Event], claims: list[Claim], previous: dict[str, str], old_ids: list[str]
) -> list[Event]:
    """Return the events renamed so each keeps the stored id it shares the most claims with.

    Pairs are taken greedily by shared claims (ties: lower old number first), one new event per
    old id; events left over get numbers above every stored one. Sets claim.event to match.
    """
    pairs = []
    for index, event in enumerate(events):
        shared = Counter(previous[c] for c in event.claims if c in previous)
        for old, count in shared.items():
            pairs.append((-count, _number(old), old, index))
    pairs.sort()
    names: dict[int, str] = {}
    taken: set[str] = set()
    for _, _, old, index in pairs:
        if index not in names and old not in taken:
            names[index] = old
            taken.add(old)
    next_number = max((_number(i) for i in old_ids), default=0) + 1
    for index in range(len(events)):
        if index not in names:
            names[index] = f"E{next_number}"
            next_number += 1
    by_id = {c.id: c for c in claims}
    renamed = []
    for index, event in enumerate(events):
        event.id = names[index]
        for cid in event.claims:
            by_id[cid].event = event.id
        renamed.append(event)
    renamed.sort(key=lambda e: (e.date is None, e.date or "", _number(e.id)))
    return renamed


def _overlaps(lo: int, hi: int, merged: list[tuple[int, int]]) -> bool:
    """Return True when [lo, hi] meets one of the sorted, disjoint day ranges `merged`."""
    at = bisect_right(merged, (hi, math.inf)) - 1  # the last range starting on or before hi
    return at >= 0 and merged[at][1] >= lo


@lru_cache(maxsize=1 << 12)
def _ordinal(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return day ranges sorted and joined where they overlap."""
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _number(event_id: str) -> int:
    return int(event_id[1:]) if event_id[1:].isdigit() else 0
