"""The output is accepted by independent parsers, and passes our own checks of the format.

Parsers: icalendar (strict re-parse), vobject with validation, the ``ical``
package (pydantic models), and libical's restriction check through
``gir1.2-ical-3.0`` when installed (in this interpreter, or in the system
Python through a subprocess); each skips cleanly when absent.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

from kehoach_core import Plan
from kehoach_core.ical import Schedule, calendars_by_body, to_ical

VARIANTS = ["events", "todos", "timed", "body"]


@pytest.fixture(params=VARIANTS)
def ics(request: pytest.FixtureRequest, plan: Plan, schedule: Schedule) -> bytes:
    """The example plan's calendar, in each variant the exporter writes."""
    if request.param == "timed":
        schedule = Schedule.from_dict(
            {
                "milestones": [
                    {
                        "level": "national",
                        "ordinal": 14,
                        "starts": "2026-01-19T08:00:00",
                        "ends": "2026-01-23T11:30:00",
                    },
                    {"level": "province", "ordinal": 18, "starts": "2025-09-24"},
                ]
            }
        )
        return to_ical(plan, schedule).to_ical()
    if request.param == "body":
        return calendars_by_body(plan, schedule)["Các đảng ủy xã, phường"].to_ical()
    return to_ical(plan, schedule, todos=request.param == "todos").to_ical()


def _unfolded(ics: bytes) -> list[str]:
    return ics.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


# --- our own checks -----------------------------------------------------------------------------


def test_every_line_ends_with_crlf(ics: bytes) -> None:
    assert ics.endswith(b"\r\n")
    assert b"\n" not in ics.replace(b"\r\n", b"")
    assert b"\r" not in ics.replace(b"\r\n", b"")


def test_lines_are_at_most_75_octets(ics: bytes) -> None:
    assert max(len(line) for line in ics.split(b"\r\n")) <= 75


def test_folding_never_splits_a_character(ics: bytes) -> None:
    for line in ics.split(b"\r\n"):
        line.decode("utf-8")  # raises if a fold cut a multi-byte character


def test_dtend_is_after_dtstart(ics: bytes) -> None:
    calendar = Calendar.from_ical(ics)
    for event in calendar.events:
        assert event["DTEND"].dt > event["DTSTART"].dt


def test_all_day_values_are_dates_and_stamps_are_utc(ics: bytes) -> None:
    for line in _unfolded(ics):
        if line.startswith("DTSTAMP"):
            assert re.fullmatch(r"DTSTAMP:\d{8}T\d{6}Z", line)


def test_no_method_and_ascii_prodid(ics: bytes) -> None:
    lines = _unfolded(ics)
    assert not any(line.startswith("METHOD") for line in lines)
    assert next(line for line in lines if line.startswith("PRODID:")).isascii()


def test_vtimezone_only_when_needed_and_without_comment(ics: bytes) -> None:
    text = ics.decode("utf-8")
    assert ("BEGIN:VTIMEZONE" in text) == (";TZID=" in text)
    assert "COMMENT" not in text


# --- independent parsers ------------------------------------------------------------------------


def test_icalendar_parses_without_errors(ics: bytes) -> None:
    calendar = Calendar.from_ical(ics)
    for component in calendar.walk():
        assert component.errors == [], component.errors
    assert calendar.to_ical() == ics  # nothing lost or reinterpreted


def test_vobject_validates(ics: bytes) -> None:
    vobject = pytest.importorskip("vobject")
    calendar = vobject.readOne(ics.decode("utf-8"), validate=True)
    calendar.serialize(validate=True)
    assert len(calendar.contents.get("vevent", [])) > 0


def test_ical_package_parses(ics: bytes) -> None:
    pytest.importorskip("ical")
    from ical.calendar_stream import IcsCalendarStream

    calendar = IcsCalendarStream.calendar_from_ics(ics.decode("utf-8"))
    original = Calendar.from_ical(ics)
    assert len(calendar.events) == len(original.events)
    assert len(calendar.todos) == len(original.todos)


_LIBICAL = """
import sys, gi
gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib
component = ICalGLib.Component.new_from_string(sys.stdin.read())
if component is None:
    sys.exit("libical could not parse the calendar")
before = component.as_ical_string().count("X-LIC-ERROR")
component.check_restrictions()
errors = [line for line in component.as_ical_string().splitlines() if "X-LIC-ERROR" in line]
print(before, len(errors) - before)
print("\\n".join(errors))
"""


def _libical_python() -> str | None:
    """An interpreter with libical's GObject bindings: this one, or the system Python."""
    candidates = [sys.executable]
    if importlib.util.find_spec("gi") is None:
        candidates = [p for p in ("/usr/bin/python3", shutil.which("python3")) if p]
    probe = "import gi; gi.require_version('ICalGLib', '3.0'); from gi.repository import ICalGLib"
    for python in dict.fromkeys(candidates):
        if not Path(python).exists():
            continue
        done = subprocess.run([python, "-c", probe], capture_output=True, check=False)
        if done.returncode == 0:
            return python
    return None


@pytest.fixture(scope="session")
def libical_python() -> str:
    python = _libical_python()
    if python is None:
        pytest.skip("libical GObject bindings (gir1.2-ical-3.0, python3-gi) are not installed")
    return python


def test_libical_restriction_check_passes(ics: bytes, libical_python: str) -> None:
    done = subprocess.run(
        [libical_python, "-c", _LIBICAL],
        input=ics.decode("utf-8"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    counts, _, errors = done.stdout.partition("\n")
    assert counts.split() == ["0", "0"], errors


def test_libical_check_catches_a_broken_calendar(libical_python: str) -> None:
    """The check above is not vacuous: an event without UID and with two DTSTARTs fails."""
    broken = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n"
        "DTSTART:20250101\r\nDTSTART:20250102\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    done = subprocess.run(
        [libical_python, "-c", _LIBICAL], input=broken, capture_output=True, text=True, check=False
    )
    assert done.stdout.split()[1] != "0"


# --- the same words in every parser ---------------------------------------------------------


@pytest.fixture
def commas(plan: Plan, schedule: Schedule) -> bytes:
    """A plan whose title, issuer and body names hold commas and semicolons."""
    import attrs

    title = "Tuyên truyền Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025 - 2030; bầu cử"
    first, *rest = plan.assignments
    first = attrs.evolve(first, bodies=["Các đảng ủy xã, phường; đặc khu"])
    plan = attrs.evolve(
        plan, title=title, issuer="Ban Tuyên giáo, Dân vận", assignments=[first, *rest]
    )
    return to_ical(plan, schedule).to_ical()


def _texts_icalendar(ics: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(ics)
    return {
        "name": str(calendar["X-WR-CALNAME"]),
        "NAME": str(calendar["NAME"]),
        "summaries": [str(e["SUMMARY"]) for e in calendar.events],
        "descriptions": [str(e["DESCRIPTION"]) for e in calendar.events],
        "categories": [[str(c) for c in e["CATEGORIES"].cats] for e in calendar.events],
    }


def test_every_parser_shows_the_plain_calendar_name(commas: bytes) -> None:
    """RFC 7986 NAME and X-WR-CALNAME are TEXT: a comma must be escaped there, but
    icalendar and the ical package give those back raw (with the backslash) while
    vobject splits an unescaped one. The name holds no comma, so all agree."""
    vobject = pytest.importorskip("vobject")
    pytest.importorskip("ical")
    from ical.calendar_stream import IcsCalendarStream

    ours = _texts_icalendar(commas)
    expected = "Tuyên truyền Đại hội Đảng bộ xã lần thứ I - nhiệm kỳ 2025 - 2030 - bầu cử"
    assert ours["name"] == ours["NAME"]
    assert str(ours["name"]).startswith(expected)
    header = commas.decode("utf-8").replace("\r\n ", "").split("BEGIN:VEVENT")[0]
    for line in header.splitlines():
        if line.startswith(("NAME", "X-WR-CALNAME", "X-WR-CALDESC")):
            assert "\\" not in line, line  # nothing a parser could show raw
    v = vobject.readOne(commas.decode("utf-8"))
    assert v.contents["x-wr-calname"][0].value == ours["name"]
    assert v.contents["name"][0].value == ours["name"]
    stream = IcsCalendarStream.calendar_from_ics(commas.decode("utf-8"))
    extras = {x.name: x.value for x in stream.extras}
    assert extras["x-wr-calname"] == ours["name"]
    description = v.contents["x-wr-caldesc"][0].value
    assert extras["x-wr-caldesc"] == description == str(Calendar.from_ical(commas)["X-WR-CALDESC"])


def test_every_parser_reads_the_same_summaries_descriptions_and_categories(
    commas: bytes,
) -> None:
    vobject = pytest.importorskip("vobject")
    pytest.importorskip("ical")
    from ical.calendar_stream import IcsCalendarStream

    ours = _texts_icalendar(commas)
    assert any("," in s for s in ours["summaries"])  # type: ignore[union-attr]
    v = vobject.readOne(commas.decode("utf-8"))
    assert [e.summary.value for e in v.vevent_list] == ours["summaries"]
    assert [e.description.value for e in v.vevent_list] == ours["descriptions"]
    assert [list(e.categories.value) for e in v.vevent_list] == ours["categories"]
    stream = IcsCalendarStream.calendar_from_ics(commas.decode("utf-8"))
    assert [e.summary for e in stream.events] == ours["summaries"]
    assert [e.description for e in stream.events] == ours["descriptions"]
    assert [list(e.categories) for e in stream.events] == ours["categories"]
