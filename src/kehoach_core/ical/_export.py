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
>>> str(calendar.events[-1]["SUMMARY"])  # the day the plan was issued
'Ban hành Kế hoạch ngày 03/7/2025'
>>> to_ical(plan, Schedule()).to_ical() == calendar.to_ical()
True
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path

import attrs
from icalendar import Calendar

from .._anchors import MilestoneEdge
from .._atomic import write_atomic
from .._elements import Milestone
from .._errors import InputError
from .._ids import number_elements
from .._model import Assignment, Plan
from ._build import Builder, body_names, selects
from ._items import date_plan, reference_day
from ._match import Resolution, fold, milestone_label, resolve, words
from ._national import national_schedule
from ._schedule import MilestoneDates, Schedule

__all__ = [
    "Report",
    "bodies",
    "calendars_by_body",
    "export",
    "export_by_body",
    "needed_milestones",
    "past_milestones",
    "read_ical",
    "to_ical",
    "write_ical",
]

_DAY = dt.timedelta(days=1)


@attrs.frozen
class Report:
    """What an export holds and what it left out, for the one-line summaries of ``kehoach ics``.

    ``undated`` maps each phase left out (by its short name, *Đợt 2.1*) to why;
    ``needs`` lists the milestones whose dates would date them (the ones
    ``kehoach schedule`` asks for).
    """

    events: int = 0
    todos: int = 0
    dated_tasks: int = 0
    undated: tuple[tuple[str, str], ...] = ()
    needs: tuple[str, ...] = ()


def needed_milestones(plan: Plan) -> list[str]:
    """Ids of the milestones the plan's phase windows and dues point at, in plan order."""
    wanted: set[str] = set()
    anchors: list[object] = []
    for phase in plan.all_phases():
        if phase.window is not None:
            anchors += [phase.window.start, phase.window.end]
    items = [*plan.standing_content, *plan.closing]
    items += [item for phase in plan.all_phases() for item in phase.content]
    items += [item for form in plan.forms for item in form.content]
    items += [item for assignment in plan.all_assignments() for item in assignment.tasks]
    anchors += [item.due for top in items for item in top.walk()]
    for anchor in anchors:
        if isinstance(anchor, MilestoneEdge):
            wanted.add(anchor.milestone)
    return [m.id for m in plan.milestones if m.id in wanted]


def _kind(milestone: Milestone | MilestoneDates) -> str:
    text = " ".join(str(x) for x in (milestone.name, milestone.body) if x)
    return "emulation" if "thi dua" in fold(text) else "party"


def past_milestones(
    plan: Plan, resolution: Resolution, national: Schedule, day: dt.date | None
) -> frozenset[str]:
    """Milestones held before the plan was issued: they never need a date.

    A congress is past when its dates end before the plan's issue date (or
    signature); when the plan names a later congress of the same body
    (*Đại hội XIII* beside *Đại hội XIV*); when its term began before the
    plan's year (*nhiệm kỳ 2020 - 2025* in a plan of 2025); or when the bundled
    calendar dates a later national congress (*Đại hội XIII* in any plan).
    """
    past = set()
    for m in plan.milestones:
        entry = resolution.dates.get(m.id)
        if entry is not None and day is not None and entry.last_day < day:
            past.add(m.id)
        if m.term is not None and day is not None and m.term.start < day.year:
            past.add(m.id)
        if m.ordinal is None:
            continue
        for other in plan.milestones:
            if (
                other.ordinal is not None
                and other.ordinal > m.ordinal
                and other.level is m.level
                and _kind(other) == _kind(m)
                and (words(other.body) == words(m.body) or not words(m.body))
            ):
                past.add(m.id)
        for known in national.milestones:
            if (
                known.level is m.level
                and known.ordinal is not None
                and known.ordinal > m.ordinal
                and _kind(known) == _kind(m)
            ):
                past.add(m.id)
    return frozenset(past)


def _prepare(
    plan: Plan,
    schedule: Schedule | None,
    *,
    strict: bool,
    todos: bool,
    alarms: bool,
    refresh: dt.timedelta,
) -> tuple[Builder, Report]:
    schedule = schedule if schedule is not None else Schedule()
    if plan.issued_on is None and schedule.issued is not None:
        plan = attrs.evolve(plan, issued_on=schedule.issued)
    plan, dated = date_plan(number_elements(plan))
    national = national_schedule()
    resolution = resolve(plan, schedule, fallback=national)
    past = past_milestones(plan, resolution, national, reference_day(plan))
    builder = Builder(
        plan, resolution, todos=todos, alarms=alarms, refresh=refresh, dated=dated, past=past
    )
    needed = set(needed_milestones(plan))
    missing = [
        problem
        for problem in resolution.problems
        if any(problem.startswith(f"milestone {m} ") for m in needed - past)
    ]
    problems = (*missing, *builder.dater.problems)
    Resolution(resolution.dates, problems).report(strict=strict, source=schedule.source)
    Resolution(problems=tuple(builder.dater.notes)).report(strict=False)
    undated = tuple(
        (builder.names.get(phase_id, phase_id), why)
        for phase_id, (why, _) in builder.dater.undated.items()
    )
    needs = tuple(
        dict.fromkeys(
            milestone_label(m)
            for phase_id, (_, milestone_id) in builder.dater.undated.items()
            if milestone_id is not None
            for m in [plan.milestone(milestone_id)]
            if m is not None
        )
    )
    return builder, Report(undated=undated, needs=needs)


def _counted(calendar: Calendar, report: Report, tasks: int) -> Report:
    return attrs.evolve(
        report, events=len(calendar.events), todos=len(calendar.todos), dated_tasks=tasks
    )


def export(
    plan: Plan,
    schedule: Schedule | None = None,
    *,
    body: str | None = None,
    todos: bool = False,
    strict: bool = False,
    previous: Calendar | None = None,
    alarms: bool = True,
    refresh: dt.timedelta = _DAY,
) -> tuple[Calendar, Report]:
    """:func:`to_ical`, with the :class:`Report` of what it holds and left out."""
    builder, report = _prepare(
        plan, schedule, strict=strict, todos=todos, alarms=alarms, refresh=refresh
    )
    label = None
    if body is not None:
        names = body_names(builder.plan)
        matched = [name for name in names if selects(Assignment(bodies=[name]), body, exact=False)]
        if not matched:
            raise InputError(f"no body matches {body!r} (bodies: {'; '.join(names) or 'none'})")
        label = "; ".join(matched)
    calendar = builder.calendar(body, previous=previous, label=label)
    tasks = sum(1 for _ in builder.tasks(body, exact=False)) + len(builder.shared_items)
    return calendar, _counted(calendar, report, tasks)


def export_by_body(
    plan: Plan,
    schedule: Schedule | None = None,
    *,
    todos: bool = False,
    strict: bool = False,
    previous: Mapping[str, Calendar] | None = None,
    alarms: bool = True,
    refresh: dt.timedelta = _DAY,
) -> tuple[dict[str, Calendar], Report]:
    """:func:`calendars_by_body`, with the :class:`Report` of the whole plan."""
    builder, report = _prepare(
        plan, schedule, strict=strict, todos=todos, alarms=alarms, refresh=refresh
    )
    previous = previous or {}
    calendars = {
        name: builder.calendar(name, exact=True, previous=previous.get(name))
        for name in body_names(builder.plan)
    }
    events = sum(len(c.events) for c in calendars.values())
    todo_count = sum(len(c.todos) for c in calendars.values())
    tasks = sum(1 for _ in builder.tasks(None, exact=False)) + len(builder.shared_items)
    return calendars, attrs.evolve(report, events=events, todos=todo_count, dated_tasks=tasks)


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
    calendar, _ = export(
        plan,
        schedule,
        body=body,
        todos=todos,
        strict=strict,
        previous=previous,
        alarms=alarms,
        refresh=refresh,
    )
    return calendar


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
    calendars, _ = export_by_body(
        plan,
        schedule,
        todos=todos,
        strict=strict,
        previous=previous,
        alarms=alarms,
        refresh=refresh,
    )
    return calendars


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
    try:
        data = target.read_bytes()
    except FileNotFoundError as exc:
        raise InputError("no such file", source=str(target)) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", source=str(target)) from exc
    try:
        return Calendar.from_ical(data)
    except ValueError as exc:
        raise InputError(f"not an iCalendar file: {exc}", source=str(target)) from exc
