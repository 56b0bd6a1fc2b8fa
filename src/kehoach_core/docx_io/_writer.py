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

Footnotes are Word footnotes: a footnotes part, and a ``w:footnoteReference``
where the marker was glued to a word of the element holding it.

A clerk signs the printed file, so the tail stays in one piece: the closing
paragraphs keep with the recipients and signature table (``keepNext``), the
table's row does not break across pages (``cantSplit``), and the table keeps
with the digital-signature stamp. A missing number, date, place or issuer is
printed as the blank an office leaves to fill by hand (``Số      -KH/ĐU``,
``…, ngày    tháng    năm 20…``); the issuing bodies are typed in their own
case and shown in capitals by formatting (``w:caps``), and a place name in
them is not broken across lines (non-breaking spaces).

Writing in the other format than the plan's own converts its conventions
(number form, authority markers, archive line: :mod:`._convert`).

Not representable (a :class:`UnrepresentableWarning` names what was left out):
footnotes whose marker is not glued to a word of an element; ``implements``
links and ``due`` anchors of items; milestone dates from a schedule; notes and
section headings of parts outside the body when the canonical order is used.
Derived fields (form kinds, assignment bodies and roles, recipient purposes,
phase windows, citations, milestones, anniversaries, ids) are not written as
such: a reader derives them again from the wording.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import warnings
from collections.abc import Iterable, Iterator
from typing import Any, Literal

import attrs
from docx.shared import Pt

from .._atomic import write_atomic
from .._elements import ContentItem, Part, SectionHeading
from .._errors import InputError
from .._model import Assignment, Form, Phase, Plan
from .._numbers import DocumentNumber, NumberStyle, int_to_roman
from ._convert import PLACE_LEVELS, convert_format, issuer_code
from ._formats import FormatName, OfficialFormat, format_for
from ._styles import Role, Run, StyledDocument
from ._write_oxml import add_footnote_reference, add_footnotes_part, keep_row_together

__all__ = ["UnrepresentableWarning", "choose_format", "to_docx", "write_docx"]

FormatChoice = Literal["party", "state", "auto"]

_PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
_STATE_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_STATE_MOTTO = "Độc lập - Tự do - Hạnh phúc"
_BODY_PARTS = (Part.PURPOSES, Part.REQUIREMENTS, Part.CONTENT, Part.FORMS, Part.ASSIGNMENTS)


# Kind codes for a blank number (FORMATS §1 Phụ lục III, §2 Party abbreviations).
_KIND_CODES = {"KẾ HOẠCH": "KH", "CHƯƠNG TRÌNH": "CTr", "BÁO CÁO": "BC", "HƯỚNG DẪN": "HD"}


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
        raise InputError(f"unknown format {format!r}: expected 'party', 'state' or 'auto'")
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
    name = choose_format(plan, format)
    writer = _PlanWriter(convert_format(plan, name), format_for(name))
    writer.write()
    return writer.doc.to_bytes(), writer.dropped


def _dropped_message(dropped: list[str]) -> str:
    return "not written to the docx: " + "; ".join(dropped)


@attrs.define
class _Para:
    """One body paragraph before it is written: its runs, role and source line.

    ``element`` is the id of the item whose text the paragraph prints (a
    footnote's reference goes in it); ``closing`` marks the closing paragraphs,
    kept on the page of the signature.
    """

    runs: tuple[Run, ...]
    role: Role
    line: int | None
    element: str | None = None
    closing: bool = False
    note: bool = False
    labelled: tuple[str, str] | None = None  # a phase heading: (label, heading)


_NBSP = "\u00a0"
_BLANK_ISSUER = "…………………………"
_PLACE_RE = re.compile(r"\b(?:" + "|".join(PLACE_LEVELS) + r")\s", re.IGNORECASE)
# Words that end a place name: an ordinal, a term, a conjunction (``TỈNH LẠNG SƠN LẦN THỨ``).
_NOT_PLACE = frozenset(("LẦN", "KHÓA", "KHOÁ", "NHIỆM", "VÀ", "-", "–", "NĂM"))


def _unbroken_place(name: str) -> str:
    """``name`` with non-breaking spaces inside its place name (``XÃ HOÀNG VĂN THỤ``).

    A place name is a level word (:data:`~._convert.PLACE_LEVELS`) and up to
    four words after it, up to an ordinal or a conjunction.

    >>> _unbroken_place("Đảng ủy xã Hoàng Văn Thụ").split(" ")
    ['Đảng', 'ủy', 'xã\xa0Hoàng\xa0Văn\xa0Thụ']
    >>> _unbroken_place("Đảng bộ tỉnh Lạng Sơn lần thứ XVIII").split(" ")
    ['Đảng', 'bộ', 'tỉnh\xa0Lạng\xa0Sơn', 'lần', 'thứ', 'XVIII']
    """
    found = _PLACE_RE.search(name)
    if found is None:
        return name
    head, words = name[: found.start()], name[found.start() :].split(" ")
    level = len(found.group(0).split())
    end = level
    while end < len(words) and end < level + 4 and words[end].upper() not in _NOT_PLACE:
        end += 1
    bound = _NBSP.join(words[:end])
    return head + " ".join([bound, *words[end:]])


def _join(label: str, text: str) -> str:
    if label and text:
        return f"{label} {text}"
    return label or text


def _para(text: str, role: Role, line: int | None, element: str | None = None) -> _Para:
    return _Para(((text, None, None),), role, line, element)


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
        self.footnotes: list[str] = []

    def write(self) -> None:
        self._check()
        self._header()
        self._title()
        self._preamble()
        body = self._body()
        notes = self._footnote_places(body)
        written = []
        for para in body:
            spots = notes.get(para.element or "", [])
            if spots:
                paragraph = self._with_references(para, spots)
            elif len(para.runs) == 1 and para.runs[0][1] is None and para.runs[0][2] is None:
                paragraph = self.doc.add_paragraph(para.runs[0][0], para.role)
            else:
                paragraph = self.doc.add_runs(para.runs, para.role)
            written.append((para, paragraph))
        # The closing stays on the page of the signature: its paragraphs keep with the next,
        # and so does the body's last paragraph when there is no closing.
        closing = [paragraph for para, paragraph in written if para.closing]
        if not closing and written:
            closing = [written[-1][1]]
        for paragraph in closing:
            paragraph.paragraph_format.keep_with_next = True
        self._tail()
        self._after_signature()
        if self.footnotes:
            add_footnotes_part(self.doc.document, self.footnotes, self.doc.style_id("footnote"))
        self._core_properties()

    # -- footnotes --------------------------------------------------------------------

    def _footnote_places(self, body: list[_Para]) -> dict[str, list[tuple[int, int, int]]]:
        """Where each footnote's reference goes: element id → (offset, marker length, number)."""
        texts = {para.element: "".join(run[0] for run in para.runs) for para in body}
        places: dict[str, list[tuple[int, int, int]]] = {}
        for footnote in self.plan.footnotes:
            text = texts.get(footnote.element) if footnote.element else None
            glued = re.compile(rf"(?<=[^\W\d_]){re.escape(footnote.marker)}(?!\d)")
            taken = {at for at, _, _ in places.get(footnote.element or "", [])}
            found = None
            if text is not None:
                found = next((m for m in glued.finditer(text) if m.start() not in taken), None)
            if footnote.element is None or found is None:
                where = "has no element" if footnote.element is None else "is not in its text"
                self.dropped.append(f"footnote {footnote.marker!r} (its marker {where})")
                continue
            self.footnotes.append(footnote.text)
            spot = (found.start(), len(footnote.marker), len(self.footnotes))
            places.setdefault(footnote.element, []).append(spot)
        return places

    def _with_references(self, para: _Para, spots: list[tuple[int, int, int]]) -> Any:
        """The paragraph's runs with footnote references in place of the glued markers."""
        paragraph = self.doc.add_paragraph("", para.role)
        offset = 0
        for text, bold, italic in para.runs:
            pieces: list[str | int] = []
            start = 0
            for at, length, number in sorted(spots):
                if offset <= at < offset + len(text):
                    pieces.append(text[start : at - offset])
                    pieces.append(number)
                    start = at - offset + length
            pieces.append(text[start:])
            for piece in pieces:
                if isinstance(piece, int):
                    add_footnote_reference(paragraph, piece)
                elif piece:
                    run = paragraph.add_run(piece)
                    if bold is not None:
                        run.bold = bold
                    if italic is not None:
                        run.italic = italic
            offset += len(text)
        return paragraph

    # -- what cannot be written -------------------------------------------------------

    def _check(self) -> None:
        plan = self.plan
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
            left.append((_unbroken_place(plan.superior_body), "header", False))
        # A missing issuer is a blank to fill in by hand, with its mark under it as usual.
        issuer = _unbroken_place(plan.issuer) if plan.issuer else _BLANK_ISSUER
        left.append((issuer, "header", True))
        if fmt.issuer_mark == "star":
            left.append(("*", "header", None))
        doc.cell_lines(top_left, left)
        # Names are typed in their own case and printed in capitals by formatting.
        for paragraph in top_left.paragraphs[: 2 if plan.superior_body else 1]:
            for run in paragraph.runs:
                run.font.all_caps = True
        if fmt.issuer_mark == "rule":
            width = doc.text_width(issuer.upper(), fmt.issuer_pt, bold=True)
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
        run = bottom_right.paragraphs[0].runs[0]
        run.italic = True
        run.font.size = Pt(fmt.place_date_pt)
        for cell in (bottom_left, bottom_right):
            cell.paragraphs[0].paragraph_format.space_before = Pt(6)
        for fragment in plan.unparsed:
            if "header" in fragment.reason:
                doc.add_paragraph(fragment.text, "header", container=bottom_left)

    def _number_line(self) -> str:
        """The number, or the blank an office leaves for it (``Số      -KH/ĐU``)."""
        number = self.plan.number
        kept = (f.text for f in self.plan.unparsed if "header" in f.reason)
        if number is None and any(text[:2].lower() == "số" for text in kept):
            return ""  # the plan's own unread number line is printed under it instead
        if number is None:
            # Without an issuer the superior body is the one a reader takes as the issuer.
            code = issuer_code(self.plan.issuer or self.plan.superior_body) or "…"
            kind = _KIND_CODES.get(self.plan.kind.upper(), "KH")
            if self.fmt.name == "party":
                return f"{self.fmt.number_prefix}     -{kind}/{code}"
            return f"{self.fmt.number_prefix}     /{kind}-{code}"
        text = str(number)
        if text.lower().startswith("số"):
            return text
        return f"{self.fmt.number_prefix}{text}"

    def _date_line(self) -> str:
        """Place and date; what is missing is left blank (``…, ngày    tháng    năm 20…``)."""
        plan = self.plan
        place = plan.place or "…"
        day = plan.issued_on
        if day is None:
            return f"{place}, ngày    tháng    năm 20…"
        month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
        return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"

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
            # the header's notes are printed by the format, page numbers by Word, and what
            # follows the signature (annexes) after it
            if note.part not in (Part.HEADER, Part.PAGE, Part.SIGNATURE):
                paras.append(attrs.evolve(_para(note.text, "body", _line(note)), note=True))
        for group in (plan.purposes, plan.requirements, plan.standing_content):
            paras.extend(_items(group))
        paras.extend(_items(plan.closing, closing=True))
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
        return _rejoin_labels(paras)

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
        kept = (*_BODY_PARTS, Part.HEADER, Part.PAGE, Part.SIGNATURE)
        stray = [n for n in plan.notes if n.part not in kept]
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
        yield from _items(plan.closing, closing=True)

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
            # One piece on one page: the row does not break, and (every paragraph of it
            # keeping with the next) the table keeps with the stamp below it.
            keep_row_together(table.rows[0])
            stamped = signature is not None and bool(signature.digital and signature.digital.text)
            for cell in (left, right):
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_together = True
                    if stamped:
                        paragraph.paragraph_format.keep_with_next = True
        if signature is not None and signature.digital is not None and signature.digital.text:
            stamp = [doc.add_paragraph("", "small")]
            for text in signature.digital.text.split("\n"):
                stamp.append(doc.add_paragraph(text, "small"))
            for paragraph in stamp[:-1]:
                paragraph.paragraph_format.keep_with_next = True

    def _after_signature(self) -> None:
        """What a plan holds after its signature (annexes: *Phụ lục*), as the reader kept it."""
        notes = [note for note in self.plan.notes if note.part is Part.SIGNATURE]
        if not notes:
            return
        notes.sort(key=lambda note: _line(note) or 0)
        self.doc.add_paragraph("", "body")
        for note in notes:
            self.doc.add_paragraph(note.text, "body")

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
        """Title, author (the issuer), dates (the issue date, else now), no template leftovers."""
        plan = self.plan
        props = self.doc.document.core_properties
        props.title = (plan.title or plan.kind)[:255]
        props.subject = plan.kind
        props.author = (plan.issuer or "")[:255]
        props.last_modified_by = (plan.issuer or "kehoach_core")[:255]
        props.language = "vi-VN"
        props.comments = ""
        props.keywords = str(plan.number or "")[:255]
        props.category = ""
        props.revision = 1
        if plan.issued_on is not None:
            when = dt.datetime(plan.issued_on.year, plan.issued_on.month, plan.issued_on.day)
        else:
            when = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        props.created = when
        props.modified = when


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


def _items(items: Iterable[ContentItem], *, closing: bool = False) -> Iterator[_Para]:
    for item in items:
        for each in item.walk():
            text = _join(each.label, each.text)
            yield _Para(((text, None, None),), "body", _line(each), each.id or None, closing)


def _rejoin_labels(paras: list[_Para]) -> list[_Para]:
    """Put a phase's lead-in back on its line: ``Đợt 01 dự kiến: Cao điểm ...``.

    A reader that takes ``Đợt 01`` as the label of the phase keeps the rest of
    the lead-in (``Đợt 01 dự kiến``) as a note read on the same line; printed
    as a paragraph of its own, that note would be read as one more phase.
    """
    out: list[_Para] = []
    for para in paras:
        before = out[-1] if out else None
        if (
            before is not None
            and before.note
            and para.labelled is not None
            and para.labelled[0]
            and before.line == para.line
            and before.runs[0][0].startswith(para.labelled[0])
        ):
            lead = before.runs[0][0]
            para.runs = ((f"{lead}: {para.labelled[1]}", None, None),)
            out[-1] = para
            continue
        out.append(para)
    return out


def _phase(phase: Phase, depth: int) -> Iterator[_Para]:
    content = list(phase.content)
    role: Role = "heading2" if depth <= 1 else "heading3"
    if phase.heading:
        para = _para(_join(phase.label, phase.heading), role, _line(phase))
        para.labelled = (phase.label, phase.heading)
        yield para
    elif content and not content[0].label and not content[0].children and phase.label:
        # A "Thứ nhất, ..." sub-phase whose one statement shares its line.
        first = content.pop(0)
        yield _para(_join(phase.label, first.text), "body", _line(phase), first.id or None)
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
        yield _Para(runs, "body", line, task.id or None)
    elif heading or assignment.label:
        yield _para(_join(assignment.label, heading), role, line)
    yield from _items(tasks)
    for child in assignment.children:
        yield from _assignment(child, depth + 1)
