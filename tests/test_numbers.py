"""Document numbers, terms and Roman numerals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach_core import (
    DocumentNumber,
    DocumentNumberError,
    NumberStyle,
    Term,
    int_to_roman,
    roman_to_int,
)
from kehoach_core.testing import document_numbers


@pytest.mark.parametrize(
    ("text", "number", "kind", "issuer", "style", "year"),
    [
        ("06-KH/TBTT", "06", "KH", "TBTT", NumberStyle.PARTY, None),
        ("11-HD/BTGDVTU", "11", "HD", "BTGDVTU", NumberStyle.PARTY, None),
        ("144-QĐ/TW", "144", "QĐ", "TW", NumberStyle.PARTY, None),
        ("805/KH-SVHTTDL", "805", "KH", "SVHTTDL", NumberStyle.STATE, None),
        ("98/NQ-CP", "98", "NQ", "CP", NumberStyle.STATE, None),
        ("30/2020/NĐ-CP", "30", "NĐ", "CP", NumberStyle.STATE, 2020),
        ("45/2022/QH15", "45", None, "QH15", NumberStyle.STATE, 2022),
    ],
)
def test_parse_real_numbers(text, number, kind, issuer, style, year):
    parsed = DocumentNumber.parse(text)
    assert (parsed.number, parsed.kind, parsed.issuer, parsed.style, parsed.year) == (
        number,
        kind,
        issuer,
        style,
        year,
    )
    assert str(parsed) == text


def test_parse_tolerates_prefix_and_spaces():
    assert str(DocumentNumber.parse("Số: 329 - KH/TU")) == "329-KH/TU"


@pytest.mark.parametrize("text", ["", "…….-CT/TW", "KH/TU", "số ......", "12", "06-KH"])
def test_malformed_numbers_raise_our_error(text):
    with pytest.raises(DocumentNumberError):
        DocumentNumber.parse(text)


@given(document_numbers())
def test_print_then_parse_is_identity(number):
    assert DocumentNumber.parse(str(number)) == number


def test_term_parse_and_print():
    assert Term.parse("2020 -2025") == Term(2020, 2025)
    assert str(Term(2025, 2030)) == "2025 - 2030"


@given(st.integers(1, 3999))
def test_roman_round_trip(value):
    assert roman_to_int(int_to_roman(value)) == value


def test_roman_rejects_lowercase_and_junk():
    for bad in ("xiv", "IIII", "ABC", ""):
        with pytest.raises(ValueError, match="Roman"):
            roman_to_int(bad)
