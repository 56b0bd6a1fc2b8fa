"""Matching a schedule's entries to a plan's milestones.

A plan names *Đại hội đại biểu Đảng bộ tỉnh lần thứ XVIII*; a schedule says when
the provincial congress XVIII of Lạng Sơn is. An entry matches a milestone when

1. its ``milestone`` is the milestone's id (this wins over everything); or
2. its level and ordinal equal the milestone's (a milestone of unknown level
   matches any level), its term does not contradict the milestone's, and

   a. its body's words all appear in the milestone's body, name or aliases
      (the most specific such entry wins); or, when none does,
   b. it names no body; or, when there is none,
   c. the milestone names no body beyond generic words, and the entry's body
      words all appear in the plan's header and preamble (a commune plan that
      writes *Đảng bộ tỉnh* without the province's name).

Words are compared without case or diacritics, and generic words (*Đảng bộ*,
*tỉnh*, *xã* ...) are ignored. A milestone no entry matches keeps the dates
the plan itself gives, if any; otherwise it is unresolved, reported by name.

>>> import datetime as dt
>>> from kehoach_core import Level, Milestone, Plan
>>> from kehoach_core.ical import MilestoneDates, Schedule
>>> plan = Plan(milestones=[Milestone(id="milestone1", level=Level.PROVINCE, ordinal=18,
...     name="Đại hội Đảng bộ tỉnh Lạng Sơn lần thứ XVIII", body="Đảng bộ tỉnh Lạng Sơn")])
>>> province = dict(level=Level.PROVINCE, ordinal=18)
>>> schedule = Schedule([
...     MilestoneDates(**province, body="Cao Bằng", starts=dt.date(2025, 9, 16)),
...     MilestoneDates(**province, body="Lạng Sơn", starts=dt.date(2025, 9, 24))])
>>> resolve(plan, schedule).dates["milestone1"].first_day
datetime.date(2025, 9, 24)
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable

import attrs

from .._elements import Level, Milestone
from .._errors import ScheduleError
from .._model import Plan
from .._numbers import roman_to_int
from .._vietnamese import strip_marks
from ._schedule import MilestoneDates, Schedule

__all__ = ["Resolution", "ScheduleWarning", "fold", "resolve", "words"]

_GENERIC = frozenset(
    "dai hoi bieu dang bo toan quoc lan thu cua nhiem ky tinh thanh pho huyen quan thi xa "
    "phuong tran cap co so chi truc thuoc trung uong va".split()
)


class ScheduleWarning(UserWarning):
    """Something the calendar leaves out because it cannot be dated (``strict=False``)."""


def fold(text: str) -> str:
    """Text without case or diacritics, for comparing names.

    >>> fold("Đảng bộ TỈNH Lạng Sơn")
    'dang bo tinh lang son'
    """
    return strip_marks(text)


def words(text: str | None) -> frozenset[str]:
    """The meaning-bearing words of a name: folded, generic words removed."""
    if not text:
        return frozenset()
    return frozenset(re.findall(r"\w+", fold(text))) - _GENERIC


@attrs.frozen
class Resolution:
    """The dates found for a plan's milestones, by milestone id, and what stayed unresolved.

    ``problems`` name each milestone (or element) that could not be dated.
    """

    dates: dict[str, MilestoneDates] = attrs.field(factory=dict, hash=False)
    problems: tuple[str, ...] = ()

    def report(self, *, strict: bool, source: str = "<schedule>") -> None:
        """Raise :class:`ScheduleError` (``strict``) or warn, once per problem."""
        if not self.problems:
            return
        if strict:
            listed = "; ".join(self.problems)
            raise ScheduleError(f"cannot date: {listed}", source=source)
        for problem in self.problems:
            warnings.warn(ScheduleWarning(problem), stacklevel=3)


def milestone_label(milestone: Milestone) -> str:
    """How messages name a milestone: its name as printed, or its id."""
    return " ".join(milestone.name.split()) or "(unnamed)"


def _candidates(milestone: Milestone, entries: Iterable[MilestoneDates]) -> list[MilestoneDates]:
    out = []
    for entry in entries:
        if entry.milestone is not None:
            continue
        if entry.ordinal is None or entry.ordinal != milestone.ordinal:
            continue
        if milestone.level is not Level.UNKNOWN and entry.level not in (None, milestone.level):
            continue
        if entry.term is not None and milestone.term is not None and entry.term != milestone.term:
            continue
        out.append(entry)
    return out


def _is_number(word: str) -> bool:
    if word.isdigit():
        return True
    try:
        roman_to_int(word.upper())
    except ValueError:
        return False
    return True


def _plan_words(plan: Plan) -> frozenset[str]:
    texts = [plan.issuer, plan.superior_body, plan.place, plan.title]
    texts += [item.text for item in plan.preamble]
    texts += [m.name for m in plan.milestones] + [m.body or "" for m in plan.milestones]
    return frozenset().union(*(words(t) for t in texts))


def _pick(entries: list[MilestoneDates], known: frozenset[str]) -> list[MilestoneDates]:
    """The entries whose body words are all known, most specific first (ties kept)."""
    named = [e for e in entries if words(e.body) and words(e.body) <= known]
    if not named:
        return []
    best = max(len(words(e.body)) for e in named)
    return [e for e in named if len(words(e.body)) == best]


def match(
    milestone: Milestone, schedule: Schedule, plan: Plan
) -> tuple[MilestoneDates | None, str]:
    """The entry for one milestone, or ``None`` and why."""
    pinned = [e for e in schedule.milestones if e.milestone == milestone.id]
    if pinned:
        return pinned[0], ""
    candidates = _candidates(milestone, schedule.milestones)
    if not candidates:
        return None, "no schedule entry"
    own = words(" ".join([milestone.body or "", milestone.name, *milestone.aliases]))
    tiers = [_pick(candidates, own), [e for e in candidates if not words(e.body)]]
    if not {word for word in own if not _is_number(word)}:
        tiers.append(_pick(candidates, _plan_words(plan)))
    for tier in tiers:
        if len(tier) == 1:
            return tier[0], ""
        if len(tier) > 1:
            names = ", ".join(e.describe() for e in tier)
            return None, f"ambiguous: matches {names}"
    names = ", ".join(e.describe() for e in candidates)
    return None, f"no entry for this body (entries at this level and ordinal: {names})"


def resolve(plan: Plan, schedule: Schedule, *, fallback: Schedule | None = None) -> Resolution:
    """Date every milestone of ``plan`` from ``schedule``, then ``fallback`` (the bundled
    calendar of nationwide events), then the plan's own dates."""
    dates: dict[str, MilestoneDates] = {}
    problems = []
    for milestone in plan.milestones:
        entry, why = match(milestone, schedule, plan)
        if entry is None and fallback is not None:
            entry, _ = match(milestone, fallback, plan)
        if entry is None and milestone.starts_on is not None:
            try:
                entry = MilestoneDates(
                    name=milestone.name or None,
                    starts=milestone.starts_on,
                    ends=milestone.ends_on,
                    milestone=milestone.id,
                )
            except ScheduleError as exc:
                why = f"the plan's own dates are unusable: {exc.message}"
        if entry is None:
            problems.append(f"milestone {milestone.id} {milestone_label(milestone)!r}: {why}")
            continue
        dates[milestone.id] = entry
    return Resolution(dates, tuple(problems))
