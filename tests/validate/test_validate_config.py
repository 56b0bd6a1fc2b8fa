"""Issue 14: settings files, the command's behaviour on typos, empty folders, non-plan
JSON, baselines, statistics and exit codes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kehoach_core
from kehoach_core import ContentItem, InputError, Plan
from kehoach_core.cli import _validate, main
from kehoach_core.validate import ConfigError, Settings, load_settings, validate
from kehoach_core.validate._config import find_config, settings_from_dict

SAMPLES = Path(kehoach_core.__file__).parent / "samples"
SUB = SAMPLES / "subordinate.txt"  # KH102 KH103 KH302 KH401 KH402 KH503 KH504 KH601 ...


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A project: a .git folder at the top, two plans below it."""
    (tmp_path / ".git").mkdir()
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(SUB, folder / "a.txt")
    shutil.copy(SUB, folder / "b.txt")
    return folder


def codes_of(capsys: pytest.CaptureFixture[str]) -> dict[str, list[str]]:
    """Codes per file from a JSON report on standard output."""
    data = json.loads(capsys.readouterr().out)
    return {Path(r["source"]).name: [f["code"] for f in r["findings"]] for r in data["reports"]}


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("kehoach: error:")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# -- rule codes on the command line ------------------------------------------------------


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_a_typo_in_a_code_exits_2_in_one_line(plans, capsys, option):
    assert main(["validate", str(plans), option, "KH4,KH999"]) == 2
    line = one_error_line(capsys)
    assert option in line
    assert "KH999" in line


def test_a_prefix_of_real_codes_is_accepted(plans, capsys):
    assert main(["validate", str(plans), "-j", "1", "--select", "kh40", "--format", "json"]) == 1
    assert set(codes_of(capsys)["a.txt"]) <= {f"KH40{n}" for n in range(10)}


def test_the_api_rejects_an_unknown_code_too():
    with pytest.raises(ConfigError, match="KH999"):
        validate(Plan(title="x"), select=["KH999"])


# -- folders -----------------------------------------------------------------------------


def test_an_empty_folder_exits_2_in_one_line(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("no plan", encoding="utf-8")
    assert main(["validate", str(tmp_path / "empty")]) == 2
    assert "no plan in this folder" in one_error_line(capsys)


def test_an_unreadable_folder_exits_2_in_one_line(tmp_path, capsys, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()

    def refuse(path: object) -> object:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(_validate.os, "scandir", refuse)
    assert main(["validate", str(locked)]) == 2
    line = one_error_line(capsys)
    assert "locked" in line
    assert "Permission denied" in line


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_folder_for_real(tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        assert main(["validate", str(locked)]) == 2
    finally:
        locked.chmod(0o755)
    assert "locked" in one_error_line(capsys)


def test_json_that_is_not_a_plan_is_skipped_with_a_note(plans, capsys):
    (plans / "report.json").write_text('{"reports": []}', encoding="utf-8")
    (plans / "schema.json").write_text('{"$schema": "x", "type": "object"}', encoding="utf-8")
    assert main(["validate", str(plans), "-j", "1", "--format", "json", "--exit-zero"]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("kehoach: note:") == 2
    assert "report.json" in captured.err
    assert "checked 2 plans" in captured.err
    assert "0 unreadable" in captured.err
    assert len(json.loads(captured.out)["reports"]) == 2


def test_a_folder_of_only_non_plans_exits_2(tmp_path, capsys):
    (tmp_path / "report.json").write_text("[1, 2]", encoding="utf-8")
    assert main(["validate", str(tmp_path), "-q"]) == 2
    assert "no plan to check" in one_error_line(capsys)


def test_a_damaged_plan_json_in_a_folder_is_still_unusable(plans, capsys):
    (plans / "bad.json").write_text('{"schema": "kehoach/1", "title": 5}', encoding="utf-8")
    assert main(["validate", str(plans), "-j", "1", "-q"]) == 2
    assert "bad.json" in capsys.readouterr().err


# -- settings files ----------------------------------------------------------------------


def test_config_is_found_upward_and_the_nearest_wins(plans, capsys):
    (plans.parent / "pyproject.toml").write_text(
        '[tool.kehoach]\nselect = ["KH402"]\n', encoding="utf-8"
    )
    nested = plans / "nested"
    nested.mkdir()
    shutil.copy(SUB, nested / "c.txt")
    (nested / "kehoach.toml").write_text('select = ["KH401"]\n', encoding="utf-8")
    assert main(["validate", str(plans), "-j", "1", "-q", "--format", "json"]) == 1
    codes = codes_of(capsys)
    assert set(codes["a.txt"]) == {"KH402"}
    assert set(codes["c.txt"]) == {"KH401"}


def test_kehoach_toml_beats_pyproject_in_the_same_folder(plans):
    (plans / "pyproject.toml").write_text('[tool.kehoach]\nselect = ["KH402"]\n', "utf-8")
    (plans / "kehoach.toml").write_text('select = ["KH401"]\n', encoding="utf-8")
    assert find_config(plans / "a.txt") == (plans / "kehoach.toml").absolute()
    assert load_settings(plans / "a.txt").select == ("KH401",)


def test_a_pyproject_without_the_table_is_passed_over(plans):
    (plans.parent / "kehoach.toml").write_text('ignore = ["KH6"]\n', encoding="utf-8")
    (plans / "pyproject.toml").write_text("[tool.ruff]\nline-length = 99\n", encoding="utf-8")
    assert load_settings(plans).ignore == ("KH6",)


def test_the_search_stops_at_the_git_folder(plans, tmp_path):
    (tmp_path.parent / "kehoach.toml").write_text('select = ["KH4"]\n', encoding="utf-8")
    try:
        assert find_config(plans / "a.txt") is None
    finally:
        (tmp_path.parent / "kehoach.toml").unlink()


def test_per_file_ignores_and_severity(plans, capsys):
    (plans / "kehoach.toml").write_text(
        'select = ["KH40"]\n'
        '[severity]\nKH402 = "warning"\n'
        '[per-file-ignores]\n"b.txt" = ["KH401"]\n"plans/*.txt" = ["KH404"]\n',
        encoding="utf-8",
    )
    (plans / "pyproject.toml").write_text("", encoding="utf-8")
    assert main(["validate", str(plans), "-j", "1", "-q", "--format", "json"]) == 1
    codes = codes_of(capsys)
    assert "KH401" in codes["a.txt"]
    assert "KH401" not in codes["b.txt"]
    main(["validate", str(plans / "b.txt"), "--format", "json", "--select", "KH402"])
    data = json.loads(capsys.readouterr().out)
    assert {f["severity"] for f in data["reports"][0]["findings"]} == {"warning"}
    # only warnings left: exit 0
    assert main(["validate", str(plans / "b.txt"), "--select", "KH402", "-q"]) == 0


def test_options_add_to_the_file_select_replaces_it(plans, capsys):
    (plans / "kehoach.toml").write_text('select = ["KH401"]\n', encoding="utf-8")
    main(["validate", str(plans / "a.txt"), "--format", "json", "--extend-select", "KH402"])
    assert set(codes_of(capsys)["a.txt"]) == {"KH401", "KH402"}
    main(["validate", str(plans / "a.txt"), "--format", "json", "--select", "KH503"])
    assert set(codes_of(capsys)["a.txt"]) == {"KH503"}


def test_config_option_and_isolated(plans, tmp_path, capsys):
    (plans / "kehoach.toml").write_text('select = ["KH401"]\n', encoding="utf-8")
    other = tmp_path / "strict.toml"
    other.write_text('select = ["KH402"]\n', encoding="utf-8")
    main(["validate", str(plans / "a.txt"), "--format", "json", "--config", str(other)])
    assert set(codes_of(capsys)["a.txt"]) == {"KH402"}
    main(["validate", str(plans / "a.txt"), "--format", "json", "--isolated"])
    assert len(set(codes_of(capsys)["a.txt"])) > 2


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("colour = 1\n", "unknown key 'colour'"),
        ('select = ["KH999"]\n', "select[0]: unknown rule code 'KH999'"),
        ('[per-file-ignores]\n"*.txt" = ["KH77"]\n', "unknown rule code 'KH77'"),
        ('[severity]\nKH999 = "warning"\n', "unknown rule code 'KH999'"),
        ('[severity]\nKH402 = "fatal"\n', "severity.KH402"),
        ('tone = "middle"\n', "tone"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_a_bad_config_exits_2_naming_the_file_and_key(plans, capsys, text, needle):
    (plans / "kehoach.toml").write_text(text, encoding="utf-8")
    assert main(["validate", str(plans), "-q"]) == 2
    line = one_error_line(capsys)
    assert "kehoach.toml" in line
    assert needle in line


def test_show_settings_names_the_file(plans, capsys):
    (plans / "kehoach.toml").write_text('ignore = ["KH6"]\ntone = "new"\n', encoding="utf-8")
    assert main(["validate", str(plans / "a.txt"), "--show-settings", "--select", "KH4"]) == 0
    out = capsys.readouterr().out
    assert str((plans / "kehoach.toml").absolute()) in out
    assert "select = ['KH4']" in out
    assert "ignore = ['KH6']" in out
    assert "tone = 'new'" in out


def test_statistics_counts_per_code(plans, capsys):
    assert main(["validate", str(plans), "-j", "1", "-q", "--statistics"]) == 1
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    counts = {code: int(n) for n, code, _severity, _name in rows}
    assert counts["KH402"] == 2 * len(validate(kehoach_core.read(SUB), select=["KH402"]))
    main(["validate", str(plans), "-j", "1", "-q", "--statistics", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert {row["code"]: row["count"] for row in data} == counts


def test_exit_zero(plans, capsys):
    assert main(["validate", str(plans), "-q"]) == 1
    assert main(["validate", str(plans), "-q", "--exit-zero"]) == 0
    capsys.readouterr()


# -- baseline ----------------------------------------------------------------------------


def test_baseline_records_then_reports_only_new_findings(plans, tmp_path, capsys):
    baseline = tmp_path / "kehoach-baseline.json"
    assert main(["validate", str(plans), "-j", "1", "--baseline", str(baseline)]) == 0
    captured = capsys.readouterr()
    assert "did not exist: recorded" in captured.err
    assert captured.out == ""
    assert json.loads(baseline.read_text("utf-8"))["schema"] == "kehoach-baseline/1"
    # text added above the known findings: they keep their identity
    plan = plans / "a.txt"
    lines = plan.read_text("utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("I. ") or line.startswith("1."))
    lines[at:at] = ["", "Đoạn mới thêm vào.", ""]
    lines.append("Một câu có có lỗi.")
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["validate", str(plans), "-j", "1", "--format", "json", "--baseline", str(baseline)]
    assert main(args) == 1
    codes = codes_of(capsys)
    assert codes["b.txt"] == []
    assert codes["a.txt"] == ["KH402"]


def test_a_damaged_baseline_exits_2(plans, tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"findings": []}', encoding="utf-8")
    assert main(["validate", str(plans), "--baseline", str(baseline)]) == 2
    assert "not a baseline" in one_error_line(capsys)


# -- the settings' facts and names -------------------------------------------------------


def test_level_and_format_stand_in_when_the_text_does_not_say():
    from kehoach_core.validate._text import Context

    plan = Plan(title="Kế hoạch", issuer="Ban Chỉ đạo")
    ctx = Context(plan, None, settings_from_dict({"level": "commune", "format": "party"}))
    assert ctx.own_level.value == "commune"
    assert ctx.party is True
    known = Context(Plan(title="x", issuer="Ủy ban nhân dân tỉnh Lạng Sơn"), None, ctx.settings)
    assert known.own_level.value == "province"
    assert known.party is False


def _plan(*texts: str) -> Plan:
    items = [ContentItem(id=f"purposes/{n}", text=t) for n, t in enumerate(texts, 1)]
    return Plan(title="Kế hoạch", purposes=items)


def test_terms_are_checked_for_diacritics():
    plan = _plan("Tổ chức Hội thao quôc phòng toàn dân.", "Hội thao quốc phòng năm 2025.")
    settings = settings_from_dict({"terms": ["quốc phòng"], "select": ["KH407"]})
    found = validate(plan, settings=settings)
    assert [(f.code, f.text) for f in found] == [("KH407", "quôc phòng")]
    assert "quốc phòng" in found.findings[0].message
    assert not validate(plan, select=["KH407"]).findings


def test_tone_and_bodies_choose_the_spelling_kept():
    plan = _plan("Đảng uỷ xã họp.", "Đảng uỷ xã chỉ đạo.", "Đảng ủy xã kết luận.")
    default = [f.text for f in validate(plan, select=["KH408"])]
    assert default == ["Đảng ủy"]  # the less used
    old = settings_from_dict({"tone": "new", "select": ["KH408"]})
    assert [f.text for f in validate(plan, settings=old)] == ["Đảng uỷ"]
    named = settings_from_dict({"bodies": ["Đảng ủy xã Kiên Mộc"], "select": ["KH408"]})
    assert [f.text for f in validate(plan, settings=named)] == ["Đảng uỷ"]


def test_settings_object_is_typed_and_defaults_run_every_rule():
    settings = load_settings(SAMPLES)  # no configuration file above the package
    assert isinstance(settings, Settings)
    assert validate(kehoach_core.read(SUB), settings=settings) == validate(kehoach_core.read(SUB))


# -- Hypothesis: any TOML-ish table loads or raises our error ----------------------------

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.sampled_from(["KH4", "KH402", "kh1", "KH999", "warning", "new", "commune", "party"]),
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.text(max_size=8) | st.sampled_from(["KH402", "*.txt"]), inner, max_size=3
        )
    ),
    max_leaves=8,
)
_keys = st.sampled_from(
    [
        "select",
        "ignore",
        "extend-select",
        "severity",
        "per-file-ignores",
        "level",
        "format",
        "bodies",
        "terms",
        "tone",
        "unknown",
    ]
)


@given(st.dictionaries(_keys, _values, max_size=5))
def test_any_table_loads_or_raises_config_error(table):
    try:
        settings = settings_from_dict(table)
    except ConfigError as exc:  # an InputError: anything else fails the test
        message = str(exc)
    else:
        assert isinstance(settings, Settings)
        return
    assert "\n" not in message


@given(st.text(max_size=60))
def test_any_file_text_loads_or_raises_config_error(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("cfg")
    (folder / "kehoach.toml").write_text(text, encoding="utf-8")
    try:
        settings = load_settings(folder / "kehoach.toml")
    except ConfigError as exc:
        message = str(exc)
    else:
        assert isinstance(settings, Settings)
        return
    assert "\n" not in message


def test_config_error_is_an_input_error():
    assert issubclass(ConfigError, InputError)


def test_key_terms_fold_both_ways():
    """KH407 finds key terms in the folded text and matches them by length there: the
    letters its regex accepts are exactly those that fold to each letter."""
    from kehoach_core.validate import _rules_spelling

    _rules_spelling._check_fold()


# -- the searches the rules share find what a plain search finds --------------------------

_ALPHABET = "aAđĐủỦuyỷỶ .,;:…BTSPhòngở\n"
_NEEDLES = st.lists(
    st.text(alphabet=_ALPHABET.replace("\n", ""), min_size=1, max_size=4), max_size=7
)


_CAPITAL_NEEDLES = st.lists(
    st.builds(str.__add__, st.sampled_from("BTSĐỦ"), st.text(alphabet="aBđĐủ .", max_size=3)),
    min_size=5,
    max_size=8,
)


@given(
    st.lists(st.text(alphabet=_ALPHABET, max_size=30), min_size=1, max_size=5),
    _NEEDLES | _CAPITAL_NEEDLES,
)
def test_positions_and_indices_match_a_plain_search(texts, needles):
    from kehoach_core.validate._text import Context

    items = [ContentItem(id=f"purposes/{n}", text=t) for n, t in enumerate(texts, 1)]
    ctx = Context(Plan(title="Kế hoạch", purposes=items))
    full = ctx.full_text
    expected = sorted({i for n in needles for i in range(len(full)) if full.startswith(n, i)})
    assert ctx.positions(*needles) == expected
    if not any("\n" in n for n in needles):
        held = {k for k, s in enumerate(ctx.segments) if any(n in s.text for n in needles)}
        assert ctx.indices_with(*needles) == held


@pytest.mark.parametrize(
    "needles",
    [
        ("Ban", "Trung tâm", "Phòng", "Sở", "Bộ phận", "Mặt trận", "Ủy ban", "Uỷ ban"),
        ("BB", "BA", "AB", "AA", "Ba"),  # overlapping capitals: searched one by one
    ],
)
def test_capital_needles_in_one_pass(needles):
    from kehoach_core.validate._text import Context

    text = "Ban Trung tâm, Phòng Sở Bộ phận Mặt trận Ủy ban Uỷ ban BBAABA Ban"
    ctx = Context(Plan(title="Kế hoạch", purposes=[ContentItem(id="purposes/1", text=text)]))
    full = ctx.full_text
    expected = sorted({i for n in needles for i in range(len(full)) if full.startswith(n, i)})
    assert ctx.positions(*needles) == expected
