"""Time the docx reader against python-docx's own paragraph walk, plan by plan.

Run ``python benchmarks/bench_docx_read.py``. For each real plan in
``../shared/corpus`` it builds a docx (one paragraph per non-empty line, with
the builders of ``tests/docx_io``), then times in this one process:

* the floor: ``docx.Document(io.BytesIO(data))`` and ``[p.text for p in doc.paragraphs]``;
* ``docx_to_document(data)``: the safety checks, the parts read with lxml, and
  the walk that makes the SourceDocument (labels, layout hints, footnotes).

The two alternate round by round, so a slow spell of a noisy machine hits both
alike. It prints the best time of the rounds, the ratio of the best times and
the median of the per-round ratios; it never fails on a time.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from docx_io.builders import docx_from_lines  # noqa: E402
from kehoach_core.docx_io import docx_to_document  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
ROUNDS = 21
NUMBER = 10


def floor(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [paragraph.text for paragraph in document.paragraphs]


def per_call(function: Callable[[bytes], object], data: bytes) -> float:
    start = time.perf_counter()
    for _ in range(NUMBER):
        function(data)
    return (time.perf_counter() - start) / NUMBER


def main() -> int:
    plans = sorted(CORPUS.glob("*.txt"))
    if not plans:
        print(f"no corpus in {CORPUS}")
        return 0
    print(
        f"{'plan':40} {'paras':>6} {'kB':>6} {'floor ms':>9} {'ours ms':>8} {'ratio':>6}"
        f" {'median':>7}"
    )
    ratios = []
    for plan in plans:
        lines = [line for line in plan.read_text(encoding="utf-8").splitlines() if line.strip()]
        data = docx_from_lines(lines)
        assert len(docx_to_document(data).lines) == len(lines)
        floor(data)
        floor_s: list[float] = []
        ours_s: list[float] = []
        for _ in range(ROUNDS):
            floor_s.append(per_call(floor, data))
            ours_s.append(per_call(docx_to_document, data))
        ratio = min(ours_s) / min(floor_s)
        paired = statistics.median(ours / base for ours, base in zip(ours_s, floor_s, strict=True))
        ratios.append(ratio)
        print(
            f"{plan.stem:40} {len(lines):6} {len(data) / 1024:6.0f} "
            f"{min(floor_s) * 1000:9.2f} {min(ours_s) * 1000:8.2f} {ratio:6.2f} {paired:7.2f}"
        )
    print(f"median ratio {statistics.median(ratios):.2f} (aim: within 1.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
