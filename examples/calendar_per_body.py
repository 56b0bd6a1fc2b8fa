"""Write one iCalendar file per responsible body of a plan.

    python examples/calendar_per_body.py PLAN SCHEDULE OUTDIR

Each file holds the phases and congresses everybody shares plus that body's
tasks; re-running after an edit updates the files instead of duplicating events.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import kehoach_core as kh
from kehoach_core.ical import bodies, calendars_by_body, load_schedule, read_ical, write_ical


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    ascii_name = ascii_name.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    plan, schedule, outdir = kh.read(argv[0]), load_schedule(argv[1]), Path(argv[2])
    outdir.mkdir(parents=True, exist_ok=True)
    # the previous export of each body, so that changed events get a higher SEQUENCE
    previous = {
        body: read_ical(outdir / f"{slug(body)}.ics")
        for body in bodies(plan)
        if (outdir / f"{slug(body)}.ics").exists()
    }
    calendars = calendars_by_body(plan, schedule, strict=False, previous=previous)
    for body, calendar in calendars.items():
        target = outdir / f"{slug(body)}.ics"
        write_ical(calendar, target)
        print(f"{body}: {len(calendar.events)} events -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
