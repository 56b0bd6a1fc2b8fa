"""Zones: cut the logical lines into header, title, preamble, body, tail and trailer.

* header: what precedes the kind line (``KẾ HOẠCH``): issuing bodies, motto,
  number, place and date;
* title: the kind line and the subject lines, up to the rule (``-----``), the
  first legal basis or the first section (a rule glued to a title or to the first
  basis, ``... năm 2026 ----------------Thực hiện ...``, is cut off it);
* preamble: up to the first top section heading (a Roman-numbered line, or a
  numbered line naming a known section);
* body: the sections, up to *Nơi nhận* or the signing authority (``T/M`` ...);
* tail: recipients and signature, side by side in the PDF, so interleaved here;
* trailer: the digital-signature stamp (an ISO timestamp, a place, *... đã ký
  lên văn bản này!*), wherever it is.

Markdown a web page leaves (``**KẾ HOẠCH**``, ``|`` table borders) does not hide
the kind line, and is taken off the kind and title lines.

A numbered heading the extraction cut in two is mended before the cut: a label
alone on its line (``III.`` / ``PHẠM VI, ĐỐI TƯỢNG``, ``1.`` / ``Công an tỉnh``),
or a heading cut short (``2. Sở`` / ``Tài chính``, ``2. Đối tượng thụ hưởng
của`` / ``Chương trình``) is joined with the short line that ends it.

>>> from .source import SourceLine as L
>>> z = cut_zones([L(text="**KẾ HOẠCH**", line=1), L(text="TRIỂN", line=2),
...     L(text="KHAI ĐỢT THI ĐUA", line=3), L(text="Căn cứ Luật Thi đua, khen thưởng;", line=4)])
>>> z.kind.text, [line.text for line in z.title], [line.text for line in z.preamble]
('KẾ HOẠCH', ['TRIỂN', 'KHAI ĐỢT THI ĐUA'], ['Căn cứ Luật Thi đua, khen thưởng;'])
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from .labels import split_label
from .source import SourceLine, slice_runs
from .vocab import fold, starts_with_any

__all__ = [
    "PREAMBLE_OPENERS",
    "SECTION_WORDS",
    "Zones",
    "cut_zones",
    "is_markup",
    "is_rule",
    "strip_markdown",
]

PREAMBLE_OPENERS = ("căn cứ", "thực hiện", "nhằm", "triển khai", "theo ", "để ", "trên cơ sở")
SECTION_WORDS = (
    "mục đích",
    "mục tiêu",
    "yêu cầu",
    "nội dung",
    "nhiệm vụ",
    "giải pháp",
    "lộ trình",
    "hình thức",
    "tổ chức thực hiện",
    "phân công",
    "trách nhiệm",
    "thời gian",
    "kinh phí",
    "khẩu hiệu",
)
_KIND_RE = re.compile(r"KẾ\s+HOẠCH\b")
_ISO_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_TAIL_RE = re.compile(r"Nơi\s+nhận\b|(?:T/M|K/T|T/L)\b|(?:TM|KT|TL|TUQ)\.\s")
_SIGNED_RE = re.compile(r"đã\s+ký|ký\s+lên|@")


_EMPHASIS_RE = re.compile(r"(?<!\S)\*+(?=\S)|(?<=\S)\*+(?!\S)|(?<!\S)\*\*(?!\S)")
# A rule glued to text: dashes or stars (underscores are blanks to fill in, not rules).
_GLUED_RULE_RE = re.compile(r"(?P<rule>[-–—]{4,}|\*{3,})\s*(?=$|[^\W\d_])")
# A title never opens with these; a preamble does.
_NOT_TITLE_RE = re.compile(r"(?:Căn\s+cứ|Kính\s+gửi|Nhằm|Để|Theo|Trên\s+cơ\s+sở)\b")
# "Thực hiện" / "Triển khai" and a cited document open a legal basis; before anything
# else ("Thực hiện công tác bầu cử ...") they open a subject line.
_CITES_RE = re.compile(
    r"(?:Thực\s+hiện|Triển\s+khai)\s+(?:các\s+|ý\s+kiến\s+)?"
    r"(?:Luật|Bộ\s+luật|Hiến\s+pháp|Nghị\s+quyết|Nghị\s+định|Chỉ\s+thị|Quyết\s+định|Kế\s+hoạch"
    r"|Công\s+văn|Hướng\s+dẫn|Thông\s+tư|Thông\s+báo|Kết\s+luận|Quy\s+định|Văn\s+bản|Công\s+điện"
    r"|Chương\s+trình|Đề\s+án|chỉ\s+đạo)\b"
)
_ISSUES_RE = re.compile(r"\s(?:ban\s+hành|xây\s+dựng)\s+[Kk]ế\s+hoạch\b")
_TITLE_LINES = 6
# A heading cut short: ending with a word that needs a complement.
_DANGLING_RE = re.compile(
    r"(?:^|\s)(?:của|và|về|với|các|những|cho|trong|tại|theo|đến|từ|thuộc|trên)$", re.I
)
_ENDS_RE = re.compile(r"[.;!?…]\W*$")
_HEADING_FMTS = frozenset({"roman", "arabic1", "arabic2", "arabic3", "arabic4"})


def is_rule(text: str) -> bool:
    """A line of dashes, stars or underscores (the rule under a title or a body name)."""
    return bool(text) and not any(ch.isalnum() for ch in text) and "…" not in text


def is_markup(text: str) -> bool:
    """Markdown a web page leaves on a line of its own: ``|``, ``**``, ``** **``, ``* *``.

    >>> is_markup("|"), is_markup("** **"), is_markup("***"), is_markup("*"), is_markup("---")
    (True, True, False, False, False)
    """
    tokens = text.replace("|", " ").split()
    if not tokens:
        return True
    return all(token == "**" for token in tokens) or (
        len(tokens) > 1 and all(token == "*" for token in tokens)
    )


def strip_markdown(text: str) -> str:
    """``text`` without Markdown emphasis (``**KẾ HOẠCH**``) or table borders.

    >>> strip_markdown("**ỦY BAN NHÂN DÂN** |"), strip_markdown("*Nghệ An, ngày 19")
    ('ỦY BAN NHÂN DÂN', 'Nghệ An, ngày 19')
    """
    return " ".join(_EMPHASIS_RE.sub(" ", text.replace("|", " ")).split())


def _upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


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
    text = strip_markdown(line.text) if "*" in line.text else line.text
    label = split_label(text) if line.label is None else None
    fmt = label.fmt if label else None
    if fmt == "roman" or (line.label and re.fullmatch(r"[IVXL]{1,6}\s?[.\-–]", line.label.strip())):
        return True
    folded = fold(text)
    heading = text.isupper() or (line.bold is True and len(text) < 120)
    return heading and any(word in folded[:40] for word in SECTION_WORDS) and fmt is not None


def _heading_label(text: str) -> tuple[bool, str] | None:
    """For a numbered heading line: whether it is a label alone, and the text after it."""
    label = split_label(text)
    if label is None:
        alone = split_label(text.strip() + " x")
        if alone is not None and alone.fmt in _HEADING_FMTS and alone.text == text.strip():
            return True, ""
        return None
    if label.fmt not in _HEADING_FMTS:
        return None
    rest = text[text.find(label.text) + len(label.text) :].strip()
    return not rest, rest


def _continues(line: SourceLine, limit: int) -> bool:
    """An unnumbered line short enough to be the end of a heading cut in two."""
    text = line.text.strip()
    return (
        line.label is None
        and bool(text)
        and len(text) < limit
        and split_label(text) is None
        and text[0].isalpha()
        and not _TAIL_RE.match(text)
    )


def _cut_heading(lines: list[SourceLine], index: int) -> bool:
    """Whether ``lines[index]`` is a numbered heading the extraction cut before its end."""
    line = lines[index]
    read = _heading_label(line.text) if line.label is None else None
    if read is None or index + 1 >= len(lines):
        return False
    alone, rest = read
    after = lines[index + 1]
    if alone:
        return _continues(after, 100_000)
    if len(rest) > 80 or _ENDS_RE.search(rest) or rest.endswith(":"):
        return False
    if not _continues(after, 80) or _ENDS_RE.search(after.text):
        return False
    # ``2. Sở`` / ``Tài chính``; ``... thụ hưởng của`` / ``Chương trình``; or a short
    # line between a heading and its first item (``4. Đề nghị Ủy ban Mặt trận`` /
    # ``Tổ quốc Việt Nam thành phố`` / ``- Đẩy mạnh ...``).
    following = lines[index + 2] if index + 2 < len(lines) else None
    items_next = following is not None and split_label(following.text) is not None
    return len(rest.split()) <= 2 or bool(_DANGLING_RE.search(rest)) or items_next


def _joined(first: SourceLine, second: SourceLine) -> SourceLine:
    """One line of ``first`` and ``second`` (a space between), their source maps joined."""
    head = first.text.rstrip()
    tail = second.text.strip()
    skip = len(second.text) - len(second.text.lstrip())
    runs = list(first.starts or ((0, first.line, 1),))
    rest = slice_runs(second.starts or ((0, second.line, 1),), skip, skip + len(tail))
    runs += [(len(head) + 1 + offset, line, column) for offset, line, column in rest]
    end = second.end_line if second.end_line is not None else second.line
    return attrs.evolve(first, text=f"{head} {tail}", end_line=end, starts=tuple(runs))


def _mend_cut_headings(lines: list[SourceLine], start: int) -> list[SourceLine]:
    """Lines from ``start`` (up to the tail) with numbered headings cut in two joined."""
    out = lines[:start]
    index = start
    while index < len(lines):
        line = lines[index]
        if _TAIL_RE.match(line.text):
            return out + lines[index:]
        if _cut_heading(lines, index):
            out.append(_joined(line, lines[index + 1]))
            index += 2
            continue
        out.append(line)
        index += 1
    return out


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


def _cut_glued_rules(lines: list[SourceLine], start: int, stop: int) -> list[SourceLine]:
    """Lines ``start:stop`` with a rule glued to text cut off it (``... 2026 -----Thực hiện``).

    Each piece keeps its part of the line's source map: its lines and columns.
    """
    out = lines[:start]
    for line in lines[start:stop]:
        match = _GLUED_RULE_RE.search(line.text)
        before = line.text[: match.start()].strip() if match else ""
        after = line.text[match.end() :].strip() if match else ""
        if match is None or not any(ch.isalnum() for ch in before + after):
            out.append(line)
            continue
        # each piece keeps its own part of the source map (columns stay exact)
        if any(ch.isalnum() for ch in before):
            out.append(line.sub(0, match.start()))
        out.append(attrs.evolve(line.sub(match.start("rule"), match.end("rule")), label=None))
        if any(ch.isalnum() for ch in after):
            out.append(attrs.evolve(line.sub(match.end()), label=None))
    return out + lines[stop:]


def _rule_ahead(lines: list[SourceLine], position: int) -> bool:
    """A rule within the next lines, before any section: the title ends there."""
    for line in lines[position : position + _TITLE_LINES + 1]:
        if _is_section(line):
            return False
        if is_rule(line.text) and not is_markup(line.text):
            return True
    return False


def _in_title(line: SourceLine, title: list[SourceLine], rule_ahead: bool) -> bool:
    """Whether ``line`` goes on the title read so far (``title``, markup taken off)."""
    text = line.text
    # A rule below the title is strong evidence that everything before it is the
    # title, even a subject line opening with "Triển khai", "Thực hiện", "Để" ...;
    # in a docx, bold or centred lines are the title too.
    if rule_ahead or line.bold or line.centered:
        return True
    if not title and _upper(text):
        return True
    if _NOT_TITLE_RE.match(text):
        return False
    if not title:
        if _ISSUES_RE.search(text) or len(text) > 300:
            return False
        return not _CITES_RE.match(text)
    last = title[-1].text
    if last.endswith((".", ";", ":")) or len(text) > 200 or (_upper(last) and not _upper(text)):
        return False
    return not (starts_with_any(text, PREAMBLE_OPENERS) or _ISSUES_RE.search(text))


def _title(
    lines: list[SourceLine], position: int, rules: list[SourceLine]
) -> tuple[list[SourceLine], int]:
    """The subject lines from ``position``; the position after them (and after their rule)."""
    rule_ahead = _rule_ahead(lines, position)
    title: list[SourceLine] = []
    while position < len(lines) and len(title) < _TITLE_LINES:
        line = lines[position]
        if is_rule(line.text):
            rules.append(line)
            position += 1
            if is_markup(line.text):
                continue
            break
        if _is_section(line):
            break
        plain = strip_markdown(line.text) if "*" in line.text else line.text
        if not _in_title(attrs.evolve(line, text=plain), title, rule_ahead):
            break
        title.append(attrs.evolve(line, text=plain) if plain != line.text else line)
        position += 1
    return title, position


def cut_zones(all_lines: Sequence[SourceLine]) -> Zones:
    """Cut ``all_lines`` into zones; every line lands in exactly one zone."""
    lines, trailer = _trailer(list(all_lines))
    rules: list[SourceLine] = []
    kind_at = next(
        (
            i
            for i, ln in enumerate(lines[:80])
            if len(ln.text) < 40 and _KIND_RE.match(strip_markdown(ln.text))
        ),
        None,
    )
    header = lines[:kind_at] if kind_at is not None else []
    position = kind_at + 1 if kind_at is not None else 0
    title: list[SourceLine] = []
    kind: SourceLine | None = None
    if kind_at is not None:
        kind = lines[kind_at]
        if strip_markdown(kind.text) != kind.text:
            kind = attrs.evolve(kind, text=strip_markdown(kind.text))
        lines = _cut_glued_rules(lines, position, position + _TITLE_LINES + 2)
        title, position = _title(lines, position, rules)
    lines = _mend_cut_headings(lines, position)
    tail_at = next((i for i in range(position, len(lines)) if _TAIL_RE.match(lines[i].text)), None)
    if tail_at is None:
        tail_at = len(lines)
    body_at = next((i for i in range(position, tail_at) if _is_section(lines[i])), tail_at)
    preamble: list[SourceLine] = []
    for line in lines[position:body_at]:
        (rules if is_rule(line.text) else preamble).append(line)
    return Zones(
        header=tuple(header),
        kind=kind,
        title=tuple(title),
        preamble=tuple(preamble),
        body=tuple(lines[body_at:tail_at]),
        tail=tuple(lines[tail_at:]),
        trailer=tuple(trailer),
        rules=tuple(rules),
    )
