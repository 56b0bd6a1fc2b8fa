"""Comparison and diff reports as docx, in the shared official styling.

The page, fonts and paragraph styles come from :func:`kehoach_core.docx_io.new_document`,
the same code that writes plans in the State format, so a report printed
beside a plan looks like it belongs to the same office.
"""

from __future__ import annotations

import os
from typing import Any

from .._atomic import write_atomic
from ._coverage import Coverage, Status
from ._diff import ChangeKind, Changes
from ._report import _summary, _value

__all__ = ["changes_docx", "coverage_docx", "write_docx_report"]

_FILL = {Status.COVERED: "C6EFCE", Status.PARTIAL: "FFEB9C", Status.MISSING: "FFC7CE"}
_COLUMNS = (0.40, 0.13, 0.37, 0.10)
"""Shares of the text width: superior item, status, subordinate item, score."""


def _new_document() -> Any:
    from ..docx_io import new_document

    return new_document("state")


def coverage_docx(coverage: Coverage) -> bytes:
    """The comparison as a docx: one table per phase (item, status, match, score)."""
    doc = _new_document()
    doc.add_heading(_summary(coverage), level=1)
    if coverage.cites_superior is not None:
        cite = "có" if coverage.cites_superior else "KHÔNG"
        doc.add_paragraph(f"Căn cứ kế hoạch cấp trên: {cite}")
    widths = [share * doc.text_width_mm for share in _COLUMNS]
    for section in coverage.sections:
        rows = [r for r in coverage.items if r.section == section.section]
        if not rows:
            continue
        doc.add_heading(f"{section.title} — {round(section.figure * 100)}%", level=2)
        cells = [("Nội dung cấp trên", "Trạng thái", "Nội dung cấp dưới", "Điểm")]
        for row in rows:
            matched = ""
            if row.matches and row.status is not Status.MISSING:
                matched = "\n".join(f"{m.item}: {m.text}" for m in row.matches)
            cells.append((f"{row.item}: {row.text}", row.status.value, matched, f"{row.score:.2f}"))
        table = doc.add_table(cells, widths_mm=widths)
        for index, row in enumerate(rows, 1):
            doc.shade(table.cell(index, 1), _FILL[row.status])
    if coverage.missing_forms:
        doc.add_heading("Hình thức còn thiếu", level=2)
        for gap in coverage.missing_forms:
            doc.add_paragraph(f"- {gap.kind.value}: {gap.text}")
    if coverage.unassigned:
        doc.add_heading("Nhiệm vụ chưa được triển khai", level=2)
        for task in coverage.unassigned:
            doc.add_paragraph(f"- {task.task}: {task.text}")
    data: bytes = doc.to_bytes()
    return data


def changes_docx(changes: Changes) -> bytes:
    """The diff as a docx, deletions struck through in red, insertions underlined in blue."""
    from docx.shared import RGBColor

    doc = _new_document()
    doc.add_heading(f"Thay đổi: {len(changes)}", level=1)
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
        par = doc.add_runs(
            [
                (
                    f"{change.kind.value} {change.element or change.field} ({change.where}): ",
                    True,
                    None,
                )
            ]
        )
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
    data: bytes = doc.to_bytes()
    return data


def write_docx_report(path: str | os.PathLike[str], report: Coverage | Changes) -> None:
    """Write a comparison or a diff as a docx file (atomically)."""
    data = coverage_docx(report) if isinstance(report, Coverage) else changes_docx(report)
    write_atomic(path, data)
