"""Hostile input: whatever the bytes, the readers raise only our errors, in bounded time.

The long runs (10,000 examples each) carry the ``slow`` marker, which the
default test command skips; run them with ``python -m pytest -m slow``.
Short versions of the same properties run in every test run.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach_core import KehoachError, from_json, read, read_text, to_dict
from kehoach_core.testing import plans

LONG = settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
SHORT = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))

# Text that looks like a plan: headings, bullets, numbers, dates, blanks, noise.
_TOKENS = st.sampled_from(
    [
        "I.", "II-", "1.", "2.1.", "a)", "(1)", "-", "+", "Đợt 1:", "Thứ nhất,", "KẾ HOẠCH",
        "Nơi nhận:", "T/M", "BAN THƯỜNG VỤ", "Căn cứ", "số 06-KH/TBTT", "ngày 03/7/2025",
        "Đại hội XIV của Đảng", "lần thứ XVIII", "nhiệm kỳ 2025 - 2030", "từ nay đến", "sau",
        "…………", "(b/c);", "Lưu VT.", "2024-11-25T09:13:50+0700", "\n", "\n\n", "  ", "1",
    ]
)  # fmt: skip
plan_like_text = st.lists(st.one_of(_TOKENS, st.text(max_size=12)), max_size=80).map(" ".join)


def _read_text_safely(text: str) -> None:
    with contextlib.suppress(KehoachError):
        read_text(text)


def _read_bytes_safely(data: bytes) -> None:
    with contextlib.suppress(KehoachError):
        read(data)


def _mutated_payload(plan, path_and_value) -> str:
    data = to_dict(plan)
    keys, value = path_and_value
    target = data
    for key in keys[:-1]:
        if isinstance(target, dict) and key in target:
            target = target[key]
    if isinstance(target, dict):
        target[keys[-1]] = value
    return json.dumps(data, ensure_ascii=False)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)
_mutations = st.tuples(
    st.lists(
        st.sampled_from(["phases", "signature", "title", "number", "kind", "window", "0"]),
        min_size=1,
        max_size=3,
    ),
    _json_values,
)


def _load_safely(text: str) -> None:
    with contextlib.suppress(KehoachError):
        from_json(text)


@SHORT
@given(plan_like_text)
def test_text_reader_raises_only_our_errors(text):
    _read_text_safely(text)


@SHORT
@given(st.binary(max_size=2000))
def test_bytes_of_any_kind_raise_only_our_errors(data):
    _read_bytes_safely(data)


@SHORT
@given(plans(), _mutations)
def test_json_loader_raises_only_our_errors_on_mutated_payloads(plan, mutation):
    _load_safely(_mutated_payload(plan, mutation))


@pytest.mark.slow
@LONG
@given(plan_like_text)
def test_long_fuzz_text_reader(text):
    _read_text_safely(text)


@pytest.mark.slow
@LONG
@given(st.text(max_size=3000))
def test_long_fuzz_json_loader_on_arbitrary_text(text):
    _load_safely(text)


@pytest.mark.slow
@LONG
@given(_json_values)
def test_long_fuzz_json_loader_on_arbitrary_json(value):
    _load_safely(json.dumps({"schema": "kehoach/1", "phases": value}))


@pytest.mark.slow
@LONG
@given(st.binary(max_size=5000))
def test_long_fuzz_bytes(data):
    _read_bytes_safely(data)


def _bounded(code: str, *, seconds: int = 60, memory_mb: int = 1500) -> None:
    """Run ``code`` in a child with a memory limit; it must finish in time."""
    script = textwrap.dedent(
        f"""
        import resource
        limit = {memory_mb} * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        """
    ) + textwrap.dedent(code)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=seconds, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_one_megabyte_line_is_read_in_bounded_time_and_memory():
    _bounded(
        """
        from kehoach_core import read_text
        plan = read_text("KẾ HOẠCH\\nI. MỤC ĐÍCH\\n- " + "tuyên truyền " * 80_000 + "\\n")
        assert plan.purposes
        """
    )


def test_fifty_megabyte_text_is_refused_without_reading_it_all():
    _bounded(
        """
        import tempfile, os
        from kehoach_core import read, InputError
        path = tempfile.mktemp(suffix=".txt")
        with open(path, "wb") as f:
            f.truncate(60 * 1024 * 1024)
        try:
            read(path)
        except InputError as exc:
            assert "too large" in str(exc)
        else:
            raise SystemExit("not refused")
        finally:
            os.unlink(path)
        """
    )


def test_deeply_nested_json_is_refused():
    _bounded(
        """
        from kehoach_core import from_json, PayloadError
        try:
            from_json('{"schema": "kehoach/1", "phases": ' + "[" * 200_000 + "]" * 200_000 + "}")
        except PayloadError as exc:
            print(exc)
        """
    )
