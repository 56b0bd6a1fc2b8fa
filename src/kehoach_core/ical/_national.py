"""The bundled calendar of nationwide events (``national.toml``).

Congresses dated there date a plan's milestones when the user's schedule does
not; one-off days (the elections of 15/3/2026) and yearly national days go in
a calendar whose plan names them:

>>> national_schedule().milestones[0].first_day
datetime.date(2026, 1, 19)
>>> import datetime as dt
>>> [d.on for d in national_days("Bầu cử đại biểu Quốc hội khóa XVI",
...                              dt.date(2025, 12, 1), dt.date(2026, 12, 1))]
[datetime.date(2026, 3, 15)]
>>> [(d.on, d.years) for d in national_days("Kỷ niệm Ngày Quốc khánh 2/9",
...                                         dt.date(2025, 7, 3), dt.date(2026, 7, 3))]
[(datetime.date(2025, 9, 2), 80)]
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from importlib import resources
from typing import Any

import attrs

from ._match import fold
from ._schedule import Schedule

__all__ = ["NationalDay", "national_days", "national_schedule"]


@attrs.frozen
class NationalDay:
    """A nationwide day to put in a calendar: its name, day, category and source words."""

    key: str
    name: str
    on: dt.date
    category: str
    years: int | None = None


@functools.cache
def _data() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("national.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def national_schedule() -> Schedule:
    """The congresses of the bundled calendar, as a schedule."""
    return Schedule.from_dict(
        {"milestones": _data().get("milestones", [])}, source="<bundled calendar>"
    )


def _names(words: list[str], folded: str) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(fold(w))}(?!\w)", folded) for w in words)


def national_days(text: str, first: dt.date, last: dt.date) -> list[NationalDay]:
    """The bundled days ``text`` names: one-off days from ``first`` on, yearly ones from
    ``first`` to ``last`` (inclusive)."""
    folded = " ".join(fold(text).split())
    out = []
    for n, entry in enumerate(_data().get("events", [])):
        on = entry["on"]
        if first <= on and _names(entry["words"], folded):  # a day to come: any later one
            out.append(NationalDay(f"national/event{n + 1}", entry["name"], on, entry["category"]))
    for n, entry in enumerate(_data().get("anniversaries", [])):
        if not _names(entry["words"], folded):
            continue
        for year in range(first.year, last.year + 1):
            on = dt.date(year, entry["month"], entry["day"])
            if first <= on <= last:
                key = f"national/anniversary{n + 1}/{year}"
                years = year - entry["since"]
                out.append(NationalDay(key, entry["name"], on, "Ngày kỷ niệm", years))
    return sorted(out, key=lambda d: d.on)
