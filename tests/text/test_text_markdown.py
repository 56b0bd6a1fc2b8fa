"""Markdown cleaning: plans copied from web pages lose their markup, never a word of theirs."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach_core._reading import read_text
from kehoach_core._reading.clean import clean_lines
from kehoach_core._reading.lines import text_to_document
from kehoach_core._reading.markdown import demark_line, looks_like_markdown, source_offset

PLANS = Path(__file__).resolve().parent / "plans"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
MARKDOWN_PLANS = [
    "web/0a97eb9c3c536047.md",
    "web/24c7124ec6b2bf61.md",
    "web/3a2db039af8c2d05.md",
    "web/62f25a030c183151.md",
    "web/689f49d25e51cbaa.md",
    "web/85ff77cbda28ffbb.md",
    "web/8e9a425dd83e56b3.md",
    "web/9b7eebadf7081069.md",
    "tp-can-tho-2025-ubnd-truyen-thong-giam-ngheo.txt",
    "tinh-nghe-an-2025-ubnd-thi-dua-dai-hoi-xiv.txt",
]
# The signer of each, read from its signature cell.
SIGNERS = [
    "Bùi Thanh An",
    "Trương Cảnh Tuyên",
    "Nguyễn Thị Ngọc Điệp",
    "Hồ Thị Nguyên Thảo",
    "Nguyễn Thành Diệu",
    "Mai Xuân Liêm",
    "Trương Việt Dũng",
    "Lâm Văn Bi",
    "Trần Chí Hùng",
    "Phùng Thành Vinh",
]
NUMBERS = [
    "1026/KH-UBND",
    "153/KH-UBND",
    "157/KH-UBND",
    "0129/KH-UBND",
    "597/KH-UBND",
    "235/KH-UBND",
    "308/KH-UBND",
    "0204/KH-UBND",
    "159/KH-UBND",
    "982/KH-UBND",
]

# A web page's plan as the converter leaves it: the header table flattened into
# lone "|" lines, bold and italic markers, a bold run around nothing, a bullet,
# a footnote link and its note, the signature cell beside the recipients.
WEB_PLAN = """|
**ỦY BAN NHÂN DÂN**
**TỈNH NGHỆ AN**
-------
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 12/KH-UBND
|
*Nghệ An, ngày 19 tháng 11 năm 2025*
|

** **

**KẾ HOẠCH**

TUYÊN TRUYỀN CHUYỂN ĐỔI SỐ NĂM 2026

Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;

Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

**I. MỤC ĐÍCH, YÊU CẦU**

**1. Mục đích**

- Nâng cao nhận thức của cán bộ về *chuyển đổi số*.

**2. Yêu cầu**

- Bảo đảm *thiết thực*, hiệu quả.

* *

**II. TỔ CHỨC THỰC HIỆN**

**1. Sở Khoa học và Công nghệ**

- Chủ trì triển khai Kế hoạch.

Trên đây là Kế hoạch tuyên truyền./.

|
*Nơi nhận:*
- Sở Khoa học và Công nghệ;
- Lưu: VT.
|
**TM. ỦY BAN NHÂN DÂN**
**KT. CHỦ TỊCH**
**PHÓ CHỦ TỊCH**
**Lê Văn A**
|
"""


def _texts(raw: str) -> list[str]:
    return [text for text, _ in demark_line(raw)]


# --- deciding on the whole document ---------------------------------------------


def test_a_web_plan_is_markdown() -> None:
    """Table lines and bold markers: three lines of evidence or more."""
    assert looks_like_markdown(WEB_PLAN)


@pytest.mark.parametrize(
    "text",
    [
        "ĐOÀN TNCS HỒ CHÍ MINH\n***\nSố 05-KH/ĐTN",  # the Party or Youth Union rule
        "ĐẢNG BỘ TỈNH\n*\nSố 06-KH/ĐU\n(*) Ghi chú: (**) số liệu ước tính",
        "Tỷ lệ = b/a * 100%\nĐiểm = Tỷ lệ * điểm chuẩn",
        "**KẾ HOẠCH**\nmột dòng **đậm**",  # two lines are not enough
    ],
)
def test_an_ordinary_plan_is_not_markdown(text: str) -> None:
    """Stars that are text, a lone rule, or too little evidence: not Markdown."""
    assert not looks_like_markdown(text)


@pytest.mark.parametrize("path", sorted(PLANS.glob("*.txt")), ids=lambda p: p.stem)
def test_the_sample_plans_are_not_markdown(path: Path) -> None:
    """The extracted plans of the test suite are left alone."""
    assert not looks_like_markdown(path.read_text(encoding="utf-8"))


def test_an_ordinary_plan_keeps_its_stars() -> None:
    """Outside Markdown, a ``***`` rule and a ``(*)`` mark reach the next stage as printed."""
    lines = clean_lines("ĐOÀN TNCS HỒ CHÍ MINH\n***\nĐiểm **tối đa** (*)")
    assert [line.text for line in lines] == ["ĐOÀN TNCS HỒ CHÍ MINH", "***", "Điểm **tối đa** (*)"]


# --- one line --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("**KẾ HOẠCH**", ["KẾ HOẠCH"]),
        ("**I. MỤC", ["I. MỤC"]),  # a bold run closed on the next line
        ("DÂN **", ["DÂN "]),
        ("**Trần Chí Hùng**", ["Trần Chí Hùng"]),
        ("* *II. NỘI DUNG**", [" II. NỘI DUNG"]),
        ("**1. Phạm vi:**** **Toàn bộ các xã", ["1. Phạm vi: Toàn bộ các xã"]),
        ("tiền mặt *(gọi tắt là Kế hoạch thi đua)*,", ["tiền mặt (gọi tắt là Kế hoạch thi đua),"]),
        ("dự toán *(NSNN) *năm 2025", ["dự toán (NSNN) năm 2025"]),
        ("- *Nhóm 1:*", ["- Nhóm 1:"]),
        ("xã hội **mở mới **tài khoản", ["xã hội mở mới tài khoản"]),
    ],
)
def test_bold_and_italic_markers_go(raw: str, expected: list[str]) -> None:
    """``**`` and ``*`` go wherever they touch a word, even around a space or across lines."""
    assert _texts(raw) == expected


@pytest.mark.parametrize("raw", ["** **", "* *", "***", "* * *", "|", "| |", "   ", ""])
def test_a_line_of_markup_alone_gives_nothing(raw: str) -> None:
    """Bold around nothing, a ``***`` rule, a lone table pipe: no piece at all."""
    assert demark_line(raw) == []


@pytest.mark.parametrize(
    "raw",
    [
        "- Tỷ lệ = b/a * 100%;",  # a multiplication
        "Số liệu ước tính (*).",  # footnote marks
        "Ghi chú (**): chưa kiểm toán",
        "* Treo cờ Tổ quốc",  # a bullet
        "Số: ____/KH-UBND",  # a blank to fill
        "tệp so_lieu_2025.xlsx",  # underscores inside a word
        "-------",  # the rule under a body's name
    ],
)
def test_stars_and_underscores_that_are_text_stay(raw: str) -> None:
    """A star between spaces, ``(*)``, a bullet, a blank, an inner underscore are text."""
    assert _texts(raw) == [raw]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("_nhấn mạnh_ và __đậm__", "nhấn mạnh và đậm"),
        ("~~bỏ~~ giữ", "bỏ giữ"),
        (r"1\. Mục đích", "1. Mục đích"),
        (r"\- Nội dung", "- Nội dung"),
        (r"điểm \*tối đa\*", "điểm *tối đa*"),  # an escaped star is a star
        ("## I. MỤC ĐÍCH ##", "I. MỤC ĐÍCH"),
        ("> Trích dẫn", "Trích dẫn"),
        ("theo [Nghị quyết 57](https://example.vn/nq57) của Bộ", "theo Nghị quyết 57 của Bộ"),
        ("xem <https://dean06.vn> ngay", "xem https://dean06.vn ngay"),
        ("ảnh ![logo](logo.png) đây", "ảnh  đây"),
        ("<b>Đậm</b> và <span class='x'>thường</span>", "Đậm và thường"),
        ("dòng cuối\\", "dòng cuối"),  # a hard line break
    ],
)
def test_other_markup_goes(raw: str, expected: str) -> None:
    """Underscores, strike-through, escapes, headings, quotes, links, images, tags."""
    assert _texts(raw) == [expected]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("các văn bản có liên quan[1];", "các văn bản có liên quan1;"),
        ("560 tỷ đồng *[1]*, bằng", "560 tỷ đồng1, bằng"),
        ("giảm thu ngân sách* [2]*.", "giảm thu ngân sách2."),
        ("14.635,050 tỷ đồng***[3]**, chi trả", "14.635,050 tỷ đồng3, chi trả"),
        ("[1] Nghị quyết số 163/2024/QH15", "1 Nghị quyết số 163/2024/QH15"),
        ("của UBND tỉnh[[1]](#_ftn1), là các địa bàn", "của UBND tỉnh1, là các địa bàn"),
        ("[[1]](#_ftnref1) Xã Phú Mỡ", "1 Xã Phú Mỡ"),
        ("theo quy định[^2].", "theo quy định2."),
        ("[^2]: Cụ thể: giảm thuế", "2 Cụ thể: giảm thuế"),
    ],
)
def test_footnote_links_are_glued_to_their_word(raw: str, expected: str) -> None:
    """A footnote link becomes the marker glued to its word, as extraction prints it."""
    assert _texts(raw) == [expected]


def test_footnote_links_reach_the_footnote_stage() -> None:
    """The marker and the note, once unbracketed, are taken out as a footnote."""
    text = (
        "|\n**KẾ HOẠCH**\n|\n\nThực hiện các văn bản có liên quan[1];\n\n**I. NỘI DUNG**\n\n"
        "- Tuyên truyền.\n\n[1] Nghị quyết số 163/2024/QH15."
    )
    doc = text_to_document(text)
    assert doc.footnotes == {"1": "Nghị quyết số 163/2024/QH15."}


def test_a_table_row_gives_one_piece_per_cell() -> None:
    """Each cell of ``| a | b |`` is a piece of its own; empty cells give none."""
    raw = "| **Số: 12/KH-UBND** | | *Hà Nội, ngày 2 tháng 3 năm 2025* |"
    assert [text.strip() for text in _texts(raw)] == [
        "Số: 12/KH-UBND",
        "Hà Nội, ngày 2 tháng 3 năm 2025",
    ]


def test_a_break_inside_a_cell_ends_a_piece() -> None:
    """``<br>`` in a cell separates two lines of that cell."""
    raw = "| **ỦY BAN NHÂN DÂN**<br>TỈNH NGHỆ AN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |"
    assert [text.strip() for text in _texts(raw)] == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH NGHỆ AN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ]


@pytest.mark.parametrize("raw", ["|---|---|", "| :--- | ---: |", "|:-:|", "  |---|  "])
def test_a_separator_row_goes(raw: str) -> None:
    """The row under a table's head holds no text."""
    assert demark_line(raw) == []


def test_an_escaped_pipe_stays_in_its_cell() -> None:
    """``\\|`` is a pipe printed in the cell, not a cell boundary."""
    assert [text.strip() for text in _texts(r"| a \| b | c |")] == ["a | b", "c"]


def test_runs_point_back_into_the_raw_line() -> None:
    """The documented example: two runs, one after each deletion."""
    text, runs = demark_line("** Ghi chú: **- Vị trí")[0]
    assert (text, runs) == (" Ghi chú: - Vị trí", [(0, 2), (10, 14)])
    assert source_offset(runs, 0) == 2
    assert source_offset(runs, 10) == 14


# --- whole documents -------------------------------------------------------------


def test_cells_of_a_row_keep_the_row_line_number() -> None:
    """Cells become physical lines of their own, all numbered as the row."""
    text = "| **Số: 1/KH** | *X, ngày 1 tháng 1 năm 2025* |\n|---|---|\n**KẾ HOẠCH**\n**I. A**"
    assert [(line.text, line.line) for line in clean_lines(text)] == [
        ("Số: 1/KH", 1),
        ("X, ngày 1 tháng 1 năm 2025", 1),
        ("KẾ HOẠCH", 3),
        ("I. A", 4),
    ]


def test_a_web_plan_is_read() -> None:
    """The header table, the sections, the tail: read as if the markup was never there."""
    plan = read_text(WEB_PLAN)
    assert plan.issuer == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    assert str(plan.number) == "12/KH-UBND"
    assert (plan.place, plan.issued_on) == ("Nghệ An", dt.date(2025, 11, 19))
    assert plan.title == "TUYÊN TRUYỀN CHUYỂN ĐỔI SỐ NĂM 2026"
    assert [p.text for p in plan.purposes] == ["Nâng cao nhận thức của cán bộ về chuyển đổi số."]
    assert [r.text for r in plan.requirements] == ["Bảo đảm thiết thực, hiệu quả."]
    assert [a.heading for a in plan.assignments] == ["Sở Khoa học và Công nghệ"]
    assert [r.name for r in plan.recipients] == ["Sở Khoa học và Công nghệ", "Lưu: VT"]
    assert plan.signature is not None
    assert plan.signature.signer == "Lê Văn A"
    assert plan.unparsed == ()


# --- properties ------------------------------------------------------------------

_TOKENS = "a Đ ủ 1 * ** _ __ | \\ # > [ ] ( ) < > <br> <b> - ~~ ` . [1] ](u) ![".split()
_MARKUP = st.lists(
    st.sampled_from([*_TOKENS, " ", "  ", "\t"]),
    max_size=40,
).map("".join)


def _check_pieces(raw: str) -> None:
    last_source = -1
    for text, runs in demark_line(raw):
        assert text.strip()
        assert runs[0][0] == 0
        for (out1, src1), (out2, src2) in itertools.pairwise(runs):
            assert out1 < out2
            assert src2 - src1 > out2 - out1  # something was deleted between two runs
        for offset, char in enumerate(text):
            source = source_offset(runs, offset)
            assert source > last_source  # pieces and characters in reading order
            assert raw[source] == char
            last_source = source


@given(st.text(max_size=200))
def test_every_kept_character_maps_back_to_itself(raw: str) -> None:
    """For any text, each character of each piece is the raw character its runs point at."""
    _check_pieces(raw)


@given(_MARKUP)
def test_every_kept_character_maps_back_in_markup_soup(raw: str) -> None:
    """The same, on lines dense with markup characters."""
    _check_pieces(raw)


@given(
    st.lists(
        st.sampled_from(["a", "Đ", "ủ", "1", " ", "*", "**", "_", "|", "\\", "#", "-", "~", "`"]),
        max_size=40,
    ).map("".join)
)
def test_no_letter_or_digit_is_deleted(raw: str) -> None:
    """Without links, images or HTML tags, every letter and digit of the line is kept."""
    kept = "".join(text for text, _ in demark_line(raw))
    assert [ch for ch in kept if ch.isalnum()] == [ch for ch in raw if ch.isalnum()]


# --- the real plans copied from web pages -----------------------------------------


@pytest.fixture(scope="module")
def corpus() -> Path:
    """The folder of real plans; skips when this checkout has none."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus not found: the real plans are not in this checkout")
    return CORPUS


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "number", "signer"),
    list(zip(MARKDOWN_PLANS, NUMBERS, SIGNERS, strict=True)),
    ids=[name.split("/")[-1][:16] for name in MARKDOWN_PLANS],
)
def test_web_plans_lose_their_markup(corpus: Path, name: str, number: str, signer: str) -> None:
    """No markup survives into a line; number and signer are read."""
    text = (corpus / name).read_text(encoding="utf-8")
    assert looks_like_markdown(text)
    for line in text_to_document(text, source=name).lines:
        assert "**" not in line.text, line
        assert line.text not in ("|", "*", "* *"), line
    plan = read_text(text, source=name)
    assert str(plan.number) == number
    assert plan.signature is not None
    assert plan.signature.signer == signer


@pytest.mark.corpus
def test_the_extracted_corpus_plans_are_not_markdown(corpus: Path) -> None:
    """The plans extracted from PDF or Word files are left alone."""
    for path in sorted(corpus.glob("*.txt")):
        if path.name not in MARKDOWN_PLANS:
            assert not looks_like_markdown(path.read_text(encoding="utf-8")), path.name
