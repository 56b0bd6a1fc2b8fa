"""The source map: every character the reader keeps maps back to its line and column."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from kehoach_core import LineStart, Location
from kehoach_core._reading.clean import clean_lines
from kehoach_core._reading.lines import text_to_document

_ALPHABET = st.sampled_from(
    [*list("abc đĐ ơư ệ"), " ", "  ", "\t", "\xa0", "\u200b", "\xad", "\n", "\r\n", "ề"]
)
texts = st.lists(_ALPHABET, max_size=60).map("".join)


def _raw_lines(text: str) -> list[str]:
    import re

    return re.split(r"\r\n|\r|\n", text)


def _column(runs: tuple[tuple[int, int], ...], offset: int) -> int:
    run_offset, column = max((r for r in runs if r[0] <= offset), default=(0, 1))
    return column + offset - run_offset


@given(texts)
def test_every_cleaned_character_maps_back(text: str) -> None:
    raw = _raw_lines(text)
    for line in clean_lines(text):
        for offset, char in enumerate(line.text):
            if char == " ":
                continue  # a run of spaces became one
            column = _column(line.runs or ((0, 1),), offset)
            source = raw[line.line - 1][column - 1 :]
            assert unicodedata.normalize("NFC", source).startswith(char), (line, offset)


@given(texts)
def test_every_logical_line_character_maps_back(text: str) -> None:
    raw = _raw_lines(text)
    try:
        document = text_to_document(text)
    except ValueError:
        return  # no words
    for source_line in document.lines:
        where = source_line.location()
        for offset, char in enumerate(source_line.text):
            if char == " ":
                continue
            line, column = where.position(offset)
            assert column is not None
            source = unicodedata.normalize("NFC", raw[line - 1][column - 1 :])
            assert source.startswith(char), (source_line, offset)


def test_span_of_a_two_line_text() -> None:
    where = Location(3, 4, column=5, starts=[LineStart(0, 3, 5), LineStart(8, 4, 1)])
    part = where.span(6, 11)
    assert (part.line, part.column, part.end_line, part.end_column) == (3, 11, 4, 4)
    assert [(s.offset, s.line, s.column) for s in part.starts] == [(0, 3, 11), (2, 4, 1)]
