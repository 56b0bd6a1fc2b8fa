"""Reading whole plans: from text, and from a docx made of each, against baselines.

Run ``python benchmarks/bench_read.py``. For each real plan in
``../shared/corpus`` this one process times:

* ``read_text(text)``: the whole text pipeline into a Plan (aim: under 20 ms
  for a 30 KB plan);
* the docx floor: ``docx.Document(io.BytesIO(data))`` and every paragraph's
  text, on a docx with one paragraph per logical line of the plan;
* ``read(data)``: our whole docx path into a Plan (aim: within 1.5 x the floor);
* ``docx2python`` extracting the same file, when it is installed
  (``pip install docx2python``); skipped otherwise.

The candidates are interleaved: every round times each of them in turn, so a
slow spell of a noisy machine hits them alike. Reported: the best time of the
rounds, the ratio of the best times, and the median of the per-round ratios
(``read`` over the floor of the same round). It never fails on a time.

``python benchmarks/bench_read.py 4 16`` times each plan made 4 and 16 times
as long (its lines repeated), to see how both grow with size.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from docx_io.builders import docx_from_lines  # noqa: E402
from kehoach_core import read, read_text  # noqa: E402
from kehoach_core._reading.lines import text_to_document  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
ROUNDS = 15
ROUND_SECONDS = 0.05


def floor(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [paragraph.text for paragraph in document.paragraphs]


def per_call_ms(function: Callable[[], Any], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        function()
    return (time.perf_counter() - start) / number * 1000


def calls_per_round(function: Callable[[], Any]) -> int:
    function()  # warm up
    return max(1, int(ROUND_SECONDS / (per_call_ms(function, 1) / 1000)))


def interleaved(candidates: dict[str, Callable[[], Any]]) -> dict[str, list[float]]:
    """Per-call times (ms) of each candidate, one entry per round, candidates alternating."""
    numbers = {name: calls_per_round(function) for name, function in candidates.items()}
    times: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(ROUNDS):
        for name, function in candidates.items():
            times[name].append(per_call_ms(function, numbers[name]))
    return times


def main() -> int:
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}")
        return 1
    try:
        from docx2python import docx2python
    except ImportError:
        docx2python = None
    print(
        f"{'plan':32} {'KB':>5} {'text ms':>8} {'floor ms':>9} {'docx ms':>8} {'ratio':>6}"
        f" {'median':>7} {'docx2python ms':>15}"
    )
    scales = [int(arg) for arg in sys.argv[1:]] or [1]
    for path, scale in ((p, n) for n in scales for p in sorted(CORPUS.glob("*.txt"))):
        text = "\n".join([path.read_text(encoding="utf-8")] * scale)
        data = docx_from_lines([line.text for line in text_to_document(text).lines])
        candidates: dict[str, Callable[[], Any]] = {
            "text": lambda text=text: read_text(text),
            "floor": lambda data=data: floor(data),
            "docx": lambda data=data: read(data),
        }
        if docx2python is not None:
            candidates["docx2python"] = lambda data=data: docx2python(io.BytesIO(data)).text
        times = interleaved(candidates)
        best = {name: min(values) for name, values in times.items()}
        paired = statistics.median(
            ours / base for ours, base in zip(times["docx"], times["floor"], strict=True)
        )
        other = f"{best['docx2python']:.1f}" if "docx2python" in best else "not installed"
        label = path.stem[:28] + (f" x{scale}" if scale > 1 else "")
        print(
            f"{label:32} {len(text.encode()) / 1024:5.1f} {best['text']:8.1f}"
            f" {best['floor']:9.1f} {best['docx']:8.1f} {best['docx'] / best['floor']:6.2f}"
            f" {paired:7.2f} {other:>15}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
