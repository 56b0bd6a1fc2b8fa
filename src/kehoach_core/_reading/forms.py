"""Forms (channels) of propaganda, classified by a keyword vocabulary.

The main kind is the one whose keyword comes first in the form's own wording;
``also`` lists the further kinds the wording names, then those that open the
form's items (``- Tổ chức cuộc thi ...`` inside *Tuyên truyền miệng*).

>>> kinds("Tuyên truyền qua hệ thống loa truyền thanh cơ sở; cổ động trực quan, panô")
[<FormKind.MASS_MEDIA: 'mass_media'>, <FormKind.VISUAL: 'visual'>]
"""

from __future__ import annotations

import re

from .._model import Form, FormKind
from .context import items
from .outline import Node
from .vocab import fold, keyword_re

__all__ = ["FORM_WORDS", "build_form", "kinds"]

FORM_WORDS: dict[FormKind, tuple[str, ...]] = {
    FormKind.MASS_MEDIA: (
        "thông tin đại chúng",
        "báo chí",
        "phát thanh",
        "truyền hình",
        "truyền thanh",
        "loa",
        "đài phát thanh",
        "chuyên trang",
        "chuyên mục",
        "tin, bài",
    ),
    FormKind.INTERNET: (
        "internet",
        "mạng xã hội",
        "trang thông tin điện tử",
        "cổng thông tin điện tử",
        "website",
        "facebook",
        "zalo",
        "youtube",
        "tiktok",
        "không gian mạng",
        "fanpage",
        "nền tảng số",
    ),
    FormKind.ORAL: (
        "tuyên truyền miệng",
        "hội nghị",
        "sinh hoạt",
        "báo cáo viên",
        "tuyên truyền viên",
        "thông tin thời sự",
        "học tập",
        "nói chuyện chuyên đề",
        "đối thoại",
    ),
    FormKind.VISUAL: (
        "cổ động trực quan",
        "pa nô",
        "panô",
        "pano",
        "áp phích",
        "băng rôn",
        "khẩu hiệu",
        "treo cờ",
        "màn hình led",
        "bảng điện tử",
        "đèn led",
        "pa - nô",
        "cờ phướn",
        "tranh cổ động",
    ),
    FormKind.CULTURE: (
        "văn hóa - văn nghệ",
        "văn nghệ",
        "thể thao",
        "triển lãm",
        "nghệ thuật",
        "văn học",
    ),
    FormKind.PUBLICATION: (
        "ấn phẩm",
        "đề cương",
        "tờ gấp",
        "sổ tay",
        "tài liệu tuyên truyền",
        "bản tin",
        "xuất bản",
        "tờ rơi",
        "cẩm nang",
    ),
    FormKind.CONTEST: ("cuộc thi", "hội thi", "thi tìm hiểu", "trắc nghiệm"),
    FormKind.EMULATION: (
        "phong trào thi đua",
        "thi đua",
        "tôn vinh",
        "điển hình tiên tiến",
        "gắn biển",
    ),
    FormKind.SEMINAR: ("hội thảo", "tọa đàm", "diễn đàn"),
}
_CLAUSE_RE = re.compile(r"[,;:.(]")


def kinds(text: str) -> list[FormKind]:
    """The kinds ``text`` names, in order of first mention."""
    folded = fold(text)
    found = []
    for kind, words in FORM_WORDS.items():
        match = keyword_re(words).search(folded)
        if match is not None:
            found.append((match.start(), kind))
    return [kind for _, kind in sorted(found, key=lambda pair: pair[0])]


def build_form(node: Node) -> Form:
    """A form for ``node``: its wording as title, its children as content."""
    named = kinds(node.text)
    for child in node.children:
        clause = _CLAUSE_RE.split(child.text, maxsplit=1)[0]
        named.extend(kinds(clause))
    unique = list(dict.fromkeys(named))
    kind = unique[0] if unique else FormKind.OTHER
    return Form(
        label=node.label,
        kind=kind,
        also=unique[1:],
        title=node.text,
        content=items(node.children),
        location=node.location,
    )
