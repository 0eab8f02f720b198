"""Two different figures in time: a correction, a later stage of a running count, or a later
rival, from dates and from the words around them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from reconcile.extract.kinds import running
from reconcile.extract.sources import same_institution
from reconcile.model import Claim, Relation
from reconcile.roles import OUTLET

if TYPE_CHECKING:
    from reconcile.relations.facts import Facts


def in_time(fa: Facts, fb: Facts, loose: bool, same_scope: bool = True) -> Relation | None:
    """Return the relation of two different figures that the words or dates put in order.

    A correction replaces the figure it corrects, whoever made it. A later figure of the same
    running count (the same source, a toll that rose, or a missing count that fell as people
    were found) is `updated`, whoever reports it. A later figure that disputes the others, or a
    later lower toll from another source, is a rival: it contradicts where both cannot hold.
    """
    a, b, cues_a, cues_b = fa.claim, fb.claim, fa.cues, fb.cues
    same_source = _same_voice(a, b)
    for marks, new, old in ((cues_a, a, b), (cues_b, b, a)):
        other = cues_b if new is a else cues_a
        if ("revision" in marks and "revision" not in other) or (
            "rejected" in other and "rejected" not in marks
        ):
            return Relation(old.id, new.id, "updated", f"{new.stated!r} corrects the figure")
    if ("dispute" in cues_a) != ("dispute" in cues_b) and not same_source:
        rival = a if "dispute" in cues_a else b
        if not loose:  # the loose intervals do not overlap
            return Relation(
                a.id, b.id, "contradicts", f"{rival.stated!r} is set against the others"
            )
        return None
    order = _order(fa, fb, by_figure=same_scope) or (
        (_stage_of_the_day(fa, fb) or _report_total_over_its_source(fa, fb))
        if same_scope and not loose
        else None
    )
    if order is None:
        return None
    earlier, later, why = order
    later_cues = cues_a if later is a else cues_b
    rising = (later.figure or 0) > (earlier.figure or 0)
    if same_source:
        direction = "rose" if rising else "changed"
        return Relation(
            earlier.id, later.id, "updated", f"the same source's figure {direction} {why}"
        )
    if rising and running(a.kind) == "rises":
        return Relation(earlier.id, later.id, "updated", f"the toll rose {why}")
    if rising and why == "as the count went on":
        # Both stated as a count that rose ("the number still missing has risen to 101", "rose
        # to 103"): two stages of a list that grew, whatever the kind.
        return Relation(
            earlier.id,
            later.id,
            "updated",
            "both say the count rose: the higher is the later stage",
        )
    if running(a.kind) == "falls" and not rising and "remaining" in later_cues:
        return Relation(earlier.id, later.id, "updated", f"fewer remain missing {why}")
    if running(a.kind) == "falls" and why == "on a later day" and not loose:
        # A missing count is a list kept over days: it grows as reports come in and falls as
        # people are found, whoever gives the day's figure (figures its vagueness allows,
        # "dozens" and 60, stay compatible).
        moved = "grew" if rising else "fell"
        return Relation(earlier.id, later.id, "updated", f"the missing count {moved} {why}")
    if not loose:
        return Relation(a.id, b.id, "contradicts", f"a lower figure {why}, from another source")
    return None


@cache
def _event_date() -> Callable[[str, str | None], str | None]:
    # events imports this module; its date reader is fetched once, when first needed.
    from reconcile.events import event_date

    return event_date


def own_date(sentence: str, published: str | None) -> str | None:
    """Return the day a sentence's own words date it to, None when it names no day (a sentence
    without a date is not "later" than the lead that names Monday)."""
    day = _event_date()(sentence, published)
    return None if day == published else day


def _order(fa: Facts, fb: Facts, by_figure: bool = True) -> tuple[Claim, Claim, str] | None:
    """Return (earlier, later, why) when dates or words put two figures in order, else None.

    `by_figure`: in running-count words, the higher figure of a toll that only grows is the
    later one; not for figures of different scope (a part is no stage of its total)."""
    a, b, cues_a, cues_b = fa.claim, fb.claim, fa.cues, fb.cues
    da, db = fa.published, fb.published
    if da and db and da != db:
        return (a, b, "on a later day") if da < db else (b, a, "on a later day")
    sa, sb = fa.own_day(), fb.own_day()
    if sa and sb and sa != sb:
        return (a, b, "on a later day") if sa < sb else (b, a, "on a later day")
    if a.article == b.article and a.posted and b.posted and a.posted != b.posted:
        # Two entries of one live report: the entry's time stamp orders its figures.
        why = "in a later entry of the live report"
        return (a, b, why) if a.posted < b.posted else (b, a, why)
    a_earlier = "earlier" in cues_a and "later" not in cues_a
    b_earlier = "earlier" in cues_b and "later" not in cues_b
    if a_earlier != b_earlier:
        return (a, b, "later the same day") if a_earlier else (b, a, "later the same day")
    a_later, b_later = "later" in cues_a, "later" in cues_b
    both_rose = a_later and b_later and a.article != b.article  # "missing rose to 101" / "to 103"
    if (
        by_figure
        and (a_later or b_later)
        and (running(a.kind) == "rises" or both_rose)
        and a.figure != b.figure
    ):
        # In the words of a running count ("has now reached 115", "rose to 133"), a toll that
        # only grows puts the higher figure at the later stage, whichever report said "rose".
        low, high = (a, b) if (a.figure or 0) < (b.figure or 0) else (b, a)
        return low, high, "as the count went on"
    if a_later != b_later:
        return (b, a, "later the same day") if a_later else (a, b, "later the same day")
    if (
        by_figure
        and a.article != b.article
        and {a.qualifier, b.qualifier} <= _FLOORS
        and running(a.kind) == "rises"
        and a.figure != b.figure
    ):
        # "more than 30" in one report, "at least 39" in another: two floors of a toll that only
        # grows are two stages of it, the higher the later (both hold, so nothing is hidden).
        low, high = (a, b) if (a.figure or 0) < (b.figure or 0) else (b, a)
        return low, high, "as the count went on"
    if (
        a.article == b.article
        and _same_voice(a, b)
        # "channels reported 143 and 150 deaths": two figures of one sentence are rivals, not
        # stages.
        and a.sentence_start != b.sentence_start
    ):
        return (a, b, "later in the report") if a.start < b.start else (b, a, "later in the report")
    if (
        by_figure
        and a.article != b.article
        and _same_voice(a, b)
        and running(a.kind) == "rises"
        and a.figure != b.figure
        and _close(a.figure, b.figure)
    ):
        # One named source's two figures of a toll that only grows, in two reports with no
        # date between them ("the minister said 40", "the minister said 41"): it updated its
        # count, it did not dispute itself; the higher is the later.
        low, high = (a, b) if (a.figure or 0) < (b.figure or 0) else (b, a)
        return low, high, "as the source's count went on"
    return None


_FLOORS = frozenset({"at_least", "more_than"})


def _same_voice(a: Claim, b: Claim) -> bool:
    """Return True when two claims' sources are one: the same key, or a ministry and its
    minister or spokesperson ("Egypt's Health Minister" and "the Health Ministry")."""
    if a.source_role == OUTLET or b.source_role == OUTLET:
        return False
    return a.source_norm == b.source_norm or same_institution(a.source, b.source)


# Sources whose figure is the day's count as the outlet heard it, not a rival count of their own.
_UNNAMED = frozenset({OUTLET, "anonymous_official"})


def _unnamed(facts: Facts) -> bool:
    """Return True for a figure no named source gives: the outlet's own (not restating a
    source of its report) or an unnamed official's."""
    return facts.claim.source_role in _UNNAMED and not facts.restated


def _stage_of_the_day(fa: Facts, fb: Facts) -> tuple[Claim, Claim, str] | None:
    """Return (lower, higher, why) for two reports of one day (or undated) whose tolls differ,
    when the lower is the outlet's own figure or an unnamed official's.

    A toll that only grows is reported all day at whatever stage each desk last heard: "85
    deaths confirmed" in one paper and "97 killed, the army said" in another, both dated that
    day, are two stages of one count, the higher the later. (The outlet's headline restating a
    source of its own report is that source's figure.) A named source's figure is overtaken by
    no higher figure that no one is named for, two *named* authorities giving different
    figures the same day are rivals and stay so, and a side in the conflict makes a claim, not
    a stage of anyone's count.
    """
    a, b = fa.claim, fb.claim
    if (
        a.article == b.article
        or running(a.kind) != "rises"
        or a.figure is None
        or b.figure is None
        or a.figure == b.figure
        or "party" in (a.source_role, b.source_role)
    ):
        return None
    (low, flow), high = ((a, fa), b) if a.figure < b.figure else ((b, fb), a)
    if not _unnamed(flow):
        return None
    return low, high, "in the same day's reports of a toll that only grows"


def _report_total_over_its_source(fa: Facts, fb: Facts) -> tuple[Claim, Claim, str] | None:
    """Return (lower, higher, why) when one report states a toll of its own above a figure it
    gives a named source ("At least 49 killed" over "officials said 10 had died").

    A report is written top down: its own figure is the sum it reached, and a source's lower
    count in its body is an earlier stage of the same toll, not a rival (a side in the conflict
    excepted: its figure is a claim). The reverse, a report's own figure below its source's, is
    no stage and stays a contradiction."""
    a, b = fa.claim, fb.claim
    if (
        a.article != b.article
        or running(a.kind) != "rises"
        or a.figure is None
        or b.figure is None
        or "party" in (a.source_role, b.source_role)
    ):
        return None
    own, named = (fa, fb) if _unnamed(fa) and a.source_role == OUTLET else (fb, fa)
    if not (_unnamed(own) and own.claim.source_role == OUTLET) or _unnamed(named):
        return None
    if (own.claim.figure or 0) <= (named.claim.figure or 0):
        return None
    return named.claim, own.claim, "the report's own toll is above its source's earlier count"


def _close(a: float | None, b: float | None) -> bool:
    """Return True when two figures differ by at most 15% of the larger (a count that went on
    by a little, not two readings of the toll)."""
    if not a or not b:
        return False
    return abs(a - b) <= 0.15 * max(a, b)
