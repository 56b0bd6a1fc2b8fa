"""Comparison and diff reports as docx, in the shared report style.

Both follow :mod:`kehoach_core.docx_io._report`: a centred title naming the
plans (kind, number, date, issuer), a summary of counts first, tables whose
header repeats on every page, every fixed word in the chosen language
(``lang="vi"`` by default) and the parts of a plan named as a reader names
them (*Đợt 1, mục 3*, *Mục đích, ý 2*, *Nơi nhận*), never by internal id or
JSON path. The diff can also be written as Word's own tracked changes in the
new version (:func:`~kehoach_core.compare.tracked_diff_docx`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any

from .._atomic import write_atomic
from .._model import Plan
from .._names import Lang, element_name, path_name, plan_name, word
from ._coverage import Coverage, Status
from ._diff import Change, ChangeKind, Changes

__all__ = ["changes_docx", "coverage_docx", "write_docx_report"]

_FILL = {Status.COVERED: "C6EFCE", Status.PARTIAL: "FFEB9C", Status.MISSING: "FFC7CE"}
_COLUMNS = (0.38, 0.15, 0.35, 0.12)
"""Shares of the text width: superior item, status, subordinate item, similarity."""
_CHANGE_FILL = {
    ChangeKind.ADDED: "C6EFCE",
    ChangeKind.REMOVED: "FFC7CE",
    ChangeKind.MODIFIED: "FFEB9C",
    ChangeKind.MOVED: "DDEBF7",
}


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


def _names(
    key_a: str, a: Plan | str | None, key_b: str, b: Plan | str | None, lang: Lang
) -> list[str]:
    from ..docx_io._report import label

    lines = []
    for key, plan in ((key_a, a), (key_b, b)):
        if plan is None:
            continue
        name = plan if isinstance(plan, str) else plan_name(plan, lang)
        lines.append(f"{label(key, lang)}: {name}")
        if isinstance(plan, Plan) and plan.title:
            lines.append(_short(plan.title, 200))
    return lines


def coverage_docx(
    coverage: Coverage,
    *,
    lang: Lang = "vi",
    superior: Plan | None = None,
    subordinate: Plan | None = None,
) -> bytes:
    """The comparison as a docx: title, summary, then one table per part of the superior.

    ``superior`` and ``subordinate`` (the compared plans) name the plans in the
    title; without them the plans' titles as the comparison recorded them are used.
    """
    from ..docx_io._report import ReportDocument, label

    doc = ReportDocument(lang)
    doc.title(
        label("coverage_title", lang),
        _names(
            "superior",
            superior or coverage.superior or None,
            "subordinate",
            subordinate or coverage.subordinate or None,
            lang,
        ),
    )
    counts = {s: len(coverage.by_status(s)) for s in Status}
    rows = [
        (label("coverage_overall", lang), _percent(coverage.overall)),
        (label("superior_items", lang), str(len(coverage.items))),
        *((label(s.value, lang), str(counts[s])) for s in Status),
    ]
    if coverage.cites_superior is not None:
        rows.append(
            (label("cites_superior", lang), label("yes" if coverage.cites_superior else "no", lang))
        )
    rows.append((label("missing_forms", lang), str(len(coverage.missing_forms))))
    rows.append((label("unassigned", lang), str(len(coverage.unassigned))))
    doc.summary(rows)
    answers = {a.superior: a for a in coverage.phases}
    header = tuple(
        label(k, lang)
        for k in ("col_superior_item", "col_status", "col_subordinate_item", "col_score")
    )
    for section in coverage.sections:
        items = [r for r in coverage.items if r.section == section.section]
        if not items:
            continue
        doc.heading(f"{_short(section.title, 140)} — {_percent(section.figure)}")
        align = answers.get(section.section)
        if align is not None and section.section.startswith("phase"):
            other = (
                element_name(align.subordinate, lang) if align.subordinate else label("none", lang)
            )
            doc.paragraph(f"{label('answered_by', lang)}: {other}", italic=True)
        cells: list[Sequence[str]] = [header]
        fills = {}
        for index, row in enumerate(items, 1):
            matched = ""
            if row.matches and row.status is not Status.MISSING:
                matched = "\n".join(
                    f"{element_name(m.item, lang)}: {_short(m.text)}" for m in row.matches
                )
            cells.append(
                (
                    f"{element_name(row.item, lang)}: {_short(row.text)}",
                    label(row.status.value, lang),
                    matched,
                    _percent(row.score),
                )
            )
            fills[(index, 1)] = _FILL[row.status]
        doc.table(cells, widths=_COLUMNS, fills=fills)
    if coverage.missing_forms:
        doc.heading(label("missing_forms", lang))
        for gap in coverage.missing_forms:
            doc.paragraph(f"- {word('form:' + gap.kind.value, lang)}: {_short(gap.text)}")
    if coverage.unassigned:
        doc.heading(label("unassigned", lang))
        for task in coverage.unassigned:
            doc.paragraph(f"- {element_name(task.task, lang)}: {_short(task.text)}")
    if coverage.additions:
        doc.heading(label("additions", lang))
        for addition in coverage.additions:
            doc.paragraph(f"- {element_name(addition.item, lang)}: {_short(addition.text)}")
    return doc.to_bytes()


def change_text(value: Any, lang: Lang = "vi") -> str:
    """A value of a diff as a reader reads it: the text of an element, a date, a name."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("text", "heading", "title", "name"):
            if isinstance(value.get(key), str) and value[key]:
                return str(value[key])
        parts = [
            change_text(v, lang)
            for k, v in value.items()
            if k not in ("id", "location", "kind", "starts")
        ]
        return "; ".join(p for p in parts if p)
    if isinstance(value, list):
        return "; ".join(p for p in (change_text(v, lang) for v in value) if p)
    if isinstance(value, bool):
        return ("Có" if value else "Không") if lang == "vi" else ("yes" if value else "no")
    return json.dumps(value, ensure_ascii=False)


def change_place(change: Change, lang: Lang = "vi") -> str:
    """Where a change is, by name; for a move, also where it goes."""
    from ..docx_io._report import label

    place = path_name(change.path, lang)
    if change.kind is ChangeKind.MOVED and change.to is not None:
        place += f" → {label('moved_to', lang)} {path_name(change.to, lang)}"
    return place


def changes_docx(
    changes: Changes,
    *,
    lang: Lang = "vi",
    old: Plan | None = None,
    new: Plan | None = None,
) -> bytes:
    """The diff as a table: where (by name), kind of change, old text, new text."""
    from ..docx_io._report import ReportDocument, label

    doc = ReportDocument(lang)
    doc.title(label("diff_title", lang), _names("old", old, "new", new, lang))
    rows = [(label(k.value, lang), str(len(changes._of(k)))) for k in ChangeKind]
    rows.append((label("total", lang), str(len(changes))))
    doc.summary(rows)
    if not changes:
        doc.paragraph(label("no_changes", lang))
        return doc.to_bytes()
    header = tuple(label(k, lang) for k in ("col_place", "col_change", "col_old", "col_new"))
    cells: list[Sequence[str]] = [header]
    fills = {}
    for index, change in enumerate(changes, 1):
        old_text, new_text = change_text(change.old, lang), change_text(change.new, lang)
        if change.kind is ChangeKind.MOVED:
            old_text = ""
        cells.append(
            (change_place(change, lang), label(change.kind.value, lang), old_text, new_text)
        )
        fills[(index, 1)] = _CHANGE_FILL[change.kind]
    doc.table(cells, widths=(0.2, 0.14, 0.33, 0.33), fills=fills)
    return doc.to_bytes()


def write_docx_report(
    path: str | os.PathLike[str],
    report: Coverage | Changes,
    *,
    lang: Lang = "vi",
    plans: tuple[Plan | None, Plan | None] = (None, None),
) -> None:
    """Write a comparison or a diff (as a table) as a docx file, atomically.

    ``plans`` are the two plans compared (superior and subordinate, or old and
    new), used to name them in the title.
    """
    first, second = plans
    if isinstance(report, Coverage):
        data = coverage_docx(report, lang=lang, superior=first, subordinate=second)
    else:
        data = changes_docx(report, lang=lang, old=first, new=second)
    write_atomic(path, data)
