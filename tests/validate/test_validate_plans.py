"""Recall and precision on plans written for the tests, with defects planted by hand.

The plans in ``plans/`` are shaped like the real ones (headers, wrapped lines,
blank lines from extraction; Party and State; commune, district, province) and
carry defects planted the way drafting errors happen: copy-paste from the
superior's template, arithmetic, typing. They also carry correct text that looks
suspicious and must not be flagged (``kinh tế - xã hội``, ``Mác - Lênin``, the
previous term ``nhiệm kỳ 2020 - 2025`` with ordinal N-1, the province's own
congress *lần thứ I* in a commune plan after the 2025 mergers, old-style tone
marks used consistently, ``Ban Xây dựng Đảng Đảng ủy``).

Every expected finding below was written by reading the plan, not by running the
validator: code, line and column (1-based, of the offending text itself; None for a
header field the plan lacks or a finding about the whole plan, and column None also
where the defect is a missing thing rather than a piece of text), a needle found in
the message or excerpt, and why it is a defect. The test fails on an unlisted finding
(precision) and on a listed one not found (recall).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach_core import read
from kehoach_core.validate import Finding, validate

PLANS = Path(__file__).resolve().parent / "plans"

Expected = tuple[str, int | None, int | None, str, str]

EXPECTED: dict[str, list[Expected]] = {
    # commune Party plan (Đồng Nai, 2025), copied from the province's template
    "xa-tan-phu-dong-nai-2025.txt": [
        ("KH208", 7, 4, "12-KH/TU", "a commune Party committee numbered TU (the Tỉnh ủy's code)"),
        ("KH302", 21, 24, "18-HD/BTGDVTU", "guide dated 28/7/2025, after the plan (21/7/2025)"),
        ("KH401", 23, 68, "…-CV/ĐU", "'Công văn số …-CV/ĐU, ngày …/…/2025': blanks left"),
        ("KH402", 57, 74, "các các", "doubled 'các'"),
        ("KH503", 71, 45, "2020 - 2026", "'nhiệm kỳ 2020 - 2026' is six years"),
        ("KH504", 73, 57, "94 năm", "'94 năm ... (3/2/1930 - 3/2/2025)' is 95 years"),
        (
            "KH501",
            89,
            70,
            "XII",
            "the province's old ordinal XII left on the commune's congress (I)",
        ),
        ("KH502", 99, 5, "trên địa bàn tỉnh", "a commune plan: 'Nhân dân trên địa bàn tỉnh'"),
        ("KH601", 147, 1, "TM.", "a Party plan signed with the State marker 'TM.'"),
        (
            "KH608",
            119,
            4,
            "Ủy ban nhân dân xã",
            "UBND xã: tasks, no copy",
        ),
        ("KH608", 125, 4, "Mặt trận Tổ quốc", "the Front: tasks, no copy"),
    ],
    # district Party plan (Đắk Nông, 2024)
    "huyen-dak-song-dak-nong-2024.txt": [
        ("KH206", 4, 4, "215/KH-HU", "a Huyện ủy plan numbered in the State form"),
        ("KH505", 22, 46, "XIII", "'chào mừng Đại hội ... lần thứ XIII' in a 2024 plan: it is XIV"),
        ("KH404", 24, 80, "Tỉnh ủy ;", "a space before ';'"),
        ("KH403", 34, 24, "thứXIV", "'lần thứXIV': ordinal glued to 'thứ'"),
        ("KH105", 42, 4, "Đợt 2", "Đợt 3 is printed before Đợt 2"),
        ("KH408", 65, 5, "Văn hóa, Thông", "'Văn hóa - Thông tin' and 'Văn hóa, Thông tin'"),
        (
            "KH604",
            68,
            None,
            "",
            "no recipient marked (b/c): the Ban Tuyên giáo Tỉnh ủy line lacks it",
        ),
        (
            "KH608",
            57,
            4,
            "Trung tâm Văn hóa",
            "the centre: tasks, no copy",
        ),
        ("KH608", 60, 4, "Mặt trận Tổ quốc", "the Front: tasks, no copy"),
    ],
    # commune State plan (Đồng Tháp, 2025)
    "xa-an-binh-dong-thap-2025-ubnd.txt": [
        ("KH402", 45, 50, "và và", "doubled 'và'"),
        ("KH502", 51, 18, "trên địa bàn thành phố", "a commune plan: 'trên địa bàn thành phố'"),
        ("KH102", 67, 4, "Giai đoạn 2", "Giai đoạn 2 has a heading and no content"),
        ("KH103", 93, 4, "Trung tâm Dịch vụ", "the Trung tâm is assigned no task"),
        ("KH605", 119, None, "", "the recipients end without 'Lưu: VT'"),
        ("KH601", 121, 1, "T/M", "a State plan signed with the Party marker 'T/M'"),
        ("KH602", 123, None, "", "no signer's name under CHỦ TỊCH"),
        (
            "KH608",
            101,
            16,
            "Mặt trận Tổ quốc",
            "the Front: asked to act, no copy",
        ),
    ],
    # provincial Party plan (Quảng Trị, 2025), old-style tone marks throughout
    "tinh-quang-tri-2025.txt": [
        ("KH302", 11, 31, "1520-CV", "Công văn dated 20/6/2025, after the plan (10/6/2025)"),
        ("KH402", 25, 51, "trong trong", "doubled 'trong'"),
        ("KH504", 28, 38, "50 năm", "'50 năm ... (01/5/1972 - 01/5/2025)' is 53 years"),
        ("KH501", 35, 10, "2020 - 2025", "congress XVIII given the previous term 2020 - 2025"),
        ("KH403", 37, 30, "khóaXIV", "'khóaXIV': ordinal glued"),
        (
            "KH107",
            38,
            4,
            "Đợt 2",
            "from after the national congress to the (earlier) provincial one",
        ),
        ("KH102", 45, 4, "Đợt 3", "Đợt 3 has no content"),
        ("KH601", 67, 1, "K/T", "a Party committee (Tỉnh uỷ) signs T/M, not K/T"),
        (
            "KH608",
            55,
            4,
            "Uỷ ban nhân dân tỉnh",
            "UBND tỉnh: tasks, no copy",
        ),
    ],
    # district State plan (Cần Thơ, 2024)
    "huyen-phong-dien-can-tho-2024-ubnd.txt": [
        ("KH206", 5, 5, "245-KH/UBND", "a UBND plan numbered in the Party form"),
        ("KH401", 13, 20, "…/KH-UBND", "the city's plan cited as 'số …/KH-UBND ngày …/…/2024'"),
        ("KH505", 35, 41, "XIII", "'hướng tới Đại hội XIII của Đảng' in a 2024 plan"),
        ("KH404", 45, 44, "báo cáo viên ,", "a space before ','"),
        ("KH506", 87, 37, "Thới Lai", "another district's UBND (Thới Lai), from a copied plan"),
        ("KH104", 95, 1, "4.", "assignments numbered 1, 2, 4"),
        ("KH408", 99, 15, "Văn hoá", "'Trung tâm Văn hoá' beside 'Trung tâm Văn hóa'"),
        ("KH604", 103, None, "", "no recipient for report (b/c)"),
    ],
    # ward Party plan (Cần Thơ, 2025), a half-filled copy of the city's plan
    "phuong-an-khanh-can-tho-2025-mau.txt": [
        ("KH201", 4, 4, "", "'Số …-KH/ĐU': the number is a blank"),
        ("KH202", 4, 22, "", "'ngày … tháng 8 năm 2025': the day is a blank"),
        ("KH401", 11, 36, "…-HD/BTGDVTU", "the guide is cited as 'số …-HD ... ngày …/…/2025'"),
        ("KH502", 12, 66, "Thành ủy", "a ward plan 'issued' by the city's Ban Thường vụ Thành ủy"),
        ("KH504", 24, 1, "79 năm", "'79 năm Ngày Quốc khánh' in 2025: it is 80"),
        ("KH409", 25, 50, "đảng ủy phường", "the issuer's name in lower case"),
        ("KH109", 34, 4, "Đợt 2", "phase 2 ends at the ward's congress, held before the city's"),
        ("KH102", 39, 6, "Trong thời gian", "sub-phase 2.2 has no content"),
        ("KH408", 49, 22, "Đảng uỷ", "'Đảng uỷ' beside 'Đảng ủy'"),
        ("KH605", 61, None, "", "no archive line"),
        (
            "KH608",
            52,
            4,
            "Ủy ban nhân dân phường",
            "UBND phường: tasks, no copy",
        ),
    ],
}


def _covers(finding: Finding, line: int | None, column: int | None) -> bool:
    """Whether the finding's region holds the place read from the plan.

    Without a column (a missing element), the finding must be on that line; a
    finding with no line matches only an expectation with no line.
    """
    if line is None or finding.line is None:
        return line is None and finding.line is None
    if column is None or finding.column is None:
        return finding.line == line and column is None
    start = (finding.line, finding.column)
    end = (finding.end_line or finding.line, finding.end_column or finding.column + 1)
    return start <= (line, column) < end


def _matches(
    finding: Finding, code: str, line: int | None, column: int | None, needle: str
) -> bool:
    return (
        finding.code == code
        and _covers(finding, line, column)
        and needle in f"{finding.message} {finding.excerpt}"
    )


def score(name: str) -> tuple[list[Expected], list[Finding]]:
    """The expected findings not reported, and the findings not expected."""
    report = validate(read(PLANS / name))
    remaining = list(report.findings)
    missing = []
    for code, line, column, needle, reason in EXPECTED[name]:
        hit = next((f for f in remaining if _matches(f, code, line, column, needle)), None)
        if hit is None:
            missing.append((code, line, column, needle, reason))
        else:
            remaining.remove(hit)
    return missing, remaining


def test_every_plan_is_listed() -> None:
    assert {p.name for p in PLANS.glob("*.txt")} == set(EXPECTED)
    assert all(4 <= len(v) <= 12 for v in EXPECTED.values())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_planted_defects_are_found_and_nothing_else(name: str) -> None:
    missing, unexpected = score(name)
    assert not unexpected, [(f.code, f.line, f.message) for f in unexpected]
    assert not missing, missing


if __name__ == "__main__":  # pragma: no cover - a report for humans
    found = expected = reported = 0
    for name in sorted(EXPECTED):
        missing, unexpected = score(name)
        n = len(EXPECTED[name])
        hits = n - len(missing)
        found, expected, reported = found + hits, expected + n, reported + hits + len(unexpected)
        print(f"{name}: recall {hits}/{n}, precision {hits}/{hits + len(unexpected)}")
        for m in missing:
            print("   missing", m)
        for f in unexpected:
            print("   unexpected", f.code, f.line, f.message)
    print(f"total: recall {found}/{expected}, precision {found}/{reported}")
