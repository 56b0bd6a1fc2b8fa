"""Every text field of a plan, with its element id and line, and facts rules share.

>>> from kehoach_core import Plan, ContentItem, Location
>>> ctx = Context(Plan(title="Kế hoạch", issuer="Đảng ủy xã Kiên Mộc",
...     purposes=[ContentItem(id="purposes/1", text="a", location=Location(7))]))
>>> [(s.element, s.line, s.text) for s in ctx.segments]
[('title', None, 'Kế hoạch'), ('purposes/1', 7, 'a')]
>>> ctx.own_level.value
'commune'
>>> excerpt("một hai ba bốn năm", 8, 10, width=5)
'…hai ba bốn…'
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Container, Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from .._elements import LEVEL_COMMITTEES, LEVEL_WORDS, Level, Location, Part
from .._model import Plan
from .._vietnamese import modern_tones
from ._scan import FOLD, LOWER, SEARCH, encode

if TYPE_CHECKING:
    from ._config import Settings

__all__ = ["Context", "Segment", "excerpt", "issuer_is_party", "level_of", "modern_uy"]


class Segment(NamedTuple):
    """One piece of the plan's text: ``element`` id, ``text``, ``part`` and ``location``.

    A named tuple: a plan has a hundred of them, built for every validation.
    """

    element: str
    location: Location | None
    text: str
    part: str

    @property
    def line(self) -> int | None:
        """The first line of the element (None when unknown)."""
        return self.location.line if self.location is not None else None


_VALIDATED = frozenset(
    {
        "title",
        "preamble",
        "bases",
        "purposes",
        "requirements",
        "standing",
        "phase",
        "form",
        "assignment",
        "section",
        "note",
        "closing",
        "recipient",
        "unparsed",
    }
)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _walk(plan: Plan) -> tuple[list[Segment], str]:
    """The texts rules read: :meth:`Plan.texts` less the signature, trailer and footnotes.

    Bases are read in the preamble's text when there is one (the same words).
    Also their texts joined by newlines (:attr:`Context.full_text`).
    """
    skip_bases = bool(plan.preamble)
    # the header's notes are its printed formula (motto, rules, a number or date line
    # with blanks); the identity rules check the number and date themselves
    header_notes = {note.id for note in plan.notes if note.part in (Part.HEADER, Part.PAGE)}
    kept = [
        each
        for each in plan.texts()
        if each.part in _VALIDATED
        and not (skip_bases and each.part == "bases")
        and not (each.part == "note" and each.element in header_notes)
    ]
    joined = "\n".join([each.text for each in kept])
    if _nfc(joined) is joined:  # normalised already: one check for the whole plan
        return [Segment(e.element, e.location, e.text, e.part) for e in kept], joined
    segments = [Segment(e.element, e.location, _nfc(e.text), e.part) for e in kept]
    return segments, "\n".join(s.text for s in segments)


def excerpt(text: str, start: int, end: int, *, width: int = 30) -> str:
    """The matched text with up to ``width`` characters of context each side."""
    lo = max(0, start - width)
    hi = min(len(text), end + width)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(text) else ""
    return head + " ".join(text[lo:hi].split()) + tail


def _level_patterns() -> list[tuple[re.Pattern[str], Level]]:
    """One pattern per level from the shared vocabulary, lowest level first."""
    words: dict[Level, list[str]] = {}
    for word, level in (*LEVEL_WORDS, *LEVEL_COMMITTEES):
        if level not in (Level.GRASSROOTS, Level.UNKNOWN):
            words.setdefault(level, []).append(word)
    order = sorted(words, key=lambda level: level.rank)
    return [
        (re.compile(r"\b(?:" + "|".join(map(re.escape, words[lv])) + r")\b", re.I), lv)
        for lv in order
    ]


_LEVEL_WORDS = _level_patterns()


def level_of(name: str | None) -> Level:
    """The administrative level a body's name implies (the lowest level word wins).

    >>> level_of("Ban Thường vụ Quận ủy Cái Răng").value, level_of("Đảng ủy xã ……").value
    ('district', 'commune')
    """
    if not name:
        return Level.UNKNOWN
    name = modern_uy(_nfc(name))
    for pattern, level in _LEVEL_WORDS:
        if pattern.search(name):
            return level
    return Level.UNKNOWN


_PARTY_BODY = re.compile(
    r"\b(?:Đảng|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Ban Thường vụ|Chi bộ|Tiểu ban|Ban Tuyên"
    r"|Ban Tổ chức|Ban Dân vận|Ban Xây dựng Đảng|Ủy ban Kiểm tra)",
    re.I,
)
_STATE_BODY = re.compile(
    r"\b(?:Ủy ban nhân dân|UBND|Sở|Phòng|Bộ(?! phận)|Hội đồng nhân dân|Chính phủ|Trung tâm)\b"
)

_STATE_BODY_UPPER = re.compile(
    r"\b(?:ỦY BAN NHÂN DÂN|UBND|SỞ|PHÒNG|BỘ(?! PHẬN)|HỘI ĐỒNG NHÂN DÂN|CHÍNH PHỦ|TRUNG TÂM)\b"
)


def issuer_is_party(issuer: str | None) -> bool | None:
    """True for a Party body, False for a State body, None when the name does not tell.

    >>> issuer_is_party("Đảng ủy xã Kiên Mộc"), issuer_is_party("Sở Văn hóa, Thể thao và Du lịch")
    (True, False)
    """
    if not issuer:
        return None
    issuer = modern_uy(_nfc(issuer))
    if _PARTY_BODY.search(issuer):
        return True
    if _STATE_BODY.search(issuer) or (issuer.isupper() and _STATE_BODY_UPPER.search(issuer)):
        return False
    return None


@functools.lru_cache(maxsize=1024)
def roman_to_int(text: str) -> int:
    """``_numbers.roman_to_int``, remembered: plans repeat their ordinals (ValueError
    when ``text`` is not a Roman numeral)."""
    from .._numbers import roman_to_int as read_roman

    return read_roman(text)


def modern_uy(text: str) -> str:
    """Old tone placement (any case) moved to the modern place: ``TỈNH UỶ`` is ``TỈNH ỦY``."""
    return modern_tones(text)


_Group = tuple[bytes, frozenset[bytes] | None, bool]
"""Needles searched together: the bytes to find, the needles a hit must be, and where.

``(needle, None, False)``: one needle, found in :attr:`Context.encoded` itself;
``(key, needles, True)``: needles that differ only in case, their lower-case form
found in :attr:`Context.lower`; ``(key, needles, False)``: three or more needles
that differ by case, diacritics or ``,;.:``, their form by ``_scan.SEARCH`` found in
:attr:`Context.searched`. A hit of a key is one of the needles when the text
there is.
"""


@functools.lru_cache(maxsize=1024)
def _needle_groups(needles: tuple[str, ...]) -> list[_Group]:
    """``needles`` as bytes, grouped so that variants are searched once (see :data:`_Group`).

    Two needles that differ by more than case are searched one by one: their
    common folded form is often a common word (``Dảng``, ``dảng``: *dang*), whose
    every occurrence would be a candidate to check. A needle with a character
    :func:`encode` does not know is left out: the encoded text cannot hold it.
    """
    by_key: dict[bytes, set[bytes]] = {}
    for needle in needles:
        data = encode(needle)
        if data is not None:
            by_key.setdefault(data.translate(SEARCH), set()).add(data)
    out: list[_Group] = []
    for key, exact in by_key.items():
        lowered = {e.translate(LOWER) for e in exact}
        if len(exact) == 1:
            out.append((next(iter(exact)), None, False))
        elif len(lowered) == 1:
            out.append((lowered.pop(), frozenset(exact), True))
        elif len(exact) >= 3:
            out.append((key, frozenset(exact), False))
        else:
            out.extend((e, None, False) for e in sorted(exact))
    return out


@functools.lru_cache(maxsize=1024)
def _capitals(needles: tuple[str, ...]) -> re.Pattern[bytes] | None:
    """One pattern for five or more needles that all start with a capital, or None.

    ``re`` skips to the bytes a pattern can start with in C: capitals are rare, so
    one pass (about 3 ns a byte) finds five needles faster than a ``find`` per
    needle (about 0.7 ns a byte each). Only when no needle can start inside
    another's match (non-overlapping matches would miss it).
    """
    encoded = {e for e in map(encode, needles) if e is not None}
    if len(encoded) < 5 or not all(n[:1].isupper() for n in needles):
        return None
    for a in encoded:
        for k in range(1, len(a)):
            tail = a[k:]
            if any(b.startswith(tail) or tail.startswith(b) for b in encoded):
                return None
    ordered = sorted(encoded, key=lambda e: (-len(e), e))  # longest first
    return re.compile(b"|".join(map(re.escape, ordered)))


class Context:
    """What every rule receives: the plan, the superior, the text, shared facts."""

    def __init__(
        self, plan: Plan, superior: Plan | None = None, settings: Settings | None = None
    ) -> None:
        self.plan = plan
        self.superior = superior
        self.settings = settings
        """The validation settings (None: the defaults)."""
        self.segments: list[Segment]
        self.segments, self.full_text = _walk(plan)

    @functools.cached_property
    def own_level(self) -> Level:
        """The issuer's level, from its name, else the settings' ``level``."""
        level = level_of(self.plan.issuer)
        if level is Level.UNKNOWN and self.settings is not None and self.settings.level:
            return self.settings.level
        return level

    @functools.cached_property
    def party(self) -> bool | None:
        """Whether the plan is a Party document (style first, then the issuer's name,
        then the settings' ``format``)."""
        from .._numbers import NumberStyle

        if self.plan.style is not None:
            return self.plan.style is NumberStyle.PARTY
        party = issuer_is_party(self.plan.issuer)
        if party is None and self.settings is not None and self.settings.plan_format:
            return self.settings.plan_format == "party"
        return party

    @functools.cached_property
    def plan_date(self) -> dt.date | None:
        """The issue date, or the digital signature's date when the header is lost."""
        if self.plan.issued_on is not None:
            return self.plan.issued_on
        signature = self.plan.signature
        digital = signature.digital if signature is not None else None
        if digital is not None and digital.signed_at is not None:
            return digital.signed_at.date()
        return None

    full_text: str
    """Every segment's text joined by newlines (for plan-wide counts)."""

    @functools.cached_property
    def starts(self) -> list[int]:
        """Where each segment's text starts in :attr:`full_text`."""
        out: list[int] = []
        pos = 0
        for segment in self.segments:
            out.append(pos)
            pos += len(segment.text) + 1
        return out

    @functools.cached_property
    def encoded(self) -> bytes | None:
        """:attr:`full_text` as one byte per character (see ``_scan``), or None."""
        return encode(self.full_text)

    @functools.cached_property
    def cache(self) -> dict[str, object]:
        """Facts one rule computes and another reuses, by name."""
        return {}

    @functools.cached_property
    def folded(self) -> bytes | None:
        """:attr:`encoded` with every letter folded to its lower-case base letter."""
        data = self.encoded
        return data.translate(FOLD) if data is not None else None

    @functools.cached_property
    def lower(self) -> bytes | None:
        """:attr:`encoded` in lower case."""
        data = self.encoded
        return data.translate(LOWER) if data is not None else None

    @functools.cached_property
    def searched(self) -> bytes | None:
        """:attr:`encoded` translated by ``_scan.SEARCH``: where needles of one group
        (see :func:`_needle_groups`) are searched together."""
        data = self.encoded
        return data.translate(SEARCH) if data is not None else None

    def _groups(self, needles: tuple[str, ...]) -> tuple[bytes, list[_Group]] | None:
        """The bytes to search and the needles grouped (None: search the str text)."""
        data = self.encoded
        if data is None:
            return None
        return data, _needle_groups(needles)

    def _haystack_of(self, data: bytes, group: _Group) -> bytes:
        """The text a group's key is searched in."""
        _key, exact, lower = group
        haystack = data if exact is None else self.lower if lower else self.searched
        assert haystack is not None
        return haystack

    def _hits(self, data: bytes, group: _Group, skip: list[int] | None = None) -> Iterator[int]:
        """Where a needle of ``group`` starts; with ``skip``, at most once per segment
        (``skip`` is :attr:`starts`)."""
        key, exact, _lower = group
        haystack = self._haystack_of(data, group)
        size = len(key)
        i = haystack.find(key)
        while i != -1:
            if exact is None or data[i : i + size] in exact:
                yield i
                if skip is not None:
                    k = bisect.bisect_right(skip, i)
                    if k >= len(skip):
                        return
                    i = haystack.find(key, skip[k])
                    continue
            i = haystack.find(key, i + 1)

    def positions(self, *needles: str) -> list[int]:
        """Every offset in :attr:`full_text` where one of ``needles`` starts, sorted."""
        grouped = self._groups(needles)
        found: set[int] = set()
        if grouped is None:
            full = self.full_text
            for needle in needles:
                i = full.find(needle)
                while i != -1:
                    found.add(i)
                    i = full.find(needle, i + 1)
            return sorted(found)
        data, groups = grouped
        capitals = _capitals(needles)
        if capitals is not None:
            return [m.start() for m in capitals.finditer(data)]
        add = found.add
        for group in groups:
            key, exact, _lower = group
            if exact is None:  # the loop of ``_hits``, inlined: this is the hot path
                i = data.find(key)
                while i != -1:
                    add(i)
                    i = data.find(key, i + 1)
                continue
            haystack = self._haystack_of(data, group)
            size = len(key)
            i = haystack.find(key)
            while i != -1:
                if data[i : i + size] in exact:
                    add(i)
                i = haystack.find(key, i + 1)
        return sorted(found)

    def indices_with(self, *needles: str) -> set[int]:
        """The indices of the segments holding at least one of ``needles``."""
        if any("\n" in n for n in needles):
            return {k for k, s in enumerate(self.segments) if any(n in s.text for n in needles)}
        starts = self.starts
        grouped = self._groups(needles)
        hit: set[int] = set()
        if grouped is None:
            full = self.full_text
            for needle in needles:
                i = full.find(needle)
                while i != -1:
                    k = bisect.bisect_right(starts, i) - 1
                    hit.add(k)
                    i = full.find(needle, starts[k + 1]) if k + 1 < len(starts) else -1
            return hit
        data, groups = grouped
        capitals = _capitals(needles)
        if capitals is not None:
            return {bisect.bisect_right(starts, m.start()) - 1 for m in capitals.finditer(data)}
        for group in groups:
            for i in self._hits(data, group, starts):
                hit.add(bisect.bisect_right(starts, i) - 1)
        return hit

    def segments_with(self, *needles: str) -> list[Segment]:
        """The segments holding at least one of ``needles``, in order."""
        return [self.segments[k] for k in sorted(self.indices_with(*needles))]

    def finditer(
        self, pattern: re.Pattern[str], *needles: str, within: set[int] | None = None
    ) -> Iterator[tuple[Segment, re.Match[str]]]:
        """Every match of ``pattern`` in every segment.

        With ``needles``, only segments holding at least one of them are searched:
        a cheap substring test that keeps validation fast on long plans. With
        ``within``, only the segments of those indices.
        """
        indices = self.indices_with(*needles) if needles else range(len(self.segments))
        if within is not None:
            indices = within.intersection(indices)
        for k in sorted(indices):
            segment = self.segments[k]
            for match in pattern.finditer(segment.text):
                yield segment, match

    def matches_at(
        self,
        pattern: re.Pattern[str],
        positions: Iterable[int],
        within: Container[int] | None = None,
    ) -> Iterator[tuple[Segment, re.Match[str]]]:
        """What :meth:`finditer` yields, trying ``pattern`` only at ``positions``.

        ``positions`` (offsets in :attr:`full_text`, sorted) must include every place
        where a match can start; then the result is the same, as ``pattern.match``
        at an offset sees the text before it (``\\b``, look-behinds) as ``finditer``
        does. Matches do not overlap: a position inside the last match is skipped.
        With ``within``, only the segments of those indices are searched.
        """
        starts, segments = self.starts, self.segments
        current, done = -1, 0
        for pos in positions:
            k = bisect.bisect_right(starts, pos) - 1
            if k != current:
                current, done = k, 0
            if within is not None and k not in within:
                continue
            local = pos - starts[k]
            text = segments[k].text
            if local < done or local >= len(text):
                continue
            match = pattern.match(text, local)
            if match is not None and match.end() > local:
                done = match.end()
                yield segments[k], match
