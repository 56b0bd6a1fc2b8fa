"""Congresses (milestones), phase windows, anniversaries and printed dates.

A congress is named in long and short forms; all forms of one congress resolve
to one :class:`Milestone`, keyed by kind (Party or emulation), level and ordinal:

>>> reg = Milestones()
>>> a = reg.find_all("Đại hội đại biểu toàn quốc lần thứ XIV của Đảng")[0][2]
>>> b = reg.find_all("chào mừng Đại hội XIV của Đảng")[0][2]
>>> a == b, reg.milestones()[0].level.value, reg.milestones()[0].ordinal
(True, 'national', 14)
>>> w = parse_window("Từ sau Đại hội Đảng bộ tỉnh lần thứ XVIII đến Đại hội XIV của Đảng", reg)
>>> w.start
MilestoneEdge(milestone='m2', edge=<Edge.END: 'end'>)
>>> w.end
MilestoneEdge(milestone='m1', edge=<Edge.START: 'start'>)
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import attrs

from .._anchors import Anchor, DateAnchor, Edge, IssueDate, MilestoneEdge, Open, Window
from .._elements import LEVEL_WORDS, Anniversary, Level, Location, Milestone
from .._numbers import Term, roman_to_int
from .vocab import fold

__all__ = ["Milestones", "find_anniversaries", "parse_date", "parse_window"]

_CONGRESS_RE = re.compile(
    r"[Đđ]ại\s+hội"
    r"(?P<body>(?:,?\s+(?!(?:[Đđ]ại\s+hội|lần|khóa|khoá|nhiệm)\b)[^\s,;:.()“”\"]{1,20}){0,9}?)"
    r",?\s+(?:lần\s+thứ\s+|khóa\s+|khoá\s+|thứ\s+)?(?P<roman>[IVXL]{1,6})\b"
    r"(?P<after>(?:\s+của)?\s+Đảng(?:\s+(?:bộ|ủy|uỷ))?"
    r"(?:\s+(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn))?)?"
    r"(?P<term>,?\s*nhiệm\s+kỳ\s+\d{4}\s*[-–]\s*\d{4})?"
)
_DATE_RE = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_LONG_DATE_RE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_ANNIVERSARY_RE = re.compile(
    r"(?<!\d)(\d{1,4})\s+năm\s+([^();:]{3,160}?)\s*\(\s*"
    r"(\d{1,2}/\d{1,2}/\d{4})\s*[-–]\s*(\d{1,2}/\d{1,2}/\d{4})\s*\)"
)


def parse_date(text: str) -> dt.date | None:
    """The first date printed as ``d/m/yyyy`` or ``ngày d tháng m năm yyyy``; ``None`` if invalid.

    >>> parse_date("ngày 03/7/2025"), parse_date("ngày 16 tháng 7 năm 2025")
    (datetime.date(2025, 7, 3), datetime.date(2025, 7, 16))
    >>> parse_date("31/2/2025") is None
    True
    """
    match = _DATE_RE.search(text) or _LONG_DATE_RE.search(text)
    if match is None:
        return None
    try:
        return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None


_LEVEL_PATTERNS = [(re.compile(rf"(?<!\w){re.escape(w)}(?!\w)"), lv) for w, lv in LEVEL_WORDS]


@functools.lru_cache(maxsize=4096)
def _level(words: str) -> Level:
    folded = fold(words)
    for pattern, level in _LEVEL_PATTERNS:
        if pattern.search(folded):
            return level
    return Level.UNKNOWN


@attrs.define
class _Entry:
    key: tuple[str, Level, int]
    id: str
    names: list[str]
    body: str | None
    level: Level
    ordinal: int
    term: Term | None


class Milestones:
    """A registry of the congresses a plan names, in order of first mention."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, Level, int], _Entry] = {}

    def find_all(self, text: str) -> list[tuple[int, int, str, Level]]:
        """Each congress in ``text`` as (start, end, milestone id, level); registers new ones."""
        found = []
        for match in _CONGRESS_RE.finditer(text):
            try:
                ordinal = roman_to_int(match.group("roman"))
            except ValueError:
                continue
            body_words = " ".join(match.group("body").replace(",", " ").split())
            after = " ".join((match.group("after") or "").split())
            kind = "emulation" if "thi đua" in fold(body_words) else "party"
            level = _level(f"{body_words} {after}")
            if (
                level is Level.UNKNOWN
                and kind == "party"
                and not re.search(r"Đảng\s+bộ", body_words)
            ):
                level = Level.NATIONAL
            body = self._body(body_words, after, level, kind)
            term = None
            if match.group("term"):
                years = re.search(r"\d{4}\s*[-–]\s*\d{4}", match.group("term"))
                term = Term.parse(years.group(0)) if years else None
            name = " ".join(match.group(0).split()).rstrip(",")
            entry = self._register((kind, level, ordinal), name, body, term)
            found.append((match.start(), match.end(), entry.id, level))
        return found

    @staticmethod
    def _body(words: str, after: str, level: Level, kind: str) -> str | None:
        if kind == "emulation":
            return words or None
        text = re.sub(r"^(?:đại\s+biểu\s+)", "", words, flags=re.IGNORECASE).strip()
        text = re.sub(r"^toàn\s+quốc\s*", "", text).strip()
        after = re.sub(r"^của\s+", "", after).strip()
        if level is Level.NATIONAL and not text:
            return "Đảng Cộng sản Việt Nam"
        return text or after or None

    def _register(
        self, key: tuple[str, Level, int], name: str, body: str | None, term: Term | None
    ) -> _Entry:
        entry = self._entries.get(key)
        if entry is None:
            entry = _Entry(key, f"m{len(self._entries) + 1}", [name], body, key[1], key[2], term)
            self._entries[key] = entry
            return entry
        if name not in entry.names:
            entry.names.append(name)
        if entry.term is None:
            entry.term = term
        if body and (entry.body is None or len(body) > len(entry.body)):
            entry.body = body
        return entry

    def milestones(self) -> list[Milestone]:
        """The milestones, longest name as ``name`` and the other wordings as aliases."""
        out = []
        for entry in self._entries.values():
            name = max(entry.names, key=len)
            out.append(
                Milestone(
                    id=entry.id,
                    name=name,
                    body=entry.body,
                    level=entry.level,
                    ordinal=entry.ordinal,
                    term=entry.term,
                    aliases=[n for n in entry.names if n != name],
                )
            )
        return out


def _highest(found: list[tuple[int, int, str, Level]]) -> str | None:
    if not found:
        return None
    best = max(enumerate(found), key=lambda pair: (pair[1][3].rank, pair[0]))
    return best[1][2]


def _after(folded: str, original: str, keyword: str) -> tuple[int, str] | None:
    index = folded.find(keyword)
    if index < 0:
        return None
    return index, original[index + len(keyword) :]


def parse_window(
    text: str, milestones: Milestones, *, parent_start: Anchor | None = None
) -> Window | None:
    """The window a phase heading states, or ``None`` when it states none.

    ``từ nay`` is the issue date; ``từ sau X`` the end of X; ``đến X`` the start
    of X, ``đến (thời điểm hoàn thành | khi kết thúc) X`` its end; ``trước khai mạc
    X`` runs from ``parent_start`` (or open) to the start of X; ``trong thời gian
    diễn ra X`` spans X; ``sau (khi bế mạc) X`` runs from the end of X, open-ended.
    Several congresses in one bound resolve to the highest-level one.
    """
    folded = fold(text)
    start: Anchor | None = None
    end: Anchor | None = None
    head, _, tail = folded.partition("đến ")
    head_original = text[: len(head)]
    tail_original = text[len(head) + 4 :] if tail else ""
    if re.search(r"trong\s+(?:thời\s+gian|quá\s+trình)\s+diễn\s+ra", folded):
        target = _highest(milestones.find_all(text))
        if target is not None:
            return Window(MilestoneEdge(target, Edge.START), MilestoneEdge(target, Edge.END), text)
    if re.search(r"trước\s+(?:khi\s+)?khai\s+mạc|trước\s+thềm", folded):
        target = _highest(milestones.find_all(text))
        if target is not None:
            return Window(parent_start or Open(), MilestoneEdge(target, Edge.START), text)
    if re.search(r"từ\s+nay|từ\s+(?:khi|ngày)\s+ban\s+hành", head):
        start = IssueDate()
    elif re.search(r"(?:^|\s)(?:từ\s+)?sau\s", head):
        target = _highest(milestones.find_all(head_original))
        if target is not None:
            start = MilestoneEdge(target, Edge.END)
    elif (date := _date_anchor(head_original)) is not None:
        start = date
    if tail:
        date = _date_anchor(tail_original[:30])
        if date is not None:
            end = date
        else:
            target = _highest(milestones.find_all(tail_original))
            if target is not None:
                done = re.match(
                    r"\s*(?:thời\s+điểm\s+|khi\s+)?(?:hoàn\s+thành|kết\s+thúc|bế\s+mạc|hết)", tail
                )
                end = MilestoneEdge(target, Edge.END if done else Edge.START)
    elif start is not None:
        end = Open()
    if start is None and end is None:
        return None
    return Window(start or Open(), end or Open(), text)


def _date_anchor(text: str) -> DateAnchor | None:
    on = parse_date(text)
    return None if on is None else DateAnchor(on)


def find_anniversaries(text: str, location: Location | None) -> list[Anniversary]:
    """Anniversaries printed with their arithmetic: ``92 năm Ngày ... (15/6/1933 - 15/6/2025)``.

    >>> [(a.years, a.origin.year, a.on.year) for a in find_anniversaries(
    ...     "như: 80 năm Ngày Quốc khánh (02/9/1945 - 02/9/2025)…", None)]
    [(80, 1945, 2025)]
    """
    out = []
    for match in _ANNIVERSARY_RE.finditer(text):
        years = int(match.group(1))
        spans = [(match.group(2), match.group(3), match.group(4), match.group(0))]
        # "80 năm Cách mạng Tháng Tám (19/8/1945 - 19/8/2025) và Quốc khánh (02/9/1945 -
        # 02/9/2025)": the second event shares the number of years printed once.
        follow = _SHARED_RE.match(text, match.end())
        if follow is not None:
            spans.append((follow.group(1), follow.group(2), follow.group(3), follow.group(0)))
        for name, origin, on, printed in spans:
            out.append(
                Anniversary(
                    name=" ".join(name.split()),
                    years=years,
                    origin=parse_date(origin),
                    on=parse_date(on),
                    text=" ".join(printed.split()),
                    location=location,
                )
            )
    return out


_SHARED_RE = re.compile(
    r"\s*(?:và|,)\s+(?!\d{1,4}\s+năm\b)([^();:\d][^();:]{2,160}?)\s*\(\s*"
    r"(\d{1,2}/\d{1,2}/\d{4})\s*[-–]\s*(\d{1,2}/\d{1,2}/\d{4})\s*\)"
)
