"""Reports of a comparison and of a version diff, as text, Markdown and JSON.

>>> from kehoach_core import ContentItem, Phase, Plan
>>> sup = Plan(phases=[Phase(content=[ContentItem(text="Quy chế bầu cử trong Đảng.")])])
>>> sub = Plan(phases=[Phase(content=[ContentItem(text="Quy chế bầu cử trong Đảng.")])])
>>> from kehoach_core.compare import compare
>>> print(render_coverage(compare(sup, sub), "text").splitlines()[0])
Coverage: 100% of 1 superior items (1 covered, 0 partial, 0 missing)
"""

from __future__ import annotations

import enum
import json
from typing import Any, Literal

import attrs

from ._coverage import Coverage, Status
from ._diff import ChangeKind, Changes

__all__ = ["Format", "changes_to_dict", "coverage_to_dict", "render_changes", "render_coverage"]

Format = Literal["text", "markdown", "json"]

_MARK = {Status.COVERED: "✓", Status.PARTIAL: "~", Status.MISSING: "✗"}


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if attrs.has(type(value)):
        return {f.name: _plain(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def coverage_to_dict(coverage: Coverage) -> dict[str, Any]:
    """The comparison as a JSON-ready dict."""
    data: dict[str, Any] = _plain(coverage)
    return {"kind": "kehoach/coverage", **data}


def changes_to_dict(changes: Changes) -> dict[str, Any]:
    """The diff as a JSON-ready dict (paths as JSON paths)."""
    rows = []
    for c in changes:
        row = {
            "kind": c.kind.value,
            "path": c.where,
            "element": c.element,
            "old": c.old,
            "new": c.new,
        }
        if c.to is not None:
            row["to"] = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in c.to)
        if c.words:
            row["words"] = [list(w) for w in c.words]
        rows.append(row)
    return {"kind": "kehoach/changes", "positional_ids": changes.positional_ids, "changes": rows}


def _summary(coverage: Coverage) -> str:
    n = len(coverage.items)
    c, p, m = (len(coverage.by_status(s)) for s in Status)
    return (
        f"Coverage: {round(coverage.overall * 100)}% of {n} superior items "
        f"({c} covered, {p} partial, {m} missing)"
    )


def _coverage_text(coverage: Coverage) -> str:
    lines = [_summary(coverage)]
    if coverage.cites_superior is not None:
        cite = f"yes ({coverage.citation})" if coverage.cites_superior else "NO"
        lines.append(f"Cites the superior among its bases: {cite}")
    answers = {a.superior: a for a in coverage.phases}
    for section in coverage.sections:
        if not section.items:
            continue
        lines += ["", f"== {section.title} — {round(section.figure * 100)}%"]
        align = answers.get(section.section)
        if align is not None:
            inside = {True: "inside", False: "NOT inside", None: "window unknown"}[align.inside]
            lines.append(f"   answered by: {align.subordinate or 'none'} ({inside})")
        for row in (r for r in coverage.items if r.section == section.section):
            best = row.matches[0].item if row.matches and row.status is not Status.MISSING else "-"
            lines.append(
                f" {_MARK[row.status]} {row.item:<14} {row.status.value:<8} {row.score:4.2f} "
                f"{best:<14} {_short(row.text, 60)}"
            )
            lines.append(f"      {row.reason}")
    if coverage.missing_forms:
        lines += ["", "Forms the superior asks for and the subordinate lacks:"]
        lines += [f" - {g.kind.value}: {_short(g.text)}" for g in coverage.missing_forms]
    if coverage.unassigned:
        lines += ["", "Tasks for the subordinate's level not taken up:"]
        lines += [
            f" - {g.task} ({', '.join(g.bodies)}): {_short(g.text)}" for g in coverage.unassigned
        ]
    if coverage.additions:
        lines += ["", "The subordinate's own additions:"]
        lines += [f" + {a.item}: {_short(a.text)}" for a in coverage.additions]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _coverage_markdown(coverage: Coverage) -> str:
    lines = [f"# {_summary(coverage)}", ""]
    if coverage.cites_superior is not None:
        cite = f"yes (`{coverage.citation}`)" if coverage.cites_superior else "**no**"
        lines += [f"Cites the superior among its legal bases: {cite}", ""]
    answers = {a.superior: a for a in coverage.phases}
    for section in coverage.sections:
        if not section.items:
            continue
        lines += [f"## {_cell(section.title)} — {round(section.figure * 100)}%", ""]
        align = answers.get(section.section)
        if align is not None:
            inside = {True: "inside", False: "**not inside**", None: "unknown"}[align.inside]
            lines += [f"Answered by `{align.subordinate or 'none'}` (window {inside}).", ""]
        lines += ["| superior item | status | subordinate item | score |", "|---|---|---|---|"]
        for row in (r for r in coverage.items if r.section == section.section):
            match = "—"
            if row.matches and row.status is not Status.MISSING:
                match = "<br>".join(f"`{m.item}` {_cell(_short(m.text, 60))}" for m in row.matches)
            lines.append(
                f"| `{row.item}` {_cell(_short(row.text, 80))} | {_MARK[row.status]} "
                f"{row.status.value} | {match} | {row.score:.2f} |"
            )
        lines.append("")
    if coverage.missing_forms:
        lines += ["## Missing forms", ""]
        lines += [f"- **{g.kind.value}**: {_cell(_short(g.text))}" for g in coverage.missing_forms]
        lines.append("")
    if coverage.unassigned:
        lines += ["## Tasks not passed on", ""]
        lines += [
            f"- `{g.task}` ({', '.join(g.bodies)}): {_cell(_short(g.text))}"
            for g in coverage.unassigned
        ]
        lines.append("")
    if coverage.additions:
        lines += ["## The subordinate's additions", ""]
        lines += [f"- `{a.item}` {_cell(_short(a.text))}" for a in coverage.additions]
        lines.append("")
    return "\n".join(lines)


def render_coverage(coverage: Coverage, format: Format = "text") -> str:
    """The comparison as a report: ``"text"``, ``"markdown"`` or ``"json"``."""
    if format == "json":
        return json.dumps(coverage_to_dict(coverage), ensure_ascii=False, indent=2) + "\n"
    if format == "markdown":
        return _coverage_markdown(coverage)
    return _coverage_text(coverage)


def _value(value: Any) -> str:
    if isinstance(value, dict):
        for key in ("text", "heading", "title", "name"):
            if isinstance(value.get(key), str) and value[key]:
                return str(value[key])
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _tracked(words: tuple[tuple[str, str], ...], markdown: bool) -> str:
    out = []
    for op, text in words:
        if op == "=":
            out.append(text)
        elif op == "-":
            out.append(f"~~{text}~~" if markdown else f"[-{text}-]")
        else:
            out.append(f"**{text}**" if markdown else f"{{+{text}+}}")
    return " ".join(out)


def _changes_lines(changes: Changes, markdown: bool) -> list[str]:
    lines = []
    for c in changes:
        where = f"`{c.where}`" if markdown else c.where
        head = f"{c.kind.value} {c.element or c.field} ({where})"
        if c.kind is ChangeKind.ADDED:
            body = ("**" + _value(c.new) + "**") if markdown else "{+" + _value(c.new) + "+}"
        elif c.kind is ChangeKind.REMOVED:
            body = ("~~" + _value(c.old) + "~~") if markdown else "[-" + _value(c.old) + "-]"
        elif c.words:
            body = _tracked(c.words, markdown)
        elif c.kind is ChangeKind.MOVED:
            body = _value(c.new)
        else:
            old, new = _value(c.old), _value(c.new)
            body = f"~~{old}~~ **{new}**" if markdown else f"[-{old}-] {{+{new}+}}"
        if c.kind is ChangeKind.MOVED and c.to is not None:
            to = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in c.to)
            head += f" → {'`' + to + '`' if markdown else to}"
        lines += [f"- {head}: {body}" if markdown else f"* {head}\n    {body}"]
    return lines


def render_changes(changes: Changes, format: Format = "text") -> str:
    """The diff as a track-changes-style report: ``"text"``, ``"markdown"`` or ``"json"``.

    Text marks deletions ``[-like this-]`` and insertions ``{+like this+}``;
    Markdown uses strike-through and bold.
    """
    if format == "json":
        return json.dumps(changes_to_dict(changes), ensure_ascii=False, indent=2) + "\n"
    counts = {k: len([c for c in changes if c.kind is k]) for k in ChangeKind}
    summary = ", ".join(f"{n} {k.value}" for k, n in counts.items())
    if not changes:
        return "# No changes\n" if format == "markdown" else "No changes\n"
    if format == "markdown":
        return "\n".join([f"# Changes: {summary}", "", *_changes_lines(changes, True), ""])
    return "\n".join([f"Changes: {summary}", *_changes_lines(changes, False), ""])
