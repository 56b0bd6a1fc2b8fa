"""Word repair: spaces lost after a toned syllable or scattered between letters put back.

The expected repairs of the real plans below were written by reading the
damaged text (``bầu cửđại biểu`` reads ``bầu cử đại biểu``), not by pasting
what the code produced; every other line of every plan must come back as it is.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kehoach_core._reading.clean import PhysicalLine, clean_lines
from kehoach_core._reading.repair import is_syllable, repair_line

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
REPO_PLANS = sorted((ROOT / "tests" / "text" / "plans").glob("*.txt")) + sorted(
    (ROOT / "tests" / "validate" / "plans").glob("*.txt")
)
CONG_HAI = "xa-cong-hai-khanh-hoa-2025-lanh-dao-bau-cu.txt"


@pytest.fixture(scope="module")
def corpus() -> Path:
    """The folder of real plans; skips when this checkout has none."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus not found: the real plans are not in this checkout")
    return CORPUS


def _mapped(runs: list[tuple[int, int]], offset: int) -> int:
    """The input offset of the result's character at ``offset``, per the runs."""
    run_out, run_in = max(run for run in runs if run[0] <= offset)
    return run_in + offset - run_out


def _check_contract(text: str) -> str:
    """Repair ``text`` and check the contract of the result and its runs."""
    out, runs = repair_line(text)
    assert runs[0] == (0, 0)
    assert [r[0] for r in runs] == sorted({r[0] for r in runs})
    assert out.replace(" ", "") == text.replace(" ", "")
    if out == text:
        assert runs == [(0, 0)]
    for offset, char in enumerate(out):
        source = _mapped(runs, offset)
        assert 0 <= source <= len(text)
        if source < len(text) and text[source] == char:
            continue
        # an inserted space maps to the character after it
        assert char == " ", (text, out, offset)
        assert offset + 1 < len(out)
        assert _mapped(runs, offset + 1) == source
    return out


# ------------------------------------------------------------------ syllables


@pytest.mark.parametrize(
    "word",
    "nghiêng Quốc khuyến người được hoà hòa uỷ ủy giữ gìn gì già quỳnh quýt yêu yến "
    "khuya khuỵu ngoẹo xoong thuở oai hoặc tuần luật thuế huỳnh ĐẢNG Việt ý ở kỳ kỹ ky "
    "ghi nghĩa cửa của mưa rượu chuối tiếng giếng quyền chuyện Nguyễn hoạch ăn uống "
    "khoẻ quê quân chính trị xã hội tỉnh uỷ".split(),
)
def test_syllables(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize(
    "word",
    "UBND HĐND MTTQ BCH cửđại vềlãnh video website Facebook Lênin cem ka gha nge quo "
    "hoàt tât ă â Đắk Lắk Krông Srêpốk iên bàá fa wa zô nghiêngg thư1 Thammưu".split(),
)
def test_not_syllables(word: str) -> None:
    assert not is_syllable(word)


# ---------------------------------------------------------------- glued words


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("bầu cửđại biểu", "bầu cử đại biểu"),
        ("Chủnhật", "Chủ nhật"),
        ("Chuẩn bịđầy đủcác", "Chuẩn bị đầy đủ các"),
        ("Ban Chỉhuy Quân sựxã", "Ban Chỉ huy Quân sự xã"),
        ("chủtrì,", "chủ trì,"),
        ("tỷlệngười", "tỷ lệ người"),  # not tỷ lện gười
        ("quảnhân", "quả nhân"),  # not quản hân: the space goes after the toned letter
        ("vềvịtrí", "về vị trí"),
        ("Ban Thường vụTỉnh uỷ", "Ban Thường vụ Tỉnh uỷ"),
        ("vụĐảng", "vụ Đảng"),
        ("vụUBND xã", "vụ UBND xã"),
        ("lần thứXIV của", "lần thứ XIV của"),
        ("bịảnh hưởng", "bị ảnh hưởng"),
    ],
)
def test_glued_words_are_split(text: str, repaired: str) -> None:
    assert _check_contract(text) == repaired


@pytest.mark.parametrize(
    "text",
    [
        "xem video, website, infographic trên Facebook",
        "UBND, HĐND, MTTQ, BCH, TTĐT, LĐTBXH, ĐBQH, NSĐP",
        "chủ nghĩa Mác - Lênin; Mêhicô",  # a diacritic but no tone: a name, not a glue
        "Đắk Lắk, Krông Pắc, ĐắkLắk, Srêpốk, panô",
        "NHIỆM VỤCHỦ YẾU",  # capitals only: left as an abbreviation would be
        "nghiêncứu",  # no tone before the cut: the extraction keeps that space
        "XIVcủa Đảng",
    ],
)
def test_words_kept_whole(text: str) -> None:
    assert repair_line(text) == (text, [(0, 0)])


# ---------------------------------------------------------------------- digits


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("nhiệm kỳ2026 - 2031", "nhiệm kỳ 2026 - 2031"),
        ("Chỉ thịsố46-CT/TW,", "Chỉ thị số 46-CT/TW,"),
        ("Chỉ thị46-CT/TW", "Chỉ thị 46-CT/TW"),
        ("Số01/KH-UBND", "Số 01/KH-UBND"),
        ("năm2025.", "năm 2025."),
    ],
)
def test_years_and_numbers_are_split(text: str, repaired: str) -> None:
    assert _check_contract(text) == repaired


@pytest.mark.parametrize(
    "text",
    [
        "Ban Bí thư1",  # a footnote marker
        "Đợt1, Đợt12",
        "thư12345",
        "số46/5/2025",  # a date, not a document number
        "COVID19 F0 H5N1 năm 2025",
        "mục3-a",
    ],
)
def test_other_digits_stay_glued(text: str) -> None:
    assert repair_line(text) == (text, [(0, 0)])


# -------------------------------------------------------------- letter-spaced


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("- T h a m m ư u , h ư ớ n g d ẫ n", "- Tham mưu, hướng dẫn"),
        ("n h i ệ m", "nhiệm"),
        ("2 0 2 6", "2026"),
        ("2 0 3 1 .", "2031."),
        ("2 0 2 6 - 2 0 3 1", "2026 - 2031"),
        ("k ỳ", "kỳ"),  # a whole line of two letters that make one toned syllable
        ("x ã", "xã"),
        ("K Ế H O Ạ C H", "KẾ HOẠCH"),
        ("C ộ n g h ò a x ã h ộ i", "Cộng hòa xã hội"),
        ("đ ạ i h ộ i, k ỳ 2 0 2 5", "đại hội, kỳ 2025"),
        ("công t á c n h â n s ự", "công tác nhân sự"),
    ],
)
def test_letter_spaced_words_are_joined(text: str, repaired: str) -> None:
    assert _check_contract(text) == repaired


@pytest.mark.parametrize(
    "text",
    [
        "a) b) c) d)",
        "điểm a, b, c, d khoản 1",
        "- + - +",
        "x x x x",  # marks in a table
        "1 2 3 4 5",  # a table's column numbers
        "5 3 2 1",
        "1, 2, 3, 4",
        "A B C D",
        "I I I I",
        "v i d e o",  # no diacritic: would need cutting, so not read as syllables
        "a b",
        "ở y",
        "N. V. A. B.",
        "T h a m m ư u , h",  # a run that ends inside a word is left as it is
    ],
)
def test_ordinary_text_is_not_joined(text: str) -> None:
    assert repair_line(text) == (text, [(0, 0)])


# ---------------------------------------------------------------------- runs


def test_runs_map_every_character() -> None:
    """The runs of the module docstring, spelled out."""
    text = "bầu cửđại biểu"
    out, runs = repair_line(text)
    assert out == "bầu cử đại biểu"
    assert runs == [(0, 0), (7, 6)]
    assert [text[_mapped(runs, o)] for o in range(len(out))] == list("bầu cửđđại biểu")
    spaced = "T h a m m ư u , h ư ớ n g"
    out, runs = repair_line(spaced)
    assert out == "Tham mưu, hướng"
    # the kept spaces map to input spaces, not to the letters after them
    assert [spaced[_mapped(runs, o)] for o in range(len(out))] == list(out)


_ALPHABET = st.sampled_from(
    list("aăâeêioôơuưybcdđghklmnpqrstvxAĂÂĐEÊOÔƠUƯ")
    + list("àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
    + list("0123456789 ,.;:!?-/()ĐỲỊỤỬ²_\u0301")
)
_SYLLABLE = st.sampled_from(
    "cử đại biểu vụ Tỉnh kỳ 2026 số 46-CT/TW thị Chủ nhật về lãnh UBND video Lênin "
    "x ã , . - tham mưu hướng dẫn quả nhân tỷ lệ người".split()
)


@st.composite
def _damaged(draw: st.DrawFn) -> str:
    """Syllables glued, spaced or letter-spaced, as damaged extraction leaves them."""
    words = draw(st.lists(_SYLLABLE, max_size=12))
    parts = []
    for word in words:
        how = draw(st.sampled_from(["glued", "spaced", "letters"]))
        if how == "letters":
            word = " ".join(word)
        parts.append(word + ("" if how == "glued" else " "))
    return "".join(parts).strip()


@given(st.one_of(st.text(_ALPHABET, max_size=60), _damaged(), st.text(max_size=40)))
@example("T h a m m ư u , h ư ớ n g d ẫ n")
@example("")
@example(" ")
@example("a  b c d e")
@example("k ỳ2026")
def test_no_letter_lost_and_every_character_mapped(text: str) -> None:
    """For any text the contract holds: same characters but spaces, each mapped back."""
    _check_contract(text)


# -------------------------------------------------------------- real plans

CU = ("cửđại", "cử đại")
K26 = ("kỳ2026", "kỳ 2026")
VL = ("vềlãnh", "về lãnh")
VT = ("vụTỉnh", "vụ Tỉnh")
VD = ("vụĐảng", "vụ Đảng")
T46 = ("thị46-CT/TW", "thị 46-CT/TW")

SPACED_146 = (
    "T h a m m ư u , h ư ớ n g d ẫ n c ô n g t á c n h â n s ự "
    "đ ạ i b i ể u H ộ i đ ồ n g n h â n d â n c ấ p"
)

# file → line → the damaged pieces of that line, in order, and how they read
EXPECTED: dict[str, dict[int, list[tuple[str, str]]]] = {
    CONG_HAI: {
        11: [("thịsố46-CT/TW,", "thị số 46-CT/TW,"), VL],
        12: [CU, CU],
        13: [K26],
        14: [VT, VL, CU],
        15: [CU, K26],
        16: [VD, CU],
        19: [CU, CU],
        20: [K26, ("Chủnhật", "Chủ nhật")],
        21: [("đểtiếp", "để tiếp"), ("cốvà", "cố và")],
        22: [("chủnghĩa", "chủ nghĩa")],
        24: [("chủcủa", "chủ của")],
        25: [("kỳmới", "kỳ mới"), ("vụtrọng", "vụ trọng")],
        27: [("bịđầy", "bị đầy"), ("đủcác", "đủ các"), ("đểtổ", "để tổ"), CU],
        28: [CU],
        30: [("đểNhân", "để Nhân")],
        31: [("đủquyền", "đủ quyền"), ("vụcủa", "vụ của")],
        32: [("vềđức,", "về đức,")],
        33: [("chủcủa", "chủ của")],
        36: [VD, ("đểlãnh", "để lãnh")],
        38: [("đềphát", "đề phát"), ("bịvà", "bị và"), CU],
        40: [("nghịcấp", "nghị cấp"), ("đểquán", "để quán"), T46],
        41: [VT],
        42: [("vềbầu", "về bầu"), CU],
        43: [CU, K26, ("dựkiến", "dự kiến")],
        45: [("Chủtịch,", "Chủ tịch,"), ("Chủtịch", "Chủ tịch"), ("thủtrưởng", "thủ trưởng")],
        47: [("chẽviệc", "chẽ việc"), T46],
        48: [("vụmà", "vụ mà")],
        49: [("bộtỉnh", "bộ tỉnh")],
        51: [("đủsốlượng", "đủ số lượng")],
        52: [("bổvềcho", "bổ về cho"), ("vềchất", "về chất")],
        53: [("vềsốđại", "về số đại")],
        54: [("sốlượng", "số lượng")],
        55: [("tỷlệngười", "tỷ lệ người"), ("cửlà", "cử là"), ("phụnữvà", "phụ nữ và")],
        56: [("sốtheo", "số theo"), ("tỷlệhợp", "tỷ lệ hợp")],
        57: [("trẻtuổi,", "trẻ tuổi,"), ("từcông", "từ công")],
        58: [("chủgắn", "chủ gắn"), ("sựlãnh", "sự lãnh")],
        59: [("quảnhân", "quả nhân")],
        60: [("bộvới", "bộ với"), ("bịgiới", "bị giới")],
        61: [("trịvững", "trị vững"), ("đủtiêu", "đủ tiêu")],
        62: [("vụđại", "vụ đại")],
        63: [("cửngười", "cử người")],
        65: [("bịthanh", "bị thanh"), ("bịcác", "bị các")],
        67: [("đểxảy", "để xảy")],
        69: [CU],
        74: [("đểmọi", "để mọi"), ("đủquyền", "đủ quyền")],
        76: [("vịcăn", "vị căn"), ("cứchức", "cứ chức")],
        77: [("chủtrì,", "chủ trì,"), ("chẽkhi", "chẽ khi"), ("phụtrách", "phụ trách")],
        78: [CU, ("quảnhững", "quả những")],
        79: [CU],
        82: [("vềý", "về ý")],
        83: [CU, ("vềvịtrí,", "về vị trí,")],
        84: [("bộmáy", "bộ máy"), ("vềvịtrí,", "về vị trí,")],
        85: [("vềtrách", "về trách")],
        86: [("vềnghĩa", "về nghĩa"), ("vụcủa", "vụ của"), ("bộmáy", "bộ máy")],
        87: [("cửtri", "cử tri"), ("tựgiác,", "tự giác,")],
        88: [("kỹvềdanh", "kỹ về danh")],
        89: [("đềcao", "đề cao")],
        91: [("chẽviệc", "chẽ việc")],
        92: [("tốcáo", "tố cáo")],
        93: [("vềbầu", "về bầu")],
        95: [("cửđểgây", "cử để gây"), ("chủđộng", "chủ động")],
        96: [("thểxảy", "thể xảy")],
        101: [CU],
        102: [CU],
        103: [("bịmọi", "bị mọi"), ("sởvật", "sở vật")],
        104: [("vụcho", "vụ cho"), ("độthực", "độ thực"), VD],
        107: [CU, CU],
        108: [K26],
        109: [("bịvà", "bị và"), CU, CU],
        110: [K26],
        112: [("Chỉhuy", "Chỉ huy"), ("sựxã", "sự xã")],
        113: [("trịvà", "trị và")],
        114: [("tốcáo", "tố cáo")],
        115: [("vềbầu", "về bầu")],
        118: [("chủtrì,", "chủ trì,"), ("dựkiến", "dự kiến")],
        119: [("sốlượng", "số lượng")],
        120: [("cửtheo", "cử theo"), CU],
        123: [("chủtrì", "chủ trì")],
        124: [CU, ("nghịlấy", "nghị lấy")],
        125: [("cửtri", "cử tri")],
        126: [("cửtheo", "cử theo")],
        128: [("bộtrực", "bộ trực")],
        131: [CU],
        132: [("cửđạt", "cử đạt"), ("quảtốt", "quả tốt")],
        133: [("vụphát", "vụ phát")],
        134: [("vụchính", "vụ chính"), ("trịcủa", "trị của")],
        137: [("vềcuộc", "về cuộc"), CU],
        138: [CU, K26],
        139: [("Chủđộng", "Chủ động")],
        140: [CU],
        141: [CU],
        143: [("nghịquán", "nghị quán"), T46],
        144: [VD, VL, CU],
        145: [CU, K26],
        146: [(SPACED_146, "Tham mưu, hướng dẫn công tác nhân sự đại biểu Hội đồng nhân dân cấp")],
        147: [("x ã", "xã")],
        148: [("n h i ệ m", "nhiệm")],
        149: [("k ỳ", "kỳ")],
        150: [("2 0 2 6", "2026")],
        152: [("2 0 3 1 .", "2031.")],
        154: [("bịcác", "bị các")],
        155: [("đểtổ", "để tổ"), ("nghịcấp", "nghị cấp"), ("thị46-CT/TW,", "thị 46-CT/TW,")],
    },
    # the two plans below are not from signed PDFs, but two words lost their space
    "huyen-dak-song-dak-nong-2024.txt": {34: [("thứXIV", "thứ XIV")]},
    "tinh-quang-tri-2025.txt": {37: [("khóaXIV.", "khóa XIV.")]},
}


def _expected_line(text: str, pieces: list[tuple[str, str]]) -> str:
    """``text`` with each damaged piece (whole tokens) replaced in turn by its reading."""
    for damaged, reading in pieces:
        pattern = re.compile(r"(?<!\S)" + re.escape(damaged) + r"(?!\S)")
        assert pattern.search(text), f"{damaged!r} is not in {text!r}"
        text = pattern.sub(reading.replace("\\", r"\\"), text, count=1)
    return text


def _unrepaired(text: str) -> list[PhysicalLine]:
    """The cleaned lines before the repair stage (which clean_lines applies to damaged texts)."""
    import kehoach_core._reading.clean as clean

    saved = clean.REPAIR_MIN_LINES
    clean.REPAIR_MIN_LINES = 10**9
    try:
        return clean_lines(text)
    finally:
        clean.REPAIR_MIN_LINES = saved


def _changes(path: Path, name: str) -> tuple[list[str], int]:
    """Every line whose repair differs from the expected one, and the lines changed."""
    wrong: list[str] = []
    changed = 0
    expected = EXPECTED.get(name, {})
    lines = _unrepaired(path.read_text(encoding="utf-8"))
    assert set(expected) <= {line.line for line in lines}
    for line in lines:
        out = _check_contract(line.text)
        changed += out != line.text
        want = _expected_line(line.text, expected.get(line.line, []))
        if out != want:
            wrong.append(f"{name}:{line.line}: {line.text!r}\n  got  {out!r}\n  want {want!r}")
        assert repair_line(out)[0] == out, "repairing twice changes more"
    return wrong, changed


def _corpus_files(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*.txt")) + sorted((corpus / "web").glob("*.md"))


@pytest.mark.corpus
def test_corpus_changes_are_exactly_the_damage(corpus: Path) -> None:
    """On every real plan the repair changes the damaged pieces read by eye, and nothing else."""
    wrong: list[str] = []
    changed = {}
    for path in _corpus_files(corpus):
        name = str(path.relative_to(corpus))
        problems, changed[name] = _changes(path, name)
        wrong += problems
    assert not wrong, "\n".join(wrong)
    assert changed[CONG_HAI] == len(EXPECTED[CONG_HAI])
    assert sum(changed.values()) == len(EXPECTED[CONG_HAI])


def test_test_plans_changes_are_exactly_the_damage() -> None:
    """The same on the plans kept with the tests."""
    assert len(REPO_PLANS) >= 11
    wrong: list[str] = []
    changed = 0
    for path in REPO_PLANS:
        problems, count = _changes(path, path.name)
        wrong += problems
        changed += count
    assert not wrong, "\n".join(wrong)
    assert changed == 2


@pytest.mark.corpus
def test_corpus_repair_is_fast(corpus: Path) -> None:
    """Every line of the corpus (~9,000 lines, ~330,000 characters) in well under a second."""
    lines = [
        line.text
        for path in _corpus_files(corpus)
        for line in clean_lines(path.read_text(encoding="utf-8"))
    ]
    started = time.perf_counter()
    for text in lines:
        repair_line(text)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "cửđại" * 200_000,  # a 1 MB glued word
        "bầu cửđại biểu " * 70_000,
        "c ử đ ạ i " * 100_000,  # a 1 MB letter-spaced line
        "a " * 500_000,
    ],
    ids=["glued-word", "glued-line", "spaced-line", "single-letters"],
)
def test_hostile_lines_stay_bounded(text: str) -> None:
    started = time.perf_counter()
    out, _ = repair_line(text)
    assert out.replace(" ", "") == text.replace(" ", "")
    assert time.perf_counter() - started < 5


def test_the_reader_repairs_a_damaged_text_and_leaves_one_typo_to_validation() -> None:
    """Damage on several lines is extraction's and is repaired; one glued word is a typo."""
    damaged = "bầu cửđại biểu\nnhiệm kỳ2026\nBan Thường vụTỉnh uỷ\n"
    assert [line.text for line in clean_lines(damaged)] == [
        "bầu cử đại biểu",
        "nhiệm kỳ 2026",
        "Ban Thường vụ Tỉnh uỷ",
    ]
    assert clean_lines("lần thứXIV của Đảng\n")[0].text == "lần thứXIV của Đảng"
    repaired = clean_lines(damaged)[0]
    assert repaired.runs[-1] == (7, 7)  # "đại" still maps to column 7 of the input
