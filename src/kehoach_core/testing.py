"""Hypothesis strategies for plans, public so you can test your own code with them.

Needs Hypothesis (``pip install kehoach-core[test]``). Every strategy draws
values the model accepts; :func:`plans` draws whole plans with realistic
Vietnamese text (diacritics, long items, nesting), milestones that the phase
windows really point at, and positional ids already assigned.

>>> from hypothesis import given, settings
>>> from kehoach_core import from_json, to_json
>>> @settings(max_examples=5)
... @given(plans())
... def test_round_trip(plan):
...     assert from_json(to_json(plan)) == plan
>>> test_round_trip()
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

import attrs
from hypothesis import strategies as st

from ._anchors import Anchor, DateAnchor, Edge, IssueDate, MilestoneEdge, Open, Window
from ._elements import (
    Anniversary,
    Citation,
    ContentItem,
    Fragment,
    Level,
    Location,
    Milestone,
    Note,
    Part,
    SectionHeading,
)
from ._ids import number_elements
from ._model import (
    Assignment,
    DigitalSignature,
    Footnote,
    Form,
    FormKind,
    Phase,
    Plan,
    Recipient,
    RecipientPurpose,
    Role,
    Signature,
)
from ._numbers import DocumentNumber, NumberStyle, Term, int_to_roman

__all__ = [
    "anchors",
    "assignments",
    "citations",
    "content_items",
    "document_numbers",
    "forms",
    "milestones",
    "phases",
    "plans",
    "recipients",
    "sentences",
    "signatures",
    "words",
]

WORDS: tuple[str, ...] = tuple(
    (
        "tuyên truyền đại hội đảng bộ các cấp tiến tới toàn quốc lần thứ của Đảng nhiệm "
        "kỳ cán bộ đảng viên Nhân dân ý nghĩa tầm quan trọng mục tiêu nhiệm vụ bối cảnh "
        "thời điểm diễn ra chuẩn bị văn kiện dự thảo góp ý kiến thành tựu kinh tế xã hội "
        "quốc phòng an ninh đối ngoại xây dựng chỉnh đốn hệ thống chính trị phong trào "
        "thi đua yêu nước lập thành tích chào mừng kỷ niệm ngày lễ lớn đấu tranh phản bác "
        "quan điểm sai trái thù địch bảo vệ nền tảng tư tưởng Cương lĩnh đường lối Hồ Chí "
        "Minh học tập làm theo đạo đức phong cách cổ động trực quan pa nô áp phích băng "
        "rôn khẩu hiệu truyền thanh cơ sở mạng xã hội Internet báo cáo viên Ủy ban Mặt "
        "trận Tổ quốc Đoàn Thanh niên Hội Phụ nữ Cựu chiến binh Nông dân xã phường tỉnh "
        "huyện quận thị xã thôn bản khu dân cư Kiên Mộc Lạng Sơn Cái Răng Cần Thơ Liên "
        "Minh Lào Cai kỷ nguyên mới vươn mình dân tộc đổi mới sáng tạo niềm tin đồng "
        "thuận đoàn kết"
    ).split()
)

_KIND_CODES = ("KH", "CV", "HD", "CT", "NQ", "QĐ", "KL", "TB", "BC")
_ISSUERS = ("TU", "TW", "ĐU", "TBTT", "BTGDVTU", "BTGTU", "QU", "SVHTTDL", "UBND", "BNV", "CP")
_BODIES = (
    "Ban Tuyên giáo và Dân vận",
    "Ban Xây dựng Đảng",
    "Văn phòng Đảng ủy",
    "Ủy ban nhân dân xã",
    "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Hội Liên hiệp Phụ nữ",
    "Trung tâm Văn hóa - Thể thao và Truyền thanh",
    "Các chi bộ trực thuộc",
    "Sở Văn hóa, Thể thao và Du lịch",
)


@cache
def words() -> st.SearchStrategy[str]:
    """One Vietnamese word, mostly from the plans' vocabulary, sometimes any letters."""
    return st.one_of(
        st.sampled_from(WORDS),
        st.text(
            alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹĐ",
            min_size=1,
            max_size=9,
        ),
    )


@cache
def sentences(min_words: int = 1, max_words: int = 40) -> st.SearchStrategy[str]:
    """A sentence of Vietnamese words; items in real plans run from 3 to 80 words.

    Most words come from the plans' vocabulary; one word in some sentences is
    drawn letter by letter, so text outside the vocabulary is exercised too.
    """
    rare = st.none() | words()
    return st.builds(
        lambda ws, extra: " ".join([*ws, extra] if extra else ws).capitalize() + ".",
        st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=max_words),
        rare,
    )


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@cache
def locations() -> st.SearchStrategy[Location]:
    """A source location (line and optional last line)."""
    return st.builds(
        lambda line, extra: Location(line, None if extra is None else line + extra),
        st.integers(1, 2000),
        _optional(st.integers(0, 30)),
    )


@cache
def document_numbers() -> st.SearchStrategy[DocumentNumber]:
    """Document numbers of both conventions; each prints and parses back to itself."""
    number = st.integers(1, 999).map(lambda n: f"{n:02d}")
    party = st.builds(
        lambda n, k, i: DocumentNumber(n, k, i, NumberStyle.PARTY),
        number,
        st.sampled_from(_KIND_CODES),
        st.sampled_from(_ISSUERS),
    )
    state = st.builds(
        lambda n, k, i: DocumentNumber(n, k, i, NumberStyle.STATE),
        number,
        st.sampled_from(_KIND_CODES),
        st.sampled_from(_ISSUERS),
    )
    law = st.builds(
        lambda n, y, i: DocumentNumber(n, None, i, NumberStyle.STATE, y),
        number,
        st.integers(1990, 2030),
        st.sampled_from(("QH15", "QH14")),
    )
    return st.one_of(party, state, law)


@cache
def _numbers_or_blanks() -> st.SearchStrategy[DocumentNumber | str | None]:
    blank = st.sampled_from(("…….-CT/TW", "…-KH/ĐU", "số ......"))
    return st.one_of(st.none(), document_numbers(), blank)


@cache
def content_items(max_depth: int = 2) -> st.SearchStrategy[ContentItem]:
    """Items with labels as printed, long texts and nested children."""
    leaf = st.builds(
        ContentItem,
        label=st.sampled_from(("-", "+", "", "(1)", "a)", "•")),
        text=sentences(1, 30),
        location=_optional(locations()),
    )
    if max_depth <= 0:
        return leaf
    return st.builds(
        ContentItem,
        label=st.sampled_from(("-", "+", "", "(2)", "b)")),
        text=sentences(1, 30),
        children=st.lists(content_items(max_depth - 1), max_size=3),
        implements=_optional(st.sampled_from(("phase1/1", "phase2.1/3", "standing/2"))),
        location=_optional(locations()),
    )


@cache
def citations() -> st.SearchStrategy[Citation]:
    """Cited documents, some with template blanks instead of a number or date."""
    return st.builds(
        Citation,
        kind=_optional(st.sampled_from(("Công văn", "Kế hoạch", "Hướng dẫn", "Chỉ thị"))),
        number=_numbers_or_blanks(),
        issued_on=_optional(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
        issuer=_optional(st.sampled_from(_BODIES)),
        title=_optional(sentences(3, 20)),
        text=sentences(5, 40),
        location=_optional(locations()),
    )


@cache
def milestones(index: int = 1) -> st.SearchStrategy[Milestone]:
    """A congress: body, level, Roman ordinal and term (any two years: plans hold typos)."""
    return st.builds(
        lambda ordinal, level, start, span, body, starts: Milestone(
            id=f"milestone{index}",
            name=f"Đại hội đại biểu {body} lần thứ {int_to_roman(ordinal)}",
            body=body,
            level=level,
            ordinal=ordinal,
            term=Term(start, start + span),
            starts_on=starts,
            ends_on=None if starts is None else starts + dt.timedelta(days=3),
            aliases=(f"Đại hội {int_to_roman(ordinal)}",),
        ),
        st.integers(1, 30),
        st.sampled_from(Level),
        st.integers(1990, 2030),
        st.sampled_from((5, 5, 5, 4, 6)),
        st.sampled_from(("Đảng bộ xã Kiên Mộc", "Đảng bộ tỉnh Lạng Sơn", "Đảng")),
        _optional(st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 31))),
    )


@cache
def anchors(milestone_ids: tuple[str, ...] = ()) -> st.SearchStrategy[Anchor]:
    """Any anchor; milestone edges only point at the ids given."""
    options: list[st.SearchStrategy[Any]] = [
        st.builds(DateAnchor, st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31))),
        st.just(IssueDate()),
        st.just(Open()),
    ]
    if milestone_ids:
        options.append(
            st.builds(MilestoneEdge, st.sampled_from(milestone_ids), st.sampled_from(Edge))
        )
    return st.one_of(*options)


@cache
def phases(milestone_ids: tuple[str, ...] = (), depth: int = 1) -> st.SearchStrategy[Phase]:
    """Phases with windows, items and (to ``depth``) sub-phases."""
    window = _optional(
        st.builds(
            Window, anchors(milestone_ids), anchors(milestone_ids), _optional(sentences(3, 15))
        )
    )
    sub: st.SearchStrategy[list[Phase]] = (
        st.lists(phases(milestone_ids, depth - 1), max_size=3) if depth > 0 else st.just([])
    )
    return st.builds(
        Phase,
        label=st.sampled_from(("1.", "2.", "2.1.", "Thứ nhất,", "-", "")),
        heading=sentences(2, 20),
        ordinal=_optional(st.integers(1, 5)),
        window=window,
        content=st.lists(content_items(1), max_size=5),
        subphases=sub,
        location=_optional(locations()),
    )


@cache
def forms() -> st.SearchStrategy[Form]:
    """Forms of propaganda: a kind from the vocabulary plus the printed wording."""
    return st.builds(
        Form,
        label=st.sampled_from(("1.", "2.1.", "-", "")),
        kind=st.sampled_from(FormKind),
        also=st.lists(st.sampled_from(FormKind), max_size=2, unique=True),
        title=sentences(2, 25),
        content=st.lists(content_items(1), max_size=4),
        location=_optional(locations()),
    )


@cache
def assignments(depth: int = 1) -> st.SearchStrategy[Assignment]:
    """Bodies, a role, tasks and (to ``depth``) nested assignments."""
    return st.builds(
        Assignment,
        label=st.sampled_from(("1.", "2.", "a)", "")),
        bodies=st.lists(st.sampled_from(_BODIES), min_size=1, max_size=3, unique=True),
        role=st.sampled_from(Role),
        heading=sentences(2, 15),
        tasks=st.lists(content_items(1), max_size=4),
        children=st.lists(assignments(depth - 1), max_size=2) if depth > 0 else st.just([]),
        location=_optional(locations()),
    )


@cache
def recipients() -> st.SearchStrategy[Recipient]:
    """Lines of *Nơi nhận* with their purpose."""
    return st.builds(
        lambda name, purpose, loc: Recipient(
            name=name, purpose=purpose, text=f"- {name} ({purpose.value});", location=loc
        ),
        st.sampled_from((*_BODIES, "Lưu Văn phòng", "Ban Thường vụ Tỉnh ủy")),
        st.sampled_from(RecipientPurpose),
        _optional(locations()),
    )


@cache
def signatures() -> st.SearchStrategy[Signature]:
    """Signature blocks, complete or not, sometimes with a digital-signature trailer."""
    digital = st.builds(
        DigitalSignature,
        signed_at=_optional(
            st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2030, 1, 1)).map(
                lambda d: d.replace(microsecond=0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
            )
        ),
        place=_optional(st.just("Việt Nam")),
        signer=_optional(st.sampled_from(_BODIES)),
        email=_optional(st.just("vanphong@example.gov.vn")),
        text=sentences(3, 12),
    )
    return st.builds(
        Signature,
        authority=_optional(st.sampled_from(("T/M", "TM.", "K/T", "KT.", "TL.", "TUQ."))),
        on_behalf_of=_optional(st.sampled_from(("BAN THƯỜNG VỤ", "ĐẢNG ỦY", "ỦY BAN NHÂN DÂN"))),
        deputy_authority=_optional(st.sampled_from(("KT.", "K/T", "TL.", "TUQ.", "Q."))),
        deputy_for=_optional(st.sampled_from(("CHỦ TỊCH", "BÍ THƯ", "GIÁM ĐỐC"))),
        title=_optional(
            st.sampled_from(("BÍ THƯ", "PHÓ BÍ THƯ", "GIÁM ĐỐC", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"))
        ),
        signer=_optional(st.sampled_from(("Trần Hải Long", "Nguyễn Thị Hoa", "Lê Văn Bình"))),
        digital=_optional(digital),
        location=_optional(locations()),
    ).map(_second_tier_needs_a_first)


def _second_tier_needs_a_first(signature: Signature) -> Signature:
    """A second authority (``KT. CHỦ TỊCH``) only stands under a first one (``TM. ...``)."""
    if signature.authority is None or signature.deputy_authority is None:
        return attrs.evolve(signature, deputy_authority=None, deputy_for=None)
    return signature


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """Whole plans, numbered with :func:`~kehoach_core.number_elements`."""
    count = draw(st.integers(0, 3))
    stones = [draw(milestones(i)) for i in range(1, count + 1)]
    ids = tuple(m.id for m in stones)
    items = st.lists(content_items(), max_size=4)
    plan = Plan(
        issuer=draw(
            _optional(st.sampled_from(("Đảng ủy xã Kiên Mộc", "Ban Thường vụ Quận ủy Cái Răng")))
        ),
        superior_body=draw(
            _optional(st.sampled_from(("Đảng bộ tỉnh Lạng Sơn", "Thành ủy Cần Thơ")))
        ),
        number=draw(_numbers_or_blanks()),
        place=draw(_optional(st.sampled_from(("Kiên Mộc", "Cái Răng", "Lai Châu")))),
        issued_on=draw(_optional(st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)))),
        style=draw(_optional(st.sampled_from(NumberStyle))),
        title=draw(_optional(sentences(3, 25))),
        preamble=draw(st.lists(content_items(0), max_size=2)),
        bases=draw(st.lists(citations(), max_size=4)),
        purposes=draw(items),
        requirements=draw(items),
        milestones=stones,
        anniversaries=draw(
            st.lists(
                st.builds(
                    Anniversary,
                    name=sentences(2, 8),
                    years=_optional(st.integers(1, 150)),
                    origin=_optional(st.dates(dt.date(1900, 1, 1), dt.date(2000, 1, 1))),
                    on=_optional(st.dates(dt.date(2024, 1, 1), dt.date(2027, 1, 1))),
                    text=sentences(3, 12),
                ),
                max_size=2,
            )
        ),
        phases=draw(st.lists(phases(ids), max_size=3)),
        standing_content=draw(items),
        forms=draw(st.lists(forms(), max_size=4)),
        assignments=draw(st.lists(assignments(), max_size=4)),
        closing=draw(st.lists(content_items(0), max_size=2)),
        recipients=draw(st.lists(recipients(), max_size=5)),
        signature=draw(_optional(signatures())),
        footnotes=draw(
            st.lists(
                st.builds(Footnote, marker=st.sampled_from(("1", "2", "*")), text=sentences(2, 20)),
                max_size=2,
            )
        ),
        sections=draw(
            st.lists(
                st.builds(
                    SectionHeading,
                    part=st.sampled_from(Part),
                    label=st.sampled_from(("I-", "II.", "1.")),
                    title=sentences(1, 6),
                ),
                max_size=4,
            )
        ),
        notes=draw(
            st.lists(st.builds(Note, part=st.sampled_from(Part), text=sentences(3, 20)), max_size=2)
        ),
        unparsed=draw(
            st.lists(
                st.builds(
                    Fragment,
                    text=sentences(1, 10),
                    reason=st.just("not understood"),
                    location=_optional(locations()),
                ),
                max_size=2,
            )
        ),
    )
    return number_elements(plan)
