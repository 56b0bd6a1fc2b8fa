"""The written file, measured with python-docx against FORMATS.md."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from kehoach_core import read
from kehoach_core.docx_io import to_docx

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def plan():
    return read(EXAMPLES / "superior-tinh-lang-son.json")


def _open(plan, format):
    return docx.Document(io.BytesIO(to_docx(plan, format=format)))


def _style_value(paragraph, attribute):
    """A run's font attribute, else the paragraph style's, following base styles."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    value = getattr(runs[0].font, attribute) if runs else None
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.font, attribute)
        style = style.base_style
    return value


def _shown(paragraph):
    """The paragraph as printed: capitals where the runs say ``caps``, plain spaces."""
    text = "".join(r.text.upper() if r.font.all_caps else r.text for r in paragraph.runs)
    return text.replace("\u00a0", " ")


def _find(document, text):
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    if _shown(paragraph) == text:
                        return paragraph
    for paragraph in document.paragraphs:
        if _shown(paragraph) == text:
            return paragraph
    raise AssertionError(f"no paragraph {text!r}")


@pytest.mark.parametrize("format", ["party", "state"])
def test_page_is_a4_with_the_official_margins(plan, format):
    section = _open(plan, format).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [20, 20, 30, 15]


@pytest.mark.parametrize("format", ["party", "state"])
def test_every_text_is_times_new_roman(plan, format):
    document = _open(plan, format)
    defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert {defaults.get(f"{W}{a}") for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {
        "Times New Roman"
    }
    assert document.styles["Normal"].font.name == "Times New Roman"
    for style in document.styles:
        if style.type == 1 and style.name.startswith("KH "):
            assert style.base_style.name == "Normal"


@pytest.mark.parametrize("format", ["party", "state"])
def test_body_is_justified_14pt_with_first_line_indent(plan, format):
    document = _open(plan, format)
    paragraph = next(p for p in document.paragraphs if p.text.startswith("- Tuyên truyền sâu"))
    pf = paragraph.style.paragraph_format
    assert pf.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert _style_value(paragraph, "size") == Pt(14)
    assert round(pf.first_line_indent.mm, 1) == (10.0 if format == "party" else 12.7)
    assert pf.space_after >= Pt(6)
    assert 1.0 <= pf.line_spacing <= 1.5


def test_party_header_table(plan):
    document = _open(plan, "party")
    table = document.tables[0]
    assert len(table.columns) == 2
    left = [_shown(p) for p in table.columns[0].cells[0].paragraphs if p.text]
    assert left == [
        "ĐẢNG BỘ TỈNH LẠNG SƠN",
        "TIỂU BAN TUYÊN TRUYỀN ĐẠI HỘI ĐẢNG BỘ TỈNH LẠNG SƠN LẦN THỨ XVIII",
        "*",
    ]
    assert table.cell(1, 0).text == "Số 06-KH/TBTT"
    assert table.cell(0, 1).paragraphs[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert table.cell(1, 1).text == "Lạng Sơn, ngày 16 tháng 5 năm 2025"
    title = _find(document, "ĐẢNG CỘNG SẢN VIỆT NAM")
    assert _style_value(title, "bold")
    assert _style_value(title, "size") == Pt(15)
    superior = _find(document, "ĐẢNG BỘ TỈNH LẠNG SƠN")
    assert not _style_value(superior, "bold")
    assert _style_value(superior, "size") == Pt(14)
    issuer = _find(document, left[1])
    assert _style_value(issuer, "bold")
    date = _find(document, "Lạng Sơn, ngày 16 tháng 5 năm 2025")
    assert _style_value(date, "italic")
    assert _style_value(date, "size") == Pt(14)
    # a rule (bottom border) under the motto, in its own empty paragraph
    assert table.cell(0, 1).paragraphs[1]._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None


def test_state_header_table(plan):
    document = _open(plan, "state")
    table = document.tables[0]
    right = [p.text for p in table.cell(0, 1).paragraphs if p.text]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    # a Party plan written in the State format takes the State number form
    assert table.cell(1, 0).text == "Số: 06/KH-TBTT"
    motto = _find(document, right[0])
    assert _style_value(motto, "bold")
    assert _style_value(motto, "size") == Pt(13)
    tieu_ngu = _find(document, right[1])
    assert _style_value(tieu_ngu, "bold")
    assert _style_value(tieu_ngu, "size") == Pt(14)
    rules = [p for p in table.cell(0, 0).paragraphs if p._p.find(f"{W}pPr/{W}pBdr") is not None]
    assert len(rules) == 1  # the rule under the issuing body


@pytest.mark.parametrize(
    ("format", "size", "bold", "italic"), [("party", 15, True, False), ("state", 14, True, False)]
)
def test_kind_and_title(plan, format, size, bold, italic):
    document = _open(plan, format)
    kind = _find(document, "KẾ HOẠCH")
    assert kind.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert _style_value(kind, "size") == Pt(size)
    assert _style_value(kind, "bold") is bold
    subject = _find(document, plan.title)
    assert _style_value(subject, "bold")
    assert _style_value(subject, "size") == Pt(14)
    after = document.paragraphs[[p.text for p in document.paragraphs].index(plan.title) + 1]
    if format == "party":
        assert after.text == "-----"
    else:
        assert set(after.text) == {"_"}


def test_state_recipients_label_is_bold_italic_12_and_list_11(plan):
    document = _open(plan, "state")
    label = _find(document, "Nơi nhận:")
    assert _style_value(label, "bold")
    assert _style_value(label, "italic")
    assert _style_value(label, "size") == Pt(12)
    recipient = _find(document, "- Lưu VT.")
    assert _style_value(recipient, "size") == Pt(11)


def test_party_recipients_label_is_underlined_14_and_list_12(plan):
    document = _open(plan, "party")
    label = _find(document, "Nơi nhận:")
    assert _style_value(label, "underline")
    assert not _style_value(label, "bold")
    assert _style_value(label, "size") == Pt(14)
    assert _style_value(_find(document, "- Lưu VT."), "size") == Pt(12)


@pytest.mark.parametrize(
    ("format", "title_bold", "authority"), [("party", False, "T/M"), ("state", True, "TM.")]
)
def test_signature_beside_recipients(plan, format, title_bold, authority):
    document = _open(plan, format)
    table = document.tables[-1]
    assert table.cell(0, 0).paragraphs[0].text == "Nơi nhận:"
    right = [p for p in table.cell(0, 1).paragraphs if p.text]
    assert [p.text for p in right] == [
        f"{authority} TIỂU BAN",
        "TRƯỞNG TIỂU BAN",
        "Nguyễn Văn Minh",
    ]
    assert _style_value(right[0], "bold")
    assert _style_value(right[2], "bold")
    assert bool(_style_value(right[1], "bold")) is title_bold


@pytest.mark.parametrize("format", ["party", "state"])
def test_page_numbers_from_page_two(plan, format):
    section = _open(plan, format).sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert section.header.paragraphs[0].alignment is None
    assert (
        section.header.paragraphs[0].style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    )
    assert "PAGE" not in section.first_page_header._element.xml


def test_section_headings_and_item_labels_are_printed_as_text(plan):
    texts = [p.text for p in _open(plan, "party").paragraphs]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts
    assert any(t.startswith("2.1. Trước khai mạc") for t in texts)
    body = _open(plan, "party").element.body
    assert body.find(f".//{W}numPr") is None  # no Word automatic numbering
