"""Expected values for the corpus plans, written by reading the texts in ../shared/corpus.

Each entry was typed from the plan as printed, not from the reader's output.
Phase windows name milestones by (level, ordinal); items by their first words.
"""

from __future__ import annotations

import datetime as dt

from kehoach_core import FormKind, RecipientPurpose, Role

D = dt.date

KIEN_MOC = {
    "file": "xa-kien-moc-lang-son-2025.txt",
    "issuer": "Đảng ủy xã Kiên Mộc",  # stated in the preamble; the header was lost
    "number": None,
    "issued_on": None,
    "style": "party",  # signed T/M BAN THƯỜNG VỤ
    "title": "Tuyên truyền đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV "
    "của Đảng",
    "bases": [
        ("Công văn", "10-CV/TBTT", D(2025, 7, 3)),
        ("Kế hoạch", "06-KH/TBTT", D(2025, 5, 16)),
        ("Hướng dẫn", "11-HD/BTGDVTU", D(2025, 5, 27)),
    ],
    "purposes": ["Tuyên truyền sâu rộng", "Thông qua tuyên truyền"],
    "requirements": ["Công tác tuyên truyền trước", "Các hoạt động tuyên truyền"],
    "phases": [
        # label, ordinal, number of items, first words of first and last item, sub-phases
        ("1.", 1, 9, "Tuyên truyền về ý nghĩa", "Những kết quả nổi bật", []),
        (
            "2.",
            2,
            0,
            None,
            None,
            [("2.1.", 7, "Tuyên truyền thành công Đại hội"), ("2.2.", 1, "Tập trung tuyên truyền")],
        ),
        ("3.", 3, 2, "Tuyên truyền các hoạt động", "Chủ động đấu tranh", []),
    ],
    "windows": {
        "phase1": (("issue",), ("province", 18, "end")),
        "phase2": (("province", 18, "end"), ("national", 14, "start")),
        "phase2.1": (("province", 18, "end"), ("national", 14, "start")),
        "phase2.2": (("national", 14, "start"), ("national", 14, "end")),
        "phase3": (("national", 14, "end"), ("open",)),
    },
    "standing": 0,
    "forms": [
        (FormKind.ORAL, "Tổ chức các hội nghị nội bộ"),
        (FormKind.MASS_MEDIA, "Tuyên truyền qua hệ thống loa"),
        (FormKind.CULTURE, "Tuyên truyền qua hoạt động văn hóa"),
    ],
    "form_also": [set(), {FormKind.VISUAL, FormKind.ORAL}, {FormKind.EMULATION, FormKind.INTERNET}],
    "assignments": [
        (["Ban Xây dựng Đảng"], Role.ADVISE, 3),
        (["Các chi bộ trực thuộc Đảng uỷ"], Role.IMPLEMENT, 3),
        (["Mặt trận Tổ quốc", "các tổ chức chính trị - xã hội xã"], Role.IMPLEMENT, 3),
        (["Ủy ban nhân dân xã"], Role.IMPLEMENT, 1),
    ],
    "closing": ["Đề nghị các đơn vị"],
    "recipients": [
        ("Ban Tuyên giáo Tỉnh ủy và Dân vận TU", RecipientPurpose.REPORT),
        ("Thường trực Đảng uỷ", RecipientPurpose.REPORT),
        ("Các cơ quan tham mưu giúp việc ĐU", RecipientPurpose.UNSPECIFIED),
        ("Ủy ban nhân dân xã", RecipientPurpose.UNSPECIFIED),
        ("Các chi bộ trực thuộc Đảng ủy", RecipientPurpose.UNSPECIFIED),
        ("MTTQ, các tổ chức chính trị – xã hội xã", RecipientPurpose.UNSPECIFIED),
        ("Lưu Văn phòng Đảng ủy", RecipientPurpose.ARCHIVE),
    ],
    "signature": ("T/M", "BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Nông Đức Vượng"),
    "signed_at": None,
    "anniversaries": [(92, D(1933, 6, 15), D(2025, 6, 15)), (80, D(1945, 9, 2), D(2025, 9, 2))],
}

CAI_RANG = {
    "file": "quan-cai-rang-can-tho-2024.txt",
    "issuer": "Ban Thường vụ Quận ủy",
    "number": None,
    "issued_on": None,
    "style": "party",
    "title": "tuyên truyền đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV "
    "của Đảng",
    "bases": [
        ("Kế hoạch", "329-KH/TU", D(2024, 9, 16)),
        ("Chỉ thị", "35-CT/TW", D(2024, 6, 14)),
        ("Kế hoạch", "141-KH/BTGTU", D(2024, 10, 31)),
    ],
    "purposes": [
        "Tuyên truyền sâu rộng",
        "Tập trung tuyên truyền",
        "Thông qua công tác",
        "Đồng thời",
    ],
    "requirements": ["Xác định đây là", "Bảo đảm đúng sự", "Các hoạt động tuyên truyền"],
    "phases": [
        (
            "1.",
            1,
            9,
            "Lịch sử vẻ vang",
            "Tình cảm, nguyện vọng",
            [("", 10, "Ý nghĩa, tầm quan trọng")],  # "Đặc biệt, trong thời gian diễn ra ..."
        ),
        (
            "2.",
            2,
            0,
            None,
            None,
            [
                ("Thứ nhất,", 1, "tiếp tục tuyên truyền"),
                ("Thứ hai,", 5, "Các dự thảo Văn kiện"),
                ("Thứ ba,", 11, "Ý nghĩa, tầm quan trọng"),
            ],
        ),
        ("3.", 3, 7, "Các hoạt động chào mừng", "Các hoạt động đối ngoại", []),
    ],
    "windows": {
        "phase1": (("issue",), ("province", 15, "end")),
        "phase1.1": (("province", 15, "start"), ("province", 15, "end")),
        "phase2": (("province", 15, "end"), ("national", 14, "start")),
        "phase2.2": (("province", 15, "end"), ("national", 14, "start")),
        "phase2.3": (("national", 14, "start"), ("national", 14, "end")),
        "phase3": (("national", 14, "end"), ("open",)),
    },
    "standing": 1,  # "Bên cạnh các nội dung theo ba đợt cao điểm trên, ..."
    "forms": [
        (FormKind.MASS_MEDIA, "Tổ chức tuyên truyền trên"),
        (FormKind.ORAL, "Tuyên truyền miệng"),
        (FormKind.VISUAL, "Tuyên truyền cổ động trực quan"),
        (FormKind.PUBLICATION, "Biên soạn, phát hành các ấn phẩm"),
        (FormKind.EMULATION, "Phát động các phong trào thi đua"),
    ],
    "form_also": [
        {FormKind.INTERNET},
        {FormKind.SEMINAR, FormKind.CONTEST},
        {FormKind.CULTURE},
        {FormKind.CULTURE},
        set(),
    ],
    "assignments": [
        (["Các chi, đảng bộ trực thuộc Quận ủy"], Role.IMPLEMENT, 1),
        (["Phòng Văn hóa và Thông tin quận"], Role.IMPLEMENT, 3),
        (["Trung tâm Văn hóa, Thể thao và Truyền thanh quận"], Role.IMPLEMENT, 4),
        (["Ban Tuyên giáo Quận ủy"], Role.ADVISE, 3),
    ],
    "closing": ["Đồng thời, theo dõi"],
    "recipients": [
        ("Thành ủy Cần Thơ", RecipientPurpose.REPORT),
        ("Ban Tuyên giáo Thành ủy", RecipientPurpose.REPORT),
        ("Các đ/c Ủy viên BTV Quận ủy", RecipientPurpose.UNSPECIFIED),
        ("Các đ/c báo cáo viên quận", RecipientPurpose.UNSPECIFIED),
        ("Các chi, đảng bộ trực thuộc Quận ủy", RecipientPurpose.UNSPECIFIED),
        ("Lưu Văn phòng Quận ủy", RecipientPurpose.ARCHIVE),
    ],
    "signature": ("T/M", "BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Hải Long"),
    "signed_at": dt.datetime(2024, 11, 25, 9, 13, 50, tzinfo=dt.timezone(dt.timedelta(hours=7))),
    "trailer": ("Việt Nam", "Quận ủy Cái Răng", "quanuycairang@cantho.gov.vn"),
    "anniversaries": [],
}

LIEN_MINH = {
    "file": "xa-lien-minh-lao-cai-2025-mau.txt",
    "issuer": "Đảng ủy xã …………",  # the template blank is kept as printed
    "number": None,
    "issued_on": None,
    "style": "party",
    "title": "Tuyên truyền Đại hội đại biểu Đảng bộ xã Liên Minh khóa III nhiệm kỳ 2025 -2030 và "
    "đại hội đảng các cấp tiến tới đại hội XIV của Đảng",
    "bases": [("Công văn", "…….-CT/TW", None), ("Kế hoạch", "…-KH/ĐU", None)],
    "purposes": ["Nhằm giúp cán bộ", "Tăng cường niềm tin", "Công tác tuyên truyền", "Chú trọng"],
    "requirements": [],
    "phases": [],
    "windows": {},
    "standing": 5,
    "forms": [
        (FormKind.MASS_MEDIA, "Tổ chức tuyên truyền trên"),
        (FormKind.ORAL, "Tuyên truyền miệng"),
        (FormKind.VISUAL, "Tuyên truyền cổ động trực quan"),
        (FormKind.EMULATION, "Phát động các phong trào"),
    ],
    "form_also": [{FormKind.INTERNET}, set(), {FormKind.CULTURE}, {FormKind.ORAL}],
    "assignments": [
        (
            [
                "Ban Tuyên Vận Đảng ủy",
                "Ủy ban Mặt trận Tổ quốc tổ chức chính trị - xã hội",
                "các thôn",
            ],
            Role.ADVISE,
            3,
        ),
        (["Bộ phận Văn hóa Thông tin xã"], Role.LEAD, 5),
        (["Bộ phận kế toán xã"], Role.ADVISE, 1),
        (["UBND xã"], Role.ADVISE, 1),
        (["Các cơ quan, đơn vị", "các chi bộ trực thuộc Đảng bộ xã"], Role.IMPLEMENT, 3),
    ],
    "closing": ["Yêu cầu các chi bộ", "Trong quá trình triển khai"],
    "recipients": [("………………………………………………………", RecipientPurpose.UNSPECIFIED)] * 3,
    "signature": ("T/M", "BAN THƯỜNG VỤ", "BÍ THƯ", "Vù A Trùng"),
    "signed_at": None,
    "anniversaries": [],
}

PLANS = [KIEN_MOC, CAI_RANG, LIEN_MINH]
