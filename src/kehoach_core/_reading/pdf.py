"""The PDF front end: the text layer of a PDF, laid out from coordinates, as source lines.

Each page's text layer is read with pypdfium2 (the optional ``pdf`` extra). PDFium
gives every character in drawing order with its box; it already puts back the
spaces a producer left out (a gap between glyphs wider than a space, the
classic loss after a Vietnamese diacritic) and breaks lines where the text
jumps. On top of that this module works from the coordinates:

* **pieces**: a line of PDFium's is cut where two glyphs stand more than
  :data:`CELL_GAP_EM` font sizes apart where no space glyph is (two cells of a
  table on one baseline);
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

import functools
import itertools
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs

from .._errors import MissingExtraError, PdfError
from .source import SourceDocument, SourceLine

if TYPE_CHECKING:
    from .._model import Plan
    from .lines import Geometry

__all__ = [
    "CELL_GAP_EM",
    "MAX_CHARS",
    "MAX_PAGES",
    "MAX_STREAM_BYTES",
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

CELL_GAP_EM = 1.0
"""A gap PDFium filled with a space of its own (no space glyph is there) wider than this
many font sizes parts two cells of a table; a narrower one is a space a producer left out."""

MERGE_GAP_EM = 0.3
"""Two of PDFium's lines on one baseline closer than this many font sizes are one line;
further apart they are two cells (a superscript marker, or punctuation after it,
joins its word from further away)."""

_EXTRA = "reading PDF needs the 'pdf' extra: pip install 'kehoach-core[pdf]'"


@attrs.frozen
class PdfLine:
    """One line of a page in reading order: its text, page, and what it is."""

    text: str
    page: int
    furniture: bool = False
    """A page number, running head or footer: kept out of the body."""
    x0: float = 0.0
    x1: float = 0.0
    y: float = 0.0
    size: float = 0.0
    bold: bool = False
    """The line starts in bold type."""
    bold_end: bool = False
    """The line starts and ends in bold type (a heading set in bold, most likely)."""
    table: bool = False
    """Read from a table or a two-column block (not the body's running text)."""
    cell_right: float | None = None
    """In the header table or beside the signature: the right edge of the line's column."""
    footnote: str | None = None
    """The marker of the footnote this line belongs to (the foot of a page), if any."""


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
    bold: bool = False
    bold_end: bool = False


def _import_pdfium(source: str) -> Any:
    try:
        import pypdfium2
        import pypdfium2.raw
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingExtraError(_EXTRA, source=source) from exc
    return pypdfium2


MAX_STREAM_BYTES = 64 * 1024 * 1024
"""A compressed stream that would decode to more than this is refused (a decompression bomb)."""

_STREAM_RE = re.compile(rb"stream\r?\n")
_FLATE_RE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_SKIP_RE = re.compile(rb"/Subtype\s*/Image|/Length[123]\b")


def _check_streams(data: bytes, source: str) -> None:
    """Refuse a PDF with a compressed stream (page content, object stream) that decodes to
    more than :data:`MAX_STREAM_BYTES`, before PDFium decodes it all in memory.

    Images and embedded fonts are left to PDFium: it decodes them lazily, if at all.
    """
    import zlib

    for match in _STREAM_RE.finditer(data):
        head = data[max(0, match.start() - 1024) : match.start()]
        head = head[head.rfind(b"obj") + 3 :] if b"obj" in head else head
        layers = len(_FLATE_RE.findall(head))
        if not layers or _SKIP_RE.search(head):
            continue
        end = data.find(b"endstream", match.end())
        chunk = data[match.end() : end if end != -1 else len(data)]
        for _ in range(min(layers, 4)):
            decoder = zlib.decompressobj()
            try:
                chunk = decoder.decompress(chunk, MAX_STREAM_BYTES + 1)
            except zlib.error:
                break  # damaged: PDFium decides what to make of it
            if len(chunk) > MAX_STREAM_BYTES:
                raise PdfError(
                    f"a compressed stream decodes to more than {MAX_STREAM_BYTES} bytes "
                    "(a decompression bomb?)",
                    source=source,
                )


def pdf_text(data: bytes, *, source: str = "<pdf>") -> PdfText:
    """Read the text layer of a PDF, laid out from coordinates.

    Raises :class:`~kehoach_core.PdfError` for a damaged, encrypted, oversized or
    image-only PDF, and :class:`~kehoach_core.MissingExtraError` without pypdfium2.
    """
    pdfium = _import_pdfium(source)
    _check_streams(data, source)
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
    _mark_footnotes(pages, _body_size(tuple(line for lines in pages for line in lines)))
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

    ends = _line_ends(text)
    text = text.replace("\ufffe", "-")  # PDFium's mark of a hyphen that ended a line
    out: list[_Piece] = []
    start = 0
    for end in [*ends, count]:
        _cut_line(raw, handle, text, start, end, box, ox, oy, out)
        start = end
    return out


_BREAK_RE = re.compile(r"\r\n|\r|\n|\ufffe")
_SPACE_RE = re.compile(r"(?<! ) ")


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
    while start < end and text[start] in " \r\n\t\x00":
        start += 1
    while end > start and text[end - 1] in " \r\n\t\x00":
        end -= 1
    if start >= end:
        return
    raw.FPDFText_GetCharOrigin(handle, start, ox, oy)
    size = float(raw.FPDFText_GetFontSize(handle, start)) or 12.0
    y = oy.value
    cuts = [start]
    # Only a line wider than its characters need be (a serif font's letters take
    # about 0.45 em) by a column gap can hold one: look for it there.
    first_left = box(start)[0]
    last_right = box(end - 1)[1]
    if last_right - first_left > (0.45 * (end - start) + CELL_GAP_EM) * size:
        for match in _SPACE_RE.finditer(text, start + 1, end - 1):
            i = match.start()
            if raw.FPDFText_IsGenerated(handle, i) == 1:
                gap = box(i + 1)[0] - box(i - 1)[1]
                if gap > CELL_GAP_EM * size:
                    cuts.append(i)
    cuts.append(end)
    for a, b in itertools.pairwise(cuts):
        piece = text[a:b].strip()
        if not piece:
            continue
        a += len(text[a:b]) - len(text[a:b].lstrip())
        last = a + len(piece) - 1
        x0 = first_left if a == start else box(a)[0]
        x1 = last_right if last == end - 1 else box(last)[1]
        bold = _is_bold(raw, handle, a)
        bold_end = bold and (last == a or _is_bold(raw, handle, last))
        out.append(_Piece(piece, x0, max(x1, x0), y, size, bold, bold_end))


def _is_bold(raw: Any, handle: Any, index: int) -> bool:
    """Whether character ``index`` is set bold: by the font's weight, flags or name."""
    if raw.FPDFText_GetFontWeight(handle, index) >= 600:
        return True
    flags, buffer = _font_buffers()
    raw.FPDFText_GetFontInfo(handle, index, buffer, 128, flags)
    name = buffer.value.lower()
    return bool(flags._obj.value & 0x40000) or any(w in name for w in (b"bold", b"black", b"heavy"))


@functools.cache
def _font_buffers() -> tuple[Any, Any]:
    import ctypes

    return ctypes.byref(ctypes.c_int()), ctypes.create_string_buffer(128)


def _read_order(pieces: list[_Piece], page: int, width: float, height: float) -> list[PdfLine]:
    """Rows top to bottom; two-column runs of rows left column first."""
    if not pieces:
        return []
    rows: list[list[_Piece]] = []
    for piece in sorted(pieces, key=lambda p: (-p.y, p.x0)):
        if rows:
            row = rows[-1]
            tolerance = 0.5 * max(max(p.size for p in row), piece.size)
            if abs(row[-1].y - piece.y) <= tolerance or abs(row[0].y - piece.y) <= tolerance:
                row.append(piece)
                continue
        rows.append([piece])
    rows = [_merge_row(row) for row in rows]
    out: list[PdfLine] = []
    index = 0
    while index < len(rows):
        block = _two_columns(rows, index)
        if block is None:
            row = rows[index]
            table = len(row) > 1
            out.extend(_line(p, page, table=table) for p in row)
            index += 1
            continue
        stop, split = block
        if not _header_or_tail(rows[index:stop], page, index, split):
            out.extend(_line(p, page, table=True) for r in rows[index:stop] for p in r)
            index = stop
            continue
        for wanted_left in (True, False):
            column = [p for r in rows[index:stop] for p in r if (p.x1 <= split) == wanted_left]
            edge = max(p.x1 for p in column)  # the widest line: about the cell's width
            out.extend(_line(p, page, table=True, cell_right=edge) for p in column)
        index = stop
    return out


_RECIPIENTS_RE = re.compile(r"\s*(?:Nơi\s+nhận|Kính\s+gửi)\b", re.IGNORECASE)


def _header_or_tail(block: list[list[_Piece]], page: int, index: int, split: float) -> bool:
    """Whether a two-column run is the header table or the recipients beside the
    signature (read a column at a time), rather than a table of the body (read by rows)."""
    if page == 1 and index <= 1:
        return True
    return any(_RECIPIENTS_RE.match(p.text) for row in block for p in row if p.x1 <= split)


def _merge_row(row: list[_Piece]) -> list[_Piece]:
    """The row's pieces left to right, neighbours closer than a column gap made one.

    A superscript footnote marker and the punctuation after it, which PDFium
    puts on lines of their own, go back to their word; two cells of a table stay apart.
    """
    row.sort(key=lambda p: p.x0)
    out = [row[0]]
    for piece in row[1:]:
        last = out[-1]
        gap = piece.x0 - last.x1
        size = max(last.size, piece.size)
        marker = min(last.size, piece.size) <= 0.8 * size  # a superscript or subscript
        punctuation = piece.text[0] in ",.;:)]”’!?…"
        if gap > (2.0 if marker else 1.0 if punctuation else MERGE_GAP_EM) * size:
            out.append(piece)
            continue
        sep = " " if gap > 0.2 * min(last.size, piece.size) else ""
        big = last if last.size >= piece.size else piece
        out[-1] = _Piece(
            last.text + sep + piece.text,
            last.x0,
            max(last.x1, piece.x1),
            big.y,
            big.size,
            last.bold,
            piece.bold_end,
        )
    return out


def _two_columns(rows: list[list[_Piece]], index: int) -> tuple[int, float] | None:
    """The end of the two-column run of rows from ``index`` and where its right column starts.

    A run starts at a row of exactly two pieces (left and right cell); it goes on
    over rows whose pieces each keep to one side (left of where the right
    column starts) and line up with that side's pieces: centred on the same
    point, or starting at the same x (a left-aligned list of recipients).
    """
    row = rows[index]
    if len(row) != 2:
        return None
    boundary = row[1].x0  # where the right column starts
    sides: dict[bool, list[_Piece]] = {True: [row[0]], False: [row[1]]}

    def side(piece: _Piece) -> bool | None:
        if piece.x1 <= boundary - 0.3 * piece.size:
            return True
        if piece.x0 >= boundary - 1.0 * piece.size:
            return False
        return None

    def fits(piece: _Piece) -> bool | None:
        left = side(piece)
        if left is None or piece.size < 0.85 * min(p.size for p in sides[left]):
            return None  # smaller type below the cells (a stamp, a note) is not in them
        if left and sides[True][-1].y - piece.y > 2.5 * max(piece.size, sides[True][-1].size):
            return None  # the left column runs on line by line (the right one leaves room to sign)
        centre = (piece.x0 + piece.x1) / 2
        for cell in sides[left]:
            if abs(centre - (cell.x0 + cell.x1) / 2) <= 1.0 * piece.size:
                return left
            if abs(piece.x0 - cell.x0) <= 0.6 * piece.size:
                return left
        return None

    stop = index + 1
    while stop < len(rows):
        current = rows[stop]
        if len(current) == 2 and side(current[0]) is True and side(current[1]) is False:
            sides[True].append(current[0])
            sides[False].append(current[1])
            boundary = min(boundary, current[1].x0)
            stop += 1
            continue
        if len(current) == 1:
            left = fits(current[0])
            if left is not None:
                sides[left].append(current[0])
                if not left:
                    boundary = min(boundary, current[0].x0)
                stop += 1
                continue
        break
    return stop, boundary - 0.1


def _line(
    piece: _Piece, page: int, *, table: bool = False, cell_right: float | None = None
) -> PdfLine:
    return PdfLine(
        piece.text,
        page,
        x0=piece.x0,
        x1=piece.x1,
        y=piece.y,
        size=piece.size,
        bold=piece.bold,
        bold_end=piece.bold_end,
        table=table,
        cell_right=cell_right,
    )


_PAGE_NUMBER_RE = re.compile(r"[-–—\s]*(?:[Tt]rang\s+)?(\d{1,3})(?:\s*/\s*\d{1,3})?[-–—\s]*")
_DIGITS_RE = re.compile(r"\d+")


def _mark_furniture(pages: list[list[PdfLine]]) -> None:
    """Mark page numbers and repeated running heads or footers at a page's top or bottom.

    A page number is a number alone on the first or last line of a page that
    counts the pages: its value minus the page's own number is the same on most
    numbered pages (page 2 printed ``2``, or ``1`` when the first page is not
    counted), so a table's cell that happens to open a page is not taken. A
    running head or footer is a line with words, repeated at the edge of most pages.
    """
    edges: Counter[str] = Counter()
    offsets: Counter[int] = Counter()
    for number, lines in enumerate(pages, 1):
        for line in {*(lines[:2]), *(lines[-2:])}:
            edges[_DIGITS_RE.sub("#", line.text)] += 1
        for line in {*(lines[:1]), *(lines[-1:])}:
            match = _PAGE_NUMBER_RE.fullmatch(line.text)
            if match:
                offsets[int(match.group(1)) - number] += 1
    numbered = {offset for offset, count in offsets.items() if count >= 2 or len(pages) <= 2}
    for number, lines in enumerate(pages, 1):
        if not lines:
            continue
        for position in {0, len(lines) - 1}:
            line = lines[position]
            match = _PAGE_NUMBER_RE.fullmatch(line.text)
            counted = bool(match) and int(match.group(1)) - number in numbered  # type: ignore[union-attr]
            if counted or _is_running(line, edges, len(pages)):
                lines[position] = attrs.evolve(line, furniture=True)


def _is_running(line: PdfLine, edges: Counter[str], pages: int) -> bool:
    """A running head or footer: words, repeated at the edge of most pages."""
    if sum(ch.isalpha() for ch in line.text) < 3 or len(line.text) >= 120:
        return False
    key = _DIGITS_RE.sub("#", line.text)
    return pages >= 3 and edges[key] >= max(3, pages // 2)


_NOTE_START_RE = re.compile(r"(\d{1,3}|[*†‡])\s+(\S.*)")


def _body_size(lines: tuple[PdfLine, ...]) -> float:
    """The font size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for line in lines:
        if not line.furniture:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 12.0


def _mark_footnotes(pages: list[list[PdfLine]], body: float) -> None:
    """Mark the footnotes at the foot of each page: smaller type below the body.

    A footnote opens with its marker (``1 Chỉ thị số 46-CT/TW ...``); smaller
    lines at the top of the next page's foot with no marker go on with the last
    footnote (Word carries a long footnote over).
    """
    carried: str | None = None
    for lines in pages:
        zone: list[int] = []
        for index in range(len(lines) - 1, -1, -1):
            line = lines[index]
            if line.furniture:
                continue
            if line.table or line.size > 0.88 * body:
                break
            zone.append(index)
        zone.reverse()
        marker = carried
        marked: list[tuple[int, str]] = []
        for index in zone:
            opens = _NOTE_START_RE.fullmatch(lines[index].text)
            if opens and (marker is None or index == zone[0] or _next_marker(marker, opens[1])):
                marker = opens[1]
            if marker is None:
                marked = []
                break
            marked.append((index, marker))
        for index, mark in marked:
            lines[index] = attrs.evolve(lines[index], footnote=mark)
        carried = marked[-1][1] if marked else None


def _next_marker(marker: str, candidate: str) -> bool:
    return marker.isdigit() and candidate.isdigit() and int(candidate) == int(marker) + 1


def _footnotes(layout: PdfText) -> tuple[dict[str, str], dict[str, tuple[int, int]]]:
    """The footnote texts by marker, and their first and last lines."""
    texts: dict[str, list[str]] = {}
    where: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(layout.lines, 1):
        marker = line.footnote
        if marker is None:
            continue
        text = line.text
        if marker not in texts:
            opens = _NOTE_START_RE.fullmatch(text)
            text = opens[2] if opens else text
            texts[marker] = []
            where[marker] = (number, number)
        parts = texts[marker]
        if parts and parts[-1].endswith("-") and parts[-1][-2:-1].isalnum():
            parts[-1] += text
        else:
            parts.append(text)
        where[marker] = (where[marker][0], number)
    return {marker: " ".join(parts) for marker, parts in texts.items()}, where


_BULLET_RE = re.compile(r"(?:[-+–•]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|\(\d{1,2}\))\s")
"""A line opening with a label: a bullet, ``1.``, ``2.1.``, ``a)``, ``(1)``."""


def _geometry(layout: PdfText) -> dict[int, Geometry]:
    """Where each running-text line starts and ends against the text column."""
    from .lines import Geometry

    body = [
        (number, line)
        for number, line in enumerate(layout.lines, 1)
        if not (line.furniture or line.table or line.footnote)
    ]
    if len(body) < 3:
        return {}
    left, right = _column([line for _, line in body])
    columns: dict[int, tuple[float, float]] = {}  # a landscape page (an annex) has its own
    for page in {line.page for _, line in body}:
        on_page = [line for _, line in body if line.page == page]
        columns[page] = _column(on_page) if len(on_page) >= 6 else (left, right)
    bullets = [line.x0 > left + 0.8 * line.size for _, line in body if _BULLET_RE.match(line.text)]
    indents_bullets = len(bullets) >= 3 and sum(bullets) >= 0.8 * len(bullets)
    # after a line that stopped short, a new paragraph starts: is it indented?
    openings = [
        line.x0 > left + 0.8 * line.size
        for (_, short), (_, line) in itertools.pairwise(body)
        if short.x1 < right - 4 * short.size
    ]
    trusted = len(openings) >= 5 and sum(openings) >= 0.9 * len(openings)
    out: dict[int, Geometry] = {}
    previous: Geometry | None = None
    before: PdfLine | None = None
    for position, (number, line) in enumerate(body):
        size = line.size or 12.0
        left, right = columns[line.page]
        middle = (left + right) / 2
        centre = (line.x0 + line.x1) / 2
        if line.x0 > left + 2 * size and line.x1 < right - 2 * size and abs(centre - middle) < size:
            # a centred line (a title, an annex heading): it wrapped when the next
            # word would not have fitted in the column, and the next is centred too
            following = body[position + 1][1] if position + 1 < len(body) else None
            wrapped = following is not None and _centred_wrap(line, following, right - left)
            out[number] = Geometry(full=wrapped, indented=False, trusted=trusted, centred=True)
            previous, before = out[number], line
            continue
        following = body[position + 1][1] if position + 1 < len(body) else None
        full = _fills(line, following, right, alike=False)
        indented = line.x0 > left + 0.8 * size
        joins = (
            indents_bullets
            and not indented
            and previous is not None
            and previous.full
            and bool(_BULLET_RE.match(line.text))
        )
        if (
            previous is not None
            and before is not None
            and before.bold_end
            and not line.bold
            and before.x1 < right - 1.5  # not justified to the edge: a paragraph's last line
        ):
            previous = attrs.evolve(previous, full=False)  # a bold heading ends where bold does
            out[body[position - 1][0]] = previous
        out[number] = previous = Geometry(
            full=full, indented=indented, joins=joins, trusted=trusted
        )
        before = line
    lines = layout.lines
    for index, line in enumerate(lines):  # the columns of the header and the signature
        if line.cell_right is None:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is not None and following.cell_right != line.cell_right:
            following = None
        full = _fills(line, following, line.cell_right, alike=True)
        out[index + 1] = Geometry(full=full, indented=False, cell=True)
    return out


def _column(lines: list[PdfLine]) -> tuple[float, float]:
    """The left and right edges of the text column these lines are set in."""
    lefts = sorted(line.x0 for line in lines)
    rights = sorted(line.x1 for line in lines)
    return lefts[len(lefts) // 20], rights[int(len(rights) * 0.9)]  # a stray line or two aside


def _centred_wrap(line: PdfLine, following: PdfLine, width: float) -> bool:
    """Whether centred ``line`` wrapped into ``following``: set alike, and the next
    word would have made it wider than the column."""
    if following.bold != line.bold or following.size != line.size:
        return False
    if abs((following.x0 + following.x1) - (line.x0 + line.x1)) > 2 * line.size:
        return False  # the next line is not centred on the same point
    size = line.size or 12.0
    return line.x1 - line.x0 + _room(following, size) >= width - 0.2 * size


def _fills(line: PdfLine, following: PdfLine | None, right: float, *, alike: bool) -> bool:
    """Whether the first word of ``following`` would not have fitted after ``line``
    before ``right``: ``line`` wrapped into ``following``. With ``alike`` (the lines
    of a header cell, where a new paragraph often changes weight) both must be set
    in the same weight and size."""
    if following is None:
        return False
    if alike and (following.bold != line.bold or following.size != line.size):
        return False
    size = line.size or 12.0
    return line.x1 + _room(following, size) >= right - 0.2 * size


def _room(following: PdfLine, size: float) -> float:
    """About how wide the first word of ``following`` and a space before it are."""
    word = following.text.split(" ", 1)[0]
    return sum(0.7 if ch.isupper() else 0.5 for ch in word) * size + 0.25 * size


def pdf_to_document(data: bytes, *, source: str = "<pdf>") -> tuple[SourceDocument, PdfText]:
    """The PDF's lines as a :class:`SourceDocument`, with the :class:`PdfText` they came from.

    The body goes through the text pipeline (line joining helped by the
    coordinates, labels); the furniture and the footnotes are blanked there and
    kept as the document's page furniture and footnotes.
    """
    from .lines import text_to_document

    layout = pdf_text(data, source=source)
    text = "\n".join("" if line.furniture or line.footnote else line.text for line in layout.lines)
    document = text_to_document(text, source=source, geometry=_geometry(layout))
    furniture = [
        SourceLine(text=line.text, line=number)
        for number, line in enumerate(layout.lines, 1)
        if line.furniture
    ]
    if furniture:
        merged = sorted([*document.page_furniture, *furniture], key=lambda x: x.line)
        document = attrs.evolve(document, page_furniture=merged)
    notes, where = _footnotes(layout)
    if notes:
        document = attrs.evolve(
            document,
            footnotes={**document.footnotes, **notes},
            footnote_lines={**document.footnote_lines, **where},
        )
    return document, layout


def paginate(plan: Plan, pages: tuple[int, ...]) -> Plan:
    """The plan with its page map and every location's ``page`` and ``page_line`` set.

    The locations are the reader's own, made for this plan and shared with no
    one, so they are completed in place (one walk, no copies of the plan).
    """
    from .._elements import Location

    plan = attrs.evolve(plan, pages=pages)
    page_of = plan.page_of
    seen: set[int] = set()

    def visit(value: Any) -> None:
        if isinstance(value, Location):
            if id(value) in seen:
                return
            seen.add(id(value))
            where = page_of(value.line)
            if where is not None:
                object.__setattr__(value, "page", where[0])
                object.__setattr__(value, "page_line", where[1])
        elif isinstance(value, tuple | list):
            for item in value:
                visit(item)
        elif isinstance(value, dict):
            for item in value.values():
                visit(item)
        elif attrs.has(type(value)):
            for name in _field_names(type(value)):
                visit(getattr(value, name))

    visit(plan)
    return plan


_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        scalar = (str, int, float, bool, type(None))
        names = tuple(
            f.name for f in attrs.fields(cls) if f.type not in scalar and f.type not in _SCALARS
        )
        _FIELDS[cls] = names
    return names


_SCALARS = frozenset({"str", "int", "bool", "float", "str | None", "int | None", "bool | None"})
