"""The one cattrs converter, and ``to_json`` / ``from_json``.

Nothing else in the package imports cattrs. Simple types first (dates in ISO
8601, enums by value, document numbers as printed), strict scalars (a number is
never silently turned into a string), then the tagged union of anchors, keyed
by ``"kind"``. Extra keys are refused, and every failure becomes a
:class:`PayloadError` naming the JSON path of the bad value.

>>> from kehoach_core import Plan
>>> text = to_json(Plan(title="Tuyên truyền"))
>>> from_json(text) == Plan(title="Tuyên truyền")
True
>>> from_json('{"schema": "kehoach/1", "title": 5}')
Traceback (most recent call last):
...
kehoach_core._errors.PayloadError: $.title: expected a string, got int
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from functools import cache, partial
from typing import TYPE_CHECKING, Any, get_args

import attrs

from ._anchors import Anchor, DateAnchor, IssueDate, MilestoneEdge, Open
from ._elements import Location
from ._errors import PayloadError
from ._model import DigitalSignature, Plan, Signature
from ._numbers import DocumentNumber, parse_number_or_text

if TYPE_CHECKING:  # cattrs loads on first use, keeping `import kehoach_core` light
    import cattrs

__all__ = ["SCHEMA", "from_dict", "from_json", "to_dict", "to_json"]

SCHEMA = "kehoach/1"
"""The schema identifier every payload carries."""

ANCHOR_TAGS: dict[type, str] = {
    DateAnchor: "date",
    IssueDate: "issue_date",
    MilestoneEdge: "milestone",
    Open: "open",
}
"""The ``kind`` tag of each anchor class in JSON."""


class _Invalid(ValueError):
    """A scalar of the wrong JSON type; cattrs attaches the path."""


def _expect(kind: type | tuple[type, ...], name: str, value: Any) -> None:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise _Invalid(f"expected {name}, got {type(value).__name__}")


def _structure_str(value: Any, _: type) -> str:
    _expect(str, "a string", value)
    return str(value)


def _structure_int(value: Any, _: type) -> int:
    _expect(int, "an integer", value)
    return int(value)


def _structure_bool(value: Any, _: type) -> bool:
    _expect(bool, "true or false", value)
    return bool(value)


def _structure_date(value: Any, _: type) -> dt.date:
    _expect(str, "a date (YYYY-MM-DD)", value)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise _Invalid(f"expected a date (YYYY-MM-DD), got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise _Invalid(f"not a valid date: {value!r}") from exc


def _structure_datetime(value: Any, _: type) -> dt.datetime:
    _expect(str, "a date-time (ISO 8601)", value)
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise _Invalid(f"not a valid date-time: {value!r}") from exc


def _structure_number(value: Any, _: type) -> DocumentNumber | str:
    _expect(str, "a document number as printed", value)
    return parse_number_or_text(value)


def _is_number_union(cls: Any) -> bool:
    args = set(get_args(cls))
    return args in ({DocumentNumber, str}, {DocumentNumber, str, type(None)})


def _structure_number_union(value: Any, cls: type) -> DocumentNumber | str | None:
    if value is None and type(None) in get_args(cls):
        return None
    return _structure_number(value, cls)


_TAG_CLASSES = {tag: cls for cls, tag in ANCHOR_TAGS.items()}


def _is_anchor_union(cls: Any) -> bool:
    args = set(get_args(cls)) - {type(None)}
    return bool(args) and args <= set(ANCHOR_TAGS)


def _structure_anchor(conv: cattrs.Converter, value: Any, cls: Any) -> Anchor | None:
    if value is None and type(None) in get_args(cls):
        return None
    _expect(Mapping, "an anchor object", value)
    tag = value.get("kind")
    anchor_cls = _TAG_CLASSES.get(tag) if isinstance(tag, str) else None
    if anchor_cls is None:
        raise _Invalid(f"anchor kind must be one of {', '.join(_TAG_CLASSES)}, got {tag!r}")
    fields = {key: item for key, item in value.items() if key != "kind"}
    anchor: Anchor = conv.structure(fields, anchor_cls)
    return anchor


def _unstructure_anchor(conv: cattrs.Converter, value: Anchor | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"kind": ANCHOR_TAGS[type(value)], **conv.unstructure(value, type(value))}


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = get_args(cls)
    return getattr(cls, "__origin__", None) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(cls: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    import cattrs
    from cattrs.errors import IterableValidationNote

    member = get_args(cls)[0]
    handler = converter.get_structure_hook(member)

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        _expect(list, "a list", value)
        out = []
        errors = []
        for index, item in enumerate(value):
            try:
                out.append(handler(item, member))
            except Exception as exc:  # re-raised below with its index, as cattrs does
                note = IterableValidationNote(f"Structuring {cls} @ index {index}", index, member)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                errors.append(exc)
        if errors:
            raise cattrs.IterableValidationError("bad list members", errors, cls)
        return tuple(out)

    return structure


def _attrs_hook_factory(cls: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    import cattrs.gen

    inner = cattrs.gen.make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)

    def structure(value: Any, _: Any) -> Any:
        _expect(Mapping, "an object", value)
        return inner(value, cls)

    return structure


def _unstructure_location(value: Location) -> dict[str, Any]:
    """A location with only what is known: no empty source map, no unknown columns."""
    out: dict[str, Any] = {"line": value.line, "end_line": value.end_line}
    if value.column is not None:
        out["column"] = value.column
    if value.end_column is not None:
        out["end_column"] = value.end_column
    if value.starts:
        out["starts"] = [
            {"offset": s.offset, "line": s.line, "column": s.column} for s in value.starts
        ]
    if value.page is not None:
        out["page"] = value.page
    if value.page_line is not None:
        out["page_line"] = value.page_line
    return out


_NEW_DIGITAL = (
    "organization",
    "certificate_issuer",
    "field",
    "intact",
    "valid",
    "covers_whole_file",
    "modified_after",
    "trusted",
)


def _unstructure_digital(
    inner: Callable[[Any], dict[str, Any]], value: DigitalSignature
) -> dict[str, Any]:
    """A digital signature; what only a PDF signature has is written when known."""
    out = inner(value)
    if out.get("origin") == "trailer":
        out.pop("origin")
    for key in _NEW_DIGITAL:
        if out.get(key) is None:
            out.pop(key, None)
    return out


def _unstructure_signature(
    inner: Callable[[Any], dict[str, Any]], value: Signature
) -> dict[str, Any]:
    out = inner(value)
    if not out.get("other_digital"):
        out.pop("other_digital", None)
    return out


@cache
def converter() -> cattrs.Converter:
    """Build the converter once; never touches ``cattrs.global_converter``."""
    import cattrs
    import cattrs.gen

    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(dt.datetime, _structure_datetime)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
    conv.register_unstructure_hook(DocumentNumber, str)
    conv.register_structure_hook(DocumentNumber, _structure_number)
    conv.register_structure_hook_func(_is_number_union, _structure_number_union)
    conv.register_unstructure_hook_func(
        _is_number_union, lambda value: None if value is None else str(value)
    )
    conv.register_unstructure_hook(Location, _unstructure_location)
    digital = cattrs.gen.make_dict_unstructure_fn(DigitalSignature, conv)
    conv.register_unstructure_hook(DigitalSignature, partial(_unstructure_digital, digital))
    signature = cattrs.gen.make_dict_unstructure_fn(Signature, conv)
    conv.register_unstructure_hook(Signature, partial(_unstructure_signature, signature))
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook_factory)
    conv.register_structure_hook_factory(attrs.has, _attrs_hook_factory)
    conv.register_structure_hook_func(_is_anchor_union, partial(_structure_anchor, conv))
    conv.register_unstructure_hook_func(_is_anchor_union, partial(_unstructure_anchor, conv))
    return conv


_PATH_RE = re.compile(r"^(?P<message>.*?) @ (?P<path>\$.*)$")


def _payload_error(exc: Exception, source: str | None) -> PayloadError:
    import cattrs

    messages = cattrs.transform_error(exc, path="$", format_exception=_describe)
    first = messages[0] if messages else str(exc)
    match = _PATH_RE.match(first)
    message, path = (match["message"], match["path"]) if match else (first, None)
    if len(messages) > 1:
        message += f" (and {len(messages) - 1} more)"
    return PayloadError(message, source=source, path=path)


def _describe(exc: BaseException, type_: Any) -> str:
    import cattrs
    import cattrs.v

    if isinstance(exc, _Invalid):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown keys: {', '.join(sorted(exc.extra_fields))}"
    if isinstance(exc, ValueError | TypeError):
        return f"invalid value: {exc}"
    return cattrs.v.format_exception(exc, type_)


def to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as a JSON-ready dict, ``"schema"`` first."""
    body: dict[str, Any] = converter().unstructure(plan, Plan)
    if not body.get("header_locations"):
        body.pop("header_locations", None)
    for key in ("furniture", "pages", "reader_notes"):
        if not body.get(key):
            body.pop(key, None)
    return {"schema": SCHEMA, **body}


def from_dict(data: Any, *, source: str | None = None) -> Plan:
    """Build a plan from a decoded payload; raises :class:`PayloadError` with the JSON path."""
    if not isinstance(data, Mapping):
        raise PayloadError(
            f"expected a JSON object, got {type(data).__name__}", source=source, path="$"
        )
    schema = data.get("schema")
    if schema != SCHEMA:
        raise PayloadError(
            f"expected schema {SCHEMA!r}, got {schema!r}", source=source, path="$.schema"
        )
    body = {key: value for key, value in data.items() if key != "schema"}
    try:
        plan: Plan = converter().structure(body, Plan)
    except RecursionError as exc:
        raise PayloadError("nested too deeply", source=source, path="$") from exc
    except Exception as exc:  # cattrs groups what it found; we report the first with its path
        raise _payload_error(exc, source) from exc
    return plan


def to_json(plan: Plan, *, indent: int | None = 2) -> str:
    """Serialise a plan as ``kehoach/1`` JSON (UTF-8 text, diacritics kept)."""
    return json.dumps(to_dict(plan), ensure_ascii=False, indent=indent) + "\n"


def from_json(text: str | bytes, *, source: str | None = None) -> Plan:
    """Parse ``kehoach/1`` JSON into a plan; raises :class:`PayloadError` on any defect."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PayloadError(
            f"not JSON: {exc.msg} at column {exc.colno}", source=source, line=exc.lineno
        ) from exc
    except UnicodeDecodeError as exc:
        raise PayloadError("not UTF-8 JSON", source=source) from exc
    except RecursionError as exc:
        raise PayloadError("nested too deeply", source=source, path="$") from exc
    except ValueError as exc:  # an integer too long to convert (over 4,300 digits)
        raise PayloadError(f"not usable JSON: {exc}".split(";")[0], source=source) from exc
    return from_dict(data, source=source)
