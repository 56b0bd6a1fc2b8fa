"""Zones: cut the logical lines into header, title, preamble, body, tail and trailer.

* header: what precedes the kind line (``KẾ HOẠCH``): issuing bodies, motto,
  number, place and date;
* title: the kind line and the subject lines, up to the rule (``-----``) or the
  first preamble paragraph;
* preamble: up to the first top section heading (a Roman-numbered line, or a
  numbered line naming a known section);
* body: the sections, up to *Nơi nhận* or the signing authority (``T/M`` ...);
* tail: recipients and signature, side by side in the PDF, so interleaved here;
* trailer: the digital-signature stamp (an ISO timestamp, a place, *... đã ký
  lên văn bản này!*), wherever it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from .._source import SourceLine
from .labels import split_label
from .vocab import fold, starts_with_any

__all__ = ["PREAMBLE_OPENERS", "SECTION_WORDS", "Zones", "cut_zones", "is_rule"]

PREAMBLE_OPENERS = ("căn cứ", "thực hiện", "nhằm", "triển khai", "theo ", "để ", "trên cơ sở")
SECTION_WORDS = (
    "mục đích",
    "yêu cầu",
    "nội dung",
    "lộ trình",
    "hình thức",
    "tổ chức thực hiện",
    "phân công",
    "thời gian",
    "kinh phí",
)
_KIND_RE = re.compile(r"KẾ\s+HOẠCH\b")
_ISO_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_TAIL_RE = re.compile(r"Nơi\s+nhận\b|(?:T/M|K/T|T/L)\b|(?:TM|KT|TL|TUQ)\.\s")
_SIGNED_RE = re.compile(r"đã\s+ký|ký\s+lên|@")


def is_rule(text: str) -> bool:
    """A line of dashes, stars or underscores (the rule under a title or a body name)."""
    return bool(text) and not any(ch.isalnum() for ch in text) and "…" not in text


@attrs.frozen
class Zones:
    """The lines of each zone, in document order."""

    header: tuple[SourceLine, ...]
    kind: SourceLine | None
    title: tuple[SourceLine, ...]
    preamble: tuple[SourceLine, ...]
    body: tuple[SourceLine, ...]
    tail: tuple[SourceLine, ...]
    trailer: tuple[SourceLine, ...]
    rules: tuple[SourceLine, ...]


def _is_section(line: SourceLine) -> bool:
    label = split_label(line.text) if line.label is None else None
    fmt = label.fmt if label else None
    if fmt == "roman" or (line.label and re.fullmatch(r"[IVXL]{1,6}\s?[.\-–]", line.label.strip())):
        return True
    folded = fold(line.text)
    heading = line.text.isupper() or (line.bold is True and len(line.text) < 120)
    return heading and any(word in folded[:40] for word in SECTION_WORDS) and fmt is not None


def _trailer(lines: list[SourceLine]) -> tuple[list[SourceLine], list[SourceLine]]:
    for index, line in enumerate(lines):
        if _ISO_RE.search(line.text) and len(line.text) < 60:
            stop = index
            for offset in range(index, min(index + 4, len(lines))):
                stop = offset
                if _SIGNED_RE.search(lines[offset].text):
                    break
            trailer = lines[index : stop + 1]
            return lines[:index] + lines[stop + 1 :], trailer
    return lines, []


def cut_zones(all_lines: Sequence[SourceLine]) -> Zones:
    """Cut ``all_lines`` into zones; every line lands in exactly one zone."""
    lines, trailer = _trailer(list(all_lines))
    rules: list[SourceLine] = []
    kind_at = next(
        (i for i, ln in enumerate(lines[:80]) if _KIND_RE.match(ln.text) and len(ln.text) < 40),
        None,
    )
    header = lines[:kind_at] if kind_at is not None else []
    position = kind_at + 1 if kind_at is not None else 0
    title: list[SourceLine] = []
    if kind_at is not None:
        window = lines[position : position + 7]
        has_rule = any(is_rule(line.text) for line in window)
        limit = 6 if has_rule else 2
        while position < len(lines) and len(title) < limit:
            line = lines[position]
            if is_rule(line.text):
                rules.append(line)
                position += 1
                break
            if _is_section(line):
                break
            # A rule below the title is strong evidence that everything before it is the
            # title, even a subject line opening with "Triển khai", "Thực hiện", "Để" ...;
            # in a docx, bold or centred lines are the title too.
            if (
                not has_rule
                and starts_with_any(line.text, PREAMBLE_OPENERS)
                and not (line.bold or line.centered)
            ):
                break
            title.append(line)
            position += 1
    tail_at = next((i for i in range(position, len(lines)) if _TAIL_RE.match(lines[i].text)), None)
    if tail_at is None:
        tail_at = len(lines)
    body_at = next((i for i in range(position, tail_at) if _is_section(lines[i])), tail_at)
    preamble: list[SourceLine] = []
    for line in lines[position:body_at]:
        (rules if is_rule(line.text) else preamble).append(line)
    return Zones(
        header=tuple(header),
        kind=lines[kind_at] if kind_at is not None else None,
        title=tuple(title),
        preamble=tuple(preamble),
        body=tuple(lines[body_at:tail_at]),
        tail=tuple(lines[tail_at:]),
        trailer=tuple(trailer),
        rules=tuple(rules),
    )
