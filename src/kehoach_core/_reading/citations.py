"""Legal bases: the documents a preamble cites (*Căn cứ ...*, *Thực hiện ...*).

Each citation starts at a document kind followed by a number (``Công văn số
10-CV/TBTT``), and runs to the next citation or the end of the clause. Its
date, issuer (after *của*) and title (in quotes, or after *về*) are read from
that span; template blanks (``…….-CT/TW``, ``…/…/202…``) stay as printed text.

>>> text = "Căn cứ Công văn số 10-CV/TBTT, ngày 03/7/2025 của Tiểu ban Tuyên truyền về “tiếp tục”;"
>>> [(c.kind, str(c.number), c.issued_on.isoformat(), c.issuer) for c in find_citations(text, None)]
[('Công văn', '10-CV/TBTT', '2025-07-03', 'Tiểu ban Tuyên truyền')]
>>> c = find_citations("Căn cứ Công văn số …….-CT/TW ngày …/…/202… của ………………… về đại hội", None)[0]
>>> c.number, c.issued_on
('…….-CT/TW', None)
"""

from __future__ import annotations

import re

from .._elements import Citation, Location
from .._numbers import parse_number_or_text
from .events import parse_date

__all__ = ["KINDS", "find_citations"]

KINDS = (
    "Công văn",
    "Công điện",
    "Kế hoạch",
    "Hướng dẫn",
    "Chỉ thị",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Quy định",
    "Kết luận",
    "Thông báo",
    "Thông tư",
    "Báo cáo",
    "Chương trình",
    "Luật",
)
_NUMBER = r"[0-9…\.]{1,12}(?:\s?[-/]\s?[0-9A-Za-zĐđ…\.]{1,15}){1,4}"
# A law or ordinance is cited by its name before the number: ``Luật Thi đua, khen
# thưởng số 06/2022/QH15``; the name is a few words, commas allowed, no digits.
_NAMED = r"(?P<name>(?:\s+[^\W\d_][\w]*,?){1,8}?)\s+số"
_CITE_RE = re.compile(
    rf"(?P<kind>{'|'.join(KINDS)})(?:(?<=Luật)(?<!Bộ\sluật){_NAMED}\s*:?\s*|\s+(?:số\s*:?\s*)?)"
    rf"(?P<number>{_NUMBER})",
    re.IGNORECASE,
)
_BLANK_DATE_RE = re.compile(r"ngày\s+([0-9…\.]{1,6}/[0-9…\.]{1,6}/[0-9…\.]{1,6})")
_ISSUER_RE = re.compile(
    r"\bcủa\s+(?:của\s+)?(?P<issuer>[^;:“”\"]{2,160}?)(?=\s+về\b|\s*[“\";:]|,\s|$)"
)
_TITLE_QUOTED_RE = re.compile(r"[“\"](?P<title>[^”\"]{1,400})[”\"]")
_TITLE_ABOUT_RE = re.compile(r"\bvề\s+(?P<title>[^;]{2,400})")


def _kind(printed: str) -> str:
    for kind in KINDS:
        if kind.lower() == printed.lower():
            return kind
    return printed


def _strip_tail(text: str) -> str:
    text = re.split(r"\s+(?:và|,)\s*$", text)[0]
    return text.strip(" ,;.")


def find_citations(text: str, location: Location | None) -> list[Citation]:
    """The documents cited in one preamble paragraph, in order."""
    matches = list(_CITE_RE.finditer(text))
    out = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        span = text[match.start() : end]
        rest = text[match.end() : end]
        number_text = " ".join(match.group("number").split()).rstrip(".")
        date_match = _BLANK_DATE_RE.search(rest[:40])
        issued_on = parse_date(rest[:60]) if date_match or "tháng" in rest[:40] else None
        issuer = None
        issuer_match = _ISSUER_RE.search(rest[:200])
        if issuer_match and issuer_match.start() < 40:
            issuer = _strip_tail(issuer_match.group("issuer")) or None
        title = " ".join(match.group("name").split()) if match.group("name") else None
        quoted = _TITLE_QUOTED_RE.search(rest)
        about = _TITLE_ABOUT_RE.search(text, match.end(), min(end, match.end() + 240))
        if title is not None:
            pass
        elif quoted and quoted.start() < 240:
            title = quoted.group("title").strip()
        elif about and about.start() < end and about.start() - match.end() < 240:
            title = _strip_tail(
                re.split(r"\s+và\s+(?=" + "|".join(KINDS) + ")", about.group("title"))[0]
            )
            title = re.split(r",\s+(?=[A-ZĐ])", title)[0] or None
        cited = _strip_tail(span)
        where = None
        if location is not None:
            where = location.span(match.start(), match.start() + max(len(cited), 1))
        out.append(
            Citation(
                kind=_kind(match.group("kind")),
                number=parse_number_or_text(number_text),
                issued_on=issued_on,
                issuer=issuer,
                title=title,
                text=cited,
                location=where,
            )
        )
    return out
