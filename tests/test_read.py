"""``kehoach_core.read`` end to end: every input kind, office-made docx, hostile input."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

import kehoach_core as kh
from docx_io.builders import docx_from_lines
from kehoach_core import (
    DocxError,
    EncodingError,
    InputError,
    Level,
    NumberStyle,
    RecipientPurpose,
    Role,
    read,
    read_text,
)
from kehoach_core._reading.lines import text_to_document

SAMPLES = Path(kh.__file__).parent / "samples"

# A plan as a clerk makes it in Word: the two-column header table, automatic
# list numbering for every heading and bullet (the labels are not in the text),
# a footnote, decomposed Unicode and runs split mid-word, the signature beside
# the recipients in a borderless table.
OFFICE_LINES = [
    "KẾ HOẠCH",  # 0
    "tuyên truyền Đại hội đại biểu Đảng bộ xã Kiên Mộc lần thứ I, nhiệm kỳ 2025 - 2030",  # 1
    "-----",  # 2
    "Căn cứ Kế hoạch số 06-KH/TBTT, ngày 16/5/2025 của Tiểu ban Tuyên truyền Đại hội"
    " Đảng bộ tỉnh[^1], Đảng ủy xã Kiên Mộc ban hành Kế hoạch như sau:",  # 3
    "MỤC ĐÍCH, YÊU CẦU",  # 4  I.
    "Mục đích",  # 5  1.
    "Tuyên truyền sâu rộng về ý nghĩa, tầm quan trọng của đại hội.",  # 6  -
    "Yêu cầu",  # 7  2.
    "Bảo đảm đúng định hướng của cấp ủy.",  # 8  -
    "NỘI DUNG, THỜI GIAN",  # 9  II.
    "Đợt 1: Từ nay đến thời điểm hoàn thành Đại hội đại biểu Đảng bộ tỉnh lần thứ XVIII",  # 10 1.
    "Tuyên truyền tiến độ, kết quả tổ chức đại hội chi bộ.",  # 11 -
    "Tuyên truyền việc góp ý vào dự thảo văn kiện.",  # 12 -
    "Đợt 2: Sau Đại hội XIV của Đảng",  # 13 1.
    "Tuyên truyền kết quả Đại hội XIV của Đảng.",  # 14 -
    "HÌNH THỨC TUYÊN TRUYỀN",  # 15 II. -> III.
    "Tuyên truyền trên hệ thống truyền thanh cơ sở.",  # 16 1.
    "TỔ CHỨC THỰC HIỆN",  # 17 IV.
    "Ban Xây dựng Đảng",  # 18 1.
    "Tham mưu Đảng ủy chỉ đạo công tác tuyên truyền.",  # 19 -
    "Đề nghị Ủy ban Mặt trận Tổ quốc xã",  # 20 2.
    "Phối hợp tuyên truyền trong Nhân dân.",  # 21 -
]
OFFICE_NUMBERING = {
    4: 0, 5: 1, 6: 4, 7: 1, 8: 4, 9: 0, 10: 1, 11: 4, 12: 4, 13: 1, 14: 4,
    15: 0, 16: 1, 17: 0, 18: 1, 19: 4, 20: 1, 21: 4,
}  # fmt: skip


@pytest.fixture(scope="module")
def office_docx() -> bytes:
    return docx_from_lines(
        OFFICE_LINES,
        header=(
            ["ĐẢNG BỘ TỈNH LẠNG SƠN", "ĐẢNG ỦY XÃ KIÊN MỘC", "*", "Số 12-KH/ĐU"],
            ["ĐẢNG CỘNG SẢN VIỆT NAM", "Kiên Mộc, ngày 10 tháng 7 năm 2025"],
        ),
        signature=(
            [
                "Nơi nhận:",
                "- Ban Thường vụ Tỉnh ủy (b/c);",
                "- Các chi bộ (để thực hiện);",
                "- Lưu VP.",
            ],
            ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Hoàng Văn Nam"],
        ),
        footnotes={1: "Nay là Ban Tuyên giáo và Dân vận Tỉnh ủy."},
        numbered=OFFICE_NUMBERING,
        centered=[0, 1, 2],
        bold=[0, 1],
        split=7,
        nfd=True,
    )


def test_office_docx_header(office_docx):
    """Values from the header table the fixture writes."""
    plan = read(office_docx)
    assert plan.issuer is not None
    assert "KIÊN MỘC" in plan.issuer.upper()
    assert plan.superior_body is not None
    assert "LẠNG SƠN" in plan.superior_body.upper()
    assert str(plan.number) == "12-KH/ĐU"
    assert plan.place == "Kiên Mộc"
    assert plan.issued_on is not None
    assert plan.issued_on.isoformat() == "2025-07-10"
    assert plan.style is NumberStyle.PARTY
    assert plan.title is not None
    assert plan.title.startswith("tuyên truyền Đại hội đại biểu Đảng bộ xã Kiên Mộc")


def test_office_docx_numbering_drives_the_structure(office_docx):
    plan = read(office_docx)
    numbered = [s.label for s in plan.sections if s.level == 1 and s.label]
    assert numbered == ["I.", "II.", "III.", "IV."]
    assert [i.text for i in plan.purposes] == [OFFICE_LINES[6]]
    assert [i.text for i in plan.requirements] == [OFFICE_LINES[8]]
    assert [(p.label, p.ordinal) for p in plan.phases] == [("1.", 1), ("2.", 2)]
    assert [len(p.content) for p in plan.phases] == [2, 1]
    assert plan.phases[0].content[1].text == OFFICE_LINES[12]
    assert plan.phases[0].content[0].label == "-"
    assert len(plan.forms) == 1
    assert [(a.bodies, a.role) for a in plan.assignments] == [
        (("Ban Xây dựng Đảng",), Role.ADVISE),
        (("Ủy ban Mặt trận Tổ quốc xã",), Role.REQUESTED),
    ]


def test_office_docx_milestones_and_windows(office_docx):
    plan = read(office_docx)
    levels = {m.level: m.ordinal for m in plan.milestones}
    assert levels[Level.PROVINCE] == 18
    assert levels[Level.NATIONAL] == 14
    window = plan.phases[0].window
    assert window is not None
    assert isinstance(window.start, kh.IssueDate)


def test_office_docx_footnote_recipients_signature(office_docx):
    plan = read(office_docx)
    assert [(f.marker, f.text) for f in plan.footnotes] == [
        ("1", "Nay là Ban Tuyên giáo và Dân vận Tỉnh ủy.")
    ]
    assert [r.purpose for r in plan.recipients] == [
        RecipientPurpose.REPORT,
        RecipientPurpose.IMPLEMENT,
        RecipientPurpose.ARCHIVE,
    ]
    assert plan.signature is not None
    assert (plan.signature.authority, plan.signature.on_behalf_of) == ("T/M", "BAN THƯỜNG VỤ")
    assert (plan.signature.title, plan.signature.signer) == ("BÍ THƯ", "Hoàng Văn Nam")


def test_decomposed_unicode_is_normalised(office_docx):
    plan = read(office_docx)
    assert plan.title is not None
    assert plan.title == __import__("unicodedata").normalize("NFC", plan.title)


def _docx_of(text: str) -> bytes:
    """A docx with one paragraph per logical line of a text plan (labels in the text)."""
    return docx_from_lines([line.text for line in text_to_document(text).lines])


def _shape(plan: kh.Plan) -> dict[str, object]:
    return {
        "bases": [(b.kind, str(b.number), b.issued_on) for b in plan.bases],
        "phases": [(p.label, p.ordinal, [i.text for i in p.content]) for p in plan.all_phases()],
        "standing": [i.text for i in plan.standing_content],
        "forms": [(f.kind, f.title) for f in plan.forms],
        "assignments": [(a.bodies, a.role, len(a.tasks)) for a in plan.all_assignments()],
        "recipients": [(r.name, r.purpose) for r in plan.recipients],
        "signature": plan.signature and (plan.signature.authority, plan.signature.signer),
    }


def test_corpus_plans_read_the_same_from_docx_as_from_text(corpus_dir):
    for path in sorted(corpus_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        from_text = read_text(text, source=path.name)
        from_docx = read(_docx_of(text))
        assert _shape(from_docx) == _shape(from_text), path.name


def test_samples_read_from_path_bytes_and_stream():
    path = SAMPLES / "subordinate.txt"
    by_path = read(path)
    by_str = read(str(path))
    by_bytes = read(path.read_bytes())
    with path.open("rb") as stream:
        by_stream = read(stream)
    assert by_path == by_str
    assert by_bytes.phases == by_path.phases
    assert by_stream == by_path
    assert str(by_path.number) == "15-KH/ĐU"


def test_format_can_be_forced(tmp_path):
    target = tmp_path / "plan.data"
    target.write_bytes((SAMPLES / "superior.txt").read_bytes())
    assert read(target, format="txt").number == read(SAMPLES / "superior.txt").number


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("empty.txt", b"", InputError),
        ("blank.txt", b"\n\n   \n", InputError),
        ("garbage.txt", os.urandom(4096) + b"\x00" * 64, InputError),
        ("utf16-without-bom.txt", "KẾ HOẠCH".encode("utf-16-le") * 20, InputError),
        ("not-a-zip.docx", b"KE HOACH", DocxError),
        ("empty.docx", b"", DocxError),
        ("truncated.docx", None, DocxError),
        ("legacy.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), DocxError),
        ("bad.json", b'{"schema": "kehoach/1", "phases": 3}', kh.PayloadError),
    ],
)
def test_unusable_input_raises_our_error_naming_the_file(tmp_path, name, data, error):
    if data is None:
        data = _docx_of("KẾ HOẠCH\nI. MỤC ĐÍCH\n- Tuyên truyền.\n")[:700]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error) as info:
        read(path)
    assert name in str(info.value)


def test_utf16_with_bom_and_windows_1258_are_read():
    text = (SAMPLES / "subordinate.txt").read_text(encoding="utf-8")
    expected = read_text(text)
    assert read(text.encode("utf-16")).phases == expected.phases
    assert isinstance(read(text.encode("utf-16")), kh.Plan)


def test_encoding_error_is_an_input_error():
    assert issubclass(EncodingError, InputError)


def test_directory_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="directory"):
        read(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "missing.txt")


def test_text_stream_is_refused_clearly():
    with pytest.raises(InputError, match="binary"):
        read(io.StringIO("KẾ HOẠCH"))  # type: ignore[arg-type]
