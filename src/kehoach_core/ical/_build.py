"""Building the calendar: phases, milestones, anniversaries and tasks as components.

* Phases and sub-phases are all-day VEVENTs; DTEND is the day after the last
  day (RFC 5545 all-day events end exclusively). Sub-phases point at their
  phase with RELATED-TO.
* Milestones are VEVENTs: all-day, or timed in Asia/Ho_Chi_Minh when the
  schedule gives times (only then is a VTIMEZONE written).
* Anniversaries with a date are one-day VEVENTs.
* Tasks with a due date are one-day VEVENTs on that day (major clients ignore
  VTODO), or with ``todos=True`` VTODOs with DUE and RELATED-TO the phase that
  covers the due day.
* Every item has one display alarm: 09:00 the day before for all-day items
  (``TRIGGER:-PT15H`` from midnight of the first day), a day before for timed
  ones. Every event is TRANSP:TRANSPARENT: a propaganda phase does not make
  anyone busy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs
from icalendar import (
    Alarm,
    Calendar,
    Component,
    Event,
    Timezone,
    TimezoneStandard,
    Todo,
    vDuration,
    vInt,
    vText,
)

from .._model import Assignment, Phase, Plan
from ._dates import Dater, Span
from ._identity import content_hash, element_uid, plan_identity, previous_state, stamp_of
from ._match import Resolution, fold
from ._schedule import TZID
from ._wording import (
    anniversary_summary,
    clean,
    items_text,
    milestone_summary,
    one_line,
    phase_name,
    phase_summary,
    plan_reference,
)

__all__ = ["PRODID", "Builder", "body_names", "selects", "vietnam_timezone"]

PRODID = "-//kehoach_core//kehoach calendar//VI"
"""The PRODID of every calendar: ASCII, without a version so upgrades keep the bytes."""

_ONE_DAY = dt.timedelta(days=1)
_ALL_DAY_ALARM = dt.timedelta(hours=-15)
_TIMED_ALARM = dt.timedelta(days=-1)
_OPEN_NOTE = (
    "Đợt không có ngày kết thúc (open-ended): kế hoạch không nêu thời điểm kết thúc, "
    "sự kiện chỉ đánh dấu ngày bắt đầu."
)


def vietnam_timezone() -> Timezone:
    """A fixed VTIMEZONE for Asia/Ho_Chi_Minh (UTC+7 since 1975), independent of tzdata.

    Built by hand rather than by ``Timezone.from_tzid``, which adds a COMMENT and
    whose output follows the installed tzdata: the bytes must not.
    """
    standard = TimezoneStandard()
    standard.add("DTSTART", dt.datetime(1975, 6, 13))
    standard.add("TZOFFSETFROM", dt.timedelta(hours=7))
    standard.add("TZOFFSETTO", dt.timedelta(hours=7))
    standard.add("TZNAME", "+07")
    timezone = Timezone()
    timezone.add("TZID", TZID)
    timezone.add_component(standard)
    return timezone


@attrs.frozen
class _Task:
    assignment: Assignment
    item_id: str
    text: str
    children: tuple[str, ...]
    due: dt.date


def body_names(plan: Plan) -> list[str]:
    """Every responsible body, as first printed, in document order, without repeats."""
    seen: dict[str, str] = {}
    for assignment in plan.all_assignments():
        for body in assignment.bodies:
            name = one_line(body, 200)
            if name and fold(name) not in seen:
                seen[fold(name)] = name
    return list(seen.values())


def selects(assignment: Assignment, body: str | None, *, exact: bool) -> bool:
    if body is None:
        return True
    wanted = fold(" ".join(body.split()))
    for name in assignment.bodies:
        have = fold(" ".join(name.split()))
        if have == wanted or (not exact and set(wanted.split()) <= set(have.split())):
            return True
    return False


@attrs.define
class Builder:
    """Builds calendars for one plan; dates are resolved once and shared by every calendar."""

    plan: Plan
    resolution: Resolution
    todos: bool = False
    alarms: bool = True
    refresh: dt.timedelta = dt.timedelta(days=1)
    dater: Dater = attrs.field(init=False)
    spans: dict[str, Span] = attrs.field(init=False)
    names: dict[str, str] = attrs.field(init=False, factory=dict)
    identity: str = attrs.field(init=False)
    stamp: dt.datetime = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.dater = Dater(self.plan, self.resolution)
        self.spans = self.dater.phases()
        self._name_phases(self.plan.phases, None)
        self.identity = plan_identity(self.plan)
        self.stamp = stamp_of(self.plan)

    def _name_phases(self, phases: tuple[Phase, ...], parent: str | None) -> None:
        for phase in phases:
            name = phase_name(phase, parent)
            self.names[phase.id] = name
            self._name_phases(phase.subphases, name)

    def uid(self, element_id: str) -> str:
        return element_uid(self.identity, element_id)

    # --- components -------------------------------------------------------------------------

    def _common(self, component: Component, element_id: str, summary: str, body: str) -> None:
        component.add("UID", self.uid(element_id))
        component.add("DTSTAMP", self.stamp)
        component.add("SEQUENCE", 0)
        component.add("SUMMARY", clean(summary))
        text = "\n\n".join(part for part in (clean(body), plan_reference(self.plan)) if part)
        component.add("DESCRIPTION", text)

    def _alarm(
        self, component: Component, summary: str, trigger: dt.timedelta, **params: str
    ) -> None:
        if not self.alarms:
            return
        alarm = Alarm()
        alarm.add("ACTION", "DISPLAY")
        alarm.add("DESCRIPTION", clean(summary))
        if params:
            alarm.add("TRIGGER", trigger, parameters=params)
        else:
            alarm.add("TRIGGER", trigger)
        component.add_component(alarm)

    def _all_day(
        self, element_id: str, summary: str, body: str, first: dt.date, last: dt.date
    ) -> Event:
        event = Event()
        self._common(event, element_id, summary, body)
        event.add("DTSTART", first)
        event.add("DTEND", last + _ONE_DAY)
        event.add("TRANSP", "TRANSPARENT")
        return event

    def phase_events(self) -> Iterator[Event]:
        def visit(phase: Phase, parent_id: str | None) -> Iterator[Event]:
            span = self.spans.get(phase.id)
            if span is not None:
                name = self.names[phase.id]
                summary = phase_summary(phase, name)
                lines = [clean(phase.window.text)] if phase.window and phase.window.text else []
                if span.open_ended:
                    lines.append(_OPEN_NOTE)
                lines.extend(items_text(phase.content))
                last = span.first if span.open_ended else span.last
                event = self._all_day(phase.id, summary, "\n".join(lines), span.first, last)
                event.add("CATEGORIES", [name])
                if parent_id is not None and parent_id in self.spans:
                    event.add("RELATED-TO", self.uid(parent_id))
                self._alarm(event, summary, _ALL_DAY_ALARM)
                yield event
            for sub in phase.subphases:
                yield from visit(sub, phase.id)

        for phase in self.plan.phases:
            yield from visit(phase, None)

    def milestone_events(self) -> Iterator[Event]:
        for milestone in self.plan.milestones:
            entry = self.resolution.dates.get(milestone.id)
            if entry is None:
                continue
            summary = milestone_summary(milestone)
            details = [clean(milestone.name)]
            if milestone.term is not None:
                details.append(f"Nhiệm kỳ {milestone.term}")
            if entry.is_timed:
                event = Event()
                self._common(event, milestone.id, summary, "\n".join(details))
                event.add("DTSTART", entry.starts)
                event.add("DTEND", entry.end if entry.end > entry.starts else entry.starts)
                event.add("TRANSP", "TRANSPARENT")
                trigger = _TIMED_ALARM
            else:
                body = "\n".join(details)
                event = self._all_day(milestone.id, summary, body, entry.first_day, entry.last_day)
                trigger = _ALL_DAY_ALARM
            event.add("CATEGORIES", ["Đại hội"])
            self._alarm(event, summary, trigger)
            yield event

    def anniversary_events(self) -> Iterator[Event]:
        for anniversary in self.plan.anniversaries:
            day = anniversary.on
            if day is None and anniversary.origin is not None and anniversary.years is not None:
                try:
                    day = anniversary.origin.replace(
                        year=anniversary.origin.year + anniversary.years
                    )
                except ValueError:  # 29 February in a common year
                    day = None
            if day is None:
                continue
            summary = anniversary_summary(anniversary)
            event = self._all_day(anniversary.id, summary, anniversary.text, day, day)
            event.add("CATEGORIES", ["Ngày kỷ niệm"])
            self._alarm(event, summary, _ALL_DAY_ALARM)
            yield event

    def tasks(self, body: str | None, *, exact: bool) -> Iterator[_Task]:
        for assignment in self.plan.all_assignments():
            if not selects(assignment, body, exact=exact):
                continue
            for item in assignment.tasks:
                due = self.dater.due(item.due, f"task {item.id}")
                if due is None:
                    continue
                children = tuple(items_text(item.children, 1))
                yield _Task(assignment, item.id, item.text, children, due)

    def covering_phase(self, day: dt.date) -> str | None:
        """The deepest dated phase whose span holds ``day`` (open-ended phases never end)."""
        best, depth = None, -1
        for phase_id, span in self.spans.items():
            if span.first <= day and (span.open_ended or day <= span.last):
                level = phase_id.count(".")
                if level > depth:
                    best, depth = phase_id, level
        return best

    def task_component(self, task: _Task) -> Component:
        bodies = ", ".join(one_line(b, 60) for b in task.assignment.bodies) or "?"
        phase_id = self.covering_phase(task.due)
        where = f"{self.names[phase_id]}: " if phase_id else ""
        summary = f"[{one_line(bodies, 60)}] {where}{one_line(task.text, 100)}"
        lines = [clean(task.text), *task.children, "", f"Đơn vị: {bodies}"]
        if task.assignment.heading and fold(task.assignment.heading) != fold(bodies):
            lines.append(one_line(task.assignment.heading, 200))
        categories = [one_line(b, 60) for b in task.assignment.bodies]
        if phase_id:
            categories.append(self.names[phase_id])
        if not self.todos:
            event = self._all_day(task.item_id, summary, "\n".join(lines), task.due, task.due)
            if categories:
                event.add("CATEGORIES", categories)
            self._alarm(event, summary, _ALL_DAY_ALARM)
            return event
        todo = Todo()
        self._common(todo, task.item_id, summary, "\n".join(lines))
        todo.add("DUE", task.due)
        todo.add("STATUS", "NEEDS-ACTION")
        if categories:
            todo.add("CATEGORIES", categories)
        if phase_id:
            todo.add("RELATED-TO", self.uid(phase_id))
        self._alarm(todo, summary, _ALL_DAY_ALARM, RELATED="END")
        return todo

    # --- the calendar -----------------------------------------------------------------------

    def _header(self, body: str | None) -> Calendar:
        calendar = Calendar()
        calendar.add("PRODID", PRODID)
        calendar.add("VERSION", "2.0")
        calendar.add("CALSCALE", "GREGORIAN")
        title = one_line(self.plan.title, 100) or "Kế hoạch"
        number = f" ({self.plan.number})" if self.plan.number is not None else ""
        name = f"{title}{number}" + (f" · {one_line(body, 60)}" if body else "")
        description = [plan_reference(self.plan), clean(self.plan.title)]
        if body:
            description.append(f"Đơn vị: {clean(body)}")
        text = "\n".join(line for line in description if line)
        calendar.add("NAME", name)
        calendar.add("X-WR-CALNAME", vText(name))
        calendar.add("DESCRIPTION", text)
        calendar.add("X-WR-CALDESC", vText(text))
        calendar.add("REFRESH-INTERVAL", self.refresh, parameters={"VALUE": "DURATION"})
        calendar.add("X-PUBLISHED-TTL", vDuration(self.refresh))
        return calendar

    def calendar(
        self,
        body: str | None,
        *,
        exact: bool = False,
        previous: Calendar | None = None,
        label: str | None = None,
    ) -> Calendar:
        """One calendar: everything shared, and the tasks of ``body`` (all bodies when ``None``).

        ``label`` names the body in the header (default: ``body``).
        """
        calendar = self._header(label or body)
        components: list[Component] = [
            *self.phase_events(),
            *self.milestone_events(),
            *self.anniversary_events(),
            *(self.task_component(t) for t in self.tasks(body, exact=exact)),
        ]
        if any(
            e.get("DTSTART") is not None and e["DTSTART"].params.get("TZID") for e in components
        ):
            calendar.add_component(vietnam_timezone())
        state = previous_state(previous)
        for component in components:
            _sequence(component, state)
            calendar.add_component(component)
        return calendar


def _sequence(component: Component, state: dict[str, tuple[int, str]]) -> None:
    known = state.get(str(component["UID"]))
    if known is None:
        return
    sequence, digest = known
    if content_hash(component) != digest:
        sequence += 1
    component["SEQUENCE"] = vInt(sequence)  # in place: the property keeps its position
