"""The structure stage on the sections of other kinds of plan (DOMAIN.md section 11).

Small plans typed after the headings and shapes seen in State plans of
provinces, election plans, a Fatherland Front plan and web pages: sections the
reader must know by their titles, plans with no phases read fully, phases deep
inside a section, assignments under other titles, requests, and headings the
extraction cut in two. The plans are given as logical lines (one
:class:`SourceLine` per line), so these tests hold whatever the line stage does.
"""

from __future__ import annotations

import pytest
from text_words import is_subsequence, missing, plan_words, words

from kehoach_core import Part, Plan, Role
from kehoach_core._reading.assignments import names_body
from kehoach_core._reading.build import build_plan
from kehoach_core._reading.sections import classify
from kehoach_core._reading.source import SourceDocument, SourceLine
from kehoach_core._reading.zones import cut_zones

HEAD = (
    "KẾ HOẠCH\nTriển khai công tác năm 2026\n-----\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
)


def _plan(text: str) -> Plan:
    rows = text.splitlines()
    return build_plan(
        SourceDocument(lines=[SourceLine(text=t, line=n) for n, t in enumerate(rows, 1)])
    )


def _read(body: str) -> Plan:
    plan = _plan(HEAD + body)
    source = words(HEAD + body)
    held = plan_words(plan)
    assert not missing(source, held), missing(source, held)
    assert is_subsequence(source, held)[0]
    return plan


def _tops(plan: Plan) -> list[tuple[str, Part]]:
    return [(s.title, s.part) for s in plan.sections if s.level == 1]


@pytest.mark.parametrize(
    ("title", "part"),
    [
        ("MỤC ĐÍCH, YÊU CẦU", Part.PURPOSES),
        ("MỤC TIÊU", Part.PURPOSES),
        ("NHIỆM VỤ", Part.CONTENT),
        ("NHIỆM VỤ VÀ GIẢI PHÁP", Part.CONTENT),
        ("NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU", Part.CONTENT),
        ("GIẢI PHÁP THỰC HIỆN", Part.CONTENT),
        ("KINH PHÍ THỰC HIỆN", Part.CONTENT),
        ("KHẨU HIỆU TUYÊN TRUYỀN", Part.CONTENT),
        ("KHEN THƯỞNG", Part.CONTENT),
        ("TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG", Part.CONTENT),
        ("ĐỐI TƯỢNG, PHẠM VI VÀ THỜI GIAN THỰC HIỆN", Part.CONTENT),
        ("HÌNH THỨC TUYÊN TRUYỀN", Part.FORMS),
        ("HÌNH THỨC, THỜI GIAN TUYÊN TRUYỀN", Part.CONTENT),
        ("TỔ CHỨC THỰC HIỆN", Part.ASSIGNMENTS),
        ("PHÂN CÔNG NHIỆM VỤ", Part.ASSIGNMENTS),
        ("THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN", Part.ASSIGNMENTS),
        ("Tổ chức thực hiện:", Part.ASSIGNMENTS),
        ("DỰ BÁO TÁC ĐỘNG VÀ CÁC GIẢI PHÁP TỔ CHỨC THỰC HIỆN KẾ HOẠCH", Part.CONTENT),
        ("TÌNH HÌNH THỰC HIỆN DỰ TOÁN NĂM 2025", None),
    ],
)
def test_section_titles_name_parts(title: str, part: Part | None) -> None:
    """The table of title patterns maps the headings seen in real plans to their parts."""
    assert classify(title) is part


def test_a_plan_with_no_phases_is_read_fully() -> None:
    """Sections of a budget plan, its budget and its slogans: content, never unparsed."""
    plan = _read(
        "I. TÌNH HÌNH THỰC HIỆN DỰ TOÁN NĂM 2025\n"
        "1. Thu ngân sách\n- Tổng thu ước đạt 102% dự toán.\n"
        "Năm 2025, Hội đồng nhân dân tỉnh giao thu 10.000 tỷ đồng.\n"
        "II. KINH PHÍ THỰC HIỆN\n"
        "Kinh phí thực hiện từ nguồn ngân sách tỉnh.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Tham mưu bố trí kinh phí.\n"
        "IV. KHẨU HIỆU TUYÊN TRUYỀN\n1. Nhiệt liệt chào mừng Ngày bầu cử!\n"
        "2. Mỗi lá phiếu là một niềm tin!\n"
    )
    assert not plan.unparsed
    assert [part for _, part in _tops(plan)] == [
        Part.CONTENT,
        Part.CONTENT,
        Part.ASSIGNMENTS,
        Part.CONTENT,
    ]
    standing = [item.text for item in plan.standing_content]
    assert "Tổng thu ước đạt 102% dự toán." in standing
    assert "Kinh phí thực hiện từ nguồn ngân sách tỉnh." in standing
    assert "Nhiệt liệt chào mừng Ngày bầu cử!" in standing
    assert "Mỗi lá phiếu là một niềm tin!" in standing
    assert [a.bodies for a in plan.assignments] == [("Sở Tài chính",)]


def test_text_outside_any_section_stays_unparsed() -> None:
    """A lower-case numbered heading of no known kind at the top is kept as unparsed."""
    plan = _plan(HEAD + "1. MỤC ĐÍCH\n- a.\n2. Tình hình chung\n- b.\n")
    assert [f.text for f in plan.unparsed] == ["2. Tình hình chung", "- b."]


def test_merged_purposes_with_no_split_are_all_purposes() -> None:
    """``MỤC ĐÍCH, YÊU CẦU`` holding statements only: every statement is a purpose."""
    plan = _read(
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Phát huy sức mạnh tổng hợp của cả hệ thống chính trị.\n"
        "2. Đợt thi đua được triển khai sâu rộng, đồng bộ.\n"
        "II. NỘI DUNG ĐỢT THI ĐUA\n1. Thi đua thực hiện thắng lợi nhiệm vụ năm 2025.\n"
    )
    assert [item.text[:9] for item in plan.purposes] == ["Phát huy ", "Đợt thi đ"]
    assert not plan.requirements
    assert not plan.phases  # "Đợt thi đua" names the campaign: no phase
    assert [item.text[:8] for item in plan.standing_content] == ["Thi đua "]


def test_aims_are_purposes_only_without_a_purpose_section() -> None:
    """``I. MỤC TIÊU`` alone holds the purposes; beside ``Mục đích`` the aims are targets."""
    alone = _read(
        "I. MỤC TIÊU\n1. Mục tiêu chung\nQuan trắc môi trường nuôi trồng thủy sản.\n"
        "2. Mục tiêu cụ thể\n- Thực hiện quan trắc tại các vùng nuôi.\n- Cập nhật dữ liệu.\n"
        "II. NỘI DUNG KẾ HOẠCH\n1. Quan trắc\n- Lấy mẫu 01 vị trí.\n"
    )
    assert [item.text[:9] for item in alone.purposes] == ["Quan trắc", "Thực hiện", "Cập nhật "]
    beside = _read(
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\na) Triển khai nghiêm túc Nghị quyết.\n"
        "2. Yêu cầu\na) Bám sát nội dung Nghị quyết.\n3. Mục tiêu\n"
        "3.1. Mục tiêu tổng quát\nPhát huy sức mạnh tổng hợp của toàn dân.\n"
        "4. Các chỉ tiêu cụ thể đến năm 2030\na) Hằng năm, giảm số người nghiện.\n"
        "II. MỤC TIÊU\n1. Giảm tỷ lệ hộ nghèo.\n"
    )
    assert [item.text[:9] for item in beside.purposes] == ["Triển kha"]
    assert [item.text[:9] for item in beside.requirements] == ["Bám sát n"]
    assert [item.text[:9] for item in beside.standing_content] == [
        "Phát huy ",
        "Hằng năm,",
        "Giảm tỷ l",
    ]
    assert _tops(beside)[1] == ("MỤC TIÊU", Part.CONTENT)


def test_tasks_and_solutions_are_content() -> None:
    """``NHIỆM VỤ VÀ GIẢI PHÁP`` and ``GIẢI PHÁP THỰC HIỆN``: their items are standing content."""
    plan = _read(
        "I. MỤC ĐÍCH, YÊU CẦU\n- Nâng cao nhận thức.\n"
        "II. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Hoàn thiện thể chế\n- Rà soát văn bản.\n"
        "2. Phát triển hạ tầng số\n- Phủ sóng 5G.\n"
        "III. GIẢI PHÁP THỰC HIỆN\n1. Tăng cường sự lãnh đạo của cấp ủy.\n"
        "2. Đẩy mạnh công tác tuyên truyền.\n"
    )
    assert not plan.unparsed
    assert [item.text for item in plan.standing_content] == [
        "Rà soát văn bản.",
        "Phủ sóng 5G.",
        "Tăng cường sự lãnh đạo của cấp ủy.",
        "Đẩy mạnh công tác tuyên truyền.",
    ]


def test_time_and_responsibility_section() -> None:
    """``THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN``: timing kept as notes, bulleted bodies assigned."""
    plan = _read(
        "I. MỤC ĐÍCH, YÊU CẦU\n- Khơi dậy khí thế thi đua.\n"
        "V. THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN\n1. Thời gian thực hiện\n"
        "Đợt thi đua được triển khai từ ngày ban hành Kế hoạch đến khi kết thúc Đại hội.\n"
        "2. Trách nhiệm thực hiện\n"
        "- Các cơ quan, đơn vị căn cứ Kế hoạch này phát động Đợt thi đua.\n"
        "- Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính trị - xã hội phát huy "
        "vai trò giám sát.\n"
        "- Sở Nội vụ hướng dẫn khen thưởng Đợt thi đua.\n"
        "- Sở Văn hóa, Thể thao và Du lịch phối hợp với các cơ quan báo chí tuyên truyền.\n"
    )
    assert not plan.phases
    levels = [(s.level, s.part) for s in plan.sections if s.part is not Part.PURPOSES]
    assert levels == [(1, Part.ASSIGNMENTS), (2, Part.CONTENT), (2, Part.ASSIGNMENTS)]
    assert any(n.text.startswith("Đợt thi đua được triển khai") for n in plan.notes)
    got = [(a.bodies, a.role) for a in plan.assignments]
    assert got == [
        (("Các cơ quan, đơn vị",), Role.IMPLEMENT),
        (("Ủy ban Mặt trận Tổ quốc tỉnh", "các tổ chức chính trị - xã hội"), Role.REQUESTED),
        (("Sở Nội vụ",), Role.IMPLEMENT),
        (("Sở Văn hóa, Thể thao và Du lịch",), Role.COORDINATE),
    ]
    assert plan.assignments[2].tasks[0].text.startswith("hướng dẫn khen thưởng")


def test_assignment_sections_under_other_titles() -> None:
    """``PHÂN CÔNG NHIỆM VỤ``: bodies, office-holders, requests, and *Giao* left off the name."""
    plan = _read(
        "I. MỤC ĐÍCH, YÊU CẦU\n- Bảo vệ bí mật nhà nước.\n"
        "II. PHÂN CÔNG NHIỆM VỤ\n1. Công an tỉnh\n- Chủ trì, phối hợp với các sở tham mưu.\n"
        "2. Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban: Phụ trách chung, "
        "chịu trách nhiệm trước Ủy ban bầu cử.\n"
        "3. Đề nghị Chi cục Hải quan khu vực XIX\na) Tăng cường kiểm soát.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Giao Công an tỉnh chủ trì, phối hợp với Văn phòng UBND tỉnh theo dõi, đôn đốc.\n"
    )
    got = [(a.bodies, a.role) for a in plan.assignments]
    assert got == [
        (("Công an tỉnh",), Role.LEAD),
        (("Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban",), Role.IMPLEMENT),
        (("Chi cục Hải quan khu vực XIX",), Role.REQUESTED),
        (("Công an tỉnh",), Role.LEAD),
    ]
    assert plan.assignments[1].tasks[0].text.startswith("Phụ trách chung")


def test_lettered_tasks_are_not_nested_bodies() -> None:
    """``a) Chủ trì, phối hợp ...`` is a task of the body above; ``a) Các phòng ...`` nests."""
    plan = _read(
        "I. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\na) Chủ trì, phối hợp với các sở triển khai, kiểm tra\n"
        "b) Tổ chức huy động nguồn lực xã hội hóa để khen thưởng;\n"
        "2. Sở Văn hóa, Thể thao và Du lịch\na) Các phòng chuyên môn:\n- Tham mưu tổ chức.\n"
    )
    first, second = plan.assignments
    assert not first.children
    assert [t.label for t in first.tasks] == ["a)", "b)"]
    assert first.role is Role.LEAD
    assert [child.bodies for child in second.children] == [("Các phòng chuyên môn",)]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Sở Tài chính", True),
        ("Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh", True),
        ("Giao Công an tỉnh chủ trì", True),
        ("Đồng chí Phó Trưởng ban - Ủy viên", True),
        ("Các sở, ban, ngành thành phố", True),
        ("Các nội dung dưới đây được triển khai", False),
        ("Tổ chức tiếp công dân", False),
        ("Ban hành Kế hoạch tiếp công dân", False),
        ("Phòng, chống ma túy", False),
        ("Chủ trì, phối hợp với Sở Nội vụ", False),
    ],
)
def test_names_body(text: str, named: bool) -> None:
    """A body or an office-holder opens the text; a verb or a common noun does not."""
    assert names_body(text) is named


def test_phases_nested_under_a_numbered_item() -> None:
    """``2.1. Đợt 1`` under ``2. Nội dung ... theo thời gian`` of a section: phases."""
    plan = _read(
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Tuyên truyền sâu rộng.\n"
        "II. LỘ TRÌNH THỰC HIỆN VÀ NỘI DUNG TUYÊN TRUYỀN\n"
        "1. Nội dung tuyên truyền xuyên suốt\n- Tuyên truyền ý nghĩa cuộc bầu cử.\n"
        "2. Nội dung tuyên truyền trọng tâm theo thời gian\n"
        "2.1. Đợt 1: Trong tháng 12/2025\n- Tuyên truyền Chỉ thị.\n- Tuyên truyền hoạt động.\n"
        "2.2. Đợt 2: Từ tháng 01 đến ngày bầu cử 15/3/2026\n- Tập trung tuyên truyền.\n"
    )
    assert [(p.label, p.ordinal, len(p.content)) for p in plan.phases] == [
        ("2.1.", 1, 2),
        ("2.2.", 2, 1),
    ]
    assert [item.text for item in plan.standing_content] == ["Tuyên truyền ý nghĩa cuộc bầu cử."]


def test_phases_as_items_deep_inside_a_section() -> None:
    """``- Đợt 01 dự kiến: ...`` under ``a) Thời gian thi đua chia thành 02 đợt:``."""
    plan = _read(
        "I. MỤC ĐÍCH, YÊU CẦU\n- Đẩy mạnh chi trả không dùng tiền mặt.\n"
        "II. ĐỐI TƯỢNG VÀ THỜI GIAN THI ĐUA\n1. Đối tượng thi đua\n- Ủy ban nhân dân xã.\n"
        "2. Thời gian thi đua\na) Thời gian thi đua chia thành 02 đợt:\n"
        "- Đợt 01 dự kiến: Cao điểm tập trung trong 10 ngày làm việc (từ ngày 20/11/2025 "
        "đến ngày 03/12/2025).\n"
        "- Đợt 02 dự kiến: Thực hiện vét trong 03 ngày làm việc (từ ngày 08/12/2025 đến "
        "ngày 10/12/2025).\n"
        "b) Thời gian kiểm tra và đánh giá kết quả trước ngày 31/12/2025.\n"
    )
    assert [(p.label, p.ordinal) for p in plan.phases] == [("Đợt 01", 1), ("Đợt 02", 2)]
    assert plan.phases[0].heading.startswith("Cao điểm tập trung")
    window = plan.phases[0].window
    assert window is not None
    assert window.text.startswith("từ ngày 20/11/2025")
    assert any(n.text == "Đợt 01 dự kiến" for n in plan.notes)
    standing = [item.text for item in plan.standing_content]
    assert standing[-1].startswith("Thời gian kiểm tra và đánh giá")


def test_spans_and_durations_are_no_phases() -> None:
    """``Giai đoạn 48-72 giờ`` is a step of a relief plan, not phase 48."""
    plan = _read(
        "I. NỘI DUNG\n1. Phương án tổ chức cấp phát\n- Giai đoạn 48-72 giờ: Tổ chức bếp ăn.\n"
        "- Giai đoạn 10 ngày đầu: Hỗ trợ gạo.\n"
    )
    assert not plan.phases


def test_award_forms_are_not_propaganda_forms() -> None:
    """``Hình thức khen thưởng`` lists awards: content, not a channel of propaganda."""
    plan = _read(
        "I. NỘI DUNG, HÌNH THỨC\n1. Nội dung\n- Tuyên truyền.\n2. Hình thức khen thưởng\n"
        "- Bằng khen của Chủ tịch UBND tỉnh;\n- Giấy khen.\n3. Hình thức\n- Treo băng rôn.\n"
    )
    assert [form.title for form in plan.forms] == ["Treo băng rôn."]
    assert "Giấy khen." in [item.text for item in plan.standing_content]


def test_headings_cut_in_two_are_mended() -> None:
    """A label alone on its line, or a heading cut short, is joined with its end."""
    plan = _read(
        "I.\nMỤC ĐÍCH, YÊU CẦU\n- Nâng cao nhận thức.\n"
        "II. PHÂN CÔNG NHIỆM VỤ\n1.\nCông an thành phố\na) Tham mưu tổ chức thực hiện.\n"
        "2. Sở\nTài chính\na) Bố trí kinh phí.\n"
        "3. Đề nghị Ủy ban Mặt trận\nTổ quốc Việt Nam thành phố\n- Đẩy mạnh vận động.\n"
    )
    assert _tops(plan) == [
        ("MỤC ĐÍCH, YÊU CẦU", Part.PURPOSES),
        ("PHÂN CÔNG NHIỆM VỤ", Part.ASSIGNMENTS),
    ]
    assert [a.bodies for a in plan.assignments] == [
        ("Công an thành phố",),
        ("Sở Tài chính",),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",),
    ]
    where = plan.assignments[1].location
    assert where is not None
    assert (where.line, where.end_line) == (12, 13)


def test_a_heading_followed_by_its_first_paragraph_is_not_joined() -> None:
    """``1. Mục tiêu chung`` then a closed sentence: two lines, as printed."""
    lines = [
        SourceLine(text=t, line=n)
        for n, t in enumerate(
            [
                "KẾ HOẠCH",
                "X",
                "I. MỤC TIÊU",
                "1. Mục tiêu chung",
                "Quan trắc môi trường.",
                "2. Hoạt động cấp xã",
                "- Thăm tặng quà.",
            ],
            1,
        )
    ]
    body = [line.text for line in cut_zones(lines).body]
    assert body == lines_text(lines[2:])


def lines_text(lines: list[SourceLine]) -> list[str]:
    """The texts of ``lines``."""
    return [line.text for line in lines]


def test_bodies_after_a_lead_in_and_in_lists() -> None:
    """``Căn cứ kế hoạch này, Giám đốc ...``; companies; ``tổ chức`` listed among bodies."""
    plan = _read(
        "I. TỔ CHỨC THỰC HIỆN\n"
        "1. Căn cứ kế hoạch này, Giám đốc các Sở, Thủ trưởng các ngành, UBND các xã, phường "
        "xây dựng kế hoạch cụ thể để triển khai thực hiện.\n"
        "2. Đề nghị Công ty Điện lực tỉnh: Khẩn trương khắc phục sự cố lưới điện.\n"
        "3. Doanh nghiệp, cộng đồng, tổ chức, cá nhân: Quan tâm, đăng ký hỗ trợ.\n"
    )
    got = [(a.bodies, a.role) for a in plan.assignments]
    assert got == [
        (("Giám đốc các Sở", "Thủ trưởng các ngành", "UBND các xã, phường"), Role.IMPLEMENT),
        (("Công ty Điện lực tỉnh",), Role.REQUESTED),
        (("Doanh nghiệp, cộng đồng, tổ chức, cá nhân",), Role.IMPLEMENT),
    ]
    assert plan.assignments[0].heading.startswith("Căn cứ kế hoạch này")
    assert [t.text for t in plan.assignments[2].tasks] == ["Quan tâm, đăng ký hỗ trợ."]
