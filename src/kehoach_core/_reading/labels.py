"""Numbering labels: recognise the marker that opens an item and name its format.

A label is what a plan prints before an item: ``I-``, ``II.``, ``1.``,
``2.1.``, ``a)``, ``(1)``, ``-``, ``+``, ``•``, ``Thứ nhất,``. The *format* of a
label says which numbering family it belongs to; the outline learns the level
of each format from its first appearance.

>>> split_label("2.1. Trước khai mạc Đại hội XIV của Đảng")
Label(text='2.1.', fmt='arabic2', value=1)
>>> split_label("- Treo cờ Đảng").fmt, split_label("(3) Quy chế").value
('dash', 3)
>>> split_label("Thứ hai, trước khai mạc ...")
Label(text='Thứ hai,', fmt='ordinal', value=2)
>>> split_label("kinh tế - xã hội") is None
True
"""

from __future__ import annotations

import re

import attrs

from .._numbers import roman_to_int

__all__ = ["ORDINAL_WORDS", "Label", "classify_label", "rest_after", "split_label"]

ORDINAL_WORDS = {
    "nhất": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}

# Each pattern is anchored and linear: bounded repetitions, no nested quantifiers.
_ROMAN_RE = re.compile(r"([IVXL]{1,7})\s?([.\-–])\s*(?=\S)")
_ARABIC_RE = re.compile(r"(\d{1,2}(?:\s?\.\s?\d{1,2}){0,3})\s?([.)])(?=\s|[^\W\d_]|$)")
_ALPHA_RE = re.compile(r"([a-zđ])\)\s*(?=\S)")
_PAREN_RE = re.compile(r"\((\d{1,2}|[a-zđ])\)\s*(?=\S)")
_BULLET_RE = re.compile(r"([-–+•·*])\s*(?=\S)")
_ORDINAL_RE = re.compile(r"Thứ\s(nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)\s?([,:.])")


@attrs.frozen
class Label:
    """A numbering label as printed, its format family and its value (when numeric)."""

    text: str
    fmt: str
    value: int | None = None


def _label(text: str, fmt: str, value: int | None) -> Label:
    return Label(text.strip(), fmt, value)


def split_label(text: str) -> Label | None:
    """The label at the start of ``text``, or ``None`` when the text has none."""
    if not text:
        return None
    first = text[0]
    if first == "(":
        m = _PAREN_RE.match(text)
        if m:
            inner = m.group(1)
            value = int(inner) if inner.isdigit() else ord(inner) - ord("a") + 1
            return _label(m.group(0), "paren", value)
        return None
    if first in "-–+•·*":
        m = _BULLET_RE.match(text)
        if not m or text.startswith(("--", "-–", "––")):
            return None
        mark = m.group(1)
        fmt = {"-": "dash", "–": "dash", "+": "plus", "*": "star"}.get(mark, "dot")
        return _label(m.group(0), fmt, None)
    if first.isdigit():
        m = _ARABIC_RE.match(text)
        if not m:
            return None
        numbers = [int(n) for n in re.findall(r"\d+", m.group(1))]
        closer = m.group(2)
        fmt = f"arabic{len(numbers)}" if closer == "." else f"arabic{len(numbers)})"
        return _label(m.group(0), fmt, numbers[-1])
    if first in "IVXL":
        m = _ROMAN_RE.match(text)
        if not m:
            return None
        try:
            value = roman_to_int(m.group(1))
        except ValueError:
            return None
        return _label(m.group(0), "roman", value)
    if first == "T":
        m = _ORDINAL_RE.match(text)
        if m:
            return _label(m.group(0), "ordinal", ORDINAL_WORDS[m.group(1)])
        return None
    if "a" <= first <= "z" or first == "đ":
        m = _ALPHA_RE.match(text)
        if m:
            return _label(m.group(0), "alpha", ord(m.group(1)) - ord("a") + 1)
    return None


def classify_label(label: str) -> Label | None:
    """The format of a label given alone (a docx numbering label such as ``"a)"``).

    >>> classify_label("1.").fmt, classify_label("•").fmt, classify_label("").fmt
    ('arabic1', 'dot', 'para')
    """
    stripped = label.strip()
    if not stripped:
        return Label("", "para", None)
    found = split_label(stripped + " x")
    if found is None:
        return Label(stripped, "other", None)
    return found


def rest_after(text: str, label: Label) -> str:
    """``text`` without its leading label and the spaces after it."""
    index = text.find(label.text)
    if index < 0:
        return text
    return text[index + len(label.text) :].lstrip()
