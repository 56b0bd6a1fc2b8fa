"""Compare plans: a subordinate against its superior, and two versions of one plan.

``compare(superior, subordinate)`` tells, for every content item of the
superior, whether the subordinate covers it; ``diff(old, new)`` lists what
changed between two versions of one plan. Reports as text, Markdown, JSON and
docx come from :func:`render_coverage`, :func:`render_changes`,
:func:`write_docx_report` (:func:`coverage_docx`, :func:`changes_docx`); a diff
as Word's own tracked changes in the new version from :func:`tracked_diff_docx`.
See ``docs/compare.md``.
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
from ._docx_report import changes_docx, coverage_docx, write_docx_report
from ._phases import PhaseAlignment
from ._report import render_changes, render_coverage
from ._tracked_diff import tracked_diff_docx

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
    "changes_docx",
    "compare",
    "coverage_docx",
    "diff",
    "render_changes",
    "render_coverage",
    "tracked_diff_docx",
    "write_docx_report",
]
