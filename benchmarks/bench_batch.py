"""``kehoach validate`` over a folder of 1,000 plans: one process against every core.

Run ``python benchmarks/bench_batch.py [N]``. It writes N plans (default 1,000)
into a temporary folder: the samples shipped with the package and the real
plans of ../shared/corpus when present, each copy with its own document number
and date so no two files are equal. Then, in this one process, it times:

* the baseline: reading every plan (``kehoach_core.read``) in this process;
* ``kehoach validate FOLDER -j 1``;
* ``kehoach validate FOLDER`` (every core).

It prints plans per second and the ratios; it never fails on a time.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
import time
from pathlib import Path

import kehoach_core
from kehoach_core import read
from kehoach_core.cli import main as cli

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = Path(kehoach_core.__file__).parent / "samples"


def make_plans(folder: Path, count: int) -> None:
    sources = [SAMPLES / "superior.txt", SAMPLES / "subordinate.txt"]
    if CORPUS.is_dir():
        sources += sorted(CORPUS.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    for i in range(count):
        text = texts[i % len(texts)]
        text = text.replace("06-KH/TBTT", f"{i + 1:02d}-KH/TBTT").replace(
            "15-KH/ĐU", f"{i + 1:02d}-KH/ĐU"
        )
        (folder / f"plan-{i:05d}.txt").write_text(text, encoding="utf-8")


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        cli(argv)
    return time.perf_counter() - start


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_plans(folder, count)
        start = time.perf_counter()
        for path in sorted(folder.iterdir()):
            read(path)
        baseline = time.perf_counter() - start
        serial = timed(["validate", str(folder), "-j", "1", "-q", "--format", "json"])
        parallel = timed(["validate", str(folder), "-q", "--format", "json"])
    cores = os.cpu_count() or 1
    print(f"{count} plans, {cores} cores")
    print(f"read only (baseline):  {baseline:6.2f} s  {count / baseline:7.1f} plans/s")
    print(
        f"validate -j 1:         {serial:6.2f} s  {count / serial:7.1f} plans/s"
        f"  ({serial / baseline:.2f} x the baseline)"
    )
    print(
        f"validate -j {cores}:         {parallel:6.2f} s  {count / parallel:7.1f} plans/s"
        f"  (speed-up {serial / parallel:.2f} over -j 1)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
