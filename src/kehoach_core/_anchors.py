"""Anchors and windows: when a phase starts and ends.

A phase is defined relative to events, not dates (*Từ nay đến thời điểm hoàn
thành Đại hội ...*), so each end of its window is an anchor of one of four
kinds, each its own class:

>>> w = Window(IssueDate(), MilestoneEdge("milestone1", Edge.END), text="Từ nay đến ...")
>>> w.start, w.end.edge.value
(IssueDate(), 'end')
>>> Window(Open(), Open()).is_open
True
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

__all__ = ["Anchor", "DateAnchor", "Edge", "IssueDate", "MilestoneEdge", "Open", "Window"]


class Edge(enum.Enum):
    """Which edge of a milestone an anchor points at."""

    START = "start"
    """The opening day (*khai mạc*)."""
    END = "end"
    """The closing day (*bế mạc*, *hoàn thành*)."""


@attrs.frozen
class DateAnchor:
    """A calendar date printed in the plan (``đến ngày 30/9/2025``)."""

    on: dt.date


@attrs.frozen
class IssueDate:
    """The plan's own issue date (*từ nay*, *từ khi ban hành*)."""


@attrs.frozen
class MilestoneEdge:
    """The start or end of a milestone named in the plan, by the milestone's id."""

    milestone: str
    edge: Edge


@attrs.frozen
class Open:
    """No bound: an open-ended phase, or an end the plan does not state."""


Anchor = DateAnchor | IssueDate | MilestoneEdge | Open
"""One end of a window."""


@attrs.frozen
class Window:
    """A phase's time window: two anchors and, when read from a plan, the wording."""

    start: Anchor
    end: Anchor
    text: str | None = None

    @property
    def is_open(self) -> bool:
        """True when neither end is bounded."""
        return isinstance(self.start, Open) and isinstance(self.end, Open)
