"""The model holds imperfect plans, stays frozen, and numbers its elements by position."""

from __future__ import annotations

import attrs
import pytest

from kehoach_core import (
    Assignment,
    ContentItem,
    Edge,
    IssueDate,
    Milestone,
    MilestoneEdge,
    Phase,
    Plan,
    Signature,
    Window,
    number_elements,
)


def test_empty_plan_is_valid_model():
    """A missing number, date or signature is a validation matter, not a construction error."""
    plan = Plan()
    assert plan.number is None
    assert plan.issued_on is None
    assert plan.signature is None
    assert plan.phases == ()


def test_plans_are_frozen():
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        Plan().title = "x"  # type: ignore[misc]


def test_lists_become_tuples_so_equal_plans_compare_equal():
    a = Plan(phases=[Phase(heading="Đợt 1")])
    b = Plan(phases=(Phase(heading="Đợt 1"),))
    assert a == b
    assert hash(a) == hash(b)


def test_wrong_member_type_is_refused():
    with pytest.raises(TypeError, match="Phase"):
        Plan(phases=[ContentItem(text="x")])  # type: ignore[list-item]


def test_ids_follow_position():
    plan = number_elements(
        Plan(
            phases=[
                Phase(content=[ContentItem(text="a")]),
                Phase(
                    content=[ContentItem(text="b", children=[ContentItem(text="c")])],
                    subphases=[Phase(content=[ContentItem(text="d")])],
                ),
            ],
            assignments=[Assignment(tasks=[ContentItem(text="t")], children=[Assignment()])],
        )
    )
    assert [p.id for p in plan.all_phases()] == ["phase1", "phase2", "phase2.1"]
    assert plan.phases[1].content[0].children[0].id == "phase2/1.1"
    assert plan.phases[1].subphases[0].content[0].id == "phase2.1/1"
    assert [a.id for a in plan.all_assignments()] == ["assignment1", "assignment1.1"]
    assert plan.assignments[0].tasks[0].id == "assignment1/1"


def test_ids_are_unique_across_a_plan():
    plan = number_elements(
        Plan(
            purposes=[ContentItem(text="p")],
            requirements=[ContentItem(text="r")],
            standing_content=[ContentItem(text="s")],
            phases=[Phase(content=[ContentItem(text="a")], subphases=[Phase()])],
        )
    )
    ids = [
        *(i.id for i in plan.purposes),
        *(i.id for i in plan.requirements),
        *(i.id for i in plan.standing_content),
        *(p.id for p in plan.all_phases()),
        *(i.id for p in plan.all_phases() for i in p.content),
    ]
    assert len(ids) == len(set(ids))


def test_renumbering_milestones_keeps_anchors_pointing_at_them():
    plan = number_elements(
        Plan(
            milestones=[Milestone(id="tinh"), Milestone(id="tw")],
            phases=[Phase(window=Window(IssueDate(), MilestoneEdge("tw", Edge.START)))],
        )
    )
    assert plan.milestones[1].id == "milestone2"
    assert plan.phases[0].window is not None
    assert plan.phases[0].window.end == MilestoneEdge("milestone2", Edge.START)


def test_numbering_is_idempotent():
    plan = number_elements(Plan(phases=[Phase(content=[ContentItem(text="a")])]))
    assert number_elements(plan) == plan


def test_signature_authority_code_normalises_both_conventions():
    assert Signature(authority="T/M").authority_code == "TM"
    assert Signature(authority="TM.").authority_code == "TM"
    assert Signature(authority=None).authority_code is None
