"""Sanity of the committed PDF fixtures (``tests/pdf/fixtures``), checked with pypdfium2 alone.

The fixtures are the PDF reader's test data: office PDFs must open with their
Vietnamese text layer intact, the scan must have no text at all, and the
hostile files must stay what they claim to be (see ``fixtures/README.md``).
"""

from __future__ import annotations

import unicodedata
import zlib
from pathlib import Path

import pytest

pdfium = pytest.importorskip(
    "pypdfium2", reason="pypdfium2 is not installed: the PDF fixtures cannot be opened"
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# name: (pages, words with diacritics that must be in the text layer)
OFFICE_PDFS = {
    "pho-bang": (8, ["Phố Bảng", "khánh tiết", "đại biểu Quốc hội"]),
    "luong-minh": (10, ["Lương Minh", "Mặt trận Tổ quốc", "đại biểu Quốc hội"]),
    "cai-rang": (12, ["Cái Răng", "Đại hội đại biểu toàn quốc", "thứ XIV"]),
    "nghe-an": (6, ["Nghệ An", "thi đua", "Ủy ban nhân dân"]),
    "kien-moc": (7, ["Kiên Mộc", "Đại hội đại biểu toàn quốc", "tuyên truyền"]),
}
USER_PASSWORD = "kehoach"


def _open(name: str, password: str | None = None):
    return pdfium.PdfDocument(FIXTURES / name, password=password)


def _text(document) -> str:
    pages = []
    for index in range(len(document)):
        textpage = document[index].get_textpage()
        pages.append(textpage.get_text_bounded())
    # pdfium breaks lines with \r\n; join them so words split over lines are found
    return " ".join(" ".join(pages).split())


@pytest.mark.parametrize("name", sorted(OFFICE_PDFS))
def test_office_pdf_opens_with_its_pages_and_vietnamese_text(name):
    pages, words = OFFICE_PDFS[name]
    document = _open(f"{name}.pdf")
    assert len(document) == pages
    text = _text(document)
    assert "KẾ HOẠCH" in text
    for word in words:
        assert word in unicodedata.normalize("NFC", text), word


@pytest.mark.parametrize("name", ["cai-rang", "nghe-an", "kien-moc"])
def test_the_docx_each_plan_pdf_was_made_from_is_kept(name):
    data = (FIXTURES / f"{name}.docx").read_bytes()
    assert data.startswith(b"PK\x03\x04")


def test_scanned_has_two_image_pages_and_no_text():
    document = _open("scanned.pdf")
    assert len(document) == 2
    for index in range(2):
        page = document[index]
        assert page.get_textpage().count_chars() == 0
        kinds = [each.type for each in page.get_objects()]
        assert kinds == [pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    assert (FIXTURES / "scanned.pdf").stat().st_size < 150 * 1024


def test_encrypted_needs_its_user_password():
    with pytest.raises(pdfium.PdfiumError) as caught:
        _open("encrypted.pdf")
    assert getattr(caught.value, "err_code", pdfium.raw.FPDF_ERR_PASSWORD) == (
        pdfium.raw.FPDF_ERR_PASSWORD
    )
    with pytest.raises(pdfium.PdfiumError):
        _open("encrypted.pdf", password="wrong")
    document = _open("encrypted.pdf", password=USER_PASSWORD)
    assert len(document) == 8
    assert "KẾ HOẠCH" in _text(document)


def test_many_pages_holds_five_thousand_pages_in_a_tiny_file():
    document = _open("many-pages.pdf")
    assert len(document) == 5000
    assert document[4999].get_size() == (595.0, 842.0)  # the last page loads: one shared object
    assert (FIXTURES / "many-pages.pdf").stat().st_size < 50 * 1024


def test_deep_nesting_is_five_thousand_arrays_deep_and_opens():
    data = (FIXTURES / "deep-nesting.pdf").read_bytes()
    assert b"[" * 5000 + b"]" * 5000 in data
    document = _open("deep-nesting.pdf")  # pdfium stops parsing deep objects: it still opens
    assert len(document) == 1
    assert document[0].get_textpage().count_chars() == 0


def test_bomb_is_small_and_its_content_decodes_to_a_gibibyte():
    data = (FIXTURES / "bomb.pdf").read_bytes()
    assert len(data) < 10 * 1024
    assert b"/Filter [/FlateDecode /FlateDecode]" in data
    start = data.index(b"stream\n") + len(b"stream\n")
    once = zlib.decompress(data[start : data.index(b"\nendstream")])
    # decode only the start of the second layer: the whole is 1 GiB of spaces
    inner = zlib.decompressobj()
    head = inner.decompress(once, 1024 * 1024)
    assert head == b" " * len(head)
    assert len(head) == 1024 * 1024
    assert inner.unconsumed_tail  # far more to come
    document = _open("bomb.pdf")  # opening does not decode content streams; reading text would
    assert len(document) == 1


@pytest.mark.parametrize("name", ["garbage.pdf", "truncated.pdf"])
def test_broken_files_do_not_open(name):
    data = (FIXTURES / name).read_bytes()
    assert data.startswith(b"%PDF-1.")
    with pytest.raises(pdfium.PdfiumError):
        _open(name)


def test_truncated_is_the_start_of_pho_bang():
    whole = (FIXTURES / "pho-bang.pdf").read_bytes()
    part = (FIXTURES / "truncated.pdf").read_bytes()
    assert whole.startswith(part)
    assert len(part) == len(whole) * 40 // 100
