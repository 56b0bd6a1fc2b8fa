"""Cleaning and logical lines: blank lines, wraps, glued items, hyphens, footnotes."""

from __future__ import annotations

import pytest

from kehoach_core import InputError
from kehoach_core._reading.clean import clean_lines
from kehoach_core._reading.lines import text_to_document


def _texts(text: str) -> list[str]:
    return [line.text for line in text_to_document(text).lines]


def test_blank_lines_spaces_and_page_numbers_are_dropped() -> None:
    """Blank lines, doubled and leading spaces, tabs and lone page numbers go."""
    lines = clean_lines("  Kế   hoạch\t\n\n\n12\n\n- 3 -\n\nĐợt 1\f\n")
    assert [(line.text, line.line) for line in lines] == [("Kế hoạch", 1), ("Đợt 1", 8)]


def test_wrapped_lines_are_joined_with_their_line_span() -> None:
    """A wrapped item becomes one line that keeps its first and last physical line."""
    doc = text_to_document(
        "- Tuyên truyền sâu rộng để cán bộ, đảng viên và Nhân dân các dân tộc trên\n\n"
        "địa bàn nhận thức sâu sắc về ý nghĩa của đại hội.\n\n- Treo cờ Đảng."
    )
    assert [(line.line, line.end_line) for line in doc.lines] == [(1, 3), (5, 5)]


@pytest.mark.parametrize(
    "phrase",
    ["kinh tế - xã hội", "Mác - Lênin", "văn hóa - văn nghệ", "2025 - 2030", "chính trị - xã hội"],
)
def test_hyphen_inside_a_phrase_is_not_a_bullet(phrase: str) -> None:
    """A hyphen between words never splits an item."""
    assert len(_texts(f"- Phát triển {phrase}. Tăng cường {phrase} tốt.")) == 1


def test_glued_bullets_are_split() -> None:
    """``... đơn vị. - Treo cờ ...`` is two items."""
    texts = _texts("- Tuyên truyền tại trụ sở các cơ quan, đơn vị. - Treo cờ Đảng, cờ Tổ quốc.")
    assert texts == [
        "- Tuyên truyền tại trụ sở các cơ quan, đơn vị.",
        "- Treo cờ Đảng, cờ Tổ quốc.",
    ]


def test_heading_glued_to_first_item_is_split() -> None:
    """``2.1. Tổ chức ...:  - Trên ...`` is a heading and an item."""
    texts = _texts(
        "2.1. Tổ chức tuyên truyền trên các phương tiện:  - Trên các hệ thống truyền thanh"
    )
    assert texts == [
        "2.1. Tổ chức tuyên truyền trên các phương tiện:",
        "- Trên các hệ thống truyền thanh",
    ]


def test_glued_numbered_heading_is_split() -> None:
    """``... sạch, đẹp… 2.4.Phát động ...`` starts a new heading."""
    texts = _texts("- Trang trí khu dân cư xanh, sạch, đẹp… 2.4.Phát động các phong trào thi đua:")
    assert texts[1].startswith("2.4.Phát động")


def test_period_split_over_lines_stays_one_item() -> None:
    """``giai đoạn 2021`` / ``- 2030, ...`` continues the item (a year, not a bullet)."""
    text = (
        "(2) Tuyên truyền chiến lược phát triển kinh tế - xã hội giai đoạn 2021\n\n"
        "- 2030, phương hướng, nhiệm vụ trong nhiệm kỳ tới."
    )
    assert len(_texts(text)) == 1


def test_short_line_ends_a_heading() -> None:
    """A numbered heading on a short line is not joined to the paragraph under it."""
    wide = "x " * 38
    text = (
        f"{wide}\n\n2.2. Trong thời gian diễn ra Đại hội\n\nTập trung tuyên truyền các nội dung.\n"
    )
    text += "\n".join(f"{wide}." for _ in range(10))
    assert "2.2. Trong thời gian diễn ra Đại hội" in _texts(text)


def test_upper_case_lines_stay_apart() -> None:
    """Signature lines (upper case) are not joined to one another."""
    texts = _texts("Nơi nhận:\n- Lưu VT.\n\nT/M BAN THƯỜNG VỤ\n\nPHÓ BÍ THƯ\n\nNông Đức Vượng")
    assert texts == ["Nơi nhận:", "- Lưu VT.", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nông Đức Vượng"]


def test_title_rule_separates_title_and_preamble() -> None:
    """The ``-----`` rule stays on its own line."""
    texts = _texts("KẾ HOẠCH\nTuyên truyền đại hội\n\n-----\n\nCăn cứ Kế hoạch số 06-KH/TBTT")
    assert texts == ["KẾ HOẠCH", "Tuyên truyền đại hội", "-----", "Căn cứ Kế hoạch số 06-KH/TBTT"]


def test_trailer_lines_stay_apart() -> None:
    """The digital-signature trailer is kept line by line."""
    texts = _texts(
        "Trần Hải Long\n\t\t2024-11-25T09:13:50+0700\n\tViệt Nam\n\tQuận ủy<a@b.vn> đã ký"
    )
    assert texts == [
        "Trần Hải Long",
        "2024-11-25T09:13:50+0700",
        "Việt Nam",
        "Quận ủy<a@b.vn> đã ký",
    ]


def test_footnote_text_is_taken_out() -> None:
    """A footnote line whose marker is glued to a word earlier is moved to ``footnotes``."""
    doc = text_to_document(
        "- Thực hiện theo Quy định của Ban Bí thư1 về cờ Đảng.\n\n"
        "1 Quy định số 99-QĐ/TW, ngày 27/2/2023 của Ban Bí thư.\n\n- Treo cờ Đảng."
    )
    assert doc.footnotes == {"1": "Quy định số 99-QĐ/TW, ngày 27/2/2023 của Ban Bí thư."}
    assert [line.text for line in doc.lines][-1] == "- Treo cờ Đảng."


def test_number_line_without_marker_stays() -> None:
    """A line opening with a number stays in the body when no glued marker announces it."""
    doc = text_to_document("- Tuyên truyền.\n\n5 năm thực hiện Nghị quyết.")
    assert doc.footnotes == {}
    assert len(doc.lines) == 2


@pytest.mark.parametrize("text", ["", "  \n\n \t", "12\n\n13"])
def test_empty_text_is_refused(text: str) -> None:
    """Nothing to read is an InputError."""
    with pytest.raises(InputError):
        text_to_document(text)


def test_document_number_wrapped_at_its_hyphen_is_joined_without_a_space():
    """Cái Răng: "Hướng dẫn số 43-" ends a line and "HD/BTGTU ngày ..." starts the next."""
    doc = text_to_document(
        "- Thực hiện Quy định số 99-QĐ/TW; Hướng dẫn số 43-\n\nHD/BTGTU ngày 12/10/2023 của Ban.\n"
    )
    assert [line.text for line in doc.lines] == [
        "- Thực hiện Quy định số 99-QĐ/TW; Hướng dẫn số 43-HD/BTGTU ngày 12/10/2023 của Ban."
    ]


def test_hyphen_at_line_end_between_words_keeps_its_space():
    doc = text_to_document("- Phát triển kinh tế -\n\nxã hội của địa phương.\n")
    assert doc.lines[0].text == "- Phát triển kinh tế - xã hội của địa phương."
