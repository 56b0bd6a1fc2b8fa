"""The ``kehoach`` command: output, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach_core.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_read_json_prints_normalised_json(capsys):
    path = EXAMPLES / "superior-tinh-lang-son.json"
    assert main(["read", str(path)]) == 0
    out = capsys.readouterr().out
    assert out == path.read_text(encoding="utf-8")


def test_read_writes_output_file(tmp_path):
    target = tmp_path / "plan.json"
    assert (
        main(["read", str(EXAMPLES / "subordinate-xa-hoang-van-thu.json"), "-o", str(target)]) == 0
    )
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "kehoach/1"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_missing_file_is_one_line_and_exit_2(capsys):
    assert main(["read", "no-such-plan.json"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no-such-plan.json" in err
    assert "Traceback" not in err


def test_bad_payload_names_path_and_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "kehoach/1", "phases": [{"id": 1}]}', encoding="utf-8")
    assert main(["read", str(bad)]) == 2
    assert "$.phases[0].id" in capsys.readouterr().err


def test_unwritable_output_is_exit_2(capsys):
    path = EXAMPLES / "superior-tinh-lang-son.json"
    assert main(["read", str(path), "-o", "/nonexistent-dir/x.json"]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_usage_error_is_exit_2():
    with pytest.raises(SystemExit) as info:
        main(["read"])
    assert info.value.code == 2


def test_python_dash_m_runs_the_same_command():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kehoach_core",
            "read",
            str(EXAMPLES / "superior-tinh-lang-son.json"),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["number"] == "06-KH/TBTT"


def test_output_files_get_the_usual_permissions(tmp_path):
    """Atomic writes go through a temporary file, but the result is not owner-only."""
    import os

    target = tmp_path / "plan.json"
    assert main(["read", str(EXAMPLES / "superior-tinh-lang-son.json"), "-o", str(target)]) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_text_with_no_plan_structure_is_read_with_a_warning(tmp_path, capsys):
    """Nothing is lost, but the user is told the file does not look like a plan."""
    other = tmp_path / "notes.txt"
    other.write_text("Danh sách cán bộ dự họp ngày mai\nNguyễn Văn A\n", encoding="utf-8")
    assert main(["read", str(other)]) == 0
    captured = capsys.readouterr()
    assert "no plan structure found" in captured.err
    assert "Nguyễn Văn A" in captured.out
