"""Identity rules (KH2xx): number, date, place, kind code, number style."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from .._elements import LineStart, Location, Part
from .._numbers import DocumentNumber, NumberStyle
from ._registry import Hit, Severity, rule
from ._text import Context, Segment, issuer_is_party, modern_uy

_BLANK = re.compile(r"…|\.{3,}|_{2,}")


# the header's number line with the number itself left out: "Số -KH/ĐU", "Số: - KH/ĐTN"
_BLANK_NUMBER = re.compile(
    r"\bSố\s*:?\s*(?:[-–]\s*[A-ZĐ][A-Za-zĐđ]{0,4}\s*/\s*[A-ZĐ][A-ZĐ0-9-]*"
    r"|/\s*[A-ZĐ][A-Za-zĐđ]{0,4}\s*-\s*[A-ZĐ][A-ZĐ0-9-]*)"
)
# the header's date with the day (or day and month) left out: "ngày tháng 10 năm 2025"
_BLANK_DAY = re.compile(
    r"\bngày\s+(?:tháng\s+(?:\d{1,2}\s+)?năm\s+\d{4}|tháng\s+\d{1,2}\s+năm\s+\d{4}"
    r"|/\s*\d{1,2}\s*/\s*\d{4})"
)


def _header_blank(ctx: Context, element: str, pattern: re.Pattern[str]) -> Hit | None:
    """The header line printing ``element``'s formula with the value left blank, if any."""
    for note in ctx.plan.notes:
        if note.part is not Part.HEADER:
            continue
        text = unicodedata.normalize("NFC", note.text)
        m = pattern.search(text)
        if m is None:
            continue
        args: dict[str, object] = {
            "blank_vi": f" (để trống: “{m[0]}”)",
            "blank_en": f" (left blank: “{m[0]}”)",
        }
        where = _note_place(ctx, element, note.location, m)
        if where is None or not where.starts:
            # the words could not be placed exactly: the field's place, as the reader read it
            field = ctx.plan.header_locations.get(element) or note.location
            return Hit(element=element, location=field, excerpt=m[0], args=args)
        segment = Segment(element, where, text, "header")
        return Hit(segment=segment, start=m.start(), end=m.end(), args=args)
    return None


_NOT_BLANK: dict[str, object] = {"blank_vi": "", "blank_en": ""}


def _note_place(
    ctx: Context, element: str, where: Location | None, m: re.Match[str]
) -> Location | None:
    """A source map for a header line read as a note (which has none).

    The reader placed ``element`` (the blank formula, or its first line) at its column:
    the note's text starts that many characters before the match. A note read from two
    lines (``Số:`` / ``- KH/ĐTN``) is taken to continue at the start of the next line.
    """
    field = ctx.plan.header_locations.get(element)
    if where is None or where.starts or field is None or field.column is None:
        return where
    if field.line != where.line or field.column - m.start() < 1 or field.end_column is None:
        return where
    width = field.end_column - field.column
    starts = [LineStart(0, where.line, field.column - m.start())]
    if where.end_line is not None and where.end_line == where.line + 1:
        if field.end_line not in (None, field.line):
            return where
        starts.append(LineStart(m.start() + width + 1, where.line + 1, 1))
    elif where.end_line not in (None, where.line) or width != m.end() - m.start():
        return where  # the reader's span is not these words (spaces folded, another cut)
    return Location(where.line, where.end_line, column=starts[0].column, starts=starts)


@rule(
    "KH201",
    "missing-number",
    Severity.WARNING,
    vi="Kế hoạch không có số, ký hiệu{blank_vi}",
    en="The plan has no document number{blank_en}",
    hint_vi="Ghi số và ký hiệu văn bản (ví dụ: Số 06-KH/ĐU).",
    hint_en="Give the plan its number and code (e.g. Số 06-KH/ĐU).",
    doc="The header has no document number (or only a blank). When the header prints the "
    "number's formula with the number left out (`Số -KH/ĐU`, often in a copy signed "
    "before it was numbered), the finding points at those words.",
)
def missing_number(ctx: Context) -> Iterator[Hit]:
    number = ctx.plan.number
    if number is None or (isinstance(number, str) and not re.search(r"\d", number)):
        blank = _header_blank(ctx, "number", _BLANK_NUMBER)
        yield blank or Hit(element="number", excerpt=number or "", args=_NOT_BLANK)


@rule(
    "KH202",
    "missing-date",
    Severity.WARNING,
    vi="Kế hoạch không có ngày ban hành{blank_vi}",
    en="The plan has no issue date{blank_en}",
    hint_vi="Ghi ngày, tháng, năm ban hành dưới địa danh.",
    hint_en="Give the issue date after the place name.",
    doc="The header has no issue date. When it prints the date with the day left out "
    "(`ngày tháng 10 năm 2025`, often in a copy signed before it was dated), the "
    "finding points at those words.",
)
def missing_date(ctx: Context) -> Iterator[Hit]:
    if ctx.plan.issued_on is None:
        blank = _header_blank(ctx, "issued_on", _BLANK_DAY)
        yield blank or Hit(element="issued_on", args=_NOT_BLANK)


@rule(
    "KH203",
    "missing-place",
    Severity.WARNING,
    vi="Kế hoạch không ghi địa danh ban hành",
    en="The plan has no place name",
    hint_vi="Ghi địa danh trước ngày ban hành (ví dụ: Kiên Mộc, ngày ...).",
    hint_en="Give the place name before the date.",
    doc="The header has no place name, or only a template blank.",
)
def missing_place(ctx: Context) -> Iterator[Hit]:
    place = ctx.plan.place
    if place is None or not place.strip() or re.fullmatch(r"[…._\s]+", place):
        yield Hit(element="place", excerpt=place or "")


@rule(
    "KH204",
    "malformed-number",
    Severity.ERROR,
    vi="Số, ký hiệu “{number}” không đúng thể thức",
    en="Document number “{number}” is malformed",
    hint_vi="Viết theo mẫu Đảng (06-KH/ĐU) hoặc Nhà nước (805/KH-UBND).",
    hint_en="Write it in the Party (06-KH/ĐU) or State (805/KH-UBND) form.",
    doc="The plan's number is present but parses as neither the Party form "
    "(`06-KH/TBTT`) nor the State form (`805/KH-SVHTTDL`).",
)
def malformed_number(ctx: Context) -> Iterator[Hit]:
    number = ctx.plan.number
    if isinstance(number, str) and re.search(r"\d", number):
        yield Hit(element="number", excerpt=number, args={"number": number})


_KIND_CODES = {
    "KẾ HOẠCH": {"KH"},
    "CHƯƠNG TRÌNH": {"CTr", "CTR"},
    "HƯỚNG DẪN": {"HD"},
    "BÁO CÁO": {"BC"},
    "THÔNG BÁO": {"TB"},
    "CÔNG VĂN": {"CV"},
    "NGHỊ QUYẾT": {"NQ"},
    "CHỈ THỊ": {"CT"},
    "KẾT LUẬN": {"KL"},
    "QUYẾT ĐỊNH": {"QĐ"},
}


@rule(
    "KH205",
    "kind-code-mismatch",
    Severity.ERROR,
    vi="Ký hiệu loại văn bản “{code}” không khớp với loại “{kind}”",
    en="Kind code “{code}” does not match the document kind “{kind}”",
    hint_vi="Một kế hoạch mang ký hiệu KH (ví dụ: 06-KH/ĐU).",
    hint_en="A plan's number carries the code KH (e.g. 06-KH/ĐU).",
    doc="The kind code in the plan's own number does not match its kind "
    "(a *KẾ HOẠCH* numbered `…-CV/…`).",
)
def kind_code(ctx: Context) -> Iterator[Hit]:
    number = ctx.plan.number
    if not isinstance(number, DocumentNumber) or number.kind is None:
        return
    kind = " ".join(ctx.plan.kind.upper().split())
    expected = _KIND_CODES.get(kind)
    if expected and number.kind.upper() not in {e.upper() for e in expected}:
        yield Hit(element="number", excerpt=str(number), args={"code": number.kind, "kind": kind})


_STYLE_VI = {NumberStyle.PARTY: "của Đảng", NumberStyle.STATE: "của Nhà nước"}
_STYLE_EN = {NumberStyle.PARTY: "Party", NumberStyle.STATE: "State"}


@rule(
    "KH206",
    "number-style-mismatch",
    Severity.ERROR,
    vi="Số “{number}” viết theo thể thức {style_vi} nhưng cơ quan ban hành là cơ quan {issuer_vi}",
    en="Number “{number}” follows the {style_en} form but the issuer is a {issuer_en} body",
    hint_vi="Cơ quan Đảng ghi số dạng 06-KH/ĐU; cơ quan Nhà nước dạng 805/KH-UBND.",
    hint_en="Party bodies number 06-KH/ĐU; State bodies 805/KH-UBND.",
    doc="A Party body's plan numbered in the State form (`15/KH-ĐU`), or a State body's "
    "plan in the Party form (`15-KH/UBND`). The issuer's nature comes from its name "
    "(Đảng ủy, Quận ủy, Ban Thường vụ ... against Ủy ban nhân dân, Sở, Phòng ...). A "
    "sub-committee (*Tiểu ban*) under a body that is not a Party body (an election "
    "committee, *Ủy ban bầu cử xã*) is judged by the plan's format instead.",
)
def number_style(ctx: Context) -> Iterator[Hit]:
    number = ctx.plan.number
    if not isinstance(number, DocumentNumber):
        return
    party = issuer_is_party(ctx.plan.issuer)
    if party and ctx.plan.superior_body and not issuer_is_party(ctx.plan.superior_body):
        party = None  # a sub-committee (Tiểu ban) of a State body, e.g. an election committee
    if party is None and ctx.plan.style is not None:
        # the issuer's name does not tell (or was not read): the motto's format does
        party = ctx.plan.style is NumberStyle.PARTY
    if party is None:
        return
    expected = NumberStyle.PARTY if party else NumberStyle.STATE
    if number.style is not expected:
        yield Hit(
            element="number",
            excerpt=str(number),
            args={
                "number": str(number),
                "style_vi": _STYLE_VI[number.style],
                "style_en": _STYLE_EN[number.style],
                "issuer_vi": "Đảng" if party else "Nhà nước",
                "issuer_en": "Party" if party else "State",
            },
        )


@rule(
    "KH207",
    "number-not-padded",
    Severity.INFO,
    vi="Số “{number}” nhỏ hơn 10 nên ghi thêm số 0 phía trước",
    en="Number “{number}” is below 10 and should be padded with a 0",
    hint_vi="Ghi 06-KH/ĐU thay cho 6-KH/ĐU.",
    hint_en="Write 06-KH/ĐU rather than 6-KH/ĐU.",
    doc="Both formats (NĐ 30 and HD 36) pad document numbers below 10 with a zero.",
)
def number_padding(ctx: Context) -> Iterator[Hit]:
    number = ctx.plan.number
    if isinstance(number, DocumentNumber) and re.fullmatch(r"[1-9][a-z]?", number.number):
        yield Hit(element="number", excerpt=str(number), args={"number": str(number)})


# the committee itself (not one of its boards) -> the issuer code its numbers carry
_BOARD = r"^(?:Ban Thường vụ |Ban Chấp hành |Thường trực )?"
_COMMITTEE_CODE = [
    (re.compile(_BOARD + r"Đảng ủy\b", re.I), "ĐU"),
    (re.compile(_BOARD + r"Huyện ủy\b", re.I), "HU"),
    (re.compile(_BOARD + r"Quận ủy\b", re.I), "QU"),
    (re.compile(_BOARD + r"(?:Tỉnh|Thành) ủy\b", re.I), "TU"),
    (re.compile(r"^(?:Ủy ban nhân dân|UBND)\b", re.I), "UBND"),
]
_COMMITTEE_CODES = {code for _, code in _COMMITTEE_CODE} | {"TW"}


@rule(
    "KH208",
    "issuer-code-mismatch",
    Severity.ERROR,
    vi="Ký hiệu cơ quan “{code}” trong số “{number}” không phải của {issuer} ({expected})",
    en="Issuer code “{code}” in number “{number}” is not that of {issuer} ({expected})",
    hint_vi="Ghi ký hiệu của chính cơ quan ban hành (Đảng ủy: ĐU, Huyện ủy: HU, Tỉnh ủy: TU, "
    "UBND: UBND); ký hiệu khác thường còn sót từ mẫu của cấp trên.",
    hint_en="Give the issuer's own code (Đảng ủy: ĐU, Huyện ủy: HU, Tỉnh ủy: TU, UBND: "
    "UBND); another code is usually left over from the superior's template.",
    doc="The plan's own number carries the code of another committee: a commune Đảng ủy's "
    "plan numbered `12-KH/TU` (the Tỉnh ủy's code), a Huyện ủy's numbered `…/ĐU`. Checked "
    "only when the issuer is the committee itself (not one of its boards) and the code is "
    "a committee's code (ĐU, HU, QU, TU, TW, UBND).",
)
def issuer_code(ctx: Context) -> Iterator[Hit]:
    number = ctx.plan.number
    issuer = ctx.plan.issuer
    if not isinstance(number, DocumentNumber) or not issuer:
        return
    name = modern_uy(" ".join(issuer.split()))
    expected = next((code for pattern, code in _COMMITTEE_CODE if pattern.match(name)), None)
    code = unicodedata.normalize("NFC", number.issuer).upper()
    if expected is not None and code in _COMMITTEE_CODES and code != expected:
        yield Hit(
            element="number",
            excerpt=str(number),
            args={"code": number.issuer, "number": str(number), "issuer": issuer,
                  "expected": expected},
        )  # fmt: skip
