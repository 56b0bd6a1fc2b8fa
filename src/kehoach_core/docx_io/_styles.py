"""The shared styling of every docx we write: page, fonts, paragraph styles, tables.

:func:`new_document` gives a :class:`StyledDocument`: an A4 python-docx
document with the margins, font and sizes of one official format
(:mod:`._formats`), a set of named paragraph styles (*roles*), and page numbers
centred in the header from page 2. The plan writer uses it, and so can
reports (comparison, validation) that should look like the plans they are
about:

>>> doc = new_document("state")
>>> _ = doc.add_heading("I. KẾT QUẢ SO SÁNH", level=1)
>>> _ = doc.add_paragraph("Hai kế hoạch giống nhau ở 12 mục.")
>>> _ = doc.add_table([["Mục", "Kết quả"], ["phase1/1", "khớp"]])
>>> doc.to_bytes()[:2]
b'PK'

Roles (paragraph styles, all Times New Roman): ``body`` (justified, first-line
indent), ``heading1`` / ``heading2`` (bold), ``heading3`` (bold italic),
``center``, ``kind``, ``subject``, ``header`` (the header table's lines),
``recipients_label``, ``recipient``, ``signature``, ``table`` (table cells),
``small`` (the digital-signature stamp), ``page_number`` and ``footnote`` (the
text of a footnote, at the size of the recipient list).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ._formats import FormatName, OfficialFormat, format_for, text_width_pt
from ._write_oxml import (
    add_page_field,
    bottom_border,
    clean_package,
    set_cell_margins,
    set_cell_shading,
    set_document_defaults,
    set_fonts,
    set_paragraph_style,
    set_table_borders,
)

__all__ = [
    "Role",
    "Run",
    "StyledDocument",
    "add_heading",
    "add_paragraph",
    "add_table",
    "new_document",
]

Role = Literal[
    "body",
    "heading1",
    "heading2",
    "heading3",
    "center",
    "kind",
    "subject",
    "header",
    "recipients_label",
    "recipient",
    "signature",
    "table",
    "small",
    "page_number",
    "footnote",
]

Run = tuple[str, bool | None, bool | None]
"""A run of text with its bold and italic flags (``None``: as the style says)."""

_CENTER = WD_ALIGN_PARAGRAPH.CENTER
_JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
_LEFT = WD_ALIGN_PARAGRAPH.LEFT
_MM_PER_PT = 25.4 / 72


_ROLES: tuple[Role, ...] = (
    "body", "heading1", "heading2", "heading3", "center", "kind", "subject", "header",
    "recipients_label", "recipient", "signature", "table", "small", "page_number", "footnote",
)  # fmt: skip


def _style_name(role: str) -> str:
    return "KH " + role.replace("_", " ").title()


class StyledDocument:
    """A python-docx document set up for one official format.

    ``document`` is the python-docx :class:`~docx.document.Document` (for
    anything this class does not cover); ``fmt`` the format's numbers. Every
    new document is opened from a blank package built once per format (page,
    styles, page-number header), which keeps writing fast.
    """

    def __init__(self, fmt: OfficialFormat) -> None:
        self.fmt = fmt
        self.document: Any = docx.Document(io.BytesIO(_blank(fmt)))
        styles = self.document.styles
        self._styles: dict[str, ParagraphStyle] = {
            role: styles[_style_name(role)] for role in _ROLES
        }

    @property
    def text_width_mm(self) -> float:
        """The width between the left and right margins."""
        return self.fmt.page_mm[0] - self.fmt.margins_mm[2] - self.fmt.margins_mm[3]

    # -- content ----------------------------------------------------------------------

    def style_id(self, role: Role) -> str:
        """The style id of ``role`` in this document (``"KHBody"``)."""
        return str(self._styles[role].style_id)

    def add_paragraph(
        self,
        text: str = "",
        role: Role = "body",
        *,
        container: Any = None,
        bold: bool | None = None,
        italic: bool | None = None,
        size_pt: float | None = None,
    ) -> Paragraph:
        """A paragraph of ``role`` at the end of the body (or of ``container``, a table cell)."""
        paragraph: Paragraph = (container or self.document).add_paragraph()
        set_paragraph_style(paragraph, self._styles[role].style_id)
        if text:
            run = paragraph.add_run(text)
            if bold is not None:
                run.bold = bold
            if italic is not None:
                run.italic = italic
            if size_pt is not None:
                run.font.size = Pt(size_pt)
        return paragraph

    def add_runs(
        self, runs: Iterable[Run], role: Role = "body", *, container: Any = None
    ) -> Paragraph:
        """A paragraph made of ``runs`` (text, bold, italic), for mixed emphasis."""
        paragraph = self.add_paragraph("", role, container=container)
        for text, bold, italic in runs:
            if not text:
                continue
            run = paragraph.add_run(text)
            if bold is not None:
                run.bold = bold
            if italic is not None:
                run.italic = italic
        return paragraph

    def add_heading(self, text: str, level: int = 1) -> Paragraph:
        """A bold heading line (level 1 and 2 bold, 3 bold italic), kept with what follows."""
        role: Role = "heading1" if level <= 1 else "heading2" if level == 2 else "heading3"
        return self.add_paragraph(text, role)

    def add_rule(
        self, length_mm: float, *, within_mm: float, container: Any = None, gap_pt: float = 2.0
    ) -> Paragraph:
        """A centred solid rule ``length_mm`` long, in a space ``within_mm`` wide.

        The rule is the bottom border of an empty paragraph 2 pt high, indented
        on both sides, ``gap_pt`` below the line above.
        """
        paragraph = self.add_paragraph("", "center", container=container)
        side = max(0.0, (within_mm - length_mm) / 2)
        pf = paragraph.paragraph_format
        pf.left_indent = Mm(side)
        pf.right_indent = Mm(side)
        pf.space_before = Pt(gap_pt)
        pf.line_spacing = Pt(2)
        bottom_border(paragraph, size_eighths=6)
        return paragraph

    def add_text_rule(
        self, length_mm: float, size_pt: float, *, container: Any = None
    ) -> Paragraph:
        """A centred rule drawn as a line of underscores ``length_mm`` long.

        Unlike :meth:`add_rule` the rule is text, so a reader sees where the
        title ends (as it sees ``-----`` in the Party format). The line is set
        tight (exact spacing) so that it sits just under the line above.
        """
        count = max(3, round(length_mm / (text_width_pt("_", size_pt) * _MM_PER_PT)))
        paragraph = self.add_paragraph("_" * count, "center", container=container, size_pt=size_pt)
        paragraph.paragraph_format.line_spacing = Pt(size_pt * 0.6)
        return paragraph

    def text_width(self, text: str, size_pt: float, *, bold: bool = False) -> float:
        """The estimated printed width of ``text`` in millimetres."""
        return text_width_pt(text, size_pt, bold=bold) * _MM_PER_PT

    def add_table(
        self,
        rows: Sequence[Sequence[str]],
        *,
        widths_mm: Sequence[float] | None = None,
        header: bool = True,
        borders: bool = True,
    ) -> Table:
        """A table of text, ``rows`` of cells; the first row bold when ``header``.

        Widths default to equal columns across the text width.
        """
        columns = max((len(row) for row in rows), default=1)
        table = self.add_grid(len(rows), columns, widths_mm=widths_mm, borders=borders)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                cell = table.cell(r, c)
                paragraph = cell.paragraphs[0]
                set_paragraph_style(paragraph, self.style_id("table"))
                if text:
                    run = paragraph.add_run(text)
                    if header and r == 0:
                        run.bold = True
        return table

    def add_grid(
        self,
        rows: int,
        columns: int,
        *,
        widths_mm: Sequence[float] | None = None,
        borders: bool = False,
    ) -> Table:
        """An empty table with fixed column widths (no borders unless asked)."""
        widths = list(widths_mm or [self.text_width_mm / columns] * columns)
        table: Table = self.document.add_table(rows=rows, cols=columns)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        set_table_borders(table, visible=borders)
        set_cell_margins(table, left_twips=57, right_twips=57)
        for index, width in enumerate(widths):
            table.columns[index].width = Mm(width)
            for cell in table.columns[index].cells:
                cell.width = Mm(width)
        return table

    def shade(self, cell: _Cell, fill: str) -> None:
        """Fill ``cell`` with the colour ``fill`` (hex ``"RRGGBB"``), e.g. a status in a report."""
        set_cell_shading(cell, fill)

    def cell_lines(self, cell: _Cell, lines: Iterable[tuple[str, Role, bool | None]]) -> None:
        """Fill ``cell`` with one paragraph per ``(text, role, bold)``, reusing its first one."""
        first = True
        for text, role, bold in lines:
            if first:
                paragraph = cell.paragraphs[0]
                set_paragraph_style(paragraph, self.style_id(role))
                if text:
                    run = paragraph.add_run(text)
                    if bold is not None:
                        run.bold = bold
                first = False
            else:
                self.add_paragraph(text, role, container=cell, bold=bold)

    def to_bytes(self) -> bytes:
        """The document as docx bytes."""
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def new_document(fmt: FormatName | OfficialFormat = "state") -> StyledDocument:
    """A new, empty document in the official format ``fmt`` (``"party"`` or ``"state"``)."""
    return StyledDocument(fmt if isinstance(fmt, OfficialFormat) else format_for(fmt))


def add_heading(doc: StyledDocument, text: str, level: int = 1) -> Paragraph:
    """A heading in ``doc`` (see :meth:`StyledDocument.add_heading`)."""
    return doc.add_heading(text, level)


def add_paragraph(doc: StyledDocument, text: str, role: Role = "body") -> Paragraph:
    """A paragraph in ``doc`` (see :meth:`StyledDocument.add_paragraph`)."""
    return doc.add_paragraph(text, role)


def add_table(
    doc: StyledDocument,
    rows: Sequence[Sequence[str]],
    *,
    widths_mm: Sequence[float] | None = None,
    header: bool = True,
) -> Table:
    """A bordered table in ``doc`` (see :meth:`StyledDocument.add_table`)."""
    return doc.add_table(rows, widths_mm=widths_mm, header=header)


@functools.cache
def _blank(fmt: OfficialFormat) -> bytes:
    """An empty document in ``fmt``: page, defaults, the roles' styles, page numbers."""
    document = docx.Document()
    _setup_page(document, fmt)
    styles = _setup_styles(document, fmt)
    _setup_page_numbers(document, styles["page_number"])
    clean_package(document)
    body = document.element.body
    for paragraph in list(document.paragraphs):  # the template's one empty paragraph
        body.remove(paragraph._p)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _setup_page(document: Any, fmt: OfficialFormat) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(v) for v in fmt.page_mm)
    top, bottom, left, right = fmt.margins_mm
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def _setup_styles(document: Any, fmt: OfficialFormat) -> dict[str, ParagraphStyle]:
    styles = document.styles
    set_document_defaults(styles.element, font=fmt.font, size_pt=fmt.body_pt, lang="vi-VN")
    normal = styles["Normal"]
    normal.font.name = fmt.font
    normal.font.size = Pt(fmt.body_pt)
    set_fonts(normal.element.get_or_add_rPr(), fmt.font)
    indent = Mm(fmt.first_line_indent_mm)
    spacing = {"after": fmt.space_after_pt, "line": fmt.line_spacing}
    tight = {"after": 0.0, "line": 1.0}
    out: dict[str, ParagraphStyle] = {}

    def add(role: Role, size: float, align: WD_ALIGN_PARAGRAPH, **kwargs: Any) -> None:
        out[role] = _add_style(document, role, size, align, **kwargs)

    add("body", fmt.body_pt, _JUSTIFY, indent=indent, **spacing)
    add("heading1", fmt.body_pt, _JUSTIFY, indent=indent, bold=True, keep=True, **spacing)
    add("heading2", fmt.body_pt, _JUSTIFY, indent=indent, bold=True, keep=True, **spacing)
    add("heading3", fmt.body_pt, _JUSTIFY, indent=indent, bold=True, italic=True, keep=True,
        **spacing)  # fmt: skip
    add("center", fmt.body_pt, _CENTER, **tight)
    add("kind", fmt.kind_pt, _CENTER, bold=True, before=18.0, keep=True, **tight)
    add("subject", fmt.subject_pt, _CENTER, bold=True, keep=True, **tight)
    add("header", fmt.issuer_pt, _CENTER, **tight)
    add("recipients_label", fmt.recipients_label_pt, _LEFT, bold=fmt.recipients_label_bold,
        italic=fmt.recipients_label_italic, underline=fmt.recipients_label_underline,
        **tight)  # fmt: skip
    add("recipient", fmt.recipients_pt, _LEFT, **tight)
    add("signature", fmt.signature_pt, _CENTER, bold=True, **tight)
    add("table", fmt.body_pt - 1, _LEFT, after=3.0, line=1.0)
    add("small", fmt.digital_pt, _LEFT, **tight)
    add("page_number", fmt.page_number_pt, _CENTER, **tight)
    add("footnote", fmt.recipients_pt, _JUSTIFY, **tight)
    return out


def _add_style(
    document: Any,
    role: str,
    size: float,
    align: WD_ALIGN_PARAGRAPH,
    *,
    after: float,
    line: float,
    before: float = 0.0,
    indent: Any = None,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    keep: bool = False,
) -> ParagraphStyle:
    style = document.styles.add_style(_style_name(role), WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    font = style.font
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    font.underline = underline
    pf = style.paragraph_format
    pf.alignment = align
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.line_spacing = line
    pf.first_line_indent = indent
    pf.widow_control = True
    if keep:
        pf.keep_with_next = True
    return style  # type: ignore[no-any-return]


def _setup_page_numbers(document: Any, style: ParagraphStyle) -> None:
    """Page numbers centred in the header, on every page but the first (``titlePg``)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    set_paragraph_style(paragraph, style.style_id)
    add_page_field(paragraph)
