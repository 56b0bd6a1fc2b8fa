"""Header and title: issuing bodies, national or Party motto, number, place and date.

Extraction flattens the two-column header into lines, sometimes both columns
on one line (``ĐẢNG BỘ TỈNH LẠNG SƠN ĐẢNG CỘNG SẢN VIỆT NAM``); each line is
taken apart: the motto says the format (Party or State), ``Số ...`` is the
number, ``<place>, ngày d tháng m năm yyyy`` the place and date, and the
remaining upper-case text names the issuing body (the last one) and the body
above it (the one before). A body kind alone on its line followed by a place
alone on the next (``ỦY BAN NHÂN DÂN`` / ``XÃ AN BÌNH``) is one name split in
two, not a body and its superior.

>>> h = read_header(["ĐẢNG BỘ TỈNH LẠNG SƠN ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY XÃ KIÊN MỘC",
...     "*", "Số 06-KH/ĐU Kiên Mộc, ngày 16 tháng 7 năm 2025"])
>>> h.issuer, h.superior_body, str(h.number), h.place, h.issued_on.isoformat(), h.style.value
('ĐẢNG ỦY XÃ KIÊN MỘC', 'ĐẢNG BỘ TỈNH LẠNG SƠN', '06-KH/ĐU', 'Kiên Mộc', '2025-07-16', 'party')
>>> h = read_header(["ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
...     "XÃ AN BÌNH Độc lập - Tự do - Hạnh phúc"])
>>> h.issuer, h.superior_body
('ỦY BAN NHÂN DÂN XÃ AN BÌNH', None)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import attrs

from .._numbers import DocumentNumber, NumberStyle, parse_number_or_text
from .vocab import fold

__all__ = ["Header", "infer_issuer", "read_header"]

_PARTY_RE = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM")
_STATE_RE = re.compile(r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM", re.IGNORECASE)
_MOTTO_RE = re.compile(r"Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc", re.IGNORECASE)
_NUMBER_RE = re.compile(
    r"\bSố\s*:?\s*(?P<number>[0-9…\.]{1,12}(?:\s?[-/]\s?[0-9A-Za-zĐđ…\.]{1,15}){1,4})"
)
_PLACE_DATE_RE = re.compile(
    r"(?P<place>[^,\d]{2,60}?),\s*ngày\s+(?P<d>[0-9…\.]{1,4})\s+tháng\s+(?P<m>[0-9…\.]{1,4})"
    r"\s+năm\s+(?P<y>[0-9…\.]{2,6})"
)
_ISSUER_RE = re.compile(
    r"(?:^|[,;]\s+)(?P<issuer>(?:Ban\s+Thường\s+vụ|Ban\s+Chấp\s+hành|Đảng\s+[uủ]ỷ?|Đảng\s+ủy|Ủy\s+ban|UBND|"
    r"Sở|Phòng|Chi\s+bộ|Thường\s+trực|Ban)[^,;:]{0,80}?)\s+(?:ban\s+hành|xây\s+dựng|triển\s+khai)\s+"
    r"(?:[Kk]ế\s+hoạch)"
)

# A body named by its kind alone, waiting for its place on the next line.
_KIND_ONLY_RE = re.compile(
    r"(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|HĐND"
    r"|THƯỜNG\s+TRỰC\s+(?:HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|HĐND)"
    r"|ỦY\s+BAN\s+MẶT\s+TRẬN\s+TỔ\s+QUỐC\s+VIỆT\s+NAM|ĐẢNG\s+(?:ỦY|UỶ)|ĐẢNG\s+BỘ"
    r"|BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH|BAN\s+CHỈ\s+ĐẠO|BAN\s+TỔ\s+CHỨC"
)
# A place alone: an administrative unit and its name (not HUYỆN ỦY, a Party committee).
_PLACE_ONLY_RE = re.compile(
    r"(?:XÃ|PHƯỜNG|THỊ\s+TRẤN|ĐẶC\s+KHU|HUYỆN|QUẬN|THỊ\s+XÃ|TỈNH|THÀNH\s+PHỐ)\s+"
    r"(?!(?:ỦY|UỶ)\b)[^\s,;]+(?:\s+[^\s,;]+){0,4}"
)


def _joins(previous: str, text: str) -> bool:
    """True when ``text`` continues the body name ``previous`` on a new line."""
    if text.startswith("VÀ ") or previous.endswith((",", " VÀ")):
        return True
    return bool(_KIND_ONLY_RE.fullmatch(previous) and _PLACE_ONLY_RE.fullmatch(text))


@attrs.define
class Header:
    """What the header lines say, and what of them was not understood."""

    issuer: str | None = None
    superior_body: str | None = None
    number: DocumentNumber | str | None = None
    place: str | None = None
    issued_on: dt.date | None = None
    style: NumberStyle | None = None
    leftovers: list[tuple[int, str]] = attrs.field(factory=list)


def _date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def read_header(lines: Sequence[str]) -> Header:
    """Read the header lines (index in ``leftovers`` refers to ``lines``)."""
    header = Header()
    bodies: list[str] = []
    for index, raw in enumerate(lines):
        text = raw
        if _PARTY_RE.search(text):
            header.style = NumberStyle.PARTY
            text = _PARTY_RE.sub(" ", text)
        if _STATE_RE.search(text) or _MOTTO_RE.search(text):
            header.style = header.style or NumberStyle.STATE
            text = _MOTTO_RE.sub(" ", _STATE_RE.sub(" ", text))
        number = _NUMBER_RE.search(text)
        if number and header.number is None:
            header.number = parse_number_or_text(" ".join(number.group("number").split()))
            text = text[: number.start()] + " " + text[number.end() :]
        place = _PLACE_DATE_RE.search(text)
        if place and header.issued_on is None and header.place is None:
            header.place = place.group("place").strip(" *-–_") or None
            header.issued_on = _date(place.group("d"), place.group("m"), place.group("y"))
            text = text[: place.start()] + " " + text[place.end() :]
        text = " ".join(text.replace("*", " ").split()).strip(" -–_")
        if not text:
            continue
        letters = [ch for ch in text if ch.isalpha()]
        if letters and all(ch.isupper() for ch in letters):
            if bodies and _joins(bodies[-1], text):
                bodies[-1] = f"{bodies[-1]} {text}"
            else:
                bodies.append(text)
        else:
            header.leftovers.append((index, text))
    if bodies:
        header.issuer = bodies[-1]
        header.superior_body = bodies[-2] if len(bodies) > 1 else None
        if len(bodies) > 2:
            header.leftovers.extend((0, body) for body in bodies[:-2])
    if header.style is None and isinstance(header.number, DocumentNumber):
        header.style = header.number.style
    return header


def infer_issuer(paragraphs: Sequence[str]) -> str | None:
    """The issuer a preamble names (*..., Đảng ủy xã Kiên Mộc ban hành Kế hoạch ...*).

    >>> infer_issuer(["Ban Thường vụ Quận ủy xây dựng kế hoạch tuyên truyền, như sau:"])
    'Ban Thường vụ Quận ủy'
    """
    for text in paragraphs:
        match = _ISSUER_RE.search(text)
        if match:
            return " ".join(match.group("issuer").split())
    return None


def style_from_signature(on_behalf: str | None, title: str | None) -> NumberStyle | None:
    """Party or State format, guessed from who signs (``T/M BAN THƯỜNG VỤ`` / ``BÍ THƯ``)."""
    words = fold(f"{on_behalf or ''} {title or ''}")
    if any(w in words for w in ("ban thường vụ", "đảng ủy", "ban chấp hành", "bí thư", "chi bộ")):
        return NumberStyle.PARTY
    if any(w in words for w in ("chủ tịch", "giám đốc", "ủy ban nhân dân", "ubnd", "thủ trưởng")):
        return NumberStyle.STATE
    return None
