"""The shared styling API that reports use."""

from __future__ import annotations

import io

import docx
import pytest
from docx.shared import Pt

from kehoach_core.docx_io._styles import add_heading, add_paragraph, add_table, new_document


@pytest.mark.parametrize("format", ["party", "state"])
def test_a_report_gets_the_plans_page_and_fonts(format):
    doc = new_document(format)
    add_heading(doc, "I. KẾT QUẢ", level=1)
    add_paragraph(doc, "Hai kế hoạch giống nhau.")
    add_table(doc, [["Mục", "Kết quả"], ["phase1/1", "khớp"]])
    document = docx.Document(io.BytesIO(doc.to_bytes()))
    section = document.sections[0]
    assert round(section.left_margin.mm) == 30
    assert round(section.page_width.mm) == 210
    heading, body = document.paragraphs[:2]
    assert heading.style.font.bold
    assert body.style.font.size == Pt(14)
    table = document.tables[0]
    assert table.cell(0, 0).paragraphs[0].runs[0].bold
    assert table.cell(1, 1).text == "khớp"
    assert "PAGE" in section.header._element.xml


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format"):
        new_document("royal")  # type: ignore[arg-type]
