"""Public functions raise our errors for bad input, never a bare builtin exception."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kehoach_core as kh
from kehoach_core.docx_io import to_docx


@given(st.text(max_size=30))
def test_term_parse_raises_only_ours(text: str) -> None:
    with contextlib.suppress(kh.InputError):
        kh.Term.parse(text)


@given(st.text(max_size=12))
def test_roman_to_int_raises_only_ours(text: str) -> None:
    try:
        value = kh.roman_to_int(text)
    except kh.InputError:
        return
    assert kh.int_to_roman(value) == text


@given(st.integers(max_value=3999))
def test_int_to_roman_raises_only_ours(value: int) -> None:
    try:
        assert kh.roman_to_int(kh.int_to_roman(value)) == value
    except kh.InputError:
        assert value <= 0


def test_an_integer_too_long_for_python_is_a_payload_error() -> None:
    text = '{"schema": "kehoach/1", "title": "x", "kind": ' + "9" * 4301 + "}"
    with pytest.raises(kh.PayloadError, match="4300 digits"):
        kh.from_json(text, source="plan.json")


def test_json_nested_450_levels_is_a_payload_error() -> None:
    text = json.dumps({"schema": "kehoach/1", "title": "x"})[:-1]
    text += ', "phases": ' + "[" * 450 + "]" * 450 + "}"
    with pytest.raises(kh.PayloadError):
        kh.from_json(text)


def test_an_unknown_docx_format_is_ours() -> None:
    with pytest.raises(kh.InputError, match="unknown format"):
        to_docx(kh.Plan(), format="xyz")  # type: ignore[arg-type]


def test_the_command_line_gives_a_huge_integer_exit_2(tmp_path, capsys) -> None:
    from kehoach_core.cli import main

    plan = tmp_path / "plan.json"
    plan.write_text('{"schema": "kehoach/1", "title": ' + "9" * 4301 + "}", encoding="utf-8")
    assert main(["validate", str(plan)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
