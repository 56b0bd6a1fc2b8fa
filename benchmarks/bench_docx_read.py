"""Time the docx reader against python-docx's own paragraph walk, plan by plan.

Run ``python benchmarks/bench_docx_read.py``. For each real plan in
``../shared/corpus`` it builds a docx (one paragraph per non-empty line, with
the builders of ``tests/docx_io``), then times in this one process:

* the floor: ``docx.Document(io.BytesIO(data))`` and ``[p.text for p in doc.paragraphs]``;
* ``docx_to_document(data)``: the safety checks, the same load, and the walk
  that makes the SourceDocument (labels, layout hints, footnotes).

It prints the best time of several rounds and the ratio; it never fails on a time.
"""

from __future__ import annotations

import io
import statistics
import sys
import timeit
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from docx_io.builders import docx_from_lines  # noqa: E402
from kehoach_core.docx_io import docx_to_document  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
ROUNDS = 7


def floor(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [paragraph.text for paragraph in document.paragraphs]


def best(function: object, data: bytes, number: int) -> float:
    timer = timeit.Timer(lambda: function(data))  # type: ignore[operator]
    return min(timer.repeat(repeat=ROUNDS, number=number)) / number


def main() -> int:
    plans = sorted(CORPUS.glob("*.txt"))
    if not plans:
        print(f"no corpus in {CORPUS}")
        return 0
    print(f"{'plan':40} {'paras':>6} {'kB':>6} {'floor ms':>9} {'ours ms':>8} {'ratio':>6}")
    ratios = []
    for plan in plans:
        lines = [line for line in plan.read_text(encoding="utf-8").splitlines() if line.strip()]
        data = docx_from_lines(lines)
        assert len(docx_to_document(data).lines) == len(lines)
        number = 10
        floor_s = best(floor, data, number)
        ours_s = best(docx_to_document, data, number)
        ratio = ours_s / floor_s
        ratios.append(ratio)
        print(
            f"{plan.stem:40} {len(lines):6} {len(data) / 1024:6.0f} "
            f"{floor_s * 1000:9.2f} {ours_s * 1000:8.2f} {ratio:6.2f}"
        )
    print(f"median ratio {statistics.median(ratios):.2f} (aim: within 1.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
