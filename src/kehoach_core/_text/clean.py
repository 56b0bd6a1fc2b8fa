"""Physical-line cleaning: the first stage of reading extracted text.

What PDF extraction leaves behind and this stage removes: blank lines (often one
after every line), leading and doubled spaces, tabs, zero-width characters,
control characters, form feeds (page breaks) and page numbers (a line holding
only a small number, or ``- 2 -`` / ``Trang 2``). Every other line is kept with
its 1-based physical line number and the source map of its text: ``runs`` of
(offset in the cleaned text, 1-based column in the input line), so every kept
character maps back to its column.

>>> [(l.text, l.line) for l in clean_lines(" KẾ HOẠCH \\n\\nTuyên  truyền\\n\\n2\\n\\nĐợt 1")]
[('KẾ HOẠCH', 1), ('Tuyên truyền', 3), ('Đợt 1', 7)]
>>> clean_lines("  Tuyên   truyền")[0].runs
((0, 3), (6, 11))
"""

from __future__ import annotations

import bisect
import re
import unicodedata

import attrs

__all__ = ["PhysicalLine", "clean_lines", "clean_mapped", "clean_spaces"]

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
    """One non-blank line after cleaning: text, 1-based line number, source map.

    ``runs`` holds (offset in ``text``, 1-based column in the input line) pairs:
    the character at offset ``o`` comes from column ``column + o - offset`` of
    the last run at or before ``o``. Empty means one run at column 1.
    """

    text: str
    line: int
    runs: tuple[tuple[int, int], ...] = ()


_KEEP_RE = re.compile(
    r"[^ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x00-\x08\x0e-\x1f\x7f\x85"
    r"\u200b-\u200d\u2060\ufeff\u00ad]+"
)


def clean_spaces(text: str) -> str:
    """Collapse every run of spacing and control characters to one space; strip the ends.

    >>> clean_spaces("  nhiệm\\t kỳ\\u00a0 2025\\u200b ")
    'nhiệm kỳ 2025'
    """
    text = _INVISIBLE_RE.sub("", text)
    return _SPACE_RE.sub(" ", text).strip()


def clean_mapped(raw: str, first_column: int = 1) -> tuple[str, tuple[tuple[int, int], ...]]:
    """:func:`clean_spaces` with its source map: the text and its runs (see :class:`PhysicalLine`).

    >>> clean_mapped("a\\u00ad b  c")
    ('a b c', ((0, 1), (2, 4), (4, 7)))
    """
    parts: list[str] = []
    runs: list[tuple[int, int]] = []
    length = 0
    previous_end = -1
    for match in _KEEP_RE.finditer(raw):
        if previous_end >= 0:
            gap = raw[previous_end : match.start()]
            if _SPACE_RE.search(gap):
                parts.append(" ")
                length += 1
        runs.append((length, first_column + match.start()))
        parts.append(match.group())
        length += match.end() - match.start()
        previous_end = match.end()
    return "".join(parts), _merge(runs)


def _merge(runs: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Drop runs that continue the one before (same distance between offset and column)."""
    out: list[tuple[int, int]] = []
    for offset, column in runs:
        if out and column - offset == out[-1][1] - out[-1][0]:
            continue
        out.append((offset, column))
    return tuple(out)


def _nfc_mapped(raw: str) -> tuple[str, list[tuple[int, int]] | None]:
    """NFC of one line, and runs (offset in the result, offset in ``raw``) if NFC changed it."""
    if unicodedata.is_normalized("NFC", raw):
        return raw, None
    parts: list[str] = []
    runs: list[tuple[int, int]] = []
    length = 0
    for match in _CLUSTER_RE.finditer(raw):
        composed = unicodedata.normalize("NFC", match.group())
        runs.append((length, match.start()))
        parts.append(composed)
        length += len(composed)
    return "".join(parts), runs


_CLUSTER_RE = re.compile(r".[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*", re.S)


def _compose(
    clean_runs: tuple[tuple[int, int], ...], nfc_runs: list[tuple[int, int]]
) -> tuple[tuple[int, int], ...]:
    """Runs into the NFC text mapped through the NFC runs to columns of the raw line."""
    out: list[tuple[int, int]] = []
    bounds = [offset for offset, _ in clean_runs]
    for offset, nfc_column in clean_runs:
        out.append((offset, _raw_column(nfc_runs, nfc_column - 1) + 1))
    # every composed cluster inside a clean run starts a run of its own
    for nfc_offset, raw_offset in nfc_runs:
        index = bisect.bisect_right([c - 1 for _, c in clean_runs], nfc_offset) - 1
        if index < 0:
            continue
        run_offset, run_column = clean_runs[index]
        text_offset = run_offset + nfc_offset - (run_column - 1)
        if text_offset not in bounds and text_offset >= 0:
            out.append((text_offset, raw_offset + 1))
    out.sort()
    return _merge(out)


def _raw_column(nfc_runs: list[tuple[int, int]], nfc_offset: int) -> int:
    index = bisect.bisect_right([o for o, _ in nfc_runs], nfc_offset) - 1
    run_offset, raw_offset = nfc_runs[max(index, 0)]
    return raw_offset + nfc_offset - run_offset


def _is_page_number(text: str) -> bool:
    match = _PAGE_NUMBER_RE.fullmatch(text)
    return bool(match) and 0 < int(match.group(1)) <= 500 if match else False


def clean_lines(text: str) -> list[PhysicalLine]:
    """Split ``text`` into cleaned, non-blank physical lines, page numbers dropped.

    Lines are put in NFC here, once; columns count the characters of the input line.
    """
    out: list[PhysicalLine] = []
    for number, raw in enumerate(_LINE_BREAK_RE.split(text), 1):
        line, nfc_runs = _nfc_mapped(raw)
        cleaned, runs = clean_mapped(line)
        if not cleaned or _is_page_number(cleaned):
            continue
        if nfc_runs is not None:
            runs = _compose(runs, nfc_runs)
        out.append(PhysicalLine(cleaned, number, runs))
    return out
