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

from .._elements import ContentItem
from .._model import Assignment, Phase, Plan
from ._dates import Dater, Span, _Undated
from ._identity import content_hash, element_uid, plan_identity, previous_state, stamp_of
from ._items import DatedItem, reference_day
from ._match import Resolution, fold
from ._national import NationalDay, national_days
from ._schedule import TZID
from ._stated import Stated
from ._wording import (
    anniversary_summary,
    calendar_text,
    clean,
    items_text,
    milestone_summary,
    one_line,
    phase_name,
    phase_summary,
    plain,
    plan_reference,
    plan_tag,
    with_tag,
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
    """A dated item: a task of an assignment (``assignment`` set) or any other item."""

    assignment: Assignment | None
    item_id: str
    item: ContentItem
    subject: str
    due: dt.date
    first: dt.date
    stated: Stated | None = None
    phase: str | None = None


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
    dated: dict[str, DatedItem] = attrs.field(factory=dict)
    past: frozenset[str] = frozenset()
    dater: Dater = attrs.field(init=False)
    spans: dict[str, Span] = attrs.field(init=False)
    names: dict[str, str] = attrs.field(init=False, factory=dict)
    identity: str = attrs.field(init=False)
    stamp: dt.datetime = attrs.field(init=False)
    tag: str = attrs.field(init=False)
    shared_items: list[_Task] = attrs.field(init=False, factory=list)
    national: list[NationalDay] = attrs.field(init=False, factory=list)

    def __attrs_post_init__(self) -> None:
        self.dater = Dater(self.plan, self.resolution)
        self.spans = self.dater.phases()
        self._name_phases(self.plan.phases, None)
        self.identity = plan_identity(self.plan)
        self.stamp = stamp_of(self.plan)
        self.tag = plan_tag(self.plan)
        task_ids = {
            t.id for a in self.plan.all_assignments() for top in a.tasks for t in top.walk()
        }
        self.shared_items = [
            task
            for item_id, dated in self.dated.items()
            if item_id not in task_ids
            for task in self._dated_tasks(None, dated.item, dated)
        ]
        self.national = self._national_days()

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
        component.add("SUMMARY", with_tag(clean(summary), self.tag))
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
                lines = [phase_summary(phase, name, 0)]  # the whole heading
                if (
                    phase.window
                    and phase.window.text
                    and fold(phase.window.text) not in fold(phase.heading)
                ):
                    lines.append(clean(phase.window.text))
                if span.open_ended:
                    lines.append(_OPEN_NOTE)
                lines.extend(items_text(phase.content))
                last = span.first if span.open_ended else span.last
                event = self._all_day(phase.id, summary, "\n".join(lines), span.first, last)
                event.add("CATEGORIES", self._categories([name]))
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
            if entry is None or milestone.id in self.past:
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
            event.add("CATEGORIES", self._categories(["Đại hội"]))
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
            event.add("CATEGORIES", self._categories(["Ngày kỷ niệm"]))
            self._alarm(event, summary, _ALL_DAY_ALARM)
            yield event

    def _plan_days(self) -> set[dt.date]:
        days = {a.on for a in self.plan.anniversaries if a.on is not None}
        for milestone_id, entry in self.resolution.dates.items():
            if milestone_id not in self.past:
                days.add(entry.first_day)
        return days

    def _national_days(self) -> list[NationalDay]:
        """Bundled nationwide days the plan names, in the year after it was issued."""
        dated = [d for span in self.spans.values() for d in (span.first, span.last)]
        dated += [t.due for t in self.shared_items]
        dated += [e.last_day for k, e in self.resolution.dates.items() if k not in self.past]
        start = reference_day(self.plan)
        if start is None:  # no issue date: only within what the plan dates
            if not dated:
                return []
            start, end = min(dated), max(dated)
        else:
            later = [day for day in dated if day > start]
            end = max(later) if later else start + dt.timedelta(days=365)
        skip = (
            "bases",
            "recipient",
            "signature",
            "trailer",
            "page",
            "header",
            "footnote",
            "unparsed",
        )
        text = "\n".join(t.text for t in self.plan.texts() if t.part not in skip)
        taken = self._plan_days()
        return [day for day in national_days(text, start, end) if day.on not in taken]

    def issue_events(self) -> Iterator[Event]:
        """The day the plan was issued: the date its header states."""
        day = self.plan.issued_on
        if day is None:
            return
        summary = f"Ban hành {plan_reference(self.plan)}"
        body = "\n".join(part for part in (clean(self.plan.title),) if part)
        event = self._all_day("issued", summary, body, day, day)
        event.add("CATEGORIES", self._categories(["Ban hành"]))
        yield event

    def national_events(self) -> Iterator[Event]:
        for day in self.national:
            summary = f"{day.years} năm {day.name}" if day.years else day.name
            body = (
                f"{summary} ({day.on.day}/{day.on.month}/{day.on.year}): ngày cả nước, "
                "theo lịch kèm theo kehoach (kehoach_core/ical/national.toml)."
            )
            event = self._all_day(day.key, summary, body, day.on, day.on)
            event.add("CATEGORIES", self._categories([day.category]))
            self._alarm(event, summary, _ALL_DAY_ALARM)
            yield event

    def _dated_tasks(
        self, assignment: Assignment | None, item: ContentItem, dated: DatedItem | None
    ) -> Iterator[_Task]:
        if dated is not None and dated.window is not None:
            try:
                first = self.dater.day(dated.window.start)
                last = self.dater.day(dated.window.end)
            except _Undated:  # a milestone without dates: the item stays out
                first = last = None
            if first is not None and last is not None and first <= last:
                yield _Task(
                    assignment, item.id, item, dated.subject, last, first, None, dated.phase
                )
            return
        if dated is not None:
            for n, stated in enumerate(dated.spans):
                item_id = item.id if n == 0 else f"{item.id}/t{n + 1}"
                phase = dated.phase
                yield _Task(
                    assignment,
                    item_id,
                    item,
                    dated.subject,
                    stated.last,
                    stated.first if stated.kind != "before" else stated.last,
                    stated,
                    phase,
                )
            return
        due = self.dater.due(item.due, f"task {item.id}")
        if due is not None:
            yield _Task(assignment, item.id, item, item.text, due, due)

    def tasks(self, body: str | None, *, exact: bool) -> Iterator[_Task]:
        for assignment in self.plan.all_assignments():
            if not selects(assignment, body, exact=exact):
                continue
            for top in assignment.tasks:
                for item in top.walk():
                    dated = self.dated.get(item.id)
                    if dated is None and item is not top:
                        continue  # a nested item counts only when it states a date
                    yield from self._dated_tasks(assignment, item, dated)

    def _categories(self, extra: list[str]) -> list[str]:
        issuer = plain(self.plan.issuer) if self.plan.issuer else ""  # whole: a category filters
        out = [plain(c) for c in extra if c]
        if issuer and issuer not in out:
            out.append(issuer)
        return out

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
        assignment = task.assignment
        bodies = ", ".join(one_line(b, 60) for b in assignment.bodies) if assignment else ""
        phase_id = task.phase if task.phase in self.spans else self.covering_phase(task.due)
        where = f"{self.names[phase_id]}: " if phase_id else ""
        if assignment is not None:
            where = f"[{one_line(bodies, 60) or '?'}] {where}"
        what = one_line(task.subject, 100)
        if task.stated is not None and task.stated.kind == "before":
            what = f"Hạn {task.due.day}/{task.due.month}/{task.due.year}: {what}"
        summary = f"{where}{what}"
        lines = [clean(task.item.text)]
        if fold(clean(task.subject)) != fold(clean(task.item.text)):
            lines.insert(0, clean(task.subject))
        lines.extend(items_text(task.item.children, 1))
        if task.stated is not None:
            lines.append(f"Thời gian (theo kế hoạch): {task.stated.phrase}")
        elif (dated := self.dated.get(task.item_id)) is not None and dated.window is not None:
            lines.append(f"Thời gian (theo kế hoạch): {clean(dated.window.text)}")
        if phase_id:
            lines.append(f"Đợt: {self.names[phase_id]}")
        if assignment is not None:
            whole = ", ".join(" ".join(b.split()) for b in assignment.bodies)
            lines += ["", f"Đơn vị: {whole or '?'}"]
            if assignment.heading and fold(" ".join(assignment.heading.split())) != fold(whole):
                lines.append(clean(assignment.heading))
        categories = [one_line(b, 60) for b in assignment.bodies] if assignment else []
        if phase_id:
            categories.append(self.names[phase_id])
        categories = self._categories(categories)
        body = "\n".join(lines)
        if not self.todos:
            event = self._all_day(task.item_id, summary, body, task.first, task.due)
            if categories:
                event.add("CATEGORIES", categories)
            self._alarm(event, summary, _ALL_DAY_ALARM)
            return event
        todo = Todo()
        self._common(todo, task.item_id, summary, body)
        if task.first < task.due:
            todo.add("DTSTART", task.first)
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
        name = plain(f"{title}{number}" + (f" · {one_line(body, 60)}" if body else ""))
        description = [plan_reference(self.plan), clean(self.plan.title)]
        if body:
            description.append(f"Đơn vị: {clean(body)}")
        text = calendar_text("\n".join(line for line in description if line))
        # NAME, X-WR-CALNAME, DESCRIPTION and X-WR-CALDESC are TEXT (RFC 7986, and RFC 5545
        # 3.8.8.2 for X- names): a comma or semicolon must be escaped there, but icalendar
        # and the ical package hand NAME and the X- ones back raw (``I\\, nhiệm kỳ``) while vobject
        # splits an unescaped value at its commas. So the values hold none: see ``plain``.
        calendar.add("NAME", vText(name))
        calendar.add("X-WR-CALNAME", vText(name))
        calendar.add("DESCRIPTION", vText(text))
        # X-WR-CALDESC, like X-WR-CALNAME, is handed back raw by two parsers: one line
        calendar.add("X-WR-CALDESC", vText(" · ".join(text.split("\n"))))
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
            *self.national_events(),
            *self.issue_events(),
            *(self.task_component(t) for t in self.shared_items),
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
