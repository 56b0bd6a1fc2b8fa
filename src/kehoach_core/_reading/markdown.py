"""Markdown markup in plans copied from web pages, taken out line by line by deletion only.

A plan saved from a web page and converted to Markdown carries markup the plan
never printed: its header table flattened into ``|`` rows, bold and italic
markers (``**``, ``*``, ``__``, ``_``) that open on one line and close on
another, sometimes around nothing (``** **``, ``* *``), escapes (``\\.``),
links, headings, footnote links (``[1]``). This module decides whether a
document is Markdown at all (:func:`looks_like_markdown`, on the whole text, so
that an ordinary plan whose ``*`` or ``|`` is text is left alone) and takes the
markup out of one physical line (:func:`demark_line`).

Contract
--------

``looks_like_markdown(text: str) -> bool``
    True when at least three lines of ``text`` carry Markdown evidence: a table
    line (``|`` alone, or ``| ... |``), ``**`` touching a word (not ``(**)``, not
    a ``***`` rule), a link ``[..](..)``, an escape (``\\.``, ``\\-``, ...) or an
    ATX heading (``# ...``). Linear in the length of ``text``.

``demark_line(raw: str) -> list[Piece]``, where ``Piece = tuple[str, Runs]`` and
``Runs = list[tuple[int, int]]``
    ``raw`` is one physical line (no line break). The result holds the line's
    *pieces* in reading order: a table row (a line whose first character other
    than a space is ``|``: ``| a | b |``, or a lone ``|`` between cells spread
    over several lines) gives one piece per cell and ``<br>`` ends a piece; any
    other line gives one piece. The pieces come from disjoint, increasing
    stretches of ``raw``. Pieces
    holding nothing but white space are left out, so a line that is all markup
    (a lone ``|``, a separator row ``|---|:--:|``, a ``***`` or ``* *`` line, a
    blank line) gives ``[]``.

    Each piece is ``(text, runs)``. ``text`` is made only by *deleting*
    characters of ``raw`` (no character is added, changed or moved), so every
    kept character keeps its source position: ``runs`` is a list of
    ``(out, src)`` pairs, strictly increasing in both, the first with
    ``out == 0``, such that for every offset ``o`` of ``text``, with
    ``(out, src)`` the last run where ``out <= o``::

        text[o] == raw[src + o - out]

    (:func:`source_offset` computes ``src + o - out``.) A new run starts
    exactly where characters were deleted. White space is kept as it is: the
    caller collapses it. Linear in the length of ``raw``.

What is deleted, and what is kept as text:

* ``|`` opening a table row and every unescaped ``|`` after it (cell
  boundaries); the whole of a separator row;
* ``*`` runs, inside a word too (``(*Z*alo`` gives ``(Zalo``: a star that is
  text is escaped in Markdown), except a lone ``*`` between two spaces
  (``b/a * 100%``), a ``*`` bullet opening a line (``* Treo cờ``) and ``(*)``,
  ``(**)`` (footnote marks); a line of marks alone (a ``***`` or ``* * *``
  rule, ``** **``) goes, save a line of underscores (``_____``, kept as a rule
  like ``-----``);
* ``_`` and ``__`` at the edge of a word (``_nhấn mạnh_``); never inside a
  word (``so_lieu``), never three or more (``____`` is a blank to fill);
* ``~~`` and backticks touching a word;
* the backslash of an escape (``\\*`` keeps a literal ``*``) and a trailing
  backslash (a hard line break);
* a heading's ``#`` marks, a quotation's ``>``;
* a link's ``[``, ``](url)``; an image entirely; an autolink's ``<`` ``>``;
  inline HTML tags (``<b>``, ``</span>``, ...);
* a footnote link's brackets (``[1]``, ``[^1]``, ``[[1]](#_ftn1)``): ``quan[1];``
  becomes ``quan1;`` and ``đồng *[1]*,`` becomes ``đồng1,`` (the space before
  it goes too), the marker glued to its word as extraction prints it, so the
  footnote stage finds it; ``[1] Nghị quyết ...`` or ``[^1]: Nghị quyết ...``
  opening a line becomes ``1 Nghị quyết ...``.

So the words of a Markdown plan are those of its text without the markup: a
link's address, a tag's name, a footnote link's brackets are not words of the
plan, and ``đồng *[1]*`` is the one word ``đồng1``, as in a PDF's text.

>>> demark_line("**I. MỤC")
[('I. MỤC', [(0, 2)])]
>>> demark_line("DÂN **"), demark_line("|"), demark_line("* *")
([('DÂN ', [(0, 0)])], [], [])
>>> [text for text, _ in demark_line("| **Số: 12/KH-UBND** | *Hà Nội, ngày 2 tháng 3 năm 2025* |")]
[' Số: 12/KH-UBND ', ' Hà Nội, ngày 2 tháng 3 năm 2025 ']
>>> demark_line("- Tỷ lệ = b/a * 100%;")[0][0]
'- Tỷ lệ = b/a * 100%;'
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["Piece", "Runs", "demark_line", "looks_like_markdown", "source_offset"]

Runs = list[tuple[int, int]]
Piece = tuple[str, Runs]

_EVIDENCE_NEEDED = 3
_EVIDENCE_RE = re.compile(
    r"^[ \t]*\|(?:.*\|)?[ \t]*$"  # a table line
    r"|(?<=[^\s*(])\*\*|\*\*(?=[^\s*)])"  # bold touching a word
    r"|\]\([^)\s]+\)"  # a link
    r"|\\[-.*_#\[\]()|+!>`]"  # an escape
    r"|^#{1,6}[ \t]+\S"  # an ATX heading
)

_ESCAPE_RE = re.compile(r"\\(?:[!-/:-@\[-`{-~]|$)")
_SEPARATOR_CELL_RE = re.compile(r"[ \t]*:?-+:?[ \t]*")
_HEADING_RE = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_CLOSING_HASHES_RE = re.compile(r"[ \t]+#+[ \t]*$")
_QUOTE_RE = re.compile(r"[ \t]{0,3}>(?:[ \t]?>)*[ \t]?")
_BREAK_RE = re.compile(r"<br[ \t]*/?>", re.IGNORECASE)
_TAG_RE = re.compile(
    r"</?(?:a|b|big|center|del|div|em|font|i|ins|mark|p|s|small|span|strike|strong|sub|sup|u)"
    r"(?:[ \t][^<>]{0,200})?/?>",
    re.IGNORECASE,
)
_AUTOLINK_RE = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]{1,500}>", re.IGNORECASE)
_IMAGE_RE = re.compile(r"!\[[^\[\]]{0,500}\]\([^()\s]{0,1000}(?:[ \t]+\"[^\"]{0,200}\")?\)")
_LINK_RE = re.compile(r"\[[^\[\]]{0,500}\](\([^()\s]{0,1000}(?:[ \t]+\"[^\"]{0,200}\")?\))")
_NOTE_REF_RE = re.compile(
    r"\[\[(\d{1,3})\]\]\([^()\s]{0,1000}\)"  # [[1]](#_ftn1), a note link from a word processor
    r"|\[\^(\d{1,3})\]:?"  # [^1], and [^1]: opening the note's text
    r"|\[(\d{1,3})\](?![(:\[])"  # [1]
)
_MARK_RE = re.compile(r"\*+|_+|~~+|`+")
# A line of emphasis marks alone: a rule (``***``, ``* * *``) or a bold run around nothing.
_MARKS_ONLY_RE = re.compile(r"[ \t]*(?:[*_][ \t]*)+")
_UNDERLINE_RE = re.compile(r"[ \t]*_{3,}[ \t]*")
# Between a footnote link and the word it belongs to: spaces and emphasis marks.
_NOTE_GAP = " \t*_"
_NOTE_OWNER = ")”\"’'"


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` is a Markdown document (three lines with Markdown evidence).

    >>> looks_like_markdown("ĐOÀN TNCS HỒ CHÍ MINH\\n***\\nSố 05-KH/ĐTN\\n(*) Ghi chú")
    False
    >>> looks_like_markdown("|\\n**ỦY BAN NHÂN DÂN**\\n|\\n**KẾ HOẠCH**")
    True
    """
    found = 0
    for line in text.splitlines():
        if _EVIDENCE_RE.search(line):
            found += 1
            if found >= _EVIDENCE_NEEDED:
                return True
    return False


def source_offset(runs: Runs, offset: int) -> int:
    """The offset in the raw line of the character at ``offset`` in a piece's text.

    >>> text, runs = demark_line("a **b** c")[0]
    >>> text, source_offset(runs, 2), source_offset(runs, 4)
    ('a b c', 4, 8)
    """
    low, high = 0, len(runs)
    while high - low > 1:
        middle = (low + high) // 2
        if runs[middle][0] <= offset:
            low = middle
        else:
            high = middle
    out, src = runs[low]
    return src + offset - out


class _Line:
    """One raw line and what markup was found in it: deletions, cuts, escaped characters."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.deleted: list[tuple[int, int]] = []
        self.cuts: list[tuple[int, int]] = []
        self.escaped: set[int] = set()
        self.cut_at: set[int] = set()

    def delete(self, start: int, end: int) -> None:
        if end > start:
            self.deleted.append((start, end))

    def cut(self, start: int, end: int) -> None:
        self.cuts.append((start, end))
        self.cut_at.update(range(start, end))

    def free(self, index: int) -> bool:
        """Whether the character at ``index`` may be markup (not escaped, not yet a cut)."""
        return index not in self.escaped and index not in self.cut_at

    def before(self, index: int) -> str | None:
        """The character before ``index``; ``None`` at the line's start or a cell's."""
        if index <= 0 or (index - 1) in self.cut_at:
            return None
        return self.raw[index - 1]

    def after(self, index: int) -> str | None:
        """The character at ``index``; ``None`` at the line's end or a cell's."""
        if index >= len(self.raw) or index in self.cut_at:
            return None
        return self.raw[index]

    def pieces(self) -> list[Piece]:
        raw = self.raw
        gaps = _merge(self.deleted + self.cuts)
        bounds = [0]
        for start, end in sorted(self.cuts):
            bounds.extend((start, end))
        bounds.append(len(raw))
        out: list[Piece] = []
        gap = 0
        for index in range(0, len(bounds), 2):
            first, last = bounds[index], bounds[index + 1]
            parts: list[str] = []
            runs: Runs = []
            length = 0
            for start, end in _kept(gaps, first, last, gap):
                runs.append((length, start))
                parts.append(raw[start:end])
                length += end - start
            while gap < len(gaps) and gaps[gap][1] <= last:
                gap += 1
            text = "".join(parts)
            if text.strip():
                out.append((text, runs))
        return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _kept(
    gaps: list[tuple[int, int]], first: int, last: int, gap: int
) -> Iterator[tuple[int, int]]:
    """The spans of ``[first, last)`` outside ``gaps`` (sorted, disjoint), from ``gaps[gap]``."""
    position = first
    while gap < len(gaps) and gaps[gap][0] < last:
        start, end = gaps[gap]
        if end > position:
            if start > position:
                yield position, start
            position = max(position, end)
        gap += 1
    if position < last:
        yield position, last


def _escapes(line: _Line) -> None:
    for match in _ESCAPE_RE.finditer(line.raw):
        line.delete(match.start(), match.start() + 1)
        if match.end() > match.start() + 1:
            line.escaped.add(match.start() + 1)


def _table(line: _Line) -> bool:
    """Cut a table row at its pipes; delete it all when it is a separator row."""
    raw = line.raw
    stripped = raw.lstrip(" \t")
    if not stripped.startswith("|"):
        return False
    pipes = [i for i, ch in enumerate(raw) if ch == "|" and i not in line.escaped]
    cells = [raw[a + 1 : b] for a, b in zip(pipes, [*pipes[1:], len(raw)], strict=True)]
    if cells[-1].strip() == "":
        cells.pop()
    if any("-" in cell for cell in cells) and all(
        not cell.strip() or _SEPARATOR_CELL_RE.fullmatch(cell) for cell in cells
    ):
        line.delete(0, len(raw))
        return True
    for pipe in pipes:
        line.cut(pipe, pipe + 1)
    return True


def _line_start(line: _Line) -> None:
    """A heading's ``#`` marks and a quotation's ``>`` opening the line."""
    raw = line.raw
    heading = _HEADING_RE.match(raw)
    if heading and line.free(heading.end() - 1):
        line.delete(0, heading.end())
        closing = _CLOSING_HASHES_RE.search(raw, heading.end())
        if closing:
            line.delete(closing.start(), closing.end())
        return
    quote = _QUOTE_RE.match(raw)
    if quote:
        line.delete(0, quote.end())


def _inline(line: _Line) -> None:
    """HTML tags, breaks, links, images and footnote links."""
    raw = line.raw
    for match in _BREAK_RE.finditer(raw):
        line.cut(match.start(), match.end())
    for pattern in (_TAG_RE, _IMAGE_RE):
        for match in pattern.finditer(raw):
            if line.free(match.start()):
                line.delete(match.start(), match.end())
    for match in _AUTOLINK_RE.finditer(raw):
        if line.free(match.start()):
            line.delete(match.start(), match.start() + 1)
            line.delete(match.end() - 1, match.end())
    for match in _LINK_RE.finditer(raw):
        if line.free(match.start()) and line.free(match.start(1) - 1):
            line.delete(match.start(), match.start() + 1)
            line.delete(match.start(1) - 1, match.end())
    for match in _NOTE_REF_RE.finditer(raw):
        start, end = match.start(), match.end()
        if not (line.free(start) and line.free(end - 1)):
            continue
        group = next(index for index in (1, 2, 3) if match.group(index) is not None)
        line.delete(start, match.start(group))
        line.delete(match.end(group), end)
        owner = start - 1
        while owner >= 0 and raw[owner] in _NOTE_GAP and line.free(owner):
            owner -= 1
        if owner >= 0 and (raw[owner].isalnum() or raw[owner] in _NOTE_OWNER):
            for index in range(owner + 1, start):
                if raw[index] in " \t":
                    line.delete(index, index + 1)


def _at_cell_start(line: _Line, index: int) -> bool:
    position = index - 1
    while position >= 0 and line.raw[position] in " \t" and position not in line.cut_at:
        position -= 1
    return position < 0 or position in line.cut_at


def _keep_star(line: _Line, start: int, end: int) -> bool:
    before, after = line.before(start), line.after(end)
    if before == "(" and after == ")":
        return True  # (*), (**): a footnote mark
    if end - start != 1:
        return False
    if before is not None and after is not None and before.isspace() and after.isspace():
        return True  # b/a * 100%
    if after is None or not after.isspace() or not _at_cell_start(line, start):
        return False
    rest = line.raw[end:].lstrip(" \t")[:1]
    return rest not in ("", "*", "|")  # a bullet: "* Treo cờ"


def _flanking(before: str | None, after: str | None) -> bool:
    """Touching a word on at least one side (a line's or a cell's edge counts as a space)."""
    return not (before is None or before.isspace()) or not (after is None or after.isspace())


def _keep_underscore(start: int, end: int, before: str | None, after: str | None) -> bool:
    if end - start >= 3:
        return True  # a blank to fill
    if before is not None and after is not None and before.isalnum() and after.isalnum():
        return True  # inside a word
    return not _flanking(before, after)


def _emphasis(line: _Line) -> None:
    raw = line.raw
    for match in _MARK_RE.finditer(raw):
        start, end = match.start(), match.end()
        while start < end and not line.free(start):
            start += 1
        if start == end:
            continue
        mark = raw[start]
        before, after = line.before(start), line.after(end)
        if mark == "*":
            keep = _keep_star(line, start, end)
        elif mark == "_":
            keep = _keep_underscore(start, end, before, after)
        else:
            keep = not _flanking(before, after)
        if not keep:
            line.delete(start, end)


def demark_line(raw: str) -> list[Piece]:
    """The pieces of one physical line of a Markdown document, markup deleted.

    See the module's docstring for the contract.

    >>> demark_line("** Ghi chú: **- Vị trí")
    [(' Ghi chú: - Vị trí', [(0, 2), (10, 14)])]
    >>> demark_line("|---|:---:|"), demark_line("***")
    ([], [])
    >>> [text for text, _ in demark_line("tỷ đồng *[1]*, bằng")]
    ['tỷ đồng1, bằng']
    """
    if _MARKS_ONLY_RE.fullmatch(raw) and not _UNDERLINE_RE.fullmatch(raw):
        return []
    line = _Line(raw)
    _escapes(line)
    if not _table(line):
        _line_start(line)
    _inline(line)
    _emphasis(line)
    return line.pieces()
