"""Legacy Word ``.doc``: read through LibreOffice, or refused with our own error."""

from __future__ import annotations

import os
import shutil
import stat
import time
from pathlib import Path

import pytest

import kehoach_core as kh
from kehoach_core import InputError
from kehoach_core._reading import _sniff, legacy_doc, read
from kehoach_core._reading.legacy_doc import CONVERTED_NOTE, doc_to_docx
from kehoach_core.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DOC = FIXTURES / "pho-bang.doc"
DOCX_NAME = "xa-pho-bang-tuyen-quang-2025-tieu-ban-tuyen-truyen-bau-cu.docx"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="LibreOffice (soffice) is not installed: .doc files cannot be converted",
)
posix_only = pytest.mark.skipif(os.name != "posix", reason="fake LibreOffice is a shell script")


def _no_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(legacy_doc.shutil, "which", lambda name, *a, **k: None)


def _fake_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    program = tmp_path / "soffice"
    program.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(legacy_doc, "find_libreoffice", lambda: str(program))


def test_ole_bytes_are_sniffed_as_doc_and_an_encrypted_docx_stays_docx():
    assert _sniff(OLE + bytes(600)) == "doc"
    encrypted = OLE + bytes(504) + "EncryptedPackage".encode("utf-16-le")
    assert _sniff(encrypted) == "docx"
    assert _sniff(b"PK\x03\x04" + bytes(30)) == "docx"


@pytest.mark.corpus
@needs_libreoffice
def test_doc_reads_to_the_same_plan_as_the_docx_it_was_saved_from(corpus_dir):
    from_doc = read(DOC)
    from_docx = read(corpus_dir / DOCX_NAME)
    assert from_doc == from_docx  # the conversion note is metadata, like the source
    assert from_doc.source == str(DOC)
    assert from_doc.reader_notes == (CONVERTED_NOTE,)
    assert from_docx.reader_notes == ()
    assert kh.to_dict(from_doc)["reader_notes"] == [CONVERTED_NOTE]


@needs_libreoffice
def test_doc_bytes_without_a_name_are_recognised_and_converted():
    plan = read(DOC.read_bytes())
    assert plan.title is not None
    assert "Phố Bảng" in plan.title
    assert CONVERTED_NOTE in plan.reader_notes


def test_without_libreoffice_the_error_is_ours_and_names_libreoffice(monkeypatch):
    _no_libreoffice(monkeypatch)
    with pytest.raises(InputError) as info:
        read(DOC)
    message = str(info.value)
    assert "LibreOffice is needed" in message
    assert "save the file as .docx" in message
    assert info.value.source == str(DOC)
    with pytest.raises(InputError, match="LibreOffice"):
        read(DOC.read_bytes())


@pytest.mark.corpus
def test_a_docx_named_doc_is_read_without_libreoffice(monkeypatch, tmp_path, corpus_dir):
    _no_libreoffice(monkeypatch)
    renamed = tmp_path / "plan.doc"
    renamed.write_bytes((corpus_dir / DOCX_NAME).read_bytes())
    plan = read(renamed)
    assert plan == read(corpus_dir / DOCX_NAME)
    assert not plan.reader_notes


def test_a_doc_that_is_no_word_file_is_refused_before_libreoffice(monkeypatch, tmp_path):
    monkeypatch.setattr(legacy_doc, "find_libreoffice", lambda: pytest.fail("must not run"))
    path = tmp_path / "plan.doc"
    path.write_bytes(b"KE HOACH tuyen truyen\n" * 10)
    with pytest.raises(InputError, match=r"not a Word \.doc file") as info:
        read(path)
    assert "plan.doc" in str(info.value)


@posix_only
def test_a_conversion_that_fails_is_an_input_error_with_libreoffice_s_words(monkeypatch, tmp_path):
    _fake_libreoffice(tmp_path, monkeypatch, 'echo "Error: source file could not be loaded"')
    with pytest.raises(InputError) as info:
        doc_to_docx(OLE + bytes(600), source="broken.doc")
    assert str(info.value) == (
        "broken.doc: legacy Word .doc: LibreOffice could not convert it: "
        "Error: source file could not be loaded"
    )


@posix_only
def test_a_conversion_that_exits_with_an_error_status_says_so(monkeypatch, tmp_path):
    _fake_libreoffice(tmp_path, monkeypatch, "exit 3")
    with pytest.raises(InputError, match=r"could not convert it \(exit status 3\)"):
        doc_to_docx(OLE + bytes(600), source="broken.doc")


@posix_only
def test_a_conversion_that_hangs_is_killed_and_reported(monkeypatch, tmp_path):
    marker = tmp_path / "child-survived"
    # the fake starts a child too: the whole process group must be killed
    _fake_libreoffice(tmp_path, monkeypatch, f"(sleep 3; touch {marker}) & sleep 30")
    with pytest.raises(InputError, match=r"did not convert it within 0\.5 seconds"):
        doc_to_docx(OLE + bytes(600), source="slow.doc", timeout=0.5)
    time.sleep(3.5)
    assert not marker.exists()


@needs_libreoffice
def test_cli_read_takes_a_doc_and_says_it_was_converted(capsys):
    assert main(["read", str(DOC)]) == 0
    captured = capsys.readouterr()
    assert '"schema": "kehoach/1"' in captured.out
    assert CONVERTED_NOTE in captured.err


def test_cli_validate_finds_doc_files_in_folders(monkeypatch, tmp_path, capsys):
    _no_libreoffice(monkeypatch)
    shutil.copyfile(DOC, tmp_path / "pho-bang.doc")
    assert main(["validate", "-q", "-j", "1", str(tmp_path)]) == 2  # found, and cannot be read
    assert "LibreOffice is needed" in capsys.readouterr().err
