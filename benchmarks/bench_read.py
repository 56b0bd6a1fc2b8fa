"""Reading whole plans: from text, and from a docx made of each, against baselines.

Run ``python benchmarks/bench_read.py``. For each real plan in
``../shared/corpus`` this one process times, best of several rounds:

* ``read_text(text)``: the whole text pipeline into a Plan (aim: under 20 ms
  for a 30 KB plan);
* the docx floor: ``docx.Document(io.BytesIO(data))`` and every paragraph's
  text, on a docx with one paragraph per logical line of the plan;
* ``read(data)``: our whole docx path into a Plan (aim: within 1.5 x the floor);
* ``docx2python`` extracting the same file, when it is installed
  (``pip install docx2python``); skipped otherwise.

It prints times and ratios and never fails on a time.
"""

from __future__ import annotations

import io
import sys
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from docx_io.builders import docx_from_lines  # noqa: E402
from kehoach_core import read, read_text  # noqa: E402
from kehoach_core._text import text_to_document  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
ROUNDS = 7


def best_ms(function: Callable[[], Any]) -> float:
    timer = timeit.Timer(function)
    number, _ = timer.autorange()
    return min(timer.repeat(ROUNDS, number)) / number * 1000


def floor(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [paragraph.text for paragraph in document.paragraphs]


def main() -> int:
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}")
        return 1
    try:
        from docx2python import docx2python
    except ImportError:
        docx2python = None
    print(
        f"{'plan':32} {'KB':>5} {'text ms':>8} {'floor ms':>9} {'docx ms':>8} {'ratio':>6}", end=""
    )
    print(f" {'docx2python ms':>15}")
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        data = docx_from_lines([line.text for line in text_to_document(text).lines])
        text_ms = best_ms(lambda text=text: read_text(text))
        floor_ms = best_ms(lambda data=data: floor(data))
        docx_ms = best_ms(lambda data=data: read(data))
        other = "not installed"
        if docx2python is not None:
            other = f"{best_ms(lambda data=data: docx2python(io.BytesIO(data)).text):.1f}"
        print(
            f"{path.stem:32} {len(text.encode()) / 1024:5.1f} {text_ms:8.1f} {floor_ms:9.1f}"
            f" {docx_ms:8.1f} {docx_ms / floor_ms:6.2f} {other:>15}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
