"""Expected values for the plans in ``plans/``: written by reading each fixture.

The fixtures are plans nobody had shown the reader: a State plan of a provincial
department, a provincial Party plan with its header intact, a ward plan with
Roman phase numbers and bullet sub-phases, a district plan with footnotes, and
a grassroots plan whose recipients and signature are interleaved. Every value
below was typed from the fixture as printed (never pasted from the reader).

Windows name milestones by (level, ordinal, edge); items by their first words.
``header`` gives the two columns of the header as a docx table would hold them.
"""

from __future__ import annotations

import datetime as dt

from kehoach_core import FormKind, RecipientPurpose, Role

D = dt.date
R = RecipientPurpose

LAI_CHAU = {
    "file": "so-vhttdl-lai-chau-2025.txt",
    "issuer": "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
    "superior": "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU",
    "number": "805/KH-SVHTTDL",
    "place": "Lai Châu",
    "issued_on": D(2025, 8, 5),
    "style": "state",
    "title": "Tuyên truyền Đại hội đại biểu Đảng bộ tỉnh Lai Châu lần thứ XV, nhiệm kỳ 2025 - 2030 "
    "và Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
    "header": (
        ["ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Số: 805/KH-SVHTTDL"],
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Lai Châu, ngày 05 tháng 8 năm 2025",
        ],
    ),
    "preamble": [
        "Căn cứ Luật",
        "Căn cứ Nghị quyết",
        "Căn cứ Kế hoạch",
        "Căn cứ Công văn",
        "Sở Văn",
    ],
    "bases": [
        ("Luật", "06/2022/QH15", D(2022, 6, 15)),
        ("Nghị quyết", "98/NQ-CP", D(2021, 8, 30)),
        ("Kế hoạch", "25-KH/BTGDVTU", D(2025, 6, 20)),
        ("Công văn", "1520/UBND-VX", D(2025, 7, 28)),
    ],
    "sections": [
        ("I.", "MỤC ĐÍCH, YÊU CẦU"),
        ("II.", "NỘI DUNG TUYÊN TRUYỀN"),
        ("III.", "HÌNH THỨC TUYÊN TRUYỀN"),
        ("IV.", "TỔ CHỨC THỰC HIỆN"),
    ],
    "purposes": ["Tuyên truyền sâu rộng trong cán bộ", "Tạo không khí phấn khởi"],
    "requirements": ["Công tác tuyên truyền bảo đảm", "Các phòng, đơn vị thuộc Sở"],
    "phases": [],
    "windows": {},
    # label, first words, labels of the children
    "standing": [
        ("1.", "Tuyên truyền ý nghĩa", []),
        ("2.", "Tuyên truyền các phong trào", []),
        ("3.", "Tuyên truyền kỷ niệm các ngày lễ lớn", ["a)", "b)"]),
        ("4.", "Đấu tranh, phản bác", []),
    ],
    # label, kind, first words of the title, first words of the items
    "forms": [
        ("1.", FormKind.MASS_MEDIA, "Tuyên truyền trên báo chí", []),
        ("2.", FormKind.INTERNET, "Tuyên truyền trên Cổng thông tin", []),
        ("3.", FormKind.VISUAL, "Tuyên truyền cổ động trực quan", ["Treo cờ Đảng"]),
        ("4.", FormKind.CULTURE, "Tổ chức các hoạt động văn hóa", []),
    ],
    # bodies, role, number of tasks, nested assignments (same shape)
    "assignments": [
        (["Phòng Quản lý Văn hóa"], Role.LEAD, 2, []),
        (
            ["Các đơn vị sự nghiệp trực thuộc Sở"],
            Role.IMPLEMENT,
            0,
            [
                (["Trung tâm Văn hóa - Điện ảnh tỉnh"], Role.IMPLEMENT, 1, []),
                (["Thư viện tỉnh", "Bảo tàng tỉnh"], Role.IMPLEMENT, 1, []),
            ],
        ),
        (["Văn phòng Sở"], Role.IMPLEMENT, 1, []),
        (["UBND các huyện, thành phố"], Role.REQUESTED, 1, []),
    ],
    "closing": ["Trên đây là Kế hoạch tuyên truyền"],
    "recipients": [
        ("Như Mục IV", R.IMPLEMENT),
        ("UBND tỉnh", R.REPORT),
        ("Ban Tuyên giáo và Dân vận Tỉnh ủy", R.REPORT),
        ("Giám đốc, các Phó Giám đốc Sở", R.UNSPECIFIED),
        ("Lưu: VT, QLVH", R.ARCHIVE),
    ],
    "signature": ("KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Hoa"),
    "digital": None,
    "milestones": {("province", 15), ("province", 14), ("national", 14)},
    "anniversaries": [
        (80, D(1945, 8, 19), D(2025, 8, 19)),
        (80, D(1945, 9, 2), D(2025, 9, 2)),
        (75, D(1950, 10, 28), D(2025, 10, 28)),
    ],
    "footnotes": [],
    # text kept as printed, defects included
    "kept": ["trước ngày …/…/2025", "phối hợp thực hiện thực hiện các nội dung"],
}

DIEN_BIEN = {
    "file": "btgdv-tinh-uy-dien-bien-2025.txt",
    "issuer": "BAN TUYÊN GIÁO VÀ DÂN VẬN",
    "superior": "TỈNH ỦY ĐIỆN BIÊN",
    "number": "25-KH/BTGDVTU",
    "place": "Điện Biên",
    "issued_on": D(2025, 6, 20),
    "style": "party",
    "title": "tuyên truyền đại hội đảng bộ các cấp, Đại hội đại biểu Đảng bộ tỉnh lần thứ XV, tiến "
    "tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
    "header": (
        ["TỈNH ỦY ĐIỆN BIÊN", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*", "Số 25-KH/BTGDVTU"],
        ["ĐẢNG CỘNG SẢN VIỆT NAM", "Điện Biên, ngày 20 tháng 6 năm 2025"],
    ),
    "preamble": ["Thực hiện Chỉ thị"],
    "bases": [
        ("Chỉ thị", "45-CT/TW", D(2025, 4, 14)),
        ("Kế hoạch", "10-KH/TU", D(2025, 5, 2)),
    ],
    "sections": [
        ("I-", "MỤC ĐÍCH, YÊU CẦU"),
        ("II-", "NỘI DUNG TUYÊN TRUYỀN"),
        ("III-", "HÌNH THỨC TUYÊN TRUYỀN"),
        ("IV-", "TỔ CHỨC THỰC HIỆN"),
    ],
    "purposes": ["Tạo sự thống nhất"],
    "requirements": ["Bảo đảm đúng định hướng"],
    # label, ordinal, number of items, first words of first and last item, sub-phases
    "phases": [
        ("2.1.", 1, 3, "Tuyên truyền kết quả đại hội", "Đặc biệt, trong thời gian", []),
        ("2.2.", 2, 2, "Tuyên truyền các dự thảo", "Tuyên truyền không khí", []),
        ("2.3.", 3, 1, "Tuyên truyền kết quả Đại hội XIV", "Tuyên truyền kết quả", []),
    ],
    "windows": {
        "phase1": (("date", D(2025, 7, 1)), ("date", D(2025, 9, 30))),
        "phase2": (("date", D(2025, 10, 1)), ("date", D(2026, 1, 31))),
        "phase3": (("national", 14, "end"), ("open",)),
    },
    "standing": [
        ("-", "Lịch sử vẻ vang", []),
        ("-", "Những thành tựu nổi bật", []),
        ("-", "Đấu tranh, phản bác", []),
    ],
    "forms": [
        ("a)", FormKind.MASS_MEDIA, "Tuyên truyền trên báo chí", []),
        ("b)", FormKind.INTERNET, "Tuyên truyền trên internet", []),
        ("c)", FormKind.ORAL, "Tuyên truyền miệng", []),
        ("d)", FormKind.VISUAL, "Tuyên truyền cổ động trực quan", []),
        ("đ)", FormKind.PUBLICATION, "Biên soạn, phát hành", []),
    ],
    "assignments": [
        (["Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy"], Role.IMPLEMENT, 1, []),
        (["Báo Điện Biên Phủ", "Đài Phát thanh và Truyền hình tỉnh"], Role.IMPLEMENT, 1, []),
        (["Sở Văn hóa, Thể thao và Du lịch"], Role.LEAD, 1, []),
        (
            ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"],
            Role.REQUESTED,
            1,
            [],
        ),
    ],
    "closing": ["Đề nghị các cơ quan, đơn vị triển khai"],
    "recipients": [
        ("Thường trực Tỉnh ủy", R.REPORT),
        ("Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy", R.REPORT),
        ("Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", R.UNSPECIFIED),
        ("Báo Điện Biên Phủ, Đài PT-TH tỉnh", R.IMPLEMENT),
        ("Lưu Văn phòng Ban", R.ARCHIVE),
    ],
    "signature": ("K/T", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Lò Văn Mừng"),
    "digital": None,
    "milestones": {("province", 15), ("province", 14), ("national", 14)},
    "anniversaries": [(71, D(1954, 5, 7), D(2025, 5, 7))],
    "footnotes": [],
    "kept": [],
}

THUY_XUAN = {
    "file": "phuong-thuy-xuan-hue-2025.txt",
    "issuer": "ĐẢNG ỦY PHƯỜNG THỦY XUÂN",
    "superior": "ĐẢNG BỘ THÀNH PHỐ HUẾ",
    "number": "15-KH/ĐU",
    "place": "Thủy Xuân",
    "issued_on": D(2025, 7, 18),
    "style": "party",
    # the title opens with a word that also opens preambles ("Triển khai")
    "title": "Triển khai công tác tuyên truyền Đại hội đại biểu Đảng bộ phường Thủy Xuân lần thứ "
    "I, nhiệm kỳ 2025 - 2030",
    "header": (
        ["ĐẢNG BỘ THÀNH PHỐ HUẾ", "ĐẢNG ỦY PHƯỜNG THỦY XUÂN", "*", "Số 15-KH/ĐU"],
        ["ĐẢNG CỘNG SẢN VIỆT NAM", "Thủy Xuân, ngày 18 tháng 7 năm 2025"],
    ),
    "preamble": ["Căn cứ Kế hoạch"],
    "bases": [("Kế hoạch", "42-KH/TU", D(2025, 6, 30))],
    "sections": [
        ("I.", "MỤC ĐÍCH, YÊU CẦU:"),
        ("II.", "Nội dung, thời gian tuyên truyền:"),
        ("III.", "Hình thức tuyên truyền:"),
        ("IV.", "Tổ chức thực hiện:"),
    ],
    "purposes": ["Tuyên truyền để cán bộ", "Công tác tuyên truyền phải"],
    "requirements": [],
    "phases": [
        (
            "1.",
            1,
            1,
            "Tuyên truyền chung trong toàn đợt",
            "Tuyên truyền chung trong toàn đợt",
            [("1.1.", 2, "Công bố dự thảo"), ("1.2.", 1, "Thông tin kịp thời")],
        ),
        (
            "2.",
            2,
            0,
            None,
            None,
            [("-", 2, "Tuyên truyền các dự thảo"), ("-", 1, "Tuyên truyền các hoạt động")],
        ),
        ("3.", 3, 1, "Tuyên truyền kết quả Đại hội XIV", "Tuyên truyền kết quả", []),
    ],
    "phase_items": {"phase1": [["+", "+"]]},  # labels of the children of each item
    "windows": {
        "phase1": (("issue",), ("commune", 1, "end")),
        "phase1.1": (("issue",), ("commune", 1, "start")),
        "phase1.2": (("commune", 1, "start"), ("commune", 1, "end")),
        "phase2": (("province", 17, "end"), ("national", 14, "end")),
        "phase2.1": (("province", 17, "end"), ("national", 14, "start")),
        "phase2.2": (("national", 14, "start"), ("national", 14, "end")),
        "phase3": (("national", 14, "end"), ("open",)),
    },
    "standing": [],
    "forms": [
        ("1.", FormKind.MASS_MEDIA, "Tuyên truyền trên hệ thống truyền thanh", []),
        ("2.", FormKind.ORAL, "Tuyên truyền miệng", []),
    ],
    "assignments": [
        (["Ban Xây dựng Đảng Đảng ủy phường"], Role.ADVISE, 1, []),
        (
            ["Ủy ban Mặt trận Tổ quốc Việt Nam phường", "các đoàn thể chính trị - xã hội phường"],
            Role.IMPLEMENT,
            1,
            [],
        ),
        (["Các chi bộ trực thuộc"], Role.IMPLEMENT, 1, []),
    ],
    "closing": [],
    "recipients": [
        ("Ban Thường vụ Thành ủy", R.REPORT),
        ("Ban Tuyên giáo và Dân vận Thành ủy", R.REPORT),
        ("Các chi bộ trực thuộc", R.IMPLEMENT),
        ("Lưu Văn phòng Đảng ủy", R.ARCHIVE),
    ],
    "signature": ("T/M", "BAN THƯỜNG VỤ", "BÍ THƯ", "Trần Quang Minh"),
    "digital": None,
    "milestones": {("commune", 1), ("province", 17), ("national", 14)},
    "anniversaries": [],
    "footnotes": [],
    "kept": ["họp tổ dân phố, các các buổi sinh hoạt"],
}

QUANG_DIEN = {
    "file": "huyen-quang-dien-2024.txt",
    "issuer": "Ban Thường vụ Huyện ủy",  # stated in the preamble; the header was lost
    "superior": None,
    "number": None,
    "place": None,
    "issued_on": None,
    "style": "party",  # signed T/M BAN THƯỜNG VỤ
    "title": "tuyên truyền Đại hội đại biểu Đảng bộ huyện Quảng Điền lần thứ XVI, nhiệm kỳ 2025 - "
    "2030",
    "header": None,
    "preamble": ["Thực hiện Kế hoạch"],
    "bases": [
        ("Kế hoạch", "141-KH/BTGTU", D(2024, 10, 31)),
        ("Hướng dẫn", "20-HD/BTGHU", D(2024, 11, 15)),
    ],
    "sections": [
        ("I-", "MỤC ĐÍCH, YÊU CẦU"),
        ("II-", "NỘI DUNG TUYÊN TRUYỀN"),
        ("III-", "HÌNH THỨC TUYÊN TRUYỀN"),
        ("IV-", "TỔ CHỨC THỰC HIỆN"),
    ],
    "purposes": ["Tuyên truyền sâu rộng"],
    "requirements": ["Tuyên truyền bảo đảm đúng định hướng"],
    "phases": [
        ("1.", 1, 2, "Tập trung tuyên truyền các nội dung", "Tuyên truyền các phong trào", []),
        ("2.", 2, 1, "Tuyên truyền kết quả Đại hội", "Tuyên truyền kết quả Đại hội", []),
    ],
    "phase_items": {"phase1": [["(1)", "(2)", "(3)"], []]},
    "windows": {
        "phase1": (("issue",), ("district", 16, "end")),
        "phase2": (("district", 16, "end"), ("open",)),
    },
    "standing": [],
    "forms": [
        ("1.", FormKind.MASS_MEDIA, "Tuyên truyền qua hệ thống truyền thanh", []),
        ("2.", FormKind.VISUAL, "Tuyên truyền cổ động trực quan", []),
    ],
    "assignments": [
        (["Ban Tuyên giáo Huyện ủy"], Role.LEAD, 1, []),
        (["Các tổ chức cơ sở đảng"], Role.IMPLEMENT, 1, []),
    ],
    "closing": ["Trên đây là Kế hoạch tuyên truyền"],
    "recipients": [
        ("Ban Tuyên giáo Tỉnh ủy", R.REPORT),
        ("Thường trực Huyện ủy", R.REPORT),
        ("Các tổ chức cơ sở đảng", R.UNSPECIFIED),
        ("Lưu Văn phòng Huyện ủy", R.ARCHIVE),
    ],
    "signature": ("T/M", "BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn Hùng"),
    "digital": None,
    "milestones": {("district", 16), ("district", 15), ("national", 14)},
    "anniversaries": [],
    # marker, text, where the marker sits ("preamble" / "requirements"), first words of the
    # footnote's first and last physical line (to locate them in the fixture)
    "footnotes": [
        (
            "1",
            "Nay là Ban Tuyên giáo và Dân vận Huyện ủy, theo quyết định của Ban Thường vụ Tỉnh ủy "
            "về việc hợp nhất các cơ quan tham mưu của cấp ủy.",
            "preamble",
            ("1 Nay là", "các cơ quan tham mưu"),
        ),
        (
            "2",
            "Quy định số 99-QĐ/TW ngày 27/02/2023 của Ban Bí thư về cờ Đảng Cộng sản Việt Nam và "
            "việc sử dụng cờ Đảng.",
            "requirements",
            ("2 Quy định", "2 Quy định"),
        ),
    ],
    "kept": ["Ban Bí thư2."],
}

NA_BO = {
    "file": "chi-bo-na-bo-2025.txt",
    "issuer": "CHI BỘ THÔN NÀ BÓ",
    "superior": "ĐẢNG BỘ XÃ TÂN LẬP",
    "number": "03-KH/CB",
    "place": "Tân Lập",
    "issued_on": D(2025, 3, 12),
    "style": "party",
    "title": "Tuyên truyền Đại hội Chi bộ thôn Nà Bó nhiệm kỳ 2025 - 2027",
    "header": (
        ["ĐẢNG BỘ XÃ TÂN LẬP", "CHI BỘ THÔN NÀ BÓ", "*", "Số 03-KH/CB"],
        ["ĐẢNG CỘNG SẢN VIỆT NAM", "Tân Lập, ngày 12 tháng 3 năm 2025"],
    ),
    "preamble": ["Thực hiện Kế hoạch"],
    "bases": [("Kế hoạch", "08-KH/ĐU", D(2025, 2, 20))],
    "sections": [
        ("I.", "MỤC ĐÍCH, YÊU CẦU"),
        ("II.", "NỘI DUNG, HÌNH THỨC"),
        ("III.", "TỔ CHỨC THỰC HIỆN"),
    ],
    "purposes": ["Tuyên truyền để đảng viên"],
    "requirements": [],
    "phases": [],
    "windows": {},
    "standing": [("-", "Kết quả thực hiện Nghị quyết", []), ("-", "Phương hướng, nhiệm vụ", [])],
    "forms": [
        ("-", FormKind.MASS_MEDIA, "Tuyên truyền trên loa truyền thanh", []),
        ("-", FormKind.VISUAL, "Treo băng rôn", []),
    ],
    "assignments": [
        (["Đồng chí Bí thư Chi bộ"], Role.IMPLEMENT, 1, []),
        (
            ["Ban công tác Mặt trận", "Chi hội Phụ nữ", "Chi đoàn Thanh niên thôn"],
            Role.IMPLEMENT,
            1,
            [],
        ),
    ],
    "closing": [],
    "recipients": [
        ("Đảng ủy xã", R.REPORT),
        ("Các đảng viên trong Chi bộ", R.IMPLEMENT),
        ("Lưu Chi bộ", R.ARCHIVE),
    ],
    "signature": ("T/M", "CHI BỘ", "BÍ THƯ", "Hoàng Văn Sáng"),
    "digital": (
        dt.datetime(2025, 3, 12, 16, 5, 31, tzinfo=dt.timezone(dt.timedelta(hours=7))),
        "Tân Lập, Lạng Sơn",
        "Hoàng Văn Sáng",
        "hvsang.tanlap@langson.gov.vn",
    ),
    "milestones": set(),
    "anniversaries": [],
    "footnotes": [],
    "kept": [],
}

PLANS = [LAI_CHAU, DIEN_BIEN, THUY_XUAN, QUANG_DIEN, NA_BO]
