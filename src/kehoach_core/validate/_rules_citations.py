"""Citation rules (KH3xx): malformed numbers, dates, the superior plan."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Iterator

from .._elements import Citation
from .._numbers import DocumentNumber, NumberStyle
from ._registry import Hit, Severity, rule
from ._scan import to_bytes
from ._text import Context, Segment

_BLANK = re.compile(r"…|\.{3,}|_{2,}")
_UPPER = "A-ZĐ"
# a number whose hyphen or slash has a space on one or both sides: "05- CT/TW", "99 -QĐ/TW"
_SPACED_NUMBER = re.compile(
    rf"-(?:\s+([{_UPPER}][A-Za-zĐđ]{{0,4}})\s*/\s*|([{_UPPER}][A-Za-zĐđ]{{0,4}})(?:\s+/\s*|/\s+))"
    rf"([{_UPPER}][{_UPPER}0-9]+)|\s-\s*([{_UPPER}][A-Za-zĐđ]{{0,4}})\s*/\s*([{_UPPER}][{_UPPER}0-9]+)"
)
# where _SPACED_NUMBER can start (see ``_scan``)
# (the hyphen, or the white space before it)
_SPACED_BYTES = re.compile(
    to_bytes(rf"-(?=\s*[{_UPPER}][A-Za-zĐđ]{{0,4}}\s*/|[{_UPPER}][A-Za-zĐđ]{{0,4}}(?:\s+/|/\s))")
)
_NUMBER_BEFORE = re.compile(r"(?<![\d/])\b(\d{1,4})\s*$")
# a State-form number with a space at its hyphen: "223/KH- UBND", "15/QĐ -UBND"
_SPACED_STATE = re.compile(
    r"(?<![\d/])\b\d{1,4}/[A-ZĐ][A-Za-zĐđ]{0,4}(?:\s+-\s*|-\s+)[A-ZĐ][A-ZĐ0-9]+\b"
)


def _footnote_segments(ctx: Context) -> list[Segment]:
    """The footnotes' texts (the body's segments leave them out), for the citation rules."""
    return [
        Segment(f.id, f.location, unicodedata.normalize("NFC", f.text), "footnote")
        for f in ctx.plan.footnotes
        if f.text
    ]


_LAW = re.compile(r"^(?:Bộ\s+)?[Ll]uật\b")


def _line(c: Citation) -> int | None:
    return c.location.line if c.location else None


@rule(
    "KH301",
    "malformed-citation",
    Severity.WARNING,
    vi="Số hiệu văn bản được trích dẫn viết sai thể thức: “{found}”",
    en="A cited document number is malformed: “{found}”",
    hint_vi="Viết liền, không có dấu cách quanh “-” và “/” (ví dụ: 05-CT/TW).",
    hint_en="Write the number without spaces around “-” and “/” (e.g. 05-CT/TW).",
    doc="A cited document number with a space around its hyphen or slash "
    "(`Chỉ thị số 05- CT/TW`, `Kết luận 126- KL/TW`, `Kế hoạch 223/KH- UBND`), in the "
    "text or in a footnote, or a basis whose number parses in no known form.",
)
def malformed_citation(ctx: Context) -> Iterator[Hit]:
    data = ctx.encoded
    gate = ctx.indices_with("/")
    if data is None:
        spaced = ctx.finditer(_SPACED_NUMBER, within=gate)
    else:
        starts = sorted(
            {s for m in _SPACED_BYTES.finditer(data) for s in (m.start() - 1, m.start())}
        )
        spaced = ctx.matches_at(_SPACED_NUMBER, starts, gate)
    footnotes = _footnote_segments(ctx)
    notes = ((f, m) for f in footnotes for m in _SPACED_NUMBER.finditer(f.text))
    for segment, m in itertools.chain(spaced, notes):
        before = _NUMBER_BEFORE.search(segment.text, max(0, m.start() - 6), m.start())
        if before is None:
            continue
        yield Hit(
            segment=segment,
            start=before.start(),
            end=m.end(),
            args={"found": segment.text[before.start() : m.end()]},
        )
    state = itertools.chain(
        ctx.finditer(_SPACED_STATE, "- ", " -", within=gate),
        ((f, m) for f in footnotes for m in _SPACED_STATE.finditer(f.text)),
    )
    for segment, m in state:
        yield Hit(segment=segment, start=m.start(), end=m.end(), args={"found": m[0]})
    for basis in ctx.plan.bases:
        number = basis.number
        if (
            isinstance(number, str)
            and number
            and not _BLANK.search(number)
            and not _SPACED_NUMBER.search(number)
        ):
            yield Hit(
                element=basis.id, location=basis.location, excerpt=number, args={"found": number}
            )


_DATE = r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"
_INLINE = re.compile(
    r"\b(?:số\s+)?(\d{1,4}(?:-[A-ZĐ][A-Za-zĐđ]{0,4}/[A-ZĐ][A-ZĐ0-9-]*|/(?:\d{4}/)?[A-ZĐ][A-ZĐ0-9-]*))"
    rf",?\s+ngày\s+{_DATE}"
)


def _date(d: str, m: str, y: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


@rule(
    "KH302",
    "cited-after-plan",
    Severity.ERROR,
    vi="Văn bản {number} được trích dẫn có ngày {cited} sau ngày ban hành kế hoạch {plan}",
    en="Cited document {number} is dated {cited}, after the plan itself ({plan})",
    hint_vi="Kiểm tra lại ngày của văn bản được trích dẫn hoặc ngày ban hành kế hoạch.",
    hint_en="Check the cited document's date or the plan's date.",
    doc="A cited document (in the bases or in the text, `số ... ngày d/m/yyyy`) dated after "
    "the plan's issue date (or, when the header is lost, the digital signature's date).",
)
def cited_after_plan(ctx: Context) -> Iterator[Hit]:
    plan_date = ctx.plan_date
    if plan_date is None:
        return
    for basis in ctx.plan.bases:
        if basis.issued_on and basis.issued_on > plan_date:
            yield Hit(
                element=basis.id,
                location=basis.location,
                excerpt=basis.text[:100] or str(basis.number),
                args={"number": str(basis.number), "cited": basis.issued_on, "plan": plan_date},
            )
    cited = {str(b.number) for b in ctx.plan.bases if b.issued_on and b.issued_on > plan_date}
    for segment, m in ctx.finditer(_INLINE, "ngày", within=ctx.indices_with("/")):
        on = _date(m[2], m[3], m[4])
        if on and on > plan_date and m[1] not in cited:
            yield Hit(
                segment=segment,
                start=m.start(),
                end=m.end(),
                args={"number": m[1], "cited": on, "plan": plan_date},
            )


@rule(
    "KH303",
    "citation-without-date",
    Severity.WARNING,
    vi="Văn bản căn cứ {number} không ghi ngày ban hành",
    en="Basis {number} is cited without its date",
    hint_vi="Ghi đủ loại, số, ngày và cơ quan ban hành của văn bản căn cứ.",
    hint_en="Give the basis's kind, number, date and issuer.",
    doc="A legal basis cited with its number but no date (template blanks such as "
    "`ngày …/…/202…` are reported by KH401 instead). A document named again after a "
    "dated citation (*sau đây gọi tắt là Nghị quyết số 57-NQ/TW*) is not reported.",
)
def citation_without_date(ctx: Context) -> Iterator[Hit]:
    dated: set[str] = set()
    for basis in ctx.plan.bases:
        if basis.number and _norm(basis.number) in dated:
            continue  # "(sau đây gọi tắt là Nghị quyết số 57-NQ/TW)": named again, dated before
        if basis.number and basis.issued_on is not None:
            dated.add(_norm(basis.number))
        if basis.issued_on is None and basis.number and not _BLANK.search(basis.text):
            yield Hit(
                element=basis.id,
                location=basis.location,
                excerpt=basis.text[:100],
                args={"number": str(basis.number)},
            )


@rule(
    "KH304",
    "citation-without-issuer",
    Severity.WARNING,
    vi="Văn bản căn cứ {number} không ghi cơ quan ban hành",
    en="Basis {number} is cited without its issuer",
    hint_vi="Ghi cơ quan ban hành sau ngày (… ngày 31/10/2024 của Ban Tuyên giáo Thành ủy).",
    hint_en="Name the issuer after the date.",
    doc="A legal basis cited with number and date but no issuing body (NĐ 30 and HD 36 "
    "ask for kind, number, date, issuer and summary on first mention). A law (*Luật ... "
    "số 83/2025/QH15*) is cited without its issuer, the Quốc hội, as is usual.",
)
def citation_without_issuer(ctx: Context) -> Iterator[Hit]:
    for basis in ctx.plan.bases:
        if _LAW.search(basis.text[:40]) or re.search(r"/QH\d+$", str(basis.number or "")):
            continue  # a law is cited by its name and number: its issuer is the Quốc hội
        if basis.number and basis.issued_on and not (basis.issuer and basis.issuer.strip()):
            head = basis.text.split(" về ", 1)[0]
            if re.search(r"\bcủa\s+[A-ZĐÂ-Ỹ]", head):
                continue
            yield Hit(
                element=basis.id,
                location=basis.location,
                excerpt=basis.text[:100],
                args={"number": str(basis.number)},
            )


def _norm(number: DocumentNumber | str | None) -> str:
    return unicodedata.normalize("NFC", re.sub(r"\s+", "", str(number or ""))).upper()


@rule(
    "KH305",
    "superior-not-cited",
    Severity.ERROR,
    vi="Kế hoạch không trích dẫn kế hoạch cấp trên {number}",
    en="The plan does not cite its superior plan {number}",
    hint_vi="Nêu kế hoạch cấp trên trong phần căn cứ (Thực hiện Kế hoạch số ...).",
    hint_en="Cite the superior plan in the bases.",
    doc="Only with a superior plan: its number is cited neither in the bases nor in the preamble.",
    needs_superior=True,
)
def superior_not_cited(ctx: Context) -> Iterator[Hit]:
    superior = ctx.superior
    if superior is None or not superior.number:
        return
    wanted = _norm(superior.number)
    if any(_norm(b.number) == wanted for b in ctx.plan.bases):
        return
    opening = " ".join(s.text for s in ctx.segments if s.part in ("preamble", "bases"))
    if wanted in _norm(opening):
        return
    yield Hit(element="bases", args={"number": str(superior.number)})


_CITED_KIND = {
    "kế hoạch": {"KH"},
    "công văn": {"CV"},
    "hướng dẫn": {"HD"},
    "chỉ thị": {"CT"},
    "nghị quyết": {"NQ"},
    "quyết định": {"QĐ"},
    "quy định": {"QĐ", "QYĐ"},
    "kết luận": {"KL"},
    "thông báo": {"TB"},
    "báo cáo": {"BC"},
    "chương trình": {"CTR"},
    "thông tri": {"TT"},
    "nghị định": {"NĐ"},
    "thông tư": {"TT"},
}
_KIND_WORDS = "|".join(sorted(_CITED_KIND, key=len, reverse=True))
_INLINE_NUMBER = re.compile(r"(\d{1,4})-([A-ZĐ][A-Za-zĐđ]{0,4})/[A-ZĐ][A-ZĐ0-9]*")
# (the hyphen after the digits)
_INLINE_NUMBER_BYTES = re.compile(to_bytes(r"-(?=[A-ZĐ][A-Za-zĐđ]{0,4}/[A-ZĐ])"))
_KIND_BEFORE = re.compile(rf"\b({_KIND_WORDS})\s+(?:số\s+)?$", re.I)


@rule(
    "KH306",
    "cited-kind-mismatch",
    Severity.ERROR,
    vi="“{kind}” được trích dẫn với ký hiệu loại “{code}” không khớp",
    en="“{kind}” is cited with the non-matching kind code “{code}”",
    hint_vi="Kiểm tra lại loại văn bản hoặc ký hiệu (Công văn → CV, Chỉ thị → CT, ...).",
    hint_en="Check the document kind or its code (Công văn → CV, Chỉ thị → CT, ...).",
    doc="A cited Party-form number whose kind code does not fit the kind named before it "
    "(`Công văn số …-CT/TW`, `Kế hoạch số 12-HD/TU`).",
)
def cited_kind_mismatch(ctx: Context) -> Iterator[Hit]:
    reported: set[str] = set()
    for basis in ctx.plan.bases:
        number, kind = basis.number, (basis.kind or "").lower()
        code: str | None = None
        if isinstance(number, DocumentNumber) and number.style is NumberStyle.PARTY:
            code = number.kind
        elif isinstance(number, str):
            m = re.search(r"-\s*([A-ZĐ][A-Za-zĐđ]{0,4})\s*/", number)
            code = m[1] if m else None
        expected = _CITED_KIND.get(kind)
        if code and expected and code.upper() not in expected:
            reported.add(str(number))
            yield Hit(
                element=basis.id,
                location=basis.location,
                excerpt=basis.text[:100],
                args={"kind": basis.kind, "code": code},
            )
    data = ctx.encoded
    gate = ctx.indices_with("/")
    if data is None:
        inline = ctx.finditer(_INLINE_NUMBER, within=gate)
    else:
        dashes = [m.start() for m in _INLINE_NUMBER_BYTES.finditer(data)]
        starts = sorted({s for i in dashes for s in range(max(0, i - 4), i)})
        inline = ctx.matches_at(_INLINE_NUMBER, starts, gate)
    for segment, m in inline:
        before = _KIND_BEFORE.search(segment.text, max(0, m.start() - 18), m.start())
        if before is None:
            continue
        expected = _CITED_KIND[before[1].lower()]
        if m[2].upper() not in expected and m[0] not in reported:
            yield Hit(
                segment=segment,
                start=before.start(),
                end=m.end(),
                args={"kind": before[1], "code": m[2]},
            )


@rule(
    "KH307",
    "superior-phase-not-covered",
    Severity.WARNING,
    vi="Đợt {ordinal} của kế hoạch cấp trên có {count} giai đoạn nhỏ nhưng kế hoạch này {found}",
    en="Phase {ordinal} of the superior plan has {count} sub-phases; this plan {found_en}",
    hint_vi="Cụ thể hóa đủ các đợt và giai đoạn của kế hoạch cấp trên.",
    hint_en="Carry over every phase and sub-phase of the superior plan.",
    doc="Only with a superior plan: a superior phase missing from this plan, or split "
    "into sub-phases (*Trước khai mạc*, *Trong thời gian diễn ra*) that this plan's "
    "phase of the same number does not have.",
    needs_superior=True,
)
def superior_phase_coverage(ctx: Context) -> Iterator[Hit]:
    if ctx.superior is None:
        return
    mine = {p.ordinal: p for p in ctx.plan.phases if p.ordinal is not None}
    if not mine:
        return
    for sup in ctx.superior.phases:
        if sup.ordinal is None:
            continue
        own = mine.get(sup.ordinal)
        if own is None:
            yield Hit(
                element="phases",
                excerpt=sup.heading[:80],
                args={
                    "ordinal": sup.ordinal,
                    "count": len(sup.subphases),
                    "found": "không có đợt này",
                    "found_en": "has no such phase",
                },
            )
        elif len(sup.subphases) > len(own.subphases):
            yield Hit(
                element=own.id,
                location=own.location,
                excerpt=own.heading[:80],
                args={
                    "ordinal": sup.ordinal,
                    "count": len(sup.subphases),
                    "found": f"chỉ có {len(own.subphases)}",
                    "found_en": f"has only {len(own.subphases)}",
                },
            )


_KINDS_CITED = (
    "Kế hoạch|Quyết định|Nghị quyết|Chỉ thị|Công văn|Kết luận|Hướng dẫn|Nghị định|Thông tư"
    "|Quy định|Thông báo|Chương trình|Thông tri|Báo cáo"
)
# a kind, "số" or not, then a Party or State number
_KIND_NUMBER = re.compile(
    rf"\b({_KINDS_CITED})\s+(số\s+)?(\d{{1,4}}(?:-[A-ZĐ][A-Za-zĐđ]{{0,4}}\s?/\s?[A-ZĐ][A-ZĐ0-9-]*"
    rf"|/\d{{4}}/[A-ZĐ][A-ZĐ0-9-]*|/[A-ZĐ][A-Za-zĐđ]{{0,4}}\s?-\s?[A-ZĐ][A-ZĐ0-9-]*))"
)
_DATED_AFTER = re.compile(r",?\s*ngày\s+\d")


def _key(number: str) -> str:
    return re.sub(r"\s+", "", number).upper()


@rule(
    "KH308",
    "citation-style-mixed",
    Severity.INFO,
    vi="Trích dẫn “{found}” thiếu chữ “số”, khác cách trích dẫn khác trong văn bản (“{other}”)",
    en="Citation “{found}” lacks “số”, unlike the plan's other citations (“{other}”)",
    hint_vi="Trích dẫn thống nhất: loại văn bản, “số”, số ký hiệu, ngày, cơ quan ban hành "
    "(Kế hoạch số 805/KH-UBND ngày ...).",
    hint_en="Cite every document the same way: kind, “số”, number, date, issuer.",
    doc="On first mention a document is cited in full: kind, *số*, number, date, issuer "
    "(*Kế hoạch số 37-KH/TU ngày ...*). A plan that does so but cites another document "
    "in full without *số* (*Kế hoạch 805/KH-UBND ngày ...*) mixes two styles. Only "
    "first, dated mentions are checked: a short reference back to a document already "
    "cited (*Nghị quyết 214/NQ-CP*) and the plan's own number (in an annex's caption) "
    "are not.",
)
def citation_style_mixed(ctx: Context) -> Iterator[Hit]:
    found = list(ctx.finditer(_KIND_NUMBER, "số", *_KINDS_CITED.split("|")))
    with_so = [(s, m) for s, m in found if m[2]]
    if not with_so:
        return
    own = _key(str(ctx.plan.number)) if ctx.plan.number else None
    seen: set[str] = set()
    for segment, m in found:
        key = _key(m[3])
        first = key not in seen
        seen.add(key)
        if m[2] or not first or key == own:
            continue
        if not _DATED_AFTER.match(segment.text, m.end()):
            continue
        other = next(f"{o[1]} {o[2]}{o[3]}" for _, o in with_so)
        yield Hit(
            segment=segment,
            start=m.start(),
            end=m.end(),
            args={"found": m[0], "other": " ".join(other.split())},
        )
