"""Every verb, given any bytes as its plan, answers with an exit code and one line, never a
traceback; a mutated PDF raises only our errors."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach_core import KehoachError, read
from kehoach_core.cli import main

FEW = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
PDF = Path(__file__).parent / "pdf" / "fixtures" / "kien-moc.pdf"

_CONTENT = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=400).map(lambda t: t.encode("utf-8")),
    st.sampled_from(
        [b"%PDF-1.7\n", b"PK\x03\x04", b'{"schema": "kehoach/1"}', b"\xd0\xcf\x11\xe0"]
    ),
)
_VERBS = st.sampled_from(
    [
        ["read", "{plan}", "-o", "{out}.json"],
        ["validate", "{plan}"],
        ["docx", "{plan}", "-o", "{out}.docx"],
        ["ics", "{plan}", "-o", "{out}.ics"],
        ["schedule", "{plan}", "-o", "{out}.toml"],
        ["compare", "{plan}", "{plan}"],
        ["diff", "{plan}", "{plan}"],
        ["fix", "{plan}", "--diff"],
    ]
)


@FEW
@given(
    content=_CONTENT, suffix=st.sampled_from([".txt", ".json", ".docx", ".pdf", ""]), verb=_VERBS
)
def test_every_verb_answers_any_bytes_with_an_exit_code(
    tmp_path_factory: pytest.TempPathFactory, content: bytes, suffix: str, verb: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    plan = folder / f"plan{suffix}"
    plan.write_bytes(content)
    argv = [a.format(plan=plan, out=folder / "out") for a in verb]
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    assert code in (0, 1, 2)
    assert "Traceback" not in err.getvalue()
    if code == 2:
        assert err.getvalue().count("kehoach: error:") == 1


@FEW
@given(st.lists(st.tuples(st.integers(0, 66_000), st.integers(0, 255)), min_size=1, max_size=8))
def test_a_mutated_pdf_raises_only_our_errors(edits: list[tuple[int, int]]) -> None:
    pytest.importorskip("pypdfium2", reason="the 'pdf' extra is not installed")
    data = bytearray(PDF.read_bytes())
    for at, value in edits:
        data[at % len(data)] = value
    with contextlib.suppress(KehoachError):
        read(bytes(data))
