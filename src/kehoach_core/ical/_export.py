"""The public functions: ``to_ical``, ``calendars_by_body``, ``write_ical``, ``read_ical``.

>>> import datetime as dt
>>> from kehoach_core import Plan, Phase, Window, IssueDate, DateAnchor, number_elements
>>> plan = number_elements(Plan(title="Tuyên truyền đại hội", issued_on=dt.date(2025, 7, 3),
...     phases=[Phase(ordinal=1, heading="Đợt 1: Từ nay đến 30/9/2025",
...                   window=Window(IssueDate(), DateAnchor(dt.date(2025, 9, 30))))]))
>>> calendar = to_ical(plan, Schedule())
>>> event = calendar.events[0]
>>> str(event["SUMMARY"]), event.start, event.end
('Đợt 1: Từ nay đến 30/9/2025', datetime.date(2025, 7, 3), datetime.date(2025, 10, 1))
>>> to_ical(plan, Schedule()).to_ical() == calendar.to_ical()
True
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path

from icalendar import Calendar

from .._atomic import write_atomic
from .._errors import InputError
from .._ids import number_elements
from .._model import Assignment, Plan
from ._build import Builder, body_names, selects
from ._match import Resolution, resolve
from ._schedule import Schedule

__all__ = ["bodies", "calendars_by_body", "read_ical", "to_ical", "write_ical"]

_DAY = dt.timedelta(days=1)


def _prepare(
    plan: Plan,
    schedule: Schedule | None,
    *,
    strict: bool,
    todos: bool,
    alarms: bool,
    refresh: dt.timedelta,
) -> Builder:
    plan = number_elements(plan)
    schedule = schedule if schedule is not None else Schedule()
    resolution = resolve(plan, schedule)
    builder = Builder(plan, resolution, todos=todos, alarms=alarms, refresh=refresh)
    problems = (*resolution.problems, *builder.dater.problems)
    Resolution(resolution.dates, problems).report(strict=strict, source=schedule.source)
    Resolution(problems=tuple(builder.dater.notes)).report(strict=False)
    return builder


def to_ical(
    plan: Plan,
    schedule: Schedule | None = None,
    *,
    body: str | None = None,
    todos: bool = False,
    strict: bool = True,
    previous: Calendar | None = None,
    alarms: bool = True,
    refresh: dt.timedelta = _DAY,
) -> Calendar:
    """The calendar of ``plan``, its milestones dated by ``schedule``.

    ``body`` keeps the tasks of the bodies whose names contain these words
    (case and diacritics ignored); phases, milestones and anniversaries are in
    every calendar. ``todos`` writes tasks as VTODO instead of all-day events.
    ``strict`` raises :class:`~kehoach_core.ScheduleError` naming every
    milestone that cannot be dated; otherwise each is a :class:`ScheduleWarning`
    and the rest is exported. ``previous`` is the last export of the same plan:
    SEQUENCE goes up by one for every item whose content changed.
    ``refresh`` is the suggested polling interval for subscribers.
    """
    builder = _prepare(plan, schedule, strict=strict, todos=todos, alarms=alarms, refresh=refresh)
    label = None
    if body is not None:
        names = body_names(builder.plan)
        matched = [name for name in names if selects(Assignment(bodies=[name]), body, exact=False)]
        if not matched:
            raise InputError(f"no body matches {body!r} (bodies: {'; '.join(names) or 'none'})")
        label = "; ".join(matched)
    return builder.calendar(body, previous=previous, label=label)


def calendars_by_body(
    plan: Plan,
    schedule: Schedule | None = None,
    *,
    todos: bool = False,
    strict: bool = True,
    previous: Mapping[str, Calendar] | None = None,
    alarms: bool = True,
    refresh: dt.timedelta = _DAY,
) -> dict[str, Calendar]:
    """One calendar per responsible body, keyed by the body's name as first printed.

    Dates are resolved once; ``previous`` maps a body's name to its last export.
    """
    builder = _prepare(plan, schedule, strict=strict, todos=todos, alarms=alarms, refresh=refresh)
    previous = previous or {}
    return {
        name: builder.calendar(name, exact=True, previous=previous.get(name))
        for name in body_names(builder.plan)
    }


def bodies(plan: Plan) -> list[str]:
    """The responsible bodies of ``plan`` in document order: the keys of :func:`calendars_by_body`.

    >>> from kehoach_core import Assignment, Plan
    >>> bodies(Plan(assignments=[Assignment(bodies=["Ban Xây dựng Đảng"]),
    ...     Assignment(bodies=["ban xây dựng  đảng", "Ủy ban nhân dân xã"])]))
    ['Ban Xây dựng Đảng', 'Ủy ban nhân dân xã']
    """
    return body_names(plan)


def write_ical(calendar: Calendar, path: str | os.PathLike[str]) -> None:
    """Write ``calendar`` to ``path`` atomically (CRLF line ends, lines folded at 75 octets)."""
    write_atomic(path, calendar.to_ical())


def read_ical(path: str | os.PathLike[str]) -> Calendar:
    """Read a calendar file, such as a previous export to pass as ``previous``.

    Raises :class:`~kehoach_core.InputError` when the file is not iCalendar.
    """
    target = Path(path)
    data = target.read_bytes()
    try:
        return Calendar.from_ical(data)
    except ValueError as exc:
        raise InputError(f"not an iCalendar file: {exc}", source=str(target)) from exc
