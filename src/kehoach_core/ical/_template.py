"""The schedule template: the milestones a plan depends on, for someone to fill in.

``kehoach schedule PLAN -o lich.toml`` writes it; ``kehoach ics PLAN --schedule
lich.toml`` reads it back. Every milestone the plan's phases and tasks point at
is listed with the words the plan uses, the dates already known (from the
bundled calendar or the plan itself) filled in, the others left blank
(``starts = ""``) with a comment on where to find them. A plan whose copy lost
its issue date gets an ``issued = ""`` line when a phase starts *từ nay*.

>>> import datetime as dt
>>> from kehoach_core import Edge, Level, Milestone, MilestoneEdge, Phase, Plan, Window
>>> plan = Plan(milestones=[Milestone(id="m1", name="Đại hội Đảng bộ tỉnh lần thứ XVIII",
...     level=Level.PROVINCE, ordinal=18, body="Đảng bộ tỉnh Lạng Sơn")],
...     phases=[Phase(ordinal=1, heading="Đợt 1: Đến Đại hội Đảng bộ tỉnh lần thứ XVIII",
...     window=Window(MilestoneEdge("m1", Edge.START), MilestoneEdge("m1", Edge.END)))])
>>> text = schedule_template(plan)
>>> 'ordinal = "XVIII"' in text and 'starts = ""' in text
True
>>> from kehoach_core.ical import load_schedule
>>> load_schedule(text.encode()).milestones
()
"""

from __future__ import annotations

import json

from .._anchors import Anchor, IssueDate, MilestoneEdge
from .._elements import Level, Milestone
from .._ids import number_elements
from .._model import Phase, Plan
from .._numbers import int_to_roman
from ._export import needed_milestones, past_milestones
from ._items import date_plan, reference_day
from ._match import fold, resolve
from ._national import national_schedule
from ._schedule import MilestoneDates, Schedule
from ._wording import phase_name, plan_reference

__all__ = ["schedule_template"]

_WHERE = {
    Level.NATIONAL: "thông báo của Trung ương về Đại hội; báo Nhân Dân, Cổng thông tin điện tử "
    "Đảng Cộng sản Việt Nam",
    Level.PROVINCE: "kế hoạch, thông báo tổ chức Đại hội của Ban Thường vụ Tỉnh ủy (Thành ủy); "
    "báo và cổng thông tin điện tử của tỉnh",
    Level.DISTRICT: "kế hoạch, thông báo tổ chức Đại hội của Ban Thường vụ Huyện ủy "
    "(Quận ủy, Thị ủy); Văn phòng cấp ủy",
    Level.COMMUNE: "kế hoạch, thông báo tổ chức Đại hội của Ban Thường vụ Đảng ủy xã "
    "(phường); Văn phòng Đảng ủy",
}
_WHERE_OTHER = "văn bản triệu tập hoặc kế hoạch tổ chức của cơ quan tổ chức sự kiện"
_WHERE_EMULATION = "kế hoạch tổ chức Đại hội thi đua của Hội đồng Thi đua - Khen thưởng cùng cấp"


def _toml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _date(entry: MilestoneDates, last: bool) -> str:
    value = entry.end if last else entry.starts
    return value.isoformat()[:19] if hasattr(value, "hour") else value.isoformat()


def _uses(plan: Plan, names: dict[str, str]) -> dict[str, list[str]]:
    """For each milestone id, the phases (and tasks) that need it, with how."""
    uses: dict[str, list[str]] = {}

    def note(anchor: Anchor | None, what: str, as_start: bool) -> None:
        if isinstance(anchor, MilestoneEdge):
            uses.setdefault(anchor.milestone, []).append(what)

    for phase in plan.all_phases():
        if phase.window is not None:
            name = names.get(phase.id, phase.id)
            note(phase.window.start, name, True)
            note(phase.window.end, name, False)
    for assignment in plan.all_assignments():
        for top in assignment.tasks:
            for item in top.walk():
                note(item.due, f"nhiệm vụ {item.id}", False)
    return uses


def _phase_names(plan: Plan) -> dict[str, str]:
    names: dict[str, str] = {}

    def visit(phases: tuple[Phase, ...], parent: str | None) -> None:
        for phase in phases:
            names[phase.id] = phase_name(phase, parent)
            visit(phase.subphases, names[phase.id])

    visit(plan.phases, None)
    return names


def _needs_issue_date(plan: Plan) -> list[str]:
    names = _phase_names(plan)
    return [
        names.get(phase.id, phase.id)
        for phase in plan.all_phases()
        if phase.window is not None
        and (isinstance(phase.window.start, IssueDate) or isinstance(phase.window.end, IssueDate))
    ]


def _where(milestone: Milestone) -> str:
    if "thi dua" in fold(f"{milestone.name} {milestone.body or ''}"):
        return _WHERE_EMULATION
    return _WHERE.get(milestone.level, _WHERE_OTHER)


def schedule_template(plan: Plan, *, source: str | None = None) -> str:
    """The TOML template for ``plan`` (``source``: the plan's file, named in the header)."""
    plan, _ = date_plan(number_elements(plan))
    national = national_schedule()
    resolution = resolve(plan, Schedule(), fallback=national)
    past = past_milestones(plan, resolution, national, reference_day(plan))
    names = _phase_names(plan)
    uses = _uses(plan, names)
    wanted = [m for m in needed_milestones(plan) if m not in past]
    lines = [
        "# Lịch các mốc của kế hoạch, để `kehoach ics` đưa được mọi đợt vào lịch.",
        f"# {plan_reference(plan)}",
    ]
    if plan.title:
        lines.append(f"# {' '.join(plan.title.split())}")
    lines += [
        "#",
        '# Điền ngày vào giữa hai dấu "" còn trống, viết như "24/9/2025" hoặc 2025-09-24;',
        "# ngày nào chưa biết thì để trống: các đợt cần ngày đó chưa vào lịch.",
        "# Rồi chạy: kehoach ics KẾ_HOẠCH --schedule TỆP_NÀY -o lich.ics",
        "# (Fill in the blank dates, as 24/9/2025 or 2025-09-24; leave unknown ones blank.)",
        "",
    ]
    if source:
        lines += [f"plan = {_toml(source)}", ""]
    needing = _needs_issue_date(plan)
    if reference_day(plan) is None and needing:
        lines += [
            "# Ngày ban hành kế hoạch: bản này không ghi (the copy lost its issue date).",
            f'# Cần cho: {", ".join(needing)} ("từ nay": từ ngày ban hành).',
            "# Tìm ở: bản gốc có chữ ký, sổ văn bản đi của cơ quan ban hành.",
            'issued = ""',
            "",
        ]
    if not wanted:
        lines.append("# Kế hoạch không có đợt hay nhiệm vụ nào cần ngày của một đại hội.")
        lines.append("milestones = []")
        return "\n".join(lines) + "\n"
    for milestone_id in wanted:
        milestone = plan.milestone(milestone_id)
        if milestone is None:
            continue
        entry = resolution.dates.get(milestone_id)
        lines.append(f"# ── {' '.join(milestone.name.split()) or milestone.id}")
        wordings = [" ".join(n.split()) for n in [milestone.name, *milestone.aliases] if n]
        lines.append("# Kế hoạch viết:")
        lines += [f"#   {_toml(wording)}" for wording in wordings]
        if uses.get(milestone_id):
            lines.append(f"# Cần cho: {', '.join(dict.fromkeys(uses[milestone_id]))}")
        if entry is not None and entry.milestone is None and entry in national.milestones:
            lines.append("# Ngày đã biết: lịch kèm theo kehoach (national.toml), sửa nếu khác.")
        elif entry is not None:
            lines.append("# Ngày đã biết: kế hoạch tự ghi.")
        else:
            lines.append(f"# Tìm ngày ở: {_where(milestone)}.")
        lines.append("[[milestones]]")
        lines.append(f"name = {_toml(' '.join(milestone.name.split()))}")
        if milestone.level is not Level.UNKNOWN:
            lines.append(f"level = {_toml(milestone.level.value)}")
        if milestone.ordinal is not None:
            lines.append(f"ordinal = {_toml(int_to_roman(milestone.ordinal))}")
        if milestone.body:
            lines.append(f"body = {_toml(' '.join(milestone.body.split()))}")
        if milestone.term is not None:
            lines.append(f"term = {_toml(str(milestone.term))}")
        if entry is not None:
            lines.append(f"starts = {_date(entry, False)}  # khai mạc")
            lines.append(f"ends = {_date(entry, True)}  # bế mạc")
        else:
            lines.append('starts = ""  # ngày khai mạc')
            lines.append('ends = ""  # ngày bế mạc (trống: cùng ngày khai mạc)')
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
