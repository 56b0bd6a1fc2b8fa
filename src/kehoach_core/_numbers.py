"""Document numbers, terms of office and Roman ordinals.

>>> n = DocumentNumber.parse("06-KH/TBTT")
>>> n.style.value, n.number, n.kind, n.issuer
('party', '06', 'KH', 'TBTT')
>>> str(DocumentNumber.parse("805/KH-SVHTTDL"))
'805/KH-SVHTTDL'
>>> law = DocumentNumber.parse("45/2022/QH15")
>>> law.year, law.kind, law.issuer
(2022, None, 'QH15')
>>> roman_to_int("XVIII"), int_to_roman(14)
(18, 'XIV')
>>> Term.parse("2025 - 2030")
Term(start=2025, end=2030)
"""

from __future__ import annotations

import enum
import re
import unicodedata

import attrs

from ._errors import DocumentNumberError, InputError

__all__ = [
    "DocumentNumber",
    "NumberStyle",
    "Term",
    "int_to_roman",
    "parse_number_or_text",
    "roman_to_int",
]


class NumberStyle(enum.Enum):
    """Which official convention a document number follows."""

    PARTY = "party"
    """``06-KH/TBTT``: number, kind code, slash, issuer (HD 36-HD/VPTW)."""
    STATE = "state"
    """``805/KH-SVHTTDL``, ``45/2022/QH15``: number, slash, [year,] kind-issuer (NĐ 30)."""


_CODE = r"[A-ZĐ][A-Za-zĐđ]*"
_ISSUER = r"[A-ZĐ0-9][A-Za-zĐđ0-9]*(?:[-/.][A-Za-zĐđ0-9]+)*"
_PARTY_RE = re.compile(rf"^(?P<number>\d+[a-z]?)-(?P<kind>{_CODE})/(?P<issuer>{_ISSUER})$")
_STATE_RE = re.compile(
    rf"^(?P<number>\d+[a-z]?)/(?:(?P<year>\d{{4}})/)?(?:(?P<kind>{_CODE})-)?(?P<issuer>{_ISSUER})$"
)
_SPACES_RE = re.compile(r"\s*([-/])\s*")


@attrs.frozen
class DocumentNumber:
    """A parsed document number such as ``06-KH/TBTT`` or ``30/2020/NĐ-CP``.

    ``number`` keeps its printed digits (``"06"`` stays ``"06"``); ``kind`` is
    the document-kind code (``KH``, ``CT``, ``NĐ``) or ``None`` where the form
    has none (``45/2022/QH15``); ``issuer`` is the issuer's code, which may hold
    further ``-`` or ``/`` groups (``BTGDVTU``, ``UBND-VX``).
    """

    number: str
    kind: str | None
    issuer: str
    style: NumberStyle
    year: int | None = None

    @classmethod
    def parse(cls, text: str) -> DocumentNumber:
        """Parse a printed number; spaces around ``-`` and ``/`` are tolerated.

        >>> DocumentNumber.parse("Số 10 - CV/TBTT") == DocumentNumber.parse("10-CV/TBTT")
        True
        >>> DocumentNumber.parse("…-KH/ĐU")
        Traceback (most recent call last):
        ...
        kehoach_core._errors.DocumentNumberError: not a Party or State document number ('…-KH/ĐU')
        """
        cleaned = unicodedata.normalize("NFC", text).strip().rstrip(".,;:")
        cleaned = re.sub(r"^(?:[Ss]ố|No\.?)\s*:?\s*", "", cleaned)
        cleaned = _SPACES_RE.sub(r"\1", cleaned)
        match = _PARTY_RE.match(cleaned)
        if match:
            return cls(match["number"], match["kind"], match["issuer"], NumberStyle.PARTY)
        match = _STATE_RE.match(cleaned)
        if match and (match["year"] or match["kind"]):
            year = int(match["year"]) if match["year"] else None
            return cls(match["number"], match["kind"], match["issuer"], NumberStyle.STATE, year)
        raise DocumentNumberError("not a Party or State document number", excerpt=text)

    def __str__(self) -> str:
        if self.style is NumberStyle.PARTY:
            return f"{self.number}-{self.kind}/{self.issuer}"
        parts = [self.number]
        if self.year is not None:
            parts.append(str(self.year))
        parts.append(f"{self.kind}-{self.issuer}" if self.kind else self.issuer)
        return "/".join(parts)


def parse_number_or_text(text: str) -> DocumentNumber | str:
    """Parse ``text`` as a number, or give it back unchanged when it is malformed.

    Plans hold malformed numbers (template blanks, typos); validation reports them.

    >>> parse_number_or_text("…….-CT/TW")
    '…….-CT/TW'
    """
    try:
        return DocumentNumber.parse(text)
    except DocumentNumberError:
        return text


@attrs.frozen
class Term:
    """A term of office such as ``2025 - 2030`` (nhiệm kỳ). Any two years are held."""

    start: int
    end: int

    @classmethod
    def parse(cls, text: str) -> Term:
        """Parse ``2025 - 2030``, ``2025-2030`` or ``2025 – 2030``.

        >>> Term.parse("2025 –2030").end
        2030
        """
        match = re.fullmatch(r"\s*(\d{4})\s*[-–—]\s*(\d{4})\s*", text)
        if not match:
            raise InputError(f"not a term: {text!r}")
        return cls(int(match[1]), int(match[2]))

    def __str__(self) -> str:
        return f"{self.start} - {self.end}"


_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]
_ROMAN_RE = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def int_to_roman(value: int) -> str:
    """Print a positive integer as a Roman numeral (:class:`InputError` for 0 and below)."""
    if not isinstance(value, int) or value <= 0:
        raise InputError(f"Roman numerals start at 1, not {value}")
    out = []
    for arabic, roman in _ROMAN:
        count, value = divmod(value, arabic)
        out.append(roman * count)
    return "".join(out)


def roman_to_int(text: str) -> int:
    """Read a Roman numeral (upper case, canonical form).

    >>> roman_to_int("XIIII")
    Traceback (most recent call last):
    ...
    kehoach_core._errors.InputError: not a Roman numeral: 'XIIII'
    """
    if not isinstance(text, str) or not text or not _ROMAN_RE.fullmatch(text):
        raise InputError(f"not a Roman numeral: {text!r}")
    total = 0
    rest = text
    for arabic, roman in _ROMAN:
        while rest.startswith(roman):
            total += arabic
            rest = rest[len(roman) :]
    return total
