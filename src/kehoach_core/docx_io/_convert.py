"""Move a plan between the Party (HD 36) and State (NĐ 30) formats, and fill blanks.

Writing a Party plan in the State format (or the reverse) changes more than
the page: the conventions printed in the plan's own wording change too
(FORMATS.md §3, "The differences to encode"):

============================  ===========================  ==========================
                              Party (HD 36)                State (NĐ 30)
============================  ===========================  ==========================
number                        ``06-KH/TBTT``               ``06/KH-TBTT``
authority markers             ``T/M`` ``K/T`` ``T/L``      ``TM.`` ``KT.`` ``TL.``
archive line (last recipient) ``- Lưu Văn phòng Đảng ủy.``  ``- Lưu: VT.``
============================  ===========================  ==========================

>>> from kehoach_core import Plan, Recipient, Signature
>>> plan = Plan(issuer="ĐẢNG ỦY XÃ KIÊN MỘC", number="06-KH/ĐU",
...             signature=Signature(authority="T/M", on_behalf_of="BAN THƯỜNG VỤ"),
...             recipients=[Recipient(text="- Như trên,"),
...                         Recipient(text="- Lưu Văn phòng Đảng ủy.")])
>>> state = convert_format(plan, "state")
>>> str(state.number), state.signature.authority, state.recipients[-1].text
('06/KH-ĐU', 'TM.', '- Lưu: VT.')
>>> back = convert_format(state, "party")
>>> str(back.number), back.signature.authority, back.recipients[-1].text
('06-KH/ĐU', 'T/M', '- Lưu Văn phòng Đảng ủy.')

``TUQ.`` and ``Q.`` have no Party form and are kept; an archive line of any
other shape (``- Lưu Ban xây dựng Đảng.``) is kept as the plan wrote it.
"""

from __future__ import annotations

import re

import attrs

from .._model import Plan, Recipient
from .._numbers import DocumentNumber, NumberStyle
from .._vietnamese import remove_marks
from ._formats import FormatName

__all__ = ["PLACE_LEVELS", "convert_format", "issuer_code", "natural_format"]

_TO_STATE = {"T/M": "TM.", "K/T": "KT.", "T/L": "TL."}
_TO_PARTY = {state: party for party, state in _TO_STATE.items()}

# ``- Lưu Văn phòng Đảng ủy.``, ``- Lưu VP Quận ủy.``: the Party archive line.
_PARTY_ARCHIVE_RE = re.compile(r"^-\s*Lưu\s*:?\s*(?:tại\s+)?(?:Văn\s+phòng|VP)\b(?P<rest>.*)$")
# ``- Lưu: VT, TTBCXB.``, ``- Lưu VT.``: the State archive line (văn thư, then units).
_STATE_ARCHIVE_RE = re.compile(r"^-\s*Lưu\s*:?\s*VT\b\s*(?P<rest>.*)$")
# The Party committees whose office keeps the archive (FORMATS §2 "Recipient list").
_COMMITTEES = (
    ("Đảng ủy", r"Đảng\s+[uủ]ỷ?"),
    ("Tỉnh ủy", r"Tỉnh\s+[uủ]ỷ?"),
    ("Thành ủy", r"Thành\s+[uủ]ỷ?"),
    ("Quận ủy", r"Quận\s+[uủ]ỷ?"),
    ("Huyện ủy", r"Huyện\s+[uủ]ỷ?"),
    ("Thị ủy", r"Thị\s+[uủ]ỷ?"),
    ("Chi bộ", r"Chi\s+bộ"),
)

PLACE_LEVELS = (
    "THÀNH PHỐ",
    "THỊ TRẤN",
    "THỊ XÃ",
    "ĐẶC KHU",
    "PHƯỜNG",
    "HUYỆN",
    "QUẬN",
    "TỈNH",
    "XÃ",
)
"""Words that open a place name in an issuer (``ĐẢNG ỦY XÃ HOÀNG VĂN THỤ``)."""

# Issuer codes offices put in a number (FORMATS §2 "Issuer abbreviations").
_CODES = (
    (r"\bBAN THUONG VU (?:TINH|THANH) UY\b|^(?:TINH|THANH) UY\b", "TU"),
    (r"\bQUAN UY\b", "QU"),
    (r"\bHUYEN UY\b", "HU"),
    (r"\bDANG UY\b", "ĐU"),
    (r"\bCHI BO\b", "CB"),
    (r"\bUY BAN NHAN DAN\b|\bUBND\b", "UBND"),
)


def natural_format(plan: Plan) -> FormatName:
    """The format a plan is written in by itself (its style, number or authority)."""
    from ._writer import choose_format

    return choose_format(plan, "auto")


def issuer_code(issuer: str | None) -> str | None:
    """The code of ``issuer`` in a number (``ĐU`` for a Đảng ủy), when it is a known kind.

    >>> issuer_code("Đảng ủy xã Kiên Mộc"), issuer_code("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN")
    ('ĐU', 'UBND')
    >>> issuer_code("Ban Thường vụ Quận ủy"), issuer_code("Tiểu ban khánh tiết") is None
    ('QU', True)
    """
    if not issuer:
        return None
    folded = " ".join(remove_marks(issuer).upper().split())
    for pattern, code in _CODES:
        if re.search(pattern, folded):
            return code
    return None


def _committee(issuer: str | None) -> str | None:
    for name, pattern in _COMMITTEES:
        if issuer and re.search(pattern, issuer, re.IGNORECASE):
            return name
    return None


def _number(
    number: DocumentNumber | str | None, target: NumberStyle
) -> DocumentNumber | str | None:
    if isinstance(number, str):
        try:
            number = DocumentNumber.parse(number)
        except ValueError:
            return number
    if number is None or number.style is target or number.kind is None or number.year:
        return number
    return attrs.evolve(number, style=target)


def _marker(marker: str | None, target: FormatName) -> str | None:
    if marker is None:
        return None
    table = _TO_PARTY if target == "party" else _TO_STATE
    return table.get(marker.strip().upper(), marker)


def _archive(text: str, target: FormatName, issuer: str | None) -> str:
    if target == "state":
        if _PARTY_ARCHIVE_RE.match(text):
            return "- Lưu: VT."
        return text
    found = _STATE_ARCHIVE_RE.match(text)
    if found is None:
        return text
    units = found.group("rest").strip(" ,;.")
    committee = _committee(issuer)
    office = f"Văn phòng {committee}" if committee else "Văn phòng"
    return f"- Lưu {office}{', ' + units if units else ''}."


def convert_format(plan: Plan, target: FormatName) -> Plan:
    """``plan`` with the number, authority markers and archive line of ``target``.

    The plan is returned unchanged when it is already in ``target``.
    """
    if natural_format(plan) == target:
        return plan
    style = NumberStyle.PARTY if target == "party" else NumberStyle.STATE
    signature = plan.signature
    if signature is not None:
        signature = attrs.evolve(
            signature,
            authority=_marker(signature.authority, target),
            deputy_authority=_marker(signature.deputy_authority, target),
        )
    recipients = list(plan.recipients)
    if recipients:
        last = recipients[-1]
        text = _archive(last.text, target, plan.issuer)
        if text != last.text:
            recipients[-1] = _recipient(last, text)
    return attrs.evolve(
        plan,
        number=_number(plan.number, style),
        signature=signature,
        recipients=recipients,
        style=style,
    )


def _recipient(recipient: Recipient, text: str) -> Recipient:
    from .._reading.tail import _recipient_name, purpose_of

    return attrs.evolve(recipient, text=text, name=_recipient_name(text), purpose=purpose_of(text))
