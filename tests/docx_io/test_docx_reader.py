"""The body of a docx as source lines: text, order, layout hints, tables, footnotes."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from kehoach_core._reading.source import SourceDocument, SourceLine
from kehoach_core.docx_io import docx_to_document

from .builders import cell, docx_from_lines, paragraph, run, table, word_package

PARTY_HEADER = (
    ["ĐẢNG BỘ TỈNH LẠNG SƠN", "ĐẢNG ỦY XÃ KIÊN MỘC", "*", "Số 06-KH/ĐU"],
    ["ĐẢNG CỘNG SẢN VIỆT NAM", "Kiên Mộc, ngày 10 tháng 7 năm 2025"],
)
SIGNATURE = (
    ["Nơi nhận:", "- Ban Thường vụ Tỉnh ủy (b/c);", "- Lưu Văn phòng Đảng ủy."],
    ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn A"],
)


def read(data: bytes) -> SourceDocument:
    return docx_to_document(data, source="plan.docx")


def texts(document: SourceDocument) -> list[str]:
    return [line.text for line in document.lines]


def test_one_line_per_paragraph_in_order() -> None:
    lines = ["KẾ HOẠCH", "Tuyên truyền đại hội đảng bộ các cấp", "-----", "I- MỤC ĐÍCH, YÊU CẦU"]
    document = read(docx_from_lines(lines))
    assert texts(document) == lines
    assert [line.line for line in document.lines] == [1, 2, 3, 4]
    assert document.source == "plan.docx"


def test_source_defaults_to_bytes() -> None:
    assert docx_to_document(docx_from_lines(["KẾ HOẠCH"])).source == "<bytes>"


def test_text_split_across_runs_is_joined() -> None:
    line = "Căn cứ Kế hoạch số 06-KH/TBTT, ngày 16/5/2025 của Tiểu ban Tuyên truyền"
    document = read(docx_from_lines([line], split=4))
    assert texts(document) == [line]


def test_decomposed_unicode_is_composed() -> None:
    line = "Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVIII"
    document = read(docx_from_lines([line], nfd=True, split=3))
    assert texts(document) == [line]
    assert unicodedata.is_normalized("NFC", document.lines[0].text)


def test_tabs_and_line_breaks_become_spaces() -> None:
    body = paragraph(
        raw="<w:r><w:t>Nơi nhận:</w:t><w:tab/><w:t>T/M</w:t><w:br/><w:t>BAN</w:t>"
        "<w:cr/><w:t>THƯỜNG VỤ</w:t></w:r>"
    )
    assert texts(read(word_package(body))) == ["Nơi nhận: T/M BAN THƯỜNG VỤ"]


def test_text_is_stripped_at_both_ends_only() -> None:
    body = paragraph(raw="<w:r><w:tab/><w:t xml:space='preserve'> KẾ  HOẠCH </w:t><w:br/></w:r>")
    assert texts(read(word_package(body))) == ["KẾ  HOẠCH"]


def test_empty_paragraphs_are_counted_but_not_emitted() -> None:
    document = read(
        word_package(
            paragraph("KẾ HOẠCH") + paragraph() + paragraph("   ") + paragraph("Tuyên truyền")
        )
    )
    assert [(line.line, line.text) for line in document.lines] == [
        (1, "KẾ HOẠCH"),
        (4, "Tuyên truyền"),
    ]


def test_bold_when_every_run_with_text_is_bold() -> None:
    document = read(docx_from_lines(["I- MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"], bold=[0]))
    assert [line.bold for line in document.lines] == [True, False]


def test_a_paragraph_with_one_plain_run_is_not_bold() -> None:
    body = paragraph(runs=["Đợt 1: ", "Từ nay"], bold=True)
    mixed = paragraph(raw=run("Đợt 2: ", bold=True) + run("sau đại hội"))
    blank_run = paragraph(raw=run("Đợt 3", bold=True) + run(" "))
    assert [line.bold for line in read(word_package(body + mixed + blank_run)).lines] == [
        True,
        False,
        True,
    ]


def test_bold_from_the_paragraph_style() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
        '<w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Muc"/>'
        '<w:basedOn w:val="Heading1"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>'
    )
    body = paragraph("I. MỤC ĐÍCH", style="Heading1") + paragraph("KẾ HOẠCH", style="Muc")
    document = read(word_package(body, styles=styles))
    assert [(line.bold, line.centered) for line in document.lines] == [(True, False), (True, True)]


def test_run_bold_off_overrides_a_bold_style() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="Strong"><w:name w:val="Strong"/>'
        "<w:rPr><w:b/></w:rPr></w:style>"
    )
    body = paragraph(style="Strong", raw='<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>x</w:t></w:r>')
    assert read(word_package(body, styles=styles)).lines[0].bold is False


def test_centered_from_alignment() -> None:
    document = read(docx_from_lines(["KẾ HOẠCH", "Căn cứ"], centered=[0]))
    assert [line.centered for line in document.lines] == [True, False]


def test_all_caps_formatting_shows_upper_case() -> None:
    body = paragraph(raw="<w:r><w:rPr><w:caps/></w:rPr><w:t>Kế hoạch</w:t></w:r>")
    assert texts(read(word_package(body))) == ["KẾ HOẠCH"]


def test_deleted_text_hidden_text_and_field_codes_are_left_out() -> None:
    raw = (
        '<w:del w:id="1" w:author="A"><w:r><w:delText>cũ </w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">mới </w:t></w:r></w:ins>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn </w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> DATE \\@ "dd/MM/yyyy" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>16/5/2025</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:hyperlink r:id="rId9"><w:r><w:t xml:space="preserve"> xem</w:t></w:r></w:hyperlink>'
    )
    assert texts(read(word_package(paragraph(raw=raw)))) == ["mới 16/5/2025 xem"]


def test_content_controls_are_read() -> None:
    body = (
        '<w:sdt><w:sdtPr><w:alias w:val="Số"/></w:sdtPr><w:sdtContent>'
        + paragraph("Số 06-KH/ĐU")
        + "</w:sdtContent></w:sdt>"
        + paragraph(raw="<w:sdt><w:sdtContent><w:r><w:t>Ngày 10</w:t></w:r></w:sdtContent></w:sdt>")
    )
    assert texts(read(word_package(body))) == ["Số 06-KH/ĐU", "Ngày 10"]


def test_page_header_is_ignored() -> None:
    assert texts(read(word_package(paragraph("KẾ HOẠCH")))) == ["KẾ HOẠCH"]


def test_party_header_table_reads_left_column_then_right() -> None:
    document = read(docx_from_lines(["KẾ HOẠCH"], header=PARTY_HEADER))
    left, right = PARTY_HEADER
    assert texts(document) == [*left, *right, "KẾ HOẠCH"]
    assert [line.in_table for line in document.lines] == ["header"] * 6 + [None]
    assert [line.line for line in document.lines] == [1, 2, 3, 4, 5, 6, 7]


def test_state_header_in_two_rows_is_read_column_by_column() -> None:
    rows = [
        [cell(["ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"]),
         cell(["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])],
        [cell(["Số: 805/KH-SVHTTDL"]), cell(["Lai Châu, ngày 05 tháng 4 năm 2025"])],
    ]  # fmt: skip
    body = paragraph() + table(rows) + paragraph("KẾ HOẠCH")
    document = read(word_package(body))
    assert [(line.line, line.text, line.in_table) for line in document.lines] == [
        (2, "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "header"),
        (3, "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "header"),
        (6, "Số: 805/KH-SVHTTDL", "header"),
        (4, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "header"),
        (5, "Độc lập - Tự do - Hạnh phúc", "header"),
        (7, "Lai Châu, ngày 05 tháng 4 năm 2025", "header"),
        (8, "KẾ HOẠCH", None),
    ]


def test_a_table_after_text_is_not_the_header() -> None:
    body = paragraph("KẾ HOẠCH") + table([[cell(["A"]), cell(["ĐẢNG CỘNG SẢN VIỆT NAM"])]])
    assert [line.in_table for line in read(word_package(body)).lines] == [None, "body", "body"]


def test_body_table_is_read_row_by_row() -> None:
    rows = [
        [cell(["TT"]), cell(["Nội dung"]), cell(["Thời gian"])],
        [cell(["1"]), cell(["Treo cờ", "Pa nô"]), cell(["Tháng 7"])],
    ]
    document = read(word_package(paragraph("Phụ lục") + table(rows)))
    assert texts(document) == ["Phụ lục", "TT", "Nội dung", "Thời gian", "1", "Treo cờ", "Pa nô",
                               "Tháng 7"]  # fmt: skip
    assert {line.in_table for line in document.lines[1:]} == {"body"}


def test_nested_table_is_read_inside_its_cell() -> None:
    inner = table([[cell(["a1"]), cell(["a2"])]])
    document = read(word_package(paragraph("x") + table([[cell(["A"]) + inner, cell(["B"])]])))
    assert texts(document) == ["x", "A", "a1", "a2", "B"]


def test_signature_table_reads_recipients_then_signature() -> None:
    document = read(docx_from_lines(["Trên đây là Kế hoạch ..."], signature=SIGNATURE))
    left, right = SIGNATURE
    assert texts(document)[1:] == [*left, *right]
    assert {line.in_table for line in document.lines[1:]} == {"body"}


def test_signature_table_in_two_rows_reads_column_by_column() -> None:
    rows = [
        [cell(["Nơi nhận:", "- Như trên;"]), cell(["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"])],
        [cell(["- Lưu Văn phòng."]), cell(["Trần Hải Long"])],
    ]
    document = read(word_package(paragraph("Trên đây ...") + table(rows)))
    assert texts(document)[1:] == ["Nơi nhận:", "- Như trên;", "- Lưu Văn phòng.",
                                   "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Hải Long"]  # fmt: skip


def test_footnote_markers_follow_the_order_of_reference() -> None:
    lines = ["Thực hiện Chỉ thị số 35-CT/TW[^7] của Bộ Chính trị", "và Kết luận số 121-KL/TW[^2]."]
    notes = {2: "Kết luận ngày 24/01/2025.", 7: "Chỉ thị ngày 14/6/2024."}
    document = read(docx_from_lines(lines, footnotes=notes))
    assert texts(document) == [
        "Thực hiện Chỉ thị số 35-CT/TW1 của Bộ Chính trị",
        "và Kết luận số 121-KL/TW2.",
    ]
    assert document.footnotes == {"1": "Chỉ thị ngày 14/6/2024.", "2": "Kết luận ngày 24/01/2025."}


def test_footnotes_in_a_word_package_skip_separators() -> None:
    body = paragraph("Ban Bí thư[^1] và Bộ Chính trị")
    document = read(word_package(body, footnotes={1: "Quy định số 144-QĐ/TW."}))
    assert texts(document) == ["Ban Bí thư1 và Bộ Chính trị"]
    assert document.footnotes == {"1": "Quy định số 144-QĐ/TW."}


def test_a_document_without_footnotes_has_none() -> None:
    assert read(docx_from_lines(["KẾ HOẠCH"])).footnotes == {}


def test_lines_are_source_lines_with_layout_hints() -> None:
    line = read(docx_from_lines(["KẾ HOẠCH"], bold=[0], centered=[0])).lines[0]
    assert line == SourceLine(text="KẾ HOẠCH", line=1, bold=True, centered=True)


def test_every_corpus_plan_reads_back_line_by_line(corpus_dir: Path) -> None:
    for plan in sorted(corpus_dir.glob("*.txt")):
        lines = [line for line in plan.read_text(encoding="utf-8").splitlines() if line.strip()]
        document = read(docx_from_lines(lines, split=7))
        expected = [unicodedata.normalize("NFC", line).strip() for line in lines]
        assert texts(document) == expected, plan.name


def test_all_caps_formatting_keeps_the_typed_case_beside() -> None:
    body = paragraph(raw="<w:r><w:rPr><w:caps/></w:rPr><w:t>Kế hoạch</w:t></w:r>")
    line = read(word_package(body)).lines[0]
    assert (line.text, line.cased) == ("KẾ HOẠCH", "Kế hoạch")


def test_text_without_caps_formatting_has_no_typed_case() -> None:
    line = read(word_package(paragraph(raw="<w:r><w:t>KẾ HOẠCH</w:t></w:r>"))).lines[0]
    assert line.cased is None
