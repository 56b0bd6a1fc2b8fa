"""Every rule: one plan it must flag, one it must not.

The clean baseline is the example superior plan (no finding at all); each case
plants one defect in it, or writes one sentence into its purposes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

from kehoach_core import (
    Assignment,
    Citation,
    ContentItem,
    DateAnchor,
    DigitalSignature,
    DocumentNumber,
    Edge,
    Footnote,
    Location,
    MilestoneEdge,
    Phase,
    Plan,
    Recipient,
    RecipientPurpose,
    SectionHeading,
    Signature,
    Window,
    read,
)
from kehoach_core._elements import Part
from kehoach_core._numbers import NumberStyle
from kehoach_core.validate import rules, validate

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# the example superior plan asks the newspaper to act (Đề nghị Báo ...) but does not send
# it the plan (KH608): the baseline adds it to the recipients, before the archive line
_EXAMPLE = read(EXAMPLES / "superior-tinh-lang-son.json")
GOOD = attrs.evolve(
    _EXAMPLE,
    recipients=[
        *_EXAMPLE.recipients[:-1],
        Recipient(
            id="recipient9",
            name="Báo và Phát thanh, Truyền hình Lạng Sơn",
            purpose=RecipientPurpose.IMPLEMENT,
            text="- Báo và Phát thanh, Truyền hình Lạng Sơn (để thực hiện);",
        ),
        _EXAMPLE.recipients[-1],
    ],
)
SUB = read(EXAMPLES / "subordinate-xa-hoang-van-thu.json")


def text(*sentences: str, **changes: Any) -> Plan:
    """The good plan with these sentences as its purposes."""
    items = [ContentItem(id=f"purposes/{n}", label="-", text=s) for n, s in enumerate(sentences, 1)]
    return attrs.evolve(GOOD, purposes=items, **changes)


def phases(*changes: dict[str, Any]) -> Plan:
    return attrs.evolve(
        GOOD, phases=[attrs.evolve(p, **c) for p, c in zip(GOOD.phases, changes, strict=False)]
    )


def sig(**changes: Any) -> Plan:
    assert GOOD.signature is not None
    return attrs.evolve(GOOD, signature=attrs.evolve(GOOD.signature, **changes))


def recipients(*lines: tuple[str, RecipientPurpose]) -> Plan:
    return attrs.evolve(
        GOOD,
        recipients=[
            Recipient(id=f"recipient{n}", text=t, purpose=p) for n, (t, p) in enumerate(lines, 1)
        ],
    )


def basis(**fields: Any) -> Plan:
    return attrs.evolve(GOOD, bases=[Citation(id="basis1", **fields)])


def dated(start: dt.date, end: dt.date) -> Window:
    return Window(DateAnchor(start), DateAnchor(end))


D = dt.date
COMMUNE = {"issuer": "Đảng ủy xã Liên Minh"}
STATE_COMMUNE = {"issuer": "ỦY BAN NHÂN DÂN XÃ LIÊN MINH", "style": None}
Case = tuple[str, Callable[[], Plan], Callable[[], Plan]]
PDF_SIGNED = DigitalSignature(
    origin="pdf", signer="Nguyễn Văn A", intact=True, valid=True, modified_after=False
)

CASES: list[Case] = [
    ("KH101", lambda: attrs.evolve(GOOD, signature=None), lambda: GOOD),
    ("KH101", lambda: attrs.evolve(GOOD, phases=(), standing_content=()), lambda: GOOD),
    ("KH102", lambda: phases({}, {}, {"content": ()}), lambda: GOOD),
    (
        "KH103",
        lambda: attrs.evolve(
            GOOD, assignments=[*GOOD.assignments, Assignment(id="a9", bodies=["UBND xã"])]
        ),
        lambda: GOOD,
    ),
    ("KH104", lambda: phases({}, {"label": "3."}, {"label": "4."}), lambda: GOOD),
    ("KH105", lambda: phases({"ordinal": 2}, {"ordinal": 1}), lambda: GOOD),
    (
        "KH106",
        lambda: phases({}, {}, {"heading": "Đợt III: Sau Đại hội XIV của Đảng"}),
        lambda: phases({}, {}, {"heading": "Đợt 3: Sau Đại hội XIV của Đảng"}),
    ),
    (
        "KH107",
        lambda: phases({"window": dated(D(2025, 10, 1), D(2025, 9, 1))}),
        lambda: phases({"window": dated(D(2025, 9, 1), D(2025, 10, 1))}),
    ),
    (
        "KH108",
        lambda: phases(
            {"window": dated(D(2025, 6, 1), D(2025, 10, 1))},
            {"window": dated(D(2025, 9, 1), D(2026, 1, 31))},
        ),
        lambda: phases(
            {"window": dated(D(2025, 6, 1), D(2025, 10, 1))},
            {"window": dated(D(2025, 10, 1), D(2026, 1, 31))},
        ),
    ),
    (
        "KH109",
        lambda: phases(
            {"window": Window(DateAnchor(D(2025, 6, 1)), MilestoneEdge("milestone2", Edge.END))},
            {"window": Window(DateAnchor(D(2025, 6, 1)), MilestoneEdge("milestone1", Edge.END))},
        ),
        lambda: GOOD,
    ),
    ("KH201", lambda: attrs.evolve(GOOD, number=None), lambda: GOOD),
    ("KH202", lambda: attrs.evolve(GOOD, issued_on=None), lambda: GOOD),
    ("KH203", lambda: attrs.evolve(GOOD, place="………"), lambda: GOOD),
    ("KH204", lambda: attrs.evolve(GOOD, number="06 KH TBTT"), lambda: GOOD),
    ("KH205", lambda: attrs.evolve(GOOD, number=DocumentNumber.parse("06-CV/TBTT")), lambda: GOOD),
    ("KH206", lambda: attrs.evolve(GOOD, number=DocumentNumber.parse("06/KH-TBTT")), lambda: GOOD),
    ("KH207", lambda: attrs.evolve(GOOD, number=DocumentNumber.parse("6-KH/TBTT")), lambda: GOOD),
    (
        "KH208",
        lambda: attrs.evolve(GOOD, number=DocumentNumber.parse("12-KH/TU"), **COMMUNE),
        lambda: attrs.evolve(GOOD, number=DocumentNumber.parse("12-KH/ĐU"), **COMMUNE),
    ),
    (
        "KH208",
        lambda: attrs.evolve(GOOD, number=DocumentNumber.parse("12-KH/ĐU"), issuer="HUYỆN UỶ A"),
        lambda: attrs.evolve(
            GOOD, number=DocumentNumber.parse("12-KH/BTGHU"), issuer="Ban Tuyên giáo Huyện ủy"
        ),
    ),
    (
        "KH301",
        lambda: text("Thực hiện Chỉ thị số 05- CT/TW của Bộ Chính trị."),
        lambda: text("Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị; kinh tế - xã hội 2025/2026."),
    ),
    (
        "KH302",
        lambda: basis(number=DocumentNumber.parse("10-CV/TBTT"), issued_on=D(2025, 8, 3)),
        lambda: basis(number=DocumentNumber.parse("10-CV/TBTT"), issued_on=D(2025, 5, 3)),
    ),
    (
        "KH303",
        lambda: basis(number=DocumentNumber.parse("10-CV/TBTT"), text="Công văn số 10-CV/TBTT"),
        lambda: basis(number="…-CV/TBTT", text="Công văn số …-CV/TBTT ngày …/…/2025"),
    ),
    (
        "KH304",
        lambda: basis(
            number=DocumentNumber.parse("141-KH/BTGTU"),
            issued_on=D(2024, 10, 31),
            text="Kế hoạch số 141-KH/BTGTU, ngày 31/10/2024 về tuyên truyền của Đảng",
        ),
        lambda: basis(
            number=DocumentNumber.parse("141-KH/BTGTU"),
            issued_on=D(2024, 10, 31),
            issuer="Ban Tuyên giáo Thành ủy",
        ),
    ),
    ("KH306", lambda: text("Căn cứ Công văn số 12-CT/TW."), lambda: text("Công văn số 12-CV/TU.")),
    ("KH401", lambda: text("Đảng ủy xã ……… ban hành."), lambda: text("Facebook, Zalo… và cấp…")),
    ("KH402", lambda: text("Căn cứ của của Tiểu ban."), lambda: text("Ngày ngày, dần dần.")),
    (
        "KH403",
        lambda: text("Chào mừng Đại hội XIVcủa Đảng."),
        lambda: text("Đại hội XIV của Đảng, tỉnh Lào Cai, Xây dựng Đảng, Ia Grai, LinkedIn."),
    ),
    (
        "KH404",
        lambda: text("Tuyên truyền , vận động.", "2.4.Phát động thi đua"),
        lambda: text("Kinh tế - xã hội, quốc phòng; an ninh: 1,5 triệu; 2.4. Phát động."),
    ),
    ("KH405", lambda: text("Kết quả đại hội.."), lambda: text("Kết quả đại hội... và Zalo…")),
    (
        "KH406",
        lambda: text("Nghị quyết Đại hội Đ ảng bộ các cấp."),
        lambda: text("Các đ/c báo cáo viên; Phụ lục A ở cuối; TP. Hà Nội."),
    ),
    (
        "KH407",
        lambda: text("Chào mừng dại hội các cấp."),
        lambda: text("Một bài viết dài hơi về đại hội; đang bỏ ngỏ; thương vụ lớn."),
    ),
    (
        "KH407",
        lambda: text("Đại hội Đảng bộ thị xã lần thư XXIV."),
        lambda: text("Đại hội Đảng bộ thị xã lần thứ XXIV; lần thử nghiệm."),
    ),
    (
        "KH408",
        lambda: text("Tiểu Ban tuyên truyền Đại hội.", "Tiểu ban Tuyên truyền Đại hội tỉnh."),
        lambda: text("Tiểu ban Tuyên truyền Đại hội.", "Tiểu ban Tuyên truyền Đại hội tỉnh."),
    ),
    (
        "KH408",
        lambda: text("Đảng ủy xã.", "Đảng ủy tỉnh.", "Đảng uỷ xã."),
        lambda: text("Đảng ủy xã.", "Cấp ủy và cấp ủy viên."),
    ),
    (
        "KH409",
        lambda: text("Cán bộ, đảng viên và nhân dân.", "Niềm tin của Nhân dân."),
        lambda: text("Ủy ban nhân dân xã.", "Niềm tin của Nhân dân."),
    ),
    (
        "KH410",
        lambda: text("Phối hợp với các sở, ngành.", "Giám đốc các Sở, ban, ngành chỉ đạo."),
        lambda: text(
            "Phối hợp với các sở, ngành.",
            "Các Sở: Tài chính, Xây dựng; Sở Văn hóa, Thể thao và Du lịch; Ban Chấp hành.",
            "Các bộ dữ liệu; các Bộ chỉ đạo.",
        ),
    ),
    (
        "KH411",
        lambda: text("Tuyên truyền đại hội.", "Tổ chức hội nghị", "Treo băng rôn."),
        lambda: text(
            "Tuyên truyền đại hội;",
            "Đơn vị chủ trì: Ban Tuyên giáo",
            "Tổ chức hội nghị (theo lịch…",
            "Treo băng rôn.",
        ),
    ),
    (
        "KH501",
        lambda: text(
            "Đại hội Đảng bộ thành phố Cần Thơ lần thứ XV, nhiệm kỳ 2025 - 2030.",
            "Đại hội Đảng bộ thành phố lần thứ XV, nhiệm kỳ 2025 - 2030.",
            "Đại hội Đảng bộ thành phố Cần Thơ lần thứ XIV, nhiệm kỳ 2025 - 2030.",
        ),
        lambda: text(
            "Đại hội Đảng bộ thành phố Cần Thơ lần thứ XV, nhiệm kỳ 2025 - 2030.",
            "Nghị quyết Đại hội Đảng bộ thành phố lần thứ XIV, nhiệm kỳ 2020 - 2025.",
        ),
    ),
    (
        "KH502",
        lambda: text(
            "Đại hội Đảng bộ xã lần thứ III, nhiệm kỳ 2025 - 2030.",
            "Đại hội Đảng bộ xã lần thứ III và Đại hội Đảng bộ thành phố lần thứ III.",
            **COMMUNE,
        ),
        lambda: text(
            "Đại hội Đảng bộ xã lần thứ III, nhiệm kỳ 2025 - 2030.",
            "Đại hội Đảng bộ xã lần thứ III và Đại hội Đảng bộ tỉnh lần thứ XVII.",
            **COMMUNE,
        ),
    ),
    (
        "KH502",
        lambda: text("Sức mạnh của toàn Đảng, toàn dân, toàn quân thành phố.", **COMMUNE),
        lambda: text("Toàn quân xã và Nhân dân thành phố Cần Thơ; trở thành xã nông thôn mới."),
    ),
    (
        "KH503",
        lambda: text("Chỉnh đốn Đảng nhiệm kỳ 2021 - 2025."),
        lambda: text("Nhiệm kỳ 2020 - 2025; chiến lược 10 năm 2021 - 2030."),
    ),
    (
        "KH504",
        lambda: text("79 năm Ngày Quốc khánh (02/9/1945 - 02/9/2025)."),
        lambda: text(
            "80 năm Ngày Quốc khánh (02/9/1945 - 02/9/2025); Chiến lược 10 năm (2021 - 2030)."
        ),
    ),
    (
        "KH504",
        lambda: text("92 năm Ngày truyền thống (15/6/1933 - 16/6/2025)."),
        lambda: text("92 năm Ngày truyền thống Đảng bộ tỉnh (15/6/1933 - 15/6/2025)."),
    ),
    (
        "KH505",
        lambda: text("Lập thành tích tiến tới Đại hội XV của Đảng."),
        lambda: text("Lập thành tích tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng."),
    ),
    (
        "KH505",
        lambda: text("Đại hội XIV của Đảng (năm 2025)."),
        lambda: text("Đại hội XIII của Đảng (năm 2021)."),
    ),
    (
        "KH506",
        lambda: text("Tham mưu Ủy ban nhân dân xã Hoàng Văn Thụ báo cáo.", **STATE_COMMUNE),
        lambda: text(
            "Ủy ban nhân dân xã Liên Minh, Ủy ban nhân dân tỉnh Lào Cai, Ủy ban nhân dân các "
            "xã; Đảng bộ xã đến nay.",
            **STATE_COMMUNE,
        ),
    ),
    ("KH601", lambda: sig(authority="TM."), lambda: GOOD),
    ("KH601", lambda: sig(authority="K/T"), lambda: sig(authority="T/M")),
    ("KH602", lambda: sig(signer=None), lambda: GOOD),
    ("KH603", lambda: sig(title=None), lambda: GOOD),
    (
        "KH604",
        lambda: recipients(
            ("- Các chi bộ;", RecipientPurpose.IMPLEMENT), ("- Lưu VT.", RecipientPurpose.ARCHIVE)
        ),
        lambda: recipients(("- Thành ủy (để b/c);", RecipientPurpose.UNSPECIFIED)),
    ),
    (
        "KH605",
        lambda: recipients(("- Thành ủy (để b/c);", RecipientPurpose.REPORT)),
        lambda: recipients(("- Lưu Văn phòng Đảng ủy.", RecipientPurpose.UNSPECIFIED)),
    ),
    (
        "KH606",
        lambda: sig(digital=attrs.evolve(PDF_SIGNED, modified_after=True)),
        lambda: sig(digital=PDF_SIGNED),
    ),
    (
        "KH607",
        lambda: attrs.evolve(GOOD, pages=(1, 40)),
        lambda: attrs.evolve(sig(digital=PDF_SIGNED), pages=(1, 40)),
    ),
]

CASES += [
    (
        "KH608",
        lambda: attrs.evolve(GOOD, recipients=[r for r in GOOD.recipients if "Báo" not in r.name]),
        lambda: GOOD,
    ),
    (
        "KH608",
        lambda: attrs.evolve(
            GOOD,
            assignments=[
                *GOOD.assignments,
                Assignment(id="assignment9", label="4.", bodies=("Ủy ban Mặt trận Tổ quốc tỉnh",)),
            ],
        ),
        lambda: attrs.evolve(
            GOOD,
            assignments=[
                *GOOD.assignments,
                Assignment(id="assignment9", label="4.", bodies=("Ủy ban Mặt trận Tổ quốc tỉnh",)),
            ],
            recipients=[
                *GOOD.recipients,
                Recipient(id="recipient8", name="UBMTTQVN tỉnh", text="- UBMTTQVN tỉnh;"),
            ],
        ),
    ),
    (
        "KH609",
        lambda: recipients(
            ("- Thường trực Tỉnh ủy (b/c);", RecipientPurpose.REPORT),
            ("- TT ĐU-HĐND-UBND-MTTQ xã;", RecipientPurpose.UNSPECIFIED),
            ("- Lưu VT.", RecipientPurpose.ARCHIVE),
        ),
        lambda: recipients(
            ("- Thường trực Tỉnh ủy (b/c);", RecipientPurpose.REPORT),
            ("- Các Sở: XD, TC, KH&CN;", RecipientPurpose.UNSPECIFIED),
            ("- Thường trực HĐND, UBND xã;", RecipientPurpose.UNSPECIFIED),
            ("- Lưu VT.", RecipientPurpose.ARCHIVE),
        ),
    ),
    (
        "KH609",
        lambda: recipients(
            ("- Thường trực Tỉnh ủy (b/c);", RecipientPurpose.REPORT),
            ("- Báo và PTTH tỉnh; các cơ quan báo chí;", RecipientPurpose.UNSPECIFIED),
            ("- Lưu VT.", RecipientPurpose.ARCHIVE),
        ),
        lambda: recipients(
            ("- Thành đoàn Hà Nội; (để b/cáo)", RecipientPurpose.REPORT),
            ("- Lưu VT.", RecipientPurpose.ARCHIVE),
        ),
    ),
    (
        "KH610",
        lambda: attrs.evolve(
            GOOD, recipients=[r for r in GOOD.recipients if "Tỉnh ủy" not in r.name]
        ),
        lambda: attrs.evolve(
            GOOD,
            recipients=[
                Recipient(id="recipient1", name="TT. TU", text="- TT. TU (b/c);"),
                *GOOD.recipients[1:],
            ],
        ),
    ),
]

CASES += [
    (
        "KH301",
        lambda: attrs.evolve(
            GOOD, footnotes=[Footnote(id="footnote1", marker="1", text="Kết luận số 126- KL/TW.")]
        ),
        lambda: attrs.evolve(
            GOOD, footnotes=[Footnote(id="footnote1", marker="1", text="Kết luận số 126-KL/TW.")]
        ),
    ),
    (
        "KH308",
        lambda: text(
            "Thực hiện Kế hoạch số 12-KH/TU ngày 01/3/2025 của Tỉnh ủy.",
            "Thực hiện Kế hoạch 805/KH-UBND ngày 02/3/2025 của UBND tỉnh.",
        ),
        lambda: text(
            "Thực hiện Kế hoạch số 12-KH/TU ngày 01/3/2025 của Tỉnh ủy.",
            "Thực hiện Kế hoạch số 805/KH-UBND ngày 02/3/2025 của UBND tỉnh; Kế hoạch 12-KH/TU.",
        ),
    ),
    (
        "KH507",
        lambda: text("Phát triển giai đoạn 2026 - 2030.", "Mục tiêu giai đoạn 2026 - 2031."),
        lambda: text("Phát triển giai đoạn 2026 - 2030.", "Bầu cử nhiệm kỳ 2026 - 2031."),
    ),
]

SUPERIOR_CASES: list[Case] = [
    ("KH305", lambda: attrs.evolve(SUB, bases=(), preamble=()), lambda: SUB),
    ("KH307", lambda: SUB, lambda: GOOD),
]


def test_the_baseline_plan_is_clean() -> None:
    """The example superior plan has no finding: every case below starts from it."""
    assert validate(GOOD).findings == ()


@pytest.mark.parametrize(("code", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_flags_the_defect_and_not_the_correct_text(
    code: str, bad: Callable[[], Plan], good: Callable[[], Plan]
) -> None:
    assert code in validate(bad()).codes()
    assert code not in validate(good()).codes()


@pytest.mark.parametrize(
    ("code", "bad", "good"), SUPERIOR_CASES, ids=[c[0] for c in SUPERIOR_CASES]
)
def test_superior_rule_flags_and_passes(
    code: str, bad: Callable[[], Plan], good: Callable[[], Plan]
) -> None:
    assert code in validate(bad(), superior=GOOD).codes()
    assert code not in validate(good(), superior=GOOD).codes()
    assert code not in validate(bad()).codes(), "superior rules run only with a superior"


def test_every_rule_has_a_flag_and_a_pass_case() -> None:
    tested = {c[0] for c in CASES + SUPERIOR_CASES}
    assert tested == {r.code for r in rules()}
    assert len(tested) >= 25


def test_numbering_repeat_is_reported() -> None:
    plan = attrs.evolve(
        GOOD,
        sections=[
            SectionHeading(id="s1", part=Part.PURPOSES, label="I.", location=Location(3)),
            SectionHeading(id="s2", part=Part.CONTENT, label="II.", location=Location(9)),
            SectionHeading(id="s3", part=Part.FORMS, label="II.", location=Location(20)),
        ],
    )
    hits = [f for f in validate(plan) if f.code == "KH104"]
    assert [(f.element, f.line) for f in hits] == [("s3", 20)]


def test_empty_parent_phase_with_full_subphases_is_not_empty() -> None:
    parent = Phase(id="phase2", label="2.", heading="Đợt 2", ordinal=2, subphases=[
        Phase(id="phase2.1", label="2.1.", content=[ContentItem(text="x")]),
    ])  # fmt: skip
    plan = attrs.evolve(GOOD, phases=[GOOD.phases[0], parent, GOOD.phases[2]])
    assert "KH102" not in validate(plan).codes()


def test_party_collective_without_marker_is_reported() -> None:
    plan = sig(authority=None, on_behalf_of=None)
    assert "KH601" in validate(plan).codes()
    assert "KH601" not in validate(attrs.evolve(plan, signature=Signature(title="GIÁM ĐỐC",
        signer="A"), issuer="Sở Văn hóa", style=None)).codes()  # fmt: skip


def test_window_from_the_national_congress_to_the_provinces_is_inverted() -> None:
    national, province = (MilestoneEdge(m, Edge.END) for m in ("milestone2", "milestone1"))
    plan = phases({}, {"window": Window(national, province)})
    assert "KH107" in validate(plan).codes()
    assert "KH107" not in validate(phases({}, {"window": Window(province, national)})).codes()


def test_phases_out_of_order_are_not_also_a_numbering_skip() -> None:
    plan = attrs.evolve(GOOD, phases=[GOOD.phases[0], GOOD.phases[2], GOOD.phases[1]])
    codes = validate(plan).codes()
    assert "KH105" in codes
    assert "KH104" not in codes


def test_opening_naming_another_levels_body_as_issuer() -> None:
    opening = "Thực hiện Kế hoạch số 12-KH/TU của Ban Thường vụ Thành ủy về tuyên truyền, "
    bad = [ContentItem(id="preamble/1", text=opening + "Ban Thường vụ Thành ủy ban hành Kế hoạch")]
    good = [ContentItem(id="preamble/1", text=opening + "Đảng ủy xã Liên Minh ban hành Kế hoạch")]
    assert "KH502" in validate(attrs.evolve(GOOD, preamble=bad, **COMMUNE)).codes()
    assert "KH502" not in validate(attrs.evolve(GOOD, preamble=good, **COMMUNE)).codes()


def test_named_national_anniversary_counts_to_the_plans_year() -> None:
    assert "KH504" in validate(text("Kỷ niệm 79 năm Ngày Quốc khánh 2/9.")).codes()
    ok = text(
        "Kỷ niệm 80 năm Ngày Quốc khánh 2/9, 81 năm Ngày Quốc khánh (năm sau), 95 năm Ngày "
        "thành lập Đảng Cộng sản Việt Nam, 92 năm Ngày thành lập Đảng bộ tỉnh, 80 năm Cách "
        "mạng tháng Tám và 79 năm Ngày Quốc khánh (02/9/1945 - 02/9/2024)."
    )
    assert [f.message for f in validate(ok) if f.code == "KH504" and "79" not in f.message] == []


def test_old_tone_marks_and_the_ban_xay_dung_dang() -> None:
    plan = attrs.evolve(sig(authority="K/T"), issuer="TỈNH UỶ", style=None)
    assert "KH601" in validate(plan).codes()
    assert "KH402" not in validate(text("Ban Xây dựng Đảng Đảng uỷ xã.")).codes()
    assert "KH402" in validate(text("Sự lãnh đạo của Đảng Đảng.")).codes()


def test_number_style_falls_back_on_the_motto() -> None:
    plan = attrs.evolve(
        GOOD, issuer="HUYỆN PHONG ĐIỀN", style=NumberStyle.STATE,
        number=DocumentNumber.parse("245-KH/UBND"),
    )  # fmt: skip
    assert "KH206" in validate(plan).codes()
    assert "KH206" not in validate(attrs.evolve(plan, style=NumberStyle.PARTY)).codes()


def test_blanks_in_the_header_and_in_a_citation_are_named() -> None:
    from kehoach_core import read_text

    party = "ĐẢNG BỘ TỈNH KHÁNH HÒA\nĐẢNG ỦY XÃ CÔNG HẢI\n*\nSố -KH/ĐU\n"
    party += "ĐẢNG CỘNG SẢN VIỆT NAM\nCông Hải, ngày tháng 10 năm 2025\n"
    party += "KẾ HOẠCH\nlãnh đạo cuộc bầu cử\n"
    party += "Thực hiện Chỉ thị số - CT/TW ngày /5/2025 của Bộ Chính trị, Ban Thường vụ ban hành:\n"
    party += "I. MỤC ĐÍCH, YÊU CẦU\n- Lãnh đạo tốt cuộc bầu cử.\n"
    found = {f.code: f for f in validate(read_text(party), select=["KH201", "KH202", "KH401"])}
    assert (found["KH201"].line, found["KH201"].column, found["KH201"].text) == (4, 1, "Số -KH/ĐU")
    assert (found["KH202"].line, found["KH202"].column) == (6, 11)
    assert found["KH202"].text == "ngày tháng 10 năm 2025"
    assert found["KH401"].text == "- CT/TW"
    assert "2 chỗ" in found["KH401"].message
