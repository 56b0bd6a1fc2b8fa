"""The JSON Schema (draft 2020-12) of the ``kehoach/1`` format, generated from the model.

The schema is derived from the attrs classes and the same rules the converter
follows (dates as ISO strings, enums by value, document numbers as printed,
anchors tagged by ``kind``), so it cannot drift from what ``to_json`` writes; a
test keeps ``docs/kehoach-1.schema.json`` equal to it.

>>> schema = json_schema()
>>> schema["properties"]["schema"]
{'const': 'kehoach/1'}
>>> sorted(schema["$defs"]["Recipient"]["properties"])
['id', 'location', 'name', 'purpose', 'text']
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import types
import typing
from typing import Any

import attrs

from ._anchors import DateAnchor, IssueDate, MilestoneEdge, Open
from ._converter import ANCHOR_TAGS, SCHEMA
from ._model import Plan
from ._numbers import DocumentNumber

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID = "https://kehoach-core.invalid/schema/kehoach-1.schema.json"
"""The ``$id`` of the schema (a name, not a place to fetch it from)."""

_ANCHORS = (DateAnchor, IssueDate, MilestoneEdge, Open)


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder against recursion
            self.defs[name] = self.enum(cls) if issubclass(cls, enum.Enum) else self.object(cls)
        return {"$ref": f"#/$defs/{name}"}

    def enum(self, cls: type[enum.Enum]) -> dict[str, Any]:
        return {"description": _doc(cls), "enum": [member.value for member in cls]}

    def object(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if cls in _ANCHORS:
            properties["kind"] = {"const": ANCHOR_TAGS[cls]}
            required.append("kind")
        for field in attrs.fields(cls):
            properties[field.name] = self.type(hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(field.name)
        out: dict[str, Any] = {
            "description": _doc(cls),
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            out["required"] = required
        return out

    def type(self, hint: Any) -> dict[str, Any]:
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin in (types.UnionType, typing.Union):
            members = [a for a in args if a is not type(None)]
            nullable = len(members) < len(args)
            if set(members) == {DocumentNumber, str}:
                inner: dict[str, Any] = {
                    "type": "string",
                    "description": "a document number as printed (06-KH/TBTT, 805/KH-SVHTTDL)",
                }
            elif set(members) <= set(_ANCHORS):
                inner = {"oneOf": [self.ref(a) for a in members]}
            elif len(members) == 1:
                inner = self.type(members[0])
            else:
                inner = {"anyOf": [self.type(a) for a in members]}
            return {"anyOf": [inner, {"type": "null"}]} if nullable else inner
        if origin is tuple:
            return {"type": "array", "items": self.type(args[0])}
        if origin is dict:
            return {"type": "object", "additionalProperties": self.type(args[1])}
        if hint is str:
            return {"type": "string"}
        if hint is bool:
            return {"type": "boolean"}
        if hint is int:
            return {"type": "integer"}
        if hint is dt.datetime:
            return {"type": "string", "format": "date-time"}
        if hint is dt.date:
            return {"type": "string", "format": "date"}
        if hint is DocumentNumber:
            return {"type": "string"}
        if inspect.isclass(hint) and (attrs.has(hint) or issubclass(hint, enum.Enum)):
            return self.ref(hint)
        raise TypeError(f"no JSON Schema rule for {hint!r}")  # pragma: no cover


def _doc(cls: type) -> str:
    return (inspect.getdoc(cls) or cls.__name__).split("\n\n")[0].replace("\n", " ")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a ``kehoach/1`` payload, as a dict ready for ``json.dumps``."""
    builder = _Builder()
    plan = builder.object(Plan)
    plan["properties"] = {"schema": {"const": SCHEMA}, **plan["properties"]}
    plan["required"] = ["schema", *plan.get("required", [])]
    builder.ref(Plan)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "kehoach/1: a Vietnamese administrative plan (Kế hoạch)",
        **{k: v for k, v in plan.items() if k != "description"},
        "description": plan["description"],
        "$defs": dict(sorted((k, v) for k, v in builder.defs.items() if k != "Plan")),
    }
