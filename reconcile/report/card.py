"""One claim in full, for a person checking it: the sentence with the figure marked, where it
stands (article, outlet, date, offsets and which text they index) and how it was read."""

from __future__ import annotations

from typing import Any

from reconcile.ingest import offsets
from reconcile.model import Article, Claim, Event
from reconcile.report.findings import interval_text, who

MARK_OPEN, MARK_CLOSE = "[[", "]]"


def words(key: str) -> str:
    """Return an internal key in words: "anonymous_official" -> "anonymous official"."""
    return key.replace("_", " ")


def marked_sentence(claim: Claim, article: Article | None) -> str:
    """Return the claim's sentence with its figure between [[ and ]]."""
    if article is not None and claim.sentence_end > claim.sentence_start:
        text = article.text
        lo, hi = claim.sentence_start, claim.sentence_end
        if lo <= claim.start and claim.end <= hi:
            return (
                text[lo : claim.start] + MARK_OPEN + text[claim.start : claim.end] + MARK_CLOSE
                + text[claim.end : hi]
            ).strip()  # fmt: skip
    sentence = claim.sentence
    at = sentence.find(claim.stated)
    if at < 0:
        return sentence
    return (
        sentence[:at] + MARK_OPEN + claim.stated + MARK_CLOSE + sentence[at + len(claim.stated) :]
    )


def claim_card(claim: Claim, article: Article | None, event: Event | None) -> dict[str, Any]:
    """Return everything `reconcile show` prints about a claim, as plain fields."""
    start, end = offsets.to_file(article, claim.start, claim.end) if article else (0, 0)
    return {
        "claim": claim.id,
        "origin": claim.origin,
        "sentence": marked_sentence(claim, article),
        "stated": claim.stated,
        "kind": claim.kind,
        "interval": interval_text(claim.low, claim.high),
        "qualifier": words(claim.qualifier),
        "hedge": claim.hedge,
        "subject": claim.subject,
        "part_of": claim.part_of,
        "source": who(claim, article),
        "role": words(claim.source_role),
        "cue": claim.cue,
        "zone": claim.zone,
        "event": claim.event,
        "event_label": event.label if event else "",
        "article": claim.article,
        "path": article.path if article else "",
        "title": article.title if article else "",
        "outlet": article.outlet if article else "",
        "published": article.published if article else None,
        "evidence": offsets.evidence(article, claim.article, claim.start, claim.end),
        "offsets_index": offsets.offsets_index(article),
        "start": start,
        "end": end,
    }


def reading(card: dict[str, Any]) -> str:
    """Return the claim's reading in one line: "killed: at least five -> 5 or more"."""
    bits = [f"{card['kind']}: {card['stated']!r} read as {card['interval']} ({card['qualifier']})"]
    if card["hedge"]:
        bits.append(f"hedged ({card['hedge']})")
    if card["part_of"]:
        bits.append(f"part of the total in claim {card['part_of']}")
    return "; ".join(bits)


def render_card(card: dict[str, Any]) -> str:
    """Return the claim card as aligned `field  value` lines."""
    said = card["source"] + (f", {card['role']}" if card["role"] else "")
    if card["cue"]:
        said += f" (cue: {card['cue']!r})"
    which = "characters of the file" if card["offsets_index"] == offsets.FILE else (
        "the extracted text: `reconcile show " + (card["path"] or card["article"]) + "` prints it"
    )  # fmt: skip
    lines = [
        ("claim", f"{card['claim']} ({card['origin']})"),
        ("sentence", card["sentence"]),
        ("reading", reading(card)),
        ("source", said),
        ("event", f"{card['event']}  {card['event_label']}".strip() or "none"),
        ("article", card["title"] or card["article"]),
        ("outlet", card["outlet"] or "not given"),
        ("published", card["published"] or "not given"),
        ("zone", card["zone"]),
        ("evidence", f"{card['evidence']} ({which})"),
    ]
    return "\n".join(f"{name:<10} {value}" for name, value in lines) + "\n"
