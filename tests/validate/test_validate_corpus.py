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

from kehoach_core import read
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
}


def _corpus() -> Path:
    if not CORPUS.is_dir():
        if os.environ.get("KEHOACH_REQUIRE_CORPUS"):
            pytest.fail(f"KEHOACH_REQUIRE_CORPUS is set but {CORPUS} is missing")
        pytest.skip("../shared/corpus not found: the real plans are not in this checkout")
    return CORPUS


def _matches(finding: Finding, code: str, needle: str) -> bool:
    return finding.code == code and needle in f"{finding.message} {finding.excerpt}"


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_finding_on_a_real_plan_is_a_real_defect(name: str) -> None:
    report = validate(read(_corpus() / name))
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
    for name in EXPECTED:
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
