"""Vietnamese text helpers shared by the reader, validation, comparison and calendars.

Two spellings of one word must compare equal: the old and new placement of the
tone mark (*hoà* / *hòa*, *uỷ* / *ủy*, only where the syllable ends in the
vowel pair), and, for loose comparison of names, the letters without
diacritics (*Đảng bộ* / *dang bo*).

>>> modern_tones("Đảng uỷ xã Hoà Bình, hoàn thành; Uỷ ban; TỈNH UỶ")
'Đảng ủy xã Hòa Bình, hoàn thành; Ủy ban; TỈNH ỦY'
>>> strip_marks("Đại hội Đảng bộ TỈNH")
'dai hoi dang bo tinh'
>>> len(strip_marks("Đại hội")) == len("Đại hội")
True
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MARKED_LETTERS", "OLD_TONES", "modern_tones", "remove_marks", "strip_marks"]

OLD_TONES: dict[str, str] = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
"""Old tone placement (lower case) to the placement NĐ 30's appendix uses."""

_CASED = {
    **OLD_TONES,
    **{k.upper(): v.upper() for k, v in OLD_TONES.items()},
    **{k.capitalize(): v.capitalize() for k, v in OLD_TONES.items()},
}
_OLD_RE = re.compile("(?:" + "|".join(sorted(_CASED)) + r")(?![^\W\d_])")


def modern_tones(text: str) -> str:
    """Move tone marks to the modern place where a syllable ends in oa, oe or uy.

    ``hoàn`` is left alone: with a final consonant the mark already sits there.
    Same length as ``text``.
    """
    return _OLD_RE.sub(lambda m: _CASED[m.group(0)], text)


def _plain_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x1EFA):
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if len(base) == 1 and base != ch:
            table[code] = base
    table[ord("đ")], table[ord("Đ")] = "d", "D"
    return table


_PLAIN = _plain_table()
_STRIP = {code: base.lower() for code, base in _PLAIN.items()}
MARKED_LETTERS: dict[int, str] = dict(_STRIP)
"""Every letter with a diacritic (by code point) and its plain lower-case letter."""


def remove_marks(text: str) -> str:
    """``text`` without tone and vowel marks, case kept, *đ* as *d* (NFC input).

    The one diacritic fold of the package; :func:`strip_marks` is it, lower-cased.

    >>> remove_marks("Đảng ủy xã Kiên Mộc")
    'Dang uy xa Kien Moc'
    """
    plain = text.translate(_PLAIN)
    if plain.isascii():
        return plain
    # a combining mark left (NFD input, or a letter outside the Vietnamese table)
    decomposed = unicodedata.normalize("NFD", plain)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def strip_marks(text: str) -> str:
    """Lower case without diacritics, one character for one (``Đại hội`` is ``dai hoi``)."""
    return text.translate(_STRIP).lower()
