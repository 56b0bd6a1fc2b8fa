"""Matching made for Vietnamese: normalisation, place names, common phrases, links."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kehoach_core import ContentItem, Phase, Plan
from kehoach_core.compare import Status, compare
from kehoach_core.compare._match import Matcher
from kehoach_core.compare._normalize import generalize_places, normalize, normalize_many
from kehoach_core.compare._weights import Weights, features


def _plan(*texts: str, implements: dict[int, str] | None = None) -> Plan:
    links = implements or {}
    items = [ContentItem(text=t, implements=links.get(n)) for n, t in enumerate(texts)]
    return Plan(phases=[Phase(id="phase1", ordinal=1, heading="Đợt 1", content=items)])


def test_normalize_ignores_case_punctuation_spacing_and_nfc():
    decomposed = "Tuye\u0302n truye\u0302\u0300n"
    assert normalize(f"  {decomposed}  ĐẠI   HỘI;") == normalize("tuyên truyền đại hội")


def test_normalize_unifies_old_and_new_tone_placement():
    assert normalize("hoà bình, Tỉnh uỷ") == normalize("hòa bình, Tỉnh ủy")


def test_generic_place_word_matches_proper_name():
    assert normalize("Đảng bộ tỉnh") == normalize("Đảng bộ tỉnh Lạng Sơn")
    assert generalize_places("Nhân dân thành phố Cần Thơ nói riêng") == (
        "Nhân dân thành phố nói riêng"
    )


def test_xa_hoi_is_not_a_place():
    assert "xã hội" in normalize("kinh tế - xã hội")


def test_roman_numeral_after_place_word_is_kept():
    assert generalize_places("Đại hội Đảng bộ tỉnh XVIII") == "Đại hội Đảng bộ tỉnh XVIII"


def test_common_phrases_weigh_less_than_specific_words():
    feats = features("Quy chế bầu cử trong Đảng tại Đại hội XIV của Đảng")
    table = Weights.build([feats])
    assert table.weight("bầu cử", feats["bầu cử"]) > table.weight("đại hội", feats["đại hội"])


def test_one_subordinate_item_covers_several_superior_items():
    sup = _plan("Chủ đề, phương châm của Đại hội.", "Trách nhiệm của đại biểu dự Đại hội.")
    sub = _plan(
        "Tập trung tuyên truyền: chủ đề, phương châm của Đại hội; trách nhiệm của đại biểu."
    )
    result = compare(sup, sub)
    assert [c.status for c in result.items] == [Status.COVERED, Status.COVERED]
    assert {c.matches[0].item for c in result.items} == {"phase1/1"}


def test_several_subordinate_items_cover_one_superior_item():
    sup = _plan(
        "Công bố dự thảo văn kiện Đại hội; phản ánh ý kiến đóng góp của Nhân dân vào dự thảo; "
        "biểu dương điển hình tiên tiến trong phong trào thi đua yêu nước."
    )
    sub = _plan(
        "Công bố dự thảo văn kiện Đại hội.",
        "Phản ánh ý kiến đóng góp của Nhân dân vào dự thảo.",
        "Biểu dương điển hình tiên tiến trong phong trào thi đua yêu nước.",
    )
    row = compare(sup, sub).items[0]
    assert row.status is Status.COVERED
    assert len(row.matches) >= 2


def test_a_list_of_topics_answered_topic_by_topic_is_covered():
    # The superior lists seven topics in one item; the subordinate gives each its own
    # short item, among filler. No short item ranks high for the whole list.
    sup = _plan(
        "Tập trung tuyên truyền các nội dung: ý nghĩa, tầm quan trọng của Đại hội; "
        "chủ đề, phương châm của Đại hội; trách nhiệm của các đại biểu dự Đại hội; "
        "Quy chế bầu cử trong Đảng; kết quả bầu cử Ban Chấp hành Trung ương; "
        "không khí dân chủ trong Đại hội; sự quan tâm của cộng đồng quốc tế đối với Đại hội."
    )
    topics = [
        "Ý nghĩa, tầm quan trọng của Đại hội.",
        "Chủ đề, phương châm của Đại hội.",
        "Trách nhiệm của đại biểu dự Đại hội.",
        "Quy chế bầu cử trong Đảng.",
        "Kết quả bầu cử Ban Chấp hành Trung ương Đảng, Bộ Chính trị, Tổng Bí thư.",
        "Không khí dân chủ trong Đại hội, sự thống nhất trong Đảng.",
        "Sự quan tâm của cộng đồng quốc tế đối với Đại hội.",
    ]
    filler = [f"Treo băng rôn, khẩu hiệu tại trụ sở thôn số {n}." for n in range(12)]
    row = compare(sup, _plan(*filler, *topics)).items[0]
    assert row.status is Status.COVERED
    assert len(row.matches) >= 6


def test_explicit_link_overrides_matching():
    sup = _plan("Tuyên truyền về ý nghĩa của đại hội.")
    sub = _plan("Một nội dung viết khác hẳn.", implements={0: "phase1/1"})
    row = compare(sup, sub).items[0]
    assert (row.status, row.linked, row.score) == (Status.COVERED, True, 1.0)


def test_unrelated_item_is_missing():
    sup = _plan("Các hoạt động đối ngoại Đảng, ngoại giao Nhà nước.")
    sub = _plan("Treo cờ Tổ quốc, chỉnh trang khu dân cư.")
    assert compare(sup, sub).items[0].status is Status.MISSING


def test_content_in_another_phase_is_at_most_partial():
    sup = Plan(
        phases=[
            Phase(
                id="phase1",
                ordinal=1,
                heading="Đợt 1",
                content=[ContentItem(text="Quy chế bầu cử trong Đảng.")],
            ),
            Phase(
                id="phase2",
                ordinal=2,
                heading="Đợt 2",
                content=[ContentItem(text="Treo cờ Tổ quốc.")],
            ),
        ]
    )
    sub = Plan(
        phases=[
            Phase(id="phase1", ordinal=1, heading="Đợt 1", content=[ContentItem(text="Treo cờ.")]),
            Phase(
                id="phase2",
                ordinal=2,
                heading="Đợt 2",
                content=[ContentItem(text="Quy chế bầu cử trong Đảng.")],
            ),
        ]
    )
    row = compare(sup, sub).items[0]
    assert row.status is Status.PARTIAL
    assert "not the phase" in row.reason


def test_purpose_found_only_as_content_is_at_most_partial():
    aim = "Củng cố niềm tin của Nhân dân đối với Đảng, quyết tâm thực hiện thắng lợi Nghị quyết."
    sup = Plan(purposes=[ContentItem(text=aim)])
    as_content = Plan(
        purposes=[ContentItem(text="Treo cờ Tổ quốc.")],
        phases=[Phase(id="phase1", ordinal=1, heading="Đợt 1", content=[ContentItem(text=aim)])],
    )
    row = compare(sup, as_content).items[0]
    assert row.status is Status.PARTIAL
    assert "as content" in row.reason
    as_purpose = Plan(purposes=[ContentItem(text=aim)])
    assert compare(sup, as_purpose).items[0].status is Status.COVERED


def test_diacritic_folding_matches_damaged_text():
    sup = _plan("Quy chế bầu cử trong Đảng và tiêu chuẩn nhân sự.")
    sub = _plan("Quy che bau cu trong Dang va tieu chuan nhan su.")
    assert compare(sup, sub).items[0].status is Status.MISSING
    assert compare(sup, sub, fold_diacritics=True).items[0].status is Status.COVERED


def test_matcher_scores_lie_in_unit_interval():
    m = Matcher(["a b c", "d"], ["a b c d e", "x"])
    for i in range(2):
        for c in m.top(i, 2):
            assert 0.0 <= c.score <= 1.0


_PIECES = st.sampled_from(
    [
        "Tỉnh",
        "tỉnh",
        "Lạng Sơn",
        "xã",
        "Xã hội",
        "hội",
        "Đảng ủy",
        "Quận ủy",
        "hoà",
        "thuỷ",
        "XIV",
        " ",
        "  ",
        ";",
        ",",
        "-",
        "_",
        "\n",
        "\x00",
        "\u0301",
        "ß",
        "Đại",
        "a",
    ]
)
_TEXTS = st.lists(st.lists(_PIECES, max_size=8).map("".join), max_size=6)


@given(_TEXTS, st.booleans(), st.booleans())
def test_normalize_many_equals_normalize_one_by_one(texts, fold, places):
    expected = [normalize(t, fold=fold, places=places) for t in texts]
    assert normalize_many(texts, fold=fold, places=places) == expected
