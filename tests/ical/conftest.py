"""Plans and schedules for the calendar tests, built in Python from the examples."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from kehoach_core import DateAnchor, Edge, MilestoneEdge, Plan, from_json
from kehoach_core.ical import Schedule, load_schedule

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def example_plan(name: str = "superior-tinh-lang-son") -> Plan:
    return from_json((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def with_due_dates(plan: Plan) -> Plan:
    """The superior example with two dated tasks: one by date, one at the national opening."""
    first, second, *rest = plan.assignments
    first = attrs.evolve(
        first, tasks=[attrs.evolve(first.tasks[0], due=DateAnchor(dt.date(2025, 10, 15)))]
    )
    second = attrs.evolve(
        second,
        tasks=[
            attrs.evolve(second.tasks[0], due=MilestoneEdge("milestone2", Edge.START)),
            *second.tasks[1:],
        ],
    )
    return attrs.evolve(plan, assignments=[first, second, *rest])


@pytest.fixture
def superior() -> Plan:
    """The provincial example plan as written (no task has a due date)."""
    return example_plan()


@pytest.fixture
def examples() -> Path:
    """The examples folder."""
    return EXAMPLES


@pytest.fixture
def plan() -> Plan:
    """The provincial example plan, with two tasks given due dates."""
    return with_due_dates(example_plan())


@pytest.fixture
def schedule() -> Schedule:
    """The example schedule of 2025."""
    return load_schedule(EXAMPLES / "schedule-2025.toml")
