"""The measured numbers of the two official formats, in one place.

Every value cites its row of ``FORMATS.md`` (section 1: NĐ 30/2020 Phụ lục I,
the *State* format; section 2: HD 36-HD/VPTW, the *Party* format). Where the
text gives a range, the value chosen is noted.

>>> PARTY.margins_mm, STATE.margins_mm
((20.0, 20.0, 30.0, 15.0), (20.0, 20.0, 30.0, 15.0))
>>> PARTY.number_prefix, STATE.number_prefix
('Số ', 'Số: ')
>>> format_for("state").name, format_for("party").kind_pt
('state', 15.0)
"""

from __future__ import annotations

from typing import Literal

import attrs

from .._errors import InputError
from .._vietnamese import remove_marks

__all__ = ["PARTY", "STATE", "FormatName", "OfficialFormat", "format_for", "text_width_pt"]

FormatName = Literal["party", "state"]


@attrs.frozen(kw_only=True)
class OfficialFormat:
    """Page, fonts, sizes and marks of one official format (all sizes in points)."""

    name: FormatName
    # Paper and margins, (top, bottom, left, right) in mm.
    page_mm: tuple[float, float] = (210.0, 297.0)
    margins_mm: tuple[float, float, float, float] = (20.0, 20.0, 30.0, 15.0)
    font: str = "Times New Roman"
    # Header table: column widths in mm (left: bodies and number; right: motto and date).
    columns_mm: tuple[float, float]
    title_pt: float  # ĐẢNG CỘNG SẢN VIỆT NAM / Quốc hiệu
    motto_pt: float  # Tiêu ngữ (State only)
    superior_pt: float
    issuer_pt: float
    number_pt: float
    place_date_pt: float
    kind_pt: float  # KẾ HOẠCH
    subject_pt: float  # trích yếu
    body_pt: float
    page_number_pt: float
    recipients_label_pt: float
    recipients_pt: float
    signature_pt: float
    digital_pt: float = 10.0
    number_prefix: str
    issuer_mark: Literal["star", "rule"]
    subject_mark: Literal["dashes", "rule"]
    recipients_label_bold: bool
    recipients_label_italic: bool
    recipients_label_underline: bool
    signer_title_bold: bool
    section_label: str  # how a synthesised level-1 label ends: "I-" or "I."
    first_line_indent_mm: float
    space_after_pt: float = 6.0
    line_spacing: float = 1.15
    signature_gap_lines: int = 4


PARTY = OfficialFormat(
    name="party",
    # FORMATS §2 "Paper / margins": top 20, bottom 20, left 30, right 15 (front page).
    columns_mm=(75.0, 90.0),
    # §2 "Tiêu đề ĐẢNG CỘNG SẢN VIỆT NAM": 15 (repos say 15–16), bold, rule below.
    title_pt=15.0,
    motto_pt=15.0,
    # §2 "Superior Party body": 14 upright; "Issuing body": 14 bold, "*" below.
    superior_pt=14.0,
    issuer_pt=14.0,
    # §2 "Number and code": 14, "Số 06-KH/TU", no colon.
    number_pt=14.0,
    # §2 "Place and date": 14 italic.
    place_date_pt=14.0,
    # §2 "Document kind": 15–16 bold (15 chosen); "Trích yếu": 14 bold, "-----" below.
    kind_pt=15.0,
    subject_pt=14.0,
    # §2 "Body": 14 (13–15), justified, first-line indent 1–1.27 cm (10 mm, the 2026 guide's).
    body_pt=14.0,
    first_line_indent_mm=10.0,
    # NĐ 30 §1 general rules (page numbers 13–14, regular, centred, not on page 1): 14.
    page_number_pt=14.0,
    # §2 "Nơi nhận:": 14 upright underlined; "Recipient list": 12.
    recipients_label_pt=14.0,
    recipients_pt=12.0,
    recipients_label_bold=False,
    recipients_label_italic=False,
    recipients_label_underline=True,
    # §2 authority 14 bold; "Signer's title": 14 not bold; "Signer's name": 14 bold.
    signature_pt=14.0,
    signer_title_bold=False,
    number_prefix="Số ",
    issuer_mark="star",
    subject_mark="dashes",
    section_label="-",
)

STATE = OfficialFormat(
    name="state",
    # FORMATS §1 general rules: A4; top 20–25, bottom 20–25, left 30–35, right 15–20 (minima).
    columns_mm=(65.0, 100.0),
    # §1 ô 1: Quốc hiệu 12–13 bold (13 chosen); Tiêu ngữ 13–14 bold (14), rule below.
    title_pt=13.0,
    motto_pt=14.0,
    # §1 ô 2: superior body 12–13 upright; issuing body 12–13 bold, rule 1/3–1/2 below (13).
    superior_pt=13.0,
    issuer_pt=13.0,
    # §1 ô 3: "Số: 15/QĐ-BNV", 13; ô 4: place and date 13–14 italic (14).
    number_pt=13.0,
    place_date_pt=14.0,
    # §1 ô 5a: kind 13–14 bold (14); trích yếu 13–14 bold (14), solid rule 1/3–1/2 below.
    kind_pt=14.0,
    subject_pt=14.0,
    # §1 ô 6 body: 13–14 (14), justified, first-line indent 1 or 1.27 cm (1.27),
    # spacing ≥ 6 pt (6), line spacing single to 1.5 (1.15).
    body_pt=14.0,
    first_line_indent_mm=12.7,
    # §1 general rules: page numbers 13–14 regular, centred in the top margin, not on page 1.
    page_number_pt=14.0,
    # §1 ô 9b: "Nơi nhận:" 12 bold italic; recipient list 11 upright.
    recipients_label_pt=12.0,
    recipients_pt=11.0,
    recipients_label_bold=True,
    recipients_label_italic=True,
    recipients_label_underline=False,
    # §1 ô 7a/7b: authority and title 13–14 bold (14); signer's name 13–14 bold.
    signature_pt=14.0,
    signer_title_bold=True,
    number_prefix="Số: ",
    issuer_mark="rule",
    subject_mark="rule",
    section_label=".",
)


def format_for(name: str) -> OfficialFormat:
    """The format called ``name`` (``"party"`` or ``"state"``)."""
    if name == "party":
        return PARTY
    if name == "state":
        return STATE
    raise InputError(f"unknown format {name!r}: expected 'party' or 'state'")


# Advance widths of Times (Adobe's Times-Roman and Times-Bold AFM), in 1/1000 em, for the base
# letters; Liberation Serif and Times New Roman share these metrics. Used to size rules that
# must be "as long as the text" (FORMATS §1 ô 1, §2 Tiêu đề) or a fraction of it (ô 2, ô 5a).
_UPPER = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", map(int, (
    "722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 556 722 667 556 611 722 722 "
    "944 722 722 611").split()), strict=True))  # fmt: skip
_UPPER_BOLD = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", map(int, (
    "722 667 722 722 667 611 778 778 389 500 778 667 944 722 778 611 778 722 556 667 722 722 "
    "1000 722 722 667").split()), strict=True))  # fmt: skip
_LOWER = dict(zip("abcdefghijklmnopqrstuvwxyz", map(int, (
    "444 500 444 500 444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 "
    "722 500 500 444").split()), strict=True))  # fmt: skip
_LOWER_BOLD = dict(zip("abcdefghijklmnopqrstuvwxyz", map(int, (
    "500 556 444 556 444 333 500 556 278 333 556 278 833 556 500 556 556 444 389 333 556 500 "
    "722 500 500 444").split()), strict=True))  # fmt: skip


def text_width_pt(text: str, size_pt: float, *, bold: bool = False) -> float:
    """The printed width of ``text`` in Times at ``size_pt`` (diacritics ignored).

    >>> round(text_width_pt("ĐẢNG CỘNG SẢN VIỆT NAM", 15, bold=True))
    207
    """
    upper, lower = (_UPPER_BOLD, _LOWER_BOLD) if bold else (_UPPER, _LOWER)
    total = 0
    for char in remove_marks(text):
        if char in upper:
            total += upper[char]
        elif char in lower:
            total += lower[char]
        elif char == " ":
            total += 250
        elif char.isdigit() or char == "_":
            total += 500
        else:
            total += 333
    return total * size_pt / 1000
