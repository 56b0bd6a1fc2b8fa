"""The public surface of ``kehoach_core.ical``, and that the core does not load icalendar."""

from __future__ import annotations

import subprocess
import sys

import kehoach_core.ical


def test_exported_members() -> None:
    assert kehoach_core.ical.__all__ == [
        "NAMESPACE",
        "PRODID",
        "TZID",
        "MilestoneDates",
        "Resolution",
        "Schedule",
        "ScheduleWarning",
        "bodies",
        "calendars_by_body",
        "load_schedule",
        "read_ical",
        "resolve",
        "to_ical",
        "with_stated_dates",
        "write_ical",
    ]


def test_importing_the_core_does_not_import_icalendar() -> None:
    code = "import sys, kehoach_core; print('icalendar' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
