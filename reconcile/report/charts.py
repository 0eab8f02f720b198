"""Chart geometry for the HTML report: plain numbers the template draws as inline SVG.

- `interval_chart`: a row per source and figure, a bar from low to high, an arrow for an open
  end, a dot for an exact figure, the role in colour and words, contradicting rows marked red
  with the rows they contradict, and the reconciled low-high band with the best figure;
- `toll_chart`: who said what, when: each source's figures by publication date, joined, so a
  rising toll reads as a rise.
Nothing here writes markup: the template (autoescaped) does.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reconcile.model import Article, Claim
from reconcile.report.findings import interval_text, who
from reconcile.roles import OUTLET

WIDTH = 760
LABEL_W = 300  # the source and role labels, left of the plot
PLOT_W = 360
ROW_H = 22
TOP = 28
MAX_ROWS = 24  # rows drawn per chart; the claims table has every claim
MAX_SERIES = 8
LEGEND_W, LEGEND_PER_LINE = 150, 5

ROLE_COLOURS = {
    "party": "#c25700",
    "official": "#1f5fa8",
    "anonymous_official": "#6b8fc4",
    "medical": "#11806a",
    "ngo": "#11806a",
    "witness": "#7a4fa0",
    "media": "#5d6d7e",
    "outlet": "#8a8a8a",
}
OTHER_COLOUR = "#7a4fa0"
SERIES_COLOURS = ("#1f5fa8", "#c25700", "#11806a", "#7a4fa0", "#b03060", "#5d6d7e",
                  "#8a6d00", "#2a7f9e")  # fmt: skip


def speaker(claim: Claim, article: Article | None) -> tuple[str, str]:
    """Return (key, words) for who gave a figure: one key per source, or per outlet for its
    own statements (an outlet with no name in its metadata goes by its file name)."""
    words = who(claim, article)
    if claim.source_role != OUTLET:
        return f"source:{claim.source_norm}", words
    outlet = (article.outlet or Path(article.path).stem) if article else ""
    if article and not article.outlet and outlet:
        words = words.replace("the outlet", outlet, 1)
    return f"outlet:{outlet}", words


def nice_axis(top: float, ticks: int = 5) -> list[float]:
    """Return round tick values from 0 to at least `top` (1, 2 or 5 times a power of ten)."""
    top = max(top, 1.0)
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(step, 1.0)
    return [i * step for i in range(int(math.ceil(top / step)) + 1)]


@dataclass
class Row:
    label: str
    role: str
    figure: str
    claims: list[str]
    low: float | None
    high: float | None
    colour: str = ""
    y: float = 0
    x0: float = 0
    x1: float = 0
    exact: bool = False
    open_high: bool = False
    contradicts: list[int] = field(default_factory=list)


@dataclass
class Chart:
    kind: str
    width: int
    height: int
    rows: list[Row]
    ticks: list[tuple[float, str]]
    band: tuple[float, float] | None  # the reconciled low-high, in x
    best: float | None
    not_drawn: int
    plot: tuple[int, int]  # x of the plot's left and right edges
    roles: list[tuple[str, str, int, int]]  # (role, colour, x, y) in the legend


def interval_chart(
    kind: str,
    claims: list[Claim],
    articles: dict[str, Article],
    contradicting: set[tuple[str, str]],
    reconciled: dict[str, Any] | None,
) -> Chart:
    """Return the interval chart of one event's claims of one kind."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    labels: dict[tuple, str] = {}
    for claim in claims:
        key, words = speaker(claim, articles.get(claim.article))
        group = (claim.low, claim.high, key, claim.source_role, claim.zone)
        groups[group].append(claim)
        labels.setdefault(group, words)
    rows = [Row(labels[g], g[3], interval_text(g[0], g[1]), [c.id for c in members], g[0], g[1])
            for g, members in groups.items()]  # fmt: skip
    row_of = {c: i for i, r in enumerate(rows) for c in r.claims}
    for a, b in contradicting:
        if a in row_of and b in row_of and row_of[a] != row_of[b]:
            rows[row_of[a]].contradicts.append(row_of[b])
            rows[row_of[b]].contradicts.append(row_of[a])
    # Rows in a contradiction first, then the most repeated; drawn in order of the figure.
    ranked = sorted(range(len(rows)), key=lambda i: (not rows[i].contradicts, -len(rows[i].claims)))
    keep = sorted(ranked[:MAX_ROWS], key=lambda i: (rows[i].low or 0, rows[i].high or math.inf))
    number = {old: new for new, old in enumerate(keep)}
    shown = [rows[i] for i in keep]
    for row in shown:
        row.contradicts = sorted({number[i] + 1 for i in row.contradicts if i in number})
    values = [v for r in shown for v in (r.low, r.high) if v is not None]
    if reconciled:
        values += [v for v in (reconciled["low"], reconciled["best"], reconciled["high"]) if v]
    ticks = nice_axis(max(values, default=1) * 1.05)
    left, right = LABEL_W, LABEL_W + PLOT_W

    def x(v: float | None) -> float:
        return left + (v or 0) / ticks[-1] * PLOT_W

    for i, row in enumerate(shown):
        row.y = TOP + i * ROW_H
        row.colour = ROLE_COLOURS.get(row.role, OTHER_COLOUR)
        row.exact = row.low is not None and row.low == row.high
        row.open_high = row.high is None
        row.x0 = x(row.low)
        row.x1 = right if row.open_high else x(row.high)
    band = best = None
    if reconciled and reconciled["low"] is not None:
        band = (
            x(reconciled["low"]),
            right if reconciled["high"] is None else x(reconciled["high"]),
        )
        best = x(reconciled["best"]) if reconciled["best"] is not None else None
    bottom = TOP + len(shown) * ROW_H + 34
    roles = [
        (role, colour, i % LEGEND_PER_LINE * LEGEND_W, bottom + 12 + i // LEGEND_PER_LINE * 16)
        for i, (role, colour) in enumerate(sorted({(r.role, r.colour) for r in shown}))
    ]
    height = (roles[-1][3] if roles else bottom) + 6
    return Chart(kind, WIDTH, height, shown,
                 [(x(t), interval_text(t, t)) for t in ticks], band, best,
                 len(rows) - len(shown), (left, right), roles)  # fmt: skip


@dataclass
class Series:
    name: str
    colour: str
    points: list[tuple[float, float, str, str]]  # x, y, figure in words, date
    path: str = ""


@dataclass
class TollChart:
    kind: str
    width: int
    height: int
    series: list[Series]
    xticks: list[tuple[float, str]]
    yticks: list[tuple[float, str]]
    plot: tuple[int, int, int, int]  # left, top, right, bottom
    not_drawn: int


def toll_chart(kind: str, claims: list[Claim], articles: dict[str, Article]) -> TollChart | None:
    """Return who said what, when, for one kind: None unless the figures span several days."""
    dated: dict[str, list[tuple[date, float, str]]] = defaultdict(list)
    names: dict[str, str] = {}
    for claim in claims:
        article = articles.get(claim.article)
        key, words = speaker(claim, article)
        names.setdefault(
            key,
            words.replace(" (headline, unattributed)", "")
            .replace(" (standfirst, unattributed)", "")
            .replace(" (unattributed)", " (own report)"),
        )
        value = claim.figure if claim.figure is not None else claim.low
        if not article or not article.published or value is None:
            continue
        try:
            day = date.fromisoformat(article.published[:10])
        except ValueError:
            continue
        dated[key].append((day, value, interval_text(claim.low, claim.high)))
    days = sorted({d for points in dated.values() for d, _, _ in points})
    if len(days) < 2:
        return None
    keys = sorted(dated, key=lambda k: (-len(dated[k]), names[k]))
    kept = keys[:MAX_SERIES]
    left, top, right, bottom = 60, 16, 60 + 460, 16 + 180
    span = max((days[-1] - days[0]).days, 1)
    yticks = nice_axis(max(v for n in kept for _, v, _ in dated[n]) * 1.05, 4)

    def xy(day: date, value: float) -> tuple[float, float]:
        return (left + (day - days[0]).days / span * (right - left),
                bottom - value / yticks[-1] * (bottom - top))  # fmt: skip

    series = []
    for i, name in enumerate(kept):
        points = [(*xy(d, v), words, d.isoformat()) for d, v, words in sorted(set(dated[name]))]
        s = Series(names[name], SERIES_COLOURS[i % len(SERIES_COLOURS)], points)
        s.path = " ".join(f"{px:.1f},{py:.1f}" for px, py, _, _ in points)
        series.append(s)
    step = max(1, len(days) // 6)
    xticks = [(xy(d, 0)[0], d.isoformat()) for d in days[::step]]
    return TollChart(kind, 760, bottom + 40 + 18 * len(series), series, xticks,
                     [(xy(days[0], t)[1], interval_text(t, t)) for t in yticks],
                     (left, top, right, bottom), len(keys) - len(kept))  # fmt: skip
