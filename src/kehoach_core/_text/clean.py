"""Physical-line cleaning: the first stage of reading extracted text.

What PDF extraction leaves behind and this stage removes: blank lines (often one
after every line), leading and doubled spaces, tabs, zero-width characters,
control characters, form feeds (page breaks) and page numbers (a line holding
only a small number, or ``- 2 -`` / ``Trang 2``). Every other line is kept with
its 1-based physical line number. In a Markdown document (a plan copied from a
web page) the markup goes first (:mod:`.markdown`); a table row's cells become
lines of their own, all with the row's line number.

>>> [(l.text, l.line) for l in clean_lines(" KẾ HOẠCH \\n\\nTuyên  truyền\\n\\n2\\n\\nĐợt 1")]
[('KẾ HOẠCH', 1), ('Tuyên truyền', 3), ('Đợt 1', 7)]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import attrs

from .markdown import demark_line, looks_like_markdown

__all__ = ["PhysicalLine", "clean_lines", "clean_spaces"]

_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
_SPACE_RE = re.compile(
    r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x00-\x08\x0e-\x1f\x7f\x85]+"
)
_INVISIBLE_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_PAGE_NUMBER_RE = re.compile(
    r"(?:[-–]\s*)?(?:[Tt]rang\s+)?(\d{1,3})(?:\s*[-–])?(?:\s*/\s*\d{1,3})?"
)


@attrs.frozen
class PhysicalLine:
    """One non-blank line after cleaning, with its 1-based line number in the input."""

    text: str
    line: int


def clean_spaces(text: str) -> str:
    """Collapse every run of spacing and control characters to one space; strip the ends.

    >>> clean_spaces("  nhiệm\\t kỳ\\u00a0 2025\\u200b ")
    'nhiệm kỳ 2025'
    """
    text = _INVISIBLE_RE.sub("", text)
    return _SPACE_RE.sub(" ", text).strip()


def _is_page_number(text: str) -> bool:
    match = _PAGE_NUMBER_RE.fullmatch(text)
    return bool(match) and 0 < int(match.group(1)) <= 500 if match else False


def _raw_lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line with its number; in a Markdown document, its pieces without the markup."""
    markdown = looks_like_markdown(text)
    for number, raw in enumerate(_LINE_BREAK_RE.split(text), 1):
        if not markdown:
            yield number, raw
            continue
        for piece, _runs in demark_line(raw):
            yield number, piece


def clean_lines(text: str) -> list[PhysicalLine]:
    """Split ``text`` into cleaned, non-blank physical lines, page numbers dropped."""
    text = unicodedata.normalize("NFC", text)
    out: list[PhysicalLine] = []
    for number, raw in _raw_lines(text):
        cleaned = clean_spaces(raw)
        if not cleaned or _is_page_number(cleaned):
            continue
        out.append(PhysicalLine(cleaned, number))
    return out
