"""A diff as Word's own tracked changes: the new version, revised from the old one.

:func:`tracked_diff_docx` takes the new version as a docx (the file itself when
the new version was read from one, else the plan written by
:func:`kehoach_core.docx_io.to_docx`) and marks in it what the diff found:

* a modified text: the words that changed, the new ones as inserted and the
  old ones put back as deleted, in the paragraph that holds the new text;
* an added element: its text as inserted;
* a removed element: its text as deleted, after the paragraph of the element
  before it (or of its heading);
* anything that cannot be placed in the body (a moved element, a changed date
  window, a footnote, a text the body does not hold verbatim): one comment on
  the first line of the document listing those changes by name
  (*Đợt 1, mục 3*, *Nơi nhận*), never by path.

Accepting every revision in Word gives the new version; rejecting every
revision gives the old text of each placed change.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from typing import Any

from .._converter import to_dict
from .._model import Plan
from .._names import Lang
from ._diff import Change, ChangeKind, Changes, diff

__all__ = ["tracked_diff_docx"]

_TOKENS = re.compile(r"\s+|\S+")


class _Body:
    """The paragraphs of the base document and the spans already edited."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.usable = [t == unicodedata.normalize("NFC", t) for t in texts]
        self.used: dict[int, list[tuple[int, int]]] = {}

    def find(self, text: str) -> tuple[int, int] | None:
        """The 1-based paragraph and offset of ``text`` (not yet edited there), or None."""
        text = unicodedata.normalize("NFC", text).strip()
        if not text:
            return None
        for index, paragraph in enumerate(self.texts, 1):
            if not self.usable[index - 1]:
                continue
            offset = paragraph.find(text)
            while offset >= 0:
                if self.free(index, offset, offset + len(text)):
                    return index, offset
                offset = paragraph.find(text, offset + 1)
        return None

    def free(self, index: int, start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in self.used.get(index, []))

    def take(self, index: int, start: int, end: int) -> None:
        self.used.setdefault(index, []).append((start, end))


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("text", "heading", "title", "name"):
            if isinstance(value.get(key), str) and value[key]:
                return str(value[key])
    return ""


def _word_edits(body: _Body, index: int, offset: int, old: str, new: str) -> list[Any]:
    from ..docx_io import Edit

    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    starts = [0]
    for token in b:
        starts.append(starts[-1] + len(token))
    edits = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    spans: list[list[int]] = []  # changed token ranges, merged across lone spaces
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if (
            spans
            and all(t.isspace() for t in b[spans[-1][3] : j1])
            and (all(t.isspace() for t in a[spans[-1][1] : i1]))
        ):
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    for i1, i2, j1, j2 in spans:
        start, end = offset + starts[j1], offset + starts[j2]
        edits.append(Edit(index, start, end, "".join(a[i1:i2]), reverse=True))
    body.take(index, offset, offset + len(new))
    return edits


def _lookup(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _removed_anchor(
    body: _Body, old: dict[str, Any], change: Change, placed_at: dict[tuple[str | int, ...], int]
) -> tuple[int, int] | None:
    """Where to put back a removed element: the end of the paragraph before it (found by
    its text, or where its own modification was marked)."""
    path = change.path
    if not path or not isinstance(path[-1], int):
        return None
    siblings = _lookup(old, path[:-1])
    if isinstance(siblings, list):
        for k in range(path[-1] - 1, -1, -1):
            index = placed_at.get((*path[:-1], k))
            if index is not None:
                return index, len(body.texts[index - 1])
            found = body.find(_text(siblings[k]))
            if found is not None:
                return found[0], len(body.texts[found[0] - 1])
    parent = _lookup(old, path[:-2]) if len(path) >= 3 else None
    found = body.find(_text(parent)) if parent is not None else None
    if found is not None:
        return found[0], len(body.texts[found[0] - 1])
    return None


def _note(change: Change, lang: Lang) -> str:
    from ..docx_io._report import label
    from ._docx_report import change_place, change_text

    line = f"{label(change.kind.value, lang)} — {change_place(change, lang)}"
    old, new = change_text(change.old, lang), change_text(change.new, lang)
    if change.kind is ChangeKind.MODIFIED and (old or new):
        line += f": «{old}» → «{new}»"
    elif change.kind is ChangeKind.ADDED and new:
        line += f": «{new}»"
    elif change.kind is ChangeKind.REMOVED and old:
        line += f": «{old}»"
    return line


def tracked_diff_docx(
    old: Plan,
    new: Plan,
    changes: Changes | None = None,
    *,
    new_docx: bytes | None = None,
    lang: Lang = "vi",
    author: str = "kehoach",
    date: dt.datetime | None = None,
) -> bytes:
    """The new version as a docx with its changes from ``old`` as tracked revisions.

    ``new_docx`` is the new version's own file when it was a docx; without it
    the new plan is written with :func:`kehoach_core.docx_io.to_docx`.
    ``changes`` defaults to ``diff(old, new)``. See the module for where each
    kind of change goes.
    """
    import warnings

    from ..docx_io import Edit, paragraph_texts, to_docx, track_changes

    changes = diff(old, new) if changes is None else changes
    if new_docx is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            new_docx = to_docx(new)
    body = _Body(paragraph_texts(new_docx))
    old_data = to_dict(old)
    edits: list[Any] = []
    unplaced: list[Change] = []
    placed_at: dict[tuple[str | int, ...], int] = {}
    removals = [c for c in changes if c.kind is ChangeKind.REMOVED]
    for change in [c for c in changes if c.kind is not ChangeKind.REMOVED] + removals:
        placed: list[Any] = []
        if change.kind is ChangeKind.MODIFIED and isinstance(change.new, str):
            old_text = change.old if isinstance(change.old, str) else _text(change.old)
            found = body.find(change.new)
            if found is not None and old_text:
                placed = _word_edits(body, found[0], found[1], old_text, change.new)
                placed_at[change.path[:-1]] = found[0]
        elif change.kind is ChangeKind.ADDED:
            text = _text(change.new)
            found = body.find(text)
            if found is not None:
                index, start = found
                body.take(index, start, start + len(text))
                placed = [Edit(index, start, start + len(text), "", reverse=True)]
        elif change.kind is ChangeKind.REMOVED:
            text = _text(change.old)
            anchor = _removed_anchor(body, old_data, change, placed_at) if text else None
            if anchor is not None and body.free(anchor[0], anchor[1], anchor[1]):
                body.take(anchor[0], anchor[1], anchor[1])
                placed = [Edit(anchor[0], anchor[1], anchor[1], " " + text, reverse=True)]
        if placed:
            edits.extend(placed)
        else:
            unplaced.append(change)
    if unplaced:
        first = next(
            (i for i, t in enumerate(body.texts, 1) if t.strip() and body.usable[i - 1]), None
        )
        if first is not None:
            text = body.texts[first - 1]
            start = len(text) - len(text.lstrip())
            end = len(text.rstrip())
            if body.free(first, start, end):
                heading = (
                    "Những thay đổi không đánh dấu được trong văn bản"
                    if lang == "vi"
                    else "Changes that could not be marked in the text"
                )
                note = "\n".join([heading + ":", *(_note(c, lang) for c in unplaced)])
                edits.append(Edit(first, start, end, text[start:end], comment=note))
    if not edits:
        return new_docx
    return track_changes(new_docx, edits, author=author, date=date)
