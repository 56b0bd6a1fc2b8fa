"""What a clerk checks in the written file: blanks to fill, names as typed, footnotes,
properties, the tail kept together, the other format in full."""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from pathlib import Path

import docx
import pytest

from kehoach_core import ContentItem, Footnote, Plan, Recipient, Signature, read
from kehoach_core._elements import Part, SectionHeading
from kehoach_core._numbers import NumberStyle
from kehoach_core.docx_io import UnrepresentableWarning, to_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _plan(**changes) -> Plan:
    base = {
        "title": "Tuyên truyền bầu cử",
        "sections": [SectionHeading(part=Part.PURPOSES, label="I-", title="MỤC ĐÍCH, YÊU CẦU")],
        "purposes": [ContentItem(label="-", text="Tuyên truyền sâu rộng.")],
        "closing": [ContentItem(text="Trên đây là kế hoạch tuyên truyền.")],
        "recipients": [Recipient(text="- Các chi bộ,"), Recipient(text="- Lưu Văn phòng Đảng ủy.")],
        "signature": Signature(
            authority="T/M", on_behalf_of="BAN THƯỜNG VỤ", title="BÍ THƯ", signer="Vù A Trùng"
        ),
    }
    base.update(changes)
    return Plan(**base)


def _write(plan: Plan, format: str = "auto") -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnrepresentableWarning)
        return to_docx(plan, format=format)  # type: ignore[arg-type]


def _header(data: bytes) -> list[list[str]]:
    table = docx.Document(io.BytesIO(data)).tables[0]
    return [[p.text for p in table.cell(r, c).paragraphs] for r in (0, 1) for c in (0, 1)]


# -- blanks -------------------------------------------------------------------------------


def test_a_plan_without_number_date_or_place_leaves_blanks_to_fill():
    plan = _plan(issuer="Đảng ủy xã Liên Minh", style=NumberStyle.PARTY)
    left, _, number, date = _header(_write(plan))
    assert number == ["Số      -KH/ĐU"]
    assert date == ["…, ngày    tháng    năm 20…"]
    assert left[-1] == "*"


def test_a_state_plan_without_number_leaves_the_state_blank():
    plan = _plan(issuer="Ủy ban nhân dân xã Phố Bảng", style=NumberStyle.STATE, place="Phố Bảng")
    _, _, number, date = _header(_write(plan, "state"))
    assert number == ["Số:      /KH-UBND"]
    assert date == ["Phố Bảng, ngày    tháng    năm 20…"]


def test_a_date_without_a_place_is_printed_with_a_blank_place():
    plan = _plan(issuer="Đảng ủy xã Liên Minh", issued_on=dt.date(2025, 1, 5))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data = to_docx(plan, format="party")
    assert _header(data)[3] == ["…, ngày 05 tháng 01 năm 2025"]
    assert read(data, format="docx").issued_on == dt.date(2025, 1, 5)


def test_no_lone_star_without_an_issuer():
    left = _header(_write(_plan(), "party"))[0]
    assert left[0].startswith("……")  # the issuer's blank, the star under it
    assert left[1] == "*"


def test_blanks_read_back_as_blanks():
    plan = _plan(issuer="Đảng ủy xã Liên Minh", style=NumberStyle.PARTY)
    again = read(_write(plan), format="docx")
    assert (again.number, again.issued_on, again.place, again.unparsed) == (None, None, None, ())


# -- names as typed -----------------------------------------------------------------------


def test_issuer_is_typed_in_its_case_and_shown_in_capitals():
    plan = _plan(issuer="Đảng ủy xã Hoàng Văn Thụ", superior_body="Đảng bộ tỉnh Lạng Sơn")
    data = _write(plan, "party")
    cell = docx.Document(io.BytesIO(data)).tables[0].cell(0, 0)
    superior, issuer = cell.paragraphs[0], cell.paragraphs[1]
    assert all(run.font.all_caps for run in (*superior.runs, *issuer.runs))
    # the place name does not break: non-breaking spaces inside it
    assert issuer.text == "Đảng ủy xã\u00a0Hoàng\u00a0Văn\u00a0Thụ"
    again = read(data, format="docx")
    assert (again.issuer, again.superior_body) == (plan.issuer, plan.superior_body)


def test_the_reader_still_shows_caps_text_in_capitals_to_the_structure():
    """``w:caps`` text is upper case where the reader looks for headings; names keep case."""
    plan = _plan(issuer="Tiểu ban tuyên truyền")
    document = docx.Document(io.BytesIO(_write(plan, "party")))
    assert document.tables[0].cell(0, 0).paragraphs[0].runs[0].font.all_caps


# -- footnotes ----------------------------------------------------------------------------


def test_footnotes_are_word_footnotes_and_read_back():
    plan = read(
        _write(
            _plan(
                purposes=[
                    ContentItem(id="purposes/1", label="-", text="Quán triệt Chỉ thị1 đầy đủ.")
                ],
                footnotes=[Footnote(marker="1", text="Chỉ thị số 46-CT/TW.", element="purposes/1")],
            ),
            "party",
        ),
        format="docx",
    )
    assert [(f.marker, f.text, f.element) for f in plan.footnotes] == [
        ("1", "Chỉ thị số 46-CT/TW.", "purposes/1")
    ]
    assert plan.purposes[0].text == "Quán triệt Chỉ thị1 đầy đủ."


def test_the_footnotes_part_is_in_the_package():
    data = _write(
        _plan(
            purposes=[ContentItem(id="purposes/1", label="-", text="Chỉ thị1.")],
            footnotes=[Footnote(marker="1", text="Ghi chú.", element="purposes/1")],
        )
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "word/footnotes.xml" in archive.namelist()
        assert b"footnotes+xml" in archive.read("[Content_Types].xml")
        assert b'w:footnoteReference w:id="1"' in archive.read("word/document.xml")
        assert b"Ghi ch" in archive.read("word/footnotes.xml")


# -- properties ---------------------------------------------------------------------------


def test_core_properties_come_from_the_plan_and_no_template_leftovers():
    plan = _plan(issuer="Đảng ủy xã Kiên Mộc", issued_on=dt.date(2025, 5, 16), place="Kiên Mộc")
    data = _write(plan, "party")
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.title == "Tuyên truyền bầu cử"
    assert props.author == "Đảng ủy xã Kiên Mộc"
    assert props.created == props.modified == dt.datetime(2025, 5, 16, tzinfo=dt.UTC)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert "docProps/thumbnail.jpeg" not in names
        assert b"thumbnail" not in archive.read("_rels/.rels")
        assert b"Macintosh" not in archive.read("docProps/app.xml")


def test_without_an_issue_date_the_file_is_dated_when_written():
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    props = docx.Document(io.BytesIO(_write(_plan()))).core_properties
    assert props.created is not None
    assert props.created.replace(tzinfo=None) >= before - dt.timedelta(seconds=1)


# -- the tail kept together ---------------------------------------------------------------


def test_the_tail_keeps_together():
    document = docx.Document(io.BytesIO(_write(_plan(), "party")))
    closing = next(p for p in document.paragraphs if p.text.startswith("Trên đây"))
    assert closing.paragraph_format.keep_with_next
    tail = document.tables[-1]
    assert tail.rows[0]._tr.find(f"{W}trPr/{W}cantSplit") is not None
    for cell in tail.rows[0].cells:
        assert all(p.paragraph_format.keep_together for p in cell.paragraphs)


# -- the other format ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("format", "number", "authority", "archive"),
    [
        ("party", "Số 06-KH/ĐU", "T/M BAN THƯỜNG VỤ", "- Lưu Văn phòng Đảng ủy."),
        ("state", "Số: 06/KH-ĐU", "TM. BAN THƯỜNG VỤ", "- Lưu: VT."),
    ],
)
def test_a_party_plan_in_either_format(format, number, authority, archive):
    plan = _plan(issuer="Đảng ủy xã Kiên Mộc", number="06-KH/ĐU")
    document = docx.Document(io.BytesIO(_write(plan, format)))
    assert document.tables[0].cell(1, 0).text == number
    left, right = document.tables[-1].rows[0].cells
    assert right.paragraphs[0].text == authority
    assert [p.text for p in left.paragraphs if p.text][-1] == archive


def test_a_state_plan_in_the_party_format_keeps_its_units_in_the_archive_line():
    plan = _plan(
        issuer="Ủy ban nhân dân tỉnh Nghệ An",
        number="805/KH-UBND",
        recipients=[Recipient(text="- Như trên;"), Recipient(text="- Lưu: VT, NC.")],
        signature=Signature(authority="TM.", on_behalf_of="ỦY BAN NHÂN DÂN", title="CHỦ TỊCH"),
    )
    again = read(_write(plan, "party"), format="docx")
    assert str(again.number) == "805-KH/UBND"
    assert again.signature is not None
    assert again.signature.authority == "T/M"
    assert again.recipients[-1].text == "- Lưu Văn phòng, NC."


# -- what follows the signature ------------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


@pytest.mark.corpus
def test_an_annex_after_the_signature_is_written_after_it():
    """The web plan 3a2db039af8c2d05 has a *PHỤ LỤC* after its signature (line 434)."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus not found")
    plan = read(CORPUS / "web" / "3a2db039af8c2d05.md")
    body = docx.Document(io.BytesIO(_write(plan))).element.body
    order = [child.tag.rsplit("}", 1)[1] for child in body]
    texts = [child.xpath("string(.)") for child in body]
    annex = texts.index("PHỤ LỤC")
    tail = max(i for i, tag in enumerate(order) if tag == "tbl")
    assert annex > tail
    assert read(_write(plan), format="docx").notes[-1].text == plan.notes[-1].text


@pytest.mark.corpus
def test_a_phase_lead_in_stays_on_the_phase_line():
    """``- Đợt 01 dự kiến: Cao điểm ...`` (3a2db039af8c2d05, line 134) is one paragraph."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus not found")
    plan = read(CORPUS / "web" / "3a2db039af8c2d05.md")
    document = docx.Document(io.BytesIO(_write(plan)))
    lines = [p.text for p in document.paragraphs if p.text.startswith("Đợt 01")]
    assert lines == [
        "Đợt 01 dự kiến: Cao điểm tập trung trong 10 ngày làm việc (từ ngày 20 tháng 11 năm "
        "2025 đến ngày 03 tháng 12 năm 2025);"
    ]


def test_a_blank_number_without_a_known_code_reads_as_a_blank():
    from kehoach_core._reading.header import read_header

    header = read_header(["Tiểu ban khánh tiết", "Số      -KH/…"])
    assert header.number is None
    assert all("KH" not in text for _, text in header.leftovers)
