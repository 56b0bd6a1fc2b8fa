"""``kehoach docx PLAN -o OUT.docx [--format ...]``."""

from __future__ import annotations

import argparse
from pathlib import Path

import docx
import pytest

from kehoach_core import read
from kehoach_core.cli import _docx

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _run(argv):
    parser = argparse.ArgumentParser(prog="kehoach")
    _docx.register(parser.add_subparsers(dest="verb"))
    args = parser.parse_args(argv)
    return args.run(args)


@pytest.mark.parametrize(
    ("format", "motto"),
    [("party", "ĐẢNG CỘNG SẢN VIỆT NAM"), ("state", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
)
def test_docx_verb_writes_the_chosen_format(tmp_path, format, motto):
    out = tmp_path / "plan.docx"
    assert _run(["docx", str(EXAMPLES / "superior-tinh-lang-son.json"), "-o", str(out),
                 "--format", format]) == 0  # fmt: skip
    assert docx.Document(str(out)).tables[0].cell(0, 1).paragraphs[0].text == motto
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


def test_docx_verb_warns_on_stderr_about_what_it_drops(tmp_path, capsys):
    out = tmp_path / "plan.docx"
    assert _run(["docx", str(EXAMPLES / "subordinate-xa-hoang-van-thu.json"), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "warning" in err
    assert "'implements' link" in err
    assert read(out).title == read(EXAMPLES / "subordinate-xa-hoang-van-thu.json").title


def test_docx_verb_requires_an_output(capsys):
    with pytest.raises(SystemExit):
        _run(["docx", str(EXAMPLES / "superior-tinh-lang-son.json")])
