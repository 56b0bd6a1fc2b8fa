"""A commune People's Committee plan across the layers: read, write, validate, JSON.

Three State forms the reader used to miss: the issuing body's name split over
two header lines (``ỦY BAN NHÂN DÂN`` / ``XÃ AN BÌNH``), phases headed
``N. Giai đoạn N: ...``, and the two-tier signature (``TM. ỦY BAN NHÂN DÂN`` /
``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH`` / name).
"""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest

from docx_io.builders import docx_from_lines
from docx_write.roundtrip import differences, normalised, reread
from kehoach_core import (
    DateAnchor,
    IssueDate,
    Signature,
    from_json,
    read,
    read_text,
    to_dict,
    to_json,
)
from kehoach_core._reading.header import read_header
from kehoach_core._reading.lines import text_to_document
from kehoach_core.validate import validate

HEAD = """\
ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ AN BÌNH Độc lập - Tự do - Hạnh phúc
Số: 90/KH-UBND An Bình, ngày 20 tháng 8 năm 2025
KẾ HOẠCH
Tuyên truyền đại hội đảng bộ các cấp năm 2025
Căn cứ Kế hoạch số 1520/KH-UBND ngày 25/7/2025 của Ủy ban nhân dân tỉnh Đồng Tháp về \
tuyên truyền đại hội đảng bộ các cấp;
Ủy ban nhân dân xã An Bình ban hành Kế hoạch thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Tuyên truyền sâu rộng đến cán bộ, công chức và Nhân dân về đại hội đảng bộ các cấp.
2. Yêu cầu
- Nội dung tuyên truyền phải chính xác, kịp thời, phù hợp với điều kiện thực tế của xã.
II. NỘI DUNG TUYÊN TRUYỀN
1. Giai đoạn 1: Từ nay đến ngày 30/9/2025
- Tuyên truyền kết quả Đại hội đại biểu Đảng bộ xã An Bình lần thứ I, nhiệm kỳ 2025 - 2030.
2. Giai đoạn 2 (từ ngày 01/10/2025 đến ngày 31/12/2025):
- Tuyên truyền các văn kiện trình Đại hội XIV của Đảng.
III. HÌNH THỨC TUYÊN TRUYỀN
1. Tuyên truyền trên hệ thống truyền thanh xã và trang thông tin điện tử xã.
IV. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội
- Chủ trì, phối hợp các đơn vị liên quan triển khai Kế hoạch; báo cáo kết quả về Ủy ban \
nhân dân xã.
Trên đây là Kế hoạch tuyên truyền đại hội đảng bộ các cấp năm 2025 của Ủy ban nhân dân xã \
An Bình./.
"""

RECIPIENTS = ["Nơi nhận:", "- UBND tỉnh (b/c);", "- Thường trực Đảng ủy xã (b/c);", "- Lưu: VT."]
SIGNATURE = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Tâm"]

PLAN_TEXT = HEAD + "\n".join(RECIPIENTS + SIGNATURE) + "\n"

# the recipients and the signature side by side, flattened line by line as a PDF gives them
INTERLEAVED_TEXT = (
    HEAD
    + "\n".join(
        [
            "Nơi nhận: TM. ỦY BAN NHÂN DÂN",
            "- UBND tỉnh (b/c); KT. CHỦ TỊCH",
            "- Thường trực Đảng ủy xã (b/c); PHÓ CHỦ TỊCH",
            "- Lưu: VT.",
            "Nguyễn Văn Tâm",
        ]
    )
    + "\n"
)

TWO_TIERS = ("TM.", "ỦY BAN NHÂN DÂN", "KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Tâm")


def _tiers(signature: Signature | None) -> tuple[str | None, ...]:
    assert signature is not None
    return (
        signature.authority,
        signature.on_behalf_of,
        signature.deputy_authority,
        signature.deputy_for,
        signature.title,
        signature.signer,
    )


@pytest.mark.parametrize("text", [PLAN_TEXT, INTERLEAVED_TEXT], ids=["stacked", "interleaved"])
def test_the_plan_reads_whole(text: str) -> None:
    plan = read_text(text)
    assert plan.unparsed == ()
    assert (plan.issuer, plan.superior_body) == ("ỦY BAN NHÂN DÂN XÃ AN BÌNH", None)
    assert _tiers(plan.signature) == TWO_TIERS
    assert [r.name for r in plan.recipients] == ["UBND tỉnh", "Thường trực Đảng ủy xã", "Lưu: VT"]
    assert [(p.label, p.ordinal) for p in plan.phases] == [("1.", 1), ("2.", 2)]
    first, second = (p.window for p in plan.phases)
    assert first is not None
    assert second is not None
    assert (first.start, first.end) == (IssueDate(), DateAnchor(dt.date(2025, 9, 30)))
    assert (second.start, second.end) == (
        DateAnchor(dt.date(2025, 10, 1)),
        DateAnchor(dt.date(2025, 12, 31)),
    )
    assert second.text == "từ ngày 01/10/2025 đến ngày 31/12/2025"
    assert plan.standing_content == ()


def test_the_plan_validates_clean() -> None:
    assert [(f.code, f.message) for f in validate(read_text(PLAN_TEXT))] == []


def test_the_plan_writes_and_reads_back_equal() -> None:
    plan = read_text(PLAN_TEXT)
    again = reread(plan)
    assert _tiers(again.signature) == TWO_TIERS
    assert differences(normalised(plan), normalised(again)) == []


def test_a_clerks_docx_reads_both_tiers() -> None:
    """The signature as the right cell of the table beside the recipients."""
    lines = [line.text for line in text_to_document(HEAD).lines][3:]
    data = docx_from_lines(
        lines,
        header=(
            ["ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "Số: 90/KH-UBND"],
            [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "An Bình, ngày 20 tháng 8 năm 2025",
            ],
        ),
        signature=(RECIPIENTS, SIGNATURE),
    )
    plan = read(data, format="docx")
    assert plan.unparsed == ()
    assert plan.issuer == "ỦY BAN NHÂN DÂN XÃ AN BÌNH"
    assert _tiers(plan.signature) == TWO_TIERS
    assert [p.ordinal for p in plan.phases] == [1, 2]


@pytest.mark.parametrize(
    ("lines", "tiers"),
    [
        (
            ["TM. ỦY BAN NHÂN DÂN", "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Lê Thị Hạnh"],
            ("TM.", "ỦY BAN NHÂN DÂN", "TL.", "CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Lê Thị Hạnh"),
        ),
        (
            ["TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Hạnh"],
            ("TM.", "ỦY BAN NHÂN DÂN", "KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Hạnh"),
        ),
        (
            ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "Lê Thị Hạnh"],
            ("TL.", "GIÁM ĐỐC", None, None, "CHÁNH VĂN PHÒNG", "Lê Thị Hạnh"),
        ),
        (
            ["Q. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Thị Hạnh"],
            ("Q.", "GIÁM ĐỐC", None, None, "PHÓ GIÁM ĐỐC", "Lê Thị Hạnh"),
        ),
    ],
    ids=["TL-under-TM", "glued-on-one-line", "TL-one-tier", "Q-acting"],
)
def test_other_tier_shapes(lines: list[str], tiers: tuple[str | None, ...]) -> None:
    plan = read_text(HEAD + "\n".join(RECIPIENTS + lines) + "\n")
    assert plan.unparsed == ()
    assert _tiers(plan.signature) == tiers


def test_a_party_two_tier_block_reads_and_k_t_under_a_collective_is_flagged() -> None:
    """``T/M ĐẢNG ỦY`` / ``K/T BÍ THƯ``: read whole; a Party collective's deputy signs T/M."""
    party = PLAN_TEXT.replace(
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "T/M ĐẢNG ỦY\nK/T BÍ THƯ\nPHÓ BÍ THƯ"
    )
    plan = attrs.evolve(read_text(party), issuer="ĐẢNG ỦY XÃ AN BÌNH")
    assert plan.unparsed == ()
    assert _tiers(plan.signature)[:5] == ("T/M", "ĐẢNG ỦY", "K/T", "BÍ THƯ", "PHÓ BÍ THƯ")
    party_plan = attrs.evolve(plan, style=None, number=None)
    hits = [f for f in validate(party_plan) if f.code == "KH601"]
    assert [f.excerpt for f in hits] == ["K/T"]


@pytest.mark.parametrize(
    ("first", "second", "flagged"),
    [
        ("TM.", "KT.", []),
        ("TM.", "K/T", ["K/T"]),
        ("T/M", "KT.", ["T/M"]),
        ("TM.", "TUQ.", []),
    ],
)
def test_kh601_checks_both_tiers_of_a_state_plan(
    first: str, second: str, flagged: list[str]
) -> None:
    plan = read_text(PLAN_TEXT)
    assert plan.signature is not None
    plan = attrs.evolve(
        plan, signature=attrs.evolve(plan.signature, authority=first, deputy_authority=second)
    )
    assert [f.excerpt for f in validate(plan) if f.code == "KH601"] == flagged


def test_json_round_trips_and_json_from_before_the_second_tier_loads() -> None:
    plan = read_text(PLAN_TEXT)
    assert from_json(to_json(plan)) == plan
    old = to_dict(plan)
    del old["signature"]["deputy_authority"], old["signature"]["deputy_for"]
    loaded = from_json(json.dumps(old, ensure_ascii=False))
    assert loaded.signature is not None
    assert (loaded.signature.deputy_authority, loaded.signature.deputy_for) == (None, None)
    assert loaded == attrs.evolve(
        plan, signature=attrs.evolve(plan.signature, deputy_authority=None, deputy_for=None)
    )


@pytest.mark.parametrize(
    ("lines", "issuer", "superior"),
    [
        (["ỦY BAN NHÂN DÂN", "XÃ AN BÌNH"], "ỦY BAN NHÂN DÂN XÃ AN BÌNH", None),
        (["HỘI ĐỒNG NHÂN DÂN", "HUYỆN PHONG ĐIỀN"], "HỘI ĐỒNG NHÂN DÂN HUYỆN PHONG ĐIỀN", None),
        (["ĐẢNG BỘ TỈNH LẠNG SƠN", "ĐẢNG ỦY", "XÃ KIÊN MỘC"], "ĐẢNG ỦY XÃ KIÊN MỘC",
         "ĐẢNG BỘ TỈNH LẠNG SƠN"),
        (["ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"],
         "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"),
        (["ĐẢNG BỘ TỈNH ĐẮK NÔNG", "HUYỆN ỦY ĐẮK SONG"], "HUYỆN ỦY ĐẮK SONG",
         "ĐẢNG BỘ TỈNH ĐẮK NÔNG"),
    ],
)  # fmt: skip
def test_a_body_kind_and_its_place_on_two_lines_are_one_name(
    lines: list[str], issuer: str, superior: str | None
) -> None:
    header = read_header([*lines, "*", "Số 06-KH/ĐU An Bình, ngày 16 tháng 7 năm 2025"])
    assert (header.issuer, header.superior_body) == (issuer, superior)


@pytest.mark.parametrize(
    ("heading", "ordinal"),
    [
        ("GIAI ĐOẠN 2: TỪ NGÀY 01/10/2025 ĐẾN NGÀY 31/12/2025", 2),
        ("Giai đoạn II (từ ngày 01/10/2025 đến ngày 31/12/2025)", 2),
        ("Bước 2: Từ ngày 01/10/2025 đến ngày 31/12/2025", 2),
        ("Giai đoạn 2021 - 2025 đã tổ chức nhiều hoạt động", None),
    ],
)
def test_giai_doan_and_buoc_open_phases(heading: str, ordinal: int | None) -> None:
    text = PLAN_TEXT.replace("Giai đoạn 2 (từ ngày 01/10/2025 đến ngày 31/12/2025):", heading)
    plan = read_text(text)
    assert [p.ordinal for p in plan.phases] == ([1, ordinal] if ordinal else [1])
