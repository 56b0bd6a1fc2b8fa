"""Footnotes dropped into the body by extraction.

A footnote's text lands at the foot of its page, in the middle of the body,
as a line that opens with a small number: ``1 Quy định số 99-QĐ/TW ...``. Its
marker is glued to a word earlier in the text (``Ban Bí thư1``). A line is taken
out as a footnote only when both are seen, the marker precedes the footnote
and the numbers run 1, 2, 3 ...; otherwise it stays in the body.

>>> from kehoach_core._text.clean import clean_lines
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
_GLUED_RE = re.compile(r"(?<=[a-zà-ỹđ])(\d{1,2})(?=[\s,.;:)”]|$)")


def take_footnotes(lines: list[PhysicalLine]) -> tuple[list[PhysicalLine], dict[str, str]]:
    """The lines without the footnote texts, and the footnote texts by marker."""
    keep, notes, _ = take_footnotes_located(lines)
    return keep, notes


def take_footnotes_located(
    lines: list[PhysicalLine],
) -> tuple[list[PhysicalLine], dict[str, str], dict[str, tuple[int, int]]]:
    """As :func:`take_footnotes`, with the first and last physical line of each footnote."""
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
        note = _NOTE_RE.fullmatch(line.text)
        if note and note.group(2)[0].isupper():
            marker = note.group(1)
            seen_at = first_glued.get(marker)
            if int(marker) == expected and seen_at is not None and seen_at < index:
                notes[marker] = note.group(2)
                where[marker] = (line.line, line.line)
                current = marker
                expected += 1
                continue
        if current is not None and line.text[0].islower() and not notes[current].endswith("."):
            notes[current] = f"{notes[current]} {line.text}"
            where[current] = (where[current][0], line.line)
            continue
        current = None
        keep.append(line)
    return keep, notes, where
