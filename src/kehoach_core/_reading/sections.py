"""Map the outline's top sections onto the parts of a plan.

Top sections are recognised by their titles, whatever their numbering or case,
through one table of title patterns (:data:`SECTION_TITLES`, first match wins):

* *Tổ chức thực hiện*, *Phân công nhiệm vụ*, *Trách nhiệm thực hiện*, *Thời
  gian và trách nhiệm thực hiện*: assignments (not *giải pháp tổ chức thực
  hiện*, the means of carrying a plan out);
* *Mục đích, yêu cầu*, *Mục tiêu*, *Quan điểm*: purposes;
* *Nội dung*, *Lộ trình*, *Thời gian*, *Nhiệm vụ*, *Giải pháp*, *Kinh phí*,
  *Khẩu hiệu* (slogans), *Đối tượng*, *Phạm vi*, *Tiêu chí*, *Khen thưởng*:
  content;
* *Hình thức*, *Phương thức* (not *hình thức khen thưởng*, a kind of award): forms.

A Roman-numbered section the table does not know (a budget plan's *Tình hình
thực hiện ...*, *Dự báo ...*) is read as content too: other kinds of plan are
read fully, their items standing content, never left unparsed.

Inside them, level-2 headings are recorded too (``1. Mục đích``, ``2. Yêu cầu``,
``1. Nội dung tuyên truyền thường xuyên``, ``2. Hình thức tuyên truyền``); a
level-2 heading naming another part is read as that part (``2. Hình thức``
inside *Nội dung, hình thức*; ``1. Thời gian thực hiện`` and ``2. Trách nhiệm
thực hiện`` inside *Thời gian và trách nhiệm thực hiện*).

Where things go:

* one heading *Mục đích, yêu cầu*: its items are purposes; *Mục tiêu* and
  *Chỉ tiêu* are purposes only in a plan with no *Mục đích* (elsewhere they are
  targets: standing content);
* *Đợt N* (*Giai đoạn N*, *Bước N*) headings or items, at any depth: phases
  (what introduces them is kept as notes); *... thường xuyên*: standing content;
* a *Thời gian ...* subsection (``3 . Thời gian tuyên truyền``): its items are
  notes of the content part (they state timing, not content), unless it lays
  out the phases;
* prose introducing a section's items (*Nội dung tuyên truyền chia thành 03
  đợt ...*): notes; prose that is the section's whole content: standing content;
* in the assignments, a bullet or paragraph naming a body (or *Đề nghị ...*) is
  an assignment; other prose is a note;
* trailing paragraphs of the body opening with *Đề nghị*, *Trên đây*, *Đồng
  thời*, *Yêu cầu*, *Trong quá trình* (or ending ``./.``): the closing;
* text outside any section: unparsed fragments.
"""

from __future__ import annotations

import re

import attrs

from .._elements import ContentItem, Note, Part
from .._model import Assignment, Form, Phase
from .assignments import build_assignment, names_body
from .context import Context, item, items
from .forms import build_form
from .outline import HEADING_FORMATS, Node
from .phases import build_phase, is_phase
from .vocab import fold, starts_with_any

__all__ = ["SECTION_TITLES", "Body", "classify", "map_body"]

_CLOSING_OPENERS = ("đề nghị", "trên đây", "đồng thời", "yêu cầu", "trong quá trình", "nhận được")

SECTION_TITLES: tuple[tuple[re.Pattern[str], Part], ...] = tuple(
    (re.compile(pattern), part)
    for pattern, part in (
        (
            r"(?<!giải pháp )(?<!biện pháp )tổ chức thực hiện|phân công|trách nhiệm",
            Part.ASSIGNMENTS,
        ),
        (r"mục đích|^(?:yêu cầu|mục tiêu|quan điểm)", Part.PURPOSES),
        (
            r"nội dung|lộ trình|thời gian|các đợt|tiến độ|nhiệm vụ|giải pháp|kinh phí|khẩu hiệu"
            r"|đối tượng|phạm vi|tiêu chí|khen thưởng|hoạt động",
            Part.CONTENT,
        ),
        (r"hình thức|phương thức", Part.FORMS),
    )
)
"""Title patterns of top sections (matched on the folded title) and the part each names."""

# A level-2 heading read as another part than its section's: the title opens with it.
_SUB_ASSIGNMENTS_RE = re.compile(
    r"tổ chức thực hiện\W*$|phân công\b|trách nhiệm (?:thực hiện|của|các)\b"
)
_SUB_TIMING_RE = re.compile(r"(?:thời gian|tiến độ)\b")
_SUB_CONTENT_RE = re.compile(r"(?:thời gian|tiến độ|kinh phí)\b")
_TARGETS_RE = re.compile(r"(?:các )?(?:mục tiêu|chỉ tiêu)\b")
_AWARDS = "khen thưởng"


@attrs.define
class Body:
    """The parts read from the body."""

    purposes: list[ContentItem] = attrs.field(factory=list)
    requirements: list[ContentItem] = attrs.field(factory=list)
    phases: list[Phase] = attrs.field(factory=list)
    forms: list[Form] = attrs.field(factory=list)
    assignments: list[Assignment] = attrs.field(factory=list)
    closing: list[ContentItem] = attrs.field(factory=list)


def classify(text: str) -> Part | None:
    """The part a top section heading names, or ``None``.

    >>> classify("THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN"), classify("V. KHẨU HIỆU TUYÊN TRUYỀN")
    (<Part.ASSIGNMENTS: 'assignments'>, <Part.CONTENT: 'content'>)
    >>> classify("CÁC GIẢI PHÁP TỔ CHỨC THỰC HIỆN KẾ HOẠCH"), classify("MỤC TIÊU")
    (<Part.CONTENT: 'content'>, <Part.PURPOSES: 'purposes'>)
    >>> classify("HÌNH THỨC TUYÊN TRUYỀN"), classify("TÌNH HÌNH NĂM 2025") is None
    (<Part.FORMS: 'forms'>, True)
    """
    folded = " ".join(fold(text).split())
    for pattern, part in SECTION_TITLES:
        if pattern.search(folded):
            return part
    return None


def _take_closing(root: Node) -> list[Node]:
    """Remove and return the closing paragraphs that end the body."""
    node = root.children[-1] if root.children else None
    while node is not None and node.children:
        run = 0
        for child in reversed(node.children):
            if child.fmt != "para" or child.children:
                break
            run += 1
        trailing = node.children[len(node.children) - run :] if run else []
        start = next(
            (
                i
                for i, child in enumerate(trailing)
                if starts_with_any(child.text, _CLOSING_OPENERS) or child.text.endswith("./.")
            ),
            None,
        )
        if start is not None:
            closing = trailing[start:]
            del node.children[len(node.children) - len(closing) :]
            return closing
        if run:
            return []
        node = node.children[-1]
    return []


def _is_heading(node: Node) -> bool:
    return node.fmt in HEADING_FORMATS and not node.closed and len(node.text) < 150


def _subheading(node: Node, pattern: re.Pattern[str]) -> bool:
    """A short level-2 heading whose title opens with ``pattern``."""
    return (
        _is_heading(node)
        and len(node.text.split()) <= 10
        and bool(pattern.match(" ".join(fold(node.text).split())))
    )


def _note_line(ctx: Context, part: Part, node: Node) -> None:
    """Keep ``node``'s own line (not its descendants) as a note of ``part``."""
    ctx.notes.append(Note(part=part, text=node.full, location=node.full_location))


def _names_forms(node: Node) -> bool:
    folded = fold(node.text)
    return "hình thức" in folded and _AWARDS not in folded


def _names_aims(node: Node) -> bool:
    return "mục đích" in fold(node.text) or any(
        _is_heading(child) and "mục đích" in fold(child.text) for child in node.children
    )


def _purposes(section: Node, ctx: Context, body: Body, aims: bool) -> None:
    target = body.purposes
    for child in section.children:
        if _is_heading(child):
            folded = " ".join(fold(child.text).split())
            if "yêu cầu" in folded and "mục đích" not in folded:
                ctx.section(Part.REQUIREMENTS, child, 2)
                target = body.requirements
            elif aims and _TARGETS_RE.match(folded):
                # ``3. Mục tiêu`` / ``4. Các chỉ tiêu cụ thể`` beside ``1. Mục đích``: targets.
                ctx.section(Part.CONTENT, child, 2)
                _content(child, ctx, body, level=2)
                continue
            else:
                ctx.section(Part.PURPOSES, child, 2)
                target = body.purposes
            target.extend(items(child.children))
        else:
            target.append(item(child))


def _holds_phases(node: Node) -> bool:
    """Whether a phase opens anywhere below ``node`` (``2.1. Đợt 1``, ``- Đợt 01 ...``)."""
    return any(is_phase(each) for each in node.walk() if each is not node)


def _introduces(siblings: list[Node], index: int, body: Body) -> bool:
    """Whether the paragraph ``siblings[index]`` introduces what follows it."""
    node = siblings[index]
    if node.opens:
        return True
    if body.phases:
        return False  # prose after the phases speaks for all of them
    return any(other.fmt != "para" for other in siblings[index + 1 :])


def _content(section: Node, ctx: Context, body: Body, level: int = 1) -> None:
    # Numbered statements side by side (``1. Tuyên truyền ...``, ``2. ...``): when one of
    # a numbering's siblings is a closed sentence, they are all items, not sub-headings.
    statements = {
        child.fmt for child in section.children if child.closed and child.fmt in HEADING_FORMATS
    }
    for index, child in enumerate(section.children):
        folded = fold(child.text)
        heading = _is_heading(child)
        if is_phase(child):
            body.phases.append(build_phase(child, ctx))
        elif _holds_phases(child):
            # ``2. Nội dung tuyên truyền theo các đợt cao điểm`` / ``2.1. Đợt 1 ...``, or
            # ``a) Thời gian thi đua chia thành 02 đợt:`` / ``- Đợt 01 ...``.
            if heading:
                ctx.section(Part.CONTENT, child, level + 1)
            else:
                _note_line(ctx, Part.CONTENT, child)
            _content(child, ctx, body, level=level + 1)
        elif heading and _names_forms(child):
            _forms(child, ctx, body, level=level + 1)
        elif _subheading(child, _SUB_ASSIGNMENTS_RE) and child.children:
            ctx.section(Part.ASSIGNMENTS, child, level + 1)
            _assignments(child, ctx, body, level=level + 1)
        elif heading and "thường xuyên" in folded:
            ctx.section(Part.CONTENT, child, level + 1)
            ctx.standing.extend(items(child.children))
        elif _subheading(child, _SUB_TIMING_RE):
            ctx.section(Part.CONTENT, child, level + 1)
            for grandchild in child.children:
                ctx.note(Part.CONTENT, grandchild)
        elif child.fmt in statements:
            ctx.standing.append(item(child))
        elif heading and child.children:
            ctx.section(Part.CONTENT, child, level + 1)
            ctx.standing.extend(items(child.children))
        elif (
            child.fmt == "para"
            and not child.children
            and _introduces(section.children, index, body)
        ):
            ctx.note(Part.CONTENT, child)
        else:
            ctx.standing.append(item(child))


def _forms(section: Node, ctx: Context, body: Body, level: int = 1) -> None:
    if level > 1:
        ctx.section(Part.FORMS, section, level)
    for child in section.children:
        if child.fmt == "para" and not child.children:
            ctx.note(Part.FORMS, child)
        else:
            body.forms.append(build_form(child))


def _assignments(section: Node, ctx: Context, body: Body, level: int = 1) -> None:
    for child in section.children:
        if _subheading(child, _SUB_ASSIGNMENTS_RE) and child.children:
            # ``2. Trách nhiệm thực hiện`` inside *Thời gian và trách nhiệm thực hiện*
            ctx.section(Part.ASSIGNMENTS, child, level + 1)
            _assignments(child, ctx, body, level=level + 1)
        elif _subheading(child, _SUB_CONTENT_RE):
            # ``1. Thời gian thực hiện``, ``3. Kinh phí``: read as content.
            holder = Node("", "root", "", child.line, child.end_line, children=[child])
            _content(holder, ctx, body, level=level)
        elif child.fmt == "para" and not names_body(child.text):
            ctx.note(Part.ASSIGNMENTS, child)
        else:
            body.assignments.append(build_assignment(child))


def _top_heading(node: Node) -> bool:
    """A top section the table does not know: Roman-numbered, or a heading in capitals."""
    letters = [ch for ch in node.text if ch.isalpha()]
    upper = bool(letters) and all(ch.isupper() for ch in letters)
    return node.fmt == "roman" or (_is_heading(node) and upper)


def map_body(root: Node, ctx: Context) -> Body:
    """Read the parts of a plan from the outline of its body."""
    body = Body()
    closing = _take_closing(root)
    tops = [section for section in root.children if section.fmt != "para"]
    aims = any(_names_aims(section) for section in tops)
    for section in root.children:
        part = classify(section.text) if section.fmt != "para" else None
        if part is None and section.fmt != "para" and _top_heading(section):
            part = Part.CONTENT
        targets = _TARGETS_RE.match(" ".join(fold(section.text).split()))
        if part is Part.PURPOSES and aims and targets and not _names_aims(section):
            part = Part.CONTENT  # *Mục tiêu* beside a *Mục đích* section: targets
        if part is None:
            ctx.unplaced(section, "text outside any recognised section")
            continue
        ctx.section(part, section, 1)
        if part is Part.PURPOSES:
            _purposes(section, ctx, body, aims)
        elif part is Part.CONTENT:
            _content(section, ctx, body)
        elif part is Part.FORMS:
            _forms(section, ctx, body)
        else:
            _assignments(section, ctx, body)
    body.closing = items(closing)
    return body
