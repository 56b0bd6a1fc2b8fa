"""diff on hand-made versions: additions, removals, moves, word-level changes, reports."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import attrs
import pytest

import kehoach_core
from kehoach_core import ContentItem, Phase, Plan, Recipient, number_elements
from kehoach_core.cli import _diff
from kehoach_core.compare import ChangeKind, apply_changes, diff, render_changes
from kehoach_core.compare._diff import words_diff

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _plan(phase1: list[str], phase2: list[str], recipients: list[str] = ()) -> Plan:
    return number_elements(
        Plan(
            title="Kế hoạch",
            phases=[
                Phase(ordinal=1, content=[ContentItem(text=t) for t in phase1]),
                Phase(ordinal=2, content=[ContentItem(text=t) for t in phase2]),
            ],
            recipients=[Recipient(name=r, text=r) for r in recipients],
        )
    )


def test_inserted_item_does_not_modify_the_following_ones():
    old = _plan(["Một hai ba.", "Bốn năm sáu."], [])
    new = _plan(["Không mới hẳn.", "Một hai ba.", "Bốn năm sáu."], [])
    changes = diff(old, new)
    assert [(c.kind, c.element) for c in changes] == [(ChangeKind.ADDED, "phase1/1")]


def test_removed_item():
    changes = diff(_plan(["Một hai ba.", "Bốn năm sáu."], []), _plan(["Bốn năm sáu."], []))
    assert [(c.kind, c.element) for c in changes] == [(ChangeKind.REMOVED, "phase1/1")]


def test_item_moved_to_another_phase():
    old = _plan(["Một hai ba.", "Treo cờ Tổ quốc."], [])
    new = _plan(["Một hai ba."], ["Treo cờ Tổ quốc."])
    changes = diff(old, new)
    assert [c.kind for c in changes] == [ChangeKind.MOVED]
    assert changes.moved[0].where == "$.phases[0].content[1]"
    assert apply_changes(old, changes) == new


def test_reordered_items_are_moved_not_rewritten():
    old = _plan(["Một hai ba.", "Bốn năm sáu.", "Bảy tám chín."], [])
    new = _plan(["Bảy tám chín.", "Một hai ba.", "Bốn năm sáu."], [])
    changes = diff(old, new)
    assert [c.kind for c in changes] == [ChangeKind.MOVED]
    assert apply_changes(old, changes) == new


def test_modified_text_has_word_level_changes():
    old = _plan(["Tuyên truyền kết quả đại hội chi bộ."], [])
    new = _plan(["Tuyên truyền kết quả đại hội các chi bộ trực thuộc."], [])
    (change,) = diff(old, new)
    assert change.kind is ChangeKind.MODIFIED
    assert change.field == "text"
    assert ("+", "các") in change.words or any(op == "+" for op, _ in change.words)


def test_recipients_are_diffed_as_a_list():
    old = _plan([], [], ["Thường trực Tỉnh ủy", "Lưu VT"])
    new = _plan([], [], ["Thường trực Tỉnh ủy", "Các chi bộ", "Lưu VT"])
    changes = diff(old, new)
    assert [(c.kind, c.element) for c in changes] == [(ChangeKind.ADDED, "recipient2")]
    assert apply_changes(old, changes) == new


def test_words_diff_of_identical_text_is_one_equal_run():
    assert words_diff("a b", "a b") == (("=", "a b"),)


def test_diff_of_the_examples_round_trips():
    old = kehoach_core.read(EXAMPLES / "superior-tinh-lang-son.json")
    new = kehoach_core.read(EXAMPLES / "subordinate-xa-hoang-van-thu.json")
    assert apply_changes(old, diff(old, new)) == new


def test_reports_show_deletions_and_insertions():
    old = _plan(["Tuyên truyền kết quả đại hội."], [])
    new = _plan(["Tuyên truyền thành công đại hội."], ["Mới."])
    changes = diff(old, new)
    text = render_changes(changes, "text")
    assert "[-kết quả-]" in text
    assert "{+thành công+}" in text
    md = render_changes(changes, "markdown")
    assert "~~kết quả~~" in md
    assert "**thành công**" in md
    data = json.loads(render_changes(changes, "json"))
    assert [c["kind"] for c in data["changes"]] == ["modified", "added"]


def test_no_changes_report():
    plan = _plan(["a"], [])
    assert render_changes(diff(plan, plan), "text") == "No changes\n"


def test_diff_verb_writes_docx(tmp_path: Path):
    old = tmp_path / "old.json"
    new = tmp_path / "new.json"
    plan = _plan(["Một hai ba."], [])
    old.write_text(kehoach_core.to_json(plan), encoding="utf-8")
    new.write_text(kehoach_core.to_json(attrs.evolve(plan, title="Mới")), encoding="utf-8")
    parser = argparse.ArgumentParser()
    _diff.register(parser.add_subparsers())
    out = tmp_path / "changes.docx"
    args = parser.parse_args(["diff", str(old), str(new), "--format", "docx", "-o", str(out)])
    assert args.run(args) == 0
    assert out.read_bytes().startswith(b"PK")


@pytest.mark.corpus
@pytest.mark.parametrize(
    "name", ["quan-cai-rang-can-tho-2024.txt", "xa-cong-hai-khanh-hoa-2025-lanh-dao-bau-cu.txt"]
)
def test_a_plan_shifted_by_blank_lines_has_no_changes(corpus_dir, name):
    """Where a text was read is metadata: blank lines added above it change nothing."""
    from kehoach_core import read_text

    text = (corpus_dir / name).read_text(encoding="utf-8")
    plan = read_text(text, source=name)
    shifted = read_text("\n\n\n" + text.replace("\n", "\n\n", 5), source="copy.txt")
    assert shifted == plan
    assert not list(diff(plan, shifted))


@pytest.mark.corpus
def test_a_plan_against_its_own_docx_has_no_changes(corpus_dir):
    """The same plan read from text and from the Word file written of it: no changes."""
    import warnings

    from kehoach_core import read
    from kehoach_core.docx_io import UnrepresentableWarning, to_docx

    plan = read(corpus_dir / "xa-kien-moc-lang-son-2025.txt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnrepresentableWarning)
        again = read(to_docx(plan), format="docx")
    # the writer prints its own format's header marks, read back as header notes
    changes = [
        c
        for c in diff(plan, again)
        if c.path[:1] not in (("issuer",), ("superior_body",))
        and not (c.path[:1] == ("notes",) and (c.new or c.old or {}).get("part") == "header")
    ]
    assert changes == []
