"""The level vocabulary a draft is rewritten with: units, their committees, their boards.

One table (:data:`UNITS`) says, for each word naming an administrative unit
(*tỉnh*, *huyện*, *xã* ...), its level, the name of its Party committee and the
code of that committee in document numbers. The levels come from
:data:`kehoach_core.Level` and :data:`~kehoach_core._elements.LEVEL_WORDS`, the
committee names from :data:`~kehoach_core._elements.LEVEL_COMMITTEES`; this
table adds what a writer of a subordinate plan needs besides.

Users extend it by passing their own :class:`Vocabulary` to
:func:`~kehoach_core.derive.derive`, or by adding a :class:`Unit` to
:data:`UNITS` (a province's own word for a unit, say):

>>> DEFAULT_VOCABULARY.unit("tỉnh").committee
'Tỉnh ủy'
>>> DEFAULT_VOCABULARY.unit("xã").committee
'Đảng ủy xã'
>>> [u.word for u in DEFAULT_VOCABULARY.units_of(Level.DISTRICT)]
['huyện', 'thị xã', 'quận']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from .._elements import LEVEL_COMMITTEES, LEVEL_WORDS, Level
from .._reading.vocab import fold

__all__ = ["ADVISORY_BOARDS", "DEFAULT_VOCABULARY", "UNITS", "Unit", "Vocabulary"]


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _units(values: Iterable[Unit]) -> tuple[Unit, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Unit:
    """A word naming a unit of one level and what goes with it.

    ``committee`` is the unit's Party committee as a plan writes it (*Tỉnh ủy*,
    *Đảng ủy xã*); ``code`` its code in a Party document number (``TU`` in
    ``06-KH/TU``); ``ambiguous`` marks a word that also names units of another
    level (*thành phố* is a province or a city of a province): such a word is
    rewritten only when the superior calls itself by it. ``not_before`` lists
    words that make the unit word part of another word (*xã hội*).
    """

    word: str
    level: Level
    committee: str
    code: str
    ambiguous: bool = False
    not_before: tuple[str, ...] = attrs.field(default=(), converter=_strs)


_COMMITTEE_OF = {
    "tỉnh": "tỉnh ủy",
    "thành phố": "thành ủy",
    "huyện": "huyện ủy",
    "quận": "quận ủy",
    "thị xã": "thị ủy",
}


def _committee(word: str, level: Level) -> str:
    """The committee of a unit: LEVEL_COMMITTEES' name for it, else *Đảng ủy* + the word."""
    name = _COMMITTEE_OF.get(word)
    if name is not None and (name, level) in LEVEL_COMMITTEES:
        return name[0].upper() + name[1:]
    return f"Đảng ủy {word}"


_CODES = {"tỉnh": "TU", "thành phố": "TU", "huyện": "HU", "quận": "QU", "thị xã": "TU"}
_AMBIGUOUS = {"thành phố"}
_NOT_BEFORE = {"xã": ("hội",)}
_DRAFT_LEVELS = (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE)
_USUAL = ("tỉnh", "huyện", "xã")  # each level's usual word comes first in the table

UNITS: list[Unit] = [
    Unit(
        word=word,
        level=level,
        committee=_committee(word, level),
        code=_CODES.get(word, "ĐU"),
        ambiguous=word in _AMBIGUOUS,
        not_before=_NOT_BEFORE.get(word, ()),
    )
    for word, level in sorted(LEVEL_WORDS, key=lambda pair: pair[0] not in _USUAL)
    if level in _DRAFT_LEVELS
]
"""The units of the default vocabulary, built from LEVEL_WORDS; append to extend it."""

ADVISORY_BOARDS: dict[Level, str] = {
    Level.PROVINCE: "Ban Tuyên giáo và Dân vận {committee}",
    Level.DISTRICT: "Ban Tuyên giáo {committee}",
    Level.COMMUNE: "Ban Xây dựng Đảng",
}
"""The board that advises a committee on propaganda, by level; ``{committee}`` is the
committee's name. Tasks the superior gives a level's committees go to this board."""

PEOPLES_COMMITTEE = "Ủy ban nhân dân {unit}"
"""The State committee of a unit (``{unit}`` is the unit word)."""


@attrs.frozen
class Vocabulary:
    """The units and boards :func:`~kehoach_core.derive.derive` rewrites a plan with."""

    units: tuple[Unit, ...] = attrs.field(converter=_units)
    boards: Mapping[Level, str] = attrs.field(factory=lambda: dict(ADVISORY_BOARDS))
    peoples_committee: str = PEOPLES_COMMITTEE

    def unit(self, word: str) -> Unit | None:
        """The unit named ``word`` (any case, old or new tones), or ``None``."""
        key = fold(word)
        return next((u for u in self.units if fold(u.word) == key), None)

    def units_of(self, level: Level) -> list[Unit]:
        """The units of one level, in table order (the first is the level's usual word)."""
        return [u for u in self.units if u.level is level]

    def board(self, unit: Unit) -> str:
        """The advisory board of ``unit``'s committee."""
        pattern = self.boards.get(unit.level, "Ban Tuyên giáo {committee}")
        return pattern.format(committee=unit.committee, unit=unit.word)

    def extended(self, *units: Unit) -> Vocabulary:
        """This vocabulary with ``units`` added (they take precedence)."""
        return attrs.evolve(self, units=(*units, *self.units))


def default_vocabulary() -> Vocabulary:
    """The vocabulary of :data:`UNITS` as it is now (after any additions)."""
    return Vocabulary(tuple(UNITS))


DEFAULT_VOCABULARY = default_vocabulary()
"""The default vocabulary when the module was imported."""
