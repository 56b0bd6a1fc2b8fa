"""Assignments (*Tổ chức thực hiện*): bodies, their role and their tasks.

A heading names one body or several (``1. Ban Tuyên Vận Đảng ủy, Ủy ban Mặt
trận Tổ quốc ..., các thôn:``); a heading can also carry the first task
(``4. Ban Tuyên giáo Quận ủy tham mưu cấp ủy xây dựng ...``), cut at the first
task verb, or at a colon after the body (``Sở Tài chính: Căn cứ ...``). Tasks
may go to office-holders (``Đồng chí Trưởng Ban ... - Trưởng Tiểu ban: Phụ
trách chung ...``), not only to bodies. The role comes from the verbs: *chủ
trì* leads, *tham mưu* advises, *phối hợp* coordinates, a heading opening with
*Đề nghị* is a request (*Giao ...*, "assigns", is left off the body's name).
A lettered item nests a body only when it names one (``a) Các phòng chuyên
môn``); ``a) Chủ trì, phối hợp ...`` is a task.

>>> split_heading("Ban Tuyên giáo Quận ủy tham mưu cấp ủy xây dựng hướng dẫn.")
('Ban Tuyên giáo Quận ủy', 'tham mưu cấp ủy xây dựng hướng dẫn.')
>>> split_bodies("Mặt trận Tổ quốc, các tổ chức chính trị - xã hội xã")
['Mặt trận Tổ quốc', 'các tổ chức chính trị - xã hội xã']
>>> names_body("Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh ..."), names_body("Các nội dung dưới đây")
(True, False)
"""

from __future__ import annotations

import re

from .._elements import ContentItem
from .._model import Assignment, Role
from .context import items
from .outline import HEADING_FORMATS, Node
from .vocab import fold, starts_with_any

__all__ = [
    "BODY_HEADS",
    "PERSON_HEADS",
    "build_assignment",
    "names_body",
    "split_bodies",
    "split_heading",
]

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
    "Hội đồng",
    "Ngân hàng",
    "Viện",
    "Tòa án",
    "Toà án",
    "Chi cục",
    "Cục",
    "Kho bạc",
    "Bộ",
    "Tổ",
    "Tiểu ban",
    "Bệnh viện",
    "Trường",
    "Công ty",
    "Tổng công ty",
    "Doanh nghiệp",
    "Hợp tác xã",
    "Điện lực",
)
PERSON_HEADS = (
    "Đồng chí",
    "Đ/c",
    "Đ/C",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Bí thư",
    "Phó Bí thư",
    "Giám đốc",
    "Thủ trưởng",
    "Trưởng",
    "Phó Trưởng",
    "Cán bộ",
    "Chuyên viên",
)
"""Office-holders who can be given tasks (DOMAIN.md section 11)."""
# What follows a generic "Các" / "các" when it names bodies (not "Các nội dung ...").
_GROUP_NOUNS = (
    "sở",
    "ban",
    "ngành",
    "cơ quan",
    "đơn vị",
    "chi",
    "đảng",
    "tổ",
    "đoàn",
    "hội",
    "phòng",
    "xã",
    "phường",
    "thôn",
    "địa phương",
    "cơ sở",
    "trường",
    "doanh nghiệp",
    "ngân hàng",
    "thành viên",
    "đồng chí",
    "cấp",
    "huyện",
    "tỉnh",
    "trung tâm",
    "bộ",
    "đài",
    "báo",
    "ủy ban",
    "uỷ ban",
    "lực lượng",
    "hợp tác xã",
    "cá nhân",
    "phó",
    "cán bộ",
    "chuyên viên",
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
    "phát huy",
    "phân công",
    "tiếp tục",
    "chịu trách nhiệm",
    "rà soát",
    "đôn đốc",
    "giám sát",
    "vận động",
    "phát động",
    "nghiên cứu",
    "ban hành",
    "bố trí",
    "tập trung",
    "báo cáo",
    "tổng hợp",
    "quán triệt",
    "đề xuất",
    "huy động",
    "hỗ trợ",
    "cập nhật",
    "duy trì",
    "nâng cao",
    "lồng ghép",
    "thường xuyên",
    "kịp thời",
    "tích cực",
    "khẩn trương",
    "quan tâm",
    "là đơn vị",
    "làm đầu mối",
)
_VERB_RE = re.compile(
    r"(?<=\s)(?:" + "|".join(v.replace(" ", r"\s+") for v in _VERBS) + r")(?=[\s,])"
)
_LISTED_RE = re.compile(r"tổ\s+chức$")
_NOUN_BEFORE_RE = re.compile(r"(?:các|những|và|của|lĩnh\s+vực|công\s+tác|về)\s*$")
_SPLIT_RE = re.compile(r"\s*[,;]\s+|\s+và\s+")
_ROLE_WORDS = (("chủ trì", Role.LEAD), ("tham mưu", Role.ADVISE), ("phối hợp", Role.COORDINATE))


def split_heading(text: str) -> tuple[str, str | None]:
    """The body part of a heading and the task that follows it on the same line, if any."""
    for match in _VERB_RE.finditer(text):
        before = text[: match.start()]
        if len(before.split()) < 2 or _NOUN_BEFORE_RE.search(before):
            continue
        if _LISTED_RE.match(match.group(0)) and (
            before.rstrip().endswith(",") or text[match.end() :].startswith(",")
        ):
            continue  # "cộng đồng, tổ chức, cá nhân": a noun in a list of bodies
        return before.strip(" ,:"), text[match.start() :]
    return text.strip(" :"), None


def _starts_body(piece: str) -> bool:
    heads = (*BODY_HEADS, *PERSON_HEADS)
    return any(piece.startswith(head + " ") or piece == head for head in heads)


# Words that open like a body name but are verbs or other nouns (*Tổ chức* "organise",
# *Ban hành* "issue", *Hội nghị* "conference", *Phòng, chống* "prevent").
_NOT_BODIES = (
    "tổ chức",
    "ban hành",
    "báo cáo",
    "hội nghị",
    "hội thi",
    "hội thảo",
    "đoàn kết",
    "phòng,",
    "phòng chống",
    "phòng ngừa",
    "trường hợp",
    "bộ luật",
)
_PREFIX_RE = re.compile(r"^(?:[Đđ]ề\s+nghị|Giao)\s+")


def names_body(text: str) -> bool:
    """Whether ``text`` opens with a body or an office-holder (after *Đề nghị* / *Giao*)."""
    text = _PREFIX_RE.sub("", text.strip(), count=1)
    if starts_with_any(text, PERSON_HEADS) and text[:1].isupper():
        return True
    opens = any(re.match(re.escape(head) + r"(?!\w)", text) for head in BODY_HEADS)
    if not opens or starts_with_any(text, _NOT_BODIES):
        return False
    words = text.split(maxsplit=1)
    if words[0].lower() != "các":
        return True
    rest = fold(words[1]) if len(words) > 1 else ""
    return any(re.match(re.escape(noun) + r"(?!\w)", rest) for noun in _GROUP_NOUNS)


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
    numbered = node.fmt in ("alpha", "alpha)") or (
        node.fmt in HEADING_FORMATS and node.fmt != "ordinal" and node.fmt != "arabic1"
    )
    return numbered and names_body(node.text)


_LEAD_IN_RE = re.compile(r"(?:Căn\s+cứ|Trên\s+cơ\s+sở|Theo)\s[^,;:]{0,80},\s+")


def _after_lead_in(text: str) -> str:
    """``text`` from the body it names after a lead-in (``Căn cứ kế hoạch này, Giám đốc ...``)."""
    match = _LEAD_IN_RE.match(text)
    if match is not None and names_body(text[match.end() :]):
        return text[match.end() :]
    return text


def _split(text: str, node: Node) -> tuple[str, str | None]:
    """The body part of a heading and the task on the same line (``None`` when none)."""
    head, colon, rest = text.partition(":")
    # ``Sở Tài chính: Căn cứ ...``; ``Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu
    # ban: Phụ trách chung ...`` (an office-holder's title holds words like verbs).
    named = colon and rest.strip() and len(head) < 150 and names_body(head)
    if named and (starts_with_any(head, PERSON_HEADS) or split_heading(head)[1] is None):
        return head, rest.strip()
    # A numbered heading names bodies unless it reads as a sentence; a bullet naming a
    # body goes on with its task (``- Sở Nội vụ hướng dẫn khen thưởng ...``).
    bullet = node.fmt not in HEADING_FORMATS and names_body(text)
    if not node.opens and (node.closed or len(text) > 120 or bullet):
        return split_heading(text)
    return text, None


def build_assignment(node: Node) -> Assignment:
    """An assignment for ``node``: bodies, role, tasks and nested bodies."""
    heading = node.text
    requested = starts_with_any(heading, ("đề nghị",))
    body_text = (
        _PREFIX_RE.sub("", heading, count=1) if requested or names_body(heading) else heading
    )
    if not names_body(body_text):
        body_text = _after_lead_in(body_text)
    body_text, task_text = _split(body_text, node)
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
