"""Reading plans from PDF: the same model as the document the PDF was made from.

The fixtures (``tests/pdf/fixtures``, made by ``make_fixtures.py``) are PDFs as
offices make them: the offices' own Word files and the library's docx of three
corpus plans, exported by LibreOffice with embedded fonts. The corpus also holds
one office PDF exported by Word (xã Phúc Thịnh) beside ``pdftotext`` of it.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import attrs
import pytest

pytest.importorskip("pypdfium2", reason="the 'pdf' extra (pypdfium2) is not installed")

import kehoach_core as kh
from kehoach_core import Location, PdfError, Plan
from kehoach_core._reading.pdf import MAX_PAGES, pdf_text

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
PHUC_THINH = "xa-phuc-thinh-ha-noi-2026-doan-xuan-tinh-nguyen"

# (PDF fixture, the docx it was exported from: in the corpus, or beside it)
OFFICE = {
    "pho-bang": "xa-pho-bang-tuyen-quang-2025-tieu-ban-tuyen-truyen-bau-cu.docx",
    "luong-minh": "xa-luong-minh-quang-ninh-2025-mttq-cong-tac-bau-cu.docx",
}
WRITTEN = ("nghe-an", "kien-moc", "cai-rang")


def _docx_of(name: str, corpus_dir: Path | None) -> Path:
    if name in OFFICE:
        if corpus_dir is None:
            pytest.skip("../shared/corpus not found")
        return corpus_dir / OFFICE[name]
    return FIXTURES / f"{name}.docx"


@pytest.fixture
def corpus_or_none() -> Path | None:
    return CORPUS if CORPUS.is_dir() else None


@pytest.mark.parametrize("name", [*OFFICE, "nghe-an", "kien-moc"])
def test_a_pdf_reads_to_the_plan_of_the_docx_it_was_made_from(
    name: str, corpus_or_none: Path | None
) -> None:
    from_pdf = kh.read(FIXTURES / f"{name}.pdf")
    from_docx = kh.read(_docx_of(name, corpus_or_none))
    assert from_pdf == from_docx
    assert not from_pdf.unparsed


def test_cai_rang_differs_only_where_a_line_break_hides_a_typed_space() -> None:
    """The plan's text has ``99- QĐ/TW`` (a space typed after the hyphen); the PDF
    breaks the line right after ``99-``, so nothing printed tells the space was there."""
    from_pdf = kh.read(FIXTURES / "cai-rang.pdf")
    from_docx = kh.read(FIXTURES / "cai-rang.docx")
    text = from_docx.forms[2].content[2].text
    assert "99- QĐ/TW" in text
    fixed = attrs.evolve(from_docx.forms[2].content[2], text=text.replace("99- QĐ", "99-QĐ"))
    forms = list(from_docx.forms)
    forms[2] = attrs.evolve(forms[2], content=(*forms[2].content[:2], fixed, *forms[2].content[3:]))
    assert from_pdf == attrs.evolve(from_docx, forms=forms)


@pytest.mark.corpus
def test_the_office_pdf_reads_as_its_extracted_text(corpus_dir: Path) -> None:
    """Word's own PDF of the Phúc Thịnh plan against ``pdftotext`` of it: the same plan,
    but for the rule under the title, whose last dash pdftotext put on the next line."""
    from_pdf = kh.read(corpus_dir / f"{PHUC_THINH}.pdf")
    from_text = kh.read(corpus_dir / f"{PHUC_THINH}.txt")
    assert [n.text for n in from_pdf.notes if n.text.startswith("---")] == ["-" * 17]
    notes = [n for n in from_pdf.notes if not n.text.startswith("---")]
    text_notes = [n for n in from_text.notes if not n.text.startswith("---")]
    assert attrs.evolve(from_pdf, notes=notes) == attrs.evolve(from_text, notes=text_notes)
    assert from_pdf.signature is not None
    assert from_pdf.signature.signer == "Trương Đình Nam"


def _locations(value: object) -> list[Location]:
    out: list[Location] = []
    if isinstance(value, Location):
        out.append(value)
    elif isinstance(value, tuple | list):
        for item in value:
            out += _locations(item)
    elif isinstance(value, dict):
        for item in value.values():
            out += _locations(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            out += _locations(getattr(value, field.name))
    return out


@pytest.mark.parametrize("name", ["pho-bang", "luong-minh", "cai-rang"])
def test_every_location_names_its_page_and_its_line_there(name: str) -> None:
    plan = kh.read(FIXTURES / f"{name}.pdf")
    layout = pdf_text((FIXTURES / f"{name}.pdf").read_bytes())
    assert plan.pages == layout.pages
    assert plan.pages[0] == 1
    located = _locations(plan)
    assert len(located) > 50
    for where in located:
        assert (where.page, where.page_line) == plan.page_of(where.line)
        assert layout.lines[where.line - 1].page == where.page
    # the title is on the first page, the signature block on one of the last two
    assert plan.signature is not None
    assert plan.signature.location is not None
    assert plan.signature.location.page in (layout.page_count - 1, layout.page_count)
    assert plan.header_locations["title"].page == 1


@pytest.mark.parametrize("name", ["pho-bang", "luong-minh"])
def test_every_word_is_where_its_location_says_in_the_pdf_text(name: str) -> None:
    """The lines locations count are the PDF's lines in reading order
    (``kehoach read plan.pdf --text``): each text's words are at their line and column."""
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "text"))
    from positions import placement

    plan = kh.read(FIXTURES / f"{name}.pdf")
    text = pdf_text((FIXTURES / f"{name}.pdf").read_bytes()).text()
    total, placed, wrong = placement(plan, text)
    assert total > 80
    assert placed / total >= 0.99, wrong[:5]


def test_header_columns_are_read_a_column_at_a_time() -> None:
    """The header table: issuer and number left, motto and date right."""
    lines = [line.text for line in pdf_text((FIXTURES / "pho-bang.pdf").read_bytes()).lines[:8]]
    assert lines[:4] == [
        "ỦY BAN BẦU CỬ XÃ PHỐ BẢNG",
        "TIỂU BAN THÔNG TIN, TUYÊN",
        "TRUYỀN, KHÁNH TIẾT",
        "Số: 01/KH-TBTTKT",
    ]
    assert lines[4:7] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Phố Bảng, ngày 10 tháng 12 năm 2025",
    ]
    plan = kh.read(FIXTURES / "pho-bang.pdf")
    assert plan.issuer == "TIỂU BAN THÔNG TIN, TUYÊN TRUYỀN, KHÁNH TIẾT"
    assert str(plan.number) == "01/KH-TBTTKT"


def test_page_numbers_are_furniture_with_their_page() -> None:
    plan = kh.read(FIXTURES / "pho-bang.pdf")
    assert [n.text for n in plan.furniture] == [str(k) for k in range(2, 9)]
    assert [n.location.page for n in plan.furniture if n.location] == list(range(2, 9))
    assert all(n.text not in {"2", "3"} for n in plan.notes)


def test_a_footnote_is_read_from_the_foot_of_its_pages() -> None:
    """Phố Bảng's footnote 1 starts at the foot of page 2 and runs on at the foot of page 3."""
    plan = kh.read(FIXTURES / "pho-bang.pdf")
    note, second = plan.footnotes
    assert second.marker == "2"
    assert second.text.startswith("Hiến pháp năm 2013 (sửa đổi, bổ sung năm 2025)")
    assert note.marker == "1"
    assert note.text.startswith("Chỉ thị số 46-CT/TW, ngày 16/5/2025 của Bộ Chính trị")
    assert "Kế hoạch số 249-KH/UBKTTW, ngày 24/7/2025" in note.text
    assert note.location is not None
    assert plan.page_of(note.location.line) is not None
    assert plan.page_of(note.location.line)[0] == 2  # type: ignore[index]
    assert plan.page_of(note.location.end_line or 0)[0] == 3  # type: ignore[index]
    assert note.element is not None


def test_json_carries_pages_and_reads_back() -> None:
    plan = kh.read(FIXTURES / "nghe-an.pdf")
    data = json.loads(kh.to_json(plan))
    assert data["pages"] == list(plan.pages)
    assert data["header_locations"]["title"]["page"] == 1
    back = kh.from_json(kh.to_json(plan))
    assert back == plan
    assert back.pages == plan.pages
    assert back.header_locations["title"].page == 1


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("scanned", ["no text layer", "2 pages", "OCR"]),
        ("encrypted", ["encrypted", "password"]),
        ("garbage", ["not a readable PDF"]),
        ("truncated", ["not a readable PDF"]),
        ("many-pages", ["too many pages", str(MAX_PAGES)]),
        ("bomb", ["decompression bomb"]),
    ],
)
def test_unusable_pdfs_are_our_error_naming_the_file(name: str, words: list[str]) -> None:
    path = FIXTURES / f"{name}.pdf"
    started = time.perf_counter()
    with pytest.raises(PdfError) as caught:
        kh.read(path)
    assert time.perf_counter() - started < 30  # bounded: no minutes-long decode
    message = str(caught.value)
    assert caught.value.source == str(path)
    for word in words:
        assert word in message


def test_a_pdf_named_otherwise_or_given_as_bytes_is_recognised() -> None:
    data = (FIXTURES / "nghe-an.pdf").read_bytes()
    assert kh.read(data) == kh.read(FIXTURES / "nghe-an.pdf")


def test_without_the_extra_the_error_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real = builtins.__import__

    def no_pdfium(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("pypdfium2"):
            raise ImportError(name)
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_pdfium)
    with pytest.raises(kh.MissingExtraError, match=r"kehoach-core\[pdf\]"):
        kh.read(FIXTURES / "nghe-an.pdf")


def test_plan_page_of_counts_lines_from_each_page_start() -> None:
    plan = Plan(pages=(1, 30, 61))
    assert plan.page_of(1) == (1, 1)
    assert plan.page_of(29) == (1, 29)
    assert plan.page_of(30) == (2, 1)
    assert plan.page_of(100) == (3, 40)


def test_the_diff_of_a_docx_and_its_pdf_is_empty() -> None:
    """Pages, page furniture and reader notes are metadata: no change between formats."""
    from kehoach_core.compare import diff

    changes = diff(kh.read(FIXTURES / "kien-moc.docx"), kh.read(FIXTURES / "kien-moc.pdf"))
    assert not changes.changes


def test_every_verb_takes_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kehoach_core.cli import main

    pdf = str(FIXTURES / "kien-moc.pdf")
    assert main(["read", pdf, "-o", str(tmp_path / "plan.json")]) == 0
    assert main(["compare", str(FIXTURES / "cai-rang.pdf"), pdf]) == 0
    assert main(["diff", str(FIXTURES / "kien-moc.docx"), pdf]) == 0
    assert main(["docx", pdf, "-o", str(tmp_path / "plan.docx")]) == 0
    written, read_back = kh.read(tmp_path / "plan.docx"), kh.read(pdf)
    assert (written.title, written.phases, written.assignments) == (
        read_back.title,
        read_back.phases,
        read_back.assignments,
    )
    assert main(["read", "--text", pdf]) == 0
    out = capsys.readouterr().out
    assert "Nơi nhận:" in out
