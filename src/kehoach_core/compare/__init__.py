"""Compare plans: a subordinate against its superior, and two versions of one plan.

``compare(superior, subordinate)`` tells, for every content item of the
superior, whether the subordinate covers it; ``diff(old, new)`` lists what
changed between two versions of one plan. Reports as text, Markdown, JSON and
docx come from :func:`render_coverage`, :func:`render_changes` and
:func:`write_docx_report`. See ``docs/compare.md``.
"""

from ._coverage import (
    Addition,
    AssignmentGap,
    Coverage,
    FormGap,
    ItemCoverage,
    Match,
    SectionCoverage,
    Status,
    Thresholds,
    compare,
)
from ._diff import Change, ChangeKind, Changes, apply_changes, diff
from ._docx_report import write_docx_report
from ._phases import PhaseAlignment
from ._report import render_changes, render_coverage

__all__ = [
    "Addition",
    "AssignmentGap",
    "Change",
    "ChangeKind",
    "Changes",
    "Coverage",
    "FormGap",
    "ItemCoverage",
    "Match",
    "PhaseAlignment",
    "SectionCoverage",
    "Status",
    "Thresholds",
    "apply_changes",
    "compare",
    "diff",
    "render_changes",
    "render_coverage",
    "write_docx_report",
]
