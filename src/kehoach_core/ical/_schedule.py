"""The schedule: dates of the milestones plans name, from a TOML or JSON file or from Python.

A plan says *until the provincial congress has ended*; the date comes from
outside the plan. A schedule lists milestones by level, ordinal and (optionally)
the body's name, with their first and last day:

>>> schedule = load_schedule('''
... [[milestones]]
... name = "Đại hội XIV của Đảng"
... level = "national"
... ordinal = "XIV"
... starts = 2026-01-19
... ends = 2026-01-23
... '''.encode())
>>> entry = schedule.milestones[0]
>>> entry.ordinal, entry.first_day, entry.last_day
(14, datetime.date(2026, 1, 19), datetime.date(2026, 1, 23))

The same file in JSON is ``{"milestones": [{"level": "national", "ordinal": 14,
"starts": "2026-01-19", "ends": "2026-01-23"}]}``. ``starts`` and ``ends`` may
be dates or local date-times (Asia/Ho_Chi_Minh); ``ends`` defaults to
``starts``. ``milestone`` pins an entry to one plan milestone by its id.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
from attrs import validators as v

from .._elements import Level
from .._errors import ScheduleError
from .._numbers import Term, roman_to_int

__all__ = ["TZID", "MilestoneDates", "Schedule", "load_schedule"]

TZID = "Asia/Ho_Chi_Minh"
"""The time zone of every timed value: local times in a schedule are read in it."""

_KEYS = {"name", "level", "ordinal", "body", "term", "milestone", "starts", "ends"}


def _in_zone(value: dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        zone = ZoneInfo(TZID)
        return value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)
    return value


@attrs.frozen(kw_only=True)
class MilestoneDates:
    """One entry of a schedule: which milestone, and when it starts and ends.

    ``level`` and ``ordinal`` select congresses (*Đại hội ... lần thứ XVIII* has
    ordinal 18); ``body`` narrows them by the body's name (``"Lạng Sơn"``),
    compared without case or diacritics; ``term`` by term of office;
    ``milestone`` names a plan's milestone id directly (``"milestone2"``).
    ``starts``/``ends`` are dates, or date-times in Asia/Ho_Chi_Minh (naive
    values are taken to be local there).
    """

    starts: dt.date = attrs.field(validator=v.instance_of(dt.date), converter=_in_zone)
    ends: dt.date | None = attrs.field(
        default=None,
        validator=v.optional(v.instance_of(dt.date)),
        converter=attrs.converters.optional(_in_zone),
    )
    name: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    level: Level | None = attrs.field(default=None, validator=v.optional(v.instance_of(Level)))
    ordinal: int | None = attrs.field(default=None, validator=v.optional(v.instance_of(int)))
    body: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    term: Term | None = attrs.field(default=None, validator=v.optional(v.instance_of(Term)))
    milestone: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))

    def __attrs_post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise ScheduleError(f"ends ({self.last_day}) before starts ({self.first_day})")
        if isinstance(self.starts, dt.datetime) != isinstance(self.end, dt.datetime):
            raise ScheduleError("starts and ends must both be dates or both be date-times")

    @property
    def end(self) -> dt.date:
        """``ends``, or ``starts`` when the entry gives one day."""
        return self.starts if self.ends is None else self.ends

    @property
    def first_day(self) -> dt.date:
        """The calendar day the milestone starts (local time)."""
        return _day(self.starts)

    @property
    def last_day(self) -> dt.date:
        """The calendar day the milestone ends, inclusive (local time)."""
        return _day(self.end)

    @property
    def is_timed(self) -> bool:
        """True when the entry gives times, not only days."""
        return isinstance(self.starts, dt.datetime)

    def describe(self) -> str:
        """A short name for messages: the name, or level, ordinal and body."""
        if self.name:
            return self.name
        parts = [self.level.value if self.level else "milestone"]
        if self.ordinal is not None:
            parts.append(f"#{self.ordinal}")
        if self.body:
            parts.append(self.body)
        return " ".join(parts)


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _entries(values: Iterable[MilestoneDates]) -> tuple[MilestoneDates, ...]:
    return tuple(values)


@attrs.frozen
class Schedule:
    """The dated milestones, in file order, and the file they came from (for messages).

    >>> import datetime as dt
    >>> from kehoach_core import Level
    >>> Schedule([MilestoneDates(level=Level.NATIONAL, ordinal=14,
    ...     starts=dt.date(2026, 1, 19), ends=dt.date(2026, 1, 23))]).milestones[0].last_day
    datetime.date(2026, 1, 23)
    """

    milestones: tuple[MilestoneDates, ...] = attrs.field(
        default=(), converter=_entries, validator=v.deep_iterable(v.instance_of(MilestoneDates))
    )
    source: str = "<schedule>"
    issued: dt.date | None = attrs.field(default=None, validator=v.optional(v.instance_of(dt.date)))
    """The plan's issue date, for a plan whose copy lost it (``issued = 2025-07-03``)."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "<schedule>") -> Schedule:
        """Build a schedule from the decoded TOML/JSON mapping (``{"milestones": [...]}``).

        An entry whose ``starts`` is left blank (``starts = ""``, as ``kehoach
        schedule`` writes the dates it does not know) is not filled in yet: skipped.
        ``plan`` (the file a template was written for) is informative.
        """
        if not isinstance(data, Mapping):
            raise ScheduleError("expected a table with a 'milestones' list", source=source)
        extra = sorted(set(data) - {"milestones", "schema", "issued", "plan"})
        if extra:
            raise ScheduleError(f"unknown key {extra[0]!r}", source=source, path=f"$.{extra[0]}")
        raw = data.get("milestones", [])
        if not isinstance(raw, list):
            raise ScheduleError("expected a list", source=source, path="$.milestones")
        entries = [
            _entry(item, source, f"$.milestones[{n}]")
            for n, item in enumerate(raw)
            if not (isinstance(item, Mapping) and _blank(item.get("starts", None)))
        ]
        issued = None
        if not _blank(data.get("issued", "")):
            try:
                issued = _day(_when(data["issued"]))
            except (TypeError, ValueError) as exc:
                raise ScheduleError(str(exc), source=source, path="$.issued") from exc
        return cls(entries, source=source, issued=issued)


def _blank(value: object) -> bool:
    return isinstance(value, str) and not value.strip()


def _entry(item: object, source: str, path: str) -> MilestoneDates:
    if not isinstance(item, Mapping):
        raise ScheduleError("expected a table", source=source, path=path)
    extra = sorted(set(item) - _KEYS)
    if extra:
        raise ScheduleError(f"unknown key {extra[0]!r}", source=source, path=f"{path}.{extra[0]}")
    if "starts" not in item:
        raise ScheduleError("missing 'starts'", source=source, path=path)
    fields: dict[str, Any] = {}
    for key, value in item.items():
        if key == "ends" and _blank(value):
            continue  # left blank in a template: the same day as ``starts``
        where = f"{path}.{key}"
        try:
            fields[key] = _PARSERS[key](value)
        except (TypeError, ValueError) as exc:
            raise ScheduleError(str(exc), source=source, path=where, excerpt=repr(value)) from exc
    try:
        return MilestoneDates(**fields)
    except ScheduleError as exc:
        raise ScheduleError(exc.message, source=source, path=path) from exc


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _level(value: object) -> Level:
    try:
        return Level(_text(value).strip().lower())
    except ValueError:
        choices = ", ".join(level.value for level in Level)
        raise ValueError(f"unknown level (one of {choices})") from None


def _ordinal(value: object) -> int:
    if isinstance(value, bool):
        raise TypeError("expected an integer or a Roman numeral")
    if isinstance(value, int):
        if value < 1:
            raise ValueError("an ordinal starts at 1")
        return value
    text = _text(value).strip().upper()
    return int(text) if text.isdigit() else roman_to_int(text)


def _term(value: object) -> Term:
    return Term.parse(_text(value))


def _when(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    text = _text(value).strip()
    day_first = re.fullmatch(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", text)
    if day_first:  # as plans print dates: 24/9/2025
        day, month, year = (int(g) for g in day_first.groups())
        return dt.date(year, month, day)
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            "expected a date (19/01/2026 or 2026-01-19) or an ISO 8601 date-time"
        ) from None


_PARSERS: dict[str, Any] = {
    "name": _text,
    "level": _level,
    "ordinal": _ordinal,
    "body": _text,
    "term": _term,
    "milestone": _text,
    "starts": _when,
    "ends": _when,
}


def load_schedule(
    source: str | os.PathLike[str] | bytes | Mapping[str, Any],
) -> Schedule:
    """Read a schedule from a file path, from TOML or JSON bytes, or from a decoded mapping.

    A path ending in ``.json`` is JSON, any other path TOML; bytes are JSON when
    they start with ``{`` and TOML otherwise. Every problem raises
    :class:`~kehoach_core.ScheduleError` naming the file and the key.

    >>> load_schedule(b'{"milestones": [{"starts": "2026-01-19", "colour": "red"}]}')
    Traceback (most recent call last):
    ...
    kehoach_core._errors.ScheduleError: <bytes>: $.milestones[0].colour: unknown key 'colour'
    """
    if isinstance(source, Mapping):
        return Schedule.from_dict(source)
    if isinstance(source, bytes):
        name, data, is_json = "<bytes>", source, source.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"
    else:
        path = Path(source)
        name, is_json = str(path), path.suffix.lower() == ".json"
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ScheduleError(f"cannot read: {exc.strerror}", source=name) from exc
    try:
        text = data.decode("utf-8-sig")
        decoded = json.loads(text) if is_json else tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise ScheduleError("not UTF-8 text", source=name) from exc
    except json.JSONDecodeError as exc:
        raise ScheduleError(f"not valid JSON: {exc.msg}", source=name, line=exc.lineno) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ScheduleError(f"not valid TOML: {exc}", source=name) from exc
    return Schedule.from_dict(decoded, source=name)
