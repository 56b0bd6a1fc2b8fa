"""Rewrite a superior's text for a subordinate level: *tỉnh* to *xã*, *Tỉnh ủy* to *Đảng ủy xã*.

>>> from kehoach_core.derive._vocabulary import DEFAULT_VOCABULARY as V
>>> r = Rewriter(source=[V.unit("tỉnh")], target=V.unit("xã"),
...     source_place="Lạng Sơn", target_place="Hoàng Văn Thụ")
>>> r("Nhân dân trong tỉnh; Ban Thường vụ Tỉnh ủy; cấp tỉnh; toàn tỉnh Lạng Sơn.")
'Nhân dân trong xã; Ban Thường vụ Đảng ủy xã; cấp xã; toàn xã Hoàng Văn Thụ.'
>>> r("Đại hội đại biểu Đảng bộ tỉnh lần thứ XVIII, nhiệm kỳ 2025 - 2030")
'Đại hội đại biểu Đảng bộ xã lần thứ …, nhiệm kỳ 2025 - 2030'
>>> r("tổ chức chính trị - xã hội")
'tổ chức chính trị - xã hội'
>>> r("TRÊN ĐỊA BÀN TỈNH LẠNG SƠN")
'TRÊN ĐỊA BÀN XÃ HOÀNG VĂN THỤ'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from .._reading.vocab import fold
from ._vocabulary import Unit

__all__ = ["BLANK", "Rewriter"]

BLANK = "…"
"""What the office fills in: an ordinal, a number, a day."""


def _alternatives(words: Iterable[str]) -> str:
    folded = sorted({fold(w) for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)


def _units(values: Iterable[Unit]) -> tuple[Unit, ...]:
    return tuple(values)


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _cased(original: str, replacement: str) -> str:
    """``replacement`` in the case of ``original``: upper, capitalised or lower."""
    if not replacement:
        return replacement
    letters = [c for c in original if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement[0].lower() + replacement[1:]


@attrs.frozen(kw_only=True)
class Rewriter:
    """Rewrites texts from the ``source`` units' level to the ``target`` unit.

    ``protected`` texts (anniversaries, names that must stay) are left as they are
    wherever they occur.
    """

    source: Sequence[Unit] = attrs.field(converter=_units)
    target: Unit
    source_place: str | None = None
    target_place: str | None = None
    protected: Sequence[str] = attrs.field(default=(), converter=_strs)
    _patterns: tuple[re.Pattern[str], ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        units = _alternatives(u.word for u in self.source)
        committees = _alternatives(u.committee for u in self.source)
        exclusions = [w for u in self.source for w in u.not_before]
        not_before = rf"(?!\s+(?:{_alternatives(exclusions)})(?!\w))" if exclusions else ""
        place = (
            rf"(?:\s+(?P<place>{_alternatives([self.source_place])}))?" if self.source_place else ""
        )
        congress = (
            rf"(?<!\w)(?P<congress>đại\s+hội(?:\s+đại\s+biểu)?\s+đảng\s+bộ\s+)"
            rf"(?P<cunit>{units}){place.replace('place', 'cplace')}"
            rf"(?P<sep>,?\s+lần\s+thứ\s+)(?P<ordinal>[ivxlcdm]+|\d+)(?!\w)"
        )
        patterns = [re.compile(congress)]
        if committees:
            patterns.append(re.compile(rf"(?<!\w)(?P<committee>{committees})(?!\w)"))
        patterns.append(re.compile(rf"(?<!\w)(?P<unit>{units})(?!\w){not_before}{place}"))
        object.__setattr__(self, "_patterns", tuple(patterns))

    def _unit_text(self, original: str, with_place: bool) -> str:
        word = _cased(original, self.target.word)
        if with_place:
            place = self.target_place or BLANK * 2
            return f"{word} {place.upper() if word.isupper() and len(word) > 1 else place}"
        return word

    def __call__(self, text: str) -> str:
        """``text`` rewritten; unchanged when it holds no word of the source level."""
        if not text or not self.source:
            return text
        folded = fold(text)
        if len(folded) != len(text):
            return text
        taken: list[tuple[int, int, str]] = []
        blocked = [
            (m.start(), m.end())
            for name in self.protected
            if name
            for m in re.finditer(re.escape(fold(name)), folded)
        ]

        def free(start: int, end: int) -> bool:
            spans = [(s, e) for s, e, _ in taken] + blocked
            return all(end <= s or start >= e for s, e in spans)

        for pattern in self._patterns:
            for m in pattern.finditer(folded):
                if not free(m.start(), m.end()):
                    continue
                groups = m.groupdict()
                if groups.get("congress") is not None:
                    new = (
                        text[m.start("congress") : m.end("congress")]
                        + self._unit_text(
                            text[m.start("cunit") : m.end("cunit")],
                            groups.get("cplace") is not None,
                        )
                        + text[m.start("sep") : m.end("sep")]
                        + BLANK
                    )
                elif groups.get("committee") is not None:
                    new = _cased(text[m.start() : m.end()], self.target.committee)
                else:
                    original = text[m.start("unit") : m.end("unit")]
                    new = self._unit_text(original, groups.get("place") is not None)
                taken.append((m.start(), m.end(), new))
        if not taken:
            return text
        out: list[str] = []
        at = 0
        for start, end, new in sorted(taken):
            out.append(text[at:start])
            out.append(new)
            at = end
        out.append(text[at:])
        return "".join(out)
