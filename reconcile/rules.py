"""Reconciled figures per event and kind: low, best and high, with the rule and the evidence.

Following UCDP's low/best/high and Every Casualty Counts' "never silently pick one figure":
- each originator counts once: a wire story reprinted by several outlets, or a headline that
  repeats a source's figure, is that one source (HRDAG, IBC);
- a source's superseded figures (an `updated` relation) give way to its latest;
- low is the most conservative credible lower bound (the smallest lower bound stated);
- high is the largest bounded figure (exact, range or "up to"; vague words and open bounds
  do not set it);
- best is the stated figure that falls inside the most originators' intervals, ties going to
  figures stated exactly by non-party sources, then to the smaller figure.
The `acled` rule gives ACLED's single conservative figure instead: low, used as best and high.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz, process

from reconcile.model import Article, Claim, Reconciled, Relation
from reconcile.relations import cues_of, narrow_group
from reconcile.roles import OUTLET, is_party

RULES = ("range", "acled")
# Sentences this similar, with the same figure, are one wire story reprinted.
WIRE_COPY_SIMILARITY = 90
# Past this many distinct sentences for one figure, only exact reprints are joined (the fuzzy
# comparison is quadratic in them).
MAX_DISTINCT_SENTENCES = 500


def originators(claims: list[Claim], relations: list[Relation], articles: list[Article]) -> dict:
    """Return claim id -> originator key: who first put this figure out.

    A named source is one originator wherever it is quoted; an outlet's own statement is the
    outlet's; a headline repeating a source's figure is that source's; and the same figure in
    near-identical sentences of different articles is one wire story, whoever prints it.

    Wire copies join originators within one event and kind only: two outlets that printed
    one agency story about one incident are still two originators of their own reporting on
    another.
    """
    outlet_of = {a.id: a.outlet or Path(a.path).stem or a.id for a in articles}
    key: dict[str, str] = {}
    for claim in claims:
        if claim.source_role == OUTLET:
            key[claim.id] = f"outlet:{outlet_of.get(claim.article, claim.article)}"
        else:
            key[claim.id] = f"source:{claim.source_norm}"
    parent: dict[tuple[str, str, str], tuple[str, str, str]] = {}

    def find(k: tuple[str, str, str]) -> tuple[str, str, str]:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: Claim, b: Claim) -> None:
        ra, rb = find(node(a)), find(node(b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    def node(claim: Claim) -> tuple[str, str, str]:
        return (claim.event, claim.kind, key[claim.id])

    by_id = {c.id: c for c in claims}
    # A statement repeating two sources' figures takes the first source in its article's
    # order, whatever order the claims were loaded in (a store's batch loads only some).
    repeated: dict[str, Claim] = {}
    for relation in relations:
        if relation.type == "attribution_dropped" and relation.b in by_id:
            source, held = by_id[relation.b], repeated.get(relation.a)
            if held is None or (source.start, source.id) < (held.start, held.id):
                repeated[relation.a] = source
    for stated, source in repeated.items():
        key[stated] = key[source.id]
    # Wire copies: compare each distinct sentence once, within claims of the same figure.
    same_figure: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        # Only an outlet's own statements need it: a named source is one key wherever quoted.
        if claim.source_role == OUTLET:
            same_figure[(claim.event, claim.kind, claim.low, claim.high)].append(claim)
    for group in same_figure.values():
        if len({c.article for c in group}) < 2:
            continue
        by_sentence: dict[str, list[Claim]] = defaultdict(list)
        for claim in group:
            by_sentence[" ".join(claim.sentence.lower().split())].append(claim)
        for copies in by_sentence.values():
            for claim in copies[1:]:
                union(copies[0], claim)
        sentences = list(by_sentence)
        if 1 < len(sentences) <= MAX_DISTINCT_SENTENCES:
            scores = process.cdist(sentences, sentences, scorer=fuzz.ratio,
                                   score_cutoff=WIRE_COPY_SIMILARITY)  # fmt: skip
            for i, j in zip(*scores.nonzero(), strict=True):
                if i < j:
                    union(by_sentence[sentences[i]][0], by_sentence[sentences[j]][0])
    return {c.id: find(node(c))[2] for c in claims}


def superseded(claims: list[Claim], relations: list[Relation]) -> set[str]:
    """Return the ids of claims superseded by a later figure (the earlier side of an `updated`).

    A superseded figure is superseded in every copy of it: the claims that repeat it (agree or
    restate it in a headline) with the same interval go with it. Worked out once for all
    claims: relations never cross events, so each group's answer is its part of this set.
    """
    by_id = {c.id: c for c in claims}
    same: dict[str, list[str]] = defaultdict(list)
    for r in relations:
        if (
            r.type in ("agrees", "attribution_dropped")
            and r.a in by_id
            and r.b in by_id
            and by_id[r.a].interval == by_id[r.b].interval
        ):
            same[r.a].append(r.b)
            same[r.b].append(r.a)
    gone = {r.a for r in relations if r.type == "updated"}
    todo = list(gone)
    while todo:
        for other in same.get(todo.pop(), ()):
            if other not in gone:
                gone.add(other)
                todo.append(other)
    return gone


def reconcile(
    claims: list[Claim],
    relations: list[Relation],
    articles: list[Article],
    rule: str = "range",
) -> list[Reconciled]:
    """Return one Reconciled row per event and kind, in event order."""
    origin = originators(claims, relations, articles)
    # A headline that repeats a source's figure speaks for that source, role included.
    by_id = {c.id: c for c in claims}
    role = {c.id: c.source_role for c in claims}
    for r in relations:
        if r.type == "attribution_dropped" and r.b in by_id:
            role[r.a] = by_id[r.b].source_role
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.event and not claim.part_of:
            groups[(claim.event, claim.kind)].append(claim)
    contradictions = defaultdict(int)
    for r in relations:
        if r.type == "contradicts" and r.a in by_id:
            contradictions[(by_id[r.a].event, by_id[r.a].kind)] += 1
    gone = superseded(claims, relations)
    # A figure found to count a part of another ("In Ostrel, 1,444" of 4,300) is not the total.
    parts = {r.a for r in relations if r.type == "subset"}
    rows = []
    for (event, kind), group in sorted(groups.items(), key=lambda kv: _event_order(kv[0])):
        current = [c for c in group if c.id not in gone] or group
        counted, set_aside = counted_claims(current, role, parts)
        rows.append(_reconcile_group(event, kind, group, counted, origin, role, rule,
                                     contradictions[(event, kind)], set_aside,
                                     len(group) - len(current)))  # fmt: skip
    return rows


def counted_claims(
    current: list[Claim], role: dict[str, str], parts: set[str] | frozenset[str] = frozenset()
) -> tuple[list[Claim], list[str]]:
    """Return the claims a counting project would base the figure on, and why others were set
    aside (as notes).

    Set aside, when figures for the whole remain: counts of one part ("80,000 children", "40
    bodies recovered"), which are not the total; and a denial ("denied that anyone was killed")
    set against reports of harm, which is said, not silently averaged into the low.
    """
    notes = []
    whole = [
        c
        for c in current
        if c.id not in parts and not narrow_group(c) and "partial" not in cues_of(c)
    ]
    if whole and len(whole) < len(current):
        notes.append(f"{len(current) - len(whole)} count(s) of one part set aside")
        current = whole
    harm = [c for c in current if (c.figure or 0) > 0]
    denials = [c for c in current if c.hedge == "denied" and c.figure == 0]
    if harm and denials:
        who = ", ".join(sorted({c.source for c in denials}))
        notes.append(f"{who} denies any; set against reports of harm, not used for the figures")
        current = [c for c in current if c not in denials]
    return current, notes


def _event_order(key: tuple[str, str]) -> tuple[int, str]:
    event, kind = key
    return (int(event[1:]) if event[1:].isdigit() else 0, kind)


def _reconcile_group(
    event: str,
    kind: str,
    group: list[Claim],
    current: list[Claim],
    origin: dict[str, str],
    role: dict[str, str],
    rule: str,
    contradictions: int,
    set_aside: list[str] | None = None,
    superseded: int = 0,
) -> Reconciled:
    sources = {origin[c.id] for c in current}
    lows = [
        c.low for c in current if c.low is not None and c.qualifier not in ("at_most", "less_than")
    ]
    low = min(lows) if lows else 0
    bounded = [c.high for c in current if c.high is not None and c.qualifier in
               ("exact", "range", "at_most", "less_than")]  # fmt: skip
    high = max(bounded) if bounded else None
    best, support = _best(_distinct(current, origin), origin, role)
    # The range holds the best figure: "at least 350" as best above every bounded figure (312)
    # means someone credible puts it at 350 or more, so the high is at least that; "up to 15"
    # as best below every other lower bound likewise lowers the low.
    if best is not None:
        low = min(low, best)
        high = None if high is None else max(high, best)
    notes = list(set_aside or [])
    exact = [c for c in current if c.qualifier == "exact"]
    if exact and all(is_party(role[c.id]) for c in exact):
        names = ", ".join(sorted({c.source for c in exact if c.source_role != OUTLET}))
        notes.append(f"the only exact figure comes from a party to the conflict ({names})")
    if len(sources) == 1:
        # Name the one originator by a claim that names it (not a headline repeating it).
        only = next((c for c in current if c.source_role != OUTLET), current[0])
        who = "the outlet itself" if only.source_role == OUTLET else only.source
        notes.append(f"single source ({who}, {only.source_role.replace('_', ' ')}): uncorroborated")
    if contradictions:
        notes.append(f"{contradictions} contradiction{'s' if contradictions > 1 else ''}")
    if superseded:
        notes.append(f"{superseded} earlier figure{'s' if superseded > 1 else ''} superseded")
    if rule == "acled":
        text = "acled: the most conservative figure (lowest credible lower bound), dispute noted"
        return Reconciled(event, kind, low, low, low, text, "; ".join(notes),
                          [c.id for c in current], len(sources),
                          _figures(group, current, origin))  # fmt: skip
    ranges = "sources' ranges" if len(sources) > 1 else "source's range"
    text = (
        f"low: smallest lower bound; best: figure inside {support} of {len(sources)} "
        f"independent {ranges}; high: largest bounded figure; low and high never exclude best"
    )
    return Reconciled(event, kind, low, best, high, text, "; ".join(notes),
                      [c.id for c in current], len(sources),
                      _figures(group, current, origin))  # fmt: skip


def _figures(group: list[Claim], current: list[Claim], origin: dict[str, str]) -> list[dict]:
    """Return each distinct figure with the independent originators behind it, current first.

    A superseded figure (an earlier toll) is kept with `current` False: the history.
    """
    by_interval: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in group:
        by_interval[(claim.low, claim.high)].append(claim)
    live = {c.id for c in current}
    rows = []
    for (low, high), claims in by_interval.items():
        by_key: dict[str, str] = {}
        # Named by a claim in the source's own words where there is one: a headline that
        # restates the militia's figure speaks for "Iraq's Kataib Hezbollah militia".
        for c in sorted(claims, key=lambda c: c.source_role == OUTLET):
            by_key.setdefault(origin[c.id], _originator_name(origin[c.id], c))
        keys, names = set(by_key), sorted(by_key.values())
        rows.append(
            {
                "low": low,
                "high": high,
                "stated": claims[0].stated,
                "originators": len(keys),
                "sources": names,
                "claims": [c.id for c in claims],
                "current": any(c.id in live for c in claims),
            }
        )
    rows.sort(key=lambda r: (not r["current"], -r["originators"], r["low"] or 0))
    return rows


def _originator_name(key: str, claim: Claim) -> str:
    """Return who an originator is, in words: the source, or the outlet for its own statement."""
    if key.startswith("outlet:"):
        return f"{key[len('outlet:') :]} (own report)"
    return claim.source if claim.source_role != OUTLET else key.split(":", 1)[-1]


def _distinct(claims: list[Claim], origin: dict[str, str]) -> list[Claim]:
    """Return one claim per (interval, originator, qualifier): copies add nothing to a count."""
    seen: dict[tuple, Claim] = {}
    for claim in claims:
        seen.setdefault((claim.low, claim.high, claim.qualifier, origin[claim.id]), claim)
    return list(seen.values())


def _best(
    current: list[Claim], origin: dict[str, str], role: dict[str, str]
) -> tuple[float | None, int]:
    """Return the stated figure inside the most originators' intervals, and that count."""
    # A figure as stated, moved into its own interval ("more than 300" stands for 301). The
    # outlet's own unattributed figure is a candidate only when no source is named for any.
    named = [c for c in current if role[c.id] != OUTLET] or current
    candidates = sorted(
        {min(max(c.figure, c.interval[0]), c.interval[1]) for c in named if c.figure is not None}
    )
    if not candidates:
        return None, 0

    def score(x: float) -> tuple[int, int, float]:
        inside = {origin[c.id] for c in current if c.interval[0] <= x <= c.interval[1]}
        exact_non_party = any(
            c.figure == x and c.qualifier == "exact" and not is_party(role[c.id]) for c in current
        )
        exact_any = any(c.figure == x and c.qualifier == "exact" for c in current)
        return (len(inside), int(exact_non_party) * 2 + int(exact_any), -x)

    best = max(candidates, key=score)
    return best, score(best)[0]


# --- Rules side by side (UCDP, ACLED, IBC) ------------------------------------------------------
# Each rule is a view of the UCDP-style row: the same originators, current figures and notes,
# read by another convention, so a reviewed row (corrected claims, a reviewer's figure) gives
# every rule's reading without recomputing anything.
SIDE_BY_SIDE = ("ucdp", "acled", "ibc")
# `range` is the UCDP-style rule's first name, kept as an alias.
RULE_ALIASES = {"range": "ucdp"}


def acled_view(row: Reconciled) -> Reconciled:
    """Return ACLED's reading of a UCDP-style row: its low as the single figure, dispute noted."""
    text = "acled: the most conservative figure (lowest credible lower bound), dispute noted"
    return Reconciled(row.event, row.kind, row.low, row.low, row.low, text, row.note,
                      list(row.claims), row.originators, row.figures)  # fmt: skip


def ibc_view(row: Reconciled) -> Reconciled:
    """Return IBC's reading of a UCDP-style row: minimum and maximum, no best figure, with the
    count of independent originators and "single source" marked."""
    current = [f for f in row.figures if f["current"]] or row.figures
    tops = [f["high"] if f["high"] is not None else f["low"] for f in current]
    tops = [t for t in tops if t is not None]
    high = max(tops + ([row.low] if row.low is not None else []), default=None)
    n = row.originators
    text = (
        f"ibc: minimum = smallest lower bound, maximum = largest figure reported, from {n} "
        f"independent originator{'s' if n != 1 else ''}"
    )
    marks = ["single source"] if n == 1 else [f"{n} independent originators"]
    note = "; ".join(marks + [p for p in row.note.split("; ") if p and "single source" not in p])
    return Reconciled(row.event, row.kind, row.low, None, high, text, note, list(row.claims),
                      n, row.figures)  # fmt: skip


def rule_views(
    rows: list[Reconciled], rule: str
) -> tuple[list[Reconciled], dict[str, list[Reconciled]] | None]:
    """Return the rows read by `rule` (ucdp, range, acled, ibc or all) and, for `all`, each
    rule's rows by name (the first list is then UCDP's).

    `rows` are the UCDP-style rows (`reconcile(..., rule="range")`).
    """
    rule = RULE_ALIASES.get(rule, rule)
    views = {"ucdp": list(rows), "acled": [acled_view(r) for r in rows],
             "ibc": [ibc_view(r) for r in rows]}  # fmt: skip
    if rule == "all":
        return views["ucdp"], views
    if rule not in views:
        raise ValueError(f"unknown rule {rule!r} (one of {', '.join(SIDE_BY_SIDE)}, all)")
    return views[rule], None
