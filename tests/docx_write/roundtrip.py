"""Helpers of the docx-writer tests: compare plans without what a file cannot keep."""

from __future__ import annotations

import warnings
from typing import Any

import attrs

from kehoach_core import Plan, read
from kehoach_core._elements import Location, Part
from kehoach_core._ids import number_elements
from kehoach_core.docx_io import UnrepresentableWarning, to_docx

__all__ = ["differences", "normalised", "reread", "strip_locations"]


def _strip(value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple(_strip(each) for each in value)
    if attrs.has(type(value)):
        changes = {}
        for field in attrs.fields(type(value)):
            current = getattr(value, field.name)
            if isinstance(current, Location):
                changes[field.name] = None
            elif isinstance(current, tuple) or attrs.has(type(current)):
                changes[field.name] = _strip(current)
        return attrs.evolve(value, **changes) if changes else value
    return value


def strip_locations(plan: Plan) -> Plan:
    """``plan`` with every ``location`` removed and no ``source`` (a file changes both)."""
    stripped: Plan = _strip(plan)
    return attrs.evolve(stripped, source=None)


def normalised(plan: Plan) -> Plan:
    """``strip_locations``, the issuing bodies in capitals (the header prints them so), and
    no header notes (the motto, party name and rules a docx prints are its format's own)."""
    plan = strip_locations(plan)
    return number_elements(
        attrs.evolve(
            plan,
            issuer=plan.issuer.upper() if plan.issuer else plan.issuer,
            superior_body=plan.superior_body.upper() if plan.superior_body else plan.superior_body,
            notes=[note for note in plan.notes if note.part not in (Part.HEADER, Part.PAGE)],
        )
    )


def reread(plan: Plan, format: str = "auto") -> Plan:
    """Write ``plan`` as docx (warnings silenced) and read it back."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnrepresentableWarning)
        data = to_docx(plan, format=format)  # type: ignore[arg-type]
    return read(data, format="docx")


def differences(left: Any, right: Any, path: str = "$") -> list[str]:
    """Where two plans (or parts of them) differ, as ``path: left != right`` lines."""
    if type(left) is not type(right):
        return [f"{path}: {left!r:.80} != {right!r:.80}"]
    if isinstance(left, tuple):
        out = [f"{path}: {len(left)} != {len(right)} elements"] if len(left) != len(right) else []
        for index, (a, b) in enumerate(zip(left, right, strict=False)):
            out += differences(a, b, f"{path}[{index}]")
        return out
    if attrs.has(type(left)):
        out = []
        for field in attrs.fields(type(left)):
            if not field.eq:  # metadata (locations): not part of a plan's content
                continue
            a, b = getattr(left, field.name), getattr(right, field.name)
            if a != b:
                out += differences(a, b, f"{path}.{field.name}")
        return out
    return [] if left == right else [f"{path}: {left!r:.80} != {right!r:.80}"]
