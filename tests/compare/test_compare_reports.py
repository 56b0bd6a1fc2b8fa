"""Coverage reports (text, Markdown, JSON, docx) and the ``compare`` verb."""

from __future__ import annotations

import argparse
import json
import zipfile
from pathlib import Path

import pytest

import kehoach_core
from kehoach_core.cli import _compare
from kehoach_core.compare import compare, render_coverage, write_docx_report

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SUP = EXAMPLES / "superior-tinh-lang-son.json"
SUB = EXAMPLES / "subordinate-xa-hoang-van-thu.json"


@pytest.fixture(scope="module")
def coverage():
    return compare(kehoach_core.read(SUP), kehoach_core.read(SUB))


def test_text_report_has_a_line_per_superior_item(coverage):
    text = render_coverage(coverage, "text")
    assert text.startswith("Coverage: ")
    for row in coverage.items:
        assert row.item in text


def test_markdown_report_has_a_table_per_phase(coverage):
    md = render_coverage(coverage, "markdown")
    assert md.count("| superior item | status | subordinate item | score |") == len(
        [s for s in coverage.sections if s.items]
    )
    assert "## Missing forms" in md


def test_json_report_is_valid_json_with_every_item(coverage):
    data = json.loads(render_coverage(coverage, "json"))
    assert data["kind"] == "kehoach/coverage"
    assert [r["item"] for r in data["items"]] == [r.item for r in coverage.items]
    assert {r["status"] for r in data["items"]} <= {"covered", "partial", "missing"}


def test_docx_report_is_a_word_document(coverage, tmp_path: Path):
    out = tmp_path / "coverage.docx"
    write_docx_report(out, coverage)
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "Đợt 1, mục 1" in body  # named as a reader names it (issue 15), not "phase1/1"
    assert "phase1/1" not in body


def test_docx_report_shares_the_official_styling(coverage, tmp_path: Path):
    """Issue 7: reports use the same styling code as the plan writer (A4, Times New Roman)."""
    import docx
    from docx.shared import Mm

    out = tmp_path / "coverage.docx"
    write_docx_report(out, coverage)
    document = docx.Document(str(out))
    section = document.sections[0]
    assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (210, 297)
    assert "KH Body" in {style.name for style in document.styles}
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert 'w:fill="C6EFCE"' in body or 'w:fill="FFEB9C"' in body or 'w:fill="FFC7CE"' in body


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    _compare.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    code: int = args.run(args)
    return code


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_compare_verb_writes_the_report(fmt: str, tmp_path: Path, capsys):
    out = tmp_path / f"report.{fmt}"
    assert _run(["compare", str(SUP), str(SUB), "--format", fmt, "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").strip()
    assert capsys.readouterr().out == ""


def test_compare_verb_prints_to_stdout(capsys):
    assert _run(["compare", str(SUP), str(SUB)]) == 0
    assert capsys.readouterr().out.startswith("Coverage:")


def test_compare_verb_docx_needs_an_output(capsys):
    assert _run(["compare", str(SUP), str(SUB), "--format", "docx"]) == 2
    assert "needs -o" in capsys.readouterr().err
