"""Calendars of a plan: phases, milestones, anniversaries and tasks as iCalendar.

Nothing outside this package imports icalendar; ``import kehoach_core`` does not
import this package.

>>> from kehoach_core.ical import load_schedule, to_ical
>>> callable(to_ical) and callable(load_schedule)
True
"""

from ._build import PRODID
from ._export import bodies, calendars_by_body, read_ical, to_ical, write_ical
from ._identity import NAMESPACE
from ._items import with_stated_dates
from ._match import Resolution, ScheduleWarning, resolve
from ._schedule import TZID, MilestoneDates, Schedule, load_schedule

__all__ = [
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
