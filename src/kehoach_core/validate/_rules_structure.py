"""Structure rules (KH1xx): missing parts, empty phases, numbering, windows."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Sequence

from .._anchors import Anchor, DateAnchor, Edge, IssueDate, MilestoneEdge
from .._elements import Level, Location
from .._model import Phase
from ._registry import Hit, Severity, rule
from ._text import Context, roman_to_int


def _line(phase: Phase) -> Location | None:
    return phase.location


_PART_NAMES = {
    "title": ("trích yếu (tên kế hoạch)", "title"),
    "bases": ("căn cứ ban hành", "legal bases"),
    "content": ("nội dung tuyên truyền", "content"),
    "forms": ("hình thức tuyên truyền", "forms"),
    "assignments": ("tổ chức thực hiện", "assignments"),
    "recipients": ("nơi nhận", "recipients"),
    "signature": ("chữ ký", "signature"),
}


_PROPAGANDA = re.compile(r"tuyên truyền|truyền thông", re.I)
_CITES = re.compile(
    r"\b(?:Căn cứ|Thực hiện)\s+(?:Luật|Nghị quyết|Nghị định|Chỉ thị|Kết luận|Kế hoạch|Quyết định"
    r"|Công văn|Hướng dẫn|Thông tư|Thông báo|Chương trình)\s+(?:số\b|\d)"
)


@rule(
    "KH101",
    "missing-part",
    Severity.ERROR,
    vi="Kế hoạch thiếu phần {part_vi}",
    en="The plan has no {part_en}",
    hint_vi="Bổ sung phần còn thiếu theo bố cục của kế hoạch.",
    hint_en="Add the missing part; a plan has a title, bases, content, forms, "
    "assignments, recipients and a signature.",
    doc="A plan has a title, legal bases, content (phases or standing content), forms, "
    "assignments, recipients and a signature. Each one missing is reported once. Content "
    "and forms are parts of a propaganda plan (*tuyên truyền*, *truyền thông* in its "
    "title): a plan of another kind (an election, a budget, an emulation campaign) is not "
    "asked for them. A preamble that cites a document (*Thực hiện Chỉ thị số ...*) counts "
    "as bases even when the citation could not be read (a blank number).",
)
def missing_part(ctx: Context) -> Iterator[Hit]:
    plan = ctx.plan
    propaganda = not plan.title or bool(_PROPAGANDA.search(plan.title))
    present = {
        "title": bool(plan.title and plan.title.strip()),
        "bases": bool(plan.bases) or any(_CITES.search(p.text) for p in plan.preamble),
        "content": bool(plan.phases or plan.standing_content) or not propaganda,
        "forms": bool(plan.forms) or not propaganda,
        "assignments": bool(plan.assignments)
        or any("tổ chức thực hiện" in h.title.lower() for h in plan.sections),
        "recipients": bool(plan.recipients),
        "signature": plan.signature is not None,
    }
    for part, ok in present.items():
        if not ok:
            vi, en = _PART_NAMES[part]
            yield Hit(element=part, args={"part_vi": vi, "part_en": en})


def _has_content(phase: Phase) -> bool:
    return bool(phase.content) or any(_has_content(s) for s in phase.subphases)


@rule(
    "KH102",
    "empty-phase",
    Severity.ERROR,
    vi="Đợt/giai đoạn “{heading}” không có nội dung tuyên truyền",
    en="Phase “{heading}” has no content",
    hint_vi="Bổ sung nội dung tuyên truyền cho đợt này hoặc bỏ đợt.",
    hint_en="Give the phase its content, or remove it.",
    doc="A phase (or sub-phase) with no content item of its own and no sub-phase with "
    "content. Checked in propaganda plans (*tuyên truyền*, *truyền thông* in the title): "
    "the periods of an emulation campaign or a project are windows, not content.",
)
def empty_phase(ctx: Context) -> Iterator[Hit]:
    if ctx.plan.title and not _PROPAGANDA.search(ctx.plan.title):
        return  # an emulation's or a campaign's periods are windows, not content
    for phase in ctx.plan.all_phases():
        if not _has_content(phase):
            heading = phase.heading or phase.label or phase.id
            yield Hit(
                element=phase.id,
                location=phase.location,
                excerpt=heading[:80],
                args={"heading": heading[:60]},
            )


@rule(
    "KH103",
    "body-without-tasks",
    Severity.WARNING,
    vi="“{body}” được phân công nhưng không có nhiệm vụ cụ thể",
    en="“{body}” is assigned but given no task",
    hint_vi="Ghi rõ nhiệm vụ của cơ quan, đơn vị này.",
    hint_en="State the body's tasks.",
    doc="An assignment (a body in *Tổ chức thực hiện*) with no task and no nested assignment.",
)
def body_without_tasks(ctx: Context) -> Iterator[Hit]:
    for a in ctx.plan.all_assignments():
        if not a.tasks and not a.children:
            body = ", ".join(a.bodies) or a.heading or a.id
            yield Hit(
                element=a.id, location=a.location, excerpt=a.heading[:80], args={"body": body}
            )


_ARABIC = re.compile(r"^\(?(\d+)[.)\-]?$")
_DOTTED = re.compile(r"^(?:\d+\.)*(\d+)\.?$")
_ROMAN = re.compile(r"^([IVXL]+)\s*[.\-)]?$")


def _number(label: str) -> tuple[str, int] | None:
    label = label.strip()
    if not label:
        return None
    m = _ROMAN.match(label)
    if m:
        try:
            return "roman", roman_to_int(m[1])
        except ValueError:
            return None
    m = re.match(r"^\((\d+)\)$", label)
    if m:
        return "paren", int(m[1])
    m = _DOTTED.match(label)
    if m:
        return "dotted", int(m[1])
    return None


def _label_location(where: Location | None, label: str) -> Location | None:
    """Where a label printed before an element's text is: one space before the text."""
    if where is None or where.column is None or where.column <= len(label) + 1:
        return where
    column = where.column - len(label) - 1
    return Location(where.line, where.line, column=column, end_column=column + len(label))


def _sequence_hits(labelled: Sequence[tuple[str, str, Location | None]]) -> Iterator[Hit]:
    """Hits for labels that skip or repeat, per numbering style among siblings."""
    last: dict[str, int] = {}
    for element, label, where in labelled:
        parsed = _number(label)
        if parsed is None:
            continue
        style, n = parsed
        prev = last.get(style)
        expected = 1 if prev is None else prev + 1
        if prev is not None and n != expected and not (n == 1 and prev > 1):
            # (a list that starts again at 1 is a new list: the assignments of a
            # "Phân công" section and then of "Tổ chức thực hiện")
            yield Hit(
                element=element,
                location=_label_location(where, label),
                excerpt=label,
                args={"label": label, "expected": expected, "found": n},
            )
        last[style] = n


@rule(
    "KH104",
    "numbering-skips-or-repeats",
    Severity.WARNING,
    vi="Đánh số “{label}” không liền mạch: mong đợi {expected}, gặp {found}",
    en="Numbering “{label}” skips or repeats: expected {expected}, found {found}",
    hint_vi="Đánh số lại các mục cùng cấp cho liên tục.",
    hint_en="Renumber the sibling items so the numbers run on.",
    doc="Among siblings numbered in one style (`I.`, `1.`, `2.1.`, `(1)`), each number "
    "must be the previous one plus one: top sections, phases and their sub-phases, "
    "forms, assignments, and numbered content items. A list that starts again at 1 "
    "is a new list, not a repeat.",
)
def numbering(ctx: Context) -> Iterator[Hit]:
    plan = ctx.plan
    top = [(s.id, s.label, s.location) for s in plan.sections if s.level == 1]
    yield from _sequence_hits(top)
    if not _phases_out_of_order(plan.phases):
        # phases printed out of order are KH105's: their labels are not a skip
        yield from _sequence_hits([(p.id, p.label, _line(p)) for p in plan.phases])
    for phase in plan.all_phases():
        yield from _sequence_hits([(s.id, s.label, _line(s)) for s in phase.subphases])
        yield from _sequence_hits([(i.id, i.label, i.location) for i in phase.content])
    yield from _sequence_hits([(a.id, a.label, a.location) for a in plan.assignments])


def _phases_out_of_order(phases: Sequence[Phase]) -> bool:
    ordinals = [p.ordinal for p in phases if p.ordinal is not None]
    return any(b < a for a, b in itertools.pairwise(ordinals))


@rule(
    "KH105",
    "phases-out-of-order",
    Severity.ERROR,
    vi="Đợt {found} đứng sau đợt {previous}: các đợt không theo thứ tự",
    en="Phase {found} comes after phase {previous}: phases out of order",
    hint_vi="Sắp xếp các đợt theo thứ tự thời gian.",
    hint_en="Put the phases in time order.",
    doc="Phase ordinals (*Đợt 1, 2, 3*) must increase in document order.",
)
def phases_order(ctx: Context) -> Iterator[Hit]:
    previous: int | None = None
    for phase in ctx.plan.phases:
        if phase.ordinal is None:
            continue
        if previous is not None and phase.ordinal < previous:
            yield Hit(
                element=phase.id,
                location=phase.location,
                excerpt=phase.heading[:80],
                args={"found": phase.ordinal, "previous": previous},
            )
        previous = phase.ordinal


_PHASE_WORD = re.compile(r"^\s*(Đợt|ĐỢT|Giai\s+đoạn|GIAI\s+ĐOẠN|Bước|BƯỚC)\s+(\d+|[IVX]+)\b")


@rule(
    "KH106",
    "phase-numeral-style",
    Severity.WARNING,
    vi="Đợt “{label}” đánh số kiểu {style_vi}, khác các đợt còn lại",
    en="Phase “{label}” is numbered in {style_en} numerals, unlike the other phases",
    hint_vi="Dùng một kiểu chữ số cho mọi đợt (Đợt 1, Đợt 2, Đợt 3).",
    hint_en="Number every phase the same way (Đợt 1, Đợt 2, Đợt 3).",
    doc="Phase headings mix Arabic and Roman numerals (*Đợt 1, Đợt 2, Đợt III*).",
)
def phase_numeral_style(ctx: Context) -> Iterator[Hit]:
    styles: list[tuple[Phase, str, str]] = []
    for phase in ctx.plan.phases:
        m = _PHASE_WORD.match(phase.heading)
        if m:
            word = " ".join(m[1].split()).capitalize()
            styles.append((phase, f"{word} {m[2]}", "arabic" if m[2].isdigit() else "roman"))
    counts = {s: sum(1 for *_, t in styles if t == s) for s in ("arabic", "roman")}
    if min(counts.values()) == 0:
        return
    minority = "roman" if counts["roman"] <= counts["arabic"] else "arabic"
    for phase, label, style in styles:
        if style == minority:
            yield Hit(
                element=phase.id,
                location=phase.location,
                excerpt=phase.heading[:80],
                args={
                    "label": label,
                    "style_vi": "La Mã" if style == "roman" else "Ả Rập",
                    "style_en": style.capitalize() if style == "roman" else "Arabic",
                },
            )


def _rank(level: Level) -> int | None:
    return level.rank or None


def _resolve(ctx: Context, anchor: Anchor) -> dt.date | None:
    if isinstance(anchor, DateAnchor):
        return anchor.on
    if isinstance(anchor, IssueDate):
        return ctx.plan_date
    if isinstance(anchor, MilestoneEdge):
        m = ctx.plan.milestone(anchor.milestone)
        if m is None:
            return None
        return m.starts_on if anchor.edge is Edge.START else (m.ends_on or m.starts_on)
    return None


@rule(
    "KH107",
    "window-inverted",
    Severity.ERROR,
    vi="Thời gian của “{heading}” kết thúc ({end}) trước khi bắt đầu ({start})",
    en="The window of “{heading}” ends ({end}) before it starts ({start})",
    hint_vi="Kiểm tra lại mốc bắt đầu và kết thúc của đợt.",
    hint_en="Check the phase's start and end.",
    doc="A phase window whose end, resolved to a date (a printed date, the issue date, or "
    "a milestone with a known date), falls before its start; or, dates unknown, a window "
    "from a higher level's congress to a lower one's of the same season (*Từ sau Đại hội "
    "XIV của Đảng đến Đại hội Đảng bộ tỉnh*): congresses are held bottom up.",
)
def window_inverted(ctx: Context) -> Iterator[Hit]:
    for phase in ctx.plan.all_phases():
        if phase.window is None:
            continue
        start = _resolve(ctx, phase.window.start)
        end = _resolve(ctx, phase.window.end)
        heading = phase.heading[:60] or phase.id
        if start and end and end < start:
            yield Hit(
                element=phase.id,
                location=phase.location,
                excerpt=phase.heading[:80],
                args={"heading": heading, "start": start.isoformat(), "end": end.isoformat()},
            )
        elif not (start and end):
            inverted = _inverted_by_level(ctx, phase.window.start, phase.window.end)
            if inverted is not None:
                yield Hit(
                    element=phase.id,
                    location=phase.location,
                    excerpt=phase.heading[:80],
                    args={"heading": heading, "start": inverted[0], "end": inverted[1]},
                )


def _inverted_by_level(ctx: Context, start: Anchor, end: Anchor) -> tuple[str, str] | None:
    """The two congresses' names when a window runs from a higher level's congress
    to a lower one's of the same season (they are held bottom up), else None."""
    if not (isinstance(start, MilestoneEdge) and isinstance(end, MilestoneEdge)):
        return None
    first, last = ctx.plan.milestone(start.milestone), ctx.plan.milestone(end.milestone)
    if first is None or last is None:
        return None
    r0, r1 = _rank(first.level), _rank(last.level)
    if r0 is None or r1 is None or r0 <= r1:
        return None
    if first.level is Level.NATIONAL:
        from ._rules_consistency import national_year, reference_year

        year = reference_year(ctx)
        # a window from the previous national congress is not of this season
        if first.ordinal is None or year is None or national_year(first.ordinal) < year:
            return None
    return first.name[:50], last.name[:50]


@rule(
    "KH108",
    "windows-overlap",
    Severity.WARNING,
    vi="Thời gian của đợt “{heading}” chồng lên đợt trước "
    "(bắt đầu {start}, đợt trước kết thúc {end})",
    en="Phase “{heading}” overlaps the previous one (starts {start}, previous ends {end})",
    hint_vi="Cho đợt sau bắt đầu khi đợt trước kết thúc.",
    hint_en="Start each phase when the previous one ends.",
    doc="Consecutive top-level phases whose resolved dates overlap: the later phase starts "
    "before the earlier one ends.",
)
def windows_overlap(ctx: Context) -> Iterator[Hit]:
    phases = [p for p in ctx.plan.phases if p.window is not None]
    for before, after in itertools.pairwise(phases):
        assert before.window is not None
        assert after.window is not None
        end = _resolve(ctx, before.window.end)
        start = _resolve(ctx, after.window.start)
        if end and start and start < end:
            yield Hit(
                element=after.id,
                location=after.location,
                excerpt=after.heading[:80],
                args={"heading": after.heading[:60], "start": start, "end": end},
            )


def _end_rank(ctx: Context, phase: Phase) -> tuple[dt.date | None, int | None]:
    if phase.window is None or not isinstance(phase.window.end, MilestoneEdge):
        return None, None
    m = ctx.plan.milestone(phase.window.end.milestone)
    if m is None:
        return None, None
    return (m.ends_on or m.starts_on), _rank(m.level)


@rule(
    "KH109",
    "windows-contradict-milestones",
    Severity.ERROR,
    vi="Đợt “{heading}” kết thúc ở một mốc diễn ra trước mốc kết thúc của đợt trước",
    en="Phase “{heading}” ends at a milestone that comes before the previous phase's end",
    hint_vi="Sắp xếp các đợt theo thứ tự các đại hội (cơ sở → tỉnh → toàn quốc).",
    hint_en="Order the phases as the congresses are held (commune, province, national).",
    doc="Consecutive phases ending at milestones in the wrong order: by their dates when "
    "known, else by level (congresses are held bottom up: commune, district, province, "
    "then the national congress).",
)
def windows_vs_milestones(ctx: Context) -> Iterator[Hit]:
    previous: tuple[dt.date | None, int | None] | None = None
    for phase in ctx.plan.phases:
        current = _end_rank(ctx, phase)
        if current == (None, None):
            continue
        if previous is not None:
            (d0, r0), (d1, r1) = previous, current
            wrong = (d0 and d1 and d1 < d0) or (
                not (d0 and d1) and r0 is not None and r1 is not None and r1 < r0
            )
            if wrong:
                yield Hit(
                    element=phase.id,
                    location=phase.location,
                    excerpt=phase.heading[:80],
                    args={"heading": phase.heading[:60]},
                )
        previous = current
