"""schema.org ClaimReview JSON-LD from the reviewers' verdicts.

One ClaimReview per reviewed finding (two claims: the review rates the machine's finding, the
first claim is the item reviewed, both articles are its appearances) and per reviewed claim.
Figures are not claims anyone made, so their verdicts are not exported. The textual rating is
the verdict in words (`alternateName`, as Google's fact-check markup reads it); the note is
the rating's explanation. Open items are not exported: nothing is published unreviewed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reconcile.model import Article, Claim
from reconcile.pipeline import Analysis
from reconcile.report.findings import _finding, says
from reconcile.review.keys import finding_id
from reconcile.roles import OUTLET

# The verdict in words, as the rating's text.
RATINGS = {
    "confirmed": "Finding confirmed",
    "not-a-conflict": "Not a real conflict: the figures are compatible",
    "same-figure": "Same figure, told two ways",
    "different-events": "About different events",
    "needs-sourcing": "Needs more sourcing",
    "correct": "Correctly attributed",
    "extraction-error": "Not a claim (extraction error)",
    "wrong-source": "Wrong source",
    "wrong-figure": "Wrong figure",
    "wrong-event": "About another event",
}


def _creative_work(article: Article | None) -> dict[str, Any]:
    if article is None:
        return {"@type": "CreativeWork"}
    work: dict[str, Any] = {"@type": "NewsArticle", "headline": article.title or article.path}
    if article.url:
        work["url"] = article.url
    if article.published:
        work["datePublished"] = article.published
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    return work


def _author(claim: Claim, article: Article | None) -> dict[str, Any]:
    if claim.source_role == OUTLET:
        name = (article.outlet or Path(article.path).stem) if article else ""
        name = name or "the outlet"
        return {"@type": "Organization", "name": name}
    return {"@type": "Person" if claim.source_role == "witness" else "Organization",
            "name": claim.source}  # fmt: skip


def _rating(decision: Any) -> dict[str, Any]:
    text = RATINGS.get(decision.verdict, decision.verdict)
    value = decision.value or {}
    if decision.verdict == "wrong-source" and value.get("source"):
        text += f": {value['source']}"
    elif decision.verdict == "wrong-figure":
        parts = [f"{k} {value[k]:g}" for k in ("low", "high") if value.get(k) is not None]
        if value.get("kind"):
            parts.insert(0, f"kind {value['kind']}")
        text += f": {', '.join(parts)}" if parts else ""
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": text}
    if decision.note:
        rating["ratingExplanation"] = decision.note
    return rating


def claim_reviews(
    analysis: Analysis, decided: dict[str, Any], org: str, url: str = ""
) -> list[dict[str, Any]]:
    """Return a ClaimReview object per reviewed finding and claim, in the analysis's order."""
    claims = {c.id: c for c in analysis.claims}
    articles = {a.id: a for a in analysis.articles}
    author = {"@type": "Organization", "name": org}
    if url:
        author["url"] = url
    reviews = []

    def review(text: str, item: Claim, appearances: list[Claim], decision: Any) -> None:
        article = articles.get(item.article)
        seen, works = set(), []
        for claim in appearances:
            if claim.article not in seen:
                seen.add(claim.article)
                works.append(_creative_work(articles.get(claim.article)))
        item_reviewed = {"@type": "Claim", "author": _author(item, article), "appearance": works}
        if article and article.published:
            item_reviewed["datePublished"] = article.published
        reviews.append({
            "@type": "ClaimReview", "claimReviewed": text, "itemReviewed": item_reviewed,
            "reviewRating": _rating(decision), "author": author,
            "datePublished": decision.decided_at[:10], "identifier": decision.item,
        })  # fmt: skip

    any_finding = any(d.type == "finding" for d in decided.values())
    for relation in analysis.relations if any_finding else ():
        decision = decided.get(finding_id(relation.a, relation.b, relation.type))
        if decision is None or decision.type != "finding":
            continue
        if relation.a not in claims or relation.b not in claims:
            continue
        finding = _finding(relation, claims, articles)
        a, b = claims[relation.a], claims[relation.b]
        review(f"{finding.kind}: {finding.text}", a, [a, b], decision)
    for claim in analysis.claims:
        decision = decided.get(claim.id)
        if decision is None or decision.type != "claim":
            continue
        text = f"{says(claim, articles.get(claim.article))} {claim.kind}: {claim.sentence}"
        review(text, claim, [claim], decision)
    return reviews


def claimreview_lines(
    analysis: Analysis, decided: dict[str, Any], org: str, url: str = ""
) -> Iterator[str]:
    """Yield the JSON-LD document: a schema.org context and the ClaimReviews as its graph."""
    document = {"@context": "https://schema.org",
                "@graph": claim_reviews(analysis, decided, org, url)}  # fmt: skip
    yield json.dumps(document, ensure_ascii=False, indent=2) + "\n"
