"""Text normalisation for matching Vietnamese plan items.

Two texts that say the same thing should normalise to the same tokens: NFC,
case, punctuation and spacing, the old and new places of the tone mark
(*hoà* / *hòa*, *uỷ* / *ủy*), and the subordinate's proper names after a
level word (*tỉnh Lạng Sơn* is *tỉnh*). Level words then become one generic
token, because a commune plan says *xã* where its province's plan says *tỉnh*.

>>> normalize("Nhân dân các dân tộc trong  Tỉnh Lạng Sơn;")
'nhân dân các dân tộc trong địa_phương'
>>> normalize("Ban Tuyên giáo Tỉnh uỷ") == normalize("Ban Tuyên giáo Quận ủy")
True
>>> normalize("phát triển kinh tế - xã hội")
'phát triển kinh tế xã hội'
>>> normalize("Đại hội Đảng bộ", fold=True)
'dai hoi dang bo'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from .._vietnamese import modern_tones, remove_marks

__all__ = ["fold_diacritics", "generalize_places", "normalize", "normalize_many", "tokens"]

PLACE = "địa_phương"
"""The token every level word (*tỉnh*, *huyện*, *xã*, ...) becomes."""

COMMITTEE = "cấp_ủy"
"""The token a level's committee (*Tỉnh ủy*, *Quận ủy*, *Đảng ủy*) becomes."""

_LEVEL_WORDS = r"thành phố|thị xã|thị trấn|tỉnh|huyện|quận|phường|xã"
_UPPER = "".join(
    ch for ch in map(chr, range(0x41, 0x1EFA)) if ch.isalpha() and ch.isupper() and ch != "×"
)
# ``(?<!\w)`` rather than ``\b`` in front: the regex engine then scans for the
# words' first letters instead of trying the pattern at every position.
_PLACE_NAME = re.compile(rf"(?i:(?<!\w)({_LEVEL_WORDS}))((?:\s+[{_UPPER}]\w*)+)")
_NOT_NAMES = frozenset({"đảng", "đại", "nhân", "nhà", "ủy", "uỷ", "hội", "mặt", "lần", "khóa"})
_ROMAN = re.compile(r"^[IVXLC]+$")

_PUNCT = re.compile(r"[^\w\s\x00]|_")
"""Punctuation (and ``_``), but not NUL, which :func:`normalize_many` puts between texts."""
_LEVEL_RE = re.compile(
    r"\b(?:(?P<committee>(?:tỉnh|thành|quận|huyện|thị|đảng) ủy)"
    r"|thành phố|thị xã|thị trấn|tỉnh|huyện|quận|phường|xã(?! hội))\b"
)
"""A level's committee (*tỉnh ủy*) or a level word (*tỉnh*), in one pass."""


def _level_token(match: re.Match[str]) -> str:
    return COMMITTEE if match.group("committee") else PLACE


def _strip_name(match: re.Match[str]) -> str:
    level, rest = match.group(1), match.group(2)
    words = rest.split()
    kept = 0
    for word in words:
        bare = word.strip(",.;:()“”\"'")
        if not bare or not bare[0].isupper() or _ROMAN.match(bare) or bare.lower() in _NOT_NAMES:
            break
        kept += 1
    if kept == 0:
        return match.group(0)
    return " ".join([level, *words[kept:]])


def generalize_places(text: str) -> str:
    """Drop the proper name after a level word: *tỉnh Lạng Sơn* becomes *tỉnh*.

    >>> generalize_places("Đại hội Đảng bộ tỉnh Lạng Sơn lần thứ XVIII")
    'Đại hội Đảng bộ tỉnh lần thứ XVIII'
    >>> generalize_places("Đảng ủy xã Hoàng Văn Thụ")
    'Đảng ủy xã'
    """
    return _PLACE_NAME.sub(_strip_name, text)


def fold_diacritics(text: str) -> str:
    """Remove tone and vowel marks, and write *đ* as *d*.

    >>> fold_diacritics("Đảng ủy xã Kiên Mộc")
    'Dang uy xa Kien Moc'
    """
    return remove_marks(text)


def normalize(text: str, *, fold: bool = False, places: bool = True) -> str:
    """The text as matching sees it: one space between lower-case words, no punctuation.

    ``fold`` also removes diacritics (for texts whose marks the extraction
    broke); ``places`` generalises place names and level words.
    """
    text = unicodedata.normalize("NFC", text)
    if places:
        text = generalize_places(text)
    text = text.casefold()
    text = modern_tones(text)
    text = _PUNCT.sub(" ", text)
    text = " ".join(text.split())
    if places:
        text = _LEVEL_RE.sub(_level_token, text)
    if fold:
        text = fold_diacritics(text)
    return text


def normalize_many(texts: Sequence[str], *, fold: bool = False, places: bool = True) -> list[str]:
    """:func:`normalize` of each text, done in one pass over all of them (faster for many).

    The texts are joined with NUL, which no step treats as a letter, a space or
    punctuation, so no pattern matches across two texts.

    >>> normalize_many(["Tỉnh Lạng Sơn", "Xã hội;"]) == [normalize("Tỉnh Lạng Sơn"), "xã hội"]
    True
    """
    if not texts or any("\x00" in t for t in texts):
        return [normalize(t, fold=fold, places=places) for t in texts]
    text = unicodedata.normalize("NFC", "\x00".join(texts))
    if places:
        text = generalize_places(text)
    text = modern_tones(text.casefold())
    text = _PUNCT.sub(" ", text)
    text = "\x00".join(" ".join(part.split()) for part in text.split("\x00"))
    if places:
        text = _LEVEL_RE.sub(_level_token, text)
    if fold:
        text = fold_diacritics(text)
    return text.split("\x00")


def tokens(text: str, *, fold: bool = False, places: bool = True) -> list[str]:
    """The normalised words (syllables) of ``text``.

    >>> tokens("Quy chế bầu cử trong Đảng.")
    ['quy', 'chế', 'bầu', 'cử', 'trong', 'đảng']
    """
    return normalize(text, fold=fold, places=places).split()
