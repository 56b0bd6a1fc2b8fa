"""Write → read gives the plan back: real plans, the examples, generated plans."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from kehoach_core import ContentItem, Footnote, Plan, read
from kehoach_core.docx_io import UnrepresentableWarning, to_docx
from kehoach_core.testing import plans

from .roundtrip import differences, normalised, reread, strip_locations
from .strategies import printed, reader_shaped_plans

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _corpus() -> list[Path]:
    if not CORPUS.is_dir():
        if os.environ.get("KEHOACH_REQUIRE_CORPUS"):
            pytest.fail(f"KEHOACH_REQUIRE_CORPUS is set but {CORPUS} is missing")
        pytest.skip("../shared/corpus not found: the real plans are not in this checkout")
    return sorted(CORPUS.glob("*.txt"))


CORPUS_PLANS = [
    "quan-cai-rang-can-tho-2024.txt",
    "tinh-nghe-an-2025-ubnd-thi-dua-dai-hoi-xiv.txt",
    "tp-can-tho-2025-ubnd-truyen-thong-giam-ngheo.txt",
    "xa-cong-hai-khanh-hoa-2025-lanh-dao-bau-cu.txt",
    "xa-kien-moc-lang-son-2025.txt",
    "xa-lien-minh-lao-cai-2025-mau.txt",
    "xa-luong-minh-quang-ninh-2025-mttq-cong-tac-bau-cu.txt",
    "xa-phuc-thinh-ha-noi-2026-doan-xuan-tinh-nguyen.txt",
    "xa-pho-bang-tuyen-quang-2025-tieu-ban-tuyen-truyen-bau-cu.txt",
]


@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPUS_PLANS)
def test_corpus_plan_round_trips(name):
    """A real plan read from text, written as docx and read back, is the same plan."""
    paths = {path.name: path for path in _corpus()}
    plan = read(paths[name])
    again = reread(plan)
    assert differences(normalised(plan), normalised(again)) == []


@pytest.mark.corpus
def test_every_corpus_plan_is_covered():
    """The parametrised list above names every plan of the corpus."""
    assert {p.name for p in _corpus()} == set(CORPUS_PLANS)


@pytest.mark.corpus
@pytest.mark.parametrize("format", ["party", "state"])
def test_corpus_plan_round_trips_in_either_format(format):
    """Writing in the other format changes only the style the header announces."""
    plan = read(CORPUS / "quan-cai-rang-can-tho-2024.txt") if _corpus() else None
    assert plan is not None
    again = reread(plan, format)
    diffs = differences(normalised(plan), normalised(again))
    assert all(line.startswith("$.style") for line in diffs), diffs


@pytest.mark.parametrize(
    "name", ["superior-tinh-lang-son.json", "subordinate-xa-hoang-van-thu.json"]
)
def test_example_plan_reaches_a_fixed_point(name):
    """A hand-written plan gains its derived fields once, then round-trips exactly."""
    first = reread(read(EXAMPLES / name))
    second = reread(first)
    assert differences(strip_locations(first), strip_locations(second)) == []


@pytest.mark.parametrize(
    "name", ["superior-tinh-lang-son.json", "subordinate-xa-hoang-van-thu.json"]
)
def test_example_plan_keeps_its_wording(name):
    """Every printed field of an example survives, apart from headings the reader adds."""
    plan = read(EXAMPLES / name)
    again = reread(plan)
    before, after = printed(normalised(plan)), printed(normalised(again))
    for key in before:
        if key != "sections":
            assert before[key] == after[key], key
    assert [s for s in before["sections"] if s not in after["sections"]] == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reader_shaped_plans())
def test_reader_shaped_plans_keep_their_wording(plan):
    """Plans shaped as a reader reads them: every printed field comes back unchanged."""
    assert printed(reread(plan)) == printed(plan)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reader_shaped_plans())
def test_reader_shaped_plans_round_trip_exactly_once_read(plan):
    """After one reading (which derives ids, kinds, windows ...), write → read is the identity."""
    first = reread(plan)
    assert differences(strip_locations(first), strip_locations(reread(first))) == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_plan_as_read_back_round_trips_exactly(plan):
    """For any generated plan P, read(write(P)) is a fixed point of write → read."""
    first = reread(plan)
    assert differences(strip_locations(first), strip_locations(reread(first))) == []


def test_footnotes_and_links_are_reported_as_unrepresentable():
    plan = Plan(
        title="Tuyên truyền",
        purposes=[ContentItem(label="-", text="Tuyên truyền.", implements="phase1/1")],
        footnotes=[Footnote(marker="1", text="Chú thích.")],
    )
    with pytest.warns(UnrepresentableWarning, match=r"1 footnote\(s\); 1 'implements' link"):
        to_docx(plan)


def test_a_plain_plan_writes_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        to_docx(read(EXAMPLES / "superior-tinh-lang-son.json"))
