"""Logical lines: join wrapped lines, split glued items, take out footnotes.

Extraction wraps every paragraph at the page width and sometimes glues two
items onto one line. This stage rebuilds one :class:`SourceLine` per item,
heading or paragraph, keeping the first and last physical line.

A physical line starts a new logical line when it opens with a numbering label
(``I-``, ``1.``, ``2.1.``, ``a)``, ``(1)``, ``-``, ``+``, ``Thứ nhất,``), a marker
(``Đợt 2``, ``Giai đoạn 2``, ``Nơi nhận``, ``T/M``), when the line before it clearly ended
(``.``, ``:``, ``!``, ``?``, ``…``) or was short, or when either of the two is an
upper-case heading. A hyphen between words (*kinh tế - xã hội*) is never a
bullet; a ``-`` followed by a year after a line ending in a number is the
second half of a period (``2021`` / ``- 2030``).

A plan copied from a web page (Markdown, see :mod:`.markdown`) is wrapped after
a few words, so line length and end punctuation say nothing there; Markdown's
own rule holds instead: a blank line (or a table's cell) opens a paragraph and
the lines up to it are one, except where a line opens a label, a bullet or a
marker (:meth:`_Joiner.starts_new_markdown`). Other text is joined as above.

>>> doc = text_to_document("1. Mục đích\\n\\n- Tuyên truyền sâu rộng để cán bộ, đảng viên và "
...     "Nhân dân các dân tộc trên\\n\\nđịa bàn nhận thức về kinh tế - xã hội. - Treo cờ Đảng.")
>>> [(l.text, l.line, l.end_line) for l in doc.lines]  # doctest: +NORMALIZE_WHITESPACE
[('1. Mục đích', 1, 1),
 ('- Tuyên truyền sâu rộng để cán bộ, đảng viên và Nhân dân các dân tộc trên địa bàn nhận
   thức về kinh tế - xã hội.', 3, 5),
 ('- Treo cờ Đảng.', 5, 5)]
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Mapping

import attrs

from .._errors import InputError
from .clean import PhysicalLine, clean_lines
from .footnotes import take_footnotes_located
from .labels import rest_after, split_label
from .source import SourceDocument, SourceLine, slice_runs

__all__ = ["Geometry", "is_upper_heading", "text_to_document"]

MAX_TEXT_CHARS = 50 * 1024 * 1024

_MARKER_RE = re.compile(
    r"(?:(?:Đợt|Giai\s+đoạn)\s+(?:\d{1,2}|[IVX]{1,4})\b|Nơi\s+nhận|T/M\b|TM\.|K/T\b|KT\.|T/L\b|TL\.|TUQ\.|"
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2})"
)
_ISO_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_TAIL_RE = re.compile(r"Nơi\s+nhận\s*(?::|$)|T/M\b|TM\.|K/T\b|KT\.|T/L\b|TL\.|TUQ\.")
_ENDED_RE = re.compile(r"(?:[.!?:…]|\./\.)[”\"’)\]]*$")
_GLUE_RE = re.compile(
    r"(?<=[.;:…!?”\")])\s+"
    r"(?=(?:[-–+•]\s*|\(\d{1,2}\)\s|\d{1,2}(?:\.\d{1,2}){0,3}\.\s?|[a-zđ]\)\s|Thứ\s\w+,\s)(\S))"
)
_TRAILER_END_RE = re.compile(r"đã\s+ký|ký\s+lên|@")
# A capitalised legal-basis opener starts a paragraph (one basis per line in State plans).
_OPENER_RE = re.compile(r"(?:Căn\s+cứ|Thực\s+hiện)\s")
_HEADING_FORMATS = frozenset({"roman", "arabic1", "arabic2", "arabic3", "arabic4"})


def is_upper_heading(text: str) -> bool:
    """True when every letter of ``text`` is upper case (and there are at least three).

    >>> is_upper_heading("I- MỤC ĐÍCH, YÊU CẦU"), is_upper_heading("Nội DUNG")
    (True, False)
    """
    if text != text.upper():  # a lower-case letter: most lines stop here
        return False
    return sum(ch.isalpha() for ch in text) >= 3


def _typical_width(lines: list[PhysicalLine]) -> int:
    widths = sorted(len(line.text) for line in lines if len(line.text) >= 20)
    if len(widths) < 8:
        return 0
    return widths[(len(widths) * 4) // 5]


@attrs.frozen
class Geometry:
    """What a PDF's coordinates say of one physical line (see :mod:`.pdf`).

    ``full``: the line runs to its column's right edge (the next word did not
    fit), so a line after it that is not indented goes on with it;
    ``indented``: the line starts right of its column's left edge (a
    paragraph's first line, a bullet).
    """

    full: bool
    indented: bool
    centred: bool = False
    """A centred line of the running text (a title, an annex heading), not a table cell."""
    cell: bool = False
    """A line of a cell of the header or of the recipients and signature block."""
    trusted: bool = False
    """The document indents the first line of its paragraphs: a line after one that
    ran to the edge is a new paragraph exactly when indented, even after a full stop."""
    joins: bool = False
    """The line goes on with the one before whatever it starts with: the line
    before ran to the edge, and this one is not indented where the document
    indents its bullets (``kinh tế`` / ``- xã hội``: a hyphen wrapped to the line start)."""


class _Joiner:
    """Decides, line by line, whether a physical line continues the previous one."""

    def __init__(self, width: int, geometry: Mapping[int, Geometry] | None = None) -> None:
        self.width = width
        self.geometry = geometry or {}
        self.trusted = False
        self.centred = False
        self.cell = False
        self.last_roman = 0
        self.in_tail = False
        self.trailer_left = 0

    def by_geometry(self, last_line: int, line: int) -> bool | None:
        """Whether the line opens a new logical line by the coordinates, if both are known."""
        before = self.geometry.get(last_line)
        here = self.geometry.get(line)
        if before is None or here is None:
            self.trusted = self.centred = self.cell = False
            return None
        self.trusted = here.trusted
        self.centred = here.centred and before.centred
        self.cell = here.cell or before.cell
        return here.indented or not before.full

    def starts_new(
        self, prev: str, cur: str, last: str, prev_upper: bool, geometric: bool | None = None
    ) -> bool:
        """Whether ``cur`` opens a logical line after ``prev`` (last physical line ``last``).

        ``geometric`` is what the coordinates say (:meth:`by_geometry`), when known.
        """
        first = cur[0]
        if not any(ch.isalnum() for ch in cur) or not any(ch.isalnum() for ch in last):
            return True
        if _ISO_RE.match(cur):
            self.trailer_left = 2
            return True
        if self.trailer_left:
            self.trailer_left = 0 if _TRAILER_END_RE.search(cur) else self.trailer_left - 1
            return True
        if _TAIL_RE.match(cur):
            self.in_tail = True
            return True
        cur_upper = is_upper_heading(cur)
        if self.in_tail:
            if geometric is False and (not self.cell or not prev_upper):
                return False  # a recipient the cell wrapped, a heading of an annex
            return not (first.islower() and not prev_upper)
        label = split_label(cur)
        if label is not None:
            decided = self._label_starts(label.fmt, label.value, last, cur)
            if decided is not None:
                return decided
        if _MARKER_RE.match(cur):
            return True
        if geometric is not None and not first.islower():
            trusted = self.trusted
            if not trusted and (_ENDED_RE.search(last) or _OPENER_RE.match(cur)):
                return True
            return geometric or prev_upper != cur_upper  # a capitals heading ends at lower case
        if prev_upper or cur_upper:
            return not (prev_upper and cur_upper and self._roman_heading(prev))
        if first.islower():
            return False
        if _ENDED_RE.search(last) or _OPENER_RE.match(cur):
            return True
        if not self.width:
            return False
        if len(last) < self.width * 0.75:
            return True
        # A numbered heading on one physical line, followed by a capitalised line whose
        # first word would have fitted after it: the heading ended there, it was not wrapped.
        head = split_label(prev)
        return (
            prev == last
            and head is not None
            and head.fmt in _HEADING_FORMATS
            and len(last) + 1 + len(cur.split()[0]) < self.width * 0.9
        )

    def starts_new_markdown(
        self, prev: str, cur: PhysicalLine, last: str, prev_upper: bool
    ) -> bool:
        """As :meth:`starts_new`, for a line of a Markdown document (a plan from a web page).

        Markdown's own rule decides first: a paragraph runs over consecutive
        non-blank lines, so a line continues the one before unless it opens a
        block (after a blank line; a table's cell), opens a numbering label, a
        bullet or a marker, or is a rule. A line all in capitals next to one that
        is not (``CỘNG HÒA ... VIỆT NAM`` / ``Độc lập - Tự do - Hạnh phúc``), and two
        lines in capitals (``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH``), stay apart unless a
        bold run goes on from one into the other (``**TM. ỦY BAN NHÂN`` / ``DÂN**``)
        or the line before is a label alone (``I.`` / ``ĐÁNH GIÁ ...``). In the block
        (a table's cell) of the recipients or the signing authority the lines stay
        apart as in other text; the next block (an annex) is read as paragraphs again.
        """
        text = cur.text
        if cur.opens and not _TAIL_RE.match(text):
            self.in_tail = False  # the recipients' or the signature's cell has ended
        if self.trailer_left or self.in_tail or _ISO_RE.match(text) or _TAIL_RE.match(text):
            apart = self.starts_new(prev, text, last, prev_upper)
            return (
                bool(cur.opens) or _TAIL_RE.match(text) is not None or (apart and not cur.in_bold)
            )
        label = split_label(text)
        decided: bool | None = None
        if label is not None:
            if label.fmt == "dash" and not cur.opens and _word_hyphen(last, text):
                return False
            decided = self._label_starts(label.fmt, label.value, last, text)
        if cur.opens or decided is not None:
            return cur.opens or bool(decided)
        if not any(ch.isalnum() for ch in text) or not any(ch.isalnum() for ch in last):
            return True
        if _MARKER_RE.match(text):
            return True
        head = split_label(last)
        if cur.in_bold or (head is not None and not rest_after(last, head)):
            return False
        cur_upper = is_upper_heading(text)
        if prev_upper or cur_upper:
            return not (prev_upper and cur_upper and self._roman_heading(prev))
        return False

    def _roman_heading(self, prev: str) -> bool:
        label = split_label(prev)
        return label is not None and label.fmt == "roman"

    def _label_starts(self, fmt: str, value: int | None, prev: str, cur: str) -> bool | None:
        """True or False when the label decides; ``None`` to judge it as unlabelled text."""
        if fmt == "dash" and cur[1:].lstrip()[:1].isdigit() and prev[-1:].isdigit():
            return False
        if fmt == "roman":
            if value is None or value not in (1, self.last_roman + 1):
                return None
            self.last_roman = value
        return True


def _word_hyphen(last: str, cur: str) -> bool:
    """A hyphen between words wrapped to the start of a line: ``chính trị`` / ``- xã hội``."""
    after = cur[1:].lstrip()[:1]
    return bool(last) and last[-1].isalnum() and after.islower()


_NUMBER_WRAP_END = re.compile(r"(?<![\w-])\d+[a-z]?-$")
_CODE_START = re.compile(r"[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ0-9]")
_HYPHEN_WRAP_END = re.compile(r"(?<=\S)-$")


def _no_lower(text: str) -> bool:
    return not any(ch.islower() for ch in text)


Runs = list[tuple[int, int, int]]


def _runs_of(phys: PhysicalLine, at: int) -> Runs:
    """The physical line's runs as (offset in the joined text, line, column)."""
    if not phys.runs:
        return [(at, phys.line, 1)]
    return [(at + offset, phys.line, column) for offset, column in phys.runs]


def _join(
    lines: list[PhysicalLine], geometry: Mapping[int, Geometry] | None = None
) -> Iterable[tuple[str, Runs]]:
    """Logical lines with their source map: (offset in the text, physical line, column)."""
    joiner = _Joiner(_typical_width(lines), geometry)
    parts: list[str] = []
    length = 0
    runs: Runs = []
    upper = False
    last_line = 0
    for phys in lines:
        geometric = joiner.by_geometry(last_line, phys.line) if geometry else None
        last_line = phys.line
        joins = bool(geometry) and geometric is False and geometry[phys.line].joins  # type: ignore[index]
        if parts and (
            joins
            or not (
                joiner.starts_new(parts[0], phys.text, parts[-1], upper, geometric)
                if phys.opens is None
                else joiner.starts_new_markdown(parts[0], phys, parts[-1], upper)
            )
        ):
            # "Hướng dẫn số 43-" / "HD/BTGTU": a document number wrapped at its
            # hyphen is joined back without a space, as is a word or range a PDF
            # wrapped after its hyphen ("2026-" / "2031"); anything else with one.
            glued = _NUMBER_WRAP_END.search(parts[-1]) and _CODE_START.match(phys.text)
            wrapped = geometric is False and _HYPHEN_WRAP_END.search(parts[-1])
            sep = "" if glued or wrapped else " "
            runs.extend(_runs_of(phys, length + len(sep)))
            parts.append(sep + phys.text)
            length += len(sep) + len(phys.text)
            upper = upper and _no_lower(phys.text)
            continue
        if parts:
            yield "".join(parts), runs
        label = split_label(phys.text)
        if label is not None and label.fmt == "roman" and label.value is not None and not parts:
            joiner.last_roman = label.value
        parts = [phys.text]
        length = len(phys.text)
        runs = _runs_of(phys, 0)
        upper = is_upper_heading(phys.text)
    if parts:
        yield "".join(parts), runs


def _line_at(runs: Runs, offset: int) -> int:
    index = bisect.bisect_right(runs, offset, key=lambda run: run[0]) - 1
    return runs[max(index, 0)][1]


def _split_glued(text: str, runs: Runs) -> list[SourceLine]:
    cuts = [0]
    for match in _GLUE_RE.finditer(text):
        if match.group(1).isupper():
            cuts.append(match.end())
    cuts.append(len(text))
    out: list[SourceLine] = []
    for start, end in itertools.pairwise(cuts):
        raw = text[start:end]
        piece = raw.strip()
        if not piece:
            continue
        first = start + len(raw) - len(raw.lstrip())
        last = first + len(piece)
        out.append(
            SourceLine(
                text=piece,
                line=_line_at(runs, first),
                end_line=_line_at(runs, last - 1),
                starts=slice_runs(runs, first, last),
            )
        )
    return out


def text_to_document(
    text: str, *, source: str = "<text>", geometry: Mapping[int, Geometry] | None = None
) -> SourceDocument:
    """Turn plain text into logical :class:`SourceLine` s and footnotes.

    ``geometry`` (from a PDF's coordinates, by physical line) decides where
    wrapped lines join where it is known. Raises :class:`InputError` for text
    over 50 MiB characters or with no words.
    """
    if len(text) > MAX_TEXT_CHARS:
        raise InputError("input too large", source=source)
    pages: list[PhysicalLine] = []
    physical = clean_lines(text, pages=pages, page_numbers=geometry is None)
    if not any(ch.isalnum() for line in physical for ch in line.text):
        raise InputError("empty document: no words", source=source)
    physical, footnotes, where = take_footnotes_located(physical)
    logical: list[SourceLine] = []
    for joined, segments in _join(physical, geometry):
        logical.extend(_split_glued(joined, segments))
    furniture = [
        SourceLine(text=page.text, line=page.line, starts=tuple(_runs_of(page, 0)))
        for page in pages
    ]
    return SourceDocument(
        lines=logical,
        footnotes=footnotes,
        footnote_lines=where,
        page_furniture=furniture,
        source=source,
    )
