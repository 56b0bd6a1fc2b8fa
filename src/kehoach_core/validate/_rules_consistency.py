"""Consistency rules (KH5xx): ordinals and terms, levels, periods, anniversaries."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

import attrs

from .._elements import LEVEL_COMMITTEES, LEVEL_WORDS, Level
from ._registry import Hit, Severity, rule
from ._scan import to_bytes
from ._text import Context, Segment, modern_uy, roman_to_int

_LEVEL = r"xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh"
_NAME = r"(?:\s+(?!lần\b|khóa\b|khoá\b|thứ\b|nhiệm\b)[A-ZĐÂ-Ỹ][^\W\d_]*)*"
_TERM = r"(?:,?\s+nhiệm\s+kỳ\s+(\d{4})\s*[-–—]\s*(\d{4}))?"
_CONGRESS = re.compile(
    rf"[Đđ]ại\s+hội\s+(?:[Đđ]ại\s+biểu\s+)?Đảng\s+bộ\s+(?P<level>{_LEVEL}|thành)(?P<name>{_NAME}),?"
    rf"\s+(?:lần\s+thứ|thứ|khóa|khoá)\s+(?P<ord>[IVXL]+)\b{_TERM}",
    re.I,
)
_CONGRESS_REV = re.compile(
    rf"[Đđ]ại\s+hội\s+(?:lần\s+thứ\s+)?(?P<ord>[IVXL]+)\s+(?:của\s+)?Đảng\s+(?:bộ|ủy|uỷ)\s+"
    rf"(?P<level>{_LEVEL})\b{_TERM}"
)

# where the patterns can start (see ``_scan``): folded for the one that ignores case
_CONGRESS_FOLDED = re.compile(to_bytes(r"dai(?=\s+hoi\s+(?:dai\s+bieu\s+)?dang\s+bo\s)"))
# one pattern per capital, so that ``re`` searches for a literal (far faster than a class)
_CONGRESS_REV_BYTES = [
    re.compile(
        to_bytes(
            big + r"ại(?=\s+hội\s+(?:lần\s+thứ\s+)?[IVXL]+\s+(?:của\s+)?Đảng\s+(?:bộ|ủy|uỷ)\s)"
        )
    )
    for big in "Đđ"
]

_LEVEL_OF: dict[str, Level] = {
    word: level
    for word, level in LEVEL_WORDS
    if level in (Level.COMMUNE, Level.DISTRICT, Level.PROVINCE)
}


@attrs.frozen
class Mention:
    """A congress named in the text: level word, ordinal, optional term, where."""

    level: str
    ordinal: int
    term: tuple[int, int] | None
    segment: Segment
    start: int
    end: int


def congress_mentions(ctx: Context) -> list[Mention]:
    """Every *Đại hội Đảng bộ <level> lần thứ N[, nhiệm kỳ a - b]* in the text."""
    cached = ctx.cache.get("congress_mentions")
    if cached is None:
        cached = ctx.cache["congress_mentions"] = _congress_mentions(ctx)
    assert isinstance(cached, list)
    return cached


def _congress_matches(ctx: Context) -> Iterator[tuple[Segment, re.Match[str]]]:
    gate = ctx.indices_with("Đảng")
    data = ctx.encoded
    if data is None:
        yield from ctx.finditer(_CONGRESS, within=gate)
        yield from ctx.finditer(_CONGRESS_REV, within=gate)
        return
    folded = ctx.folded
    assert folded is not None
    yield from ctx.matches_at(
        _CONGRESS, [m.start() for m in _CONGRESS_FOLDED.finditer(folded)], gate
    )
    starts = sorted(m.start() for p in _CONGRESS_REV_BYTES for m in p.finditer(data))
    yield from ctx.matches_at(_CONGRESS_REV, starts, gate)


def _congress_mentions(ctx: Context) -> list[Mention]:
    out: list[Mention] = []
    for segment, m in _congress_matches(ctx):
        try:
            ordinal = roman_to_int(m["ord"].upper())
        except ValueError:
            continue
        groups = m.groups()
        term = (int(groups[-2]), int(groups[-1])) if groups[-1] else None
        level = " ".join(m["level"].lower().split())
        out.append(Mention(level, ordinal, term, segment, m.start(), m.end()))
    return out


def _hit(m: Mention, **args: object) -> Hit:
    return Hit(
        segment=m.segment,
        start=m.start,
        end=m.end,
        args=dict(args),
    )


@rule(
    "KH501",
    "ordinal-contradicts-term",
    Severity.ERROR,
    vi="Đại hội Đảng bộ {level} lần thứ {ordinal} với nhiệm kỳ {term} mâu thuẫn với chỗ khác "
    "trong văn bản (lần thứ {other_ordinal}, nhiệm kỳ {other_term})",
    en="The {level} congress number {ordinal} with term {term} contradicts the rest of the "
    "plan (number {other_ordinal}, term {other_term})",
    hint_vi="Kiểm tra lại số thứ tự đại hội hoặc nhiệm kỳ (mỗi nhiệm kỳ 5 năm).",
    hint_en="Check the congress number or the term (a term is five years).",
    doc="One body's congress ordinal and term must agree across the plan: ordinal N with "
    "term a - b means N-1 with a-5 - b-5. A mention whose ordinal/term pair disagrees with "
    "the pairs used most for the same level is reported.",
)
def ordinal_vs_term(ctx: Context) -> Iterator[Hit]:
    by_level: dict[str, list[Mention]] = defaultdict(list)
    for m in congress_mentions(ctx):
        if m.term is not None and m.term[1] - m.term[0] == 5:
            by_level[m.level].append(m)
    for level, mentions in by_level.items():
        offsets = Counter(m.term[0] - 5 * m.ordinal for m in mentions if m.term)
        if len(offsets) < 2:
            continue
        best, best_count = offsets.most_common(1)[0]
        if list(offsets.values()).count(best_count) > 1:
            continue
        ref = next(m for m in mentions if m.term and m.term[0] - 5 * m.ordinal == best)
        assert ref.term is not None
        for m in mentions:
            assert m.term is not None
            if m.term[0] - 5 * m.ordinal != best:
                yield _hit(
                    m,
                    level=level,
                    ordinal=_roman(m.ordinal),
                    term=f"{m.term[0]} - {m.term[1]}",
                    other_ordinal=_roman(ref.ordinal),
                    other_term=f"{ref.term[0]} - {ref.term[1]}",
                )


def _roman(n: int) -> str:
    from .._numbers import int_to_roman

    return int_to_roman(n)


_OWN_SCOPE = re.compile(
    rf"\b(?:toàn quân|toàn dân|trên địa bàn|Nhân dân trong|truyền thanh|thông tin điện tử)\s+"
    rf"(?P<level>{_LEVEL})\b(?!\s+[A-ZĐÂ-Ỹ])"
)
_OWN_SCOPE_STARTS = (
    "toàn quân|toàn dân|trên địa bàn|Nhân dân trong|truyền thanh|thông tin điện tử".split("|")
)
# the closing words of the opening: "<issuer> ban hành Kế hoạch ..."
_ISSUER_CLAUSE = re.compile(
    r"(?:Ban Thường vụ |Ban Chấp hành |Thường trực )?"
    r"(?P<body>(?:Tỉnh|Thành|Huyện|Quận|Thị) (?:ủy|uỷ)"
    rf"|(?:Đảng (?:ủy|uỷ)|Ủy ban nhân dân|Uỷ ban nhân dân|UBND) (?P<level>{_LEVEL}))"
    r"(?:\s+[A-ZĐÂ-Ỹ][^\W\d_]*){0,4}\s+(?:ban\s+hành|xây\s+dựng)\s+[Kk]ế\s+hoạch"
)


def _issuer_clauses(ctx: Context) -> Iterator[tuple[Segment, re.Match[str]]]:
    """``_ISSUER_CLAUSE`` in the opening (the segments after the title)."""
    for segment in ctx.segments:
        if segment.part == "title":
            continue
        if segment.part not in ("preamble", "bases"):
            return
        text = segment.text
        if "ế hoạch" in text and ("ban hành" in text or "xây dựng" in text):
            for m in _ISSUER_CLAUSE.finditer(text):
                yield segment, m


# a committee's first word (*Tỉnh* ủy, *Thành* ủy, *Thị* ủy) names its level
_COMMITTEE_LEVEL: dict[str, Level] = {
    name.split()[0]: level for name, level in LEVEL_COMMITTEES if level is not Level.NATIONAL
}
_GARBLED = re.compile(r"\bĐảng bộ thành (?!phố)(?P<level>[^\W\d_]+)")


@rule(
    "KH502",
    "level-contradicts-issuer",
    Severity.ERROR,
    vi="Văn bản của cấp {own} nhưng lại viết “{found}”",
    en="A {own_en} plan writes “{found}”",
    hint_vi="Sửa tên cấp cho đúng với cơ quan ban hành (tên cấp còn sót lại từ mẫu).",
    hint_en="Use the issuer's own level (the wording is left over from a template).",
    doc="A level or place name that contradicts the issuer: the plan's own congress "
    "(its ordinal) given to another level (`Đảng bộ thành phố lần thứ III` in a commune "
    "plan whose congress is the III), a garbled level (`Đảng bộ thành xã`), the "
    "issuer's own scope named at another level (`toàn quân thành phố` in a commune plan), "
    "or the opening naming another level's body as the issuer (`Ban Thường vụ Thành ủy "
    "ban hành Kế hoạch` in a ward plan).",
)
def level_contradiction(ctx: Context) -> Iterator[Hit]:
    own = ctx.own_level
    if own not in (Level.COMMUNE, Level.DISTRICT, Level.PROVINCE):
        return
    names = {Level.COMMUNE: ("xã", "commune"), Level.DISTRICT: ("huyện", "district")}
    names[Level.PROVINCE] = ("tỉnh", "province")
    own_vi, own_en = names[own]
    mentions = congress_mentions(ctx)
    own_mentions = [m for m in mentions if _LEVEL_OF.get(m.level) is own]
    if own_mentions:
        ordinal = Counter(m.ordinal for m in own_mentions).most_common(1)[0][0]
        per_level = Counter(m.level for m in mentions)
        for m in mentions:
            level = _LEVEL_OF.get(m.level)
            if level is None or level is own or m.ordinal != ordinal:
                continue
            others = {x.ordinal for x in mentions if x.level == m.level}
            if others == {ordinal} and per_level[m.level] < len(own_mentions):
                found = m.segment.text[m.start : m.end]
                yield _hit(m, own=own_vi, own_en=own_en, found=found)
    for segment, g in ctx.matches_at(_GARBLED, ctx.positions("Đảng bộ thành ")):
        yield Hit(
            segment=segment,
            start=g.start(),
            end=g.end(),
            args={"own": own_vi, "own_en": own_en, "found": g[0]},
        )
    for segment, c in _issuer_clauses(ctx):
        body = modern_uy(c["body"])
        level = _COMMITTEE_LEVEL.get(body.split()[0].lower())
        if level is None:
            level = _LEVEL_OF.get(" ".join((c["level"] or "").lower().split()))
        ambiguous = body.startswith("Thành") and own is Level.DISTRICT
        if level is not None and level is not own and not ambiguous:
            yield Hit(
                segment=segment,
                start=c.start(),
                end=c.end(),
                args={"own": own_vi, "own_en": own_en, "found": c[0]},
            )
    for segment, s in ctx.matches_at(_OWN_SCOPE, ctx.positions(*_OWN_SCOPE_STARTS)):
        level = _LEVEL_OF.get(s["level"])
        if level is not None and level is not own and own is Level.COMMUNE:
            yield Hit(
                segment=segment,
                start=s.start(),
                end=s.end(),
                args={"own": own_vi, "own_en": own_en, "found": s[0]},
            )


_PERIOD = re.compile(r"\bnhiệm\s+kỳ\s+(\d{4})\s*[-–—]\s*(\d{4})")


@rule(
    "KH503",
    "period-not-a-term",
    Severity.ERROR,
    vi="Nhiệm kỳ {start} - {end} không phải là 5 năm",
    en="Term {start} - {end} does not span five years",
    hint_vi="Một nhiệm kỳ kéo dài 5 năm (ví dụ: 2025 - 2030).",
    hint_en="A term spans five years (e.g. 2025 - 2030).",
    doc="A *nhiệm kỳ a - b* whose years do not span a five-year term.",
)
def period_not_term(ctx: Context) -> Iterator[Hit]:
    gate = ctx.indices_with("nhiệm kỳ")
    for segment, m in ctx.matches_at(_PERIOD, ctx.positions("nhiệm"), gate):
        start, end = int(m[1]), int(m[2])
        if end - start != 5:
            yield Hit(
                segment=segment,
                start=m.start(),
                end=m.end(),
                args={"start": start, "end": end},
            )


_STAGE = re.compile(r"\bgiai\s+đoạn\s+(\d{4})\s*[-–—]\s*(\d{4})\b")


@rule(
    "KH507",
    "term-as-period",
    Severity.WARNING,
    vi="“{found}” ghi theo nhiệm kỳ; giai đoạn 5 năm của kế hoạch là {start} - {end}",
    en="“{found}” is written as a term; the plan's five-year period is {start} - {end}",
    hint_vi="Giai đoạn 5 năm tính từ năm đầu đến năm thứ năm (2026 - 2030); nhiệm kỳ "
    "mới ghi 2026 - 2031.",
    hint_en="A five-year period runs from its first year to its fifth (2026 - 2030); only "
    "a term is written 2026 - 2031.",
    doc="A term of office is labelled by the years of its two elections (*nhiệm kỳ 2026 - "
    "2031*), a five-year period by its first and last years (*giai đoạn 2026 - 2030*). "
    "A *giai đoạn a - (a+5)* in a plan that elsewhere writes its period *giai đoạn "
    "a - (a+4)* uses the term's label for the period.",
)
def term_as_period(ctx: Context) -> Iterator[Hit]:
    found = list(ctx.finditer(_STAGE, "giai đoạn"))
    periods = {int(m[1]) for _, m in found if int(m[2]) - int(m[1]) == 4}
    for segment, m in found:
        start, end = int(m[1]), int(m[2])
        if end - start == 5 and start in periods:
            yield Hit(
                segment=segment,
                start=m.start(),
                end=m.end(),
                args={"found": m[0], "start": start, "end": start + 4},
            )


_DMY = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
_ANNIV_DATES = re.compile(
    rf"\b(\d{{1,3}})\s+năm\b([^()]{{0,150}}?)\(\s*{_DMY}\s*[-–—]\s*{_DMY}\s*\)"
)
_ANNIV_YEARS = re.compile(r"\b(\d{1,3})\s+năm\b([^()]{0,150}?)\(\s*(\d{4})\s*[-–—]\s*(\d{4})\s*\)")
_ANNIV_WORDS = re.compile(
    r"Ngày|ngày|kỷ niệm|thành lập|sinh|truyền thống|[Cc]hiến thắng|[Gg]iải phóng"
    r"|Cách mạng|Quốc khánh"
)
_NOT_ANNIV = re.compile(r"chiến lược|[Kk]ế hoạch|giai đoạn|nhiệm kỳ|thực hiện")


# national anniversaries a plan names without their dates: name -> the year counted from
_KNOWN_ANNIV = [
    (re.compile(r"(?:Ngày )?thành lập Đảng(?: Cộng sản Việt Nam)?(?! bộ| ủy| uỷ)\b"), 1930),
    (re.compile(r"(?:Ngày )?Quốc khánh\b"), 1945),
    (re.compile(r"Cách mạng [Tt]háng Tám\b"), 1945),
    (re.compile(r"(?:Ngày )?sinh (?:của )?Chủ tịch Hồ Chí Minh\b"), 1890),
    (re.compile(r"(?:Ngày )?[Gg]iải phóng (?:hoàn toàn )?miền Nam\b"), 1975),
    (re.compile(r"[Cc]hiến thắng Điện Biên Phủ\b"), 1954),
    (re.compile(r"(?:Ngày )?[Tt]hương binh\s*[-–]\s*[Ll]iệt sĩ\b"), 1947),
    (re.compile(r"(?:Ngày )?thành lập Quân đội nhân dân Việt Nam\b"), 1944),
]
_KNOWN_NAMES = ("thành lập Đảng", "Quốc khánh", "ách mạng tháng Tám", "ách mạng Tháng Tám",
                "Chủ tịch Hồ Chí Minh", "iải phóng", "hiến thắng Điện", "hương binh",
                "thành lập Quân")  # fmt: skip
_ANNIV_NAMED = re.compile(r"\b(\d{1,3}) năm (?:kỷ niệm )?(?P<what>[^;,.()\d]{3,60})")


def _named_anniversaries(ctx: Context, gate: set[int]) -> Iterator[tuple[Segment, re.Match[str]]]:
    """``_ANNIV_NAMED`` tried only at the digits before each `` năm `` of the segments."""
    for k in sorted(gate):
        segment = ctx.segments[k]
        text = segment.text
        i = text.find(" năm ")
        while i != -1:
            j = i
            while j > 0 and i - j < 3 and text[j - 1].isdigit():
                j -= 1
            m = _ANNIV_NAMED.match(text, j) if j < i else None
            if m is not None:
                yield segment, m
            i = text.find(" năm ", i + 1)


@rule(
    "KH504",
    "anniversary-arithmetic",
    Severity.ERROR,
    vi="Số năm kỷ niệm không khớp: {years} năm nhưng {origin} - {on} là {actual}",
    en="Anniversary arithmetic is wrong: {years} years but {origin} - {on} is {actual}",
    hint_vi="Sửa số năm kỷ niệm hoặc các mốc ngày tháng.",
    hint_en="Correct the number of years or the dates.",
    doc="*N năm ... (d/m/y1 - d/m/y2)*: N must equal y2 - y1 and the day and month must "
    "be the same at both ends. The year-only form *(y1 - y2)* is checked when the words "
    "before it name an anniversary (not a strategy or plan period). A national anniversary "
    "named without dates (*79 năm Ngày Quốc khánh*, *95 năm Ngày thành lập Đảng*) must "
    "count the years to the plan's year or the next.",
)
def anniversary_arithmetic(ctx: Context) -> Iterator[Hit]:
    checked: set[tuple[int, str, str]] = set()
    gate = ctx.indices_with("năm") & ctx.indices_with("(")
    for segment, m in ctx.finditer(_ANNIV_DATES, within=gate):
        years = int(m[1])
        d1, m1, y1, d2, m2, y2 = (int(x) for x in m.groups()[2:])
        checked.add((years, f"{d1}/{m1}/{y1}", f"{d2}/{m2}/{y2}"))
        if years != y2 - y1 or (d1, m1) != (d2, m2):
            yield Hit(
                segment=segment,
                start=m.start(),
                end=m.end(),
                args={
                    "years": years,
                    "origin": f"{d1}/{m1}/{y1}",
                    "on": f"{d2}/{m2}/{y2}",
                    "actual": _span(y1, y2, (d1, m1) != (d2, m2)),
                },
            )
    for segment, m in ctx.finditer(_ANNIV_YEARS, within=gate):
        if not _ANNIV_WORDS.search(m[2]) or _NOT_ANNIV.search(m[2]):
            continue
        years, y1, y2 = int(m[1]), int(m[3]), int(m[4])
        if years != y2 - y1:
            yield Hit(
                segment=segment,
                start=m.start(),
                end=m.end(),
                args={"years": years, "origin": y1, "on": y2, "actual": _span(y1, y2, False)},
            )
    gate = ctx.indices_with(*_KNOWN_NAMES)
    year = reference_year(ctx) if gate else None
    if year is not None:
        for segment, m in _named_anniversaries(ctx, gate):
            base = next((b for pattern, b in _KNOWN_ANNIV if pattern.match(m["what"])), None)
            if base is None or segment.text[m.end() : m.end() + 40].lstrip().startswith("("):
                continue
            years = int(m[1])
            if years not in (year - base, year + 1 - base):
                checked.add((years, str(base), ""))
                yield Hit(
                    segment=segment,
                    start=m.start(),
                    end=m.end(),
                    args={
                        "years": years,
                        "origin": base,
                        "on": year,
                        "actual": _span(base, year, False),
                    },
                )
    for a in ctx.plan.anniversaries:
        if a.years is None or a.origin is None or a.on is None:
            continue
        key = (a.years, f"{a.origin.day}/{a.origin.month}/{a.origin.year}", "")
        key = (a.years, key[1], f"{a.on.day}/{a.on.month}/{a.on.year}")
        if key in checked:
            continue
        mismatch = (a.origin.day, a.origin.month) != (a.on.day, a.on.month)
        if a.years != a.on.year - a.origin.year or mismatch:
            yield Hit(
                element=a.id,
                location=a.location,
                excerpt=a.text[:100],
                args={
                    "years": a.years,
                    "origin": key[1],
                    "on": key[2],
                    "actual": _span(a.origin.year, a.on.year, mismatch),
                },
            )


def _span(y1: int, y2: int, other_day: bool) -> str:
    text = f"{y2 - y1} năm"
    return text + " (khác ngày/tháng)" if other_day else text


def reference_year(ctx: Context) -> int | None:
    """The year the plan was written: issue date, signature, else the latest cited date."""
    if ctx.plan_date is not None:
        return ctx.plan_date.year
    dates = [b.issued_on for b in ctx.plan.bases if b.issued_on is not None]
    return max(dates).year if dates else None


def national_year(ordinal: int) -> int:
    """The year of the national congress ``ordinal`` (XIII: 2021, XIV: 2026)."""
    return 1956 + 5 * ordinal


_UPCOMING = re.compile(
    r"\b(?:tiến tới|chào mừng|hướng tới|chuẩn bị(?: tổ chức)?)\s+[Đđ]ại\s+hội\s+"
    r"(?:đại\s+biểu\s+toàn\s+quốc\s+)?(?:lần\s+thứ\s+)?([IVXL]+)\s+của\s+Đảng\b"
)
_WITH_YEAR = re.compile(
    r"[Đđ]ại\s+hội\s+(?:đại\s+biểu\s+toàn\s+quốc\s+)?(?:lần\s+thứ\s+)?([IVXL]+)\s+của\s+Đảng"
    r"\s*\(\s*(?:năm\s+)?(\d{4})\s*\)"
)

_WITH_YEAR_BYTES = [
    re.compile(
        to_bytes(
            big + r"ại(?=\s+hội\s+(?:đại\s+biểu\s+toàn\s+quốc\s+)?(?:lần\s+thứ\s+)?[IVXL]+\s+của"
            r"\s+Đảng\s*\()"
        )
    )
    for big in "Đđ"
]


@rule(
    "KH505",
    "national-congress-ordinal",
    Severity.ERROR,
    vi="Đại hội {found} của Đảng không khớp với năm {year} "
    "(đại hội toàn quốc năm đó là {expected})",
    en="National congress {found} does not fit the year {year} (that congress is {expected})",
    hint_vi="Đại hội XIII năm 2021, Đại hội XIV năm 2026: kiểm tra lại số thứ tự.",
    hint_en="Congress XIII was in 2021, XIV in 2026: check the ordinal.",
    doc="The national congress is held every five years (XIII in 2021, XIV in 2026). An "
    "upcoming congress (*tiến tới Đại hội ... của Đảng*) must be the next one after the "
    "plan's year; a congress printed with its year must match it; so must a national "
    "milestone with a known date.",
)
def national_ordinal(ctx: Context) -> Iterator[Hit]:
    year = reference_year(ctx)
    if year is not None:
        expected = next(n for n in range(1, 100) if national_year(n) >= year)
        upcoming = ctx.positions("tiến tới", "chào mừng", "hướng tới", "chuẩn bị")
        for segment, m in ctx.matches_at(_UPCOMING, upcoming, ctx.indices_with("của Đảng")):
            try:
                n = roman_to_int(m[1])
            except ValueError:
                continue
            if n != expected:
                yield Hit(
                    segment=segment,
                    start=m.start(),
                    end=m.end(),
                    args={"found": m[1], "year": year, "expected": _roman(expected)},
                )
    gate = ctx.indices_with("của Đảng")
    data = ctx.encoded
    if data is None:
        with_year = ctx.finditer(_WITH_YEAR, within=gate)
    else:
        starts = sorted(m.start() for p in _WITH_YEAR_BYTES for m in p.finditer(data))
        with_year = ctx.matches_at(_WITH_YEAR, starts, gate)
    for segment, m in with_year:
        try:
            n = roman_to_int(m[1])
        except ValueError:
            continue
        y = int(m[2])
        if national_year(n) != y:
            expected = (y - 1956) // 5
            yield Hit(
                segment=segment,
                start=m.start(),
                end=m.end(),
                args={"found": m[1], "year": y, "expected": _roman(max(1, expected))},
            )
    for ms in ctx.plan.milestones:
        on: dt.date | None = ms.starts_on or ms.ends_on
        if not (ms.level is Level.NATIONAL and ms.ordinal and on and "Đảng" in ms.name):
            continue
        if national_year(ms.ordinal) != on.year and "thi đua" not in ms.name.lower():
            yield Hit(
                element=ms.id,
                excerpt=ms.name[:80],
                args={
                    "found": _roman(ms.ordinal),
                    "year": on.year,
                    "expected": _roman(max(1, (on.year - 1956) // 5)),
                },
            )


_OWN_NAME = re.compile(
    r"\b(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh)(?:\s+(?:ủy|uỷ)\b)?"
    r"\s+(?!(?:ủy|uỷ)\b)(?P<name>\S.*)$",
    re.I,
)
_BODY_NAMED = re.compile(
    r"\b(?:Đảng (?:ủy|uỷ|bộ)|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND)"
    r"\s+(?P<level>xã|phường|thị trấn|huyện|quận|thị xã|tỉnh)"
    r"\s+(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){0,3})"
)
_BODY_STARTS = ("Đảng ủy ", "Đảng uỷ ", "Đảng bộ ", "Ủy ban nhân dân ", "Uỷ ban nhân dân ", "UBND ",
                "Hội đồng nhân dân ", "HĐND ")  # fmt: skip


def _fold_name(name: str) -> str:
    from .._vietnamese import strip_marks

    return " ".join(strip_marks(name).split())


_HOLDER_BEFORE = re.compile(
    r"\b(?:P?CT|Chủ tịch|Phó Chủ tịch|Bí thư|Phó Bí thư|Giám đốc|Phó Giám đốc|[Đđ]ồng chí"
    r"|đ/c)\s+$"
)


@rule(
    "KH506",
    "other-body-of-own-level",
    Severity.ERROR,
    vi="Văn bản của {issuer} nhưng lại nêu “{found}” (cùng cấp, khác tên)",
    en="A plan of {issuer} names “{found}” (same level, another name)",
    hint_vi="Kiểm tra lại tên địa phương: tên cơ quan cùng cấp khác tên thường còn sót lại "
    "từ kế hoạch của đơn vị khác được sao chép.",
    hint_en="Check the place name: a same-level body of another name is usually left over "
    "from another unit's plan that was copied.",
    doc="The plan names a Party committee, Party organisation, People's Committee or "
    "People's Council of the issuer's own level but another place (`Ủy ban nhân dân huyện "
    "Thới Lai` in a plan of the Ủy ban nhân dân huyện Phong Điền): a name left over from a "
    "neighbour's plan. Checked only when the issuer's name gives its place; `thành phố` "
    "(a province or a district) is not checked, nor an office-holder named after his "
    "body (`PCT UBND tỉnh Phùng Thành Vinh`).",
)
def other_body_of_own_level(ctx: Context) -> Iterator[Hit]:
    own = ctx.own_level
    issuer = ctx.plan.issuer
    if own not in (Level.COMMUNE, Level.DISTRICT, Level.PROVINCE) or not issuer:
        return
    m = _OWN_NAME.search(" ".join(issuer.split()))
    if m is None or not re.search(r"[^\W\d_]", m["name"]) or "…" in m["name"]:
        return
    mine = _fold_name(m["name"])
    for segment, b in ctx.matches_at(_BODY_NAMED, ctx.positions(*_BODY_STARTS)):
        if _LEVEL_OF.get(" ".join(b["level"].split())) is not own:
            continue
        words = list(itertools.takewhile(lambda w: w[0].isupper(), b["name"].split()))
        if not words:
            continue
        name = " ".join(words)
        folded = _fold_name(name)
        if folded.startswith(mine) or mine.startswith(folded):
            continue
        if _HOLDER_BEFORE.search(segment.text, max(0, b.start() - 20), b.start()):
            continue  # "PCT UBND tỉnh Phùng Thành Vinh": an office-holder and his name
        yield Hit(
            segment=segment,
            start=b.start(),
            end=b.start("name") + len(name),
            args={"issuer": issuer, "found": segment.text[b.start() : b.start("name")] + name},
        )
