"""``kehoach validate`` over folders: every core, same results, progress only on a terminal."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

import kehoach_core
from kehoach_core.cli import main

SAMPLES = Path(kehoach_core.__file__).parent / "samples"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for i in range(6):
        for name in ("superior.txt", "subordinate.txt"):
            shutil.copy(SAMPLES / name, tmp_path / f"{i}-{name}")
    return tmp_path


def test_parallel_run_gives_the_same_report_as_a_serial_one(folder, capsys):
    assert main(["validate", str(folder), "--format", "json", "-j", "1"]) == 1
    serial = capsys.readouterr().out
    assert main(["validate", str(folder), "--format", "json", "-j", "2"]) == 1
    parallel = capsys.readouterr().out
    assert parallel == serial


def test_summary_ends_the_run_and_no_bar_when_piped(folder, capsys):
    main(["validate", str(folder), "-j", "1", "--format", "json"])
    err = capsys.readouterr().err
    assert "\r" not in err
    assert err.splitlines()[-1].startswith("kehoach: checked 12 plans in ")
    assert "6 with errors" in err


def test_quiet_has_no_summary(folder, capsys):
    main(["validate", str(folder), "-j", "1", "-q"])
    assert capsys.readouterr().err == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_is_drawn_on_a_terminal(folder, monkeypatch, capsys):
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    main(["validate", str(folder), "-j", "1", "--format", "json"])
    drawn = terminal.getvalue()
    assert "[" + "#" * 30 + "] 12/12 plans" in drawn


def test_unreadable_file_exits_2_and_the_others_are_reported(folder, capsys):
    (folder / "broken.docx").write_bytes(b"not a zip")
    assert main(["validate", str(folder), "-j", "2", "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert "broken.docx" in captured.err
    assert captured.out.count('"source"') >= 12


def test_docx_report_in_the_shared_styling(folder, tmp_path):
    """Issue 7: validation reports written as docx use the plan writer's styling."""
    import docx

    out = tmp_path / "report.docx"
    assert main(["validate", str(folder), "-j", "1", "-q", "--format", "docx", "-o", str(out)]) == 1
    document = docx.Document(str(out))
    assert "KH Body" in {style.name for style in document.styles}
    assert any("KH402" in cell.text for table in document.tables for cell in table._cells)


def test_docx_report_needs_an_output(folder, capsys):
    assert main(["validate", str(folder), "--format", "docx"]) == 2
    assert "needs -o" in capsys.readouterr().err
