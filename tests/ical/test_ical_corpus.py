"""``kehoach ics`` on every real plan, with no schedule: exit 0, at least one event.

For a few plans, the dates the calendar must hold were read in the plans by hand
(the line of the plan is given with each); they are not the exporter's output
pasted back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from kehoach_core import cli

pytestmark = pytest.mark.corpus

D = dt.date


def _plans(corpus: Path) -> list[Path]:
    return [
        *sorted(corpus.glob("*.txt")),
        *sorted(corpus.glob("*.docx")),
        *sorted((corpus / "web").glob("*.md")),
    ]


def _export(plan: Path, out: Path) -> tuple[int, Calendar | None]:
    code = cli.main(["ics", str(plan), "-o", str(out)])
    return code, Calendar.from_ical(out.read_bytes()) if out.exists() else None


def _days(calendar: Calendar) -> set[tuple[dt.date, dt.date]]:
    """Each event as (first day, last day), the last day inclusive."""
    return {(e.start, e.end - dt.timedelta(days=1)) for e in calendar.events}


def test_every_plan_gives_a_calendar_without_a_schedule(corpus_dir: Path, tmp_path: Path) -> None:
    plans = _plans(corpus_dir)
    assert len(plans) >= 19
    for n, plan in enumerate(plans):
        code, calendar = _export(plan, tmp_path / f"{n}.ics")
        assert code == 0, plan.name
        assert calendar is not None
        assert len(calendar.events) >= 1, plan.name


def test_every_corpus_calendar_loads_in_the_independent_parsers(
    corpus_dir: Path, tmp_path: Path
) -> None:
    vobject = pytest.importorskip("vobject")
    pytest.importorskip("ical")
    from ical.calendar_stream import IcsCalendarStream

    for n, plan in enumerate(_plans(corpus_dir)):
        out = tmp_path / f"{n}.ics"
        _, calendar = _export(plan, out)
        assert calendar is not None
        ics = out.read_bytes()
        assert all(c.errors == [] for c in calendar.walk()), plan.name
        assert calendar.to_ical() == ics, plan.name
        parsed = vobject.readOne(ics.decode("utf-8"), validate=True)
        parsed.serialize(validate=True)
        assert len(parsed.contents.get("vevent", [])) == len(calendar.events), plan.name
        stream = IcsCalendarStream.calendar_from_ics(ics.decode("utf-8"))
        assert [e.summary for e in stream.events] == [str(e["SUMMARY"]) for e in calendar.events]


# (plan, [(first, last)]) read in the plans; a deadline (*trước ngày*, *chậm nhất*) is one day.
READ_IN_THE_PLANS = [
    (
        "xa-pho-bang-tuyen-quang-2025-tieu-ban-tuyen-truyen-bau-cu.txt",
        [
            (D(2025, 12, 10), D(2025, 12, 10)),  # Phố Bảng, ngày 10 tháng 12 năm 2025
            (D(2025, 12, 1), D(2025, 12, 31)),  # 2.1. Đợt 1: Trong tháng 12/2025
            (D(2026, 1, 1), D(2026, 3, 15)),  # 2.2. Đợt 2: Từ tháng 01 đến ngày bầu cử 15/3/2026
            (D(2026, 3, 16), D(2026, 3, 16)),  # 2.3. Đợt 3: Sau ngày bầu cử 15/3/2026 (open)
            (D(2026, 3, 15), D(2026, 3, 15)),  # Ngày 15/3/2026, cử tri cả nước đi bầu cử
        ],
    ),
    (
        "xa-pho-bang-tuyen-quang-2025-tieu-ban-tuyen-truyen-bau-cu.docx",
        [
            (D(2025, 12, 1), D(2025, 12, 31)),
            (D(2026, 1, 1), D(2026, 3, 15)),
            (D(2026, 3, 15), D(2026, 3, 15)),
        ],
    ),
    (
        "xa-luong-minh-quang-ninh-2025-mttq-cong-tac-bau-cu.txt",
        [
            (D(2025, 12, 10), D(2025, 12, 10)),  # hiệp thương lần thứ nhất: Chậm nhất 10/12/2025
            (D(2026, 2, 3), D(2026, 2, 3)),  # lần thứ hai: Chậm nhất ngày 03/02/2026
            (D(2026, 2, 20), D(2026, 2, 20)),  # lần thứ ba: Chậm nhất ngày 20/02/2026
            (D(2025, 11, 1), D(2025, 11, 30)),  # Thời gian hoàn thành: Dự kiến tháng 11/2025
            (D(2025, 11, 1), D(2026, 4, 30)),  # Từ tháng 11/2025 đến tháng 4/2026
            (D(2025, 12, 1), D(2026, 3, 31)),  # Từ tháng 12/2025 đến quý I/2026
            (D(2025, 10, 1), D(2025, 12, 31)),  # Thời gian hoàn thành: Quý IV/2025
        ],
    ),
    (
        "xa-phuc-thinh-ha-noi-2026-doan-xuan-tinh-nguyen.txt",
        [
            (D(2026, 2, 7), D(2026, 2, 7)),  # Thời gian hội thu và tặng quà: Trước ngày 07/02/2026
            (D(2026, 2, 2), D(2026, 2, 15)),  # cao điểm từ ngày 02/02/2026 – 15/02/2026
            (
                D(2025, 1, 10),
                D(2026, 2, 5),
            ),  # Thời gian triển khai: Từ ngày 10/01/2025 – 05/02/2026
        ],
    ),
    (
        "xa-cong-hai-khanh-hoa-2025-lanh-dao-bau-cu.txt",
        [
            (D(2025, 10, 1), D(2025, 10, 31)),  # Hội nghị cấp xã ... dự kiến trong tháng 10/2025
            (D(2026, 3, 15), D(2026, 3, 15)),  # the elections (... 15/3/2026)
        ],
    ),
    (
        "xa-kien-moc-lang-son-2025.txt",
        [
            (D(2025, 6, 15), D(2025, 6, 15)),  # 92 năm Ngày truyền thống (15/6/1933 - 15/6/2025)
            (D(2025, 9, 2), D(2025, 9, 2)),  # 80 năm Ngày Quốc khánh (02/9/1945 - 02/9/2025)
            (D(2026, 1, 19), D(2026, 1, 23)),  # 2.2. Trong thời gian diễn ra Đại hội XIV
        ],
    ),
    (
        "tp-can-tho-2025-ubnd-truyen-thong-giam-ngheo.txt",
        [(D(2025, 11, 19), D(2025, 12, 31))],  # 3. Thời gian thực hiện: Từ nay đến hết năm 2025
    ),
    (
        "web/3a2db039af8c2d05.md",
        [
            (D(2025, 11, 20), D(2025, 12, 3)),  # từ ngày 20 tháng 11 năm 2025 đến ngày 03 tháng 12
            (D(2025, 12, 8), D(2025, 12, 10)),  # từ ngày 08 đến ngày 10 tháng 12 năm 2025
            (D(2025, 12, 31), D(2025, 12, 31)),  # xếp hạng thi đua trước ngày 31 tháng 12 năm 2025
        ],
    ),
    (
        "web/85ff77cbda28ffbb.md",
        [
            (
                D(2026, 3, 1),
                D(2026, 10, 31),
            ),  # thời gian quan trắc từ tháng 3 đến tháng 10 năm 2026
            (D(2026, 12, 15), D(2026, 12, 15)),  # báo cáo UBND tỉnh trước ngày 15/12/2026
        ],
    ),
]


@pytest.mark.parametrize(("name", "expected"), READ_IN_THE_PLANS, ids=lambda v: str(v)[:40])
def test_the_calendar_holds_the_dates_the_plan_states(
    corpus_dir: Path, tmp_path: Path, name: str, expected: list[tuple[dt.date, dt.date]]
) -> None:
    code, calendar = _export(corpus_dir / name, tmp_path / "plan.ics")
    assert code == 0
    assert calendar is not None
    missing = [span for span in expected if span not in _days(calendar)]
    assert not missing, sorted(_days(calendar))


def test_no_date_of_a_cited_document_or_an_anniversary_origin(
    corpus_dir: Path, tmp_path: Path
) -> None:
    """*Chỉ thị số 46-CT/TW ngày 16/5/2025*, *(15/6/1933 - 15/6/2025)*: not events."""
    for name, cited in [
        ("xa-pho-bang-tuyen-quang-2025-tieu-ban-tuyen-truyen-bau-cu.txt", D(2025, 5, 16)),
        ("xa-cong-hai-khanh-hoa-2025-lanh-dao-bau-cu.txt", D(2025, 5, 16)),
        ("xa-kien-moc-lang-son-2025.txt", D(1933, 6, 15)),
        ("tinh-nghe-an-2025-ubnd-thi-dua-dai-hoi-xiv.txt", D(2025, 11, 4)),
    ]:
        _, calendar = _export(corpus_dir / name, tmp_path / "plan.ics")
        assert calendar is not None
        assert all(cited not in (first, last) for first, last in _days(calendar)), name


def test_the_filled_in_template_dates_every_phase(corpus_dir: Path, tmp_path: Path) -> None:
    """Kiên Mộc: its copy lost the issue date and names the provincial congress XVIII;
    with both filled in, all five phases are in the calendar, and Đợt 2 runs to the
    close of the national congress like its sub-phase 2.2."""
    plan = corpus_dir / "xa-kien-moc-lang-son-2025.txt"
    template = tmp_path / "lich.toml"
    assert cli.main(["schedule", str(plan), "-o", str(template)]) == 0
    text = template.read_text(encoding="utf-8")
    assert text.count('starts = ""') == 1  # the province's congress; XIV is known
    filled = text.replace('issued = ""', 'issued = "03/7/2025"')
    filled = filled.replace('starts = ""', 'starts = "24/9/2025"', 1)
    filled = filled.replace('ends = ""', 'ends = "26/9/2025"', 1)
    template.write_text(filled, encoding="utf-8")
    out = tmp_path / "plan.ics"
    assert (
        cli.main(["ics", str(plan), "--schedule", str(template), "--strict", "-o", str(out)]) == 0
    )
    calendar = Calendar.from_ical(out.read_bytes())
    phases = {
        str(e["SUMMARY"]).split(":")[0]: (e.start, e.end - dt.timedelta(days=1))
        for e in calendar.events
        if str(e["SUMMARY"]).startswith("Đợt")
    }
    assert phases == {
        "Đợt 1": (D(2025, 7, 3), D(2025, 9, 26)),
        "Đợt 2": (D(2025, 9, 27), D(2026, 1, 23)),
        "Đợt 2.1": (D(2025, 9, 27), D(2026, 1, 18)),
        "Đợt 2.2": (D(2026, 1, 19), D(2026, 1, 23)),
        "Đợt 3": (D(2026, 1, 24), D(2026, 1, 24)),  # open-ended: its first day
    }


def test_a_copy_without_its_issue_date_starts_on_its_signature_day(
    corpus_dir: Path, tmp_path: Path
) -> None:
    """Cái Răng: no date in the header, signed 2024-11-25T09:13:50+0700 (the trailer,
    line 824). *Đợt 1: Từ nay đến ... Đại hội ... thành phố Cần Thơ lần thứ XV* then
    runs from the signature day once the city's congress is filled in."""
    plan = corpus_dir / "quan-cai-rang-can-tho-2024.txt"
    template = tmp_path / "lich.toml"
    assert cli.main(["schedule", str(plan), "-o", str(template)]) == 0
    text = template.read_text(encoding="utf-8")
    assert 'issued = ""' not in text  # the signature gives the day
    filled = text.replace('starts = ""', 'starts = "14/10/2025"').replace(
        'ends = ""', 'ends = "16/10/2025"'
    )
    template.write_text(filled, encoding="utf-8")
    out = tmp_path / "plan.ics"
    assert cli.main(["ics", str(plan), "--schedule", str(template), "-o", str(out)]) == 0
    calendar = Calendar.from_ical(out.read_bytes())
    first = next(e for e in calendar.events if str(e["SUMMARY"]).startswith("Đợt 1:"))
    assert (first.start, first.end) == (D(2024, 11, 25), D(2025, 10, 17))
