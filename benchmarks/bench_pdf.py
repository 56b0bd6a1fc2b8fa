"""Reading plans from PDF against pypdfium2's own plain text extraction of the same file.

Run ``python benchmarks/bench_pdf.py`` (needs the ``pdf`` extra). For each PDF
of a real plan (the corpus's own, and the fixtures in ``tests/pdf/fixtures``,
also signed with a test certificate when pyHanko and cryptography are there)
this one process times:

* the floor: ``pypdfium2.PdfDocument(data)`` and ``get_text_range()`` of every
  page, the plain text extraction the chosen library gives for free;
* ``layout``: our text layer laid out from coordinates (:func:`pdf_text`);
* ``read(signatures=False)``: the whole PDF path into a Plan, without the signatures;
* ``read``: the same with the digital signatures (pyHanko, only for a signed file).

Aim: ``read`` within 2 x the floor. The candidates are interleaved round by
round; reported are the best times and their ratios to the floor. It never
fails on a time. The first pyHanko import in a process (about 0.3 s) is warm-up,
not counted.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "pdf"))

from kehoach_core import read_pdf  # noqa: E402
from kehoach_core._reading.pdf import pdf_text  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "tests" / "pdf" / "fixtures"
ROUNDS = 15
ROUND_SECONDS = 0.05


def floor(data: bytes) -> str:
    document = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def per_call_ms(function: Callable[[], Any], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        function()
    return (time.perf_counter() - start) / number * 1000


def calls_per_round(function: Callable[[], Any]) -> int:
    function()  # warm up
    once = max(per_call_ms(function, 1) / 1000, 1e-6)
    return max(1, int(ROUND_SECONDS / once))


def files() -> list[tuple[str, bytes]]:
    out = [(p.name, p.read_bytes()) for p in sorted(CORPUS.glob("*.pdf"))]
    for name in ("pho-bang", "luong-minh", "cai-rang", "nghe-an", "kien-moc"):
        out.append((f"{name}.pdf", (FIXTURES / f"{name}.pdf").read_bytes()))
    try:
        from signing import sign_pdf
    except ImportError:  # pragma: no cover - pyHanko or cryptography missing
        return out
    out.append(("kien-moc.pdf, signed", sign_pdf((FIXTURES / "kien-moc.pdf").read_bytes())))
    return out


def main() -> None:
    print(f"{'plan':<48} {'pages':>5} {'floor':>8} {'layout':>8} {'read-sig':>9} {'read':>8}")
    ratios: list[float] = []
    for name, data in files():
        candidates: dict[str, Callable[[], Any]] = {
            "floor": lambda d=data: floor(d),
            "layout": lambda d=data: pdf_text(d),
            "nosig": lambda d=data: read_pdf(d, signatures=False),
            "read": lambda d=data: read_pdf(d),
        }
        numbers = {key: calls_per_round(fn) for key, fn in candidates.items()}
        best = {key: float("inf") for key in candidates}
        per_round: list[float] = []
        for _ in range(ROUNDS):
            times = {key: per_call_ms(fn, numbers[key]) for key, fn in candidates.items()}
            for key, value in times.items():
                best[key] = min(best[key], value)
            per_round.append(times["read"] / times["floor"])
        pages = len(pypdfium2.PdfDocument(data))
        ratio = best["read"] / best["floor"]
        ratios.append(ratio)
        print(
            f"{name:<48} {pages:>5} {best['floor']:>6.1f}ms {best['layout']:>6.1f}ms "
            f"{best['nosig']:>7.1f}ms {best['read']:>6.1f}ms  "
            f"read/floor {ratio:.2f} (median of rounds {statistics.median(per_round):.2f}), "
            f"layout/floor {best['layout'] / best['floor']:.2f}"
        )
    print(f"read/floor: median {statistics.median(ratios):.2f}, worst {max(ratios):.2f} (aim <= 2)")


if __name__ == "__main__":
    main()
