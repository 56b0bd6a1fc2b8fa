"""Turning anchors into calendar days.

Each end of a phase's window is an anchor (``_anchors.py``). The rules:

=====================  ==================================  ===============================
anchor                 as a start                          as an end
=====================  ==================================  ===============================
``DateAnchor``         that day                            that day
``IssueDate``          the plan's issue date               the plan's issue date
``MilestoneEdge``      START: the opening day;             START: the day *before* the
                       END: the day *after* the closing    opening; END: the closing day
                       (*từ sau Đại hội*)                  (*hoàn thành Đại hội*)
``Open`` (or no        the parent phase's start; a top-    the parent phase's end; at top
window)                level phase is not exported         level the phase is *open-ended*
=====================  ==================================  ===============================

So a phase bounded by a milestone abuts it without overlapping: *before the
opening* ends the day before, *after the congress* begins the day after. When
that rule would make a window end before it starts (a window from the opening
to the opening) the edge day itself is used.

An open-ended phase (*Đợt 3: Sau Đại hội XIV*, no end) becomes an event of one
day, its first, whose description says it is open-ended: an event that runs
for ever is drawn across every later day by most clients, and guessing an end
would put a date in the calendar that the plan does not state.

A task's due anchor is the day itself: a milestone edge gives the opening or
closing day, with no shift.
"""

from __future__ import annotations

import datetime as dt

import attrs

from .._anchors import Anchor, DateAnchor, Edge, IssueDate, MilestoneEdge, Open, Window
from .._model import Phase, Plan
from ._match import Resolution, milestone_label

__all__ = ["Dater", "Span"]

_ONE_DAY = dt.timedelta(days=1)


@attrs.frozen
class Span:
    """Inclusive first and last day; ``open_ended`` when the plan states no end."""

    first: dt.date
    last: dt.date
    open_ended: bool = False


class _Undated(Exception):
    """An anchor that cannot be dated; ``blocking`` when the user can supply the date."""

    def __init__(self, why: str, *, blocking: bool, milestone: str | None = None) -> None:
        super().__init__(why)
        self.why = why
        self.blocking = blocking
        self.milestone = milestone


@attrs.define
class Dater:
    """Dates anchors of one plan; collects what it cannot date.

    ``problems`` are missing dates the user can supply (a milestone without
    dates, a plan without an issue date): errors under ``strict``. ``notes``
    are elements the plan itself leaves undated: always warnings.
    """

    plan: Plan
    resolution: Resolution
    problems: list[str] = attrs.field(factory=list)
    notes: list[str] = attrs.field(factory=list)
    undated: dict[str, tuple[str, str | None]] = attrs.field(factory=dict)
    """Phases left out, by id: why, and the milestone whose dates would date them."""

    def _edge(self, anchor: MilestoneEdge) -> tuple[dt.date, dt.date]:
        entry = self.resolution.dates.get(anchor.milestone)
        if entry is None:
            milestone = self.plan.milestone(anchor.milestone)
            name = milestone_label(milestone) if milestone else anchor.milestone
            raise _Undated(
                f"needs the dates of {name!r}", blocking=False, milestone=anchor.milestone
            )
        return entry.first_day, entry.last_day

    def _issue(self) -> dt.date:
        """The issue date, or else the day of the plan's digital signature."""
        day = self.plan.issued_on
        signature = self.plan.signature
        if day is None and signature is not None and signature.digital is not None:
            signed = signature.digital.signed_at
            day = signed.date() if signed is not None else None
        if day is None:
            raise _Undated("needs the plan's issue date, which the plan lacks", blocking=True)
        return day

    def day(self, anchor: Anchor) -> dt.date | None:
        """The day an anchor names with no shift (a task's due date); ``None`` for ``Open``."""
        if isinstance(anchor, DateAnchor):
            return anchor.on
        if isinstance(anchor, IssueDate):
            return self._issue()
        if isinstance(anchor, MilestoneEdge):
            first, last = self._edge(anchor)
            return first if anchor.edge is Edge.START else last
        return None

    def _start(self, anchor: Anchor, parent: Span | None) -> dt.date | None:
        if isinstance(anchor, MilestoneEdge) and anchor.edge is Edge.END:
            return self._edge(anchor)[1] + _ONE_DAY
        day = self.day(anchor)
        if day is None and parent is not None:
            return parent.first
        return day

    def _end(self, anchor: Anchor, parent: Span | None, start: dt.date) -> tuple[dt.date, bool]:
        if isinstance(anchor, MilestoneEdge) and anchor.edge is Edge.START:
            opening = self._edge(anchor)[0]
            return (opening - _ONE_DAY if opening > start else opening), False
        day = self.day(anchor)
        if day is not None:
            return day, False
        if parent is not None and not parent.open_ended:
            return parent.last, False
        return start, True

    def phase(self, phase: Phase, parent: Span | None) -> Span | None:
        """The span of one phase, or ``None`` (and a problem or note saying why)."""
        window = phase.window or Window(Open(), Open())
        name = f"phase {phase.id} {' '.join(phase.heading.split())[:60]!r}"
        try:
            start = self._start(window.start, parent)
            if start is None:
                self.notes.append(f"{name}: the plan gives no start; not exported")
                self.undated[phase.id] = ("the plan gives no start", None)
                return None
            last, open_ended = self._end(window.end, parent, start)
        except _Undated as exc:
            (self.problems if exc.blocking else self.notes).append(f"{name}: {exc.why}")
            self.undated[phase.id] = (exc.why, exc.milestone)
            return None
        if last < start:
            self.notes.append(f"{name}: ends ({last}) before it starts ({start}); not exported")
            self.undated[phase.id] = (f"ends ({last}) before it starts ({start})", None)
            return None
        return Span(start, last, open_ended)

    def phases(self) -> dict[str, Span]:
        """Every dated phase and sub-phase by id; a sub-phase inherits its parent's bounds.

        A phase's end is never before the end of its own sub-phases: *Đợt 2 ... đến
        Đại hội XIV* ends the day before the opening, but its sub-phase *Trong thời
        gian diễn ra Đại hội XIV* runs to the closing day, so the phase does too.
        """
        spans: dict[str, Span] = {}

        def visit(phase: Phase, parent: Span | None) -> None:
            span = self.phase(phase, parent)
            if span is not None:
                spans[phase.id] = span
            for sub in phase.subphases:
                visit(sub, span if span is not None else parent)
                why = self.undated.get(sub.id)
                if why is not None and why[1] is None and phase.id in self.undated:
                    # no bound of its own: undated for the reason its phase is
                    self.undated[sub.id] = self.undated[phase.id]
            if span is not None and not span.open_ended:
                last = max(
                    (spans[s.id].last for s in phase.walk() if s.id in spans), default=span.last
                )
                if last > span.last:
                    spans[phase.id] = Span(span.first, last)

        for phase in self.plan.phases:
            visit(phase, None)
        return spans

    def due(self, anchor: Anchor | None, what: str) -> dt.date | None:
        """A task's due day, or ``None`` (no deadline, or one that cannot be dated)."""
        if anchor is None:
            return None
        try:
            return self.day(anchor)
        except _Undated as exc:
            (self.problems if exc.blocking else self.notes).append(f"{what}: {exc.why}")
            return None
