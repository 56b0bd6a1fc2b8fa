"""compare on the example plans: phases, forms, assignments, citation, figures."""

from __future__ import annotations

from pathlib import Path

import pytest

import kehoach_core
from kehoach_core import FormKind
from kehoach_core.compare import Coverage, Status, compare

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def coverage() -> Coverage:
    return compare(
        kehoach_core.read(EXAMPLES / "superior-tinh-lang-son.json"),
        kehoach_core.read(EXAMPLES / "subordinate-xa-hoang-van-thu.json"),
    )


def test_linked_item_is_covered(coverage: Coverage):
    row = next(c for c in coverage.items if c.item == "phase1/1")
    assert row.linked
    assert row.status is Status.COVERED


def test_phases_align_by_number_and_window(coverage: Coverage):
    answers = {a.superior: a.subordinate for a in coverage.phases}
    assert answers["phase1"] == "phase1"
    assert answers["phase3"] == "phase3"


def test_phase_three_of_the_superior_is_missing(coverage: Coverage):
    rows = [c for c in coverage.items if c.section == "phase3"]
    assert rows
    assert all(c.status is Status.MISSING for c in rows)


def test_phase_two_is_only_partly_covered(coverage: Coverage):
    figures = {s.section: s.figure for s in coverage.sections}
    assert 0 < figures["phase2.1"] < 1
    assert figures["phase2.2"] == 0


def test_forms_the_subordinate_lacks(coverage: Coverage):
    assert {g.kind for g in coverage.missing_forms} == {FormKind.INTERNET, FormKind.VISUAL}


def test_subordinate_cites_the_superior(coverage: Coverage):
    assert coverage.cites_superior is True
    assert coverage.citation == "basis1"


def test_task_for_communes_not_passed_on(coverage: Coverage):
    assert [g.task for g in coverage.unassigned] == ["assignment2/2"]


def test_overall_figure_counts_partial_as_half(coverage: Coverage):
    c = len(coverage.by_status(Status.COVERED))
    p = len(coverage.by_status(Status.PARTIAL))
    assert coverage.overall == round((c + p / 2) / len(coverage.items), 3)


def test_no_citation_when_the_superior_has_no_number_or_date():
    plan = kehoach_core.Plan()
    assert compare(plan, plan).cites_superior is None
