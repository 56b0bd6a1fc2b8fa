"""Rules the reader learnt from plans it had not seen (see ``test_text_unseen.py``)."""

from __future__ import annotations

from kehoach_core import RecipientPurpose
from kehoach_core._reading import read_text
from kehoach_core._reading.build import build_plan
from kehoach_core._reading.citations import find_citations
from kehoach_core._reading.events import find_anniversaries
from kehoach_core._reading.lines import text_to_document
from kehoach_core._reading.outline import build_outline
from kehoach_core._reading.source import SourceDocument, SourceLine
from kehoach_core._reading.tail import purpose_of


def _outline(rows: list[str]) -> str:
    return build_outline([SourceLine(text=t, line=n) for n, t in enumerate(rows, 1)]).dump()


def test_numbered_heading_closes_open_bullets() -> None:
    """``1.1.`` after ``- ...:`` and its ``+`` items is a sibling heading, not a sub-item."""
    rows = [
        "1. Đợt I: Từ nay",
        "- Tuyên truyền chung:",
        "+ Ý nghĩa.",
        "1.1. Trước khai mạc",
        "- A.",
    ]
    assert _outline(rows).splitlines() == [
        "1. Đợt I: Từ nay",
        "  - Tuyên truyền chung:",
        "    + Ý nghĩa.",
        "  1.1. Trước khai mạc",
        "    - A.",
    ]


def test_title_opening_with_a_preamble_word_is_kept_when_a_rule_follows() -> None:
    plan = read_text(
        "KẾ HOẠCH\nTriển khai công tác tuyên truyền\nđại hội đảng bộ các cấp\n-----\n"
        "Căn cứ Kế hoạch số 06-KH/TU ngày 03/7/2025 của Tỉnh ủy.\nI. MỤC ĐÍCH, YÊU CẦU\n- A.\n"
    )
    assert plan.title == "Triển khai công tác tuyên truyền đại hội đảng bộ các cấp"
    assert [item.text[:6] for item in plan.preamble] == ["Căn cứ"]


def test_docx_title_hint_keeps_a_title_without_rule() -> None:
    """In a docx the title is bold and centred: no rule needed."""
    lines = [
        SourceLine(text="KẾ HOẠCH", line=1, bold=True, centered=True),
        SourceLine(text="Thực hiện cuộc vận động tuyên truyền", line=2, bold=True, centered=True),
        SourceLine(text="Thực hiện Kế hoạch số 06-KH/TU, Đảng ủy ban hành như sau:", line=3),
        SourceLine(text="MỤC ĐÍCH, YÊU CẦU", line=4, label="I."),
        SourceLine(text="Tuyên truyền.", line=5, label="-"),
    ]
    plan = build_plan(SourceDocument(lines=lines))
    assert plan.title == "Thực hiện cuộc vận động tuyên truyền"
    assert len(plan.preamble) == 1


def test_bases_one_per_line_are_not_joined() -> None:
    doc = text_to_document(
        "x" * 70
        + "\n"
        + "Căn cứ Nghị quyết số 98/NQ-CP ngày 30/8/2021 của Chính phủ ban hành Chương trình hành\n"
        "động của Chính phủ về phát triển văn hóa, thể thao và du lịch, nhất là các nội dung;\n"
        "Căn cứ Kế hoạch số 25-KH/BTGDVTU ngày 20/6/2025 của Ban Tuyên giáo và Dân vận Tỉnh ủy;\n"
        + "\n".join(["y" * 80] * 8)
    )
    starts = [line.text[:20] for line in doc.lines]
    assert "Căn cứ Kế hoạch số 2" in starts


def test_numbered_heading_is_not_joined_with_a_capitalised_paragraph() -> None:
    line = "Các hoạt động tuyên truyền phải bảo đảm đúng định hướng, thiết thực, hiệu quả và"
    filler = "\n".join([line] * 9)  # a page 78 characters wide
    doc = text_to_document(
        filler + "\n1. Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy\n"
        "Xây dựng kế hoạch tuyên truyền phù hợp.\n"
    )
    assert [line.text for line in doc.lines][-2:] == [
        "1. Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy",
        "Xây dựng kế hoạch tuyên truyền phù hợp.",
    ]


def test_law_cited_by_name() -> None:
    found = find_citations("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022;", None)
    assert [(c.kind, str(c.number), c.title) for c in found] == [
        ("Luật", "06/2022/QH15", "Thi đua, khen thưởng")
    ]


def test_anniversaries_sharing_the_years() -> None:
    found = find_anniversaries(
        "80 năm Cách mạng Tháng Tám (19/8/1945 - 19/8/2025) và Quốc khánh (02/9/1945 - 02/9/2025)",
        None,
    )
    assert [(a.name, a.years, a.on.isoformat() if a.on else None) for a in found] == [
        ("Cách mạng Tháng Tám", 80, "2025-08-19"),
        ("Quốc khánh", 80, "2025-09-02"),
    ]


def test_recipients_named_by_reference_implement() -> None:
    assert purpose_of("- Như trên;") is RecipientPurpose.IMPLEMENT
    assert purpose_of("- Như Điều 3;") is RecipientPurpose.IMPLEMENT
