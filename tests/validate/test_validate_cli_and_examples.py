"""``kehoach validate`` exit codes and formats; the example's ten planted defects."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from kehoach_core import read
from kehoach_core.cli import _validate
from kehoach_core.validate import validate

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SUB = EXAMPLES / "subordinate-xa-hoang-van-thu.json"
SUP = EXAMPLES / "superior-tinh-lang-son.json"


def run(*argv: str) -> int:
    """Run the verb the way ``kehoach validate`` does (the lead registers it in VERBS)."""
    parser = argparse.ArgumentParser()
    _validate.register(parser.add_subparsers())
    args = parser.parse_args(["validate", *argv])
    code: int = args.run(args)
    return code


# (code, element, why) for each planted defect listed in examples/README.md
PLANTED = [
    ("KH503", "purposes/1", "1. the commune congress's term printed 2025 - 2031"),
    ("KH402", "requirements/1", "2. doubled word 'với với'"),
    ("KH302", "basis2", "3. 10-CV/TBTT dated 03/8/2025, after the plan (10/7/2025)"),
    ("KH504", "phase1/3", "4. '79 năm' Quốc khánh 1945 - 2025"),
    ("KH401", "closing/1", "5. template blank 'Đảng ủy xã ………'"),
    ("KH102", "phase3", "6. phase 3 has no content"),
    ("KH103", "assignment2", "7. Ủy ban nhân dân xã has no task"),
    ("KH604", "recipients", "8a. no recipient for report to the superior"),
    ("KH605", "recipients", "8b. no archive line"),
    ("KH608", "assignment2", "8c. Ủy ban nhân dân xã is assigned tasks but receives nothing"),
    ("KH610", "recipients", "8d. the Tỉnh ủy (the superior Đảng bộ tỉnh) is no recipient"),
    ("KH602", "signature", "9a. the signature has no signer"),
    ("KH601", "signature", "9b. TM. (State form) in a Party plan"),
    ("KH307", "phase2", "10. superior phase 2's sub-phases not covered"),
]


def test_every_planted_defect_is_found_and_nothing_else() -> None:
    report = validate(read(SUB), superior=read(SUP))
    found = {(f.code, f.element) for f in report}
    assert found == {(code, element) for code, element, _ in PLANTED}


def test_exit_1_when_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(SUB)) == 1
    out = capsys.readouterr().out
    assert "KH402 error" in out


def test_exit_0_when_no_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(SUP)) == 0
    assert run(str(SUB), "--select", "KH1,KH6", "--ignore", "KH102,KH601,KH602") == 0
    capsys.readouterr()


def test_exit_2_when_an_input_is_unusable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "kehoach/1", "title": 5}', encoding="utf-8")
    assert run(str(bad), str(SUP)) == 2
    captured = capsys.readouterr()
    assert "kehoach: error:" in captured.err


def test_directories_are_walked_and_json_and_sarif_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "plans" / "nested"
    folder.mkdir(parents=True)
    shutil.copy(SUB, folder / "sub.json")
    shutil.copy(SUP, tmp_path / "plans" / "sup.json")
    (tmp_path / "plans" / "notes.md").write_text("not a plan", encoding="utf-8")
    assert run(str(tmp_path / "plans"), "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert len(data["reports"]) == 2
    out = tmp_path / "report.sarif"
    assert run(str(tmp_path / "plans"), "--format", "sarif", "-o", str(out), "--lang", "en") == 1
    sarif = json.loads(out.read_text("utf-8"))
    assert sarif["runs"][0]["results"][0]["message"]["text"]


def test_superior_option_enables_the_superior_rules(capsys: pytest.CaptureFixture[str]) -> None:
    run(str(SUB), "--superior", str(SUP), "--select", "KH307", "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in data["reports"][0]["findings"]] == ["KH307"]
