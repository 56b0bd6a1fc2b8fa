"""Properties of diff: a plan against itself is empty, and applying a diff gives the new plan."""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach_core import ContentItem, Plan, number_elements
from kehoach_core.compare import apply_changes, diff
from kehoach_core.testing import plans


@settings(max_examples=200, deadline=None)
@given(plans())
def test_diff_of_a_plan_with_itself_is_empty(plan: Plan) -> None:
    assert not diff(plan, plan)


@settings(max_examples=200, deadline=None)
@given(plans(), plans())
def test_applying_the_diff_of_two_plans_gives_the_new_one(old: Plan, new: Plan) -> None:
    assert apply_changes(old, diff(old, new)) == new


@settings(max_examples=200, deadline=None)
@given(plans(), st.data())
def test_applying_the_diff_of_an_edited_plan_gives_the_edited_plan(
    plan: Plan, data: st.DataObject
) -> None:
    """Small edits (insert, delete, reorder, reword) of one plan, as real versions differ."""
    purposes = list(plan.purposes)
    if purposes and data.draw(st.booleans()):
        del purposes[data.draw(st.integers(0, len(purposes) - 1))]
    if data.draw(st.booleans()):
        at = data.draw(st.integers(0, len(purposes)))
        purposes.insert(at, ContentItem(label="-", text="Nội dung mới được bổ sung."))
    if len(purposes) > 1 and data.draw(st.booleans()):
        purposes.reverse()
    if purposes and data.draw(st.booleans()):
        purposes[0] = attrs.evolve(purposes[0], text=purposes[0].text + " thêm vài từ")
    new = number_elements(attrs.evolve(plan, purposes=purposes, title=(plan.title or "") + " sửa"))
    assert apply_changes(plan, diff(plan, new)) == new


@settings(max_examples=200, deadline=None)
@given(plans(), plans())
def test_diff_without_positional_ids_still_round_trips(old: Plan, new: Plan) -> None:
    """Plans whose ids were edited by hand: ids are compared like any value."""
    old = attrs.evolve(old, title="x", purposes=[ContentItem(id="mine", text="a")])
    assert apply_changes(old, diff(old, new)) == new
