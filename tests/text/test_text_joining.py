"""Joining in plans copied from web pages (Markdown): paragraphs, cells, bold runs, footnotes.

A web page converted to Markdown wraps its paragraphs after a few words and
separates paragraphs by a blank line; ordinary extracted text does not, so the
rules here apply to Markdown documents only (``looks_like_markdown``).
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach_core._reading.clean import clean_lines
from kehoach_core._reading.lines import text_to_document

# Three lines of Markdown evidence: what makes a text a Markdown document.
_MD = "|\n**ỦY BAN NHÂN DÂN**\n|\n**KẾ HOẠCH**\n\n"


def _texts(body: str, head: str = _MD) -> list[str]:
    return [line.text for line in text_to_document(head + body).lines][2:]


def _lines(body: str) -> list[tuple[str, int, int | None]]:
    return [(line.text, line.line, line.end_line) for line in text_to_document(_MD + body).lines][
        2:
    ]


def test_a_paragraph_wrapped_after_a_few_words_is_one_line() -> None:
    """``Căn cứ Thông tư số`` / ``06/2022/TT-BTTTT ...``: the citation stays whole."""
    body = (
        "Căn cứ Thông tư số\n06/2022/TT-BTTTT ngày 30 tháng 6 năm 2022 của Bộ trưởng Bộ Thông tin\n"
        "và Truyền thông hướng dẫn thực hiện Dự án;\n\nCăn cứ Quyết định số\n"
        "650/QĐ-LĐTBXH ngày 21 tháng 7 năm 2022.\n"
    )
    assert _lines(body) == [
        (
            "Căn cứ Thông tư số 06/2022/TT-BTTTT ngày 30 tháng 6 năm 2022 của Bộ trưởng Bộ "
            "Thông tin và Truyền thông hướng dẫn thực hiện Dự án;",
            6,
            8,
        ),
        ("Căn cứ Quyết định số 650/QĐ-LĐTBXH ngày 21 tháng 7 năm 2022.", 10, 11),
    ]


def test_a_sentence_end_inside_a_paragraph_does_not_split_it() -> None:
    """Only a blank line ends a paragraph: a full stop at a line's end does not."""
    body = "- Tốc độ tăng trưởng ước đạt 8%.\nHoạt động sản xuất tăng ở cả ba khu vực.\n"
    assert _texts(body) == [
        "- Tốc độ tăng trưởng ước đạt 8%. Hoạt động sản xuất tăng ở cả ba khu vực."
    ]


def test_a_label_alone_on_its_line_takes_the_next_line() -> None:
    """``I.`` / ``ĐÁNH GIÁ ...`` and ``2.`` / ``Xác định ...`` are headings with their text."""
    body = "**I.\nĐÁNH GIÁ KẾT QUẢ THỰC HIỆN**\n\n**2.\nXác định nhiệm vụ trọng tâm**\n"
    assert _texts(body) == ["I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN", "2. Xác định nhiệm vụ trọng tâm"]


def test_a_label_bullet_or_marker_opens_a_line() -> None:
    """A numbering label, a bullet, ``Đợt``, ``Nơi nhận`` open a line without a blank line."""
    body = (
        "Thực hiện các nội dung sau:\n- Treo cờ Đảng;\n- Tổ chức hội nghị;\n"
        "2. Hình thức\nĐợt 1: Từ nay đến tháng 12\n"
    )
    assert _texts(body) == [
        "Thực hiện các nội dung sau:",
        "- Treo cờ Đảng;",
        "- Tổ chức hội nghị;",
        "2. Hình thức",
        "Đợt 1: Từ nay đến tháng 12",
    ]


def test_a_hyphen_between_words_wrapped_to_a_line_start_is_no_bullet() -> None:
    """``phối hợp tổ chức chính trị`` / ``- xã hội tại địa phương``: one paragraph."""
    body = "Chỉ đạo phối hợp tổ chức chính trị\n- xã hội tại địa phương.\n- Ước đạt 8%.\n"
    assert _texts(body) == [
        "Chỉ đạo phối hợp tổ chức chính trị - xã hội tại địa phương.",
        "- Ước đạt 8%.",
    ]


def test_the_date_in_a_header_cell_is_whole() -> None:
    """``Cần Thơ, ngày`` / ``19 tháng 11 năm 2025`` in a cell spread over lines."""
    text = (
        "|\n**ỦY BAN NHÂN\nDÂN **\nTHÀNH PHỐ CẦN THƠ\n--------\n|\n**CỘNG HÒA XÃ\n"
        "HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n---------------\n|\n|\n"
        "Số: 159/KH-UBND\n|\n*Cần Thơ, ngày\n19 tháng 11 năm 2025*\n|\n\n**KẾ HOẠCH**\n"
    )
    assert [line.text for line in text_to_document(text).lines] == [
        "ỦY BAN NHÂN DÂN",
        "THÀNH PHỐ CẦN THƠ",
        "--------",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "---------------",
        "Số: 159/KH-UBND",
        "Cần Thơ, ngày 19 tháng 11 năm 2025",
        "KẾ HOẠCH",
    ]


def test_the_signing_block_joins_only_a_bold_run() -> None:
    """``**TM. ỦY BAN NHÂN`` / ``DÂN**`` is one line; the title and the name are not joined."""
    body = (
        "|\nNơi nhận:\n- Bộ Tài chính (để\nb/c);\n- Lưu: VT.\n|\n**TM. ỦY BAN NHÂN\nDÂN**\n"
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n**Trần Văn A**\n|\n"
    )
    assert _texts(body) == [
        "Nơi nhận:",
        "- Bộ Tài chính (để b/c);",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Trần Văn A",
    ]


def test_an_annex_after_the_signing_block_is_read_as_paragraphs() -> None:
    """After the signature's cell, ``(Kèm theo ... tỉnh`` / ``Cà Mau)`` is one line again."""
    body = (
        "|\n**TM. ỦY BAN NHÂN\nDÂN**\nCHỦ TỊCH\n**Lâm Văn Bi**\n|\n\nMẫu biểu số 01\n\n"
        "(Kèm theo Kế hoạch số 0204/KH-UBND của Ủy ban nhân dân tỉnh\nCà Mau)\n"
    )
    assert _texts(body) == [
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Lâm Văn Bi",
        "Mẫu biểu số 01",
        "(Kèm theo Kế hoạch số 0204/KH-UBND của Ủy ban nhân dân tỉnh Cà Mau)",
    ]


def test_cells_of_a_row_are_lines_of_their_own() -> None:
    """``| a | b |``: each cell is a line (a number too: a web page has no page numbers),
    and the line after the row opens one too."""
    body = "| 1 | Sở Tài chính | Chủ trì |\nPhối hợp với các sở\nvà ngành.\n"
    assert _texts(body) == ["1", "Sở Tài chính", "Chủ trì", "Phối hợp với các sở và ngành."]


def test_capitals_next_to_other_text_stay_apart() -> None:
    """A line in capitals (a title) and a line that is not stay apart, as in other text."""
    body = "TRUYỀN THÔNG VỀ GIẢM NGHÈO\nNăm 2025 thực hiện\n"
    assert _texts(body) == ["TRUYỀN THÔNG VỀ GIẢM NGHÈO", "Năm 2025 thực hiện"]


def test_ordinary_text_is_joined_as_before() -> None:
    """Without Markdown evidence the rules of extracted text hold: a full stop ends a line."""
    text = "- Tốc độ tăng trưởng ước đạt 8%.\nHoạt động sản xuất tăng ở cả ba khu vực.\n"
    assert [line.text for line in text_to_document(text).lines] == [
        "- Tốc độ tăng trưởng ước đạt 8%.",
        "Hoạt động sản xuất tăng ở cả ba khu vực.",
    ]
    assert all(line.opens is None for line in clean_lines(text))


def test_clean_lines_mark_blocks_only_in_markdown() -> None:
    """``opens``: after a blank line, a cell, the line after a row; ``in_bold``: a bold run on."""
    lines = clean_lines(_MD + "**Một\nhai** ba\nbốn\n\n| c | d |\ne\n")
    assert [(line.text, line.opens, line.in_bold) for line in lines][2:] == [
        ("Một", True, False),
        ("hai ba", False, True),
        ("bốn", False, False),
        ("c", True, False),
        ("d", True, False),
        ("e", True, False),
    ]


def test_web_footnotes_are_taken_with_their_whole_block() -> None:
    """``[1]`` alone, then its text; ``[2] Cụ`` / ``thể: ...``; a block over capitals and digits."""
    body = (
        "- Thu tiền sử dụng đất ước đạt\n560 tỷ đồng *[1]*, bằng 81% dự toán.\n\n"
        "- Hỗ trợ người nộp thuế* [2]*.\n\n"
        "- Chi đầu tư từ nguồn vay 22,656 tỷ đồng *[4]*/12,9\ntỷ đồng.\n\n"
        "- Chi thường xuyên 14.635 tỷ đồng***[3]**, chi trả lãi.\n\n"
        "[1]\nTrong đó: Công ty nộp 30 tỷ đồng.\n\n"
        "[2] Cụ\nthể: giảm thuế theo Nghị quyết số 174/2024/QH15 ngày\n30/11/2024 của Quốc hội;\n"
        "Nghị định số 87/2025/NĐ-CP.\n\n[3] Bao\ngồm chi tạo nguồn.\n\n"
        "[4]\nTrong năm được bổ sung.\n"
    )
    document = text_to_document(_MD + body)
    assert document.footnotes == {
        "1": "Trong đó: Công ty nộp 30 tỷ đồng.",
        "2": "Cụ thể: giảm thuế theo Nghị quyết số 174/2024/QH15 ngày 30/11/2024 của Quốc hội; "
        "Nghị định số 87/2025/NĐ-CP.",
        "3": "Bao gồm chi tạo nguồn.",
        "4": "Trong năm được bổ sung.",
    }
    assert document.footnote_lines == {
        "1": (16, 17),
        "2": (19, 22),
        "3": (24, 25),
        "4": (27, 28),
    }
    texts = [line.text for line in document.lines][2:]
    assert texts == [
        "- Thu tiền sử dụng đất ước đạt 560 tỷ đồng1, bằng 81% dự toán.",
        "- Hỗ trợ người nộp thuế2.",
        "- Chi đầu tư từ nguồn vay 22,656 tỷ đồng4/12,9 tỷ đồng.",
        "- Chi thường xuyên 14.635 tỷ đồng3, chi trả lãi.",
    ]


def test_a_number_without_its_marker_is_no_web_footnote() -> None:
    """``[1]`` with no marker before it stays in the body, its number kept."""
    body = "- Thu ngân sách đạt 81% dự toán.\n\n[1]\nTrong đó: Công ty nộp 30 tỷ đồng.\n"
    document = text_to_document(_MD + body)
    assert document.footnotes == {}
    assert [line.text for line in document.lines][-1] == "1 Trong đó: Công ty nộp 30 tỷ đồng."


def test_a_web_footnote_opens_a_block() -> None:
    """A line ``2 Nghị quyết ...`` inside a paragraph is no footnote: it goes on with it."""
    body = "- Hỗ trợ người nộp thuế[1].\nTổng chi đạt\n1 Nghị quyết số 5.\n"
    document = text_to_document(_MD + body)
    assert document.footnotes == {}


_PIECES = st.sampled_from(
    [
        "Căn cứ",
        "số",
        "06/2022/TT-BTTTT",
        "**",
        "*",
        "|",
        "- ",
        "I.",
        "2. ",
        "đồng",
        "[1]",
        " ",
        "\n",
        "\n\n",
        "ĐÁNH GIÁ",
        "TM. ỦY BAN",
        "Nơi nhận:",
        "ề",
        "\u00a0",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_every_character_of_a_markdown_plan_maps_back(body: str) -> None:
    """The source map stays exact through the Markdown joining and footnotes."""
    text = _MD + body
    raw = re.split(r"\r\n|\r|\n", text)
    document = text_to_document(text)
    for source_line in document.lines:
        where = source_line.location()
        for offset, char in enumerate(source_line.text):
            if char == " ":
                continue
            line, column = where.position(offset)
            assert column is not None
            source = unicodedata.normalize("NFC", raw[line - 1][column - 1 :])
            assert source.startswith(char), (source_line, offset)
