"""Footnotes dropped into the body by extraction.

A footnote's text lands at the foot of its page, in the middle of the body,
as a line that opens with a small number: ``1 Quy định số 99-QĐ/TW ...``. Its
marker is glued to a word earlier in the text (``Ban Bí thư1``). A line is taken
out as a footnote only when both are seen, the marker precedes the footnote
and the numbers run 1, 2, 3 ...; otherwise it stays in the body.

A web page (Markdown) puts its footnotes at the end: the marker link ``[1]``
became ``đồng1`` (or ``đồng4/12,9``), and the note opens a block of its own,
``[1] Nghị quyết ...`` or ``[1]`` alone with the text on the next line; the note
is the whole block, whatever its lines open with.

>>> from kehoach_core._reading.clean import clean_lines
>>> lines, notes = take_footnotes(clean_lines(
...     "theo Quy định của Ban Bí thư1 về cờ Đảng.\\n1 Quy định số 99-QĐ/TW.\\n- Treo cờ."))
>>> [line.text for line in lines]
['theo Quy định của Ban Bí thư1 về cờ Đảng.', '- Treo cờ.']
>>> notes
{'1': 'Quy định số 99-QĐ/TW.'}
"""

from __future__ import annotations

import re

from .clean import PhysicalLine

__all__ = ["take_footnotes"]

_NOTE_RE = re.compile(r"(\d{1,2})\s+(\S.*)")
_ALONE_RE = re.compile(r"\d{1,2}")
_GLUED_RE = re.compile(r"(?<=[a-zà-ỹđ])(\d{1,2})(?=[\s,.;:)”/]|$)")


def take_footnotes(lines: list[PhysicalLine]) -> tuple[list[PhysicalLine], dict[str, str]]:
    """The lines without the footnote texts, and the footnote texts by marker."""
    keep, notes, _ = take_footnotes_located(lines)
    return keep, notes


def _note_at(lines: list[PhysicalLine], index: int) -> tuple[str, str] | None:
    """The marker and first text of a footnote opening at ``lines[index]``, if one may open there.

    In a Markdown document a footnote opens a block: ``1 Nghị quyết ...``, or the
    marker alone (``[1]``) with its text, capitalised, on the next line of the block.
    """
    line = lines[index]
    if line.opens is False:
        return None
    note = _NOTE_RE.fullmatch(line.text)
    if note:
        return (note.group(1), note.group(2)) if note.group(2)[0].isupper() else None
    if line.opens and _ALONE_RE.fullmatch(line.text) and index + 1 < len(lines):
        following = lines[index + 1]
        if following.opens is False and following.text[0].isupper():
            return line.text, ""
    return None


def take_footnotes_located(
    lines: list[PhysicalLine],
) -> tuple[list[PhysicalLine], dict[str, str], dict[str, tuple[int, int]]]:
    """As :func:`take_footnotes`, with the first and last physical line of each footnote.

    A footnote goes on over the lines that follow it: in a Markdown document, the
    rest of its block (whatever their case: ``13/3/2025 của ...``); in other text,
    the lines that open in lower case, until its text ends with a full stop.
    """
    first_glued: dict[str, int] = {}
    for index, line in enumerate(lines):
        for match in _GLUED_RE.finditer(line.text):
            first_glued.setdefault(match.group(1), index)
    if not first_glued:
        return lines, {}, {}
    keep: list[PhysicalLine] = []
    notes: dict[str, str] = {}
    where: dict[str, tuple[int, int]] = {}
    expected = 1
    current: str | None = None
    for index, line in enumerate(lines):
        note = _note_at(lines, index)
        if note:
            marker, text = note
            seen_at = first_glued.get(marker)
            if int(marker) == expected and seen_at is not None and seen_at < index:
                notes[marker] = text
                where[marker] = (line.line, line.line)
                current = marker
                expected += 1
                continue
        if current is not None and (
            line.opens is False
            if line.opens is not None
            else line.text[0].islower() and not notes[current].endswith(".")
        ):
            notes[current] = f"{notes[current]} {line.text}".lstrip()
            where[current] = (where[current][0], line.line)
            continue
        current = None
        keep.append(line)
    return keep, notes, where
