"""Apply the fixes findings carry: to a text file's bytes, or to a docx as tracked changes.

:func:`fix_plan` reads a plan, validates it, picks the fixes (the safe ones, or
all with ``unsafe=True``) and applies them; the first of two fixes that overlap
wins, the other is skipped and reported. Every edit is checked against the
source first: the characters it replaces must be the ones the plan read there
(``FixEdit.old``); a fix with an edit that does not fit is skipped whole.

* A text file keeps its encoding (UTF-8 with or without a BOM, UTF-16/32 with
  a BOM) and its line endings: only the characters the edits name change. A
  file in a legacy encoding (Windows-1258, TCVN3) is refused.
* A docx becomes the same document with each edit as a Word tracked change by
  ``kehoach``, the finding's code and message in a comment on it (see
  :func:`~kehoach_core.docx_io.track_changes`); every other part is kept.
* JSON plans, PDFs and legacy ``.doc`` files are refused: they have no text to edit.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "plan.txt"
>>> _ = path.write_bytes("KẾ HOẠCH\\r\\nTuyên truyền của của Đảng .\\r\\n".encode())
>>> result = fix_plan(path)
>>> [f.code for f in result.applied], result.data.decode()
(['KH402', 'KH404'], 'KẾ HOẠCH\\r\\nTuyên truyền của Đảng.\\r\\n')
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from .._errors import InputError
from ._engine import Finding, Report, validate
from ._fixes import FixEdit
from ._registry import Lang

__all__ = ["FixResult", "choose", "fix_plan"]

_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@attrs.frozen
class FixResult:
    """What fixing a plan did.

    ``data`` is the fixed file (the input's bytes when nothing applied);
    ``applied`` the findings whose fix went in, ``skipped`` the findings whose
    fix did not, each with the reason; ``left`` the fixable findings not tried
    (unsafe fixes without ``unsafe=True``). ``before`` and ``after`` are the
    text as lines (a docx: its paragraphs, changes accepted), for a diff.
    """

    source: str
    kind: str
    data: bytes
    applied: tuple[Finding, ...]
    skipped: tuple[tuple[Finding, str], ...]
    left: tuple[Finding, ...]
    before: tuple[str, ...]
    after: tuple[str, ...]

    @property
    def changed(self) -> bool:
        """True when at least one fix went in."""
        return bool(self.applied)

    def diff(self) -> str:
        """A unified diff of the text before and after the fixes."""
        before, after = list(self.before), list(self.after)
        if before[-1:] == after[-1:] == [""]:  # the text ends with a line break
            before, after = before[:-1], after[:-1]
        lines = difflib.unified_diff(
            [line + "\n" for line in before],
            [line + "\n" for line in after],
            fromfile=self.source,
            tofile=self.source,
        )
        return "".join(lines)


Check = Callable[[FixEdit], str | None]
"""Why an edit does not fit the source (None when it does)."""


def _overlap(a: FixEdit, b: FixEdit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True  # two insertions at one place: which goes first?
    return a.start < b.end and b.start < a.end


def choose(
    findings: Sequence[Finding],
    *,
    unsafe: bool = False,
    check: Check | None = None,
    placed: Callable[[Finding], str | None] | None = None,
) -> tuple[list[Finding], list[tuple[Finding, str]], list[Finding], list[FixEdit]]:
    """Pick the fixes to apply, in order: (applied, skipped with reasons, left, edits).

    A fix goes in whole or not at all: skipped when the finding fails ``placed``
    (its text is not where it says), when one of its edits fails ``check`` or
    overlaps an edit of a fix already taken (the same edit twice, two fixes
    changing one letter alike, counts once).
    """
    applied: list[Finding] = []
    skipped: list[tuple[Finding, str]] = []
    left: list[Finding] = []
    taken: dict[FixEdit, Finding] = {}
    for finding in findings:
        fix = finding.fix
        if fix is None:
            continue
        if not fix.safe and not unsafe:
            left.append(finding)
            continue
        reason = placed(finding) if placed is not None else None
        for edit in fix.edits if reason is None else ():
            reason = check(edit) if check is not None else None
            if reason is None and edit not in taken:
                other = next((f for e, f in taken.items() if _overlap(edit, e)), None)
                if other is not None:
                    reason = f"overlaps the fix of {other.code} at {other.position}"
            if reason is not None:
                break
        if reason is not None:
            skipped.append((finding, reason))
            continue
        applied.append(finding)
        for edit in fix.edits:
            taken.setdefault(edit, finding)
    edits = sorted(taken, key=lambda e: (e.start, e.end))
    return applied, skipped, left, edits


# -- text files -------------------------------------------------------------------------


def _text_codec(data: bytes, source: str) -> tuple[bytes, str, str]:
    """(BOM, codec, text) of a text plan that can be written back as it was read."""
    from .._reading.decode import decode_text

    decoded = decode_text(data, source=source)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return bom, codec, data[len(bom) :].decode(codec)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None or unicodedata.normalize("NFC", text) != decoded:
        raise InputError(
            "not UTF-8 (a legacy encoding: Windows-1258 or TCVN3); convert it to UTF-8 "
            "to fix it with kehoach",
            source=source,
        )
    return b"", "utf-8", text


def _split(text: str) -> tuple[list[str], list[str]]:
    parts = _LINE_BREAK.split(text)
    return parts[0::2], parts[1::2]


class _TextCheck:
    """Checks edits against a text file's lines and places them in the lines as stored.

    The reader counts columns in composed Unicode (NFC); a line stored decomposed
    is edited where its letters are, the rest of it left as it is.
    """

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.placed: dict[FixEdit, tuple[int, int]] = {}
        self._maps: dict[int, tuple[str, dict[int, int]]] = {}

    def __call__(self, edit: FixEdit) -> str | None:
        number = edit.line
        if edit.end_line != number or not 1 <= number <= len(self.lines):
            return f"line {number} is not in the file"
        if number not in self._maps:
            self._maps[number] = _nfc_map(self.lines[number - 1])
        text, to_raw = self._maps[number]
        start, end = edit.column - 1, edit.end_column - 1
        if start < 0 or end > len(text) or text[start:end] != edit.old:
            return f"line {number} does not hold {edit.old!r} at column {edit.column}"
        if start not in to_raw or end not in to_raw:
            return f"line {number}: the edit splits a letter from its marks"
        self.placed[edit] = (to_raw[start], to_raw[end])
        return None

    def finding(self, finding: Finding) -> str | None:
        """Why ``finding``'s text is not where it says (None when it is, or is not known).

        An insertion replaces nothing it could check: the finding's own span is
        checked instead (spaces the reader collapsed aside).
        """
        number, column, end = finding.line, finding.column, finding.end_column
        if not finding.text or number is None or column is None or end is None:
            return None
        if finding.end_line != number or not 1 <= number <= len(self.lines):
            return None
        if number not in self._maps:
            self._maps[number] = _nfc_map(self.lines[number - 1])
        held = self._maps[number][0][column - 1 : end - 1]
        if held.split() != finding.text.split():
            return f"line {number} does not hold {finding.text!r} at column {column}"
        return None

    def apply(self, edits: Sequence[FixEdit]) -> list[str]:
        """The lines with ``edits`` (checked) made."""
        out = list(self.lines)
        by_line: dict[int, list[FixEdit]] = {}
        for edit in edits:
            by_line.setdefault(edit.line, []).append(edit)
        for number, group in by_line.items():
            line = self.lines[number - 1]
            pieces: list[str] = []
            at = 0
            for edit in sorted(group, key=lambda e: self.placed[e]):
                start, end = self.placed[edit]
                pieces.append(line[at:start])
                pieces.append(edit.text)
                at = end
            pieces.append(line[at:])
            out[number - 1] = "".join(pieces)
        return out


def _join(lines: list[str], breaks: list[str]) -> str:
    return "".join(line + (breaks[i] if i < len(breaks) else "") for i, line in enumerate(lines))


_PASSES = 10
"""A text plan is fixed again while fixes apply (``của của của``), at most this often."""


def _fix_text(
    data: bytes, source: str, report: Callable[[bytes], Report], unsafe: bool
) -> FixResult:
    bom, codec, text = _text_codec(data, source)
    before, _ = _split(text)
    applied: list[Finding] = []
    skipped: list[tuple[Finding, str]] = []
    left: list[Finding] = []
    current = data
    for _ in range(_PASSES):
        lines, breaks = _split(text)
        check = _TextCheck(lines)
        done, skipped, left, edits = choose(
            report(current).findings, unsafe=unsafe, check=check, placed=check.finding
        )
        if not done:
            break
        applied.extend(done)
        text = _join(check.apply(edits), breaks)
        current = bom + text.encode(codec)
    after, _ = _split(text)
    return FixResult(
        source, "txt", current, tuple(applied), tuple(skipped), tuple(left),
        tuple(before), tuple(after),
    )  # fmt: skip


# -- docx -------------------------------------------------------------------------------


def _fix_docx(
    data: bytes, source: str, found: Report, unsafe: bool, date: dt.datetime | None
) -> FixResult:
    from .._reading.docx import docx_to_document
    from ..docx_io import track_changes
    from ..docx_io._tracked import Edit, paragraph_texts

    texts = paragraph_texts(data)
    read = {line.line: line.text for line in docx_to_document(data, source=source).lines}
    placed: dict[FixEdit, tuple[int, int, str]] = {}

    def check(edit: FixEdit) -> str | None:
        number = edit.line
        if edit.end_line != number or not 1 <= number <= len(texts) or number not in read:
            return f"no paragraph {number} in the docx"
        raw = texts[number - 1]
        text, to_raw = _nfc_map(raw)
        lead = len(text) - len(text.lstrip())
        start = lead + edit.column - 1
        if text.strip() != read[number] or text[start : start + len(edit.old)] != edit.old:
            # the reader's text differs (a footnote marker, hidden text): the nearest
            # occurrence of the replaced text, if there is one
            found_at = (
                [m.start() for m in re.finditer(re.escape(edit.old), text)] if edit.old else []
            )
            if not found_at:
                return (
                    f"paragraph {number} is not stored as it reads (capitals by formatting, "
                    "a footnote or hidden text): fix it by hand"
                )
            start = min(found_at, key=lambda i: abs(i - start))
        end = start + len(edit.old)
        if start not in to_raw or end not in to_raw:
            return f"paragraph {number}: the edit splits a letter from its marks"
        placed[edit] = (to_raw[start], to_raw[end], raw[to_raw[start] : to_raw[end]])
        return None

    def where(finding: Finding) -> str | None:
        number, column, end = finding.line, finding.column, finding.end_column
        if not finding.text or number not in read or column is None or end is None:
            return None
        if finding.end_line != number or number is None:
            return None
        if read[number][column - 1 : end - 1] != finding.text:
            return f"paragraph {number} does not hold {finding.text!r} at column {column}"
        return None

    applied, skipped, left, edits = choose(found.findings, unsafe=unsafe, check=check, placed=where)
    if not applied:
        out = data
    else:
        owner = {edit: f for f in applied for edit in (f.fix.edits if f.fix else ())}
        changes = [
            Edit(
                e.line,
                placed[e][0],
                placed[e][1],
                e.text,
                old=placed[e][2],
                comment=f"{owner[e].code}: {owner[e].message}",
            )
            for e in edits
        ]
        out = track_changes(data, changes, author="kehoach", date=date)
    return FixResult(
        source,
        "docx",
        out,
        tuple(applied),
        tuple(skipped),
        tuple(left),
        tuple(texts),
        tuple(paragraph_texts(out)),
    )


def _nfc_map(raw: str) -> tuple[str, dict[int, int]]:
    """``raw`` in NFC and, for each place between two letters of it, the place in ``raw``.

    A letter and the combining marks after it compose alone, so each such cluster
    is normalised by itself; places inside a cluster that did not compose have no entry.
    """
    if unicodedata.is_normalized("NFC", raw):
        return raw, {i: i for i in range(len(raw) + 1)}
    pieces: list[str] = []
    to_raw: dict[int, int] = {0: 0}
    length = 0
    start = 0
    for i in range(1, len(raw) + 1):
        if i < len(raw) and unicodedata.combining(raw[i]):
            continue
        piece = unicodedata.normalize("NFC", raw[start:i])
        pieces.append(piece)
        length += len(piece)
        to_raw[length] = i
        start = i
    return "".join(pieces), to_raw


# -- entry point ------------------------------------------------------------------------


def fix_plan(
    path: str | os.PathLike[str],
    *,
    unsafe: bool = False,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    lang: Lang = "vi",
    date: dt.datetime | None = None,
) -> FixResult:
    """Validate the plan at ``path`` and apply its fixes; nothing is written.

    Returns a :class:`FixResult` whose ``data`` is the fixed file. Raises
    :class:`~kehoach_core.InputError` for a plan that cannot be fixed (JSON,
    PDF, ``.doc``, a text file in a legacy encoding) or read.
    """
    from .._reading import _load, _sniff, read

    data, source, guessed = _load(Path(path))
    kind = guessed or _sniff(data)
    if kind == "doc" and data.startswith(b"PK\x03\x04"):
        kind = "docx"
    if kind == "txt" and _sniff(data) == "pdf":
        kind = "pdf"
    if kind not in ("txt", "docx"):
        what = {"json": "a JSON plan", "pdf": "a PDF", "doc": "a legacy Word .doc"}.get(
            kind, f"a {kind} file"
        )
        raise InputError(
            f"cannot fix {what}: kehoach fix edits .txt and .docx plans", source=source
        )

    def report(current: bytes) -> Report:
        plan = read(current, format=kind)
        plan = attrs.evolve(plan, source=source)
        return validate(plan, select=select, ignore=ignore, lang=lang)

    if kind == "txt":
        return _fix_text(data, source, report, unsafe)
    return _fix_docx(data, source, report(data), unsafe, date)
