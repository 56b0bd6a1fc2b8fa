"""Stable identity: same bytes twice, UIDs kept across edits, SEQUENCE bumped only on change."""

from __future__ import annotations

import datetime as dt
import uuid

import attrs

from kehoach_core import DocumentNumber, Plan
from kehoach_core.ical import NAMESPACE, Schedule, read_ical, to_ical, write_ical


def _state(calendar) -> dict[str, tuple[str, int, str]]:
    return {
        str(c["UID"]): (str(c["SUMMARY"]), int(c["SEQUENCE"]), c["DTSTAMP"].dt.isoformat())
        for c in calendar.walk()
        if c.name in ("VEVENT", "VTODO")
    }


def test_exporting_twice_gives_identical_bytes(plan: Plan, schedule: Schedule) -> None:
    assert to_ical(plan, schedule).to_ical() == to_ical(plan, schedule).to_ical()


def test_uids_are_uuid5_of_plan_identity_and_element_id(plan: Plan, schedule: Schedule) -> None:
    calendar = to_ical(plan, schedule)
    identity = (
        "tiểu ban tuyên truyền đại hội đảng bộ tỉnh lạng sơn lần thứ xviii|06-kh/tbtt|"
        "tuyên truyền đại hội đảng bộ các cấp tiến tới đại hội đại biểu toàn quốc lần thứ xiv "
        "của đảng"
    )
    expected = f"{uuid.uuid5(NAMESPACE, identity + '/phase1')}@kehoach"
    assert str(calendar.events[0]["UID"]) == expected


def test_uids_are_unique(plan: Plan, schedule: Schedule) -> None:
    uids = [str(c["UID"]) for c in to_ical(plan, schedule, todos=True).walk() if "UID" in c]
    assert len(uids) == len(set(uids))


def test_uids_do_not_depend_on_spacing_or_case_of_the_identity(
    plan: Plan, schedule: Schedule
) -> None:
    respaced = attrs.evolve(plan, title=f"  {plan.title.upper()} ", issuer=plan.issuer.lower())
    assert _state(to_ical(plan, schedule)).keys() == _state(to_ical(respaced, schedule)).keys()


def test_another_plan_gets_other_uids(plan: Plan, schedule: Schedule) -> None:
    other = attrs.evolve(plan, number=DocumentNumber.parse("07-KH/TBTT"))
    assert not _state(to_ical(plan, schedule)).keys() & _state(to_ical(other, schedule)).keys()


def test_dtstamp_is_the_issue_date_at_midnight_utc(plan: Plan, schedule: Schedule) -> None:
    stamps = {c["DTSTAMP"].dt for c in to_ical(plan, schedule).events}
    assert stamps == {dt.datetime(2025, 5, 16, tzinfo=dt.UTC)}


def test_dtstamp_without_issue_date_is_the_fixed_epoch() -> None:
    from kehoach_core import DateAnchor, Phase, Window

    window = Window(DateAnchor(dt.date(2025, 7, 1)), DateAnchor(dt.date(2025, 7, 2)))
    calendar = to_ical(Plan(title="t", phases=[Phase(ordinal=1, window=window)]))
    assert calendar.events[0]["DTSTAMP"].dt == dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def test_editing_one_phase_changes_only_that_event(plan: Plan, schedule: Schedule) -> None:
    first = to_ical(plan, schedule)
    phase = plan.phases[0]
    edited = attrs.evolve(plan, phases=[attrs.evolve(phase, heading=phase.heading + " (sửa)")])
    edited = attrs.evolve(edited, phases=[edited.phases[0], *plan.phases[1:]])
    second = to_ical(edited, schedule, previous=first)
    before, after = _state(first), _state(second)
    assert before.keys() == after.keys()
    changed = {uid for uid in before if before[uid] != after[uid]}
    assert changed == {str(first.events[0]["UID"])}
    assert after[str(first.events[0]["UID"])][1] == 1


def test_unchanged_reexport_keeps_sequence_and_bytes(plan: Plan, schedule: Schedule) -> None:
    first = to_ical(plan, schedule)
    assert to_ical(plan, schedule, previous=first).to_ical() == first.to_ical()


def test_sequence_survives_a_round_trip_through_a_file(
    tmp_path, plan: Plan, schedule: Schedule
) -> None:
    path = tmp_path / "plan.ics"
    write_ical(to_ical(plan, schedule), path)
    moved = attrs.evolve(plan, issued_on=plan.issued_on + dt.timedelta(days=1))
    # the issue date moves phase 1 and every DTSTAMP, and changes the plan reference in texts
    second = to_ical(moved, schedule, previous=read_ical(path))
    write_ical(second, path)
    third = to_ical(moved, schedule, previous=read_ical(path))
    assert _state(second) == _state(third)
    assert max(seq for _, seq, _ in _state(third).values()) == 1


def test_edited_event_keeps_its_uid_and_bumps_again(plan: Plan, schedule: Schedule) -> None:
    first = to_ical(plan, schedule)
    phase = plan.phases[2]
    one = attrs.evolve(plan, phases=[*plan.phases[:2], attrs.evolve(phase, heading="Đợt 3: A")])
    two = attrs.evolve(plan, phases=[*plan.phases[:2], attrs.evolve(phase, heading="Đợt 3: B")])
    second = to_ical(one, schedule, previous=first)
    third = to_ical(two, schedule, previous=second)
    uid = next(u for u, (s, _, _) in _state(third).items() if s.startswith("Đợt 3"))
    assert _state(third)[uid][1] == 2
