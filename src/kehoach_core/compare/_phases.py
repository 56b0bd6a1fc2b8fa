"""Phase alignment: which subordinate phase answers which superior phase.

Phases are defined by events, so two plans' windows are compared through their
anchors: the issue date, an open end, a date, or an edge of a milestone. A
milestone of one plan and one of the other are taken to be the same event when
they have the same level (a commune's plan and its province's both speak of the
provincial congress), and for the national congress the same ordinal.

>>> from kehoach_core import Plan, Phase
>>> sup = Plan(phases=[Phase(id="phase1", heading="Đợt 1: Từ nay đến ...", ordinal=1)])
>>> sub = Plan(phases=[Phase(id="phase1", heading="Đợt 1: Từ nay đến ...", ordinal=1)])
>>> [(a.superior, a.subordinate) for a in align_phases(sup, sub)]
[('phase1', 'phase1')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable

import attrs

from .._anchors import Anchor, DateAnchor, Edge, IssueDate, Open, Window
from .._elements import Level
from .._model import Phase, Plan
from ._normalize import normalize

__all__ = ["PhaseAlignment", "align_phases"]

_MIN_SCORE = 0.35


@attrs.frozen(kw_only=True)
class PhaseAlignment:
    """A superior phase and the subordinate phase that answers it (``None``: none does).

    ``inside`` says whether the subordinate's window lies inside the superior's
    (``None`` when the anchors cannot be ordered).
    """

    superior: str
    subordinate: str | None
    score: float
    inside: bool | None
    reason: str


def _anchor_key(plan: Plan, anchor: Anchor) -> Hashable:
    if isinstance(anchor, IssueDate):
        return "issue"
    if isinstance(anchor, Open):
        return "open"
    if isinstance(anchor, DateAnchor):
        return ("date", anchor.on)
    milestone = plan.milestone(anchor.milestone)
    if milestone is None:
        return ("milestone?", anchor.milestone, anchor.edge)
    if milestone.level is Level.UNKNOWN:
        return ("name", normalize(milestone.name), anchor.edge)
    ordinal = milestone.ordinal if milestone.level is Level.NATIONAL else None
    return ("level", milestone.level, ordinal, anchor.edge)


def _anchor_rank(plan: Plan, anchor: Anchor, *, end: bool) -> tuple[int, float | dt.date] | None:
    """A sortable position: (0, date) for dated anchors, (1, rank) otherwise."""
    if isinstance(anchor, IssueDate):
        return None if end else (1, 0.0)
    if isinstance(anchor, Open):
        return (1, float("inf")) if end else (1, float("-inf"))
    if isinstance(anchor, DateAnchor):
        return (0, anchor.on)
    milestone = plan.milestone(anchor.milestone)
    if milestone is None or not milestone.level.rank:
        return None
    return (1, milestone.level.rank * 2 + (0.5 if anchor.edge is Edge.END else 0.0))


def _le(
    a: tuple[int, float | dt.date] | None, b: tuple[int, float | dt.date] | None
) -> bool | None:
    if a is None or b is None:
        return None
    if a[0] != b[0]:
        infinite = [x for x in (a, b) if isinstance(x[1], float) and abs(x[1]) == float("inf")]
        if not infinite:
            return None
        if isinstance(a[1], float) and a[1] == float("-inf"):
            return True
        return isinstance(b[1], float) and b[1] == float("inf")
    return a[1] <= b[1]  # type: ignore[operator]


def _inside(sup: Plan, sup_w: Window | None, sub: Plan, sub_w: Window | None) -> bool | None:
    if sup_w is None or sub_w is None:
        return None
    starts = _le(
        _anchor_rank(sup, sup_w.start, end=False), _anchor_rank(sub, sub_w.start, end=False)
    )
    ends = _le(_anchor_rank(sub, sub_w.end, end=True), _anchor_rank(sup, sup_w.end, end=True))
    if starts is None or ends is None:
        return None
    return starts and ends


def _window_score(sup: Plan, sup_w: Window | None, sub: Plan, sub_w: Window | None) -> float:
    if sup_w is None or sub_w is None:
        return 0.0
    score = 0.0
    if _anchor_key(sup, sup_w.start) == _anchor_key(sub, sub_w.start):
        score += 0.5
    if _anchor_key(sup, sup_w.end) == _anchor_key(sub, sub_w.end):
        score += 0.5
    return score


def _depth(phase: Phase) -> int:
    return phase.id.count(".")


def _pair_score(sup: Plan, p: Phase, sub: Plan, q: Phase) -> tuple[float, str]:
    from rapidfuzz import fuzz

    window = _window_score(sup, p.window, sub, q.window)
    a = normalize(p.window.text if p.window and p.window.text else p.heading)
    b = normalize(q.window.text if q.window and q.window.text else q.heading)
    heading = float(fuzz.token_sort_ratio(a, b)) / 100.0 if a and b else 0.0
    same_place = 1.0 if p.ordinal is not None and p.ordinal == q.ordinal else 0.0
    same_place = max(same_place, 1.0 if p.label and p.label == q.label else 0.0)
    depth = 1.0 if _depth(p) == _depth(q) else 0.0
    score = 0.45 * window + 0.3 * heading + 0.15 * same_place + 0.1 * depth
    parts = []
    if window == 1.0:
        parts.append("same window")
    elif window:
        parts.append("one window end in common")
    if heading >= 0.8:
        parts.append("similar heading")
    if same_place:
        parts.append("same number")
    return score, ", ".join(parts) or "closest heading"


def align_phases(superior: Plan, subordinate: Plan) -> list[PhaseAlignment]:
    """For each superior phase and sub-phase, the subordinate phase that answers it."""
    sub_phases = list(subordinate.all_phases())
    out = []
    for p in superior.all_phases():
        best: tuple[float, str, Phase] | None = None
        for q in sub_phases:
            score, reason = _pair_score(superior, p, subordinate, q)
            if best is None or score > best[0]:
                best = (score, reason, q)
        if best is None or best[0] < _MIN_SCORE:
            reason = "the subordinate has no phases" if not sub_phases else "no phase answers it"
            out.append(
                PhaseAlignment(
                    superior=p.id, subordinate=None, score=0.0, inside=None, reason=reason
                )
            )
            continue
        score, reason, q = best
        inside = _inside(superior, p.window, subordinate, q.window)
        out.append(
            PhaseAlignment(
                superior=p.id, subordinate=q.id, score=round(score, 3), inside=inside, reason=reason
            )
        )
    return out
