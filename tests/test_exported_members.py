"""The public namespace is curated: pin it so changes are deliberate."""

from __future__ import annotations

import kehoach_core


def _isort_style(name: str) -> tuple[int, str]:
    """Constants, then classes, then functions: the order ruff's RUF022 keeps."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_all_is_sorted_and_importable():
    names = kehoach_core.__all__
    assert list(names) == sorted(names, key=_isort_style)
    assert len(set(names)) == len(names)
    for name in names:
        assert hasattr(kehoach_core, name), name


def test_no_private_module_leaks_into_all():
    assert not [n for n in kehoach_core.__all__ if n.startswith("_")]


def test_error_hierarchy_has_one_root():
    errors = [getattr(kehoach_core, n) for n in kehoach_core.__all__ if n.endswith("Error")]
    assert all(issubclass(e, kehoach_core.KehoachError) for e in errors)
    assert issubclass(kehoach_core.InputError, ValueError)
    assert issubclass(kehoach_core.OutputError, OSError)


def test_import_loads_no_heavy_dependency():
    """cattrs, python-docx, lxml, icalendar and rapidfuzz load on first use, not at import."""
    import subprocess
    import sys

    code = "import sys, kehoach_core; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    heavy = {"cattrs", "docx", "lxml", "icalendar", "rapidfuzz", "hypothesis", "jsonschema"}
    assert not heavy & loaded


PUBLIC: dict[str, list[str]] = {
    "kehoach_core": [
        "SCHEMA",
        "Anchor",
        "Anniversary",
        "Assignment",
        "Citation",
        "ContentItem",
        "DateAnchor",
        "DigitalSignature",
        "DocumentNumber",
        "DocumentNumberError",
        "DocxError",
        "Edge",
        "EncodingError",
        "Footnote",
        "Form",
        "FormKind",
        "Fragment",
        "InputError",
        "IssueDate",
        "KehoachError",
        "Level",
        "LineStart",
        "Location",
        "Milestone",
        "MilestoneEdge",
        "MissingExtraError",
        "Note",
        "NumberStyle",
        "Open",
        "OutputError",
        "Part",
        "PayloadError",
        "PdfError",
        "Phase",
        "Plan",
        "PlanText",
        "Recipient",
        "RecipientPurpose",
        "Role",
        "ScheduleError",
        "SectionHeading",
        "Signature",
        "Term",
        "Window",
        "from_dict",
        "from_json",
        "int_to_roman",
        "number_elements",
        "read",
        "read_pdf",
        "read_text",
        "roman_to_int",
        "source_text",
        "to_dict",
        "to_json",
    ],
    "kehoach_core.validate": [
        "RULES",
        "ConfigError",
        "Finding",
        "Fix",
        "FixEdit",
        "FixResult",
        "Report",
        "Rule",
        "Settings",
        "Severity",
        "fix_plan",
        "load_settings",
        "rules",
        "to_docx",
        "to_json",
        "to_sarif",
        "to_text",
        "validate",
    ],
    "kehoach_core.compare": [
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
    ],
    "kehoach_core.ical": [
        "NAMESPACE",
        "PRODID",
        "TZID",
        "MilestoneDates",
        "Resolution",
        "Schedule",
        "ScheduleWarning",
        "bodies",
        "calendars_by_body",
        "load_schedule",
        "read_ical",
        "resolve",
        "to_ical",
        "with_stated_dates",
        "write_ical",
    ],
    "kehoach_core.docx_io": [
        "Edit",
        "StyledDocument",
        "TrackedEditError",
        "UnrepresentableWarning",
        "choose_format",
        "docx_to_document",
        "new_document",
        "paragraph_texts",
        "to_docx",
        "track_changes",
        "write_docx",
    ],
    "kehoach_core.testing": [
        "anchors",
        "assignments",
        "citations",
        "content_items",
        "document_numbers",
        "forms",
        "milestones",
        "phases",
        "plans",
        "recipients",
        "sentences",
        "signatures",
        "words",
    ],
}
"""The whole public surface, module by module: a change here is a change of the API."""


def test_every_public_module_exports_exactly_its_pinned_names():
    import importlib

    for name, expected in PUBLIC.items():
        assert list(importlib.import_module(name).__all__) == expected, name
