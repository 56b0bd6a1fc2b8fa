"""A one-plan ``kehoach validate`` as a whole process, against a floor script.

Run ``python benchmarks/bench_startup.py [PLAN]``. The floor reads the plan,
puts it in NFC, splits its lines and prints them: what any tool must do. Both
run as fresh processes, bytecode compiled beforehand (as ``pip install`` does),
interleaved, 15 rounds; reported: the best and the median of each, and their
ratio (aim: at most 4x). It never fails on a time.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT.parent / "shared" / "corpus" / "xa-kien-moc-lang-son-2025.txt"
FLOOR = """
import sys, unicodedata
text = open(sys.argv[1], encoding="utf-8").read()
for line in unicodedata.normalize("NFC", text).splitlines():
    print(line)
"""


def run(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    plan = Path(sys.argv[1]) if len(sys.argv) > 1 else PLAN
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    compileall.compile_dir(str(ROOT / "src" / "kehoach_core"), quiet=1)
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(FLOOR)
    floor = [sys.executable, handle.name, str(plan)]
    kehoach = [sys.executable, "-m", "kehoach_core", "validate", str(plan)]
    times: dict[str, list[float]] = {"floor": [], "validate": []}
    for _ in range(15):
        times["floor"].append(run(floor, env))
        times["validate"].append(run(kehoach, env))
    for name, values in times.items():
        best, median = min(values) * 1000, statistics.median(values) * 1000
        print(f"{name:<9} best {best:6.1f} ms, median {median:6.1f} ms")
    ratio = min(times["validate"]) / min(times["floor"])
    print(f"validate / floor: {ratio:.1f}x (aim <= 4x)")


if __name__ == "__main__":
    main()
