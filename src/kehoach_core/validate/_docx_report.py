"""Validation reports as docx, in the shared official styling of the plan writer.

>>> from kehoach_core import Plan
>>> from kehoach_core.validate import validate
>>> data = to_docx(validate(Plan(title="x", source="plan.txt"), select=["KH202"]))
>>> data[:2]
b'PK'
"""

from __future__ import annotations

from collections.abc import Iterable

from ._engine import Report, Severity

__all__ = ["to_docx"]

_FILL = {Severity.ERROR: "FFC7CE", Severity.WARNING: "FFEB9C", Severity.INFO: "DDEBF7"}
_COLUMNS = (0.12, 0.12, 0.14, 0.62)
"""Shares of the text width: line, code, severity, message (with excerpt and hint)."""


def to_docx(reports: Report | Iterable[Report]) -> bytes:
    """One table per plan: line, code, severity, and the message with its excerpt and hint."""
    from ..docx_io import new_document

    doc = new_document("state")
    widths = [share * doc.text_width_mm for share in _COLUMNS]
    batch = [reports] if isinstance(reports, Report) else list(reports)
    english = bool(batch) and batch[0].lang == "en"
    doc.add_heading("Validation report" if english else "Kết quả kiểm tra kế hoạch", level=1)
    for report in batch:
        errors = len(report.errors)
        title = report.source or "<plan>"
        summary = (
            f"{title}: {len(report)} findings, {errors} errors"
            if english
            else f"{title}: {len(report)} phát hiện, {errors} lỗi"
        )
        doc.add_heading(summary, level=2)
        if not report.findings:
            continue
        header = (
            ("Line", "Code", "Severity", "Message")
            if english
            else (
                "Dòng",
                "Mã",
                "Mức độ",
                "Nội dung",
            )
        )
        rows = [header]
        for finding in report.findings:
            text = finding.message
            if finding.excerpt:
                text += f"\n| {finding.excerpt}"
            if finding.hint:
                text += f"\n→ {finding.hint}"
            line = str(finding.line) if finding.line else (finding.element or "")
            rows.append((line, finding.code, finding.severity.value, text))
        table = doc.add_table(rows, widths_mm=widths)
        for index, finding in enumerate(report.findings, 1):
            doc.shade(table.cell(index, 2), _FILL[finding.severity])
    data: bytes = doc.to_bytes()
    return data
