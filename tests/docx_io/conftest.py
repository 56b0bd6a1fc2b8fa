"""Fixtures of the docx adapter's tests; the builders live in :mod:`builders`."""

from __future__ import annotations

import io
import zipfile

import pytest

from .builders import docx_from_lines, paragraph, word_package

BOMB_MEMBER_BYTES = 300 * 1024 * 1024


@pytest.fixture(scope="session")
def zip_bomb() -> bytes:
    """A real docx plus a 300 MiB member of zeros (~300 KB compressed), written in a stream."""
    base = word_package(paragraph("KẾ HOẠCH"))
    out = io.BytesIO(base)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        info = zipfile.ZipInfo("word/media/image1.png")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as stream:
            block = bytes(1024 * 1024)
            for _ in range(BOMB_MEMBER_BYTES // len(block)):
                stream.write(block)
    return out.getvalue()


@pytest.fixture
def plain_plan() -> bytes:
    """A small plan made on python-docx's template."""
    return docx_from_lines(["KẾ HOẠCH", "Tuyên truyền đại hội", "I- MỤC ĐÍCH, YÊU CẦU"])
