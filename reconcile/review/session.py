"""The interactive review session: one item per screen, a key per verdict, resumable.

Each item gets a screen (`reconcile.review.screen`): the event, the machine's finding or
reading and its reason, the claims side by side with their sentences, the verdict so far and
how many items are left. Keys: one per verdict (shown on screen), `s` skip, `b` back, `q` quit.

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
from typing import TYPE_CHECKING, Any

import typer

from reconcile.errors import ReconcileError
from reconcile.report.findings import interval_text
from reconcile.review.items import Item, review_items
from reconcile.review.ledger import (
    Decision,
    ReviewConflict,
    decide,
    decisions,
    end_session,
    start_session,
)
from reconcile.review.screen import MAX_WIDTH, Evidence
from reconcile.review.shape import shaped
from reconcile.review.verdicts import BACK, QUIT, SKIP, Verdict, by_key, parse_figure

if TYPE_CHECKING:
    from reconcile.store import Store


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
        if event and event not in self.evidence.events:
            raise ReconcileError(f"no event {event} in {store.path} (see `reconcile events`)")

    def _load(self) -> None:
        self.decided = decisions(self.store.connection)
        analysis = shaped(self.store.analysis(), self.decided)
        self.evidence = Evidence.of(analysis)
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
            self.term.write(self.evidence.screen(item, self.decided, (position + 1, len(order), left),
                                                 self.term.width, self.term.color))  # fmt: skip
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
            claim = self.evidence.claims[item.id]
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
