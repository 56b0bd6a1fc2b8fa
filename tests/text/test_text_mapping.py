"""The structure stage on small plans: header, windows, roles, tail, docx-shaped input."""

from __future__ import annotations

import datetime as dt

from kehoach_core import (
    DateAnchor,
    Edge,
    FormKind,
    IssueDate,
    Level,
    MilestoneEdge,
    NumberStyle,
    Open,
    Part,
    RecipientPurpose,
    Role,
)
from kehoach_core._reading import read_text
from kehoach_core._reading.build import build_plan
from kehoach_core._reading.source import SourceDocument, SourceLine

STATE_PLAN = """UBND TỈNH LAI CHÂU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ VĂN HÓA, THỂ THAO Độc lập - Tự do - Hạnh phúc
VÀ DU LỊCH
Số: 805/KH-SVHTTDL Lai Châu, ngày 16 tháng 7 năm 2025
KẾ HOẠCH
Tuyên truyền kỷ niệm 80 năm Ngày Quốc khánh
Căn cứ Kế hoạch số 06-KH/TU ngày 03/7/2025 của Tỉnh ủy Lai Châu về tuyên truyền;
Sở Văn hóa, Thể thao và Du lịch xây dựng Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
- Tuyên truyền sâu rộng.
II. NỘI DUNG TUYÊN TRUYỀN
1. Đợt 1: Từ ngày 01/8/2025 đến ngày 02/9/2025
- Trước khai mạc Đại hội Đảng bộ tỉnh lần thứ XV:
+ Tuyên truyền thành tựu.
- Tuyên truyền 80 năm Ngày Quốc khánh (02/9/1945 - 02/9/2025).
2. Đợt 2: Sau khi bế mạc Đại hội đại biểu Đảng bộ tỉnh Lai Châu lần thứ XV
- Tuyên truyền kết quả.
III. HÌNH THỨC TUYÊN TRUYỀN
1. Trên báo chí, mạng xã hội.
IV. TỔ CHỨC THỰC HIỆN
1. Phòng Nghiệp vụ Văn hóa chủ trì, phối hợp với các đơn vị thực hiện.
2. Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh, Tỉnh đoàn phối hợp tuyên truyền.
3. Trung tâm Văn hóa tỉnh:
a) Phòng Tuyên truyền:
- Treo băng rôn.
Trên đây là Kế hoạch tuyên truyền./.
Nơi nhận: KT. GIÁM ĐỐC
- Tỉnh ủy (để b/c); PHÓ GIÁM ĐỐC
- Các phòng (để thực hiện);
- Lưu: VT.
Nguyễn Văn A
"""


def test_state_header_is_read_from_interleaved_columns() -> None:
    """Issuer, superior body, number, place, date and State format from a flattened header."""
    plan = read_text(STATE_PLAN)
    assert plan.issuer == "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"
    assert plan.superior_body == "UBND TỈNH LAI CHÂU"
    assert str(plan.number) == "805/KH-SVHTTDL"
    assert (plan.place, plan.issued_on) == ("Lai Châu", dt.date(2025, 7, 16))
    assert plan.style is NumberStyle.STATE
    assert plan.title == "Tuyên truyền kỷ niệm 80 năm Ngày Quốc khánh"


def test_dates_and_milestone_windows() -> None:
    """Explicit dates become DateAnchors; bullet sub-phases inherit the phase start."""
    plan = read_text(STATE_PLAN)
    first, second = plan.phases
    assert first.window is not None
    assert second.window is not None
    assert first.window.start == DateAnchor(dt.date(2025, 8, 1))
    assert first.window.end == DateAnchor(dt.date(2025, 9, 2))
    (sub,) = first.subphases
    assert sub.label == "-"
    assert sub.window is not None
    assert sub.window.start == first.window.start
    assert isinstance(sub.window.end, MilestoneEdge)
    assert sub.window.end.edge is Edge.START
    assert [item.label for item in sub.content] == ["+"]
    assert isinstance(second.window.start, MilestoneEdge)
    assert second.window.start.edge is Edge.END
    assert isinstance(second.window.end, Open)
    assert second.window.start.milestone == sub.window.end.milestone
    milestone = plan.milestone(sub.window.end.milestone)
    assert milestone is not None
    assert milestone.level is Level.PROVINCE
    assert milestone.ordinal == 15


def test_roles_requests_and_nested_bodies() -> None:
    """chủ trì leads; Đề nghị is a request to several bodies; a) nests a body."""
    plan = read_text(STATE_PLAN)
    lead, requested, centre = plan.assignments
    assert (lead.bodies, lead.role) == (("Phòng Nghiệp vụ Văn hóa",), Role.LEAD)
    assert lead.tasks[0].text.startswith("chủ trì, phối hợp")
    assert requested.role is Role.REQUESTED
    assert requested.bodies == ("Ủy ban Mặt trận Tổ quốc tỉnh", "Tỉnh đoàn")
    assert [child.bodies for child in centre.children] == [("Phòng Tuyên truyền",)]
    assert [task.text for task in centre.children[0].tasks] == ["Treo băng rôn."]


def test_forms_closing_and_interleaved_tail() -> None:
    """Form kinds, closing, and recipients read between signature lines."""
    plan = read_text(STATE_PLAN)
    assert plan.forms[0].kind is FormKind.MASS_MEDIA
    assert FormKind.INTERNET in plan.forms[0].also
    assert [item.text for item in plan.closing] == ["Trên đây là Kế hoạch tuyên truyền./."]
    assert [(r.name, r.purpose) for r in plan.recipients] == [
        ("Tỉnh ủy", RecipientPurpose.REPORT),
        ("Các phòng", RecipientPurpose.IMPLEMENT),
        ("Lưu: VT", RecipientPurpose.ARCHIVE),
    ]
    signature = plan.signature
    assert signature is not None
    assert (signature.authority, signature.on_behalf_of, signature.title, signature.signer) == (
        "KT.",
        "GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Văn A",
    )
    assert plan.anniversaries[0].years == 80


def test_from_nay_is_the_issue_date_and_purposes_yeu_cau_merged() -> None:
    """``Từ nay`` anchors on the issue date; one ``Mục đích, yêu cầu`` heading fills purposes."""
    plan = read_text(
        "KẾ HOẠCH\nX\n-----\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích, yêu cầu\n- a.\n- b.\n"
        "II. NỘI DUNG\n1. Đợt 1: Từ nay đến Đại hội XIV của Đảng\n- c.\n"
    )
    assert len(plan.purposes) == 2
    assert not plan.requirements
    assert [s.part for s in plan.sections] == [Part.PURPOSES, Part.PURPOSES, Part.CONTENT]
    window = plan.phases[0].window
    assert window is not None
    assert window.start == IssueDate()


def test_unknown_section_is_kept_as_unparsed() -> None:
    """Text outside any section the reader knows is kept with its location."""
    plan = read_text(
        "KẾ HOẠCH\nX\n-----\n1. MỤC ĐÍCH\n- a.\n2. Tình hình chung\n- Nguồn ngân sách.\n"
    )
    assert [f.text for f in plan.unparsed] == ["2. Tình hình chung", "- Nguồn ngân sách."]
    assert all(f.location is not None for f in plan.unparsed)


def test_budget_section_is_read_as_content() -> None:
    """A Roman section of another kind of plan (*Kinh phí*) is read fully, not left unparsed."""
    plan = read_text("KẾ HOẠCH\nX\n-----\nI. KINH PHÍ THỰC HIỆN\n- Nguồn ngân sách.\n")
    assert not plan.unparsed
    assert [item.text for item in plan.standing_content] == ["Nguồn ngân sách."]


def test_docx_shaped_document() -> None:
    """build_plan reads docx lines whose numbering sits in ``label``."""
    rows = [
        ("KẾ HOẠCH", None),
        ("Tuyên truyền đại hội", None),
        ("Căn cứ Kế hoạch số 06-KH/TBTT ngày 16/5/2025 của Tiểu ban Tuyên truyền;", None),
        ("MỤC ĐÍCH, YÊU CẦU", "I."),
        ("Tuyên truyền sâu rộng.", "-"),
        ("NỘI DUNG", "II."),
        ("Đợt 1: Từ nay đến Đại hội XIV của Đảng", "1."),
        ("Tuyên truyền a.", "-"),
        ("TỔ CHỨC THỰC HIỆN", "III."),
        ("Ban Tuyên giáo", "1."),
        ("Tham mưu cấp ủy.", "-"),
    ]
    doc = SourceDocument(
        lines=[SourceLine(text=t, line=n, label=lab) for n, (t, lab) in enumerate(rows, 1)],
        source="plan.docx",
    )
    plan = build_plan(doc)
    assert plan.source == "plan.docx"
    assert [str(c.number) for c in plan.bases] == ["06-KH/TBTT"]
    assert [p.label for p in plan.phases] == ["1."]
    assert plan.phases[0].content[0].label == "-"
    assert plan.assignments[0].bodies == ("Ban Tuyên giáo",)
    assert plan.assignments[0].role is Role.ADVISE
    assert plan.phases[0].id == "phase1"


def test_trailer_with_an_impossible_offset_keeps_its_text_without_a_time():
    """A damaged trailer (offset of 24 hours or more) is not a crash: no signing time."""
    from kehoach_core import read_text

    plan = read_text(
        "KẾ HOẠCH\nI. MỤC ĐÍCH\n- Tuyên truyền.\nNơi nhận:\n- Lưu VP.\nT/M BAN THƯỜNG VỤ\n"
        "BÍ THƯ\nNguyễn Văn A\n2024-11-25T09:13:50+2500\nViệt Nam\n"
    )
    assert plan.signature is not None
    digital = plan.signature.digital
    assert digital is not None
    assert digital.signed_at is None
    assert "2024-11-25T09:13:50+2500" in digital.text
