"""Signature and recipient rules (KH6xx), the digital signatures of a PDF included."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._elements import Location
from .._model import DigitalSignature, RecipientPurpose
from ._registry import Hit, Severity, rule
from ._text import Context, modern_uy

_COLLECTIVE = re.compile(
    r"\b(?:Đảng ủy|Đảng uỷ|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Chi ủy|Chi bộ|Ban Thường vụ"
    r"|Tiểu ban|Ban Chấp hành)\b",
    re.I,
)
_BLANK = re.compile(r"…|\.{3,}|_{2,}")
_YOUTH_UNION = re.compile(
    r"\b(?:ĐOÀN|Đoàn) (?:TNCS|xã|XÃ|phường|PHƯỜNG|trường|TRƯỜNG)"
    r"|\b(?:Thành|Tỉnh|Huyện|Quận) đoàn\b|\b(?:THÀNH|TỈNH|HUYỆN|QUẬN) ĐOÀN\b"
)


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
    "collective's signature needs a marker at all. The Youth Union (*Đoàn xã*, *Thành "
    "đoàn*) signs in its own format, `TM. BAN CHẤP HÀNH`, as a State body does.",
)
def authority_marker(ctx: Context) -> Iterator[Hit]:
    sig = ctx.plan.signature
    if sig is None:
        return
    line = _sig_line(ctx)
    party = ctx.party
    if _YOUTH_UNION.search(ctx.plan.issuer or ""):
        party = False  # the Youth Union's own format (like NĐ 30): TM. BAN CHẤP HÀNH
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


def _signature_place(ctx: Context) -> Location | None:
    """The signature block, or the plan's last line when the block was not read."""
    where = _sig_line(ctx)
    if where is not None:
        return where
    last = max(
        (
            s.location.end_line or s.location.line
            for s in ctx.segments
            if s.location is not None and s.location.line
        ),
        default=None,
    )
    return Location(last) if last else None


def _pdf_signatures(ctx: Context) -> list[DigitalSignature]:
    sig = ctx.plan.signature
    if sig is None:
        return []
    found = [sig.digital, *sig.other_digital] if sig.digital is not None else [*sig.other_digital]
    return [d for d in found if d.origin == "pdf"]


_BROKEN = (
    ("modified_after", True, "văn bản đã bị sửa sau khi ký", "the PDF was modified after signing"),
    (
        "intact",
        False,
        "nội dung đã ký bị thay đổi (mã băm không khớp)",
        "the signed content has changed (the digest does not match)",
    ),
    (
        "valid",
        False,
        "chữ ký không xác thực được bằng chứng thư số của người ký",
        "the signature does not verify with the signer's certificate",
    ),
)


@rule(
    "KH606",
    "pdf-changed-after-signing",
    Severity.ERROR,
    vi="Chữ ký số của {signer_vi} không còn giá trị: {why_vi}",
    en="The digital signature of {signer_en} no longer holds: {why_en}",
    hint_vi="Lấy lại bản PDF gốc đã ký số từ nơi ban hành; không sửa tệp PDF sau khi ký.",
    hint_en="Get the original signed PDF from the issuer again; do not edit a PDF after signing.",
    doc="A digital signature read from the PDF fails a check: the file was changed by a later "
    "revision beyond what is allowed after signing (new or edited page content; a later "
    "signature, a form fill or a timestamp are allowed), the signed bytes no longer match "
    "the signature's digest, or the signature does not verify with the signer's certificate. "
    "Each failing signature is reported at the signature block. Only PDF signatures are "
    "checked: the trailer printed in extracted text proves nothing. Whether the signer's "
    "certificate is trusted is not checked (see the how-to on signed PDFs).",
)
def pdf_changed_after_signing(ctx: Context) -> Iterator[Hit]:
    place = None
    for digital in _pdf_signatures(ctx):
        wrong = [(vi, en) for name, bad, vi, en in _BROKEN if getattr(digital, name) is bad]
        if not wrong:
            continue
        place = place or _signature_place(ctx)
        who = digital.signer or digital.field
        yield Hit(
            element="signature",
            location=place,
            excerpt=digital.signer or "",
            args={
                "signer_vi": who or "người ký không rõ",
                "signer_en": who or "an unknown signer",
                "why_vi": "; ".join(vi for vi, _ in wrong),
                "why_en": "; ".join(en for _, en in wrong),
            },
        )


@rule(
    "KH607",
    "unsigned-pdf",
    Severity.INFO,
    vi="Tệp PDF không có chữ ký số",
    en="The PDF has no digital signature",
    hint_vi="Nếu đây là văn bản đã ban hành, hãy dùng bản PDF có chữ ký số của nơi ban hành.",
    hint_en="If this is the issued plan, use the PDF the issuer signed digitally.",
    doc="The plan was read from a PDF that holds no digital signature (a scan, a printout or "
    "an unsigned export). A trailer printed in the text (`... đã ký lên văn bản này!`) "
    "is not a signature of the file. Plans read from text, Word or JSON are not checked.",
)
def unsigned_pdf(ctx: Context) -> Iterator[Hit]:
    if ctx.plan.pages and not _pdf_signatures(ctx):
        yield Hit(element="signature", location=_signature_place(ctx))
