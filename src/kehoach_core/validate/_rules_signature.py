"""Signature and recipient rules (KH6xx)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._elements import Location
from .._model import RecipientPurpose
from ._registry import Hit, Severity, rule
from ._text import Context, modern_uy

_COLLECTIVE = re.compile(
    r"\b(?:Đảng ủy|Đảng uỷ|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Chi ủy|Chi bộ|Ban Thường vụ"
    r"|Tiểu ban|Ban Chấp hành)\b",
    re.I,
)
_BLANK = re.compile(r"…|\.{3,}|_{2,}")


def _sig_line(ctx: Context) -> Location | None:
    sig = ctx.plan.signature
    return sig.location if sig is not None else None


@rule(
    "KH601",
    "authority-marker",
    Severity.ERROR,
    vi="Thẩm quyền ký “{marker}” không đúng: {why_vi}",
    en="Signing authority “{marker}” is wrong: {why_en}",
    hint_vi="Văn bản Đảng dùng T/M, K/T, T/L; văn bản Nhà nước dùng TM., KT., TL.; "
    "tập thể cấp ủy ký T/M.",
    hint_en="Party documents use T/M, K/T, T/L; State documents TM., KT., TL.; a Party "
    "committee's collective signs T/M.",
    doc="The authority marker must fit the format: Party (HD 36) writes `T/M`, `K/T`, "
    "`T/L`; State (NĐ 30) writes `TM.`, `KT.`, `TL.` (and `TUQ.`, `Q.`). Both tiers of a "
    "two-tier block (`TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH`) are checked. A Party committee "
    "is a collective: its deputy signs `T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ`, never `K/T`; and a "
    "collective's signature needs a marker at all.",
)
def authority_marker(ctx: Context) -> Iterator[Hit]:
    sig = ctx.plan.signature
    if sig is None:
        return
    line = _sig_line(ctx)
    party = ctx.party
    collective = bool(ctx.plan.issuer and _COLLECTIVE.search(modern_uy(ctx.plan.issuer))) or bool(
        sig.on_behalf_of and _COLLECTIVE.search(modern_uy(sig.on_behalf_of))
    )
    if not (sig.authority or "").strip():
        if party and collective and sig.title:
            yield Hit(
                element="signature",
                location=line,
                excerpt=sig.title,
                args={
                    "marker": "",
                    "why_vi": "tập thể cấp ủy ký phải ghi T/M",
                    "why_en": "a Party collective signs with T/M",
                },
            )
        return
    tiers = ((sig.authority, sig.authority_code), (sig.deputy_authority, sig.deputy_authority_code))
    for printed, code in tiers:
        marker = (printed or "").strip()
        if marker:
            yield from _marker_hits(marker, code, party, collective, line)


def _marker_hits(
    marker: str, code: str | None, party: bool | None, collective: bool, line: Location | None
) -> Iterator[Hit]:
    """What is wrong with one tier's marker in this format."""
    slash = "/" in marker
    if party is True and not slash and code in {"TM", "KT", "TL"}:
        yield Hit(
            element="signature",
            location=line,
            excerpt=marker,
            args={
                "marker": marker,
                "why_vi": f"văn bản Đảng ghi {code[0]}/{code[1]}, không ghi {marker}",
                "why_en": f"a Party document writes {code[0]}/{code[1]}, not {marker}",
            },
        )
    elif party is False and slash:
        yield Hit(
            element="signature",
            location=line,
            excerpt=marker,
            args={
                "marker": marker,
                "why_vi": f"văn bản Nhà nước ghi {code}., không ghi {marker}",
                "why_en": f"a State document writes {code}., not {marker}",
            },
        )
    if party and collective and code == "KT":
        yield Hit(
            element="signature",
            location=line,
            excerpt=marker,
            args={
                "marker": marker,
                "why_vi": "tập thể cấp ủy ký T/M, cấp phó cũng ký T/M",
                "why_en": "a Party committee's collective signs T/M, deputies included",
            },
        )


@rule(
    "KH602",
    "missing-signer",
    Severity.ERROR,
    vi="Chữ ký không có họ tên người ký",
    en="The signature has no signer's name",
    hint_vi="Ghi họ tên người ký dưới chức vụ.",
    hint_en="Give the signer's name under the title.",
    doc="A signature block without the signer's name (or with only a blank).",
)
def missing_signer(ctx: Context) -> Iterator[Hit]:
    sig = ctx.plan.signature
    if sig is None:
        return
    if not sig.signer or not sig.signer.strip() or _BLANK.search(sig.signer):
        # the name belongs under the last line read of the block (the title)
        where = sig.location
        last = Location(where.end_line or where.line) if where is not None else None
        yield Hit(element="signature", location=last, excerpt=sig.signer or "")


@rule(
    "KH603",
    "missing-signer-title",
    Severity.WARNING,
    vi="Chữ ký không ghi chức vụ người ký",
    en="The signature has no signer's title",
    hint_vi="Ghi chức vụ người ký (BÍ THƯ, PHÓ BÍ THƯ, ...).",
    hint_en="Give the signer's title (BÍ THƯ, PHÓ BÍ THƯ, ...).",
    doc="A signature block without the signer's title.",
)
def missing_title(ctx: Context) -> Iterator[Hit]:
    sig = ctx.plan.signature
    if sig is not None and not (sig.title and sig.title.strip()):
        yield Hit(element="signature", location=_sig_line(ctx), excerpt=sig.signer or "")


def _real(ctx: Context) -> list[tuple[str, str, RecipientPurpose, int | None]]:
    out = []
    for r in ctx.plan.recipients:
        text = (r.text or r.name).strip()
        if text and not re.fullmatch(r"[\s…._\-–]*", text):
            out.append((r.id, text, r.purpose, r.location.line if r.location else None))
    return out


_REPORT = re.compile(r"\b(?:b/c|B/c|B/C|báo cáo|để báo cáo)\b")


@rule(
    "KH604",
    "no-report-recipient",
    Severity.WARNING,
    vi="Nơi nhận không có cơ quan cấp trên để báo cáo (b/c)",
    en="No recipient receives the plan for report to a superior (b/c)",
    hint_vi="Thêm cấp trên trực tiếp vào nơi nhận, ghi (để b/c).",
    hint_en="Add the direct superior to the recipients, marked (để b/c).",
    doc="The recipients list names no superior *(để b/c)*. A list of blanks counts as none.",
)
def no_report(ctx: Context) -> Iterator[Hit]:
    if not ctx.plan.recipients:
        return
    real = _real(ctx)
    if any(p is RecipientPurpose.REPORT or _REPORT.search(t) for _, t, p, _ in real):
        return
    first = ctx.plan.recipients[0]
    yield Hit(element="recipients", location=first.location)


@rule(
    "KH605",
    "no-archive-line",
    Severity.WARNING,
    vi="Nơi nhận không có dòng lưu (Lưu VT / Lưu Văn phòng)",
    en="The recipients have no archive line (Lưu VT / Lưu Văn phòng)",
    hint_vi="Kết thúc nơi nhận bằng dòng “- Lưu VT.” hoặc “- Lưu Văn phòng ...”.",
    hint_en="End the recipients with “- Lưu VT.” or “- Lưu Văn phòng ...”.",
    doc="The recipients list has no archive line (`Lưu: VT`, `Lưu Văn phòng Đảng ủy`).",
)
def no_archive(ctx: Context) -> Iterator[Hit]:
    if not ctx.plan.recipients:
        return
    real = _real(ctx)
    if any(
        p is RecipientPurpose.ARCHIVE or re.match(r"^[-–+]?\s*Lưu\b", t, re.I)
        for _, t, p, _ in real
    ):
        return
    last = ctx.plan.recipients[-1]
    yield Hit(element="recipients", location=last.location)
