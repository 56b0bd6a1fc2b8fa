"""The outline: levels learned from the order formats appear in."""

from __future__ import annotations

from kehoach_core._reading.outline import build_outline
from kehoach_core._reading.source import SourceLine


def _tree(*rows: str) -> str:
    return build_outline([SourceLine(text=t, line=n) for n, t in enumerate(rows, 1)]).dump()


def test_bullets_under_paren_items_and_paren_items_under_bullets() -> None:
    """``(1)`` under ``-`` in one place and ``-`` under ``(1)`` in another."""
    first = _tree("I- NỘI DUNG", "- Nội dung:", "(1) a.", "(2) b.")
    second = _tree("I- NỘI DUNG", "(1) Nội dung:", "- a.", "- b.")
    assert first.splitlines()[2].startswith("    (1)")
    assert second.splitlines()[2].startswith("    - a.")


def test_a_format_already_open_closes_the_levels_above_it() -> None:
    """``2.`` after ``1.1.`` and ``-`` items goes back up to the ``1.`` level."""
    tree = _tree("I. X", "1. A", "1.1. B", "- c.", "2. D")
    assert tree.splitlines()[-1] == "  2. D"


def test_paragraph_after_closed_items_attaches_to_the_heading() -> None:
    """An unnumbered paragraph after finished bullets belongs to the heading above them."""
    tree = _tree("I. X", "1. Ban A", "- Tham mưu.", "Đồng thời, báo cáo.")
    assert tree.splitlines()[-1] == "    Đồng thời, báo cáo."


def test_paragraph_ending_with_colon_introduces_a_list() -> None:
    """Bullets after ``... các nội dung:`` nest under it."""
    tree = _tree("I. X", "1. Ủy ban nhân dân xã", "Chỉ đạo thực hiện:", "- a.", "- b.")
    assert tree.splitlines()[-1] == "      - b."


def test_docx_labels_are_used() -> None:
    """A docx line carries its numbering in ``label``, not in the text."""
    lines = [
        SourceLine(text="NỘI DUNG", line=1, label="II."),
        SourceLine(text="Đợt 1: Từ nay", line=2, label="1."),
        SourceLine(text="Tuyên truyền a.", line=3, label="-"),
    ]
    root = build_outline(lines)
    assert root.dump() == "II. NỘI DUNG\n  1. Đợt 1: Từ nay\n    - Tuyên truyền a."


def test_depth_stays_bounded_on_hostile_numbering() -> None:
    """Thousands of nested-looking labels give a tree no deeper than the number of formats."""
    rows = [f"{'1.' * (i % 4 + 1)} x:" for i in range(2000)] + ["(1) y:", "- z:", "+ w:", "a) v:"]
    root = build_outline([SourceLine(text=t, line=n) for n, t in enumerate(rows, 1)])
    depth, node = 0, root
    while node.children:
        node, depth = node.children[-1], depth + 1
    assert depth <= 12
