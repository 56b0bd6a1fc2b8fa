"""Time the docx writer against python-docx writing the same paragraphs with no formatting.

Run ``python benchmarks/bench_docx_write.py``. For each plan (the real plans
in ``../shared/corpus`` and the two examples) it times in this one process:

* the floor: ``docx.Document()``, one ``add_paragraph(text)`` per paragraph
  the writer prints (the same texts, no style, no table, no header), ``save``;
* ``to_docx(plan)``: page setup, styles, the header and signature tables,
  every body paragraph with its style, page numbers, ``save``.

It prints the best time of several rounds and the ratio (goal: within 2 times
the floor); it never fails on a time.
"""

from __future__ import annotations

import io
import timeit
import warnings
from pathlib import Path

import docx

from kehoach_core import read
from kehoach_core.docx_io import docx_to_document
from kehoach_core.docx_io._writer import UnrepresentableWarning, to_docx

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
ROUNDS = 7


def floor(texts: list[str]) -> bytes:
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def best(function: object, number: int = 5) -> float:
    timer = timeit.Timer(function)  # type: ignore[arg-type]
    return min(timer.repeat(repeat=ROUNDS, number=number)) / number


def main() -> None:
    warnings.simplefilter("ignore", UnrepresentableWarning)
    paths = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    paths += sorted((ROOT / "examples").glob("*.json"))
    print(f"{'plan':42} {'paras':>5} {'floor ms':>9} {'to_docx ms':>11} {'ratio':>6}")
    ratios = []
    for path in paths:
        plan = read(path)
        texts = [line.text for line in docx_to_document(to_docx(plan)).lines]
        floor_s = best(lambda texts=texts: floor(texts))
        write_s = best(lambda plan=plan: to_docx(plan))
        ratio = write_s / floor_s
        ratios.append(ratio)
        print(
            f"{path.name:42} {len(texts):5d} {floor_s * 1e3:9.1f} {write_s * 1e3:11.1f}",
            f"{ratio:6.2f}",
        )
    if ratios:
        print(f"worst ratio {max(ratios):.2f} (goal: within 2 times the plain python-docx floor)")


if __name__ == "__main__":
    main()
