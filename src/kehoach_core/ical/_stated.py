"""Dates a plan states in its own words: a day, a month, a quarter, a range, a deadline.

New plans carry their times in their text (*Thời gian dự kiến trong tháng
10/2025*, *trước ngày 20/12/2025*, *Từ tháng 11/2025 đến quý I/2026*). This
module finds them; it never reads a date that belongs to a cited document
(*Chỉ thị số 46-CT/TW ngày 16/5/2025*), an anniversary's arithmetic
(*15/6/1933 - 15/6/2025*) or the lunar calendar (*15 - 28 tháng 12 Âm lịch*).

>>> [(s.kind, s.first, s.last) for s in find("Thời gian dự kiến trong tháng 10/2025.")]
[('month', datetime.date(2025, 10, 1), datetime.date(2025, 10, 31))]
>>> [(s.kind, s.last) for s in find("Tổng hợp, báo cáo trước ngày 20/12/2025.")]
[('before', datetime.date(2025, 12, 20))]
>>> [(s.first, s.last) for s in find("(từ ngày 08 đến ngày 10 tháng 12 năm 2025)")]
[(datetime.date(2025, 12, 8), datetime.date(2025, 12, 10))]
>>> find("Thực hiện Chỉ thị số 46-CT/TW ngày 16/5/2025 của Bộ Chính trị")
[]
>>> [(s.first, s.last) for s in find("Từ tháng 12/2025 đến quý I/2026.")]
[(datetime.date(2025, 12, 1), datetime.date(2026, 3, 31))]
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

import attrs

from .._vietnamese import strip_marks

__all__ = ["Stated", "find"]

_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

# One unit of time, on folded text (lower case, no diacritics, one character for one).
_DAY = (
    r"(?:ngay\s*)?(?P<{p}d>\d{{1,2}})\s*/\s*(?P<{p}m>\d{{1,2}})(?:\s*/\s*(?P<{p}y>\d{{4}}))?"
    r"|ngay\s*(?P<{p}d2>\d{{1,2}})\s+thang\s*(?P<{p}m2>\d{{1,2}})(?:\s*(?:nam|/)\s*(?P<{p}y2>\d{{4}}))?"
)
_MONTH = r"thang\s*(?P<{p}mo>\d{{1,2}})(?:\s*(?:/|nam)\s*(?P<{p}my>\d{{4}}))?(?!\s*/\s*\d)"
_QUARTER = r"quy\s*(?P<{p}q>iv|iii|ii|i)\b(?:\s*(?:/|nam)\s*(?P<{p}qy>\d{{4}}))?"
_YEAR = r"(?:het\s+|cuoi\s+)?nam\s*(?P<{p}yr>\d{{4}})"
_BARE_DAY = r"ngay\s*(?P<{p}bd>\d{{1,2}})(?!\s*(?:/|thang|\d))"


def _unit(prefix: str, *, bare: bool = False, year: bool = False) -> str:
    parts = [_DAY, _MONTH, _QUARTER]
    if year:
        parts.append(_YEAR)
    if bare:
        parts.append(_BARE_DAY)
    return "(?:" + "|".join(p.format(p=prefix) for p in parts) + ")"


_RANGE_RE = re.compile(
    r"(?:(?P<from>tu)\s+)?(?:(?:ngay|thang)\s+)?(?P<a>"
    + _unit("a", bare=True, year=True)
    + r")\s*(?P<to>den|toi|[-–—])\s*(?:het\s+|cuoi\s+)?(?:ngay\s+bau\s+cu\s*,?\s*)?(?P<b>"
    + _unit("b", year=True)
    + r")"
)
_BEFORE_RE = re.compile(
    r"(?:truoc|cham\s+nhat(?:\s+la)?|khong\s+muon\s+hon|han\s+chot(?:\s+la)?)\s*(?:ngay\s*)?"
    r"(?P<a>" + _unit("a") + r")"
)
_FROM_NOW_RE = re.compile(
    r"tu\s+(?:nay|khi\s+ban\s+hanh|ngay\s+ban\s+hanh(?:\s+ke\s+hoach)?)\s*(?:den|toi)\s*"
    r"(?:het\s+|cuoi\s+)?(?P<b>" + _unit("b", year=True) + r")"
)
_WITHIN_YEAR_RE = re.compile(
    r"hoan\s+thanh\s+(?:trong|truoc\s+(?:het|cuoi)|trong\s+quy\s+[iv]+)?\s*nam\s*(?P<y>\d{4})"
)
_SINGLE_RE = re.compile(r"(?P<a>" + _unit("a") + r")")
_CUE_RE = re.compile(
    r"(?:thoi\s*gian|thoi\s*han|du\s*kien|trong|vao|sau|tu|den|toi|hoan\s+thanh|cao\s+diem"
    r"|dien\s+ra|to\s+chuc|bat\s+dau|ket\s+thuc|:)\s*(?:la\s+|ngay\s+|khoang\s+)?"
    r"(?:(?:ngay\s+)?bau\s+cu\s*)?$"
)
_CITED_RE = re.compile(
    r"(?:\bso\s*\d|\d\s*[-/]\s*[a-z]{1,8}\s*/|/\s*(?:qh|nd|tt|qd|nq|ct|kh|cv)\w*"
    r"|\b(?:luat|nghi\s+quyet|chi\s+thi|ket\s+luan|quyet\s+dinh|cong\s+van|thong\s+tu"
    r"|nghi\s+dinh|huong\s+dan|thong\s+bao|ke\s+hoach|dieu\s+le|van\s+ban)\b)[^.;:()]{0,60}$"
)
_LUNAR_RE = re.compile(r"^\W{0,3}(?:\(?\s*)?am\s+lich")


@attrs.frozen
class Stated:
    """A time the plan states: inclusive days, what kind, and the words as printed.

    ``kind`` is ``day``, ``month``, ``quarter``, ``range`` or ``before`` (a
    deadline: ``first == last`` is the stated day). ``start``/``end`` are the
    offsets of ``phrase`` in the text given to :func:`find`.
    """

    first: dt.date
    last: dt.date
    kind: str
    phrase: str
    start: int
    end: int
    from_issue: bool = False


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _span(m: re.Match[str], p: str, year: int | None) -> tuple[dt.date, dt.date, str] | None:
    """The days one unit covers; ``year`` fills a missing year."""
    g = m.groupdict()

    def y(value: str | None) -> int | None:
        return int(value) if value else year

    try:
        for d, mo, yr in ((f"{p}d", f"{p}m", f"{p}y"), (f"{p}d2", f"{p}m2", f"{p}y2")):
            if g.get(d):
                full = y(g[yr])
                if full is None:
                    return None
                day = dt.date(full, int(g[mo]), int(g[d]))
                return day, day, "day"
        if g.get(f"{p}mo"):
            full = y(g[f"{p}my"])
            if full is None:
                return None
            month = int(g[f"{p}mo"])
            return dt.date(full, month, 1), _month_end(full, month), "month"
        if g.get(f"{p}q"):
            full = y(g[f"{p}qy"])
            if full is None:
                return None
            quarter = _QUARTERS[g[f"{p}q"]]
            return (
                dt.date(full, quarter * 3 - 2, 1),
                _month_end(full, quarter * 3),
                "quarter",
            )
        if g.get(f"{p}yr"):
            full = int(g[f"{p}yr"])
            return dt.date(full, 1, 1), dt.date(full, 12, 31), "year"
    except ValueError:  # 31/2, month 13
        return None
    return None


def _explicit_year(m: re.Match[str], p: str) -> int | None:
    for key in ("y", "y2", "my", "qy", "yr"):
        value = m.groupdict().get(f"{p}{key}")
        if value:
            return int(value)
    return None


def _cited(folded: str, start: int) -> bool:
    """True when the date at ``start`` dates a cited document (*Chỉ thị số ... ngày ...*)."""
    before = folded[max(0, start - 90) : start]
    return bool(_CITED_RE.search(before))


def _lunar(folded: str, end: int) -> bool:
    return bool(_LUNAR_RE.match(folded[end : end + 20]))


def find(text: str, *, year: int | None = None) -> list[Stated]:
    """The times ``text`` states, in order; ``year`` completes a day or month printed without one.

    A range's open end takes its year from the other end (*từ ngày 08 đến ngày 10
    tháng 12 năm 2025*). A lone day or month counts only after a word of time
    (*thời gian*, *trong*, *vào*, *dự kiến*, *hoàn thành* ...), never after a
    cited document's number.
    """
    text = unicodedata.normalize("NFC", text)
    folded = strip_marks(text)
    if len(folded) != len(text):  # never for NFC Vietnamese; be safe for anything else
        return []
    found: list[Stated] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(first: dt.date, last: dt.date, kind: str, start: int, end: int, **kw: bool) -> None:
        taken.append((start, end))
        phrase = " ".join(text[start:end].split()).strip(" ,.;:()")
        found.append(Stated(first, last, kind, phrase, start, end, **kw))

    for m in _FROM_NOW_RE.finditer(folded):
        span = _span(m, "b", year)
        if span is not None and free(m.start(), m.end()):
            add(span[1], span[1], "range", m.start(), m.end(), from_issue=True)
    for m in _RANGE_RE.finditer(folded):
        if not free(m.start(), m.end()) or _lunar(folded, m.end()):
            continue
        if _cited(folded, m.start()):
            continue
        end_year = _explicit_year(m, "b") or year
        start_year = _explicit_year(m, "a")
        b = _span(m, "b", end_year)
        if b is None:
            continue
        a = _span(m, "a", start_year or b[1].year)
        if a is None and m.group("abd"):
            try:
                a = (b[0].replace(day=int(m.group("abd"))),) * 2 + ("day",)
            except ValueError:
                a = None
        if a is None:
            continue
        first, last = a[0], b[1]
        if start_year is None and first > last:  # *Từ tháng 12 đến tháng 3/2026*
            try:
                first = first.replace(year=first.year - 1)
            except ValueError:
                continue
        is_year_range = a[2] == "year" or b[2] == "year"
        if is_year_range and not m.group("from"):
            continue  # *giai đoạn 2021 - 2025* is not said this way; *năm 2025 - 2026* is no time
        if first > last or (last - first).days > 366 * 6:
            continue
        if not m.group("from") and m.group("to") not in ("den", "toi") and {a[2], b[2]} != {"day"}:
            continue  # *11/2025 - 4/2026* without *từ* or *đến*: too easily something else
        if not m.group("from") and last.year - first.year > 1:
            continue  # an anniversary's arithmetic: *(15/6/1933 - 15/6/2025)*
        add(first, last, "range", m.start(), m.end())
    for m in _BEFORE_RE.finditer(folded):
        if not free(m.start(), m.end()) or _cited(folded, m.start()):
            continue
        span = _span(m, "a", year)
        if span is not None and span[2] == "day":
            add(span[1], span[1], "before", m.start(), m.end())
    for m in _WITHIN_YEAR_RE.finditer(folded):
        if free(m.start(), m.end()):
            last = dt.date(int(m.group("y")), 12, 31)
            add(last, last, "before", m.start(), m.end())
    for m in _SINGLE_RE.finditer(folded):
        if not free(m.start(), m.end()) or _lunar(folded, m.end()):
            continue
        before = folded[max(0, m.start() - 40) : m.start()]
        if not _CUE_RE.search(before) or _cited(folded, m.start()):
            continue
        span = _span(m, "a", year)
        if span is None:
            continue
        add(span[0], span[1], span[2], m.start(), m.end())
    found.sort(key=lambda s: s.start)
    return found
