"""Small building blocks of a plan: locations, enums, content items, citations.

>>> item = ContentItem(label="-", text="Tuyên truyền về ý nghĩa của đại hội.")
>>> item.text
'Tuyên truyền về ý nghĩa của đại hội.'
>>> ContentItem(text="x", children=[ContentItem(text="y")]).children[0].text
'y'
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
from collections.abc import Callable, Iterable
from typing import Any

import attrs
from attrs import validators as v

from ._anchors import Anchor, DateAnchor, IssueDate, MilestoneEdge, Open
from ._numbers import DocumentNumber, Term

__all__ = [
    "Anniversary",
    "Citation",
    "ContentItem",
    "Fragment",
    "Level",
    "LineStart",
    "Location",
    "Milestone",
    "Note",
    "Part",
    "SectionHeading",
]

_str = v.instance_of(str)
_opt_str = v.optional(_str)
_opt_int = v.optional(v.instance_of(int))
_opt_date = v.optional(v.instance_of(dt.date))
_ANCHOR_TYPES = (DateAnchor, IssueDate, MilestoneEdge, Open)


def tuple_of(kind: Callable[[], type] | type) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """Validator: every member is an instance of ``kind`` (a class, or a callable giving one)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        cls = kind if isinstance(kind, type) else kind()
        for member in value:
            if not isinstance(member, cls):
                raise TypeError(
                    f"{attribute.name} must hold {cls.__name__} values, got {type(member).__name__}"
                )

    return check


def strs(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validator: a tuple of strings."""
    tuple_of(str)(instance, attribute, value)


def content_items(values: Iterable[ContentItem]) -> tuple[ContentItem, ...]:
    """Converter: any iterable of items becomes a tuple (plans stay hashable and comparable)."""
    return tuple(values)


def str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    """Converter: any iterable of strings becomes a tuple."""
    return tuple(values)


class Part(enum.Enum):
    """The parts of a plan, in the usual document order (DOMAIN.md section 2)."""

    HEADER = "header"
    TITLE = "title"
    PREAMBLE = "preamble"
    PURPOSES = "purposes"
    REQUIREMENTS = "requirements"
    CONTENT = "content"
    FORMS = "forms"
    ASSIGNMENTS = "assignments"
    CLOSING = "closing"
    RECIPIENTS = "recipients"
    SIGNATURE = "signature"
    PAGE = "page"
    """Page furniture kept out of the body: page numbers, running heads and footers."""


class Level(enum.Enum):
    """Administrative level of a body or a congress."""

    NATIONAL = "national"
    """Trung ương, toàn quốc."""
    PROVINCE = "province"
    """Tỉnh, thành phố trực thuộc Trung ương."""
    DISTRICT = "district"
    """Huyện, quận, thị xã, thành phố thuộc tỉnh (abolished mid-2025)."""
    COMMUNE = "commune"
    """Xã, phường, thị trấn."""
    GRASSROOTS = "grassroots"
    """Chi bộ, đảng bộ cơ sở, cơ quan, đơn vị."""
    UNKNOWN = "unknown"

    @property
    def rank(self) -> int:
        """Height in the hierarchy: grassroots 1, commune 2 ... national 5; unknown 0.

        >>> Level.PROVINCE.rank > Level.COMMUNE.rank > Level.UNKNOWN.rank
        True
        """
        return _RANKS[self]


_RANKS = {
    Level.UNKNOWN: 0,
    Level.GRASSROOTS: 1,
    Level.COMMUNE: 2,
    Level.DISTRICT: 3,
    Level.PROVINCE: 4,
    Level.NATIONAL: 5,
}

LEVEL_WORDS: tuple[tuple[str, Level], ...] = (
    ("toàn quốc", Level.NATIONAL),
    ("thị xã", Level.DISTRICT),
    ("thị trấn", Level.COMMUNE),
    ("tỉnh", Level.PROVINCE),
    ("thành phố", Level.PROVINCE),
    ("huyện", Level.DISTRICT),
    ("quận", Level.DISTRICT),
    ("xã", Level.COMMUNE),
    ("phường", Level.COMMUNE),
    ("chi bộ", Level.GRASSROOTS),
    ("cơ sở", Level.GRASSROOTS),
)
"""The one vocabulary of levels: the words naming a unit of each level, in lower case,
longer words before the words they contain (``thị xã`` before ``xã``)."""

LEVEL_COMMITTEES: tuple[tuple[str, Level], ...] = (
    ("trung ương", Level.NATIONAL),
    ("tỉnh ủy", Level.PROVINCE),
    ("thành ủy", Level.PROVINCE),
    ("huyện ủy", Level.DISTRICT),
    ("quận ủy", Level.DISTRICT),
    ("thị ủy", Level.DISTRICT),
)
"""Committee names that carry their level (*Tỉnh ủy* is a province's), modern tones."""


@attrs.frozen
class LineStart:
    """Where a run of an element's text starts in the source.

    ``offset`` is the 0-based offset in the element's text; from there on the
    text comes from physical ``line`` (the paragraph number in a docx) at 1-based
    ``column``, one character per column, until the next run. A reader starts a
    new run wherever it joined lines or dropped characters (doubled spaces,
    markup), so every character of the text maps back to its place.
    """

    offset: int = attrs.field(validator=v.instance_of(int))
    line: int = attrs.field(validator=v.instance_of(int))
    column: int = attrs.field(validator=v.instance_of(int))


def _line_starts(values: Iterable[LineStart]) -> tuple[LineStart, ...]:
    return tuple(values)


@attrs.frozen
class Location:
    """Where an element was read: 1-based first and last line (paragraph in a docx).

    ``column`` and ``end_column`` (1-based; ``end_column`` is one past the last
    character, as in SARIF) and ``starts``, the source map of the element's text,
    are set by the readers and may be absent (older payloads, hand-built plans).
    Locations are metadata: plans compare equal without regard to them.

    In a PDF, ``line`` counts the lines of the whole document in reading order
    (the text ``kehoach read plan.pdf --text`` prints) and ``page`` / ``page_line``
    say where that line is printed: page 4, line 12.

    >>> loc = Location(12, 13, column=3, starts=[LineStart(0, 12, 3), LineStart(10, 13, 1)])
    >>> loc.position(0), loc.position(12), loc.line_at(12)
    ((12, 3), (13, 3), 13)
    >>> part = loc.span(10, 14)
    >>> part.line, part.column, part.end_line, part.end_column
    (13, 1, 13, 5)
    """

    line: int = attrs.field(validator=v.instance_of(int))
    end_line: int | None = attrs.field(default=None, validator=_opt_int)
    column: int | None = attrs.field(default=None, validator=_opt_int, kw_only=True)
    end_column: int | None = attrs.field(default=None, validator=_opt_int, kw_only=True)
    starts: tuple[LineStart, ...] = attrs.field(
        default=(), converter=_line_starts, validator=tuple_of(LineStart), kw_only=True
    )
    page: int | None = attrs.field(default=None, validator=_opt_int, kw_only=True)
    """The 1-based page of ``line`` in a paginated source (a PDF); ``None`` otherwise."""
    page_line: int | None = attrs.field(default=None, validator=_opt_int, kw_only=True)
    """The 1-based line of ``line`` on its ``page`` (a PDF); ``None`` otherwise."""

    def __str__(self) -> str:
        if self.end_line is None or self.end_line == self.line:
            return str(self.line)
        return f"{self.line}-{self.end_line}"

    def _run(self, offset: int) -> LineStart | None:
        starts = self.starts
        if not starts:
            return None
        index = bisect.bisect_right(starts, offset, key=_offset_of) - 1
        return starts[max(index, 0)]

    def position(self, offset: int) -> tuple[int, int | None]:
        """The (line, column) of character ``offset`` of the element's text.

        Without a source map, the element's first line (and its column for offset 0).
        """
        run = self._run(offset)
        if run is None:
            return self.line, self.column if offset == 0 else None
        return run.line, run.column + max(offset - run.offset, 0)

    def line_at(self, offset: int) -> int:
        """The physical line (paragraph in a docx) of character ``offset``."""
        return self.position(offset)[0]

    def span(self, start: int, end: int) -> Location:
        """The location of characters ``start`` to ``end`` (exclusive) of the element's text."""
        line, column = self.position(start)
        if end <= start:
            end_line, end_column = line, column
        else:
            end_line, last = self.position(end - 1)
            end_column = None if last is None else last + 1
            after_line, after = self.position(end)
            if after_line == end_line and after is not None and last is not None and after > last:
                end_column = after  # the next character's column: a composed letter may be wider

        starts: list[LineStart] = []
        for run in self.starts:
            if run.offset >= end and end > start:
                break
            if run.offset <= start:
                starts = [LineStart(0, run.line, run.column + start - run.offset)]
            else:
                starts.append(LineStart(run.offset - start, run.line, run.column))
        return Location(line, end_line, column=column, end_column=end_column, starts=starts)


def _offset_of(run: LineStart) -> int:
    return run.offset


_opt_loc = v.optional(v.instance_of(Location))


@attrs.frozen(kw_only=True)
class ContentItem:
    """A statement: a ``-`` bullet, a ``+`` sub-bullet, a ``(1)`` item or a paragraph.

    ``label`` is the marker as printed (``"-"``, ``"(1)"``, ``"a)"``, ``""`` for a
    plain paragraph). ``implements`` optionally names the id of the superior
    plan's item this one carries out; comparison trusts it over matching.
    ``due`` is a deadline the item states, if any.
    """

    id: str = attrs.field(default="", validator=_str)
    label: str = attrs.field(default="", validator=_str)
    text: str = attrs.field(default="", validator=_str)
    children: tuple[ContentItem, ...] = attrs.field(
        default=(), converter=content_items, validator=tuple_of(lambda: ContentItem)
    )
    implements: str | None = attrs.field(default=None, validator=_opt_str)
    due: Anchor | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(_ANCHOR_TYPES))
    )
    location: Location | None = attrs.field(default=None, validator=_opt_loc, eq=False)

    def walk(self) -> Iterable[ContentItem]:
        """This item, then its descendants, depth first in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@attrs.frozen(kw_only=True)
class Citation:
    """A cited document in the legal bases (*Căn cứ ...*, *Thực hiện ...*).

    ``number`` is a :class:`DocumentNumber` when it parses and the printed text
    when it does not (a template blank such as ``…….-CT/TW``).
    """

    id: str = attrs.field(default="", validator=_str)
    kind: str | None = attrs.field(default=None, validator=_opt_str)
    number: DocumentNumber | str | None = attrs.field(
        default=None, validator=v.optional(v.instance_of((DocumentNumber, str)))
    )
    issued_on: dt.date | None = attrs.field(default=None, validator=_opt_date)
    issuer: str | None = attrs.field(default=None, validator=_opt_str)
    title: str | None = attrs.field(default=None, validator=_opt_str)
    text: str = attrs.field(default="", validator=_str)
    location: Location | None = attrs.field(default=None, validator=_opt_loc, eq=False)


@attrs.frozen(kw_only=True)
class Milestone:
    """A congress (or other event) the plan's phases are anchored to.

    ``ordinal`` is the congress number (``XVIII`` is 18); ``aliases`` are the
    other wordings the plan uses for the same event.
    """

    id: str = attrs.field(default="", validator=_str)
    name: str = attrs.field(default="", validator=_str)
    body: str | None = attrs.field(default=None, validator=_opt_str)
    level: Level = attrs.field(default=Level.UNKNOWN, validator=v.instance_of(Level))
    ordinal: int | None = attrs.field(default=None, validator=_opt_int)
    term: Term | None = attrs.field(default=None, validator=v.optional(v.instance_of(Term)))
    starts_on: dt.date | None = attrs.field(default=None, validator=_opt_date)
    ends_on: dt.date | None = attrs.field(default=None, validator=_opt_date)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=str_tuple, validator=strs)


@attrs.frozen(kw_only=True)
class Anniversary:
    """A dated anniversary the plan ties propaganda to.

    *80 năm Ngày Quốc khánh (02/9/1945 - 02/9/2025)* has ``years=80``,
    ``origin=1945-09-02`` and ``on=2025-09-02``; the arithmetic is checked by
    validation, not here.
    """

    id: str = attrs.field(default="", validator=_str)
    name: str = attrs.field(default="", validator=_str)
    years: int | None = attrs.field(default=None, validator=_opt_int)
    origin: dt.date | None = attrs.field(default=None, validator=_opt_date)
    on: dt.date | None = attrs.field(default=None, validator=_opt_date)
    text: str = attrs.field(default="", validator=_str)
    location: Location | None = attrs.field(default=None, validator=_opt_loc, eq=False)


@attrs.frozen(kw_only=True)
class SectionHeading:
    """A section heading as printed (``I- MỤC ĐÍCH, YÊU CẦU``, ``2. Yêu cầu``).

    Writers use these to reproduce the plan's own numbering and wording.
    """

    id: str = attrs.field(default="", validator=_str)
    part: Part = attrs.field(validator=v.instance_of(Part))
    label: str = attrs.field(default="", validator=_str)
    title: str = attrs.field(default="", validator=_str)
    level: int = attrs.field(default=1, validator=v.instance_of(int))
    location: Location | None = attrs.field(default=None, validator=_opt_loc, eq=False)


@attrs.frozen(kw_only=True)
class Note:
    """Prose that belongs to a part but is not one of its items (an introduction)."""

    id: str = attrs.field(default="", validator=_str)
    part: Part = attrs.field(validator=v.instance_of(Part))
    text: str = attrs.field(default="", validator=_str)
    location: Location | None = attrs.field(default=None, validator=_opt_loc, eq=False)


@attrs.frozen(kw_only=True)
class Fragment:
    """Input the reader could not place, kept word for word with its location and why."""

    id: str = attrs.field(default="", validator=_str)
    text: str = attrs.field(validator=_str)
    reason: str = attrs.field(default="", validator=_str)
    location: Location | None = attrs.field(default=None, validator=_opt_loc, eq=False)
