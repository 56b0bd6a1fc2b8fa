"""Reading the dates a plan states into its windows and dues, before export.

The reader leaves a phase such as *Đợt 1: Trong tháng 12/2025* without a
window, and never sets a content item's ``due``. :func:`date_plan` returns the
plan with those filled from the text (:mod:`._stated`), and every dated item
with the spans it states, so that a calendar holds every date the plan gives:

* a phase without a window (or with an open end) takes the span its heading
  states; *Sau ngày bầu cử 15/3/2026* starts the day after that day and is
  open-ended;
* a content item anywhere in the plan (standing content, phases, forms, tasks,
  closing) that states a time gets ``due`` = the last day it states, unless it
  has one already.

>>> import datetime as dt
>>> from kehoach_core import Phase, Plan, ContentItem, number_elements
>>> plan = number_elements(Plan(issued_on=dt.date(2025, 12, 10), phases=[
...     Phase(ordinal=1, heading="Đợt 1: Trong tháng 12/2025",
...           content=[ContentItem(text="Báo cáo trước ngày 20/12/2025.")])]))
>>> dated, items = date_plan(plan)
>>> dated.phases[0].window.start, dated.phases[0].window.end
(DateAnchor(on=datetime.date(2025, 12, 1)), DateAnchor(on=datetime.date(2025, 12, 31)))
>>> dated.phases[0].content[0].due, items["phase1/1"].spans[0].kind
(DateAnchor(on=datetime.date(2025, 12, 20)), 'before')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import attrs

from .._anchors import DateAnchor, Edge, IssueDate, MilestoneEdge, Open, Window
from .._elements import ContentItem
from .._model import Assignment, Form, Phase, Plan
from .._vietnamese import strip_marks
from ._match import fold
from ._stated import Stated, find

__all__ = ["DatedItem", "date_plan", "reference_day"]

_ONE_DAY = dt.timedelta(days=1)
_LABEL_RE = re.compile(
    r"^\W*(?:thoi\s*gian|thoi\s*han|tien\s*do)(?:\s+(?:du\s*kien|hoan\s+thanh|thuc\s+hien"
    r"|trien\s+khai|to\s+chuc|[a-z]+(?:\s+[a-z]+){0,6}?))?\s*:",
)


_PHASE_WORDS_RE = re.compile(
    r"^\W*(?:dot|giai\s+doan|buoc)\s+(?:thu\s+)?\w+\s*(?:du\s+kien\s*)?[:.\-–]?\s*"
)


@attrs.frozen
class DatedItem:
    """A content item that states a time: where it sits and what it states.

    ``subject`` is what the time is for: the item's own text, or, when the item
    is only a time (*- Thời gian hoàn thành: Tháng 11/2025*), the text of the
    item or heading it belongs to. ``bodies`` are the responsible bodies when
    the item is a task of an assignment.
    """

    item: ContentItem
    subject: str
    spans: tuple[Stated, ...]
    bodies: tuple[str, ...] = ()
    heading: str = ""
    phase: str | None = None
    window: Window | None = None
    """A time stated against the plan's milestones (*từ ngày ban hành Kế hoạch đến khi
    tổ chức thành công Đại hội XIV*), when the item states no date."""


def reference_day(plan: Plan) -> dt.date | None:
    """The plan's issue date, or else the day of its digital signature."""
    if plan.issued_on is not None:
        return plan.issued_on
    signature = plan.signature
    if signature is not None and signature.digital is not None:
        signed = signature.digital.signed_at
        if signed is not None:
            return signed.date()
    return None


def _bare_label(text: str) -> str | None:
    """``Thời gian triển khai`` for ``+ Thời gian triển khai:`` (a label and nothing else)."""
    match = re.fullmatch(r"\W*([^:]{2,60}?)\s*:\s*", text)
    if match is None or not _LABEL_RE.match(strip_marks(text)):
        return None
    return " ".join(match.group(1).split())


def _only_time(item: ContentItem, spans: Iterable[Stated]) -> bool:
    """True when the item says nothing but a time (and perhaps a label)."""
    text = item.text
    for span in sorted(spans, key=lambda s: -s.start):
        text = text[: span.start] + text[span.end :]
    folded = strip_marks(text)
    if _LABEL_RE.match(folded):
        return True
    return len(re.sub(r"[^a-z]", "", folded)) < 25


@attrs.define
class _Pass:
    plan: Plan
    day: dt.date | None
    found: dict[str, DatedItem] = attrs.field(factory=dict)

    @property
    def year(self) -> int | None:
        return self.day.year if self.day is not None else None

    def spans(self, text: str, *, complete: bool = True) -> tuple[Stated, ...]:
        """The times ``text`` states; *từ nay đến ...* starts on the issue date when known."""
        found = find(text, year=self.year if complete else None)
        out = []
        for span in found:
            if span.from_issue and self.day is not None and self.day <= span.last:
                span = attrs.evolve(span, first=self.day)
            out.append(span)
        return tuple(out)

    def milestone_window(self, text: str) -> Window | None:
        """*Từ nay / từ ngày ban hành ... đến ... Đại hội ...*, its congress one of the plan's."""
        folded = strip_marks(text)
        if not re.search(r"tu\s+(?:nay|ngay\s+ban\s+hanh|khi\s+ban\s+hanh)", folded):
            return None
        if "dai hoi" not in folded:
            return None
        from .._reading.events import Milestones, parse_window

        registry = Milestones()
        start = re.search(r"tu\s+(?:nay|ngay\s+ban\s+hanh|khi\s+ban\s+hanh)", folded)
        assert start is not None
        window = parse_window(text[start.start() :], registry)
        if window is None or not isinstance(window.end, MilestoneEdge):
            return None
        named = {m.id: m for m in registry.milestones()}
        wanted = named.get(window.end.milestone)
        if wanted is None:
            return None
        for milestone in self.plan.milestones:
            same_kind = ("thi dua" in strip_marks(milestone.name)) == (
                "thi dua" in strip_marks(wanted.name)
            )
            if (milestone.level, milestone.ordinal) == (wanted.level, wanted.ordinal) and same_kind:
                edge = window.end.edge
                if re.search(r"den\s+(?:khi\s+)?(?:to\s+chuc\s+)?thanh\s+cong", folded):
                    edge = Edge.END  # *đến khi tổ chức thành công Đại hội*: once it has closed
                end = MilestoneEdge(milestone.id, edge)
                return Window(IssueDate(), end, " ".join(text[start.start() :].split()))
        return None

    def notes(self) -> None:
        """Prose the reader kept beside the items (*3. Thời gian thực hiện: Từ nay đến ...*).

        A note's year is never guessed: the reader may have cut it off the sentence.
        """
        for note in self.plan.notes:
            spans = self.spans(note.text, complete=False)
            if spans:
                item = ContentItem(id=note.id, text=note.text)
                self.found[note.id] = DatedItem(item, note.text, spans)
            elif (window := self.milestone_window(note.text)) is not None:
                item = ContentItem(id=note.id, text=note.text)
                self.found[note.id] = DatedItem(item, note.text, (), window=window)

    def items(
        self,
        items: Iterable[ContentItem],
        context: str,
        *,
        bodies: tuple[str, ...] = (),
        heading: str = "",
        phase: str | None = None,
    ) -> tuple[ContentItem, ...]:
        out = []
        for item in items:
            label = _bare_label(item.text)
            inner = context if label is not None and context else item.text
            children = self.items(item.children, inner, bodies=bodies, heading=heading, phase=phase)
            spans = self.spans(item.text)
            if spans:
                subject = item.text
                if context and _only_time(item, spans):
                    subject = context
                    own = _bare_label(item.text[: spans[0].start])
                    if own and fold(own) not in ("thoi gian",):
                        subject = f"{context} – {own}"
                self.found[item.id] = DatedItem(item, subject, spans, bodies, heading, phase)
                if item.due is None:
                    item = attrs.evolve(item, due=DateAnchor(spans[0].last))
            elif (window := self.milestone_window(item.text)) is not None:
                self.found[item.id] = DatedItem(
                    item, item.text, (), bodies, heading, phase, window=window
                )
                if item.due is None:
                    item = attrs.evolve(item, due=window.end)
            if children != item.children:
                item = attrs.evolve(item, children=children)
            out.append(item)
        return tuple(out)

    def phase(self, phase: Phase) -> Phase:
        window = self.window(phase)
        content = self.items(phase.content, phase.heading, heading=phase.heading, phase=phase.id)
        subphases = tuple(self.phase(sub) for sub in phase.subphases)
        return attrs.evolve(phase, window=window, content=content, subphases=subphases)

    def window(self, phase: Phase) -> Window | None:
        window = phase.window
        if (
            window is not None
            and not isinstance(window.start, Open | IssueDate)
            and not isinstance(window.end, Open)
        ):
            return window
        wording = window.text if window is not None and window.text else phase.heading
        spans = find(wording, year=self.year) or find(phase.heading, year=self.year)
        if not spans:
            return window
        span = spans[0]
        folded = _PHASE_WORDS_RE.sub("", strip_marks(wording)).lstrip(" -–:(")
        if window is None:
            if re.match(r"(?:tu\s+)?sau\b", folded) and span.kind == "day":
                return Window(DateAnchor(span.last + _ONE_DAY), Open(), wording)
            if span.from_issue:
                return Window(IssueDate(), DateAnchor(span.last), wording)
            return Window(DateAnchor(span.first), DateAnchor(span.last), wording)
        start, end = window.start, window.end
        if isinstance(start, Open) and span.kind == "range" and not span.from_issue:
            start = DateAnchor(span.first)
        after = re.match(r"(?:tu\s+)?sau\b", folded)
        if isinstance(end, Open) and span.kind != "day" and not after:
            end = DateAnchor(span.last)
        return Window(start, end, window.text)

    def assignment(self, assignment: Assignment) -> Assignment:
        tasks = self.items(
            assignment.tasks,
            assignment.heading,
            bodies=assignment.bodies,
            heading=assignment.heading,
        )
        children = tuple(self.assignment(child) for child in assignment.children)
        return attrs.evolve(assignment, tasks=tasks, children=children)

    def form(self, form: Form) -> Form:
        title = form.title or " ".join((self.plan.title or "").split())
        return attrs.evolve(form, content=self.items(form.content, title))


def date_plan(plan: Plan) -> tuple[Plan, dict[str, DatedItem]]:
    """``plan`` with the windows and dues its text states, and its dated items by id.

    ``plan`` must have its element ids (:func:`~kehoach_core.number_elements`).
    """
    work = _Pass(plan, reference_day(plan))
    title = " ".join((plan.title or "").split())
    dated = attrs.evolve(
        plan,
        preamble=work.items(plan.preamble, title),
        purposes=work.items(plan.purposes, title),
        requirements=work.items(plan.requirements, title),
        standing_content=work.items(plan.standing_content, title),
        phases=tuple(work.phase(phase) for phase in plan.phases),
        forms=tuple(work.form(form) for form in plan.forms),
        assignments=tuple(work.assignment(a) for a in plan.assignments),
        closing=work.items(plan.closing, title),
    )
    work.notes()
    return dated, work.found


def with_stated_dates(plan: Plan) -> Plan:
    """``plan`` with the windows and dues its own text states read into the model.

    The dates the calendar uses without a schedule (a day, a month, a range,
    *trước ngày ...*), for callers who want them in the plan itself.

    >>> from kehoach_core import read_text
    >>> plan = read_text("KẾ HOẠCH\\nTuyên truyền\\nI. NỘI DUNG\\n- Treo cờ trước ngày 20/12/2025.")
    >>> with_stated_dates(plan).standing_content[0].due is not None
    True
    """
    from .._ids import number_elements

    dated, _ = date_plan(number_elements(plan))
    return dated
