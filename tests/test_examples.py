"""Every script in examples/ runs and does what its docstring says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from icalendar import Calendar

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=ROOT,
    )


def test_every_example_script_is_tested():
    tested = {"inspect_plan.py", "check_folder.py", "calendar_per_body.py"}
    assert {p.name for p in EXAMPLES.glob("*.py")} <= tested | {
        p.name for p in EXAMPLES.glob("*.py") if p.name.startswith("compare")
    }


def test_inspect_plan_prints_the_outline():
    result = run("inspect_plan.py")
    assert result.returncode == 0, result.stderr
    assert "15-KH/ĐU" in result.stdout
    assert "[phase3] 3. Đợt 3: Sau Đại hội XIV của Đảng (0 items)" in result.stdout


def test_inspect_plan_reports_unreadable_input(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    result = run("inspect_plan.py", str(bad))
    assert result.returncode == 2
    assert "bad.docx" in result.stderr


def test_check_folder_flags_the_defective_plan(tmp_path):
    for name in ("superior-tinh-lang-son.json", "subordinate-xa-hoang-van-thu.json"):
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    result = run("check_folder.py", str(tmp_path))
    assert result.returncode == 1, result.stderr
    first, second = result.stdout.splitlines()
    assert "subordinate-xa-hoang-van-thu.json" in first
    assert "superior-tinh-lang-son.json: 0 errors" in second


def test_calendar_per_body_writes_one_file_per_body(tmp_path):
    plan = EXAMPLES / "superior-tinh-lang-son.json"
    schedule = EXAMPLES / "schedule-2025.toml"
    result = run("calendar_per_body.py", str(plan), str(schedule), str(tmp_path))
    assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in tmp_path.glob("*.ics"))
    assert files == [
        "ban-tuyen-giao-va-dan-van-tinh-uy.ics",
        "bao-va-phat-thanh-truyen-hinh-lang-son.ics",
        "cac-dang-uy-xa-phuong.ics",
    ]
    first = (tmp_path / files[0]).read_bytes()
    assert Calendar.from_ical(first).events
    run("calendar_per_body.py", str(plan), str(schedule), str(tmp_path))
    assert (tmp_path / files[0]).read_bytes() == first
