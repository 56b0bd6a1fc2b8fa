"""The tail of a plan: recipients, signature, digital-signature stamp and annexes.

Small inputs shaped like the real plans of ``../shared/corpus`` (the plan each one
imitates is named in its docstring); expected values written by reading them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach_core import Part, Plan, RecipientPurpose
from kehoach_core._reading import read_text
from kehoach_core._reading.context import Context
from kehoach_core._reading.source import SourceLine
from kehoach_core._reading.tail import read_tail, read_trailer

R = RecipientPurpose
BODY = "KẾ HOẠCH\nTuyên truyền\n-----\nI. MỤC ĐÍCH\n- Tuyên truyền sâu rộng.\n"
VN = dt.timezone(dt.timedelta(hours=7))


def _plan(tail: str) -> Plan:
    return read_text(BODY + tail)


def _recipients(plan: Plan) -> list[tuple[str, RecipientPurpose]]:
    return [(r.name, r.purpose) for r in plan.recipients]


def _signature(plan: Plan) -> tuple[str | None, ...]:
    sig = plan.signature
    assert sig is not None
    return (sig.authority, sig.on_behalf_of, sig.title, sig.signer)


def _lines(*rows: str) -> list[SourceLine]:
    return [SourceLine(text=row, line=n) for n, row in enumerate(rows, 100)]


# --- signature and recipients interleaved -------------------------------------------------


def test_authority_between_the_heading_and_the_recipients() -> None:
    """Công Hải: ``T/M`` printed right under *Nơi nhận*, the title and name after the list."""
    plan = _plan(
        "Nơi nhận:\nT/M BAN THƯỜNG VỤ\n- Ban Thường vụ Tỉnh uỷ (báo cáo),\n"
        "- Các chi, đảng bộ trực thuộc Đảng uỷ,\n- Lưu Văn phòng Đảng uỷ.\nBÍ THƯ\n"
        "Lê Thị Hoa\n"
    )
    assert _recipients(plan) == [
        ("Ban Thường vụ Tỉnh uỷ", R.REPORT),
        ("Các chi, đảng bộ trực thuộc Đảng uỷ", R.UNSPECIFIED),
        ("Lưu Văn phòng Đảng uỷ", R.ARCHIVE),
    ]
    assert _signature(plan) == ("T/M", "BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Thị Hoa")
    assert not plan.unparsed


def test_title_between_two_recipients() -> None:
    """Na Bó: the authority glued to *Nơi nhận*, the title between two recipients."""
    plan = _plan(
        "Nơi nhận: T/M CHI BỘ\n- Đảng ủy xã (b/c);\nBÍ THƯ\n- Các đảng viên (t/h);\n"
        "- Lưu Chi bộ.\nHoàng Văn Nam\n"
    )
    assert _recipients(plan) == [
        ("Đảng ủy xã", R.REPORT),
        ("Các đảng viên", R.IMPLEMENT),
        ("Lưu Chi bộ", R.ARCHIVE),
    ]
    assert _signature(plan) == ("T/M", "CHI BỘ", "BÍ THƯ", "Hoàng Văn Nam")


def test_line_without_bullet_continues_a_recipient_left_open() -> None:
    """Lương Minh: ``- A, B,`` / ``VP Đảng uỷ;`` in a list closed by ``;`` is one recipient."""
    plan = _plan(
        "Nơi nhận:\n- Thường trực Đảng ủy xã;\n- Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng,\n"
        "VP Đảng uỷ;\n- Văn phòng HĐND, UBND xã;\n- Lưu: MTTQ\nTM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\n"
        "Lan Thị Hương\n"
    )
    assert _recipients(plan) == [
        ("Thường trực Đảng ủy xã", R.UNSPECIFIED),
        ("Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng, VP Đảng uỷ", R.UNSPECIFIED),
        ("Văn phòng HĐND, UBND xã", R.UNSPECIFIED),
        ("Lưu: MTTQ", R.ARCHIVE),
    ]
    assert plan.recipients[1].location is not None
    assert plan.recipients[1].location.end_line == plan.recipients[1].location.line + 1
    assert _signature(plan) == ("TM.", "BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Lan Thị Hương")
    assert not plan.unparsed


def test_line_without_bullet_after_a_closed_recipient_is_a_recipient() -> None:
    """After ``- A;`` in a ``;`` list, ``B (để biết);`` is a recipient of its own."""
    plan = _plan("Nơi nhận:\n- Tỉnh ủy (b/c);\nSở Nội vụ (để biết);\n- Lưu VT.\n")
    assert _recipients(plan) == [
        ("Tỉnh ủy", R.REPORT),
        ("Sở Nội vụ", R.INFORM),
        ("Lưu VT", R.ARCHIVE),
    ]


def test_purposes_printed_in_a_column_beside_the_list() -> None:
    """Phúc Thịnh: ``(để b/cáo)`` and ``(để t/h)`` come after the list, between signature lines.

    The PDF prints the first beside the first recipient and the second beside the
    third; the recipient in between has none.
    """
    plan = _plan(
        "Nơi nhận:\n- Thành đoàn Hà Nội;\n- TT ĐU-HĐND-UBND-MTTQ xã;\n"
        "- Các cơ sở Đoàn, Hội, Đội trực thuộc\n- Lưu.\n\n(để b/cáo)\n\nTM. BAN THƯỜNG VỤ\n"
        "BÍ THƯ\n\n(để t/h)\n\nTrương Văn Nam\n"
    )
    assert _recipients(plan) == [
        ("Thành đoàn Hà Nội", R.REPORT),
        ("TT ĐU-HĐND-UBND-MTTQ xã", R.UNSPECIFIED),
        ("Các cơ sở Đoàn, Hội, Đội trực thuộc", R.IMPLEMENT),
        ("Lưu", R.ARCHIVE),
    ]
    assert "(để t/h)" in plan.recipients[2].text
    assert _signature(plan) == ("TM.", "BAN THƯỜNG VỤ", "BÍ THƯ", "Trương Văn Nam")
    assert not plan.unparsed


def test_a_single_purpose_column_for_a_report_goes_to_the_first() -> None:
    plan = _plan("Nơi nhận:\n- Huyện ủy;\n- Các chi bộ;\n- Lưu VP.\n(b/c)\nT/M ĐẢNG ỦY\nBÍ THƯ\n")
    assert _recipients(plan) == [
        ("Huyện ủy", R.REPORT),
        ("Các chi bộ", R.UNSPECIFIED),
        ("Lưu VP", R.ARCHIVE),
    ]


def test_signer_named_luu_is_not_an_archive() -> None:
    """*Lưu* is a surname too: a name after the title is the signer, ``Lưu VT`` is not."""
    plan = _plan(
        "Nơi nhận:\n- Tỉnh ủy (b/c);\n- Lưu VT.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nLưu Quang Huy\n"
    )
    assert _recipients(plan) == [("Tỉnh ủy", R.REPORT), ("Lưu VT", R.ARCHIVE)]
    assert _signature(plan) == ("T/M", "BAN THƯỜNG VỤ", "BÍ THƯ", "Lưu Quang Huy")


def test_office_under_the_name_stays_in_the_title() -> None:
    """Phố Bảng: a second office printed under the signer's name is part of the title."""
    plan = _plan(
        "Nơi nhận:\n- Lưu Ban xây dựng Đảng.\nTM. TIỂU BAN\nTRƯỞNG TIỂU BAN\nNguyễn Văn Hoàn\n"
        "TRƯỞNG BAN XÂY DỰNG ĐẢNG\n"
    )
    assert _signature(plan) == (
        "TM.",
        "TIỂU BAN",
        "TRƯỞNG TIỂU BAN TRƯỞNG BAN XÂY DỰNG ĐẢNG",
        "Nguyễn Văn Hoàn",
    )
    assert not [
        n for n in plan.notes if n.part is not Part.HEADER
    ]  # the rule under a title is a header note


# --- two tiers, wrapped bodies and Markdown ------------------------------------------------


def test_two_tiers_with_the_body_wrapped() -> None:
    """``TM. ỦY BAN`` / ``NHÂN DÂN`` / ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH`` / name."""
    plan = _plan(
        "Nơi nhận:\n- Bộ Nội vụ (Báo cáo);\n- Lưu: VT, NC.\nTM. ỦY BAN\nNHÂN DÂN\n"
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nPhùng Văn Vinh\n"
    )
    sig = plan.signature
    assert sig is not None
    assert (sig.authority, sig.on_behalf_of, sig.deputy_authority, sig.deputy_for) == (
        "TM.",
        "ỦY BAN NHÂN DÂN",
        "KT.",
        "CHỦ TỊCH",
    )
    assert (sig.title, sig.signer) == ("PHÓ CHỦ TỊCH", "Phùng Văn Vinh")


def test_markdown_table_and_bold_in_the_tail() -> None:
    """Web pages (Nghệ An, Quảng Ngãi): ``|`` cells, ``**`` across lines, ``*(để báo cáo)*``."""
    plan = _plan(
        "|\nNơi nhận:\n- Văn phòng Chính phủ\n- Bộ Công an (qua Cục A03) *(để báo cáo)*\n"
        "- Lưu: VTUB, NC (TP, Vinh).\n|\n**TM. ỦY BAN NHÂN\nDÂN**\nKT. CHỦ TỊCH\n"
        "**PHÓ CHỦ TỊCH**\n**Bùi Văn An**\n|\n\n** **\n"
    )
    assert _recipients(plan) == [
        ("Văn phòng Chính phủ", R.UNSPECIFIED),
        ("Bộ Công an (qua Cục A03)", R.REPORT),
        ("Lưu: VTUB, NC (TP, Vinh)", R.ARCHIVE),
    ]
    sig = plan.signature
    assert sig is not None
    assert (sig.authority, sig.on_behalf_of, sig.deputy_authority, sig.deputy_for) == (
        "TM.",
        "ỦY BAN NHÂN DÂN",
        "KT.",
        "CHỦ TỊCH",
    )
    assert (sig.title, sig.signer) == ("PHÓ CHỦ TỊCH", "Bùi Văn An")
    assert [f.text for f in plan.unparsed if f.location and f.location.line > 6] == []


# --- several recipients on one line and names --------------------------------------------


@pytest.mark.parametrize(
    "tail",
    ["Nơi nhận: - Như trên; - Lưu VT.\n", "Nơi nhận:\n- Như trên; - Lưu VT.\n"],
    ids=["on-the-heading", "own-line"],
)
def test_packed_recipients_are_split(tail: str) -> None:
    plan = _plan(tail + "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Thị Hoa\n")
    assert _recipients(plan) == [("Như trên", R.IMPLEMENT), ("Lưu VT", R.ARCHIVE)]
    assert [r.text for r in plan.recipients] == ["- Như trên;", "- Lưu VT."]


def test_packed_recipients_of_a_docx_paragraph_are_split() -> None:
    """A docx paragraph is not split by the text stage: the tail splits it."""
    ctx = Context()
    lines = [
        SourceLine(text="Nơi nhận: - UBND tỉnh (b/c); - Như Mục IV;", line=1),
        SourceLine(text="Sở Nội vụ; - Lưu: VT.", line=2, label="-"),
    ]
    recipients, _ = read_tail(lines, ctx)
    assert [(r.name, r.purpose) for r in recipients] == [
        ("UBND tỉnh", R.REPORT),
        ("Như Mục IV", R.IMPLEMENT),
        ("Sở Nội vụ", R.UNSPECIFIED),
        ("Lưu: VT", R.ARCHIVE),
    ]
    assert [r.location.line if r.location else None for r in recipients] == [1, 1, 2, 2]


def test_hyphen_inside_a_name_does_not_split() -> None:
    """``chính trị – xã hội`` and ``Dân số - Xã hội`` are names, not two recipients."""
    plan = _plan(
        "Nơi nhận:\n- MTTQ, các tổ chức chính trị – xã hội xã,\n"
        "- Chi cục Dân số - Xã hội (để phối hợp),\n- Lưu VP.\n"
    )
    assert _recipients(plan) == [
        ("MTTQ, các tổ chức chính trị – xã hội xã", R.UNSPECIFIED),
        ("Chi cục Dân số - Xã hội", R.COORDINATE),
        ("Lưu VP", R.ARCHIVE),
    ]


@pytest.mark.parametrize(
    ("line", "name", "purpose"),
    [
        ("- Ban Tuyên giáo Tỉnh ủy (để b/c);", "Ban Tuyên giáo Tỉnh ủy", R.REPORT),
        ("- Thường trực Đảng uỷ (B/c),", "Thường trực Đảng uỷ", R.REPORT),
        ("- Bộ Nội vụ (Báo cáo);", "Bộ Nội vụ", R.REPORT),
        ("- Các chi bộ trực thuộc (để thực hiện),", "Các chi bộ trực thuộc", R.IMPLEMENT),
        ("- Thành viên Tiểu ban (T/h);", "Thành viên Tiểu ban", R.IMPLEMENT),
        ("- Công an tỉnh (để phối hợp);", "Công an tỉnh", R.COORDINATE),
        ("- Các phòng chuyên môn (để biết);", "Các phòng chuyên môn", R.INFORM),
        ("- Sở Tài chính, để biết;", "Sở Tài chính", R.INFORM),
        ("- Lưu: VT, QLVH.", "Lưu: VT, QLVH", R.ARCHIVE),
        ("- Lưu VT./.", "Lưu VT", R.ARCHIVE),
        ("- CT, PCT UBND TP (1A, 1G);", "CT, PCT UBND TP (1A, 1G)", R.UNSPECIFIED),
        ("- Lưu: VT, NC (TP, Loan).", "Lưu: VT, NC (TP, Loan)", R.ARCHIVE),
    ],
)
def test_recipient_name_and_purpose(line: str, name: str, purpose: RecipientPurpose) -> None:
    """The purpose in parentheses and the closing ``;``/``.`` leave the name; codes stay."""
    (recipient,) = _plan(f"Nơi nhận:\n{line}\n").recipients
    assert (recipient.name, recipient.purpose, recipient.text) == (name, purpose, line)


# --- the digital-signature stamp ----------------------------------------------------------


def test_stamp_with_a_day_first_timestamp_after_the_signer() -> None:
    """Công Hải: the signing body and ``13-10-2025 11:04:17 +07:00`` under the name."""
    plan = _plan(
        "Nơi nhận:\n- Lưu Văn phòng Đảng uỷ.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nVũ Thị Trang\n"
        "ĐẢNG UỶ XÃ CÔNG HẢI\n13-10-2025 11:04:17 +07:00\n"
    )
    assert _signature(plan) == ("T/M", "BAN THƯỜNG VỤ", "BÍ THƯ", "Vũ Thị Trang")
    assert plan.signature is not None
    digital = plan.signature.digital
    assert digital is not None
    assert digital.signed_at == dt.datetime(2025, 10, 13, 11, 4, 17, tzinfo=VN)
    assert (digital.place, digital.signer, digital.email) == (None, "ĐẢNG UỶ XÃ CÔNG HẢI", None)
    assert digital.text == "ĐẢNG UỶ XÃ CÔNG HẢI\n13-10-2025 11:04:17 +07:00"
    assert not plan.unparsed
    assert not [
        n for n in plan.notes if n.part is not Part.HEADER
    ]  # the rule under a title is a header note


def test_stamp_with_an_iso_timestamp_place_and_email() -> None:
    """Cái Răng: ``2024-11-25T09:13:50+0700`` / place / ``Body<e-mail> đã ký ...``."""
    plan = _plan(
        "Nơi nhận:\n- Lưu VP.\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nTrần Hải Long\n"
        "2024-11-25T09:13:50+0700\nViệt Nam\n"
        "Quận ủy Cái Răng<quanuy@cantho.gov.vn> đã ký lên văn bản này!\n"
    )
    assert plan.signature is not None
    digital = plan.signature.digital
    assert digital is not None
    assert digital.signed_at == dt.datetime(2024, 11, 25, 9, 13, 50, tzinfo=VN)
    assert (digital.place, digital.signer, digital.email) == (
        "Việt Nam",
        "Quận ủy Cái Răng",
        "quanuy@cantho.gov.vn",
    )


@pytest.mark.parametrize(
    ("rows", "signed_at", "signer", "email"),
    [
        (
            ["Thời gian ký: 13/10/2025 11:04:17", "Ký bởi: Văn phòng Tỉnh ủy"],
            dt.datetime(2025, 10, 13, 11, 4, 17, tzinfo=VN),
            "Văn phòng Tỉnh ủy",
            None,
        ),
        (
            ["Ký bởi: Đảng ủy xã A", "Email: dangUy@a.gov.vn", "13.10.2025 08:30 GMT+7"],
            dt.datetime(2025, 10, 13, 8, 30, tzinfo=VN),
            "Đảng ủy xã A",
            "dangUy@a.gov.vn",
        ),
        (
            ["2025-03-12T09:05:31Z", "Hà Nội"],
            dt.datetime(2025, 3, 12, 9, 5, 31, tzinfo=dt.UTC),
            None,
            None,
        ),
    ],
    ids=["labelled-day-first", "e-mail-and-gmt", "iso-utc"],
)
def test_stamp_formats(
    rows: list[str], signed_at: dt.datetime, signer: str | None, email: str | None
) -> None:
    digital = read_trailer(_lines(*rows))
    assert digital is not None
    assert digital.signed_at == signed_at
    assert digital.signed_at is not None
    assert digital.signed_at.utcoffset() is not None
    assert (digital.signer, digital.email) == (signer, email)
    assert digital.text == "\n".join(rows)


def test_a_date_inside_a_recipient_is_not_a_stamp() -> None:
    """Only a line holding nothing but a timestamp (with its time) is a stamp."""
    plan = _plan("Nơi nhận:\n- Tổ công tác lập ngày 13-10-2025 11:04;\n- Lưu VT.\n")
    assert len(plan.recipients) == 2
    assert plan.signature is None


# --- annexes after the signature ----------------------------------------------------------


def test_annex_after_the_signature_is_kept_as_notes() -> None:
    """Cần Thơ: *PHỤ LỤC*, its title and a table with ``-`` lines after the signer."""
    plan = _plan(
        "Nơi nhận:\n- UBND xã, phường;\n- Lưu: VT, MX.\n|\n**TM. ỦY BAN NHÂN\nDÂN**\n"
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thị Điệp\n|\n\n**PHỤ LỤC**\n\n"
        "THANG ĐIỂM THI ĐUA\n*(Kèm theo Kế hoạch số 157/KH-UBND)*\n|\n**STT**\n|\n"
        "- Cách thức ghi nhận để chấm điểm;\n- Tỷ lệ = b/a * 100%;\nT/M BAN CHỈ ĐẠO\n"
    )
    assert _recipients(plan) == [("UBND xã, phường", R.UNSPECIFIED), ("Lưu: VT, MX", R.ARCHIVE)]
    sig = plan.signature
    assert sig is not None
    assert (sig.title, sig.signer) == ("PHÓ CHỦ TỊCH", "Nguyễn Thị Điệp")
    annex = [note.text for note in plan.notes if note.part is Part.SIGNATURE]
    assert annex == [
        "PHỤ LỤC",
        "THANG ĐIỂM THI ĐUA",
        "(Kèm theo Kế hoạch số 157/KH-UBND)",
        "STT",
        "- Cách thức ghi nhận để chấm điểm;",
        "- Tỷ lệ = b/a * 100%;",
        "T/M BAN CHỈ ĐẠO",
    ]
    assert all(note.location is not None for note in plan.notes)
    assert not plan.unparsed


@pytest.mark.parametrize(
    "annex",
    [
        "Mẫu biểu số 01\nDỰ BÁO MỘT SỐ CHỈ TIÊU\n- Số giáo viên | Người | 20.330\n",
        "KHẨU HIỆU TUYÊN TRUYỀN\n1. Nhiệt liệt chào mừng ngày bầu cử!\n2. Toàn dân đi bầu cử!\n",
        "ĐỀ CƯƠNG TUYÊN TRUYỀN\nI. Ý nghĩa\n- Cuộc bầu cử là sự kiện chính trị quan trọng.\n",
        "DANH SÁCH CÁC ĐƠN VỊ\n1. Xã Phú Mỡ\n2. Phường Sông Cầu\n",
    ],
    ids=["form", "slogans", "outline", "list-in-capitals"],
)
def test_what_follows_the_signer_is_an_annex(annex: str) -> None:
    plan = _plan(
        "Nơi nhận:\n- Như trên;\n- Lưu VT.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nHà Văn Tú\n" + annex
    )
    assert _recipients(plan) == [("Như trên", R.IMPLEMENT), ("Lưu VT", R.ARCHIVE)]
    assert _signature(plan) == ("T/M", "BAN THƯỜNG VỤ", "BÍ THƯ", "Hà Văn Tú")
    notes = [n.text for n in plan.notes if n.part is Part.SIGNATURE]
    assert " ".join(notes) == " ".join(annex.splitlines())  # wrapped lines may be joined
    assert not plan.unparsed


def test_text_after_the_signer_without_a_heading_is_kept_unparsed() -> None:
    """Lines after the name that are no annex heading: neither recipients nor signature."""
    plan = _plan(
        "Nơi nhận:\n- Như trên;\n- Lưu VT.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nHà Văn Tú\n"
        "- Ghi chép số liệu hằng tháng;\nTuyên truyền sâu rộng.\n"
    )
    assert _recipients(plan) == [("Như trên", R.IMPLEMENT), ("Lưu VT", R.ARCHIVE)]
    assert _signature(plan) == ("T/M", "BAN THƯỜNG VỤ", "BÍ THƯ", "Hà Văn Tú")
    assert [f.text for f in plan.unparsed] == [
        "- Ghi chép số liệu hằng tháng;",
        "Tuyên truyền sâu rộng.",
    ]
    assert not [
        n for n in plan.notes if n.part is not Part.HEADER
    ]  # the rule under a title is a header note


def test_body_in_capitals_left_after_the_name_is_no_annex() -> None:
    """A signing body above an ISO stamp (taken away by the zones) is kept, not an annex."""
    plan = _plan(
        "Nơi nhận:\n- Lưu VP.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nVũ Thị Trang\nĐẢNG ỦY XÃ CÔNG HẢI\n"
        "2025-10-13T11:04:17+07:00\n"
    )
    assert _signature(plan) == ("T/M", "BAN THƯỜNG VỤ", "BÍ THƯ", "Vũ Thị Trang")
    assert plan.signature is not None
    assert plan.signature.digital is not None
    assert plan.signature.digital.signed_at == dt.datetime(2025, 10, 13, 11, 4, 17, tzinfo=VN)
    assert not [
        n for n in plan.notes if n.part is not Part.HEADER
    ]  # the rule under a title is a header note
    assert [f.text for f in plan.unparsed] == ["ĐẢNG ỦY XÃ CÔNG HẢI"]


def test_web_footnotes_after_the_signature_are_fragments() -> None:
    """Web pages end with their footnotes (``[1] ...``): kept as fragments, not an annex."""
    plan = _plan(
        "Nơi nhận:\n- Lưu: VT, TH.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHồ Thị Thảo\n"
        "[1] Xã Phú Mỡ, Phường Sông Cầu,\nXã Ô Loan.\n"
    )
    assert [f.text for f in plan.unparsed] == ["[1] Xã Phú Mỡ, Phường Sông Cầu,", "Xã Ô Loan."]
    assert all("recipients and signature" in f.reason for f in plan.unparsed)
    assert not [
        n for n in plan.notes if n.part is not Part.HEADER
    ]  # the rule under a title is a header note


def test_read_tail_alone() -> None:
    """The stage on its own lines: an annex heading after the signer closes the tail."""
    ctx = Context()
    recipients, signature = read_tail(
        _lines(
            "Nơi nhận:",
            "- Sở Nội vụ;",
            "- Lưu VT.",
            "KT. GIÁM ĐỐC",
            "PHÓ GIÁM ĐỐC",
            "Nguyễn Văn Bình",
            "PHỤ LỤC I",
            "- Nội dung một;",
        ),
        ctx,
    )
    assert [r.name for r in recipients] == ["Sở Nội vụ", "Lưu VT"]
    assert signature is not None
    assert (signature.authority, signature.on_behalf_of, signature.title, signature.signer) == (
        "KT.",
        "GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Văn Bình",
    )
    assert [(n.part, n.text) for n in ctx.notes] == [
        (Part.SIGNATURE, "PHỤ LỤC I"),
        (Part.SIGNATURE, "- Nội dung một;"),
    ]
    assert not ctx.unparsed
