"""Reports as text (``file:line:col: CODE severity message``), JSON and SARIF 2.1.0.

A header field the plan lacks is reported at the top of the file, where it belongs:

>>> from kehoach_core import Plan
>>> from kehoach_core.validate import validate
>>> report = validate(Plan(title="x", source="plan.txt"), select=["KH202"])
>>> print(to_text(report))
plan.txt:1:1: KH202 warning Kế hoạch không có ngày ban hành [issued_on]
    gợi ý: Ghi ngày, tháng, năm ban hành dưới địa danh.
>>> import json
>>> result = json.loads(to_sarif(report))["runs"][0]["results"][0]
>>> result["ruleId"], result["locations"][0]["physicalLocation"]["region"]
('KH202', {'startLine': 1, 'startColumn': 1, 'endLine': 1, 'endColumn': 1})
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath
from typing import Any

from ._engine import Finding, Report, rules
from ._fixes import Fix
from ._registry import HEADER_FIELDS, Severity

__all__ = ["to_json", "to_sarif", "to_text"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
DOCS_BASE = "docs/rules/"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _reports(reports: Report | Iterable[Report]) -> list[Report]:
    return [reports] if isinstance(reports, Report) else list(reports)


def _where(finding: Finding) -> str:
    source = finding.source or "<plan>"
    return f"{source}:{finding.position}" if finding.line else source


def _on_page(finding: Finding, lang: str) -> str:
    """`` (page 4, line 12)`` for a finding in a PDF, where ``line`` counts the whole file."""
    if finding.page is None:
        return ""
    if lang == "en":
        return f" (page {finding.page}, line {finding.page_line})"
    return f" (trang {finding.page}, dòng {finding.page_line})"


_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def to_text(reports: Report | Iterable[Report], *, hints: bool = True, colour: bool = False) -> str:
    """One line per finding, ``file:line: CODE severity message``, then the excerpt.

    ``colour`` adds ANSI colours (the place bold, the severity red, yellow or cyan),
    for a terminal.
    """
    lines: list[str] = []
    for report in _reports(reports):
        hint_label = "hint" if report.lang == "en" else "gợi ý"
        for f in report.findings:
            header = f.element in HEADER_FIELDS
            element = f" [{f.element}]" if f.element and (f.line is None or header) else ""
            on_page = _on_page(f, report.lang)
            mark = " [*]" if f.fix is not None else ""
            where = _paint(_where(f), "1", colour)
            severity = _paint(f.severity.value, _COLOURS.get(f.severity, "0"), colour)
            lines.append(f"{where}: {f.code} {severity}{mark} {f.message}{element}{on_page}")
            if f.excerpt:
                lines.append(f"    | {f.excerpt}")
            if hints and f.hint:
                lines.append(f"    {hint_label}: {f.hint}")
    fixable = _fixable_line(_reports(reports))
    if fixable:
        lines.append(fixable)
    return "\n".join(lines)


def _fixable_line(reports: list[Report]) -> str:
    """``N fixable with `kehoach fix` (M more with --unsafe)``, or empty when none is."""
    fixes = [f.fix for r in reports for f in r.findings if f.fix is not None]
    safe = sum(1 for fix in fixes if fix.safe)
    unsafe = len(fixes) - safe
    if not fixes:
        return ""
    english = bool(reports) and reports[0].lang == "en"
    if english:
        line = f"[*] {safe} fixable with `kehoach fix`"
        more = f" ({unsafe} more with `kehoach fix --unsafe`)"
    else:
        line = f"[*] {safe} lỗi sửa được bằng `kehoach fix`"
        more = f" (thêm {unsafe} lỗi với `kehoach fix --unsafe`)"
    return line + (more if unsafe else "")


def _finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "message": f.message,
        "hint": f.hint,
        "element": f.element,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "text": f.text,
        "excerpt": f.excerpt,
        "source": f.source,
        **({"page": f.page, "page_line": f.page_line} if f.page is not None else {}),
        "fix": _fix_dict(f.fix) if f.fix is not None else None,
    }


def _fix_dict(fix: Fix) -> dict[str, Any]:
    return {
        "applicability": fix.applicability,
        "message": fix.message,
        "edits": [
            {
                "line": e.line,
                "column": e.column,
                "end_line": e.end_line,
                "end_column": e.end_column,
                "replacement": e.text,
                "old": e.old,
            }
            for e in fix.edits
        ],
    }


def to_json(reports: Report | Iterable[Report]) -> str:
    """The findings as JSON: ``{"reports": [{"source", "findings": [...]}]}``."""
    payload = {
        "reports": [
            {
                "source": r.source,
                "errors": len(r.errors),
                "findings": [_finding_dict(f) for f in r.findings],
            }
            for r in _reports(reports)
        ]
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _uri(source: str) -> str:
    path = PurePath(source)
    return Path(source).as_uri() if path.is_absolute() else path.as_posix()


def _region(f: Finding) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": f.line}
    if f.column is not None:
        region["startColumn"] = f.column
    if f.end_line is not None:
        region["endLine"] = max(f.end_line, f.line or 1)
        if f.end_column is not None:
            region["endColumn"] = f.end_column
    if f.excerpt:
        region["snippet"] = {"text": f.excerpt}
    if f.page is not None:  # SARIF has no pages: a property bag says where it is printed
        region["properties"] = {"page": f.page, "pageLine": f.page_line}
    return region


def _sarif_fix(fix: Fix, source: str) -> dict[str, Any]:
    """A SARIF ``fix``: the edits as replacements; ruff's applicability in a property bag."""
    replacements = [
        {
            "deletedRegion": {
                "startLine": e.line,
                "startColumn": e.column,
                "endLine": e.end_line,
                "endColumn": e.end_column,
            },
            **({"insertedContent": {"text": e.text}} if e.text else {}),
        }
        for e in fix.edits
    ]
    return {
        "description": {"text": fix.message},
        "artifactChanges": [
            {"artifactLocation": {"uri": _uri(source)}, "replacements": replacements}
        ],
        "properties": {"applicability": fix.applicability},
    }


def _fingerprints(findings: Iterable[Finding]) -> list[str]:
    """A hash per finding that survives edits elsewhere in the plan.

    It is made of the code and the quoted words (spaces and ellipses folded),
    not of lines or element ids, which shift when text is added above; the
    n-th finding with the same code and words gets n in its hash.
    """
    seen: dict[tuple[str, str], int] = {}
    out: list[str] = []
    for f in findings:
        words = " ".join(f.excerpt.replace("…", " ").split())
        key = (f.code, words or (f.element or ""))
        seen[key] = seen.get(key, 0) + 1
        text = "\0".join((key[0], key[1], str(seen[key])))
        out.append(hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + ":1")
    return out


def _rules_metadata(lang: str, docs_base: str) -> tuple[list[dict[str, Any]], dict[str, int]]:
    out: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for n, r in enumerate(rules()):
        index[r.code] = n
        out.append(
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.name},
                "fullDescription": {"text": r.doc},
                "help": {"text": r.hint_en if lang == "en" else r.hint_vi},
                "helpUri": f"{docs_base}{r.code}.md",
                "defaultConfiguration": {"level": _LEVEL[r.severity]},
            }
        )
    return out, index


def to_sarif(
    reports: Report | Sequence[Report],
    *,
    docs_base: str = DOCS_BASE,
    version: str | None = None,
) -> str:
    """One SARIF 2.1.0 run holding every report's findings, with the rules' metadata."""
    from .. import __version__

    listed = _reports(reports)
    lang = listed[0].lang if listed else "vi"
    metadata, index = _rules_metadata(lang, docs_base)
    results: list[dict[str, Any]] = []
    for report in listed:
        for f, fingerprint in zip(report.findings, _fingerprints(report.findings), strict=True):
            result: dict[str, Any] = {
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "partialFingerprints": {"kehoachFinding/v1": fingerprint},
            }
            location: dict[str, Any] = {}
            if f.source:
                physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(f.source)}}
                if f.line:
                    physical["region"] = _region(f)
                location["physicalLocation"] = physical
            if f.element:
                location["logicalLocations"] = [{"fullyQualifiedName": f.element}]
            if location:
                result["locations"] = [location]
            if f.fix is not None and f.source:
                result["fixes"] = [_sarif_fix(f.fix, f.source)]
            results.append(result)
    sarif = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "kehoach",
                        "version": version or __version__,
                        "rules": metadata,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"
