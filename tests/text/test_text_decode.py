"""decode_text: encodings accepted, converted or refused."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from kehoach_core import EncodingError, InputError
from kehoach_core._reading.decode import decode_text

SAMPLE = "Kế hoạch tuyên truyền đại hội đảng bộ các cấp, Đảng ủy xã Kiên Mộc"


def test_utf8_with_and_without_bom() -> None:
    """UTF-8 reads the same with or without a byte order mark."""
    data = SAMPLE.encode("utf-8")
    assert decode_text(data, source="a") == SAMPLE
    assert decode_text(codecs.BOM_UTF8 + data, source="a") == SAMPLE


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_32_with_bom(encoding: str) -> None:
    """UTF-16/32 are read when a BOM says so."""
    data = SAMPLE.encode(encoding)
    if encoding.endswith(("-le", "-be")):
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + data
    assert decode_text(data, source="a") == SAMPLE


def test_utf8_is_normalised_to_nfc() -> None:
    """Decomposed input comes out composed."""
    data = unicodedata.normalize("NFD", SAMPLE).encode("utf-8")
    assert decode_text(data, source="a") == SAMPLE


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _cp1258(text: str) -> bytes:
    """Windows-1258 bytes: letters with their non-tone marks, tones as combining marks."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in decomposed[1:] if m in _TONES)
        others = "".join(m for m in decomposed[1:] if m not in _TONES)
        base = unicodedata.normalize("NFC", decomposed[0] + others)
        out += base.encode("cp1258") + tones.encode("cp1258")
    return out


def test_windows_1258_is_converted() -> None:
    """Windows-1258 (with combining tone marks) is detected and composed to NFC."""
    assert decode_text(_cp1258(SAMPLE), source="w") == SAMPLE


def _tcvn3(text: str) -> bytes:
    from kehoach_core._reading.decode import _TCVN3

    reverse = {v: k for k, v in _TCVN3.items()}
    return bytes(reverse[ch] if ch in reverse else ord(ch) for ch in text.lower())


def test_tcvn3_bytes_are_converted() -> None:
    """TCVN3 (ABC) bytes are detected and converted through the table."""
    assert decode_text(_tcvn3(SAMPLE), source="t") == SAMPLE.lower()


def test_tcvn3_code_points_in_utf8_are_converted() -> None:
    """Text copied from a .VnTime document into UTF-8 holds TCVN3 code points: converted."""
    font_text = _tcvn3(SAMPLE).decode("latin-1")
    assert decode_text(font_text.encode("utf-8"), source="t") == SAMPLE.lower()


def test_vni_is_refused_by_name() -> None:
    """VNI is recognised and refused with an error that names it."""
    vni = "Keá hoaïch tuyeân truyeàn ñaïi hoäi ñaûng boä caùc caáp".encode("cp1252")
    with pytest.raises(EncodingError, match="VNI"):
        decode_text(vni, source="v")


@pytest.mark.parametrize(
    "data", [b"\x00\x01\x02binary\x00", bytes(range(256)) * 4, b"\x89PNG\r\n\x1a\n\x00\x00"]
)
def test_binary_is_refused(data: bytes) -> None:
    """NUL bytes and control characters are refused as binary."""
    with pytest.raises(InputError):
        decode_text(data, source="b")


@pytest.mark.parametrize("data", [b"", b"   \n\n\t "])
def test_empty_is_refused(data: bytes) -> None:
    """An empty (or blank) document is an InputError."""
    with pytest.raises(InputError, match="empty document"):
        decode_text(data, source="e")


def test_too_large_is_refused() -> None:
    """Over 50 MiB is refused before decoding."""
    with pytest.raises(InputError, match="too large"):
        decode_text(b"a" * (50 * 1024 * 1024 + 1), source="big")


def test_invalid_utf16_names_the_byte() -> None:
    """A truncated UTF-16 file raises EncodingError with the source."""
    with pytest.raises(EncodingError, match="src"):
        decode_text(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", source="src")
