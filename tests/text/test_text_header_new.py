"""The header and the title: issuers of every kind of body, notes for what has no value.

Small plans typed by hand, then the real plans of ``../shared/corpus``: expected
values are written from the inputs as printed, never from the reader's output.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path

import pytest
from text_words import missing, plan_words, words

from kehoach_core import Location, NumberStyle, Part, Plan, read
from kehoach_core._reading import read_text
from kehoach_core._reading.build import build_plan
from kehoach_core._reading.header import infer_issuer, read_header
from kehoach_core.docx_io import UnrepresentableWarning, docx_to_document, to_docx

BODY = """\
I. MỤC ĐÍCH, YÊU CẦU
- Tuyên truyền sâu rộng.
II. TỔ CHỨC THỰC HIỆN
1. Văn phòng chủ trì thực hiện.
Nơi nhận:
- Lưu VT.
"""


def _plan(head: str) -> Plan:
    return read_text(head + BODY)


def _header_notes(plan: Plan) -> list[tuple[str, Location | None]]:
    return [(n.text, n.location) for n in plan.notes if n.part is Part.HEADER]


# -- the issuer --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("preamble", "issuer"),
    [
        (
            "Căn cứ Kế hoạch số 25-KH/BTGDVTU ngày 20/6/2025 của Ban Tuyên giáo và Dân vận "
            "Tỉnh ủy; Sở Văn hóa, Thể thao và Du lịch ban hành Kế hoạch tuyên truyền như sau:",
            "Sở Văn hóa, Thể thao và Du lịch",
        ),
        (
            "Thực hiện Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị, Ủy ban nhân dân "
            "tỉnh Nghệ An ban hành Kế hoạch triển khai như sau:",
            "Ủy ban nhân dân tỉnh Nghệ An",
        ),
        (
            "Nhằm phát huy tinh thần tình nguyện; Ban Thường vụ Đoàn xã ban hành Kế hoạch "
            "tổ chức chương trình, cụ thể như sau:",
            "Ban Thường vụ Đoàn xã",
        ),
    ],
)
def test_the_issuer_comes_from_the_preamble_when_the_header_is_lost(
    preamble: str, issuer: str
) -> None:
    plan = _plan(f"KẾ HOẠCH\nTuyên truyền kỷ niệm ngày thành lập\n-----\n{preamble}\n")
    assert (plan.issuer, plan.superior_body) == (issuer, None)


def test_the_header_wins_over_the_preamble() -> None:
    plan = _plan(
        "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nSỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nSố: 805/KH-SVHTTDL\n"
        "KẾ HOẠCH\nTuyên truyền\nCăn cứ Luật Thi đua; Sở Văn hóa, Thể thao và Du lịch ban hành "
        "Kế hoạch như sau:\n"
    )
    assert plan.issuer == "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"
    assert plan.superior_body == "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"


def test_a_preamble_without_a_body_kind_names_no_issuer() -> None:
    assert infer_issuer(["Căn cứ Luật Thi đua, khen thưởng; nhằm tuyên truyền sâu rộng."]) is None
    assert infer_issuer(["Tổ chức xây dựng kế hoạch hằng năm."]) is None


@pytest.mark.parametrize(
    ("lines", "issuer", "superior"),
    [
        # a Fatherland Front header: the committee over two lines, its standing board below
        (["ỦY BAN MTTQ VIỆT NAM", "XÃ LƯƠNG MINH", "BAN THƯỜNG TRỰC"],
         "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH", None),
        (["ỦY BAN MẶT TRẬN TỔ QUỐC", "VIỆT NAM XÃ AN BÌNH", "BAN THƯỜNG TRỰC"],
         "BAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ AN BÌNH", None),
        # a board under its committee, the body above them printed first
        (["ĐẢNG BỘ TỈNH ĐIỆN BIÊN", "HUYỆN ỦY MƯỜNG ẢNG", "BAN THƯỜNG VỤ"],
         "BAN THƯỜNG VỤ HUYỆN ỦY MƯỜNG ẢNG", "ĐẢNG BỘ TỈNH ĐIỆN BIÊN"),
        # a named board keeps its body as the superior line
        (["ỦY BAN BẦU CỬ XÃ PHỐ BẢNG", "TIỂU BAN THÔNG TIN, TUYÊN TRUYỀN, KHÁNH TIẾT"],
         "TIỂU BAN THÔNG TIN, TUYÊN TRUYỀN, KHÁNH TIẾT", "ỦY BAN BẦU CỬ XÃ PHỐ BẢNG"),
        # a web page cuts names anywhere
        (["ỦY BAN NHÂN", "DÂN", "THÀNH PHỐ CẦN THƠ"], "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", None),
    ],
)  # fmt: skip
def test_issuer_and_superior_line(lines: list[str], issuer: str, superior: str | None) -> None:
    header = read_header([*lines, "Số: 16/KH-MTTQ-BTT"])
    assert (header.issuer, header.superior_body) == (issuer, superior)
    assert header.leftovers == []


def test_a_youth_union_header() -> None:
    """THÀNH ĐOÀN / BCH ĐOÀN XÃ / ***, the union's name on the right: a Party-form document."""
    plan = _plan(
        "THÀNH ĐOÀN HÀ NỘI\nBCH ĐOÀN XÃ PHÚC THỊNH\n***\nSố: 12-KH/ĐTN\n"
        "ĐOÀN TNCS HỒ CHÍ MINH\nPhúc Thịnh, ngày 5 tháng 1 năm 2026\n"
        "KẾ HOẠCH\nTổ chức chương trình Xuân tình nguyện\n-----\n"
    )
    assert (plan.issuer, plan.superior_body) == ("BCH ĐOÀN XÃ PHÚC THỊNH", "THÀNH ĐOÀN HÀ NỘI")
    assert (str(plan.number), plan.place, plan.issued_on) == (
        "12-KH/ĐTN",
        "Phúc Thịnh",
        dt.date(2026, 1, 5),
    )
    assert plan.style is NumberStyle.PARTY
    assert _header_notes(plan) == [
        ("***", Location(3, 3)),
        ("ĐOÀN TNCS HỒ CHÍ MINH", Location(5, 5)),
        ("-----", Location(9, 9)),
    ]
    assert plan.unparsed == ()


def test_a_union_name_inside_the_issuer_stays_in_it() -> None:
    header = read_header(["BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM", "Số 10-KH/TW"])
    assert header.issuer == "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM"
    assert header.notes == []


# -- a web page's header -----------------------------------------------------------------

WEB_HEAD = """\
|
**ỦY BAN NHÂN
DÂN **
TỈNH NGHỆ AN
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 982/KH-UBND
|
*Nghệ An, ngày
19 tháng 11 năm 2025*
|
** **
**KẾ HOẠCH**
TRIỂN
KHAI ĐỢT THI ĐUA CHÀO MỪNG
ĐẠI HỘI LẦN THỨ XIV CỦA ĐẢNG
Thực hiện Chỉ thị số 45-CT/TW ngày 14 tháng 4 năm 2025 của Bộ Chính trị;
"""


def _cleaned(text: str) -> str:
    """The web page as the cleaning stage will give it: no ``|`` rows, no ``*`` markers."""
    out = []
    for line in text.splitlines():
        line = line.replace("**", "").replace("*", "")
        out.append("" if line.strip(" |") == "" else line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("clean", [False, True], ids=["markdown", "cleaned"])
def test_a_web_page_header(clean: bool) -> None:
    """Header table flattened into ``|`` rows, names and the motto cut across lines."""
    plan = _plan(_cleaned(WEB_HEAD) if clean else WEB_HEAD)
    assert (plan.issuer, plan.superior_body) == ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", None)
    assert (str(plan.number), plan.place, plan.issued_on) == (
        "982/KH-UBND",
        "Nghệ An",
        dt.date(2025, 11, 19),
    )
    assert plan.style is NumberStyle.STATE
    assert plan.kind == "KẾ HOẠCH"
    assert plan.title == "TRIỂN KHAI ĐỢT THI ĐUA CHÀO MỪNG ĐẠI HỘI LẦN THỨ XIV CỦA ĐẢNG"
    assert plan.preamble[0].text.startswith("Thực hiện Chỉ thị số 45-CT/TW")
    assert _header_notes(plan) == [
        ("-------", Location(5, 5)),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Location(7, 8)),
        ("Độc lập - Tự do - Hạnh phúc", Location(9, 9)),
        ("---------------", Location(10, 10)),
    ]
    assert plan.unparsed == ()


def test_the_header_stops_at_a_kind_line_in_markdown() -> None:
    """``**KẾ HOẠCH**`` is the kind line: the sections after it are not read as bodies."""
    plan = _plan("**ỦY BAN NHÂN DÂN TỈNH THANH HÓA**\n**KẾ HOẠCH**\nQUAN TRẮC MÔI TRƯỜNG\n")
    assert plan.issuer == "ỦY BAN NHÂN DÂN TỈNH THANH HÓA"
    assert plan.title == "QUAN TRẮC MÔI TRƯỜNG"
    assert [(s.label, s.title) for s in plan.sections if s.level == 1 and s.label] == [
        ("I.", "MỤC ĐÍCH, YÊU CẦU"),
        ("II.", "TỔ CHỨC THỰC HIỆN"),
    ]


# -- blanks, mottos and rules: notes of the header ----------------------------------------

PARTY_HEAD = """\
ĐẢNG BỘ TỈNH KHÁNH HOÀ
ĐẢNG UỶ XÃ CÔNG HẢI
*
Số -KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Công Hải, ngày tháng 10 năm 2025
KẾ HOẠCH
lãnh đạo cuộc bầu cử đại biểu Quốc hội khóa XVI
-----
Thực hiện Chỉ thị số 46-CT/TW, ngày 16/5/2025 của Bộ Chính trị, Ban Thường vụ Đảng ủy ban hành
Kế hoạch như sau:
"""


def test_a_number_and_a_date_printed_with_blanks_are_kept_as_notes() -> None:
    plan = _plan(PARTY_HEAD)
    assert (plan.issuer, plan.superior_body) == ("ĐẢNG UỶ XÃ CÔNG HẢI", "ĐẢNG BỘ TỈNH KHÁNH HOÀ")
    assert (plan.number, plan.issued_on, plan.place) == (None, None, "Công Hải")
    assert plan.style is NumberStyle.PARTY
    # left column (rule, number), right column (party name, date), the rule under the title
    assert _header_notes(plan) == [
        ("*", Location(3, 3)),
        ("Số -KH/ĐU", Location(4, 4)),
        ("ĐẢNG CỘNG SẢN VIỆT NAM", Location(5, 5)),
        ("Công Hải, ngày tháng 10 năm 2025", Location(6, 6)),
        ("-----", Location(9, 9)),
    ]
    assert plan.unparsed == ()


@pytest.mark.parametrize(
    ("lines", "note"),
    [
        (["Số:", "- KH/ĐTN"], "Số: - KH/ĐTN"),
        (["Số: /KH-UBND"], "Số: /KH-UBND"),
        (["Số …-KH/ĐU"], None),  # a template's ellipsis is a number as printed
    ],
)
def test_blank_numbers(lines: list[str], note: str | None) -> None:
    header = read_header(["ĐẢNG ỦY XÃ AN BÌNH", *lines])
    if note is None:
        assert header.number == "…-KH/ĐU"
        assert header.notes == []
    else:
        assert header.number is None
        assert header.notes == [(1, len(lines), note)]
    assert header.leftovers == []


def test_a_template_date_keeps_its_place_and_its_words() -> None:
    header = read_header(["ĐẢNG ỦY PHƯỜNG AN KHÁNH", "An Khánh, ngày … tháng 8 năm 2025"])
    assert (header.place, header.issued_on) == ("An Khánh", None)
    assert header.notes == [(1, 1, "An Khánh, ngày … tháng 8 năm 2025")]


def test_mottos_and_rules_of_a_state_header_in_column_order() -> None:
    """Both columns on each line (a PDF): notes come left column first, as a docx gives them."""
    lines = [
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ AN BÌNH Độc lập - Tự do - Hạnh phúc",
        "------- ---------------",
        "Số: 90/KH-UBND An Bình, ngày 20 tháng 8 năm 2025",
    ]
    header = read_header(lines)
    assert (header.issuer, str(header.number), header.place) == (
        "ỦY BAN NHÂN DÂN XÃ AN BÌNH",
        "90/KH-UBND",
        "An Bình",
    )
    # the short rule under the body (left), the long one under the motto (right)
    assert header.notes == [
        (2, 2, "-------"),
        (0, 0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (1, 1, "Độc lập - Tự do - Hạnh phúc"),
        (2, 2, "---------------"),
    ]


def test_a_star_before_the_date_is_the_rule_under_the_issuer() -> None:
    header = read_header(
        ["ĐẢNG BỘ XÃ TÂN LẬP ĐẢNG CỘNG SẢN VIỆT NAM", "CHI BỘ THÔN NÀ BÓ",
         "* Tân Lập, ngày 12 tháng 3 năm 2025", "Số 03-KH/CB"]
    )  # fmt: skip
    assert (header.issuer, header.superior_body, header.place) == (
        "CHI BỘ THÔN NÀ BÓ",
        "ĐẢNG BỘ XÃ TÂN LẬP",
        "Tân Lập",
    )
    assert header.notes == [(2, 2, "*"), (0, 0, "ĐẢNG CỘNG SẢN VIỆT NAM")]


def test_a_docx_header_table_gives_the_same_notes() -> None:
    """The same header as a two-column table: the same notes in the same order."""
    from docx_io.builders import docx_from_lines

    lines = PARTY_HEAD.splitlines()
    data = docx_from_lines(
        lines[6:] + BODY.splitlines(),
        header=(lines[:4], lines[4:6]),
    )
    docx_plan = build_plan(docx_to_document(data, source="x.docx"))
    text_plan = _plan(PARTY_HEAD)
    assert [n.text for n in docx_plan.notes] == [n.text for n in text_plan.notes]
    assert (docx_plan.issuer, docx_plan.place) == (text_plan.issuer, text_plan.place)


# what the model holds as values, not words: "Số" before a number, a complete date
_VALUES = re.compile(r"\bSố:?(?=\s\d)|ngày\s+\d+\s+tháng\s+\d+\s+năm\s+\d+")


def test_every_word_of_the_header_is_in_the_model() -> None:
    for head in (PARTY_HEAD, WEB_HEAD):
        plan = _plan(head)
        assert not missing(words(_VALUES.sub(" ", head)), plan_words(plan))


def test_the_docx_writer_prints_header_notes_in_the_header_only() -> None:
    plan = _plan(PARTY_HEAD)
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnrepresentableWarning)
        data = to_docx(plan)
    again = read(data, format="docx")
    assert [item.text for item in again.preamble] == [item.text for item in plan.preamble]


# -- the title ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "title", "first"),
    [
        # a subject line opening like a basis, no rule below it (a Word file's text)
        ("KẾ HOẠCH\nThực hiện công tác bầu cử đại biểu Quốc hội khóa XVI\nvà bầu cử đại biểu "
         "Hội đồng nhân dân các cấp\nCăn cứ Luật Bầu cử số 85/2015/QH13;\n",
         "Thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI và bầu cử đại biểu Hội đồng nhân "
         "dân các cấp", "Căn cứ Luật"),
        # a rule glued to the first basis
        ("KẾ HOẠCH\nTổ chức chương trình Xuân tình nguyện năm 2026\n"
         "----------------Thực hiện Chỉ thị số 12-CT/ĐU ngày 01/12/2025 của Đảng ủy xã;\n",
         "Tổ chức chương trình Xuân tình nguyện năm 2026", "Thực hiện Chỉ thị"),
        # no title: the basis right after the kind line
        ("KẾ HOẠCH\nThực hiện Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị về đại hội "
         "đảng bộ các cấp;\n", None, "Thực hiện Chỉ thị"),
        # an addressee is not the title
        ("KẾ HOẠCH\nTÀI CHÍNH - NGÂN SÁCH NHÀ NƯỚC 03 NĂM 2026 - 2028 TỈNH CÀ\nMAU\nKính gửi: "
         "Hội đồng nhân dân tỉnh Cà Mau\n",
         "TÀI CHÍNH - NGÂN SÁCH NHÀ NƯỚC 03 NĂM 2026 - 2028 TỈNH CÀ MAU", "Kính gửi"),
    ],
)  # fmt: skip
def test_the_title_runs_to_the_first_basis(head: str, title: str | None, first: str) -> None:
    plan = _plan(head)
    assert plan.title == title
    assert plan.preamble[0].text.startswith(first)
    assert plan.unparsed == ()


def test_a_rule_glued_to_the_title_is_a_note() -> None:
    plan = _plan(
        "KẾ HOẠCH\nTổ chức chương trình Xuân tình nguyện năm 2026 ----------------\n"
        "Thực hiện Chỉ thị số 12-CT/ĐU ngày 01/12/2025 của Đảng ủy xã;\n"
    )
    assert plan.title == "Tổ chức chương trình Xuân tình nguyện năm 2026"
    assert _header_notes(plan) == [("----------------", Location(2, 2))]


# -- the real plans ----------------------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

# issuer, superior, first words of the title, header notes (as printed, left column first)
STATE_MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
WEB_NOTES = ["-------", *STATE_MOTTO, "---------------"]
REAL = {
    "tinh-nghe-an-2025-ubnd-thi-dua-dai-hoi-xiv.txt": (
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", None, "TRIỂN KHAI ĐỢT THI ĐUA LẬP THÀNH TÍCH", WEB_NOTES
    ),
    "tp-can-tho-2025-ubnd-truyen-thong-giam-ngheo.txt": (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", None, "TRUYỀN THÔNG VỀ GIẢM NGHÈO ĐA CHIỀU",
        ["--------", *STATE_MOTTO, "---------------"],
    ),
    "xa-luong-minh-quang-ninh-2025-mttq-cong-tac-bau-cu.txt": (
        "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH", None,
        "Thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI và bầu cử", STATE_MOTTO,
    ),
    "xa-luong-minh-quang-ninh-2025-mttq-cong-tac-bau-cu.docx": (
        "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH", None,
        "Thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI và bầu cử", STATE_MOTTO,
    ),
    "xa-pho-bang-tuyen-quang-2025-tieu-ban-tuyen-truyen-bau-cu.txt": (
        "TIỂU BAN THÔNG TIN, TUYÊN TRUYỀN, KHÁNH TIẾT", "ỦY BAN BẦU CỬ XÃ PHỐ BẢNG",
        "Triển khai của Tiểu ban thông tin, tuyên truyền, khánh tiết bầu cử", STATE_MOTTO,
    ),
    "xa-phuc-thinh-ha-noi-2026-doan-xuan-tinh-nguyen.txt": (
        "BCH ĐOÀN XÃ PHÚC THỊNH", "THÀNH ĐOÀN HÀ NỘI",
        "Tổ chức chương trình “Xuân tình nguyện – Tết sẻ chia” năm 2026",
        ["***", "Số: - KH/ĐTN", "ĐOÀN TNCS HỒ CHÍ MINH", "----------------"],
    ),
    "xa-cong-hai-khanh-hoa-2025-lanh-dao-bau-cu.txt": (
        "ĐẢNG UỶ XÃ CÔNG HẢI", "ĐẢNG BỘ TỈNH KHÁNH HOÀ",
        "lãnh đạo cuộc bầu cử đại biểu Quốc hội khóa XVI",
        ["*", "Số -KH/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Công Hải, ngày tháng 10 năm 2025", "-----"],
    ),
    "web/85ff77cbda28ffbb.md": (
        "ỦY BAN NHÂN DÂN TỈNH THANH HÓA", None,
        "QUAN TRẮC, CẢNH BÁO MÔI TRƯỜNG NUÔI TRỒNG THỦY SẢN", WEB_NOTES,
    ),
    "web/62f25a030c183151.md": (
        "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", None, "V/V HỖ TRỢ NHU YẾU PHẨM KHẨN CẤP", WEB_NOTES
    ),
}  # fmt: skip


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(REAL))
def test_real_headers(name: str) -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus not found: the real plans are not in this checkout")
    path = CORPUS / name
    if path.suffix == ".docx":
        plan = read(path)
    else:
        plan = read_text(path.read_text(encoding="utf-8"), source=name)
    issuer, superior, title, notes = REAL[name]
    assert (plan.issuer, plan.superior_body) == (issuer, superior)
    assert plan.title is not None
    assert plan.title.startswith(title)
    assert [n.text for n in plan.notes if n.part is Part.HEADER] == notes
    assert not [f for f in plan.unparsed if "header" in f.reason]
