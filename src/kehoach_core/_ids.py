"""Stable ids derived from position.

Diff and calendar export key on these ids, so they depend only on where an
element stands in the plan, never on its text. The scheme:

=====================  ==============================================
element                id
=====================  ==============================================
phase, sub-phase       ``phase2``, ``phase2.1``
item in a phase        ``phase2.1/3``; its children ``phase2.1/3.1``
purposes, requirements ``purposes/1``, ``requirements/2``
standing content       ``standing/4``
preamble, closing      ``preamble/1``, ``closing/1``
form and its items     ``form3``, ``form3/2``
assignment, nested     ``assignment1``, ``assignment1.2``; tasks ``assignment1.2/4``
others                 ``basis1``, ``milestone1``, ``anniversary1``, ``recipient1``,
                       ``footnote1``, ``section1``, ``note1``, ``unparsed1``
=====================  ==============================================

Numbers count from 1 in document order. Milestone ids are renumbered and the
anchors that point at them follow.

>>> from kehoach_core import Plan, Phase, ContentItem
>>> plan = number_elements(Plan(phases=[Phase(content=[ContentItem(text="a"), ContentItem(
...     text="b", children=[ContentItem(text="c")])], subphases=[Phase()])]))
>>> [i.id for i in plan.phases[0].content[1].walk()], plan.phases[0].subphases[0].id
(['phase1/2', 'phase1/2.1'], 'phase1.1')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

import attrs

from ._anchors import Anchor, MilestoneEdge, Window
from ._elements import ContentItem
from ._model import Assignment, Phase, Plan

__all__ = ["number_elements"]

T = TypeVar("T")


def _items(items: Iterable[ContentItem], prefix: str, remap: dict[str, str]) -> list[ContentItem]:
    out = []
    for n, item in enumerate(items, 1):
        item_id = f"{prefix}{n}"
        children = _items(item.children, f"{item_id}.", remap)
        out.append(
            attrs.evolve(
                item,
                id=item_id,
                children=children,
                due=None if item.due is None else _anchor(item.due, remap),
            )
        )
    return out


def _anchor(anchor: Anchor, remap: dict[str, str]) -> Anchor:
    if isinstance(anchor, MilestoneEdge) and anchor.milestone in remap:
        return attrs.evolve(anchor, milestone=remap[anchor.milestone])
    return anchor


def _window(window: Window | None, remap: dict[str, str]) -> Window | None:
    if window is None:
        return None
    return attrs.evolve(window, start=_anchor(window.start, remap), end=_anchor(window.end, remap))


def _phase(phase: Phase, phase_id: str, remap: dict[str, str]) -> Phase:
    return attrs.evolve(
        phase,
        id=phase_id,
        window=_window(phase.window, remap),
        content=_items(phase.content, f"{phase_id}/", remap),
        subphases=[
            _phase(sub, f"{phase_id}.{n}", remap) for n, sub in enumerate(phase.subphases, 1)
        ],
    )


def _assignment(assignment: Assignment, assignment_id: str, remap: dict[str, str]) -> Assignment:
    return attrs.evolve(
        assignment,
        id=assignment_id,
        tasks=_items(assignment.tasks, f"{assignment_id}/", remap),
        children=[
            _assignment(child, f"{assignment_id}.{n}", remap)
            for n, child in enumerate(assignment.children, 1)
        ],
    )


def _simple(elements: Sequence[T], stem: str) -> list[T]:
    evolve: Any = attrs.evolve  # every element class has an ``id`` field
    return [evolve(e, id=f"{stem}{n}") for n, e in enumerate(elements, 1)]


def number_elements(plan: Plan) -> Plan:
    """Give every element of ``plan`` its positional id (a new plan; the old is unchanged)."""
    remap: dict[str, str] = {}
    milestones = []
    for n, milestone in enumerate(plan.milestones, 1):
        new_id = f"milestone{n}"
        if milestone.id and milestone.id not in remap:
            remap[milestone.id] = new_id
        milestones.append(attrs.evolve(milestone, id=new_id))
    result = attrs.evolve(
        plan,
        preamble=_items(plan.preamble, "preamble/", remap),
        bases=_simple(plan.bases, "basis"),
        purposes=_items(plan.purposes, "purposes/", remap),
        requirements=_items(plan.requirements, "requirements/", remap),
        milestones=milestones,
        anniversaries=_simple(plan.anniversaries, "anniversary"),
        phases=[_phase(p, f"phase{n}", remap) for n, p in enumerate(plan.phases, 1)],
        standing_content=_items(plan.standing_content, "standing/", remap),
        forms=[
            attrs.evolve(f, id=f"form{n}", content=_items(f.content, f"form{n}/", remap))
            for n, f in enumerate(plan.forms, 1)
        ],
        assignments=[
            _assignment(a, f"assignment{n}", remap) for n, a in enumerate(plan.assignments, 1)
        ],
        closing=_items(plan.closing, "closing/", remap),
        recipients=_simple(plan.recipients, "recipient"),
        footnotes=_simple(plan.footnotes, "footnote"),
        sections=_simple(plan.sections, "section"),
        notes=_simple(plan.notes, "note"),
        unparsed=_simple(plan.unparsed, "unparsed"),
        furniture=_simple(plan.furniture, "page"),
    )
    return result
