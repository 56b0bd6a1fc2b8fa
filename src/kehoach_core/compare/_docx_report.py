"""Comparison and diff reports as docx, with minimal styling.

The one module that imports python-docx for reports; when the shared docx
styling module arrives, only this module changes.
"""

from __future__ import annotations

import io
import os
from typing import Any

from .._atomic import write_atomic
from ._coverage import Coverage, Status
from ._diff import ChangeKind, Changes
from ._report import _summary, _value

__all__ = ["changes_docx", "coverage_docx", "write_docx_report"]

_FILL = {Status.COVERED: "C6EFCE", Status.PARTIAL: "FFEB9C", Status.MISSING: "FFC7CE"}


def _new_document() -> Any:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    return document


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def coverage_docx(coverage: Coverage) -> bytes:
    """The comparison as a docx: one table per phase (item, status, match, score)."""
    document = _new_document()
    document.add_heading(_summary(coverage), level=1)
    if coverage.cites_superior is not None:
        cite = "có" if coverage.cites_superior else "KHÔNG"
        document.add_paragraph(f"Căn cứ kế hoạch cấp trên: {cite}")
    for section in coverage.sections:
        rows = [r for r in coverage.items if r.section == section.section]
        if not rows:
            continue
        document.add_heading(f"{section.title} — {round(section.figure * 100)}%", level=2)
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, title in zip(
            table.rows[0].cells,
            ("Nội dung cấp trên", "Trạng thái", "Nội dung cấp dưới", "Điểm"),
            strict=True,
        ):
            cell.text = title
        for row in rows:
            cells = table.add_row().cells
            cells[0].text = f"{row.item}: {row.text}"
            cells[1].text = row.status.value
            _shade(cells[1], _FILL[row.status])
            if row.matches and row.status is not Status.MISSING:
                cells[2].text = "\n".join(f"{m.item}: {m.text}" for m in row.matches)
            cells[3].text = f"{row.score:.2f}"
    if coverage.missing_forms:
        document.add_heading("Hình thức còn thiếu", level=2)
        for gap in coverage.missing_forms:
            document.add_paragraph(f"{gap.kind.value}: {gap.text}", style="List Bullet")
    if coverage.unassigned:
        document.add_heading("Nhiệm vụ chưa được triển khai", level=2)
        for task in coverage.unassigned:
            document.add_paragraph(f"{task.task}: {task.text}", style="List Bullet")
    return _save(document)


def changes_docx(changes: Changes) -> bytes:
    """The diff as a docx, deletions struck through in red, insertions underlined in blue."""
    from docx.shared import RGBColor

    document = _new_document()
    document.add_heading(f"Thay đổi: {len(changes)}", level=1)
    red, blue = RGBColor(0xC0, 0x00, 0x00), RGBColor(0x00, 0x33, 0xCC)

    def deleted(par: Any, text: str) -> None:
        run = par.add_run(text + " ")
        run.font.strike = True
        run.font.color.rgb = red

    def inserted(par: Any, text: str) -> None:
        run = par.add_run(text + " ")
        run.font.underline = True
        run.font.color.rgb = blue

    for change in changes:
        par = document.add_paragraph()
        par.add_run(
            f"{change.kind.value} {change.element or change.field} ({change.where}): "
        ).bold = True
        if change.kind is ChangeKind.ADDED:
            inserted(par, _value(change.new))
        elif change.kind is ChangeKind.REMOVED:
            deleted(par, _value(change.old))
        elif change.words:
            for op, text in change.words:
                if op == "=":
                    par.add_run(text + " ")
                elif op == "-":
                    deleted(par, text)
                else:
                    inserted(par, text)
        elif change.kind is ChangeKind.MODIFIED:
            deleted(par, _value(change.old))
            inserted(par, _value(change.new))
        else:
            par.add_run(_value(change.new))
    return _save(document)


def write_docx_report(path: str | os.PathLike[str], report: Coverage | Changes) -> None:
    """Write a comparison or a diff as a docx file (atomically)."""
    data = coverage_docx(report) if isinstance(report, Coverage) else changes_docx(report)
    write_atomic(path, data)
