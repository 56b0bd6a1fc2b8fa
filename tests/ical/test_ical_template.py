"""``kehoach schedule``: the template of the dates a calendar needs, and its round trip."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest
from icalendar import Calendar

from kehoach_core import cli
from kehoach_core.ical import load_schedule


def _run(*argv: str) -> int:
    return cli.main(list(argv))


def test_template_lists_the_milestones_the_phases_need(
    tmp_path: Path, examples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "lich.toml"
    assert _run("schedule", str(examples / "superior-tinh-lang-son.json"), "-o", str(out)) == 0
    text = out.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    entries = {(e["level"], e["ordinal"]): e for e in data["milestones"]}
    # the provincial congress XVIII: blank, with the plan's own words and where to look
    assert entries["province", "XVIII"]["starts"] == ""
    assert "Tìm ngày ở: kế hoạch, thông báo tổ chức Đại hội của Ban Thường vụ Tỉnh ủy" in text
    assert "Cần cho: Đợt 1" in text
    # the national congress XIV: known from the bundled calendar
    assert entries["national", "XIV"]["starts"] == dt.date(2026, 1, 19)
    assert entries["national", "XIV"]["ends"] == dt.date(2026, 1, 23)
    assert "1 date to fill in" in capsys.readouterr().err
    # as it is, it loads: the blank entries are skipped
    assert [e.ordinal for e in load_schedule(out).milestones] == [14]


def test_filled_in_template_dates_every_phase(tmp_path: Path, examples: Path) -> None:
    plan = str(examples / "superior-tinh-lang-son.json")
    template = tmp_path / "lich.toml"
    _run("schedule", plan, "-o", str(template))
    text = template.read_text(encoding="utf-8")
    text = re.sub(r'^starts = ""', 'starts = "24/9/2025"', text, flags=re.M)
    text = re.sub(r'^ends = ""', 'ends = "26/9/2025"', text, flags=re.M)
    template.write_text(text, encoding="utf-8")
    out = tmp_path / "plan.ics"
    assert _run("ics", plan, "--schedule", str(template), "--strict", "-o", str(out)) == 0
    calendar = Calendar.from_ical(out.read_bytes())
    phases = {str(e["SUMMARY"]).split(":")[0] for e in calendar.events}
    assert {"Đợt 1", "Đợt 2", "Đợt 2.1", "Đợt 2.2", "Đợt 3"} <= phases
    # the same days as the example schedule, which dates the congress 24-26/9/2025
    reference = tmp_path / "reference.ics"
    schedule = str(examples / "schedule-2025.toml")
    _run("ics", plan, "--schedule", schedule, "-o", str(reference))
    assert _spans(calendar) == _spans(Calendar.from_ical(reference.read_bytes()))


def _spans(calendar: Calendar) -> dict[str, tuple[dt.date, dt.date]]:
    return {str(e["UID"]): (e.start, e.end) for e in calendar.events}


def test_a_plan_without_milestones_says_so(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("KẾ HOẠCH\nTuyên truyền\nI. MỤC ĐÍCH\n- Nâng cao nhận thức.\n", "utf-8")
    out = tmp_path / "lich.toml"
    assert _run("schedule", str(plan), "-o", str(out)) == 0
    assert load_schedule(out).milestones == ()


def test_template_to_stdout(examples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("schedule", str(examples / "superior-tinh-lang-son.json")) == 0
    assert "[[milestones]]" in capsys.readouterr().out
