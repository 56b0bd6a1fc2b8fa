"""The reader on plans it was not developed on (``plans/``), as text and as docx.

Goldens live in ``golden_text_unseen.py``, typed from the fixtures. Each plan
is also written to a docx (one paragraph per logical line; then with the header
as a two-column table and the labels as Word numbering) and must read to the
same structure.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from golden_text_unseen import PLANS
from text_words import is_subsequence, missing, plan_words, words

from docx_io.builders import docx_from_lines
from kehoach_core import (
    ContentItem,
    DateAnchor,
    IssueDate,
    Location,
    MilestoneEdge,
    Open,
    Part,
    Plan,
)
from kehoach_core._reading import read_text
from kehoach_core._reading.build import build_plan
from kehoach_core._reading.clean import _is_page_number, clean_spaces
from kehoach_core._reading.labels import split_label
from kehoach_core._reading.lines import text_to_document
from kehoach_core.docx_io import docx_to_document

PLANS_DIR = Path(__file__).parent / "plans"
IDS = [g["file"].removesuffix(".txt") for g in PLANS]


def _text(golden: dict[str, Any]) -> str:
    return (PLANS_DIR / golden["file"]).read_text(encoding="utf-8")


_cache: dict[str, Plan] = {}


def _plan(golden: dict[str, Any]) -> Plan:
    if golden["file"] not in _cache:
        _cache[golden["file"]] = read_text(_text(golden), source=golden["file"])
    return _cache[golden["file"]]


def _anchor(plan: Plan, anchor: object) -> tuple[object, ...]:
    if isinstance(anchor, IssueDate):
        return ("issue",)
    if isinstance(anchor, Open):
        return ("open",)
    if isinstance(anchor, DateAnchor):
        return ("date", anchor.on)
    assert isinstance(anchor, MilestoneEdge)
    milestone = plan.milestone(anchor.milestone)
    assert milestone is not None
    return (milestone.level.value, milestone.ordinal, anchor.edge.value)


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_header_and_title(golden: dict[str, Any]) -> None:
    plan = _plan(golden)
    assert plan.issuer == golden["issuer"]
    assert plan.superior_body == golden["superior"]
    assert (str(plan.number) if plan.number else None) == golden["number"]
    assert plan.place == golden["place"]
    assert plan.issued_on == golden["issued_on"]
    assert plan.style is not None
    assert plan.style.value == golden["style"]
    assert plan.kind == "KẾ HOẠCH"
    assert plan.title == golden["title"]


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_preamble_and_bases(golden: dict[str, Any]) -> None:
    plan = _plan(golden)
    assert len(plan.preamble) == len(golden["preamble"])
    for item, first in zip(plan.preamble, golden["preamble"], strict=True):
        assert item.text.startswith(first)
    assert [(c.kind, str(c.number), c.issued_on) for c in plan.bases] == golden["bases"]


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_sections(golden: dict[str, Any]) -> None:
    plan = _plan(golden)
    top = [(s.label, s.title) for s in plan.sections if s.level == 1 and s.label]
    assert top == golden["sections"]


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_purposes_and_requirements(golden: dict[str, Any]) -> None:
    plan = _plan(golden)
    assert len(plan.purposes) == len(golden["purposes"])
    for item, first in zip(plan.purposes, golden["purposes"], strict=True):
        assert item.text.startswith(first)
    assert len(plan.requirements) == len(golden["requirements"])
    for item, first in zip(plan.requirements, golden["requirements"], strict=True):
        assert item.text.startswith(first)


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_phases_and_windows(golden: dict[str, Any]) -> None:
    plan = _plan(golden)
    assert len(plan.phases) == len(golden["phases"])
    for phase, expected in zip(plan.phases, golden["phases"], strict=True):
        label, ordinal, count, first, last, subs = expected
        assert (phase.label, phase.ordinal, len(phase.content)) == (label, ordinal, count)
        if count:
            assert phase.content[0].text.startswith(first)
            assert phase.content[-1].text.startswith(last)
        got_subs = [(s.label, len(s.content), s.content[0].text) for s in phase.subphases]
        assert [(a, b) for a, b, _ in got_subs] == [(a, b) for a, b, _ in subs]
        for (_, _, text), (_, _, start) in zip(got_subs, subs, strict=True):
            assert text.startswith(start)
    phases = {p.id: p for p in plan.all_phases()}
    for phase_id, children in golden.get("phase_items", {}).items():
        got = [[c.label for c in item.children] for item in phases[phase_id].content]
        assert got == children, phase_id
    for phase_id, (start, end) in golden["windows"].items():
        window = phases[phase_id].window
        assert window is not None, phase_id
        assert (_anchor(plan, window.start), _anchor(plan, window.end)) == (start, end), phase_id


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_standing_content(golden: dict[str, Any]) -> None:
    plan = _plan(golden)
    got = [(i.label, i.text, [c.label for c in i.children]) for i in plan.standing_content]
    assert len(got) == len(golden["standing"])
    for (label, text, children), (e_label, e_first, e_children) in zip(
        got, golden["standing"], strict=True
    ):
        assert (label, children) == (e_label, e_children)
        assert text.startswith(e_first)


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_forms(golden: dict[str, Any]) -> None:
    plan = _plan(golden)
    assert len(plan.forms) == len(golden["forms"])
    for form, (label, kind, title, firsts) in zip(plan.forms, golden["forms"], strict=True):
        assert (form.label, form.kind) == (label, kind), form.title
        assert form.title.startswith(title)
        if firsts:
            assert [c.text[: len(f)] for c, f in zip(form.content, firsts, strict=True)] == firsts


def _assignments(assignments: Any) -> list[tuple[Any, ...]]:
    return [(list(a.bodies), a.role, len(a.tasks), _assignments(a.children)) for a in assignments]


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_assignments(golden: dict[str, Any]) -> None:
    plan = _plan(golden)
    assert _assignments(plan.assignments) == golden["assignments"]


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_closing_recipients_signature(golden: dict[str, Any]) -> None:
    plan = _plan(golden)
    assert len(plan.closing) == len(golden["closing"])
    for item, first in zip(plan.closing, golden["closing"], strict=True):
        assert item.text.startswith(first)
    assert [(r.name, r.purpose) for r in plan.recipients] == golden["recipients"]
    signature = plan.signature
    assert signature is not None
    got = (signature.authority, signature.on_behalf_of, signature.title, signature.signer)
    assert got == golden["signature"]
    if golden["digital"] is None:
        assert signature.digital is None
    else:
        digital = signature.digital
        assert digital is not None
        got_digital = (digital.signed_at, digital.place, digital.signer, digital.email)
        assert got_digital == golden["digital"]


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_milestones_and_anniversaries(golden: dict[str, Any]) -> None:
    plan = _plan(golden)
    keys = [(m.level.value, m.ordinal) for m in plan.milestones]
    assert len(keys) == len(set(keys))
    assert set(keys) == golden["milestones"]
    assert [(a.years, a.origin, a.on) for a in plan.anniversaries] == golden["anniversaries"]


def _line_of(text: str, start: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith(start):
            return number
    raise AssertionError(start)


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_footnotes(golden: dict[str, Any]) -> None:
    text, plan = _text(golden), _plan(golden)
    assert len(plan.footnotes) == len(golden["footnotes"])
    for note, (marker, body, where, (first, last)) in zip(
        plan.footnotes, golden["footnotes"], strict=True
    ):
        assert (note.marker, note.text) == (marker, body)
        holders = {item.id for item in getattr(plan, where) for item in item.walk()}
        assert note.element in holders
        assert note.location == Location(_line_of(text, first), _line_of(text, last))


_MOTTOS = re.compile(
    r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do - Hạnh phúc|ĐẢNG CỘNG SẢN VIỆT NAM"
    r"|\bSố:?(?= \d)|ngày \d{1,2} tháng \d{1,2} năm \d{4}"
)


def _modelled_text(text: str) -> str:
    """The input without what the model holds as values rather than words.

    In the header: the mottos (``style``), ``Số`` (``number``), the printed date
    (``issued_on``); anywhere: page-number lines, which extraction adds.
    """
    lines = text.splitlines()
    kind = next(i for i, line in enumerate(lines) if line.strip().startswith("KẾ HOẠCH"))
    header = [_MOTTOS.sub(" ", line) for line in lines[:kind]]
    body = [line for line in lines[kind:] if not _is_page_number(clean_spaces(line))]
    return "\n".join(header + body)


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_nothing_lost_nothing_unparsed(golden: dict[str, Any]) -> None:
    """Every word of the input is in the model in document order; nothing left unplaced."""
    text, plan = _text(golden), _plan(golden)
    source, held = words(_modelled_text(text)), plan_words(plan)
    assert not missing(source, held)
    # the two columns of the header and of the tail (recipients beside the signature) have
    # no reading order once flattened: the order is checked from the title to "Nơi nhận"
    tail = next(i for i in range(len(source)) if source[i : i + 2] == ["Nơi", "nhận"])
    body = source[source.index("KẾ") : tail]
    ok, reached = is_subsequence(body, held)
    assert ok, f"order breaks at word {reached}: {body[max(0, reached - 8) : reached + 3]}"
    assert list(plan.unparsed) == []
    assert plan.notes == [] or all(n.text for n in plan.notes)
    everything = " ".join(_all_texts(plan))
    for kept in golden["kept"]:
        assert kept in everything


def _all_texts(plan: Plan) -> list[str]:
    out = [plan.title or ""]
    groups: list[list[ContentItem]] = [
        plan.preamble, plan.purposes, plan.requirements, plan.standing_content, plan.closing
    ]  # fmt: skip
    groups += [p.content for p in plan.all_phases()] + [f.content for f in plan.forms]
    groups += [a.tasks for a in plan.all_assignments()]
    out += [f.title for f in plan.forms] + [a.heading for a in plan.all_assignments()]
    for group in groups:
        out += [each.text for item in group for each in item.walk()]
    return out


# -- docx: the same plan written by Word ----------------------------------------------


def _tree(items: Any) -> list[tuple[Any, ...]]:
    return [(i.label, i.text, _tree(i.children)) for i in items]


def _window(plan: Plan, window: Any) -> Any:
    if window is None:
        return None
    return (_anchor(plan, window.start), _anchor(plan, window.end))


def _phase(plan: Plan, phase: Any) -> tuple[Any, ...]:
    return (
        phase.label,
        phase.heading,
        phase.ordinal,
        _window(plan, phase.window),
        _tree(phase.content),
        [_phase(plan, s) for s in phase.subphases],
    )


def _assignment(a: Any) -> tuple[Any, ...]:
    return (
        a.label,
        a.bodies,
        a.role,
        a.heading,
        _tree(a.tasks),
        [_assignment(c) for c in a.children],
    )


def structure(plan: Plan) -> dict[str, Any]:
    """Everything the reader recovered, without line numbers."""
    signature = plan.signature
    return {
        "header": (plan.issuer, plan.superior_body, str(plan.number), plan.place, plan.issued_on),
        "style": plan.style,
        "title": (plan.kind, plan.title),
        "preamble": _tree(plan.preamble),
        "bases": [(c.kind, str(c.number), c.issued_on, c.issuer, c.title) for c in plan.bases],
        "sections": [(s.part, s.label, s.title, s.level) for s in plan.sections],
        "purposes": _tree(plan.purposes),
        "requirements": _tree(plan.requirements),
        "standing": _tree(plan.standing_content),
        "phases": [_phase(plan, p) for p in plan.phases],
        "forms": [(f.label, f.kind, f.also, f.title, _tree(f.content)) for f in plan.forms],
        "assignments": [_assignment(a) for a in plan.assignments],
        "closing": _tree(plan.closing),
        "recipients": [(r.name, r.purpose, r.text) for r in plan.recipients],
        "signature": signature
        and (signature.authority, signature.on_behalf_of, signature.title, signature.signer),
        "milestones": [(m.name, m.level, m.ordinal, m.term) for m in plan.milestones],
        "anniversaries": [(a.name, a.years, a.origin, a.on) for a in plan.anniversaries],
        "footnotes": [(n.marker, n.text, n.element) for n in plan.footnotes],
        # Word paginates a docx itself: page numbers read from text are not in it
        "notes": [(n.part, n.text) for n in plan.notes if n.part is not Part.PAGE],
        "unparsed": [u.text for u in plan.unparsed],
    }


_GLUED = r"(?<=[a-zà-ỹđ]){}(?=[\s,.;:)”]|$)"
_LEVELS = {"roman": 0, "arabic1": 1, "arabic2": 2, "alpha": 3, "dash": 4, "plus": 5}


def _docx_lines(golden: dict[str, Any]) -> tuple[list[str], dict[int, str]]:
    """The logical lines of the text reading, footnote markers as references."""
    doc = text_to_document(_text(golden))
    lines = [line.text for line in doc.lines]
    for marker in doc.footnotes:
        pattern = re.compile(_GLUED.format(marker))
        for index, line in enumerate(lines):
            if pattern.search(line):
                lines[index] = pattern.sub(f"[^{marker}]", line, count=1)
                break
    return lines, dict(doc.footnotes)


def _read_docx(data: bytes) -> Plan:
    return build_plan(docx_to_document(data, source="x.docx"))


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_docx_one_paragraph_per_line(golden: dict[str, Any]) -> None:
    lines, notes = _docx_lines(golden)
    data = docx_from_lines(lines, footnotes={int(k): v for k, v in notes.items()})
    assert structure(_read_docx(data)) == structure(_plan(golden))


def _numbered(body: list[str]) -> tuple[list[str], dict[int, int]]:
    texts, levels = [], {}
    for index, line in enumerate(body):
        label = split_label(line)
        level = _LEVELS.get(label.fmt) if label is not None else None
        if (
            label is None
            or level is None
            or (label.fmt == "roman" and not label.text.endswith("."))
        ):
            texts.append(line)
            continue
        if label.fmt == "alpha" and label.text == "đ)":
            texts.append(line)
            continue
        texts.append(line[line.find(label.text) + len(label.text) :].lstrip())
        levels[index] = level
    return texts, levels


@pytest.mark.parametrize("golden", [g for g in PLANS if g["header"]], ids=lambda g: g["file"])
def test_docx_header_table_and_word_numbering(golden: dict[str, Any]) -> None:
    """Header as a two-column table, labels as Word numbering where Word prints the same."""
    lines, notes = _docx_lines(golden)
    start = next(i for i, line in enumerate(lines) if line.startswith("KẾ HOẠCH"))
    body = lines[start:]
    texts, levels = _numbered(body)
    footnotes = {int(k): v for k, v in notes.items()}
    for _ in range(4):
        data = docx_from_lines(texts, header=golden["header"], footnotes=footnotes, numbered=levels)
        doc = docx_to_document(data, source="x.docx")
        printed = {line.text: line for line in doc.lines}
        wrong = [
            index
            for index in levels
            if (printed.get(texts[index]) is None)
            or (printed[texts[index]].label or "").strip() != split_label(body[index]).text  # type: ignore[union-attr]
        ]
        if not wrong:
            break
        for index in wrong:
            del levels[index]
            texts[index] = body[index]
    assert levels, "no line was numbered by Word"
    assert structure(build_plan(doc)) == structure(_plan(golden))


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_fast_enough(golden: dict[str, Any]) -> None:
    text = _text(golden)
    started = time.perf_counter()
    for _ in range(3):
        read_text(text)
    assert (time.perf_counter() - started) / 3 < 0.5
