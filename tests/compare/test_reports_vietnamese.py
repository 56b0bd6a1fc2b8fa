"""Issue 15: a Vietnamese reviewer reads the docx reports without meeting an English
word or an internal id, and the reports share one style (title centred, summary
first, header rows repeated, rows not split)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import attrs
import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

import kehoach_core
from kehoach_core.compare import (
    changes_docx,
    compare,
    coverage_docx,
    diff,
    tracked_diff_docx,
)
from kehoach_core.docx_io import paragraph_texts
from kehoach_core.validate import to_docx, validate

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
PLANS = (
    sorted(p for p in CORPUS.glob("*") if p.suffix in (".txt", ".docx")) if CORPUS.exists() else []
)
SUPERIOR = CORPUS / "quan-cai-rang-can-tho-2024.txt"
SUBORDINATES = [
    CORPUS / "xa-kien-moc-lang-son-2025.txt",
    CORPUS / "xa-lien-minh-lao-cai-2025-mau.txt",
]
PHO_BANG = CORPUS / "xa-pho-bang-tuyen-quang-2025-tieu-ban-tuyen-truyen-bau-cu"

pytestmark = pytest.mark.skipif(not PLANS, reason=f"corpus {CORPUS} not present")

ENGLISH = ("warning", "error", "Coverage", "covered", "partial", "missing", "info")
ENGLISH_RE = re.compile(r"\b(?:" + "|".join(ENGLISH) + r")\b", re.IGNORECASE)
IDS_RE = re.compile(
    r"\b(?:phase\d|(?:purposes|requirements|standing|preamble|closing)/\d|"
    r"(?:assignment|form|basis|milestone|anniversary|recipient|footnote|section|note|unparsed)\d)"
    r"|\$[.\[]"
)


def _all_text(data: bytes) -> str:
    """Every text of the report: paragraphs, table cells (nested too), comments."""
    document = docx.Document(io.BytesIO(data))
    texts = [
        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.iter(qn("w:p"))
    ]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "word/comments.xml" in archive.namelist():
            texts.append(archive.read("word/comments.xml").decode("utf-8"))
    return "\n".join(texts)


def _assert_readable(data: bytes, *, plan_texts: str = "") -> None:
    text = _all_text(data)
    english = sorted(
        {m.group(0) for m in ENGLISH_RE.finditer(text)} - set(ENGLISH_RE.findall(plan_texts))
    )
    assert not english, f"English words in a Vietnamese report: {english}"
    ids = sorted({m.group(0) for m in IDS_RE.finditer(text)})
    assert not ids, f"internal ids or JSON paths in the report: {ids}"


def _alignment(paragraph):
    """The paragraph's alignment, its own or its style's (LEFT is 0, so no ``or``)."""
    own = paragraph.paragraph_format.alignment
    return own if own is not None else paragraph.style.paragraph_format.alignment


def _assert_style(data: bytes) -> None:
    document = docx.Document(io.BytesIO(data))
    first = next(p for p in document.paragraphs if p.text.strip())
    assert _alignment(first) == WD_ALIGN_PARAGRAPH.CENTER
    for paragraph in document.paragraphs:
        if _alignment(paragraph) == WD_ALIGN_PARAGRAPH.JUSTIFY:
            pytest.fail(f"a justified line in a report: {paragraph.text!r}")
    assert document.tables, "a report has at least its summary table"
    summary = document.tables[0]
    assert summary.rows[0].cells[1].text in ("Số lượng", "Count")
    for table in document.tables:
        rows = table._tbl.findall(qn("w:tr"))
        assert rows[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        assert all(row.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for row in rows)


@pytest.fixture(scope="module")
def reports():
    return [validate(kehoach_core.read(path)) for path in PLANS]


def test_validation_reports_of_every_corpus_plan_read_in_vietnamese(reports):
    for report in reports:
        data = to_docx(report)
        _assert_readable(data)
        _assert_style(data)
    batch = to_docx(reports)
    _assert_readable(batch)
    text = _all_text(batch)
    assert "Lỗi" in text
    assert "Cảnh báo" in text


def test_validation_report_title_names_the_plan(reports):
    report = next(r for r in reports if "pho-bang" in (r.source or "") and r.plan)
    document = docx.Document(io.BytesIO(to_docx(report)))
    heads = [p.text for p in document.paragraphs[:4]]
    assert heads[0] == "KẾT QUẢ KIỂM TRA KẾ HOẠCH"
    assert any("Kế hoạch số 01/KH-TBTTKT" in h and "10/12/2025" in h for h in heads)


def test_validation_report_in_english_on_request(reports):
    text = _all_text(to_docx(reports[0], lang="en"))
    assert "PLAN CHECK REPORT" in text
    assert "Summary" in text


@pytest.mark.parametrize("subordinate", SUBORDINATES, ids=lambda p: p.stem)
def test_comparison_report_reads_in_vietnamese(subordinate):
    superior, sub = kehoach_core.read(SUPERIOR), kehoach_core.read(subordinate)
    data = coverage_docx(compare(superior, sub), superior=superior, subordinate=sub)
    _assert_readable(data)
    _assert_style(data)
    text = _all_text(data)
    assert "Kế hoạch cấp trên: Kế hoạch của Ban Thường vụ Quận ủy" in text
    assert "Kế hoạch cấp dưới:" in text
    assert "Mức độ triển khai chung" in text
    assert re.search(r"Đã có|Có một phần|Chưa có", text)


def test_diff_reports_read_in_vietnamese():
    old = kehoach_core.read(PHO_BANG.with_suffix(".txt"))
    new = kehoach_core.read(PHO_BANG.with_suffix(".docx"))
    changes = diff(old, new)
    table = changes_docx(changes, old=old, new=new)
    _assert_readable(table)
    _assert_style(table)
    new_docx = PHO_BANG.with_suffix(".docx").read_bytes()
    tracked = tracked_diff_docx(old, new, changes, new_docx=new_docx)
    _assert_readable(tracked, plan_texts="\n".join(paragraph_texts(new_docx)))


def test_tracked_diff_accepts_to_the_new_version_and_rejects_to_the_old():
    old = kehoach_core.read(PHO_BANG.with_suffix(".docx"))
    phase = old.phases[0]
    items = list(phase.content)
    first_old = items[0].text
    items[0] = attrs.evolve(items[0], text=first_old.replace("Tuyên truyền", "Vận động", 1))
    removed = items.pop(1)
    items.append(kehoach_core.ContentItem(label="-", text="Một ý mới được thêm vào kế hoạch."))
    new = attrs.evolve(old, phases=[attrs.evolve(phase, content=items), *old.phases[1:]])
    data = tracked_diff_docx(old, new)
    accepted, rejected = paragraph_texts(data), paragraph_texts(data, accept=False)
    assert any(items[0].text in t for t in accepted)
    assert not any(first_old in t for t in accepted)
    assert any(first_old in t for t in rejected)
    assert any(removed.text in t for t in rejected)
    assert not any(removed.text in t for t in accepted)
    assert any("Một ý mới được thêm vào kế hoạch." in t for t in accepted)
    assert not any("Một ý mới được thêm vào kế hoạch." in t for t in rejected)
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert "<w:ins " in body
    assert "<w:del " in body
    assert "w:strike" not in body


def _cli(module, argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser()
    module.register(parser.add_subparsers())
    verb = module.__name__.rsplit("_", 1)[-1]
    args = parser.parse_args([verb, *argv])
    code: int = args.run(args)
    return code


@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_diff_verb_writes_tracked_changes(tmp_path: Path, suffix: str):
    from kehoach_core.cli import _diff

    out = tmp_path / "changes.docx"
    old = PHO_BANG.with_suffix(".txt" if suffix == ".docx" else ".docx")
    assert _cli(_diff, [str(old), str(PHO_BANG.with_suffix(suffix)), "--docx", str(out)]) == 0
    assert paragraph_texts(out)
    _assert_readable(out.read_bytes(), plan_texts="\n".join(paragraph_texts(out)))
    table = tmp_path / "table.docx"
    argv = [str(old), str(PHO_BANG.with_suffix(suffix)), "--docx", str(table)]
    assert _cli(_diff, [*argv, "--docx-kind", "table", "--lang", "en"]) == 0
    assert "CHANGES BETWEEN TWO VERSIONS" in _all_text(table.read_bytes())


def test_compare_verb_takes_lang(tmp_path: Path):
    from kehoach_core.cli import _compare

    out = tmp_path / "coverage.docx"
    argv = [str(SUPERIOR), str(SUBORDINATES[0]), "--format", "docx", "-o", str(out)]
    assert _cli(_compare, [*argv, "--lang", "en"]) == 0
    assert "Superior plan:" in _all_text(out.read_bytes())
    assert _cli(_compare, argv) == 0
    _assert_readable(out.read_bytes())
