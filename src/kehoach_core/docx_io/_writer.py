"""Write a plan as a Word file in the Party (HD 36) or State (NĐ 30) format.

>>> from kehoach_core import Plan, ContentItem, SectionHeading, Part
>>> plan = Plan(
...     issuer="ĐẢNG ỦY XÃ KIÊN MỘC", title="Tuyên truyền đại hội",
...     sections=[SectionHeading(part=Part.PURPOSES, label="I-", title="MỤC ĐÍCH, YÊU CẦU")],
...     purposes=[ContentItem(label="-", text="Tuyên truyền sâu rộng.")],
... )
>>> data = to_docx(plan, format="party")
>>> data[:2]
b'PK'

What is printed is the plan's own wording, so reading the file back gives
the plan again: the header table (issuing bodies, motto, number, place and
date), the kind and title with ``-----`` (Party) or a rule (State), the
preamble, the body with the plan's own section labels and item labels
written as text at the start of each paragraph (not Word numbering), the
recipients and the signature side by side, and the digital-signature stamp.

Order of the body: when every body element carries a location (a plan read
from a file), paragraphs are written in the order of their locations, which
is the source's order. Otherwise the canonical order is used: purposes and
requirements, content (notes, phases, standing content), forms, assignments,
closing; a part with content but no heading gets a standard one (``II.
NỘI DUNG TUYÊN TRUYỀN``) so that a reader finds it.

Not representable (a :class:`UnrepresentableWarning` names what was left out):
footnotes; ``implements`` links and ``due`` anchors of items; milestone dates
from a schedule; notes and section headings of parts outside the body when
the canonical order is used; a date without a place. Derived fields (form
kinds, assignment bodies and roles, recipient purposes, phase windows,
citations, milestones, anniversaries, ids) are not written as such: a reader
derives them again from the wording.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator
from typing import Literal

import attrs
from docx.shared import Pt

from .._atomic import write_atomic
from .._elements import ContentItem, Part, SectionHeading
from .._model import Assignment, Form, Phase, Plan
from .._numbers import DocumentNumber, NumberStyle, int_to_roman
from ._formats import FormatName, OfficialFormat, format_for
from ._styles import Role, Run, StyledDocument

__all__ = ["UnrepresentableWarning", "choose_format", "to_docx", "write_docx"]

FormatChoice = Literal["party", "state", "auto"]

_PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
_STATE_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_STATE_MOTTO = "Độc lập - Tự do - Hạnh phúc"
_BODY_PARTS = (Part.PURPOSES, Part.REQUIREMENTS, Part.CONTENT, Part.FORMS, Part.ASSIGNMENTS)


class UnrepresentableWarning(UserWarning):
    """The plan holds something a docx cannot carry; the file was written without it."""


def choose_format(plan: Plan, format: FormatChoice = "auto") -> FormatName:
    """The format to write: ``format`` itself, or for ``"auto"`` the plan's style.

    Without a style, a Party-form number (``06-KH/TU``) or a Party authority
    (``T/M``) says Party; anything else is State.

    >>> choose_format(Plan(number="06-KH/TU")), choose_format(Plan())
    ('party', 'state')
    """
    if format in ("party", "state"):
        return format
    if format != "auto":
        raise ValueError(f"unknown format {format!r}: expected 'party', 'state' or 'auto'")
    if plan.style is not None:
        return "party" if plan.style is NumberStyle.PARTY else "state"
    number = plan.number
    if isinstance(number, str):
        try:
            number = DocumentNumber.parse(number)
        except ValueError:
            number = None
    if isinstance(number, DocumentNumber):
        return "party" if number.style is NumberStyle.PARTY else "state"
    authority = plan.signature.authority if plan.signature else None
    return "party" if authority and "/" in authority else "state"


def to_docx(plan: Plan, *, format: FormatChoice = "auto") -> bytes:
    """The plan as the bytes of a docx in the ``"party"`` or ``"state"`` format.

    ``"auto"`` follows :func:`choose_format`. Warns with
    :class:`UnrepresentableWarning` for what the file cannot hold.
    """
    data, dropped = _render(plan, format)
    if dropped:
        warnings.warn(_dropped_message(dropped), UnrepresentableWarning, stacklevel=2)
    return data


def write_docx(plan: Plan, path: str | os.PathLike[str], *, format: FormatChoice = "auto") -> None:
    """Write the plan to ``path`` as a docx, atomically (see :func:`to_docx`).

    Raises :class:`~kehoach_core.OutputError` when the file cannot be written.
    """
    data, dropped = _render(plan, format)
    if dropped:
        warnings.warn(_dropped_message(dropped), UnrepresentableWarning, stacklevel=2)
    write_atomic(path, data)


def _render(plan: Plan, format: FormatChoice) -> tuple[bytes, list[str]]:
    writer = _PlanWriter(plan, format_for(choose_format(plan, format)))
    writer.write()
    return writer.doc.to_bytes(), writer.dropped


def _dropped_message(dropped: list[str]) -> str:
    return "not written to the docx: " + "; ".join(dropped)


@attrs.define
class _Para:
    """One body paragraph before it is written: its runs, role and source line."""

    runs: tuple[Run, ...]
    role: Role
    line: int | None


def _join(label: str, text: str) -> str:
    if label and text:
        return f"{label} {text}"
    return label or text


def _para(text: str, role: Role, line: int | None) -> _Para:
    return _Para(((text, None, None),), role, line)


def _line(element: object) -> int | None:
    location = getattr(element, "location", None)
    return None if location is None else int(location.line)


class _PlanWriter:
    """Lays one plan out in a :class:`StyledDocument`."""

    def __init__(self, plan: Plan, fmt: OfficialFormat) -> None:
        self.plan = plan
        self.fmt = fmt
        self.doc = StyledDocument(fmt)
        self.dropped: list[str] = []

    def write(self) -> None:
        self._check()
        self._header()
        self._title()
        self._preamble()
        for para in self._body():
            if len(para.runs) == 1 and para.runs[0][1] is None and para.runs[0][2] is None:
                self.doc.add_paragraph(para.runs[0][0], para.role)
            else:
                self.doc.add_runs(para.runs, para.role)
        self._tail()
        self._core_properties()

    # -- what cannot be written -------------------------------------------------------

    def _check(self) -> None:
        plan = self.plan
        if plan.footnotes:
            self.dropped.append(f"{len(plan.footnotes)} footnote(s)")
        items = list(_all_items(plan))
        links = sum(1 for item in items if item.implements is not None)
        if links:
            self.dropped.append(f"{links} 'implements' link(s)")
        dues = sum(1 for item in items if item.due is not None)
        if dues:
            self.dropped.append(f"{dues} 'due' anchor(s)")
        dated = sum(1 for m in plan.milestones if m.starts_on or m.ends_on)
        if dated:
            self.dropped.append(f"the dates of {dated} milestone(s)")
        if plan.issued_on is not None and not plan.place:
            self.dropped.append("the issue date (a date line needs a place)")

    # -- header -----------------------------------------------------------------------

    def _header(self) -> None:
        fmt, plan, doc = self.fmt, self.plan, self.doc
        left_mm, right_mm = fmt.columns_mm
        table = doc.add_grid(2, 2, widths_mm=fmt.columns_mm)
        inner_left = left_mm - 2
        inner_right = right_mm - 2
        top_left, top_right = table.cell(0, 0), table.cell(0, 1)
        bottom_left, bottom_right = table.cell(1, 0), table.cell(1, 1)
        left: list[tuple[str, Role, bool | None]] = []
        if plan.superior_body:
            left.append((plan.superior_body.upper(), "header", False))
        issuer = plan.issuer.upper() if plan.issuer else ""
        left.append((issuer, "header", True))
        if fmt.issuer_mark == "star":
            left.append(("*", "header", None))
        doc.cell_lines(top_left, left)
        if fmt.issuer_mark == "rule" and issuer:
            width = doc.text_width(issuer, fmt.issuer_pt, bold=True)
            doc.add_rule(min(width, inner_left) * 0.4, within_mm=inner_left, container=top_left)
        if fmt.name == "party":
            doc.cell_lines(top_right, [(_PARTY_TITLE, "header", True)])
            top_right.paragraphs[0].runs[0].font.size = Pt(fmt.title_pt)
            width = doc.text_width(_PARTY_TITLE, fmt.title_pt, bold=True)
        else:
            doc.cell_lines(
                top_right, [(_STATE_TITLE, "header", True), (_STATE_MOTTO, "header", True)]
            )
            top_right.paragraphs[0].runs[0].font.size = Pt(fmt.title_pt)
            top_right.paragraphs[1].runs[0].font.size = Pt(fmt.motto_pt)
            width = doc.text_width(_STATE_MOTTO, fmt.motto_pt, bold=True)
        doc.add_rule(min(width, inner_right), within_mm=inner_right, container=top_right)
        number = self._number_line()
        doc.cell_lines(bottom_left, [(number, "header", None)])
        if number:
            bottom_left.paragraphs[0].runs[0].font.size = Pt(fmt.number_pt)
        date = self._date_line()
        doc.cell_lines(bottom_right, [(date, "header", None)])
        if date:
            run = bottom_right.paragraphs[0].runs[0]
            run.italic = True
            run.font.size = Pt(fmt.place_date_pt)
        for cell in (bottom_left, bottom_right):
            cell.paragraphs[0].paragraph_format.space_before = Pt(6)
        for fragment in plan.unparsed:
            if "header" in fragment.reason:
                doc.add_paragraph(fragment.text, "header", container=bottom_left)

    def _number_line(self) -> str:
        number = self.plan.number
        if number is None:
            return ""
        text = str(number)
        if text.lower().startswith("số"):
            return text
        return f"{self.fmt.number_prefix}{text}"

    def _date_line(self) -> str:
        plan = self.plan
        if not plan.place:
            return ""
        day = plan.issued_on
        if day is None:
            return f"{plan.place}, ngày … tháng … năm ……"
        month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
        return f"{plan.place}, ngày {day.day:02d} tháng {month} năm {day.year}"

    # -- title and preamble -----------------------------------------------------------

    def _title(self) -> None:
        fmt, plan, doc = self.fmt, self.plan, self.doc
        doc.add_paragraph(plan.kind, "kind")
        if plan.title:
            doc.add_paragraph(plan.title, "subject")
        if fmt.subject_mark == "dashes":
            rule = doc.add_paragraph("-----", "center")
        else:
            width = doc.text_width(plan.title or plan.kind, fmt.subject_pt, bold=True)
            text_mm = doc.text_width_mm
            rule = doc.add_text_rule(min(width, text_mm) * 0.4, fmt.subject_pt)
        rule.paragraph_format.space_after = Pt(12)

    def _preamble(self) -> None:
        plan, doc = self.plan, self.doc
        italic = self.fmt.name == "state"
        for item in plan.preamble:
            for each in item.walk():
                text = _join(each.label, each.text)
                based = italic and text.startswith("Căn cứ")
                doc.add_paragraph(text, "body", italic=True if based else None)
        if not plan.preamble:
            for index, basis in enumerate(plan.bases, 1):
                end = "." if index == len(plan.bases) else ";"
                text = basis.text.rstrip(";.")
                if not text.startswith(("Căn cứ", "Thực hiện")):
                    text = f"Căn cứ {text}"
                doc.add_paragraph(text + end, "body", italic=True if italic else None)

    # -- body -------------------------------------------------------------------------

    def _body(self) -> list[_Para]:
        located = self._located()
        if located is not None:
            return located
        return list(self._canonical())

    def _located(self) -> list[_Para] | None:
        """Every body paragraph in source order, or ``None`` when one has no location."""
        plan = self.plan
        paras: list[_Para] = []
        for section in plan.sections:
            if section.part in (Part.RECIPIENTS, Part.SIGNATURE, Part.HEADER, Part.TITLE):
                continue
            role: Role = "heading1" if section.level <= 1 else "heading2"
            paras.append(_para(_join(section.label, section.title), role, _line(section)))
        for note in plan.notes:
            if note.part not in (Part.HEADER, Part.PAGE):  # printed by the format, by Word
                paras.append(_para(note.text, "body", _line(note)))
        for group in (plan.purposes, plan.requirements, plan.standing_content, plan.closing):
            paras.extend(_items(group))
        for phase in plan.phases:
            paras.extend(_phase(phase, 1))
        for form in plan.forms:
            paras.extend(_form(form))
        for assignment in plan.assignments:
            paras.extend(_assignment(assignment, 1))
        for fragment in plan.unparsed:
            if not _elsewhere(fragment.reason):
                paras.append(_para(fragment.text, "body", _line(fragment)))
        if not paras or any(para.line is None for para in paras):
            return None
        paras.sort(key=lambda para: para.line or 0)
        return paras

    def _canonical(self) -> Iterator[_Para]:
        """The body in the usual order of the parts, standard headings where missing."""
        plan = self.plan
        top: dict[Part, list[SectionHeading]] = {part: [] for part in Part}
        second: dict[Part, list[SectionHeading]] = {part: [] for part in Part}
        for section in plan.sections:
            (top if section.level <= 1 else second)[section.part].append(section)
        skipped = [s for s in plan.sections if s.part not in (*_BODY_PARTS, Part.RECIPIENTS)] + [
            s for part in _BODY_PARTS for s in top[part][1:]
        ]
        if skipped:
            self.dropped.append(f"{len(skipped)} section heading(s) outside the body's parts")
        notes = {part: [n for n in plan.notes if n.part is part] for part in Part}
        stray = [n for n in plan.notes if n.part not in (*_BODY_PARTS, Part.HEADER)]
        if stray:
            self.dropped.append(f"{len(stray)} note(s) of parts outside the body")
        counter = 0

        def heading(part: Part, title: str) -> Iterator[_Para]:
            nonlocal counter
            counter += 1
            found = top[part][0] if top[part] else None
            if found is not None:
                yield _para(_join(found.label, found.title), "heading1", None)
            else:
                label = int_to_roman(counter) + self.fmt.section_label
                yield _para(f"{label} {title}", "heading1", None)

        def sub(part: Part, index: int, title: str) -> _Para:
            found = second[part][0] if second[part] else None
            if found is not None:
                return _para(_join(found.label, found.title), "heading2", None)
            return _para(f"{index}. {title}", "heading2", None)

        def notes_of(*parts: Part) -> Iterator[_Para]:
            for part in parts:
                for note in notes[part]:
                    yield _para(note.text, "body", None)

        if plan.purposes or plan.requirements or top[Part.PURPOSES]:
            yield from heading(Part.PURPOSES, "MỤC ĐÍCH, YÊU CẦU")
            yield from notes_of(Part.PURPOSES, Part.REQUIREMENTS)
            split = bool(plan.requirements) or bool(second[Part.REQUIREMENTS])
            if split and plan.purposes:
                yield sub(Part.PURPOSES, 1, "Mục đích")
            yield from _items(plan.purposes)
            if split:
                yield sub(Part.REQUIREMENTS, 2 if plan.purposes else 1, "Yêu cầu")
                yield from _items(plan.requirements)
        level2_forms = bool(second[Part.FORMS]) and not top[Part.FORMS]
        if plan.phases or plan.standing_content or top[Part.CONTENT] or notes[Part.CONTENT]:
            yield from heading(Part.CONTENT, "NỘI DUNG TUYÊN TRUYỀN")
            yield from notes_of(Part.CONTENT)
            for phase in plan.phases:
                yield from _phase(phase, 1)
            if plan.standing_content:
                yield sub(Part.CONTENT, len(plan.phases) + 1, "Nội dung tuyên truyền thường xuyên")
                yield from _items(plan.standing_content)
            if level2_forms:
                yield _para(_join(second[Part.FORMS][0].label, second[Part.FORMS][0].title),
                            "heading2", None)  # fmt: skip
                yield from notes_of(Part.FORMS)
                for form in plan.forms:
                    yield from _form(form)
        if not level2_forms and (plan.forms or top[Part.FORMS] or notes[Part.FORMS]):
            yield from heading(Part.FORMS, "HÌNH THỨC TUYÊN TRUYỀN")
            yield from notes_of(Part.FORMS)
            for form in plan.forms:
                yield from _form(form)
        if plan.assignments or top[Part.ASSIGNMENTS] or notes[Part.ASSIGNMENTS]:
            yield from heading(Part.ASSIGNMENTS, "TỔ CHỨC THỰC HIỆN")
            yield from notes_of(Part.ASSIGNMENTS)
            for assignment in plan.assignments:
                yield from _assignment(assignment, 1)
        for fragment in plan.unparsed:
            if not _elsewhere(fragment.reason):
                yield _para(fragment.text, "body", None)
        yield from _items(plan.closing)

    # -- tail -------------------------------------------------------------------------

    def _tail(self) -> None:
        fmt, plan, doc = self.fmt, self.plan, self.doc
        signature = plan.signature
        tail_fragments = [f for f in plan.unparsed if "recipients" in f.reason]
        has_signer = signature is not None and (
            signature.authority
            or signature.on_behalf_of
            or signature.deputy_authority
            or signature.deputy_for
            or signature.title
            or signature.signer
        )
        if plan.recipients or has_signer or tail_fragments:
            left_mm = fmt.columns_mm[0] + 5
            table = doc.add_grid(1, 2, widths_mm=(left_mm, doc.text_width_mm - left_mm))
            left, right = table.cell(0, 0), table.cell(0, 1)
            lines: list[tuple[str, Role, bool | None]] = []
            if plan.recipients:
                label = next(
                    (s.title for s in plan.sections if s.part is Part.RECIPIENTS and s.title),
                    "Nơi nhận:",
                )
                lines.append((label, "recipients_label", None))
                lines.extend((r.text, "recipient", None) for r in plan.recipients)
            signing = list(self._signature_lines())
            # Text the reader could not place in the tail goes back where it was read: after
            # the recipients, or after the signature when there are none.
            strays: list[tuple[str, Role, bool | None]] = [
                (f.text, "recipient", None) for f in tail_fragments
            ]
            if plan.recipients:
                lines.extend(strays)
            else:
                signing.extend((text, "signature", False) for text, _, _ in strays)
            doc.cell_lines(left, lines or [("", "recipient", None)])
            doc.cell_lines(right, signing or [("", "signature", None)])
            for cell in (left, right):
                cell.paragraphs[0].paragraph_format.space_before = Pt(12)
        if signature is not None and signature.digital is not None and signature.digital.text:
            doc.add_paragraph("", "small")
            for text in signature.digital.text.split("\n"):
                doc.add_paragraph(text, "small")

    def _signature_lines(self) -> Iterator[tuple[str, Role, bool | None]]:
        signature = self.plan.signature
        if signature is None:
            return
        head = " ".join(p for p in (signature.authority, signature.on_behalf_of) if p)
        if head:
            yield head, "signature", None
        # the second tier (``KT. CHỦ TỊCH`` under ``TM. ỦY BAN NHÂN DÂN``): bold caps too
        deputy = " ".join(p for p in (signature.deputy_authority, signature.deputy_for) if p)
        if deputy:
            yield deputy, "signature", None
        if signature.title:
            yield signature.title, "signature", self.fmt.signer_title_bold
        if signature.signer:
            for _ in range(self.fmt.signature_gap_lines):
                yield "", "signature", None
            yield signature.signer, "signature", None

    def _core_properties(self) -> None:
        props = self.doc.document.core_properties
        props.title = (self.plan.title or self.plan.kind)[:255]
        props.subject = self.plan.kind
        props.author = (self.plan.issuer or "")[:255]
        props.last_modified_by = "kehoach_core"
        props.language = "vi-VN"
        props.comments = ""
        props.keywords = ""
        props.category = ""


def _elsewhere(reason: str) -> bool:
    """True for fragments that belong in the header or the tail, not the body."""
    return "header" in reason or "recipients" in reason


def _all_items(plan: Plan) -> Iterator[ContentItem]:
    groups: list[Iterable[ContentItem]] = [
        plan.preamble, plan.purposes, plan.requirements, plan.standing_content, plan.closing,
    ]  # fmt: skip
    groups.extend(phase.content for phase in plan.all_phases())
    groups.extend(form.content for form in plan.forms)
    groups.extend(assignment.tasks for assignment in plan.all_assignments())
    for group in groups:
        for item in group:
            yield from item.walk()


def _items(items: Iterable[ContentItem]) -> Iterator[_Para]:
    for item in items:
        for each in item.walk():
            yield _para(_join(each.label, each.text), "body", _line(each))


def _phase(phase: Phase, depth: int) -> Iterator[_Para]:
    content = list(phase.content)
    role: Role = "heading2" if depth <= 1 else "heading3"
    if phase.heading:
        yield _para(_join(phase.label, phase.heading), role, _line(phase))
    elif content and not content[0].label and not content[0].children and phase.label:
        # A "Thứ nhất, ..." sub-phase whose one statement shares its line.
        first = content.pop(0)
        yield _para(_join(phase.label, first.text), "body", _line(phase))
    elif phase.label:
        yield _para(phase.label, role, _line(phase))
    yield from _items(content)
    for sub in phase.subphases:
        yield from _phase(sub, depth + 1)


def _form(form: Form) -> Iterator[_Para]:
    role: Role = "heading2" if form.content else "body"
    text = _join(form.label, form.title)
    if text:
        yield _para(text, role, _line(form))
    yield from _items(form.content)


def _assignment(assignment: Assignment, depth: int) -> Iterator[_Para]:
    tasks = list(assignment.tasks)
    heading = assignment.heading
    line = _line(assignment)
    role: Role = "heading2" if depth <= 1 else "heading3"
    glued = (
        tasks
        and not tasks[0].label
        and not tasks[0].children
        and heading.endswith(tasks[0].text)
        and len(heading) > len(tasks[0].text)
        and (
            tasks[0].location is None
            or assignment.location is None
            or assignment.location.line
            <= tasks[0].location.line
            <= (assignment.location.end_line or assignment.location.line)
        )
    )
    if glued:
        task = tasks.pop(0)
        head = heading[: len(heading) - len(task.text)].rstrip()
        runs: tuple[Run, ...] = (
            (_join(assignment.label, head) + " ", True, False),
            (task.text, False, False),
        )
        yield _Para(runs, "body", line)
    elif heading or assignment.label:
        yield _para(_join(assignment.label, heading), role, line)
    yield from _items(tasks)
    for child in assignment.children:
        yield from _assignment(child, depth + 1)
