"""Bytes to text: UTF-8, UTF-16/32 with a BOM, Windows-1258 and TCVN3 (ABC).

Vietnamese files still come in legacy encodings. The reader accepts:

* UTF-8, with or without a BOM; UTF-16 and UTF-32 with a BOM;
* Windows-1258 (composed with combining tone marks), converted and NFC-normalised;
* TCVN3 (the ``.VnTime`` "ABC" font encoding), converted through its table,
  both as raw bytes and as UTF-8 text holding the font's Latin-1 code points.
  Upper-case letters with tone marks live in separate fonts (``.VnTimeH``) that
  reuse the lower-case codes; they come out lower case.

VNI text is recognised and refused with an :class:`EncodingError` that names
it; so is anything else that is not Vietnamese text (binary data).

>>> decode_text("Kế hoạch".encode("utf-8"), source="a.txt")
'Kế hoạch'
>>> decode_text(b"K\\xd5 ho\\xb9ch", source="abc.txt")
'Kế hoạch'
>>> decode_text(b"K\\xea\\xec hoa\\xf2ch", source="w.txt")
'Kế hoạch'
>>> decode_text(b"", source="e.txt")
Traceback (most recent call last):
...
kehoach_core._errors.InputError: e.txt: empty document
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from .._errors import EncodingError, InputError

__all__ = ["MAX_TEXT_BYTES", "decode_text"]

MAX_TEXT_BYTES = 50 * 1024 * 1024
"""Inputs over 50 MiB are refused: no plan comes near it."""

_TCVN3_PAIRS = (
    "a1Ă a2Â a3Ê a4Ô a5Ơ a6Ư a7Đ a8ă a9â aaê abô acơ adư aeđ "
    "b5à b6ả b7ã b8á b9ạ bbằ bcẳ bdẵ beắ c6ặ c7ầ c8ẩ c9ẫ caấ cbậ "
    "ccè ceẻ cfẽ d0é d1ẹ d2ề d3ể d4ễ d5ế d6ệ d7ì d8ỉ dcĩ ddí deị "
    "dfò e1ỏ e2õ e3ó e4ọ e5ồ e6ổ e7ỗ e8ố e9ộ eaờ ebở ecỡ edớ eeợ "
    "efù f1ủ f2ũ f3ú f4ụ f5ừ f6ử f7ữ f8ứ f9ự faỳ fbỷ fcỹ fdý feỵ"
)
_TCVN3 = {int(pair[:2], 16): pair[2:] for pair in _TCVN3_PAIRS.split()}

_VIET_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"}
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_PUNCT = set("…–—“”‘’•·«»")
_WORD_RE = re.compile(r"[^\W\d_]+")
_BAD_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_VNI_MARK_RE = re.compile(r"[aeiouyAEIOUY][\xe0-\xff]")
_VNI_D_RE = re.compile(r"[ñÑ][aeiouyAEIOUY]")


def _looks_vni(latin: str) -> bool:
    """VNI writes tones as separate bytes after plain vowels and đ as ``ñ``."""
    sample = latin[:200_000]
    high = sum(1 for ch in sample if ord(ch) >= 0xA0)
    if high == 0:
        return False
    marked = len(_VNI_MARK_RE.findall(sample))
    return len(_VNI_D_RE.findall(sample)) >= 2 and marked / high >= 0.6


def _tcvn3(data: bytes) -> str:
    return "".join(_TCVN3.get(b, chr(b)) for b in data)


def _plausibility(text: str, sample: int = 200_000) -> float:
    """Share of words with non-ASCII letters that look like Vietnamese syllables."""
    good = total = 0
    for match in _WORD_RE.finditer(text[:sample]):
        word = match.group(0)
        if word.isascii():
            continue
        total += 1
        decomposed = unicodedata.normalize("NFD", word.lower())
        marks = [ch for ch in decomposed if unicodedata.combining(ch)]
        letters_ok = all(("a" <= ch <= "z") or ch == "đ" or ch in _VIET_MARKS for ch in decomposed)
        tones = sum(1 for ch in marks if ch in _TONES)
        if letters_ok and tones <= 1 and len(word) <= 8:
            good += 1
    words = 1.0 if total == 0 else good / total
    high = [ch for ch in text[:sample] if ord(ch) >= 0x80]
    if not high:
        return words
    odd = sum(1 for ch in high if unicodedata.category(ch)[0] not in "LMZ" and ch not in _PUNCT)
    return words * (1 - odd / len(high))


def _check_binary(text: str, source: str) -> None:
    if "\x00" in text:
        raise EncodingError("binary data (NUL characters), not a text document", source=source)
    bad = len(_BAD_CONTROL_RE.findall(text[:1_000_000]))
    if bad > max(2, len(text[:1_000_000]) // 1000):
        raise EncodingError("binary data (control characters), not a text document", source=source)


def _legacy(text: str, source: str) -> str:
    """Text decoded as UTF-8 that may hold a legacy font encoding's Latin-1 code points."""
    if any(ord(ch) > 0xFF for ch in text[:200_000]) or text.isascii():
        return text
    if _plausibility(text) >= 0.8:
        return text
    if _looks_vni(text):
        raise EncodingError(
            "text looks VNI-encoded (VNI font code points); convert it to Unicode first",
            source=source,
        )
    converted = _tcvn3(text.encode("latin-1"))
    if _plausibility(converted) >= 0.8:
        return converted
    return text


def _eight_bit(data: bytes, source: str) -> str:
    if _looks_vni(data.decode("latin-1")):
        raise EncodingError(
            "text looks VNI-encoded; VNI is not supported, convert it to Unicode first",
            source=source,
        )
    candidates = {
        "Windows-1258": unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")),
        "TCVN3": _tcvn3(data),
    }
    scores = {name: _plausibility(text) for name, text in candidates.items()}
    best = max(scores, key=lambda name: scores[name])
    if scores[best] >= 0.8 and "\ufffd" not in candidates[best][:200_000]:
        return candidates[best]
    raise EncodingError(
        "not UTF-8 and not a Vietnamese legacy encoding this reader knows (Windows-1258, TCVN3)",
        source=source,
    )


def decode_text(data: bytes, *, source: str) -> str:
    """Decode a plain-text plan; raise :class:`InputError` / :class:`EncodingError` if unusable.

    The result is NFC-normalised; line breaks are kept as they are.
    """
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(f"input too large (over {MAX_TEXT_BYTES} bytes)", source=source)
    if not data:
        raise InputError("empty document", source=source)
    text: str
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8", source)
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text = _strict(data, "utf-32", source)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", source)
    else:
        if b"\x00" in data:
            raise EncodingError(
                "binary data (NUL bytes); UTF-16 text needs a byte order mark", source=source
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _eight_bit(data, source)
        else:
            text = _legacy(text, source)
    _check_binary(text, source)
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise InputError("empty document", source=source)
    return text


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"invalid {encoding.upper()} at byte {exc.start}", source=source
        ) from exc
