"""The command-line reference page is the parser's own, and the conventions it states hold."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from kehoach_core.cli import VERBS, build_parser, main
from kehoach_core.cli._reference import reference_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_the_reference_page_is_current() -> None:
    """Regenerate with: python -m kehoach_core.cli._reference > docs/cli.md"""
    assert DOCS.read_text(encoding="utf-8") == reference_markdown()


def test_every_verb_and_option_is_in_the_reference() -> None:
    page = reference_markdown()
    parser = build_parser()
    for verb in VERBS:
        assert f"## `kehoach {verb}`" in page
    assert "Exit codes:" in page
    assert parser.epilog


@pytest.mark.parametrize("verb", VERBS)
def test_every_help_lists_the_exit_codes(verb: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([verb, "--help"])
    assert done.value.code == 0
    assert "exit codes: 0" in capsys.readouterr().out


def test_a_bad_option_is_reported_with_the_verbs_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["read", "--no-such-option", "plan.txt"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: kehoach read")
    assert "unrecognized arguments: --no-such-option" in err


def test_dash_reads_the_plan_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "KẾ HOẠCH\nTuyên truyền\nI. MỤC ĐÍCH\n- Một của của hai.\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text), encoding="utf-8"))
    assert main(["validate", "-", "--select", "KH402", "--lang", "en"]) == 1
    assert "<stdin>" in capsys.readouterr().out


def test_jobs_are_capped_at_the_cores(tmp_path: Path) -> None:
    for n in range(5):
        (tmp_path / f"p{n}.txt").write_text("KẾ HOẠCH\nTuyên truyền\nI. MỤC ĐÍCH\n- Một.\n")
    assert main(["validate", str(tmp_path), "-j", "64", "--exit-zero", "-q"]) == 0
    assert (os.cpu_count() or 1) <= 64


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_takes_quiet_and_verbose(verb: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([verb, "--help"])
    out = capsys.readouterr().out
    assert "-q, --quiet" in out
    assert "-v, --verbose" in out


def test_quiet_drops_notes_and_keeps_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("Tuyên truyền\n" * 3, encoding="utf-8")  # no structure: a warning
    assert main(["read", str(plan), "-o", str(tmp_path / "a.json")]) == 0
    assert "warning" in capsys.readouterr().err
    assert main(["read", str(plan), "-o", str(tmp_path / "b.json"), "-q"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["read", str(tmp_path / "missing.txt"), "-q"]) == 2
    assert "kehoach: error:" in capsys.readouterr().err


def test_colour_follows_color_and_no_color(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("KẾ HOẠCH\nTuyên truyền\nI. MỤC ĐÍCH\n- Một của của hai.\n", encoding="utf-8")
    main(["validate", str(plan), "--select", "KH402", "--color", "always"])
    assert "\033[" in capsys.readouterr().out
    main(["validate", str(plan), "--select", "KH402", "--color", "never"])
    assert "\033[" not in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    main(["validate", str(plan), "--select", "KH402"])
    assert "\033[" not in capsys.readouterr().out
