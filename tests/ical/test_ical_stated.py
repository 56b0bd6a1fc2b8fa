"""Dates a plan states in its own words, found in the text (``ical._stated``).

The sentences are taken from the real plans (the plan is named with each);
the expected days were read in them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach_core.ical._stated import find

D = dt.date


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # xã Công Hải
        (
            "Thời gian dựkiến\ntrong tháng 10/2025. Thành phần gồm:",
            None,
            [("month", D(2025, 10, 1), D(2025, 10, 31))],
        ),
        # xã Lương Minh
        (
            "(1) Tổ chức hiệp thương lần thứ nhất: Chậm nhất ngày 10/12/2025 (trước ngày bầu "
            "cử 95 ngày theo Điều 39, Điều 50 Luật số 85/2015/QH13)",
            None,
            [("before", D(2025, 12, 10), D(2025, 12, 10))],
        ),
        (
            "- Thời gian thực hiện: Từ tháng 12/2025 đến quý I/2026.",
            None,
            [("range", D(2025, 12, 1), D(2026, 3, 31))],
        ),
        (
            "- Thời gian hoàn thành: tháng 11/2025 đến tháng 4/2026;",
            None,
            [("range", D(2025, 11, 1), D(2026, 4, 30))],
        ),
        (
            "- Thời gian hoàn thành: Quý IV/2025;",
            None,
            [("quarter", D(2025, 10, 1), D(2025, 12, 31))],
        ),
        # xã Phố Bảng: the month of the start takes the year of the end
        (
            "2.2. Đợt 2: Từ tháng 01 đến ngày bầu cử 15/3/2026",
            None,
            [("range", D(2026, 1, 1), D(2026, 3, 15))],
        ),
        # xã Phúc Thịnh: the lunar dates in brackets are not read
        (
            "cao điểm từ ngày\n02/02/2026 – 15/02/2026 (từ ngày 15 – 28 tháng 12 Âm lịch).",
            None,
            [("range", D(2026, 2, 2), D(2026, 2, 15))],
        ),
        # thành phố Cần Thơ (web): the start's month and year come from the end
        (
            "(từ ngày 08 đến ngày 10 tháng 12 năm 2025).",
            None,
            [("range", D(2025, 12, 8), D(2025, 12, 10))],
        ),
        (
            "xếp hạng thi đua trước ngày 31 tháng 12 năm 2025.",
            None,
            [("before", D(2025, 12, 31), D(2025, 12, 31))],
        ),
        # a day without its year takes the plan's year
        (
            "Các đơn vị báo cáo trước ngày 30 tháng 11.",
            2025,
            [("before", D(2025, 11, 30), D(2025, 11, 30))],
        ),
        (
            "c) Thời gian thực hiện: Hoàn\nthành trong năm 2025.",
            None,
            [("before", D(2025, 12, 31), D(2025, 12, 31))],
        ),
    ],
)
def test_stated_times(
    text: str, year: int | None, expected: list[tuple[str, dt.date, dt.date]]
) -> None:
    assert [(s.kind, s.first, s.last) for s in find(text, year=year)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Chỉ thịsố46-CT/TW, ngày 16/5/2025 của Bộ Chính trị",  # xã Công Hải
        "Quyết định số 2437/QĐ-TTg ngày 04 tháng 11 năm 2025 của Thủ tướng Chính phủ",
        "92 năm Ngày truyền thống Đảng bộ tỉnh (15/6/1933 - 15/6/2025)",  # an anniversary
        "Luật Thi đua, khen thưởng ngày 15/6/2022",
        "các ngày lễ lớn của đất nước và thành phố trong năm 2025",  # a year is no time
        "báo cáo trước ngày 20 hằng tháng",  # monthly: no day of its own
        "Ngày 15/3/2026, cử tri cả nước đi bầu cử",  # a bare date, no word of time
    ],
)
def test_no_time_where_the_plan_states_none(text: str) -> None:
    assert find(text, year=2025) == []


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31)), st.booleans())
def test_a_deadline_is_found_however_it_is_printed(day: dt.date, long: bool) -> None:
    printed = (
        f"ngày {day.day} tháng {day.month} năm {day.year}"
        if long
        else f"{day.day:02d}/{day.month}/{day.year}"
    )
    found = find(f"Tổng hợp, báo cáo kết quả trước {printed}.")
    assert [(s.kind, s.last) for s in found] == [("before", day)]


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=200))
def test_text_without_digits_states_no_time(text: str) -> None:
    assert find(text, year=2025) == []


@given(st.text(max_size=300), st.integers(min_value=1900, max_value=2100))
def test_every_stated_span_is_in_order_and_inside_the_text(text: str, year: int) -> None:
    for span in find(text, year=year):
        assert span.first <= span.last
        assert 0 <= span.start < span.end <= len(text)
