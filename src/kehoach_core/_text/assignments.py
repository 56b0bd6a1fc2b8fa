"""Assignments (*Tổ chức thực hiện*): bodies, their role and their tasks.

A heading names one body or several (``1. Ban Tuyên Vận Đảng ủy, Ủy ban Mặt
trận Tổ quốc ..., các thôn:``); a heading can also carry the first task
(``4. Ban Tuyên giáo Quận ủy tham mưu cấp ủy xây dựng ...``), cut at the first
task verb. The role comes from the verbs: *chủ trì* leads, *tham mưu* advises,
*phối hợp* coordinates, a heading opening with *Đề nghị* is a request.

>>> split_heading("Ban Tuyên giáo Quận ủy tham mưu cấp ủy xây dựng hướng dẫn.")
('Ban Tuyên giáo Quận ủy', 'tham mưu cấp ủy xây dựng hướng dẫn.')
>>> split_bodies("Mặt trận Tổ quốc, các tổ chức chính trị - xã hội xã")
['Mặt trận Tổ quốc', 'các tổ chức chính trị - xã hội xã']
"""

from __future__ import annotations

import re

from .._elements import ContentItem
from .._model import Assignment, Role
from .context import items
from .outline import HEADING_FORMATS, Node
from .vocab import fold, starts_with_any

__all__ = ["BODY_HEADS", "build_assignment", "split_bodies", "split_heading"]

BODY_HEADS = (
    "Ban",
    "Ủy ban",
    "Uỷ ban",
    "UBND",
    "Mặt trận",
    "MTTQ",
    "Đoàn",
    "Hội",
    "Phòng",
    "Sở",
    "Trung tâm",
    "Văn phòng",
    "Bộ phận",
    "Công an",
    "Quân sự",
    "Đài",
    "Báo",
    "Chi bộ",
    "Chi hội",
    "Chi đoàn",
    "Thư viện",
    "Bảo tàng",
    "Nhà văn hóa",
    "Đảng ủy",
    "Đảng uỷ",
    "Đảng bộ",
    "Thường trực",
    "Cơ quan",
    "Các",
    "các",
    "Liên đoàn",
    "Huyện đoàn",
    "Tỉnh đoàn",
    "Thành đoàn",
    "Cựu chiến binh",
)
_VERBS = (
    "tham mưu",
    "chủ trì",
    "phối hợp",
    "định hướng",
    "thực hiện",
    "căn cứ",
    "tổ chức",
    "chỉ đạo",
    "hướng dẫn",
    "xây dựng",
    "triển khai",
    "theo dõi",
    "chủ động",
    "có trách nhiệm",
    "phụ trách",
    "bảo đảm",
    "đảm bảo",
    "biên soạn",
    "đăng tải",
    "cung cấp",
    "nắm",
    "tăng cường",
    "đẩy mạnh",
    "tuyên truyền",
)
_VERB_RE = re.compile(
    r"(?<=\s)(?:" + "|".join(v.replace(" ", r"\s+") for v in _VERBS) + r")(?=[\s,])"
)
_NOUN_BEFORE_RE = re.compile(r"(?:các|những|và|của)\s*$")
_SPLIT_RE = re.compile(r"\s*[,;]\s+|\s+và\s+")
_ROLE_WORDS = (("chủ trì", Role.LEAD), ("tham mưu", Role.ADVISE), ("phối hợp", Role.COORDINATE))


def split_heading(text: str) -> tuple[str, str | None]:
    """The body part of a heading and the task that follows it on the same line, if any."""
    for match in _VERB_RE.finditer(text):
        before = text[: match.start()]
        if len(before.split()) < 2 or _NOUN_BEFORE_RE.search(before):
            continue
        return before.strip(" ,:"), text[match.start() :]
    return text.strip(" :"), None


def _starts_body(piece: str) -> bool:
    return any(piece.startswith(head + " ") or piece == head for head in BODY_HEADS)


def split_bodies(text: str) -> list[str]:
    """The bodies one heading names, split at commas (and *và*) before a body name."""
    bodies: list[str] = []
    current_start = 0
    for match in _SPLIT_RE.finditer(text):
        if _starts_body(text[match.end() :]) and match.start() > current_start:
            bodies.append(text[current_start : match.start()].strip())
            current_start = match.end()
    bodies.append(text[current_start:].strip(" :;,."))
    return [body for body in bodies if body]


def _role(texts: list[str]) -> Role:
    for text in texts:
        folded = " ".join(fold(text).split()[:8])
        found = [(folded.find(word), role) for word, role in _ROLE_WORDS if word in folded]
        if found:
            return min(found, key=lambda pair: pair[0])[1]
    return Role.IMPLEMENT


def _is_nested(node: Node) -> bool:
    return node.fmt in ("alpha", "alpha)") or (
        node.fmt in HEADING_FORMATS and node.fmt != "ordinal" and node.fmt != "arabic1"
    )


def build_assignment(node: Node) -> Assignment:
    """An assignment for ``node``: bodies, role, tasks and nested bodies."""
    heading = node.text
    requested = starts_with_any(heading, ("đề nghị",))
    body_text = re.sub(r"^(?:Đề|đề)\s+nghị\s+", "", heading) if requested else heading
    task_text: str | None = None
    if not node.opens and (node.closed or len(heading) > 120):
        body_text, task_text = split_heading(body_text)
    elif ":" in body_text[:-1] and _starts_body(body_text):
        head, _, rest = body_text.partition(":")
        if rest.strip():
            body_text, task_text = head, rest.strip()
    tasks: list[ContentItem] = []
    if task_text:
        tasks.append(ContentItem(text=task_text, location=node.location_of(task_text)))
    children = []
    for child in node.children:
        if _is_nested(child) and (child.children or not child.closed):
            children.append(build_assignment(child))
        else:
            tasks.extend(items([child]))
    role = Role.REQUESTED if requested else _role([task_text or ""] + [t.text for t in tasks[:1]])
    return Assignment(
        label=node.label,
        bodies=split_bodies(body_text.strip(" :")),
        role=role,
        heading=heading,
        tasks=tasks,
        children=children,
        location=node.location,
    )
