"""The reader on the real plans: golden values typed from the texts, and nothing lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from golden_text_corpus import PLANS
from text_words import is_subsequence, missing, plan_words, words

from kehoach_core import DateAnchor, IssueDate, MilestoneEdge, Open, Plan
from kehoach_core._reading import read_text

pytestmark = pytest.mark.corpus

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def corpus() -> Path:
    """The folder of real plans; skips when this checkout has none."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus not found: the real plans are not in this checkout")
    return CORPUS


def _read(corpus: Path, golden: dict[str, Any]) -> tuple[str, Plan]:
    text = (corpus / golden["file"]).read_text(encoding="utf-8")
    return text, read_text(text, source=golden["file"])


IDS = [g["file"].split("-20")[0] for g in PLANS]


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_header_and_title(corpus: Path, golden: dict[str, Any]) -> None:
    """Issuer, number, date, format and title are read (or absent) as printed."""
    _, plan = _read(corpus, golden)
    assert plan.issuer == golden["issuer"]
    assert plan.number == golden["number"]
    assert plan.issued_on == golden["issued_on"]
    assert plan.style is not None
    assert plan.style.value == golden["style"]
    assert plan.kind == "KẾ HOẠCH"
    assert plan.title == golden["title"]
    assert plan.source == golden["file"]


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_bases(corpus: Path, golden: dict[str, Any]) -> None:
    """The cited documents come out in order with kind, number and date."""
    _, plan = _read(corpus, golden)
    got = [(c.kind, str(c.number), c.issued_on) for c in plan.bases]
    assert got == golden["bases"]
    assert all(c.location is not None for c in plan.bases)


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_purposes_and_requirements(corpus: Path, golden: dict[str, Any]) -> None:
    """Purpose and requirement statements, by their first words."""
    _, plan = _read(corpus, golden)
    assert len(plan.purposes) == len(golden["purposes"])
    for item, first in zip(plan.purposes, golden["purposes"], strict=True):
        assert item.text.startswith(first)
    assert len(plan.requirements) == len(golden["requirements"])
    for item, first in zip(plan.requirements, golden["requirements"], strict=True):
        assert item.text.startswith(first)


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_phases(corpus: Path, golden: dict[str, Any]) -> None:
    """Phases, sub-phases, labels, ordinals and their items."""
    _, plan = _read(corpus, golden)
    assert len(plan.phases) == len(golden["phases"])
    for phase, expected in zip(plan.phases, golden["phases"], strict=True):
        label, ordinal, count, first, last, subs = expected
        assert (phase.label, phase.ordinal, len(phase.content)) == (label, ordinal, count)
        if count:
            assert phase.content[0].text.startswith(first)
            assert phase.content[-1].text.startswith(last)
        assert len(phase.subphases) == len(subs)
        for sub, (sub_label, sub_count, sub_first) in zip(phase.subphases, subs, strict=True):
            assert sub.label == sub_label
            assert len(sub.content) == sub_count
            assert sub.content[0].text.startswith(sub_first)
    assert len(plan.standing_content) == golden["standing"]


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
def test_windows(corpus: Path, golden: dict[str, Any]) -> None:
    """Phase windows point at the right congress and edge."""
    _, plan = _read(corpus, golden)
    phases = {p.id: p for p in plan.all_phases()}
    for phase_id, (start, end) in golden["windows"].items():
        window = phases[phase_id].window
        assert window is not None, phase_id
        assert (_anchor(plan, window.start), _anchor(plan, window.end)) == (start, end), phase_id


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_one_milestone_per_congress(corpus: Path, golden: dict[str, Any]) -> None:
    """Short and long names of one congress resolve to one milestone."""
    _, plan = _read(corpus, golden)
    keys = [
        (m.body is not None and "thi đua" in m.body.lower(), m.level, m.ordinal)
        for m in plan.milestones
    ]
    assert len(keys) == len(set(keys))
    national = [m for m in plan.milestones if m.level.value == "national" and m.ordinal == 14]
    assert len(national) == 1
    assert national[0].aliases  # the plan uses more than one wording for it


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_forms(corpus: Path, golden: dict[str, Any]) -> None:
    """Forms: kind from the vocabulary, further kinds in ``also``, wording kept."""
    _, plan = _read(corpus, golden)
    assert [
        (f.kind, f.title[: len(t)]) for f, (_, t) in zip(plan.forms, golden["forms"], strict=True)
    ] == golden["forms"]
    for form, also in zip(plan.forms, golden["form_also"], strict=True):
        assert also <= set(form.also), form.title


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_assignments(corpus: Path, golden: dict[str, Any]) -> None:
    """Bodies, roles and number of tasks of each assignment."""
    _, plan = _read(corpus, golden)
    got = [(list(a.bodies), a.role, len(a.tasks)) for a in plan.assignments]
    assert got == golden["assignments"]


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_closing_recipients_signature(corpus: Path, golden: dict[str, Any]) -> None:
    """Closing paragraphs, recipients with their purpose, and the signature block."""
    _, plan = _read(corpus, golden)
    assert len(plan.closing) == len(golden["closing"])
    for item, first in zip(plan.closing, golden["closing"], strict=True):
        assert item.text.startswith(first)
    assert [(r.name, r.purpose) for r in plan.recipients] == golden["recipients"]
    signature = plan.signature
    assert signature is not None
    got = (signature.authority, signature.on_behalf_of, signature.title, signature.signer)
    assert got == golden["signature"]
    digital = signature.digital
    if golden["signed_at"] is None:
        assert digital is None
    else:
        assert digital is not None
        assert digital.signed_at == golden["signed_at"]
        assert digital.signed_at.utcoffset() is not None
        assert (digital.place, digital.signer, digital.email) == golden["trailer"]


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_anniversaries(corpus: Path, golden: dict[str, Any]) -> None:
    """Anniversaries with their printed arithmetic."""
    _, plan = _read(corpus, golden)
    assert [(a.years, a.origin, a.on) for a in plan.anniversaries] == golden["anniversaries"]


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_nothing_lost_in_order(corpus: Path, golden: dict[str, Any]) -> None:
    """Every word of the input is in the model, in document order (a subsequence)."""
    text, plan = _read(corpus, golden)
    source, held = words(text), plan_words(plan)
    assert not missing(source, held)
    ok, reached = is_subsequence(source, held)
    assert ok, f"order breaks at word {reached}: {source[max(0, reached - 8) : reached + 3]}"


@pytest.mark.parametrize("golden", PLANS, ids=IDS)
def test_every_element_has_a_location(corpus: Path, golden: dict[str, Any]) -> None:
    """Items, phases, forms, assignments, citations and recipients carry their lines."""
    _, plan = _read(corpus, golden)
    located: list[Any] = [*plan.bases, *plan.recipients, *plan.forms, *plan.sections]
    located += list(plan.all_phases()) + list(plan.all_assignments())
    for group in (plan.preamble, plan.purposes, plan.requirements, plan.closing):
        located += [each for item in group for each in item.walk()]
    for element in located:
        assert element.location is not None, element
        assert element.location.line >= 1
