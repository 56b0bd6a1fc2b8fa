"""Header and title: issuing bodies, national or Party motto, number, place and date.

Extraction flattens the two-column header into lines, sometimes both columns
on one line (``ĐẢNG BỘ TỈNH LẠNG SƠN ĐẢNG CỘNG SẢN VIỆT NAM``), sometimes one
name over two lines (``ỦY BAN NHÂN`` / ``DÂN``, ``CỘNG HÒA XÃ`` / ``HỘI CHỦ NGHĨA
VIỆT NAM`` in a web page). The header is read as one text, so a name or a date
may run over a line break: the motto and the party name (``ĐẢNG CỘNG SẢN VIỆT
NAM``, ``ĐOÀN TNCS HỒ CHÍ MINH``) say the format (Party or State), ``Số ...`` is
the number, ``<place>, ngày d tháng m năm yyyy`` the place and date, and the
remaining upper-case text names the issuing body (the last one) and the body
above it (the one before). A body kind alone on its line followed by a place
alone on the next (``ỦY BAN NHÂN DÂN`` / ``XÃ AN BÌNH``) is one name split in
two, not a body and its superior; a bare board under its body (``ỦY BAN MTTQ
VIỆT NAM`` / ``XÃ LƯƠNG MINH`` / ``BAN THƯỜNG TRỰC``) is that body's board, and
the issuer is the board of that body.

What the model holds as no value is kept as a note of the header, with the
lines it was read from: the mottos and party names, the rules (``*``, ``***``,
``-----``), and a number or date printed with blanks (``Số -KH/ĐU``, ``ngày
tháng 10 năm 2025``). Markdown left by a web page (``**``, ``*``, ``|``) is
markup, not text.

>>> h = read_header(["ĐẢNG BỘ TỈNH LẠNG SƠN ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY XÃ KIÊN MỘC",
...     "*", "Số 06-KH/ĐU Kiên Mộc, ngày 16 tháng 7 năm 2025"])
>>> h.issuer, h.superior_body, str(h.number), h.place, h.issued_on.isoformat(), h.style.value
('ĐẢNG ỦY XÃ KIÊN MỘC', 'ĐẢNG BỘ TỈNH LẠNG SƠN', '06-KH/ĐU', 'Kiên Mộc', '2025-07-16', 'party')
>>> [text for _, _, text in h.notes]
['*', 'ĐẢNG CỘNG SẢN VIỆT NAM']
>>> h = read_header(["ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
...     "XÃ AN BÌNH Độc lập - Tự do - Hạnh phúc"])
>>> h.issuer, h.superior_body
('ỦY BAN NHÂN DÂN XÃ AN BÌNH', None)
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence

import attrs

from .._elements import Location, Note, Part
from .._numbers import DocumentNumber, NumberStyle, parse_number_or_text
from .source import SourceLine
from .vocab import fold
from .zones import is_markup, is_rule

__all__ = ["Header", "header_notes", "infer_issuer", "read_header"]

_PARTY_RE = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM")
_YOUTH_RE = re.compile(r"ĐOÀN\s+(?:TNCS|THANH\s+NIÊN\s+CỘNG\s+SẢN)\s+HỒ\s+CHÍ\s+MINH")
_STATE_RE = re.compile(r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM", re.IGNORECASE)
_MOTTO_RE = re.compile(r"Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc", re.IGNORECASE)
# A party name inside a body's name (BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM,
# BCH ĐOÀN TNCS HỒ CHÍ MINH TỈNH ...) is part of that name, not the right column's title.
_NAME_BEFORE_RE = re.compile(r"(?:HÀNH|BCH|ƯƠNG|VỤ|TRỰC|TRA|CỦA)\s*$")
_NUMBER_RE = re.compile(
    r"\bSố\s*:?\s*(?P<number>[0-9…\.]{1,12}(?:\s?[-/]\s?[0-9A-Za-zĐđ…\.]{1,15}){1,4})"
)
# ``Số -KH/ĐU``, ``Số:`` / ``- KH/ĐTN``, ``Số: /KH-UBND``, ``Số -KH/…``: the number left blank.
_BLANK_NUMBER_RE = re.compile(
    r"\bSố\s*:?[\s…\._]*(?:[-–/]\s*)?[A-ZĐ]{1,8}(?:\s*[-/–]\s*(?:[A-ZĐ0-9]{1,15}|…+)){1,3}(?!\w)"
)
_DATE_RE = re.compile(
    r"(?:(?P<place>[^,\d\n]{2,60}?),\s*)?ngày\b\s*(?P<d>[0-9…\._]{0,4})\s*tháng\b\s*"
    r"(?P<m>[0-9…\._]{0,4})\s*năm\b\s*(?P<y>[0-9…\._]{0,6})"
)
_ISSUER_VERB_RE = re.compile(r"\s+(?:ban\s+hành|xây\s+dựng|triển\s+khai)\s+[Kk]ế\s+hoạch\b")
_ISSUER_START_RE = re.compile(
    r"(?:Ban\s+Thường\s+vụ|Ban\s+Thường\s+trực|Ban\s+Chấp\s+hành|Thường\s+trực|Tiểu\s+ban|Ban"
    r"|Đảng\s+[uủ]ỷ?|Đảng\s+ủy|(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+[uủ]ỷ?|(?:Ủy|Uỷ)\s+ban|UBND"
    r"|Hội\s+đồng|Sở|Phòng|Bộ|Chi\s+bộ|Đoàn|Trung\s+tâm|Văn\s+phòng)\b"
)

# A body named by its kind alone, waiting for its place on the next line.
_KIND_ONLY_RE = re.compile(
    r"(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|HĐND"
    r"|THƯỜNG\s+TRỰC\s+(?:HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|HĐND)"
    r"|(?:ỦY|UỶ)\s+BAN\s+(?:MẶT\s+TRẬN\s+TỔ\s+QUỐC|MTTQ)(?:\s+VIỆT\s+NAM)?"
    r"|(?:ỦY|UỶ)\s+BAN\s+BẦU\s+CỬ|ĐẢNG\s+(?:ỦY|UỶ)|ĐẢNG\s+BỘ"
    r"|BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH(?:\s+ĐOÀN)?|BCH\s+ĐOÀN|BAN\s+CHỈ\s+ĐẠO|BAN\s+TỔ\s+CHỨC"
)
# A place alone: an administrative unit and its name (not HUYỆN ỦY, a Party committee).
_PLACE_ONLY_RE = re.compile(
    r"(?:XÃ|PHƯỜNG|THỊ\s+TRẤN|ĐẶC\s+KHU|HUYỆN|QUẬN|THỊ\s+XÃ|TỈNH|THÀNH\s+PHỐ)\s+"
    r"(?!(?:ỦY|UỶ)\b)[^\s,;]+(?:\s+[^\s,;]+){0,4}"
)
# A board named without its body: the board of the body printed above it.
_BARE_BOARD_RE = re.compile(r"BAN\s+THƯỜNG\s+(?:TRỰC|VỤ)|BAN\s+CHẤP\s+HÀNH|BCH|THƯỜNG\s+TRỰC")

# Markdown emphasis glued to a word (``**ỦY BAN``, ``2025*``) and table borders.
_EMPHASIS_RE = re.compile(r"(?<!\S)\*+(?=\S)|(?<=\S)\*+(?!\S)|\|")
# Rules inside a line: ``*`` / ``***`` / ``-----`` standing alone between words; ``**`` is markup.
_RULE_TOKEN_RE = re.compile(r"(?<!\S)(?:\*|\*{3,}|[-–—=]{3,})(?!\S)")
_MARKUP_TOKEN_RE = re.compile(r"(?<!\S)\*\*(?!\S)")

_LEFT, _RIGHT = 0, 1


def _joins(previous: str, text: str) -> bool:
    """True when ``text`` continues the body name ``previous`` on a new line."""
    if text.startswith("VÀ ") or previous.endswith((",", " VÀ")):
        return True
    if _KIND_ONLY_RE.fullmatch(previous) and _PLACE_ONLY_RE.fullmatch(text):
        return True
    # a kind cut in two: ``ỦY BAN NHÂN`` / ``DÂN``
    kind = _KIND_ONLY_RE.match(f"{previous} {text}")
    return kind is not None and kind.end() > len(previous) + 1


@attrs.define
class Header:
    """What the header lines say, and what of them was not understood.

    ``leftovers`` holds ``(index, text)`` of text not understood; ``notes`` holds
    ``(first, last, text)`` of text kept as printed (mottos, party names, rules,
    a number or date printed with blanks), left column first, then the right one.
    Indexes refer to the lines given to :func:`read_header`.
    """

    issuer: str | None = None
    superior_body: str | None = None
    number: DocumentNumber | str | None = None
    place: str | None = None
    issued_on: dt.date | None = None
    style: NumberStyle | None = None
    leftovers: list[tuple[int, str]] = attrs.field(factory=list)
    notes: list[tuple[int, int, str]] = attrs.field(factory=list)


def _date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


@attrs.define
class _Item:
    """Something read in the header: where (offsets in the joined text), which column, what."""

    start: int
    end: int
    column: int | None
    text: str
    note: bool


class _Reader:
    """The header lines joined into one text; what is read is blanked out of it."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.starts: list[int] = []
        self.items: list[_Item] = []
        plain: list[str] = []
        offset = 0
        for raw in lines:
            self.starts.append(offset)
            plain.append(self._plain(raw, offset))
            offset += len(raw) + 1
        self.text = "\n".join(plain)

    def _plain(self, raw: str, offset: int) -> str:
        """``raw`` without markup; rules are taken out (same length, blanks for what went)."""
        if is_markup(raw):
            return " " * len(raw)
        if is_rule(raw.replace("|", " ")):
            # one rule, or a rule under each column (``-------   ---------------``)
            rules = list(re.finditer(r"[^\s|]+", raw))
            for number, match in enumerate(rules):
                column = None if len(rules) == 1 else _LEFT if number == 0 else _RIGHT
                start, end = offset + match.start(), offset + match.end()
                self.items.append(_Item(start, end, column, match.group(0), True))
            return " " * len(raw)
        text = _MARKUP_TOKEN_RE.sub("  ", raw)
        for match in _RULE_TOKEN_RE.finditer(text):
            rule = match.group(0)
            self.items.append(_Item(offset + match.start(), offset + match.end(), None, rule, True))
        text = _RULE_TOKEN_RE.sub(lambda m: " " * len(m.group(0)), text)
        return _EMPHASIS_RE.sub(lambda m: " " * len(m.group(0)), text)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def take(self, start: int, end: int, column: int | None, *, note: bool) -> str:
        """Record ``[start, end)`` as read; give its text with single spaces."""
        text = " ".join(self.text[start:end].split())
        self.items.append(_Item(start, end, column, text, note))
        self.text = self.text[:start] + _blank(self.text[start:end]) + self.text[end:]
        return text

    def notes(self) -> list[tuple[int, int, str]]:
        """Notes, left column then right; a rule belongs to the column of what it is under."""
        ordered = sorted(self.items, key=lambda item: item.start)
        column = _LEFT
        for item in ordered:
            if item.column is None:
                item.column = column
            column = item.column
        return [
            (self.line_of(item.start), self.line_of(max(item.start, item.end - 1)), item.text)
            for item in sorted(ordered, key=lambda item: (item.column, item.start))
            if item.note
        ]


def _blank(text: str) -> str:
    """Spaces in place of ``text``, line breaks kept."""
    return "".join("\n" if ch == "\n" else " " for ch in text)


def _titles(reader: _Reader, header: Header) -> None:
    """The motto and the party names: notes that say the format."""
    for pattern, style in (
        (_STATE_RE, NumberStyle.STATE),
        (_MOTTO_RE, NumberStyle.STATE),
        (_PARTY_RE, NumberStyle.PARTY),
        (_YOUTH_RE, NumberStyle.PARTY),
    ):
        for match in list(pattern.finditer(reader.text)):
            line_start = reader.text.rfind("\n", 0, match.start()) + 1
            if style is NumberStyle.PARTY and _NAME_BEFORE_RE.search(
                reader.text[line_start : match.start()]
            ):
                continue
            reader.take(match.start(), match.end(), _RIGHT, note=True)
            if style is NumberStyle.PARTY:
                header.style = NumberStyle.PARTY
            else:
                header.style = header.style or NumberStyle.STATE


def _number(reader: _Reader, header: Header) -> None:
    number = _NUMBER_RE.search(reader.text)
    if number is not None:
        start, end = number.start(), number.end()
        header.number = parse_number_or_text(" ".join(number.group("number").split()))
        reader.take(start, end, _LEFT, note=False)
        return
    blank = _BLANK_NUMBER_RE.search(reader.text)
    if blank is not None:
        reader.take(blank.start(), blank.end(), _LEFT, note=True)


def _place_and_date(reader: _Reader, header: Header) -> None:
    match = _DATE_RE.search(reader.text)
    if match is None:
        return
    start = match.start()
    if match.group("place") is not None:
        start = match.start("place") + _upper_prefix(match.group("place"))
        header.place = match.group("place")[start - match.start("place") :].strip(" *-–_") or None
    header.issued_on = _date(match.group("d"), match.group("m"), match.group("y"))
    reader.take(start, match.end(), _RIGHT, note=header.issued_on is None)


def _upper_prefix(place: str) -> int:
    """Length of a body name (two upper-case words or more) glued before the place."""
    words = list(re.finditer(r"\S+", place))
    upper = 0
    while upper < len(words) and _is_upper(words[upper].group(0)):
        upper += 1
    if upper >= 2 and upper < len(words):
        return words[upper].start()
    return 0


def _is_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _bodies(reader: _Reader, header: Header) -> list[tuple[int, str]]:
    """Upper-case names left in the header, joined across lines, with their first line."""
    bodies: list[tuple[int, str]] = []
    for index, start in enumerate(reader.starts):
        end = reader.starts[index + 1] - 1 if index + 1 < len(reader.starts) else len(reader.text)
        text = " ".join(reader.text[start:end].split()).strip(" -–_")
        if not any(ch.isalnum() for ch in text):
            continue
        if _is_upper(text):
            reader.items.append(_Item(start, start + 1, _LEFT, text, note=False))
            if bodies and _joins(bodies[-1][1], text):
                bodies[-1] = (bodies[-1][0], f"{bodies[-1][1]} {text}")
            else:
                bodies.append((index, text))
        else:
            header.leftovers.append((index, text))
    return bodies


def read_header(lines: Sequence[str]) -> Header:
    """Read the header lines (indexes in ``leftovers`` and ``notes`` refer to ``lines``)."""
    header = Header()
    reader = _Reader(lines)
    _titles(reader, header)
    _number(reader, header)
    _place_and_date(reader, header)
    bodies = _bodies(reader, header)
    if bodies and _BARE_BOARD_RE.fullmatch(bodies[-1][1]) and len(bodies) > 1:
        board = bodies.pop()
        bodies[-1] = (bodies[-1][0], f"{board[1]} {bodies[-1][1]}")
    if bodies:
        header.issuer = bodies[-1][1]
        header.superior_body = bodies[-2][1] if len(bodies) > 1 else None
        header.leftovers.extend(bodies[:-2])
        header.leftovers.sort(key=lambda pair: pair[0])
    header.notes = reader.notes()
    if header.style is None and isinstance(header.number, DocumentNumber):
        header.style = header.number.style
    return header


def header_notes(
    header: Header, lines: Sequence[SourceLine], rules: Sequence[SourceLine] = ()
) -> list[Note]:
    """The header's notes at the lines they were read from, then the rules under the title.

    ``lines`` are the lines ``header`` was read from; ``rules`` the rule lines after
    the kind line (markup left by a web page is not a rule).
    """
    notes = []
    for first, last, text in header.notes:
        end = lines[last].end_line if lines[last].end_line is not None else lines[last].line
        notes.append(Note(part=Part.HEADER, text=text, location=Location(lines[first].line, end)))
    for line in rules:
        if not is_markup(line.text):
            end = line.end_line if line.end_line is not None else line.line
            notes.append(Note(part=Part.HEADER, text=line.text, location=Location(line.line, end)))
    return notes


def infer_issuer(paragraphs: Sequence[str]) -> str | None:
    """The issuer a preamble names (*..., Đảng ủy xã Kiên Mộc ban hành Kế hoạch ...*).

    The name runs from a body's kind at the start of the clause (the paragraph's
    start, or after a comma or semicolon) to the verb; commas inside it are
    followed by a capital (*Sở Văn hóa, Thể thao và Du lịch*).

    >>> infer_issuer(["Ban Thường vụ Quận ủy xây dựng kế hoạch tuyên truyền, như sau:"])
    'Ban Thường vụ Quận ủy'
    >>> infer_issuer(["Căn cứ Luật ...; Sở Văn hóa, Thể thao và Du lịch ban hành Kế hoạch:"])
    'Sở Văn hóa, Thể thao và Du lịch'
    """
    for text in paragraphs:
        for verb in _ISSUER_VERB_RE.finditer(text):
            name = _name_before(text[: verb.start()])
            if name:
                return name
    return None


def _name_before(clause: str) -> str | None:
    clause = clause[max(clause.rfind(";"), clause.rfind(":")) + 1 :]
    starts = [0] + [m.end() for m in re.finditer(r",\s+", clause)]
    for start in starts:
        rest = clause[start:].lstrip()
        if not _ISSUER_START_RE.match(rest) or len(rest) > 120:
            continue
        commas = [m.end() for m in re.finditer(r",\s+", rest)]
        if all(rest[at : at + 1].isupper() for at in commas):
            return " ".join(rest.split())
    return None


def style_from_signature(on_behalf: str | None, title: str | None) -> NumberStyle | None:
    """Party or State format, guessed from who signs (``T/M BAN THƯỜNG VỤ`` / ``BÍ THƯ``)."""
    words = fold(f"{on_behalf or ''} {title or ''}")
    if any(w in words for w in ("ban thường vụ", "đảng ủy", "ban chấp hành", "bí thư", "chi bộ")):
        return NumberStyle.PARTY
    if any(w in words for w in ("chủ tịch", "giám đốc", "ủy ban nhân dân", "ubnd", "thủ trưởng")):
        return NumberStyle.STATE
    return None
