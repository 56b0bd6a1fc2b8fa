"""``compare(superior, subordinate)``: how far a subordinate plan covers its superior.

>>> from kehoach_core import ContentItem, Phase, Plan
>>> sup = Plan(number="06-KH/TBTT", phases=[Phase(content=[
...     ContentItem(text="Tuyên truyền Quy chế bầu cử trong Đảng."),
...     ContentItem(text="Các hoạt động đối ngoại Đảng, ngoại giao Nhà nước.")])])
>>> sub = Plan(phases=[Phase(content=[ContentItem(text="Phổ biến Quy chế bầu cử trong Đảng.")])])
>>> result = compare(sup, sub)
>>> [(c.item, c.status.value) for c in result.items]
[('phase1/1', 'covered'), ('phase1/2', 'missing')]
>>> result.overall
0.5
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from .._elements import ContentItem
from .._ids import number_elements
from .._model import FormKind, Plan
from ._match import CONTAINMENT_SHARE, Candidate, Matcher
from ._normalize import normalize
from ._phases import PhaseAlignment, align_phases
from ._weights import Weights

__all__ = [
    "AssignmentGap",
    "Coverage",
    "FormGap",
    "ItemCoverage",
    "Match",
    "SectionCoverage",
    "Status",
    "Thresholds",
    "compare",
]


class Status(enum.Enum):
    """How a superior item is covered by the subordinate plan."""

    COVERED = "covered"
    PARTIAL = "partial"
    MISSING = "missing"


@attrs.frozen
class Thresholds:
    """Score limits for the statuses, measured on the labelled alignment (docs/compare.md)."""

    covered: float = 0.68
    partial: float = 0.38
    other_phase: float = 0.8
    """Factor on the score of a candidate in a phase that does not answer the item's phase."""
    other_part: float = 0.9
    """Factor on the score of a candidate in another part (a form's item for phase content)."""


@attrs.frozen(kw_only=True)
class Match:
    """A subordinate item that answers a superior item, with its score in [0, 1]."""

    item: str
    score: float
    text: str


@attrs.frozen(kw_only=True)
class ItemCoverage:
    """One superior item: its status, its best subordinate matches and why.

    ``section`` is ``"purposes"``, ``"requirements"``, ``"standing"`` or the
    id of the phase that holds the item. ``linked`` is true when a subordinate
    item names it in ``implements``.
    """

    item: str
    section: str
    text: str
    status: Status
    score: float
    matches: tuple[Match, ...] = ()
    reason: str = ""
    linked: bool = False


@attrs.frozen(kw_only=True)
class Addition:
    """A subordinate item that answers no superior item: the subordinate's own addition."""

    item: str
    section: str
    text: str
    score: float


@attrs.frozen(kw_only=True)
class SectionCoverage:
    """Counts and the coverage figure of one section (purposes, a phase, ...)."""

    section: str
    title: str
    items: int
    covered: int
    partial: int
    missing: int
    figure: float
    """(covered + partial / 2) / items; 1.0 for a section without items."""


@attrs.frozen(kw_only=True)
class FormGap:
    """A form the superior asks for that the subordinate lacks."""

    kind: FormKind
    forms: tuple[str, ...]
    """Ids of the superior's forms of this kind."""
    text: str


@attrs.frozen(kw_only=True)
class AssignmentGap:
    """A task the superior gives to the subordinate's level that the subordinate does not take up.

    A task counts as taken up when an item, task or closing paragraph of the
    subordinate scores at least halfway between the partial and covered thresholds.
    """

    assignment: str
    task: str
    bodies: tuple[str, ...]
    text: str
    score: float
    best: str | None


@attrs.frozen(kw_only=True)
class Coverage:
    """The result of :func:`compare`."""

    items: tuple[ItemCoverage, ...]
    additions: tuple[Addition, ...]
    phases: tuple[PhaseAlignment, ...]
    sections: tuple[SectionCoverage, ...]
    missing_forms: tuple[FormGap, ...]
    unassigned: tuple[AssignmentGap, ...]
    cites_superior: bool | None
    """Whether a legal basis of the subordinate is the superior plan (``None``: the
    superior has neither number nor date to look for)."""
    citation: str | None
    """Id of the subordinate's basis that cites the superior."""
    overall: float
    superior: str = ""
    subordinate: str = ""

    def by_status(self, status: Status) -> list[ItemCoverage]:
        """The superior items with this status."""
        return [c for c in self.items if c.status is status]


@attrs.frozen
class _Entry:
    id: str
    text: str
    part: str
    phase: str | None


def _items(part: str, items: tuple[ContentItem, ...], phase: str | None = None) -> Iterator[_Entry]:
    for top in items:
        for item in top.walk():
            if item.text.strip():
                yield _Entry(item.id, item.text, part, phase)


def _superior_entries(plan: Plan) -> list[_Entry]:
    out = [*_items("purposes", plan.purposes), *_items("requirements", plan.requirements)]
    out += _items("standing", plan.standing_content)
    for phase in plan.all_phases():
        out += _items("phase", phase.content, phase.id)
    return out


def _subordinate_entries(plan: Plan) -> list[_Entry]:
    out = _superior_entries(plan)
    for form in plan.forms:
        out += _items("form", form.content, None)
        if not form.content and form.title.strip():
            out.append(_Entry(form.id, form.title, "form", None))
    return out


def _related(a: str, b: str) -> bool:
    """Same phase, or one is a sub-phase of the other."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def _section_of(entry: _Entry) -> str:
    return entry.phase if entry.part == "phase" and entry.phase else entry.part


def _ensure_ids(plan: Plan) -> Plan:
    ids = [i.id for p in plan.all_phases() for c in p.content for i in c.walk()]
    ids += [
        i.id for c in (*plan.purposes, *plan.requirements, *plan.standing_content) for i in c.walk()
    ]
    if ids and all(ids) and len(set(ids)) == len(ids):
        return plan
    return number_elements(plan)


def _cites(superior: Plan, subordinate: Plan) -> tuple[bool | None, str | None]:
    number = str(superior.number) if superior.number is not None else None
    key = normalize(number, places=False).replace(" ", "") if number else None
    if key is None and superior.issued_on is None:
        return None, None
    for basis in subordinate.bases:
        if key and basis.number is not None:
            if normalize(str(basis.number), places=False).replace(" ", "") == key:
                return True, basis.id
        elif key and key in normalize(basis.text, places=False).replace(" ", ""):
            return True, basis.id
        if key is None and basis.issued_on == superior.issued_on:
            return True, basis.id
    return False, None


def _level_words(plan: Plan) -> tuple[str, ...]:
    issuer = normalize(plan.issuer or "", places=False)
    words = issuer.split()
    if {"xã", "phường"} & set(words) or "thị trấn" in issuer:
        return ("xã", "phường", "thị trấn", "cơ sở", "trực thuộc", "cấp xã")
    if {"huyện", "quận"} & set(words) or "thị xã" in issuer:
        return ("huyện", "quận", "thị xã", "trực thuộc", "cấp huyện")
    if "tỉnh" in words or "thành phố" in issuer:
        return ("tỉnh", "thành phố", "trực thuộc")
    return ("trực thuộc",)


def _form_gaps(superior: Plan, subordinate: Plan) -> list[FormGap]:
    have = {k for f in subordinate.forms for k in (f.kind, *f.also)}
    wanted: dict[FormKind, list[str]] = {}
    titles: dict[FormKind, str] = {}
    for form in superior.forms:
        for kind in (form.kind, *form.also):
            if kind is FormKind.OTHER or kind in have:
                continue
            wanted.setdefault(kind, []).append(form.id)
            titles.setdefault(kind, form.title)
    order = list(FormKind)
    return [
        FormGap(kind=k, forms=tuple(ids), text=titles[k])
        for k, ids in sorted(wanted.items(), key=lambda kv: order.index(kv[0]))
    ]


def _assignment_gaps(
    superior: Plan, subordinate: Plan, thresholds: Thresholds, fold: bool
) -> list[AssignmentGap]:
    markers = _level_words(subordinate)
    tasks = []
    for assignment in superior.all_assignments():
        names = normalize(" ".join((*assignment.bodies, assignment.heading)), places=False)
        if not any(f" {m} " in f" {names} " for m in markers):
            continue
        for top in assignment.tasks:
            for task in top.walk():
                if task.text.strip():
                    tasks.append((assignment, task))
    if not tasks:
        return []
    pool = [(t.id, t.text) for a in subordinate.all_assignments() for t in a.tasks]
    pool += [(e.id, e.text) for e in _subordinate_entries(subordinate)]
    pool += [(c.id, c.text) for c in subordinate.closing]
    if not pool:
        return [
            AssignmentGap(
                assignment=a.id, task=t.id, bodies=a.bodies, text=t.text, score=0.0, best=None
            )
            for a, t in tasks
        ]
    matcher = Matcher([t.text for _, t in tasks], [text for _, text in pool], fold=fold)
    gaps = []
    for i, (assignment, task) in enumerate(tasks):
        found = matcher.top(i, 1)
        score = found[0].score if found else 0.0
        if score < (thresholds.partial + thresholds.covered) / 2:
            gaps.append(
                AssignmentGap(
                    assignment=assignment.id,
                    task=task.id,
                    bodies=assignment.bodies,
                    text=task.text,
                    score=round(score, 3),
                    best=pool[found[0].index][0] if found else None,
                )
            )
    return gaps


def _phase_title(plan: Plan, phase_id: str) -> str:
    for phase in plan.all_phases():
        if phase.id == phase_id:
            return " ".join(x for x in (phase.label, phase.heading) if x).strip()
    return phase_id


_SECTION_TITLES = {
    "purposes": "Mục đích",
    "requirements": "Yêu cầu",
    "standing": "Nội dung thường xuyên",
}


def _figure(covered: int, partial: int, total: int) -> float:
    return 1.0 if total == 0 else round((covered + partial / 2) / total, 3)


def _reason(
    best: _Entry,
    status: Status,
    cand: Candidate,
    others: list[_Entry],
    out_of_phase: bool,
    where: str,
) -> str:
    names = ", ".join([best.id, *[o.id for o in others]])
    if status is Status.COVERED:
        if others:
            return f"covered together by {names}"
        return f"{round(cand.containment * 100)}% of its weighted words are in {best.id}"
    if status is Status.PARTIAL:
        if out_of_phase:
            return f"found in {names}, but in {where}, not the phase that answers this one"
        return f"only part of it is in {names} ({round(cand.containment * 100)}% of its words)"
    return f"no subordinate item carries its key words (closest: {best.id}, {cand.score:.2f})"


def compare(
    superior: Plan,
    subordinate: Plan,
    *,
    fold_diacritics: bool = False,
    thresholds: Thresholds | None = None,
) -> Coverage:
    """How far ``subordinate`` covers ``superior``: per item, per phase and overall.

    Every content item of the superior (purposes, requirements, standing
    content, each phase and sub-phase) gets a status, its best subordinate
    matches with a score in [0, 1], and a short reason. An ``implements`` link
    on a subordinate item overrides matching. ``fold_diacritics`` also matches
    texts whose diacritics were damaged.
    """
    th = thresholds or Thresholds()
    superior, subordinate = _ensure_ids(superior), _ensure_ids(subordinate)
    sup = _superior_entries(superior)
    sub = _subordinate_entries(subordinate)
    alignments = align_phases(superior, subordinate)
    answer = {a.superior: a.subordinate for a in alignments}
    sub_has_phases = any(True for _ in subordinate.all_phases())
    matcher = Matcher([e.text for e in sup], [e.text for e in sub], fold=fold_diacritics)
    links: dict[str, list[_Entry]] = {}
    for top in (
        *subordinate.purposes,
        *subordinate.requirements,
        *subordinate.standing_content,
        *(c for p in subordinate.all_phases() for c in p.content),
    ):
        for item in top.walk():
            if item.implements:
                entry = next((e for e in sub if e.id == item.id), None)
                if entry is not None:
                    links.setdefault(item.implements, []).append(entry)

    def factor(s: _Entry, t: _Entry) -> tuple[float, bool]:
        if t.part == "form":
            return th.other_part, False
        if s.part in ("purposes", "requirements"):
            return (
                (1.0, False) if t.part in ("purposes", "requirements") else (th.other_part, False)
            )
        if s.part == "standing" or t.part == "standing" or not sub_has_phases:
            return 1.0, False
        if t.part != "phase":
            return th.other_part, False
        target = answer.get(s.phase or "")
        if target is None or (t.phase and _related(t.phase, target)):
            return 1.0, False
        return th.other_phase, True

    results: list[ItemCoverage] = []
    matched_sub: set[str] = set()
    for i, s in enumerate(sup):
        section = _section_of(s)
        if s.id in links:
            linked = links[s.id]
            matched_sub.update(e.id for e in linked)
            results.append(
                ItemCoverage(
                    item=s.id,
                    section=section,
                    text=s.text,
                    status=Status.COVERED,
                    score=1.0,
                    matches=tuple(Match(item=e.id, score=1.0, text=e.text) for e in linked),
                    reason=f"linked by implements from {', '.join(e.id for e in linked)}",
                    linked=True,
                )
            )
            continue
        cands = matcher.top(i, 5)
        if not cands:
            results.append(
                ItemCoverage(
                    item=s.id,
                    section=section,
                    text=s.text,
                    status=Status.MISSING,
                    score=0.0,
                    reason="no subordinate item shares a word with it",
                )
            )
            continue
        adjusted = []
        for c in cands:
            f, away = factor(s, sub[c.index])
            adjusted.append((c.score * f, f, away, c))
        adjusted.sort(key=lambda x: (-x[0], x[3].index))
        best_score, best_f, best_away, best = adjusted[0]
        score = best_score
        chosen = [best.index]
        carried = best.containment
        pool = [x for x in adjusted[1:] if x[2] == best_away and x[0] >= th.partial / 2]
        while pool and len(chosen) < 3:
            gains = [(matcher.carried(i, [*chosen, x[3].index]), x) for x in pool]
            gain, pick = max(gains, key=lambda g: (g[0], -g[1][3].index))
            if gain - carried < 0.1:
                break
            chosen.append(pick[3].index)
            carried = gain
            pool.remove(pick)
        if len(chosen) > 1:
            merged = best_f * (CONTAINMENT_SHARE * carried + (1 - CONTAINMENT_SHARE) * best.fuzzy)
            score = max(score, merged)
        union_used = chosen[1:]
        score = round(min(score, 1.0), 3)
        if score >= th.covered and not best_away:
            status = Status.COVERED
        elif score >= th.partial:
            status = Status.PARTIAL
        else:
            status = Status.MISSING
        by_index = {x[3].index: x[0] for x in adjusted}
        shown = [(j, by_index[j]) for j in chosen]
        if status is not Status.MISSING:
            matched_sub.update(sub[j].id for j, _ in shown)
        others = [sub[j] for j in union_used]
        where = _section_of(sub[best.index])
        results.append(
            ItemCoverage(
                item=s.id,
                section=section,
                text=s.text,
                status=status,
                score=score,
                matches=tuple(
                    Match(item=sub[j].id, score=round(min(sc, 1.0), 3), text=sub[j].text)
                    for j, sc in shown
                ),
                reason=_reason(sub[best.index], status, best, others, best_away, where),
            )
        )

    additions = _additions(sup, sub, matched_sub, th, fold_diacritics, matcher.weights)
    sections = _sections(superior, results)
    total = len(results)
    covered = sum(r.status is Status.COVERED for r in results)
    partial = sum(r.status is Status.PARTIAL for r in results)
    cites, citation = _cites(superior, subordinate)
    return Coverage(
        items=tuple(results),
        additions=tuple(additions),
        phases=tuple(alignments),
        sections=tuple(sections),
        missing_forms=tuple(_form_gaps(superior, subordinate)),
        unassigned=tuple(_assignment_gaps(superior, subordinate, th, fold_diacritics)),
        cites_superior=cites,
        citation=citation,
        overall=_figure(covered, partial, total),
        superior=superior.title or superior.issuer or "",
        subordinate=subordinate.title or subordinate.issuer or "",
    )


def _additions(
    sup: list[_Entry],
    sub: list[_Entry],
    matched: set[str],
    th: Thresholds,
    fold: bool,
    weights: Weights,
) -> list[Addition]:
    own = [e for e in sub if e.part != "form" and e.id not in matched]
    if not own:
        return []
    if not sup:
        return [Addition(item=e.id, section=_section_of(e), text=e.text, score=0.0) for e in own]
    reverse = Matcher([e.text for e in own], [e.text for e in sup], fold=fold, weights=weights)
    out = []
    for i, e in enumerate(own):
        top = reverse.top(i, 1)
        score = top[0].score if top else 0.0
        if score < th.partial:
            out.append(
                Addition(item=e.id, section=_section_of(e), text=e.text, score=round(score, 3))
            )
    return out


def _sections(superior: Plan, results: list[ItemCoverage]) -> list[SectionCoverage]:
    order: list[str] = []
    for key in ("purposes", "requirements", "standing"):
        if any(r.section == key for r in results):
            order.append(key)
    order += [p.id for p in superior.all_phases()]
    out = []
    for key in order:
        rows = [r for r in results if r.section == key]
        c = sum(r.status is Status.COVERED for r in rows)
        p = sum(r.status is Status.PARTIAL for r in rows)
        title = _SECTION_TITLES.get(key) or _phase_title(superior, key)
        out.append(
            SectionCoverage(
                section=key,
                title=title,
                items=len(rows),
                covered=c,
                partial=p,
                missing=len(rows) - c - p,
                figure=_figure(c, p, len(rows)),
            )
        )
    return out
