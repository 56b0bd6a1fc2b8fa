"""Validation reports as docx, in the shared report style (:mod:`kehoach_core.docx_io._report`).

A centred title naming the plan, a summary of counts by severity, then per
plan a table: where (line, or the part of the plan by name), code, severity
(*Lỗi*, *Cảnh báo*, *Thông tin*) and the message with its excerpt and hint.
Every fixed word is in the report's language; the messages are in the
language the plan was checked in (``validate(..., lang=)``).

>>> from kehoach_core import Plan
>>> from kehoach_core.validate import validate
>>> data = to_docx(validate(Plan(title="x", source="plan.txt"), select=["KH202"]))
>>> data[:2]
b'PK'
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from .._names import Lang, element_name
from ._engine import Finding, Report, Severity

__all__ = ["to_docx"]

_FILL = {Severity.ERROR: "FFC7CE", Severity.WARNING: "FFEB9C", Severity.INFO: "DDEBF7"}
_COLUMNS = (0.13, 0.11, 0.14, 0.62)
"""Shares of the text width: place, code, severity, message (with excerpt and hint)."""
_HINT = {"vi": "Gợi ý", "en": "Hint"}
_FILE = {"vi": "Tệp", "en": "File"}


def _place(finding: Finding, lang: Lang) -> str:
    from ..docx_io._report import label

    if finding.line:
        return f"{label('line', lang)} {finding.line}"
    return element_name(finding.element, lang) if finding.element else ""


def to_docx(reports: Report | Iterable[Report], *, lang: Lang | None = None) -> bytes:
    """The reports as a docx: title, summary, then one table per plan.

    ``lang`` (``"vi"`` or ``"en"``) chooses the report's fixed words; by default
    the language the first plan was checked in.
    """
    from ..docx_io._report import ReportDocument, label

    batch = [reports] if isinstance(reports, Report) else list(reports)
    language: Lang = lang or (batch[0].lang if batch else "vi")
    doc = ReportDocument(language)
    if len(batch) == 1:
        names = [batch[0].plan or _file(batch[0])]
        if batch[0].subject:
            names.append(batch[0].subject)
    else:
        names = [f"{label('plans_checked', language)}: {len(batch)}"]
    doc.title(label("validation_title", language), names)
    findings = [f for r in batch for f in r.findings]
    counts = [
        (label(severity.value, language), str(sum(f.severity is severity for f in findings)))
        for severity in Severity
    ]
    rows = [*counts, (label("findings", language), str(len(findings)))]
    if len(batch) > 1:
        rows.insert(0, (label("plans_checked", language), str(len(batch))))
    doc.summary(rows)
    for number, report in enumerate(batch, 1):
        if len(batch) > 1:
            doc.heading(f"{number}. {report.plan or _file(report)}")
        if report.source:
            doc.paragraph(f"{_FILE[language]}: {_file(report)}", italic=True)
        if not report.findings:
            doc.paragraph(label("no_findings", language))
            continue
        header = tuple(
            label(key, language) for key in ("col_place", "col_code", "col_severity", "col_message")
        )
        cells = [header]
        fills = {}
        for index, finding in enumerate(report.findings, 1):
            text = finding.message
            if finding.excerpt:
                text += f"\n«{finding.excerpt}»"
            if finding.hint:
                text += f"\n{_HINT[language]}: {finding.hint}"
            cells.append(
                (
                    _place(finding, language),
                    finding.code,
                    label(finding.severity.value, language),
                    text,
                )
            )
            fills[(index, 2)] = _FILL[finding.severity]
        doc.table(cells, widths=_COLUMNS, fills=fills)
    return doc.to_bytes()


def _file(report: Report) -> str:
    return os.path.basename(report.source) if report.source else "—"
