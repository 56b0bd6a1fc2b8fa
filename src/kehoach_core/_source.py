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

__all__ = ["SourceDocument", "SourceLine"]


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
    """

    text: str
    line: int
    end_line: int | None = None
    label: str | None = None
    bold: bool | None = None
    centered: bool | None = None
    in_table: str | None = None


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
    source: str = "<text>"
