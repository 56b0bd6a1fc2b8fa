"""The schedule: reading TOML and JSON, and matching entries to a plan's milestones."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest

from kehoach_core import Level, Milestone, Plan, ScheduleError
from kehoach_core.ical import (
    MilestoneDates,
    Schedule,
    ScheduleWarning,
    load_schedule,
    resolve,
    to_ical,
)

NATIONAL = {"level": "national", "ordinal": "XIV", "starts": "2026-01-19", "ends": "2026-01-23"}


def test_example_schedule_dates_the_national_congress(examples: Path) -> None:
    schedule = load_schedule(examples / "schedule-2025.toml")
    national = next(e for e in schedule.milestones if e.level is Level.NATIONAL)
    assert (national.ordinal, national.first_day, national.last_day) == (
        14,
        dt.date(2026, 1, 19),
        dt.date(2026, 1, 23),
    )


def test_json_and_toml_give_the_same_schedule(tmp_path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"milestones": [NATIONAL]}), encoding="utf-8")
    toml = b'[[milestones]]\nlevel = "national"\nordinal = 14\n'
    toml += b"starts = 2026-01-19\nends = 2026-01-23\n"
    assert load_schedule(path).milestones == load_schedule(toml).milestones


def test_ends_defaults_to_starts() -> None:
    entry = load_schedule({"milestones": [{"ordinal": 1, "starts": "2025-08-05"}]}).milestones[0]
    assert entry.last_day == dt.date(2025, 8, 5)


def test_local_datetimes_are_read_in_vietnam() -> None:
    entry = load_schedule(
        b"[[milestones]]\nordinal = 14\nstarts = 2026-01-19T08:00:00\nends = 2026-01-23T17:00:00\n"
    ).milestones[0]
    assert entry.is_timed
    assert entry.starts == dt.datetime(2026, 1, 19, 8, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.mark.parametrize(
    ("entry", "path"),
    [
        ({"ordinal": 14}, "$.milestones[0]"),
        ({"starts": "19/13/2026"}, "$.milestones[0].starts"),
        ({"starts": "next Monday"}, "$.milestones[0].starts"),
        ({"starts": "2026-01-19", "level": "galaxy"}, "$.milestones[0].level"),
        ({"starts": "2026-01-19", "ordinal": "XIIII"}, "$.milestones[0].ordinal"),
        ({"starts": "2026-01-19", "ends": "2026-01-18"}, "$.milestones[0]"),
        ({"starts": "2026-01-19", "colour": "red"}, "$.milestones[0].colour"),
    ],
)
def test_a_bad_entry_is_a_schedule_error_with_its_path(entry: dict[str, object], path: str) -> None:
    with pytest.raises(ScheduleError) as info:
        load_schedule(json.dumps({"milestones": [entry]}).encode())
    assert info.value.path == path
    assert info.value.source == "<bytes>"


def test_malformed_toml_is_a_schedule_error() -> None:
    with pytest.raises(ScheduleError, match="not valid TOML"):
        load_schedule(b"[[milestones]\n")


def test_missing_file_is_a_schedule_error(tmp_path) -> None:
    with pytest.raises(ScheduleError, match="cannot read"):
        load_schedule(tmp_path / "absent.toml")


def test_body_words_match_without_case_or_diacritics(superior: Plan, schedule: Schedule) -> None:
    plan = superior
    milestone = attrs.evolve(plan.milestones[0], body="đảng bộ TINH LANG SON")
    resolution = resolve(attrs.evolve(plan, milestones=[milestone]), schedule)
    assert resolution.dates["milestone1"].body == "Lạng Sơn"


def test_generic_body_is_resolved_from_the_plans_header(superior: Plan, schedule: Schedule) -> None:
    """A commune plan writes *Đảng bộ tỉnh* without the province; the preamble names it."""
    plan = superior
    milestone = attrs.evolve(plan.milestones[0], body="Đảng bộ tỉnh", aliases=())
    resolution = resolve(attrs.evolve(plan, milestones=[milestone]), schedule)
    assert resolution.dates["milestone1"].body == "Lạng Sơn"


def test_two_entries_for_the_same_body_are_ambiguous() -> None:
    plan = Plan(milestones=[Milestone(id="milestone1", level=Level.NATIONAL, ordinal=14)])
    entry = MilestoneDates(level=Level.NATIONAL, ordinal=14, starts=dt.date(2026, 1, 19))
    resolution = resolve(plan, Schedule([entry, attrs.evolve(entry, starts=dt.date(2026, 1, 20))]))
    assert "ambiguous" in resolution.problems[0]


def test_pinned_entry_wins_over_matching() -> None:
    plan = Plan(milestones=[Milestone(id="milestone1", level=Level.NATIONAL, ordinal=14)])
    schedule = Schedule(
        [
            MilestoneDates(level=Level.NATIONAL, ordinal=14, starts=dt.date(2026, 1, 19)),
            MilestoneDates(milestone="milestone1", starts=dt.date(2026, 1, 20)),
        ]
    )
    assert resolve(plan, schedule).dates["milestone1"].first_day == dt.date(2026, 1, 20)


def test_the_plans_own_dates_are_the_fallback() -> None:
    plan = Plan(milestones=[Milestone(id="milestone1", ordinal=3, starts_on=dt.date(2025, 8, 1))])
    assert resolve(plan, Schedule()).dates["milestone1"].first_day == dt.date(2025, 8, 1)


def test_other_province_is_not_matched(superior: Plan, schedule: Schedule) -> None:
    plan = superior
    milestone = attrs.evolve(plan.milestones[0], body="Đảng bộ tỉnh Hà Giang", aliases=())
    plan = attrs.evolve(plan, milestones=[milestone], preamble=(), issuer=None, superior_body=None)
    assert resolve(plan, schedule).problems


def test_strict_export_names_every_unresolved_milestone(superior: Plan) -> None:
    with pytest.raises(ScheduleError) as info:
        to_ical(superior, Schedule())
    message = str(info.value)
    assert "Đại hội đại biểu Đảng bộ tỉnh lần thứ XVIII" in message
    # the national congress XIV is dated by the bundled calendar
    assert "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng" not in message


def test_dates_as_plans_print_them_and_blanks_left_to_fill_in() -> None:
    schedule = load_schedule(
        b'issued = "03/7/2025"\n'
        b'[[milestones]]\nordinal = "XVIII"\nstarts = "24/9/2025"\nends = ""\n'
        b'[[milestones]]\nordinal = "XIV"\nstarts = ""\nends = ""\n'
    )
    assert schedule.issued == dt.date(2025, 7, 3)
    assert [(e.ordinal, e.first_day, e.last_day) for e in schedule.milestones] == [
        (18, dt.date(2025, 9, 24), dt.date(2025, 9, 24))
    ]


def test_lenient_export_warns_and_keeps_what_it_can(superior: Plan) -> None:
    national = Schedule(
        [MilestoneDates(level=Level.NATIONAL, ordinal=14, starts=dt.date(2026, 1, 19))]
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        calendar = to_ical(superior, national, strict=False)
    messages = [str(w.message) for w in caught if issubclass(w.category, ScheduleWarning)]
    assert any("lần thứ XVIII" in m for m in messages)
    summaries = [str(e["SUMMARY"]) for e in calendar.events]
    assert any(s.startswith("Đợt 3") for s in summaries)  # dated by the national congress alone
    assert not any(s.startswith("Đợt 1") for s in summaries)  # needs the provincial congress
