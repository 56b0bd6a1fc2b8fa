"""The words on the calendar: summaries, descriptions, categories.

Text is normalised to NFC and stripped of control characters. Summaries are
one line and carry the phase and the body, because most clients hide
CATEGORIES:

>>> from kehoach_core import Phase
>>> top = Phase(id="phase2", label="2.", ordinal=2, heading="Đợt 2: Từ sau Đại hội tỉnh")
>>> sub = Phase(id="phase2.1", label="2.1.", heading="Trước khai mạc Đại hội XIV của Đảng")
>>> phase_name(top, None), phase_name(sub, phase_name(top, None))
('Đợt 2', 'Đợt 2.1')
>>> phase_summary(top, "Đợt 2")
'Đợt 2: Từ sau Đại hội tỉnh'
>>> one_line("  Tuyên truyền\\n về   đại hội ", 20)
'Tuyên truyền về đại…'
>>> one_line("Tuyên truyền về đại hội", 22)  # never half a word
'Tuyên truyền về đại…'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .._elements import Anniversary, ContentItem, Milestone
from .._model import Phase, Plan
from .._numbers import int_to_roman

__all__ = [
    "anniversary_summary",
    "calendar_text",
    "clean",
    "items_text",
    "milestone_summary",
    "one_line",
    "phase_name",
    "phase_summary",
    "plain",
    "plan_reference",
    "plan_tag",
    "with_tag",
]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PHASE_PREFIX = re.compile(
    r"^\s*(?:Đợt|đợt|ĐỢT|Giai\s+đoạn|giai\s+đoạn|GIAI\s+ĐOẠN|Bước|BƯỚC)\s*\w+\s*[:.\-–]\s*"
)
_PHASE_WORD = re.compile(r"^\s*(Giai\s+đoạn|GIAI\s+ĐOẠN|Bước|BƯỚC)\s+\w")
_NUMBERED = re.compile(r"^\d+(?:\.\d+)*$")


def clean(text: str | None) -> str:
    """NFC, no control characters, trailing spaces removed from each line."""
    if not text:
        return ""
    text = _CONTROL.sub(" ", unicodedata.normalize("NFC", text).replace("\r\n", "\n"))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(lines).strip()


def one_line(text: str | None, limit: int = 120) -> str:
    """Clean text on one line, shortened at a word boundary to ``limit`` characters."""
    flat = " ".join(clean(text).split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if flat[limit - 1] != " " and " " in cut:  # never half a word, never a whole word less
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–") + "…"


def _label(label: str) -> str:
    return label.strip().strip(".,:;)-–+").strip()


def phase_name(phase: Phase, parent: str | None) -> str:
    """A short name: ``Đợt 2`` for a phase, ``Đợt 2.1`` or ``Đợt 2 (Thứ nhất)`` for a sub-phase.

    A phase headed *Giai đoạn N* or *Bước N* keeps its word:

    >>> phase_name(Phase(ordinal=2, heading="Giai đoạn 2: Từ ngày 01/10/2025"), None)
    'Giai đoạn 2'
    """
    label = _label(phase.label)
    if parent is None:
        if phase.ordinal is not None:
            word = _PHASE_WORD.match(clean(phase.heading))
            return f"{' '.join(word[1].split()).capitalize() if word else 'Đợt'} {phase.ordinal}"
        if label:
            return f"Đợt {label}" if _NUMBERED.match(label) else label
        return one_line(phase.heading, 30) or phase.id
    if label and _NUMBERED.match(label):
        return f"Đợt {label}"
    if label:
        return f"{parent} ({label})"
    return parent


def phase_summary(phase: Phase, name: str, limit: int = 100) -> str:
    """``name: heading``, without the heading's own *Đợt N:* prefix, cut at a word.

    ``limit=0`` keeps the whole heading (for the description).
    """
    heading = _PHASE_PREFIX.sub("", clean(phase.heading))
    heading = one_line(heading, limit) if limit else " ".join(heading.split())
    return f"{name}: {heading}" if heading else name


def items_text(items: Iterable[ContentItem], depth: int = 0) -> list[str]:
    """Content items as lines: ``- text``, children indented with ``+``."""
    lines = []
    for item in items:
        marker = "-" if depth == 0 else "  " * depth + "+"
        lines.append(f"{marker} {' '.join(clean(item.text).split())}")
        lines.extend(items_text(item.children, depth + 1))
    return lines


def milestone_summary(milestone: Milestone) -> str:
    """The milestone's name as printed, or *Đại hội lần thứ N* when it has none."""
    if milestone.name.strip():
        return one_line(milestone.name, 120)
    if milestone.ordinal is not None:
        return f"Đại hội lần thứ {int_to_roman(milestone.ordinal)}"
    return milestone.id


def anniversary_summary(anniversary: Anniversary) -> str:
    """*80 năm Ngày Quốc khánh*: the years, when known and not already in the name."""
    name = one_line(anniversary.name or anniversary.text, 110)
    if anniversary.years is not None and not re.match(r"^\d", name):
        return f"{anniversary.years} năm {name}"
    return name


def plan_reference(plan: Plan) -> str:
    """*Kế hoạch số 06-KH/ĐU ngày 03/7/2025 của Đảng ủy xã Kiên Mộc*, from what is known."""
    parts = [one_line(plan.kind, 40).capitalize() or "Kế hoạch"]
    if plan.number is not None:
        parts.append(f"số {plan.number}")
    if plan.issued_on is not None:
        day = plan.issued_on
        parts.append(f"ngày {day.day:02d}/{day.month}/{day.year}")
    if plan.issuer:
        parts.append(f"của {one_line(plan.issuer, 80)}")
    return " ".join(parts)


def plain(text: str) -> str:
    """A one-line value with no comma, semicolon or backslash, the same in every parser.

    For the calendar's name and categories, which some parsers hand back raw
    (showing the escape) and others split at an unescaped comma:

    >>> plain("Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025 - 2030")
    'Đại hội Đảng bộ xã lần thứ I - nhiệm kỳ 2025 - 2030'
    """
    flat = " ".join(clean(text).split()).replace("\\", "/")
    return re.sub(r"\s*[,;]+\s*", " - ", flat).strip(" -")


def calendar_text(text: str) -> str:
    """:func:`plain` on each line of a multi-line value (the calendar's description)."""
    return "\n".join(plain(line) for line in text.split("\n"))


def plan_tag(plan: Plan) -> str:
    """How a summary names its plan: the number, or else the issuer, shortened.

    >>> plan_tag(Plan(number="06-KH/ĐU", issuer="Đảng ủy xã Kiên Mộc"))
    'KH 06-KH/ĐU'
    >>> plan_tag(Plan(issuer="Đảng ủy xã Kiên Mộc"))
    'Đảng ủy xã Kiên Mộc'
    """
    if plan.number is not None and str(plan.number).strip():
        return f"KH {one_line(str(plan.number), 40)}"
    return one_line(plan.issuer, 40) if plan.issuer else ""


def with_tag(summary: str, tag: str, limit: int = 150) -> str:
    """``summary (tag)``, the summary cut at a word so the whole stays within ``limit``.

    >>> with_tag("Đợt 1: Từ nay đến hết năm 2025", "KH 01/KH-UBND")
    'Đợt 1: Từ nay đến hết năm 2025 (KH 01/KH-UBND)'
    """
    if not tag:
        return one_line(summary, limit)
    return f"{one_line(summary, max(limit - len(tag) - 3, 20))} ({tag})"
