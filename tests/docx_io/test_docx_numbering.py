"""Word's automatic numbering: the label each numbered paragraph displays."""

from __future__ import annotations

import pytest

from kehoach_core._reading.docx_numbering import bullet_label, format_number
from kehoach_core.docx_io import docx_to_document

from .builders import (
    PLAN_OUTLINE,
    abstract_num,
    docx_from_lines,
    level,
    num,
    paragraph,
    word_package,
)


def labels(data: bytes) -> list[str | None]:
    return [line.label for line in docx_to_document(data, source="plan.docx").lines]


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (1, "decimal", "1"),
        (4, "upperRoman", "IV"),
        (14, "upperRoman", "XIV"),
        (18, "upperRoman", "XVIII"),
        (9, "lowerRoman", "ix"),
        (1, "lowerLetter", "a"),
        (5, "lowerLetter", "e"),
        (26, "lowerLetter", "z"),
        (27, "lowerLetter", "aa"),
        (3, "upperLetter", "C"),
        (7, "decimalZero", "07"),
        (12, "decimalZero", "12"),
        (3, "none", ""),
        (3, "ordinal", "3"),
        (0, "upperRoman", "0"),
        (5000, "upperRoman", "5000"),
    ],
)
def test_format_number(value: int, fmt: str, shown: str) -> None:
    assert format_number(value, fmt) == shown


@pytest.mark.parametrize(
    ("glyph", "label"),
    [("-", "-"), ("–", "-"), ("\uf02d", "-"), ("•", "-"), ("\uf0b7", "-"), ("o", "-"),
     ("\uf0a7", "-"), ("+", "+"), ("*", "*"), ("➢", "➢")],
)  # fmt: skip
def test_bullet_glyphs(glyph: str, label: str) -> None:
    assert bullet_label(glyph) == label


def test_plan_outline_labels_and_text_without_label() -> None:
    lines = ["MỤC ĐÍCH, YÊU CẦU", "Mục đích", "Đợt 1", "Đợt 2", "Nội dung", "Tuyên truyền", "Cờ"]
    data = docx_from_lines(lines, numbered={0: 0, 1: 1, 2: 2, 3: 2, 4: 3, 5: 4, 6: 5})
    document = docx_to_document(data)
    assert [line.label for line in document.lines] == ["I.", "1.", "1.1.", "1.2.", "a)", "-", "+"]
    assert [line.text for line in document.lines] == lines


def test_deeper_levels_restart_when_a_shallower_level_advances() -> None:
    levels = {0: 0, 1: 1, 2: 1, 3: 0, 4: 1, 5: 3, 6: 3, 7: 1, 8: 3}
    data = docx_from_lines([f"dòng {index}" for index in levels], numbered=levels)
    assert labels(data) == ["I.", "1.", "2.", "II.", "1.", "a)", "b)", "2.", "a)"]


def test_unnumbered_paragraphs_do_not_break_a_list() -> None:
    data = docx_from_lines(["a", "giữa", "b"], numbered={0: 1, 2: 1})
    assert labels(data) == ["1.", None, "2."]


def test_start_value_and_formats_with_parentheses() -> None:
    definitions = abstract_num(
        20, [level(0, "decimal", "(%1)", start=3), level(1, "lowerLetter", "%2)", start=4)]
    ) + num(2, 20)
    data = docx_from_lines(["x", "y", "z"], numbered={0: (2, 0), 1: (2, 1), 2: (2, 0)},
                           numbering=definitions)  # fmt: skip
    assert labels(data) == ["(3)", "d)", "(4)"]


def test_instances_of_one_definition_continue_one_list() -> None:
    definitions = abstract_num(30, [level(0, "decimal", "%1.")]) + num(3, 30) + num(4, 30)
    numbered = {0: (3, 0), 1: (3, 0), 2: (4, 0)}
    data = docx_from_lines(["x", "y", "z"], numbered=numbered, numbering=definitions)
    assert labels(data) == ["1.", "2.", "3."]


def test_start_override_restarts_the_list() -> None:
    definitions = (
        abstract_num(30, [level(0, "decimal", "%1.")]) + num(3, 30) + num(5, 30, overrides={0: 1})
    )
    numbered = {0: (3, 0), 1: (3, 0), 2: (5, 0), 3: (5, 0)}
    data = docx_from_lines(["w", "x", "y", "z"], numbered=numbered, numbering=definitions)
    assert labels(data) == ["1.", "2.", "1.", "2."]


def test_start_override_to_another_value() -> None:
    definitions = abstract_num(31, [level(0, "upperRoman", "%1-")]) + num(6, 31, overrides={0: 4})
    data = docx_from_lines(["x", "y"], numbered={0: (6, 0), 1: (6, 0)}, numbering=definitions)
    assert labels(data) == ["IV-", "V-"]


def test_separate_definitions_count_separately() -> None:
    definitions = (
        abstract_num(40, [level(0, "decimal", "%1.")])
        + abstract_num(41, [level(0, "decimal", "%1.")])
        + num(7, 40)
        + num(8, 41)
    )
    numbered = {0: (7, 0), 1: (7, 0), 2: (8, 0), 3: (7, 0)}
    data = docx_from_lines(["a", "b", "c", "d"], numbered=numbered, numbering=definitions)
    assert labels(data) == ["1.", "2.", "1.", "3."]


def test_level_restart_zero_never_restarts() -> None:
    definitions = abstract_num(
        50, [level(0, "upperRoman", "%1."), level(1, "decimal", "(%2)", restart=0)]
    ) + num(9, 50)
    numbered = {0: (9, 0), 1: (9, 1), 2: (9, 1), 3: (9, 0), 4: (9, 1)}
    data = docx_from_lines(list("abcde"), numbered=numbered, numbering=definitions)
    assert labels(data) == ["I.", "(1)", "(2)", "II.", "(3)"]


def test_legal_numbering_shows_decimal() -> None:
    definitions = abstract_num(
        60, [level(0, "upperRoman", "%1."), level(1, "decimal", "%1.%2.", legal=True)]
    ) + num(10, 60)
    numbered = {0: (10, 0), 1: (10, 1), 2: (10, 0), 3: (10, 1)}
    data = docx_from_lines(list("abcd"), numbered=numbered, numbering=definitions)
    assert labels(data) == ["I.", "1.1.", "II.", "2.1."]


def test_numbering_through_the_paragraph_style() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="Dot"><w:name w:val="Dot"/>'
        '<w:pPr><w:numPr><w:numId w:val="11"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Muc"/>'
        '<w:pPr><w:numPr><w:numId w:val="11"/></w:numPr></w:pPr></w:style>'
    )
    definitions = abstract_num(
        70,
        [level(0, "decimal", "Đợt %1:", style="Dot"), level(1, "decimal", "%1.%2.", style="Muc")],
    ) + num(11, 70)
    body = (
        paragraph("Từ nay", style="Dot")
        + paragraph("Trước khai mạc", style="Muc")
        + paragraph("Sau đại hội", style="Dot")
    )
    assert labels(word_package(body, styles=styles, numbering=definitions)) == [
        "Đợt 1:",
        "1.1.",
        "Đợt 2:",
    ]


def test_num_id_zero_removes_the_style_numbering() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="Dot"><w:name w:val="Dot"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    body = paragraph("x", style="Dot") + paragraph("y", style="Dot", num=(0, 0))
    assert labels(word_package(body, styles=styles, numbering=PLAN_OUTLINE)) == ["1.", None]


def test_bullet_levels_give_dash_or_their_glyph() -> None:
    definitions = abstract_num(
        80,
        [
            level(0, "bullet", "\uf0b7", font="Symbol"),
            level(1, "bullet", "–"),
            level(2, "bullet", "+"),
            level(3, "bullet", "\uf0d8", font="Wingdings"),
        ],
    ) + num(12, 80)
    numbered = {index: (12, index) for index in range(4)}
    data = docx_from_lines(list("abcd"), numbered=numbered, numbering=definitions)
    assert labels(data) == ["-", "-", "+", "-"]


def test_unknown_list_or_level_gives_no_label() -> None:
    data = docx_from_lines(["a", "b"], numbered={0: (99, 0), 1: (1, 7)})
    assert labels(data) == [None, None]


def test_level_override_replaces_the_format() -> None:
    override = (
        '<w:num w:numId="13"><w:abstractNumId w:val="90"/><w:lvlOverride w:ilvl="0">'
        + level(0, "lowerLetter", "%1)")
        + "</w:lvlOverride></w:num>"
    )
    definitions = abstract_num(90, [level(0, "decimal", "%1.")]) + override
    data = docx_from_lines(["a", "b"], numbered={0: (13, 0), 1: (13, 0)}, numbering=definitions)
    assert labels(data) == ["a)", "b)"]


def test_numbering_style_link_is_followed() -> None:
    styles = (
        '<w:style w:type="numbering" w:styleId="PlanList"><w:name w:val="Plan List"/>'
        '<w:pPr><w:numPr><w:numId w:val="14"/></w:numPr></w:pPr></w:style>'
    )
    definitions = (
        abstract_num(100, [level(0, "upperRoman", "%1-")]).replace(
            "</w:abstractNum>", '<w:styleLink w:val="PlanList"/></w:abstractNum>'
        )
        + '<w:abstractNum w:abstractNumId="101"><w:numStyleLink w:val="PlanList"/></w:abstractNum>'
        + num(14, 100)
        + num(15, 101)
    )
    body = paragraph("a", num=(15, 0)) + paragraph("b", num=(15, 0))
    assert labels(word_package(body, styles=styles, numbering=definitions)) == ["I-", "II-"]


def test_empty_numbered_paragraph_is_kept_with_its_label() -> None:
    document = docx_to_document(docx_from_lines(["", "b"], numbered={0: 1, 1: 1}))
    assert [(line.text, line.label) for line in document.lines] == [("", "1."), ("b", "2.")]
