"""Plans shaped like the ones a reader produces, and their printed wording.

:func:`reader_shaped_plans` draws plans whose printed wording a reader can
re-parse unambiguously: standard section headings (*MỤC ĐÍCH, YÊU CẦU*,
*NỘI DUNG TUYÊN TRUYỀN*, ...), phases headed ``N. Đợt N: ...``, sub-phases
``N.M.``, items labelled ``-`` (``+`` under an item ending with ``:``), forms
and assignments numbered ``1.``, closing paragraphs opening with *Trên đây*,
recipients ``- Name (để b/c);``. :func:`printed` keeps what the file prints
(labels, headings, texts, header, recipients, signature) and leaves out what a
reader derives from it (ids, form kinds, bodies and roles, windows,
milestones, citations).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from kehoach_core import (
    Assignment,
    ContentItem,
    DocumentNumber,
    Form,
    NumberStyle,
    Part,
    Phase,
    Plan,
    Recipient,
    SectionHeading,
    Signature,
)
from kehoach_core.testing import sentences

__all__ = ["printed", "reader_shaped_plans"]

_BODIES = (
    "Ban Tuyên giáo và Dân vận",
    "Văn phòng Đảng ủy",
    "Ủy ban nhân dân xã",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã",
    "Hội Liên hiệp Phụ nữ xã",
)


def _leaf(label: str) -> st.SearchStrategy[ContentItem]:
    return st.builds(lambda text: ContentItem(label=label, text=text), sentences(2, 30))


@st.composite
def _item(draw: st.DrawFn) -> ContentItem:
    children = draw(st.lists(_leaf("+"), max_size=2))
    text = draw(sentences(2, 30))
    if children:
        text = text[:-1] + ":"
    return ContentItem(label="-", text=text, children=children)


_items = st.lists(_item(), min_size=1, max_size=3)


@st.composite
def _phase(draw: st.DrawFn, n: int) -> Phase:
    start = draw(st.dates(dt.date(2025, 1, 1), dt.date(2025, 12, 31)))
    heading = (
        f"Đợt {n}: Từ ngày {start.day:02d}/{start.month}/{start.year} đến hết năm {start.year}"
    )
    subs = [
        Phase(label=f"{n}.{m}.", heading=draw(sentences(2, 10))[:-1], content=draw(_items))
        for m in range(1, draw(st.integers(0, 2)) + 1)
    ]
    content = draw(_items)
    if subs and content[-1].children:
        # A sub-phase heading right after an item ending with ":" would nest under that
        # item when read back (reported to the reader's owner): keep that item closed.
        content[-1] = ContentItem(label="-", text=content[-1].text[:-1] + ".")
    return Phase(label=f"{n}.", heading=heading, content=content, subphases=subs)


@st.composite
def reader_shaped_plans(draw: st.DrawFn) -> Plan:
    """A plan in the class the docx writer round-trips exactly (see the module's docstring)."""
    party = draw(st.booleans())
    sep = "-" if party else "."
    sections: list[SectionHeading] = []
    purposes = draw(_items)
    requirements = draw(st.lists(_item(), max_size=2))
    sections.append(SectionHeading(part=Part.PURPOSES, label=f"I{sep}", title="MỤC ĐÍCH, YÊU CẦU"))
    if requirements:
        sections.append(SectionHeading(part=Part.PURPOSES, label="1.", title="Mục đích", level=2))
        sections.append(
            SectionHeading(part=Part.REQUIREMENTS, label="2.", title="Yêu cầu", level=2)
        )
    phases = [draw(_phase(n)) for n in range(1, draw(st.integers(1, 3)) + 1)]
    sections.append(
        SectionHeading(part=Part.CONTENT, label=f"II{sep}", title="NỘI DUNG TUYÊN TRUYỀN")
    )
    forms = [
        Form(label=f"{n}.", title=draw(sentences(2, 12))[:-1], content=draw(_items))
        for n in range(1, draw(st.integers(1, 3)) + 1)
    ]
    sections.append(
        SectionHeading(part=Part.FORMS, label=f"III{sep}", title="HÌNH THỨC TUYÊN TRUYỀN")
    )
    bodies = draw(st.lists(st.sampled_from(_BODIES), min_size=1, max_size=3, unique=True))
    assignments = [
        Assignment(label=f"{n}.", heading=body, tasks=draw(_items))
        for n, body in enumerate(bodies, 1)
    ]
    sections.append(
        SectionHeading(part=Part.ASSIGNMENTS, label=f"IV{sep}", title="TỔ CHỨC THỰC HIỆN")
    )
    closing = [ContentItem(text="Trên đây là " + draw(sentences(3, 20)).lower())]
    names = draw(st.lists(st.sampled_from(_BODIES), min_size=1, max_size=3, unique=True))
    recipients = [Recipient(text=f"- {name} (để b/c);") for name in names]
    recipients.append(Recipient(text="- Lưu Văn phòng Đảng ủy."))
    sections.append(SectionHeading(part=Part.RECIPIENTS, title="Nơi nhận:"))
    style = NumberStyle.PARTY if party else NumberStyle.STATE
    number = draw(st.integers(1, 300))
    return Plan(
        issuer="ĐẢNG ỦY XÃ KIÊN MỘC",
        superior_body=draw(st.sampled_from((None, "ĐẢNG BỘ TỈNH LẠNG SƠN"))),
        number=DocumentNumber(f"{number:02d}", "KH", "ĐU", style),
        place="Kiên Mộc",
        issued_on=draw(st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31))),
        style=style,
        # A title opening with a preamble word ("Theo ...", "Để ...") is read as preamble
        # (reported to the reader's owner): titles here open with "Tuyên truyền".
        title="Tuyên truyền " + draw(sentences(3, 20))[:-1].lower(),
        preamble=[ContentItem(text="Căn cứ " + draw(sentences(5, 30)).lower())],
        purposes=purposes,
        requirements=requirements,
        phases=phases,
        forms=forms,
        assignments=assignments,
        closing=closing,
        recipients=recipients,
        signature=draw(_signatures(party)),
        sections=sections,
    )


def _signatures(party: bool) -> st.SearchStrategy[Signature]:
    """One tier (``T/M BAN THƯỜNG VỤ`` / ``BÍ THƯ``) or, for State, sometimes two."""
    one = st.builds(
        Signature,
        authority=st.just("T/M" if party else "TM."),
        on_behalf_of=st.just("BAN THƯỜNG VỤ"),
        title=st.sampled_from(("BÍ THƯ", "PHÓ BÍ THƯ")),
        signer=st.sampled_from(("Trần Hải Long", "Nguyễn Thị Hoa")),
    )
    if party:
        return one
    two = st.builds(
        Signature,
        authority=st.just("TM."),
        on_behalf_of=st.just("ỦY BAN NHÂN DÂN"),
        deputy_authority=st.sampled_from(("KT.", "TL.", "TUQ.")),
        deputy_for=st.just("CHỦ TỊCH"),
        title=st.sampled_from(("PHÓ CHỦ TỊCH", "CHÁNH VĂN PHÒNG")),
        signer=st.sampled_from(("Trần Hải Long", "Nguyễn Thị Hoa")),
    )
    return one | two


def _items_printed(items: Any) -> list[Any]:
    return [(i.label, i.text, _items_printed(i.children)) for i in items]


def _phase_printed(phase: Phase) -> Any:
    return (
        phase.label,
        phase.heading,
        _items_printed(phase.content),
        [_phase_printed(sub) for sub in phase.subphases],
    )


def _assignment_printed(a: Assignment) -> Any:
    return (
        a.label,
        a.heading,
        _items_printed(a.tasks),
        [_assignment_printed(c) for c in a.children],
    )


def printed(plan: Plan) -> dict[str, Any]:
    """The wording a file prints, without what a reader derives from it."""
    signature = plan.signature
    return {
        "header": (plan.issuer, plan.superior_body, str(plan.number), plan.place, plan.issued_on),
        "style": plan.style,
        "title": (plan.kind, plan.title),
        "preamble": _items_printed(plan.preamble),
        "sections": [(s.part, s.label, s.title, s.level) for s in plan.sections],
        "purposes": _items_printed(plan.purposes),
        "requirements": _items_printed(plan.requirements),
        "phases": [_phase_printed(p) for p in plan.phases],
        "standing": _items_printed(plan.standing_content),
        "forms": [(f.label, f.title, _items_printed(f.content)) for f in plan.forms],
        "assignments": [_assignment_printed(a) for a in plan.assignments],
        "closing": _items_printed(plan.closing),
        # the motto, party name and rules of the header are the format's, not the plan's
        "notes": [(n.part, n.text) for n in plan.notes if n.part not in (Part.HEADER, Part.PAGE)],
        "recipients": [r.text for r in plan.recipients],
        "signature": None
        if signature is None
        else (
            signature.authority,
            signature.on_behalf_of,
            signature.deputy_authority,
            signature.deputy_for,
            signature.title,
            signature.signer,
        ),
        "unparsed": [f.text for f in plan.unparsed],
    }
