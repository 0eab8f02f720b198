"""One review item's screen: the machine's finding or reading, the evidence side by side.

Plain text, at most `width` columns (100 by default): the event, the finding in words and the
machine's reason, the claims in columns (figure as written, interval, source and role, outlet,
date, file and span, event) with each sentence and its figure in [brackets], the verdict so
far, and the keys. With `color`, the bracketed figures are shown in reverse video.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

import typer

from reconcile.model import Article, Claim, Event, Reconciled
from reconcile.pipeline import Analysis
from reconcile.report.findings import FINDING_WORDS, interval_text, says, who
from reconcile.report.fit import role_words
from reconcile.review.items import REASONS, Item, claim_reading
from reconcile.review.keys import figure_id
from reconcile.review.ledger import Decision
from reconcile.review.verdicts import BACK, QUIT, SKIP, verdicts_for

MAX_WIDTH = 100
LABEL = 10  # width of the row labels ("figure", "source", ...)


@dataclass
class Evidence:
    """What the screens draw from: a store's claims, articles, events and figures by id."""

    claims: dict[str, Claim]
    articles: dict[str, Article]
    events: dict[str, Event]
    figures: dict[str, Reconciled]

    @classmethod
    def of(cls, analysis: Analysis) -> Evidence:
        return cls(
            {c.id: c for c in analysis.claims},
            {a.id: a for a in analysis.articles},
            {e.id: e for e in analysis.events},
            {figure_id(r.event, r.kind): r for r in analysis.reconciled},
        )

    def screen(
        self,
        item: Item,
        decided: dict[str, Decision],
        position: tuple[int, int, int],
        width: int = MAX_WIDTH,
        color: bool = False,
    ) -> str:
        """Return one item's screen as text, at most `width` columns wide.

        `position` is (this item's number, the items in the session, those still open).
        """
        number, total, left = position
        decision = decided.get(item.id)
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
                role=role_words(b.source_role))  # fmt: skip
            out += _wrapped("machine", text, width)
            reason = item.note or REASONS[item.relation]
            out += _wrapped("reason", reason, width)
            out += self._claims_block([a, b], width)
            for claim in (a, b):  # a verdict on a claim bears on the findings resting on it
                if (said := decided.get(claim.id)) is not None:
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
        if color:  # the figure in its sentence, as the terminal can show it
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
                ("role", role_words(claim.source_role)),
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
