"""Word's automatic list numbering: the label a numbered paragraph displays.

The definitions come from ``word/numbering.xml`` (read by :mod:`._oxml` into
the plain records below); this module only counts. Word's rules, as followed
here:

* a paragraph names a numbering instance (``w:num``, by ``numId``) and a level
  (``ilvl`` 0-8); the instance points at an abstract definition whose levels
  give the format (``w:numFmt``), the pattern (``w:lvlText``, ``%1`` standing
  for level 0's counter) and the first value (``w:start``);
* instances of the same abstract definition share its counters, so a list
  continues across them, unless an instance overrides a level's start
  (``w:lvlOverride/w:startOverride``): its first paragraph restarts there;
* using a level restarts the deeper levels, unless their ``w:lvlRestart``
  says otherwise (``0`` never restarts);
* ``w:isLgl`` shows every level of the pattern in decimal.

>>> level = LevelDef(fmt="decimal", text="%1.")
>>> counter = ListCounter(NumberingDefs(abstracts={0: {0: level}}, nums={5: NumDef(abstract=0)}))
>>> [counter.label(5, 0) for _ in range(3)]
['1.', '2.', '3.']
>>> format_number(1994, "upperRoman"), format_number(28, "lowerLetter")
('MCMXCIV', 'bb')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["LevelDef", "ListCounter", "NumDef", "NumberingDefs", "format_number"]

_MAX_VALUE = 32767
_MAX_LEVEL = 8
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
# Bullet glyphs that mean "a dash item" in a plan; Symbol/Wingdings glyphs sit
# in the private-use area (U+F0B7 is Symbol's round bullet, U+F0A7 Wingdings' square).
_DASHES = frozenset("-‐‑‒–—―−\uf02d")
_BULLETS = frozenset("•·●○◦▪■□▫◾◽∙o\uf0b7\uf0a7\uf0a8\uf06c\uf06e\uf06f\uf0d8\uf076\uf0fc\uf0e0")


@dataclass(frozen=True, slots=True)
class LevelDef:
    """One level of a list definition (``w:lvl``)."""

    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    restart: int | None = None
    legal: bool = False
    style: str | None = None


@dataclass(frozen=True, slots=True)
class NumDef:
    """A numbering instance (``w:num``): its abstract definition and per-level overrides."""

    abstract: int
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, LevelDef] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class NumberingDefs:
    """All numbering definitions of a document; ``links`` maps a numbering style to a numId."""

    abstracts: dict[int, dict[int, LevelDef]] = field(default_factory=dict)
    nums: dict[int, NumDef] = field(default_factory=dict)
    style_links: dict[int, str] = field(default_factory=dict)
    links: dict[str, int] = field(default_factory=dict)


def format_number(value: int, fmt: str) -> str:
    """``value`` in the number format ``fmt`` (``w:numFmt``); unknown formats print decimal."""
    if fmt == "none":
        return ""
    if fmt in ("upperRoman", "lowerRoman") and 0 < value < 4000:
        digits = []
        for amount, letters in _ROMAN:
            count, value = divmod(value, amount)
            digits.append(letters * count)
        roman = "".join(digits)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter") and 0 < value <= 780:
        # Word: a..z, then aa..zz, then aaa..: the letter repeated.
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero" and 0 <= value < 10:
        return f"0{value}"
    return str(value)


def bullet_label(text: str) -> str:
    """The label for a bullet level: ``"-"`` for dashes and bullet glyphs, else the glyph."""
    glyph = text.strip()
    if not glyph or glyph in _DASHES or glyph in _BULLETS:
        return "-"
    if all("\ue000" <= char <= "\uf8ff" for char in glyph):
        return "-"
    return glyph


class ListCounter:
    """Counts numbered paragraphs in document order and renders their labels."""

    def __init__(self, defs: NumberingDefs) -> None:
        self._defs = defs
        self._counts: dict[int, list[int | None]] = {}
        self._started: set[int] = set()

    def _resolve(self, num_id: int) -> tuple[int, NumDef] | None:
        num = self._defs.nums.get(num_id)
        if num is None:
            return None
        abstract = num.abstract
        # A definition that only links to a numbering style: follow the style to its list.
        seen = {abstract}
        while abstract in self._defs.style_links:
            target = self._defs.links.get(self._defs.style_links[abstract])
            linked = self._defs.nums.get(target) if target is not None else None
            if linked is None or linked.abstract in seen:
                break
            abstract = linked.abstract
            seen.add(abstract)
        return abstract, num

    def level(self, num_id: int, ilvl: int) -> LevelDef | None:
        """The definition of level ``ilvl`` of instance ``num_id`` (``None`` when undefined)."""
        resolved = self._resolve(num_id)
        if resolved is None:
            return None
        abstract, num = resolved
        return self._level(abstract, num, ilvl)

    def _level(self, abstract: int, num: NumDef, ilvl: int) -> LevelDef | None:
        override = num.level_overrides.get(ilvl)
        if override is not None:
            return override
        return self._defs.abstracts.get(abstract, {}).get(ilvl)

    def label(self, num_id: int, ilvl: int) -> str | None:
        """Advance the list of ``num_id`` at level ``ilvl`` and return the label shown."""
        resolved = self._resolve(num_id)
        if resolved is None or not 0 <= ilvl <= _MAX_LEVEL:
            return None
        abstract, num = resolved
        level = self._level(abstract, num, ilvl)
        if level is None:
            return None
        counts = self._counts.setdefault(abstract, [None] * (_MAX_LEVEL + 1))
        if num_id not in self._started:
            self._started.add(num_id)
            for overridden in num.start_overrides:
                if 0 <= overridden <= _MAX_LEVEL:
                    counts[overridden] = None
        current = counts[ilvl]
        counts[ilvl] = self._start(abstract, num, ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, _MAX_LEVEL + 1):
            deeper_level = self._level(abstract, num, deeper)
            restart = deeper_level.restart if deeper_level is not None else None
            if restart is None or (restart > 0 and ilvl < restart):
                counts[deeper] = None
        if level.fmt == "bullet":
            return bullet_label(level.text)
        return self._render(abstract, num, level, counts) or None

    def _start(self, abstract: int, num: NumDef, ilvl: int) -> int:
        if ilvl in num.start_overrides:
            return num.start_overrides[ilvl]
        level = self._level(abstract, num, ilvl)
        return level.start if level is not None else 1

    def _render(self, abstract: int, num: NumDef, level: LevelDef, counts: list[int | None]) -> str:
        def replace(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = self._level(abstract, num, index)
            if shown is None:
                return ""
            value = counts[index]
            if value is None:
                value = self._start(abstract, num, index)
            fmt = "decimal" if level.legal and shown.fmt != "decimalZero" else shown.fmt
            if fmt == "bullet":
                return bullet_label(shown.text)
            return format_number(value, fmt)

        return _PLACEHOLDER.sub(replace, level.text).strip()


def clamp(value: int) -> int:
    """A start value within Word's range (0 to 32767)."""
    return max(0, min(value, _MAX_VALUE))
