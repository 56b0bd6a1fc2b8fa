"""Physical-line cleaning: the first stage of reading extracted text.

What PDF extraction leaves behind and this stage removes: blank lines (often one
after every line), leading and doubled spaces, tabs, zero-width characters,
control characters, form feeds (page breaks) and page numbers (a line holding
only a small number, or ``- 2 -`` / ``Trang 2``). Every other line is kept with
its 1-based physical line number and the source map of its text: ``runs`` of
(offset in the cleaned text, 1-based column in the input line), so every kept
character maps back to its column. Words that extraction glued together or
letter-spaced on several lines are repaired (:mod:`.repair`), the map kept. In
a Markdown document (a plan copied from a web page) the markup goes first
(:mod:`.markdown`); a table row's cells become lines of their own, all with the
row's line number, and each line says whether
Markdown opens a block there and whether a bold run goes on into it, for the
joining stage (:mod:`.lines`); a footnote link alone (``[1]``) is kept, not
taken for a page number.

>>> [(l.text, l.line) for l in clean_lines(" KẾ HOẠCH \\n\\nTuyên  truyền\\n\\n2\\n\\nĐợt 1")]
[('KẾ HOẠCH', 1), ('Tuyên truyền', 3), ('Đợt 1', 7)]
>>> clean_lines("  Tuyên   truyền")[0].runs
((0, 3), (6, 11))
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator

import attrs

from .markdown import demark_line, looks_like_markdown, source_offset
from .repair import repair_line

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
    opens: bool | None = None
    """Markdown only (``None`` in other text): whether Markdown opens a block here.

    True for the first line, a line after a blank line or a line of ``***``, a
    table row's cell (or a ``<br>`` piece) and the line after a table row (a lone
    ``|`` between cells spread over lines included); False when the line goes
    on with the paragraph of the line before."""
    in_bold: bool = False
    """Markdown only: the line begins inside a bold run (``**``) opened on the line before."""


_KEEP_RE = re.compile(
    r"[^ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x00-\x08\x0e-\x1f\x7f\x85"
    r"\u200b-\u200d\u2060\ufeff\u00ad]+"
)


_SIMPLE_RE = re.compile(
    r"[^ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x00-\x08\x0e-\x1f\x7f\x85"
    r"\u200b-\u200d\u2060\ufeff\u00ad]+(?: [^ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f"
    r"\u3000\x00-\x08\x0e-\x1f\x7f\x85\u200b-\u200d\u2060\ufeff\u00ad]+)*"
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
    stripped = raw.strip(" ")
    if stripped and _SIMPLE_RE.fullmatch(stripped):  # only single spaces inside: one run
        return stripped, ((0, first_column + len(raw) - len(raw.lstrip(" "))),)
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


def _raw_column(nfc_runs: list[tuple[int, int]], nfc_offset: int) -> int:
    index = bisect.bisect_right([o for o, _ in nfc_runs], nfc_offset) - 1
    run_offset, raw_offset = nfc_runs[max(index, 0)]
    return raw_offset + nfc_offset - run_offset


def _is_page_number(text: str) -> bool:
    match = _PAGE_NUMBER_RE.fullmatch(text)
    return bool(match) and 0 < int(match.group(1)) <= 500 if match else False


_BOLD_RE = re.compile(r"(?<![*\\])\*{2,3}(?!\*)")
_RULE_RE = re.compile(r"[ \t]*(?:\*[ \t]*){3,}")
_NOTE_START_RE = re.compile(r"[ \t*_]*\[\[?\^?\d{1,3}\]")

_Inner = list[tuple[int, int]] | None


@attrs.frozen
class _Block:
    """What a raw line of a Markdown document says of blocks: see :class:`PhysicalLine`."""

    breaks: bool  # a blank line, a ``***`` rule or a table row: the block ends
    table: bool  # a table row: each of its cells is a block
    bold: bool  # the line opens or closes a bold run (an odd number of ``**`` / ``***``)
    note: bool  # the line opens with a footnote link (``[1]``): its number is no page number


def _block(raw: str) -> _Block:
    table = raw.lstrip(" \t").startswith("|")
    breaks = table or not raw.strip() or bool(_RULE_RE.fullmatch(raw))
    bold = len(_BOLD_RE.findall(raw)) % 2 == 1
    return _Block(breaks, table, bold, bool(_NOTE_START_RE.match(raw)))


def _raw_lines(text: str) -> Iterator[tuple[int, str, _Inner, _Block | None]]:
    """Each line with its number, in NFC; in a Markdown document, its pieces without markup.

    The third value maps the yielded text back to the raw line: runs of (offset in
    the text, offset in the raw line), or None when the text is the raw line. The
    fourth is ``None`` outside Markdown; in Markdown, the line's :class:`_Block`,
    and a line without pieces (blank, markup alone) is yielded once with ``""``.
    """
    markdown = looks_like_markdown(text)
    for number, raw in enumerate(_LINE_BREAK_RE.split(text), 1):
        line, nfc_runs = _nfc_mapped(raw)
        if not markdown:
            yield number, line, nfc_runs, None
            continue
        block = _block(line)
        pieces = demark_line(line)
        if not pieces:
            yield number, "", None, block
        for piece, runs in pieces:
            if nfc_runs is None:
                yield number, piece, runs, block
            else:
                yield number, piece, [(o, _raw_column(nfc_runs, s)) for o, s in runs], block


def _through(
    clean_runs: tuple[tuple[int, int], ...], length: int, inner: list[tuple[int, int]]
) -> tuple[tuple[int, int], ...]:
    """Compose the cleaning's runs (to 1-based columns of its input) with ``inner``.

    ``inner`` maps offsets of the cleaning's input to offsets of the raw line.
    Character by character: only lines that NFC or markup changed come here.
    """
    out: list[tuple[int, int]] = []
    bounds = [offset for offset, _ in clean_runs]
    for offset in range(length):
        index = bisect.bisect_right(bounds, offset) - 1
        run_offset, column = clean_runs[max(index, 0)]
        out.append((offset, source_offset(inner, column - 1 + offset - run_offset) + 1))
    return _merge(out)


def clean_lines(
    text: str, *, pages: list[PhysicalLine] | None = None, page_numbers: bool = True
) -> list[PhysicalLine]:
    """Split ``text`` into cleaned, non-blank physical lines, page numbers taken out.

    The page numbers go to ``pages`` when it is given (the reader keeps them as
    page furniture), else they are dropped. ``page_numbers=False`` takes no line
    for a page number (a PDF's furniture is known from the page itself: a number
    alone on a line there is a table cell).

    Lines are put in NFC here, once; columns count the characters of the input line.
    In a Markdown document each line also says where blocks open (``opens``,
    ``in_bold``); that is all that differs from other text.
    """
    out: list[PhysicalLine] = []
    repairs: list[tuple[int, str, list[tuple[int, int]]]] = []
    opens, bold, starts_bold, seen = True, False, False, 0
    for number, line, inner, block in _raw_lines(text):
        cleaned, runs = clean_mapped(line)
        if block is not None and number != seen:  # the first piece of a raw line
            seen = number
            if block.breaks:
                opens, bold = True, False
            starts_bold, bold = bold, bold != block.bold
        elif block is not None:  # a further cell or <br> piece of the same line
            opens, starts_bold = True, False
        if not cleaned:
            continue
        if page_numbers and block is None and _is_page_number(cleaned):  # a web page has none
            if pages is not None:
                pages.append(PhysicalLine(cleaned, number, runs))
            continue
        if inner is not None:
            runs = _through(runs, len(cleaned), inner)
        repaired, fixes = repair_line(cleaned)
        if len(fixes) > 1:
            repairs.append((len(out), repaired, fixes))
        if block is None:
            out.append(PhysicalLine(cleaned, number, runs))
            continue
        out.append(PhysicalLine(cleaned, number, runs, opens, starts_bold and not opens))
        opens = block.table
    if len(repairs) >= REPAIR_MIN_LINES:  # spaces put back or taken out (:mod:`.repair`)
        for index, repaired, fixes in repairs:
            line_ = out[index]
            runs = _repaired_runs(line_.runs, len(repaired), fixes)
            out[index] = attrs.evolve(line_, text=repaired, runs=runs)
    return out


REPAIR_MIN_LINES = 3
"""Glued and letter-spaced words are repaired when at least this many lines show them.

Extraction damage is systematic (a signed PDF's text layer loses the space after
every syllable of some fonts); one glued word in a plan is the drafter's typing
(``lần thứXIV``), which validation reports rather than the reader hiding it."""


def _repaired_runs(
    runs: tuple[tuple[int, int], ...], length: int, fixes: list[tuple[int, int]]
) -> tuple[tuple[int, int], ...]:
    """The columns of a repaired line: each character through the repair, then the cleaning."""
    bounds = [offset for offset, _ in runs] or [0]
    out: list[tuple[int, int]] = []
    for offset in range(length):
        before = source_offset(fixes, offset)
        index = bisect.bisect_right(bounds, before) - 1
        run_offset, column = runs[max(index, 0)] if runs else (0, 1)
        out.append((offset, column + before - run_offset))
    return _merge(out)
