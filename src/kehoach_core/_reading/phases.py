"""Phases (*Đợt*, *Giai đoạn*, *Bước*) and sub-phases, with their windows and content.

A phase heading reads ``Đợt 2: Từ sau Đại hội ... đến Đại hội XIV của Đảng``;
``Giai đoạn 2 (từ ngày 01/10/2025 đến ngày 31/12/2025):`` and ``Bước 1: ...``
are read the same way (ordinal, then the window).
Sub-phases come as ``2.1.`` headings, ``Thứ nhất, / Thứ hai, ...`` paragraphs,
``- Trước khai mạc ...:`` bullets with ``+`` items, or a paragraph such as
*Đặc biệt, trong thời gian diễn ra Đại hội ...:* followed by its items.
A paragraph *Bên cạnh các nội dung theo ba đợt ...* after the last item speaks
for all phases: it becomes standing content.

A phase can also be a bullet or a paragraph deep inside a section
(``- Đợt 01 dự kiến: Cao điểm tập trung ...``): its own words ``Đợt 01`` are then
its label, what follows the colon its heading, and a lead-in with a short
qualifier before the colon (``Đợt 01 dự kiến``, "planned") a note. A number
that is a span or a duration is no ordinal: ``Giai đoạn 48-72 giờ`` is no phase 48.
"""

from __future__ import annotations

import re

from .._anchors import Anchor
from .._elements import Note, Part
from .._model import Phase
from .._numbers import roman_to_int
from .context import Context, item, items
from .events import parse_window
from .outline import HEADING_FORMATS, Node
from .vocab import fold, starts_with_any

__all__ = ["build_phase", "is_phase"]

# The number is an ordinal, not a span (``Giai đoạn 48-72 giờ``) or a duration
# (``Giai đoạn 10 ngày``).
_PHASE_RE = re.compile(
    r"(?:Đợt|ĐỢT|đợt|Giai\s+đoạn|GIAI\s+ĐOẠN|giai\s+đoạn|Bước|BƯỚC|bước)"
    r"\s+(?:thứ\s+)?(\d{1,2}|[IVXL]{1,6})\b"
    r"(?!\s*[-–]\s*\d|\s*(?:giờ|ngày|tuần|tháng|năm|phút)\b|[.,/]\d)\s*[:.\-–]?\s*"
)
_TIME_RE = re.compile(
    r"trước\s+(?:khi\s+)?khai\s+mạc|trước\s+thềm|trong\s+(?:thời\s+gian|quá\s+trình)\s+diễn\s+ra"
    r"|sau\s+(?:khi\s+)?bế\s+mạc|từ\s+ngày|đến\s+ngày|từ\s+nay|từ\s+sau"
)
_CUT_RE = re.compile(
    r",?\s*(?:tập\s+trung|nội\s+dung\s+tập\s+trung|với\s+các\s+nội\s+dung|cụ\s+thể)\b.*$|:\s*$"
)
_BRACKET_RE = re.compile(r"\(\s*((?:[Tt]ừ|[Tt]rong|[Ss]au|[Tt]rước)\s[^()]*)\)")
_BOUND_RE = re.compile(r"\W*(?:từ|sau|trước|trong|đến|tới)\b", re.I)
_BESIDES = ("bên cạnh", "ngoài ra", "ngoài các nội dung")


def is_phase(node: Node) -> bool:
    """True for a heading that opens a phase (``1. Đợt 1: ...``, ``ĐỢT 2``, ``Giai đoạn 2``)."""
    return bool(_PHASE_RE.match(node.text))


def _ordinal(node: Node) -> int | None:
    match = _PHASE_RE.match(node.text)
    if match is None:
        return None
    token = match.group(1)
    if token.isdigit():
        return int(token)
    try:
        return roman_to_int(token.upper())
    except ValueError:
        return None


def _window_text(text: str) -> str:
    text = _PHASE_RE.sub("", text, count=1)
    text = re.sub(r"^(?:Thứ\s+\w+|Đặc\s+biệt)\s*,\s*", "", text)
    # ``Cao điểm tập trung trong 10 ngày làm việc (từ ngày 20/11 đến ngày 03/12/2025)``:
    # the window is the bracket.
    bracket = _BRACKET_RE.search(text)
    if bracket is not None and not _BOUND_RE.match(text):
        return bracket.group(1).strip()
    cut = _CUT_RE.search(text)
    text = (text[: cut.start()] if cut else text).strip(" ,:")
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()  # ``Giai đoạn 2 (từ ngày ... đến ngày ...):``
    return text


def _is_subphase(node: Node) -> bool:
    if node.fmt in HEADING_FORMATS and node.fmt != "arabic1":
        return True
    return bool(node.children) and bool(_TIME_RE.search(fold(node.text)))


def _named(node: Node, ctx: Context) -> tuple[str, str]:
    """Label and heading of a phase; an unnumbered one is labelled by its own words."""
    match = _PHASE_RE.match(node.text)
    if node.fmt in HEADING_FORMATS or match is None:
        return node.label, node.text
    label = match.group(0).strip(" :.-–")
    rest = node.text[len(label) :]
    qualifier, colon, after = rest.partition(":")
    if colon and after.strip() and len(qualifier.split()) <= 3:
        if qualifier.strip(" ,.-–"):
            # the lead-in as printed (``Đợt 01 dự kiến``): the qualifier is not modelled
            lead = node.text[: len(label) + len(qualifier)].strip()
            ctx.notes.append(Note(part=Part.CONTENT, text=lead, location=node.location_of(lead)))
        return label, after.strip()
    return label, rest.strip(" :.-–") or node.text  # ``ĐỢT 2`` alone: the heading as printed


def build_phase(node: Node, ctx: Context, parent_start: Anchor | None = None) -> Phase:
    """A phase (or sub-phase) for ``node``, its window read from the heading."""
    label, heading = _named(node, ctx)
    window = None
    wording = _window_text(node.text)
    if wording:
        window = parse_window(wording, ctx.milestones, parent_start=parent_start)
    content = []
    subphases = []
    start = window.start if window is not None else parent_start
    for child in node.children:
        if _is_subphase(child):
            subphases.append(_subphase(child, ctx, start))
        elif (
            child.fmt == "para"
            and starts_with_any(child.text, _BESIDES)
            and any(word in fold(child.text) for word in ("đợt", "giai đoạn"))
        ):
            ctx.standing.append(item(child))
        else:
            content.append(item(child))
    return Phase(
        label=label,
        heading=heading,
        ordinal=_ordinal(node),
        window=window,
        content=content,
        subphases=subphases,
        location=node.location if heading == node.text else node.location_of(heading),
    )


def _subphase(node: Node, ctx: Context, parent_start: Anchor | None) -> Phase:
    if node.children or node.opens or _TIME_RE.search(fold(node.text)):
        return build_phase(node, ctx, parent_start)
    # A closed "Thứ nhất, ..." paragraph: the statement is the sub-phase's content.
    return Phase(
        label=node.label,
        content=items(
            [
                Node(
                    "",
                    "para",
                    node.text,
                    node.line,
                    node.end_line,
                    source=node.source,
                    offset=node.offset,
                )
            ]
        ),
        location=node.location,
    )
