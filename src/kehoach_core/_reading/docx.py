"""Read a docx into a :class:`~kehoach_core._reading.source.SourceDocument`.

One paragraph becomes one :class:`~kehoach_core._reading.source.SourceLine`, in body
order, paragraphs inside tables included. ``line`` is the paragraph's ordinal
in body order (1-based, every paragraph counted, empty ones too); ``text`` is
stripped of leading and trailing white space (as the text reader does), and
paragraphs with no text and no numbering label are counted but not emitted.

Tables: the two-column header table at the top of a plan (issuer and number on
the left; ``ĐẢNG CỘNG SẢN VIỆT NAM`` or ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``
on the right) is emitted column by column with ``in_table="header"``; the
side-by-side recipients and signature table likewise column by column (the
recipients, then the signature) with ``in_table="body"``; any other table row
by row, cell by cell, with ``in_table="body"``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from .._errors import DocxError
from .._vietnamese import remove_marks
from .docx_numbering import ListCounter, NumberingDefs
from .docx_parts import (
    Block,
    NotAWordDocument,
    Paragraph,
    StyleTable,
    Table,
    body_blocks,
    read_footnotes,
    read_numbering,
    read_parts,
)
from .docx_safety import check_package
from .source import SourceDocument, SourceLine

__all__ = ["docx_to_document"]

_MAX_STYLE_DEPTH = 32
_TITLES = ("CONG HOA XA HOI CHU NGHIA VIET NAM", "DANG CONG SAN VIET NAM")
_AUTHORITY = re.compile(r"^(?:T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s")


def docx_to_document(data: bytes, *, source: str = "<bytes>") -> SourceDocument:
    """Read the body of a docx into its lines, labels and footnotes.

    ``source`` names the input in error messages. Raises
    :class:`~kehoach_core.DocxError` for anything that is not a safe, readable
    docx (see :mod:`._safety`) or not a Word document by its content type (a
    macro-enabled ``.docm``, a template); no exception of lxml or zipfile escapes.
    """
    archive = check_package(data, source=source)
    try:
        with archive:
            parts = read_parts(archive)
            blocks = body_blocks(parts.body)
            styles = StyleTable(parts.styles)
            numbering = read_numbering(parts.numbering)
            notes = read_footnotes(parts.footnotes)
    except NotAWordDocument as exc:
        raise DocxError(f"cannot read the docx: {exc}", source=source) from exc
    except Exception as exc:
        message = f"cannot read the docx ({type(exc).__name__}: {exc})"
        raise DocxError(message, source=source) from exc
    builder = _Builder(styles, numbering, notes)
    lines = list(builder.emit(blocks))
    return SourceDocument(lines=lines, footnotes=builder.footnotes, source=source)


@dataclass(slots=True)
class _Line:
    ordinal: int
    text: str
    label: str | None
    bold: bool
    centered: bool
    cased: str | None = None


@dataclass(slots=True)
class _CellLines:
    column: int
    lines: list[_Line]


@dataclass(frozen=True, slots=True)
class _Resolved:
    bold: bool | None
    caps: bool | None
    hidden: bool | None
    align: str | None
    num_id: int | None
    ilvl: int | None


_UNSET = _Resolved(None, None, None, None, None, None)


class _Builder:
    """Turns blocks into lines: resolves styles, counts lists, numbers footnotes."""

    def __init__(
        self, styles: StyleTable, numbering: NumberingDefs, notes: dict[int, list[Paragraph]]
    ) -> None:
        self._styles = styles
        self._cache: dict[tuple[str | None, bool], _Resolved] = {}
        for style_name in numbering.style_links.values():
            linked = self._resolve(style_name).num_id
            if linked is not None:
                numbering.links[style_name] = linked
        self._numbering = numbering
        self._counter = ListCounter(numbering)
        self._notes = notes
        self._markers: dict[int, str] = {}
        self.footnotes: dict[str, str] = {}
        self._ordinal = 0

    # -- styles -----------------------------------------------------------------------

    def _resolve(self, style_id: str | None, *, defaults: bool = True) -> _Resolved:
        """The properties a style gives, following ``basedOn``, then the document defaults."""
        key = (style_id, defaults)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        values: dict[str, object] = {}
        seen: set[str] = set()
        current = style_id
        while current is not None and current not in seen and len(seen) < _MAX_STYLE_DEPTH:
            seen.add(current)
            info = self._styles.get(current)
            if info is None:
                break
            for name in _Resolved.__slots__:
                value = getattr(info, name)
                if value is not None:
                    values.setdefault(name, value)
            current = info.based_on
        if defaults:
            for name in ("bold", "caps", "hidden", "align"):
                value = getattr(self._styles.defaults, name)
                if value is not None:
                    values.setdefault(name, value)
        resolved = _Resolved(**{name: values.get(name) for name in _Resolved.__slots__})  # type: ignore[arg-type]
        self._cache[key] = resolved
        return resolved

    def _char_style(self, style_id: str | None) -> _Resolved:
        """A character style's run properties (the defaults come with the paragraph style)."""
        return _UNSET if style_id is None else self._resolve(style_id, defaults=False)

    # -- paragraphs -------------------------------------------------------------------

    def _line(self, paragraph: Paragraph) -> _Line:
        self._ordinal += 1
        style = self._resolve(paragraph.style or self._styles.default_paragraph)
        text, bold, cased = self._cased_text(paragraph, style, footnotes=True)
        centered = (paragraph.align or style.align) == "center"
        label = self._label(paragraph, style)
        return _Line(self._ordinal, text, label, bold, centered, cased if cased != text else None)

    def _text(self, paragraph: Paragraph, style: _Resolved, *, footnotes: bool) -> tuple[str, bool]:
        text, bold, _ = self._cased_text(paragraph, style, footnotes=footnotes)
        return text, bold

    def _cased_text(
        self, paragraph: Paragraph, style: _Resolved, *, footnotes: bool
    ) -> tuple[str, bool, str]:
        """The text as shown, whether it is all bold, and the text as typed (no ``w:caps``)."""
        parts: list[str] = []
        typed: list[str] = []
        all_bold = True
        any_text = False
        for run in paragraph.runs:
            if run.footnote is not None:
                if footnotes:
                    parts.append(self._marker(run.footnote))
                    typed.append(parts[-1])
                continue
            char = self._char_style(run.style) if run.style is not None else style
            hidden = run.hidden if run.hidden is not None else _or(char.hidden, style.hidden)
            if hidden or not run.text:
                continue
            text = run.text
            typed.append(text)
            if run.caps if run.caps is not None else _or(char.caps, style.caps):
                text = text.upper()
            parts.append(text)
            if not text.isspace():
                any_text = True
                if not (run.bold if run.bold is not None else _or(char.bold, style.bold)):
                    all_bold = False
        text = unicodedata.normalize("NFC", "".join(parts)).strip()
        cased = unicodedata.normalize("NFC", "".join(typed)).strip()
        return text, (all_bold if any_text else bool(style.bold)), cased

    def _label(self, paragraph: Paragraph, style: _Resolved) -> str | None:
        num_id, ilvl = paragraph.num_id, paragraph.ilvl
        if num_id is None:
            num_id = style.num_id
            if ilvl is None:
                ilvl = style.ilvl
            if ilvl is None and num_id is not None and paragraph.style is not None:
                ilvl = self._styled_level(num_id, paragraph.style)
        if not num_id:
            return None
        label = self._counter.label(num_id, ilvl or 0)
        return unicodedata.normalize("NFC", label) if label else None

    def _styled_level(self, num_id: int, style_id: str) -> int | None:
        for ilvl in range(9):
            level = self._counter.level(num_id, ilvl)
            if level is not None and level.style == style_id:
                return ilvl
        return None

    def _marker(self, note_id: int) -> str:
        marker = self._markers.get(note_id)
        if marker is None:
            marker = str(len(self._markers) + 1)
            self._markers[note_id] = marker
            texts = []
            for paragraph in self._notes.get(note_id, []):
                style = self._resolve(paragraph.style or self._styles.default_paragraph)
                texts.append(self._text(paragraph, style, footnotes=False)[0].strip())
            self.footnotes[marker] = " ".join(text for text in texts if text)
        return marker

    # -- blocks -----------------------------------------------------------------------

    def emit(self, blocks: list[Block]) -> Iterator[SourceLine]:
        """The lines of the body's blocks, numbered and labelled in document order."""
        at_top = True
        for block in blocks:
            if isinstance(block, Paragraph):
                line = self._line(block)
                if _visible(line):
                    at_top = False
                    yield _source_line(line, None)
                continue
            cells = self._cells(block)
            header = at_top and _is_header(cells)
            at_top = False
            if header or _is_signature(cells):
                cells = sorted(cells, key=lambda cell: cell.column)
            kind = "header" if header else "body"
            for cell in cells:
                for line in cell.lines:
                    if _visible(line):
                        yield _source_line(line, kind)

    def _cells(self, table: Table) -> list[_CellLines]:
        cells = []
        for row in table.rows:
            for cell in row:
                lines: list[_Line] = []
                for block in cell.blocks:
                    if isinstance(block, Paragraph):
                        lines.append(self._line(block))
                    else:
                        lines.extend(line for inner in self._cells(block) for line in inner.lines)
                cells.append(_CellLines(cell.column, lines))
        return cells


def _or(first: bool | None, second: bool | None) -> bool:
    """``first`` unless unset, then ``second``, unset meaning false."""
    return first if first is not None else bool(second)


def _visible(line: _Line) -> bool:
    return bool(line.label) or bool(line.text.strip())


def _source_line(line: _Line, in_table: str | None) -> SourceLine:
    return SourceLine(
        text=line.text,
        line=line.ordinal,
        label=line.label,
        bold=line.bold,
        centered=line.centered,
        in_table=in_table,
        cased=line.cased,
    )


def _fold(text: str) -> str:
    """Upper case without diacritics, spaces collapsed: ``"Cộng hoà"`` → ``"CONG HOA"``."""
    return " ".join(remove_marks(text).upper().split())


def _is_header(cells: list[_CellLines]) -> bool:
    if len({cell.column for cell in cells}) < 2:
        return False
    right = " ".join(
        line.text for cell in cells if cell.column > 0 for line in cell.lines if line.text
    )
    folded = _fold(right)
    return any(title in folded for title in _TITLES)


def _is_signature(cells: list[_CellLines]) -> bool:
    if len({cell.column for cell in cells}) < 2:
        return False
    for cell in cells:
        for line in cell.lines:
            stripped = line.text.strip()
            if cell.column == 0 and _fold(stripped).startswith("NOI NHAN"):
                return True
            if cell.column > 0 and _AUTHORITY.match(stripped.upper() + " "):
                return True
    return False
