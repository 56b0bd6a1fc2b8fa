"""Checks that a plan's texts sit where their locations say, in the source text.

Used by the corpus tests and by ``benchmarks/positions.py``: for every text of
a plan (:meth:`Plan.texts`) with a source map, each word of the text must be
found at the line and column its location gives, in the file as it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import attrs

from kehoach_core import Plan, PlanText

_WORD_RE = re.compile(r"\w+")


@attrs.frozen
class Misplaced:
    """A word of a text that is not at the place its location gives."""

    element: str
    part: str
    word: str
    line: int
    column: int | None
    found: str


def _source_lines(text: str) -> list[str]:
    return [unicodedata.normalize("NFC", line) for line in re.split(r"\r\n|\r|\n", text)]


def _nfc_lines(text: str) -> list[str]:
    # columns count characters of the input line; NFD lines are compared after composing
    return _source_lines(text)


def misplaced(plan: Plan, source_text: str) -> Iterator[tuple[PlanText, Misplaced | None]]:
    """Every located text of ``plan``, with its first misplaced word (None when all fit)."""
    raw_lines = re.split(r"\r\n|\r|\n", source_text)
    for each in plan.texts():
        location = each.location
        if location is None or not location.starts or each.part in ("header", "trailer"):
            continue
        bad = None
        for match in _WORD_RE.finditer(each.text):
            line, column = location.position(match.start())
            word = match.group()
            raw = raw_lines[line - 1] if 0 < line <= len(raw_lines) else ""
            at = raw[column - 1 :] if column else ""
            head = unicodedata.normalize("NFC", at[: len(word) * 3])
            # a word the reader repaired from letter-spaced text: its letters in order
            if not head.startswith(word) and not head.replace(" ", "").startswith(word):
                bad = Misplaced(each.element, each.part, word, line, column, head[: len(word) + 5])
                break
        yield each, bad


def placement(plan: Plan, source_text: str) -> tuple[int, int, list[Misplaced]]:
    """(texts checked, texts whose every word is in place, the misplaced ones)."""
    total = 0
    bad: list[Misplaced] = []
    for _, wrong in misplaced(plan, source_text):
        total += 1
        if wrong is not None:
            bad.append(wrong)
    return total, total - len(bad), bad
