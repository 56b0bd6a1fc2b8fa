"""Names a reader recognises for the parts of a plan, in Vietnamese or English.

Reports never show an internal id (``phase2/3``) or a JSON path
(``$.phases[1].content[2].text``): :func:`element_name` turns an element id
into *Đợt 2, mục 3*, :func:`path_name` a path of a diff into the same kind of
name (with the field when it is not the text itself, *Đợt 2 (thời gian)*), and
:func:`plan_name` names a plan by its kind, number, date and issuer.

>>> element_name("phase2/3")
'Đợt 2, mục 3'
>>> element_name("assignment2/2", lang="en")
'Implementation, part 2, task 2'
>>> path_name(("phases", 0, "subphases", 1, "content", 2, "children", 0, "text"))
'Đợt 1, phần 2, mục 3, ý 1'
>>> path_name(("recipients", 3))
'Nơi nhận, mục 4'
>>> path_name(("issued_on",), lang="en")
'Date of issue'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any, Literal

__all__ = ["Lang", "element_name", "path_name", "plan_name", "word"]

Lang = Literal["vi", "en"]

_WORDS: dict[str, tuple[str, str]] = {
    # element kinds
    "phase": ("Đợt", "Phase"),
    "subphase": ("phần", "part"),
    "item": ("mục", "item"),
    "point": ("ý", "point"),
    "purposes": ("Mục đích", "Purposes"),
    "requirements": ("Yêu cầu", "Requirements"),
    "standing": ("Nội dung thường xuyên", "Standing content"),
    "preamble": ("Phần mở đầu", "Opening"),
    "closing": ("Phần kết", "Closing"),
    "paragraph": ("đoạn", "paragraph"),
    "form": ("Hình thức", "Form"),
    "assignment": ("Tổ chức thực hiện", "Implementation"),
    "assignment_part": ("mục", "part"),
    "task": ("nhiệm vụ", "task"),
    "basis": ("Căn cứ", "Basis"),
    "milestone": ("Mốc thời gian", "Milestone"),
    "anniversary": ("Ngày kỷ niệm", "Anniversary"),
    "recipient": ("Nơi nhận", "Recipients"),
    "footnote": ("Chú thích", "Footnote"),
    "section": ("Đề mục", "Heading"),
    "note": ("Ghi chú", "Note"),
    "unparsed": ("Đoạn chưa phân tích", "Unparsed passage"),
    "signature": ("Chữ ký", "Signature"),
    "page": ("Yếu tố trang", "Page furniture"),
    # plan fields
    "issuer": ("Cơ quan ban hành", "Issuer"),
    "superior_body": ("Cơ quan cấp trên", "Superior body"),
    "number": ("Số, ký hiệu", "Number"),
    "place": ("Địa danh", "Place"),
    "issued_on": ("Ngày ban hành", "Date of issue"),
    "style": ("Thể thức", "Format"),
    "kind": ("Tên loại văn bản", "Document kind"),
    "title": ("Trích yếu", "Title"),
    "bases": ("Căn cứ", "Bases"),
    "milestones": ("Mốc thời gian", "Milestones"),
    "anniversaries": ("Ngày kỷ niệm", "Anniversaries"),
    "phases": ("Các đợt", "Phases"),
    "standing_content": ("Nội dung thường xuyên", "Standing content"),
    "forms": ("Hình thức", "Forms"),
    "assignments": ("Tổ chức thực hiện", "Implementation"),
    "recipients": ("Nơi nhận", "Recipients"),
    "footnotes": ("Chú thích", "Footnotes"),
    "sections": ("Đề mục", "Headings"),
    "notes": ("Ghi chú", "Notes"),
    # fields inside an element (shown in brackets)
    "f:heading": ("tiêu đề", "heading"),
    "f:label": ("số thứ tự", "label"),
    "f:window": ("thời gian", "dates"),
    "f:due": ("thời hạn", "deadline"),
    "f:bodies": ("cơ quan thực hiện", "bodies"),
    "f:role": ("vai trò", "role"),
    "f:title": ("tên", "title"),
    "f:kind": ("loại", "kind"),
    "f:also": ("loại", "kind"),
    "f:name": ("tên", "name"),
    "f:purpose": ("mục đích gửi", "purpose"),
    "f:date": ("ngày", "date"),
    "f:ordinal": ("số thứ tự", "number"),
    "f:signer": ("người ký", "signer"),
    "f:authority": ("thẩm quyền ký", "authority"),
    "f:marker": ("ký hiệu", "marker"),
    # kinds of form
    "form:mass_media": ("Báo chí, phát thanh, truyền hình", "Press, radio and television"),
    "form:internet": ("Trang thông tin điện tử, mạng xã hội", "Websites and social media"),
    "form:oral": ("Tuyên truyền miệng", "Oral propaganda"),
    "form:visual": ("Cổ động trực quan", "Visual propaganda"),
    "form:culture": ("Văn hóa, văn nghệ, thể thao", "Culture, arts and sport"),
    "form:publication": ("Ấn phẩm", "Publications"),
    "form:contest": ("Cuộc thi, hội thi", "Contests"),
    "form:emulation": ("Phong trào thi đua", "Emulation movements"),
    "form:seminar": ("Hội thảo, tọa đàm", "Seminars"),
    "form:other": ("Hình thức khác", "Other forms"),
    # plans
    "plan": ("Kế hoạch", "Plan"),
    "no": ("số", "no."),
    "dated": ("ngày", "of"),
    "of": ("của", "by"),
}


def word(key: str, lang: Lang = "vi") -> str:
    """The fixed word ``key`` in ``lang`` (the key itself when unknown)."""
    pair = _WORDS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "vi" else pair[1]


_ID = re.compile(
    r"^(?P<kind>phase|purposes|requirements|standing|preamble|closing|form|assignment|basis|"
    r"milestone|anniversary|recipient|footnote|section|note|unparsed)"
    r"(?P<number>[0-9.]*)(?:/(?P<item>[0-9.]+))?$"
)
_LISTS = ("purposes", "requirements", "standing", "preamble", "closing")


def _points(numbers: str, lang: Lang, first: str) -> list[str]:
    """``"3.1.2"`` → ``["mục 3", "ý 1.2"]`` (``first`` names the top level)."""
    head, _, rest = numbers.partition(".")
    parts = [f"{word(first, lang)} {head}"]
    if rest:
        parts.append(f"{word('point', lang)} {rest}")
    return parts


def element_name(element_id: str, lang: Lang = "vi") -> str:
    """A name for the element ``element_id`` (see :mod:`kehoach_core._ids`).

    An id that does not follow the scheme is returned as a neutral word
    (*phần khác* / *other part*) rather than shown raw.
    """
    match = _ID.match(element_id or "")
    if match is None:
        return "phần khác" if lang == "vi" else "other part"
    kind, number, item = match["kind"], match["number"], match["item"]
    if kind in _LISTS:
        if not item:
            return word(kind, lang)
        unit = "paragraph" if kind in ("preamble", "closing") else "point"
        head, _, rest = item.partition(".")
        parts = [word(kind, lang), f"{word(unit, lang)} {head}"]
        if rest:
            parts.append(f"{word('point', lang)} {rest}")
        return ", ".join(parts)
    if kind == "phase":
        top, _, sub = number.partition(".")
        parts = [f"{word('phase', lang)} {top}"]
        if sub:
            parts.append(f"{word('subphase', lang)} {sub}")
        if item:
            parts += _points(item, lang, "item")
        return ", ".join(parts)
    if kind == "form":
        parts = [f"{word('form', lang)} {number}"]
        if item:
            parts += _points(item, lang, "point")
        return ", ".join(parts)
    if kind == "assignment":
        parts = [word("assignment", lang), f"{word('assignment_part', lang)} {number}"]
        if item:
            parts += _points(item, lang, "task")
        return ", ".join(parts)
    if kind == "recipient":
        return f"{word('recipient', lang)}, {word('item', lang)} {number}"
    return f"{word(kind, lang)} {number}".strip()


_PATH_KINDS = {
    "purposes": "purposes",
    "requirements": "requirements",
    "standing_content": "standing",
    "preamble": "preamble",
    "closing": "closing",
    "bases": "basis",
    "milestones": "milestone",
    "anniversaries": "anniversary",
    "recipients": "recipient",
    "footnotes": "footnote",
    "sections": "section",
    "notes": "note",
    "unparsed": "unparsed",
}


def _id_of(path: Sequence[str | int]) -> tuple[str, int]:
    """The element id a diff path points into, and how many steps of the path it used."""
    if not path or not isinstance(path[0], str):
        return "", 0
    head = path[0]
    steps = list(path)

    def number_at(i: int) -> int | None:
        step = steps[i] if i < len(steps) else None
        return step + 1 if isinstance(step, int) else None

    def nested(i: int, key: str) -> tuple[str, int]:
        """``.2.1`` for ``key, 1, key, 0`` from step ``i``."""
        out = ""
        while i + 1 < len(steps) and steps[i] == key and isinstance(steps[i + 1], int):
            out += f".{int(steps[i + 1]) + 1}"
            i += 2
        return out, i

    def items(prefix: str, i: int) -> tuple[str, int]:
        """``prefix/3.1`` for ``content, 2, children, 0`` from step ``i``."""
        if i + 1 < len(steps) and isinstance(steps[i + 1], int):
            first = int(steps[i + 1]) + 1
            more, j = nested(i + 2, "children")
            return f"{prefix}/{first}{more}", j
        return prefix, i

    if head in _PATH_KINDS:
        kind = _PATH_KINDS[head]
        n = number_at(1)
        if n is None:
            return "", 0
        if kind in _LISTS:
            more, j = nested(2, "children")
            return f"{kind}/{n}{more}", j
        return f"{kind}{n}", 2
    if head == "phases" and number_at(1) is not None:
        sub, i = nested(2, "subphases")
        base = f"phase{number_at(1)}{sub}"
        if i < len(steps) and steps[i] == "content":
            return items(base, i)
        return base, i
    if head == "forms" and number_at(1) is not None:
        base = f"form{number_at(1)}"
        if len(steps) > 2 and steps[2] == "content":
            return items(base, 2)
        return base, 2
    if head == "assignments" and number_at(1) is not None:
        sub, i = nested(2, "children")
        base = f"assignment{number_at(1)}{sub}"
        if i < len(steps) and steps[i] == "tasks":
            return items(base, i)
        return base, i
    return "", 0


def path_name(path: Sequence[str | int], lang: Lang = "vi") -> str:
    """A name for the place a diff path points at: the element, then the field in brackets.

    The field is left out when it is the element's text (``text``) or not one
    a reader would know.
    """
    element, used = _id_of(path)
    rest = [step for step in path[used:] if isinstance(step, str)]
    if element:
        name = element_name(element, lang)
    elif path and isinstance(path[0], str):
        name = word(path[0], lang) if path[0] in _WORDS else word("page", lang)
        rest = [step for step in path[1:] if isinstance(step, str)]
    else:
        name = word("plan", lang)
    field = rest[0] if rest else ""
    if field and f"f:{field}" in _WORDS:
        name += f" ({word('f:' + field, lang)})"
    return name


def _date(value: dt.date | None, lang: Lang) -> str:
    if value is None:
        return ""
    if lang == "vi":
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return value.isoformat()


def plan_name(plan: Any, lang: Lang = "vi") -> str:
    """``Kế hoạch số 12-KH/ĐU ngày 05/03/2025 của Đảng ủy xã Kiên Mộc``.

    Parts the plan lacks are left out; a plan with no issuer, number or date is
    named by its title, or as *Kế hoạch*.
    """
    kind = str(getattr(plan, "kind", "") or "").strip()
    head = kind.capitalize() if kind and kind.isupper() else (kind or word("plan", lang))
    if lang == "en":
        head = word("plan", lang)
    parts = [head]
    number = getattr(plan, "number", None)
    if number:
        parts.append(f"{word('no', lang)} {number}")
    issued = getattr(plan, "issued_on", None)
    if issued:
        parts.append(f"{word('dated', lang)} {_date(issued, lang)}")
    issuer = getattr(plan, "issuer", None)
    if issuer:
        parts.append(f"{word('of', lang)} {issuer}")
    if len(parts) == 1:
        title = getattr(plan, "title", None)
        if title:
            return f"{head} {('về ' if lang == 'vi' else 'on ')}{title}"
    return " ".join(parts)
