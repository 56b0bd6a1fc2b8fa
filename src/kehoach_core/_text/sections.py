"""Map the outline's top sections onto the parts of a plan.

Top sections are recognised by their words, whatever their numbering or case:
*Mục đích, yêu cầu* (purposes), *Nội dung / Lộ trình / Thời gian* (content),
*Hình thức* (forms), *Tổ chức thực hiện / Phân công* (assignments). Inside
them, level-2 headings are recorded too (``1. Mục đích``, ``2. Yêu cầu``,
``1. Nội dung tuyên truyền thường xuyên``, ``2. Hình thức tuyên truyền``).

Where things go:

* one heading *Mục đích, yêu cầu*: its items are purposes;
* *Đợt N* (*Giai đoạn N*, *Bước N*) headings: phases; *... thường xuyên*: standing content;
* a *Thời gian ...* subsection (``3 . Thời gian tuyên truyền``): its items are
  notes of the content part (they state timing, not content);
* prose introducing a section (*Nội dung tuyên truyền chia thành 03 đợt ...*):
  notes;
* trailing paragraphs of the body opening with *Đề nghị*, *Trên đây*, *Đồng
  thời*, *Yêu cầu*, *Trong quá trình* (or ending ``./.``): the closing;
* a section the reader does not recognise: unparsed fragments.
"""

from __future__ import annotations

import attrs

from .._elements import ContentItem, Part
from .._model import Assignment, Form, Phase
from .assignments import build_assignment
from .context import Context, item, items
from .forms import build_form
from .outline import HEADING_FORMATS, Node
from .phases import build_phase, is_phase
from .vocab import fold, starts_with_any

__all__ = ["Body", "map_body"]

_CLOSING_OPENERS = ("đề nghị", "trên đây", "đồng thời", "yêu cầu", "trong quá trình", "nhận được")


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
    """The part a top section heading names, or ``None``."""
    folded = fold(text)
    if "tổ chức thực hiện" in folded or "phân công" in folded or "trách nhiệm" in folded:
        return Part.ASSIGNMENTS
    if "mục đích" in folded or folded.startswith("yêu cầu"):
        return Part.PURPOSES
    if any(word in folded for word in ("nội dung", "lộ trình", "thời gian", "các đợt", "tiến độ")):
        return Part.CONTENT
    if "hình thức" in folded or "phương thức" in folded:
        return Part.FORMS
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


def _purposes(section: Node, ctx: Context, body: Body) -> None:
    target = body.purposes
    for child in section.children:
        if _is_heading(child):
            folded = fold(child.text)
            if "yêu cầu" in folded and "mục đích" not in folded:
                ctx.section(Part.REQUIREMENTS, child, 2)
                target = body.requirements
            else:
                ctx.section(Part.PURPOSES, child, 2)
                target = body.purposes
            target.extend(items(child.children))
        else:
            target.append(item(child))


def _holds_phases(node: Node) -> bool:
    return any(is_phase(child) for child in node.children)


def _content(section: Node, ctx: Context, body: Body, level: int = 1) -> None:
    # Numbered statements side by side (``1. Tuyên truyền ...``, ``2. ...``): when one of
    # a numbering's siblings is a closed sentence, they are all items, not sub-headings.
    statements = {
        child.fmt for child in section.children if child.closed and child.fmt in HEADING_FORMATS
    }
    for child in section.children:
        folded = fold(child.text)
        if is_phase(child):
            body.phases.append(build_phase(child, ctx))
        elif level == 1 and _is_heading(child) and _holds_phases(child):
            # ``2. Nội dung tuyên truyền theo các đợt cao điểm`` / ``2.1. Đợt 1 ...``
            ctx.section(Part.CONTENT, child, 2)
            _content(child, ctx, body, level=2)
        elif _is_heading(child) and "hình thức" in folded:
            _forms(child, ctx, body, level=2)
        elif _is_heading(child) and "thường xuyên" in folded:
            ctx.section(Part.CONTENT, child, 2)
            ctx.standing.extend(items(child.children))
        elif _is_heading(child) and folded.startswith(("thời gian", "tiến độ")):
            ctx.section(Part.CONTENT, child, 2)
            for grandchild in child.children:
                ctx.note(Part.CONTENT, grandchild)
        elif child.fmt in statements and not _holds_phases(child):
            ctx.standing.append(item(child))
        elif _is_heading(child) and child.children:
            ctx.section(Part.CONTENT, child, 2)
            ctx.standing.extend(items(child.children))
        elif child.fmt == "para" and not body.phases and not child.children:
            ctx.note(Part.CONTENT, child)
        else:
            ctx.standing.append(item(child))


def _forms(section: Node, ctx: Context, body: Body, level: int = 1) -> None:
    if level == 2:
        ctx.section(Part.FORMS, section, 2)
    for child in section.children:
        if child.fmt == "para" and not child.children:
            ctx.note(Part.FORMS, child)
        else:
            body.forms.append(build_form(child))


def _assignments(section: Node, ctx: Context, body: Body) -> None:
    for child in section.children:
        if child.fmt == "para":
            ctx.note(Part.ASSIGNMENTS, child)
        else:
            body.assignments.append(build_assignment(child))


def map_body(root: Node, ctx: Context) -> Body:
    """Read the parts of a plan from the outline of its body."""
    body = Body()
    closing = _take_closing(root)
    for section in root.children:
        part = classify(section.text) if section.fmt != "para" else None
        if part is None:
            ctx.unplaced(section, "text outside any recognised section")
            continue
        ctx.section(part, section, 1)
        if part is Part.PURPOSES:
            _purposes(section, ctx, body)
        elif part is Part.CONTENT:
            _content(section, ctx, body)
        elif part is Part.FORMS:
            _forms(section, ctx, body)
        else:
            _assignments(section, ctx, body)
    body.closing = items(closing)
    return body
