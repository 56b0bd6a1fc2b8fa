"""The reader's intermediate form: the lines of a document, before any structure.

Both the text reader and the docx reader produce a :class:`SourceDocument`;
one structural pipeline turns it into a :class:`~kehoach_core.Plan`. A docx
paragraph is one :class:`SourceLine` whose ``label`` is the automatic numbering
Word would print (``"1."``, ``"a)"``, ``"-"``), recovered from the numbering
definitions; plain text has the label inside ``text`` instead.

>>> doc = SourceDocument(lines=[SourceLine(text="KẾ HOẠCH", line=1)], source="<text>")
>>> doc.lines[0].text
'KẾ HOẠCH'
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .._elements import LineStart, Location

__all__ = ["SourceDocument", "SourceLine", "join_locations", "joined_location", "slice_runs"]


@attrs.frozen(kw_only=True)
class SourceLine:
    """One line of text (one paragraph in a docx) and where it came from.

    ``line`` is 1-based: the physical line in a text file, the paragraph number
    (body order, tables included) in a docx; ``end_line`` the last physical line
    when the reader joined wrapped lines. ``label`` holds a numbering label
    that is not part of ``text`` (docx automatic numbering); ``None`` otherwise.
    ``bold``/``centered`` are layout hints from a docx (``None`` when unknown).
    ``in_table`` is ``"header"`` for the two-column header table of a docx,
    ``"body"`` for other tables, ``None`` outside tables.
    ``starts`` is the source map of ``text``: (offset in ``text``, physical line,
    1-based column) where each run of characters starts (see
    :class:`~kehoach_core.LineStart`); empty means ``text`` starts at column 1
    of ``line``. ``cased`` is the paragraph's text as typed when Word shows it
    in capitals by formatting (``w:caps``): ``text`` is what is printed (upper
    case), ``cased`` the stored case, which names keep (``None`` when the two
    are the same).
    """

    text: str
    line: int
    end_line: int | None = None
    label: str | None = None
    bold: bool | None = None
    centered: bool | None = None
    in_table: str | None = None
    starts: tuple[tuple[int, int, int], ...] = ()
    cased: str | None = None

    def location(self, start: int = 0, end: int | None = None) -> Location:
        """The :class:`~kehoach_core.Location` of ``text[start:end]``.

        >>> where = SourceLine(text="- Treo cờ", line=4, starts=((0, 4, 3),)).location(2)
        >>> where.line, where.column, where.end_column
        (4, 5, 12)
        """
        stop = len(self.text) if end is None else end
        if stop <= start:
            stop = start + 1
        if not self.starts:  # one run from column 1 (a docx paragraph, a hand-made line)
            line = self.line
            starts = (LineStart(0, line, start + 1),)
            return Location(line, line, column=start + 1, end_column=stop + 1, starts=starts)
        cut = slice_runs(self.starts, start, stop)
        offset, line, column = cut[-1]
        end_line, end_column = line, column + stop - start - offset
        return Location(
            cut[0][1],
            end_line,
            column=cut[0][2],
            end_column=end_column,
            starts=[LineStart(o, n, c) for o, n, c in cut],
        )

    def sub(self, start: int, end: int | None = None) -> SourceLine:
        """The line cut to ``text[start:end]`` (stripped), its source map cut to match.

        >>> SourceLine(text="- Như trên; - Lưu VT.", line=9).sub(11).location().column
        13
        """
        stop = len(self.text) if end is None else end
        raw = self.text[start:stop]
        first = start + len(raw) - len(raw.lstrip())
        last = max(first, start + len(raw.rstrip()))
        runs = self.starts or ((0, self.line, 1),)
        cut = slice_runs(runs, first, last)
        lines = [line for _, line, _ in cut] or [self.line]
        return attrs.evolve(
            self, text=self.text[first:last], line=lines[0], end_line=max(lines), starts=cut
        )

    def location_of(self, part: str, *, default: int = 0) -> Location:
        """The location of ``part`` found in ``text`` (at ``default`` if it is not there)."""
        index = self.text.find(part) if part else -1
        if index < 0:
            return self.location(default)
        return self.location(index, index + len(part))


def slice_runs(
    runs: Iterable[tuple[int, int, int]], start: int, end: int
) -> tuple[tuple[int, int, int], ...]:
    """The runs of ``text[start:end]``, offsets made relative to ``start``.

    >>> slice_runs([(0, 1, 1), (10, 2, 1)], 4, 12)
    ((0, 1, 5), (6, 2, 1))
    """
    out: list[tuple[int, int, int]] = []
    for offset, line, column in runs:
        if offset >= end and end > start:
            break
        if offset <= start:
            out = [(0, line, column + start - offset)]
        else:
            out.append((offset - start, line, column))
    return tuple(out)


def joined_location(lines: Iterable[SourceLine]) -> Location | None:
    """The location of the lines' texts joined by single spaces (a title over two lines).

    >>> joined_location([SourceLine(text="a b", line=3), SourceLine(text="c", line=5)]).position(4)
    (5, 1)
    """
    runs: list[tuple[int, int, int]] = []
    offset = 0
    first: SourceLine | None = None
    last: SourceLine | None = None
    for line in lines:
        first = first or line
        last = line
        for at, number, column in line.starts or ((0, line.line, 1),):
            runs.append((offset + at, number, column))
        offset += len(line.text) + 1
    if first is None or last is None:
        return None
    joined = SourceLine(
        text=" " * max(offset - 1, 0),
        line=first.line,
        end_line=last.end_line if last.end_line is not None else last.line,
        starts=tuple(runs),
    )
    return joined.location()


def join_locations(first: Location | None, length: int, second: Location | None) -> Location | None:
    """The location of ``text1 + " " + text2``: ``first`` for ``text1`` (``length`` long), then
    ``second``, its source map shifted past the space.

    >>> a = SourceLine(text="Ban", line=2, starts=((0, 2, 3),)).location()
    >>> b = SourceLine(text="Tuyên giáo", line=3, starts=((0, 3, 1),)).location()
    >>> join_locations(a, 3, b).position(4)
    (3, 1)
    """
    if first is None or second is None:
        return first or second
    starts = [*first.starts] or [LineStart(0, first.line, first.column or 1)]
    shift = length + 1
    starts += [LineStart(s.offset + shift, s.line, s.column) for s in second.starts] or [
        LineStart(shift, second.line, second.column or 1)
    ]
    lines = [first.line, first.end_line or first.line, second.line, second.end_line or second.line]
    return Location(
        min(lines),
        max(lines),
        column=first.column,
        end_column=second.end_column,
        starts=sorted(starts, key=lambda s: s.offset),
    )


def _lines(values: Iterable[SourceLine]) -> tuple[SourceLine, ...]:
    return tuple(values)


def _notes(values: dict[str, str]) -> dict[str, str]:
    return dict(values)


def _note_lines(values: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    return dict(values)


@attrs.frozen(kw_only=True)
class SourceDocument:
    """The lines of one document, its footnotes by marker, and its name for messages.

    ``footnote_lines`` gives, by marker, the first and last line where a
    footnote's text was read (text input); empty when unknown (docx).
    """

    lines: tuple[SourceLine, ...] = attrs.field(converter=_lines)
    footnotes: dict[str, str] = attrs.field(factory=dict, converter=_notes, hash=False)
    footnote_lines: dict[str, tuple[int, int]] = attrs.field(
        factory=dict, converter=_note_lines, hash=False
    )
    page_furniture: tuple[SourceLine, ...] = attrs.field(default=(), converter=_lines)
    """Lines taken out of the body as page furniture (page numbers), kept with their place."""
    source: str = "<text>"
