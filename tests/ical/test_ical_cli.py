"""``kehoach ics``: writes the calendar, re-exports as updates, reports what it cannot date."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from kehoach_core import cli


def _run(*argv: str) -> int:
    return cli.main(list(argv))


def test_writes_a_calendar(tmp_path: Path, examples: Path) -> None:
    out = tmp_path / "plan.ics"
    plan = str(examples / "superior-tinh-lang-son.json")
    assert (
        _run("ics", plan, "--schedule", str(examples / "schedule-2025.toml"), "-o", str(out)) == 0
    )
    calendar = Calendar.from_ical(out.read_bytes())
    assert any(str(e["SUMMARY"]).startswith("Đợt 2.1:") for e in calendar.events)


def test_rerun_gives_the_same_bytes(tmp_path: Path, examples: Path) -> None:
    out = tmp_path / "plan.ics"
    args = ["ics", str(examples / "superior-tinh-lang-son.json")]
    args += ["--schedule", str(examples / "schedule-2025.toml"), "-o", str(out)]
    _run(*args)
    first = out.read_bytes()
    _run(*args)
    assert out.read_bytes() == first


def test_strict_without_schedule_is_an_error_naming_the_milestones(
    tmp_path: Path, examples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.ics"
    plan = str(examples / "superior-tinh-lang-son.json")
    assert _run("ics", plan, "--strict", "-o", str(out)) == 2
    err = capsys.readouterr().err
    assert "lần thứ XVIII" in err
    assert "kehoach schedule" in err
    assert not out.exists()


def test_default_exports_what_it_can_with_one_summary(
    tmp_path: Path, examples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.ics"
    assert _run("ics", str(examples / "superior-tinh-lang-son.json"), "-o", str(out)) == 0
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert lines[0] == f"kehoach: {out}: {len(Calendar.from_ical(out.read_bytes()).events)} events"
    assert any(line.startswith("kehoach: not dated: Đợt 1") for line in lines)
    assert "lần thứ XVIII" in err
    assert "kehoach schedule" in err
    assert len(lines) <= 5
    assert "warning" not in err


def test_lenient_is_still_accepted(tmp_path: Path, examples: Path) -> None:
    out = tmp_path / "plan.ics"
    code = _run("ics", str(examples / "superior-tinh-lang-son.json"), "--lenient", "-o", str(out))
    assert code == 0
    assert Calendar.from_ical(out.read_bytes()).events  # the anniversaries are still there


def test_an_empty_calendar_is_exit_1_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("KẾ HOẠCH\nTuyên truyền\nI. MỤC ĐÍCH\n- Nâng cao nhận thức.\n", "utf-8")
    out = tmp_path / "plan.ics"
    assert _run("ics", str(plan), "-o", str(out)) == 1
    assert "nothing written" in capsys.readouterr().err
    assert not out.exists()


def test_todos_without_dated_tasks_says_so(
    tmp_path: Path, examples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.ics"
    plan = str(examples / "superior-tinh-lang-son.json")
    assert _run("ics", plan, "--todos", "-o", str(out)) == 0
    assert "no task in this plan states a date" in capsys.readouterr().err


def test_each_body_writes_one_file_per_body(tmp_path: Path, examples: Path) -> None:
    plan = str(examples / "superior-tinh-lang-son.json")
    schedule = str(examples / "schedule-2025.toml")
    assert _run("ics", plan, "--schedule", schedule, "--each-body", "-o", str(tmp_path)) == 0
    names = sorted(p.name for p in tmp_path.glob("*.ics"))
    assert names == [
        "ban-tuyen-giao-va-dan-van-tinh-uy.ics",
        "bao-va-phat-thanh-truyen-hinh-lang-son.ics",
        "cac-dang-uy-xa-phuong.ics",
    ]


def test_stdout_when_no_output(examples: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    plan = str(examples / "superior-tinh-lang-son.json")
    assert _run("ics", plan, "--schedule", str(examples / "schedule-2025.toml")) == 0
    assert capsysbinary.readouterr().out.startswith(b"BEGIN:VCALENDAR\r\n")


def test_unknown_body_is_a_usage_error(examples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = str(examples / "superior-tinh-lang-son.json")
    code = _run("ics", plan, "--schedule", str(examples / "schedule-2025.toml"), "--body", "xyz")
    assert code == 2
    assert "no body matches" in capsys.readouterr().err


def test_docs_excerpt_is_what_the_command_writes(tmp_path: Path, examples: Path) -> None:
    """docs/calendar.md shows a generated calendar; it must stay true."""
    docs = (examples.parent / "docs" / "calendar.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in docs.split("```text\n")[1:]]
    excerpt = next(b for b in blocks if "BEGIN:VEVENT" in b)
    out = tmp_path / "plan.ics"
    plan = str(examples / "superior-tinh-lang-son.json")
    _run("ics", plan, "--schedule", str(examples / "schedule-2025.toml"), "-o", str(out))
    written = out.read_bytes()
    events = excerpt.split("END:VEVENT\n")[:-1]
    assert len(events) == 2
    for event in events:
        assert (event + "END:VEVENT\n").replace("\n", "\r\n").encode("utf-8") in written
