"""``kehoach demo``: the README's first command works on the samples shipped in the package."""

from __future__ import annotations

import json

from icalendar import Calendar

from kehoach_core import read, read_text
from kehoach_core.cli import main
from kehoach_core.cli._demo import sample_text
from kehoach_core.validate import validate


def test_demo_writes_every_result(tmp_path, capsys):
    assert main(["demo", str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == [
        "coverage.md",
        "subordinate-party.docx",
        "subordinate-state.docx",
        "subordinate.ics",
        "subordinate.json",
        "superior.json",
        "validation.sarif",
        "validation.txt",
    ]
    assert json.loads((tmp_path / "superior.json").read_text(encoding="utf-8"))["number"] == (
        "06-KH/TBTT"
    )
    sarif = json.loads((tmp_path / "validation.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    calendar = Calendar.from_ical((tmp_path / "subordinate.ics").read_bytes())
    assert calendar.events
    reread = read(tmp_path / "subordinate-party.docx")
    assert str(reread.number) == "15-KH/ĐU"
    assert [len(p.content) for p in reread.phases] == [3, 1, 0]
    out = capsys.readouterr().out
    assert "validate" in out
    assert "calendar" in out


def test_text_samples_match_the_json_examples(tmp_path):
    """The shipped samples are the examples/ plans printed as text: same structure."""
    from pathlib import Path

    examples = Path(__file__).resolve().parents[1] / "examples"
    for sample, example in [
        ("superior.txt", "superior-tinh-lang-son.json"),
        ("subordinate.txt", "subordinate-xa-hoang-van-thu.json"),
    ]:
        from_text = read_text(sample_text(sample))
        from_json = read(examples / example)
        assert str(from_text.number) == str(from_json.number)
        assert from_text.issued_on == from_json.issued_on
        assert [len(p.content) for p in from_text.all_phases()] == [
            len(p.content) for p in from_json.all_phases()
        ]
        assert [i.text for p in from_text.all_phases() for i in p.content] == [
            i.text for p in from_json.all_phases() for i in p.content
        ]
        assert [a.bodies for a in from_text.assignments] == [
            a.bodies for a in from_json.assignments
        ]


def test_planted_defects_are_found_in_the_text_sample():
    """examples/README.md lists ten planted defects; the text sample carries them all."""
    superior = read_text(sample_text("superior.txt"))
    subordinate = read_text(sample_text("subordinate.txt"))
    codes = set(validate(subordinate, superior=superior).codes())
    expected = {"KH503", "KH402", "KH302", "KH504", "KH401", "KH102", "KH103"}
    expected |= {"KH604", "KH605", "KH602", "KH601", "KH307"}
    assert expected <= codes
    assert not validate(superior).has_errors
