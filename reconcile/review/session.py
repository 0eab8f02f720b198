"""The interactive review session: one item per screen, a key per verdict, resumable.

The screen shows the item's event, the machine's finding or reading and its reason, the claims
side by side (figure as written, interval, source and role, outlet, date, where in which
article) with each claim's sentence and its figure in [brackets], the current verdict, and how
many items are left. Keys: one per verdict (shown on screen), `s` skip, `b` back, `q` quit.

In a terminal a key is read as it is pressed; from a pipe (a script, a test) each line is one
answer, so `printf 'c\\n\\nq\\n' | reconcile review ...` confirms one item and quits. Every
verdict is written when it is given; end of input quits like `q`.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from reconcile.errors import ReconcileError
from reconcile.model import Article, Claim
from reconcile.report.findings import FINDING_WORDS, interval_text, says, who
from reconcile.review.items import REASONS, Item, claim_reading, review_items
from reconcile.review.keys import figure_id
from reconcile.review.ledger import (
    Decision,
    ReviewConflict,
    decide,
    decisions,
    end_session,
    start_session,
)
from reconcile.review.shape import shaped
from reconcile.review.verdicts import BACK, QUIT, SKIP, Verdict, by_key, parse_figure, verdicts_for

if TYPE_CHECKING:
    from reconcile.store import Store

MAX_WIDTH = 100
LABEL = 10  # width of the row labels ("figure", "source", ...)


@dataclass
class Terminal:
    """Where the session reads keys and lines and writes screens (a test passes its own)."""

    read_key: Callable[[], str | None]  # one key, "" for none, None at end of input
    read_line: Callable[[str], str | None]  # a line after a prompt, None at end of input
    write: Callable[[str], None]
    width: int = MAX_WIDTH
    color: bool = False
    clear: Callable[[], None] = lambda: None


def standard_terminal() -> Terminal:
    """Return the terminal of this process: single keys on a tty, one answer a line otherwise."""
    tty = sys.stdin.isatty() and sys.stdout.isatty()
    width = max(60, min(MAX_WIDTH, shutil.get_terminal_size((MAX_WIDTH, 30)).columns))

    def write(text: str) -> None:
        typer.echo(text)

    def read_line(prompt: str) -> str | None:
        typer.echo(prompt, nl=False)
        line = sys.stdin.readline()
        if not tty and line:  # piped answers are echoed, so a transcript reads as a dialogue
            typer.echo(line.rstrip("\r\n"))
        return None if line == "" else line.rstrip("\r\n")

    def read_key() -> str | None:
        typer.echo("> ", nl=False)
        if tty:
            key = typer.getchar()
            typer.echo(key if key.isprintable() else "")
            return None if key in ("\x03", "\x04") else key.lower()
        line = sys.stdin.readline()
        typer.echo(line.rstrip("\r\n") if line else "(end of input)")
        return None if line == "" else line.strip()[:1].lower()

    return Terminal(read_key, read_line, write, width, tty, _clear if tty else lambda: None)


def _clear() -> None:
    typer.echo("\x1b[2J\x1b[H", nl=False)


@dataclass
class Summary:
    """What one session did."""

    session: int
    decided: int = 0
    skipped: int = 0
    open_left: int = 0
    decisions: list[Decision] = field(default_factory=list)


class ReviewSession:
    """Walks the open items of a store, most serious first, and records the verdicts given."""

    def __init__(self, store: Store, reviewer: str, term: Terminal, event: str | None = None):
        self.store, self.reviewer, self.term, self.event = store, reviewer, term, event
        self._notes: list[str] = []  # "recorded: ...", "refused: ...", for the next screen
        self._load()
        if event and event not in self.events:
            raise ReconcileError(f"no event {event} in {store.path} (see `reconcile events`)")

    def _load(self) -> None:
        self.decided = decisions(self.store.connection)
        analysis = shaped(self.store.analysis(), self.decided)
        self.analysis = analysis
        self.claims = {c.id: c for c in analysis.claims}
        self.articles = {a.id: a for a in analysis.articles}
        self.events = {e.id: e for e in analysis.events}
        self.figures = {figure_id(r.event, r.kind): r for r in analysis.reconciled}
        kept = {i for i, d in self.decided.items() if d.type == "claim"}
        items = review_items(analysis, kept)
        self.items = {i.id: i for i in items if not self.event or i.event == self.event}

    def _open(self) -> list[str]:
        return [i for i in self.items if i not in self.decided]

    def run(self) -> Summary:
        """Run the session until the items run out, `q` or the end of input; return a summary."""
        db = self.store.connection
        summary = Summary(start_session(db, self.reviewer, self.event))
        order = self._open()
        done = len(self.items) - len(order)
        scope = f" in {self.event}" if self.event else ""
        self._notes.append(
            f"{len(self.items)} item(s){scope}: {done} decided, {len(order)} open. "
            f"Reviewer: {self.reviewer}."
        )
        position = 0
        try:
            while position < len(order):
                item = self.items.get(order[position])
                if item is None:  # gone in a regrouping since the session started
                    position += 1
                    continue
                move = self._ask(item, position, order, summary)
                if move == QUIT:
                    break
                if move == BACK:
                    position = max(0, position - 1)
                    continue
                position += 1
                if move != SKIP:
                    order = order[:position] + [
                        i for i in self._open() if i not in order[:position]
                    ]
                while position < len(order) and order[position] in self.decided:
                    position += 1
        except KeyboardInterrupt:
            pass
        finally:
            end_session(db, summary.session)
        self._flush()
        summary.open_left = len(self._open())
        self._say(
            f"Session {summary.session}: {summary.decided} decided, {summary.skipped} skipped; "
            f"{summary.open_left} open item(s) left"
            + ("; `reconcile review` resumes at the first open one." if summary.open_left else ".")
        )
        return summary

    def _flush(self) -> None:
        """Write the messages kept for the top of the next screen (a terminal clears it)."""
        for note in self._notes:
            self._say(note)
        self._notes.clear()

    def _say(self, text: str) -> None:
        """Write a message wrapped to the terminal's width."""
        self.term.write("\n".join(textwrap.wrap(text, self.term.width)))

    def _ask(self, item: Item, position: int, order: list[str], summary: Summary) -> str:
        """Show one item and act on keys until it is decided, skipped, left or quit."""
        while True:
            decision = self.decided.get(item.id)
            left = sum(1 for i in order[position:] if i not in self.decided)
            self.term.clear()
            self._flush()
            self.term.write(self.screen(item, decision, position + 1, len(order), left))
            key = self.term.read_key()
            if key is None or key == QUIT:
                return QUIT
            if key == SKIP:
                summary.skipped += 1
                return SKIP
            if key == BACK:
                return BACK
            spec = by_key(item.type, key)
            if spec is None:
                if key:
                    self._notes.append(f"no verdict on key {key!r} for a {item.type}; see the keys")
                continue
            value = self._value(spec, item)
            if value is None:
                continue
            note = self.term.read_line("note (Enter for none): ") or ""
            try:
                made = decide(self.store, item, spec.name, self.reviewer, note, value,
                              seen_version=decision.version if decision else 0,
                              session=summary.session)  # fmt: skip
            except ReviewConflict as exc:
                self._notes.append(f"refused: {exc}")
                self.decided = decisions(self.store.connection)
                continue
            except ReconcileError as exc:
                self._notes.append(f"not recorded: {exc}")
                continue
            summary.decided += 1
            summary.decisions.append(made)
            self._notes.append(f"recorded: {item.id} {spec.name} (version {made.version})")
            if spec.effect == "split":
                self._load()  # the events changed: items are built again
            else:
                self.decided[item.id] = made
            return spec.name

    def _value(self, spec: Verdict, item: Item) -> dict[str, Any] | None:
        """Ask for what the verdict needs; return it, or None when the reviewer gives up."""
        if spec.name == "wrong-source":
            source = (self.term.read_line("right source: ") or "").strip()
            return {"source": source} if source else None
        if spec.name == "wrong-figure":
            claim = self.claims[item.id]
            kind = (self.term.read_line(f"right kind [{claim.kind}]: ") or "").strip()
            shown = interval_text(claim.low, claim.high)
            typed = self.term.read_line(f"right figure (12, 10-15, 10+, up to 15) [{shown}]: ")
            value: dict[str, Any] = {"kind": kind or None}
            if typed and typed.strip():
                try:
                    value["low"], value["high"] = parse_figure(typed)
                except ValueError:
                    self._notes.append(f"not a figure: {typed!r}")
                    return None
            return value if value["kind"] or "low" in value else None
        if spec.name == "set-figure":
            typed = self.term.read_line("low best high (e.g. 11 16 18; high may be 'open'): ")
            try:
                return _low_best_high(typed or "")
            except ValueError as exc:
                self._notes.append(f"not recorded: {exc}")
                return None
        if spec.name == "different-events":
            typed = (self.term.read_line("which claim is about another event, 1 or 2 [2]: ")
                     or "2").strip()  # fmt: skip
            if typed not in ("1", "2"):
                return None
            return {"split": item.claims[int(typed) - 1]}
        return {}

    # -- the screen -----------------------------------------------------------------------------

    def screen(
        self, item: Item, decision: Decision | None, number: int, total: int, left: int
    ) -> str:
        """Return one item's screen as text, at most `width` columns wide."""
        width = self.term.width
        event = self.events.get(item.event)
        out = [
            "=" * width,
            _fit(
                f"Item {number} of {total} ({left} open left)  {item.id}  "
                f"{item.event}  {event.label if event else ''}",
                width,
            ),  # fmt: skip
            f"{item.label.upper()} ({item.kind})",
        ]
        if item.type == "finding":
            a, b = (self.claims[c] for c in item.claims)
            text = FINDING_WORDS[item.relation].format(
                a=says(a, self._article(a)), b=says(b, self._article(b)), source=b.source,
                role=b.source_role.replace("_", " "))  # fmt: skip
            out += _wrapped("machine", text, width)
            reason = REASONS[item.relation] + (f" ({item.note})" if item.note else "")
            out += _wrapped("reason", reason, width)
            out += self._claims_block([a, b], width)
            for claim in (a, b):  # a verdict on a claim bears on the findings resting on it
                if (said := self.decided.get(claim.id)) is not None:
                    out += _wrapped("decided", f"claim {claim.id}: {said.verdict} by "
                                               f"{said.reviewer}", width)  # fmt: skip
        elif item.type == "claim":
            claim = self.claims[item.id]
            out += _wrapped("machine", claim_reading(claim), width)
            out += self._claims_block([claim], width)
        else:
            out += self._figure_block(item, width)
        state = "open" if decision is None else (
            f"{decision.verdict} by {decision.reviewer} at {decision.decided_at}"
            + (f": {decision.note}" if decision.note else "")
        )  # fmt: skip
        out += _wrapped("verdict", state, width)
        out.append("-" * width)
        keys = [f"[{v.key}] {v.label}" for v in verdicts_for(item.type)]
        keys += [f"[{SKIP}] skip", f"[{BACK}] back", f"[{QUIT}] quit"]
        out += textwrap.wrap("  ".join(keys), width, break_on_hyphens=False)
        text = "\n".join(out)
        if self.term.color:  # the figure in its sentence, as the terminal can show it
            for claim_id in item.claims if item.type != "figure" else ():
                mark = f"[{self.claims[claim_id].stated}]"
                text = text.replace(mark, typer.style(mark, bold=True, reverse=True))
        return text

    def _article(self, claim: Claim) -> Article | None:
        return self.articles.get(claim.article)

    def _claims_block(self, claims: list[Claim], width: int) -> list[str]:
        """Return the claims side by side, a row per field, then each sentence, highlighted."""
        column = (width - LABEL - 2 * len(claims)) // len(claims)
        cells: list[list[tuple[str, str]]] = []
        for claim in claims:
            article = self._article(claim)
            name = Path(article.path.split("#")[0]).name if article else claim.article
            outlet = (article.outlet if article else "") or name
            cells.append([
                ("claim", claim.id),
                ("figure", claim.stated),
                ("interval", interval_text(claim.low, claim.high)),
                ("source", who(claim, article)),
                ("role", claim.source_role.replace("_", " ")),
                ("outlet", outlet),
                ("date", (article.published if article else None) or "undated"),
                ("where", f"{name}:{claim.start}-{claim.end}"),
                ("event", claim.event),
                ("sentence", _highlighted(claim)),
            ])  # fmt: skip
        out = []
        for row in range(len(cells[0])):
            label = cells[0][row][0]
            wrapped = [textwrap.wrap(c[row][1], column, break_long_words=True) or [""]
                       for c in cells]  # fmt: skip
            for index, parts in enumerate(zip_longest(*wrapped, fillvalue="")):
                head = label if index == 0 else ""
                out.append(f"{head:<{LABEL}}" + "  ".join(f"{p:<{column}}" for p in parts).rstrip())
        return out

    def _figure_block(self, item: Item, width: int) -> list[str]:
        row = self.figures.get(item.id)
        if row is None:
            return ["(this figure is no longer reconciled)"]
        figure = "/".join("open" if x is None else f"{x:g}" for x in (row.low, row.best, row.high))
        out = _wrapped("figure", f"low/best/high {figure}, {row.originators} independent "
                                 "source(s)", width)  # fmt: skip
        out += _wrapped("rule", row.rule, width)
        if row.note:
            out += _wrapped("note", row.note, width)
        for f in row.figures:
            tag = "" if f["current"] else " (superseded)"
            line = f"{interval_text(f['low'], f['high'])}{tag}: {', '.join(f['sources'])}"
            out += _wrapped("claims" if f is row.figures[0] else "", line, width)
        return out


def _highlighted(claim: Claim) -> str:
    """Return the claim's sentence with its figure in [brackets]."""
    offset = claim.start - claim.sentence_start
    end = offset + len(claim.stated)
    if offset >= 0 and claim.sentence[offset:end] == claim.stated:
        return f"{claim.sentence[:offset]}[{claim.stated}]{claim.sentence[end:]}"
    return claim.sentence


def _wrapped(label: str, text: str, width: int) -> list[str]:
    lines = textwrap.wrap(text, width - LABEL) or [""]
    return [f"{label if i == 0 else '':<{LABEL}}{line}" for i, line in enumerate(lines)]


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _low_best_high(text: str) -> dict[str, Any]:
    """Return {"low", "best", "high"} from "11 16 18", "11 16 open" or one number for all."""
    words = text.replace(",", " ").split()
    if len(words) == 1:
        words = words * 3
    if len(words) != 3:
        raise ValueError("type three figures, low best high, or one for all three")
    low, best = (parse_figure(w)[0] for w in words[:2])
    high = None if words[2].lower() == "open" else parse_figure(words[2])[0]
    if not (low <= best and (high is None or best <= high)):
        raise ValueError("low <= best <= high, please")
    return {"low": low, "best": best, "high": high}
