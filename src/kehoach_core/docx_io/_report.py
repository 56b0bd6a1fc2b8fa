"""The one look of every report we write as docx: validation, comparison and diff.

:class:`ReportDocument` wraps :func:`~kehoach_core.docx_io.new_document` (the
State format's page, fonts and styles) and adds what a report needs: a
centred title naming the plan(s), a summary of counts first, left-aligned
headings and lines (a short justified line is stretched across the page),
and tables whose header row repeats on every page and whose rows are never
split between pages (``w:tblHeader``, ``w:cantSplit``). The fixed words of the
reports (severities, statuses, kinds of change, column heads) are in
:data:`LABELS`, in Vietnamese and English.

>>> doc = ReportDocument("vi")
>>> doc.title("KẾT QUẢ KIỂM TRA", ["Kế hoạch số 12-KH/ĐU của Đảng ủy xã A"])
>>> doc.summary([(label("error", "vi"), "2"), (label("warning", "vi"), "1")])
>>> _ = doc.table([("Mã", "Nội dung"), ("KH101", "Thiếu trích yếu")], widths=(0.2, 0.8))
>>> doc.to_bytes()[:2]
b'PK'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from .._names import Lang
from ._styles import Role, StyledDocument, new_document

__all__ = ["LABELS", "ReportDocument", "label"]

LABELS: dict[str, tuple[str, str]] = {
    # severities
    "error": ("Lỗi", "Error"),
    "warning": ("Cảnh báo", "Warning"),
    "info": ("Thông tin", "Information"),
    # coverage statuses
    "covered": ("Đã có", "Covered"),
    "partial": ("Có một phần", "Partly covered"),
    "missing": ("Chưa có", "Not covered"),
    # kinds of change
    "added": ("Thêm mới", "Added"),
    "removed": ("Bỏ", "Removed"),
    "moved": ("Chuyển vị trí", "Moved"),
    "modified": ("Sửa đổi", "Modified"),
    # titles
    "validation_title": ("KẾT QUẢ KIỂM TRA KẾ HOẠCH", "PLAN CHECK REPORT"),
    "coverage_title": (
        "KẾT QUẢ SO SÁNH KẾ HOẠCH CẤP DƯỚI VỚI CẤP TRÊN",
        "COMPARISON OF A PLAN WITH ITS SUPERIOR",
    ),
    "diff_title": ("NHỮNG THAY ĐỔI GIỮA HAI BẢN KẾ HOẠCH", "CHANGES BETWEEN TWO VERSIONS"),
    "superior": ("Kế hoạch cấp trên", "Superior plan"),
    "subordinate": ("Kế hoạch cấp dưới", "Subordinate plan"),
    "old": ("Bản cũ", "Old version"),
    "new": ("Bản mới", "New version"),
    "summary": ("Tóm tắt", "Summary"),
    "total": ("Tổng số", "Total"),
    "count": ("Số lượng", "Count"),
    "col_item": ("Nội dung", "Item"),
    "plans_checked": ("Số kế hoạch đã kiểm tra", "Plans checked"),
    "findings": ("Số vấn đề phát hiện", "Findings"),
    "no_findings": ("Không phát hiện vấn đề nào.", "Nothing found."),
    "no_changes": ("Hai bản giống nhau.", "The two versions are the same."),
    # columns
    "col_place": ("Vị trí", "Where"),
    "col_code": ("Mã", "Code"),
    "col_severity": ("Mức độ", "Severity"),
    "col_message": ("Nội dung", "Finding"),
    "col_superior_item": ("Nội dung của cấp trên", "Superior's item"),
    "col_status": ("Mức độ triển khai", "Status"),
    "col_subordinate_item": ("Nội dung tương ứng của cấp dưới", "Subordinate's matching item"),
    "col_score": ("Độ tương đồng", "Similarity"),
    "col_change": ("Thay đổi", "Change"),
    "col_old": ("Nội dung cũ", "Old text"),
    "col_new": ("Nội dung mới", "New text"),
    "line": ("Dòng", "Line"),
    "coverage_overall": ("Mức độ triển khai chung", "Overall coverage"),
    "superior_items": ("Số nội dung của cấp trên", "Superior's items"),
    "cites_superior": (
        "Có viện dẫn kế hoạch cấp trên trong phần căn cứ",
        "Cites the superior plan among its bases",
    ),
    "yes": ("Có", "Yes"),
    "no": ("Không", "No"),
    "missing_forms": (
        "Hình thức cấp trên yêu cầu mà cấp dưới chưa có",
        "Forms the superior asks for and the subordinate lacks",
    ),
    "unassigned": (
        "Nhiệm vụ giao cho cấp dưới chưa được triển khai",
        "Tasks for the subordinate not taken up",
    ),
    "additions": ("Nội dung cấp dưới bổ sung thêm", "The subordinate's own additions"),
    "answered_by": ("Đợt tương ứng của cấp dưới", "Answered by the subordinate's"),
    "none": ("không có", "none"),
    "moved_to": ("chuyển đến", "moved to"),
}


def label(key: str, lang: Lang = "vi") -> str:
    """The fixed report word ``key`` in ``lang``."""
    vi, en = LABELS[key]
    return vi if lang == "vi" else en


_LEFT = WD_ALIGN_PARAGRAPH.LEFT


class ReportDocument:
    """A report in the State format's styling, with the report conventions above."""

    def __init__(self, lang: Lang = "vi") -> None:
        self.lang: Lang = lang
        self.doc: StyledDocument = new_document("state")

    @property
    def width_mm(self) -> float:
        """The text width in millimetres."""
        return self.doc.text_width_mm

    def _left(self, paragraph: Any) -> Any:
        pf = paragraph.paragraph_format
        pf.alignment = _LEFT
        pf.first_line_indent = Pt(0)
        return paragraph

    def title(self, text: str, lines: Sequence[str] = ()) -> None:
        """The centred title, then centred lines naming the plan(s)."""
        self.doc.add_paragraph(text, "kind")
        for line in lines:
            paragraph = self.doc.add_paragraph(line, "center")
            paragraph.paragraph_format.space_before = Pt(3)
        spacer = self.doc.add_paragraph("", "center")
        spacer.paragraph_format.space_after = Pt(6)

    def heading(self, text: str, level: int = 1) -> Any:
        """A left-aligned bold heading kept with what follows, set off from what precedes."""
        paragraph = self._left(self.doc.add_heading(text, level))
        paragraph.paragraph_format.space_before = Pt(9)
        return paragraph

    def paragraph(self, text: str, *, bold: bool | None = None, italic: bool | None = None) -> Any:
        """A left-aligned line of text."""
        return self._left(self.doc.add_paragraph(text, "body", bold=bold, italic=italic))

    def runs(self, runs: Sequence[tuple[str, bool | None, bool | None]]) -> Any:
        """A left-aligned line of mixed emphasis."""
        return self._left(self.doc.add_runs(runs, "body"))

    def summary(self, rows: Sequence[tuple[str, str]]) -> None:
        """The counts first: a two-column table of label and value, under *Tóm tắt*."""
        self.heading(label("summary", self.lang))
        self.table(
            [(label("col_item", self.lang), label("count", self.lang)), *rows],
            widths=(0.7, 0.3),
        )

    def table(
        self,
        rows: Sequence[Sequence[str]],
        *,
        widths: Sequence[float],
        fills: Mapping[tuple[int, int], str] | None = None,
    ) -> Any:
        """A bordered table; ``rows[0]`` is the header, repeated on every page; no row
        splits across pages. ``widths`` are shares of the text width; ``fills`` colours
        cells by ``(row, column)``."""
        table = self.doc.add_table(rows, widths_mm=[share * self.width_mm for share in widths])
        for index, row in enumerate(table.rows):
            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))
            if index == 0:
                tr_pr.append(OxmlElement("w:tblHeader"))
        for (r, c), fill in (fills or {}).items():
            self.doc.shade(table.cell(r, c), fill)
        return table

    def add_paragraph(self, text: str, role: Role = "body") -> Any:
        """A paragraph of ``role``, left-aligned unless it is a centred role."""
        paragraph = self.doc.add_paragraph(text, role)
        return paragraph if role in ("center", "kind", "subject") else self._left(paragraph)

    def to_bytes(self) -> bytes:
        """The report as docx bytes."""
        return self.doc.to_bytes()


def has_repeated_header(table: Any) -> bool:
    """True when the first row of a python-docx table repeats as a header (for tests)."""
    tr_pr = table.rows[0]._tr.trPr
    return tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
