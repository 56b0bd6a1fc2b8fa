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

import attrs

from .._ids import number_elements
from .._model import FormKind, Plan
from ._match import Candidate, Matcher
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
    """Score limits for the statuses, chosen leave-one-pair-out on the labelled alignment
    (docs/compare.md); ``other_phase`` lowers a candidate outside the answering phase."""

    covered: float = 0.62
    partial: float = 0.32
    other_phase: float = 0.8
    """Factor on the score of a candidate in a phase that does not answer the item's phase."""
    other_part: float = 0.9
    """Factor on the score of a candidate in another part (a form's item for phase content,
    content for a purpose or requirement)."""


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


_AIMS_AND_CONTENT = frozenset({"purposes", "requirements", "standing", "phase"})


def _superior_entries(plan: Plan) -> list[_Entry]:
    """The statements a subordinate plan should answer, from :meth:`Plan.texts`."""
    return [
        _Entry(t.element, t.text, t.part, t.element.split("/")[0] if t.part == "phase" else None)
        for t in plan.texts()
        if t.part in _AIMS_AND_CONTENT and not t.heading and t.text.strip()
    ]


def _subordinate_entries(plan: Plan) -> list[_Entry]:
    """The statements that can answer them: the same parts, and forms (a bare title too)."""
    out = _superior_entries(plan)
    empty_forms = {form.id for form in plan.forms if not form.content}
    for t in plan.texts():
        if t.part != "form" or not t.text.strip():
            continue
        if not t.heading or t.element in empty_forms:
            out.append(_Entry(t.element, t.text, "form", None))
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
    best: str,
    status: Status,
    score: float,
    others: list[str],
    out_of_phase: bool,
    where: str,
    aim: bool = False,
) -> str:
    names = ", ".join([best, *others])
    share = round(score * 100)
    if status is Status.COVERED:
        if others:
            return f"covered together by {names} ({share}% of its points)"
        return f"{share}% of its points are in {best}"
    if status is Status.PARTIAL:
        if out_of_phase and aim:
            return f"found in {names}, but as content ({where}), not as a purpose or requirement"
        if out_of_phase:
            return f"found in {names}, but in {where}, not the phase that answers this one"
        return f"only part of it is in {names} ({share}% of its points)"
    return f"no subordinate item carries its key words (closest: {best}, {score:.2f})"


_AWAY = {"aims": "content"}
"""Where the partners of an answer found outside the item's own region come from."""

_CANDIDATES = 12
"""Subordinate candidates scored for each superior item."""

_MERGE_MAX = 3
"""At most this many subordinate items cover one superior item together."""

_MERGE_GAIN = 0.1
"""A further subordinate item joins only if it adds this much of the item's points."""

_LIST_GAIN = 0.5
"""For an item of more than :data:`_MERGE_MAX` points (a list of topics), a further
subordinate item joins if it adds this share of one average point."""


def _region(entry: _Entry) -> str:
    """Where an item belongs: aims (purposes, requirements) or content (phases, forms)."""
    return "aims" if entry.part in ("purposes", "requirements") else "content"


def _best_group(
    matcher: Matcher,
    i: int,
    scored: list[tuple[float, float, Candidate]],
    sub: list[_Entry],
    region: str,
    extras: list[tuple[float, float, Candidate]] | None = None,
) -> tuple[float, list[tuple[int, float, Candidate]]]:
    """The best candidate, joined by up to two more that carry points it lacks.

    An item listing more topics than that (``extras`` holds the best answers to
    each topic) may be joined by one partner per topic.

    Partners come from ``region`` (aims or content): where this kind of item is
    answered, so that a purpose is not completed by a phase's item, nor a phase's
    item by a purpose. Returns the group's score and its members as (index,
    score, candidate).
    """
    if not scored:
        return 0.0, []
    scored = sorted(scored, key=lambda x: (-x[0], x[2].index))
    best_score, best_f, best = scored[0]
    group = [(best.index, best_score, best)]
    chosen = [best.index]
    carried = best.containment
    pool = [x for x in scored[1:] if _region(sub[x[2].index]) == region]
    n_points = matcher.points_of(i)
    most, least = _MERGE_MAX, _MERGE_GAIN
    if n_points > _MERGE_MAX:
        # A list of topics may be answered topic by topic: each partner need only
        # carry one more point.
        most, least = n_points, min(_MERGE_GAIN, _LIST_GAIN / n_points)
        have = {x[2].index for x in scored}
        pool += [
            x for x in extras or () if x[2].index not in have and _region(sub[x[2].index]) == region
        ]
    while pool and len(chosen) < most:
        gains = [(matcher.carried(i, [*chosen, x[2].index]), x) for x in pool]
        gain, pick = max(gains, key=lambda g: (g[0], -g[1][2].index))
        if gain - carried < least:
            break
        chosen.append(pick[2].index)
        group.append((pick[2].index, pick[0], pick[2]))
        carried = gain
        pool.remove(pick)
    return max(best_score, best_f * carried), group


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
        if _region(s) == "aims":
            # A purpose or requirement that the subordinate states only as content (a
            # phase's item, standing content, a form) is partial at most, like an item
            # found only in another phase.
            return (1.0, False) if _region(t) == "aims" else (th.other_part, True)
        if t.part == "form":
            return th.other_part, False
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
        cands = matcher.top(i, _CANDIDATES)
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
        home: list[tuple[float, float, Candidate]] = []
        away: list[tuple[float, float, Candidate]] = []
        # Partners found point by point, for a list of topics answered topic by topic.
        extra_home: list[tuple[float, float, Candidate]] = []
        if matcher.points_of(i) > _MERGE_MAX:
            seen = {c.index for c in cands}
            for j in matcher.point_candidates(i):
                if j not in seen:
                    c = matcher.score(i, j)
                    f, elsewhere = factor(s, sub[j])
                    if not elsewhere:
                        extra_home.append((c.score * f, f, c))
        for c in cands:
            f, elsewhere = factor(s, sub[c.index])
            (away if elsewhere else home).append((c.score * f, f, c))
        region = _region(s)
        home_score, home_group = _best_group(matcher, i, home, sub, region, extra_home)
        # Away, an aim is answered by content: content completes it there.
        away_score, away_group = _best_group(matcher, i, away, sub, _AWAY.get(region, region))
        # Covered needs an answer where the item is answered (its phase; a purpose or
        # requirement among the aims); content found only elsewhere makes the item
        # partial at most.
        best_away = bool(away_group) and away_score > home_score and home_score < th.covered
        score = round(min(away_score if best_away else home_score, 1.0), 3)
        group = away_group if best_away else home_group
        if not best_away and score >= th.covered:
            status = Status.COVERED
        elif score >= th.partial:
            status = Status.PARTIAL
        else:
            status = Status.MISSING
        if status is not Status.MISSING:
            matched_sub.update(sub[j].id for j, _, _ in group)
        first = group[0][2]
        others = [sub[j].id for j, _, _ in group[1:]]
        results.append(
            ItemCoverage(
                item=s.id,
                section=section,
                text=s.text,
                status=status,
                score=score,
                matches=tuple(
                    Match(item=sub[j].id, score=round(min(sc, 1.0), 3), text=sub[j].text)
                    for j, sc, _ in group
                ),
                reason=_reason(
                    sub[first.index].id,
                    status,
                    score,
                    others,
                    best_away,
                    _section_of(sub[first.index]),
                    region == "aims",
                ),
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
