"""Precision and recall on the real plans in ../shared/corpus.

Each expected finding was checked by reading the plan; its reason says why it is
a real defect. The test fails on a finding not listed here (precision) and on a
listed one no longer found (recall).
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pytest

from kehoach_core import Plan, read
from kehoach_core._reading import read_text
from kehoach_core.validate import Finding, validate

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

_NO_HEADER = "the text as given has no header: no number, date or place can be read from it"

# file -> [(code, text in the message or excerpt, reason)]
EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "quan-cai-rang-can-tho-2024.txt": [
        ("KH201", "", _NO_HEADER),
        ("KH202", "", _NO_HEADER),
        ("KH203", "", _NO_HEADER),
        ("KH304", "141-KH/BTGTU", "Kế hoạch 141-KH/BTGTU is cited with no issuing body"),
        ("KH406", "Đ ảng", "'Đại hội Đ ảng bộ': a stray space splits 'Đảng' mid-line"),
        ("KH407", "thành phổ", "'thành phổ' for 'thành phố'"),
        ("KH409", "chỉnh đốn đảng", "'Đảng' (the CPV) in lower case"),
        ("KH503", "2021 - 2025", "'nhiệm kỳ 2021 - 2025' is four years, not a term"),
        ("KH407", "Tiểu bạn", "'Tiểu bạn' for 'Tiểu ban'"),
        ("KH106", "Đợt III", "'Đợt III' after 'Đợt 1', 'Đợt 2': numeral style mixed"),
        ("KH407", "cua Đảng", "'cua Đảng' for 'của Đảng'"),
        ("KH405", "đại hội..", "two full stops"),
        ("KH409", "và nhân dân", "'nhân dân' lower case where the plan writes 'Nhân dân'"),
        ("KH405", "video clip....", "four dots"),
        ("KH301", "99- QĐ/TW", "a space inside the number, mid-line (not a wrap)"),
        (
            "KH501",
            "lần thứ XIV với nhiệm kỳ 2025 - 2030",
            "city congress XIV is 2020-2025; XV is "
            "2025-2030 elsewhere in the plan (Phòng Văn hóa task)",
        ),
        (
            "KH501",
            "lần thứ XIV với nhiệm kỳ 2025 - 2030",
            "same contradiction again (Trung tâm task)",
        ),
        ("KH407", "tuyên truyên", "'tuyên truyên' for 'tuyên truyền'"),
        ("KH402", "công công", "'nơi công công' for 'nơi công cộng'"),
        ("KH405", "công công....", "four dots"),
        ("KH408", "Trung tâm Văn hóa, Thể", "'Văn hóa - Thể thao' and 'Văn hóa, Thể thao'"),
        ("KH407", "dại hội", "'dại hội' for 'đại hội'"),
        (
            "KH308",
            "Nghị quyết 59-NQ/TW",
            "cited in full without 'số' (line 212) where every other citation has it",
        ),
        (
            "KH608",
            "Phòng Văn hóa và Thông tin quận",
            "task 2 of Tổ chức thực hiện; the Nơi nhận list has only Party bodies",
        ),
        ("KH608", "Trung tâm Văn hóa, Thể thao", "task 3; not among the recipients either"),
    ],
    "xa-kien-moc-lang-son-2025.txt": [
        ("KH201", "", _NO_HEADER),
        ("KH202", "", _NO_HEADER),
        ("KH203", "", _NO_HEADER),
        ("KH402", "của của", "doubled 'của'"),
        ("KH408", "Tiểu ban Tuyên truyền", "'Tiểu Ban tuyên truyền' and 'Tiểu ban Tuyên truyền'"),
        ("KH403", "XIVcủa", "'Đại hội XIVcủa Đảng'"),
        ("KH408", "cấp uỷ", "'cấp uỷ' beside 'cấp ủy': tone placed two ways"),
        ("KH408", "Đảng uỷ", "'Đảng uỷ' beside 'Đảng ủy'"),
        ("KH408", "Ban xây dựng Đảng", "'Ban xây dựng Đảng' beside 'Ban Xây dựng Đảng'"),
        (
            "KH411",
            "Đại hội XIV của Đảng",
            "the first '-' task of 'Các chi bộ trực thuộc' (line 334-342) ends with no full "
            "stop; the other two tasks end with one",
        ),
        (
            "KH308",
            "Kết luận 01-KL/TW",
            "'Kết luận 01-KL/TW, ngày 18/5/2021': no 'số', unlike the rest",
        ),
    ],
    "xa-lien-minh-lao-cai-2025-mau.txt": [
        ("KH201", "", _NO_HEADER),
        ("KH202", "", _NO_HEADER),
        ("KH203", "", _NO_HEADER),
        ("KH404", "-Trong th", "line 36 prints the bullet glued to its word: '-Trong thời gian'"),
        ("KH306", "CT", "'Công văn số …….-CT/TW': a Công văn coded CT (Chỉ thị)"),
        ("KH401", "12 chỗ", "the bases are template blanks (số, ngày, cơ quan)"),
        ("KH401", "…………", "'Đảng ủy xã ………… xây dựng Kế hoạch'"),
        ("KH502", "toàn quân thành phố", "a commune plan speaking of 'toàn quân thành phố'"),
        ("KH409", "Nội", "heading 'II. Nội DUNG, HÌNH THỨC' in mixed case"),
        ("KH409", "và nhân dân", "'nhân dân' lower case beside 'Nhân dân'"),
        ("KH301", "05- CT/TW", "'Chỉ thị số 05- CT/TW' mid-line"),
        ("KH407", "Đai hội", "'Đai hội' for 'Đại hội'"),
        ("KH407", "lần thư", "'lần thư XXIV' for 'lần thứ XXIV'"),
        ("KH409", "và nhân dân", "again"),
        ("KH407", "lần thư", "again, in the oral propaganda item"),
        ("KH407", "Dảng bộ", "'Dảng bộ' for 'Đảng bộ'"),
        ("KH404", "3 . Thời", "'3 . Thời gian': space before the full stop"),
        ("KH409", "XIV của đảng", "'Đại hội lần thứ XIV của đảng'"),
        ("KH409", "và nhân dân", "again"),
        ("KH502", "Đảng bộ thành xã", "'Đảng bộ thành xã': garbled level"),
        ("KH407", "Phới Hợp", "'Phới Hợp' for 'Phối hợp'"),
        ("KH502", "thành phố lần thứ III", "the commune's own congress III called the city's"),
        ("KH409", "đảng ủy xã Liên", "the issuer's name in lower case"),
        ("KH401", "…", "Nơi nhận line 1 is a blank"),
        ("KH604", "", "no recipient for report (b/c): the list is blank"),
        ("KH401", "…", "Nơi nhận line 2 is a blank"),
        ("KH401", "…", "Nơi nhận line 3 is a blank"),
        ("KH605", "", "no archive line"),
    ],
    # -- the plans added later, each finding read against the plan ---------------------
    "tinh-nghe-an-2025-ubnd-thi-dua-dai-hoi-xiv.txt": [
        ("KH409", "lớp nhân dân", "'các tầng lớp nhân dân' where the plan writes 'Nhân dân'"),
        (
            "KH608",
            "Ủy ban Mặt trận Tổ quốc tỉnh",
            "'Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh' (line 260); no Nơi nhận line names the Front",
        ),
        ("KH409", "lớp nhân dân", "again, line 262"),
    ],
    "tp-can-tho-2025-ubnd-truyen-thong-giam-ngheo.txt": [
        ("KH604", "", "no Nơi nhận line is marked for report: 'Bộ NN&MT;' has no (b/c)"),
    ],
    "xa-cong-hai-khanh-hoa-2025-lanh-dao-bau-cu.txt": [
        ("KH201", "Số -KH/ĐU", "the signed copy's number was left blank: 'Số -KH/ĐU'"),
        ("KH202", "ngày tháng 10 năm 2025", "the day was left blank: 'ngày tháng 10 năm 2025'"),
        ("KH608", "Hội đồng nhân dân xã", "item 2 leads (chủ trì) a task; not a recipient"),
        (
            "KH608",
            "Mặt trận Tổ quốc Việt Nam xã",
            "item 3 leads the hiệp thương; not a recipient",
        ),
    ],
    "xa-luong-minh-quang-ninh-2025-mttq-cong-tac-bau-cu.txt": [
        ("KH408", "Uỷ ban bầu cử xã", "'Uỷ ban' (old tone placement) beside 'Ủy ban bầu cử xã'"),
        ("KH408", "Uỷ ban MTTQ Việt Nam", "'Uỷ ban MTTQ' beside 'Ủy ban MTTQ'"),
        ("KH408", "chí Uỷ", "'Đồng chí Uỷ viên' beside 'ủy viên'"),
        ("KH402", "Ban Ban", "'Ban Ban chấp hành'"),
        ("KH408", "trực Uỷ", "'Thường trực Uỷ ban' beside 'ủy ban'"),
        (
            "KH408",
            "Uỷ ban Bầu cử xã",
            "'Uỷ ban Bầu cử xã': tone and capitals, beside 'Ủy ban bầu cử xã'",
        ),
        ("KH408", "Ủy ban Bầu cử xã", "'Ủy ban Bầu cử xã' beside 'Ủy ban bầu cử xã'"),
        ("KH104", "“5.”", "Tổ chức thực hiện is numbered 1, 2, 3, 5: there is no 4."),
        ("KH604", "", "no Nơi nhận line is marked for report (the BTT of the province's Front)"),
        ("KH408", "Đảng uỷ", "'Đảng uỷ' beside 'Đảng ủy'"),
        (
            "KH609",
            "Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng, VP Đảng uỷ",
            "three bodies of the Đảng ủy on one recipients line",
        ),
        (
            "KH410",
            "các Hội nghị",
            "'phục vụ các Hội nghị' (line 57) where the plan writes 'các hội nghị hiệp thương' "
            "and 'các hội nghị tập huấn' (lines 47, 111, 147, 161)",
        ),
    ],
    "xa-pho-bang-tuyen-quang-2025-tieu-ban-tuyen-truyen-bau-cu.txt": [
        ("KH409", "lớp nhân dân", "'các tầng lớp nhân dân' where the plan writes 'Nhân dân'"),
        ("KH402", "số số", "'Chỉ thị số số 46 - CT/TW'"),
        ("KH301", "46 - CT/TW", "spaces around the hyphen of '46-CT/TW'"),
    ],
    "xa-phuc-thinh-ha-noi-2026-doan-xuan-tinh-nguyen.txt": [
        ("KH201", "Số: - KH/ĐTN", "the plan's number was left blank"),
        ("KH401", "- CT/ĐU", "'Chỉ thị số - CT/ĐU ngày /12/2025': number and day blank"),
        ("KH402", "tặng tặng", "'hội thu quà tặng tặng thiếu nhi': the word written twice"),
        ("KH402", "tặng tặng", "again: 'Hội thu quà tặng tặng các gia đình chính sách'"),
        ("KH609", "TT ĐU-HĐND-UBND-MTTQ xã", "four bodies' standing offices in one line"),
    ],
    "web/0a97eb9c3c536047.md": [
        ("KH404", "thực tiễn . Đẩy", "a space before the full stop"),
        (
            "KH410",
            "các Sở, Thủ",
            "'Giám đốc các Sở' (line 232) where the plan writes 'các sở, ngành' (lines 144, 184)",
        ),
    ],
    "web/24c7124ec6b2bf61.md": [
        (
            "KH608",
            "Ban Tuyên giáo và Dân vận Thành ủy",
            "asked to act (Đề nghị, line 679); Nơi nhận names only the Thường trực Thành ủy",
        ),
        ("KH104", "“IV.”", "two sections numbered IV (Phân công ... and Tổ chức thực hiện)"),
        (
            "KH410",
            "các Chương trình, Đề án",
            "'cho các Chương trình, Đề án' (line 174): other programmes, generic; the plan "
            "writes 'các chương trình mục tiêu quốc gia' (line 234) and 'các chương trình, "
            "nguồn lực' (line 733)",
        ),
        ("KH410", "các Chương trình, Kế hoạch", "'cụ thể hóa bằng các Chương trình, Kế hoạch'"),
        (
            "KH410",
            "cán bộ, Đảng viên, người",
            "'đối với cán bộ, Đảng viên' (line 213) where the plan writes 'cán bộ, đảng viên' "
            "(line 741)",
        ),
        (
            "KH410",
            "các Chương trình mục tiêu quốc gia",
            "'nguồn vốn từ các Chương trình mục tiêu quốc gia, chương trình...' (line 505)",
        ),
    ],
    "web/3a2db039af8c2d05.md": [
        ("KH405", "điện tử,..", "'ví điện tử,.. nên': a comma and two dots"),
        ("KH405", "điện tử...,", "an ellipsis and a comma"),
        ("KH406", "đ ộng", "'di đ ộng' for 'di động'"),
        ("KH604", "", "no superior among the recipients, none marked (b/c)"),
        ("KH405", "cộng điểm,.", "a comma and a full stop"),
    ],
    "web/62f25a030c183151.md": [
        ("KH104", "“IV.”", "two sections numbered IV"),
        ("KH409", "cho nhân dân", "'cho nhân dân' where the plan writes 'cho Nhân dân' (line 52)"),
        ("KH609", "Báo và PTTH tỉnh; các cơ quan báo chí", "two recipients on one line"),
        ("KH609", "Cty Điện lực tỉnh; Các DN viễn thông", "two recipients on one line"),
    ],
    "web/689f49d25e51cbaa.md": [
        (
            "KH408",
            "Ủy ban nhân dân tỉnh",
            "the plan writes 'Tỉnh' capitalised throughout; 'Ủy ban nhân dân tỉnh' here",
        ),
    ],
    "web/85ff77cbda28ffbb.md": [
        ("KH308", "Kế hoạch 223/KH- UBND", "cited in full without 'số', unlike the others"),
        ("KH301", "223/KH- UBND", "a space after the hyphen of '223/KH-UBND'"),
        ("KH402", "cho cho", "'cấp phát cho cho cán bộ'"),
    ],
    "web/8e9a425dd83e56b3.md": [
        ("KH303", "142/QĐ-TTg", "first cited with no date (line 30); dated only at line 33"),
        ("KH308", "Quyết định 1229/QĐ-UBND", "a basis cited without 'số', unlike the others"),
        ("KH402", "các các", "'trên các các nền tảng số'"),
        ("KH404", "thường xuyên .", "a space before the full stop"),
        ("KH604", "", "no Nơi nhận line marked for report: 'Bộ Công An;' has no (b/c)"),
        (
            "KH410",
            "của Bộ, ngành chuyên",
            "'hướng dẫn của Bộ, ngành' (line 101) where the plan writes 'các bộ, ngành' "
            "(lines 97, 132)",
        ),
        ("KH410", "của Bộ, ngành.", "again, line 123"),
        ("KH410", "các Bộ, ngành quản lý", "'của các Bộ, ngành quản lý chuyên môn' (line 262)"),
    ],
    "web/9b7eebadf7081069.md": [
        (
            "KH410",
            "các Chương trình mục tiêu",
            "table row 'Chi thực hiện các Chương trình mục tiêu quốc gia' (line 3007); the "
            "same heading is 'Chi thực hiện các chương trình mục tiêu, nhiệm vụ' at line 260",
        ),
    ],
}
# the Word files hold the same text as their .txt: the same findings, at the same lines
EXPECTED["xa-luong-minh-quang-ninh-2025-mttq-cong-tac-bau-cu.docx"] = EXPECTED[
    "xa-luong-minh-quang-ninh-2025-mttq-cong-tac-bau-cu.txt"
]
EXPECTED["xa-pho-bang-tuyen-quang-2025-tieu-ban-tuyen-truyen-bau-cu.docx"] = EXPECTED[
    "xa-pho-bang-tuyen-quang-2025-tieu-ban-tuyen-truyen-bau-cu.txt"
]
# the plans whose defects were first listed: each has several found
SEVERAL = ("quan-cai-rang-can-tho-2024.txt", "xa-kien-moc-lang-son-2025.txt",
           "xa-lien-minh-lao-cai-2025-mau.txt")  # fmt: skip


def _corpus() -> Path:
    if not CORPUS.is_dir():
        if os.environ.get("KEHOACH_REQUIRE_CORPUS"):
            pytest.fail(f"KEHOACH_REQUIRE_CORPUS is set but {CORPUS} is missing")
        pytest.skip("../shared/corpus not found: the real plans are not in this checkout")
    return CORPUS


def _read(path: Path) -> Plan:
    """A corpus plan: a web page's Markdown is read as text, the rest by its suffix."""
    if path.suffix == ".md":
        return read_text(path.read_text(encoding="utf-8"), source=path.name)
    return read(path)


def test_every_corpus_plan_is_listed() -> None:
    corpus = _corpus()
    plans = [*corpus.glob("*.txt"), *corpus.glob("*.docx"), *corpus.glob("web/*.md")]
    assert {p.relative_to(corpus).as_posix() for p in plans} == set(EXPECTED)


def _matches(finding: Finding, code: str, needle: str) -> bool:
    return finding.code == code and needle in f"{finding.message} {finding.excerpt}"


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_finding_on_a_real_plan_is_a_real_defect(name: str) -> None:
    report = validate(_read(_corpus() / name))
    remaining = list(report.findings)
    missing = []
    for code, needle, _reason in EXPECTED[name]:
        hit = next((f for f in remaining if _matches(f, code, needle)), None)
        if hit is None:
            missing.append((code, needle))
        else:
            remaining.remove(hit)
    unexpected = [(f.code, f.line, f.message) for f in remaining]
    assert not unexpected, f"findings not known to be real defects: {unexpected}"
    assert not missing, f"known defects no longer found: {missing}"


@pytest.mark.corpus
def test_each_real_plan_has_several_real_defects_found() -> None:
    corpus = _corpus()
    for name in SEVERAL:
        codes = validate(read(corpus / name)).codes()
        assert len([c for c in codes if not c.startswith("KH20")]) >= 5, name


def _region_text(lines: list[str], finding: Finding) -> str:
    """The source text from the finding's start to its end, spaces folded."""
    assert finding.line is not None
    assert finding.column is not None
    end_line = finding.end_line or finding.line
    parts = []
    for number in range(finding.line, end_line + 1):
        text = lines[number - 1]
        stop = finding.end_column - 1 if number == end_line and finding.end_column else len(text)
        start = finding.column - 1 if number == finding.line else 0
        parts.append(text[start:stop])
    return unicodedata.normalize("NFC", " ".join(" ".join(parts).split()))


def _plans_to_check() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    own = Path(__file__).resolve().parent / "plans"
    return (
        sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("web/*.md")) + sorted(own.glob("*.txt"))
    )


@pytest.mark.corpus
def test_every_finding_is_at_its_line_and_column() -> None:
    """On every plan of the corpus, each finding's text is where its line and column say."""
    from kehoach_core._reading import read_text

    checked = wrong = 0
    misplaced = []
    for path in _plans_to_check() or [_corpus()]:
        source = path.read_text(encoding="utf-8")
        # lines end at \n, \r\n or \r only (a form feed is a page break inside a line, as
        # editors show it); columns count the characters of the file as it is
        lines = re.split(r"\r\n|\r|\n", source)
        for finding in validate(read_text(source, source=path.name)).findings:
            if not finding.text or finding.column is None:
                continue
            checked += 1
            want = " ".join(finding.text.split())
            if _region_text(lines, finding) != want:
                wrong += 1
                misplaced.append((path.name, finding.code, finding.line, finding.column, want))
    assert checked >= 100
    assert wrong == 0, misplaced[:10]


@pytest.mark.corpus
def test_the_issue_examples_point_at_their_words() -> None:
    """'thành phổ' is printed at line 213, column 13; 'Đ ảng' at line 91, column 49."""
    report = validate(read(_corpus() / "quan-cai-rang-can-tho-2024.txt"))
    where = {f.text: (f.line, f.column) for f in report.findings if f.code in ("KH406", "KH407")}
    assert where["thành phổ"] == (213, 13)
    assert where["Đ ảng"] == (91, 49)
