"""JSON round-trip, schema version, and errors that name the JSON path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

from kehoach_core import PayloadError, Plan, from_json, read, to_dict, to_json
from kehoach_core.testing import plans

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

REQUIRED_KEYS = {
    "schema",
    "issuer",
    "superior_body",
    "number",
    "place",
    "issued_on",
    "title",
    "bases",
    "purposes",
    "requirements",
    "milestones",
    "phases",
    "standing_content",
    "forms",
    "assignments",
    "closing",
    "recipients",
    "signature",
    "footnotes",
    "unparsed",
}


@given(plans())
def test_round_trip_of_any_generated_plan(plan):
    assert from_json(to_json(plan)) == plan


@given(plans())
def test_serialisation_is_deterministic(plan):
    assert to_json(from_json(to_json(plan))) == to_json(plan)


def test_payload_carries_schema_and_documented_keys():
    data = to_dict(Plan())
    assert data["schema"] == "kehoach/1"
    assert set(data) >= REQUIRED_KEYS


def test_nested_keys_are_documented_names():
    text = (EXAMPLES / "superior-tinh-lang-son.json").read_text(encoding="utf-8")
    data = json.loads(text)
    phase = data["phases"][1]
    assert {"id", "label", "window", "content", "subphases"} <= set(phase)
    assert {"id", "label", "text", "children"} <= set(phase["subphases"][0]["content"][0])
    assert {"kind", "title", "content"} <= set(data["forms"][0])
    assert {"bodies", "role", "tasks", "children"} <= set(data["assignments"][0])
    assert {"name", "purpose"} <= set(data["recipients"][0])
    assert {"authority", "on_behalf_of", "title", "signer"} <= set(data["signature"])


@pytest.mark.parametrize(
    ("payload", "path", "message"),
    [
        ({"title": 5}, "$.title", "expected a string"),
        ({"phases": [{"id": 3}]}, "$.phases[0].id", "expected a string"),
        ({"phases": "abc"}, "$.phases", "expected a list"),
        ({"issued_on": "2025-13-01"}, "$.issued_on", "not a valid date"),
        ({"issued_on": "16/5/2025"}, "$.issued_on", "YYYY-MM-DD"),
        ({"colour": "red"}, "$", "unknown keys: colour"),
        ({"milestones": [{"level": "planet"}]}, "$.milestones[0].level", "planet"),
        ({"sections": [{}]}, "$.sections[0].part", "required field missing"),
        (
            {"phases": [{"window": {"start": {"kind": "soon"}, "end": {"kind": "open"}}}]},
            "$.phases[0].window.start",
            "anchor kind",
        ),
        (
            {"phases": [{"content": [{"text": "a"}, {"children": [{"bogus": 1}]}]}]},
            "$.phases[0].content[1].children[0]",
            "bogus",
        ),
    ],
)
def test_bad_payload_names_the_json_path(payload, path, message):
    with pytest.raises(PayloadError) as info:
        from_json(json.dumps({"schema": "kehoach/1", **payload}), source="bad.json")
    assert info.value.path == path
    assert message in str(info.value)
    assert str(info.value).startswith("bad.json: ")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('{"title": "x"}', "expected schema 'kehoach/1'"),
        ('{"schema": "kehoach/2"}', "kehoach/2"),
        ("[1, 2]", "expected a JSON object"),
        ('{"schema": ', "not JSON"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_unusable_json_raises_payload_error(text, fragment):
    with pytest.raises(PayloadError) as info:
        from_json(text)
    assert fragment in str(info.value)


def test_malformed_document_number_is_kept_as_text():
    plan = from_json('{"schema": "kehoach/1", "number": "…….-KH/ĐU"}')
    assert plan.number == "…….-KH/ĐU"


@pytest.mark.parametrize(
    "name", ["superior-tinh-lang-son.json", "subordinate-xa-hoang-van-thu.json"]
)
def test_examples_round_trip_byte_for_byte(name):
    path = EXAMPLES / name
    text = path.read_text(encoding="utf-8")
    plan = read(path)
    assert to_json(plan) == text


def test_example_content_read_by_a_person():
    """Values written by reading examples/superior-tinh-lang-son.json."""
    plan = read(EXAMPLES / "superior-tinh-lang-son.json")
    assert str(plan.number) == "06-KH/TBTT"
    assert [p.ordinal for p in plan.phases] == [1, 2, 3]
    assert [s.label for s in plan.phases[1].subphases] == ["2.1.", "2.2."]
    assert plan.signature is not None
    assert plan.signature.signer == "Nguyễn Văn Minh"
    assert [m.ordinal for m in plan.milestones] == [18, 14]
