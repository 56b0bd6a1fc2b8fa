"""The PDF front end: the text layer of a PDF, laid out from coordinates, as source lines.

Each page's text layer is read with pypdfium2 (the optional ``pdf`` extra). PDFium
gives every character in drawing order with its box; it already puts back the
spaces a producer left out (a gap between glyphs wider than a space, the
classic loss after a Vietnamese diacritic) and breaks lines where the text
jumps. On top of that this module works from the coordinates:

* **pieces**: a line of PDFium's is cut where two glyphs stand more than
  :data:`COLUMN_GAP_EM` font sizes apart (two cells of a table on one baseline);
* **rows**: pieces are ordered top to bottom by baseline, left to right;
* **two columns**: a run of rows whose pieces each lie in one half of the
  text area, with pieces in both halves (the header table: issuer and
  number left, motto and date right; the recipients beside the signature
  block), is read left column first, then right, the way the text reader and
  the docx reader see these tables;
* **page furniture**: page numbers, and running heads or footers repeated in
  the page margins, are kept out of the body with their place (``Part.PAGE``
  notes of the plan);
* footnote markers stay glued to their word and footnote texts stay at the
  foot of their page, where the text pipeline's footnote stage finds them.

The lines are numbered through the whole document in reading order (furniture
included); :class:`PdfText` says where each page starts, so every location can
name its page and the line on that page.

Hostile files are bounded: at most :data:`MAX_PAGES` pages and
:data:`MAX_CHARS` characters of text; a PDF with no text layer at all is a scan
and an :class:`~kehoach_core.PdfError` says OCR is needed.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs

from .._errors import MissingExtraError, PdfError
from .source import SourceDocument, SourceLine

if TYPE_CHECKING:
    from .._model import Plan

__all__ = [
    "COLUMN_GAP_EM",
    "MAX_CHARS",
    "MAX_PAGES",
    "PdfLine",
    "PdfText",
    "paginate",
    "pdf_text",
    "pdf_to_document",
]

MAX_PAGES = 2000
"""PDFs with more pages are refused: no plan comes near it (the largest known has 40)."""

MAX_CHARS = 5_000_000
"""A text layer longer than this (in characters, all pages) is refused."""

COLUMN_GAP_EM = 3.0
"""Glyphs further apart than this many font sizes on one baseline are in different columns."""

_EXTRA = "reading PDF needs the 'pdf' extra: pip install 'kehoach-core[pdf]'"


@attrs.frozen
class PdfLine:
    """One line of a page in reading order: its text, page, and what it is."""

    text: str
    page: int
    furniture: bool = False
    """A page number, running head or footer: kept out of the body."""
    x0: float = 0.0
    y: float = 0.0
    size: float = 0.0


@attrs.frozen
class PdfText:
    """The text layer of a PDF: its lines in reading order and where each page starts.

    ``pages[k]`` is the 1-based number of the first line of page ``k + 1``
    (a page with no text still has its entry: the line its next page starts at).
    ``empty_pages`` are the pages without any text (images, scans).
    """

    lines: tuple[PdfLine, ...]
    pages: tuple[int, ...]
    page_count: int
    empty_pages: tuple[int, ...] = ()

    def text(self, *, furniture: bool = True) -> str:
        """The lines as text, one per line; furniture blanked when ``furniture`` is false."""
        return "\n".join(
            line.text if furniture or not line.furniture else "" for line in self.lines
        )


@attrs.define
class _Piece:
    text: str
    x0: float
    x1: float
    y: float
    size: float


def _import_pdfium() -> Any:
    try:
        import pypdfium2
        import pypdfium2.raw
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingExtraError(_EXTRA) from exc
    return pypdfium2


def pdf_text(data: bytes, *, source: str = "<pdf>") -> PdfText:
    """Read the text layer of a PDF, laid out from coordinates.

    Raises :class:`~kehoach_core.PdfError` for a damaged, encrypted, oversized or
    image-only PDF, and :class:`~kehoach_core.MissingExtraError` without pypdfium2.
    """
    pdfium = _import_pdfium()
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise PdfError(_open_error(exc), source=source) from None
    try:
        count = len(document)
        if count > MAX_PAGES:
            raise PdfError(f"too many pages ({count}; at most {MAX_PAGES})", source=source)
        if count == 0:
            raise PdfError("the PDF has no pages", source=source)
        pages: list[list[PdfLine]] = []
        total = 0
        for index in range(count):
            try:
                lines = _page_lines(pdfium, document, index)
            except pdfium.PdfiumError as exc:
                raise PdfError(f"page {index + 1} cannot be read: {exc}", source=source) from None
            total += sum(len(line.text) for line in lines)
            if total > MAX_CHARS:
                raise PdfError(f"text layer too large (over {MAX_CHARS} characters)", source=source)
            pages.append(lines)
    finally:
        document.close()
    empty = tuple(number for number, lines in enumerate(pages, 1) if not lines)
    if len(empty) == count:
        noun = "page" if count == 1 else "pages"
        raise PdfError(
            f"the PDF has no text layer ({count} {noun} of images): it is a scan, "
            "and OCR is needed to read it (for example ocrmypdf), then read the result",
            source=source,
        )
    _mark_furniture(pages)
    out: list[PdfLine] = []
    starts: list[int] = []
    for lines in pages:
        starts.append(len(out) + 1)
        out.extend(lines)
    return PdfText(lines=tuple(out), pages=tuple(starts), page_count=count, empty_pages=empty)


def _open_error(exc: Exception) -> str:
    message = str(exc)
    if "password" in message.lower() or "security" in message.lower():
        return "the PDF is encrypted (it needs a password): save an unprotected copy and read that"
    return "not a readable PDF (damaged, truncated, or not a PDF at all)"


def _page_lines(pdfium: Any, document: Any, index: int) -> list[PdfLine]:
    """The lines of one page in reading order (before furniture is marked)."""
    page = document[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            pieces = _pieces(pdfium, textpage)
        finally:
            textpage.close()
    finally:
        page.close()
    return _read_order(pieces, index + 1, float(width), float(height))


def _pieces(pdfium: Any, textpage: Any) -> list[_Piece]:
    """PDFium's lines, cut where glyphs on one baseline stand a column apart."""
    import ctypes

    raw = pdfium.raw
    handle = textpage.raw
    count = int(raw.FPDFText_CountChars(handle))
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP: one per index, the slow way
        text = "".join(chr(raw.FPDFText_GetUnicode(handle, i) or 0xFFFD) for i in range(count))
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    ox, oy = ctypes.c_double(), ctypes.c_double()

    def box(i: int) -> tuple[float, float]:
        raw.FPDFText_GetCharBox(handle, i, left, right, bottom, top)
        return left.value, right.value

    out: list[_Piece] = []
    start = 0
    for end in [*_line_ends(text), count]:
        _cut_line(raw, handle, text, start, end, box, ox, oy, out)
        start = end
    return out


_BREAK_RE = re.compile(r"\r\n|\r|\n")


def _line_ends(text: str) -> list[int]:
    return [m.end() for m in _BREAK_RE.finditer(text)]


def _cut_line(
    raw: Any,
    handle: Any,
    text: str,
    start: int,
    end: int,
    box: Any,
    ox: Any,
    oy: Any,
    out: list[_Piece],
) -> None:
    """Append the pieces of PDFium's line ``text[start:end]`` to ``out``."""
    while start < end and text[start] in " \r\n\t\x00\ufffe":
        start += 1
    while end > start and text[end - 1] in " \r\n\t\x00\ufffe":
        end -= 1
    if start >= end:
        return
    raw.FPDFText_GetCharOrigin(handle, start, ox, oy)
    size = float(raw.FPDFText_GetFontSize(handle, start)) or 12.0
    y = oy.value
    cuts = [start]
    for i in range(start + 1, end - 1):
        if text[i] == " " and text[i - 1] != " " and raw.FPDFText_IsGenerated(handle, i) == 1:
            gap = box(i + 1)[0] - box(i - 1)[1]
            if gap > COLUMN_GAP_EM * size:
                cuts.append(i)
    cuts.append(end)
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = text[a:b].strip()
        if not piece:
            continue
        a += len(text[a:b]) - len(text[a:b].lstrip())
        last = a + len(piece) - 1
        x0 = box(a)[0]
        x1 = box(last)[1]
        out.append(_Piece(piece, x0, max(x1, x0), y, size))


def _read_order(pieces: list[_Piece], page: int, width: float, height: float) -> list[PdfLine]:
    """Rows top to bottom; two-column runs of rows left column first."""
    if not pieces:
        return []
    rows: list[list[_Piece]] = []
    for piece in sorted(pieces, key=lambda p: (-p.y, p.x0)):
        if rows:
            row = rows[-1]
            tolerance = 0.5 * max(row[0].size, piece.size)
            if abs(row[0].y - piece.y) <= tolerance:
                row.append(piece)
                continue
        rows.append([piece])
    for row in rows:
        row.sort(key=lambda p: p.x0)
    left = min(p.x0 for p in pieces)
    right = max(p.x1 for p in pieces)
    middle = (left + right) / 2
    half = (right - left) * 0.62

    def side(piece: _Piece) -> int:
        """-1 left half, 1 right half, 0 across the middle or too wide."""
        if piece.x1 - piece.x0 > half:
            return 0
        if piece.x1 <= middle + 2:
            return -1
        if piece.x0 >= middle - 2:
            return 1
        return 0

    def two_column(row: list[_Piece]) -> bool:
        return all(side(p) != 0 for p in row) and len(row) <= 2 and sum(map(side, row)) == 0

    def one_side(row: list[_Piece]) -> bool:
        return len(row) == 1 and side(row[0]) != 0

    out: list[PdfLine] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        if two_column(row) or one_side(row):
            stop = index
            while stop < len(rows) and (two_column(rows[stop]) or one_side(rows[stop])):
                stop += 1
            block = rows[index:stop]
            if any(two_column(r) for r in block):
                for wanted in (-1, 1):
                    out.extend(_line(p, page) for r in block for p in r if side(p) == wanted)
                index = stop
                continue
            out.extend(_line(p, page) for r in block for p in r)
            index = stop
            continue
        out.extend(_line(p, page) for p in row)
        index += 1
    return out


def _line(piece: _Piece, page: int) -> PdfLine:
    return PdfLine(piece.text, page, x0=piece.x0, y=piece.y, size=piece.size)


_PAGE_NUMBER_RE = re.compile(r"[-–—\s]*(?:[Tt]rang\s+)?(\d{1,3})(?:\s*/\s*\d{1,3})?[-–—\s]*")
_DIGITS_RE = re.compile(r"\d+")


def _mark_furniture(pages: list[list[PdfLine]]) -> None:
    """Mark page numbers and repeated running heads or footers at a page's top or bottom."""
    edges: Counter[str] = Counter()
    for lines in pages:
        for line in {*(lines[:2]), *(lines[-2:])}:
            edges[_DIGITS_RE.sub("#", line.text)] += 1
    for lines in pages:
        if not lines:
            continue
        for position in {0, len(lines) - 1}:
            line = lines[position]
            if _is_furniture(line, edges, len(pages)):
                lines[position] = attrs.evolve(line, furniture=True)


def _is_furniture(line: PdfLine, edges: Counter[str], pages: int) -> bool:
    match = _PAGE_NUMBER_RE.fullmatch(line.text)
    if match and 0 < int(match.group(1)) <= MAX_PAGES:
        return True
    key = _DIGITS_RE.sub("#", line.text)
    return pages >= 3 and edges[key] >= max(3, pages // 2) and len(line.text) < 120


def pdf_to_document(data: bytes, *, source: str = "<pdf>") -> tuple[SourceDocument, PdfText]:
    """The PDF's lines as a :class:`SourceDocument`, with the :class:`PdfText` they came from.

    The body goes through the text pipeline (line joining, footnotes, labels);
    the furniture is blanked there and kept as the document's page furniture.
    """
    from .lines import text_to_document

    layout = pdf_text(data, source=source)
    document = text_to_document(layout.text(furniture=False), source=source)
    furniture = [
        SourceLine(text=line.text, line=number)
        for number, line in enumerate(layout.lines, 1)
        if line.furniture
    ]
    if furniture:
        merged = sorted([*document.page_furniture, *furniture], key=lambda x: x.line)
        document = attrs.evolve(document, page_furniture=merged)
    return document, layout


def paginate(plan: Plan, pages: tuple[int, ...]) -> Plan:
    """The plan with its page map and every location's ``page`` and ``page_line`` set."""
    from .._elements import Location

    plan = attrs.evolve(plan, pages=pages)

    def fix(value: Any) -> Any:
        if isinstance(value, Location):
            where = plan.page_of(value.line)
            if where is None:
                return value
            return attrs.evolve(value, page=where[0], page_line=where[1])
        if isinstance(value, tuple):
            items = [fix(item) for item in value]
            if all(a is b for a, b in zip(items, value, strict=True)):
                return value
            return tuple(items)
        if isinstance(value, dict):
            return {key: fix(item) for key, item in value.items()}
        if attrs.has(type(value)):
            changes = {}
            for field in attrs.fields(type(value)):
                if not field.init:
                    continue
                old = getattr(value, field.name)
                new = fix(old)
                if new is not old:
                    changes[field.alias or field.name] = new
            return attrs.evolve(value, **changes) if changes else value
        return value

    result: Plan = fix(plan)
    return result
