"""Properties: the reader never fails with a foreign error and never loses a word."""

from __future__ import annotations

import contextlib
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from text_words import is_subsequence, missing, plan_words, words

from kehoach_core import InputError, KehoachError
from kehoach_core._reading import read_text
from kehoach_core._reading.lines import text_to_document

_VOCABULARY = [
    "tuyên",
    "truyền",
    "Đảng",
    "đại",
    "hội",
    "Đại",
    "cán",
    "bộ",
    "Nhân",
    "dân",
    "XIV",
    "XVIII",
    "2025",
    "2030",
    "kinh",
    "tế",
    "xã",
    "Ban",
    "Tuyên",
    "giáo",
    "chủ",
    "trì",
    "phối",
    "hợp",
    "tham",
    "mưu",
    "Đợt",
    "Thứ",
    "nhất",
    "nhận",
    "T/M",
    "BAN",
    "THƯỜNG",
    "VỤ",
    "BÍ",
    "THƯ",
    "lần",
    "thứ",
    "của",
    "từ",
    "nay",
    "đến",
    "sau",
    "trước",
    "khai",
    "mạc",
    "Đề",
    "nghị",
    "Căn",
    "cứ",
    "Kế",
    "hoạch",
    "số",
    "06-KH/TU",
    "ngày",
    "03/7/2025",
    "MỤC",
    "ĐÍCH",
    "NỘI",
    "DUNG",
    "HÌNH",
    "THỨC",
    "TỔ",
    "CHỨC",
    "THỰC",
    "HIỆN",
    "Lưu",
    "VT",
    "(b/c)",
    "-",
    "–",
    "…",
    "“",
    "”",
    "Mác",
    "Lênin",
    "Ủy",
    "ban",
    "nhiệm",
    "kỳ",
    "báo",
    "cáo",
    "pa",
    "nô",
]
_LABELS = [
    "",
    "",
    "",
    "- ",
    "+ ",
    "(1) ",
    "(2) ",
    "a) ",
    "1. ",
    "2. ",
    "2.1. ",
    "I. ",
    "II- ",
    "III. ",
    "Thứ hai, ",
    "Nơi nhận: ",
    "T/M ",
    "• ",
]
_ENDINGS = ["", ".", ":", ";", ",", "./.", "…"]

_line = st.builds(
    lambda label, body, end: f"{label}{' '.join(body)}{end}",
    st.sampled_from(_LABELS),
    st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=25),
    st.sampled_from(_ENDINGS),
)
_plan_text = st.builds(
    lambda head, lines, sep: sep.join([*head, *lines]),
    st.sampled_from([[], ["KẾ HOẠCH", "Tuyên truyền đại hội", "-----"]]),
    st.lists(_line, min_size=1, max_size=40),
    st.sampled_from(["\n", "\n\n", "\r\n"]),
)


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_raises_only_our_errors(text: str) -> None:
    """Any text either reads or raises a KehoachError (never IndexError, KeyError, ...)."""
    with contextlib.suppress(KehoachError):
        read_text(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_plan_text)
def test_generated_plans_lose_no_word(text: str) -> None:
    """Every word of a generated plan is in the model; in document order outside the tail.

    The signature is one element read from several lines, possibly interleaved with
    recipients or stray lines, so only its presence is checked when a plan has one.
    """
    if not _has_words(text):
        with pytest.raises(InputError):
            read_text(text)
        return
    plan = read_text(text)
    source, held = words(text), plan_words(plan)
    assert not missing(source, held)
    if plan.signature is None:
        ok, reached = is_subsequence(source, held)
        assert ok, (reached, source[max(0, reached - 5) : reached + 3])


@pytest.mark.parametrize(
    "text",
    [
        "Đại hội " * 130_000,  # a 1 MB single line
        "kinh tế - xã hội. - Treo cờ: " * 40_000,  # a 1 MB line of glued items
        "\n".join("từ nay đến " * 8 for _ in range(20_000)),  # a 1.6 MB wrapped paragraph
        "\n".join(f"{'1.' * (i % 4 + 1)} (7) - + a) Thứ hai, x:" for i in range(20_000)),
        "Căn cứ " + "Kế hoạch số 1-KH/TU ngày 1/1/2020 của " * 20_000,
    ],
    ids=["long-line", "glued-items", "long-paragraph", "deep-numbering", "many-citations"],
)
def test_hostile_text_stays_bounded(text: str) -> None:
    """Megabyte inputs built to trip a reader read in a few seconds at most."""
    started = time.perf_counter()
    read_text(text)
    assert time.perf_counter() - started < 20


def test_text_over_50_mib_is_refused() -> None:
    """The reader refuses text over 50 MiB instead of working on it."""
    with pytest.raises(InputError, match="too large"):
        text_to_document("a" * (50 * 1024 * 1024 + 1))
