"""The outline: a tree of the body's logical lines, built from their numbering.

Plans do not fix which numbering goes at which depth: ``(1)`` items sit under
bullets in one plan and bullets under ``(1)`` in another. The outline keeps a
stack with at most one entry per numbering *format*; a format seen for the
first time opens a level below the current one, a format already on the stack
closes everything above it. Unnumbered paragraphs attach to the nearest open
node (a heading, or an item ending with ``:``); a paragraph ending with ``:``
introduces a list, so bullets and ``(1)`` items that follow nest under it.

A label comes from :attr:`SourceLine.label` (docx numbering) when it is set,
otherwise from the start of the text.

>>> from kehoach_core._reading.source import SourceLine
>>> rows = ["I- NỘI DUNG", "1. Đợt 1: Từ nay", "- Tuyên truyền a.", "2. Đợt 2",
...         "Thứ nhất, x:", "(1) y."]
>>> root = build_outline([SourceLine(text=t, line=n) for n, t in enumerate(rows, 1)])
>>> print(root.dump())
I- NỘI DUNG
  1. Đợt 1: Từ nay
    - Tuyên truyền a.
  2. Đợt 2
    Thứ nhất, x:
      (1) y.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from .._elements import Location
from .labels import Label, classify_label, rest_after, split_label
from .source import SourceLine

__all__ = ["HEADING_FORMATS", "Node", "build_outline", "node_for"]

HEADING_FORMATS = frozenset({"roman", "arabic1", "arabic2", "arabic3", "arabic4", "ordinal"})
"""Formats that number headings: never closed by a following paragraph."""

_CLOSED_RE = re.compile(r"(?:[.!?…]|\./\.)[”\"’)\]]*$")


@attrs.define(eq=False)
class Node:
    """One logical line in the tree: its label, format, text, lines and children."""

    label: str
    fmt: str
    text: str
    line: int
    end_line: int
    value: int | None = None
    children: list[Node] = attrs.field(factory=list)
    source: SourceLine | None = attrs.field(default=None, repr=False)
    offset: int = 0
    """Where :attr:`text` starts in ``source.text``."""

    @property
    def full(self) -> str:
        """Label and text as printed (from the source line when the label is in it)."""
        if not self.label:
            return self.text
        if self.source is not None:
            start = self.source.text.rfind(self.label, 0, self.offset + 1)
            if start >= 0:
                return self.source.text[start : self.offset + len(self.text)]
        return f"{self.label} {self.text}"

    @property
    def location(self) -> Location:
        """Where :attr:`text` was read, with its source map."""
        if self.source is None:
            return Location(self.line, self.end_line)
        return self.source.location(self.offset, self.offset + len(self.text))

    @property
    def full_location(self) -> Location:
        """Where :attr:`full` (label and text) was read."""
        if self.source is None:
            return Location(self.line, self.end_line)
        return self.location_of(self.full)

    def location_of(self, part: str) -> Location:
        """Where ``part``, a piece of this line's text, was read (the text's start if not found)."""
        if self.source is None:
            return Location(self.line, self.end_line)
        text = self.source.text
        index = text.find(part, self.offset) if part else -1
        if index < 0:
            index = text.find(part) if part else -1
        if index < 0 and part.endswith(self.text) and self.text:
            index = self.offset  # a label not in the text (docx numbering): map the text only
            return self.source.location(index, index + len(self.text))
        if index < 0:
            return self.location
        return self.source.location(index, index + len(part))

    @property
    def closed(self) -> bool:
        """True when the text ends a sentence (``.``, ``!``, ``?``, ``…``)."""
        return bool(_CLOSED_RE.search(self.text))

    @property
    def opens(self) -> bool:
        """True when the text introduces what follows (ends with ``:``)."""
        return self.text.rstrip().endswith(":")

    def walk(self) -> Iterator[Node]:
        """This node and its descendants, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def dump(self, depth: int = 0) -> str:
        """The tree as indented text (for debugging and doctests)."""
        lines = [] if self.fmt == "root" else ["  " * depth + self.full]
        inner = depth if self.fmt == "root" else depth + 1
        lines.extend(child.dump(inner) for child in self.children)
        return "\n".join(lines)


def node_for(line: SourceLine) -> Node:
    """A detached node for one line, its label taken from ``line.label`` or the text."""
    label: Label | None
    text = line.text.strip()
    if line.label is not None and line.label.strip():
        label = classify_label(line.label)
    else:
        label = split_label(text)
        if label is not None:
            text = rest_after(text, label)
    end = line.end_line if line.end_line is not None else line.line
    offset = len(line.text.rstrip()) - len(text)
    if label is None:
        return Node("", "para", text, line.line, end, source=line, offset=offset)
    return Node(
        label.text, label.fmt, text, line.line, end, label.value, source=line, offset=offset
    )


def _is_item(node: Node) -> bool:
    return node.fmt not in HEADING_FORMATS and node.fmt != "root"


def build_outline(lines: Sequence[SourceLine]) -> Node:
    """The tree of ``lines`` under a root node (``fmt == "root"``)."""
    root = Node("", "root", "", 0, 0)
    stack: list[Node] = [root]
    for line in lines:
        node = node_for(line)
        if node.fmt == "para":
            while len(stack) > 1 and (
                stack[-1].fmt == "para" or (_is_item(stack[-1]) and not stack[-1].opens)
            ):
                if not stack[-1].closed and not stack[-1].children and stack[-1].fmt != "para":
                    break
                stack.pop()
            stack[-1].children.append(node)
            if node.opens:
                stack.append(node)
            continue
        level = next((i for i in range(len(stack) - 1, 0, -1) if stack[i].fmt == node.fmt), None)
        if level is not None:
            del stack[level:]
        else:
            # A numbered heading never nests under a bullet or a paragraph: it closes them
            # (``- Tuyên truyền chung:`` / ``+ ...`` / ``1.1. Trước khai mạc ...``).
            while len(stack) > 1 and (
                ((stack[-1].fmt == "para" or _is_item(stack[-1])) and node.fmt in HEADING_FORMATS)
                or (_is_item(stack[-1]) and stack[-1].closed and stack[-1].fmt != "para")
            ):
                stack.pop()
        stack[-1].children.append(node)
        stack.append(node)
    return root
