"""What the calendar holds: phases, milestones, anniversaries, tasks, the header, alarms."""

from __future__ import annotations

import datetime as dt
import unicodedata

import attrs
import pytest
from icalendar import Calendar, Component

from kehoach_core import (
    DateAnchor,
    Edge,
    InputError,
    IssueDate,
    Level,
    Milestone,
    MilestoneEdge,
    Open,
    Phase,
    Plan,
    Window,
)
from kehoach_core.ical import Schedule, bodies, calendars_by_body, to_ical


def _by_summary(calendar: Calendar, prefix: str) -> Component:
    found = [c for c in calendar.walk() if str(c.get("SUMMARY", "")).startswith(prefix)]
    assert len(found) == 1, [str(c.get("SUMMARY")) for c in calendar.walk()]
    return found[0]


def _days(component: Component) -> tuple[dt.date, dt.date]:
    return component["DTSTART"].dt, component["DTEND"].dt


def test_phase_runs_from_issue_date_to_day_after_provincial_close(
    plan: Plan, schedule: Schedule
) -> None:
    event = _by_summary(to_ical(plan, schedule), "Đợt 1:")
    assert _days(event) == (dt.date(2025, 5, 16), dt.date(2025, 9, 27))


def test_phase_after_a_congress_starts_the_day_after_it_closes(
    plan: Plan, schedule: Schedule
) -> None:
    event = _by_summary(to_ical(plan, schedule), "Đợt 2:")
    assert _days(event) == (dt.date(2025, 9, 27), dt.date(2026, 1, 24))


def test_before_the_opening_ends_the_day_before(plan: Plan, schedule: Schedule) -> None:
    event = _by_summary(to_ical(plan, schedule), "Đợt 2.1:")
    assert _days(event) == (dt.date(2025, 9, 27), dt.date(2026, 1, 19))


def test_during_the_congress_covers_its_days(plan: Plan, schedule: Schedule) -> None:
    event = _by_summary(to_ical(plan, schedule), "Đợt 2.2:")
    assert _days(event) == (dt.date(2026, 1, 19), dt.date(2026, 1, 24))


def test_sub_phase_is_related_to_its_phase(plan: Plan, schedule: Schedule) -> None:
    calendar = to_ical(plan, schedule)
    parent = _by_summary(calendar, "Đợt 2:")
    assert str(_by_summary(calendar, "Đợt 2.1:")["RELATED-TO"]) == str(parent["UID"])


def test_open_ended_phase_is_one_day_with_a_note(plan: Plan, schedule: Schedule) -> None:
    event = _by_summary(to_ical(plan, schedule), "Đợt 3:")
    assert _days(event) == (dt.date(2026, 1, 24), dt.date(2026, 1, 25))
    assert "open-ended" in str(event["DESCRIPTION"])


def test_sub_phase_with_open_window_inherits_its_parent() -> None:
    plan = Plan(
        title="t",
        issued_on=dt.date(2025, 7, 1),
        phases=[
            Phase(
                ordinal=1,
                window=Window(IssueDate(), DateAnchor(dt.date(2025, 8, 31))),
                subphases=[Phase(label="-", heading="Thứ nhất", window=Window(Open(), Open()))],
            )
        ],
    )
    events = to_ical(plan).events
    assert [_days(e) for e in events[:2]] == [(dt.date(2025, 7, 1), dt.date(2025, 9, 1))] * 2
    assert _days(events[2]) == (dt.date(2025, 7, 1), dt.date(2025, 7, 2))  # issued that day


def test_a_phase_ends_no_earlier_than_its_sub_phases() -> None:
    """Kiên Mộc: *Đợt 2 ... đến Đại hội XIV* ends before the opening, but its sub-phase
    2.2 runs through the congress (19-23/01/2026, the bundled dates): so does Đợt 2."""
    xiv = Milestone(id="m1", name="Đại hội XIV của Đảng", level=Level.NATIONAL, ordinal=14)
    plan = Plan(
        title="t",
        issued_on=dt.date(2025, 7, 3),
        milestones=[xiv],
        phases=[
            Phase(
                ordinal=2,
                heading="Đợt 2: Từ nay đến Đại hội XIV của Đảng",
                window=Window(IssueDate(), MilestoneEdge("m1", Edge.START)),
                subphases=[
                    Phase(
                        label="2.2.",
                        heading="Trong thời gian diễn ra Đại hội XIV của Đảng",
                        window=Window(
                            MilestoneEdge("m1", Edge.START), MilestoneEdge("m1", Edge.END)
                        ),
                    )
                ],
            )
        ],
    )
    events = to_ical(plan).events
    assert _days(events[0]) == (dt.date(2025, 7, 3), dt.date(2026, 1, 24))
    assert _days(events[1]) == (dt.date(2026, 1, 19), dt.date(2026, 1, 24))


def test_phase_without_a_start_is_left_out_with_a_warning() -> None:
    plan = Plan(title="t", phases=[Phase(ordinal=1, heading="Đợt 1")])
    with pytest.warns(UserWarning, match="no start"):
        assert to_ical(plan).events == []


def test_milestones_are_events_over_their_days(plan: Plan, schedule: Schedule) -> None:
    event = _by_summary(to_ical(plan, schedule), "Đại hội đại biểu toàn quốc")
    assert _days(event) == (dt.date(2026, 1, 19), dt.date(2026, 1, 24))


def test_anniversaries_with_a_date_are_events(plan: Plan, schedule: Schedule) -> None:
    event = _by_summary(to_ical(plan, schedule), "80 năm Ngày Quốc khánh")
    assert _days(event) == (dt.date(2025, 9, 2), dt.date(2025, 9, 3))


def test_tasks_are_all_day_events_with_body_and_phase_in_summary(
    plan: Plan, schedule: Schedule
) -> None:
    event = _by_summary(to_ical(plan, schedule), "[Ban Tuyên giáo")
    assert _days(event) == (dt.date(2025, 10, 15), dt.date(2025, 10, 16))
    assert "Đợt 2.1:" in str(event["SUMMARY"])


def test_tasks_without_a_due_date_are_not_exported(plan: Plan, schedule: Schedule) -> None:
    summaries = [str(e["SUMMARY"]) for e in to_ical(plan, schedule).events]
    assert not any(s.startswith("[Báo và Phát thanh") for s in summaries)


def test_todos_are_related_to_the_phase_covering_their_due_day(
    plan: Plan, schedule: Schedule
) -> None:
    calendar = to_ical(plan, schedule, todos=True)
    todo = _by_summary(calendar, "[Các đảng ủy")
    assert todo.name == "VTODO"
    assert todo["DUE"].dt == dt.date(2026, 1, 19)
    assert str(todo["RELATED-TO"]) == str(_by_summary(calendar, "Đợt 2.2:")["UID"])
    assert todo.walk("VALARM")[0]["TRIGGER"].params["RELATED"] == "END"


def test_body_keeps_only_that_bodys_tasks(plan: Plan, schedule: Schedule) -> None:
    calendar = to_ical(plan, schedule, body="ban tuyen giao")
    summaries = [str(c["SUMMARY"]) for c in calendar.events]
    assert any(s.startswith("[Ban Tuyên giáo") for s in summaries)
    assert not any(s.startswith("[Các đảng ủy") for s in summaries)
    assert any(s.startswith("Đợt 1:") for s in summaries)  # phases are in every calendar
    assert "Ban Tuyên giáo" in str(calendar["X-WR-CALNAME"])


def test_unknown_body_is_an_input_error_listing_the_bodies(plan: Plan, schedule: Schedule) -> None:
    with pytest.raises(InputError, match="Ban Tuyên giáo và Dân vận Tỉnh ủy"):
        to_ical(plan, schedule, body="Hội Nông dân")


def test_one_calendar_per_body(plan: Plan, schedule: Schedule) -> None:
    calendars = calendars_by_body(plan, schedule)
    assert list(calendars) == bodies(plan)
    mine = calendars["Các đảng ủy xã, phường"]
    tasks = [str(e["SUMMARY"]) for e in mine.events if str(e["SUMMARY"]).startswith("[")]
    assert len(tasks) == 1
    assert tasks[0].startswith("[Các đảng ủy xã, phường]")


def test_header_names_and_describes_the_calendar(plan: Plan, schedule: Schedule) -> None:
    calendar = to_ical(plan, schedule)
    assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"])
    assert "06-KH/TBTT" in str(calendar["NAME"])
    description = str(calendar["DESCRIPTION"])
    assert "\n" in description
    # X-WR-CALDESC is read back raw by some parsers: the same text on one line
    assert str(calendar["X-WR-CALDESC"]) == description.replace("\n", " · ")
    text = calendar.to_ical()
    assert b"REFRESH-INTERVAL;VALUE=DURATION:P1D\r\n" in text
    assert b"X-PUBLISHED-TTL:P1D\r\n" in text
    assert b"METHOD" not in text
    assert str(calendar["PRODID"]).isascii()


def test_no_vtimezone_without_timed_values(plan: Plan, schedule: Schedule) -> None:
    assert to_ical(plan, schedule).timezones == []


def test_timed_milestone_brings_a_vtimezone_without_comment(plan: Plan) -> None:
    schedule = Schedule.from_dict(
        {
            "milestones": [
                {
                    "level": "national",
                    "ordinal": 14,
                    "starts": "2026-01-19T08:00:00",
                    "ends": "2026-01-23T17:00:00",
                },
                {"level": "province", "ordinal": 18, "starts": "2025-09-24"},
            ]
        }
    )
    calendar = to_ical(plan, schedule)
    (timezone,) = calendar.timezones
    assert str(timezone["TZID"]) == "Asia/Ho_Chi_Minh"
    assert "COMMENT" not in timezone
    assert b"DTSTART;TZID=Asia/Ho_Chi_Minh:20260119T080000\r\n" in calendar.to_ical()


def test_at_most_one_alarm_per_item_at_nine_the_day_before(plan: Plan, schedule: Schedule) -> None:
    calendar = to_ical(plan, schedule)
    for event in calendar.events:
        if "Ban hành" in event["CATEGORIES"].cats:
            assert event.walk("VALARM") == []  # the issue day is past when the plan arrives
            continue
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert alarms[0]["TRIGGER"].dt == dt.timedelta(hours=-15)
        assert str(alarms[0]["ACTION"]) == "DISPLAY"


def test_alarms_can_be_turned_off(plan: Plan, schedule: Schedule) -> None:
    assert to_ical(plan, schedule, alarms=False).walk("VALARM") == []


def test_text_is_nfc(plan: Plan, schedule: Schedule) -> None:
    decomposed = unicodedata.normalize("NFD", "Đợt 1: Tuyên truyền")
    plan = attrs.evolve(plan, phases=[attrs.evolve(plan.phases[0], heading=decomposed)])
    text = to_ical(plan, schedule).to_ical().decode("utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert "Đợt 1: Tuyên truyền" in text


def test_events_are_transparent(plan: Plan, schedule: Schedule) -> None:
    assert {str(e["TRANSP"]) for e in to_ical(plan, schedule).events} == {"TRANSPARENT"}


def test_due_at_a_congress_close_is_the_closing_day(plan: Plan, schedule: Schedule) -> None:
    assignment = plan.assignments[2]
    task = attrs.evolve(assignment.tasks[0], due=MilestoneEdge("milestone2", Edge.END))
    plan = attrs.evolve(
        plan, assignments=[*plan.assignments[:2], attrs.evolve(assignment, tasks=[task])]
    )
    event = _by_summary(to_ical(plan, schedule), "[Báo và Phát thanh")
    assert _days(event) == (dt.date(2026, 1, 23), dt.date(2026, 1, 24))
