"""Edits written into a docx as Word's own tracked changes (``docx_io.track_changes``)."""

from __future__ import annotations

import copy
import datetime as dt
import io
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach_core import InputError
from kehoach_core.docx_io import (
    Edit,
    TrackedEditError,
    docx_to_document,
    paragraph_texts,
    track_changes,
)

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
PLAN = CORPUS / "xa-pho-bang-tuyen-quang-2025-tieu-ban-tuyen-truyen-bau-cu.docx"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = pytest.mark.skipif(not PLAN.exists(), reason=f"corpus plan {PLAN} not present")


@pytest.fixture(scope="module")
def original() -> bytes:
    return PLAN.read_bytes()


@pytest.fixture(scope="module")
def texts(original: bytes) -> list[str]:
    return paragraph_texts(original)


def _resolved(data: bytes, *, accept: bool) -> list[str]:
    """Open ``data`` with python-docx, accept or reject every revision by hand, and
    read the paragraphs back (through a save, so nothing of ours interprets revisions)."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    drop, keep = (qn("w:del"), qn("w:ins")) if accept else (qn("w:ins"), qn("w:del"))
    for element in list(body.iter(drop)):
        if element.getparent().tag != qn("w:rPr"):
            element.getparent().remove(element)
    for element in list(body.iter(keep)):
        parent = element.getparent()
        if parent.tag == qn("w:rPr"):
            continue
        for text in element.iter(qn("w:delText")):
            text.tag = qn("w:t")
        index = parent.index(element)
        for offset, child in enumerate(list(element)):
            parent.insert(index + offset, child)
        parent.remove(element)
    assert not list(body.iter(qn("w:delText")))
    buffer = io.BytesIO()
    document.save(buffer)
    return paragraph_texts(buffer.getvalue())


def _applied(texts: list[str], edits: list[Edit]) -> list[str]:
    out = list(texts)
    for edit in sorted(edits, key=lambda e: (e.paragraph, e.start), reverse=True):
        line = out[edit.paragraph - 1]
        out[edit.paragraph - 1] = line[: edit.start] + edit.text + line[edit.end :]
    return out


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_paragraph_texts_number_paragraphs_as_the_reader_does(original, texts):
    lines = docx_to_document(original).lines
    assert lines
    same = [
        line
        for line in lines
        if unicodedata.normalize("NFC", texts[line.line - 1]).strip() == line.text
    ]
    assert len(same) >= len(lines) - 2  # footnote markers are the reader's own


def test_accepting_gives_the_edited_text_and_rejecting_the_original(original, texts):
    index = next(i for i, t in enumerate(texts, 1) if t.startswith("- Tuyên truyền sâu rộng"))
    edits = [
        Edit(index, 2, 14, "Vận động", old="Tuyên truyền", comment="KH301"),
        Edit(index, 20, 20, "kịp thời, "),
        Edit(index + 1, 0, 2, ""),
    ]
    out = track_changes(original, edits, date=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC))
    assert _resolved(out, accept=True) == _applied(texts, edits)
    assert _resolved(out, accept=False) == texts
    assert paragraph_texts(out) == _applied(texts, edits)
    assert paragraph_texts(out, accept=False) == texts
    body = _entries(out)["word/document.xml"].decode("utf-8")
    assert 'w:author="kehoach"' in body
    assert 'w:date="2026-01-02T03:04:05Z"' in body


def test_only_the_document_and_the_comment_parts_change(original, texts):
    index = texts.index("1. Mục đích") + 1
    before = _entries(original)
    plain = _entries(track_changes(original, [Edit(index, 3, 11, "Ý nghĩa")]))
    assert plain.keys() == before.keys()
    assert [n for n in before if before[n] != plain[n]] == ["word/document.xml"]
    commented = _entries(track_changes(original, [Edit(index, 3, 11, "Ý nghĩa", comment="KH1")]))
    changed = {n for n in commented if before.get(n) != commented[n]}
    assert changed <= {
        "word/document.xml",
        "word/comments.xml",
        "word/_rels/document.xml.rels",
        "[Content_Types].xml",
    }
    assert "KH1" in commented["word/comments.xml"].decode("utf-8")
    document = docx.Document(io.BytesIO(track_changes(original, [Edit(index, 0, 1, "")])))
    assert document.paragraphs


def test_runs_keep_their_properties_when_split(original, texts):
    index = texts.index("1. Mục đích") + 1
    out = track_changes(original, [Edit(index, 3, 6, "Ý")])
    document = docx.Document(io.BytesIO(out))
    paragraph = next(p for p in document.paragraphs if p._p.xpath(".//w:del"))
    runs = paragraph._p.xpath(".//w:r")
    assert len(runs) >= 3
    assert all(run.find(qn("w:rPr")) is not None for run in runs) or all(
        run.find(qn("w:rPr")) is None for run in runs
    )


def test_reverse_marks_the_span_inserted_and_puts_the_old_text_back(original, texts):
    index = texts.index("1. Mục đích") + 1
    out = track_changes(original, [Edit(index, 3, 11, "Ý nghĩa", reverse=True)])
    assert paragraph_texts(out)[index - 1] == texts[index - 1]
    assert paragraph_texts(out, accept=False)[index - 1] == "1. Ý nghĩa"


def test_an_edit_that_does_not_match_is_an_input_error(original, texts):
    index = texts.index("1. Mục đích") + 1
    with pytest.raises(TrackedEditError, match="does not hold"):
        track_changes(original, [Edit(index, 3, 11, "x", old="Yêu cầu")])
    with pytest.raises(InputError, match="no paragraph"):
        track_changes(original, [Edit(100_000, 0, 1, "x")])
    with pytest.raises(InputError, match="beyond"):
        track_changes(original, [Edit(index, 3, 500, "x")])
    with pytest.raises(InputError, match="overlap"):
        track_changes(original, [Edit(index, 0, 5, "x"), Edit(index, 4, 6, "y")])


def test_old_text_moves_the_span_to_where_it_is(original, texts):
    index = texts.index("1. Mục đích") + 1
    out = track_changes(original, [Edit(index, 0, 8, "Ý nghĩa", old="Mục đích")])
    assert paragraph_texts(out)[index - 1] == "1. Ý nghĩa"


@st.composite
def _edits(draw: st.DrawFn, texts: list[str]) -> list[Edit]:
    candidates = [i for i, t in enumerate(texts, 1) if t]
    chosen = draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=5, unique=True))
    words = st.text(alphabet="aăâbcdđeêiouơưyÀỆỮ .,\t", max_size=12)
    edits = []
    for index in chosen:
        size = len(texts[index - 1])
        cuts = sorted(draw(st.lists(st.integers(0, size), min_size=2, max_size=6, unique=True)))
        for start, end in zip(cuts[::2], cuts[1::2], strict=False):
            text = draw(words)
            if start == end and not text:
                continue
            edits.append(Edit(index, start, end, text))
    return edits or [Edit(candidates[0], 0, 0, "x")]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_edits_accept_to_the_edit_and_reject_to_the_original(original, texts, data):
    edits = data.draw(_edits(texts))
    out = track_changes(original, edits)
    expected = _applied(texts, edits)
    assert _resolved(out, accept=True) == [t.replace("\t", " ") for t in expected]
    assert _resolved(out, accept=False) == texts
    before, after = _entries(original), _entries(out)
    assert [n for n in before if before[n] != after[n]] == ["word/document.xml"]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_the_revised_document(original, texts, tmp_path: Path):
    index = texts.index("1. Mục đích") + 1
    path = tmp_path / "revised.docx"
    path.write_bytes(
        track_changes(original, [Edit(index, 3, 11, "Ý nghĩa, yêu cầu", comment="KH301")])
    )
    subprocess.run(
        [
            str(SOFFICE),
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'lo'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "revised.pdf"
    assert pdf.exists()
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_input_can_be_a_path(texts):
    out = track_changes(PLAN, [Edit(texts.index("1. Mục đích") + 1, 0, 0, "* ")])
    assert copy.copy(paragraph_texts(out))[texts.index("1. Mục đích")] == "* 1. Mục đích"
