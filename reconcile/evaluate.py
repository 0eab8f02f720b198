"""Scoring extraction against hand-coded gold claims (`reconcile eval`).

Matching rules (also in the README):
- a gold row and an extracted claim match when they come from the same article (the gold
  `article_file` is matched against the end of the given paths), have the same kind, the same
  coded values, and the gold `sentence` snippet lies in the claim's sentence;
- an extracted claim is coded the way the gold is: exact N -> N,N; at least N -> N,open;
  more than N -> N+1,open; up to N -> open,N; about/nearly N -> N,open; between X and Y -> X,Y;
  a vague amount -> its table floor, open (dozens 24, hundreds 200, thousands 2000);
- breakdowns given with a total ("including five children") are not coded, so not scored;
- attribution is right when gold says "unattributed" and the claim is the outlet's own, or when
  the names agree (token-set similarity of 80 or more after normalising; "X, citing Y" counts
  X or the whole).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from reconcile.errors import InputError
from reconcile.ingest import read_articles
from reconcile.ingest.files import MAX_FEED_BYTES, read_text_file
from reconcile.model import Article, Claim
from reconcile.pipeline import extract_framed
from reconcile.roles import OUTLET, normalize_source

GOLD_COLUMNS = (
    "article_file", "quantity_kind", "value_low", "value_high", "qualifier", "subject",
    "attributed_to", "sentence",
)  # fmt: skip
NAME_SIMILARITY = 80


@dataclass
class GoldClaim:
    article_file: str
    kind: str
    low: float | None
    high: float | None
    qualifier: str
    attributed_to: str
    sentence: str
    row: int
    incident: str = ""


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    attributed_right: int = 0
    by_kind: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    matches: dict[int, Claim] = field(default_factory=dict)  # gold row number -> claim
    claims: list[Claim] = field(default_factory=list)  # every claim extracted, for grouping
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong_source: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def attribution(self) -> float:
        return self.attributed_right / self.matched if self.matched else 0.0


def _number(value: str) -> float | None:
    value = (value or "").strip().replace(",", "")
    if not value:
        return None
    number = float(value)
    return int(number) if number.is_integer() else number


def read_gold(path: Path) -> list[GoldClaim]:
    """Return the gold rows of a CSV; raise InputError for missing columns or bad values."""
    text = read_text_file(path, MAX_FEED_BYTES)
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in GOLD_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(str(path), f"gold CSV is missing column(s): {', '.join(missing)}")
    rows = []
    for number, row in enumerate(reader, start=2):
        try:
            low, high = _number(row["value_low"]), _number(row["value_high"])
        except ValueError as exc:
            raise InputError(str(path), f"line {number}: value is not a number ({exc})") from exc
        rows.append(
            GoldClaim(row["article_file"].strip(), row["quantity_kind"].strip(), low, high,
                      row["qualifier"].strip(), row["attributed_to"].strip(),
                      row["sentence"].strip(), number, (row.get("incident") or "").strip())
        )  # fmt: skip
    return rows


def coded_values(claim: Claim) -> tuple[float | None, float | None]:
    """Return a claim's values as the gold codes them (see the module docstring)."""
    q, n = claim.qualifier, claim.figure
    if q == "exact":
        return n, n
    if q in ("at_least", "about", "nearly"):
        return n, None
    if q == "more_than":
        return claim.low, None
    if q in ("at_most", "less_than"):
        return None, claim.high
    if q == "range":
        return claim.low, claim.high
    return claim.low, None  # vague: the table's floor


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def same_source(claim: Claim, gold: str) -> bool:
    """Return True when a claim's source is the one the gold names."""
    if gold.lower() == "unattributed":
        return claim.source_role == OUTLET
    if claim.source_role == OUTLET:
        return False
    predicted = normalize_source(claim.source)
    options = [gold, gold.split(", citing ")[0], gold.split(",")[0]]
    return any(
        fuzz.token_set_ratio(predicted, normalize_source(o)) >= NAME_SIMILARITY for o in options
    )


def _article_for(gold_file: str, articles: dict[str, Article]) -> Article | None:
    want = Path(gold_file).parts
    for path, article in articles.items():
        if Path(path).parts[-len(want) :] == want:
            return article
    return None


def score(gold: list[GoldClaim], articles: list[Article]) -> Scores:
    """Return precision, recall and attribution accuracy of extraction on the articles."""
    by_path = {a.path: a for a in articles}
    gold_by_article: dict[str, list[GoldClaim]] = defaultdict(list)
    scores = Scores()
    for row in gold:
        article = _article_for(row.article_file, by_path)
        if article is None:
            continue
        gold_by_article[article.id].append(row)
    for article in articles:
        rows = gold_by_article.get(article.id, [])
        # What `check` and `ingest` keep: framed, counted in its incident's family.
        extracted = extract_framed(article)
        scores.claims.extend(extracted)
        claims = [c for c in extracted if not c.part_of]
        _score_article(article, rows, claims, scores)
    return scores


def _score_article(
    article: Article, rows: list[GoldClaim], claims: list[Claim], scores: Scores
) -> None:
    text = _norm(article.text)
    used: set[str] = set()
    name = Path(article.path).name
    scores.gold += len(rows)
    scores.predicted += len(claims)
    for claim in claims:
        scores.by_kind[claim.kind]["predicted"] += 1
    for row in rows:
        scores.by_kind[row.kind]["gold"] += 1
        snippet = _norm(row.sentence)
        match = None
        for claim in claims:
            if claim.id in used or claim.kind != row.kind:
                continue
            if coded_values(claim) != (row.low, row.high):
                continue
            sentence = _norm(claim.sentence)
            if snippet in sentence or sentence in snippet or _overlaps(text, snippet, sentence):
                match = claim
                break
        if match is None:
            scores.misses.append(
                f"{name}: {row.kind} {row.low},{row.high} ({row.attributed_to}) «{row.sentence}»"
            )
            continue
        used.add(match.id)
        scores.matches[row.row] = match
        scores.matched += 1
        scores.by_kind[row.kind]["matched"] += 1
        if same_source(match, row.attributed_to):
            scores.attributed_right += 1
            scores.by_kind[row.kind]["attributed"] += 1
        else:
            scores.wrong_source.append(
                f"{name}: {row.kind} {match.stated!r}: got {match.source!r}, "
                f"gold {row.attributed_to!r}"
            )
    for claim in claims:
        if claim.id not in used:
            low, high = coded_values(claim)
            scores.extras.append(
                f"{name}: {claim.kind} {low},{high} {claim.stated!r} ({claim.source}) "
                f"«{claim.sentence[:90]}»"
            )


def _overlaps(text: str, snippet: str, sentence: str) -> bool:
    """Return True when the snippet's place in the article overlaps the claim's sentence."""
    s_at, c_at = text.find(snippet), text.find(sentence)
    if s_at < 0 or c_at < 0:
        return False
    return s_at < c_at + len(sentence) and c_at < s_at + len(snippet)


FINDING_COLUMNS = ("kind", "type", "a_article", "a_sentence", "b_article", "b_sentence")


@dataclass
class FindingScores:
    """How the report's relations and events compare with the findings a fact-checker expects."""

    expected: int = 0
    both_found: int = 0  # both claims of the finding were extracted
    same_event: int = 0  # ... and grouped into one event
    right_type: int = 0  # ... and related with the expected type
    by_type: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    false_contradictions: int = 0  # contradicts where the expected finding is another type
    wrong: list[str] = field(default_factory=list)
    # Event grouping over matched gold claims with an `incident`: pairs of claims.
    pairs_same_incident: int = 0
    pairs_same_incident_same_event: int = 0
    pairs_other_incident: int = 0
    pairs_other_incident_same_event: int = 0


def score_findings(
    gold: list[GoldClaim], findings_path: Path | None, scores: Scores, articles: list[Article]
) -> FindingScores:
    """Return how well grouping and relations reproduce the expected findings and incidents."""
    from itertools import combinations

    from reconcile.pipeline import analyse

    analysis = analyse(articles, claims=list(scores.claims), framed=True)
    # Claims that agree stand for each other: the relations are computed between distinct
    # figures, so a repeated figure is related through the claim that first gave it.
    same: dict[str, str] = {}

    def root(c: str) -> str:
        while same.get(c, c) != c:
            c = same[c]
        return c

    by_claim = {c.id: c for c in analysis.claims}
    for r in analysis.relations:
        restated = r.type == "attribution_dropped" and (
            by_claim[r.a].interval == by_claim[r.b].interval
        )
        if (r.type == "agrees" or restated) and root(r.a) != root(r.b):
            same[root(r.b)] = root(r.a)
    # A pair may carry several relations (a dropped attribution whose figures also agree):
    # the finding is found when one of them is its type.
    relation: dict[frozenset, set[str]] = {}
    by_root: dict[frozenset, set[str]] = {}
    for r in analysis.relations:
        relation.setdefault(frozenset((r.a, r.b)), set()).add(r.type)
        if r.type != "agrees":
            by_root.setdefault(frozenset((root(r.a), root(r.b))), set()).add(r.type)
    out = FindingScores()
    matched = [(g, scores.matches[g.row]) for g in gold if g.row in scores.matches]
    for (ga, ca), (gb, cb) in combinations([m for m in matched if m[0].incident], 2):
        if ga.incident == gb.incident:
            out.pairs_same_incident += 1
            out.pairs_same_incident_same_event += ca.event == cb.event
        else:
            out.pairs_other_incident += 1
            out.pairs_other_incident_same_event += ca.event == cb.event
    if findings_path is None:
        return out
    text = read_text_file(findings_path, MAX_FEED_BYTES)
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in FINDING_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(
            str(findings_path), f"findings CSV is missing column(s): {', '.join(missing)}"
        )
    by_key = {}
    for g in gold:
        by_key.setdefault((g.article_file, _norm(g.sentence), g.kind), g)
    for row in reader:
        out.expected += 1
        kind, expected = row["kind"].strip(), row["type"].strip()
        out.by_type[expected]["expected"] += 1
        ga = by_key.get((row["a_article"].strip(), _norm(row["a_sentence"]), kind))
        gb = by_key.get((row["b_article"].strip(), _norm(row["b_sentence"]), kind))
        ca = scores.matches.get(ga.row) if ga else None
        cb = scores.matches.get(gb.row) if gb else None
        if ca is None or cb is None:
            continue
        out.both_found += 1
        out.by_type[expected]["found"] += 1
        if ca.event == cb.event:
            out.same_event += 1
        types = relation.get(frozenset((ca.id, cb.id))) or by_root.get(
            frozenset((root(ca.id), root(cb.id)))
        )
        types = types or {"none" if ca.event == cb.event else "other event"}
        if expected in types:
            out.right_type += 1
            out.by_type[expected]["right"] += 1
        else:
            if "contradicts" in types:
                out.false_contradictions += 1
            got = ", ".join(sorted(types))
            out.wrong.append(
                f"{expected} expected, got {got}: «{row['a_sentence']}» / «{row['b_sentence']}»"
            )
    return out


def render_findings(f: FindingScores, show: int = 15) -> str:
    """Return the findings and grouping scores as text."""
    from tabulate import tabulate

    out = []
    if f.pairs_same_incident or f.pairs_other_incident:
        together = (
            f.pairs_same_incident_same_event / f.pairs_same_incident if f.pairs_same_incident else 0
        )
        apart = (
            1 - (f.pairs_other_incident_same_event / f.pairs_other_incident)
            if f.pairs_other_incident
            else 1
        )
        out.append(
            f"events: same-incident claim pairs grouped together {together:.3f}; "
            f"different-incident pairs kept apart {apart:.3f}"
        )
    if f.expected:
        rows = [[t, c["expected"], c["found"], c["right"]] for t, c in sorted(f.by_type.items())]
        rows.append(["ALL", f.expected, f.both_found, f.right_type])
        out.append(tabulate(rows, headers=["finding", "expected", "claims found", "type right"]))
        out.append(
            f"findings: {f.right_type}/{f.expected} reported with the expected type "
            f"({f.right_type / f.expected:.3f}); of the {f.both_found} whose claims were both found, "
            f"{f.same_event} in one event and {f.right_type} right; false contradictions: "
            f"{f.false_contradictions}"
        )
        if show and f.wrong:
            out.append(f"\nfindings not reproduced ({len(f.wrong)}):")
            out.extend(f"  {line}" for line in f.wrong[:show])
    return "\n".join(out) + ("\n" if out else "")


def evaluate_paths(gold_path: Path, paths: list[Path]) -> Scores:
    """Return the scores of extraction on the given article files against a gold CSV."""
    gold = read_gold(gold_path)
    articles = [a for p in paths for a in read_articles(p)]
    return score(gold, articles)


def render_scores(scores: Scores, fmt: str = "table", show: int = 15) -> str:
    """Return the scores as a text table (with misses and extras) or JSON."""
    kinds = sorted(scores.by_kind)
    per_kind = {
        k: {
            "gold": c["gold"],
            "predicted": c["predicted"],
            "matched": c["matched"],
            "precision": round(c["matched"] / c["predicted"], 3) if c["predicted"] else None,
            "recall": round(c["matched"] / c["gold"], 3) if c["gold"] else None,
            "attribution": round(c["attributed"] / c["matched"], 3) if c["matched"] else None,
        }
        for k in kinds
        for c in [scores.by_kind[k]]
    }
    overall = {
        "gold": scores.gold,
        "predicted": scores.predicted,
        "matched": scores.matched,
        "precision": round(scores.precision, 3),
        "recall": round(scores.recall, 3),
        "f1": round(scores.f1, 3),
        "attribution": round(scores.attribution, 3),
    }
    if fmt == "json":
        from reconcile.report.safe import dumps

        return dumps(
            {"overall": overall, "by_kind": per_kind, "misses": scores.misses,
             "extras": scores.extras, "wrong_source": scores.wrong_source}, indent=2,
        ) + "\n"  # fmt: skip
    from tabulate import tabulate

    rows = [[k, *[v if v is not None else "-" for v in per_kind[k].values()]] for k in kinds]
    rows.append(["ALL", scores.gold, scores.predicted, scores.matched, overall["precision"],
                 overall["recall"], overall["attribution"]])  # fmt: skip
    out = [tabulate(rows, headers=["kind", "gold", "predicted", "matched", "precision", "recall",
                                   "attribution"], tablefmt="simple")]  # fmt: skip
    for title, items in (("misses", scores.misses), ("extras", scores.extras),
                         ("wrong source", scores.wrong_source)):  # fmt: skip
        if show and items:
            out.append(f"\n{title} ({len(items)}):")
            out.extend(f"  {line}" for line in items[:show])
            if len(items) > show:
                out.append(f"  ... {len(items) - show} more")
    out.append(
        f"\nprecision {overall['precision']:.3f}  recall {overall['recall']:.3f}  "
        f"f1 {overall['f1']:.3f}  attribution {overall['attribution']:.3f}"
    )
    return "\n".join(out) + "\n"
