"""The JSON Schema in docs/ is current, valid, and accepts real payloads."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings

from kehoach_core import to_dict
from kehoach_core._jsonschema import json_schema
from kehoach_core.testing import plans

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

SCHEMA_FILE = ROOT / "docs" / "kehoach-1.schema.json"


def test_schema_file_is_current():
    """Regenerate with: python -m kehoach_core schema -o docs/kehoach-1.schema.json"""
    on_disk = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert on_disk == json_schema()


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize(
    "name", ["superior-tinh-lang-son.json", "subordinate-xa-hoang-van-thu.json"]
)
def test_examples_validate(name):
    data = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    jsonschema.validate(data, json_schema())


@settings(max_examples=200)
@given(plans())
def test_every_generated_payload_validates(plan):
    jsonschema.validate(to_dict(plan), json_schema())


def test_schema_rejects_an_unknown_key():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"schema": "kehoach/1", "colour": "red"}, json_schema())
